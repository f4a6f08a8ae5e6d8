//! `config.toml`: the default library, the keymap and the theme. Read once at
//! start; a mistake is reported with the file, the line and the key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use toml::Spanned;

use crate::tui::action::Action;
use crate::tui::keymap::{DEFAULTS, Key, Keymap};
use crate::tui::theme::{Depth, Theme};

/// The default file, every setting commented out, as `parallax config --default` prints it.
pub const DEFAULT_FILE: &str = r##"# parallax configuration. Every setting is optional; remove the # to use one.
# Location: $XDG_CONFIG_HOME/parallax/config.toml (usually ~/.config/parallax),
# or the file given with --config.

# The library to open when neither --library nor $PARALLAX_LIBRARY is given.
# library = "~/news/library.db"

[keys]
# Each action takes a list of keys, which replaces its default keys.
# Keys: a character ("j", "G", "?"), or enter, esc, tab, shift-tab, backspace,
# space, up, down, left, right, home, end, pgup, pgdn; ctrl- and alt- go before
# any of them ("ctrl-d", "alt-enter"). A key may be bound to one action only.
# up = ["k", "up"]
# down = ["j", "down"]
# top = ["g", "home"]
# bottom = ["G", "end"]
# half_page_down = ["ctrl-d"]
# half_page_up = ["ctrl-u"]
# page_down = ["pgdn"]
# page_up = ["pgup"]
# filter = ["/"]
# open = ["enter"]
# compare = ["c"]
# next_pane = ["tab"]
# prev_pane = ["shift-tab"]
# next = ["n"]
# prev = ["N"]
# bookmark = ["b"]
# toggle_read = ["m"]
# bookmarks_only = ["B"]
# open_url = ["o"]
# yank = ["y"]
# help = ["?"]
# back = ["esc"]
# quit = ["q", "ctrl-c"]

[theme]
# "auto" (truecolor when $COLORTERM says so, else 256 colours; none under
# $NO_COLOR), "truecolor", "256" or "none".
# colours = "auto"

[theme.parties]
# A colour per party, as "#rrggbb".
# France = "#6ea0ff"
# Russia = "#ff786e"
"##;

/// Settings as read from the file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    library: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<String, Spanned<Vec<String>>>,
    #[serde(default)]
    theme: ThemeFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    colours: Option<Spanned<String>>,
    #[serde(default)]
    parties: BTreeMap<String, Spanned<String>>,
}

/// The configuration in force.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub library: Option<PathBuf>,
    pub keymap: Keymap,
    /// `None`: decide from the environment.
    pub depth: Option<Depth>,
    pub party_colours: BTreeMap<String, (u8, u8, u8)>,
}

impl Config {
    /// The theme: the file's choice of colours, else the environment's;
    /// `NO_COLOR` always wins, as its convention asks.
    pub fn theme(&self) -> Theme {
        let mut theme = Theme::detect();
        if theme.depth != Depth::None
            && let Some(d) = self.depth
        {
            theme.depth = d;
        }
        theme.parties = self.party_colours.clone();
        theme
    }
}

/// Where the config file is: `--config`, else `$XDG_CONFIG_HOME/parallax/config.toml`.
pub fn path(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = flag {
        return Some(p.to_path_buf());
    }
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(dirs::config_dir)
        .map(|d| d.join("parallax").join("config.toml"))
}

/// Load the configuration. A missing default file is no error; a missing
/// file named with `--config` is.
pub fn load(flag: Option<&Path>) -> Result<Config> {
    let Some(path) = path(flag) else {
        return Ok(Config::default());
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && flag.is_none() => {
            return Ok(Config::default());
        }
        Err(e) => return Err(e).with_context(|| format!("{}: cannot read", path.display())),
    };
    parse(&text).map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))
}

/// Parse a config file's text. Errors read `LINE: message`.
pub fn parse(text: &str) -> Result<Config> {
    let line = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let file: File = toml::from_str(text).map_err(|e| {
        let message = e.message().trim();
        match e.span() {
            Some(s) => match key_at(text, s.start) {
                Some(key) => anyhow::anyhow!("{}: {key}: {message}", line(s.start)),
                None => anyhow::anyhow!("{}: {message}", line(s.start)),
            },
            None => anyhow::anyhow!("1: {message}"),
        }
    })?;
    let mut config = Config::default();

    if let Some(lib) = file.library {
        config.library = Some(expand_home(lib.get_ref()));
    }

    if !file.keys.is_empty() {
        let mut bindings: Vec<(String, Action)> = DEFAULTS
            .iter()
            .map(|(k, a)| (k.to_string(), a.clone()))
            .collect();
        // Which action each key was given to in this file, and on what line.
        let mut claimed: std::collections::HashMap<Key, (&str, usize)> = Default::default();
        for (name, keys) in &file.keys {
            let at = line(keys.span().start);
            let action = bindable(name).ok_or_else(|| {
                anyhow::anyhow!(
                    "{at}: [keys] {name}: no such action (see `parallax config --default`)"
                )
            })?;
            for k in keys.get_ref() {
                let Some(key) = Key::parse(k) else {
                    bail!("{at}: [keys] {name}: {k:?} is not a key");
                };
                match claimed.get(&key) {
                    Some((other, other_at)) if other != name => bail!(
                        "{at}: [keys] {name}: {k:?} is already bound to {other} on line {other_at}"
                    ),
                    _ => {
                        claimed.insert(key, (name, at));
                    }
                }
            }
            bindings.retain(|(_, a)| *a != action);
            bindings.extend(keys.get_ref().iter().map(|k| (k.clone(), action.clone())));
        }
        // A key given to a new action leaves the action it had.
        let mut seen = std::collections::HashSet::new();
        let mut ordered: Vec<(String, Action)> = Vec::new();
        for (k, a) in bindings.into_iter().rev() {
            if seen.insert(Key::parse(&k)) {
                ordered.push((k, a));
            }
        }
        ordered.reverse();
        let bindings: Vec<crate::tui::keymap::Binding> = ordered
            .into_iter()
            .map(|(key, action)| crate::tui::keymap::Binding { key, action })
            .collect();
        config.keymap = Keymap::from_bindings(&bindings).map_err(|e| anyhow::anyhow!("{e}"))?;
    }

    if let Some(c) = &file.theme.colours {
        config.depth = match c.get_ref().as_str() {
            "auto" => None,
            "truecolor" => Some(Depth::True),
            "256" => Some(Depth::Indexed),
            "none" => Some(Depth::None),
            other => bail!(
                "{}: [theme] colours: {other:?} is not one of auto, truecolor, 256, none",
                line(c.span().start)
            ),
        };
    }
    for (party, colour) in &file.theme.parties {
        let rgb = parse_hex(colour.get_ref()).ok_or_else(|| {
            anyhow::anyhow!(
                "{}: [theme.parties] {party}: {:?} is not a colour like \"#6ea0ff\"",
                line(colour.span().start),
                colour.get_ref()
            )
        })?;
        config.party_colours.insert(party.clone(), rgb);
    }
    Ok(config)
}

/// The setting an error at `offset` is about, as `[table] key`: the nearest
/// `key =` line at or above it, under the nearest table header above that.
/// `None` when the error is not inside a setting (a stray character, say).
fn key_at(text: &str, offset: usize) -> Option<String> {
    let upto = &text[..offset.min(text.len())];
    let line_end = text[upto.len()..]
        .find('\n')
        .map_or(text.len(), |n| upto.len() + n);
    let mut key = None;
    for l in text[..line_end].lines().rev() {
        let t = l.trim_start();
        if t.starts_with('[') {
            let header = t.split(']').next()?.trim_start_matches('[').trim();
            return Some(match key {
                Some(k) => format!("[{header}] {k}"),
                None => format!("[{header}]"),
            });
        }
        if key.is_none() {
            key = assigned_key(t);
        }
    }
    key.map(String::from)
}

/// The key a `key = value` line sets (bare or quoted), if it is such a line.
fn assigned_key(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix('"') {
        let (k, after) = rest.split_once('"')?;
        return after.trim_start().starts_with('=').then_some(k);
    }
    let (k, _) = line.split_once('=')?;
    let k = k.trim();
    let bare = |c: char| c.is_ascii_alphanumeric() || "_-.".contains(c);
    (!k.is_empty() && k.chars().all(bare)).then_some(k)
}

/// The action a `[keys]` name stands for, if it is one a key can be bound to.
fn bindable(name: &str) -> Option<Action> {
    let action: Action = serde_json::from_value(serde_json::json!({ "action": name })).ok()?;
    action.describe().map(|_| action)
}

fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let n = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((n(0)?, n(2)?, n(4)?))
}

fn expand_home(p: &str) -> PathBuf {
    match p.strip_prefix("~/") {
        Some(rest) => dirs::home_dir()
            .map(|h| h.join(rest))
            .unwrap_or_else(|| PathBuf::from(p)),
        None => PathBuf::from(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn the_default_file_parses_to_the_defaults() {
        let c = parse(DEFAULT_FILE).unwrap();
        assert_eq!(c.keymap, Keymap::default());
        assert!(c.library.is_none() && c.depth.is_none() && c.party_colours.is_empty());
    }

    #[test]
    fn the_default_file_names_every_bindable_action() {
        for (_, action) in DEFAULTS {
            let name = serde_json::to_value(action).unwrap()["action"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(DEFAULT_FILE.contains(&format!("# {name} = ")), "{name}");
        }
    }

    #[test]
    fn keys_replace_an_actions_defaults() {
        let c = parse("[keys]\nquit = [\"x\"]\ndown = [\"ctrl-n\", \"down\"]\n").unwrap();
        assert_eq!(c.keymap.action(&press('x')), Some(Action::Quit));
        assert_eq!(c.keymap.action(&press('q')), None);
        assert_eq!(c.keymap.action(&press('k')), Some(Action::Up));
        assert_eq!(c.keymap.keys_for(&Action::Down).len(), 2);
    }

    #[test]
    fn a_key_moved_to_another_action_leaves_its_old_one() {
        let c = parse("[keys]\nbookmark = [\"m\"]\n").unwrap();
        assert_eq!(c.keymap.action(&press('m')), Some(Action::Bookmark));
        assert!(c.keymap.keys_for(&Action::ToggleRead).is_empty());
    }

    #[test]
    fn mistakes_name_the_line_and_the_key() {
        let e = parse("\n[keys]\nfly = [\"f\"]\n").unwrap_err().to_string();
        assert!(e.starts_with("3: ") && e.contains("fly"), "{e}");
        let e = parse("[keys]\nquit = [\"ctrl-\"]\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("2: ") && e.contains("ctrl-"), "{e}");
        let e = parse("[theme]\ncolours = \"many\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("2: ") && e.contains("many"), "{e}");
        let e = parse("[theme.parties]\nFrance = \"blue\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("2: ") && e.contains("France"), "{e}");
        let e = parse("libary = \"x\"\n").unwrap_err().to_string();
        assert!(e.starts_with("1: ") && e.contains("libary"), "{e}");
        let e = parse("[keys]\nfilter_input = [\"x\"]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no such action"), "{e}");
    }

    #[test]
    fn a_wrong_type_names_the_setting() {
        let e = parse("library = 3\n").unwrap_err().to_string();
        assert!(e.starts_with("1: library: "), "{e}");
        let e = parse("# keys\n[keys]\nquit = \"q\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("3: [keys] quit: "), "{e}");
        let e = parse("[theme]\ncolours = 256\n").unwrap_err().to_string();
        assert!(e.starts_with("2: [theme] colours: "), "{e}");
        let e = parse("[theme.parties]\n\"United States\" = 3\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("2: [theme.parties] United States: "), "{e}");
        let e = parse("[keys]\nquit = [\n  \"q\",\n  3,\n]\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("4: [keys] quit: "), "{e}");
    }

    #[test]
    fn a_repeated_setting_or_unknown_table_is_named() {
        let e = parse("library = \"a\"\nlibrary = \"b\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("2: library: "), "{e}");
        let e = parse("[colours]\nx = 1\n").unwrap_err().to_string();
        assert!(
            e.starts_with("1: [colours]") && e.contains("colours"),
            "{e}"
        );
    }

    #[test]
    fn one_key_for_two_actions_is_refused_with_both_lines() {
        let e = parse("[keys]\nhelp = [\"x\"]\nquit = [\"q\", \"x\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("3: [keys] quit: ") && e.contains("help on line 2"),
            "{e}"
        );
    }

    #[test]
    fn every_key_name_the_default_file_offers_parses() {
        let names = "enter esc tab shift-tab backspace space up down left right home end pgup pgdn";
        for name in names.split(' ') {
            assert!(DEFAULT_FILE.contains(name), "{name}");
            assert!(Key::parse(name).is_some(), "{name}");
            assert!(Key::parse(&format!("ctrl-{name}")).is_some(), "{name}");
            assert!(Key::parse(&format!("alt-{name}")).is_some(), "{name}");
        }
    }

    #[test]
    fn theme_and_library_settings_are_read() {
        let c = parse("library = \"/tmp/x.db\"\n[theme]\ncolours = \"256\"\n[theme.parties]\nFrance = \"#0a0B0c\"\n").unwrap();
        assert_eq!(c.library, Some(PathBuf::from("/tmp/x.db")));
        assert_eq!(c.depth, Some(Depth::Indexed));
        assert_eq!(c.party_colours["France"], (10, 11, 12));
    }
}
