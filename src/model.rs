//! The extracted corpus: the records the engine produces (the output contract of
//! `dateline extract --format json`) and [`Model`], the same records indexed by day so the
//! window can ask "what lies in this time window and touches this selection" without
//! rescanning any text.
//!
//! Field names of the serialised records are a public contract (see DESIGN.md, "Output
//! contract"); add fields, never rename them.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A shared, immutable string: ids of articles and places, spellings, speaker names. Cloning
/// it shares the text instead of copying it, so a corpus of hundreds of thousands of items
/// holds each name once. It serialises as a plain JSON string.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Id(std::sync::Arc<str>);

impl Id {
    /// Whether two ids are the same text (the same allocation answers at once).
    pub fn same_as(&self, other: &Id) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.into())
    }
}

impl From<String> for Id {
    fn from(s: String) -> Self {
        Id(s.into())
    }
}

impl From<&String> for Id {
    fn from(s: &String) -> Self {
        Id(s.as_str().into())
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0.to_string()
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        self.as_str() == &*other.0
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *self == &*other.0
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Id::from)
    }
}

/// Where an article's publication date came from, in decreasing order of trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The corpus manifest (`manifest.toml` beside the articles).
    Manifest,
    /// A header line such as ` date 2020-10-11`, or a scraper's JSON field.
    Header,
    /// A dateline such as `MOSCOW, October 4. /TASS/`.
    Dateline,
    /// Inferred from dates in the text; shown as uncertain.
    Inferred,
    /// No date could be found.
    #[default]
    None,
}

/// How an item's event date was obtained; everything but `Explicit` is drawn as uncertain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// An absolute date in the sentence ("October 10", "2020-10-11").
    Explicit,
    /// A relative expression resolved against the publication date ("on Saturday").
    Relative,
    /// No date in the sentence: the article's publication date.
    #[default]
    Article,
    /// Neither the sentence nor the article has a date.
    Unknown,
}

/// One article of the corpus.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Article {
    /// Stable identifier: the file stem, or `stem#N` for the N-th record of a JSON Lines file.
    pub id: String,
    /// The title: the manifest's, the scraper's, or the first non-empty line.
    pub title: String,
    /// The outlet that published it, when known.
    pub outlet: Option<String>,
    /// The article's address, when known.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Where [`Article::published`] came from.
    pub published_source: DateSource,
    /// The file it was read from (`embedded:` prefix for the built-in corpus).
    pub path: String,
    /// The full text; spans of all items index into it. Not part of the JSON output.
    #[serde(skip)]
    pub text: String,
}

/// A gazetteer place that at least one article names.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Place {
    /// Gazetteer id, e.g. `ganja`.
    pub id: String,
    /// Display name, e.g. `Ganja`.
    pub name: String,
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// `city`, `town`, `village`, `region`, `district`, `country`, `sea`.
    pub kind: String,
    /// ISO-like country name the place lies in (or is).
    pub country: String,
    /// Precision radius in kilometres: how far the true location may be from the point.
    pub radius_km: f64,
}

impl Place {
    /// Coarse places (countries, regions, seas, districts) are drawn differently from exact ones.
    pub fn is_coarse(&self) -> bool {
        matches!(self.kind.as_str(), "country" | "region" | "sea" | "district")
    }
}

/// One occurrence of a place name in an article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Mention {
    /// Article id.
    pub article: Id,
    /// Place id.
    pub place: Id,
    /// The text as written (the source's spelling), e.g. `Gəncə`.
    pub text: Id,
    /// Byte span of the matched text in the article.
    pub start: usize,
    /// End of the byte span (exclusive).
    pub end: usize,
    /// Event date of the sentence.
    pub date: Option<NaiveDate>,
    /// How [`Mention::date`] was obtained.
    pub date_basis: DateBasis,
    /// Byte span of the sentence that holds the mention.
    pub sentence_start: usize,
    /// End of the sentence span (exclusive).
    pub sentence_end: usize,
}

/// Civilian, military or unspecified victims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Civilians, residents, children.
    Civilian,
    /// Soldiers, servicemen, troops.
    Military,
    /// People, not otherwise said.
    Unspecified,
}

impl Category {
    /// How many categories there are ([`Category::index`] is below it).
    pub const COUNT: usize = 3;

    /// A small index for the category, below [`Category::COUNT`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How a figure is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// A plain number.
    Exact,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over".
    MoreThan,
    /// "about", "some", "around", "nearly".
    About,
    /// "up to", "as many as".
    UpTo,
}

/// Whether a figure counts one incident, a running toll, or a past war.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// One attack or day: "7 killed in Ganja overnight".
    Incident,
    /// A cumulative figure: "more than 450 dead since 27 September".
    Toll,
    /// A figure about an earlier war: "the 1991-94 war killed about 30,000".
    Historical,
}

/// One casualty claim: who says how many were killed or wounded.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claim {
    /// Article id.
    pub article: Id,
    /// Number killed, if the claim gives one.
    pub killed: Option<u64>,
    /// Number wounded, if the claim gives one.
    pub wounded: Option<u64>,
    /// Who the victims were.
    pub category: Category,
    /// Qualifier of the figure.
    pub hedge: Hedge,
    /// Incident, toll or historical.
    pub scope: Scope,
    /// Place id named in the same sentence, if any (or in the headline the claim restates).
    pub place: Option<Id>,
    /// Who makes the claim (actor display name or the name as written); `None` when the
    /// outlet states it in its own voice.
    pub claimant: Option<Id>,
    /// Side of the claimant, when the actor is known (`Armenia`, `Azerbaijan`, ...).
    pub claimant_side: Option<Id>,
    /// Event date of the claim.
    pub date: Option<NaiveDate>,
    /// How [`Claim::date`] was obtained.
    pub date_basis: DateBasis,
    /// Byte span of the figure's phrase in the article.
    pub start: usize,
    /// End of the figure's span (exclusive).
    pub end: usize,
    /// The sentence, verbatim.
    pub sentence: String,
    /// Byte span of the sentence.
    pub sentence_start: usize,
    /// End of the sentence span (exclusive).
    pub sentence_end: usize,
}

impl Claim {
    /// The larger of the two figures, for sizing and plotting.
    pub fn figure(&self) -> u64 {
        self.killed.unwrap_or(0).max(self.wounded.unwrap_or(0))
    }
}

/// A direct quote with its speaker.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    /// Article id.
    pub article: Id,
    /// The speaker: actor display name, or the name as written; `None` if unattributed.
    pub speaker: Option<Id>,
    /// Side of the speaker when the actor is known.
    pub speaker_side: Option<Id>,
    /// The quoted words, without quotation marks.
    pub text: String,
    /// Event date (the date of the sentence holding the quote).
    pub date: Option<NaiveDate>,
    /// How [`Quote::date`] was obtained.
    pub date_basis: DateBasis,
    /// Places named inside or around the quote.
    pub places: Vec<Id>,
    /// Byte span of the quote, quotation marks included.
    pub start: usize,
    /// End of the quote span (exclusive).
    pub end: usize,
}

/// A capitalised name that looks like a place or a person but is not in the gazetteer or
/// the actor list, so a user can extend them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct UnknownName {
    /// The name as written.
    pub name: String,
    /// How often it occurs in the corpus.
    pub count: usize,
}

/// A ceasefire or truce moment reported by an article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Truce {
    /// Article id.
    pub article: Id,
    /// The day the truce was to take effect.
    pub date: NaiveDate,
    /// Byte span of the sentence.
    pub start: usize,
    /// End of the sentence span (exclusive).
    pub end: usize,
}

/// Something that went wrong with one input; never fatal.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Problem {
    /// The file concerned.
    pub path: String,
    /// What is wrong, for a person to read.
    pub message: String,
}

/// Everything extracted from a corpus: the JSON object of `dateline extract`.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Extraction {
    /// The corpus name (the manifest's `name`, else the folder name).
    #[serde(default)]
    pub corpus: String,
    /// The articles read.
    pub articles: Vec<Article>,
    /// Gazetteer places mentioned at least once, sorted by id.
    pub places: Vec<Place>,
    /// Place mentions.
    pub mentions: Vec<Mention>,
    /// Casualty claims.
    pub claims: Vec<Claim>,
    /// Direct quotes.
    pub quotes: Vec<Quote>,
    /// Capitalised names not in the gazetteer, most frequent first.
    pub unknown_names: Vec<UnknownName>,
    /// Ceasefire moments.
    pub truces: Vec<Truce>,
    /// Files that could not be read, and why.
    pub problems: Vec<Problem>,
    /// What each article contributed, for extracting the corpus again after files change
    /// ([`crate::extract::extract_again`]); not part of the output.
    #[serde(skip)]
    pub ledger: Option<std::sync::Arc<crate::extract::Ledger>>,
}

impl Extraction {
    /// "N articles, N mentions, N claims, N quotes": the size of an extraction, for reports.
    pub fn counts(&self) -> String {
        format!(
            "{} articles, {} mentions, {} claims, {} quotes",
            self.articles.len(),
            self.mentions.len(),
            self.claims.len(),
            self.quotes.len()
        )
    }
}

/// A borrowed selection of an [`Extraction`]: what one export writes. It serialises exactly
/// as an [`Extraction`] holding the same items would, without copying them (at 10,000
/// articles a copy of everything shown is hundreds of megabytes).
#[derive(Debug, Clone, Serialize, Default)]
pub struct View<'a> {
    /// The corpus name.
    pub corpus: &'a str,
    /// The articles.
    pub articles: Vec<&'a Article>,
    /// The places, sorted by id.
    pub places: Vec<&'a Place>,
    /// Place mentions.
    pub mentions: Vec<&'a Mention>,
    /// Casualty claims.
    pub claims: Vec<&'a Claim>,
    /// Direct quotes.
    pub quotes: Vec<&'a Quote>,
    /// Capitalised names not in the gazetteer.
    pub unknown_names: &'a [UnknownName],
    /// Ceasefire moments.
    pub truces: Vec<&'a Truce>,
    /// Files that could not be read.
    pub problems: &'a [Problem],
}

impl Extraction {
    /// All of it, borrowed.
    pub fn view(&self) -> View<'_> {
        View {
            corpus: &self.corpus,
            articles: self.articles.iter().collect(),
            places: self.places.iter().collect(),
            mentions: self.mentions.iter().collect(),
            claims: self.claims.iter().collect(),
            quotes: self.quotes.iter().collect(),
            unknown_names: &self.unknown_names,
            truces: self.truces.iter().collect(),
            problems: &self.problems,
        }
    }
}

/// Which date places an item on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum TimeAxis {
    /// When it happened.
    #[default]
    Event,
    /// When the article was published: "what was known on that day".
    Published,
}

/// An inclusive range of days; `None` bounds are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayRange {
    /// First day (inclusive), or open.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive), or open.
    pub to: Option<NaiveDate>,
}

impl DayRange {
    /// Everything.
    pub const ALL: DayRange = DayRange { from: None, to: None };

    /// Whether `date` lies in the range. Undated items lie only in [`DayRange::ALL`].
    pub fn contains(&self, date: Option<NaiveDate>) -> bool {
        match date {
            None => self.from.is_none() && self.to.is_none(),
            Some(d) => self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t),
        }
    }
}

/// At most this many truce days found in the articles are marked (manifest truces always are).
pub const MAX_TRUCE_DAYS: usize = 8;

/// The kinds of item the model indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemRef {
    /// Index into [`Extraction::mentions`].
    Mention(usize),
    /// Index into [`Extraction::claims`].
    Claim(usize),
    /// Index into [`Extraction::quotes`].
    Quote(usize),
}

/// Per-kind lists of item indices sorted by date, for binary-searched window queries.
#[derive(Debug, Clone, Default)]
struct DayIndex {
    mentions: Vec<(NaiveDate, u32)>,
    claims: Vec<(NaiveDate, u32)>,
    quotes: Vec<(NaiveDate, u32)>,
}

/// The per-day aggregates of a model: by place and by spelling, for both axes; the distinct
/// spellings; each place's spellings, most frequent first.
struct Aggregates {
    place_days: [Vec<PlaceDay>; 2],
    spell_days: [Vec<SpellDay>; 2],
    spelling_names: Vec<String>,
    spellings_by_place: Vec<Vec<String>>,
}

/// Values worked out from an [`Id`]'s text, remembered by where the text lies, in a slot by
/// its address: items mostly share a few allocations of their names (the engine's place ids,
/// an article's interned spellings), so most look-ups are one compare, without hashing the
/// text. Only for Ids that all stay alive while it is used (an address is then one text).
struct ByAddress([(usize, u32); 1024]);

impl ByAddress {
    fn new() -> Self {
        ByAddress([(0, 0); 1024])
    }

    /// The value of `id`, from its slot if its address is there, else `find(id)` (kept).
    #[inline]
    fn get<'a>(&mut self, id: &'a Id, find: impl FnOnce(&'a str) -> u32) -> u32 {
        let at = id.as_ptr() as usize;
        let slot = &mut self.0[(at >> 4) & 1023];
        if slot.0 == at {
            return slot.1;
        }
        let v = find(id.as_str());
        *slot = (at, v);
        v
    }
}

/// The day number of an undated item, for [`Aggregates::of`].
const NO_DAY: i32 = i32::MIN;

/// The number of day `d` from the common era ([`NO_DAY`] for none), `last` the last day met
/// and its number, kept while the days repeat (items of an article mostly share their days).
#[inline(always)]
fn day_number(last: &mut (NaiveDate, i32), d: Option<NaiveDate>) -> i32 {
    match d {
        Some(d) => {
            if d != last.0 {
                *last = (d, d.num_days_from_ce());
            }
            last.1
        }
        None => NO_DAY,
    }
}

/// [`Aggregates::of`]'s counts: per axis, a row per day from `low` of `np` places' counts of
/// each kind, and of `npairs` (place, spelling) pairs' mentions.
struct DayTables {
    places: [Vec<[u32; 3]>; 2],
    pairs: [Vec<u32>; 2],
    low: i32,
    np: usize,
    npairs: usize,
    last: (NaiveDate, i32),
}

impl DayTables {
    /// Count an item of `kind` at `place` (a mention's `pair` too) on its days of both axes.
    #[inline(always)]
    fn add(&mut self, days: [Option<NaiveDate>; 2], place: u32, kind: usize, pair: u32) {
        for (axis, d) in days.into_iter().enumerate() {
            let n = day_number(&mut self.last, d);
            if n == NO_DAY {
                continue;
            }
            let row = (n - self.low) as usize;
            self.places[axis][row * self.np + place as usize][kind] += 1;
            if kind == 0 {
                self.pairs[axis][row * self.npairs + pair as usize] += 1;
            }
        }
    }
}

impl Aggregates {
    /// The aggregates of `data`, with each item's publication day in `published_of` (per
    /// kind: mentions, claims, quotes). The items are read for their places and the span of
    /// their days; when that span times the places and (place, spelling) pairs is not much
    /// more than the items, they are read again and counted in tables by day (rows) and
    /// place or pair (columns), which read row by row give the (day, place) and (day, place,
    /// spelling) counts already sorted; else they are counted in hash maps and sorted
    /// ([`Aggregates::of_hashed`]).
    fn of(data: &Extraction, place_by_id: &FxHashMap<String, usize>, published_of: &[Vec<Option<NaiveDate>>; 3]) -> Aggregates {
        const NONE: u32 = u32::MAX;
        let mut places = ByAddress::new();
        let mut place_of = |id: &Id| places.get(id, |s| place_by_id.get(s).map_or(NONE, |&p| p as u32));
        let mut spellings = ByAddress::new();
        let mut spelling_ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut spelling_names: Vec<String> = Vec::new();
        // (place, spelling) pairs in order of first use, each one's count, and each place's
        // pairs (its spellings and their pairs).
        let mut pairs: Vec<(u32, u32, usize)> = Vec::new();
        let mut pairs_of_place: Vec<Vec<(u32, u32)>> = vec![Vec::new(); data.places.len()];
        // Each item's day as a number of days from the common era ([`day_number`]).
        let start = (NaiveDate::MIN, NaiveDate::MIN.num_days_from_ce());
        let (mut low, mut high, mut last) = (i32::MAX, i32::MIN, start);
        let mut span_of = |d: Option<NaiveDate>| {
            let n = day_number(&mut last, d);
            if n != NO_DAY {
                low = low.min(n);
                high = high.max(n);
            }
        };
        // First pass: each item's place (a mention's (place, spelling) pair) in `refs`, in
        // the items' order (NONE for a place not in the corpus), and the span of their days.
        let mut refs: Vec<u32> = Vec::with_capacity(data.mentions.len() + data.claims.len() + data.quotes.len());
        for (m, published) in data.mentions.iter().zip(&published_of[0]) {
            let p = place_of(&m.place);
            if p == NONE {
                refs.push(NONE);
                continue;
            }
            let sp = spellings.get(&m.text, |s| {
                let next = spelling_names.len() as u32;
                *spelling_ids.entry(s).or_insert_with(|| {
                    spelling_names.push(s.to_string());
                    next
                })
            });
            // (A place's pairs are few: its spellings in the corpus.)
            let of_place = &mut pairs_of_place[p as usize];
            let pair = match of_place.iter().find(|x| x.0 == sp) {
                Some(&(_, pair)) => pair,
                None => {
                    let pair = pairs.len() as u32;
                    pairs.push((p, sp, 0));
                    of_place.push((sp, pair));
                    pair
                }
            };
            pairs[pair as usize].2 += 1;
            refs.push(pair);
            span_of(m.date);
            span_of(*published);
        }
        for (c, published) in data.claims.iter().zip(&published_of[1]) {
            let Some(id) = &c.place else { continue };
            let p = place_of(id);
            refs.push(p);
            if p != NONE {
                span_of(c.date);
                span_of(*published);
            }
        }
        for (q, published) in data.quotes.iter().zip(&published_of[2]) {
            for id in &q.places {
                let p = place_of(id);
                refs.push(p);
                if p != NONE {
                    span_of(q.date);
                    span_of(*published);
                }
            }
        }
        let span = if low <= high { (i64::from(high) - i64::from(low) + 1) as usize } else { 0 };
        let (np, npairs) = (data.places.len(), pairs.len());
        if span.saturating_mul(np + npairs) > 2 * refs.len() + 4096 {
            return Aggregates::of_hashed(data, place_by_id, published_of);
        }
        // Second pass: the items counted by day, and by place or pair.
        let mut tables = DayTables {
            places: [vec![[0; 3]; span * np], vec![[0; 3]; span * np]],
            pairs: [vec![0; span * npairs], vec![0; span * npairs]],
            low,
            np,
            npairs,
            last: start,
        };
        let mut refs = refs.into_iter();
        let mut next_ref = || refs.next().unwrap_or(NONE);
        for (m, published) in data.mentions.iter().zip(&published_of[0]) {
            let pair = next_ref();
            if pair != NONE {
                tables.add([m.date, *published], pairs[pair as usize].0, 0, pair);
            }
        }
        for (c, published) in data.claims.iter().zip(&published_of[1]) {
            if c.place.is_some() {
                let p = next_ref();
                if p != NONE {
                    tables.add([c.date, *published], p, 1, NONE);
                }
            }
        }
        for (q, published) in data.quotes.iter().zip(&published_of[2]) {
            for _ in &q.places {
                let p = next_ref();
                if p != NONE {
                    tables.add([q.date, *published], p, 2, NONE);
                }
            }
        }
        let DayTables { places: pd, pairs: sd, .. } = tables;
        // The pairs by place, then spelling: the order of a day's spelling counts.
        let mut order: Vec<u32> = (0..pairs.len() as u32).collect();
        order.sort_unstable_by_key(|&i| (pairs[i as usize].0, pairs[i as usize].1));
        let date = |row: usize| NaiveDate::from_num_days_from_ce_opt(low + row as i32).unwrap_or_default();
        let place_days = pd.map(|cells| {
            let mut v = Vec::new();
            for (row, counts) in cells.chunks_exact(np.max(1)).enumerate() {
                let day = date(row);
                for (place, &counts) in counts.iter().enumerate() {
                    if counts != [0; 3] {
                        v.push(PlaceDay { day, place: place as u32, counts });
                    }
                }
            }
            v
        });
        let spell_days = sd.map(|cells| {
            let mut v = Vec::new();
            for (row, counts) in cells.chunks_exact(pairs.len().max(1)).enumerate() {
                let day = date(row);
                for &i in &order {
                    let count = counts[i as usize];
                    if count != 0 {
                        let (place, spelling, _) = pairs[i as usize];
                        v.push(SpellDay { day, place, spelling, count });
                    }
                }
            }
            v
        });
        // Each place's spellings, most used first (then by name), from its pairs in order.
        let mut spellings_by_place: Vec<Vec<String>> = vec![Vec::new(); np];
        let mut at = 0;
        while at < order.len() {
            let place = pairs[order[at] as usize].0;
            let end = at + order[at..].partition_point(|&i| pairs[i as usize].0 == place);
            let mut v: Vec<(u32, usize)> = order[at..end].iter().map(|&i| (pairs[i as usize].1, pairs[i as usize].2)).collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(spelling_names[a.0 as usize].cmp(&spelling_names[b.0 as usize])));
            spellings_by_place[place as usize] = v.into_iter().map(|(s, _)| spelling_names[s as usize].clone()).collect();
            at = end;
        }
        Aggregates { place_days, spell_days, spelling_names, spellings_by_place }
    }

    /// [`Aggregates::of`] by hash maps of (day, place) and (day, place, spelling), sorted:
    /// for days too far apart for tables (and the tests' reference).
    fn of_hashed(data: &Extraction, place_by_id: &FxHashMap<String, usize>, published_of: &[Vec<Option<NaiveDate>>; 3]) -> Aggregates {
        let mut spelling_ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut spelling_names: Vec<String> = Vec::new();
        let mut pd: [FxHashMap<(NaiveDate, u32), [u32; 3]>; 2] = [FxHashMap::default(), FxHashMap::default()];
        let mut sd: [FxHashMap<(NaiveDate, u32, u32), u32>; 2] = [FxHashMap::default(), FxHashMap::default()];
        let mut corpus_spell: Vec<FxHashMap<u32, usize>> = vec![FxHashMap::default(); data.places.len()];
        for (k, m) in data.mentions.iter().enumerate() {
            let Some(&p) = place_by_id.get(m.place.as_str()) else { continue };
            let next = spelling_names.len() as u32;
            let sp = *spelling_ids.entry(m.text.as_str()).or_insert_with(|| {
                spelling_names.push(m.text.to_string());
                next
            });
            *corpus_spell[p].entry(sp).or_default() += 1;
            for (axis, d) in [m.date, published_of[0][k]].into_iter().enumerate() {
                if let Some(d) = d {
                    pd[axis].entry((d, p as u32)).or_default()[0] += 1;
                    *sd[axis].entry((d, p as u32, sp)).or_default() += 1;
                }
            }
        }
        for (k, c) in data.claims.iter().enumerate() {
            let Some(&p) = c.place.as_ref().and_then(|id| place_by_id.get(id.as_str())) else { continue };
            for (axis, d) in [c.date, published_of[1][k]].into_iter().enumerate() {
                if let Some(d) = d {
                    pd[axis].entry((d, p as u32)).or_default()[1] += 1;
                }
            }
        }
        for (k, q) in data.quotes.iter().enumerate() {
            for id in &q.places {
                let Some(&p) = place_by_id.get(id.as_str()) else { continue };
                for (axis, d) in [q.date, published_of[2][k]].into_iter().enumerate() {
                    if let Some(d) = d {
                        pd[axis].entry((d, p as u32)).or_default()[2] += 1;
                    }
                }
            }
        }
        let [pd0, pd1] = pd;
        let to_place_days = |m: FxHashMap<(NaiveDate, u32), [u32; 3]>| {
            let mut v: Vec<PlaceDay> = m.into_iter().map(|((day, place), counts)| PlaceDay { day, place, counts }).collect();
            v.sort_unstable_by_key(|x| (x.day, x.place));
            v
        };
        let [sd0, sd1] = sd;
        let to_spell_days = |m: FxHashMap<(NaiveDate, u32, u32), u32>| {
            let mut v: Vec<SpellDay> =
                m.into_iter().map(|((day, place, spelling), count)| SpellDay { day, place, spelling, count }).collect();
            v.sort_unstable_by_key(|x| (x.day, x.place, x.spelling));
            v
        };
        let spellings_by_place = corpus_spell
            .into_iter()
            .map(|m| {
                let mut v: Vec<(u32, usize)> = m.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(spelling_names[a.0 as usize].cmp(&spelling_names[b.0 as usize])));
                v.into_iter().map(|(s, _)| spelling_names[s as usize].clone()).collect()
            })
            .collect();
        Aggregates {
            place_days: [to_place_days(pd0), to_place_days(pd1)],
            spell_days: [to_spell_days(sd0), to_spell_days(sd1)],
            spelling_names,
            spellings_by_place,
        }
    }
}

impl DayIndex {
    /// The index of the items of each kind (mentions, claims, quotes), given as their days
    /// in item order (`None` for an undated item), and the items per day. (Each kind's days
    /// are read by an iterator of its own, inline, not by a function asked per item.)
    fn of(
        mentions: impl Iterator<Item = Option<NaiveDate>> + Clone,
        claims: impl Iterator<Item = Option<NaiveDate>> + Clone,
        quotes: impl Iterator<Item = Option<NaiveDate>> + Clone,
    ) -> (DayIndex, BTreeMap<NaiveDate, DayCount>) {
        let index = DayIndex { mentions: by_day(mentions), claims: by_day(claims), quotes: by_day(quotes) };
        // Counted from the sorted lists, a run of one day at a time.
        let mut density: BTreeMap<NaiveDate, DayCount> = BTreeMap::new();
        for (kind, list) in [&index.mentions, &index.claims, &index.quotes].into_iter().enumerate() {
            for run in list.chunk_by(|a, b| a.0 == b.0) {
                let count = density.entry(run[0].0).or_default();
                *[&mut count.mentions, &mut count.claims, &mut count.quotes][kind] += run.len();
            }
        }
        (index, density)
    }
}

/// The dated ones of the items whose days `days` gives in item order (`None` for an undated
/// one), as (day, index), by day, then index. Days within a span a few times the number of items (a corpus's usual case) are
/// counted into place, in one pass over the items for their days' numbers (kept while the
/// days repeat, as an article's items' do), one over the days and one placing the items;
/// wider spans are sorted.
fn by_day(days: impl Iterator<Item = Option<NaiveDate>> + Clone) -> Vec<(NaiveDate, u32)> {
    let mut numbers: Vec<i32> = Vec::with_capacity(days.size_hint().0);
    let (mut low, mut high, mut dated) = (i32::MAX, i32::MIN, 0usize);
    let mut last = (NaiveDate::MIN, NaiveDate::MIN.num_days_from_ce());
    for d in days.clone() {
        let x = day_number(&mut last, d);
        if x != NO_DAY {
            low = low.min(x);
            high = high.max(x);
            dated += 1;
        }
        numbers.push(x);
    }
    if dated == 0 {
        return Vec::new();
    }
    let span = usize::try_from(i64::from(high) - i64::from(low) + 1).unwrap_or(usize::MAX);
    if span > 4 * dated + 1024 {
        let mut items: Vec<(NaiveDate, u32)> = days.enumerate().filter_map(|(i, d)| Some((d?, i as u32))).collect();
        items.sort_unstable();
        return items;
    }
    // Where each day's items start, each day's date, then each item placed after the earlier
    // ones of its day.
    let mut starts = vec![0u32; span + 1];
    for &x in &numbers {
        if x != NO_DAY {
            starts[(x - low) as usize + 1] += 1;
        }
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let dates: Vec<NaiveDate> = (0..span).map(|r| NaiveDate::from_num_days_from_ce_opt(low + r as i32).unwrap_or_default()).collect();
    let mut out = vec![(NaiveDate::MIN, 0u32); dated];
    for (i, &x) in numbers.iter().enumerate() {
        if x != NO_DAY {
            let row = (x - low) as usize;
            let at = &mut starts[row];
            out[*at as usize] = (dates[row], i as u32);
            *at += 1;
        }
    }
    out
}

/// The day of item `i` of `kind` (0 mentions, 1 claims, 2 quotes) on `axis`: its own date,
/// or its article's publication day from `published_of` (per kind, in corpus order). `None`
/// for an undated item or an index out of range.
fn day_of(data: &Extraction, published_of: &[Vec<Option<NaiveDate>>; 3], axis: TimeAxis, kind: usize, i: usize) -> Option<NaiveDate> {
    match (axis, kind) {
        (TimeAxis::Event, 0) => data.mentions.get(i)?.date,
        (TimeAxis::Event, 1) => data.claims.get(i)?.date,
        (TimeAxis::Event, _) => data.quotes.get(i)?.date,
        (TimeAxis::Published, _) => *published_of.get(kind)?.get(i)?,
    }
}

fn range_slice<'a>(sorted: &'a [(NaiveDate, u32)], range: &DayRange) -> &'a [(NaiveDate, u32)] {
    let lo = match range.from {
        Some(f) => sorted.partition_point(|(d, _)| *d < f),
        None => 0,
    };
    let hi = match range.to {
        Some(t) => sorted.partition_point(|(d, _)| *d <= t),
        None => sorted.len(),
    };
    if lo >= hi { &[] } else { &sorted[lo..hi] }
}

/// The `k` smallest item indices of a window of a day index (sorted by day, then index), in
/// order: a merge of the window's days, each already sorted by index.
fn first_by_index(window: &[(NaiveDate, u32)], k: usize) -> Vec<usize> {
    use std::cmp::Reverse;
    // One entry per day: (its smallest index not yet taken, where that is, where the day ends).
    let mut heads = std::collections::BinaryHeap::new();
    let mut start = 0;
    while start < window.len() {
        let day = window[start].0;
        let end = start + window[start..].partition_point(|(d, _)| *d == day);
        heads.push(Reverse((window[start].1, start, end)));
        start = end;
    }
    let mut out = Vec::with_capacity(k.min(window.len()));
    while out.len() < k {
        let Some(Reverse((i, at, end))) = heads.pop() else { break };
        out.push(i as usize);
        if at + 1 < end {
            heads.push(Reverse((window[at + 1].1, at + 1, end)));
        }
    }
    out
}

/// Counts of items on one day, for the timeline's density bars.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCount {
    /// Place mentions that day.
    pub mentions: usize,
    /// Casualty claims that day.
    pub claims: usize,
    /// Quotes that day.
    pub quotes: usize,
}

impl DayCount {
    /// All items that day.
    pub fn total(&self) -> usize {
        self.mentions + self.claims + self.quotes
    }
}

/// The extracted corpus indexed by day and place. Built once after extraction; every view
/// query is answered from the indices.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The records themselves.
    pub data: Extraction,
    article_by_id: FxHashMap<String, usize>,
    place_by_id: FxHashMap<String, usize>,
    by_event: DayIndex,
    by_published: DayIndex,
    density_event: BTreeMap<NaiveDate, DayCount>,
    density_published: BTreeMap<NaiveDate, DayCount>,
    /// Per (day, place) counts, sorted by day, for each axis: map markers for any window
    /// are summed from these, without touching individual items.
    place_days: [Vec<PlaceDay>; 2],
    /// Per (day, place, spelling) mention counts, sorted by day, for each axis.
    spell_days: [Vec<SpellDay>; 2],
    /// Distinct spellings (the text as written), indexed by `SpellDay::spelling`.
    spelling_names: Vec<String>,
    /// Corpus-wide spellings of each place, most frequent first.
    spellings_by_place: Vec<Vec<String>>,
    /// Truce days to mark (see [`Model::truce_days`]).
    truce_days: Vec<NaiveDate>,
    /// The publication day of each mention, claim and quote (their article's), in corpus
    /// order: [`Model::item_date`] on the publication axis without looking the article up.
    published_of: [Vec<Option<NaiveDate>>; 3],
    /// Each claim's claimant, side and place as small indices ([`Model::claim_keys`]).
    claims: ClaimKeys,
}

/// What views group and plot a claim by, as small values: its claimant, claimant side and
/// place as indices, its days and figures. Views group and plot hundreds of thousands of
/// claims on a click from these 40-byte rows, without hashing or comparing strings or
/// reading the claims themselves (several times larger, with their sentences).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimKey {
    /// Index into [`Model::claimants`] (0: none, the outlet's own voice).
    pub claimant: u32,
    /// Index into [`Model::claimant_sides`] (0: no known side).
    pub side: u32,
    /// Index into [`Extraction::places`], or [`ClaimKey::NO_PLACE`].
    pub place: u32,
    /// The claim's day on each time axis, indexed by [`TimeAxis`] (as [`Model::item_date`]).
    pub days: [Option<NaiveDate>; 2],
    /// [`Claim::killed`] (a figure above `u32::MAX` as `u32::MAX`).
    pub killed: Option<u32>,
    /// [`Claim::wounded`] (a figure above `u32::MAX` as `u32::MAX`).
    pub wounded: Option<u32>,
    /// [`Claim::category`].
    pub category: Category,
    /// [`Claim::hedge`].
    pub hedge: Hedge,
    /// [`Claim::scope`].
    pub scope: Scope,
}

impl ClaimKey {
    /// [`ClaimKey::place`] of a claim that names no place of the corpus.
    pub const NO_PLACE: u32 = u32::MAX;

    /// The claim's day on `axis`.
    pub fn day(&self, axis: TimeAxis) -> Option<NaiveDate> {
        self.days[axis as usize]
    }
}

/// The [`ClaimKey`] of every claim and the names its indices stand for.
#[derive(Debug, Clone, Default)]
struct ClaimKeys {
    keys: Vec<ClaimKey>,
    claimants: Vec<Option<Id>>,
    sides: Vec<Option<Id>>,
}

impl ClaimKeys {
    fn of(data: &Extraction, place_by_id: &FxHashMap<String, usize>, published: &[Option<NaiveDate>]) -> ClaimKeys {
        /// Distinct names in order of first use, index 0 for none.
        struct Names<'a> {
            index: FxHashMap<&'a str, u32>,
            names: Vec<Option<Id>>,
            /// Each name's index by the address of its Id: claims of one article share their
            /// names' allocation, and claimants that are the engine's actors share the
            /// engine's.
            at: ByAddress,
        }
        impl<'a> Names<'a> {
            fn get(&mut self, id: Option<&'a Id>) -> u32 {
                let Some(id) = id else { return 0 };
                let Names { index, names, at } = self;
                at.get(id, |s| {
                    let next = names.len() as u32;
                    *index.entry(s).or_insert_with(|| {
                        names.push(Some(id.clone()));
                        next
                    })
                })
            }
        }
        let new = || Names { index: FxHashMap::default(), names: vec![None], at: ByAddress::new() };
        let mut places = ByAddress::new();
        let (mut claimants, mut sides) = (new(), new());
        let small = |f: Option<u64>| f.map(|f| u32::try_from(f).unwrap_or(u32::MAX));
        let keys = data
            .claims
            .iter()
            .zip(published)
            .map(|(c, published)| ClaimKey {
                claimant: claimants.get(c.claimant.as_ref()),
                side: sides.get(c.claimant_side.as_ref()),
                place: c
                    .place
                    .as_ref()
                    .map_or(ClaimKey::NO_PLACE, |p| places.get(p, |s| place_by_id.get(s).map_or(ClaimKey::NO_PLACE, |&p| p as u32))),
                days: [c.date, *published],
                killed: small(c.killed),
                wounded: small(c.wounded),
                category: c.category,
                hedge: c.hedge,
                scope: c.scope,
            })
            .collect();
        ClaimKeys { keys, claimants: claimants.names, sides: sides.names }
    }
}

/// Items at one place on one day.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PlaceDay {
    day: NaiveDate,
    place: u32,
    counts: [u32; 3],
}

/// Mentions of one place in one spelling on one day.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SpellDay {
    day: NaiveDate,
    place: u32,
    spelling: u32,
    count: u32,
}

fn day_slice<'a, T>(v: &'a [T], range: &DayRange, day: impl Fn(&T) -> NaiveDate) -> &'a [T] {
    let lo = range.from.map_or(0, |f| v.partition_point(|x| day(x) < f));
    let hi = range.to.map_or(v.len(), |t| v.partition_point(|x| day(x) <= t));
    if lo >= hi { &[] } else { &v[lo..hi] }
}

/// Counts of items at one place in a window, for map markers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceStats {
    /// Index into [`Extraction::places`].
    pub place: usize,
    /// Mentions in the window.
    pub mentions: usize,
    /// Claims in the window.
    pub claims: usize,
    /// Quotes in the window that name the place.
    pub quotes: usize,
    /// Distinct spellings used by the sources, most frequent first.
    pub spellings: Vec<String>,
}

impl PlaceStats {
    /// All items at the place.
    pub fn total(&self) -> usize {
        self.mentions + self.claims + self.quotes
    }
}

impl Model {
    /// Index an extraction.
    pub fn new(data: Extraction) -> Self {
        let article_by_id: FxHashMap<String, usize> = data.articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        let place_by_id: FxHashMap<String, usize> = data.places.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        // The publication date of each item's article, looked up once per run of items from
        // one article (items come article by article).
        // (A function generic over the items' iterator, so each kind's is read inline, not
        // through a call per item.)
        fn published<'a>(
            articles: impl Iterator<Item = &'a Id>,
            article_by_id: &FxHashMap<String, usize>,
            all: &[Article],
        ) -> Vec<Option<NaiveDate>> {
            let mut last: Option<(&Id, Option<NaiveDate>)> = None;
            articles
                .map(|id| match last {
                    Some((seen, date)) if seen.same_as(id) => date,
                    _ => {
                        let date = article_by_id.get(id.as_str()).and_then(|&i| all[i].published);
                        last = Some((id, date));
                        date
                    }
                })
                .collect()
        }
        let published_of = [
            published(data.mentions.iter().map(|m| &m.article), &article_by_id, &data.articles),
            published(data.claims.iter().map(|c| &c.article), &article_by_id, &data.articles),
            published(data.quotes.iter().map(|q| &q.article), &article_by_id, &data.articles),
        ];
        // The day indices of both axes (sorted item lists, and the items per day counted from
        // them) and the per-day aggregates ([`Aggregates`]) are built side by side.
        let by_event =
            || DayIndex::of(data.mentions.iter().map(|m| m.date), data.claims.iter().map(|c| c.date), data.quotes.iter().map(|q| q.date));
        let [pm, pc, pq] = &published_of;
        let by_published = || DayIndex::of(pm.iter().copied(), pc.iter().copied(), pq.iter().copied());
        let indices = || rayon::join(by_event, by_published);
        let (((by_event, density_event), (by_published, density_published)), (aggregates, claims)) = rayon::join(indices, || {
            rayon::join(|| Aggregates::of(&data, &place_by_id, &published_of), || ClaimKeys::of(&data, &place_by_id, &published_of[1]))
        });
        let Aggregates { place_days, spell_days, spelling_names, spellings_by_place } = aggregates;
        let mut model = Model {
            truce_days: Vec::new(),
            place_days,
            spell_days,
            spelling_names,
            spellings_by_place,
            data,
            article_by_id,
            place_by_id,
            by_event,
            by_published,
            density_event,
            density_published,
            published_of,
            claims,
        };
        model.truce_days = model.compute_truce_days();
        model
    }

    fn index(&self, axis: TimeAxis) -> &DayIndex {
        match axis {
            TimeAxis::Event => &self.by_event,
            TimeAxis::Published => &self.by_published,
        }
    }

    /// Items per day on the given axis.
    pub fn density(&self, axis: TimeAxis) -> &BTreeMap<NaiveDate, DayCount> {
        match axis {
            TimeAxis::Event => &self.density_event,
            TimeAxis::Published => &self.density_published,
        }
    }

    /// First and last day with any item on the axis.
    pub fn span(&self, axis: TimeAxis) -> Option<(NaiveDate, NaiveDate)> {
        let d = self.density(axis);
        Some((*d.keys().next()?, *d.keys().next_back()?))
    }

    /// The day with the most items (ties: the earliest), where the window opens.
    pub fn busiest_day(&self, axis: TimeAxis) -> Option<NaiveDate> {
        let mut best: Option<(NaiveDate, usize)> = None;
        for (d, c) in self.density(axis) {
            if best.is_none_or(|(_, n)| c.total() > n) {
                best = Some((*d, c.total()));
            }
        }
        best.map(|(d, _)| d)
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_by_id.get(id).map(|&i| &self.data.articles[i])
    }

    /// Index of the article with this id.
    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.article_by_id.get(id).copied()
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.place_by_id.get(id).map(|&i| &self.data.places[i])
    }

    /// Index of the place with this id.
    pub fn place_index(&self, id: &str) -> Option<usize> {
        self.place_by_id.get(id).copied()
    }

    /// The date of an item on the given axis.
    pub fn item_date(&self, item: ItemRef, axis: TimeAxis) -> Option<NaiveDate> {
        let (kind, i) = match item {
            ItemRef::Mention(i) => (0, i),
            ItemRef::Claim(i) => (1, i),
            ItemRef::Quote(i) => (2, i),
        };
        day_of(&self.data, &self.published_of, axis, kind, i)
    }

    fn select(&self, sorted: &[(NaiveDate, u32)], len: usize, range: &DayRange) -> Vec<usize> {
        if *range == DayRange::ALL {
            return (0..len).collect();
        }
        let mut v: Vec<usize> = range_slice(sorted, range).iter().map(|(_, i)| *i as usize).collect();
        v.sort_unstable();
        v
    }

    /// Indices of mentions in the window, in corpus order.
    pub fn mentions_in(&self, range: &DayRange, axis: TimeAxis) -> Vec<usize> {
        self.select(&self.index(axis).mentions, self.data.mentions.len(), range)
    }

    /// Indices of claims in the window, in corpus order.
    pub fn claims_in(&self, range: &DayRange, axis: TimeAxis) -> Vec<usize> {
        self.select(&self.index(axis).claims, self.data.claims.len(), range)
    }

    /// Indices of quotes in the window, in corpus order.
    pub fn quotes_in(&self, range: &DayRange, axis: TimeAxis) -> Vec<usize> {
        self.select(&self.index(axis).quotes, self.data.quotes.len(), range)
    }

    /// How many quotes lie in the window, and the first `k` of them in corpus order: the
    /// length and the first `k` of [`Model::quotes_in`], without listing the window. The
    /// first `k` are merged from the window's days (each sorted by index in the day index),
    /// so the cost grows with `k` and the days in the window, not with the quotes (the
    /// cursor moves every frame while the time slider is dragged).
    pub fn quotes_in_first(&self, range: &DayRange, axis: TimeAxis, k: usize) -> (usize, Vec<usize>) {
        if *range == DayRange::ALL {
            let n = self.data.quotes.len();
            return (n, (0..n.min(k)).collect());
        }
        let window = range_slice(&self.index(axis).quotes, range);
        (window.len(), first_by_index(window, k))
    }

    /// Indices of the quotes in the window for which `keep` holds, in corpus order: as
    /// [`Model::quotes_in`] filtered, with only the kept ones sorted.
    pub fn quotes_in_where(&self, range: &DayRange, axis: TimeAxis, keep: impl Fn(usize) -> bool) -> Vec<usize> {
        if *range == DayRange::ALL {
            return (0..self.data.quotes.len()).filter(|&i| keep(i)).collect();
        }
        let mut v: Vec<usize> =
            range_slice(&self.index(axis).quotes, range).iter().map(|(_, i)| *i as usize).filter(|&i| keep(i)).collect();
        v.sort_unstable();
        v
    }

    /// Per-place counts of items in the window, one entry per place with any item.
    ///
    /// Summed from per-day aggregates: the cost grows with days × places in the window, not
    /// with the number of articles. Undated items count only in [`DayRange::ALL`].
    pub fn place_stats(&self, range: &DayRange, axis: TimeAxis) -> Vec<PlaceStats> {
        let a = axis as usize;
        let mut stats: Vec<PlaceStats> = (0..self.data.places.len()).map(|place| PlaceStats { place, ..Default::default() }).collect();
        if *range == DayRange::ALL {
            return self.place_stats_all();
        }
        for pd in day_slice(&self.place_days[a], range, |x| x.day) {
            let s = &mut stats[pd.place as usize];
            s.mentions += pd.counts[0] as usize;
            s.claims += pd.counts[1] as usize;
            s.quotes += pd.counts[2] as usize;
        }
        let mut spellings: Vec<FxHashMap<u32, usize>> = vec![FxHashMap::default(); stats.len()];
        for sd in day_slice(&self.spell_days[a], range, |x| x.day) {
            *spellings[sd.place as usize].entry(sd.spelling).or_default() += sd.count as usize;
        }
        for (s, sp) in stats.iter_mut().zip(spellings) {
            let mut v: Vec<(u32, usize)> = sp.into_iter().collect();
            v.sort_by(|x, y| y.1.cmp(&x.1).then(self.spelling_names[x.0 as usize].cmp(&self.spelling_names[y.0 as usize])));
            s.spellings = v.into_iter().map(|(t, _)| self.spelling_names[t as usize].clone()).collect();
        }
        stats.retain(|s| s.total() > 0);
        stats
    }

    /// [`Model::place_stats`] for everything, undated items included.
    fn place_stats_all(&self) -> Vec<PlaceStats> {
        let mut stats: Vec<PlaceStats> = (0..self.data.places.len())
            .map(|place| PlaceStats { place, spellings: self.spellings_by_place[place].clone(), ..Default::default() })
            .collect();
        for m in &self.data.mentions {
            if let Some(p) = self.place_index(&m.place) {
                stats[p].mentions += 1;
            }
        }
        for c in &self.data.claims {
            if let Some(p) = c.place.as_deref().and_then(|id| self.place_index(id)) {
                stats[p].claims += 1;
            }
        }
        for q in &self.data.quotes {
            for id in &q.places {
                if let Some(p) = self.place_index(id) {
                    stats[p].quotes += 1;
                }
            }
        }
        stats.retain(|s| s.total() > 0);
        stats
    }

    /// Each claim's claimant, side and place as indices ([`ClaimKey`]), in corpus order.
    pub fn claim_keys(&self) -> &[ClaimKey] {
        &self.claims.keys
    }

    /// The claimants [`ClaimKey::claimant`] indexes (index 0: `None`, the outlet's own voice).
    pub fn claimants(&self) -> &[Option<Id>] {
        &self.claims.claimants
    }

    /// The claimant sides [`ClaimKey::side`] indexes (index 0: `None`, no known side).
    pub fn claimant_sides(&self) -> &[Option<Id>] {
        &self.claims.sides
    }

    /// Whether a claim touches a place (names it in its sentence).
    pub fn claim_touches_place(&self, claim: usize, place: &str) -> bool {
        self.data.claims.get(claim).is_some_and(|c| c.place.as_deref() == Some(place))
    }

    /// Whether a quote touches a place (names it inside or around the quote).
    pub fn quote_touches_place(&self, quote: usize, place: &str) -> bool {
        self.data.quotes.get(quote).is_some_and(|q| q.places.iter().any(|p| p == place))
    }

    /// Every distinct spelling of a place in the corpus, most frequent first.
    pub fn spellings(&self, place: &str) -> Vec<String> {
        self.place_index(place).and_then(|i| self.spellings_by_place.get(i)).cloned().unwrap_or_default()
    }

    /// A [`View`] of only the given mentions, claims and quotes (indices into
    /// [`Model::data`], out-of-range and repeated ones ignored), in corpus order, with the
    /// articles and places they refer to and the truces of those articles. Item spans still
    /// index into the kept articles' texts. Unknown names and problems are left out. Used to
    /// export exactly what the window shows; it borrows the items instead of copying them.
    pub fn view(&self, mentions: &[usize], claims: &[usize], quotes: &[usize]) -> View<'_> {
        let pick = |idx: &[usize], len: usize| -> Vec<usize> {
            let mut v: Vec<usize> = idx.iter().copied().filter(|&i| i < len).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let d = &self.data;
        let mentions: Vec<&Mention> = pick(mentions, d.mentions.len()).into_iter().map(|i| &d.mentions[i]).collect();
        let claims: Vec<&Claim> = pick(claims, d.claims.len()).into_iter().map(|i| &d.claims[i]).collect();
        let quotes: Vec<&Quote> = pick(quotes, d.quotes.len()).into_iter().map(|i| &d.quotes[i]).collect();
        let mut articles: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        let mut places: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        for m in &mentions {
            articles.insert(&m.article);
            places.insert(&m.place);
        }
        for c in &claims {
            articles.insert(&c.article);
            if let Some(p) = &c.place {
                places.insert(p);
            }
        }
        for q in &quotes {
            articles.insert(&q.article);
            places.extend(q.places.iter().map(Id::as_str));
        }
        View {
            corpus: &d.corpus,
            articles: d.articles.iter().filter(|a| articles.contains(a.id.as_str())).collect(),
            places: d.places.iter().filter(|p| places.contains(p.id.as_str())).collect(),
            mentions,
            claims,
            quotes,
            unknown_names: &[],
            truces: d.truces.iter().filter(|t| articles.contains(t.article.as_str())).collect(),
            problems: &[],
        }
    }

    /// The truce days to mark on the timeline: every day the corpus manifest records, and the
    /// days most articles report a ceasefire taking effect (at most [`MAX_TRUCE_DAYS`], each
    /// reported by at least one article in 200), so a large corpus that mentions truces
    /// every day does not bury the real ones.
    pub fn truce_days(&self) -> &[NaiveDate] {
        &self.truce_days
    }

    /// Compute [`Model::truce_days`] (once, in [`Model::new`]).
    fn compute_truce_days(&self) -> Vec<NaiveDate> {
        let mut curated: Vec<NaiveDate> = Vec::new();
        let mut reported: BTreeMap<NaiveDate, std::collections::HashSet<&str>> = BTreeMap::new();
        for t in &self.data.truces {
            if t.article.is_empty() {
                curated.push(t.date);
            } else {
                reported.entry(t.date).or_default().insert(t.article.as_str());
            }
        }
        let floor = self.data.articles.len().div_ceil(200).max(1);
        let mut ranked: Vec<(usize, NaiveDate)> = reported.into_iter().map(|(d, a)| (a.len(), d)).filter(|(n, _)| *n >= floor).collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        curated.extend(ranked.into_iter().take(MAX_TRUCE_DAYS).map(|(_, d)| d));
        curated.sort_unstable();
        curated.dedup();
        curated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Items by day, counted into place or sorted (days far apart, or a few of them), are
        /// what sorting them gives.
        #[test]
        fn items_by_day_are_sorted(days in proptest::collection::vec(proptest::option::of(proptest::prop_oneof![0i64..40, 0i64..3_000_000]), 0..200)) {
            let base = NaiveDate::from_ymd_opt(1000, 1, 1).unwrap_or_default();
            let day = |i: usize| days[i].map(|d| base + chrono::Duration::days(d));
            let mut want: Vec<(NaiveDate, u32)> = (0..days.len()).filter_map(|i| Some((day(i)?, i as u32))).collect();
            want.sort_unstable();
            proptest::prop_assert_eq!(by_day((0..days.len()).map(day)), want);
        }

        /// The day index of items lists the dated ones by day (then item), and counts them per
        /// day, as sorting and counting each item would.
        #[test]
        fn day_index_sorts_and_counts_items(days in proptest::collection::vec(proptest::collection::vec(proptest::option::of(0u32..6), 0..40), 3)) {
            let base = NaiveDate::from_ymd_opt(2020, 10, 1).unwrap_or_default();
            let day = |d: u32| base + chrono::Duration::days(i64::from(d));
            let days: [Vec<Option<NaiveDate>>; 3] = [0, 1, 2].map(|k| days[k].iter().map(|d| d.map(day)).collect());
            let (index, density) = DayIndex::of(days[0].iter().copied(), days[1].iter().copied(), days[2].iter().copied());
            let mut want_density: BTreeMap<NaiveDate, DayCount> = BTreeMap::new();
            for (kind, (list, got)) in days.iter().zip([&index.mentions, &index.claims, &index.quotes]).enumerate() {
                let mut want: Vec<(NaiveDate, u32)> = list.iter().enumerate().filter_map(|(i, d)| Some(((*d)?, i as u32))).collect();
                want.sort();
                proptest::prop_assert_eq!(got, &want);
                for (d, _) in want {
                    let c = want_density.entry(d).or_default();
                    match kind {
                        0 => c.mentions += 1,
                        1 => c.claims += 1,
                        _ => c.quotes += 1,
                    }
                }
            }
            proptest::prop_assert_eq!(density, want_density);
        }

        /// The aggregates counted in tables by day ([`Aggregates::of`]) are those counted in
        /// hash maps and sorted ([`Aggregates::of_hashed`]): items at known and unknown places,
        /// spellings beyond ASCII written by shared and by fresh Ids, dated on either axis or
        /// not, days near each other (tables) or far apart (hash maps).
        #[test]
        fn aggregates_by_tables_are_those_by_hash_maps(
            places in 0usize..6,
            mentions in proptest::collection::vec((0usize..7, 0usize..6, proptest::bool::ANY, proptest::option::of(0i64..30), proptest::option::of(0i64..30)), 0..120),
            claims in proptest::collection::vec((proptest::option::of(0usize..7), proptest::option::of(0i64..30), proptest::option::of(0i64..30)), 0..40),
            quotes in proptest::collection::vec((proptest::collection::vec(0usize..7, 0..3), proptest::option::of(0i64..30), proptest::option::of(0i64..30)), 0..40),
            far in proptest::option::of(1_000i64..3_000_000),
        ) {
            let base = NaiveDate::from_ymd_opt(2020, 12, 20).unwrap_or_default();
            // One day far from the others when asked (hash maps), else all within a month.
            let mut first = true;
            let mut day = |d: Option<i64>| d.map(|d| base + chrono::Duration::days(if std::mem::take(&mut first) { far.unwrap_or(d) } else { d }));
            let place_ids: Vec<Id> = (0..7).map(|i| Id::from(format!("p{i}"))).collect();
            let texts = ["Baku", "Bakı", "Гянджа", "Ganja", "Şuşa", "Shusha"];
            let shared: Vec<Id> = texts.iter().map(|t| Id::from(*t)).collect();
            let places = (0..places)
                .map(|i| Place { id: format!("p{i}"), name: format!("P{i}"), lat: 0.0, lon: 0.0, kind: "city".into(), country: String::new(), radius_km: 1.0 })
                .collect();
            let mut data = Extraction { places, ..Default::default() };
            let mut published = [Vec::new(), Vec::new(), Vec::new()];
            for &(p, t, fresh, d, pd) in &mentions {
                data.mentions.push(Mention {
                    article: Id::from("a"),
                    place: place_ids[p].clone(),
                    text: if fresh { Id::from(texts[t]) } else { shared[t].clone() },
                    start: 0,
                    end: 0,
                    date: day(d),
                    date_basis: DateBasis::Article,
                    sentence_start: 0,
                    sentence_end: 0,
                });
                published[0].push(day(pd));
            }
            for &(p, d, pd) in &claims {
                data.claims.push(Claim {
                    article: Id::from("a"),
                    killed: Some(1),
                    wounded: None,
                    category: Category::Civilian,
                    hedge: Hedge::Exact,
                    scope: Scope::Incident,
                    place: p.map(|p| place_ids[p].clone()),
                    claimant: None,
                    claimant_side: None,
                    date: day(d),
                    date_basis: DateBasis::Article,
                    start: 0,
                    end: 0,
                    sentence: String::new(),
                    sentence_start: 0,
                    sentence_end: 0,
                });
                published[1].push(day(pd));
            }
            for (ps, d, pd) in &quotes {
                data.quotes.push(Quote {
                    article: Id::from("a"),
                    speaker: None,
                    speaker_side: None,
                    text: String::new(),
                    date: day(*d),
                    date_basis: DateBasis::Article,
                    places: ps.iter().map(|&p| place_ids[p].clone()).collect(),
                    start: 0,
                    end: 0,
                });
                published[2].push(day(*pd));
            }
            let place_by_id: FxHashMap<String, usize> = data.places.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
            let got = Aggregates::of(&data, &place_by_id, &published);
            let want = Aggregates::of_hashed(&data, &place_by_id, &published);
            proptest::prop_assert_eq!(got.place_days, want.place_days);
            proptest::prop_assert_eq!(got.spell_days, want.spell_days);
            proptest::prop_assert_eq!(got.spelling_names, want.spelling_names);
            proptest::prop_assert_eq!(got.spellings_by_place, want.spellings_by_place);
        }

        /// The first `k` indices of a window of days are the window's `k` smallest, in order.
        #[test]
        fn first_by_index_takes_the_windows_smallest_indices(
            days in proptest::collection::vec(0u32..8, 0..200),
            from in 0u32..8,
            width in 0u32..8,
            k in 0usize..60,
        ) {
            let base = NaiveDate::from_ymd_opt(2020, 10, 1).unwrap_or_default();
            let day = |d: u32| base + chrono::Duration::days(i64::from(d));
            let mut index: Vec<(NaiveDate, u32)> = days.iter().enumerate().map(|(i, d)| (day(*d), i as u32)).collect();
            index.sort_unstable();
            let window = range_slice(&index, &DayRange { from: Some(day(from)), to: Some(day(from + width)) });
            let mut want: Vec<usize> = days.iter().enumerate().filter(|(_, d)| (from..=from + width).contains(*d)).map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(window.len(), want.len());
            want.truncate(k);
            proptest::prop_assert_eq!(first_by_index(window, k), want);
        }
    }

    #[test]
    fn a_windows_first_quotes_and_filtered_quotes_are_those_of_the_full_query() {
        let Ok(engine) = crate::Engine::embedded() else { return };
        let m = Model::new(engine.extract_embedded());
        let stepanakert = |i: usize| m.quote_touches_place(i, "stepanakert");
        for axis in [TimeAxis::Event, TimeAxis::Published] {
            let Some((lo, hi)) = m.span(axis) else { continue };
            let mid = lo + (hi - lo) / 2;
            let mut checked = 0;
            for range in [
                DayRange::ALL,
                DayRange { from: None, to: Some(mid) },
                DayRange { from: Some(mid), to: Some(mid) },
                DayRange { from: Some(mid - chrono::Duration::days(2)), to: Some(mid) },
                DayRange { from: Some(mid), to: None },
                DayRange { from: Some(hi), to: Some(lo) },
            ] {
                let all = m.quotes_in(&range, axis);
                for k in [0, 1, 3, all.len(), all.len() + 5] {
                    let (n, first) = m.quotes_in_first(&range, axis, k);
                    assert_eq!((n, first.as_slice()), (all.len(), &all[..k.min(all.len())]), "{range:?} {axis:?} {k}");
                }
                let at: Vec<usize> = all.iter().copied().filter(|&i| stepanakert(i)).collect();
                assert_eq!(m.quotes_in_where(&range, axis, stepanakert), at, "{range:?} {axis:?}");
                checked += usize::from(all.len() > 3 && at.len() < all.len());
            }
            assert!(checked >= 2, "{axis:?}: windows with several quotes, some elsewhere");
        }
    }

    #[test]
    fn an_items_publication_day_is_its_articles() {
        let Ok(engine) = crate::Engine::embedded() else { return };
        let (mut docs, _) = crate::corpus::embedded();
        // Articles without a date of their own, between dated ones.
        let undated = "Shelling hit Ganja, killing 7 civilians, officials said. “We will answer,” said Ilham Aliyev.";
        docs.insert(2, crate::corpus::Document { id: "u1".into(), path: "u1".into(), text: undated.into(), ..Default::default() });
        docs.push(crate::corpus::Document { id: "u2".into(), path: "u2".into(), text: undated.into(), ..Default::default() });
        let m = Model::new(engine.extract_documents(docs));
        let of = |id: &Id| m.article(id).and_then(|a| a.published);
        let items = m.data.mentions.iter().map(|x| &x.article).enumerate().map(|(i, a)| (ItemRef::Mention(i), a));
        let items = items.chain(m.data.claims.iter().map(|x| &x.article).enumerate().map(|(i, a)| (ItemRef::Claim(i), a)));
        let items = items.chain(m.data.quotes.iter().map(|x| &x.article).enumerate().map(|(i, a)| (ItemRef::Quote(i), a)));
        let (mut dated, mut undated) = (0, 0);
        for (item, article) in items {
            assert_eq!(m.item_date(item, TimeAxis::Published), of(article), "{item:?}");
            if of(article).is_some() { dated += 1 } else { undated += 1 }
        }
        assert!(dated > 0 && undated > 0, "{dated} {undated}");
        assert_eq!(m.item_date(ItemRef::Claim(m.data.claims.len()), TimeAxis::Published), None);
    }

    #[test]
    fn ids_are_the_same_by_allocation_or_text() {
        let a = Id::from("barda");
        assert!(a.same_as(&a.clone()) && a.same_as(&Id::from("barda")) && !a.same_as(&Id::from("ganja")));
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn mention(article: &str, place: &str, text: &str, date: &str) -> Mention {
        Mention {
            article: article.into(),
            place: place.into(),
            text: text.into(),
            start: 0,
            end: text.len(),
            date: Some(d(date)),
            date_basis: DateBasis::Explicit,
            sentence_start: 0,
            sentence_end: text.len(),
        }
    }

    fn sample() -> Model {
        let place = |id: &str| Place {
            id: id.into(),
            name: id.into(),
            lat: 40.0,
            lon: 46.0,
            kind: "city".into(),
            country: "Azerbaijan".into(),
            radius_km: 5.0,
        };
        Model::new(Extraction {
            articles: vec![Article {
                id: "a".into(),
                published: Some(d("2020-10-11")),
                published_source: DateSource::Header,
                ..Default::default()
            }],
            places: vec![place("ganja"), place("stepanakert")],
            mentions: vec![
                mention("a", "ganja", "Ganja", "2020-10-11"),
                mention("a", "ganja", "Gəncə", "2020-10-11"),
                mention("a", "ganja", "Ganja", "2020-10-11"),
                mention("a", "stepanakert", "Khankendi", "2020-10-09"),
            ],
            ..Default::default()
        })
    }

    #[test]
    fn claim_keys_name_each_claims_claimant_side_and_place() {
        let Some(mut x) = crate::Engine::embedded().ok().map(|e| e.extract_embedded()) else { return };
        // A claim naming a place the corpus does not list, and one by a claimant of its own.
        let mut odd = x.claims[0].clone();
        odd.place = Some("atlantis".into());
        odd.claimant = Some("Someone New".into());
        odd.claimant_side = None;
        x.claims.push(odd);
        let m = Model::new(x);
        assert_eq!(m.claim_keys().len(), m.data.claims.len());
        for (c, k) in m.data.claims.iter().zip(m.claim_keys()) {
            assert_eq!(m.claimants()[k.claimant as usize], c.claimant);
            assert_eq!(m.claimant_sides()[k.side as usize], c.claimant_side);
            match c.place.as_deref().and_then(|p| m.place_index(p)) {
                Some(p) => assert_eq!(k.place as usize, p),
                None => assert_eq!(k.place, ClaimKey::NO_PLACE, "{:?}", c.place),
            }
            assert_eq!((k.killed.map(u64::from), k.wounded.map(u64::from)), (c.killed, c.wounded));
            assert_eq!((k.category, k.hedge, k.scope), (c.category, c.hedge, c.scope));
        }
        for (i, k) in m.claim_keys().iter().enumerate() {
            for axis in [TimeAxis::Event, TimeAxis::Published] {
                assert_eq!(k.day(axis), m.item_date(ItemRef::Claim(i), axis), "{i} {axis:?}");
            }
        }
        assert!(m.claim_keys().iter().any(|k| k.days[0] != k.days[1]), "claims whose event day is not their publication day");
        // One index per distinct name, and index 0 for none.
        let distinct = |names: &mut dyn Iterator<Item = Option<&str>>| names.chain([None]).collect::<std::collections::BTreeSet<_>>().len();
        assert_eq!(m.claimants().len(), distinct(&mut m.data.claims.iter().map(|c| c.claimant.as_deref())));
        assert_eq!(m.claimant_sides().len(), distinct(&mut m.data.claims.iter().map(|c| c.claimant_side.as_deref())));
        assert!(m.claimants().len() > 4 && m.claimant_sides().len() > 2, "{:?}", m.claimant_sides());
        assert_eq!((m.claimants()[0].as_ref(), m.claimant_sides()[0].as_ref()), (None, None));
    }

    #[test]
    fn window_query_uses_event_or_publication_date() {
        let m = sample();
        let day = DayRange { from: Some(d("2020-10-09")), to: Some(d("2020-10-09")) };
        assert_eq!(m.mentions_in(&day, TimeAxis::Event), vec![3]);
        assert!(m.mentions_in(&day, TimeAxis::Published).is_empty());
        assert_eq!(m.mentions_in(&DayRange::ALL, TimeAxis::Event).len(), 4);
    }

    #[test]
    fn place_stats_from_aggregates_match_a_direct_count() {
        let m = sample();
        for (from, to) in [("2020-10-09", "2020-10-09"), ("2020-10-09", "2020-10-11"), ("2020-10-10", "2020-10-10")] {
            let range = DayRange { from: Some(d(from)), to: Some(d(to)) };
            for axis in [TimeAxis::Event, TimeAxis::Published] {
                let stats = m.place_stats(&range, axis);
                for s in &stats {
                    let id = &m.data.places[s.place].id;
                    let direct = m.mentions_in(&range, axis).into_iter().filter(|&i| &m.data.mentions[i].place == id).count();
                    assert_eq!(s.mentions, direct, "{id} {from}..{to} {axis:?}");
                }
                let total: usize = stats.iter().map(|s| s.mentions).sum();
                assert_eq!(total, m.mentions_in(&range, axis).len());
            }
        }
    }

    #[test]
    fn truce_days_keep_curated_ones_and_the_most_reported() {
        let mut x = sample().data;
        x.articles = (0..400).map(|i| Article { id: format!("a{i}"), ..Default::default() }).collect();
        let truce = |article: &str, date: &str| Truce { article: article.into(), date: d(date), start: 0, end: 0 };
        x.truces.push(truce("", "2020-10-26"));
        // Ten days reported by one article each, one day by five: only the latter passes the
        // floor of one article in 200 (here 2).
        for i in 0..10 {
            x.truces.push(truce(&format!("a{i}"), &format!("2020-09-{:02}", 10 + i)));
        }
        for i in 0..5 {
            x.truces.push(truce(&format!("a{}", 100 + i), "2020-10-10"));
        }
        let m = Model::new(x);
        assert_eq!(m.truce_days(), [d("2020-10-10"), d("2020-10-26")]);
    }

    #[test]
    fn busiest_day_and_spellings() {
        let m = sample();
        assert_eq!(m.busiest_day(TimeAxis::Event), Some(d("2020-10-11")));
        assert_eq!(m.spellings("ganja"), vec!["Ganja".to_string(), "Gəncə".to_string()]);
        let stats = m.place_stats(&DayRange::ALL, TimeAxis::Event);
        assert_eq!(stats.len(), 2);
        assert_eq!(stats[0].mentions, 3);
        assert_eq!(stats[0].spellings[0], "Ganja");
    }

    #[test]
    fn view_keeps_items_and_what_they_refer_to() {
        let m = sample();
        let x = m.view(&[3, 99, 3], &[], &[]);
        assert_eq!(x.mentions.len(), 1);
        assert_eq!(x.mentions[0].text, "Khankendi");
        assert_eq!(x.places.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec!["stepanakert"]);
        assert_eq!(x.articles.len(), 1);
        let none = m.view(&[], &[], &[]);
        assert!(none.articles.is_empty() && none.places.is_empty() && none.mentions.is_empty());
    }
}
