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

/// Gives the terminal back: cooked mode, bracketed paste off, the normal
/// screen, the cursor shown. Written straight to the descriptor, not
/// through `io::stdout()`, whose lock another thread may hold: the
/// watchdog in [`leave`] calls this while the main loop is stuck.
fn restore() -> io::Result<()> {
    terminal::disable_raw_mode()?;
    let mut bytes = Vec::new();
    execute!(
        bytes,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    )?;
    let stdout = io::stdout();
    let mut rest = bytes.as_slice();
    while !rest.is_empty() {
        match nix::unistd::write(std::os::fd::AsFd::as_fd(&stdout), rest) {
            Ok(0) => break,
            Ok(n) => rest = &rest[n..],
            Err(nix::errno::Errno::EINTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
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

fn setup(basic: bool) -> io::Result<Term> {
    install_panic_hook();
    terminal::enable_raw_mode()?;
    let buffered = BufWriter::with_capacity(WRITE_BUFFER, io::stdout());
    let mut out = if basic {
        Wire::basic(buffered)
    } else {
        Wire::new(buffered)
    };
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
    let offered = |app: &App| {
        matches!(
            app.overlays.last(),
            Some(super::app::Overlay::DraftFound(_))
        )
    };
    let before = offered(app);
    let caught_up = session.follow(app);
    // Taking over, it offers what the session before was typing: the keys
    // of this burst were pressed without seeing that, and never answer it.
    if caught_up && !before && offered(app) {
        let mut pending = Some(first);
        while let Some(e) = pending {
            // (A new size still counts.)
            if matches!(e, event::Event::Resize(..)) {
                app.handle_event(e);
            }
            pending = next()?;
        }
        return Ok(true);
    }
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

/// What signals ask of the main loop, which alone touches the terminal.
#[derive(Default)]
struct Asked {
    /// Leave: SIGHUP, SIGTERM, SIGINT, SIGQUIT, or the terminal hung up.
    stop: AtomicBool,
    /// Suspend: SIGTSTP (Ctrl-Z, or from outside).
    suspend: AtomicBool,
    /// Redraw all: SIGCONT (after a stop ietkit did not arrange).
    redraw: AtomicBool,
}

/// Asks the main loop to stop and gives it [`GRACE`] to save and leave;
/// when the terminal has gone away, crossterm can be stuck reading it and
/// never return to the loop, so then this restores what it can and exits.
/// That loses nothing: every change was saved, atomically, as it was made,
/// and what was being typed was kept as a draft when it was typed.
fn leave(asked: &Asked) -> ! {
    asked.stop.store(true, Ordering::SeqCst);
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

/// A file-size limit (`ulimit -f`) makes the system send SIGXFSZ, which
/// would end ietkit on the spot; with it caught, a write past the limit
/// fails instead, and is reported like any failed save.
pub fn survive_file_size_limits() {
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        Arc::new(AtomicBool::new(false)),
    );
}

/// SIGHUP, SIGTERM, SIGINT, SIGQUIT, or a terminal that hangs up without a
/// signal (as when a session's terminal closes under `su` or `runuser`):
/// ietkit leaves, after saving, with the terminal restored; it must never
/// go on holding an assessment's lock for nobody. SIGTSTP suspends it, the
/// terminal restored first; SIGCONT redraws.
fn watch_signals(asked: Arc<Asked>) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    let on_signal = Arc::clone(&asked);
    std::thread::spawn(move || {
        for signal in signals.forever() {
            match signal {
                SIGTSTP => on_signal.suspend.store(true, Ordering::SeqCst),
                SIGCONT => on_signal.redraw.store(true, Ordering::SeqCst),
                _ => leave(&on_signal),
            }
        }
    });
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(HANGUP_CHECK);
            if hung_up() {
                leave(&asked);
            }
        }
    });
    Ok(())
}

/// Gives the terminal back and stops, as Ctrl-Z does in a shell; when the
/// shell continues ietkit, takes the terminal again and draws it whole.
fn suspend(terminal: &mut Term, app: &App) -> io::Result<()> {
    restore()?;
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    // Continued. The cursor is showing now: through the wire, so that the
    // next frame hides it again.
    terminal::enable_raw_mode()?;
    let wire = terminal.backend_mut().inner_mut();
    enter(wire)?;
    execute!(wire, cursor::Show)?;
    repaint(terminal, app)
}

/// Blanks the screen and draws all of it again. (Not `Terminal::clear`,
/// which asks the terminal where its cursor is: a round trip on a slow
/// line, and ietkit asks the terminal nothing.)
fn repaint(terminal: &mut Term, app: &App) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    draw(terminal, app)
}

/// Runs the app until the user quits, the terminal goes away or a signal
/// asks ietkit to stop. Leaving needs no save of its own: every change,
/// and what is being typed, went to disk through `session` before the
/// screen showed it.
pub fn run(app: &mut App, session: &mut Session) -> io::Result<()> {
    if app.theme.mono {
        // crossterm turns colour resets into full resets under NO_COLOR,
        // which would cancel the reverse-video selection; the mono theme
        // already uses no colours, so let crossterm write plain resets.
        ratatui::crossterm::style::force_color_output(true);
    }
    let asked = Arc::new(Asked::default());
    watch_signals(Arc::clone(&asked))?;
    let mut terminal = setup(app.theme.basic)?;
    let result = event_loop(&mut terminal, app, session, &asked);
    let restored = restore();
    // `restore` has put the terminal back. Dropping ratatui's terminal
    // would try to show the cursor again and, when that fails (the
    // terminal has hung up), print to standard error, which then fails
    // too and panics: it is let go without its drop.
    std::mem::forget(terminal);
    // A terminal that has gone away fails whatever is read from or written
    // to it, in the loop or in restoring it: that is how a session ends on
    // a dropped line, not a fault. Everything was saved as it was made.
    if asked.stop.load(Ordering::SeqCst) || hung_up() {
        return Ok(());
    }
    result.and(restored)
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    session: &mut Session,
    asked: &Asked,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.resize_first(size.width, size.height);
    draw(terminal, app)?;
    // For the test that the terminal is restored after a panic: no other
    // way to make a correct program panic on purpose.
    if std::env::var_os("IETKIT_PANIC_FOR_TEST").is_some() {
        panic!("IETKIT_PANIC_FOR_TEST is set, so ietkit stops here");
    }
    // For the test of `leave`: a main loop that never comes back, as when
    // crossterm is stuck reading a terminal that has gone away.
    if std::env::var_os("IETKIT_STUCK_FOR_TEST").is_some() {
        loop {
            std::thread::park();
        }
    }
    while !app.quit && !asked.stop.load(Ordering::Relaxed) {
        if asked.suspend.swap(false, Ordering::SeqCst) || std::mem::take(&mut app.suspend) {
            // Saved, with what is being typed kept, before stopping.
            session.apply(app);
            suspend(terminal, app)?;
            asked.redraw.store(false, Ordering::SeqCst);
        }
        if asked.redraw.swap(false, Ordering::SeqCst) {
            repaint(terminal, app)?;
        }
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
        if handle_burst(app, session, event::read()?, queued)? && !app.suspend {
            draw(terminal, app)?;
        }
    }
    Ok(())
}
