//! `dateline render` and `dateline extract --at/--select` from the outside: the real binary,
//! small images (CPU rendering is slow-ish), exit codes, messages and files.
#![cfg(feature = "gui")]

use std::path::Path;
use std::process::{Command, Output};

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline")).args(args).output().expect("run dateline")
}

fn render(at: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["render", "--at", at, "--out", out.to_str().unwrap()];
    if !extra.contains(&"--size") {
        args.extend_from_slice(&["--size", "800x500"]);
    }
    args.extend_from_slice(extra);
    dateline(&args)
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "exit {:?}\nstderr: {}", o.status, String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn colours(img: &image::RgbaImage) -> usize {
    let mut c = std::collections::HashSet::new();
    for p in img.pixels().step_by(3) {
        c.insert(p.0);
    }
    c.len()
}

#[test]
fn two_dates_give_two_pictures_of_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.png");
    let b = dir.path().join("b.png");
    let t = std::time::Instant::now();
    let out = ok(&render("2020-10-11", &a, &[]));
    eprintln!("render 800x500: {:.2} s (process)", t.elapsed().as_secs_f64());
    assert_eq!(out.trim(), a.to_str().unwrap(), "prints the path");
    ok(&render("2020-10-17", &b, &["--window", "1d"]));
    let ia = image::open(&a).unwrap().to_rgba8();
    let ib = image::open(&b).unwrap().to_rgba8();
    assert_eq!((ia.width(), ia.height()), (800, 500));
    assert_eq!((ib.width(), ib.height()), (800, 500));
    assert!(colours(&ia) > 200, "a.png looks blank: {} colours", colours(&ia));
    assert!(colours(&ib) > 200, "b.png looks blank");
    let differing = ia.pixels().zip(ib.pixels()).filter(|(p, q)| p != q).count();
    assert!(differing > 2000, "the two dates look the same ({differing} pixels differ)");
    // Only the two PNGs in the folder: no temporary files.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn select_theme_and_scale() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("ganja-dark.png");
    ok(&render("2020-10-11", &p, &["--select", "ganja", "--theme", "dark", "--window", "all", "--scale", "1.5"]));
    let img = image::open(&p).unwrap().to_rgba8();
    assert_eq!((img.width(), img.height()), (1200, 750));
    // Dark: the average pixel is dark.
    let sum: u64 = img.pixels().map(|p| p.0[0] as u64 + p.0[1] as u64 + p.0[2] as u64).sum();
    assert!(sum / (img.pixels().len() as u64 * 3) < 110);
}

#[test]
fn unwritable_output_fails_with_a_message_and_no_file() {
    let o = render("2020-10-11", Path::new("/nonexistent/dir/x.png"), &[]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cannot write"), "{err}");
    assert!(!Path::new("/nonexistent/dir/x.png").exists());
    // A folder as output.
    let dir = tempfile::tempdir().unwrap();
    let o = render("2020-10-11", dir.path(), &[]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot write"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn bad_arguments_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.png");
    for (extra, at, says) in [
        (vec!["--select", "ganjaa"], "2020-10-11", "closest ids: ganja"),
        (vec!["--select", "nosuchplace"], "2020-10-11", "no such place"),
        (vec!["--size", "huge"], "2020-10-11", "WIDTHxHEIGHT"),
        (vec!["--theme", "sepia"], "2020-10-11", "light or dark"),
        (vec!["--window", "5d"], "2020-10-11", "1d, 3d, week or all"),
        (vec![], "11/10/2020", "YYYY-MM-DD"),
    ] {
        let o = render(at, &p, &extra);
        assert!(!o.status.success(), "{extra:?} should fail");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{extra:?}: {err}");
        assert!(!p.exists());
    }
}

#[test]
fn extract_at_and_select_export_what_the_window_shows() {
    let o = dateline(&["extract", "--format", "csv", "--table", "mentions", "--at", "2020-10-11", "--window", "1d", "--select", "ganja"]);
    let text = ok(&o);
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| &r[3] == "ganja" && &r[7] == "2020-10-11"), "{rows:?}");

    let o = dateline(&["extract", "--format", "geojson", "--at", "2020-10-11", "--window", "3d"]);
    let v: serde_json::Value = serde_json::from_str(&ok(&o)).unwrap();
    let features = v["features"].as_array().unwrap();
    assert!(!features.is_empty());
    for f in features {
        for m in f["properties"]["mentions"].as_array().unwrap() {
            let d = m["date"].as_str().unwrap();
            assert!(("2020-10-09"..="2020-10-11").contains(&d), "{d}");
        }
    }
    let o = dateline(&["extract", "--select", "nowhere"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such place"));
}
