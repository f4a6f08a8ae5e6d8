//! Colours. Truecolor when the terminal says so, else the 256-colour palette;
//! under `NO_COLOR` a colourless theme built on reverse, bold and underline,
//! so the selection stays visible.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    None,
    Indexed,
    True,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub depth: Depth,
    /// Party colours from the config file, over the built-in ones.
    pub parties: BTreeMap<String, (u8, u8, u8)>,
}

/// (party, truecolor, 256-colour index). Known parties keep their colour
/// everywhere; others get one from the palette by name.
const KNOWN: &[(&str, (u8, u8, u8), u8)] = &[
    ("France", (110, 160, 255), 75),
    ("Russia", (255, 120, 110), 210),
    ("United States", (120, 210, 255), 117),
    ("China", (255, 200, 90), 221),
    ("Germany", (200, 170, 255), 183),
    ("Ukraine", (140, 220, 120), 114),
    ("United Kingdom", (255, 160, 210), 218),
];

const PALETTE: &[((u8, u8, u8), u8)] = &[
    ((120, 220, 200), 80),
    ((230, 180, 120), 180),
    ((180, 200, 120), 150),
    ((220, 140, 220), 176),
    ((160, 180, 220), 146),
];

impl Theme {
    /// From the environment: `NO_COLOR` (any non-empty value), `COLORTERM`.
    pub fn detect() -> Theme {
        Theme::from_env(
            std::env::var("NO_COLOR").ok().as_deref(),
            std::env::var("COLORTERM").ok().as_deref(),
        )
    }

    /// `NO_COLOR` set and not empty: no colour; `COLORTERM` truecolor or
    /// 24bit: RGB; otherwise the 256-colour palette.
    pub fn from_env(no_color: Option<&str>, colorterm: Option<&str>) -> Theme {
        let depth = if no_color.is_some_and(|v| !v.is_empty()) {
            Depth::None
        } else if matches!(colorterm, Some("truecolor" | "24bit")) {
            Depth::True
        } else {
            Depth::Indexed
        };
        Theme {
            depth,
            parties: BTreeMap::new(),
        }
    }

    pub fn mono() -> Theme {
        Theme {
            depth: Depth::None,
            parties: BTreeMap::new(),
        }
    }

    pub fn colour() -> Theme {
        Theme {
            depth: Depth::Indexed,
            parties: BTreeMap::new(),
        }
    }

    fn pick(&self, rgb: (u8, u8, u8), idx: u8) -> Option<Color> {
        match self.depth {
            Depth::None => None,
            Depth::Indexed => Some(Color::Indexed(idx)),
            Depth::True => Some(Color::Rgb(rgb.0, rgb.1, rgb.2)),
        }
    }

    fn fg(&self, rgb: (u8, u8, u8), idx: u8) -> Style {
        match self.pick(rgb, idx) {
            Some(c) => Style::new().fg(c),
            None => Style::new(),
        }
    }

    pub fn base(&self) -> Style {
        Style::new()
    }

    pub fn dim(&self) -> Style {
        match self.depth {
            Depth::None => Style::new().add_modifier(Modifier::DIM),
            _ => self.fg((140, 140, 150), 245),
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn unread(&self) -> Style {
        self.fg((240, 240, 240), 255).add_modifier(Modifier::BOLD)
    }

    pub fn accent(&self) -> Style {
        self.fg((255, 200, 90), 221)
    }

    /// The selected row: reverse video, which survives no colour at all.
    pub fn selected(&self) -> Style {
        match self.pick((50, 60, 90), 237) {
            Some(c) => Style::new().bg(c).add_modifier(Modifier::BOLD),
            None => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// Matched characters of the filter.
    pub fn matched(&self) -> Style {
        match self.depth {
            Depth::None => Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            _ => self.fg((255, 200, 90), 214).add_modifier(Modifier::BOLD),
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        match (self.depth, focused) {
            (Depth::None, true) => Style::new().add_modifier(Modifier::BOLD),
            (Depth::None, false) => Style::new().add_modifier(Modifier::DIM),
            (_, true) => self.fg((110, 160, 255), 75),
            (_, false) => self.fg((90, 90, 100), 240),
        }
    }

    pub fn status(&self) -> Style {
        match self.pick((40, 40, 50), 236) {
            Some(c) => Style::new().bg(c),
            None => Style::new(),
        }
    }

    pub fn error(&self) -> Style {
        self.fg((255, 110, 110), 203).add_modifier(Modifier::BOLD)
    }

    /// A party's tint. Without colour, parties differ by underline or italic.
    pub fn party(&self, party: &str) -> Style {
        if self.depth == Depth::None {
            let odd = party.bytes().fold(0u32, |a, b| a.wrapping_add(b as u32)) % 2 == 1;
            return if party == "Russia" || (party != "France" && odd) {
                Style::new().add_modifier(Modifier::ITALIC)
            } else {
                Style::new().add_modifier(Modifier::UNDERLINED)
            };
        }
        if let Some(rgb) = self.parties.get(party) {
            return self.fg(*rgb, nearest_256(*rgb));
        }
        if let Some((_, rgb, idx)) = KNOWN.iter().find(|(p, _, _)| *p == party) {
            return self.fg(*rgb, *idx);
        }
        let h = party
            .bytes()
            .fold(5381u32, |a, b| a.wrapping_mul(33) ^ b as u32) as usize;
        let (rgb, idx) = PALETTE[h % PALETTE.len()];
        self.fg(rgb, idx)
    }

    /// Words only one side used.
    pub fn unique_word(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The statement or account the cursor is on.
    pub fn current(&self) -> Style {
        self.selected()
    }
}

/// The 256-colour cube entry nearest an RGB colour.
fn nearest_256((r, g, b): (u8, u8, u8)) -> u8 {
    let step = |c: u8| ((c as u16 * 5 + 127) / 255) as u8;
    16 + 36 * step(r) + 6 * step(g) + step(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_from_the_environment() {
        assert_eq!(
            Theme::from_env(Some("1"), Some("truecolor")).depth,
            Depth::None
        );
        assert_eq!(
            Theme::from_env(Some(""), Some("truecolor")).depth,
            Depth::True
        );
        assert_eq!(Theme::from_env(None, Some("24bit")).depth, Depth::True);
        assert_eq!(Theme::from_env(None, None).depth, Depth::Indexed);
    }

    #[test]
    fn parties_keep_their_colour_and_mono_uses_no_colour() {
        let c = Theme::from_env(None, None);
        assert_eq!(c.party("France").fg, Some(Color::Indexed(75)));
        assert_ne!(c.party("France"), c.party("Russia"));
        assert_eq!(c.party("Brazil"), c.party("Brazil"));
        let t = Theme::from_env(None, Some("truecolor"));
        assert!(matches!(t.party("Russia").fg, Some(Color::Rgb(..))));
        let m = Theme::mono();
        for st in [
            m.party("France"),
            m.party("Russia"),
            m.selected(),
            m.matched(),
            m.dim(),
        ] {
            assert_eq!((st.fg, st.bg), (None, None));
        }
        assert_ne!(m.party("France"), m.party("Russia"));
        assert!(m.selected().add_modifier.contains(Modifier::REVERSED));
    }
}
