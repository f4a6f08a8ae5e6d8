//! What the binary says about itself: `--version`, `--help` with examples,
//! shell completions and the manual page, all from the one CLI definition.

use std::path::Path;
use std::process::{Command, Output, Stdio};

const COMMANDS: &[&str] = &[
    "import",
    "list",
    "show",
    "calls",
    "compare",
    "export",
    "config",
    "completions",
    "man",
];

fn run(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env_remove("PARALLAX_LIBRARY")
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn version_prints_the_package_version() {
    let home = tempfile::tempdir().unwrap();
    let text = stdout(&run(home.path(), &["--version"]));
    assert_eq!(
        text.trim(),
        format!("parallax {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn every_command_has_help_with_examples() {
    let home = tempfile::tempdir().unwrap();
    let top = stdout(&run(home.path(), &["--help"]));
    assert!(top.contains("Examples:") && top.contains("Files:"), "{top}");
    for command in COMMANDS {
        let help = stdout(&run(home.path(), &[command, "--help"]));
        assert!(top.contains(command), "{command} is listed");
        let examples = help.split("Examples:").nth(1).unwrap_or_default();
        assert!(
            examples.contains(&format!("parallax {command}")),
            "{command}: {help}"
        );
    }
}

#[test]
fn completions_cover_every_command_in_each_shell() {
    let home = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&run(home.path(), &["completions", shell]));
        for command in COMMANDS {
            assert!(script.contains(command), "{shell}: {command}");
        }
        assert!(script.contains("log-level"), "{shell}");
    }
    let out = run(home.path(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_is_roff_with_options_and_examples() {
    let home = tempfile::tempdir().unwrap();
    let page = stdout(&run(home.path(), &["man"]));
    assert!(page.contains(".TH parallax 1"), "{page}");
    assert!(page.contains(".SH OPTIONS") && page.contains("log\\-level"));
    assert!(page.contains("parallax export \\-\\-jsonl"), "the examples");
    assert!(page.contains("PARALLAX_LIBRARY"), "the environment");
}

#[test]
fn man_writes_one_page_per_command_into_a_directory() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("man1");
    let out = run(home.path(), &["man", "--output-dir", dir.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(dir.join("parallax.1").is_file());
    for command in COMMANDS {
        let page = std::fs::read_to_string(dir.join(format!("parallax-{command}.1"))).unwrap();
        assert!(
            page.contains(&format!(".TH parallax-{command} 1")),
            "{command}: {page}"
        );
        assert!(page.contains(concat!("\"parallax ", env!("CARGO_PKG_VERSION"), "\"")));
    }
}

#[test]
fn generating_docs_touches_no_library_and_no_log() {
    let home = tempfile::tempdir().unwrap();
    stdout(&run(home.path(), &["man"]));
    stdout(&run(home.path(), &["completions", "bash"]));
    assert!(!home.path().join("data").exists());
    assert!(!home.path().join("state").exists());
}
