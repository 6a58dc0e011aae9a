use super::*;

fn cycle(ids: &[&str]) -> String {
    let m = RuleMessage::DependencyCycle {
        cycle: ids.iter().map(|s| s.to_string()).collect(),
    };
    text(&m, Language::En)
}

#[test]
fn cycles_of_one_and_of_many() {
    assert_eq!(
        cycle(&["a b"]),
        "initiative \"a b\" depends on itself: a b → a b"
    );
    assert_eq!(
        cycle(&["a", "b", "c"]),
        "initiatives depend on each other in a cycle: a → b → c → a"
    );
    let twelve: Vec<String> = (0..12).map(|i| format!("c{i}")).collect();
    let twelve: Vec<&str> = twelve.iter().map(String::as_str).collect();
    assert!(cycle(&twelve).ends_with("c10 → c11 → c0"));
    let long: Vec<String> = (0..30).map(|i| format!("c{i}")).collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    assert_eq!(
        cycle(&long),
        "initiatives depend on each other in a cycle: \
             c0 → c1 → c2 → c3 → c4 → c5 → … 18 more … → c24 → c25 → c26 → c27 → c28 → c29 → c0"
    );
}

#[test]
fn each_language_has_its_own_words() {
    let m = RuleMessage::BudgetOverflow;
    assert_eq!(
        text(&m, Language::En),
        "the budget is too large to compute exactly"
    );
    assert_eq!(
        help(&m, Language::En),
        ["amounts and their sums must stay within 10^13"]
    );
    assert_eq!(
        text(&m, Language::Pl),
        "budżet jest zbyt duży, by policzyć go dokładnie"
    );
    assert_eq!(
        help(&m, Language::Pl),
        ["kwoty i ich sumy nie mogą przekraczać 10^13"]
    );
}

#[test]
fn a_long_cycle_in_polish() {
    let m = RuleMessage::DependencyCycle {
        cycle: (0..30).map(|i| format!("c{i}")).collect(),
    };
    assert_eq!(
        text(&m, Language::Pl),
        "inicjatywy zależą od siebie nawzajem w cyklu: \
             c0 → c1 → c2 → c3 → c4 → c5 → … jeszcze 18 … → c24 → c25 → c26 → c27 → c28 → c29 → c0"
    );
}
