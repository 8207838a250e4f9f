//! Problems: files that could not be read (never fatal, never hidden) and capitalised names
//! that are not in the gazetteer or actor list, so a user can extend them.
//!
//! Both lists can be long (an archive in Windows-1252 gives a problem per file; a scraper's
//! JSON Lines dump one per bad line), so their rows have a fixed height and only the rows in
//! view are laid out: 10,000 problems cost what 20 do.

use eframe::egui;
use egui::RichText;

use super::ViewCtx;
use crate::app::command::Command;

/// Number of entries the Problems tab lists (for its title).
pub fn count(ctx: &ViewCtx<'_>) -> usize {
    ctx.model.data.problems.len() + ctx.model.data.unknown_names.len()
}

/// Draw the list.
pub fn show(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, _out: &mut Vec<Command>) {
    let d = &ctx.model.data;
    egui::ScrollArea::vertical().id_salt("problems_scroll").auto_shrink([false, false]).show_viewport(ui, |ui, viewport| {
        // The viewport is in content coordinates: relative to the top of the content.
        let origin = ui.min_rect().top();
        ui.label(RichText::new(format!("Files with problems ({})", d.problems.len())).family(crate::app::theme::bold()));
        if d.problems.is_empty() {
            ui.weak("Every file was read.");
        }
        // A problem: the file on one line, what is wrong indented under it, a gap before the
        // next; the full text on hover.
        let line = ui.text_style_height(&egui::TextStyle::Body).max(ui.text_style_height(&egui::TextStyle::Monospace));
        let row = 2.0 * line + ui.spacing().item_spacing.y + 10.0;
        rows(ui, origin, viewport, d.problems.len(), row, |ui, i| {
            let p = &d.problems[i];
            let full = format!("{}\n{}", p.path, p.message);
            ui.horizontal(|ui| {
                ui.label(RichText::new("▲").color(crate::app::theme::okabe_ito::VERMILLION));
                ui.add(egui::Label::new(RichText::new(&p.path).monospace()).truncate()).on_hover_text(&full);
            });
            ui.horizontal(|ui| {
                ui.add_space(16.0);
                ui.add(egui::Label::new(&p.message).truncate()).on_hover_text(full);
            });
        });
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!("Names not in the gazetteer or actor list ({})", d.unknown_names.len()))
                .family(crate::app::theme::bold()),
        );
        ui.weak(
            "Capitalised names the engine could not place. Add real places to a gazetteer file and open it with --gazetteer FILE --extend.",
        );
        let line = ui.text_style_height(&egui::TextStyle::Body);
        rows(ui, origin, viewport, d.unknown_names.len(), line + 4.0, |ui, i| {
            let n = &d.unknown_names[i];
            ui.horizontal(|ui| {
                ui.add(egui::Label::new(format!("{}×", n.count)).truncate());
                ui.add(egui::Label::new(&n.name).truncate());
            });
        });
    });
}

/// A list of `n` rows of height `row` at the cursor, of which only those in `viewport`
/// (content coordinates; `origin` is the content's top in screen coordinates) are drawn, by
/// `draw` in a row-sized area. The whole list's height is allocated, so the scroll bar and
/// what follows are where they would be with every row drawn.
fn rows(ui: &mut egui::Ui, origin: f32, viewport: egui::Rect, n: usize, row: f32, mut draw: impl FnMut(&mut egui::Ui, usize)) {
    if n == 0 {
        return;
    }
    let top = ui.cursor().top();
    let (list, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), row * n as f32), egui::Sense::hover());
    let (from, to) = (viewport.top() - (top - origin), viewport.bottom() - (top - origin));
    let first = (from / row).floor().max(0.0) as usize;
    let last = ((to / row).ceil().max(0.0) as usize).min(n);
    for i in first..last {
        let rect = egui::Rect::from_min_size(egui::pos2(list.left(), list.top() + row * i as f32), egui::vec2(list.width(), row));
        // A child that does not move the parent's cursor (the list is allocated above).
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect).id_salt(i));
        child.set_clip_rect(rect.intersect(ui.clip_rect()));
        draw(&mut child, i);
    }
}
