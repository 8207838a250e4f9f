//! Window frame CPU time on a folder of articles (GitHub issue 7, "Scale").
//!
//! Loads the folder with the embedded gazetteer, builds the [`Model`] and prints the median
//! and 95th percentile of the UI thread's CPU time per frame (layout + tessellation, no GPU;
//! see `dateline::app::perf::frame_times`) with everything up to the cursor in the time
//! window, standing still and while the cursor steps one day per frame (slider moving).
//!
//! ```text
//! cargo build --release && target/release/dateline synth --articles 10000 --out /tmp/synth10k
//! cargo run --release --example frames -- /tmp/synth10k [FRAMES]
//! ```
//!
//! Targets on the 2-core reference machine: median <= 4 ms and p95 <= 8 ms at 10,000
//! articles in both modes. `FRAMES` defaults to 120. `FRAMES_MODE=still` or `moving` measures
//! one mode only (handy under `perf record`); without it, the frames that answer clicks and
//! keystrokes follow (`dateline::app::perf::interaction_times`).

use std::path::PathBuf;
use std::time::Instant;

use dateline::app::perf;
use dateline::engine::{Engine, Progress};
use dateline::model::Model;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: frames FOLDER [FRAMES]");
        std::process::exit(2);
    };
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(120);
    let start = Instant::now();
    let engine = Engine::embedded()?;
    let data = engine.extract_paths(&[PathBuf::from(&dir)], &Progress::default());
    let model = Model::new(data);
    let d = &model.data;
    println!("{dir}: {}, {} places (loaded in {:.1} s)", d.counts(), d.places.len(), start.elapsed().as_secs_f64());
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    // FRAMES_MODE=still|moving measures one mode only (for profiling).
    let mode = std::env::var("FRAMES_MODE").unwrap_or_default();
    for (label, moving) in [("all in window", false), ("slider moving", true)] {
        if (mode == "still" && moving) || (mode == "moving" && !moving) {
            continue;
        }
        let (med, p95) = perf::frame_times(model.clone(), n, moving);
        println!("frame CPU, {label:<14} median {:7.2} ms   p95 {:7.2} ms   ({n} frames)", ms(med), ms(p95));
    }
    if mode.is_empty() {
        for (what, d) in perf::interaction_times(model) {
            println!("frame CPU, {what:<40} {:7.2} ms", ms(d));
        }
    }
    Ok(())
}
