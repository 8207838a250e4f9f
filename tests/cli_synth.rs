//! `dateline synth`: deterministic for a seed, safe with existing folders, and its articles
//! exercise the extractors (hedged claims, quotes with speakers, alias spellings, datelines,
//! and distractors such as "Geneva Conventions" that must never become place mentions).

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

use dateline::Engine;
use dateline::engine::Progress;
use dateline::model::{Category, DateSource, Extraction, Hedge};
use dateline::synth::{self, Synth};

fn dateline_bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

fn synth_cli(out: &Path, n: usize, seed: u64) -> std::process::Output {
    dateline_bin()
        .args(["synth", "--articles", &n.to_string(), "--seed", &seed.to_string(), "--out"])
        .arg(out)
        .output()
        .unwrap_or_else(|e| panic!("cannot run dateline: {e}"))
}

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|e| {
            let e = e.unwrap_or_else(|e| panic!("{e}"));
            (e.file_name().to_string_lossy().to_string(), std::fs::read(e.path()).unwrap_or_else(|e| panic!("{e}")))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (a, b, c) = (tmp.path().join("a"), tmp.path().join("b"), tmp.path().join("c"));
    for (dir, seed) in [(&a, 5), (&b, 5), (&c, 6)] {
        let o = synth_cli(dir, 20, seed);
        assert!(o.status.success(), "synth failed: {}", String::from_utf8_lossy(&o.stderr));
    }
    let (fa, fb, fc) = (read_all(&a), read_all(&b), read_all(&c));
    assert_eq!(fa.len(), 20);
    assert_eq!(fa[0].0, "synth_000001.txt");
    assert_eq!(fa[19].0, "synth_000020.txt");
    assert_eq!(fa, fb, "same seed must give the same bytes");
    let differing = fa.iter().zip(&fc).filter(|(x, y)| x.1 != y.1).count();
    assert_eq!(differing, 20, "a different seed must give different articles");
    for (name, bytes) in &fa {
        assert!((2 * 1024..=8 * 1024).contains(&bytes.len()), "{name}: {} bytes", bytes.len());
        assert!(std::str::from_utf8(bytes).is_ok(), "{name} is not UTF-8");
    }
}

#[test]
fn library_and_cli_agree_and_articles_are_not_seed_copies() {
    let s = Synth::embedded().unwrap_or_else(|e| panic!("{e}"));
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let o = synth_cli(tmp.path(), 3, 9);
    assert!(o.status.success());
    for i in 1..=3u64 {
        let on_disk = std::fs::read_to_string(tmp.path().join(synth::file_name(i as usize))).unwrap_or_default();
        assert_eq!(on_disk, s.article(9, i));
    }
    // No sentence of a seed article is copied.
    let (seeds, _) = dateline::corpus::embedded();
    let text = s.article(9, 1);
    for d in &seeds {
        for line in d.text.lines().filter(|l| l.len() > 60) {
            assert!(!text.contains(line.trim()), "copied from a seed article: {line}");
        }
    }
}

#[test]
fn refuses_folders_with_other_files_and_replaces_its_own() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap_or_else(|e| panic!("{e}"));
    let o = synth_cli(tmp.path(), 2, 1);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("refusing to write into") && err.contains("notes.txt"), "{err}");
    assert_eq!(std::fs::read_to_string(tmp.path().join("notes.txt")).unwrap_or_default(), "mine");
    assert!(!tmp.path().join("synth_000001.txt").exists());

    // A folder of earlier synth output is rewritten; surplus old articles go.
    let own = tmp.path().join("own");
    assert!(synth_cli(&own, 5, 1).status.success());
    assert!(synth_cli(&own, 3, 2).status.success());
    let names: Vec<String> = read_all(&own).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["synth_000001.txt", "synth_000002.txt", "synth_000003.txt"]);
}

fn extract_synthetic(n: usize, seed: u64) -> Extraction {
    let engine = Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let s = Synth::new(&engine.gazetteer, &engine.actors);
    synth::write_corpus(&s, tmp.path(), n, seed).unwrap_or_else(|e| panic!("{e}"));
    engine.extract_paths(&[tmp.path().to_path_buf()], &Progress::default())
}

#[test]
fn fifty_articles_exercise_the_extractors() {
    let x = extract_synthetic(50, 11);
    assert_eq!(x.articles.len(), 50);
    assert!(x.problems.is_empty(), "{:?}", x.problems);

    // Metadata from headers and datelines, dates in the war's span.
    let sources: Vec<DateSource> = x.articles.iter().map(|a| a.published_source).collect();
    assert!(sources.contains(&DateSource::Header), "{sources:?}");
    assert!(sources.contains(&DateSource::Dateline), "{sources:?}");
    let first = chrono::NaiveDate::from_ymd_opt(2020, 9, 27);
    let last = chrono::NaiveDate::from_ymd_opt(2020, 11, 10);
    for a in &x.articles {
        assert!(a.published.is_some(), "{} has no date", a.id);
        assert!(a.published >= first && a.published <= last, "{}: {:?}", a.id, a.published);
    }

    // Claims: hedges, killed and wounded, civilian and military, claimants.
    let hedges: HashSet<Hedge> = x.claims.iter().map(|c| c.hedge).collect();
    for h in [Hedge::Exact, Hedge::AtLeast, Hedge::MoreThan, Hedge::About, Hedge::UpTo] {
        assert!(hedges.contains(&h), "no {h:?} claim among {} claims", x.claims.len());
    }
    assert!(x.claims.iter().any(|c| c.killed.is_some() && c.wounded.is_some()), "no paired killed/wounded claim");
    assert!(x.claims.iter().any(|c| c.category == Category::Civilian));
    assert!(x.claims.iter().any(|c| c.category == Category::Military));
    assert!(x.claims.iter().filter(|c| c.claimant.is_some()).count() * 2 > x.claims.len(), "most claims should have a claimant");

    // Quotes with speakers.
    let with_speaker = x.quotes.iter().filter(|q| q.speaker.is_some()).count();
    assert!(with_speaker * 10 >= x.quotes.len() * 7, "{with_speaker} of {} quotes have a speaker", x.quotes.len());

    // Places in many spellings: mentions written other than the display name.
    let names: std::collections::HashMap<&str, &str> = x.places.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    let aliases: HashSet<(&str, &str)> = x
        .mentions
        .iter()
        .filter(|m| names.get(m.place.as_str()).is_some_and(|n| *n != m.text))
        .map(|m| (m.place.as_str(), m.text.as_str()))
        .collect();
    assert!(aliases.len() >= 30, "only {} alias spellings: {aliases:?}", aliases.len());
    for (id, spelling) in [("stepanakert", "Stepanakert"), ("ganja", "Ganja")] {
        assert!(x.mentions.iter().any(|m| m.place == id), "no mention of {spelling}");
    }
}

#[test]
fn geneva_conventions_never_yield_a_geneva_mention() {
    let x = extract_synthetic(50, 11);
    let texts: std::collections::HashMap<&str, &str> = x.articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
    let conventions = x.articles.iter().filter(|a| a.text.contains("Geneva Conventions")).count();
    assert!(conventions > 0, "the corpus should contain the distractor");
    for m in x.mentions.iter().filter(|m| m.place == "geneva") {
        let text = texts.get(m.article.as_str()).copied().unwrap_or_default();
        let after = &text[m.end..text.len().min(m.end + 12)];
        assert!(!after.starts_with(" Convention"), "Geneva Conventions became a mention in {}", m.article);
    }
    for m in x.mentions.iter().filter(|m| m.place == "minsk") {
        let text = texts.get(m.article.as_str()).copied().unwrap_or_default();
        assert!(!text[m.end..].starts_with(" Group"), "Minsk Group became a mention in {}", m.article);
    }
}

#[test]
fn documents_in_memory_are_the_articles_written_to_disk() {
    let engine = Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let s = Synth::new(&engine.gazetteer, &engine.actors);
    synth::write_corpus(&s, tmp.path(), 6, 5).unwrap_or_else(|e| panic!("{e}"));
    let read = dateline::corpus::read_paths(&[tmp.path().to_path_buf()], &Progress::default());
    let docs = synth::documents(&s, 6, 5);
    assert_eq!(docs.len(), 6);
    for (mem, disk) in docs.iter().zip(&read.documents) {
        assert_eq!(mem.id, disk.id);
        assert_eq!(mem.text, disk.text);
        assert!(disk.path.ends_with(&mem.path), "{} {}", disk.path, mem.path);
    }
}
