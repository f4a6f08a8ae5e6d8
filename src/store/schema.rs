//! Schema migrations, one step per `user_version`.

use std::path::Path;

use anyhow::{Context, Result, bail};
use rusqlite::Connection;

/// The schema this build writes. A library with a higher version was written
/// by a newer parallax and is refused rather than misread.
pub const SCHEMA_VERSION: i64 = 4;

/// 'PRLX': marks the file as a parallax library.
const APPLICATION_ID: i64 = 0x5052_4c58;

const STEPS: &[&str] = &[
    // 1: the first schema.
    "CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        hash        TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        source      TEXT,
        url         TEXT,
        published   TEXT,
        byline      TEXT,
        language    TEXT,
        format      TEXT NOT NULL,
        origin      TEXT,
        imported_at TEXT NOT NULL,
        raw         BLOB NOT NULL
    );
    CREATE INDEX articles_published ON articles (published);
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        analyzer   TEXT NOT NULL,
        body       TEXT NOT NULL,
        call       TEXT,
        accounts   TEXT NOT NULL
    );
    CREATE TABLE states (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        read       INTEGER NOT NULL DEFAULT 0,
        bookmarked INTEGER NOT NULL DEFAULT 0,
        position   INTEGER NOT NULL DEFAULT 0
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
    );",
    // 2: when a page imported from the web was fetched (RFC 3339, UTC).
    "ALTER TABLE articles ADD COLUMN fetched_at TEXT;",
    // 3: indexes for opening a large library without reading its bytes and
    // analyses: the list in its order with its columns, each article's call
    // report (stored after the analysis body), and the check for stale
    // analyses.
    "CREATE INDEX articles_list ON articles
        (published IS NULL, published DESC, imported_at DESC, id, title, source);
     CREATE INDEX analyses_calls ON analyses (article_id, call) WHERE call IS NOT NULL;
     CREATE INDEX analyses_analyzer ON analyses (analyzer, article_id);",
    // 4: the calls as grouped across articles, kept so that opening a large
    // library need not group them again; `meta` says for which analyzer they
    // hold, and any change to an analysis drops that row.
    "CREATE TABLE call_groups (
        ord          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL,
        date         TEXT,
        medium       TEXT NOT NULL,
        duration     INTEGER,
        participants TEXT NOT NULL,
        parties      TEXT NOT NULL,
        articles     TEXT NOT NULL
     );
     CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",
];

pub fn migrate(conn: &mut Connection, path: &Path, read_only: bool) -> Result<()> {
    let shown = path.display();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .with_context(|| format!("{shown}: not a parallax library (unreadable database)"))?;
    let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    if app != APPLICATION_ID && (app != 0 || tables > 0) {
        bail!(
            "{shown}: an SQLite database, but not a parallax library; the file was left untouched"
        );
    }
    if version > SCHEMA_VERSION {
        bail!(
            "{shown}: written by a newer parallax (schema {version}, this one reads up to {SCHEMA_VERSION}); upgrade parallax to open it"
        );
    }
    if version == SCHEMA_VERSION {
        if !read_only {
            conn.pragma_update(None, "foreign_keys", true)?;
            // Readers never block the writer in WAL mode: keep it, even for a
            // library another SQLite tool switched back to a rollback journal.
            let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                conn.pragma_update(None, "journal_mode", "WAL")?;
            }
        }
        return Ok(());
    }
    if read_only {
        bail!("{shown}: the library needs an upgrade but is read-only");
    }
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    for (i, step) in STEPS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(step)
            .with_context(|| format!("{shown}: schema step {} failed", i + 1))?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    if version > 0 {
        tracing::info!(library = %shown, from = version, to = SCHEMA_VERSION, "schema migrated");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_a_version() {
        assert_eq!(STEPS.len() as i64, SCHEMA_VERSION);
    }

    #[test]
    fn a_second_schema_library_gains_the_list_indexes_and_keeps_its_articles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v2.db");
        let mut conn = Connection::open(&path).unwrap();
        conn.execute_batch(STEPS[0]).unwrap();
        conn.execute_batch(STEPS[1]).unwrap();
        conn.execute(
            "INSERT INTO articles (id, hash, title, source, published, format, imported_at, raw)
             VALUES ('a', 'h', 'Title', 'Src', '2024-01-02', 'text', '2024-01-01T00:00:00Z', x'41')",
            [],
        )
        .unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();

        migrate(&mut conn, &path, false).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let indexes: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            indexes,
            [
                "analyses_analyzer",
                "analyses_calls",
                "articles_list",
                "articles_published"
            ]
        );
        let (title, source): (String, String) = conn
            .query_row(
                "SELECT title, source FROM articles WHERE id = 'a'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((title.as_str(), source.as_str()), ("Title", "Src"));
        // The list reads the index alone, in its order.
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", super::super::LIST_QUERY))
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("; ");
        assert!(plan.contains("COVERING INDEX articles_list"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        for (query, index) in [
            (super::super::CALLS_QUERY, "COVERING INDEX analyses_calls"),
            (
                "SELECT article_id FROM analyses WHERE analyzer != 'x'",
                "COVERING INDEX analyses_analyzer",
            ),
        ] {
            let plan: String = conn
                .query_row(&format!("EXPLAIN QUERY PLAN {query}"), [], |r| r.get(3))
                .unwrap();
            assert!(plan.contains(index), "{query}: {plan}");
        }
    }

    #[test]
    fn a_first_schema_library_gains_fetch_times_and_keeps_its_articles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        let mut conn = Connection::open(&path).unwrap();
        conn.execute_batch(STEPS[0]).unwrap();
        conn.execute(
            "INSERT INTO articles (id, hash, title, format, imported_at, raw)
             VALUES ('a', 'h', 'Title', 'text', '2024-01-01T00:00:00Z', x'41')",
            [],
        )
        .unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();

        migrate(&mut conn, &path, false).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let (title, fetched): (String, Option<String>) = conn
            .query_row(
                "SELECT title, fetched_at FROM articles WHERE id = 'a'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((title.as_str(), fetched), ("Title", None));
    }
}
