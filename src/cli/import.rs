//! `parallax import`: each input in its own transaction; a bad file fails alone.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use super::ImportArgs;
use crate::ingest::{MAX_BYTES, Overrides};
use crate::library::{ImportError, ImportOutcome, Library};
use crate::sanitize::for_terminal;

#[derive(Debug, Serialize)]
struct Report {
    path: String,
    id: Option<String>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
}

/// Show a progress bar from this many inputs on (and only on a terminal).
const PROGRESS_FROM: usize = 20;

pub fn run(lib: &mut Library, args: &ImportArgs) -> Result<i32> {
    let overrides = Overrides {
        source: args.source.clone(),
        published: args.published,
        url: args.url.clone(),
    };
    let mut inputs = Vec::new();
    let mut reports = Vec::new();
    for p in &args.paths {
        match expand(p) {
            Ok(files) => inputs.extend(files),
            Err(e) => {
                let r = failed(p, e);
                if !args.json {
                    eprintln!("{}", describe(&r));
                }
                reports.push(r);
            }
        }
    }
    let bar = (inputs.len() >= PROGRESS_FROM && std::io::stderr().is_terminal() && !args.json)
        .then(|| {
            let bar = indicatif::ProgressBar::new(inputs.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
    // A failed write to the library (disk full, read-only, damaged) is not
    // about one input: the rest are reported, not tried.
    let mut stopped: Option<String> = None;
    let mut skipped = 0;
    for path in &inputs {
        if let Some(cause) = &stopped {
            reports.push(failed(path, format!("not imported: {cause}")));
            skipped += 1;
            continue;
        }
        let (report, library_failed) = import_one(lib, path, &overrides);
        if library_failed {
            stopped = report.error.clone();
        }
        if !args.json {
            let line = describe(&report);
            match &bar {
                Some(b) if report.status != "error" => b.set_message(line),
                Some(b) => b.println(line),
                None => eprintln!("{line}"),
            }
        }
        if let Some(b) = &bar {
            b.inc(1);
        }
        reports.push(report);
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if skipped > 0 && !args.json {
        eprintln!("error: {skipped} more not imported: the library could not be written");
    }
    let count = |s: &str| reports.iter().filter(|r| r.status == s).count();
    let (added, dups, errors) = (count("added"), count("duplicate"), count("error"));
    if args.json {
        let mut out = std::io::stdout().lock();
        crate::sanitize::write_json(&mut out, &reports)?;
        writeln!(out)?;
    } else {
        eprintln!(
            "{added} added, {dups} duplicate{}, {errors} failed",
            if dups == 1 { "" } else { "s" }
        );
    }
    Ok(if errors > 0 { 1 } else { 0 })
}

/// The line a person reads for one input. File names and messages can hold
/// anything a file system allows, escape sequences included: made safe here.
fn describe(r: &Report) -> String {
    let clean = |s: &str| for_terminal(s, false);
    let (path, id) = (clean(&r.path), clean(r.id.as_deref().unwrap_or("")));
    match r.status {
        "added" => {
            let mut s = format!("added {id} from {path}");
            for w in &r.warnings {
                s.push_str(&format!("\nwarning: {path}: {}", clean(w)));
            }
            s
        }
        "duplicate" => format!("duplicate: {path} is already in the library as {id}"),
        _ => format!(
            "error: {path}: {}",
            clean(r.error.as_deref().unwrap_or("failed"))
        ),
    }
}

fn failed(path: &Path, error: String) -> Report {
    Report {
        path: path.display().to_string(),
        id: None,
        status: "error",
        error: Some(error),
        warnings: vec![],
    }
}

/// One input's report, and whether the library itself failed.
fn import_one(lib: &mut Library, path: &Path, overrides: &Overrides) -> (Report, bool) {
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(e) => return (failed(path, e), false),
    };
    let name = path.to_string_lossy();
    let outcome = lib.import(&bytes, &name, overrides);
    let library_failed = matches!(outcome, Err(ImportError::Store(_)));
    let report = match outcome {
        Ok(ImportOutcome::Added { id, warnings }) => Report {
            path: path.display().to_string(),
            id: Some(id),
            status: "added",
            error: None,
            warnings,
        },
        Ok(ImportOutcome::Duplicate { id }) => Report {
            path: path.display().to_string(),
            id: Some(id),
            status: "duplicate",
            error: None,
            warnings: vec![],
        },
        Err(e) => failed(path, e.to_string()),
    };
    (report, library_failed)
}

/// The bytes of one input, refusing oversized files before reading them.
fn read_input(path: &Path) -> Result<Vec<u8>, String> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        if buf.len() as u64 > MAX_BYTES {
            return Err("standard input is over the 50 MB limit".into());
        }
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(io_reason)?;
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "the file is {} bytes; the limit is 50 MB",
            meta.len()
        ));
    }
    std::fs::read(path).map_err(io_reason)
}

fn io_reason(e: std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// A directory stands for the files under it (hidden ones skipped), in name order.
fn expand(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path == Path::new("-") {
        return Ok(vec![path.to_path_buf()]);
    }
    let meta = std::fs::metadata(path).map_err(io_reason)?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {}", dir.display(), io_reason(e)))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                !p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
            })
            .collect();
        entries.sort();
        for p in entries.into_iter().rev() {
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}
