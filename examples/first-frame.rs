//! Whole-process probe of the reader: start `parallax` in a pseudo-terminal on
//! a library, time until the first frame shows articles, read the process's
//! peak memory, quit. Used by `bench/run.sh`.
//!
//! ```sh
//! cargo run --release --example first-frame -- --bin target/release/parallax --library LIB [--runs 5]
//! ```
//! Prints `first_frame_ms_median=... first_frame_ms_min=... peak_rss_mib=...`.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Run {
    first_frame: Duration,
    peak_rss_kib: Option<u64>,
}

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn once(bin: &str, library: &str) -> Result<Run, String> {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(|e| e.to_string())?;
    let mut cmd = CommandBuilder::new(bin);
    cmd.args(["--library", library]);
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).map_err(|e| e.to_string())?;
    drop(pty.slave);
    let pid = child.process_id().ok_or("no pid")?;
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(40).unwrap(),
        std::num::NonZeroU16::new(120).unwrap(),
        0,
    )));
    let mut reader = pty.master.try_clone_reader().map_err(|e| e.to_string())?;
    let feed = Arc::clone(&parser);
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut p) = feed.lock() {
                p.process(&buf[..n]);
            }
        }
    });
    // The first frame is there when the list shows its count ("n/N" or "N articles").
    let deadline = start + Duration::from_secs(60);
    let first_frame = loop {
        let shown = parser
            .lock()
            .map(|p| {
                let s = p.screen().contents();
                s.lines().filter(|l| !l.trim().is_empty()).count() > 5
            })
            .unwrap_or(false);
        if shown {
            break start.elapsed();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            return Err("no frame within 60 s".into());
        }
        std::thread::sleep(Duration::from_micros(500));
    };
    // Let it settle, then read the high-water mark before quitting.
    std::thread::sleep(Duration::from_millis(300));
    let rss = peak_rss_kib(pid);
    let mut writer = pty.master.take_writer().map_err(|e| e.to_string())?;
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    let quit_by = Instant::now() + Duration::from_secs(5);
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if Instant::now() > quit_by {
            let _ = child.kill();
            let _ = child.wait();
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(Run {
        first_frame,
        peak_rss_kib: rss,
    })
}

fn main() {
    let mut bin = String::from("target/release/parallax");
    let mut library = String::new();
    let mut runs = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bin" => bin = args.next().unwrap_or(bin),
            "--library" => library = args.next().unwrap_or_default(),
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).unwrap_or(runs),
            _ => {
                eprintln!("usage: first-frame [--bin PATH] --library LIB [--runs N]");
                std::process::exit(2);
            }
        }
    }
    if library.is_empty() {
        eprintln!("first-frame: --library is required");
        std::process::exit(2);
    }
    let mut times = Vec::new();
    let mut rss = Vec::new();
    for _ in 0..runs {
        match once(&bin, &library) {
            Ok(r) => {
                times.push(r.first_frame.as_secs_f64() * 1000.0);
                rss.extend(r.peak_rss_kib);
            }
            Err(e) => {
                eprintln!("first-frame: {e}");
                std::process::exit(1);
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let peak = rss
        .iter()
        .max()
        .map(|k| *k as f64 / 1024.0)
        .unwrap_or(f64::NAN);
    println!(
        "first_frame_ms_median={median:.1} first_frame_ms_min={:.1} peak_rss_mib={peak:.1}",
        times[0]
    );
}
