//! The committed JSON Schema is the one `cxm schema` generates, and every
//! roadmap we ship or write validates against it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cxm(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// TOML as JSON the way editors see it: dates as strings.
fn to_json(v: toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)
        }
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(a) => a.into_iter().map(to_json).collect(),
        toml::Value::Table(t) => t
            .into_iter()
            .map(|(k, v)| (k, to_json(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}

fn schema() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("roadmap.schema.json")).unwrap())
        .unwrap()
}

fn errors(text: &str) -> Vec<String> {
    let schema = schema();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let doc = to_json(toml::Value::Table(toml::from_str(text).unwrap()));
    validator.iter_errors(&doc).map(|e| e.to_string()).collect()
}

#[test]
fn committed_schema_is_the_generated_one() {
    let out = cxm(&["schema"], &root());
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(root().join("roadmap.schema.json")).unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap() == committed,
        "roadmap.schema.json is stale: run `cargo run -- schema -o roadmap.schema.json`"
    );
}

#[test]
fn shipped_roadmaps_validate_and_name_the_schema() {
    let mut files = vec![root().join("roadmap.toml.example")];
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "toml") {
            files.push(p);
        }
    }
    assert!(files.len() >= 2);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(
            text.starts_with("#:schema "),
            "{} has no #:schema line",
            f.display()
        );
        assert_eq!(errors(&text), Vec::<String>::new(), "{}", f.display());
    }
}

#[test]
fn init_output_validates_in_both_languages() {
    for lang in ["en", "pl"] {
        let dir = tempfile::tempdir().unwrap();
        let out = cxm(&["init", "roadmap.toml", "--lang", lang], dir.path());
        assert_eq!(out.status.code(), Some(0));
        let text = std::fs::read_to_string(dir.path().join("roadmap.toml")).unwrap();
        assert!(text.starts_with("#:schema ./roadmap.schema.json\n"));
        assert_eq!(errors(&text), Vec::<String>::new(), "{lang}");
        // The schema it names was written beside it, and is the current one.
        let beside = std::fs::read_to_string(dir.path().join("roadmap.schema.json")).unwrap();
        assert_eq!(
            beside,
            std::fs::read_to_string(root().join("roadmap.schema.json")).unwrap()
        );
    }
}

#[test]
fn schema_rejects_what_the_loader_rejects() {
    let base = "[roadmap]\nplan_year = 2027\n";
    assert!(errors(base).is_empty());
    for bad in [
        "[roadmap]\nplan_yr = 2027\n",
        "[roadmap]\nplan_year = 2027\ncurrency = \"pln\"\n",
        "[roadmap]\nplan_year = 2027\n[[initiatives]]\nid = \"a\"\ntitle = \"t\"\ncompetency = \"measurment\"\narea = \"cxm\"\nstatus = \"planned\"\n",
        "[roadmap]\nplan_year = 2027\n[[initiatives]]\nid = \"a\"\ntitle = \"t\"\ncompetency = \"design\"\narea = \"cxm\"\n",
        "[roadmap]\nplan_year = 2027\n[maturity.desing]\ncurrent = 1\n",
        "[roadmap]\nplan_year = 2027\n[check]\nallow = [\"E001\"]\n",
    ] {
        assert!(!errors(bad).is_empty(), "schema accepted:\n{bad}");
    }
}

#[test]
fn init_passes_check_and_never_overwrites() {
    for lang in ["en", "pl"] {
        let dir = tempfile::tempdir().unwrap();
        let out = cxm(&["init", "--lang", lang], dir.path());
        assert_eq!(out.status.code(), Some(0));
        let check = cxm(&["check", "--strict"], dir.path());
        assert_eq!(
            check.status.code(),
            Some(0),
            "{lang}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        // The reports run on it too.
        for report in ["budget", "plan", "inventory", "kpi"] {
            let out = cxm(&[report], dir.path());
            assert_eq!(out.status.code(), Some(0), "{lang} {report}");
        }
        // A second init refuses and leaves the file as it was.
        std::fs::write(dir.path().join("roadmap.toml"), "# mine\n").unwrap();
        let again = cxm(&["init", "--lang", lang], dir.path());
        assert_eq!(again.status.code(), Some(2));
        // In the language of `--lang`, as what init says when it writes.
        let exists = if lang == "pl" {
            "już istnieje"
        } else {
            "already exists"
        };
        assert!(String::from_utf8_lossy(&again.stderr).contains(exists));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("roadmap.toml")).unwrap(),
            "# mine\n"
        );
    }
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = cxm(&["completions", shell], &root());
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("budget") && text.contains("check"), "{shell}");
    }
    let out = cxm(&["man"], &root());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(".ie") || text.contains(".TH cxm"),
        "{text}"
    );
}

/// `x-` keys, the user's own annotations, are allowed in every table whose
/// keys are names (SPEC section 13), as the loader ignores them; any other
/// unknown key stays an error, and `[fx]`, keyed by currency, takes none.
#[test]
fn x_keys_are_allowed_where_keys_are_names() {
    let example = std::fs::read_to_string(root().join("roadmap.toml.example")).unwrap();
    let annotate = |prefix: &str| {
        let mut out = format!("{prefix}-owner = \"CX team\"\n");
        for line in example.lines() {
            out.push_str(line);
            out.push('\n');
            let header = line.trim_start();
            if header.starts_with('[') && header != "[fx]" {
                out.push_str(&format!("{prefix}-jira = \"CX-12\"\n"));
            }
        }
        out
    };
    assert_eq!(errors(&annotate("x")), Vec::<String>::new());
    let headers = example
        .lines()
        .filter(|l| l.trim_start().starts_with('[') && l.trim_start() != "[fx]")
        .count();
    assert_eq!(errors(&annotate("y")).len(), headers + 1);
    let fx = example.replace("[fx]\n", "[fx]\nx-jira = 1\n");
    assert_eq!(errors(&fx).len(), 1, "{:?}", errors(&fx));
}
