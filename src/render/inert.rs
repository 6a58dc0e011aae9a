//! Text from a roadmap made inert for a terminal: every character that
//! could move the cursor, clear the screen, set a window title, plant a
//! hyperlink or reorder what is shown is written as a visible escape
//! instead, the way Rust writes it (`\u{1b}`, `\r`, `\0`), as messages
//! already write the values they quote (`diag::Quoted`).
//!
//! Escaped: the C0 controls (U+0000–U+001F, tab among them: callers that
//! show a tab as spaces replace it first), DEL and the C1 controls
//! (U+007F–U+009F), the bidirectional controls (U+061C, U+200E, U+200F,
//! U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators
//! (U+2028, U+2029). Everything else, Polish letters and CJK included, is
//! shown as it is.

use std::borrow::Cow;

/// Whether `c` is written as an escape.
pub(crate) fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}')
}

/// `s` with every unsafe character escaped; `s` itself, unallocated, when
/// it has none (the usual case).
pub(crate) fn inert(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_become_escapes() {
        assert_eq!(inert("Żółć 漢字"), "Żółć 漢字");
        assert!(matches!(inert("plain"), Cow::Borrowed(_)));
        assert_eq!(
            inert("a\u{1b}]0;PWNED\u{7}\u{1b}[2J\rb\0c\td\u{9b}e"),
            "a\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J\\rb\\0c\\td\\u{9b}e"
        );
        assert_eq!(
            inert("x\u{202e}y\u{2066}z\u{200f}\u{61c}\u{2028}"),
            "x\\u{202e}y\\u{2066}z\\u{200f}\\u{61c}\\u{2028}"
        );
        // What comes out is safe: escaping it again changes nothing.
        let once = inert("\u{1b}[31m\u{202e}").into_owned();
        assert_eq!(inert(&once), once);
    }
}
