//! Numbers in digits and words: `1,165`, `30,000`, `seven`, `twenty-five`, `a dozen`,
//! `two hundred and fifty`, `1.5 million`; and the vague ones, which say how exact they are
//! ([`Vague`]): `a dozen`, `two dozen`, `half a dozen` are about so many; `dozens`, `scores`,
//! `hundreds`, `thousands`, `tens of thousands` are at least two of their unit (24, 40, 200,
//! 2,000, 20,000).

use crate::text::{Token, ascii_lower};

/// The single number words and their values, written once: the list [`NUMBER_WORDS`] (for
/// the table of [`may_start_number`]) and the `match` of [`word_value`] (for speed) are both
/// made from it.
macro_rules! number_words {
    ($($word:literal => $value:literal),* $(,)?) => {
        /// The single number words and their values (`one`, `seven`, `twenty`, `dozen`; `a`
        /// and `an` count one).
        const NUMBER_WORDS: &[(&str, u64)] = &[$(($word, $value)),*];

        /// Value of a single number word (`seven`, `twenty`, `dozen`).
        // (Inlined where it is asked, as in the numbers' pass: no call for each word.)
        #[inline(always)]
        pub fn word_value(w: &str) -> Option<u64> {
            match w {
                $($word => Some($value),)*
                _ => None,
            }
        }
    };
}

number_words! {
    "one" => 1, "a" => 1, "an" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7,
    "eight" => 8, "nine" => 9, "ten" => 10, "eleven" => 11, "twelve" => 12, "dozen" => 12, "thirteen" => 13,
    "fourteen" => 14, "fifteen" => 15, "sixteen" => 16, "seventeen" => 17, "eighteen" => 18, "nineteen" => 19,
    "twenty" => 20, "thirty" => 30, "forty" => 40, "fifty" => 50, "sixty" => 60, "seventy" => 70, "eighty" => 80,
    "ninety" => 90,
}

/// For each lower-case first letter and second letter (the 27th: none), a bit per length
/// (below 16) of the words starting with them that can start a number: the number words and
/// the compounds of a tens word and a unit word ("twenty-five"), which [`lower_token_value`]
/// reads.
const WORD_STARTS: [[u16; 27]; 26] = {
    let mut t = [[0u16; 27]; 26];
    let mut i = 0;
    while i < NUMBER_WORDS.len() {
        let (w, v) = NUMBER_WORDS[i];
        let (first, second) = starts_of(w.as_bytes());
        t[first][second] |= 1 << w.len();
        if v >= 20 && v % 10 == 0 {
            let mut k = 0;
            while k < NUMBER_WORDS.len() {
                let (u, uv) = NUMBER_WORDS[k];
                if uv < 10 && is_unit_word(u) {
                    t[first][second] |= 1 << (w.len() + 1 + u.len());
                }
                k += 1;
            }
        }
        i += 1;
    }
    t
};

/// The indices of [`WORD_STARTS`] for a number word (lower-case letters).
const fn starts_of(w: &[u8]) -> (usize, usize) {
    let second = if w.len() > 1 { (w[1] - b'a') as usize } else { 26 };
    ((w[0] - b'a') as usize, second)
}

/// Whether a number word below ten can end a compound ("five" in "twenty-five"; `a` and
/// `an` cannot).
const fn is_unit_word(w: &str) -> bool {
    !matches!(w.as_bytes(), b"a" | b"an")
}

/// For each lower-case first letter, a bit per length of the words of [`WORD_STARTS`] that
/// start with it, whatever their second letter.
const FIRST_LENGTHS: [u16; 26] = {
    let mut t = [0u16; 26];
    let mut first = 0;
    while first < 26 {
        let mut second = 0;
        while second < 27 {
            t[first] |= WORD_STARTS[first][second];
            second += 1;
        }
        first += 1;
    }
    t
};

/// Whether a lower-cased word may start a number: a digit, sign or point (figures and
/// decimals), or first letters and a length some number word or compound has. Most words of
/// a sentence are rejected here without a comparison, most of them by their first letter
/// and length alone ([`FIRST_LENGTHS`]), before their second letter is read.
fn may_start_number(lower: &str) -> bool {
    let b = lower.as_bytes();
    match b.first() {
        Some(&c @ b'a'..=b'z') => {
            let (first, len) = (usize::from(c - b'a'), b.len());
            if len >= 16 || FIRST_LENGTHS[first] >> len & 1 == 0 {
                return false;
            }
            let second = match b.get(1) {
                None => 26,
                Some(&d @ b'a'..=b'z') => usize::from(d - b'a'),
                Some(_) => return false,
            };
            WORD_STARTS[first][second] >> len & 1 != 0
        }
        Some(b'0'..=b'9' | b'.' | b'-' | b'+') => true,
        _ => false,
    }
}

/// For each first byte of a word, a bit per length (below 32; a longer word's length is read
/// modulo 32, so the table may pass a word that is none, never the reverse) of the words
/// starting with it that may start a number ([`may_start_number`]) or be a plural unit
/// ([`plural_unit`]): every other word of a sentence is passed over after one read of this
/// table ([`may_count`]).
const FIRST_BYTES: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut c = 0;
    while c < 26 {
        t[b'a' as usize + c] = FIRST_LENGTHS[c] as u32;
        c += 1;
    }
    let mut i = 0;
    while i < PLURAL_UNITS.len() {
        let w = PLURAL_UNITS[i].0.as_bytes();
        assert!(w.len() < 31);
        t[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    // Figures and decimals, of any length.
    let mut c = b'0';
    while c <= b'9' {
        t[c as usize] = u32::MAX;
        c += 1;
    }
    t[b'.' as usize] = u32::MAX;
    t[b'-' as usize] = u32::MAX;
    t[b'+' as usize] = u32::MAX;
    t
};

/// Whether a lower-cased word may start a number or be a plural unit, by its first byte and
/// length ([`FIRST_BYTES`]): when not, it is neither.
fn may_count(lower: &str) -> bool {
    let b = lower.as_bytes();
    // (`wrapping_shr` takes the length modulo 32, as the processor's shift does: no clamp.)
    b.first().is_some_and(|&c| FIRST_BYTES[usize::from(c)].wrapping_shr(b.len() as u32) & 1 != 0)
}

/// Plural units of vague numbers and the least they can mean (two of the unit): "dozens of
/// people" are at least 24, "scores of civilians" at least 40.
/// They all end in "s", and none passes [`may_start_number`] (they share first letters and
/// lengths with common words: "during", "second"): [`plural_unit`] reads them apart.
const PLURAL_UNITS: &[(&str, u64)] = &[("dozens", 24), ("scores", 40), ("hundreds", 200), ("thousands", 2_000)];

/// The least value of a plural unit word ("dozens": 24), tested by its last letter first.
fn plural_unit(lower: &str) -> Option<u64> {
    if lower.len() < 6 || !lower.ends_with('s') {
        return None;
    }
    PLURAL_UNITS.iter().find(|p| p.0 == lower).map(|p| p.1)
}

/// How exact a number's words are (digits and plain number words are exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Vague {
    /// "seven", "1,165".
    #[default]
    Exact,
    /// "a dozen", "two dozen", "half a dozen": about so many.
    About,
    /// "dozens", "scores of", "hundreds", "tens of thousands": at least the value given.
    AtLeast,
}

fn multiplier(w: &str) -> Option<u64> {
    match w {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        _ => None,
    }
}

/// Value of one token: digits (with thousands commas), a number word, or a hyphenated
/// compound (`twenty-five`). `a`/`an` only count before a multiplier, handled by the caller.
/// The word must already be in lower case. (Inlined in the numbers' pass, which asks it of
/// every word that may start a number.)
#[inline(always)]
fn lower_token_value(lower: &str) -> Option<(u64, bool)> {
    let b = lower.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) {
        return digits_value(b).map(|v| (v, true));
    }
    // No number word or compound ("seventy-seven") is longer than 13 letters.
    if !b.first().is_some_and(u8::is_ascii_lowercase) || b.len() > 13 {
        return None;
    }
    // A word shorter than the shortest compound ("forty-one") is a number word or none (no
    // number word holds a hyphen): its hyphen is not looked for.
    if b.len() >= SHORTEST_COMPOUND
        && let Some(k) = b.iter().position(|&c| c == b'-')
    {
        return compound_value(lower, k);
    }
    if lower == "a" || lower == "an" {
        return None;
    }
    word_value(lower).map(|v| (v, false))
}

/// The value of a compound of a tens word and a unit word ("twenty-five") whose hyphen is
/// at `k`, if it is one; none for any other word with a hyphen there. (Out of line: its
/// registers are not saved at every call of [`lower_token_value`], most of which read none.)
#[inline(never)]
fn compound_value(lower: &str, k: usize) -> Option<(u64, bool)> {
    let (x, y) = (word_value(&lower[..k])?, word_value(&lower[k + 1..])?);
    // A tens word and a unit word ("twenty-five"; not "twenty-a").
    (x >= 20 && x % 10 == 0 && y < 10 && is_unit_word(&lower[k + 1..])).then_some((x + y, false))
}

/// The length of the shortest compound of a tens word and a unit word ("forty-one"): the
/// shortest tens word, a hyphen and the shortest unit word.
const SHORTEST_COMPOUND: usize = {
    let (mut tens, mut unit) = (usize::MAX, usize::MAX);
    let mut i = 0;
    while i < NUMBER_WORDS.len() {
        let (w, v) = NUMBER_WORDS[i];
        if v >= 20 && v % 10 == 0 && w.len() < tens {
            tens = w.len();
        }
        if v < 10 && is_unit_word(w) && w.len() < unit {
            unit = w.len();
        }
        i += 1;
    }
    tens + 1 + unit
};

/// The value of a word of digits with commas that group thousands ("1,165" yes, "1,16" no),
/// read in one pass; `None` for any other word that starts with a digit ("12.5", "3rd") and
/// for a value beyond `u64`.
fn digits_value(b: &[u8]) -> Option<u64> {
    let mut v: u64 = 0;
    // Digits since the last comma, once there is one.
    let mut group: Option<usize> = None;
    for &c in b {
        if c.is_ascii_digit() {
            v = v.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
            if let Some(g) = group.as_mut() {
                *g += 1;
            }
        } else if c == b',' && group.is_none_or(|g| g == 3) {
            group = Some(0);
        } else {
            return None;
        }
    }
    group.is_none_or(|g| g == 3).then_some(v)
}

/// A number found in a token list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// Its value.
    pub value: u64,
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
    /// How exact its words are.
    pub vague: Vague,
}

/// Numbers in a token list, each spanning one or more tokens.
pub fn numbers(tokens: &[Token]) -> Vec<Number> {
    let lower: Vec<std::borrow::Cow<str>> = tokens.iter().map(|t| ascii_lower(t.text)).collect();
    let words: Vec<&str> = lower.iter().map(|w| &**w).collect();
    numbers_in_lower(&words)
}

/// [`numbers`] of words already in lower case (one per token).
pub fn numbers_in_lower(words: &[&str]) -> Vec<Number> {
    let mut out = Vec::new();
    numbers_into(words, &mut out, &mut Vec::new());
    out
}

/// [`numbers_in_lower`] written into `out` (cleared first), so one buffer serves many
/// sentences; and into `articles` (cleared first) the index of each "a" and "an" that is
/// part of no number ("a civilian", not "a dozen"), in order, read on the same pass.
pub fn numbers_into(words: &[&str], out: &mut Vec<Number>, articles: &mut Vec<usize>) {
    out.clear();
    articles.clear();
    let mut i = 0;
    while i < words.len() {
        // Most words neither start a number nor are a plural unit: one table read each, in a
        // loop of its own up to the next word that may.
        let Some(skip) = words[i..].iter().position(|w| may_count(w)) else { break };
        i += skip;
        let lower = words[i];
        // Every number starts with a digit, a sign or point (decimals), or a number word
        // ("one", "two", ..., "ninety", "dozen", "a", "twenty-five"): other words at once.
        if !may_start_number(lower) {
            // "dozens of", "scores of", "hundreds", "hundreds of thousands", "tens of
            // thousands": at least two of the unit ("scores" only before "of": "settle scores").
            if let Some(least) = plural_unit(lower) {
                let of = words.get(i + 1) == Some(&"of");
                let tens = i >= 2 && lower == "thousands" && words[i - 1] == "of" && words[i - 2] == "tens";
                let big = match words.get(i + 2) {
                    Some(&"thousands") if of => Some(1_000),
                    Some(&"millions") if of => Some(1_000_000),
                    _ => None,
                };
                if let Some(m) = big {
                    // "hundreds of thousands" (200,000).
                    out.push(Number { value: least * m, first: i, last: i + 2, vague: Vague::AtLeast });
                    i += 3;
                    continue;
                }
                if tens {
                    // "tens of thousands" (20,000).
                    out.push(Number { value: 20_000, first: i - 2, last: i, vague: Vague::AtLeast });
                } else if of || lower != "scores" {
                    out.push(Number { value: least, first: i, last: i, vague: Vague::AtLeast });
                }
            }
            i += 1;
            continue;
        }
        // Written in words ("twenty", not "20"): "twenty one" may follow.
        let mut in_words = false;
        // "half a dozen": about six.
        if lower == "a" && words.get(i + 1) == Some(&"dozen") && i > 0 && words[i - 1] == "half" {
            out.push(Number { value: 6, first: i - 1, last: i + 1, vague: Vague::About });
            i += 2;
            continue;
        }
        // "a dozen", "a hundred", "a thousand"
        let article = lower == "a" || lower == "an";
        let (mut value, first) = if article
            && let Some(&n) = words.get(i + 1)
            && (n == "dozen" || multiplier(n).is_some())
        {
            i += 1;
            (if n == "dozen" { 12 } else { multiplier(n).unwrap_or(1) }, i - 1)
        } else if article {
            // Any other "a" or "an" is no number (alone it has no value, nor a decimal point):
            // an article, answered without the readers below.
            articles.push(i);
            i += 1;
            continue;
        } else if let Some((v, digits)) = lower_token_value(lower) {
            in_words = !digits;
            (v, i)
        } else if let Some(&next) = words.get(i + 1)
            && let Some(m) = multiplier(next)
            && lower.contains('.')
            && let Ok(f) = lower.parse::<f64>()
        {
            i += 1;
            ((f * m as f64).round() as u64, i - 1)
        } else {
            i += 1;
            continue;
        };
        // "a dozen" is about twelve.
        let mut vague = if words[i] == "dozen" { Vague::About } else { Vague::Exact };
        // Continue a word number: "two hundred and fifty", "30 thousand", "two dozen".
        let mut last = i;
        let mut j = i + 1;
        let mut current = value;
        let mut total = 0u64;
        while j < words.len() {
            let w = words[j];
            if w == "dozen" && vague == Vague::Exact && total == 0 && (1..100).contains(&current) {
                current *= 12;
                vague = Vague::About;
                last = j;
                j += 1;
            } else if let Some(m) = multiplier(w) {
                current = current.saturating_mul(m);
                if m >= 1000 {
                    total = total.saturating_add(current);
                    current = 0;
                }
                last = j;
                j += 1;
            } else if w == "and"
                && let Some(&next) = words.get(j + 1)
                && current + total >= 100
                && let Some((v, false)) = lower_token_value(next)
            {
                current = current.saturating_add(v);
                last = j + 1;
                j += 2;
            } else if in_words
                && (20..100).contains(&(current % 100))
                && current % 10 == 0
                && let Some((v, false)) = lower_token_value(w)
                && v < 10
            {
                // "twenty one", "two hundred twenty one": a tens word and a unit word apart.
                current = current.saturating_add(v);
                last = j;
                j += 1;
            } else if current > 0
                && current % 100 == 0
                && let Some((v, false)) = lower_token_value(w)
                && v < 100
            {
                current = current.saturating_add(v);
                last = j;
                j += 1;
            } else {
                break;
            }
        }
        value = total.saturating_add(current);
        out.push(Number { value, first, last, vague });
        i = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn values(s: &str) -> Vec<u64> {
        numbers(&tokens(s, 0)).iter().map(|n| n.value).collect()
    }

    #[test]
    fn number_table() {
        let cases: &[(&str, &[u64])] = &[
            ("seven dead and 33 wounded", &[7, 33]),
            ("1,165 people", &[1165]),
            ("about 30,000 people", &[30000]),
            ("a dozen soldiers", &[12]),
            ("twenty-five civilians", &[25]),
            ("two hundred and fifty troops", &[250]),
            ("1.5 million people", &[1_500_000]),
            ("a man and a woman", &[]),
            ("99999999999 killed", &[99_999_999_999]),
            ("3 thousand", &[3000]),
            ("seventy-seven dead, forty-two-year-old", &[77]),
            ("two dozen soldiers, half a dozen men", &[24, 6]),
            ("dozens of people, scores of civilians, hundreds dead", &[24, 40, 200]),
            ("tens of thousands, hundreds of thousands, thousands", &[20_000, 200_000, 2_000]),
            ("they settled scores with tens", &[]),
            ("twenty one soldiers, two hundred twenty one, in 2020 one man, 20 one", &[21, 221, 2020, 1, 20, 1]),
        ];
        for (s, want) in cases {
            assert_eq!(values(s), *want, "in {s:?}");
        }
        let vague = |s: &str| numbers(&tokens(s, 0)).iter().map(|n| n.vague).collect::<Vec<_>>();
        assert_eq!(vague("a dozen, two dozen, half a dozen"), [Vague::About; 3]);
        assert_eq!(vague("dozens of, hundreds, 12"), [Vague::AtLeast, Vague::AtLeast, Vague::Exact]);
    }

    /// Any word that can start a number passes the quick test: the number words, their
    /// compounds, figures and decimals (so the test rejects only words that cannot).
    fn words() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let word = || proptest::sample::select(NUMBER_WORDS.iter().map(|w| w.0).collect::<Vec<_>>());
        prop_oneof![word().prop_map(str::to_string), (word(), word()).prop_map(|(a, b)| format!("{a}-{b}")), "[a-z0-9.,+\\-]{0,15}",]
    }

    /// [`digits_value`] as it was written first: the word checked, its commas, then its value.
    fn digits_value_plain(lower: &str) -> Option<u64> {
        let b = lower.as_bytes();
        if !(b.first().is_some_and(u8::is_ascii_digit) && b.iter().all(|c| c.is_ascii_digit() || *c == b',')) {
            return None;
        }
        if b.contains(&b',') && !lower.split(',').skip(1).all(|g| g.len() == 3) {
            return None;
        }
        let mut v: u64 = 0;
        for &c in b.iter().filter(|c| c.is_ascii_digit()) {
            v = v.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
        }
        Some(v)
    }

    proptest::proptest! {
        /// The articles read on the numbers' pass are every "a" and "an" outside a number.
        #[test]
        fn articles_are_those_outside_numbers(ws in proptest::collection::vec(proptest::sample::select(vec![
            "a", "an", "half", "dozen", "dozens", "hundred", "thousand", "and", "of", "tens", "thousands", "two", "twenty",
            "one", "5", "1.5", "million", "civilian", "man", "the",
        ]), 0..12)) {
            let (mut out, mut articles) = (Vec::new(), Vec::new());
            numbers_into(&ws, &mut out, &mut articles);
            let plain: Vec<usize> = (0..ws.len())
                .filter(|&i| matches!(ws[i], "a" | "an") && !out.iter().any(|n| (n.first..=n.last).contains(&i)))
                .collect();
            proptest::prop_assert_eq!(articles, plain);
        }

        #[test]
        fn digits_in_one_pass_are_the_plain_reading(w in "[0-9][0-9,]{0,24}|[0-9][0-9,.a-z]{0,6}|[0-9]{1,3}(,[0-9]{3}){0,6}") {
            proptest::prop_assert_eq!(digits_value(w.as_bytes()), digits_value_plain(&w));
        }

        #[test]
        fn words_that_may_count_by_their_first_byte_are_the_plain_tests(w in words(), other in "[a-zA-Z0-9.,+\\-ğé’]{0,40}") {
            for w in [&w, &other] {
                let plain = may_start_number(w) || plural_unit(w).is_some();
                proptest::prop_assert!(!plain || may_count(w), "{w:?} may count but is passed over");
            }
            for (unit, _) in PLURAL_UNITS {
                proptest::prop_assert!(may_count(unit));
            }
        }

        #[test]
        fn words_that_start_numbers_pass_the_quick_test(w in words()) {
            let starts = lower_token_value(&w).is_some()
                || w == "a"
                || w == "an"
                || w.contains('.') && w.parse::<f64>().is_ok();
            proptest::prop_assert!(!starts || may_start_number(&w), "{w:?} starts a number but is rejected");
        }
    }

    #[test]
    fn most_words_are_rejected_at_once() {
        for w in ["the", "and", "of", "said", "soldiers", "from", "killed", "Seven", "civilians"] {
            assert!(!may_start_number(w) || w == "the" || w == "from", "{w}");
        }
        assert!(may_start_number("seventy-seven") && may_start_number("1,165") && may_start_number(".5"));
        assert_eq!(lower_token_value("twenty-an"), None);
        // Plural units are read apart (`plural_unit`), so they must not pass.
        for (w, _) in PLURAL_UNITS {
            assert!(!may_start_number(w) && plural_unit(w).is_some(), "{w}");
        }
        assert_eq!(lower_token_value("forty-two"), Some((42, false)));
    }

    #[test]
    fn the_shortest_compound_is_forty_one() {
        assert_eq!(SHORTEST_COMPOUND, "forty-one".len());
        // Shorter words with a hyphen are no number, as before the hyphen was passed over.
        for w in ["ten-one", "six-six", "a-one", "one-", "-one", "fifty-a"] {
            assert_eq!(lower_token_value(w), None, "{w}");
        }
    }

    proptest::proptest! {
        /// The value of a word (its hyphen read only at compound lengths) is the value read
        /// from its parts at every hyphen as before.
        #[test]
        fn values_are_those_read_at_every_hyphen(a in words(), b in words(), other in "[a-z0-9,\\-]{0,14}") {
            for w in [format!("{a}-{b}"), a.clone(), other.clone(), format!("{a}-"), format!("-{b}")] {
                proptest::prop_assert_eq!(lower_token_value(&w), lower_token_value_plain(&w), "{:?}", w);
            }
        }
    }

    /// [`lower_token_value`] as it was written first: a hyphen looked for in every word.
    fn lower_token_value_plain(lower: &str) -> Option<(u64, bool)> {
        let b = lower.as_bytes();
        if b.first().is_some_and(u8::is_ascii_digit) {
            return digits_value(b).map(|v| (v, true));
        }
        if !b.first().is_some_and(u8::is_ascii_lowercase) || b.len() > 13 {
            return None;
        }
        if let Some(k) = b.iter().position(|&c| c == b'-') {
            let (x, y) = (word_value(&lower[..k])?, word_value(&lower[k + 1..])?);
            if x >= 20 && x % 10 == 0 && y < 10 && is_unit_word(&lower[k + 1..]) {
                return Some((x + y, false));
            }
            return None;
        }
        if lower == "a" || lower == "an" {
            return None;
        }
        word_value(lower).map(|v| (v, false))
    }

    #[test]
    fn every_number_word_starts_a_number() {
        let words = "one two three four five six seven eight nine ten eleven twelve dozen thirteen fourteen fifteen sixteen \
                     seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety twenty-one ninety-nine";
        for w in words.split_whitespace() {
            assert_eq!(numbers_in_lower(&[w]).len(), 1, "{w}");
        }
        assert_eq!(numbers_in_lower(&["a", "hundred"])[0].value, 100);
        assert_eq!(numbers_in_lower(&[".5", "million"])[0].value, 500_000);
        assert_eq!(numbers_in_lower(&["-1.5", "million"]).len(), 1);
    }
}
