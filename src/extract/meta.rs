//! Article metadata from the text itself: the ` date YYYY-MM-DD` header (or a written date:
//! `Published: October 12, 2020`), date lines and bylines under the title (`By Joshua Kucera,
//! Oct 12, 2020`), datelines such as `MOSCOW, October 4. /TASS/`, `BAKU, Azerbaijan, Oct. 12`,
//! `Baku, 12 October 2020 (APA)` or `Baku/12.10.20/Turan:`, the agency of a dateline's tag, the
//! title (not a date or update note), template junk (`{{dayPoint.date | date}}`), publication
//! dates inferred from the text, and truce moments.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::DocCtx;
use super::dates::{self, DateKind, month_number};
use crate::model::Truce;
use crate::text::{Span, folded_at};

/// A header line: its date and where the body starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// The date.
    pub date: NaiveDate,
    /// First byte after the header.
    pub end: usize,
}

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:date|published|publication date|dated)\s*[:=]?\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.Z+-]+)?[ \t]*")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// A month name in a dateline: the full name in any case, an abbreviation with its capital
/// and perhaps a full stop; one capture group.
const MONTH_WORD: &str = r"((?i:January|February|March|April|May|June|July|August|September|October|November|December)|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";

/// A month name before or after the day in an agency's dateline (any case; the full stop
/// after an abbreviation is the pattern's).
const AGENCY_MONTH: &str = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";

/// An agency's tag in capitals ending a dateline that runs on into the text: before a dash
/// ("Moscow, 5 October. INTERFAX - The"), a full stop or colon and a space, or the text's
/// first capital ("Baku, 5 October, AZERTAC The ministry").
const CAPS_TAG: &str = r"[,.]?[ \t]*[A-Z]{2,}(?:[.:]?[ \t]+[-–—]|[.:][ \t]|[ \t]+[A-Z])";

// Unbounded runs (`+`) rather than `{1,40}`: counted repetitions multiply the automaton's
// states, which made this one regex take 30 ms to compile and 15 µs per article to run;
// the length limit is checked on the match instead ([`DATELINE_PLACE_MAX`]).
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?m)^\s*(?:[A-Z][A-Z'’.\- ]+)(?:,\s*[A-Z][A-Za-z'’.\- ]+)?\s*(?:,|\(|–|—|-)\s*(?:\w+\s*\)\s*[-–—]?\s*)?{MONTH_WORD}(?:\s+|\.)(\d{{1,2}})(?:,?\s+(\d{{4}}))?|(?m)^[ \t]*\[?[A-Z][\w'’.\- ]+(?:,[ \t]*[A-Z][\w'’.\- ]+)?,[ \t]*{MONTH_WORD}(?:[ \t]+|\.)(\d{{1,2}})(?:,?[ \t]+(\d{{4}}))?\]?(?:[ \t]*(?:\([A-Za-z]+\)|/[A-Za-z]+/|[-–—])|{CAPS_TAG}|(?:[,.]?[ \t]*/?[A-Z][A-Za-z]+/?\.?)?[ \t]*$)"))
        .unwrap_or_else(|e| panic!("{e}"))
});

/// A dateline with a dotted date between slashes, the year in two or four digits, as Turan
/// writes it: "Baku/30.06.22/Turan:" (day, month, year), or APA with spaces around the
/// slashes: "Baku / 12.10.2020 / APA".
static DATELINE_SLASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*[A-Z][\w'’.\- ]+/[ \t]*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})[ \t]*/[ \t]*[A-Za-z]+[:.]?")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The third shape of a dateline, the day before the month ("Baku, 12 October 2020 (APA)",
/// "BAKU, 12 Oct – ", Report.az's "Baku. 12 October. REPORT.AZ", whose tag is a web domain
/// and may run on into the text), with a tag or a dash after the date; its own pattern, tried only when
/// [`DATELINE`] finds none (most datelines put the month first, and one larger pattern made
/// every article's search slower).
static DATELINE_DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?m)^[ \t]*\[?[A-Z][\w'’.\- ]+(?:,[ \t]*[A-Z][\w'’.\- ]+)?[,.][ \t]*(\d{{1,2}})[ \t]+{MONTH_WORD}(?:,?[ \t]+(\d{{4}}))?\]?[ \t]*(?:\([A-Za-z]+\)|/[A-Za-z]+/|[-–—]|[,.]?[ \t]*[A-Z][A-Za-z]+(?:\.[A-Za-z]{{2,3}}(?:[ \t]|$)|\.?[ \t]*$)|{CAPS_TAG}|$)"))
        .unwrap_or_else(|e| panic!("{e}"))
});

/// Truce words, as whole ASCII words in any case (an `s` may also be written `ſ`, as a
/// case-insensitive pattern reads it): "ceasefire", "Cease-fire", "halt to the fighting".
const TRUCE_WORDS: &[&str] = &["ceasefire", "cease-fire", "truce", "halt to the fighting", "halt to fighting", "armistice"];

/// Every truce word ([`TRUCE_WORDS`]) contains one of these (in any ASCII case; none has an
/// `s` or a `k`, which a case-insensitive match also reads as `ſ` or `K`), at most
/// [`TRUCE_HINT_OFFSET`] bytes from its start, so truce words are looked for only around
/// them. Found by [`super::cues::scan`].
pub(crate) const TRUCE_HINTS: &[&str] = &["fire", "truce", "fighting", "armi"];

/// The furthest a hint stands from the start of its truce word: "fighting" in "halt to the
/// fighting" (12 bytes), "fire" in "ceaſe-fire" (7).
const TRUCE_HINT_OFFSET: usize = 12;

/// The end of `word` (lower case) read at byte `at` of `b` as [`folded_at`] reads it, if it
/// stands there as a whole ASCII word ending by `end`.
fn truce_word_at(b: &[u8], at: usize, end: usize, word: &str) -> Option<usize> {
    if at > 0 && crate::text::is_ascii_word_byte(b[at - 1]) {
        return None;
    }
    let i = folded_at(b.get(..end)?, at, word)?;
    (i == end || !crate::text::is_ascii_word_byte(b[i])).then_some(i)
}

/// Where a truce word can start before a hint at `p` ([`TRUCE_HINTS`]), nearest last: "fire"
/// stands 5 to 7 bytes into "ceasefire", "cease-fire", "ceaſefire" or "ceaſe-fire",
/// "fighting" 8 or 12 bytes into "halt to fighting" or "halt to the fighting", and "truce"
/// and "armi" open their words. (Any other byte: every offset up to
/// [`TRUCE_HINT_OFFSET`] a truce word's hint can have.)
fn truce_offsets(b: &[u8], p: usize) -> &'static [usize] {
    let at = |k: usize| b.get(p + k).map_or(0, |c| c | 0x20);
    match at(0) {
        b't' | b'a' => &[0],
        b'f' if at(2) == b'r' => &[7, 6, 5],
        b'f' if at(2) == b'g' => &[12, 8],
        _ => &[TRUCE_HINT_OFFSET, 8, 7, 6, 5, 0],
    }
}

/// The start of the first truce word ([`TRUCE_WORDS`]) that starts at or after `from` and
/// ends by `end` in `text`, given the starts of the truce hints at or after `from` in order
/// (every truce word holds one, [`TRUCE_HINTS`]): only the few starts a truce word can have
/// before each hint are read ([`truce_offsets`]). (A proptest checks it against the one
/// pattern of all truce words.)
fn first_truce_word(text: &str, hints: &[usize], from: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut best: Option<usize> = None;
    for &p in hints {
        let lo = p.saturating_sub(TRUCE_HINT_OFFSET).max(from);
        let hi = best.map_or(p, |x| p.min(x.saturating_sub(1)));
        if p >= end || best.is_some_and(|x| lo >= x) {
            break;
        }
        // A truce word opens with its first letter in ASCII (none opens with an `s`, which could
        // be `ſ`) after a byte that is no word character: other starts are passed over before
        // the words are compared.
        let opens = |q: usize| {
            (q == 0 || !crate::text::is_ascii_word_byte(b[q - 1]))
                && b.get(q).is_some_and(|&c| TRUCE_WORDS.iter().any(|w| w.as_bytes()[0] == c | 0x20))
        };
        let found = truce_offsets(b, p)
            .iter()
            .filter_map(|&k| p.checked_sub(k))
            .filter(|&q| (lo..=hi).contains(&q))
            .find(|&q| opens(q) && TRUCE_WORDS.iter().any(|w| truce_word_at(b, q, end, w).is_some()));
        if let Some(q) = found {
            best = Some(q);
        }
    }
    best
}

/// Phrases that say something takes effect (lower case; matched in any case, an `s` also as
/// `ſ` and a `k` also as the Kelvin sign `K`, between ASCII word boundaries). [`TAKES_EFFECT`]
/// also reads "from <one or two digits> hours".
const TAKES_EFFECT_PHRASES: &[&str] = &[
    "took effect",
    "take effect",
    "takes effect",
    "taking effect",
    "entered into force",
    "enter into force",
    "enters into force",
    "came into force",
    "comes into force",
    "come into force",
    "took hold",
    "went into effect",
    "go into effect",
    "goes into effect",
    "is announced from",
    "begins at",
    "began at",
    "starts at",
    "started at",
];

/// The pattern of what takes effect: [`TAKES_EFFECT_PHRASES`] and "from 12 hours" (the
/// tests' reference, and asked where [`takes_effect_by_hand`] meets a byte beyond ASCII
/// where a digit may stand).
static TAKES_EFFECT: LazyLock<Regex> = LazyLock::new(|| {
    let phrases: Vec<String> = TAKES_EFFECT_PHRASES.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&format!(r"(?i)(?-u:\b)({}|from \d{{1,2}} hours)(?-u:\b)", phrases.join("|"))).unwrap_or_else(|e| panic!("{e}"))
});

/// [`TAKES_EFFECT`] read by hand: whether one of [`TAKES_EFFECT_PHRASES`] or "from", one or
/// two digits and "hours" stands between two ASCII word boundaries (`(?-u:\b)`: one side an
/// ASCII letter, digit or `_`, the other not); `None` (ask the pattern) where a numeric
/// character beyond ASCII (perhaps a decimal digit, `\d`) stands where a digit may.
/// (Every byte read as a start: the reference of [`takes_effect_near`].)
#[cfg(test)]
fn takes_effect_by_hand(t: &str) -> Option<bool> {
    let mut unsure = false;
    for i in 0..t.len() {
        if effect_phrase_at(t, i, &mut unsure) {
            return Some(true);
        }
    }
    (!unsure).then_some(false)
}

/// How far before a hint of what takes effect ([`TAKES_EFFECT_HINTS`]) that it holds a
/// match of [`TAKES_EFFECT`] can start: 13 bytes, "from", a space and two digits of up to
/// four bytes each (`\d`) before " hour"; a phrase's hint stands at most 11 bytes into it
/// ("goeſ into effect"; a test checks every phrase with each `s` written `ſ` and each `k`
/// written `K`).
const EFFECT_HINT_OFFSET: usize = 13;

/// [`takes_effect_by_hand`] reading as starts only the bytes at most [`EFFECT_HINT_OFFSET`]
/// before a hint of what takes effect (`hints`: the hints that start in the sentence `t`,
/// which starts at byte `start` of the text, in order of start): every match holds one.
fn takes_effect_near(t: &str, start: usize, hints: &[(usize, usize)]) -> Option<bool> {
    let mut unsure = false;
    // The first byte not read yet (hints a few bytes apart share their starts).
    let mut next = 0;
    for &(h, _) in hints {
        let h = h - start;
        for i in h.saturating_sub(EFFECT_HINT_OFFSET).max(next)..=h {
            if effect_phrase_at(t, i, &mut unsure) {
                return Some(true);
            }
        }
        next = h + 1;
    }
    (!unsure).then_some(false)
}

/// Whether a match of [`takes_effect_by_hand`] starts at byte `i` of `t` (on a word
/// boundary); `unsure` is set where a numeric character beyond ASCII stands where a digit may.
#[inline]
fn effect_phrase_at(t: &str, i: usize, unsure: &mut bool) -> bool {
    let b = t.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|&c| crate::text::is_ascii_word_byte(c));
    let bound = |i: usize| (i > 0 && word(i - 1)) != word(i);
    // Every phrase opens with one of these letters (or `ſ`, whose first byte is 0xC5, for
    // an `s`): only the phrases that open with the letter at `i` are compared.
    // (Told by one table read, [`OPENS_EFFECT_PHRASE`].)
    if !OPENS_EFFECT_PHRASE[usize::from(b[i])] || !bound(i) {
        return false;
    }
    let first = effect_first_letter(b[i]);
    if TAKES_EFFECT_PHRASES.iter().any(|p| p.as_bytes()[0] == first && folded_at(b, i, p).is_some_and(bound)) {
        return true;
    }
    if first != b'f' {
        return false;
    }
    let Some(j) = folded_at(b, i, "from ") else { return false };
    let digits = b[j..].iter().take(2).take_while(|c| c.is_ascii_digit()).count();
    if digits < 2 && t[j + digits..].chars().next().is_some_and(|c| !c.is_ascii() && c.is_numeric()) {
        *unsure = true;
        false
    } else {
        digits > 0 && folded_at(b, j + digits, " hours").is_some_and(bound)
    }
}

/// The letter a phrase of [`TAKES_EFFECT_PHRASES`] may open with that byte `c` stands for
/// (in lower case; 0xC5, the first byte of `ſ`, for an `s`).
const fn effect_first_letter(c: u8) -> u8 {
    if c == 0xC5 { b's' } else { c | 0x20 }
}

/// Whether a byte may open a phrase of [`TAKES_EFFECT_PHRASES`] ([`effect_first_letter`] is
/// one of their first letters), for every byte.
static OPENS_EFFECT_PHRASE: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(effect_first_letter(i as u8), b't' | b'e' | b'c' | b'w' | b'g' | b'i' | b'b' | b's' | b'f');
        i += 1;
    }
    table
};

/// Every match of [`TAKES_EFFECT`] contains one of these (in any ASCII case; none has an `s`
/// or a `k`, which `(?i)` also matches as `ſ` or `K`), so only sentences holding one are
/// searched. Found by [`super::cues::scan`].
pub(crate) const TAKES_EFFECT_HINTS: &[&str] = &["effect", "into force", " hold", "announced from", "begin", "began", "tart", " hour"];

/// Whether the sentence `t`, which starts at byte `start` of the text, says something takes
/// effect ([`TAKES_EFFECT`]), given the hints of what takes effect in the text (`hints`,
/// (start, end) in order of start, as [`super::cues::TextCues::effect`] holds them): none
/// when no hint stands inside it, else read by hand around its hints ([`takes_effect_near`]).
fn takes_effect_in(t: &str, start: usize, hints: &[(usize, usize)]) -> bool {
    let end = start + t.len();
    let from = hints.partition_point(|h| h.0 < start);
    let hints = &hints[from..from + hints[from..].iter().take_while(|h| h.0 < end).count()];
    hints.iter().any(|h| h.1 <= end) && takes_effect_near(t, start, hints).unwrap_or_else(|| TAKES_EFFECT.is_match(t))
}

/// Whether a sentence says something takes effect ([`TAKES_EFFECT`]): [`truces`]'s test, on a
/// sentence alone.
#[cfg(test)]
fn takes_effect(t: &str) -> bool {
    takes_effect_in(t, 0, &super::cues::scan(t).effect)
}

/// The ` date YYYY-MM-DD` header at the very start of an article.
pub fn header(text: &str) -> Option<Header> {
    // Every header starts, after white space, with "date", "dated", "published" or
    // "publication date" (in any case: neither letter has another case form), so other texts
    // are passed over without running the pattern.
    if !text.trim_start().starts_with(['d', 'D', 'p', 'P']) {
        return None;
    }
    match ascii_header(text) {
        Some(Some((y, m, d, end))) => return Some(Header { date: NaiveDate::from_ymd_opt(y, m, d)?, end }),
        Some(None) => return written_header(text),
        None => {}
    }
    let Some(c) = HEADER.captures(text) else { return written_header(text) };
    let date = NaiveDate::parse_from_str(&c[1], "%Y-%m-%d").ok()?;
    Some(Header { date, end: c.get(0)?.end() })
}

/// [`HEADER`] read by hand where it meets ASCII alone: `Some(Some((year, month, day, end)))`
/// for a match, `Some(None)` for none, and `None` (ask the pattern) where a byte beyond ASCII
/// could be a space, digit or letter of it (a proptest checks it against the pattern).
fn ascii_header(text: &str) -> Option<Option<(i32, u32, u32, usize)>> {
    let b = text.as_bytes();
    let mut i = 0;
    // `\s*`: ASCII white space (any other byte beyond ASCII: ask the pattern).
    let spaces = |i: &mut usize| -> Option<()> {
        while let Some(&c) = b.get(*i) {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => *i += 1,
                0x80.. => return None,
                _ => break,
            }
        }
        Some(())
    };
    spaces(&mut i)?;
    // At most one key can match: they differ before any could end.
    let mut key = None;
    for k in ["date", "published", "publication date", "dated"] {
        match b.get(i..i + k.len()) {
            Some(w) if w.eq_ignore_ascii_case(k.as_bytes()) => key = Some(k.len()),
            _ if b[i..].iter().take(k.len()).any(|c| !c.is_ascii()) => return None,
            _ => {}
        }
        if let Some(len) = key {
            let mut j = i + len;
            spaces(&mut j)?;
            if matches!(b.get(j), Some(b':' | b'=')) {
                j += 1;
            }
            spaces(&mut j)?;
            if let Some(found) = ascii_date_at(b, j)? {
                return Some(Some(found));
            }
            key = None;
        }
    }
    Some(None)
}

/// `(\d{4}-\d{2}-\d{2})(?:[T ][\d:.Z+-]+)?[ \t]*` of [`HEADER`] at byte `j`, as
/// [`ascii_header`] reads it.
fn ascii_date_at(b: &[u8], j: usize) -> Option<Option<(i32, u32, u32, usize)>> {
    let digits = |from: usize, n: usize| -> Option<Option<u32>> {
        let mut v = 0;
        for k in from..from + n {
            match b.get(k) {
                Some(c) if c.is_ascii_digit() => v = v * 10 + u32::from(c - b'0'),
                Some(0x80..) => return None,
                _ => return Some(None),
            }
        }
        Some(Some(v))
    };
    let dash = |k: usize| b.get(k) == Some(&b'-');
    let Some(y) = digits(j, 4)? else { return Some(None) };
    if !dash(j + 4) {
        return if b.get(j + 4).is_some_and(|c| !c.is_ascii()) { None } else { Some(None) };
    }
    let Some(m) = digits(j + 5, 2)? else { return Some(None) };
    if !dash(j + 7) {
        return Some(None);
    }
    let Some(d) = digits(j + 8, 2)? else { return Some(None) };
    let mut end = j + 10;
    // The time, greedy: a digit beyond ASCII may belong to it.
    let in_time = |c: u8| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'+' | b'-');
    if matches!(b.get(end), Some(b'T' | b' ')) {
        let mut k = end + 1;
        while let Some(&c) = b.get(k) {
            if !c.is_ascii() {
                return None;
            }
            if !in_time(c) {
                break;
            }
            k += 1;
        }
        if k > end + 1 {
            end = k;
        }
    }
    while matches!(b.get(end), Some(b' ' | b'\t')) {
        end += 1;
    }
    Some(Some((y as i32, m, d, end)))
}

/// A header with a written date: "Published: October 12, 2020", "Date: Monday, 12 October
/// 2020", "Published on 12.10.2020" (the date with its year, after nothing but date words).
fn written_header(text: &str) -> Option<Header> {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let key = ["publication date", "published", "dated", "date"]
        .into_iter()
        .find(|k| rest.get(..k.len()).is_some_and(|p| p.eq_ignore_ascii_case(k)))?;
    let after = &rest[key.len()..];
    if after.starts_with(char::is_alphanumeric) {
        return None;
    }
    let line = &after[..after.find('\n').unwrap_or(after.len())];
    let first = dates::find_dates(line, 0, None, None).into_iter().next()?;
    let DateKind::Day(date, _) = first.kind else { return None };
    let words = line[..first.start].split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    if !words.into_iter().all(|w| DATE_LINE_WORDS.contains(&w.to_lowercase().as_str()) || dates::weekday(w).is_some()) {
        return None;
    }
    Some(Header { date, end: lead + key.len() + first.end })
}

/// Longest place part of a dateline ("BAKU, Azerbaijan (AP) —"), in bytes.
const DATELINE_PLACE_MAX: usize = 100;

/// A dateline in the first few lines: `MOSCOW, October 4. /TASS/`.
pub fn dateline(text: &str, body_start: usize, year_hint: Option<i32>) -> Option<NaiveDate> {
    dateline_in(text, body_start, year_hint, &dates::Cues::scan(text))
}

/// [`dateline`] of a text whose date cues were already found.
pub fn dateline_in(text: &str, body_start: usize, year_hint: Option<i32>, cues: &dates::Cues) -> Option<NaiveDate> {
    dateline_with(text, body_start, year_hint, cues, None)
}

/// [`dateline_in`], the text's runs of ASCII digits given too (as
/// [`crate::text::digit_runs`] finds them) when they were already found.
pub(crate) fn dateline_with<'a>(
    text: &'a str,
    body_start: usize,
    year_hint: Option<i32>,
    cues: &dates::Cues,
    runs: Option<&[(usize, usize)]>,
) -> Option<NaiveDate> {
    // Datelines open the body: the title and the first paragraph or two are enough.
    let head_end = crate::text::floor_boundary(text, body_start + 600);
    let head = &text[body_start..head_end];
    // Three shapes: an upper-case dateline opening the text, a place and the month before
    // the day on a line of its own or with a tag or dash after the date ("Baku, Azerbaijan,
    // Oct. 14, 2020", "Baku, October 12 (APA)."), or the same with the day before the month
    // ([`DATELINE_DAY_FIRST`]: "Baku, 12 October 2020 (APA)", "BAKU, 12 Oct – "); the last
    // two perhaps in brackets ("[Baku, 12 October] –").
    // (The groups of a match: the start of its date, its month, day and perhaps year.)
    let groups = |c: &regex::Captures<'a>, (m, d, y): (usize, usize, usize)| -> Option<DatelineGroups<'a>> {
        Some((c.get(m.min(d))?.start(), c.get(m)?.as_str(), c.get(d)?.as_str(), c.get(y).map(|y| y.as_str())))
    };
    let fits = |all: regex::Match, g: &DatelineGroups| head[all.start()..g.0].trim().len() <= DATELINE_PLACE_MAX;
    // Month first: the groups read from the text of a match in ASCII ([`dateline_groups`]),
    // else by the capture engine (which finds the same match from its start). The first
    // match is read by hand where that is sure ([`dateline_match`]); the pattern is built
    // only for texts whose first match is not so read, or is not in ASCII, or does not fit.
    let by_hand = dateline_match(head).and_then(|(s, e)| {
        let (at, m, d, y) = dateline_groups(&head[s..e])?;
        let g = (s + at, m, d, y);
        (head[s..g.0].trim().len() <= DATELINE_PLACE_MAX).then_some(g)
    });
    let month_first = by_hand.or_else(|| {
        DATELINE.find_iter(head).find_map(|all| {
            let g = dateline_groups(all.as_str()).map(|(at, m, d, y)| (all.start() + at, m, d, y)).or_else(|| {
                let c = DATELINE.captures_at(head, all.start())?;
                groups(&c, if c.get(1).is_some() { (1, 2, 3) } else { (4, 5, 6) })
            })?;
            fits(all, &g).then_some(g)
        })
    });
    let found = month_first.or_else(|| {
        DATELINE_DAY_FIRST.captures_iter(head).find_map(|c| groups(&c, (2, 1, 3)).filter(|g| c.get(0).is_some_and(|all| fits(all, g))))
    });
    let Some((_, month, day, year)) = found else { return slashed_dateline(head) };
    let month = month_number(month)?;
    let day: u32 = day.parse().ok()?;
    if let Some(y) = year.and_then(|y| y.parse().ok()) {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    // No year: from the first full date of the opening, else the corpus's.
    let first = dates::first_full_date(&text[..crate::text::floor_boundary(text, 1500)], cues, runs);
    dateline_year(month, day, first, year_hint)
}

/// The groups of a dateline: the start of its date (its month's or day's), its month, day
/// and perhaps year.
type DatelineGroups<'a> = (usize, &'a str, &'a str, Option<&'a str>);

/// The groups of a match of [`DATELINE`] in ASCII (`None` otherwise), read from its text as
/// the capture engine sets them: no tag after the date holds a digit, so the match's last
/// run of digits is its year (four digits, after white space and perhaps a comma, after the
/// day) or its day (one or two), and the month's letters stand before the day's white space
/// or full stop (and the full stop of an abbreviation), after no letter. (A proptest checks
/// it against the capture engine.)
fn dateline_groups(t: &str) -> Option<DatelineGroups<'_>> {
    let b = t.as_bytes();
    if !t.is_ascii() {
        return None;
    }
    // (`\s` in ASCII.)
    let space: fn(&u8) -> bool = |c| matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let run = |end: usize, f: fn(&u8) -> bool| end - b[..end].iter().rev().take_while(|c| f(c)).count();
    let end = b.iter().rposition(u8::is_ascii_digit)? + 1;
    let last = run(end, u8::is_ascii_digit);
    let (day, year) = if end - last == 4 {
        let mut day_end = run(last, space);
        if day_end == last {
            return None;
        }
        if day_end > 0 && b[day_end - 1] == b',' {
            day_end -= 1;
        }
        ((run(day_end, u8::is_ascii_digit), day_end), Some(&t[last..end]))
    } else {
        ((last, end), None)
    };
    if !(1..=2).contains(&(day.1 - day.0)) {
        return None;
    }
    let mut month_end = run(day.0, space);
    if month_end == day.0 {
        month_end = month_end.checked_sub(1).filter(|&i| b[i] == b'.')?;
    }
    if month_end > 0 && b[month_end - 1] == b'.' {
        month_end -= 1;
    }
    let month_start = run(month_end, u8::is_ascii_alphabetic);
    (month_start < month_end).then(|| (month_start, &t[month_start..month_end], &t[day.0..day.1], year))
}

/// A reading by hand that could not be sure it reads as the pattern would (a character
/// beyond ASCII where the pattern may take one: `’`, a dash, white space, a letter or digit
/// of another script, `ſ`).
struct Unsure;

/// The span of the first match of [`DATELINE`] in `head`, read by hand where that is sure,
/// else `None` (then the pattern is asked). The match starts at a line's start: each is read
/// in turn, first for the upper-case shape ([`upper_dateline_end`]) from the first character
/// after white space (which may span lines, so a blank line's match holds the next line's
/// dateline), then for the other shape, which needs on its line a comma, spaces or tabs and a
/// month's first letter; where that stands, or no line matches, the answer is left to the
/// pattern. (A proptest checks it against the pattern on whole texts, cut texts and every
/// start.)
fn dateline_match(head: &str) -> Option<(usize, usize)> {
    let b = head.as_bytes();
    let mut p = 0;
    loop {
        let q = space_end(head, p).ok()?;
        if let Some(end) = upper_dateline_end(head, q).ok()? {
            return Some((p, end));
        }
        let le = memchr::memchr(b'\n', &b[p..]).map_or(b.len(), |i| p + i);
        let mut f = skip_while(b, p, |c| matches!(c, b' ' | b'\t'));
        if b.get(f) == Some(&b'[') {
            f += 1;
        }
        if b.get(f).is_some_and(u8::is_ascii_uppercase)
            && memchr::memchr_iter(b',', &b[f..le]).any(|i| {
                let j = skip_while(b, f + i + 1, |c| matches!(c, b' ' | b'\t'));
                b.get(j).is_some_and(|&c| c >= 0x80 || b"JFMASONDjfmasond".contains(&c))
            })
        {
            return None;
        }
        if le == b.len() {
            return None;
        }
        p = le + 1;
    }
}

/// The first byte at or after `i` of `t` that is not white space (`\s`), or [`Unsure`] at
/// white space beyond ASCII.
fn space_end(t: &str, mut i: usize) -> Result<usize, Unsure> {
    let b = t.as_bytes();
    while let Some(&c) = b.get(i) {
        if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            i += 1;
        } else if c >= 0x80 && t[i..].starts_with(char::is_whitespace) {
            return Err(Unsure);
        } else {
            break;
        }
    }
    Ok(i)
}

/// The end of a run at `i` of `t` of bytes `more`, or [`Unsure`] where it stops at `’` and
/// `curly` (the pattern's class takes it).
fn class_end(t: &str, i: usize, more: fn(u8) -> bool, curly: bool) -> Result<usize, Unsure> {
    let e = skip_while(t.as_bytes(), i, more);
    if curly && t[e..].starts_with('’') { Err(Unsure) } else { Ok(e) }
}

/// The end of the upper-case shape of [`DATELINE`] (its first branch) matched at `q`, the
/// first byte after the white space at a line's start, as the pattern's backtracking takes
/// it: the place's capitals as long as the rest can match, then its region, and so on.
fn upper_dateline_end(t: &str, q: usize) -> Result<Option<usize>, Unsure> {
    let b = t.as_bytes();
    if !b.get(q).is_some_and(u8::is_ascii_uppercase) {
        return Ok(None);
    }
    let caps = class_end(t, q + 1, |c| c.is_ascii_uppercase() || matches!(c, b'\'' | b'.' | b'-' | b' '), true)?;
    for e1 in (q + 2..=caps).rev() {
        // `(?:,\s*[A-Z][A-Za-z'’.\- ]+)?`, taken where it can be.
        if b.get(e1) == Some(&b',') {
            let j = space_end(t, e1 + 1)?;
            if b.get(j).is_some_and(u8::is_ascii_uppercase) {
                let region = class_end(t, j + 1, |c| c.is_ascii_alphabetic() || matches!(c, b'\'' | b'.' | b'-' | b' '), true)?;
                for e2 in (j + 2..=region).rev() {
                    if let Some(end) = after_place(t, e2)? {
                        return Ok(Some(end));
                    }
                }
            }
        }
        if let Some(end) = after_place(t, e1)? {
            return Ok(Some(end));
        }
    }
    Ok(None)
}

/// The upper-case shape after its place, at `s`: `\s*(?:,|\(|–|—|-)\s*`, perhaps a tag and
/// its bracket (`\w+\s*\)\s*[-–—]?\s*`), then the date ([`dateline_date_end`]).
fn after_place(t: &str, s: usize) -> Result<Option<usize>, Unsure> {
    let b = t.as_bytes();
    let i = space_end(t, s)?;
    match b.get(i) {
        Some(b',' | b'(' | b'-') => {}
        _ if t[i..].starts_with(['–', '—']) => return Err(Unsure),
        _ => return Ok(None),
    }
    let r = space_end(t, i + 1)?;
    let w = skip_while(b, r, |c| c.is_ascii_alphanumeric() || c == b'_');
    if b.get(w).is_some_and(|&c| c >= 0x80) && !t[w..].starts_with(char::is_whitespace) {
        // (A letter of another script may go on the word.)
        return Err(Unsure);
    }
    if w > r {
        let k = space_end(t, w)?;
        if b.get(k) == Some(&b')') {
            let mut m = space_end(t, k + 1)?;
            if t[m..].starts_with(['–', '—']) {
                return Err(Unsure);
            }
            if b.get(m) == Some(&b'-') {
                m = space_end(t, m + 1)?;
            }
            if let Some(end) = dateline_date_end(t, m)? {
                return Ok(Some(end));
            }
        }
    }
    dateline_date_end(t, r)
}

/// The end of [`MONTH_WORD`]`(?:\s+|\.)(\d{1,2})(?:,?\s+(\d{4}))?` matched at `r`: the month
/// names in the pattern's order (the full names in any case, the abbreviations as written,
/// each with or without its full stop).
fn dateline_date_end(t: &str, r: usize) -> Result<Option<usize>, Unsure> {
    const ABBREVIATIONS: [&str; 11] = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let b = t.as_bytes();
    let Some(&c) = b.get(r) else { return Ok(None) };
    if c >= 0x80 {
        // (`ſ` is an `s`.)
        return if c == 0xC5 { Err(Unsure) } else { Ok(None) };
    }
    // (Only the names that open with its letter, in either case.)
    for name in dates::NAME_CUES[..12].iter().filter(|m| m.as_bytes()[0].eq_ignore_ascii_case(&c)) {
        let n = name.as_bytes();
        let same = b[r..].iter().zip(n).take_while(|(x, y)| x.eq_ignore_ascii_case(y)).count();
        if same == n.len() {
            if let Some(end) = date_after_month(t, r + n.len())? {
                return Ok(Some(end));
            }
        } else if b.get(r + same).is_some_and(|&x| x >= 0x80) {
            return Err(Unsure);
        }
    }
    for a in ABBREVIATIONS {
        if !b[r..].starts_with(a.as_bytes()) {
            continue;
        }
        // With its `t` ("Sept") and full stop where they stand, then without them.
        let e = r + 3;
        let sept = a == "Sep" && b.get(e) == Some(&b't');
        let dot = |k: usize| (b.get(k) == Some(&b'.')).then_some(k + 1);
        let ends = [if sept { dot(e + 1) } else { None }, sept.then_some(e + 1), dot(e), Some(e)];
        for e in ends.into_iter().flatten() {
            if let Some(end) = date_after_month(t, e)? {
                return Ok(Some(end));
            }
        }
    }
    Ok(None)
}

/// After a month at `i`: `(?:\s+|\.)(\d{1,2})(?:,?\s+(\d{4}))?`, its end.
fn date_after_month(t: &str, i: usize) -> Result<Option<usize>, Unsure> {
    let b = t.as_bytes();
    // (A digit beyond ASCII is one of `\d`.)
    let digit = |k: usize| -> Result<bool, Unsure> {
        match b.get(k) {
            Some(c) if c.is_ascii_digit() => Ok(true),
            Some(&c) if c >= 0x80 => Err(Unsure),
            _ => Ok(false),
        }
    };
    let mut j = space_end(t, i)?;
    if j == i {
        if b.get(i) != Some(&b'.') {
            return Ok(None);
        }
        j += 1;
    }
    if !digit(j)? {
        return Ok(None);
    }
    let end = if digit(j + 1)? { j + 2 } else { j + 1 };
    let k = if b.get(end) == Some(&b',') { end + 1 } else { end };
    let y = space_end(t, k)?;
    if y > k && digit(y)? && digit(y + 1)? && digit(y + 2)? && digit(y + 3)? {
        return Ok(Some(y + 4));
    }
    Ok(Some(end))
}

/// The date of a dateline written without its year ("GAZA CITY, Feb 29 (Reuters) -"), from
/// the first full date of the text (`first`) and the corpus's year (`corpus`): the year that
/// puts the day nearest that full date (the year before, of, or after it: a story filed on
/// 15 January that recalls 7 October 2023 is of 2024; "Feb 29" after a date of 2023 is of
/// 2024), and the corpus's year instead when it is later (a full date of an earlier year is
/// history the story recalls, "since Oct 7, 2023" in a corpus of 2024) or no full date is
/// written. Days that do not exist in a year are never read in it.
fn dateline_year(month: u32, day: u32, first: Option<NaiveDate>, corpus: Option<i32>) -> Option<NaiveDate> {
    let near = first.and_then(|e| {
        let y = chrono::Datelike::year(&e);
        [y, y + 1, y - 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|d| ((*d - e).num_days().abs(), std::cmp::Reverse(*d)))
    });
    let in_corpus = corpus.and_then(|y| NaiveDate::from_ymd_opt(y, month, day));
    match (near, in_corpus) {
        (Some(a), Some(b)) => Some(if chrono::Datelike::year(&b) > chrono::Datelike::year(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// [`DATELINE_SLASHED`] in the opening of the body: "Baku/30.06.22/Turan:".
fn slashed_dateline(head: &str) -> Option<NaiveDate> {
    if !head.contains('/') {
        return None;
    }
    let c = DATELINE_SLASHED.captures(head)?;
    let year: i32 = c[3].parse().ok()?;
    let year = if c[3].len() == 2 { 2000 + year } else { year };
    NaiveDate::from_ymd_opt(year, c[2].parse().ok()?, c[1].parse().ok()?)
}

/// Words a date line may hold beside its date (with weekday names, [`dates::weekday`]):
/// "Published", "Updated", times and time zones ("Saturday 17 October 2020 18.02 BST", "October 30, 2020 12:00AM EDT",
/// "2020-10-27T14:52:00Z"; digits and punctuation are not words).
const DATE_LINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "last",
    "first",
    "posted",
    "modified",
    "on",
    "at",
    "date",
    "time",
    "local",
    "am",
    "pm",
    "t",
    "z",
    "gmt",
    "utc",
    "bst",
    "edt",
    "est",
    "cet",
    "cest",
    "eet",
    "eest",
    "msk",
    "amt",
    "azt",
    "trt",
    // North American zones as AP and CNN write them ("Oct 12, 2020, 8:15 AM ET").
    "et",
    "ct",
    "pt",
    "cdt",
    "cst",
    "pdt",
    "pst",
];

/// A line of its own under the title that holds a full date and nothing but date words:
/// "October 11, 2020", "Published 14 October 2020", "21.10.2020, 15:47",
/// "2020-10-27T14:52:00Z", or a byline with its date ("By Joshua Kucera, Oct 12, 2020"). Only
/// the first lines of the body are read.
pub fn date_line(text: &str, body_start: usize, cues: &dates::Cues) -> Option<NaiveDate> {
    date_line_with(text, body_start, |line, _, start| dates::find_dates_in(line, start, None, None, cues))
}

/// [`date_line`] of the opening of a text alone, whose date cues are found only in a line
/// that could be a date line (most openings hold none: the cue pass is skipped), in that line
/// alone: no cue holds a line feed, so a line's cues are those of the whole opening inside it.
pub fn date_line_of_opening(head: &str) -> Option<NaiveDate> {
    date_line_with(head, 0, |line, written, start| {
        let found = dates::Cues::scan(written).found().iter().map(|&(a, b, i)| (a + start, b + start, i)).collect();
        dates::find_dates_in(line, start, None, None, &dates::Cues::from_found(found))
    })
}

/// Whether a line may hold a full date: without a publication date or year hint only dates
/// written with their year are found, and a year is written in digits (ASCII, or beyond
/// ASCII as `\d` reads them: decimal digits, which are numeric characters).
fn may_hold_full_date(line: &str) -> bool {
    line.bytes().any(|c| c.is_ascii_digit()) || (!line.is_ascii() && line.chars().any(char::is_numeric))
}

/// The lines of `s`, each with its line feed (the last perhaps without one), as
/// `s.split_inclusive('\n')` gives them, each line's end found by `memchr`.
fn lines_inclusive(s: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = s.get(at..).filter(|r| !r.is_empty())?;
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        at += end;
        Some(&rest[..end])
    })
}

/// The lines of `s` as `s.lines()` gives them (without a line feed or carriage return and
/// line feed at their ends), found by [`lines_inclusive`].
fn lines_of(s: &str) -> impl Iterator<Item = &str> {
    lines_inclusive(s).map(|line| {
        let Some(line) = line.strip_suffix('\n') else { return line };
        line.strip_suffix('\r').unwrap_or(line)
    })
}

/// [`date_line`], a line's dates (without a publication date or year hint) found by `find`
/// from the line as read, the line as written (with its line feed) and where it starts in
/// `text`.
fn date_line_with(text: &str, body_start: usize, find: impl Fn(&str, &str, usize) -> Vec<dates::DateExpr>) -> Option<NaiveDate> {
    let head_end = crate::text::floor_boundary(text, body_start + 800);
    let mut at = body_start;
    for (n, line) in lines_inclusive(&text[body_start..head_end]).enumerate() {
        let start = at;
        at += line.len();
        // The title first, then a few lines (byline, photo credit, the date).
        if n == 0 || line.len() > 80 || line.trim().is_empty() {
            continue;
        }
        if n > 10 {
            break;
        }
        if !may_hold_full_date(line) {
            continue;
        }
        // "2020-10-27T14:52:00Z": the time is set apart (same length, so offsets hold).
        let written = line;
        let spaced: String;
        let line = if line.contains('T') && line.starts_with(|c: char| c.is_ascii_digit()) {
            let b = line.as_bytes();
            spaced =
                line.char_indices()
                    .map(|(i, c)| {
                        if c == 'T' && i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit) { ' ' } else { c }
                    })
                    .collect();
            spaced.as_str()
        } else {
            line
        };
        // Without a publication date or year hint only dates written with their year are found.
        let found = find(line, written, start);
        let Some((d, span)) = found.iter().find_map(|d| match d.kind {
            DateKind::Day(x, _) => Some((x, (d.start - start, d.end - start))),
            _ => None,
        }) else {
            continue;
        };
        // A byline names its authors before the date ("By Joshua Kucera, Oct 12, 2020").
        let byline = line.trim_start().starts_with("By ");
        let rest = if byline { line[span.1..].to_string() } else { format!("{} {}", &line[..span.0], &line[span.1..]) };
        let words = rest.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
        if words.into_iter().all(|w| DATE_LINE_WORDS.contains(&w.to_lowercase().as_str()) || dates::weekday(w).is_some()) {
            return Some(d);
        }
    }
    None
}

/// News agencies whose tag a dateline carries ("BAKU, Azerbaijan (AP) —", "MOSCOW, October 4.
/// /TASS/", "STEPANAKERT, OCTOBER 16, ARMENPRESS."): the tag as matched (any case) and the
/// outlet's name as shown.
const AGENCIES: &[(&str, &str)] = &[
    ("ap", "AP"),
    ("associated press", "AP"),
    ("reuters", "Reuters"),
    ("afp", "AFP"),
    ("tass", "TASS"),
    ("interfax", "Interfax"),
    ("ria novosti", "RIA Novosti"),
    ("sputnik", "Sputnik"),
    ("aa", "Anadolu Agency"),
    ("anadolu", "Anadolu Agency"),
    ("xinhua", "Xinhua"),
    ("upi", "UPI"),
    ("dpa", "dpa"),
    ("efe", "EFE"),
    ("ansa", "ANSA"),
    ("irna", "IRNA"),
    ("azertac", "Azertac"),
    ("apa", "APA"),
    ("trend", "Trend"),
    ("armenpress", "Armenpress"),
    ("arka", "ARKA"),
    ("mediamax", "Mediamax"),
    ("news.am", "news.am"),
    ("report.az", "Report.az"),
    ("turan", "Turan"),
    ("azernews", "AzerNews"),
    ("ukrinform", "Ukrinform"),
    ("unian", "UNIAN"),
    ("wafa", "WAFA"),
    ("suna", "SUNA"),
    ("saba", "Saba"),
];

/// The agency tags as pattern alternatives: the tags that are words, and the web domains.
fn agency_tags() -> (String, String) {
    let escaped = |domain: bool| -> String {
        AGENCIES.iter().filter(|(t, _)| t.contains('.') == domain).map(|(t, _)| regex::escape(t)).collect::<Vec<_>>().join("|")
    };
    (escaped(false), escaped(true))
}

/// An agency tag in parentheses or slashes, `[(/](?i:tag)[)/:]` read by hand: "(AP)",
/// "/TASS/", "(Reuters:". Its start and end in `head`, leftmost. (At one start at most one
/// tag can be followed by the closing bracket: none is another's start followed by one.)
fn bracketed_tag(head: &str) -> Option<(usize, usize)> {
    let b = head.as_bytes();
    memchr::memchr2_iter(b'(', b'/', b).find_map(|p| {
        agencies_at(b, p + 1).find_map(|(t, _)| {
            let e = folded_at(b, p + 1, t)?;
            matches!(b.get(e), Some(b')' | b'/' | b':')).then_some((p, e + 1))
        })
    })
}

/// An agency tag at the end of a dateline, matched at the start of its line (`\A`: the
/// pattern is run on the text from a line's start): after its date ("Stepanakert, October 16,
/// ARMENPRESS.", "Baku. 12 October. REPORT.AZ", a web domain that may run on into the text)
/// or after a dotted date between slashes ("Baku / 12.10.2020 / APA", "Baku/12.10.20/Turan:").
static AGENCY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let [slashed, dated] = agency_line_shapes();
    Regex::new(&format!(r"(?m)\A(?:{slashed}|{dated})")).unwrap_or_else(|e| panic!("{e}"))
});

/// The two shapes of a dateline that ends with an agency tag, as pattern alternatives read
/// from a line's start (the caller anchors them): a dotted date between slashes, then a
/// date after the place.
fn agency_line_shapes() -> [String; 2] {
    let (tags, domains) = agency_tags();
    let all = format!("{tags}|{domains}");
    let month = AGENCY_MONTH;
    [
        format!(r"[ \t]*[A-Z][\w'’.\- ]*/[ \t]*\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}[ \t]*/[ \t]*(?i:{all})(?:[:.]|[ \t]*$)"),
        format!(
            r"[ \t]*[A-Z][\w'’.\- ]*(?:,[ \t]*[\w'’.\- ]+)*?[,.][ \t]*(?:{month}\.?[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{month}\.?)(?:,?[ \t]+\d{{4}})?(?:[,.]|[ \t]+[-–—])?[ \t]*(?:(?i:{tags})(?:[.:]|[ \t]*(?:$|[-–—]))|(?-u:\b)[A-Z]{{2,}}[ \t]|(?i:{domains})(?:[ \t:.]|$))"
        ),
    ]
}

/// Whether a line (from its start, without its line break) that opens with a capital after
/// its spaces and tabs may start a match of [`AGENCY_LINE`] (a byte beyond ASCII is taken
/// for whatever may stand there: a word character, `’`, `ſ`, a digit or a dash):
/// - a dotted date between slashes: the place's run of word characters, `'`, `’`, `.`,
///   `-` and spaces (from the capital) ends with a `/`;
/// - a date after the place, which is word characters, `'`, `’`, `.`, `-`, `,`, spaces and
///   tabs: the date follows a comma or a full stop of that run and its spaces and tabs,
///   either a day, its spaces and a month (three letters), or a month, perhaps a full stop,
///   spaces and a day, after which, past digits (a year), commas, full stops, hyphens, spaces
///   and tabs, comes what [`may_follow_date`] allows.
///
/// Lines that cannot match are not searched (running text, "BAKU, Azerbaijan, Oct. 19 (AP) —
/// …": its date is followed by a bracket), so the pattern is rarely built.
fn may_be_agency_line(line: &str) -> bool {
    let b = line.as_bytes();
    let word = |c: u8| PLACE_BYTES[usize::from(c)] & PLACE != 0;
    let blank = |c: u8| matches!(c, b' ' | b'\t');
    // A month's first three letters in any ASCII case (only the `s` of "Sep" may be written
    // otherwise, `ſ`, a byte beyond ASCII).
    let month = |i: usize| {
        b.get(i).is_some_and(|&c| c >= 0x80)
            || b.get(i..i + 3).is_some_and(|w| dates::NAME_CUES[..12].iter().any(|m| w.eq_ignore_ascii_case(&m.as_bytes()[..3])))
    };
    let f = skip_while(b, 0, blank);
    // (Runs of ASCII letters, digits and spaces, all of the place's bytes, passed over eight
    // bytes at a time by [`skip_plain`].)
    if b.get(skip_while(b, skip_plain(b, f), word)) == Some(&b'/') {
        return true;
    }
    let mut i = f;
    loop {
        i = skip_plain(b, i);
        let Some(&c) = b.get(i) else { break };
        i += 1;
        // (A comma or full stop, else a byte of the place or a tab, told by one table read.)
        let class = PLACE_BYTES[usize::from(c)];
        if class & SEPARATOR == 0 {
            if class & (PLACE | TAB) != 0 {
                continue;
            }
            break;
        }
        let q = skip_while(b, i, blank);
        let Some(&d) = b.get(q) else { break };
        if d >= 0x80 {
            return true;
        }
        if d.is_ascii_digit() {
            // Day first: one or two digits, spaces and a month.
            let k = skip_while(b, q, |c| c.is_ascii_digit());
            let m = skip_while(b, k, blank);
            if b.get(k).is_some_and(|&c| c >= 0x80) || (k - q <= 2 && m > k && month(m)) {
                return true;
            }
        } else if month(q) {
            // Month first: the month's letters, a full stop, spaces, a day, then the tail.
            let mut k = skip_while(b, q, |c| c.is_ascii_alphabetic() || c >= 0x80);
            if b.get(k) == Some(&b'.') {
                k += 1;
            }
            let day = skip_while(b, k, blank);
            if day > k
                && b.get(day).is_some_and(|&c| c.is_ascii_digit() || c >= 0x80)
                && may_follow_date(b, skip_while(b, day, |c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b'-' | b' ' | b'\t')))
            {
                return true;
            }
        }
    }
    false
}

/// The class bits of a byte in [`PLACE_BYTES`]: a byte of a place's run in a dateline
/// ([`may_be_agency_line`]: an ASCII letter or digit, `_`, `'`, `.`, `-`, a space, or any byte
/// beyond ASCII), a tab, a comma or full stop.
const PLACE: u8 = 1;
const TAB: u8 = 2;
const SEPARATOR: u8 = 4;

/// The class bits ([`PLACE`], [`TAB`], [`SEPARATOR`]) of every byte.
static PLACE_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'\'' | b'.' | b'-' | b' ') || c >= 0x80 {
            table[i] |= PLACE;
        }
        if c == b'\t' {
            table[i] |= TAB;
        }
        if matches!(c, b',' | b'.') {
            table[i] |= SEPARATOR;
        }
        i += 1;
    }
    table
};

/// The first byte at or after `i` of `b` that is not an ASCII letter, digit or space (the
/// end of `b` if none), as [`skip_while`] finds it, read eight bytes at a time: a byte's
/// class is told from the high bits of sums of the eight (a byte beyond ASCII is taken as
/// not plain, and no sum carries out of a byte below it).
#[inline]
fn skip_plain(b: &[u8], mut i: usize) -> usize {
    const fn each(c: u8) -> u64 {
        u64::from_le_bytes([c; 8])
    }
    const HIGH: u64 = each(0x80);
    // The high bit of each byte (below 0x80) of `w` that lies in `lo..=hi`.
    let within = |w: u64, lo: u8, hi: u8| w.wrapping_add(each(0x80 - lo)) & !w.wrapping_add(each(0x7F - hi)) & HIGH;
    while let Some(chunk) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let plain = within(w | each(0x20), b'a', b'z') | within(w, b'0', b'9') | within(w, b' ', b' ');
        let other = (!plain | w) & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    skip_while(b, i, |c| c.is_ascii_alphanumeric() || c == b' ')
}

/// The first byte at or after `i` of `b` that is not `more`.
fn skip_while(b: &[u8], mut i: usize, more: impl Fn(u8) -> bool) -> usize {
    while b.get(i).is_some_and(|&c| more(c)) {
        i += 1;
    }
    i
}

/// Whether what stands at `j` of `line` may follow a day or year in an agency's dateline
/// ([`may_be_agency_line`]): an agency's tag or web domain ([`AGENCIES`]), two capitals or
/// more and a space or tab, or a byte beyond ASCII (a dash `–` or `—` before the tag, `ſ`,
/// a digit).
fn may_follow_date(line: &[u8], j: usize) -> bool {
    let Some(&c) = line.get(j) else { return false };
    let caps = line[j..].iter().take_while(|c| c.is_ascii_uppercase()).count();
    c >= 0x80
        || (caps >= 2 && matches!(line.get(j + caps), Some(b' ' | b'\t')))
        || agencies_at(line, j).any(|(t, _)| folded_at(line, j, t).is_some())
}

/// The agencies ([`AGENCIES`]) whose tag may be read at `j` of `b` by [`folded_at`]: those
/// whose first letter stands there in either ASCII case (every tag opens with a lower-case
/// letter), or all of them before a byte beyond ASCII (`ſ`, the Kelvin sign).
/// (The agencies are read as the bits of [`AGENCIES_BY_FIRST`]'s set for the byte, in their
/// order: the same ones as [`agencies_at_by_list`] gives, without a compare per agency.)
fn agencies_at(b: &[u8], j: usize) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    let mut set = b.get(j).map_or(0, |&c| if c >= 0x80 { ALL_AGENCIES } else { AGENCIES_BY_FIRST[usize::from(c | 0x20)] });
    std::iter::from_fn(move || {
        if set == 0 {
            return None;
        }
        let i = set.trailing_zeros() as usize;
        set &= set - 1;
        AGENCIES.get(i)
    })
}

/// [`agencies_at`] by comparing each agency's first letter: the proptest's reference.
#[cfg(test)]
fn agencies_at_by_list(b: &[u8], j: usize) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    let c = b.get(j).copied();
    AGENCIES.iter().filter(move |(t, _)| c.is_some_and(|c| c >= 0x80 || c | 0x20 == t.as_bytes()[0]))
}

/// Every agency of [`AGENCIES`], one bit each by its index.
const ALL_AGENCIES: u64 = {
    assert!(AGENCIES.len() <= 64);
    if AGENCIES.len() == 64 { u64::MAX } else { (1 << AGENCIES.len()) - 1 }
};

/// Per ASCII byte in lower case (a byte `| 0x20`), the agencies whose tag opens with it, one
/// bit each by its index in [`AGENCIES`].
static AGENCIES_BY_FIRST: [u64; 128] = {
    let mut table = [0; 128];
    let mut i = 0;
    while i < AGENCIES.len() {
        table[AGENCIES[i].0.as_bytes()[0] as usize & 0x7F] |= 1 << i;
        i += 1;
    }
    table
};

/// The first agency tag of `head`: the leftmost bracketed tag ([`bracketed_tag`]) or match of
/// [`AGENCY_LINE`] at a line's start (a bracket never opens a line's match). A line's match
/// has a capital after the line's spaces and tabs, and a comma, full stop or slash before
/// the line ends: other lines (most titles) are not searched, nor lines where no date can
/// stand before a tag ([`may_be_agency_line`]). (A proptest checks it against the one
/// pattern of both.)
fn agency_match(head: &str) -> Option<&str> {
    let bracketed = bracketed_tag(head);
    let limit = bracketed.map_or(head.len(), |(start, _)| start);
    let b = head.as_bytes();
    let mut ls = 0;
    while ls < limit {
        let le = memchr::memchr(b'\n', &b[ls..]).map_or(b.len(), |i| ls + i);
        let line = &b[ls..le];
        let first = line.iter().position(|c| !matches!(c, b' ' | b'\t'));
        if first.is_some_and(|f| line[f].is_ascii_uppercase())
            && memchr::memchr3(b',', b'.', b'/', line).is_some()
            && may_be_agency_line(&head[ls..le])
            && let Some(m) = AGENCY_LINE.find(&head[ls..])
        {
            return Some(&head[ls..ls + m.end()]);
        }
        ls = le + 1;
    }
    bracketed.map(|(start, end)| &head[start..end])
}

/// The news agency named by the dateline's tag in the first lines of the body, as its
/// outlet: `(AP)`, `(Reuters)`, `/TASS/`, `…, October 16, ARMENPRESS.`, `…, 12 October,
/// AZERTAC`, `MOSCOW, Oct 12 - RIA Novosti.`. Tags elsewhere in
/// the text ("told Reuters", "(AP Photo/…)") are not read.
pub fn agency(text: &str, body_start: usize) -> Option<&'static str> {
    // The title and the opening lines: where a dateline stands.
    let head = &text[body_start..crate::text::floor_boundary(text, body_start + 400)];
    // Every tag is in parentheses or slashes, or follows a comma or a full stop: other texts skip
    // the pattern.
    if !holds_tag_punctuation(head) {
        return None;
    }
    // The match alone (no capture groups, which need a slower engine): the tag is inside its
    // brackets, or ends it before the closing punctuation.
    let m = agency_match(head)?;
    let tag = if m.starts_with(['(', '/']) { &m[1..m.len() - 1] } else { m.trim_end_matches(['.', ':', ' ', '\t', '-', '–', '—']) };
    AGENCIES
        .iter()
        .find(|(t, _)| {
            tag.len() >= t.len() && tag.is_char_boundary(tag.len() - t.len()) && tag[tag.len() - t.len()..].eq_ignore_ascii_case(t)
        })
        .map(|&(_, name)| name)
}

/// Whether `head` holds a bracket, slash, comma or full stop (`contains(['(', '/', ',', '.'])`
/// read by bytes: each is ASCII), the first three looked for by `memchr3` and the full stop
/// by `memchr` only when none of them stands (most heads hold a comma near their start).
fn holds_tag_punctuation(head: &str) -> bool {
    let b = head.as_bytes();
    memchr::memchr3(b'(', b'/', b',', b).is_some() || memchr::memchr(b'.', b).is_some()
}

/// The latest full date (with a year) the article mentions: an inferred publication date.
pub fn infer_published(text: &str, body_start: usize) -> Option<NaiveDate> {
    infer_published_in(text, body_start, &dates::Cues::scan(text))
}

/// [`infer_published`] of a text whose date cues were already found.
pub fn infer_published_in(text: &str, body_start: usize, cues: &dates::Cues) -> Option<NaiveDate> {
    dates::find_dates_in(&text[body_start..], body_start, None, None, cues)
        .into_iter()
        .filter_map(|d| match d.kind {
            DateKind::Day(x, _) | DateKind::Since(x) => Some(x),
            _ => None,
        })
        .max()
}

/// Credit lines and author lines of an article (what a byline says is about the report, not
/// the news): none of their names is a person of the story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bylines {
    /// Whole lines that credit the report's makers, anywhere in the article: "By Nvard
    /// Hovhannisyan and Nailia Bagirova", "By AP staff", "Reporting by …; Editing by …",
    /// "Additional reporting by …", "… contributed to this report.", "With inputs from …".
    /// They are not read at all (no sentences, names, places, claims or quotes).
    pub credits: Vec<Span>,
    /// Author lines under the title without "By": "Andrew Roth in Moscow", "Jane Doe, Middle
    /// East correspondent", "Joshua Kucera Oct 14, 2020". Their names are not people of the
    /// story (places in them are still mentions).
    pub authors: Vec<Span>,
}

/// Openings of credit lines (lower case, after brackets and emphasis marks).
const CREDIT_OPENINGS: &[&str] = &[
    "reporting by ",
    "additional reporting by ",
    "with additional reporting by ",
    "with reporting by ",
    "reporting and writing by ",
    "writing by ",
    "written by ",
    "editing by ",
    "edited by ",
    "compiled by ",
    "produced by ",
    "translated by ",
    "with inputs from ",
    "inputs from ",
];

/// Endings of credit lines ("Associated Press writer … contributed to this report.").
const CREDIT_ENDINGS: &[&str] = &["contributed to this report", "contributed to this story", "contributed reporting"];

/// Lower-case words a "By …" line may hold besides names: "By AP staff", "By Jane Doe and
/// agencies", "By Orla Guerin in Stepanakert".
const BYLINE_WORDS: &[&str] = &[
    "and",
    "in",
    "staff",
    "writer",
    "writers",
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "editor",
    "agencies",
    "for",
    "from",
    "of",
    "the",
    "at",
    "with",
    "&",
];

/// A word of a name as bylines write it: capitalised ("Nvard", "Al-Ansari", "O'Brien"), or
/// an acronym ("AP").
fn name_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
}

/// Whether a line (trimmed) is a "By …" byline: "By" then names and a few connecting words,
/// never running text ("By Tuesday, the town had fallen").
fn by_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")) else { return false };
    let words: Vec<&str> =
        rest.split_whitespace().map(|w| w.trim_matches([',', ';', '|', '/', '(', ')'])).filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words.len() <= 16
        && words.first().is_some_and(|w| name_word(w))
        && !line.ends_with(['.', '?', '!', ':', '"', '”'])
        && words.iter().all(|w| name_word(w) || BYLINE_WORDS.contains(w) || w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b':'))
}

/// Whether a short line under the title names its author: a name of two to four
/// capitalised words, alone or followed by a role, a place or a date.
fn author_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(2..=10).contains(&words.len()) || line.ends_with(['.', '?', '!', ':', ';']) || line.contains(['"', '“', '”']) {
        return false;
    }
    let is_name = |w: &str| {
        let w = w.trim_end_matches(',');
        w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase) && !super::names::is_stop_word(w)
    };
    let k = words.iter().take(4).take_while(|w| is_name(w)).count();
    if k < 2 {
        return false;
    }
    // The name may end the line, or be followed by ", role", "in Place", "and …", a date.
    let comma = words[..k].iter().position(|w| w.ends_with(','));
    let k = comma.map_or(k, |c| c + 1);
    if k < 2 {
        return false;
    }
    match words.get(k) {
        None => true,
        Some(next) => {
            words[k - 1].ends_with(',')
                || matches!(*next, "in" | "and" | "|" | "-" | "–" | "—" | "/" | "for")
                || next.starts_with(|c: char| c.is_ascii_digit())
                || month_number(next.trim_end_matches([',', '.'])).is_some()
        }
    }
}

/// How far into the body bylines are looked for, and how far from the end credits.
const HEAD_BYTES: usize = 1200;
const TAIL_BYTES: usize = 1000;

/// The credit and author lines of an article ([`Bylines`]): at its head and its end.
pub fn bylines(text: &str, body_start: usize) -> Bylines {
    bylines_reading(text, body_start, false)
}

/// [`bylines`], the lines between the head and the tail passed over at once, or, with
/// `every_line` (the tests' reference), one by one.
fn bylines_reading(text: &str, body_start: usize, every_line: bool) -> Bylines {
    let mut out = Bylines::default();
    let mut at = body_start;
    // Lines read so far (the title is the first), and whether the story's running text has
    // begun (author lines stand above it).
    let mut n = 0usize;
    let mut in_story = false;
    let all = text.as_bytes();
    // Bylines and author lines stand at the head, credits at the head or the end: the lines
    // in between (which start after the head and end before the tail) are not read, nor
    // looked for (the story has begun there, so how many they are no longer matters).
    let head_end = body_start + HEAD_BYTES;
    let tail_start = text.len().saturating_sub(TAIL_BYTES);
    let mut last = false;
    while !last {
        let start = at;
        // (A blank line between paragraphs, as every other line is, ends where it starts: no
        // search.)
        let line_end = match all.get(start) {
            Some(b'\n') => start + 1,
            _ => match memchr::memchr(b'\n', &all[start..]) {
                Some(i) => start + i + 1,
                None => {
                    last = true;
                    text.len()
                }
            },
        };
        at = line_end;
        if start > head_end && line_end < tail_start {
            in_story = true;
            // On from the last of these lines: the next line ends in the tail.
            if let Some(i) = memchr::memrchr(b'\n', &all[line_end..tail_start - 1]).filter(|_| !every_line) {
                at = line_end + i + 1;
            }
            continue;
        }
        let raw = &text[start..line_end];
        // Credit and author lines are short: a long paragraph is running text, read no further.
        if raw.len() > 320 {
            n += 1;
            in_story |= n > 1;
            continue;
        }
        let b = raw.as_bytes();
        let Some(f) = b.iter().position(|c| !c.is_ascii_whitespace()) else { continue };
        if in_story {
            // Cheap tests first: in running text only a credit can matter, and a credit opens
            // with a bracket, an emphasis mark, a dash or the first letters of an opening
            // ("By", "Reporting", "Additional", "With", "Writing", "Editing", "Compiled", …),
            // or ends with an ending's last letter ("… report.", "… story.", "… reporting.").
            let two = [b[f] | 0x20, b.get(f + 1).map_or(0, |c| c | 0x20)];
            let opens = b[f] >= 0x80
                || matches!(b[f], b'*' | b'_' | b'(' | b'[' | b'-')
                || matches!(&two, b"by" | b"re" | b"ad" | b"wi" | b"wr" | b"ed" | b"co" | b"pr" | b"tr" | b"in");
            let last = b.iter().rposition(|c| !matches!(c, b'.' | b')' | b' ' | b'\t' | b'\r' | b'\n'));
            let ends = last.is_some_and(|l| matches!(b[l], b't' | b'y' | b'g'));
            if !opens && !ends {
                n += 1;
                continue;
            }
        }
        // (Trimmed by bytes while ASCII: `text::trim_start`, then `text::trim_end` of what it
        // leaves, as `text::trim` would, without trimming the start twice.)
        let started = crate::text::trim_start(raw);
        let lead = raw.len() - started.len();
        let line = crate::text::trim_end(started);
        if line.is_empty() || line.starts_with("{{") {
            continue;
        }
        n += 1;
        let span = Span { start: start + lead, end: start + lead + line.len() };
        // Markdown emphasis, brackets and dashes around a credit: "*By …*", "(Reporting by …)".
        let bare = without_credit_marks(line);
        let first = bare.as_bytes().first().copied().unwrap_or(b' ');
        // Most lines open with none of the letters a credit opens with.
        if matches!(
            first,
            b'B' | b'b' | b'R' | b'r' | b'A' | b'a' | b'W' | b'w' | b'E' | b'e' | b'C' | b'c' | b'P' | b'p' | b'T' | b't' | b'I' | b'i'
        ) && bare.len() <= 300
        {
            // The opening is followed by a name or "agencies", "staff" ("Writing by candlelight,
            // …" is running text).
            let opens = |o: &&str| {
                bare.as_bytes().get(..o.len()).is_some_and(|h| h.eq_ignore_ascii_case(o.as_bytes()))
                    && bare[o.len()..].split_whitespace().next().is_some_and(|w| name_word(w) || BYLINE_WORDS.contains(&w))
            };
            // (An opening is only compared where its first letter is the line's: `first` is an
            // ASCII letter here, every opening starts with a lower-case one.)
            if by_line(bare) || CREDIT_OPENINGS.iter().any(|o| o.as_bytes()[0] == first | 0x20 && opens(o)) {
                out.credits.push(span);
                continue;
            }
        }
        let end = bare.trim_end_matches(['.', ')']).as_bytes();
        let ends = |e: &&str| end.len() >= e.len() && end[end.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes());
        // (Every ending closes with "t", "y" or "g".)
        if matches!(end.last(), Some(b't' | b'y' | b'g')) && CREDIT_ENDINGS.iter().any(ends) {
            out.credits.push(span);
            continue;
        }
        if n == 1 || in_story {
            continue;
        }
        // (Words counted by bytes while they are ASCII, as `split_whitespace` counts them.)
        if super::attribution::more_words_than(line, 10) || n > 8 {
            in_story = true;
            continue;
        }
        if author_line(bare) {
            out.authors.push(span);
        }
    }
    out
}

/// Whether an ASCII byte is a mark [`without_credit_marks`] trims (emphasis, brackets,
/// hyphen, space).
fn is_credit_mark(c: u8) -> bool {
    matches!(c, b'*' | b'_' | b'(' | b')' | b'[' | b']' | b'-' | b' ')
}

/// A line without the Markdown emphasis, brackets, dashes and spaces around it ("*By …*",
/// "(Reporting by …)"), as [`without_credit_marks_by_chars`] trims them: a line whose first
/// and last bytes are ASCII and none of those marks (most lines) is its own, with no
/// character read.
fn without_credit_marks(line: &str) -> &str {
    let b = line.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) if f < 0x80 && l < 0x80 && !is_credit_mark(f) && !is_credit_mark(l) => line,
        _ => without_credit_marks_by_chars(line),
    }
}

/// [`without_credit_marks`] by characters (`trim_matches`, which also trims the dashes `–`
/// and `—`): its slow path and the proptest's reference.
fn without_credit_marks_by_chars(line: &str) -> &str {
    line.trim_matches(|c: char| matches!(c, '*' | '_' | '(' | ')' | '[' | ']' | '-' | '–' | '—' | ' '))
}

/// Spans of template junk such as `{{dayPoint.date | date : 'd MMMM yyyy'}}`.
pub fn junk_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = open_braces(text.as_bytes(), from) {
        match memchr::memmem::find(&text.as_bytes()[start..], b"}}") {
            Some(e) => {
                out.push(Span { start, end: start + e + 2 });
                from = start + e + 2;
            }
            None => break,
        }
    }
    out
}

/// Where the first `{{` at or after `from` of `b` starts, found by its first brace (one byte's
/// search, the fastest: most texts hold no brace at all).
fn open_braces(b: &[u8], from: usize) -> Option<usize> {
    let mut k = from;
    loop {
        let i = k + memchr::memchr(b'{', b.get(k..)?)?;
        if b.get(i + 1) == Some(&b'{') {
            return Some(i);
        }
        k = i + 1;
    }
}

/// The title: the first non-empty line that is not a header or template junk, cut at a
/// sentence end if it is long.
pub fn title(text: &str, body_start: usize) -> String {
    for line in lines_of(&text[body_start..]) {
        // (A line without template junk is read as it stands: its `{{` looked for by its first
        // brace, [`open_braces`], not by a two-byte `memmem` search set up for each line.)
        let without_junk: String;
        let l = if open_braces(line.as_bytes(), 0).is_some() {
            let mut l = line.to_string();
            for j in junk_spans(line).iter().rev() {
                l.replace_range(j.start..j.end, "");
            }
            without_junk = l;
            without_junk.as_str()
        } else {
            line
        };
        // Markdown: "# Title", "*By …*".
        let l = without_title_marks(l);
        if l.is_empty() || is_date_note(l) {
            continue;
        }
        // (No more characters than bytes: a short line is not counted.)
        if l.len() <= 140 || l.chars().count() <= 140 {
            return l.to_string();
        }
        let cut = crate::text::sentences(l).first().map(|s| &l[s.start..s.end]).unwrap_or(l);
        let mut t: String = cut.chars().take(140).collect();
        if t.len() < cut.len() {
            t.push('…');
        }
        return t;
    }
    "(untitled)".into()
}

/// A title line without its white space, Markdown heading marks and emphasis around it, as
/// [`without_title_marks_by_chars`] trims them: a line that opens and ends with an ASCII byte
/// none of those trims (most lines) is its own, with no character read.
fn without_title_marks(l: &str) -> &str {
    let b = l.as_bytes();
    let kept = |c: u8| c < 0x80 && !c.is_ascii_whitespace() && !matches!(c, b'#' | b'*' | b'_');
    match (b.first(), b.last()) {
        // (`is_ascii_whitespace` holds the ASCII white space `trim` trims but the vertical
        // tab: that byte is taken by the slow path.)
        (Some(&f), Some(&e)) if kept(f) && kept(e) && f != 0x0B && e != 0x0B => l,
        _ => without_title_marks_by_chars(l),
    }
}

/// [`without_title_marks`] by characters: its slow path and the proptest's reference.
fn without_title_marks_by_chars(l: &str) -> &str {
    l.trim().trim_start_matches('#').trim().trim_matches(['*', '_']).trim()
}

/// Whether a line is a date or an update note and not a title: it holds a digit and only
/// date words, weekday and month names ("Details added, first version posted 16:31",
/// "Updated 12:41 GMT", "Monday, 12 October 2020").
fn is_date_note(line: &str) -> bool {
    line.len() <= 80
        && holds_ascii_digit(line)
        && line.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).all(|w| {
            let lower = w.to_lowercase();
            DATE_LINE_WORDS.contains(&lower.as_str())
                || matches!(lower.as_str(), "details" | "added" | "version")
                || dates::weekday(w).is_some()
                || dates::NAME_CUES[..24].iter().any(|m| m.eq_ignore_ascii_case(w))
        })
}

/// Whether `s` holds an ASCII digit (`s.contains(|c: char| c.is_ascii_digit())`), read by
/// bytes: a digit is one byte, and no byte of a longer character is one.
fn holds_ascii_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

/// Words that, among the three before a truce word, make it refer back to a truce ("minutes
/// after the truce took hold").
const REFERS_BACK: &[&str] = &["after", "of", "since", "before", "until", "despite"];

/// Whether one of the last three words of `t` (split at white space) is one of
/// [`REFERS_BACK`] in any ASCII case: read back by bytes while they are ASCII, else by
/// `split_whitespace` (white space beyond ASCII).
fn refers_back(t: &str) -> bool {
    let by_words = || t.split_whitespace().rev().take(3).any(|w| REFERS_BACK.iter().any(|x| w.eq_ignore_ascii_case(x)));
    let b = t.as_bytes();
    // (White space in ASCII, as `char::is_whitespace` reads it.)
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let mut end = b.len();
    for _ in 0..3 {
        while end > 0 && space(b[end - 1]) {
            end -= 1;
        }
        if end == 0 {
            return false;
        }
        let mut start = end;
        while start > 0 && !space(b[start - 1]) {
            if b[start - 1] >= 0x80 {
                return by_words();
            }
            start -= 1;
        }
        if REFERS_BACK.iter().any(|x| b[start..end].eq_ignore_ascii_case(x.as_bytes())) {
            return true;
        }
        end = start;
    }
    false
}

/// Truce moments: sentences that say a ceasefire takes effect, dated by their own date (or
/// the article's).
pub fn truces(ctx: &DocCtx) -> Vec<Truce> {
    let mut out = Vec::new();
    // Each sentence holding a truce hint is judged once, at its first truce word inside it
    // (searched in the text up to the sentence's end from its start, so the word boundary
    // at its start sees the text before it).
    // (The hints come in text order: the sentence holding each is found by walking on from
    // the last one's, `DocCtx::sentence_at` without a search.)
    let mut last_sentence = None;
    let mut at = 0;
    let hints = &ctx.cues.truce;
    for (i, &hint) in hints.iter().enumerate() {
        while ctx.sentences.get(at).is_some_and(|s| s.span.end <= hint) {
            at += 1;
        }
        let Some(s) = ctx.sentences.get(at).filter(|s| s.span.start <= hint) else { continue };
        if last_sentence == Some(s.span.start) {
            continue;
        }
        last_sentence = Some(s.span.start);
        // A sentence without a date dates no truce: its words are not read.
        let Some(date) = s.date else { continue };
        // A truce word holds a hint at most 12 bytes from its start ("halt to the fighting"),
        // and this is the sentence's first hint: no truce word starts more than 16 bytes
        // before it.
        let from = crate::text::floor_boundary(ctx.text, hint.saturating_sub(16)).max(s.span.start);
        let Some(found) = first_truce_word(ctx.text, &hints[i..], from, s.span.end) else { continue };
        let t = &ctx.text[s.span.start..s.span.end];
        let k = found - s.span.start;
        // "minutes after the truce took hold" refers back to a truce; it does not report one.
        // (In ASCII case alone: only the Kelvin sign beyond ASCII is a letter in lower case,
        // and none of these words has a `k`.) Tested before the sentence is searched.
        if refers_back(&t[..k]) || !takes_effect_in(t, s.span.start, &ctx.cues.effect) {
            continue;
        }
        out.push(Truce { article: ctx.article.clone(), date, start: s.span.start, end: s.span.end });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    /// The one pattern of all truce words, as [`truces`] searched it before
    /// [`first_truce_word`].
    static TRUCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(ceasefire|cease-fire|truce|halt to (?:the )?fighting|armistice)(?-u:\b)")
            .unwrap_or_else(|e| panic!("{e}"))
    });

    /// The starts of the truce hints in `text` from `from` on, as the cue pass finds them.
    fn hints_from(text: &str, from: usize) -> Vec<usize> {
        let lower = text.to_ascii_lowercase();
        let mut v: Vec<usize> =
            (from..lower.len()).filter(|&i| TRUCE_HINTS.iter().any(|h| lower.as_bytes()[i..].starts_with(h.as_bytes()))).collect();
        v.dedup();
        v
    }

    #[test]
    fn truce_letters_have_no_other_case_forms() {
        // Besides ASCII case, a case-insensitive pattern reads only `ſ` as an `s` of a truce word.
        // (The same holds for the hints of what takes effect, which have no `s`, and for its
        // phrases, where a `k` may also be the Kelvin sign.)
        let letters: std::collections::BTreeSet<char> = TRUCE_WORDS
            .iter()
            .chain(TAKES_EFFECT_HINTS)
            .chain(TAKES_EFFECT_PHRASES)
            .flat_map(|w| w.chars())
            .filter(char::is_ascii_lowercase)
            .collect();
        only_long_s_and_kelvin_fold_to(letters);
    }

    /// Asserts that, beyond ASCII, a case-insensitive pattern reads only `ſ` as an `s` and only
    /// the Kelvin sign as a `k`, and no other character as any of `letters`.
    fn only_long_s_and_kelvin_fold_to(letters: std::collections::BTreeSet<char>) {
        let beyond_ascii: String = (0x80..=0x10FFFFu32).filter_map(char::from_u32).collect();
        for l in letters {
            let re = Regex::new(&format!("(?i){}", regex::escape(&l.to_string()))).unwrap_or_else(|e| panic!("{e}"));
            let other: Vec<&str> = re.find_iter(&beyond_ascii).map(|m| m.as_str()).collect();
            let want: Vec<&str> = match l {
                's' => vec!["ſ"],
                'k' => vec!["\u{212A}"],
                _ => vec![],
            };
            assert_eq!(other, want, "{l}");
        }
    }

    proptest::proptest! {
        #[test]
        fn full_dates_need_digits(parts in proptest::collection::vec(0usize..34, 0..12)) {
            // (`date_line` reads for a date only lines that `may_hold_full_date`.)
            const PARTS: &[&str] = &[
                "October", "Oct.", "OCTOBER", " ", ", ", ".", "-", "/", "Monday", "yesterday", "today", "last year", "this month",
                "twenty", "the 12th", "since", "early", "mid-", "T", "Published", "on", "a day earlier", "weekend", "May",
                "2020", "١٢", "٢٠٢٠", "Tərtər", "ſeptember", "\u{a0}", "Сочи", "\u{212A}", "Ⅻ", "¹²",
            ];
            let line: String = parts.iter().map(|&i| PARTS[i]).collect();
            let found = dates::find_dates(&line, 0, None, None);
            proptest::prop_assert!(
                may_hold_full_date(&line) || !found.iter().any(|d| matches!(d.kind, DateKind::Day(..))),
                "{line:?}"
            );
        }

        /// The date line of an opening, its cues found line by line, is the one read with the
        /// cues of the whole opening (lines of all sorts, "\r\n", text beyond ASCII).
        #[test]
        fn opening_date_line_is_read_with_the_openings_cues(parts in proptest::collection::vec(0usize..30, 0..40)) {
            const PARTS: &[&str] = &[
                "Title", "\n", "\r\n", "\n\n", "October", "Oct.", "OCT", "12", "2020", ", ", " ", ".", "-", "/", "T", "14:52",
                "Published", "By Jane Doe", "Monday", "last year", "since", "Updated", "ə", "\u{a0}", "١٢", "Сочи", "21.10.2020",
                "2020-10-27T14:52:00Z", "May", "yesterday",
            ];
            let head: String = parts.iter().map(|&i| PARTS[i]).collect();
            proptest::prop_assert_eq!(date_line_of_opening(&head), date_line(&head, 0, &dates::Cues::scan(&head)), "{:?}", head);
        }
    }

    #[test]
    fn agency_letters_have_no_other_case_forms() {
        // (`folded_at` reads `s` also as `ſ` and `k` also as the Kelvin sign, and no other
        // letter of a tag beyond ASCII.)
        only_long_s_and_kelvin_fold_to(AGENCIES.iter().flat_map(|(t, _)| t.chars()).collect());
        // (`agencies_at` compares a tag's first byte as a lower-case letter.)
        assert!(AGENCIES.iter().all(|(t, _)| t.as_bytes()[0].is_ascii_lowercase()));
    }

    #[test]
    fn no_truce_word_opens_with_an_s() {
        // (`first_truce_word` compares a start's first byte in ASCII alone.)
        assert!(TRUCE_WORDS.iter().all(|w| !w.starts_with('s')));
    }

    #[test]
    fn truce_words_as_the_pattern_finds_them() {
        for text in [
            "A ceasefire took effect.",
            "the CEASE-FIRE, a Truce",
            "ceaſefire and ceaſe-fire",
            "a halt to the fighting; a halt to fighting; halt to the fightings",
            "ceasefires, xtruce, truce_ and armistice2 and 'armistice'",
            "Armistice",
        ] {
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for end in (from..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let want = TRUCE.find_at(&text[..end], from).map(|m| m.start());
                    assert_eq!(first_truce_word(text, &hints_from(text, from), from, end), want, "{text:?} {from} {end}");
                }
            }
        }
    }

    /// Every phrase of what takes effect, with each `s` written `ſ` or not and each `k`
    /// written `K` or not, holds a hint at most [`EFFECT_HINT_OFFSET`] bytes from its start.
    #[test]
    fn effect_hints_stand_near_the_phrase_start() {
        for p in TAKES_EFFECT_PHRASES {
            let mut variants = vec![String::new()];
            for c in p.chars() {
                let forms: &[&str] = match c {
                    's' => &["s", "ſ"],
                    'k' => &["k", "\u{212A}"],
                    _ => &[],
                };
                let forms: Vec<String> = if forms.is_empty() { vec![c.to_string()] } else { forms.iter().map(|f| f.to_string()).collect() };
                variants = variants.iter().flat_map(|v| forms.iter().map(move |f| format!("{v}{f}"))).collect();
            }
            for v in variants {
                let lower = v.to_ascii_lowercase();
                let nearest = TAKES_EFFECT_HINTS.iter().filter_map(|h| lower.find(h)).min();
                assert!(nearest.is_some_and(|k| k <= 11), "{v:?}");
            }
        }
    }

    #[test]
    fn hints_of_what_takes_effect() {
        assert!(takes_effect("The ceasefire TOOK EFFECT at noon."));
        assert!(takes_effect("The truce took hold; it is announced from 12 hours"));
        assert!(takes_effect("A truce from ٢ hours"));
        assert!(takes_effect("The truce taKing effect"));
        assert!(takes_effect("The truce tooK hold"));
        assert!(!takes_effect("The truce took effects"));
        assert!(!takes_effect("Forces held the town."));
    }

    /// [`header`] by the pattern alone, as it was read before [`ascii_header`].
    fn header_by_pattern(text: &str) -> Option<Header> {
        if !text.trim_start().starts_with(['d', 'D', 'p', 'P']) {
            return None;
        }
        let Some(c) = HEADER.captures(text) else { return written_header(text) };
        let date = NaiveDate::parse_from_str(&c[1], "%Y-%m-%d").ok()?;
        Some(Header { date, end: c.get(0)?.end() })
    }

    #[test]
    fn header_by_hand_table() {
        for lead in ["", " \n", "\u{a0}"] {
            for key in ["date", "Dated", "PUBLISHED", "publiſhed", "Publication Date", "dates"] {
                for sep in ["", " ", ":", " = ", "\u{2003}"] {
                    for date in ["2020-10-13", "2020-02-30", "0000-01-01", "2020-1-13", "٢٠٢٠-10-13", "20201-10-13"] {
                        for time in ["", "T08:00:00Z", " 08:00", "T", " ٢", " +04"] {
                            for tail in ["", " \tTitle", "\nTitle"] {
                                let text = format!("{lead}{key}{sep}{date}{time}{tail}");
                                assert_eq!(header(&text), header_by_pattern(&text), "{text:?}");
                            }
                        }
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn header_by_hand_is_the_pattern(parts in proptest::collection::vec(0usize..27, 0..12)) {
            const PARTS: &[&str] = &[
                " ", "\t", "\n", "\u{a0}", "date", "Dated", "PUBLISHED", "publiſhed", "publication date", ":", "=", "2020", "0000",
                "-", "10", "13", "02", "30", "T", "08:00:00Z", "+04", "٢", "x", "October 12, 2020", "d", "12.10.2020", "é",
            ];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            proptest::prop_assert_eq!(header(&text), header_by_pattern(&text));
        }

        #[test]
        fn without_credit_marks_as_trim_matches(text in "\\PC{0,20}", parts in proptest::collection::vec(0usize..12, 0..8)) {
            const PARTS: &[&str] = &["*", "_", "(", ")", "By", "–", "—", " ", "é", "-", "[", "\u{a0}"];
            for t in [text.clone(), parts.iter().map(|&i| PARTS[i]).collect::<String>()] {
                proptest::prop_assert_eq!(without_credit_marks(&t), without_credit_marks_by_chars(&t), "{:?}", t);
            }
        }

        #[test]
        fn without_title_marks_as_trims(text in "\\PC{0,20}", parts in proptest::collection::vec(0usize..12, 0..8)) {
            const PARTS: &[&str] = &["#", "*", "_", " ", "Title", "\u{b}", "\t", "é", "\u{a0}", "\u{2003}", "\n", "#x"];
            for t in [text.clone(), parts.iter().map(|&i| PARTS[i]).collect::<String>()] {
                proptest::prop_assert_eq!(without_title_marks(&t), without_title_marks_by_chars(&t), "{:?}", t);
            }
        }

        #[test]
        fn agencies_at_as_by_list(text in "\\PC{0,6}", j in 0usize..8, c in 0u8..=255) {
            // (Any byte at `j`, or past the end.)
            let mut b = text.into_bytes();
            let j = j.min(b.len());
            b.insert(j, c);
            for k in [j, b.len()] {
                let fast: Vec<_> = agencies_at(&b, k).collect();
                let by_list: Vec<_> = agencies_at_by_list(&b, k).collect();
                proptest::prop_assert_eq!(fast, by_list);
            }
        }

        #[test]
        fn holds_ascii_digit_as_contains(text in "\\PC{0,20}") {
            proptest::prop_assert_eq!(holds_ascii_digit(&text), text.contains(|c: char| c.is_ascii_digit()));
        }

        /// Read around its hints only, a sentence of any text says something takes effect as
        /// the pattern reads it, and as every byte read as a start does.
        #[test]
        fn takes_effect_near_its_hints_in_any_text(text in "\\PC{0,60}", parts in proptest::collection::vec(0usize..12, 0..10)) {
            const PARTS: &[&str] = &[" ", "took effect", "from ", "٢", "𝟏", "12", " hours", "ſ", "\u{212A}", "goeſ into effect", "x", "é"];
            for t in [text.clone(), parts.iter().map(|&i| PARTS[i]).collect::<String>(), format!("{text} from 1 hours")] {
                let hints = super::super::cues::scan(&t).effect;
                let near = takes_effect_near(&t, 0, &hints).unwrap_or_else(|| TAKES_EFFECT.is_match(&t));
                let every = takes_effect_by_hand(&t).unwrap_or_else(|| TAKES_EFFECT.is_match(&t));
                proptest::prop_assert_eq!(near, TAKES_EFFECT.is_match(&t), "{:?}", t);
                proptest::prop_assert_eq!(near, every, "{:?}", t);
                proptest::prop_assert_eq!(takes_effect(&t), near, "{:?}", t);
            }
        }

        #[test]
        fn takes_effect_is_found_only_at_its_hints(parts in proptest::collection::vec(0usize..31, 0..14)) {
            // (Also checks `takes_effect_by_hand` against the pattern.)
            const PARTS: &[&str] = &[
                "took", "to", "ok", " ", "effect", "hold", "into", "force", "came", "ſ", "K", "begin", "began", "s", "at", "tart", "ed",
                "from", "12", "٢", " hours", "is announced", "TOOK", "x", "1", "_", "é", "\u{212A}", "ta", "FROM ", "goes into",
            ];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            proptest::prop_assert_eq!(takes_effect(&text), TAKES_EFFECT.is_match(&text));
            if let Some(by_hand) = takes_effect_by_hand(&text) {
                proptest::prop_assert_eq!(by_hand, TAKES_EFFECT.is_match(&text));
            }
        }

        #[test]
        fn first_truce_word_is_the_pattern(parts in proptest::collection::vec(0usize..22, 0..16), a in 0usize..200, z in 0usize..200) {
            const PARTS: &[&str] = &[
                "cease", "fire", "-", " ", "ſ", "truce", "halt to ", "the ", "fighting", "armi", "stice", "K", "é", "x", "_", "1",
                "CEASE", "FIRE", "Truce", "HALT TO ", "Fighting", "s",
            ];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let (from, end) = (bounds[a % bounds.len()], bounds[z % bounds.len()]);
            let (from, end) = (from.min(end), from.max(end));
            let want = TRUCE.find_at(&text[..end], from).map(|m| m.start());
            proptest::prop_assert_eq!(first_truce_word(&text, &hints_from(&text, from), from, end), want);
        }
    }

    #[test]
    fn header_and_dateline_table() {
        assert_eq!(header(" date 2020-10-11 Armenia and").map(|h| h.date), Some(d("2020-10-11")));
        assert_eq!(header("Published: 2020-10-12T08:00:00Z\nText").map(|h| h.date), Some(d("2020-10-12")));
        assert_eq!(header("\u{a0}\n DATED 2020-10-13 text").map(|h| h.date), Some(d("2020-10-13")));
        assert_eq!(header("publication date = 2020-10-14").map(|h| h.date), Some(d("2020-10-14")));
        assert_eq!(header("Armenia and Azerbaijan"), None);
        assert_eq!(header("Dates: 2020-10-14"), None);
        // Written dates.
        assert_eq!(header("Published: October 12, 2020\nTitle").map(|h| h.date), Some(d("2020-10-12")));
        assert_eq!(header("Date: Monday, 12 October 2020\nTitle").map(|h| (h.date, h.end)), Some((d("2020-10-12"), 29)));
        assert_eq!(header("Published on 12.10.2020, 15:47\nTitle").map(|h| h.date), Some(d("2020-10-12")));
        assert_eq!(header("Published by the ministry on 12 October 2020"), None);
        assert_eq!(header("Dated October 12\nTitle"), None);
        assert_eq!(header("Drones hit Ganja on 12 October 2020"), None);
        let cases: &[(&str, Option<&str>)] = &[
            ("Title\n\nMOSCOW, October 4. /TASS/. Russian Foreign Minister", Some("2020-10-04")),
            ("BAKU, Azerbaijan, Oct. 12 (AP) — Shelling", Some("2020-10-12")),
            ("YEREVAN, Armenia (AP) — On Oct. 14, 2020, the", None),
            ("STEPANAKERT, October 17, 2020 - Fighting", Some("2020-10-17")),
            ("Nothing like a dateline here, October 4.", None),
            ("Title\n\nSTEPANAKERT, OCTOBER 16, ARMENPRESS. The", Some("2020-10-16")),
            ("Title\n\nBaku, Azerbaijan, Oct. 14, 2020\n\nThe ministry", Some("2020-10-14")),
            // A line of its own with the agency's tag and no year: the year of the text.
            ("Title\n\nBaku, November 2, AZERTAC\n\nThe ministry said", Some("2020-11-02")),
            ("Title\n\nMOSCOW, October 19. /TASS/. The", Some("2020-10-19")),
        ];
        for (text, want) in cases {
            assert_eq!(dateline(text, 0, Some(2020)), want.map(d), "in {text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn dateline_groups_are_the_captures(lines in proptest::collection::vec(proptest::collection::vec(0usize..12, 6), 1..4)) {
            // (Every match of the pattern in lines built as datelines are.)
            let text = dateline_text(&lines, &[]);
            for m in DATELINE.find_iter(&text) {
                let Some((at, month, day, year)) = dateline_groups(m.as_str()) else { continue };
                let c = DATELINE.captures_at(&text, m.start());
                let c = c.as_ref().map(|c| (c, if c.get(1).is_some() { (1, 2, 3) } else { (4, 5, 6) }));
                let want = c.and_then(|(c, (mg, d, y))| {
                    Some((c.get(mg)?.start() - m.start(), c.get(mg)?.as_str().trim_end_matches('.'), c.get(d)?.as_str(), c.get(y).map(|y| y.as_str())))
                });
                proptest::prop_assert_eq!(Some((at, month, day, year)), want, "{:?} in {:?}", m.as_str(), text);
            }
        }
    }

    /// Lines to build datelines from ([`dateline_groups_are_the_captures`] and
    /// [`dateline_match_is_the_pattern`]), each part picked from its own pieces.
    const DATELINE_SLOTS: [&[&str]; 6] = [
        &["BAKU", "Baku", "STEPANAKERT", "BAKU, Azerbaijan", " YEREVAN", "[Baku", "Ağdam", "X (AP)", "GAZA CITY", "Baku.", "x", "MOSCOW"],
        &[", ", ",", " - ", " — ", ",\t", " (AP) ", ",\n", ", Oct 1, ", " (", "\u{a0}", ". ", ", 12 "],
        &["Oct.", "October", "OCTOBER", "Oct", "ſept", "Sept.", "May", "Jan..", "oct", "December", "Dec", "Feb."],
        &[" ", ".", "  ", "\t", " \n", "", ". ", "\u{2003}", " ", ".", " ", " "],
        &["12", "1", "12, 2020", "4 2020", "123", "١٢", "12,  2020", "19, 2020", "٢٠٢٠", "12 20201", "3", "12,2020"],
        &["", " (AP) —", ", AZERTAC", "\n", ". /TASS/.", " - The", ", ARMENPRESS. The", "]", " x", "/TASS/", "(Reuters)", " 5"],
    ];

    /// A text of lines built from [`DATELINE_SLOTS`] (a line's first index past them picks
    /// one of `others` instead).
    fn dateline_text(lines: &[Vec<usize>], others: &[&str]) -> String {
        lines
            .iter()
            .map(|l| match l.first().and_then(|&i| i.checked_sub(12)) {
                Some(k) => others[k % others.len()].to_string(),
                None => slot_line(&DATELINE_SLOTS, l) + "\n",
            })
            .collect()
    }

    /// One line of `slots`, each part the piece its pick names (modulo the slot's length).
    fn slot_line(slots: &[&[&str]; 6], picks: &[usize]) -> String {
        picks.iter().zip(slots).map(|(&i, slot)| slot[i % slot.len()]).collect()
    }

    #[test]
    fn datelines_read_by_hand() {
        for (text, by_hand) in [
            ("Shelling hits Tərtər as truce frays\n\nBAKU, Azerbaijan, Oct. 19 (AP) — Ten died.", true),
            ("Title\n\nTBILISI, November 5. /TASS/. A rocket", true),
            ("Title, by it\nTBILISI, Georgia, October 23, 2020 (AFP) - At least", true),
            ("STEPANAKERT, Nagorno-Karabakh, Oct. 3 (AP) — Up to", true),
            ("ANKARA (Reuters) - Oct 5, 2020 text", true),
            // Left to the pattern: another shape, a comma before what may be a month, `’`,
            // white space beyond ASCII, no match.
            ("Baku, October 28, AZERTAC", false),
            ("Baku, Yerevan trade blame, Moscow says\nBAKU, Oct 5 (AP)", false),
            ("BAKU’S SIDE, Oct 5", false),
            ("BAKU,\u{a0}Oct 5", false),
            ("Title\n\nNo dateline here.", false),
        ] {
            let pattern = DATELINE.find(text).map(|m| (m.start(), m.end()));
            assert_eq!(dateline_match(text), pattern.filter(|_| by_hand), "in {text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn dateline_match_is_the_pattern(lines in proptest::collection::vec(proptest::collection::vec(0usize..20, 6), 1..5)) {
            const OTHERS: &[&str] = &[
                "Shelling hits Tərtər as truce frays\n", "\n", "A drone strike on Oct 5 killed 3.\n", "BAKU BLAST\n",
                "Baku, Yerevan trade blame\n", "   \n", "AP - Oct 5\n", "ANKARA (Reuters) - 17 died, Oct. 12, 2020\n",
            ];
            let text = dateline_text(&lines, OTHERS);
            for k in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                for t in [&text[k..], &text[..k]] {
                    if let Some(span) = dateline_match(t) {
                        proptest::prop_assert_eq!(Some(span), DATELINE.find(t).map(|m| (m.start(), m.end())), "in {:?}", t);
                    }
                }
            }
        }
    }

    #[test]
    fn date_lines_under_the_title() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Title\n\nOctober 11, 2020\n\nBy A and B\n\nBAKU (AP) — Text.", Some("2020-10-11")),
            ("Title\n\nPublished 14 October 2020\n\nShare\n\nText.", Some("2020-10-14")),
            ("Title\n\n2020-10-27T14:52:00Z\n\nText.", Some("2020-10-27")),
            ("Title\n21.10.2020, 15:47\nYEREVAN, OCTOBER 21, ARMENPRESS. Text.", Some("2020-10-21")),
            ("Title\n\nSaturday 17 October 2020 18.02 BST\nFirst published on Saturday 17 October 2020 07.12 BST\n", Some("2020-10-17")),
            ("Title\n\nOctober 30, 2020 12:00AM EDT\n\n(Berlin) – Text.", Some("2020-10-30")),
            // A sentence with a date, a date without its year, a title that is a date.
            ("Title\n\nThe war began on September 27, 2020.\n", None),
            ("Title\n\nOctober 11\n\nText.", None),
            ("October 11, 2020\n\nText.", None),
        ];
        for (text, want) in cases {
            assert_eq!(date_line(text, 0, &dates::Cues::scan(text)), want.map(d), "in {text:?}");
        }
    }

    /// The one pattern of all agency tags, as [`agency`] searched it before [`agency_match`].
    static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
        let (tags, domains) = agency_tags();
        let [slashed, dated] = agency_line_shapes();
        Regex::new(&format!(r"(?m)(?:[(/](?i:{tags}|{domains})[)/:]|^{slashed}|^{dated})")).unwrap_or_else(|e| panic!("{e}"))
    });

    /// The phrases' first letters are those the table says may open one, and every phrase
    /// opens with one of them.
    #[test]
    fn effect_phrases_open_with_the_tables_letters() {
        for p in TAKES_EFFECT_PHRASES.iter().chain(&["from "]) {
            assert!(OPENS_EFFECT_PHRASE[usize::from(p.as_bytes()[0])], "{p}");
        }
        for c in 0..=255u8 {
            let first = effect_first_letter(c);
            assert_eq!(OPENS_EFFECT_PHRASE[usize::from(c)], matches!(first, b't' | b'e' | b'c' | b'w' | b'g' | b'i' | b'b' | b's' | b'f'));
        }
    }

    /// The place bytes' table holds what its bytes are, for every byte.
    #[test]
    fn place_bytes_are_their_classes() {
        for c in 0..=255u8 {
            let place = c.is_ascii_alphanumeric() || matches!(c, b'_' | b'\'' | b'.' | b'-' | b' ') || c >= 0x80;
            let class = PLACE_BYTES[usize::from(c)];
            assert_eq!(class & PLACE != 0, place, "{c:#x}");
            assert_eq!(class & TAB != 0, c == b'\t', "{c:#x}");
            assert_eq!(class & SEPARATOR != 0, matches!(c, b',' | b'.'), "{c:#x}");
        }
    }

    #[test]
    fn agency_match_table() {
        for text in [
            "Title\n\nBAKU, Azerbaijan, Oct. 19 (AP) — Shelling",
            "Title, with comma\nYEREVAN, October 12. /TASS/. The",
            "Title (AFP)\nBaku / 12.10.2020 / APA\nText",
            "Baku/30.06.22/Turan: text (AP)",
            "  Baku. 12 October. REPORT.AZ The ministry",
            "Stepanakert, October 16, ARMENPRESS. The",
            "Moscow, 5 October. INTERFAX - The (Reuters)",
            "A house (AP Photo/Aziz). The",
            "Baku, 5 October, AZERTAC The ministry",
            "x\r\nBAKU, Oct 17, UNKNOWN (Reuters)\r\n",
            "KYIV (U\u{212A}RINFORM) - The",
            "(ARMENPRESS) (apa/ (ſputnik: (aa (news.am)",
            "BAKU, Azerbaijan, Oct. 19 (AP) — Shelling on October 16. Rescue",
            "Baku, 12 ſeptember 2020 – TREND: The",
            "Baku, October 12, 2020 — ſputnik. The",
            "Baku_1, Oct 12 2020 apa: x",
        ] {
            assert_eq!(agency_match(text), AGENCY.find(text).map(|m| m.as_str()), "{text:?}");
        }
    }

    /// Pieces of the generated texts of the agency proptests.
    const AGENCY_PARTS: &[&str] = &[
        "BAKU",
        "Baku",
        ", ",
        ". ",
        "\n",
        " ",
        "\t",
        "(",
        ")",
        "/",
        "AP",
        "Reuters",
        "tass",
        "October",
        "Oct",
        "12",
        "2020",
        "12.10.20",
        ":",
        " - ",
        "—",
        "ARMENPRESS",
        "REPORT.AZ",
        "news.am",
        "x",
        "Azerbaijan",
        "ſputnik",
        "Ağdam",
        "\r",
        "٢",
        "U\u{212A}RINFORM",
        "ar\u{212A}a",
        "APA",
        "–",
        "ſept",
        "_",
        "'",
    ];

    proptest::proptest! {
        #[test]
        fn agency_match_is_the_one_pattern(parts in proptest::collection::vec(0usize..AGENCY_PARTS.len(), 0..16)) {
            let text: String = parts.iter().map(|&i| AGENCY_PARTS[i]).collect();
            proptest::prop_assert_eq!(agency_match(&text), AGENCY.find(&text).map(|m| m.as_str()));
        }

        #[test]
        fn agency_lines_passed_over_cannot_match(parts in proptest::collection::vec(0usize..AGENCY_PARTS.len(), 0..16), lines in proptest::collection::vec(proptest::collection::vec(0usize..12, 6), 0..3)) {
            // (`may_be_agency_line` on every line that opens with a capital, against the pattern
            // run from the line's start; the text ends with lines built as datelines are, a place,
            // a separator, a date, a tail, a tag and what follows, each part picked from its own
            // pieces.)
            const SLOTS: [&[&str]; 6] = [
                &["BAKU", "Baku", "Ağdam", "Baku_1", "Baku, Azerbaijan", " Baku", "\tBAKU", "Baku's", "Baku.", "X y", "Baku-2", "x"],
                &[", ", ". ", "/", " / ", ",\t", "", ",", ".", " ", "(", "/ ", " - "],
                &["Oct. 12", "12 October", "12.10.20", "October 12, 2020", "٢", "12", "12 Oct.", "ſept 1", "1.2.2020", "Oct 12 2020", "12 ſept", "October"],
                &["", ",", ".", " -", " —", " – ", " ", "/", " (", ", ", ". ", "/ "],
                &["AP", "APA", "tass", "ſputnik", "REPORT.AZ", "news.am", "XY ", "(AP)", "Reuters:", "x", "Turan", "UNKNOWN "],
                &["", "\n", ". The", " text", "\r\n", ":", " - The", "\n\n", ".", " ", "/", "X"],
            ];
            let mut text: String = parts.iter().map(|&i| AGENCY_PARTS[i]).collect();
            for line in &lines {
                text.push('\n');
                text.push_str(&slot_line(&SLOTS, line));
            }
            proptest::prop_assert_eq!(agency_match(&text), AGENCY.find(&text).map(|m| m.as_str()));
            let mut ls = 0;
            for line in text.split('\n') {
                let opens = line.trim_start_matches([' ', '\t']).starts_with(|c: char| c.is_ascii_uppercase());
                if opens && AGENCY_LINE.is_match(&text[ls..]) {
                    proptest::prop_assert!(may_be_agency_line(line), "{:?}", line);
                }
                ls += line.len() + 1;
            }
        }
    }

    proptest::proptest! {
        /// Runs of ASCII letters, digits and spaces passed over eight bytes at a time end
        /// where the byte-by-byte skip ends them, in any text and from any byte.
        #[test]
        fn skip_plain_is_skip_while(text in "(\\PC|[a-zA-Z0-9 ]{1,12}|[@`\\[{/:,.\\x00-\\x1f\\x7f])*", at in 0usize..64) {
            let b = text.as_bytes();
            let i = at.min(b.len());
            proptest::prop_assert_eq!(skip_plain(b, i), skip_while(b, i, |c| c.is_ascii_alphanumeric() || c == b' '));
        }
    }

    proptest::proptest! {
        /// Template junk's opening braces found by their first brace are those `memmem` finds,
        /// and a tag's punctuation found by bytes is the characters `contains` finds.
        #[test]
        fn braces_and_punctuation_found_by_bytes(parts in proptest::collection::vec(proptest::sample::select(vec![
            "{", "{{", "}", "}}", "a", " ", "é", "(", "/", ",", ".", "—", "{{x}}", "\n",
        ]), 0..30), from in 0usize..40) {
            let text: String = parts.concat();
            let b = text.as_bytes();
            let from = from.min(b.len());
            proptest::prop_assert_eq!(open_braces(b, from), memchr::memmem::find(&b[from..], b"{{").map(|i| from + i));
            proptest::prop_assert_eq!(holds_tag_punctuation(&text), text.contains(['(', '/', ',', '.']));
        }

        /// The words before a truce word read back by bytes are those `split_whitespace` gives.
        #[test]
        fn refers_back_as_split_whitespace(parts in proptest::collection::vec(proptest::sample::select(vec![
            "after", "AFTER", "of", "Since", "before", "until", "despite", "the", "truce", "x", " ", "  ", "\t", "\n", "\u{0B}",
            "\u{0C}", "\u{a0}", "\u{2009}", "é", "ſince", "of,", "-",
        ]), 0..12)) {
            let text: String = parts.concat();
            let by_words = text.split_whitespace().rev().take(3).any(|w| REFERS_BACK.iter().any(|x| w.eq_ignore_ascii_case(x)));
            proptest::prop_assert_eq!(refers_back(&text), by_words, "{:?}", text);
        }

        /// The lines found by `memchr` are the lines `split_inclusive` and `lines` give.
        #[test]
        fn lines_are_split_inclusive(parts in proptest::collection::vec(proptest::sample::select(vec![
            "\n", "\n\n", "a", "By", " ", "\r\n", "é", "—", "12 October 2020", "\u{2028}", "\u{85}", "\r", "\r\r\n",
        ]), 0..40)) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(lines_inclusive(&text).collect::<Vec<_>>(), text.split_inclusive('\n').collect::<Vec<_>>());
            proptest::prop_assert_eq!(lines_of(&text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>());
        }

        #[test]
        fn bylines_pass_over_the_middle_as_read_line_by_line(parts in proptest::collection::vec(0usize..16, 0..400), start in 0usize..40) {
            const PARTS: &[&str] = &[
                "\n", "\n\n", "By Jane Doe", "Reporting by Ann Lee; Editing by Tom Roe", "AP writer Bo Li contributed to this report.",
                "Andrew Roth in Moscow", "The town fell. ", "x", " ", "Title of it", "*By AP staff*", "With inputs from agencies",
                "é", "Shelling went on overnight in the city and its outskirts, officials said. ", "\r\n", "(Reporting by Ann Lee)",
            ];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let start = bounds[start % bounds.len()];
            proptest::prop_assert_eq!(bylines(&text, start), bylines_reading(&text, start, true));
        }
    }

    #[test]
    fn agency_from_the_dateline_tag() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Title\n\nBAKU, Azerbaijan (AP) — Shelling", Some("AP")),
            ("Title\n\nYEREVAN/BAKU (Reuters) - Fighting", Some("Reuters")),
            ("Title\n\nMOSCOW, October 4. /TASS/. Russian", Some("TASS")),
            ("Title\n\nSTEPANAKERT, OCTOBER 16, ARMENPRESS. The", Some("Armenpress")),
            ("Title\n\nBaku, November 2, AZERTAC\n\nThe", Some("Azertac")),
            ("Title\n\nANKARA (AA) - Turkey", Some("Anadolu Agency")),
            // Not a tag: a source named in a sentence, a photo credit, an unknown word.
            ("Title\n\nThe minister told Reuters on Monday that", None),
            ("Title\n\nA house in Ganja (AP Photo/Aziz Karimov). The", None),
            ("Title\n\nBAKU (UPDATED) - The", None),
            ("Title\n\nOn October 16, trend lines showed", None),
            ("Title\n\nin Baku, October 16, trend lines showed", None),
            ("Title\n\nIn Baku, October 16, Trend reported", None),
        ];
        for (text, want) in cases {
            assert_eq!(agency(text, 0), *want, "in {text:?}");
        }
        // Only the opening lines are read.
        let late = format!("Title\n\n{}\n\nMOSCOW (AP) — late", "Words. ".repeat(80));
        assert_eq!(agency(&late, 0), None);
    }

    #[test]
    fn title_skips_header_and_template_junk() {
        let text = " date 2020-10-04 {{dayPoint.date | date : 'd MMMM yyyy'}}\nRussian, Armenian top diplomats discuss ways out\n";
        let h = header(text).map_or(0, |h| h.end);
        assert_eq!(title(text, h), "Russian, Armenian top diplomats discuss ways out");
        // Update notes and dates are not titles.
        let text = " date 2021-12-15 Details added, first version posted 16:31\n\nWorking groups visited Hadrut.\n";
        assert_eq!(title(text, header(text).map_or(0, |h| h.end)), "Working groups visited Hadrut.");
        assert_eq!(title("Monday, 12 October 2020\nTitle\n", 0), "Title");
        assert_eq!(title("October 2020: a month of war\n", 0), "October 2020: a month of war");
    }
}
