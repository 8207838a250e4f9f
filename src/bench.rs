//! `dateline bench`: one table of performance figures measured in one run on a generated
//! corpus (see [`crate::synth`]).
//!
//! Engine rows ([`engine_rows`]): extraction wall time and throughput of
//! [`Engine::extract_paths`], the time of `rg -c -F -f <all gazetteer aliases>` on the same
//! files (the speed of just finding the names) and the ratio between the two, the same two
//! times on copies of the embedded real articles (news density), peak resident
//! memory of a fresh process loading the corpus (and of the benchmark itself), model build
//! time and model window-query time. GUI rows (first frame, frame time,
//! screenshot, headless render) come from [`gui_rows`]; without measured GUI numbers they say
//! where to find them. Under the `gui` feature the window code can append its own [`Row`]s
//! before [`print_table`].
//!
//! Benchmarks print; tests never assert timings.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::engine::{Engine, Progress};
use crate::error::Error;
use crate::model::{DayRange, Model, TimeAxis};
use crate::synth::{self, Rng, Synth};

/// Default corpus size of `dateline bench`.
pub const DEFAULT_ARTICLES: usize = 10_000;
/// Seed of the generated corpus (fixed, so runs are comparable).
pub const SEED: u64 = 2020;
/// Target: extraction at least this fast.
pub const TARGET_MB_S: f64 = 50.0;
/// Target: extraction within this factor of ripgrep's time.
pub const TARGET_RG_RATIO: f64 = 3.0;
/// Target: peak resident memory at most this many MB.
pub const TARGET_RSS_MB: f64 = 300.0;

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What is measured.
    pub name: String,
    /// The measurement, with its unit.
    pub value: String,
    /// The target, or empty.
    pub target: String,
    /// Whether the target is met, how it was measured, or where to look.
    pub note: String,
}

impl Row {
    /// A row.
    pub fn new(name: impl Into<String>, value: impl Into<String>, target: impl Into<String>, note: impl Into<String>) -> Self {
        Row { name: name.into(), value: value.into(), target: target.into(), note: note.into() }
    }
}

/// Removes a temporary folder when dropped, unless kept.
struct TempDir {
    path: PathBuf,
    keep: bool,
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

fn fmt_duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort_unstable();
    if v.is_empty() {
        return Duration::ZERO;
    }
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)]
}

/// How a measure stands against its target, as the table says it.
pub fn verdict(ok: bool) -> &'static str {
    if ok { "meets target" } else { "MISSES target" }
}

/// Peak resident set size of this process in bytes (`VmHWM` of `/proc/self/status`), where
/// the system reports it.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Peak memory of a new `dateline load-rss DIR` process: what holding the corpus costs, without
/// the memory this benchmark's repeated runs leave with the allocator.
fn load_rss(dir: &Path) -> Result<u64, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the dateline binary: {e}"))?;
    let out = Command::new(&exe)
        .arg("load-rss")
        .arg(dir)
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .map_err(|_| format!("{} load-rss gave no figure (not the dateline binary?)", exe.display()))
}

/// Time `rg -c -F -f aliases dir`, the median of `runs` (as the extraction is timed). `Ok(None)` when `rg` is not installed.
fn time_rg(aliases: &Path, dir: &Path, runs: usize) -> Result<Option<Duration>, String> {
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let status =
            Command::new("rg").args(["-c", "-F", "-f"]).arg(aliases).arg(dir).stdout(Stdio::null()).stderr(Stdio::piped()).output();
        let elapsed = t.elapsed();
        match status {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot run rg: {e}")),
            // rg exits 1 when nothing matched, 2 on errors.
            Ok(o) if o.status.code() == Some(2) => {
                return Err(format!("rg failed: {}", String::from_utf8_lossy(&o.stderr).trim()));
            }
            Ok(_) => times.push(elapsed),
        }
    }
    Ok(Some(median(&mut times)))
}

/// Generate `n` articles (into `keep`, or a temporary folder removed afterwards) and measure
/// the engine. `runs` repeats extraction and ripgrep and reports medians.
pub fn engine_rows(engine: &Engine, n: usize, keep: Option<&Path>) -> Result<Vec<Row>, Error> {
    engine_bench(engine, n, keep).map(|b| b.rows)
}

/// What the engine benchmark measured, with the model it built (for the window's rows).
pub struct EngineBench {
    /// The table rows.
    pub rows: Vec<Row>,
    /// The model of the generated corpus.
    pub model: Model,
    /// Time to read, extract (median run) and index (model build) the generated corpus.
    pub load: std::time::Duration,
}

/// [`engine_rows`], keeping the model and the load time.
pub fn engine_bench(engine: &Engine, n: usize, keep: Option<&Path>) -> Result<EngineBench, Error> {
    let runs = 3;
    let root = TempDir { path: std::env::temp_dir().join(format!("dateline-bench-{}", std::process::id())), keep: false };
    std::fs::create_dir_all(&root.path).map_err(|source| Error::Io { path: root.path.clone(), source })?;
    let corpus_dir = match keep {
        Some(k) => k.to_path_buf(),
        None => root.path.join("corpus"),
    };
    let mut rows = Vec::new();

    // 1. Generate.
    let t = Instant::now();
    let synth = Synth::new(&engine.gazetteer, &engine.actors);
    let summary = synth::write_corpus(&synth, &corpus_dir, n, SEED)?;
    let gen_time = t.elapsed();
    let mb = summary.bytes as f64 / 1e6;
    rows.push(Row::new(
        "corpus (generated)",
        format!("{n} articles, {mb:.1} MB"),
        "",
        format!(
            "written in {}; {}",
            fmt_duration(gen_time),
            if keep.is_some() { format!("kept in {}", corpus_dir.display()) } else { "temporary".into() }
        ),
    ));

    // 2. Extract.
    let mut times = Vec::new();
    let mut extraction = None;
    for _ in 0..runs {
        drop(extraction.take()); // free the previous result before measuring again
        let t = Instant::now();
        let x = engine.extract_paths(std::slice::from_ref(&corpus_dir), &Progress::default());
        times.push(t.elapsed());
        extraction = Some(x);
    }
    let Some(x) = extraction else { return Err(Error::Usage("no extraction ran".into())) };
    let ours = median(&mut times);
    let mbs = mb / ours.as_secs_f64().max(1e-9);
    rows.push(Row::new(
        "extraction wall time",
        fmt_duration(ours),
        "",
        format!("Engine::extract_paths, median of {runs}; {}, {} problems", x.counts(), x.problems.len()),
    ));
    rows.push(Row::new(
        "extraction throughput",
        format!("{mbs:.1} MB/s"),
        format!(">= {TARGET_MB_S:.0} MB/s"),
        verdict(mbs >= TARGET_MB_S),
    ));

    // 3. ripgrep on the same files, with every alias as a fixed string.
    let alias_file = root.path.join("aliases.txt");
    let mut aliases = engine.gazetteer.aliases().join("\n");
    aliases.push('\n');
    std::fs::write(&alias_file, aliases).map_err(|source| Error::Io { path: alias_file.clone(), source })?;
    match time_rg(&alias_file, &corpus_dir, runs) {
        Ok(Some(rg)) => {
            let ratio = ours.as_secs_f64() / rg.as_secs_f64().max(1e-9);
            rows.push(Row::new(
                "rg -c -F -f <aliases>",
                fmt_duration(rg),
                "",
                format!("{} aliases, median of {runs}; {:.1} MB/s", engine.gazetteer.aliases().len(), mb / rg.as_secs_f64().max(1e-9)),
            ));
            rows.push(Row::new(
                "ratio ours/rg",
                format!("{ratio:.2}x"),
                format!("<= {TARGET_RG_RATIO:.0}x"),
                verdict(ratio <= TARGET_RG_RATIO),
            ));
        }
        Ok(None) => {
            rows.push(Row::new("rg -c -F -f <aliases>", "rg not installed", "", "Debian package ripgrep"));
            rows.push(Row::new("ratio ours/rg", "n/a", format!("<= {TARGET_RG_RATIO:.0}x"), "rg not installed"));
        }
        Err(msg) => {
            rows.push(Row::new("rg -c -F -f <aliases>", "error", "", msg));
            rows.push(Row::new("ratio ours/rg", "n/a", format!("<= {TARGET_RG_RATIO:.0}x"), "rg failed"));
        }
    }

    // 3b. The same measure on real articles: the embedded ones, copied to as many files.
    rows.push(news_row(engine, &root.path.join("news"), &alias_file, n, runs, x.claims.len() as f64 / (mb * 1e3))?);

    // 4. Model build and window queries.
    let t = Instant::now();
    let model = Model::new(x);
    let build = t.elapsed();
    rows.push(Row::new("model build", fmt_duration(build), "", "Model::new on the extraction"));
    rows.push(reload_row(engine, &corpus_dir, &model, runs)?);

    let first = chrono::NaiveDate::from_ymd_opt(synth::FIRST_DAY.0, synth::FIRST_DAY.1, synth::FIRST_DAY.2).unwrap_or_default();
    let last = chrono::NaiveDate::from_ymd_opt(synth::LAST_DAY.0, synth::LAST_DAY.1, synth::LAST_DAY.2).unwrap_or_default();
    let days = (last - first).num_days().max(2) as u64;
    let mut rng = Rng::new(SEED);
    let mut q = Vec::with_capacity(100);
    let mut touched = 0usize;
    for _ in 0..100 {
        let from = first + chrono::Days::new(rng.range(0, days - 2));
        let range = DayRange { from: Some(from), to: Some(from + chrono::Days::new(2)) };
        let t = Instant::now();
        let stats = model.place_stats(&range, TimeAxis::Event);
        let claims = model.claims_in(&range, TimeAxis::Event);
        let quotes = model.quotes_in(&range, TimeAxis::Event);
        q.push(t.elapsed());
        touched += stats.len() + claims.len() + quotes.len();
    }
    let med = median(&mut q);
    let p95 = percentile(&mut q, 0.95);
    rows.push(Row::new(
        "model window query",
        fmt_duration(med),
        "",
        format!("median of 100 random 3-day windows (place_stats + claims_in + quotes_in); p95 {}; {} results", fmt_duration(p95), touched),
    ));

    // 5. Data export of everything, as the window's "Export data…" worker does it: choose
    //    the items, then encode the GeoJSON and the CSV tables (counted, not written to disk).
    let t = Instant::now();
    let view = crate::export::shown_view(&model, &crate::export::ShownFilter::default());
    let mut sink = Counter(0);
    for &(_, format) in crate::export::DATA_FILES {
        crate::export::write(&view, format, &mut sink).map_err(|e| Error::Usage(format!("data export: {e}")))?;
    }
    rows.push(Row::new(
        "data export, everything",
        fmt_duration(t.elapsed()),
        "",
        format!("GeoJSON + 5 CSV tables, {:.0} MB, streamed (the window's worker; disk writes not counted)", sink.0 as f64 / 1e6),
    ));

    // 6. Memory: of a fresh process that loads the corpus (the target), and of this run.
    let mb_of = |b: u64| b as f64 / 1e6;
    match load_rss(&corpus_dir) {
        Ok(b) => rows.push(Row::new(
            "peak RSS, corpus loaded",
            format!("{:.0} MB", mb_of(b)),
            format!("<= {TARGET_RSS_MB:.0} MB"),
            format!("{}; `dateline load-rss`: a new process reads, extracts and indexes the corpus", verdict(mb_of(b) <= TARGET_RSS_MB)),
        )),
        Err(msg) => rows.push(Row::new("peak RSS, corpus loaded", "n/a", format!("<= {TARGET_RSS_MB:.0} MB"), msg)),
    }
    match peak_rss_bytes() {
        Some(b) => rows.push(Row::new(
            "peak RSS, this bench",
            format!("{:.0} MB", mb_of(b)),
            "",
            format!("generator, {runs} extractions (freed memory the allocator may keep), rg, the model, the reloads (two models at once) and queries in one process"),
        )),
        None => rows.push(Row::new("peak RSS, this bench", "n/a", "", "no /proc/self/status on this system")),
    }
    Ok(EngineBench { rows, model, load: ours + build })
}

/// Extraction and `rg` on `n` files that are copies of the embedded (real) articles, for a
/// figure at the density of real news: the generated corpus holds several times more
/// casualty claims and quotes per kilobyte than real reports, which costs the engine (not
/// `rg`) time. `generated_claims_kb` is the generated corpus's claims per kilobyte, printed
/// beside this one's. The folder is removed afterwards.
fn news_row(engine: &Engine, dir: &Path, aliases: &Path, n: usize, runs: usize, generated_claims_kb: f64) -> Result<Row, Error> {
    let name = "extraction, real articles";
    let (docs, _) = crate::corpus::embedded();
    if docs.is_empty() {
        return Ok(Row::new(name, "n/a", "", "no embedded articles"));
    }
    std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    let mut bytes = 0usize;
    for i in 0..n {
        let doc = &docs[i % docs.len()];
        let file = dir.join(format!("news_{:06}_{}.txt", i + 1, doc.id));
        std::fs::write(&file, &doc.text).map_err(|source| Error::Io { path: file.clone(), source })?;
        bytes += doc.text.len();
    }
    let mut times = Vec::new();
    let mut claims = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let x = engine.extract_paths(&[dir.to_path_buf()], &Progress::default());
        times.push(t.elapsed());
        claims = x.claims.len();
        drop(x);
    }
    let ours = median(&mut times);
    let mb = bytes as f64 / 1e6;
    let rg = match time_rg(aliases, dir, runs) {
        Ok(Some(rg)) => format!("rg {} there: ratio {:.2}x", fmt_duration(rg), ours.as_secs_f64() / rg.as_secs_f64().max(1e-9)),
        Ok(None) => "rg not installed".into(),
        Err(msg) => msg,
    };
    let _ = std::fs::remove_dir_all(dir);
    Ok(Row::new(
        name,
        format!("{}, {:.1} MB/s", fmt_duration(ours), mb / ours.as_secs_f64().max(1e-9)),
        "",
        format!(
            "the {} embedded articles copied to {n} files ({mb:.1} MB), median of {runs}; {rg}; {:.2} claims/KB here, {:.2} in the generated corpus",
            docs.len(),
            claims as f64 / (mb * 1e3),
            generated_claims_kb
        ),
    ))
}

/// What a file-watch reload costs after one article changed: read the folder again, extract
/// the changed article (the others are taken from `model`), index the result. The article is
/// restored afterwards.
fn reload_row(engine: &Engine, dir: &Path, model: &Model, runs: usize) -> Result<Row, Error> {
    let file = dir.join(synth::file_name(1));
    let io = |source| Error::Io { path: file.clone(), source };
    let original = std::fs::read_to_string(&file).map_err(io)?;
    std::fs::write(&file, format!("{original}\nShelling killed 3 civilians in Ganja, the prosecutor said.\n")).map_err(io)?;
    let mut times = Vec::new();
    let mut extracted = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let x = engine.extract_paths_again(&[dir.to_path_buf()], &model.data, &Progress::default());
        extracted = x.ledger.as_ref().map_or(0, |l| l.extracted());
        let again = Model::new(x);
        times.push(t.elapsed());
        drop(again);
    }
    std::fs::write(&file, original).map_err(io)?;
    Ok(Row::new(
        "reload, 1 file changed",
        fmt_duration(median(&mut times)),
        "",
        format!(
            "Engine::extract_paths_again + Model::new, median of {runs}: all files read, {extracted} of {} articles extracted",
            model.data.articles.len()
        ),
    ))
}

/// A writer that only counts bytes.
struct Counter(u64);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Rows for the window's figures. Measured by `cargo bench` and the GUI; the `gui` build may
/// replace these with measured rows.
pub fn gui_rows() -> Vec<Row> {
    ["first frame", "frame median/p95", "screenshot", "headless render"]
        .into_iter()
        .map(|n| Row::new(n, "see `cargo bench`/GUI", "", "GUI figure; not measured by the engine-only bench"))
        .collect()
}

/// The table as text: a header, a rule and one aligned line per row.
pub fn format_table(rows: &[Row]) -> String {
    let header = Row::new("measure", "value", "target", "note");
    let all: Vec<&Row> = std::iter::once(&header).chain(rows).collect();
    let w = |f: fn(&Row) -> &str| all.iter().map(|r| f(r).chars().count()).max().unwrap_or(0);
    let (wn, wv, wt) = (w(|r| &r.name), w(|r| &r.value), w(|r| &r.target));
    let pad = |s: &str, n: usize| format!("{s}{}", " ".repeat(n.saturating_sub(s.chars().count())));
    let mut out = String::new();
    for (i, r) in all.iter().enumerate() {
        let line = format!("{}  {}  {}  {}", pad(&r.name, wn), pad(&r.value, wv), pad(&r.target, wt), r.note);
        out.push_str(line.trim_end());
        out.push('\n');
        if i == 0 {
            out.push_str(&"-".repeat(wn + wv + wt + 6 + 12));
            out.push('\n');
        }
    }
    out
}

/// Print the table on standard output.
pub fn print_table(rows: &[Row]) {
    print!("{}", format_table(rows));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_aligned() {
        let rows = vec![Row::new("a", "1 s", ">= 2", "x"), Row::new("longer name", "10 MB/s", "", "")];
        let t = format_table(&rows);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("measure    "));
        assert_eq!(lines[2].find("1 s"), lines[3].find("10 MB/s"));
    }

    #[test]
    fn peak_rss_is_read_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_bytes().is_some_and(|b| b > 0));
        }
    }
}
