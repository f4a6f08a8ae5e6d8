//! Metadata the text states itself: a source suffix on the headline, a URL
//! line, a byline with a date. Lines used as metadata leave the body.

use chrono::NaiveDate;

use crate::model::Draft;

/// Fill what the draft lacks from what its text says.
pub fn sniff(draft: &mut Draft) {
    if draft.source.is_none()
        && let Some((title, source)) = split_source_suffix(&draft.title)
    {
        draft.title = title;
        draft.source = Some(source);
        // "Headline - Xinhua | English.news.cn": the agency nearer the headline.
        if let Some((title, inner)) = split_source_suffix(&draft.title) {
            draft.title = title;
            draft.source = Some(inner);
        }
    }
    if draft.source.is_none() {
        draft.source = draft
            .body
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(12)
            .find_map(dateline_agency);
    }
    let mut kept = Vec::new();
    for line in draft.body.lines() {
        let t = line.trim();
        if let Some(url) = url_line(t) {
            if draft.url.is_none() {
                draft.url = Some(url);
            }
            continue;
        }
        if is_byline(t) && draft.byline.is_none() {
            let (who, date) = read_byline(t);
            draft.byline = Some(who);
            if draft.published.is_none() {
                draft.published = date;
            }
            continue;
        }
        kept.push(line);
    }
    draft.body = kept.join("\n");
}

/// "Headline – POLITICO" → ("Headline", "POLITICO"). The suffix must be short
/// and capitalised, the headline long enough to be one.
pub fn split_source_suffix(title: &str) -> Option<(String, String)> {
    // "Headline – DW – 11/10/2021": the date after the site goes first.
    for sep in [" – ", " — ", " | ", " - "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && !tail.is_empty()
            && tail
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-' | ' '))
            && tail.chars().any(|c| c.is_ascii_digit())
        {
            return split_source_suffix(head.trim());
        }
    }
    // "Headline : worldnews": a Reddit page title ends with its subreddit.
    if let Some((head, tail)) = title.rsplit_once(" : ")
        && head.split_whitespace().count() >= 4
        && !tail.is_empty()
        && !tail.contains(' ')
        && tail.chars().all(|c| c.is_alphanumeric() || c == '_')
    {
        return Some((head.trim().to_string(), format!("r/{tail}")));
    }
    for sep in [" – ", " — ", " | ", " - "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (title[..at].trim(), title[at + sep.len()..].trim());
            let tail_words = tail.split_whitespace().count();
            let head_words = head.split_whitespace().count();
            // "— Kremlin", "- official": who said it, not who published it.
            const SAYERS: &[&str] = &[
                "kremlin",
                "white house",
                "elysee",
                "élysée",
                "pentagon",
                "downing street",
                "state department",
                "mfa",
                "ministry",
                "spokesman",
                "spokeswoman",
                "official",
                "officials",
                "source",
                "sources",
                "report",
                "reports",
                "media",
                "readout",
                "sources say",
            ];
            let sayer = SAYERS.contains(&tail.to_lowercase().as_str());
            if (1..=5).contains(&tail_words)
                && !sayer
                && head_words >= 4
                && tail.chars().next().is_some_and(|c| c.is_uppercase())
                && !tail.ends_with(['.', '?', '!'])
            {
                return Some((head.to_string(), tail.to_string()));
            }
        }
    }
    None
}

/// The agency of a dateline: "BEIJING, April 2 (Xinhua) --", "MOSCOW,
/// November 15. /TASS/.", "WASHINGTON (Reuters) -".
pub fn dateline_agency(line: &str) -> Option<String> {
    let t = line.trim();
    let head: String = t.chars().take(80).collect();
    if !t.chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    if let Some(agency) = place_date_agency(&head) {
        return Some(agency);
    }
    let first = head.split([',', ' ', '(']).next().unwrap_or("");
    if first.len() < 3
        || !first
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '.')
    {
        return None;
    }
    // "/TASS/."
    if let Some(a) = head.find(" /") {
        let rest = &head[a + 2..];
        if let Some(b) = rest.find('/') {
            let name = &rest[..b];
            if (2..=20).contains(&name.len())
                && name.chars().all(|c| c.is_alphanumeric() || c == ' ')
            {
                return Some(name.to_string());
            }
        }
    }
    // "(Xinhua) --", "(Reuters) -", "(AP) —".
    let open = head.find('(')?;
    let close = open + head[open..].find(')')?;
    let name = head[open + 1..close].trim();
    let after = head[close + 1..].trim_start();
    let words = name.split_whitespace().count();
    let dash =
        after.starts_with('-') || after.starts_with('\u{2014}') || after.starts_with('\u{2013}');
    (dash && (1..=3).contains(&words) && name.chars().next().is_some_and(char::is_uppercase))
        .then(|| name.to_string())
}

/// The agency of a dateline written "Riyadh, Rajab 14, 1442, February 26,
/// 2021, SPA --": a place, a date, and the agency last before the dash.
fn place_date_agency(head: &str) -> Option<String> {
    let dash = ["--", " \u{2014}", " \u{2013}"]
        .iter()
        .filter_map(|d| head.find(d))
        .min()?;
    let parts: Vec<&str> = head[..dash].split(',').map(str::trim).collect();
    if parts.len() < 3 {
        return None;
    }
    let (place, agency) = (parts[0], parts[parts.len() - 1]);
    // One to three capitalised words, no digits: "Riyadh", "Saudi Press Agency".
    let capitalised = |text: &str| {
        let words: Vec<&str> = text.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !text.chars().any(|c| c.is_ascii_digit())
    };
    let dated = parts[1..parts.len() - 1]
        .iter()
        .any(|p| p.chars().any(|c| c.is_ascii_digit()));
    (dated && capitalised(place) && capitalised(agency) && agency.len() <= 20)
        .then(|| agency.to_string())
}

/// A line that starts with a URL: the page's address, as aggregators print it.
fn url_line(line: &str) -> Option<String> {
    if !(line.starts_with("http://") || line.starts_with("https://")) {
        return None;
    }
    let url = line.split_whitespace().next()?;
    Some(strip_tracking(url))
}

/// Drop `utm_*` and similar tracking parameters.
pub fn strip_tracking(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let k = p.split('=').next().unwrap_or("");
            !(k.starts_with("utm_") || k == "fbclid" || k == "gclid")
        })
        .collect();
    if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

/// "by Jane Doe March 5, 2024 10:42 PM 2 min read".
pub fn is_byline(line: &str) -> bool {
    let t = line.trim();
    t.len() < 200
        && t.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "))
        && find_date(t).is_some()
}

fn read_byline(line: &str) -> (String, Option<NaiveDate>) {
    let t = line.trim();
    let rest = &t[3..];
    match find_date(rest) {
        Some((at, date)) => (
            rest[..at]
                .trim()
                .trim_end_matches(['|', ',', '·'])
                .trim()
                .to_string(),
            Some(date),
        ),
        None => (rest.trim().to_string(), None),
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() == 3 || w.len() == m.len() || w == "sept"))
        .map(|i| i as u32 + 1)
}

/// The first date written out in `text` ("March 5, 2024", "5 March 2024",
/// "2024-03-05"): its byte offset and value.
pub fn find_date(text: &str) -> Option<(usize, NaiveDate)> {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    for (i, &(at, w)) in words.iter().enumerate() {
        let num = |s: &str| s.trim_end_matches([',', '.']).parse::<u32>().ok();
        if let Some(m) = month_number(w) {
            // Month day, year
            if let (Some(d), Some(y)) = (
                words.get(i + 1).and_then(|x| num(x.1)),
                words.get(i + 2).and_then(|x| num(x.1)),
            ) && let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d)
                && y >= 1900
            {
                return Some((at, date));
            }
        }
        if let Some(d) = num(w)
            && let (Some(m), Some(y)) = (
                words.get(i + 1).and_then(|x| month_number(x.1)),
                words.get(i + 2).and_then(|x| num(x.1)),
            )
            && let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d)
            && y >= 1900
        {
            return Some((at, date));
        }
        // `get`: the tenth byte may fall inside a character.
        if let Some(head) = w.get(..10)
            && let Ok(date) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
        {
            return Some((at, date));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_suffix_leaves_the_title() {
        assert_eq!(
            split_source_suffix("Macron and Putin resume telephone contact – POLITICO"),
            Some((
                "Macron and Putin resume telephone contact".into(),
                "POLITICO".into()
            ))
        );
        assert_eq!(split_source_suffix("France: Putin told Macron"), None);
        assert_eq!(split_source_suffix("Short - Thing"), None);
        assert_eq!(
            split_source_suffix("Trump expects Ukraine to finish the probes : worldnews"),
            Some((
                "Trump expects Ukraine to finish the probes".into(),
                "r/worldnews".into()
            ))
        );
        assert_eq!(
            split_source_suffix("Xi Putin - Xinhua - 12/30/2022"),
            None,
            "a date goes, and then the headline is too short for a suffix"
        );
        assert_eq!(
            split_source_suffix("Merkel urges Putin to act on Belarus – DW – 11/10/2021"),
            Some(("Merkel urges Putin to act on Belarus".into(), "DW".into()))
        );
    }

    #[test]
    fn bylines_give_author_and_date() {
        let l = "by Dinara Khalilova and The Kyiv Independent news desk March 5, 2024 10:42 PM 2 min read";
        assert!(is_byline(l));
        let (who, date) = read_byline(l);
        assert_eq!(who, "Dinara Khalilova and The Kyiv Independent news desk");
        assert_eq!(date, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert!(!is_byline("By admin"));
        assert!(is_byline("By Jane Roe | 5 March 2024"));
    }

    #[test]
    fn datelines_name_their_agency() {
        assert_eq!(
            dateline_agency("BEIJING, April 2 (Xinhua) -- Chinese President Xi Jinping on Tuesday")
                .as_deref(),
            Some("Xinhua")
        );
        assert_eq!(
            dateline_agency("MOSCOW, November 15. /TASS/. Russian President").as_deref(),
            Some("TASS")
        );
        assert_eq!(
            dateline_agency("WASHINGTON (Reuters) - President Joe Biden").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            dateline_agency("PARIS — French President Emmanuel Macron (right)"),
            None
        );
        assert_eq!(
            dateline_agency("The talks (held in Geneva) - a first"),
            None
        );
        assert_eq!(
            dateline_agency("Riyadh, Rajab 14, 1442, February 26, 2021, SPA -- The Custodian")
                .as_deref(),
            Some("SPA")
        );
        assert_eq!(
            dateline_agency("Kyiv, March 1, 2022, Ukrinform — Foreign Minister").as_deref(),
            Some("Ukrinform")
        );
        // No date between the place and the name: a list, not a dateline.
        assert_eq!(
            dateline_agency("Paris, Berlin, Rome -- three capitals"),
            None
        );
        assert_eq!(
            dateline_agency("On Monday, 3 May, the leaders spoke -- briefly"),
            None
        );
    }

    #[test]
    fn url_lines_become_the_url_without_tracking() {
        let mut d = Draft {
            title: "T".into(),
            body: "Para.\n\nhttps://ex.org/a/?utm_source=x&id=3 Headline - X\n\nMore.".into(),
            ..Draft::default()
        };
        sniff(&mut d);
        assert_eq!(d.url.as_deref(), Some("https://ex.org/a/?id=3"));
        assert!(!d.body.contains("https://"));
    }

    #[test]
    fn a_word_with_a_character_across_its_tenth_byte_is_no_date() {
        assert_eq!(find_date("Z\u{301}\u{301}\u{301}\u{301}\u{301}#"), None);
    }

    #[test]
    fn dates_in_several_spellings() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(
            find_date("on Feb. 16, 2024 in").map(|x| x.1),
            d(2024, 2, 16)
        );
        assert_eq!(find_date("16 February 2024").map(|x| x.1), d(2024, 2, 16));
        assert_eq!(
            find_date("at 2024-02-16T10:00").map(|x| x.1),
            d(2024, 2, 16)
        );
        assert_eq!(find_date("May the force"), None);
        // A word of ten bytes that cuts a character in two.
        assert_eq!(find_date("the president’s office"), None);
    }
}
