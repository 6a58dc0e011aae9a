//! Thin entry point: parse arguments, run, print a fatal error, exit.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = <cxm::cli::Cli as clap::Parser>::parse();
    match cxm::app::run(cli) {
        Ok(code) => code,
        Err(err) if cxm::app::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Standard error may be closed: never a panic (exit 101).
            cxm::output::eprintln(&cxm::app::fatal(&err).to_string());
            ExitCode::from(2)
        }
    }
}
