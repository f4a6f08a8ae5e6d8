//! Analysis: pure functions from an ingested draft to paragraphs, sentences,
//! attributed accounts and the call the article reports; then, across
//! articles, calls grouped and their accounts aligned. No I/O here.
//!
//! Stages, one file each: `clean` (site furniture out, paragraphs kept) →
//! `sentences` (segmentation) → `report` (the call an article reports) →
//! `accounts` (which sentences give which party's account) → across
//! articles, `calls` (grouping) and `align` (rows for the side-by-side view).
//! Helpers: `text` (folding, tokens), `lexicon` (parties and topics),
//! `mentions` (who a sentence names), `speech` (who is said to say what),
//! `dates`, `terms` (content words).

pub mod accounts;
pub mod align;
pub mod calls;
pub mod clean;
pub mod dates;
pub mod lexicon;
pub mod mentions;
pub mod report;
pub mod sentences;
pub mod speech;
pub mod terms;
pub mod text;

use crate::model::{Analysis, Draft};
pub use lexicon::Lexicon;
use mentions::Parsed;

/// Bump when any rule changes: stored results with another version are redone.
pub const ANALYZER_VERSION: u32 = 4;

/// Sentences longer than this are not read for accounts (no sentence of a
/// news article is; a pasted blob is not one either), which keeps the work
/// linear in the input.
const MAX_SENTENCE: usize = 4000;

/// Analyse one article.
pub fn analyze(draft: &Draft, lexicon: &Lexicon) -> Analysis {
    let paragraphs = clean::clean(&draft.title, &draft.body);
    let mut sentences = sentences::split(&paragraphs);
    let year = draft.published.map(|d| chrono::Datelike::year(&d));
    let mut parsed: Vec<Parsed> = sentences
        .iter()
        .map(|s| {
            if s.text.len() > MAX_SENTENCE {
                Parsed::in_year("", lexicon, year)
            } else {
                Parsed::in_year(&s.text, lexicon, year)
            }
        })
        .collect();
    let mut title = Parsed::in_year(&draft.title, lexicon, year);
    // "Wang Yi" named once is "Wang" after.
    let aliases = mentions::article_aliases(&parsed, lexicon);
    if !aliases.is_empty() {
        for p in parsed.iter_mut().chain(std::iter::once(&mut title)) {
            p.with_aliases(lexicon, year, &aliases);
        }
    }
    let found = report::find(&title, &parsed, draft.published, lexicon);
    if let Some(f) = &found {
        let paragraph: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
        let ctx = accounts::Context {
            parties: &f.parties,
            people: &f.people,
            date: f.report.date,
            published: draft.published,
            // Whose copy it is: the agency of the dateline, else the source.
            outlet: paragraphs
                .iter()
                .take(4)
                .find_map(|p| crate::ingest::dateline_agency(p))
                .and_then(|a| outlet(&a, lexicon))
                .or_else(|| draft.source.as_deref().and_then(|s| outlet(s, lexicon)))
                .or_else(|| draft.masthead.as_deref().and_then(|s| outlet(s, lexicon)))
                .or_else(|| draft.masthead.as_deref().and_then(|s| own_site(s, lexicon))),
            home: paragraphs.first().and_then(|p| dateline_home(p, lexicon)),
        };
        let parties = accounts::attribute(&parsed, &paragraph, &ctx, lexicon);
        for (s, ps) in sentences.iter_mut().zip(parties) {
            // "¹ US Department of State, readout": a footnote cites, and
            // "(PHOTO NOT FOR SALE) (Yonhap)" credits; neither tells anything.
            if s.text
                .starts_with(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰'])
                || (words_outside_brackets(&s.text) < 3 && s.text.contains(['(', '[']))
            {
                continue;
            }
            s.parties = ps
                .into_iter()
                .map(|p| lexicon.parties[p].name.clone())
                .collect();
        }
    }
    // Names as the article spells them when it writes them without their
    // marks ("Viktor Orban" for the lexicon's "Viktor Orbán").
    let mut found = found;
    if let Some(f) = &mut found {
        let whole: String = std::iter::once(draft.title.as_str())
            .chain(sentences.iter().map(|s| s.text.as_str()))
            .collect::<Vec<_>>()
            .join("\n");
        for name in &mut f.report.participants {
            let plain = text::fold(name);
            let surname = name.rsplit(' ').next().unwrap_or(name.as_str());
            if plain != *name && !whole.contains(surname) && whole.contains(&plain) {
                *name = plain;
            }
        }
    }
    Analysis {
        version: ANALYZER_VERSION,
        paragraphs,
        sentences,
        call: found.map(|f| f.report),
    }
}

/// The government whose state media `source` names, if it does: "Xinhua",
/// "TASS Russian News Agency".
fn outlet(source: &str, lexicon: &Lexicon) -> Option<lexicon::PartyId> {
    let tokens = text::tokens(&text::fold(source));
    lexicon
        .matches(&tokens)
        .into_iter()
        .find_map(|m| match m.entity {
            lexicon::Entity::Media(p) => Some(p),
            _ => None,
        })
}

/// How many words a sentence has outside its brackets.
fn words_outside_brackets(text: &str) -> usize {
    let mut depth = 0usize;
    let mut outside = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    outside
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The government whose own site prints its office's name, and nothing
/// else, above the headline ("European Commission", "The Kremlin"): a
/// press release, its government's account throughout.
fn own_site(masthead: &str, lexicon: &Lexicon) -> Option<lexicon::PartyId> {
    let tokens = text::tokens(&text::fold(masthead));
    let from = usize::from(tokens.first().is_some_and(|t| t.lower == "the"));
    lexicon
        .matches(&tokens)
        .into_iter()
        .find_map(|m| match m.entity {
            lexicon::Entity::Office(p) if m.start == from && m.end == tokens.len() => Some(p),
            _ => None,
        })
}

/// The government of a dateline's city: "SEOUL, June 6 (Yonhap) --",
/// "MOSCOW, November 15. /TASS/.", "WASHINGTON (AP) —".
fn dateline_home(paragraph: &str, lexicon: &Lexicon) -> Option<lexicon::PartyId> {
    let head: String = paragraph.chars().take(40).collect();
    let city: String = head
        .split([',', '(', '\u{2014}', '\u{2013}'])
        .next()?
        .trim()
        .split('/')
        .next()?
        .to_string();
    if city.is_empty() || city.len() > 20 || city.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    // "NEW DELHI" → "New Delhi", as the lexicon writes places.
    let titled: String = city
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_string() + &c.as_str().to_lowercase()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let tokens = text::tokens(&text::fold(&titled));
    lexicon.match_at(&tokens, 0).and_then(|m| match m.entity {
        lexicon::Entity::Place(p) | lexicon::Entity::Country(p) if m.end == tokens.len() => Some(p),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_office_alone_above_the_headline_is_its_own_site() {
        let lex = Lexicon::bundled();
        let name = |p: Option<lexicon::PartyId>| p.map(|p| lex.parties[p].name.clone());
        assert_eq!(
            name(own_site("European Commission", &lex)).as_deref(),
            Some("European Union")
        );
        assert_eq!(
            name(own_site("The Kremlin", &lex)).as_deref(),
            Some("Russia")
        );
        assert_eq!(own_site("Kremlin Watch Weekly", &lex), None);
    }

    #[test]
    fn a_credit_in_brackets_is_no_sentence_of_an_account() {
        assert_eq!(words_outside_brackets("(PHOTO NOT FOR SALE) (Yonhap)"), 0);
        assert_eq!(
            words_outside_brackets("Putin agreed (the Kremlin said)."),
            2
        );
        assert_eq!(words_outside_brackets("The two leaders agreed."), 4);
    }

    #[test]
    fn a_footnote_gives_no_account() {
        let draft = Draft {
            title: "Macron and Putin speak by phone".into(),
            body: "Macron spoke with Putin by phone on Tuesday, the Elysee said.\n\n\u{b9} Elysee, readout of the call, 3 May 2022.".into(),
            published: chrono::NaiveDate::from_ymd_opt(2022, 5, 3),
            ..Draft::default()
        };
        let a = analyze(&draft, &Lexicon::bundled());
        assert!(a.call.is_some());
        let cited: Vec<&str> = a
            .sentences
            .iter()
            .filter(|s| !s.parties.is_empty())
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(
            cited,
            ["Macron spoke with Putin by phone on Tuesday, the Elysee said."]
        );
    }

    #[test]
    fn a_dateline_city_tells_the_home_government() {
        let lex = Lexicon::bundled();
        let name = |p: Option<lexicon::PartyId>| p.map(|p| lex.parties[p].name.clone());
        assert_eq!(
            name(dateline_home(
                "SEOUL, June 6 (Yonhap) -- President Lee",
                &lex
            ))
            .as_deref(),
            Some("South Korea")
        );
        assert_eq!(
            name(dateline_home("MOSCOW, November 15. /TASS/. Putin", &lex)).as_deref(),
            Some("Russia")
        );
        assert_eq!(
            name(dateline_home("PARIS — French President", &lex)).as_deref(),
            Some("France")
        );
        assert_eq!(
            dateline_home("The two leaders spoke on Monday.", &lex),
            None
        );
    }

    #[test]
    fn state_media_of_the_dateline_agency_narrate_for_their_government() {
        let lex = Lexicon::bundled();
        let draft = Draft {
            title: "Xi, Biden hold phone talks".into(),
            published: chrono::NaiveDate::from_ymd_opt(2024, 4, 2),
            body: "BEIJING, April 2 (Xinhua) -- Chinese President Xi Jinping on Tuesday had a phone conversation with U.S. President Joe Biden.\n\nBiden said the United States does not seek a new Cold War.\n\nThe two presidents agreed to stay in touch.".into(),
            ..Draft::default()
        };
        let a = analyze(&draft, &lex);
        let parties: Vec<Vec<String>> = a.sentences.iter().map(|s| s.parties.clone()).collect();
        assert_eq!(parties, [vec!["China"], vec!["China"], vec!["China"]]);
    }
}
