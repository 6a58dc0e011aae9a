//! `cxm init`: a commented starter roadmap in English or Polish that passes
//! `cxm check` as written, so a new user starts from something that works.

use crate::roadmap::Language;
use chrono::{Datelike, NaiveDate};

/// The starter roadmap for the year after `today`.
pub(crate) fn starter(lang: Language, today: NaiveDate) -> String {
    let template = match lang {
        Language::En => EN,
        Language::Pl => PL,
    };
    let plan_year = today.year() + 1;
    template
        .replace("{schema}", "./roadmap.schema.json")
        .replace("{as_of}", &today.format("%Y-%m-%d").to_string())
        .replace("{quote_date}", &today.format("%Y-%m-%d").to_string())
        .replace("{year}", &plan_year.to_string())
}

/// The templates are files, to be read and edited as the roadmaps they
/// become. Not TOML as they stand: `{schema}`, `{year}`, `{as_of}` and
/// `{quote_date}` are filled in by [`starter`].
const EN: &str = include_str!("../assets/init/roadmap.en.toml");
const PL: &str = include_str!("../assets/init/roadmap.pl.toml");
