//! Problems: files that could not be read (never fatal, never hidden) and capitalised names
//! that are not in the gazetteer or actor list, so a user can extend them.

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
    egui::ScrollArea::vertical().id_salt("problems_scroll").auto_shrink([false, false]).show(ui, |ui| {
        ui.label(RichText::new(format!("Files with problems ({})", d.problems.len())).family(crate::app::theme::bold()));
        if d.problems.is_empty() {
            ui.weak("Every file was read.");
        }
        for p in &d.problems {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("▲").color(crate::app::theme::okabe_ito::VERMILLION));
                ui.label(RichText::new(&p.path).monospace());
                ui.label(&p.message);
            });
        }
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!("Names not in the gazetteer or actor list ({})", d.unknown_names.len()))
                .family(crate::app::theme::bold()),
        );
        ui.weak(
            "Capitalised names the engine could not place. Add real places to a gazetteer file and open it with --gazetteer FILE --extend.",
        );
        egui::Grid::new("unknown_names").striped(true).num_columns(2).show(ui, |ui| {
            for n in d.unknown_names.iter().take(500) {
                ui.label(&n.name);
                ui.label(format!("{}×", n.count));
                ui.end_row();
            }
        });
    });
}
