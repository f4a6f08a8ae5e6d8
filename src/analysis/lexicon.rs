//! The party lexicon: what articles call each government, from `data/parties.toml`.

use anyhow::Result;

/// The bundled lexicon text.
pub const BUNDLED: &str = include_str!("../../data/parties.toml");

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    fingerprint: u64,
}

impl Lexicon {
    /// The lexicon bundled into the binary.
    pub fn bundled() -> Lexicon {
        Lexicon::from_toml(BUNDLED).expect("bundled lexicon parses")
    }

    /// Parse a lexicon file's text.
    pub fn from_toml(text: &str) -> Result<Lexicon> {
        Ok(Lexicon {
            fingerprint: blake3::hash(text.as_bytes()).as_bytes()[..8]
                .iter()
                .fold(0u64, |a, b| (a << 8) | *b as u64),
        })
    }

    /// Changes whenever the lexicon's content changes, so stored analyses made
    /// with another lexicon are redone.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}
