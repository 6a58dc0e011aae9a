//! The words of a refusal to write (exit 2), in English and in Polish.

use crate::output::Refusal;
use crate::roadmap::Language;

pub(crate) fn text(r: &Refusal, lang: Language) -> String {
    match lang {
        Language::En => text_en(r),
        Language::Pl => text_pl(r),
    }
}

fn text_en(r: &Refusal) -> String {
    match r {
        Refusal::OutputIsInput { output, input } => format!(
            "refusing to write {output}: it is the roadmap being read ({input}); \
             name another output file"
        ),
        Refusal::HtmlIntoToml { output } => format!(
            "refusing to write the dashboard to {output}: a .toml file is a roadmap, not HTML; \
             the dashboard goes to --html OUT, e.g. `cxm report {output} --html dashboard.html`"
        ),
        Refusal::XlsxIntoToml { output } => format!(
            "refusing to write the workbook to {output}: a .toml file is a roadmap; \
             the workbook goes to --xlsx OUT, e.g. `cxm report {output} --xlsx cxm.xlsx`"
        ),
        Refusal::RevisionLikeOption { rev, spec } => format!(
            "{spec}: the revision `{rev}` starts with `-`, which git would take as an option; \
             name a branch, tag or commit"
        ),
        Refusal::StdinTwice => "both versions are `-`: standard input can be read only once; \
             name a file or REV:PATH for one of them"
            .to_string(),
    }
}

fn text_pl(r: &Refusal) -> String {
    match r {
        Refusal::OutputIsInput { output, input } => format!(
            "nie zapisano {output}: to plik roadmapy, który jest właśnie wczytywany ({input}); \
             podaj inny plik wyjściowy"
        ),
        Refusal::HtmlIntoToml { output } => format!(
            "nie zapisano dashboardu do {output}: plik .toml to roadmapa, nie HTML; \
             dashboard trafia do --html PLIK, np. `cxm report {output} --html dashboard.html`"
        ),
        Refusal::XlsxIntoToml { output } => format!(
            "nie zapisano skoroszytu do {output}: plik .toml to roadmapa; \
             skoroszyt trafia do --xlsx PLIK, np. `cxm report {output} --xlsx cxm.xlsx`"
        ),
        Refusal::RevisionLikeOption { rev, spec } => format!(
            "{spec}: rewizja `{rev}` zaczyna się od `-`, więc git wziąłby ją za opcję; \
             podaj gałąź, tag albo commit"
        ),
        Refusal::StdinTwice => "obie wersje to `-`: standardowe wejście można wczytać tylko raz; \
             dla jednej z nich podaj plik albo REV:ŚCIEŻKA"
            .to_string(),
    }
}
