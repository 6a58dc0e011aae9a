//! The calendar (`cxm calendar`) in every format, laid out from
//! [`crate::calendar::Calendar`]: a table (a heading row per month, then
//! date, kind, id and title), Markdown, CSV (`--excel` too), JSON (SPEC
//! section 13's `{ "events": [...] }`), a one-sheet workbook, and an
//! iCalendar file ([`ics`]) that Outlook, Google Calendar and Apple
//! Calendar import.
//!
//! **The ICS file** (RFC 5545, SPEC sections 7 and 13):
//! - one `VCALENDAR` (`VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`,
//!   `METHOD:PUBLISH`, and `X-WR-CALNAME`, the name Google and Apple give
//!   the imported calendar) holding one `VEVENT` per event;
//! - every event all-day: `DTSTART;VALUE=DATE:YYYYMMDD` and
//!   `DTEND;VALUE=DATE` on the next day. RFC 5545 (section 3.6.1) lets a
//!   date-only event without `DTEND` last one day, but `DTEND` is
//!   non-inclusive and explicit, and Outlook's older importers showed an
//!   all-day event without one as lasting no time at all; so it is written.
//!   The one exception is 31 December 9999, whose next day has no
//!   four-digit year: there `DTEND` is left out and the RFC's one day holds;
//! - `UID:KIND-ID-YYYYMMDD@cxm` (`start-rnps-2027-20270201@cxm`): the kind
//!   as in JSON, so the same roadmap gives the same UIDs on every run and a
//!   re-import updates the events instead of doubling them; the kind, id
//!   and date are unique together in a calendar;
//! - `DTSTAMP` is `as_of` at `T000000Z`, never the clock, so the output is
//!   reproducible;
//! - `SUMMARY` is the kind's label and the title in the report's language
//!   (`Start: CX vision…`, `Koniec: Wizja CX…`); `TRANSP:TRANSPARENT`,
//!   since these are dates to keep in view, not meetings that make anyone
//!   busy;
//! - text values are escaped as RFC 5545 section 3.3.11 says (`\\`, `\;`,
//!   `\,`, and a line break as `\n`, whether written CRLF, LF, CR, U+2028
//!   or U+2029); a tab becomes a space, and the other control and
//!   bidirectional characters are written as visible escapes (`\u{1b}`),
//!   as everywhere text from the file is shown (SPEC section 6);
//! - content lines are folded at 75 octets (a continuation line is a space
//!   and at most 74 octets), never inside a UTF-8 sequence, and end in
//!   CRLF;
//! - with no event, a calendar without events (SPEC section 13; RFC
//!   5545's grammar asks for one component at least, and the importers
//!   named above take an empty calendar all the same).
//!
//! CSV: `date`, `kind` (the JSON code; worded in Polish `--excel`), `id`,
//! `title`; no `counts_in` (SPEC section 13: the calendar has no CXM
//! total).

use super::columns::{Columns, CsvColumns, KEY, MAIN, Table};
use super::csv::Cell;
use super::sections::{self, Doc};
use super::{Format, RenderOptions, xlsx};
use crate::calendar::{Calendar, Event, EventKind};
use crate::i18n::{self, Text};
use crate::roadmap::Language;
use chrono::{Datelike, NaiveDate};

/// The report in `opts.format`, written into `out`.
pub fn write(
    c: &Calendar,
    opts: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    match opts.format {
        Format::Json => super::json_to(c, out),
        Format::Csv => Ok(out.write_all(&csv(c, opts.excel.then_some(opts.lang))?)?),
        Format::Table => {
            Ok(out.write_all(&sections::table(&doc(c, opts.lang), opts).into_bytes())?)
        }
        Format::Markdown => {
            Ok(out.write_all(&sections::markdown(&doc(c, opts.lang)).into_bytes())?)
        }
        Format::Xlsx => Ok(out.write_all(&xlsx::one(
            xlsx_sheet(c, opts.lang),
            opts.lang,
            &c.currency,
        )?)?),
    }
}

/// The calendar as an iCalendar file, written into `out`.
pub fn write_ics(c: &Calendar, lang: Language, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    Ok(out.write_all(&ics(c, lang))?)
}

/// The kind's label for people: a table's cell, an ICS summary's start.
fn kind_label(k: EventKind, lang: Language) -> &'static str {
    i18n::text(
        match k {
            EventKind::Start => Text::EventStart,
            EventKind::End => Text::EventEnd,
            EventKind::Kpi => Text::EventKpi,
            EventKind::Communication => Text::EventCommunication,
        },
        lang,
    )
}

/// The kind's Polish word in a Polish `--excel` CSV.
fn kind_pl(k: EventKind) -> &'static str {
    match k {
        EventKind::Start => "start",
        EventKind::End => "koniec",
        EventKind::Kpi => "pomiar KPI",
        EventKind::Communication => "komunikacja",
    }
}

fn title(c: &Calendar, lang: Language) -> String {
    format!("{} {}", i18n::text(Text::CalendarTitle, lang), c.plan_year)
}

/// A row of the table: a month's heading, or an event.
enum Row<'a> {
    /// A month and its year.
    Month(u32, i32),
    Event(&'a Event),
}

fn columns<'a>() -> Columns<'a, Row<'a>> {
    Columns::<Row>::new()
        .left(Text::Date, KEY, |r, lang| match r {
            Row::Month(m, y) => i18n::calendar_month(*m, *y, lang),
            Row::Event(e) => e.date.format("%Y-%m-%d").to_string(),
        })
        .left(Text::Kind, KEY, |r, lang| match r {
            Row::Month(..) => String::new(),
            Row::Event(e) => kind_label(e.kind, lang).to_string(),
        })
        .left(Text::Id, MAIN, |r, _| match r {
            Row::Month(..) => String::new(),
            Row::Event(e) => e.id.clone(),
        })
        .text(Text::Title, KEY, |r, _| match r {
            Row::Month(..) => String::new(),
            Row::Event(e) => e.title.clone(),
        })
}

fn doc(c: &Calendar, lang: Language) -> Doc {
    let mut t = Table::new(columns(), lang);
    let mut month = None;
    for e in &c.events {
        if month != Some(e.date.month()) {
            month = Some(e.date.month());
            t.strong(&Row::Month(e.date.month(), e.date.year()));
        }
        t.row(&Row::Event(e));
    }
    let notes = if c.events.is_empty() {
        vec![i18n::text(Text::NoEvents, lang).to_string()]
    } else {
        Vec::new()
    };
    Doc {
        title: title(c, lang),
        lines: Vec::new(),
        sections: vec![t.section(i18n::text(Text::CalendarTitle, lang).to_string(), notes)],
    }
}

fn csv_columns<'a>() -> CsvColumns<'a, Event> {
    CsvColumns::<Event>::new()
        .col("date", |e| Cell::date(e.date))
        .col("kind", |e| Cell::word(e.kind.as_str(), kind_pl(e.kind)))
        .col("id", |e| Cell::text(&e.id))
        .col("title", |e| Cell::text(&e.title))
}

fn csv(c: &Calendar, excel: Option<Language>) -> anyhow::Result<Vec<u8>> {
    csv_columns().write(&c.events, excel)
}

/// The calendar's sheet: the CSV's lines.
pub(crate) fn xlsx_sheet(c: &Calendar, _lang: Language) -> xlsx::Sheet {
    xlsx::Sheet::from_columns(Text::SheetCalendar, &csv_columns(), &c.events)
}

/// The most octets a content line may take, line break excluded (RFC
/// 5545 section 3.1).
const FOLD_AT: usize = 75;

/// The iCalendar file (see the module doc).
pub(crate) fn ics(c: &Calendar, lang: Language) -> Vec<u8> {
    let mut out = Vec::new();
    let stamp = format!("{}T000000Z", ymd(c.as_of));
    content_line(&mut out, "BEGIN:VCALENDAR");
    content_line(&mut out, "VERSION:2.0");
    content_line(&mut out, "PRODID:-//cxm//CXM roadmap calendar//EN");
    content_line(&mut out, "CALSCALE:GREGORIAN");
    content_line(&mut out, "METHOD:PUBLISH");
    content_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape_text(&title(c, lang))),
    );
    for e in &c.events {
        let day = ymd(e.date);
        content_line(&mut out, "BEGIN:VEVENT");
        content_line(
            &mut out,
            &format!("UID:{}-{}-{day}@cxm", e.kind.as_str(), escape_text(&e.id)),
        );
        content_line(&mut out, &format!("DTSTAMP:{stamp}"));
        content_line(&mut out, &format!("DTSTART;VALUE=DATE:{day}"));
        if let Some(next) = e.date.succ_opt().filter(|d| d.year() <= 9999) {
            content_line(&mut out, &format!("DTEND;VALUE=DATE:{}", ymd(next)));
        }
        let summary = format!("{}: {}", kind_label(e.kind, lang), e.title);
        content_line(&mut out, &format!("SUMMARY:{}", escape_text(&summary)));
        content_line(&mut out, "TRANSP:TRANSPARENT");
        content_line(&mut out, "END:VEVENT");
    }
    content_line(&mut out, "END:VCALENDAR");
    out
}

/// A date as `YYYYMMDD` (RFC 5545's DATE value).
fn ymd(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A TEXT value escaped (RFC 5545 section 3.3.11; see the module doc).
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // CRLF is one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if super::inert::is_unsafe(c) => {
                for e in c.escape_debug() {
                    if e == '\\' {
                        out.push_str("\\\\");
                    } else {
                        out.push(e);
                    }
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at [`FOLD_AT`] octets between
/// characters (never inside a UTF-8 sequence), each physical line ending
/// in CRLF; a continuation line starts with a space, which counts.
fn content_line(out: &mut Vec<u8>, line: &str) {
    let mut used = 0;
    let mut buf = [0u8; 4];
    for c in line.chars() {
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        if used + bytes.len() > FOLD_AT {
            out.extend_from_slice(b"\r\n ");
            used = 1;
        }
        out.extend_from_slice(bytes);
        used += bytes.len();
    }
    out.extend_from_slice(b"\r\n");
}

#[cfg(test)]
mod tests;
