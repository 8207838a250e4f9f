//! Hostile inputs: every bad file becomes a clear problem while the rest loads, and nothing
//! panics. Named after what each case once could break.

use std::path::PathBuf;

use dateline::Engine;
use dateline::engine::Progress;

fn engine() -> Engine {
    Engine::embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
    p
}

#[test]
fn bad_files_are_problems_and_good_files_still_load() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    write(d, "good.txt", "Shelling in Ganja\n\nSeven people were killed in Ganja, Azerbaijan said.".as_bytes());
    write(d, "empty.txt", b"");
    write(d, "binary.txt", &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0]);
    write(d, "latin1.txt", b"Caf\xe9 in Bak\xfc\n\nShelling hit Barda.");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Tartar shelled\n\nShelling hit Tartar.".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    write(d, "utf16.txt", &utf16);
    write(d, "quotes.txt", format!("T\n\n{}", "\"“".repeat(5000)).as_bytes());
    write(d, "feed.jsonl", b"{\"title\":\"x\",\"maintext\":\"Fighting near Fuzuli.\"}\n{broken\n");
    write(d, "manifest.toml", b"[[article]\nfile = 1");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d, d.join("loop")).unwrap_or_else(|e| panic!("{e}"));
    }
    let x = engine().extract_paths(&[d.to_path_buf()], &Progress::default());
    let problem = |file: &str, words: &str| {
        assert!(
            x.problems.iter().any(|p| p.path.ends_with(file) && p.message.contains(words)),
            "no problem {words:?} for {file}: {:#?}",
            x.problems
        );
    };
    problem("empty.txt", "empty");
    problem("binary.txt", "binary");
    problem("latin1.txt", "Latin-1");
    problem("utf16.txt", "UTF-16LE");
    problem("feed.jsonl", "line 2");
    problem("manifest.toml", "line 1");
    #[cfg(unix)]
    problem("loop", "already visited");
    let ids: Vec<&str> = x.articles.iter().map(|a| a.id.as_str()).collect();
    for want in ["good", "latin1", "utf16", "quotes", "feed#1"] {
        assert!(ids.contains(&want), "{want} missing from {ids:?}");
    }
    assert!(x.mentions.iter().any(|m| m.article == "latin1" && m.place == "barda"));
    assert!(x.mentions.iter().any(|m| m.article == "utf16" && m.place == "tartar"));
    assert!(x.claims.iter().any(|c| c.article == "good" && c.killed == Some(7)));
}

#[cfg(unix)]
#[test]
fn unreadable_permissions_and_missing_paths_are_problems() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = write(dir.path(), "secret.txt", b"Title\n\nBaku.");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap_or_else(|e| panic!("{e}"));
    let running_as_root = std::fs::read(&p).is_ok();
    let missing = dir.path().join("gone.txt");
    let x = engine().extract_paths(&[p.clone(), missing], &Progress::default());
    assert!(x.problems.iter().any(|q| q.path.ends_with("gone.txt") && q.message.contains("not found")), "{:?}", x.problems);
    if !running_as_root {
        assert!(x.problems.iter().any(|q| q.path.ends_with("secret.txt") && q.message.contains("permission")), "{:?}", x.problems);
    }
}

#[test]
fn huge_file_is_refused_with_the_limit_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = dir.path().join("huge.txt");
    let f = std::fs::File::create(&p).unwrap_or_else(|e| panic!("{e}"));
    f.set_len(dateline::corpus::MAX_FILE_BYTES + 1).unwrap_or_else(|e| panic!("{e}"));
    let x = engine().extract_paths(&[p], &Progress::default());
    assert!(x.problems.iter().any(|q| q.message.contains("MB limit")), "{:?}", x.problems);
}

#[test]
fn hundred_thousand_lines_and_deep_quotes_do_not_panic() {
    let mut text = String::from("Long file\n\n");
    for i in 0..100_000 {
        text.push_str(if i % 3 == 0 {
            "Shelling hit Ganja, killing 2 people.\n"
        } else {
            "\"“‘ quoted “nested \"deeper\" still” end\n"
        });
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = write(dir.path(), "long.txt", text.as_bytes());
    let x = engine().extract_paths(&[p], &Progress::default());
    assert!(x.claims.len() >= 30_000);
}

#[test]
fn malformed_gazetteer_exits_non_zero_with_file_line_column() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let g =
        write(dir.path(), "bad.toml", b"[[place]]\nid = \"x\"\nname = \"X\"\nlat = 91.0\nlon = 1.0\nkind = \"city\"\ncountry = \"A\"\n");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["extract", "--gazetteer"])
        .arg(&g)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml: line 2") && err.contains("latitude 91"), "{err}");
    let syntax = write(dir.path(), "syntax.toml", b"[[place]\n");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["extract", "--gazetteer"])
        .arg(&syntax)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("syntax.toml: line 1, column"), "{err}");
}

#[test]
fn unwritable_output_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = dir.path().join("no-such-dir").join("out.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["extract", "--out"])
        .arg(&target)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
    assert!(!target.exists());
    // An existing file stays intact when the write fails.
    let existing = dir.path().join("keep.json");
    std::fs::write(&existing, "previous").unwrap_or_else(|e| panic!("{e}"));
    let r = dateline::export::write_atomic(&dir.path().join("missing").join("x"), b"new");
    assert!(r.is_err());
    assert_eq!(std::fs::read_to_string(&existing).unwrap_or_default(), "previous");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn ten_thousand_files_in_one_folder_load() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for i in 0..10_000 {
        let body = format!("Report {i}\n\nShelling hit Tartar on October {}, killing {} people.\n", 1 + i % 28, 1 + i % 9);
        std::fs::write(dir.path().join(format!("a{i:05}.txt")), body).unwrap_or_else(|e| panic!("{e}"));
    }
    let x = engine().extract_paths(&[dir.path().to_path_buf()], &Progress::default());
    assert_eq!(x.articles.len(), 10_000);
    assert_eq!(x.claims.len(), 10_000);
    assert!(x.problems.is_empty(), "{:?}", &x.problems[..x.problems.len().min(3)]);
}

/// A file that disappears after the folder is listed (here: a link whose target is gone) is a
/// problem, and the rest of the folder loads.
#[cfg(unix)]
#[test]
fn files_that_vanish_while_loading_are_problems() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "kept.txt", b"Kept\n\nShelling hit Barda.");
    let gone = write(dir.path(), "gone.txt", b"Gone\n\nShelling hit Tartar.");
    std::os::unix::fs::symlink(&gone, dir.path().join("link.txt")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&gone).unwrap_or_else(|e| panic!("{e}"));
    let x = engine().extract_paths(&[dir.path().to_path_buf()], &Progress::default());
    assert!(x.problems.iter().any(|p| p.path.ends_with("link.txt") && p.message.contains("not found")), "{:?}", x.problems);
    assert_eq!(x.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), vec!["kept"]);
}

/// Links are followed: a link to an article file elsewhere and a link to a folder of articles
/// are read like the files they point to (the folder listing's own file types are used for
/// everything else, so links are the entries that are looked up); hidden folders are skipped.
#[cfg(unix)]
#[test]
fn links_to_files_and_folders_are_followed() {
    let outside = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target_file = write(outside.path(), "elsewhere.txt", b"Elsewhere\n\nShelling hit Barda.");
    let target_dir = outside.path().join("more");
    std::fs::create_dir(&target_dir).unwrap_or_else(|e| panic!("{e}"));
    write(&target_dir, "inner.txt", b"Inner\n\nShelling hit Tartar.");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "own.txt", b"Own\n\nShelling hit Ganja.");
    std::os::unix::fs::symlink(&target_file, dir.path().join("linked.txt")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&target_dir, dir.path().join("linked-folder")).unwrap_or_else(|e| panic!("{e}"));
    let hidden = dir.path().join(".hidden");
    std::fs::create_dir(&hidden).unwrap_or_else(|e| panic!("{e}"));
    write(&hidden, "secret.txt", b"Secret\n\nShelling hit Fuzuli.");
    let x = engine().extract_paths(&[dir.path().to_path_buf()], &Progress::default());
    assert!(x.problems.is_empty(), "{:?}", x.problems);
    let mut ids: Vec<&str> = x.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, vec!["inner", "linked", "own"]);
    assert!(x.mentions.iter().any(|m| m.article == "inner" && m.place == "tartar"));
}
