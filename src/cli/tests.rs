use super::*;
use clap::CommandFactory;

#[test]
fn cli_definition_is_valid() {
    Cli::command().debug_assert();
}

/// `--excel` implies CSV (SPEC section 11) and refuses another format.
#[test]
fn excel_implies_csv() {
    use crate::render::Format;
    let args = |format, excel| FormatArgs {
        format,
        lang: None,
        excel,
        wide: false,
    };
    assert_eq!(args(None, false).render_format().unwrap(), Format::Table);
    assert_eq!(args(None, true).render_format().unwrap(), Format::Csv);
    assert_eq!(
        args(Some(ReportFormat::Csv), true).render_format().unwrap(),
        Format::Csv
    );
    assert_eq!(
        args(Some(ReportFormat::Json), false)
            .render_format()
            .unwrap(),
        Format::Json
    );
    for other in [
        ReportFormat::Table,
        ReportFormat::Json,
        ReportFormat::Markdown,
    ] {
        assert!(args(Some(other), true).render_format().is_err());
    }
}
