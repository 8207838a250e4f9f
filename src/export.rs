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
                w.write_record([&a.id, &a.title, &opt(&a.outlet), &opt(&a.url), &date(a.published), &enum_str(&a.published_source), &a.path])
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
                    &m.article,
                    &outlet(&m.article),
                    &url(&m.article),
                    &m.place,
                    &m.text,
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
                "article", "outlet", "url", "killed", "wounded", "category", "hedge", "scope", "place", "claimant", "claimant_side", "date",
                "date_basis", "start", "end", "sentence",
            ])
            .map_err(err)?;
            for c in &x.claims {
                w.write_record([
                    &c.article,
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
            w.write_record(["article", "outlet", "url", "speaker", "speaker_side", "text", "date", "places", "start", "end"]).map_err(err)?;
            for q in &x.quotes {
                w.write_record([
                    &q.article,
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
    let source = |id: &str| {
        let a = articles.get(id);
        json!({
            "article": id,
            "title": a.map(|a| a.title.clone()),
            "outlet": a.and_then(|a| a.outlet.clone()),
            "url": a.and_then(|a| a.url.clone()),
        })
    };
    let mut features = Vec::new();
    for p in &x.places {
        let mentions: Vec<Value> = x
            .mentions
            .iter()
            .filter(|m| m.place == p.id)
            .map(|m| {
                let mut v = json!({"text": m.text, "date": m.date, "start": m.start, "end": m.end,
                    "sentence": articles.get(m.article.as_str()).and_then(|a| a.text.get(m.sentence_start..m.sentence_end))});
                if let (Some(o), Value::Object(s)) = (v.as_object_mut(), source(&m.article)) {
                    o.extend(s);
                }
                v
            })
            .collect();
        let claims: Vec<Value> = x
            .claims
            .iter()
            .filter(|c| c.place.as_deref() == Some(p.id.as_str()))
            .map(|c| {
                let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
                if let (Some(o), Value::Object(s)) = (v.as_object_mut(), source(&c.article)) {
                    o.extend(s);
                }
                v
            })
            .collect();
        let quotes: Vec<Value> = x
            .quotes
            .iter()
            .filter(|q| q.places.contains(&p.id))
            .map(|q| {
                let mut v = serde_json::to_value(q).unwrap_or(Value::Null);
                if let (Some(o), Value::Object(s)) = (v.as_object_mut(), source(&q.article)) {
                    o.extend(s);
                }
                v
            })
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
