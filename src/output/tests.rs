use super::*;

/// The files left in `dir`, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("a directory")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn a_report_that_cannot_be_made_says_why_not_that_it_could_not_write() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("out.csv");
    let err = write_with(Some(&path), |_| {
        Err(anyhow::anyhow!("the roadmap names no plan year"))
    })
    .expect_err("the render fails");
    assert_eq!(format!("{err:#}"), "the roadmap names no plan year");
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
}

#[test]
fn a_failed_write_into_the_file_names_the_path_given() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("out.csv");
    let err = write_with(Some(&path), |_| {
        Err(std::io::Error::other("disk full").into())
    })
    .expect_err("the write fails");
    assert_eq!(
        format!("{err:#}"),
        format!("could not write {}: disk full", path.display())
    );
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
}

#[test]
fn the_temporary_file_is_never_named() {
    let e = std::io::Error::other(
        "No such file or directory (os error 2) at path \"/nonexistent/.tmpAbC123\"",
    );
    let err = write_failed(Path::new("/nonexistent/dir/x.csv"), &e);
    assert_eq!(
        err.to_string(),
        "could not write /nonexistent/dir/x.csv: No such file or directory (os error 2)"
    );
}

#[test]
fn a_closed_pipe_ends_the_output_without_an_error() {
    let broken =
        || -> Result<()> { Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into()) };
    assert!(reader_gone_is_done(broken()).is_ok());
    let other = || -> Result<()> { Err(std::io::Error::other("disk full").into()) };
    assert!(reader_gone_is_done(other()).is_err());
}

#[test]
fn standard_output_has_several_names() {
    assert!(is_stdout(Path::new("-")));
    assert!(is_stdout(Path::new("/dev/stdout")));
    assert!(!is_stdout(Path::new("./-")));
    assert!(!is_stdout(Path::new("/dev/stderr")));
    assert!(is_stderr(Path::new("/dev/stderr")));
    assert!(!is_stderr(Path::new("/dev/stdout")));
}

#[test]
fn a_dashboard_is_never_a_toml_file() {
    use crate::roadmap::Language;
    for name in ["roadmap.toml", "x/R.TOML", "a.Toml"] {
        let err = refuse_toml_dashboard(Path::new(name), Language::En).expect_err(name);
        assert!(
            err.to_string().contains("a .toml file is a roadmap"),
            "{err}"
        );
    }
    for name in ["dashboard.html", "toml", "x.toml.html"] {
        assert!(
            refuse_toml_dashboard(Path::new(name), Language::En).is_ok(),
            "{name}"
        );
    }
}
