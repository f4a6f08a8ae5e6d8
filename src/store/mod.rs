//! The SQLite library file: articles with their original bytes, analysis
//! results with the analyzer's version, reading state, and a full-text index.

mod schema;

use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::model::{Analysis, ArticleId, CallReport, Draft, Format, ReadingState, Sentence};

pub use schema::SCHEMA_VERSION;

/// An open library file.
pub struct Store {
    conn: Connection,
    read_only: bool,
}

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
    /// is not a parallax library is refused and never written to.
    pub fn open(path: &Path, create: bool) -> Result<Store> {
        let exists = path.exists();
        if !exists && !create {
            bail!("{}: no such library", path.display());
        }
        if exists {
            check_header(path)?;
        }
        let writable = !exists || !is_read_only(path);
        let flags = if writable {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        } else {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .with_context(|| format!("{}: cannot open the library", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let mut store = Store {
            conn,
            read_only: !writable,
        };
        schema::migrate(&mut store.conn, path, store.read_only)?;
        Ok(store)
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn writable(&self) -> Result<()> {
        if self.read_only {
            bail!("the library is read-only; reading works, changes are not possible");
        }
        Ok(())
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
        let hash = content_hash(raw);
        let tx = self.conn.transaction()?;
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
            None => crate::ingest::slug::article_id(
                draft.published,
                draft.source.as_deref(),
                &draft.title,
            ),
        };
        let id = unique_id(&tx, &base)?;
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
        write_analysis(&tx, &id, analysis, analyzer)?;
        tx.commit()?;
        Ok(Inserted::Added(id))
    }

    /// Replace an article's analysis (after the analyzer changed).
    pub fn replace_analysis(
        &mut self,
        id: &str,
        analysis: &Analysis,
        analyzer: &str,
    ) -> Result<()> {
        self.writable()?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM articles_fts WHERE id = ?1", [id])?;
        write_analysis(&tx, id, analysis, analyzer)?;
        tx.commit()?;
        Ok(())
    }

    /// Ids of articles analysed by another analyzer than `analyzer`.
    pub fn stale(&self, analyzer: &str) -> Result<Vec<ArticleId>> {
        let mut st = self
            .conn
            .prepare("SELECT article_id FROM analyses WHERE analyzer != ?1")?;
        let ids = st
            .query_map([analyzer], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(ids)
    }

    pub fn count(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))?
            as usize)
    }

    /// Every article's metadata and state, newest first.
    pub fn articles(&self) -> Result<Vec<ArticleRow>> {
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
    }

    pub fn article(&self, id: &str) -> Result<Option<ArticleRow>> {
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
        Ok(self
            .conn
            .query_row("SELECT raw FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }

    pub fn analysis(&self, id: &str) -> Result<Option<Analysis>> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT body FROM analyses WHERE article_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        json.map(|j| {
            serde_json::from_str(&j).with_context(|| format!("{id}: stored analysis is unreadable"))
        })
        .transpose()
    }

    /// The call each article reports, with its attributed sentences.
    pub fn call_rows(&self) -> Result<Vec<CallRow>> {
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
            out.push(CallRow {
                report: serde_json::from_str(&call)
                    .with_context(|| format!("{article}: stored call is unreadable"))?,
                statements: serde_json::from_str(&accounts)
                    .with_context(|| format!("{article}: stored accounts are unreadable"))?,
                article,
            });
        }
        Ok(out)
    }

    pub fn set_state(&mut self, id: &str, state: ReadingState) -> Result<()> {
        self.writable()?;
        self.conn.execute(
            "INSERT INTO states (article_id, read, bookmarked, position) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(article_id) DO UPDATE SET read = ?2, bookmarked = ?3, position = ?4",
            params![id, state.read, state.bookmarked, state.position],
        )?;
        Ok(())
    }

    /// Article ids whose cleaned text matches an FTS5 query.
    pub fn search(&self, query: &str) -> Result<Vec<ArticleId>> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank")?;
        let ids = st
            .query_map([query], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(ids)
    }
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

fn write_analysis(
    tx: &rusqlite::Transaction<'_>,
    id: &str,
    analysis: &Analysis,
    analyzer: &str,
) -> Result<()> {
    let accounts: Vec<(usize, &Sentence)> = analysis.attributed().collect();
    tx.execute(
        "INSERT INTO analyses (article_id, analyzer, body, call, accounts) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(article_id) DO UPDATE SET analyzer = ?2, body = ?3, call = ?4, accounts = ?5",
        params![
            id,
            analyzer,
            serde_json::to_string(analysis)?,
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

fn unique_id(tx: &rusqlite::Transaction<'_>, base: &str) -> Result<String> {
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

/// Refuse, before SQLite touches it, a file that is not an SQLite database.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)
        .with_context(|| format!("{}: cannot open the library", path.display()))?;
    let mut head = [0u8; 16];
    let n = f
        .read(&mut head)
        .with_context(|| format!("{}: cannot read the library", path.display()))?;
    if n == 0 {
        bail!(
            "{}: the file is empty, not a parallax library (remove it to start a new one)",
            path.display()
        );
    }
    if n < 16 || &head != b"SQLite format 3\0" {
        bail!(
            "{}: not a parallax library (not an SQLite database); the file was left untouched",
            path.display()
        );
    }
    Ok(())
}

fn is_read_only(path: &Path) -> bool {
    std::fs::OpenOptions::new().write(true).open(path).is_err()
}
