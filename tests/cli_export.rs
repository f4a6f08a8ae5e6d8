//! `parallax export --jsonl` and reading an export back with `import`: the
//! round trip loses nothing, bytes, metadata and reading state alike.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use parallax::library::Library;
use parallax::model::ReadingState;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn run(&self, lib: &str, args: &[&str]) -> Output {
        self.run_with_stdin(lib, args, None)
    }

    fn run_with_stdin(&self, lib: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .arg("--library")
            .arg(self.path(lib))
            .args(args)
            .env_remove("PARALLAX_LIBRARY")
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_STATE_HOME", self.path("state"))
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(bytes) = stdin {
            child.stdin.take().unwrap().write_all(bytes).unwrap();
        }
        child.wait_with_output().unwrap()
    }

    fn ok(&self, lib: &str, args: &[&str]) -> Vec<u8> {
        let out = self.run(lib, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        out.stdout
    }

    fn export(&self, lib: &str) -> String {
        String::from_utf8(self.ok(lib, &["export", "--jsonl"])).unwrap()
    }

    /// A library with the samples, a Markdown file, an HTML page, a file that
    /// is not UTF-8, and reading state on some of them.
    fn rich_library(&self, lib: &str) {
        let md = self.file(
            "note.md",
            b"# Scholz and Xi talk\n\nChancellor Olaf Scholz spoke with Xi Jinping by video on Monday.\n",
        );
        let html = self.file(
            "page.html",
            b"<html><head><title>Erdogan calls Zelensky</title></head><body><article>\
              <p>Recep Tayyip Erdogan spoke with Volodymyr Zelensky by phone, the Turkish presidency said.</p>\
              </article></body></html>",
        );
        let latin1 = self.file(
            "latin1.txt",
            b"Le pr\xe9sident parle\r\n\r\nEmmanuel Macron s'est entretenu avec Olaf Scholz.\r\n",
        );
        let out = self.run(
            lib,
            &[
                "import",
                "--source",
                "Le Monde",
                "--published",
                "2024-02-01",
                latin1.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        self.ok(
            lib,
            &["import", md.to_str().unwrap(), html.to_str().unwrap()],
        );
        let mut library = Library::open(&self.path(lib)).unwrap();
        let ids: Vec<String> = library
            .summaries()
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        library
            .set_state(
                &ids[0],
                ReadingState {
                    read: true,
                    bookmarked: true,
                    position: 42,
                },
            )
            .unwrap();
        library
            .set_state(
                &ids[3],
                ReadingState {
                    read: true,
                    bookmarked: false,
                    position: 0,
                },
            )
            .unwrap();
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn report(out: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn export_then_import_into_a_new_library_then_export_again_is_identical() {
    let env = Env::new();
    env.rich_library("a.db");
    let first = env.export("a.db");
    assert_eq!(first.lines().count(), 8, "five samples and three imports");
    let backup = env.file("backup.jsonl", first.as_bytes());

    let out = env.run("b.db", &["import", "--json", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reports = report(&out);
    assert_eq!(reports.len(), 8);
    assert!(
        reports.iter().all(|r| r["status"] == "added"),
        "{reports:?}"
    );
    assert_eq!(reports[0]["path"], format!("{}:1", backup.display()));

    assert_eq!(env.export("b.db"), first);
    // What a user reads is the same too: the list with its state, every
    // article's bytes and its cleaned text.
    let list_a = env.ok("a.db", &["list", "--json"]);
    assert_eq!(env.ok("b.db", &["list", "--json"]), list_a);
    let list: serde_json::Value = serde_json::from_slice(&list_a).unwrap();
    for a in list.as_array().unwrap() {
        let id = a["id"].as_str().unwrap();
        for how in ["--raw", "--json"] {
            assert_eq!(
                env.ok("b.db", &["show", id, how]),
                env.ok("a.db", &["show", id, how]),
                "{id} {how}"
            );
        }
    }
}

#[test]
fn bytes_that_are_not_utf8_travel_in_base64() {
    let env = Env::new();
    env.rich_library("a.db");
    let export = env.export("a.db");
    let latin1 = export
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["source"] == "Le Monde")
        .unwrap();
    assert!(latin1.get("raw").is_none());
    assert!(latin1["raw_base64"].is_string());
    let utf8 = serde_json::from_str::<serde_json::Value>(export.lines().next().unwrap()).unwrap();
    assert!(utf8["raw"].is_string() && utf8.get("raw_base64").is_none());
}

#[test]
fn importing_an_export_into_its_own_library_reports_duplicates_and_changes_nothing() {
    let env = Env::new();
    env.rich_library("a.db");
    let before = env.export("a.db");
    let backup = env.file("backup.jsonl", before.as_bytes());
    let out = env.run("a.db", &["import", "--json", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(report(&out).iter().all(|r| r["status"] == "duplicate"));
    assert_eq!(env.export("a.db"), before);
}

#[test]
fn a_bad_line_fails_alone_naming_the_file_and_line() {
    let env = Env::new();
    let export = env.export("a.db");
    let mut lines: Vec<&str> = export.lines().collect();
    lines[1] = "{\"id\": \"broken\", \"title\": ";
    let cut = lines[3].replace("\"raw\":", "\"text\":");
    lines[3] = &cut;
    let backup = env.file("backup.jsonl", format!("{}\n", lines.join("\n")).as_bytes());

    let out = env.run("b.db", &["import", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let shown = backup.display();
    assert!(
        err.contains(&format!("error: {shown}:2: not a parallax export record")),
        "{err}"
    );
    assert!(
        err.contains(&format!("error: {shown}:4: neither raw nor raw_base64")),
        "{err}"
    );
    assert!(err.ends_with("3 added, 0 duplicates, 2 failed\n"), "{err}");
    assert_eq!(env.export("b.db").lines().count(), 3);
}

#[test]
fn an_export_is_known_by_its_first_line_whatever_its_name_and_from_stdin() {
    let env = Env::new();
    let export = env.export("a.db");
    let renamed = env.file("backup.txt", export.as_bytes());
    let out = env.run("b.db", &["import", "--json", renamed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(report(&out).len(), 5);
    assert_eq!(env.export("b.db"), export);

    let out = env.run_with_stdin("c.db", &["import", "--json", "-"], Some(export.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(report(&out)[0]["path"], "-:1");
    assert_eq!(env.export("c.db"), export);
}

#[test]
fn an_article_already_there_keeps_its_own_state() {
    let env = Env::new();
    env.rich_library("a.db");
    let backup = env.file("backup.jsonl", env.export("a.db").as_bytes());
    // b.db exists first (seeded, nothing read), so the samples are duplicates.
    env.ok("b.db", &["list"]);
    let out = env.run("b.db", &["import", "--json", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let statuses: Vec<_> = report(&out).iter().map(|r| r["status"].clone()).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == "duplicate").count(),
        5,
        "{statuses:?}"
    );
    assert_eq!(statuses.iter().filter(|s| **s == "added").count(), 3);
    let read = |lib: &str| -> Vec<String> {
        let list: serde_json::Value =
            serde_json::from_slice(&env.ok(lib, &["list", "--json"])).unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .filter(|a| a["read"] == true)
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    };
    let duplicates: Vec<String> = report(&out)
        .iter()
        .filter(|r| r["status"] == "duplicate")
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let read_in_a: Vec<String> = read("a.db")
        .into_iter()
        .filter(|id| duplicates.contains(id))
        .collect();
    assert!(!read_in_a.is_empty(), "a sample was read in a.db");
    let read_in_b = read("b.db");
    assert!(
        read_in_a.iter().all(|id| !read_in_b.contains(id)),
        "{read_in_b:?}"
    );
}

#[test]
fn reading_state_comes_back_with_the_articles() {
    let env = Env::new();
    env.rich_library("a.db");
    let backup = env.file("backup.jsonl", env.export("a.db").as_bytes());
    env.ok("b.db", &["import", backup.to_str().unwrap()]);
    let mut library = Library::open(&env.path("b.db")).unwrap();
    let states: Vec<ReadingState> = library
        .summaries()
        .unwrap()
        .into_iter()
        .map(|a| a.state)
        .collect();
    assert!(states.contains(&ReadingState {
        read: true,
        bookmarked: true,
        position: 42
    }));
    assert_eq!(states.iter().filter(|s| s.read).count(), 2);
}

#[test]
fn output_goes_to_a_file_whole_or_not_at_all() {
    let env = Env::new();
    let stdout = env.export("a.db");
    let file = env.path("backup.jsonl");
    let out = env.run(
        "a.db",
        &["export", "--jsonl", "--output", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);

    let nowhere = env.path("missing-dir/backup.jsonl");
    let out = env.run(
        "a.db",
        &["export", "--jsonl", "-o", nowhere.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(nowhere.to_str().unwrap()),
        "{}",
        stderr(&out)
    );
    assert!(!env.path("missing-dir").exists());
    assert_eq!(leftovers(env.dir.path()), Vec::<String>::new());
}

#[test]
fn export_needs_a_format() {
    let env = Env::new();
    let out = env.run("a.db", &["export"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--jsonl"));
}

/// Temporary files an export may have left behind.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".part-"))
        .collect()
}
