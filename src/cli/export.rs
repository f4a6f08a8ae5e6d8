//! `parallax export --jsonl`: the whole library, one article a line.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};

use super::ExportArgs;
use crate::library::Library;

pub fn run(lib: &Library, args: &ExportArgs) -> Result<i32> {
    let count = match &args.output {
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            let n = write_all(lib, &mut out)?;
            out.flush()?;
            n
        }
        Some(path) => write_file(lib, path)?,
    };
    tracing::info!(articles = count, to = ?args.output, "exported");
    if let Some(path) = &args.output {
        eprintln!("exported {count} articles to {}", path.display());
    }
    Ok(0)
}

fn write_all(lib: &Library, out: &mut impl Write) -> Result<usize> {
    let mut count = 0;
    lib.export(|record| {
        out.write_all(record.to_line()?.as_bytes())?;
        out.write_all(b"\n")?;
        count += 1;
        Ok(())
    })?;
    Ok(count)
}

/// Write beside the file, then move it into place: an export that fails
/// half-way leaves the old file, if any, as it was.
fn write_file(lib: &Library, path: &Path) -> Result<usize> {
    let shown = path.display();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .with_context(|| format!("{shown}: not a file name"))?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.part-{}", std::process::id()));
    let result = (|| -> Result<usize> {
        let file = std::fs::File::create(&tmp)
            .with_context(|| format!("{shown}: cannot write the export"))?;
        let mut out = BufWriter::new(file);
        let n = write_all(lib, &mut out).with_context(|| format!("{shown}: export failed"))?;
        let file = out
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("{shown}: cannot write the export"))?;
        file.sync_all()
            .with_context(|| format!("{shown}: cannot write the export"))?;
        std::fs::rename(&tmp, path).with_context(|| format!("{shown}: cannot write the export"))?;
        Ok(n)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
