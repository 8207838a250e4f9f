//! Dateline as a desktop app: files dropped onto the window, a folder with no article, a
//! broken gazetteer, files changed on disk, the saved state (round trip, validation against
//! the model, a corrupt state file, a failed write), and the real binary started from an empty folder under
//! Xvfb with its own HOME.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use dateline::app::DatelineApp;
use dateline::app::persist::{self, Saved};
use dateline::app::state::{AppState, Selection, ThemeChoice, WindowWidth};
use dateline::{Engine, Model};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const GANJA_ARTICLE: &str = "Night strike on Ganja leaves thirteen dead
date 2020-10-17

GANJA, Azerbaijan — A missile struck a residential block in Ganja overnight, killing 13 civilians and wounding 52, Azerbaijan's prosecutor general's office said on Saturday.

\"The rescuers are still pulling families out of the rubble of Ganja,\" said Hikmet Hajiyev, an aide to Azerbaijan's president.
";

const SECOND_ARTICLE: &str = "Funerals in Ganja
date 2020-10-17

GANJA, Azerbaijan — Families buried their dead in Ganja on Saturday.

\"We will not forget the people of Ganja,\" said Ilham Aliyev, the president of Azerbaijan.
";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn default_model() -> Model {
    Model::new(Engine::embedded().expect("embedded gazetteer").extract_embedded())
}

fn harness(app: DatelineApp) -> Harness<'static, DatelineApp> {
    Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_context_setup(DatelineApp::setup_context)
        .build_ui_state(|ui, app: &mut DatelineApp| app.show(ui), app)
}

/// Step until no load is running (a load starts on the first frame at the latest).
fn until_loaded(h: &mut Harness<'_, DatelineApp>) {
    h.step();
    let t = Instant::now();
    while h.state().is_loading() {
        assert!(t.elapsed() < Duration::from_secs(60), "still loading after a minute");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
}

/// A file dropped onto the window, as egui-winit hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_paths(h: &mut Harness<'_, DatelineApp>, paths: &[PathBuf]) {
    for p in paths {
        h.input_mut().dropped_files.push(Arc::new(Dropped(p.clone())));
    }
}

fn markers(h: &Harness<'_, DatelineApp>) -> Vec<String> {
    h.query_all_by_label_contains("Map marker ").filter_map(|n| n.accesskit_node().label()).collect()
}

fn quote_cards(h: &Harness<'_, DatelineApp>) -> Vec<String> {
    h.query_all_by_label_contains("Quote by ").filter_map(|n| n.accesskit_node().label()).collect()
}

#[test]
fn dropping_an_article_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ganja_night.txt");
    std::fs::write(&file, GANJA_ARTICLE).unwrap();

    let mut h = harness(DatelineApp::from_model(default_model(), AppState::default()));
    h.run();
    assert!(h.state().title().contains("Nagorno-Karabakh ceasefires"), "{}", h.state().title());

    // Dragging over the window shows the veil.
    // (egui repaints continuously while files hover, so step rather than run.)
    h.input_mut().hovered_files.push(egui::HoveredFile { path: Some(file.clone()), mime: String::new() });
    h.run_steps(2);
    h.get_by_label("Drop articles to open");
    h.get_by_label("ganja_night.txt");
    h.input_mut().hovered_files.clear();

    drop_paths(&mut h, std::slice::from_ref(&file));
    until_loaded(&mut h);
    let app = h.state();
    assert_eq!(app.title(), "Dateline — ganja_night.txt");
    assert_eq!(app.model().unwrap().data.articles.len(), 1);
    assert_eq!(app.state.cursor, Some(day("2020-10-17")));
    assert_eq!(app.open_paths_now(), std::slice::from_ref(&file));
    assert_eq!(app.recent_folders()[0], std::fs::canonicalize(&file).unwrap());
    assert!(h.query_by_label("Drop articles to open").is_none(), "the veil is gone after the drop");
    // The new corpus is what the views show.
    h.get_by_label("ganja_night.txt");
    assert!(markers(&h).contains(&"Map marker Ganja".to_owned()), "{:?}", markers(&h));
    let q = quote_cards(&h);
    assert!(q.iter().any(|l| l.starts_with("Quote by Hikmet Hajiyev")), "{q:?}");
}

#[test]
fn a_folder_without_articles_keeps_the_corpus_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("photo.png"), b"\x89PNG\r\n").unwrap();
    let mut h = harness(DatelineApp::from_model(default_model(), AppState::default()));
    h.run();
    let title = h.state().title().to_owned();
    let articles = h.state().model().unwrap().data.articles.len();

    drop_paths(&mut h, &[dir.path().to_path_buf()]);
    until_loaded(&mut h);
    assert_eq!(h.state().title(), title, "the previous corpus stays");
    assert_eq!(h.state().model().unwrap().data.articles.len(), articles);
    let banner = format!("No .txt, .md or .jsonl articles in {}", dir.path().display());
    h.get_by_label_contains(&banner);
    assert!(h.state().recent_folders().is_empty(), "a folder that failed is not a recent folder");

    // A folder that does not exist says so, too; the banner can be dismissed.
    let gone = dir.path().join("gone");
    drop_paths(&mut h, std::slice::from_ref(&gone));
    until_loaded(&mut h);
    h.get_by_label_contains(&format!("{} was not found", gone.display()));
    assert!(h.query_by_label_contains(&banner).is_none(), "the new banner replaces the old one");
    h.get_by_label("×").click();
    h.run();
    assert!(h.state().banners().is_empty());
}

#[test]
fn a_malformed_gazetteer_opens_the_window_with_a_banner() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[[place]]\nid = \"x\"\nname = = \"X\"\n").unwrap();
    let mut h = harness(DatelineApp::loading(Vec::new(), Some(bad.clone()), None, false, AppState::default()));
    until_loaded(&mut h);
    let want = format!("Your gazetteer {} has an error at line 3, column", bad.display());
    h.get_by_label_contains(&want);
    h.get_by_label_contains("using the built-in gazetteer. Fix the file and open the folder again.");
    let banners = h.state().banners();
    assert_eq!(banners.len(), 1, "{banners:?}");
    assert!(banners[0].starts_with(&want) && banners[0].contains("; using the built-in gazetteer"), "{banners:?}");
    // The window works, on the built-in gazetteer and corpus.
    assert!(h.state().title().contains("Nagorno-Karabakh ceasefires"));
    assert!(markers(&h).contains(&"Map marker Ganja".to_owned()));
}

#[test]
fn files_changed_on_disk_reload_and_keep_the_cursor_and_selection() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), GANJA_ARTICLE).unwrap();
    let mut h = harness(DatelineApp::loading(vec![dir.path().to_path_buf()], None, None, false, AppState::default()));
    until_loaded(&mut h);
    assert_eq!(h.state().model().unwrap().data.articles.len(), 1);
    h.get_by_label("Map marker Ganja").click();
    h.run();
    assert_eq!(h.state().state.selection, Selection::Place("ganja".into()));
    let cursor = h.state().state.cursor;

    std::fs::write(dir.path().join("b.txt"), SECOND_ARTICLE).unwrap();
    let t = Instant::now();
    while h.state().model().unwrap().data.articles.len() < 2 || h.state().is_loading() {
        assert!(t.elapsed() < Duration::from_secs(30), "no reload within 30 s");
        std::thread::sleep(Duration::from_millis(50));
        h.step();
    }
    h.run();
    let app = h.state();
    assert_eq!(app.state.toast.as_deref(), Some("Reloaded: 1 file changed"));
    // Only the new article was extracted; the unchanged one was taken from the corpus shown.
    assert_eq!(app.model().unwrap().data.ledger.as_ref().map(|l| l.extracted()), Some(1));
    assert_eq!(app.state.selection, Selection::Place("ganja".into()), "selection kept");
    assert_eq!(app.state.cursor, cursor, "cursor kept");
    let q = quote_cards(&h);
    assert!(q.iter().any(|l| l.starts_with("Quote by Ilham Aliyev")), "{q:?}");
}

#[test]
fn restored_cursor_and_selection_are_checked_against_the_model() {
    let kept = AppState {
        cursor: Some(day("2020-10-04")),
        window: WindowWidth::Week,
        selection: Selection::Place("ganja".into()),
        theme: ThemeChoice::Dark,
        ..AppState::default()
    };
    let mut h = harness(DatelineApp::loading(Vec::new(), None, None, false, kept));
    until_loaded(&mut h);
    let s = &h.state().state;
    assert_eq!(s.cursor, Some(day("2020-10-04")));
    assert_eq!(s.window, WindowWidth::Week);
    assert_eq!(s.selection, Selection::Place("ganja".into()));
    assert_eq!(s.theme, ThemeChoice::Dark);

    let stale = AppState { cursor: Some(day("1990-01-01")), selection: Selection::Place("atlantis".into()), ..AppState::default() };
    let mut h = harness(DatelineApp::loading(Vec::new(), None, None, false, stale));
    until_loaded(&mut h);
    let s = &h.state().state;
    assert_eq!(s.cursor, Some(day("2020-10-11")), "a day outside the corpus falls back to the busiest day");
    assert_eq!(s.selection, Selection::None, "a place no longer there is dropped");

    let stale_claim = AppState { selection: Selection::Claim(1_000_000), ..AppState::default() };
    let mut h = harness(DatelineApp::loading(Vec::new(), None, None, false, stale_claim));
    until_loaded(&mut h);
    assert_eq!(h.state().state.selection, Selection::None);
}

#[test]
fn saved_state_round_trips_and_a_corrupt_file_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), GANJA_ARTICLE).unwrap();
    let mut h = harness(DatelineApp::loading(vec![dir.path().to_path_buf()], None, None, false, AppState::default()));
    until_loaded(&mut h);
    h.get_by_label("Map marker Ganja").click();
    h.run();
    h.state_mut().state.theme = ThemeChoice::Dark;
    h.state_mut().state.window = WindowWidth::Week;

    // Through a real file (in a folder that does not exist yet).
    let state_dir = tempfile::tempdir().unwrap();
    let file = state_dir.path().join("dateline").join(persist::STATE_FILE);
    h.state_mut().save_state(&file).unwrap();
    let (saved, notice) = persist::restore(Some(&file));
    assert_eq!(notice, None);
    let now = h.state().saved();
    assert_eq!(saved.state.cursor, now.state.cursor);
    let (a, b) = (saved.state.camera.unwrap(), now.state.camera.unwrap());
    assert!((a.scale / b.scale - 1.0).abs() < 1e-12 && a.center == b.center, "{a:?} vs {b:?}");
    assert_eq!(saved.state.selection, Selection::Place("ganja".into()));
    assert_eq!(saved.state.theme, ThemeChoice::Dark);
    assert_eq!(saved.state.window, WindowWidth::Week);
    assert_eq!(saved.last_paths, vec![dir.path().to_path_buf()]);
    assert_eq!(saved.recent, vec![std::fs::canonicalize(dir.path()).unwrap()]);
    // The harness's viewport size was seen and saved.
    assert!(saved.window_size.is_some_and(|[w, hh]| w > 0.0 && hh > 0.0), "{:?}", saved.window_size);
    assert_eq!(saved.window_size, now.window_size);
    // Written atomically: no temporary file is left next to it.
    let names: Vec<String> =
        std::fs::read_dir(file.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, vec![persist::STATE_FILE.to_owned()]);

    // A state file that is not JSON at all: fresh state, a notice, and a copy of the bad
    // file with its bytes.
    let garbage = b"\x00\x01 not json at all {{{\xff";
    std::fs::write(&file, garbage).unwrap();
    let (saved, notice) = persist::restore(Some(&file));
    assert_eq!(saved, Saved::default());
    let notice = notice.expect("a notice");
    assert!(notice.starts_with(persist::RESET_NOTICE), "{notice}");
    let bad_copies = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("state.json.bad-"))
            .collect()
    };
    let copies = bad_copies(file.parent().unwrap());
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(std::fs::read(&copies[0]).unwrap(), garbage);
    assert!(notice.contains(&copies[0].display().to_string()), "{notice}");

    // Valid UTF-8 that is not a state, or a state from another version: the same.
    for bad in
        ["not json", "{\"version\": 99, \"state\": {}}", "{\"version\": 0, \"state\": {}}", "{\"version\": 1, \"state\": {\"cursor\": []}}"]
    {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join(persist::STATE_FILE);
        std::fs::write(&f, bad).unwrap();
        let (saved, notice) = persist::restore(Some(&f));
        assert_eq!(saved, Saved::default(), "{bad}");
        assert!(notice.is_some_and(|n| n.starts_with(persist::RESET_NOTICE)), "{bad}");
        let copies = bad_copies(d.path());
        assert_eq!(copies.len(), 1, "{bad}: {copies:?}");
        assert_eq!(std::fs::read_to_string(&copies[0]).unwrap(), bad);
    }
    // Nothing stored at all: a first start, no notice.
    assert_eq!(persist::restore(Some(&dir.path().join("none.json"))), (Saved::default(), None));
    assert_eq!(persist::restore(None), (Saved::default(), None));
}

#[test]
fn a_failed_state_write_is_reported_and_keeps_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = DatelineApp::loading(Vec::new(), None, None, false, AppState::default());

    // The folder of the state file is a regular file: the write must fail.
    let not_a_dir = dir.path().join("blocker");
    std::fs::write(&not_a_dir, b"a file").unwrap();
    let e = app.save_state(&not_a_dir.join(persist::STATE_FILE)).unwrap_err();
    assert!(!e.is_empty());
    assert_eq!(std::fs::read(&not_a_dir).unwrap(), b"a file");
    let banners = app.banners();
    assert!(banners.iter().any(|b| b.starts_with("Could not save the window's state")), "{banners:?}");

    // A good state file, then a failing write over it (a read-only folder; root ignores
    // permissions, so only checked when the write is really refused).
    let state_dir = dir.path().join("state");
    let file = state_dir.join(persist::STATE_FILE);
    app.state.theme = ThemeChoice::Dark;
    app.save_state(&file).unwrap();
    let before = std::fs::read(&file).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&state_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    app.state.theme = ThemeChoice::Light;
    let result = app.save_state(&file);
    std::fs::set_permissions(&state_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    if result.is_err() {
        assert_eq!(std::fs::read(&file).unwrap(), before, "the previous state file is byte-identical");
        let names: Vec<_> = std::fs::read_dir(&state_dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    } else {
        eprintln!("running as root: a read-only folder does not stop the write; checked the blocked folder only");
    }

    // Root ignores permissions: make the write fail over the good file another way, with a
    // folder where the temporary file would go (`write_atomic` names it
    // `.state.json.<pid>.tmp`). The previous file must stay byte-identical.
    let blocker = state_dir.join(format!(".{}.{}.tmp", persist::STATE_FILE, std::process::id()));
    app.state.theme = ThemeChoice::Dark;
    app.save_state(&file).unwrap();
    let before = std::fs::read(&file).unwrap();
    std::fs::create_dir(&blocker).unwrap();
    std::fs::write(blocker.join("x"), b"x").unwrap();
    app.state.theme = ThemeChoice::Light;
    assert!(app.save_state(&file).is_err());
    assert_eq!(std::fs::read(&file).unwrap(), before, "the previous state file is byte-identical");
    assert_eq!(persist::restore(Some(&file)).0.state.theme, ThemeChoice::Dark);
    std::fs::remove_dir_all(&blocker).unwrap();

    // The state file's name is taken by a folder: the rename fails after the temporary
    // file was written; the folder and its content are untouched and no temporary is left.
    let d2 = dir.path().join("state2");
    let file2 = d2.join(persist::STATE_FILE);
    std::fs::create_dir_all(file2.join("inside")).unwrap();
    std::fs::write(file2.join("inside/keep"), b"keep").unwrap();
    assert!(app.save_state(&file2).is_err());
    assert_eq!(std::fs::read(file2.join("inside/keep")).unwrap(), b"keep");
    assert_eq!(std::fs::read_dir(&d2).unwrap().count(), 1, "no temporary file left");
}

/// Run the real binary under Xvfb from `cwd` with HOME and the XDG folders in `home`, save a
/// screenshot to `png`; returns stderr. `None` if xvfb-run is missing.
fn run_binary(cwd: &Path, home: &Path, png: &Path, extra_env: &[(&str, &str)], args: &[&str]) -> Option<String> {
    use std::process::{Command, Stdio};
    if Command::new("xvfb-run").arg("--help").output().is_err() {
        eprintln!("skipping: xvfb-run is not installed (apt-get install xvfb)");
        return None;
    }
    let mut cmd = Command::new("xvfb-run");
    cmd.args(["-a", "-s", "-screen 0 1600x1000x24"])
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(cwd)
        .env(dateline::app::SCREENSHOT_AND_EXIT_ENV, png)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove(dateline::app::startup::RENDERER_ENV)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().expect("start xvfb-run");
    let t = Instant::now();
    let out = child.wait_with_output().expect("wait for dateline");
    assert!(t.elapsed() < Duration::from_secs(180), "dateline took {:?}", t.elapsed());
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(png.exists(), "no screenshot written ({:?}); stderr:\n{stderr}", out.status);
    Some(stderr)
}

fn assert_not_blank(png: &Path) {
    let img = image::open(png).expect("a readable PNG").to_rgba8();
    assert!(img.width() >= 1200 && img.height() >= 800, "window is {}x{}", img.width(), img.height());
    let colours: std::collections::HashSet<[u8; 4]> = img.pixels().step_by(7).map(|p| p.0).take(50_000).collect();
    assert!(colours.len() > 200, "the window looks blank: {} colours", colours.len());
}

#[test]
fn the_binary_runs_from_an_empty_folder_and_remembers_its_state() {
    let cwd = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let png = out.path().join("first.png");
    let Some(_) = run_binary(cwd.path(), home.path(), &png, &[], &[]) else { return };
    assert_not_blank(&png);
    assert_eq!(std::fs::read_dir(cwd.path()).unwrap().count(), 0, "nothing written to the current folder");
    let data = home.path().join("data/dateline");
    let state = data.join(persist::STATE_FILE);
    let text = std::fs::read_to_string(&state).expect("Dateline saved its state under XDG_DATA_HOME");
    let saved: Saved = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(saved.version, persist::STATE_VERSION);
    assert!(saved.window_size.is_some(), "the window size is saved: {text}");
    assert!(!data.join("app.ron").exists(), "eframe's non-atomic app.ron is not written");

    // A corrupt state file: the window still opens (here with the OpenGL renderer), and the
    // file is set aside.
    std::fs::write(&state, b"\x00garbage(((").unwrap();
    let png = out.path().join("second.png");
    let stderr = run_binary(cwd.path(), home.path(), &png, &[(dateline::app::startup::RENDERER_ENV, "glow")], &[]).unwrap();
    assert_not_blank(&png);
    let bad: Vec<_> = std::fs::read_dir(home.path().join("data/dateline"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("state.json.bad-"))
        .collect();
    assert_eq!(bad.len(), 1, "the corrupt file is kept aside; stderr:\n{stderr}");
    assert_eq!(std::fs::read(bad[0].path()).unwrap(), b"\x00garbage(((");
    let text = std::fs::read_to_string(&state).unwrap();
    let saved: Saved = serde_json::from_str(&text).unwrap_or_else(|e| panic!("a fresh state was saved: {e}: {text}"));
    assert_eq!(saved.version, persist::STATE_VERSION);
    assert!(!data.join("app.ron").exists(), "eframe's non-atomic app.ron is not written");
}

#[test]
fn a_long_load_shows_progress_over_the_current_corpus_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::embedded().unwrap();
    let synth = dateline::synth::Synth::new(&engine.gazetteer, &engine.actors);
    dateline::synth::write_corpus(&synth, dir.path(), 3000, 7).unwrap();
    let mut h = harness(DatelineApp::from_model(default_model(), AppState::default()));
    h.run();
    let title = h.state().title().to_owned();

    drop_paths(&mut h, &[dir.path().to_path_buf()]);
    h.step();
    assert!(h.state().is_loading());
    // The current corpus stays on screen, with the progress and a Cancel button above it.
    h.get_by_label_contains(&format!("Reading {}", dir.path().display()));
    h.get_by_label("Map marker Ganja");
    h.get_by_label("Cancel").click();
    let t = Instant::now();
    while h.state().is_loading() {
        assert!(t.elapsed() < Duration::from_secs(60), "cancel did not stop the load");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
    assert_eq!(h.state().title(), title, "the previous corpus stays");
    let toast = h.state().state.toast.clone().unwrap_or_default();
    assert!(toast.starts_with("Loading was cancelled."), "{toast}");
    assert!(h.state().banners().is_empty(), "a cancel is not an error: {:?}", h.state().banners());
}

#[test]
fn recent_folders_reopen_from_the_file_menu() {
    let a = tempfile::tempdir().unwrap();
    std::fs::write(a.path().join("a.txt"), GANJA_ARTICLE).unwrap();
    let b = tempfile::tempdir().unwrap();
    std::fs::write(b.path().join("b.txt"), SECOND_ARTICLE).unwrap();
    let mut h = harness(DatelineApp::from_model(default_model(), AppState::default()));
    h.run();
    for dir in [&a, &b] {
        drop_paths(&mut h, &[dir.path().to_path_buf()]);
        until_loaded(&mut h);
    }
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap();
    assert_eq!(h.state().recent_folders(), &[canon(b.path()), canon(a.path())]);
    let a_name = canon(a.path()).file_name().unwrap().to_string_lossy().to_string();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open recent").hover();
    h.run();
    h.get_by_label(&a_name).click();
    until_loaded(&mut h);
    assert_eq!(h.state().title(), format!("Dateline — {a_name}"));
    assert_eq!(h.state().recent_folders()[0], canon(a.path()));
}

/// Panel sizes and other layout live in egui's memory, which is saved with the state (in
/// RON, as eframe does) and can be read back.
#[test]
fn the_panel_layout_is_saved_with_the_state() {
    let mut h = harness(DatelineApp::from_model(default_model(), AppState::default()));
    h.run();
    let saved = h.state().saved();
    let memory = saved.egui_memory.clone().unwrap_or_default();
    assert!(!memory.is_empty(), "egui memory is saved");
    let back: Result<egui::Memory, _> = ron::from_str(&memory);
    assert!(back.is_ok(), "saved egui memory reads back: {:?}", back.err());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("state.json");
    persist::save_to(&file, &saved).unwrap_or_else(|e| panic!("{e}"));
    let (restored, notice) = persist::restore(Some(&file));
    assert_eq!(notice, None);
    assert_eq!(restored.egui_memory, saved.egui_memory);
}
