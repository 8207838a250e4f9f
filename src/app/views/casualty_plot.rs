//! The casualty plot (egui_plot): one series per claimant and category on a date axis;
//! cumulative tolls as lines, incidents as points, hedged figures as ranges ("more than" and
//! "at least" as an arrow upward, "up to" downward, "about" as a ± bar); historical figures
//! kept out of the series and listed apart; the time window shaded, the cursor and truces as
//! vertical lines. Hover shows the claim and its sentence; click selects it.

use eframe::egui;
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use egui_plot::{Arrows, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoint, Points, Span, VLine};

use super::{ViewCtx, fmt_day};
use crate::app::command::Command;
use crate::app::state::{Measure, Selection};
use crate::app::theme::category_label;
use crate::model::{Category, Claim, Hedge, ItemRef, Scope};

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
        ui.weak("● civilian  ■ military  ◆ unspecified · lines: tolls · ↑ more than · ↓ up to · ± about");
    });

    let points = plotted(ctx);
    let log = s.log_scale;
    // Group into series.
    let mut series: BTreeMap<String, Vec<&PlotClaim>> = BTreeMap::new();
    for p in &points {
        if let Some(c) = ctx.model.data.claims.get(p.claim) {
            series.entry(series_name(c)).or_default().push(p);
        }
    }
    let height = (ui.available_height() - 8.0).max(120.0);
    let span = ctx.model.span(s.axis);
    let range = s.range();
    let cursor = s.cursor;
    let selected_claim = match s.selection {
        Selection::Claim(i) => Some(i),
        _ => None,
    };
    let mut truces: Vec<NaiveDate> = ctx.model.data.truces.iter().map(|t| t.date).collect();
    truces.sort_unstable();
    truces.dedup();

    let mut plot = Plot::new("casualty_plot")
        .height(height)
        .legend(
            Legend::default()
                .position(egui_plot::Corner::LeftTop)
                .text_style(egui::TextStyle::Small)
                .background_alpha(0.85),
        )
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
            if v < 0.5 || (log && (v - v.round()).abs() > 0.01 * v) {
                String::new()
            } else {
                format!("{v:.0}")
            }
        })
        .y_axis_min_width(36.0)
        .include_y(0.0);
    if let Some((lo, hi)) = span {
        plot = plot.include_x(day_x(lo) - 1.0).include_x(day_x(hi) + 1.0);
    }
    let top = points.iter().map(|p| p.point[1]).fold(0.0, f64::max);
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
        for t in &truces {
            pui.vline(VLine::new("", day_x(*t)).color(pal.truce).style(LineStyle::dashed_loose()).width(1.2));
        }
        if let Some(c) = cursor {
            pui.vline(VLine::new("", day_x(c)).color(pal.cursor).width(2.0));
        }
        for (name, pts) in &series {
            let Some(first) = pts.first().and_then(|p| ctx.model.data.claims.get(p.claim)) else { continue };
            let color = pal.side(first.claimant_side.as_deref());
            // Tolls: a line through the series' toll points, in date order.
            let mut tolls: Vec<[f64; 2]> = pts
                .iter()
                .filter(|p| ctx.model.data.claims.get(p.claim).is_some_and(|c| c.scope == Scope::Toll))
                .map(|p| p.point)
                .collect();
            tolls.sort_by(|a, b| a[0].total_cmp(&b[0]));
            if tolls.len() >= 2 {
                pui.line(Line::new(name.clone(), tolls).color(color).width(2.0).allow_hover(false));
            }
            // Points by shape (toll points hollow, incident points filled).
            for filled in [true, false] {
                let xy: Vec<[f64; 2]> = pts
                    .iter()
                    .filter(|p| {
                        ctx.model.data.claims.get(p.claim).is_some_and(|c| (c.scope == Scope::Incident) == filled)
                    })
                    .map(|p| p.point)
                    .collect();
                if xy.is_empty() {
                    continue;
                }
                pui.points(
                    Points::new(name.clone(), xy)
                        .shape(marker(first.category))
                        .color(color)
                        .filled(filled)
                        .radius(5.0)
                        .allow_hover(false),
                );
            }
            // Hedges.
            let mut up_o = Vec::new();
            let mut up_t = Vec::new();
            let mut down_o = Vec::new();
            let mut down_t = Vec::new();
            for p in pts {
                let Some(c) = ctx.model.data.claims.get(p.claim) else { continue };
                let v = from_y(p.point[1], log);
                let [x, y] = p.point;
                match c.hedge {
                    Hedge::MoreThan | Hedge::AtLeast => {
                        up_o.push([x, y]);
                        up_t.push([x, to_y(v * 1.6, log).max(y + if log { 0.0 } else { 5.0 })]);
                    }
                    Hedge::UpTo => {
                        down_o.push([x, y]);
                        down_t.push([x, to_y(v / 1.6, log)]);
                    }
                    Hedge::About => {
                        let band = vec![[x, to_y(v * 0.85, log)], [x, to_y(v * 1.15, log)]];
                        pui.line(Line::new(name.clone(), band).color(color).width(5.0).allow_hover(false));
                    }
                    Hedge::Exact => {}
                }
            }
            if !up_o.is_empty() {
                pui.arrows(Arrows::new(name.clone(), up_o, up_t).color(color).tip_length(8.0).allow_hover(false));
            }
            if !down_o.is_empty() {
                pui.arrows(Arrows::new(name.clone(), down_o, down_t).color(color).tip_length(8.0).allow_hover(false));
            }
        }
        // Selected claim ring.
        if let Some(sel) = selected_claim
            && let Some(p) = points.iter().find(|p| p.claim == sel)
        {
            pui.points(
                Points::new("", vec![p.point])
                    .shape(MarkerShape::Circle)
                    .filled(false)
                    .radius(10.0)
                    .color(pal.selection)
                    .allow_hover(false),
            );
        }
    });
    let response = resp.response.clone();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Casualty plot"));

    // Our own hit test: nearest plotted claim within 12 points of the pointer.
    let hover = response.hover_pos().and_then(|pos| {
        points
            .iter()
            .map(|p| {
                let sp = resp.transform.position_from_point(&PlotPoint::new(p.point[0], p.point[1]));
                (p, sp.distance(pos))
            })
            .filter(|(_, d)| *d < 12.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(p, _)| p.claim)
    });
    if let Some(i) = hover {
        if let Some(c) = ctx.model.data.claims.get(i) {
            response.clone().on_hover_ui_at_pointer(|ui| claim_tooltip(ui, ctx, i, c));
        }
        if response.clicked() {
            out.push(Command::Select(Selection::Claim(i)));
        }
    }
    if points.is_empty() {
        let msg = if s.selected_place().is_some() {
            "No casualty figures name this place. Press Esc to clear the selection."
        } else {
            "No casualty figures in this corpus."
        };
        ui.painter().text(
            resp.response.rect.center(),
            egui::Align2::CENTER_CENTER,
            msg,
            egui::FontId::proportional(14.0),
            pal.weak,
        );
    }
}

/// The list of historical figures (kept out of the series), for the side of the plot.
pub fn historical(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
    let place = ctx.state.selected_place();
    let hist: Vec<(usize, &Claim)> = ctx
        .model
        .data
        .claims
        .iter()
        .enumerate()
        .filter(|(i, c)| c.scope == Scope::Historical && place.is_none_or(|p| ctx.model.claim_touches_place(*i, p)))
        .collect();
    ui.label(egui::RichText::new("Historical figures (not plotted)").family(crate::app::theme::bold()));
    if hist.is_empty() {
        ui.weak("None.");
        return;
    }
    for (i, c) in hist {
        let selected = ctx.state.selection == Selection::Claim(i);
        let text = format!(
            "{} {} — {}",
            hedge_word(c.hedge),
            fmt_num(c.figure()),
            ellipsize(&c.sentence, 90)
        );
        let r = ui
            .add(egui::Button::selectable(selected, egui::RichText::new(text)).wrap_mode(egui::TextWrapMode::Wrap))
            .on_hover_ui(|ui| claim_tooltip(ui, ctx, i, c));
        if r.clicked() {
            out.push(Command::Select(Selection::Claim(i)));
        }
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
