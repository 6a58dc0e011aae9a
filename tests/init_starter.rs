//! The starter `cxm init` writes is a small roadmap of everything: past work
//! in the inventory, maturity levels in the plan, training and an exchange
//! rate. (Other days than today are tested in `src/init.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::Path;
use std::process::Command;

fn cxm(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cxm"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn json(args: &[&str], dir: &Path) -> serde_json::Value {
    let out = cxm(args, dir);
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_starter_shows_past_work_and_maturity() {
    for (lang, done, wip) in [
        ("en", "cx-diagnosis", "complaint-survey"),
        ("pl", "diagnoza-dojrzalosci", "ankieta-po-reklamacji"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            cxm(&["init", "--lang", lang], dir.path()).status.code(),
            Some(0)
        );
        let check = cxm(&["check", "--strict"], dir.path());
        assert_eq!(
            check.status.code(),
            Some(0),
            "{lang}: {}",
            String::from_utf8_lossy(&check.stdout)
        );

        let inv = json(&["inventory", "--format", "json"], dir.path());
        let line = |id: &str| {
            inv["initiatives"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["id"] == id)
                .unwrap_or_else(|| panic!("{lang}: {id} not in the inventory"))
                .clone()
        };
        let d = line(done);
        assert_eq!(d["status"], "done");
        assert_eq!(d["actual"], "14200.00");
        let w = line(wip);
        assert_eq!(w["status"], "in-progress");
        // 8 000 PLN + 1 000 EUR × 4.30 of dated spending.
        assert_eq!(w["actual"], "12300.00");

        let plan = json(&["plan", "--format", "json"], dir.path());
        let maturity = plan["maturity"].as_array().unwrap();
        assert_eq!(maturity.len(), 4, "{lang}");
        for m in maturity {
            assert!(m["current"].is_u64() && m["target"].is_u64(), "{lang}: {m}");
            assert!(m["current"].as_u64() < m["target"].as_u64(), "{lang}: {m}");
        }
        let table = cxm(&["plan"], dir.path());
        assert!(
            !String::from_utf8_lossy(&table.stdout).contains("— → —"),
            "{lang}"
        );
    }
}
