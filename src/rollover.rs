//! `cxm rollover`: next year's roadmap from this year's (SPEC section 9),
//! edited with a format-preserving TOML editor (`toml_edit`) so that the
//! user's comments, order and layout survive.
//!
//! [`roll`] is pure: the source text and the year in, the new text and what
//! was changed out ([`Note`]s, worded by `render::rollover`). It works on
//! the TOML document alone, not on the loaded model, so that it handles
//! every table the format has (goals and scenarios included) by their keys,
//! and refuses only a file that is not TOML. Decisions the SPEC leaves open:
//!
//! - An initiative is dropped only when it is `done` or `cancelled` and has
//!   an `end` before 1 January of `YEAR − 1`; without an `end` it stays.
//! - A KPI's "latest measurement" is its latest dated on or before `as_of`
//!   (the one the KPI report uses; later ones are W016); a KPI without one
//!   is left as it is. Its value is copied as written (`71.5` stays `71.5`).
//!   Measurements stay (they are the KPI's history). A checkpoint list left
//!   empty is removed.
//! - A KPI has reached its target when its latest value is at or beyond
//!   `target` in its `direction` (`up`: ≥, `down`: ≤). Such a KPI keeps its
//!   baseline and checkpoints and is listed as needing a new target.
//! - References removed: initiatives' `goals` and `depends_on`, goals'
//!   `parent`, and in every `[scenarios.NAME]` the `exclude` and `include`
//!   lists and the `priorities` keys.
//! - Comments right above a dropped `[[table]]` belong to it and go with
//!   it; a comment separated from it by a blank line is a section's and
//!   moves to the next table of the same array that is kept. Every other
//!   comment stays where it was.
//! - Checkpoints the latest measurement has already reached (at or beyond
//!   their value in the KPI's direction) go as well as those dated on or
//!   before it: they are behind the new baseline, where E014 would refuse
//!   them.
//! - `as_of`, the cap and everything else stay; the report lists `as_of`
//!   (and `budget_cap`, when there is one) as values to look at.

use crate::money::{self, Decimal};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;
use toml_edit::{DocumentMut, Item, TableLike, Value};

/// What `rollover` changed, dropped, or leaves for the user to set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// `plan_year` set (`from` is `None` when the file had none).
    PlanYear { from: Option<i64>, to: i32 },
    /// A done or cancelled initiative that ended before `YEAR − 1`.
    DroppedInitiative { id: String, end: NaiveDate },
    /// A year goal for a year before `YEAR − 1`.
    DroppedYearGoal { id: String, year: i64 },
    /// A long goal whose `until` is before `YEAR`.
    DroppedLongGoal { id: String, until: i64 },
    /// A reference to something dropped, removed from `owner`'s `key`.
    DroppedReference {
        owner: Owner,
        key: String,
        id: String,
    },
    /// A KPI's baseline moved to its latest measurement; `checkpoints`
    /// dated on or before it, or already reached, were dropped.
    BaselineMoved {
        kpi: String,
        value: String,
        date: NaiveDate,
        checkpoints: usize,
    },
    /// A KPI whose latest measurement reached its target: it needs a new
    /// one (its baseline is kept).
    NeedsTarget { kpi: String, latest: String },
    /// `as_of` stays as it was: set it when the new year's work begins.
    AsOfKept { as_of: NaiveDate },
    /// The cap stays as it was: set next year's.
    CapKept { cap: String },
}

/// What holds a reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    Initiative(String),
    Goal(String),
    Scenario(String),
}

/// The new roadmap and what changed.
#[derive(Debug)]
pub struct Rollover {
    pub year: i32,
    pub text: String,
    pub notes: Vec<Note>,
    /// The roadmap's `language`, when it names one.
    pub language: Option<String>,
}

/// Why no new roadmap could be made.
#[derive(Debug, PartialEq, Eq)]
pub enum RolloverError {
    /// The file is not TOML (`cxm check` says where).
    NotToml(String),
    /// Neither `--to` nor a `plan_year` to add one to.
    NoYear,
}

impl std::fmt::Display for RolloverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RolloverError::NotToml(e) => {
                write!(
                    f,
                    "the file is not valid TOML (`cxm check` shows where): {e}"
                )
            }
            RolloverError::NoYear => {
                write!(f, "the file has no plan_year; name the new year with --to")
            }
        }
    }
}

impl std::error::Error for RolloverError {}

/// Rolls `text` over to `to` (default: `plan_year + 1`).
pub fn roll(text: &str, to: Option<i32>) -> Result<Rollover, RolloverError> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| RolloverError::NotToml(e.message().to_string()))?;
    let mut notes = Vec::new();

    let roadmap = doc.get("roadmap").and_then(Item::as_table_like);
    let from = roadmap
        .and_then(|r| r.get("plan_year"))
        .and_then(Item::as_integer);
    let as_of = roadmap.and_then(|r| r.get("as_of")).and_then(item_date);
    let cap = roadmap
        .and_then(|r| r.get("budget_cap"))
        .and_then(Item::as_value)
        .map(value_text);
    let language = roadmap
        .and_then(|r| r.get("language"))
        .and_then(Item::as_str)
        .map(str::to_string);
    let year = match (to, from) {
        (Some(y), _) => y,
        (None, Some(f)) => i32::try_from(f)
            .ok()
            .and_then(|f| f.checked_add(1))
            .ok_or(RolloverError::NoYear)?,
        (None, None) => return Err(RolloverError::NoYear),
    };
    set_plan_year(&mut doc, year);
    notes.push(Note::PlanYear { from, to: year });

    let dropped_initiatives = drop_initiatives(&mut doc, year, &mut notes);
    let dropped_goals = drop_goals(&mut doc, year, &mut notes);
    remove_references(&mut doc, &dropped_initiatives, &dropped_goals, &mut notes);
    move_baselines(&mut doc, as_of, &mut notes);

    if let Some(as_of) = as_of {
        notes.push(Note::AsOfKept { as_of });
    }
    if let Some(cap) = cap {
        notes.push(Note::CapKept { cap });
    }
    Ok(Rollover {
        year,
        text: doc.to_string(),
        notes,
        language,
    })
}

/// Sets `[roadmap] plan_year`, keeping the comment after it.
fn set_plan_year(doc: &mut DocumentMut, year: i32) {
    let Some(roadmap) = doc.get_mut("roadmap").and_then(Item::as_table_like_mut) else {
        return;
    };
    replace_value(roadmap, "plan_year", Value::from(i64::from(year)));
}

/// Puts `new` under `key`, keeping the old value's spacing and comment.
fn replace_value(t: &mut dyn TableLike, key: &str, mut new: Value) {
    match t.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        None => {
            t.insert(key, Item::Value(new));
        }
    }
}

/// A value as written, without the spaces and comment around it.
fn value_text(v: &Value) -> String {
    let mut v = v.clone();
    v.decor_mut().clear();
    v.to_string()
}

/// A local date value.
fn value_date(v: &Value) -> Option<NaiveDate> {
    let d = v.as_datetime()?;
    if d.time.is_some() || d.offset.is_some() {
        return None;
    }
    let d = d.date?;
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

fn item_date(i: &Item) -> Option<NaiveDate> {
    i.as_value().and_then(value_date)
}

/// A number value, exactly (a float by its written text).
fn value_decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::Integer(i) => Decimal::from_int(i128::from(*i.value())),
        Value::Float(f) => money::decimal_from_plain_float(&f.display_repr())?.ok(),
        _ => None,
    }
}

/// The entries of an array of tables, written as `[[key]]` or inline.
fn entries_mut(item: &mut Item) -> Vec<&mut dyn TableLike> {
    match item {
        Item::ArrayOfTables(a) => a.iter_mut().map(|t| t as &mut dyn TableLike).collect(),
        Item::Value(Value::Array(a)) => a
            .iter_mut()
            .filter_map(|v| v.as_inline_table_mut().map(|t| t as &mut dyn TableLike))
            .collect(),
        _ => Vec::new(),
    }
}

/// Keeps the entries of an array of tables that `keep` accepts.
fn retain_entries(item: &mut Item, mut keep: impl FnMut(&dyn TableLike) -> bool) {
    match item {
        Item::ArrayOfTables(a) => {
            // A section comment (ending in a blank line) above a dropped
            // table moves to the next table kept.
            let mut carried = String::new();
            let mut kept = toml_edit::ArrayOfTables::new();
            for mut t in std::mem::take(a).into_iter() {
                let prefix = t
                    .decor()
                    .prefix()
                    .and_then(|p| p.as_str())
                    .unwrap_or("")
                    .to_string();
                if keep(&t) {
                    if !carried.is_empty() {
                        t.decor_mut().set_prefix(format!("{carried}{prefix}"));
                        carried.clear();
                    }
                    kept.push(t);
                } else if let Some(i) = prefix.rfind("\n\n") {
                    carried.push_str(&prefix[..=i]);
                }
            }
            *a = kept;
        }
        Item::Value(Value::Array(a)) => {
            retain_values(a, |v| v.as_inline_table().is_none_or(|t| keep(t)));
        }
        _ => {}
    }
}

/// `Array::retain`, the first element keeping the first's spacing (so
/// `["a", "b"]` without `"a"` is `["b"]`, not `[ "b"]`).
fn retain_values(a: &mut toml_edit::Array, keep: impl FnMut(&Value) -> bool) {
    let first = a.get(0).and_then(|v| v.decor().prefix().cloned());
    a.retain(keep);
    if let (Some(prefix), Some(v)) = (first, a.get_mut(0)) {
        v.decor_mut().set_prefix(prefix);
    }
}

fn id_of(t: &dyn TableLike) -> Option<String> {
    t.get("id").and_then(Item::as_str).map(str::to_string)
}

/// Drops done and cancelled initiatives that ended before 1 January of
/// `year − 1`; returns their ids.
fn drop_initiatives(doc: &mut DocumentMut, year: i32, notes: &mut Vec<Note>) -> HashSet<String> {
    let mut dropped = HashSet::new();
    let Some(cutoff) = NaiveDate::from_ymd_opt(year.saturating_sub(1), 1, 1) else {
        return dropped;
    };
    let Some(item) = doc.get_mut("initiatives") else {
        return dropped;
    };
    retain_entries(item, |t| {
        let status = t.get("status").and_then(Item::as_str);
        let end = t.get("end").and_then(item_date);
        match (status, end) {
            (Some("done" | "cancelled"), Some(end)) if end < cutoff => {
                let id = id_of(t).unwrap_or_default();
                notes.push(Note::DroppedInitiative {
                    id: id.clone(),
                    end,
                });
                dropped.insert(id);
                false
            }
            _ => true,
        }
    });
    dropped
}

/// Drops year goals before `year − 1` and long goals whose `until` is
/// before `year`; returns their ids.
fn drop_goals(doc: &mut DocumentMut, year: i32, notes: &mut Vec<Note>) -> HashSet<String> {
    let mut dropped = HashSet::new();
    let Some(item) = doc.get_mut("goals") else {
        return dropped;
    };
    let year = i64::from(year);
    retain_entries(item, |t| {
        let horizon = t.get("horizon").and_then(Item::as_str);
        let id = id_of(t).unwrap_or_default();
        let note = match horizon {
            Some("year") => t
                .get("year")
                .and_then(Item::as_integer)
                .filter(|y| *y < year - 1)
                .map(|y| Note::DroppedYearGoal {
                    id: id.clone(),
                    year: y,
                }),
            Some("long") => t
                .get("until")
                .and_then(Item::as_integer)
                .filter(|u| *u < year)
                .map(|u| Note::DroppedLongGoal {
                    id: id.clone(),
                    until: u,
                }),
            _ => None,
        };
        match note {
            Some(n) => {
                notes.push(n);
                dropped.insert(id);
                false
            }
            None => true,
        }
    });
    dropped
}

/// Removes from the array under `key` of `t` the ids in `dropped`.
fn remove_ids(
    t: &mut dyn TableLike,
    key: &str,
    dropped: &HashSet<String>,
    owner: &Owner,
    notes: &mut Vec<Note>,
) {
    let Some(list) = t.get_mut(key).and_then(Item::as_array_mut) else {
        return;
    };
    retain_values(list, |v| match v.as_str() {
        Some(id) if dropped.contains(id) => {
            notes.push(Note::DroppedReference {
                owner: owner.clone(),
                key: key.to_string(),
                id: id.to_string(),
            });
            false
        }
        _ => true,
    });
}

fn remove_references(
    doc: &mut DocumentMut,
    initiatives: &HashSet<String>,
    goals: &HashSet<String>,
    notes: &mut Vec<Note>,
) {
    if let Some(item) = doc.get_mut("initiatives") {
        for t in entries_mut(item) {
            let owner = Owner::Initiative(id_of(t).unwrap_or_default());
            remove_ids(t, "goals", goals, &owner, notes);
            remove_ids(t, "depends_on", initiatives, &owner, notes);
        }
    }
    if let Some(item) = doc.get_mut("goals") {
        for t in entries_mut(item) {
            let owner = Owner::Goal(id_of(t).unwrap_or_default());
            let parent = t.get("parent").and_then(Item::as_str).map(str::to_string);
            if let Some(parent) = parent.filter(|p| goals.contains(p)) {
                t.remove("parent");
                notes.push(Note::DroppedReference {
                    owner,
                    key: "parent".into(),
                    id: parent,
                });
            }
        }
    }
    if let Some(scenarios) = doc.get_mut("scenarios").and_then(Item::as_table_like_mut) {
        for (name, item) in scenarios.iter_mut() {
            let owner = Owner::Scenario(name.get().to_string());
            let Some(s) = item.as_table_like_mut() else {
                continue;
            };
            remove_ids(s, "exclude", initiatives, &owner, notes);
            remove_ids(s, "include", initiatives, &owner, notes);
            if let Some(p) = s.get_mut("priorities").and_then(Item::as_table_like_mut) {
                let keys: Vec<String> = p
                    .iter()
                    .map(|(k, _)| k.to_string())
                    .filter(|k| initiatives.contains(k))
                    .collect();
                for k in keys {
                    p.remove(&k);
                    notes.push(Note::DroppedReference {
                        owner: owner.clone(),
                        key: "priorities".into(),
                        id: k,
                    });
                }
            }
        }
    }
}

/// The latest measurement on or before `as_of`: its date and value.
fn latest_measurement(kpi: &dyn TableLike, as_of: Option<NaiveDate>) -> Option<(NaiveDate, Value)> {
    let item = kpi.get("measurements")?;
    let mut best: Option<(NaiveDate, Value)> = None;
    let mut consider = |t: &dyn TableLike| {
        let date = t.get("date").and_then(item_date);
        let value = t.get("value").and_then(Item::as_value);
        if let (Some(date), Some(value)) = (date, value)
            && as_of.is_none_or(|a| date <= a)
            && best.as_ref().is_none_or(|(d, _)| *d <= date)
        {
            best = Some((date, value.clone()));
        }
    };
    match item {
        Item::ArrayOfTables(a) => a.iter().for_each(|t| consider(t)),
        Item::Value(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_inline_table)
            .for_each(|t| consider(t)),
        _ => {}
    }
    best
}

/// Whether `latest` is at or beyond the KPI's target in its direction.
fn reached(kpi: &dyn TableLike, latest: &Value) -> bool {
    let target = kpi
        .get("target")
        .and_then(Item::as_value)
        .and_then(value_decimal);
    let direction = kpi.get("direction").and_then(Item::as_str);
    match (value_decimal(latest), target, direction) {
        (Some(l), Some(t), Some("up")) => l >= t,
        (Some(l), Some(t), Some("down")) => l <= t,
        _ => false,
    }
}

fn move_baselines(doc: &mut DocumentMut, as_of: Option<NaiveDate>, notes: &mut Vec<Note>) {
    let Some(item) = doc.get_mut("kpis") else {
        return;
    };
    for kpi in entries_mut(item) {
        let id = id_of(kpi).unwrap_or_default();
        let Some((date, value)) = latest_measurement(kpi, as_of) else {
            continue;
        };
        let text = value_text(&value);
        if reached(kpi, &value) {
            notes.push(Note::NeedsTarget {
                kpi: id,
                latest: text,
            });
            continue;
        }
        let mut fresh = value.clone();
        fresh.decor_mut().clear();
        replace_value(kpi, "baseline", fresh);
        let day = toml_edit::Date {
            year: u16::try_from(date.year()).unwrap_or_default(),
            month: u8::try_from(date.month()).unwrap_or_default(),
            day: u8::try_from(date.day()).unwrap_or_default(),
        };
        replace_value(
            kpi,
            "baseline_date",
            Value::from(toml_edit::Datetime::from(day)),
        );
        let mut checkpoints = 0;
        let latest = value_decimal(&value);
        let up = kpi.get("direction").and_then(Item::as_str) != Some("down");
        if let Some(targets) = kpi.get_mut("targets") {
            retain_entries(targets, |t| {
                let later = t.get("date").and_then(item_date).is_none_or(|d| d > date);
                let at = t
                    .get("value")
                    .and_then(Item::as_value)
                    .and_then(value_decimal);
                let met = match (latest, at) {
                    (Some(l), Some(a)) => (up && l >= a) || (!up && l <= a),
                    _ => false,
                };
                let keep = later && !met;
                checkpoints += usize::from(!keep);
                keep
            });
            let empty = match &*targets {
                Item::ArrayOfTables(a) => a.is_empty(),
                Item::Value(Value::Array(a)) => a.is_empty(),
                _ => false,
            };
            if empty {
                kpi.remove("targets");
            }
        }
        notes.push(Note::BaselineMoved {
            kpi: id,
            value: text,
            date,
            checkpoints,
        });
    }
}

/// `roadmap-YEAR.toml` beside `file`.
pub fn default_output(file: &std::path::Path, year: i32) -> std::path::PathBuf {
    file.parent()
        .unwrap_or(std::path::Path::new(""))
        .join(format!("roadmap-{year}.toml"))
}

#[cfg(test)]
mod tests;
