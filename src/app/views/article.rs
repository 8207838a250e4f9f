//! The article reader: title, outlet, date and source of the date, then the full text with
//! the selected sentence or quote highlighted (byte spans into `Article.text`), scrolled into
//! view when it opens.

use eframe::egui;
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{FontId, RichText};

use super::{ViewCtx, fmt_day};
use crate::app::command::Command;
use crate::app::state::{OpenArticle, SideTab};
use crate::model::DateSource;

/// Split `text` at byte offsets clamped to char boundaries: (before, span, after).
pub fn split_span(text: &str, start: usize, end: usize) -> (&str, &str, &str) {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let s = floor(start);
    let e = floor(end).max(s);
    (&text[..s], &text[s..e], &text[e..])
}

/// Draw the reader.
pub fn show(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
    let Some(open) = ctx.state.open_article.clone() else {
        ui.weak("Click a quote, a casualty point or a search hit to read its article here, with the sentence highlighted.");
        return;
    };
    let Some(article) = ctx.model.data.articles.get(open.article) else {
        ui.weak("That article is no longer loaded.");
        return;
    };
    let pal = ctx.palette;
    ui.horizontal(|ui| {
        if ui.button("← Quotes").on_hover_text("Back to the quotes list").clicked() {
            out.push(Command::SetTab(SideTab::Quotes));
        }
    });
    ui.label(RichText::new(&article.title).family(crate::app::theme::bold()).size(17.0));
    let source = match article.published_source {
        DateSource::Manifest => "from the corpus manifest",
        DateSource::Header => "from a header line",
        DateSource::Dateline => "from the dateline",
        DateSource::Inferred => "inferred from the text",
        DateSource::None => "unknown",
    };
    let date = article.published.map(fmt_day).unwrap_or_else(|| "no date".into());
    ui.label(format!("{} · published {date} ({source})", article.outlet.as_deref().unwrap_or("unknown outlet")));
    if let Some(url) = &article.url {
        ui.hyperlink(url);
    }
    ui.weak(&article.path);
    ui.separator();

    let (before, span, after) = split_span(&article.text, open.start, open.end);
    let text_color = ui.visuals().text_color();
    let font = FontId::proportional(14.5);
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width() - 16.0;
    let normal = TextFormat { font_id: font.clone(), color: text_color, line_height: Some(21.0), ..Default::default() };
    job.append(before, 0.0, normal.clone());
    job.append(
        span,
        0.0,
        TextFormat {
            background: pal.highlight_bg,
            color: if pal.dark { egui::Color32::WHITE } else { egui::Color32::BLACK },
            ..normal.clone()
        },
    );
    job.append(after, 0.0, normal);
    let highlight_char = before.chars().count();
    egui::ScrollArea::vertical().id_salt("article_scroll").auto_shrink([false, false]).show(ui, |ui| {
        let galley = ui.painter().layout_job(job);
        let resp = ui.add(egui::Label::new(galley.clone()).selectable(true));
        let r = galley.pos_from_cursor(CCursor::new(highlight_char));
        let target = r.translate(resp.rect.min.to_vec2()).expand2(egui::vec2(0.0, 40.0));
        // Scroll once per opened span (remembered in egui's temporary memory).
        let id = ui.scope_id().with("scrolled_to");
        let done = ui.data(|d| d.get_temp::<OpenArticleKey>(id)) == Some(OpenArticleKey::from(&open));
        if !done {
            ui.scroll_to_rect(target, Some(egui::Align::Center));
            ui.data_mut(|d| d.insert_temp(id, OpenArticleKey::from(&open)));
        }
    });
}

/// Comparable key of an open article (for "scrolled already").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct OpenArticleKey(usize, usize, usize);

impl From<&OpenArticle> for OpenArticleKey {
    fn from(o: &OpenArticle) -> Self {
        OpenArticleKey(o.article, o.start, o.end)
    }
}

#[cfg(test)]
mod tests {
    use super::split_span;

    #[test]
    fn split_clamps_to_char_boundaries() {
        let t = "Gəncə was hit";
        // 'ə' is two bytes; an offset inside it moves back to its start.
        let (a, b, c) = split_span(t, 2, 7);
        assert_eq!(format!("{a}{b}{c}"), t);
        assert_eq!(a, "G");
        let (a, b, c) = split_span(t, 100, 200);
        assert_eq!((a, b, c), (t, "", ""));
    }
}
