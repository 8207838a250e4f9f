//! The offline base map: Natural Earth country outlines embedded in the binary, projected to
//! Web Mercator and triangulated once so a renderer can draw them as plain triangle meshes
//! (egui fills only convex polygons) plus border polylines.
//!
//! Three levels of detail (see [`Detail`]):
//!
//! | level  | data                                   | coverage                                  |
//! |--------|----------------------------------------|-------------------------------------------|
//! | Low    | Natural Earth 1:110m, whole world      | everything                                |
//! | Medium | Natural Earth 1:50m                    | lon -25..90, lat 10..75 (Europe, Middle East, Central Asia) |
//! | High   | Natural Earth 1:10m                    | lon 36..56, lat 34..46 (South Caucasus)   |
//!
//! plus the Nagorno-Karabakh outline ([`BaseMap::disputed`], Natural Earth 10m breakaway and
//! disputed areas). The data files live in `data/basemap/` and are regenerated with
//! `python3 data/basemap/make_basemap.py /tmp/package` (see `data/basemap/README.md`). Credit
//! "Made with Natural Earth" wherever the map is shown or exported.
//!
//! Coordinates are "world units": Web Mercator scaled so that the world is the unit square
//! `[0,1]x[0,1]`, x growing eastward from longitude -180 and y growing southward from latitude
//! +85.0511 (see [`project`]). Latitudes beyond ±85.0511 are clamped.
//!
//! Choosing a layer: [`Detail::for_scale`] picks a level from the zoom alone;
//! [`BaseMap::detail_for_view`] additionally falls back to a coarser level when the visible
//! rectangle is not entirely inside the finer layer's [`Layer::coverage`] (High → Medium →
//! Low), so a renderer never shows a cropped layer with missing land. Draw exactly one layer.
//!
//! This module is part of the engine and does not depend on egui; it is compiled with the
//! `gui` feature only because it uses `earcutr`.

use std::f64::consts::PI;

use serde::Deserialize;

/// Largest latitude representable in Web Mercator (the world is then a square).
pub const MAX_LAT: f64 = 85.051_128_779_806_59;

/// The credit line to show in the map corner and in every export.
pub const CREDIT: &str = "Made with Natural Earth";

const DATA_110M: &str = include_str!("../data/basemap/countries-110m.json");
const DATA_50M: &str = include_str!("../data/basemap/countries-50m-region.json");
const DATA_10M: &str = include_str!("../data/basemap/countries-10m-caucasus.json");
const DATA_NK: &str = include_str!("../data/basemap/nagorno-karabakh.geojson");

/// World units per screen pixel above which [`Detail::Low`] is used (views wider than about
/// 54° of longitude on a 1000-pixel-wide map: world and continent views).
pub const LOW_ABOVE: f64 = 1.5e-4;
/// World units per screen pixel above which (and up to [`LOW_ABOVE`]) [`Detail::Medium`] is
/// used (views about 9°..54° wide on 1000 pixels, e.g. Turkey plus the Caucasus); at or below
/// it [`Detail::High`] is used (Nagorno-Karabakh and its surroundings, a few hundred km).
pub const HIGH_AT_OR_BELOW: f64 = 2.5e-5;

/// Level of detail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Detail {
    /// Natural Earth 1:110m, whole world.
    Low,
    /// Natural Earth 1:50m, cropped to Europe, the Middle East and Central Asia.
    Medium,
    /// Natural Earth 1:10m, cropped to the South Caucasus.
    High,
}

impl Detail {
    /// Which level to draw at a zoom given as world units per screen pixel (the world being
    /// 1 unit wide): above [`LOW_ABOVE`] Low, above [`HIGH_AT_OR_BELOW`] Medium, else High.
    ///
    /// This ignores where the view is; use [`BaseMap::detail_for_view`] to also fall back to
    /// a coarser level outside the cropped layers.
    pub fn for_scale(world_units_per_pixel: f64) -> Detail {
        if world_units_per_pixel.is_nan() || world_units_per_pixel > LOW_ABOVE {
            // NaN too: the safe choice is the cheapest layer.
            Detail::Low
        } else if world_units_per_pixel > HIGH_AT_OR_BELOW {
            Detail::Medium
        } else {
            Detail::High
        }
    }

    /// The next coarser level (Low stays Low).
    pub fn coarser(self) -> Detail {
        match self {
            Detail::High => Detail::Medium,
            Detail::Medium | Detail::Low => Detail::Low,
        }
    }
}

/// Web-Mercator projection: lon/lat in degrees to `[x, y]` world units, where the world is
/// `[0,1]x[0,1]` and y grows southward. Latitude is clamped to ±[`MAX_LAT`]; longitude is
/// not wrapped (-180 maps to 0, +180 to 1).
pub fn project(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = 0.5 - (PI / 4.0 + lat / 2.0).tan().ln() / (2.0 * PI);
    [x, y]
}

/// Inverse of [`project`]: world units to `(lon, lat)` in degrees.
pub fn unproject(p: [f64; 2]) -> (f64, f64) {
    let lon = p[0] * 360.0 - 180.0;
    let lat = (PI * (1.0 - 2.0 * p[1])).sinh().atan().to_degrees();
    (lon, lat)
}

/// One country (or the disputed area) of one layer, ready to draw.
#[derive(Clone, Debug, Default)]
pub struct Country {
    /// Natural Earth short name, e.g. "Armenia", "Russia", "N. Cyprus".
    pub name: String,
    /// Bounding box of [`Country::vertices`]: min x, min y, max x, max y in world units.
    pub bbox: [f32; 4],
    /// Projected vertices of all polygons (outer rings and holes), in world units.
    pub vertices: Vec<[f32; 2]>,
    /// Triangles as index triples into [`Country::vertices`], triangulated once with
    /// `earcutr` (holes respected).
    pub indices: Vec<u32>,
    /// Border polylines in world units, to be stroked as open line strips: each ring that is
    /// intact is closed explicitly (its first point repeated at the end). Edges that are
    /// artefacts of the data preparation (along a layer's crop box, or along the antimeridian
    /// where a polygon was split) are left out, which can split a ring into several pieces.
    pub rings: Vec<Vec<[f32; 2]>>,
}

impl Country {
    /// Whether the point (world units) lies inside one of the country's triangles.
    pub fn contains(&self, p: [f32; 2]) -> bool {
        let [x0, y0, x1, y1] = self.bbox;
        if p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1 {
            return false;
        }
        self.indices
            .chunks_exact(3)
            .any(|t| point_in_triangle(p, self.vertices[t[0] as usize], self.vertices[t[1] as usize], self.vertices[t[2] as usize]))
    }
}

/// One level of detail: all countries in it.
#[derive(Clone, Debug, Default)]
pub struct Layer {
    /// The countries, sorted by name; countries entirely outside a cropped layer are absent.
    pub countries: Vec<Country>,
    /// The rectangle (min x, min y, max x, max y in world units) inside which this layer is
    /// complete: `[0, 0, 1, 1]` for the whole world, the crop box for cropped layers.
    pub coverage: [f32; 4],
}

impl Layer {
    /// The first country with this exact name.
    pub fn country(&self, name: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.name == name)
    }

    /// The first country containing the point (world units), if any.
    pub fn country_at(&self, p: [f32; 2]) -> Option<&Country> {
        self.countries.iter().find(|c| c.contains(p))
    }
}

/// The whole embedded base map.
#[derive(Clone, Debug, Default)]
pub struct BaseMap {
    /// 1:110m, whole world.
    pub low: Layer,
    /// 1:50m, Europe, Middle East and Central Asia.
    pub medium: Layer,
    /// 1:10m, South Caucasus.
    pub high: Layer,
    /// The Nagorno-Karabakh outline (1994-2020 line of control), triangulated.
    pub disputed: Country,
}

impl BaseMap {
    /// Decode and triangulate the embedded data (`include_str!` of `data/basemap/*`). Takes a
    /// few tens of milliseconds in an optimised build; call it once, off the UI thread if that
    /// matters. The embedded data is known good, so a decoding failure is a programmer error:
    /// it is reported on stderr and yields an empty layer rather than a panic.
    pub fn embedded() -> BaseMap {
        let ((low, medium), (high, disputed)) = rayon::join(
            || rayon::join(|| layer_or_empty("countries-110m", DATA_110M), || layer_or_empty("countries-50m-region", DATA_50M)),
            || {
                rayon::join(
                    || layer_or_empty("countries-10m-caucasus", DATA_10M),
                    || match parse_geojson_outline(DATA_NK) {
                        Ok(c) => c,
                        Err(e) => {
                            eprintln!("basemap: nagorno-karabakh.geojson: {e}");
                            Country { name: "Nagorno-Karabakh".into(), ..Country::default() }
                        }
                    },
                )
            },
        );
        BaseMap { low, medium, high, disputed }
    }

    /// The layer for a level of detail.
    pub fn layer(&self, d: Detail) -> &Layer {
        match d {
            Detail::Low => &self.low,
            Detail::Medium => &self.medium,
            Detail::High => &self.high,
        }
    }

    /// The level to draw for a view: [`Detail::for_scale`], then coarser while the visible
    /// rectangle `view` (min x, min y, max x, max y in world units) is not entirely inside
    /// the chosen layer's [`Layer::coverage`]. Low covers the whole world, so it always ends
    /// there at worst.
    pub fn detail_for_view(&self, world_units_per_pixel: f64, view: [f64; 4]) -> Detail {
        let mut d = Detail::for_scale(world_units_per_pixel);
        while d != Detail::Low {
            let c = self.layer(d).coverage.map(f64::from);
            let inside = view[0] >= c[0] && view[1] >= c[1] && view[2] <= c[2] && view[3] <= c[3];
            if inside {
                break;
            }
            d = d.coarser();
        }
        d
    }
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// One file written by `data/basemap/make_basemap.py`.
#[derive(Deserialize)]
struct RawLayer {
    /// `[min_lon, min_lat, max_lon, max_lat]` of the crop, or null for the whole world.
    crop: Option<[f64; 4]>,
    countries: Vec<RawCountry>,
}

#[derive(Deserialize)]
struct RawCountry {
    name: String,
    /// Polygons; each is rings (outer first, then holes); each ring is flat `[lon, lat, ...]`.
    polygons: Vec<Vec<Vec<f64>>>,
}

fn layer_or_empty(what: &str, json: &str) -> Layer {
    match parse_layer(json) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("basemap: {what}: {e}");
            Layer { countries: Vec::new(), coverage: [0.0; 4] }
        }
    }
}

fn parse_layer(json: &str) -> Result<Layer, String> {
    let raw: RawLayer = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let coverage = match raw.crop {
        Some([lon0, lat0, lon1, lat1]) => {
            let a = project(lon0, lat1);
            let b = project(lon1, lat0);
            [a[0] as f32, a[1] as f32, b[0] as f32, b[1] as f32]
        }
        None => [0.0, 0.0, 1.0, 1.0],
    };
    let countries = raw
        .countries
        .into_iter()
        .map(|rc| {
            let polygons: Vec<Vec<Vec<[f64; 2]>>> =
                rc.polygons.iter().map(|p| p.iter().map(|r| r.chunks_exact(2).map(|c| [c[0], c[1]]).collect()).collect()).collect();
            build_country(rc.name, polygons, raw.crop)
        })
        .filter(|c| !c.indices.is_empty())
        .collect();
    Ok(Layer { countries, coverage })
}

/// The first Polygon or MultiPolygon feature of a GeoJSON FeatureCollection (or a bare
/// Feature or geometry), as a [`Country`] named after its `name` property.
fn parse_geojson_outline(json: &str) -> Result<Country, String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let feature = match v.get("features").and_then(|f| f.as_array()) {
        Some(fs) => fs.first().ok_or("no features")?.clone(),
        None => v,
    };
    let name = feature.pointer("/properties/name").and_then(|n| n.as_str()).unwrap_or("Nagorno-Karabakh").to_string();
    let geom = feature.get("geometry").unwrap_or(&feature);
    let coords = geom.get("coordinates").ok_or("no coordinates")?;
    let ring = |r: &serde_json::Value| -> Vec<[f64; 2]> {
        let mut pts: Vec<[f64; 2]> =
            r.as_array().map(|a| a.iter().filter_map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?])).collect()).unwrap_or_default();
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        pts
    };
    let polygon =
        |p: &serde_json::Value| -> Vec<Vec<[f64; 2]>> { p.as_array().map(|rs| rs.iter().map(ring).collect()).unwrap_or_default() };
    let polygons = match geom.get("type").and_then(|t| t.as_str()) {
        Some("Polygon") => vec![polygon(coords)],
        Some("MultiPolygon") => coords.as_array().map(|ps| ps.iter().map(polygon).collect()).unwrap_or_default(),
        other => return Err(format!("unsupported geometry type {other:?}")),
    };
    let c = build_country(name, polygons, None);
    if c.indices.is_empty() {
        return Err("outline produced no triangles".into());
    }
    Ok(c)
}

/// Project, triangulate and outline one country given as polygons of rings in degrees
/// (outer ring first, rings not closed).
fn build_country(name: String, mut polygons: Vec<Vec<Vec<[f64; 2]>>>, crop: Option<[f64; 4]>) -> Country {
    let mut country = Country { name, ..Country::default() };
    let mut bbox = [f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY];
    for polygon in &mut polygons {
        polygon.retain(|r| r.len() >= 3);
        if polygon.is_empty() {
            continue;
        }
        // The data script splits polygons at the antimeridian; this is a safety net.
        for ring in polygon.iter_mut() {
            clamp_antimeridian(ring);
        }
        let mut flat: Vec<f64> = Vec::with_capacity(polygon.iter().map(|r| r.len() * 2).sum());
        let mut holes: Vec<usize> = Vec::with_capacity(polygon.len() - 1);
        for (k, ring) in polygon.iter().enumerate() {
            if k > 0 {
                holes.push(flat.len() / 2);
            }
            for &[lon, lat] in ring {
                let [x, y] = project(lon, lat);
                flat.push(x);
                flat.push(y);
            }
        }
        let tris = match earcutr::earcut(&flat, &holes, 2) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("basemap: {}: triangulation failed: {e}", country.name);
                continue;
            }
        };
        let base = country.vertices.len() as u32;
        country.indices.extend(tris.iter().map(|&i| base + i as u32));
        for c in flat.chunks_exact(2) {
            let v = [c[0] as f32, c[1] as f32];
            bbox = [bbox[0].min(v[0]), bbox[1].min(v[1]), bbox[2].max(v[0]), bbox[3].max(v[1])];
            country.vertices.push(v);
        }
        for ring in polygon.iter() {
            border_polylines(ring, crop, &mut country.rings);
        }
    }
    if country.vertices.is_empty() {
        bbox = [0.0; 4];
    }
    country.bbox = bbox;
    country
}

/// If a ring crosses the antimeridian (an even number, at least two, of edges jumping more
/// than 180° of longitude), move the points on the minority side to ±180° on the majority
/// side, so the ring does not become a band across the whole map. A single jump is a
/// legitimate edge along the map's bottom (Antarctica) and is left alone.
fn clamp_antimeridian(ring: &mut [[f64; 2]]) {
    let n = ring.len();
    let jumps = (0..n).filter(|&i| (ring[i][0] - ring[(i + n - 1) % n][0]).abs() > 180.0).count();
    if jumps < 2 || jumps % 2 != 0 {
        return;
    }
    let east = ring.iter().filter(|p| p[0] >= 0.0).count();
    let (edge, minority_east) = if east * 2 >= n { (180.0, false) } else { (-180.0, true) };
    for p in ring.iter_mut() {
        if (p[0] >= 0.0) == minority_east {
            p[0] = edge;
        }
    }
}

/// Append the border polylines of one ring (degrees) to `out`, projected, leaving out edges
/// along the crop box or along the antimeridian (artefacts of cropping and splitting).
fn border_polylines(ring: &[[f64; 2]], crop: Option<[f64; 4]>, out: &mut Vec<Vec<[f32; 2]>>) {
    const EPS: f64 = 1e-9;
    let on = |a: f64, b: f64, v: f64| (a - v).abs() < EPS && (b - v).abs() < EPS;
    let artefact = |a: [f64; 2], b: [f64; 2]| {
        if on(a[0], b[0], 180.0) || on(a[0], b[0], -180.0) {
            return true;
        }
        // The single long edge along the bottom of the map (Antarctica).
        if (a[0] - b[0]).abs() > 180.0 {
            return true;
        }
        match crop {
            Some([x0, y0, x1, y1]) => on(a[0], b[0], x0) || on(a[0], b[0], x1) || on(a[1], b[1], y0) || on(a[1], b[1], y1),
            None => false,
        }
    };
    let n = ring.len();
    let pt = |p: [f64; 2]| {
        let [x, y] = project(p[0], p[1]);
        [x as f32, y as f32]
    };
    // Start right after an artefact edge, if any, so that pieces are not cut at index 0.
    let Some(k) = (0..n).find(|&i| artefact(ring[i], ring[(i + 1) % n])) else {
        let mut line: Vec<[f32; 2]> = ring.iter().map(|&p| pt(p)).collect();
        line.push(line[0]);
        out.push(line);
        return;
    };
    let start = (k + 1) % n;
    let mut line = vec![pt(ring[start])];
    for step in 0..n {
        let a = ring[(start + step) % n];
        let b = ring[(start + step + 1) % n];
        if artefact(a, b) {
            if line.len() >= 2 {
                out.push(std::mem::take(&mut line));
            }
            line.clear();
        }
        line.push(pt(b));
    }
    if line.len() >= 2 {
        out.push(line);
    }
}

fn point_in_triangle(p: [f32; 2], a: [f32; 2], b: [f32; 2], c: [f32; 2]) -> bool {
    let cross = |o: [f32; 2], u: [f32; 2], v: [f32; 2]| {
        (f64::from(u[0]) - f64::from(o[0])) * (f64::from(v[1]) - f64::from(o[1]))
            - (f64::from(u[1]) - f64::from(o[1])) * (f64::from(v[0]) - f64::from(o[0]))
    };
    let d1 = cross(a, b, p);
    let d2 = cross(b, c, p);
    let d3 = cross(c, a, p);
    let neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    let pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    !(neg && pos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn map() -> &'static BaseMap {
        static MAP: OnceLock<BaseMap> = OnceLock::new();
        MAP.get_or_init(|| {
            let t = std::time::Instant::now();
            let m = BaseMap::embedded();
            let tris: usize = [&m.low, &m.medium, &m.high].iter().flat_map(|l| l.countries.iter()).map(|c| c.indices.len() / 3).sum();
            eprintln!("BaseMap::embedded() took {:?} ({tris} triangles)", t.elapsed());
            m
        })
    }

    fn p32(lon: f64, lat: f64) -> [f32; 2] {
        let p = project(lon, lat);
        [p[0] as f32, p[1] as f32]
    }

    fn shoelace(r: &[[f64; 2]]) -> f64 {
        let n = r.len();
        (0..n).map(|i| r[i][0] * r[(i + 1) % n][1] - r[(i + 1) % n][0] * r[i][1]).sum::<f64>() / 2.0
    }

    #[test]
    fn projection_round_trip() {
        for &(lon, lat) in &[(0.0, 0.0), (44.51, 40.18), (-179.9, -60.0), (179.9, 85.0), (-73.9, 40.7)] {
            let (lo, la) = unproject(project(lon, lat));
            assert!((lo - lon).abs() < 1e-9 && (la - lat).abs() < 1e-9, "{lon},{lat} -> {lo},{la}");
        }
        let [x, y] = project(-180.0, MAX_LAT);
        assert!(x.abs() < 1e-12 && y.abs() < 1e-9);
        let [x, y] = project(180.0, -90.0);
        assert!((x - 1.0).abs() < 1e-12 && (y - 1.0).abs() < 1e-9);
        // South is larger y.
        assert!(project(0.0, 10.0)[1] < project(0.0, -10.0)[1]);
    }

    #[test]
    fn scale_thresholds() {
        // The whole world on 1000 px; Europe on 1200 px.
        assert_eq!(Detail::for_scale(1.0 / 1000.0), Detail::Low);
        assert_eq!(Detail::for_scale(70.0 / 360.0 / 1200.0), Detail::Low);
        // Turkey plus the Caucasus (lon 26..50) on 800..1600 px.
        for px in [800.0, 1000.0, 1600.0] {
            assert_eq!(Detail::for_scale(24.0 / 360.0 / px), Detail::Medium);
        }
        // Nagorno-Karabakh and surroundings (about 300 km, 3.5° of longitude) on 600..1600 px.
        for px in [600.0, 1000.0, 1600.0] {
            assert_eq!(Detail::for_scale(3.5 / 360.0 / px), Detail::High);
        }
        assert_eq!(Detail::for_scale(f64::NAN), Detail::Low);
    }

    #[test]
    fn view_falls_back_outside_coverage() {
        let m = map();
        let view = |lon0: f64, lat0: f64, lon1: f64, lat1: f64| {
            let a = project(lon0, lat1);
            let b = project(lon1, lat0);
            [a[0], a[1], b[0], b[1]]
        };
        let close = 3.5 / 360.0 / 1000.0;
        assert_eq!(m.detail_for_view(close, view(45.0, 38.5, 48.5, 41.0)), Detail::High);
        // Moscow is outside the 10m crop but inside the 50m one.
        assert_eq!(m.detail_for_view(close, view(36.0, 55.0, 39.5, 57.0)), Detail::Medium);
        // Tokyo is outside both.
        assert_eq!(m.detail_for_view(close, view(138.0, 34.0, 141.5, 37.0)), Detail::Low);
        let region = 24.0 / 360.0 / 1000.0;
        assert_eq!(m.detail_for_view(region, view(26.0, 35.0, 50.0, 43.0)), Detail::Medium);
    }

    #[test]
    fn caucasus_countries_in_every_layer() {
        let m = map();
        for d in [Detail::Low, Detail::Medium, Detail::High] {
            let layer = m.layer(d);
            for name in ["Armenia", "Azerbaijan", "Russia", "Georgia", "Turkey", "Iran"] {
                let c = layer.country(name).unwrap_or_else(|| panic!("{name} missing in {d:?}"));
                assert!(!c.indices.is_empty() && c.indices.len().is_multiple_of(3), "{name} {d:?}");
                assert!(!c.rings.is_empty(), "{name} {d:?} has no borders");
                assert!(c.indices.iter().all(|&i| (i as usize) < c.vertices.len()));
            }
            // Yerevan lies in Armenia.
            let yerevan = p32(44.51, 40.18);
            assert!(layer.country("Armenia").unwrap().contains(yerevan), "Yerevan not in Armenia ({d:?})");
            assert_eq!(layer.country_at(yerevan).map(|c| c.name.as_str()), Some("Armenia"), "{d:?}");
            // Baku lies in Azerbaijan, and the Caspian Sea is water.
            assert!(layer.country("Azerbaijan").unwrap().contains(p32(49.87, 40.41)), "Baku ({d:?})");
            assert!(layer.country_at(p32(50.5, 42.0)).is_none(), "Caspian Sea is land in {d:?}");
        }
        // World cities on the low (and, in Europe, medium) layer.
        for (d, city, lon, lat, country) in [
            (Detail::Low, "Moscow", 37.62, 55.75, "Russia"),
            (Detail::Low, "Paris", 2.35, 48.86, "France"),
            // Geneva sits on the border, which 1:110m simplifies to its French side; use Bern.
            (Detail::Low, "Bern", 7.45, 46.95, "Switzerland"),
            (Detail::Medium, "Moscow", 37.62, 55.75, "Russia"),
            (Detail::Medium, "Geneva", 6.15, 46.2, "Switzerland"),
        ] {
            let c = m.layer(d).country_at(p32(lon, lat)).map(|c| c.name.as_str());
            assert_eq!(c, Some(country), "{city} in {d:?}");
        }
    }

    #[test]
    fn disputed_outline_contains_stepanakert() {
        let m = map();
        assert_eq!(m.disputed.name, "Nagorno-Karabakh");
        assert!(m.disputed.contains(p32(46.75, 39.815)));
        assert!(!m.disputed.contains(p32(44.51, 40.18)));
        assert_eq!(m.disputed.rings.len(), 1);
    }

    #[test]
    fn triangulation_covers_the_polygon_area() {
        let m = map();
        for d in [Detail::Low, Detail::Medium, Detail::High] {
            for name in ["Armenia", "Azerbaijan"] {
                let c = m.layer(d).country(name).unwrap();
                let tri: f64 = c
                    .indices
                    .chunks_exact(3)
                    .map(|t| {
                        let v = |i: u32| c.vertices[i as usize].map(f64::from);
                        shoelace(&[v(t[0]), v(t[1]), v(t[2])]).abs()
                    })
                    .sum();
                // Polygon area from the source rings: outer minus holes (the rings' closing
                // points are ignored by the shoelace formula since they repeat the first).
                let raw = match d {
                    Detail::Low => DATA_110M,
                    Detail::Medium => DATA_50M,
                    Detail::High => DATA_10M,
                };
                let raw: RawLayer = serde_json::from_str(raw).unwrap();
                let rc = raw.countries.iter().find(|rc| rc.name == name).unwrap();
                let poly: f64 = rc
                    .polygons
                    .iter()
                    .flat_map(|p| p.iter().enumerate())
                    .map(|(k, r)| {
                        let pts: Vec<[f64; 2]> = r.chunks_exact(2).map(|c| project(c[0], c[1])).collect();
                        let a = shoelace(&pts).abs();
                        if k == 0 { a } else { -a }
                    })
                    .sum();
                let rel = (tri - poly).abs() / poly;
                eprintln!("{name} {d:?}: triangles {tri:.3e}, polygon {poly:.3e}, rel diff {rel:.2e}");
                assert!(rel < 0.01, "{name} {d:?}: triangles {tri} vs polygon {poly}");
            }
        }
    }

    #[test]
    fn no_band_across_the_map() {
        // A polygon crossing the antimeridian, triangulated naively, gives triangles spanning
        // the whole map; nothing real is wider than half the world (Russia is ~0.45).
        let m = map();
        for c in &m.low.countries {
            for t in c.indices.chunks_exact(3) {
                let xs = [t[0], t[1], t[2]].map(|i| c.vertices[i as usize][0]);
                let span = xs.iter().cloned().fold(f32::MIN, f32::max) - xs.iter().cloned().fold(f32::MAX, f32::min);
                assert!(span < 0.5 || c.name == "Antarctica", "{}: triangle spans {span}", c.name);
            }
        }
        let fiji = m.low.country("Fiji").unwrap();
        assert!(fiji.bbox[2] - fiji.bbox[0] > 0.99, "Fiji has parts on both sides of the map");
        assert!(fiji.contains(p32(178.0, -17.8)));
        // Chukotka, east of the antimeridian, is Russian.
        assert_eq!(m.low.country_at(p32(-175.0, 66.5)).map(|c| c.name.as_str()), Some("Russia"));
    }

    #[test]
    fn clamp_antimeridian_moves_minority_side() {
        let mut ring = vec![[170.0, 60.0], [-175.0, 60.0], [-175.0, 65.0], [170.0, 65.0], [175.0, 62.0]];
        clamp_antimeridian(&mut ring);
        assert!(ring.iter().all(|p| p[0] >= 170.0));
        assert_eq!(ring[1], [180.0, 60.0]);
        // A single long edge (Antarctica-like) is left alone.
        let mut ant = vec![[-180.0, -90.0], [-90.0, -70.0], [0.0, -70.0], [90.0, -70.0], [180.0, -90.0]];
        let before = ant.clone();
        clamp_antimeridian(&mut ant);
        assert_eq!(ant, before);
    }

    #[test]
    fn cropped_borders_skip_the_crop_box() {
        let m = map();
        let c = m.high.coverage;
        let eps = 1e-6;
        for country in &m.high.countries {
            for line in &country.rings {
                for w in line.windows(2) {
                    let on_edge = |i: usize, v: f32| (w[0][i] - v).abs() < eps && (w[1][i] - v).abs() < eps;
                    assert!(
                        !(on_edge(0, c[0]) || on_edge(0, c[2]) || on_edge(1, c[1]) || on_edge(1, c[3])),
                        "{} has a border along the crop box",
                        country.name
                    );
                }
            }
        }
    }
}
