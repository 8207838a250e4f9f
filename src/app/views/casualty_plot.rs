//! The casualty plot (egui_plot): one series per claimant and category on a date axis;
//! cumulative tolls as lines, incidents as points, hedged figures as ranges ("more than" and
//! "at least" as an arrow upward, "up to" downward, "about" as a ± bar); historical figures
//! kept out of the series and listed apart; the time window shaded, the cursor and truces as
//! vertical lines. Hover shows the claim and its sentence; click selects it.

use eframe::egui;

use chrono::{Datelike, NaiveDate};
use egui_plot::{Arrows, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoint, Points, Span, VLine};

use super::{ViewCtx, fmt_day};
use crate::app::command::Command;
use crate::app::state::{Measure, Selection};
use crate::app::theme::category_label;
use crate::model::{Category, Claim, ClaimKey, Hedge, ItemRef, Scope};

/// Plot x of a day: days since 0001-01-01.
pub fn day_x(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// Day of a plot x, if it is a valid date.
pub fn x_day(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1e7 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

/// One plotted claim.
#[derive(Debug, Clone)]
pub struct PlotClaim {
    /// Index into `Extraction::claims`.
    pub claim: usize,
    /// Plot coordinates (y already log-transformed if the scale is logarithmic).
    pub point: [f64; 2],
}

/// The figure of a claim for the measure, if it gives one.
pub fn figure(c: &Claim, m: Measure) -> Option<u64> {
    match m {
        Measure::Killed => c.killed,
        Measure::Wounded => c.wounded,
    }
}

/// [`figure`] of a claim's compact row.
fn key_figure(k: &ClaimKey, m: Measure) -> Option<u32> {
    match m {
        Measure::Killed => k.killed,
        Measure::Wounded => k.wounded,
    }
}

fn marker(c: Category) -> MarkerShape {
    match c {
        Category::Civilian => MarkerShape::Circle,
        Category::Military => MarkerShape::Square,
        Category::Unspecified => MarkerShape::Diamond,
    }
}

/// Series name: "claimant · category".
pub fn series_name(c: &Claim) -> String {
    format!("{} · {}", c.claimant.as_deref().unwrap_or("outlet's own voice"), category_label(c.category))
}

/// The claims the plot shows (not historical; with a figure for the measure; touching the
/// selected place if a place is selected), with their plot positions.
pub fn plotted(ctx: &ViewCtx<'_>) -> Vec<PlotClaim> {
    let s = ctx.state;
    let place = s.selected_place();
    let mut v = Vec::new();
    for (i, c) in ctx.model.data.claims.iter().enumerate() {
        if c.scope == Scope::Historical || place.is_some_and(|p| !ctx.model.claim_touches_place(i, p)) {
            continue;
        }
        let (Some(f), Some(d)) = (figure(c, s.measure), ctx.model.item_date(ItemRef::Claim(i), s.axis)) else {
            continue;
        };
        v.push(PlotClaim { claim: i, point: [day_x(d), to_y(f as f64, s.log_scale)] });
    }
    v
}

fn to_y(v: f64, log: bool) -> f64 {
    if log { v.max(1.0).log10() } else { v }
}

fn from_y(y: f64, log: bool) -> f64 {
    if log { 10f64.powf(y) } else { y }
}

/// Claims of one series on one day with the same hedge glyph whose plot y falls into the
/// same 1/`Y_BINS` of the y range are drawn as one mark (about two pixels at the plot's usual
/// height): the plot stays readable and cheap with hundreds of thousands of claims.
pub const Y_BINS: f64 = 160.0;

/// Above this many marks the plot switches to its dense form (see [`PlotData`]): a few
/// thousand marks is about what the plot's pixels can show apart, and what egui can lay out
/// and tessellate within a frame budget.
pub const DETAIL_LIMIT: usize = 2_000;

/// Rows of the dense form's cells (about 6 points each at the plot's usual height).
pub const DENSE_BINS: f64 = 40.0;

/// One cell of the dense form: the incidents claimed on one day with figures in one row.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Centre of the cell (plot coordinates).
    pub center: PlotPoint,
    /// Claims per claimant side (`None`: no known side), most first.
    pub sides: Vec<(Option<String>, u32)>,
    /// Claims in the cell.
    pub count: u32,
    /// A claim of the most frequent side (the first in corpus order): hover and click show it.
    pub claim: usize,
}

/// What the plot data depends on: when it changes, [`PlotData`] is rebuilt. The time window is
/// not part of it (the plot shows every day and shades the window).
#[derive(Debug, Clone, PartialEq)]
struct PlotKey {
    axis: crate::model::TimeAxis,
    measure: Measure,
    log: bool,
    place: Option<String>,
}

/// One drawn mark: the claims of one series, one day and one hedge glyph whose figures fall
/// on the same pixel row.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    /// Plot position of the representative claim.
    pub point: PlotPoint,
    /// The representative claim (the first in corpus order): hover and click show it.
    pub claim: usize,
    /// Number of claims drawn as this mark.
    pub count: u32,
}

/// One claimant · category series, aggregated for drawing.
#[derive(Debug, Clone)]
pub struct Series {
    /// "claimant · category" (the legend entry).
    pub name: String,
    /// Side of the claimant (the colour).
    pub side: Option<String>,
    /// Victims' category (the marker shape).
    pub category: Category,
    /// The toll line: the highest toll of each day, in date order.
    pub toll_line: Vec<PlotPoint>,
    /// Incident marks (filled), plot positions.
    pub filled: Vec<PlotPoint>,
    /// Toll marks (hollow), plot positions.
    pub hollow: Vec<PlotPoint>,
    /// "more than" / "at least" arrows: origins and tips.
    pub up: (Vec<PlotPoint>, Vec<PlotPoint>),
    /// "up to" arrows: origins and tips.
    pub down: (Vec<PlotPoint>, Vec<PlotPoint>),
    /// "about" ± bars: (low, high) ends.
    pub about: Vec<[PlotPoint; 2]>,
}

impl Series {
    /// An empty series named `name` for a claimant side and category.
    fn new(name: String, side: Option<&str>, category: Category) -> Self {
        Series {
            name,
            side: side.map(str::to_owned),
            category,
            toll_line: Vec::new(),
            filled: Vec::new(),
            hollow: Vec::new(),
            up: (Vec::new(), Vec::new()),
            down: (Vec::new(), Vec::new()),
            about: Vec::new(),
        }
    }
}

/// One historical figure ("about 30,000 killed") and every claim that gives it: a large
/// corpus repeats the same few figures of an earlier war thousands of times, and a reader
/// wants the figures that differ, each with how many reports give it, not thousands of rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HistoricalFigure {
    /// The claims giving this figure (same hedge, killed and wounded), in corpus order.
    pub claims: Vec<usize>,
    /// How many articles these claims come from.
    pub articles: usize,
}

impl HistoricalFigure {
    /// Group historical claims (indices in corpus order) by their figure: hedge, killed and
    /// wounded. The most reported figure comes first; figures given equally often, in the
    /// order they first appear.
    fn group(model: &crate::model::Model, keys: &[ClaimKey], claims: Vec<usize>) -> Vec<HistoricalFigure> {
        use rustc_hash::{FxHashMap, FxHashSet};
        let mut index: FxHashMap<(Hedge, Option<u32>, Option<u32>), usize> = FxHashMap::default();
        let mut groups: Vec<HistoricalFigure> = Vec::new();
        for i in claims {
            let Some(k) = keys.get(i) else { continue };
            let g = *index.entry((k.hedge, k.killed, k.wounded)).or_insert_with(|| {
                groups.push(HistoricalFigure::default());
                groups.len() - 1
            });
            groups[g].claims.push(i);
        }
        for g in &mut groups {
            let articles: FxHashSet<&str> = g.claims.iter().filter_map(|&i| model.data.claims.get(i)).map(|c| c.article.as_str()).collect();
            g.articles = articles.len();
        }
        // A stable sort keeps the order of first appearance among equals.
        groups.sort_by_key(|g| std::cmp::Reverse(g.claims.len()));
        groups
    }

    /// Whether claim `i` gives this figure.
    pub fn contains(&self, i: usize) -> bool {
        self.claims.binary_search(&i).is_ok()
    }

    /// The claim a click on this figure selects: the first, or after `selected` (one of its
    /// claims) the next one, so that repeated clicks walk through every report of it.
    pub fn next_after(&self, selected: Option<usize>) -> Option<usize> {
        let at = selected.and_then(|s| self.claims.binary_search(&s).ok());
        match at {
            Some(k) => self.claims.get((k + 1) % self.claims.len()).copied(),
            None => self.claims.first().copied(),
        }
    }
}

/// The casualty plot's data for the current axis, measure, scale and selected place: claims
/// aggregated into marks per series (see [`Y_BINS`]) and the historical figures. Built once
/// per key by [`PlotData::update`] (from [`super::Visible::update`]), not per frame, and kept
/// while the time cursor moves.
#[derive(Debug, Clone, Default)]
pub struct PlotData {
    key: Option<PlotKey>,
    /// The series, in name order.
    pub series: Vec<Series>,
    /// Every mark of every series, for hit testing.
    pub marks: Vec<Mark>,
    /// Number of plotted claims (before aggregation).
    pub claims: usize,
    /// Highest plotted y.
    pub top: f64,
    /// Historical claims touching the selected place, one entry per figure (see
    /// [`HistoricalFigure`]), the most reported first.
    pub historical: Vec<HistoricalFigure>,
    /// The dense form, when the marks would be more than [`DETAIL_LIMIT`]: [`Self::series`]
    /// then hold one series per side and category (tolls: the day's highest claim of the
    /// group, as a line with hollow marks), and incidents are drawn as these cells, shaded by
    /// count and coloured by the side that claims most of them.
    pub cells: Vec<Cell>,
    /// Size of a cell (plot units): width, height.
    pub cell_size: [f64; 2],
    /// Largest cell count.
    pub cell_max: u32,
    /// The claimant sides present, most claims first: the colour key of the dense form, and
    /// of the detailed form when it has more series than a legend can list
    /// ([`MAX_LEGEND_SERIES`]).
    pub sides: Vec<Option<String>>,
    /// The plot data of the last few other keys, most recent first (toggling a measure,
    /// scale, axis or place back is then instant; each without a list of its own).
    recent: Vec<PlotData>,
}

/// How many other keys' plot data [`PlotData::update`] keeps (one each for the measure,
/// scale, axis and selection toggled and back).
const RECENT_PLOTS: usize = 4;

/// Series a legend lists; with more, the plot shows the colour key of the claimant sides
/// instead (a legend of hundreds of "claimant · category" entries would cover the plot).
pub const MAX_LEGEND_SERIES: usize = 12;

/// Claimant sides, most claims first (ties by name), from (side, claims) counts.
fn sides_by_claims<'a>(counts: impl IntoIterator<Item = (Option<&'a str>, usize)>) -> Vec<Option<String>> {
    let mut by_side: rustc_hash::FxHashMap<Option<&str>, usize> = Default::default();
    for (side, n) in counts {
        *by_side.entry(side).or_default() += n;
    }
    let mut sides: Vec<(Option<&str>, usize)> = by_side.into_iter().collect();
    sides.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    sides.into_iter().map(|(s, _)| s.map(str::to_owned)).collect()
}

/// Hedge glyph classes (marks of different glyphs are never merged).
fn glyph(h: Hedge) -> u8 {
    match h {
        Hedge::Exact => 0,
        Hedge::MoreThan | Hedge::AtLeast => 1,
        Hedge::UpTo => 2,
        Hedge::About => 3,
    }
}

impl PlotData {
    /// Rebuild if the axis, measure, scale or selected place changed. Returns whether it did.
    pub fn update(&mut self, model: &crate::model::Model, state: &crate::app::state::AppState) -> bool {
        let key =
            PlotKey { axis: state.axis, measure: state.measure, log: state.log_scale, place: state.selected_place().map(str::to_owned) };
        if self.key.as_ref() == Some(&key) {
            return false;
        }
        let mut recent = std::mem::take(&mut self.recent);
        let next = match recent.iter().position(|p| p.key.as_ref() == Some(&key)) {
            Some(i) => recent.remove(i),
            None => {
                let mut built = PlotData::build(model, &key);
                built.key = Some(key);
                built
            }
        };
        let previous = std::mem::replace(self, next);
        if previous.key.is_some() {
            recent.insert(0, previous);
            recent.truncate(RECENT_PLOTS);
        }
        self.recent = recent;
        true
    }

    fn build(model: &crate::model::Model, key: &PlotKey) -> PlotData {
        use rustc_hash::FxHashMap as HashMap;
        let log = key.log;
        // Read from the claims' compact rows ([`ClaimKey`]), not the claims: one pass over a
        // small array per form, so a plot of a million claims is built within a few frames.
        let keys = model.claim_keys();
        // The selected place as an index (a place the corpus lacks: no claim matches it).
        let place = key.place.as_deref().map(|p| model.place_index(p).map_or(ClaimKey::NO_PLACE - 1, |i| i as u32));
        let at_place = |k: &ClaimKey| place.is_none_or(|p| k.place == p);
        // The plotted claims in corpus order: (claim, row, day, figure).
        let figures = || {
            keys.iter().enumerate().filter_map(move |(i, k)| {
                if !at_place(k) || k.scope == Scope::Historical {
                    return None;
                }
                Some((i, k, k.day(key.axis)?, key_figure(k, key.measure)?))
            })
        };
        // One pass for the historical figures, the plotted claims' number and largest figure.
        let (mut historical, mut count, mut most) = (Vec::new(), 0, 0);
        for (i, k) in keys.iter().enumerate() {
            if !at_place(k) {
                continue;
            }
            if k.scope == Scope::Historical {
                historical.push(i);
            } else if let (Some(_), Some(f)) = (k.day(key.axis), key_figure(k, key.measure)) {
                count += 1;
                most = most.max(f);
            }
        }
        let historical = HistoricalFigure::group(model, keys, historical);
        let top = to_y(f64::from(most), log);
        // The plot y of the small figures most claims give, worked out once.
        let small: Vec<f64> = (0..=most.min(4095)).map(|f| to_y(f64::from(f), log)).collect();
        // The plotted claims: (claim, row, x, y).
        let plotted =
            || figures().map(|(i, k, d, f)| (i, k, day_x(d), small.get(f as usize).copied().unwrap_or_else(|| to_y(f64::from(f), log))));
        let y_max = if log { (top + 0.35).max(2.0) } else { (top * 1.7).max(10.0) };
        let bin = y_max / Y_BINS;
        // Series (claimant × category) in order of first claim; per series its claims.
        let mut series_of: Vec<u32> = vec![u32::MAX; model.claimants().len() * Category::COUNT];
        let mut series: Vec<Series> = Vec::new();
        let mut per_series: Vec<usize> = Vec::new();
        // Aggregate: one mark per (series, filled, glyph, day, y bin); the first claim (corpus
        // order) represents it.
        let mut marks: HashMap<(usize, bool, u8, i64, i64), usize> = HashMap::default();
        let mut all: Vec<(usize, bool, u8, Mark)> = Vec::new();
        let mut toll_max: HashMap<(usize, i64), f64> = HashMap::default();
        for (i, k, x, y) in plotted() {
            let slot = &mut series_of[k.claimant as usize * Category::COUNT + k.category.index()];
            if *slot == u32::MAX {
                // The claimant's name and side, as the first claim of the series gives them.
                let Some(c) = model.data.claims.get(i) else { continue };
                *slot = series.len() as u32;
                series.push(Series::new(series_name(c), c.claimant_side.as_deref(), c.category));
                per_series.push(0);
            }
            let s = *slot as usize;
            per_series[s] += 1;
            let filled = k.scope == Scope::Incident;
            if k.scope == Scope::Toll {
                let e = toll_max.entry((s, x as i64)).or_insert(y);
                *e = e.max(y);
            }
            let g = glyph(k.hedge);
            let mk = (s, filled, g, x as i64, (y / bin).round() as i64);
            match marks.get(&mk) {
                Some(&m) => {
                    if let Some(m) = all.get_mut(m) {
                        m.3.count += 1;
                    }
                }
                None => {
                    if all.len() == DETAIL_LIMIT {
                        // More marks than the plot can show apart: the dense form.
                        return PlotData::build_dense(model, plotted(), count, top, y_max, historical);
                    }
                    marks.insert(mk, all.len());
                    all.push((s, filled, g, Mark { point: PlotPoint::new(x, y), claim: i, count: 1 }));
                }
            }
        }
        for ((s, x), y) in toll_max {
            if let Some(se) = series.get_mut(s) {
                se.toll_line.push(PlotPoint::new(x as f64, y));
            }
        }
        for &(s, filled, g, m) in &all {
            let Some(se) = series.get_mut(s) else { continue };
            let (x, y) = (m.point.x, m.point.y);
            let v = from_y(y, log);
            if filled {
                se.filled.push(m.point)
            } else {
                se.hollow.push(m.point)
            }
            match g {
                1 => {
                    se.up.0.push(m.point);
                    se.up.1.push(PlotPoint::new(x, to_y(v * 1.6, log).max(y + if log { 0.0 } else { 5.0 })));
                }
                2 => {
                    se.down.0.push(m.point);
                    se.down.1.push(PlotPoint::new(x, to_y(v / 1.6, log)));
                }
                3 => se.about.push([PlotPoint::new(x, to_y(v * 0.85, log)), PlotPoint::new(x, to_y(v * 1.15, log))]),
                _ => {}
            }
        }
        let sides = sides_by_claims(series.iter().zip(per_series).map(|(se, n)| (se.side.as_deref(), n)));
        let mut order: Vec<usize> = (0..series.len()).collect();
        order.sort_by(|&a, &b| series[a].name.cmp(&series[b].name));
        let mut series: Vec<Series> = {
            let mut slots: Vec<Option<Series>> = series.into_iter().map(Some).collect();
            order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)).collect()
        };
        for s in &mut series {
            s.toll_line.sort_by(|a, b| a.x.total_cmp(&b.x));
        }
        PlotData {
            key: None,
            sides,
            series,
            marks: all.into_iter().map(|(_, _, _, m)| m).collect(),
            claims: count,
            top,
            historical,
            ..Default::default()
        }
    }

    /// The dense form (see [`PlotData::cells`]) of the `count` claims `plotted` (claim, row,
    /// x, y).
    fn build_dense<'k>(
        model: &crate::model::Model,
        plotted: impl Iterator<Item = (usize, &'k ClaimKey, f64, f64)>,
        count: usize,
        top: f64,
        y_max: f64,
        historical: Vec<HistoricalFigure>,
    ) -> PlotData {
        use rustc_hash::FxHashMap as HashMap;
        let side_names = model.claimant_sides();
        let side_name = |side: u32| side_names.get(side as usize).and_then(|s| s.as_deref());
        let bin = y_max / DENSE_BINS;
        // Toll series per side and category.
        let mut group_of: Vec<u32> = vec![u32::MAX; side_names.len() * Category::COUNT];
        let mut series: Vec<Series> = Vec::new();
        // Tolls: the day's highest claim per side and category.
        let mut best: HashMap<(u32, i64), Mark> = HashMap::default();
        // Incidents: per (day, row) a cell, and per cell and side: count and first claim. A
        // day's cells are found through one block of `rows` slots per day (the claims of an
        // article mostly share a day: the last day's block is kept at hand).
        type BySide = Vec<(u32, u32, usize)>;
        let rows = DENSE_BINS as i64 + 1;
        let mut block_of: HashMap<i64, usize> = HashMap::default();
        let mut slots: Vec<u32> = Vec::new();
        let mut last: Option<(i64, usize)> = None;
        let mut cells: Vec<((i64, i64), BySide)> = Vec::new();
        let mut side_counts: Vec<usize> = vec![0; side_names.len()];
        for (i, k, x, y) in plotted {
            if k.scope == Scope::Toll {
                let slot = &mut group_of[k.side as usize * Category::COUNT + k.category.index()];
                if *slot == u32::MAX {
                    *slot = series.len() as u32;
                    let name = format!("{} · {}", side_name(k.side).unwrap_or("no known side"), category_label(k.category));
                    series.push(Series::new(name, side_name(k.side), k.category));
                }
                let m = best.entry((*slot, x as i64)).or_insert(Mark { point: PlotPoint::new(x, y), claim: i, count: 0 });
                m.count += 1;
                if y > m.point.y {
                    m.point.y = y;
                    m.claim = i;
                }
            } else {
                let (day, row) = (x as i64, ((y / bin).floor() as i64).clamp(0, rows - 1));
                let block = match last {
                    Some((d, b)) if d == day => b,
                    _ => {
                        let b = *block_of.entry(day).or_insert_with(|| {
                            slots.resize(slots.len() + rows as usize, u32::MAX);
                            slots.len() - rows as usize
                        });
                        last = Some((day, b));
                        b
                    }
                };
                let slot = &mut slots[block + row as usize];
                if *slot == u32::MAX {
                    *slot = cells.len() as u32;
                    cells.push(((day, row), Vec::new()));
                }
                let by_side = &mut cells[*slot as usize].1;
                match by_side.iter_mut().find(|e| e.0 == k.side) {
                    Some(e) => e.1 += 1,
                    None => by_side.push((k.side, 1, i)),
                }
            }
            side_counts[k.side as usize] += 1;
        }
        let sides = sides_by_claims(side_counts.iter().enumerate().filter(|(_, n)| **n > 0).map(|(s, &n)| (side_name(s as u32), n)));
        let mut marks = Vec::with_capacity(best.len() + cells.len());
        let mut best: Vec<(u32, Mark)> = best.into_iter().map(|((g, _), m)| (g, m)).collect();
        best.sort_by(|a, b| a.1.point.x.total_cmp(&b.1.point.x));
        for (g, m) in best {
            if let Some(se) = series.get_mut(g as usize) {
                se.toll_line.push(m.point);
                se.hollow.push(m.point);
            }
            marks.push(m);
        }
        series.sort_by(|a, b| a.name.cmp(&b.name));
        let mut out_cells: Vec<Cell> = cells
            .into_iter()
            .map(|((day, row), by_side)| {
                let mut sides: Vec<(Option<&str>, u32, usize)> = by_side.into_iter().map(|(s, n, i)| (side_name(s), n, i)).collect();
                sides.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let count = sides.iter().map(|s| s.1).sum();
                let claim = sides.first().map_or(0, |s| s.2);
                Cell {
                    center: PlotPoint::new(day as f64, (row as f64 + 0.5) * bin),
                    sides: sides.into_iter().map(|(s, n, _)| (s.map(str::to_owned), n)).collect(),
                    count,
                    claim,
                }
            })
            .collect();
        out_cells.sort_by(|a, b| a.center.x.total_cmp(&b.center.x).then(a.center.y.total_cmp(&b.center.y)));
        let cell_max = out_cells.iter().map(|c| c.count).max().unwrap_or(0);
        PlotData {
            key: None,
            series,
            marks,
            claims: count,
            top,
            historical,
            cells: out_cells,
            cell_size: [0.8, bin],
            cell_max,
            sides,
            recent: Vec::new(),
        }
    }
}

/// The dense form's cells as one plot item: a rectangle per cell, coloured by the side that
/// claims most of its incidents, more opaque the more claims it holds (one mesh, no
/// per-cell shapes).
struct Cells<'a> {
    base: egui_plot::PlotItemBase,
    data: &'a PlotData,
    palette: crate::app::theme::Palette,
}

impl egui_plot::PlotItem for Cells<'_> {
    fn shapes(&self, _ui: &egui::Ui, transform: &egui_plot::PlotTransform, shapes: &mut Vec<egui::Shape>) {
        let mut mesh = egui::Mesh::default();
        let [w, h] = self.data.cell_size;
        let max = f64::from(self.data.cell_max.max(2)).ln();
        for c in &self.data.cells {
            let a = transform.position_from_point(&PlotPoint::new(c.center.x - w / 2.0, c.center.y - h / 2.0));
            let b = transform.position_from_point(&PlotPoint::new(c.center.x + w / 2.0, c.center.y + h / 2.0));
            let side = c.sides.first().and_then(|s| s.0.as_deref());
            let strength = 0.25 + 0.75 * (f64::from(c.count).ln() / max).clamp(0.0, 1.0);
            let color = self.palette.side(side).gamma_multiply(strength as f32);
            mesh.add_colored_rect(egui::Rect::from_two_pos(a, b), color);
        }
        shapes.push(egui::Shape::mesh(mesh));
    }

    fn initialize(&mut self, _x_range: std::ops::RangeInclusive<f64>) {}

    fn color(&self) -> egui::Color32 {
        self.palette.weak
    }

    fn geometry(&self) -> egui_plot::PlotGeometry<'_> {
        egui_plot::PlotGeometry::None
    }

    fn bounds(&self) -> egui_plot::PlotBounds {
        let mut b = egui_plot::PlotBounds::NOTHING;
        for c in &self.data.cells {
            b.extend_with(&c.center);
        }
        b
    }

    fn base(&self) -> &egui_plot::PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut egui_plot::PlotItemBase {
        &mut self.base
    }
}

/// Draw the plot and the list of historical figures.
pub fn show(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
    let s = ctx.state;
    let pal = ctx.palette;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Casualty claims").family(crate::app::theme::bold()).size(15.0));
        if let Some(p) = s.selected_place().and_then(|p| ctx.model.place(p)) {
            ui.label(format!("at {}", p.name));
        }
        ui.separator();
        if ui.selectable_label(s.measure == Measure::Killed, "Killed").clicked() {
            out.push(Command::SetMeasure(Measure::Killed));
        }
        if ui.selectable_label(s.measure == Measure::Wounded, "Wounded").clicked() {
            out.push(Command::SetMeasure(Measure::Wounded));
        }
        let mut log = s.log_scale;
        if ui.checkbox(&mut log, "Log scale").changed() {
            out.push(Command::SetLogScale(log));
        }
        if ctx.visible.plot.cells.is_empty() {
            ui.weak("● civilian  ■ military  ◆ unspecified · lines: tolls · ↑ more than · ↓ up to · ± about");
        } else {
            ui.weak(format!("{} claims", fmt_num(ctx.visible.plot.claims as u64)));
        }
    });
    let dense = !ctx.visible.plot.cells.is_empty();
    // The colour key of the sides instead of a legend of every series: in the dense form, and
    // when there are more series than a legend can list.
    let keyed = dense || ctx.visible.plot.series.len() > MAX_LEGEND_SERIES;
    if dense {
        ui.weak("Lines: the day's highest toll (○ civilian □ military ◇ unspecified) · shading: incidents per day and figure, by the side claiming most");
    }
    if keyed {
        ui.horizontal_wrapped(|ui| {
            for side in &ctx.visible.plot.sides {
                let name = side.as_deref().unwrap_or("no known side");
                ui.label(egui::RichText::new(format!("● {name}")).color(pal.side(side.as_deref())).small());
            }
            if !dense {
                let n = ctx.visible.plot.series.len();
                ui.label(egui::RichText::new(format!("· {n} claimant series: point at a mark to see who claims it")).weak().small());
            }
        });
    }

    let data = &ctx.visible.plot;
    let log = s.log_scale;
    let height = (ui.available_height() - 8.0).max(120.0);
    let span = ctx.model.span(s.axis);
    let range = s.range();
    let cursor = s.cursor;
    // The selected claim's own position (it may be drawn merged into a mark).
    let selected_point = match s.selection {
        Selection::Claim(i) => ctx.model.data.claims.get(i).and_then(|c| {
            if c.scope == Scope::Historical || s.selected_place().is_some_and(|p| c.place.as_deref() != Some(p)) {
                return None;
            }
            let f = figure(c, s.measure)?;
            let d = ctx.model.item_date(ItemRef::Claim(i), s.axis)?;
            Some([day_x(d), to_y(f as f64, log)])
        }),
        _ => None,
    };
    let truces: &[NaiveDate] = ctx.model.truce_days();

    let mut plot = Plot::new("casualty_plot").height(height);
    if !keyed {
        plot =
            plot.legend(Legend::default().position(egui_plot::Corner::LeftTop).text_style(egui::TextStyle::Small).background_alpha(0.85));
    }
    let mut plot = plot
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
        .label_formatter(|_| None)
        .x_axis_formatter(|mark, _| {
            let near = (mark.value - mark.value.round()).abs() < 1e-6;
            match x_day(mark.value) {
                Some(d) if near => d.format("%-d %b").to_string(),
                _ => String::new(),
            }
        })
        .y_axis_formatter(move |mark, _| {
            let v = from_y(mark.value, log);
            if v < 0.5 || (log && (v - v.round()).abs() > 0.01 * v) { String::new() } else { format!("{v:.0}") }
        })
        .y_axis_min_width(36.0)
        .include_y(0.0);
    if let Some((lo, hi)) = span {
        plot = plot.include_x(day_x(lo) - 1.0).include_x(day_x(hi) + 1.0);
    }
    let top = data.top;
    plot = plot.include_y(if log { top + 0.35 } else { top * 1.7 });
    if log {
        plot = plot.include_y(2.0).y_grid_spacer(egui_plot::log_grid_spacer(10));
    } else {
        plot = plot.include_y(10.0);
    }
    let resp = plot.show(ui, |pui| {
        // Window shading and cursor.
        if let Some(to) = range.to {
            let from = range.from.or(span.map(|s| s.0)).unwrap_or(to);
            pui.span(
                Span::new("", (day_x(from) - 0.5)..=(day_x(to) + 0.5))
                    .fill(pal.cursor.gamma_multiply(if pal.dark { 0.07 } else { 0.12 }))
                    .border_width(0.0),
            );
        }
        for t in truces {
            pui.vline(VLine::new("", day_x(*t)).color(pal.truce).style(LineStyle::dashed_loose()).width(1.2));
        }
        if let Some(c) = cursor {
            pui.vline(VLine::new("", day_x(c)).color(pal.cursor).width(2.0));
        }
        if !data.cells.is_empty() {
            pui.add(Cells { base: egui_plot::PlotItemBase::new(String::new()), data, palette: pal });
        }
        for se in &data.series {
            let name = se.name.as_str();
            let color = pal.side(se.side.as_deref());
            // Tolls: a line through the series' highest toll of each day.
            if se.toll_line.len() >= 2 {
                pui.line(Line::new(name, se.toll_line.as_slice()).color(color).width(2.0).allow_hover(false));
            }
            // Marks by shape (toll marks hollow, incident marks filled).
            for (filled, xy) in [(true, &se.filled), (false, &se.hollow)] {
                if xy.is_empty() {
                    continue;
                }
                pui.points(
                    Points::new(name, xy.as_slice()).shape(marker(se.category)).color(color).filled(filled).radius(5.0).allow_hover(false),
                );
            }
            // Hedges.
            for band in &se.about {
                pui.line(Line::new(name, band.as_slice()).color(color).width(5.0).allow_hover(false));
            }
            for (o, t) in [&se.up, &se.down] {
                if !o.is_empty() {
                    pui.arrows(Arrows::new(name, o.as_slice(), t.as_slice()).color(color).tip_length(8.0).allow_hover(false));
                }
            }
        }
        // Selected claim ring.
        if let Some(p) = selected_point {
            pui.points(
                Points::new("", vec![p]).shape(MarkerShape::Circle).filled(false).radius(10.0).color(pal.selection).allow_hover(false),
            );
        }
    });
    let response = resp.response.clone();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Casualty plot"));

    // Our own hit test: nearest mark within 12 points of the pointer.
    let hover = response.hover_pos().and_then(|pos| {
        data.marks
            .iter()
            .map(|m| (m, resp.transform.position_from_point(&m.point).distance(pos)))
            .filter(|(_, d)| *d < 12.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(m, _)| *m)
    });
    // Dense form: the cell under the pointer, when no toll mark is nearer.
    let cell = match (hover, response.hover_pos()) {
        (None, Some(pos)) if !data.cells.is_empty() => {
            let v = resp.transform.value_from_position(pos);
            let [w, h] = data.cell_size;
            data.cells.iter().find(|c| (v.x - c.center.x).abs() <= w / 2.0 && (v.y - c.center.y).abs() <= h / 2.0)
        }
        _ => None,
    };
    if let Some(c) = cell {
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(420.0);
            let day = x_day(c.center.x).map(fmt_day).unwrap_or_default();
            let lo = from_y(c.center.y - data.cell_size[1] / 2.0, log).max(0.0);
            let hi = from_y(c.center.y + data.cell_size[1] / 2.0, log);
            ui.label(
                egui::RichText::new(format!(
                    "{} incident claims, {day}, figures {:.0}–{:.0}",
                    fmt_num(u64::from(c.count)),
                    lo.ceil(),
                    hi.floor()
                ))
                .family(crate::app::theme::bold()),
            );
            for (side, n) in c.sides.iter().take(6) {
                ui.label(format!("{}: {}", side.as_deref().unwrap_or("no known side"), fmt_num(u64::from(*n))));
            }
            ui.weak("Click to select one of them and open its article.");
        });
        if response.clicked() {
            out.push(Command::Select(Selection::Claim(c.claim)));
        }
    }
    if let Some(m) = hover {
        if let Some(c) = ctx.model.data.claims.get(m.claim) {
            response.clone().on_hover_ui_at_pointer(|ui| {
                claim_tooltip(ui, ctx, m.claim, c);
                if m.count > 1 {
                    ui.weak(format!("{} more claims by this claimant on this day with about this figure are drawn here.", m.count - 1));
                }
            });
        }
        if response.clicked() {
            out.push(Command::Select(Selection::Claim(m.claim)));
        }
    }
    if data.claims == 0 {
        let msg = if s.selected_place().is_some() {
            "No casualty figures name this place. Press Esc to clear the selection."
        } else {
            "No casualty figures in this corpus."
        };
        ui.painter().text(resp.response.rect.center(), egui::Align2::CENTER_CENTER, msg, egui::FontId::proportional(14.0), pal.weak);
    }
}

/// At most this many historical figures are listed (each figure once, with how many
/// reports give it; laying out thousands of distinct figures every frame would stall).
pub const MAX_HISTORICAL: usize = 100;

/// The list of historical figures (kept out of the series), for the side of the plot: each
/// figure once, the most reported first, with its number of reports; a click selects a
/// report of it, and clicking it again the next one.
pub fn historical(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
    let hist = &ctx.visible.plot.historical;
    ui.label(egui::RichText::new("Historical figures (not plotted)").family(crate::app::theme::bold()));
    if hist.is_empty() {
        ui.weak("None.");
        return;
    }
    let selected_claim = match ctx.state.selection {
        Selection::Claim(i) => Some(i),
        _ => None,
    };
    for figure in hist.iter().take(MAX_HISTORICAL) {
        // The report shown: the selected one of this figure, else its first.
        let shown = selected_claim.filter(|&i| figure.contains(i)).or(figure.claims.first().copied());
        let Some(i) = shown else { continue };
        let Some(c) = ctx.model.data.claims.get(i) else { continue };
        let selected = selected_claim == Some(i);
        let n = figure.claims.len();
        let reports = if n > 1 {
            format!(" · {} reports in {} articles", fmt_num(n as u64), fmt_num(figure.articles as u64))
        } else {
            String::new()
        };
        let text = format!("{} {} — {}{reports}", hedge_word(c.hedge), fmt_num(c.figure()), ellipsize(&c.sentence, 90));
        let r =
            ui.add(egui::Button::selectable(selected, egui::RichText::new(text)).wrap_mode(egui::TextWrapMode::Wrap)).on_hover_ui(|ui| {
                claim_tooltip(ui, ctx, i, c);
                if n > 1 {
                    ui.separator();
                    ui.weak(format!("{} reports give this figure; click again for the next one.", fmt_num(n as u64)));
                }
            });
        if r.clicked()
            && let Some(next) = figure.next_after(selected_claim)
        {
            out.push(Command::Select(Selection::Claim(next)));
        }
    }
    if hist.len() > MAX_HISTORICAL {
        ui.weak(format!(
            "Showing the {MAX_HISTORICAL} most reported of {} historical figures: select a place to narrow them.",
            fmt_num(hist.len() as u64)
        ));
    }
}

/// "more than", "about", ... ("" for exact).
pub fn hedge_word(h: Hedge) -> &'static str {
    match h {
        Hedge::Exact => "",
        Hedge::AtLeast => "at least",
        Hedge::MoreThan => "more than",
        Hedge::About => "about",
        Hedge::UpTo => "up to",
    }
}

/// 30000 → "30,000".
pub fn fmt_num(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Cut a string to at most `n` characters, with an ellipsis.
pub fn ellipsize(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// One-line summary of a claim: "more than 450 civilians killed, 33 wounded (toll)".
pub fn claim_summary(c: &Claim) -> String {
    let mut parts = Vec::new();
    let who = match c.category {
        Category::Civilian => "civilians",
        Category::Military => "soldiers",
        Category::Unspecified => "people",
    };
    let hedge = hedge_word(c.hedge);
    let hedge = if hedge.is_empty() { String::new() } else { format!("{hedge} ") };
    if let Some(k) = c.killed {
        parts.push(format!("{hedge}{} {who} killed", fmt_num(k)));
    }
    if let Some(w) = c.wounded {
        parts.push(format!("{} wounded", fmt_num(w)));
    }
    let scope = match c.scope {
        Scope::Incident => "incident",
        Scope::Toll => "cumulative toll",
        Scope::Historical => "historical",
    };
    format!("{} ({scope})", parts.join(", "))
}

fn claim_tooltip(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, i: usize, c: &Claim) {
    ui.set_max_width(420.0);
    ui.label(egui::RichText::new(claim_summary(c)).family(crate::app::theme::bold()));
    let who = c.claimant.as_deref().unwrap_or("the outlet, in its own voice");
    let side = c.claimant_side.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
    ui.label(format!("Claimed by {who}{side}"));
    let article = ctx.model.article(&c.article);
    let outlet = article.and_then(|a| a.outlet.as_deref()).unwrap_or("unknown outlet");
    let date = ctx.model.item_date(ItemRef::Claim(i), ctx.state.axis).map(fmt_day).unwrap_or_else(|| "undated".into());
    let basis = match c.date_basis {
        crate::model::DateBasis::Explicit => "",
        crate::model::DateBasis::Relative => " (date inferred from a relative expression)",
        crate::model::DateBasis::Article => " (date of the article)",
        crate::model::DateBasis::Unknown => " (date unknown)",
    };
    ui.label(format!("Reported by {outlet}, {date}{basis}"));
    if let Some(p) = c.place.as_deref().and_then(|p| ctx.model.place(p)) {
        ui.label(format!("Place: {}", p.name));
    }
    ui.separator();
    ui.label(egui::RichText::new(format!("“{}”", c.sentence.trim())).italics());
    ui.weak("Click to select and open the article.");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::AppState;
    use crate::model::{Model, TimeAxis};

    fn model() -> Option<Model> {
        crate::Engine::embedded().ok().map(|e| Model::new(e.extract_embedded()))
    }

    fn key(place: Option<&str>) -> PlotKey {
        PlotKey { axis: TimeAxis::Event, measure: Measure::Killed, log: true, place: place.map(str::to_owned) }
    }

    #[test]
    fn historical_figures_are_grouped_most_reported_first() {
        let engine = crate::Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
        let synth = crate::synth::Synth::new(&engine.gazetteer, &engine.actors);
        let m = Model::new(engine.extract_documents(crate::synth::documents(&synth, 60, 7)));
        let data = PlotData::build(&m, &key(None));
        let keys = m.claim_keys();
        let historical: Vec<usize> = (0..m.data.claims.len()).filter(|&i| m.data.claims[i].scope == Scope::Historical).collect();
        // Every historical claim is in exactly one figure, and a figure's claims agree.
        let mut all: Vec<usize> = data.historical.iter().flat_map(|g| g.claims.iter().copied()).collect();
        all.sort_unstable();
        assert_eq!(all, historical);
        assert!(data.historical.len() > 1 && data.historical.len() < historical.len(), "{} figures", data.historical.len());
        let figure = |i: usize| (keys[i].hedge, keys[i].killed, keys[i].wounded);
        let mut seen = std::collections::HashSet::new();
        for g in &data.historical {
            assert!(g.claims.windows(2).all(|w| w[0] < w[1] && figure(w[0]) == figure(w[1])));
            assert!(seen.insert(figure(g.claims[0])), "one entry per figure");
            assert!(g.articles >= 1 && g.articles <= g.claims.len());
        }
        assert!(data.historical.windows(2).all(|w| w[0].claims.len() >= w[1].claims.len()));
        // Clicks walk through a figure's reports and come back to the first.
        let g = &data.historical[0];
        let mut at = g.next_after(None);
        assert_eq!(at, g.claims.first().copied());
        for _ in 0..g.claims.len() {
            at = g.next_after(at);
        }
        assert_eq!(at, g.claims.first().copied());
        assert_eq!(g.next_after(Some(usize::MAX)), g.claims.first().copied(), "a claim of another figure starts again");
    }

    #[test]
    fn marks_account_for_every_plotted_claim() {
        let Some(m) = model() else { return };
        let data = PlotData::build(&m, &key(None));
        assert!(data.cells.is_empty(), "the embedded corpus is drawn in detail");
        let total: u32 = data.marks.iter().map(|k| k.count).sum();
        assert_eq!(total as usize, data.claims);
        assert!(data.claims > 0);
        // The representative claims are plotted ones: never historical.
        assert!(data.marks.iter().all(|k| m.data.claims[k.claim].scope != Scope::Historical));
        assert!(data.historical.iter().flat_map(|g| &g.claims).all(|&i| m.data.claims[i].scope == Scope::Historical));
    }

    /// A model of `n` generated articles.
    fn synthetic(n: usize) -> Option<Model> {
        let engine = crate::Engine::embedded().ok()?;
        let synth = crate::synth::Synth::new(&engine.gazetteer, &engine.actors);
        let docs = crate::synth::documents(&synth, n, 7);
        Some(Model::new(engine.extract_documents(docs)))
    }

    /// Each cell of the dense form counts the incidents (not tolls) of `plotted` (scope, x,
    /// y) on its day and in its row of figures.
    fn assert_cells_count_their_day_and_row(data: &PlotData, plotted: impl Iterator<Item = (Scope, f64, f64)>) {
        let bin = data.cell_size[1];
        let mut want: std::collections::BTreeMap<(i64, i64), u32> = Default::default();
        for (_, x, y) in plotted.filter(|p| p.0 != Scope::Toll) {
            *want.entry((x as i64, ((y / bin).floor() as i64).clamp(0, DENSE_BINS as i64))).or_default() += 1;
        }
        let got: std::collections::BTreeMap<(i64, i64), u32> =
            data.cells.iter().map(|c| ((c.center.x as i64, (c.center.y / bin - 0.5).round() as i64), c.count)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn many_claims_switch_to_the_dense_form_and_keep_every_claim() {
        let Some(m) = synthetic(600) else { return };
        let data = PlotData::build(&m, &key(None));
        assert!(!data.cells.is_empty(), "{} claims are drawn as cells", data.claims);
        let k = key(None);
        let plotted = m.data.claims.iter().enumerate().filter(|(_, c)| c.scope != Scope::Historical).filter_map(|(i, c)| {
            let (f, d) = (figure(c, k.measure)?, m.item_date(ItemRef::Claim(i), k.axis)?);
            Some((c.scope, day_x(d), to_y(f as f64, k.log)))
        });
        assert_cells_count_their_day_and_row(&data, plotted);
        assert!(data.marks.len() < DETAIL_LIMIT);
        let in_cells: u32 = data.cells.iter().map(|c| c.count).sum();
        let in_marks: u32 = data.marks.iter().map(|c| c.count).sum();
        assert_eq!((in_cells + in_marks) as usize, data.claims);
        // One place's claims are few enough to be drawn in detail.
        let place = m.data.places.iter().map(|p| p.id.as_str()).find(|p| {
            let n = m.data.claims.iter().filter(|c| c.place.as_deref() == Some(*p)).count();
            (5..200).contains(&n)
        });
        let Some(place) = place else { panic!("a place with a few claims") };
        let data = PlotData::build(&m, &key(Some(place)));
        assert!(data.cells.is_empty() && !data.marks.is_empty());
        assert_eq!(data.marks.iter().map(|k| k.count).sum::<u32>() as usize, data.claims);
    }

    #[test]
    fn dense_form_keeps_every_claim_in_a_cell_or_a_toll_mark() {
        let Some(m) = model() else { return };
        let k = key(None);
        let plotted: Vec<(usize, &ClaimKey, f64, f64)> = m
            .data
            .claims
            .iter()
            .zip(m.claim_keys())
            .enumerate()
            .filter(|(_, (c, _))| c.scope != Scope::Historical)
            .filter_map(|(i, (c, ck))| Some((i, ck, day_x(c.date?), to_y(c.killed? as f64, k.log))))
            .collect();
        let data = PlotData::build_dense(&m, plotted.iter().copied(), plotted.len(), 4.0, 4.35, Vec::new());
        assert_eq!(data.claims, plotted.len());
        let in_cells: u32 = data.cells.iter().map(|c| c.count).sum();
        let in_marks: u32 = data.marks.iter().map(|c| c.count).sum();
        assert_eq!((in_cells + in_marks) as usize, plotted.len());
        for c in &data.cells {
            assert_eq!(c.sides.iter().map(|s| s.1).sum::<u32>(), c.count);
            assert!(m.data.claims[c.claim].scope == Scope::Incident);
        }
        assert_cells_count_their_day_and_row(&data, plotted.iter().map(|&(_, k, x, y)| (k.scope, x, y)));
        // One toll mark per series and day, at the day's highest toll.
        for s in &data.series {
            assert!(s.toll_line.windows(2).all(|w| w[0].x < w[1].x), "{}", s.name);
        }
    }

    #[test]
    fn plot_data_follows_the_selected_place_not_the_cursor() {
        let Some(m) = model() else { return };
        let mut state = AppState { cursor: m.busiest_day(TimeAxis::Event), ..AppState::default() };
        let mut data = PlotData::default();
        assert!(data.update(&m, &state));
        state.cursor = m.span(TimeAxis::Event).map(|s| s.0);
        assert!(!data.update(&m, &state), "moving the cursor keeps the plot data");
        state.selection = crate::app::state::Selection::Place("ganja".into());
        assert!(data.update(&m, &state));
        assert!(data.marks.iter().all(|k| m.claim_touches_place(k.claim, "ganja")));
    }

    #[test]
    fn toggling_back_shows_the_kept_plot_data() {
        let Some(m) = model() else { return };
        let mut state = AppState::default();
        let mut data = PlotData::default();
        let shown = |d: &PlotData| format!("{:?}", (&d.series, &d.marks, &d.cells, &d.sides, d.top, &d.historical));
        assert!(data.update(&m, &state));
        let (killed, killed_marks) = (shown(&data), data.marks.as_ptr());
        state.measure = Measure::Wounded;
        assert!(data.update(&m, &state));
        assert_ne!(shown(&data), killed);
        state.measure = Measure::Killed;
        assert!(data.update(&m, &state), "a changed key is news to the view");
        assert_eq!(shown(&data), killed);
        assert_eq!(data.marks.as_ptr(), killed_marks, "the kept data, not a new build");
        // Each kept plot is the one its key builds; only the last few are kept.
        for (measure, log, axis, place) in [
            (Measure::Wounded, true, TimeAxis::Event, None),
            (Measure::Killed, true, TimeAxis::Published, None),
            (Measure::Killed, false, TimeAxis::Published, Some("ganja")),
            (Measure::Wounded, false, TimeAxis::Event, Some("ganja")),
            (Measure::Killed, false, TimeAxis::Event, Some("stepanakert")),
        ] {
            state.measure = measure;
            state.log_scale = log;
            state.axis = axis;
            state.selection = place.map_or(crate::app::state::Selection::None, |p| crate::app::state::Selection::Place(p.into()));
            data.update(&m, &state);
            assert!(data.recent.len() <= RECENT_PLOTS && data.recent.iter().all(|r| r.key.is_some() && r.key != data.key));
            for r in &data.recent {
                let Some(key) = &r.key else { continue };
                assert_eq!(shown(r), shown(&PlotData::build(&m, key)), "{key:?}");
            }
        }
        assert_eq!(data.recent.len(), RECENT_PLOTS);
        // The first plot was dropped (five others since), so it is built anew.
        assert!(data.update(&m, &AppState::default()));
        assert_eq!(shown(&data), killed);
    }
}
