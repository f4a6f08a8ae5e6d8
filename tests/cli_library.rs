//! The library through the real binary: seeding, import, duplicates, raw bytes,
//! and bad input that must fail alone and leave the library as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn lib(&self) -> PathBuf {
        self.dir.path().join("lib.db")
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// Run parallax on this environment's library, with no terminal and no stdin.
    fn run(&self, args: &[&str]) -> Output {
        self.run_with_stdin(args, None)
    }

    fn run_with_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Output {
        use std::io::Write;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.arg("--library")
            .arg(self.lib())
            .args(args)
            .env_remove("PARALLAX_LIBRARY")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        if let Some(bytes) = stdin {
            child.stdin.take().unwrap().write_all(bytes).unwrap();
        }
        child.wait_with_output().unwrap()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Everything a user could read from the library: the list and every
    /// article's raw bytes.
    fn snapshot(&self) -> (serde_json::Value, Vec<Vec<u8>>) {
        let list = self.json(&["list", "--json"]);
        let raws = list
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                let out = self.run(&["show", a["id"].as_str().unwrap(), "--raw"]);
                assert!(out.status.success());
                out.stdout
            })
            .collect();
        (list, raws)
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The five samples as they were scraped, kept beside their gold answers.
fn seed_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
    v.sort();
    assert_eq!(v.len(), 5, "tests/samples holds the five scraped samples");
    v
}

#[test]
fn a_new_default_library_lists_the_five_samples() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["list"])
        .env_remove("PARALLAX_LIBRARY")
        .env("XDG_DATA_HOME", dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    for title in [
        "Macron promises Ukraine military",
        "Macron and Putin resume telephone contact",
        "France: Putin told Macron",
        "Macron announces coalition",
        "Reuters: France invites",
    ] {
        assert!(text.contains(title), "{title} missing from:\n{text}");
    }
    assert!(dir.path().join("parallax/library.db").exists());
}

#[test]
fn the_library_env_var_is_used_when_no_flag_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("elsewhere.db");
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["list", "--json"])
        .env("PARALLAX_LIBRARY", &lib)
        .env("XDG_DATA_HOME", dir.path().join("xdg"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(lib.exists());
    assert!(!dir.path().join("xdg/parallax/library.db").exists());
}

#[test]
fn importing_the_seeds_adds_five_then_reports_five_duplicates_and_keeps_bytes() {
    let env = Env::new();
    let files = seed_files();
    let args: Vec<&str> = ["import", "--json"]
        .into_iter()
        .chain(files.iter().map(|p| p.to_str().unwrap()))
        .collect();
    let first = env.json(&args);
    let statuses: Vec<&str> = first
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, vec!["added"; 5]);
    let again = env.json(&args);
    for (a, b) in first
        .as_array()
        .unwrap()
        .iter()
        .zip(again.as_array().unwrap())
    {
        assert_eq!(b["status"], "duplicate");
        assert_eq!(
            a["id"], b["id"],
            "a duplicate names the article it duplicates"
        );
    }
    for (r, path) in first.as_array().unwrap().iter().zip(&files) {
        let out = env.run(&["show", r["id"].as_str().unwrap(), "--raw"]);
        assert!(out.status.success());
        assert_eq!(out.stdout, std::fs::read(path).unwrap(), "{path:?}");
    }
}

#[test]
fn the_text_summary_counts_added_duplicates_and_failures() {
    let env = Env::new();
    let good = env.file("good.txt", b"Leaders speak\n\nThe two spoke on Monday.");
    let bad = env.file("empty.txt", b"");
    let out = env.run(&[
        "import",
        good.to_str().unwrap(),
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("1 added, 1 duplicate, 1 failed"), "{err}");
    assert!(err.contains("empty.txt"), "{err}");
}

#[test]
fn ids_are_readable_slugs() {
    let env = Env::new();
    let list = env.json(&["list", "--json"]);
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"2022-05-03-politico-macron-and-putin-resume"),
        "{ids:?}"
    );
}

#[test]
fn import_reads_standard_input_with_the_given_metadata() {
    let env = Env::new();
    let out = env.run_with_stdin(
        &[
            "import",
            "--json",
            "--source",
            "Reuters",
            "--published",
            "2023-01-02",
            "--url",
            "https://example.org/x",
            "-",
        ],
        Some(
            "Scholz and Putin speak by phone\n\nThe chancellery said the call lasted an hour."
                .as_bytes(),
        ),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = r[0]["id"].as_str().unwrap();
    assert_eq!(id, "2023-01-02-reuters-scholz-and-putin-speak");
    let a = env.json(&["show", id, "--json"]);
    assert_eq!(a["source"], "Reuters");
    assert_eq!(a["published"], "2023-01-02");
    assert_eq!(a["url"], "https://example.org/x");
    assert_eq!(a["title"], "Scholz and Putin speak by phone");
}

#[test]
fn a_directory_is_imported_recursively() {
    let env = Env::new();
    let d = env.dir.path().join("clips/sub");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        env.dir.path().join("clips/a.txt"),
        "Title A here\n\nBody a.",
    )
    .unwrap();
    std::fs::write(d.join("b.md"), "# Title B here\n\nBody b.").unwrap();
    std::fs::write(d.join(".hidden"), "Hidden\n\nno").unwrap();
    let r = env.json(&[
        "import",
        "--json",
        env.dir.path().join("clips").to_str().unwrap(),
    ]);
    assert_eq!(r.as_array().unwrap().len(), 2, "{r}");
}

/// Each bad input: exit 1, a message naming the file and the cause, and the
/// library exactly as it was.
fn assert_refused(env: &Env, path: &str, cause: &str) {
    let before = env.snapshot();
    let out = env.run(&["import", path]);
    assert_eq!(out.status.code(), Some(1), "{path}: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(path), "the message names the file: {err}");
    assert!(
        err.to_lowercase().contains(cause),
        "the message says {cause:?}: {err}"
    );
    assert_eq!(env.snapshot(), before, "the library changed after {path}");
}

#[test]
fn bad_input_fails_with_its_reason_and_changes_nothing() {
    let env = Env::new();
    env.snapshot(); // creates and seeds the library
    let empty = env.file("empty.txt", b"");
    assert_refused(&env, empty.to_str().unwrap(), "empty");
    let blank = env.file("blank.txt", b"\n  \n\t\n");
    assert_refused(&env, blank.to_str().unwrap(), "empty");
    let binary = env.file("photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF\0");
    assert_refused(&env, binary.to_str().unwrap(), "binary");
    let fm = env.file(
        "fm.txt",
        b"+++\nsource = \"X\"\npublished = \"yesterday\"\n+++\nTitle\n\nBody.",
    );
    assert_refused(&env, fm.to_str().unwrap(), "line 3");
    let unclosed = env.file("unclosed.txt", b"+++\ntitle = \"x\"\nTitle\n\nBody.");
    assert_refused(&env, unclosed.to_str().unwrap(), "front matter");
    let missing = env.dir.path().join("nope.txt");
    assert_refused(&env, missing.to_str().unwrap(), "no such file");
    let not_dir = env.dir.path().join("empty.txt/child.txt");
    assert_refused(&env, not_dir.to_str().unwrap(), "not a directory");
    let huge = env.dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(50 * 1024 * 1024 + 1)
        .unwrap();
    assert_refused(&env, huge.to_str().unwrap(), "50 mb");
}

#[test]
fn a_bad_file_fails_alone_and_the_others_are_imported() {
    let env = Env::new();
    let good = env.file("good.txt", b"Leaders speak\n\nThe two spoke on Monday.");
    let bad = env.file("bad.bin", b"\0\0\0");
    let r = env.json_allow_fail(&[
        "import",
        "--json",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(r[0]["status"], "error");
    assert!(r[0]["error"].as_str().unwrap().contains("binary"));
    assert_eq!(r[1]["status"], "added");
}

impl Env {
    fn json_allow_fail(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

#[test]
fn invalid_utf8_is_imported_with_a_warning_and_raw_bytes_kept() {
    let env = Env::new();
    let bytes = b"Caf\xe9 talks end\n\nThe leaders spoke at the caf\xe9 on Monday.";
    let p = env.file("latin1.txt", bytes);
    let out = env.run(&["import", p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning"), "{}", stderr(&out));
    assert!(stderr(&out).contains("latin1.txt"));
    let list = env.json(&["list", "--json", "--filter", "talks end"]);
    let id = list[0]["id"].as_str().unwrap();
    assert_eq!(env.run(&["show", id, "--raw"]).stdout, bytes);
}

#[test]
fn show_of_an_unknown_id_fails_naming_the_id() {
    let env = Env::new();
    for args in [
        vec!["show", "no-such-article"],
        vec!["show", "no-such-article", "--raw"],
        vec!["show", "no-such-article", "--json"],
    ] {
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("no-such-article"), "{}", stderr(&out));
    }
    let out = env.run(&["compare", "no-such-call"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no-such-call"));
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    for args in [
        vec!["frobnicate"],
        vec!["import"],
        vec!["list", "--limit", "many"],
        vec!["import", "--published", "May 3", "x.txt"],
        vec!["show", "x", "--raw", "--json"],
    ] {
        assert_eq!(env.run(&args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn the_reader_without_a_terminal_points_to_list_and_show() {
    let env = Env::new();
    let out = env.run(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("parallax list") && err.contains("parallax show"),
        "{err}"
    );
}

#[test]
fn show_prints_a_readable_article_and_json_paragraphs() {
    let env = Env::new();
    let id = "2022-05-03-politico-macron-and-putin-resume";
    let out = env.run(&["show", id]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Macron and Putin resume telephone contact"));
    assert!(text.contains("POLITICO · 3 May 2022"), "{text}");
    assert!(
        text.lines()
            .filter(|l| !l.starts_with("https://"))
            .all(|l| l.chars().count() <= 80),
        "{text}"
    );
    let a = env.json(&["show", id, "--json"]);
    assert!(a["paragraphs"].as_array().unwrap().len() > 5);
    assert_eq!(a["source"], "POLITICO");
}

#[test]
fn list_filters_limits_and_orders_newest_first() {
    let env = Env::new();
    let all = env.json(&["list", "--json"]);
    let dates: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["published"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let two = env.json(&["list", "--json", "--limit", "2"]);
    assert_eq!(two.as_array().unwrap().len(), 2);
    let kyiv = env.json(&["list", "--json", "--filter", "kyiv independent"]);
    assert_eq!(kyiv.as_array().unwrap().len(), 1);
    assert_eq!(kyiv[0]["source"], "The Kyiv Independent");
    let none = env.json(&["list", "--json", "--filter", "zzzzqqq"]);
    assert_eq!(none.as_array().unwrap().len(), 0);
}

#[test]
fn a_file_that_is_not_a_library_is_refused_and_left_untouched() {
    let env = Env::new();
    let lib = env.lib();
    std::fs::write(&lib, b"these are my notes, not a database").unwrap();
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a parallax library"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&lib).unwrap(),
        b"these are my notes, not a database"
    );
}
