//! Window performance figures for `dateline bench`: time to the first frame (engine, model,
//! base map, first layout and tessellation) and the CPU time of a frame (layout plus
//! tessellation, the work egui does on the UI thread before the GPU) with everything in the
//! time window, standing still and while the time slider moves. No GPU is involved, so the
//! numbers are the UI thread's share of a frame on any machine.

use std::time::{Duration, Instant};

use eframe::egui;

use super::{AppState, DatelineApp, WindowWidth};
use crate::bench::Row;
use crate::model::{Model, TimeAxis};

/// Size of the measured window, in points.
pub const SIZE: (f32, f32) = (1600.0, 1000.0);

fn input(t: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(SIZE.0, SIZE.1))),
        time: Some(t),
        ..Default::default()
    }
}

/// One frame of the app: layout, then tessellation. Returns the time both took.
pub fn frame(ctx: &egui::Context, app: &mut DatelineApp, t: f64) -> Duration {
    let start = Instant::now();
    let mut out = ctx.run_ui(input(t), |ui| app.show(ui));
    let ppp = out.pixels_per_point;
    let prims = ctx.tessellate(out.shapes, ppp);
    std::hint::black_box(prims.len());
    let elapsed = start.elapsed();
    // No GPU here: the font atlas updates are dropped on purpose (epaint checks, in debug
    // builds, that none is dropped unawares).
    out.textures_delta.clear();
    elapsed
}

/// Whether frame times meet the targets (median at most 4 ms, 95th percentile at most 8 ms).
fn frame_verdict(median: Duration, p95: Duration) -> &'static str {
    crate::bench::verdict(median <= Duration::from_millis(4) && p95 <= Duration::from_millis(8))
}

/// A window on `model` (off screen: a context with the app's fonts and style, no GPU).
fn open(model: Model, state: AppState) -> (egui::Context, DatelineApp) {
    let app = DatelineApp::from_model(model, state);
    let ctx = egui::Context::default();
    DatelineApp::setup_context(&ctx);
    (ctx, app)
}

/// Open a window on `model` and lay out and tessellate its first frame. The window is
/// returned, so that dropping it (and its model) is not timed with it.
fn first_frame(model: Model) -> (egui::Context, DatelineApp) {
    let (ctx, mut app) = open(model, AppState::default());
    frame(&ctx, &mut app, 0.0);
    (ctx, app)
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Median and 95th percentile frame time over `n` frames, after a warm-up. With `moving`,
/// the cursor steps one day per frame, as when dragging the slider.
pub fn frame_times(model: Model, n: usize, moving: bool) -> (Duration, Duration) {
    let state = AppState { window: WindowWidth::UpToCursor, ..AppState::default() };
    let span = model.span(TimeAxis::Event);
    let (ctx, mut app) = open(model, state);
    // Warm-up: fonts, the base map's meshes and the model caches.
    for i in 0..5 {
        frame(&ctx, &mut app, i as f64 / 60.0);
    }
    let mut times = Vec::with_capacity(n);
    let mut day = span.map(|s| s.0);
    for i in 0..n {
        if moving && let (Some(d), Some((first, last))) = (day, span) {
            app.state.cursor = Some(d);
            day = Some(if d >= last { first } else { d.succ_opt().unwrap_or(first) });
        } else if let Some((_, last)) = span {
            app.state.cursor = Some(last);
        }
        times.push(frame(&ctx, &mut app, (i + 5) as f64 / 60.0));
    }
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.95))
}

/// The frames in which the window answers a click or a keystroke that changes what the views
/// show (their data is rebuilt in that very frame): the casualty plot's measure and scale
/// toggled, the most mentioned place selected and cleared, the time axis switched and back,
/// and that place's name typed into the search box letter by letter. Returns what each frame
/// answered and its time (layout + tessellation, as [`frame`]).
pub fn interaction_times(model: Model) -> Vec<(String, Duration)> {
    use super::state::{Measure, Selection};
    let place = busiest_place(&model);
    let (ctx, mut app) = open(model, AppState::default());
    let mut t = 0.0;
    let mut step = |app: &mut DatelineApp| {
        t += 1.0 / 60.0;
        frame(&ctx, app, t)
    };
    // Warm-up: fonts, the base map's meshes and the first build of every view's data.
    for _ in 0..5 {
        step(&mut app);
    }
    let mut out = Vec::new();
    let mut answer = |app: &mut DatelineApp, what: String, change: &dyn Fn(&mut AppState)| {
        change(&mut app.state);
        out.push((what, step(app)));
        // The frame after: the change settled (not an interaction frame).
        step(app);
    };
    for (what, m) in [("plot measure: wounded", Measure::Wounded), ("plot measure: killed", Measure::Killed)] {
        answer(&mut app, what.into(), &|s| s.measure = m);
    }
    answer(&mut app, "plot scale toggled".into(), &|s| s.log_scale = !s.log_scale);
    answer(&mut app, "plot scale toggled back".into(), &|s| s.log_scale = !s.log_scale);
    answer(&mut app, "time axis: publication".into(), &|s| s.axis = TimeAxis::Published);
    answer(&mut app, "time axis: event".into(), &|s| s.axis = TimeAxis::Event);
    if let Some(p) = &place {
        answer(&mut app, format!("place selected ({})", p.name), &|s| s.selection = Selection::Place(p.id.clone()));
        answer(&mut app, "place cleared".into(), &|s| s.selection = Selection::None);
        let mut typed = String::new();
        for c in p.name.chars() {
            typed.push(c);
            let text = typed.clone();
            answer(&mut app, format!("search typed: {text}"), &move |s| s.search = text.clone());
        }
    }
    out
}

/// The busiest place's name typed into the search box letter by letter, each letter after
/// the last one's results are shown: per letter, the time from the keystroke to the first
/// frame that shows its results (the search runs on a worker thread for a large corpus, the
/// window drawing meanwhile; see [`super::views::SEARCH_IN_FRAME_BYTES`]).
pub fn search_times(model: Model) -> Vec<(String, Duration)> {
    let place = busiest_place(&model);
    let (ctx, mut app) = open(model, AppState::default());
    let mut t = 0.0;
    for _ in 0..5 {
        t += 1.0 / 60.0;
        frame(&ctx, &mut app, t);
    }
    let mut out = Vec::new();
    let Some(name) = place.map(|p| p.name) else { return out };
    let mut typed = String::new();
    for c in name.chars() {
        typed.push(c);
        let start = Instant::now();
        app.state.search = typed.clone();
        loop {
            t += 1.0 / 60.0;
            frame(&ctx, &mut app, t);
            let shown = app.visible.searched() == typed.trim() && app.visible.searching().is_none();
            if shown || start.elapsed() > Duration::from_secs(10) {
                break;
            }
            // The window sleeps until the worker asks for a frame; a short nap stands for it.
            std::thread::sleep(Duration::from_micros(200));
        }
        out.push((typed.clone(), start.elapsed()));
    }
    out
}

/// The place with the most mentions in the whole corpus.
fn busiest_place(model: &Model) -> Option<crate::model::Place> {
    let stats = model.place_stats(&crate::model::DayRange::ALL, TimeAxis::Event);
    let busiest = stats.iter().max_by_key(|s| (s.mentions, std::cmp::Reverse(s.place)));
    busiest.and_then(|s| model.data.places.get(s.place)).cloned()
}

/// A corpus naming `n` villages scattered over about a degree around Stepanakert (village `i`
/// mentioned `i % 7 + 1` times, all on one day): the map of a gazetteer that lists every
/// village of a region, for the frame time with thousands of places in view.
pub fn scattered_places(n: usize) -> Model {
    use crate::model::{Article, DateBasis, Extraction, Mention, Place};
    let date = chrono::NaiveDate::from_ymd_opt(2020, 10, 10);
    let places: Vec<Place> = (0..n)
        .map(|i| Place {
            id: format!("v{i:04}"),
            name: format!("Village {i}"),
            lat: 39.3 + (i * 37 % 101) as f64 / 100.0 + (i % 13) as f64 / 1300.0,
            lon: 46.3 + (i * 53 % 103) as f64 / 100.0 + (i % 11) as f64 / 1100.0,
            kind: "village".into(),
            country: "Azerbaijan".into(),
            radius_km: 1.0,
        })
        .collect();
    let mentions = places
        .iter()
        .enumerate()
        .flat_map(|(i, p)| std::iter::repeat_n(p, i % 7 + 1))
        .map(|p| Mention {
            article: "a".into(),
            place: p.id.as_str().into(),
            text: p.name.as_str().into(),
            start: 0,
            end: 1,
            date,
            date_basis: DateBasis::Explicit,
            sentence_start: 0,
            sentence_end: 1,
        })
        .collect();
    let article = Article { id: "a".into(), text: "x".into(), published: date, ..Default::default() };
    Model::new(Extraction { articles: vec![article], places, mentions, ..Default::default() })
}

/// Time from nothing to the first laid-out frame of the embedded corpus: engine, extraction,
/// model, base map and the first frame's layout and tessellation.
pub fn first_frame_embedded() -> Result<Duration, crate::Error> {
    let start = Instant::now();
    let engine = crate::Engine::embedded()?;
    let model = Model::new(engine.extract_embedded());
    let _ = super::shared_basemap();
    let _window = first_frame(model);
    Ok(start.elapsed())
}

/// A row of the median and the slowest of named times (`None` without any); `note` says what
/// they are from their number and the slowest one's name.
fn median_and_slowest(measure: &str, named: &[(String, Duration)], note: impl Fn(usize, &str) -> String) -> Option<Row> {
    let slowest = named.iter().max_by_key(|a| a.1)?;
    let mut times: Vec<Duration> = named.iter().map(|a| a.1).collect();
    times.sort();
    Some(Row::new(measure, format!("{} / {}", ms(percentile(&times, 0.5)), ms(slowest.1)), "", note(named.len(), &slowest.0)))
}

/// The bench rows for the window, measured on `model` (the large generated corpus), with
/// `load` the time it took to read, extract and index it.
pub fn rows(model: Model, load: Duration) -> Vec<Row> {
    let mut rows = Vec::new();
    match first_frame_embedded() {
        Ok(d) => rows.push(Row::new(
            "first frame (embedded)",
            ms(d),
            "<= 300 ms",
            format!(
                "{}; engine + extraction + model + base map + first layout/tessellation",
                crate::bench::verdict(d <= Duration::from_millis(300))
            ),
        )),
        Err(e) => rows.push(Row::new("first frame (embedded)", "error", "<= 300 ms", e.to_string())),
    }
    match crate::Engine::embedded().map(|e| Model::new(e.extract_embedded())) {
        Ok(small) => match super::render::bench_export(&small, [1600, 1000]) {
            Ok((render, shot)) => {
                rows.push(Row::new(
                    "headless render 1600x1000",
                    ms(render),
                    "",
                    "embedded corpus, to PNG bytes, CPU (lavapipe), median of 3",
                ));
                rows.push(Row::new("screenshot 1600x1000", ms(shot), "", "Ctrl+E to file written, off-screen window, median of 3"));
            }
            Err(e) => rows.push(Row::new("headless render", "error", "", e.to_string())),
        },
        Err(e) => rows.push(Row::new("headless render", "error", "", e.to_string())),
    }
    let (med, p95) = frame_times(model.clone(), 60, false);
    rows.push(Row::new(
        "frame CPU, all in window",
        format!("{} / {}", ms(med), ms(p95)),
        "<= 4 / 8 ms",
        format!("{}; median / p95, layout + tessellation, 1600x1000", frame_verdict(med, p95)),
    ));
    let (med, p95) = frame_times(model.clone(), 60, true);
    rows.push(Row::new(
        "frame CPU, slider moving",
        format!("{} / {}", ms(med), ms(p95)),
        "<= 4 / 8 ms",
        format!("{}; median / p95, cursor steps a day per frame", frame_verdict(med, p95)),
    ));
    let places = 3_000;
    let (med, p95) = frame_times(scattered_places(places), 60, false);
    rows.push(Row::new(
        format!("frame CPU, {places} places"),
        format!("{} / {}", ms(med), ms(p95)),
        "",
        format!(
            "median / p95 with {places} villages in view (a gazetteer of every village of a region): above {} exact places the map clusters them",
            super::views::map::CLUSTER_ABOVE
        ),
    ));
    // Three windows, each answering the same clicks and keys from scratch; per answer the
    // median of the three, so one stray slow frame does not stand for the answer.
    let runs: Vec<Vec<(String, Duration)>> = (0..3).map(|_| interaction_times(model.clone())).collect();
    let answers: Vec<(String, Duration)> = runs[0]
        .iter()
        .enumerate()
        .map(|(i, (what, _))| {
            let mut t: Vec<Duration> = runs.iter().filter_map(|r| r.get(i).map(|a| a.1)).collect();
            t.sort();
            (what.clone(), percentile(&t, 0.5))
        })
        .collect();
    rows.extend(median_and_slowest("frame CPU, interactions", &answers, |n, slowest| {
        format!(
            "median / slowest of {n} frames answering a click or key, each the median of 3 windows (plot measure, scale, time axis, place: each toggled and back, the way back from kept plot data; search typing, the search on a worker); slowest: {slowest}"
        )
    }));
    rows.extend(median_and_slowest("search, keystroke to results", &search_times(model.clone()), |n, slowest| {
        format!("median / slowest of {n} letters typed; on a worker thread, the window drawing meanwhile; slowest: \"{slowest}\"")
    }));
    // Last, with the model itself (moved into the window as the app does after loading).
    let articles = model.data.articles.len();
    let start = Instant::now();
    let _window = first_frame(model);
    let first = load + start.elapsed();
    rows.push(Row::new(
        format!("first frame ({articles} articles)"),
        ms(first),
        "",
        "read + extract + model build, then the window's first frame; loading runs off the UI thread behind a progress bar",
    ));
    rows
}
