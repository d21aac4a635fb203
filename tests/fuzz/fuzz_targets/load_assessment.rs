//! Any bytes as an assessment file: loading must either work, with every
//! text cleaned, or say what is wrong; never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(loaded) = ietkit::store::assessment_file::parse("fuzz.ron", text) {
        // Each piece of text as loaded, not as RON writes it (RON escapes
        // control characters itself, so its output is always clean).
        let left = ietkit::text::unsafe_pieces(&loaded.assessment);
        assert!(
            left.is_empty(),
            "a loaded assessment holds unsafe text: {left:?}"
        );
    }
});
