//! The window used as a person would: egui_kittest drives the real `DatelineApp` (the same
//! `show` the eframe window calls) on the embedded corpus: drag the time slider, click a
//! marker and a quote, press the keyboard shortcuts, and compare a few image snapshots.
#![cfg(feature = "gui")]

use chrono::NaiveDate;
use dateline::app::DatelineApp;
use dateline::app::state::{AppState, Selection, SideTab, ThemeChoice, WindowWidth};
use dateline::app::views::timeline;
use dateline::{Engine, Model};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn model() -> Model {
    let engine = Engine::embedded().expect("embedded gazetteer");
    Model::new(engine.extract_embedded())
}

/// A window on `model`, after its first frames.
fn harness_on(model: Model, state: AppState, size: [f32; 2]) -> Harness<'static, DatelineApp> {
    let app = DatelineApp::from_model(model, state);
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(DatelineApp::setup_context)
        .build_ui_state(|ui, app: &mut DatelineApp| app.show(ui), app);
    h.run();
    h
}

fn harness_with(state: AppState, size: [f32; 2]) -> Harness<'static, DatelineApp> {
    harness_on(model(), state, size)
}

/// `n` generated articles (`dateline synth`), extracted.
fn generated(n: usize, seed: u64) -> Model {
    let engine = Engine::embedded().expect("embedded gazetteer");
    let synth = dateline::synth::Synth::new(&engine.gazetteer, &engine.actors);
    Model::new(engine.extract_documents(dateline::synth::documents(&synth, n, seed)))
}

fn harness(window: WindowWidth) -> Harness<'static, DatelineApp> {
    harness_with(AppState { window, ..AppState::default() }, [1600.0, 1000.0])
}

/// Labels of the map markers currently shown.
fn markers(h: &Harness<'_, DatelineApp>) -> Vec<String> {
    let mut v: Vec<String> = h
        .query_all_by_label_contains("Map marker ")
        .filter_map(|n| n.accesskit_node().label())
        .map(|l| l.trim_start_matches("Map marker ").to_owned())
        .collect();
    v.sort();
    v
}

/// Speakers of the quote cards currently listed.
fn quote_cards(h: &Harness<'_, DatelineApp>) -> Vec<String> {
    h.query_all_by_label_contains("Quote by ").filter_map(|n| n.accesskit_node().label()).collect()
}

/// Drag the time cursor to the middle of the given day's column.
fn drag_slider_to(h: &mut Harness<'_, DatelineApp>, target: NaiveDate) {
    let rect = h.get_by_label("Time cursor").rect();
    let app = h.state();
    let (first, days) = timeline::strip_days(app.model().unwrap(), app.state.axis).unwrap();
    let inner_left = rect.left() + timeline::STRIP_INSET;
    let w = (rect.width() - 2.0 * timeline::STRIP_INSET) / days as f32;
    let x_of = |d: NaiveDate| inner_left + ((d - first).num_days() as f32 + 0.5) * w;
    let cursor = h.state().state.cursor.unwrap();
    let y = rect.center().y;
    let start = egui::pos2(x_of(cursor), y);
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    // Move in a few steps, as a hand would.
    for k in 1..=4 {
        let t = k as f32 / 4.0;
        h.hover_at(egui::pos2(start.x + (x_of(target) - start.x) * t, y));
        h.run();
    }
    h.drop_at(egui::pos2(x_of(target), y));
    h.run();
}

#[test]
fn opens_on_the_busiest_day_with_markers_and_quotes() {
    let h = harness(WindowWidth::Day);
    let app = h.state();
    assert_eq!(app.state.cursor, Some(day("2020-10-11")));
    let m = markers(&h);
    for place in ["Ganja", "Stepanakert", "Baku", "Nagorno-Karabakh"] {
        assert!(m.contains(&place.to_owned()), "{place} missing from {m:?}");
    }
    // Moscow is mentioned that day but lies outside the South Caucasus framing.
    assert!(!m.contains(&"Moscow".to_owned()));
    assert!(!quote_cards(&h).is_empty());
    h.get_by_label("Made with Natural Earth");
}

#[test]
fn dragging_the_slider_changes_markers_and_quotes() {
    let mut h = harness(WindowWidth::Day);
    assert!(markers(&h).contains(&"Ganja".to_owned()));
    drag_slider_to(&mut h, day("2020-10-04"));
    assert_eq!(h.state().state.cursor, Some(day("2020-10-04")));
    let m = markers(&h);
    assert!(!m.contains(&"Ganja".to_owned()), "Ganja is not named on 4 October: {m:?}");
    assert!(m.contains(&"Nagorno-Karabakh".to_owned()), "{m:?}");
    let q = quote_cards(&h);
    assert_eq!(q.len(), 3, "three Russian foreign ministry quotes on 4 October: {q:?}");
    assert!(q.iter().all(|l| l.starts_with("Quote by Russian foreign ministry")), "{q:?}");

    // And forward to the 17th: Ganja is back (14 killed there).
    drag_slider_to(&mut h, day("2020-10-17"));
    assert_eq!(h.state().state.cursor, Some(day("2020-10-17")));
    assert!(markers(&h).contains(&"Ganja".to_owned()));
}

#[test]
fn clicking_a_marker_filters_the_plot_and_the_quotes() {
    let mut h = harness(WindowWidth::UpToCursor);
    let all_quotes = quote_cards(&h).len();
    h.get_by_label("Map marker Ganja").click();
    h.run();
    let app = h.state();
    assert_eq!(app.state.selection, Selection::Place("ganja".into()));
    // Quotes: only those naming Ganja.
    let q = quote_cards(&h);
    assert!(!q.is_empty() && q.len() < all_quotes, "{} of {all_quotes}", q.len());
    let model = app.model().unwrap();
    for &i in &app.visible().quotes.all(model) {
        assert!(model.quote_touches_place(i, "ganja"));
    }
    // Plot: only claims at Ganja.
    let plotted = app.plotted_claims();
    assert!(!plotted.is_empty());
    assert!(plotted.iter().all(|&i| model.claim_touches_place(i, "ganja")), "{plotted:?}");
    // The selected marker reports itself selected.
    let marker = h.get_by_label("Map marker Ganja");
    assert_eq!(marker.accesskit_node().toggled(), Some(egui::accesskit::Toggled::True));

    // Esc clears the selection; everything comes back.
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().state.selection, Selection::None);
    assert_eq!(quote_cards(&h).len(), all_quotes);
}

#[test]
fn clicking_a_quote_opens_the_article_and_highlights_its_place_and_day() {
    let mut h = harness(WindowWidth::Day);
    let label = quote_cards(&h)
        .into_iter()
        .find(|l| l.starts_with("Quote by Azerbaijan's foreign ministry"))
        .expect("the Ganja quote is listed on 11 October");
    h.get_by_label(&label).click();
    h.run();
    let app = h.state();
    let Selection::Quote(i) = app.state.selection else { panic!("selection is {:?}", app.state.selection) };
    assert_eq!(app.state.tab, SideTab::Article);
    let open = app.state.open_article.clone().unwrap();
    let model = app.model().unwrap();
    let q = &model.data.quotes[i];
    assert_eq!((open.start, open.end), (q.start, q.end));
    // Map and timeline follow: the quote's places and day are highlighted.
    assert!(app.visible().selected_places.contains(&"ganja".to_owned()));
    assert_eq!(app.visible().selected_day, Some(day("2020-10-11")));
    // The article reader shows the article title.
    let title = &model.data.articles[open.article].title;
    h.get_by_label(title);
}

#[test]
fn keyboard_space_arrows_escape_and_ctrl_f() {
    let mut h = harness(WindowWidth::ThreeDays);
    let start = h.state().state.cursor.unwrap();

    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().state.cursor, Some(start - chrono::Duration::days(1)));
    h.key_press(egui::Key::ArrowRight);
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().state.cursor, Some(start + chrono::Duration::days(1)));
    // Home and End go to the first and last day of the corpus (25 September, "late last
    // month" in an article of 9 October, to 18 October).
    let (first, last) = h.state().model().and_then(|m| m.span(dateline::model::TimeAxis::Event)).unwrap_or_default();
    assert_eq!((first, last), (day("2020-09-25"), day("2020-10-18")));
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(h.state().state.cursor, Some(first));
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(h.state().state.cursor, Some(day("2020-10-18")));

    h.key_press(egui::Key::Home);
    h.step();
    h.key_press(egui::Key::Space);
    h.step();
    assert!(h.state().state.playing, "Space starts playback");
    // Play advances the cursor by itself.
    for _ in 0..40 {
        h.step();
    }
    assert!(h.state().state.cursor > Some(first), "playback moved the cursor");
    h.key_press(egui::Key::Space);
    h.step();
    assert!(!h.state().state.playing, "Space pauses");

    // Esc clears a selection.
    h.state_mut().state.selection = Selection::Place("ganja".into());
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().state.selection, Selection::None);

    // Ctrl+F focuses the search box; typing filters quotes across the corpus.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    let search = h.get_by_role(egui::accesskit::Role::TextInput);
    assert!(search.is_focused(), "Ctrl+F focuses the search box");
    search.type_text("Lavrov");
    h.run();
    assert_eq!(h.state().state.search, "Lavrov");
    let q = quote_cards(&h);
    assert!(!q.is_empty() && q.iter().all(|l| l.starts_with("Quote by Sergei Lavrov")), "{q:?}");
    // While typing, arrows edit text rather than move the cursor.
    let before = h.state().state.cursor;
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().state.cursor, before);
}

#[test]
fn timeline_buttons_window_and_axis() {
    let mut h = harness(WindowWidth::Day);
    let start = h.state().state.cursor.unwrap();
    h.get_by_label("Day ▶").click();
    h.run();
    assert_eq!(h.state().state.cursor, Some(start + chrono::Duration::days(1)));
    h.get_by_label("◀ Day").click();
    h.run();
    assert_eq!(h.state().state.cursor, Some(start));
    h.get_by_label("Week").click();
    h.run();
    assert_eq!(h.state().state.window, WindowWidth::Week);
    h.get_by_label("Publication date").click();
    h.run();
    assert_eq!(h.state().state.axis, dateline::model::TimeAxis::Published);
    h.get_by_label("▶ Play").click();
    h.run_steps(2);
    assert!(h.state().state.playing);
}

#[test]
fn snapshots() {
    let mut results = egui_kittest::SnapshotResults::new();
    let mut h = harness_with(AppState { window: WindowWidth::ThreeDays, ..AppState::default() }, [1600.0, 1000.0]);
    results.add(h.try_snapshot("window_light_11_october"));

    let mut h =
        harness_with(AppState { window: WindowWidth::UpToCursor, theme: ThemeChoice::Dark, ..AppState::default() }, [1600.0, 1000.0]);
    h.get_by_label("Map marker Ganja").click();
    h.run();
    h.remove_cursor();
    h.run();
    results.add(h.try_snapshot("window_dark_ganja_selected"));
}

#[test]
fn zooming_out_brings_moscow_and_geneva_into_view() {
    let mut h = harness(WindowWidth::UpToCursor);
    let m = markers(&h);
    assert!(!m.contains(&"Moscow".to_owned()) && !m.contains(&"Geneva".to_owned()), "{m:?}");
    // Two clicks on the zoom-out button, two presses of the − key.
    h.get_by_label("−").click();
    h.run();
    h.get_by_label("−").click();
    h.run();
    h.key_press(egui::Key::Minus);
    h.run();
    h.key_press(egui::Key::Minus);
    h.run();
    let m = markers(&h);
    assert!(m.contains(&"Moscow".to_owned()) && m.contains(&"Geneva".to_owned()), "{m:?}");
    // "South Caucasus" frames the region again.
    h.get_by_label("South Caucasus").click();
    h.run();
    h.run();
    assert!(!markers(&h).contains(&"Geneva".to_owned()));
}

#[test]
fn historical_figures_are_listed_apart_and_clickable() {
    let mut h = harness(WindowWidth::UpToCursor);
    let app = h.state();
    let model = app.model().unwrap();
    // Historical figures never enter the plotted series.
    for &i in &app.plotted_claims() {
        assert_ne!(model.data.claims[i].scope, dateline::model::Scope::Historical);
    }
    h.get_by_label_contains("about 30,000").click();
    h.run();
    let app = h.state();
    let Selection::Claim(i) = app.state.selection else { panic!("selection is {:?}", app.state.selection) };
    assert_eq!(app.model().unwrap().data.claims[i].killed, Some(30_000));
    assert!(app.state.open_article.is_some());
}

#[test]
fn historical_figures_of_a_large_corpus_are_listed_once_with_their_reports() {
    let model = generated(80, 5);
    let mut h = harness_on(model, AppState { window: WindowWidth::UpToCursor, ..AppState::default() }, [1600.0, 1000.0]);
    // Each figure is one row saying how many reports give it.
    let rows: Vec<String> = h.query_all_by_label_contains(" reports in ").filter_map(|n| n.accesskit_node().label()).collect();
    assert!(!rows.is_empty());
    let figures: Vec<&str> = rows.iter().filter_map(|r| r.split(" — ").next()).collect();
    let distinct: std::collections::HashSet<&&str> = figures.iter().collect();
    assert_eq!(distinct.len(), figures.len(), "a figure listed twice: {rows:?}");
    // Clicking the most reported figure twice selects two of its reports.
    let first = rows[0].split(" — ").next().unwrap_or_default().to_owned();
    let click = |h: &mut Harness<'static, DatelineApp>| {
        h.query_all_by_label_contains(" reports in ")
            .find(|n| n.accesskit_node().label().is_some_and(|l| l.starts_with(&format!("{first} — "))))
            .expect("the figure's row")
            .click();
        h.run();
        match h.state().state.selection {
            Selection::Claim(i) => i,
            ref s => panic!("selection is {s:?}"),
        }
    };
    let a = click(&mut h);
    let b = click(&mut h);
    assert_ne!(a, b, "the second click selects the next report");
    let claims = &h.state().model().unwrap().data.claims;
    assert_eq!((claims[a].hedge, claims[a].killed, claims[a].wounded), (claims[b].hedge, claims[b].killed, claims[b].wounded));
    assert_eq!(claims[b].scope, dateline::model::Scope::Historical);
}

#[test]
fn fonts_render_azerbaijani_armenian_and_cyrillic() {
    // The harness panics on a missing glyph, so drawing these proves the fonts cover them.
    let mut h = Harness::builder().with_size([400.0, 100.0]).with_context_setup(DatelineApp::setup_context).build_ui(|ui| {
        ui.label("Gəncə · Ստեփանակերտ · Степанакерт · Xankəndi");
        ui.label(egui::RichText::new("Şuşa · Շուշի").family(dateline::app::theme::bold()));
    });
    h.run();
    h.get_by_label_contains("Gəncə");
}

#[test]
fn searching_a_large_corpus_lists_the_articles_with_most_occurrences_first() {
    let model = generated(80, 3);
    let containing = model.data.articles.iter().filter(|a| a.text.to_lowercase().contains("killed")).count();
    assert!(containing > dateline::app::views::quotes::MAX_ARTICLE_HITS, "{containing}");
    let mut h = harness_on(model, AppState::default(), [1600.0, 1000.0]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput).type_text("KILLED");
    h.run();
    let links: Vec<String> = h.query_all_by_label_contains("×)").filter_map(|n| n.accesskit_node().label()).collect();
    assert_eq!(links.len(), dateline::app::views::quotes::MAX_ARTICLE_HITS, "{links:?}");
    let count = |l: &str| l.rsplit_once('(').and_then(|(_, n)| n.trim_end_matches("×)").parse::<usize>().ok()).unwrap_or(0);
    assert!(links.windows(2).all(|w| count(&w[0]) >= count(&w[1])), "{links:?}");
    let more = containing - dateline::app::views::quotes::MAX_ARTICLE_HITS;
    assert!(h.query_by_label_contains(&format!("… and {more} more articles")).is_some());
    // The first link opens its article at the first occurrence.
    h.get_all_by_label_contains("×)").next().unwrap().click();
    h.run();
    let open = h.state().state.open_article.clone().expect("an article is open");
    let app = h.state();
    let text = &app.model().unwrap().data.articles[open.article].text;
    assert_eq!(text[open.start..open.end].to_lowercase(), "killed");
}

#[test]
fn a_search_on_a_worker_keeps_the_window_drawing_and_then_shows_what_it_found() {
    let model = generated(80, 3);
    let mut h = harness_on(model, AppState::default(), [1600.0, 1000.0]);
    // Every search on a worker thread, as a large corpus's are.
    h.state_mut().search_in_frame_up_to(0);
    let window_quotes = h.state().visible().quotes.clone();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput).type_text("KILLED");
    while h.state().state.search != "KILLED" {
        h.step();
    }
    // The frame after the text changed: the search has started and the window says so, with
    // the quotes of the window still listed under their own heading.
    h.step();
    assert_eq!(h.state().visible().searching(), Some("KILLED"));
    assert!(h.query_by_label_contains("searching “KILLED”…").is_some());
    assert!(h.query_by_label_contains(&format!("{} quotes in the window", window_quotes.len())).is_some());
    assert_eq!(h.state().visible().quotes, window_quotes);
    // Its results replace them when it is done.
    let start = std::time::Instant::now();
    while h.state().visible().searching().is_some() && start.elapsed() < std::time::Duration::from_secs(30) {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    h.run();
    assert_eq!(h.state().visible().searched(), "KILLED");
    let n = h.state().visible().quotes.len();
    let header = format!("{n} quote{} matching “KILLED”", if n == 1 { "" } else { "s" });
    assert!(h.query_by_label_contains(&header).is_some(), "{header}");
    assert!(h.query_by_label_contains("searching").is_none());
    let links = h.query_all_by_label_contains("×)").count();
    assert_eq!(links, dateline::app::views::quotes::MAX_ARTICLE_HITS);
}

/// The clusters on the map: (number of places, accessible name).
fn clusters(h: &Harness<'_, DatelineApp>) -> Vec<(usize, String)> {
    h.query_all_by_label_contains("Map cluster of ")
        .filter_map(|n| n.accesskit_node().label())
        .map(|l| (l.trim_start_matches("Map cluster of ").split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0), l))
        .collect()
}

#[test]
fn thousands_of_places_cluster_and_a_click_on_a_cluster_zooms_in_to_its_places() {
    let n = 1200;
    let mut h = harness_on(
        dateline::app::perf::scattered_places(n),
        AppState { window: WindowWidth::UpToCursor, ..AppState::default() },
        [1600.0, 1000.0],
    );
    let (single, grouped) = (markers(&h), clusters(&h));
    // Every place is drawn once, alone or in a cluster, and most are grouped.
    assert_eq!(single.len() + grouped.iter().map(|c| c.0).sum::<usize>(), n, "{single:?} {grouped:?}");
    assert!(!grouped.is_empty() && single.len() + grouped.len() < 300, "{} markers, {} clusters", single.len(), grouped.len());
    assert!(grouped.iter().all(|c| c.0 >= 2));
    // A click on the biggest cluster zooms in on its places until they stand alone.
    let (_, label) = grouped.iter().max_by_key(|c| c.0).cloned().unwrap_or_default();
    let first =
        label.trim_start_matches("Map cluster of ").split_once(": ").map(|(_, names)| names.split(", ").next().unwrap_or("").to_owned());
    let first = first.unwrap_or_default();
    let before = h.state().state.camera.map(|c| c.scale).unwrap_or(0.0);
    h.get_by_label(&label).click();
    h.run();
    let after = h.state().state.camera.map(|c| c.scale).unwrap_or(0.0);
    assert!(after <= before / 2.0, "zoomed in: {before} -> {after}");
    for _ in 0..12 {
        if markers(&h).contains(&first) {
            break;
        }
        let Some((_, next)) = clusters(&h).into_iter().find(|c| c.1.contains(&format!(": {first}")) || c.1.contains(&format!(", {first}")))
        else {
            break;
        };
        h.get_by_label(&next).click();
        h.run();
    }
    assert!(markers(&h).contains(&first), "{first} stands alone after zooming: {:?}", clusters(&h));
    // A selected place keeps its own marker whatever the zoom.
    h.get_by_label("World").click();
    h.run();
    h.state_mut().state.selection = Selection::Place("v0007".into());
    h.run();
    assert!(markers(&h).contains(&"Village 7".to_owned()), "{:?}", markers(&h));
    assert!(!clusters(&h).is_empty());
}

#[test]
fn a_few_places_never_cluster() {
    let h = harness_on(
        dateline::app::perf::scattered_places(dateline::app::views::map::CLUSTER_ABOVE),
        AppState { window: WindowWidth::UpToCursor, ..AppState::default() },
        [1600.0, 1000.0],
    );
    assert_eq!(markers(&h).len(), dateline::app::views::map::CLUSTER_ABOVE);
    assert!(clusters(&h).is_empty());
}

#[test]
fn ten_thousand_problems_list_quickly_and_scroll_to_the_last() {
    let engine = Engine::embedded().expect("embedded gazetteer");
    let mut x = engine.extract_embedded();
    x.problems = (0..10_000)
        .map(|i| dateline::model::Problem {
            path: format!("/archive/2020/article_{i:05}.txt"),
            message: format!("not valid UTF-8 (first bad byte at offset {i}); read as Latin-1/Windows-1252"),
        })
        .collect();
    x.unknown_names = ["Zorya", "Yeraskh", "Xalfa"]
        .iter()
        .enumerate()
        .map(|(i, n)| dateline::model::UnknownName { name: (*n).into(), count: 3 - i })
        .collect();
    let mut h = harness_on(Model::new(x), AppState::default(), [1600.0, 1000.0]);
    h.get_by_label("Problems (10003)").click();
    h.run();
    h.get_by_label("Files with problems (10000)");
    let listed = |h: &Harness<'_, DatelineApp>| -> Vec<String> {
        // A label's text is its accessible value.
        h.query_all_by_label_contains("/archive/2020/")
            .filter_map(|n| n.accesskit_node().label().or_else(|| n.accesskit_node().value()))
            .collect()
    };
    // Only the rows in view are laid out: the first ones, not ten thousand.
    let first = listed(&h);
    assert!(first.contains(&"/archive/2020/article_00000.txt".to_owned()), "{first:?}");
    assert!((5..100).contains(&first.len()), "{} rows laid out", first.len());
    h.get_by_label_contains("first bad byte at offset 0)");
    // Scrolled to the end: the last problems and the names after them.
    let list = h.get_by_label("Files with problems (10000)").rect();
    h.hover_at(list.center() + egui::vec2(0.0, 200.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Page,
        delta: egui::vec2(0.0, -10_000.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
    });
    // The scroll animates over a few frames.
    h.run_steps(30);
    let last = listed(&h);
    assert!(last.contains(&"/archive/2020/article_09999.txt".to_owned()), "{last:?}");
    assert!(!last.contains(&"/archive/2020/article_00000.txt".to_owned()));
    assert!(last.len() < 100, "{} rows laid out", last.len());
    for name in ["Zorya", "Yeraskh", "Xalfa"] {
        h.get_by_label(name);
    }
}

#[test]
fn a_plot_of_many_claimants_shows_the_side_key_instead_of_a_legend() {
    // The embedded corpus: few series, each listed in the plot's legend.
    let h = harness(WindowWidth::ThreeDays);
    let series: Vec<String> = h.state().visible().plot.series.iter().map(|s| s.name.clone()).collect();
    assert!((1..=dateline::app::views::casualty_plot::MAX_LEGEND_SERIES).contains(&series.len()), "{series:?}");
    for name in &series {
        h.get_by_label(name);
    }
    assert!(h.query_by_label_contains("claimant series").is_none());

    // Generated articles: more claimants than a legend can list.
    let h = harness_on(generated(80, 5), AppState::default(), [1600.0, 1000.0]);
    let plot = &h.state().visible().plot;
    assert!(plot.cells.is_empty(), "the detailed form");
    let n = plot.series.len();
    assert!(n > dateline::app::views::casualty_plot::MAX_LEGEND_SERIES, "{n} series");
    let names: Vec<String> = plot.series.iter().map(|s| s.name.clone()).collect();
    let sides: Vec<String> = plot.sides.iter().map(|s| format!("● {}", s.as_deref().unwrap_or("no known side"))).collect();
    assert!(sides.len() >= 3, "{sides:?}");
    h.get_by_label(&format!("· {n} claimant series: point at a mark to see who claims it"));
    for side in &sides {
        h.get_by_label(side);
    }
    for name in &names {
        assert!(h.query_by_label(name).is_none(), "legend entry {name:?} drawn");
    }
}
