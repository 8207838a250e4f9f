//! Helpers shared by the table-driven extraction tests (`extract_cases`, `probe_*`): one
//! article through the public engine, and dates written as `YYYY-MM-DD`.
#![allow(dead_code)]

use chrono::NaiveDate;
use dateline::Engine;
use dateline::corpus::Document;
use dateline::model::{DateSource, Extraction};

/// Extract one article with this text, published on `published` (`YYYY-MM-DD`, as a
/// manifest would give it) or with no publication date.
pub fn run(text: &str, published: Option<&str>) -> Extraction {
    let engine = Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
    let doc = Document {
        id: "t".into(),
        path: "t.txt".into(),
        text: text.into(),
        published: published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()).map(|d| (d, DateSource::Manifest)),
        ..Default::default()
    };
    engine.extract_documents(vec![doc])
}

/// A date written `YYYY-MM-DD`.
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}
