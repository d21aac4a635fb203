//! Any bytes as an assessment file: loading must either work, with every
//! text cleaned, or say what is wrong; never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(loaded) = ietkit::store::assessment_file::parse("fuzz.ron", text) {
        let saved = ietkit::store::assessment_file::to_text(&loaded.assessment);
        assert!(
            !saved
                .chars()
                .any(|c| c != '\n' && ietkit::text::is_unsafe(c)),
            "a loaded assessment holds no unsafe character"
        );
    }
});
