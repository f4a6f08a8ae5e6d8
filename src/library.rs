//! The library: the one API that the CLI and the reader use. It resolves where
//! the library lives, seeds a new one, runs ingest and analysis on import, keeps
//! analyses current, and groups calls across articles.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use tracing::{info, warn};

use crate::analysis::{self, ANALYZER_VERSION, Lexicon};
use crate::export;
use crate::fetch::Page;
use crate::ingest::{self, IngestError, Overrides};
use crate::model::{
    ArticleId, ArticleSummary, ArticleView, Call, CallId, CallSummary, Comparison, Draft,
    ReadingState,
};
use crate::store::{ArticleRow, Inserted, Record, Store};

/// The sample articles bundled into the binary, seeded into a new library.
pub const SAMPLES: &[(&str, &[u8])] = &[
    (
        "000_c885bf849e9bd415.txt",
        include_bytes!("../data/articles/000_c885bf849e9bd415.txt"),
    ),
    (
        "001_66e80d2027aab65e.txt",
        include_bytes!("../data/articles/001_66e80d2027aab65e.txt"),
    ),
    (
        "002_413afbb7d4f14754.txt",
        include_bytes!("../data/articles/002_413afbb7d4f14754.txt"),
    ),
    (
        "003_616e2b56894871fe.txt",
        include_bytes!("../data/articles/003_616e2b56894871fe.txt"),
    ),
    (
        "004_be828e701d355cad.txt",
        include_bytes!("../data/articles/004_be828e701d355cad.txt"),
    ),
];

/// Where the library is: `--library`, else `$PARALLAX_LIBRARY`, else
/// `library.db` under the XDG data directory.
pub fn resolve_path(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os("PARALLAX_LIBRARY").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(dirs::data_dir)
        .context("cannot tell where to keep the library: set --library or PARALLAX_LIBRARY")?;
    Ok(data.join("parallax").join("library.db"))
}

/// What one import did.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportOutcome {
    Added {
        id: ArticleId,
        warnings: Vec<String>,
    },
    Duplicate {
        id: ArticleId,
    },
}

/// An import read and analysed, not yet stored.
#[derive(Debug)]
pub struct Prepared {
    draft: Draft,
    analysis: crate::model::Analysis,
}

/// An open library.
pub struct Library {
    store: Store,
    lexicon: Lexicon,
    analyzer: String,
    path: PathBuf,
    calls: Option<Vec<Call>>,
    /// The same calls without their accounts (the list's view): as kept in
    /// the library, or grouped from the call reports alone and then kept.
    lean: Option<Vec<CallSummary>>,
}

impl Library {
    /// Open the library at `path`. One that does not exist yet is created and
    /// seeded with the samples, all at once or not at all.
    pub fn open(path: &Path) -> Result<Library> {
        Library::open_with(path, user_lexicon()?)
    }

    pub fn open_with(path: &Path, lexicon: Lexicon) -> Result<Library> {
        let analyzer = format!("{ANALYZER_VERSION}-{:016x}", lexicon.fingerprint());
        if !path.exists() {
            create_seeded(path, &lexicon, &analyzer)?;
        }
        Library::open_store(path, lexicon, analyzer)
    }

    /// Open the library at `path` to restore an export into. One that does
    /// not exist yet starts empty rather than seeded: the export is the whole
    /// library, samples included if it had them, so restoring it into a new
    /// file gives back exactly what was exported.
    pub fn open_for_restore(path: &Path) -> Result<Library> {
        let lexicon = user_lexicon()?;
        let analyzer = format!("{ANALYZER_VERSION}-{:016x}", lexicon.fingerprint());
        if !path.exists() {
            create_empty(path)?;
        }
        Library::open_store(path, lexicon, analyzer)
    }

    fn open_store(path: &Path, lexicon: Lexicon, analyzer: String) -> Result<Library> {
        let store = Store::open(path, false)?;
        let mut lib = Library {
            store,
            lexicon,
            analyzer,
            path: path.to_path_buf(),
            calls: None,
            lean: None,
        };
        lib.refresh_analyses()?;
        Ok(lib)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Re-analyse what an older analyzer (or another lexicon) produced.
    /// Analysis is pure, so it runs on every core; writes go in batches.
    fn refresh_analyses(&mut self) -> Result<()> {
        use rayon::prelude::*;
        use std::io::IsTerminal;
        let stale = self.store.stale(&self.analyzer)?;
        if stale.is_empty() || self.store.is_read_only() {
            return Ok(());
        }
        info!(articles = stale.len(), analyzer = %self.analyzer, "re-analysing");
        let bar = (stale.len() >= 200 && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(stale.len() as u64);
            bar.set_message("re-analysing with the new analyzer");
            bar.set_style(
                indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} {eta}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        for batch in stale.chunks(512) {
            let mut work = Vec::with_capacity(batch.len());
            for id in batch {
                if let (Some(row), Some(raw)) = (self.store.article(id)?, self.store.raw(id)?) {
                    work.push((id, row, raw));
                }
            }
            let lexicon = &self.lexicon;
            let done: Vec<_> = work
                .par_iter()
                .map(|(id, row, raw)| (*id, analysis::analyze(&redraft(row, raw), lexicon)))
                .collect();
            for (id, analysis) in &done {
                self.store.replace_analysis(id, analysis, &self.analyzer)?;
            }
            if let Some(b) = &bar {
                b.inc(batch.len() as u64);
            }
        }
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        info!(articles = stale.len(), "re-analysed");
        self.calls = None;
        self.lean = None;
        Ok(())
    }

    /// Import one file's bytes. `name` is the file name or URL it came from.
    pub fn import(
        &mut self,
        bytes: &[u8],
        name: &str,
        overrides: &Overrides,
    ) -> Result<ImportOutcome, ImportError> {
        let record = Record {
            origin: (name != "-").then_some(name),
            ..Record::default()
        };
        self.import_record(bytes, name, overrides, &record)
    }

    /// Import several files' bytes, `(name, bytes)` each, as [`Library::import`]
    /// would one by one: read and analysed on every core, then stored in one
    /// transaction, each all or nothing. The results are in order; they stop
    /// early after a failure of the library itself (the rest not tried).
    pub fn import_files(
        &mut self,
        files: &[(String, Vec<u8>)],
        overrides: &Overrides,
    ) -> Vec<Result<ImportOutcome, ImportError>> {
        let prepared = Library::prepare_files(&self.lexicon, files, overrides);
        self.store_files(files, prepared)
    }

    /// The reading and analysis half of [`Library::import_files`], on every
    /// core; it needs no library, so it can run while another batch is stored.
    pub fn prepare_files(
        lexicon: &Lexicon,
        files: &[(String, Vec<u8>)],
        overrides: &Overrides,
    ) -> Vec<Result<Prepared, IngestError>> {
        use rayon::prelude::*;
        files
            .par_iter()
            .map(|(name, bytes)| {
                let draft = ingest::read(bytes, name, overrides)?;
                let analysis = analysis::analyze(&draft, lexicon);
                Ok(Prepared { draft, analysis })
            })
            .collect()
    }

    /// The storing half of [`Library::import_files`]. `prepared` must come
    /// from [`Library::prepare_files`] on these files with this library's
    /// lexicon.
    pub fn store_files(
        &mut self,
        files: &[(String, Vec<u8>)],
        prepared: Vec<Result<Prepared, IngestError>>,
    ) -> Vec<Result<ImportOutcome, ImportError>> {
        let batch: Vec<(&[u8], &Draft, &crate::model::Analysis, Record<'_>)> = files
            .iter()
            .zip(&prepared)
            .filter_map(|((name, bytes), p)| {
                let Prepared { draft, analysis } = p.as_ref().ok()?;
                let record = Record {
                    origin: (name != "-").then_some(name.as_str()),
                    ..Record::default()
                };
                Some((bytes.as_slice(), draft, analysis, record))
            })
            .collect();
        let mut stored = self.store.insert_batch(&batch, &self.analyzer).into_iter();
        let mut out = Vec::with_capacity(files.len());
        for ((name, bytes), p) in files.iter().zip(prepared) {
            match p {
                Err(e) => {
                    warn!(input = name, error = %e, "import failed");
                    out.push(Err(ImportError::Ingest(e)));
                }
                Ok(Prepared { draft, .. }) => match stored.next() {
                    None => break,
                    Some(Err(e)) => {
                        warn!(input = name, error = format!("{e:#}"), "import failed");
                        out.push(Err(ImportError::Store(e)));
                    }
                    Some(Ok(Inserted::Added(id))) => {
                        info!(input = name, id = %id, bytes = bytes.len(), "imported");
                        self.calls = None;
                        self.lean = None;
                        out.push(Ok(ImportOutcome::Added {
                            id,
                            warnings: draft.warnings,
                        }));
                    }
                    Some(Ok(Inserted::Duplicate(id))) => {
                        info!(input = name, id = %id, "duplicate");
                        out.push(Ok(ImportOutcome::Duplicate { id }));
                    }
                },
            }
        }
        out
    }

    /// Import a page fetched from the web: read as its server said, its
    /// address the one it finally came from, its fetch time kept.
    pub fn import_page(
        &mut self,
        page: &Page,
        overrides: &Overrides,
    ) -> Result<ImportOutcome, ImportError> {
        let overrides = Overrides {
            url: overrides.url.clone().or_else(|| Some(page.url.clone())),
            format: overrides.format.or(page.format),
            ..overrides.clone()
        };
        let record = Record {
            origin: Some(&page.requested),
            fetched_at: Some(&page.fetched_at),
            ..Record::default()
        };
        self.import_record(&page.bytes, &page.url, &overrides, &record)
    }

    fn import_record(
        &mut self,
        bytes: &[u8],
        name: &str,
        overrides: &Overrides,
        record: &Record<'_>,
    ) -> Result<ImportOutcome, ImportError> {
        let draft = ingest::read(bytes, name, overrides).map_err(|e| {
            warn!(input = name, error = %e, "import failed");
            ImportError::Ingest(e)
        })?;
        let analysis = analysis::analyze(&draft, &self.lexicon);
        let inserted = self
            .store
            .insert_record(bytes, &draft, &analysis, &self.analyzer, record)
            .map_err(|e| {
                warn!(input = name, error = format!("{e:#}"), "import failed");
                ImportError::Store(e)
            })?;
        Ok(match inserted {
            Inserted::Added(id) => {
                info!(input = name, id = %id, bytes = bytes.len(), "imported");
                self.calls = None;
                self.lean = None;
                ImportOutcome::Added {
                    id,
                    warnings: draft.warnings,
                }
            }
            Inserted::Duplicate(id) => {
                info!(input = name, id = %id, "duplicate");
                ImportOutcome::Duplicate { id }
            }
        })
    }

    /// Put back one article of an export: its bytes re-read and re-analysed,
    /// its metadata, id (when free), import time and reading state as they
    /// were. Bytes already in the library are a duplicate and change nothing.
    pub fn restore(&mut self, rec: &export::Record) -> Result<ImportOutcome, ImportError> {
        let bytes = rec.bytes().map_err(ImportError::Record)?;
        if chrono::DateTime::parse_from_rfc3339(&rec.imported_at).is_err() {
            return Err(ImportError::Record(format!(
                "imported_at {:?} is not an RFC 3339 time",
                rec.imported_at
            )));
        }
        let name = rec.origin.as_deref().unwrap_or("-");
        let overrides = Overrides {
            format: Some(rec.format),
            ..Overrides::default()
        };
        let mut draft = ingest::read(&bytes, name, &overrides).map_err(ImportError::Ingest)?;
        draft.title = rec.title.clone();
        draft.source = rec.source.clone();
        draft.url = rec.url.clone();
        draft.published = rec.published;
        draft.byline = rec.byline.clone();
        draft.language = rec.language.clone();
        let record = Record {
            origin: rec.origin.as_deref(),
            fetched_at: rec.fetched_at.as_deref(),
            id: is_article_id(&rec.id).then_some(rec.id.as_str()),
            imported_at: Some(&rec.imported_at),
            state: Some(rec.state),
        };
        let analysis = analysis::analyze(&draft, &self.lexicon);
        let inserted = self
            .store
            .insert_record(&bytes, &draft, &analysis, &self.analyzer, &record)
            .map_err(ImportError::Store)?;
        Ok(match inserted {
            Inserted::Added(id) => {
                info!(id = %id, exported_as = %rec.id, "restored");
                self.calls = None;
                self.lean = None;
                ImportOutcome::Added {
                    id,
                    warnings: draft.warnings,
                }
            }
            Inserted::Duplicate(id) => {
                info!(id = %id, exported_as = %rec.id, "duplicate");
                ImportOutcome::Duplicate { id }
            }
        })
    }

    /// Every article as an export record, in the order they were imported.
    pub fn export(&self, mut each: impl FnMut(export::Record) -> Result<()>) -> Result<()> {
        self.store
            .for_each_article(|row, raw| each(export::Record::new(row, raw)))
    }

    /// When the article was fetched from the web, if it was.
    pub fn fetched_at(&self, id: &str) -> Result<Option<String>> {
        Ok(self.store.article(id)?.and_then(|r| r.fetched_at))
    }

    /// Every call in the library, the same call from several articles grouped.
    pub fn calls(&mut self) -> Result<&[Call]> {
        if self.calls.is_none() {
            let rows = self.store.call_rows()?;
            self.calls = Some(group_rows(&rows));
        }
        Ok(self.calls.as_deref().unwrap_or_default())
    }

    /// [`Library::calls`] without their accounts, which is all the list
    /// needs. Grouping a large library takes a while, so the groups are kept
    /// in it until an analysis changes; a read-only library groups them anew.
    fn lean_calls(&mut self) -> Result<&[CallSummary]> {
        if self.lean.is_none() {
            let kept = self.store.call_groups(&self.analyzer)?;
            let groups = match kept {
                Some(groups) => groups,
                None => {
                    let groups = match &self.calls {
                        Some(calls) => calls.iter().map(CallSummary::from).collect(),
                        None => self.group_reports()?,
                    };
                    if !self.store.is_read_only() {
                        self.store.save_call_groups(&groups, &self.analyzer)?;
                    }
                    groups
                }
            };
            self.lean = Some(groups);
        }
        Ok(self.lean.as_deref().unwrap_or_default())
    }

    fn group_reports(&self) -> Result<Vec<CallSummary>> {
        let reports = self.store.call_reports()?;
        let input: Vec<analysis::calls::ArticleCall<'_>> = reports
            .iter()
            .map(|(article, report)| analysis::calls::ArticleCall {
                article,
                report,
                statements: Vec::new(),
            })
            .collect();
        Ok(group_calls(&input).iter().map(CallSummary::from).collect())
    }

    /// Group the library's calls now, if an import or a new analyzer left
    /// them ungrouped, so that the next start need not.
    pub fn settle(&mut self) -> Result<()> {
        self.lean_calls().map(|_| ())
    }

    /// One call with its accounts: grouped from its own articles' rows when
    /// the whole library's calls are not loaded.
    pub fn call(&mut self, id: &str) -> Result<Option<Call>> {
        if let Some(calls) = &self.calls {
            return Ok(calls.iter().find(|c| c.id == id).cloned());
        }
        let Some(lean) = self.lean_calls()?.iter().find(|c| c.id == id).cloned() else {
            return Ok(None);
        };
        let rows = self.store.call_rows_of(&lean.articles)?;
        let mut grouped = group_rows(&rows);
        // The articles of one call group as one; its id is the library's.
        Ok(match (grouped.len(), grouped.pop()) {
            (1, Some(mut c)) if c.articles == lean.articles => {
                c.id = lean.id;
                Some(c)
            }
            _ => self.calls()?.iter().find(|c| c.id == id).cloned(),
        })
    }

    /// The side-by-side alignment of one call's accounts.
    pub fn compare(&mut self, id: &str) -> Result<Option<Comparison>> {
        let call = self.call(id)?;
        Ok(call.map(|c| analysis::align::compare(&c, &self.lexicon)))
    }

    /// Article id → the calls it reports.
    fn calls_by_article(&mut self) -> Result<rustc_hash::FxHashMap<&str, Vec<&CallSummary>>> {
        let calls = self.lean_calls()?;
        let mut map: rustc_hash::FxHashMap<&str, Vec<&CallSummary>> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(calls.len(), Default::default());
        for c in calls {
            for a in &c.articles {
                map.entry(a.as_str()).or_default().push(c);
            }
        }
        Ok(map)
    }

    /// Every article, newest first, with what the list shows.
    pub fn summaries(&mut self) -> Result<Vec<ArticleSummary>> {
        let rows = self.store.list_rows()?;
        let by_article = self.calls_by_article()?;
        use rayon::prelude::*;
        Ok(rows
            .into_par_iter()
            .map(|r| {
                let calls = by_article.get(r.id.as_str()).cloned().unwrap_or_default();
                let mut participants = Vec::new();
                let mut parties = Vec::new();
                for c in &calls {
                    participants.extend(c.participants.iter().cloned());
                    parties.extend(c.parties.iter().cloned());
                }
                ArticleSummary {
                    calls: calls.iter().map(|c| c.id.clone()).collect(),
                    id: r.id,
                    title: r.title,
                    source: r.source,
                    published: r.published,
                    state: r.state,
                    participants,
                    parties,
                }
            })
            .collect())
    }

    /// One whole article, or `None` when no article has that id.
    pub fn article(&mut self, id: &str) -> Result<Option<ArticleView>> {
        let Some(row) = self.store.article(id)? else {
            return Ok(None);
        };
        let analysis = self.store.analysis(id)?.unwrap_or_default();
        let calls: Vec<CallId> = self
            .lean_calls()?
            .iter()
            .filter(|c| c.articles.iter().any(|a| a == id))
            .map(|c| c.id.clone())
            .collect();
        Ok(Some(ArticleView {
            id: row.id,
            title: row.title,
            source: row.source,
            url: row.url,
            published: row.published,
            byline: row.byline,
            state: row.state,
            analysis,
            calls,
        }))
    }

    /// The bytes of an import, exactly as they were.
    pub fn raw(&self, id: &str) -> Result<Option<Vec<u8>>> {
        self.store.raw(id)
    }

    pub fn set_state(&mut self, id: &str, state: ReadingState) -> Result<()> {
        if self.store.article(id)?.is_none() {
            bail!("no article with id {id}");
        }
        self.store.set_state(id, state)
    }

    pub fn len(&self) -> Result<usize> {
        self.store.count()
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }
}

fn group_rows(rows: &[crate::store::CallRow]) -> Vec<Call> {
    let input: Vec<analysis::calls::ArticleCall<'_>> = rows
        .iter()
        .map(|r| analysis::calls::ArticleCall {
            article: &r.article,
            report: &r.report,
            statements: r.statements.iter().map(|(i, s)| (*i, s)).collect(),
        })
        .collect();
    group_calls(&input)
}

/// [`analysis::calls::group`], the same calls with the same ids in the same
/// order, without comparing every article with every call: reports of one
/// call name the same people, and their dates lie within a day of each
/// other, so an article is only checked against the calls between its people,
/// by the dates those already span. Each call's articles are then merged by
/// `group` itself, and ids made distinct as it does.
pub fn group_calls(articles: &[analysis::calls::ArticleCall<'_>]) -> Vec<Call> {
    use std::collections::HashMap;
    // Who spoke, as `same_call` compares them.
    let people = |r: &crate::model::CallReport| {
        let mut p: Vec<String> = r
            .participants
            .iter()
            .map(|n| analysis::text::fold(n).to_lowercase())
            .collect();
        p.sort();
        p
    };
    struct Cluster {
        members: Vec<usize>,
        /// Earliest and latest date of the dated members.
        span: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    }
    /// The calls between some people: those still undated, and those by
    /// each date a member gives.
    #[derive(Default)]
    struct Between {
        undated: Vec<usize>,
        by_date: HashMap<chrono::NaiveDate, Vec<usize>>,
        first: Option<usize>,
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_people: HashMap<Vec<String>, Between> = HashMap::new();
    use rayon::prelude::*;
    let keys: Vec<Vec<String>> = articles.par_iter().map(|a| people(a.report)).collect();
    for ((i, a), key) in articles.iter().enumerate().zip(keys) {
        let same = by_people.entry(key).or_default();
        let date = a.report.date;
        let fits = |c: &Cluster| match (date, c.span) {
            (Some(d), Some((lo, hi))) => {
                (d - lo).num_days().abs() <= 1 && (d - hi).num_days().abs() <= 1
            }
            _ => true,
        };
        // The first call all of whose members are within a day of this one:
        // one still undated, or one with a member dated within a day.
        let found = match date {
            None => same.first,
            Some(d) => {
                let near = [d.pred_opt(), Some(d), d.succ_opt()];
                same.undated
                    .iter()
                    .chain(
                        near.iter()
                            .flatten()
                            .filter_map(|d| same.by_date.get(d))
                            .flatten(),
                    )
                    .copied()
                    .filter(|&k| fits(&clusters[k]))
                    .min()
            }
        };
        let k = match found {
            Some(k) => {
                clusters[k].members.push(i);
                k
            }
            None => {
                let k = clusters.len();
                clusters.push(Cluster {
                    members: vec![i],
                    span: None,
                });
                same.first.get_or_insert(k);
                if date.is_none() {
                    same.undated.push(k);
                }
                k
            }
        };
        if let Some(d) = date {
            let c = &mut clusters[k];
            c.span = Some(c.span.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))));
            if !same.by_date.get(&d).is_some_and(|v| v.contains(&k)) {
                same.by_date.entry(d).or_default().push(k);
            }
        }
    }
    let mut calls: Vec<Call> = clusters
        .par_iter()
        .map(|c| {
            let members: Vec<analysis::calls::ArticleCall<'_>> = c
                .members
                .iter()
                .map(|&i| {
                    let a = &articles[i];
                    analysis::calls::ArticleCall {
                        article: a.article,
                        report: a.report,
                        statements: a.statements.clone(),
                    }
                })
                .collect();
            let mut one = analysis::calls::group(&members);
            debug_assert_eq!(one.len(), 1, "a call's own articles group as one");
            one.swap_remove(0)
        })
        .collect();
    analysis::calls::number_and_sort(&mut calls);
    calls
}

/// The bundled lexicons, extended by the user's `parties.toml` and
/// `topics.toml` in `$XDG_CONFIG_HOME/parallax/` where they exist.
pub fn user_lexicon() -> Result<Lexicon> {
    let dir = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(dirs::config_dir)
        .map(|d| d.join("parallax"));
    Lexicon::with_user_files(dir.as_deref())
}

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Ingest(IngestError),
    #[error("{0:#}")]
    Store(anyhow::Error),
    #[error("{0}")]
    Record(String),
}

/// Whether an exported id can be kept as it is: the slug characters only,
/// so no id from a file can carry markup or escapes.
fn is_article_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The draft to re-analyse a stored article with: its body from the bytes,
/// its metadata as stored (it may have come from the command line).
fn redraft(row: &ArticleRow, raw: &[u8]) -> Draft {
    let overrides = Overrides {
        format: Some(row.format),
        ..Overrides::default()
    };
    let mut draft =
        ingest::read(raw, row.origin.as_deref().unwrap_or("-"), &overrides).unwrap_or_default();
    draft.title = row.title.clone();
    draft.source = row.source.clone();
    draft.url = row.url.clone();
    draft.published = row.published;
    draft
}

/// Make a new, empty library, its directory too.
fn create_empty(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    }
    Store::open(path, true)?;
    info!(library = %path.display(), "empty library created to restore into");
    Ok(())
}

/// Make a new library with the samples in a temporary file beside `path`, then
/// move it into place, so a failure leaves nothing half-made.
fn create_seeded(path: &Path, lexicon: &Lexicon, analyzer: &str) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    let tmp = dir.join(format!(
        ".{}.new-{}",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("library.db"),
        std::process::id()
    ));
    let result = (|| -> Result<()> {
        let mut store = Store::open(&tmp, true)?;
        for (name, bytes) in SAMPLES {
            let draft = ingest::read(bytes, name, &Overrides::default())
                .map_err(|e| anyhow::anyhow!("bundled sample {name}: {e}"))?;
            let analysis = analysis::analyze(&draft, lexicon);
            store.insert(bytes, &draft, &analysis, analyzer, Some(name))?;
        }
        drop(store);
        publish(&tmp, path)?;
        info!(library = %path.display(), samples = SAMPLES.len(), "library created");
        Ok(())
    })();
    for suffix in ["", "-wal", "-shm"] {
        let mut p = tmp.clone().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
    result
}

/// Put the finished new library at `path` unless another process put one
/// there first: then theirs is kept, and anything it already holds with it.
/// A hard link never replaces an existing file, which rename would.
fn publish(tmp: &Path, path: &Path) -> Result<()> {
    match std::fs::hard_link(tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        // File systems without hard links: check, then rename.
        Err(_) if !path.exists() => std::fs::rename(tmp, path)
            .with_context(|| format!("{}: cannot create the library", path.display())),
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CallReport, Medium, Sentence};

    #[test]
    fn grouping_by_people_and_dates_is_the_analysis_grouping() {
        for (n, days) in [(400, 12), (3000, 300)] {
            grouping_agrees(n, days);
        }
    }

    fn grouping_agrees(n: usize, days: u64) {
        // Few people and days, some undated, names with and without marks,
        // short names that collide: every rule of the grouping comes up.
        let people = [
            ("Emmanuel Macron", "Macron"),
            ("Vladimir Putin", "Putin"),
            ("Viktor Orbán", "Orban"),
            ("Viktor Orban", "Orbán"),
            ("Xi Jinping", "Xi"),
            ("Xi Mingze", "Xi"),
        ];
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let ids: Vec<ArticleId> = (0..n).map(|i| format!("a{i:04}")).collect();
        let mut reports = Vec::new();
        let mut sentences = Vec::new();
        for i in 0..ids.len() {
            let a = next(people.len() as u64) as usize;
            let mut b = next(people.len() as u64) as usize;
            if b == a {
                b = (a + 1) % people.len();
            }
            let day = next(days);
            reports.push(CallReport {
                participants: vec![people[a].0.into(), people[b].0.into()],
                parties: vec![format!("P{a}"), format!("P{b}")],
                medium: [Medium::Phone, Medium::Video, Medium::Call][next(3) as usize],
                date: (day < days * 5 / 6).then(|| {
                    chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()
                        + chrono::Days::new(day * 2 / 3)
                }),
                duration_minutes: (next(4) == 0).then_some(30),
                short_names: vec![people[a].1.into(), people[b].1.into()],
            });
            sentences.push(Sentence {
                paragraph: 0,
                start: 0,
                end: 10,
                text: format!("The leaders spoke about item {}.", i % 5),
                parties: vec![format!("P{a}")],
            });
        }
        let input: Vec<analysis::calls::ArticleCall<'_>> = (0..ids.len())
            .map(|i| analysis::calls::ArticleCall {
                article: &ids[i],
                report: &reports[i],
                statements: vec![(0, &sentences[i])],
            })
            .collect();
        let fast = group_calls(&input);
        let plain = analysis::calls::group(&input);
        assert!(
            plain.len() > 20 && plain.len() < n * 3 / 4,
            "{}",
            plain.len()
        );
        assert!(plain.iter().any(|c| c.id.ends_with("-2")));
        assert_eq!(fast, plain);
    }

    #[test]
    fn one_call_loaded_alone_is_the_call_of_the_whole_library() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.db");
        let mut lib = Library::open_with(&path, Lexicon::bundled()).unwrap();
        let lean: Vec<CallSummary> = lib.lean_calls().unwrap().to_vec();
        assert!(!lean.is_empty(), "the samples report calls");
        let mut alone = Vec::new();
        for c in &lean {
            alone.push(lib.call(&c.id).unwrap().expect("the call"));
        }
        assert!(
            lib.calls.is_none(),
            "nothing loaded the whole library's accounts"
        );
        let all = lib.calls().unwrap().to_vec();
        assert_eq!(alone, all);
        for (l, c) in lean.iter().zip(&all) {
            assert_eq!(
                (&l.id, &l.articles, &l.participants),
                (&c.id, &c.articles, &c.participants)
            );
        }
    }

    #[test]
    fn calls_grouped_once_are_kept_until_an_import_changes_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.db");
        let mut lib = Library::open_with(&path, Lexicon::bundled()).unwrap();
        let analyzer = lib.analyzer.clone();
        lib.settle().unwrap();
        let kept = lib.store.call_groups(&analyzer).unwrap().expect("kept");
        assert_eq!(kept, lib.group_reports().unwrap());
        assert!(lib.store.call_groups("another analyzer").unwrap().is_none());

        // A reopened library reads them back as they were.
        drop(lib);
        let mut lib = Library::open_with(&path, Lexicon::bundled()).unwrap();
        let before = lib.summaries().unwrap();
        assert_eq!(lib.lean.as_deref(), Some(kept.as_slice()));

        // An import drops them; the next read groups the new call in.
        let text = b"Scholz and Putin talk\n\nOlaf Scholz spoke with Vladimir Putin by phone on Monday, the Kremlin said.\n";
        let Ok(ImportOutcome::Added { id, .. }) =
            lib.import(text, "new.txt", &Overrides::default())
        else {
            panic!("imported");
        };
        assert!(lib.store.call_groups(&analyzer).unwrap().is_none());
        let after = lib.summaries().unwrap();
        assert_eq!(after.len(), before.len() + 1);
        let new = after.iter().find(|a| a.id == id).unwrap();
        assert_eq!(new.calls.len(), 1, "{new:?}");
        assert!(new.participants.iter().any(|p| p.contains("Scholz")));
        assert!(lib.store.call_groups(&analyzer).unwrap().is_some());
    }

    #[test]
    fn files_imported_in_a_batch_fare_as_one_by_one() {
        let dir = tempfile::tempdir().unwrap();
        let text = |i: usize| {
            format!(
                "Leaders talk {i}\n\nEmmanuel Macron spoke with Vladimir Putin by phone on Monday {i}.\n"
            )
            .into_bytes()
        };
        let files: Vec<(String, Vec<u8>)> = vec![
            ("a.txt".into(), text(1)),
            ("b.txt".into(), text(2)),
            ("again.txt".into(), text(1)),
            ("empty.txt".into(), Vec::new()),
            ("c.txt".into(), text(3)),
        ];
        let mut batch =
            Library::open_with(&dir.path().join("batch.db"), Lexicon::bundled()).unwrap();
        let mut single =
            Library::open_with(&dir.path().join("single.db"), Lexicon::bundled()).unwrap();
        let together = batch.import_files(&files, &Overrides::default());
        let apart: Vec<_> = files
            .iter()
            .map(|(name, bytes)| single.import(bytes, name, &Overrides::default()))
            .collect();
        let kind = |r: &Result<ImportOutcome, ImportError>| match r {
            Ok(ImportOutcome::Added { id, .. }) => format!("added {id}"),
            Ok(ImportOutcome::Duplicate { id }) => format!("duplicate {id}"),
            Err(e) => format!("error {e}"),
        };
        let together: Vec<String> = together.iter().map(kind).collect();
        assert_eq!(together, apart.iter().map(kind).collect::<Vec<_>>());
        assert!(together[2].starts_with("duplicate") && together[3].starts_with("error"));
        let titles = |lib: &mut Library| -> Vec<(String, String)> {
            lib.summaries()
                .unwrap()
                .into_iter()
                .map(|a| (a.id, a.title))
                .collect()
        };
        assert_eq!(titles(&mut batch), titles(&mut single));
    }
}
