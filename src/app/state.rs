//! The window's state: time cursor and window, time axis, selection, hover, filters, search,
//! theme, playback, the open article and the map camera. Views read it; only
//! [`crate::app::DatelineApp`] changes it, by applying [`crate::app::command::Command`]s once
//! per frame. It is serialised (serde) into eframe's storage so the window reopens as it was.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{DayRange, Model, TimeAxis};

/// How much time before the cursor the views show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum WindowWidth {
    /// The cursor's day only.
    Day,
    /// The cursor's day and the two before it.
    #[default]
    ThreeDays,
    /// Seven days ending on the cursor.
    Week,
    /// Everything up to and including the cursor.
    UpToCursor,
}

impl WindowWidth {
    /// All widths, in the order the timeline offers them.
    pub const ALL: [WindowWidth; 4] = [WindowWidth::Day, WindowWidth::ThreeDays, WindowWidth::Week, WindowWidth::UpToCursor];

    /// Label for buttons and captions.
    pub fn label(self) -> &'static str {
        match self {
            WindowWidth::Day => "1 day",
            WindowWidth::ThreeDays => "3 days",
            WindowWidth::Week => "Week",
            WindowWidth::UpToCursor => "All up to cursor",
        }
    }

    /// Number of days, or `None` for everything up to the cursor.
    pub fn days(self) -> Option<i64> {
        match self {
            WindowWidth::Day => Some(1),
            WindowWidth::ThreeDays => Some(3),
            WindowWidth::Week => Some(7),
            WindowWidth::UpToCursor => None,
        }
    }
}

/// What the user has picked out; every view follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// A place, by gazetteer id.
    Place(String),
    /// A casualty claim, by index into `Extraction::claims`.
    Claim(usize),
    /// A quote, by index into `Extraction::quotes`.
    Quote(usize),
}

/// Which figure the casualty plot shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Measure {
    /// People killed.
    #[default]
    Killed,
    /// People wounded.
    Wounded,
}

/// Light or dark look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    /// Dark text on light backgrounds.
    #[default]
    Light,
    /// Light text on dark backgrounds.
    Dark,
}

/// Which tab the side panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SideTab {
    /// Quotes in the window and selection.
    #[default]
    Quotes,
    /// The article reader.
    Article,
    /// Unreadable files and unknown names.
    Problems,
}

/// An article open in the reader, with the span to highlight (byte offsets into its text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenArticle {
    /// Index into `Extraction::articles`.
    pub article: usize,
    /// Start of the highlighted span (bytes).
    pub start: usize,
    /// End of the highlighted span (bytes, exclusive).
    pub end: usize,
}

/// The map's view: centre and zoom in Web Mercator world units (see [`crate::basemap`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Camera {
    /// Centre of the view, world units.
    pub center: [f64; 2],
    /// World units per screen point.
    pub scale: f64,
}

/// Per-kind visibility filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    /// Show exact places (cities, towns).
    pub exact_places: bool,
    /// Show coarse places (countries, regions, seas).
    pub coarse_places: bool,
    /// Show historical figures in the list below the plot.
    pub historical: bool,
}

impl Default for Filters {
    fn default() -> Self {
        Filters { exact_places: true, coarse_places: true, historical: true }
    }
}

/// Playback speeds offered, in days per second.
pub const SPEEDS: [f32; 4] = [0.5, 1.0, 2.0, 4.0];

/// Everything the views read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// The time cursor: the last day of the window.
    pub cursor: Option<NaiveDate>,
    /// Width of the time window.
    pub window: WindowWidth,
    /// Event date or publication date.
    pub axis: TimeAxis,
    /// The selection.
    pub selection: Selection,
    /// The place under the pointer on the map (not persisted meaningfully; cleared each frame).
    #[serde(skip)]
    pub hover_place: Option<String>,
    /// Visibility filters.
    pub filters: Filters,
    /// Text of the search box.
    pub search: String,
    /// Light or dark.
    pub theme: ThemeChoice,
    /// Whether playback is running.
    #[serde(skip)]
    pub playing: bool,
    /// Playback speed, days per second.
    pub speed: f32,
    /// Killed or wounded in the casualty plot.
    pub measure: Measure,
    /// Logarithmic y axis in the casualty plot.
    pub log_scale: bool,
    /// The article open in the reader.
    pub open_article: Option<OpenArticle>,
    /// Side panel tab.
    pub tab: SideTab,
    /// Map view; `None` until the map first knows its size.
    pub camera: Option<Camera>,
    /// A world-unit rectangle (min x, min y, max x, max y) the map should frame on its next
    /// draw, when it knows its size.
    pub fit_to: Option<[f64; 4]>,
    /// A one-line message shown at the bottom (export results, errors).
    #[serde(skip)]
    pub toast: Option<String>,
    /// Set for one frame when the search box should take keyboard focus (Ctrl+F).
    #[serde(skip)]
    pub focus_search: bool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            cursor: None,
            window: WindowWidth::default(),
            axis: TimeAxis::Event,
            selection: Selection::None,
            hover_place: None,
            filters: Filters::default(),
            search: String::new(),
            theme: ThemeChoice::Light,
            playing: false,
            speed: 1.0,
            measure: Measure::Killed,
            log_scale: true,
            open_article: None,
            tab: SideTab::Quotes,
            camera: None,
            fit_to: Some(SOUTH_CAUCASUS),
            toast: None,
            focus_search: false,
        }
    }
}

/// The South Caucasus in world units (lon 40..51, lat 37.5..43.5): the map's first view.
/// Precomputed with [`crate::basemap::project`] (checked by a unit test).
pub const SOUTH_CAUCASUS: [f64; 4] = [0.611_111_111, 0.365_542_432, 0.641_666_667, 0.387_485_227];

impl AppState {
    /// A state for a freshly loaded model: cursor on the busiest day, map on the South
    /// Caucasus; keeps the user's preferences (theme, window width, axis, speed, filters) from
    /// `self`.
    pub fn for_model(&self, model: &Model) -> AppState {
        AppState {
            cursor: model.busiest_day(self.axis).or_else(|| model.span(self.axis).map(|s| s.1)),
            window: self.window,
            axis: self.axis,
            theme: self.theme,
            speed: self.speed,
            measure: self.measure,
            log_scale: self.log_scale,
            filters: self.filters,
            // A new corpus opens framed on the South Caucasus (the map's home view).
            camera: None,
            fit_to: Some(SOUTH_CAUCASUS),
            ..AppState::default()
        }
    }

    /// The time window as a day range.
    pub fn range(&self) -> DayRange {
        match self.cursor {
            None => DayRange::ALL,
            Some(c) => match self.window.days() {
                Some(n) => DayRange { from: Some(c - Duration::days(n - 1)), to: Some(c) },
                None => DayRange { from: None, to: Some(c) },
            },
        }
    }

    /// The selected place id, if the selection is a place.
    pub fn selected_place(&self) -> Option<&str> {
        match &self.selection {
            Selection::Place(p) => Some(p),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn south_caucasus_constant_matches_projection() {
        let a = crate::basemap::project(40.0, 43.5);
        let b = crate::basemap::project(51.0, 37.5);
        for (got, want) in SOUTH_CAUCASUS.iter().zip([a[0], a[1], b[0], b[1]]) {
            assert!((got - want).abs() < 1e-5, "{got} vs {want}");
        }
    }

    #[test]
    fn window_ranges() {
        let d = NaiveDate::from_ymd_opt(2020, 10, 11);
        let mut s = AppState { cursor: d, window: WindowWidth::ThreeDays, ..AppState::default() };
        assert_eq!(s.range().from, NaiveDate::from_ymd_opt(2020, 10, 9));
        s.window = WindowWidth::UpToCursor;
        assert_eq!(s.range().from, None);
        assert_eq!(s.range().to, d);
    }
}
