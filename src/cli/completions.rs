//! `parallax completions SHELL` and `parallax man`: generated from the clap
//! definition, so they never fall behind the commands.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::{Cli, CompletionsArgs, ManArgs};

pub fn completions(args: &CompletionsArgs) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut Cli::command(), "parallax", &mut out);
    out.flush()?;
    Ok(0)
}

pub fn man(args: &ManArgs) -> Result<i32> {
    let cmd = Cli::command();
    match &args.output_dir {
        None => {
            let mut out = std::io::stdout().lock();
            page(cmd).render(&mut out)?;
            out.flush()?;
        }
        Some(dir) => write_pages(cmd, dir)?,
    }
    Ok(0)
}

/// parallax.1 and a parallax-COMMAND.1 for each command, into `dir`.
fn write_pages(cmd: clap::Command, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    let mut cmd = cmd.disable_help_subcommand(true);
    // Building names each subcommand `parallax-COMMAND`, as its page is called.
    cmd.build();
    let subs: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    for c in std::iter::once(cmd).chain(subs) {
        page(c)
            .generate_to(dir)
            .with_context(|| format!("{}: cannot write the manual pages", dir.display()))?;
    }
    eprintln!("wrote the manual pages to {}", dir.display());
    Ok(())
}

/// One page, headed with parallax's name and version (subcommands have none).
fn page(cmd: clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(cmd)
        .source(concat!("parallax ", env!("CARGO_PKG_VERSION")))
        .manual("parallax manual")
}
