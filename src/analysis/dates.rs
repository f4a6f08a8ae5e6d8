//! Dates as news writes them, resolved against the publication date: a
//! weekday is the most recent such day on or before it ("on Tuesday",
//! "Monday (26)"), "yesterday" the day before, "March 7" the nearest past one.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::text::Token;

/// A date expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Index of its first token.
    pub at: usize,
    pub date: NaiveDate,
    /// The word before it ties it to another time ("since March 29",
    /// "until Friday", "before Monday").
    pub bounded: bool,
}

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// "March", "Feb", "Sept" → month number.
pub fn month(w: &str) -> Option<u32> {
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
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "sept" && *m == "september")
        })
        .map(|i| i as u32 + 1)
}

fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i32> {
    w.parse().ok().filter(|y| (1900..=2200).contains(y))
}

/// The most recent `day` on or before `published`.
pub fn last_weekday(published: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (published.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
    published - Duration::days(back as i64)
}

/// Day `dom` of a month that falls on `day`, the most recent on or before
/// `published` within a few months; `None` when there is none.
fn weekday_with_day(published: NaiveDate, day: Weekday, dom: u32) -> Option<NaiveDate> {
    let mut d = last_weekday(published, day);
    for _ in 0..20 {
        if d.day() == dom {
            return Some(d);
        }
        d -= Duration::days(7);
    }
    None
}

/// Month and day with no year: this year's, unless that is well after the
/// publication, then last year's.
fn month_day(published: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(published.year(), m, d)?;
    if this > published + Duration::days(2) {
        NaiveDate::from_ymd_opt(published.year() - 1, m, d)
    } else {
        Some(this)
    }
}

/// Phrases that put what a sentence says at another time than the call:
/// "recently", "last week", "has long", "in an interview", "last spoke".
pub const OTHER_TIME: &[&[&str]] = &[
    &["recently"],
    &["earlier", "this"],
    &["earlier", "in"],
    &["last", "week"],
    &["last", "month"],
    &["last", "year"],
    &["previously"],
    &["in", "the", "past"],
    &["ago"],
    &["has", "long"],
    &["have", "long"],
    &["had", "long"],
    &["has", "repeatedly"],
    &["have", "repeatedly"],
    &["has", "since"],
    &["have", "since"],
    &["has", "yet", "to"],
    &["have", "yet", "to"],
    &["in", "an", "interview"],
    &["in", "a", "speech"],
    &["in", "his", "speech"],
    &["in", "her", "speech"],
    &["at", "a", "news", "conference"],
    &["at", "a", "press", "conference"],
    &["on", "a", "visit"],
    &["during", "a", "visit"],
    &["during", "his", "visit"],
    &["during", "her", "visit"],
    &["at", "a", "summit"],
    &["at", "the", "summit"],
    &["since", "the", "start"],
    &["since", "the", "launch"],
    &["since", "the", "beginning"],
    &["in", "an", "op-ed"],
    &["last", "spoke"],
    &["last", "talked"],
    &["at", "the", "time"],
    &["earlier", "on"],
    &["earlier", "today"],
    &["previous", "call"],
    &["last", "call"],
    &["earlier", "call"],
    &["is", "expected", "to"],
    &["are", "expected", "to"],
    &["will", "travel"],
    &["plans", "to"],
    &["since", "then"],
];

/// The sentence, outside its quotations, has an [`OTHER_TIME`] phrase.
pub fn other_time(s: &super::mentions::Parsed) -> bool {
    other_time_at(s).is_some()
}

/// Where the first [`OTHER_TIME`] phrase stands, outside quotations; a
/// phrase that qualifies a noun ("last week's deal") does not count.
pub fn other_time_at(s: &super::mentions::Parsed) -> Option<usize> {
    (0..s.tokens.len()).find(|&i| other_time_starts(s, i))
}

/// An [`OTHER_TIME`] phrase starts at token `i`.
pub fn other_time_starts(s: &super::mentions::Parsed, i: usize) -> bool {
    let t = &s.tokens;
    OTHER_TIME.iter().any(|w| {
        w.len() + i <= t.len()
            && w.iter()
                .enumerate()
                .all(|(k, x)| t[i + k].lower == *x && !t[i + k].quoted)
            && t.get(i + w.len()).is_none_or(|n| n.lower != "'s")
    })
}

/// A month named as the time of something ("in March", "in early August",
/// "last December") that is not the month of publication.
pub fn other_month(tokens: &[Token], published: NaiveDate) -> bool {
    other_month_at(tokens, published).is_some()
}

/// Where [`other_month`] finds its month.
pub fn other_month_at(tokens: &[Token], published: NaiveDate) -> Option<usize> {
    (0..tokens.len()).find(|&i| {
        let t = &tokens[i];
        let Some(m) = month(&t.lower).filter(|_| t.capital && !t.quoted) else {
            return false;
        };
        let before = i
            .checked_sub(1)
            .map(|j| tokens[j].lower.as_str())
            .unwrap_or("");
        let next = tokens.get(i + 1).map(|x| x.lower.as_str()).unwrap_or("");
        let timed = matches!(
            before,
            "in" | "early" | "mid" | "late" | "last" | "since" | "mid-"
        );
        timed && day_number(next).is_none() && m != published.month()
    })
}

/// Every date expression in `tokens`, resolved against `published`.
pub fn find(tokens: &[Token], published: NaiveDate) -> Vec<Found> {
    let mut out = Vec::new();
    let word = |i: usize| tokens.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let mut i = 0;
    while i < tokens.len() {
        let w = word(i);
        // "since March 29", "before his January 1 inauguration", "since he
        // was sworn in on March 14": a bound word earlier in the clause.
        let bound = |w: &str| matches!(w, "since" | "until" | "till" | "before" | "from" | "after");
        // "by Friday" sets a deadline; "spoke by phone Wednesday" does not.
        let bounded = (i.saturating_sub(7)..i)
            .rev()
            .take_while(|&j| !tokens[j + 1].after_break || j + 1 == i)
            .any(|j| bound(word(j)))
            || (i > 0 && word(i - 1) == "by");
        let push = move |date: NaiveDate, out: &mut Vec<Found>| {
            out.push(Found {
                at: i,
                date,
                bounded,
            })
        };
        // "the Good Friday Agreement", "Super Tuesday": a name, not a day.
        // (A capital article opening the sentence is no name: "A Sunday call".)
        let in_a_name = i > 0
            && tokens[i - 1].capital
            && !tokens[i - 1].after_break
            && !matches!(
                word(i - 1),
                "on" | "a" | "an" | "the" | "this" | "that" | "last"
            );
        if tokens[i].capital
            && !in_a_name
            && let Some(day) = weekday(w)
        {
            // "Monday (26)": the day of the month confirms which Monday.
            let date = day_number(word(i + 1))
                .filter(|_| tokens[i + 1].after_break)
                .and_then(|dom| weekday_with_day(published, day, dom))
                .unwrap_or_else(|| last_weekday(published, day));
            // "next Tuesday" is no report of a past call.
            if word(i.wrapping_sub(1)) != "next" {
                push(date, &mut out);
            }
            i += 1;
            continue;
        }
        match w {
            "today" | "tonight" => push(published, &mut out),
            "yesterday" => push(published - Duration::days(1), &mut out),
            "last" if word(i + 1) == "night" => push(published - Duration::days(1), &mut out),
            _ => {}
        }
        if tokens[i].capital
            && let Some(m) = month(w)
        {
            // "March 7", "March 7, 2024", "Feb. 16".
            if let Some(d) = day_number(word(i + 1)) {
                let date = match year_number(word(i + 2)) {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, d),
                    None => month_day(published, m, d),
                };
                if let Some(date) = date {
                    push(date, &mut out);
                }
                i += 2;
                continue;
            }
        }
        // "7 March", "7 March 2024", and translated copy's "23 of September".
        let of = usize::from(word(i + 1) == "of");
        if let Some(d) = day_number(w)
            && tokens.get(i + 1 + of).is_some_and(|t| t.capital)
            && let Some(m) = month(word(i + 1 + of))
        {
            let date = match year_number(word(i + 2 + of)) {
                Some(y) => NaiveDate::from_ymd_opt(y, m, d),
                None => month_day(published, m, d),
            };
            if let Some(date) = date {
                push(date, &mut out);
            }
            i += 2 + of;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn dates(s: &str, published: NaiveDate) -> Vec<NaiveDate> {
        find(&text::tokens(&text::fold(s)), published)
            .into_iter()
            .map(|f| f.date)
            .collect()
    }

    #[test]
    fn a_weekday_is_the_most_recent_one_on_or_before_publication() {
        // 2022-05-03 was a Tuesday.
        assert_eq!(dates("spoke on Tuesday", d(2022, 5, 3)), [d(2022, 5, 3)]);
        assert_eq!(dates("on Saturday", d(2022, 5, 3)), [d(2022, 4, 30)]);
        assert_eq!(dates("Monday night", d(2022, 2, 28)), [d(2022, 2, 28)]);
    }

    #[test]
    fn a_day_of_the_month_after_a_weekday_confirms_it() {
        // Published on Tuesday 2024-02-27 about "Monday (26)".
        assert_eq!(
            dates("announced on Monday (26) a series", d(2024, 2, 27)),
            [d(2024, 2, 26)]
        );
        // Two weeks later, the (26) still finds the right Monday.
        assert_eq!(dates("on Monday (26)", d(2024, 3, 12)), [d(2024, 2, 26)]);
    }

    #[test]
    fn month_days_take_the_publication_year_unless_that_is_ahead() {
        assert_eq!(dates("on Feb. 16", d(2024, 3, 5)), [d(2024, 2, 16)]);
        assert_eq!(dates("on 16 February", d(2024, 3, 5)), [d(2024, 2, 16)]);
        assert_eq!(dates("on December 30", d(2024, 1, 2)), [d(2023, 12, 30)]);
        assert_eq!(dates("on March 7, 2021", d(2024, 1, 2)), [d(2021, 3, 7)]);
    }

    #[test]
    fn another_month_is_told_apart() {
        let other = |s: &str| other_month(&text::tokens(&text::fold(s)), d(2023, 9, 4));
        assert!(other("The two men last spoke by phone in early August"));
        assert!(!other("They spoke in September"));
        assert!(!other("on August 2 they spoke"));
        assert!(!other("May well happen"));
    }

    #[test]
    fn relative_words_and_bounds() {
        assert_eq!(dates("yesterday", d(2024, 3, 5)), [d(2024, 3, 4)]);
        let f = find(
            &text::tokens(&text::fold("the first since March 29")),
            d(2022, 5, 3),
        );
        assert!(f[0].bounded);
        assert!(dates("may well", d(2024, 3, 5)).is_empty());
        assert!(dates("next Tuesday", d(2024, 3, 5)).is_empty());
        assert!(dates("the Belfast Good Friday Agreement", d(2022, 10, 25)).is_empty());
        let bound = |s: &str| find(&text::tokens(&text::fold(s)), d(2024, 11, 28))[0].bounded;
        assert!(!bound("they spoke by phone Wednesday"));
        assert!(bound("a deal by Friday"));
        assert_eq!(
            dates("On 23 of September, in the speech", d(2025, 10, 6)),
            [d(2025, 9, 23)]
        );
        // 2025-05-26 is a Monday.
        assert_eq!(
            dates("A Sunday phone call buys time", d(2025, 5, 26)),
            [d(2025, 5, 25)]
        );
    }
}
