//! The command line: clap definitions and dispatch. Each subcommand lives in a
//! file of its own and prints through `render`.

mod calls;
mod completions;
mod export;
mod import;
mod list;
pub mod render;
mod show;

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::library::{self, Library};

// Macros, not consts, so `concat!` can join them for the long help.
macro_rules! examples {
    () => {
        "\
Examples:
  parallax                                 open the reader on your library
  parallax import ~/clips/*.txt            add articles (text, Markdown, HTML)
  parallax import https://example.org/a    fetch a page once, keep it offline
  parallax list --filter 'macron putin'    fuzzy-filter the list
  parallax show 2022-05-03-politico-macron-and-putin-resume
  parallax calls                           every call and who gave an account
  parallax compare 2022-05-03-macron-putin --markdown
  parallax export --jsonl -o backup.jsonl  the whole library, to restore elsewhere"
    };
}

// `--help` (long) and the man page add where things live.
macro_rules! files {
    () => {
        "\
Files:
  $XDG_DATA_HOME/parallax/library.db       the library (~/.local/share/parallax)
  $XDG_CONFIG_HOME/parallax/config.toml    keys, theme, default library
  $XDG_STATE_HOME/parallax/parallax.log    the log (~/.local/state/parallax)

Environment:
  PARALLAX_LIBRARY   the library file, when --library is not given
  PARALLAX_LOG       the log level, when --log-level is not given
  NO_COLOR           no colours in the reader"
    };
}

const EXAMPLES: &str = examples!();
const LONG_HELP: &str = concat!(examples!(), "\n\n", files!());

const IMPORT_EXAMPLES: &str = "\
Examples:
  parallax import clip.txt page.html notes.md
  parallax import ~/clips                          every file under a directory
  parallax import --source Reuters --published 2024-03-05 -   from standard input
  parallax import https://www.example.org/news/macron-putin-call
  parallax import backup.jsonl                     restore an export
  parallax import --json clips/ | jq '.[] | select(.status == \"error\")'";

const LIST_EXAMPLES: &str = "\
Examples:
  parallax list
  parallax list --filter 'elysee kremlin' --limit 5
  parallax list --filter \"'ceasefire !draft\" --json";

const SHOW_EXAMPLES: &str = "\
Examples:
  parallax show 2022-05-03-politico-macron-and-putin-resume
  parallax show 2022-05-03-politico-macron-and-putin-resume --raw > original.html
  parallax show 2022-05-03-politico-macron-and-putin-resume --json | jq -r '.paragraphs[]'";

const CALLS_EXAMPLES: &str = "\
Examples:
  parallax calls
  parallax calls --json | jq -r '.[].id'";

const COMPARE_EXAMPLES: &str = "\
Examples:
  parallax compare 2022-05-03-macron-putin
  parallax compare 2022-05-03-macron-putin --markdown > call.md
  parallax compare 2022-05-03-macron-putin --json";

const EXPORT_EXAMPLES: &str = "\
Examples:
  parallax export --jsonl > backup.jsonl
  parallax export --jsonl --output backup.jsonl
  parallax --library new.db import backup.jsonl    restore it (reading state too)";

const CONFIG_EXAMPLES: &str = "\
Examples:
  parallax config                          where the file is, and whether it is valid
  parallax config --default > ~/.config/parallax/config.toml";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  parallax completions bash > ~/.local/share/bash-completion/completions/parallax
  parallax completions zsh > ~/.zfunc/_parallax
  parallax completions fish > ~/.config/fish/completions/parallax.fish";

const MAN_EXAMPLES: &str = "\
Examples:
  parallax man | man -l -
  parallax man --output-dir /usr/local/share/man/man1   parallax.1 and one page per subcommand";

#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about = "A terminal reader for news about leader-to-leader calls: each side's account, side by side.",
    long_about = "A terminal reader for news about leader-to-leader calls. When two governments \
describe the same phone call, parallax puts the two official accounts side by side, so you can \
see where they agree, where they differ and what one side left out. Articles live in a local \
library; everything works offline. With no subcommand, parallax opens the reader.",
    after_help = EXAMPLES,
    after_long_help = LONG_HELP,
)]
pub struct Cli {
    /// The library file [default: $PARALLAX_LIBRARY, else $XDG_DATA_HOME/parallax/library.db]
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub library: Option<PathBuf>,

    /// The config file [default: $XDG_CONFIG_HOME/parallax/config.toml]
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub config: Option<PathBuf>,

    /// How much to write to the log file ($XDG_STATE_HOME/parallax/parallax.log)
    #[arg(
        long,
        global = true,
        value_name = "LEVEL",
        ignore_case = true,
        help_heading = "Global options",
        env = "PARALLAX_LOG",
        default_value = "info",
        hide_env_values = true
    )]
    pub log_level: crate::logging::Level,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add articles from files, directories, web addresses, exports or standard input (-)
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(ImportArgs),
    /// List the articles, newest first, or ranked by a fuzzy filter
    #[command(after_help = LIST_EXAMPLES)]
    List(ListArgs),
    /// Print one article
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// List the calls the library reports and whose accounts it holds
    #[command(after_help = CALLS_EXAMPLES)]
    Calls(CallsArgs),
    /// Put the parties' accounts of one call side by side
    #[command(after_help = COMPARE_EXAMPLES)]
    Compare(CompareArgs),
    /// Write the whole library (original bytes, metadata, reading state) for `import` to read back
    #[command(after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
    /// Show where the config file is, or print a commented default one
    #[command(after_help = CONFIG_EXAMPLES)]
    Config(ConfigArgs),
    /// Print a shell completion script
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a directory
    #[command(after_help = MAN_EXAMPLES)]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the default config file, every setting commented
    #[arg(long)]
    pub default: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write parallax.1 and parallax-COMMAND.1 into DIR instead of printing parallax.1
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files, directories (read recursively), http(s):// addresses, exports (.jsonl) or - for standard input
    #[arg(required = true, value_name = "PATH|DIR|URL|-")]
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
    /// Give up on a web address after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// Print a JSON report, one object per input, instead of text
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
    /// Print JSON for scripts instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article id, as `list` prints it
    pub id: String,
    /// The imported bytes, byte for byte: not made safe for a terminal (pipe them to a file)
    #[arg(long, conflicts_with = "json")]
    pub raw: bool,
    /// The cleaned article as JSON, one string per paragraph
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CallsArgs {
    /// Print JSON for scripts, each party's statements included
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The call id, as `calls` prints it
    pub call_id: String,
    /// Print JSON for scripts: the call and its aligned rows
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Markdown with a citation for each statement
    #[arg(long)]
    pub markdown: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// One JSON object per article, one article per line
    #[arg(long, required = true)]
    pub jsonl: bool,
    /// Write to FILE (replaced whole, only once the export is complete) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date in the form YYYY-MM-DD"))
}

/// Run the program; returns the exit status.
pub fn main() -> i32 {
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m).map(|cli| (cli, m)));
    let (cli, matches) = match parsed {
        Ok(p) => p,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    let log_asked =
        matches.value_source("log_level") != Some(clap::parser::ValueSource::DefaultValue);
    match run(cli, log_asked) {
        Ok(code) => code,
        // A reader that stopped reading (`| head`) is no failure.
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "command failed");
            // Messages quote paths and ids, which may hold escape sequences.
            eprintln!(
                "parallax: {}",
                crate::sanitize::for_terminal(&format!("{e:#}"), true)
            );
            1
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli, log_asked: bool) -> Result<i32> {
    match &cli.command {
        Some(Command::Config(args)) => return config_command(cli.config.as_deref(), args),
        Some(Command::Completions(args)) => return completions::completions(args),
        Some(Command::Man(args)) => return completions::man(args),
        _ => {}
    }
    // Only commands that touch the library log; a log that cannot be opened
    // is mentioned only when a level was asked for.
    if let Err(e) = crate::logging::init(cli.log_level)
        && log_asked
    {
        eprintln!("parallax: warning: {e}; going on without a log");
    }
    tracing::debug!(pid = std::process::id(), command = ?cli.command, "start");
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
    if let Command::Import(args) = &command {
        // Import opens the library itself: restoring an export into a new
        // library starts it empty.
        return import::run(&path, args);
    }
    let mut lib = Library::open(&path)?;
    match command {
        Command::List(args) => list::run(&mut lib, &args),
        Command::Show(args) => show::run(&mut lib, &args),
        Command::Calls(args) => calls::run_calls(&mut lib, &args),
        Command::Compare(args) => calls::run_compare(&mut lib, &args),
        Command::Export(args) => export::run(&lib, &args),
        Command::Import(_) | Command::Config(_) | Command::Completions(_) | Command::Man(_) => {
            unreachable!("handled before the library opens")
        }
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
