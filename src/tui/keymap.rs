//! Key events to actions. Bindings are written as strings (`"ctrl-d"`,
//! `"shift-tab"`, `"G"`), so the help overlay can show them and a config
//! file could replace them.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::{Deserialize, Serialize};

use super::action::Action;

/// A key with its modifiers. Shift is folded into the char for letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Key {
        let code = match ev.code {
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        Key {
            code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parse `"j"`, `"G"`, `"ctrl-d"`, `"alt-x"`, `"enter"`, `"shift-tab"`, `"pgdn"`.
    pub fn parse(spec: &str) -> Option<Key> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = spec;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" => KeyCode::PageUp,
            "pgdn" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            s => {
                let mut cs = s.chars();
                let c = cs.next()?;
                if cs.next().is_some() {
                    return None;
                }
                KeyCode::Char(c)
            }
        };
        Some(Key { code, ctrl, alt })
    }

    /// How the help overlay writes it.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        let mut s = String::new();
        if self.ctrl {
            s.push_str("Ctrl-");
        }
        if self.alt {
            s.push_str("Alt-");
        }
        s.push_str(&base);
        s
    }
}

/// A binding as a config file would write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Binding {
    pub key: String,
    #[serde(flatten)]
    pub action: Action,
}

/// The keymap: ordered bindings, several keys per action allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

pub const DEFAULTS: &[(&str, Action)] = &[
    ("j", Action::Down),
    ("down", Action::Down),
    ("k", Action::Up),
    ("up", Action::Up),
    ("g", Action::Top),
    ("home", Action::Top),
    ("G", Action::Bottom),
    ("end", Action::Bottom),
    ("ctrl-d", Action::HalfPageDown),
    ("ctrl-u", Action::HalfPageUp),
    ("pgdn", Action::PageDown),
    ("pgup", Action::PageUp),
    ("/", Action::Filter),
    ("enter", Action::Open),
    ("c", Action::Compare),
    ("tab", Action::NextPane),
    ("shift-tab", Action::PrevPane),
    ("n", Action::Next),
    ("N", Action::Prev),
    ("b", Action::Bookmark),
    ("m", Action::ToggleRead),
    ("B", Action::BookmarksOnly),
    ("o", Action::OpenUrl),
    ("y", Action::Yank),
    ("?", Action::Help),
    ("esc", Action::Back),
    ("q", Action::Quit),
    ("ctrl-c", Action::Quit),
];

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: DEFAULTS
                .iter()
                .map(|(k, a)| (Key::parse(k).expect("default keys parse"), a.clone()))
                .collect(),
        }
    }
}

impl Keymap {
    /// Build from config-style bindings; unknown key names are reported.
    pub fn from_bindings(bindings: &[Binding]) -> Result<Keymap, String> {
        let mut out = Vec::new();
        for b in bindings {
            let key = Key::parse(&b.key).ok_or_else(|| format!("unknown key {:?}", b.key))?;
            out.push((key, b.action.clone()));
        }
        Ok(Keymap { bindings: out })
    }

    /// The action for a key press in normal mode. Releases and repeats of
    /// other kinds are ignored (Windows sends both press and release).
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        if ev.kind != KeyEventKind::Press {
            return None;
        }
        let key = Key::from_event(ev);
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| a.clone())
    }

    /// Keys bound to `action`, as the help writes them.
    pub fn keys_for(&self, action: &Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|(_, a)| a == action)
            .map(|(k, _)| k.label())
            .collect()
    }

    /// One entry per action, in binding order: (keys, description).
    pub fn help(&self) -> Vec<(String, &'static str)> {
        let mut seen: Vec<&Action> = Vec::new();
        let mut out = Vec::new();
        for (_, a) in &self.bindings {
            if seen.contains(&a) {
                continue;
            }
            seen.push(a);
            if let Some(d) = a.describe() {
                out.push((self.keys_for(a).join(" "), d));
            }
        }
        out
    }
}

/// Fixed keys of the filter line, for the help.
pub const FILTER_LINE_HELP: &[(&str, &str)] = &[
    ("", "While typing a filter:"),
    ("Enter", "keep the filter and go back to the list"),
    ("Esc", "clear the filter"),
    ("Ctrl-u", "clear the text"),
    ("Ctrl-w", "delete the last word"),
    ("↑ ↓ Ctrl-p/n", "move in the list"),
    ("(paste)", "pasted text goes into the filter, on one line"),
];

/// Everything the help overlay lists: the keymap, then the filter line.
pub fn help_entries(keymap: &Keymap) -> Vec<(String, &'static str)> {
    let mut v = keymap.help();
    v.push((String::new(), ""));
    v.extend(FILTER_LINE_HELP.iter().map(|(k, d)| (k.to_string(), *d)));
    v
}

/// Keys while the filter line is being edited: text goes into the query.
pub fn filter_action(keymap: &Keymap, ev: &KeyEvent) -> Option<Action> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    let key = Key::from_event(ev);
    Some(match (key.code, key.ctrl) {
        (KeyCode::Enter, _) => Action::FilterAccept,
        (KeyCode::Esc, _) => Action::Back,
        (KeyCode::Backspace, _) => Action::FilterBackspace,
        (KeyCode::Char('w'), true) => Action::FilterDeleteWord,
        (KeyCode::Char('u'), true) => Action::FilterClear,
        (KeyCode::Char('c'), true) => Action::Quit,
        (KeyCode::Char('n'), true) | (KeyCode::Down, _) => Action::Down,
        (KeyCode::Char('p'), true) | (KeyCode::Up, _) => Action::Up,
        (KeyCode::Char(ch), false) if !key.alt => Action::FilterInput { ch },
        _ => return keymap.action(ev),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn defaults_follow_the_design() {
        let km = Keymap::default();
        let a = |c, m| km.action(&press(c, m));
        assert_eq!(
            a(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Action::Down)
        );
        assert_eq!(
            a(KeyCode::Char('N'), KeyModifiers::SHIFT),
            Some(Action::Prev)
        );
        assert_eq!(
            a(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            a(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(
            a(KeyCode::Char('c'), KeyModifiers::NONE),
            Some(Action::Compare)
        );
        assert_eq!(
            a(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            a(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::PrevPane)
        );
        assert_eq!(a(KeyCode::Tab, KeyModifiers::SHIFT), Some(Action::PrevPane));
        assert_eq!(a(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn only_presses_count() {
        let km = Keymap::default();
        let mut ev = press(KeyCode::Char('q'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(km.action(&ev), None);
    }

    #[test]
    fn bindings_round_trip_through_serde() {
        let b = Binding {
            key: "ctrl-n".into(),
            action: Action::Next,
        };
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(json, r#"{"key":"ctrl-n","action":"next"}"#);
        let km = Keymap::from_bindings(&[serde_json::from_str(&json).unwrap()]).unwrap();
        assert_eq!(
            km.action(&press(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            Some(Action::Next)
        );
        assert!(
            Keymap::from_bindings(&[Binding {
                key: "nope".into(),
                action: Action::Quit
            }])
            .is_err()
        );
    }

    #[test]
    fn help_lists_every_bound_action_once() {
        let help = Keymap::default().help();
        assert!(
            help.iter()
                .any(|(k, d)| k == "j ↓" && d.starts_with("move down"))
        );
        assert!(help.iter().any(|(k, _)| k == "q Ctrl-c"));
        assert_eq!(help.len(), 23);
    }

    #[test]
    fn filter_line_takes_text() {
        let km = Keymap::default();
        let a = |c, m| filter_action(&km, &press(c, m));
        assert_eq!(
            a(KeyCode::Char('q'), KeyModifiers::NONE),
            Some(Action::FilterInput { ch: 'q' })
        );
        assert_eq!(
            a(KeyCode::Char('É'), KeyModifiers::SHIFT),
            Some(Action::FilterInput { ch: 'É' })
        );
        assert_eq!(a(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Back));
        assert_eq!(
            a(KeyCode::Enter, KeyModifiers::NONE),
            Some(Action::FilterAccept)
        );
        assert_eq!(
            a(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
    }
}
