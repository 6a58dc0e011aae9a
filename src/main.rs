//! Thin entry point: parse arguments, run, print a fatal error, exit.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = <cxm::cli::Cli as clap::Parser>::parse();
    match cxm::app::run(cli) {
        Ok(code) => code,
        Err(err) if cxm::app::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", cxm::app::fatal(&err));
            ExitCode::from(2)
        }
    }
}
