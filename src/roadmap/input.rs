//! Reading a roadmap's bytes: from a file or standard input, with the size
//! limit, a UTF-8 byte-order mark dropped, and invalid UTF-8 turned into a
//! finding rather than an error.

use crate::diag::{Code, Finding, LoadMessage};
use crate::source::{Source, Span};
use anyhow::{Context, Result, bail};
use std::io::Read;
use std::path::Path;

/// Files over 64 MiB are refused (SPEC section 1).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Reads `path` (`-` for standard input). An error here means the command
/// could not run (exit 2); bad content is for the loader to report.
pub fn read(path: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("could not read standard input")?;
    } else {
        let p = Path::new(path);
        let file = std::fs::File::open(p).with_context(|| format!("could not read {path}"))?;
        let meta = file
            .metadata()
            .with_context(|| format!("could not read {path}"))?;
        if meta.is_dir() {
            bail!("could not read {path}: it is a directory");
        }
        if let Some(read) = read_in_halves(&file, &meta) {
            return Ok(read);
        }
        // Read into place at once rather than doubling the buffer as it fills.
        bytes.reserve_exact(usize::try_from(meta.len().min(MAX_BYTES) + 1).unwrap_or(0));
        file.take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("could not read {path}"))?;
    }
    if bytes.len() as u64 > MAX_BYTES {
        bail!("{path} is larger than 64 MiB; cxm refuses files that large");
    }
    Ok(bytes)
}

/// From what size a file is read by two threads.
const HALVES_FROM: u64 = 1024 * 1024;

/// A large regular file read in two halves side by side: most of a read's
/// time is the fresh buffer's memory being mapped in, which two cores do
/// in half the time. `None` (read it the usual way) for a small or special
/// file, on any error, or when the file's size changed under the read.
#[cfg(unix)]
fn read_in_halves(file: &std::fs::File, meta: &std::fs::Metadata) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt as _;
    let len = meta.len();
    if !meta.is_file() || !(HALVES_FROM..=MAX_BYTES).contains(&len) {
        return None;
    }
    let len = usize::try_from(len).ok()?;
    let mut bytes = vec![0u8; len];
    let (head, tail) = bytes.split_at_mut(len / 2);
    let tail_at = head.len() as u64;
    let read = std::thread::scope(|scope| {
        let tail_read = scope.spawn(|| file.read_exact_at(tail, tail_at));
        let head_read = file.read_exact_at(head, 0);
        head_read.is_ok() && tail_read.join().is_ok_and(|r| r.is_ok())
    });
    // Nothing may follow what the size promised.
    let ended = file.read_at(&mut [0u8; 1], len as u64).ok() == Some(0);
    (read && ended).then_some(bytes)
}

#[cfg(not(unix))]
fn read_in_halves(_file: &std::fs::File, _meta: &std::fs::Metadata) -> Option<Vec<u8>> {
    None
}

/// The display name of an input path.
pub fn display_name(path: &str) -> String {
    if path == "-" {
        "<stdin>".to_string()
    } else {
        path.to_string()
    }
}

/// Turns bytes into a source. Invalid UTF-8 gives an E001 finding at the
/// first bad byte (the text is then decoded lossily for display).
pub fn decode(name: &str, bytes: Vec<u8>) -> (Source, Option<Finding>) {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => (Source::new(name, text), None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let finding = Finding::new(Code::E001, Span::new(at, at + 1), LoadMessage::NotUtf8);
            (Source::new(name, text), Some(finding))
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A large file read in halves is the file, byte for byte, whatever
    /// its size's parity and wherever a character falls at the cut.
    #[test]
    fn halves_read_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        for len in [HALVES_FROM as usize - 1, HALVES_FROM as usize, 1_500_001] {
            let text: Vec<u8> = "# żółć\n".bytes().cycle().take(len).collect();
            let path = dir.path().join(format!("r{len}.toml"));
            std::fs::write(&path, &text).unwrap();
            let read = read(path.to_str().unwrap()).unwrap();
            assert!(read == text, "{len} bytes read differently");
        }
    }
}
