//! Direct quotes: straight and curly double quotes, across sentence ends, with the speaker
//! from `"...," X said`, `X said: "..."`, `said X`, `X told reporters`, `X wrote on Twitter`,
//! pronouns resolved to the last named person, and continuation quotes inheriting the
//! speaker of the quote before them. Places named inside or around the quote are linked.

use super::DocCtx;
use super::attribution::{self, Memory, Speaker};
use crate::model::Quote;
use crate::text::Span;
use crate::text::trim;

/// A quoted span: `outer` includes the marks, `inner` excludes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// With quotation marks.
    pub outer: Span,
    /// Without them.
    pub inner: Span,
    /// Left open at its paragraph's end: the quote runs on into the next paragraph, which
    /// opens with a quotation mark (the news convention for a quote of several paragraphs).
    pub runs_on: bool,
}

/// Find quoted spans. An unclosed curly quote runs to the paragraph end (multi-paragraph
/// quotes); so does an unclosed straight quote when the next paragraph opens with one, and
/// other unbalanced straight quotes are dropped at the paragraph end.
pub fn find_quotes(text: &str, from: usize) -> Vec<QuoteSpan> {
    // Room for the quotes of most articles without growing.
    let mut out = Vec::with_capacity(16);
    let mut open: Option<(usize, char)> = None;
    // Only quotation marks matter, and line breaks while a quote is open: jump between them
    // ('“' and '”' start with 0xE2, and are told from other such characters by their last
    // two bytes). With no quote open only '"' and '“' matter (a closing mark then does
    // nothing): '“' is found by its last byte, 0x9C, which apostrophes, closing marks and
    // dashes (0xE2 too) do not end with.
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(hay) = bytes.get(at..) {
        let found = if open.is_some() { memchr::memchr3(b'\n', b'"', 0xE2, hay) } else { memchr::memchr2(b'"', 0x9C, hay) };
        let Some(k) = found else { break };
        let start = at;
        let mut i = at + k;
        at = i + 1;
        let c = match bytes[i] {
            b'\n' => '\n',
            b'"' => '"',
            0x9C if open.is_none() => {
                if i >= start + 2 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80 {
                    i -= 2;
                    '“'
                } else {
                    continue;
                }
            }
            _ => match bytes.get(i + 1..i + 3) {
                Some([0x80, 0x9C]) => '“',
                Some([0x80, 0x9D]) => '”',
                _ => continue,
            },
        };
        step(text, i, c, &mut open, &mut out);
    }
    finish(text, open, &mut out);
    out
}

/// One quotation mark or line break `c` at `i` read against the quote left `open`: a quote
/// found is pushed to `out`.
fn step(text: &str, i: usize, c: char, open: &mut Option<(usize, char)>, out: &mut Vec<QuoteSpan>) {
    match (c, *open) {
        ('\n', Some((s, mark))) => {
            let next_opens = || text[i..].trim_start().starts_with(['"', '“']);
            if i > s + 1 && (mark == '“' || next_opens()) {
                let inner_end = text[..i].trim_end().len();
                out.push(QuoteSpan {
                    outer: Span { start: s, end: inner_end },
                    inner: Span { start: s + mark.len_utf8(), end: inner_end },
                    runs_on: next_opens(),
                });
            }
            *open = None;
        }
        ('"', None) | ('“', None) => *open = Some((i, c)),
        ('"', Some((s, '"'))) | ('”', Some((s, '“'))) | ('”', Some((s, '"'))) | ('"', Some((s, '“'))) => {
            let mark_len = text[s..].chars().next().map_or(1, char::len_utf8);
            let inner = Span { start: s + mark_len, end: i };
            if !blank(&text[inner.start..inner.end]) {
                out.push(QuoteSpan { outer: Span { start: s, end: i + c.len_utf8() }, inner, runs_on: false });
            }
            *open = None;
        }
        ('“', Some((s, '“'))) => {
            // A new opening mark while one is open: the earlier one was never closed.
            let inner_end = text[..i].trim_end().len();
            if inner_end > s + 3 {
                out.push(QuoteSpan {
                    outer: Span { start: s, end: inner_end },
                    inner: Span { start: s + '“'.len_utf8(), end: inner_end },
                    runs_on: false,
                });
            }
            *open = Some((i, c));
        }
        _ => {}
    }
}

/// Whether `s` is all white space (`s.trim()` is empty): most quotes are told by their first
/// byte, an ASCII character that is not white space.
fn blank(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(&b) if b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ') => false,
        _ => s.trim().is_empty(),
    }
}

/// Whether `s` is white space, commas and white space (`s.trim().trim_matches(',')` is
/// empty), read by bytes while they are ASCII, else by that trim.
fn only_commas(s: &str) -> bool {
    let b = s.as_bytes();
    let space = |c: u8| matches!(c, b'\t'..=b'\r' | b' ');
    let mut i = 0;
    while i < b.len() && space(b[i]) {
        i += 1;
    }
    while i < b.len() && b[i] == b',' {
        i += 1;
    }
    while i < b.len() && space(b[i]) {
        i += 1;
    }
    match b.get(i) {
        None => true,
        // Any other ASCII character stays after the trims.
        Some(c) if c.is_ascii() => false,
        Some(_) => s.trim().trim_matches(',').is_empty(),
    }
}

/// `s` without the commas, full stops, exclamation and question marks and spaces that open
/// it (`s.trim_start_matches([',', '.', '!', '?', ' '])`), passed over by bytes: each is ASCII,
/// and a character beyond ASCII opens with a byte that none is.
fn without_lead_marks(s: &str) -> &str {
    let k = s.bytes().position(|c| !matches!(c, b',' | b'.' | b'!' | b'?' | b' ')).unwrap_or(s.len());
    &s[k..]
}

/// An opening curly quote still open at the end of the text runs to its end.
fn finish(text: &str, open: Option<(usize, char)>, out: &mut Vec<QuoteSpan>) {
    if let Some((s, '“')) = open {
        let end = text.trim_end().len();
        if end > s + 3 {
            out.push(QuoteSpan { outer: Span { start: s, end }, inner: Span { start: s + '“'.len_utf8(), end }, runs_on: false });
        }
    }
}

/// The end of the paragraph from `pos` or `pos + max`, whichever comes first (within the
/// text): only the bytes up to there are searched for a line break.
fn paragraph_end_within(text: &str, pos: usize, max: usize) -> usize {
    let cap = pos.saturating_add(max).min(text.len());
    text.as_bytes().get(pos..cap).and_then(|b| memchr::memchr(b'\n', b)).map_or(cap, |i| pos + i)
}

/// Speaker named right after the quote: `," Lavrov said`, `” She said.`, `," said X`.
/// (`words`: the quote's words without the white space around them.)
fn speaker_after<'a>(ctx: &DocCtx<'a>, q: &QuoteSpan, words: &str, mem: &Memory<'a>, cursors: &mut Cursors) -> Option<Speaker<'a>> {
    let text = ctx.text;
    let limit = crate::text::floor_boundary(text, paragraph_end_within(text, q.outer.end, 160));
    let region = Span { start: q.outer.end, end: limit };
    // (The first verb of the region: `attribution::verbs_in`, from where the quote before's
    // search ended.)
    let verbs = &ctx.cues.verbs;
    let lo = cursors.after_quote.first(verbs, |v| v.start, region.start);
    let v = verbs[lo..].iter().take_while(|v| v.start < region.end).find(|v| v.end <= region.end).copied()?;
    // "…, saying" attributes the words after it, never a quote before it ("…," Kahn was
    // quoted as saying, is Kahn's).
    if attribution::is_participle(&text[v.start..v.end]) && !crate::text::trim_end(&text[q.outer.end..v.start]).ends_with(" as") {
        return None;
    }
    // `"We have nowhere to go." Later she added: "…"`: a verb whose colon opens the next quote
    // speaks that quote, not the one that ended its sentence before it.
    // (Its last byte: each of the three is ASCII.)
    let ended = matches!(words.as_bytes().last(), Some(b'.' | b'!' | b'?'));
    if ended && crate::text::trim_start(&text[v.end..limit]).starts_with(':') {
        return None;
    }
    let gap = &text[q.outer.end..v.start];
    // Only a short subject between the quote and the verb, and no new quote.
    if attribution::more_words_than(gap, 12) || attribution::has_quote_mark(gap) {
        return None;
    }
    let word = &text[v.start..v.end];
    if word.eq_ignore_ascii_case("according to") {
        // `," according to a statement from the foreign ministry.`
        let end = ctx.sentence_at(v.start).map_or(limit, |s| s.span.end.min(limit));
        return attribution::subject_after(ctx, Span { start: v.start, end: limit }, v)
            .or_else(|| attribution::according_to(ctx, Span { start: v.end, end }, mem).map(|(s, _)| s));
    }
    // Appositives are allowed ("Irina Grigorian, a teacher who fled, said"), but a sentence
    // end between quote and verb is not, unless the quote itself ended the sentence.
    // (A title's full stop is no sentence end: `," Dr. Marwan al-Hams told`.)
    let trimmed = without_lead_marks(gap);
    let sentence_end = |i: usize| {
        let word = trimmed[..i].rsplit(' ').next().unwrap_or("");
        !(word.len() <= 4 && word.starts_with(|c: char| c.is_ascii_uppercase()) && super::names::is_stop_word(word))
    };
    // (". " found by its full stop.)
    if memchr::memchr_iter(b'.', trimmed.as_bytes()).any(|i| trimmed.as_bytes().get(i + 1) == Some(&b' ') && sentence_end(i)) {
        return None;
    }
    if only_commas(gap) {
        return attribution::subject_after(ctx, Span { start: v.start, end: limit }, v);
    }
    // After a quote the subject comes first: `," Hikmet Hajiyev, an aide to President Ilham
    // Aliyev, told reporters` is Hajiyev's, not Aliyev's.
    let between = Span { start: q.outer.end, end: v.start };
    // (`DocCtx::actors_in` and `persons_in` of the gap, from where the quote before's ended;
    // the actors inside a person's name, who starts in the gap, read on from its first actor.)
    let first_of = [
        cursors.actors.first(&ctx.actor_matches, |m| m.start, between.start),
        cursors.persons.first(&ctx.persons, |p| p.start, between.start),
    ];
    let (actors, persons) = (&ctx.actor_matches[first_of[0]..], &ctx.persons[first_of[1]..]);
    let first_actor = actors.iter().take_while(|m| m.start < between.end).find(|m| m.end <= between.end);
    let first_actor = first_actor.map(|m| (m.start, ctx.actor_speaker(m.item)));
    let holds_actor = |p: Span| holds_any(actors, |m| (m.start, m.end), p);
    let first_person = persons
        .iter()
        .take_while(|p| p.start < between.end)
        .filter(|p| p.end <= between.end)
        .map(|p| Span { start: p.start, end: p.end })
        .find(|p| !holds_actor(*p))
        .map(|p| (p.start, ctx.person_speaker(p)));
    let first = match (first_actor, first_person) {
        (Some(a), Some(p)) => Some(if p.0 < a.0 { p.1 } else { a.1 }),
        (a, p) => a.or(p).map(|x| x.1),
    };
    first
        // (From the same first actor match and person name: the region starts at the gap's start.)
        .or_else(|| attribution::subject_before_from(ctx, Span { start: q.outer.end, end: limit }, v, mem, Some(first_of)))
        .or_else(|| attribution::subject_after(ctx, Span { start: v.start, end: limit }, v))
}

/// Whether any of `items` (in order of start, `pos` giving an item's start and end; none
/// that starts before `p` left out) lies in `p`, as `DocCtx`'s `in_span` finds them among
/// all the items: read on from the first only while they start in `p`.
fn holds_any<T>(items: &[T], pos: impl Fn(&T) -> (usize, usize), p: Span) -> bool {
    items.iter().map(pos).take_while(|m| m.0 < p.end).any(|(start, end)| start >= p.start && end <= p.end)
}

/// Speaker named before the quote in its sentence (`sent`, the sentence holding the quote's
/// start, as [`DocCtx::sentence_at`] finds it): `X said: "..."`, `X told reporters, "..."`.
fn speaker_before<'a>(ctx: &DocCtx<'a>, q: &QuoteSpan, sent: Option<Span>, mem: &Memory<'a>, cursors: &mut Cursors) -> Option<Speaker<'a>> {
    let sent = sent?;
    let region = Span { start: sent.start, end: q.outer.start };
    // (The verbs that start in the region, from the last, those that end after it passed
    // over; the run's ends found from where the quote before's ended.)
    let verbs = &ctx.cues.verbs;
    let lo = cursors.sentence.first(verbs, |v| v.start, region.start);
    let hi = cursors.quote.first(verbs, |v| v.start, region.end).max(lo);
    for v in verbs[lo..hi].iter().rev().filter(|v| v.end <= region.end).copied() {
        if ctx.text[v.start..v.end].eq_ignore_ascii_case("according to") {
            let after = Span { start: v.start, end: q.outer.start };
            if let Some(s) = attribution::subject_after(ctx, after, v)
                .or_else(|| attribution::according_to(ctx, Span { start: v.end, end: q.outer.start }, mem).map(|(s, _)| s))
            {
                return Some(s);
            }
            continue;
        }
        // (From the first actor match and person name at the sentence's start, walked on from
        // the quote before's.)
        let first_of = [
            cursors.sentence_actors.first(&ctx.actor_matches, |m| m.start, region.start),
            cursors.sentence_persons.first(&ctx.persons, |p| p.start, region.start),
        ];
        if let Some(s) = attribution::subject_before_from(ctx, region, v, mem, Some(first_of)) {
            return Some(s);
        }
        if let Some(s) = attribution::subject_after(ctx, region, v) {
            return Some(s);
        }
    }
    // No speech verb: a known actor opening the sentence ("The Red Cross offered to act as a
    // "neutral intermediary"") is the source of the words it quotes.
    let mut names = ctx.actors_in(region);
    let m = names.next()?;
    let lead = &ctx.text[sent.start..m.start];
    if attribution::more_words_than(lead, 1) || lead.contains(['"', '“']) {
        return None;
    }
    // "Armenia's defence ministry spokeswoman Shushan Stepanyan": the person heads the phrase.
    if let Some(n) = names.next()
        && ctx.actors.actors[n.item].is_person()
        && ctx.text[m.end..n.start].split_whitespace().count() <= 2
    {
        return Some(ctx.actor_speaker(n.item));
    }
    Some(ctx.actor_speaker(m.item))
}

/// Where a search of a list in order of start ended ([`Cursor::first`]): the next search
/// walks on from there, as the quotes of an article come in text order.
#[derive(Debug, Default, Clone, Copy)]
struct Cursor(usize);

impl Cursor {
    /// The index of the first of `items` (in order of start, `start` gives it) that starts at
    /// or after `at`, as `items.partition_point(|m| start(m) < at)` finds it: walked on from
    /// where the last search ended when that lies before `at`, else searched.
    fn first<T>(&mut self, items: &[T], start: impl Fn(&T) -> usize, at: usize) -> usize {
        let mut k = self.0;
        if k > items.len() || k > 0 && start(&items[k - 1]) >= at {
            k = items.partition_point(|m| start(m) < at);
        } else {
            while k < items.len() && start(&items[k]) < at {
                k += 1;
            }
        }
        self.0 = k;
        k
    }
}

/// The [`Cursor`]s of an article's quotes: into its speech verbs after a quote's end, from its
/// sentence's start and from its start, into its places, and into its actors and person names
/// after a quote's end and from its sentence's start.
#[derive(Debug, Default)]
struct Cursors {
    after_quote: Cursor,
    sentence: Cursor,
    quote: Cursor,
    places: Cursor,
    /// Into its actors and person names after a quote's end.
    actors: Cursor,
    persons: Cursor,
    /// Into its actors and person names from its sentence's start.
    sentence_actors: Cursor,
    sentence_persons: Cursor,
}

/// Extract the quotes of an article.
pub fn extract(ctx: &DocCtx) -> Vec<Quote> {
    let spans = find_quotes(ctx.text, ctx.body_start);
    let mut out: Vec<Quote> = Vec::with_capacity(spans.len());
    let mut mem = Memory::default();
    // The memory with the names of a quote's sentence before it ([`Memory::observed_part`]).
    let mut part = Memory::default();
    let mut observed = 0usize; // sentences observed so far
    // The quote before: where it ends, whether it runs on into the next paragraph, and its
    // speaker (no more of it is read again).
    let mut prev: Option<(usize, bool, Option<Speaker>)> = None;
    // Per quote pushed to `out`: whether it runs on into the next paragraph.
    let mut runs_on: Vec<bool> = Vec::with_capacity(spans.len());
    let (mut last_name, mut last_side) = (None, None);
    let mut cursors = Cursors::default();
    for q in spans {
        // A capitalised word alone in quotation marks names a thing (an "Osa" missile system,
        // "Smerch" rockets, operation "Iron Fist"): nobody said it.
        // (Trimmed once: the quote's text is made from it too.)
        let inner = trim(&ctx.text[q.inner.start..q.inner.end]);
        if inner.starts_with(char::is_uppercase) && inner.chars().skip(1).all(|c| c.is_alphanumeric() || c == '-') {
            continue;
        }
        // Remember names of sentences before this quote's sentence (read from the article's
        // records of whole sentences, without finding each sentence again).
        let upto = observed + ctx.sentences[observed..].iter().take_while(|s| s.span.end <= q.outer.start).count();
        mem.observe_sentences(ctx, observed..upto);
        observed = upto;
        // Names earlier in the quote's own sentence are named before it too: in `Spokeswoman
        // Shushan Stepanyan called it "groundless." She said …`, "she" is Stepanyan.
        // (The quote's sentence is where the walk stopped, the first sentence that does not end
        // before the quote, if it holds the quote's start: `DocCtx::sentence_at` without a
        // search. Quotes come in text order.)
        let sent = ctx.sentences.get(observed).filter(|s| s.span.start <= q.outer.start);
        // (The memory copied, into `part`, only when that part of the sentence names someone.)
        let with_lead = sent.filter(|s| s.span.start < q.outer.start).is_some_and(|s| {
            // (Its first actor match and person name walked to as `speaker_before` walks to
            // them for the same sentence.)
            let first = [
                cursors.sentence_actors.first(&ctx.actor_matches, |m| m.start, s.span.start),
                cursors.sentence_persons.first(&ctx.persons, |p| p.start, s.span.start),
            ];
            mem.observed_part(ctx, Span { start: s.span.start, end: q.outer.start }, first, &mut part)
        });
        let here = if with_lead { &part } else { &mem };
        let mut speaker =
            speaker_after(ctx, &q, inner, here, &mut cursors).or_else(|| speaker_before(ctx, &q, sent.map(|s| s.span), here, &mut cursors));
        // A quote of several paragraphs: the paragraph that opens with a quotation mark after
        // one left open continues it, whoever is named after either part.
        let continues = prev.as_ref().is_some_and(|&(end, runs_on, _)| runs_on && trim(&ctx.text[end..q.outer.start]).is_empty());
        if continues {
            if let Some((_, _, Some(ps))) = &prev {
                speaker = speaker.or(Some(*ps));
            } else if let Some(s) = speaker {
                // The earlier paragraphs had no speaker of their own: they are this one's.
                for (k, earlier) in out.iter_mut().enumerate().rev() {
                    if earlier.speaker.is_some() || !runs_on.get(k).copied().unwrap_or(false) {
                        break;
                    }
                    earlier.speaker = Some(ctx.intern(s.name));
                    earlier.speaker_side = s.side.map(|x| ctx.intern(x));
                }
            }
        }
        // A quote that follows an attributed quote with nothing but attribution between them
        // continues it: `"...," Aliyev said. "Let them ..."`.
        if speaker.is_none()
            && let Some((pq_end, _, Some(ps))) = &prev
        {
            // Short first: its words are read only up to the limit, however far the quotes lie
            // apart.
            let between = &ctx.text[*pq_end..q.outer.start];
            let short = !attribution::more_words_than(between, 20) && !between.contains('\n');
            if short && !attribution::has_quote_mark(between) {
                speaker = Some(*ps);
            }
        }
        if let Some(s) = &speaker {
            mem.last_speaker = Some(*s);
            mem.remember(*s);
        }
        // Places inside the quote and in the sentences it touches.
        let first = sent.map_or(q.outer.start, |s| s.span.start);
        let end = q.outer.end.saturating_sub(1);
        let k = observed + ctx.sentences[observed..].iter().take_while(|s| s.span.end <= end).count();
        let last = ctx.sentences.get(k).filter(|s| s.span.start <= end).map_or(q.outer.end, |s| s.span.end);
        // (Room for a few places made with the first: many quotes have none, and
        // those allocate nothing.)
        // (`DocCtx::places_in`, from where the quote before's places began.)
        let span = Span { start: first, end: last.max(q.outer.end) };
        let lo = cursors.places.first(&ctx.places, |m| m.start, span.start);
        let mut near = ctx.places[lo..].iter().take_while(|m| m.start < span.end).filter(|m| m.end <= span.end);
        let mut places: Vec<crate::model::Id> = match near.next() {
            Some(m) => {
                let mut v = Vec::with_capacity(4);
                v.push(ctx.gazetteer.place_ids[m.item].clone());
                v
            }
            None => Vec::new(),
        };
        for m in near {
            let id = &ctx.gazetteer.place_ids[m.item];
            if !places.contains(id) {
                places.push(id.clone());
            }
        }
        // (A speaker mostly speaks several quotes in turn: the Ids of the last one's name and
        // side are taken again for the same text.)
        out.push(Quote {
            article: ctx.article.clone(),
            speaker: speaker.as_ref().map(|s| super::interned_again(&mut last_name, s.name, |x| ctx.intern(x))),
            speaker_side: speaker.as_ref().and_then(|s| s.side.map(|x| super::interned_again(&mut last_side, x, |x| ctx.intern(x)))),
            text: quote_text(inner),
            date: sent.and_then(|s| s.date).or(ctx.published),
            date_basis: sent.map_or(crate::model::DateBasis::Article, |s| s.basis),
            places,
            start: q.outer.start,
            end: q.outer.end,
        });
        runs_on.push(q.runs_on);
        prev = Some((q.outer.end, q.runs_on, speaker));
    }
    out
}

/// The words of a quote as shown, from its words without the white space around them
/// (`inner`, trimmed once for the quote): without the comma that hands over to the speaker,
/// its runs of white space (a hard-wrapped quote's line ends, read as spaces, [`crate::text::unwrap_lines`]) as one space.
fn quote_text(inner: &str) -> String {
    let t = inner.trim_end_matches(',');
    if spaced_unevenly(t.as_bytes()) { t.split_whitespace().collect::<Vec<_>>().join(" ") } else { t.to_string() }
}

/// Whether `b` holds two spaces in a row or a line feed, carriage return or tab
/// (`has_two_spaces` or `memchr3` of the three), read in one pass: on x86-64 sixteen bytes a
/// step by SSE2 compares (a text shorter than sixteen bytes eight bytes a step), elsewhere
/// eight bytes a step. The bytes below 0x0E are looked for together and, where one is found,
/// the three are searched for (the others, control characters, are rare in text).
fn spaced_unevenly(b: &[u8]) -> bool {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if b.len() >= 16 {
        // SAFETY: the build enables SSE2 (the `cfg` above; every x86-64 target has it), the
        // only target feature `spaced_unevenly_sse2` needs.
        return unsafe { spaced_unevenly_sse2(b) };
    }
    spaced_unevenly_by_eights(b)
}

/// [`spaced_unevenly`] by SSE2, of a text of sixteen bytes or more.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn spaced_unevenly_sse2(b: &[u8]) -> bool {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_set1_epi8};
    // The bits of the spaces and of the bytes below 0x0E (at most 0x0D, unsigned) of sixteen
    // bytes, bit `k` for byte `k`.
    // (A mask of sixteen bits: the casts keep them.)
    spaced_unevenly_in_steps(b, 1, |c: &[u8; 16]| {
        let v = crate::text::sixteen(c);
        let space = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8))) as u32;
        let low = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x0D)), v)) as u32;
        (u64::from(space), u64::from(low))
    })
}

/// [`spaced_unevenly`] eight bytes a step (a text shorter than eight bytes by
/// [`spaced_unevenly_by_search`]).
fn spaced_unevenly_by_eights(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const ONES: u64 = 0x0101_0101_0101_0101;
    if b.len() < 8 {
        return spaced_unevenly_by_search(b);
    }
    // The high bit of each byte that is a space, or below 0x0E (each test exact per byte: no
    // carry crosses a byte, the high bits masked off before the sums).
    let marks = |c: &[u8; 8]| {
        let w = u64::from_le_bytes(*c);
        let x = w ^ (ONES * b' ' as u64);
        let space = !((x & LOW).wrapping_add(LOW) | x) & HIGH;
        let low = !((w & LOW).wrapping_add(ONES * (0x80 - 0x0E)) | w) & HIGH;
        (space, low)
    };
    spaced_unevenly_in_steps(b, 8, marks)
}

/// [`spaced_unevenly`] `W` bytes a step (`b` of `W` bytes or more): `marks` gives the bits of
/// a step's spaces and of its bytes below 0x0E, `per_byte` bits a byte (the mark of byte `k`
/// at bit `per_byte * k + per_byte - 1`, or at bit `k` when `per_byte` is 1); where a byte
/// below 0x0E stands, the searches ([`spaced_unevenly_by_search`]) answer.
#[inline(always)]
fn spaced_unevenly_in_steps<const W: usize>(b: &[u8], per_byte: u32, marks: impl Fn(&[u8; W]) -> (u64, u64)) -> bool {
    // The space mark of the step's last byte, moved to where the next step's first byte's is.
    let last = per_byte * (W as u32 - 1);
    // The space bit of the byte before the next step.
    let mut carry = 0u64;
    let (steps, rest) = b.as_chunks::<W>();
    for c in steps {
        let (space, low) = marks(c);
        if space & (space << per_byte | carry) != 0 {
            return true;
        }
        if low != 0 {
            return spaced_unevenly_by_search(b);
        }
        carry = space >> last;
    }
    // The last `W` bytes, those read before among them: any two spaces in a row that reach
    // the last bytes lie within them.
    match b.last_chunk::<W>() {
        Some(c) if !rest.is_empty() => {
            let (space, low) = marks(c);
            if low != 0 {
                return spaced_unevenly_by_search(b);
            }
            space & space << per_byte != 0
        }
        _ => false,
    }
}

/// [`spaced_unevenly`] by its two searches: its short texts and its reference.
fn spaced_unevenly_by_search(b: &[u8]) -> bool {
    memchr::memmem::find(b, b"  ").is_some() || memchr::memchr3(b'\n', b'\r', b'\t', b).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find_quotes(text, 0).iter().map(|q| &text[q.inner.start..q.inner.end]).collect()
    }

    #[test]
    fn quote_spans() {
        assert_eq!(quoted("He said \"yes.\" Then \"no\"."), vec!["yes.", "no"]);
        assert_eq!(quoted("“One. Two,” he said."), vec!["One. Two,"]);
        assert_eq!(quoted("an \"unbalanced quote\nnext"), Vec::<&str>::new());
        assert_eq!(quoted("“runs to the end\nnext"), vec!["runs to the end"]);
        assert_eq!(quoted("“a “b” c"), vec!["a", "b"]);
        // A straight quote of several paragraphs: each paragraph opens with a mark.
        assert_eq!(quoted("\"one.\n\n\"two,\" he said."), vec!["one.", "two,"]);
        assert_eq!(quoted("\"one.\n\nnext"), Vec::<&str>::new());
    }

    /// [`find_quotes`] visiting every line break and every character starting with 0xE2,
    /// whatever the state (the search as first written); both read each mark with `step`.
    fn find_quotes_reference(text: &str, from: usize) -> Vec<QuoteSpan> {
        let mut out = Vec::new();
        let mut open: Option<(usize, char)> = None;
        let bytes = text.as_bytes();
        let marks = memchr::memchr3_iter(b'\n', b'"', 0xE2, bytes.get(from..).unwrap_or_default()).map(|i| i + from);
        for (i, c) in marks.filter_map(|i| text.get(i..).and_then(|t| t.chars().next()).map(|c| (i, c))) {
            step(text, i, c, &mut open, &mut out);
        }
        finish(text, open, &mut out);
        out
    }

    proptest::proptest! {
        /// [`holds_any`] of the items from any that starts at or before a span finds what
        /// `in_span` finds among all the items.
        #[test]
        fn holds_any_as_in_span(
            items in proptest::collection::vec((0usize..40, 0usize..6), 0..12),
            from in 0usize..40,
            span in (0usize..40, 0usize..10),
        ) {
            let mut items: Vec<(usize, usize)> = items.into_iter().map(|(a, n)| (a, a + n)).collect();
            items.sort_by_key(|x| x.0);
            let p = Span { start: span.0, end: span.0 + span.1 };
            let lo = items.partition_point(|m| m.0 < from.min(p.start));
            let want = super::super::in_span(&items, p, |m| *m).next().is_some();
            proptest::prop_assert_eq!(holds_any(&items[lo..], |m| *m, p), want);
        }

        /// [`Cursor::first`], asked in any order, finds what `partition_point` finds.
        #[test]
        fn cursor_finds_as_partition_point(
            mut items in proptest::collection::vec(0usize..50, 0..20),
            asks in proptest::collection::vec(0usize..55, 0..12),
        ) {
            items.sort_unstable();
            let mut cursor = Cursor::default();
            for at in asks {
                proptest::prop_assert_eq!(cursor.first(&items, |m| *m, at), items.partition_point(|m| *m < at));
            }
        }

        /// [`spaced_unevenly`] answers as the two searches, on texts of spaces, the three and
        /// other bytes below 0x0E, and characters beyond ASCII, and on any text.
        #[test]
        fn spaced_unevenly_as_by_search(parts in proptest::collection::vec(0usize..12, 0..40), text in "\\PC{0,40}") {
            const PARTS: &[&str] = &[" ", "  ", "\n", "\r", "\t", "\u{b}", "\u{c}", "\u{0}", "\u{d}", "a", "é", "\u{a0}"];
            let parts: String = parts.iter().map(|&i| PARTS[i]).collect();
            for t in [parts.as_str(), text.as_str()] {
                let want = crate::text::has_two_spaces(t) || memchr::memchr3(b'\n', b'\r', b'\t', t.as_bytes()).is_some();
                proptest::prop_assert_eq!(spaced_unevenly(t.as_bytes()), want, "{:?}", t);
                proptest::prop_assert_eq!(spaced_unevenly_by_eights(t.as_bytes()), want, "{:?}", t);
            }
        }

        #[test]
        fn blank_is_trimmed_empty(s in "[ a\t\n\r\u{b}\u{c}\u{a0}\u{85}]{0,4}") {
            proptest::prop_assert_eq!(blank(&s), s.trim().is_empty(), "{:?}", s);
        }

        #[test]
        fn trims_by_bytes_as_by_chars(text in "\\PC{0,12}", parts in proptest::collection::vec(0usize..12, 0..8)) {
            const PARTS: &[&str] = &[" ", ",", "\t", "\u{b}", "\u{a0}", "\u{2003}", "a", "é", "\u{85}", ".", "!", "?"];
            for t in [text.clone(), parts.iter().map(|&i| PARTS[i]).collect::<String>()] {
                proptest::prop_assert_eq!(trim(&t), t.trim(), "{:?}", t);
                proptest::prop_assert_eq!(only_commas(&t), t.trim().trim_matches(',').is_empty(), "{:?}", t);
                proptest::prop_assert_eq!(without_lead_marks(&t), t.trim_start_matches([',', '.', '!', '?', ' ']), "{:?}", t);
            }
        }

        #[test]
        fn paragraph_end_within_is_the_nearer_end(text in "[a .\n]{0,40}", pos in 0usize..45, max in 0usize..30) {
            let pos = pos.min(text.len());
            let paragraph_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            proptest::prop_assert_eq!(paragraph_end_within(&text, pos, max), paragraph_end.min(pos + max).min(text.len()));
            // Full stops before a space where the text has ". ".
            let stops: Vec<usize> =
                memchr::memchr_iter(b'.', text.as_bytes()).filter(|&i| text.as_bytes().get(i + 1) == Some(&b' ')).collect();
            proptest::prop_assert_eq!(stops, text.match_indices(". ").map(|(i, _)| i).collect::<Vec<_>>());
        }

        #[test]
        fn quotes_found_as_by_visiting_every_mark(parts in proptest::collection::vec(0usize..16, 0..50), from in 0usize..8) {
            const PARTS: &[&str] = &[
                " ", "\"", "“", "”", "’", "—", "\n", "\n\n", "word", "Yes.", ",", "\r\n", "  ", "é", "…", "he said",
            ];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let from = (0..=from.min(text.len())).rev().find(|&f| text.is_char_boundary(f)).unwrap_or(0);
            proptest::prop_assert_eq!(find_quotes(&text, from), find_quotes_reference(&text, from));
        }

        #[test]
        fn quotes_found_as_by_visiting_every_mark_in_any_text(text in "\\PC{0,80}") {
            proptest::prop_assert_eq!(find_quotes(&text, 0), find_quotes_reference(&text, 0));
        }
    }
}
