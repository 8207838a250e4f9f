//! Casualty claims: a figure (digits or words) with a casualty word nearby (`killed`,
//! `dead`, `lives`, `wounded`, `injured`), its hedge (`at least`, `more than`, `about`,
//! `up to`), the victims' category, the scope (incident, toll, historical), the place named
//! in the sentence and the claimant. Killed and wounded figures joined by "and" are one claim.
//!
//! Figures are counted once and read for what they are: a headline's figure that the text
//! under it restates is merged into the restatement (`merge_headlines`); an increment
//! ("another 12", "a further 30", "43 more names on the list of the dead") is the incident
//! count of the new deaths, never a toll; an earlier or revised total ("had reported 729",
//! "up from 710", "revising the figure to 3,773") and a growing count ("the number of dead
//! has risen to 91") are tolls; vague figures carry their hedge ("a dozen" about 12,
//! "dozens" at least 24); "casualties" alone (the dead and the wounded together) is no claim.

use chrono::Datelike;

use super::attribution::{self, Memory};
use super::dates::DateKind;
use super::numbers::{Number, Vague, numbers_into};
use super::{DocCtx, Sentence, interned_again};
use crate::gazetteer::NameMatch;
use crate::model::{Category, Claim, Hedge, Id, Problem, Scope};
use crate::text::{Span, Token, trim_end};

/// Figures above this are not believable casualty counts and are reported as problems.
pub const MAX_FIGURE: u64 = 10_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Killed,
    Wounded,
}

/// Words and what each means, written once: the list `$list` (for a table of first letters
/// and lengths, [`letters_and_lengths`]) and the `match` of `$read` are both made from it.
macro_rules! word_meanings {
    ($list:ident, $read:ident -> $meaning:ty { $($($word:literal)|+ => $value:expr),* $(,)? }) => {
        /// The words of the `match` of the function beside this list.
        const $list: &[&str] = &[$($($word),+),*];

        // (Out of line: its callers ask it only of the few words that pass their tables.)
        #[inline(never)]
        fn $read(w: &str) -> Option<$meaning> {
            match w {
                $($($word)|+ => Some($value),)*
                _ => None,
            }
        }
    };
}

word_meanings! {
    CASUALTY_WORDS, casualty_match -> Kind {
        "killed" | "dead" | "died" | "deaths" | "lives" | "fatalities" | "slain" | "perished" | "kills" | "killing" | "dying"
        | "martyred" | "martyrs" => Kind::Killed,
        "wounded" | "injured" | "hurt" | "injuries" | "wounding" | "injuring" => Kind::Wounded,
    }
}

/// For each first byte, a bit per length (below 16) of the words of `list` that start with
/// it, as written (the words of a `match` are matched in their case): a word that a table of
/// its list does not pass is none of the list's words ([`may_match`]).
const fn bytes_and_lengths(list: &[&str]) -> [u16; 256] {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < list.len() {
        let w = list[i].as_bytes();
        assert!(!w.is_empty() && w.len() < 16);
        t[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    t
}

/// Whether a word's first byte and length (in a table of [`bytes_and_lengths`]) are those
/// of a word of the list: one read of the table.
fn may_match(table: &[u16; 256], w: &str) -> bool {
    let b = w.as_bytes();
    b.first().is_some_and(|&c| b.len() < 16 && table[usize::from(c)] >> b.len() & 1 != 0)
}

/// [`CASUALTY_WORDS`] by first byte and length.
const CASUALTY_FIRSTS: [u16; 256] = bytes_and_lengths(CASUALTY_WORDS);

/// What a lower-case casualty word says. Most words are none, told by their first byte and
/// length ([`may_match`]) before the `match`, whose jump table by length the processor
/// mostly mispredicts. (Inlined: most words are passed over without a call.)
#[inline(always)]
fn casualty_word(w: &str) -> Option<Kind> {
    if !may_match(&CASUALTY_FIRSTS, w) {
        return None;
    }
    casualty_match(w)
}

/// Victims named in the singular: after "a"/"an" each is one victim ("a civilian was
/// killed"), and each says what kind of victim it is.
const SINGLE_VICTIMS: &[(&str, Category)] = &[
    ("civilian", Category::Civilian),
    ("child", Category::Civilian),
    ("girl", Category::Civilian),
    ("boy", Category::Civilian),
    ("woman", Category::Civilian),
    ("resident", Category::Civilian),
    ("journalist", Category::Civilian),
    ("soldier", Category::Military),
    ("serviceman", Category::Military),
    ("man", Category::Unspecified),
    ("policeman", Category::Unspecified),
    ("officer", Category::Unspecified),
    ("person", Category::Unspecified),
];

/// Words that may stand between "a" and a single victim: "an 85-year-old woman", "a young
/// man", "a local resident".
const AGE_WORDS: &[&str] = &["year", "old", "elderly", "young", "local", "pregnant", "teenage", "retired", "female", "male"];

word_meanings! {
    CATEGORY_WORDS, category_match -> Category {
        "civilians" | "residents" | "children" | "women" | "girls" | "boys" | "villagers" | "journalists" | "inhabitants"
        | "passers-by" | "non-combatants" | "workers" | "worshippers" | "refugees" | "pilgrims" | "students" | "patients" | "shoppers"
        | "farmers" | "medics" | "doctors" | "nurses" => Category::Civilian,
        "soldiers" | "servicemen" | "troops" | "military" | "fighters" | "personnel" | "officers" | "militants" | "mercenaries"
        | "conscripts" | "combatants" | "troopers" | "volunteers" | "rebels" | "insurgents" | "paramilitaries" | "gunmen" => Category::Military,
        "people" | "persons" | "others" | "individuals" | "men" | "policemen" | "guards" | "nationals" | "citizens" | "foreigners" => Category::Unspecified,
    }
}

/// [`CATEGORY_WORDS`] and the [`SINGLE_VICTIMS`] by first byte and length.
const CATEGORY_FIRSTS: [u16; 256] = {
    let mut t = bytes_and_lengths(CATEGORY_WORDS);
    let mut i = 0;
    while i < SINGLE_VICTIMS.len() {
        let w = SINGLE_VICTIMS[i].0.as_bytes();
        assert!(!w.is_empty() && w.len() < 16);
        t[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    t
};

/// The kind of victims a lower-case word names, the plural words first, then the single
/// victims. Most words are none, told by their first byte and length ([`may_match`])
/// before the `match`, whose jump table by length the processor mostly mispredicts.
/// (Inlined: most words are passed over without a call.)
#[inline(always)]
fn category_word(w: &str) -> Option<Category> {
    if !may_match(&CATEGORY_FIRSTS, w) {
        return None;
    }
    category_by_name(w)
}

/// [`category_word`] of a word that passes its table: the plural words, then the single
/// victims.
#[inline(never)]
fn category_by_name(w: &str) -> Option<Category> {
    category_match(w).or_else(|| SINGLE_VICTIMS.iter().find(|(v, _)| *v == w).map(|&(_, c)| c))
}

/// Words that may stand between a figure and its casualty word. (Inlined where it is asked.)
#[inline(always)]
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "of" | "its"
            | "their"
            | "our"
            | "his"
            | "her"
            | "the"
            | "ethnic"
            | "enemy"
            | "including"
            | "have"
            | "has"
            | "had"
            | "been"
            | "were"
            | "was"
            | "are"
            | "is"
            | "being"
            | "reported"
            | "may"
            | "might"
            | "could"
            | "reportedly"
            | "confirmed"
            | "seriously"
            | "severely"
            | "critically"
            | "badly"
            | "lightly"
            | "slightly"
            | "fatally"
            | "now"
            | "so"
            | "far"
            | "already"
            | "also"
            | "more"
            | "new"
            | "other"
            | "innocent"
            | "azerbaijani"
            | "armenian"
            | "azeri"
            | "russian"
            | "turkish"
            | "syrian"
            | "who"
            | "that"
            | "allegedly"
            | "believed"
            | "to"
            | "be"
            | "feared"
            | "people"
            | "civilians"
            | "soldiers"
            | "servicemen"
            | "troops"
            | "children"
            | "in"
            | "total"
            | "at"
            | "least"
            | "both"
            | "sides"
            | "side"
            | "them"
            | "those"
            | "later"
            | "subsequently"
    )
}

/// The hedge of a figure whose first word is `words[first]`, and how many words before it
/// the hedge takes. Read by the word right before the figure first (most words there end no
/// hedge), and by the words before that only where a hedge of two or three words ends.
fn hedge_before(words: &[&str], first: usize) -> (Hedge, usize) {
    let w = |k: usize| words.get(first.wrapping_sub(k)).copied().unwrap_or_default();
    match w(1) {
        "least" if w(2) == "at" => (Hedge::AtLeast, 2),
        "than" => match (w(3), w(2)) {
            ("no", "fewer") | ("not", "less") | ("no", "less") => (Hedge::AtLeast, 2),
            (_, "more" | "greater") => (Hedge::MoreThan, 2),
            _ => (Hedge::Exact, 0),
        },
        "of" => match (w(3), w(2)) {
            (_, "upwards") | ("in", "excess") => (Hedge::MoreThan, 2),
            _ => (Hedge::Exact, 0),
        },
        "to" => match w(2) {
            "up" => (Hedge::UpTo, 2),
            "close" => (Hedge::About, 2),
            _ => (Hedge::Exact, 0),
        },
        "as" if w(2) == "many" && w(3) == "as" => (Hedge::UpTo, 2),
        "over" | "above" | "exceeded" | "exceeds" | "passed" | "passes" | "topped" | "tops" | "surpassed" | "surpasses" => {
            (Hedge::MoreThan, 1)
        }
        "approaching" | "approaches" | "nearing" | "nears" | "neared" => (Hedge::About, 1),
        "about" | "around" | "some" | "approximately" | "roughly" | "nearly" | "almost" | "estimated" | "approx" | "circa" => {
            (Hedge::About, 1)
        }
        _ => (Hedge::Exact, 0),
    }
}

/// Scope and category phrases, by group: toll, history, civilian, military, today (found, as whole
/// words in any case, by [`super::cues::scan`]).
pub const SENTENCE_PHRASES: [&[&str]; 5] = [TOLL_WORDS, HISTORY_WORDS, CIVILIAN_WORDS, MILITARY_WORDS, TODAY_WORDS];

/// Phrases that make a count the count of one day ("killed 42 since dawn"), not a toll.
const TODAY_WORDS: &[&str] = &[
    "since dawn",
    "since daybreak",
    "since sunrise",
    "since midnight",
    "since this morning",
    "since early this morning",
    "since the morning",
    "since early morning",
    "since the early hours",
    // A daily report ("Russia lost 1,200 troops over the past day").
    "over the past day",
    "in the past day",
    "during the past day",
    "over the last day",
    "in the last day",
    "over the past 24 hours",
    "in the past 24 hours",
    "during the past 24 hours",
    "over the last 24 hours",
    "in the last 24 hours",
    "within the past 24 hours",
];

/// Phrases that make a figure a running toll ("so far", "has killed", "by Monday").
const TOLL_WORDS: &[&str] = &[
    "since",
    "so far",
    "toll",
    "in total",
    "total of",
    "overall",
    "to date",
    "in all",
    "already",
    "cumulative",
    "thus far",
    "has killed",
    "have killed",
    "has claimed",
    "have claimed",
    "has left",
    "have left",
    "on both sides",
    "on each side",
    "as of",
    "the war has",
    "the conflict has",
    "the fighting has",
    "by monday",
    "by tuesday",
    "by wednesday",
    "by thursday",
    "by friday",
    "by saturday",
    "by sunday",
    "by january",
    "by february",
    "by march",
    "by april",
    "by may",
    "by june",
    "by july",
    "by august",
    "by september",
    "by october",
    "by november",
    "by december",
    "by then",
    "by now",
    // "killed in the six-week war", "during the conflict": the whole of it.
    "week war",
    "day war",
    "month war",
    "during the war",
    "throughout the war",
    "during the conflict",
    "throughout the conflict",
];

/// Phrases that place a figure in an earlier war.
const HISTORY_WORDS: &[&str] = &[
    "previous war",
    "last war",
    "first war",
    "earlier war",
    "former war",
    "the 1990s war",
    "war in the 1990s",
    "first karabakh war",
    "first nagorno-karabakh war",
    // "That war left 30,000 dead", after a sentence about the earlier war ("said that war
    // crimes" is not one of these).
    "that war left",
    "that war killed",
    "that war claimed",
    "that conflict left",
    "that conflict killed",
    "that conflict claimed",
];

/// Words that make the victims of a sentence civilians, then soldiers, when its figures name none.
const CIVILIAN_WORDS: &[&str] =
    &["civilian", "civilians", "residential", "children", "residents", "villagers", "girl", "girls", "boy", "boys"];
const MILITARY_WORDS: &[&str] =
    &["soldiers", "servicemen", "troops", "military personnel", "combatants", "in action", "military death toll", "military toll"];

/// What the phrases of a sentence say about its figures, found in one pass.
#[derive(Debug, Clone, Copy, Default)]
struct SentenceCues {
    toll: bool,
    history: bool,
    civilian: bool,
    military: bool,
    /// A count of one day: "since dawn".
    today: bool,
}

impl SentenceCues {
    /// The cues of sentence `span` from the text's phrases ([`super::cues::TextCues::phrases`]:
    /// every occurrence as whole words, overlapping ones too, in the order of their starts)
    /// from the first that starts in `span` on (`phrases`: none before `span.start`).
    fn from_first(phrases: &[(usize, usize, u8)], span: Span) -> SentenceCues {
        let mut cues = SentenceCues::default();
        for &(_, end, group) in phrases.iter().take_while(|p| p.0 < span.end) {
            if end > span.end {
                continue;
            }
            match group {
                0 => cues.toll = true,
                1 => cues.history = true,
                2 => cues.civilian = true,
                3 => cues.military = true,
                _ => cues.today = true,
            }
        }
        cues
    }
}

/// A figure with its casualty meaning.
#[derive(Debug, Clone, Copy)]
struct Figure {
    number: Number,
    kind: Kind,
    category: Option<Category>,
    hedge: Hedge,
    /// Token range of the phrase.
    first: usize,
    last: usize,
    /// New deaths on top of an earlier count ("another 12", "a further 30", "43 more"): the
    /// count of one incident or report, never a running total.
    increment: bool,
    /// An earlier or revised running total of another figure of the sentence ("up from
    /// 710", "rose to 65 from 60", "revising the figure to 3,773"): a toll.
    earlier: bool,
    /// A count that grows ("the number of killed servicemen has risen to 1,068"): a toll.
    running: bool,
    /// Part of the dead or wounded ("9 aid workers were among the dead", "among those killed
    /// were four children"): a claim of its own only when the sentence gives no whole of its
    /// kind, which it is part of (as the subset after "including" is).
    subset: bool,
    /// The whole of a part named by its kind ("150,000 people, including 14,500 civilians"):
    /// not all of that kind, so the sentence's words do not make it so.
    mixed: bool,
}

/// Whether a number token is really a year, a day of a month ("October 7 killed", "12
/// October"; "may" is no month here), a time or a quantity of something else. (Inlined in
/// figures, which asks it of every number: no call, no registers saved.)
#[inline(always)]
fn not_a_count(words: &[&str], n: &Number) -> bool {
    let t = words[n.first];
    let next = words.get(n.last + 1).copied().unwrap_or_default();
    let prev = n.first.checked_sub(1).map_or("", |k| words[k]);
    let month = |w: &str| w != "may" && is_month(w);
    // "On 12 October 5 soldiers …": the month has its day before it already (read only
    // after a month).
    let dated_before = || n.first >= 2 && words[n.first - 2].bytes().all(|b| b.is_ascii_digit());
    let day =
        n.first == n.last && n.value <= 31 && t.bytes().all(|b| b.is_ascii_digit()) && (month(prev) && !dated_before() || month(next));
    day || (t.len() == 4 && (1800..2100).contains(&n.value) && !t.contains(',')) || is_unit_after(next)
}

/// Whether text ends with '€' or '£' (as `str::ends_with(['€', '£'])`), by its last bytes:
/// a text ending with a character's bytes ends with that character (UTF-8 is
/// self-synchronising), so no character is decoded.
fn ends_with_currency(text: &[u8]) -> bool {
    text.ends_with("€".as_bytes()) || text.ends_with("£".as_bytes())
}

word_meanings! {
    UNITS_AFTER, unit_after_match -> () {
        "hours" | "hour" | "minutes" | "minute" | "km" | "kilometres" | "kilometers" | "miles" | "percent" | "per" | "years" | "year" | "days" | "day" | "weeks" | "months" | "gmt" | "pm" | "am" | "times" | "metres" | "meters" => (),
    }
}

/// [`UNITS_AFTER`] by first byte and length.
const UNITS_AFTER_FIRSTS: [u16; 256] = bytes_and_lengths(UNITS_AFTER);

/// Whether the word after a number makes it a quantity of something else than people (a
/// time, a distance, a share: "12 hours", "5 km"): most words after a number are none,
/// told by their first byte and length before the `match`.
fn is_unit_after(next: &str) -> bool {
    may_match(&UNITS_AFTER_FIRSTS, next) && unit_after_match(next).is_some()
}

/// Nouns whose number is a name, not a count: "Brigade 155", "Route 12", "Flight 752".
const NUMBERED_NOUNS: &[&str] = &[
    "brigade",
    "battalion",
    "regiment",
    "division",
    "corps",
    "army",
    "unit",
    "squadron",
    "company",
    "platoon",
    "route",
    "highway",
    "road",
    "flight",
    "block",
    "building",
    "resolution",
    "article",
    "no",
];

/// Whether the figure of tokens `first..=last` of sentence `s` (at byte `base`) is written
/// as something else than a count: money ("$12 million"), a share ("50%"), a clock time
/// ("10:30"), the number of a unit or road ("Brigade 155", "Route 12").
fn not_a_count_as_written(s: &str, base: usize, toks: &[Token], words: &[&str], first: usize, last: usize) -> bool {
    let (a, b) = (toks[first].start - base, toks[last].end - base);
    let before = s.as_bytes()[..a].last().copied();
    let after = s.as_bytes().get(b).copied();
    let digit_after_colon = s.as_bytes().get(b + 1).is_some_and(u8::is_ascii_digit);
    matches!(before, Some(b'$' | b':')) && toks[first].text.as_bytes()[0].is_ascii_digit()
        // (The last bytes of '€' and '£' are continuation bytes: most figures have none before them.)
        || s.as_bytes()[..a].last().is_some_and(|&c| c >= 0x80) && ends_with_currency(&s.as_bytes()[..a])
        || matches!(after, Some(b'%'))
        || after == Some(b':') && digit_after_colon
        || first > 0
            && toks[first].text.as_bytes()[0].is_ascii_digit()
            && may_be_in(&NUMBERED_STARTS, words[first - 1])
            && NUMBERED_NOUNS.contains(&words[first - 1])
}

/// [`NUMBERED_NOUNS`] by first letter and length.
const NUMBERED_STARTS: [u16; 26] = letters_and_lengths(NUMBERED_NOUNS);

/// Whether a number is an age: "aged 5 to 12", "aged between 18 and 65" (not the victims
/// after an age: "a man aged 40 and 3 children").
fn is_age(words: &[&str], n: &Number) -> bool {
    // The age word is one of the five words before the number (the numbers and words of a
    // range between take at most four): most numbers have none, answered before the range
    // is read.
    // (A word's bytes matched one by one: most fail at the first.)
    if !words[n.first.saturating_sub(5)..n.first].iter().any(|w| matches!(w.as_bytes(), [b'a', b'g', b'e', ..])) {
        return false;
    }
    let number = |w: &str| w.bytes().all(|b| b.is_ascii_digit()) || super::numbers::word_value(w).is_some();
    let mut k = n.first;
    while k > 0 && n.first - k < 4 && (matches!(words[k - 1], "to" | "and" | "between") || number(words[k - 1])) {
        k -= 1;
    }
    k > 0 && matches!(words[k - 1], "aged" | "ages" | "age") && words.get(n.last + 1).is_none_or(|w| category_word(w).is_none())
}

/// The English month names of [`super::dates::NAME_CUES`].
const MONTH_NAMES: &[&str] = super::dates::NAME_CUES.split_at(super::dates::FIRST_WEEKDAY).0;

/// The first three letters of [`MONTH_NAMES`] (every name and abbreviation has three), in
/// lower case, as integers ([`head_of_three`]).
const MONTH_HEADS: [u32; MONTH_NAMES.len()] = {
    let mut t = [0u32; MONTH_NAMES.len()];
    let mut i = 0;
    while i < MONTH_NAMES.len() {
        let w = MONTH_NAMES[i].as_bytes();
        assert!(w.len() >= 3);
        t[i] = head_of_three(w[0], w[1], w[2]);
        i += 1;
    }
    t
};

/// Three bytes as one integer, letters in either case alike (`| 0x20` makes a letter lower
/// case, and only the two cases of a letter become it).
const fn head_of_three(a: u8, b: u8, c: u8) -> u32 {
    u32::from_le_bytes([a | 0x20, b | 0x20, c | 0x20, 0])
}

/// The multiplier of [`month_slot`], chosen so that the twelve heads of [`MONTH_HEADS`] take
/// twelve slots of [`MONTH_SLOTS`].
const MONTH_HASH: u32 = 26_597;

/// The slot of [`MONTH_SLOTS`] of a head of three letters ([`head_of_three`]).
const fn month_slot(head: u32) -> usize {
    (head.wrapping_mul(MONTH_HASH) >> 28) as usize
}

/// Each head of [`MONTH_HEADS`] in its slot ([`month_slot`]; 0, which no head is, in the
/// others), with the (at most three) names of that head as their keys ([`month_key`];
/// `u64::MAX`, which no word's key is, for none): a head is a month's when its slot holds
/// it, one read instead of a search, and a word is compared only with the names of its head,
/// each by one compare of integers.
const MONTH_SLOTS: [(u32, [u64; 3]); 16] = {
    let mut t = [(0u32, [u64::MAX; 3]); 16];
    let mut i = 0;
    while i < MONTH_HEADS.len() {
        let (h, k) = (MONTH_HEADS[i], month_slot(MONTH_HEADS[i]));
        assert!(t[k].0 == 0 || t[k].0 == h, "two month heads share a slot: change MONTH_HASH");
        t[k].0 = h;
        let mut n = 0;
        while t[k].1[n] != u64::MAX {
            n += 1;
        }
        let Some(key) = month_key(MONTH_NAMES[i].as_bytes()) else { panic!("a month name longer than a key holds") };
        t[k].1[n] = key;
        i += 1;
    }
    t
};

/// The key of a word of at least three bytes whose first three bytes are letters (a month's
/// head), as [`MONTH_SLOTS`] keeps the names: its length in the top byte, its bytes after
/// the head (at most six) each with bit 5 set (`| 0x20`: the lower case of a letter, and
/// only the two cases of a letter become that) from the lowest byte up, zeros above. Two
/// such words have one key exactly when they are equal ignoring ASCII case and the second
/// is a name of lower-case letters ([`MONTH_NAMES`] in lower case): no byte with bit 5 set
/// is 0, and the length tells the rest apart. `None` for a longer word (no month name is).
const fn month_key(w: &[u8]) -> Option<u64> {
    if w.len() > 9 {
        return None;
    }
    let (mut key, mut i) = ((w.len() as u64) << 56, 3);
    while i < w.len() {
        key |= ((w[i] | 0x20) as u64) << (8 * (i - 3));
        i += 1;
    }
    Some(key)
}

/// Whether a lower-case word names a month ("october", "oct", "sept."): one of
/// [`MONTH_NAMES`], whose first three letters most words do not have (their slot of
/// [`MONTH_SLOTS`] does not hold them), compared only with the names of its head.
/// (Inlined where it is asked: most words are told by their head in place, without a call.)
#[inline(always)]
fn is_month(w: &str) -> bool {
    let b = w.as_bytes();
    let Some(&[x, y, z]) = b.first_chunk() else { return false };
    let head = head_of_three(x, y, z);
    let slot = month_slot(head);
    MONTH_SLOTS[slot].0 == head && is_month_of(w, slot)
}

/// Whether `w`, whose first three bytes are the letters of the month head of `slot` of
/// [`MONTH_SLOTS`], is one of the month names of that slot (by their keys, [`month_key`])
/// once the full stops at its end are passed over (as `trim_end_matches('.')`, by bytes:
/// the head's letters stay).
#[inline(never)]
fn is_month_of(w: &str, slot: usize) -> bool {
    let mut w = w.as_bytes();
    while let [rest @ .., b'.'] = w {
        w = rest;
    }
    month_key(w).is_some_and(|key| MONTH_SLOTS[slot].1.contains(&key))
}

/// Where a parenthetical "including …" or "among them …" clause that starts at token `at`
/// ends: the first token after the comma that closes it, when that comma comes within five
/// words (only letters, digits, hyphens, apostrophes and spaces stand between). `None` when
/// no such comma follows.
fn clause_end(s: &str, base: usize, toks: &[Token], at: usize) -> Option<usize> {
    let from = toks[at].end - base;
    let rest = &s[from..];
    // The comma of a clause, not one inside a figure ("including over 14,500 civilians,").
    let b = rest.as_bytes();
    let comma =
        memchr::memchr_iter(b',', b).find(|&i| !(i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)))?;
    let inside = &rest[..comma];
    if !inside.chars().all(|c| c.is_alphanumeric() || c == '-' || c == ' ' || c == '\'' || c == '’') {
        return None;
    }
    let end = base + from + comma;
    let after = toks[at + 1..].iter().position(|t| t.start > end)? + at + 1;
    (after - at - 1 <= 5).then_some(after)
}

/// Whether a part of the victims of the figure whose last word is `words[n_last]` is named
/// by a kind of victim ("150,000 people, including over 14,500 civilians"): a word
/// "including" among the words `n_last + 1..window` (`window` at most `words.len()`) with,
/// within four words after it, a kind of victim right after a number (`nums_at`: each
/// number's first and last word). Read from the numbers, which are few: the word after
/// each, and only when it names a kind, the words before it for "including" (the same
/// answer as reading every word of the window for "including", checked by proptest).
fn part_of_a_kind(words: &[&str], nums_at: &[(usize, usize)], n_last: usize, window: usize) -> bool {
    nums_at.iter().any(|&(_, l)| {
        let i = l + 1;
        i > n_last + 1
            && words.get(i).is_some_and(|w| {
                matches!(*w, "civilians" | "non-combatants" | "soldiers" | "servicemen" | "troops" | "combatants" | "fighters")
            })
            && (i.saturating_sub(4).max(n_last + 1)..i.min(window)).any(|k| words[k] == "including")
    })
}

/// The words that the walk right of a figure reads apart before its casualty word, in the
/// order of its tests (each of those tests asks [`WALK_FIRSTS`] first).
const WALK_WORDS: &[&str] = &["lost", "fallen", "names", "among", "of", "aged"];

/// [`WALK_WORDS`] by first byte and length.
const WALK_FIRSTS: [u16; 256] = bytes_and_lengths(WALK_WORDS);

/// The sources a victims' phrase may name inside it ("21 people it said were killed") and
/// the words that open a description of the victims ("nine people, mostly civilians, …"),
/// by first byte and length: the walk right of a figure asks these tables before its
/// `matches!` of those words (which the compiler makes jump tables by length).
const SOURCE_FIRSTS: [u16; 256] = bytes_and_lengths(&["it", "they", "he", "she", "officials", "authorities"]);
const DESCRIBING_FIRSTS: [u16; 256] = bytes_and_lengths(&["mostly", "mainly", "largely", "all", "most", "many"]);

/// Buffers that the figures of an article's sentences reuse, one sentence after another.
#[derive(Default)]
struct Scratch {
    /// The sentence's numbers.
    nums: Vec<Number>,
    /// Their first and last tokens.
    nums_at: Vec<(usize, usize)>,
    /// The sentence's "a" and "an" outside its numbers.
    articles: Vec<usize>,
}

/// The buffers of [`extract`], which a thread keeps from one article to the next
/// ([`BUFFERS`]: taken when an article's claims are read and given back after): once they
/// have grown, an article's claims allocate nothing but the claims.
#[derive(Default)]
struct Buffers {
    /// The indices of the sentences with a cue.
    with_cue: Vec<usize>,
    /// The text with those sentences in lower case.
    lower: String,
    /// Their tokens beyond ASCII in lower case, and where each is in it.
    beyond: String,
    beyond_at: Vec<(usize, usize, usize)>,
    /// A sentence's words (empty between articles: its slices are of one article's text).
    words: Vec<&'static str>,
    scratch: Scratch,
    /// A sentence's figures and speech verbs.
    figs: Vec<Figure>,
    verbs: Vec<Span>,
}

thread_local! {
    /// This thread's [`Buffers`].
    static BUFFERS: std::cell::Cell<Buffers> = std::cell::Cell::new(Buffers::default());
}

/// Casualty figures of sentence `s` (starting at byte `base`) with its word tokens and their
/// lower-case words (one per token), written into `out` (cleared first).
fn figures(s: &str, base: usize, toks: &[Token], words: &[&str], scratch: &mut Scratch, out: &mut Vec<Figure>) {
    out.clear();
    // "a civilian was killed": one victim, written without a number.
    let Scratch { nums, nums_at, articles } = scratch;
    // (An "a" or "an" inside a number, "a dozen", is followed by no victim.)
    numbers_into(words, nums, articles);
    for &i in articles.iter() {
        // "an 85-year-old woman", "an elderly man": an age or a word of description first.
        let mut j = i + 1;
        while j < words.len()
            && j <= i + 4
            && (words[j].bytes().all(|b| b.is_ascii_digit() || b == b'-') && !words[j].is_empty()
                || words[j].ends_with("-year-old")
                || AGE_WORDS.contains(&words[j]))
        {
            j += 1;
        }
        if words.get(j).is_some_and(|w| SINGLE_VICTIMS.iter().any(|(v, _)| v == w)) {
            // The count ends before the victim, where its casualty word is looked for.
            nums.push(Number { value: 1, first: i, last: j - 1, vague: Vague::Exact });
        }
    }
    nums.sort_by_key(|n| n.first);
    nums_at.clear();
    nums_at.extend(nums.iter().map(|n| (n.first, n.last)));
    // Groups a part is counted from ("one of the three wounded later died"): read only as
    // that part's reference when the part has a casualty word of its own.
    let mut referenced: Vec<usize> = Vec::new();
    for &n in nums.iter() {
        if not_a_count(words, &n) || not_a_count_as_written(s, base, toks, words, n.first, n.last) || is_age(words, &n) {
            continue;
        }
        if referenced.contains(&n.first) {
            continue;
        }
        // "12 people, including 3 children, were killed": the 3 are part of the 12.
        // "no one was killed": nobody.
        if n.first > 0 && words[n.first - 1] == "no" && words[n.first] == "one" {
            continue;
        }
        // "between 10 and 15 civilians": the lower bound, read at the upper one.
        if n.first > 0 && words[n.first - 1] == "between" && words.get(n.last + 1) == Some(&"and") {
            continue;
        }
        let range_from = (n.first >= 3 && words[n.first - 1] == "and")
            .then(|| nums.iter().find(|m| m.last + 2 == n.first && m.first > 0 && words[m.first - 1] == "between"))
            .flatten();
        let n = match range_from {
            Some(low) => Number { value: low.value, first: low.first - 1, last: n.last, vague: Vague::AtLeast },
            None => n,
        };
        if n.first > 0 && matches!(words[n.first - 1], "including" | "among")
            || n.first > 1 && words[n.first - 2] == "among" && words[n.first - 1] == "them"
        {
            continue;
        }
        // "another 12", "a further 30", "an additional 5" (before a hedge: "at least another
        // 70"), "43 more", "12 new deaths".
        let before = |k: usize| n.first.checked_sub(k).map_or("", |i| words[i]);
        let added = match (before(2), before(1)) {
            ("a" | "an", "further" | "additional") => 2,
            (_, "another" | "additional" | "further") => 1,
            _ => 0,
        };
        let after = words.get(n.last + 1).copied().unwrap_or_default();
        let increment = added > 0 || matches!(after, "more" | "new") && words.get(n.last + 2).is_none_or(|w| *w != "than");
        let (hedge, hedge_len) = match hedge_before(words, n.first - added) {
            // "a dozen", "dozens of": the words hedge themselves.
            (Hedge::Exact, 0) => match n.vague {
                Vague::Exact => (Hedge::Exact, 0),
                Vague::About => (Hedge::About, 0),
                Vague::AtLeast => (Hedge::AtLeast, 0),
            },
            h => h,
        };
        let hedge_len = hedge_len + added;
        let mut category = None;
        let mut found: Option<(Kind, usize)> = None;
        let mut subset = false;
        // "Two of the 5 people hurt": the group this figure is part of.
        let mut group: Option<usize> = None;
        // Right: "seven people dead", "376 of its soldiers had been killed", "over 400 lives".
        let mut j = n.last + 1;
        // The last word of a name read inside the phrase ("in Khan Younis").
        let mut in_name: Option<usize> = None;
        while j < toks.len() && j <= n.last + 8 {
            let w: &str = crate::text::strip_possessive(words[j]);
            // Whether `w` may be one of the words read apart first (most words are none: the
            // tests of those words, which the compiler makes one jump table by length, are
            // passed over).
            let walk_word = may_match(&WALK_FIRSTS, w);
            // "16 soldiers lost their lives", "have lost his life".
            if walk_word
                && w == "lost"
                && matches!(words.get(j + 1), Some(&("their" | "his" | "her")))
                && matches!(words.get(j + 2), Some(&("lives" | "life")))
            {
                found = Some((Kind::Killed, j + 2));
                break;
            }
            // "30 fallen servicemen".
            if walk_word && w == "fallen" && words.get(j + 1).and_then(|w| category_word(w)).is_some() {
                found = Some((Kind::Killed, j));
                j += 1;
                continue;
            }
            // "43 more names were added to the list of the dead", "refilled the list of dead
            // soldiers, adding 96 more names": names on a list of the dead.
            if walk_word && w == "names" {
                let near = j.saturating_sub(12)..toks.len().min(j + 10);
                let dead = near.filter(|&k| matches!(words[k], "list" | "roll" | "register")).find_map(|l| {
                    (l + 1..toks.len().min(l + 5)).find(|&k| casualty_word(words[k]) == Some(Kind::Killed) || words[k] == "fallen")
                });
                if let Some(d) = dead {
                    found = Some((Kind::Killed, d));
                    category = category.or_else(|| (d + 1..toks.len().min(d + 4)).find_map(|k| category_word(words[k])));
                }
                break;
            }
            // "9 aid workers were among the dead", "among those killed", "among the victims":
            // part of the dead (one victim named without a figure, "a boy was among the dead",
            // is no count).
            if walk_word && w == "among" && matches!(words.get(j + 1), Some(&("the" | "those"))) {
                let of = words.get(j + 2).copied().unwrap_or_default();
                if let Some(k) = if of == "victims" { Some(Kind::Killed) } else { casualty_word(of) } {
                    if !matches!(words[n.first], "a" | "an") {
                        found = Some((k, j + 2));
                        subset = true;
                    }
                    break;
                }
            }
            // "two of the 5 people hurt", "one of 14 journalists killed": the group (its own
            // figure) is passed over; this figure needs a casualty word after it ("one of the
            // three wounded later died").
            if walk_word
                && w == "of"
                && group.is_none()
                && j == n.last + 1
                && let Some(&(g, last)) = nums_at.iter().find(|(first, _)| *first == j + 1 || *first == j + 2 && words[j + 1] == "the")
            {
                group = Some(g);
                j = last + 1;
                while j < toks.len() && (category_word(words[j]).is_some() || words.get(j + 1).is_some_and(|w| category_word(w).is_some()))
                {
                    j += 1;
                }
                if words.get(j).is_some_and(|w| casualty_word(w).is_some()) {
                    j += 1;
                }
                continue;
            }
            // "3 children aged 5 to 12": their ages.
            if walk_word && w == "aged" {
                j += 1;
                while j < toks.len() && (matches!(words[j], "between" | "and" | "to") || nums_at.iter().any(|&(f, _)| f == j)) {
                    j = nums_at.iter().find(|&&(f, _)| f == j).map_or(j, |&(_, l)| l) + 1;
                }
                continue;
            }
            if let Some(k) = casualty_word(w) {
                // "killing" / "kills" after a figure is a verb of the next clause, not this figure's.
                if !matches!(w, "killing" | "kills" | "wounding" | "injuring" | "dying") {
                    found = Some((k, j));
                }
                break;
            }
            // "another 40 casualties among its military, pushing the military death toll to
            // 673": casualties the sentence adds to a death toll are deaths (alone they mix
            // the dead and the wounded, and are no claim).
            if w == "casualties" {
                if adds_to_death_toll(words, j + 1) {
                    found = Some((Kind::Killed, j));
                }
                break;
            }
            // "21 people it said were killed", "14 civilians officials say died": the source's
            // words inside the victims' phrase.
            if category.is_some()
                && may_match(&SOURCE_FIRSTS, w)
                && matches!(w, "it" | "they" | "he" | "she" | "officials" | "authorities")
                && matches!(words.get(j + 1), Some(&("said" | "says" | "say" | "believed" | "believes" | "claimed" | "claims")))
            {
                j += 2;
                continue;
            }
            if let Some(c) = category_word(w) {
                category = category.or(Some(c)).map(|old| if old == Category::Unspecified { c } else { old });
                j += 1;
                continue;
            }
            // Skip "including 3 children" inside the phrase.
            if w == "including"
                && let Some(&(_, last)) = nums_at.iter().find(|(first, _)| *first == j + 1)
            {
                j = last + 1;
                continue;
            }
            // "five people, including a 7-year-old girl, were killed", "seven soldiers, among
            // them two officers, were killed": a subset is a clause between commas; the
            // figure's casualty word follows it.
            // "nine people, mostly civilians, were killed", "… , all of them soldiers, …".
            // "seven people, one of them a child, …".
            let describing = || {
                let part = || {
                    nums_at.iter().find(|(first, _)| *first == j).is_some_and(|&(_, last)| {
                        words.get(last + 1) == Some(&"of") && matches!(words.get(last + 2), Some(&("them" | "whom")))
                    })
                };
                // (The word first: most words are none of these, and the text between two
                // words is not sliced for them.)
                (may_match(&DESCRIBING_FIRSTS, w) && matches!(w, "mostly" | "mainly" | "largely" | "all" | "most" | "many") || part())
                    && s[toks[j - 1].end - base..toks[j].start - base].contains(',')
            };
            if (matches!(w, "including" | "among") || describing())
                && let Some(after) = clause_end(s, base, toks, j)
            {
                j = after;
                continue;
            }
            // "fifteen soldiers and 10 civilians were killed": victims of one casualty word.
            if w == "and"
                && category.is_some()
                && let Some(&(_, last)) = nums_at.iter().find(|(first, _)| *first == j + 1)
            {
                j = last + 1;
                continue;
            }
            // "1,200 Israelis and foreign nationals were killed": more victims of the verb.
            if w == "and"
                && (category.is_some() || in_name == Some(j - 1))
                && (j + 1..toks.len().min(j + 3)).any(|k| category_word(words[k]).is_some())
            {
                j += 1;
                continue;
            }
            // A name right after the figure ("12 Azerbaijani soldiers"), a place after "in"
            // ("12 people in Khan Younis were killed"); a word that says what kind of victims
            // follow ("four aid workers", "scores of RSF fighters").
            // "five soldiers of the 3rd Brigade": a unit's ordinal opens its name.
            let ordinal = w.len() >= 3
                && w.as_bytes()[0].is_ascii_digit()
                && [&b"st"[..], b"nd", b"rd", b"th"].contains(&&w.as_bytes()[w.len() - 2..])
                && w[..w.len() - 2].bytes().all(|b| b.is_ascii_digit());
            let after_prep = |k: usize| matches!(words[k], "in" | "of");
            let named = (toks[j].text.starts_with(char::is_uppercase) || ordinal)
                && (j == n.last + 1 || after_prep(j - 1) || words[j - 1] == "the" && j >= 2 && after_prep(j - 2) || in_name == Some(j - 1));
            if named {
                in_name = Some(j);
            }
            if is_filler(w) || named || words.get(j + 1).is_some_and(|w| category_word(w).is_some()) {
                j += 1;
                continue;
            }
            break;
        }
        // "Among the dead were four children", "the dead included 3 medics": part of the dead.
        let start = n.first.saturating_sub(hedge_len);
        if found.is_none() && start >= 3 {
            let (verb, dead, the) = (words[start - 1], words[start - 2], words[start - 3]);
            let kind = if dead == "victims" { Some(Kind::Killed) } else { casualty_word(dead) };
            let among = matches!(verb, "were" | "was" | "are" | "is") && start >= 4 && words[start - 4] == "among";
            if let Some(k) = kind
                && matches!(the, "the" | "those")
                && (among || matches!(verb, "included" | "include" | "includes"))
            {
                found = Some((k, start - 2));
                subset = true;
            }
        }
        // Left: "killed two civilians", "killed about 30,000 people", "claimed over 400 lives",
        // "death toll rose to 31".
        let mut running = false;
        if found.is_none() {
            let start = n.first.saturating_sub(hedge_len);
            let mut k = start;
            let mut steps = 0;
            while k > 0 && steps < 4 {
                k -= 1;
                steps += 1;
                let w: &str = words[k];
                // "the casualty toll": the dead and the wounded together, neither figure.
                if w == "toll" && k > 0 && matches!(words[k - 1], "casualty" | "casualties") {
                    break;
                }
                if matches!(w, "killed" | "killing" | "kills" | "kill" | "claimed" | "claiming" | "cost" | "costing" | "toll") {
                    let is_lives = toks.get(n.last + 1).is_some_and(|t| t.text == "lives");
                    if !matches!(w, "claimed" | "claiming" | "cost" | "costing") || is_lives {
                        found = Some((Kind::Killed, k));
                        // "the number of servicemen killed had risen to 673".
                        running = w == "killed" && (k.saturating_sub(4)..k).any(|i| words[i] == "number");
                    }
                    break;
                }
                if matches!(w, "wounded" | "wounding" | "injured" | "injuring") {
                    found = Some((Kind::Wounded, k));
                    // "the number of injured had risen to 25": a count that grows.
                    running = k >= 2 && words[k - 1] == "of" && words[k - 2] == "number";
                    break;
                }
                // "has lost 2,300 soldiers": losses of people, not of drones or tanks; so too
                // "destroyed 50 enemy soldiers" (a military's claim of enemy dead).
                if matches!(w, "lost" | "destroyed" | "eliminated" | "neutralised" | "neutralized") {
                    let people = (n.last + 1..toks.len().min(n.last + 4))
                        .map(|j| crate::text::strip_possessive(words[j]))
                        .find(|w| category_word(w).is_some() || !is_filler(w))
                        .is_some_and(|v| {
                            category_word(v).is_some_and(|c| c != Category::Unspecified) || w == "lost" && matches!(v, "lives" | "men")
                        });
                    if people {
                        found = Some((Kind::Killed, k));
                    }
                    break;
                }
                // "reported the deaths of 350 servicemen", "the bodies of 30 soldiers".
                if w == "of" && k >= 1 && (words[k - 1] == "deaths" || words[k - 1] == "bodies" && category.is_some()) {
                    found = Some((Kind::Killed, k - 1));
                    break;
                }
                // "claimed the lives of 21 civilians", "took the lives of …", "cost the lives of …".
                if w == "lives"
                    && k >= 2
                    && words[k - 1] == "the"
                    && matches!(words[k - 2], "claimed" | "claiming" | "claim" | "cost" | "costing" | "took" | "taken" | "taking")
                {
                    found = Some((Kind::Killed, k - 2));
                    break;
                }
                if !matches!(
                    w,
                    "to" | "rose"
                        | "risen"
                        | "climbed"
                        | "increased"
                        | "jumped"
                        | "now"
                        | "reached"
                        | "stood"
                        | "stands"
                        | "at"
                        | "of"
                        | "death"
                        | "has"
                        | "had"
                        | "have"
                        | "already"
                        | "reportedly"
                        | "the"
                        | "a"
                        | "an"
                        | "which"
                        | "that"
                ) {
                    break;
                }
            }
        }
        // "killed more than 600 soldiers, scores of civilians and …": the next victims of one
        // verb, when they are another kind of victim than the ones before (a breakdown of the
        // same victims, "killed 14 people, 3 soldiers and 11 civilians", is not new).
        if found.is_none()
            && let Some(prev) = out.last()
            && let Some(mine) = category.filter(|c| *c != Category::Unspecified)
            && prev.category.is_some_and(|c| c != mine && c != Category::Unspecified)
            && prev.first < prev.number.first
            && matches!((n.first - hedge_len).checked_sub(prev.last), Some(1 | 2))
            && matches!(s[toks[prev.last].end - base..toks[n.first - hedge_len].start - base].trim(), "," | ";" | "and" | ", and")
            && !(words.get(n.last + 1) == Some(&"of") && matches!(words.get(n.last + 2), Some(&("them" | "whom"))))
        {
            found = Some((prev.kind, n.first));
        }
        // "the death toll from the attack on Barda has risen to 21"
        if found.is_none() {
            let start = n.first.saturating_sub(hedge_len);
            let prep = start.checked_sub(1).map(|k| words[k]);
            // "the death toll", "the civilian toll", "bringing the toll to 60" (both this and
            // the number below looked for only where the words before the figure may take
            // them: most figures' do not).
            let toll_before =
                || (0..start).rev().take(12).find(|&k| words[k] == "toll" && k > 0 && !matches!(words[k - 1], "no" | "a" | "casualty"));
            let prep = if hedge_len > 0 { start.checked_sub(1).map(|k| words[k]) } else { prep };
            let ok_prep =
                matches!(prep, Some("to" | "at" | "of" | "reached" | "reaches" | "hit" | "hits" | "was" | "is" | "stood" | "stands"));
            if (ok_prep || hedge_len > 0 && prep.is_some())
                && let Some(k) = toll_before()
            {
                found = Some((Kind::Killed, k));
            }
            // "brought the number of civilians killed since September 27 to 41".
            // "taking the number killed this week to 31".
            let number_of = || {
                (0..start).rev().take(14).find_map(|k| {
                    let of = match words.get(k + 1) {
                        Some(&"of") => k + 2,
                        _ => k + 1,
                    };
                    (words[k] == "number")
                        .then(|| (of..(of + 4).min(start)).find_map(|j| casualty_word(words[j]).map(|kind| (kind, k))))
                        .flatten()
                })
            };
            if found.is_none()
                && matches!(prep, Some("to" | "reached" | "hit" | "at"))
                && let Some(f) = number_of()
            {
                found = Some(f);
                running = true;
            }
        }
        let Some((kind, at)) = found else { continue };
        // The group a part with a casualty word of its own was counted from is a reference.
        if let Some(g) = group {
            referenced.push(g);
        }
        // "40 casualties among its military", "30 deaths among civilians": whose they are.
        if category.is_none_or(|c| c == Category::Unspecified) && words.get(at + 1) == Some(&"among") {
            let who = if matches!(words.get(at + 2), Some(&("its" | "their" | "the" | "our"))) { at + 3 } else { at + 2 };
            category = words.get(who).and_then(|w| category_word(w)).or(category);
        }
        let first = n.first.saturating_sub(hedge_len).min(at);
        let last = n.last.max(at).max(j.min(toks.len()).saturating_sub(1)).min(toks.len() - 1);
        // "150,000 people, including over 14,500 civilians": a part of the victims named by
        // a kind of victim says the rest are not of it.
        let mixed = part_of_a_kind(words, nums_at, n.last, words.len().min(last + 7));
        out.push(Figure {
            number: n,
            kind,
            category,
            hedge,
            first,
            last: last.max(n.last),
            increment,
            earlier: false,
            running,
            subset,
            mixed,
        });
    }
    // A part of the dead beside a whole of its kind is counted in the whole.
    if out.iter().any(|f| f.subset) {
        let wholes: Vec<Kind> = out.iter().filter(|f| !f.subset).map(|f| f.kind).collect();
        out.retain(|f| !f.subset || !wholes.contains(&f.kind));
    }
    // "… 729 killed on Friday, up from 710 on Monday", "rose to 65 from 60", "from 700 to
    // 729": a bare figure after "from" is the earlier total of the figure beside it; "…,
    // later revising the figure to 3,773": a bare figure after "the figure to" (count,
    // tally, total) is a revised total of the figure before it.
    let mut earlier = Vec::new();
    for &number in nums.iter() {
        let (first, last) = (number.first, number.last);
        let from = first > 0 && words[first - 1] == "from";
        let revised = first > 1
            && matches!(words[first - 1], "to" | "at")
            && matches!(words[first - 2], "figure" | "count" | "tally" | "total" | "number");
        if !from && !revised {
            continue;
        }
        // "from 1 to 5 October" is a range of days.
        let dated = words[last + 1..words.len().min(last + 4)].iter().any(|w| is_month(w));
        if dated || not_a_count(words, &number) || out.iter().any(|f| f.number.first == first) {
            continue;
        }
        // "rose to 65 from 60", "729 killed on Friday, up from 710".
        let compares = first >= 2 && matches!(words[first - 2], "up" | "down");
        let beside = out.iter().find(|f| {
            from && f.last < first && (first - f.last == 2 || compares && first - f.last <= 7) && !f.earlier
                || from && f.number.first > last && f.number.first - last <= 3 && words[last + 1] == "to"
                || revised && f.last < first && first - f.last <= 14 && !f.earlier
        });
        if let Some(f) = beside {
            earlier.push(Figure {
                number,
                hedge: Hedge::Exact,
                first: first - 1,
                last,
                increment: false,
                earlier: true,
                running: false,
                subset: false,
                mixed: false,
                ..*f
            });
        }
    }
    if !earlier.is_empty() {
        out.extend(earlier);
        out.sort_by_key(|f| f.number.first);
    }
}

/// A dateline opening a paragraph: "BAKU, Azerbaijan (AP) — ", "YEREVAN/BAKU (Reuters) - ",
/// "BAKU, Oct. 28 (Reuters) - ",
/// "(Berlin) – ", "MOSCOW – ". The tag in brackets is at most [`TAG_CHARS`] characters,
/// checked by [`dateline_lead`]: a bounded repetition of the Unicode `\w` class here would be
/// compiled once per copy (about 30 ms at every start of the program). [`Lead`] reads the
/// pattern by hand; the pattern itself is compiled only for a dateline whose word or digit
/// classes meet a character beyond ASCII.
static DATELINE_LEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*(?:\([A-Z][\w .]*\)|[A-Z][A-Z'’./ -]*[A-Z](?:,[ \t]*[A-Z][\w'’.]*(?: [A-Z][\w'’.]*)*)*(?:[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?(?:[ \t]*\([\w .]+\))?)[ \t]*(?:—|–|-|--)[ \t]")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The longest tag in brackets a dateline holds ("(Reuters)"; "(Berlin)" alone opens one
/// with a capital and up to one character more).
const TAG_CHARS: usize = 30;

/// Where the dateline opening `sentence` ends ([`DATELINE_LEAD`]), if one does.
fn dateline_lead(sentence: &str) -> Option<usize> {
    let mut lead = Lead { s: sentence, b: sentence.as_bytes(), beyond: false };
    let found = lead.end();
    let end = if lead.beyond { DATELINE_LEAD.find(sentence).map(|m| m.end()) } else { found }?;
    let found = &sentence[..end];
    // The pattern's only brackets are the tag's: its text is at most TAG_CHARS characters,
    // one more when the tag opens the line ("(Berlin) –").
    if let Some(open) = found.find('(') {
        let close = found[open..].find(')').map_or(found.len(), |c| open + c);
        let limit = if found[..open].trim().is_empty() { TAG_CHARS + 1 } else { TAG_CHARS };
        if found[open + 1..close].chars().count() > limit {
            return None;
        }
    }
    Some(end)
}

/// [`DATELINE_LEAD`] read by hand, byte by byte (what the pattern's leftmost-first match
/// gives, checked by proptest). Only the capitals of the place before its comma are a true
/// choice (the last capital that the rest follows, "AB - CD x" ends after "AB - "); every
/// other run is read to its end, since nothing after it can start with one of its
/// characters. Word (`\w`) and digit (`\d`) classes are read for ASCII only: meeting a
/// character beyond it there sets `beyond`, and the pattern answers instead.
struct Lead<'a> {
    s: &'a str,
    b: &'a [u8],
    beyond: bool,
}

/// The bytes of '’', which the capitals and words of a dateline may hold.
const CURLY_APOSTROPHE: &[u8] = "’".as_bytes();

impl Lead<'_> {
    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    fn upper(&self, i: usize) -> bool {
        self.at(i).is_ascii_uppercase()
    }

    /// The end of the run from `i` of `ascii` bytes, '’' too when `curly`, and `\w`
    /// characters when `word`.
    fn run(&mut self, mut i: usize, ascii: impl Fn(u8) -> bool, curly: bool, word: bool) -> usize {
        while let Some(&c) = self.b.get(i) {
            if c < 0x80 {
                if !(ascii(c) || word && (c.is_ascii_alphanumeric() || c == b'_')) {
                    return i;
                }
                i += 1;
            } else if curly && self.b[i..].starts_with(CURLY_APOSTROPHE) {
                i += CURLY_APOSTROPHE.len();
            } else {
                self.beyond |= word;
                return i;
            }
        }
        i
    }

    fn blanks(&self, i: usize) -> usize {
        i + self.b[i.min(self.b.len())..].iter().take_while(|&&c| c == b' ' || c == b'\t').count()
    }

    /// An ASCII digit at `i` (`\d`): its end.
    fn digit(&mut self, i: usize) -> Option<usize> {
        let c = self.at(i);
        self.beyond |= c >= 0x80;
        c.is_ascii_digit().then_some(i + 1)
    }

    /// The match's end, if the sentence opens with a dateline.
    fn end(&mut self) -> Option<usize> {
        let p = self.b.len() - self.s.trim_start().len();
        match self.at(p) {
            b'(' if self.upper(p + 1) => {
                let close = self.run(p + 2, |c| c == b' ' || c == b'.', false, true);
                (self.at(close) == b')').then_some(())?;
                self.tail(close + 1)
            }
            b'A'..=b'Z' => {
                let head = |c: u8| c.is_ascii_uppercase() || matches!(c, b'\'' | b'.' | b'/' | b' ' | b'-');
                let run = self.run(p + 1, head, true, false);
                // The last capital of the run that the rest follows.
                for k in (p + 1..run).rev() {
                    if self.upper(k)
                        && let Some(end) = self.rest(k + 1)
                    {
                        return Some(end);
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// After the capitals: the parts after commas, day and year, tag and dash.
    fn rest(&mut self, mut p: usize) -> Option<usize> {
        let word = |c: u8| c == b'\'' || c == b'.';
        while self.at(p) == b',' {
            let at = self.blanks(p + 1);
            if !self.upper(at) {
                break;
            }
            let mut r = self.run(at + 1, word, true, true);
            while self.at(r) == b' ' && self.upper(r + 1) {
                r = self.run(r + 2, word, true, true);
            }
            p = r;
        }
        let at = self.blanks(p);
        if at > p
            && let Some(mut r) = self.digit(at)
        {
            r = self.digit(r).unwrap_or(r);
            if self.at(r) == b',' {
                let mut y = Some(self.blanks(r + 1));
                for _ in 0..4 {
                    y = y.and_then(|y| self.digit(y));
                }
                r = y.unwrap_or(r);
            }
            p = r;
        }
        let at = self.blanks(p);
        if self.at(at) == b'(' {
            let close = self.run(at + 1, |c| c == b' ' || c == b'.', false, true);
            if close > at + 1 && self.at(close) == b')' {
                p = close + 1;
            }
        }
        self.tail(p)
    }

    /// Spaces, a dash and a space or tab.
    fn tail(&self, p: usize) -> Option<usize> {
        let at = self.blanks(p);
        ["—", "–", "-", "--"].iter().find_map(|dash| {
            let after = at + dash.len();
            (self.b[at.min(self.b.len())..].starts_with(dash.as_bytes()) && matches!(self.at(after), b' ' | b'\t')).then_some(after + 1)
        })
    }
}

/// The best place for a claim: the most specific place named in the sentence outside the
/// claimant's own name (countries only if nothing finer is named).
///
/// Among places of one kind the one nearest the figure (`figure`) wins, a place the fire
/// came "from" only when no other is named; the place of a
/// dateline opening the sentence ("BAKU, Azerbaijan (AP) —", "(Berlin) –") is where the
/// report was filed, not where the casualties were.
///
/// `places`: the text's place matches from the first that starts in the sentence on;
/// `actors`: its actor matches that start in the sentence (both found once per sentence, as
/// the sentences are read in order, not searched for per claim and per place).
fn claim_place<'a>(
    ctx: &DocCtx<'a>,
    sent: Span,
    places: &[NameMatch],
    actors: &[NameMatch],
    figure: Span,
    claimant_span: Option<Span>,
) -> Option<&'a str> {
    // Datelines open with a capital letter or a parenthesis: other sentences skip the pattern.
    let opening = ctx.text.as_bytes().get(sent.start..sent.start + 2).is_some_and(|b| b[0] == b'(' || b.iter().all(u8::is_ascii_uppercase));
    let filed = if opening { dateline_lead(&ctx.text[sent.start..sent.end]) } else { None };
    let filed_end = filed.map_or(sent.start, |end| sent.start + end);
    let rank = |kind: &str| match kind {
        "city" | "town" | "village" => 0,
        "district" => 1,
        "region" => 2,
        "sea" => 3,
        _ => 4,
    };
    let mut best: Option<((usize, bool, usize), &str)> = None;
    // The places inside the sentence after its dateline (as `ctx.places_in` gives them).
    let inside = places.iter().skip_while(|m| m.start < filed_end).take_while(|m| m.start < sent.end).filter(|m| m.end <= sent.end);
    for m in inside {
        if let Some(c) = claimant_span
            && m.start >= c.start
            && m.end <= c.end
        {
            continue;
        }
        if actors.iter().filter(|a| a.end <= sent.end).any(|a| a.start <= m.start && m.end <= a.end) {
            continue;
        }
        let p = &ctx.gazetteer.places[m.item];
        // (A place of a lower rank than the best so far is passed over before the text
        // before it is read: it cannot come first.)
        let kind = rank(&p.kind);
        if best.is_some_and(|((br, _, _), _)| kind > br) {
            continue;
        }
        let distance = if m.end <= figure.start { figure.start - m.end } else { m.start.saturating_sub(figure.end) };
        // "fired from Khankendi": where the fire came from, not where it struck.
        let before = trim_end(&ctx.text[sent.start..m.start]);
        let origin = before.len() >= 4 && before.as_bytes()[before.len() - 4..].eq_ignore_ascii_case(b"from");
        let r = (kind, origin, distance);
        if best.is_none_or(|(br, _)| r < br) {
            best = Some((r, &p.id));
        }
    }
    best.filter(|((r, _, _), _)| *r < 4).map(|(_, id)| id)
}

/// Words of one event: a sentence holding one reports an incident even in the present
/// perfect ("three people have been killed in a strike on Ganja").
const INCIDENT_WORDS: &[&str] = &[
    "strike",
    "strikes",
    "attack",
    "attacks",
    "shelling",
    "shell",
    "shells",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "bombing",
    "explosion",
    "blast",
    "raid",
    "drone",
    "when",
    "after",
    "overnight",
    "yesterday",
    "today",
    "tonight",
    "morning",
    "evening",
    "night",
    "afternoon",
    "incident",
    "ambush",
    "crash",
    "fire",
];

/// For each letter, a bit per length of the words of `list` (shorter than 16 letters) that
/// start with it, in any case: most words are none of them at a glance ([`may_be_in`]).
pub(super) const fn letters_and_lengths(list: &[&str]) -> [u16; 26] {
    let mut t = [0u16; 26];
    let mut i = 0;
    while i < list.len() {
        let w = list[i].as_bytes();
        assert!(w.len() < 16 && w[0].is_ascii_alphabetic());
        t[(w[0].to_ascii_lowercase() - b'a') as usize] |= 1 << w.len();
        i += 1;
    }
    t
}

/// Whether a word's first letter and length (in a table of [`letters_and_lengths`]) are
/// those of a word of the list.
pub(super) fn may_be_in(table: &[u16; 26], w: &str) -> bool {
    let b = w.as_bytes();
    b.len() < 16
        && b.first().is_some_and(u8::is_ascii_alphabetic)
        && table[usize::from(b[0].to_ascii_lowercase() - b'a')] >> b.len() & 1 != 0
}

/// [`INCIDENT_WORDS`] by first letter and length.
const INCIDENT_STARTS: [u16; 26] = letters_and_lengths(INCIDENT_WORDS);

/// [`INCIDENT_WORDS`] by length, shortest first, and for each length below 16 the range of
/// them that have it ([`is_incident_word`] compares a word with those alone).
const INCIDENT_BY_LENGTH: ([&str; INCIDENT_WORDS.len()], [(u8, u8); 16]) = {
    let mut words = [""; INCIDENT_WORDS.len()];
    let mut i = 0;
    while i < words.len() {
        words[i] = INCIDENT_WORDS[i];
        // Inserted among the ones before it, by length.
        let mut j = i;
        while j > 0 && words[j - 1].len() > words[j].len() {
            let w = words[j];
            words[j] = words[j - 1];
            words[j - 1] = w;
            j -= 1;
        }
        i += 1;
    }
    let mut ranges = [(0u8, 0u8); 16];
    let mut len = 0;
    while len < 16 {
        let (mut a, mut b) = (0, 0);
        while a < words.len() && words[a].len() < len {
            a += 1;
        }
        while b < words.len() && words[b].len() <= len {
            b += 1;
        }
        assert!(b < 256);
        ranges[len] = (a as u8, if b > a { b as u8 } else { a as u8 });
        len += 1;
    }
    (words, ranges)
};

/// Whether a word, in any case, is one of [`INCIDENT_WORDS`]: most words are none at a glance
/// (their first letter and length, [`may_be_in`]); the others are compared only with the
/// words of their length ([`INCIDENT_BY_LENGTH`]).
fn is_incident_word(w: &str) -> bool {
    if !may_be_in(&INCIDENT_STARTS, w) {
        return false;
    }
    let (words, ranges) = &INCIDENT_BY_LENGTH;
    let (a, b) = ranges[w.len() % 16];
    words[usize::from(a)..usize::from(b)].iter().any(|i| w.eq_ignore_ascii_case(i))
}

/// Verbs of a report that, after "had" or "previously", give an earlier count.
const EARLIER_REPORT_VERBS: &[&str] =
    &["reported", "put", "given", "gave", "said", "counted", "recorded", "registered", "announced", "confirmed", "estimated"];

/// Verbs that open a running total after an incident: "bringing the toll to 60".
const TOLL_GERUNDS: &[&str] = &["bringing", "raising", "taking", "pushing", "lifting", "putting", "revising", "updating"];

/// What such a clause brings to a new figure: "the toll", "the total", "the number of dead".
const TOLL_NOUNS: &[&str] = &["toll", "total", "tally", "number", "figure", "count"];

/// Where a sentence's running total begins after its incident: the comma before "bringing the
/// toll to 60", "raising the total to", "taking the number of dead to" (a byte offset).
///
/// Its tokens read in one pass over the slice, each passed over by its length alone unless
/// it has a gerund's ([`GERUND_LENGTHS`]), as most have not.
fn toll_clause(text: &str, toks: &[Token]) -> Option<usize> {
    let is = |t: &Token, words: &[&str]| words.iter().any(|w| t.text.eq_ignore_ascii_case(w));
    toks.iter().enumerate().skip(1).find_map(|(i, t)| {
        // Cheapest tests first: every gerund here ends in "ing".
        let found = GERUND_LENGTHS.contains(&t.text.len())
            && t.text.as_bytes().last_chunk() == Some(b"ing")
            && is(t, TOLL_GERUNDS)
            && text[toks[i - 1].end..t.start].contains(',')
            && toks[i + 1..toks.len().min(i + 6)].iter().any(|w| is(w, TOLL_NOUNS));
        found.then_some(t.start)
    })
}

/// The lengths of the [`TOLL_GERUNDS`] (a test checks them).
const GERUND_LENGTHS: std::ops::RangeInclusive<usize> = 6..=8;

/// Whether the lower-case words after `from` bring a death toll to a new figure ("…,
/// pushing the military death toll to 673", "taking the number of dead to 50"): what that
/// clause adds up are deaths. A casualty toll ("raising the casualty toll to 400") is not one.
fn adds_to_death_toll(words: &[&str], from: usize) -> bool {
    let Some(g) = (from..words.len()).find(|&i| TOLL_GERUNDS.contains(&words[i])) else { return false };
    let clause = &words[g + 1..words.len().min(g + 9)];
    let clause = &clause[..clause.iter().position(|w| *w == "to").unwrap_or(clause.len())];
    clause.iter().any(|w| TOLL_NOUNS.contains(w))
        && clause.iter().any(|w| matches!(*w, "death" | "dead" | "deaths" | "killed" | "fatalities" | "fatality"))
        && !clause.iter().any(|w| matches!(*w, "casualty" | "casualties" | "wounded" | "injured"))
}

/// The later day of a period longer than a month that the part `within` of sentence `s` counts over ("between 7
/// October 2023 and 10 April 2024", "from 1 March to 10 April"): a count over it is a running
/// total as of that day. (Inlined where it is asked: a sentence with fewer than two dates,
/// as most are, has none without a call.)
#[inline(always)]
fn period_end(ctx: &DocCtx, s: &Sentence, within: Span) -> Option<(chrono::NaiveDate, crate::model::DateBasis)> {
    if s.dates.len() < 2 {
        return None;
    }
    period_end_of_pairs(ctx, s, within)
}

/// [`period_end`] read from the pairs of the dates of a sentence with two at least.
#[inline(never)]
fn period_end_of_pairs(ctx: &DocCtx, s: &Sentence, within: Span) -> Option<(chrono::NaiveDate, crate::model::DateBasis)> {
    s.dates.windows(2).filter(|w| within.start <= w[0].start && w[1].end <= within.end).find_map(|w| {
        let (DateKind::Day(a, _), DateKind::Day(b, basis)) = (w[0].kind, w[1].kind) else { return None };
        let joined = ctx.text[w[0].end..w[1].start].trim();
        let opening = trim_end(&ctx.text[s.span.start..w[0].start]);
        let tail = |word: &str| {
            opening.len() >= word.len()
                && opening.as_bytes()[opening.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
                && !opening.as_bytes()[..opening.len() - word.len()].last().is_some_and(u8::is_ascii_alphanumeric)
        };
        let range = joined == "and" && tail("between") || joined == "to" && tail("from");
        (range && (b - a).num_days() > 31).then_some((b, basis))
    })
}

/// The scope of a figure from the dates and phrases of the part `within` of sentence `s`
/// (the whole sentence, or the part before or after its [`toll_clause`]).
fn scope(ctx: &DocCtx, s: &Sentence, within: Span, cues: SentenceCues) -> Scope {
    let year = ctx.published.map(|p| p.year());
    let dates = s.dates.iter().filter(|d| within.start <= d.start && d.end <= within.end);
    // "since September 27" (this war) outranks a comparison with an older war.
    // "since February 2022", "since 2014": when the count began, not a past year.
    let since_word = |at: usize| {
        let before = trim_end(&ctx.text[s.span.start..at]).as_bytes();
        before.len() >= 5 && before[before.len() - 5..].eq_ignore_ascii_case(b"since")
    };
    // What the part's dates say, read in one pass: a start of this war's count, any start
    // of a count, a past year (read until a start of this war's is found, which answers).
    let (mut since_now, mut since, mut past_year) = (false, false, false);
    for d in dates.clone() {
        match d.kind {
            DateKind::Since(x) => {
                since = true;
                if year.is_none_or(|py| x.year() >= py - 1) {
                    since_now = true;
                    break;
                }
            }
            DateKind::Year(y) => past_year = past_year || year.is_none_or(|py| y < py - 1) && !since_word(d.start),
            _ => {}
        }
    }
    if since_now {
        return Scope::Toll;
    }
    // The tokens of the part: all of the sentence's when it is the whole sentence (most are),
    // else those inside it, found by binary search.
    let all = ctx.tokens_of(s);
    let toks = if within == s.span {
        all
    } else {
        let lo = all.partition_point(|t| t.start < within.start);
        &all[lo..lo + all[lo..].partition_point(|t| t.end <= within.end)]
    };
    let is = |t: &Token, w: &str| t.text.eq_ignore_ascii_case(w);
    // "The war, which erupted in April 2023, has killed tens of thousands": a count in the
    // present perfect reaches up to now, so its past year is when the count began.
    // ("a 1991-94 war that killed about 30,000 and ended with a ceasefire that has been
    // violated": the perfect must count the dead.)
    let up_to_now = || {
        toks.windows(3).any(|w| {
            matches!(w[0].text.len(), 3 | 4)
                && (is(&w[0], "has") || is(&w[0], "have"))
                && (["killed", "claimed", "left", "died", "lost", "taken", "cost"].iter().any(|v| is(&w[1], v))
                    || is(&w[1], "been") && casualty_word(&w[2].text.to_ascii_lowercase()).is_some())
        })
    };
    if cues.history || past_year && !up_to_now() {
        return Scope::Historical;
    }
    if period_end(ctx, s, within).is_some() {
        return Scope::Toll;
    }
    // "have killed at least 42 Palestinians since dawn": one day's count.
    if cues.today {
        return Scope::Incident;
    }
    if since || cues.toll {
        return Scope::Toll;
    }
    // "says 31 civilians have been killed", "at least 45 have died there": a count in the
    // present perfect with no event in sight (no strike, attack or day named) is a running total.
    // "said 729 servicemen had died" is "says 729 have died" told in the past: the past
    // perfect of dying counts as well (its tallies, "had recorded", are earlier reports).
    // (Pairs of words, the third read when there is one: "had died." ends a sentence.)
    // "the ministry had reported 729 killed on Friday", "previously put the toll at …": an
    // earlier report of a count, with no event in sight, is an earlier running total (its
    // day is the report's, not an event's).
    // Both read in one pass over the pairs, lengths and first letters first: most words are
    // neither "has", "have", "had" nor "previously".
    let (mut perfect, mut earlier_report) = (false, false);
    // (Each token with the ones after it, by splitting the slice: no index kept beside the
    // iterator.)
    let mut rest = toks;
    while let [w0, after @ ..] = rest {
        rest = after;
        // (The length alone first: most words' first letter is not read.)
        let len = w0.text.len();
        if !matches!(len, 3 | 4 | 10) {
            continue;
        }
        let first = w0.text.as_bytes()[0] | 0x20;
        if !(len != 10 && first == b'h' || len == 10 && first == b'p') {
            continue;
        }
        let Some(w1) = after.first() else { break };
        let had = is(w0, "had");
        let third = after.get(1);
        if matches!(w0.text.len(), 3 | 4)
            && (had || is(w0, "has") || is(w0, "have"))
            && (is(w1, "been")
                && third.is_some_and(|t| t.text.bytes().all(|b| b.is_ascii_lowercase()) && casualty_word(t.text).is_some())
                || is(w1, "died")
                || is(w1, "lost")
                // "has recorded 1,177 military deaths", "have documented 40 deaths": a tally
                // ("has reported", "has confirmed" may name one event's dead).
                || !had && ["recorded", "registered", "counted", "documented"].iter().any(|v| is(w1, v)))
        {
            perfect = true;
            break;
        }
        earlier_report |= (had || is(w0, "previously")) && EARLIER_REPORT_VERBS.iter().any(|v| is(w1, v));
    }
    let earlier_report = earlier_report && !perfect;
    if !perfect && !earlier_report {
        return Scope::Incident;
    }
    let event = toks.iter().any(|t| is_incident_word(t.text)) || perfect && dates.clone().any(|d| matches!(d.kind, DateKind::Day(..)));
    if event { Scope::Incident } else { Scope::Toll }
}

/// Where the claimant is named in `region`: its last verbatim occurrence, else the last
/// actor name, else nothing (an empty span at the region's end).
fn subject_span(ctx: &DocCtx, region: Span, name: &str) -> Span {
    let text = &ctx.text[region.start..region.end];
    if let Some(i) = rfind_bytes(text.as_bytes(), name.as_bytes()) {
        return Span { start: region.start + i, end: region.start + i + name.len() };
    }
    match ctx.actors_in(region).last() {
        Some(m) => Span { start: m.start, end: m.end },
        None => Span { start: region.end, end: region.end },
    }
}

/// The last occurrence of `needle` in `hay`: candidates found backwards by their first byte
/// (memrchr), then compared. For a name in a sentence this is cheaper than building a
/// substring searcher per call.
fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, _)) = needle.split_first() else { return Some(hay.len()) };
    memchr::memrchr_iter(first, hay).find(|&i| hay[i..].starts_with(needle))
}

/// "according to", searched in the lower-cased text of a sentence (so in any ASCII case).
static ACCORDING_TO: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("according to"));

/// Find the claimant for the figure at bytes `figure` of sentence `s` (whose tokens are
/// `toks`); `according` gives the source after the sentence's first "according to", if any
/// ([`attribution::according_to`]), worked out once per sentence; `(mem, first)`, the memory
/// at the sentence and the first actor match and person name at or after its start
/// ([`attribution::subject_before_from`]).
fn claimant<'a>(
    ctx: &DocCtx<'a>,
    s: &Sentence,
    toks: &[Token<'a>],
    figure: Span,
    (mem, first): (&Memory<'a>, [usize; 2]),
    sentence_verbs: &[Span],
    according: impl FnOnce() -> Option<(attribution::Speaker<'a>, Span)>,
) -> Option<(attribution::Speaker<'a>, Span)> {
    let (pos, figure_end) = (figure.start, figure.end);
    // A figure inside a quotation is its speaker's ([`claimants_from_quotes`]), not the
    // subject's of a speech verb of the sentence: "\"Four people were killed,\" said …".
    // (Most sentences hold no quotation mark: one search for '"' and the first byte of '“'
    // and '”' in the bytes before the figure answers them, the text sliced only then.)
    if memchr::memchr2(b'"', 0xE2, &ctx.text.as_bytes()[s.span.start..pos]).is_some() {
        let before = &ctx.text[s.span.start..pos];
        let straight = memchr::memchr_iter(b'"', before.as_bytes()).count();
        if straight % 2 == 1 || before.matches('“').count() > before.matches('”').count() {
            return None;
        }
    }
    // "according to X" (the same for every figure of the sentence: `according`).
    if let Some(found) = according() {
        return Some(found);
    }
    // Verbs that are part of the figure's own phrase ("has claimed over 400 lives") attribute nothing.
    let attributes = |v: &&Span| !(v.end + 12 >= pos && v.start <= figure_end && ctx.text[v.start..v.end].starts_with("claim"));
    // The nearest speech verb before the figure, else the first one after it.
    let before = sentence_verbs.iter().filter(attributes).filter(|v| v.end <= pos);
    let after = sentence_verbs.iter().filter(attributes).filter(|v| v.start >= pos);
    for v in before.rev().chain(after) {
        let word = &ctx.text[v.start..v.end];
        if word.eq_ignore_ascii_case("according to") || word == "called" || word == "described" || passive(ctx.text, *v) {
            continue;
        }
        // "The ministry published the names of 21 people it said were killed": the pronoun
        // of a clause inside the victims' phrase is the sentence's opening subject, the
        // subject of its first verb.
        let v = if relative_pronoun(ctx, toks, *v) {
            match opening_verb(toks) {
                Some(first) if first.end <= v.start => first,
                _ => continue,
            }
        } else {
            *v
        };
        if let Some(sp) = attribution::subject_before_from(ctx, s.span, v, mem, Some(first)) {
            return Some((sp, subject_span(ctx, Span { start: s.span.start, end: v.start }, sp.name)));
        }
        // "… medical sources told Al Jazeera": the one told is no claimant.
        let told = matches!(&ctx.text[v.start..v.end], "told" | "tells");
        if !told && let Some(sp) = attribution::subject_after(ctx, s.span, v) {
            return Some((sp, subject_span(ctx, Span { start: v.end, end: s.span.end }, sp.name)));
        }
    }
    // No speech verb: the subject of a verb of counting before the figure ("Armenia's defence
    // ministry recorded another 40 casualties", "the ministry published the names of 30").
    // (The tokens before the figure are a prefix of the sentence's, found by binary search;
    // every verb of counting is of six to ten letters ending in "ed": most words fail that
    // before the list is read.)
    let before = &toks[..toks.partition_point(|t| t.end <= pos)];
    let tally = before.iter().rev().take(12).find(|t| is_tally_verb(t.text))?;
    let v = Span { start: tally.start, end: tally.end };
    if passive(ctx.text, v) {
        return None;
    }
    let sp = attribution::subject_before_from(ctx, s.span, v, mem, Some(first))?;
    Some((sp, subject_span(ctx, Span { start: s.span.start, end: v.start }, sp.name)))
}

/// Verbs by which a source counts the dead without a verb of speech.
const TALLY_VERBS: &[&str] = &["recorded", "registered", "documented", "counted", "published", "tallied", "listed", "verified"];

/// Whether `w` is one of [`TALLY_VERBS`]: its length and last two letters first.
fn is_tally_verb(w: &str) -> bool {
    (6..=10).contains(&w.len()) && w.ends_with("ed") && TALLY_VERBS.contains(&w)
}

/// Whether the speech verb `v` has a pronoun subject inside a noun phrase: "21 people it said
/// were killed", "civilians they say died" (a lower-case word right before the pronoun, no
/// punctuation or clause word between).
fn relative_pronoun(ctx: &DocCtx, toks: &[Token], v: Span) -> bool {
    // Most verbs have no "it" or "they" right before them (after spaces): answered from the
    // bytes before the verb, before its tokens are searched.
    let before = &ctx.text.as_bytes()[..v.start];
    let before = &before[..before.iter().rposition(|&c| c != b' ').map_or(0, |k| k + 1)];
    if !before.ends_with(b"it") && !before.ends_with(b"they") {
        return false;
    }
    let i = toks.partition_point(|t| t.start < v.start);
    let (Some(noun), Some(pronoun)) = (i.checked_sub(2).and_then(|k| toks.get(k)), i.checked_sub(1).and_then(|k| toks.get(k))) else {
        return false;
    };
    let lone = |a: usize, b: usize| ctx.text[a..b].bytes().all(|c| c == b' ');
    matches!(pronoun.text, "it" | "they")
        && noun.text.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(noun.text, "that" | "and" | "but" | "which" | "as" | "when" | "what" | "while" | "because" | "after" | "where")
        && lone(noun.end, pronoun.start)
        && lone(pronoun.end, v.start)
}

/// The first verb of a sentence, after its opening subject: the word after the first agent
/// noun ("ministry", "officials") among its first six words.
fn opening_verb(toks: &[Token]) -> Option<Span> {
    let head = toks.iter().take(6).position(|t| {
        let w = crate::text::strip_possessive(t.text);
        w.bytes().all(|b| b.is_ascii_alphabetic()) && attribution::AGENT_NOUNS.contains(&w.to_ascii_lowercase().as_str())
    })?;
    toks.get(head + 1).map(|t| Span { start: t.start, end: t.end })
}

/// Whether the verb at `v` is passive ("names were added", "deaths were reported"): it has
/// no speaker before it. The word before it (after spaces) is read once: a run of at most
/// five letters or digits with a byte before it, compared with each auxiliary.
fn passive(text: &str, v: Span) -> bool {
    let before = &text.as_bytes()[..v.start];
    let end = before.iter().rposition(|&c| c != b' ').map_or(0, |i| i + 1);
    let before = &before[..end];
    // None: six such bytes (no auxiliary is that long) or the text's start before a byte
    // that is none (an auxiliary must have a byte before it).
    // (Each byte told by one read of a table: most words before a verb are six letters long
    // at least, all six read.)
    let mut len = 0;
    while len < 6 && len < end && ASCII_ALPHANUMERIC[usize::from(before[end - 1 - len])] {
        len += 1;
    }
    if len == 6 || len == end {
        return false;
    }
    let word = &before[end - len..];
    PASSIVE_AUXILIARIES.iter().any(|aux| word.eq_ignore_ascii_case(aux))
}

/// Whether a byte is an ASCII letter or digit ([`u8::is_ascii_alphanumeric`]), by the byte.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// The auxiliaries of [`passive`].
const PASSIVE_AUXILIARIES: [&[u8]; 7] = [b"was", b"were", b"been", b"being", b"is", b"are", b"be"];

/// Word stems without which a sentence holds no casualty figure (found, in any case, by
/// [`super::cues::scan`]).
pub(crate) const CASUALTY_STEMS: &[&str] = &[
    "kill",
    "dead",
    "die",
    "death",
    "lives",
    "wound",
    "injur",
    "hurt",
    "fatalit",
    "slain",
    "perish",
    "toll",
    "lost",
    "fallen",
    "martyr",
    "destroyed",
    "eliminated",
    "neutrali",
    // "among the victims".
    "victim",
];

/// A claimant's name, one way however the sentence places it: a source named with an article
/// keeps it, written with a capital ("the civil defence agency said" and "The civil defence
/// agency said" are both "The civil defence agency"; "a medical source" is "A medical
/// source"), as the gold writes "The country’s attorney general". A name read from the text
/// whose "the" the subject rules left out gets it back; known actors keep their names.
/// `last`: the last claimant's name as read here and its id, which a claim of the same
/// claimant (most claims in a row) takes again instead of interning the name.
fn claimant_name<'a>(ctx: &DocCtx<'a>, name: &'a str, last: &mut Option<(&'a str, Id)>) -> Id {
    let text = ctx.text;
    // The name as a slice of the text, extended over a "the" right before it.
    let offset = (name.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    let name = match text.get(..offset).filter(|_| offset + name.len() <= text.len()) {
        Some(before) if before.ends_with("the ") || before.ends_with("The ") => {
            let at = offset - 4;
            let word_start = !text.as_bytes()[..at].last().is_some_and(u8::is_ascii_alphanumeric);
            if word_start { &text[at..offset + name.len()] } else { name }
        }
        _ => name,
    };
    interned_again(last, name, |n| ctx.intern_source(n))
}

/// A figure inside a quote without a claimant of its own is the speaker's: "There are more
/// than 2,000 dead on each side," the Russian leader said.
pub fn claimants_from_quotes(claims: &mut [Claim], quotes: &[crate::model::Quote]) {
    for c in claims.iter_mut().filter(|c| c.claimant.is_none()) {
        if let Some(q) = quotes.iter().find(|q| q.start <= c.start && c.end <= q.end && q.speaker.is_some()) {
            c.claimant =
                q.speaker.as_deref().and_then(|s| super::capitalised_article(s).map_or_else(|| q.speaker.clone(), |n| Some(Id::from(n))));
            c.claimant_side.clone_from(&q.speaker_side);
        }
    }
}

/// Extract the casualty claims of an article.
pub fn extract(ctx: &DocCtx, problems: &mut Vec<Problem>, path: &str) -> Vec<Claim> {
    let mut mem = Memory::default();
    // Cue positions of the whole text, found in one pass.
    let cues = &ctx.cues.casualty;
    // The thread's buffers (given back below; a panic in between only loses them).
    let Buffers { mut with_cue, mut lower, mut beyond, mut beyond_at, words: mut words_buf, mut scratch, figs: mut figs_buf, mut verbs } =
        BUFFERS.take();
    // The sentences holding a cue (sentences and cues are in text order), in room for every
    // sentence (an index each: no growth of the list).
    with_cue.clear();
    with_cue.reserve(ctx.sentences.len());
    let mut first_cue = 0;
    for (index, s) in ctx.sentences.iter().enumerate() {
        while cues.get(first_cue).is_some_and(|&c| c < s.span.start) {
            first_cue += 1;
        }
        if cues.get(first_cue).is_some_and(|&c| c < s.span.end) {
            with_cue.push(index);
        }
    }
    // Their words in lower case: slices of a copy of the text whose sentences with a cue are
    // lower-cased (ASCII case mapping keeps byte offsets), and for their tokens beyond ASCII,
    // slices of one string written once per article (`beyond`: each such token's index and
    // range in it, in text order). The tokens beyond ASCII are those holding a continuation
    // byte of the text's masks (every character beyond ASCII has one), found by bit scans.
    lower.clear();
    if !with_cue.is_empty() {
        lower.push_str(ctx.text);
    }
    beyond.clear();
    beyond_at.clear();
    // (A run of sentences with a cue one after another is read as one span, from the first
    // one's start to the last one's end: the bytes between them are in no token, and their
    // tokens are the run's sentences' tokens, one range.)
    let mut r = 0;
    while let Some(&first) = with_cue.get(r) {
        let mut last = first;
        r += 1;
        while with_cue.get(r) == Some(&(last + 1)) {
            last += 1;
            r += 1;
        }
        let (a, b) = (&ctx.sentences[first], &ctx.sentences[last]);
        let run = Span { start: a.span.start, end: b.span.end };
        // SAFETY: ASCII case mapping keeps the bytes valid UTF-8 (ASCII bytes into ASCII bytes).
        lowercase_ascii(unsafe { lower[run.start..run.end].as_bytes_mut() });
        let run_tokens = &ctx.tokens[..b.tokens.end];
        tokens_beyond_ascii(&ctx.masks, run, run_tokens, a.tokens.start, |k| {
            let from = beyond.len();
            push_lower(&mut beyond, run_tokens[k].text);
            beyond_at.push((k, from, beyond.len()));
        });
    }
    let mut next_beyond = 0;
    // The claims, in room for one per sentence with a cue (about as many as most articles
    // give: a claim is not copied as the list grows).
    let mut out: Vec<Claim> = Vec::with_capacity(with_cue.len());
    let (mut first_verb, mut first_phrase) = (0, 0);
    // The first place and actor matches and person name at or after the sentence's start
    // (which only move on from one sentence to the next).
    let (mut first_place, mut first_actor, mut first_person) = (0, 0, 0);
    // The last claimant's and side's ids ([`interned_again`]).
    let (mut last_claimant, mut last_side) = (None, None);
    // Sentences that `mem` has observed: it learns the ones before a sentence with figures
    // only when that sentence needs it, and never those after the last.
    let mut observed = 0;
    for &index in &with_cue {
        let s = &ctx.sentences[index];
        let text = &ctx.text[s.span.start..s.span.end];
        let toks = ctx.tokens_of(s);
        words_buf.clear();
        // The runs of tokens before each token beyond ASCII (most sentences have none: one
        // run) taken at once, then that token's words. (The lower-cased text's address and
        // length held by the closure, not read again through the string for every word.)
        // (Each word sliced without the checks of its bounds and character boundaries,
        // which cost more than the rest of its copy: see `lower_word`.)
        let lower_text: &str = &lower;
        // SAFETY: `lower` is `ctx.text` with the bytes of some of its spans ASCII-lower-cased
        // in place, and every token of `ctx.tokens` is a slice of `ctx.text` at its offsets.
        let word = move |t: &Token| unsafe { lower_word(lower_text, ctx.text, t) };
        let mut k = s.tokens.start;
        while let Some(&(at, from, to)) = beyond_at.get(next_beyond)
            && at < s.tokens.end
        {
            words_buf.extend(ctx.tokens[k..at].iter().map(word));
            words_buf.push(&beyond[from..to]);
            next_beyond += 1;
            k = at + 1;
        }
        words_buf.extend(ctx.tokens[k..s.tokens.end].iter().map(word));
        let words = &words_buf[..];
        figures(text, s.span.start, toks, words, &mut scratch, &mut figs_buf);
        let figs = &figs_buf[..];
        if figs.is_empty() {
            continue;
        }
        mem.observe_sentences(ctx, observed..index);
        observed = index;
        // The text's phrases from the first at or after the sentence's start (which only
        // moves on from one sentence to the next, as the verbs' below: no search per sentence).
        while ctx.cues.phrases.get(first_phrase).is_some_and(|p| p.0 < s.span.start) {
            first_phrase += 1;
        }
        let phrases = &ctx.cues.phrases[first_phrase..];
        // Worked out once per sentence, for all its figures. (Kept in cells of their values,
        // which are small and copied: worked out in place, not in a call of `OnceCell`'s.)
        let sentence_cues = std::cell::Cell::new(None);
        let cues = || {
            sentence_cues.get().unwrap_or_else(|| {
                let c = SentenceCues::from_first(phrases, s.span);
                sentence_cues.set(Some(c));
                c
            })
        };
        // The sentence's speech verbs, in a buffer that every sentence reuses.
        // (Found as `attribution::verbs_in` finds them, from the first verb at or after the
        // sentence's start, which only moves on from one sentence to the next.)
        while ctx.cues.verbs.get(first_verb).is_some_and(|v| v.start < s.span.start) {
            first_verb += 1;
        }
        verbs.clear();
        verbs.extend(ctx.cues.verbs[first_verb..].iter().take_while(|v| v.start < s.span.end).filter(|v| v.end <= s.span.end));
        while ctx.places.get(first_place).is_some_and(|m| m.start < s.span.start) {
            first_place += 1;
        }
        while ctx.actor_matches.get(first_actor).is_some_and(|m| m.start < s.span.start) {
            first_actor += 1;
        }
        while ctx.persons.get(first_person).is_some_and(|p| p.start < s.span.start) {
            first_person += 1;
        }
        let places = &ctx.places[first_place..];
        let actors = &ctx.actor_matches[first_actor..];
        let actors = &actors[..actors.iter().take_while(|a| a.start < s.span.end).count()];
        let whole_scope = std::cell::Cell::new(None);
        let according = std::cell::Cell::new(None);
        let according = || {
            according.get().unwrap_or_else(|| {
                let found = ACCORDING_TO.find(&lower.as_bytes()[s.span.start..s.span.end]).and_then(|i| {
                    attribution::according_to(ctx, Span { start: s.span.start + i + "according to".len(), end: s.span.end }, &mem)
                });
                according.set(Some(found));
                found
            })
        };
        // "… killed 13 people, bringing the toll since September 27 to 60": 13 is the
        // incident, 60 the running total.
        // (Also with one figure and a toll word: "lost 1,200 troops over the past day,
        // bringing its total losses since February 2022 to 505,490" reads no figure in the
        // clause, whose "since" is still not the incident's.)
        let split = if figs.len() > 1 || figs.len() == 1 && cues().toll { toll_clause(ctx.text, toks) } else { None };
        // The figure after one paired with it (below) is read with it.
        let mut paired = false;
        for i in 0..figs.len() {
            if std::mem::take(&mut paired) {
                continue;
            }
            // (The figures read where they are, not copied.)
            let f = &figs[i];
            // Pair "seven dead and 33 wounded" / "31 killed and 178 injured".
            let mut partner: Option<&Figure> = None;
            if let Some(g) = figs.get(i + 1)
                && g.kind != f.kind
                && g.number.first > f.number.last
                && (toks[f.number.last + 1..g.number.first].iter().any(|t| t.text == "and")
                    || g.number.first - f.number.last <= 3
                    // "10 civilians were killed, 34 were injured".
                    || f.last + 1 == g.number.first && ctx.text[toks[f.last].end..toks[g.number.first].start].trim() == ",")
                // "90 civilians, including 11 children, have been killed and 382 wounded": near
                // the first figure's casualty word when a clause stands inside its phrase.
                && (g.number.first - f.number.last <= 8 || g.number.first <= f.last + 3)
            {
                partner = Some(g);
                paired = true;
            }
            let (killed_fig, wounded_fig) = match (f.kind, partner) {
                (Kind::Killed, Some(g)) => (Some(f), Some(g)),
                (Kind::Wounded, Some(g)) => (Some(g), Some(f)),
                (Kind::Killed, None) => (Some(f), None),
                (Kind::Wounded, None) => (None, Some(f)),
            };
            let value = |x: Option<&Figure>| x.map(|x| x.number.value);
            let (killed, wounded) = (value(killed_fig), value(wounded_fig));
            if killed.unwrap_or(0) > MAX_FIGURE || wounded.unwrap_or(0) > MAX_FIGURE {
                problems.push(Problem {
                    path: path.into(),
                    message: format!(
                        "implausible casualty figure {} at byte {} ignored (limit {MAX_FIGURE})",
                        killed.unwrap_or(0).max(wounded.unwrap_or(0)),
                        toks[f.number.first].start
                    ),
                });
                continue;
            }
            let first = f.first.min(partner.map_or(f.first, |g| g.first));
            let last = f.last.max(partner.map_or(f.last, |g| g.last));
            let (start, end) = (toks[first].start, toks[last].end);
            let category = f
                .category
                .filter(|c| *c != Category::Unspecified)
                .or(partner.and_then(|g| g.category).filter(|c| *c != Category::Unspecified))
                .unwrap_or_else(|| {
                    if f.mixed && f.category.is_some() {
                        return Category::Unspecified;
                    }
                    let c = cues();
                    if c.civilian {
                        Category::Civilian
                    } else if c.military {
                        Category::Military
                    } else {
                        Category::Unspecified
                    }
                });
            // An earlier total has the day named right after it: "up from 710 on Monday".
            let day_after = f.earlier.then(|| {
                s.dates.iter().find_map(|d| match d.kind {
                    DateKind::Day(day, basis) if d.start >= end && d.start <= end + 16 => Some((Some(day), basis)),
                    _ => None,
                })
            });
            let claim_scope = {
                let in_part = |g: &Figure| match split {
                    Some(at) => (toks[g.first].start >= at) == (start >= at),
                    None => true,
                };
                let found = match split {
                    Some(at) if start >= at => Scope::Toll,
                    Some(at) if end <= at => {
                        let part = Span { start: s.span.start, end: at };
                        scope(ctx, s, part, SentenceCues::from_first(phrases, part))
                    }
                    _ => whole_scope.get().unwrap_or_else(|| {
                        let found = scope(ctx, s, s.span, cues());
                        whole_scope.set(Some(found));
                        found
                    }),
                };
                let increment = f.increment || partner.is_some_and(|g| g.increment);
                // A figure compared with an earlier one ("729 killed, up from 710") is a
                // running total, as is the earlier one.
                let compared = f.earlier || f.running || figs.iter().any(|g| g.earlier && g.kind == f.kind && in_part(g));
                match found {
                    Scope::Historical => Scope::Historical,
                    _ if increment => Scope::Incident,
                    _ if compared => Scope::Toll,
                    other => other,
                }
            };
            // A running total over a period ("between 7 October 2023 and 10 April 2024") is
            // dated by the period's end.
            let period = (claim_scope == Scope::Toll && !f.earlier).then(|| period_end(ctx, s, s.span)).flatten();
            let (date, date_basis) = match period {
                Some((end_day, basis)) => (Some(end_day), basis),
                None => day_after.flatten().unwrap_or((s.date, s.basis)),
            };
            let who = claimant(ctx, s, toks, Span { start, end }, (&mem, [first_actor, first_person]), &verbs, according);
            let place = claim_place(ctx, s.span, places, actors, Span { start, end }, who.as_ref().map(|w| w.1));
            let (claimant, claimant_side) = match &who {
                Some((sp, span)) => {
                    // A source unknown to the actor list that is "of" a country ("the Prosecutor
                    // General's Office of the Republic of Azerbaijan") is of that country's side.
                    let side = sp.side.or_else(|| {
                        (!sp.person)
                            .then(|| {
                                ctx.places_in(*span).find(|p| {
                                    let before = trim_end(&ctx.text[span.start..p.start]);
                                    ctx.gazetteer.places[p.item].kind == "country"
                                        && (before.ends_with(" of") || before.ends_with(" of the"))
                                })
                            })
                            .flatten()
                            .map(|p| ctx.gazetteer.places[p.item].name.as_str())
                    });
                    (
                        Some(claimant_name(ctx, sp.name, &mut last_claimant)),
                        side.map(|s| interned_again(&mut last_side, s, |s| ctx.intern(s))),
                    )
                }
                None => (None, None),
            };
            // (A sentence's later claims copy the text as its first claim shows it.)
            let sentence = match out.last() {
                Some(c) if c.sentence_start == s.span.start => c.sentence.clone(),
                // (Most sentences have no two white-space bytes in a row, told by the
                // text's masks: copied as they are, with no search for two spaces.)
                _ if !spaces_in_a_row(&ctx.masks, s.span) => text.to_owned(),
                _ => crate::text::single_spaced(text).into_owned(),
            };
            out.reserve(1);
            let len = out.len();
            let claim = Claim {
                article: ctx.article.clone(),
                killed,
                wounded,
                category,
                hedge: f.hedge,
                scope: claim_scope,
                place: place.map(|p| ctx.intern(p)),
                claimant,
                claimant_side,
                date,
                date_basis,
                start,
                end,
                sentence,
                sentence_start: s.span.start,
                sentence_end: s.span.end,
            };
            // The claim written in the list's room in place (its fields stored there as they
            // are made), not made on the stack and then copied in by `push`.
            // SAFETY: `reserve(1)` left room for one more claim after the `len` there are:
            // it is written there, then counted in.
            unsafe {
                out.as_mut_ptr().add(len).write(claim);
                out.set_len(len + 1);
            }
        }
    }
    // The buffers back to the thread, the words' emptied first (collected in place, in the
    // same allocation: their slices of this text are gone).
    words_buf.clear();
    let words = words_buf.into_iter().map(|_| -> &'static str { "" }).collect();
    BUFFERS.set(Buffers { with_cue, lower, beyond, beyond_at, words, scratch, figs: figs_buf, verbs });
    merge_headlines(ctx, &mut out);
    out
}

/// The lower-case word of token `t` of `text`: its bytes in `lower`, a copy of `text` whose
/// bytes are ASCII-lower-cased in place. A slice without the checks of its bounds and
/// character boundaries (checked in debug builds).
///
/// # Safety
/// `lower` has `text`'s length and its characters start where `text`'s do (ASCII case
/// mapping changes ASCII bytes into ASCII bytes only), and `t` is a token of `text` (`t.text`
/// is `text[t.start..t.end]`).
#[inline(always)]
unsafe fn lower_word<'a>(lower: &'a str, text: &str, t: &Token) -> &'a str {
    debug_assert!(lower.len() == text.len() && std::ptr::eq(t.text, &text[t.start..t.end]));
    // SAFETY: `t.start..t.end` is in bounds of `text`, so of `lower`, and at character
    // boundaries of `text`, so of `lower` (the caller's contract).
    unsafe { lower.get_unchecked(t.start..t.end) }
}

/// The continuation bytes (the bytes after the first of a character beyond ASCII) of `span`
/// in chunk `c` of the text whose [`text_masks`](crate::text::text_masks) are `masks`, as
/// the bits of the chunk (`c` one of the chunks that `span` reaches).
#[inline(always)]
fn continuation_bits(masks: &[crate::text::Masks], span: Span, c: usize) -> u64 {
    let base = 64 * c;
    let mut bits = masks.get(c).map_or(0, |m| m.continuation);
    if span.start > base {
        bits &= u64::MAX << (span.start - base);
    }
    if span.end < base + 64 {
        bits &= !(u64::MAX << (span.end - base));
    }
    bits
}

/// The positions of the continuation bytes of `span` ([`continuation_bits`]), in order: bit
/// scans of the masks, nothing read for an ASCII span but its masks.
#[cfg(test)]
fn continuation_bytes(masks: &[crate::text::Masks], span: Span) -> impl Iterator<Item = usize> + '_ {
    (span.start / 64..span.end.div_ceil(64)).flat_map(move |c| {
        let mut bits = continuation_bits(masks, span, c);
        std::iter::from_fn(move || {
            let bit = bits.trailing_zeros();
            (bits != 0).then(|| {
                bits &= bits - 1;
                64 * c + bit as usize
            })
        })
    })
}

/// `each` index of the tokens of `toks` from index `k` on that hold a character beyond ASCII
/// (those inside `span` of the text whose [`text_masks`](crate::text::text_masks) are
/// `masks`; `toks[k..]` are in text order and none before `k` reaches into `span`), in order:
/// the token holding each continuation byte of `span` found by bit scans of its chunks'
/// masks, the first from `k` that ends after it by a pass over the slice (the bytes of a
/// token found, or of no token, passed over at once, not one continuation byte at a time).
fn tokens_beyond_ascii(masks: &[crate::text::Masks], span: Span, toks: &[Token], mut k: usize, mut each: impl FnMut(usize)) {
    for c in span.start / 64..span.end.div_ceil(64) {
        // (Most chunks hold no character beyond ASCII: passed over by their mask alone, before
        // it is cut to the span.)
        if masks.get(c).is_none_or(|m| m.continuation == 0) {
            continue;
        }
        let base = 64 * c;
        let mut bits = continuation_bits(masks, span, c);
        while bits != 0 {
            let at = base + bits.trailing_zeros() as usize;
            let Some(skip) = toks[k..].iter().position(|t| t.end > at) else { return };
            k += skip;
            let t = &toks[k];
            // The bytes before the token's end (when it holds `at`) or start (no token holds
            // them) have no token of their own from `k` on.
            let past = if t.start <= at {
                each(k);
                k += 1;
                t.end
            } else {
                t.start
            };
            bits &= if past - base < 64 { u64::MAX << (past - base) } else { 0 };
        }
    }
}

/// `bytes` ASCII-lower-cased in place (as `make_ascii_lowercase`): sixteen bytes a step by
/// SSE2, the last sixteen overlapping the step before (lower-casing twice is lower-casing
/// once: no tail byte by byte); fewer than sixteen bytes byte by byte.
fn lowercase_ascii(bytes: &mut [u8]) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if bytes.len() >= 16 {
        let n = bytes.len();
        let (blocks, rest) = bytes.as_chunks_mut::<16>();
        let whole = rest.is_empty();
        for c in blocks {
            // SAFETY: the build enables SSE2 (the `cfg` above), the only target feature
            // `lowercase_sixteen` needs.
            unsafe { lowercase_sixteen(c) };
        }
        if !whole && let Some(last) = bytes.last_chunk_mut::<16>() {
            // SAFETY: as above.
            unsafe { lowercase_sixteen(last) };
        }
        debug_assert!(bytes.len() == n);
        return;
    }
    bytes.make_ascii_lowercase();
}

/// Sixteen bytes ASCII-lower-cased in place by SSE2: 'A'..='Z' are the only bytes that an
/// add of 0x3F moves below -102 (to -128..=-103, as signed bytes), each given its 0x20.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn lowercase_sixteen(c: &mut [u8; 16]) {
    use std::arch::x86_64::{_mm_add_epi8, _mm_and_si128, _mm_cmpgt_epi8, _mm_or_si128, _mm_set1_epi8, _mm_storeu_si128};
    let v = crate::text::sixteen(c);
    let upper = _mm_cmpgt_epi8(_mm_set1_epi8(-102), _mm_add_epi8(v, _mm_set1_epi8(0x3F)));
    let v = _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
    // SAFETY: `c` is sixteen bytes that may be written, written unaligned.
    unsafe { _mm_storeu_si128(c.as_mut_ptr().cast(), v) };
}

/// Whether `span` of the text whose [`text_masks`](crate::text::text_masks) are `masks` has
/// two white-space bytes in a row (two spaces are two, so a span without has none): the
/// bits of its chunks' white space, each and the one before it (the last of the chunk
/// before carried over), nothing read but its masks. Only the first chunk is cut to the
/// span's start and only the last to its end (the chunks between lie in it whole); a span
/// that reaches past the masks has them (as [`spaces_in_a_row_by_chunks`], chunk by chunk,
/// answers).
fn spaces_in_a_row(masks: &[crate::text::Masks], span: Span) -> bool {
    let (first, last) = (span.start / 64, span.end.div_ceil(64));
    if first >= last {
        return false;
    }
    let Some(chunks) = masks.get(first..last) else { return true };
    // Bits from the start on in the first chunk, below the end in the last (all of them when
    // the end is the last chunk's end).
    let from_start = u64::MAX << (span.start % 64);
    let below_end = u64::MAX >> ((64 - span.end % 64) % 64);
    let in_a_row = |bits: u64, carry: u64| bits & (bits << 1 | carry) != 0;
    let [head, middle @ .., tail] = chunks else {
        // One chunk: cut at both ends.
        return chunks.first().is_some_and(|m| in_a_row(m.space & from_start & below_end, 0));
    };
    let bits = head.space & from_start;
    if in_a_row(bits, 0) {
        return true;
    }
    let mut carry = bits >> 63;
    for m in middle {
        if in_a_row(m.space, carry) {
            return true;
        }
        carry = m.space >> 63;
    }
    in_a_row(tail.space & below_end, carry)
}

/// [`spaces_in_a_row`] read chunk by chunk, each cut to the span: the proptest's reference.
#[cfg(test)]
fn spaces_in_a_row_by_chunks(masks: &[crate::text::Masks], span: Span) -> bool {
    let mut carry = 0;
    for c in span.start / 64..span.end.div_ceil(64) {
        let base = 64 * c;
        let Some(m) = masks.get(c) else { return true };
        let mut bits = m.space;
        if span.start > base {
            bits &= u64::MAX << (span.start - base);
        }
        if span.end < base + 64 {
            bits &= !(u64::MAX << (span.end - base));
        }
        if bits & (bits << 1 | carry) != 0 {
            return true;
        }
        carry = bits >> 63;
    }
    false
}

/// For each character of two bytes in UTF-8 (U+0080 to U+07FF, by its code point's eleven
/// bits, so also the overlong forms, which no `str` holds), the code point of its lower case
/// when that is one character of two bytes too, as [`char::to_lowercase`] gives it; 0 for
/// the others and for 'Σ' (whose lower case depends on where it stands in a word), which
/// [`push_lower`] lower-cases by `to_lowercase`. Made once, from `to_lowercase` itself.
static LOWER_OF_TWO_BYTES: std::sync::LazyLock<[u16; 0x800]> = std::sync::LazyLock::new(|| {
    let mut t = [0u16; 0x800];
    for (cp, low) in t.iter_mut().enumerate().skip(0x80) {
        let Some(c) = char::from_u32(cp as u32).filter(|&c| c != 'Σ') else { continue };
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next())
            && (0x80..0x800).contains(&u32::from(l))
        {
            *low = u32::from(l) as u16;
        }
    }
    t
});

/// Appends `word` in lower case (as `str::to_lowercase`) with '’' as '\'' to `out`: its
/// bytes read one by one in a single pass, an ASCII byte written lower-cased and a '’' (most
/// of the characters beyond ASCII, as in "Azerbaijan’s") as '\'' at once, any other character
/// beyond ASCII decoded and lower-cased, without a string per word; a word with a capital
/// sigma, which lower-cases by where it stands in the word, as the whole word.
fn push_lower(out: &mut String, word: &str) {
    let start = out.len();
    let b = word.as_bytes();
    let mut i = 0;
    {
        // SAFETY: what is written below is ASCII bytes and the UTF-8 of whole characters, so
        // `out` holds valid UTF-8 whenever this borrow ends.
        let v = unsafe { out.as_mut_vec() };
        v.reserve(b.len());
        while let Some(&c) = b.get(i) {
            if c.is_ascii() {
                v.push(c.to_ascii_lowercase());
                i += 1;
            } else if b[i..].starts_with(CURLY_APOSTROPHE) {
                v.push(b'\'');
                i += CURLY_APOSTROPHE.len();
            } else if let Some(&[lead @ 0xC2..=0xDF, next]) = b.get(i..i + 2)
                && let low = LOWER_OF_TWO_BYTES[usize::from(lead & 0x1F) << 6 | usize::from(next & 0x3F)]
                && low != 0
            {
                // A character of two bytes whose lower case is one of two bytes (Cyrillic,
                // Armenian, Greek, most of the Latin letters beyond ASCII), from the table.
                v.extend_from_slice(&[0xC0 | (low >> 6) as u8, 0x80 | (low & 0x3F) as u8]);
                i += 2;
            } else {
                // (`i` is at the first byte of a character: every byte before it was read
                // as a whole ASCII byte or character.)
                let Some(ch) = word[i..].chars().next() else { break };
                if ch == 'Σ' {
                    // (Met on the way, not searched for before it: what was written of the
                    // word is taken back.)
                    v.truncate(start);
                    break;
                }
                let mut buf = [0; 4];
                for l in ch.to_lowercase() {
                    v.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
                i += ch.len_utf8();
            }
        }
    }
    if i < b.len() {
        out.extend(word.to_lowercase().chars().map(|c| if c == '’' { '\'' } else { c }));
    }
}

/// Whether sentence `span` is a heading: a line of its own (a title, a live blog's
/// subheading, a key point in a list) of at most 30 words that does not end like a sentence.
/// `title`: the article's first sentence.
/// (Inlined where it is asked: most sentences, told by their last byte, cost no call.)
#[inline(always)]
fn is_heading(text: &str, span: Span, title: bool) -> bool {
    // Most sentences end like one: answered before the line is looked at (by the last byte
    // first, which is mostly a full stop).
    !text.as_bytes()[span.start..span.end].last().is_some_and(|b| matches!(b, b'.' | b'!' | b'?' | b':' | b';' | b',' | b'"'))
        && is_heading_line(text, span, title)
}

/// [`is_heading`] of a sentence whose last byte ends none.
#[inline(never)]
fn is_heading_line(text: &str, span: Span, title: bool) -> bool {
    if text[span.start..span.end].trim_end().ends_with(['.', '!', '?', ':', ';', ',', '"', '”']) {
        return false;
    }
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    let decoration = |c: char| c.is_whitespace() || matches!(c, '#' | '*' | '_' | '-' | '•' | '–' | '—');
    if !text[line_start..span.start].chars().all(decoration) || !text[span.end..line_end].chars().all(decoration) {
        return false;
    }
    // Lines of hard-wrapped text are no headings: a heading stands before a blank line (or
    // at the end), in a list of points, or is the title, over text that opens a line anew.
    let next_line = text[line_end..].strip_prefix('\n').unwrap_or("");
    let next = next_line.trim_start_matches([' ', '\t', '\r']);
    let bullet = |t: &str| t.trim_start().starts_with(['-', '•', '*', '–']);
    let stands_alone = next.is_empty() || next.starts_with('\n') || bullet(&text[line_start..span.end]) || bullet(next);
    let title_over_text = title && !next.starts_with(char::is_lowercase);
    if !stands_alone && !title_over_text {
        return false;
    }
    let t = text[span.start..span.end].trim_end_matches(decoration);
    let mut ends = t.chars().rev();
    let last = ends.next();
    let closes_sentence = |c: Option<char>| matches!(c, Some('.' | '!' | '?' | ':' | ';' | ',' | '…'));
    let quoted_end = matches!(last, Some('"' | '”' | '’' | '\'')) && closes_sentence(ends.next());
    last.is_some() && !closes_sentence(last) && !quoted_end && t.split_whitespace().count() <= 30
}

/// A headline's figures counted once: a claim in a heading (the title, or a subheading of a
/// live blog) that the text under it restates (same killed and wounded figures, no other
/// category, place or kind of scope) is merged into that restatement, which has the
/// claimant and the full sentence; the restatement takes the headline's place and category
/// when it names none. A figure only the headline gives stays. Under the title is the whole
/// article; under another heading, the text up to the next heading that follows some text.
/// A heading restated by a later heading (key points over a live blog, a title repeated as
/// the first line) is merged into that one.
fn merge_headlines(ctx: &DocCtx, claims: &mut Vec<Claim>) {
    let first_sentence = ctx.sentences.first().map(|s| s.span.start);
    let heading =
        |c: &Claim| is_heading(ctx.text, Span { start: c.sentence_start, end: c.sentence_end }, Some(c.sentence_start) == first_sentence);
    if claims.len() < 2 || !claims.iter().any(heading) {
        return;
    }
    let mut drop = vec![false; claims.len()];
    for h in 0..claims.len() {
        if !heading(&claims[h]) {
            continue;
        }
        let section_end = if Some(claims[h].sentence_start) == first_sentence {
            ctx.text.len()
        } else {
            // The next heading after some text: headings in a row (a time and a subheading,
            // a list of key points) share the text under the last of them.
            let next = ctx.sentences.partition_point(|s| s.span.start < claims[h].sentence_end);
            let mut under = false;
            ctx.sentences[next..]
                .iter()
                .find(|s| {
                    let is = is_heading(ctx.text, s.span, false);
                    under |= !is;
                    is && under
                })
                .map_or(ctx.text.len(), |s| s.span.start)
        };
        let hc = &claims[h];
        // In the text under the heading; else in a later heading (a key point at the top of
        // a live blog restated by an entry's subheading, a title repeated as the first line).
        let same = |b: &Claim, in_heading: bool| {
            let fits = |x: Option<u64>, y: Option<u64>| x.is_none() || x == y;
            let agree = |x: Option<&Id>, y: Option<&Id>| x.is_none() || y.is_none() || x == y;
            b.sentence_start >= hc.sentence_end
                && (in_heading || b.sentence_start < section_end)
                && fits(hc.killed, b.killed)
                && fits(hc.wounded, b.wounded)
                && (hc.category == b.category || hc.category == Category::Unspecified || b.category == Category::Unspecified)
                && agree(hc.place.as_ref(), b.place.as_ref())
                && (hc.scope == Scope::Historical) == (b.scope == Scope::Historical)
                && heading(b) == in_heading
        };
        if let Some(b) = claims.iter().position(|b| same(b, false)).or_else(|| claims.iter().position(|b| same(b, true))) {
            let (place, category) = (claims[h].place.clone(), claims[h].category);
            let body = &mut claims[b];
            if body.place.is_none() {
                body.place = place;
            }
            if body.category == Category::Unspecified {
                body.category = category;
            }
            drop[h] = true;
        }
    }
    let mut k = 0;
    claims.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dateline pattern as it was written with bounded tags: what [`dateline_lead`] must
    /// give.
    static BOUNDED_LEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*(?:\([A-Z][\w .]{0,30}\)|[A-Z][A-Z'’./ -]*[A-Z](?:,[ \t]*[A-Z][\w'’.]*(?: [A-Z][\w'’.]*)*)*(?:[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?(?:[ \t]*\([\w .]{1,30}\))?)[ \t]*(?:—|–|-|--)[ \t]")
            .unwrap_or_else(|e| panic!("{e}"))
    });

    #[test]
    fn dateline_leads_with_tags_of_every_length() {
        for n in 0..40 {
            let tag = "a".repeat(n);
            for text in [
                format!("(B{tag}) – shelling hit the town."),
                format!("BAKU, Azerbaijan (A{tag}) — Shelling"),
                format!("BAKU, Oct. 28 ({tag}) - Shelling"),
                format!("BAKU ({tag}) - x"),
                format!("(Б{tag}) - x"),
            ] {
                assert_eq!(dateline_lead(&text), BOUNDED_LEAD.find(&text).map(|m| m.end()), "{text:?}");
            }
        }
    }

    /// [`passive`] as it was written first: each auxiliary compared at the end of the text
    /// before the verb.
    fn passive_plain(text: &str, v: Span) -> bool {
        let before = text[..v.start].trim_end_matches(' ').as_bytes();
        PASSIVE_AUXILIARIES.iter().any(|aux| {
            before.len() > aux.len()
                && before[before.len() - aux.len()..].eq_ignore_ascii_case(aux)
                && !before[before.len() - aux.len() - 1].is_ascii_alphanumeric()
        })
    }

    /// Every character of two bytes, alone and inside a word, is lowered as `to_lowercase`
    /// lowers it (through [`LOWER_OF_TWO_BYTES`] or past it).
    #[test]
    fn characters_of_two_bytes_lowered_by_table_are_to_lowercase() {
        for c in (0x80..0x800).filter_map(char::from_u32) {
            for w in [c.to_string(), format!("A{c}b{c}")] {
                let mut out = String::from("x");
                push_lower(&mut out, &w);
                assert_eq!(out, format!("x{}", w.to_lowercase()), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn words_lowered_char_by_char_are_the_whole_word_lowered(w in "[a-zA-ZΣσİÀ-ÿА-яԱ-և’'-]{0,8}") {
            let mut out = String::new();
            push_lower(&mut out, &w);
            proptest::prop_assert_eq!(out, w.to_lowercase().replace('’', "'"));
        }

        #[test]
        fn any_text_lowered_byte_by_byte_is_the_whole_text_lowered(before in "\\PC{0,3}", w in "\\PC{0,12}") {
            let mut out = before.clone();
            push_lower(&mut out, &w);
            proptest::prop_assert_eq!(out, before + &w.to_lowercase().replace('’', "'"));
        }

        #[test]
        fn passive_by_the_word_before_is_the_plain_reading(parts in proptest::collection::vec(0usize..13, 0..8)) {
            const PARTS: &[&str] = &["was", "WERE", "been", "being", "is", "Are", "be", " ", "  ", "x", "names", ",", "ğ"];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect::<String>() + "reported";
            let v = Span { start: text.len() - "reported".len(), end: text.len() };
            proptest::prop_assert_eq!(passive(&text, v), passive_plain(&text, v));
        }

        #[test]
        fn dateline_lead_is_the_bounded_pattern(parts in proptest::collection::vec(0usize..36, 0..14)) {
            const PARTS: &[&str] = &[
                "(", ")", "Reuters", "AP", " ", "BAKU", ", ", "Azerbaijan", "Oct.", "28", " — ", " - ", "aaaaaaaaaaaaaaa", "Ağdam", "\t", "x",
                "’", "'", "/", ".", "–", "--", "-", "1", "2020", ",", "Б", "٣", "_", "B", "C D", " 7, 2023", "\u{a0}", "Ukraine", "(AP)", "’s",
            ];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            proptest::prop_assert_eq!(dateline_lead(&text), BOUNDED_LEAD.find(&text).map(|m| m.end()));
        }

        #[test]
        fn incident_words_by_table_are_the_list(w in "[a-zA-Z0-9ğ]{0,17}", k in 0usize..INCIDENT_WORDS.len(), upper in proptest::bool::ANY) {
            let listed = |w: &str| INCIDENT_WORDS.iter().any(|i| w.eq_ignore_ascii_case(i));
            proptest::prop_assert_eq!(is_incident_word(&w), listed(&w));
            let word = if upper { INCIDENT_WORDS[k].to_ascii_uppercase() } else { INCIDENT_WORDS[k].to_string() };
            proptest::prop_assert!(is_incident_word(&word));
        }

        #[test]
        fn tally_verbs_by_length_and_ending_are_the_list(w in "[a-zé]{0,6}(ed)?", k in 0usize..TALLY_VERBS.len()) {
            proptest::prop_assert_eq!(is_tally_verb(&w), TALLY_VERBS.contains(&w.as_str()));
            proptest::prop_assert!(is_tally_verb(TALLY_VERBS[k]));
        }

        #[test]
        fn months_by_table_are_the_list(w in "[a-zA-Z.ğ]{0,11}", k in 0usize..MONTH_NAMES.len()) {
            let listed = |w: &str| MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(w.trim_end_matches('.')));
            proptest::prop_assert_eq!(is_month(&w), listed(&w));
            proptest::prop_assert!(is_month(&MONTH_NAMES[k].to_ascii_lowercase()));
            // A month's head with other letters after it ("octopus", "Mars", "sep.").
            let headed: String = MONTH_NAMES[k][..3].chars().chain(w.chars().take(4)).collect();
            proptest::prop_assert_eq!(is_month(&headed), listed(&headed));
        }

        #[test]
        fn ages_read_after_the_window_test_are_the_plain_reading(parts in proptest::collection::vec(0usize..12, 1..10), at in 0usize..10) {
            const WORDS: &[&str] = &["aged", "ages", "age", "agenda", "to", "and", "between", "5", "12", "two", "people", "children"];
            let words: Vec<&str> = parts.iter().map(|&i| WORDS[i]).collect();
            let first = at % words.len();
            let n = Number { value: 1, first, last: first, vague: Vague::Exact };
            // The reading without the window test.
            let plain = {
                let number = |w: &str| w.bytes().all(|b| b.is_ascii_digit()) || super::super::numbers::word_value(w).is_some();
                let mut k = n.first;
                while k > 0 && n.first - k < 4 && (matches!(words[k - 1], "to" | "and" | "between") || number(words[k - 1])) {
                    k -= 1;
                }
                k > 0 && matches!(words[k - 1], "aged" | "ages" | "age") && words.get(n.last + 1).is_none_or(|w| category_word(w).is_none())
            };
            proptest::prop_assert_eq!(is_age(&words, &n), plain);
        }

        #[test]
        fn rfind_bytes_finds_the_last_occurrence(hay in "[ab Ağ]{0,40}", needle in "[ab Ağ]{0,4}") {
            proptest::prop_assert_eq!(rfind_bytes(hay.as_bytes(), needle.as_bytes()), memchr::memmem::rfind(hay.as_bytes(), needle.as_bytes()));
        }
    }

    /// [`hedge_before`] as one match of the three words before the figure, arm by arm.
    fn hedge_before_plain(words: &[&str], first: usize) -> (Hedge, usize) {
        let w = |k: usize| words.get(first.wrapping_sub(k)).copied().unwrap_or_default();
        match (w(3), w(2), w(1)) {
            (_, "at", "least") | ("no", "fewer", "than") | ("not", "less", "than") | ("no", "less", "than") => (Hedge::AtLeast, 2),
            (_, "more", "than") | (_, "upwards", "of") | ("in", "excess", "of") | (_, "greater", "than") => (Hedge::MoreThan, 2),
            (_, "up", "to") | ("as", "many", "as") => (Hedge::UpTo, 2),
            (_, "close", "to") => (Hedge::About, 2),
            (_, _, "over" | "above" | "exceeded" | "exceeds" | "passed" | "passes" | "topped" | "tops" | "surpassed" | "surpasses") => {
                (Hedge::MoreThan, 1)
            }
            (_, _, "approaching" | "approaches" | "nearing" | "nears" | "neared") => (Hedge::About, 1),
            (_, _, "about" | "around" | "some" | "approximately" | "roughly" | "nearly" | "almost" | "estimated" | "approx" | "circa") => {
                (Hedge::About, 1)
            }
            _ => (Hedge::Exact, 0),
        }
    }

    proptest::proptest! {
        #[test]
        fn trim_end_by_bytes_is_strs(text in "\\PC{0,12}", parts in proptest::collection::vec(0usize..10, 0..8)) {
            const PARTS: &[&str] = &[" ", "\t", "\u{b}", "\u{c}", "\u{a0}", "\u{2003}", "from", "é", "\u{85}", "\r\n"];
            for t in [text.clone(), parts.iter().map(|&i| PARTS[i]).collect::<String>()] {
                proptest::prop_assert_eq!(trim_end(&t), t.trim_end(), "{:?}", t);
            }
        }

        #[test]
        fn currency_by_bytes_is_ends_with(w in "[a-z1 €£$¢₤\u{a0}’]{0,6}") {
            proptest::prop_assert_eq!(ends_with_currency(w.as_bytes()), w.ends_with(['€', '£']));
        }
    }

    proptest::proptest! {
        /// The words' tables of first letters and lengths pass every word of their lists.
        #[test]
        fn casualty_and_category_words_by_table_are_the_match(
            w in "[a-zA-Z’' -]{0,16}",
            k in 0usize..CASUALTY_WORDS.len(),
            c in 0usize..CATEGORY_WORDS.len(),
            v in 0usize..SINGLE_VICTIMS.len(),
        ) {
            let category_plain = |w: &str| category_match(w).or_else(|| SINGLE_VICTIMS.iter().find(|(v, _)| *v == w).map(|&(_, c)| c));
            for w in [w.as_str(), CASUALTY_WORDS[k], CATEGORY_WORDS[c], SINGLE_VICTIMS[v].0] {
                proptest::prop_assert_eq!(casualty_word(w), casualty_match(w));
                proptest::prop_assert_eq!(category_word(w), category_plain(w));
            }
            proptest::prop_assert!(casualty_word(CASUALTY_WORDS[k]).is_some());
            proptest::prop_assert!(category_word(CATEGORY_WORDS[c]).is_some());
            proptest::prop_assert_eq!(category_word(SINGLE_VICTIMS[v].0), Some(SINGLE_VICTIMS[v].1));
        }
    }

    #[test]
    fn walk_words_pass_their_table() {
        for w in WALK_WORDS {
            assert!(may_match(&WALK_FIRSTS, w));
        }
    }

    proptest::proptest! {
        #[test]
        fn units_after_by_table_are_the_match(w in "[a-zA-Z’' -]{0,12}", u in 0usize..UNITS_AFTER.len()) {
            for w in [w.as_str(), UNITS_AFTER[u]] {
                proptest::prop_assert_eq!(is_unit_after(w), unit_after_match(w).is_some());
            }
            proptest::prop_assert!(is_unit_after(UNITS_AFTER[u]));
        }
    }

    /// [`part_of_a_kind`] read word by word over the window, as it was written first.
    fn part_of_a_kind_by_words(words: &[&str], nums_at: &[(usize, usize)], n_last: usize, window: usize) -> bool {
        let part_number = nums_at.iter().any(|&(_, l)| l + 1 >= n_last + 2 && l + 1 < window + 4);
        part_number
            && (n_last + 1..window).any(|k| {
                words[k] == "including"
                    && (k + 1..words.len().min(k + 5)).any(|i| {
                        nums_at.iter().any(|&(_, last)| last + 1 == i)
                            && matches!(
                                words[i],
                                "civilians" | "non-combatants" | "soldiers" | "servicemen" | "troops" | "combatants" | "fighters"
                            )
                    })
            })
    }

    proptest::proptest! {
        #[test]
        fn part_of_a_kind_from_the_numbers_is_the_word_by_word_reading(
            parts in proptest::collection::vec(0usize..8, 1..16),
            spans in proptest::collection::vec((0usize..16, 0usize..3), 0..5),
            at in 0usize..16,
            extra in 0usize..10,
        ) {
            const WORDS: &[&str] = &["including", "civilians", "soldiers", "fighters", "people", "12", "of", "ğ"];
            let words: Vec<&str> = parts.iter().map(|&i| WORDS[i]).collect();
            let n_last = at % words.len();
            let nums_at: Vec<(usize, usize)> = spans.iter().map(|&(f, d)| (f, f + d)).collect();
            let window = words.len().min(n_last + extra);
            proptest::prop_assert_eq!(
                part_of_a_kind(&words, &nums_at, n_last, window),
                part_of_a_kind_by_words(&words, &nums_at, n_last, window)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn hedges_by_the_word_before_are_the_plain_match(parts in proptest::collection::vec(0usize..24, 0..6), at in 0usize..8) {
            const WORDS: &[&str] = &[
                "at", "least", "no", "fewer", "not", "less", "than", "more", "upwards", "of", "in", "excess", "greater", "up", "to",
                "as", "many", "close", "over", "tops", "nearing", "about", "circa", "12",
            ];
            let words: Vec<&str> = parts.iter().map(|&i| WORDS[i]).collect();
            proptest::prop_assert_eq!(hedge_before(&words, at), hedge_before_plain(&words, at));
        }
    }

    proptest::proptest! {
        /// The tokens holding a continuation byte of the masks are the tokens beyond ASCII,
        /// in any span of a text.
        #[test]
        fn lowercase_ascii_is_make_ascii_lowercase(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..80), text in "[a-zA-Z0-9 ,.’ÀÉİΣЖ@\\[`{]{0,40}") {
            let mut plain = bytes.clone();
            plain.make_ascii_lowercase();
            let mut fast = bytes;
            lowercase_ascii(&mut fast);
            proptest::prop_assert_eq!(fast, plain);
            let mut plain = text.clone().into_bytes();
            plain.make_ascii_lowercase();
            let mut fast = text.into_bytes();
            lowercase_ascii(&mut fast);
            proptest::prop_assert_eq!(fast, plain);
        }

        #[test]
        fn spaces_in_a_row_are_found_where_two_spaces_are(
            parts in proptest::collection::vec(0usize..9, 0..60),
            cut in 0usize..200,
            len in 0usize..200,
        ) {
            const PARTS: &[&str] = &[" ", "  ", "a", "Ганджа", "\n", "\t", "\u{a0}", "\u{2003}", "killed,"];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let start = crate::text::floor_boundary(&text, cut.min(text.len()));
            let end = crate::text::floor_boundary(&text, (start + len).min(text.len()));
            let masks = crate::text::text_masks(&text);
            let in_a_row = spaces_in_a_row(&masks, Span { start, end });
            // As read chunk by chunk, and so for any span, one past the masks too.
            proptest::prop_assert_eq!(in_a_row, spaces_in_a_row_by_chunks(&masks, Span { start, end }));
            let (any_start, any_end) = (cut.min(start + len), start + len);
            proptest::prop_assert_eq!(
                spaces_in_a_row(&masks, Span { start: any_start, end: any_end }),
                spaces_in_a_row_by_chunks(&masks, Span { start: any_start, end: any_end })
            );
            // None in a row: no two spaces, the sentence is its own single-spaced text.
            proptest::prop_assert!(in_a_row || !text[start..end].contains("  "));
            // In ASCII text, exactly where two white-space bytes are.
            let white = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
            if text[start..end].is_ascii() {
                proptest::prop_assert_eq!(in_a_row, text.as_bytes()[start..end].windows(2).any(|w| white(&w[0]) && white(&w[1])));
            }
        }

        #[test]
        fn continuation_bytes_find_the_tokens_beyond_ascii(
            parts in proptest::collection::vec(0usize..10, 0..40),
            cut in 0usize..200,
            len in 0usize..200,
        ) {
            const PARTS: &[&str] = &["Azerbaijan", "’s", " ", "Ганджа", "é", "12", ",", "K", "\u{212a}m", "a"];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let mut start = cut.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let span = Span { start, end };
            let masks = crate::text::text_masks(&text);
            let mut toks = Vec::new();
            crate::text::tokens_in(&text, &masks, span, &mut toks);
            let plain: Vec<usize> = (0..toks.len()).filter(|&k| !toks[k].text.is_ascii()).collect();
            let mut found = Vec::new();
            let mut k = 0;
            for at in continuation_bytes(&masks, span) {
                while k < toks.len() && toks[k].end <= at {
                    k += 1;
                }
                let Some(t) = toks.get(k) else { break };
                if t.start <= at {
                    found.push(k);
                    k += 1;
                }
            }
            proptest::prop_assert_eq!(&found, &plain);
            // As `extract` walks them, from any first token.
            for from in [0, cut % (toks.len() + 1)] {
                let mut walked = Vec::new();
                tokens_beyond_ascii(&masks, span, &toks, from, |k| walked.push(k));
                let plain_from: Vec<usize> = plain.iter().copied().filter(|&k| k >= from).collect();
                proptest::prop_assert_eq!(walked, plain_from);
            }
            let beyond: Vec<usize> = (start..end).filter(|&i| text.as_bytes()[i] & 0xC0 == 0x80).collect();
            proptest::prop_assert_eq!(continuation_bytes(&masks, span).collect::<Vec<_>>(), beyond);
        }
    }

    #[test]
    fn the_alphanumeric_table_is_the_ascii_test() {
        assert!((0..=255u8).all(|c| ASCII_ALPHANUMERIC[usize::from(c)] == c.is_ascii_alphanumeric()));
    }

    #[test]
    fn toll_gerunds_have_their_lengths() {
        assert!(TOLL_GERUNDS.iter().all(|w| GERUND_LENGTHS.contains(&w.len())));
    }

    /// [`toll_clause`] as it was written first: every token read for a gerund after a comma.
    fn toll_clause_by_tokens(text: &str, toks: &[Token]) -> Option<usize> {
        let is = |t: &Token, words: &[&str]| words.iter().any(|w| t.text.eq_ignore_ascii_case(w));
        (1..toks.len()).find_map(|i| {
            let t = &toks[i];
            let found = t.text.len() >= 6
                && t.text.as_bytes().last_chunk() == Some(b"ing")
                && is(t, TOLL_GERUNDS)
                && text[toks[i - 1].end..t.start].contains(',')
                && toks[i + 1..toks.len().min(i + 6)].iter().any(|w| is(w, TOLL_NOUNS));
            found.then_some(t.start)
        })
    }

    proptest::proptest! {
        /// The toll clause read by the lengths of tokens is the one read from every token, in
        /// any part of any text.
        #[test]
        fn toll_clauses_by_lengths_are_those_of_every_token(
            parts in proptest::collection::vec(0usize..20, 0..40),
            other in "[a-zA-Z0-9,. é’Ж]{0,40}",
            cut in 0usize..8,
        ) {
            const PARTS: &[&str] = &[
                "bringing", "Raising", "taking", "the", "toll", "TOTAL", "number", "of", "dead", "to", "60", "1,200", ",", ", ",
                " ", ",,", "é", "killed", "’s", "putting",
            ];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect::<String>() + &other;
            let toks = crate::text::tokens(&text, 0);
            for from in [0, cut.min(toks.len())] {
                let part = &toks[from..];
                proptest::prop_assert_eq!(toll_clause(&text, part), toll_clause_by_tokens(&text, part));
            }
        }
    }

    #[test]
    fn numbered_nouns_pass_their_table() {
        assert!(NUMBERED_NOUNS.iter().all(|w| may_be_in(&NUMBERED_STARTS, w)));
    }

    #[test]
    fn sentence_cues_are_whole_words_in_any_case() {
        let of = |text: &str| SentenceCues::from_first(&crate::extract::cues::scan(text).phrases, Span { start: 0, end: text.len() });
        let c = of("The war has killed 40 civilians, officials said.");
        assert!(c.toll && c.civilian && !c.history && !c.military);
        // Inside longer words they say nothing ("tollbooth", "sinceer", "troopship").
        let c = of("At the tollbooth, a troopship; sinceer.");
        assert!(!c.toll && !c.military);
        let c = of("In the First Nagorno-Karabakh War some 30,000 died.");
        assert!(c.history && !c.toll);
        // Overlapping phrases all count: "in total" and "total of" share a word.
        let c = of("In total of military personnel ...");
        assert!(c.toll && c.military);
        let c = of("BY NOW, 12 soldiers");
        assert!(c.toll && c.military);
    }
}
