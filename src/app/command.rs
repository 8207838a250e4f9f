//! Commands: what views ask the app to change. Views push them into a `Vec<Command>` while
//! drawing; [`crate::app::DatelineApp`] applies them once per frame after every view has
//! drawn (the Rerun viewer's pattern), so views never call each other and all linking
//! between map, timeline, plot and quotes lives in [`apply`].

use chrono::{Duration, NaiveDate};

use super::state::{AppState, Camera, Measure, OpenArticle, Selection, SideTab, ThemeChoice, WindowWidth};
use crate::model::{Model, TimeAxis};

/// One change to the [`AppState`].
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Select a place, claim or quote (linked views follow).
    Select(Selection),
    /// Clear the selection (Esc).
    ClearSelection,
    /// Hovered place on the map (for highlighting elsewhere).
    HoverPlace(Option<String>),
    /// Move the time cursor to a day (clamped to the corpus span).
    SetTime(NaiveDate),
    /// Move the time cursor by this many days.
    Step(i64),
    /// Move the cursor to the first (`false`) or last (`true`) day of the corpus.
    JumpToEnd(bool),
    /// Start or stop playback.
    Play(bool),
    /// Toggle playback.
    TogglePlay,
    /// Playback speed in days per second.
    SetSpeed(f32),
    /// Window width.
    SetWindow(WindowWidth),
    /// Event date or publication date.
    SetAxis(TimeAxis),
    /// Open an article in the reader with a byte span highlighted.
    OpenArticle {
        /// Index into `Extraction::articles`.
        article: usize,
        /// Highlight start (bytes).
        start: usize,
        /// Highlight end (bytes, exclusive).
        end: usize,
    },
    /// Show a side-panel tab.
    SetTab(SideTab),
    /// New map camera (pan, zoom).
    SetCamera(Camera),
    /// Zoom the map about its centre (> 1 zooms in); keyboard + and −.
    ZoomMap(f64),
    /// Frame this world-unit rectangle on the map's next draw.
    FitMap([f64; 4]),
    /// Search text.
    SetSearch(String),
    /// Give the search box keyboard focus (Ctrl+F).
    FocusSearch,
    /// Light or dark.
    SetTheme(ThemeChoice),
    /// Killed or wounded in the plot.
    SetMeasure(Measure),
    /// Logarithmic plot axis.
    SetLogScale(bool),
    /// Show or hide exact places, coarse places, historical figures.
    SetFilters(super::state::Filters),
    /// Save a PNG of the window as shown (Ctrl+E). Handled by the app itself (it needs the
    /// egui context): see `DatelineApp::export_screenshot`.
    ExportScreenshot,
    /// The same at twice the pixel density (drawn again off screen). Handled by the app.
    ExportScreenshot2x,
    /// Write CSV tables and GeoJSON of the items in view (Ctrl+Shift+E). Handled by the app.
    ExportData,
    /// Close the window (File ▸ Quit, Ctrl+Q). Handled by the app.
    Quit,
    /// Ask for a folder of articles to open (Ctrl+O). Handled by the app itself.
    OpenFolder,
    /// Open these files and folders (dropped files, the recent list, a File menu; empty:
    /// the built-in corpus). Handled by the app itself: it loads them in the background.
    OpenPaths(Vec<std::path::PathBuf>),
    /// Show a one-line message.
    Toast(String),
}

/// The corpus span on the state's axis, if any.
pub fn span(state: &AppState, model: &Model) -> Option<(NaiveDate, NaiveDate)> {
    model.span(state.axis)
}

fn clamp_day(d: NaiveDate, state: &AppState, model: &Model) -> NaiveDate {
    match span(state, model) {
        Some((lo, hi)) => d.clamp(lo, hi),
        None => d,
    }
}

/// Apply one command to the state. Commands that need the egui context or a native dialog
/// (`ExportScreenshot`, `OpenFolder`) are handled by the app before this is called and are
/// ignored here.
pub fn apply(state: &mut AppState, model: &Model, command: Command) {
    match command {
        Command::Select(sel) => {
            // Selecting a claim or quote opens its sentence in the reader.
            match &sel {
                Selection::Claim(i) => {
                    if let Some(c) = model.data.claims.get(*i)
                        && let Some(a) = model.article_index(&c.article)
                    {
                        state.open_article = Some(OpenArticle { article: a, start: c.sentence_start, end: c.sentence_end });
                    }
                }
                Selection::Quote(i) => {
                    if let Some(q) = model.data.quotes.get(*i)
                        && let Some(a) = model.article_index(&q.article)
                    {
                        state.open_article = Some(OpenArticle { article: a, start: q.start, end: q.end });
                    }
                }
                Selection::Place(_) | Selection::None => {}
            }
            state.selection = sel;
        }
        Command::ClearSelection => state.selection = Selection::None,
        Command::HoverPlace(p) => state.hover_place = p,
        Command::SetTime(d) => state.cursor = Some(clamp_day(d, state, model)),
        Command::Step(n) => {
            if let Some(c) = state.cursor {
                state.cursor = Some(clamp_day(c + Duration::days(n), state, model));
            } else if let Some((lo, _)) = span(state, model) {
                state.cursor = Some(lo);
            }
        }
        Command::JumpToEnd(last) => {
            if let Some((lo, hi)) = span(state, model) {
                state.cursor = Some(if last { hi } else { lo });
            }
        }
        Command::Play(on) => {
            // Playing from the last day starts again at the first.
            if on
                && let (Some(c), Some((lo, hi))) = (state.cursor, span(state, model))
                && c >= hi
            {
                state.cursor = Some(lo);
            }
            state.playing = on;
        }
        Command::TogglePlay => {
            let on = !state.playing;
            apply(state, model, Command::Play(on));
        }
        Command::SetSpeed(s) => state.speed = s.clamp(0.1, 16.0),
        Command::SetWindow(w) => state.window = w,
        Command::SetAxis(a) => {
            state.axis = a;
            if let Some(c) = state.cursor {
                state.cursor = Some(clamp_day(c, state, model));
            }
        }
        Command::OpenArticle { article, start, end } => {
            state.open_article = Some(OpenArticle { article, start, end });
            state.tab = SideTab::Article;
        }
        Command::SetTab(t) => state.tab = t,
        Command::SetCamera(c) => {
            if c.center.iter().all(|v| v.is_finite()) && c.scale.is_finite() && c.scale > 0.0 {
                state.camera = Some(c);
            }
            state.fit_to = None;
        }
        Command::ZoomMap(f) => {
            if let Some(mut cam) = state.camera
                && f.is_finite()
                && f > 0.0
            {
                cam.scale = (cam.scale / f).clamp(super::views::map::MIN_SCALE, super::views::map::MAX_SCALE);
                state.camera = Some(cam);
            }
        }
        Command::FitMap(b) => state.fit_to = Some(b),
        Command::SetSearch(s) => state.search = s,
        Command::FocusSearch => {
            state.focus_search = true;
            state.tab = SideTab::Quotes;
        }
        Command::SetTheme(t) => state.theme = t,
        Command::SetMeasure(m) => state.measure = m,
        Command::SetLogScale(l) => state.log_scale = l,
        Command::SetFilters(f) => state.filters = f,
        Command::Toast(t) => state.toast = Some(t),
        Command::ExportScreenshot | Command::OpenFolder | Command::OpenPaths(_) => {}
        Command::ExportScreenshot2x | Command::ExportData | Command::Quit => {}
    }
}
