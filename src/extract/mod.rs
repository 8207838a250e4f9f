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

impl text::Part for Sentence {
    fn span(&self) -> Span {
        self.span
    }

    fn set_tokens(&mut self, tokens: std::ops::Range<usize>) {
        self.tokens = tokens;
    }
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
    /// The engine's names as [`Id`]s made once for the whole extraction.
    engine_ids: &'a EngineIds<'a>,
    /// What each sentence names, for the speakers' memory: worked out once, when first
    /// asked, and shared by claims and quotes.
    pub(crate) observed: std::cell::OnceCell<Vec<attribution::Observed>>,
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

    /// The speaker an actor stands for (made once per extraction, [`EngineIds`]).
    pub fn actor_speaker(&self, i: usize) -> Speaker<'a> {
        self.engine_ids.actors[i]
    }

    /// The person name starting at byte `start` (persons are in text order).
    pub fn person_at(&self, start: usize) -> Option<&names::PersonName> {
        let i = self.persons.partition_point(|p| p.start < start);
        self.persons.get(i).filter(|p| p.start == start)
    }

    /// The speaker a person name stands for (name as written, titles removed).
    pub fn person_speaker(&self, span: Span) -> Speaker<'a> {
        let p = self.person_at(span.start).filter(|p| p.end == span.end);
        Speaker {
            name: p.map_or(&self.text[span.start..span.end], |p| p.name(self.text)),
            side: None,
            person: true,
            female: p.and_then(|p| p.female),
        }
    }

    /// A shared [`Id`] for a name: the same text gives the same allocation. A string of the
    /// engine's (an actor's name or side, a place's id or name) takes the [`Id`] made for it
    /// once per extraction ([`EngineIds`]), found by its address without hashing its text.
    pub fn intern(&self, s: &'a str) -> Id {
        let at = s.as_ptr() as usize;
        let text = self.text.as_ptr() as usize;
        if !(text..=text + self.text.len()).contains(&at)
            && let Some(id) = self.engine_ids.by_address.get(&(at, s.len()))
        {
            return id.clone();
        }
        self.interned.borrow_mut().entry(s).or_insert_with(|| Id::from(s)).clone()
    }

    /// A claimant's name as a shared [`Id`], one way however the sentence places it
    /// ([`capitalised_article`]).
    pub fn intern_source(&self, name: &'a str) -> Id {
        capitalised_article(name).map_or_else(|| self.intern(name), Id::from)
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

/// `name` with its leading lower-case article capitalised, or `None` when it opens otherwise:
/// a claimant is one way however the sentence places it ("the civil defence agency said" and
/// "The civil defence agency said" are both "The civil defence agency", as the gold writes
/// "The country’s attorney general"), so the casualty plot keeps one series for it. Quote
/// speakers stay as written (the output contract keys unknown speakers by the name as written).
pub(crate) fn capitalised_article(name: &str) -> Option<String> {
    // (The three openings told by a slice pattern of the name's first bytes.)
    matches!(name.as_bytes(), [b't', b'h', b'e', b' ', ..] | [b'a', b' ', ..] | [b'a', b'n', b' ', ..])
        .then(|| format!("{}{}", name[..1].to_ascii_uppercase(), &name[1..]))
}

/// `a == b`, a text of up to 16 bytes compared in place by two overlapping reads of each (of
/// 8, 4, 2 or 1 bytes, by its length), not by a call of `memcmp` (names are short).
#[inline]
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    // The first and the last `K` bytes of each (`K <= n <= 2 * K`: together they cover it).
    fn ends<const K: usize>(a: &[u8], b: &[u8]) -> bool {
        let n = a.len();
        let word = |x: &[u8], at: usize| -> [u8; K] { x[at..at + K].try_into().unwrap_or([0; K]) };
        word(a, 0) == word(b, 0) && word(a, n - K) == word(b, n - K)
    }
    match n {
        0 => true,
        1 => a[0] == b[0],
        2..=3 => ends::<2>(a, b),
        4..=7 => ends::<4>(a, b),
        8..=16 => ends::<8>(a, b),
        _ => a == b,
    }
}

/// `intern(text)`, or the id of `last` when its text is the same (then `intern` would give
/// the same text again); `last` becomes `text` and its id.
pub(crate) fn interned_again<'a>(last: &mut Option<(&'a str, Id)>, text: &'a str, intern: impl FnOnce(&'a str) -> Id) -> Id {
    match last {
        Some((t, id)) if same_text(t, text) => id.clone(),
        _ => last.insert((text, intern(text))).1.clone(),
    }
}

/// The engine's strings that items name, as shared [`Id`]s made once per extraction, so that
/// articles take them without hashing their text or allocating: places' ids and names, and
/// actors' names and sides (speakers and claimants borrow these strings from the engine);
/// and the speaker each actor stands for.
pub(crate) struct EngineIds<'e> {
    /// Per actor, in the actors' order: the speaker it stands for.
    actors: Vec<Speaker<'e>>,
    /// Per place, in the gazetteer's order: its name and its aliases, each with its Id (a
    /// mention mostly writes one of them).
    place_names: Vec<Vec<(&'e str, Id)>>,
    /// Each of those strings by where the engine stores it and its length
    /// ([`DocCtx::intern`]).
    by_address: FxHashMap<(usize, usize), Id>,
}

impl<'e> EngineIds<'e> {
    fn new(engine: &'e Engine) -> Self {
        let places = &engine.gazetteer.places;
        let place_names: Vec<Vec<(&str, Id)>> = places
            .iter()
            .map(|p| std::iter::once(&p.name).chain(&p.aliases).map(|n| (n.as_str(), Id::from(n.as_str()))).collect())
            .collect();
        let mut by_address = FxHashMap::default();
        let mut add = |s: &str, id: Id| {
            by_address.entry((s.as_ptr() as usize, s.len())).or_insert(id);
        };
        for ((p, id), names) in places.iter().zip(&engine.gazetteer.place_ids).zip(&place_names) {
            add(&p.id, id.clone());
            for (name, id) in names {
                add(name, id.clone());
            }
        }
        for a in &engine.actors.actors {
            add(&a.name, Id::from(a.name.as_str()));
            add(&a.side, Id::from(a.side.as_str()));
        }
        let actors = engine
            .actors
            .actors
            .iter()
            .map(|a| Speaker {
                name: &a.name,
                side: (!a.side.is_empty()).then_some(a.side.as_str()),
                person: a.is_person(),
                female: a.gender.as_deref().map(|g| g == "f"),
            })
            .collect();
        EngineIds { actors, place_names, by_address }
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
    /// [`input_of`] the document.
    input: u64,
    /// Taken from a previous extraction rather than extracted.
    reused: bool,
}

/// What each article of an extraction contributed, kept with it (not part of the output) so
/// that the corpus can be extracted again reusing every article whose document did not change
/// ([`extract_again`]): a file-watch reload of 10,000 articles after one file changed then
/// extracts one article, not 10,000.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// [`Engine::fingerprint`] of the engine that extracted it.
    engine: u64,
    /// The year given to dates written without one ([`corpus_year`]).
    year_hint: Option<i32>,
    /// `problems[..read_problems]` came from reading the files; the rest from extracting the
    /// articles, in article order.
    read_problems: usize,
    /// One entry per article, in article order.
    articles: Vec<LedgerEntry>,
    /// The unknown names each article found, as (index into `names`, count); each article's
    /// entries follow the previous article's.
    unknown: Vec<(u32, u32)>,
    /// The unknown names, by index.
    names: Vec<String>,
    /// How many articles were extracted; the others were taken from a previous extraction.
    extracted: usize,
}

impl Ledger {
    /// How many articles were extracted to make this extraction; the others were taken from
    /// a previous extraction ([`extract_again`]).
    pub fn extracted(&self) -> usize {
        self.extracted
    }
}

/// One article's part of a [`Ledger`]: its input and how many items of each kind it gave
/// (its items follow the previous article's in each list).
#[derive(Debug, Clone, Copy, Default)]
struct LedgerEntry {
    input: u64,
    mentions: u32,
    claims: u32,
    quotes: u32,
    problems: u32,
    unknown: u32,
}

/// A hash of what a document brings besides its text (id, path, metadata): a document with
/// the same input and text extracts to the same items.
fn input_of(doc: &Document) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    (&doc.id, &doc.path, &doc.title, &doc.outlet, &doc.url, &doc.published).hash(&mut h);
    h.finish()
}

/// Extract one document. `year_hint` supplies a year for dates written without one when the
/// article has no publication date.
fn extract_doc(engine: &Engine, shared: &Shared, doc: Document, year_hint: Option<i32>) -> DocResult {
    let input = input_of(&doc);
    let header = meta::header(&doc.text);
    let body_start = header.as_ref().map_or(0, |h| h.end);
    // Hard-wrapped paragraphs read as one line each: the line breaks that only wrap a
    // paragraph are read as spaces (same offsets, so every span points into the article's
    // own text).
    // (The lines are found once: without a soft break they are the paragraphs.)
    let lines = text::paragraphs(&doc.text);
    let breaks = text::soft_breaks_of(&doc.text, &lines, body_start);
    let unwrapped = text::unwrap_at(&doc.text, &breaks);
    let text: &str = &unwrapped;
    let paragraphs = if breaks.is_empty() { lines } else { text::paragraphs(text) };
    // Cue words of the whole text, found in one pass: date words (for the dateline's year and
    // every sentence), speech verbs, casualty stems, sentence phrases and truce hints.
    let text_cues = cues::scan(text);
    // Every byte classified once (bit masks), for the tokens, the names' word starts, the
    // sentences' terminators and the digit runs of the date cues (and of a dateline's year).
    let masks = text::text_masks(text);
    let digit_runs = text::digit_runs(&masks);
    let (published, published_source) = match (doc.published, &header) {
        (Some(p), _) => (Some(p.0), p.1),
        (None, Some(h)) => (Some(h.date), crate::model::DateSource::Header),
        // A date line under the title ("Published 14 October 2020") is a header too.
        (None, None) => match meta::date_line(text, body_start, &text_cues.dates) {
            Some(d) => (Some(d), crate::model::DateSource::Header),
            None => match meta::dateline_with(text, body_start, year_hint, &text_cues.dates, Some(&digit_runs)) {
                Some(d) => (Some(d), crate::model::DateSource::Dateline),
                None => match meta::infer_published_in(text, body_start, &text_cues.dates) {
                    Some(d) => (Some(d), crate::model::DateSource::Inferred),
                    None => (None, crate::model::DateSource::None),
                },
            },
        },
    };
    let year_hint = published.map(|p| p.year()).or(year_hint);
    let title = doc.title.clone().unwrap_or_else(|| meta::title(text, body_start));
    // Template junk and credit lines ("By …", "Reporting by …; Editing by …") are not read;
    // author lines under the title give no people (their spans join the names' exclusions).
    let bylines = meta::bylines(text, body_start);
    let mut skip = meta::junk_spans(text);
    if !bylines.credits.is_empty() {
        skip.extend_from_slice(&bylines.credits);
    }
    // Room for the tokens of running text (about one per six bytes) without growing: the
    // thread's buffer of the article before, empty ([`TOKENS`]), grown when it has less.
    let mut tokens: Vec<text::Token> = TOKENS.take();
    tokens.reserve(text.len() / 5);
    let spans = text::sentences_masked(text, &paragraphs, &masks);
    // (The thread's vector of the article before, empty: [`SENTENCES`].)
    let mut sentences: Vec<Sentence> = SENTENCES.take();
    sentences.reserve(spans.len());
    // The explicit date of the sentence before, for "a day earlier" (`dates::previous_day`).
    let mut explicit_before: Option<NaiveDate> = None;
    let mut date_reader = dates::SentenceDates::new(&text_cues.dates, &digit_runs);
    sentences.extend(spans.into_iter().filter_map(|s| {
        let s = Span { start: s.start.max(body_start), end: s.end };
        if s.start >= s.end || skip.iter().any(|j| j.start <= s.start && s.end <= j.end) {
            return None;
        }
        let slice = &text[s.start..s.end];
        let mut ds = date_reader.dates(slice, s.start, published, year_hint);
        if let Some(before) = explicit_before.take()
            && let Some(e) = ds.iter_mut().find(|e| matches!(e.kind, dates::DateKind::Day(..)))
            && dates::previous_day(&text[e.start..e.end])
            && let Some(d) = before.pred_opt()
        {
            e.kind = dates::DateKind::Day(d, DateBasis::Relative);
        }
        let (date, basis) = match dates::sentence_day(&ds) {
            Some((d, b)) => (Some(d), b),
            None => (published, if published.is_some() { DateBasis::Article } else { DateBasis::Unknown }),
        };
        explicit_before = date.filter(|_| basis == DateBasis::Explicit);
        Some(Sentence { span: s, dates: ds, date, basis, tokens: 0..0 })
    }));
    // (The reader gives the thread's date buffers back.)
    drop(date_reader);
    // Each run of sentences apart by white space only tokenised in one pass.
    text::tokens_of_parts(text, &masks, &mut sentences, &mut tokens);
    let in_body = |m: &NameMatch| m.start >= body_start && !skip.iter().any(|j| j.start <= m.start && m.end <= j.end);
    // Word starts found once for both name matchers.
    let starts = crate::gazetteer::word_starts_masked(text, &masks, &shared.name_starts);
    let ((places, excluded), actor_matches) = engine.gazetteer.find_at_with_actors(&engine.actors, text, &starts, &breaks);
    let places: Vec<NameMatch> = places.into_iter().filter(in_body).collect();
    let actor_matches: Vec<NameMatch> = actor_matches
        .into_iter()
        .filter(in_body)
        .filter(|m| !names::surname_of_someone_else(text, m.start, m.end, &engine.gazetteer))
        .collect();
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
        // Room for the distinct names of a typical article without growing: the thread's map
        // of the article before, empty ([`INTERNED`]).
        interned: std::cell::RefCell::new({
            let mut interned: FxHashMap<&str, Id> = INTERNED.take();
            interned.reserve(64);
            interned
        }),
        engine_ids: &shared.ids,
        observed: std::cell::OnceCell::new(),
    };
    let mut unknown = FxHashMap::default();
    let excluded = if bylines.authors.is_empty() {
        excluded
    } else {
        let mut all: Vec<(usize, usize)> = excluded.into_iter().chain(bylines.authors.iter().map(|s| (s.start, s.end))).collect();
        all.sort_unstable();
        all
    };
    ctx.persons = names::scan(&ctx, &excluded, &mut unknown);

    let article = Article {
        id: doc.id.clone(),
        title,
        // The corpus's outlet (manifest, JSON field), else the agency of the dateline.
        outlet: doc.outlet.clone().or_else(|| meta::agency(text, body_start).map(String::from)),
        url: doc.url.clone(),
        published,
        published_source,
        path: doc.path.clone(),
        text: String::new(),
    };
    let mut mentions = Vec::with_capacity(ctx.places.len());
    // A place's mentions mostly write its name or an alias: then they take the engine's Id of
    // it. Else they mostly repeat one name as written: the Id of its last such mention is
    // taken again when the text is the same (looked up by the place's index, not the name).
    let mut last_text: FxHashMap<usize, Option<(&str, Id)>> = FxHashMap::default();
    // The sentences are walked with the places (both in text order) instead of searched for
    // each place: `at` is the first sentence that does not end before the place.
    let mut at = 0;
    for m in &ctx.places {
        if at > 0 && ctx.sentences[at - 1].span.end > m.start {
            at = ctx.sentences.partition_point(|s| s.span.end <= m.start);
        }
        while ctx.sentences.get(at).is_some_and(|s| s.span.end <= m.start) {
            at += 1;
        }
        let Some(s) = ctx.sentences.get(at).filter(|s| s.span.start <= m.start) else { continue };
        let written = &text[m.start..m.end];
        let name = if let Some((_, id)) = shared.ids.place_names[m.item].iter().find(|(n, _)| same_text(n, written)) {
            id.clone()
        } else {
            interned_again(last_text.entry(m.item).or_default(), written, |w| ctx.intern(w))
        };
        mentions.push(Mention {
            article: ctx.article.clone(),
            place: engine.gazetteer.place_ids[m.item].clone(),
            text: name,
            start: m.start,
            end: m.end,
            date: s.date,
            date_basis: s.basis,
            sentence_start: s.span.start,
            sentence_end: s.span.end,
        });
    }
    let mut problems = Vec::new();
    if text.trim().is_empty() {
        problems.push(Problem { path: doc.path.clone(), message: "article has no text".into() });
    }
    let mut claims = claims::extract(&ctx, &mut problems, &doc.path);
    let quotes = quotes::extract(&ctx);
    claims::claimants_from_quotes(&mut claims, &quotes);
    let truces = meta::truces(&ctx);
    let mut article = article;
    // The room of the tokens, the interned names and the sentences goes back to the thread
    // for the next article.
    TOKENS.set(emptied(std::mem::take(&mut ctx.tokens)));
    INTERNED.set(emptied_names(std::mem::take(ctx.interned.get_mut())));
    let mut sentences = std::mem::take(&mut ctx.sentences);
    sentences.clear();
    SENTENCES.set(sentences);
    drop(ctx);
    drop(unwrapped);
    // The article keeps its own text, line breaks and all.
    article.text = doc.text;
    DocResult { article, mentions, claims, quotes, truces, unknown, problems, input, reused: false }
}

thread_local! {
    /// The room of the last article's tokens, empty, for the next article this thread
    /// extracts ([`extract_doc`]): some 30 KB an article, not allocated and freed again
    /// for each.
    static TOKENS: std::cell::Cell<Vec<text::Token<'static>>> = const { std::cell::Cell::new(Vec::new()) };
}

/// `tokens` emptied, its room kept, as tokens of no text in particular (`'static`): none is
/// left to borrow the text. (Collected in place: the vector's allocation is reused, as std
/// does for a map over a vector's own iterator to a type of the same size and alignment.)
fn emptied(mut tokens: Vec<text::Token<'_>>) -> Vec<text::Token<'static>> {
    tokens.clear();
    tokens.into_iter().map(|t| text::Token { text: "", start: t.start, end: t.end }).collect()
}

thread_local! {
    /// The room of the last article's sentences, empty, for the next article this thread
    /// extracts (no allocation per article).
    static SENTENCES: std::cell::Cell<Vec<Sentence>> = const { std::cell::Cell::new(Vec::new()) };
    /// The map of the last article's interned names ([`DocCtx::intern`]), empty, for the next
    /// article this thread extracts: its room kept (no allocation and growth per article).
    static INTERNED: std::cell::Cell<FxHashMap<&'static str, Id>> = std::cell::Cell::new(FxHashMap::default());
}

/// `names` emptied, its room kept, as a map of no text in particular (`'static`). Only
/// entries are looked up in it, never its order read, so its capacity changes no result.
fn emptied_names(mut names: FxHashMap<&str, Id>) -> FxHashMap<&'static str, Id> {
    names.clear();
    // SAFETY: the map is empty, so no key borrows any text; the two types differ only in the
    // lifetime of the keys, which the layout does not depend on.
    unsafe { std::mem::transmute::<FxHashMap<&str, Id>, FxHashMap<&'static str, Id>>(names) }
}

/// The most common publication year among documents, for dates written without a year.
fn corpus_year(docs: &[Document]) -> Option<i32> {
    // Headers are read in parallel: this runs before any article is extracted.
    let found: Vec<Option<i32>> = docs
        .par_iter()
        .map(|d| {
            d.published.map(|p| p.0.year()).or_else(|| meta::header(&d.text).map(|h| h.date.year())).or_else(|| {
                // A date line under the title, read from the opening of the text alone.
                meta::date_line_of_opening(&d.text[..crate::text::floor_boundary(&d.text, 800)]).map(|x| x.year())
            })
        })
        .collect();
    most_common(found).or_else(|| {
        // No header gives a year: a dateline written with its year ("Baku / 17.10.2020 / APA")
        // dates the articles whose datelines have none ("BAKU, Oct 17 (Reuters)"). Only
        // openings that hold a year-like number are read.
        let found = docs
            .par_iter()
            .map(|d| {
                let head = &d.text[..crate::text::floor_boundary(&d.text, 600)];
                if !holds_year(head) {
                    return None;
                }
                meta::dateline_in(head, 0, None, &dates::Cues::scan(head)).map(|x| x.year())
            })
            .collect();
        most_common(found)
    })
}

/// The most common year, the later of two as common.
fn most_common(found: Vec<Option<i32>>) -> Option<i32> {
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for y in found.into_iter().flatten() {
        *years.entry(y).or_default() += 1;
    }
    years.into_iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| y)
}

/// Whether `s` holds a number that could be a year: four digits from 1900 to 2099 ("2020"),
/// or two after a full stop or slash that follows digits ("12.10.20").
fn holds_year(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let run = &b[start..i];
        let after_separator = start >= 2 && matches!(b[start - 1], b'.' | b'/') && b[start - 2].is_ascii_digit();
        if run.len() == 4 && (run.starts_with(b"19") || run.starts_with(b"20")) || run.len() == 2 && after_separator {
            return true;
        }
    }
    false
}

/// Extract a whole corpus in parallel and merge the results. `problems` are the reading's.
pub fn extract(
    engine: &Engine,
    docs: Vec<Document>,
    manifest: Option<Manifest>,
    problems: Vec<Problem>,
    progress: &Progress,
) -> Extraction {
    let year_hint = corpus_year(&docs);
    extract_reusing(engine, docs, manifest, problems, progress, year_hint, None)
}

/// Extract a corpus again after some of its files changed: every document that is the same
/// as one of `previous` (same id, path, metadata and text, with the same engine and the same
/// year for dates without one) gets that article's items back without being extracted again;
/// the others are extracted. The result is what [`extract`] would give, item for item, in
/// the same order.
pub fn extract_again(
    engine: &Engine,
    previous: &Extraction,
    docs: Vec<Document>,
    manifest: Option<Manifest>,
    problems: Vec<Problem>,
    progress: &Progress,
) -> Extraction {
    let year_hint = corpus_year(&docs);
    let reuse = previous
        .ledger
        .as_deref()
        .filter(|l| l.engine == engine.fingerprint() && l.year_hint == year_hint && l.articles.len() == previous.articles.len())
        .map(|ledger| Reuse::new(engine, previous, ledger));
    extract_reusing(engine, docs, manifest, problems, progress, year_hint, reuse.as_ref())
}

/// The articles of a previous extraction, found by id, with where their items are.
struct Reuse<'a> {
    previous: &'a Extraction,
    ledger: &'a Ledger,
    by_id: FxHashMap<&'a str, usize>,
    /// Per article: where its mentions, claims, quotes, problems and unknown-name entries
    /// start in the previous extraction's lists and its ledger.
    starts: Vec<[usize; 5]>,
    /// Per article: its truces (they are sorted by day, not grouped by article).
    truces: FxHashMap<&'a str, Vec<&'a Truce>>,
    /// The engine's place ids, which reused mentions and claims share as extracted ones do.
    place_ids: FxHashMap<&'a str, &'a Id>,
}

impl<'a> Reuse<'a> {
    fn new(engine: &'a Engine, previous: &'a Extraction, ledger: &'a Ledger) -> Self {
        let by_id = previous.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let mut at = [0, 0, 0, ledger.read_problems, 0];
        let starts = ledger
            .articles
            .iter()
            .map(|e| {
                let here = at;
                for (k, n) in [e.mentions, e.claims, e.quotes, e.problems, e.unknown].into_iter().enumerate() {
                    at[k] += n as usize;
                }
                here
            })
            .collect();
        let mut truces: FxHashMap<&str, Vec<&Truce>> = FxHashMap::default();
        for t in previous.truces.iter().filter(|t| !t.article.is_empty()) {
            truces.entry(&*t.article).or_default().push(t);
        }
        let place_ids = engine.gazetteer.place_ids.iter().map(|id| (&**id, id)).collect();
        Reuse { previous, ledger, by_id, starts, truces, place_ids }
    }

    /// The previous article's items for `doc` if it is the same document; else what
    /// `extract` makes of it.
    fn take(&self, doc: Document, extract: impl FnOnce(Document) -> DocResult) -> DocResult {
        let Some(&i) = self.by_id.get(doc.id.as_str()) else { return extract(doc) };
        let (e, a, p) = (&self.ledger.articles[i], &self.previous.articles[i], self.previous);
        if e.input != input_of(&doc) || a.text != doc.text {
            return extract(doc);
        }
        let [m, c, q, pr, u] = self.starts[i];
        let unknown = self.ledger.unknown[u..u + e.unknown as usize]
            .iter()
            .map(|&(name, n)| (self.ledger.names[name as usize].clone(), n as usize))
            .collect();
        // The items get names of their own rather than sharing the previous corpus's: one
        // shared name would keep a page of the previous corpus's memory from being freed.
        let mut n = OwnNames { places: &self.place_ids, names: FxHashMap::default() };
        let mentions = p.mentions[m..m + e.mentions as usize]
            .iter()
            .map(|x| Mention { article: n.own(&x.article), place: n.own(&x.place), text: n.own(&x.text), ..x.clone() })
            .collect();
        let claims = p.claims[c..c + e.claims as usize]
            .iter()
            .map(|x| Claim {
                article: n.own(&x.article),
                place: n.own_opt(&x.place),
                claimant: n.own_opt(&x.claimant),
                claimant_side: n.own_opt(&x.claimant_side),
                ..x.clone()
            })
            .collect();
        let quotes = p.quotes[q..q + e.quotes as usize]
            .iter()
            .map(|x| Quote {
                article: n.own(&x.article),
                speaker: n.own_opt(&x.speaker),
                speaker_side: n.own_opt(&x.speaker_side),
                places: x.places.iter().map(|id| n.own(id)).collect(),
                ..x.clone()
            })
            .collect();
        let truces = self
            .truces
            .get(a.id.as_str())
            .map(|t| t.iter().map(|&t| Truce { article: n.own(&t.article), ..t.clone() }).collect())
            .unwrap_or_default();
        DocResult {
            // The text just read is the same: it is kept rather than the previous one copied.
            article: Article {
                id: a.id.clone(),
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                url: a.url.clone(),
                published: a.published,
                published_source: a.published_source,
                path: a.path.clone(),
                text: doc.text,
            },
            mentions,
            claims,
            quotes,
            truces,
            unknown,
            problems: p.problems[pr..pr + e.problems as usize].to_vec(),
            input: e.input,
            reused: true,
        }
    }
}

/// New copies of an article's names: as in an extraction, its items share one copy of each
/// name, and places are the engine's ids.
struct OwnNames<'a> {
    places: &'a FxHashMap<&'a str, &'a Id>,
    names: FxHashMap<&'a str, Id>,
}

impl<'a> OwnNames<'a> {
    fn own(&mut self, id: &'a Id) -> Id {
        match self.places.get(&**id) {
            Some(&place) => place.clone(),
            None => self.names.entry(&**id).or_insert_with(|| Id::from(&**id)).clone(),
        }
    }

    fn own_opt(&mut self, id: &'a Option<Id>) -> Option<Id> {
        id.as_ref().map(|id| self.own(id))
    }
}

/// [`extract`], taking the articles `reuse` has instead of extracting them.
fn extract_reusing(
    engine: &Engine,
    docs: Vec<Document>,
    manifest: Option<Manifest>,
    problems: Vec<Problem>,
    progress: &Progress,
    year_hint: Option<i32>,
    reuse: Option<&Reuse>,
) -> Extraction {
    // The word starts where a place or an actor name may begin, and the engine's names as Ids.
    let shared = Shared { name_starts: engine.gazetteer.start_filter().union(engine.actors.start_filter()), ids: EngineIds::new(engine) };
    progress.total.store(docs.len(), Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    // Articles are extracted in parallel a chunk at a time and each chunk is merged while the
    // next is extracted, so at most two chunks' intermediate results exist beside the merged
    // corpus (memory stays linear in the corpus, without a second copy of every item).
    let mut merged = Merged::new(docs.len(), problems, engine.fingerprint(), year_hint);
    let mut docs = docs.into_iter();
    // While one chunk is extracted in parallel, the previous one is merged (rayon::join), so
    // the merge does not leave the worker threads idle.
    let mut pending: Option<Vec<DocResult>> = None;
    loop {
        let chunk: Vec<Document> = docs.by_ref().take(CHUNK).collect();
        if chunk.is_empty() || progress.cancelled() {
            if let Some(results) = pending.take() {
                merged.add(results);
            }
            break;
        }
        let ((), results) = rayon::join(
            || {
                if let Some(results) = pending.take() {
                    merged.add(results);
                }
            },
            || -> Vec<DocResult> {
                chunk
                    .into_par_iter()
                    .filter_map(|d| {
                        if progress.cancelled() {
                            return None;
                        }
                        let r = match reuse {
                            Some(reuse) => reuse.take(d, |d| extract_doc(engine, &shared, d, year_hint)),
                            None => extract_doc(engine, &shared, d, year_hint),
                        };
                        progress.done.fetch_add(1, Ordering::Relaxed);
                        Some(r)
                    })
                    .collect()
            },
        );
        pending = Some(results);
    }
    merged.finish(engine, manifest)
}

/// Articles extracted in parallel before their results are merged.
const CHUNK: usize = 256;

/// What every article of one extraction reads besides the engine, made once for it.
struct Shared<'e> {
    /// The word starts where a place or an actor name may begin.
    name_starts: StartFilter,
    /// The engine's names as Ids.
    ids: EngineIds<'e>,
}

/// The corpus as articles' results are merged into it.
struct Merged {
    out: Extraction,
    problems: Vec<Problem>,
    /// Unknown names: index by name, and each one's count.
    names: FxHashMap<String, u32>,
    counts: Vec<usize>,
    used_places: FxHashSet<Id>,
    /// Where the text of each Id put in `used_places` lies (the set keeps it alive, so the
    /// address stays its): mentions share the engine's place ids, so a place met again is
    /// known by its address without hashing its text.
    used_at: FxHashSet<usize>,
    /// Addresses known to be in `used_at` (or of an Id whose text is in `used_places`), each
    /// in a slot by its address: most mentions name a place met shortly before, known without
    /// hashing.
    recent: [usize; 64],
    ledger: Ledger,
    /// How many articles the corpus holds (the rate of items seen so far is scaled to it).
    total: usize,
}

impl Merged {
    fn new(articles: usize, problems: Vec<Problem>, engine: u64, year_hint: Option<i32>) -> Self {
        let ledger =
            Ledger { engine, year_hint, read_problems: problems.len(), articles: Vec::with_capacity(articles), ..Default::default() };
        Merged {
            out: Extraction { articles: Vec::with_capacity(articles), ..Default::default() },
            problems,
            names: FxHashMap::default(),
            counts: Vec::new(),
            used_places: FxHashSet::default(),
            used_at: FxHashSet::default(),
            recent: [0; 64],
            ledger,
            total: articles,
        }
    }

    /// Move one chunk's results into the corpus.
    fn add(&mut self, results: Vec<DocResult>) {
        self.make_room(&results);
        let out = &mut self.out;
        for r in results {
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            self.ledger.articles.push(LedgerEntry {
                input: r.input,
                mentions: count(r.mentions.len()),
                claims: count(r.claims.len()),
                quotes: count(r.quotes.len()),
                problems: count(r.problems.len()),
                unknown: count(r.unknown.len()),
            });
            self.ledger.extracted += usize::from(!r.reused);
            out.articles.push(r.article);
            for m in &r.mentions {
                let at = m.place.as_ptr() as usize;
                let known = &mut self.recent[(at >> 4) % 64];
                if *known == at {
                    continue;
                }
                if !self.used_at.contains(&at) && self.used_places.insert(m.place.clone()) {
                    self.used_at.insert(at);
                }
                *known = at;
            }
            out.mentions.extend(r.mentions);
            out.claims.extend(r.claims);
            out.quotes.extend(r.quotes);
            out.truces.extend(r.truces);
            self.problems.extend(r.problems);
            for (name, n) in r.unknown {
                let i = match self.names.get(&name) {
                    Some(&i) => i,
                    None => {
                        let i = count(self.counts.len());
                        self.ledger.names.push(name.clone());
                        self.names.insert(name, i);
                        self.counts.push(0);
                        i
                    }
                };
                self.counts[i as usize] += n;
                self.ledger.unknown.push((i, count(n)));
            }
        }
    }

    /// Before a chunk's items are moved in, give each big vector too small for them room for
    /// the whole corpus at the rate seen so far, this chunk included (plus a tenth), in one
    /// allocation, so it is not grown by doubling as the items come: each doubling copies the
    /// vector and leaves up to half of it unused, and trimming it at the end copies it again,
    /// both at the peak of memory use.
    fn make_room(&mut self, results: &[DocResult]) {
        let done = self.out.articles.len() + results.len();
        let total = self.total.max(done);
        fn room<T>(v: &mut Vec<T>, adding: usize, done: usize, total: usize) {
            let need = v.len() + adding;
            if need > v.capacity() {
                let estimate = (need as f64 * total as f64 / done as f64 * 1.1) as usize;
                v.reserve_exact(estimate.max(need) - v.len());
            }
        }
        let sum = |n: fn(&DocResult) -> usize| results.iter().map(n).sum();
        room(&mut self.out.mentions, sum(|r| r.mentions.len()), done, total);
        room(&mut self.out.claims, sum(|r| r.claims.len()), done, total);
        room(&mut self.out.quotes, sum(|r| r.quotes.len()), done, total);
        room(&mut self.out.truces, sum(|r| r.truces.len()), done, total);
        room(&mut self.ledger.unknown, sum(|r| r.unknown.len()), done, total);
    }

    /// Corpus-level records after all articles: manifest truces, the places used, unknown
    /// names, the ledger.
    fn finish(self, engine: &Engine, manifest: Option<Manifest>) -> Extraction {
        let Merged { mut out, problems, names, counts, used_places, ledger, .. } = self;
        out.mentions.shrink_to_fit();
        out.claims.shrink_to_fit();
        out.quotes.shrink_to_fit();
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
        let mut unknown: Vec<UnknownName> = names.into_iter().map(|(name, i)| UnknownName { name, count: counts[i as usize] }).collect();
        unknown.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
        out.unknown_names = unknown;
        out.problems = problems;
        out.ledger = Some(std::sync::Arc::new(ledger));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::holds_year;

    /// Tokens emptied for the next article keep their room (the allocation itself).
    #[test]
    fn emptied_tokens_keep_their_room() {
        let text = String::from("words of an article");
        let mut tokens = Vec::with_capacity(40);
        tokens.push(crate::text::Token { text: &text[..5], start: 0, end: 5 });
        let at = tokens.as_ptr() as usize;
        let emptied = super::emptied(tokens);
        assert!(emptied.is_empty());
        assert_eq!((emptied.as_ptr() as usize, emptied.capacity()), (at, 40));
    }

    /// A map of interned names emptied for the next article keeps its room.
    #[test]
    fn emptied_names_keep_their_room() {
        let text = String::from("Nikol Pashinyan");
        let mut names = rustc_hash::FxHashMap::default();
        names.reserve(100);
        names.insert(&text[..5], crate::model::Id::from("Nikol"));
        let room = names.capacity();
        let emptied = super::emptied_names(names);
        assert!(emptied.is_empty());
        assert_eq!(emptied.capacity(), room);
    }

    proptest::proptest! {
        /// [`super::capitalised_article`] capitalises a name that opens with "the ", "a " or "an ".
        #[test]
        fn capitalised_article_opens_as_listed(name in "(the |a |an |The |A )?[a -zé]{0,6}") {
            let opens = ["the ", "a ", "an "].iter().any(|a| name.starts_with(a));
            proptest::prop_assert_eq!(super::capitalised_article(&name).is_some(), opens, "{:?}", name);
        }

        /// [`super::same_text`] is `==`, texts of any length and characters.
        #[test]
        fn same_text_is_eq(a in "\\PC{0,20}", b in "\\PC{0,20}", k in 0usize..24) {
            proptest::prop_assert_eq!(super::same_text(&a, &b), a == b);
            proptest::prop_assert!(super::same_text(&a, &a.clone()));
            // The same text but one byte, anywhere.
            let mut c = a.clone().into_bytes();
            if let Some(x) = c.get_mut(k) {
                *x ^= 1;
            }
            let c = String::from_utf8_lossy(&c).into_owned();
            proptest::prop_assert_eq!(super::same_text(&a, &c), a == c);
        }
    }

    /// A place written as its name or an alias, and an actor speaking, in two articles take the
    /// engine's one Id of each ([`super::EngineIds`]): the same text, one allocation.
    #[test]
    fn engine_names_are_one_id_across_articles() {
        let engine = crate::Engine::embedded().expect("the embedded engine loads");
        let doc =
            |id: &str, text: &str| crate::corpus::Document { id: id.into(), path: id.into(), text: text.into(), ..Default::default() };
        let x = engine.extract_documents(vec![
            doc("a", "Shelling hit Baku and Baki on Monday. \"We will respond,\" Ilham Aliyev said."),
            doc("b", "Baku was shelled again on Tuesday, and Baki too. \"We will not stop,\" Ilham Aliyev said."),
        ]);
        for written in ["Baku", "Baki"] {
            let ids: Vec<&str> = x.mentions.iter().filter(|m| &*m.text == written).map(|m| m.text.as_str()).collect();
            assert_eq!(ids.len(), 2, "{written}");
            assert_eq!(ids[0].as_ptr(), ids[1].as_ptr(), "{written}");
        }
        let speakers: Vec<&str> = x.quotes.iter().filter_map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, ["Ilham Aliyev", "Ilham Aliyev"]);
        assert_eq!(speakers[0].as_ptr(), speakers[1].as_ptr());
    }

    #[test]
    fn year_like_numbers_are_found_and_others_are_not() {
        for yes in ["Baku / 17.10.2020 / APA", "Baku/12.10.20/Turan:", "KYIV, Oct. 5, 2022 (AP)", "in 1994"] {
            assert!(holds_year(yes), "{yes:?}");
        }
        for no in ["TBILISI, November 5. /TASS/.", "1,897 wounded", "12345 people", "Route 12"] {
            assert!(!holds_year(no), "{no:?}");
        }
    }
}
