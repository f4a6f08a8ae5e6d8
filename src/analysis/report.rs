//! The call an article reports: who spoke (the pair of people of two
//! governments named together where the article talks of a call), how
//! (phone or video), when (resolved from the publication date) and for how
//! long. A conference, a visit or a call still to come is no call report.

use chrono::{Datelike, NaiveDate};

use super::dates;
use super::lexicon::{Lexicon, PartyId, PersonId, Role};
use super::mentions::{Kind, Parsed};
use crate::model::{CallReport, Medium};

/// The call found in one article, with what attribution needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub report: CallReport,
    pub people: Vec<PersonId>,
    pub parties: Vec<PartyId>,
}

/// How strongly a sentence speaks of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cue {
    None,
    /// "spoke with", "counterpart", "held talks": a call or a meeting.
    Weak,
    /// "phone call", "telephone conversation", "video call", "the call".
    Strong,
}

/// The call vocabulary of one sentence.
#[derive(Debug, Clone, Copy)]
pub struct CallWords {
    cue: Cue,
    medium: Option<Medium>,
}

impl CallWords {
    /// The sentence speaks of a call (phone, video or unspecified).
    pub fn strong(&self) -> bool {
        self.cue == Cue::Strong
    }

    /// The sentence speaks of a call or of talks at all.
    pub fn any(&self) -> bool {
        self.cue > Cue::None
    }
}

/// Words that put an event in the future or make it a plan.
const PLANNED: &[&[&str]] = &[
    &["will"],
    &["plans", "to"],
    &["plan", "to"],
    &["planned"],
    &["expected", "to"],
    &["scheduled"],
    &["set", "to"],
    &["invited"],
    &["invites"],
    &["invite"],
    &["to", "participate"],
    &["to", "take", "part"],
    &["to", "hold"],
    &["upcoming"],
    &["next", "week"],
    &["proposed", "a"],
    &["would", "speak"],
    &["to", "speak"],
    &["being", "prepared"],
    &["preparing"],
    &["is", "due"],
    &["are", "due"],
    &["future"],
    &["next"],
    &["possible"],
    &["potential"],
    &["prospective"],
    &["is", "due", "to"],
    &["would"],
    &["probably"],
    &["whether"],
    &["no", "plans"],
    &["ready", "for"],
    &["ready", "to"],
    &["hopes", "to"],
    &["wants", "to"],
    &["want", "to"],
    &["plan"],
];

/// Gatherings that a video link joins: no bilateral call.
const GATHERINGS: &[&str] = &[
    "meeting",
    "conference",
    "summit",
    "forum",
    "session",
    "gathering",
    "ceremony",
];

/// The call vocabulary in a sentence.
pub fn call_words(s: &Parsed) -> CallWords {
    let mut cue = Cue::None;
    let mut medium = None;
    let mut video_link = false;
    let n = s.tokens.len();
    // Where call words stand, to see whether a plan comes just before them.
    let mut at: Vec<usize> = Vec::new();
    for i in 0..n {
        let w = s.word(i);
        let next = s.word(i + 1);
        let before = cue;
        match w {
            "phone" | "telephone" | "phoned" | "telephoned" | "phones" | "telephonic" | "rang"
            | "rung" => {
                cue = Cue::Strong;
                medium = Some(Medium::Phone);
            }
            "video" | "virtual" | "virtually"
                if matches!(
                    next,
                    "call"
                        | "calls"
                        | "conference"
                        | "link"
                        | "talks"
                        | "meeting"
                        | "summit"
                        | "chat"
                ) =>
            {
                cue = Cue::Strong;
                medium.get_or_insert(Medium::Video);
                // "by video link", "via video conference", "the virtual summit
                // of Quad leaders": a way to join something. "A virtual summit
                // with the Prime Minister of Australia" is two leaders' own.
                let bilateral = next == "summit"
                    && (i + 2..i + 5)
                        .map(|j| s.word(j))
                        .take_while(|w| *w != "of")
                        .any(|w| w == "with");
                video_link |= matches!(next, "link" | "conference" | "summit") && !bilateral;
            }
            // "met virtually", "met online": a meeting held as a video call.
            "met" | "meet" | "meets" if matches!(next, "virtually" | "online") => {
                cue = Cue::Strong;
                medium.get_or_insert(Medium::Video);
            }
            "videoconference" | "video-conference" | "videocall" | "video-call" | "videolink" => {
                cue = Cue::Strong;
                medium.get_or_insert(Medium::Video);
                video_link = true;
            }
            "call" | "calls" => {
                // "called on", "calls for", "repeated calls to": appeals, not calls.
                // "the call on Monday", "a phone call to Putin": a call after all.
                let prev = s.word(i.wrapping_sub(1));
                let noun = matches!(
                    prev,
                    "the"
                        | "a"
                        | "an"
                        | "this"
                        | "that"
                        | "their"
                        | "his"
                        | "her"
                        | "its"
                        | "phone"
                        | "telephone"
                        | "video"
                        | "latest"
                        | "first"
                        | "second"
                        | "last"
                        | "brief"
                ) || prev.ends_with("-minute")
                    || prev.ends_with("-hour");
                let appeal = (matches!(next, "for" | "on" | "upon" | "to") && !noun)
                    || matches!(prev, "repeated" | "growing" | "renewed");
                if !appeal {
                    cue = Cue::Strong;
                }
            }
            "conversation" | "conversations" => cue = Cue::Strong,
            "spoke" | "speak" | "speaks" | "talked" | "talk" | "talks" | "chatted"
                if matches!(
                    next,
                    "with"
                        | "to"
                        | "by"
                        | "on"
                        | "for"
                        | "again"
                        | "twice"
                        | "briefly"
                        | "late"
                        | "early"
                ) =>
            {
                cue = cue.max(Cue::Weak);
            }
            "counterpart" | "counterparts" | "talks" => cue = cue.max(Cue::Weak),
            _ => {}
        }
        if cue > before
            || matches!(
                w,
                "call" | "calls" | "conversation" | "phone" | "telephone" | "video"
            )
        {
            at.push(i);
        }
    }
    // "Erdoğan and Putin have spoken by phone repeatedly": calls over a
    // stretch of time, none of them told.
    let habitual = (0..n).any(|i| {
        matches!(
            s.word(i),
            "repeatedly" | "regularly" | "often" | "frequently"
        ) || (matches!(s.word(i), "several" | "many" | "numerous" | "multiple")
            && s.word(i + 1) == "times")
    }) && at
        .first()
        .is_some_and(|&c| (c.saturating_sub(4)..c).any(|j| matches!(s.word(j), "have" | "has")));
    if habitual {
        cue = Cue::None;
        medium = None;
    }
    // "took part in the meeting by videoconference": a gathering, not a call.
    if video_link
        && s.tokens
            .iter()
            .any(|t| GATHERINGS.contains(&t.lower.as_str()))
        && medium != Some(Medium::Phone)
    {
        cue = Cue::None;
        medium = None;
    }
    // "will hold a video call", "invited ... to participate in a video call":
    // a plan stands a few words before every call word.
    // A clause break between them ("support will continue, in her first
    // conversation") puts the plan on another verb.
    let planned_before = |c: usize| {
        (c.saturating_sub(12)..c).any(|j| {
            PLANNED.iter().any(|p| {
                p.len() + j <= c
                    && p.iter().enumerate().all(|(k, w)| s.word(j + k) == *w)
                    && !(j + p.len()..=c).any(|k| s.tokens[k].after_break)
            })
        })
    };
    // "The virtual meeting will take place on Monday": a plan right after it.
    let planned_after = |c: usize| {
        (c + 1..(c + 5).min(n)).any(|j| {
            matches!(s.word(j), "will" | "would")
                || (s.word(j) == "is"
                    && matches!(
                        s.word(j + 1),
                        "scheduled" | "expected" | "due" | "planned" | "set"
                    ))
        })
    };
    if cue > Cue::None
        && !at.is_empty()
        && at.iter().all(|&c| planned_before(c) || planned_after(c))
    {
        cue = Cue::None;
    }
    if cue > Cue::None && other_call(s, &at) {
        cue = Cue::None;
    }
    CallWords { cue, medium }
}

/// The sentence's call words are about another call than this one: "last
/// spoke by phone in March", "their previous call", "when they spoke by
/// phone in June". `at` holds where its call words stand.
fn other_call(s: &Parsed, at: &[usize]) -> bool {
    const EARLIER: &[&[&str]] = &[
        &["last", "spoke"],
        &["last", "talked"],
        &["previous", "call"],
        &["previous", "conversation"],
        &["previous", "conversations"],
        &["last", "call"],
        &["earlier", "call"],
        &["last", "phone"],
        &["last", "conversation"],
        &["last", "interacted"],
        &["last", "met"],
        &["last", "held"],
        &["first", "spoke"],
    ];
    let n = s.tokens.len();
    let month_after = |c: usize| {
        (c + 1..(c + 7).min(n)).any(|j| {
            matches!(s.word(j), "in" | "early" | "mid" | "late" | "last")
                && dates::month(s.word(j + 1)).is_some()
                && s.tokens.get(j + 1).is_some_and(|t| t.capital)
        })
    };
    EARLIER.iter().any(|w| s.has(w)) || at.iter().any(|&c| month_after(c))
}

/// [`other_call`] for a whole sentence.
pub fn about_another_call(s: &Parsed) -> bool {
    let at: Vec<usize> = (0..s.tokens.len())
        .filter(|&i| {
            matches!(
                s.word(i),
                "call" | "calls" | "conversation" | "phone" | "telephone" | "spoke" | "talked"
            )
        })
        .collect();
    !at.is_empty() && other_call(s, &at)
}

/// In "A spoke by phone with B", "A held a call with B", "A's conversation
/// with B": A and B.
fn spoke_with(s: &Parsed) -> Option<(PersonId, PersonId)> {
    const CALL: &[&str] = &[
        "call",
        "phone",
        "telephone",
        "spoke",
        "talked",
        "conversation",
        "talks",
        "speak",
        "video",
        "videoconference",
        "phoned",
        "called",
    ];
    let persons: Vec<(usize, usize, PersonId)> = s
        .mentions
        .iter()
        .filter_map(|m| match m.kind {
            Kind::Person(p) => Some((m.start, m.end, p)),
            _ => None,
        })
        .collect();
    let (_, first_end, subject) = *persons.first()?;
    // "Putin and Xi held a video call": the two named first, joined by "and".
    if let Some(&(start, end, other)) = persons.get(1)
        && start == first_end + 1
        && s.word(first_end) == "and"
        && (end..(end + 5).min(s.tokens.len())).any(|j| CALL.contains(&s.word(j)))
    {
        return Some((subject, other));
    }
    persons.iter().skip(1).find_map(|&(start, _, object)| {
        let before = start.checked_sub(1).map(|j| s.word(j))?;
        let linked = matches!(before, "with" | "to") || s.word(start.saturating_sub(3)) == "with";
        let near = (start.saturating_sub(9)..start).any(|j| CALL.contains(&s.word(j)));
        let phoned = matches!(before, "phoned" | "called" | "telephoned");
        (linked && near || phoned).then_some((subject, object))
    })
}

/// Words of a meeting in person.
fn in_person(s: &Parsed) -> bool {
    const WORDS: &[&[&str]] = &[
        &["state", "visit"],
        &["visit"],
        &["visits"],
        &["visiting"],
        &["met"],
        &["meets", "with"],
        &["summit"],
        &["conference"],
        &["hosted"],
        &["hosts"],
        &["in", "person"],
        &["in-person"],
        &["sidelines"],
        &["trip"],
        &["arrived", "in"],
    ];
    // "Carney invites Modi to the G7 summit", "ahead of the summit": a
    // meeting still to come says nothing of how the leaders spoke.
    let to_come = |at: usize| {
        let invited = (at.saturating_sub(10)..at).any(|j| {
            matches!(s.word(j), "invite" | "invites" | "invited" | "invitation")
                && (j + 1..at).any(|k| s.word(k) == "to")
        });
        let ahead =
            (at.saturating_sub(4)..at).any(|j| s.word(j) == "ahead" && s.word(j + 1) == "of");
        invited || ahead
    };
    let met = (0..s.tokens.len()).any(|i| {
        WORDS
            .iter()
            .any(|w| super::mentions::starts_with(&s.tokens, i, w))
            && !to_come(i)
    });
    met || (0..s.tokens.len()).any(|i| {
        // "talks in Sochi", "met in Beijing".
        matches!(s.word(i), "talks" | "meeting" | "met")
            && s.word(i + 1) == "in"
            && s.tokens.get(i + 2).is_some_and(|t| t.capital)
    })
}

/// The people of a sentence who can take part in a call: named people and
/// people by role ("the Russian leader"), spokespeople left out. A role is
/// first read as someone the article names (`named`), else as whoever held
/// it in `year`.
pub fn people(s: &Parsed, lex: &Lexicon, named: &[PersonId], year: Option<i32>) -> Vec<PersonId> {
    let mut out = Vec::new();
    for (k, m) in s.mentions.iter().enumerate() {
        // "after Donald Trump's inauguration": someone's thing, not someone
        // in the call ("Macron's office" stands for Macron as well).
        let office_follows = s
            .mentions
            .get(k + 1)
            .is_some_and(|n| n.start == m.start && matches!(n.kind, Kind::Office(_)));
        if s.word(m.end) == "'s" && !office_follows && matches!(m.kind, Kind::Person(_)) {
            continue;
        }
        let id = match m.kind {
            Kind::Person(p) => Some(p),
            Kind::Role(party, role, title) => named
                .iter()
                .copied()
                .find(|&p| {
                    let person = &lex.people[p];
                    person.party == party
                        && person.role == role
                        && (matches!(title, "leader" | "foreign minister") || person.title == title)
                })
                .or_else(|| lex.office_holder(party, role, title, year)),
            _ => None,
        };
        if let Some(id) = id
            && lex.people[id].role != Role::Spokesperson
            && !out.contains(&id)
        {
            out.push(id);
        }
    }
    // An official beside their own leader is telling of the call, not in it:
    // "Misri said Modi told Trump ...".
    let leaders: Vec<usize> = out
        .iter()
        .filter(|&&p| lex.people[p].role == Role::Leader)
        .map(|&p| lex.people[p].party)
        .collect();
    out.retain(|&p| {
        lex.people[p].role != Role::Official || !leaders.contains(&lex.people[p].party)
    });
    out
}

/// Find the call an article reports. `title` and `body` are parsed
/// sentences; `published` resolves relative dates.
pub fn find(
    title: &Parsed,
    body: &[Parsed],
    published: Option<NaiveDate>,
    lex: &Lexicon,
) -> Option<Found> {
    let year = published.map(|d| d.year());
    let all: Vec<&Parsed> = std::iter::once(title).chain(body).collect();
    let words: Vec<CallWords> = all.iter().map(|s| call_words(s)).collect();
    if !words.iter().any(CallWords::strong) {
        return None;
    }
    // A visit, a summit or talks in a city, and no call in the headline or lede.
    let head = &all[..all.len().min(2)];
    if head.iter().any(|s| in_person(s)) && !words[..head.len()].iter().any(CallWords::strong) {
        return None;
    }
    // Everyone the article names, most named first: who "the French leader" is.
    let mut named: Vec<(PersonId, usize)> = Vec::new();
    for s in &all {
        for m in &s.mentions {
            if let Kind::Person(p) = m.kind {
                match named.iter_mut().find(|n| n.0 == p) {
                    Some(n) => n.1 += 1,
                    None => named.push((p, 1)),
                }
            }
        }
    }
    named.sort_by_key(|n| std::cmp::Reverse(n.1));
    let named: Vec<PersonId> = named.into_iter().map(|n| n.0).collect();
    // A call dated days before the article is another, earlier one.
    let mut words = words;
    if let Some(p) = published {
        for (i, s) in all.iter().enumerate() {
            if words[i].any()
                && dates::find(&s.tokens, p)
                    .iter()
                    .any(|f| !f.bounded && (p - f.date).num_days() > 3)
            {
                words[i] = CallWords {
                    cue: Cue::None,
                    medium: None,
                };
            }
        }
    }
    let people_of: Vec<Vec<PersonId>> = all.iter().map(|s| people(s, lex, &named, year)).collect();

    // Score pairs of people of different governments named together where the
    // article speaks of a call; the headline and the lede weigh more.
    let mut scores: Vec<((PersonId, PersonId), f32, usize)> = Vec::new();
    for (i, ps) in people_of.iter().enumerate() {
        let w = match words[i].cue {
            Cue::Strong => 2.0,
            Cue::Weak => 1.0,
            Cue::None if i <= 1 => 1.0,
            Cue::None => 0.0,
        } * if i <= 1 { 1.5 } else { 1.0 };
        if w == 0.0 {
            continue;
        }
        for (x, &a) in ps.iter().enumerate() {
            for &b in &ps[x + 1..] {
                if lex.people[a].party == lex.people[b].party {
                    continue;
                }
                let key = if a < b { (a, b) } else { (b, a) };
                match scores.iter_mut().find(|s| s.0 == key) {
                    Some(s) => s.1 += w,
                    None => scores.push((key, w, i)),
                }
            }
        }
    }
    // "Ramaphosa spoke by phone with Putin ... ahead of a visit by Zelensky":
    // the one spoken with, and the one who spoke, are the pair.
    // Only in the headline and the lede, where the story says what happened:
    // later calls with others are mentioned in passing.
    for (i, s) in all.iter().enumerate().take(4) {
        if words[i].cue == Cue::None {
            continue;
        }
        if let Some((subject, object)) = spoke_with(s) {
            let (pa, pb) = (lex.people[subject].party, lex.people[object].party);
            if pa != pb {
                let key = if subject < object {
                    (subject, object)
                } else {
                    (object, subject)
                };
                match scores.iter_mut().find(|s| s.0 == key) {
                    Some(s) => s.1 += 2.0,
                    None => scores.push((key, 2.0, i)),
                }
            }
        }
    }
    let best = scores
        .iter()
        .filter(|s| s.1 >= 2.0)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.2.cmp(&a.2)))?;
    let (a, b) = best.0;
    // The pair must meet in at least one sentence that speaks of a call.
    let together = |i: usize| people_of[i].contains(&a) && people_of[i].contains(&b);
    // Or they meet in the lede and the next sentence tells of "the call".
    let meets = |i: usize| {
        together(i)
            && (words[i].cue > Cue::None
                || (i + 1 < all.len()
                    && words[i + 1].strong()
                    && people_of[i + 1].iter().all(|p| *p == a || *p == b)))
    };
    if !(0..all.len()).any(meets) {
        return None;
    }
    // Who the article names first, to the word.
    let first = |p: PersonId| {
        all.iter()
            .enumerate()
            .find_map(|(i, s)| {
                s.mentions
                    .iter()
                    .find(|m| matches!(m.kind, Kind::Person(x) if x == p))
                    .map(|m| (i, m.start))
                    .or_else(|| people_of[i].contains(&p).then_some((i, usize::MAX)))
            })
            .unwrap_or((usize::MAX, usize::MAX))
    };
    let mut pair = [a, b];
    pair.sort_by_key(|&p| first(p));

    // Sentences about this call: both named, or one named where a call is.
    // "The pair spoke on Saturday", "the two leaders spoke for an hour".
    let pair_words = |s: &Parsed| {
        [
            &["the", "pair"][..],
            &["the", "two", "leaders"],
            &["both", "leaders"],
            &["the", "two", "men"],
            &["the", "two", "presidents"],
        ]
        .iter()
        .any(|w| s.has(w))
    };
    let about: Vec<usize> = (0..all.len())
        .filter(|&i| {
            together(i)
                || (words[i].cue == Cue::Strong
                    && (people_of[i].contains(&a) || people_of[i].contains(&b)))
                || (words[i].cue > Cue::None && pair_words(all[i]))
                // "The call took place on Wednesday", "The call on Monday lasted an hour".
                || (words[i].strong()
                    && people_of[i].is_empty()
                    && [&["the", "call"][..], &["the", "conversation"], &["the", "phone", "call"], &["the", "video", "call"], &["the", "talks"]]
                        .iter()
                        .any(|w| all[i].has(w)))
        })
        .collect();
    let medium = about
        .iter()
        .copied()
        .chain(0..all.len())
        .find_map(|i| words[i].medium)
        .unwrap_or(Medium::Call);
    // "A Sunday phone call buys Brussels time": a sentence of a call that
    // names nobody else may date it by the call's own words.
    let of_call: Vec<usize> = (0..all.len())
        .filter(|&i| {
            !about.contains(&i)
                && words[i].strong()
                && people_of[i].iter().all(|p| *p == a || *p == b)
        })
        .collect();
    let date = published.map(|p| date_of(&all, &about, &of_call, p).unwrap_or(p));
    // "The call, which lasted two hours": any sentence of a call that names
    // nobody else.
    let duration_minutes = about.iter().find_map(|&i| duration(all[i])).or_else(|| {
        (0..all.len())
            .filter(|&i| words[i].strong() && people_of[i].iter().all(|p| *p == a || *p == b))
            .find_map(|i| duration(all[i]))
    });
    Some(Found {
        report: CallReport {
            participants: pair.iter().map(|&p| lex.people[p].name.clone()).collect(),
            parties: pair
                .iter()
                .map(|&p| lex.parties[lex.people[p].party].name.clone())
                .collect(),
            medium,
            date,
            duration_minutes,
            short_names: pair.iter().map(|&p| lex.people[p].short.clone()).collect(),
        },
        people: pair.to_vec(),
        parties: pair.iter().map(|&p| lex.people[p].party).collect(),
    })
}

/// The date most of the call's sentences give; the lede counts double, and
/// a date next to the call's own words ("a Sunday phone call", "spoke on
/// Friday") more than one elsewhere in the sentence ("the tariff he
/// threatened on Friday is on ice after a call"). `of_call` sentences count
/// only for dates next to the call's words.
fn date_of(
    all: &[&Parsed],
    about: &[usize],
    of_call: &[usize],
    published: NaiveDate,
) -> Option<NaiveDate> {
    let mut votes: Vec<(NaiveDate, u32, usize)> = Vec::new();
    for (i, near_only) in about
        .iter()
        .map(|&i| (i, false))
        .chain(of_call.iter().map(|&i| (i, true)))
    {
        let s = all[i];
        for f in dates::find(&s.tokens, published) {
            if f.bounded || f.date > published {
                continue;
            }
            let near = (f.at.saturating_sub(3)..(f.at + 4).min(s.tokens.len())).any(|j| {
                matches!(
                    s.word(j),
                    "call" | "conversation" | "spoke" | "talked" | "phoned" | "talks"
                )
            });
            if near_only && !near {
                continue;
            }
            // The lede dates the story's event; others may date other things.
            let w = if i == 1 { 3 } else { 1 } + if near { 2 } else { 0 };
            match votes.iter_mut().find(|v| v.0 == f.date) {
                Some(v) => v.1 += w,
                None => votes.push((f.date, w, i)),
            }
        }
    }
    votes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|v| v.0)
}

fn number(w: &str) -> Option<f32> {
    Some(match w {
        "a" | "an" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "half" => 0.5,
        "ten" => 10.0,
        "fifteen" => 15.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "forty-five" => 45.0,
        "fifty" => 50.0,
        "ninety" => 90.0,
        _ => return w.parse().ok(),
    })
}

fn unit(w: &str) -> Option<f32> {
    match w {
        "hour" | "hours" => Some(60.0),
        "minute" | "minutes" | "min" | "mins" => Some(1.0),
        _ => None,
    }
}

/// How long the call lasted, in minutes: "90-minute", "two hours and 10
/// minutes", "lasted approximately an hour", "an hour and a half".
pub fn duration(s: &Parsed) -> Option<u32> {
    let n = s.tokens.len();
    for i in 0..n {
        let w = s.word(i);
        // "90-minute call", "two-hour", "hour-long".
        if let Some((num, u)) = w.split_once('-') {
            if let (Some(x), Some(u)) = (number(num), unit(u)) {
                return Some((x * u) as u32);
            }
            if num == "hour" && u == "long" {
                return Some(60);
            }
        }
        let (Some(x), Some(u)) = (number(w), unit(s.word(i + 1))) else {
            continue;
        };
        // Only a length the call itself had: after "lasted", "for", "about".
        let before = (i.saturating_sub(3)..i)
            .map(|k| s.word(k))
            .collect::<Vec<_>>();
        if !before.iter().any(|b| {
            matches!(
                *b,
                "lasted"
                    | "lasting"
                    | "for"
                    | "about"
                    | "approximately"
                    | "nearly"
                    | "almost"
                    | "some"
                    | "over"
                    | "than"
            )
        }) {
            continue;
        }
        let mut minutes = x * u;
        // "two hours and 10 minutes", "an hour and a half".
        if s.word(i + 2) == "and" {
            if let (Some(y), Some(v)) = (number(s.word(i + 3)), unit(s.word(i + 4))) {
                minutes += y * v;
            } else if s.word(i + 3) == "a" && s.word(i + 4) == "half" {
                minutes += u / 2.0;
            }
        }
        return Some(minutes as u32);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEX: &str = r#"
[[party]]
name = "France"
adjectives = ["French"]
offices = ["Elysee"]
people = [{ name = "Emmanuel Macron", aliases = ["Macron"], role = "president", from = 2017 }]
[[party]]
name = "Russia"
adjectives = ["Russian"]
offices = ["Kremlin"]
people = [{ name = "Vladimir Putin", aliases = ["Putin"], role = "president", from = 2000 },
          { name = "Dmitry Peskov", aliases = ["Peskov"], role = "spokesperson" }]
[[party]]
name = "Ukraine"
adjectives = ["Ukrainian"]
people = [{ name = "Volodymyr Zelensky", aliases = ["Zelensky", "Zelenskyy"], role = "president", from = 2019 }]
"#;

    fn lex() -> Lexicon {
        Lexicon::from_toml(LEX, "").unwrap()
    }

    fn report(title: &str, body: &[&str], published: &str) -> Option<CallReport> {
        let lex = lex();
        let t = Parsed::new(title, &lex);
        let b: Vec<Parsed> = body.iter().map(|s| Parsed::new(s, &lex)).collect();
        find(
            &t,
            &b,
            NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            &lex,
        )
        .map(|f| f.report)
    }

    #[test]
    fn an_invitation_to_a_summit_is_no_meeting_in_person() {
        let r = report(
            "Macron invites Putin to G7 summit",
            &[
                "Macron has invited Putin to the G7 summit later this month.",
                "Macron extended the invitation in a phone call with Putin on Tuesday, the Elysee said.",
            ],
            "2022-05-03",
        );
        assert!(r.is_some());
        let r = report(
            "Macron meets Putin at summit",
            &[
                "Macron and Putin met at the summit in Rome.",
                "Macron later called Putin, the Elysee said.",
            ],
            "2022-05-03",
        );
        assert!(r.is_none());
    }

    #[test]
    fn the_call_is_dated_by_the_day_next_to_its_own_words() {
        // Published on Monday 26 May 2025.
        let r = report(
            "Putin blinks after Macron call",
            &[
                "A Sunday phone call buys Paris time.",
                "The tariff that Putin threatened on Friday is on ice after a call with Macron.",
            ],
            "2025-05-26",
        )
        .unwrap();
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2025, 5, 25));
        // "by phone" sets no deadline.
        let r = report(
            "Macron and Putin speak",
            &["Macron and Putin spoke by phone Wednesday afternoon."],
            "2024-11-28",
        )
        .unwrap();
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2024, 11, 27));
    }

    #[test]
    fn the_pair_named_where_the_call_is_told_takes_part() {
        let r = report(
            "Macron and Putin resume telephone contact",
            &[
                "PARIS — French President Emmanuel Macron spoke with Vladimir Putin on Tuesday.",
                "Macron resumed contact with Putin after a phone call with Ukrainian President Volodymyr Zelenskyy on Saturday.",
                "The call lasted two hours and 10 minutes, the Elysee said.",
            ],
            "2022-05-03",
        )
        .unwrap();
        assert_eq!(r.participants, ["Emmanuel Macron", "Vladimir Putin"]);
        assert_eq!(r.parties, ["France", "Russia"]);
        assert_eq!(r.medium, Medium::Phone);
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2022, 5, 3));
    }

    #[test]
    fn a_person_by_role_counts_as_that_person() {
        let r = report(
            "Macron promises aid in phone call",
            &["During a phone conversation on Saturday, Zelensky thanked the French leader."],
            "2022-05-03",
        )
        .unwrap();
        assert_eq!(r.participants, ["Emmanuel Macron", "Volodymyr Zelensky"]);
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2022, 4, 30));
    }

    #[test]
    fn a_virtual_summit_of_two_leaders_is_a_video_call_and_one_of_many_is_not() {
        let lex = lex();
        let words = |text: &str| call_words(&Parsed::new(text, &lex));
        let two = words("Narendra Modi held a virtual summit today with Scott Morrison.");
        assert!(two.strong());
        assert_eq!(two.medium, Some(Medium::Video));
        assert!(
            !words("Modi and Biden last interacted at the virtual summit of Quad leaders.")
                .strong()
        );
    }

    #[test]
    fn calls_held_again_and_again_over_months_are_none_in_particular() {
        let lex = lex();
        let words = |text: &str| call_words(&Parsed::new(text, &lex));
        assert!(
            !words("Since the invasion began, Macron and Putin have spoken by phone repeatedly.")
                .strong()
        );
        assert!(!words("The two have talked by phone several times this year.").strong());
        assert!(words("Macron and Putin spoke by phone on Tuesday.").strong());
        assert!(words("Macron has spoken by phone with Putin, the Elysee said.").strong());
    }

    #[test]
    fn a_conference_joined_by_video_is_no_call() {
        assert_eq!(
            report(
                "Macron hosts European leaders",
                &["Zelensky, who took part in the meeting by videoconference, thanked Macron."],
                "2024-02-26"
            ),
            None
        );
    }

    #[test]
    fn a_planned_call_is_no_call() {
        assert_eq!(
            report(
                "France invites allies to a video call",
                &["Macron will hold a video call with Zelensky on March 7."],
                "2024-03-05"
            ),
            None
        );
    }

    #[test]
    fn a_future_in_another_clause_leaves_the_call_told() {
        let r = report(
            "Macron tells Zelensky support will not waver",
            &["Macron said support will continue, in his first conversation with Zelensky since the vote."],
            "2024-03-05",
        )
        .unwrap();
        assert_eq!(r.participants, ["Emmanuel Macron", "Volodymyr Zelensky"]);
    }

    #[test]
    fn spokespeople_are_not_participants() {
        let r = report(
            "Putin and Macron speak by phone",
            &["Peskov said Putin told Macron in a phone call on Monday that talks were possible."],
            "2022-02-28",
        )
        .unwrap();
        assert_eq!(r.participants.len(), 2);
        assert!(!r.participants.contains(&"Dmitry Peskov".to_string()));
    }

    #[test]
    fn durations_in_several_spellings() {
        let lex = lex();
        let d = |s: &str| duration(&Parsed::new(s, &lex));
        assert_eq!(d("in a 90-minute phone call"), Some(90));
        assert_eq!(
            d("which Elysée said lasted two hours and 10 minutes"),
            Some(130)
        );
        assert_eq!(d("the call, which lasted approximately an hour"), Some(60));
        assert_eq!(d("they spoke for an hour and a half"), Some(90));
        assert_eq!(d("an hour-long call"), Some(60));
        assert_eq!(d("two hours after the call"), None);
    }
}
