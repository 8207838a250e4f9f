//! Extraction: from one article's text to place mentions, dates, casualty claims, quotes,
//! truce moments and unknown names, each with byte spans back into the text. Rules, not
//! learned models, so every result can be explained. Articles are processed in parallel
//! (rayon) with matchers compiled once in [`crate::Engine`].

pub mod attribution;
pub mod claims;
pub mod cues;
pub mod dates;
pub mod meta;
pub mod names;
pub mod numbers;
pub mod quotes;

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::corpus::{Document, Manifest};
use crate::engine::{Engine, Progress};
use crate::gazetteer::{Actors, Gazetteer, NameMatch, StartFilter};
use crate::model::{Article, Claim, DateBasis, Extraction, Id, Mention, Place, Problem, Quote, Truce, UnknownName};
use crate::text::{self, Span};
use attribution::Speaker;
use dates::DateExpr;

/// One sentence with what the extractors need to know about it.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte span in the article.
    pub span: Span,
    /// Date expressions in it.
    pub dates: Vec<DateExpr>,
    /// Event date: the sentence's own, else the article's.
    pub date: Option<NaiveDate>,
    /// How the date was obtained.
    pub basis: DateBasis,
    /// Its word tokens: a range of [`DocCtx::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// Everything known about one article while extracting it.
pub struct DocCtx<'a> {
    /// The article text.
    pub text: &'a str,
    /// Where the body starts (after a header line).
    pub body_start: usize,
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// The actors.
    pub actors: &'a Actors,
    /// Place names found, in order.
    pub places: Vec<NameMatch>,
    /// Actor names found, in order.
    pub actor_matches: Vec<NameMatch>,
    /// Person-like name sequences, in order.
    pub persons: Vec<names::PersonName>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Word tokens of all sentences, in order (tokenized once, shared by the extractors).
    pub tokens: Vec<crate::text::Token<'a>>,
    /// The text's bytes classified as bit masks ([`text::text_masks`]), for tokens of other
    /// spans than sentences ([`DocCtx::tokens_between`]).
    pub(crate) masks: Vec<text::Masks>,
    /// The cue words of the text, found in one pass ([`cues::scan`]): date words, speech
    /// verbs ("said", "according to"), casualty stems, sentence phrases, truce hints.
    pub cues: cues::TextCues,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// The article's id, shared by all its items.
    pub article: Id,
    /// Names already turned into shared [`Id`]s in this article.
    interned: std::cell::RefCell<FxHashMap<&'a str, Id>>,
}

fn in_span<T>(items: &[T], span: Span, pos: impl Fn(&T) -> (usize, usize) + Copy) -> impl Iterator<Item = &T> {
    let lo = items.partition_point(|m| pos(m).0 < span.start);
    items[lo..].iter().take_while(move |m| pos(m).0 < span.end).filter(move |m| pos(m).1 <= span.end)
}

impl<'a> DocCtx<'a> {
    /// Place matches inside a span.
    pub fn places_in(&self, span: Span) -> impl Iterator<Item = &NameMatch> {
        in_span(&self.places, span, |m| (m.start, m.end))
    }

    /// Actor matches inside a span.
    pub fn actors_in(&self, span: Span) -> impl Iterator<Item = &NameMatch> {
        in_span(&self.actor_matches, span, |m| (m.start, m.end))
    }

    /// Person names inside a span, as spans.
    pub fn persons_in(&self, span: Span) -> impl Iterator<Item = Span> + '_ {
        in_span(&self.persons, span, |p| (p.start, p.end)).map(|p| Span { start: p.start, end: p.end })
    }

    /// The speaker an actor stands for.
    pub fn actor_speaker(&self, i: usize) -> Speaker<'a> {
        let a = &self.actors.actors[i];
        Speaker {
            name: &a.name,
            side: (!a.side.is_empty()).then_some(a.side.as_str()),
            person: a.is_person(),
            female: a.gender.as_deref().map(|g| g == "f"),
        }
    }

    /// The person name starting at byte `start` (persons are in text order).
    pub fn person_at(&self, start: usize) -> Option<&names::PersonName> {
        let i = self.persons.partition_point(|p| p.start < start);
        self.persons.get(i).filter(|p| p.start == start)
    }

    /// The speaker a person name stands for (name as written, titles removed).
    pub fn person_speaker(&self, span: Span) -> Speaker<'a> {
        let p = self.person_at(span.start).filter(|p| p.end == span.end);
        Speaker { name: &self.text[span.start..span.end], side: None, person: true, female: p.and_then(|p| p.female) }
    }

    /// A shared [`Id`] for a name: the same text gives the same allocation.
    pub fn intern(&self, s: &'a str) -> Id {
        self.interned.borrow_mut().entry(s).or_insert_with(|| Id::from(s)).clone()
    }

    /// The word tokens of a sentence.
    pub fn tokens_of(&self, s: &Sentence) -> &[crate::text::Token<'a>] {
        &self.tokens[s.tokens.clone()]
    }

    /// The word tokens of any span of the text (as [`text::tokens`] of it would give them),
    /// read from the text's masks.
    pub fn tokens_between(&self, span: Span) -> Vec<crate::text::Token<'a>> {
        let mut out = Vec::with_capacity((span.end - span.start) / 6 + 1);
        text::tokens_in(self.text, &self.masks, span, &mut out);
        out
    }

    /// The sentence holding a byte offset.
    pub fn sentence_at(&self, pos: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        self.sentences.get(i).filter(|s| s.span.start <= pos)
    }
}

/// What one article yields.
#[derive(Debug, Default)]
struct DocResult {
    article: Article,
    mentions: Vec<Mention>,
    claims: Vec<Claim>,
    quotes: Vec<Quote>,
    truces: Vec<Truce>,
    unknown: FxHashMap<String, usize>,
    problems: Vec<Problem>,
}

/// Extract one document. `year_hint` supplies a year for dates written without one when the
/// article has no publication date.
fn extract_doc(engine: &Engine, name_starts: &StartFilter, doc: Document, year_hint: Option<i32>) -> DocResult {
    let text = doc.text.as_str();
    let header = meta::header(text);
    // Cue words of the whole text, found in one pass: date words (for the dateline's year and
    // every sentence), speech verbs, casualty stems, sentence phrases and truce hints.
    let text_cues = cues::scan(text);
    let body_start = header.as_ref().map_or(0, |h| h.end);
    let (published, published_source) = match (doc.published, &header) {
        (Some(p), _) => (Some(p.0), p.1),
        (None, Some(h)) => (Some(h.date), crate::model::DateSource::Header),
        (None, None) => match meta::dateline_in(text, body_start, year_hint, &text_cues.dates) {
            Some(d) => (Some(d), crate::model::DateSource::Dateline),
            None => match meta::infer_published_in(text, body_start, &text_cues.dates) {
                Some(d) => (Some(d), crate::model::DateSource::Inferred),
                None => (None, crate::model::DateSource::None),
            },
        },
    };
    let year_hint = published.map(|p| p.year()).or(year_hint);
    let title = doc.title.clone().unwrap_or_else(|| meta::title(text, body_start));
    let skip = meta::junk_spans(text);
    // Room for the tokens of running text (about one per six bytes) without growing.
    let mut tokens = Vec::with_capacity(text.len() / 5);
    // Every byte classified once (bit masks), for the tokens, the names' word starts and the
    // digit runs of the date cues.
    let masks = text::text_masks(text);
    let digit_runs = text::digit_runs(&masks);
    let spans = text::sentences(text);
    let mut sentences: Vec<Sentence> = Vec::with_capacity(spans.len());
    sentences.extend(spans.into_iter().filter_map(|s| {
        let s = Span { start: s.start.max(body_start), end: s.end };
        if s.start >= s.end || skip.iter().any(|j| j.start <= s.start && s.end <= j.end) {
            return None;
        }
        let slice = &text[s.start..s.end];
        let ds = dates::find_dates_in_runs(slice, s.start, published, year_hint, &text_cues.dates, &digit_runs);
        let (date, basis) = match dates::sentence_day(&ds) {
            Some((d, b)) => (Some(d), b),
            None => (published, if published.is_some() { DateBasis::Article } else { DateBasis::Unknown }),
        };
        let first = tokens.len();
        text::tokens_in(text, &masks, s, &mut tokens);
        Some(Sentence { span: s, dates: ds, date, basis, tokens: first..tokens.len() })
    }));
    let in_body = |m: &NameMatch| m.start >= body_start && !skip.iter().any(|j| j.start <= m.start && m.end <= j.end);
    // Word starts found once for both name matchers.
    let starts = crate::gazetteer::word_starts_masked(text, &masks, name_starts);
    let (places, excluded) = engine.gazetteer.find_at(text, &starts);
    let places: Vec<NameMatch> = places.into_iter().filter(in_body).collect();
    let actor_matches: Vec<NameMatch> = engine.actors.find_at(text, &starts).into_iter().filter(in_body).collect();
    let mut ctx = DocCtx {
        text,
        body_start,
        gazetteer: &engine.gazetteer,
        actors: &engine.actors,
        places,
        actor_matches,
        persons: Vec::new(),
        sentences,
        tokens,
        masks,
        cues: text_cues,
        published,
        article: Id::from(doc.id.as_str()),
        // Room for the distinct names of a typical article without growing.
        interned: std::cell::RefCell::new(FxHashMap::with_capacity_and_hasher(64, Default::default())),
    };
    let mut unknown = FxHashMap::default();
    ctx.persons = names::scan(&ctx, &excluded, &mut unknown);

    let article = Article {
        id: doc.id.clone(),
        title,
        outlet: doc.outlet.clone(),
        url: doc.url.clone(),
        published,
        published_source,
        path: doc.path.clone(),
        text: String::new(),
    };
    let mut mentions = Vec::with_capacity(ctx.places.len());
    for m in &ctx.places {
        let Some(s) = ctx.sentence_at(m.start) else { continue };
        mentions.push(Mention {
            article: ctx.article.clone(),
            place: engine.gazetteer.place_ids[m.item].clone(),
            text: ctx.intern(&text[m.start..m.end]),
            start: m.start,
            end: m.end,
            date: s.date,
            date_basis: s.basis,
            sentence_start: s.span.start,
            sentence_end: s.span.end,
        });
    }
    let mut problems = Vec::new();
    let claims = claims::extract(&ctx, &mut problems, &doc.path);
    let quotes = quotes::extract(&ctx);
    let truces = meta::truces(&ctx);
    let mut article = article;
    article.text = doc.text;
    DocResult { article, mentions, claims, quotes, truces, unknown, problems }
}

/// The most common publication year among documents, for dates written without a year.
fn corpus_year(docs: &[Document]) -> Option<i32> {
    // Headers are read in parallel: this runs before any article is extracted.
    let found: Vec<Option<i32>> =
        docs.par_iter().map(|d| d.published.map(|p| p.0.year()).or_else(|| meta::header(&d.text).map(|h| h.date.year()))).collect();
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for y in found.into_iter().flatten() {
        *years.entry(y).or_default() += 1;
    }
    years.into_iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| y)
}

/// Extract a whole corpus in parallel and merge the results.
pub fn extract(
    engine: &Engine,
    docs: Vec<Document>,
    manifest: Option<Manifest>,
    mut problems: Vec<Problem>,
    progress: &Progress,
) -> Extraction {
    let year_hint = corpus_year(&docs);
    // The word starts where a place or an actor name may begin.
    let name_starts = engine.gazetteer.start_filter().union(engine.actors.start_filter());
    let total = docs.len();
    progress.total.store(docs.len(), Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    // Articles are extracted in parallel a chunk at a time and each chunk is merged while the
    // next is extracted, so at most two chunks' intermediate results exist beside the merged
    // corpus (memory stays linear in the corpus, without a second copy of every item).
    let mut out = Extraction { articles: Vec::with_capacity(docs.len()), ..Default::default() };
    let mut unknown: FxHashMap<String, usize> = FxHashMap::default();
    let mut used_places: FxHashSet<Id> = FxHashSet::default();
    let mut docs = docs.into_iter();
    // While one chunk is extracted in parallel, the previous one is merged (rayon::join), so
    // the merge does not leave the worker threads idle.
    let mut pending: Option<Vec<DocResult>> = None;
    loop {
        let chunk: Vec<Document> = docs.by_ref().take(CHUNK).collect();
        if chunk.is_empty() || progress.cancelled() {
            if let Some(results) = pending.take() {
                merge(&mut out, results, &mut problems, &mut unknown, &mut used_places);
            }
            break;
        }
        let ((), results) = rayon::join(
            || {
                if let Some(results) = pending.take() {
                    merge(&mut out, results, &mut problems, &mut unknown, &mut used_places);
                    reserve_for_corpus(&mut out, total);
                }
            },
            || -> Vec<DocResult> {
                chunk
                    .into_par_iter()
                    .filter_map(|d| {
                        if progress.cancelled() {
                            return None;
                        }
                        let r = extract_doc(engine, &name_starts, d, year_hint);
                        progress.done.fetch_add(1, Ordering::Relaxed);
                        Some(r)
                    })
                    .collect()
            },
        );
        pending = Some(results);
    }
    out.mentions.shrink_to_fit();
    out.claims.shrink_to_fit();
    out.quotes.shrink_to_fit();
    finish(engine, out, manifest, problems, unknown, used_places)
}

/// After the first chunk, make room for the whole corpus at the rate seen so far (plus a
/// tenth), so the big vectors are not grown by doubling: doubling leaves up to half of each
/// unused, and trimming it at the end copies the vector, both at the peak of memory use.
fn reserve_for_corpus(out: &mut Extraction, total: usize) {
    let done = out.articles.len();
    if done == 0 || done > CHUNK {
        return;
    }
    let estimate = |n: usize| (n as f64 * total as f64 / done as f64 * 1.1) as usize;
    out.articles.reserve_exact(total.saturating_sub(done));
    out.mentions.reserve_exact(estimate(out.mentions.len()).saturating_sub(out.mentions.len()));
    out.claims.reserve_exact(estimate(out.claims.len()).saturating_sub(out.claims.len()));
    out.quotes.reserve_exact(estimate(out.quotes.len()).saturating_sub(out.quotes.len()));
}

/// Articles extracted in parallel before their results are merged.
const CHUNK: usize = 256;

/// Move one chunk's results into the corpus.
fn merge(
    out: &mut Extraction,
    results: Vec<DocResult>,
    problems: &mut Vec<Problem>,
    unknown: &mut FxHashMap<String, usize>,
    used_places: &mut FxHashSet<Id>,
) {
    for r in results {
        if r.article.text.trim().is_empty() {
            problems.push(Problem { path: r.article.path.clone(), message: "article has no text".into() });
        }
        out.articles.push(r.article);
        for m in &r.mentions {
            if !used_places.contains(&m.place) {
                used_places.insert(m.place.clone());
            }
        }
        out.mentions.extend(r.mentions);
        out.claims.extend(r.claims);
        out.quotes.extend(r.quotes);
        out.truces.extend(r.truces);
        problems.extend(r.problems);
        for (k, v) in r.unknown {
            *unknown.entry(k).or_default() += v;
        }
    }
}

/// Corpus-level records after all articles: manifest truces, the places used, unknown names.
fn finish(
    engine: &Engine,
    mut out: Extraction,
    manifest: Option<Manifest>,
    problems: Vec<Problem>,
    unknown: FxHashMap<String, usize>,
    used_places: FxHashSet<Id>,
) -> Extraction {
    if let Some(m) = &manifest {
        for d in m.truce_days() {
            out.truces.push(Truce { article: Id::default(), date: d, start: 0, end: 0 });
        }
        out.corpus = m.name.clone().unwrap_or_default();
    }
    out.truces.sort_by(|a, b| a.date.cmp(&b.date).then(a.article.cmp(&b.article)));
    out.places = engine
        .gazetteer
        .places
        .iter()
        .filter(|p| used_places.contains(p.id.as_str()))
        .map(|p| Place {
            id: p.id.clone(),
            name: p.name.clone(),
            lat: p.lat,
            lon: p.lon,
            kind: p.kind.clone(),
            country: p.country.clone(),
            radius_km: p.radius_km,
        })
        .collect();
    out.places.sort_by(|a, b| a.id.cmp(&b.id));
    let mut unknown: Vec<UnknownName> = unknown.into_iter().map(|(name, count)| UnknownName { name, count }).collect();
    unknown.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out.unknown_names = unknown;
    out.problems = problems;
    out
}
