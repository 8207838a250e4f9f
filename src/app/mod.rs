//! The window: [`DatelineApp`] (an `eframe::App`) loads the corpus off the UI thread with a
//! progress bar, then each frame lets every view draw from the same [`AppState`] and
//! collects their [`Command`]s, which it applies once, after all views have drawn (the Rerun
//! viewer's pattern). Keyboard shortcuts become commands too.
//!
//! [`DatelineApp::from_model`] builds the app straight from a [`Model`] and
//! [`DatelineApp::show`] draws it into any `egui::Ui`, so tests (egui_kittest) and headless
//! renderers drive exactly what the window shows, without eframe.

use eframe::egui;
pub mod command;
pub mod export;
pub mod perf;
pub mod persist;
pub mod render;
pub mod startup;
pub mod state;
pub mod theme;
pub mod views;
pub mod watch;

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex, OnceLock};

use egui::{Key, Modifiers, RichText};

pub use command::Command;
pub use state::{AppState, Selection, SideTab, ThemeChoice, WindowWidth};

use crate::basemap::BaseMap;
use crate::engine::Progress;
use crate::model::Model;
use views::{ViewCtx, Visible};

/// Environment variable: when set to a path, the window saves a PNG screenshot there once the
/// corpus is loaded and drawn, then closes (for end-to-end tests and scripted captures).
pub const SCREENSHOT_AND_EXIT_ENV: &str = "DATELINE_SCREENSHOT_AND_EXIT";

/// The embedded base map, decoded and triangulated once per process and shared.
pub fn shared_basemap() -> Arc<BaseMap> {
    static MAP: OnceLock<Arc<BaseMap>> = OnceLock::new();
    MAP.get_or_init(|| Arc::new(BaseMap::embedded())).clone()
}

/// What the loading thread sends back.
type LoadResult = Result<startup::Loaded, String>;

/// A load in progress.
struct Loading {
    progress: Arc<Progress>,
    rx: Receiver<LoadResult>,
    what: String,
    /// What is being loaded (empty: the built-in corpus).
    paths: Vec<PathBuf>,
    /// Why: decides what of the current view survives.
    kind: startup::LoadKind,
}

/// The Dateline window.
pub struct DatelineApp {
    /// The state every view reads.
    pub state: AppState,
    model: Option<Arc<Model>>,
    basemap: Arc<BaseMap>,
    loading: Option<Loading>,
    load_error: Option<String>,
    visible: Visible,
    commands: Vec<Command>,
    play_accum: f32,
    context_ready: bool,
    /// Where to save a screenshot before exiting (see [`SCREENSHOT_AND_EXIT_ENV`]).
    screenshot_and_exit: Option<PathBuf>,
    frames_since_load: u64,
    screenshot_requested: bool,
    /// Messages from screenshot callbacks (they run outside `show`).
    messages: Arc<Mutex<Vec<String>>>,
    gazetteer: Option<PathBuf>,
    actors: Option<PathBuf>,
    extend: bool,
    title: String,
    /// Screenshot and data export (see [`export`]).
    export: export::Exporter,
    /// What is open, recent folders, banners, the file watcher (see [`startup`]).
    session: startup::Session,
    /// The folder dialog running on a worker thread (File › Open folder…): its answer.
    folder_pick: Option<Receiver<Option<PathBuf>>>,
    /// Where [`eframe::App::save`] writes the state (see [`persist`]); `None`: not saved.
    state_file: Option<PathBuf>,
    /// The window's inner size in points, as last seen (saved for the next start).
    window_size: Option<[f32; 2]>,
    /// The egui context, kept to save its memory (panel layout) with the state.
    egui_ctx: Option<egui::Context>,
}

impl DatelineApp {
    /// An app showing an already extracted model (for tests and headless rendering). The
    /// base map is the shared embedded one. If `state.cursor` is `None` the cursor goes to
    /// the busiest day.
    pub fn from_model(model: Model, state: AppState) -> Self {
        let mut state = state;
        if state.cursor.is_none() {
            state.cursor = model.busiest_day(state.axis).or_else(|| model.span(state.axis).map(|s| s.1));
        }
        let title = window_title(&model);
        DatelineApp {
            state,
            model: Some(Arc::new(model)),
            basemap: shared_basemap(),
            loading: None,
            load_error: None,
            visible: Visible::default(),
            commands: Vec::new(),
            play_accum: 0.0,
            context_ready: false,
            screenshot_and_exit: None,
            frames_since_load: 0,
            screenshot_requested: false,
            messages: Arc::default(),
            gazetteer: None,
            actors: None,
            extend: false,
            title,
            export: export::Exporter::default(),
            session: startup::Session::default(),
            folder_pick: None,
            state_file: None,
            window_size: None,
            egui_ctx: None,
        }
    }

    /// The real window's app: takes the state restored from `state_file` (with the notice of
    /// a reset, see [`persist::restore`]), saves to `state_file`, and starts loading `paths`
    /// (the embedded corpus when empty) on a background thread.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        paths: Vec<PathBuf>,
        gazetteer: Option<PathBuf>,
        actors: Option<PathBuf>,
        extend: bool,
        restored: (persist::Saved, Option<String>),
        state_file: Option<PathBuf>,
    ) -> Self {
        Self::setup_context(&cc.egui_ctx);
        let (saved, notice) = restored;
        let window_size = saved.window_size;
        // Panel sizes and other layout from last time (egui's memory); unreadable memory is
        // simply not restored.
        if let Some(memory) = saved.egui_memory.as_deref().and_then(|m| ron::from_str::<egui::Memory>(m).ok()) {
            cc.egui_ctx.memory_mut(|m| *m = memory);
        }
        let stored = saved.state.clone();
        let mut app = DatelineApp {
            state: stored,
            model: None,
            basemap: Arc::new(BaseMap::default()),
            loading: None,
            load_error: None,
            visible: Visible::default(),
            commands: Vec::new(),
            play_accum: 0.0,
            context_ready: true,
            screenshot_and_exit: std::env::var_os(SCREENSHOT_AND_EXIT_ENV).map(PathBuf::from),
            frames_since_load: 0,
            screenshot_requested: false,
            messages: Arc::default(),
            gazetteer,
            actors,
            extend,
            title: "Dateline".into(),
            export: export::Exporter::for_window(),
            session: startup::Session::default(),
            folder_pick: None,
            state_file,
            window_size,
            egui_ctx: Some(cc.egui_ctx.clone()),
        };
        app.restore_session(paths, saved, notice);
        app.desktop_frame(&cc.egui_ctx);
        app
    }

    /// Fonts and style; call once per egui context (tests: in `with_context_setup`).
    pub fn setup_context(ctx: &egui::Context) {
        theme::install_fonts(ctx);
        ctx.all_styles_mut(|style| {
            style.spacing.item_spacing = egui::vec2(6.0, 5.0);
            style.spacing.button_padding = egui::vec2(6.0, 3.0);
        });
    }

    /// The loaded model, if any.
    pub fn model(&self) -> Option<&Model> {
        self.model.as_deref()
    }

    /// The items the views showed in the last frame.
    pub fn visible(&self) -> &Visible {
        &self.visible
    }

    /// Run searches that scan at most `bytes` of text in the frame, larger ones on a worker
    /// thread (default [`views::SEARCH_IN_FRAME_BYTES`]; 0: always on a worker, as a test of
    /// the worker path on a small corpus; `usize::MAX`: never).
    pub fn search_in_frame_up_to(&mut self, bytes: usize) {
        self.visible.search_in_frame_up_to(bytes);
    }

    /// Indices of the claims the casualty plot draws for the current state (after a frame).
    pub fn plotted_claims(&self) -> Vec<usize> {
        let Some(model) = self.model.as_deref() else { return Vec::new() };
        let vctx = ViewCtx {
            model,
            state: &self.state,
            visible: &self.visible,
            palette: theme::Palette::for_theme(self.state.theme),
            basemap: &self.basemap,
        };
        views::casualty_plot::plotted(&vctx).into_iter().map(|p| p.claim).collect()
    }

    /// Whether a load is running.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Open `paths` afresh (the built-in corpus when empty); see [`startup`] for the loading.
    fn start_loading(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        self.start_load(ctx, paths, startup::LoadKind::Open);
    }

    fn poll_loading(&mut self, ctx: &egui::Context) {
        self.poll_load(ctx);
    }

    /// Keyboard shortcuts, as commands.
    fn keyboard(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        let cmds = &mut self.commands;
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::COMMAND, Key::F) {
                cmds.push(Command::FocusSearch);
            }
            if i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::E) {
                cmds.push(Command::ExportData);
            }
            if i.consume_key(Modifiers::COMMAND, Key::E) {
                cmds.push(Command::ExportScreenshot);
            }
            if i.consume_key(Modifiers::COMMAND, Key::Q) {
                cmds.push(Command::Quit);
            }
            if i.consume_key(Modifiers::COMMAND, Key::O) {
                cmds.push(Command::OpenFolder);
            }
            if i.key_pressed(Key::Escape) {
                cmds.push(Command::ClearSelection);
            }
            if typing {
                return;
            }
            if i.consume_key(Modifiers::NONE, Key::Space) {
                cmds.push(Command::TogglePlay);
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
                cmds.push(Command::Step(-1));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
                cmds.push(Command::Step(1));
            }
            if i.consume_key(Modifiers::NONE, Key::Home) {
                cmds.push(Command::JumpToEnd(false));
            }
            if i.consume_key(Modifiers::NONE, Key::End) {
                cmds.push(Command::JumpToEnd(true));
            }
            let plus = i.consume_key(Modifiers::NONE, Key::Plus)
                || i.consume_key(Modifiers::NONE, Key::Equals)
                || i.consume_key(Modifiers::SHIFT, Key::Equals);
            let minus = i.consume_key(Modifiers::NONE, Key::Minus);
            if plus || minus {
                cmds.push(Command::ZoomMap(if plus { 2.0 } else { 0.5 }));
            }
        });
    }

    /// Draw the whole window into `ui` and apply this frame's commands. Needs no
    /// `eframe::Frame`, so tests and headless renderers call it directly.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.context_ready {
            Self::setup_context(&ctx);
            self.context_ready = true;
        }
        theme::apply_theme(&ctx, self.state.theme);
        if self.egui_ctx.is_none() {
            self.egui_ctx = Some(ctx.clone());
        }
        // The window's inner size for the next start (eframe's own `persist_window` is off,
        // see `persist`); the egui area when the integration does not report it (tests).
        let r = ctx.input(|i| i.viewport().inner_rect.unwrap_or_else(|| i.viewport_rect()));
        if r.width() > 0.0 && r.height() > 0.0 {
            self.window_size = Some([r.width(), r.height()]);
        }
        self.poll_loading(&ctx);
        self.desktop_frame(&ctx);
        for m in self.messages.lock().map(|mut v| std::mem::take(&mut *v)).unwrap_or_default() {
            self.state.toast = Some(m);
        }
        self.keyboard(&ctx);
        self.export_poll(&ctx);
        self.poll_folder_pick(&ctx);
        self.status_strip_ui(ui);

        let Some(model) = self.model.clone() else {
            self.show_loading(ui);
            self.apply_commands(&ctx, None);
            return;
        };
        self.visible.update(&model, &self.state, &ctx);
        let palette = theme::Palette::for_theme(self.state.theme);
        let mut out = std::mem::take(&mut self.commands);
        {
            let vctx = ViewCtx { model: &model, state: &self.state, visible: &self.visible, palette, basemap: &self.basemap };
            self.layout(ui, &vctx, &mut out);
        }
        self.state.focus_search = false;
        self.commands = out;
        self.apply_commands(&ctx, Some(&model));
        self.tick_playback(&ctx, &model);
        self.frames_since_load += 1;
        self.maybe_screenshot_and_exit(&ctx);
        self.export_toast(&ctx);
        self.export_after_frame(&ctx);
    }

    fn layout(&self, ui: &mut egui::Ui, vctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
        if self.export.caption_visible() {
            // The caption strip of exported pictures (only in export frames and renders).
            export::caption_panel(ui, vctx);
        }
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar(ui, vctx, out));
        egui::Panel::bottom("timeline").resizable(false).show(ui, |ui| views::timeline::show(ui, vctx, out));
        egui::Panel::right("side").resizable(true).default_size(440.0).min_size(320.0).show(ui, |ui| self.side(ui, vctx, out));
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let h = ui.available_height();
            egui::Panel::bottom("plot_panel").resizable(true).default_size((h * 0.36).clamp(200.0, 360.0)).min_size(160.0).show(ui, |ui| {
                let w = ui.available_width();
                egui::Panel::right("historical").resizable(false).exact_size((w * 0.28).clamp(220.0, 340.0)).show(ui, |ui| {
                    ui.add_space(6.0);
                    egui::ScrollArea::vertical().id_salt("historical").auto_shrink([false, false]).show(ui, |ui| {
                        views::casualty_plot::historical(ui, vctx, out);
                    });
                });
                egui::CentralPanel::no_frame().show(ui, |ui| {
                    ui.add_space(4.0);
                    views::casualty_plot::show(ui, vctx, out);
                });
            });
            egui::CentralPanel::no_frame().show(ui, |ui| views::map::show(ui, vctx, out));
        });
    }

    fn top_bar(&self, ui: &mut egui::Ui, vctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open folder…   Ctrl+O").clicked() {
                    out.push(Command::OpenFolder);
                }
                // Recent folders (persisted, newest first): see `startup::recent_folders_ui`.
                ui.menu_button("Open recent", |ui| self.recent_folders_ui(ui, out));
                ui.separator();
                if ui.button("Export screenshot…   Ctrl+E").clicked() {
                    out.push(Command::ExportScreenshot);
                }
                if ui.button("Export screenshot at 2x…").clicked() {
                    out.push(Command::ExportScreenshot2x);
                }
                if ui.button("Export data…   Ctrl+Shift+E").clicked() {
                    out.push(Command::ExportData);
                }
                ui.separator();
                if ui.button("Quit   Ctrl+Q").clicked() {
                    out.push(Command::Quit);
                }
            });
            ui.label(RichText::new("Dateline").family(theme::bold()).size(18.0));
            ui.label(RichText::new(&vctx.model.data.corpus).size(15.0));
            let d = &vctx.model.data;
            ui.weak(format!(
                "{} articles · {} places · {} claims · {} quotes",
                d.articles.len(),
                d.places.len(),
                d.claims.len(),
                d.quotes.len()
            ));
            ui.separator();
            if ui.button("Open folder…").on_hover_text("Open a folder of articles (Ctrl+O)").clicked() {
                out.push(Command::OpenFolder);
            }
            if ui.button("Export screenshot").on_hover_text("Save a PNG of the window (Ctrl+E)").clicked() {
                out.push(Command::ExportScreenshot);
            }
            ui.separator();
            let mut f = vctx.state.filters;
            let a = ui.checkbox(&mut f.exact_places, "Exact places").changed();
            let b = ui.checkbox(&mut f.coarse_places, "Coarse places").changed();
            if a || b {
                out.push(Command::SetFilters(f));
            }
            ui.separator();
            let dark = vctx.state.theme == ThemeChoice::Dark;
            if ui.selectable_label(dark, "Dark theme").on_hover_text("Switch light/dark").clicked() {
                out.push(Command::SetTheme(if dark { ThemeChoice::Light } else { ThemeChoice::Dark }));
            }
            if let Some(t) = &vctx.state.toast
                && !t.is_empty()
                && !self.export.caption_visible()
            {
                ui.separator();
                ui.label(RichText::new(t).color(vctx.palette.truce));
            }
        });
    }

    fn side(&self, ui: &mut egui::Ui, vctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
        ui.add_space(4.0);
        views::quotes::search_box(ui, vctx, out);
        ui.horizontal(|ui| {
            let tab = vctx.state.tab;
            let q = format!("Quotes ({})", vctx.visible.quotes.len());
            if ui.selectable_label(tab == SideTab::Quotes, q).clicked() {
                out.push(Command::SetTab(SideTab::Quotes));
            }
            if ui.selectable_label(tab == SideTab::Article, "Article").clicked() {
                out.push(Command::SetTab(SideTab::Article));
            }
            let p = format!("Problems ({})", views::problems::count(vctx));
            if ui.selectable_label(tab == SideTab::Problems, p).clicked() {
                out.push(Command::SetTab(SideTab::Problems));
            }
        });
        ui.separator();
        match vctx.state.tab {
            SideTab::Quotes => views::quotes::show(ui, vctx, out),
            SideTab::Article => views::article::show(ui, vctx, out),
            SideTab::Problems => views::problems::show(ui, vctx, out),
        }
    }

    fn show_loading(&mut self, ui: &mut egui::Ui) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.35);
                ui.label(RichText::new("Dateline").family(theme::bold()).size(28.0));
                if let Some(l) = &self.loading
                    && startup::progress_ui(ui, &l.progress, &l.what, 400.0)
                {
                    l.progress.cancel.store(true, Ordering::Relaxed);
                }
                if let Some(e) = &self.load_error {
                    ui.add_space(12.0);
                    ui.label(RichText::new(format!("Could not load the corpus: {e}")).color(theme::okabe_ito::VERMILLION));
                    if ui.button("Open the built-in corpus").clicked() {
                        let ctx = ui.ctx().clone();
                        self.load_error = None;
                        self.start_loading(&ctx, Vec::new());
                    }
                }
            });
        });
    }

    fn apply_commands(&mut self, ctx: &egui::Context, model: Option<&Model>) {
        let cmds = std::mem::take(&mut self.commands);
        for c in cmds {
            match c {
                Command::ExportScreenshot => self.export_screenshot(ctx),
                Command::ExportScreenshot2x => self.begin_screenshot(ctx, 2.0),
                Command::ExportData => self.export_data(ctx),
                Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
                Command::OpenFolder => self.open_folder(ctx),
                Command::OpenPaths(paths) => self.open_paths(ctx, paths),
                other => {
                    if let Some(m) = model {
                        command::apply(&mut self.state, m, other);
                    }
                }
            }
        }
    }

    fn tick_playback(&mut self, ctx: &egui::Context, model: &Model) {
        if !self.state.playing {
            self.play_accum = 0.0;
            return;
        }
        let dt = ctx.input(|i| i.stable_dt).min(0.25);
        self.play_accum += dt * self.state.speed;
        while self.play_accum >= 1.0 {
            self.play_accum -= 1.0;
            let at_end = model.span(self.state.axis).is_none_or(|(_, hi)| self.state.cursor >= Some(hi));
            if at_end {
                self.state.playing = false;
                break;
            }
            command::apply(&mut self.state, model, Command::Step(1));
        }
        ctx.request_repaint();
    }

    /// Save a PNG of the window as shown (Ctrl+E), with the caption strip: see
    /// [`export`] (save dialog or default folder, temporary file then rename, toast).
    pub fn export_screenshot(&mut self, ctx: &egui::Context) {
        self.begin_screenshot(ctx, 1.0);
    }

    fn request_screenshot_to(&mut self, ctx: &egui::Context, path: PathBuf, exit: bool) {
        let messages = self.messages.clone();
        let ctx2 = ctx.clone();
        ctx.request_screenshot(move |image| {
            let msg = match export::save_png(&path, &image) {
                Ok(()) => format!("Saved {}", path.display()),
                Err(e) => format!("Could not save the screenshot: {e}"),
            };
            if exit {
                eprintln!("dateline: {msg}");
                ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            if let Ok(mut m) = messages.lock() {
                m.push(msg);
            }
            ctx2.request_repaint();
        });
        ctx.request_repaint();
    }

    fn maybe_screenshot_and_exit(&mut self, ctx: &egui::Context) {
        // A picture for a script: with the search in the box done, not half way.
        if self.screenshot_requested || self.frames_since_load < 8 || self.visible.searching().is_some() {
            if !self.screenshot_requested && self.screenshot_and_exit.is_some() {
                ctx.request_repaint();
            }
            return;
        }
        if let Some(path) = self.screenshot_and_exit.clone() {
            self.screenshot_requested = true;
            self.request_screenshot_to(ctx, path, true);
        }
    }

    /// Ask for a folder with the native dialog on a worker thread, so the window keeps
    /// drawing while the dialog is open; [`Self::poll_folder_pick`] takes the answer.
    fn open_folder(&mut self, ctx: &egui::Context) {
        self.state.playing = false;
        if self.folder_pick.is_some() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new().name("folder dialog".into()).spawn(move || {
            let picked = export::block_on(rfd::AsyncFileDialog::new().set_title("Open a folder of articles").pick_folder());
            let _ = tx.send(picked.map(|h| h.path().to_path_buf()));
            repaint.request_repaint();
        });
        match spawned {
            Ok(_) => self.folder_pick = Some(rx),
            Err(e) => self.state.toast = Some(format!("Could not open the folder dialog ({e}): run `dateline FOLDER` instead.")),
        }
    }

    /// The folder dialog's answer, once it has one: load the folder (the current corpus stays
    /// on screen meanwhile) or say that nothing was chosen.
    fn poll_folder_pick(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.folder_pick else { return };
        match rx.try_recv() {
            Err(TryRecvError::Empty) => {}
            Ok(Some(dir)) => {
                self.folder_pick = None;
                self.start_loading(ctx, vec![dir]);
            }
            Ok(None) | Err(TryRecvError::Disconnected) => {
                self.folder_pick = None;
                self.state.toast = Some("No folder chosen (or no file dialog on this system): run `dateline FOLDER` instead.".into());
            }
        }
    }
}

/// "Dateline — `<corpus name>`".
pub fn window_title(model: &Model) -> String {
    if model.data.corpus.is_empty() { "Dateline".to_owned() } else { format!("Dateline — {}", model.data.corpus) }
}

impl eframe::App for DatelineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    /// Called by eframe on its autosave interval and at exit: writes Dateline's own state file
    /// atomically (nothing goes into eframe's storage, see [`persist`]).
    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        if let Some(file) = self.state_file.clone() {
            // A failure is reported by `save_state` (stderr and a notice in the window).
            let _ = self.save_state(&file);
        }
    }

    /// egui's memory (panel sizes…) would go into eframe's non-atomic `app.ron`: not kept.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}

/// Open the window on `paths`, or on the folder open last time (the embedded corpus when
/// there is none): see [`startup::run_native`] (icon, app id, renderer fallback).
pub fn run_native(paths: Vec<PathBuf>, gazetteer: Option<PathBuf>, actors: Option<PathBuf>, extend: bool) -> Result<(), String> {
    startup::run_native(paths, gazetteer, actors, extend)
}
