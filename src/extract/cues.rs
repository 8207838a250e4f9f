//! The cue words of a whole article, found in one pass: date words (months, weekdays,
//! relative words), speech verbs, casualty word stems, the scope and category phrases
//! of casualty sentences, the words without which no truce word is found and those without
//! which nothing is said to take effect. One case-insensitive automaton reports every occurrence of every
//! cue (overlapping), and each kind of cue is then read with its own rule: date words and
//! speech verbs leftmost-longest without overlaps (verbs in their exact case, whole words),
//! casualty stems, truce and taking-effect hints anywhere, phrases as whole words. Before, each kind was a search of its
//! own over the text.

use std::sync::LazyLock;

use super::{attribution, claims, dates, meta};
use crate::text::{Span, is_whole_ascii_word};

/// What a cue stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// A date word: its index in [`dates::DATE_CUES`].
    Date(u16),
    /// A speech verb: its index in [`attribution::VERBS`] (matched in its exact case).
    Verb(u16),
    /// A casualty word stem.
    Casualty,
    /// A sentence phrase of this group of [`claims::SENTENCE_PHRASES`].
    Phrase(u8),
    /// A truce word hint ([`meta::TRUCE_HINTS`]).
    Truce,
    /// A hint of what takes effect ([`meta::TAKES_EFFECT_HINTS`]).
    Effect,
}

/// The distinct lower-case cues and what each stands for.
fn patterns() -> (Vec<String>, Vec<Vec<Kind>>) {
    let mut cues: Vec<(String, Kind)> = Vec::new();
    // (Fewer than 2^16 date words and verbs: an index is a `u16`, so that a cue's end in the
    // automaton's table, read at every cue found, takes eight bytes.)
    let index = |i: usize| u16::try_from(i).unwrap_or_else(|_| panic!("too many cues"));
    cues.extend(dates::DATE_CUES.iter().enumerate().map(|(i, c)| (c.to_ascii_lowercase(), Kind::Date(index(i)))));
    cues.extend(attribution::VERBS.iter().enumerate().map(|(i, c)| (c.to_ascii_lowercase(), Kind::Verb(index(i)))));
    cues.extend(claims::CASUALTY_STEMS.iter().map(|c| (c.to_ascii_lowercase(), Kind::Casualty)));
    for (g, group) in claims::SENTENCE_PHRASES.iter().enumerate() {
        cues.extend(group.iter().map(|c| (c.to_ascii_lowercase(), Kind::Phrase(g as u8))));
    }
    cues.extend(meta::TRUCE_HINTS.iter().map(|c| (c.to_ascii_lowercase(), Kind::Truce)));
    cues.extend(meta::TAKES_EFFECT_HINTS.iter().map(|c| (c.to_ascii_lowercase(), Kind::Effect)));
    let mut kinds: Vec<Vec<Kind>> = Vec::with_capacity(cues.len());
    // Each distinct cue's place in `kinds` (and in the patterns), borrowed from `cues`, by a
    // fast hash; each cue's string is kept, not copied, when it is the first of its kind.
    let mut place: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::with_capacity_and_hasher(cues.len(), Default::default());
    let mut first = vec![false; cues.len()];
    for (n, (c, k)) in cues.iter().enumerate() {
        match place.get(c.as_str()) {
            Some(&i) if !kinds[i].contains(k) => kinds[i].push(*k),
            Some(_) => {}
            None => {
                place.insert(c, kinds.len());
                kinds.push(vec![*k]);
                first[n] = true;
            }
        }
    }
    drop(place);
    let patterns = cues.into_iter().zip(first).filter_map(|((c, _), first)| first.then_some(c)).collect();
    (patterns, kinds)
}

/// Table entries per state: a state times `SCALE` is its row's first entry in
/// [`Automaton::table`] (rows of the states where no cue ends may take `SCALE << 15` entries
/// in all: about twice what the cues need).
const SCALE: usize = 4;

/// Entries of [`Automaton::table`] for the states' rows: room for a row at [`SCALE`] times
/// any `u16` (a state), so that a state so scaled plus a byte class (a `u8`) needs no bounds
/// check and no mask ([`Automaton::new`] asserts that the cues fit).
const TABLE: usize = SCALE * (1 << 16) + 256;

/// The first state where cues end: those states are numbered from here on (their rows in the
/// upper half of [`Automaton::table`]), the others below it, so a state's top bit tells
/// whether cues end there (a constant: no register kept for it in the search loop).
const FIRST_MATCH: u16 = 1 << 15;

/// The blocks of eight bytes of each half that [`Automaton::run`] reads between two checks
/// of its lists' room (each check makes room for a hit at every byte of the group's blocks,
/// which the room made at first holds: no list grows for a news text).
const GROUP: usize = 32;

/// Room for the cues ending at the states where cues end, in [`Automaton::ends`]: a power
/// of two, so that an entry read at an index masked by it needs no bounds check
/// ([`Automaton::new`] asserts that the cues fit).
const ENDS: usize = 1 << 12;

/// A cue ending at a state of [`Automaton`] (eight bytes: one read at an index scaled by
/// eight, no multiplication by three first).
#[derive(Debug, Clone, Copy)]
struct End {
    /// Its length in bytes.
    len: u16,
    /// Whether it is the last cue of its state (the list of the next state follows), so
    /// that the cues of a state are read without the end of their range.
    last: bool,
    /// What it stands for.
    kind: Kind,
}

const _: () = assert!(std::mem::size_of::<End>() == 8);

/// An Aho-Corasick automaton (every occurrence, overlapping) over the cues, ASCII case
/// folded, as one flat transition table of `u16` entries (the rows of the states that the
/// search reads most, by the start, kept small and together): the search loop
/// ([`Automaton::run`]) reads one byte class and one table entry per byte and tests the
/// state's top bit ([`FIRST_MATCH`]).
struct Automaton {
    /// The next state by state and class: a state is the index of its row's first entry
    /// divided by [`SCALE`] (rows of [`Automaton::width`] entries, a multiple of `SCALE`,
    /// breadth first: those of the states where no cue ends one after the other from 0, the
    /// others from `SCALE` times [`FIRST_MATCH`]); the start state is 0. A state where cues
    /// end has `SCALE` more entries after its row, the first two the range of
    /// [`Automaton::ends`] listing them. After the [`TABLE`] entries of
    /// the rows, the byte class of each byte: one per byte the cues hold (an upper-case ASCII
    /// letter shares its lower case's), 0 for the rest. (One allocation for both, so that the
    /// search loop keeps one address for them.)
    table: Box<[u16; TABLE + 256]>,
    /// Entries of a row: the number of classes, rounded up to a multiple of [`SCALE`] (below
    /// 256, so that a state's cue range, read after its row, needs no bounds check either).
    width: u8,
    /// The cues ending at a state, each state's last marked, the first of [`ENDS`] entries
    /// (the rest unused), so that an index below `ENDS` needs no bounds check.
    ends: Box<[End; ENDS]>,
    /// The length in bytes of the longest cue.
    longest: usize,
    /// Each speech verb of [`attribution::VERBS`] as [`verb_at`] compares it.
    verbs: Vec<VerbWord>,
}

impl Automaton {
    fn new() -> Automaton {
        let (patterns, kinds) = patterns();
        let mut classes = [0u8; 256];
        let mut n_classes = 1usize;
        for p in &patterns {
            for &c in p.as_bytes() {
                if classes[usize::from(c)] == 0 {
                    classes[usize::from(c)] = u8::try_from(n_classes).unwrap_or_else(|_| panic!("too many byte classes"));
                    n_classes += 1;
                }
            }
        }
        for c in b'A'..=b'Z' {
            classes[usize::from(c)] = classes[usize::from(c.to_ascii_lowercase())];
        }
        // The trie, then the failure links breadth first; a missing child becomes the
        // transition its failure state takes, so `next` ends up the full transition table.
        // (Room for a state per byte of the cues, the most the trie can have: `next` is not
        // copied as it grows.)
        const NONE: u32 = u32::MAX;
        let most = patterns.iter().map(String::len).sum::<usize>() + 1;
        let mut next: Vec<u32> = Vec::with_capacity(most * n_classes);
        next.resize(n_classes, NONE);
        let mut ends: Vec<Vec<usize>> = Vec::with_capacity(most);
        ends.push(Vec::new());
        // Each edge of the trie: (parent, class, child), in the order made.
        let mut edges: Vec<(usize, u8, u32)> = Vec::with_capacity(most);
        for (i, p) in patterns.iter().enumerate() {
            let mut s = 0;
            for &c in p.as_bytes() {
                let class = classes[usize::from(c)];
                let at = s * n_classes + usize::from(class);
                if next[at] == NONE {
                    let child = u32::try_from(ends.len()).unwrap_or_else(|_| panic!("too many states"));
                    next[at] = child;
                    next.extend(std::iter::repeat_n(NONE, n_classes));
                    ends.push(Vec::new());
                    edges.push((s, class, child));
                }
                s = next[at] as usize;
            }
            ends[s].push(i);
        }
        // The children of each state in the order of their classes, (class, child): those of
        // state `s` are `children[kids[s]..kids[s + 1]]` (placed by a count of each state's
        // children, then each state's few sorted).
        let mut kids = vec![0usize; ends.len() + 1];
        for &(parent, _, _) in &edges {
            kids[parent + 1] += 1;
        }
        for s in 1..kids.len() {
            kids[s] += kids[s - 1];
        }
        let mut children = vec![(0u8, 0u32); edges.len()];
        let mut free = kids.clone();
        for &(parent, class, child) in &edges {
            children[free[parent]] = (class, child);
            free[parent] += 1;
        }
        for s in 0..ends.len() {
            children[kids[s]..kids[s + 1]].sort_unstable();
        }
        let mut fail = vec![0usize; ends.len()];
        let mut order = vec![0usize];
        let mut k = 0;
        // The start state's missing children go back to it.
        for slot in &mut next[..n_classes] {
            if *slot == NONE {
                *slot = 0;
            }
        }
        while k < order.len() {
            let s = order[k];
            k += 1;
            // A state's row is its failure state's (whose row is whole: it comes before in
            // breadth-first order), but for its children, whose failure states are read there.
            // (Not the start state's, whose row is its children and itself.)
            let f = fail[s];
            if s != 0 {
                next.copy_within(f * n_classes..(f + 1) * n_classes, s * n_classes);
            }
            for &(class, child) in &children[kids[s]..kids[s + 1]] {
                let (class, child) = (usize::from(class), child as usize);
                let via = if s == 0 { 0 } else { next[s * n_classes + class] as usize };
                next[s * n_classes + class] = child as u32;
                fail[child] = via;
                if !ends[via].is_empty() {
                    let inherited = ends[via].clone();
                    ends[child].extend(inherited);
                }
                order.push(child);
            }
        }
        // Numbered breadth first, the states where no cue ends (the start state 0 among them)
        // from 0, the others from [`FIRST_MATCH`]; a state is its row's offset over [`SCALE`].
        let (quiet, matching): (Vec<usize>, Vec<usize>) = order.iter().partition(|&&s| ends[s].is_empty());
        let width = n_classes.next_multiple_of(SCALE);
        assert!(width < 256, "too many byte classes");
        let mut number = vec![0u16; ends.len()];
        for (n, &s) in quiet.iter().enumerate() {
            number[s] = (n * width / SCALE) as u16;
        }
        assert!(quiet.len() * width <= SCALE * usize::from(FIRST_MATCH), "the cues need {} table entries", quiet.len() * width);
        for (n, &s) in matching.iter().enumerate() {
            number[s] = u16::try_from(usize::from(FIRST_MATCH) + n * (width + SCALE) / SCALE).unwrap_or_else(|_| panic!("too many states"));
        }
        let mut table: Box<[u16; TABLE + 256]> =
            vec![0u16; TABLE + 256].into_boxed_slice().try_into().unwrap_or_else(|_| panic!("table size"));
        for (row, &n) in next.chunks_exact(n_classes).zip(&number) {
            let at = SCALE * usize::from(n);
            for (slot, &to) in table[at..at + n_classes].iter_mut().zip(row) {
                *slot = number[to as usize];
            }
        }
        let mut flat: Vec<End> = Vec::new();
        for &s in &matching {
            let from = flat.len();
            for &p in &ends[s] {
                let len = u16::try_from(patterns[p].len()).unwrap_or_else(|_| panic!("cue too long"));
                flat.extend(kinds[p].iter().map(|&kind| End { len, last: false, kind }));
            }
            if let Some(e) = flat.last_mut() {
                e.last = true;
            }
            let at = SCALE * usize::from(number[s]) + width;
            let range = [from, flat.len()].map(|e| u16::try_from(e).unwrap_or_else(|_| panic!("too many cue ends")));
            table[at..at + 2].copy_from_slice(&range);
        }
        for (byte, &class) in classes.iter().enumerate() {
            table[TABLE + byte] = u16::from(class);
        }
        let longest = patterns.iter().map(String::len).max().unwrap_or(0);
        let verbs = attribution::VERBS.iter().map(|v| VerbWord::of(v)).collect();
        assert!(flat.len() <= ENDS, "too many cue ends: {}", flat.len());
        flat.resize(ENDS, End { len: 0, last: true, kind: Kind::Casualty });
        let ends = flat.into_boxed_slice().try_into().unwrap_or_else(|_| panic!("cue ends"));
        Automaton { table, width: width as u8, ends, longest, verbs }
    }
}

/// What [`Automaton::ends_at`] reads, taken out of the automaton once per text (not read
/// again at every hit).
struct Ends<'a> {
    table: &'a [u16; TABLE + 256],
    ends: &'a [End; ENDS],
    width: u8,
}

impl Ends<'_> {
    /// The index in [`Automaton::ends`] of the first cue ending at state `sid` (as
    /// [`Automaton::run`] found it: a `u16`, read as one, so that its index needs no bounds
    /// check); the state's cues go on to the one marked [`End::last`].
    #[inline(always)]
    fn first(&self, sid: usize) -> u16 {
        self.table[SCALE * usize::from(sid as u16) + usize::from(self.width)]
    }

    /// The `k`th entry of [`Automaton::ends`] (below [`ENDS`], as every index of a state's
    /// cues is: masked, it needs no bounds check).
    #[inline(always)]
    fn entry(&self, k: u16) -> End {
        self.ends[usize::from(k) % ENDS]
    }

    /// The cues ending at state `sid`: (length in bytes, what the cue stands for), read to
    /// the end of their range in the table (which tests [`End::last`]).
    #[cfg(test)]
    fn at(&self, sid: usize) -> impl Iterator<Item = (usize, Kind)> + '_ {
        let at = SCALE * usize::from(sid as u16) + usize::from(self.width);
        let (from, to) = (self.table[at], self.table[at + 1]);
        assert!((from..to).all(|k| self.entry(k).last == (k + 1 == to)), "the last cue of state {sid} marked");
        (from..to).map(|k| self.entry(k)).map(|e| (e.len as usize, e.kind))
    }
}

impl Automaton {
    /// The automaton's lists of the cues ending at each state.
    fn ends_at(&self) -> Ends<'_> {
        Ends { table: &self.table, ends: &self.ends, width: self.width }
    }

    /// Runs over `b` from the start state and adds to `found` each byte where a cue ends, in
    /// order: the position after it and the state there. Two table reads (class and next
    /// state) and one test of the state's top bit per byte; not inlined, so the loop keeps its few values in
    /// registers instead of sharing them with the match handling.
    ///
    /// A text of more than a few hundred bytes is read as two halves at once, so that the
    /// table reads of one half need not wait for the other's: each byte's next state depends
    /// on the state before, and one chain of such reads leaves the processor idle between
    /// them. The second half starts [`Automaton::longest`] bytes early from the start state:
    /// after as many bytes as the longest cue, the state no longer depends on where the
    /// reading began (it is the longest suffix read that starts a cue), so from the half's
    /// first byte on it finds exactly what one pass would.
    #[inline(never)]
    fn run(&self, b: &[u8], found: &mut Vec<(usize, usize)>) {
        let table = &*self.table;
        // (A class is below 256: read as a byte, it needs no bounds check beside the state.)
        let next = |sid: usize, c: u8| usize::from(table[SCALE * sid + usize::from(table[TABLE + usize::from(c)] as u8)]);
        let hit = |sid: usize| sid >= usize::from(FIRST_MATCH);
        let lead = self.longest;
        if b.len() < 4 * lead + 256 {
            let mut sid = 0;
            for (j, &c) in b.iter().enumerate() {
                sid = next(sid, c);
                if hit(sid) {
                    found.push((j + 1, sid));
                }
            }
            return;
        }
        // The second half starts its reading `lead` bytes before its first byte, finding
        // nothing there; then both halves go on side by side, and the second reads the odd
        // byte at the end alone.
        let half = b.len() / 2;
        let mut s2 = 0;
        for &c in &b[half - lead..half] {
            s2 = next(s2, c);
        }
        let mut s1 = 0;
        let mut later: Vec<(usize, usize)> = Vec::with_capacity(found.capacity() / 2 + 8 * GROUP);
        // Eight bytes of each half a step (fixed-size blocks need no bounds checks), then
        // what is left of each. Room for a hit at every byte of a group of blocks is made
        // before the group, so that a hit is written where it goes and counted, with no
        // capacity check and no call.
        let (blocks1, rest1) = b[..half].as_chunks::<8>();
        let (blocks2, _) = b[half..2 * half].as_chunks::<8>();
        let mut from = 0;
        while from < blocks1.len() {
            let to = blocks1.len().min(from + GROUP);
            found.reserve(8 * GROUP);
            later.reserve(8 * GROUP);
            // Where the next hit of each half goes (the second half's counted from the half:
            // `half` is added as they are appended).
            // SAFETY: the lists' lengths, within their allocations.
            let (mut w1, mut w2) = unsafe { (found.as_mut_ptr().add(found.len()), later.as_mut_ptr().add(later.len())) };
            for (k, (block1, block2)) in blocks1[from..to].iter().zip(&blocks2[from..to]).enumerate() {
                let at = 8 * (from + k) + 1;
                for j in 0..8 {
                    s1 = next(s1, block1[j]);
                    s2 = next(s2, block2[j]);
                    // SAFETY (both writes): room for `8 * GROUP` more was made before the
                    // group, whose at most `8 * GROUP` bytes write at most one entry each.
                    if hit(s1) {
                        unsafe {
                            w1.write((at + j, s1));
                            w1 = w1.add(1);
                        }
                    }
                    if hit(s2) {
                        unsafe {
                            w2.write((at + j, s2));
                            w2 = w2.add(1);
                        }
                    }
                }
            }
            // SAFETY: the entries up to `w1` and `w2` are those there before and those
            // written above, within the room made.
            unsafe {
                found.set_len(w1.offset_from_unsigned(found.as_ptr()));
                later.set_len(w2.offset_from_unsigned(later.as_ptr()));
            }
            from = to;
        }
        for e in &mut later {
            e.0 += half;
        }
        let done = half - rest1.len();
        for (j, &c) in rest1.iter().enumerate() {
            s1 = next(s1, c);
            if hit(s1) {
                found.push((done + j + 1, s1));
            }
        }
        for (j, &c) in b.iter().enumerate().skip(half + done) {
            s2 = next(s2, c);
            if hit(s2) {
                later.push((j + 1, s2));
            }
        }
        found.append(&mut later);
    }
}

/// A speech verb's bytes as one little-endian number and the mask of its bytes, when it has
/// at most eight (`mask` 0 for a longer verb).
#[derive(Debug, Clone, Copy)]
struct VerbWord {
    word: u64,
    mask: u64,
}

impl VerbWord {
    fn of(verb: &str) -> VerbWord {
        let b = verb.as_bytes();
        if b.len() > 8 || b.is_empty() {
            return VerbWord { word: 0, mask: 0 };
        }
        let mut bytes = [0u8; 8];
        bytes[..b.len()].copy_from_slice(b);
        VerbWord { word: u64::from_le_bytes(bytes), mask: u64::MAX >> (64 - 8 * b.len()) }
    }
}

/// Whether `b` holds `verb` (whose [`VerbWord`] is `w`) at `start`, in its exact case: the
/// eight bytes from `start` read as one number and compared under the verb's mask when the
/// verb has at most eight bytes and eight bytes follow `start` (most verbs found), else
/// compared as slices (a call to bcmp).
#[inline(always)]
fn verb_at(b: &[u8], start: usize, verb: &str, w: VerbWord) -> bool {
    match b.get(start..start + 8) {
        Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) if w.mask != 0 => u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]) & w.mask == w.word,
        _ => b.get(start..start + verb.len()) == Some(verb.as_bytes()),
    }
}

static ALL: LazyLock<Automaton> = LazyLock::new(Automaton::new);

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
    /// Hints of what takes effect (anywhere, overlapping): (start, end), in order.
    pub effect: Vec<(usize, usize)>,
}

/// Adds `x` to `v`, kept in the order `less`. Cues are found in the order of their ends, so
/// `x` goes at the end unless a longer cue ending here started before the last ones.
#[inline(always)]
fn insert_sorted<T: Copy>(v: &mut Vec<T>, x: T, less: impl Fn(&T, &T) -> bool) {
    if v.last().is_none_or(|last| !less(&x, last)) {
        v.push(x);
        return;
    }
    let mut j = v.len() - 1;
    while j > 0 && less(&x, &v[j - 1]) {
        j -= 1;
    }
    v.insert(j, x);
}

/// Leftmost-longest without overlaps, from every occurrence ordered by start, longest first:
/// (start, end, index), in place.
fn leftmost_longest(found: &mut Vec<(usize, usize, usize)>) {
    let mut free_from = 0;
    found.retain(|&(start, end, _)| {
        let keep = start >= free_from;
        if keep {
            free_from = end;
        }
        keep
    });
}

/// By start, then the longest first, then by index: the order [`leftmost_longest`] reads.
/// (Compared field by field with early exits: it runs at every date word and verb found.)
fn start_longest(a: &(usize, usize, usize), b: &(usize, usize, usize)) -> bool {
    a.0 < b.0 || (a.0 == b.0 && (a.1 > b.1 || (a.1 == b.1 && a.2 < b.2)))
}

/// All cues of `text`.
pub fn scan(text: &str) -> TextCues {
    let ac = &*ALL;
    let b = text.as_bytes();
    // Room for the cues of a news text (a few per hundred bytes) without growing.
    let room = text.len() / 128 + 4;
    let mut cues = TextCues {
        casualty: Vec::with_capacity(room),
        phrases: Vec::with_capacity(room),
        truce: Vec::with_capacity(room / 2),
        effect: Vec::with_capacity(room / 4),
        ..Default::default()
    };
    let mut date_words: Vec<(usize, usize, usize)> = Vec::with_capacity(2 * room);
    let mut verbs: Vec<(usize, usize, usize)> = Vec::with_capacity(room);
    // Every occurrence of every cue: at each byte, the cues of the state reached end there
    // (a state holds the cues that end its suffixes too).
    // (And room for the run's check before each group of blocks: see [`GROUP`].)
    let mut found = Vec::with_capacity(text.len() / 16 + 8 * GROUP + 16);
    ac.run(b, &mut found);
    let ends = ac.ends_at();
    for &(end, sid) in &found {
        // (A state where cues end has one at least: each read, to the one marked last.)
        let mut k = ends.first(sid);
        loop {
            let e = ends.entry(k);
            let start = end - e.len as usize;
            match e.kind {
                Kind::Date(i) => insert_sorted(&mut date_words, (start, end, usize::from(i)), start_longest),
                Kind::Verb(i) => {
                    let i = usize::from(i);
                    if verb_at(b, start, attribution::VERBS[i], ac.verbs[i]) {
                        insert_sorted(&mut verbs, (start, end, i), start_longest);
                    }
                }
                Kind::Casualty => insert_sorted(&mut cues.casualty, start, |a, b| a < b),
                Kind::Truce => insert_sorted(&mut cues.truce, start, |a, b| a < b),
                Kind::Effect => insert_sorted(&mut cues.effect, (start, end), |a, b| a < b),
                Kind::Phrase(g) => {
                    if is_whole_ascii_word(b, start, end) {
                        insert_sorted(&mut cues.phrases, (start, end, g), |a, b| a < b);
                    }
                }
            }
            if e.last {
                break;
            }
            k += 1;
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

    /// Every (start, end, kind) of every cue in `text`, from aho-corasick's overlapping search.
    fn every_occurrence_reference(text: &str) -> Vec<(usize, usize, Kind)> {
        let (patterns, kinds) = patterns();
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&patterns)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut v: Vec<(usize, usize, Kind)> = ac
            .find_overlapping_iter(text)
            .flat_map(|m| kinds[m.pattern().as_usize()].iter().map(move |&k| (m.start(), m.end(), k)))
            .collect();
        v.sort_unstable();
        v
    }

    /// Every (start, end, kind) of every cue in `text`, from [`Automaton`].
    fn every_occurrence(text: &str) -> Vec<(usize, usize, Kind)> {
        let ac = &*ALL;
        let mut v = Vec::new();
        let mut found = Vec::new();
        ac.run(text.as_bytes(), &mut found);
        for (end, sid) in found {
            v.extend(ac.ends_at().at(sid).map(|(len, k)| (end - len, end, k)));
        }
        v.sort_unstable();
        v
    }

    #[test]
    fn automaton_fits_its_table() {
        let ac = &*ALL;
        // (Each state's row lies in the table, from its state number, by construction.)
        assert!(ac.width > ac.table[TABLE..].iter().copied().max().unwrap_or(0) as u8);
    }

    /// Pieces of text the automaton proptests join: cues, parts of cues, other letters.
    const CUE_PARTS: &[&str] = &[
        " ",
        "SEPTEMBER",
        "sept",
        "октября",
        "Ноя",
        "day",
        "Mon",
        "TH",
        "ago",
        "night",
        "saying",
        "killed in total",
        "é",
        "к",
        "since dawn",
        "Fire",
    ];

    proptest::proptest! {
        /// [`verb_at`] against comparing the slices, on any text (the verbs in any case too).
        #[test]
        fn verbs_read_as_numbers_are_the_slices(
            parts in proptest::collection::vec((0usize..attribution::VERBS.len(), proptest::bool::ANY, "\\PC{0,3}"), 0..12),
            at in 0usize..200,
            verb in 0usize..attribution::VERBS.len(),
        ) {
            let text: String = parts
                .iter()
                .map(|(i, upper, other)| {
                    let v = attribution::VERBS[*i];
                    format!("{}{other}", if *upper { v.to_ascii_uppercase() } else { v.to_string() })
                })
                .collect();
            let b = text.as_bytes();
            let v = attribution::VERBS[verb];
            let w = VerbWord::of(v);
            for start in [at.min(b.len()), b.len().saturating_sub(v.len()), b.len().saturating_sub(8)] {
                let expected = b.get(start..start + v.len()) == Some(v.as_bytes());
                proptest::prop_assert_eq!(verb_at(b, start, v, w), expected, "{:?} at {} in {:?}", v, start, text);
            }
            // Every start where a verb of the text begins.
            for start in 0..b.len() {
                for (k, v) in attribution::VERBS.iter().enumerate() {
                    let expected = b.get(start..start + v.len()) == Some(v.as_bytes());
                    proptest::prop_assert_eq!(verb_at(b, start, v, ALL.verbs[k]), expected);
                }
            }
        }

        #[test]
        fn automaton_finds_what_aho_corasick_finds(parts in proptest::collection::vec(0usize..16, 0..60)) {
            let text: String = parts.iter().map(|&i| CUE_PARTS[i]).collect();
            proptest::prop_assert_eq!(every_occurrence(&text), every_occurrence_reference(&text));
        }

        /// Texts long enough to be read in two halves ([`Automaton::run`]), with cues across
        /// the middle.
        #[test]
        fn automaton_in_two_halves_finds_what_aho_corasick_finds(parts in proptest::collection::vec(0usize..16, 60..400)) {
            let text: String = parts.iter().map(|&i| CUE_PARTS[i]).collect();
            proptest::prop_assert_eq!(every_occurrence(&text), every_occurrence_reference(&text));
        }

        #[test]
        fn automaton_finds_what_aho_corasick_finds_in_any_text(text in "\\PC{0,80}") {
            proptest::prop_assert_eq!(every_occurrence(&text), every_occurrence_reference(&text));
        }

        #[test]
        fn one_pass_finds_what_separate_searches_find(parts in proptest::collection::vec(0usize..33, 0..40)) {
            const PARTS: &[&str] = &[
                " ", "Sept", "ember", "Sep", "May", "day", "mon", "th", "ago", "night", "over", "said", "According to", "according",
                " to", "SAID", "killed", "in total", " of", "civilians", ".", "so far", "cease", "fire", "TRUCE", "armi",
                "read", "statement", "letter", "EFFECT", " hold", "start", "into force",
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
            proptest::prop_assert_eq!(&c.effect, &every(meta::TAKES_EFFECT_HINTS));
        }
    }
}
