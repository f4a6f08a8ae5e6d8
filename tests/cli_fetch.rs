//! `parallax import URL` against a web server on 127.0.0.1 that each test
//! starts itself: pages, redirects, plain text, refused kinds, HTTP errors,
//! timeouts and unreachable hosts. No test goes beyond this machine.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

const PAGE: &str = r#"<!doctype html><html lang="en"><head><title>Macron and Putin speak - Example News</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Macron and Putin speak by phone</h1>
<p>President Emmanuel Macron spoke with President Vladimir Putin by phone on Tuesday, the Elysee said in a statement issued after the call.</p>
<p>The Kremlin said the two leaders discussed the situation in Ukraine and agreed to stay in touch in the coming days and weeks.</p>
<p>Macron urged Putin to agree to an immediate ceasefire, according to the French presidency, which gave no further details.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"#;

/// What the test server answers on one path.
#[derive(Clone)]
enum Answer {
    Ok(&'static str, Vec<u8>),
    Redirect(u16, &'static str),
    Status(u16, &'static str),
    /// Read the request, then say nothing for this long.
    Silence(Duration),
}

fn answer(path: &str) -> Answer {
    match path {
        "/article" => Answer::Ok("text/html; charset=utf-8", PAGE.as_bytes().to_vec()),
        "/moved" => Answer::Redirect(301, "/article"),
        "/twice" => Answer::Redirect(302, "/moved"),
        "/loop" => Answer::Redirect(302, "/loop"),
        "/plain" => Answer::Ok(
            "text/plain; charset=utf-8",
            b"<p>Macron calls Putin</p>\n\nThis is plain text that only looks like markup.\n"
                .to_vec(),
        ),
        "/report.pdf" => Answer::Ok("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec()),
        "/photo" => Answer::Ok("image/jpeg", b"\xff\xd8\xff\xe0 JFIF".to_vec()),
        "/broken" => Answer::Status(500, "Internal Server Error"),
        "/slow" => Answer::Silence(Duration::from_secs(10)),
        _ => Answer::Status(404, "Not Found"),
    }
}

/// A one-thread-per-connection HTTP/1.1 server on an ephemeral loopback
/// port; dropping it closes the port.
struct Server {
    port: u16,
    stop: Arc<AtomicBool>,
    /// Requests served so far.
    hits: Arc<std::sync::atomic::AtomicUsize>,
    accepting: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let hits = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counting = hits.clone();
        let accepting = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                counting.fetch_add(1, Ordering::SeqCst);
                std::thread::spawn(move || serve(stream));
            }
        });
        Server {
            port,
            stop,
            hits,
            accepting: Some(accepting),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag and drops the listener.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.accepting.take() {
            let _ = t.join();
        }
    }
}

fn serve(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // The headers, up to the blank line.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split(' ').nth(1).unwrap_or("/").to_string();
    let (head, body) = match answer(&path) {
        Answer::Ok(mime, body) => (format!("HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\n"), body),
        Answer::Redirect(code, to) => (
            format!("HTTP/1.1 {code} Moved\r\nLocation: {to}\r\n"),
            Vec::new(),
        ),
        Answer::Status(code, reason) => (
            format!("HTTP/1.1 {code} {reason}\r\nContent-Type: text/html\r\n"),
            format!("<html><body><p>{reason}</p></body></html>").into_bytes(),
        ),
        Answer::Silence(d) => {
            std::thread::sleep(d);
            return;
        }
    };
    let _ = stream.write_all(
        format!(
            "{head}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    let _ = stream.write_all(&body);
}

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

    fn run(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.arg("--library").arg(self.lib()).args(args);
        for var in [
            "PARALLAX_LIBRARY",
            "ALL_PROXY",
            "all_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "HTTP_PROXY",
            "http_proxy",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// The ids in the library, to tell that a failure changed nothing.
    fn ids(&self) -> Vec<String> {
        self.json(&["list", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    }

    /// Import one address and return its report.
    fn import(&self, url: &str) -> (Output, serde_json::Value) {
        let out = self.run(&["import", "--json", url]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out, report[0].clone())
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A failed fetch: exit 1, one line naming the address and the cause, and
/// the library as it was.
fn assert_refused(env: &Env, url: &str, cause: &str) {
    let before = env.ids();
    let out = env.run(&["import", url]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "one line, then the summary: {err}");
    assert!(
        lines[0].starts_with(&format!("error: {url}: ")) && lines[0].contains(cause),
        "{err}"
    );
    assert_eq!(lines[1], "0 added, 0 duplicates, 1 failed");
    assert_eq!(env.ids(), before);
}

#[test]
fn a_page_is_fetched_once_and_read_offline_ever_after() {
    let env = Env::new();
    let server = Server::start();
    let url = server.url("/article");
    let (out, report) = env.import(&url);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(report["status"], "added");
    assert_eq!(report["path"], url.as_str());
    let id = report["id"].as_str().unwrap().to_string();

    let raw = env.run(&["show", &id, "--raw"]);
    assert_eq!(raw.stdout, PAGE.as_bytes(), "the original bytes, exactly");
    let shown = env.json(&["show", &id, "--json"]);
    assert_eq!(shown["url"], url.as_str());
    assert!(
        shown["fetched_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z') && t.len() == 20),
        "{shown}"
    );
    let text = shown["paragraphs"].to_string();
    assert!(text.contains("the Elysee said in a statement"), "{text}");
    assert!(
        !text.contains("Subscribe"),
        "boilerplate is dropped: {text}"
    );
    assert_eq!(
        server.hits.load(Ordering::SeqCst),
        1,
        "reading the article asks the server nothing"
    );
    // With the server gone, the article still reads.
    drop(server);
    let plain = String::from_utf8(env.run(&["show", &id]).stdout).unwrap();
    assert!(plain.contains("(fetched "), "{plain}");
}

#[test]
fn the_same_page_twice_is_a_duplicate_even_by_another_address() {
    let env = Env::new();
    let server = Server::start();
    let (_, first) = env.import(&server.url("/article"));
    let (out, again) = env.import(&server.url("/article"));
    assert!(out.status.success());
    assert_eq!(again["status"], "duplicate");
    assert_eq!(again["id"], first["id"]);
    let (_, moved) = env.import(&server.url("/moved"));
    assert_eq!(moved["status"], "duplicate");
}

#[test]
fn redirects_are_followed_and_the_final_address_recorded() {
    let env = Env::new();
    let server = Server::start();
    let asked = server.url("/twice");
    let (out, report) = env.import(&asked);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = report["id"].as_str().unwrap();
    let shown = env.json(&["show", id, "--json"]);
    assert_eq!(shown["url"], server.url("/article").as_str());
    // The address asked for is kept as where the import came from.
    let export = String::from_utf8(env.run(&["export", "--jsonl"]).stdout).unwrap();
    let line = export.lines().find(|l| l.contains(id)).unwrap();
    let record: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(record["origin"], asked.as_str());
}

#[test]
fn a_redirect_loop_gives_up_with_a_clear_message() {
    let env = Env::new();
    let server = Server::start();
    assert_refused(&env, &server.url("/loop"), "more than 10 redirects");
}

#[test]
fn http_errors_name_the_status() {
    let env = Env::new();
    let server = Server::start();
    assert_refused(&env, &server.url("/nowhere"), "HTTP 404 Not Found");
    assert_refused(
        &env,
        &server.url("/broken"),
        "HTTP 500 Internal Server Error",
    );
}

#[test]
fn plain_text_is_imported_as_text_even_when_it_looks_like_markup() {
    let env = Env::new();
    let server = Server::start();
    let (out, report) = env.import(&server.url("/plain"));
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = env.json(&["show", report["id"].as_str().unwrap(), "--json"]);
    assert_eq!(shown["title"], "<p>Macron calls Putin</p>");
}

#[test]
fn pdfs_and_images_are_refused() {
    let env = Env::new();
    let server = Server::start();
    assert_refused(&env, &server.url("/report.pdf"), "a PDF (application/pdf)");
    assert_refused(&env, &server.url("/photo"), "an image (image/jpeg)");
}

#[test]
fn a_server_that_never_answers_times_out() {
    let env = Env::new();
    let server = Server::start();
    let url = server.url("/slow");
    let before = env.ids();
    let started = std::time::Instant::now();
    let out = env.run(&["import", "--timeout", "1", &url]);
    assert!(started.elapsed() < Duration::from_secs(8));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("error: {url}: no answer within 1 second ")),
        "{err}"
    );
    assert_eq!(env.ids(), before);
}

#[test]
fn an_unreachable_host_is_named_with_the_cause() {
    let env = Env::new();
    // A port that was just free: nothing listens there now.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/article");
    assert_refused(&env, &url, "cannot connect: connection refused");
}

#[test]
fn only_http_and_https_addresses_are_fetched() {
    let env = Env::new();
    // Anything else is a path like any other, and there is no such file.
    let out = env.run(&["import", "ftp://127.0.0.1/article"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no such file or directory"));
}

#[test]
fn a_fetch_and_its_failure_are_logged() {
    let env = Env::new();
    let server = Server::start();
    env.import(&server.url("/article"));
    env.import(&server.url("/broken"));
    let log = std::fs::read_to_string(env.dir.path().join("state/parallax/parallax.log")).unwrap();
    assert!(log.contains("fetched") && log.contains("/article"), "{log}");
    assert!(
        log.contains("fetch failed") && log.contains("HTTP 500"),
        "{log}"
    );
}
