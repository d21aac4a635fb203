//! The domain: pure types and rules, no terminal and no files.

/// Serde for a type that is written in files as its `Display` text and read
/// back with `FromStr` (dates and times), so files stay plain to read.
macro_rules! serde_as_text {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub mod assessment;
pub mod changes;
pub mod comparison;
pub mod content_hash;
pub mod date;
pub mod rollup;
pub mod rubric;
pub mod scale;
pub mod scoring;
pub mod screener;
pub mod timestamp;
pub mod toolkit;
pub mod validate;
