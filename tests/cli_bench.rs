//! `dateline bench` (issue 7): one table with every measure the issue asks for, each with a
//! value, on a small generated corpus. Only the table's shape is checked here; the numbers
//! are read, never asserted (see README › Performance).

use std::process::Command;

#[test]
fn bench_prints_every_measure_with_a_value() {
    let runtime = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["bench", "--articles", "20"])
        .env("XDG_RUNTIME_DIR", runtime.path())
        .output()
        .unwrap_or_else(|e| panic!("cannot run dateline: {e}"));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "bench failed: {}\n{table}", String::from_utf8_lossy(&out.stderr));
    let row = |measure: &str| -> String {
        table
            .lines()
            .find(|l| l.starts_with(measure))
            .unwrap_or_else(|| panic!("no row {measure:?} in\n{table}"))
            .trim_start_matches(measure)
            .trim()
            .to_string()
    };
    // The window's measures need the `gui` feature; an engine-only build (`cargo test
    // --no-default-features`) prints the engine's rows and says where the others are.
    let engine_rows = [
        "extraction wall time",
        "extraction throughput",
        "extraction, real articles",
        "model build",
        "reload, 1 file changed",
        "data export, everything",
        "peak RSS, corpus loaded",
    ];
    let gui_rows = [
        "first frame (embedded)",
        "headless render 1600x1000",
        "screenshot 1600x1000",
        "frame CPU, all in window",
        "frame CPU, slider moving",
        "frame CPU, interactions",
        "frame CPU, 3000 places",
        "search, keystroke to results",
        "first frame (20 articles)",
    ];
    let measures = engine_rows.iter().chain(if cfg!(feature = "gui") { &gui_rows[..] } else { &[] });
    for &measure in measures {
        let value = row(measure);
        assert!(value.starts_with(|c: char| c.is_ascii_digit()), "{measure}: no value in {value:?}");
    }
    assert!(row("corpus (generated)").starts_with("20 articles"), "{table}");
    assert!(row("extraction throughput").contains("MB/s"));
    // Real articles: the embedded ones copied to as many files as were generated.
    let real = row("extraction, real articles");
    assert!(real.contains("MB/s") && real.contains("copied to 20 files"), "{real}");
    // A reload after one file changed extracts that one article.
    assert!(row("reload, 1 file changed").contains("1 of 20 articles extracted"), "{table}");
    // The ratio to ripgrep is measured when rg is installed (CI installs it), and says why not
    // otherwise.
    let ratio = row("ratio ours/rg");
    assert!(ratio.contains('x') && (ratio.starts_with(|c: char| c.is_ascii_digit()) || ratio.contains("rg")), "{ratio}");
    // Targets are judged in the table itself.
    let targets = [
        ("extraction throughput", ">= 50 MB/s"),
        ("peak RSS, corpus loaded", "<= 300 MB"),
        ("first frame (embedded)", "<= 300 ms"),
        ("frame CPU, all in window", "<= 4 / 8 ms"),
        ("frame CPU, slider moving", "<= 4 / 8 ms"),
    ];
    for (measure, target) in targets.into_iter().filter(|(m, _)| cfg!(feature = "gui") || engine_rows.contains(m)) {
        let r = row(measure);
        assert!(r.contains(target) && (r.contains("meets target") || r.contains("MISSES target")), "{measure}: {r}");
    }
}
