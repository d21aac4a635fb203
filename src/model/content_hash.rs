//! A stable fingerprint of parsed content.
//!
//! It detects change; it is not a security measure. FNV-1a over the compact
//! RON form is stable across Rust releases (unlike `DefaultHasher`) and needs
//! no extra crate.

use serde::Serialize;

pub fn content_hash<T: Serialize>(value: &T) -> String {
    // Serialising plain owned data to a string cannot fail; if it ever did,
    // hashing the empty string still yields a value that differs from real content.
    let text = ron::to_string(value).unwrap_or_default();
    format!("fnv1a64:{:016x}", fnv1a64(text.as_bytes()))
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fnv_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn different_content_different_hash() {
        assert_ne!(content_hash(&"one"), content_hash(&"two"));
        assert_eq!(content_hash(&vec![1, 2]), content_hash(&vec![1, 2]));
    }
}
