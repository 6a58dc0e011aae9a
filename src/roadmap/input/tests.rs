#![allow(clippy::unwrap_used)]
use super::*;

/// A file is read whole, byte for byte.
#[test]
fn reads_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let text: Vec<u8> = "# żółć\n".bytes().cycle().take(1_500_001).collect();
    let path = dir.path().join("r.toml");
    std::fs::write(&path, &text).unwrap();
    assert!(read(path.to_str().unwrap()).unwrap() == text);
}
