//! Data export: the JSON object of the output contract, CSV tables (one per kind) and
//! GeoJSON (RFC 7946, one Feature per place with its mentions, claims and quotes), written
//! to a temporary file beside the destination and renamed into place.

use std::io::Write;
use std::path::Path;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::error::Error;
use crate::model::{Article, Claim, Mention, Quote, View};

/// The tables `--format csv` can write.
pub const TABLES: &[&str] = &["articles", "places", "mentions", "claims", "quotes", "unknown_names", "problems"];

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The files of a data export: (name tail, format), the GeoJSON first, then CSV tables of
/// [`TABLES`]. The window's "Export data…" writes `STEM{tail}` for each.
pub const DATA_FILES: &[(&str, Format<'static>)] = &[
    (".geojson", Format::Geojson),
    ("-mentions.csv", Format::Csv("mentions")),
    ("-claims.csv", Format::Csv("claims")),
    ("-quotes.csv", Format::Csv("quotes")),
    ("-places.csv", Format::Csv("places")),
    ("-articles.csv", Format::Csv("articles")),
];

/// An output format of `dateline extract` and of the window's data export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format<'t> {
    /// The JSON object of the output contract.
    Json,
    /// One CSV table (one of [`TABLES`]).
    Csv(&'t str),
    /// All CSV tables, each after a `# table` line.
    CsvAll,
    /// A GeoJSON FeatureCollection.
    Geojson,
}

/// Write `x` in a format to `w`, streaming: nothing but the output's current item is built
/// in memory. `w` should be buffered.
pub fn write(x: &View<'_>, format: Format<'_>, w: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, x)?;
            Ok(())
        }
        Format::Csv(table) => write_csv(x, table, w),
        Format::CsvAll => {
            for t in TABLES {
                writeln!(w, "# {t}")?;
                write_csv(x, t, w)?;
                writeln!(w)?;
            }
            Ok(())
        }
        Format::Geojson => write_geojson(x, w),
    }
}

/// The output as a string (see [`write()`]).
pub fn to_string(x: &View<'_>, format: Format<'_>) -> Result<String, Error> {
    let mut out = Vec::new();
    write(x, format, &mut out).map_err(|e| Error::Usage(format!("cannot encode the output: {e}")))?;
    String::from_utf8(out).map_err(|e| Error::Usage(format!("cannot encode the output: {e}")))
}

/// Check a table name before anything is written.
pub fn check_table(table: &str) -> Result<(), Error> {
    if TABLES.contains(&table) { Ok(()) } else { Err(Error::Usage(unknown_table(table))) }
}

fn unknown_table(table: &str) -> String {
    format!("unknown table {table:?}; one of {}", TABLES.join(", "))
}

/// The articles of a view by id.
fn articles_by_id<'a>(x: &View<'a>) -> FxHashMap<&'a str, &'a Article> {
    x.articles.iter().map(|a| (a.id.as_str(), *a)).collect()
}

/// One CSV table. Claims, mentions and quotes carry the article's outlet, url and sentence.
fn write_csv(x: &View<'_>, table: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let articles = articles_by_id(x);
    let outlet = |id: &str| articles.get(id).and_then(|a| a.outlet.as_deref()).unwrap_or_default();
    let url = |id: &str| articles.get(id).and_then(|a| a.url.as_deref()).unwrap_or_default();
    let sentence = |id: &str, s: usize, e: usize| articles.get(id).and_then(|a| a.text.get(s..e)).unwrap_or_default();
    let mut w = csv::Writer::from_writer(out);
    match table {
        "articles" => {
            w.write_record(["id", "title", "outlet", "url", "published", "published_source", "path"])?;
            for a in &x.articles {
                w.write_record([
                    &a.id,
                    &a.title,
                    &opt(&a.outlet),
                    &opt(&a.url),
                    &date(a.published),
                    &enum_str(&a.published_source),
                    &a.path,
                ])?;
            }
        }
        "places" => {
            w.write_record(["id", "name", "lat", "lon", "kind", "country", "radius_km"])?;
            for p in &x.places {
                w.write_record([&p.id, &p.name, &p.lat.to_string(), &p.lon.to_string(), &p.kind, &p.country, &p.radius_km.to_string()])?;
            }
        }
        "mentions" => {
            w.write_record(["article", "outlet", "url", "place", "text", "start", "end", "date", "date_basis", "sentence"])?;
            for m in &x.mentions {
                w.write_record([
                    m.article.as_str(),
                    outlet(&m.article),
                    url(&m.article),
                    &m.place,
                    &m.text,
                    &m.start.to_string(),
                    &m.end.to_string(),
                    &date(m.date),
                    &enum_str(&m.date_basis),
                    sentence(&m.article, m.sentence_start, m.sentence_end),
                ])?;
            }
        }
        "claims" => {
            w.write_record([
                "article",
                "outlet",
                "url",
                "killed",
                "wounded",
                "category",
                "hedge",
                "scope",
                "place",
                "claimant",
                "claimant_side",
                "date",
                "date_basis",
                "start",
                "end",
                "sentence",
            ])?;
            for c in &x.claims {
                w.write_record([
                    c.article.as_str(),
                    outlet(&c.article),
                    url(&c.article),
                    &opt(&c.killed),
                    &opt(&c.wounded),
                    &enum_str(&c.category),
                    &enum_str(&c.hedge),
                    &enum_str(&c.scope),
                    c.place.as_deref().unwrap_or_default(),
                    c.claimant.as_deref().unwrap_or_default(),
                    c.claimant_side.as_deref().unwrap_or_default(),
                    &date(c.date),
                    &enum_str(&c.date_basis),
                    &c.start.to_string(),
                    &c.end.to_string(),
                    &c.sentence,
                ])?;
            }
        }
        "quotes" => {
            w.write_record(["article", "outlet", "url", "speaker", "speaker_side", "text", "date", "places", "start", "end"])?;
            for q in &x.quotes {
                w.write_record([
                    q.article.as_str(),
                    outlet(&q.article),
                    url(&q.article),
                    q.speaker.as_deref().unwrap_or_default(),
                    q.speaker_side.as_deref().unwrap_or_default(),
                    &q.text,
                    &date(q.date),
                    &q.places.join(";"),
                    &q.start.to_string(),
                    &q.end.to_string(),
                ])?;
            }
        }
        "unknown_names" => {
            w.write_record(["name", "count"])?;
            for u in x.unknown_names {
                w.write_record([&u.name, &u.count.to_string()])?;
            }
        }
        "problems" => {
            w.write_record(["path", "message"])?;
            for p in x.problems {
                w.write_record([&p.path, &p.message])?;
            }
        }
        other => return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, unknown_table(other))),
    }
    w.flush()
}

/// An item of a GeoJSON feature with its source article's title, outlet and url beside the
/// item's own fields (which include the article id).
#[derive(Serialize)]
struct Sourced<'a, T: Serialize> {
    #[serde(flatten)]
    item: T,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
}

/// A mention as a GeoJSON feature lists it: with its sentence.
#[derive(Serialize)]
struct MentionItem<'a> {
    article: &'a str,
    text: &'a str,
    date: Option<chrono::NaiveDate>,
    start: usize,
    end: usize,
    sentence: Option<&'a str>,
}

#[derive(Serialize)]
struct Point {
    r#type: &'static str,
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Properties<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    country: &'a str,
    radius_km: f64,
    mention_count: usize,
    claim_count: usize,
    quote_count: usize,
    max_killed_claimed: u64,
    mentions: Vec<Sourced<'a, MentionItem<'a>>>,
    claims: Vec<Sourced<'a, &'a Claim>>,
    quotes: Vec<Sourced<'a, &'a Quote>>,
}

#[derive(Serialize)]
struct Feature<'a> {
    r#type: &'static str,
    id: &'a str,
    geometry: Point,
    properties: Properties<'a>,
}

/// The features of a view, built one at a time as they are written.
struct Features<'v, 'a> {
    x: &'v View<'a>,
    /// Per place of `x.places`: its mentions, claims and quotes (indices, view order).
    items: Vec<[Vec<usize>; 3]>,
    articles: FxHashMap<&'a str, &'a Article>,
}

impl<'v, 'a> Features<'v, 'a> {
    fn new(x: &'v View<'a>) -> Self {
        let index: FxHashMap<&str, usize> = x.places.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let mut items: Vec<[Vec<usize>; 3]> = vec![Default::default(); x.places.len()];
        for (i, m) in x.mentions.iter().enumerate() {
            if let Some(&p) = index.get(m.place.as_str()) {
                items[p][0].push(i);
            }
        }
        for (i, c) in x.claims.iter().enumerate() {
            if let Some(&p) = c.place.as_deref().and_then(|id| index.get(id)) {
                items[p][1].push(i);
            }
        }
        for (i, q) in x.quotes.iter().enumerate() {
            for id in &q.places {
                // A quote that names a place twice is listed once.
                if let Some(&p) = index.get(id.as_str())
                    && items[p][2].last() != Some(&i)
                {
                    items[p][2].push(i);
                }
            }
        }
        Features { x, items, articles: articles_by_id(x) }
    }

    fn sourced<T: Serialize>(&self, item: T, article: &str) -> Sourced<'a, T> {
        let a = self.articles.get(article);
        Sourced {
            item,
            title: a.map(|a| a.title.as_str()),
            outlet: a.and_then(|a| a.outlet.as_deref()),
            url: a.and_then(|a| a.url.as_deref()),
        }
    }

    fn feature(&self, i: usize) -> Feature<'a> {
        let (x, p, [mentions, claims, quotes]) = (self.x, self.x.places[i], &self.items[i]);
        let mentions: Vec<_> = mentions
            .iter()
            .map(|&j| {
                let m: &'a Mention = x.mentions[j];
                let sentence = self.articles.get(m.article.as_str()).and_then(|a| a.text.get(m.sentence_start..m.sentence_end));
                let item = MentionItem { article: &m.article, text: &m.text, date: m.date, start: m.start, end: m.end, sentence };
                self.sourced(item, &m.article)
            })
            .collect();
        let claims: Vec<_> = claims.iter().map(|&j| self.sourced(x.claims[j], &x.claims[j].article)).collect();
        let quotes: Vec<_> = quotes.iter().map(|&j| self.sourced(x.quotes[j], &x.quotes[j].article)).collect();
        Feature {
            r#type: "Feature",
            id: &p.id,
            geometry: Point { r#type: "Point", coordinates: [p.lon, p.lat] },
            properties: Properties {
                id: &p.id,
                name: &p.name,
                kind: &p.kind,
                country: &p.country,
                radius_km: p.radius_km,
                mention_count: mentions.len(),
                claim_count: claims.len(),
                quote_count: quotes.len(),
                max_killed_claimed: claims.iter().filter_map(|c| c.item.killed).max().unwrap_or(0),
                mentions,
                claims,
                quotes,
            },
        }
    }
}

impl Serialize for Features<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((0..self.x.places.len()).map(|i| self.feature(i)))
    }
}

/// GeoJSON FeatureCollection (RFC 7946): a Point per place, longitude first, with its
/// mentions, claims and quotes (and their sources) as properties.
fn write_geojson(x: &View<'_>, w: &mut dyn Write) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Collection<'v, 'a> {
        r#type: &'static str,
        features: Features<'v, 'a>,
    }
    serde_json::to_writer_pretty(w, &Collection { r#type: "FeatureCollection", features: Features::new(x) })?;
    Ok(())
}

/// Write a file atomically: `fill` writes into a temporary file in the same folder (through
/// a buffer), which is flushed to disk and renamed over the destination. On any error the
/// destination is untouched and no temporary file remains.
pub fn write_atomic_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Error> {
    let fail = |message: String| Error::Write { path: path.to_path_buf(), message };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).ok_or_else(|| fail("not a file name".into()))?;
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&tmp)?);
        fill(&mut f)?;
        let f = f.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(crate::corpus::io_message(&e)));
    }
    Ok(())
}

/// Write bytes atomically (see [`write_atomic_with`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// What a view shows: a time window on an axis, an optional set of selected places and the
/// place-kind filters. The window's "Export data…" and `dateline extract --at/--select`
/// both turn one into the items to export with [`shown_items`].
#[derive(Debug, Clone, PartialEq)]
pub struct ShownFilter {
    /// The time window.
    pub range: crate::model::DayRange,
    /// The axis the window applies to.
    pub axis: crate::model::TimeAxis,
    /// Selected places (gazetteer ids); empty means no selection.
    pub places: Vec<String>,
    /// Keep exact places (cities, towns).
    pub exact_places: bool,
    /// Keep coarse places (countries, regions, seas, districts).
    pub coarse_places: bool,
    /// Keep historical casualty figures.
    pub historical: bool,
}

impl Default for ShownFilter {
    fn default() -> Self {
        ShownFilter {
            range: crate::model::DayRange::ALL,
            axis: crate::model::TimeAxis::Event,
            places: Vec::new(),
            exact_places: true,
            coarse_places: true,
            historical: true,
        }
    }
}

/// Indices of the mentions, claims and quotes a [`ShownFilter`] keeps, corpus order:
/// - mentions in the window whose place passes the kind filters and the selection;
/// - claims in the window whose place passes them (a claim without a place only when
///   nothing is selected), historical figures only if `historical`;
/// - quotes in the window naming a selected place (any quote when nothing is selected).
pub fn shown_items(model: &crate::model::Model, f: &ShownFilter) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let kind_ok = |id: &str| match model.place(id) {
        Some(p) => {
            if p.is_coarse() {
                f.coarse_places
            } else {
                f.exact_places
            }
        }
        None => false,
    };
    let selected = |id: &str| f.places.is_empty() || f.places.iter().any(|p| p == id);
    let d = &model.data;
    let mentions = model
        .mentions_in(&f.range, f.axis)
        .into_iter()
        .filter(|&i| kind_ok(&d.mentions[i].place) && selected(&d.mentions[i].place))
        .collect();
    let claims = model
        .claims_in(&f.range, f.axis)
        .into_iter()
        .filter(|&i| {
            let c = &d.claims[i];
            (f.historical || c.scope != crate::model::Scope::Historical)
                && match &c.place {
                    Some(p) => kind_ok(p) && selected(p),
                    None => f.places.is_empty(),
                }
        })
        .collect();
    let quotes = model
        .quotes_in(&f.range, f.axis)
        .into_iter()
        .filter(|&i| f.places.is_empty() || d.quotes[i].places.iter().any(|p| selected(p)))
        .collect();
    (mentions, claims, quotes)
}

/// The [`View`] of what a [`ShownFilter`] keeps (see [`shown_items`]).
pub fn shown_view<'m>(model: &'m crate::model::Model, f: &ShownFilter) -> View<'m> {
    let (m, c, q) = shown_items(model, f);
    model.view(&m, &c, &q)
}

/// Parse a window width: `1d`, `3d`, `7d`, `week`, `Nd` (any number of days), or `all`
/// (everything up to the date). Returns the number of days, `None` for `all`.
pub fn parse_window(s: &str) -> Result<Option<i64>, Error> {
    let t = s.trim().to_ascii_lowercase();
    let bad = || Error::Usage(format!("--window {s:?}: expected a number of days such as 1d, 3d, 7d, or week or all"));
    match t.as_str() {
        "all" | "up-to" | "upto" => Ok(None),
        "day" => Ok(Some(1)),
        "week" | "1w" => Ok(Some(7)),
        _ => {
            let n = t.strip_suffix('d').unwrap_or(&t);
            let n: i64 = n.parse().map_err(|_| bad())?;
            if (1..=3650).contains(&n) { Ok(Some(n)) } else { Err(bad()) }
        }
    }
}

/// Parse `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, Error> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::Usage(format!("--at {s:?}: expected a date as YYYY-MM-DD, e.g. 2020-10-11")))
}

/// The window of `days` days ending on `at` (`None`: everything up to `at`).
pub fn window_range(at: chrono::NaiveDate, days: Option<i64>) -> crate::model::DayRange {
    match days {
        Some(n) => crate::model::DayRange { from: Some(at - chrono::Duration::days(n.max(1) - 1)), to: Some(at) },
        None => crate::model::DayRange { from: None, to: Some(at) },
    }
}

/// Check that `id` names a place of the corpus (by id, or by display name ignoring case);
/// returns its id, or an error listing the closest ids.
pub fn resolve_place(model: &crate::model::Model, id: &str) -> Result<String, Error> {
    let want = id.trim().to_lowercase();
    if let Some(p) = model.data.places.iter().find(|p| p.id == want || p.name.to_lowercase() == want) {
        return Ok(p.id.clone());
    }
    let mut scored: Vec<(usize, &str)> = model.data.places.iter().map(|p| (edit_distance(&want, &p.id), p.id.as_str())).collect();
    scored.sort();
    let close: Vec<&str> = scored.iter().take(5).map(|(_, id)| *id).collect();
    Err(Error::Usage(if close.is_empty() {
        format!("--select {id:?}: the corpus names no places")
    } else {
        format!("--select {id:?}: no such place in this corpus; closest ids: {}", close.join(", "))
    }))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// `dateline extract --at DATE --window W --select PLACE`: keep what the window would show
/// for that state (no place-kind filters, historical figures kept).
pub fn shown_cli<'m>(model: &'m crate::model::Model, at: Option<&str>, window: &str, select: Option<&str>) -> Result<View<'m>, Error> {
    let mut f = ShownFilter::default();
    if let Some(at) = at {
        f.range = window_range(parse_date(at)?, parse_window(window)?);
    }
    if let Some(sel) = select {
        f.places = vec![resolve_place(model, sel)?];
    }
    let mut out = shown_view(model, &f);
    out.problems = &model.data.problems;
    Ok(out)
}

#[cfg(test)]
mod shown_tests {
    use super::*;

    #[test]
    fn windows_parse() {
        assert_eq!(parse_window("3d").ok(), Some(Some(3)));
        assert_eq!(parse_window("week").ok(), Some(Some(7)));
        assert_eq!(parse_window("all").ok(), Some(None));
        assert!(parse_window("0d").is_err() && parse_window("soon").is_err());
        let at = parse_date("2020-10-11").unwrap_or_default();
        assert_eq!(window_range(at, Some(3)).from, chrono::NaiveDate::from_ymd_opt(2020, 10, 9));
        assert!(parse_date("11/10/2020").is_err());
        assert_eq!(edit_distance("ganj", "ganja"), 1);
    }
}

#[cfg(test)]
mod write_tests {
    use super::*;
    use crate::model::Extraction;
    use serde_json::Value;

    fn corpus() -> Extraction {
        crate::Engine::embedded().unwrap_or_else(|e| panic!("{e}")).extract_embedded()
    }

    fn json(text: &str) -> Value {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_view_of_everything_serialises_as_the_extraction() {
        let x = corpus();
        let whole = serde_json::to_string_pretty(&x).unwrap_or_default();
        assert_eq!(to_string(&x.view(), Format::Json).ok(), Some(whole));
    }

    #[test]
    fn geojson_lists_each_places_items_once_with_their_sources() {
        let mut x = corpus();
        // A quote that names its place twice is still one quote of that place.
        let q = x.quotes.iter_mut().find(|q| !q.places.is_empty()).unwrap_or_else(|| panic!("a quote with a place"));
        let twice = q.places[0].clone();
        q.places.push(twice);
        let v = json(&to_string(&x.view(), Format::Geojson).unwrap_or_default());
        let features = v["features"].as_array().cloned().unwrap_or_default();
        assert_eq!(features.len(), x.places.len());
        let spans = |items: &Value| -> Vec<(String, u64)> {
            items
                .as_array()
                .map(|a| a.iter().map(|i| (i["article"].as_str().unwrap_or("?").to_owned(), i["start"].as_u64().unwrap_or(0))).collect())
                .unwrap_or_default()
        };
        let mut listed = 0;
        for (f, p) in features.iter().zip(&x.places) {
            let id = p.id.as_str();
            assert_eq!(f["id"], id);
            let props = &f["properties"];
            let mentions: Vec<(String, u64)> =
                x.mentions.iter().filter(|m| m.place == id).map(|m| (m.article.to_string(), m.start as u64)).collect();
            let claims: Vec<_> = x.claims.iter().filter(|c| c.place.as_deref() == Some(id)).collect();
            let quotes: Vec<(String, u64)> =
                x.quotes.iter().filter(|q| q.places.iter().any(|p| p == id)).map(|q| (q.article.to_string(), q.start as u64)).collect();
            assert_eq!(spans(&props["mentions"]), mentions, "{id}");
            assert_eq!(spans(&props["claims"]), claims.iter().map(|c| (c.article.to_string(), c.start as u64)).collect::<Vec<_>>(), "{id}");
            assert_eq!(spans(&props["quotes"]), quotes, "{id}");
            assert_eq!(props["mention_count"].as_u64(), Some(mentions.len() as u64));
            assert_eq!(props["claim_count"].as_u64(), Some(claims.len() as u64));
            assert_eq!(props["quote_count"].as_u64(), Some(quotes.len() as u64));
            assert_eq!(props["max_killed_claimed"].as_u64(), Some(claims.iter().filter_map(|c| c.killed).max().unwrap_or(0)));
            // Every item carries its article's title, outlet and url; claims and quotes all
            // their own fields; mentions their sentence.
            for kind in ["mentions", "claims", "quotes"] {
                for item in props[kind].as_array().into_iter().flatten() {
                    let a = x.articles.iter().find(|a| item["article"] == a.id.as_str()).unwrap_or_else(|| panic!("{item}"));
                    assert_eq!(item["title"], a.title.as_str());
                    assert_eq!(item["outlet"].as_str(), a.outlet.as_deref());
                    assert_eq!(item["url"].as_str(), a.url.as_deref());
                    listed += 1;
                }
            }
            for (item, c) in props["claims"].as_array().into_iter().flatten().zip(&claims) {
                for (k, v) in serde_json::to_value(c).ok().and_then(|v| v.as_object().cloned()).unwrap_or_default() {
                    assert_eq!(item[&k], v, "{id}: claim field {k}");
                }
            }
            for item in props["mentions"].as_array().into_iter().flatten() {
                assert!(item["sentence"].as_str().is_some_and(|s| s.contains(item["text"].as_str().unwrap_or("?"))), "{item}");
            }
        }
        assert!(listed > 100, "{listed}");
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("x.geojson");
        write_atomic(&path, b"old").unwrap_or_else(|e| panic!("{e}"));
        let e = write_atomic_with(&path, |w| {
            w.write_all(&[b'x'; 100_000])?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(e.is_err_and(|e| e.to_string().contains("disk full")));
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"old"[..]));
        assert_eq!(std::fs::read_dir(dir.path()).map(|d| d.count()).ok(), Some(1));
    }

    #[test]
    fn an_unknown_table_is_refused_before_writing() {
        assert!(check_table("claims").is_ok());
        let e = check_table("casualties").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("casualties") && e.contains("mentions"), "{e}");
        let x = corpus();
        assert!(to_string(&x.view(), Format::Csv("casualties")).is_err());
    }
}
