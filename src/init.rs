//! `cxm init`: a commented starter roadmap in English or Polish that passes
//! `cxm check` as written, so a new user starts from something that works,
//! and what `init` says about it, in the same language.

use crate::roadmap::Language;
use chrono::{Datelike, NaiveDate};
use std::path::Path;

/// The starter roadmap for the year after `today`.
pub(crate) fn starter(lang: Language, today: NaiveDate) -> String {
    let template = match lang {
        Language::En => EN,
        Language::Pl => PL,
    };
    let plan_year = today.year() + 1;
    let ago = |days: i64| {
        today
            .checked_sub_signed(chrono::Duration::days(days))
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string()
    };
    template
        .replace("{done_start}", &ago(DONE_START))
        .replace("{done_end}", &ago(DONE_END))
        .replace("{wip_quote}", &ago(WIP_QUOTE))
        .replace("{wip_start}", &ago(WIP_START))
        .replace("{spend_1}", &ago(SPEND_1))
        .replace("{spend_2}", &ago(SPEND_2))
        .replace("{schema}", "./roadmap.schema.json")
        .replace("{as_of}", &today.format("%Y-%m-%d").to_string())
        .replace("{quote_date}", &today.format("%Y-%m-%d").to_string())
        .replace("{long_until}", &(plan_year + 3).to_string())
        .replace("{year}", &plan_year.to_string())
}

/// What `cxm init` says on standard error once it has written the roadmap
/// at `path` (and the schema at `schema`, when it wrote one): the files and
/// what to do next, in the language of the template.
pub(crate) fn wrote(path: &Path, schema: Option<&Path>, lang: Language) -> Vec<String> {
    let path = path.display();
    let mut lines = Vec::new();
    match lang {
        Language::En => {
            lines.push(format!("wrote {path}"));
            if let Some(schema) = schema {
                lines.push(format!(
                    "wrote {} (the schema its first line names, for editors)",
                    schema.display()
                ));
            }
            lines.push(format!("next: edit it, then run `cxm check {path}`"));
        }
        Language::Pl => {
            lines.push(format!("zapisano {path}"));
            if let Some(schema) = schema {
                lines.push(format!(
                    "zapisano {} (schemat wskazany w pierwszym wierszu roadmapy; \
                     podpowiada edytorom)",
                    schema.display()
                ));
            }
            lines.push(format!(
                "co dalej: dostosuj roadmapę do siebie i uruchom `cxm check {path}`"
            ));
        }
    }
    lines
}

/// Past work is dated back from today, so that whatever the day the done
/// initiative ended within the last 12 months and the one in progress has
/// started and spent before `as_of`: days before today of each date.
const DONE_START: i64 = 200;
const DONE_END: i64 = 90;
const WIP_QUOTE: i64 = 75;
const WIP_START: i64 = 60;
const SPEND_1: i64 = 30;
const SPEND_2: i64 = 5;

/// The templates are files, to be read and edited as the roadmaps they
/// become. Not TOML as they stand: `{schema}`, `{year}`, `{as_of}`,
/// `{quote_date}` and the dates of past work (`{done_start}`, `{done_end}`,
/// `{wip_quote}`, `{wip_start}`, `{spend_1}`, `{spend_2}`) are filled in by
/// [`starter`].
const EN: &str = include_str!("../assets/init/roadmap.en.toml");
const PL: &str = include_str!("../assets/init/roadmap.pl.toml");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{self, Overrides};
    use crate::roadmap::Status;

    /// Days across a year, its edges included, and a leap day.
    const DAYS: [(i32, u32, u32); 6] = [
        (2026, 1, 1),
        (2026, 6, 30),
        (2026, 11, 15),
        (2026, 12, 31),
        (2028, 2, 29),
        (2028, 3, 1),
    ];

    fn checked(lang: Language, today: NaiveDate) -> pipeline::Checked {
        let text = starter(lang, today);
        pipeline::run("roadmap.toml", text.into_bytes(), &Overrides::default())
    }

    #[test]
    fn the_starter_passes_strict_check_on_any_day() {
        for lang in [Language::En, Language::Pl] {
            for (y, m, d) in DAYS {
                let today = NaiveDate::from_ymd_opt(y, m, d).unwrap();
                let c = checked(lang, today);
                assert!(
                    c.findings.is_empty(),
                    "{lang:?} on {today}: {:?}",
                    c.findings
                );
                assert_eq!(c.as_of, today);
                assert_eq!(c.plan_year, Some(y + 1));
            }
        }
    }

    #[test]
    fn the_starter_has_past_work_in_the_inventory_and_maturity_in_the_plan() {
        for lang in [Language::En, Language::Pl] {
            for (y, m, d) in DAYS {
                let today = NaiveDate::from_ymd_opt(y, m, d).unwrap();
                let c = checked(lang, today);
                let budget = c.budget.as_ref().unwrap();
                let inv = crate::inventory::build(&c.roadmap, c.as_of, budget).unwrap();
                let statuses: Vec<Status> = inv.initiatives.iter().map(|l| l.status).collect();
                assert!(statuses.contains(&Status::Done), "{lang:?} {today}");
                assert!(statuses.contains(&Status::InProgress), "{lang:?} {today}");
                let done = inv
                    .initiatives
                    .iter()
                    .find(|l| l.status == Status::Done)
                    .unwrap();
                assert!(done.actual.is_some(), "{lang:?} {today}");
                let wip = inv
                    .initiatives
                    .iter()
                    .find(|l| l.status == Status::InProgress)
                    .unwrap();
                assert!(wip.actual.is_some(), "{lang:?} {today}: spending counted");

                let plan = crate::plan::build(&c.roadmap, budget).unwrap();
                assert_eq!(plan.maturity.len(), 4);
                for line in &plan.maturity {
                    assert!(line.current.is_some() && line.target.is_some(), "{line:?}");
                    assert!(line.current < line.target, "{line:?}");
                }
                assert!(!c.roadmap.training.is_empty(), "{lang:?}");
                assert!(!c.roadmap.fx.is_empty(), "{lang:?}");
            }
        }
    }
}
