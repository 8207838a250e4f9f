//! The command line: `dateline [PATH ...]` opens the window, `dateline extract` prints the
//! extraction as JSON, CSV or GeoJSON, `dateline gazetteer --aliases` lists every alias.
//! Every error is handled here, once: a message on stderr and a non-zero exit.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine::{Engine, Progress};
use crate::error::Error;
use crate::export;
use crate::model::Extraction;

/// Dateline: a linked map, timeline, casualty plot and quotes from news articles.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about)]
pub struct Cli {
    /// Article files or folders to open in the window (default: the embedded corpus).
    pub paths: Vec<PathBuf>,
    /// Replace the embedded gazetteer with this TOML file.
    #[arg(long, global = true)]
    pub gazetteer: Option<PathBuf>,
    /// Replace the embedded actor list with this TOML file.
    #[arg(long, global = true)]
    pub actors: Option<PathBuf>,
    /// Add the --gazetteer/--actors entries to the embedded ones instead of replacing them.
    #[arg(long, global = true)]
    pub extend: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// One JSON object with articles, places, mentions, claims, quotes, unknown_names, problems.
    Json,
    /// CSV tables (all, each after a `# name` line, or one with --table).
    Csv,
    /// A GeoJSON FeatureCollection, one Point per place.
    Geojson,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract places, dates, claims and quotes and print them.
    Extract {
        /// Files or folders (default: the embedded corpus).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// With --format csv: only this table.
        #[arg(long)]
        table: Option<String>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Only items in the time window ending on this day (YYYY-MM-DD), as the window shows them.
        #[arg(long)]
        at: Option<String>,
        /// With --at: window width (1d, 3d, week, Nd, all).
        #[arg(long, default_value = "3d")]
        window: String,
        /// Only items at this place (gazetteer id such as `ganja`, or its name).
        #[arg(long)]
        select: Option<String>,
    },
    /// Draw the window's views (map, timeline, plot, quotes) to a PNG without a window.
    #[cfg(feature = "gui")]
    Render(crate::app::render::RenderArgs),
    /// Inspect the gazetteer.
    Gazetteer {
        /// Print every name and alias, one per line.
        #[arg(long)]
        aliases: bool,
    },
    /// Write synthetic articles (for benchmarks and tests) as DIR/synth_000001.txt ...
    Synth {
        /// How many articles.
        #[arg(long)]
        articles: usize,
        /// Folder to write them to (created; must be new, empty, or hold only synth_* files).
        #[arg(long)]
        out: PathBuf,
        /// Seed: the same seed gives the same bytes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Measure extraction speed (against ripgrep), memory and model queries on a generated corpus.
    Bench {
        /// How many articles to generate.
        #[arg(long, default_value_t = crate::bench::DEFAULT_ARTICLES)]
        articles: usize,
        /// Keep the generated corpus in this folder instead of a temporary one.
        #[arg(long)]
        keep: Option<PathBuf>,
    },
    /// Load files or folders as the window does (extraction and model) and print the peak
    /// resident memory in bytes; `dateline bench` runs it in a fresh process.
    #[command(hide = true)]
    LoadRss {
        /// Files or folders.
        paths: Vec<PathBuf>,
    },
    /// Add Dateline to the desktop's application menu for this user (or remove it).
    InstallDesktop {
        /// Remove the menu entry and icons instead.
        #[arg(long)]
        uninstall: bool,
    },
}

impl Cli {
    /// The engine with the --gazetteer/--actors files applied.
    pub fn engine(&self) -> Result<Engine, Error> {
        Engine::with_files(self.gazetteer.as_deref(), self.actors.as_deref(), self.extend)
    }
}

/// Extract the given paths, or the embedded corpus when there are none.
pub fn extract_paths(engine: &Engine, paths: &[PathBuf]) -> Extraction {
    if paths.is_empty() {
        engine.extract_embedded()
    } else {
        let mut x = engine.extract_paths(paths, &Progress::default());
        if x.corpus.is_empty() {
            x.corpus = crate::corpus::corpus_name(paths, None);
        }
        x
    }
}

fn emit(out: &Option<PathBuf>, text: &str) -> Result<(), Error> {
    emit_with(out, |w| w.write_all(text.as_bytes()))
}

/// Write to the `--out` file (atomically) or to standard output, streaming through a buffer.
fn emit_with(out: &Option<PathBuf>, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Error> {
    match out {
        Some(p) => export::write_atomic_with(p, fill),
        None => {
            let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match fill(&mut stdout).and_then(|()| stdout.flush()) {
                // A closed pipe (`| head`) is not an error worth a message.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Error::Write { path: PathBuf::from("standard output"), message: e.to_string() })
                }
                _ => Ok(()),
            }
        }
    }
}

/// Run a CLI subcommand. Returns the process exit code.
pub fn run(cli: &Cli, command: &Command) -> Result<(), Error> {
    let engine = cli.engine()?;
    match command {
        Command::Extract { paths, format, table, out, at, window, select } => {
            let format = match (format, table) {
                (Format::Json, _) => export::Format::Json,
                (Format::Csv, Some(t)) => {
                    export::check_table(t)?;
                    export::Format::Csv(t)
                }
                (Format::Csv, None) => export::Format::CsvAll,
                (Format::Geojson, _) => export::Format::Geojson,
            };
            let x = extract_paths(&engine, paths);
            for p in &x.problems {
                eprintln!("dateline: {}: {}", p.path, p.message);
            }
            if at.is_some() || select.is_some() {
                let model = crate::model::Model::new(x);
                let view = export::shown_cli(&model, at.as_deref(), window, select.as_deref())?;
                emit_with(out, |w| export::write(&view, format, w))
            } else {
                emit_with(out, |w| export::write(&x.view(), format, w))
            }
        }
        #[cfg(feature = "gui")]
        Command::Render(args) => crate::app::render::run_cli(&engine, args),
        Command::Gazetteer { aliases } => {
            if *aliases {
                let mut s = engine.gazetteer.aliases().join("\n");
                s.push('\n');
                emit(&None, &s)
            } else {
                let s = format!(
                    "{} places, {} aliases, {} actors\n",
                    engine.gazetteer.places.len(),
                    engine.gazetteer.aliases().len(),
                    engine.actors.actors.len()
                );
                emit(&None, &s)
            }
        }
        Command::Synth { articles, out, seed } => {
            let t = std::time::Instant::now();
            let synth = crate::synth::Synth::new(&engine.gazetteer, &engine.actors);
            let s = crate::synth::write_corpus(&synth, out, *articles, *seed)?;
            let removed = if s.removed > 0 { format!("; removed {} older synth_* files", s.removed) } else { String::new() };
            println!(
                "wrote {} articles ({:.1} MB) to {} in {:.2} s (seed {seed}){removed}",
                s.files,
                s.bytes as f64 / 1e6,
                out.display(),
                t.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::LoadRss { paths } => {
            let model = crate::model::Model::new(engine.extract_paths(paths, &Progress::default()));
            let rss = crate::bench::peak_rss_bytes().ok_or_else(|| Error::Usage("peak memory is not reported on this system".into()))?;
            drop(model);
            println!("{rss}");
            Ok(())
        }
        Command::Bench { articles, keep } => {
            if *articles == 0 {
                return Err(Error::Usage("--articles must be at least 1".into()));
            }
            let bench = crate::bench::engine_bench(&engine, *articles, keep.as_deref())?;
            let mut rows = bench.rows;
            #[cfg(feature = "gui")]
            rows.extend(crate::app::perf::rows(bench.model, bench.load));
            #[cfg(not(feature = "gui"))]
            {
                drop(bench.model);
                rows.extend(crate::bench::gui_rows());
            }
            crate::bench::print_table(&rows);
            Ok(())
        }
        Command::InstallDesktop { uninstall } => {
            let home = crate::desktop::data_home()?;
            let files = if *uninstall {
                crate::desktop::uninstall(&home)?
            } else {
                let exe = std::env::current_exe().map_err(|e| Error::Usage(format!("cannot find this program's path: {e}")))?;
                let exe = std::fs::canonicalize(&exe).unwrap_or(exe);
                crate::desktop::install(&home, &exe)?
            };
            let verb = if *uninstall { "removed" } else { "wrote" };
            if files.is_empty() {
                println!("nothing to remove under {}", home.display());
            }
            for f in &files {
                println!("{verb} {}", f.display());
            }
            Ok(())
        }
    }
}
