//! `parallax list`.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::ListArgs;
use crate::filter::{self, Query};
use crate::library::Library;

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    published: Option<chrono::NaiveDate>,
    read: bool,
    bookmarked: bool,
    calls: &'a [String],
}

pub fn run(lib: &mut Library, args: &ListArgs) -> Result<i32> {
    let all = lib.summaries()?;
    let order: Vec<usize> = match args.filter.as_deref() {
        Some(q) => {
            let folded = filter::fold_all(&all);
            filter::rank(&folded, &Query::parse(q))
        }
        None => (0..all.len()).collect(),
    };
    let shown: Vec<_> = order
        .into_iter()
        .take(args.limit.unwrap_or(usize::MAX))
        .map(|i| &all[i])
        .collect();
    let mut out = std::io::stdout().lock();
    if args.json {
        let items: Vec<Item<'_>> = shown
            .iter()
            .map(|a| Item {
                id: &a.id,
                title: &a.title,
                source: a.source.as_deref(),
                published: a.published,
                read: a.state.read,
                bookmarked: a.state.bookmarked,
                calls: &a.calls,
            })
            .collect();
        crate::sanitize::write_json(&mut out, &items)?;
        writeln!(out)?;
    } else {
        write!(
            out,
            "{}",
            super::render::list(&shown, super::render::width())
        )?;
    }
    Ok(0)
}
