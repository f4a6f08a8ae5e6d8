//! Readable, stable article ids: `2022-05-03-politico-macron-and-putin-resume`.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

/// Lowercase ASCII words joined by dashes; marks folded (`Élysée` → `elysee`).
pub fn slugify(text: &str, max_words: usize) -> String {
    let folded: String = text
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        // "Ukraine's" is one word.
        .filter(|c| !matches!(c, '\'' | '’'))
        .collect();
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max_words)
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("-")
}

/// The id an article would get, before any suffix that makes it unique.
pub fn article_id(published: Option<NaiveDate>, source: Option<&str>, title: &str) -> String {
    let mut parts = vec![match published {
        Some(d) => d.format("%Y-%m-%d").to_string(),
        None => "undated".to_string(),
    }];
    if let Some(s) = source.map(|s| slugify(s, 3)).filter(|s| !s.is_empty()) {
        parts.push(s);
    }
    let t = slugify(title, 4);
    parts.push(if t.is_empty() { "article".into() } else { t });
    parts.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_date_source_and_first_title_words() {
        assert_eq!(
            article_id(
                NaiveDate::from_ymd_opt(2022, 5, 3),
                Some("POLITICO"),
                "Macron and Putin resume telephone contact, but remain far apart"
            ),
            "2022-05-03-politico-macron-and-putin-resume"
        );
        assert_eq!(
            article_id(None, None, "Élysée: ¡Orbán!"),
            "undated-elysee-orban"
        );
        assert_eq!(article_id(None, None, "???"), "undated-article");
    }
}
