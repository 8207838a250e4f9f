//! The views: map, timeline, casualty plot, quotes, article reader, problems. Each view is a
//! function that reads the [`ViewCtx`] (model, state, this frame's [`Visible`] items) and
//! pushes [`Command`]s; none of them changes state or calls another view.

use eframe::egui;
pub mod article;
pub mod casualty_plot;
pub mod map;
pub mod problems;
pub mod quotes;
pub mod timeline;

use chrono::{Datelike, NaiveDate};

use super::command::Command;
use super::state::{AppState, Selection};
use super::theme::Palette;
use crate::basemap::BaseMap;
use crate::model::{DayRange, Model, PlaceStats, TimeAxis};

/// Everything a view may read.
pub struct ViewCtx<'a> {
    /// The indexed corpus.
    pub model: &'a Model,
    /// The state, as of the start of the frame.
    pub state: &'a AppState,
    /// The items in the time window and selection, computed once per frame.
    pub visible: &'a Visible,
    /// Colours for the current theme.
    pub palette: Palette,
    /// The base map.
    pub basemap: &'a BaseMap,
}

/// What the key of [`Visible`] is made of: when it changes, the items are recomputed.
#[derive(Debug, Clone, PartialEq)]
pub struct VisibleKey {
    /// The time window.
    pub range: DayRange,
    /// The time axis.
    pub axis: TimeAxis,
    /// The selection.
    pub selection: Selection,
    /// The search text.
    pub search: String,
}

/// Items in the time window and selection, shared by all views in a frame and recomputed only
/// when the window, axis, selection or search text changes (model queries, no text scans;
/// the search scans article text once per new search string).
#[derive(Debug, Clone, Default)]
pub struct Visible {
    key: Option<VisibleKey>,
    /// Per-place counts in the window (one entry per place with items).
    pub stats: Vec<PlaceStats>,
    /// The casualty plot's aggregated series and the historical figures (rebuilt only when
    /// the axis, measure, scale or selected place changes, not when the cursor moves).
    pub plot: casualty_plot::PlotData,
    /// Quotes to list: in the window and touching the selected place; or, while searching,
    /// every quote in the corpus that matches.
    pub quotes: Vec<usize>,
    /// Places the selection points at (the place, or the claim's or quote's places).
    pub selected_places: Vec<String>,
    /// Day of the selected claim or quote, for the timeline.
    pub selected_day: Option<NaiveDate>,
    /// Each quote's day on [`Self::quote_days_axis`] (days from the common era, `i32::MIN`
    /// when undated), so a window's quotes come out of one linear pass in corpus order
    /// instead of a sort (the cursor moves every frame while the slider is dragged).
    quote_days: Vec<i32>,
    quote_days_axis: Option<TimeAxis>,
    /// What the search text found in the whole corpus, once per search text; the selected
    /// place filters its quotes into [`Self::quotes`].
    found: Found,
}

impl Visible {
    /// Articles whose text contains the search text, most occurrences first (none for a
    /// text shorter than two characters).
    pub fn article_hits(&self) -> &[ArticleHit] {
        self.found.articles.as_deref().unwrap_or_default()
    }

    /// Recompute if the key changed. Returns whether anything was recomputed.
    pub fn update(&mut self, model: &Model, state: &AppState) -> bool {
        let key = VisibleKey {
            range: state.range(),
            axis: state.axis,
            selection: state.selection.clone(),
            search: state.search.trim().to_owned(),
        };
        self.plot.update(model, state);
        if self.key.as_ref() == Some(&key) {
            return false;
        }
        let search_changed = self.key.as_ref().is_none_or(|k| k.search != key.search);
        self.stats = model.place_stats(&key.range, key.axis);
        let place = match &key.selection {
            Selection::Place(p) => Some(p.as_str()),
            _ => None,
        };
        if search_changed {
            self.found = search(model, &key.search, &self.found);
        }
        self.quotes = if key.search.is_empty() {
            if self.quote_days_axis != Some(key.axis) || self.quote_days.len() != model.data.quotes.len() {
                self.quote_days = (0..model.data.quotes.len())
                    .map(|i| model.item_date(crate::model::ItemRef::Quote(i), key.axis).map_or(i32::MIN, |d| d.num_days_from_ce()))
                    .collect();
                self.quote_days_axis = Some(key.axis);
            }
            quotes_in_window(&self.quote_days, &key.range).filter(|&i| place.is_none_or(|p| model.quote_touches_place(i, p))).collect()
        } else {
            self.found.quotes.iter().copied().filter(|&i| place.is_none_or(|p| model.quote_touches_place(i, p))).collect()
        };
        (self.selected_places, self.selected_day) = match &key.selection {
            Selection::None => (Vec::new(), None),
            Selection::Place(p) => (vec![p.clone()], None),
            Selection::Claim(i) => match model.data.claims.get(*i) {
                Some(c) => (c.place.iter().map(|p| p.to_string()).collect(), model.item_date(crate::model::ItemRef::Claim(*i), key.axis)),
                None => (Vec::new(), None),
            },
            Selection::Quote(i) => match model.data.quotes.get(*i) {
                Some(q) => (q.places.iter().map(|p| p.to_string()).collect(), model.item_date(crate::model::ItemRef::Quote(*i), key.axis)),
                None => (Vec::new(), None),
            },
        };
        self.key = Some(key);
        true
    }
}

/// Indices (corpus order) of the quotes whose day (see [`Visible::quote_days`]) lies in
/// `range`; undated quotes only in [`DayRange::ALL`], as [`DayRange::contains`].
fn quotes_in_window<'a>(days: &'a [i32], range: &DayRange) -> impl Iterator<Item = usize> + 'a {
    let all = *range == DayRange::ALL;
    let lo = range.from.map_or(i32::MIN + 1, |d| d.num_days_from_ce());
    let hi = range.to.map_or(i32::MAX, |d| d.num_days_from_ce());
    days.iter().enumerate().filter(move |(_, d)| all || (**d >= lo && **d <= hi)).map(|(i, _)| i)
}

/// An article whose text contains the search string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleHit {
    /// Index into `Extraction::articles`.
    pub article: usize,
    /// Occurrences in its text.
    pub count: usize,
    /// Byte span of the first occurrence (its length may differ from the search string's:
    /// case folding beyond ASCII).
    pub first: std::ops::Range<usize>,
}

/// A case-insensitive matcher for `needle` (Unicode simple case folding), and whether it
/// ignores case. Texts are matched where they stand, without lower-cased copies, so byte
/// offsets stay valid.
fn search_matcher(needle: &str) -> (regex::Regex, bool) {
    let literal = regex::escape(needle);
    match regex::RegexBuilder::new(&literal).case_insensitive(true).size_limit(1 << 26).build() {
        Ok(re) => (re, true),
        // Only a needle of megabytes fails; it is then matched in its exact case.
        Err(_) => (regex::Regex::new(&literal).unwrap_or_else(|_| regex::Regex::new("$^").unwrap_or_else(|e| panic!("{e}"))), false),
    }
}

/// What a search text found (see [`search`]).
#[derive(Debug, Clone, Default, PartialEq)]
struct Found {
    /// The search text.
    needle: String,
    /// Whether it was matched ignoring case.
    folded: bool,
    /// The quotes whose text or speaker contains it, in corpus order.
    quotes: Vec<usize>,
    /// The articles whose text contains it, most occurrences first; `None` when the text is
    /// shorter than two characters (articles are not searched for one).
    articles: Option<Vec<ArticleHit>>,
}

/// What `needle` finds in the corpus, case-insensitively (see [`Found`]). Quotes and article
/// texts are scanned in parallel (rayon). When `needle` extends the `previous` search's text
/// (as it does while it is typed), only what that found can match, so only that is scanned.
fn search(model: &Model, needle: &str, previous: &Found) -> Found {
    use rayon::prelude::*;
    if needle.is_empty() {
        return Found::default();
    }
    let (re, folded) = search_matcher(needle);
    let narrow = !previous.needle.is_empty() && previous.folded == folded && needle.starts_with(&previous.needle);
    let quote_matches =
        |i: usize| model.data.quotes.get(i).is_some_and(|q| re.is_match(&q.text) || q.speaker.as_deref().is_some_and(|s| re.is_match(s)));
    let quotes: Vec<usize> = if narrow {
        previous.quotes.par_iter().copied().filter(|&i| quote_matches(i)).collect()
    } else {
        (0..model.data.quotes.len()).into_par_iter().filter(|&i| quote_matches(i)).collect()
    };
    let mut found = Found { needle: needle.to_owned(), folded, quotes, articles: None };
    if needle.chars().count() < 2 {
        return found;
    }
    let hit = |i: usize| {
        let mut all = re.find_iter(&model.data.articles.get(i)?.text);
        let first = all.next()?;
        Some(ArticleHit { article: i, count: 1 + all.count(), first: first.range() })
    };
    let mut hits: Vec<ArticleHit> = match previous.articles.as_ref().filter(|_| narrow) {
        Some(before) => before.par_iter().filter_map(|h| hit(h.article)).collect(),
        None => (0..model.data.articles.len()).into_par_iter().filter_map(hit).collect(),
    };
    hits.sort_by(|a, b| b.count.cmp(&a.count).then(a.article.cmp(&b.article)));
    found.articles = Some(hits);
    found
}

/// Short date for chips and labels: "11 Oct 2020".
pub fn fmt_day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// A small rounded "chip" button; returns its response.
pub fn chip(ui: &mut egui::Ui, text: &str, hover: &str, color: Option<egui::Color32>) -> egui::Response {
    let mut rt = egui::RichText::new(text).small();
    if let Some(c) = color {
        rt = rt.color(c);
    }
    ui.add(egui::Button::new(rt).corner_radius(8.0).small()).on_hover_text(hover)
}

/// Push `cmd` unless it is already queued (avoids duplicates from several widgets).
pub fn push_once(out: &mut Vec<Command>, cmd: Command) {
    if !out.contains(&cmd) {
        out.push(cmd);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_case_beyond_ascii_and_points_at_the_text_as_written() {
        let Some(engine) = crate::Engine::embedded().ok() else { return };
        let doc =
            |id: &str, text: &str| crate::corpus::Document { id: id.into(), path: id.into(), text: text.into(), ..Default::default() };
        let m = Model::new(engine.extract_documents(vec![
            doc("a", "ŞUŞA was shelled. Shusha and şuşa again; Şuşa."),
            doc("b", "Nothing here about it. “We will hold Şuşa,” said Arayik Harutyunyan on Monday."),
            doc("c", "Not a match."),
        ]));
        let none = Found::default();
        let found = search(&m, "şuşa", &none);
        let (quotes, hits) = (found.quotes, found.articles.unwrap_or_default());
        assert_eq!(hits.iter().map(|h| (h.article, h.count)).collect::<Vec<_>>(), vec![(0, 3), (1, 1)], "most occurrences first");
        for h in &hits {
            assert!(m.data.articles[h.article].text[h.first.clone()].to_lowercase() == "şuşa");
        }
        assert!(!quotes.is_empty() && quotes.iter().all(|&i| m.data.quotes[i].text.contains("Şuşa")), "{quotes:?}");
        // A speaker's name finds their quotes; one character filters quotes but lists no articles.
        assert_eq!(search(&m, "harutyunyan", &none).quotes, quotes);
        let one = search(&m, "w", &none);
        assert!(!one.quotes.is_empty() && one.articles.is_none());
        assert_eq!(search(&m, "", &none), none);
        // Regex syntax is text to find, not a pattern.
        assert_eq!(search(&m, "ş.a", &none).articles, Some(Vec::new()));
    }

    #[test]
    fn typing_narrows_the_last_search_and_finds_what_a_new_search_finds() {
        let Some(m) = crate::Engine::embedded().ok().map(|e| Model::new(e.extract_embedded())) else { return };
        // Typed letter by letter, also with a change of case, a deletion and a new word on the way.
        let typed = ["S", "St", "Ste", "STEP", "Stepa", "Stepanakert", "Stepanaker", "Stepanakert ", "Stepanakert s"];
        let mut last = Found::default();
        let mut narrowed = 0;
        let (mut quotes, mut articles) = (0, 0);
        for t in typed.iter().chain(&[
            "N",
            "Na",
            "Nag",
            "Nagorno",
            "Nagorno-Karabakh",
            "Nagorno-Karabakh’s",
            "c",
            "ce",
            "CEASE",
            "ceasefire",
            "Geneva",
            "Moscow",
        ]) {
            let t = t.trim();
            let fresh = search(&m, t, &Found::default());
            let next = search(&m, t, &last);
            assert_eq!(next, fresh, "{t:?} after {:?}", last.needle);
            narrowed += usize::from(t.starts_with(&last.needle) && !last.needle.is_empty());
            quotes += next.quotes.len();
            articles += next.articles.as_ref().map_or(0, Vec::len);
            last = next;
        }
        assert!(narrowed > 10 && quotes > 0 && articles > 0, "{narrowed} {quotes} {articles}");
    }

    #[test]
    fn quotes_in_window_match_the_model_query() {
        let Some(m) = crate::Engine::embedded().ok().map(|e| Model::new(e.extract_embedded())) else { return };
        for axis in [TimeAxis::Event, TimeAxis::Published] {
            let days: Vec<i32> = (0..m.data.quotes.len())
                .map(|i| m.item_date(crate::model::ItemRef::Quote(i), axis).map_or(i32::MIN, |d| d.num_days_from_ce()))
                .collect();
            let Some((lo, hi)) = m.span(axis) else { continue };
            let mid = lo + (hi - lo) / 2;
            for range in [
                DayRange::ALL,
                DayRange { from: None, to: Some(mid) },
                DayRange { from: Some(mid), to: Some(mid) },
                DayRange { from: Some(mid), to: None },
                DayRange { from: Some(hi), to: Some(lo) },
            ] {
                let got: Vec<usize> = quotes_in_window(&days, &range).collect();
                assert_eq!(got, m.quotes_in(&range, axis), "{range:?} {axis:?}");
            }
        }
    }
}
