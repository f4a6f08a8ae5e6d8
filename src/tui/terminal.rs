//! Entering and leaving the terminal: raw mode, the alternate screen, mouse
//! capture; restored on return, on panic, on SIGTERM and SIGINT. SIGHUP ends
//! the process at once (crossterm spins when its terminal is gone).

use std::io::{Write, stdout};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Set up the terminal. `ratatui::init` installs a panic hook that restores
/// it; ours wraps that to release the mouse and bracketed paste too.
pub fn enter(no_color: bool) -> Result<DefaultTerminal> {
    if no_color {
        // crossterm would otherwise emit bare resets that cancel reverse video.
        crossterm::style::force_color_output(true);
    }
    let terminal = ratatui::try_init()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_input();
        hook(info);
    }));
    // Bracketed paste: a pasted line arrives as one event, its newline
    // never read as Enter.
    execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    Ok(terminal)
}

fn release_input() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
}

/// Give the terminal back. Safe to call twice.
pub fn leave() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        release_input();
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

/// Open a web address with the system's opener, detached from the terminal.
pub fn open_url(url: &str) -> std::io::Result<()> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

/// Put `text` on the clipboard through the terminal (OSC 52). Only the `y`
/// key does this; article text never writes to the clipboard by itself.
pub fn copy(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

/// The OSC 52 sequence that sets the clipboard to `text`.
pub fn osc52(text: &str) -> String {
    format!("\u{1b}]52;c;{}\u{7}", base64(text.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |a, (i, b)| a | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod clipboard_tests {
    use super::*;

    #[test]
    fn osc52_carries_base64_text() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("“é”".as_bytes()), "4oCcw6nigJ0=");
        assert_eq!(osc52("hi"), "\u{1b}]52;c;aGk=\u{7}");
    }
}
