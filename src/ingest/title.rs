//! Plain text: find the headline among the first lines, which scraped pages
//! often precede with site furniture, and take it out of the body.

use crate::model::Draft;

/// How many leading non-empty lines may hold the headline.
const HEAD_LINES: usize = 40;

/// Read a plain-text article: a headline, then the body. Lines above the
/// headline are the page's masthead and navigation; those that are not
/// prose leave the body.
pub fn read_plain(text: &str) -> Draft {
    let lines: Vec<&str> = text.lines().collect();
    let Some((title_at, title_end)) = find_title(&lines) else {
        return Draft {
            body: text.to_string(),
            ..Draft::default()
        };
    };
    let (mut title, agency) = headline_and_agency(lines[title_at].trim());
    for line in &lines[title_at + 1..=title_end] {
        title = format!("{title} {}", line.trim());
    }
    // The body is everything but the headline and its repeats right after it.
    let mut body = Vec::with_capacity(lines.len());
    let mut at_top = true;
    for (i, line) in lines.iter().enumerate() {
        if (title_at..=title_end).contains(&i) || (i < title_at && !is_prose(line)) {
            continue;
        }
        if i > title_end && at_top {
            if line.trim().is_empty() {
                continue;
            }
            if same_headline(line.trim(), &title) {
                continue;
            }
            at_top = false;
        }
        body.push(*line);
    }
    Draft {
        title,
        source: agency,
        body: body.join("\n"),
        masthead: lines[..title_at].iter().copied().find_map(masthead),
        ..Draft::default()
    }
}

/// A site's name standing alone above the headline: one to four words,
/// capitalised, no navigation or furniture.
fn masthead(line: &str) -> Option<String> {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    const NAV: &[&str] = &[
        "home", "news", "world", "menu", "sections", "search", "live", "video", "latest",
    ];
    let ok = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        && !looks_like_furniture(t)
        && !(words.len() == 1 && NAV.contains(&t.to_lowercase().as_str()))
        && !t.contains(['|', '>', '»', ':']);
    ok.then(|| t.to_string())
}

/// The headline a line holds: unglued, and without a "| Section | Site" tail
/// or a glued "-Agency" tail (the source suffix " – POLITICO" is metadata's).
fn headline_text(line: &str) -> String {
    headline_and_agency(line).0
}

/// [`headline_text`], and the agency a glued tail names ("...talks-Xinhua").
fn headline_and_agency(line: &str) -> (String, Option<String>) {
    let mut agency = None;
    let mut t = unglue(line).trim().to_string();
    if t.matches(" | ").count() >= 2
        && let Some((head, _)) = t.split_once(" | ")
        && head.split_whitespace().count() >= 4
    {
        t = head.trim().to_string();
    }
    if let Some(at) = t.rfind('-') {
        let (head, tail) = (&t[..at], &t[at + 1..]);
        let word_before = head.rsplit(' ').next().unwrap_or("");
        if !tail.is_empty()
            && !tail.contains(' ')
            && tail.chars().next().is_some_and(char::is_uppercase)
            && !word_before.is_empty()
            && word_before.chars().all(|c| c.is_lowercase())
            && head.split_whitespace().count() >= 3
        {
            agency = Some(tail.to_string());
            t = head.trim().to_string();
        }
    }
    (t, agency)
}

/// A headline printed twice with nothing between ("TitleTitle" or "Title Title").
pub fn unglue(line: &str) -> &str {
    let n = line.len();
    if n >= 8
        && n.is_multiple_of(2)
        && line.is_char_boundary(n / 2)
        && line[..n / 2] == line[n / 2..]
    {
        return &line[..n / 2];
    }
    if n >= 9 && n % 2 == 1 && line.is_char_boundary(n / 2) && line.is_char_boundary(n / 2 + 1) {
        let (a, b) = (&line[..n / 2], &line[n / 2 + 1..]);
        if a == b && line.as_bytes()[n / 2] == b' ' {
            return a;
        }
    }
    line
}

fn same_headline(line: &str, title: &str) -> bool {
    let l = headline_text(line);
    let k = |s: &str| key(s.trim_end_matches(['.', ' ']));
    k(&l) == k(title) || k(line).ends_with(&k(title)) && k(title).len() >= 20
}

fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Running prose: a long line ending a sentence, full of small words.
fn is_prose(line: &str) -> bool {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if t.chars().count() < 120 || !t.ends_with(['.', '"', '\u{201d}']) {
        return false;
    }
    const SMALL: &[&str] = &[
        "the", "a", "an", "of", "to", "in", "and", "on", "for", "with", "that", "said", "by", "at",
        "as", "is", "was", "his", "her", "their", "from",
    ];
    let small = words
        .iter()
        .filter(|w| SMALL.contains(&w.to_lowercase().as_str()))
        .count();
    small * 5 >= words.len()
}

/// The first line of a paragraph of prose printed with hard line breaks,
/// as PDF dumps and plain-text mail print it.
fn opens_wrapped_prose(lines: &[&str], at: usize) -> bool {
    if at > 0 && !lines[at - 1].trim().is_empty() {
        return false;
    }
    let block: Vec<&str> = lines[at..]
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .take(50)
        .map(|l| l.trim())
        .collect();
    block.len() >= 2 && is_prose(&block.join(" "))
}

/// A line under a headline that says who wrote it or when.
fn is_byline_or_date(line: &str) -> bool {
    let t = line.trim();
    let l = t.to_lowercase();
    t.len() < 160
        && (l.starts_with("by ")
            || l.starts_with("author:")
            || l.starts_with("authors:")
            || l.starts_with("written by")
            || l.starts_with("prepared by")
            || l.starts_with("compiled by")
            || l.starts_with("reporting from")
            || l.ends_with(" and agencies")
            || l.ends_with(" with agencies")
            || l.ends_with(" with afp")
            || l.ends_with(" with reuters")
            || l.contains(" news desk")
            || (t.split_whitespace().count() <= 10
                && [
                    "correspondent",
                    "editor",
                    "reporter",
                    "writer",
                    "bureau chief",
                    "columnist",
                ]
                .iter()
                .any(|w| l.ends_with(w) || l.strip_suffix('s').is_some_and(|l| l.ends_with(w))))
            || l.starts_with("updated")
            || l.starts_with("published")
            || l.starts_with("posted")
            || super::metadata::find_date(t).is_some()
            || t.split_whitespace().any(is_clock))
}

/// "10:42", "6:51", "19:10,": a time of day.
fn is_clock(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    let Some((h, m)) = w.split_once(':') else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
}

/// The lines above the body, among which the headline is, and what the
/// page says further down.
struct Head<'a> {
    lines: &'a [&'a str],
    /// The non-blank lines above the first paragraph of prose.
    at: Vec<usize>,
    /// The page below the head, folded as [`key`] folds: a site's name
    /// printed again in a footer ("© TASS", "More from ...") shows there.
    rest: String,
}

impl<'a> Head<'a> {
    fn of(lines: &'a [&'a str]) -> Head<'a> {
        let mut at: Vec<usize> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if l.trim().is_empty() {
                continue;
            }
            if (is_prose(l) || opens_wrapped_prose(lines, i))
                && !looks_like_furniture(l)
                && !at.is_empty()
            {
                break;
            }
            at.push(i);
            if at.len() >= HEAD_LINES {
                break;
            }
        }
        let from = at.last().map_or(0, |&i| i + 1);
        let rest = lines[from.min(lines.len())..]
            .iter()
            .map(|l| key(l))
            .collect::<Vec<_>>()
            .join(" ");
        Head { lines, at, rest }
    }

    fn line(&self, k: usize) -> &'a str {
        self.lines[self.at[k]].trim()
    }

    /// The headline candidate `k` holds, with a wrapped second line joined
    /// ("... keep channel open" / "ahead of Riyadh talks"), and the index of
    /// its last line.
    fn candidate(&self, k: usize) -> (String, usize) {
        let text = headline_text(self.line(k));
        match continuation(self.lines, self.at[k]) {
            Some(next) => (format!("{} {}", text, self.lines[next].trim()), next),
            None => (text, self.at[k]),
        }
    }
}

/// The line right under a headline that goes on with it: a wrap, as PDF
/// dumps print a long headline, beginning in lower case.
fn continuation(lines: &[&str], at: usize) -> Option<usize> {
    let here = lines[at].trim();
    let next = lines.get(at + 1)?.trim();
    let words = next.split_whitespace().count();
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    (starts_lower
        && (1..=8).contains(&words)
        && here.split_whitespace().count() >= 3
        && !here.ends_with(['.', ':', '!', '?'])
        && !next.ends_with(['.', ':'])
        && !looks_like_furniture(next))
    .then_some(at + 1)
}

/// The same headline on a line next to this one (a title printed twice,
/// or over a "| Section | Site" copy of itself).
fn repeated_near(head: &Head, k: usize, key_here: &str) -> bool {
    key_here.len() >= 12
        && head
            .at
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k && j.abs_diff(k) <= 2)
            .any(|(_, &i)| {
                key(&headline_text(head.lines[i].trim())) == key_here
                    || key(head.lines[i]).ends_with(key_here)
            })
}

/// The next `n` lines after `at` that are not blank (the headline's
/// standfirst, byline and date may lie past the first paragraph of prose).
fn next_lines(lines: &[&str], at: usize, n: usize) -> Vec<usize> {
    (at + 1..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(n)
        .collect()
}

/// A row of links: three cells or more, and not the share buttons that
/// sit under many headlines.
fn is_navigation(line: &str) -> bool {
    let t = line.trim();
    let cells = t
        .split(['|', '·', '•', '»', '>'])
        .filter(|c| !c.trim().is_empty())
        .count()
        + t.matches("  ").count();
    let lower = t.to_lowercase();
    let shares = ["share", "facebook", "twitter", "whatsapp", "email", "print"]
        .iter()
        .any(|w| lower.contains(w));
    cells >= 3 && !shares && !is_byline_or_date(t)
}

/// How strongly a byline or a date under the line says it is the headline:
/// most when right under it or under its standfirst; less a few lines down,
/// and not at all past a row of links (a masthead's date line).
fn byline_below(lines: &[&str], last: usize) -> f32 {
    let below = next_lines(lines, last, 4);
    for (n, &i) in below.iter().enumerate() {
        if is_byline_or_date(lines[i]) {
            return if n <= 1 { 2.5 } else { 1.5 };
        }
        if is_navigation(lines[i]) {
            return 0.0;
        }
    }
    0.0
}

/// Signs that a line is the headline and not just any line: printed twice,
/// glued to itself, or a byline or date under it.
fn has_evidence(head: &Head, k: usize) -> bool {
    let line = head.line(k);
    let key_here = key(&headline_text(line));
    let (_, last) = head.candidate(k);
    repeated_near(head, k, &key_here)
        || unglue(line) != line
        || byline_below(head.lines, last) > 0.0
}

/// Two sentences on one line ("... in Rome. Draghi said ..."): a caption or
/// a standfirst, not a headline.
fn holds_two_sentences(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|w| {
        let ends = w[0].ends_with('.') && {
            let stem = w[0].trim_end_matches('.');
            // Not "U.S.", "Mr.", "St." or an initial.
            stem.chars().count() >= 3
                && !stem.contains('.')
                && stem.chars().last().is_some_and(char::is_lowercase)
        };
        ends && w[1].chars().next().is_some_and(char::is_uppercase)
    })
}

/// A label that runs before a headline rather than being one
/// ("LIVE: ...", "Breaking: ...").
fn is_ticker(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "live:",
        "live updates:",
        "breaking:",
        "breaking news:",
        "just in:",
        "developing:",
        "watch:",
        "video:",
        "listen:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// A short call to action: "Read TASS in Russian", "Follow us on ...".
fn is_call_to_action(text: &str) -> bool {
    const VERBS: &[&str] = &[
        "read", "listen", "watch", "follow", "download", "get", "join", "support", "share",
        "click", "tap", "print", "copy", "see", "view", "visit",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 6
        && words
            .first()
            .is_some_and(|w| VERBS.contains(&w.to_lowercase().as_str()))
}

/// How much a line looks like the headline of the page.
fn headline_score(head: &Head, k: usize) -> f32 {
    let lines = head.lines;
    let line = head.line(k);
    let (text, last) = head.candidate(k);
    let words = text.split_whitespace().count();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let mut score = 0.0;
    // Section labels are shorter than headlines, standfirsts longer.
    score += match words {
        0..=1 => -3.0,
        2 => -1.5,
        3 => -0.5,
        4..=5 => 0.0,
        6..=16 => 1.0,
        17..=24 => 0.5,
        25..=30 => 0.0,
        _ => -2.0,
    };
    // Short lines in capitals are mastheads and labels; long ones, headlines.
    if letters.len() >= 4 && upper * 10 >= letters.len() * 8 && words <= 5 {
        score -= 3.0; // a masthead or section label in capitals
    }
    let furniture = looks_like_furniture(line)
        || is_byline_or_date(line)
        || line.starts_with('©')
        || line.to_lowercase().starts_with("(c)");
    if furniture {
        score -= 4.0;
    }
    // One item of a menu printed a link a line.
    if words <= 3 && in_menu(head, k) {
        score -= 2.0;
    }
    if is_call_to_action(&text) {
        score -= 4.0;
    }
    let ticker = is_ticker(&text);
    if ticker {
        score -= 2.5;
    }
    let cells = line.split(['|', '·', '•', '»', '>']).count() + line.matches("  ").count();
    if cells >= 3 && text == line {
        score -= 4.0; // a navigation row
    }
    // A breadcrumb: "Conflicts | Russian invasion of Ukraine".
    if let Some((first, _)) = line.split_once(" | ")
        && first.split_whitespace().count() <= 2
    {
        score -= 3.0;
    }
    // A section label: "Russian Politics & Diplomacy", "Science & Tech".
    if words <= 4 && line.contains(" & ") {
        score -= 2.0;
    }
    // A table of contents: "1. Headline ....... 1".
    if line.contains("....") {
        score -= 5.0;
    }
    let sentence_like = text.ends_with('.') || text.ends_with(')');
    if sentence_like {
        score -= 2.0;
    }
    // "Article text for those who hit the paywall:" introduces; it is no headline.
    if text.ends_with(':') {
        score -= 3.0;
    }
    // Right under a line that reads as a headline: a standfirst.
    if k > 0 && reads_as_headline(head.line(k - 1)) {
        score -= 0.5;
    }
    if holds_two_sentences(&text) {
        score -= 3.0;
    }
    // Headlines drop their articles; standfirsts keep them ("The previous
    // telephone conversation between the two leaders took place ...").
    let articles = text
        .split_whitespace()
        .filter(|w| ["the", "a", "an"].contains(&w.to_lowercase().as_str()))
        .count();
    if articles >= 2 && words >= 8 && articles * 8 > words {
        score -= 1.0;
    }
    // A masthead or tagline: a row of links under it, or its name printed
    // again further down the page ("© TASS Russian News Agency").
    let below = next_lines(lines, last, 1);
    if below.first().is_some_and(|&i| is_navigation(lines[i])) {
        score -= 3.0;
    }
    let key_here = key(&text);
    if words <= 6 && key_here.len() >= 6 && head.rest.contains(&key_here) {
        score -= 3.0;
    }
    // A photo caption: credits and picture words.
    let lower = line.to_lowercase();
    // "... on Monday night. Doug Mills/The New York Times": a photographer's credit.
    let credit_tail = line
        .rsplit_once(". ")
        .is_some_and(|(_, tail)| tail.contains('/') && tail.split_whitespace().count() <= 8);
    let credit_below = below
        .first()
        .is_some_and(|&i| lines[i].trim_start().starts_with('©'));
    if credit_tail
        || credit_below
        || [
            "photo",
            "picture",
            "file image",
            "getty",
            "afp)",
            "reuters)",
            "/ap",
            "(ap",
            "caption",
        ]
        .iter()
        .any(|w| lower.contains(w))
        || (line.ends_with(')') && line.rsplit_once('(').is_some_and(|(_, c)| c.contains('/')))
    {
        score -= 5.0;
    }
    // Printed twice, or glued to itself; below a byline, a line printed
    // twice is more often a caption or a subheading.
    let repeated = unglue(line) != line || repeated_near(head, k, &key(&headline_text(line)));
    if repeated && !sentence_like {
        // (A byline under another headline: "Posted by ... | date" under
        // the real one, a subheading printed twice further down.)
        let under_byline =
            (1..k).any(|j| is_byline_or_date(head.line(j)) && reads_as_headline(head.line(j - 1)));
        score += if under_byline { 1.0 } else { 3.0 };
    }
    // A byline or a date follows the headline, at once or under a standfirst
    // (but a "From:" line over a "Date:" line, or a "LIVE:" label over the
    // headline, is none).
    if !furniture && !ticker {
        score += byline_below(lines, last);
    }
    // Plain text puts its title on the first line.
    if k == 0 {
        score += 1.5;
    }
    // Earlier is likelier, but a long menu above the headline is no sign
    // against it.
    score - 0.1 * k.min(6) as f32
}

/// A line with a headline's shape: a few words, no final full stop, no
/// furniture or byline.
fn reads_as_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (6..=24).contains(&words)
        && !line.ends_with(['.', ':'])
        && !looks_like_furniture(line)
        && !is_byline_or_date(line)
        && !is_navigation(line)
}

/// Whether line `k` of the head sits among short lines printed one after
/// another, as a menu prints its links.
fn in_menu(head: &Head, k: usize) -> bool {
    let short = |j: usize| {
        head.at[j] == head.at[k] + j - k // no blank line between
            && head.line(j).split_whitespace().count() <= 4
    };
    let from = k.saturating_sub(2);
    let to = (k + 2).min(head.at.len() - 1);
    (from..=to)
        .collect::<Vec<_>>()
        .windows(3)
        .any(|w| w.iter().all(|&j| short(j)))
}

/// The headline's first and last lines among the first lines, up to the
/// first paragraph of prose.
fn find_title(lines: &[&str]) -> Option<(usize, usize)> {
    let head = Head::of(lines);
    let span = |k: usize| {
        let k = cleaner_repeat(&head, k);
        (head.at[k], head.candidate(k).1)
    };
    let first = *head.at.first()?;
    let best = (0..head.at.len())
        .map(|k| (headline_score(&head, k), k))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))?;
    // The first line is the title of plain text, unless another line shows
    // it is the headline (printed twice, a byline under it), or the first
    // line reads as no headline at all (a masthead, navigation, furniture).
    let first_score = headline_score(&head, 0);
    let first_holds = first_score > 0.0 && first_score + 1.0 >= best.0 && has_evidence(&head, 0);
    if (best.1 == 0 && first_score > -1.0) || first_holds {
        return Some(span(0));
    }
    if best.0 > 0.0 && has_evidence(&head, best.1) {
        return Some(span(best.1));
    }
    if first_score > -1.0 {
        return Some((first, head.candidate(0).1));
    }
    if best.0 > -1.0 {
        return Some((head.at[best.1], head.candidate(best.1).1));
    }
    // Nothing reads as a headline: plain text's first line that is no furniture.
    let k = (0..head.at.len())
        .find(|&k| !looks_like_furniture(head.line(k)))
        .unwrap_or(0);
    Some((head.at[k], head.at[k]))
}

/// The headline printed twice, once with a site's name after it ("... -
/// Xinhua | English.news.cn") and once bare: the bare one. (A site's name
/// alone is no bare copy: it is much shorter than the headline it starts.)
fn cleaner_repeat(head: &Head, k: usize) -> usize {
    let here = key(&headline_text(head.line(k)));
    (0..head.at.len())
        .filter(|&j| j.abs_diff(k) <= 6 && j != k)
        .find(|&j| {
            let other = key(&headline_text(head.line(j)));
            other.len() >= 12
                && other.len() < here.len()
                && other.len() * 3 >= here.len() * 2
                && here.starts_with(&other)
        })
        .unwrap_or(k)
}

/// Navigation, membership appeals and editing links printed above a headline.
fn looks_like_furniture(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "skip to",
        "skip next",
        "edit post",
        "become a member",
        "membership",
        "subscribe",
        "sign in",
        "log in",
        "sign up",
        "newsletter",
        "advertisement",
        "cookie",
        "donate",
        "support our",
        "funded by our readers",
        "menu",
        "search",
        "epaper",
        "trending",
        "follow us",
        "privacy",
        "homepage",
        "view this email",
        "from:",
        "subject:",
        "to:",
        "date:",
        "cc:",
    ];
    let l = line.trim().to_lowercase();
    if l.len() < 4 || l.starts_with("http://") || l.starts_with("https://") {
        return true;
    }
    WORDS.iter().any(|w| l.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_is_the_title() {
        let d = read_plain("Leaders speak by phone\n\nThe two spoke on Monday.");
        assert_eq!(d.title, "Leaders speak by phone");
        assert_eq!(d.body.trim(), "The two spoke on Monday.");
    }

    #[test]
    fn a_repeated_title_counts_once() {
        let d = read_plain("Leaders speak\n\nLeaders speak\n\nBody here.");
        assert_eq!(d.title, "Leaders speak");
        assert!(!d.body.contains("Leaders speak"));
    }

    #[test]
    fn a_title_glued_to_itself_is_split() {
        let d = read_plain("Macron calls PutinMacron calls Putin\n\nBody.");
        assert_eq!(d.title, "Macron calls Putin");
        assert_eq!(unglue("Ab cd Ab cd"), "Ab cd");
        assert_eq!(unglue("abab"), "abab");
    }

    #[test]
    fn furniture_above_the_headline_is_skipped() {
        let text = "Become a member now\nSkip to content\n\nThe real headline\n\nby Jane Doe March 5, 2024 10:42 PM\nBody.";
        assert_eq!(read_plain(text).title, "The real headline");
        let text = "Subscribe to our newsletter\nThe real headline\n\nBody.";
        assert_eq!(read_plain(text).title, "The real headline");
    }

    #[test]
    fn a_site_name_over_a_row_of_links_is_no_headline() {
        let text = "Daily Planet\nHome | World | Politics | Sport | Weather\n\nLeaders agree to keep talking after phone call\n\nBy Lois Lane | March 5, 2024\n\nBody.";
        assert_eq!(
            read_plain(text).title,
            "Leaders agree to keep talking after phone call"
        );
    }

    #[test]
    fn a_site_name_printed_again_in_the_footer_is_no_headline() {
        let text = "Border Ledger\n\nLeaders agree to keep talking after phone call\n\nThe two leaders spoke on Monday for an hour, and both said that the talks had been useful to them and to their countries.\n\n\u{a9} Border Ledger 2024";
        assert_eq!(
            read_plain(text).title,
            "Leaders agree to keep talking after phone call"
        );
    }

    #[test]
    fn a_live_label_over_the_headline_gives_way() {
        let text = "LIVE: War in Ukraine, day 6\n\nMinisters speak by phone as talks resume in Belarus\n\n01.03.2022 21:17\n\nBody.";
        assert_eq!(
            read_plain(text).title,
            "Ministers speak by phone as talks resume in Belarus"
        );
    }

    #[test]
    fn a_headline_wrapped_over_two_lines_is_joined() {
        let text = "Ministers agree to keep channel open\nahead of talks in Riyadh\n\nAuthor: Jane Doe, Senior Fellow\n\nBody.";
        let d = read_plain(text);
        assert_eq!(
            d.title,
            "Ministers agree to keep channel open ahead of talks in Riyadh"
        );
        assert!(!d.body.contains("ahead of talks"));
    }

    #[test]
    fn breadcrumbs_calls_to_action_and_standfirsts_are_passed_over() {
        let text = "Conflicts | War in Ukraine\nRead us in French\n\nChancellor presses president for ceasefire in long call\n\nThe two leaders spoke for the first time in weeks, and the chancellor asked for a truce\n\nKENJI MORI and ALICE WANG, staff writers\n\nBody.";
        assert_eq!(
            read_plain(text).title,
            "Chancellor presses president for ceasefire in long call"
        );
    }

    #[test]
    fn hard_wrapped_prose_ends_the_head() {
        let text = "POLICY INSTITUTE\n\nMinisters agree to keep talking\n\nOn Monday the two foreign ministers spoke by telephone and\nagreed that the talks would go on, the ministry said in a\nstatement published on its website that evening.\n\nMinister had had a productive call and that a meeting\nbetween them was not needed.";
        let d = read_plain(text);
        assert_eq!(d.title, "Ministers agree to keep talking");
        assert!(d.body.contains("On Monday the two foreign ministers"));
    }

    #[test]
    fn a_caption_printed_twice_under_the_byline_is_no_headline() {
        let text = "Ministers speak by phone as talks resume\nPosted by Desk | February 26, 2021\n\nThe minister in Rome. He said the talks went well\nThe minister in Rome. He said the talks went well\n\nBody.";
        assert_eq!(
            read_plain(text).title,
            "Ministers speak by phone as talks resume"
        );
    }
}
