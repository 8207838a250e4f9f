//! What the window remembers between runs: the [`AppState`] (time cursor and window, axis,
//! selection, theme, filters, map camera…), the folder that was open, the recent folders and
//! the window size.
//!
//! It is stored as versioned JSON ([`STATE_VERSION`]) in Dateline's own file, [`STATE_FILE`]
//! (`state.json`) in eframe's storage folder for the app id `dateline`
//! (`$XDG_DATA_HOME/dateline` on Linux). [`save_to`] writes it like every file Dateline
//! writes: to a temporary file in the same folder, then renamed into place
//! ([`crate::export::write_atomic`]), so a failed write leaves the previous file intact; the
//! window saves it on eframe's autosave interval and at exit, and says so when it cannot.
//! eframe's own `app.ron` is not written (no `persist_window`, no egui memory): the window
//! size and egui's memory (panel sizes and other layout, in RON as eframe would store it)
//! are kept here instead.
//!
//! A state file that cannot be read, or was written by another version, is never a crash:
//! the window starts fresh, says so, and a copy of the file is set aside as
//! `state.json.bad-<unix seconds>` before the next save replaces it.
//!
//! Restored indices and dates are checked against the model once it is loaded
//! ([`carry_over`]): a place that is no longer in the gazetteer, a day outside the corpus or
//! a claim that no longer exists is dropped, not shown.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::state::{AppState, OpenArticle, Selection};
use crate::model::Model;

/// The name of the state file in eframe's storage folder.
pub const STATE_FILE: &str = "state.json";
/// The version written by this build. Bump it when the meaning of a stored field changes.
pub const STATE_VERSION: u32 = 1;
/// How many recent folders are kept.
pub const MAX_RECENT: usize = 8;
/// The notice shown when the stored state was set aside.
pub const RESET_NOTICE: &str = "Saved state could not be read and was reset";

/// Everything Dateline stores in [`STATE_FILE`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Format version ([`STATE_VERSION`]).
    pub version: u32,
    /// The views' state.
    pub state: AppState,
    /// The files or folders that were open (empty: the built-in corpus).
    #[serde(default)]
    pub last_paths: Vec<PathBuf>,
    /// Recently opened folders and files, newest first, at most [`MAX_RECENT`].
    #[serde(default)]
    pub recent: Vec<PathBuf>,
    /// The window's inner size in points when it was last saved (see [`window_size`]).
    #[serde(default)]
    pub window_size: Option<[f32; 2]>,
    /// egui's memory in RON (as eframe stores it): panel sizes and other layout the user
    /// adjusted.
    #[serde(default)]
    pub egui_memory: Option<String>,
}

impl Default for Saved {
    fn default() -> Self {
        Saved {
            version: STATE_VERSION,
            state: AppState::default(),
            last_paths: Vec::new(),
            recent: Vec::new(),
            window_size: None,
            egui_memory: None,
        }
    }
}

/// The stored text for `saved`.
pub fn encode(saved: &Saved) -> String {
    // AppState holds only plain data; serialisation cannot fail in practice.
    serde_json::to_string(saved).unwrap_or_default()
}

/// What reading the stored state gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// Nothing stored: a first start.
    Fresh,
    /// A readable state of this version.
    Restored(Box<Saved>),
    /// Something was stored but cannot be used; why.
    Reset(String),
}

/// Decode the text of the state file (`None`: no text could be read). `file_has_content`
/// tells whether the state file exists and is not empty: when it is but no text could be
/// read from it (not UTF-8), it is unreadable.
pub fn decode(stored: Option<&str>, file_has_content: bool) -> Decoded {
    let Some(text) = stored else {
        return if file_has_content { Decoded::Reset("the state file is unreadable".into()) } else { Decoded::Fresh };
    };
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    match serde_json::from_str::<Version>(text) {
        Ok(v) if v.version != STATE_VERSION => {
            return Decoded::Reset(format!("it was written by another version (format {}, expected {STATE_VERSION})", v.version));
        }
        Ok(_) => {}
        Err(e) => return Decoded::Reset(format!("it is not valid: {e}")),
    }
    match serde_json::from_str::<Saved>(text) {
        Ok(mut s) => {
            s.recent.truncate(MAX_RECENT);
            if !(s.state.speed.is_finite() && s.state.speed > 0.0) {
                s.state.speed = 1.0;
            }
            Decoded::Restored(Box::new(s))
        }
        Err(e) => Decoded::Reset(format!("it is not valid: {e}")),
    }
}

/// Dateline's state file: [`STATE_FILE`] in eframe's storage folder for app id `dateline`
/// (`$XDG_DATA_HOME/dateline/state.json` on Linux).
pub fn state_file() -> Option<PathBuf> {
    eframe::storage_dir("dateline").map(|d| d.join(STATE_FILE))
}

/// Whether `path` exists and is not empty.
pub fn has_content(path: Option<&Path>) -> bool {
    path.and_then(|p| std::fs::metadata(p).ok()).is_some_and(|m| m.len() > 0)
}

/// Copy `file` to `file.bad-<unix seconds>` (atomically) so a reset loses nothing.
pub fn set_aside(file: &Path) -> Result<PathBuf, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let mut name = file.file_name().map(|n| n.to_os_string()).unwrap_or_else(|| STATE_FILE.into());
    name.push(format!(".bad-{secs}"));
    let dest = file.with_file_name(name);
    crate::export::write_atomic(&dest, &bytes).map_err(|e| e.to_string())?;
    Ok(dest)
}

/// Write `saved` to `file` atomically (temporary file in the same folder, then rename),
/// creating the folder if needed. On an error the previous file is left as it was.
pub fn save_to(file: &Path, saved: &Saved) -> Result<(), String> {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {}", dir.display(), crate::corpus::io_message(&e)))?;
    }
    crate::export::write_atomic(file, encode(saved).as_bytes()).map_err(|e| e.to_string())
}

/// Read the saved state from `file` (`None`: no storage folder on this system). A missing
/// file is a first start; on a reset, `file` is set aside and the notice to show returned.
pub fn restore(file: Option<&Path>) -> (Saved, Option<String>) {
    let decoded = match file.map(std::fs::read) {
        None => Decoded::Fresh,
        Some(Err(e)) if e.kind() == std::io::ErrorKind::NotFound => Decoded::Fresh,
        Some(Err(e)) => Decoded::Reset(format!("the state file could not be read ({})", crate::corpus::io_message(&e))),
        Some(Ok(bytes)) => decode(std::str::from_utf8(&bytes).ok(), !bytes.is_empty()),
    };
    match decoded {
        Decoded::Fresh => (Saved::default(), None),
        Decoded::Restored(s) => (*s, None),
        Decoded::Reset(why) => {
            let kept = match file.filter(|f| f.exists()).map(set_aside) {
                Some(Ok(copy)) => format!(" A copy of the old file is in {}.", copy.display()),
                Some(Err(e)) => format!(" (Could not keep a copy: {e}.)"),
                None => String::new(),
            };
            (Saved::default(), Some(format!("{RESET_NOTICE}: {why}.{kept}")))
        }
    }
}

/// The smallest window size restored from the state file, in points.
pub const MIN_WINDOW: [f32; 2] = [900.0, 600.0];
/// The largest window size restored from the state file, in points.
pub const MAX_WINDOW: [f32; 2] = [8000.0, 8000.0];

/// The window size to open with: the saved one clamped to [`MIN_WINDOW`]..[`MAX_WINDOW`], or
/// `None` when none was saved or it is not a number.
pub fn window_size(saved: &Saved) -> Option<[f32; 2]> {
    let [w, h] = saved.window_size?;
    (w.is_finite() && h.is_finite()).then(|| [w.clamp(MIN_WINDOW[0], MAX_WINDOW[0]), h.clamp(MIN_WINDOW[1], MAX_WINDOW[1])])
}

/// Put `paths` at the front of the recent list (no duplicates, at most [`MAX_RECENT`]).
/// Nothing happens for the built-in corpus (empty `paths`).
pub fn push_recent(recent: &mut Vec<PathBuf>, paths: &[PathBuf]) {
    for p in paths.iter().rev() {
        let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        recent.retain(|q| *q != p);
        recent.insert(0, p);
    }
    recent.truncate(MAX_RECENT);
}

/// The state for a newly loaded `new` model that keeps as much of `prev` as is still valid:
/// the time cursor if the day lies in the corpus, the selection if its place, claim or quote
/// is still there, the open article, tab, search and map camera. `old` is the model `prev`
/// referred to, when known (a reload): claims, quotes and articles are then matched by
/// article and position rather than by index, so edits that shift indices keep the right
/// item. Without `old` (a state restored from disk) indices are only range-checked.
pub fn carry_over(prev: &AppState, old: Option<&Model>, new: &Model) -> AppState {
    let mut s = prev.for_model(new);
    if let (Some(c), Some((lo, hi))) = (prev.cursor, new.span(prev.axis))
        && (lo..=hi).contains(&c)
    {
        s.cursor = Some(c);
    }
    s.selection = match &prev.selection {
        Selection::None => Selection::None,
        Selection::Place(id) => {
            if new.place(id).is_some() {
                Selection::Place(id.clone())
            } else {
                Selection::None
            }
        }
        Selection::Claim(i) => match old {
            Some(old) => {
                old.data
                    .claims
                    .get(*i)
                    .and_then(|c| {
                        new.data.claims.iter().position(|n| {
                            n.article == c.article && n.sentence == c.sentence && n.killed == c.killed && n.wounded == c.wounded
                        })
                    })
                    .map_or(Selection::None, Selection::Claim)
            }
            None if *i < new.data.claims.len() => Selection::Claim(*i),
            None => Selection::None,
        },
        Selection::Quote(i) => match old {
            Some(old) => old
                .data
                .quotes
                .get(*i)
                .and_then(|q| new.data.quotes.iter().position(|n| n.article == q.article && n.text == q.text))
                .map_or(Selection::None, Selection::Quote),
            None if *i < new.data.quotes.len() => Selection::Quote(*i),
            None => Selection::None,
        },
    };
    s.open_article = prev.open_article.as_ref().and_then(|o| {
        match old {
            Some(old) => {
                // Follow the article by id and the highlighted words by content.
                let was = old.data.articles.get(o.article)?;
                let article = new.article_index(&was.id)?;
                let words = was.text.get(o.start..o.end)?;
                let text = new.data.articles.get(article)?.text.as_str();
                let start = if text.get(o.start..o.end) == Some(words) { o.start } else { text.find(words)? };
                Some(OpenArticle { article, start, end: start + words.len() })
            }
            None => {
                let text = new.data.articles.get(o.article)?.text.as_str();
                text.get(o.start..o.end).map(|_| o.clone())
            }
        }
    });
    s.tab = prev.tab;
    s.search = prev.search.clone();
    if let Some(cam) = prev.camera
        && cam.center.iter().all(|v| v.is_finite())
        && cam.scale.is_finite()
        && cam.scale > 0.0
    {
        s.camera = Some(cam);
        s.fit_to = None;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::{ThemeChoice, WindowWidth};

    #[test]
    fn round_trip() {
        let saved = Saved {
            state: AppState {
                theme: ThemeChoice::Dark,
                window: WindowWidth::Week,
                cursor: chrono::NaiveDate::from_ymd_opt(2020, 10, 4),
                selection: Selection::Place("ganja".into()),
                ..AppState::default()
            },
            last_paths: vec!["/tmp/articles".into()],
            recent: vec!["/tmp/articles".into()],
            window_size: Some([1234.5, 876.0]),
            ..Saved::default()
        };
        assert_eq!(decode(Some(&encode(&saved)), true), Decoded::Restored(Box::new(saved)));
    }

    #[test]
    fn window_size_is_clamped() {
        let with = |s| Saved { window_size: s, ..Saved::default() };
        assert_eq!(window_size(&with(None)), None);
        assert_eq!(window_size(&with(Some([f32::NAN, 700.0]))), None);
        assert_eq!(window_size(&with(Some([1200.0, 700.0]))), Some([1200.0, 700.0]));
        assert_eq!(window_size(&with(Some([10.0, 90000.0]))), Some([900.0, 8000.0]));
        // A state without the field (written before it existed) still reads.
        let old = r#"{"version": 1, "state": {}}"#;
        assert!(matches!(decode(Some(old), true), Decoded::Restored(s) if s.window_size.is_none()));
    }

    #[test]
    fn corrupt_old_or_missing() {
        assert_eq!(decode(None, false), Decoded::Fresh);
        assert!(matches!(decode(None, true), Decoded::Reset(_)));
        assert!(matches!(decode(Some("{\"version\": 1, \"state\": {\"cursor\": 12}}"), true), Decoded::Reset(_)));
        assert!(matches!(decode(Some("\u{0}\u{1}garbage"), true), Decoded::Reset(_)));
        let old = decode(Some("{\"version\": 0, \"state\": {}}"), true);
        assert!(matches!(&old, Decoded::Reset(m) if m.contains("another version")), "{old:?}");
    }

    #[test]
    fn recent_list_is_unique_newest_first_and_bounded() {
        let mut r = Vec::new();
        for i in 0..12 {
            push_recent(&mut r, &[PathBuf::from(format!("/nonexistent/{i}"))]);
        }
        push_recent(&mut r, &[PathBuf::from("/nonexistent/5")]);
        assert_eq!(r.len(), MAX_RECENT);
        assert_eq!(r[0], PathBuf::from("/nonexistent/5"));
        assert_eq!(r.iter().filter(|p| p.as_path() == Path::new("/nonexistent/5")).count(), 1);
    }
}
