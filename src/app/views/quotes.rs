//! The quotes list: the quotes in the time window and selection (or, while searching, every
//! matching quote), each with speaker, outlet, date and place chips; clicking a quote selects
//! it and opens its article with the quote highlighted. Also the search box (Ctrl+F) and the
//! articles that match the search.

use eframe::egui;
use egui::{RichText, Sense, Stroke};

use super::{ViewCtx, chip, fmt_day};
use crate::app::command::Command;
use crate::app::state::Selection;
use crate::model::{DateBasis, ItemRef};

/// The label in front of the search box (its accessible name).
pub const SEARCH_LABEL_SHORT: &str = "Search";

/// At most this many quote cards are laid out (a 10,000-article corpus can have tens of
/// thousands of quotes up to the cursor; laying them all out every frame would stall).
pub const MAX_CARDS: usize = 200;

/// The search box.
pub fn search_box(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label(SEARCH_LABEL_SHORT);
        let mut text = ctx.state.search.clone();
        let resp = ui
            .add(egui::TextEdit::singleline(&mut text).hint_text("Search quotes and articles (Ctrl+F)").desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if resp.changed() {
            out.push(Command::SetSearch(text));
        }
        if ctx.state.focus_search {
            resp.request_focus();
        }
    });
}

/// The list.
pub fn show(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
    let s = ctx.state;
    // The results shown are those of the last finished search; a newer one may still run.
    let searched = ctx.visible.searched();
    let searching = !searched.is_empty();
    // Header: what is shown.
    ui.horizontal_wrapped(|ui| {
        let n = ctx.visible.quotes.len();
        let what = if searching {
            format!("{n} quote{} matching “{searched}”", if n == 1 { "" } else { "s" })
        } else {
            format!("{n} quote{} in the window", if n == 1 { "" } else { "s" })
        };
        ui.label(RichText::new(what).family(crate::app::theme::bold()));
        if let Some(p) = s.selected_place().and_then(|p| ctx.model.place(p)) {
            ui.label(format!("at {}", p.name));
            if chip(ui, "× clear", "Clear the selection (Esc)", None).clicked() {
                out.push(Command::ClearSelection);
            }
        }
        if let Some(next) = ctx.visible.searching() {
            ui.add(egui::Spinner::new().size(12.0));
            ui.weak(format!("searching “{next}”…"));
        }
    });
    if ctx.visible.quotes.is_empty() && ctx.visible.searching().is_none() {
        ui.weak(if searching {
            "No quote matches."
        } else if s.selected_place().is_some() {
            "No quote in this window names the selected place. Widen the window or press Esc."
        } else {
            "No quotes in this window. Drag the time slider or widen the window."
        });
    }
    egui::ScrollArea::vertical().id_salt("quotes_scroll").auto_shrink([false, false]).show_viewport(ui, |ui, viewport| {
        // Only the cards in (or near) the viewport are laid out; the others take their
        // remembered height (an estimate until first shown) and stay clickable, accessible
        // buttons with the same name, so a long list costs little per frame.
        let heights_id = ui.scope_id().with("quote_card_heights");
        let width = ui.available_width();
        let mut heights: CardHeights = ui.data_mut(|d| d.get_temp(heights_id)).unwrap_or_default();
        if (heights.width - width).abs() > 0.5 {
            heights = CardHeights { width, ..Default::default() };
        }
        let origin = ui.cursor().top();
        let near = viewport.expand2(egui::vec2(0.0, 200.0));
        let mut changed = false;
        for &i in ctx.visible.quotes.shown() {
            let y = ui.cursor().top() - origin;
            let h = heights.of.get(&i).copied().unwrap_or(ESTIMATED_CARD_HEIGHT);
            if y + h < near.top() || y > near.bottom() {
                card_placeholder(ui, ctx, i, h, out);
            } else {
                let got = quote_card(ui, ctx, i, out);
                if (got - h).abs() > 0.5 || !heights.of.contains_key(&i) {
                    heights.of.insert(i, got);
                    changed = true;
                }
            }
            ui.add_space(4.0);
        }
        if changed {
            ui.data_mut(|d| d.insert_temp(heights_id, heights));
        }
        if ctx.visible.quotes.len() > MAX_CARDS {
            ui.weak(format!(
                "Showing the first {MAX_CARDS} of {} quotes: narrow the window, select a place or search.",
                ctx.visible.quotes.len()
            ));
        }
        if searching && !ctx.visible.article_hits().is_empty() {
            ui.separator();
            ui.label(RichText::new("Articles containing the text").family(crate::app::theme::bold()));
            let hits = ctx.visible.article_hits();
            for hit in hits.iter().take(MAX_ARTICLE_HITS) {
                let Some(article) = ctx.model.data.articles.get(hit.article) else { continue };
                let text = format!("{} ({}×)", article.title, hit.count);
                if ui.link(text).on_hover_text("Open the article at the first match").clicked() {
                    out.push(Command::OpenArticle { article: hit.article, start: hit.first.start, end: hit.first.end });
                }
            }
            if hits.len() > MAX_ARTICLE_HITS {
                ui.weak(format!(
                    "… and {} more articles: these {MAX_ARTICLE_HITS} contain it most often. Longer text narrows the search.",
                    hits.len() - MAX_ARTICLE_HITS
                ));
            }
        }
    });
}

/// Articles listed under the quotes while searching (those containing the text most often):
/// more links than this are more than anyone reads, and each costs layout every frame.
pub const MAX_ARTICLE_HITS: usize = 50;

/// Height of a quote card not yet laid out, in points.
const ESTIMATED_CARD_HEIGHT: f32 = 96.0;

/// Heights of laid-out quote cards at one list width (egui temporary memory).
#[derive(Debug, Clone, Default)]
struct CardHeights {
    width: f32,
    of: std::collections::HashMap<usize, f32>,
}

/// The accessible name of a quote card: "Quote by SPEAKER: first words…".
fn card_label(q: &crate::model::Quote) -> String {
    let speaker = q.speaker.as_deref().unwrap_or("Unattributed");
    format!("Quote by {speaker}: {}", super::casualty_plot::ellipsize(&q.text, 60))
}

/// A card outside the viewport: its space, its name and its click, nothing drawn.
fn card_placeholder(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, i: usize, height: f32, out: &mut Vec<Command>) {
    let Some(q) = ctx.model.data.quotes.get(i) else { return };
    let selected = ctx.state.selection == Selection::Quote(i);
    let (_, resp) = ui.allocate_exact_size(egui::vec2(ui.available_width(), height), Sense::click());
    resp.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, card_label(q)));
    if resp.clicked() {
        select_quote(ctx, i, q, out);
    }
}

fn select_quote(ctx: &ViewCtx<'_>, i: usize, q: &crate::model::Quote, out: &mut Vec<Command>) {
    out.push(Command::Select(Selection::Quote(i)));
    if let Some(a) = ctx.model.article_index(&q.article) {
        out.push(Command::OpenArticle { article: a, start: q.start, end: q.end });
    }
}

/// Lay out one card; returns its height.
fn quote_card(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, i: usize, out: &mut Vec<Command>) -> f32 {
    let Some(q) = ctx.model.data.quotes.get(i) else { return 0.0 };
    let pal = ctx.palette;
    let selected = ctx.state.selection == Selection::Quote(i);
    let side_color = pal.side(q.speaker_side.as_deref());
    let stroke = if selected { Stroke::new(2.0, pal.selection) } else { ui.visuals().widgets.noninteractive.bg_stroke };
    let fill = if selected { pal.selection.gamma_multiply(0.08) } else { ui.visuals().faint_bg_color };
    let speaker = q.speaker.as_deref().unwrap_or("Unattributed");
    let accessible = card_label(q);
    let inner = ui.scope_builder(egui::UiBuilder::new().id_salt(("quote", i)).sense(Sense::click()), |ui| {
        egui::Frame::new().stroke(stroke).fill(fill).corner_radius(6.0).inner_margin(egui::Margin::symmetric(8, 6)).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.style_mut().interaction.selectable_labels = false;
            ui.horizontal_wrapped(|ui| {
                let (r, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
                ui.painter().circle_filled(r.center(), 5.0, side_color);
                ui.label(RichText::new(speaker).family(crate::app::theme::bold()));
                if let Some(side) = &q.speaker_side {
                    ui.weak(format!("({side})"));
                }
            });
            ui.label(RichText::new(format!("“{}”", q.text)).size(14.0));
            ui.horizontal_wrapped(|ui| {
                let article = ctx.model.article(&q.article);
                let outlet = article.and_then(|a| a.outlet.as_deref()).unwrap_or("unknown outlet");
                let title = article.map(|a| a.title.as_str()).unwrap_or("");
                chip(ui, &super::casualty_plot::ellipsize(outlet, 28), &format!("Outlet: {outlet}\n{title}"), None);
                let date = ctx.model.item_date(ItemRef::Quote(i), ctx.state.axis);
                let (label, hover) = match (date, q.date_basis) {
                    (None, _) => ("undated".to_owned(), "No date found"),
                    (Some(d), DateBasis::Explicit) => (fmt_day(d), "Date stated in the text"),
                    (Some(d), DateBasis::Relative) => (format!("≈ {}", fmt_day(d)), "Date inferred from a relative expression"),
                    (Some(d), _) => (format!("≈ {}", fmt_day(d)), "Date of the article (no date in the sentence)"),
                };
                chip(ui, &label, hover, None);
                for p in &q.places {
                    let Some(place) = ctx.model.place(p) else { continue };
                    let r = chip(ui, &place.name, &format!("{} ({}): select it on the map", place.name, place.kind), None);
                    if r.clicked() {
                        out.push(Command::Select(Selection::Place(p.to_string())));
                    }
                }
            });
        });
    });
    let resp = inner.response;
    resp.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &accessible));
    if resp.clicked() {
        select_quote(ctx, i, q, out);
    }
    if resp.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    resp.rect.height()
}
