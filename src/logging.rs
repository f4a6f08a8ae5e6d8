//! The log file, `$XDG_STATE_HOME/parallax/parallax.log`. Never the terminal:
//! the reader owns the screen while it runs, and the CLI's messages on stderr
//! are its own. Imports, fetches, failures, migrations and re-analysis are
//! logged with `tracing` wherever they happen; this only decides where to.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::filter::LevelFilter;

/// How much goes to the log, as `--log-level` and `PARALLAX_LOG` name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Level {
    Off,
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

impl Level {
    fn filter(self) -> LevelFilter {
        match self {
            Level::Off => LevelFilter::OFF,
            Level::Error => LevelFilter::ERROR,
            Level::Warn => LevelFilter::WARN,
            Level::Info => LevelFilter::INFO,
            Level::Debug => LevelFilter::DEBUG,
            Level::Trace => LevelFilter::TRACE,
        }
    }
}

/// A log over this size is moved to `parallax.log.1` when a run starts, so
/// the log never grows without end and the last stretch is always kept.
const ROTATE_AT: u64 = 8 * 1024 * 1024;

/// Where the log goes: `$XDG_STATE_HOME/parallax/parallax.log`, else the
/// platform's state (or local data) directory.
pub fn path() -> Option<PathBuf> {
    std::env::var_os("XDG_STATE_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(dirs::state_dir)
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("parallax").join("parallax.log"))
}

/// Send this process's log to the file. A log that cannot be opened (a
/// read-only home, say) means no log, never a failed command; the reason is
/// returned for the caller to mention where that fits.
pub fn init(level: Level) -> Result<Option<PathBuf>, String> {
    if level == Level::Off {
        return Ok(None);
    }
    let Some(path) = path() else {
        return Ok(None);
    };
    let file = open(&path).map_err(|e| format!("{}: cannot open the log: {e}", path.display()))?;
    tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_max_level(level.filter())
        .try_init()
        .map_err(|e| e.to_string())?;
    Ok(Some(path))
}

fn open(path: &Path) -> std::io::Result<File> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() > ROTATE_AT) {
        let mut old = path.as_os_str().to_owned();
        old.push(".1");
        std::fs::rename(path, old)?;
    }
    OpenOptions::new().create(true).append(true).open(path)
}
