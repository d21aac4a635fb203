//! The terminal: set up, one buffered and synchronized write per frame,
//! redraw only after a change, and always restore on the way out.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};

use super::app::App;
use super::backend::Thrifty;
use super::session::Session;
use super::ui;
use super::wire::Wire;

/// crossterm's backend, made thrifty, writing through the wire.
pub type Backend<W> = Thrifty<CrosstermBackend<Wire<W>>>;

pub type Term = Terminal<Backend<BufWriter<Stdout>>>;

/// Large enough that a whole frame leaves in one write.
const WRITE_BUFFER: usize = 64 * 1024;

fn restore() -> io::Result<()> {
    let mut out = io::stdout();
    terminal::disable_raw_mode()?;
    execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    )?;
    out.flush()
}

/// Puts the terminal back even if ietkit panics, before the panic message.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        previous(info);
    }));
}

/// What ietkit sends before its first frame. No mouse capture and no
/// terminal queries: both cost round trips on slow links.
pub fn enter<W: Write>(out: &mut W) -> io::Result<()> {
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)
}

fn setup() -> io::Result<Term> {
    install_panic_hook();
    terminal::enable_raw_mode()?;
    let mut out = Wire::new(BufWriter::with_capacity(WRITE_BUFFER, io::stdout()));
    enter(&mut out)?;
    Terminal::new(Thrifty::new(CrosstermBackend::new(out)))
}

/// Draws one frame and flushes it: one write, trimmed by [`Wire`].
/// Generic over the writer so the byte meter measures exactly this path.
pub fn draw<W: Write>(terminal: &mut Terminal<Backend<W>>, app: &App) -> io::Result<()> {
    terminal.backend_mut().set_width(app.size.width);
    // `Terminal::draw` flushes the backend, and so the wire, at its end.
    terminal.draw(|frame| ui::render(app, frame)).map(|_| ())
}

/// Handles `first` and every event already queued behind it (type-ahead,
/// a burst of resizes), saves, and says whether to draw: so a burst costs
/// one frame, however many events it holds.
pub fn handle_burst(
    app: &mut App,
    session: &mut Session,
    first: event::Event,
    mut next: impl FnMut() -> io::Result<Option<event::Event>>,
) -> io::Result<bool> {
    // A view that follows another session catches up first, so that a key
    // pressed just as that session closed already counts.
    let caught_up = session.follow(app);
    let mut redraw = app.handle_event(first) | caught_up;
    while !app.quit {
        match next()? {
            Some(e) => redraw |= app.handle_event(e),
            None => break,
        }
    }
    // Save before drawing: what the screen shows is on disk.
    session.apply(app);
    Ok(redraw && !app.quit)
}

/// How often the loop looks up from waiting for a key to check for a
/// hang-up or termination signal. It draws nothing, so idle stays silent.
const SIGNAL_CHECK: Duration = Duration::from_millis(200);

/// How long the main loop has, after a hang-up or termination signal, to
/// save and leave by itself.
const GRACE: Duration = Duration::from_secs(1);

/// How often a quiet thread looks whether the terminal has hung up. It
/// writes nothing: idle stays silent.
const HANGUP_CHECK: Duration = Duration::from_secs(1);

/// Asks the main loop to stop and gives it [`GRACE`] to save and leave;
/// when the terminal has gone away, crossterm can be stuck reading it and
/// never return to the loop, so then this restores what it can and exits.
/// That loses nothing: every change was saved, atomically, as it was made.
fn leave(stop: &AtomicBool) -> ! {
    stop.store(true, Ordering::SeqCst);
    std::thread::sleep(GRACE);
    let _ = restore();
    std::process::exit(0)
}

/// Whether the terminal on standard input has hung up: the other end is
/// gone (a dropped connection, a closed window) even if no signal said so.
fn hung_up() -> bool {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(
        std::os::fd::AsFd::as_fd(&stdin),
        PollFlags::POLLIN,
    )];
    match poll(&mut fds, PollTimeout::ZERO) {
        Ok(_) => fds[0].revents().is_some_and(|r| {
            r.intersects(PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL)
        }),
        Err(_) => false,
    }
}

/// On SIGHUP or SIGTERM, or when the terminal hangs up without a signal
/// (as when a session's terminal closes under `su` or `runuser`), ietkit
/// leaves: it must never go on holding an assessment's lock for nobody.
fn watch_signals(stop: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM])?;
    let on_signal = Arc::clone(&stop);
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            leave(&on_signal);
        }
    });
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(HANGUP_CHECK);
            if hung_up() {
                leave(&stop);
            }
        }
    });
    Ok(())
}

/// Runs the app until the user quits, the terminal goes away or a signal
/// asks ietkit to stop; every change is saved through `session` as it
/// happens, and once more on the way out.
pub fn run(app: &mut App, session: &mut Session) -> io::Result<()> {
    if app.theme.mono {
        // crossterm turns colour resets into full resets under NO_COLOR,
        // which would cancel the reverse-video selection; the mono theme
        // already uses no colours, so let crossterm write plain resets.
        ratatui::crossterm::style::force_color_output(true);
    }
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    let mut terminal = setup()?;
    let result = event_loop(&mut terminal, app, session, &stop);
    // Whatever ended the loop, what was typed is saved before leaving.
    session.apply(app);
    let restored = restore();
    result.and(restored)
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    session: &mut Session,
    stop: &AtomicBool,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.size = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    draw(terminal, app)?;
    // For the test that the terminal is restored after a panic: no other
    // way to make a correct program panic on purpose.
    if std::env::var_os("IETKIT_PANIC_FOR_TEST").is_some() {
        panic!("IETKIT_PANIC_FOR_TEST is set, so ietkit stops here");
    }
    while !app.quit && !stop.load(Ordering::Relaxed) {
        // A read error means the terminal is gone (a dropped connection):
        // stop, and let `run` save.
        if !event::poll(SIGNAL_CHECK)? {
            continue;
        }
        let queued = || {
            Ok(if event::poll(Duration::ZERO)? {
                Some(event::read()?)
            } else {
                None
            })
        };
        if handle_burst(app, session, event::read()?, queued)? {
            draw(terminal, app)?;
        }
    }
    Ok(())
}
