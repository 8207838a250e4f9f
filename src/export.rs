//! Data export: the JSON object of the output contract, CSV tables (one per kind) and
//! GeoJSON (RFC 7946, one Feature per place with its mentions, claims and quotes), written
//! to a temporary file beside the destination and renamed into place.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use serde_json::{Value, json};

use crate::error::Error;
use crate::model::Extraction;

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

/// The JSON object of `dateline extract --format json`.
pub fn to_json(x: &Extraction) -> Result<String, Error> {
    serde_json::to_string_pretty(x).map_err(|e| Error::Usage(format!("cannot encode JSON: {e}")))
}

/// One CSV table. Claims, mentions and quotes carry the article's outlet, url and sentence.
pub fn to_csv(x: &Extraction, table: &str) -> Result<String, Error> {
    let articles: HashMap<&str, &crate::model::Article> = x.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let outlet = |id: &str| articles.get(id).and_then(|a| a.outlet.clone()).unwrap_or_default();
    let url = |id: &str| articles.get(id).and_then(|a| a.url.clone()).unwrap_or_default();
    let sentence = |id: &str, s: usize, e: usize| articles.get(id).and_then(|a| a.text.get(s..e)).unwrap_or("").to_string();
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Error::Usage(format!("cannot write CSV: {e}"));
    match table {
        "articles" => {
            w.write_record(["id", "title", "outlet", "url", "published", "published_source", "path"]).map_err(err)?;
            for a in &x.articles {
                w.write_record([
                    &a.id,
                    &a.title,
                    &opt(&a.outlet),
                    &opt(&a.url),
                    &date(a.published),
                    &enum_str(&a.published_source),
                    &a.path,
                ])
                .map_err(err)?;
            }
        }
        "places" => {
            w.write_record(["id", "name", "lat", "lon", "kind", "country", "radius_km"]).map_err(err)?;
            for p in &x.places {
                w.write_record([&p.id, &p.name, &p.lat.to_string(), &p.lon.to_string(), &p.kind, &p.country, &p.radius_km.to_string()])
                    .map_err(err)?;
            }
        }
        "mentions" => {
            w.write_record(["article", "outlet", "url", "place", "text", "start", "end", "date", "date_basis", "sentence"]).map_err(err)?;
            for m in &x.mentions {
                w.write_record([
                    &m.article.to_string(),
                    &outlet(&m.article),
                    &url(&m.article),
                    &m.place.to_string(),
                    &m.text.to_string(),
                    &m.start.to_string(),
                    &m.end.to_string(),
                    &date(m.date),
                    &enum_str(&m.date_basis),
                    &sentence(&m.article, m.sentence_start, m.sentence_end),
                ])
                .map_err(err)?;
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
            ])
            .map_err(err)?;
            for c in &x.claims {
                w.write_record([
                    &c.article.to_string(),
                    &outlet(&c.article),
                    &url(&c.article),
                    &opt(&c.killed),
                    &opt(&c.wounded),
                    &enum_str(&c.category),
                    &enum_str(&c.hedge),
                    &enum_str(&c.scope),
                    &opt(&c.place),
                    &opt(&c.claimant),
                    &opt(&c.claimant_side),
                    &date(c.date),
                    &enum_str(&c.date_basis),
                    &c.start.to_string(),
                    &c.end.to_string(),
                    &c.sentence,
                ])
                .map_err(err)?;
            }
        }
        "quotes" => {
            w.write_record(["article", "outlet", "url", "speaker", "speaker_side", "text", "date", "places", "start", "end"])
                .map_err(err)?;
            for q in &x.quotes {
                w.write_record([
                    &q.article.to_string(),
                    &outlet(&q.article),
                    &url(&q.article),
                    &opt(&q.speaker),
                    &opt(&q.speaker_side),
                    &q.text,
                    &date(q.date),
                    &q.places.join(";"),
                    &q.start.to_string(),
                    &q.end.to_string(),
                ])
                .map_err(err)?;
            }
        }
        "unknown_names" => {
            w.write_record(["name", "count"]).map_err(err)?;
            for u in &x.unknown_names {
                w.write_record([&u.name, &u.count.to_string()]).map_err(err)?;
            }
        }
        "problems" => {
            w.write_record(["path", "message"]).map_err(err)?;
            for p in &x.problems {
                w.write_record([&p.path, &p.message]).map_err(err)?;
            }
        }
        other => return Err(Error::Usage(format!("unknown table {other:?}; one of {}", TABLES.join(", ")))),
    }
    let bytes = w.into_inner().map_err(|e| Error::Usage(format!("cannot write CSV: {e}")))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// All CSV tables, each preceded by a `# table` line, for a single stream.
pub fn to_csv_all(x: &Extraction) -> Result<String, Error> {
    let mut out = String::new();
    for t in TABLES {
        out.push_str(&format!("# {t}\n"));
        out.push_str(&to_csv(x, t)?);
        out.push('\n');
    }
    Ok(out)
}

/// GeoJSON FeatureCollection (RFC 7946): a Point per place, longitude first, with its
/// mentions, claims and quotes (and their sources) as properties.
pub fn to_geojson(x: &Extraction) -> Result<String, Error> {
    let articles: HashMap<&str, &crate::model::Article> = x.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    // Each item carries its source: article id, title, outlet and url.
    let with_source = |mut v: Value, id: &str| {
        let a = articles.get(id);
        if let Some(o) = v.as_object_mut() {
            o.insert("article".into(), json!(id));
            o.insert("title".into(), json!(a.map(|a| a.title.clone())));
            o.insert("outlet".into(), json!(a.and_then(|a| a.outlet.clone())));
            o.insert("url".into(), json!(a.and_then(|a| a.url.clone())));
        }
        v
    };
    let mut features = Vec::new();
    for p in &x.places {
        let mentions: Vec<Value> = x
            .mentions
            .iter()
            .filter(|m| m.place == p.id)
            .map(|m| {
                let v = json!({"text": m.text, "date": m.date, "start": m.start, "end": m.end,
                    "sentence": articles.get(m.article.as_str()).and_then(|a| a.text.get(m.sentence_start..m.sentence_end))});
                with_source(v, &m.article)
            })
            .collect();
        let claims: Vec<Value> = x
            .claims
            .iter()
            .filter(|c| c.place.as_deref() == Some(p.id.as_str()))
            .map(|c| with_source(serde_json::to_value(c).unwrap_or(Value::Null), &c.article))
            .collect();
        let quotes: Vec<Value> = x
            .quotes
            .iter()
            .filter(|q| q.places.iter().any(|x| *x == p.id))
            .map(|q| with_source(serde_json::to_value(q).unwrap_or(Value::Null), &q.article))
            .collect();
        let killed: u64 = x.claims.iter().filter(|c| c.place.as_deref() == Some(p.id.as_str())).filter_map(|c| c.killed).max().unwrap_or(0);
        features.push(json!({
            "type": "Feature",
            "id": p.id,
            "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {
                "id": p.id, "name": p.name, "kind": p.kind, "country": p.country, "radius_km": p.radius_km,
                "mention_count": mentions.len(), "claim_count": claims.len(), "quote_count": quotes.len(),
                "max_killed_claimed": killed,
                "mentions": mentions, "claims": claims, "quotes": quotes,
            }
        }));
    }
    let fc = json!({"type": "FeatureCollection", "features": features});
    serde_json::to_string_pretty(&fc).map_err(|e| Error::Usage(format!("cannot encode GeoJSON: {e}")))
}

/// Write bytes atomically: a temporary file in the same folder, flushed, then renamed over
/// the destination. On any error the destination is untouched and no temporary file remains.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |message: String| Error::Write { path: path.to_path_buf(), message };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).ok_or_else(|| fail("not a file name".into()))?;
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(crate::corpus::io_message(&e)));
    }
    Ok(())
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

/// The [`Extraction`] of what a [`ShownFilter`] keeps (see [`shown_items`]).
pub fn shown_extraction(model: &crate::model::Model, f: &ShownFilter) -> Extraction {
    let (m, c, q) = shown_items(model, f);
    model.subset(&m, &c, &q)
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
pub fn shown_cli(x: Extraction, at: Option<&str>, window: &str, select: Option<&str>) -> Result<Extraction, Error> {
    let model = crate::model::Model::new(x);
    let mut f = ShownFilter::default();
    if let Some(at) = at {
        f.range = window_range(parse_date(at)?, parse_window(window)?);
    }
    if let Some(sel) = select {
        f.places = vec![resolve_place(&model, sel)?];
    }
    let mut out = shown_extraction(&model, &f);
    out.problems = model.data.problems.clone();
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
