//! Text helpers shared by the extractors: characters around a byte offset, sentence
//! splitting with byte spans, word tokens, and the bit masks (word, space, digit bytes) from
//! which an article's tokens, word starts and digit runs are read, each byte classified once;
//! and a filter of words by first byte, last byte and length that spares most hash lookups.

/// Letters, digits and the joiners that can sit inside a word.
#[inline]
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return is_ascii_word_byte(u as u8);
    }
    is_word_char_beyond_ascii(c)
}

/// [`is_word_char`] of a character beyond ASCII: Latin, Greek, Cyrillic, Armenian, Hebrew
/// and Arabic from a table, the general punctuation (curly quotes, dashes; none of it a
/// word character) at once, instead of Unicode's tables at every character.
#[inline(never)]
fn is_word_char_beyond_ascii(c: char) -> bool {
    let u = c as u32;
    if let Some(bits) = WORD_TABLE.get((u >> 6) as usize) {
        return bits >> (u & 63) & 1 != 0;
    }
    if (0x2000..0x2070).contains(&u) {
        return false;
    }
    c.is_alphanumeric()
}

/// [`is_word_char`] of every character below U+0800, one bit each.
static WORD_TABLE: std::sync::LazyLock<[u64; 0x800 / 64]> = std::sync::LazyLock::new(|| {
    let mut t = [0u64; 0x800 / 64];
    for u in 0u32..0x800 {
        if char::from_u32(u).is_some_and(|c| c.is_alphanumeric() || c == '_') {
            t[(u >> 6) as usize] |= 1 << (u & 63);
        }
    }
    t
});

/// The end of `word` (lower case ASCII) read at byte `i` of `b` as a case-insensitive pattern
/// reads it: in any ASCII case, an `s` also as `ſ` and a `k` also as the Kelvin sign `K`
/// (no other letter has a case form beyond ASCII).
pub(crate) fn folded_at(b: &[u8], mut i: usize, word: &str) -> Option<usize> {
    for &w in word.as_bytes() {
        match b.get(i) {
            Some(c) if c.eq_ignore_ascii_case(&w) => i += 1,
            _ if w == b's' && b.get(i..).is_some_and(|t| t.starts_with("ſ".as_bytes())) => i += 2,
            _ if w == b'k' && b.get(i..).is_some_and(|t| t.starts_with("\u{212A}".as_bytes())) => i += 3,
            _ => return None,
        }
    }
    Some(i)
}

/// An ASCII word byte (letter, digit, `_`): what the regex patterns' ASCII word boundaries
/// (`(?-u:\b)`) take for a word character. (Read from a table, [`WORD_BYTES`]: one load, not
/// the compares of three ranges, for each of the hundreds of thousands of bytes asked about
/// at the ends of cues, dates and names.)
#[inline]
pub const fn is_ascii_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

/// [`is_ascii_word_byte`] by its ranges: how [`WORD_BYTES`] is made, and what a loop over
/// many bytes asks (the compiler runs such a loop sixteen bytes a step).
const fn is_ascii_word_byte_by_ranges(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether each byte is an ASCII word byte ([`is_ascii_word_byte_by_ranges`]).
const WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = is_ascii_word_byte_by_ranges(c as u8);
        c += 1;
    }
    t
};

/// Whether `start..end` of `b` is whole ASCII words: no ASCII word byte just before or after.
pub fn is_whole_ascii_word(b: &[u8], start: usize, end: usize) -> bool {
    (start == 0 || !is_ascii_word_byte(b[start - 1])) && !b.get(end).is_some_and(|&c| is_ascii_word_byte(c))
}

/// The character ending just before byte offset `i`.
pub fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character starting at byte offset `i`.
pub fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The largest char boundary of `text` at or below `i` (and at most `text.len()`).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `s.trim_start()`: its ASCII white space (the tab to the carriage return and the space, the
/// white space of most texts) passed over byte by byte; from a byte beyond ASCII on, the rest
/// by `str::trim_start`.
pub(crate) fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b'\t'..=b'\r' | b' ') {
        i += 1;
    }
    match b.get(i) {
        Some(c) if !c.is_ascii() => s[i..].trim_start(),
        _ => &s[i..],
    }
}

/// `t.trim_end()`: its ASCII white space passed over byte by byte from the end; only a text
/// whose last byte left is beyond ASCII is trimmed by characters.
pub(crate) fn trim_end(t: &str) -> &str {
    let b = t.as_bytes();
    let mut k = b.len();
    while k > 0 && matches!(b[k - 1], b'\t'..=b'\r' | b' ') {
        k -= 1;
    }
    if k > 0 && !b[k - 1].is_ascii() { t[..k].trim_end() } else { &t[..k] }
}

/// `s.trim()`, told at once when `s` opens and ends with an ASCII byte that is no white space
/// (most words: then nothing is trimmed), else by [`trim_start`] and [`trim_end`].
pub(crate) fn trim(s: &str) -> &str {
    let solid = |c: &u8| c.is_ascii() && !matches!(c, b'\t'..=b'\r' | b' ');
    match s.as_bytes() {
        [a, .., z] if solid(a) && solid(z) => s,
        [a] if solid(a) => s,
        _ => trim_end(trim_start(s)),
    }
}

/// `s` in ASCII lower case, borrowed when it already is (most words are), so hot loops do
/// not allocate.
pub fn ascii_lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) { std::borrow::Cow::Owned(s.to_ascii_lowercase()) } else { std::borrow::Cow::Borrowed(s) }
}

/// `w` without trailing possessives (`'s`, `’s`), as `trim_end_matches` would remove them,
/// without building a substring searcher for every word.
pub fn strip_possessive(mut w: &str) -> &str {
    loop {
        match w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            Some(rest) => w = rest,
            None => return w,
        }
    }
}

/// A set of words seen only through their first byte, last byte and length, one bit each of
/// 4,096: a word it does not keep is none of the words it was made of, so a hash set of those
/// words is asked only for the few other words that share all three with one of them (most
/// capitalised words of news are no stop word and no demonym).
#[derive(Debug, Clone)]
pub(crate) struct WordFilter {
    bits: [u64; 64],
}

impl WordFilter {
    /// The filter keeping `words` (and a few others).
    pub(crate) fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let mut bits = [0u64; 64];
        for w in words {
            let bit = Self::bit(w.as_bytes());
            bits[bit / 64] |= 1 << (bit % 64);
        }
        WordFilter { bits }
    }

    /// The bit of a word.
    #[inline]
    fn bit(w: &[u8]) -> usize {
        let (first, last) = match w {
            [] => (0, 0),
            [f, ..] => (*f, w[w.len() - 1]),
        };
        let key = u64::from(first) | u64::from(last) << 8 | (w.len() as u64) << 16;
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize
    }

    /// Whether `w` may be one of the words: false only when it is not.
    #[inline]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        let bit = Self::bit(w.as_bytes());
        self.bits[bit / 64] >> (bit % 64) & 1 != 0
    }
}

/// A span of bytes `[start, end)` in an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Capt", "Maj", "Sgt", "Prof", "Rev", "Gov", "Sen", "Rep", "No", "vs", "etc",
    "approx", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Pres", "Amb", "U.S", "U.N", "U.K", "E.U",
];

/// Month abbreviations a full stop may follow without ending the sentence ("Oct. 12"; in
/// capitals, "SEPT. 27", only before the day).
const MONTH_ABBREVIATIONS: &[&str] = &["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"];

/// Longest line, in characters, of a hard-wrapped text ([`soft_breaks`]): wire feeds,
/// newsletters and PDF-to-text wrap at 60-80 columns; lines longer than this are paragraphs.
const WRAP_MAX: usize = 120;

/// Narrowest wrap width ([`soft_breaks`]): shorter lines are lists, tables or verse.
const WRAP_MIN: usize = 40;

/// The line breaks of `text` (after byte `from`) that only wrap a paragraph: the offsets of
/// their `\n`. Most news text puts one paragraph per line, and then every line break ends a
/// paragraph; text saved from wire feeds, newsletters or PDF-to-text is hard-wrapped, its
/// lines cut at one width and its paragraphs separated by blank lines. A line break inside a
/// block of non-blank lines wraps when
/// - the text is wrapped: of the lines followed by another non-blank line (at least three),
///   two thirds are near the widest of them (at least three quarters of its width `W`, which
///   is 40 to 120 characters) and half do not end a sentence; and the next line's first word
///   would not have fitted on the line within `W`, or the line is near `W` and does not end
///   a sentence; or
/// - in any text, the line does not end a sentence (with `.`, `!`, `?`, `:` or `;`, perhaps
///   before closing quotes or brackets) and the next one starts in lower case.
///
/// The title (the first non-blank line from `from`) never runs on, and no line runs on into
/// a list item (`- `, `* `, `• `, `1. `, `2) `) or a byline (`By `).
pub fn soft_breaks(text: &str, from: usize) -> Vec<usize> {
    soft_breaks_of(text, &paragraphs(text), from)
}

/// [`soft_breaks`] from the text's [`paragraphs`] (its non-blank lines, trimmed), so the
/// lines are not found again: two lines follow each other when one line break and white
/// space stand between them.
pub fn soft_breaks_of(text: &str, lines: &[Span], from: usize) -> Vec<usize> {
    let b = text.as_bytes();
    let Some(title) = lines.iter().position(|l| l.start >= from) else { return Vec::new() };
    // Lines that may run on (followed by the next line, after one line break, after the
    // title), with where that line break is.
    let mut inner: Vec<(usize, usize)> = Vec::new();
    for k in title + 2..lines.len() {
        let gap = &b[lines[k - 1].end..lines[k].start];
        let mut breaks = gap.iter().enumerate().filter(|(_, c)| **c == b'\n');
        if let (Some((i, _)), None) = (breaks.next(), breaks.next()) {
            inner.push((k - 1, lines[k - 1].end + i));
        }
    }
    if inner.is_empty() {
        return Vec::new();
    }
    let line = |k: usize| &text[lines[k].start..lines[k].end];
    // Width in characters (a line of more bytes than four times the widest wrap is wider).
    let width = |k: usize| {
        let l = line(k);
        if l.len() > 4 * WRAP_MAX { l.len() } else { l.len() - l.bytes().filter(|c| c & 0xC0 == 0x80).count() }
    };
    let ends = |k: usize| ends_sentence_line(line(k));
    let (mut w, mut wrapped) = (0, false);
    let widths: Vec<usize> = if inner.len() >= 3 { inner.iter().map(|&(k, _)| width(k)).collect() } else { Vec::new() };
    let near = |n: usize, w: usize| 4 * n >= 3 * w && n <= w;
    if !widths.is_empty() {
        w = widths.iter().copied().filter(|&n| n <= WRAP_MAX).max().unwrap_or(0);
        wrapped = w >= WRAP_MIN
            && 3 * widths.iter().filter(|&&n| near(n, w)).count() >= 2 * inner.len()
            && 2 * inner.iter().filter(|&&(k, _)| !ends(k)).count() >= inner.len();
    }
    let mut out = Vec::new();
    for (j, &(k, at)) in inner.iter().enumerate() {
        let next = line(k + 1);
        let lower = next.starts_with(|c: char| c.is_lowercase());
        if !(lower || wrapped) || starts_item(next) {
            continue;
        }
        let open = !ends(k);
        let soft = (open && lower)
            || wrapped && {
                let n = widths[j];
                let word = next.split(char::is_whitespace).next().unwrap_or("").chars().count();
                // (An indented line opens a paragraph.)
                let indented = lines[k + 1].start > at + 1;
                !indented && (n + 1 + word > w || open && near(n, w))
            };
        if soft {
            out.push(at);
        }
    }
    out
}

/// Whether a line ends a sentence or a clause that a line break may follow: its last
/// character, after closing quotes and brackets, is `.`, `!`, `?`, `:` or `;`.
fn ends_sentence_line(line: &str) -> bool {
    line.trim_end().trim_end_matches(['"', '\'', ')', ']', '”', '’', '»']).ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Whether a line opens a list item (`- `, `* `, `• `, `– `, `1. `, `2) `) or a byline
/// (`By `): what a wrapped line never runs on into.
fn starts_item(line: &str) -> bool {
    let l = line.trim_start();
    if ["- ", "* ", "• ", "– ", "— ", "· ", "By "].iter().any(|m| l.starts_with(m)) {
        return true;
    }
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && matches!(l.as_bytes().get(digits..digits + 2), Some(b". " | b") "))
}

/// `text` with its [`soft_breaks`] (after byte `from`) turned into spaces (a `\r` before one
/// too), so that a hard-wrapped paragraph reads as one line while every byte keeps its
/// offset (spans into the result are spans into `text`); borrowed when there is none.
pub fn unwrap_lines(text: &str, from: usize) -> std::borrow::Cow<'_, str> {
    unwrap_at(text, &soft_breaks(text, from))
}

/// `text` with the line breaks at `breaks` ([`soft_breaks`]) turned into spaces (a `\r`
/// before one too); borrowed when there is none.
pub fn unwrap_at<'a>(text: &'a str, breaks: &[usize]) -> std::borrow::Cow<'a, str> {
    if breaks.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut b = text.as_bytes().to_vec();
    for &i in breaks {
        b[i] = b' ';
        if i > 0 && b[i - 1] == b'\r' {
            b[i - 1] = b' ';
        }
    }
    // ASCII bytes replaced by ASCII bytes: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(b).unwrap_or_else(|_| text.to_string()))
}

/// Whether `s` holds two spaces in a row, with one searcher built once (building one per call
/// cost more than the search: claim sentences and quotes are many and short).
pub fn has_two_spaces(s: &str) -> bool {
    static TWO_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("  "));
    TWO_SPACES.find(s.as_bytes()).is_some()
}

/// `s` with each run of spaces read as one: how a sentence of the unwrapped text is shown,
/// where a soft `\r\n` left two spaces ([`unwrap_at`]); borrowed when there is none.
pub fn single_spaced(s: &str) -> std::borrow::Cow<'_, str> {
    if !has_two_spaces(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for (k, part) in s.split(' ').enumerate() {
        if k > 0 && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(part);
    }
    std::borrow::Cow::Owned(out)
}

/// Paragraphs: runs of text separated by blank lines or single newlines (news text puts one
/// paragraph per line; hard-wrapped text is unwrapped first, [`unwrap_lines`]). Spans
/// exclude the line breaks.
/// (The line breaks are read 64 bytes at a time as the bits of a word, [`newlines`], not
/// searched for one by one: news lines are short, and a search's setup per line cost more
/// than its bytes.)
pub fn paragraphs(text: &str) -> Vec<Span> {
    // Room for the paragraphs of news text (lines of about 50 bytes, half of them blank)
    // without growing.
    let mut out = Vec::with_capacity(text.len() / 64 + 4);
    let mut start = 0;
    let (whole, rest) = text.as_bytes().as_chunks::<64>();
    let mut lines = |k: usize, chunk: &[u8; 64]| {
        let mut bits = newlines(chunk);
        while bits != 0 {
            let i = 64 * k + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
        }
    };
    for (k, chunk) in whole.iter().enumerate() {
        lines(k, chunk);
    }
    if !rest.is_empty() {
        let mut padded = [0u8; 64];
        padded[..rest.len()].copy_from_slice(rest);
        lines(whole.len(), &padded);
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The line breaks (`\n`) of 64 bytes as bits (bit `k` for byte `k`): on x86-64 sixteen bytes
/// a step by an SSE2 compare whose high bits are read at once ([`newlines_sse2`]).
#[inline]
fn newlines(chunk: &[u8; 64]) -> u64 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: the build enables SSE2 (the `cfg` above), the only target feature
        // `newlines_sse2` needs.
        unsafe { newlines_sse2(chunk) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        newlines_portable(chunk)
    }
}

/// [`newlines`] byte by byte: the portable way, and the tests' reference.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn newlines_portable(chunk: &[u8; 64]) -> u64 {
    chunk.iter().enumerate().fold(0, |m, (k, &c)| m | u64::from(c == b'\n') << k)
}

/// [`newlines`] by SSE2.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn newlines_sse2(chunk: &[u8; 64]) -> u64 {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8, _mm_set1_epi8};
    let (sixteens, _) = chunk.as_chunks::<16>();
    let mut m = 0u64;
    for (k, c) in sixteens.iter().enumerate() {
        let eq = _mm_cmpeq_epi8(sixteen(c), _mm_set1_epi8(b'\n' as i8));
        m |= u64::from(_mm_movemask_epi8(eq) as u16) << (16 * k);
    }
    m
}

/// Sixteen bytes as one SSE2 vector, in order (one unaligned load).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
pub(crate) fn sixteen(c: &[u8; 16]) -> std::arch::x86_64::__m128i {
    let byte = |k: usize| c[k] as i8;
    std::arch::x86_64::_mm_set_epi8(
        byte(15),
        byte(14),
        byte(13),
        byte(12),
        byte(11),
        byte(10),
        byte(9),
        byte(8),
        byte(7),
        byte(6),
        byte(5),
        byte(4),
        byte(3),
        byte(2),
        byte(1),
        byte(0),
    )
}

/// The span `start..end` of `text` without white space at its ends, pushed unless that leaves
/// nothing.
/// (Inlined: most spans are pushed as they are, or are empty, with no call; the others are
/// trimmed by [`push_trimmed_by_chars`].)
#[inline]
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    // Most lines and sentences start and end with an ASCII byte that is not white space:
    // nothing to trim, no character decoded, and both ends are character boundaries (an
    // ASCII byte is a whole character). An empty span (a blank line) gives nothing.
    let b = text.as_bytes();
    if start >= end {
        return;
    }
    if end <= b.len() && solid(b.get(start)) && solid(b.get(end - 1)) {
        out.push(Span { start, end });
        return;
    }
    push_trimmed_by_chars(text, start, end, out);
}

/// [`push_trimmed`] for a sentence, which after the first of its paragraph starts at the
/// white space after the one before, and often starts or ends with a curly quote: the ASCII
/// white space it starts with passed over byte by byte, and a first and last character told
/// from their bytes ([`solid_first`], [`solid_last`]), before it is trimmed by characters.
#[inline(always)]
fn push_trimmed_sentence(text: &str, mut start: usize, end: usize, out: &mut Vec<Span>) {
    // Most sentences start and end with a character that is not white space (an ASCII byte,
    // a curly quote, a letter of two bytes) after that white space: nothing to trim, no
    // character decoded, and both ends are character boundaries (such a character's first
    // byte and the byte after its last).
    let b = text.as_bytes();
    if end > b.len() {
        return push_trimmed_by_chars(text, start, end, out);
    }
    while start < end && b[start] < 0x80 && (b[start] as char).is_whitespace() {
        start += 1;
    }
    if start >= end {
        return;
    }
    if solid_first(b, start) && solid_last(&b[..end]) {
        out.push(Span { start, end });
        return;
    }
    push_trimmed_by_chars(text, start, end, out);
}

/// Whether a character that is no white space starts at `i` of `b` (a str's bytes), told from
/// its bytes: an ASCII byte, a character of two bytes (U+0080 to U+07FF, white space only
/// U+0085 and U+00A0) or of the general punctuation from U+2000 to U+203F (curly quotes and
/// dashes; white space U+2000 to U+200A, U+2028, U+2029 and U+202F); `false` for any other
/// (then read by characters). Such a first byte is a character boundary.
#[inline]
fn solid_first(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(&c) if c < 0x80 => !(c as char).is_whitespace(),
        Some(&c0 @ 0xC2..=0xDF) => !(c0 == 0xC2 && matches!(b.get(i + 1), Some(0x85 | 0xA0))),
        Some(0xE2) => b.get(i + 1) == Some(&0x80) && b.get(i + 2).is_some_and(|&c2| solid_punctuation(c2)),
        _ => false,
    }
}

/// Whether `b` (a str's bytes up to some offset) ends with a whole character that is no white
/// space, told from its bytes as [`solid_first`] tells a first one; `false` for any other.
/// (Then the offset is a character boundary.)
#[inline]
fn solid_last(b: &[u8]) -> bool {
    match *b {
        [.., c] if c < 0x80 => !(c as char).is_whitespace(),
        [.., 0xE2, 0x80, c2] => solid_punctuation(c2),
        [.., c0 @ 0xC2..=0xDF, c1] => !(c0 == 0xC2 && matches!(c1, 0x85 | 0xA0)),
        _ => false,
    }
}

/// Whether the character 0xE2 0x80 `c2` (U+2000 to U+203F) is no white space.
#[inline]
fn solid_punctuation(c2: u8) -> bool {
    !(c2 <= 0x8A || matches!(c2, 0xA8 | 0xA9 | 0xAF))
}

/// Whether a byte is there and is an ASCII byte that is not white space.
#[inline]
fn solid(c: Option<&u8>) -> bool {
    c.is_some_and(|&c| c < 0x80 && !(c as char).is_whitespace())
}

/// [`push_trimmed`] of a span that starts or ends with white space or a byte beyond ASCII
/// (or reaches past the text), its ends trimmed by characters.
#[inline(never)]
fn push_trimmed_by_chars(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(s) = text.get(start..end) else { return };
    let lead = if solid(s.as_bytes().first()) { 0 } else { s.len() - s.trim_start().len() };
    if lead == s.len() {
        return;
    }
    let rest = &s[lead..];
    let trail = if solid(rest.as_bytes().last()) { 0 } else { rest.len() - rest.trim_end().len() };
    out.push(Span { start: start + lead, end: end - trail });
}

/// Sentences of a paragraph, with spans into the whole text.
pub fn sentences_in(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let hay = text.as_bytes().get(para.start..para.end).unwrap_or_default();
    let mut ends = memchr::memchr3_iter(b'.', b'!', b'?', hay).map(|k| para.start + k).peekable();
    sentences_into(text, para, &mut ends, &mut out);
    out
}

/// [`sentences_in`], appended to `out`, with the sentence terminators (`.`, `!`, `?`) taken
/// from `ends`: their offsets in `text`, in order, from the paragraph's start or before it
/// (those before it are passed over); the paragraph's own are consumed, those after it are
/// left for the next paragraph.
fn sentences_into(text: &str, para: Span, ends: &mut std::iter::Peekable<impl Iterator<Item = usize>>, out: &mut Vec<Span>) {
    split_at_ends(text, para, ends, ends_sentence, out);
}

/// The splitting loop of [`sentences_into`], with the rule that tells whether the terminator
/// at `i` (its closing run ending at `j`) ends the sentence that began at `start`
/// (`is_end(p, start, i, j)`, `p` the paragraph), so that the splitter's test reference can
/// run the same loop with the rule as first written.
fn split_at_ends(
    text: &str,
    para: Span,
    ends: &mut std::iter::Peekable<impl Iterator<Item = usize>>,
    is_end: impl Fn(&str, usize, usize, usize) -> bool,
    out: &mut Vec<Span>,
) {
    let p = &text[para.start..para.end];
    let bytes = p.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    // Jump from terminator to terminator.
    while let Some(e) = ends.next_if(|&e| e < para.end) {
        // (A terminator before the paragraph, or swallowed as a closing run's, is passed.)
        if e < para.start + i {
            continue;
        }
        i = e - para.start;
        let j = closing_run_end(p, i);
        let followed_by_space = j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t');
        if followed_by_space && is_end(p, start, i, j) {
            push_trimmed_sentence(text, para.start + start, para.start + j, out);
            start = j;
        }
        i = j.max(i + 1);
    }
    push_trimmed_sentence(text, para.start + start, para.end, out);
}

/// The end of the closing quotes and brackets right after the terminator at `i` of `p`.
fn closing_run_end(p: &str, i: usize) -> usize {
    let bytes = p.as_bytes();
    let mut j = i + 1;
    loop {
        if j < bytes.len() && (bytes[j] == b'"' || bytes[j] == b')' || bytes[j] == b'\'') {
            j += 1;
        } else if bytes.get(j) == Some(&0xE2) && (p[j..].starts_with('”') || p[j..].starts_with('’')) {
            j += '”'.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// A word of up to eight bytes as one integer, its bytes in order from the high end (words
/// hold no zero byte, so two words share no key); `None` for a longer word.
const fn word_key(w: &[u8]) -> Option<u64> {
    if w.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    let mut k = 0;
    while k < w.len() {
        key = key << 8 | w[k] as u64;
        k += 1;
    }
    Some(key)
}

/// The [`word_key`]s of [`ABBREVIATIONS`] and [`MONTH_ABBREVIATIONS`], sorted: whether the
/// word before a full stop is in either list is one binary search.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len() + MONTH_ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len() + MONTH_ABBREVIATIONS.len()];
    let mut n = 0;
    while n < keys.len() {
        let w = if n < ABBREVIATIONS.len() { ABBREVIATIONS[n] } else { MONTH_ABBREVIATIONS[n - ABBREVIATIONS.len()] };
        let Some(key) = word_key(w.as_bytes()) else { panic!("an abbreviation longer than eight bytes") };
        // Insertion sort.
        let mut k = n;
        while k > 0 && keys[k - 1] > key {
            keys[k] = keys[k - 1];
            k -= 1;
        }
        keys[k] = key;
        n += 1;
    }
    keys
};

/// Whether a byte is an ASCII letter or digit or a full stop, the bytes [`word_at_end`] reads
/// back over: one read per byte, not three range tests.
const WORD_OR_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c as u8 == b'.';
        c += 1;
    }
    t
};

/// The word at the end of `before`: its trailing run of alphanumeric characters and full
/// stops, read byte by byte while they are ASCII (characters decoded only when one beyond
/// ASCII stands in the way).
fn word_at_end(before: &str) -> &str {
    let b = before.as_bytes();
    let mut k = b.len();
    while k > 0 && WORD_OR_STOP[usize::from(b[k - 1])] {
        k -= 1;
    }
    if k > 0 && b[k - 1] >= 0x80 {
        let start =
            before.char_indices().rev().take_while(|(_, c)| c.is_alphanumeric() || *c == '.').last().map_or(before.len(), |(k, _)| k);
        return &before[start..];
    }
    &before[k..]
}

/// Whether the terminator at `i` (closing run up to `j`) ends a sentence.
fn ends_sentence(p: &str, start: usize, i: usize, j: usize) -> bool {
    ends_sentence_with(p, start, i, j, word_at_end, |word| {
        word_key(word.as_bytes()).is_some_and(|k| ABBREVIATION_KEYS.binary_search(&k).is_ok())
    })
}

/// The first character of `p[j..]` after its white space (`p[j..].trim_start()`'s first): the
/// ASCII white space and an ASCII character after it read byte by byte, as most are.
fn first_after_space(p: &str, j: usize) -> Option<char> {
    let b = p.as_bytes();
    let k = j + b.get(j..).unwrap_or_default().iter().take_while(|&&c| c < 0x80 && char::from(c).is_whitespace()).count();
    match b.get(k) {
        Some(&c) if c < 0x80 => Some(char::from(c)),
        Some(_) => p[k..].trim_start().chars().next(),
        None => None,
    }
}

/// [`ends_sentence`] with the word before a full stop read by `word_of` (from the text before
/// the stop) and the abbreviations told by `is_abbreviation`.
fn ends_sentence_with(
    p: &str,
    start: usize,
    i: usize,
    j: usize,
    word_of: fn(&str) -> &str,
    is_abbreviation: impl Fn(&str) -> bool,
) -> bool {
    let Some(first) = first_after_space(p, j) else { return true };
    // The next sentence starts with a capital, a digit or an opening quote.
    if !(first.is_uppercase() || first.is_ascii_digit() || "\"“‘'(".contains(first)) {
        return false;
    }
    if p.as_bytes()[i] != b'.' {
        return true;
    }
    // The word before the full stop.
    let word = word_of(&p[start..i]);
    if word.is_empty() {
        return true;
    }
    if is_abbreviation(word) {
        return false;
    }
    // A month abbreviation in capitals before its day ("SEPT. 27").
    if first.is_ascii_digit()
        && !word.bytes().any(|b| b.is_ascii_lowercase())
        && MONTH_ABBREVIATIONS.iter().any(|m| m.eq_ignore_ascii_case(word))
    {
        return false;
    }
    // A single capital initial ("Vladimir V. Putin"), or dotted initials ("U.S.").
    let mut letters = word.chars().filter(|c| *c != '.');
    let first_letter = letters.next();
    let single = first_letter.is_some() && letters.next().is_none();
    if single && first_letter.is_some_and(char::is_uppercase) {
        return false;
    }
    if word.bytes().any(|b| b == b'.') && word.chars().filter(|c| *c != '.').all(char::is_uppercase) {
        return false;
    }
    true
}

/// All sentences of a text, in order.
pub fn sentences(text: &str) -> Vec<Span> {
    sentences_of(text, &paragraphs(text))
}

/// The sentences of a text's [`paragraphs`] (in order and apart, as that gives them), in
/// order.
pub fn sentences_of(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    // Room for sentences of news length (about 100 bytes) without growing.
    let mut out = Vec::with_capacity(text.len() / 64 + 4);
    // The terminators of all paragraphs found in one search over the text (one call per
    // terminator, none per paragraph).
    let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) else { return out };
    let hay = text.as_bytes().get(first.start..last.end).unwrap_or_default();
    let mut ends = memchr::memchr3_iter(b'.', b'!', b'?', hay).map(|k| first.start + k).peekable();
    for &p in paragraphs {
        sentences_into(text, p, &mut ends, &mut out);
    }
    out
}

/// [`sentences_of`] with the terminators read from the text's [`text_masks`] instead of
/// searched for ([`Terminators`]): the same sentences.
pub(crate) fn sentences_masked(text: &str, paragraphs: &[Span], masks: &[Masks]) -> Vec<Span> {
    // Room for sentences of news length (about 100 bytes) without growing.
    let mut out = Vec::with_capacity(text.len() / 64 + 4);
    let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) else { return out };
    let mut ends = Terminators::new(text, masks, first.start, last.end).peekable();
    for &p in paragraphs {
        sentences_into(text, p, &mut ends, &mut out);
    }
    out
}

/// The offsets of the sentence terminators (`.`, `!`, `?`) of `lo..hi` of a text, in order,
/// read from its [`text_masks`]: only the bytes that are no word byte, no white space and no
/// continuation byte (ASCII punctuation, and the first bytes of other characters beyond
/// ASCII) are read, a chunk's such bytes taken from its bits (no search called per
/// terminator). A terminator that a word byte follows in its chunk ("3.5", "U.S") is passed
/// over, as are the other such bytes ("14,500", "al-Hams", "don't"): it ends no sentence (no
/// closing quote or white space follows it), and the splitter reads past it as if it were
/// none ([`split_at_ends`]).
struct Terminators<'a> {
    b: &'a [u8],
    masks: &'a [Masks],
    /// The chunk read, and its bytes still to read.
    k: usize,
    bits: u64,
    hi: usize,
    /// The chunk after the last (the last holds byte `hi - 1`), and the bits of the last
    /// chunk's bytes before `hi`: made once, so that a chunk's bits are cut at `hi` by one
    /// compare of its number, not by a shift and a test of what is left of the span.
    end: usize,
    tail: u64,
}

impl<'a> Terminators<'a> {
    fn new(text: &'a str, masks: &'a [Masks], lo: usize, hi: usize) -> Terminators<'a> {
        // (`hi` at most the text's length: every byte read lies before it.)
        let hi = hi.max(lo).min(text.len());
        let tail = if hi.is_multiple_of(64) { u64::MAX } else { (1u64 << (hi % 64)) - 1 };
        let mut t = Terminators { b: text.as_bytes(), masks, k: lo / 64, bits: 0, hi, end: hi.div_ceil(64), tail };
        if lo < t.hi {
            t.bits = t.chunk(t.k) & u64::MAX << (lo % 64);
        }
        t
    }

    /// The bytes of chunk `k` (which starts before `hi`) that may be a terminator that may
    /// end a sentence (no word byte after it in the chunk).
    #[inline]
    fn chunk(&self, k: usize) -> u64 {
        let bits = self.masks.get(k).map_or(0, |m| !(m.word | m.word >> 1 | m.space | m.continuation));
        bits & if k + 1 == self.end { self.tail } else { u64::MAX }
    }
}

impl Iterator for Terminators<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        loop {
            if self.bits != 0 {
                let p = 64 * self.k + self.bits.trailing_zeros() as usize;
                self.bits &= self.bits - 1;
                debug_assert!(p < self.hi && self.hi <= self.b.len(), "a terminator at {p} of {} bytes", self.b.len());
                // SAFETY: `p` is a bit of a chunk's bits below `hi` (`chunk` clears those from
                // `hi` on), and `hi` is at most the text's length (`new`).
                if matches!(unsafe { *self.b.get_unchecked(p) }, b'.' | b'!' | b'?') {
                    return Some(p);
                }
                continue;
            }
            self.k += 1;
            if self.k >= self.end {
                return None;
            }
            self.bits = self.chunk(self.k);
        }
    }
}

/// A word token: letters/digits with inner apostrophes, hyphens, commas in numbers and dots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token text.
    pub text: &'a str,
    /// Byte offset in the text the tokens were made from.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// Word tokens of `s`, offsets relative to `s` plus `base`.
pub fn tokens(s: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    tokens_into(s, base, &mut out);
    out
}

/// For eight ASCII bytes (little-endian in `v`): a bit per byte that is a word byte
/// ([`is_ascii_word_byte`]), per byte that is ASCII white space, and per ASCII digit, without
/// a branch or table per byte (each byte is below 0x80, so sums never carry between bytes).
/// The first way the masks were classified, kept as the tests' reference for [`classes`].
#[cfg(test)]
pub(crate) fn ascii_word_space_digit(v: u64) -> (u8, u8, u8) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // High bit of each byte set where lo <= byte <= hi.
    let between = |x: u64, lo: u8, hi: u8| (x + ONES * u64::from(0x80 - lo)) & !(x + ONES * u64::from(0x7f - hi)) & HIGH;
    // High bit of each byte set where byte == c.
    let equal = |x: u64, c: u8| !((x ^ (ONES * u64::from(c))) + ONES * 0x7f) & HIGH;
    let letter = between(v | (ONES * 0x20), b'a', b'z');
    let digit = between(v, b'0', b'9');
    let word = letter | digit | equal(v, b'_');
    // ' ', \t, \n, \x0c, \r (not \x0b), as `u8::is_ascii_whitespace`.
    let space = (between(v, 0x09, 0x0d) & !equal(v, 0x0b)) | equal(v, b' ');
    (high_bits(word), high_bits(space), high_bits(digit))
}

/// The high bit of each byte of a word.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight high bits of `m`'s bytes gathered into one byte (bit `k` for byte `k`).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn high_bits(m: u64) -> u8 {
    ((m & HIGH).wrapping_mul(0x0002_0408_1020_4081) >> 56) as u8
}

/// Classes of up to 64 bytes of a text as bit masks (bit `k` for byte `from + k`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Masks {
    /// Bytes of word characters (every byte of a word character beyond ASCII).
    pub word: u64,
    /// Bytes of white-space characters.
    pub space: u64,
    /// ASCII digits.
    pub digit: u64,
    /// Continuation bytes of characters beyond ASCII: no character starts there.
    pub continuation: u64,
}

/// The [`Masks`] of the (at most 64) bytes of `text` from `from` (bytes past its end count as
/// spaces), classified eight ASCII bytes at a time ([`ascii_word_space_digit`]) and character
/// by character beyond ASCII ([`beyond_ascii_by_chars`]): the reference the tests check
/// [`text_masks`] against.
#[cfg(test)]
pub(crate) fn masks(text: &str, from: usize) -> Masks {
    let b = text.as_bytes();
    let mut m = Masks::default();
    let mut beyond = 0u64;
    for k in 0..8 {
        let at = from + 8 * k;
        let v = match b.get(at..at + 8) {
            Some(w) => u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]),
            None => {
                let mut v = [b' '; 8];
                let rest = b.get(at.min(b.len())..).unwrap_or_default();
                v[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(v)
            }
        };
        let high = high_bits(v);
        let (w, sp, d) = ascii_word_space_digit(v & !HIGH);
        m.word |= u64::from(w & !high) << (8 * k);
        m.space |= u64::from(sp & !high) << (8 * k);
        m.digit |= u64::from(d & !high) << (8 * k);
        beyond |= u64::from(high) << (8 * k);
    }
    beyond_ascii_by_chars(text, from, &mut m, beyond);
    m
}

/// Gives each character beyond ASCII that has a byte among `beyond` (bits of the bytes from
/// `from`) its class in `m`, for all its bytes in the chunk (including those of a character
/// begun before `from`), and marks its bytes after the first as continuation bytes. A
/// character of two bytes (U+0080 to U+07FF: Latin, Greek, Cyrillic, Armenian, Hebrew,
/// Arabic) or of the general punctuation from U+2000 to U+203F (curly quotes, dashes, spaces)
/// that starts in the chunk, as nearly all do, is told from its bytes (no search back for its
/// first byte, no decoding); any other as [`beyond_ascii_by_chars`] tells it.
fn beyond_ascii(text: &str, from: usize, m: &mut Masks, mut beyond: u64) {
    let b = text.as_bytes();
    let end = (from + 64).min(text.len());
    while beyond != 0 {
        let j = beyond.trailing_zeros() as usize;
        let at = from + j;
        // Where the character starts, its length, whether it is a word character and whether
        // it is white space.
        let (lead, len, word, space) = match (b.get(at).copied(), b.get(at + 1).copied(), b.get(at + 2).copied()) {
            (Some(c0 @ 0xC2..=0xDF), Some(c1), _) => {
                let u = u32::from(c0 & 0x1F) << 6 | u32::from(c1 & 0x3F);
                // (Below U+0800 only U+0085 and U+00A0 are white space.)
                (at, 2, WORD_TABLE[(u >> 6) as usize] >> (u & 63) & 1 != 0, u == 0x85 || u == 0xA0)
            }
            // (No word character there; white space: U+2000 to U+200A, U+2028, U+2029, U+202F.)
            (Some(0xE2), Some(0x80), Some(c2)) => (at, 3, false, c2 <= 0x8A || matches!(c2, 0xA8 | 0xA9 | 0xAF)),
            _ => {
                let lead = (at.saturating_sub(3)..=at).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(at);
                let ch = next_char(text, lead).unwrap_or(' ');
                (lead, ch.len_utf8(), is_word_char(ch), ch.is_whitespace())
            }
        };
        let (lo, hi) = (lead.max(from) - from, (lead + len).min(end) - from);
        let bytes = (u64::MAX >> (64 - (hi - lo))) << lo;
        if word {
            m.word |= bytes;
        }
        if space {
            m.space |= bytes;
        }
        m.continuation |= if lead >= from { bytes & !(1 << lo) } else { bytes };
        beyond &= !bytes;
    }
}

/// [`beyond_ascii`] as first written, every character found by searching back for its first
/// byte and decoded: the reference the tests check it against (through [`masks`]).
#[cfg(test)]
fn beyond_ascii_by_chars(text: &str, from: usize, m: &mut Masks, mut beyond: u64) {
    let end = (from + 64).min(text.len());
    while beyond != 0 {
        let j = beyond.trailing_zeros() as usize;
        let lead = ((from + j).saturating_sub(3)..=from + j).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(from + j);
        let ch = next_char(text, lead).unwrap_or(' ');
        let (lo, hi) = (lead.max(from) - from, (lead + ch.len_utf8()).min(end) - from);
        let bytes = (u64::MAX >> (64 - (hi - lo))) << lo;
        if is_word_char(ch) {
            m.word |= bytes;
        }
        if ch.is_whitespace() {
            m.space |= bytes;
        }
        m.continuation |= if lead >= from { bytes & !(1 << lo) } else { bytes };
        beyond &= !bytes;
    }
}

/// The masks of a sentence of up to this many 64-byte chunks live on the stack while
/// [`tokens_into`] tokenises it.
const STACK_WORDS: usize = 8;

/// The classes of 64 bytes as masks (word, space and digit of the ASCII bytes; bytes beyond
/// ASCII are none of them), and the bytes beyond ASCII: on x86-64, sixteen bytes a step by
/// SSE2 compares, each class's sixteen bits taken at once from the compares' high bits
/// ([`classes_sse2`]); elsewhere by [`classes_portable`].
#[inline]
fn classes(chunk: &[u8; 64]) -> (Masks, u64) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: the build enables SSE2 (the `cfg` above; every x86-64 target has it), the
        // only target feature `classes_sse2` needs.
        unsafe { classes_sse2(chunk) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        classes_portable(chunk)
    }
}

/// [`classes`] by SSE2: sixteen bytes a step, a class told by one or two compares (a range of
/// bytes by one signed compare after an add that moves its first byte to `i8::MIN`), and its
/// sixteen bits read at once from the compares' high bits (`pmovmskb`), which portable code
/// cannot ask for.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn classes_sse2(chunk: &[u8; 64]) -> (Masks, u64) {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    // All bytes 0xFF where `lo <= byte <= hi`, else 0.
    let within = |v: __m128i, lo: u8, hi: u8| {
        _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8)), _mm_set1_epi8((0x80u8 + (hi - lo) + 1) as i8))
    };
    // The high bits of the sixteen bytes, bit `k` for byte `k`.
    let high = |m: __m128i| u64::from(_mm_movemask_epi8(m) as u16);
    let (sixteens, _) = chunk.as_chunks::<16>();
    let mut m = Masks::default();
    let mut beyond = 0u64;
    for (k, c) in sixteens.iter().enumerate() {
        // (Sixteen bytes in order: one unaligned load. Set as two words, the bytes were
        // loaded twice and joined.)
        let v = sixteen(c);
        // (No byte beyond ASCII is in any of these ranges.)
        let digit = within(v, b'0', b'9');
        let letter = within(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', b'z');
        let word = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8)));
        // ' ', \t, \n, \x0c, \r (not \x0b), as `u8::is_ascii_whitespace`.
        let space = _mm_or_si128(
            _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x0b)), within(v, b'\t', b'\r')),
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)),
        );
        let at = 16 * k;
        m.word |= high(word) << at;
        m.space |= high(space) << at;
        m.digit |= high(digit) << at;
        beyond |= high(v) << at;
    }
    (m, beyond)
}

/// [`classes`] in portable code. Each byte's classes are first written as the bits of one
/// byte (word 0x80, space 0x40, digit 0x20, beyond ASCII 0x10), a loop the compiler runs
/// sixteen bytes a step, then gathered eight bytes at a time by a multiply. (On x86-64 the
/// tests' reference for [`classes_sse2`].)
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn classes_portable(chunk: &[u8; 64]) -> (Masks, u64) {
    let mut bits = [0u8; 64];
    for (o, &x) in bits.iter_mut().zip(chunk) {
        *o = (u8::from(is_ascii_word_byte_by_ranges(x)) << 7)
            | (u8::from(x.is_ascii_whitespace()) << 6)
            | (u8::from(x.is_ascii_digit()) << 5)
            | ((x >> 7) << 4);
    }
    let (eights, _) = bits.as_chunks::<8>();
    // (A byte beyond ASCII has its bit 0x10 set.)
    let any_beyond = eights.iter().fold(0, |a, e| a | u64::from_le_bytes(*e)) & HIGH >> 3 != 0;
    let mut m = Masks::default();
    let mut beyond = 0u64;
    for (j, eight) in eights.iter().enumerate() {
        let v = u64::from_le_bytes(*eight);
        m.word |= u64::from(high_bits(v)) << (8 * j);
        m.space |= u64::from(high_bits(v << 1)) << (8 * j);
        m.digit |= u64::from(high_bits(v << 2)) << (8 * j);
        if any_beyond {
            beyond |= u64::from(high_bits(v << 3)) << (8 * j);
        }
    }
    (m, beyond)
}

/// The [`Masks`] of a whole text, one per 64 bytes (entry `k` for the bytes from `64 * k`).
/// Computed once per article and shared by the tokenizer ([`tokens_in`]), the name
/// matchers' word starts and the digit runs of the date cues ([`digit_runs`]), so each byte
/// is classified once. (The whole chunks are read in place, with no bounds to check, and
/// the masks written straight into the vector's room, with no capacity check per chunk and
/// no copy through the stack; the chunks beyond ASCII, their bytes beyond ASCII kept in
/// their continuation bits meanwhile, have their characters' classes added in place in a
/// second pass, so that the first calls nothing and keeps its constants in registers.)
pub(crate) fn text_masks(text: &str) -> Vec<Masks> {
    let b = text.as_bytes();
    let (whole, rest) = b.as_chunks::<64>();
    let mut out = Vec::with_capacity(b.len().div_ceil(64));
    let mut any_beyond = 0u64;
    for (chunk, slot) in whole.iter().zip(out.spare_capacity_mut()) {
        let (mut m, beyond) = classes(chunk);
        m.continuation = beyond;
        any_beyond |= beyond;
        slot.write(m);
    }
    // SAFETY: the room holds a slot for each whole chunk (`div_ceil` of the length, at least
    // as many), each written just above.
    unsafe { out.set_len(whole.len()) };
    if any_beyond != 0 {
        for (k, m) in out.iter_mut().enumerate() {
            let beyond = std::mem::take(&mut m.continuation);
            if beyond != 0 {
                beyond_ascii(text, 64 * k, m, beyond);
            }
        }
    }
    if !rest.is_empty() {
        out.push(chunk_masks(text, 64 * whole.len()));
    }
    out
}

/// The [`Masks`] of the (at most 64) bytes of `text` from `from` (bytes past its end count as
/// spaces).
fn chunk_masks(text: &str, from: usize) -> Masks {
    let b = text.as_bytes();
    let mut padded = [b' '; 64];
    let chunk: &[u8; 64] = match b.get(from..from + 64).and_then(|c| c.try_into().ok()) {
        Some(c) => c,
        None => {
            let rest = b.get(from..).unwrap_or_default();
            padded[..rest.len()].copy_from_slice(rest);
            &padded
        }
    };
    masks_of(text, from, chunk)
}

/// The [`Masks`] of `chunk`, the bytes of `text` from `from`: the ASCII bytes by [`classes`]
/// without a branch per byte, then each character beyond ASCII giving its class to all its
/// bytes (including those of a character begun before `from`).
#[inline(always)]
fn masks_of(text: &str, from: usize, chunk: &[u8; 64]) -> Masks {
    let (mut m, beyond) = classes(chunk);
    if beyond != 0 {
        beyond_ascii(text, from, &mut m, beyond);
    }
    m
}

/// The runs of ASCII digits of the text whose [`text_masks`] these are: `start..end`, in
/// order, read from the digit bits: a chunk's runs start where a digit bit follows a bit that
/// is none and end where one that is none follows a digit bit, taken in pairs (a chunk
/// without digits, as most are, costs one test).
pub(crate) fn digit_runs(masks: &[Masks]) -> Vec<(usize, usize)> {
    // Room for the figures and dates of a news text without growing.
    let mut out = Vec::with_capacity(masks.len() + 4);
    // The start of a run still open at the end of the previous chunk, and whether it is.
    let mut open = 0;
    let mut carry = 0u64;
    for (k, m) in masks.iter().enumerate() {
        let d = m.digit;
        if d | carry == 0 {
            continue;
        }
        let base = 64 * k;
        let before = d << 1 | carry;
        let mut starts = d & !before;
        let mut ends = !d & before;
        if carry != 0 && ends != 0 {
            out.push((open, base + ends.trailing_zeros() as usize));
            ends &= ends - 1;
        }
        while ends != 0 {
            out.push((base + starts.trailing_zeros() as usize, base + ends.trailing_zeros() as usize));
            starts &= starts - 1;
            ends &= ends - 1;
        }
        if starts != 0 {
            open = base + starts.trailing_zeros() as usize;
        }
        carry = d >> 63;
    }
    // (Bytes past the end of the text are spaces: only a text of whole chunks ends in a run.)
    if carry != 0 {
        out.push((open, 64 * masks.len()));
    }
    out
}

/// [`tokens`] appended to `out` (so one buffer can serve many sentences). Runs of word
/// characters are read from bit masks (no branch per byte, whose outcome changes
/// at every word edge), then joined across "1,165", "3.5", "don't", "Azerbaijan’s" and
/// "Moscow-brokered".
pub fn tokens_into<'a>(s: &'a str, base: usize, out: &mut Vec<Token<'a>>) {
    let words = s.len().div_ceil(64);
    let mut stack = [Masks::default(); STACK_WORDS];
    let mut heap = Vec::new();
    let all: &mut [Masks] = if words <= STACK_WORDS {
        &mut stack[..words]
    } else {
        heap.resize(words, Masks::default());
        &mut heap
    };
    for (k, m) in all.iter_mut().enumerate() {
        *m = chunk_masks(s, 64 * k);
    }
    tokens_masked(s, all, 0, s.len(), base, &mut (), out);
}

/// The tokens of the part `span` of `text` (a sentence of an article), given the text's
/// [`text_masks`]: the same tokens as [`tokens_into`] of `&text[span]` with `span.start` as
/// base, without classifying the bytes again.
pub(crate) fn tokens_in<'a>(text: &'a str, masks: &[Masks], span: Span, out: &mut Vec<Token<'a>>) {
    tokens_masked(text, masks, span.start, span.end, 0, &mut (), out);
}

/// A part of a text (a sentence) whose tokens [`tokens_of_parts`] finds: its span, and the
/// range of the tokens' vector that holds its tokens.
pub(crate) trait Part {
    /// Its span in the text.
    fn span(&self) -> Span;
    /// Its tokens are `tokens` of the vector [`tokens_of_parts`] appended them to.
    fn set_tokens(&mut self, tokens: std::ops::Range<usize>);
}

/// The tokens of each of `parts` (in order, apart) of `text`, given the text's
/// [`text_masks`]: the same tokens as [`tokens_in`] of each part's span in turn, appended to
/// `out`, each part given its range of `out`. A run of parts of which each starts after only
/// white space from the end of the one before (the sentences of an article, save where a
/// part left out lies between) is tokenised in one pass from its first part's start to its
/// last part's end, not a pass per part (each its own call, and the chunk of 64 bytes two
/// parts share read twice): no token holds white space, so none crosses a part's end, and
/// the tokens before that end are those that start before it, counted back from the last
/// one once the chunk that holds the end is read.
pub(crate) fn tokens_of_parts<'a, P: Part>(text: &'a str, masks: &[Masks], parts: &mut [P], out: &mut Vec<Token<'a>>) {
    let mut i = 0;
    while i < parts.len() {
        // (The parts after the first read in turn, each beside the one before.)
        let (mut j, mut last) = (i + 1, parts[i].span());
        for p in &parts[i + 1..] {
            let next = p.span();
            if !white_between(masks, last, next) {
                break;
            }
            (j, last) = (j + 1, next);
        }
        let run = &mut parts[i..j];
        let (lo, hi) = (run[0].span().start, last.end);
        let next = if run.len() > 1 { run[0].span().end } else { usize::MAX };
        let mut closing = Closing { parts: run, at: 0, first: out.len(), next };
        tokens_masked(text, masks, lo, hi, 0, &mut closing, out);
        let Closing { parts: run, at, first, .. } = closing;
        run[at].set_tokens(first..out.len());
        i = j;
    }
}

/// Whether `next` starts after only white space (one byte or more) from the end of `part`,
/// both of them not empty, as the masks tell: then no token crosses `part`'s end. (Inlined
/// with the common case, white space within one chunk.)
#[inline]
fn white_between(masks: &[Masks], part: Span, next: Span) -> bool {
    let (from, to) = (part.end, next.start);
    if !(part.start < from && from < to && to < next.end) {
        return false;
    }
    let k = from / 64;
    if (to - 1) / 64 == k {
        let want = (u64::MAX << (from % 64)) & (u64::MAX >> (63 - (to - 1) % 64));
        return masks.get(k).is_some_and(|m| m.space & want == want);
    }
    white_across(masks, from, to)
}

/// Whether the bytes `from..to` (`from < to`), in more than one chunk, are all white space.
#[inline(never)]
fn white_across(masks: &[Masks], from: usize, to: usize) -> bool {
    let (fk, tk) = (from / 64, (to - 1) / 64);
    (fk..tk + 1).all(|k| {
        let mut want = u64::MAX;
        if k == fk {
            want &= u64::MAX << (from % 64);
        }
        if k == tk {
            want &= u64::MAX >> (63 - (to - 1) % 64);
        }
        masks.get(k).is_some_and(|m| m.space & want == want)
    })
}

/// The ends of the parts of a run that [`tokens_masked`] tokenises in one pass, but the
/// last's (which ends the pass), in order.
trait PartEnds {
    /// The end of the next part to close, `usize::MAX` when none is left.
    fn next_end(&self) -> usize;
    /// Closes that part: the first `count` tokens of the vector lie before its end.
    fn close(&mut self, count: usize);
}

/// No part to close: a pass over one part.
impl PartEnds for () {
    #[inline(always)]
    fn next_end(&self) -> usize {
        usize::MAX
    }

    #[inline(always)]
    fn close(&mut self, _: usize) {}
}

/// The parts of a run ([`tokens_of_parts`]): the one to close next (`at`), where its tokens
/// start in the vector, and its end (`usize::MAX` for the last part, closed after the pass).
struct Closing<'p, P> {
    parts: &'p mut [P],
    at: usize,
    first: usize,
    next: usize,
}

impl<P: Part> PartEnds for Closing<'_, P> {
    #[inline(always)]
    fn next_end(&self) -> usize {
        self.next
    }

    #[inline]
    fn close(&mut self, count: usize) {
        self.parts[self.at].set_tokens(self.first..count);
        self.first = count;
        self.at += 1;
        self.next = if self.at + 1 < self.parts.len() { self.parts[self.at].span().end } else { usize::MAX };
    }
}

/// Tokens of `text[lo..hi]` read from the masks of `text` (bytes from `hi` on are ignored,
/// whatever their class); token offsets are positions in `text` plus `shift`. A chunk's word
/// runs start where a word bit follows a non-word bit and end where a non-word bit follows a
/// word bit: its tokens are those starts and ends taken in pairs, in order, with no byte
/// looked at. Only an end that may be a joiner (no white space, a word byte right after it,
/// or after the two continuation bytes of a `’`) has its bytes read, and when they join the
/// runs, the token goes on to the next run's end. The ends before a chunk's first end that
/// may join (all its ends in most chunks) are read in a loop of their own, then that end,
/// and so on. Once a chunk is read, the parts of a run that end in it are closed (`parts`). (Always
/// inlined: in [`tokens_of_parts`], called for every run of sentences, `shift` is zero.)
#[inline(always)]
fn tokens_masked<'a>(
    text: &'a str,
    masks: &[Masks],
    lo: usize,
    hi: usize,
    shift: usize,
    parts: &mut impl PartEnds,
    out: &mut Vec<Token<'a>>,
) {
    if lo >= hi {
        return;
    }
    // The span's bytes up to `hi`: a byte past it is none.
    let b = &text.as_bytes()[..hi];
    let (lk, hk) = (lo / 64, (hi - 1) / 64);
    // The start of the token whose end is not found yet (its run goes on past the chunk
    // before, or it was joined to a run that does); the bit of the next chunk's first start
    // when it is the run joined to it (none else: each chunk clears it, one and-not, no
    // flag tested); whether the last byte of the chunk before is a word byte; the bytes of
    // the chunk that are in the span as far as its start tells (all but in the first chunk).
    let mut open: Option<usize> = None;
    let mut skip = 0u64;
    let mut carry = 0u64;
    let mut from_lo = u64::MAX << (lo % 64);
    // (A half-open range: an inclusive one keeps a flag of its own, tested at every step.)
    for k in lk..hk + 1 {
        let m = masks.get(k).copied().unwrap_or_default();
        let mut cw = m.word & from_lo;
        from_lo = u64::MAX;
        if k == hk {
            cw &= u64::MAX >> (63 - (hi - 1) % 64);
        }
        let before = cw << 1 | carry;
        let mut starts = cw & !before & !skip;
        // The starts of the tokens written in this chunk, for the parts that end in it: its
        // runs' starts but those of runs joined to the token before (taken out where they
        // join) and that of the run open at its end (taken out at the end).
        let mut written = starts;
        skip = 0;
        let mut ends = !cw & before;
        // Ends that may join: no white space, and a word byte next or after a character's two
        // continuation bytes (or that byte in the next chunk).
        let mut may_join = ends & !m.space & ((cw >> 1) | (m.continuation >> 1 & cw >> 3) | 7 << 61);
        let base = 64 * k;
        // The ends before the first that may join (all of them in most chunks) one token each,
        // the first from the open start if there is one, the others from the starts in order,
        // in a loop of their own (few values live, all kept in registers); then that end, asked
        // whether it joins; and so on.
        loop {
            let mut plain = if may_join == 0 { ends } else { ends & ((may_join & may_join.wrapping_neg()) - 1) };
            if plain != 0 {
                ends &= !plain;
                // A chunk whose tokens start and end at character boundaries, as the bytes
                // tell (all of a chunk of ASCII bytes, as most are, and those at no
                // continuation byte of another; and the open start, told by its byte) has
                // them written into room for as many as a chunk may hold (32), the open run's
                // first, their texts cut from its bytes with no test of character boundaries.
                if out.capacity() - out.len() >= 32
                    && at_boundaries(text.as_bytes(), base, starts | plain)
                    && open.is_none_or(|s| text.is_char_boundary(s))
                {
                    // SAFETY: `at_boundaries` found every bit of `starts` and `plain` (of the
                    // bytes of `text` from `base`) at a character boundary of `text`, whose
                    // first bytes `b` are, and the open start is one; the room is there.
                    // (`plain`, falling edges of a word, has 32 bits at most, the open run's
                    // end among them.) The first end of `plain` ends the open run when there
                    // is one, and the open start lies before it; the `k`th end after it ends
                    // the run that the `k`th start of `starts` begins (the starts and ends of
                    // the word bits `cw` alternate, and a joined run's start is taken out
                    // where its joiner is read), so it lies after it; and no end lies past
                    // `hi`, `b`'s length (`cw` has no bit from `hi` on).
                    starts = unsafe {
                        if shift == 0 {
                            push_chunk_tokens::<false>(b, base, 0, open.take(), starts, plain, out)
                        } else {
                            push_chunk_tokens::<true>(b, base, shift, open.take(), starts, plain, out)
                        }
                    };
                    plain = 0;
                }
                if let Some(start) = open.take() {
                    let end = base + plain.trailing_zeros() as usize;
                    plain &= plain - 1;
                    out.push(Token { text: &text[start..end], start: shift + start, end: shift + end });
                }
                while plain != 0 {
                    let (start, end) = (base + starts.trailing_zeros() as usize, base + plain.trailing_zeros() as usize);
                    starts &= starts.wrapping_sub(1);
                    plain &= plain - 1;
                    out.push(Token { text: &text[start..end], start: shift + start, end: shift + end });
                }
            }
            if ends == 0 {
                break;
            }
            // (The first end left may join: the first of `may_join`.)
            let end = base + ends.trailing_zeros() as usize;
            ends &= ends - 1;
            may_join &= may_join - 1;
            let start = match open.take() {
                Some(s) => s,
                None => {
                    let s = base + starts.trailing_zeros() as usize;
                    starts &= starts.wrapping_sub(1);
                    s
                }
            };
            if let Some(after) = joined(b, masks, start, end) {
                // The run from `after` is this token's: its start is no token's.
                open = Some(start);
                if after / 64 == k {
                    written &= !(starts & starts.wrapping_neg());
                    starts &= starts.wrapping_sub(1);
                } else {
                    // (The next chunk's first start is `after`: the bytes of the joiner
                    // before it there, if any, are no word's.)
                    skip = 1 << (after % 64);
                }
                continue;
            }
            out.push(Token { text: &text[start..end], start: shift + start, end: shift + end });
        }
        if starts != 0 {
            open = Some(base + starts.trailing_zeros() as usize);
        }
        carry = cw >> 63;
        // The parts that end in this chunk (at white space: every token that starts before
        // such an end is written, and the run open at the chunk's end starts after it) take
        // the tokens that start before their ends: all but those written in this chunk that
        // start at or after the end, counted from the bits of their starts. (A token written
        // in a chunk before starts before its first byte, which no part's end left to close
        // lies before.)
        if parts.next_end() < base + 64 {
            if let Some(s) = open
                && s >= base
            {
                written &= !(1 << (s - base));
            }
            while parts.next_end() < base + 64 {
                let e = parts.next_end();
                let n = out.len() - (written >> (e - base)).count_ones() as usize;
                debug_assert_eq!(n, written_before(out, shift + e), "the tokens before {e}");
                parts.close(n);
            }
        }
    }
    // (A run that reaches `hi` at the end of a chunk.)
    if let Some(start) = open {
        out.push(Token { text: &text[start..hi], start: shift + start, end: shift + hi });
    }
}

/// How many of `out`'s tokens (in order) start before `at`, counted back from the last: the
/// way [`tokens_masked`] first closed a part, now its debug builds' check.
fn written_before(out: &[Token<'_>], at: usize) -> usize {
    let mut n = out.len();
    while n > 0 && out[n - 1].start >= at {
        n -= 1;
    }
    n
}

/// The tokens of a chunk whose word runs start at `starts` and end at `ends` (bits of the
/// bytes from `base`; `ends` not empty), the first from `open` when it is there (the start of
/// a run open from before, which the first of `ends` ends), written into the room after
/// `out`'s end, their texts
/// cut from `b` (a text's first bytes) with no test of character boundaries, their offsets
/// those in the text plus `shift` when `SHIFTED` (else `shift` is 0); the starts left (the
/// start of a run that goes on into the next chunk). Out of line: a leaf whose loop has all
/// the registers it needs (inlined, its values were moved about and reloaded at every token).
///
/// # Safety
///
/// `open`, when it is there, and every bit of `starts` and `ends` are at character
/// boundaries of the text (as every offset of 64 ASCII bytes is: [`at_boundaries`]); `open`
/// lies before the first bit of `ends` and, the open run's end taken out, the `k`th bit of
/// `ends` (from the lowest) after the `k`th of `starts`; every end lies at most at `b.len()`
/// (so each token's bytes are a slice of `b`, cut with no bounds check), and `out` has room
/// for as many more tokens as `ends` has bits.
#[inline(never)]
unsafe fn push_chunk_tokens<'a, const SHIFTED: bool>(
    b: &'a [u8],
    base: usize,
    shift: usize,
    open: Option<usize>,
    mut starts: u64,
    mut ends: u64,
    out: &mut Vec<Token<'a>>,
) -> u64 {
    let len = out.len();
    let first = out.spare_capacity_mut().as_mut_ptr();
    let mut slot = first;
    let bytes = b.as_ptr();
    let at = if SHIFTED { shift } else { 0 };
    if let Some(start) = open {
        let end = base + ends.trailing_zeros() as usize;
        ends &= ends - 1;
        debug_assert!(start <= end && end <= b.len(), "an open token {start}..{end} of {} bytes", b.len());
        // SAFETY: `start <= end <= b.len()`, both at character boundaries of the text, whose
        // first bytes `b` are (the caller's promise): a str of its own; the first slot of the
        // room.
        unsafe {
            let t = std::str::from_utf8_unchecked(std::slice::from_raw_parts(bytes.add(start), end - start));
            slot.write(std::mem::MaybeUninit::new(Token { text: t, start: at + start, end: at + end }));
            slot = slot.add(1);
        }
    }
    while ends != 0 {
        // SAFETY: each end has a start before it (the caller's promise): one is left.
        unsafe { std::hint::assert_unchecked(starts != 0) };
        let (start, end) = (base + starts.trailing_zeros() as usize, base + ends.trailing_zeros() as usize);
        starts &= starts - 1;
        ends &= ends - 1;
        debug_assert!(start <= end && end <= b.len(), "a token {start}..{end} of {} bytes", b.len());
        // SAFETY: `start <= end <= b.len()` (the caller's promise): `b[start..end]`, which
        // starts and ends at character boundaries of the text (the caller's promise too),
        // whose first bytes `b` are: a str of its own.
        let t = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(bytes.add(start), end - start)) };
        // SAFETY: one slot per bit of `ends`, each written once: within the room the caller
        // promised.
        unsafe {
            slot.write(std::mem::MaybeUninit::new(Token { text: t, start: at + start, end: at + end }));
            slot = slot.add(1);
        }
    }
    // SAFETY: the slots from `first` to `slot` were written just above.
    unsafe { out.set_len(len + slot.offset_from_unsigned(first)) };
    starts
}

/// Whether the 64 bytes of `b` from `from` (those up to its end when fewer are left) are all
/// ASCII, read as eight words of eight bytes: then every offset from `from` to 64 bytes
/// after it is a character boundary of the text whose bytes `b` are.
#[inline(always)]
fn ascii_chunk(b: &[u8], from: usize) -> bool {
    match b.get(from..from + 64).and_then(|c| <&[u8; 64]>::try_from(c).ok()) {
        Some(chunk) => {
            let (eights, _) = chunk.as_chunks::<8>();
            eights.iter().fold(0, |any, e| any | u64::from_le_bytes(*e)) & 0x8080_8080_8080_8080 == 0
        }
        None => ascii_tail(b, from),
    }
}

/// [`ascii_chunk`] of the last bytes of a text (fewer than 64 left), out of its way.
#[cold]
#[inline(never)]
fn ascii_tail(b: &[u8], from: usize) -> bool {
    b.get(from..).unwrap_or_default().is_ascii()
}

/// Whether every bit of `bits` (of the 64 bytes of `b` from `from`) is at a character
/// boundary of the text whose first bytes `b` are, as its bytes tell: all are when those
/// bytes (those up to its end when fewer are left) are ASCII ([`ascii_chunk`]), else those at
/// no continuation byte ([`continuation_bytes`], when 64 bytes are left; none else).
#[inline(always)]
fn at_boundaries(b: &[u8], from: usize, bits: u64) -> bool {
    ascii_chunk(b, from)
        || b.get(from..from + 64).and_then(|c| <&[u8; 64]>::try_from(c).ok()).is_some_and(|c| continuation_bytes(c) & bits == 0)
}

/// The continuation bytes (0x80 to 0xBF: no character starts there) of 64 bytes as bits (bit
/// `k` for byte `k`): on x86-64 sixteen bytes a step by one SSE2 compare whose high bits are
/// read at once ([`continuation_bytes_sse2`]). Out of line: asked only of a chunk beyond ASCII.
#[inline(never)]
fn continuation_bytes(chunk: &[u8; 64]) -> u64 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: the build enables SSE2 (the `cfg` above), the only target feature
        // `continuation_bytes_sse2` needs.
        unsafe { continuation_bytes_sse2(chunk) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        continuation_bytes_portable(chunk)
    }
}

/// [`continuation_bytes`] byte by byte: the portable way, and the tests' reference.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn continuation_bytes_portable(chunk: &[u8; 64]) -> u64 {
    chunk.iter().enumerate().fold(0, |m, (k, &c)| m | u64::from(c & 0xC0 == 0x80) << k)
}

/// [`continuation_bytes`] by SSE2: a continuation byte read as a signed byte is below -64
/// (0x80 to 0xBF are -128 to -65).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn continuation_bytes_sse2(chunk: &[u8; 64]) -> u64 {
    use std::arch::x86_64::{_mm_cmplt_epi8, _mm_movemask_epi8, _mm_set1_epi8};
    let (sixteens, _) = chunk.as_chunks::<16>();
    let mut m = 0u64;
    for (k, c) in sixteens.iter().enumerate() {
        let below = _mm_cmplt_epi8(sixteen(c), _mm_set1_epi8(-64));
        m |= u64::from(_mm_movemask_epi8(below) as u16) << (16 * k);
    }
    m
}

/// Whether the runs on either side of the non-word byte at `end` of `b` (a text's bytes up
/// to the end of the part tokenised, whose [`text_masks`] are `masks`) join (1,165 / 3.5 /
/// don't / Azerbaijan’s / Moscow-brokered) into the token from `start`; the position after
/// the joiner. (A comma or full stop joins only a token of digits so far, joined by commas
/// and full stops.) Not inlined: [`tokens_masked`] asks it only of an end that may join, and
/// its loops keep their values in registers without its captures.
#[inline(never)]
fn joined(b: &[u8], masks: &[Masks], start: usize, end: usize) -> Option<usize> {
    const APOSTROPHE: usize = '’'.len_utf8();
    let is_word = |p: usize| p < b.len() && masks.get(p / 64).is_some_and(|m| m.word >> (p % 64) & 1 != 0);
    match b.get(end) {
        Some(b',' | b'.')
            if b.get(end + 1).is_some_and(u8::is_ascii_digit)
                && b[start..end].iter().all(|&c| c.is_ascii_digit() || c == b',' || c == b'.') =>
        {
            Some(end + 1)
        }
        Some(b'\'' | b'-') if is_word(end + 1) => Some(end + 1),
        Some(0xe2) if b[end..].starts_with("’".as_bytes()) && is_word(end + APOSTROPHE) => Some(end + APOSTROPHE),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars_from_the_table_are_unicodes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || c == '_', "{c:?} U+{:04X}", c as u32);
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn single_spaced_reads_runs_of_spaces_as_one() {
        assert_eq!(single_spaced("Sergei  Lavrov said"), "Sergei Lavrov said");
        assert_eq!(single_spaced("  a   b  "), " a b ");
        assert!(matches!(single_spaced("a b"), std::borrow::Cow::Borrowed("a b")));
    }

    /// The sentences of one paragraph as they were first split (the paragraph's own
    /// terminators, the word before a full stop read by characters and looked up in the lists
    /// whatever its length): the reference for [`sentences_of`], which finds the terminators
    /// of all paragraphs in one search and reads the word before a full stop by bytes.
    fn reference_sentences_into(text: &str, para: Span, out: &mut Vec<Span>) {
        let own = memchr::memchr3_iter(b'.', b'!', b'?', &text.as_bytes()[para.start..para.end]).map(|k| para.start + k);
        split_at_ends(text, para, &mut own.peekable(), reference_ends_sentence, out);
    }

    /// [`ends_sentence`] as first written: the word before a full stop read character by
    /// character, the abbreviations compared with the lists one by one.
    fn reference_ends_sentence(p: &str, start: usize, i: usize, j: usize) -> bool {
        fn word_of(before: &str) -> &str {
            let word_start =
                before.char_indices().rev().take_while(|(_, c)| c.is_alphanumeric() || *c == '.').last().map_or(before.len(), |(k, _)| k);
            &before[word_start..]
        }
        ends_sentence_with(p, start, i, j, word_of, |word| ABBREVIATIONS.contains(&word) || MONTH_ABBREVIATIONS.contains(&word))
    }

    #[test]
    fn word_or_stop_is_alphanumeric_or_a_full_stop() {
        for c in 0..=255u8 {
            assert_eq!(WORD_OR_STOP[usize::from(c)], c.is_ascii_alphanumeric() || c == b'.', "{c}");
        }
    }

    /// The word bytes' table is the ranges it is made from, for every byte.
    #[test]
    fn word_bytes_are_letters_digits_and_underscore() {
        for c in 0..=255u8 {
            assert_eq!(is_ascii_word_byte(c), c.is_ascii_alphanumeric() || c == b'_', "{c}");
        }
    }

    proptest::proptest! {
        #[test]
        fn sentences_agree_with_the_reference(s in "([a-zA-Z0-9əԱ]{0,7}[ .!?\"')(“”’‘\n\t]{1,2}|Mr|U\\.S|Oct|SEPT|approx|Sept|B|é|[ ]\\(){0,40}") {
            let paras = paragraphs(&s);
            let mut want = Vec::new();
            for &p in &paras {
                reference_sentences_into(&s, p, &mut want);
            }
            proptest::prop_assert_eq!(sentences_of(&s, &paras), want.clone());
            proptest::prop_assert_eq!(sentences_masked(&s, &paras, &text_masks(&s)), want.clone());
            let one: Vec<Span> = paras.iter().flat_map(|&p| sentences_in(&s, p)).collect();
            proptest::prop_assert_eq!(one, want);
        }
    }

    proptest::proptest! {
        /// A word filter keeps every word it was made of, and tells apart words that differ in
        /// their first byte, last byte or length only by chance.
        #[test]
        fn word_filter_keeps_its_words(words in proptest::collection::vec("[A-Za-zə'’.-]{0,9}", 0..40), other in "[A-Za-zə'’.-]{0,9}") {
            let filter = WordFilter::of(words.iter().map(String::as_str));
            for w in &words {
                proptest::prop_assert!(filter.may_hold(w), "{:?}", w);
            }
            if !filter.may_hold(&other) {
                proptest::prop_assert!(!words.contains(&other));
            }
        }
    }

    #[test]
    fn abbreviation_keys_are_the_lists() {
        for w in ["Mr", "Mrs", "M", "Mrx", "vs", "Vs", "U.S", "U.S.", "Sept", "Septe", "approx", "approxi", "Oct", "OCT", "é", "Ltd", "Dec"]
        {
            let listed = ABBREVIATIONS.contains(&w) || MONTH_ABBREVIATIONS.contains(&w);
            let keyed = word_key(w.as_bytes()).is_some_and(|k| ABBREVIATION_KEYS.binary_search(&k).is_ok());
            assert_eq!(keyed, listed, "{w}");
        }
        for w in ABBREVIATIONS.iter().chain(MONTH_ABBREVIATIONS) {
            assert!(word_key(w.as_bytes()).is_some_and(|k| ABBREVIATION_KEYS.binary_search(&k).is_ok()), "{w}");
        }
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("Mr. Putin spoke. He left.", &["Mr. Putin spoke.", "He left."]),
            ("On Oct. 12 it rained. Then", &["On Oct. 12 it rained.", "Then"]),
            ("President Vladimir V. Putin said so.", &["President Vladimir V. Putin said so."]),
            ("the U.S. State Department said.", &["the U.S. State Department said."]),
            ("\"It is calm.\" He said it.", &["\"It is calm.\"", "He said it."]),
            ("“Can’t they stop?” She said.", &["“Can’t they stop?”", "She said."]),
            ("a.\nb.", &["a.", "b."]),
            ("he said. and more", &["he said. and more"]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "in {text:?}");
        }
    }

    /// The lines of `text` joined into paragraphs by [`unwrap_lines`].
    fn unwrapped(text: &str) -> Vec<String> {
        let u = unwrap_lines(text, 0);
        paragraphs(&u).iter().map(|p| u[p.start..p.end].to_string()).collect()
    }

    #[test]
    fn hard_wrapped_paragraphs_are_unwrapped() {
        let wrapped = "Title of the story\n\nBAKU, Oct 17 (Reuters) - A missile strike on Azerbaijan's second city\nof Ganja killed 13 civilians and wounded more than 50 overnight,\nAzerbaijan's prosecutor general's office said on Saturday, a week\nafter a Russian-brokered ceasefire.\n\nShushan Stepanyan, a ministry spokeswoman, said Azerbaijani forces\nhad shelled Stepanakert.\n";
        assert_eq!(
            unwrapped(wrapped),
            [
                "Title of the story",
                "BAKU, Oct 17 (Reuters) - A missile strike on Azerbaijan's second city of Ganja killed 13 civilians and wounded more than 50 overnight, Azerbaijan's prosecutor general's office said on Saturday, a week after a Russian-brokered ceasefire.",
                "Shushan Stepanyan, a ministry spokeswoman, said Azerbaijani forces had shelled Stepanakert.",
            ]
        );
        let cases: &[(&str, &[&str])] = &[
            // One paragraph per line: nothing changes.
            ("Title\nOne paragraph.\nAnother one\nA third.", &["Title", "One paragraph.", "Another one", "A third."]),
            // In any text, a line that ends no sentence runs on into one in lower case.
            (
                "Title\nShelling hit the town, killing\nthree people.\nNext.",
                &["Title", "Shelling hit the town, killing three people.", "Next."],
            ),
            // The title never runs on; list items and bylines are never run into.
            ("Ceasefire collapses in\nlower case", &["Ceasefire collapses in", "lower case"]),
            ("Title\nKey points\n- one killed\n- two wounded", &["Title", "Key points", "- one killed", "- two wounded"]),
        ];
        for (text, want) in cases {
            assert_eq!(unwrapped(text), *want, "in {text:?}");
        }
        // Offsets hold: only line breaks (and a `\r` before one) become spaces.
        let crlf = wrapped.replace('\n', "\r\n");
        let u = unwrap_lines(&crlf, 0);
        assert_eq!(u.len(), crlf.len());
        assert_eq!(paragraphs(&u).len(), 3);
    }

    /// The plain char-by-char tokenizer [`tokens`] must agree with.
    fn reference_tokens(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !is_word_char(c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(k, d)) = iter.peek() {
                if is_word_char(d) {
                    end = k + d.len_utf8();
                    iter.next();
                    continue;
                }
                if matches!(d, ',' | '.' | '\'' | '’' | '-') {
                    let after = s[k + d.len_utf8()..].chars().next();
                    let digit_join = matches!(d, ',' | '.')
                        && s[i..end].chars().all(|x| x.is_ascii_digit() || x == ',' || x == '.')
                        && after.is_some_and(|a| a.is_ascii_digit());
                    let word_join = matches!(d, '\'' | '’' | '-') && after.is_some_and(is_word_char);
                    if digit_join || word_join {
                        iter.next();
                        continue;
                    }
                }
                break;
            }
            out.push((i, end));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn tokens_agree_with_the_reference(s in "[a-zA-Z0-9 ,.'’\\-_ə٣Ա\"()]{0,40}") {
            let fast: Vec<(usize, usize)> = tokens(&s, 0).iter().map(|t| (t.start, t.end)).collect();
            proptest::prop_assert_eq!(fast, reference_tokens(&s));
        }

        /// Long sentences: tokens across 64-byte mask words, with masks on the stack and
        /// beyond it, and characters beyond ASCII among them.
        #[test]
        fn long_sentences_tokens_agree_with_the_reference(s in "([a-z0-9əԱ٣]{0,9}[ ,.'’“\u{a0}\\-_\"()A-Z]{1,2}){0,70}") {
            let fast: Vec<(usize, usize)> = tokens(&s, 0).iter().map(|t| (t.start, t.end)).collect();
            proptest::prop_assert_eq!(fast, reference_tokens(&s), "{} bytes", s.len());
        }

        /// The character after a terminator's white space is `trim_start`'s first.
        #[test]
        fn first_after_space_is_trim_start(s in "[ a\t\n\x0b\x0c\r\u{a0}\u{2003}ə\u{85}.]{0,12}", cut in 0usize..14) {
            let j = floor_boundary(&s, cut.min(s.len()));
            proptest::prop_assert_eq!(first_after_space(&s, j), s[j..].trim_start().chars().next(), "{:?} from {}", s, j);
        }

        /// Trimming at character level is `str::trim` (white space of every kind, ASCII
        /// bytes that are not white space kept).
        #[test]
        fn push_trimmed_is_trim(s in "[ a\t\n\x0b\x0c\r\u{a0}\u{2003}ə\u{85}.]{0,12}", cut in 0usize..14) {
            let mut out = Vec::new();
            let start = (0..=cut.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            push_trimmed(&s, start, s.len(), &mut out);
            let t = s[start..].trim();
            let want: Vec<Span> = if t.is_empty() {
                Vec::new()
            } else {
                let lead = s[start..].len() - s[start..].trim_start().len();
                vec![Span { start: start + lead, end: start + lead + t.len() }]
            };
            proptest::prop_assert_eq!(out, want);
        }

        /// A span cut anywhere (its ends inside characters too, or the wrong way round) is
        /// pushed trimmed as `str::trim` trims it when it is a str, else not at all, by both
        /// trims: a sentence's ends told from their bytes (curly quotes, dashes, letters of two
        /// bytes, spaces of every kind) keep the answer of reading them as characters.
        #[test]
        fn push_trimmed_is_trim_anywhere(
            s in "[ a\t\n\r\x0b\x0c\u{a0}\u{85}\u{2003}\u{200a}\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{2030}ə”“’—é.]{0,10}",
            a in 0usize..40,
            b in 0usize..40,
        ) {
            let (start, end) = (a.min(s.len() + 1), b.min(s.len() + 1));
            let (mut out, mut sentence) = (Vec::new(), Vec::new());
            push_trimmed(&s, start, end, &mut out);
            push_trimmed_sentence(&s, start, end, &mut sentence);
            let want: Vec<Span> = match s.get(start..end) {
                Some(t) if !t.trim().is_empty() => {
                    let lead = t.len() - t.trim_start().len();
                    vec![Span { start: start + lead, end: start + lead + t.trim().len() }]
                }
                _ => Vec::new(),
            };
            proptest::prop_assert_eq!(&out, &want);
            proptest::prop_assert_eq!(sentence, want);
        }

        /// Tokens of texts of ASCII chunks (cut from their bytes without boundary tests) with a
        /// character beyond ASCII here and there, as a sentence's tokens from the text's masks,
        /// agree with the reference.
        #[test]
        fn mostly_ascii_tokens_agree_with_the_reference(
            s in "([a-z0-9]{0,9}[ ,.'\\-_\"()A-Z]{1,2}){0,60}([əԱ’é][a-z ]{0,70}){0,4}",
            cut in 0usize..900,
        ) {
            let want = reference_tokens(&s);
            let fast: Vec<(usize, usize)> = tokens(&s, 0).iter().map(|t| (t.start, t.end)).collect();
            proptest::prop_assert_eq!(&fast, &want);
            let mut start = cut.min(s.len());
            while !s.is_char_boundary(start) {
                start -= 1;
            }
            let masks = text_masks(&s);
            let mut part = Vec::new();
            tokens_in(&s, &masks, Span { start, end: s.len() }, &mut part);
            let from_start: Vec<(usize, usize)> = reference_tokens(&s[start..]).iter().map(|&(a, b)| (a + start, b + start)).collect();
            proptest::prop_assert_eq!(part.iter().map(|t| (t.start, t.end)).collect::<Vec<_>>(), from_start);
            proptest::prop_assert!(part.iter().all(|t| t.text == &s[t.start..t.end]));
        }

        /// The paragraphs read from the bits of 64 bytes' line breaks are those split at each
        /// line break found by a search, and the SSE2 bits are the portable ones.
        #[test]
        fn paragraphs_split_at_every_line_break(s in "([a-z ,.\t\r]{0,70}[\n]{0,3}[ə’é]?){0,30}") {
            let mut want = Vec::new();
            let mut start = 0;
            for i in memchr::memchr_iter(b'\n', s.as_bytes()) {
                push_trimmed(&s, start, i, &mut want);
                start = i + 1;
            }
            push_trimmed(&s, start, s.len(), &mut want);
            proptest::prop_assert_eq!(paragraphs(&s), want);
            for chunk in s.as_bytes().as_chunks::<64>().0 {
                proptest::prop_assert_eq!(newlines(chunk), newlines_portable(chunk));
            }
        }

        /// Whether 64 bytes from an offset (or those to the end) are all ASCII, as `is_ascii`
        /// of them tells.
        #[test]
        fn ascii_chunk_is_is_ascii(s in "[a-z ]{0,100}[éə’]?[a-z ]{0,100}", from in 0usize..220) {
            let b = s.as_bytes();
            let from = from.min(b.len().saturating_sub(1));
            if from < b.len() {
                proptest::prop_assert_eq!(ascii_chunk(b, from), b[from..(from + 64).min(b.len())].is_ascii());
            }
        }

        /// The bits `at_boundaries` finds at character boundaries are there, and of 64 bytes
        /// beyond ASCII it finds those that are: the bits at no continuation byte.
        #[test]
        fn at_boundaries_are_character_boundaries(
            s in "[a-z ]{0,40}([éə’😀 a-z]{0,3}[a-z ]{0,20}){0,8}",
            from in 0usize..200,
            bits in proptest::prelude::any::<u64>(),
        ) {
            let b = s.as_bytes();
            let from = from.min(b.len());
            let all = (0..64).filter(|k| bits >> k & 1 != 0 && from + k <= b.len()).all(|k| s.is_char_boundary(from + k));
            if at_boundaries(b, from, bits) {
                proptest::prop_assert!(all);
            }
            if from + 64 <= b.len() {
                proptest::prop_assert_eq!(at_boundaries(b, from, bits), all);
            }
        }

        /// The masks of a whole text are each 64 bytes' [`masks`], classified the first
        /// way (eight bytes at a time by sums), with and without characters beyond ASCII.
        #[test]
        fn text_masks_are_the_masks_of_each_chunk(mixed in "([a-zA-Z0-9əԱ٣éДא\u{7ff}]{0,9}[ ,.'’“—\u{a0}\u{85}\u{2003}\u{2028}\u{202f}\u{205f}\u{3000}😀\t\n\\-_\x0b]{1,2}){0,60}") {
            // The text, and the text without its characters beyond ASCII (whose chunks are
            // all ASCII).
            let ascii: String = mixed.chars().filter(char::is_ascii).collect();
            for s in [&mixed, &ascii] {
                let all = text_masks(s);
                proptest::prop_assert_eq!(all.len(), s.len().div_ceil(64));
                for (k, m) in all.iter().enumerate() {
                    let want = masks(s, 64 * k);
                    proptest::prop_assert_eq!(
                        (m.word, m.space, m.digit, m.continuation),
                        (want.word, want.space, want.digit, want.continuation),
                        "chunk {}", k
                    );
                }
            }
        }

        /// The tokens of a part of a text read from the whole text's masks are the tokens of
        /// that part on its own (whatever the bytes just outside it: words, joiners, digits).
        #[test]
        fn tokens_of_a_span_from_the_texts_masks(
            s in "([a-z0-9əԱ٣]{0,9}[ ,.'’“\u{a0}\\-_\"()A-Z]{1,2}){0,50}",
            a in 0usize..600,
            b in 0usize..600,
        ) {
            let floor = |mut i: usize| {
                i = i.min(s.len());
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let (lo, hi) = (floor(a.min(b)), floor(a.max(b)));
            let mut from_masks = Vec::new();
            tokens_in(&s, &text_masks(&s), Span { start: lo, end: hi }, &mut from_masks);
            proptest::prop_assert_eq!(from_masks, tokens(&s[lo..hi], lo));
        }

        /// The tokens of a text's parts found by runs ([`tokens_of_parts`]) are those of
        /// each part's span ([`tokens_in`]), each part given its own: for its sentences
        /// (apart by white space, and some left out) and for parts cut anywhere (touching,
        /// apart by words, empty, inside words and characters' runs, of one chunk or many).
        #[test]
        fn tokens_of_parts_are_each_parts_tokens(
            s in "([a-z0-9əԱ٣]{0,9}[ ,.'’“\u{a0}\u{2003}\n\\-_\"()A-Z!?]{1,3}){0,60}",
            cuts in proptest::collection::vec(0usize..700, 0..24),
            left_out in proptest::collection::vec(proptest::bool::ANY, 0..40),
        ) {
            #[derive(Debug, PartialEq)]
            struct P(Span, std::ops::Range<usize>);
            impl Part for P {
                fn span(&self) -> Span {
                    self.0
                }
                fn set_tokens(&mut self, tokens: std::ops::Range<usize>) {
                    self.1 = tokens;
                }
            }
            let floor = |mut i: usize| {
                i = i.min(s.len());
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let mut cut: Vec<usize> = cuts.iter().map(|&c| floor(c)).collect();
            cut.sort_unstable();
            let sentences: Vec<Span> =
                sentences(&s).into_iter().enumerate().filter(|(k, _)| !left_out.get(*k).copied().unwrap_or(false)).map(|(_, p)| p).collect();
            let pieces: Vec<Span> = cut.chunks(2).filter(|c| c.len() == 2).map(|c| Span { start: c[0], end: c[1] }).collect();
            let masks = text_masks(&s);
            for spans in [sentences, pieces] {
                let mut parts: Vec<P> = spans.iter().map(|&p| P(p, 0..0)).collect();
                let mut by_runs = vec![Token { text: "", start: 0, end: 0 }];
                tokens_of_parts(&s, &masks, &mut parts, &mut by_runs);
                let mut by_parts = vec![Token { text: "", start: 0, end: 0 }];
                let mut want = Vec::new();
                for &p in &spans {
                    let first = by_parts.len();
                    tokens_in(&s, &masks, p, &mut by_parts);
                    want.push(P(p, first..by_parts.len()));
                }
                proptest::prop_assert_eq!(&by_runs, &by_parts);
                proptest::prop_assert_eq!(parts, want);
            }
        }
    }

    /// Every byte in every place of a chunk gets the classes the byte tests give it (none
    /// for a byte beyond ASCII, which is marked as such instead).
    #[test]
    fn classes_of_every_byte_in_every_place() {
        for c in 0..=255u8 {
            for at in 0..64 {
                let mut chunk: [u8; 64] = std::array::from_fn(|k| b"a _9\x0bZ/:\t"[k % 9]);
                chunk[at] = c;
                let (m, beyond) = classes(&chunk);
                for (k, &x) in chunk.iter().enumerate() {
                    let bit = |mask: u64| mask >> k & 1 == 1;
                    assert_eq!(bit(m.word), is_ascii_word_byte(x), "word bit of {x:#x} at {k}");
                    assert_eq!(bit(m.space), x.is_ascii_whitespace(), "space bit of {x:#x} at {k}");
                    assert_eq!(bit(m.digit), x.is_ascii_digit(), "digit bit of {x:#x} at {k}");
                    assert_eq!(bit(beyond), !x.is_ascii(), "beyond bit of {x:#x} at {k}");
                }
            }
        }
    }

    proptest::proptest! {
        /// The classes of 64 bytes told by SSE2 are the portable code's, for any bytes (ASCII,
        /// UTF-8 text, or neither).
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        #[test]
        fn sse2_classes_are_the_portable_ones(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 64),
            text in "[a-zA-Z0-9 _\t\n\x0b\x0c\r\x1f/:@\\[`{\x7f\u{a0}əԱ٣’]{64}",
        ) {
            let text: Vec<u8> = text.bytes().chain(std::iter::repeat(b' ')).take(64).collect();
            for chunk in [&bytes, &text] {
                let chunk: &[u8; 64] = chunk.as_slice().try_into().unwrap_or(&[0; 64]);
                // SAFETY: the build enables SSE2 (the test's `cfg`).
                let (m, beyond) = unsafe { classes_sse2(chunk) };
                let (want, want_beyond) = classes_portable(chunk);
                proptest::prop_assert_eq!(
                    (m.word, m.space, m.digit, m.continuation, beyond),
                    (want.word, want.space, want.digit, want.continuation, want_beyond),
                    "{:?}", chunk
                );
            }
        }
    }

    proptest::proptest! {
        /// The continuation bytes of 64 bytes by SSE2 are those found byte by byte, for any
        /// bytes and for text.
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        #[test]
        fn sse2_continuation_bytes_are_the_portable_ones(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 64),
            text in "[a-z ’əԱ😀é]{64}",
        ) {
            for chunk in [&bytes, &text.as_bytes()[..64].to_vec()] {
                let chunk: &[u8; 64] = chunk.as_slice().try_into().unwrap_or(&[0; 64]);
                // SAFETY: the build enables SSE2 (the test's `cfg`).
                proptest::prop_assert_eq!(unsafe { continuation_bytes_sse2(chunk) }, continuation_bytes_portable(chunk));
            }
        }
    }

    /// Digit runs across chunk edges: one that runs on through a whole chunk, one that ends
    /// where a chunk ends or the text ends (a text of whole chunks).
    #[test]
    fn digit_runs_across_chunks() {
        let runs = |s: &str| digit_runs(&text_masks(s));
        let a = |n: usize| "a".repeat(n);
        let d = |n: usize| "1".repeat(n);
        assert_eq!(runs(&d(64)), [(0, 64)]);
        assert_eq!(runs(&d(200)), [(0, 200)]);
        assert_eq!(runs(&format!("{}{}", a(63), d(65))), [(63, 128)]);
        assert_eq!(runs(&format!("{}{}{}", a(60), d(4), a(64))), [(60, 64)]);
        assert_eq!(runs(&format!("{}{}{}{}", d(2), a(62), d(130), a(1))), [(0, 2), (64, 194)]);
        assert_eq!(runs(&format!("1 22 {}{}", a(59), d(1))), [(0, 1), (2, 4), (64, 65)]);
    }

    /// A span that ends on a joiner ends its last token there, whatever follows.
    #[test]
    fn tokens_of_a_span_stop_at_its_end() {
        fn of(text: &str, end: usize) -> Vec<&str> {
            let mut out = Vec::new();
            tokens_in(text, &text_masks(text), Span { start: 0, end }, &mut out);
            out.iter().map(|t| t.text).collect()
        }
        assert_eq!(of("1,165 dead", 1), vec!["1"]);
        assert_eq!(of("3.5 km", 1), vec!["3"]);
        assert_eq!(of("don't", 3), vec!["don"]);
        assert_eq!(of("Moscow-brokered", 6), vec!["Moscow"]);
        assert_eq!(of("Azerbaijan’s", 10), vec!["Azerbaijan"]);
        assert_eq!(of("Azerbaijan’s", 13), vec!["Azerbaijan"]);
        assert_eq!(of("Azerbaijan’s", 14), vec!["Azerbaijan’s"]);
    }

    #[test]
    fn tokens_keep_numbers_and_compounds() {
        let t: Vec<&str> = tokens("1,165 Moscow-brokered Azerbaijan’s 3.5 km, then", 0).iter().map(|t| t.text).collect();
        assert_eq!(t, vec!["1,165", "Moscow-brokered", "Azerbaijan’s", "3.5", "km", "then"]);
    }
}
