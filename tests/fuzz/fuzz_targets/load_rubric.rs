//! Any bytes as a rubric, toolkit or screener file: checked or refused with
//! a message, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = ietkit::store::data_file::parse("fuzz.ron", text);
    let _ = ietkit::store::data_file::load_rubric("fuzz.ron", text);
});
