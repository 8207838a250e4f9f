//! The map: the offline Natural Earth base map (level of detail by zoom), the
//! Nagorno-Karabakh outline, one marker per place with items in the time window (sized by
//! count, coloured by kind; coarse places as hollow rings with a precision halo), labels that
//! do not overlap, hover tooltips, click to select, pan, zoom, fit to data, legend, caption
//! and the Natural Earth credit. When more than [`CLUSTER_ABOVE`] exact places are in view
//! (a gazetteer of thousands of villages), the exact places that share a cell of a grid
//! anchored to the world are drawn as one cluster (the number of places; click to zoom in).

use eframe::egui;
use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Sense, Shape, Stroke, Vec2, epaint::Vertex};

use super::{ViewCtx, fmt_day};
use crate::app::command::Command;
use crate::app::state::{Camera, SOUTH_CAUCASUS, Selection, WindowWidth};
use crate::app::theme::{KIND_LEGEND, Palette};
use crate::basemap::{self, CREDIT, Country};
use crate::model::{Place, PlaceStats, TimeAxis};

/// Closest zoom: world units per point (about 40 m per point).
pub const MIN_SCALE: f64 = 1e-6;
/// Farthest zoom: the whole world in about 300 points.
pub const MAX_SCALE: f64 = 1.0 / 300.0;

/// Screen transform of a camera inside a rectangle.
#[derive(Debug, Clone, Copy)]
pub struct View {
    /// The camera.
    pub camera: Camera,
    /// The map's rectangle on screen.
    pub rect: Rect,
}

impl View {
    /// World units to screen.
    pub fn to_screen(&self, w: [f64; 2]) -> Pos2 {
        let c = self.rect.center();
        Pos2::new(
            c.x + ((w[0] - self.camera.center[0]) / self.camera.scale) as f32,
            c.y + ((w[1] - self.camera.center[1]) / self.camera.scale) as f32,
        )
    }

    /// Screen to world units.
    pub fn to_world(&self, p: Pos2) -> [f64; 2] {
        let c = self.rect.center();
        [self.camera.center[0] + f64::from(p.x - c.x) * self.camera.scale, self.camera.center[1] + f64::from(p.y - c.y) * self.camera.scale]
    }

    /// The visible world rectangle (min x, min y, max x, max y).
    pub fn world_rect(&self) -> [f64; 4] {
        let a = self.to_world(self.rect.min);
        let b = self.to_world(self.rect.max);
        [a[0], a[1], b[0], b[1]]
    }

    /// Place's screen position.
    pub fn place(&self, p: &Place) -> Pos2 {
        self.to_screen(basemap::project(p.lon, p.lat))
    }
}

/// The camera that frames `bbox` (world units) in `rect`, with a small margin.
pub fn fit(bbox: [f64; 4], rect: Rect) -> Camera {
    let w = (bbox[2] - bbox[0]).abs().max(1e-5);
    let h = (bbox[3] - bbox[1]).abs().max(1e-5);
    let scale = (w / f64::from(rect.width().max(50.0))).max(h / f64::from(rect.height().max(50.0))) * 1.08;
    Camera { center: [(bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0], scale: scale.clamp(MIN_SCALE, MAX_SCALE) }
}

/// Zoom a camera by `factor` (> 1 zooms in) keeping the world point under `anchor` fixed.
pub fn zoom(view: &View, factor: f64, anchor: Pos2) -> Camera {
    let before = view.to_world(anchor);
    let scale = (view.camera.scale / factor).clamp(MIN_SCALE, MAX_SCALE);
    let c = view.rect.center();
    Camera { center: [before[0] - f64::from(anchor.x - c.x) * scale, before[1] - f64::from(anchor.y - c.y) * scale], scale }
}

/// The bounding box (world units) of the places with items in the window, or `None`.
pub fn data_bbox(ctx: &ViewCtx<'_>) -> Option<[f64; 4]> {
    // Countries far away (the United States) would make "fit" useless; fit exact places
    // first and fall back to everything when there are none.
    let places = ctx.visible.stats.iter().filter_map(|s| ctx.model.data.places.get(s.place)).filter(|p| !p.is_coarse());
    let b = places_bbox(places)?;
    // Pad a lone point to a region around it.
    let pad = 0.004;
    Some([b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad])
}

/// The bounding box (world units: min x, min y, max x, max y) of places, or `None` for none.
fn places_bbox<'p>(places: impl IntoIterator<Item = &'p Place>) -> Option<[f64; 4]> {
    places.into_iter().fold(None, |b, p| {
        let w = basemap::project(p.lon, p.lat);
        Some(match b {
            None => [w[0], w[1], w[0], w[1]],
            Some(b) => [b[0].min(w[0]), b[1].min(w[1]), b[2].max(w[0]), b[3].max(w[1])],
        })
    })
}

/// Marker radius in points for a count, relative to the largest count in the window (area
/// proportional to the count), so markers stay distinguishable at any corpus size.
pub fn marker_radius(total: usize, max_total: usize) -> f32 {
    let share = total as f32 / max_total.max(total).max(1) as f32;
    4.0 + 18.0 * share.sqrt()
}

/// Exact places in view above which nearby ones are drawn as clusters: below it every place
/// has its own marker (labels dodge each other); above it, thousands of overlapping discs
/// would read as one blot and cost a frame budget to lay out.
pub const CLUSTER_ABOVE: usize = 150;

/// Smallest side of a cluster cell on screen, in points (cells are a power of two of world
/// units, so they change only when the zoom doubles: 36 to 72 points).
const CLUSTER_CELL: f64 = 36.0;

/// Exact places close together on screen, drawn as one marker.
struct Cluster<'a> {
    /// The places, most items first.
    members: Vec<Marker<'a>>,
    /// Where it is drawn: the members' centre, weighted by items.
    pos: Pos2,
    radius: f32,
    /// The members' items in the window.
    total: usize,
    /// The members' bounding box in world units.
    bbox: [f64; 4],
}

impl Cluster<'_> {
    /// The accessible name: "Map cluster of 37 places: Ganja, Tartar, Barda and 34 more".
    fn label(&self) -> String {
        let names: Vec<&str> = self.members.iter().take(3).map(|m| m.place.name.as_str()).collect();
        let more = self.members.len().saturating_sub(names.len());
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        format!("Map cluster of {} places: {}{more}", self.members.len(), names.join(", "))
    }
}

/// Cluster the exact places among `markers` when more than [`CLUSTER_ABOVE`] are in view: the
/// places in one grid cell (anchored to the world) become one [`Cluster`], unless selected
/// or hovered (those keep their own marker, so their ring shows). Returns the markers drawn on
/// their own and the clusters.
fn cluster_markers<'a>(ctx: &ViewCtx<'_>, view: &View, markers: Vec<Marker<'a>>) -> (Vec<Marker<'a>>, Vec<Cluster<'a>>) {
    let exact = markers.iter().filter(|m| !m.place.is_coarse()).count();
    if exact <= CLUSTER_ABOVE {
        return (markers, Vec::new());
    }
    let cell = 2f64.powi((CLUSTER_CELL * view.camera.scale).log2().ceil() as i32);
    let hover = ctx.state.hover_place.as_deref();
    let mut single = Vec::new();
    let mut cells: rustc_hash::FxHashMap<(i64, i64), Vec<Marker<'a>>> = Default::default();
    for m in markers {
        if m.place.is_coarse() || m.selected || hover == Some(m.place.id.as_str()) {
            single.push(m);
            continue;
        }
        let w = basemap::project(m.place.lon, m.place.lat);
        cells.entry(((w[0] / cell).floor() as i64, (w[1] / cell).floor() as i64)).or_default().push(m);
    }
    let mut clusters = Vec::new();
    for (_, mut members) in cells {
        if members.len() == 1 {
            single.extend(members);
            continue;
        }
        members.sort_by(|a, b| b.stats.total().cmp(&a.stats.total()).then(a.place.name.cmp(&b.place.name)));
        let total: usize = members.iter().map(|m| m.stats.total()).sum();
        let weight = |m: &Marker<'_>| m.stats.total().max(1) as f32;
        let sum: f32 = members.iter().map(weight).sum();
        let pos = Pos2::new(
            members.iter().map(|m| m.pos.x * weight(m)).sum::<f32>() / sum,
            members.iter().map(|m| m.pos.y * weight(m)).sum::<f32>() / sum,
        );
        let bbox = places_bbox(members.iter().map(|m| m.place)).unwrap_or_default();
        clusters.push(Cluster { members, pos, radius: 0.0, total, bbox });
    }
    // Sizes relative to the largest thing drawn, cluster or place; big first, as markers.
    let max_total = clusters.iter().map(|c| c.total).chain(single.iter().map(|m| m.stats.total())).max().unwrap_or(1);
    for c in &mut clusters {
        c.radius = marker_radius(c.total, max_total).max(11.0);
    }
    clusters.sort_by(|a, b| b.radius.total_cmp(&a.radius).then(a.pos.x.total_cmp(&b.pos.x)));
    // Big first, as `collect_markers` left them (the cells come in no particular order).
    single.sort_by(|a, b| b.radius.total_cmp(&a.radius).then(a.place.name.cmp(&b.place.name)));
    (single, clusters)
}

/// Draw the clusters (a disc with the number of places) and answer them: hover lists the
/// places, a click zooms in on them.
fn draw_clusters(ui: &egui::Ui, painter: &egui::Painter, ctx: &ViewCtx<'_>, view: &View, clusters: &[Cluster<'_>], out: &mut Vec<Command>) {
    let pal = ctx.palette;
    let outline = if pal.dark { Color32::from_gray(20) } else { Color32::WHITE };
    for c in clusters {
        let color = c.members.first().map_or(pal.weak, |m| pal.kind(&m.place.kind));
        painter.circle_filled(c.pos, c.radius + 3.5, color.gamma_multiply(0.35));
        painter.circle_filled(c.pos, c.radius, color);
        painter.circle_stroke(c.pos, c.radius, Stroke::new(1.5, outline));
        painter.text(c.pos, Align2::CENTER_CENTER, c.members.len().to_string(), FontId::proportional(12.0), Color32::WHITE);
    }
    for c in clusters.iter().rev() {
        let r = Rect::from_center_size(c.pos, Vec2::splat(2.0 * c.radius + 6.0)).intersect(view.rect);
        if !r.is_positive() {
            continue;
        }
        let id = ui.scope_id().with(("cluster", &c.members[0].place.id));
        let resp = ui.interact(r, id, Sense::click());
        let label = c.label();
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.clicked() {
            out.push(Command::SetCamera(cluster_zoom(view, c)));
        }
        resp.on_hover_ui(|ui| cluster_tooltip(ui, c));
    }
}

/// The camera a click on a cluster moves to: framing its places, and at least twice as
/// close (places on one spot still come apart, down to the closest zoom).
fn cluster_zoom(view: &View, c: &Cluster<'_>) -> Camera {
    let pad = (c.bbox[2] - c.bbox[0]).max(c.bbox[3] - c.bbox[1]) * 0.15;
    let framed = fit([c.bbox[0] - pad, c.bbox[1] - pad, c.bbox[2] + pad, c.bbox[3] + pad], view.rect);
    if framed.scale <= view.camera.scale / 2.0 { framed } else { zoom(view, 2.0, c.pos) }
}

fn cluster_tooltip(ui: &mut egui::Ui, c: &Cluster<'_>) {
    ui.label(egui::RichText::new(format!("{} places", c.members.len())).family(crate::app::theme::bold()).size(15.0));
    let sum = |f: fn(&PlaceStats) -> usize| c.members.iter().map(|m| f(m.stats)).sum::<usize>();
    ui.label(format!(
        "In this window: {} mentions · {} casualty claims · {} quotes",
        sum(|s| s.mentions),
        sum(|s| s.claims),
        sum(|s| s.quotes)
    ));
    const LISTED: usize = 8;
    for m in c.members.iter().take(LISTED) {
        ui.label(format!("{} ({})", m.place.name, m.stats.total()));
    }
    if c.members.len() > LISTED {
        ui.weak(format!("… and {} more", c.members.len() - LISTED));
    }
    ui.weak("Click to zoom in on them.");
}

/// Draw the map into the whole of `ui`'s available rectangle.
pub fn show(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, out: &mut Vec<Command>) {
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Map"));
    let camera = match (ctx.state.fit_to, ctx.state.camera) {
        (None, Some(c)) => c,
        (fit_to, _) => {
            let c = fit(fit_to.unwrap_or(SOUTH_CAUCASUS), rect);
            out.push(Command::SetCamera(c));
            c
        }
    };
    let view = View { camera, rect };
    let painter = ui.painter_at(rect);
    let pal = ctx.palette;

    draw_basemap(&painter, ctx, &view);

    // Markers.
    let (markers, clusters) = cluster_markers(ctx, &view, collect_markers(ctx, &view));
    let hovered_id = draw_markers(ui, &painter, ctx, &view, &markers, out);
    draw_clusters(ui, &painter, ctx, &view, &clusters, out);
    if hovered_id != ctx.state.hover_place {
        out.push(Command::HoverPlace(hovered_id));
    }

    // Overlays (after markers: they take clicks first).
    let mut occupied: Vec<Rect> = Vec::new();
    occupied.extend(clusters.iter().map(|c| Rect::from_center_size(c.pos, Vec2::splat(2.0 * c.radius + 4.0))));
    let controls = controls(ui, ctx, &view, out);
    occupied.push(controls.expand(4.0));
    occupied.push(legend(&painter, &pal, rect, !clusters.is_empty()));
    let cap = caption(&painter, ctx, rect);
    let cred = credit(&painter, &pal, rect);
    // Painted text is invisible to screen readers and tests; name the rectangles.
    let text = caption_text(ctx);
    ui.interact(cap, ui.scope_id().with("map_caption"), Sense::hover())
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Map caption: {text}")));
    ui.interact(cred, ui.scope_id().with("map_credit"), Sense::hover())
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, CREDIT));
    occupied.push(cap);
    occupied.push(cred);

    draw_labels(&painter, ctx, &markers, &mut occupied);
    draw_country_names(ui, &painter, ctx, &view, &markers, &mut occupied);

    // Pan and zoom.
    let mut cam = camera;
    let mut changed = false;
    if response.dragged() {
        let d = response.drag_delta();
        cam.center[0] -= f64::from(d.x) * cam.scale;
        cam.center[1] -= f64::from(d.y) * cam.scale;
        changed = true;
    }
    if response.hovered() {
        let (scroll, zoom_delta, pointer) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        let factor = f64::from(zoom_delta) * (f64::from(scroll.y) / 200.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            let anchor = pointer.unwrap_or(rect.center());
            cam = zoom(&View { camera: cam, rect }, factor, anchor);
            changed = true;
        }
    }
    if response.double_clicked() {
        let anchor = response.interact_pointer_pos().unwrap_or(rect.center());
        cam = zoom(&View { camera: cam, rect }, 2.0, anchor);
        changed = true;
    }
    if changed {
        cam.center[1] = cam.center[1].clamp(0.0, 1.0);
        out.push(Command::SetCamera(cam));
    }
}

fn country_mesh(mesh: &mut Mesh, c: &Country, view: &View, color: Color32) {
    let base = mesh.vertices.len() as u32;
    mesh.vertices.extend(c.vertices.iter().map(|v| Vertex {
        pos: view.to_screen([f64::from(v[0]), f64::from(v[1])]),
        uv: egui::epaint::WHITE_UV,
        color,
    }));
    mesh.indices.extend(c.indices.iter().map(|i| base + i));
}

fn visible(c: &Country, w: &[f64; 4]) -> bool {
    let b = c.bbox.map(f64::from);
    !(b[2] < w[0] || b[0] > w[2] || b[3] < w[1] || b[1] > w[3])
}

fn draw_basemap(painter: &egui::Painter, ctx: &ViewCtx<'_>, view: &View) {
    let pal = ctx.palette;
    painter.rect_filled(view.rect, 0.0, pal.water);
    let world = view.world_rect();
    let detail = ctx.basemap.detail_for_view(view.camera.scale, world);
    let layer = ctx.basemap.layer(detail);
    let mut mesh = Mesh::default();
    for c in layer.countries.iter().filter(|c| visible(c, &world)) {
        country_mesh(&mut mesh, c, view, pal.land);
    }
    painter.add(Shape::mesh(mesh));
    // Disputed region: translucent fill under the borders, dashed outline above.
    let nk = &ctx.basemap.disputed;
    if visible(nk, &world) {
        let mut m = Mesh::default();
        country_mesh(&mut m, nk, view, pal.disputed_fill);
        painter.add(Shape::mesh(m));
    }
    let stroke = Stroke::new(if detail == crate::basemap::Detail::Low { 0.7 } else { 0.9 }, pal.border);
    for c in layer.countries.iter().filter(|c| visible(c, &world)) {
        for ring in &c.rings {
            let pts: Vec<Pos2> = ring.iter().map(|v| view.to_screen([f64::from(v[0]), f64::from(v[1])])).collect();
            painter.add(Shape::line(pts, stroke));
        }
    }
    if visible(nk, &world) {
        for ring in &nk.rings {
            let pts: Vec<Pos2> = ring.iter().map(|v| view.to_screen([f64::from(v[0]), f64::from(v[1])])).collect();
            painter.extend(Shape::dashed_line(&pts, Stroke::new(1.6, pal.disputed_line), 5.0, 3.0));
        }
    }
}

/// A marker to draw this frame.
struct Marker<'a> {
    stats: &'a PlaceStats,
    place: &'a Place,
    pos: Pos2,
    radius: f32,
    halo: f32,
    selected: bool,
}

fn collect_markers<'a>(ctx: &'a ViewCtx<'a>, view: &View) -> Vec<Marker<'a>> {
    let f = ctx.state.filters;
    let mut v: Vec<Marker<'a>> = Vec::new();
    let max_total = ctx.visible.stats.iter().map(|s| s.total()).max().unwrap_or(1);
    for s in &ctx.visible.stats {
        let Some(p) = ctx.model.data.places.get(s.place) else { continue };
        if (p.is_coarse() && !f.coarse_places) || (!p.is_coarse() && !f.exact_places) {
            continue;
        }
        let pos = view.place(p);
        let radius = marker_radius(s.total(), max_total);
        // Precision radius on screen: km to world units at this latitude (Web Mercator).
        let km_per_world = 40_075.0 * p.lat.to_radians().cos().max(0.05);
        let halo_px = (p.radius_km / km_per_world / view.camera.scale) as f32;
        let halo = if p.is_coarse() { halo_px.clamp(radius + 3.0, radius * 3.5) } else { 0.0 };
        if !view.rect.expand(radius + halo).contains(pos) {
            continue;
        }
        let selected = ctx.visible.selected_places.contains(&p.id);
        v.push(Marker { stats: s, place: p, pos, radius, halo, selected });
    }
    // Big first, so small markers stay on top and clickable.
    v.sort_by(|a, b| b.radius.total_cmp(&a.radius));
    v
}

fn draw_markers(
    ui: &egui::Ui,
    painter: &egui::Painter,
    ctx: &ViewCtx<'_>,
    view: &View,
    markers: &[Marker<'_>],
    out: &mut Vec<Command>,
) -> Option<String> {
    let pal = ctx.palette;
    let outline = if pal.dark { Color32::from_gray(20) } else { Color32::WHITE };
    // Halos first, under every marker.
    for m in markers.iter().filter(|m| m.halo > 0.0) {
        let c = pal.kind(&m.place.kind);
        painter.circle_filled(m.pos, m.halo, c.gamma_multiply(0.12));
    }
    for m in markers {
        let c = pal.kind(&m.place.kind);
        if m.place.is_coarse() {
            painter.circle_stroke(m.pos, m.radius, Stroke::new(4.5, outline));
            painter.circle_stroke(m.pos, m.radius, Stroke::new(2.5, c));
        } else {
            painter.circle_filled(m.pos, m.radius, c.gamma_multiply(0.85));
            painter.circle_stroke(m.pos, m.radius, Stroke::new(1.5, outline));
        }
        if m.selected {
            painter.circle_stroke(m.pos, m.radius + 4.0, Stroke::new(3.0, pal.selection));
        }
        if ctx.state.hover_place.as_deref() == Some(m.place.id.as_str()) {
            painter.circle_stroke(m.pos, m.radius + 2.0, Stroke::new(1.5, pal.text));
        }
    }
    // Selected places with nothing in the window still get a ring.
    for id in &ctx.visible.selected_places {
        if markers.iter().any(|m| m.place.id == *id) {
            continue;
        }
        if let Some(p) = ctx.model.place(id) {
            let pos = view.place(p);
            if view.rect.contains(pos) {
                painter.circle_stroke(pos, 8.0, Stroke::new(2.5, pal.selection));
            }
        }
    }
    // Interaction, smallest on top (registered last).
    let mut hovered = None;
    for m in markers.iter().rev() {
        let r = Rect::from_center_size(m.pos, Vec2::splat(2.0 * m.radius + 6.0)).intersect(view.rect);
        if !r.is_positive() {
            continue;
        }
        let id = ui.scope_id().with(("marker", &m.place.id));
        let resp = ui.interact(r, id, Sense::click());
        let label = format!("Map marker {}", m.place.name);
        resp.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, m.selected, &label));
        if resp.hovered() && hovered.is_none() {
            hovered = Some(m.place.id.clone());
        }
        if resp.clicked() {
            let sel = if ctx.state.selected_place() == Some(m.place.id.as_str()) {
                Selection::None
            } else {
                Selection::Place(m.place.id.clone())
            };
            out.push(Command::Select(sel));
        }
        resp.on_hover_ui(|ui| tooltip(ui, ctx, m));
    }
    hovered
}

fn tooltip(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, m: &Marker<'_>) {
    let p = m.place;
    ui.label(egui::RichText::new(&p.name).family(crate::app::theme::bold()).size(15.0));
    let precision = if p.is_coarse() {
        format!("{} (coarse: ±{:.0} km)", p.kind, p.radius_km)
    } else {
        format!("{} in {} (±{:.0} km)", p.kind, p.country, p.radius_km)
    };
    ui.label(precision);
    let spell = &m.stats.spellings;
    if !spell.is_empty() {
        ui.label(format!("Spelled by the sources: {}", spell.join(", ")));
    }
    let all = ctx.model.spellings(&p.id);
    if all.len() > spell.len() {
        ui.weak(format!("In the whole corpus: {}", all.join(", ")));
    }
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    ui.label(format!(
        "In this window: {} · {} · {}",
        n(m.stats.mentions, "mention", "mentions"),
        n(m.stats.claims, "casualty claim", "casualty claims"),
        n(m.stats.quotes, "quote", "quotes")
    ));
    ui.weak("Click to select: the plot and quotes follow.");
}

fn draw_labels(painter: &egui::Painter, ctx: &ViewCtx<'_>, markers: &[Marker<'_>], occupied: &mut Vec<Rect>) {
    let pal = ctx.palette;
    let rect = painter.clip_rect();
    // Marker discs are obstacles too (labels must not hide other markers).
    let discs: Vec<(Pos2, f32)> = markers.iter().map(|m| (m.pos, m.radius)).collect();
    let mut order: Vec<&Marker<'_>> = markers.iter().collect();
    order.sort_by(|a, b| b.selected.cmp(&a.selected).then(b.stats.total().cmp(&a.stats.total())).then(a.place.name.cmp(&b.place.name)));
    for m in order {
        let font = if m.selected { FontId::proportional(15.0) } else { FontId::proportional(13.0) };
        let galley = painter.layout_no_wrap(m.place.name.clone(), font, pal.text);
        let size = galley.size() + Vec2::new(6.0, 2.0);
        let gap = m.radius + 3.0;
        let candidates = [
            Rect::from_min_size(Pos2::new(m.pos.x + gap, m.pos.y - size.y / 2.0), size),
            Rect::from_min_size(Pos2::new(m.pos.x - gap - size.x, m.pos.y - size.y / 2.0), size),
            Rect::from_min_size(Pos2::new(m.pos.x - size.x / 2.0, m.pos.y - gap - size.y), size),
            Rect::from_min_size(Pos2::new(m.pos.x - size.x / 2.0, m.pos.y + gap), size),
            Rect::from_min_size(Pos2::new(m.pos.x + gap * 0.7, m.pos.y - gap * 0.7 - size.y), size),
            Rect::from_min_size(Pos2::new(m.pos.x + gap * 0.7, m.pos.y + gap * 0.7), size),
        ];
        let free = |r: &Rect| {
            rect.contains_rect(*r)
                && !occupied.iter().any(|o| o.intersects(*r))
                && !discs.iter().any(|(c, rad)| *c != m.pos && r.expand(*rad * 0.5).contains(*c))
        };
        if let Some(r) = candidates.iter().find(|r| free(r)) {
            painter.rect_filled(*r, 3.0, pal.halo);
            painter.galley(r.min + Vec2::new(3.0, 1.0), galley, pal.text);
            occupied.push(*r);
        }
    }
}

fn controls(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, view: &View, out: &mut Vec<Command>) -> Rect {
    let area = Rect::from_min_size(view.rect.min + Vec2::new(8.0, 8.0), Vec2::new(420.0, 30.0));
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(area).layout(egui::Layout::left_to_right(egui::Align::Center)));
    let frame = egui::Frame::new().fill(ctx.palette.halo).corner_radius(6.0).inner_margin(egui::Margin::symmetric(4, 3));
    frame
        .show(&mut child, |ui| {
            ui.horizontal(|ui| {
                if ui.button("+").on_hover_text("Zoom in (+)").clicked() {
                    out.push(Command::SetCamera(zoom(view, 2.0, view.rect.center())));
                }
                if ui.button("−").on_hover_text("Zoom out (−)").clicked() {
                    out.push(Command::SetCamera(zoom(view, 0.5, view.rect.center())));
                }
                if ui.button("Fit to data").on_hover_text("Frame every exact place with items in the window").clicked() {
                    out.push(Command::FitMap(data_bbox(ctx).unwrap_or(SOUTH_CAUCASUS)));
                }
                if ui.button("South Caucasus").on_hover_text("Frame the South Caucasus").clicked() {
                    out.push(Command::FitMap(SOUTH_CAUCASUS));
                }
                if ui.button("World").on_hover_text("Frame the whole world").clicked() {
                    out.push(Command::FitMap([0.0, 0.2, 1.0, 0.8]));
                }
            });
        })
        .response
        .rect
}

fn legend(painter: &egui::Painter, pal: &Palette, rect: Rect, clusters: bool) -> Rect {
    let font = FontId::proportional(12.0);
    let row = 17.0;
    let rows = KIND_LEGEND.len() + 3 + usize::from(clusters);
    let size = Vec2::new(200.0, row * rows as f32 + 10.0);
    let r = Rect::from_min_size(Pos2::new(rect.left() + 8.0, rect.bottom() - size.y - 8.0), size);
    painter.rect_filled(r, 6.0, pal.halo);
    let mut y = r.top() + 5.0 + row / 2.0;
    let x = r.left() + 14.0;
    for (label, kind) in KIND_LEGEND {
        painter.circle_filled(Pos2::new(x, y), 5.0, pal.kind(kind));
        painter.text(Pos2::new(x + 12.0, y), Align2::LEFT_CENTER, label, font.clone(), pal.text);
        y += row;
    }
    painter.circle_filled(Pos2::new(x, y), 5.0, pal.weak);
    painter.text(Pos2::new(x + 12.0, y), Align2::LEFT_CENTER, "exact place (filled)", font.clone(), pal.text);
    y += row;
    painter.circle_stroke(Pos2::new(x, y), 5.0, Stroke::new(2.0, pal.weak));
    painter.text(Pos2::new(x + 12.0, y), Align2::LEFT_CENTER, "coarse place (ring, ± halo)", font.clone(), pal.text);
    y += row;
    let sw = Rect::from_center_size(Pos2::new(x, y), Vec2::new(12.0, 9.0));
    painter.rect_filled(sw, 0.0, pal.disputed_fill);
    painter.rect_stroke(sw, 0.0, Stroke::new(1.2, pal.disputed_line), egui::StrokeKind::Middle);
    painter.text(Pos2::new(x + 12.0, y), Align2::LEFT_CENTER, "Nagorno-Karabakh (disputed)", font.clone(), pal.text);
    if clusters {
        y += row;
        painter.circle_filled(Pos2::new(x, y), 6.5, pal.weak);
        painter.text(Pos2::new(x, y), Align2::CENTER_CENTER, "n", FontId::proportional(9.0), Color32::WHITE);
        painter.text(Pos2::new(x + 12.0, y), Align2::LEFT_CENTER, "n places nearby (click: zoom)", font, pal.text);
    }
    r
}

/// The caption line: window, axis, selection (so screenshots carry it).
pub fn caption_text(ctx: &ViewCtx<'_>) -> String {
    let s = ctx.state;
    let range = s.range();
    let when = match (range.from, range.to) {
        (Some(a), Some(b)) if a == b => fmt_day(b),
        (Some(a), Some(b)) => format!("{} – {}", a.format("%-d %b"), fmt_day(b)),
        (None, Some(b)) => format!("up to {}", fmt_day(b)),
        _ => "all dates".to_owned(),
    };
    let axis = match s.axis {
        TimeAxis::Event => "by event date",
        TimeAxis::Published => "by publication date",
    };
    let width = match s.window {
        WindowWidth::UpToCursor => String::new(),
        w => format!(" ({})", w.label()),
    };
    let sel = match &s.selection {
        Selection::None => String::new(),
        Selection::Place(p) => {
            format!(" · selected: {}", ctx.model.place(p).map_or(p.as_str(), |p| p.name.as_str()))
        }
        Selection::Claim(i) => format!(" · selected claim #{}", i + 1),
        Selection::Quote(i) => format!(" · selected quote #{}", i + 1),
    };
    format!("{when}{width}, {axis}{sel}")
}

fn caption(painter: &egui::Painter, ctx: &ViewCtx<'_>, rect: Rect) -> Rect {
    let pal = ctx.palette;
    let galley = painter.layout_no_wrap(caption_text(ctx), FontId::proportional(14.0), pal.text);
    let size = galley.size() + Vec2::new(12.0, 6.0);
    let r = Rect::from_min_size(Pos2::new(rect.right() - size.x - 8.0, rect.top() + 8.0), size);
    painter.rect_filled(r, 6.0, pal.halo);
    painter.galley(r.min + Vec2::new(6.0, 3.0), galley, pal.text);
    r
}

fn credit(painter: &egui::Painter, pal: &Palette, rect: Rect) -> Rect {
    let galley = painter.layout_no_wrap(CREDIT.to_owned(), FontId::proportional(11.0), pal.text);
    let size = galley.size() + Vec2::new(8.0, 4.0);
    let r = Rect::from_min_size(rect.max - size - Vec2::new(4.0, 4.0), size);
    painter.rect_filled(r, 3.0, pal.halo);
    painter.galley(r.min + Vec2::new(4.0, 2.0), galley, pal.text);
    r
}

/// A country's name and where to write it (area-weighted centroid of its triangles).
#[derive(Debug, Clone)]
struct CountryLabel {
    name: String,
    at: [f64; 2],
    /// Width of the country's bounding box, world units.
    width: f64,
}

fn country_labels(layer: &crate::basemap::Layer) -> Vec<CountryLabel> {
    layer
        .countries
        .iter()
        .filter_map(|c| {
            let (mut ax, mut ay, mut area) = (0.0f64, 0.0f64, 0.0f64);
            for t in c.indices.chunks_exact(3) {
                let v = |i: u32| c.vertices.get(i as usize).map(|p| [f64::from(p[0]), f64::from(p[1])]);
                let (Some(a), Some(b), Some(d)) = (v(t[0]), v(t[1]), v(t[2])) else { continue };
                let w = ((b[0] - a[0]) * (d[1] - a[1]) - (d[0] - a[0]) * (b[1] - a[1])).abs() / 2.0;
                ax += w * (a[0] + b[0] + d[0]) / 3.0;
                ay += w * (a[1] + b[1] + d[1]) / 3.0;
                area += w;
            }
            (area > 0.0).then(|| CountryLabel { name: c.name.clone(), at: [ax / area, ay / area], width: f64::from(c.bbox[2] - c.bbox[0]) })
        })
        .collect()
}

/// Faint country names for orientation, where they fit and collide with nothing.
fn draw_country_names(
    ui: &egui::Ui,
    painter: &egui::Painter,
    ctx: &ViewCtx<'_>,
    view: &View,
    markers: &[Marker<'_>],
    occupied: &mut Vec<Rect>,
) {
    let detail = ctx.basemap.detail_for_view(view.camera.scale, view.world_rect());
    let key = ui.scope_id().with(("country_labels", detail as u8, std::ptr::from_ref(ctx.basemap) as usize));
    let labels: std::sync::Arc<Vec<CountryLabel>> =
        ui.data_mut(|d| d.get_temp_mut_or_insert_with(key, || std::sync::Arc::new(country_labels(ctx.basemap.layer(detail)))).clone());
    let pal = ctx.palette;
    let color = if pal.dark { Color32::from_gray(150) } else { Color32::from_gray(120) };
    let font = FontId::proportional(12.0);
    let layer = ctx.basemap.layer(detail);
    let world = view.world_rect();
    for l in labels.iter() {
        let mut pos = view.to_screen(l.at);
        if !view.rect.shrink(20.0).contains(pos) {
            // A big country reaching into the view (Russia, Turkey, Iran): label the centroid
            // of its visible part instead.
            let Some(c) = layer.country(&l.name).filter(|c| visible(c, &world)) else { continue };
            match visible_centroid(c, view) {
                Some(p) => pos = p,
                None => continue,
            }
        }
        let galley = painter.layout_no_wrap(l.name.to_uppercase(), font.clone(), color);
        if (l.width / view.camera.scale) < f64::from(galley.size().x) * 1.2 {
            continue;
        }
        let r = Rect::from_center_size(pos, galley.size());
        let hits_marker = markers.iter().any(|m| r.expand(m.radius).contains(m.pos));
        if !view.rect.contains_rect(r) || hits_marker || occupied.iter().any(|o| o.intersects(r)) {
            continue;
        }
        painter.galley(r.min, galley, color);
        occupied.push(r);
    }
}

/// Area-weighted centroid (screen) of the triangles of `c` whose centroids lie well inside
/// the view, if they cover a fair part of it.
fn visible_centroid(c: &Country, view: &View) -> Option<Pos2> {
    let inner = view.rect.shrink(40.0);
    let (mut ax, mut ay, mut area) = (0.0f32, 0.0f32, 0.0f32);
    for t in c.indices.chunks_exact(3) {
        let v = |i: u32| c.vertices.get(i as usize).map(|p| view.to_screen([f64::from(p[0]), f64::from(p[1])]));
        let (Some(a), Some(b), Some(d)) = (v(t[0]), v(t[1]), v(t[2])) else { continue };
        let m = Pos2::new((a.x + b.x + d.x) / 3.0, (a.y + b.y + d.y) / 3.0);
        if !inner.contains(m) {
            continue;
        }
        let w = ((b.x - a.x) * (d.y - a.y) - (d.x - a.x) * (b.y - a.y)).abs() / 2.0;
        ax += w * m.x;
        ay += w * m.y;
        area += w;
    }
    (area > 4000.0).then(|| Pos2::new(ax / area, ay / area))
}
