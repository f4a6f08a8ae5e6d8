//! Faults, on the real binary and real files: a killed import, a corrupted or
//! foreign file given as the library, a newer schema, a read-only library, two
//! processes at once, and the disk filling up. The library is the user's only
//! copy of years of reading: it must come through each whole.

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

const BIN: &str = env!("CARGO_BIN_EXE_parallax");

fn parallax(lib: &Path) -> Command {
    parallax_from(Path::new(BIN), lib)
}

fn parallax_from(bin: &Path, lib: &Path) -> Command {
    let mut c = Command::new(bin);
    c.arg("--library")
        .arg(lib)
        .env_remove("PARALLAX_LIBRARY")
        .env("XDG_CONFIG_HOME", lib.with_extension("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn run(lib: &Path, args: &[&str]) -> Output {
    parallax(lib).args(args).output().unwrap()
}

fn ok(lib: &Path, args: &[&str]) -> Output {
    let out = run(lib, args);
    assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `n` distinct articles of about `size` bytes each, in a new directory.
fn articles(dir: &Path, name: &str, n: usize, size: usize) -> PathBuf {
    let d = dir.join(name);
    std::fs::create_dir_all(&d).unwrap();
    for i in 0..n {
        let mut body = format!(
            "{name} report number {i} on the talks\n\nBRUSSELS — Officials met again on day {i}, \
             the ministry said. "
        );
        let filler = format!("Negotiators from {name} worked late into night {i}. ");
        while body.len() < size {
            body.push_str(&filler);
        }
        std::fs::write(d.join(format!("{i:04}.txt")), body).unwrap();
    }
    d
}

/// A new library holding the five samples.
fn new_library(dir: &Path) -> PathBuf {
    let lib = dir.join("lib.db");
    ok(&lib, &["list"]);
    lib
}

/// Open the file read-only with SQLite itself and check that every article
/// is whole: its reading state, its analysis and its full-text row are there,
/// and nothing refers to an article that is not. Returns the article count.
fn assert_whole(lib: &Path) -> usize {
    let c = Connection::open_with_flags(lib, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "{}", lib.display());
    let count = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    let n = count("SELECT count(*) FROM articles");
    for (what, sql) in [
        (
            "a reading state",
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM states)",
        ),
        (
            "an analysis",
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM analyses)",
        ),
        (
            "a full-text row",
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT id FROM articles_fts)",
        ),
    ] {
        assert_eq!(count(sql), 0, "articles without {what}");
    }
    for (what, sql) in [
        (
            "states",
            "SELECT count(*) FROM states WHERE article_id NOT IN (SELECT id FROM articles)",
        ),
        (
            "analyses",
            "SELECT count(*) FROM analyses WHERE article_id NOT IN (SELECT id FROM articles)",
        ),
        (
            "full-text rows",
            "SELECT count(*) FROM articles_fts WHERE id NOT IN (SELECT id FROM articles)",
        ),
        (
            "duplicate full-text rows",
            "SELECT count(*) - count(DISTINCT id) FROM articles_fts",
        ),
    ] {
        assert_eq!(count(sql), 0, "{what} of no article");
    }
    n as usize
}

fn import_json(lib: &Path, dir: &Path) -> Vec<serde_json::Value> {
    let out = run(lib, &["import", "--json", dir.to_str().unwrap()]);
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)))
        .as_array()
        .unwrap()
        .clone()
}

fn statuses(reports: &[serde_json::Value]) -> (usize, usize, usize) {
    let n = |s: &str| reports.iter().filter(|r| r["status"] == s).count();
    (n("added"), n("duplicate"), n("error"))
}

#[test]
fn sigkill_in_the_middle_of_importing_1000_files_leaves_whole_articles_only() {
    let dir = tempfile::tempdir().unwrap();
    let lib = new_library(dir.path());
    let src = articles(dir.path(), "kill", 1000, 3000);
    let mut child = parallax(&lib).arg("import").arg(&src).spawn().unwrap();
    // Kill it once a hundred articles went in: mid-import, for certain.
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut added = 0;
    while added < 100 {
        let line = lines.next().expect("import ended early").unwrap();
        if line.starts_with("added ") {
            added += 1;
        }
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "it was killed: {status:?}");
    drop(lines);

    let n = assert_whole(&lib);
    assert!(
        (5 + 100..5 + 1000).contains(&n),
        "{n} articles: killed mid-import"
    );
    // The library opens, and the same import completes.
    let reports = import_json(&lib, &src);
    let (a, d, e) = statuses(&reports);
    assert_eq!((a + d, e), (1000, 0), "{reports:?}");
    assert_eq!(d, n - 5, "what went in before the kill is a duplicate now");
    assert_eq!(assert_whole(&lib), 1005);
}

/// Run a reading and a writing command on a library that must be refused.
fn assert_refused_untouched(lib: &Path, cause: &str) {
    let before = std::fs::read(lib).unwrap();
    let dir = lib.parent().unwrap();
    let file = dir.join("one.txt");
    std::fs::write(&file, "A title\n\nA body.").unwrap();
    for args in [vec!["list"], vec!["import", file.to_str().unwrap()]] {
        let out = run(lib, &args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{} {args:?}: {}",
            lib.display(),
            stderr(&out)
        );
        let err = stderr(&out);
        assert!(
            err.contains(&lib.display().to_string()) && err.contains(cause),
            "{args:?} should name the file and say {cause:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            std::fs::read(lib).unwrap() == before,
            "{args:?} changed the file"
        );
    }
}

#[test]
fn a_corrupted_library_or_a_file_that_is_not_one_is_refused_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let good = new_library(dir.path());
    // parallax folds its write-ahead log into the file when it closes.
    assert!(!dir.path().join("lib.db-wal").exists());
    let bytes = std::fs::read(&good).unwrap();
    assert!(bytes.len() > 8192);
    let case = |name: &str, content: &[u8], cause: &str| {
        let d = dir.path().join(name);
        std::fs::create_dir(&d).unwrap();
        let lib = d.join("lib.db");
        std::fs::write(&lib, content).unwrap();
        assert_refused_untouched(&lib, cause);
    };
    case(
        "text",
        b"my notes, not a database\n",
        "not a parallax library",
    );
    case("empty", b"", "empty");
    let mut header_only = b"SQLite format 3\0".to_vec();
    header_only.extend(std::iter::repeat_n(0xA5, 4096));
    case("garbage", &header_only, "damaged");
    case("truncated", &bytes[..bytes.len() / 2], "damaged");
    let mut page1 = bytes.clone();
    page1[100..4096].fill(0x33);
    case("page-one", &page1, "damaged");

    // Another program's SQLite database.
    let d = dir.path().join("foreign");
    std::fs::create_dir(&d).unwrap();
    let lib = d.join("lib.db");
    let c = Connection::open(&lib).unwrap();
    c.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');")
        .unwrap();
    drop(c);
    assert_refused_untouched(&lib, "not a parallax library");
}

#[test]
fn bytes_damaged_inside_the_library_are_reported_for_that_article_only() {
    let dir = tempfile::tempdir().unwrap();
    let lib = new_library(dir.path());
    let items: serde_json::Value =
        serde_json::from_slice(&ok(&lib, &["list", "--json"]).stdout).unwrap();
    let ids: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    // Rot some bytes in the middle of one article's stored original.
    let victim = &ids[0];
    let raw = ok(&lib, &["show", victim, "--raw"]).stdout;
    let probe = &raw[raw.len() / 2..raw.len() / 2 + 64];
    let mut bytes = std::fs::read(&lib).unwrap();
    let at = bytes
        .windows(probe.len())
        .position(|w| w == probe)
        .expect("the raw bytes are stored as they are");
    bytes[at..at + 16].copy_from_slice(b"ROTROTROTROTROT!");
    std::fs::write(&lib, &bytes).unwrap();

    let out = run(&lib, &["show", victim, "--raw"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("damaged") && err.contains(victim.as_str()) && err.contains("lib.db"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "no rotten bytes are printed");
    for id in &ids[1..] {
        ok(&lib, &["show", id, "--raw"]);
    }
    ok(&lib, &["list"]);
    assert!(
        std::fs::read(&lib).unwrap() == bytes,
        "reading wrote nothing"
    );
}

#[test]
fn a_library_from_a_newer_parallax_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let lib = new_library(dir.path());
    let c = Connection::open(&lib).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    assert!(!dir.path().join("lib.db-wal").exists());
    assert_refused_untouched(&lib, "newer parallax (schema 99");
}

/// Reading works, a write fails saying the library is read-only, and the
/// file is unchanged. `as_nobody` runs the binary without root's bypass.
fn assert_read_only(lib: &Path, article_file: &Path, as_nobody: bool) {
    let before = std::fs::read(lib).unwrap();
    // A copy of the binary where nobody may run it: the build directory may
    // sit under one only its owner can enter.
    let bin_dir = tempfile::tempdir().unwrap();
    chmod(bin_dir.path(), 0o755);
    let bin = bin_dir.path().join("parallax");
    std::fs::copy(BIN, &bin).unwrap();
    let cmd = |args: &[&str]| {
        let mut c = parallax_from(&bin, lib);
        c.args(args);
        if as_nobody {
            c.uid(65534).gid(65534);
        }
        // A test thread that forks while the copy above is still open for
        // writing keeps it open in its child a moment: exec then fails with
        // "text file busy" until that child has exec'd in turn.
        for _ in 0..50 {
            match c.output() {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                    std::thread::sleep(std::time::Duration::from_millis(20))
                }
                other => return other.unwrap(),
            }
        }
        c.output().unwrap()
    };
    let who = if as_nobody {
        "as nobody"
    } else {
        "as this user"
    };
    let list = cmd(&["list", "--json"]);
    assert!(list.status.success(), "{who}: list: {}", stderr(&list));
    let items: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let id = items[0]["id"].as_str().unwrap().to_string();
    for args in [
        vec!["list"],
        vec!["show", &id],
        vec!["show", &id, "--json"],
        vec!["show", &id, "--raw"],
        vec!["calls"],
        vec!["calls", "--json"],
    ] {
        let out = cmd(&args);
        assert!(out.status.success(), "{who}: {args:?}: {}", stderr(&out));
    }
    let out = cmd(&["compare", "no-such-call"]);
    assert!(stderr(&out).contains("no call"), "{who}: {}", stderr(&out));

    let out = cmd(&["import", article_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{who}: import");
    assert!(
        stderr(&out).contains("read-only"),
        "{who}: import should say the library is read-only: {}",
        stderr(&out)
    );
    assert!(std::fs::read(lib).unwrap() == before, "{who}: file changed");
}

fn is_root() -> bool {
    // The owner of a file this process just made is this process's user.
    use std::os::unix::fs::MetadataExt;
    let f = tempfile::NamedTempFile::new().unwrap();
    f.as_file().metadata().unwrap().uid() == 0
}

fn chmod(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_read_only_library_file_can_be_read_but_not_changed() {
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let lib = new_library(dir.path());
    let file = dir.path().join("new.txt");
    std::fs::write(&file, "A new title\n\nA new body.").unwrap();
    chmod(&file, 0o644);
    chmod(&lib, 0o444);
    // Root writes whatever the mode says: parallax honours the mode itself.
    assert_read_only(&lib, &file, false);
    // Run as root, the mode bits alone stopped the writes above; the real
    // permission check needs another user. (Not root: it was already real.)
    if is_root() {
        // The directory stays root's: nobody cannot even make the -shm file.
        assert_read_only(&lib, &file, true);
    }

    // The reader's state changes fail with a clear message too.
    let mut l = parallax::library::Library::open(&lib).unwrap();
    let first = l.summaries().unwrap()[0].id.clone();
    let err = l
        .set_state(&first, parallax::model::ReadingState::default())
        .unwrap_err();
    assert!(format!("{err:#}").contains("read-only"), "{err:#}");
}

#[test]
fn a_library_in_a_read_only_directory_can_be_read_but_not_changed() {
    let top = tempfile::tempdir().unwrap();
    chmod(top.path(), 0o755);
    let dir = top.path().join("ro");
    std::fs::create_dir(&dir).unwrap();
    let lib = new_library(&dir);
    let file = top.path().join("new.txt");
    std::fs::write(&file, "A new title\n\nA new body.").unwrap();
    chmod(&lib, 0o666);
    chmod(&dir, 0o555);
    assert_read_only(&lib, &file, false);
    if is_root() {
        assert_read_only(&lib, &file, true);
    }
    chmod(&dir, 0o755);
}

#[test]
fn one_process_imports_while_another_reads_and_both_keep_working() {
    let dir = tempfile::tempdir().unwrap();
    let lib = new_library(dir.path());
    let src = articles(dir.path(), "busy", 300, 4000);
    let importer = parallax(&lib).arg("import").arg(&src).spawn().unwrap();
    let importer = std::thread::spawn(move || importer.wait_with_output().unwrap());
    let start = Instant::now();
    let mut seen = Vec::new();
    while !importer.is_finished() || seen.is_empty() {
        let list = ok(&lib, &["list", "--json"]);
        let items: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
        let items = items.as_array().unwrap();
        seen.push(items.len());
        ok(&lib, &["show", items[0]["id"].as_str().unwrap()]);
        ok(&lib, &["calls", "--json"]);
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "the import hangs"
        );
    }
    let out = importer.join().unwrap();
    assert!(out.status.success(), "the importer: {}", stderr(&out));
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(assert_whole(&lib), 305);
}

#[test]
fn two_processes_importing_at_once_both_finish() {
    let dir = tempfile::tempdir().unwrap();
    let lib = new_library(dir.path());
    let a = articles(dir.path(), "alpha", 150, 3000);
    let b = articles(dir.path(), "beta", 150, 3000);
    let spawn = |src: &Path| {
        let child = parallax(&lib)
            .args(["import", "--json"])
            .arg(src)
            .spawn()
            .unwrap();
        std::thread::spawn(move || child.wait_with_output().unwrap())
    };
    // The same directory twice: each article goes in once, the other run
    // finds it a duplicate.
    let runs = [spawn(&a), spawn(&b), spawn(&a)];
    let mut added = 0;
    for r in runs {
        let out = r.join().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let reports: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        let (a, _, e) = statuses(&reports);
        assert_eq!(e, 0, "{reports:?}");
        added += a;
    }
    assert_eq!(added, 300);
    assert_eq!(assert_whole(&lib), 305);
}

#[test]
fn processes_creating_the_same_new_library_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("new.db");
    let runs: Vec<_> = (0..4)
        .map(|k| {
            let src = articles(dir.path(), &format!("set{k}"), 5, 2000);
            let child = parallax(&lib).arg("import").arg(&src).spawn().unwrap();
            std::thread::spawn(move || child.wait_with_output().unwrap())
        })
        .collect();
    for r in runs {
        let out = r.join().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(
        assert_whole(&lib),
        5 + 4 * 5,
        "every import is in the one library"
    );
}

#[test]
fn a_full_disk_during_an_import_fails_naming_the_file_and_leaves_the_library_whole() {
    let dir = tempfile::tempdir().unwrap();
    let lib = new_library(dir.path());
    let src = articles(dir.path(), "full", 60, 20_000);
    let biggest = ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", lib.display())).ok())
        .map(|m| m.len())
        .max()
        .unwrap();
    // No file may grow past 400 KB more than the largest now: a few articles
    // fit, then writes fail as on a full disk. SIGXFSZ is ignored so that the
    // write fails instead of killing the process, as ENOSPC would.
    let limit_kb = biggest / 1024 + 400;
    let script = format!("trap '' XFSZ; ulimit -f {limit_kb}; exec \"$@\"");
    let out = Command::new("bash")
        .args(["-c", &script, "bash", BIN, "--library"])
        .arg(&lib)
        .args(["import", "--json"])
        .arg(&src)
        .env_remove("PARALLAX_LIBRARY")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let reports: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    let (added, _, errors) = statuses(&reports);
    assert!(added > 0 && errors > 0, "{reports:?}");
    let first_error = reports.iter().find(|r| r["status"] == "error").unwrap();
    let message = first_error["error"].as_str().unwrap();
    assert!(
        first_error["path"].as_str().unwrap().ends_with(".txt")
            && message.contains(&lib.display().to_string())
            && message.contains("full"),
        "the error names the file, the library and the cause: {first_error}"
    );
    // What was reported added is there, whole; nothing else is.
    assert_eq!(assert_whole(&lib), 5 + added);
    // With room again, the same import finishes.
    let again = import_json(&lib, &src);
    assert_eq!(statuses(&again), (60 - added, added, 0));
    assert_eq!(assert_whole(&lib), 65);
}
