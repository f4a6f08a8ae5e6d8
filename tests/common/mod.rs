//! Hand-built fixture data for the reader's tests: stable whatever the
//! analysis finds in the samples.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use parallax::model::*;
use parallax::tui::state::{Effect, State};
use parallax::tui::theme::Theme;
use parallax::tui::{Action, Keymap, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const CALL: &str = "2022-05-03-macron-putin";
pub const POLITICO: &str = "2022-05-03-politico-macron-and-putin-resume";
pub const LEMONDE: &str = "2022-05-03-le-monde-elysee-readout";

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn summary(
    id: &str,
    title: &str,
    source: &str,
    published: Option<NaiveDate>,
    call: bool,
) -> ArticleSummary {
    ArticleSummary {
        id: id.into(),
        title: title.into(),
        source: Some(source.into()),
        published,
        state: ReadingState::default(),
        calls: if call { vec![CALL.into()] } else { vec![] },
        participants: if call {
            vec!["Emmanuel Macron".into(), "Vladimir Putin".into()]
        } else {
            vec![]
        },
        parties: if call {
            vec!["France".into(), "Russia".into()]
        } else {
            vec![]
        },
    }
}

/// Four articles, newest first; two report the Macron–Putin call.
pub fn summaries() -> Vec<ArticleSummary> {
    let mut read = summary(
        "2022-01-10-ap-budget-talks-stall",
        "Budget talks stall in Brussels",
        "AP",
        date(2022, 1, 10),
        false,
    );
    read.state.read = true;
    read.state.bookmarked = true;
    vec![
        summary(
            "2024-07-05-reuters-orban-visits-moscow",
            "Orbán visits Moscow on a self-styled peace mission",
            "Reuters",
            date(2024, 7, 5),
            false,
        ),
        summary(
            POLITICO,
            "Macron and Putin resume telephone contact",
            "POLITICO",
            date(2022, 5, 3),
            true,
        ),
        summary(
            LEMONDE,
            "Élysée readout: Macron urges a ceasefire",
            "Le Monde",
            date(2022, 5, 3),
            true,
        ),
        read,
    ]
}

const PARAS: &[&str] = &[
    "PARIS — French President Emmanuel Macron spoke with Vladimir Putin for two hours on Tuesday.",
    "Macron urged Russia to allow the evacuation of Mariupol, the Élysée said. He called for a ceasefire. The two men agreed to keep talking.",
    "Putin told Macron that the West should stop arming Kyiv, the Kremlin said in its readout. Putin also said Russia was open to dialogue.",
    "Analysts were not impressed.",
];

/// The POLITICO article, with France's and Russia's accounts marked.
pub fn politico_view() -> ArticleView {
    let mut sentences = Vec::new();
    let marks: &[&[&str]] = &[&[], &["France", "", ""], &["Russia", "Russia"], &[""]];
    for (p, text) in PARAS.iter().enumerate() {
        let mut start = 0;
        let mut k = 0;
        let bytes: Vec<(usize, char)> = text.char_indices().collect();
        for (i, c) in bytes {
            if c == '.' && (i + 1 == text.len() || text[i + 1..].starts_with(' ')) {
                let end = i + 1;
                let party = marks[p].get(k).copied().unwrap_or("");
                sentences.push(Sentence {
                    paragraph: p,
                    start,
                    end,
                    text: text[start..end].to_string(),
                    parties: if party.is_empty() {
                        vec![]
                    } else {
                        vec![party.to_string()]
                    },
                });
                k += 1;
                start = (end + 1).min(text.len());
            }
        }
    }
    ArticleView {
        id: POLITICO.into(),
        title: "Macron and Putin resume telephone contact".into(),
        source: Some("POLITICO".into()),
        url: None,
        published: date(2022, 5, 3),
        byline: Some("Clea Caulcutt".into()),
        state: ReadingState::default(),
        analysis: Analysis {
            version: 1,
            paragraphs: PARAS.iter().map(|s| s.to_string()).collect(),
            sentences,
            call: Some(CallReport {
                participants: vec!["Emmanuel Macron".into(), "Vladimir Putin".into()],
                parties: vec!["France".into(), "Russia".into()],
                medium: Medium::Phone,
                date: date(2022, 5, 3),
                duration_minutes: Some(130),
                short_names: vec!["Macron".into(), "Putin".into()],
            }),
        },
        calls: vec![CALL.into()],
    }
}

pub fn lemonde_view() -> ArticleView {
    ArticleView {
        id: LEMONDE.into(),
        title: "Élysée readout: Macron urges a ceasefire".into(),
        source: Some("Le Monde".into()),
        url: None,
        published: date(2022, 5, 3),
        byline: None,
        state: ReadingState::default(),
        analysis: Analysis {
            version: 1,
            paragraphs: vec![
                "The Élysée said Macron pressed for grain exports through the Black Sea.".into(),
            ],
            sentences: vec![Sentence {
                paragraph: 0,
                start: 0,
                end: 71,
                text: "The Élysée said Macron pressed for grain exports through the Black Sea."
                    .into(),
                parties: vec!["France".into()],
            }],
            call: None,
        },
        calls: vec![CALL.into()],
    }
}

fn st(text: &str, article: &str, sentence: usize) -> Statement {
    Statement {
        text: text.into(),
        article: article.into(),
        sentence,
        also: vec![],
    }
}

/// France and Russia on three subjects; the last two one-sided.
pub fn comparison() -> Comparison {
    let row = |topic: &[&str], fr: Vec<Statement>, ru: Vec<Statement>| {
        let one_sided = fr.is_empty() || ru.is_empty();
        Row {
            topic: topic.iter().map(|s| s.to_string()).collect(),
            cells: BTreeMap::from([("France".to_string(), fr), ("Russia".to_string(), ru)]),
            one_sided,
        }
    };
    let mut merged = st(
        "Macron urged Russia to allow the evacuation of Mariupol, the Élysée said.",
        POLITICO,
        1,
    );
    merged.also.push(Citation {
        article: LEMONDE.into(),
        sentence: 0,
    });
    Comparison {
        call: CallSummary {
            id: CALL.into(),
            date: date(2022, 5, 3),
            medium: Medium::Phone,
            duration_minutes: Some(130),
            participants: vec!["Emmanuel Macron".into(), "Vladimir Putin".into()],
            parties: vec!["France".into(), "Russia".into()],
            articles: vec![POLITICO.into(), LEMONDE.into()],
        },
        rows: vec![
            row(
                &["mariupol", "evacuation"],
                vec![merged],
                vec![st(
                    "Putin said Russia was ready to let civilians leave Mariupol through humanitarian corridors.",
                    POLITICO,
                    5,
                )],
            ),
            row(
                &["grain", "exports"],
                vec![st(
                    "The Élysée said Macron pressed for grain exports through the Black Sea.",
                    LEMONDE,
                    0,
                )],
                vec![],
            ),
            row(
                &["weapons"],
                vec![],
                vec![st(
                    "Putin told Macron that the West should stop arming Kyiv, the Kremlin said in its readout.",
                    POLITICO,
                    4,
                )],
            ),
        ],
    }
}

/// A three-way video call: France, Germany and Ukraine, one row each side
/// spoke to, one only Ukraine did.
pub fn three_party_comparison() -> Comparison {
    let cells = |fr: &[&str], de: &[&str], ua: &[&str]| {
        let mk = |v: &[&str], k: usize| -> Vec<Statement> {
            v.iter()
                .enumerate()
                .map(|(i, t)| st(t, POLITICO, 10 * k + i))
                .collect()
        };
        BTreeMap::from([
            ("France".to_string(), mk(fr, 1)),
            ("Germany".to_string(), mk(de, 2)),
            ("Ukraine".to_string(), mk(ua, 3)),
        ])
    };
    Comparison {
        call: CallSummary {
            id: "2022-06-16-macron-scholz-zelensky".into(),
            date: date(2022, 6, 16),
            medium: Medium::Video,
            duration_minutes: Some(45),
            participants: vec![
                "Emmanuel Macron".into(),
                "Olaf Scholz".into(),
                "Volodymyr Zelensky".into(),
            ],
            parties: vec!["France".into(), "Germany".into(), "Ukraine".into()],
            articles: vec![POLITICO.into()],
        },
        rows: vec![
            Row {
                topic: vec!["candidate status".into()],
                cells: cells(
                    &["Macron backed candidate status for Ukraine without delay."],
                    &["Scholz said Germany supports candidate status."],
                    &["Zelensky thanked both leaders for their historic support."],
                ),
                one_sided: false,
            },
            Row {
                topic: vec!["air defence".into()],
                cells: cells(
                    &[],
                    &[],
                    &["Zelensky asked for modern air defence systems before winter."],
                ),
                one_sided: true,
            },
        ],
    }
}

pub fn state() -> State {
    let mut s = State::new(summaries(), Keymap::default(), Theme::colour());
    update(
        &mut s,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    s
}

/// What the edges would do, played on fixtures; returns the saves.
pub struct Driver {
    pub saves: Vec<(String, ReadingState)>,
    pub views: HashMap<String, ArticleView>,
}

impl Default for Driver {
    fn default() -> Self {
        Driver {
            saves: vec![],
            views: HashMap::from([
                (POLITICO.to_string(), politico_view()),
                (LEMONDE.to_string(), lemonde_view()),
            ]),
        }
    }
}

impl Driver {
    pub fn act(&mut self, s: &mut State, a: Action) -> Vec<Effect> {
        let fx = update(s, a);
        self.run(s, fx.clone());
        fx
    }

    pub fn run(&mut self, s: &mut State, fx: Vec<Effect>) {
        for e in fx {
            match e {
                Effect::Save { id, state } => self.saves.push((id, state)),
                Effect::LoadArticle { id, sentence } => {
                    if let Some(v) = self.views.get(&id).cloned() {
                        let more = parallax::tui::update::article_loaded(s, v, sentence);
                        self.run(s, more);
                    }
                }
                Effect::LoadComparison { .. } => {
                    let more = parallax::tui::update::comparison_loaded(s, comparison());
                    self.run(s, more);
                }
                Effect::Filter(_) | Effect::OpenUrl(_) | Effect::Copy(_) | Effect::Quit => {}
            }
        }
    }
}

pub fn render(state: &mut State, w: u16, h: u16) -> Terminal<TestBackend> {
    update(
        state,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| parallax::tui::draw(state, f)).unwrap();
    t
}
