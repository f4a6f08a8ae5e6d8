//! Words only one side used. For one row of the side-by-side view, the
//! content words of each party's statements that no other party's statements
//! in that row use: what the Élysée mentioned and the Kremlin left out. Case
//! and diacritics are folded, stop words and the participants' names never
//! count, and English words are stemmed, so "corridors" meets "corridor" and
//! "Elysee" meets "Élysée". Pure: no I/O, no state.

use std::collections::HashSet;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;

use crate::filter::fold;

/// Function words, reporting verbs and the vocabulary of every call readout:
/// words both sides use or that say nothing about what was said.
const STOP: &str = "\
    a about above according added after again against all also am an and another any are \
    around as at be because been before being below between both but by call called calls \
    can could conversation did discussed do does doing down during each either even every \
    few for from further had has have having he her here hers herself him himself his how \
    however i if in into is it its itself just last leader leaders let made make many may me \
    might more most mr mrs ms much must my myself new no nor not now of off on once one only \
    or other our ours ourselves out over own phone president readout same said saying says \
    she should side sides since so some spoke statement still such talk talked talks \
    telephone than that the their theirs them themselves then there these they this those \
    though through thus to told too two under until up upon us very via was we were what \
    when where whether which while who whom whose why will with within without would yet you \
    your";

/// How words are compared: folded, stemmed, with names to leave out.
pub struct Vocabulary {
    stemmer: Stemmer,
    ignore: HashSet<String>,
}

impl Vocabulary {
    /// Stop words never count, nor do the words of `names`, the call's
    /// participants ("Emmanuel Macron"): every account names them, so
    /// their words are never a difference.
    pub fn new(names: &[String]) -> Vocabulary {
        let names = names
            .iter()
            .flat_map(|n| word_ranges(n).map(|r| fold(&n[r])).collect::<Vec<String>>());
        let ignore = STOP
            .split_whitespace()
            .map(str::to_string)
            .chain(names)
            .collect();
        Vocabulary {
            stemmer: Stemmer::create(Algorithm::English),
            ignore,
        }
    }

    /// What a word is compared as, or `None` for a word that never counts
    /// (stop words, names, single letters, lone digits).
    pub fn key(&self, word: &str) -> Option<String> {
        let folded = fold(word);
        let n = folded.chars().count();
        let digits = folded.chars().all(|c| c.is_ascii_digit());
        if n < 2 || (n < 3 && !digits) {
            return None;
        }
        if self.ignore.contains(&folded) {
            return None;
        }
        Some(self.stemmer.stem(&folded).into_owned())
    }

    /// For each side (the texts of one party's statements in a row), the
    /// keys of the words that side used and no other side did. Nothing
    /// stands out when fewer than two sides spoke.
    pub fn only_one_side(&self, sides: &[Vec<&str>]) -> Vec<HashSet<String>> {
        let used: Vec<HashSet<String>> = sides
            .iter()
            .map(|texts| {
                texts
                    .iter()
                    .flat_map(|t| word_ranges(t).filter_map(|r| self.key(&t[r])))
                    .collect()
            })
            .collect();
        if used.iter().filter(|u| !u.is_empty()).count() < 2 {
            return vec![HashSet::new(); sides.len()];
        }
        used.iter()
            .enumerate()
            .map(|(k, mine)| {
                mine.iter()
                    .filter(|w| {
                        !used
                            .iter()
                            .enumerate()
                            .any(|(j, other)| j != k && other.contains(*w))
                    })
                    .cloned()
                    .collect()
            })
            .collect()
    }
}

/// Byte ranges of the words of `text`: runs of letters and digits, with
/// the accents that follow a letter.
pub fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() || is_combining_mark(c) {
                chars.next();
            } else {
                end = i;
                break;
            }
        }
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary::new(&["Emmanuel Macron".into(), "Vladimir Putin".into()])
    }

    /// The keys of `words`, sorted, to compare with [`only`].
    fn keys(words: &[&str]) -> Vec<String> {
        let v = vocab();
        let mut k: Vec<String> = words.iter().filter_map(|w| v.key(w)).collect();
        k.sort();
        k
    }

    fn only(sides: &[&[&str]]) -> Vec<Vec<String>> {
        let sides: Vec<Vec<&str>> = sides.iter().map(|s| s.to_vec()).collect();
        vocab()
            .only_one_side(&sides)
            .into_iter()
            .map(|set| {
                let mut v: Vec<String> = set.into_iter().collect();
                v.sort();
                v
            })
            .collect()
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let t = "Élysée's 2-hour call, e\u{301}te\u{301}; 習近平!";
        let words: Vec<&str> = word_ranges(t).map(|r| &t[r]).collect();
        assert_eq!(
            words,
            vec![
                "Élysée",
                "s",
                "2",
                "hour",
                "call",
                "e\u{301}te\u{301}",
                "習近平"
            ]
        );
        assert_eq!(word_ranges("").count(), 0);
        assert_eq!(word_ranges(" — ").count(), 0);
    }

    #[test]
    fn keys_fold_case_and_accents_and_stem() {
        let v = vocab();
        assert_eq!(v.key("Élysée"), v.key("elysee"));
        assert_eq!(v.key("Corridors"), v.key("corridor"));
        assert_eq!(v.key("evacuation"), v.key("Evacuate"));
        assert_ne!(v.key("grain"), v.key("gas"));
    }

    #[test]
    fn stop_words_names_and_scraps_never_count() {
        let v = vocab();
        for w in [
            "the", "The", "said", "phone", "Macron", "PUTIN", "vladimir", "a", "x7",
        ] {
            assert_eq!(v.key(w), None, "{w}");
        }
        assert!(v.key("20").is_some(), "numbers of two digits or more count");
        assert!(v.key("Mariupol").is_some());
    }

    #[test]
    fn a_word_stands_out_only_on_the_side_that_used_it() {
        let got = only(&[
            &["Macron urged Russia to allow the evacuation of Mariupol, the Élysée said."],
            &["Putin said Russia was ready to let civilians leave Mariupol through corridors."],
        ]);
        assert_eq!(got[0], keys(&["allow", "Élysée", "evacuation", "urged"]));
        assert_eq!(got[1], keys(&["civilians", "corridors", "leave", "ready"]));
    }

    #[test]
    fn a_word_either_side_used_never_stands_out_whatever_its_form() {
        let got = only(&[
            &["The Élysée called for humanitarian corridors."],
            &["The Kremlin offered a humanitarian corridor, the Elysee was told."],
        ]);
        assert!(!got[0].iter().any(|w| w.starts_with("corridor")));
        assert!(!got[0].iter().any(|w| w.starts_with("elys")));
        assert_eq!(got[1], keys(&["Kremlin", "offered"]));
    }

    #[test]
    fn statements_of_one_side_are_pooled_and_three_sides_compare_with_all_others() {
        let got = only(&[
            &["Grain exports must resume.", "Sanctions hurt."],
            &["Sanctions must end."],
            &["Grain and gas."],
        ]);
        assert_eq!(got[0], keys(&["exports", "hurt", "resume"]));
        assert_eq!(got[1], keys(&["end"]));
        assert_eq!(got[2], keys(&["gas"]));
    }

    #[test]
    fn nothing_stands_out_when_only_one_side_spoke() {
        let got = only(&[&["Grain exports must resume."], &[]]);
        assert!(got.iter().all(Vec::is_empty));
        let got = only(&[&["Grain exports."], &["The, and of."]]);
        assert!(
            got.iter().all(Vec::is_empty),
            "stop words alone say nothing"
        );
    }
}
