//! The words of a command that could not run (exit 2), in English and in
//! Polish, made from the same data: the file that could not be read or
//! written, and why.
//!
//! An [`AppError`] is an ordinary error value (its `Display` is the English
//! words, as `{err:#}` shows them); [`Spoken`] carries it, or any other
//! error, with the language the command speaks, once that is known: from
//! `--lang`, or from the roadmap's `language` once it is read. Before that
//! (a roadmap that cannot be read, without `--lang`) the words are English.
//! [`fatal`] is the one line `main` prints: `error: …` or `błąd: …`, the
//! prefix the findings use.
//!
//! Why an error happened is the operating system's to say: in English its
//! own words (`No such file or directory (os error 2)`, as before); in
//! Polish the common kinds in Polish ([`Reason`]), any other kind in the
//! system's words. Windows words its errors in its own language already.
//! clap's errors about the command line itself stay English (clap has no
//! Polish).

use crate::roadmap::Language;
use std::fmt;
use std::io::ErrorKind;

/// Why a file could not be read or written: the kind, which Polish words,
/// and the system's own words, which English shows.
#[derive(Debug)]
pub(crate) struct Reason {
    kind: ErrorKind,
    text: String,
}

impl Reason {
    /// The reason of an I/O error. `tempfile` adds the temporary file's
    /// name to its errors (`… at path "/dir/.tmpAbC123"`): the file is ours,
    /// so its name is cut.
    pub(crate) fn of(e: &std::io::Error) -> Reason {
        let text = e.to_string();
        let text = text
            .split(" at path \"")
            .next()
            .unwrap_or(&text)
            .to_string();
        Reason {
            kind: e.kind(),
            text,
        }
    }

    fn words(&self, lang: Language) -> &str {
        match lang {
            Language::En => &self.text,
            Language::Pl => reason_pl(self.kind).unwrap_or(&self.text),
        }
    }
}

/// The Polish words of the common reasons; `None` keeps the system's.
fn reason_pl(kind: ErrorKind) -> Option<&'static str> {
    Some(match kind {
        ErrorKind::NotFound => "nie ma takiego pliku ani katalogu",
        ErrorKind::PermissionDenied => "brak uprawnień",
        ErrorKind::AlreadyExists => "plik już istnieje",
        ErrorKind::IsADirectory => "to katalog, nie plik",
        ErrorKind::NotADirectory => "część ścieżki nie jest katalogiem",
        ErrorKind::StorageFull => "brak miejsca na dysku",
        ErrorKind::ReadOnlyFilesystem => "system plików jest tylko do odczytu",
        ErrorKind::InvalidData => "nieprawidłowe dane",
        ErrorKind::UnexpectedEof => "plik urwał się w połowie",
        _ => return None,
    })
}

/// A command that could not run, with what it was about.
#[derive(Debug)]
pub(crate) enum AppError {
    /// A file (or `REV:PATH`) could not be read.
    Read { path: String, reason: Reason },
    /// Standard input could not be read.
    ReadStdin { reason: Reason },
    /// The roadmap named is a directory.
    ReadDirectory { path: String },
    /// Over the 64 MiB limit (SPEC section 1).
    TooLarge { path: String },
    /// No `roadmap.toml` where a command looks for it by default.
    NoRoadmapHere { default: &'static str },
    /// `git` could not be started to read `REV:PATH`.
    GitRun { spec: String, reason: Reason },
    /// `git show REV:PATH` failed; `stderr` is git's own words.
    GitShow { spec: String, stderr: String },
    /// An output file could not be written.
    Write { path: String, reason: Reason },
    /// `cxm init` never overwrites.
    InitExists { path: String },
    /// `cxm rollover -`: it writes beside a file.
    RolloverStdin,
    /// `cxm rollover` never overwrites.
    RolloverExists { path: String },
    /// `cxm status --since` after `as_of`.
    SinceAfterAsOf { since: String, as_of: String },
    /// `cxm man --dir`: the directory could not be made.
    ManDir { dir: String, reason: Reason },
    /// `cxm man --dir`: a file there is not a manual page.
    ManNotAPage { path: String },
    /// `--excel` with another `--format`.
    ExcelWithFormat { format: &'static str },
    /// `cxm kpi` of a roadmap without a plan year.
    NoPlanYear,
    /// A report of a roadmap whose budget could not be computed.
    NoBudget,
    /// `--scenario NAME` with a name the file does not declare; `known`
    /// are the names it does, in file order.
    UnknownScenario { name: String, known: Vec<String> },
}

impl AppError {
    /// Whether a file to read is not there (a first run, without
    /// `roadmap.toml`).
    pub(crate) fn is_not_found(&self) -> bool {
        matches!(self, AppError::Read { reason, .. } if reason.kind == ErrorKind::NotFound)
    }

    /// The message, without the `error:` prefix.
    pub(crate) fn text(&self, lang: Language) -> String {
        match lang {
            Language::En => self.text_en(),
            Language::Pl => self.text_pl(),
        }
    }

    fn text_en(&self) -> String {
        let en = Language::En;
        match self {
            AppError::Read { path, reason } => {
                format!("could not read {path}: {}", reason.words(en))
            }
            AppError::ReadStdin { reason } => {
                format!("could not read standard input: {}", reason.words(en))
            }
            AppError::ReadDirectory { path } => {
                format!("could not read {path}: it is a directory")
            }
            AppError::TooLarge { path } => {
                format!("{path} is larger than 64 MiB; cxm refuses files that large")
            }
            AppError::NoRoadmapHere { default } => format!(
                "no {default} in this directory; `cxm init` writes a starter roadmap, \
                 or name the file to read"
            ),
            AppError::GitRun { spec, reason } => {
                format!("could not run git to read {spec}: {}", reason.words(en))
            }
            AppError::GitShow { spec, stderr } => {
                format!("could not read {spec} from git: {stderr}")
            }
            AppError::Write { path, reason } => {
                format!("could not write {path}: {}", reason.words(en))
            }
            AppError::InitExists { path } => {
                format!("{path} already exists; cxm init never overwrites a file")
            }
            AppError::RolloverStdin => "cxm rollover needs a file, not standard input: \
                 it writes the new roadmap beside it"
                .to_string(),
            AppError::RolloverExists { path } => {
                format!("{path} already exists; cxm rollover never overwrites a file")
            }
            AppError::SinceAfterAsOf { since, as_of } => {
                format!("--since {since} is after as_of {as_of}")
            }
            AppError::ManDir { dir, reason } => {
                format!("cannot create the directory {dir}: {}", reason.words(en))
            }
            AppError::ManNotAPage { path } => format!(
                "{path} exists and is not a manual page; not overwriting it (choose another --dir)"
            ),
            AppError::ExcelWithFormat { format } => format!(
                "--excel writes CSV and cannot be combined with --format {format}; \
                 leave out --format or use --format csv"
            ),
            AppError::NoPlanYear => "the roadmap names no plan year".to_string(),
            AppError::NoBudget => "the budget could not be computed".to_string(),
            AppError::UnknownScenario { name, known } if known.is_empty() => {
                format!("the roadmap has no scenario {name:?}: it declares no [scenarios]")
            }
            AppError::UnknownScenario { name, known } => format!(
                "the roadmap has no scenario {name:?}; its scenarios: {}",
                known.join(", ")
            ),
        }
    }

    fn text_pl(&self) -> String {
        let pl = Language::Pl;
        match self {
            AppError::Read { path, reason } => {
                format!("nie można odczytać {path}: {}", reason.words(pl))
            }
            AppError::ReadStdin { reason } => {
                format!(
                    "nie można odczytać standardowego wejścia: {}",
                    reason.words(pl)
                )
            }
            AppError::ReadDirectory { path } => {
                format!("nie można odczytać {path}: to katalog, nie plik")
            }
            AppError::TooLarge { path } => {
                format!("{path} ma ponad 64 MiB; cxm nie czyta tak dużych plików")
            }
            AppError::NoRoadmapHere { default } => format!(
                "w tym katalogu nie ma pliku {default}; `cxm init` utworzy roadmapę \
                 startową, można też podać nazwę pliku"
            ),
            AppError::GitRun { spec, reason } => format!(
                "nie można uruchomić gita, żeby odczytać {spec}: {}",
                reason.words(pl)
            ),
            AppError::GitShow { spec, stderr } => {
                format!("git nie odczytał {spec}: {stderr}")
            }
            AppError::Write { path, reason } => {
                format!("nie można zapisać {path}: {}", reason.words(pl))
            }
            AppError::InitExists { path } => {
                format!("{path} już istnieje; cxm init nigdy nie nadpisuje pliku")
            }
            AppError::RolloverStdin => "cxm rollover potrzebuje pliku, nie standardowego \
                 wejścia: nową roadmapę zapisuje obok niego"
                .to_string(),
            AppError::RolloverExists { path } => {
                format!("{path} już istnieje; cxm rollover nigdy nie nadpisuje pliku")
            }
            AppError::SinceAfterAsOf { since, as_of } => {
                format!("--since {since} jest po dniu stanu (as_of) {as_of}")
            }
            AppError::ManDir { dir, reason } => {
                format!("nie można utworzyć katalogu {dir}: {}", reason.words(pl))
            }
            AppError::ManNotAPage { path } => format!(
                "{path} istnieje i nie jest stroną podręcznika; cxm go nie nadpisze \
                 (wybierz inny --dir)"
            ),
            AppError::ExcelWithFormat { format } => format!(
                "--excel zapisuje CSV, więc nie łączy się z --format {format}; \
                 pomiń --format albo podaj --format csv"
            ),
            AppError::NoPlanYear => "roadmapa nie podaje roku planu (`plan_year`)".to_string(),
            AppError::NoBudget => "nie udało się policzyć budżetu".to_string(),
            AppError::UnknownScenario { name, known } if known.is_empty() => {
                format!("roadmapa nie ma scenariusza {name:?}: nie deklaruje żadnych [scenarios]")
            }
            AppError::UnknownScenario { name, known } => format!(
                "roadmapa nie ma scenariusza {name:?}; jej scenariusze: {}",
                known.join(", ")
            ),
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_en())
    }
}

impl std::error::Error for AppError {}

/// An error with the language of the command it stopped: what [`fatal`]
/// words it in. Shown as the error it carries, so `{err:#}` reads as
/// before.
#[derive(Debug)]
pub(crate) struct Spoken {
    pub(crate) lang: Language,
    pub(crate) error: anyhow::Error,
}

impl fmt::Display for Spoken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#}", self.error)
    }
}

impl std::error::Error for Spoken {}

/// `error` in `lang`, unless it already has a language (the innermost
/// command that knew it decided).
pub(crate) fn spoken(error: anyhow::Error, lang: Language) -> anyhow::Error {
    if error.is::<Spoken>() {
        error
    } else {
        anyhow::Error::new(Spoken { lang, error })
    }
}

/// The error under its language, and the language (English when none).
pub(crate) fn unspoken(err: &anyhow::Error) -> (&anyhow::Error, Language) {
    match err.downcast_ref::<Spoken>() {
        Some(s) => (&s.error, s.lang),
        // A refusal to write carries the language it is worded in.
        None => match err.downcast_ref::<crate::output::Refused>() {
            Some(r) => (err, r.lang),
            None => (err, Language::En),
        },
    }
}

/// The one line printed for a command that could not run: `error: …` in
/// English, `błąd: …` in Polish. An [`AppError`] is worded in the language;
/// an I/O error (standard output that could not be written) by its reason;
/// anything else in the words it has.
pub(crate) fn fatal(err: &anyhow::Error) -> String {
    let (err, lang) = unspoken(err);
    let prefix = match lang {
        Language::En => "error",
        Language::Pl => "błąd",
    };
    let text = if let Some(app) = err.downcast_ref::<AppError>() {
        app.text(lang)
    } else if let Some(io) = err.downcast_ref::<std::io::Error>() {
        Reason::of(io).words(lang).to_string()
    } else {
        format!("{err:#}")
    };
    format!("{prefix}: {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn not_found() -> Reason {
        Reason::of(&std::io::Error::new(
            ErrorKind::NotFound,
            "No such file or directory (os error 2)",
        ))
    }

    #[test]
    fn english_reads_as_before_and_polish_in_polish() {
        let e = anyhow::Error::new(AppError::Read {
            path: "x.toml".into(),
            reason: not_found(),
        });
        assert_eq!(
            fatal(&e),
            "error: could not read x.toml: No such file or directory (os error 2)"
        );
        assert_eq!(format!("{e:#}"), fatal(&e)["error: ".len()..]);
        let e = spoken(e, Language::Pl);
        assert_eq!(
            fatal(&e),
            "błąd: nie można odczytać x.toml: nie ma takiego pliku ani katalogu"
        );
        // The first language given stays.
        let e = spoken(e, Language::En);
        assert!(fatal(&e).starts_with("błąd: "));
    }

    #[test]
    fn the_temporary_file_is_never_named() {
        let r = Reason::of(&std::io::Error::other(
            "No such file or directory (os error 2) at path \"/nonexistent/.tmpAbC123\"",
        ));
        assert_eq!(
            r.words(Language::En),
            "No such file or directory (os error 2)"
        );
    }

    #[test]
    fn a_reason_without_polish_words_keeps_the_systems() {
        let r = Reason::of(&std::io::Error::other("disk on fire"));
        assert_eq!(r.words(Language::Pl), "disk on fire");
    }
}
