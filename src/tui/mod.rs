//! The reader app: a one-way loop. A key becomes an [`Action`] through the
//! [`Keymap`], [`update`] changes the [`State`] and returns [`Effect`]s that
//! run here at the edge (library reads and writes, the filter worker), and
//! [`draw`] paints the state.

pub mod action;
pub mod contrast;
pub mod doc;
pub mod draw;
pub mod filter_worker;
pub mod keymap;
pub mod layout;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod wrap;

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{self, Event, MouseButton, MouseEventKind};

pub use action::Action;
pub use draw::draw;
pub use keymap::Keymap;
pub use state::{Effect, Pane, State};
pub use update::update;

use crate::library::Library;
use filter_worker::FilterWorker;
use state::Level;
use theme::Theme;

/// The state with the library behind it: runs effects.
pub struct App {
    pub state: State,
    pub lib: Library,
    worker: Option<FilterWorker>,
}

impl App {
    pub fn new(lib: Library, theme: Theme) -> Result<App> {
        App::with_keymap(lib, theme, Keymap::default())
    }

    pub fn with_keymap(mut lib: Library, theme: Theme, keymap: Keymap) -> Result<App> {
        let articles = lib.summaries()?;
        Ok(App {
            state: State::new(articles, keymap, theme),
            lib,
            worker: None,
        })
    }

    /// Apply an action and everything it leads to.
    pub fn act(&mut self, action: Action) {
        let fx = update(&mut self.state, action);
        self.run(fx);
    }

    fn run(&mut self, fx: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = fx.into();
        while let Some(e) = queue.pop_front() {
            match e {
                Effect::Save { id, state } => {
                    if let Err(e) = self.lib.set_state(&id, state) {
                        self.state
                            .set_status(format!("Could not save: {e:#}"), Level::Error);
                    }
                }
                Effect::LoadArticle { id, sentence } => match self.lib.article(&id) {
                    Ok(Some(view)) => {
                        queue.extend(update::article_loaded(&mut self.state, view, sentence))
                    }
                    Ok(None) => self
                        .state
                        .set_status(format!("No article {id}"), Level::Error),
                    Err(e) => self.state.set_status(format!("{e:#}"), Level::Error),
                },
                Effect::LoadComparison { call } => match self.lib.compare(&call) {
                    Ok(Some(cmp)) => queue.extend(update::comparison_loaded(&mut self.state, cmp)),
                    Ok(None) => self
                        .state
                        .set_status(format!("No call {call}"), Level::Error),
                    Err(e) => self.state.set_status(format!("{e:#}"), Level::Error),
                },
                Effect::Filter(req) => self
                    .worker
                    .get_or_insert_with(FilterWorker::start)
                    .submit(req),
                Effect::OpenUrl(url) => {
                    if let Err(e) = terminal::open_url(&url) {
                        self.state
                            .set_status(format!("Could not open: {e}"), Level::Error);
                    }
                }
                Effect::Copy(text) => {
                    if let Err(e) = terminal::copy(&text) {
                        self.state
                            .set_status(format!("Could not copy: {e}"), Level::Error);
                    }
                }
                Effect::Quit => {}
            }
        }
    }

    /// Take what the filter worker has sent so far.
    pub fn poll_worker(&mut self) -> bool {
        let Some(w) = &self.worker else { return false };
        let mut got = false;
        while let Ok(up) = w.rx.try_recv() {
            update::filtered(&mut self.state, up);
            got = true;
        }
        got
    }

    pub fn busy(&self) -> bool {
        self.state.filter.running
    }
}

/// Map a terminal event to an action.
pub fn event_action(state: &State, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) => {
            if state.filter.editing && state.help.is_none() {
                keymap::filter_action(&state.keymap, k)
            } else {
                state.keymap.action(k)
            }
        }
        Event::Paste(text) => Some(Action::Paste { text: text.clone() }),
        Event::Resize(w, h) => Some(Action::Resize {
            width: *w,
            height: *h,
        }),
        Event::Mouse(m) => {
            let (column, row) = (m.column, m.row);
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Open the app on the library. The caller has checked that stdin and
/// stdout are terminals.
pub fn run(lib: Library, config: &crate::config::Config) -> Result<()> {
    let theme = config.theme();
    let mut app = App::with_keymap(lib, theme.clone(), config.keymap.clone())?;
    // The number of a signal that asked us to quit, 0 for none.
    let quit = Arc::new(AtomicI32::new(0));
    terminal::watch_signals(quit.clone())?;
    let mut term = terminal::enter(theme.depth == theme::Depth::None)?;
    let result = (|| -> Result<()> {
        let size = term.size()?;
        app.act(Action::Resize {
            width: size.width,
            height: size.height,
        });
        let mut dirty = true;
        loop {
            if quit.load(Ordering::SeqCst) != 0 && !app.state.quit {
                app.act(Action::Quit);
            }
            if app.state.quit {
                break;
            }
            if app.poll_worker() {
                dirty = true;
            }
            // The size the frame will have, even if its resize event is
            // still on its way.
            let size = term.size()?;
            if (size.width, size.height) != (app.state.width, app.state.height) {
                app.act(Action::Resize {
                    width: size.width,
                    height: size.height,
                });
                dirty = true;
            }
            if dirty {
                term.draw(|f| draw(&app.state, f))?;
                dirty = false;
            }
            let wait = if app.busy() { 16 } else { 200 };
            if event::poll(Duration::from_millis(wait))? {
                // Drain what is queued before drawing again. Of a run of
                // resizes only the last counts: a storm lays out once.
                let mut resize = None;
                loop {
                    let ev = event::read()?;
                    match event_action(&app.state, &ev) {
                        Some(a @ Action::Resize { .. }) => resize = Some(a),
                        Some(a) => {
                            if let Some(r) = resize.take() {
                                app.act(r);
                            }
                            app.act(a);
                            dirty = true;
                        }
                        None => {}
                    }
                    if app.state.quit || !event::poll(Duration::ZERO)? {
                        break;
                    }
                }
                if let Some(r) = resize {
                    app.act(r);
                    dirty = true;
                }
            }
        }
        Ok(())
    })();
    drop(term);
    terminal::leave();
    let sig = quit.load(Ordering::SeqCst);
    if sig != 0 && result.is_ok() {
        // Ended by SIGTERM or SIGINT: say so in the exit status, as shells expect.
        std::process::exit(128 + sig);
    }
    result
}
