//! The log: lines land in `$XDG_STATE_HOME/parallax/parallax.log`, at the
//! level asked for, and never on the terminal.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn run(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--library")
        .arg(home.join("lib.db"))
        .args(args)
        .env_remove("PARALLAX_LIBRARY")
        .env_remove("PARALLAX_LOG")
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn log_file(home: &Path) -> PathBuf {
    home.join("state/parallax/parallax.log")
}

fn article(home: &Path) -> PathBuf {
    let p = home.join("call.txt");
    std::fs::write(
        &p,
        "Macron and Scholz speak\n\nEmmanuel Macron spoke with Olaf Scholz by phone on Monday.\n",
    )
    .unwrap();
    p
}

#[test]
fn an_import_is_logged_to_the_file_and_stderr_holds_only_the_usual_lines() {
    let home = tempfile::tempdir().unwrap();
    let file = article(home.path());
    let out = run(home.path(), &["import", file.to_str().unwrap()], &[]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("added ") && lines[0].ends_with(file.to_str().unwrap()));
    assert_eq!(lines[1], "1 added, 0 duplicates, 0 failed");

    let log = std::fs::read_to_string(log_file(home.path())).unwrap();
    assert!(log.contains("library created"), "{log}");
    let id = lines[0].split(' ').nth(1).unwrap();
    let imported = log.lines().find(|l| l.contains("imported")).unwrap();
    assert!(
        imported.contains(" INFO ") && imported.contains(id),
        "{log}"
    );
}

#[test]
fn failures_are_logged_as_warnings() {
    let home = tempfile::tempdir().unwrap();
    let empty = home.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = run(home.path(), &["import", empty.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1));
    let log = std::fs::read_to_string(log_file(home.path())).unwrap();
    let line = log.lines().find(|l| l.contains("import failed")).unwrap();
    assert!(
        line.contains(" WARN ") && line.contains("the file is empty"),
        "{log}"
    );
}

#[test]
fn the_level_comes_from_the_flag_or_parallax_log() {
    let home = tempfile::tempdir().unwrap();
    let file = article(home.path());
    run(home.path(), &["--log-level", "error", "list"], &[]);
    run(
        home.path(),
        &["import", file.to_str().unwrap()],
        &[("PARALLAX_LOG", "warn")],
    );
    let log = std::fs::read_to_string(log_file(home.path())).unwrap_or_default();
    assert!(!log.contains("INFO"), "{log}");

    run(home.path(), &["--log-level", "debug", "list"], &[]);
    let log = std::fs::read_to_string(log_file(home.path())).unwrap();
    assert!(log.contains("DEBUG"), "{log}");
}

#[test]
fn a_bad_level_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["--log-level", "loud", "list"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(home.path(), &["list"], &[("PARALLAX_LOG", "loud")]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_unwritable_log_does_not_stop_the_command() {
    let home = tempfile::tempdir().unwrap();
    // The state directory is a file: no log can be made under it.
    std::fs::write(home.path().join("state"), "").unwrap();
    let out = run(home.path(), &["list"], &[]);
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "quiet unless a level was asked for");
    let out = run(home.path(), &["--log-level", "info", "list"], &[]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot open the log"), "{err}");
}
