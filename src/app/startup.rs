//! The window as a desktop app: loading any corpus in the background (with the built-in
//! gazetteer when the user's file is broken), telling the user in the window what went wrong
//! and what to do (red banners), dropped files and folders, the recent-folders menu, the
//! window icon and the renderer fallback (wgpu, then glow).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use eframe::egui;
use egui::RichText;

use super::command::Command;
use super::theme;
use super::watch::FolderWatcher;
use crate::basemap::BaseMap;
use crate::engine::{Engine, Progress};
use crate::error::Error;
use crate::model::{Model, Problem};

/// The window icon (the 256 px PNG of the desktop entry), embedded.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/hicolor/256x256/apps/dateline.png");

/// Environment variable: `glow` or `wgpu` forces that renderer (default: wgpu, then glow).
pub const RENDERER_ENV: &str = "DATELINE_RENDERER";

/// What a finished load hands to the window.
pub struct Loaded {
    /// The extracted model.
    pub model: Model,
    /// The base map.
    pub basemap: Arc<BaseMap>,
    /// Things the user should know (a broken gazetteer replaced by the built-in one…).
    pub warnings: Vec<String>,
}

/// Why a load was started; decides what of the current view survives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadKind {
    /// The user opened something new: fresh view on the busiest day.
    Open,
    /// The first load of a session: keep the restored cursor and selection where valid.
    Restore,
    /// The files changed on disk: keep the cursor and selection where valid.
    Reload {
        /// How many files changed.
        changed: usize,
    },
}

/// The window's desktop side: what is open, the recent list, banners, the file watcher.
#[derive(Default)]
pub struct Session {
    /// The files and folders open now (empty: the built-in corpus).
    pub paths: Vec<PathBuf>,
    /// Recent folders, newest first (persisted).
    pub recent: Vec<PathBuf>,
    /// Red banners: errors the user should see, with what to do.
    pub banners: Vec<Banner>,
    /// Watches [`Session::paths`].
    pub watcher: Option<FolderWatcher>,
    /// A load to start on the next frame (the constructor has no context to start it with).
    pub pending: Option<(Vec<PathBuf>, LoadKind)>,
}

impl Session {
    /// Add a banner unless the same text is already shown.
    pub fn banner(&mut self, text: impl Into<String>, sticky: bool) {
        let text = text.into();
        if !self.banners.iter().any(|b| b.text == text) {
            self.banners.push(Banner { text, sticky });
        }
    }
}

/// "Your gazetteer bad.toml has an error at line 3, column 5: …; using the built-in gazetteer."
pub fn data_file_message(kind: &str, path: &Path, e: &Error) -> String {
    let what = match e {
        Error::Data { message, .. } if message.starts_with("line ") => format!("has an error at {message}"),
        Error::Data { message, .. } => format!("has an error: {message}"),
        Error::Io { source, .. } => format!("could not be read ({})", crate::corpus::io_message(source)),
        other => format!("could not be used: {other}"),
    };
    format!("Your {kind} {} {what}; using the built-in {kind}. Fix the file and open the folder again.", path.display())
}

/// The engine with the user's gazetteer and actor files; a file that fails is replaced by
/// the built-in data and explained in a warning.
pub fn engine_with_fallback(gazetteer: Option<&Path>, actors: Option<&Path>, extend: bool) -> Result<(Engine, Vec<String>), String> {
    if let Ok(engine) = Engine::with_files(gazetteer, actors, extend) {
        return Ok((engine, Vec::new()));
    }
    let mut warnings = Vec::new();
    let mut check = |kind: &str, g: Option<&Path>, a: Option<&Path>, path: Option<&Path>| -> bool {
        let Some(path) = path else { return true };
        match Engine::with_files(g, a, extend) {
            Ok(_) => true,
            Err(e) => {
                warnings.push(data_file_message(kind, path, &e));
                false
            }
        }
    };
    let g_ok = check("gazetteer", gazetteer, None, gazetteer);
    let a_ok = check("actor list", None, actors, actors);
    let g = gazetteer.filter(|_| g_ok);
    let a = actors.filter(|_| a_ok);
    match Engine::with_files(g, a, extend) {
        Ok(engine) => Ok((engine, warnings)),
        // Each file alone is fine but not together (e.g. --extend duplicates): built-in only.
        Err(e) => {
            warnings.push(format!("Your gazetteer and actor files do not work together ({e}); using the built-in ones."));
            let engine = Engine::embedded().map_err(|e| format!("the built-in gazetteer is broken: {e}"))?;
            Ok((engine, warnings))
        }
    }
}

/// The message for paths that gave no article.
pub fn no_articles_message(paths: &[PathBuf], problems: &[Problem]) -> String {
    let todo = "Open another folder (Open folder…, Ctrl+O) or drop files onto the window.";
    if let [one] = paths
        && !one.exists()
    {
        return format!("{} was not found. {todo}", one.display());
    }
    let names = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
    let why = match problems {
        [] => String::new(),
        [p] => format!(" ({}: {})", p.path, p.message),
        [p, rest @ ..] => format!(" ({}: {}; and {} more problems)", p.path, p.message, rest.len()),
    };
    format!("No .txt, .md or .jsonl articles in {names}{why}. {todo}")
}

/// Load `paths` (the built-in corpus when empty) on the calling thread. A folder with no
/// article is an error, so the window can keep what it shows. With `previous` (the same
/// paths loaded before their files changed), only the articles that changed are extracted
/// ([`Engine::extract_paths_again`]).
pub fn load(
    paths: &[PathBuf],
    gazetteer: Option<&Path>,
    actors: Option<&Path>,
    extend: bool,
    previous: Option<&Model>,
    progress: &Progress,
) -> Result<Loaded, String> {
    let (engine, warnings) = engine_with_fallback(gazetteer, actors, extend)?;
    let mut x = match previous {
        _ if paths.is_empty() => engine.extract_embedded(),
        Some(m) => engine.extract_paths_again(paths, &m.data, progress),
        None => engine.extract_paths(paths, progress),
    };
    if progress.cancelled() {
        return Err("Loading was cancelled.".to_owned());
    }
    if !paths.is_empty() && x.articles.is_empty() {
        return Err(no_articles_message(paths, &x.problems));
    }
    if x.corpus.is_empty() {
        x.corpus = crate::corpus::corpus_name(paths, None);
    }
    Ok(Loaded { model: Model::new(x), basemap: super::shared_basemap(), warnings })
}

/// The window icon.
pub fn icon() -> Option<egui::IconData> {
    let img = image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png).ok()?.to_rgba8();
    let (width, height) = img.dimensions();
    Some(egui::IconData { rgba: img.into_raw(), width, height })
}

/// Renderers to try, in order: [`RENDERER_ENV`] if set, else wgpu then glow.
pub fn renderers() -> Vec<eframe::Renderer> {
    match std::env::var(RENDERER_ENV).map(|v| v.to_ascii_lowercase()).as_deref() {
        Ok("glow" | "gl" | "opengl") => vec![eframe::Renderer::Glow],
        Ok("wgpu") => vec![eframe::Renderer::Wgpu],
        _ => vec![eframe::Renderer::Wgpu, eframe::Renderer::Glow],
    }
}

/// Paths of the files and folders dropped onto the window this frame.
pub fn dropped_paths(ctx: &egui::Context) -> Vec<PathBuf> {
    ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect())
}

/// While files are dragged over the window: a veil with "Drop articles to open".
pub fn drop_overlay(ctx: &egui::Context) {
    let names: Vec<String> = ctx.input(|i| {
        i.raw
            .hovered_files
            .iter()
            .filter_map(|f| f.path.as_ref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().to_string()))
            .collect()
    });
    if !ctx.input(|i| !i.raw.hovered_files.is_empty()) {
        return;
    }
    let rect = ctx.content_rect();
    let dark = ctx.global_style().visuals.dark_mode;
    let veil = if dark { egui::Color32::from_black_alpha(200) } else { egui::Color32::from_white_alpha(215) };
    egui::Area::new(egui::Id::unique("dateline_drop_overlay")).order(egui::Order::Foreground).fixed_pos(rect.min).interactable(false).show(
        ctx,
        |ui| {
            let (r, _) = ui.allocate_exact_size(rect.size(), egui::Sense::hover());
            ui.painter().rect_filled(r, 0.0, veil);
            ui.painter().rect_stroke(r.shrink(12.0), 12.0, egui::Stroke::new(3.0, theme::okabe_ito::BLUE), egui::StrokeKind::Inside);
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(r).layout(egui::Layout::top_down(egui::Align::Center)));
            child.add_space(r.height() * 0.42);
            child.label(RichText::new("Drop articles to open").size(30.0).family(theme::bold()));
            if !names.is_empty() {
                let mut shown = names.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
                if names.len() > 3 {
                    shown.push_str(&format!(" and {} more", names.len() - 3));
                }
                child.label(RichText::new(shown).size(16.0));
            }
            child.label(RichText::new("Folders, .txt, .md and .jsonl files").size(14.0).weak());
        },
    );
}

/// What the user did in the status strip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StripAction {
    /// Cancel the running load.
    Cancel,
    /// Close banner number `i`.
    Dismiss(usize),
}

/// The strip at the top of the window: red banners, and the progress of a load that runs
/// while the previous corpus stays on screen.
pub fn status_strip(ui: &mut egui::Ui, banners: &[String], loading: Option<(&Progress, &str)>) -> Vec<StripAction> {
    let mut actions = Vec::new();
    if banners.is_empty() && loading.is_none() {
        return actions;
    }
    egui::Panel::top("status_strip").show(ui, |ui| {
        for (i, b) in banners.iter().enumerate() {
            let dark = ui.visuals().dark_mode;
            let fill = if dark { egui::Color32::from_rgb(0x5a, 0x1c, 0x14) } else { egui::Color32::from_rgb(0xfb, 0xe3, 0xdc) };
            let text = if dark { egui::Color32::from_rgb(0xff, 0xc9, 0xb8) } else { egui::Color32::from_rgb(0x9b, 0x1c, 0x0c) };
            egui::Frame::new().fill(fill).inner_margin(egui::Margin::symmetric(8, 5)).corner_radius(4.0).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                        actions.push(StripAction::Dismiss(i));
                    }
                    ui.add(egui::Label::new(RichText::new(b).color(text)).wrap());
                });
            });
        }
        if let Some((progress, what)) = loading {
            ui.horizontal(|ui| {
                if progress_ui(ui, progress, what, 320.0) {
                    actions.push(StripAction::Cancel);
                }
            });
        }
        ui.add_space(2.0);
    });
    actions
}

/// The "Recent" menu: recently opened folders (click to open), for the top bar or a File
/// menu. Pushes [`Command::OpenPaths`].
pub fn recent_menu(ui: &mut egui::Ui, recent: &[PathBuf], out: &mut Vec<Command>) {
    ui.menu_button("Recent", |ui| recent_folders_ui(ui, recent, out)).response.on_hover_text("Recently opened folders");
}

/// The entries of the recent-folders list (inside any menu).
pub fn recent_folders_ui(ui: &mut egui::Ui, recent: &[PathBuf], out: &mut Vec<Command>) {
    if recent.is_empty() {
        ui.weak("No recent folders yet");
        return;
    }
    for p in recent {
        let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| p.display().to_string());
        let exists = p.exists();
        let r = ui.add_enabled(exists, egui::Button::new(name)).on_hover_text(p.display().to_string());
        if r.clicked() {
            out.push(Command::OpenPaths(vec![p.clone()]));
            ui.close();
        }
    }
}

/// The message of a load the user cancelled.
pub const CANCELLED: &str = "Loading was cancelled.";

/// A red banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    /// What happened and what to do.
    pub text: String,
    /// Stays until dismissed (start-up notices); otherwise replaced by the next load.
    pub sticky: bool,
}

impl super::DatelineApp {
    /// An app that loads `paths` (the built-in corpus when empty) in the background from its
    /// first frame, with these gazetteer and actor files — what the window does at start-up,
    /// without eframe (for tests and headless use).
    pub fn loading(paths: Vec<PathBuf>, gazetteer: Option<PathBuf>, actors: Option<PathBuf>, extend: bool, state: super::AppState) -> Self {
        let mut app = Self::from_model(Model::new(crate::model::Extraction::default()), state);
        app.model = None;
        app.title = "Dateline".into();
        app.gazetteer = gazetteer;
        app.actors = actors;
        app.extend = extend;
        app.session.paths = paths.clone();
        app.session.pending = Some((paths, LoadKind::Restore));
        app
    }

    /// The window title ("Dateline — corpus").
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The red banners shown at the top of the window.
    pub fn banners(&self) -> Vec<String> {
        self.session.banners.iter().map(|b| b.text.clone()).collect()
    }

    /// The recent folders, newest first.
    pub fn recent_folders(&self) -> &[PathBuf] {
        &self.session.recent
    }

    /// The files and folders open now (empty: the built-in corpus).
    pub fn open_paths_now(&self) -> &[PathBuf] {
        &self.session.paths
    }

    /// Add a banner that stays until the user dismisses it.
    pub fn add_notice(&mut self, text: impl Into<String>) {
        self.session.banner(text, true);
    }

    /// The recent-folders entries, for a File menu: clicking one pushes
    /// [`Command::OpenPaths`].
    pub fn recent_folders_ui(&self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        recent_folders_ui(ui, &self.session.recent, out);
    }

    /// What [`eframe::App::save`] stores.
    pub fn saved(&self) -> super::persist::Saved {
        super::persist::Saved {
            version: super::persist::STATE_VERSION,
            state: self.state.clone(),
            last_paths: self.session.paths.clone(),
            recent: self.session.recent.clone(),
            window_size: self.window_size,
            egui_memory: self.egui_ctx.as_ref().and_then(|c| c.memory(|m| ron::to_string(m).ok())),
        }
    }

    /// Write [`Self::saved`] to `file` atomically (see [`super::persist::save_to`]). On an
    /// error the previous file is left intact, and the error is printed to stderr and shown
    /// as a notice in the window (once while it stays the same).
    pub fn save_state(&mut self, file: &Path) -> Result<(), String> {
        super::persist::save_to(file, &self.saved()).inspect_err(|e| {
            let text = format!("Could not save the window's state: {e}. The previous saved state is kept.");
            if !self.session.banners.iter().any(|b| b.text == text) {
                eprintln!("dateline: {text}");
                self.session.banner(text, true);
            }
        })
    }

    /// Set up a real window's session from the stored state: recent folders, the folder that
    /// was open last (when no path was given), the notice of a reset state file.
    pub(super) fn restore_session(&mut self, paths: Vec<PathBuf>, saved: super::persist::Saved, notice: Option<String>) {
        self.session.recent = saved.recent;
        if let Some(n) = notice {
            self.session.banner(n, true);
        }
        let (paths, kind) = if !paths.is_empty() {
            let same = paths == saved.last_paths;
            (paths, if same { LoadKind::Restore } else { LoadKind::Open })
        } else if saved.last_paths.is_empty() {
            (Vec::new(), LoadKind::Restore)
        } else if let Some(gone) = saved.last_paths.iter().find(|p| !p.exists()) {
            self.session.banner(
                format!(
                    "{} (open last time) is no longer there; showing the built-in corpus. Open another folder (Ctrl+O) or drop one onto the window.",
                    gone.display()
                ),
                true,
            );
            (Vec::new(), LoadKind::Open)
        } else {
            (saved.last_paths, LoadKind::Restore)
        };
        self.session.paths = paths.clone();
        self.session.pending = Some((paths, kind));
    }

    /// Open files and folders (drop, recent list, File menu): load in the background while
    /// the current corpus stays on screen.
    pub fn open_paths(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        self.state.playing = false;
        self.start_load(ctx, paths, LoadKind::Open);
    }

    /// Start loading on a worker thread; a load already running is cancelled.
    pub(super) fn start_load(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>, kind: LoadKind) {
        if let Some(old) = self.loading.take() {
            old.progress.cancel.store(true, Ordering::Relaxed);
        }
        let progress = Arc::new(Progress::default());
        let (tx, rx) = std::sync::mpsc::channel();
        let what = describe(&paths);
        let p = progress.clone();
        let ctx2 = ctx.clone();
        let (g, a, e) = (self.gazetteer.clone(), self.actors.clone(), self.extend);
        let load_paths = paths.clone();
        // A reload reuses the articles of the corpus shown that did not change.
        let previous = if matches!(kind, LoadKind::Reload { .. }) { self.model.clone() } else { None };
        let spawned = std::thread::Builder::new().name("dateline-load".into()).spawn(move || {
            let result = load(&load_paths, g.as_deref(), a.as_deref(), e, previous.as_deref(), &p);
            // Let go of the previous model before the window takes the new one, so the window
            // frees it, as after any other load.
            drop(previous);
            // The receiver may be gone if the window closed or another load replaced this
            // one; nothing to do then.
            let _ = tx.send(result);
            ctx2.request_repaint();
        });
        match spawned {
            Ok(_) => self.loading = Some(super::Loading { progress, rx, what, paths, kind }),
            Err(e) => self.load_error = Some(format!("Could not start loading: {e}")),
        }
    }

    /// Take a finished load: show it (keeping what is still valid of the view), or explain
    /// why not while the previous corpus stays.
    pub(super) fn poll_load(&mut self, ctx: &egui::Context) {
        use std::sync::mpsc::TryRecvError;
        let Some(loading) = &self.loading else { return };
        let result = match loading.rx.try_recv() {
            Ok(r) => r,
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Err(TryRecvError::Disconnected) => Err("The loading thread stopped unexpectedly.".into()),
        };
        let Some(loading) = self.loading.take() else { return };
        self.session.banners.retain(|b| b.sticky);
        match result {
            Ok(Loaded { model, basemap, warnings }) => {
                self.state = match loading.kind {
                    LoadKind::Open => self.state.for_model(&model),
                    LoadKind::Restore => super::persist::carry_over(&self.state, None, &model),
                    LoadKind::Reload { .. } => super::persist::carry_over(&self.state, self.model.as_deref(), &model),
                };
                if let LoadKind::Reload { changed } = loading.kind {
                    let s = if changed == 1 { "" } else { "s" };
                    self.state.toast = Some(format!("Reloaded: {changed} file{s} changed"));
                }
                for w in warnings {
                    self.session.banner(w, false);
                }
                self.title = super::window_title(&model);
                ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.title.clone()));
                self.model = Some(Arc::new(model));
                self.basemap = basemap;
                self.visible = super::Visible::default();
                self.load_error = None;
                self.frames_since_load = 0;
                if !matches!(loading.kind, LoadKind::Reload { .. }) {
                    super::persist::push_recent(&mut self.session.recent, &loading.paths);
                }
                self.session.watcher = None;
                if !loading.paths.is_empty() {
                    match FolderWatcher::new(&loading.paths, Some(ctx.clone())) {
                        Ok(w) => self.session.watcher = Some(w),
                        Err(e) => self.state.toast = Some(format!("Not watching for changes: {e}")),
                    }
                }
                self.session.paths = loading.paths;
            }
            Err(e) if e == CANCELLED && self.model.is_some() => {
                self.state.toast = Some(format!("{CANCELLED} Still showing {}.", self.title));
            }
            Err(e) if self.model.is_some() => {
                let e = match loading.kind {
                    LoadKind::Reload { .. } => format!("Could not reload after files changed: {e}"),
                    _ => e,
                };
                self.session.banner(format!("{e} The previous corpus is still shown."), false);
            }
            Err(e) if !loading.paths.is_empty() => {
                // Nothing on screen yet: say why, and show the built-in corpus meanwhile.
                self.session.banner(format!("{e} Showing the built-in corpus."), false);
                self.session.paths = Vec::new();
                self.start_load(ctx, Vec::new(), LoadKind::Open);
            }
            Err(e) => self.load_error = Some(e),
        }
    }

    /// Per frame: start a pending load, take dropped files, show the drop veil, and reload
    /// when the watched files changed.
    pub(super) fn desktop_frame(&mut self, ctx: &egui::Context) {
        if let Some((paths, kind)) = self.session.pending.take() {
            self.start_load(ctx, paths, kind);
        }
        let dropped = dropped_paths(ctx);
        if !dropped.is_empty() {
            self.open_paths(ctx, dropped);
        }
        drop_overlay(ctx);
        if self.loading.is_none()
            && let Some(w) = &mut self.session.watcher
        {
            match w.poll() {
                super::watch::Poll::Idle => {}
                super::watch::Poll::Waiting(d) => ctx.request_repaint_after(d),
                super::watch::Poll::Ready(n) => {
                    let paths = self.session.paths.clone();
                    self.start_load(ctx, paths, LoadKind::Reload { changed: n });
                }
            }
        }
    }

    /// The banners and, while a new corpus loads over the current one, its progress.
    pub(super) fn status_strip_ui(&mut self, ui: &mut egui::Ui) {
        let texts: Vec<String> = self.session.banners.iter().map(|b| b.text.clone()).collect();
        let loading = if self.model.is_some() { self.loading.as_ref().map(|l| (&*l.progress, l.what.as_str())) } else { None };
        for action in status_strip(ui, &texts, loading) {
            match action {
                StripAction::Cancel => {
                    if let Some(l) = &self.loading {
                        l.progress.cancel.store(true, Ordering::Relaxed);
                    }
                }
                StripAction::Dismiss(i) => {
                    if i < self.session.banners.len() {
                        self.session.banners.remove(i);
                    }
                }
            }
        }
    }
}

/// Open the window on `paths` (the built-in corpus when empty, or the folder open last
/// time): the embedded icon, app id `dateline` (the desktop file's StartupWMClass), the last
/// window size (from Dateline's `state.json`; eframe persists nothing itself). Tries wgpu, then glow (OpenGL) when wgpu cannot start; the window then says
/// so.
pub fn run_native(paths: Vec<PathBuf>, gazetteer: Option<PathBuf>, actors: Option<PathBuf>, extend: bool) -> Result<(), String> {
    // Dateline's own state file (eframe's `app.ron` is not used, see `persist`); read before
    // the window is built for its size. A file that cannot be read is set aside here, once.
    let state_file = super::persist::state_file();
    let restored = super::persist::restore(state_file.as_deref());
    let size = super::persist::window_size(&restored.0).unwrap_or([1600.0, 1000.0]);
    let mut errors: Vec<String> = Vec::new();
    for renderer in renderers() {
        let mut viewport = egui::ViewportBuilder::default()
            .with_title("Dateline")
            .with_app_id("dateline")
            .with_inner_size(size)
            .with_min_inner_size(super::persist::MIN_WINDOW)
            .with_drag_and_drop(true);
        if let Some(icon) = icon() {
            viewport = viewport.with_icon(icon);
        }
        let options = eframe::NativeOptions { viewport, renderer, persist_window: false, ..Default::default() };
        let note = (!errors.is_empty()).then(|| {
            format!(
                "The GPU renderer could not start ({}); using OpenGL instead. If the window looks wrong, update the graphics driver.",
                errors.join("; ")
            )
        });
        let (p, g, a) = (paths.clone(), gazetteer.clone(), actors.clone());
        let (r, f) = (restored.clone(), state_file.clone());
        let result = eframe::run_native(
            "Dateline",
            options,
            Box::new(move |cc| {
                let mut app = super::DatelineApp::new(cc, p, g, a, extend, r, f);
                if let Some(n) = note {
                    app.add_notice(n);
                }
                Ok(Box::new(app))
            }),
        );
        match result {
            Ok(()) => return Ok(()),
            Err(e) => {
                eprintln!("dateline: the {renderer} renderer failed: {e}");
                errors.push(e.to_string());
            }
        }
    }
    Err(errors.join("; "))
}

/// Titles of the loading in `what` (for the progress line).
pub fn describe(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        "the built-in corpus".to_owned()
    } else {
        paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    }
}

/// "Reading WHAT…", a progress bar of articles read and a Cancel button; true when Cancel was
/// clicked. Shared by the loading screen and the strip shown while another corpus loads.
pub(super) fn progress_ui(ui: &mut egui::Ui, progress: &crate::engine::Progress, what: &str, width: f32) -> bool {
    let done = progress.done.load(Ordering::Relaxed);
    let total = progress.total.load(Ordering::Relaxed);
    ui.label(format!("Reading {what}…"));
    let frac = if total > 0 { done as f32 / total as f32 } else { 0.0 };
    ui.add(
        egui::ProgressBar::new(frac)
            .desired_width(width)
            .text(if total > 0 { format!("{done} of {total} articles") } else { "listing files…".into() })
            .animate(true),
    );
    ui.button("Cancel").clicked()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_gazetteer_falls_back_with_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, "[[place]]\nid = \"x\"\nname = = 3\n").unwrap();
        let (engine, warnings) = engine_with_fallback(Some(&bad), None, false).unwrap();
        assert!(!engine.gazetteer.places.is_empty(), "the built-in gazetteer is used");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let w = &warnings[0];
        assert!(w.starts_with("Your gazetteer ") && w.contains("bad.toml has an error at line 3, column"), "{w}");
        assert!(w.contains("using the built-in gazetteer"), "{w}");
    }

    #[test]
    fn empty_and_missing_folders_are_errors_with_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("photo.png"), b"\x89PNG").unwrap();
        let p = Progress::default();
        let e = load(&[dir.path().to_path_buf()], None, None, false, None, &p).err().unwrap();
        assert!(e.starts_with("No .txt, .md or .jsonl articles in "), "{e}");
        let e = load(&[dir.path().join("nope")], None, None, false, None, &p).err().unwrap();
        assert!(e.contains("was not found"), "{e}");
    }

    #[test]
    fn icon_decodes() {
        let i = icon().unwrap();
        assert_eq!((i.width, i.height), (256, 256));
        assert_eq!(i.rgba.len(), 256 * 256 * 4);
    }
}
