//! `parallax show`.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use super::ShowArgs;
use crate::library::Library;

#[derive(Serialize)]
struct Shown<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<chrono::NaiveDate>,
    byline: Option<&'a str>,
    /// When a page from the web was fetched; absent for files.
    #[serde(skip_serializing_if = "Option::is_none")]
    fetched_at: Option<&'a str>,
    paragraphs: &'a [String],
    calls: &'a [String],
}

pub fn run(lib: &mut Library, args: &ShowArgs) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    if args.raw {
        let Some(raw) = lib.raw(&args.id)? else {
            bail!("no article with id {:?} (see `parallax list`)", args.id);
        };
        out.write_all(&raw)?;
        out.flush()?;
        return Ok(0);
    }
    let Some(a) = lib.article(&args.id)? else {
        bail!("no article with id {:?} (see `parallax list`)", args.id);
    };
    let fetched_at = lib.fetched_at(&args.id)?;
    if args.json {
        let shown = Shown {
            id: &a.id,
            title: &a.title,
            source: a.source.as_deref(),
            url: a.url.as_deref(),
            published: a.published,
            byline: a.byline.as_deref(),
            fetched_at: fetched_at.as_deref(),
            paragraphs: &a.analysis.paragraphs,
            calls: &a.calls,
        };
        crate::sanitize::write_json(&mut out, &shown)?;
        writeln!(out)?;
    } else {
        write!(
            out,
            "{}",
            super::render::article(&a, fetched_at.as_deref(), super::render::width())
        )?;
    }
    Ok(0)
}
