use super::*;
use crate::diag::{Code, Known, RuleMessage};
use crate::source::Span;

/// [`super::human_one`] as text.
fn human_one(src: &Source, f: &Finding, color: bool, lang: Language) -> String {
    let mut out = Vec::new();
    super::human_one(&mut out, src, f, color, lang).unwrap();
    String::from_utf8(out).unwrap()
}

/// [`super::github`] as text.
fn github(src: &Source, findings: &[Finding], lang: Language) -> String {
    let mut out = Vec::new();
    super::github(&mut out, src, findings, lang).unwrap();
    String::from_utf8(out).unwrap()
}

/// The summary of `findings`.
fn summary(findings: &[Finding], lang: Language) -> String {
    let errors = findings
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .count();
    summary_of(errors, findings.len() - errors, lang)
}

fn unknown_owner(owner: &str, suggestion: &str) -> RuleMessage {
    RuleMessage::UnknownOwner {
        initiative: "i".into(),
        owner: owner.into(),
        known: Known::Suggestion(suggestion.into()),
    }
}

#[test]
fn caret_under_polish_text() {
    let src = Source::new("r.toml", "title = \"Ćwiczenia\"\nowner = \"jk\"\n".into());
    let at = src.text.find("\"jk\"").unwrap();
    let f = Finding::new(Code::E005, Span::new(at, at + 4), unknown_owner("jk", "ak"));
    let text = human_one(&src, &f, false, Language::En);
    assert_eq!(
        text,
        "error[E005]: the owner \"jk\" of initiative \"i\" is not a [[team]] member\n --> r.toml:2:9\n  |\n2 | owner = \"jk\"\n  |         ^^^^\n  = help: did you mean \"ak\"?\n"
    );
    let at = src.text.find("Ćw").unwrap();
    let m = RuleMessage::NoSuccessMeasure {
        initiative: "x".into(),
    };
    let f = Finding::new(Code::W002, Span::new(at, at + "Ćwiczenia".len()), m);
    assert!(human_one(&src, &f, false, Language::En).contains("\n  |          ^^^^^^^^^\n"));
}

#[test]
fn github_escapes() {
    let src = Source::new("a,b:c.toml", "x = 1\n".into());
    let f = Finding::new(Code::E005, Span::new(0, 1), unknown_owner("50%", "h"));
    assert_eq!(
        github(&src, &[f], Language::En),
        "::error file=a%2Cb%3Ac.toml,line=1,col=1,endColumn=2,title=E005::the owner \"50%25\" of initiative \"i\" is not a [[team]] member%0Ahelp: did you mean \"h\"?\n"
    );
}

#[test]
fn summary_counts() {
    let m = RuleMessage::NoOwner {
        initiative: "w".into(),
    };
    let f = Finding::new(Code::W001, Span::new(0, 0), m);
    assert_eq!(summary(&[], Language::En), "0 errors, 0 warnings");
    assert_eq!(
        summary(std::slice::from_ref(&f), Language::En),
        "0 errors, 1 warning"
    );
    assert_eq!(summary(&[], Language::Pl), "0 błędów, 0 ostrzeżeń");
    assert_eq!(summary(&[f], Language::Pl), "0 błędów, 1 ostrzeżenie");
}

#[test]
fn polish_plurals() {
    let forms = ["błąd", "błędy", "błędów"];
    let cases = [
        (0, "błędów"),
        (1, "błąd"),
        (2, "błędy"),
        (4, "błędy"),
        (5, "błędów"),
        (11, "błędów"),
        (12, "błędów"),
        (14, "błędów"),
        (21, "błędów"),
        (22, "błędy"),
        (24, "błędy"),
        (25, "błędów"),
        (101, "błędów"),
        (102, "błędy"),
        (112, "błędów"),
        (1000, "błędów"),
    ];
    for (n, word) in cases {
        assert_eq!(plural(n, forms, Language::Pl), format!("{n} {word}"));
    }
    assert_eq!(
        plural(2, ["error", "errors", "errors"], Language::En),
        "2 errors"
    );
}

#[test]
fn polish_labels_but_english_commands() {
    let src = Source::new("r.toml", "owner = \"jk\"\n".into());
    let f = Finding::new(Code::E005, Span::new(8, 12), unknown_owner("jk", "ak"));
    let human = human_one(&src, &f, false, Language::Pl);
    assert!(
        human.starts_with("błąd[E005]: właściciel \"jk\""),
        "{human}"
    );
    assert!(
        human.contains("= wskazówka: czy chodziło o \"ak\"?"),
        "{human}"
    );
    let gh = github(&src, &[f], Language::Pl);
    assert!(gh.starts_with("::error file=r.toml,"), "{gh}");
    assert!(gh.contains("%0Awskazówka: czy chodziło o"), "{gh}");
}
