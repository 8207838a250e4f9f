//! The timeline: playback and stepping controls, window width, event/publication date toggle,
//! and the time strip: per-day density bars, truce markers, the window, the selected item's
//! day and the draggable time cursor (an accessible slider named "Time cursor").

use chrono::{Datelike, Duration, NaiveDate};
use eframe::egui;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use super::{ViewCtx, fmt_day};
use crate::app::command::Command;
use crate::app::state::{SPEEDS, WindowWidth};
use crate::model::{Model, TimeAxis};

/// Height of the time strip in points.
pub const STRIP_HEIGHT: f32 = 78.0;

/// Horizontal inset of the day columns inside the strip, in points.
pub const STRIP_INSET: f32 = 4.0;

/// Unique truce days within 30 days of the span `lo..=hi`.
pub fn truce_days(model: &Model, lo: NaiveDate, hi: NaiveDate) -> Vec<NaiveDate> {
    model.truce_days().iter().copied().filter(|t| *t >= lo - Duration::days(30) && *t <= hi + Duration::days(30)).collect()
}

/// The days the strip shows: (first day, number of day columns). The corpus span on the
/// axis, widened to nearby truces (the last ceasefire may fall after the last article),
/// plus one day on each side. `None` when nothing is dated.
pub fn strip_days(model: &Model, axis: TimeAxis) -> Option<(NaiveDate, i64)> {
    let (lo, hi) = model.span(axis)?;
    let truces = truce_days(model, lo, hi);
    let view_lo = truces.first().map_or(lo, |t| (*t).min(lo));
    let view_hi = truces.last().map_or(hi, |t| (*t).max(hi));
    Some((view_lo - Duration::days(1), (view_hi - view_lo).num_days() + 3))
}

/// Controls row plus the strip.
pub fn show(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
    let s = ctx.state;
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("⇤").on_hover_text("First day (Home)").clicked() {
            out.push(Command::JumpToEnd(false));
        }
        if ui.button("◀ Day").on_hover_text("Previous day (←)").clicked() {
            out.push(Command::Step(-1));
        }
        let play = if s.playing { "‖ Pause" } else { "▶ Play" };
        if ui.button(play).on_hover_text("Play or pause (Space)").clicked() {
            out.push(Command::Play(!s.playing));
        }
        if ui.button("Day ▶").on_hover_text("Next day (→)").clicked() {
            out.push(Command::Step(1));
        }
        if ui.button("⇥").on_hover_text("Last day (End)").clicked() {
            out.push(Command::JumpToEnd(true));
        }
        egui::ComboBox::from_label("Speed").selected_text(format!("{} day/s", s.speed)).width(80.0).show_ui(ui, |ui| {
            for sp in SPEEDS {
                if ui.selectable_label(s.speed == sp, format!("{sp} day/s")).clicked() {
                    out.push(Command::SetSpeed(sp));
                }
            }
        });
        ui.separator();
        ui.label("Window:");
        for w in WindowWidth::ALL {
            if ui
                .selectable_label(s.window == w, w.label())
                .on_hover_text("How many days up to the cursor the map, plot and quotes show")
                .clicked()
            {
                out.push(Command::SetWindow(w));
            }
        }
        ui.separator();
        ui.label("Date by:");
        if ui.selectable_label(s.axis == TimeAxis::Event, "Event date").on_hover_text("Place items on the day things happened").clicked() {
            out.push(Command::SetAxis(TimeAxis::Event));
        }
        if ui
            .selectable_label(s.axis == TimeAxis::Published, "Publication date")
            .on_hover_text("Place items on the day the article came out: what was known that day")
            .clicked()
        {
            out.push(Command::SetAxis(TimeAxis::Published));
        }
        ui.separator();
        if let Some(c) = s.cursor {
            ui.label(egui::RichText::new(c.format("%a %-d %B %Y").to_string()).family(crate::app::theme::bold()).size(16.0));
        }
    });
    ui.add_space(2.0);
    strip(ui, ctx, out);
}

/// Maps days to x positions on the strip.
struct Scale {
    first: NaiveDate,
    days: i64,
    rect: Rect,
}

impl Scale {
    fn day_width(&self) -> f32 {
        self.rect.width() / self.days as f32
    }
    fn x(&self, d: NaiveDate) -> f32 {
        self.rect.left() + ((d - self.first).num_days() as f32 + 0.5) * self.day_width()
    }
    fn day_at(&self, x: f32) -> NaiveDate {
        let i = ((x - self.rect.left()) / self.day_width()).floor() as i64;
        self.first + Duration::days(i.clamp(0, self.days - 1))
    }
}

fn strip(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
    let pal = ctx.palette;
    let width = ui.available_width();
    let (rect, resp) = ui.allocate_exact_size(Vec2::new(width, STRIP_HEIGHT), Sense::click_and_drag());
    let Some((lo, hi)) = ctx.model.span(ctx.state.axis) else {
        ui.painter().text(rect.center(), Align2::CENTER_CENTER, "No dated items", FontId::proportional(14.0), pal.weak);
        resp.widget_info(|| egui::WidgetInfo::slider(false, 0.0, "Time cursor"));
        return;
    };
    let truces = truce_days(ctx.model, lo, hi);
    let Some((first, days)) = strip_days(ctx.model, ctx.state.axis) else { return };
    let bars = Rect::from_min_max(rect.min + Vec2::new(0.0, 16.0), rect.max - Vec2::new(0.0, 18.0));
    let sc = Scale { first, days, rect: Rect::from_x_y_ranges(rect.x_range().shrink(STRIP_INSET), bars.y_range()) };
    let painter = ui.painter_at(rect);
    let bg = if pal.dark { Color32::from_gray(30) } else { Color32::from_gray(246) };
    painter.rect_filled(rect, 4.0, bg);

    let cursor = ctx.state.cursor.unwrap_or(hi);
    let value = (cursor - lo).num_days() as f64;
    resp.widget_info(|| egui::WidgetInfo::slider(true, value, "Time cursor"));
    let resp = resp.on_hover_text(format!("Drag to move the time cursor ({}); {} to {}", fmt_day(cursor), fmt_day(lo), fmt_day(hi)));

    // The window.
    let range = ctx.state.range();
    let wl = range.from.map_or(sc.rect.left(), |f| sc.x(f) - sc.day_width() / 2.0);
    let wr = sc.x(cursor) + sc.day_width() / 2.0;
    let window_fill = pal.cursor.gamma_multiply(if pal.dark { 0.10 } else { 0.14 });
    painter.rect_filled(Rect::from_x_y_ranges(wl..=wr, rect.y_range()), 0.0, window_fill);

    // Density bars.
    let density = ctx.model.density(ctx.state.axis);
    let max = density.values().map(|c| c.total()).max().unwrap_or(1).max(1) as f32;
    let bw = (sc.day_width() * 0.7).max(1.0);
    for (d, c) in density {
        let h = bars.height() * (c.total() as f32 / max).sqrt();
        let x = sc.x(*d);
        let r = Rect::from_min_max(Pos2::new(x - bw / 2.0, bars.bottom() - h), Pos2::new(x + bw / 2.0, bars.bottom()));
        let in_window = range.contains(Some(*d));
        let col = if in_window { pal.density } else { pal.density.gamma_multiply(0.55) };
        painter.rect_filled(r, 1.0, col);
        if c.claims > 0 {
            let hc = (h * c.claims as f32 / c.total().max(1) as f32).max(2.0);
            let rc = Rect::from_min_max(Pos2::new(x - bw / 2.0, bars.bottom() - hc), Pos2::new(x + bw / 2.0, bars.bottom()));
            painter.rect_filled(rc, 1.0, crate::app::theme::okabe_ito::VERMILLION.gamma_multiply(0.85));
        }
    }

    // Truce markers (unique days).
    for t in &truces {
        let x = sc.x(*t);
        painter.extend(egui::Shape::dashed_line(
            &[Pos2::new(x, rect.top() + 14.0), Pos2::new(x, bars.bottom())],
            Stroke::new(1.5, pal.truce),
            4.0,
            3.0,
        ));
        painter.text(Pos2::new(x, rect.top() + 2.0), Align2::CENTER_TOP, "truce", FontId::proportional(11.0), pal.truce);
    }

    // Selected item's day.
    if let Some(d) = ctx.visible.selected_day {
        let x = sc.x(d);
        painter.circle_stroke(Pos2::new(x, bars.bottom() - 6.0), 6.0, Stroke::new(2.5, pal.selection));
    }

    // Day ticks.
    let step = tick_step(sc.day_width());
    let mut d = first;
    let font = FontId::proportional(11.0);
    while d <= first + Duration::days(days - 1) {
        let x = sc.x(d);
        let major = d.day() == 1 || (d - first).num_days() % step == 0;
        if major {
            painter.line_segment([Pos2::new(x, bars.bottom()), Pos2::new(x, bars.bottom() + 3.0)], Stroke::new(1.0, pal.weak));
            let label = if d.day() == 1 || d == first { d.format("%-d %b").to_string() } else { d.format("%-d").to_string() };
            painter.text(Pos2::new(x, bars.bottom() + 3.0), Align2::CENTER_TOP, label, font.clone(), pal.weak);
        }
        d += Duration::days(1);
    }

    // Cursor.
    let x = sc.x(cursor);
    painter.line_segment([Pos2::new(x, rect.top()), Pos2::new(x, bars.bottom())], Stroke::new(2.5, pal.cursor));
    let knob = Rect::from_center_size(Pos2::new(x, rect.top() + 6.0), Vec2::new(12.0, 12.0));
    painter.rect_filled(knob, 3.0, pal.cursor);

    // Interaction: press or drag anywhere on the strip moves the cursor.
    if (resp.dragged() || resp.clicked() || resp.is_pointer_button_down_on())
        && let Some(p) = resp.interact_pointer_pos()
    {
        let day = sc.day_at(p.x).clamp(lo, hi);
        if Some(day) != ctx.state.cursor {
            out.push(Command::SetTime(day));
        }
    }
}

/// Days between labelled ticks so labels (about 40 points wide) do not collide.
fn tick_step(day_width: f32) -> i64 {
    for step in [1, 2, 3, 7, 14] {
        if day_width * step as f32 >= 36.0 {
            return step;
        }
    }
    30
}
