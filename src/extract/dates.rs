//! Date expressions: absolute (`October 10`, `Oct. 12`, `12 October 2020`, `2020-10-11`,
//! `2020/10/12`, `2020-10-12T08:15:00+04:00`, `11.10.2020`, `12 октября 2020 года`; a weekday with its date,
//! `Monday (Oct. 12)`, is that date; a day range, `the night of 11-12 October`, its first
//! day; all-caps names and abbreviations, `OCTOBER 12`, `12 OCTOBER 2020`, `SEPT. 27`,
//! `OCT.12`), relative to the publication date (`on
//! Saturday`, `Last Tuesday`, `yesterday`, `last week`, `over the weekend` = its Saturday,
//! `overnight`, `overnight Friday` = Friday, `on 7 October last year`, `earlier this
//! month`, `on the 12th` = that day of the publication month or of the month before, a part
//! of a month, [`MonthPart`]: `in early October` = the 5th, `mid-October` = the 15th, `late
//! September` = the 25th, `at the end of October` = the 31st, `the start of October` = the
//! 1st, `early this month`, `the end of last month`, relative since no day is written; `a day earlier`, `the previous
//! day`, `the previous night`, `the day before` = the day before publication, or before the explicit date of the
//! sentence before, which the article's extraction applies), range starts (`since
//! September 27`, `since late September`) and historical years (`1991-94`, `the early 1990s`).

use std::cell::RefCell;
use std::sync::{LazyLock, OnceLock};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use crate::model::DateBasis;
use crate::text::{self, is_ascii_word_byte};

/// What a date expression means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A day, explicit or resolved.
    Day(NaiveDate, DateBasis),
    /// The start of a period ("since September 27", "erupted on September 27").
    Since(NaiveDate),
    /// A year or years of the past ("1991-94", "the 1990s", "in 1994").
    Year(i32),
}

/// A date expression with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateExpr {
    /// Start byte (in the text the sentence came from).
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Meaning.
    pub kind: DateKind,
}

/// The month names of the date patterns, from [`NAME_CUES`], in the order their alternation
/// tries them, each with whether a full stop may follow it: the English names, their
/// abbreviations (with or without a full stop), the names in capitals ("OCTOBER 12", "12
/// OCTOBER 2020") when `caps`, and the abbreviations in capitals too when `caps_abbreviations`
/// ("SEPT. 27", "OCT.12": only in the month-day pattern, so the other patterns stay small),
/// and the Russian genitive names.
fn month_names(caps: bool, caps_abbreviations: bool) -> Vec<(String, bool)> {
    let mut names: Vec<(String, bool)> = NAME_CUES[..12].iter().map(|m| (m.to_string(), false)).collect();
    if caps {
        names.extend(NAME_CUES[..12].iter().map(|m| (m.to_ascii_uppercase(), false)));
    }
    let abbreviations = &NAME_CUES[12..FIRST_WEEKDAY];
    names.extend(abbreviations.iter().map(|a| (a.to_string(), true)));
    if caps_abbreviations {
        names.extend(abbreviations.iter().map(|a| (a.to_ascii_uppercase(), true)));
    }
    names.extend(RUSSIAN_MONTHS.iter().map(|m| (m.to_string(), false)));
    names
}

/// [`month_names`] as one capture group of a pattern.
fn month_alternation(caps: bool, caps_abbreviations: bool) -> String {
    let names: Vec<String> =
        month_names(caps, caps_abbreviations).into_iter().map(|(n, dot)| if dot { format!(r"{n}\.?") } else { n }).collect();
    format!("({})", names.join("|"))
}

/// A month name of [`month_names`] as [`month_ends`] compares it: its bytes (at most 16) as
/// one little-endian number and their [`mask`], its length and whether a full stop may follow
/// it.
#[derive(Debug, Clone, Copy)]
struct MonthName {
    bytes: u128,
    mask: u128,
    len: usize,
    dot: bool,
}

/// Month names by their first byte, each byte's in a pattern's order ([`month_names`]).
type NamesByFirstByte = Vec<Vec<MonthName>>;

/// The month names of the month-day, day-month and month-year patterns ([`month_names`]),
/// by their first byte.
static MONTH_NAMES: LazyLock<[NamesByFirstByte; 3]> = LazyLock::new(|| {
    [(true, true), (true, false), (false, false)].map(|(caps, caps_abbreviations)| {
        let mut by_first = vec![Vec::new(); 256];
        for (name, dot) in month_names(caps, caps_abbreviations) {
            by_first[usize::from(name.as_bytes()[0])].push(MonthName {
                bytes: window(name.as_bytes(), 0),
                mask: mask(name.len()),
                len: name.len(),
                dot,
            });
        }
        by_first
    })
});

/// The (at most) 16 bytes of `b` from `k` as one little-endian number, zeros past its end.
fn window(b: &[u8], k: usize) -> u128 {
    let rest = b.get(k..).unwrap_or_default();
    match rest.first_chunk::<16>() {
        Some(w) => u128::from_le_bytes(*w),
        None => {
            let mut w = [0; 16];
            w[..rest.len()].copy_from_slice(rest);
            u128::from_le_bytes(w)
        }
    }
}

/// Source of date pattern `i`: 0 month-day, 1 day-month, 2 ISO, 3 dotted, 4 weekday, 5
/// relative, 6 years, 7 month-year.
fn pattern_source(i: usize) -> String {
    let month_alternation = |caps| month_alternation(caps, i == 0);
    match i {
        0 => format!(
            r"(?-u:\b){}(?:\s+|(?-u:\b))(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(\d{{4}})(?-u:\b))?",
            month_alternation(true)
        ),
        1 => format!(r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{}(?:,?\s+(\d{{4}})(?-u:\b))?", month_alternation(true)),
        // ISO, or with slashes ("2020/10/12"); a time after a `T` is part of the match
        // ("2020-10-12T08:15:00+04:00", "2020-10-12T08:15Z").
        2 => r"(?-u:\b)(\d{4})[-/](\d{2})[-/](\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?-u:\b)".to_string(),
        3 => r"(?-u:\b)(\d{1,2})([./])(\d{1,2})[./](\d{4})(?-u:\b)".to_string(),
        4 => {
            // Weekday modifiers in lower case, or capitalised to open a sentence ("Last Tuesday").
            let modifiers = WEEKDAY_MODIFIERS.iter().flat_map(|m| [m.to_string(), capitalised(m)]).collect::<Vec<_>>().join("|");
            format!(r"(?-u:\b)(?:({modifiers})\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?(?-u:\b)")
        }
        5 => {
            let parts = MONTH_PART_PREFIXES.join("|");
            let counts = COUNT_AGO.map(|tail| format!(r"(\w+){tail}")).join("|");
            format!(r"(?i)(?-u:\b)({}|(?:{parts})?last month|(?:{parts})this month|{counts})(?-u:\b)", RELATIVE_PHRASES.join("|"))
        }
        6 => r"(?-u:\b)(1[89]\d\d|20\d\d)\s*[-–]\s*(\d{2}|\d{4})(?-u:\b)|(?-u:\b)(?:early |late |mid-|mid )?(1[89]\d0|20\d0)s(?-u:\b)|(?-u:\b)(?:[Ii]n|[Ss]ince|of|[Ff]rom|[Uu]ntil|[Bb]y|[Bb]etween)\s+(1[89]\d\d|20\d\d)(?-u:\b)".to_string(),
        _ => format!(r"(?-u:\b){}\s+(\d{{4}})(?-u:\b)", month_alternation(false)),
    }
}

/// The date patterns, each compiled the first time it is needed ([`pattern`]): outside the
/// tests only the ISO, dotted and relative patterns search whole sentences, and only those
/// their hand readers leave to them ([`relative_matches`]: `ſ` or the Kelvin sign, a count
/// beyond ASCII; [`digit_dates`]: digits beyond ASCII); the others are read by hand at their
/// starts ([`anchored_end`]), so the rest are never compiled there.
static PATTERNS: [OnceLock<Regex>; 8] = [const { OnceLock::new() }; 8];

/// Date pattern `i`, searching anywhere.
fn pattern(i: usize) -> &'static Regex {
    PATTERNS[i].get_or_init(|| Regex::new(&pattern_source(i)).unwrap_or_else(|e| panic!("{e}")))
}

/// The same patterns anchored at the start of the haystack, run only where a month or
/// weekday name stands (see [`Hits`]) instead of searching every sentence: month-day,
/// day-month, weekday, years and month-year (the patterns that start at or just before a name
/// or a year; all read by hand, [`anchored_end`], the pattern only where a digit beyond ASCII
/// may stand where it reads one), each compiled the first time it is needed.
static ANCHORED: [OnceLock<Regex>; 8] = [const { OnceLock::new() }; 8];

/// Date pattern `i` anchored at the start of the haystack.
fn anchored(i: usize) -> &'static Regex {
    ANCHORED[i].get_or_init(|| Regex::new(&format!("^(?:{})", pattern_source(i))).unwrap_or_else(|e| panic!("{e}")))
}

/// Month number from a month name or abbreviation (English, or a Russian genitive name).
/// (Inlined where it is asked, with its English names; a Russian one, [`russian_month`], a
/// call of its own.)
#[inline]
pub fn month_number(name: &str) -> Option<u32> {
    if !name.is_ascii() {
        return russian_month(name);
    }
    let b = name.as_bytes();
    if b.len() < 3 {
        return None;
    }
    // (The three letters in lower case as one number: setting an ASCII byte's 0x20 bit gives
    // a lower-case letter only for a letter.)
    let first = u32::from_le_bytes([b[0] | 0x20, b[1] | 0x20, b[2] | 0x20, 0]);
    // (The first three letters of each of the twelve names of [`NAME_CUES`].)
    const KEYS: [u32; 12] = {
        let mut keys = [0; 12];
        let mut i = 0;
        while i < 12 {
            let name = NAME_CUES[i].as_bytes();
            keys[i] = u32::from_le_bytes([name[0] | 0x20, name[1] | 0x20, name[2] | 0x20, 0]);
            i += 1;
        }
        keys
    };
    KEYS.iter().position(|k| *k == first).map(|i| i as u32 + 1)
}

/// [`month_number`] of a name beyond ASCII: a Russian genitive month name.
#[inline(never)]
fn russian_month(name: &str) -> Option<u32> {
    RUSSIAN_MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

/// A weekday from its English name or three-letter abbreviation, in any case.
pub(crate) fn weekday(name: &str) -> Option<Weekday> {
    // (A name as [`NAME_CUES`] writes it, as the weekday reader gives it, found without
    // parsing.)
    let written = NAME_CUES[FIRST_WEEKDAY..FIRST_RUSSIAN].iter().position(|w| *w == name);
    written.map_or_else(|| name.parse::<Weekday>().ok(), |i| Some(WEEKDAYS[i]))
}

/// The weekdays in the order of [`NAME_CUES`].
const WEEKDAYS: [Weekday; 7] = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

/// Resolve a day-month without year: the publication year, or the year before when that
/// would put the day well after publication.
fn with_year(month: u32, day: u32, year: Option<i32>, published: Option<NaiveDate>, year_hint: Option<i32>) -> Option<NaiveDate> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    if let Some(p) = published {
        let d = NaiveDate::from_ymd_opt(p.year(), month, day)?;
        // (Later than 31 days after publication: in the same year, a later day of the year;
        // when those 31 days run into the next year, no day of publication's year is.)
        if d.ordinal() > p.ordinal() + 31 {
            return NaiveDate::from_ymd_opt(p.year() - 1, month, day);
        }
        return Some(d);
    }
    NaiveDate::from_ymd_opt(year_hint?, month, day)
}

/// The most recent `wd` on or before `p` (strictly before with `strict`).
fn last_weekday(p: NaiveDate, wd: Weekday, strict: bool) -> Option<NaiveDate> {
    let mut back = (7 + p.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
    if strict && back == 0 {
        back = 7;
    }
    shift(p, -back)
}

/// `p` moved by `days`, or `None` past the calendar's ends.
fn shift(p: NaiveDate, days: i64) -> Option<NaiveDate> {
    p.checked_add_signed(Duration::days(days))
}

fn small_number(w: &str) -> Option<i64> {
    if let Ok(n) = w.parse::<i64>() {
        return Some(n);
    }
    super::numbers::word_value(&w.to_ascii_lowercase()).map(|n| n as i64)
}

/// Whether the words before `start` make the date a range start.
fn is_since(s: &str, start: usize) -> bool {
    let before = text::trim_end(&s[..start]).as_bytes();
    // "since", "since the", "erupted", "started", "began", and any of "since", "erupted",
    // "began", "started", "broke out" before "on", in any ASCII case: each compared only
    // where the last letter before the date, or before "on", is its own.
    let ends_with = |t: &[u8], w: &str| t.len() >= w.len() && t[t.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes());
    let last = |t: &[u8]| t.last().map(u8::to_ascii_lowercase);
    match last(before) {
        Some(b'e') => ends_with(before, "since") || ends_with(before, "since the"),
        Some(b'n') if ends_with(before, " on") => {
            let t = &before[..before.len() - 3];
            match last(t) {
                Some(b'e') => ends_with(t, "since"),
                Some(b'd') => ends_with(t, "erupted") || ends_with(t, "started"),
                Some(b'n') => ends_with(t, "began"),
                Some(b't') => ends_with(t, "broke out"),
                _ => false,
            }
        }
        Some(b'n') => ends_with(before, "began"),
        Some(b'd') => ends_with(before, "erupted") || ends_with(before, "started"),
        _ => false,
    }
}

/// Month names and abbreviations, weekday names and Russian month names as the date
/// patterns write them (case-sensitive, checked after a case-insensitive match).
pub const NAME_CUES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
/// Index of the first weekday in [`NAME_CUES`].
pub(crate) const FIRST_WEEKDAY: usize = 24;
/// Index of the first Russian month name in [`NAME_CUES`] (after the weekdays).
const FIRST_RUSSIAN: usize = 31;
/// Russian month names as a day-month date writes them ("12 октября 2020 года": the
/// genitive, in lower case).
const RUSSIAN_MONTHS: &[&str] = NAME_CUES.split_at(FIRST_RUSSIAN).1;

/// Relative words: every relative date pattern contains one of these (in any case).
pub const RELATIVE_CUES: &[&str] =
    &["yesterday", "today", "tonight", "morning", "evening", "afternoon", "night", "overnight", "week", "month", "ago", "day"];

/// The fixed phrases of the relative pattern, in the order its alternation tries them (at one
/// start the first that matches wins: "the day before yesterday" before "the day before").
const RELATIVE_PHRASES: &[&str] = &[
    "yesterday",
    "the day before yesterday",
    "a day earlier",
    "a day before",
    "the day before",
    "the previous day",
    "the previous night",
    "today",
    "tonight",
    "this morning",
    "this evening",
    "this afternoon",
    "last night",
    "overnight",
    "earlier this week",
    "earlier this month",
    "last week",
    "a week ago",
    "last weekend",
    "over the weekend",
    "at the weekend",
    "this past weekend",
    "this week",
];

/// The parts of a month the relative pattern reads before "last month" (or none) and before
/// "this month" (one of them).
const MONTH_PART_PREFIXES: &[&str] =
    &["early ", "late ", "mid-", "mid ", "the start of ", "the beginning of ", "the middle of ", "the end of "];

/// What follows the count of the relative pattern's last phrases ("three days ago", "2 weeks ago").
const COUNT_AGO: [&str; 2] = [" days ago", " weeks ago"];

/// The relative pattern's phrases without a count, in the order its alternation tries them:
/// [`RELATIVE_PHRASES`], "last month" after each part of [`MONTH_PART_PREFIXES`] and alone,
/// "this month" after each part.
static RELATIVE_ALTERNATIVES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut all: Vec<String> = RELATIVE_PHRASES.iter().map(|p| p.to_string()).collect();
    all.extend(MONTH_PART_PREFIXES.iter().map(|p| format!("{p}last month")));
    all.push("last month".to_string());
    all.extend(MONTH_PART_PREFIXES.iter().map(|p| format!("{p}this month")));
    all
});

/// A phrase of [`RELATIVE_ALTERNATIVES`] as [`relative_end`] compares it: its first (at most
/// 16) bytes as one little-endian number ([`window`]), their [`mask`], and the phrase.
#[derive(Debug, Clone, Copy)]
struct RelativePhrase {
    head: u128,
    mask: u128,
    phrase: &'static str,
}

/// [`RELATIVE_ALTERNATIVES`] by their first byte (all in lower case), each byte's in their
/// order.
static RELATIVE_BY_FIRST_BYTE: LazyLock<Vec<Vec<RelativePhrase>>> = LazyLock::new(|| {
    let mut by_first = vec![Vec::new(); 256];
    for phrase in RELATIVE_ALTERNATIVES.iter() {
        let (b, mask) = (phrase.as_bytes(), mask(phrase.len().min(16)));
        by_first[usize::from(b[0])].push(RelativePhrase { head: window(b, 0) & mask, mask, phrase: phrase.as_str() });
    }
    by_first
});

/// For each of [`RELATIVE_CUES`], how far before it a phrase of [`RELATIVE_ALTERNATIVES`]
/// holding it starts (every place it stands in every phrase).
static RELATIVE_CUE_OFFSETS: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    RELATIVE_CUES
        .iter()
        .map(|cue| {
            let mut at: Vec<usize> = RELATIVE_ALTERNATIVES.iter().flat_map(|phrase| phrase.match_indices(cue).map(|(k, _)| k)).collect();
            at.sort_unstable();
            at.dedup();
            at
        })
        .collect()
});

/// All date cues: [`NAME_CUES`], then [`RELATIVE_CUES`] (found, in any case, by
/// [`super::cues::scan`]).
pub static DATE_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| NAME_CUES.iter().chain(RELATIVE_CUES).copied().collect());

/// Which date patterns can match a sentence, from cheap cues (month and weekday names as
/// whole capitalised words, relative words, digits), so only those regexes run.
/// (Its lists lie in [`HitLists`] that the next sentence reuses.)
struct Hits<'b> {
    /// Which patterns can match, in the order of [`pattern_source`].
    patterns: [bool; 8],
    /// Where month names start (byte offsets in the sentence).
    months: &'b [usize],
    /// Where weekday names start.
    weekdays: &'b [usize],
    /// Every relative cue, fitting or not: (start, index in [`RELATIVE_CUES`]).
    relative: &'b [(usize, usize)],
    /// Where runs of exactly four digits start that an ISO date can start with (a dash or
    /// slash after them, no word byte before them).
    iso_at: &'b [usize],
    /// Where runs of exactly four digits start that can end a dotted date (after a full
    /// stop or slash).
    dotted_at: &'b [usize],
    /// Where a match of the years pattern can start (in order), or `None` to search the
    /// whole sentence.
    years_at: Option<&'b [usize]>,
    /// Days of the month written alone after "on the" ("on the 12th"): where their digits
    /// start and end (before the ordinal suffix).
    /// (The first only: a sentence rarely holds two.)
    ordinal: Option<(usize, usize)>,
}

/// The lists of one sentence's [`Hits`], cleared and reused by the next sentence.
#[derive(Default)]
struct HitLists {
    months: Vec<usize>,
    weekdays: Vec<usize>,
    relative: Vec<(usize, usize)>,
    iso_at: Vec<usize>,
    dotted_at: Vec<usize>,
    years_at: Vec<usize>,
}

/// A sentence's [`HitLists`] and [`find_dates_with`]'s [`Spare`] lists, kept per thread
/// ([`BUFFERS`]) for the next sentence, so a sentence allocates none of its own (a text's
/// [`SentenceDates`] holds them while it reads the text's sentences).
#[derive(Default)]
struct Buffers {
    lists: HitLists,
    spare: Spare,
}

/// The lists [`find_dates_with`] fills for one sentence: the spans taken, the starts and
/// matches of [`relative_matches`], and a relative match in lower case.
#[derive(Default)]
struct Spare {
    taken: Vec<(usize, usize)>,
    starts: Vec<usize>,
    relative: Vec<(usize, usize)>,
    lower: String,
}

impl Buffers {
    const fn new() -> Buffers {
        let lists = HitLists {
            months: Vec::new(),
            weekdays: Vec::new(),
            relative: Vec::new(),
            iso_at: Vec::new(),
            dotted_at: Vec::new(),
            years_at: Vec::new(),
        };
        Buffers { lists, spare: Spare { taken: Vec::new(), starts: Vec::new(), relative: Vec::new(), lower: String::new() } }
    }
}

thread_local! {
    /// This thread's [`Buffers`].
    static BUFFERS: RefCell<Buffers> = const { RefCell::new(Buffers::new()) };
}

/// Date cues of a whole text, found in one pass ([`Cues::scan`]) and then read sentence by
/// sentence, so a sentence costs no automaton search of its own.
#[derive(Debug, Default, Clone)]
pub struct Cues {
    /// (start, end, index in [`DATE_CUES`]) of every cue, leftmost-longest, in order.
    found: Vec<(usize, usize, usize)>,
}

impl Cues {
    /// All cues of `text`.
    pub fn scan(text: &str) -> Cues {
        super::cues::scan(text).dates
    }

    /// Cues found by [`super::cues::scan`]: (start, end, index in [`DATE_CUES`]),
    /// leftmost-longest, in order.
    pub(crate) fn from_found(found: Vec<(usize, usize, usize)>) -> Cues {
        Cues { found }
    }

    /// Every cue: (start, end, index in [`DATE_CUES`]), in order.
    pub fn found(&self) -> &[(usize, usize, usize)] {
        &self.found
    }

    /// The cues inside the span `[start, end)`.
    fn within(&self, start: usize, end: usize) -> &[(usize, usize, usize)] {
        let lo = self.found.partition_point(|c| c.0 < start);
        // (A sentence holds few cues: counted, not searched.)
        let hi = lo + self.found[lo..].iter().take_while(|c| c.1 <= end).count();
        &self.found[lo..hi]
    }
}

impl<'b> Hits<'b> {
    fn of(s: &str, lists: &'b mut HitLists) -> Hits<'b> {
        Hits::from_cues(s, 0, &Cues::scan(s).found, own_digit_runs(s), lists)
    }

    /// Hits of sentence `s` (starting at byte `base` of the text) from the text's cues inside
    /// it and the runs of ASCII digits in it (`start..end` in `s`, in order), listed in
    /// `lists` (cleared first).
    #[inline]
    fn from_cues(
        s: &str,
        base: usize,
        found: &[(usize, usize, usize)],
        runs: impl IntoIterator<Item = (usize, usize)>,
        lists: &'b mut HitLists,
    ) -> Hits<'b> {
        Hits::reading::<true>(s, base, found, runs, lists)
    }

    /// [`Hits::from_cues`], or with `ALL` false the hits of the dates that need neither a
    /// publication date nor a year hint, years alone left out ([`first_full_date`]): no
    /// relative or weekday cue, no day written alone, no year's hits.
    #[inline]
    fn reading<const ALL: bool>(
        s: &str,
        base: usize,
        found: &[(usize, usize, usize)],
        runs: impl IntoIterator<Item = (usize, usize)>,
        lists: &'b mut HitLists,
    ) -> Hits<'b> {
        let HitLists { months, weekdays, relative: relatives, iso_at, dotted_at, years_at } = lists;
        for v in [&mut *months, &mut *weekdays, &mut *iso_at, &mut *dotted_at, &mut *years_at] {
            v.clear();
        }
        relatives.clear();
        let mut relative = false;
        let b = s.as_bytes();
        for &(start, end, i) in found {
            let (start, end) = (start - base, end - base);
            if !ALL && (i >= NAME_CUES.len() || (FIRST_WEEKDAY..FIRST_RUSSIAN).contains(&i)) {
                continue;
            }
            if i >= NAME_CUES.len() {
                // (One fitting cue is enough: the rest are not asked.)
                relative = relative || relative_cue_fits(b, start, end, i - NAME_CUES.len());
                relatives.push((start, i - NAME_CUES.len()));
                continue;
            }
            // A name: exactly as written, and a whole word (a month may end in a full stop,
            // a weekday in "'s").
            // (A month may be followed by a digit: day-month patterns take "12 October12".)
            let word_start = start == 0 || !is_ascii_word_byte(b[start - 1]);
            let is_month = !(FIRST_WEEKDAY..FIRST_RUSSIAN).contains(&i);
            let word_end = b.get(end).is_none_or(|c| if is_month { !c.is_ascii_alphabetic() } else { !is_ascii_word_byte(*c) });
            // Month names and abbreviations may also be all capitals ("OCTOBER 12", "SEPT. 27",
            // "OCT.12").
            let written = &s[start..end];
            let caps =
                || i < FIRST_WEEKDAY && written.eq_ignore_ascii_case(NAME_CUES[i]) && !written.bytes().any(|c| c.is_ascii_lowercase());
            if word_start && word_end && (super::same_text(written, NAME_CUES[i]) || caps()) {
                if is_month {
                    months.push(start);
                } else {
                    weekdays.push(start);
                }
            }
        }
        let (month, weekday) = (!months.is_empty(), !weekdays.is_empty());
        // Digits, and runs of four or more (a year): what stands around each run tells which
        // of the ISO, dotted and year patterns could match there.
        let (mut digit, mut four, mut iso, mut dotted, mut years) = (false, false, false, false, false);
        let mut ordinal = None;
        for (start, k) in runs {
            digit = true;
            if ALL
                && k - start <= 2
                && ordinal.is_none()
                && matches!(b.get(k), Some(b's' | b'n' | b'r' | b't'))
                && day_of_month_alone(s, start, k)
            {
                ordinal = Some((start, k));
            }
            if k - start >= 4 {
                four = true;
                let (dash, dot) = (matches!(b.get(k), Some(b'-' | b'/')), start > 0 && matches!(b[start - 1], b'.' | b'/'));
                (iso, dotted) = (iso | dash, dotted | dot);
                if k - start == 4 && dash && (start == 0 || !is_ascii_word_byte(b[start - 1])) {
                    iso_at.push(start);
                }
                if k - start == 4 && dot {
                    dotted_at.push(start);
                }
                let fits = ALL && year_cue_fits(s, start, k);
                years |= fits;
                if fits && k - start == 4 {
                    year_starts(s, start, years_at);
                }
            }
        }
        years_at.sort_unstable();
        years_at.dedup();
        // In the order of `pattern_source`: MD, DM, ISO, DOTTED, WEEKDAY, RELATIVE, YEARS, MONTH_YEAR.
        Hits {
            patterns: [month && digit, month && digit, iso, dotted, weekday, relative, years, month && four],
            months,
            weekdays,
            relative: relatives,
            iso_at,
            dotted_at,
            years_at: Some(years_at.as_slice()),
            ordinal,
        }
    }

    fn matched(&self, i: usize) -> bool {
        self.patterns[i]
    }

    /// Whether no date can stand in the sentence.
    fn none(&self) -> bool {
        // (Month names alone may start a range: "since late September".)
        !self.patterns.iter().any(|h| *h) && self.months.is_empty() && self.ordinal.is_none()
    }
}

/// Words that may follow a day of the month written alone ("on the 12th, when", "on the 12th
/// in Ganja"); any other word makes it an ordinal of something else ("the 12th century").
const AFTER_DAY_OF_MONTH: &[&str] = &[
    "and",
    "when",
    "as",
    "in",
    "at",
    "after",
    "before",
    "during",
    "while",
    "but",
    "with",
    "near",
    "around",
    "from",
    "amid",
    "morning",
    "evening",
    "night",
    "afternoon",
];

/// Whether the one or two digits at `start..end` of `s` are a day of the month written alone:
/// "on the 12th" (an ordinal suffix, "on the" before it, and after it the end, punctuation or
/// one of [`AFTER_DAY_OF_MONTH`]).
fn day_of_month_alone(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let suffix = b.get(end..end + 2).is_some_and(|x| matches!(x, b"st" | b"nd" | b"rd" | b"th"));
    if !suffix || start < 7 || !b[start - 7..start].eq_ignore_ascii_case(b"on the ") || (start > 7 && is_ascii_word_byte(b[start - 8])) {
        return false;
    }
    let rest = &s[end + 2..];
    match rest.bytes().next() {
        None => true,
        Some(c) if is_ascii_word_byte(c) => false,
        Some(b' ') => {
            let word = rest[1..].split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            word.is_empty() || AFTER_DAY_OF_MONTH.contains(&word)
        }
        Some(_) => true,
    }
}

/// Whether the relative word `cue` at `start..end` of `b` can be part of a relative date
/// (the words the relative pattern puts around it): "night" only in "last night" and "the
/// previous night", "week" only after "this", "last" or "a", before "s ago", or in "the
/// weekend" and "past weekend", "month" only after "last" or "this", "ago" only after
/// "days" or "weeks", "morning", "evening" and "afternoon" only after "this", "day" only in
/// "the previous day", "a day earlier", "the day before". (`cue`: the word's index in
/// [`RELATIVE_CUES`].)
fn relative_cue_fits(b: &[u8], start: usize, end: usize, cue: usize) -> bool {
    let before = |w: &str| start >= w.len() && b[start - w.len()..start].eq_ignore_ascii_case(w.as_bytes());
    let after = |w: &str| b.len() >= end + w.len() && b[end..end + w.len()].eq_ignore_ascii_case(w.as_bytes());
    const MORNING: usize = relative_cue("morning");
    const EVENING: usize = relative_cue("evening");
    const AFTERNOON: usize = relative_cue("afternoon");
    const NIGHT: usize = relative_cue("night");
    const WEEK: usize = relative_cue("week");
    const MONTH: usize = relative_cue("month");
    const AGO: usize = relative_cue("ago");
    const DAY: usize = relative_cue("day");
    match cue {
        MORNING | EVENING | AFTERNOON => before("this "),
        NIGHT => before("last ") || before("previous "),
        WEEK => before("this ") || before("last ") || before("a ") || after("s ago") || (before("the ") || before("past ")) && after("end"),
        MONTH => before("last ") || before("this "),
        AGO => before("days ") || before("weeks "),
        DAY => before("the previous ") || (before("a ") || before("the ")) && (after(" earlier") || after(" before")),
        _ => true,
    }
}

/// The index of `word` in [`RELATIVE_CUES`] (found when compiling: a word not there fails
/// the build).
const fn relative_cue(word: &str) -> usize {
    let mut i = 0;
    while i < RELATIVE_CUES.len() {
        let (cue, w) = (RELATIVE_CUES[i].as_bytes(), word.as_bytes());
        if cue.len() == w.len() {
            let mut k = 0;
            while k < w.len() && cue[k] == w[k] {
                k += 1;
            }
            if k == w.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("not a relative cue")
}

/// The words after which a four-digit number is a year in the years pattern ("in 2014", "In
/// 2014," opening a sentence, "between 2015 and 2018": the first year); as in the pattern.
const YEAR_WORDS: &[&str] = &["in", "In", "since", "Since", "of", "from", "From", "until", "Until", "by", "By", "between", "Between"];

/// Whether the run of four or more digits at `start..end` of `s` can be a year of the year
/// pattern: before a dash ("1991-94", "1992 – 1994"), an `s` ("1990s"), or after one of
/// [`YEAR_WORDS`].
fn year_cue_fits(s: &str, start: usize, end: usize) -> bool {
    let after = text::trim_start(&s[end..]);
    if after.starts_with(['-', '–', 's']) {
        return true;
    }
    let before = text::trim_end(&s[..start]);
    before.len() < start && YEAR_WORDS.iter().any(|w| strip_word_suffix(before, w).is_some())
}

/// Where a match of the years pattern holding the four-digit year at `year` of `s` can start:
/// at the year ("1994-2020", "1990s"), four bytes before it ("mid-1990s", "mid 1990s"), or at
/// a word of two, four, five or seven letters before the white space before it ("in", "of",
/// "by", "from", "late", "since", "until", "early", "between": "since 2020", "early 1990s"). Only character
/// boundaries that follow no word byte are kept (the pattern starts on a word boundary).
fn year_starts(s: &str, year: usize, out: &mut Vec<usize>) {
    let b = s.as_bytes();
    let mut push = |q: usize| {
        if q <= year && s.is_char_boundary(q) && (q == 0 || !is_ascii_word_byte(b[q - 1])) {
            out.push(q);
        }
    };
    push(year);
    push(year.wrapping_sub(4));
    let gap = text::trim_end(&s[..year]).len();
    if gap < year {
        for len in [2, 4, 5, 7] {
            push(gap.wrapping_sub(len));
        }
    }
}

/// `t` without the whole word `w` at its end (nothing or a non-word byte before it).
fn strip_word_suffix<'a>(t: &'a str, w: &str) -> Option<&'a str> {
    t.strip_suffix(w).filter(|x| x.as_bytes().last().is_none_or(|c| !is_ascii_word_byte(*c)))
}

/// Where a day-month date ending in the month name at `p` would start: the one or two digits
/// (with `st`/`nd`/`rd`/`th`, then `of`) before it, on a word boundary.
fn day_before(s: &str, p: usize) -> Option<usize> {
    let before = &s[..p];
    let mut t = text::trim_end(before);
    if t.len() == before.len() {
        return None;
    }
    // "12 of October"
    if let Some(x) = t.strip_suffix("of")
        && x.len() > text::trim_end(x).len()
    {
        t = text::trim_end(x);
    }
    // "12th October"
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(x) = t.strip_suffix(suffix)
            && x.as_bytes().last().is_some_and(u8::is_ascii_digit)
        {
            t = x;
            break;
        }
    }
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = t.len() - digits;
    ((1..=2).contains(&digits) && (start == 0 || !is_ascii_word_byte(t.as_bytes()[start - 1]))).then_some(start)
}

/// The first day of a day range ending at `at` ("11-12 October", "11–12 October", and after
/// "on", "from", "between" or "of": "on 11 and 12 October", "from 11 to 12 October"): where its
/// one or two digits start and their value. The digits stand on a word boundary, after no
/// dash, dot or slash (not "2020-12 October").
fn range_first_day(s: &str, at: usize) -> Option<(usize, u32)> {
    let head = &s[..at];
    let (before, worded) = match head.strip_suffix('-').or_else(|| head.strip_suffix('–')) {
        Some(b) => (b, false),
        None => ([" and ", " to ", " through "].iter().find_map(|w| head.strip_suffix(w))?, true),
    };
    let b = before.as_bytes();
    let digits = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let start = b.len() - digits;
    let clear = start == 0 || !(is_ascii_word_byte(b[start - 1]) || matches!(b[start - 1], b'-' | b'.' | b'/'));
    if !(1..=2).contains(&digits) || !clear {
        return None;
    }
    // Words join two days only after a word that introduces a date ("killed 11 and 12 …" is
    // a figure).
    if worded
        && !["on", "from", "between", "of", "On", "From", "Between"]
            .iter()
            .any(|w| strip_word_suffix(text::trim_end(&before[..start]), w).is_some())
    {
        return None;
    }
    before[start..].parse().ok().map(|d| (start, d))
}

/// Words before "since" that make a month a point of comparison, not a range start.
const COMPARISONS: &[&str] =
    &["worst", "heaviest", "deadliest", "bloodiest", "fiercest", "biggest", "largest", "highest", "greatest", "most", "first"];

/// A part of a month named instead of its day ("in early October", "at the end of last
/// month"): a day of it, approximate, so dates read from it are relative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthPart {
    /// "early" (the 5th), "mid" and "the middle of" (the 15th), "late" (the 25th), "the
    /// start of" and "the beginning of" (the 1st).
    Day(u32),
    /// "the end of": the month's last day.
    End,
}

impl MonthPart {
    /// The part a word names ("early", "mid", "late", "start", "beginning", "middle", "end",
    /// in any ASCII case).
    fn of(word: &str) -> Option<MonthPart> {
        let is = |w: &str| word.eq_ignore_ascii_case(w);
        Some(if is("early") {
            MonthPart::Day(5)
        } else if is("mid") || is("middle") {
            MonthPart::Day(15)
        } else if is("late") {
            MonthPart::Day(25)
        } else if is("start") || is("beginning") {
            MonthPart::Day(1)
        } else if is("end") {
            MonthPart::End
        } else {
            return None;
        })
    }

    /// Its day in the month that starts on `first`.
    fn day_in(self, first: NaiveDate) -> Option<NaiveDate> {
        match self {
            MonthPart::Day(d) => first.with_day(d),
            MonthPart::End => first.checked_add_months(chrono::Months::new(1))?.pred_opt(),
        }
    }
}

/// The part of a month named just before byte `p` of `s` (a month's name, or "last month"):
/// "early ", "mid-", "mid ", "late ", or "the start of ", "the beginning of ", "the middle
/// of ", "the end of " (the first word in any case), and where those words start.
fn month_part_before(s: &str, p: usize) -> Option<(usize, MonthPart)> {
    // Every part ends in "early", "mid", "late", "of" or "mid-", then perhaps white space:
    // most months follow another word.
    let b = s.as_bytes();
    let last = b[..p].iter().rposition(|c| !c.is_ascii_whitespace()).map(|i| b[i].to_ascii_lowercase());
    if !matches!(last, Some(b'y' | b'd' | b'e' | b'f' | b'-')) {
        return None;
    }
    if let Some(x) = s[..p].strip_suffix("mid-") {
        return Some((x.len(), MonthPart::Day(15)));
    }
    let t = text::trim_end(&s[..p]);
    if t.len() == p {
        return None;
    }
    let (start, word) = last_word(t);
    if let Some(part) = MonthPart::of(word).filter(|x| matches!(x, MonthPart::Day(5 | 15 | 25))) {
        return Some((start, part));
    }
    // "the end of October", "the start of last month"
    if !word.eq_ignore_ascii_case("of") {
        return None;
    }
    let t = text::trim_end(&t[..start]);
    let (start, word) = last_word(t);
    let part = MonthPart::of(word).filter(|x| *x != MonthPart::Day(5) && *x != MonthPart::Day(25) && !word.eq_ignore_ascii_case("mid"))?;
    let t = text::trim_end(&t[..start]);
    let (start, the) = last_word(t);
    the.eq_ignore_ascii_case("the").then_some((start, part))
}

/// The last run of ASCII letters of `t` (empty after anything else) and where it starts.
fn last_word(t: &str) -> (usize, &str) {
    // (The last byte of a character beyond ASCII is no ASCII letter: a boundary follows it.)
    let start = t.bytes().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |i| i + 1);
    (start, &t[start..])
}

/// A range from a month named without its day, its name at `p` of `s`: "since September"
/// (the 1st), or from a part of it ([`MonthPart`]: "since early October", the 5th; "since
/// mid-October", the 15th; "since late September", the 25th; "since the end of
/// September", the 30th). The start and end of the words after "since", the month and the
/// part. Full month names only.
fn since_month(s: &str, p: usize) -> Option<(usize, usize, u32, Option<MonthPart>)> {
    // The words before the name first (cheap, and most month names follow no "since"), then
    // the name.
    let (start, part) = match month_part_before(s, p) {
        Some((a, part)) => (a, Some(part)),
        None => (p, None),
    };
    let t = text::trim_end(&s[..start]);
    if t.len() == start {
        return None;
    }
    let before_since = ["since", "Since"].iter().find_map(|w| strip_word_suffix(t, w))?;
    // "the worst fighting since July" compares; it starts no range.
    let clause = before_since.rsplit([',', ';', ':', '(']).next().unwrap_or(before_since);
    let clause = &clause[crate::text::floor_boundary(clause, clause.len().saturating_sub(60))..];
    if clause.split(|c: char| !c.is_alphabetic()).any(|w| COMPARISONS.iter().any(|c| c.eq_ignore_ascii_case(w))) {
        return None;
    }
    let end = p + s[p..].find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(s.len() - p);
    let name = &s[p..end];
    if !NAME_CUES[..12].contains(&name) {
        return None;
    }
    Some((start, end, month_number(name)?, part))
}

/// Words before a part of a month that make it a range's start or end or a deadline ("until
/// late October", "by the end of October"), not the day of the events.
const NOT_THE_DAY: &[&str] = &["since", "until", "till", "by", "before", "after", "through", "to"];

/// Words before a weekday that the weekday pattern takes with it ("last Monday", "on
/// Friday", "since Sunday"), in lower case or capitalised ("Last Tuesday").
const WEEKDAY_MODIFIERS: &[&str] = &["last", "this", "next", "on", "late", "early", "since"];

/// `w` with its first (ASCII) letter in capitals.
fn capitalised(w: &str) -> String {
    let mut c = w.to_string();
    c[..1].make_ascii_uppercase();
    c
}

/// Where a weekday date at `p` starts: at a modifier before it ([`WEEKDAY_MODIFIERS`]),
/// else at the weekday.
fn modifier_before(s: &str, p: usize) -> usize {
    let before = &s[..p];
    let t = text::trim_end(before);
    if t.len() < before.len() {
        let (start, word) = last_word(t);
        // (The word as written or with its first letter in capitals.)
        let is = |m: &str| word.len() == m.len() && word[1..] == m[1..] && word.as_bytes()[0].to_ascii_lowercase() == m.as_bytes()[0];
        if WEEKDAY_MODIFIERS.iter().any(|m| is(m)) && (start == 0 || !is_ascii_word_byte(t.as_bytes()[start - 1])) {
            return start;
        }
    }
    p
}

/// The groups of one match of a date pattern, as [`Regex::captures`] would give them, read
/// from the matched text by [`Groups::of`] (finding a match is cheap; running the capture
/// engine on it is not).
struct Groups<'a> {
    /// The matched text.
    text: &'a str,
    /// Where the match starts in the searched text.
    offset: usize,
    /// Spans of groups 1.. in `text`.
    spans: Spans,
}

/// Spans of groups 1.. of a match, in the matched text, as `u32`s (half the bytes of `usize`
/// spans, moved with each match a hand reader gives back; a date match is a few dozen bytes).
type Spans = [Option<(u32, u32)>; 4];

/// `spans` as [`Spans`].
#[inline(always)]
fn narrow(spans: [Option<(usize, usize)>; 4]) -> Spans {
    spans.map(|g| g.map(|(a, b)| (a as u32, b as u32)))
}

impl<'a> Groups<'a> {
    /// The groups of pattern `i` in `text`, a whole match of it (a match fixes where each
    /// group lies, so the text is only split, never checked again).
    fn of(i: usize, text: &'a str, offset: usize) -> Groups<'a> {
        let len = text.len();
        // The end of the run of white space (Unicode, as `\s`) from `k`.
        let skip_space = |k: usize| text[k..].find(|c: char| !c.is_whitespace()).map_or(len, |n| k + n);
        let find_from = |k: usize, f: &dyn Fn(char) -> bool| text[k..].find(f).map_or(len, |n| k + n);
        let space = |c: char| c.is_whitespace();
        // The optional `,?\s+(\d{4})` after a day or month ending at `k`: the rest of the match.
        let year_after = |k: usize| (k < len).then(|| (skip_space(k + usize::from(text[k..].starts_with(','))), len));
        let mut spans = [None; 4];
        match i {
            // Month-day: month, space, day, ordinal suffix, optional year.
            0 => {
                // "OCT.12": no space after an abbreviation's full stop. The pattern's `\d` is
                // any decimal digit ("October١٢"), and a month name holds no digit.
                let month_end = find_from(0, &|c| c.is_whitespace() || c.is_numeric());
                let day = skip_space(month_end);
                let day_end = find_from(day, &|c| c.is_ascii_alphabetic() || c == ',' || c.is_whitespace());
                let suffix_end = find_from(day_end, &|c| !c.is_ascii_alphabetic());
                spans[..3].copy_from_slice(&[Some((0, month_end)), Some((day, day_end)), year_after(suffix_end)]);
            }
            // Day-month: day, ordinal suffix, space, optional "of", month, optional year.
            1 => {
                let day_end = find_from(0, &|c| c.is_ascii_alphabetic() || c.is_whitespace());
                let mut month = skip_space(find_from(day_end, &|c| !c.is_ascii_alphabetic()));
                if text[month..].starts_with("of") && text[month + 2..].starts_with(char::is_whitespace) {
                    month = skip_space(month + 2);
                }
                let month_end = find_from(month, &|c| c == ',' || c.is_whitespace());
                spans[..3].copy_from_slice(&[Some((0, day_end)), Some((month, month_end)), year_after(month_end)]);
            }
            // ISO: year-month-day (dashes or slashes), then perhaps a time after a `T`.
            2 => {
                let a = find_from(0, &|c| matches!(c, '-' | '/'));
                let b = find_from(a + 1, &|c| matches!(c, '-' | '/'));
                spans[..3].copy_from_slice(&[Some((0, a)), Some((a + 1, b)), Some((b + 1, find_from(b + 1, &|c| c == 'T')))]);
            }
            // Dotted or slashed: day or month, separator, month or day, separator, year.
            3 => {
                let a = find_from(0, &|c| matches!(c, '.' | '/'));
                let b = find_from(a + 1, &|c| matches!(c, '.' | '/'));
                spans = [Some((0, a)), Some((a, a + 1)), Some((a + 1, b)), Some((b + 1, len))];
            }
            // Weekday: optional modifier and space, weekday, optional possessive.
            4 => {
                let first_end = find_from(0, &space);
                let (modifier, day) = if first_end < len { (Some((0, first_end)), skip_space(first_end)) } else { (None, 0) };
                let day_end = ["'s", "’s"].iter().find_map(|p| text.strip_suffix(p)).map_or(len, str::len);
                spans[..2].copy_from_slice(&[modifier, Some((day, day_end))]);
            }
            // Relative: the whole phrase, and the count of "N days ago" / "N weeks ago".
            5 => {
                spans[0] = Some((0, len));
                let first_end = find_from(0, &|c| c == ' ');
                // (Read as `(?i)` reads them: `s` also as `ſ`, `k` also as the Kelvin sign.)
                let rest_is = |w: &str| crate::text::folded_at(text.as_bytes(), first_end, w) == Some(len);
                if rest_is(" days ago") {
                    spans[1] = Some((0, first_end));
                } else if rest_is(" weeks ago") {
                    spans[2] = Some((0, first_end));
                }
            }
            // Years: "1991-94" (group 1), "the 1990s" (group 3), "in 1994" (group 4); group 2
            // is the end of a range.
            6 => {
                let chars: Vec<(usize, char)> = text.char_indices().collect();
                let at = |k: usize| chars.get(k).map_or(len, |c| c.0);
                if text.ends_with('s') {
                    let n = chars.len();
                    spans[2] = Some((at(n.saturating_sub(5)), at(n.saturating_sub(1))));
                } else if text.starts_with(|c: char| c.is_ascii_digit()) {
                    let dash = skip_space(at(4));
                    let dash_len = text[dash..].chars().next().map_or(0, char::len_utf8);
                    spans[0] = Some((0, at(4)));
                    spans[1] = Some((skip_space(dash + dash_len), len));
                } else {
                    spans[3] = Some((at(chars.len().saturating_sub(4)), len));
                }
            }
            // Month-year: month, space, year.
            _ => {
                let month_end = find_from(0, &space);
                spans[..2].copy_from_slice(&[Some((0, month_end)), Some((skip_space(month_end), len))]);
            }
        }
        Groups { text, offset, spans: narrow(spans) }
    }

    /// Group `k` (0 the whole match), as text.
    fn get(&self, k: usize) -> Option<&'a str> {
        if k == 0 {
            return Some(self.text);
        }
        self.spans[k - 1].map(|(a, b)| &self.text[a as usize..b as usize])
    }

    /// The span of group `k` in the searched text.
    fn span(&self, k: usize) -> Option<(usize, usize)> {
        if k == 0 {
            return Some((self.offset, self.offset + self.text.len()));
        }
        self.spans[k - 1].map(|(a, b)| (self.offset + a as usize, self.offset + b as usize))
    }
}

/// Matches of anchored pattern `i` at each start (in order), without overlaps, as a search
/// through the whole sentence would give them: (offset of the match, its groups). (The
/// tests' reference: outside them the hand readers run, [`read_anchored_at`].)
#[cfg(test)]
fn anchored_at(i: usize, s: &str, starts: impl IntoIterator<Item = usize>) -> Vec<Groups<'_>> {
    let mut out = Vec::new();
    let mut end = 0;
    for q in starts {
        if q < end {
            continue;
        }
        if let Some(m) = anchored(i).find(&s[q..]) {
            end = q + m.end();
            out.push(Groups::of(i, &s[q..end], q));
        }
    }
    out
}

/// Every match of pattern `i` in `s`, with its groups.
fn matches_of(i: usize, s: &str) -> impl Iterator<Item = Groups<'_>> {
    pattern(i).find_iter(s).map(move |m| Groups::of(i, m.as_str(), m.start()))
}

/// The matches `read` finds at `starts` (in order; `read` gives a match's start and end, or
/// none), without overlaps: a match that starts inside an earlier one is skipped, as a
/// search resumes after its last match.
fn read_at(starts: impl IntoIterator<Item = usize>, read: impl Fn(usize) -> Option<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    read_into(starts, read, &mut out);
    out
}

/// [`read_at`] into `out`.
fn read_into(starts: impl IntoIterator<Item = usize>, read: impl Fn(usize) -> Option<(usize, usize)>, out: &mut Vec<(usize, usize)>) {
    let mut end = 0;
    for q in starts {
        if q < end {
            continue;
        }
        if let Some((a, e)) = read(q).filter(|m| m.0 >= end) {
            out.push((a, e));
            end = e;
        }
    }
}

/// Whether `b` has `w` at `k`, in any ASCII case.
fn has_at(b: &[u8], k: usize, w: &str) -> bool {
    b.get(k..k + w.len()).is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
}

/// Whether a word ends at `e` of `b` (the pattern's `(?-u:\b)` after a word byte).
fn word_ends(b: &[u8], e: usize) -> bool {
    b.get(e).is_none_or(|c| !is_ascii_word_byte(*c))
}

/// Whether `b` has `n` ASCII digits at `k`.
fn digits_at(b: &[u8], k: usize, n: usize) -> bool {
    b.get(k..k + n).is_some_and(|x| x.iter().all(u8::is_ascii_digit))
}

/// The matches of the relative pattern in sentence `s` read by hand from its relative cues
/// (`(start, index in [`RELATIVE_CUES`])`, [`Hits::relative`]), put in `found` (`starts`: a
/// list for the places to read): every match holds one, at one of the places
/// [`RELATIVE_CUE_OFFSETS`] gives, or is a count before the cue of "days ago" or "weeks ago"
/// ([`COUNT_AGO`]). `false` (and `found` empty) where the hand reader cannot be sure to read
/// as the pattern: `(?i)` also reads `s` as `ſ` and `k` as the Kelvin sign, and the count
/// (`\w+`) takes letters beyond ASCII.
fn relative_matches(s: &str, cues: &[(usize, usize)], starts: &mut Vec<usize>, found: &mut Vec<(usize, usize)>) -> bool {
    let b = s.as_bytes();
    found.clear();
    // (Searched for their first bytes at once: no test of the whole sentence for ASCII
    // first, whose tail went byte by byte.)
    if has_long_s_or_kelvin(b) {
        return false;
    }
    starts.clear();
    for &(cue, i) in cues {
        starts.extend(RELATIVE_CUE_OFFSETS[i].iter().filter_map(|&k| cue.checked_sub(k)));
        if cue > 0 && COUNT_AGO.iter().any(|tail| has_at(b, cue - 1, tail)) {
            // The count: the word before the space (a byte beyond ASCII may be part of it).
            let w = b[..cue - 1].iter().rposition(|&c| !(is_ascii_word_byte(c) || c >= 0x80)).map_or(0, |k| k + 1);
            if !b[w..cue - 1].is_ascii() {
                return false;
            }
            starts.push(w);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    read_into(starts.iter().copied(), |q| Some((q, relative_end(b, q)?)), found);
    true
}

/// Whether UTF-8 `b` holds `ſ` (C5 BF) or the Kelvin sign (E2 84 AA), which `(?i)` reads as
/// `s` and `k`.
fn has_long_s_or_kelvin(b: &[u8]) -> bool {
    memchr::memchr2_iter(0xC5, 0xE2, b).any(|i| match b[i] {
        0xC5 => b.get(i + 1) == Some(&0xBF),
        _ => b.get(i + 1..i + 3) == Some(&[0x84, 0xAA][..]),
    })
}

/// The ASCII letters of the little-endian bytes `w` in lower case (other bytes as they are).
fn ascii_lower_window(w: u128) -> u128 {
    const LOW7: u128 = u128::from_le_bytes([0x7F; 16]);
    const HIGH: u128 = u128::from_le_bytes([0x80; 16]);
    let v = w & LOW7;
    // (Per byte, without carries: its high bit set where the byte is at least 'A', at least
    // '[', and where it is beyond ASCII.)
    let from_a = v + u128::from_le_bytes([0x80 - b'A'; 16]);
    let past_z = v + u128::from_le_bytes([0x80 - b'Z' - 1; 16]);
    let upper = from_a & !past_z & !w & HIGH;
    w | (upper >> 2)
}

/// The end of the relative pattern's match at `q` of `b`, its phrases tried in its order
/// (a sentence without `ſ` or the Kelvin sign; a count of ASCII word bytes). A phrase's
/// first 16 bytes are compared as one number with the text's in lower case, the rest (of
/// longer phrases) byte by byte.
fn relative_end(b: &[u8], q: usize) -> Option<usize> {
    if q > 0 && is_ascii_word_byte(b[q - 1]) {
        return None;
    }
    let first = b.get(q)?.to_ascii_lowercase();
    let list = &RELATIVE_BY_FIRST_BYTE[usize::from(first)];
    if !list.is_empty() {
        let text = ascii_lower_window(window(b, q));
        let fits = |p: &&RelativePhrase| {
            let len = p.phrase.len();
            text & p.mask == p.head && (len <= 16 || has_at(b, q + 16, &p.phrase[16..])) && word_ends(b, q + len)
        };
        if let Some(p) = list.iter().find(fits) {
            return Some(q + p.phrase.len());
        }
    }
    let count = q + b[q..].iter().take_while(|c| is_ascii_word_byte(**c)).count();
    let tail = COUNT_AGO.iter().find(|tail| has_at(b, count, tail) && word_ends(b, count + tail.len()));
    tail.filter(|_| count > q).map(|tail| count + tail.len())
}

/// The groups of a relative match read by hand ([`relative_matches`]), as [`Groups::of`]
/// reads them: the count of "N days ago" or "N weeks ago" (ASCII word bytes before the
/// tail, as [`relative_end`] reads it; no other phrase ends in one of [`COUNT_AGO`]).
fn relative_groups(text: &str, offset: usize) -> Groups<'_> {
    let (b, len) = (text.as_bytes(), text.len());
    let mut spans = [Some((0, len)), None, None, None];
    for (k, tail) in COUNT_AGO.iter().enumerate() {
        if len > tail.len() && b[len - tail.len()..].eq_ignore_ascii_case(tail.as_bytes()) {
            spans[k + 1] = Some((0, len - tail.len()));
        }
    }
    Groups { text, offset, spans: narrow(spans) }
}

/// Whether `\d` reads only ASCII digits in `s` (no decimal digit beyond ASCII), so the ISO
/// and dotted readers read as their patterns.
/// (No decimal digit beyond ASCII comes before U+0660, and a character from U+0660 on opens
/// with a byte from 0xD9 on, which no other byte of UTF-8 is: only the characters opening
/// with such a byte are read, found eight bytes at a time by [`high_lead_from`].)
fn ascii_digits_only(s: &str) -> bool {
    let b = s.as_bytes();
    let mut k = high_lead_from(b, 0);
    while k < b.len() {
        if s[k..].chars().next().is_some_and(|c| c >= '\u{660}' && c.is_numeric()) {
            return false;
        }
        k = high_lead_from(b, k + 1);
    }
    true
}

/// The first byte of `b` from `k` on that is 0xD9 or more (the end of `b` if none): eight
/// bytes read at a time, a byte's low seven bits plus 0x27 reaching its high bit where the
/// byte's own high bit is set too (no sum carries out of its byte).
fn high_lead_from(b: &[u8], mut k: usize) -> usize {
    const LOW: u64 = u64::from_le_bytes([0x7F; 8]);
    const ADD: u64 = u64::from_le_bytes([0x27; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    while let Some(chunk) = b.get(k..k + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let found = ((w & LOW) + ADD) & w & HIGH;
        if found != 0 {
            return k + (found.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    k + b.get(k..).map_or(0, |t| t.iter().take_while(|&&c| c < 0xD9).count())
}

/// The end of the ISO pattern's match at `q` of `b` (its year's four digits; ASCII digits):
/// year, month and day, then perhaps a time after a `T` with seconds, their fraction and a
/// zone, each tried first with, then without, as the pattern does.
fn iso_end(b: &[u8], q: usize) -> Option<usize> {
    let sep = |k: usize| matches!(b.get(k), Some(b'-' | b'/'));
    if q > 0 && is_ascii_word_byte(b[q - 1])
        || !(digits_at(b, q, 4) && sep(q + 4) && digits_at(b, q + 5, 2) && sep(q + 7) && digits_at(b, q + 8, 2))
    {
        return None;
    }
    let date = q + 10;
    // A zone at `k` ("Z", "+04:00", "+0400") or none, then the word's end.
    let zone = |k: usize| {
        let sign = matches!(b.get(k), Some(b'+' | b'-'));
        [
            (b.get(k) == Some(&b'Z')).then_some(k + 1),
            (sign && digits_at(b, k + 1, 2) && b.get(k + 3) == Some(&b':') && digits_at(b, k + 4, 2)).then_some(k + 6),
            (sign && digits_at(b, k + 1, 4)).then_some(k + 5),
            Some(k),
        ]
        .into_iter()
        .flatten()
        .find(|&e| word_ends(b, e))
    };
    if b.get(date) == Some(&b'T') && digits_at(b, date + 1, 2) && b.get(date + 3) == Some(&b':') && digits_at(b, date + 4, 2) {
        let minutes = date + 6;
        if b.get(minutes) == Some(&b':') && digits_at(b, minutes + 1, 2) {
            let seconds = minutes + 3;
            // (A fraction ends where its digits do: with fewer, a digit would follow.)
            let fraction =
                if b.get(seconds) == Some(&b'.') { b[seconds + 1..].iter().take_while(|c| c.is_ascii_digit()).count() } else { 0 };
            if let Some(e) = (fraction > 0).then(|| zone(seconds + 1 + fraction)).flatten().or_else(|| zone(seconds)) {
                return Some(e);
            }
        }
        if let Some(e) = zone(minutes) {
            return Some(e);
        }
    }
    word_ends(b, date).then_some(date)
}

/// The start of the dotted pattern's match ending in the four-digit year at `y` of `b`
/// (ASCII digits): one or two digits, a full stop or slash, one or two digits, a full stop
/// or slash, the year.
fn dotted_start(b: &[u8], y: usize) -> Option<usize> {
    let sep = |k: usize| matches!(b[k], b'.' | b'/');
    let digits_before = |k: usize| b[..k].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if y == 0 || !sep(y - 1) || !digits_at(b, y, 4) || !word_ends(b, y + 4) {
        return None;
    }
    let month = y - 1 - digits_before(y - 1);
    if !(1..=2).contains(&(y - 1 - month)) || month == 0 || !sep(month - 1) {
        return None;
    }
    let day = month - 1 - digits_before(month - 1);
    ((1..=2).contains(&(month - 1 - day)) && (day == 0 || !is_ascii_word_byte(b[day - 1]))).then_some(day)
}

/// The matches of the ISO (2) and dotted (3) patterns in `s`, read at its runs of four
/// digits ([`Hits::iso_at`], [`Hits::dotted_at`]) when it has no digit beyond ASCII, else by
/// the pattern (asked only where [`Hits`] says the pattern can match).
fn digit_dates<'a>(i: usize, s: &'a str, hits: &Hits) -> Vec<Groups<'a>> {
    if !ascii_digits_only(s) {
        return matches_of(i, s).collect();
    }
    let b = s.as_bytes();
    let found = if i == 2 {
        read_at(hits.iso_at.iter().copied(), |q| Some((q, iso_end(b, q)?)))
    } else {
        read_at(hits.dotted_at.iter().copied(), |y| Some((dotted_start(b, y)?, y + 4)))
    };
    found.into_iter().map(|(a, e)| Groups::of(i, &s[a..e], a)).collect()
}

/// The end of the years pattern's match that the anchored pattern finds in `s[q..]`, read by
/// hand (white space is Unicode's, as the pattern's `\s`): "1991-94", "1992 – 1994" (a
/// two-digit end before a four-digit one), a decade after "early ", "late ", "mid-", "mid "
/// or none ("mid-1990s"), or a year after one of [`YEAR_WORDS`] and white space ("since
/// 2020"). `Err` where a character beyond ASCII stands where the pattern reads a digit: the
/// anchored pattern reads it ([`anchored_end`]).
fn years_end(s: &str, q: usize) -> Result<HandRead, ()> {
    let b = s.as_bytes();
    let at = &s[q..];
    let skip_space = |k: usize| space_end(s, k);
    let century = |k: usize| matches!(b.get(k..k + 2), Some(b"18" | b"19" | b"20"));
    let year = |k: usize| Ok::<bool, ()>(century(k) && sure_digits_in(s, k + 2, 2)?);
    if year(q)? {
        let dash = skip_space(q + 4);
        let width = if b.get(dash) == Some(&b'-') {
            1
        } else if s[dash..].starts_with('–') {
            '–'.len_utf8()
        } else {
            0
        };
        let end = skip_space(dash + width);
        for n in [2, 4] {
            if width > 0 && sure_digits_in(s, end, n)? && word_ends(b, end + n) {
                return Ok(Some((end + n, Some(narrow([Some((0, 4)), Some((end - q, end + n - q)), None, None])))));
            }
        }
    }
    let decade = |k: usize| {
        Ok::<bool, ()>(
            century(k) && sure_digits_in(s, k + 2, 1)? && b.get(k + 3) == Some(&b'0') && b.get(k + 4) == Some(&b's') && word_ends(b, k + 5),
        )
    };
    // The years' groups: 3 the decade, 4 a year after a word.
    let groups = |group: usize, k: usize| {
        let mut spans = [None; 4];
        spans[group - 1] = Some((k - q, k + 4 - q));
        // (A decade ends in its "s".)
        Some((k + 4 + usize::from(group == 3), Some(narrow(spans))))
    };
    if let Some(part) = ["early ", "late ", "mid-", "mid "].iter().find(|p| at.starts_with(*p))
        && decade(q + part.len())?
    {
        return Ok(groups(3, q + part.len()));
    }
    if decade(q)? {
        return Ok(groups(3, q));
    }
    let Some(word) = YEAR_WORDS.iter().find(|w| at.starts_with(*w)) else { return Ok(None) };
    let k = skip_space(q + word.len());
    Ok((k > q + word.len() && year(k)? && word_ends(b, k + 4)).then(|| groups(4, k)).flatten())
}

/// `t` parsed as a number, as [`str::parse`] reads it (one to four ASCII digits, the days and
/// years of dates, read by hand).
/// (Always inlined, with its common case; the rest, [`parsed_by_str`], a call of its own.)
#[inline(always)]
fn parsed<T: std::str::FromStr + From<u16>>(t: &str) -> Option<T> {
    let b = t.as_bytes();
    if (1..=4).contains(&b.len()) && b.iter().all(u8::is_ascii_digit) {
        return Some(T::from(b.iter().fold(0, |n, c| n * 10 + u16::from(c - b'0'))));
    }
    parsed_by_str(t)
}

/// [`parsed`] by [`str::parse`]: what is no run of one to four ASCII digits.
#[inline(never)]
fn parsed_by_str<T: std::str::FromStr>(t: &str) -> Option<T> {
    t.parse().ok()
}

/// The end of the white space (Unicode's, as `\s`) from byte `k` of `s`.
/// (Always inlined with its ASCII bytes; from a byte beyond ASCII on, [`space_end_by_chars`].)
#[inline(always)]
fn space_end(s: &str, mut k: usize) -> usize {
    let b = s.as_bytes();
    // (ASCII white space byte by byte: `is_ascii_whitespace` and the vertical tab.)
    while let Some(&c) = b.get(k) {
        if c.is_ascii() && !(c.is_ascii_whitespace() || c == 0x0B) {
            return k;
        }
        if !c.is_ascii() {
            return space_end_by_chars(s, k);
        }
        k += 1;
    }
    k
}

/// [`space_end`] from a character beyond ASCII at `k`, read by characters.
#[inline(never)]
fn space_end_by_chars(s: &str, k: usize) -> usize {
    s[k..].find(|c: char| !c.is_whitespace()).map_or(s.len(), |n| k + n)
}

/// Where the month names of `names` ([`MONTH_NAMES`]) that `b` has at `k` end, in the
/// order the pattern tries them (after an abbreviation, with its full stop first).
fn month_ends<'a>(names: &'a NamesByFirstByte, b: &'a [u8], k: usize) -> impl Iterator<Item = usize> + 'a {
    let list = b.get(k).map_or(&[][..], |c| &names[usize::from(*c)][..]);
    // (The text's next 16 bytes read once; a name's bytes are its first, zeros past its end.)
    let text = if list.is_empty() { 0 } else { window(b, k) };
    list.iter().filter(move |n| text & n.mask == n.bytes).flat_map(move |n| {
        let end = k + n.len;
        [(n.dot && b.get(end) == Some(&b'.')).then_some(end + 1), Some(end)].into_iter().flatten()
    })
}

/// The bits of the first `len` bytes (at most 16) of a little-endian number.
fn mask(len: usize) -> u128 {
    u128::MAX.checked_shr(8 * (16 - len) as u32).unwrap_or(0)
}

/// Whether `s` has `n` ASCII digits at byte `k`, or `Err` where a decimal digit beyond ASCII
/// (as `\d` reads it; any numeric character) stands first instead of one.
fn sure_digits_in(s: &str, k: usize, n: usize) -> Result<bool, ()> {
    let b = s.as_bytes();
    for j in k..k + n {
        match b.get(j) {
            Some(c) if c.is_ascii_digit() => {}
            Some(c) if !c.is_ascii() => {
                return if s.get(j..).is_none_or(|t| t.starts_with(char::is_numeric)) { Err(()) } else { Ok(false) };
            }
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// The optional year after a day or month ending at `k` (`,?\s+(\d{4})\b`: "October 12,
/// 2020"): where its digits start, if any.
fn year_tail(s: &str, k: usize) -> Result<Option<usize>, ()> {
    let b = s.as_bytes();
    // (After a comma, white space without it cannot follow: one place to read.)
    let c = k + usize::from(b.get(k) == Some(&b','));
    let year = space_end(s, c);
    Ok((year > c && sure_digits_in(s, year, 4)? && word_ends(b, year + 4)).then_some(year))
}

/// The end of a match read by hand at `q` and, when the reader gives them, its groups
/// ([`Groups`]'s spans: 1.. in the match).
type HandRead = Option<(usize, Option<Spans>)>;

/// A match at `q` of a day at `day..day_end`, a month at `month..month_end` and the year
/// after `end` ([`year_tail`]), with the groups of the month-day pattern (`day_first`: of the
/// day-month pattern).
fn day_and_month(s: &str, q: usize, day: (usize, usize), month: (usize, usize), end: usize, day_first: bool) -> Result<HandRead, ()> {
    let year = year_tail(s, end)?;
    let span = |(a, b): (usize, usize)| Some((a - q, b - q));
    let (first, second) = if day_first { (day, month) } else { (month, day) };
    let end = year.map_or(end, |y| y + 4);
    Ok(Some((end, Some(narrow([span(first), span(second), year.and_then(|y| span((y, y + 4))), None])))))
}

/// The end of the anchored month-day pattern's match in `s[q..]`, read by hand: a month name
/// ([`MONTH_NAMES`]), white space or a word boundary ("OCT.12"), one or two digits, an
/// ordinal suffix, the end of a word, perhaps a year. `Err` where a character beyond ASCII
/// stands where the pattern reads a digit.
fn month_day_end(s: &str, q: usize) -> Result<HandRead, ()> {
    let b = s.as_bytes();
    if !b.get(q).is_some_and(|c| is_ascii_word_byte(*c)) {
        return Ok(None);
    }
    let word = |k: usize| b.get(k).is_some_and(|c| is_ascii_word_byte(*c));
    for k in month_ends(&MONTH_NAMES[0], b, q) {
        let space = space_end(s, k);
        for day in [(space > k).then_some(space), (word(k - 1) != word(k)).then_some(k)].into_iter().flatten() {
            for n in [2, 1] {
                if !sure_digits_in(s, day, n)? {
                    continue;
                }
                let e = day + n;
                let suffix = b.get(e..e + 2).is_some_and(|x| matches!(x, b"st" | b"nd" | b"rd" | b"th"));
                if let Some(end) = [suffix.then_some(e + 2), Some(e)].into_iter().flatten().find(|&end| word_ends(b, end)) {
                    return day_and_month(s, q, (day, e), (q, k), end, false);
                }
            }
        }
    }
    Ok(None)
}

/// The end of the anchored day-month pattern's match in `s[q..]`, read by hand: one or two
/// digits, an ordinal suffix, white space, perhaps "of" and white space, a month name
/// ([`MONTH_NAMES`]), perhaps a year. `Err` as [`month_day_end`].
fn day_month_end(s: &str, q: usize) -> Result<HandRead, ()> {
    let b = s.as_bytes();
    if !b.get(q).is_some_and(|c| is_ascii_word_byte(*c)) {
        return Ok(None);
    }
    for n in [2, 1] {
        if !sure_digits_in(s, q, n)? {
            continue;
        }
        let e = q + n;
        let suffix = b.get(e..e + 2).is_some_and(|x| matches!(x, b"st" | b"nd" | b"rd" | b"th"));
        for end in [suffix.then_some(e + 2), Some(e)].into_iter().flatten() {
            let month = space_end(s, end);
            if month == end {
                continue;
            }
            let of = (b[month..].starts_with(b"of") && space_end(s, month + 2) > month + 2).then(|| space_end(s, month + 2));
            if let Some((m, k)) = [of, Some(month)].into_iter().flatten().find_map(|m| Some((m, month_ends(&MONTH_NAMES[1], b, m).next()?)))
            {
                return day_and_month(s, q, (q, e), (m, k), k, true);
            }
        }
    }
    Ok(None)
}

/// The end of the anchored month-year pattern's match in `s[q..]`, read by hand: a month
/// name ([`MONTH_NAMES`]), white space, four digits, the end of a word. `Err` as
/// [`month_day_end`].
fn month_year_end(s: &str, q: usize) -> Result<Option<usize>, ()> {
    let b = s.as_bytes();
    if !b.get(q).is_some_and(|c| is_ascii_word_byte(*c)) {
        return Ok(None);
    }
    for k in month_ends(&MONTH_NAMES[2], b, q) {
        let year = space_end(s, k);
        if year > k && sure_digits_in(s, year, 4)? && word_ends(b, year + 4) {
            return Ok(Some(year + 4));
        }
    }
    Ok(None)
}

/// The end of the anchored weekday pattern's match in `s[q..]` and its groups, read by hand:
/// perhaps a modifier ([`WEEKDAY_MODIFIERS`], as written or capitalised) and white space, a
/// weekday name, perhaps "'s" or "’s", the end of a word.
fn weekday_end(s: &str, q: usize) -> HandRead {
    let b = s.as_bytes();
    if !b.get(q).is_some_and(|c| is_ascii_word_byte(*c)) {
        return None;
    }
    let modifier = WEEKDAY_MODIFIERS.iter().find(|m| {
        let m = m.as_bytes();
        (b[q] == m[0] || b[q] == m[0].to_ascii_uppercase()) && b[q + 1..].starts_with(&m[1..])
    });
    let after_modifier = modifier.map(|m| (q + m.len(), space_end(s, q + m.len()))).filter(|&(end, day)| day > end);
    for (modifier, day) in [after_modifier.map(|(end, day)| (Some((0, end - q)), day)), Some((None, q))].into_iter().flatten() {
        let Some(name) = NAME_CUES[FIRST_WEEKDAY..FIRST_RUSSIAN].iter().find(|w| b[day..].starts_with(w.as_bytes())) else { continue };
        let name_end = day + name.len();
        let possessive = ["'s", "’s"].iter().find(|p| s[name_end..].starts_with(*p)).map(|p| name_end + p.len());
        if let Some(end) = [possessive, Some(name_end)].into_iter().flatten().find(|&end| word_ends(b, end)) {
            return Some((end, Some(narrow([modifier, Some((day - q, name_end - q)), None, None]))));
        }
    }
    None
}

/// The end of the anchored pattern `i`'s match in `s[q..]` (month-day, day-month, weekday,
/// years, month-year) and perhaps its groups: read by hand, else (`Err`) by the pattern.
fn anchored_end(i: usize, s: &str, q: usize) -> HandRead {
    // (Each reader's answer given back in its own arm, the pattern's out of the way.)
    match i {
        0 => month_day_end(s, q).unwrap_or_else(|()| anchored_by_pattern(i, s, q)),
        1 => day_month_end(s, q).unwrap_or_else(|()| anchored_by_pattern(i, s, q)),
        4 => weekday_end(s, q),
        6 => years_end(s, q).unwrap_or_else(|()| anchored_by_pattern(i, s, q)),
        _ => month_year_end(s, q).map_or_else(|()| anchored_by_pattern(i, s, q), |e| e.map(|e| (e, None))),
    }
}

/// The end of the anchored pattern `i`'s match in `s[q..]`, by the pattern.
#[cold]
#[inline(never)]
fn anchored_by_pattern(i: usize, s: &str, q: usize) -> HandRead {
    anchored(i).find(&s[q..]).map(|m| (q + m.end(), None))
}

/// The matches of anchored pattern `i` at `starts` (as the tests' `anchored_at` finds them),
/// read by hand ([`anchored_end`]), the groups as the reader gives them or read from the match
/// ([`Groups::of`]). (Read as the matches are taken, no vector collected.)
fn read_anchored_at(i: usize, s: &str, starts: impl IntoIterator<Item = usize>) -> impl Iterator<Item = Groups<'_>> {
    let mut end = 0;
    starts.into_iter().filter_map(move |q| {
        if q < end {
            return None;
        }
        let (e, spans) = anchored_end(i, s, q)?;
        end = e;
        let text = &s[q..e];
        Some(spans.map_or_else(|| Groups::of(i, text, q), |spans| Groups { text, offset: q, spans }))
    })
}

/// Find all date expressions in `s` (a sentence whose first byte is at `base` in the article).
pub fn find_dates(s: &str, base: usize, published: Option<NaiveDate>, year_hint: Option<i32>) -> Vec<DateExpr> {
    with_buffers(|b| b.dates(s, base, published, year_hint, |lists| Hits::of(s, lists)))
}

/// `read` with this thread's [`Buffers`] (a sentence's dates found by [`Buffers::dates`]).
fn with_buffers<R>(read: impl FnOnce(&mut Buffers) -> R) -> R {
    BUFFERS.with_borrow_mut(read)
}

impl Buffers {
    /// [`find_dates_with`] the hits `hits` lists in these buffers.
    #[inline]
    fn dates(
        &mut self,
        s: &str,
        base: usize,
        published: Option<NaiveDate>,
        year_hint: Option<i32>,
        hits: impl for<'b> FnOnce(&'b mut HitLists) -> Hits<'b>,
    ) -> Vec<DateExpr> {
        let Buffers { lists, spare } = self;
        let hits = hits(lists);
        // (Most sentences with cues hold no date: left before the readers are set up.)
        if hits.none() { Vec::new() } else { find_dates_with(s, base, published, year_hint, &hits, spare) }
    }
}

/// [`find_dates`] for a sentence of a text whose [`Cues`] were already found.
pub fn find_dates_in(s: &str, base: usize, published: Option<NaiveDate>, year_hint: Option<i32>, cues: &Cues) -> Vec<DateExpr> {
    let found = cues.within(base, base + s.len());
    with_buffers(|b| b.dates(s, base, published, year_hint, |lists| Hits::from_cues(s, base, found, own_digit_runs(s), lists)))
}

/// The first full date (`Day` or `Since`: a day with its year) of `head`, the opening of a
/// text (its first byte the text's first) whose [`Cues`] are `cues`: the first such date
/// [`find_dates_in`] finds in `head` without a publication date or year hint. The runs of
/// ASCII digits are the text's `runs` (as [`crate::text::digit_runs`] finds them, cut at the
/// head's end) when given, else read from the head. The years' and month-years' readers are
/// not asked: their dates are years alone, and they read after every reader of a full date
/// (the one after them, since a month, finds no date without a year to give it); nor are the
/// readers that need a publication date (relative dates, weekdays, a day written alone).
pub(crate) fn first_full_date(head: &str, cues: &Cues, runs: Option<&[(usize, usize)]>) -> Option<NaiveDate> {
    let end = head.len();
    let found = cues.within(0, end);
    let own;
    let runs = match runs {
        Some(runs) => &runs[..runs.partition_point(|r| r.0 < end)],
        None => {
            own = own_digit_runs(head);
            &own[..]
        }
    };
    let runs = runs.iter().map(|r| (r.0, r.1.min(end)));
    let dates = with_buffers(|b| {
        b.dates(head, 0, None, None, |lists| {
            let mut hits = Hits::reading::<false>(head, 0, found, runs, lists);
            hits.patterns[7] = false;
            hits
        })
    });
    dates.into_iter().find_map(|d| match d.kind {
        DateKind::Day(x, _) | DateKind::Since(x) => Some(x),
        DateKind::Year(_) => None,
    })
}

/// A text's [`Cues`] and runs of ASCII digits (`start..end` in the text, in order, as
/// [`crate::text::digit_runs`] finds them from the text's masks) read sentence by sentence
/// ([`SentenceDates::dates`]: [`find_dates_in`] without reading the sentence's bytes again
/// for its digits). The sentences of a text come in order, so each sentence's cues and runs
/// are looked for from where the sentence before found its own (from the first again when a
/// sentence starts before the one before). It holds the thread's [`Buffers`] while it lives
/// (one access to [`BUFFERS`] per text, not per sentence), and gives them back when dropped.
pub(crate) struct SentenceDates<'t> {
    cues: &'t [(usize, usize, usize)],
    runs: &'t [(usize, usize)],
    /// Where the sentence before started in the text, and where its runs and cues begin.
    base: usize,
    run: usize,
    cue: usize,
    buffers: Buffers,
}

impl Drop for SentenceDates<'_> {
    fn drop(&mut self) {
        let buffers = std::mem::take(&mut self.buffers);
        // (Were the thread's buffers in use or gone, these are dropped instead.)
        let _ = BUFFERS.try_with(|b| b.try_borrow_mut().map(|mut b| *b = buffers));
    }
}

impl<'t> SentenceDates<'t> {
    /// The reader of a text's `cues` and digit runs `runs`.
    pub(crate) fn new(cues: &'t Cues, runs: &'t [(usize, usize)]) -> SentenceDates<'t> {
        let buffers = BUFFERS.try_with(|b| b.try_borrow_mut().map(|mut b| std::mem::take(&mut *b))).ok().and_then(Result::ok);
        SentenceDates { cues: &cues.found, runs, base: 0, run: 0, cue: 0, buffers: buffers.unwrap_or_default() }
    }

    /// [`find_dates_in`] for the sentence `s` starting at byte `base` of the text.
    #[inline]
    pub(crate) fn dates(&mut self, s: &str, base: usize, published: Option<NaiveDate>, year_hint: Option<i32>) -> Vec<DateExpr> {
        if base < self.base {
            (self.run, self.cue) = (0, 0);
        }
        self.base = base;
        let end = base + s.len();
        let (text_runs, cues) = (self.runs, self.cues);
        while text_runs.get(self.run).is_some_and(|r| r.1 <= base) {
            self.run += 1;
        }
        while cues.get(self.cue).is_some_and(|c| c.0 < base) {
            self.cue += 1;
        }
        let first = self.run;
        // (A sentence holds few runs and cues: counted, not searched.)
        let last = first + text_runs[first..].iter().take_while(|r| r.0 < end).count();
        let lo = self.cue;
        let found = &cues[lo..lo + cues[lo..].iter().take_while(|c| c.1 <= end).count()];
        // The runs inside the sentence, cut at its edges, in sentence offsets.
        let runs = text_runs[first..last].iter().map(|r| (r.0.max(base) - base, r.1.min(end) - base));
        // (No cue, and no run of digits that a date can hold without one, four digits or more or
        // a day before an ordinal's letter ("on the 12th"): no date, as [`Hits`] would find.)
        let b = s.as_bytes();
        let without_cue = |(a, e): (usize, usize)| e - a < 4 && (e - a > 2 || !matches!(b.get(e), Some(b's' | b'n' | b'r' | b't')));
        if found.is_empty() && runs.clone().all(without_cue) {
            return Vec::new();
        }
        self.buffers.dates(s, base, published, year_hint, |lists| Hits::from_cues(s, base, found, runs, lists))
    }
}

/// The runs of ASCII digits of `s` on its own (read from its masks, as for a whole article).
fn own_digit_runs(s: &str) -> Vec<(usize, usize)> {
    crate::text::digit_runs(&crate::text::text_masks(s))
}

/// The dates of sentence `s` where `hits` says they may stand (`spare`: lists emptied
/// first).
fn find_dates_with(
    s: &str,
    base: usize,
    published: Option<NaiveDate>,
    year_hint: Option<i32>,
    hits: &Hits,
    spare: &mut Spare,
) -> Vec<DateExpr> {
    let Spare { taken: spare_taken, starts: relative_starts, relative: relative_found, lower } = spare;
    let mut taken = std::mem::take(spare_taken);
    taken.clear();
    let mut out: Vec<DateExpr> = Vec::new();
    let free = |taken: &Vec<(usize, usize)>, a: usize, b: usize| taken.iter().all(|&(x, y)| b <= x || a >= y);
    let push = |out: &mut Vec<DateExpr>, taken: &mut Vec<(usize, usize)>, a: usize, b: usize, kind: DateKind| {
        if out.capacity() == 0 {
            // (Room for the dates of most sentences at once.)
            *out = Vec::with_capacity(4);
        }
        taken.push((a, b));
        out.push(DateExpr { start: base + a, end: base + b, kind });
    };
    let day_or_since = |s: &str, a: usize, d: NaiveDate| {
        if is_since(s, a) { DateKind::Since(d) } else { DateKind::Day(d, DateBasis::Explicit) }
    };
    let num = |c: &Groups, k: usize| c.get(k).and_then(parsed::<u32>);
    // (Each kind of date read only where the hits say it can stand: most sentences that reach
    // here hold one kind or two.)
    for c in if hits.matched(2) { digit_dates(2, s, hits) } else { Vec::new() } {
        let m = c.span(0).unwrap_or_default();
        let d = (|| NaiveDate::from_ymd_opt(c.get(1)?.parse().ok()?, num(&c, 2)?, num(&c, 3)?))();
        if let Some(d) = d {
            push(&mut out, &mut taken, m.0, m.1, day_or_since(s, m.0, d));
        }
    }
    for c in if hits.matched(3) { digit_dates(3, s, hits) } else { Vec::new() } {
        let m = c.span(0).unwrap_or_default();
        if !free(&taken, m.0, m.1) {
            continue;
        }
        let (Some(a), Some(b), Some(Ok(y))) = (num(&c, 1), num(&c, 3), c.get(4).map(str::parse::<i32>)) else { continue };
        // Dots are day.month.year; slashes month/day/year (American) unless that is
        // impossible, or the day/month reading (European: "04/10/2020") lies nearer the
        // article's publication, a date after it counting as farther than any before it.
        let d = if c.get(2) == Some(".") || a > 12 {
            NaiveDate::from_ymd_opt(y, b, a)
        } else {
            let us = NaiveDate::from_ymd_opt(y, a, b);
            match (us, NaiveDate::from_ymd_opt(y, b, a), published) {
                (Some(us), Some(eu), Some(p)) => {
                    let far = |d: NaiveDate| (d > p + chrono::Days::new(1), (d - p).num_days().abs());
                    Some(if far(eu) < far(us) { eu } else { us })
                }
                (us, _, _) => us,
            }
        };
        if let Some(d) = d {
            push(&mut out, &mut taken, m.0, m.1, day_or_since(s, m.0, d));
        }
    }
    // (No month named: neither pattern can match.)
    // (Month-day is pattern 0, day-month 1; counted in a range, not taken from an array.)
    for i in if hits.months.is_empty() { 0..0 } else { 0..2 } {
        if !hits.matched(i) {
            continue;
        }
        let month_first = i == 0;
        // Month-day starts at the month name, day-month at the day before it.
        let starts = hits.months.iter().filter_map(|&p| if month_first { Some(p) } else { day_before(s, p) });
        let found = read_anchored_at(i, s, starts);
        for c in found {
            let m = c.span(0).unwrap_or_default();
            if !free(&taken, m.0, m.1) {
                continue;
            }
            // "12 Martuni": the month must end its word (the pattern cannot say so after "Oct.").
            let (month_group, day_group) = if month_first { (1, 2) } else { (2, 1) };
            let month_end = c.span(month_group).map_or(0, |g| g.1);
            if s.as_bytes().get(month_end).is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            let (Some(mon), Some(day)) = (c.get(month_group), c.get(day_group)) else { continue };
            let Some(month) = month_number(mon) else { continue };
            let Some(day) = parsed::<u32>(day) else { continue };
            // "on 7 October last year": the year before publication's.
            let last_year = || {
                let rest = s.as_bytes().get(m.1..m.1 + 10)?;
                rest.eq_ignore_ascii_case(b" last year").then(|| published.map(|p| p.year()).or(year_hint).map(|y| y - 1))?
            };
            let year = c.get(3).and_then(parsed::<i32>).or_else(last_year);
            // "May 5" is a date, "may 5" is not: English month names need their capital
            // (Russian ones are written in lower case).
            if mon.is_ascii() && !mon.starts_with(char::is_uppercase) {
                continue;
            }
            // "the night of 11-12 October": the range's first day, as "October 11-12" reads.
            // (Read before a day-month date only: a month-day date's range is its own.)
            let (start, day) = match if month_first { None } else { range_first_day(s, m.0) } {
                Some((a, first)) if first < day && free(&taken, a, m.1) => (a, first),
                _ => (m.0, day),
            };
            match with_year(month, day, year, published, year_hint) {
                Some(d) => push(&mut out, &mut taken, start, m.1, day_or_since(s, start, d)),
                None => taken.push((m.0, m.1)), // impossible date such as February 30: ignored
            }
        }
    }
    // "in early October", "late September", "at the end of October 2020": a day of the month
    // ([`MonthPart`]), a guess (no day is written), so relative rather than explicit.
    // (Such a date and a range from a month hold the month's name: a name a date already
    // took is not read again.)
    for &p in hits.months {
        if !free(&taken, p, p + 1) {
            continue;
        }
        let Some((start, part)) = month_part_before(s, p) else { continue };
        let before = last_word(text::trim_end(&s[..start])).1;
        if NOT_THE_DAY.iter().any(|w| w.eq_ignore_ascii_case(before)) {
            continue;
        }
        let name_end = p + s[p..].find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(s.len() - p);
        let Some(month) = month_number(&s[p..name_end]).filter(|_| name_end - p >= 3) else { continue };
        // A year after the month ("early October 2020").
        let digits = s[name_end..].strip_prefix(' ').map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
        let (end, year) = match digits {
            4 => (name_end + 5, s[name_end + 1..name_end + 5].parse().ok()),
            _ => (name_end, None),
        };
        if !free(&taken, start, end) {
            continue;
        }
        if let Some(first) = with_year(month, 1, year, published, year_hint)
            && let Some(d) = part.day_in(first)
        {
            push(&mut out, &mut taken, start, end, DateKind::Day(d, DateBasis::Relative));
        }
    }
    let month_years = if hits.matched(7) { hits.months } else { &[] };
    for c in read_anchored_at(7, s, month_years.iter().copied()) {
        let m = c.span(0).unwrap_or_default();
        if free(&taken, m.0, m.1)
            && let Some(Ok(y)) = c.get(2).map(str::parse::<i32>)
        {
            push(&mut out, &mut taken, m.0, m.1, DateKind::Year(y));
        }
    }
    for &p in hits.months {
        if free(&taken, p, p + 1)
            && let Some((start, end, month, part)) = since_month(s, p)
            && free(&taken, start, end)
            && let Some(first) = with_year(month, 1, None, published, year_hint)
            && let Some(d) = part.map_or(Some(first), |x| x.day_in(first))
        {
            push(&mut out, &mut taken, start, end, DateKind::Since(d));
        }
    }
    // (Read at their starts, else by the pattern through the sentence: the rare case collected.)
    if hits.matched(6) {
        let years_at = hits.years_at.unwrap_or_default();
        let searched: Vec<Groups> = if hits.years_at.is_none() { matches_of(6, s).collect() } else { Vec::new() };
        let years = read_anchored_at(6, s, years_at.iter().copied()).chain(searched);
        for c in years {
            let m = c.span(0).unwrap_or_default();
            if !free(&taken, m.0, m.1) {
                continue;
            }
            let y = c.get(1).or(c.get(3)).or(c.get(4)).and_then(parsed::<i32>);
            if let Some(y) = y {
                push(&mut out, &mut taken, m.0, m.1, DateKind::Year(y));
            }
        }
    }
    if let Some(p) = published {
        let starts = hits.weekdays.iter().map(|&p| modifier_before(s, p));
        // (No weekday named, no weekday pattern: `weekdays` is empty.)
        for c in read_anchored_at(4, s, starts) {
            let m = c.span(0).unwrap_or_default();
            if !free(&taken, m.0, m.1) {
                continue;
            }
            let Some(wd) = c.get(2).and_then(weekday) else { continue };
            // ("Last Tuesday" opening a sentence is "last Tuesday".)
            let modifier = |w: &str| c.get(1).is_some_and(|m| m.eq_ignore_ascii_case(w));
            let d = if modifier("next") {
                shift(p, (7 + wd.num_days_from_monday() as i64 - p.weekday().num_days_from_monday() as i64 - 1) % 7 + 1)
            } else {
                last_weekday(p, wd, modifier("last"))
            };
            let Some(d) = d else { continue };
            // "Monday (Oct. 12)", "Saturday, 10 October": the weekday goes with the explicit
            // date right after it, which says the day (and the basis) on its own.
            let gap = s.as_bytes()[m.1..].iter().take_while(|b| matches!(b, b' ' | b',' | b'(')).count();
            if let Some(e) = out.iter_mut().find(|e| {
                gap > 0 && e.start == base + m.1 + gap && matches!(e.kind, DateKind::Day(_, DateBasis::Explicit) | DateKind::Since(_))
            }) {
                if let DateKind::Day(x, DateBasis::Explicit) = e.kind
                    && modifier("since")
                {
                    e.kind = DateKind::Since(x);
                }
                taken.push((m.0, m.1));
                continue;
            }
            let kind = if modifier("since") { DateKind::Since(d) } else { DateKind::Day(d, DateBasis::Relative) };
            push(&mut out, &mut taken, m.0, m.1, kind);
        }
        // "on the 12th": that day of the publication month, or of the month before when it
        // lies after publication.
        if let Some((a, b)) = hits.ordinal {
            let day = s[a..b].parse::<u32>().ok().filter(|_| free(&taken, a, b + 2)).unwrap_or(0);
            let d = if day == 0 {
                None
            } else if day <= p.day() {
                p.with_day(day)
            } else {
                p.with_day(1).and_then(|f| f.pred_opt()).and_then(|m| m.with_day(day))
            };
            if let Some(d) = d {
                push(&mut out, &mut taken, a, b + 2, DateKind::Day(d, DateBasis::Relative));
            }
        }
        // (Read by hand, else by the pattern: the rare case collected.)
        if hits.matched(5) {
            let by_hand = relative_matches(s, hits.relative, relative_starts, relative_found);
            let by_pattern: Vec<Groups> = if by_hand { Vec::new() } else { matches_of(5, s).collect() };
            let relative = relative_found.iter().map(|&(a, e)| relative_groups(&s[a..e], a)).chain(by_pattern);
            for c in relative {
                let m = c.span(0).unwrap_or_default();
                if !free(&taken, m.0, m.1) {
                    continue;
                }
                // (In lower case, in the thread's buffer: not allocated.)
                lower.clear();
                lower.push_str(c.get(1).unwrap_or_default());
                lower.make_ascii_lowercase();
                let w = lower.as_str();
                // "overnight Saturday", "tonight Monday": the weekday after the word says the day.
                let gap = s[m.1..].len() - text::trim_start(&s[m.1..]).len();
                if gap > 0 && out.iter().any(|e| e.start == base + m.1 + gap && matches!(e.kind, DateKind::Day(_, DateBasis::Relative))) {
                    taken.push((m.0, m.1));
                    continue;
                }
                // "the day before the ceasefire" is the day before something else.
                // "up from 710 a day earlier", "more than the day before": an earlier figure's day,
                // not the sentence's.
                let compares = || {
                    let t = text::trim_end(&s[..m.0]);
                    t.ends_with(|c: char| c.is_ascii_digit()) || ["than", "from"].iter().any(|w| strip_word_suffix(t, w).is_some())
                };
                if w.ends_with("before") && text::trim_start(&s[m.1..]).starts_with(char::is_alphanumeric) || previous_day(w) && compares()
                {
                    taken.push((m.0, m.1));
                    continue;
                }
                let d = match w {
                    "yesterday" | "last night" => shift(p, -1),
                    // The day before publication; the day before the sentence before's date when
                    // that has one ([`previous_day`]).
                    w if previous_day(w) => shift(p, -1),
                    "the day before yesterday" => shift(p, -2),
                    "today" | "tonight" | "this morning" | "this evening" | "this afternoon" | "overnight" | "this week" => Some(p),
                    "earlier this week" => shift(p, -2),
                    // Some day between the first of the month and publication: halfway.
                    "earlier this month" => p.with_day(p.day().div_ceil(2)),
                    "last week" | "a week ago" => shift(p, -7),
                    "last weekend" => last_weekday(p, Weekday::Sat, true),
                    // The weekend just past (or under way): its Saturday.
                    "over the weekend" | "at the weekend" | "this past weekend" => last_weekday(p, Weekday::Sat, false),
                    w if w.ends_with("last month") || w.ends_with("this month") => {
                        // The month before publication or publication's: a part of it
                        // ([`MonthPart`]), the middle when none is named; "this month" no later
                        // than publication.
                        let part = month_part_before(w, w.len() - "last month".len()).map_or(MonthPart::Day(15), |x| x.1);
                        let this = p.with_day(1);
                        if w.ends_with("this month") {
                            this.and_then(|f| part.day_in(f)).map(|d| d.min(p))
                        } else {
                            this.and_then(|f| f.pred_opt()).and_then(|d| d.with_day(1)).and_then(|f| part.day_in(f))
                        }
                    }
                    _ => {
                        let n = c.get(2).or(c.get(3)).and_then(small_number);
                        let per = if w.ends_with("weeks ago") { 7 } else { 1 };
                        n.filter(|n| (0..=400).contains(n)).and_then(|n| shift(p, -n * per))
                    }
                };
                if let Some(d) = d {
                    push(&mut out, &mut taken, m.0, m.1, DateKind::Day(d, DateBasis::Relative));
                }
            }
        }
    }
    *spare_taken = taken;
    out.sort_by_key(|d| d.start);
    out
}

/// Whether a relative date's words ("a day earlier", "the previous day", "the previous night",
/// "the day before") say
/// the day before the one spoken of last: the article's extraction dates them a day before an
/// explicit date in the sentence before, and before publication otherwise. After a figure,
/// "than" or "from" ("up from 710 a day earlier") the words date that figure and are skipped.
pub fn previous_day(words: &str) -> bool {
    ["a day earlier", "a day before", "the day before", "the previous day", "the previous night"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(words))
}

/// The event day a sentence speaks of: its first day expression.
pub fn sentence_day(dates: &[DateExpr]) -> Option<(NaiveDate, DateBasis)> {
    dates.iter().find_map(|d| match d.kind {
        DateKind::Day(day, basis) => Some((day, basis)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of a generated text, each followed by its separator.
    fn interleaved(words: &[&str], seps: &[&str]) -> String {
        words.iter().zip(seps).flat_map(|(w, sep)| [*w, *sep]).collect()
    }

    /// The runs of ASCII digits of `b`, byte by byte: the reference for the runs read from masks.
    fn digit_runs(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut k = 0;
        std::iter::from_fn(move || {
            let start = k + b.get(k..)?.iter().position(u8::is_ascii_digit)?;
            let end = start + b[start..].iter().position(|c| !c.is_ascii_digit()).unwrap_or(b.len() - start);
            k = end;
            Some((start, end))
        })
    }

    /// Spans of pattern `i` where a search through the whole sentence finds them, and where
    /// the anchored runs at month and weekday names find them.
    type Spans = Vec<(usize, usize)>;

    fn both_ways(i: usize, s: &str) -> (Spans, Spans) {
        // Day-month with a month that runs on into a word ("12 Martuni", "12 Oct.October") is
        // dropped either way.
        let kept = |c: &regex::Captures, off: usize| {
            i != 1 || c.get(2).is_none_or(|g| !s.as_bytes().get(off + g.end()).is_some_and(u8::is_ascii_alphabetic))
        };
        let full = pattern(i).captures_iter(s).filter(|c| kept(c, 0)).filter_map(|c| c.get(0).map(|m| (m.start(), m.end()))).collect();
        let mut lists = HitLists::default();
        let hits = Hits::of(s, &mut lists);
        let starts: Vec<usize> = match i {
            0 | 7 => hits.months.to_vec(),
            1 => hits.months.iter().filter_map(|&p| day_before(s, p)).collect(),
            _ => hits.weekdays.iter().map(|&p| modifier_before(s, p)).collect(),
        };
        let anchored = anchored_at(i, s, starts)
            .iter()
            .filter(|c| i != 1 || c.span(2).is_none_or(|g| !s.as_bytes().get(g.1).is_some_and(u8::is_ascii_alphabetic)))
            .filter_map(|c| c.span(0))
            .collect();
        (full, anchored)
    }

    /// Every part of a few texts (cut at every pair of character boundaries, inside runs of
    /// digits too): dates found with the whole text's digit runs are the part's own.
    #[test]
    fn dates_of_every_part_from_the_texts_digit_runs() {
        let published = NaiveDate::from_ymd_opt(2020, 10, 15);
        for s in ["Shelling on 12 October 2020 killed 1,165.", "On 2020-10-12, Ganja; 12.10.2020 or 10/12/2020 ə٣ 1994"] {
            let runs = crate::text::digit_runs(&crate::text::text_masks(s));
            let cues = Cues::scan(s);
            let cuts: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            // (One reader for the parts in order of their starts, as a text's sentences come.)
            let mut reader = SentenceDates::new(&cues, &runs);
            for &lo in &cuts {
                for &hi in cuts.iter().filter(|&&hi| hi >= lo) {
                    let part = &s[lo..hi];
                    assert_eq!(reader.dates(part, lo, published, None), find_dates_in(part, lo, published, None, &cues), "{part:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// Whether `\d` reads only ASCII digits, read at the characters opening with a byte
        /// from 0xD9 on, is the answer of every character read, in any text (digits of other
        /// scripts, U+0640 to U+065F just below them, and ASCII mixed in).
        #[test]
        fn ascii_digits_only_is_every_character_read(text in "([\\u{600}-\\u{6ff}٠-٩०-९0-9a-z ]|\\PC){0,40}", at in 0usize..48) {
            let by_chars = !text.chars().any(|c| c >= '\u{660}' && c.is_numeric());
            proptest::prop_assert_eq!(ascii_digits_only(&text), by_chars);
            let b = text.as_bytes();
            let k = at.min(b.len());
            proptest::prop_assert_eq!(high_lead_from(b, k), b[k..].iter().position(|&c| c >= 0xD9).map_or(b.len(), |n| k + n));
        }
    }

    proptest::proptest! {
        /// Digit runs read from a text's masks are the runs a byte scan finds, and a sentence's
        /// dates found with the text's runs are the dates found from its own bytes.
        #[test]
        fn dates_from_the_texts_digit_runs_are_the_sentences_own(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "12", "5th", "2020", "1994", "2020-10-12", "12.10.2020", "10/12/2020", "October", "Oct.", "Monday", "yesterday",
                "since", "the", "Barda", "ə", "٣", "Ա", "1,165", "3.5", "0123456789012345678901234567890123456789012345678901234567890123",
            ]), 0..40),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", ", ", "\u{a0}", ". ", "-", "/", "\n\n"]), 40),
            cut in (proptest::prelude::any::<proptest::sample::Index>(), proptest::prelude::any::<proptest::sample::Index>()),
        ) {
            let s = interleaved(&words, &seps);
            let runs = crate::text::digit_runs(&crate::text::text_masks(&s));
            proptest::prop_assert_eq!(&runs, &digit_runs(s.as_bytes()).collect::<Vec<_>>(), "in {:?}", s);
            let cues = Cues::scan(&s);
            let published = NaiveDate::from_ymd_opt(2020, 10, 15);
            // Every sentence in order, and then a part of the text cut anywhere (even inside a
            // run of digits, and perhaps before the last sentence: read from the first again).
            let mut reader = SentenceDates::new(&cues, &runs);
            let floor = |mut i: usize| {
                i = i.min(s.len());
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let (a, b) = (cut.0.index(s.len() + 1), cut.1.index(s.len() + 1));
            let part = crate::text::Span { start: floor(a.min(b)), end: floor(a.max(b)) };
            for span in crate::text::sentences(&s).into_iter().chain([part]) {
                let sentence = &s[span.start..span.end];
                proptest::prop_assert_eq!(
                    reader.dates(sentence, span.start, published, None),
                    find_dates_in(sentence, span.start, published, None, &cues),
                    "in {:?}", sentence
                );
            }
        }

        /// The first full date of a text's opening, read with the text's digit runs or the
        /// opening's own and without the years' readers, is the first day or since-date that
        /// a search of the opening finds.
        #[test]
        fn first_full_dates_are_the_first_days_found(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "12", "5th", "2020", "1994", "1990s", "2020-10-12", "12.10.2020", "10/12/2020", "October", "Oct.", "May", "Monday",
                "since", "in", "early", "late", "the", "on", "of", "Barda", "ə", "٣", "٢٠٢٠", "Ա", "—", "1,165", "2019-21",
            ]), 0..40),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", ", ", "\u{a0}", ". ", "-", "/", "\n\n"]), 40),
            cut in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            let s = interleaved(&words, &seps);
            let runs = crate::text::digit_runs(&crate::text::text_masks(&s));
            let cues = Cues::scan(&s);
            let mut end = cut.index(s.len() + 1);
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            let head = &s[..end];
            let expected = find_dates_in(head, 0, None, None, &cues).into_iter().find_map(|d| match d.kind {
                DateKind::Day(x, _) | DateKind::Since(x) => Some(x),
                DateKind::Year(_) => None,
            });
            proptest::prop_assert_eq!(first_full_date(head, &cues, Some(&runs)), expected, "in {:?}", head);
            proptest::prop_assert_eq!(first_full_date(head, &Cues::scan(head), None), expected, "in {:?}", head);
        }

        #[test]
        fn anchored_runs_find_what_a_full_search_finds(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "12", "5th", "31st", "123", "2020", "1994", "October", "Oct.", "Oct", "Sept.", "Sep", "May", "may", "Mar", "Martuni",
                "of", "on", "last", "since", "early", "Xon", "Monday", "Monday's", "Friday’s", "Sunday", "_", "the", "in", "Barda",
                "October12", "Mondays", "2nd", "Sept.27", "ON", "Dec", "next", "Last", "Since", "On", "LAST", "OCTOBER", "MAY",
            ]), 0..12),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", ", ", "\u{a0}", "  ", ". ", "-"]), 12),
        ) {
            let s = interleaved(&words, &seps);
            for i in [0, 1, 4, 7] {
                let (full, anchored) = both_ways(i, &s);
                proptest::prop_assert_eq!(full, anchored, "pattern {} in {:?}", i, s);
            }
        }

        /// Groups read from a match's text are the groups the capture engine gives.
        #[test]
        fn groups_read_from_the_text_are_the_captures(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "12", "5th", "31st", "2nd", "2020", "1994", "1990", "1990s", "94", "١٢", "٢٠٢٠", "19٩٠", "20٢٠s", "October",
                "Oct.", "Sept", "Sept.", "May", "Mar", "Martuni", "of", "on", "last", "since", "early", "late", "mid-", "mid",
                "Monday", "Monday's", "Friday’s", "in", "from", "by", "a", "three", "days", "DAYS", "dayſ", "weeks",
                "wee\u{212A}s", "week", "ago", "AGO", "yesterday", "night", "month", "this", "the", "10", "11", "-", "–",
                "2020-10-12", "١٢-١٠-٢٠٢٠", "12.10.2020", "10/12/2020", "١٢.١٠.٢٠٢٠",
                // Whole phrases, so that the generated text often holds one.
                "3 dayſ ago", "two wee\u{212A}s ago", "a week ago", "5 DAYS AGO", "a weeks ago", "1991 – 94", "mid-1990s",
                "since\u{a0}2020", "12th of October, 2020", "last Monday's",
            ]), 0..12),
            seps in proptest::collection::vec(proptest::sample::select(vec![
                " ", "", ", ", ",", "\u{a0}", "\u{2009}", "\u{3000}", "  ", ". ", "-", " – ", "/", ".",
            ]), 12),
        ) {
            let s = interleaved(&words, &seps);
            for (i, re) in (0..8).map(|i| (i, pattern(i))) {
                for c in re.captures_iter(&s) {
                    let Some(m) = c.get(0) else { continue };
                    let g = Groups::of(i, m.as_str(), m.start());
                    for k in 0..=4 {
                        proptest::prop_assert_eq!(g.span(k), c.get(k).map(|x| (x.start(), x.end())), "pattern {} group {} in {:?}", i, k, s);
                    }
                }
            }
        }

        /// The relative dates read by hand at the relative cues are the pattern's matches,
        /// whenever the hand reader answers (in every sentence and in parts cut anywhere).
        #[test]
        fn windows_in_lower_case_are_their_bytes_in_lower_case(bytes in proptest::prelude::any::<[u8; 16]>()) {
            let lower = ascii_lower_window(u128::from_le_bytes(bytes));
            proptest::prop_assert_eq!(lower.to_le_bytes(), bytes.map(|c| c.to_ascii_lowercase()));
        }

        #[test]
        fn long_s_and_kelvin_found_as_characters(
            chars in proptest::collection::vec(proptest::sample::select(vec!['a', 'K', 'ſ', '\u{212A}', 'Ş', 'ő', '’', '—', '\u{2129}', '\u{212B}', 'ſ', 'Ÿ']), 0..8),
        ) {
            let s: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(has_long_s_or_kelvin(s.as_bytes()), s.contains('ſ') || s.contains('\u{212A}'), "in {:?}", s);
        }

        #[test]
        fn relative_dates_read_by_hand_are_the_patterns(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "a", "the", "this", "last", "past", "over", "at", "earlier", "early", "late", "mid", "mid-", "start", "of",
                "beginning", "middle", "end", "previous", "day", "days", "week", "weeks", "weekend", "month", "night", "ago",
                "yesterday", "today", "tonight", "morning", "evening", "afternoon", "overnight", "before", "three", "12", "_",
                "x", "ə", "aə", "٣", "dayſ", "wee\u{212A}s", "THE", "Day", "Sunday", "Mondays", "todays", "tonights",
                // Whole phrases, so that the generated text often holds one.
                "the day before yesterday", "a day earlier", "the previous night", "this past weekend", "over the weekend",
                "the beginning of last month", "the end of this month", "mid-last month", "early this month", "3 days ago",
                "two weeks ago", "a week ago", "LAST WEEKEND", "earlier this month", "ə3 days ago", "x_1 weeks ago",
            ]), 0..14),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", ", ", "\u{a0}", "  ", ".", "-", "\n"]), 14),
            cut in (proptest::prelude::any::<proptest::sample::Index>(), proptest::prelude::any::<proptest::sample::Index>()),
        ) {
            let s = interleaved(&words, &seps);
            let cues = Cues::scan(&s);
            let floor = |i: usize| crate::text::floor_boundary(&s, i.min(s.len()));
            let (a, b) = (floor(cut.0.index(s.len() + 1)), floor(cut.1.index(s.len() + 1)));
            for (lo, hi) in [(0, s.len()), (a.min(b), a.max(b))] {
                let part = &s[lo..hi];
                let mut lists = HitLists::default();
                let hits = Hits::from_cues(part, lo, cues.within(lo, hi), own_digit_runs(part), &mut lists);
                let full: Vec<(usize, usize)> = pattern(5).find_iter(part).map(|m| (m.start(), m.end())).collect();
                let (mut starts, mut read) = (Vec::new(), Vec::new());
                if relative_matches(part, hits.relative, &mut starts, &mut read) {
                    // (and their groups are the ones read from the match)
                    for &(a, e) in &read {
                        let (hand, of) = (relative_groups(&part[a..e], a), Groups::of(5, &part[a..e], a));
                        proptest::prop_assert_eq!(hand.spans, of.spans, "in {:?}", part);
                    }
                    proptest::prop_assert_eq!(read, full, "in {:?}", part);
                } else {
                    proptest::prop_assert!(!part.is_ascii(), "in {:?}", part);
                }
            }
        }

        /// The ISO and dotted dates read by hand at the runs of four digits are the patterns'
        /// matches when the text has no digit beyond ASCII.
        #[test]
        fn digit_dates_read_by_hand_are_the_patterns(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "2020", "12", "1", "10", "123", "20201", "-", "/", ".", ":", "T", "Z", "+", "–", " ", "x", "_", "ə", "٣", "08",
                "2020-10-12", "2020/10/12", "12.10.2020", "1/2/2020", "T08:15", "T08:15:00", ":00.5", ".1234", "+04:00",
                "-0400", "Z", "2020-10-12T08:15:00+04:00", "2020-10-12T08:15Z", "11.10.2020.2020", "1.2.3.2020",
            ]), 0..16),
        ) {
            let s: String = parts.concat();
            let mut lists = HitLists::default();
            let mut hits = Hits::of(&s, &mut lists);
            hits.patterns = [true; 8];
            for i in [2, 3] {
                let read: Vec<_> = digit_dates(i, &s, &hits).iter().filter_map(|g| g.span(0)).collect();
                let full: Vec<_> = pattern(i).find_iter(&s).map(|m| (m.start(), m.end())).collect();
                proptest::prop_assert_eq!(read, full, "pattern {} in {:?}", i, s);
            }
        }

        /// Years read by hand are what the anchored years pattern finds, at every start.
        #[test]
        fn years_read_by_hand_are_the_patterns(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "1994", "1990", "2020", "1800", "1700", "20201", "199", "94", "12", "s", "-", "–", " ", "  ", "\u{a0}",
                "\u{2009}", ",", "x", "_", "ə", "in", "In", "since", "of", "from", "until", "by", "By", "between", "early ",
                "late ", "mid-", "mid ", "Early ", "1991-94", "1992 – 1994", "1990s", "mid-1990s", "in 1994", "between\u{a0}2015",
                // Decimal digits beyond ASCII, which the pattern's `\d` reads.
                "٣", "١٩٩٤", "19٩٠s", "1991-٩٤", "in 19٩٤",
            ]), 0..12),
        ) {
            let s: String = parts.concat();
            for q in (0..=s.len()).filter(|&q| s.is_char_boundary(q)) {
                let c = anchored(6).captures(&s[q..]);
                let read = anchored_end(6, &s, q);
                proptest::prop_assert_eq!(read.map(|r| r.0), c.as_ref().and_then(|c| c.get(0)).map(|m| q + m.end()), "at {} in {:?}", q, s);
                // Groups given by the reader are the captures'.
                if let (Some((e, Some(spans))), Some(c)) = (read, c) {
                    let g = Groups { text: &s[q..e], offset: q, spans };
                    for k in 0..=4 {
                        proptest::prop_assert_eq!(g.span(k), c.get(k).map(|x| (q + x.start(), q + x.end())), "group {} at {} in {:?}", k, q, s);
                    }
                }
            }
        }

        /// Month-day, day-month, weekday and month-year dates read by hand are what the
        /// anchored patterns find, at every start.
        #[test]
        fn anchored_dates_read_by_hand_are_the_patterns(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "12", "5", "2020", "1994", "123", "st", "th", "nd", "rd", " ", "  ", "\u{a0}", ",", ", ", ".", "-", "x", "_",
                "of", "of ", "October", "OCTOBER", "Oct", "Oct.", "OCT.", "Sept", "Sept.", "Sep", "SEPT.", "May", "may", "March",
                "Mar", "Martuni", "June", "Jun", "октября", "мая", "ə", "٣", "١٢", "года", "October 12, 2020", "12 October 2020",
                "12th of October", "OCT.12", "Sept. 27", "12 октября 2020", "May 2020", "October 1٢", "12 Oct. 2٠20",
                "Monday", "Monday's", "Friday’s", "Sunday", "Mondays", "last", "Last", "LAST", "on", "On", "since", "Since",
                "early", "next", "last Monday", "Since\u{a0}Sunday", "onFriday", "'s", "’s",
            ]), 0..10),
        ) {
            let s: String = parts.concat();
            for q in (0..=s.len()).filter(|&q| s.is_char_boundary(q)) {
                for i in [0, 1, 4, 7] {
                    let c = anchored(i).captures(&s[q..]);
                    let read = anchored_end(i, &s, q);
                    proptest::prop_assert_eq!(read.map(|r| r.0), c.as_ref().and_then(|c| c.get(0)).map(|m| q + m.end()), "pattern {} at {} in {:?}", i, q, s);
                    // Groups given by the reader are the captures'.
                    if let (Some((e, Some(spans))), Some(c)) = (read, c) {
                        let g = Groups { text: &s[q..e], offset: q, spans };
                        for k in 0..=4 {
                            proptest::prop_assert_eq!(g.span(k), c.get(k).map(|x| (q + x.start(), q + x.end())), "pattern {} group {} at {} in {:?}", i, k, q, s);
                        }
                    }
                }
            }
        }

        /// The cues only skip patterns that could not have matched: with every pattern run,
        /// the dates found are the same.
        #[test]
        fn cues_skip_only_patterns_that_cannot_match(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "in", "since", "by", "In", "of", "xin", "1994", "1990", "2020", "20201", "199", "94", "10", "12", "s", "-", "–",
                "last", "Last", "this", "THIS", "a", "week", "weeks", "weekend", "month", "night", "tonight", "ago", "days",
                "three", "morning", "evening", "yesterday", "today", "overnight", "earlier", "October", "Monday", "mid-",
                // Whole dates, so that the generated text often holds one.
                "last night", "LAST NIGHT", "this morning", "this week", "a week ago", "3 weeks ago", "two days ago",
                "last weekend", "late last month", "in 1994", "1990s", "1991-94", "1992 – 1994", "since 2020", "2020-10-12",
                "12.10.2020", "10/12/2020", "from\u{a0}1988",
                // Words that may start a years match before the year, and characters beyond
                // ASCII just before one.
                "early", "late", "mid", "until", "from", "ə", "اب", "Early", "_", "early 1990s", "late 1980s", "mid-2000s",
                "mid 1990s", "xearly 1990s", "until 2020",
                // Weekends, nights and parts of months.
                "weekend", "the", "past", "previous", "over the weekend", "at the weekend", "this past weekend",
                "the previous night", "early this month", "the end of last month", "the start of this month", "end", "of",
            ]), 0..12),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", ", ", "\u{a0}", "  ", ".", "/", "-"]), 12),
        ) {
            let s = interleaved(&words, &seps);
            let published = NaiveDate::from_ymd_opt(2020, 10, 15);
            let mut lists = HitLists::default();
            let mut all = Hits::of(&s, &mut lists);
            all.patterns = [true; 8];
            // (and the years pattern searched through the whole sentence)
            all.years_at = None;
            let gated = find_dates(&s, 0, published, None);
            let full = find_dates_with(&s, 0, published, None, &all, &mut Spare::default());
            proptest::prop_assert_eq!(gated, full, "in {:?}", s);
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn days(s: &str, published: &str) -> Vec<(String, String)> {
        find_dates(s, 0, Some(d(published)), None)
            .into_iter()
            .map(|e| {
                let k = match e.kind {
                    DateKind::Day(x, b) => format!("{x} {b:?}"),
                    DateKind::Since(x) => format!("since {x}"),
                    DateKind::Year(y) => format!("year {y}"),
                };
                (s[e.start..e.end].to_string(), k)
            })
            .collect()
    }

    proptest::proptest! {
        /// Whether a date starts a range is whether the words before it end in one of the
        /// range words, compared one by one.
        #[test]
        fn is_since_compares_the_range_words(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "since", "Since", "SINCE", "the", "on", "On", "erupted", "started", "began", "broke", "out", "xbegan", "fighting",
                "one", "n", "d", "e", "ə",
            ]), 0..6),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", "  ", "\u{a0}", ", "]), 6),
        ) {
            let before = interleaved(&words, &seps);
            let s = format!("{before}October 12");
            let t = before.trim_end().as_bytes();
            let reference = ["since", "since the", "since on", "erupted on", "began on", "started on", "broke out on", "began", "erupted", "started"]
                .iter()
                .any(|w| t.len() >= w.len() && t[t.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes()));
            proptest::prop_assert_eq!(is_since(&s, before.len()), reference, "in {:?}", s);
        }
    }

    #[test]
    fn month_names_fit_their_window() {
        for (name, _) in month_names(true, true) {
            assert!(name.len() <= 16, "{name}");
        }
    }

    #[test]
    fn weekday_names_read_as_parsed() {
        // The names found without parsing give what parsing gives.
        for name in &NAME_CUES[FIRST_WEEKDAY..FIRST_RUSSIAN] {
            assert_eq!(weekday(name), name.parse::<Weekday>().ok(), "{name}");
        }
        assert_eq!(weekday("monday"), Some(Weekday::Mon));
        assert_eq!(weekday("Sat"), Some(Weekday::Sat));
        assert_eq!(weekday("Mond"), None);
    }

    #[test]
    fn table_of_dates() {
        let p = "2020-10-11"; // a Sunday
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("on October 10 at noon", &[("October 10", "2020-10-10 Explicit")]),
            ("talks on Oct. 12 in Moscow", &[("Oct. 12", "2020-10-12 Explicit")]),
            ("on 12 October 2020", &[("12 October 2020", "2020-10-12 Explicit")]),
            ("the Sept. 27 offensive", &[("Sept. 27", "2020-09-27 Explicit")]),
            ("dated 2020-10-11", &[("2020-10-11", "2020-10-11 Explicit")]),
            ("on 11.10.2020 shelling", &[("11.10.2020", "2020-10-11 Explicit")]),
            ("explosions on Saturday", &[("on Saturday", "2020-10-10 Relative")]),
            ("reports earlier Sunday", &[("Sunday", "2020-10-11 Relative")]),
            ("shelling yesterday", &[("yesterday", "2020-10-10 Relative")]),
            ("talks last week", &[("last week", "2020-10-04 Relative")]),
            ("three days ago", &[("three days ago", "2020-10-08 Relative")]),
            ("erupted late last month", &[("late last month", "2020-09-25 Relative")]),
            ("fighting since September 27", &[("September 27", "since 2020-09-27")]),
            ("a 1991-94 war", &[("1991-94", "year 1991")]),
            ("in the early 1990s", &[("early 1990s", "year 1990")]),
            ("on February 30 nothing", &[]),
            ("in April 2016 and", &[("April 2016", "year 2016")]),
        ];
        for (s, want) in cases {
            let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(days(s, p), want, "in {s:?}");
        }
    }

    #[test]
    fn month_numbers_from_any_three_bytes() {
        let printable = 0x20..0x7F;
        for a in printable.clone() {
            for b in printable.clone() {
                for c in printable.clone() {
                    let w = [a, b, c];
                    let reference = NAME_CUES[..12].iter().position(|n| n.as_bytes()[..3].eq_ignore_ascii_case(&w)).map(|i| i as u32 + 1);
                    assert_eq!(month_number(std::str::from_utf8(&w).unwrap_or_default()), reference, "{w:?}");
                }
            }
        }
    }

    #[test]
    fn numbers_parsed_as_str_parse() {
        for t in ["", "0", "7", "07", "31", "2020", "0000", "9999", "12345", "+5", "-5", "1a", " 1", "٣", "4294967295", "4294967296"] {
            assert_eq!(parsed::<u32>(t), t.parse::<u32>().ok(), "{t:?}");
            assert_eq!(parsed::<i32>(t), t.parse::<i32>().ok(), "{t:?}");
        }
    }

    #[test]
    fn ends_trimmed_as_trim_end() {
        for t in ["", " ", "a ", "a\u{a0}", "a \u{a0} \t", "ab\u{b}", "ə ", "x\u{2003}\n", "\u{85}", "a\u{c}", " \u{1680}a "] {
            assert_eq!(text::trim_end(t), t.trim_end(), "{t:?}");
            assert_eq!(text::trim_start(t), t.trim_start(), "{t:?}");
        }
    }

    #[test]
    fn russian_month_names() {
        assert_eq!(&NAME_CUES[FIRST_RUSSIAN..], RUSSIAN_MONTHS);
        let p = "2020-10-13";
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Обстрел 12 октября 2020 года", &[("12 октября 2020", "2020-10-12 Explicit")]),
            ("после 27 сентября", &[("27 сентября", "2020-09-27 Explicit")]),
            ("в октябре", &[]),
        ];
        for (s, want) in cases {
            let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(days(s, p), want, "in {s:?}");
        }
    }

    #[test]
    fn december_in_january_article_is_last_year() {
        let got = find_dates("on December 30", 0, Some(d("2021-01-05")), None);
        assert_eq!(got[0].kind, DateKind::Day(d("2020-12-30"), DateBasis::Explicit));
    }
}
