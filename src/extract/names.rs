//! Capitalised names: person-like names for speaker attribution (`Irina Grigorian`,
//! `Ms. Smith`), and every capitalised name that is neither in the gazetteer nor in the
//! actor list, counted as `unknown_names` so a user can extend them.

use rustc_hash::FxHashMap;

use super::DocCtx;
use crate::gazetteer::NameMatch;
use crate::text::{Span, Token};

/// A person-like name in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonName {
    /// First byte (titles excluded).
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// `Some(true)` after Ms/Mrs, `Some(false)` after Mr, or as the text says elsewhere of
    /// the same person ("Anna Sokolova said she …").
    pub female: Option<bool>,
    /// The full name this one word stands for, when the article named the person in full
    /// before ("Kassem" after "Al Jazeera's Hana Kassem").
    pub full: Option<Span>,
}

impl PersonName {
    /// The name the person goes by: the full name named before, else the name as written.
    pub fn name<'a>(&self, text: &'a str) -> &'a str {
        let s = self.full.unwrap_or(Span { start: self.start, end: self.end });
        &text[s.start..s.end]
    }
}

/// Capitalised words that start sentences or name roles, not people or places (month and
/// weekday names are added from [`super::dates::NAME_CUES`]).
const STOP: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "Those",
    "These",
    "Any",
    "Both",
    "Since",
    "After",
    "Before",
    "While",
    "When",
    "If",
    "As",
    "For",
    "With",
    "From",
    "By",
    "Of",
    "To",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Some",
    "Many",
    "Most",
    "All",
    "No",
    "Not",
    "Yet",
    "So",
    "Also",
    "Then",
    "Now",
    // Sentence adverbs before a subject ("Later Harutyunyan said").
    "Later",
    "Earlier",
    "Meanwhile",
    "However",
    "Instead",
    "Afterwards",
    "Separately",
    "Elsewhere",
    "Finally",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "President",
    "Prime",
    "Minister",
    "Foreign",
    "Defence",
    "Defense",
    "Ministry",
    "Secretary",
    "General",
    "Commissioner",
    "Spokesman",
    "Spokeswoman",
    "Ambassador",
    "Chairman",
    "Deputy",
    "Head",
    "Chief",
    "Colonel",
    "Gen",
    "Gen.",
    "Col.",
    "Major",
    "Lieutenant",
    "Captain",
    "Sergeant",
    "Office",
    "Committee",
    "Council",
    "Republic",
    "State",
    "Department",
    "Government",
    "Kremlin",
    "Parliament",
    "Assembly",
    "News",
    "Agency",
    "Press",
    "Service",
    "Co",
    "Chairs",
    "Co-Chairs",
    "Let",
    "Even",
    // Titles before a name ("Mayor Ivan Fedorov", "Gov. Vyacheslav Gladkov": tokens leave
    // out the full stop).
    "Mayor",
    "Governor",
    "Gov",
    "Senator",
    "Sen",
    "Vice",
    "Acting",
    "Commander",
    "Admiral",
    "Adm",
    "Brig",
    "Marshal",
    "Prosecutor",
    "Ombudsman",
    "Envoy",
    "Sheikh",
    "Rev",
    "Archbishop",
    "Patriarch",
    "Imam",
    "Professor",
    "Prof",
    "Lt",
    "Maj",
    "Capt",
    "Sgt",
    "Col",
];

/// The [`STOP`] words and the month and weekday names.
const STOP_WORDS: [&str; STOP.len() + super::dates::NAME_CUES.len()] = {
    let mut all = [""; STOP.len() + super::dates::NAME_CUES.len()];
    let mut k = 0;
    while k < all.len() {
        all[k] = if k < STOP.len() { STOP[k] } else { super::dates::NAME_CUES[k - STOP.len()] };
        k += 1;
    }
    all
};

/// Slots of [`STOP_WORDS`] (at most a quarter full): the word's index plus one in the slot of
/// [`stop_slot`] or, when that is taken, the first free one after it (zero: free). A word is
/// compared only with the words from its slot to the next free one, most often none or one.
const STOP_SLOTS: [u8; 1024] = {
    assert!(4 * STOP_WORDS.len() <= 1024 && STOP_WORDS.len() < 255);
    let mut slots = [0u8; 1024];
    let mut k = 0;
    while k < STOP_WORDS.len() {
        let mut h = stop_slot(STOP_WORDS[k].as_bytes());
        while slots[h] != 0 {
            h = (h + 1) % 1024;
        }
        slots[h] = k as u8 + 1;
        k += 1;
    }
    slots
};

/// The slot of a word in [`STOP_SLOTS`]: a hash of its first and last bytes and length.
#[inline]
const fn stop_slot(w: &[u8]) -> usize {
    let (first, last) = match w {
        [] => (0, 0),
        [f, ..] => (*f, w[w.len() - 1]),
    };
    let key = first as u32 | (last as u32) << 8 | (w.len() as u32) << 16;
    (key.wrapping_mul(0x9e37_79b1) >> 22) as usize
}

/// Whether a capitalised word is one that starts sentences or names a role ("The",
/// "President", "Ministry", month names), never a word of a person's name.
#[inline]
pub(crate) fn is_stop_word(w: &str) -> bool {
    let mut h = stop_slot(w.as_bytes());
    loop {
        match STOP_SLOTS[h % 1024] {
            0 => return false,
            k if crate::gazetteer::same_bytes(STOP_WORDS[usize::from(k) - 1].as_bytes(), w.as_bytes()) => return true,
            _ => h += 1,
        }
    }
}

/// Words that make a capitalised name a thing, a place or a body rather than a person
/// (besides the [`STOP`] words, which end a name before it can hold them).
const NOT_PERSON_WORDS: &[&str] = &[
    "Images",
    "Photo",
    "Photos",
    "Pictures",
    "Cathedral",
    "Church",
    "Mosque",
    "Monastery",
    "Club",
    "Group",
    "Hospital",
    "University",
    "Institute",
    "Organization",
    "Organisation",
    "Union",
    "Party",
    "Army",
    "Forces",
    "Centre",
    "Center",
    "Foundation",
    "Times",
    "Post",
    "Watch",
    "International",
    "Conventions",
    "Convention",
    "Square",
    "Street",
    "Avenue",
    "Airport",
    "Station",
    "Bridge",
    "School",
    "Museum",
    "Company",
    "Corporation",
    "Bank",
    "Fund",
    "Court",
    "Region",
    "District",
    "Province",
    "Commission",
    "Media",
    "Network",
    "Television",
    "Radio",
    "Agreement",
    "Treaty",
    "Declaration",
    "Monument",
    "Memorial",
    "Stadium",
    "Hotel",
    "Exchange",
    "Nations",
    "Cross",
    "Crescent",
    "Affairs",
    "Security",
    // Bodies ("Human Rights Monitoring Mission", "Regional Military Administration").
    "Mission",
    "Administration",
    "Directorate",
    "Coalition",
    "Alliance",
    "Command",
    "Brigade",
    "Battalion",
    "Regiment",
    "Corps",
    "Movement",
    "Front",
];

const FEMALE_TITLES: &[&str] = &["Ms", "Ms.", "Mrs", "Mrs.", "Miss", "Madam", "Sister"];
const MALE_TITLES: &[&str] = &["Mr", "Mr.", "Sir", "Father", "Brother"];

/// Religious and honorific titles that are also ordinary words or surnames ("her father",
/// "John Bishop"): a title only when a capitalised name follows ("Father Hovhannes
/// Hovhannisyan", "Sister Maria", "Rabbi Moshe Azman"), never part of the name. (Titles that
/// are nothing else, such as "Archbishop" or "Imam", are [`STOP`] words.)
const TITLES_BEFORE_NAME: &[&str] = &[
    "Father",
    "Brother",
    "Sister",
    "Bishop",
    "Rabbi",
    "Pastor",
    "Reverend",
    "Cardinal",
    "Metropolitan",
    "Mullah",
    "Ayatollah",
    "Deacon",
    "Abbot",
];

/// (Always inlined with its ASCII case, an ASCII capital and a lower-case ASCII letter after
/// it, as most capitalised words are; the rest by [`capitalised_by_chars`].)
#[inline(always)]
fn capitalised(w: &str) -> bool {
    match w.as_bytes() {
        // An ASCII capital: a lower-case letter after it, ASCII (one byte test) or beyond.
        [first, rest @ ..] if first.is_ascii() => {
            first.is_ascii_uppercase() && (rest.iter().any(u8::is_ascii_lowercase) || capitalised_by_chars(w))
        }
        _ => capitalised_by_chars(w),
    }
}

/// [`capitalised`] of a word that opens with a character beyond ASCII, or an ASCII capital
/// with no lower-case ASCII letter after it (a lower-case letter beyond ASCII then counts).
#[inline(never)]
fn capitalised_by_chars(w: &str) -> bool {
    match w.as_bytes() {
        [first, rest @ ..] if first.is_ascii() => !rest.is_ascii() && w.chars().any(char::is_lowercase),
        _ => w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase),
    }
}

fn is_acronym(w: &str) -> bool {
    // All ASCII capitals, so bytes are characters.
    w.len() >= 2 && w.bytes().all(|c| c.is_ascii_uppercase())
}

/// Whether a word can start with a capital at all: ASCII lower case, digits and punctuation
/// cannot (most words of running text), so they are rejected without Unicode tables.
fn may_be_capitalised(w: &str) -> bool {
    w.as_bytes().first().is_some_and(|&b| OPENS_CAPITAL[usize::from(b)])
}

/// The first bytes [`may_be_capitalised`] keeps: ASCII capitals and bytes beyond ASCII (one
/// table read per word, not two comparisons).
const OPENS_CAPITAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || b'A' as usize <= b && b <= b'Z' as usize;
        b += 1;
    }
    t
};

/// The spans of three sorted lists of known names (places, actors, excluded spans) merged into
/// one sorted vector, and whether its ends grow with its starts (for [`Known::of_merged`]), in one
/// pass: the first two merged span by span (each span compared as one number, its start above
/// its end), the third's next span put before whichever comes next when it comes first (most
/// often it does not: excluded spans are few), and each end compared with the one before as it
/// is written. The same vector as merging any two of them and then the third (equal keys are
/// equal spans), without a second vector, a second pass over the spans moved, or a third
/// reading the ends.
fn merge_spans(a: &[NameMatch], b: &[NameMatch], c: &[(usize, usize)]) -> (Vec<(usize, usize)>, bool) {
    // (No span of a text ends at `usize::MAX`: the key of a list that has run out.)
    const DONE: u128 = u128::MAX;
    let key = |s: usize, e: usize| (s as u128) << 64 | e as u128;
    let mut out = vec![(0usize, 0usize); a.len() + b.len() + c.len()];
    // (The spans written so far: `o`; read so far of each list: `i`, `j`, `k`. Each step writes
    // one span and reads one, so `o` is `i + j + k`, below the vector's length while a list has
    // a span left.)
    let (mut i, mut j, mut k, mut o) = (0, 0, 0, 0);
    // (The ends compared as they are written: with the one before, none before the first.)
    let (mut last, mut grow) = (0usize, true);
    let mut z = c.first().map_or(DONE, |&(s, e)| key(s, e));
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let (x, y) = (key(x.start, x.end), key(y.start, y.end));
        let from_b = y < x;
        let mut m = if from_b { y } else { x };
        if z < m {
            m = z;
            k += 1;
            z = c.get(k).map_or(DONE, |&(s, e)| key(s, e));
        } else {
            i += usize::from(!from_b);
            j += usize::from(from_b);
        }
        let (s, e) = ((m >> 64) as usize, m as usize);
        grow &= last <= e;
        last = e;
        out[o] = (s, e);
        o += 1;
    }
    // One of the first two has run out: the rest of the other merged with the third's rest.
    let rest = if i < a.len() { &a[i..] } else { &b[j..] };
    let mut r = 0;
    while o < out.len() {
        let x = rest.get(r).map_or(DONE, |x| key(x.start, x.end));
        let m = if z < x {
            let m = z;
            k += 1;
            z = c.get(k).map_or(DONE, |&(s, e)| key(s, e));
            m
        } else {
            r += 1;
            x
        };
        let (s, e) = ((m >> 64) as usize, m as usize);
        grow &= last <= e;
        last = e;
        out[o] = (s, e);
        o += 1;
    }
    (out, grow)
}

/// The spans of the known names of a text (sorted by start), to tell whether a token lies in
/// one.
struct Known {
    spans: Vec<(usize, usize)>,
    /// Where the last answer read on from the cursor stopped (the first span that ends after
    /// the position asked about).
    cursor: std::cell::Cell<usize>,
    /// The end of the span before the cursor (zero when there is none): the spans before the
    /// cursor end by it, so a position at or after it reads on from the cursor. When the spans'
    /// ends do not grow with their starts (a span inside another that starts before it), no
    /// position is at or after it (`usize::MAX`): only where they grow do the tokens asked about
    /// move forward with the answer, read on from the cursor; so one compare tells both.
    passed: std::cell::Cell<usize>,
}

impl Known {
    #[cfg(test)]
    fn new(spans: Vec<(usize, usize)>) -> Known {
        let ends_grow = spans.windows(2).all(|w| w[0].1 <= w[1].1);
        Known::of_merged(spans, ends_grow)
    }

    /// The known spans (sorted) and whether their ends grow with their starts, as
    /// [`merge_spans`] gives them.
    fn of_merged(spans: Vec<(usize, usize)>, ends_grow: bool) -> Known {
        let passed = if ends_grow { 0 } else { usize::MAX };
        Known { spans, cursor: std::cell::Cell::new(0), passed: std::cell::Cell::new(passed) }
    }

    /// Whether `start..end` overlaps the first span that ends after `start`
    /// (`spans.partition_point(|k| k.1 <= start)`): read on from the cursor when the ends grow
    /// and the spans before it end by `start` (one compare with the end of the last of them),
    /// else found by binary search.
    fn covers(&self, start: usize, end: usize) -> bool {
        let spans = &self.spans[..];
        // (A token's start is below `usize::MAX`: where the ends do not grow, never read on.)
        if self.passed.get() <= start {
            let mut c = self.cursor.get();
            while let Some(k) = spans.get(c) {
                if k.1 > start {
                    self.cursor.set(c);
                    return k.0 < end;
                }
                self.passed.set(k.1);
                c += 1;
            }
            self.cursor.set(c);
            return false;
        }
        spans.get(spans.partition_point(|k| k.1 <= start)).is_some_and(|k| k.0 < end)
    }
}

/// Whether the actor name matched at `start..end` is one word (a surname) that follows
/// another person's given name: "Sevinj Aliyeva" is not the ombudsman Sabina Aliyeva. A
/// title ("President Aliyev", "Foreign Minister Lavrov"), a possessive ("Armenia's
/// Pashinyan") or a demonym ("Azerbaijani Aliyev") before it keeps the actor.
pub(crate) fn surname_of_someone_else(text: &str, start: usize, end: usize, gazetteer: &crate::gazetteer::Gazetteer) -> bool {
    // (The space before the name first: one byte, and most names have it.)
    if !text[..start].ends_with(' ') || has_white_space(&text[start..end]) {
        return false;
    }
    let before = word_before(text, start - 1);
    capitalised(before)
        && !before.ends_with("'s")
        && !before.ends_with("’s")
        && !before.ends_with('.')
        && !is_stop_word(before)
        && !gazetteer.is_demonym(before)
        && !is_acronym(before)
}

/// Whether `s` holds a white-space character (`s.contains(char::is_whitespace)`), read by
/// bytes while they are ASCII (a byte beyond ASCII sends the rest to the search by
/// characters): a name's bytes are mostly letters, each told by one comparison.
fn has_white_space(s: &str) -> bool {
    for (k, &c) in s.as_bytes().iter().enumerate() {
        if c >= 0x80 {
            // (The bytes before are ASCII: `k` is a character boundary.)
            return s[k..].contains(char::is_whitespace);
        }
        if c <= b' ' && matches!(c, b'\t'..=b'\r' | b' ') {
            return true;
        }
    }
    false
}

/// The word that ends at `at` in `text`: the text back to the last character that is not
/// alphanumeric, an apostrophe, a hyphen or a full stop (`text[..at].rsplit(..).next()`),
/// read back by bytes while they are ASCII (a character beyond ASCII sends the word to the
/// search by characters).
fn word_before(text: &str, at: usize) -> &str {
    let b = &text.as_bytes()[..at];
    let mut k = at;
    while let Some(&c) = b.get(k.wrapping_sub(1)) {
        if !c.is_ascii() {
            return text[..at]
                .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '.'))
                .next()
                .unwrap_or("");
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, b'\'' | b'-' | b'.')) {
            break;
        }
        k -= 1;
    }
    &text[k..at]
}

/// Whether the single capitalised word `toks[i]` is a person's given name by what stands
/// around it, and the person's sex when the text says ("gave her name only as Anahit").
fn given_name(ctx: &DocCtx, toks: &[crate::text::Token], i: usize) -> (bool, Option<bool>) {
    // Whether word `k` is one of `words` (lower case) in any ASCII case (as its
    // `to_ascii_lowercase` would be, without allocating it).
    let is = |k: usize, words: &[&str]| words.iter().any(|w| toks[k].text.eq_ignore_ascii_case(w));
    // "… gave her name only as X", "identified only as X", "known only as X", "named only as
    // X", "who gave only her first name, X,".
    let as_only = i >= 2 && is(i - 1, &["as"]) && is(i - 2, &["only", "name", "identified", "known"]);
    let name_comma = i >= 1 && is(i - 1, &["name"]) && crate::text::trim(&ctx.text[toks[i - 1].end..toks[i].start]) == ",";
    if as_only || name_comma {
        let female = (i.saturating_sub(6)..i).rev().find_map(|k| {
            if is(k, &["her", "she", "woman"]) {
                Some(true)
            } else if is(k, &["his", "he", "man"]) {
                Some(false)
            } else {
                None
            }
        });
        return (true, female);
    }
    // "Vachagan, a 70-year-old …, told", "Ayten, 34, who works in a pharmacy, said": a
    // sentence opening with a name and its description; "…," said Halyna, 67, after a quote.
    if i == 0 || SAYS.contains(&toks[i - 1].text) {
        // (White space trimmed by bytes while ASCII, `text::trim_start`.)
        let after = crate::text::trim_start(&ctx.text[toks[i].end..]);
        if let Some(rest) = after.strip_prefix(',') {
            let rest = crate::text::trim_start(rest);
            let described = rest.starts_with("a ")
                || rest.starts_with("an ")
                || rest.starts_with("aged ")
                || rest.split(',').next().is_some_and(|n| !n.is_empty() && crate::text::trim(n).bytes().all(|b| b.is_ascii_digit()));
            return (described, None);
        }
    }
    (false, None)
}

/// Find person-like names and count unknown names across the article's sentences.
pub fn scan<'a>(ctx: &DocCtx<'a>, excluded: &[(usize, usize)], unknown: &mut FxHashMap<String, usize>) -> Vec<PersonName> {
    let mut persons = Vec::new();
    // Spans of known names (places, actors, excluded spans), merged and sorted, to skip tokens
    // inside them. (Each list is in order already, so merging them sorts them: all three in one
    // pass, which tells whether the ends grow too.)
    let (known, ends_grow) = merge_spans(&ctx.places, &ctx.actor_matches, excluded);
    let known = Known::of_merged(known, ends_grow);
    let covered = |t: &crate::text::Token| known.covers(t.start, t.end);
    // A word of a name by its shape and what it is not (a stop word, a month in capitals,
    // a demonym), asked of words that may be capitalised and lie in no known name. (Made once
    // for the text, not for each capitalised word read: they borrow nothing of a sentence.)
    // (Stop words first: most capitalised words that are no known name are one, "The",
    // "He", "President", and need not have their case read.)
    // (The word without its possessive read once, for the stop words and the demonyms;
    // a word that does not end in "s" has none.)
    let shaped = |t: &crate::text::Token| {
        let w = match t.text.as_bytes().last() {
            Some(b's') => crate::text::strip_possessive(t.text),
            _ => t.text,
        };
        !is_stop_word(w)
            // (A month in capitals is a dateline's; a capitalised word, which has a
            // lower-case letter, is never all capitals, so it is not asked.)
            && (capitalised(t.text)
                || (is_acronym(t.text) || (t.text.len() == 1 && t.text.chars().all(char::is_uppercase)))
                    && !(t.text.len() >= 3 && t.text.chars().all(char::is_uppercase) && super::dates::month_number(t.text).is_some()))
            && !ctx.gazetteer.is_demonym(w)
    };
    // (Cheapest tests first: most capitalised words of news are the known names, whose
    // case is not read.)
    let usable = |t: &crate::text::Token| may_be_capitalised(t.text) && !covered(t) && shaped(t);
    // Persons named in full so far, by first and last word, for one-word mentions later.
    let mut named: Vec<(&str, &str, Span)> = Vec::new();
    // Who the text says is a woman (`true`) or a man.
    let mut learned: Vec<(&str, bool)> = Vec::new();
    for s in &ctx.sentences {
        let toks = ctx.tokens_of(s);
        let sentence_persons = persons.len();
        let mut i = 0;
        while i < toks.len() {
            // Most words of running text cannot start with a capital: passed over in one tight
            // loop before any other test.
            // (The word found by reference and its index read from its address: no count kept
            // beside the walk.)
            match toks[i..].iter().find(|t| may_be_capitalised(t.text)) {
                Some(t) => i = (t as *const Token as usize - toks.as_ptr() as usize) / std::mem::size_of::<Token>(),
                None => break,
            }
            let t = &toks[i];
            // (Known names, most capitalised words of news, are passed over at once; `t` may be
            // capitalised.)
            if covered(t) || !shaped(t) {
                i += 1;
                continue;
            }
            let adjacent = |k: usize| k + 1 < toks.len() && adjacent_words(ctx.text, toks[k].end, toks[k + 1].start);
            let mut j = i;
            // A possessive ends the owner's name: in "Al Jazeera's Hana Kassem" the owner is
            // "Al Jazeera", the person "Hana Kassem".
            // Particles inside a name: "Marwan al-Hams", "Mohammed bin Salman".
            let particle = |k: usize| {
                let w = toks[k].text;
                hyphen_particle(w) || PARTICLES.contains(&w) && adjacent(k) && usable(&toks[k + 1])
            };
            while adjacent(j) && !possessive(toks[j].text) && (usable(&toks[j + 1]) || particle(j + 1)) {
                j += 1;
            }
            // "Father Andrei", "Bishop Vrtanes Abrahamyan": the title is no word of the name.
            if j > i && TITLES_BEFORE_NAME.contains(&toks[i].text) {
                i += 1;
            }
            let start = toks[i].start;
            let mut end = toks[j].end;
            // Possessive: "Grigorian's" counts as "Grigorian".
            let mut name = &ctx.text[start..end];
            for p in ["'s", "’s"] {
                if let Some(n) = name.strip_suffix(p) {
                    end -= p.len();
                    name = n;
                }
            }
            let words = j - i + 1;
            let sentence_initial = i == 0;
            let title = (i > 0).then(|| toks[i - 1].text);
            let female = title.and_then(|t| {
                if FEMALE_TITLES.contains(&t) {
                    Some(true)
                } else if MALE_TITLES.contains(&t) {
                    Some(false)
                } else {
                    None
                }
            });
            // "Getty Images", "Ghazanchetsots Cathedral", "Valdai International Discussion Club":
            // names whose words say they are things or bodies are not people.
            let thing = || toks[i..=j].iter().any(|t| NOT_PERSON_WORDS.contains(&t.text));
            // One given name: "a volunteer who gave her name only as Anahit", "Vachagan, a
            // 70-year-old former bus driver, told the BBC", "Ayten, 34, said".
            let (given, given_female) = if words == 1 && !is_acronym(name) { given_name(ctx, toks, i) } else { (false, None) };
            let female = female.or(given_female);
            // The owner of a person's name ("CNN's Nick Paton Walsh", "the BBC's Orla Guerin")
            // is an outlet, a country or a body; after "the" or "a" a capitalised name is a
            // thing or a body ("The Emergency Situations Ministry", "The Toll Was").
            let owner = possessive(toks[j].text) && adjacent(j) && usable(&toks[j + 1]) && adjacent(j + 1) && usable(&toks[j + 2]);
            let determiner = i > 0 && matches!(toks[i - 1].text, "the" | "The" | "a" | "A" | "an" | "An") && adjacent(i - 1);
            // The rest of a body's name: after a known name written right before it ("UN Human
            // Rights Monitoring Mission", "Kharkiv Regional Military Administration"), or
            // after a function word that follows a capitalised word ("Committee to Protect
            // Journalists", "Institute for War and Peace Reporting").
            let capital_before = |k: usize| {
                let w = toks[k].text;
                !possessive(w) && (capitalised(w) || is_acronym(w))
            };
            let continues = i > 0
                && adjacent(i - 1)
                && (capital_before(i - 1) && covered(&toks[i - 1])
                    || i > 1 && matches!(toks[i - 1].text, "to" | "for" | "of" | "on") && adjacent(i - 2) && capital_before(i - 2));
            let person_like = !is_acronym(name)
                && ((2..=4).contains(&words)
                    && toks[i..=j]
                        .iter()
                        .all(|t| capitalised(t.text) || t.text.len() == 1 || hyphen_particle(t.text) || PARTICLES.contains(&t.text))
                    || female.is_some()
                    || given)
                && !owner
                && !determiner
                && !continues
                && !thing();
            if person_like {
                persons.push(PersonName { start, end, female, full: None });
                if words >= 2 {
                    let first = toks[i].text;
                    let last = crate::text::strip_possessive(toks[j].text);
                    named.push((first, last, Span { start, end }));
                }
                if let Some(g) = female {
                    learned.push((name, g));
                }
            } else if words == 1 && !is_acronym(name) && !owner && !determiner && name.len() >= 3 {
                // "Kassem said" after "Hana Kassem": the person named in full before, when
                // only one such person has this name.
                let mut found: Option<Span> = None;
                let mut ambiguous = false;
                for &(first, last, full) in &named {
                    if first == name || last == name {
                        match found {
                            Some(f) if ctx.text[f.start..f.end] != ctx.text[full.start..full.end] => ambiguous = true,
                            _ => found = Some(full),
                        }
                    }
                }
                if let Some(full) = found.filter(|_| !ambiguous) {
                    persons.push(PersonName { start, end, female, full: Some(full) });
                }
            }
            // Single capitalised words at the start of a sentence are usually just sentence starts.
            if !(sentence_initial && words == 1) && name.chars().nth(1).is_some() && !ctx.gazetteer.ignore_names.contains(name) {
                // Counted under a key allocated once per distinct name.
                match unknown.get_mut(name) {
                    Some(count) => *count += 1,
                    None => {
                        unknown.insert(name.to_string(), 1);
                    }
                }
            }
            i = j + 1;
        }
        learn_gender(ctx, toks, &mut persons[sentence_persons..], &mut learned);
    }
    // What the text says of a person's sex holds for every mention of that person.
    if !learned.is_empty() {
        for p in persons.iter_mut().filter(|p| p.female.is_none()) {
            let name = p.name(ctx.text);
            p.female = learned.iter().find(|(n, _)| *n == name).map(|&(_, g)| g);
        }
    }
    persons
}

/// Lower-case words inside a name before its next capitalised word ("Mohammed bin Salman",
/// "Ursula von der Leyen").
const PARTICLES: &[&str] = &["bin", "ibn", "bint", "abu", "van", "von", "der", "de", "da", "al", "el"];

/// A name word with an Arabic article or particle before a capital: "al-Hams", "el-Sisi",
/// "ash-Shami", "bin-Ali".
fn hyphen_particle(w: &str) -> bool {
    // (Every particle is two or three bytes long, so only a word with a hyphen at its third or
    // fourth byte is read on; a hyphen before it leaves a particle holding one, which none is.)
    let k = match w.as_bytes() {
        [_, _, b'-', ..] => 2,
        [_, _, _, b'-', ..] => 3,
        _ => return false,
    };
    let (pre, rest) = (&w[..k], &w[k + 1..]);
    matches!(pre, "al" | "el" | "ad" | "ash" | "as" | "at" | "az" | "an" | "ar" | "ul" | "bin" | "ibn" | "abu")
        && rest.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
}

/// Whether words ending at `end` and starting at `next` are adjacent:
/// [`only_dots_between`] them, where most words of a name are one space apart (that gap read
/// as one byte).
#[inline]
fn adjacent_words(text: &str, end: usize, next: usize) -> bool {
    next == end + 1 && text.as_bytes()[end] == b' ' || only_dots_between(&text[end..next])
}

/// Whether the text between two words is at most full stops inside white space (`" "`,
/// `". "`: `gap.trim().trim_matches('.')` is empty), read by bytes where it is ASCII.
#[inline(never)]
fn only_dots_between(gap: &str) -> bool {
    let b = gap.as_bytes();
    if !b.is_ascii() {
        return gap.trim().trim_matches('.').is_empty();
    }
    // (The ASCII white space `trim` takes: tab to carriage return, and space.)
    let space = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ');
    let Some(first) = b.iter().position(|c| !space(c)) else { return true };
    b[first..].iter().rev().skip_while(|c| space(c)).all(|&c| c == b'.')
}

fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// Speech and thought verbs after which "he" or "she" is most often the subject itself:
/// "Anna Sokolova said she had not slept".
const SAYS: &[&str] = &["said", "says", "told", "added", "wrote", "insisted", "explained", "recalled", "admitted", "noted", "warned"];

/// The sex of the first person named in a sentence when a speech verb after the name is
/// followed by "she" or "he" ("Anna Sokolova said she …", "Her neighbour, Gohar Avetisyan,
/// said she …"), remembered by the person's name in `learned`.
fn learn_gender<'a>(ctx: &DocCtx<'a>, toks: &[Token<'a>], persons: &mut [PersonName], learned: &mut Vec<(&'a str, bool)>) {
    let Some(p) = persons.first().filter(|p| p.female.is_none()) else { return };
    let from = toks.partition_point(|t| t.start < p.end);
    let Some(k) = (from..toks.len().min(from + 12)).find(|&k| SAYS.contains(&toks[k].text)) else { return };
    let next = match toks.get(k + 1).map(|t| t.text) {
        Some("that") => toks.get(k + 2).map(|t| t.text),
        other => other,
    };
    let g = match next {
        Some("she") => true,
        Some("he") => false,
        _ => return,
    };
    // Nobody else named between the person and the verb.
    if persons[1..].iter().any(|q| q.start < toks[k].start) {
        return;
    }
    persons[0].female = Some(g);
    learned.push((persons[0].name(ctx.text), g));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two sorted sequences merged into one sorted vector (each read by its key; on equal keys
    /// `a`'s first): key by key, each sequence read as the slice left of it (no index, no bounds
    /// check), and the rest of either copied at once when the other runs out. Made with room for
    /// `room` more (those [`merge_into`] adds).
    fn merge_sorted<A, B, T: Ord + Copy>(a: &[A], ka: impl Fn(&A) -> T, b: &[B], kb: impl Fn(&B) -> T, room: usize) -> Vec<T> {
        let mut out = Vec::with_capacity(a.len() + b.len() + room);
        let (mut a, mut b) = (a, b);
        while let ([x, a_rest @ ..], [y, b_rest @ ..]) = (a, b) {
            let (x, y) = (ka(x), kb(y));
            if y < x {
                out.push(y);
                b = b_rest;
            } else {
                out.push(x);
                a = a_rest;
            }
        }
        out.extend(a.iter().map(&ka));
        out.extend(b.iter().map(&kb));
        out
    }

    /// `b` (sorted) merged into the sorted `a` in place ([`merge_sorted`] of the two): `a` grown by
    /// `b`'s length, then filled from the back, the larger of the two lasts first (on equal keys
    /// `b`'s, which are the same values), until `b` is used up (`a`'s keys below `b`'s first stay
    /// where they are) or `a` is (`b`'s keys left copied at once). One vector, not a second one
    /// and a copy of every key.
    fn merge_into<T: Ord + Copy>(a: &mut Vec<T>, b: &[T]) {
        let n = a.len();
        a.extend_from_slice(b);
        // `a`'s keys not yet moved are the first `i` of `slots`, the slots still to fill (the last
        // of them filled first).
        let (mut i, mut b) = (n, b);
        let mut slots = &mut a[..];
        while let [b_rest @ .., y] = b {
            let Some(&x) = slots[..i].last() else {
                slots[..b.len()].copy_from_slice(b);
                return;
            };
            let Some((last, rest)) = slots.split_last_mut() else { return };
            if x > *y {
                *last = x;
                i -= 1;
            } else {
                *last = *y;
                b = b_rest;
            }
            slots = rest;
        }
    }

    /// Two sequences merged by peeking at the next of each (the merge as first written).
    fn merge_by_peeking<T: Ord + Copy>(a: impl Iterator<Item = T>, b: impl Iterator<Item = T>) -> Vec<T> {
        let (mut a, mut b) = (a.peekable(), b.peekable());
        let mut out = Vec::new();
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => {
                    if x <= y {
                        a.next()
                    } else {
                        b.next()
                    }
                }
                (Some(_), None) => a.next(),
                (None, _) => b.next(),
            };
            match next {
                Some(x) => out.push(x),
                None => return out,
            }
        }
    }

    /// What `shaped` in [`scan`] relies on: no character is both upper and lower case, so a
    /// capitalised word (one with a lower-case letter) is never all capitals. Every character.
    #[test]
    fn no_character_is_both_cases() {
        assert!(('\0'..=char::MAX).all(|c| !(c.is_uppercase() && c.is_lowercase())));
    }

    proptest::proptest! {
        /// [`same_bytes`] against `==`, on strings of any length and text, equal, of the same
        /// length, and differing in one byte.
        #[test]
        fn same_bytes_is_equality(a in "\\PC{0,20}", b in "\\PC{0,20}", at in 0usize..80, flip in 1u8..=255) {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            proptest::prop_assert_eq!(crate::gazetteer::same_bytes(a, b), a == b);
            proptest::prop_assert!(crate::gazetteer::same_bytes(a, a));
            if !a.is_empty() {
                let mut c = a.to_vec();
                let k = at % a.len();
                c[k] ^= flip;
                proptest::prop_assert!(!crate::gazetteer::same_bytes(a, &c) && !crate::gazetteer::same_bytes(&c, a));
            }
        }

        #[test]
        fn merging_sorted_lists_sorts_them(mut a in proptest::collection::vec((0usize..20, 0usize..20), 0..12), mut b in proptest::collection::vec((0usize..20, 0usize..20), 0..12)) {
            // Unsorted lists merged as by peeking at both (the merge as first written).
            let by_peeking = merge_by_peeking(a.iter().copied(), b.iter().copied());
            proptest::prop_assert_eq!(merge_sorted(&a, |&k| k, &b, |&k| k, 0), by_peeking);
            a.sort_unstable();
            b.sort_unstable();
            let mut want = [a.clone(), b.clone()].concat();
            want.sort_unstable();
            proptest::prop_assert_eq!(merge_sorted(&a, |&k| k, &b, |&(s, e)| (s, e), 0), want);
        }

        #[test]
        fn merging_into_a_list_merges_them(mut a in proptest::collection::vec((0usize..20, 0usize..20), 0..12), mut b in proptest::collection::vec((0usize..20, 0usize..20), 0..12)) {
            a.sort_unstable();
            b.sort_unstable();
            let want = merge_sorted(&a, |&k| k, &b, |&k| k, 0);
            let mut got = a.clone();
            merge_into(&mut got, &b);
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn merging_spans_merges_them_in_turn(
            a in proptest::collection::vec((0usize..30, 0usize..6), 0..12),
            b in proptest::collection::vec((0usize..30, 0usize..6), 0..12),
            c in proptest::collection::vec((0usize..30, 0usize..6), 0..6),
        ) {
            // Sorted lists of spans (overlapping, nested, equal, empty), as the matchers and the
            // bylines give them; the places and actors as matches.
            let sorted = |v: Vec<(usize, usize)>| {
                let mut v: Vec<(usize, usize)> = v.into_iter().map(|(s, l)| (s, s + l)).collect();
                v.sort_unstable();
                v
            };
            let (a, b, c) = (sorted(a), sorted(b), sorted(c));
            let matches = |v: &[(usize, usize)]| v.iter().zip(0..).map(|(&(start, end), item)| NameMatch { item, start, end }).collect::<Vec<_>>();
            let (ma, mb) = (matches(&a), matches(&b));
            let span = |m: &NameMatch| (m.start, m.end);
            let mut want = merge_sorted(&ma, span, &mb, span, c.len());
            merge_into(&mut want, &c);
            let (got, grow) = merge_spans(&ma, &mb, &c);
            proptest::prop_assert_eq!(&got, &want);
            proptest::prop_assert_eq!(grow, want.windows(2).all(|w| w[0].1 <= w[1].1));
        }

        #[test]
        fn known_spans_answer_as_binary_search(
            mut spans in proptest::collection::vec((0usize..40, 0usize..8), 0..12),
            queries in proptest::collection::vec((0usize..50, 0usize..6), 0..30),
        ) {
            // Spans whose ends grow with their starts, and spans inside others.
            let mut spans: Vec<(usize, usize)> = spans.drain(..).map(|(s, l)| (s, s + l)).collect();
            spans.sort_unstable();
            let known = Known::new(spans.clone());
            for (q, l) in queries {
                let first = spans.partition_point(|k| k.1 <= q);
                let want = spans.get(first).is_some_and(|k| k.0 < q + l);
                proptest::prop_assert_eq!(known.covers(q, q + l), want, "{:?} at {}..{}", spans, q, q + l);
            }
        }

        #[test]
        fn stop_words_are_the_listed_words(w in "[A-Za-z.-]{0,12}", k in 0usize..1000) {
            let listed = STOP.iter().chain(super::super::dates::NAME_CUES).any(|s| *s == w);
            proptest::prop_assert_eq!(is_stop_word(&w), listed, "{:?}", w);
            let word = STOP_WORDS[k % STOP_WORDS.len()];
            proptest::prop_assert!(is_stop_word(word), "{:?}", word);
        }

        #[test]
        fn has_white_space_agrees_with_contains(s in "[a-zA-Z .'’\t\n\r\u{b}\u{c}\u{1c}\u{1f}\u{85}\u{a0}\u{2009}\u{3000}é-]{0,12}") {
            proptest::prop_assert_eq!(has_white_space(&s), s.contains(char::is_whitespace), "{:?}", s);
        }

        #[test]
        fn only_dots_between_agrees_with_trimming(gap in "[ .\t\n\r\u{b}\u{c}\u{a0}a]{0,8}") {
            proptest::prop_assert_eq!(only_dots_between(&gap), gap.trim().trim_matches('.').is_empty(), "{:?}", gap);
        }

        #[test]
        fn word_before_agrees_with_splitting(text in "[a-zA-Z0-9 .,'’-]{0,6}[ a-zÉé’'.\\-—]{0,6}", cut in 0usize..20) {
            let at = (0..=cut.min(text.len())).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
            let split = text[..at].rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '.')).next().unwrap_or("");
            proptest::prop_assert_eq!(word_before(&text, at), split, "{:?} at {}", text, at);
        }

        #[test]
        fn word_before_agrees_with_splitting_any_text(text in "\\PC{0,16}") {
            let split = text.rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '.')).next().unwrap_or("");
            proptest::prop_assert_eq!(word_before(&text, text.len()), split, "{:?}", text);
        }

        #[test]
        fn adjacent_words_as_only_dots_between(text in "[ .a\t\u{a0}é]{0,10}", end in 0usize..12, len in 0usize..4) {
            let boundary = |k: usize| (0..=k.min(text.len())).rev().find(|&f| text.is_char_boundary(f)).unwrap_or(0);
            let (end, next) = (boundary(end), boundary(end + len));
            proptest::prop_assert_eq!(adjacent_words(&text, end, next), only_dots_between(&text[end..next]), "{:?} {}..{}", text, end, next);
        }

        #[test]
        fn hyphen_particle_agrees_with_the_first_hyphen(w in "(al|el|ash|bin|abu|a|-|x|é)?(al|-|é|[a-zA-Z]){0,6}") {
            // The particle before the word's first hyphen, as first written.
            let simple = w.bytes().position(|b| b == b'-').is_some_and(|k| {
                matches!(&w[..k], "al" | "el" | "ad" | "ash" | "as" | "at" | "az" | "an" | "ar" | "ul" | "bin" | "ibn" | "abu")
                    && w.as_bytes().get(k + 1).is_some_and(u8::is_ascii_uppercase)
            });
            proptest::prop_assert_eq!(hyphen_particle(&w), simple, "{:?}", w);
        }

        #[test]
        fn capitalised_agrees_with_its_definition(w in "[a-zA-Z0-9'’əƏİıΣσ-]{0,8}") {
            let simple = w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase);
            proptest::prop_assert_eq!(capitalised(&w), simple, "{:?}", w);
        }
    }
}
