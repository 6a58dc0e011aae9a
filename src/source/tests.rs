use super::*;
use proptest::prelude::*;

proptest! {
    #[test]
    fn line_starts_are_after_every_line_end(text in "[a\\n\\x0b\\x09\\x8a\\x0d\\x0aż\\r]{0,80}") {
        let b = text.as_bytes();
        let naive: Vec<usize> = std::iter::once(0)
            .chain((0..b.len()).filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n'))).map(|i| i + 1))
            .collect();
        prop_assert_eq!(line_starts(&text), naive);
    }
}

#[test]
fn spans_keep_every_offset_of_a_file_cxm_reads() {
    let max = crate::roadmap::input::MAX_BYTES as usize;
    let span = Span::new(max, max + 1);
    assert_eq!((span.start(), span.end()), (max, max + 1));
    // Beyond 32 bits (never reached: larger files are refused) an
    // offset is clamped.
    assert_eq!(Span::new(usize::MAX, 0).start(), u32::MAX as usize);
}

#[test]
fn columns_count_characters() {
    let s = Source::new("r.toml", "a = 1\r\ntitle = \"Żółć\" x\n".to_string());
    assert_eq!(s.position(0), Position { line: 1, column: 1 });
    let x = s.text.find(" x").unwrap() + 1;
    assert_eq!(
        s.position(x),
        Position {
            line: 2,
            column: 16
        }
    );
    assert_eq!(s.line_text(1), "a = 1");
    assert_eq!(s.line_text(3), "");
    assert_eq!(s.position(10_000).line, 3);
}

proptest! {
    /// The character index gives the column a plain count from the line's
    /// start gives, across its marks (lines longer than [`MARK`] bytes).
    #[test]
    fn columns_are_counted_characters(
        text in "[aż€\\n\\r😀]{0,40}",
        one_line in any::<bool>(),
        repeat in 1usize..300,
        at in 0usize..100_000,
    ) {
        // Half the cases a long line (far beyond the marks) after a short
        // one, so that neither starts at a mark.
        let text = if one_line {
            format!("ż = 1\n{}", text.replace(['\n', '\r'], "").repeat(repeat))
        } else {
            text.repeat(repeat)
        };
        let s = Source::new("r.toml", text.clone());
        let offset = s.clamp(at);
        let start = s.starts()[s.line_index(offset)];
        let column = text[start..offset].chars().count() + 1;
        prop_assert_eq!(s.position(offset).column, column);
    }
}
