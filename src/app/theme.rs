//! Look: bundled fonts (Noto Sans with Latin, Cyrillic and `ə`; Noto Sans Armenian), light and
//! dark visuals, and a colour-blind-safe palette (Okabe–Ito) for sides, place kinds and
//! categories, plus the base map's colours.

use eframe::egui;
use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily};

use super::state::ThemeChoice;
use crate::model::Category;

/// Okabe–Ito palette (Okabe & Ito 2008), safe for the common colour-vision deficiencies.
pub mod okabe_ito {
    use eframe::egui::Color32;
    /// Orange.
    pub const ORANGE: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
    /// Sky blue.
    pub const SKY_BLUE: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
    /// Bluish green.
    pub const BLUISH_GREEN: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
    /// Yellow.
    pub const YELLOW: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
    /// Blue.
    pub const BLUE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
    /// Vermillion.
    pub const VERMILLION: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
    /// Reddish purple.
    pub const REDDISH_PURPLE: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);
    /// Black (shown as light grey in the dark theme).
    pub const BLACK: Color32 = Color32::from_rgb(0x00, 0x00, 0x00);
}

/// The bold font family (Noto Sans Bold), for headings and speakers.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Install the bundled fonts: Noto Sans first, Noto Sans Armenian next, egui's defaults
/// (emoji and icons) as fallbacks.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// The font definitions [`install_fonts`] uses.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let add = |fonts: &mut FontDefinitions, name: &str, bytes: &'static [u8]| {
        fonts.font_data.insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    };
    add(&mut fonts, "noto-sans", include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"));
    add(&mut fonts, "noto-sans-bold", include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"));
    add(&mut fonts, "noto-sans-armenian", include_bytes!("../../assets/fonts/NotoSansArmenian-Regular.ttf"));
    let mut defaults = fonts.families.get(&FontFamily::Proportional).cloned().unwrap_or_default();
    // Hack (egui's monospace font) covers arrows and geometric shapes (▶ ◀ ● ■ ◆ ⇤ ⇥) that
    // Noto Sans lacks; egui 0.37 no longer ships emoji fonts by default.
    if fonts.font_data.contains_key("Hack") {
        let at = defaults.iter().position(|f| f == "egui-icons").unwrap_or(defaults.len());
        defaults.insert(at, "Hack".to_owned());
    }
    let mut prop = vec!["noto-sans".to_owned(), "noto-sans-armenian".to_owned()];
    prop.extend(defaults.iter().cloned());
    fonts.families.insert(FontFamily::Proportional, prop);
    let mut bold = vec!["noto-sans-bold".to_owned(), "noto-sans-armenian".to_owned()];
    bold.extend(defaults.iter().cloned());
    fonts.families.insert(FontFamily::Name("bold".into()), bold);
    if let Some(mono) = fonts.families.get_mut(&FontFamily::Monospace) {
        mono.push("noto-sans".to_owned());
        mono.push("noto-sans-armenian".to_owned());
    }
    fonts
}

/// Apply light or dark visuals.
pub fn apply_theme(ctx: &egui::Context, theme: ThemeChoice) {
    let want = match theme {
        ThemeChoice::Light => egui::Theme::Light,
        ThemeChoice::Dark => egui::Theme::Dark,
    };
    if ctx.theme() != want {
        ctx.set_theme(want);
    }
}

/// Colours that depend on light or dark.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Whether this is the dark palette.
    pub dark: bool,
    /// Sea.
    pub water: Color32,
    /// Land.
    pub land: Color32,
    /// Country borders.
    pub border: Color32,
    /// Disputed region fill.
    pub disputed_fill: Color32,
    /// Disputed region outline.
    pub disputed_line: Color32,
    /// Ordinary text on the map.
    pub text: Color32,
    /// Background behind labels.
    pub halo: Color32,
    /// Selection highlight.
    pub selection: Color32,
    /// Highlight of the sentence in the reader.
    pub highlight_bg: Color32,
    /// Time cursor.
    pub cursor: Color32,
    /// Truce markers.
    pub truce: Color32,
    /// Density bars.
    pub density: Color32,
    /// Faint text.
    pub weak: Color32,
}

impl Palette {
    /// The palette for a theme.
    pub fn for_theme(theme: ThemeChoice) -> Palette {
        match theme {
            ThemeChoice::Light => Palette {
                dark: false,
                water: Color32::from_rgb(0xD6, 0xE6, 0xF0),
                land: Color32::from_rgb(0xF4, 0xF1, 0xEA),
                border: Color32::from_rgb(0x9A, 0x93, 0x88),
                disputed_fill: Color32::from_rgba_unmultiplied(0xE6, 0x9F, 0x00, 40),
                disputed_line: Color32::from_rgb(0xB0, 0x6A, 0x00),
                text: Color32::from_rgb(0x20, 0x20, 0x20),
                halo: Color32::from_rgba_unmultiplied(0xFF, 0xFF, 0xFF, 200),
                selection: Color32::from_rgb(0xD5, 0x5E, 0x00),
                highlight_bg: Color32::from_rgb(0xFF, 0xE8, 0x8C),
                cursor: Color32::from_rgb(0xD5, 0x5E, 0x00),
                truce: Color32::from_rgb(0x00, 0x9E, 0x73),
                density: Color32::from_rgb(0x7A, 0x9C, 0xC0),
                weak: Color32::from_rgb(0x70, 0x70, 0x70),
            },
            ThemeChoice::Dark => Palette {
                dark: true,
                water: Color32::from_rgb(0x1A, 0x26, 0x33),
                land: Color32::from_rgb(0x3A, 0x3C, 0x40),
                border: Color32::from_rgb(0x80, 0x84, 0x8A),
                disputed_fill: Color32::from_rgba_unmultiplied(0xE6, 0x9F, 0x00, 50),
                disputed_line: Color32::from_rgb(0xE6, 0x9F, 0x00),
                text: Color32::from_rgb(0xEE, 0xEE, 0xEE),
                halo: Color32::from_rgba_unmultiplied(0x10, 0x10, 0x10, 190),
                selection: Color32::from_rgb(0xF0, 0xE4, 0x42),
                highlight_bg: Color32::from_rgb(0x6A, 0x55, 0x10),
                cursor: Color32::from_rgb(0xF0, 0xE4, 0x42),
                truce: Color32::from_rgb(0x2E, 0xC4, 0x9A),
                density: Color32::from_rgb(0x56, 0x7A, 0xA0),
                weak: Color32::from_rgb(0xA0, 0xA0, 0xA0),
            },
        }
    }

    /// Marker colour of a place kind.
    pub fn kind(&self, kind: &str) -> Color32 {
        match kind {
            "city" | "town" | "village" => okabe_ito::BLUE,
            "country" => okabe_ito::REDDISH_PURPLE,
            "region" | "district" => okabe_ito::ORANGE,
            "sea" => okabe_ito::SKY_BLUE,
            _ => okabe_ito::BLUISH_GREEN,
        }
    }

    /// Colour of a claimant's or speaker's side.
    pub fn side(&self, side: Option<&str>) -> Color32 {
        match side {
            Some("Armenia") => okabe_ito::ORANGE,
            Some("Azerbaijan") => okabe_ito::BLUE,
            Some("Nagorno-Karabakh authorities") => okabe_ito::VERMILLION,
            Some("Russia") => okabe_ito::BLUISH_GREEN,
            Some("UN") | Some("ICRC") => okabe_ito::SKY_BLUE,
            Some(_) => okabe_ito::REDDISH_PURPLE,
            None => {
                if self.dark {
                    Color32::from_gray(0xC8)
                } else {
                    Color32::from_gray(0x50)
                }
            }
        }
    }
}

/// Human label of a category.
pub fn category_label(c: Category) -> &'static str {
    match c {
        Category::Civilian => "civilian",
        Category::Military => "military",
        Category::Unspecified => "unspecified",
    }
}

/// Legend entries of place kinds: (label, kind key).
pub const KIND_LEGEND: [(&str, &str); 4] = [("city, town", "city"), ("region", "region"), ("country", "country"), ("sea", "sea")];
