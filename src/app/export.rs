//! Screenshot export: PNG files written through a temporary file and renamed, so a reader
//! never sees half a file.

use eframe::egui;
use std::path::{Path, PathBuf};

/// Where screenshots go: `$HOME/Pictures` if it exists, else `$HOME`, else the current folder.
pub fn default_dir() -> PathBuf {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
    match home {
        Some(h) if h.join("Pictures").is_dir() => h.join("Pictures"),
        Some(h) if h.is_dir() => h,
        _ => PathBuf::from("."),
    }
}

/// `dateline-<day>-<unix seconds>.png`.
pub fn file_name(day: &str) -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format!("dateline-{day}-{secs}.png")
}

/// Write an egui image as PNG to `path` (via `path.tmp`, then rename).
pub fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buf = image::RgbaImage::from_raw(w as u32, h as u32, bytes)
        .ok_or_else(|| "image size does not match its pixels".to_owned())?;
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let tmp = path.with_extension("png.tmp");
    buf.save_with_format(&tmp, image::ImageFormat::Png).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}
