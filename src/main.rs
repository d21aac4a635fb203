use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    ietkit::tui::term::survive_file_size_limits();
    let cli = ietkit::cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let status = ietkit::cli::run(&cli, &mut out, &mut err).and_then(|status| {
        out.flush()?;
        Ok(status)
    });
    match status {
        Ok(status) => ExitCode::from(status),
        // Output closed early (e.g. piped into `head`): nothing more to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "ietkit: could not write output: {e}");
            ExitCode::from(1)
        }
    }
}
