//! Export, as a user does it: Ctrl+E in the window (egui_kittest drives the real
//! `DatelineApp`) gives a PNG of the window's size, never overwriting an earlier one;
//! Ctrl+Shift+E writes CSV and GeoJSON of exactly what is shown; CSV and GeoJSON read back;
//! an unwritable destination gives an error and leaves no file behind.
#![cfg(feature = "gui")]

use std::path::Path;
use std::time::{Duration, Instant};

use dateline::app::DatelineApp;
use dateline::app::state::{AppState, Selection, WindowWidth};
use dateline::export::Format;
use dateline::{Engine, Model};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn model() -> Model {
    let engine = Engine::embedded().expect("embedded gazetteer");
    Model::new(engine.extract_embedded())
}

fn harness(state: AppState, size: [f32; 2], dir: &Path) -> Harness<'static, DatelineApp> {
    let mut app = DatelineApp::from_model(model(), state);
    app.set_export_dir(dir);
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(DatelineApp::setup_context)
        .build_ui_state(|ui, app: &mut DatelineApp| app.show(ui), app);
    h.run();
    h
}

/// Step the harness until an export finishes (the writing happens on a worker thread).
fn wait_for_export(h: &mut Harness<'_, DatelineApp>, previous: Option<Instant>) -> dateline::app::export::ExportRecord {
    let t = Instant::now();
    loop {
        h.step();
        if let Some(r) = h.state().last_export()
            && (previous.is_none() || h.state().export_message().is_some_and(|m| m.starts_with("Saved")))
        {
            return r.clone();
        }
        if let Some(m) = h.state().export_message()
            && m.starts_with("Could not")
        {
            panic!("export failed: {m}");
        }
        assert!(t.elapsed() < Duration::from_secs(60), "no export after a minute");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn distinct_colours(img: &image::RgbaImage) -> usize {
    let mut c = std::collections::HashSet::new();
    for p in img.pixels().step_by(3) {
        c.insert(p.0);
    }
    c.len()
}

#[test]
fn ctrl_e_saves_a_png_of_the_window_size_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(AppState { window: WindowWidth::ThreeDays, ..AppState::default() }, [1600.0, 1000.0], dir.path());
    let t = Instant::now();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    let rec = wait_for_export(&mut h, None);
    let wall = t.elapsed();
    eprintln!(
        "screenshot latency (1600x1000, Ctrl+E to file written): {:.0} ms (app-measured {:.0} ms)",
        wall.as_secs_f64() * 1e3,
        rec.elapsed.as_secs_f64() * 1e3
    );
    let first = dir.path().join("dateline-2020-10-11.png");
    assert_eq!(rec.paths, vec![first.clone()]);
    if let Some(keep) = std::env::var_os("DATELINE_KEEP_EXPORTS") {
        let _ = std::fs::copy(&first, Path::new(&keep).join("ctrl-e.png"));
    }
    let img = image::open(&first).expect("a PNG").to_rgba8();
    assert_eq!((img.width(), img.height()), (1600, 1000));
    assert!(distinct_colours(&img) > 200, "the screenshot looks blank");
    // The caption strip is in the picture: its bottom rows differ from the window's usual
    // bottom rows (the timeline's date labels).
    let usual = h.render().expect("render");
    let bottom_differs = (960..1000).any(|y| (0..1600).any(|x| img.get_pixel(x, y) != usual.get_pixel(x, y)));
    assert!(bottom_differs, "no caption strip at the bottom of the screenshot");
    // The toast names the file and offers to open its folder (a new area shows from its
    // second frame).
    h.run_steps(2);
    assert!(h.state().export_message().unwrap().contains("dateline-2020-10-11.png"));
    h.get_by_label("Open folder");
    // Nothing else in the folder (no temporary files).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    // Again: a new name, the first file untouched.
    let before = std::fs::read(&first).unwrap();
    h.get_by_label("Dismiss").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    let rec2 = wait_for_export(&mut h, Some(t));
    assert_eq!(rec2.paths, vec![dir.path().join("dateline-2020-10-11-2.png")]);
    assert_eq!(std::fs::read(&first).unwrap(), before);
}

#[test]
fn export_button_works_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(AppState::default(), [1200.0, 800.0], dir.path());
    h.get_by_label("Export screenshot").click();
    let rec = wait_for_export(&mut h, None);
    let img = image::open(&rec.paths[0]).unwrap();
    assert_eq!((img.width(), img.height()), (1200, 800));
}

#[test]
fn file_menu_exports_at_2x() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(AppState { selection: Selection::Place("ganja".into()), ..AppState::default() }, [1200.0, 800.0], dir.path());
    h.get_by_label("File").click();
    h.run();
    let t = Instant::now();
    h.get_by_label("Export screenshot at 2x…").click();
    let rec = wait_for_export(&mut h, None);
    eprintln!("2x screenshot (1200x800 window, 2400x1600 image): {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    assert_eq!(rec.scale, 2.0);
    if let Some(keep) = std::env::var_os("DATELINE_KEEP_EXPORTS") {
        let _ = std::fs::copy(&rec.paths[0], Path::new(&keep).join("ctrl-e-2x.png"));
    }
    let img = image::open(&rec.paths[0]).unwrap().to_rgba8();
    assert_eq!((img.width(), img.height()), (2400, 1600));
    assert!(distinct_colours(&img) > 200);
}

#[test]
fn ctrl_shift_e_exports_exactly_what_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState { window: WindowWidth::UpToCursor, selection: Selection::Place("ganja".into()), ..AppState::default() };
    let mut h = harness(state, [1600.0, 1000.0], dir.path());
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::E);
    // The frame that takes the command says so at once; the files are written by a worker.
    h.step();
    assert_eq!(h.state().export_message(), Some("Exporting data…"));
    h.get_by_label("Exporting data…");
    let rec = wait_for_export(&mut h, None);
    let names: Vec<String> = rec.paths.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(
        names,
        [
            "dateline-2020-10-11.geojson",
            "dateline-2020-10-11-mentions.csv",
            "dateline-2020-10-11-claims.csv",
            "dateline-2020-10-11-quotes.csv",
            "dateline-2020-10-11-places.csv",
            "dateline-2020-10-11-articles.csv"
        ]
    );
    let app = h.state();
    let model = app.model().unwrap();

    // Mentions and claims: only Ganja, only up to the cursor.
    let mut rd = csv::Reader::from_path(&rec.paths[1]).unwrap();
    let headers = rd.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(&r[col("place")], "ganja");
        assert!(&r[col("date")] <= "2020-10-11");
        assert!(!r[col("sentence")].is_empty() && !r[col("outlet")].is_empty());
    }
    let ganja_mentions =
        model.data.mentions.iter().filter(|m| m.place == "ganja" && m.date.is_some_and(|d| d.to_string().as_str() <= "2020-10-11")).count();
    assert_eq!(rows.len(), ganja_mentions);
    let mut rd = csv::Reader::from_path(&rec.paths[2]).unwrap();
    let claims: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|r| &r[8] == "ganja"), "claims at other places exported");
    // Quotes: exactly the quote list.
    let mut rd = csv::Reader::from_path(&rec.paths[3]).unwrap();
    assert_eq!(rd.records().count(), app.visible().quotes.len());

    // GeoJSON: Ganja with longitude first.
    let gj: serde_json::Value = serde_json::from_slice(&std::fs::read(&rec.paths[0]).unwrap()).unwrap();
    let ganja = gj["features"].as_array().unwrap().iter().find(|f| f["id"] == "ganja").expect("Ganja feature");
    let c = ganja["geometry"]["coordinates"].as_array().unwrap();
    assert!((c[0].as_f64().unwrap() - 46.36).abs() < 0.05, "longitude first: {c:?}");
    assert!((c[1].as_f64().unwrap() - 40.68).abs() < 0.05, "{c:?}");
    assert_eq!(ganja["properties"]["mention_count"].as_u64().unwrap() as usize, ganja_mentions);
}

#[test]
fn data_export_to_an_unwritable_folder_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, b"not a folder").unwrap();
    let mut h = harness(AppState::default(), [1200.0, 800.0], &blocker.join("sub"));
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::E);
    let t = Instant::now();
    let msg = loop {
        h.step();
        if let Some(m) = h.state().export_message()
            && m.starts_with("Could not")
        {
            break m.to_owned();
        }
        assert!(t.elapsed() < Duration::from_secs(30));
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(msg.starts_with("Could not export the data"), "{msg}");
    assert!(h.state().last_export().is_none());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "only the blocking file");
    assert_eq!(std::fs::read(&blocker).unwrap(), b"not a folder");

    // The same for a screenshot.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    let t = Instant::now();
    let msg = loop {
        h.step();
        if let Some(m) = h.state().export_message()
            && m.starts_with("Could not")
        {
            break m.to_owned();
        }
        assert!(t.elapsed() < Duration::from_secs(30));
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(msg.contains("screenshot"), "{msg}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn csv_round_trip() {
    let x = model().data;
    for table in ["mentions", "claims", "quotes", "places", "articles"] {
        let text = dateline::export::to_string(&x.view(), Format::Csv(table)).unwrap();
        let mut rd = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
        let n = match table {
            "mentions" => x.mentions.len(),
            "claims" => x.claims.len(),
            "quotes" => x.quotes.len(),
            "places" => x.places.len(),
            _ => x.articles.len(),
        };
        assert_eq!(rows.len(), n, "{table}");
    }
    // Field by field for claims: sentence (with commas and quotes), figures, source.
    let text = dateline::export::to_string(&x.view(), Format::Csv("claims")).unwrap();
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let h = rd.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    for (r, c) in rd.records().map(|r| r.unwrap()).zip(&x.claims) {
        assert_eq!(&r[col("sentence")], c.sentence);
        assert_eq!(r[col("killed")].parse::<u64>().ok(), c.killed);
        assert_eq!(r[col("start")].parse::<usize>().unwrap(), c.start);
        let a = x.articles.iter().find(|a| a.id == c.article).unwrap();
        assert_eq!(&r[col("url")], a.url.as_deref().unwrap_or(""));
        assert_eq!(&r[col("outlet")], a.outlet.as_deref().unwrap_or(""));
    }
    // Mentions' spans point at the mention in its article, and the sentence holds it.
    let text = dateline::export::to_string(&x.view(), Format::Csv("mentions")).unwrap();
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    for r in rd.records().map(|r| r.unwrap()) {
        let a = x.articles.iter().find(|a| a.id == r[0]).unwrap();
        let (s, e): (usize, usize) = (r[5].parse().unwrap(), r[6].parse().unwrap());
        assert_eq!(&a.text[s..e], &r[4]);
        assert!(r[9].contains(&r[4]));
    }
}

#[test]
fn geojson_round_trip_is_rfc7946() {
    let x = model().data;
    let text = dateline::export::to_string(&x.view(), Format::Geojson).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), x.places.len());
    for (f, p) in features.iter().zip(&x.places) {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c: Vec<f64> = f["geometry"]["coordinates"].as_array().unwrap().iter().map(|c| c.as_f64().unwrap()).collect();
        assert_eq!(c, vec![p.lon, p.lat], "{}: [longitude, latitude]", p.id);
        assert!((-180.0..=180.0).contains(&c[0]) && (-90.0..=90.0).contains(&c[1]));
        assert_eq!(f["properties"]["name"], p.name.as_str());
    }
    let ganja = features.iter().find(|f| f["id"] == "ganja").unwrap();
    let c = ganja["geometry"]["coordinates"].as_array().unwrap();
    assert!((c[0].as_f64().unwrap() - 46.36).abs() < 0.05 && (c[1].as_f64().unwrap() - 40.68).abs() < 0.05);
    // Mentions carry their source and sentence.
    let m = &ganja["properties"]["mentions"][0];
    assert!(m["sentence"].as_str().unwrap().contains(m["text"].as_str().unwrap()));
    assert!(m["outlet"].is_string() && m["article"].is_string());
}

#[test]
fn unwritable_destination_is_an_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    // Missing folder.
    let missing = dir.path().join("no/such/dir/x.csv");
    let e = dateline::export::write_atomic(&missing, b"a,b\n").unwrap_err();
    assert!(e.to_string().contains("cannot write"), "{e}");
    assert!(!missing.exists());
    // The destination is a folder with files in it: the rename fails, nothing changes.
    let busy = dir.path().join("busy.csv");
    std::fs::create_dir(&busy).unwrap();
    std::fs::write(busy.join("keep"), b"keep").unwrap();
    assert!(dateline::export::write_atomic(&busy, b"a,b\n").is_err());
    assert_eq!(std::fs::read(busy.join("keep")).unwrap(), b"keep");
    // An existing file survives a failed write next to it, and no temporary file remains.
    let good = dir.path().join("good.csv");
    dateline::export::write_atomic(&good, b"old\n").unwrap();
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    assert_eq!(std::fs::read(&good).unwrap(), b"old\n");
}
