//! The words of `cxm rollover`: what it changed and dropped, and what needs
//! a new value, one line each, in English or Polish.

use crate::roadmap::Language;
use crate::rollover::{Note, Owner, Rollover};

/// The report: a heading per part, a line per note, ending in a newline.
pub fn text(r: &Rollover, output: &str, lang: Language) -> String {
    let (changed, dropped, review): (Vec<&Note>, Vec<&Note>, Vec<&Note>) = {
        let mut c = Vec::new();
        let mut d = Vec::new();
        let mut v = Vec::new();
        for n in &r.notes {
            match n {
                Note::PlanYear { .. } | Note::BaselineMoved { .. } => c.push(n),
                Note::DroppedInitiative { .. }
                | Note::DroppedYearGoal { .. }
                | Note::DroppedLongGoal { .. }
                | Note::DroppedReference { .. } => d.push(n),
                Note::NeedsTarget { .. } | Note::AsOfKept { .. } | Note::CapKept { .. } => {
                    v.push(n);
                }
            }
        }
        (c, d, v)
    };
    let pl = lang == Language::Pl;
    let mut out = if pl {
        format!("Zapisano {output}: plan na {}.\n", r.year)
    } else {
        format!("Wrote {output}: the {} plan.\n", r.year)
    };
    let mut part = |title: (&str, &str), notes: &[&Note]| {
        if notes.is_empty() {
            return;
        }
        out.push('\n');
        out.push_str(if pl { title.1 } else { title.0 });
        out.push('\n');
        for n in notes {
            out.push_str("  - ");
            out.push_str(&if pl { note_pl(n) } else { note_en(n) });
            out.push('\n');
        }
    };
    part(("Changed:", "Zmieniono:"), &changed);
    part(("Dropped:", "Usunięto:"), &dropped);
    part(("Needs a new value:", "Do uzupełnienia:"), &review);
    out
}

fn owner_en(o: &Owner) -> String {
    match o {
        Owner::Initiative(id) => format!("initiative \"{id}\""),
        Owner::Goal(id) => format!("goal \"{id}\""),
        Owner::Scenario(name) => format!("scenario \"{name}\""),
    }
}

fn owner_pl(o: &Owner) -> String {
    match o {
        Owner::Initiative(id) => format!("inicjatywy \"{id}\""),
        Owner::Goal(id) => format!("celu \"{id}\""),
        Owner::Scenario(name) => format!("scenariusza \"{name}\""),
    }
}

fn note_en(n: &Note) -> String {
    match n {
        Note::PlanYear { from: Some(f), to } => format!("plan_year {f} → {to}"),
        Note::PlanYear { from: None, to } => format!("plan_year set to {to}"),
        Note::BaselineMoved {
            kpi,
            value,
            date,
            checkpoints,
        } => {
            let mut s =
                format!("KPI \"{kpi}\": baseline {value} on {date} (its latest measurement)");
            if *checkpoints > 0 {
                s.push_str(&format!(
                    "; checkpoints already behind it dropped: {checkpoints}"
                ));
            }
            s
        }
        Note::DroppedInitiative { id, end } => {
            format!("initiative \"{id}\" (done or cancelled, ended {end})")
        }
        Note::DroppedYearGoal { id, year } => format!("goal \"{id}\" (the {year} goal)"),
        Note::DroppedLongGoal { id, until } => format!("goal \"{id}\" (until {until})"),
        Note::DroppedReference { owner, key, id } => {
            format!("\"{id}\" from `{key}` of {}", owner_en(owner))
        }
        Note::NeedsTarget { kpi, latest } => format!(
            "KPI \"{kpi}\" already reached its target ({latest}): set a new `target` (its baseline is kept)"
        ),
        Note::AsOfKept { as_of } => {
            format!("`as_of` is still {as_of}: move it when you next record spending or check-ins")
        }
        Note::CapKept { cap } => format!("`budget_cap` is still {cap}: set next year's"),
    }
}

fn note_pl(n: &Note) -> String {
    match n {
        Note::PlanYear { from: Some(f), to } => format!("plan_year {f} → {to}"),
        Note::PlanYear { from: None, to } => format!("ustawiono plan_year na {to}"),
        Note::BaselineMoved {
            kpi,
            value,
            date,
            checkpoints,
        } => {
            let mut s = format!("KPI \"{kpi}\": wartość bazowa {value} z {date} (ostatni pomiar)");
            if *checkpoints > 0 {
                s.push_str(&format!(
                    "; usunięte punkty kontrolne, które już minęły: {checkpoints}"
                ));
            }
            s
        }
        Note::DroppedInitiative { id, end } => {
            format!("inicjatywę \"{id}\" (zakończona lub anulowana, koniec {end})")
        }
        Note::DroppedYearGoal { id, year } => format!("cel \"{id}\" (cel na {year})"),
        Note::DroppedLongGoal { id, until } => format!("cel \"{id}\" (do {until})"),
        Note::DroppedReference { owner, key, id } => {
            format!("\"{id}\" z `{key}` {}", owner_pl(owner))
        }
        Note::NeedsTarget { kpi, latest } => format!(
            "KPI \"{kpi}\" osiągnął już cel ({latest}): wpisz nowy `target` (wartość bazowa zostaje)"
        ),
        Note::AsOfKept { as_of } => format!(
            "`as_of` to nadal {as_of}: przesuń tę datę przy najbliższym wpisie wydatków lub postępu"
        ),
        Note::CapKept { cap } => {
            format!("`budget_cap` to nadal {cap}: wpisz limit na nowy rok")
        }
    }
}
