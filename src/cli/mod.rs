//! The command line: clap definitions and dispatch. Each subcommand lives in a
//! file of its own and prints through `render`.

mod calls;
mod import;
mod list;
pub mod render;
mod show;

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

use crate::library::{self, Library};

const EXAMPLES: &str = "\
Examples:
  parallax                                 open the reader on your library
  parallax import ~/clips/*.txt            add articles (text, Markdown, HTML)
  parallax import --source Reuters -       add an article from standard input
  parallax list --filter 'macron putin'    fuzzy-filter the list
  parallax show 2022-05-03-politico-macron-and-putin-resume
  parallax calls                           every call and who gave an account
  parallax compare 2022-05-03-macron-putin --markdown";

#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about = "A terminal reader for news about leader-to-leader calls: each side's account, side by side.",
    after_help = EXAMPLES
)]
pub struct Cli {
    /// The library file [default: $PARALLAX_LIBRARY, else $XDG_DATA_HOME/parallax/library.db]
    #[arg(long, global = true, value_name = "PATH")]
    pub library: Option<PathBuf>,

    /// The config file [default: $XDG_CONFIG_HOME/parallax/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add articles from files, directories or standard input (-)
    Import(ImportArgs),
    /// List the articles, newest first, or ranked by a fuzzy filter
    List(ListArgs),
    /// Print one article
    Show(ShowArgs),
    /// List the calls the library reports and whose accounts it holds
    Calls(CallsArgs),
    /// Put the parties' accounts of one call side by side
    Compare(CompareArgs),
    /// Show where the config file is, or print a commented default one
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the default config file, every setting commented
    #[arg(long)]
    pub default: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files, directories (read recursively) or - for standard input
    #[arg(required = true, value_name = "PATH|DIR|-")]
    pub paths: Vec<PathBuf>,
    /// The outlet, when the text does not say
    #[arg(long, value_name = "S")]
    pub source: Option<String>,
    /// The publication date, used to resolve "on Tuesday"
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub published: Option<chrono::NaiveDate>,
    /// The article's address
    #[arg(long, value_name = "U")]
    pub url: Option<String>,
    /// Print one JSON object per input instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Fuzzy filter: terms in any order; 'exact ^prefix !not
    #[arg(long, value_name = "QUERY")]
    pub filter: Option<String>,
    /// Print at most N articles
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article id, as `list` prints it
    pub id: String,
    /// Print the bytes exactly as imported, byte for byte: unchanged, unfiltered,
    /// not made safe for a terminal (pipe them to a file or a pager)
    #[arg(long, conflicts_with = "json")]
    pub raw: bool,
    /// The cleaned article as JSON, one string per paragraph
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CallsArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The call id, as `calls` prints it
    pub call_id: String,
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Markdown with a citation for each statement
    #[arg(long)]
    pub markdown: bool,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date in the form YYYY-MM-DD"))
}

/// Run the program; returns the exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // Messages quote paths and ids, which may hold escape sequences.
            eprintln!(
                "parallax: {}",
                crate::sanitize::for_terminal(&format!("{e:#}"), true)
            );
            1
        }
    }
}

fn run(cli: Cli) -> Result<i32> {
    if let Some(Command::Config(args)) = &cli.command {
        return config_command(cli.config.as_deref(), args);
    }
    let config = crate::config::load(cli.config.as_deref())?;
    let path = library::resolve_path(cli.library.or_else(|| {
        // The config's library comes after --library and $PARALLAX_LIBRARY.
        std::env::var_os("PARALLAX_LIBRARY")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .or(config.library.clone())
    }))?;
    let Some(command) = cli.command else {
        if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
            eprintln!(
                "parallax: the reader needs a terminal. Use `parallax list` and `parallax show ID` for plain output."
            );
            return Ok(2);
        }
        let lib = Library::open(&path)?;
        crate::tui::run(lib, &config)?;
        return Ok(0);
    };
    let mut lib = Library::open(&path)?;
    match command {
        Command::Import(args) => import::run(&mut lib, &args),
        Command::List(args) => list::run(&mut lib, &args),
        Command::Show(args) => show::run(&mut lib, &args),
        Command::Calls(args) => calls::run_calls(&mut lib, &args),
        Command::Compare(args) => calls::run_compare(&mut lib, &args),
        Command::Config(_) => unreachable!("handled before the library opens"),
    }
}

/// `parallax config`: where the file is and whether it parses; `--default`
/// prints a commented default file.
fn config_command(flag: Option<&std::path::Path>, args: &ConfigArgs) -> Result<i32> {
    if args.default {
        print!("{}", crate::config::DEFAULT_FILE);
        return Ok(0);
    }
    let Some(path) = crate::config::path(flag) else {
        println!("no config directory; use --config PATH");
        return Ok(0);
    };
    if path.exists() {
        crate::config::load(Some(&path))?;
        println!("{} (valid)", path.display());
    } else {
        println!(
            "{} (not there; `parallax config --default > {}` makes one)",
            path.display(),
            path.display()
        );
    }
    Ok(0)
}
