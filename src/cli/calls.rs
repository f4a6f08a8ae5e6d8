//! `parallax calls` and `parallax compare`.

use std::io::Write;

use anyhow::{Result, bail};

use super::{CallsArgs, CompareArgs, render};
use crate::library::Library;

pub fn run_calls(lib: &mut Library, args: &CallsArgs) -> Result<i32> {
    let calls = lib.calls()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        crate::sanitize::write_json(&mut out, calls)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", render::calls(calls))?;
    }
    Ok(0)
}

pub fn run_compare(lib: &mut Library, args: &CompareArgs) -> Result<i32> {
    let Some(cmp) = lib.compare(&args.call_id)? else {
        bail!("no call with id {:?} (see `parallax calls`)", args.call_id);
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        crate::sanitize::write_json(&mut out, &cmp)?;
        writeln!(out)?;
    } else if args.markdown {
        write!(out, "{}", render::compare_markdown(&cmp))?;
    } else {
        write!(out, "{}", render::compare(&cmp, render::width()))?;
    }
    Ok(0)
}
