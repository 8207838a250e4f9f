//! Export from the window: screenshots (PNG) and data (CSV + GeoJSON) of what is shown.
//!
//! **Screenshot** (button, File menu, Ctrl+E; see [`DatelineApp::begin_screenshot`]):
//! 1. the command arms the export; the *next* frame draws the caption strip (time window,
//!    axis, filters, selection, corpus, "Made with Natural Earth") at the bottom of the
//!    window and asks for `ctx.request_screenshot` of exactly that frame (1x: the window's
//!    own pixels). For 2x the window is drawn again off screen by the headless renderer
//!    ([`super::render`]) at twice the pixel density, with the same state and panel sizes,
//!    because a live window cannot be read back at a resolution it does not have;
//! 2. a worker thread encodes the PNG, asks where to save with a native save dialog (rfd,
//!    off the UI thread, proposing `dateline-2020-10-11.png`) or, when no dialog can open
//!    or the folder is fixed ([`EXPORT_DIR_ENV`], tests), uses the default folder with a
//!    `-2`, `-3` … suffix so that nothing is overwritten;
//! 3. the file is written to a temporary file in the same folder and renamed (hard-linked
//!    in the default folder, which fails instead of replacing a file that appeared
//!    meanwhile); a toast shows the path with an "Open folder" button.
//!
//! **Data** ("Export data…", Ctrl+Shift+E): the mentions, claims and quotes in view (time
//! window, axis, place filters, selection, search) as `NAME.geojson` (RFC 7946) and
//! `NAME-mentions.csv`, `-claims.csv`, `-quotes.csv`, `-places.csv`, `-articles.csv`.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::task::{Context as TaskContext, Poll, Wake};
use std::time::{Duration, Instant};

use eframe::egui;
use egui::RichText;

use super::DatelineApp;
use super::state::{AppState, Selection, WindowWidth};
use super::views::{ViewCtx, Visible};
use crate::model::{Model, TimeAxis};

/// Environment variable: a folder to save exports in without asking (no dialog).
pub const EXPORT_DIR_ENV: &str = "DATELINE_EXPORT_DIR";

/// A dialog that answers "nothing chosen" faster than this did not open at all (no portal,
/// no display): the export then goes to the default folder instead of being cancelled.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// How long a toast stays up.
const TOAST_FOR: Duration = Duration::from_secs(20);

/// Where screenshots go: `$HOME/Pictures` if it exists, else `$HOME`, else the current folder.
pub fn default_dir() -> PathBuf {
    default_dir_named("Pictures")
}

/// Where data exports go: `$HOME/Documents` if it exists, else `$HOME`, else the current folder.
pub fn default_data_dir() -> PathBuf {
    default_dir_named("Documents")
}

fn default_dir_named(sub: &str) -> PathBuf {
    if let Some(d) = std::env::var_os(EXPORT_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
    match home {
        Some(h) if h.join(sub).is_dir() => h.join(sub),
        Some(h) if h.is_dir() => h,
        _ => PathBuf::from("."),
    }
}

/// `dateline-<day>.png`.
pub fn file_name(day: &str) -> String {
    format!("dateline-{day}.png")
}

/// The first of `dir/stem.ext`, `dir/stem-2.ext`, `dir/stem-3.ext`, … for which none of
/// `stem{suffix}{tail}` for each tail in `tails` exists (tails such as `.png`, or `.geojson`
/// and `-claims.csv` for a set of files). Returns the stem with its suffix.
pub fn unique_stem(dir: &Path, stem: &str, tails: &[&str]) -> String {
    for n in 1.. {
        let s = if n == 1 { stem.to_owned() } else { format!("{stem}-{n}") };
        if tails.iter().all(|t| !dir.join(format!("{s}{t}")).exists()) {
            return s;
        }
    }
    unreachable!("some suffix is free")
}

/// Write `bytes` to `dir/stem.ext` or, if that exists, `stem-2.ext`, `stem-3.ext`, … never
/// replacing a file: a temporary file in the folder is hard-linked to the new name (which
/// fails if the name is taken, even if it was taken a moment ago) and then removed. Where
/// hard links are not supported it falls back to check-then-rename.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot write to {}: {e}", dir.display()))?;
    let tmp = dir.join(format!(".{stem}.{}.{ext}.tmp", std::process::id()));
    let fail = |e: std::io::Error| format!("cannot write {}: {}", dir.join(format!("{stem}.{ext}")).display(), e);
    let written = (|| -> std::io::Result<()> {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    let result = (|| {
        for n in 1..10_000 {
            let name = if n == 1 { format!("{stem}.{ext}") } else { format!("{stem}-{n}.{ext}") };
            let path = dir.join(name);
            match std::fs::hard_link(&tmp, &path) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(_) if !path.exists() => {
                    // No hard links here (FAT, some network shares): rename instead.
                    std::fs::rename(&tmp, &path)?;
                    return Ok(path);
                }
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("too many files with this name"))
    })();
    let _ = std::fs::remove_file(&tmp);
    result.map_err(fail)
}

/// RGBA pixels to PNG bytes (fast compression: screenshots are large and mostly flat).
pub fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, String> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new_with_quality(
        &mut out,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    )
    .write_image(rgba, width, height, image::ExtendedColorType::Rgba8)
    .map_err(|e| format!("cannot encode PNG: {e}"))?;
    Ok(out)
}

/// Encode an egui image as PNG.
pub fn color_image_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    encode_png(w as u32, h as u32, &bytes)
}

/// Write an egui image as PNG to `path` atomically (temporary file, then rename).
pub fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let png = color_image_png(image)?;
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    crate::export::write_atomic(path, &png).map_err(|e| e.to_string())
}

/// Run a future to completion on this thread (for rfd's dialog future on a worker thread).
pub(super) fn block_on<F: Future>(f: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Arc::new(Unpark(std::thread::current())).into();
    let mut cx = TaskContext::from_waker(&waker);
    let mut f = std::pin::pin!(f);
    loop {
        match f.as_mut().poll(&mut cx) {
            Poll::Ready(v) => return v,
            Poll::Pending => std::thread::park(),
        }
    }
}

type DialogFuture = std::pin::Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>>;

/// A finished export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRecord {
    /// The files written (the PNG; or the GeoJSON then the CSV tables).
    pub paths: Vec<PathBuf>,
    /// From the command (Ctrl+E, button, menu) to the last file written.
    pub elapsed: Duration,
    /// Scale of a screenshot (1 or 2); 0 for data.
    pub scale: f32,
}

enum Msg {
    /// The window's pixels arrived (1x).
    Pixels(Arc<egui::ColorImage>),
    /// The off-screen render finished (2x): PNG bytes.
    Png(Result<Vec<u8>, String>),
    /// Written.
    Done(Job, ExportRecord),
    /// Nothing written, and why.
    Failed(Job, String),
    /// The user closed the dialog.
    Cancelled(Job),
}

/// Which export a worker's message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Screenshot,
    Data,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Stage {
    Idle,
    /// Asked for; the next frame arms.
    Requested {
        scale: f32,
        started: Instant,
    },
    /// Draw the caption this frame and take the screenshot at its end.
    Arm {
        scale: f32,
        started: Instant,
    },
    /// Screenshot requested; the caption stays up until the pixels arrive (eframe captures
    /// the frame after the request, egui_kittest the frame of the request).
    Capturing {
        scale: f32,
        started: Instant,
    },
    /// Waiting for the encoder, the dialog or the disk.
    Busy {
        scale: f32,
        started: Instant,
    },
}

struct Toast {
    text: String,
    folder: Option<PathBuf>,
    error: bool,
    since: Instant,
}

/// The window's export machinery (see the module docs).
pub struct Exporter {
    /// Save here without asking; `None`: ask with a dialog where [`Exporter::use_dialog`].
    pub dir: Option<PathBuf>,
    /// Whether to ask with a native save dialog.
    pub use_dialog: bool,
    /// Draw the caption strip on every frame (headless renders), not only for exports.
    pub caption_always: bool,
    stage: Stage,
    /// A data export is being written (one at a time).
    data_running: bool,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    toast: Option<Toast>,
    last: Option<ExportRecord>,
}

impl Default for Exporter {
    /// No dialog; the default folders (or [`EXPORT_DIR_ENV`]).
    fn default() -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        Exporter {
            dir: std::env::var_os(EXPORT_DIR_ENV).filter(|d| !d.is_empty()).map(PathBuf::from),
            use_dialog: false,
            caption_always: false,
            stage: Stage::Idle,
            data_running: false,
            tx,
            rx,
            toast: None,
            last: None,
        }
    }
}

impl Exporter {
    /// The real window's exporter: a save dialog unless [`EXPORT_DIR_ENV`] fixes the folder.
    pub fn for_window() -> Self {
        let e = Exporter::default();
        Exporter { use_dialog: e.dir.is_none(), ..e }
    }

    /// Whether this frame draws the caption strip.
    pub fn caption_visible(&self) -> bool {
        self.caption_always || matches!(self.stage, Stage::Arm { .. } | Stage::Capturing { .. })
    }

    /// Whether a screenshot is being taken or saved.
    pub fn busy(&self) -> bool {
        self.stage != Stage::Idle
    }

    /// A worker finished (written, failed or cancelled).
    fn finished(&mut self, job: Job) {
        match job {
            Job::Screenshot => self.stage = Stage::Idle,
            Job::Data => self.data_running = false,
        }
    }

    fn toast(&mut self, text: String, folder: Option<PathBuf>, error: bool) {
        self.toast = Some(Toast { text, folder, error, since: Instant::now() });
    }
}

/// The default file stem for the state: `dateline-2020-10-11` (or `dateline-all`).
pub fn default_stem(state: &AppState) -> String {
    format!("dateline-{}", state.cursor.map(|d| d.to_string()).unwrap_or_else(|| "all".into()))
}

/// The caption: line 1 the time window, axis, filters and selection; line 2 the corpus and
/// the credits.
pub fn caption_lines(model: &Model, state: &AppState, visible: &Visible) -> [String; 2] {
    let fmt = super::views::fmt_day;
    let window = match (state.cursor, state.range().from) {
        (None, _) => "All dates".to_owned(),
        (Some(c), None) => format!("Up to {}", fmt(c)),
        (Some(c), Some(f)) if f == c => fmt(c),
        (Some(c), Some(f)) => format!("{} – {}", fmt(f), fmt(c)),
    };
    let width = match state.window {
        WindowWidth::UpToCursor => String::new(),
        w => format!(" ({})", w.label().to_lowercase()),
    };
    let axis = match state.axis {
        TimeAxis::Event => "by event date",
        TimeAxis::Published => "by publication date",
    };
    let f = state.filters;
    let places = match (f.exact_places, f.coarse_places) {
        (true, true) => "all places",
        (true, false) => "exact places only",
        (false, true) => "coarse places only",
        (false, false) => "no places",
    };
    let mut filters = vec![places.to_owned()];
    if !f.historical {
        filters.push("historical figures hidden".into());
    }
    if !state.search.trim().is_empty() {
        filters.push(format!("search “{}”", state.search.trim()));
    }
    let selection = match &state.selection {
        Selection::None => "none".to_owned(),
        Selection::Place(p) => model.place(p).map(|p| p.name.clone()).unwrap_or_else(|| p.clone()),
        Selection::Claim(i) => model
            .data
            .claims
            .get(*i)
            .map(|c| format!("claim “{}”", super::views::casualty_plot::ellipsize(&c.sentence, 60)))
            .unwrap_or_else(|| "a claim".into()),
        Selection::Quote(i) => model
            .data
            .quotes
            .get(*i)
            .map(|q| format!("quote by {}", q.speaker.as_deref().unwrap_or("an unnamed speaker")))
            .unwrap_or_else(|| "a quote".into()),
    };
    let shown = visible.stats.len();
    let line1 = format!(
        "{window}{width}, {axis}   ·   Filters: {}   ·   Selection: {selection}   ·   {shown} place{} in the window",
        filters.join(", "),
        if shown == 1 { "" } else { "s" }
    );
    let d = &model.data;
    let mut outlets: Vec<&str> = d.articles.iter().filter_map(|a| a.outlet.as_deref()).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let corpus = if d.corpus.is_empty() { "Articles".to_owned() } else { d.corpus.clone() };
    let line2 = format!(
        "Corpus: {corpus} ({} articles{})   ·   Base map: Made with Natural Earth   ·   Dateline",
        d.articles.len(),
        if outlets.is_empty() { String::new() } else { format!(", {} outlets", outlets.len()) }
    );
    [line1, line2]
}

/// Draw the caption strip as a bottom panel (call before the other panels). Its height is
/// measured from the wrapped text, so the strip is whole on the one frame that is captured.
pub fn caption_panel(ui: &mut egui::Ui, vctx: &ViewCtx<'_>) {
    let [l1, l2] = caption_lines(vctx.model, vctx.state, vctx.visible);
    let fill = ui.visuals().panel_fill;
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().text_color();
    let (f1, f2) = (egui::FontId::proportional(14.0), egui::FontId::proportional(12.5));
    let margin = egui::Margin::symmetric(10, 6);
    let wrap = (ui.available_width() - margin.sum().x).max(100.0);
    let g1 = ui.painter().layout(l1, f1, strong, wrap);
    let g2 = ui.painter().layout(l2, f2, weak, wrap);
    let gap = ui.spacing().item_spacing.y;
    let height = g1.size().y + gap + g2.size().y + margin.sum().y;
    egui::Panel::bottom("export_caption")
        .resizable(false)
        .exact_size(height)
        .frame(egui::Frame::new().fill(fill).inner_margin(margin))
        .show(ui, |ui| {
            let top = ui.max_rect().left_top();
            ui.painter().galley(top, g1.clone(), strong);
            ui.painter().galley(top + egui::vec2(0.0, g1.size().y + gap), g2.clone(), weak);
            let text = format!("{} {}", g1.text(), g2.text());
            ui.allocate_response(ui.max_rect().size(), egui::Sense::hover())
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text.clone()));
        });
}

/// Open a folder in the system's file manager.
fn open_in_file_manager(dir: &Path) -> Result<(), String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("cannot run {program}: {e}"))
}

/// Where a worker saves: a dialog (with the default folder to fall back on) or the folder.
struct Destination {
    dialog: Option<DialogFuture>,
    dir: PathBuf,
    stem: String,
}

impl DatelineApp {
    /// Start a screenshot at `scale` (1 or 2): the next frame carries the caption and is
    /// captured. Ignored (with a toast) while another screenshot is being saved.
    pub fn begin_screenshot(&mut self, ctx: &egui::Context, scale: f32) {
        if self.export.busy() {
            self.export.toast("A screenshot is still being saved.".into(), None, true);
            return;
        }
        self.export.toast = None;
        self.export.stage = Stage::Requested { scale: if scale > 1.0 { 2.0 } else { 1.0 }, started: Instant::now() };
        ctx.request_repaint();
    }

    /// Fix the folder exports are saved in (no dialog); for tests and scripts.
    pub fn set_export_dir(&mut self, dir: impl Into<PathBuf>) {
        self.export.dir = Some(dir.into());
        self.export.use_dialog = false;
    }

    /// The last finished export, if any.
    pub fn last_export(&self) -> Option<&ExportRecord> {
        self.export.last.as_ref()
    }

    /// The message of the export toast, if one is up.
    pub fn export_message(&self) -> Option<&str> {
        self.export.toast.as_ref().map(|t| t.text.as_str())
    }

    /// Draw the caption strip on every frame (headless renders).
    pub fn set_caption_always(&mut self, on: bool) {
        self.export.caption_always = on;
    }

    fn destination(&self, default_dir: PathBuf, stem: String, ext: &str, what: &str) -> Destination {
        let dir = self.export.dir.clone().unwrap_or(default_dir);
        let dialog = self.export.use_dialog.then(|| {
            let (name, exts): (&str, &[&str]) = if ext == "png" { ("PNG image", &["png"]) } else { ("GeoJSON", &["geojson"]) };
            let f: DialogFuture = Box::pin(
                rfd::AsyncFileDialog::new()
                    .set_title(what)
                    .set_directory(&dir)
                    .set_file_name(format!("{stem}.{ext}"))
                    .add_filter(name, exts)
                    .save_file(),
            );
            f
        });
        Destination { dialog, dir, stem }
    }

    /// Each frame, before drawing: collect what the workers and the screenshot sent.
    pub(super) fn export_poll(&mut self, ctx: &egui::Context) {
        if let Stage::Requested { scale, started } = self.export.stage {
            // This frame draws the caption strip; its end takes the picture.
            self.export.stage = Stage::Arm { scale, started };
        }
        while let Ok(msg) = self.export.rx.try_recv() {
            match msg {
                Msg::Pixels(image) => {
                    let started = self.started();
                    let dest = self.destination(default_dir(), default_stem(&self.state), "png", "Save screenshot");
                    let scale = self.scale();
                    self.spawn_save(ctx, started, scale, dest, move || color_image_png(&image));
                }
                Msg::Png(png) => {
                    let started = self.started();
                    let dest = self.destination(default_dir(), default_stem(&self.state), "png", "Save screenshot");
                    let scale = self.scale();
                    self.spawn_save(ctx, started, scale, dest, move || png);
                }
                Msg::Done(job, rec) => {
                    let first = rec.paths.first().cloned().unwrap_or_default();
                    let more = if rec.paths.len() > 1 { format!(" and {} more files", rec.paths.len() - 1) } else { String::new() };
                    let folder = first.parent().map(Path::to_path_buf);
                    self.export.toast(format!("Saved {}{more}", first.display()), folder, false);
                    self.export.finished(job);
                    self.export.last = Some(rec);
                }
                Msg::Failed(job, e) => {
                    self.export.finished(job);
                    self.export.toast(e, None, true);
                }
                Msg::Cancelled(job) => {
                    self.export.finished(job);
                    self.export.toast("Export cancelled.".into(), None, false);
                }
            }
        }
        // The "Exporting data…" toast stays while the export runs.
        if let Some(t) = &self.export.toast
            && !self.export.data_running
        {
            let left = TOAST_FOR.saturating_sub(t.since.elapsed());
            if left.is_zero() {
                self.export.toast = None;
            } else {
                ctx.request_repaint_after(left);
            }
        }
    }

    fn started(&self) -> Instant {
        match self.export.stage {
            Stage::Requested { started, .. }
            | Stage::Arm { started, .. }
            | Stage::Capturing { started, .. }
            | Stage::Busy { started, .. } => started,
            Stage::Idle => Instant::now(),
        }
    }

    fn scale(&self) -> f32 {
        match self.export.stage {
            Stage::Requested { scale, .. } | Stage::Arm { scale, .. } | Stage::Capturing { scale, .. } | Stage::Busy { scale, .. } => scale,
            Stage::Idle => 1.0,
        }
    }

    /// Encode (on a worker), ask where (dialog) or pick a free name, write, report.
    fn spawn_save(
        &mut self,
        ctx: &egui::Context,
        started: Instant,
        scale: f32,
        dest: Destination,
        encode: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    ) {
        let tx = self.export.tx.clone();
        let ctx2 = ctx.clone();
        let spawned = std::thread::Builder::new().name("dateline-export".into()).spawn(move || {
            let msg = (|| {
                let png = encode()?;
                let path = match ask(dest.dialog)? {
                    Asked::Chosen(path) => {
                        crate::export::write_atomic(&path, &png).map_err(|e| e.to_string())?;
                        path
                    }
                    Asked::NoDialog => write_new(&dest.dir, &dest.stem, "png", &png)?,
                    Asked::Cancelled => return Ok(Msg::Cancelled(Job::Screenshot)),
                };
                Ok(Msg::Done(Job::Screenshot, ExportRecord { paths: vec![path], elapsed: started.elapsed(), scale }))
            })()
            .unwrap_or_else(|e: String| Msg::Failed(Job::Screenshot, format!("Could not save the screenshot: {e}")));
            let _ = tx.send(msg);
            ctx2.request_repaint();
        });
        match spawned {
            Ok(_) => self.export.stage = Stage::Busy { scale, started },
            Err(e) => {
                self.export.stage = Stage::Idle;
                self.export.toast(format!("Could not save the screenshot: {e}"), None, true);
            }
        }
    }

    /// Each frame, after drawing: take the armed screenshot of this frame.
    pub(super) fn export_after_frame(&mut self, ctx: &egui::Context) {
        let Stage::Arm { scale, started } = self.export.stage else { return };
        self.export.stage = if scale <= 1.0 { Stage::Capturing { scale, started } } else { Stage::Busy { scale, started } };
        let tx = self.export.tx.clone();
        let ctx2 = ctx.clone();
        if scale <= 1.0 {
            ctx.request_screenshot(move |image| {
                let _ = tx.send(Msg::Pixels(image));
                ctx2.request_repaint();
            });
            ctx.request_repaint();
            return;
        }
        // 2x: draw the same window again off screen at twice the pixel density.
        let Some(model) = self.model.clone() else {
            self.export.stage = Stage::Idle;
            return;
        };
        let state = self.state.clone();
        let size = ctx.content_rect().size();
        let ppp = ctx.pixels_per_point() * 2.0;
        let memory = ctx.memory(|m| m.clone());
        let spawned = std::thread::Builder::new().name("dateline-render".into()).spawn(move || {
            let png = super::render::render_shared(model, state, size, ppp, Some(memory))
                .map_err(|e| e.to_string())
                .and_then(|img| encode_png(img.width(), img.height(), img.as_raw()));
            let _ = tx.send(Msg::Png(png));
            ctx2.request_repaint();
        });
        if let Err(e) = spawned {
            self.export.stage = Stage::Idle;
            self.export.toast(format!("Could not render the screenshot: {e}"), None, true);
        }
    }

    /// "Export data…": CSV tables and GeoJSON of the items in view. The UI thread only takes
    /// the filter and the quote list; finding the items in the model, encoding and writing
    /// happen on a worker, streamed to the files, so a 10,000-article corpus neither stalls
    /// the window nor holds the files in memory.
    pub fn export_data(&mut self, ctx: &egui::Context) {
        let Some(model) = self.model.clone() else {
            self.export.toast("Nothing to export yet: the corpus is still loading.".into(), None, true);
            return;
        };
        if self.export.data_running {
            self.export.toast("A data export is still being written.".into(), None, false);
            return;
        }
        let started = Instant::now();
        // The items of the text in the search box, even if its search still runs.
        self.visible.settle(&model, &self.state, ctx);
        let filter = shown_filter(&self.state, &self.visible);
        let quotes = self.visible.quotes.clone();
        let dest =
            self.destination(default_data_dir(), default_stem(&self.state), "geojson", "Export data (GeoJSON; CSV tables beside it)");
        let tx = self.export.tx.clone();
        let ctx2 = ctx.clone();
        let spawned = std::thread::Builder::new().name("dateline-export".into()).spawn(move || {
            let msg = (|| {
                let (dir, stem) = match ask(dest.dialog)? {
                    Asked::Chosen(path) => {
                        let dir = path.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
                        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or(dest.stem);
                        (dir, stem)
                    }
                    Asked::NoDialog => {
                        std::fs::create_dir_all(&dest.dir).map_err(|e| format!("cannot write to {}: {e}", dest.dir.display()))?;
                        let tails: Vec<&str> = crate::export::DATA_FILES.iter().map(|(t, _)| *t).collect();
                        let stem = unique_stem(&dest.dir, &dest.stem, &tails);
                        (dest.dir, stem)
                    }
                    Asked::Cancelled => return Ok(Msg::Cancelled(Job::Data)),
                };
                let (mentions, claims, _) = crate::export::shown_items(&model, &filter);
                let view = model.view(&mentions, &claims, &quotes.all(&model));
                let mut paths = Vec::new();
                for &(tail, format) in crate::export::DATA_FILES {
                    let path = dir.join(format!("{stem}{tail}"));
                    crate::export::write_atomic_with(&path, |w| crate::export::write(&view, format, w)).map_err(|e| e.to_string())?;
                    paths.push(path);
                }
                Ok(Msg::Done(Job::Data, ExportRecord { paths, elapsed: started.elapsed(), scale: 0.0 }))
            })()
            .unwrap_or_else(|e: String| Msg::Failed(Job::Data, format!("Could not export the data: {e}")));
            let _ = tx.send(msg);
            ctx2.request_repaint();
        });
        match spawned {
            Ok(_) => {
                self.export.data_running = true;
                self.export.toast("Exporting data…".into(), None, false);
            }
            Err(e) => self.export.toast(format!("Could not export the data: {e}"), None, true),
        }
    }

    /// The export toast (path, "Open folder"), top right, above everything.
    pub(super) fn export_toast(&mut self, ctx: &egui::Context) {
        if self.export.caption_visible() {
            return;
        }
        let Some(t) = &self.export.toast else { return };
        let (text, folder, error) = (t.text.clone(), t.folder.clone(), t.error);
        let mut close = false;
        let mut open_failed = None;
        egui::Area::new(egui::Id::unique("dateline_export_toast"))
            .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-12.0, 44.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(560.0);
                    ui.horizontal(|ui| {
                        let color = if error { super::theme::okabe_ito::VERMILLION } else { ui.visuals().strong_text_color() };
                        ui.add(egui::Label::new(RichText::new(&text).color(color)).wrap_mode(egui::TextWrapMode::Wrap));
                    });
                    ui.horizontal(|ui| {
                        if let Some(dir) = &folder
                            && ui.button("Open folder").on_hover_text(dir.display().to_string()).clicked()
                        {
                            if let Err(e) = open_in_file_manager(dir) {
                                open_failed = Some(format!("Could not open the folder: {e}"));
                            }
                            close = true;
                        }
                        if ui.button("Dismiss").clicked() {
                            close = true;
                        }
                    });
                });
            });
        if let Some(e) = open_failed {
            self.export.toast(e, None, true);
        } else if close {
            self.export.toast = None;
        }
    }
}

enum Asked {
    Chosen(PathBuf),
    NoDialog,
    Cancelled,
}

/// Wait for the dialog (if any). A dialog that returns nothing at once never opened.
fn ask(dialog: Option<DialogFuture>) -> Result<Asked, String> {
    let Some(f) = dialog else { return Ok(Asked::NoDialog) };
    let t = Instant::now();
    Ok(match block_on(f) {
        Some(h) => Asked::Chosen(h.path().to_path_buf()),
        None if t.elapsed() < NO_DIALOG_WITHIN => Asked::NoDialog,
        None => Asked::Cancelled,
    })
}

/// What the views show, as an export filter: the time window on the state's axis, the place
/// filters and the selection (the selected place, or the places of the selected claim or
/// quote). The quotes exported are those the quote list shows ([`Visible::quotes`], so the
/// search applies).
pub fn shown_filter(state: &AppState, visible: &Visible) -> crate::export::ShownFilter {
    crate::export::ShownFilter {
        range: state.range(),
        axis: state.axis,
        places: visible.selected_places.clone(),
        exact_places: state.filters.exact_places,
        coarse_places: state.filters.coarse_places,
        historical: state.filters.historical,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_new_never_overwrites() {
        let dir = std::env::temp_dir().join(format!("dateline-write-new-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let a = write_new(&dir, "shot", "png", b"one").unwrap_or_default();
        let b = write_new(&dir, "shot", "png", b"two").unwrap_or_default();
        assert_eq!(a.file_name().and_then(|n| n.to_str()), Some("shot.png"));
        assert_eq!(b.file_name().and_then(|n| n.to_str()), Some("shot-2.png"));
        assert_eq!(std::fs::read(&a).unwrap_or_default(), b"one");
        // No temporary files left.
        let n = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        assert_eq!(n, 2);
        assert_eq!(unique_stem(&dir, "shot", &[".png"]), "shot-3");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn block_on_runs_a_ready_future() {
        assert_eq!(block_on(async { 7 }), 7);
    }
}
