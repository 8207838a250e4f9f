//! The `dateline` binary: argument parsing, then the window or a CLI subcommand.
#![cfg_attr(all(windows, feature = "gui"), windows_subsystem = "windows")]

use clap::Parser;
use dateline::cli::{Cli, run};

/// mimalloc: extraction allocates many small, short-lived values on every rayon thread;
/// with glibc's allocator extraction took about 15% longer (`dateline bench`). Built with
/// `no_thp`: with transparent huge pages its arenas were zeroed and re-faulted 2 MB at a time
/// (up to a sixth of the extraction's CPU time in the kernel, and 40 MB more peak memory for
/// a 10,000-article corpus).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => match run(&cli, command) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dateline: {e}");
                std::process::ExitCode::FAILURE
            }
        },
        None => open_window(&cli),
    }
}

#[cfg(feature = "gui")]
fn open_window(cli: &Cli) -> std::process::ExitCode {
    match dateline::app::run_native(cli.paths.clone(), cli.gazetteer.clone(), cli.actors.clone(), cli.extend) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_cli: &Cli) -> std::process::ExitCode {
    eprintln!("dateline: built without the `gui` feature; use a subcommand such as `dateline extract`");
    std::process::ExitCode::FAILURE
}
