//! `parallax import`: files, directories, standard input, web addresses and
//! exports. Each input (each article of an export) goes in by itself: a bad
//! one fails alone, with its reason, and leaves the library as it was.

use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use super::ImportArgs;
use crate::export;
use crate::fetch;
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

/// The longest line an export may hold: an article at the size limit, in
/// base64 or with its characters escaped, and its metadata.
const MAX_RECORD_LINE: u64 = 3 * MAX_BYTES;

/// One thing to import, as the command line named it.
enum Input {
    File(PathBuf),
    /// An export, known by its name or its first line.
    Export(PathBuf),
    Url(String),
    /// Standard input, read whole.
    Stdin(Vec<u8>),
    /// Standard input holding an export: its first line, read to tell, and
    /// the rest still to come.
    StdinExport(Vec<u8>),
}

impl Input {
    fn is_export(&self) -> bool {
        matches!(self, Input::Export(_) | Input::StdinExport(_))
    }
}

/// Where the reports go: printed as they come (unless `--json`) and kept.
struct Out {
    json: bool,
    bar: Option<indicatif::ProgressBar>,
    reports: Vec<Report>,
    /// A failed write to the library (disk full, read-only, damaged) is not
    /// about one input: the rest are reported, not tried.
    stopped: Option<String>,
    skipped: usize,
}

impl Out {
    /// Report an outcome; a failure of the library itself stops the rest.
    fn result(&mut self, path: &str, result: Result<ImportOutcome, ImportError>) {
        if let Err(ImportError::Store(e)) = &result {
            self.stopped = Some(format!("{e:#}"));
        }
        self.emit(outcome(path, result));
    }

    /// Once the library has failed, an input is reported as not imported.
    fn skip(&mut self, path: &str) -> bool {
        let Some(cause) = self.stopped.clone() else {
            return false;
        };
        self.skipped += 1;
        self.reports
            .push(failed(path, format!("not imported: {cause}")));
        true
    }

    fn emit(&mut self, report: Report) {
        if !self.json {
            let line = describe(&report);
            match &self.bar {
                Some(b) if report.status != "error" => b.set_message(line),
                Some(b) => b.println(line),
                None => eprintln!("{line}"),
            }
        }
        self.reports.push(report);
    }
}

pub fn run(library: &Path, args: &ImportArgs) -> Result<i32> {
    let overrides = Overrides {
        source: args.source.clone(),
        published: args.published,
        url: args.url.clone(),
        ..Overrides::default()
    };
    let mut out = Out {
        json: args.json,
        bar: None,
        reports: Vec::new(),
        stopped: None,
        skipped: 0,
    };
    let mut inputs = Vec::new();
    for p in &args.paths {
        match expand(p) {
            Ok(found) => inputs.extend(found),
            Err(e) => out.emit(failed(&p.display().to_string(), e)),
        }
    }
    let mut lib = if !inputs.is_empty() && inputs.iter().all(Input::is_export) {
        Library::open_for_restore(library)?
    } else {
        Library::open(library)?
    };
    out.bar = (inputs.len() >= PROGRESS_FROM && std::io::stderr().is_terminal() && !args.json)
        .then(|| {
            let bar = indicatif::ProgressBar::new(inputs.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
    let timeout = Duration::from_secs(args.timeout);
    // Files go in batches: read and analysed on every core, stored in one
    // transaction (each file still all or nothing).
    let mut files = Files::default();
    for input in inputs {
        if !matches!(input, Input::File(_)) {
            files.finish(&mut lib, &overrides, &mut out);
        }
        match input {
            Input::File(path) => {
                files.push(path, &mut out);
                if files.len() >= BATCH {
                    files.flush(&mut lib, &overrides, &mut out);
                }
                continue;
            }
            Input::Stdin(bytes) => {
                if !out.skip("-") {
                    let result = lib.import(&bytes, "-", &overrides);
                    out.result("-", result);
                }
            }
            Input::Url(url) => {
                if out.skip(&url) {
                    continue;
                }
                match fetch::fetch(&url, timeout) {
                    Ok(page) => {
                        let result = lib.import_page(&page, &overrides);
                        out.result(&url, result);
                    }
                    Err(e) => out.emit(failed(&url, e.to_string())),
                }
            }
            Input::Export(path) => {
                let name = path.display().to_string();
                if out.skip(&name) {
                    continue;
                }
                match std::fs::File::open(&path) {
                    Ok(f) => restore(&mut lib, &name, BufReader::new(f), &mut out),
                    Err(e) => out.emit(failed(&name, io_reason(e))),
                }
            }
            Input::StdinExport(first) => {
                if !out.skip("-") {
                    let rest = std::io::stdin().lock();
                    restore(&mut lib, "-", first.as_slice().chain(rest), &mut out);
                }
            }
        }
        if let Some(b) = &out.bar {
            b.inc(1);
        }
    }
    files.finish(&mut lib, &overrides, &mut out);
    if let Some(b) = out.bar.take() {
        b.finish_and_clear();
    }
    // Group the calls now, while the import is still running, so that the
    // next start of the reader finds them grouped. The articles are stored
    // already: a failure here only costs that start the grouping.
    if out.stopped.is_none()
        && let Err(e) = lib.settle()
    {
        tracing::warn!(error = format!("{e:#}"), "calls not grouped after import");
    }
    if out.skipped > 0 && !args.json {
        eprintln!(
            "error: {} more not imported: the library could not be written",
            out.skipped
        );
    }
    let count = |s: &str| out.reports.iter().filter(|r| r.status == s).count();
    let (added, dups, errors) = (count("added"), count("duplicate"), count("error"));
    if args.json {
        let mut stdout = std::io::stdout().lock();
        crate::sanitize::write_json(&mut stdout, &out.reports)?;
        writeln!(stdout)?;
    } else {
        eprintln!(
            "{added} added, {dups} duplicate{}, {errors} failed",
            if dups == 1 { "" } else { "s" }
        );
    }
    Ok(if errors > 0 { 1 } else { 0 })
}

/// Files imported together: analysed in parallel, stored in one transaction.
/// Each commit waits for the disk, so fewer, larger ones import faster
/// (2,000 files: about 2.9 s at 64 a batch, 1.7 s at 256).
const BATCH: usize = 256;

/// A batch being analysed: the names to report, in order (with why a file
/// could not be read), and the work.
type Inflight = (
    Vec<(String, Option<String>)>,
    std::thread::JoinHandle<(
        Vec<(String, Vec<u8>)>,
        Vec<Result<crate::library::Prepared, crate::ingest::IngestError>>,
    )>,
);

/// Files read and waiting to be imported, in order. A file that cannot be
/// read keeps its place, to be reported in turn. One batch is analysed
/// while the one before it is stored.
#[derive(Default)]
struct Files {
    pending: Vec<(String, Result<Vec<u8>, String>)>,
    paths: Vec<PathBuf>,
    lexicon: Option<std::sync::Arc<crate::analysis::Lexicon>>,
    inflight: Option<Inflight>,
}

impl Files {
    fn len(&self) -> usize {
        self.pending.len()
    }

    fn push(&mut self, path: PathBuf, out: &mut Out) {
        let name = path.display().to_string();
        if out.stopped.is_some() {
            out.skip(&name);
            if let Some(b) = &out.bar {
                b.inc(1);
            }
            return;
        }
        self.pending.push((name, read_file(&path)));
        self.paths.push(path);
    }

    /// Start analysing what is pending, and store the batch before it.
    fn flush(&mut self, lib: &mut Library, overrides: &Overrides, out: &mut Out) {
        let pending = std::mem::take(&mut self.pending);
        let paths = std::mem::take(&mut self.paths);
        let started = (!pending.is_empty()).then(|| {
            let mut names = Vec::with_capacity(pending.len());
            let mut batch = Vec::with_capacity(pending.len());
            for ((name, read), path) in pending.into_iter().zip(paths) {
                match read {
                    Ok(bytes) => {
                        batch.push((path.to_string_lossy().into_owned(), bytes));
                        names.push((name, None));
                    }
                    Err(e) => names.push((name, Some(e))),
                }
            }
            let lexicon = self
                .lexicon
                .get_or_insert_with(|| std::sync::Arc::new(lib.lexicon().clone()))
                .clone();
            let overrides = overrides.clone();
            let work = std::thread::spawn(move || {
                let prepared = Library::prepare_files(&lexicon, &batch, &overrides);
                (batch, prepared)
            });
            (names, work)
        });
        self.store(lib, out);
        self.inflight = started;
    }

    /// Store what is pending and being analysed.
    fn finish(&mut self, lib: &mut Library, overrides: &Overrides, out: &mut Out) {
        self.flush(lib, overrides, out);
        self.store(lib, out);
    }

    fn store(&mut self, lib: &mut Library, out: &mut Out) {
        let Some((names, work)) = self.inflight.take() else {
            return;
        };
        let (batch, prepared) = work.join().expect("the analysis thread");
        let mut results = lib.store_files(&batch, prepared).into_iter();
        for (name, unreadable) in names {
            if out.stopped.is_some() {
                out.skip(&name);
            } else if let Some(e) = unreadable {
                out.emit(failed(&name, e));
            } else if let Some(result) = results.next() {
                out.result(&name, result);
            } else {
                out.skip(&name);
            }
            if let Some(b) = &out.bar {
                b.inc(1);
            }
        }
    }
}

/// Put back every article of an export, one line each; a bad line fails
/// alone, named `FILE:LINE`.
fn restore(lib: &mut Library, name: &str, mut reader: impl BufRead, out: &mut Out) {
    let mut line = Vec::new();
    for number in 1.. {
        let at = format!("{name}:{number}");
        match next_line(&mut reader, &mut line) {
            Ok(None) => break,
            Ok(Some(false)) => {
                out.emit(failed(&at, "the line is over the 150 MB limit".into()));
                continue;
            }
            Ok(Some(true)) => {}
            Err(e) => {
                out.emit(failed(&at, format!("cannot read: {e}")));
                break;
            }
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            out.emit(failed(&at, "the line is not UTF-8 text".into()));
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        if out.skip(&at) {
            continue;
        }
        match export::Record::from_line(text) {
            Ok(rec) => {
                let result = lib.restore(&rec);
                out.result(&at, result);
            }
            Err(e) => out.emit(failed(&at, e)),
        }
    }
}

/// Read the next line into `buf`. `None` at the end; `Some(false)` when the
/// line is too long (it is skipped).
fn next_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<Option<bool>> {
    buf.clear();
    let n = reader.take(MAX_RECORD_LINE).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    if n as u64 == MAX_RECORD_LINE && buf.last() != Some(&b'\n') {
        buf.clear();
        loop {
            let mut skipped = Vec::new();
            let m = reader.take(1 << 20).read_until(b'\n', &mut skipped)?;
            if m == 0 || skipped.last() == Some(&b'\n') {
                break;
            }
        }
        return Ok(Some(false));
    }
    Ok(Some(true))
}

fn outcome(path: &str, result: Result<ImportOutcome, ImportError>) -> Report {
    match result {
        Ok(ImportOutcome::Added { id, warnings }) => Report {
            path: path.to_string(),
            id: Some(id),
            status: "added",
            error: None,
            warnings,
        },
        Ok(ImportOutcome::Duplicate { id }) => Report {
            path: path.to_string(),
            id: Some(id),
            status: "duplicate",
            error: None,
            warnings: vec![],
        },
        Err(e) => failed(path, e.to_string()),
    }
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

fn failed(path: &str, error: String) -> Report {
    Report {
        path: path.to_string(),
        id: None,
        status: "error",
        error: Some(error),
        warnings: vec![],
    }
}

/// The bytes of one file, refusing oversized files before reading them.
fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(io_reason)?;
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "the file is {} bytes; the limit is 50 MB",
            meta.len()
        ));
    }
    std::fs::read(path).map_err(io_reason)
}

/// Standard input: an export (told by its first line) to stream, or an
/// article to read whole, within the size limit.
fn read_stdin() -> Result<Input, String> {
    let mut stdin = std::io::stdin().lock();
    let mut first = Vec::new();
    (&mut stdin)
        .take(MAX_RECORD_LINE)
        .read_until(b'\n', &mut first)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if export::looks_like_export(&first) {
        return Ok(Input::StdinExport(first));
    }
    let mut buf = first;
    let room = (MAX_BYTES + 1).saturating_sub(buf.len() as u64);
    stdin
        .take(room)
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if buf.len() as u64 > MAX_BYTES {
        return Err("standard input is over the 50 MB limit".into());
    }
    Ok(Input::Stdin(buf))
}

fn io_reason(e: std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Whether a file is an export: by its name, else by its first line.
fn is_export_file(path: &Path) -> bool {
    if export::has_export_name(&path.to_string_lossy()) {
        return true;
    }
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    let mut first = Vec::new();
    let mut reader = BufReader::new(f).take(MAX_RECORD_LINE);
    // Only a line that opens like JSON is worth reading to its end.
    if reader
        .fill_buf()
        .map(|b| b.first() != Some(&b'{'))
        .unwrap_or(true)
    {
        return false;
    }
    reader.read_until(b'\n', &mut first).is_ok() && export::looks_like_export(&first)
}

fn file_input(path: PathBuf) -> Input {
    if is_export_file(&path) {
        Input::Export(path)
    } else {
        Input::File(path)
    }
}

/// What one command-line argument stands for. A directory stands for the
/// files under it (hidden ones skipped), in name order.
fn expand(path: &Path) -> Result<Vec<Input>, String> {
    if path == Path::new("-") {
        return read_stdin().map(|i| vec![i]);
    }
    if let Some(url) = path.to_str().filter(|s| fetch::is_url(s)) {
        return Ok(vec![Input::Url(url.to_string())]);
    }
    let meta = std::fs::metadata(path).map_err(io_reason)?;
    if !meta.is_dir() {
        return Ok(vec![file_input(path.to_path_buf())]);
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
    Ok(out.into_iter().map(file_input).collect())
}
