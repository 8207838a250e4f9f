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

use chrono::NaiveDate;

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

/// Searches that scan more text than this (bytes of article text) run on a worker thread, so
/// the window keeps answering while a large corpus is searched (tens of milliseconds for
/// 10,000 articles, growing with the corpus); smaller ones run in the frame, without a
/// "searching…" flash.
pub const SEARCH_IN_FRAME_BYTES: usize = 4 << 20;

/// Items in the time window and selection, shared by all views in a frame and recomputed only
/// when the window, axis, selection or search text changes (model queries, no text scans;
/// the search scans article text once per new search string, on a worker thread for a large
/// corpus: see [`SEARCH_IN_FRAME_BYTES`]).
#[derive(Debug)]
pub struct Visible {
    key: Option<VisibleKey>,
    /// Per-place counts in the window (one entry per place with items).
    pub stats: Vec<PlaceStats>,
    /// The casualty plot's aggregated series and the historical figures (rebuilt only when
    /// the axis, measure, scale or selected place changes, not when the cursor moves).
    pub plot: casualty_plot::PlotData,
    /// Quotes to list: in the window and touching the selected place; or, while searching,
    /// every quote in the corpus that matches.
    pub quotes: QuoteList,
    /// Places the selection points at (the place, or the claim's or quote's places).
    pub selected_places: Vec<String>,
    /// Day of the selected claim or quote, for the timeline.
    pub selected_day: Option<NaiveDate>,
    /// What the last finished search found in the whole corpus; the selected place filters
    /// its quotes into [`Self::quotes`]. While a newer search runs ([`Self::searching`]) it is
    /// what the previous text found.
    found: std::sync::Arc<Found>,
    /// The search running on a worker thread, if any.
    job: Option<SearchJob>,
    /// Searches that scan at most this many bytes run in the frame ([`SEARCH_IN_FRAME_BYTES`]).
    in_frame_bytes: usize,
}

impl Default for Visible {
    fn default() -> Self {
        Visible {
            key: None,
            stats: Vec::new(),
            plot: casualty_plot::PlotData::default(),
            quotes: QuoteList::default(),
            selected_places: Vec::new(),
            selected_day: None,
            found: std::sync::Arc::default(),
            job: None,
            in_frame_bytes: SEARCH_IN_FRAME_BYTES,
        }
    }
}

/// The quotes the quote list shows, in corpus order: how many, the first
/// [`quotes::MAX_CARDS`] (the cards), and every one when asked ([`QuoteList::all`], for a data
/// export). A window's quotes are not listed: they are counted and their first cards taken
/// from the model's day index ([`Model::quotes_in_first`]), so the cursor costs as little
/// to move at 50,000 articles as at 5.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteList {
    /// Every quote in a time window.
    Window {
        /// The window.
        range: DayRange,
        /// Its time axis.
        axis: TimeAxis,
        /// How many quotes it holds.
        len: usize,
        /// The first [`quotes::MAX_CARDS`] of them.
        first: Vec<usize>,
    },
    /// Listed quotes: search results, or a window's quotes at the selected place.
    Listed(Vec<usize>),
}

impl Default for QuoteList {
    fn default() -> Self {
        QuoteList::Listed(Vec::new())
    }
}

impl QuoteList {
    /// Every quote of the window `range` on `axis`.
    pub fn window(model: &Model, range: DayRange, axis: TimeAxis) -> Self {
        let (len, first) = model.quotes_in_first(&range, axis, quotes::MAX_CARDS);
        QuoteList::Window { range, axis, len, first }
    }

    /// How many quotes the list holds.
    pub fn len(&self) -> usize {
        match self {
            QuoteList::Window { len, .. } => *len,
            QuoteList::Listed(v) => v.len(),
        }
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The quotes shown as cards: the first [`quotes::MAX_CARDS`].
    pub fn shown(&self) -> &[usize] {
        match self {
            QuoteList::Window { first, .. } => first,
            QuoteList::Listed(v) => &v[..v.len().min(quotes::MAX_CARDS)],
        }
    }

    /// Every quote of the list, in corpus order (a window's listed from `model`, the model the
    /// list was made from).
    pub fn all(&self, model: &Model) -> Vec<usize> {
        match self {
            QuoteList::Window { range, axis, .. } => model.quotes_in(range, *axis),
            QuoteList::Listed(v) => v.clone(),
        }
    }
}

/// A search running on a worker thread.
#[derive(Debug)]
struct SearchJob {
    /// The text searched for.
    needle: String,
    /// Set when a newer search replaces it: it stops scanning.
    cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// What it found, when it is done.
    done: std::sync::mpsc::Receiver<Found>,
}

impl Drop for SearchJob {
    fn drop(&mut self) {
        self.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Visible {
    /// Articles whose text contains the search text, most occurrences first (none for a
    /// text shorter than two characters).
    pub fn article_hits(&self) -> &[ArticleHit] {
        self.found.articles.as_deref().unwrap_or_default()
    }

    /// The search text whose results are shown (while a newer search runs, the previous one).
    pub fn searched(&self) -> &str {
        &self.found.needle
    }

    /// The search text being looked for on a worker thread, if any (see
    /// [`SEARCH_IN_FRAME_BYTES`]); its results replace the shown ones when it is done.
    pub fn searching(&self) -> Option<&str> {
        self.job.as_ref().map(|j| j.needle.as_str())
    }

    /// Run every search in the frame up to `bytes` of text (`usize::MAX`: always, as headless
    /// renders do, so a picture never shows a search half done).
    pub fn search_in_frame_up_to(&mut self, bytes: usize) {
        self.in_frame_bytes = bytes;
    }

    /// [`Self::update`], then wait for a search still running on its worker: for what must
    /// use the results of the text in the box (a data export of what is shown).
    pub fn settle(&mut self, model: &std::sync::Arc<Model>, state: &AppState, repaint: &egui::Context) {
        self.update(model, state, repaint);
        if self.take_search(model, true) {
            self.key = None;
            self.update(model, state, repaint);
        }
    }

    /// Recompute if the key changed or a search running on a worker finished. Returns whether
    /// anything was recomputed. `repaint` is asked for a frame when a worker's search is done.
    pub fn update(&mut self, model: &std::sync::Arc<Model>, state: &AppState, repaint: &egui::Context) -> bool {
        let key = VisibleKey {
            range: state.range(),
            axis: state.axis,
            selection: state.selection.clone(),
            search: state.search.trim().to_owned(),
        };
        self.plot.update(model, state);
        let arrived = self.take_search(model, false);
        if self.key.as_ref() == Some(&key) && !arrived {
            return false;
        }
        let search_changed = self.key.as_ref().is_none_or(|k| k.search != key.search);
        self.stats = model.place_stats(&key.range, key.axis);
        let place = match &key.selection {
            Selection::Place(p) => Some(p.as_str()),
            _ => None,
        };
        if search_changed {
            self.start_search(model, &key.search, repaint);
        }
        self.quotes = match (self.found.needle.is_empty(), place) {
            (true, None) => QuoteList::window(model, key.range, key.axis),
            (true, Some(p)) => QuoteList::Listed(model.quotes_in_where(&key.range, key.axis, |i| model.quote_touches_place(i, p))),
            (false, _) => QuoteList::Listed(
                self.found.quotes.iter().copied().filter(|&i| place.is_none_or(|p| model.quote_touches_place(i, p))).collect(),
            ),
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

impl Visible {
    /// Take the result of the worker's search if it is done (with `wait`, once it is). Returns
    /// whether a result was taken.
    fn take_search(&mut self, model: &Model, wait: bool) -> bool {
        use std::sync::mpsc::TryRecvError;
        let Some(job) = &self.job else { return false };
        let found = match if wait { job.done.recv().map_err(|_| TryRecvError::Disconnected) } else { job.done.try_recv() } {
            Ok(found) => found,
            Err(TryRecvError::Empty) => return false,
            // The worker is gone without a result (it panicked): search here.
            Err(TryRecvError::Disconnected) => search(model, &job.needle, &self.found, &Default::default()),
        };
        self.found = std::sync::Arc::new(found);
        self.job = None;
        true
    }

    /// Search for `needle`: in the frame when that scans little text, else on a worker
    /// (replacing, and stopping, a search still running for an older text).
    fn start_search(&mut self, model: &std::sync::Arc<Model>, needle: &str, repaint: &egui::Context) {
        self.job = None;
        if needle.is_empty() {
            self.found = std::sync::Arc::default();
            return;
        }
        if self.found.needle == needle {
            return;
        }
        if search_bytes(model, needle, &self.found) <= self.in_frame_bytes {
            self.found = std::sync::Arc::new(search(model, needle, &self.found, &Default::default()));
            return;
        }
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (tx, done) = std::sync::mpsc::channel();
        let (model, previous, text, stop, repaint) =
            (std::sync::Arc::clone(model), std::sync::Arc::clone(&self.found), needle.to_owned(), cancel.clone(), repaint.clone());
        rayon::spawn(move || {
            let found = search(&model, &text, &previous, &stop);
            if !stop.load(std::sync::atomic::Ordering::Relaxed) && tx.send(found).is_ok() {
                repaint.request_repaint();
            }
        });
        self.job = Some(SearchJob { needle: needle.to_owned(), cancel, done });
    }
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

/// Whether a search for `needle` after `previous` narrows it: `needle` extends the text
/// `previous` found things for (as while typing), so only what that found can match.
fn narrows(needle: &str, previous: &Found) -> bool {
    !previous.needle.is_empty() && needle.starts_with(&previous.needle)
}

/// About how many bytes of text a search for `needle` after `previous` scans (see [`search`]):
/// whether it can run in the frame.
fn search_bytes(model: &Model, needle: &str, previous: &Found) -> usize {
    let narrow = narrows(needle, previous);
    let quotes: usize = if narrow {
        previous.quotes.iter().filter_map(|&i| model.data.quotes.get(i)).map(|q| q.text.len()).sum()
    } else {
        model.data.quotes.iter().map(|q| q.text.len()).sum()
    };
    let articles: usize = match previous.articles.as_ref().filter(|_| narrow) {
        _ if needle.chars().count() < 2 => 0,
        Some(before) => before.iter().filter_map(|h| model.data.articles.get(h.article)).map(|a| a.text.len()).sum(),
        None => model.data.articles.iter().map(|a| a.text.len()).sum(),
    };
    quotes + articles
}

/// What `needle` finds in the corpus, case-insensitively (see [`Found`]). Quotes and article
/// texts are scanned in parallel (rayon). When `needle` extends the `previous` search's text
/// (as it does while it is typed), only what that found can match, so only that is scanned.
/// Once `cancel` is set the scan stops early and what it returns is incomplete (the caller
/// drops it).
fn search(model: &Model, needle: &str, previous: &Found, cancel: &std::sync::atomic::AtomicBool) -> Found {
    use rayon::prelude::*;
    use std::sync::atomic::Ordering;
    if needle.is_empty() {
        return Found::default();
    }
    let (re, folded) = search_matcher(needle);
    let narrow = narrows(needle, previous) && previous.folded == folded;
    let quote_matches = |i: usize| {
        !cancel.load(Ordering::Relaxed)
            && model.data.quotes.get(i).is_some_and(|q| re.is_match(&q.text) || q.speaker.as_deref().is_some_and(|s| re.is_match(s)))
    };
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
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
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
        let found = search(&m, "şuşa", &none, &Default::default());
        let (quotes, hits) = (found.quotes, found.articles.unwrap_or_default());
        assert_eq!(hits.iter().map(|h| (h.article, h.count)).collect::<Vec<_>>(), vec![(0, 3), (1, 1)], "most occurrences first");
        for h in &hits {
            assert!(m.data.articles[h.article].text[h.first.clone()].to_lowercase() == "şuşa");
        }
        assert!(!quotes.is_empty() && quotes.iter().all(|&i| m.data.quotes[i].text.contains("Şuşa")), "{quotes:?}");
        // A speaker's name finds their quotes; one character filters quotes but lists no articles.
        assert_eq!(search(&m, "harutyunyan", &none, &Default::default()).quotes, quotes);
        let one = search(&m, "w", &none, &Default::default());
        assert!(!one.quotes.is_empty() && one.articles.is_none());
        assert_eq!(search(&m, "", &none, &Default::default()), none);
        // Regex syntax is text to find, not a pattern.
        assert_eq!(search(&m, "ş.a", &none, &Default::default()).articles, Some(Vec::new()));
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
            let fresh = search(&m, t, &Found::default(), &Default::default());
            let next = search(&m, t, &last, &Default::default());
            assert_eq!(next, fresh, "{t:?} after {:?}", last.needle);
            narrowed += usize::from(t.starts_with(&last.needle) && !last.needle.is_empty());
            quotes += next.quotes.len();
            articles += next.articles.as_ref().map_or(0, Vec::len);
            last = next;
        }
        assert!(narrowed > 10 && quotes > 0 && articles > 0, "{narrowed} {quotes} {articles}");
    }

    /// Update `v` until its worker's search is done (at most 30 s).
    fn until_found(v: &mut Visible, m: &std::sync::Arc<Model>, state: &AppState, ctx: &egui::Context) {
        let start = std::time::Instant::now();
        while v.searching().is_some() && start.elapsed() < std::time::Duration::from_secs(30) {
            v.update(m, state, ctx);
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    #[test]
    fn a_search_on_a_worker_finds_what_a_search_in_the_frame_finds() {
        let Some(m) = crate::Engine::embedded().ok().map(|e| std::sync::Arc::new(Model::new(e.extract_embedded()))) else { return };
        let ctx = egui::Context::default();
        let fresh = |t: &str| search(&m, t, &Found::default(), &Default::default());
        let mut v = Visible::default();
        v.search_in_frame_up_to(0);
        let mut state = AppState { cursor: m.busiest_day(TimeAxis::Event), ..AppState::default() };
        v.update(&m, &state, &ctx);
        let window = v.quotes.clone();
        assert!(!window.is_empty());
        state.search = "Stepanakert".into();
        assert!(v.update(&m, &state, &ctx));
        assert_eq!((v.searching(), v.searched()), (Some("Stepanakert"), ""));
        assert_eq!(v.quotes, window, "the window's quotes stay listed until the results come");
        until_found(&mut v, &m, &state, &ctx);
        assert_eq!((v.searching(), v.searched()), (None, "Stepanakert"));
        assert_eq!(*v.found, fresh("Stepanakert"));
        assert_eq!(v.quotes.all(&m), fresh("Stepanakert").quotes);
        // Typed on while searches run: each replaces the last, and the last text's results
        // are what a fresh search finds, filtered by the selected place.
        state.selection = Selection::Place("stepanakert".into());
        let quote = (0..m.data.quotes.len()).find(|&i| m.quote_touches_place(i, "stepanakert")).map(|i| &m.data.quotes[i].text);
        let typed: String = quote.map(|q| q.chars().take(8).collect()).unwrap_or_default();
        let mut t = String::new();
        for c in typed.chars() {
            t.push(c);
            state.search = t.clone();
            v.update(&m, &state, &ctx);
        }
        until_found(&mut v, &m, &state, &ctx);
        let last = typed.trim();
        assert_eq!(*v.found, fresh(last));
        let at_place: Vec<usize> = fresh(last).quotes.into_iter().filter(|&i| m.quote_touches_place(i, "stepanakert")).collect();
        assert!(!at_place.is_empty(), "{typed:?}");
        assert_eq!(v.quotes.all(&m), at_place);
        // What needs the results now (a data export) waits for them.
        state.search = "ganja".into();
        v.settle(&m, &state, &ctx);
        assert_eq!((v.searching(), v.searched()), (None, "ganja"));
        assert_eq!(*v.found, fresh("ganja"));
        // Clearing the box lists the window's quotes at once.
        state.search = String::new();
        state.selection = Selection::None;
        v.update(&m, &state, &ctx);
        assert_eq!((v.searching(), v.searched(), &v.quotes), (None, "", &window));
    }

    #[test]
    fn the_quote_list_of_a_window_is_the_model_query() {
        let Some(m) = crate::Engine::embedded().ok().map(|e| std::sync::Arc::new(Model::new(e.extract_embedded()))) else { return };
        let ctx = egui::Context::default();
        let mut v = Visible::default();
        let mut listed = 0;
        for axis in [TimeAxis::Event, TimeAxis::Published] {
            let Some((lo, hi)) = m.span(axis) else { continue };
            use crate::app::state::WindowWidth;
            let cursors = [(Some(lo), WindowWidth::Day), (Some(lo + (hi - lo) / 2), WindowWidth::ThreeDays), (Some(hi), WindowWidth::Week)];
            for (cursor, window) in cursors.into_iter().chain([(Some(hi), WindowWidth::UpToCursor), (None, WindowWidth::Day)]) {
                for place in [None, Some("stepanakert")] {
                    let state = AppState {
                        axis,
                        cursor,
                        window,
                        selection: place.map_or(Selection::None, |p| Selection::Place(p.into())),
                        ..AppState::default()
                    };
                    v.update(&m, &state, &ctx);
                    let want: Vec<usize> = m
                        .quotes_in(&state.range(), axis)
                        .into_iter()
                        .filter(|&i| place.is_none_or(|p| m.quote_touches_place(i, p)))
                        .collect();
                    assert_eq!(v.quotes.all(&m), want, "{axis:?} {cursor:?} {window:?} {place:?}");
                    assert_eq!(v.quotes.len(), want.len());
                    assert_eq!(v.quotes.shown(), &want[..want.len().min(quotes::MAX_CARDS)]);
                    listed += usize::from(want.len() > 1);
                }
            }
        }
        assert!(listed >= 4, "windows with quotes: {listed}");
    }
}
