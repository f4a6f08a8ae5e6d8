//! Cleaning: site furniture out, real paragraphs and subheadings kept.
//!
//! Scraped pages arrive with their navigation, membership appeals, image
//! captions, teasers for other stories and whole news feeds. The signals are
//! general, after jusText: each block is judged by its length, how much of it
//! is function words (running prose is full of them, furniture is not), its
//! punctuation, furniture vocabulary and repetition; short blocks then take
//! the class of their neighbours; an end-of-article marker ("Related
//! Articles", "News Feed") ends the article once some of it has been read.

use super::text::{WordSet, fold};

/// Function words: their share tells prose from furniture.
static STOP: WordSet = WordSet::new(&[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "more", "no", "not", "of", "on", "one",
    "or", "our", "out", "over", "said", "she", "so", "such", "than", "that", "the", "their",
    "them", "there", "these", "they", "this", "those", "to", "two", "up", "was", "we", "were",
    "what", "when", "which", "while", "who", "will", "with", "would", "you", "your", "between",
    "during", "against", "any", "both", "each", "other", "only", "own", "same", "should", "since",
    "some", "then", "through", "under", "until", "very", "where", "why", "because", "before",
    "him", "himself", "may", "might", "must", "now", "us", "whether", "without",
]);

/// Phrases that only site furniture uses: one is enough.
const FURNITURE: &[&str] = &[
    "skip to content",
    "skip to main",
    "edit post",
    "back to top",
    "all rights reserved",
    "this audio is created",
    "ai assistance",
    "listen to this article",
    "indicates required",
    "enter your email",
    "email address",
    "sign up for",
    "subscribe to",
    "subscribe now",
    "newsletter",
    "become a member",
    "gift membership",
    "gift a membership",
    "funded by our readers",
    "readers like you",
    "financial contribution",
    "automatic aggregator",
    "rightful owners",
    "trademarks belong",
    "translated by",
    "privacy policy",
    "terms of use",
    "terms of service",
    "thank you for signing up",
    "successfully subscribed",
    "successfuly subscribed",
    "confirmation email",
    "share this article",
    "share on facebook",
    "share on twitter",
    "follow us on",
    "click here",
    "download our app",
    "download the app",
    "sponsored content",
    "recommended for you",
    "support our journalism",
    "support independent journalism",
    "support our work",
    "donate now",
    "make a donation",
    "log in to",
    "sign in to",
    "create an account",
    "already a subscriber",
    "paywall",
    "comments are closed",
    "leave a comment",
    "post a comment",
    "min read",
    "reading time",
    "copyright ©",
    "© 20",
    "(c) 20",
    "print this",
    "open in app",
    "use cookies",
    "accept cookies",
    "cookie policy",
    "cookie settings",
    "cookies policy",
    "sign up to",
    "sign-up",
    "privacy notice",
    "copy link",
    "link copied",
    "manage your choices",
    "your privacy",
    "to your inbox",
    "in your inbox",
    "get the latest",
    "catch all the latest",
    "breaking news and",
    "video player",
    "pubblicita",
    "publicite",
    "publicidad",
    "werbung",
    "members only",
    "not for redistribution",
    "quality journalism",
    "sign up here",
    "continue reading",
    "read more on",
    "reader-supported",
    "thanks for reading",
    "daily dose",
    "get latest",
    "thank you for donating",
    "could not provide",
    "view this email",
    "in your browser",
    "short url",
    "five-minute read",
    "good morning. here is",
    "gift this article",
    "lire en francais",
    "subscribers only",
    "add to your selections",
    "time to read",
    "is a news editor",
    "is a reporter at",
    "is a reporter for",
    "is a correspondent",
    "is a staff writer",
    "is a journalist",
    "video playerclose",
    "enditem",
];

/// Words furniture uses often and prose seldom: they count in short blocks,
/// or twice over in long ones.
static FURNITURE_WORDS: WordSet = WordSet::new(&[
    "subscribe",
    "subscribed",
    "subscription",
    "subscriptions",
    "membership",
    "members",
    "donate",
    "donation",
    "supporters",
    "readers",
    "login",
    "register",
    "newsletters",
    "share",
    "tweet",
    "whatsapp",
    "print",
    "email",
    "comments",
    "menu",
    "search",
    "home",
    "advertising",
    "sponsored",
    "premium",
    "unlock",
    "trending",
    "podcast",
    "advertisement",
    "cookies",
    "copyright",
]);

/// Beginnings of furniture words in all their forms: subscribe, subscribing,
/// subscriber; advertising, advertisement.
const FURNITURE_STEMS: &[&str] = &["subscrib", "newsletter", "advertis", "cookie"];

/// Lines after which the article is over: related stories, feeds, comments.
const END_MARKERS: &[&str] = &[
    "related articles",
    "related stories",
    "related news",
    "related posts",
    "related content",
    "more news",
    "more stories",
    "more from",
    "news feed",
    "latest news",
    "latest",
    "most popular",
    "most read",
    "popular",
    "trending",
    "trending now",
    "recommended",
    "you may also like",
    "you might also like",
    "editors' picks",
    "editor's picks",
    "top stories",
    "comments",
    "tags",
    "share this",
    "share",
    "what to read next",
    "more on this story",
    "in other news",
    "recommended stories",
    "read next",
    "latest stories",
    "more in",
    "don't miss",
    "about the author",
    "most viewed",
    "most shared",
    "top news",
    "more videos",
];

/// Lines that open a box of links inside the article, which goes on after it.
const LINK_BOX: &[&str] = &[
    "read also",
    "read more",
    "see also",
    "also read",
    "related",
    "more on this",
];

fn stop_density(words: &[String]) -> f32 {
    if words.is_empty() {
        return 0.0;
    }
    words.iter().filter(|w| STOP.contains(w)).count() as f32 / words.len() as f32
}

fn words_of(lower: &str) -> Vec<String> {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A line that opens a box of links: "Read also", "Related:".
fn is_link_box(line: &str) -> bool {
    let lower = fold(line).to_lowercase();
    LINK_BOX.contains(&lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
}

/// A line that ends the article: a bare marker, nothing else on it.
fn is_end_marker(lower: &str) -> bool {
    let t = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    END_MARKERS.contains(&t)
}

/// "(Sergey Bobok/AFP)", "(Chesnot/Getty Images)": a photo credit.
fn ends_with_credit(line: &str) -> bool {
    let t = line.trim_end();
    let Some(inner) = t
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
        .map(|(_, c)| c)
    else {
        return false;
    };
    const AGENCIES: &[&str] = &[
        "afp",
        "getty",
        "reuters",
        "ap photo",
        "epa",
        "photo",
        "images",
        "pool",
        "sputnik",
        "tass",
        "xinhua",
        "anadolu",
        "shutterstock",
        "file",
        "handout",
        "press service",
        "courtesy",
    ];
    let l = inner.to_lowercase();
    inner.len() < 120 && (inner.contains('/') || AGENCIES.iter().any(|a| l.contains(a)))
}

/// "3:44 PM", "10:42".
fn is_time(line: &str) -> bool {
    let t = line
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ' ' || c == '.');
    !t.is_empty()
        && t.len() <= 5
        && t.contains(':')
        && t.chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// "15 NOV 2024, 19:10", "Updated at: 15 NOV 2024", "Published on 26/04/2023 - 16:20":
/// a date stamp standing alone.
fn is_date_stamp(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    if words > 16 {
        return false;
    }
    let l = t.to_lowercase();
    let dated = crate::ingest::find_date(t).is_some()
        || t.split(|c: char| !(c.is_ascii_digit() || c == '/' || c == '.' || c == '-'))
            .any(|w| w.len() >= 8 && w.matches(['/', '.', '-']).count() == 2);
    let stamp_words = [
        "updated",
        "published",
        "posted",
        "last modified",
        "first published",
    ];
    dated && words <= 10 && !ends_sentence(t)
        || (stamp_words.iter().any(|w| l.starts_with(w)) && words <= 16 && !ends_sentence(t))
}

/// "By admin", "Posted by Jane Doe": a byline standing alone.
fn is_byline(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    let l = line.trim().to_lowercase();
    if l.starts_with("reporting from")
        || l.ends_with(" and agencies")
        || l.ends_with(" with agencies")
    {
        return true;
    }
    let rest = [
        "by ",
        "posted by ",
        "written by ",
        "reporting by ",
        "editing by ",
        "compiled by ",
    ]
    .iter()
    .find_map(|p| l.strip_prefix(p));
    rest.is_some_and(|r| r.split_whitespace().count() <= 6 && !r.ends_with('.'))
}

/// Agency slugs ("cf-sjw/tjc/zm/am") and "*** ... ***" credits.
fn is_agency_code(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with("***") || t.ends_with("***") {
        return true;
    }
    t.split_whitespace().next().is_some_and(|w| {
        w.matches('/').count() >= 2
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c == '/' || c == '-')
    })
}

fn is_url(line: &str) -> bool {
    // "[1] https://...": a footnote's address.
    let t = line.trim();
    let t = match t.strip_prefix('[').and_then(|r| r.split_once(']')) {
        Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest.trim(),
        _ => t,
    };
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(". ")
}

/// Lines whose shape gives them away: links to other stories, navigation
/// rows and breadcrumbs, editors' notes in brackets.
fn furniture_line(line: &str) -> Option<&'static str> {
    let t = line.trim();
    // Link-ins, navigation and notes are short; only their first words matter.
    let head: String = t.chars().take(60).collect();
    let lower = fold(&head).to_lowercase();
    const LINK_INS: &[&str] = &[
        "read more",
        "read also",
        "also read",
        "see also",
        "also on",
        "related",
        "watch",
        "listen",
        "more",
        "recommended",
        "must read",
        "don't miss",
        "read next",
        "read",
        "further reading",
        "more on this",
    ];
    if let Some(at) = lower.find([':', '|']).filter(|&at| at <= 40) {
        let head = lower[..at].trim();
        if LINK_INS
            .iter()
            .any(|l| head == *l || head.strip_prefix(l).is_some_and(|r| r.starts_with(' ')))
        {
            return Some("a link to another story");
        }
    }
    let sentence = ends_sentence(t) && t.ends_with('.');
    if !sentence && t.chars().count() < 160 {
        // "Home » World » Europe", "Home > Politics > Diplomacy".
        if t.contains('»') || t.matches(" > ").count() >= 1 || t.matches(" / ").count() >= 2 {
            return Some("navigation");
        }
        // "News | Opinion | Sport", "World  U.S.  Politics": rows of short items.
        let cells: Vec<&str> = t
            .split(['|', '·', '•'])
            .flat_map(|c| c.split("  "))
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let words = t.split_whitespace().count();
        if cells.len() >= 3 && words <= cells.len() * 3 {
            return Some("navigation");
        }
        if lower.starts_with("skip ") && words <= 12 {
            return Some("navigation");
        }
    }
    // "Source: Xinhua", "Editor: Zhang Long": the page's credits.
    const CREDITS: &[&str] = &[
        "source:",
        "editor:",
        "editors:",
        "edited by",
        "writing by",
        "reporting by",
        "photo:",
        "photos:",
        "credit:",
        "image:",
        "video:",
        "translated by",
        "compiled by",
        "additional reporting",
        "topic:",
        "topics:",
        "tags:",
        "tag:",
    ];
    if t.chars().count() < 100 && CREDITS.iter().any(|c| lower.starts_with(c)) {
        return Some("credits");
    }
    // A printed page's furniture: jump lines, the distributor's imprint,
    // copyright notices, a contact number.
    const PRINT: &[&str] = &[
        "continued on page",
        "continued from page",
        "continued on p",
        "printed and distributed by",
    ];
    let short = t.chars().count() < 120;
    if short
        && (PRINT.iter().any(|p| lower.starts_with(p))
            || lower.contains(" continued from page ")
            || lower.contains(" continued on page "))
    {
        return Some("print furniture");
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if short && !sentence && digits >= 7 && t.split_whitespace().count() <= 8 && t.contains('+') {
        return Some("a contact number");
    }
    // "english.news.cn": a site's address alone.
    if !t.contains(' ')
        && t.contains('.')
        && t.len() < 60
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '/'))
        && t.chars().filter(|&c| c == '.').count() >= 1
        && !t.ends_with('.')
    {
        return Some("a web address");
    }
    // "(PHOTO NOT FOR SALE)", "[Advertisement]".
    if ((t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']')))
        && t.chars().count() < 80
    {
        return Some("an editor's note");
    }
    None
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with([
        '.', '!', '?', '"', '\u{201d}', '\u{2019}', ')', ':', ';', '\u{2026}',
    ])
}

/// How a block reads before its neighbours are taken into account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Good,
    NearGood,
    Short,
    Bad,
}

#[derive(Debug, Clone)]
struct Block {
    text: String,
    /// Blank-line separated group it came from.
    group: usize,
    class: Class,
    /// Index in the judged output.
    at: usize,
    /// Why it goes, when a rule says so.
    why: Option<&'static str>,
}

/// Some furniture phrase stands in `lower` as whole words.
fn has_furniture(lower: &str) -> bool {
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let m = MATCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::new(FURNITURE).expect("furniture phrases build")
    });
    m.find_overlapping_iter(lower).any(|hit| {
        let phrase = FURNITURE[hit.pattern().as_usize()];
        let before = lower[..hit.start()].chars().next_back();
        let after = lower[hit.end()..].chars().next();
        let edge = |c: Option<char>, p: Option<char>| {
            c.is_none_or(|c| !c.is_alphanumeric()) || p.is_some_and(|p| !p.is_alphanumeric())
        };
        edge(before, phrase.chars().next()) && edge(after, phrase.chars().next_back())
    })
}

fn furniture_hits(lower: &str, words: &[String]) -> (bool, usize) {
    let strong = has_furniture(lower);
    let weak = words
        .iter()
        .filter(|w| FURNITURE_WORDS.contains(w) || FURNITURE_STEMS.iter().any(|p| w.starts_with(p)))
        .count();
    (strong, weak)
}

fn classify(text: &str) -> Class {
    // Judged as a reader would see it: escape sequences and controls out.
    let safe;
    let text = if text
        .chars()
        .any(|c| c == '\u{1b}' || crate::sanitize::is_unsafe(c))
    {
        safe = crate::sanitize::for_terminal(text, false);
        safe.as_str()
    } else {
        text
    };
    let lower = fold(text).to_lowercase();
    let words = words_of(&lower);
    let (strong, weak) = furniture_hits(&lower, &words);
    let len = text.chars().count();
    if strong || (weak >= 1 && len < 100) || weak >= 2 {
        return Class::Bad;
    }
    let density = stop_density(&words);
    if len < 70 {
        return Class::Short;
    }
    if len >= 100 && density >= 0.30 {
        Class::Good
    } else if density >= 0.20 || (density >= 0.15 && ends_sentence(text)) {
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// A line that reads as a headline: no closing punctuation, several words.
fn headline_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (6..=25).contains(&words) && !ends_sentence(line) && line.chars().count() < 200
}

/// "--------", "=====", "Page 1 of 3", "- 2 -": the furniture of a page.
fn is_page_furniture(line: &str) -> bool {
    let t = line.trim();
    if t.len() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '=' | '_' | '*' | '~' | '.' | ' '))
    {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let num = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty();
    matches!(words.as_slice(), ["Page", a, "of", b] if num(a) && num(b))
        || matches!(words.as_slice(), ["-", a, "-"] if num(a))
}

/// Blocks of the body: one a line, or one a paragraph when the text was
/// wrapped at a fixed width.
fn blocks(body: &str) -> Vec<(String, usize)> {
    let mut groups: Vec<Vec<&str>> = vec![Vec::new()];
    for line in body.lines() {
        // Rules and page numbers of a paginated document are no text.
        if is_page_furniture(line) {
            continue;
        }
        if line.trim().is_empty() {
            if groups.last().is_some_and(|g| !g.is_empty()) {
                groups.push(Vec::new());
            }
        } else {
            groups
                .last_mut()
                .expect("one group at least")
                .push(line.trim());
        }
    }
    groups.retain(|g| !g.is_empty());
    // Hard-wrapped text: most lines of multi-line groups are of a similar width.
    let inner: Vec<usize> = groups
        .iter()
        .filter(|g| g.len() >= 3)
        .flat_map(|g| g[..g.len() - 1].iter().map(|l| l.chars().count()))
        .collect();
    let wrapped = inner.len() >= 6 && {
        let in_band = inner.iter().filter(|&&n| (40..=100).contains(&n)).count();
        in_band * 10 >= inner.len() * 8
    };
    let mut out = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        if wrapped && g.len() > 1 {
            out.push((g.join(" "), gi));
        } else {
            out.extend(g.iter().map(|l| (l.to_string(), gi)));
        }
    }
    out
}

/// The cleaned body of an article, one string per paragraph.
pub fn clean(title: &str, body: &str) -> Vec<String> {
    explain(title, body)
        .into_iter()
        .filter(|j| j.dropped.is_none())
        .map(|j| j.text)
        .collect()
}

/// One block of the body and what cleaning made of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    pub text: String,
    /// Why it went, or `None` when it was kept.
    pub dropped: Option<&'static str>,
}

/// Every block of the body, kept or dropped with the reason: what `clean`
/// keeps, shown with its workings.
pub fn explain(title: &str, body: &str) -> Vec<Judged> {
    let title_key = key(title);
    let raw = blocks(body);
    let keys: Vec<String> = raw.iter().map(|r| key(&r.0)).collect();
    // Lines printed twice in a row are captions: both copies go.
    let mut twice = vec![false; raw.len()];
    for i in 1..raw.len() {
        if keys[i] == keys[i - 1] && !raw[i].0.is_empty() {
            twice[i] = true;
            twice[i - 1] = true;
        }
    }
    let mut keys_left = keys;
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<Judged> = Vec::new();
    let mut items: Vec<Block> = Vec::new();
    for (i, (line, group)) in raw.into_iter().enumerate() {
        let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let k = std::mem::take(&mut keys_left[i]);
        let reason = if k.is_empty() {
            Some("no words")
        } else if twice[i] {
            Some("printed twice in a row (a caption)")
        } else if k == title_key {
            Some("the title again")
        } else if !seen.insert(k) {
            Some("a repeat")
        } else if is_url(&text) {
            Some("a web address")
        } else if is_time(&text) || is_date_stamp(&text) {
            Some("a time stamp")
        } else if is_byline(&text) {
            Some("a byline")
        } else if is_agency_code(&text) {
            Some("an agency code or credit")
        } else if ends_with_credit(&text) {
            Some("a photo caption")
        } else {
            furniture_line(&line)
        };
        out.push(Judged {
            text: text.clone(),
            dropped: reason,
        });
        if reason.is_none() {
            items.push(Block {
                class: classify(&text),
                text,
                group,
                at: out.len() - 1,
                why: None,
            });
        } else if is_link_box(&text) {
            // Gone already, but the headlines under "Related:" go with it.
            items.push(Block {
                class: Class::Bad,
                text,
                group,
                at: out.len() - 1,
                why: reason,
            });
        }
    }
    mark_teasers(&mut items);
    cut_at_end_marker(&mut items);
    smooth(&mut items);
    for b in items {
        if b.class != Class::Good {
            out[b.at].dropped = Some(b.why.unwrap_or(match b.class {
                Class::Short => "short, among furniture",
                Class::NearGood => "not enough prose around it",
                _ => "furniture (words or shape)",
            }));
        }
    }
    out
}

/// Comparison key: folded, lowercase, letters and digits only.
fn key(s: &str) -> String {
    fold(s)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// In a page whose paragraphs stand apart, a headline with a paragraph
/// glued under it is a teaser for another story: the whole group goes.
fn mark_teasers(items: &mut [Block]) {
    let mut sizes: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for b in items.iter() {
        *sizes.entry(b.group).or_default() += 1;
    }
    let single = sizes.values().filter(|&&n| n == 1).count();
    if sizes.is_empty() || single * 10 < sizes.len() * 6 {
        return;
    }
    let mut i = 0;
    while i < items.len() {
        let g = items[i].group;
        let n = sizes[&g];
        if n > 1
            && headline_like(&items[i].text)
            && items
                .get(i + 1)
                .is_some_and(|b| b.group == g && b.text.chars().count() > 100)
        {
            for b in items.iter_mut().filter(|b| b.group == g) {
                b.class = Class::Bad;
                b.why = Some("a teaser for another story");
            }
        }
        i += n.max(1);
        while i < items.len() && items[i].group == g {
            i += 1;
        }
    }
}

/// Everything after a bare end marker goes, once the article has begun. A
/// box of links inside the article ("Read also" and a few headlines) goes
/// alone.
fn cut_at_end_marker(items: &mut [Block]) {
    let mut good_chars = 0;
    let mut good_blocks = 0;
    let mut i = 0;
    while i < items.len() {
        // Markers are a few words; longer blocks are never one.
        if items[i].text.len() > 40 {
            if items[i].class == Class::Good {
                good_blocks += 1;
                good_chars += items[i].text.len();
            }
            i += 1;
            continue;
        }
        let lower = fold(&items[i].text).to_lowercase();
        if is_link_box(&items[i].text) {
            items[i].class = Class::Bad;
            items[i].why = Some("a box of links to other stories");
            i += 1;
            // The headlines under it, and their summaries when they are
            // printed right under the marker: lines that end no sentence,
            // or lines of its own block.
            let group = items[i - 1].group;
            while i < items.len()
                && (items[i].group == group
                    || (!ends_sentence(&items[i].text) && items[i].text.chars().count() < 200))
            {
                items[i].class = Class::Bad;
                items[i].why = Some("a box of links to other stories");
                i += 1;
            }
            continue;
        }
        if is_end_marker(&lower) && good_blocks >= 2 && good_chars >= 200 {
            // A box set inside the article ("Related articles" and a few
            // headlines, then the story goes on): the box goes alone. A feed
            // or a list of stories after the end has no run of paragraphs.
            match resumes_after(items, i + 1) {
                Some(back) => {
                    for b in &mut items[i..back] {
                        b.class = Class::Bad;
                        b.why = Some("a box of links to other stories");
                    }
                    i = back;
                    continue;
                }
                None => {
                    for b in &mut items[i..] {
                        b.class = Class::Bad;
                        b.why = Some("after the end of the article");
                    }
                    return;
                }
            }
        }
        if items[i].class == Class::Good {
            good_blocks += 1;
            good_chars += items[i].text.len();
        }
        i += 1;
    }
}

/// Where the article goes on after a box of links starting at `from`: the
/// first of two paragraphs of prose in a row, with only headlines, list
/// labels and other short lines before them.
fn resumes_after(items: &[Block], from: usize) -> Option<usize> {
    let prose = |b: &Block| {
        matches!(b.class, Class::Good | Class::NearGood) && b.text.chars().count() >= 100
    };
    let mut i = from;
    while i + 1 < items.len() {
        if prose(&items[i]) {
            return prose(&items[i + 1]).then_some(i);
        }
        // Headlines and labels of the box: short lines. Anything else ends it.
        if items[i].text.chars().count() >= 200 {
            return None;
        }
        i += 1;
    }
    None
}

/// Short and near-good blocks take the class of their neighbours: prose
/// around them makes them prose (a subheading, a one-line paragraph), and
/// furniture makes them furniture.
fn smooth(items: &mut [Block]) {
    let any_good = items.iter().any(|b| b.class == Class::Good);
    let any_prose = any_good || items.iter().any(|b| b.class == Class::NearGood);
    let original: Vec<Class> = items.iter().map(|b| b.class).collect();
    // Short blocks, and one-line furniture set in the article ("Advertisement"),
    // are seen through when looking for what stands around a block.
    let tiny: Vec<bool> = items
        .iter()
        .map(|b| b.class == Class::Bad && b.why.is_none() && b.text.chars().count() < 40)
        .collect();
    let seen_through = |i: usize| original[i] == Class::Short || tiny[i];
    let neighbour = |from: usize, step: isize| -> Option<Class> {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < original.len() {
            if seen_through(i as usize) {
                i += step;
            } else {
                return Some(original[i as usize]);
            }
        }
        None
    };
    // For a near-good block, near-good neighbours are seen through too: what
    // counts is the nearest block that is surely prose or surely not.
    let sure = |from: usize, step: isize| -> Option<Class> {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < original.len() {
            let k = i as usize;
            if seen_through(k) || original[k] == Class::NearGood {
                i += step;
            } else {
                return Some(original[k]);
            }
        }
        None
    };
    for i in 0..items.len() {
        let prev = neighbour(i, -1);
        let next = neighbour(i, 1);
        items[i].class = match original[i] {
            Class::NearGood => {
                let near = |c: Option<Class>| matches!(c, Some(Class::Good | Class::NearGood));
                if !any_good
                    || prev == Some(Class::Good)
                    || next == Some(Class::Good)
                    || (near(prev) && near(next))
                    || sure(i, -1) == Some(Class::Good)
                    || sure(i, 1) == Some(Class::Good)
                {
                    Class::Good
                } else {
                    Class::Bad
                }
            }
            Class::Short => {
                let good = |c: Option<Class>| matches!(c, Some(Class::Good | Class::NearGood));
                let kept = match (prev, next) {
                    // A page of one-line paragraphs: each sentence is prose.
                    _ if !any_prose => ends_sentence(&items[i].text),
                    (p, n) if good(p) && good(n) => true,
                    // A standfirst at the top (a sentence of its own), a
                    // closing line at the end.
                    (None, n) => {
                        good(n)
                            && ends_sentence(&items[i].text)
                            && items[i].text.split_whitespace().count() >= 5
                    }
                    (p, None) => good(p) && ends_sentence(&items[i].text),
                    _ => false,
                };
                if kept { Class::Good } else { Class::Bad }
            }
            c => c,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "The two leaders spoke for more than an hour on Tuesday, and the French presidency said that they had agreed to stay in touch over the coming days.";

    fn para(s: &str) -> String {
        format!("{s}\n\n")
    }

    #[test]
    fn prose_and_subheadings_are_kept() {
        let body = [
            PROSE,
            "– Risk of defeat",
            PROSE.replace("Tuesday", "Monday").as_str(),
            "He said so.",
        ]
        .map(para)
        .concat();
        let out = clean("T", &body);
        assert_eq!(out.len(), 4, "{out:#?}");
    }

    #[test]
    fn furniture_lines_go() {
        let body = [
            "Skip to content",
            "Become a member Gift membership",
            PROSE,
            "Subscribe",
            "* indicates required",
            "This audio is created with AI assistance",
            &PROSE.replace("Tuesday", "Friday"),
            "By admin",
            "cf-sjw/tjc/zm/sag-dbh/mel/am *** Translated by Some Team ***",
            "Continued on page 4",
            "Abe, Trump agree to step up pressure Continued from page 3",
            "Printed and distributed by PressReader",
            "PressReader.com +1 604 278 4604",
            "COPYRIGHT AND PROTECTED BY APPLICABLE LAW",
        ]
        .map(para)
        .concat();
        let out = clean("T", &body);
        assert_eq!(out.len(), 2, "{out:#?}");
    }

    #[test]
    fn furniture_words_inside_prose_words_do_not_count() {
        let p = "The two sides issued very different advertisements of the call, which the Elysee said lasted two hours and ten minutes on Tuesday.";
        assert_eq!(clean("T", &format!("{p}\n\n")), [p]);
        assert!(has_furniture("skip to content now"));
        assert!(!has_furniture("our newsletters arrive"));
    }

    #[test]
    fn everything_after_an_end_marker_goes() {
        let body = [
            PROSE,
            &PROSE.replace("Tuesday", "Friday"),
            "Related Articles",
            &PROSE.replace("two", "three"),
        ]
        .map(para)
        .concat();
        assert_eq!(clean("T", &body).len(), 2);
    }

    #[test]
    fn headlines_under_a_related_label_go_with_it() {
        let body = [
            PROSE,
            &PROSE.replace("Tuesday", "Friday"),
            "Related:",
            "Chinese FM holds phone talks with Russian counterpart",
            "Xi sends congratulatory letter to media forum",
            &PROSE.replace("two", "three"),
        ]
        .map(para)
        .concat();
        let out = clean("T", &body);
        assert_eq!(out.len(), 3, "{out:#?}");
        assert!(!out.iter().any(|p| p.contains("counterpart")));
    }

    #[test]
    fn a_marker_before_the_article_does_not_cut_it() {
        let body = ["Trending", PROSE, &PROSE.replace("Tuesday", "Friday")]
            .map(para)
            .concat();
        assert_eq!(clean("T", &body).len(), 2);
    }

    #[test]
    fn captions_printed_twice_and_photo_credits_go() {
        let caption = "A police officer takes cover in front of a burning building in the town";
        let body = format!(
            "{PROSE}\n\n{caption}\n{caption}\n\nA view of a school in the city that was destroyed during fighting. (Sergey Bobok/AFP)\n\n{}\n\n",
            PROSE.replace("Tuesday", "Friday")
        );
        let out = clean("T", &body);
        assert_eq!(out.len(), 2, "{out:#?}");
    }

    #[test]
    fn a_teaser_for_another_story_goes() {
        let body = format!(
            "{PROSE}\n\nWest's response to the comments reveals discord, weakness, experts say\n{}\n\n{}\n\n",
            PROSE.replace("two", "many"),
            PROSE.replace("Tuesday", "Friday")
        );
        let out = clean("T", &body);
        assert_eq!(out.len(), 2, "{out:#?}");
    }

    #[test]
    fn the_title_repeated_in_the_body_goes() {
        let body = format!("Leaders speak by phone\n\n{PROSE}\n\n");
        assert_eq!(clean("Leaders speak by phone", &body), [PROSE]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let wrapped = "The two leaders spoke for more than an hour on Tuesday, and\nthe French presidency said that they had agreed to stay in\ntouch over the coming days, according to a statement issued\nlate on Tuesday evening in Paris after the call had ended.";
        let body = format!("{wrapped}\n\n{wrapped}x\n\n");
        let out = clean("T", &body);
        assert_eq!(out.len(), 2, "{out:#?}");
        assert!(out[0].contains("and the French presidency"));
    }

    #[test]
    fn an_article_of_short_paragraphs_survives() {
        let lines = [
            "The leaders spoke by phone on Monday, the Kremlin said.",
            "They discussed the war in Ukraine and the grain deal.",
            "Putin told Erdogan that the West had failed its promises.",
        ];
        let out = clean("T", &lines.map(para).concat());
        assert_eq!(out.len(), 3, "{out:#?}");
    }
}
