//! Entering and leaving the terminal: raw mode, the alternate screen, mouse
//! capture; restored on return, on panic, on SIGTERM and SIGINT. SIGHUP ends
//! the process at once (crossterm spins when its terminal is gone).

use std::io::{Write, stdout};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Set up the terminal. `ratatui::init` installs a panic hook that restores
/// it; ours wraps that to release the mouse too.
pub fn enter(no_color: bool) -> Result<DefaultTerminal> {
    if no_color {
        // crossterm would otherwise emit bare resets that cancel reverse video.
        crossterm::style::force_color_output(true);
    }
    let terminal = ratatui::try_init()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_mouse();
        hook(info);
    }));
    execute!(stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

fn release_mouse() {
    let _ = execute!(stdout(), DisableMouseCapture);
}

/// Give the terminal back. Safe to call twice.
pub fn leave() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        release_mouse();
        ratatui::restore();
        let _ = execute!(stdout(), crossterm::cursor::Show);
        let _ = stdout().flush();
    }
}

/// Signals: SIGTERM and SIGINT ask the loop to quit (it saves and restores),
/// and if it does not within a second the terminal is restored here and the
/// process ends. SIGHUP ends the process straight away.
pub fn watch_signals(quit: std::sync::Arc<AtomicI32>) -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                if sig == SIGHUP {
                    std::process::exit(128 + SIGHUP);
                }
                quit.store(sig, Ordering::SeqCst);
                std::thread::sleep(Duration::from_secs(1));
                leave();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}
