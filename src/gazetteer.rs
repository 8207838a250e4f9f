//! The hand-written gazetteer (`data/gazetteer.toml`) and actor list (`data/actors.toml`):
//! loading, validation with file/line/column messages, and the compiled multi-pattern
//! name matchers that find place and actor names in text (the longest whole-word name at
//! each word start).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, line_col};
use crate::text::{is_word_char, next_char};

const EMBEDDED_GAZETTEER: &str = include_str!("../data/gazetteer.toml");
const EMBEDDED_ACTORS: &str = include_str!("../data/actors.toml");

/// One place of the gazetteer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceEntry {
    /// Stable id, lowercase.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other spellings and transliterations.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Latitude (WGS84).
    pub lat: f64,
    /// Longitude (WGS84).
    pub lon: f64,
    /// city, town, village, district, region, country, sea.
    pub kind: String,
    /// Precision radius in km.
    #[serde(default = "default_radius")]
    pub radius_km: f64,
    /// Country the place lies in.
    pub country: String,
    /// Free text.
    #[serde(default)]
    pub note: Option<String>,
    /// Phrases containing an alias that are not mentions of this place.
    #[serde(default)]
    pub exclude: Vec<String>,
}

fn default_radius() -> f64 {
    10.0
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    ignore_names: Vec<String>,
    #[serde(default)]
    place: Vec<PlaceEntry>,
}

/// One speaker or claimant.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other ways of writing the name.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Role ("Foreign Minister of Russia").
    #[serde(default)]
    pub role: String,
    /// Side (Armenia, Azerbaijan, Russia, UN, ...).
    #[serde(default)]
    pub side: String,
    /// `person` or `body`.
    #[serde(default = "default_kind")]
    pub kind: String,
    /// `m` or `f` for persons, to resolve pronouns.
    #[serde(default)]
    pub gender: Option<String>,
}

fn default_kind() -> String {
    "person".into()
}

impl Actor {
    /// Whether the actor is a person (not a ministry or an agency).
    pub fn is_person(&self) -> bool {
        self.kind == "person"
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorsFile {
    #[serde(default)]
    actor: Vec<Actor>,
}

/// What a pattern of a matcher stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Item(usize),
    Exclude,
}

/// A compiled name matcher: at each word start the longest name that ends on a word
/// boundary, left to right, not overlapping; exclusion phrases ("Geneva Conventions") are
/// names too, so the longer one wins.
///
/// Names are grouped by their head: the word characters they start with (or their first
/// character when that is not a word character), "Nagorno" for "Nagorno-Karabakh". A name
/// can only match where the text has the same head, so at each word start ([`word_starts`],
/// found once per text for all matchers, each with a key of its head read from bit masks)
/// the key is looked up in a hash map and only the names of that key, longest first, are
/// compared ([`Bucket`]: one byte where they differ most and their last eight bytes as one
/// word first, then in full). Most words are no name's head and cost one integer lookup.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    /// Names by [`head_key`], longest first.
    by_head: Buckets,
    /// The first bytes and head keys of the names: most words are ruled out by it before
    /// the table is asked.
    starts: StartFilter,
    /// Whether any pattern is an exclusion phrase.
    excludes: bool,
}

/// Size of a [`NameMatcher`]'s key filter in bits (8 KB).
const FILTER_BITS: usize = 1 << 16;

/// The bit of a head key in the filter: its top bits (a key is mixed already, [`key_of`]).
#[inline]
fn filter_bit(key: u64) -> usize {
    (key >> 48) as usize
}

/// Names by the key of their head: an open-addressed table at most half full, whose slot
/// for a key is its top bits (as [`filter_bit`]'s; a key is a multiplicative hash), the slots
/// after it holding the keys that came on the same; a lookup reads slots from there until
/// the key or an empty slot (one or two reads, no hasher and no control bytes).
#[derive(Debug, Clone, Default)]
struct Buckets {
    /// Per slot, a key and its bucket's index in `buckets` plus one (zero: an empty slot).
    slots: Box<[(u64, u32)]>,
    /// How far a key is shifted down to a slot (64 less the bits of the slot count).
    shift: u32,
    buckets: Vec<Bucket>,
}

impl Buckets {
    /// The table of these buckets by their keys (each key once).
    fn of(by_key: Vec<(u64, Bucket)>) -> Buckets {
        let bits = (2 * by_key.len()).next_power_of_two().max(2).trailing_zeros();
        let mut slots = vec![(0u64, 0u32); 1 << bits].into_boxed_slice();
        let shift = 64 - bits;
        let mut buckets = Vec::with_capacity(by_key.len());
        for (key, bucket) in by_key {
            buckets.push(bucket);
            let mut h = Self::slot(key, shift);
            while slots[h].1 != 0 {
                h = (h + 1) & (slots.len() - 1);
            }
            // (Fewer than `u32::MAX` names, so fewer buckets.)
            slots[h] = (key, buckets.len() as u32);
        }
        Buckets { slots, shift, buckets }
    }

    #[inline]
    fn slot(key: u64, shift: u32) -> usize {
        (key >> shift) as usize
    }

    /// The bucket of a key.
    #[inline]
    fn get(&self, key: u64) -> Option<&Bucket> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut h = Self::slot(key, self.shift) & mask;
        loop {
            let &(k, b) = self.slots.get(h)?;
            if b == 0 {
                return None;
            }
            if k == key {
                return self.buckets.get(b as usize - 1);
            }
            h = (h + 1) & mask;
        }
    }

    fn is_empty(&self) -> bool {
        self.buckets.is_empty()
    }
}

/// The names of one head key and where one byte tells most of them apart:
/// "the Kremlin", "the Pentagon" and "the ministry" differ at their fifth byte, so where
/// the text has "the army" only the names without a fifth byte are compared.
/// The names with a byte there stand together by that byte ([`Bucket::candidates`]), so a
/// lookup reads only the names it compares, not every name of the bucket, and reads them in
/// place (no list of their indices). (Its fields fit one 64-byte cache line, where it is
/// aligned: a lookup reads them with one miss at most.)
#[derive(Debug, Clone, Default)]
#[repr(align(64))]
struct Bucket {
    /// The names with a byte at [`Bucket::at`], a group per byte in increasing order, each
    /// longest first; then those without one (the shortest), longest first.
    names: Box<[Name]>,
    /// The offset of that byte from the word start ([`Name::probe`]).
    at: u32,
    /// The length of the longest name (none: zero).
    longest: u32,
    /// The smallest byte at [`Bucket::at`] of the names long enough to have one.
    lo: u8,
    /// The names longest first (indices into `names`; equal lengths by pattern): the order in
    /// which a name cut by a soft break is looked for.
    by_length: Box<[u32]>,
    /// Per byte from [`Bucket::lo`] to the largest such byte, where its group of `names`
    /// starts and ends (an empty group for a byte no name has there): one read for a byte of
    /// the text, no bit set and no count of the bits below it.
    groups: Box<[(u32, u32)]>,
    /// The first of the names without a byte at [`Bucket::at`]: the shortest, after all others.
    short: u32,
}

// (One cache line: more fields would spill into a second.)
const _: () = assert!(std::mem::size_of::<Bucket>() == 64);

impl Bucket {
    /// The bucket of these names (fewer than `u32::MAX`, each shorter than 4 GB): sorted
    /// longest first, with [`Bucket::at`] the offset that leaves the fewest names to compare
    /// for the worst byte of the text, then put in the groups of their bytes there.
    fn of(mut names: Vec<Name>) -> Bucket {
        // Longest first; equal lengths cannot both match at one place (names are unique).
        names.sort_by(|a, b| b.bytes.len().cmp(&a.bytes.len()).then(a.pattern.cmp(&b.pattern)));
        let first = names.first().map_or(0, |n| n.bytes.len());
        // (One or two names are compared at once.)
        let longest = if names.len() > 2 { first } else { 0 };
        // (The counts zeroed only for a bucket whose offset is chosen: of more than two names.)
        let at = match longest {
            0 => 0,
            _ => {
                let mut counts = [0u32; 256];
                (0..longest).min_by_key(|&at| (names_left(&names, at, &mut counts), at)).unwrap_or(0)
            }
        };
        for n in &mut names {
            n.probe = n.bytes.get(at).copied();
        }
        // (Longest first: the names with a byte at `at` come before those without.)
        let short = names.iter().position(|n| n.probe.is_none()).unwrap_or(names.len());
        let mut by_probe: Vec<(u8, u32)> = names[..short].iter().zip(0u32..).filter_map(|(n, k)| Some((n.probe?, k))).collect();
        // (Stable: each group stays longest first.)
        by_probe.sort_by_key(|&(p, _)| p);
        let lo = by_probe.first().map_or(0, |&(p, _)| p);
        let span = by_probe.last().map_or(0, |&(p, _)| usize::from(p - lo) + 1);
        let mut groups = vec![(0u32, 0u32); span];
        for (k, &(p, _)) in (0u32..).zip(&by_probe) {
            let g = &mut groups[usize::from(p - lo)];
            if g.0 == g.1 {
                g.0 = k;
            }
            g.1 = k + 1;
        }
        // The names in the order of the groups, then the short ones; where each of the names
        // longest first now stands.
        let mut by_length: Vec<u32> = (0u32..).take(names.len()).collect();
        for (k, &(_, from)) in (0u32..).zip(&by_probe) {
            by_length[from as usize] = k;
        }
        let mut slots: Vec<Option<Name>> = names.into_iter().map(Some).collect();
        let names: Vec<Name> =
            by_probe.iter().map(|&(_, k)| k as usize).chain(short..slots.len()).filter_map(|k| slots[k].take()).collect();
        let u32_of = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Bucket {
            names: names.into(),
            at: u32_of(at),
            longest: u32_of(first),
            lo,
            by_length: by_length.into(),
            groups: groups.into(),
            short: u32_of(short),
        }
    }

    /// The names that may be written at a word start whose byte at [`Bucket::at`] is `probe`
    /// (none past the end of the text), longest first: those with that byte there, then those
    /// too short to have one; the same names, in the same order, as filtering the names
    /// longest first by [`Name::probe`]: two slices of `names`. None when there are none
    /// (most often, for a common word that heads some names: "the" of "the Kremlin" before
    /// "the army"), told before any slice is made.
    #[inline]
    fn candidates(&self, probe: Option<u8>) -> Option<(&[Name], &[Name])> {
        let (from, to) = match probe {
            Some(p) => self.groups.get(usize::from(p.wrapping_sub(self.lo))).copied().unwrap_or_default(),
            None => (0, 0),
        };
        if from == to && self.short as usize >= self.names.len() {
            return None;
        }
        Some((&self.names[from as usize..to as usize], &self.names[self.short as usize..]))
    }
}

/// How many of `names` are left to compare at worst when their bytes at `at` are told apart:
/// those without a byte there and the most that share one. Counted per byte in `counts`
/// (all zeros, and left so), not by sorting the bytes.
fn names_left(names: &[Name], at: usize, counts: &mut [u32; 256]) -> usize {
    let (mut with, mut most) = (0, 0);
    for n in names {
        if let Some(&c) = n.bytes.get(at) {
            let k = &mut counts[usize::from(c)];
            *k += 1;
            most = most.max(*k);
            with += 1;
        }
    }
    for n in names {
        if let Some(&c) = n.bytes.get(at) {
            counts[usize::from(c)] = 0;
        }
    }
    names.len() - with + most as usize
}

/// One name of a [`NameMatcher`] bucket.
#[derive(Debug, Clone)]
struct Name {
    /// Index of its pattern.
    pattern: u32,
    /// What it stands for, kept with it so that a match reads no other table: the index of
    /// its place or actor, or [`EXCLUDED`] for an exclusion phrase.
    target: u32,
    /// The name as written.
    bytes: Box<[u8]>,
    /// Its last eight bytes as one word (a shorter name: all its bytes), so that most names
    /// of a bucket, which share their head, are ruled out without a byte-wise comparison.
    tail: u64,
    /// Its first eight bytes as one word (a shorter name: all its bytes), so that a name of
    /// up to sixteen bytes is compared as two words ([`Name::is_at`]).
    head: u64,
    /// Its byte at its bucket's [`Bucket::at`] (none when it is not that long).
    probe: Option<u8>,
}

/// Eight bytes as one word (little-endian).
#[inline]
fn word_of(w: &[u8]) -> u64 {
    u64::from_le_bytes(w.try_into().unwrap_or_default())
}

/// `a == b`, read as numbers when the two have the same length of up to sixteen bytes (the
/// first and the last two, four or eight bytes of each, which overlap), as the stop words of
/// `extract::names` and most names' middles are, not by a call of `bcmp`.
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len()
        && match a.len() {
            0..=1 => a.first() == b.first(),
            2..=3 => a.first_chunk::<2>() == b.first_chunk::<2>() && a.last_chunk::<2>() == b.last_chunk::<2>(),
            4..=7 => a.first_chunk::<4>() == b.first_chunk::<4>() && a.last_chunk::<4>() == b.last_chunk::<4>(),
            8..=16 => a.first_chunk::<8>() == b.first_chunk::<8>() && a.last_chunk::<8>() == b.last_chunk::<8>(),
            _ => a == b,
        }
}

/// [`Name::target`] of an exclusion phrase.
const EXCLUDED: u32 = u32::MAX;

impl Name {
    fn new(pattern: u32, target: u32, bytes: &[u8]) -> Name {
        let (head, tail) = match bytes.len().checked_sub(8) {
            Some(from) => (word_of(&bytes[..8]), word_of(&bytes[from..])),
            None => {
                let mut buf = [0u8; 8];
                buf[..bytes.len()].copy_from_slice(bytes);
                (u64::from_le_bytes(buf), u64::from_le_bytes(buf))
            }
        };
        Name { pattern, target, bytes: bytes.into(), tail, head, probe: None }
    }

    /// Whether the name is written as it is at byte `i` of `b`: a name of up to sixteen bytes
    /// by its [`Name::head`] and [`Name::tail`] words (one masked word for up to eight bytes),
    /// a longer one by its tail word before all its bytes.
    #[inline]
    fn is_at(&self, b: &[u8], i: usize) -> bool {
        let len = self.bytes.len();
        if len <= 8 {
            return match b.get(i..i + 8) {
                Some(w) => word_of(w) & (u64::MAX >> (64 - 8 * len)) == self.tail,
                // (Near the end of the text: compared in full.)
                None => b.get(i..).is_some_and(|rest| rest.starts_with(&self.bytes)),
            };
        }
        let Some(w) = b.get(i..i + len) else { return false };
        word_of(&w[len - 8..]) == self.tail
            && word_of(&w[..8]) == self.head
            && (len <= 16 || same_bytes(&w[8..len - 8], &self.bytes[8..len - 8]))
    }

    /// Whether the name may be written as it is at byte `i` of `b`: false only when it is
    /// not (its [`Name::tail`] differs from the text's bytes where it would stand).
    #[inline]
    fn may_be_at(&self, b: &[u8], i: usize) -> bool {
        let len = self.bytes.len();
        match len.checked_sub(8) {
            Some(from) => b.get(i + from..i + len).is_some_and(|w| word_of(w) == self.tail),
            // (Near the end of the text: compared in full.)
            None => b.get(i..i + 8).is_none_or(|w| word_of(w) & (u64::MAX >> (64 - 8 * len)) == self.tail),
        }
    }
}

/// A name found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    /// Index of the place or actor.
    pub item: usize,
    /// Byte span of the matched text.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
}

/// A place in a text where a name may start: a [`word_starts`] entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordStart {
    /// Byte offset of the word's first character.
    pub start: usize,
    /// A key of its head (first eight bytes and length, mixed by a multiplication): its word characters, or its first
    /// character when that is not a word character ("Nagorno" in "Nagorno-Karabakh", "'" in
    /// "'s-Hertogenbosch").
    pub key: u64,
}

/// Which word starts may start a name: those whose head key is set in a bit filter (one bit
/// per hashed head key of the names), all that [`word_starts`] keeps and all that a matcher
/// asks; the starts at a digit or a character that is no word character only when some name
/// starts with one (read from the names' first bytes). Matchers run on the same starts share
/// one filter, the [`StartFilter::union`] of theirs.
#[derive(Debug, Clone)]
pub struct StartFilter {
    /// The first bytes of the names: a continuation byte (0x80 to 0xBF) never, as no string
    /// starts with one, unless the filter keeps every start ([`StartFilter::all`]).
    first: [bool; 256],
    /// Whether some name starts with a character that is no word character ("'s-Hertogenbosch").
    non_word: bool,
    keys: Box<[u64; FILTER_BITS / 64]>,
}

impl StartFilter {
    /// A filter that keeps every word start.
    pub fn all() -> StartFilter {
        StartFilter { first: [true; 256], non_word: true, keys: Box::new([u64::MAX; FILTER_BITS / 64]) }
    }

    fn none() -> StartFilter {
        StartFilter { first: [false; 256], non_word: false, keys: Box::new([0; FILTER_BITS / 64]) }
    }

    fn insert(&mut self, name: &str, key: u64) {
        let Some(c) = name.chars().next() else { return };
        self.first[usize::from(name.as_bytes()[0])] = true;
        self.non_word |= !is_word_char(c);
        let bit = filter_bit(key);
        self.keys[bit / 64] |= 1 << (bit % 64);
    }

    /// Whether a word with head key `key` may start a name, whatever its first byte: what
    /// [`word_starts`] keeps, and what the matchers ask.
    #[inline]
    fn keeps_key(&self, key: u64) -> bool {
        let bit = filter_bit(key);
        self.keys[bit / 64] >> (bit % 64) & 1 != 0
    }

    /// The filter keeping what either keeps.
    pub fn union(&self, other: &StartFilter) -> StartFilter {
        let mut u = self.clone();
        u.non_word |= other.non_word;
        for (f, o) in u.first.iter_mut().zip(&other.first) {
            *f |= *o;
        }
        for (k, o) in u.keys.iter_mut().zip(other.keys.iter()) {
            *k |= *o;
        }
        u
    }
}

/// A number standing for a head (`len` bytes of `b` from `i`): its first eight bytes, the
/// length (which tells apart only heads of eight bytes or more: a shorter one's bytes past
/// it are zeros, as no word byte is) xor'd into them, mixed by a multiplication (odd, so heads
/// share a key only when they share those),
/// whose top bits are its bit in a [`StartFilter`] and its slot in [`Buckets`], with no hash
/// taken again. Different heads can share a key; names are always compared in full.
fn head_key(b: &[u8], i: usize, len: usize) -> u64 {
    let mut buf = [0u8; 8];
    let n = len.min(8);
    buf[..n].copy_from_slice(&b[i..i + n]);
    key_of(u64::from_le_bytes(buf), len)
}

/// The [`head_key`] of a head of `len` bytes whose first eight bytes (or more) are `first`
/// (little-endian; bytes past the head are ignored).
#[inline]
fn key_of(first: u64, len: usize) -> u64 {
    key_of_masked(first & HEAD_MASKS[len.min(8)], len)
}

/// [`key_of`] of a head's first eight bytes with the bytes past the head already cleared.
#[inline]
fn key_of_masked(masked: u64, len: usize) -> u64 {
    // (The length xor'd as it is: one instruction.)
    (masked ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The bytes of a head of each length (of its first eight bytes: all eight from eight on),
/// read from a table (no branch); 128 entries, so that [`word_starts_masked`] reads it with
/// its index masked (one `and`) instead of clamped to eight (a compare and a move).
const HEAD_MASKS: [u64; 128] = {
    let mut m = [u64::MAX; 128];
    let mut n = 0;
    while n < 8 {
        m[n] = (1u64 << (8 * n)) - 1;
        n += 1;
    }
    m
};

/// Where a name may start: every character that is not white space and follows a non-word
/// character (or starts the text), in order, with its head; only those whose head key
/// `filter` keeps (the union of the [`NameMatcher::start_filter`]s of the matchers to run),
/// and at a digit or a character that is no word character only when some name starts so.
pub fn word_starts(text: &str, filter: &StartFilter) -> Vec<WordStart> {
    word_starts_masked(text, &crate::text::text_masks(text), filter)
}

/// [`word_starts`] read from the text's masks ([`crate::text::text_masks`], 64 bytes each).
pub(crate) fn word_starts_masked(text: &str, masks: &[crate::text::Masks], filter: &StartFilter) -> Vec<WordStart> {
    let b = text.as_bytes();
    // Room for the starts the filter keeps in a news text (a name's head is rarely more than
    // one word in three) without growing; a smaller block is allocated faster than room for
    // every word.
    let mut out = Vec::with_capacity(b.len() / 16 + 8);
    let mut prev_word = false;
    // Every start is written to a buffer and kept by advancing its length, so which starts
    // the filter keeps costs no branch (it is unpredictable). The buffer holds the starts of
    // several chunks (a chunk adds at most 64) and is copied out when it may have no room
    // for another chunk's, not after every chunk (a call of `memcpy` for two or three
    // starts). (Its entries are only read once written, so it is not filled first: 4 KB of
    // stores for each text.)
    let mut kept = [std::mem::MaybeUninit::<WordStart>::uninit(); KEPT];
    let mut n = 0;
    // When no name starts with a digit, the filter keeps no start at one: those are taken
    // out with the digit mask before any work.
    let digits = if (b'0'..=b'9').any(|d| filter.first[usize::from(d)]) { 0 } else { u64::MAX };
    // When no name starts with a character that is no word character (punctuation, a
    // quotation mark, a dash), the starts at one are taken out with the word mask.
    let non_word = if filter.non_word { u64::MAX } else { 0 };
    // The bytes of a chunk and the eight after it (zeros past the end of the text), so a
    // head's first eight bytes are one load without a bounds check.
    let mut padded = [0u8; 72];
    for (c, m) in masks.iter().enumerate() {
        let i = 64 * c;
        let window: &[u8; 72] = match b.get(i..i + 72).and_then(|w| w.try_into().ok()) {
            Some(w) => w,
            None => {
                let rest = b.get(i..).unwrap_or_default();
                let k = rest.len().min(72);
                padded[..k].copy_from_slice(&rest[..k]);
                padded[k..].fill(0);
                &padded
            }
        };
        let (word, space, continuation) = (m.word, m.space, m.continuation);
        // (Past the end of the text the masks say space: no start there.)
        let mut starts = !space & !((word << 1) | u64::from(prev_word)) & !continuation & !(m.digit & digits) & (word | non_word);
        // The first eight bytes from byte `j` of the chunk (`j` below 64).
        let eight = |j: usize| {
            u64::from_le_bytes([
                window[j],
                window[j + 1],
                window[j + 2],
                window[j + 3],
                window[j + 4],
                window[j + 5],
                window[j + 6],
                window[j + 7],
            ])
        };
        // The key of the head at any start `j` of the chunk.
        let key_at = |j: usize| {
            // The head: the run of word bytes from here (read from the masks, on into the
            // next chunks when it reaches the end of this one), or one character.
            let run = (!(word >> j)).trailing_zeros() as usize;
            // (And the index of its bytes' mask in `HEAD_MASKS`: its length, below 64 but for a
            // head that goes on into the next chunk, clamped to eight there, off the common path.)
            let (len, upto) = match run {
                // Not a word character: one character, its length told by its first byte (one
                // byte for ASCII, else as many as the byte's leading ones; a start is at no
                // continuation byte), as `head_len` gives it, with no call in this loop.
                0 => {
                    let n = (window[j].leading_ones() as usize).max(1);
                    (n, n)
                }
                r if j + r < 64 => (r, r),
                r => {
                    let n = r + leading_word_bytes(&masks[c + 1..]);
                    (n, n.min(8))
                }
            };
            key_of_masked(eight(j) & HEAD_MASKS[upto & 127], len)
        };
        if starts & !word == 0 {
            // Only starts at word characters (as most chunks have, the filter keeping none at
            // a character that is no word character): each head is a run of word bytes, and
            // all but the one that reaches the chunk's last byte (and may go on into the next
            // chunk) end inside the chunk, so its length is read from the mask with no test.
            // (None when the last byte is no word byte: a shift by 64, taken as no bits without
            // a branch.)
            let last_run = u64::MAX.checked_shl(64 - word.leading_ones()).unwrap_or(0);
            let mut inner = starts & !last_run;
            // (The bytes that are no word bytes: a run from a start ends at the first of them
            // after it, which there is in the chunk.)
            let not_word = !word;
            while inner != 0 {
                // (At most 64 starts, so `j` is below 64; the run from it ends below 64 too.)
                let j = inner.trailing_zeros() as usize & 63;
                inner &= inner - 1;
                let run = (not_word >> j).trailing_zeros() as usize;
                let key = key_of_masked(eight(j) & HEAD_MASKS[run & 127], run);
                kept[usize::from(n as u8)] = std::mem::MaybeUninit::new(WordStart { start: i + j, key });
                n += usize::from(filter.keeps_key(key));
            }
            // The start of the run that reaches the chunk's last byte, when it starts here: its
            // head goes on into the next chunks as far as their word bytes do.
            let tail = starts & last_run;
            if tail != 0 {
                let j = tail.trailing_zeros() as usize & 63;
                let len = 64 - j + leading_word_bytes(&masks[c + 1..]);
                let key = key_of_masked(eight(j) & HEAD_MASKS[len.min(8)], len);
                kept[usize::from(n as u8)] = std::mem::MaybeUninit::new(WordStart { start: i + j, key });
                n += usize::from(filter.keeps_key(key));
            }
            starts = 0;
        }
        // Every start of a chunk with starts at characters that are no word characters.
        while starts != 0 {
            let j = starts.trailing_zeros() as usize & 63;
            starts &= starts - 1;
            let key = key_at(j);
            kept[usize::from(n as u8)] = std::mem::MaybeUninit::new(WordStart { start: i + j, key });
            n += usize::from(filter.keeps_key(key));
        }
        // (At most `KEPT - 64` before the chunk, so at most `KEPT` after it.)
        if n > KEPT - 64 {
            out.extend_from_slice(written(&kept, n));
            n = 0;
        }
        prev_word = word >> 63 != 0;
    }
    out.extend_from_slice(written(&kept, n));
    out
}

/// The first `n` entries of a buffer of word starts (at most all of them), each written before
/// `n` counted it: the starts [`word_starts_masked`] and [`find_at_both`] keep in buffers not
/// filled first.
#[inline(always)]
fn written<const N: usize>(buf: &[std::mem::MaybeUninit<WordStart>; N], n: usize) -> &[WordStart] {
    let n = n.min(N);
    // SAFETY: the callers write an entry before their count takes it in (a count grows by at
    // most one after each write, at the index it had), so the first `n` are initialised; a
    // `MaybeUninit<WordStart>` has the layout of a `WordStart`.
    unsafe { std::slice::from_raw_parts(buf.as_ptr().cast::<WordStart>(), n) }
}

/// Room for the word starts [`word_starts_masked`] holds before copying them out (four
/// chunks' worth) and for each matcher's of a block in [`find_at_both`]: as many as a byte
/// counts, so that an index read as a byte needs no bounds check (one instruction, not a copy
/// and a mask).
const KEPT: usize = 256;
const _: () = assert!(KEPT == 1 << u8::BITS);

impl NameMatcher {
    fn build(patterns: Vec<(String, Target)>) -> Result<Self, Error> {
        // The patterns seen, borrowed from the list (a name's bytes are copied once, into its
        // `Name`), by a fast hash.
        let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::with_capacity_and_hasher(patterns.len(), Default::default());
        let (mut count, mut excludes) = (0usize, false);
        let mut starts = StartFilter::none();
        let mut by_head: rustc_hash::FxHashMap<u64, Vec<Name>> = rustc_hash::FxHashMap::default();
        for (p, t) in &patterns {
            let (p, t) = (p.trim(), *t);
            if p.is_empty() || !seen.insert(p) {
                continue;
            }
            let too_many = || Error::Data { path: "matcher".into(), message: "too many names".into() };
            let index = u32::try_from(count).map_err(|_| too_many())?;
            let target = match t {
                Target::Item(item) => u32::try_from(item).ok().filter(|&k| k != EXCLUDED).ok_or_else(too_many)?,
                Target::Exclude => EXCLUDED,
            };
            excludes |= t == Target::Exclude;
            let key = head_key(p.as_bytes(), 0, head_len(p, 0));
            starts.insert(p, key);
            by_head.entry(key).or_default().push(Name::new(index, target, p.as_bytes()));
            count += 1;
        }
        let by_head = Buckets::of(by_head.into_iter().map(|(key, names)| (key, Bucket::of(names))).collect());
        Ok(NameMatcher { by_head, starts, excludes })
    }

    /// All whole-word matches in `text`, left to right, not overlapping.
    pub fn find(&self, text: &str) -> Vec<NameMatch> {
        self.find_with_exclusions(text).0
    }

    /// Matches, and the spans of exclusion phrases ("Geneva Conventions") that were skipped.
    pub fn find_with_exclusions(&self, text: &str) -> (Vec<NameMatch>, Vec<(usize, usize)>) {
        self.find_at(text, &word_starts(text, &self.starts), &[])
    }

    /// The word starts a name of this matcher can begin at, for [`word_starts`].
    pub fn start_filter(&self) -> &StartFilter {
        &self.starts
    }

    /// [`NameMatcher::find_with_exclusions`] with the text's [`word_starts`] already found
    /// (in increasing order, for at least this matcher's [`NameMatcher::start_filter`]).
    /// `breaks` are the offsets of the line breaks that an unwrapped text reads as spaces
    /// (`text::soft_breaks`, in order): a name cut by one may hold more spaces than it has
    /// ([`name_end`]); elsewhere a name is matched only as it is written.
    pub fn find_at(&self, text: &str, starts: &[WordStart], breaks: &[usize]) -> (Vec<NameMatch>, Vec<(usize, usize)>) {
        let mut search = Search::new(self, starts.len(), text.len());
        if self.by_head.is_empty() {
            return (search.out, search.excluded);
        }
        // The starts are those of all matchers run on the text: this one's are first copied out
        // of each block of them, kept by advancing a count (no branch: many are another
        // matcher's, a branch that would be mispredicted for many), and only they are read on.
        let mut own = [WordStart { start: 0, key: 0 }; 64];
        for block in starts.chunks(64) {
            let mut m = 0;
            for &w in block {
                own[m % 64] = w;
                m += usize::from(self.starts.keeps_key(w.key));
            }
            for &w in &own[..m.min(64)] {
                search.at(text, breaks, w);
            }
        }
        (search.out, search.excluded)
    }
}

/// What [`NameMatcher::find_at`] finds: the matches, and the spans of the exclusion phrases
/// skipped.
pub type Found = (Vec<NameMatch>, Vec<(usize, usize)>);

/// Two matchers' [`NameMatcher::find_at`] over the same word starts, their own starts copied
/// out of each block of them in one pass (each start read once, written to the buffer of each
/// matcher and kept by advancing that matcher's count), not one pass for each matcher; the
/// same matches as two calls of [`NameMatcher::find_at`].
fn find_at_both(a: &NameMatcher, b: &NameMatcher, text: &str, starts: &[WordStart], breaks: &[usize]) -> [Found; 2] {
    if a.by_head.is_empty() || b.by_head.is_empty() {
        return [a.find_at(text, starts, breaks), b.find_at(text, starts, breaks)];
    }
    let (mut sa, mut sb) = (Search::new(a, starts.len(), text.len()), Search::new(b, starts.len(), text.len()));
    // (Not filled first: each entry is read only once written. Room for as many as a byte
    // counts, so that a count read as a byte needs no bounds check: one instruction, not a copy
    // and a mask; a block's 64 starts fill at most the first 64.)
    let mut own_a = [std::mem::MaybeUninit::<WordStart>::uninit(); KEPT];
    let mut own_b = [std::mem::MaybeUninit::<WordStart>::uninit(); KEPT];
    for block in starts.chunks(64) {
        let (mut ma, mut mb) = (0usize, 0usize);
        for &w in block {
            own_a[usize::from(ma as u8)] = std::mem::MaybeUninit::new(w);
            own_b[usize::from(mb as u8)] = std::mem::MaybeUninit::new(w);
            ma += usize::from(a.starts.keeps_key(w.key));
            mb += usize::from(b.starts.keeps_key(w.key));
        }
        for &w in written(&own_a, ma) {
            sa.at(text, breaks, w);
        }
        for &w in written(&own_b, mb) {
            sb.at(text, breaks, w);
        }
    }
    [(sa.out, sa.excluded), (sb.out, sb.excluded)]
}

/// What a matcher's search through the word starts of a text ([`NameMatcher::find_at`]) has
/// found so far and where it stands.
struct Search<'m> {
    m: &'m NameMatcher,
    out: Vec<NameMatch>,
    excluded: Vec<(usize, usize)>,
    /// The first of the text's soft breaks not before the last start read.
    gap: usize,
    /// Where the last name found ends: no name starts before it.
    free_from: usize,
    /// The bytes from `free_from` to the end of the text (a name found ends in the text): a
    /// start is among them when `i - free_from`, which wraps around for a start before
    /// `free_from`, is below their count, told by one compare.
    room: usize,
}

impl<'m> Search<'m> {
    #[inline]
    fn new(m: &'m NameMatcher, starts: usize, text_len: usize) -> Search<'m> {
        // Room for the names of a news article (a few dozen) and, when the matcher has any,
        // its exclusion phrases and demonyms, without growing.
        Search {
            m,
            excluded: Vec::with_capacity(if m.excludes { starts.min(32) } else { 0 }),
            out: Vec::with_capacity(starts.min(64)),
            gap: 0,
            free_from: 0,
            room: text_len,
        }
    }

    /// Reads on at the word start `w` (one the matcher's filter keeps, after those read
    /// before): the longest name there, if any, found and kept.
    #[inline(always)]
    fn at(&mut self, text: &str, gaps: &[usize], w: WordStart) {
        let WordStart { start: i, key } = w;
        let b = text.as_bytes();
        // (Only the head key is asked, not the first byte: the byte of a start that the key
        // keeps and no name starts with, a continuation byte at a start that is no character
        // boundary of `text` among them, is no name's first byte, so no name is there. A
        // start past the end of the text is passed over.)
        if i.wrapping_sub(self.free_from) >= self.room {
            return;
        }
        let Some(bucket) = self.m.by_head.get(key) else { return };
        let names = &bucket.names;
        // The longest name with this head key that is in the text here and ends on a word boundary.
        while gaps.get(self.gap).is_some_and(|&g| g < i) {
            self.gap += 1;
        }
        let next_gap = gaps.get(self.gap).copied().unwrap_or(usize::MAX);
        let found = if next_gap >= i + bucket.longest as usize {
            // No soft break within the longest name: each name is there only as it is
            // written, so only those with the text's byte at the bucket's offset (or
            // without one) are compared.
            let Some((group, short)) = bucket.candidates(b.get(i + bucket.at as usize).copied()) else { return };
            // (The group, then the short names: two loops, no chained iterator's state.)
            let mut found = None;
            for name in group {
                let end = i + name.bytes.len();
                if name.is_at(b, i) && ends_word_at(text, end) {
                    found = Some((name.target, end));
                    break;
                }
            }
            if found.is_none() {
                for name in short {
                    let end = i + name.bytes.len();
                    if name.is_at(b, i) && ends_word_at(text, end) {
                        found = Some((name.target, end));
                        break;
                    }
                }
            }
            found
        } else {
            let ends_word = |name: &Name, end: usize| ends_word_at(text, end).then_some((name.target, end));
            bucket.by_length.iter().filter_map(|&k| names.get(k as usize)).find_map(|name| {
                let spaced = next_gap < i + name.bytes.len();
                // (Where no soft break can widen it, the name is there only as it is written.)
                if !spaced && !name.may_be_at(b, i) {
                    return None;
                }
                ends_word(name, name_end(b, i, &name.bytes, spaced)?)
            })
        };
        if let Some((target, end)) = found {
            if target == EXCLUDED {
                self.excluded.push((i, end));
            } else {
                self.out.push(NameMatch { item: target as usize, start: i, end });
            }
            self.free_from = end;
            self.room = b.len().saturating_sub(end);
        }
    }
}

/// Whether no word character starts at byte `end` of `text` (a name written up to there
/// ends a word); an ASCII byte is read as it is, by one read of a table.
#[inline]
fn ends_word_at(text: &str, end: usize) -> bool {
    match text.as_bytes().get(end) {
        Some(&c) if c < 0x80 => ENDS_WORD[usize::from(c)],
        _ => next_char(text, end).is_none_or(|c| !is_word_char(c)),
    }
}

/// For each ASCII byte, whether it is no word byte ([`crate::text::is_ascii_word_byte`]).
const ENDS_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = !crate::text::is_ascii_word_byte(c as u8);
        c += 1;
    }
    t
};

/// Where `name` ends when it is written at byte `i` of `b`: as it is, or with more spaces
/// after a space or hyphen of the name, as a hard-wrapped line break leaves them in the
/// unwrapped text (`text::unwrap_lines`: "Nagorno\r\nKarabakh" reads "Nagorno  Karabakh",
/// "Nagorno-\nKarabakh" reads "Nagorno- Karabakh"); `spaced` says whether such a space
/// stands within the name's length from `i` (else only the name as it is is looked for).
#[inline]
fn name_end(b: &[u8], i: usize, name: &[u8], spaced: bool) -> Option<usize> {
    let rest = &b[i..];
    if rest.starts_with(name) {
        return Some(i + name.len());
    }
    if !spaced {
        return None;
    }
    // Only where the text has a space the name has not, right after a space or hyphen.
    let k = rest.iter().zip(name).take_while(|(x, y)| x == y).count();
    if k == 0 || k >= name.len() || !matches!(name[k - 1], b' ' | b'-') || rest.get(k) != Some(&b' ') {
        return None;
    }
    let (mut p, mut q) = (k, k);
    while p < name.len() {
        if rest.get(q) == Some(&name[p]) {
            p += 1;
            q += 1;
        } else if rest.get(q) == Some(&b' ') && matches!(name[p - 1], b' ' | b'-') {
            q += 1;
        } else {
            return None;
        }
    }
    Some(i + q)
}

/// The word bytes that open the chunks of `masks` (on from chunk to chunk while one is all
/// word bytes): how a head that reaches the end of a chunk runs on.
fn leading_word_bytes(masks: &[crate::text::Masks]) -> usize {
    let mut n = 0;
    for m in masks {
        let t = (!m.word).trailing_zeros() as usize;
        n += t;
        if t < 64 {
            break;
        }
    }
    n
}

/// Length in bytes of the head of `text` at byte `i` (a character boundary): its word
/// characters, or its first character when that is not a word character.
fn head_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() {
        let c = b[j];
        if c < 0x80 {
            if !crate::text::is_ascii_word_byte(c) {
                break;
            }
            j += 1;
        } else {
            match next_char(text, j) {
                Some(ch) if is_word_char(ch) => j += ch.len_utf8(),
                _ => break,
            }
        }
    }
    if j == i { next_char(text, i).map_or(0, char::len_utf8) } else { j - i }
}

/// Typographic variants of a name: straight and curly apostrophes, upper case for datelines.
fn variants(name: &str, upper: bool) -> Vec<String> {
    let mut v = vec![name.to_string()];
    if name.contains('\'') {
        v.push(name.replace('\'', "’"));
    }
    if name.contains('’') {
        v.push(name.replace('’', "'"));
    }
    if upper && name.chars().count() >= 4 {
        let u = name.to_uppercase();
        if u != name {
            v.push(u);
        }
    }
    v
}

/// The ways a name is capitalised in running text: as written, all lower case, every word
/// capitalised, first letter lowered ("the Kremlin") and raised ("The Kremlin"). (Each
/// variant written into one string made with room for it: the word's first character cased,
/// then the rest of it as it is, not collected character by character.)
fn case_variants(name: &str) -> Vec<String> {
    // `w` pushed to `out` with its first character in upper or lower case.
    let push_cased = |out: &mut String, w: &str, upper: bool| {
        let mut c = w.chars();
        match c.next() {
            Some(f) if upper => out.extend(f.to_uppercase()),
            Some(f) => out.extend(f.to_lowercase()),
            None => {}
        }
        out.push_str(c.as_str());
    };
    let mut title = String::with_capacity(name.len() + 4);
    for (k, w) in name.split(' ').enumerate() {
        if k > 0 {
            title.push(' ');
        }
        push_cased(&mut title, w, true);
    }
    let flip_first = |upper: bool| {
        let mut out = String::with_capacity(name.len() + 4);
        push_cased(&mut out, name, upper);
        out
    };
    let mut v = vec![name.to_string(), title, flip_first(true), flip_first(false)];
    // All lower case only for multi-word descriptions ("foreign ministry"), not for names.
    if name.contains(' ') && name.split(' ').any(|w| w.chars().next().is_some_and(char::is_lowercase)) {
        v.push(name.to_lowercase());
    }
    v.sort();
    v.dedup();
    v
}

/// Turn a TOML error into "line L, column C: message".
fn toml_message(text: &str, e: &toml::de::Error) -> String {
    let msg = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            let (l, c) = line_col(text, span.start);
            format!("line {l}, column {c}: {msg}")
        }
        None => msg,
    }
}

/// A hash of some byte strings (each one's length included, so the parts cannot run together).
pub(crate) fn source_hash(parts: &[&[u8]]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for p in parts {
        h.write_usize(p.len());
        h.write(p);
    }
    h.finish()
}

fn read_file(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

/// The places, their names, and the compiled matcher.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// All places, in file order.
    pub places: Vec<PlaceEntry>,
    /// Global exclusion phrases.
    pub exclude: Vec<String>,
    /// Words for peoples and sides ("Armenian", "Azeri"): never places, never unknown names.
    pub demonyms: Vec<String>,
    demonym_set: rustc_hash::FxHashSet<String>,
    /// A filter of [`Gazetteer::demonyms`], asked before the set (most words are none).
    demonym_filter: crate::text::WordFilter,
    /// Capitalised names that are neither places nor worth listing as unknown (news agencies,
    /// social networks).
    pub ignore_names: rustc_hash::FxHashSet<String>,
    /// Place ids as shared [`Id`](crate::model::Id)s, in the order of [`Gazetteer::places`].
    pub place_ids: Vec<crate::model::Id>,
    matcher: NameMatcher,
    /// [`source_hash`] of the text it was parsed from (of both, when extended).
    source: u64,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary.
    pub fn embedded() -> Result<Self, Error> {
        Self::parse(EMBEDDED_GAZETTEER, "embedded:data/gazetteer.toml")
    }

    /// Read a gazetteer file.
    pub fn from_file(path: &Path) -> Result<Self, Error> {
        Self::parse(&read_file(path)?, &path.display().to_string())
    }

    /// Parse and validate gazetteer TOML; `origin` names the file in messages.
    pub fn parse(text: &str, origin: &str) -> Result<Self, Error> {
        let file: GazetteerFile = toml::from_str(text).map_err(|e| Error::Data { path: origin.into(), message: toml_message(text, &e) })?;
        let mut g = Self::build(file.place, file.exclude, file.demonyms, origin, Some(text))?;
        g.ignore_names = file.ignore_names.into_iter().collect();
        g.source = source_hash(&[text.as_bytes()]);
        Ok(g)
    }

    fn build(
        places: Vec<PlaceEntry>,
        exclude: Vec<String>,
        demonyms: Vec<String>,
        origin: &str,
        text: Option<&str>,
    ) -> Result<Self, Error> {
        let mut ids = HashSet::new();
        let where_is = |id: &str| -> String {
            text.and_then(|t| t.find(&format!("\"{id}\"")).map(|o| line_col(t, o)))
                .map(|(l, c)| format!("line {l}, column {c}: "))
                .unwrap_or_default()
        };
        for p in &places {
            let bad = |m: String| Error::Data { path: origin.into(), message: format!("{}{m}", where_is(&p.id)) };
            if p.id.trim().is_empty() {
                return Err(bad(format!("place {:?} has an empty id", p.name)));
            }
            if !ids.insert(p.id.clone()) {
                return Err(bad(format!("duplicate place id {:?}", p.id)));
            }
            if !(-90.0..=90.0).contains(&p.lat) || !p.lat.is_finite() {
                return Err(bad(format!("place {:?}: latitude {} is outside -90..90", p.id, p.lat)));
            }
            if !(-180.0..=180.0).contains(&p.lon) || !p.lon.is_finite() {
                return Err(bad(format!("place {:?}: longitude {} is outside -180..180", p.id, p.lon)));
            }
            if p.radius_km.is_nan() || p.radius_km < 0.0 {
                return Err(bad(format!("place {:?}: radius_km must be positive", p.id)));
            }
        }
        let mut patterns = Vec::new();
        for e in exclude.iter().chain(&demonyms) {
            for v in variants(e, true) {
                patterns.push((v, Target::Exclude));
            }
        }
        for p in &places {
            for e in &p.exclude {
                for v in variants(e, true) {
                    patterns.push((v, Target::Exclude));
                }
            }
        }
        for (i, p) in places.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                for v in variants(name, true) {
                    patterns.push((v, Target::Item(i)));
                }
            }
        }
        let matcher = NameMatcher::build(patterns)?;
        let demonym_set = demonyms.iter().cloned().collect();
        let demonym_filter = crate::text::WordFilter::of(demonyms.iter().map(String::as_str));
        let place_ids = places.iter().map(|p| crate::model::Id::from(p.id.as_str())).collect();
        Ok(Gazetteer {
            places,
            exclude,
            demonyms,
            demonym_set,
            demonym_filter,
            ignore_names: Default::default(),
            place_ids,
            matcher,
            source: 0,
        })
    }

    /// A hash of the text it was parsed from (of both texts, when extended): the same
    /// source gives the same matches ([`crate::engine::Engine::fingerprint`]).
    pub fn source(&self) -> u64 {
        self.source
    }

    /// This gazetteer with another's places added (same id: the other's entry wins).
    pub fn extended(self, other: Gazetteer) -> Result<Self, Error> {
        let source = source_hash(&[&self.source.to_le_bytes(), &other.source.to_le_bytes()]);
        let mut places = self.places;
        for p in other.places {
            match places.iter_mut().find(|q| q.id == p.id) {
                Some(q) => *q = p,
                None => places.push(p),
            }
        }
        let mut exclude = self.exclude;
        exclude.extend(other.exclude);
        let mut demonyms = self.demonyms;
        demonyms.extend(other.demonyms);
        let mut ignore = self.ignore_names;
        ignore.extend(other.ignore_names);
        let mut g = Self::build(places, exclude, demonyms, "extended gazetteer", None)?;
        g.ignore_names = ignore;
        g.source = source;
        Ok(g)
    }

    /// Whether a word names a people or side ("Armenian", "Azeri").
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonym_filter.may_hold(word) && self.demonym_set.contains(word)
    }

    /// Place mentions in a text.
    pub fn find(&self, text: &str) -> Vec<NameMatch> {
        self.matcher.find(text)
    }

    /// Place mentions, and the spans of exclusion phrases and demonyms skipped.
    pub fn find_with_exclusions(&self, text: &str) -> (Vec<NameMatch>, Vec<(usize, usize)>) {
        self.matcher.find_with_exclusions(text)
    }

    /// The word starts a place name can begin at, for [`word_starts`].
    pub fn start_filter(&self) -> &StartFilter {
        self.matcher.start_filter()
    }

    /// [`Gazetteer::find_with_exclusions`] with the text's [`word_starts`] already found.
    /// `breaks`: the soft line breaks of an unwrapped text, as for [`NameMatcher::find_at`].
    pub fn find_at(&self, text: &str, starts: &[WordStart], breaks: &[usize]) -> (Vec<NameMatch>, Vec<(usize, usize)>) {
        self.matcher.find_at(text, starts, breaks)
    }

    /// [`Gazetteer::find_at`] and `actors`' [`Actors::find_at`] of the same text and word
    /// starts (found for both: the union of their [`Gazetteer::start_filter`] and
    /// [`Actors::start_filter`]), the starts read once for both.
    pub fn find_at_with_actors(&self, actors: &Actors, text: &str, starts: &[WordStart], breaks: &[usize]) -> (Found, Vec<NameMatch>) {
        let [places, actors] = find_at_both(&self.matcher, &actors.matcher, text, starts, breaks);
        (places, actors.0)
    }

    /// Every name and alias, one per entry, for `dateline gazetteer --aliases`.
    pub fn aliases(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.places.iter().flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)).flat_map(|n| variants(n, false)).collect();
        v.sort();
        v.dedup();
        v
    }
}

/// The people and bodies who speak or claim.
#[derive(Debug, Clone)]
pub struct Actors {
    /// All actors, in file order.
    pub actors: Vec<Actor>,
    matcher: NameMatcher,
    by_id: HashMap<String, usize>,
    /// [`source_hash`] of the text it was parsed from (of both, when extended).
    source: u64,
}

impl Actors {
    /// The actors embedded in the binary.
    pub fn embedded() -> Result<Self, Error> {
        Self::parse(EMBEDDED_ACTORS, "embedded:data/actors.toml")
    }

    /// Read an actors file.
    pub fn from_file(path: &Path) -> Result<Self, Error> {
        Self::parse(&read_file(path)?, &path.display().to_string())
    }

    /// Parse and validate actors TOML.
    pub fn parse(text: &str, origin: &str) -> Result<Self, Error> {
        let file: ActorsFile = toml::from_str(text).map_err(|e| Error::Data { path: origin.into(), message: toml_message(text, &e) })?;
        let mut a = Self::build(file.actor, origin)?;
        a.source = source_hash(&[text.as_bytes()]);
        Ok(a)
    }

    fn build(actors: Vec<Actor>, origin: &str) -> Result<Self, Error> {
        let mut by_id = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            if by_id.insert(a.id.clone(), i).is_some() {
                return Err(Error::Data { path: origin.into(), message: format!("duplicate actor id {:?}", a.id) });
            }
        }
        let mut patterns = Vec::new();
        for (i, a) in actors.iter().enumerate() {
            for name in std::iter::once(&a.name).chain(&a.aliases) {
                for cased in case_variants(name) {
                    for v in variants(&cased, false) {
                        patterns.push((v, Target::Item(i)));
                    }
                }
            }
        }
        // Case variants instead of a case-insensitive automaton: same matches for the ways
        // news text writes names, and the fast (SIMD) prefilter stays available.
        let matcher = NameMatcher::build(patterns)?;
        Ok(Actors { actors, matcher, by_id, source: 0 })
    }

    /// A hash of the text it was parsed from (of both texts, when extended): the same
    /// source gives the same matches ([`crate::engine::Engine::fingerprint`]).
    pub fn source(&self) -> u64 {
        self.source
    }

    /// These actors with another list's added (same id: the other's entry wins).
    pub fn extended(self, other: Actors) -> Result<Self, Error> {
        let source = source_hash(&[&self.source.to_le_bytes(), &other.source.to_le_bytes()]);
        let mut actors = self.actors;
        for a in other.actors {
            match actors.iter_mut().find(|b| b.id == a.id) {
                Some(b) => *b = a,
                None => actors.push(a),
            }
        }
        let mut a = Self::build(actors, "extended actors")?;
        a.source = source;
        Ok(a)
    }

    /// Actor names in a text.
    pub fn find(&self, text: &str) -> Vec<NameMatch> {
        self.matcher.find(text)
    }

    /// The word starts an actor's name can begin at, for [`word_starts`].
    pub fn start_filter(&self) -> &StartFilter {
        self.matcher.start_filter()
    }

    /// [`Actors::find`] with the text's [`word_starts`] already found.
    /// `breaks`: the soft line breaks of an unwrapped text, as for [`NameMatcher::find_at`].
    pub fn find_at(&self, text: &str, starts: &[WordStart], breaks: &[usize]) -> Vec<NameMatch> {
        self.matcher.find_at(text, starts, breaks).0
    }

    /// The actor with this id.
    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).map(|&i| &self.actors[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::prev_char;

    const SMALL: &str = r#"
exclude = ["Geneva Conventions", "Minsk Group"]
demonyms = ["Armenian", "Azeri"]
[[place]]
id = "geneva"
name = "Geneva"
lat = 46.2044
lon = 6.1432
kind = "city"
country = "Switzerland"
[[place]]
id = "moscow"
name = "Moscow"
lat = 55.7558
lon = 37.6173
kind = "city"
country = "Russia"
[[place]]
id = "azerbaijan"
name = "Azerbaijan"
lat = 40.5
lon = 47.5
kind = "country"
country = "Azerbaijan"
[[place]]
id = "ganja"
name = "Ganja"
aliases = ["Gəncə"]
lat = 40.68
lon = 46.36
kind = "city"
country = "Azerbaijan"
[[place]]
id = "nk"
name = "Nagorno-Karabakh"
aliases = ["Karabakh"]
lat = 39.8
lon = 46.7
kind = "region"
country = "Azerbaijan"
"#;

    fn names(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(text).iter().map(|m| text[m.start..m.end].to_string()).collect()
    }

    #[test]
    fn table_of_place_matches() {
        let g = Gazetteer::parse(SMALL, "test").unwrap_or_else(|e| panic!("{e}"));
        let cases: &[(&str, &[&str])] = &[
            ("violations of the Geneva Conventions", &[]),
            ("talks in Geneva on Thursday", &["Geneva"]),
            ("the OSCE Minsk Group", &[]),
            ("after Moscow-brokered negotiations", &["Moscow"]),
            ("Azerbaijan’s President", &["Azerbaijan"]),
            ("Azerbaijan's foreign ministry", &["Azerbaijan"]),
            ("Azerbaijani forces", &[]),
            ("an Armenian and an Azeri", &[]),
            ("the city of Gəncə was hit", &["Gəncə"]),
            ("the Nagorno-Karabakh region and Karabakh", &["Nagorno-Karabakh", "Karabakh"]),
            ("MOSCOW, October 4. /TASS/", &["MOSCOW"]),
            ("Ganjaville", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(names(&g, text), *want, "in {text:?}");
        }
    }

    #[test]
    fn the_longest_name_that_ends_a_word_wins() {
        let pats = |v: &[&str]| v.iter().enumerate().map(|(i, p)| (p.to_string(), Target::Item(i))).collect::<Vec<_>>();
        let m = NameMatcher::build(pats(&["Ganja", "Ganja C", "Nagorno-Karabakh", "Karabakh", "'s-Hertogenbosch"]))
            .unwrap_or_else(|e| panic!("{e}"));
        let found = |t: &str| m.find(t).iter().map(|x| t[x.start..x.end].to_string()).collect::<Vec<_>>();
        // "Ganja C" would end inside "City": the shorter name that ends a word is taken.
        assert_eq!(found("Ganja City"), ["Ganja"]);
        // A name inside a longer word is no name; the next word may be one.
        assert_eq!(found("xNagorno-Karabakh"), ["Karabakh"]);
        assert_eq!(found("Karabakhi"), Vec::<String>::new());
        // Names may start with punctuation, after a non-word character.
        assert_eq!(found("in 's-Hertogenbosch."), ["'s-Hertogenbosch"]);
        assert_eq!(found("“Ganja”, Gəncə, Ganja’s"), ["Ganja", "Ganja"]);
        // Heads that agree in their first eight bytes and length share a bucket; each name
        // is still compared in full, at the end of the text too.
        let m = NameMatcher::build(pats(&["Stepanakert City", "Stepanakort", "Stepanakert"])).unwrap_or_else(|e| panic!("{e}"));
        let found = |t: &str| m.find(t).iter().map(|x| (x.item, t[x.start..x.end].to_string())).collect::<Vec<_>>();
        assert_eq!(
            found("Stepanakort and Stepanakert City, Stepanakert"),
            [(1, "Stepanakort".to_string()), (0, "Stepanakert City".to_string()), (2, "Stepanakert".to_string())]
        );
        assert_eq!(found("Stepanakertx Stepanakor"), []);
    }

    /// The matcher's answer, worked out the slow way: at every position after a non-word
    /// character, the longest pattern that ends before a non-word character; left to right.
    fn brute_force(pats: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut free_from = 0;
        for (i, _) in text.char_indices() {
            if i < free_from || prev_char(text, i).is_some_and(is_word_char) || next_char(text, i).is_some_and(char::is_whitespace) {
                continue;
            }
            let best = pats
                .iter()
                .enumerate()
                .filter(|(_, p)| text[i..].starts_with(**p) && next_char(text, i + p.len()).is_none_or(|c| !is_word_char(c)))
                .max_by_key(|(k, p)| (p.len(), std::cmp::Reverse(*k)));
            if let Some((k, p)) = best {
                out.push((k, i, i + p.len()));
                free_from = i + p.len();
            }
        }
        out
    }

    /// The table of bytes that end a word is the byte test, for every ASCII byte, and a name
    /// ends before a character beyond ASCII that is no word character only.
    /// [`case_variants`] as first written, each variant collected character by character:
    /// the reference the tests check it against.
    fn case_variants_by_chars(name: &str) -> Vec<String> {
        let title: String = name
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let flip_first = |upper: bool| {
            let mut c = name.chars();
            match c.next() {
                Some(f) if upper => f.to_uppercase().chain(c).collect::<String>(),
                Some(f) => f.to_lowercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        };
        let mut v = vec![name.to_string(), title, flip_first(true), flip_first(false)];
        // All lower case only for multi-word descriptions ("foreign ministry"), not for names.
        if name.contains(' ') && name.split(' ').any(|w| w.chars().next().is_some_and(char::is_lowercase)) {
            v.push(name.to_lowercase());
        }
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn ends_word_table_is_the_byte_test() {
        for c in 0u8..128 {
            assert_eq!(ENDS_WORD[usize::from(c)], !crate::text::is_ascii_word_byte(c), "{c:#x}");
            let text = format!("ab{}", c as char);
            assert_eq!(ends_word_at(&text, 2), !is_word_char(c as char), "{c:#x}");
        }
        assert!(!ends_word_at("abə", 2) && ends_word_at("ab’", 2) && ends_word_at("ab", 2));
    }

    /// A head that runs across chunks (one of more than 64 bytes across two of them) has
    /// its whole length in its key.
    #[test]
    fn heads_across_chunks_are_whole() {
        for text in [format!("{} {} x", "a".repeat(60), "Ə".repeat(80)), format!("x {}.", "b".repeat(200))] {
            for filter in [StartFilter::all(), StartFilter { non_word: false, ..StartFilter::all() }] {
                for w in word_starts(&text, &filter) {
                    assert_eq!(w.key, head_key(text.as_bytes(), w.start, head_len(&text, w.start)), "head at {}", w.start);
                }
            }
        }
    }

    #[test]
    fn eight_byte_classes_agree_with_byte_tests() {
        // Every ASCII byte in every lane, among neighbours that differ.
        for c in 0u8..128 {
            for lane in 0..8 {
                let mut bytes = [b'a', b' ', b'_', b'9', b'\x0b', b'Z', b'/', b':'];
                bytes[lane] = c;
                let (word, space, digit) = crate::text::ascii_word_space_digit(u64::from_le_bytes(bytes));
                for (k, &x) in bytes.iter().enumerate() {
                    assert_eq!(word >> k & 1 == 1, crate::text::is_ascii_word_byte(x), "word bit of {x:#x} in lane {k}");
                    assert_eq!(space >> k & 1 == 1, x.is_ascii_whitespace(), "space bit of {x:#x} in lane {k}");
                    assert_eq!(digit >> k & 1 == 1, x.is_ascii_digit(), "digit bit of {x:#x} in lane {k}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn buckets_find_each_key_as_a_hash_map(
            keys in proptest::collection::hash_set(proptest::prelude::any::<u64>(), 0..300),
            others in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..50),
        ) {
            let keyed: Vec<(u64, Bucket)> =
                keys.iter().map(|&k| (k, Bucket { at: (k % 1000) as u32, ..Bucket::default() })).collect();
            let table = Buckets::of(keyed);
            for k in keys.iter().chain(&others) {
                let want = keys.contains(k).then_some((k % 1000) as u32);
                proptest::prop_assert_eq!(table.get(*k).map(|b| b.at), want);
            }
            // Keys that differ only in their top byte, and the key zero.
            let table = Buckets::of((0..40u64).map(|k| (k << 56, Bucket { at: k as u32, ..Bucket::default() })).collect());
            for k in 0..40u64 {
                proptest::prop_assert_eq!(table.get(k << 56).map(|b| b.at), Some(k as u32));
            }
        }

        #[test]
        // (Up to 300 parts: more than a block of 64 starts, which `find_at` reads a block at a time.)
        fn matcher_agrees_with_brute_force(parts in proptest::collection::vec(0usize..16, 0..300)) {
            const PATS: &[&str] = &["Ganja", "Ganja C", "Gəncə", "Nagorno-Karabakh", "Karabakh", "Geneva", "Geneva Conventions", "Ст", "Степанакерт", "the Kremlin", "Kremlin"];
            const PARTS: &[&str] = &["Ganja", " ", "Gəncə", "Nagorno-", "Karabakh", "Geneva", " Conventions", "Ст", "епанакерт", "the ", "Kremlin", "x", "’s", "-", "C", "ity"];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let m = NameMatcher::build(PATS.iter().enumerate().map(|(i, p)| (p.to_string(), Target::Item(i))).collect())
                .unwrap_or_else(|e| panic!("{e}"));
            let got: Vec<(usize, usize, usize)> = m.find(&text).iter().map(|x| (x.item, x.start, x.end)).collect();
            proptest::prop_assert_eq!(got, brute_force(PATS, &text), "in {:?}", text);
        }

        /// Two matchers run over the same word starts in one pass find what each finds alone,
        /// exclusions included, across blocks of 64 starts (up to 300 parts), with soft breaks.
        #[test]
        fn two_matchers_in_one_pass_find_what_each_finds(
            parts in proptest::collection::vec(0usize..16, 0..300),
            breaks in proptest::collection::btree_set(0usize..2000, 0..4),
        ) {
            const A: &[&str] = &["Ganja", "Ganja C", "Gəncə", "Nagorno-Karabakh", "Karabakh", "Geneva", "Степанакерт"];
            const B: &[&str] = &["the Kremlin", "Kremlin", "Karabakh", "Ст", "Ganja City", "x"];
            const PARTS: &[&str] = &["Ganja", " ", "Gəncə", "Nagorno-", "Karabakh", "Geneva", " Conventions", "Ст", "епанакерт", "the ", "Kremlin", "x", "’s", "-", "C", "ity"];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let a = NameMatcher::build(
                A.iter().enumerate().map(|(i, p)| (p.to_string(), Target::Item(i))).chain([("Geneva Conventions".to_string(), Target::Exclude)]).collect(),
            )
            .unwrap_or_else(|e| panic!("{e}"));
            let b = NameMatcher::build(B.iter().enumerate().map(|(i, p)| (p.to_string(), Target::Item(i))).collect()).unwrap_or_else(|e| panic!("{e}"));
            let starts = word_starts(&text, &a.start_filter().union(b.start_filter()));
            let breaks: Vec<usize> = breaks.into_iter().filter(|&k| k < text.len()).collect();
            let [got_a, got_b] = find_at_both(&a, &b, &text, &starts, &breaks);
            proptest::prop_assert_eq!(got_a, a.find_at(&text, &starts, &breaks), "in {:?}", text);
            proptest::prop_assert_eq!(got_b, b.find_at(&text, &starts, &breaks), "in {:?}", text);
        }

        /// Starts handed in at any byte, inside a character too, with any name's head key:
        /// a name is found only at a character boundary (a continuation byte starts no name,
        /// so the matcher's first bytes pass over every other start).
        #[test]
        fn starts_inside_a_character_find_nothing(parts in proptest::collection::vec(0usize..16, 0..40)) {
            const PATS: &[&str] = &["Ganja", "Gəncə", "əncə", "Ст", "Степанакерт", "епанакерт", "тепанакерт", "’s", "s", "Kremlin"];
            const PARTS: &[&str] = &["Ganja", " ", "Gəncə", "əncə", "Ст", "епанакерт", "’s", "-", "Kremlin", "x", "т", "ə", "Ə", "“", " s", "."];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let m = NameMatcher::build(PATS.iter().enumerate().map(|(i, p)| (p.to_string(), Target::Item(i))).collect())
                .unwrap_or_else(|e| panic!("{e}"));
            let starts: Vec<WordStart> = (0..text.len())
                .flat_map(|i| PATS.iter().map(move |p| WordStart { start: i, key: head_key(p.as_bytes(), 0, head_len(p, 0)) }))
                .collect();
            let (found, excluded) = m.find_at(&text, &starts, &[]);
            for (start, end) in found.iter().map(|x| (x.start, x.end)).chain(excluded) {
                proptest::prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{}..{} in {:?}", start, end, text);
                proptest::prop_assert!(PATS.contains(&&text[start..end]), "{}..{} in {:?}", start, end, text);
            }
        }

        /// A bucket's candidates for a byte are its names filtered by that byte, in order.
        #[test]
        fn case_variants_are_those_collected_by_chars(name in "[aAßǅİΣ \\-'’ﬀ]{0,12}") {
            proptest::prop_assert_eq!(case_variants(&name), case_variants_by_chars(&name));
        }

        #[test]
        fn names_left_are_counted_as_by_sorting(names in proptest::collection::vec("[ab ]{0,7}", 0..14), at in 0usize..8) {
            let names: Vec<Name> = names.iter().map(|n| Name::new(0, 0, n.as_bytes())).collect();
            // The bytes at `at` sorted and grouped, as `Bucket::of` first counted them.
            let mut bytes: Vec<u8> = names.iter().filter_map(|n| n.bytes.get(at).copied()).collect();
            bytes.sort_unstable();
            let most = bytes.chunk_by(|x, y| x == y).map(<[_]>::len).max().unwrap_or(0);
            let mut counts = [0u32; 256];
            proptest::prop_assert_eq!(names_left(&names, at, &mut counts), names.len() - bytes.len() + most);
            proptest::prop_assert!(counts.iter().all(|&k| k == 0));
        }

        #[test]
        fn candidates_are_the_names_with_the_probe_byte(names in proptest::collection::btree_set("[ab ]{1,7}", 1..14)) {
            let bucket = Bucket::of(names.iter().enumerate().map(|(k, n)| Name::new(k as u32, 0, n.as_bytes())).collect());
            for probe in [None, Some(b'a'), Some(b'b'), Some(b' '), Some(b'c')] {
                let longest_first = bucket.by_length.iter().map(|&k| &bucket.names[k as usize]);
                let want: Vec<u32> = longest_first.filter(|n| n.probe.is_none() || n.probe == probe).map(|n| n.pattern).collect();
                let (group, short) = bucket.candidates(probe).unwrap_or_default();
                let got: Vec<u32> = group.iter().chain(short).map(|n| n.pattern).collect();
                proptest::prop_assert_eq!(got, want, "byte {:?} at {}", probe, bucket.at);
            }
        }

        /// [`Name::is_at`] is comparing the name with the text's bytes.
        #[test]
        fn a_name_is_at_where_the_text_starts_with_it(text in "[ab ]{0,40}", name in "[ab ]{1,20}", i in 0usize..40) {
            let n = Name::new(0, 0, name.as_bytes());
            let b = text.as_bytes();
            proptest::prop_assert_eq!(n.is_at(b, i), b.get(i..).is_some_and(|rest| rest.starts_with(name.as_bytes())));
        }

        #[test]
        fn a_name_written_as_it_is_passes_its_tail_test(text in "[ab ]{0,20}", name in "[ab ]{1,12}", i in 0usize..20) {
            let n = Name::new(0, 0, name.as_bytes());
            if text.as_bytes().get(i..).is_some_and(|rest| rest.starts_with(name.as_bytes())) {
                proptest::prop_assert!(n.may_be_at(text.as_bytes(), i));
            }
        }

        /// A name that starts with a character that is no word character is found as the
        /// names are without it (its filter keeps the starts at such characters).
        #[test]
        fn names_opening_on_punctuation_are_found(parts in proptest::collection::vec(0usize..8, 0..30)) {
            const PATS: &[&str] = &["'s-Hertogenbosch", "“Azat”", "Ganja", "-Ganja"];
            const PARTS: &[&str] = &["'s-Hertogenbosch", " ", "“Azat”", "Ganja", "-", "x", "’s", "Azat"];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let m = NameMatcher::build(PATS.iter().enumerate().map(|(i, p)| (p.to_string(), Target::Item(i))).collect())
                .unwrap_or_else(|e| panic!("{e}"));
            let got: Vec<(usize, usize, usize)> = m.find(&text).iter().map(|x| (x.item, x.start, x.end)).collect();
            proptest::prop_assert_eq!(got, brute_force(PATS, &text), "in {:?}", text);
        }

        #[test]
        fn word_starts_agree_with_char_by_char(s in "[a-zA-Z0-9 _.,’“”əԱ\n\u{a0}«×😀\u{2028}-]{0,300}") {
            // Also the text without its non-ASCII characters (64-byte chunks of ASCII only).
            let ascii: String = s.chars().filter(char::is_ascii).collect();
            for s in [&s, &ascii] {
                let slow: Vec<usize> = s
                    .char_indices()
                    .filter(|&(i, c)| !c.is_whitespace() && prev_char(s, i).is_none_or(|p| !is_word_char(p)))
                    .map(|(i, _)| i)
                    .collect();
                let fast: Vec<WordStart> = word_starts(s, &StartFilter::all());
                let starts: Vec<usize> = fast.iter().map(|w| w.start).collect();
                proptest::prop_assert_eq!(starts, slow.clone());
                for w in fast {
                    proptest::prop_assert_eq!(w.key, head_key(s.as_bytes(), w.start, head_len(s, w.start)), "head at {}", w.start);
                }
                // With no name opening on a character that is no word character: only the
                // starts at word characters (most chunks then take the loop over word runs).
                let words_only = StartFilter { non_word: false, ..StartFilter::all() };
                let fast: Vec<WordStart> = word_starts(s, &words_only);
                let at_words: Vec<usize> = slow.iter().copied().filter(|&i| next_char(s, i).is_some_and(is_word_char)).collect();
                proptest::prop_assert_eq!(fast.iter().map(|w| w.start).collect::<Vec<_>>(), at_words);
                for w in fast {
                    proptest::prop_assert_eq!(w.key, head_key(s.as_bytes(), w.start, head_len(s, w.start)), "head at {}", w.start);
                }
            }
        }
    }

    #[test]
    fn malformed_gazetteer_gives_line_and_column() {
        let bad = "[[place]]\nid = \"x\"\nname = \"X\nlat = 1.0\n";
        let err = Gazetteer::parse(bad, "bad.toml").map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("bad.toml: line 3, column"), "{err}");
    }

    #[test]
    fn duplicate_ids_and_bad_coordinates_are_rejected() {
        let dup = format!("{SMALL}\n[[place]]\nid = \"ganja\"\nname = \"G\"\nlat = 1.0\nlon = 1.0\nkind = \"city\"\ncountry = \"A\"\n");
        let err = Gazetteer::parse(&dup, "dup.toml").map(|_| ()).unwrap_err().to_string();
        assert!(err.contains("duplicate place id \"ganja\""), "{err}");
        let far = "[[place]]\nid = \"x\"\nname = \"X\"\nlat = 91.0\nlon = 1.0\nkind = \"city\"\ncountry = \"A\"\n";
        let err = Gazetteer::parse(far, "far.toml").map(|_| ()).unwrap_err().to_string();
        assert!(err.contains("latitude 91 is outside -90..90"), "{err}");
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn embedded_data_loads() {
        let g = Gazetteer::embedded().unwrap_or_else(|e| panic!("{e}"));
        assert!(g.places.len() >= 60, "only {} places", g.places.len());
        let a = Actors::embedded().unwrap_or_else(|e| panic!("{e}"));
        assert!(a.get("lavrov").is_some());
    }
}
