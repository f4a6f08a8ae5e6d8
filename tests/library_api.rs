//! The library API the CLI and the reader share.

use parallax::ingest::Overrides;
use parallax::library::{ImportOutcome, Library};
use parallax::model::ReadingState;

#[test]
fn analyses_from_another_analyzer_are_redone_when_the_library_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let before = {
        let mut lib = Library::open(&path).unwrap();
        let id = lib.summaries().unwrap()[0].id.clone();
        lib.article(&id).unwrap().unwrap()
    };
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE analyses SET analyzer = 'an-old-one', body = '{\"version\":0,\"paragraphs\":[],\"sentences\":[],\"call\":null}'",
        [],
    )
    .unwrap();
    drop(conn);
    let mut lib = Library::open(&path).unwrap();
    let after = lib.article(&before.id).unwrap().unwrap();
    assert_eq!(after.analysis, before.analysis);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let old: i64 = conn
        .query_row(
            "SELECT count(*) FROM analyses WHERE analyzer = 'an-old-one'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old, 0);
}

#[test]
fn reading_state_is_saved_as_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let id = {
        let mut lib = Library::open(&path).unwrap();
        let id = lib.summaries().unwrap()[1].id.clone();
        let state = ReadingState {
            read: true,
            bookmarked: true,
            position: 42,
        };
        lib.set_state(&id, state).unwrap();
        id
    };
    let mut lib = Library::open(&path).unwrap();
    let a = lib.article(&id).unwrap().unwrap();
    assert_eq!(
        a.state,
        ReadingState {
            read: true,
            bookmarked: true,
            position: 42
        }
    );
    assert!(
        lib.set_state("no-such-id", ReadingState::default())
            .is_err()
    );
}

#[test]
fn the_same_bytes_twice_are_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("lib.db")).unwrap();
    let n = lib.len().unwrap();
    let bytes = b"Leaders speak by phone\n\nThe two spoke on Monday.";
    let first = lib.import(bytes, "a.txt", &Overrides::default()).unwrap();
    let ImportOutcome::Added { id, .. } = first else {
        panic!("{first:?}")
    };
    assert_eq!(
        lib.import(bytes, "b.txt", &Overrides::default()).unwrap(),
        ImportOutcome::Duplicate { id }
    );
    assert_eq!(lib.len().unwrap(), n + 1);
}
