//! The cue words of a whole article, found in one pass: date words (months, weekdays,
//! relative words), speech verbs, casualty word stems, the scope and category phrases
//! of casualty sentences, and the words without which no truce word is found. One case-insensitive automaton reports every occurrence of every
//! cue (overlapping), and each kind of cue is then read with its own rule: date words and
//! speech verbs leftmost-longest without overlaps (verbs in their exact case, whole words),
//! casualty stems and truce hints anywhere, phrases as whole words. Before, each kind was a search of its
//! own over the text.

use std::sync::LazyLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

use super::{attribution, claims, dates, meta};
use crate::text::{Span, is_whole_ascii_word};

/// What a cue stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A date word: its index in [`dates::DATE_CUES`].
    Date(usize),
    /// A speech verb: its index in [`attribution::VERBS`] (matched in its exact case).
    Verb(usize),
    /// A casualty word stem.
    Casualty,
    /// A sentence phrase of this group of [`claims::SENTENCE_PHRASES`].
    Phrase(u8),
    /// A truce word hint ([`meta::TRUCE_HINTS`]).
    Truce,
}

/// The automaton (Standard semantics, for overlapping search) over the distinct lower-case
/// cues, its start state, and what each of its patterns stands for. It is the DFA type
/// itself, not `AhoCorasick`'s boxed automaton: the search loop in [`scan`] then inlines each
/// transition (a table lookup) instead of calling through a trait object at every byte, and
/// reports the matches of a state without leaving the loop (2-3x faster than
/// `find_overlapping_iter`).
static ALL: LazyLock<(DFA, aho_corasick::automaton::StateID, Vec<Vec<Kind>>)> = LazyLock::new(|| {
    let mut cues: Vec<(String, Kind)> = Vec::new();
    cues.extend(dates::DATE_CUES.iter().enumerate().map(|(i, c)| (c.to_ascii_lowercase(), Kind::Date(i))));
    cues.extend(attribution::VERBS.iter().enumerate().map(|(i, c)| (c.to_ascii_lowercase(), Kind::Verb(i))));
    cues.extend(claims::CASUALTY_STEMS.iter().map(|c| (c.to_ascii_lowercase(), Kind::Casualty)));
    for (g, group) in claims::SENTENCE_PHRASES.iter().enumerate() {
        cues.extend(group.iter().map(|c| (c.to_ascii_lowercase(), Kind::Phrase(g as u8))));
    }
    cues.extend(meta::TRUCE_HINTS.iter().map(|c| (c.to_ascii_lowercase(), Kind::Truce)));
    let mut patterns: Vec<String> = Vec::new();
    let mut kinds: Vec<Vec<Kind>> = Vec::new();
    for (c, k) in cues {
        match patterns.iter().position(|p| *p == c) {
            Some(i) if !kinds[i].contains(&k) => kinds[i].push(k),
            Some(_) => {}
            None => {
                patterns.push(c);
                kinds.push(vec![k]);
            }
        }
    }
    // No prefilter: the cues are common enough (one per 31 bytes) that skipping ahead to the
    // next possible start saves nothing, and without one the start state is not special.
    let dfa = DFA::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .start_kind(StartKind::Unanchored)
        .prefilter(false)
        .build(&patterns)
        .unwrap_or_else(|e| panic!("{e}"));
    let start = dfa.start_state(Anchored::No).unwrap_or_else(|e| panic!("{e}"));
    (dfa, start, kinds)
});

/// The cues of one text, each kind in text order.
#[derive(Debug, Default, Clone)]
pub struct TextCues {
    /// Date words, leftmost-longest.
    pub dates: dates::Cues,
    /// Speech verbs as written, leftmost-longest, whole words.
    pub verbs: Vec<Span>,
    /// Starts of casualty word stems (anywhere, inside words too).
    pub casualty: Vec<usize>,
    /// Sentence phrases as whole words, overlapping: (start, end, group of
    /// [`claims::SENTENCE_PHRASES`]).
    pub phrases: Vec<(usize, usize, u8)>,
    /// Starts of truce hints (anywhere).
    pub truce: Vec<usize>,
}

/// Leftmost-longest without overlaps, from every occurrence: (start, end, index), in place.
fn leftmost_longest(found: &mut Vec<(usize, usize, usize)>) {
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut free_from = 0;
    found.retain(|&(start, end, _)| {
        let keep = start >= free_from;
        if keep {
            free_from = end;
        }
        keep
    });
}

/// All cues of `text`.
pub fn scan(text: &str) -> TextCues {
    let (dfa, start, kinds) = &*ALL;
    let b = text.as_bytes();
    // Room for the cues of a news text (a few per hundred bytes) without growing.
    let room = text.len() / 128 + 4;
    let mut cues = TextCues {
        casualty: Vec::with_capacity(room),
        phrases: Vec::with_capacity(room),
        truce: Vec::with_capacity(room / 4),
        ..Default::default()
    };
    let mut date_words: Vec<(usize, usize, usize)> = Vec::with_capacity(room);
    let mut verbs: Vec<(usize, usize, usize)> = Vec::with_capacity(room / 2);
    // Every occurrence of every cue, as an overlapping search reports them: at each byte, the
    // patterns of the state reached end there (a Standard automaton's match states hold the
    // patterns of their suffixes too).
    let mut sid = *start;
    for (at, &byte) in b.iter().enumerate() {
        sid = dfa.next_state(Anchored::No, sid, byte);
        if !dfa.is_special(sid) || !dfa.is_match(sid) {
            continue;
        }
        let end = at + 1;
        for k in 0..dfa.match_len(sid) {
            let pattern = dfa.match_pattern(sid, k);
            let start = end - dfa.pattern_len(pattern);
            for &kind in &kinds[pattern.as_usize()] {
                match kind {
                    Kind::Date(i) => date_words.push((start, end, i)),
                    Kind::Verb(i) => {
                        if &b[start..end] == attribution::VERBS[i].as_bytes() {
                            verbs.push((start, end, i));
                        }
                    }
                    Kind::Casualty => cues.casualty.push(start),
                    Kind::Truce => cues.truce.push(start),
                    Kind::Phrase(g) => {
                        if is_whole_ascii_word(b, start, end) {
                            cues.phrases.push((start, end, g));
                        }
                    }
                }
            }
        }
    }
    leftmost_longest(&mut date_words);
    cues.dates = dates::Cues::from_found(date_words);
    leftmost_longest(&mut verbs);
    cues.verbs = verbs
        .into_iter()
        .filter(|&(start, end, i)| {
            is_whole_ascii_word(b, start, end)
                && (!attribution::VERBS[i].starts_with("read") || attribution::reads_after_statement(b, start))
        })
        .map(|(start, end, _)| Span { start, end })
        .collect();
    cues.casualty.sort_unstable();
    cues.truce.sort_unstable();
    cues.phrases.sort_unstable();
    cues
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    /// Leftmost-longest search of one list of patterns, the way aho-corasick does it.
    fn reference(patterns: &[&str], case_insensitive: bool, text: &str) -> Vec<(usize, usize, usize)> {
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(case_insensitive)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap_or_else(|e| panic!("{e}"));
        ac.find_iter(text).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect()
    }

    proptest::proptest! {
        #[test]
        fn one_pass_finds_what_separate_searches_find(parts in proptest::collection::vec(0usize..29, 0..40)) {
            const PARTS: &[&str] = &[
                " ", "Sept", "ember", "Sep", "May", "day", "mon", "th", "ago", "night", "over", "said", "According to", "according",
                " to", "SAID", "killed", "in total", " of", "civilians", ".", "so far", "cease", "fire", "TRUCE", "armi",
                "read", "statement", "letter",
            ];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let c = scan(&text);
            proptest::prop_assert_eq!(c.dates.found(), &reference(&dates::DATE_CUES, true, &text)[..]);
            let verbs: Vec<Span> = reference(attribution::VERBS, false, &text)
                .into_iter()
                .filter(|&(s, e, i)| is_whole_ascii_word(text.as_bytes(), s, e) && (!attribution::VERBS[i].starts_with("read") || attribution::reads_after_statement(text.as_bytes(), s)))
                .map(|(start, end, _)| Span { start, end })
                .collect();
            proptest::prop_assert_eq!(&c.verbs, &verbs);
            // Every stem occurrence, and every whole-word phrase occurrence.
            let lower = text.to_ascii_lowercase();
            let mut stems: Vec<usize> = claims::CASUALTY_STEMS.iter().flat_map(|s| lower.match_indices(s).map(|(i, _)| i)).collect();
            stems.sort_unstable();
            proptest::prop_assert_eq!(&c.casualty, &stems);
            let mut phrases: Vec<(usize, usize, u8)> = claims::SENTENCE_PHRASES
                .iter()
                .enumerate()
                .flat_map(|(g, group)| {
                    let lower = &lower;
                    group.iter().flat_map(move |p| {
                        (0..lower.len()).filter(move |&i| lower[i..].starts_with(p)).map(move |i| (i, i + p.len(), g as u8))
                    })
                })
                .filter(|&(s, e, _)| is_whole_ascii_word(text.as_bytes(), s, e))
                .collect();
            phrases.sort_unstable();
            phrases.dedup();
            proptest::prop_assert_eq!(&c.phrases, &phrases);
            let every = |hints: &[&str]| {
                let mut v: Vec<(usize, usize)> = Vec::new();
                for h in hints {
                    v.extend((0..lower.len()).filter(|&i| lower[i..].starts_with(h)).map(|i| (i, i + h.len())));
                }
                v.sort_unstable();
                v
            };
            proptest::prop_assert_eq!(&c.truce, &every(meta::TRUCE_HINTS).iter().map(|h| h.0).collect::<Vec<_>>());
        }
    }
}
