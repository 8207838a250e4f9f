//! Headless rendering: the window's views drawn without a window, for `dateline render`,
//! the 2x screenshot and the benchmark. It drives the same [`DatelineApp::show`] through an
//! egui_kittest harness whose wgpu renderer prefers a CPU adapter (lavapipe, WARP) and
//! falls back to a GPU, and always draws the caption strip.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use eframe::egui;

use super::DatelineApp;
use super::state::{AppState, Selection, ThemeChoice, WindowWidth};
use crate::engine::Engine;
use crate::error::Error;
use crate::model::{Extraction, Model, TimeAxis};

/// Arguments of `dateline render`.
#[derive(Debug, Clone, clap::Args)]
pub struct RenderArgs {
    /// Article files or folders (default: the embedded corpus).
    pub paths: Vec<PathBuf>,
    /// The time cursor: last day of the window (YYYY-MM-DD).
    #[arg(long)]
    pub at: String,
    /// Window width: 1d, 3d, week (7d) or all (everything up to --at).
    #[arg(long, default_value = "3d")]
    pub window: String,
    /// Select a place by gazetteer id (e.g. `ganja`) or name.
    #[arg(long)]
    pub select: Option<String>,
    /// Light or dark.
    #[arg(long, default_value = "light")]
    pub theme: String,
    /// Time axis: event or published.
    #[arg(long, default_value = "event")]
    pub axis: String,
    /// Image size in points, WIDTHxHEIGHT.
    #[arg(long, default_value = "1600x1000")]
    pub size: String,
    /// Pixels per point (2 draws a 1600x1000 window as a 3200x2000 image).
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// The PNG to write (atomically: a temporary file in the same folder, then renamed).
    #[arg(long, short)]
    pub out: PathBuf,
}

/// Parse `1600x1000` (each side 64 to 8192).
pub fn parse_size(s: &str) -> Result<[u32; 2], Error> {
    let bad = || Error::Usage(format!("--size {s:?}: expected WIDTHxHEIGHT, each 64 to 8192, e.g. 1600x1000"));
    let (w, h) = s.trim().split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    if !(64..=8192).contains(&w) || !(64..=8192).contains(&h) {
        return Err(bad());
    }
    Ok([w, h])
}

/// The app state for `--at/--window/--select/--theme/--axis`, checked against the model.
pub fn state_from_args(model: &Model, args: &RenderArgs) -> Result<AppState, Error> {
    let at = crate::export::parse_date(&args.at)?;
    let window = match crate::export::parse_window(&args.window)? {
        Some(1) => WindowWidth::Day,
        Some(3) => WindowWidth::ThreeDays,
        Some(7) => WindowWidth::Week,
        None => WindowWidth::UpToCursor,
        Some(n) => {
            return Err(Error::Usage(format!("--window {n}d: the window shows 1d, 3d, week or all")));
        }
    };
    let theme = match args.theme.trim().to_ascii_lowercase().as_str() {
        "light" => ThemeChoice::Light,
        "dark" => ThemeChoice::Dark,
        other => return Err(Error::Usage(format!("--theme {other:?}: expected light or dark"))),
    };
    let axis = match args.axis.trim().to_ascii_lowercase().as_str() {
        "event" => TimeAxis::Event,
        "published" | "publication" => TimeAxis::Published,
        other => return Err(Error::Usage(format!("--axis {other:?}: expected event or published"))),
    };
    let selection = match &args.select {
        Some(p) => Selection::Place(crate::export::resolve_place(model, p)?),
        None => Selection::None,
    };
    if let Some((lo, hi)) = model.span(axis)
        && (at < lo || at > hi)
    {
        eprintln!("dateline: note: {at} is outside the corpus ({lo} to {hi}); the views will be empty");
    }
    Ok(AppState { cursor: Some(at), window, axis, theme, selection, ..AppState::default() })
}

/// Draw the app for `state` at `size` points and `pixels_per_point`, off screen. `memory`
/// (a live window's egui memory) carries panel sizes and scroll positions over.
pub fn render_shared(
    model: Arc<Model>,
    state: AppState,
    size: egui::Vec2,
    pixels_per_point: f32,
    memory: Option<egui::Memory>,
) -> Result<image::RgbaImage, Error> {
    let run = move || -> Result<image::RgbaImage, String> {
        let mut app = DatelineApp::from_model(Model::new(Extraction::default()), state);
        app.title = super::window_title(&model);
        if app.state.cursor.is_none() {
            app.state.cursor = model.busiest_day(app.state.axis).or_else(|| model.span(app.state.axis).map(|s| s.1));
        }
        app.model = Some(model);
        app.set_caption_always(true);
        app.search_in_frame_up_to(usize::MAX);
        let mut h = egui_kittest::Harness::builder()
            .with_size(size)
            .with_pixels_per_point(pixels_per_point)
            .with_context_setup(DatelineApp::setup_context)
            .allow_missing_glyphs()
            .with_accessibility_check(false)
            .with_render_cursor(false)
            .with_max_steps(24)
            .wgpu()
            .build_ui_state(|ui, app: &mut DatelineApp| app.show(ui), app);
        if let Some(m) = memory {
            h.ctx.memory_mut(|mem| *mem = m);
        }
        // Settle: fonts, the map's first framing, panel sizes.
        let _ = h.run_ok();
        h.run_steps(2);
        h.render()
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(Ok(img)) => Ok(img),
        Ok(Err(e)) => Err(Error::Usage(format!("cannot render: {e}"))),
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "the renderer failed".into());
            Err(Error::Usage(format!(
                "cannot render without a window: {msg} (a Vulkan, Metal, DX12 or GL driver is needed; on Linux install mesa-vulkan-drivers for the CPU renderer lavapipe)"
            )))
        }
    }
}

/// Draw the app for `state` at `size` (width, height in points, 1 pixel per point).
pub fn render_image(model: Model, state: AppState, size: [u32; 2]) -> Result<image::RgbaImage, Error> {
    render_shared(Arc::new(model), state, egui::vec2(size[0] as f32, size[1] as f32), 1.0, None)
}

/// Draw the app for `state` at `size` and encode it as PNG.
pub fn render_png(model: Model, state: AppState, size: [u32; 2]) -> Result<Vec<u8>, Error> {
    let img = render_image(model, state, size)?;
    super::export::encode_png(img.width(), img.height(), img.as_raw()).map_err(Error::Usage)
}

/// `dateline render`: extract, draw, write atomically, print the path.
pub fn run_cli(engine: &Engine, args: &RenderArgs) -> Result<(), Error> {
    let size = parse_size(&args.size)?;
    if !(args.scale.is_finite() && (0.5..=4.0).contains(&args.scale)) {
        return Err(Error::Usage(format!("--scale {}: expected 0.5 to 4", args.scale)));
    }
    // Fail before the slow part when the output cannot be written.
    let dir = match args.out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::Write { path: args.out.clone(), message: format!("no such folder {}", dir.display()) });
    }
    if args.out.is_dir() {
        return Err(Error::Write { path: args.out.clone(), message: "it is a folder".into() });
    }
    crate::export::parse_date(&args.at)?;
    let x = crate::cli::extract_paths(engine, &args.paths);
    for p in &x.problems {
        eprintln!("dateline: {}: {}", p.path, p.message);
    }
    let model = Model::new(x);
    let state = state_from_args(&model, args)?;
    let t = Instant::now();
    let img = render_shared(Arc::new(model), state, egui::vec2(size[0] as f32, size[1] as f32), args.scale, None)?;
    let png = super::export::encode_png(img.width(), img.height(), img.as_raw()).map_err(Error::Usage)?;
    crate::export::write_atomic(&args.out, &png)?;
    eprintln!("dateline: rendered {}x{} px in {:.2} s", img.width(), img.height(), t.elapsed().as_secs_f64());
    println!("{}", args.out.display());
    Ok(())
}

/// Export timings for `dateline bench` on `model` at `size`: (headless render to PNG bytes,
/// median of 3 after a warm-up; screenshot latency from Ctrl+E to the file written, through
/// the window's own export path in an off-screen harness, median of 3).
pub fn bench_export(model: &Model, size: [u32; 2]) -> Result<(std::time::Duration, std::time::Duration), Error> {
    use std::time::Duration;
    let shared = Arc::new(Model::new(model.data.clone()));
    let vsize = egui::vec2(size[0] as f32, size[1] as f32);
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let mut renders = Vec::new();
    for i in 0..4 {
        let t = Instant::now();
        let img = render_shared(shared.clone(), AppState::default(), vsize, 1.0, None)?;
        super::export::encode_png(img.width(), img.height(), img.as_raw()).map_err(Error::Usage)?;
        if i > 0 {
            renders.push(t.elapsed());
        }
    }
    let dir = std::env::temp_dir().join(format!("dateline-bench-shots-{}", std::process::id()));
    let mut shots = Vec::new();
    let result = (|| -> Result<(), Error> {
        let mut app = DatelineApp::from_model(Model::new(shared.data.clone()), AppState::default());
        app.set_export_dir(&dir);
        let mut h = egui_kittest::Harness::builder()
            .with_size(vsize)
            .with_context_setup(DatelineApp::setup_context)
            .allow_missing_glyphs()
            .with_accessibility_check(false)
            .with_max_steps(24)
            .wgpu()
            .build_ui_state(|ui, app: &mut DatelineApp| app.show(ui), app);
        let _ = h.run_ok();
        for _ in 0..3 {
            let before = h.state().last_export().cloned();
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
            let t = Instant::now();
            loop {
                h.step();
                let now = h.state().last_export().cloned();
                if now.is_some() && now != before {
                    break;
                }
                if let Some(m) = h.state().export_message()
                    && m.starts_with("Could not")
                {
                    return Err(Error::Usage(m.to_owned()));
                }
                if t.elapsed() > Duration::from_secs(60) {
                    return Err(Error::Usage("the screenshot took over a minute".into()));
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            shots.push(t.elapsed());
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result?;
    Ok((median(renders), median(shots)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("1600x1000").ok(), Some([1600, 1000]));
        assert!(parse_size("10x10").is_err());
        assert!(parse_size("wide").is_err());
    }
}
