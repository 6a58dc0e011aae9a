use super::*;

#[test]
fn quoted_escapes_as_escape_debug_does() {
    for s in [
        "ini-1",
        "",
        "a b",
        "żółw",
        "say \"hi\"",
        "it's",
        "a\\b",
        "tab\there",
        "\u{301}e",
        "line\n",
    ] {
        assert_eq!(
            Quoted(s).to_string(),
            format!("\"{}\"", s.escape_debug()),
            "{s:?}"
        );
    }
}

#[test]
fn suggestions() {
    assert_eq!(
        suggest("measurment", ["governance", "measurement", "design"]),
        Some("measurement")
    );
    assert_eq!(suggest("ownr", ["owner", "kpi"]), Some("owner"));
    assert_eq!(suggest("zzzzzz", ["owner", "kpi"]), None);
}

#[test]
fn a_finding_stays_small() {
    // A large file has millions of findings, all held to be sorted: a
    // variant with a large payload must box it (or leave out what can be
    // made when rendered) rather than grow them all. 88 bytes keeps 10^6
    // tiny initiatives with their 5 M findings under 1 GiB (BENCHMARKS.md).
    assert!(std::mem::size_of::<Finding>() <= 88);
}
