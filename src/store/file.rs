//! The library file itself, before and around SQLite: is it an SQLite file at
//! all and whole, may it be written, and what an SQLite error means for it.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use rusqlite::ErrorCode;

/// Refuse, before SQLite touches it, a file that is not an SQLite database or
/// is visibly cut short. Reads the first 100 bytes; writes nothing.
pub fn check_header(path: &Path) -> Result<()> {
    let shown = path.display();
    let mut f = std::fs::File::open(path)
        .map_err(|e| anyhow!("{shown}: cannot open the library: {}", io_reason(&e)))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let mut head = Vec::with_capacity(100);
    (&mut f)
        .take(100)
        .read_to_end(&mut head)
        .map_err(|e| anyhow!("{shown}: cannot read the library: {}", io_reason(&e)))?;
    if head.is_empty() {
        bail!("{shown}: the file is empty, not a parallax library (remove it to start a new one)");
    }
    if head.len() < 16 || &head[..16] != b"SQLite format 3\0" {
        bail!(
            "{shown}: not a parallax library (not an SQLite database); the file was left untouched"
        );
    }
    if head.len() < 100 {
        bail!(
            "{shown}: the library is damaged (cut short at {len} bytes); the file was left untouched"
        );
    }
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        _ => bail!(damaged(path, "its header is unreadable")),
    };
    // The page count in the header is current when its "valid for" stamp
    // matches the change counter. With a write-ahead log beside the file, a
    // checkpoint may be halfway through: the log holds the rest.
    let pages = u64::from(be32(28));
    let current = be32(92) == be32(24);
    if current && pages > 0 && len < pages * page_size && !has_log(path) {
        bail!(damaged(
            path,
            &format!(
                "{len} bytes where its header says {}: cut short",
                pages * page_size
            )
        ));
    }
    Ok(())
}

pub fn damaged(path: &Path, what: &str) -> String {
    format!(
        "{}: the library is damaged ({what}); the file was left untouched. \
         Restore it from a backup, or try `sqlite3 FILE .recover` on a copy",
        path.display()
    )
}

/// The write-ahead log beside the library, when it holds anything.
fn has_log(path: &Path) -> bool {
    std::fs::metadata(sidecar(path, "-wal")).is_ok_and(|m| m.len() > 0)
}

pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Why the library may not be written, if it may not. Write permission bits
/// count even for root, who could write anyway: a library someone made
/// read-only with `chmod a-w` stays read-only for every user.
pub fn read_only_reason(path: &Path) -> Option<&'static str> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.permissions().readonly() {
        return Some("the file is read-only");
    }
    if std::fs::OpenOptions::new().write(true).open(path).is_err() {
        return Some("the file cannot be written by this user");
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly()) {
        // SQLite's write-ahead log and lock files live beside the library.
        return Some("its directory is read-only");
    }
    None
}

/// The address SQLite opens a read-only library by. With no write-ahead log
/// to read, `immutable` lets SQLite read without making lock files (which a
/// read-only directory would refuse).
pub fn read_only_uri(path: &Path) -> String {
    // SQLite decodes %HH to bytes, so any path (UTF-8 or not) round-trips.
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii() && !matches!(b, b'?' | b'#' | b'%') && !b.is_ascii_control() {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    if has_log(path) {
        uri.push_str("?mode=ro");
    } else {
        uri.push_str("?mode=ro&immutable=1");
    }
    uri
}

/// An SQLite error in words that say what it means for the library.
pub fn explain(path: &Path, err: anyhow::Error) -> anyhow::Error {
    let shown = path.display();
    let Some(e) = err.downcast_ref::<rusqlite::Error>() else {
        return err.context(format!("{shown}"));
    };
    let Some(code) = e.sqlite_error_code() else {
        return anyhow!("{shown}: {e}");
    };
    let detail = e.to_string();
    match code {
        ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => anyhow!(damaged(path, &detail)),
        ErrorCode::DiskFull => {
            anyhow!("{shown}: the disk is full; the library is as it was before this change")
        }
        ErrorCode::SystemIoFailure => anyhow!(
            "{shown}: cannot write or read the library (the disk may be full or failing): {detail}; \
             the library is as it was before this change"
        ),
        ErrorCode::ReadOnly => anyhow!("{shown}: the library is read-only"),
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => anyhow!(
            "{shown}: the library stayed busy (another parallax is writing to it); try again"
        ),
        ErrorCode::CannotOpen => anyhow!("{shown}: cannot open the library: {detail}"),
        _ => anyhow!("{shown}: {detail}"),
    }
}

/// Whether an error means this process may not write the library, so that
/// opening it read-only may still work.
pub fn is_write_refused(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied)
    )
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
