//! The `dateline` binary: argument parsing, then the window or a CLI subcommand.
#![cfg_attr(all(windows, feature = "gui"), windows_subsystem = "windows")]

use clap::Parser;
use dateline::cli::{Cli, run};

/// mimalloc: extraction allocates many small, short-lived values on every rayon thread;
/// with glibc's allocator extraction took about 15% longer (`dateline bench`). Built with
/// `no_thp`: with transparent huge pages its arenas were zeroed and re-faulted 2 MB at a time
/// (up to a sixth of the extraction's CPU time in the kernel, and 40 MB more peak memory for
/// a 10,000-article corpus).
///
/// A layout aligned to a word at most (nearly all: strings, vectors of words and pointers)
/// is asked of mimalloc's plain `mi_malloc`, whose blocks are all aligned to a word at least,
/// not of `mi_malloc_aligned` as `mimalloc::MiMalloc` asks every layout: that one takes its
/// fast path only for blocks of up to 1 KiB and over-allocates every larger block it cannot
/// prove aligned (about 200 instructions, and the next size class, per allocation).
#[global_allocator]
static ALLOC: WordAligned = WordAligned;

/// mimalloc's plain entry points for layouts aligned to a word at most, its aligned ones
/// (as `mimalloc::MiMalloc`) for the others.
struct WordAligned;

/// The alignment of every block mimalloc's plain entry points give (a word).
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: every block comes from mimalloc and goes back to it (`mi_free` frees blocks of the
// plain and the aligned entry points alike); a block from a plain entry point is aligned to a
// word, which `layout.align() <= WORD` asks at most; other layouts go to the aligned entry
// points, as `mimalloc::MiMalloc` sends them all.
unsafe impl std::alloc::GlobalAlloc for WordAligned {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: as for `mimalloc::MiMalloc`: mimalloc's allocation by size.
            unsafe { libmimalloc_sys::mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: as `mimalloc::MiMalloc` allocates.
            unsafe { std::alloc::GlobalAlloc::alloc(&mimalloc::MiMalloc, layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: mimalloc's zeroed allocation by size.
            unsafe { libmimalloc_sys::mi_zalloc(layout.size()).cast() }
        } else {
            // SAFETY: as `mimalloc::MiMalloc` allocates.
            unsafe { std::alloc::GlobalAlloc::alloc_zeroed(&mimalloc::MiMalloc, layout) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: `ptr` is a block of mimalloc's (this allocator gave it).
        unsafe { std::alloc::GlobalAlloc::dealloc(&mimalloc::MiMalloc, ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: `ptr` is a block of mimalloc's; its new block is aligned to a word.
            unsafe { libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast() }
        } else {
            // SAFETY: as `mimalloc::MiMalloc` reallocates.
            unsafe { std::alloc::GlobalAlloc::realloc(&mimalloc::MiMalloc, ptr, layout, new_size) }
        }
    }
}

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
