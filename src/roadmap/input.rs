//! Reading a roadmap's bytes: from a file or standard input, with the size
//! limit, a UTF-8 byte-order mark dropped, and invalid UTF-8 turned into a
//! finding rather than an error.

use crate::diag::{Code, Finding, LoadMessage};
use crate::render::messages::app::{AppError, Reason};
use crate::source::{Source, Span};
use anyhow::Result;
use std::io::Read;
use std::path::Path;

/// Files over 64 MiB are refused (SPEC section 1).
pub(crate) const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Reads `path` (`-` for standard input). An error here means the command
/// could not run (exit 2); bad content is for the loader to report.
pub(crate) fn read(path: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| AppError::ReadStdin {
                reason: Reason::of(&e),
            })?;
    } else {
        let p = Path::new(path);
        let unreadable = |e: std::io::Error| AppError::Read {
            path: path.to_string(),
            reason: Reason::of(&e),
        };
        let file = std::fs::File::open(p).map_err(unreadable)?;
        let meta = file.metadata().map_err(unreadable)?;
        if meta.is_dir() {
            return Err(AppError::ReadDirectory {
                path: path.to_string(),
            }
            .into());
        }
        // Read into place at once rather than doubling the buffer as it fills.
        bytes.reserve_exact(usize::try_from(meta.len().min(MAX_BYTES) + 1).unwrap_or(0));
        file.take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(AppError::TooLarge {
            path: path.to_string(),
        }
        .into());
    }
    Ok(bytes)
}

/// The display name of an input path.
pub(crate) fn display_name(path: &str) -> String {
    if path == "-" {
        "<stdin>".to_string()
    } else {
        path.to_string()
    }
}

/// Turns bytes into a source. Invalid UTF-8 gives an E001 finding at the
/// first bad byte (the text is then decoded lossily for display).
pub(crate) fn decode(name: &str, bytes: Vec<u8>) -> (Source, Option<Finding>) {
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
mod tests;
