//! Extracting a corpus again after its files changed ([`Engine::extract_paths_again`], what a
//! file-watch reload does) gives exactly what a full extraction gives, while extracting only
//! the articles that changed.

use std::path::{Path, PathBuf};

use dateline::engine::{Engine, Progress};
use dateline::model::Extraction;
use dateline::synth::{self, Synth};
use proptest::prelude::*;

fn engine() -> Engine {
    Engine::embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The whole output (JSON, as `dateline extract` writes it) and the article texts.
fn dump(x: &Extraction) -> (String, Vec<String>) {
    let json = serde_json::to_string_pretty(x).unwrap_or_else(|e| panic!("{e}"));
    (json, x.articles.iter().map(|a| a.text.clone()).collect())
}

/// Extract `dir` again after `previous` and in full; both must give the same. Returns the
/// number of articles extracted again.
fn again_equals_full(engine: &Engine, dir: &Path, previous: &Extraction) -> (Extraction, usize) {
    let paths = [dir.to_path_buf()];
    let again = engine.extract_paths_again(&paths, previous, &Progress::default());
    let full = engine.extract_paths(&paths, &Progress::default());
    let (a, f) = (dump(&again), dump(&full));
    if a != f {
        let first = a.0.lines().zip(f.0.lines()).position(|(x, y)| x != y);
        let line = |s: &str, i: Option<usize>| i.and_then(|i| s.lines().nth(i)).unwrap_or("").to_owned();
        panic!(
            "extracting again differs from a full extraction at JSON line {first:?}:\n again: {}\n full:  {}\n(texts equal: {})",
            line(&a.0, first),
            line(&f.0, first),
            a.1 == f.1
        );
    }
    let extracted = again.ledger.as_ref().map_or(usize::MAX, |l| l.extracted());
    (again, extracted)
}

/// A folder of generated articles, plus a JSON Lines feed, an article with an implausible
/// figure (a problem from extraction) and a file that is not UTF-8 (a problem from reading).
fn corpus(dir: &Path, n: usize) {
    let engine = engine();
    let s = Synth::new(&engine.gazetteer, &engine.actors);
    synth::write_corpus(&s, dir, n, 7).unwrap_or_else(|e| panic!("{e}"));
    let feed = [
        r#"{"title":"One","maintext":"Shelling killed 3 civilians in Ganja on Oct. 11, the prosecutor said.","date_publish":"2020-10-11"}"#,
        r#"{"title":"Two","maintext":"Fighting near Fuzuli, an official said. \"We will hold,\" said Hikmet Hajiyev.","date_publish":"2020-10-12"}"#,
        "not json",
    ];
    write(&dir.join("feed.jsonl"), &feed.join("\n"));
    write(&dir.join("huge.txt"), "STEPANAKERT, Oct. 5 - Officials said 9000000000 soldiers were killed in Martakert.");
    std::fs::write(dir.join("latin.txt"), b"BAKU, Oct. 6 - Caf\xe9 owners in Ganja said 2 people were wounded.")
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn after_edits_only_the_changed_articles_are_extracted_and_the_result_is_a_full_extraction() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = tmp.path();
    corpus(dir, 40);
    let engine = engine();
    let first = engine.extract_paths(&[dir.to_path_buf()], &Progress::default());
    assert!(first.problems.len() >= 3, "{:?}", first.problems);
    assert!(!first.unknown_names.is_empty() && !first.truces.is_empty());

    // Nothing changed: nothing is extracted.
    let (x, extracted) = again_equals_full(&engine, dir, &first);
    assert_eq!(extracted, 0);

    // One article edited, one removed, one added, a feed record changed: those are extracted.
    let a3 = dir.join(synth::file_name(3));
    write(&a3, &read(&a3).replace(" killed", " were killed, and 12 more were wounded and killed"));
    std::fs::remove_file(dir.join(synth::file_name(5))).unwrap_or_else(|e| panic!("{e}"));
    write(&dir.join("new.txt"), &read(&dir.join(synth::file_name(9))).replace("Martuni", "Hadrut"));
    write(&dir.join("feed.jsonl"), &read(&dir.join("feed.jsonl")).replace("killed 3", "killed 4"));
    let (x, extracted) = again_equals_full(&engine, dir, &x);
    // The edited article, the new one and the feed's first record.
    assert_eq!(extracted, 3);

    // The article with a problem is edited: its problem goes, the others stay.
    write(&dir.join("huge.txt"), "STEPANAKERT, Oct. 5 - Officials said 9 soldiers were killed in Martakert.");
    let (x, extracted) = again_equals_full(&engine, dir, &x);
    assert_eq!(extracted, 1);
    assert!(!x.problems.iter().any(|p| p.message.contains("implausible")), "{:?}", x.problems);
    assert!(x.problems.iter().any(|p| p.path.ends_with("latin.txt")), "{:?}", x.problems);

    // A manifest names the corpus and a truce: no article changes.
    write(&dir.join("manifest.toml"), "name = \"Edited\"\n[[truce]]\ndate = \"2020-10-10\"\n");
    let (x, extracted) = again_equals_full(&engine, dir, &x);
    assert_eq!(x.corpus, "Edited");
    assert_eq!(extracted, 0, "a manifest without articles changes no article");
    // It dates one article and titles another: those two are extracted again.
    let (one, two) = (synth::file_name(1), synth::file_name(2));
    write(
        &dir.join("manifest.toml"),
        &format!(
            "name = \"Edited\"\n[[article]]\nfile = \"{one}\"\npublished = 2020-10-20\n[[article]]\nfile = \"{two}\"\ntitle = \"Retitled\"\n"
        ),
    );
    let (x, extracted) = again_equals_full(&engine, dir, &x);
    assert_eq!(extracted, 2);
    assert!(x.articles.iter().any(|a| a.title == "Retitled"));
}

#[test]
fn a_new_year_for_undated_articles_or_another_gazetteer_extracts_everything_again() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = tmp.path();
    write(&dir.join("a.txt"), "date 2020-10-11\nShelling killed 3 civilians in Ganja on Oct. 10.");
    write(&dir.join("b.txt"), "Undated\n\nShelling killed 2 civilians in Tartar on Oct. 12.");
    let engine = engine();
    let first = engine.extract_paths(&[dir.to_path_buf()], &Progress::default());
    // Two articles of 2021 make it the corpus's year: the undated article's dates change.
    write(&dir.join("c.txt"), "date 2021-03-01\nQuiet day in Barda.");
    write(&dir.join("d.txt"), "date 2021-03-02\nQuiet day in Barda.");
    let (x, extracted) = again_equals_full(&engine, dir, &first);
    assert_eq!(extracted, 4);
    assert!(x.claims.iter().any(|c| c.date.is_some_and(|d| d.to_string() == "2021-10-12")), "{:?}", x.claims);

    // Another gazetteer: every article is extracted again with it.
    let gaz = dir.join("gaz.toml");
    write(&gaz, "[[place]]\nid = \"tartar\"\nname = \"Tartar\"\nlat = 40.34\nlon = 46.93\nkind = \"city\"\ncountry = \"AZ\"\n");
    let other = Engine::with_files(Some(&gaz), None, true).unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(other.fingerprint(), engine.fingerprint());
    let (_, extracted) = again_equals_full(&other, dir, &x);
    assert_eq!(extracted, 4);
    // The same files give the same fingerprint.
    assert_eq!(Engine::with_files(Some(&gaz), None, true).map(|e| e.fingerprint()).ok(), Some(other.fingerprint()));
}

/// One change to a corpus folder.
#[derive(Debug, Clone)]
enum Edit {
    /// Append a sentence of another article to an article.
    Append { to: usize, from: usize },
    /// Remove an article.
    Remove(usize),
    /// Add a copy of an article under a new name (with the same id in a subfolder).
    Copy { from: usize, sub: bool },
    /// Rename an article's file (a new id).
    Rename(usize),
}

fn edit_strategy(n: usize) -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..n, 0..n).prop_map(|(to, from)| Edit::Append { to, from }),
        (0..n).prop_map(Edit::Remove),
        (0..n, any::<bool>()).prop_map(|(from, sub)| Edit::Copy { from, sub }),
        (0..n).prop_map(Edit::Rename),
    ]
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Any sequence of edits, each followed by extracting again: always a full extraction's
    /// result, and never more articles extracted than files touched.
    #[test]
    fn any_edits_extract_again_to_a_full_extraction(edits in proptest::collection::vec(edit_strategy(12), 1..6)) {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dir = tmp.path();
        let engine = engine();
        let s = Synth::new(&engine.gazetteer, &engine.actors);
        synth::write_corpus(&s, dir, 12, 3).unwrap_or_else(|e| panic!("{e}"));
        let mut x = engine.extract_paths(&[dir.to_path_buf()], &Progress::default());
        for (k, edit) in edits.iter().enumerate() {
            let f = files(dir);
            if f.is_empty() {
                break;
            }
            let pick = |i: usize| f[i % f.len()].clone();
            let touched = match edit {
                Edit::Append { to, from } => {
                    let sentence = read(&pick(*from)).lines().rev().find(|l| l.len() > 20).unwrap_or("Calm in Barda.").to_owned();
                    write(&pick(*to), &format!("{}\n\n{sentence}\n", read(&pick(*to))));
                    1
                }
                Edit::Remove(i) => {
                    std::fs::remove_file(pick(*i)).unwrap_or_else(|e| panic!("{e}"));
                    0
                }
                Edit::Copy { from, sub } => {
                    let src = pick(*from);
                    let to = if *sub {
                        std::fs::create_dir_all(dir.join("sub")).unwrap_or_else(|e| panic!("{e}"));
                        dir.join("sub").join(src.file_name().unwrap_or_default())
                    } else {
                        dir.join(format!("copy{k}.txt"))
                    };
                    write(&to, &read(&src));
                    1
                }
                Edit::Rename(i) => {
                    let src = pick(*i);
                    std::fs::rename(&src, dir.join(format!("renamed{k}.txt"))).unwrap_or_else(|e| panic!("{e}"));
                    1
                }
            };
            let (y, extracted) = again_equals_full(&engine, dir, &x);
            // Copies in the subfolder take the id `stem~2`; removing their original moves
            // their id back to `stem`, which extracts them again.
            let copies = std::fs::read_dir(dir.join("sub")).map_or(0, |d| d.count());
            prop_assert!(extracted <= touched + copies, "{extracted} extracted after {edit:?}");
            x = y;
        }
    }
}
