//! The SQLite library file: articles with their original bytes, analysis
//! results with the analyzer's version, reading state, and a full-text index.

mod file;
mod schema;
mod stored;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::model::{
    Analysis, ArticleId, CallReport, CallSummary, Draft, Format, Medium, ReadingState, Sentence,
};

pub use schema::SCHEMA_VERSION;

/// An open library file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Why this library may not be written, when it may not.
    read_only: Option<&'static str>,
}

/// What the list shows of an article: no bytes, no analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    pub id: ArticleId,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    pub state: ReadingState,
}

/// The list's columns, newest first; read from the `articles_list` index.
/// Reading states are read apart: one pass over them is quicker than a
/// lookup per article.
const LIST_QUERY: &str = "SELECT a.id, a.title, a.source, a.published FROM articles a
     ORDER BY a.published IS NULL, a.published DESC, a.imported_at DESC, a.id";

/// Each article's call report, read from the `analyses_calls` index.
const CALLS_QUERY: &str =
    "SELECT article_id, call FROM analyses WHERE call IS NOT NULL ORDER BY article_id";

/// An article's stored metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRow {
    pub id: ArticleId,
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub byline: Option<String>,
    pub language: Option<String>,
    pub format: Format,
    pub origin: Option<String>,
    pub imported_at: String,
    /// When a page imported from the web was fetched.
    pub fetched_at: Option<String>,
    pub state: ReadingState,
}

/// What the store records about an import besides its bytes, draft and
/// analysis. The defaults are a fresh import; restoring an export keeps the
/// article's id (when free), import time and reading state.
#[derive(Debug, Clone, Copy, Default)]
pub struct Record<'a> {
    /// The file name or web address the bytes came from.
    pub origin: Option<&'a str>,
    pub fetched_at: Option<&'a str>,
    pub id: Option<&'a str>,
    pub imported_at: Option<&'a str>,
    pub state: Option<ReadingState>,
}

/// The analysis of one article, as the call grouping needs it.
#[derive(Debug, Clone)]
pub struct CallRow {
    pub article: ArticleId,
    pub report: CallReport,
    pub statements: Vec<(usize, Sentence)>,
}

/// Joins a stored list of names; no name holds it (the ingest strips
/// control characters, and `join` drops any left).
const UNIT: char = '\u{1f}';

fn join(items: &[String]) -> String {
    let mut out = String::new();
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push(UNIT);
        }
        out.extend(s.chars().filter(|&c| c != UNIT));
    }
    out
}

fn split(joined: &str) -> Vec<String> {
    if joined.is_empty() {
        return Vec::new();
    }
    joined.split(UNIT).map(str::to_string).collect()
}

/// The `meta` key whose value names the analyzer the stored call groups
/// were made from.
const GROUPED: &str = "call_groups";

/// What importing one set of bytes did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    Added(ArticleId),
    Duplicate(ArticleId),
}

/// The content hash that tells duplicates.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

impl Store {
    /// Open an existing library, or create it when `create` is set. A file that
    /// is not a parallax library, or is damaged, is refused and never written
    /// to. One this process may not write opens read-only.
    pub fn open(path: &Path, create: bool) -> Result<Store> {
        let exists = path.exists();
        if !exists && !create {
            bail!("{}: no such library", path.display());
        }
        let mut read_only = None;
        if exists {
            file::check_header(path)?;
            read_only = file::read_only_reason(path);
        }
        let conn = match connect(path, read_only.is_some()) {
            Ok(c) => c,
            // Some directories refuse the write-ahead log only when SQLite
            // tries to make it: then reading is all this process may do.
            Err(e) if exists && read_only.is_none() && file::is_write_refused(&e) => {
                read_only = Some("the library's directory cannot be written by this user");
                connect(path, true).map_err(|e| file::explain(path, e.into()))?
            }
            Err(e) => return Err(file::explain(path, e.into())),
        };
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            read_only,
        };
        schema::migrate(&mut store.conn, path, read_only.is_some())
            .map_err(|e| file::explain(path, e))?;
        Ok(store)
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    fn writable(&self) -> Result<()> {
        if let Some(why) = self.read_only {
            bail!(
                "{}: the library is read-only ({why}); reading works, changes are not saved",
                self.path.display()
            );
        }
        Ok(())
    }

    /// A write transaction that takes the write lock at once, so that a
    /// second writer waits out the busy timeout instead of failing when its
    /// read snapshot turns out stale.
    fn write_tx(&mut self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
    }

    /// Store one import in a transaction of its own: all of it or nothing.
    pub fn insert(
        &mut self,
        raw: &[u8],
        draft: &Draft,
        analysis: &Analysis,
        analyzer: &str,
        origin: Option<&str>,
    ) -> Result<Inserted> {
        let record = Record {
            origin,
            ..Record::default()
        };
        self.insert_record(raw, draft, analysis, analyzer, &record)
    }

    /// Store one import, with what `record` says about it, in a transaction
    /// of its own.
    pub fn insert_record(
        &mut self,
        raw: &[u8],
        draft: &Draft,
        analysis: &Analysis,
        analyzer: &str,
        record: &Record<'_>,
    ) -> Result<Inserted> {
        self.writable()?;
        let result = (|| -> Result<Inserted> {
            let tx = self.write_tx()?;
            let inserted = insert_in(&tx, raw, draft, analysis, analyzer, record)?;
            if matches!(inserted, Inserted::Added(_)) {
                tx.commit()?;
            }
            Ok(inserted)
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// Store several imports, in order, as [`Store::insert_record`] would one
    /// by one, but in one transaction when all goes well. When anything fails
    /// (a full disk, say), the batch is rolled back and stored again one
    /// import per transaction, so that those before the failure are kept and
    /// the results stop with its error, exactly as one by one.
    pub fn insert_batch(
        &mut self,
        items: &[(&[u8], &Draft, &Analysis, Record<'_>)],
        analyzer: &str,
    ) -> Vec<Result<Inserted>> {
        let together = (|| -> Result<Vec<Inserted>> {
            self.writable()?;
            let tx = self.write_tx()?;
            let mut out = Vec::with_capacity(items.len());
            for (raw, draft, analysis, record) in items {
                out.push(insert_in(&tx, raw, draft, analysis, analyzer, record)?);
            }
            tx.commit()?;
            Ok(out)
        })();
        if let Ok(done) = together {
            return done.into_iter().map(Ok).collect();
        }
        let mut out = Vec::with_capacity(items.len());
        for (raw, draft, analysis, record) in items {
            let one = self.insert_record(raw, draft, analysis, analyzer, record);
            let failed = one.is_err();
            out.push(one);
            if failed {
                break;
            }
        }
        out
    }

    /// Replace an article's analysis (after the analyzer changed).
    pub fn replace_analysis(
        &mut self,
        id: &str,
        analysis: &Analysis,
        analyzer: &str,
    ) -> Result<()> {
        self.writable()?;
        let result = (|| -> Result<()> {
            let tx = self.write_tx()?;
            tx.execute("DELETE FROM articles_fts WHERE id = ?1", [id])?;
            write_analysis(&tx, id, analysis, analyzer)?;
            tx.commit()?;
            Ok(())
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// Ids of articles analysed by another analyzer than `analyzer`.
    pub fn stale(&self, analyzer: &str) -> Result<Vec<ArticleId>> {
        let result = (|| -> Result<Vec<ArticleId>> {
            let mut st = self
                .conn
                .prepare("SELECT article_id FROM analyses WHERE analyzer != ?1")?;
            let ids = st
                .query_map([analyzer], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(ids)
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    pub fn count(&self) -> Result<usize> {
        let result = (|| -> Result<usize> {
            Ok(self
                .conn
                .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))?
                as usize)
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// Every article's metadata and state, newest first.
    pub fn articles(&self) -> Result<Vec<ArticleRow>> {
        let result = (|| -> Result<Vec<ArticleRow>> {
            let mut st = self.conn.prepare(
                "SELECT a.id, a.title, a.source, a.url, a.published, a.byline, a.language, a.format,
                        a.origin, a.imported_at, s.read, s.bookmarked, s.position, a.fetched_at
                 FROM articles a LEFT JOIN states s ON s.article_id = a.id
                 ORDER BY a.published IS NULL, a.published DESC, a.imported_at DESC, a.id",
            )?;
            let rows = st
                .query_map([], article_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// Every article as the list shows it, newest first (the order of
    /// [`Store::articles`]), without reading the articles' bytes.
    pub fn list_rows(&self) -> Result<Vec<ListRow>> {
        let result = (|| -> Result<Vec<ListRow>> {
            // Most articles keep the default state; only the others are read.
            let mut states: rustc_hash::FxHashMap<String, ReadingState> = Default::default();
            let mut st = self.conn.prepare(
                "SELECT article_id, read, bookmarked, position FROM states
                 WHERE read OR bookmarked OR position != 0",
            )?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                states.insert(
                    r.get(0)?,
                    ReadingState {
                        read: r.get::<_, Option<bool>>(1)?.unwrap_or(false),
                        bookmarked: r.get::<_, Option<bool>>(2)?.unwrap_or(false),
                        position: r.get::<_, Option<u32>>(3)?.unwrap_or(0),
                    },
                );
            }
            let mut st = self.conn.prepare(LIST_QUERY)?;
            let mut rows = st.query([])?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                let published = match r.get_ref(3)? {
                    rusqlite::types::ValueRef::Text(t) => parse_date(t),
                    _ => None,
                };
                out.push(ListRow {
                    state: states.get(&id).copied().unwrap_or_default(),
                    id,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    published,
                });
            }
            Ok(out)
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    pub fn article(&self, id: &str) -> Result<Option<ArticleRow>> {
        let result = (|| -> Result<Option<ArticleRow>> {
            Ok(self
                .conn
                .query_row(
                    "SELECT a.id, a.title, a.source, a.url, a.published, a.byline, a.language, a.format,
                            a.origin, a.imported_at, s.read, s.bookmarked, s.position, a.fetched_at
                     FROM articles a LEFT JOIN states s ON s.article_id = a.id WHERE a.id = ?1",
                    [id],
                    article_row,
                )
                .optional()?)
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// Every article with its bytes, in the order they were imported, one at
    /// a time (a library may be larger than memory).
    pub fn for_each_article(
        &self,
        mut each: impl FnMut(ArticleRow, Vec<u8>) -> Result<()>,
    ) -> Result<()> {
        let mut st = self.conn.prepare(
            "SELECT a.id, a.title, a.source, a.url, a.published, a.byline, a.language, a.format,
                    a.origin, a.imported_at, s.read, s.bookmarked, s.position, a.fetched_at, a.raw
             FROM articles a LEFT JOIN states s ON s.article_id = a.id
             ORDER BY a.imported_at, a.rowid",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            each(article_row(r)?, r.get(14)?)?;
        }
        Ok(())
    }

    /// The bytes as imported, unchanged.
    pub fn raw(&self, id: &str) -> Result<Option<Vec<u8>>> {
        let result = (|| -> Result<Option<Vec<u8>>> {
            let row: Option<(Vec<u8>, String)> = self
                .conn
                .query_row("SELECT raw, hash FROM articles WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            // SQLite has no checksums: the content hash tells bytes that rotted.
            if let Some((raw, hash)) = &row
                && content_hash(raw) != *hash
            {
                bail!(file::damaged(
                    &self.path,
                    &format!("the stored bytes of article {id} do not match their hash")
                ));
            }
            Ok(row.map(|(raw, _)| raw))
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    pub fn analysis(&self, id: &str) -> Result<Option<Analysis>> {
        let result = (|| -> Result<Option<Analysis>> {
            let json: Option<String> = self
                .conn
                .query_row(
                    "SELECT body FROM analyses WHERE article_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            json.map(|j| {
                stored::from_json(&j)
                    .with_context(|| format!("{id}: stored analysis is unreadable"))
            })
            .transpose()
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// The call each article reports, with its attributed sentences.
    pub fn call_rows(&self) -> Result<Vec<CallRow>> {
        let result = (|| -> Result<Vec<CallRow>> {
            let mut st = self.conn.prepare(
                "SELECT article_id, call, accounts FROM analyses WHERE call IS NOT NULL ORDER BY article_id",
            )?;
            let rows = st.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (article, call, accounts) = row?;
                out.push(call_row(article, &call, &accounts)?);
            }
            Ok(out)
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// The call each article reports, without its sentences: what the list
    /// needs. In the order of [`Store::call_rows`].
    pub fn call_reports(&self) -> Result<Vec<(ArticleId, CallReport)>> {
        let result = (|| -> Result<Vec<(ArticleId, CallReport)>> {
            let mut st = self.conn.prepare(CALLS_QUERY)?;
            let rows =
                st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            let mut out = Vec::new();
            for row in rows {
                let (article, call) = row?;
                let report = serde_json::from_str(&call)
                    .with_context(|| format!("{article}: stored call is unreadable"))?;
                out.push((article, report));
            }
            Ok(out)
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// [`Store::call_rows`] of some articles only, in the same order.
    pub fn call_rows_of(&self, ids: &[ArticleId]) -> Result<Vec<CallRow>> {
        let mut ids = ids.to_vec();
        ids.sort();
        ids.dedup();
        let result = (|| -> Result<Vec<CallRow>> {
            let mut st = self.conn.prepare(
                "SELECT call, accounts FROM analyses WHERE article_id = ?1 AND call IS NOT NULL",
            )?;
            let mut out = Vec::new();
            for article in ids {
                let row: Option<(String, String)> = st
                    .query_row([&article], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                let Some((call, accounts)) = row else {
                    continue;
                };
                out.push(call_row(article, &call, &accounts)?);
            }
            Ok(out)
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// The calls as last grouped across articles, without their accounts,
    /// in order, when they were grouped from the analyses of `analyzer` and
    /// no analysis changed since.
    pub fn call_groups(&self, analyzer: &str) -> Result<Option<Vec<CallSummary>>> {
        let result = (|| -> Result<Option<Vec<CallSummary>>> {
            let valid = self
                .conn
                .query_row("SELECT value FROM meta WHERE key = ?1", [GROUPED], |r| {
                    r.get::<_, String>(0)
                })
                .optional()?;
            if valid.as_deref() != Some(analyzer) {
                return Ok(None);
            }
            let mut st = self.conn.prepare(
                "SELECT id, date, medium, duration, participants, parties, articles
                 FROM call_groups ORDER BY ord",
            )?;
            let mut rows = st.query([])?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                let date = match r.get_ref(1)? {
                    rusqlite::types::ValueRef::Text(t) => parse_date(t),
                    _ => None,
                };
                out.push(CallSummary {
                    id: r.get(0)?,
                    date,
                    medium: match r.get_ref(2)?.as_str()? {
                        "phone" => Medium::Phone,
                        "video" => Medium::Video,
                        _ => Medium::Call,
                    },
                    duration_minutes: r.get(3)?,
                    participants: split(r.get_ref(4)?.as_str()?),
                    parties: split(r.get_ref(5)?.as_str()?),
                    articles: split(r.get_ref(6)?.as_str()?),
                });
            }
            Ok(Some(out))
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// Keep `groups`, grouped from the analyses of `analyzer`, in place of
    /// those kept before: all of them or, on failure, none.
    pub fn save_call_groups(&mut self, groups: &[CallSummary], analyzer: &str) -> Result<()> {
        self.writable()?;
        let result = (|| -> Result<()> {
            let tx = self.write_tx()?;
            tx.execute("DELETE FROM call_groups", [])?;
            {
                let mut st = tx.prepare(
                    "INSERT INTO call_groups
                       (ord, id, date, medium, duration, participants, parties, articles)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?;
                for (i, g) in groups.iter().enumerate() {
                    st.execute(params![
                        i as i64,
                        g.id,
                        g.date.map(|d| d.to_string()),
                        g.medium.as_str(),
                        g.duration_minutes,
                        join(&g.participants),
                        join(&g.parties),
                        join(&g.articles)
                    ])?;
                }
            }
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = ?2",
                [GROUPED, analyzer],
            )?;
            tx.commit()?;
            Ok(())
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    pub fn set_state(&mut self, id: &str, state: ReadingState) -> Result<()> {
        self.writable()?;
        let result = (|| -> Result<()> {
            self.conn.execute(
                "INSERT INTO states (article_id, read, bookmarked, position) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(article_id) DO UPDATE SET read = ?2, bookmarked = ?3, position = ?4",
                params![id, state.read, state.bookmarked, state.position],
            )?;
            Ok(())
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }

    /// Article ids whose cleaned text matches an FTS5 query.
    pub fn search(&self, query: &str) -> Result<Vec<ArticleId>> {
        let result = (|| -> Result<Vec<ArticleId>> {
            let mut st = self
                .conn
                .prepare("SELECT id FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank")?;
            let ids = st
                .query_map([query], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(ids)
        })();
        result.map_err(|e| file::explain(&self.path, e))
    }
}

/// One import inside the caller's transaction.
fn insert_in(
    tx: &Connection,
    raw: &[u8],
    draft: &Draft,
    analysis: &Analysis,
    analyzer: &str,
    record: &Record<'_>,
) -> Result<Inserted> {
    let hash = content_hash(raw);
    if let Some(id) = tx
        .query_row("SELECT id FROM articles WHERE hash = ?1", [&hash], |r| {
            r.get::<_, String>(0)
        })
        .optional()?
    {
        return Ok(Inserted::Duplicate(id));
    }
    let base = match record.id {
        Some(id) => id.to_string(),
        None => {
            crate::ingest::slug::article_id(draft.published, draft.source.as_deref(), &draft.title)
        }
    };
    let id = unique_id(tx, &base)?;
    let now = match record.imported_at {
        Some(t) => t.to_string(),
        None => chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    };
    tx.execute(
        "INSERT INTO articles (id, hash, title, source, url, published, byline, language,
                                       format, origin, imported_at, raw, fetched_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            id,
            hash,
            draft.title,
            draft.source,
            draft.url,
            draft.published.map(|d| d.to_string()),
            draft.byline,
            draft.language,
            draft.format.as_str(),
            record.origin,
            now,
            raw,
            record.fetched_at,
        ],
    )?;
    let state = record.state.unwrap_or_default();
    tx.execute(
        "INSERT INTO states (article_id, read, bookmarked, position) VALUES (?1, ?2, ?3, ?4)",
        params![id, state.read, state.bookmarked, state.position],
    )?;
    write_analysis(tx, &id, analysis, analyzer)?;
    Ok(Inserted::Added(id))
}

/// A stored `YYYY-MM-DD` date; read without chrono's general parser, which
/// costs more than the rest of a list row.
fn parse_date(text: &[u8]) -> Option<NaiveDate> {
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(r)?;
        part.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    if text.len() != 10 {
        return None;
    }
    let quick = (text[4] == b'-' && text[7] == b'-')
        .then(|| NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?))
        .flatten();
    // Any other shape ("-00000-1-1" is year 0 to chrono) goes the long way.
    quick.or_else(|| {
        let text = std::str::from_utf8(text).ok()?;
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    })
}

fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRow> {
    let published: Option<String> = r.get(4)?;
    let format: String = r.get(7)?;
    Ok(ArticleRow {
        id: r.get(0)?,
        title: r.get(1)?,
        source: r.get(2)?,
        url: r.get(3)?,
        published: published.and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
        byline: r.get(5)?,
        language: r.get(6)?,
        format: match format.as_str() {
            "html" => Format::Html,
            "markdown" => Format::Markdown,
            _ => Format::Text,
        },
        origin: r.get(8)?,
        imported_at: r.get(9)?,
        fetched_at: r.get(13)?,
        state: ReadingState {
            read: r.get::<_, Option<bool>>(10)?.unwrap_or(false),
            bookmarked: r.get::<_, Option<bool>>(11)?.unwrap_or(false),
            position: r.get::<_, Option<u32>>(12)?.unwrap_or(0),
        },
    })
}

fn write_analysis(tx: &Connection, id: &str, analysis: &Analysis, analyzer: &str) -> Result<()> {
    // The kept call groups no longer hold once any analysis changes.
    tx.execute("DELETE FROM meta WHERE key = ?1", [GROUPED])?;
    let accounts: Vec<(usize, &Sentence)> = analysis.attributed().collect();
    tx.execute(
        "INSERT INTO analyses (article_id, analyzer, body, call, accounts) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(article_id) DO UPDATE SET analyzer = ?2, body = ?3, call = ?4, accounts = ?5",
        params![
            id,
            analyzer,
            stored::to_json(analysis)?,
            analysis
                .call
                .as_ref()
                .map(serde_json::to_string)
                .transpose()?,
            serde_json::to_string(&accounts)?,
        ],
    )?;
    let title: String = tx.query_row("SELECT title FROM articles WHERE id = ?1", [id], |r| {
        r.get(0)
    })?;
    tx.execute(
        "INSERT INTO articles_fts (id, title, body) VALUES (?1, ?2, ?3)",
        params![id, title, analysis.paragraphs.join("\n\n")],
    )?;
    Ok(())
}

fn unique_id(tx: &Connection, base: &str) -> Result<String> {
    let taken = |id: &str| -> Result<bool> {
        Ok(tx
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    };
    if !taken(base)? {
        return Ok(base.to_string());
    }
    for n in 2.. {
        let id = format!("{base}-{n}");
        if !taken(&id)? {
            return Ok(id);
        }
    }
    unreachable!("ids run out only after usize::MAX tries")
}

/// Open the connection and read the schema once, so that a file SQLite cannot
/// read, or a log it cannot make, shows here and not at the first query.
fn connect(path: &Path, read_only: bool) -> rusqlite::Result<Connection> {
    let conn = if read_only {
        Connection::open_with_flags(
            file::read_only_uri(path),
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?
    } else {
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?
    };
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(conn)
}

/// A stored call report and its accounts, read back; the error names the article.
fn call_row(article: ArticleId, call: &str, accounts: &str) -> Result<CallRow> {
    Ok(CallRow {
        report: serde_json::from_str(call)
            .with_context(|| format!("{article}: stored call is unreadable"))?,
        statements: serde_json::from_str(accounts)
            .with_context(|| format!("{article}: stored accounts are unreadable"))?,
        article,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The list's quick date reading agrees with chrono on any text.
        #[test]
        fn stored_dates_read_as_chrono_reads_them(text in "[0-9-]{0,11}|[0-9]{4}-[0-9]{2}-[0-9]{2}") {
            proptest::prop_assert_eq!(
                parse_date(text.as_bytes()),
                NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok().filter(|_| text.len() == 10)
            );
        }
    }

    #[test]
    fn names_kept_in_call_groups_come_back_as_they_went_in() {
        for names in [
            vec![],
            vec!["Emmanuel Macron".to_string()],
            vec!["A".into(), "".into(), "Orbán".into()],
        ] {
            assert_eq!(split(&join(&names)), names);
        }
        assert_eq!(split(&join(&["a\u{1f}b".to_string()])), ["ab"]);
    }
}
