//! Who said it: speech verbs, their subjects (known actors, person names, countries,
//! "the ministry"), inverted attributions (`said X`, `said the head of the district, X`), and
//! pronouns resolved to the last named person; "the statement said" is whoever "issued a
//! statement" in the sentences before, and "the official" who "declined to be named" is that
//! unnamed official as written ("An Armenian official"), never the last person named; an
//! unnamed person speaking ("A nurse at the city hospital said") is remembered as written,
//! with the sex the text gives, for a later "she said". Shared by casualty claims and quotes.

use super::DocCtx;
use crate::text::{Span, Token, trim_start};

/// Speech verbs that attribute words or figures to someone (as written: lower case, but
/// "According to" opening a sentence). Found by [`super::cues::scan`].
pub(crate) const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "adds",
    "stated",
    "states",
    "declared",
    "announced",
    "noted",
    "insisted",
    "warned",
    "tweeted",
    "posted",
    "urged",
    "replied",
    "explained",
    "claimed",
    "claims",
    "alleged",
    "estimated",
    "estimates",
    "reported",
    "confirmed",
    "described",
    "according to",
    "According to",
    "stressed",
    "underlined",
    "asserted",
    "called",
    "accused",
    "accuses",
    "blamed",
    // Only after a statement's noun ("The statement read:"): see [`reads_after_statement`].
    "read",
    "reads",
    "saying",
    "adding",
    "noting",
    "stressing",
    "insisting",
];

/// Whether "read" or "reads" at `start` of `b` follows a statement's noun ("The statement
/// read:", "the letter reads"): only there is it a speech verb.
pub(crate) fn reads_after_statement(b: &[u8], start: usize) -> bool {
    let before = b[..start].strip_suffix(b" ").unwrap_or(&[]);
    let word = before.rsplit(|&c| c == b' ' || c == b'\n').next().unwrap_or(&[]);
    STATEMENT_NOUNS.iter().any(|n| word.eq_ignore_ascii_case(n.as_bytes()))
}

/// Whether a speech verb of [`VERBS`] is a participle ("saying", "adding", "noting": the ones
/// in "-ing"), which joins a clause to the sentence's subject: "The ministry rejected the
/// report, saying …" is the ministry's.
pub(crate) fn is_participle(verb: &str) -> bool {
    verb.ends_with("ing")
}

/// A resolved speaker or claimant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Speaker<'a> {
    /// Display name (actor's name, or the name as written): borrowed from the article or
    /// the engine's data, so speakers are copied freely while an article is read.
    pub name: &'a str,
    /// Side, when the actor or country is known.
    pub side: Option<&'a str>,
    /// A person (not a body), for pronoun resolution.
    pub person: bool,
    /// Gender when known: `Some(true)` female.
    pub female: Option<bool>,
}

impl<'a> Speaker<'a> {
    /// A country speaking as a state ("Azerbaijan said"): its own side.
    pub fn country(place: &'a crate::gazetteer::PlaceEntry) -> Speaker<'a> {
        Speaker { name: &place.name, side: Some(&place.name), person: false, female: None }
    }
}

/// What the article has named so far, for pronouns and "the ministry".
#[derive(Debug, Default, Clone)]
#[cfg_attr(test, derive(PartialEq))]
pub struct Memory<'a> {
    /// Last person named.
    pub last_person: Option<Speaker<'a>>,
    /// Last female person named.
    pub last_female: Option<Speaker<'a>>,
    /// Last male person named.
    pub last_male: Option<Speaker<'a>>,
    /// Last body (ministry, agency) named.
    pub last_body: Option<Speaker<'a>>,
    /// Last speaker attributed.
    pub last_speaker: Option<Speaker<'a>>,
    /// The last few people named with a role ("Tamar Kahn, a spokeswoman for the Red Cross",
    /// "Mayor Ivan Fedorov"), newest last: "the spokeswoman" is the spokeswoman named.
    roles: [Option<(&'static str, Speaker<'a>)>; ROLES_KEPT],
    /// The sentence after the last whole sentence observed (where [`Memory::observe`] looks
    /// first).
    next_sentence: usize,
}

/// How many people named with a role [`Memory`] keeps.
const ROLES_KEPT: usize = 4;

/// Role nouns by which a named person is referred to later ("the spokeswoman said").
const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "mayor",
    "president",
    "minister",
    "ombudsman",
    "prosecutor",
    "commander",
    "ambassador",
    "envoy",
    "aide",
    "adviser",
    "advisor",
    "director",
    "chairman",
    "chairwoman",
    "official",
    "diplomat",
    "general",
    "senator",
    "colonel",
    "admiral",
];

/// Abbreviated titles and the role they stand for ("Regional Gov. Serhiy Lysak", "Lt. Gen.
/// Oleksandr Pivnenko").
const ROLE_ABBREVIATIONS: &[(&str, &str)] =
    &[("Gov.", "governor"), ("Gen.", "general"), ("Sen.", "senator"), ("Col.", "colonel"), ("Adm.", "admiral")];

/// The role noun a word is, in any case ("Mayor", "spokeswoman,").
fn role_word(w: &str) -> Option<&'static str> {
    // Cheap test first: every role noun opens with one of these letters and is 4 to 16 bytes
    // long with a possessive and punctuation.
    let b = w.as_bytes();
    if b.len() == 4 && b[3] == b'.' {
        return ROLE_ABBREVIATIONS.iter().find(|(a, _)| *a == w).map(|&(_, r)| r);
    }
    if !(4..=16).contains(&b.len()) || !matches!(b[0] | 0x20, b'a' | b'c' | b'd' | b'e' | b'g' | b'm' | b'o' | b'p' | b's') {
        return None;
    }
    let w = crate::text::strip_possessive(trim_to_word(w));
    let first = w.as_bytes().first()? | 0x20;
    ROLE_NOUNS.iter().find(|r| r.len() == w.len() && r.as_bytes()[0] == first && w.eq_ignore_ascii_case(r)).copied()
}

/// `w` without the characters at its ends that are neither alphanumeric nor an apostrophe
/// (`'`, `’`), as `trim_matches` of them gives it: read by bytes when both ends stop at an
/// ASCII byte (the bytes passed over before it are then ASCII characters trimmed, and the
/// byte is a character kept), else by `trim_matches` (an end beyond ASCII, which only
/// characters can tell).
fn trim_to_word(w: &str) -> &str {
    let b = w.as_bytes();
    let stop = |c: &u8| *c >= 0x80 || c.is_ascii_alphanumeric() || *c == b'\'';
    match (b.iter().position(stop), b.iter().rposition(stop)) {
        (None, _) | (_, None) => &w[w.len()..],
        (Some(s), Some(e)) if b[s] < 0x80 && b[e] < 0x80 => &w[s..=e],
        _ => trim_to_word_by_chars(w),
    }
}

/// [`trim_to_word`] by characters (`trim_matches`): its slow path and the proptest's reference.
fn trim_to_word_by_chars(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
}

/// The role the sentence `sent` gives the person named at `pos..end`: a title or role just
/// before the name ("spokeswoman Shushan Stepanyan", "The region's governor, Vyacheslav
/// Gladkov"), else in the appositive after it ("Tamar Kahn, a spokeswoman for the Red
/// Cross").
fn role_of(text: &str, sent: Span, pos: usize, end: usize) -> Option<&'static str> {
    // The last word before the name, without the spaces and commas after it (all ASCII, so
    // read by bytes: every cut falls between characters).
    let before = &text.as_bytes()[sent.start.min(pos)..pos];
    let w_end = before.iter().rposition(|&c| c != b' ' && c != b',').map_or(0, |k| k + 1);
    let w_start = before[..w_end].iter().rposition(|&c| c == b' ').map_or(0, |k| k + 1);
    let from = sent.start.min(pos);
    if w_start < w_end
        && let Some(r) = role_word(&text[from + w_start..from + w_end])
    {
        return Some(r);
    }
    let rest = text[end.min(sent.end)..sent.end].strip_prefix(',')?;
    rest.split([',', ';', '.', '(', '"', '“']).next()?.split_whitespace().take(6).find_map(role_word)
}

/// The index of a role noun in [`ROLE_NOUNS`] (every role [`role_word`] gives is one), as
/// [`Observed`] keeps it.
fn role_index(role: &str) -> Option<u8> {
    ROLE_NOUNS.iter().position(|r| *r == role).and_then(|i| u8::try_from(i).ok())
}

impl<'a> Memory<'a> {
    /// Remember the names a sentence mentions, in order. Only the last name of each kind
    /// (person, woman, man, body) can matter, so only those become [`Speaker`]s.
    pub fn observe(&mut self, ctx: &DocCtx<'a>, span: Span) {
        // A whole sentence is read once per article, whichever extractor asks first. The
        // extractors observe sentences in order: the one after the last observed is tried first
        // (sentence starts are strictly increasing, so it is then the one searched for).
        let i = match ctx.sentences.get(self.next_sentence) {
            Some(s) if s.span.start == span.start => self.next_sentence,
            _ => ctx.sentences.partition_point(|s| s.span.start < span.start),
        };
        if ctx.sentences.get(i).is_some_and(|s| s.span == span) {
            self.next_sentence = i + 1;
            let all = ctx.observed.get_or_init(|| Observed::all(ctx));
            // Most sentences name nobody.
            if all[i].any {
                self.apply(ctx, &all[i]);
            }
        } else {
            let indefinite = opens_indefinite(&ctx.text[span.start..span.end]);
            self.apply(ctx, &Observed::of(ctx, span, indefinite));
        }
    }

    /// Whether the part of a sentence before a quote, `span` (never a whole sentence), names
    /// anyone: then `part` becomes this memory after [`Memory::observe`] of it (copied into
    /// the caller's memory, not returned by value); else `part` is left as it is (no copy made).
    /// (`first`: the index of the first actor match and of the first person name that start
    /// at `span`'s start or after it, which the caller walks to.)
    pub(crate) fn observed_part(&self, ctx: &DocCtx<'a>, span: Span, first: [usize; 2], part: &mut Memory<'a>) -> bool {
        debug_assert_eq!(first[0], ctx.actor_matches.partition_point(|m| m.start < span.start));
        debug_assert_eq!(first[1], ctx.persons.partition_point(|p| p.start < span.start));
        let indefinite = opens_indefinite(&ctx.text[span.start..span.end]);
        let seen = Observed::of_from(ctx, span, indefinite, (first[0], first[1]));
        if !seen.any {
            return false;
        }
        part.clone_from(self);
        part.apply(ctx, &seen);
        true
    }

    /// [`Memory::observe`] of the whole sentences `range` of the article (indices into its
    /// sentences, from the one after the last observed), in order: what each names read
    /// from [`DocCtx::observed`](super::DocCtx) without finding the sentence. Each of the
    /// last person, woman, man and body is what the last sentence of the range that sets it
    /// sets (as observing each in turn leaves it), found from the range's last sentence
    /// ([`Observed::set_by`]) and made a speaker once, without reading the others; the
    /// range's sentences are read only when one of them names people with a role.
    pub(crate) fn observe_sentences(&mut self, ctx: &DocCtx<'a>, range: std::ops::Range<usize>) {
        if range.is_empty() {
            return;
        }
        let all = ctx.observed.get_or_init(|| Observed::all(ctx));
        // (In tests, what observing each sentence in turn leaves, to compare.)
        #[cfg(test)]
        let in_turn = {
            let mut m = self.clone();
            for seen in all[range.clone()].iter().filter(|seen| seen.any) {
                m.apply(ctx, seen);
            }
            m.next_sentence = range.end;
            m
        };
        self.next_sentence = range.end;
        let last = &all[range.end - 1];
        let roles_before = range.start.checked_sub(1).map_or(0, |k| all[k].with_roles);
        if last.with_roles > roles_before {
            for seen in all[range.clone()].iter().filter(|seen| seen.roles[0].is_some()) {
                for &(role, w) in seen.roles.iter().flatten() {
                    self.note_role(ROLE_NOUNS[usize::from(role)], who_speaker(ctx, w));
                }
            }
        }
        // (One more than the index of the sentence that sets each: in the range when above
        // its start.)
        let from = range.start;
        let [person, female, male, body] = last.set_by.map(|k| k as usize);
        if person > from {
            self.last_person = all[person - 1].sets(ctx, 0);
        }
        if female > from {
            self.last_female = all[female - 1].sets(ctx, 1);
        }
        if male > from {
            self.last_male = all[male - 1].sets(ctx, 2);
        }
        if body > from {
            self.last_body = all[body - 1].sets(ctx, 3);
        }
        #[cfg(test)]
        assert_eq!(*self, in_turn, "sentences {range:?}");
    }

    /// Remember what one sentence names ([`Observed`]).
    /// (Inlined: called for most sentences, from each memory's loop over them.)
    #[inline(always)]
    fn apply(&mut self, ctx: &DocCtx<'a>, seen: &Observed) {
        // Most sentences name nobody.
        if !seen.any {
            return;
        }
        let speaker = |w: Who| who_speaker(ctx, w);
        for &(role, w) in seen.roles.iter().flatten() {
            self.note_role(ROLE_NOUNS[usize::from(role)], speaker(w));
        }
        // Same order as remembering every name in turn: the last of each kind wins. The last
        // woman or man is mostly the last person too: the speaker is made once.
        let [person, female, male, body] = seen.last;
        let person = person.map(|w| (w, speaker(w)));
        let speaker_of = |w: Who| person.filter(|(p, _)| *p == w).map_or_else(|| speaker(w), |(_, s)| s);
        if let Some(w) = female {
            self.last_female = Some(speaker_of(w));
        }
        if let Some(w) = male {
            self.last_male = Some(speaker_of(w));
        }
        if let Some((_, s)) = person {
            self.last_person = Some(s);
        }
        if let Some(w) = body {
            self.last_body = Some(speaker(w));
        }
        // The unnamed subject of the sentence's speech verb ("A nurse at the city hospital
        // said …") is who it is about: "she said" next is the nurse.
        if let Some((start, end, female)) = seen.unnamed {
            let name = &ctx.text[start as usize..end as usize];
            self.remember(Speaker { name, side: None, person: true, female });
        }
    }

    /// Remember a person named with a role: a later "the <role>" is this person.
    fn note_role(&mut self, role: &'static str, s: Speaker<'a>) {
        let k = self.roles.iter().position(|r| r.is_some_and(|(x, _)| x == role)).unwrap_or(0);
        self.roles[k..].rotate_left(1);
        self.roles[ROLES_KEPT - 1] = Some((role, s));
    }

    /// The person last named with this role.
    fn with_role(&self, role: &str) -> Option<Speaker<'a>> {
        self.roles.iter().rev().flatten().find(|(r, _)| *r == role).map(|&(_, s)| s)
    }

    /// Remember one speaker.
    pub fn remember(&mut self, s: Speaker<'a>) {
        if s.person {
            match s.female {
                Some(true) => self.last_female = Some(s),
                Some(false) => self.last_male = Some(s),
                None => {
                    self.last_female = Some(s);
                    self.last_male = Some(s);
                }
            }
            self.last_person = Some(s);
        } else {
            self.last_body = Some(s);
        }
    }
}

/// The speaker a sentence's name stands for.
#[inline(always)]
fn who_speaker<'a>(ctx: &DocCtx<'a>, w: Who) -> Speaker<'a> {
    match w.unpacked() {
        (i, false) => ctx.actor_speaker(i),
        (i, true) => {
            let p = &ctx.persons[i];
            // The first person at its start is the one `person_speaker` finds there.
            if i == 0 || ctx.persons[i - 1].start < p.start {
                Speaker { name: p.name(ctx.text), side: None, person: true, female: p.female }
            } else {
                ctx.person_speaker(Span { start: p.start, end: p.end })
            }
        }
    }
}

/// Whether [`Memory::remember`] of an unnamed person (`female`: the sex when known) sets the
/// memory's last person, woman, man or body (`k`, 0 to 3).
#[inline(always)]
fn unnamed_sets(k: usize, female: Option<bool>) -> bool {
    match k {
        0 => true,
        1 => female != Some(false),
        2 => female != Some(true),
        _ => false,
    }
}

/// Who a sentence names: an actor (an index into the actors) or one of the article's person
/// names (an index into them), packed in four bytes that are never all zero (the index
/// doubled, one more for a person, plus one), so that an `Option<Who>` takes four bytes too
/// and [`Observed`] stays small.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Who(std::num::NonZeroU32);

impl Who {
    /// The actor of this index.
    #[inline(always)]
    fn actor(i: usize) -> Who {
        Who::packed(i, 0)
    }

    /// The article's person name of this index.
    #[inline(always)]
    fn person(i: usize) -> Who {
        Who::packed(i, 1)
    }

    /// (Indices of actors and of an article's names are far below 2^31.)
    #[inline(always)]
    fn packed(i: usize, person: u32) -> Who {
        Who(std::num::NonZeroU32::MIN.saturating_add((i as u32) << 1 | person))
    }

    /// The index, and whether it is a person name's (else an actor's).
    #[inline(always)]
    fn unpacked(self) -> (usize, bool) {
        let v = self.0.get() - 1;
        ((v >> 1) as usize, v & 1 == 1)
    }
}

/// What one sentence names, as [`Memory`] remembers it: the last person, woman, man and
/// body (a name that could be the subject of what follows before any that could not), and
/// the people it names with a role. Worked out once per sentence of an article
/// ([`DocCtx::observed`](super::DocCtx)) and shared by the extractors.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Observed {
    /// Whether the sentence names anyone.
    any: bool,
    last: [Option<Who>; 4],
    /// The people named with a role, newest last: the role as its index in [`ROLE_NOUNS`]
    /// (a small record per sentence).
    roles: [Option<(u8, Who)>; ROLES_KEPT],
    /// The unnamed person who is the subject of the sentence's speech verb ("A nurse at the
    /// city hospital said"): start, end and sex when known ([`unnamed_subject`]).
    unnamed: Option<(u32, u32, Option<bool>)>,
    /// Of the memory's last person, woman, man and body, one more than the index of the last
    /// sentence of the article up to this one that sets each ([`Observed::sets_slot`]), 0
    /// for none ([`Observed::all`] fills it in; 0 elsewhere).
    set_by: [u32; 4],
    /// How many sentences of the article up to this one name people with a role
    /// ([`Observed::all`] fills it in; 0 elsewhere).
    with_roles: u32,
}

impl Observed {
    /// The names of every sentence of the article, in one pass over sentences and names,
    /// with where each of the memory's last names was last set and how many sentences name
    /// people with a role, up to each sentence.
    fn all(ctx: &DocCtx) -> Vec<Observed> {
        let (mut a, mut p) = (0, 0);
        let (actors, persons) = (&ctx.actor_matches, &ctx.persons);
        let (mut set_by, mut with_roles) = ([0u32; 4], 0u32);
        // (Each sentence's record written in its place in the list, not made and then copied
        // into it.)
        let mut out = Vec::with_capacity(ctx.sentences.len());
        for (i, s) in ctx.sentences.iter().enumerate() {
            while a < actors.len() && actors[a].start < s.span.start {
                a += 1;
            }
            while p < persons.len() && persons[p].start < s.span.start {
                p += 1;
            }
            let named = actors.get(a).is_some_and(|m| m.start < s.span.end) || persons.get(p).is_some_and(|x| x.start < s.span.end);
            let indefinite = opens_indefinite_in(ctx.text, s.span);
            if !(named || indefinite) {
                out.push(Observed { set_by, with_roles, ..Observed::default() });
                continue;
            }
            out.push(Observed::of_from(ctx, s.span, indefinite, (a, p)));
            let Some(seen) = out.last_mut() else { break };
            if seen.any {
                // (Sentence indices fit: an article's text is far below 4 GiB.)
                let this = u32::try_from(i + 1).unwrap_or(u32::MAX);
                for (k, by) in set_by.iter_mut().enumerate() {
                    if seen.sets_slot(k) {
                        *by = this;
                    }
                }
                with_roles += u32::from(seen.roles[0].is_some());
            }
            seen.set_by = set_by;
            seen.with_roles = with_roles;
        }
        out
    }

    /// Whether [`Memory::apply`] of this sentence sets the memory's last person, woman, man
    /// or body (`k`, 0 to 3): a name of that kind, or the unnamed subject for a person of
    /// that sex or of none known.
    #[inline(always)]
    fn sets_slot(&self, k: usize) -> bool {
        self.last[k].is_some() || self.unnamed.is_some_and(|(_, _, female)| unnamed_sets(k, female))
    }

    /// What [`Memory::apply`] of this sentence sets the memory's last person, woman, man or
    /// body (`k`, 0 to 3) to, if anything: the unnamed subject (remembered after the names,
    /// [`Memory::remember`]) where [`Observed::sets_slot`] says it sets it, else the last name
    /// of that kind.
    #[inline(always)]
    fn sets<'a>(&self, ctx: &DocCtx<'a>, k: usize) -> Option<Speaker<'a>> {
        if let Some((start, end, female)) = self.unnamed
            && unnamed_sets(k, female)
        {
            return Some(Speaker { name: &ctx.text[start as usize..end as usize], side: None, person: true, female });
        }
        self.last[k].map(|w| who_speaker(ctx, w))
    }

    /// The names of `span` (a sentence or its opening), which `indefinite` says
    /// [`opens_indefinite`].
    fn of(ctx: &DocCtx, span: Span, indefinite: bool) -> Observed {
        let a = ctx.actor_matches.partition_point(|m| m.start < span.start);
        let p = ctx.persons.partition_point(|p| p.start < span.start);
        Observed::of_from(ctx, span, indefinite, (a, p))
    }

    /// [`Observed::of`], given the first actor match and the first person name that start
    /// in `span` or after it (`Observed::all` walks them with the sentences).
    fn of_from(ctx: &DocCtx, span: Span, indefinite: bool, (a, lo): (usize, usize)) -> Observed {
        // (can be the subject, position, who) of the last person, female, male and body in
        // the sentence: a name that can be the subject of what follows wins over any that
        // cannot, then the later over the earlier.
        // Actors and persons in text order (each list is in order; a person name never
        // overlaps an actor's, `names::scan` skips the words of known names): those that start
        // in the sentence, read as slices, each passed over where it ends after the sentence.
        let actors = &ctx.actor_matches[a..];
        let actors = &actors[..actors.iter().position(|m| m.start >= span.end).unwrap_or(actors.len())];
        let persons = &ctx.persons[lo..];
        let persons = &persons[..persons.iter().position(|p| p.start >= span.end).unwrap_or(persons.len())];
        let (in_span_actor, in_span_person) =
            (|m: &&crate::gazetteer::NameMatch| m.end <= span.end, |p: &&super::names::PersonName| p.end <= span.end);
        // The unnamed subject of the first speech verb, when the sentence opens with one.
        let unnamed = || {
            if !indefinite {
                return None;
            }
            let lo = ctx.cues.verbs.partition_point(|v| v.start < span.start);
            let verb = ctx.cues.verbs.get(lo).filter(|v| v.end <= span.end)?;
            let (name, female) = unnamed_subject(ctx, span, *verb)?;
            Some((u32::try_from(name.start).ok()?, u32::try_from(name.end).ok()?, female))
        };
        // Most sentences name nobody.
        if !actors.iter().any(|m| in_span_actor(&m)) && !persons.iter().any(|p| in_span_person(&p)) {
            let unnamed = unnamed();
            return Observed { any: unnamed.is_some(), unnamed, ..Observed::default() };
        }
        // Of the last person, female, male and body: the key of (can be the subject,
        // position), the subject in the top bit above the position, plus one (0 for none, below
        // every name's: a name's key is at least the one before it exactly when it wins), and
        // who it is.
        let mut last_key = [0u64; 4];
        let mut last: [Option<Who>; 4] = [None; 4];
        let mut prev_end: Option<usize> = None;
        let mut marks = MarksBefore::default();
        // People named with a role in this sentence (a few at most).
        let mut roles: [Option<(u8, Who)>; ROLES_KEPT] = [None; ROLES_KEPT];
        // `many`: the sentence names two people or more (only then is it worth asking who
        // could be the subject).
        let mut note = |(pos, end, who, person, female): Named, many: bool| {
            if person && let Some(role) = role_of(ctx.text, span, pos, end).and_then(role_index) {
                // Newest last: the oldest entry of a full list gives way.
                if roles[ROLES_KEPT - 1].is_some() {
                    roles.rotate_left(1);
                    roles[ROLES_KEPT - 1] = None;
                }
                if let Some(slot) = roles.iter_mut().find(|r| r.is_none()) {
                    *slot = Some((role, who));
                }
            }
            let subject = !person || !many || could_be_subject(ctx.text, span.start, pos, prev_end, &mut marks);
            prev_end = Some(end);
            // The slots it may take, a bit each (0 to 3: person, female, male, body).
            let slots: u8 = match (person, female) {
                (false, _) => 0b1000,
                (true, Some(true)) => 0b0011,
                (true, Some(false)) => 0b0101,
                (true, None) => 0b0111,
            };
            // (A text's positions are far below 2^63.)
            let key = (u64::from(subject) << 63 | pos as u64) + 1;
            for k in 0..4 {
                if slots >> k & 1 != 0 && key >= last_key[k] {
                    last_key[k] = key;
                    last[k] = Some(who);
                }
            }
        };
        // (start, end, who, a person, female) of each name, in text order.
        type Named = (usize, usize, Who, bool, Option<bool>);
        // `many` for every name: two people or more, or six names or more, counted first (up
        // to where it is sure) over the same names, so that each is noted as it is met.
        let many = {
            let persons_named = persons.iter().filter(in_span_person).take(2).count();
            persons_named >= 2 || {
                // (Fewer than two persons: all of them counted already.)
                let (mut names, mut people) = (persons_named, persons_named);
                for m in actors.iter().filter(in_span_actor) {
                    names += 1;
                    people += usize::from(ctx.actor_speaker(m.item).person);
                    if people >= 2 || names >= 6 {
                        break;
                    }
                }
                people >= 2 || names >= 6
            }
        };
        let (mut i, mut j) = (0, 0);
        loop {
            while actors.get(i).is_some_and(|m| !in_span_actor(&m)) {
                i += 1;
            }
            while persons.get(j).is_some_and(|p| !in_span_person(&p)) {
                j += 1;
            }
            let actor_first = match (actors.get(i), persons.get(j)) {
                (Some(a), Some(p)) => a.start <= p.start,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let named: Named = if actor_first {
                let Some(m) = actors.get(i) else { break };
                i += 1;
                let a = ctx.actor_speaker(m.item);
                (m.start, m.end, Who::actor(m.item), a.person, a.female)
            } else {
                let Some(p) = persons.get(j) else { break };
                j += 1;
                (p.start, p.end, Who::person(lo + j - 1), true, p.female)
            };
            note(named, many);
        }
        Observed { any: true, last, roles, unnamed: unnamed(), ..Observed::default() }
    }
}

/// Words after which a name is the object of what someone else does or says ("talks with
/// Pashinyan", "an aide to President Aliyev", "Aliyev told Pashinyan").
const OBJECT_BEFORE: &[&str] = &[
    "to",
    "with",
    "of",
    "for",
    "against",
    "about",
    "between",
    "among",
    "toward",
    "towards",
    "than",
    "like",
    "told",
    "urged",
    "asked",
    "met",
    "thanked",
    "accused",
    "blamed",
    "congratulated",
    "criticised",
    "criticized",
    "and",
];

/// Whether the person named at `pos` (in the sentence that starts at `from`) could be the
/// subject a later "he" or "she" refers to: not inside a quotation, not in an appositive that
/// describes the person named before (`prev_end`: "Hikmet Hajiyev, an aide to President
/// Ilham Aliyev"), not the object of a preposition or a verb ("talks with Pashinyan").
/// `marks` has read the quotation marks of the sentence before the names earlier in it.
fn could_be_subject(text: &str, from: usize, pos: usize, prev_end: Option<usize>, marks: &mut MarksBefore) -> bool {
    let before = &text[from..pos];
    if marks.inside_quote(text, from, pos) {
        return false;
    }
    // ", an aide to President …": a short phrase opening in lower case after another name.
    if let Some(e) = prev_end.filter(|&e| e >= from && e <= pos) {
        let between = &text[e..pos];
        if let Some(rest) = between.trim_start().strip_prefix(',') {
            let rest = rest.trim_start();
            if rest.starts_with(char::is_lowercase) && !rest.contains([',', ';']) && rest.split_whitespace().count() <= 6 {
                return false;
            }
        }
    }
    !word_before_titles(before).is_some_and(|w| OBJECT_BEFORE.iter().any(|o| o.as_bytes() == w))
}

/// The word before a name and its titles ("with Russian President Vladimir Putin": "with"):
/// the last word split at spaces of `before` (the text up to the name) that does not open
/// with a capital, read back by bytes (a space is one byte, so every cut falls between
/// characters).
fn word_before_titles(before: &str) -> Option<&[u8]> {
    let capital = |w: &[u8]| match w.first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => std::str::from_utf8(w).ok().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase),
    };
    before.as_bytes().rsplit(|&b| b == b' ').filter(|w| !w.is_empty()).find(|w| !capital(w))
}

/// `s` up to its first space, comma, full stop or semicolon (`s.split([' ', ',', '.',
/// ';']).next()`), found by bytes: each is ASCII.
fn first_word(s: &str) -> &str {
    let end = s.bytes().position(|b| matches!(b, b' ' | b',' | b'.' | b';')).unwrap_or(s.len());
    &s[..end]
}

/// Whether `s` holds more than `n` words split at white space (`s.split_whitespace().count() >
/// n`), read eight bytes at a time while ASCII (a word starts at each byte that is no white
/// space after one that is: counted by the bits of a mask) and stopping past word `n + 1` (a
/// long text is not read to its end); from the first eight bytes that hold a byte beyond
/// ASCII on, and the last fewer than eight bytes, read as characters (the bytes before are
/// ASCII: a character starts there). A text of at most `2 n` bytes is not read: `n + 1`
/// words take a byte each, and a byte of white space parts each from the next.
pub(crate) fn more_words_than(s: &str, n: usize) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b = s.as_bytes();
    if b.len() <= 2 * n {
        return false;
    }
    let mut words = 0usize;
    // The high bit of the byte before the next one: set when it is white space (the text's
    // start counts as white space).
    let mut carry = 0x80u64;
    let chunks = b.chunks_exact(8);
    let rest = chunks.remainder();
    for (k, c) in chunks.enumerate() {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if w & HIGH != 0 {
            return more_words_by_chars(&s[8 * k..], words, carry == 0, n);
        }
        let space = ascii_space_bits(w);
        // Bytes that are no white space after one that is (no carry crosses a byte: each is
        // below 0x80).
        let starts = !space & HIGH & (space << 8 | carry);
        words += starts.count_ones() as usize;
        if words > n {
            return true;
        }
        carry = space >> 56;
    }
    // The last bytes (fewer than eight), read as characters: the bytes before are ASCII.
    more_words_by_chars(&s[s.len() - rest.len()..], words, carry == 0, n)
}

/// [`more_words_than`] of the rest `s` of a text, read as characters, after `words` words
/// before it (`in_word`: a word runs on into it, the byte before it being no white space).
fn more_words_by_chars(s: &str, mut words: usize, mut in_word: bool, n: usize) -> bool {
    for c in s.chars() {
        let space = c.is_whitespace();
        if !space && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !space;
    }
    false
}

/// The high bit of each byte of `w` (eight ASCII bytes) that is white space as
/// `char::is_whitespace` holds it (tab to carriage return, space), the other bits clear.
/// (Each sum stays within its byte: every byte is below 0x80.)
#[inline]
fn ascii_space_bits(w: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // At least 0x09 and at most 0x0D.
    let tab_to_cr = w.wrapping_add(ONES * (0x80 - 0x09)) & !w.wrapping_add(ONES * (0x7F - 0x0D));
    // Equal to 0x20: no bit left after the exclusive or.
    let x = w ^ (ONES * 0x20);
    let spaces = !x.wrapping_add(ONES * 0x7F);
    (tab_to_cr | spaces) & HIGH
}

/// Whether a word of `s` (split at white space, its commas trimmed) is a conjunction that
/// opens a clause ("while", "but", "whereas", "and", "although"); an ASCII `s` is split by
/// bytes.
fn opens_clause(s: &str) -> bool {
    let conjunction = |w: &[u8]| matches!(w, b"while" | b"but" | b"whereas" | b"and" | b"although");
    if !s.is_ascii() {
        return s.split_whitespace().any(|w| conjunction(w.trim_matches(',').as_bytes()));
    }
    // (The ASCII white space `split_whitespace` splits at: tab to carriage return, space.)
    s.as_bytes().split(|b| matches!(b, b'\t'..=b'\r' | b' ')).any(|w| {
        let from = w.iter().position(|&b| b != b',').unwrap_or(w.len());
        let to = w.iter().rposition(|&b| b != b',').map_or(from, |k| k + 1);
        conjunction(&w[from..to])
    })
}

/// Whether `s` holds a quotation mark, straight or curly (`s.contains(['"', '“', '”'])`), read
/// by bytes: '“' and '”' are 0xE2 0x80 0x9C and 0xE2 0x80 0x9D.
pub(crate) fn has_quote_mark(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'"', 0xE2, b).any(|i| b[i] == b'"' || matches!(b.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D])))
}

/// The quotation marks of a sentence read from its start up to a name, on from where the
/// previous name left off (names come in text order), so that each mark is read once.
#[derive(Debug, Clone, Copy, Default)]
struct MarksBefore {
    /// Where reading stopped.
    at: usize,
    /// An odd number of straight marks so far.
    odd: bool,
    /// The last opening and closing curly marks so far.
    open: Option<usize>,
    close: Option<usize>,
}

impl MarksBefore {
    /// Whether `pos` lies inside a quotation of the sentence that starts at `from`: after an
    /// odd number of straight marks, or after a curly one still open.
    fn inside_quote(&mut self, text: &str, from: usize, pos: usize) -> bool {
        if self.at < from || self.at > pos {
            *self = MarksBefore { at: from, ..MarksBefore::default() };
        }
        let b = text.as_bytes();
        for i in memchr::memchr2_iter(b'"', 0xE2, &b[self.at..pos]).map(|i| i + self.at) {
            match (b[i], b.get(i + 1..i + 3)) {
                (b'"', _) => self.odd = !self.odd,
                (_, Some([0x80, 0x9C])) => self.open = Some(i),
                (_, Some([0x80, 0x9D])) => self.close = Some(i),
                _ => {}
            }
        }
        self.at = pos;
        self.odd || self.open.is_some_and(|o| self.close.is_none_or(|c| c < o))
    }
}

/// `w` in lower case as `str::to_lowercase` gives it, borrowed when it is ASCII with no
/// capital (most words), so the per-word tests of [`subject_before`] do not allocate.
fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() { crate::text::ascii_lower(w) } else { std::borrow::Cow::Owned(w.to_lowercase()) }
}

/// Speech verbs in a span: byte spans in the article.
pub fn verbs(ctx: &DocCtx, span: Span) -> Vec<Span> {
    verbs_in(ctx, span).collect()
}

/// [`verbs`] one at a time, in order (nothing collected when only the first matters).
pub(crate) fn verbs_in<'c>(ctx: &'c DocCtx, span: Span) -> impl Iterator<Item = Span> + 'c {
    let lo = ctx.cues.verbs.partition_point(|v| v.start < span.start);
    ctx.cues.verbs[lo..].iter().take_while(move |v| v.start < span.end).filter(move |v| v.end <= span.end).copied()
}

/// Whether a word, in any case, is one of [`ADVERBIAL`]: most words are rejected by their
/// first letter and length alone ([`ADVERBIAL_STARTS`]; a word beyond ASCII, whose lower
/// case may be shorter, "weeK" with the Kelvin sign, is compared).
fn is_adverbial(w: &str) -> bool {
    (super::claims::may_be_in(&ADVERBIAL_STARTS, w) || !w.is_ascii()) && ADVERBIAL.contains(&&*lower(w))
}

/// [`ADVERBIAL`] by first letter and length.
const ADVERBIAL_STARTS: [u16; 26] = super::claims::letters_and_lengths(ADVERBIAL);

const ADVERBIAL: &[&str] = &[
    "on",
    "in",
    "a",
    "an",
    "statement",
    "earlier",
    "later",
    "also",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "then",
    "again",
    "previously",
    "separately",
    "evening",
    "morning",
    "night",
    "afternoon",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "late",
    "early",
    "today",
    "yesterday",
    "last",
    "this",
    "week",
    "repeatedly",
    "further",
    "strongly",
    "would",
    "will",
    "reportedly",
    "both",
];

const ANAPHORS: &[&str] = &[
    "ministry",
    "commission",
    "office",
    "statement",
    "kremlin",
    "agency",
    "government",
    "committee",
    "service",
    "presidency",
    "department",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "authorities",
    "president",
    "minister",
    "leader",
    "prosecutor",
    "ombudsman",
];

const BOUNDARY_WORDS: &[&str] = &["that", "while", "and", "but", "as", "when", "after", "which", "who", "where", "because", "although"];

/// [`BOUNDARY_WORDS`] by first letter and length.
const BOUNDARY_STARTS: [u16; 26] = super::claims::letters_and_lengths(BOUNDARY_WORDS);

/// Whether a word in lower case is one of [`BOUNDARY_WORDS`]: most words are rejected by
/// their first letter and length alone ([`BOUNDARY_STARTS`]).
fn is_boundary_word(lw: &str) -> bool {
    super::claims::may_be_in(&BOUNDARY_STARTS, lw) && BOUNDARY_WORDS.contains(&lw)
}

/// Resolve a pronoun or an anaphoric noun phrase ("the ministry") to someone named before.
pub(crate) fn resolve_anaphor<'a>(words: &str, mem: &Memory<'a>) -> Option<Speaker<'a>> {
    let t = crate::text::trim(words);
    // Only "he", "she", "it" and what opens with "the " resolve: words whose first four bytes
    // are ASCII and no "the " in any case are none of them in lower case either (those four
    // characters stay four bytes), told without lower-casing them all.
    if let Some(head) = t.as_bytes().get(..4)
        && head.is_ascii()
        && !head.eq_ignore_ascii_case(b"the ")
    {
        return None;
    }
    let w = lower(t);
    match &*w {
        // A person of unknown sex may be either; a woman is never "he", a man never "she".
        "he" => return mem.last_male.or(mem.last_person.filter(|p| p.female != Some(true))),
        "she" => return mem.last_female.or(mem.last_person.filter(|p| p.female != Some(false))),
        "it" => return mem.last_body,
        _ => {}
    }
    let rest = w.strip_prefix("the ")?;
    // "the head of state" is the president.
    let rest = if rest == "head of state" { "president" } else { rest };
    let head = rest.split_whitespace().last()?;
    let head = crate::text::strip_possessive(head);
    // "the spokeswoman", "the governor", "the ministry's spokeswoman": the person named
    // earlier with that role; a spokeswoman is no man and a spokesman no woman.
    if let Some(role) = role_word(head) {
        // "the Russian president" is the one of Russia's side, when the side is known.
        let n = rest.split_whitespace().count();
        let fits = |p: &Speaker| match rest.split_whitespace().next() {
            Some(adjective) if n == 2 && !adjective.ends_with("'s") && !adjective.ends_with("’s") => p.side.is_none_or(|side| {
                let (a, s) = (adjective.as_bytes(), side.as_bytes());
                a.len() >= 4 && s.len() >= 4 && a[..4].eq_ignore_ascii_case(&s[..4])
            }),
            _ => n <= 2,
        };
        if let Some(s) = mem.with_role(role).filter(fits) {
            return Some(s);
        }
        match role {
            "spokeswoman" | "chairwoman" => return mem.last_female.filter(|p| p.female == Some(true) || p.female.is_none()),
            "spokesman" | "chairman" => return mem.last_male.filter(|p| p.female == Some(false) || p.female.is_none()),
            _ => {}
        }
    }
    // "the letter", "the message": like "the statement".
    let head = if STATEMENT_NOUNS.contains(&head) { "statement" } else { head };
    if !ANAPHORS.contains(&head) {
        return None;
    }
    // Prefer the last body or person whose name shares the head noun; then the last speaker.
    let candidates = [&mem.last_body, &mem.last_speaker, &mem.last_person];
    for c in candidates.iter().copied().flatten() {
        if c.name.to_lowercase().contains(head) {
            return Some(*c);
        }
    }
    if matches!(head, "statement" | "kremlin") {
        return mem.last_speaker.or(mem.last_body);
    }
    if matches!(
        head,
        "president" | "minister" | "leader" | "spokesman" | "spokeswoman" | "spokesperson" | "official" | "prosecutor" | "ombudsman"
    ) {
        // "the president", or "the Russian leader" when the last person named is Russia's.
        let words: Vec<&str> = rest.split_whitespace().collect();
        return mem.last_person.filter(|p| match words[..] {
            [_] => true,
            [adjective, _] => p.side.is_some_and(|side| {
                let (a, s) = (adjective.as_bytes(), side.as_bytes());
                a.len() >= 4 && s.len() >= 4 && a[..4].eq_ignore_ascii_case(&s[..4])
            }),
            _ => false,
        });
    }
    mem.last_body.filter(|_| rest.split_whitespace().count() == 1)
}

/// Head nouns of bodies that a text names in full once and shortens after ("the Houthi-run
/// health ministry" … "the ministry").
const BODY_HEADS: &[&str] = &[
    "ministry",
    "military",
    "army",
    "coalition",
    "police",
    "government",
    "office",
    "committee",
    "agency",
    "mission",
    "militia",
    "authorities",
    "forces",
    "navy",
    "alliance",
    "commission",
    "department",
    "administration",
    "council",
];

/// Lower-case words that end a body's name on its left ("strikes by | the Saudi-led
/// coalition"), besides [`BOUNDARY_WORDS`], [`ADVERBIAL`] and [`OBJECT_BEFORE`].
const NOT_MODIFIERS: &[&str] = &["by", "from", "at", "said", "says", "its", "their", "his", "her", "is", "are", "not"];

/// A body named before the sentence that starts at `before`, by a mention of `head` at `h`:
/// the mention as written (from its "the" or possessive owner, without "the", to its "of
/// Defense" part), when a determiner, an owner or a sentence start bounds it on the left.
fn body_mention(text: &str, h: usize, head_len: usize) -> Option<&str> {
    let b = text.as_bytes();
    let mut start = h;
    let mut modifiers = 0;
    loop {
        let lead = &text[..start];
        let Some(rest) = lead.strip_suffix(' ') else {
            // Start of the text or of a line.
            if lead.is_empty() || lead.ends_with('\n') {
                break;
            }
            return None;
        };
        let w = rest.rsplit([' ', '\n']).next().unwrap_or("");
        let at = rest.len() - w.len();
        if matches!(w, "the" | "The") {
            break;
        }
        if w.ends_with(['.', '!', '?']) && modifiers > 0 {
            break;
        }
        let lw = w.to_ascii_lowercase();
        let modifier = !w.is_empty()
            && w.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-' || c == b'\'' || c >= 0x80)
            && !(w.starts_with(|c: char| c.is_ascii_lowercase())
                && (BOUNDARY_WORDS.contains(&lw.as_str())
                    || ADVERBIAL.contains(&lw.as_str())
                    || OBJECT_BEFORE.contains(&lw.as_str())
                    || NOT_MODIFIERS.contains(&lw.as_str())
                    || lw.ends_with("ed") && !lw.contains('-')));
        if !modifier || modifiers == 4 {
            return None;
        }
        start = at;
        modifiers += 1;
        // "Gaza's Health Ministry", "the territory's Health Ministry" (whose "the" the
        // claimant's name takes back).
        if w.ends_with("'s") || w.ends_with("’s") {
            break;
        }
    }
    let mut end = h + head_len;
    // "the Ministry of Defense", "the Ministry of Internal Affairs".
    if b[h].is_ascii_uppercase() && text[end..].starts_with(" of ") {
        let mut k = end + 4;
        let mut e = end;
        for w in text[k..].split(' ').take(4) {
            let word = w.trim_end_matches([',', '.', ';', ':']);
            if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
                break;
            }
            e = k + word.len();
            if word.len() != w.len() {
                break;
            }
            k += w.len() + 1;
        }
        end = e;
    }
    Some(&text[start..end])
}

/// The body that "the ministry", "the health ministry" or "the military" (`phrase`, a subject
/// in the sentence that starts at `before`) stands for: the body the article named more fully
/// before, as it was written first ("the Houthi-run health ministry", "the Ministry of
/// Defense", "Gaza's Health Ministry"), or the known actor that mention is.
fn earlier_body<'a>(ctx: &DocCtx<'a>, before: usize, phrase: &str) -> Option<Speaker<'a>> {
    let rest = phrase.strip_prefix("the ").or_else(|| phrase.strip_prefix("The "))?;
    let words: Vec<&str> = rest.split(' ').collect();
    let head = words.last()?.to_ascii_lowercase();
    if words.len() > 3 || !BODY_HEADS.contains(&head.as_str()) {
        return None;
    }
    let text = &ctx.text[..before];
    let hb = head.as_bytes();
    let has = |mention: &str, w: &str| mention.split(' ').any(|m| crate::text::strip_possessive(m).eq_ignore_ascii_case(w));
    // The fullest mention, latest first: an earlier one that holds all its words is the same
    // body as written before.
    let mut found: Option<(usize, &'a str)> = None;
    for h in memchr::memrchr2_iter(hb[0], hb[0].to_ascii_uppercase(), text.as_bytes()) {
        let whole = text.as_bytes().get(h..h + hb.len()).is_some_and(|w| w.eq_ignore_ascii_case(hb))
            && !text.as_bytes()[..h].last().is_some_and(u8::is_ascii_alphanumeric)
            && !ctx.text.as_bytes().get(h + hb.len()).is_some_and(u8::is_ascii_alphanumeric);
        if !whole {
            continue;
        }
        let Some(mention) = body_mention(ctx.text, h, hb.len()) else { continue };
        let n = mention.split(' ').count();
        let fits = match found {
            None => n > words.len() && words[..words.len() - 1].iter().all(|w| has(mention, w)),
            Some((_, f)) => n >= f.split(' ').count() && f.split(' ').all(|w| has(mention, crate::text::strip_possessive(w))),
        };
        if fits {
            found = Some((h, mention));
        }
    }
    let (h, mention) = found?;
    if let Some(m) = ctx.actors_in(Span { start: h, end: h + hb.len() }).next() {
        return Some(ctx.actor_speaker(m.item));
    }
    Some(Speaker { name: mention, side: None, person: false, female: None })
}

/// Nouns that name an agent who can speak or claim ("the ministry", "officials", "doctors").
pub(crate) const AGENT_NOUNS: &[&str] = &[
    "forces",
    "ministry",
    "office",
    "general",
    "officials",
    "official",
    "authorities",
    "army",
    "military",
    "police",
    "service",
    "media",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ombudsman",
    "prosecutor",
    "prosecutors",
    "governor",
    "mayor",
    "commander",
    "minister",
    "president",
    "presidency",
    "government",
    "agency",
    "committee",
    "commission",
    "witnesses",
    "residents",
    "doctors",
    "hospital",
    "source",
    "sources",
    "activists",
    "medics",
    "paramedics",
    "rescuers",
    "coalition",
    "alliance",
    "militia",
    "militias",
    "rebels",
    "insurgents",
    "paramilitaries",
    "navy",
    "junta",
];

/// The items of `items` (in order of start; `pos` gives an item's start and end) that start
/// in `span`: all that [`DocCtx`]'s `in_span` finds in `span` or in any part of it, which
/// [`lying_in`] then reads from these. (`first`: the index of the first item that starts at
/// `span.start` or after it, when the caller knows it; else searched for.)
fn starting_in<T>(items: &[T], span: Span, first: Option<usize>, pos: impl Fn(&T) -> (usize, usize)) -> &[T] {
    let lo = first.unwrap_or_else(|| items.partition_point(|m| pos(m).0 < span.start));
    debug_assert_eq!(lo, items.partition_point(|m| pos(m).0 < span.start));
    // (A sentence names few: counted, not searched.)
    let n = items[lo..].iter().take_while(|m| pos(m).0 < span.end).count();
    &items[lo..lo + n]
}

/// The items of `near` ([`starting_in`] a span that holds `part`) that lie in `part`, in
/// order: those `in_span` finds in `part` among all the items.
fn lying_in<T>(near: &[T], part: Span, pos: impl Fn(&T) -> (usize, usize)) -> impl Iterator<Item = &T> {
    near.iter().filter(move |m| {
        let (start, end) = pos(m);
        start >= part.start && start < part.end && end <= part.end
    })
}

/// Whether the name before a speech verb is its subject across the words `between` them: no
/// quotation mark, no clause break (a semicolon, a conjunction of [`opens_clause`]), no noun
/// phrase of its own after the last comma ("… the city of El Fasher on Saturday, killing 30
/// civilians, a local committee said"), at most 25 words ([`name_speaks_across_by_parts`]).
/// An ASCII text is read once, byte by byte (the words between are few).
fn name_speaks_across(between: &str) -> bool {
    let b = between.as_bytes();
    let conjunction = |w: &[u8]| {
        // (The word without its commas, as `opens_clause` trims it.)
        let from = w.iter().position(|&c| c != b',').unwrap_or(w.len());
        let to = w.iter().rposition(|&c| c != b',').map_or(from, |k| k + 1);
        matches!(&w[from..to], b"while" | b"but" | b"whereas" | b"and" | b"although")
    };
    let (mut words, mut word_start, mut last_comma) = (0usize, None, None);
    for (i, &c) in b.iter().enumerate() {
        match c {
            // The ASCII white space `split_whitespace` splits at: tab to carriage return, space.
            b'\t'..=b'\r' | b' ' => {
                if let Some(w) = word_start.take()
                    && conjunction(&b[w..i])
                {
                    return false;
                }
                continue;
            }
            0x80.. => return name_speaks_across_by_parts(between),
            b'"' | b';' => return false,
            b',' => last_comma = Some(i),
            _ => {}
        }
        if word_start.is_none() {
            word_start = Some(i);
            words += 1;
            if words > 25 {
                return false;
            }
        }
    }
    if word_start.is_some_and(|w| conjunction(&b[w..])) {
        return false;
    }
    !last_comma.is_some_and(|c| {
        let w = trim_start(&between[c + 1..]);
        w.starts_with("a ") || w.starts_with("an ") || w.starts_with("the ")
    })
}

/// [`name_speaks_across`] by its parts, each read on its own: its slow path (a text beyond
/// ASCII) and the proptest's reference.
fn name_speaks_across_by_parts(between: &str) -> bool {
    let clause_break = between.contains(';') || opens_clause(between);
    // (The last comma found once, from the end.)
    let own_subject = memchr::memrchr(b',', between.as_bytes()).is_some_and(|c| {
        let w = between[c + 1..].trim_start();
        w.starts_with("a ") || w.starts_with("an ") || w.starts_with("the ")
    });
    !has_quote_mark(between) && !clause_break && !own_subject && !more_words_than(between, 25)
}

/// The tokens of the text from `from` to `to`, as [`DocCtx::tokens_between`] makes them:
/// when a sentence holds both, its own tokens between them ([`tokens_within`]), else made
/// into `own`.
/// (`hint`: the sentence most likely to hold them, the memory's next sentence: the one whose
/// verb is read, for claims and quotes. Taken when it is the first that ends after `from`,
/// as the search would find it, else searched for.)
fn tokens_upto<'c, 'a>(ctx: &'c DocCtx<'a>, from: usize, to: usize, hint: usize, own: &'c mut Vec<Token<'a>>) -> &'c [Token<'a>] {
    let i = partition_from_hint(&ctx.sentences, hint, |s| s.span.end <= from);
    if let Some(s) = ctx.sentences.get(i).filter(|s| s.span.start <= from && to <= s.span.end)
        && let Some(words) = tokens_within(&ctx.tokens[s.tokens.clone()], from, to)
    {
        return words;
    }
    *own = ctx.tokens_between(Span { start: from, end: to });
    own
}

/// `items.partition_point(pred)` (`pred` true of the items before some place, false after
/// it), taken to be `hint` when `pred` holds of the item before it and not of the item at it.
fn partition_from_hint<T>(items: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let at_hint = hint <= items.len() && (hint == 0 || pred(&items[hint - 1])) && items.get(hint).is_none_or(|m| !pred(m));
    if at_hint { hint } else { items.partition_point(pred) }
}

/// The tokens of the text from `from` to `to` inside a sentence, from the sentence's tokens
/// (`tokens`, made from its span by [`crate::text::tokens_in`]): those that lie between them,
/// as the shorter text gives them, when none runs across `from` or `to` (a token so cut, or
/// joined across either: "1,|165", "don|'t", is made differently from the shorter text; then
/// `None`). A token made from the shorter text starts where a word starts after a byte that
/// is none, as in the sentence, reads no byte from `to` on, and where its parts join (a
/// joiner and the word byte after it) reads the same bytes as in the sentence.
fn tokens_within<'t, 'a>(tokens: &'t [Token<'a>], from: usize, to: usize) -> Option<&'t [Token<'a>]> {
    // (Mostly `from` starts the sentence: no search.)
    let lo = if tokens.first().is_none_or(|t| t.start >= from) { 0 } else { tokens.partition_point(|t| t.start < from) };
    if lo > 0 && tokens[lo - 1].end > from {
        return None;
    }
    let hi = lo + tokens[lo..].partition_point(|t| t.end <= to);
    if tokens.get(hi).is_some_and(|t| t.start < to) {
        return None;
    }
    Some(&tokens[lo..hi])
}

/// The subject of the speech verb at `verb`, looking left within the sentence `sent`.
pub fn subject_before<'a>(ctx: &DocCtx<'a>, sent: Span, verb: Span, mem: &Memory<'a>) -> Option<Speaker<'a>> {
    subject_before_from(ctx, sent, verb, mem, None)
}

/// [`subject_before`], given the index of the first actor match and of the first person
/// name that start at `sent`'s start or after it when the caller knows them (claims walks
/// them with the sentences), so that they are not searched for.
pub(crate) fn subject_before_from<'a>(
    ctx: &DocCtx<'a>,
    sent: Span,
    verb: Span,
    mem: &Memory<'a>,
    first: Option<[usize; 2]>,
) -> Option<Speaker<'a>> {
    if is_participle(&ctx.text[verb.start..verb.end]) {
        return participle_subject(ctx, sent, verb, mem);
    }
    // 1. The nearest known actor or person name before the verb in the same sentence, unless
    //    a quotation mark lies between them (then it belongs to the quote).
    let before = Span { start: sent.start, end: verb.start };
    // A name after "in", "at", "near" or "from" is a place the gazetteer lacks ("a building in
    // Khan Younis, the civil defence agency said"), not a person who speaks.
    let placed = |p: &Span| {
        let w = ctx.text[sent.start..p.start].trim_end().rsplit(' ').next().unwrap_or("");
        matches!(w, "in" | "at" | "near" | "from" | "outside" | "inside")
    };
    // The names before the verb, known actors first, each with its actor's index (none for a
    // person name): read again rather than collected, and only the chosen one made a speaker.
    // (The actors and person names that start before the verb found once: those inside a
    // part of it, a person's name, are read from them, not searched for again.)
    let actors_near = starting_in(&ctx.actor_matches, before, first.map(|[a, _]| a), |m| (m.start, m.end));
    let persons_near = starting_in(&ctx.persons, before, first.map(|[_, p]| p), |p| (p.start, p.end));
    let actors_in = move |part: Span| lying_in(actors_near, part, |m| (m.start, m.end));
    let persons_in = move |part: Span| lying_in(persons_near, part, |p| (p.start, p.end)).map(|p| Span { start: p.start, end: p.end });
    let named = || {
        actors_in(before)
            .map(|m| (Span { start: m.start, end: m.end }, Some(m.item)))
            .chain(persons_in(before).filter(|p| actors_in(*p).next().is_none() && !placed(p)).map(|p| (p, None)))
    };
    let mut best = named().max_by_key(|(span, _)| span.end);
    // "Hikmet Hajiyev, an adviser to President Ilham Aliyev, said": a name inside an
    // appositive (between commas, opening in lower case) describes the one before it.
    if let Some((span, _)) = best
        && trim_start(&ctx.text[span.end..verb.start]).starts_with(',')
        && let Some(comma) = ctx.text[sent.start..span.start].rfind(',').map(|c| sent.start + c)
        && ctx.text[comma + 1..span.start].trim_start().starts_with(|c: char| c.is_lowercase())
        && !has_quote_mark(&ctx.text[comma..span.start])
        && let Some(head) = named().find(|(h, _)| ctx.text.get(h.end..comma).is_some_and(|t| t.trim().is_empty()))
    {
        best = Some(head);
    }
    // "The UN Human Rights Monitoring Mission said": a known name that opens a longer one
    // is not the speaker; the whole name is (below).
    let longer = best.is_some_and(|(span, _)| {
        let after = ctx.text[span.end..verb.start].strip_prefix(' ').unwrap_or("");
        let next = first_word(after);
        next.starts_with(|c: char| c.is_ascii_uppercase())
            && !super::names::is_stop_word(next)
            && persons_in(Span { start: span.end, end: verb.start }).next().is_none()
    });
    if let Some((span @ Span { end, .. }, actor)) = best.filter(|_| !longer)
        && name_speaks_across(&ctx.text[end..verb.start])
    {
        return Some(actor.map_or_else(|| ctx.person_speaker(span), |i| ctx.actor_speaker(i)));
    }
    // 2. An unnamed person opening the sentence: "A nurse at the city hospital said".
    if let Some((name, female)) = unnamed_subject(ctx, sent, verb) {
        return Some(Speaker { name: &ctx.text[name.start..name.end], side: None, person: true, female });
    }
    // 3. The words right before the verb: a country, a pronoun, "the ministry", or a short
    //    noun phrase back to a clause boundary.
    // (The tokens as they come: each word's start and text read from its token.)
    let mut own = Vec::new();
    let mut words = tokens_upto(ctx, sent.start, verb.start, mem.next_sentence, &mut own);
    // "the statement said" ("statement" is otherwise adverbial: "said in a statement").
    if let [.., the, statement] = words
        && statement.text == "statement"
        && matches!(the.text, "the" | "The")
        && let Some(s) = earlier_source(ctx, sent, ctx.text[the.start..verb.start].trim_end())
    {
        return Some(s);
    }
    // Drop trailing adverbials ("said on Friday", "on Saturday said").
    while let Some(w) = words.last() {
        if is_adverbial(w.text) {
            words = &words[..words.len() - 1];
        } else {
            break;
        }
    }
    let last_start = words.last()?.start;
    // A country directly before the verb: "Azerbaijan said".
    // (Not the end of a body's name: "the UN Human Rights Monitoring Mission in Ukraine said".)
    let of_a_body = words.len() >= 2 && matches!(words[words.len() - 2].text, "in" | "of" | "for" | "on" | "to");
    if let Some(p) = ctx.places_in(Span { start: last_start, end: verb.start }).next().filter(|_| !of_a_body) {
        let entry = &ctx.gazetteer.places[p.item];
        if entry.kind == "country" {
            return Some(Speaker::country(entry));
        }
    }
    // "Officials in the capital, known as Khankendi to Azeris, said": skip the appositive
    // between commas; the subject stands before it.
    let mut limit = verb.start;
    if let Some(&crate::text::Token { start: pos, text: w, .. }) = words.last()
        && trim_start(&ctx.text[pos + w.len()..verb.start]).starts_with(',')
    {
        let open = (0..words.len().saturating_sub(1)).rev().find(|&k| {
            let (p, w) = (words[k].start, words[k].text);
            trim_start(&ctx.text[p + w.len()..verb.start]).starts_with(',')
        });
        if let Some(k) = open {
            limit = words[k].start + words[k].text.len();
            words = &words[..k + 1];
        }
    }
    // Back to a clause boundary, at most seven words, or fourteen while an official name
    // goes on ("the Prosecutor General's Office of the Republic of Azerbaijan said").
    let mut first = words.len();
    while first > 0 {
        let (pos, w) = (words[first - 1].start, words[first - 1].text);
        let lw = lower(w);
        // (Both asked only where they can matter: punctuation after any word but the last,
        // a name going on from the seventh word back.)
        let punct_after = || trim_start(&ctx.text[pos + w.len()..limit]).starts_with([',', ';', ':', '(', '"', '“', '”', '—']);
        let name_goes_on = || {
            matches!(&*lw, "of" | "the" | "for")
                || w.starts_with(char::is_uppercase) && !ADVERBIAL.contains(&&*lw) && words[first..].iter().any(|x| x.text == "of")
        };
        if is_boundary_word(&lw)
            || (first < words.len() && punct_after())
            || words.len() - first >= 7 && !name_goes_on()
            || words.len() - first >= 14
        {
            break;
        }
        first -= 1;
    }
    // A pronoun right before the verb is the whole subject: "Later she added", "Then he said".
    if let Some(w) = words.last().map(|t| t.text)
        && first < words.len()
        && matches!(&*lower(w), "he" | "she" | "they" | "it" | "we" | "i")
    {
        first = words.len() - 1;
    }
    if first == words.len() {
        // "Azerbaijan has not disclosed its losses, but says 60 civilians…": the subject of
        // the first clause, when the sentence opens with a known actor or a country.
        let joined = words.last().is_some_and(|t| matches!(&*lower(t.text), "but" | "and"));
        if joined {
            if let Some(m) = ctx.actors_in(sent).next().filter(|m| ctx.text[sent.start..m.start].split_whitespace().count() <= 1) {
                return Some(ctx.actor_speaker(m.item));
            }
            if let Some(p) = ctx.places_in(sent).next().filter(|p| ctx.text[sent.start..p.start].split_whitespace().count() <= 1)
                && ctx.gazetteer.places[p.item].kind == "country"
            {
                let e = &ctx.gazetteer.places[p.item];
                return Some(Speaker::country(e));
            }
        }
        return None;
    }
    let phrase_start = words[first].start;
    let phrase = &ctx.text[phrase_start..words[words.len() - 1].start + words[words.len() - 1].text.len()];
    // "The terse statements issued by the foreign ministries … described it": the source of
    // the statement speaks.
    if let Some(source) = statement_source(phrase) {
        let at = phrase_start + (source.as_ptr() as usize - phrase.as_ptr() as usize);
        let span = Span { start: at, end: at + source.len() };
        if let Some(m) = ctx.actors_in(span).next() {
            return Some(ctx.actor_speaker(m.item));
        }
        return resolve_anaphor(source, mem).or(Some(Speaker { name: source, side: None, person: false, female: None }));
    }
    // "…," the statement said: who issued the statement named just before; "the official"
    // who declined to be named is no one named earlier.
    if let Some(s) = earlier_source(ctx, sent, phrase) {
        return Some(s);
    }
    // "The ministry said" after "the Ministry of Defense": the body as named in full.
    if let Some(s) = earlier_body(ctx, sent.start, phrase) {
        return Some(s);
    }
    if let Some(s) = resolve_anaphor(phrase, mem) {
        return Some(s);
    }
    let lower = phrase.to_lowercase();
    if matches!(lower.as_str(), "he" | "she" | "it" | "they" | "we" | "i" | "you") {
        return None;
    }
    // A plausible subject names an agent: a capitalised word or a known agent noun.
    let agentive =
        phrase.split_whitespace().any(|w| w.starts_with(char::is_uppercase) && !matches!(w, "The" | "A" | "An" | "This" | "That"))
            || AGENT_NOUNS.iter().any(|n| lower.split_whitespace().any(|w| w == *n));
    let content_words = lower.split_whitespace().filter(|w| !["the", "a", "an"].contains(w)).count();
    if !agentive || content_words == 0 || lower.starts_with("there") || lower.starts_with("this") {
        return None;
    }
    let name = phrase.trim_start_matches("the ");
    Some(Speaker { name, side: None, person: false, female: None })
}

/// Nouns for a person described but not named ("A nurse at the city hospital said", "One
/// resident told AFP"), with the sex the noun says (a nurse or a soldier may be either).
const PERSON_NOUNS: &[(&str, Option<bool>)] = &[
    ("woman", Some(true)),
    ("girl", Some(true)),
    ("mother", Some(true)),
    ("grandmother", Some(true)),
    ("widow", Some(true)),
    ("daughter", Some(true)),
    ("wife", Some(true)),
    ("sister", Some(true)),
    ("aunt", Some(true)),
    ("spokeswoman", Some(true)),
    ("businesswoman", Some(true)),
    ("policewoman", Some(true)),
    ("man", Some(false)),
    ("boy", Some(false)),
    ("father", Some(false)),
    ("grandfather", Some(false)),
    ("husband", Some(false)),
    ("son", Some(false)),
    ("brother", Some(false)),
    ("uncle", Some(false)),
    ("widower", Some(false)),
    ("spokesman", Some(false)),
    ("businessman", Some(false)),
    ("policeman", Some(false)),
    ("priest", Some(false)),
    ("monk", Some(false)),
    ("nun", Some(true)),
    ("official", None),
    ("officer", None),
    ("source", None),
    ("diplomat", None),
    ("resident", None),
    ("villager", None),
    ("local", None),
    ("neighbour", None),
    ("neighbor", None),
    ("civilian", None),
    ("nurse", None),
    ("doctor", None),
    ("surgeon", None),
    ("medic", None),
    ("paramedic", None),
    ("volunteer", None),
    ("rescuer", None),
    ("soldier", None),
    ("fighter", None),
    ("serviceman", Some(false)),
    ("servicewoman", Some(true)),
    ("commander", None),
    ("witness", None),
    ("survivor", None),
    ("refugee", None),
    ("teacher", None),
    ("farmer", None),
    ("driver", None),
    ("worker", None),
    ("student", None),
    ("pensioner", None),
    ("shopkeeper", None),
    ("engineer", None),
    ("journalist", None),
    ("reporter", None),
    ("photographer", None),
    ("spokesperson", None),
    ("activist", None),
    ("parent", None),
];

/// Words that end the head of an unnamed person's description ("A nurse | at the hospital",
/// "A woman | who lost her home").
const DESCRIPTION_ENDS: &[&str] = &["who", "whose", "that", "at", "in", "of", "from", "with", "near", "on", "for", "outside", "inside"];

/// Whether a sentence (or the words after a quote) opens with an indefinite article or "One"
/// ("A nurse …", "An official …", "One resident …"): where an unnamed person may speak.
pub(crate) fn opens_indefinite(s: &str) -> bool {
    opens_indefinite_in(s, Span { start: 0, end: s.len() })
}

/// [`opens_indefinite`] of `text[span.start..span.end]` (`span` between characters, as a
/// sentence's is), its bytes read from the text's (a byte slice: its ends are not asked
/// whether they fall between characters, as a `str`'s are) and the `str` made only where the
/// white space before its first word is trimmed as characters. (Inlined in
/// [`Observed::all`], which asks it of every sentence: most are answered by their first
/// byte.)
#[inline(always)]
fn opens_indefinite_in(text: &str, span: Span) -> bool {
    let b = &text.as_bytes()[span.start..span.end];
    // Most sentences open on an ASCII letter that is no 'a' or 'o': no white space to trim.
    let s = match b.first() {
        Some(&c) if c.is_ascii() && !c.is_ascii_whitespace() && c != 0x0B => {
            if !matches!(c | 0x20, b'a' | b'o') {
                return false;
            }
            b
        }
        _ => text[span.start..span.end].trim_start().as_bytes(),
    };
    // The word and its space compared byte by byte ('| 0x20' lower-cases only the letter's
    // two cases into it).
    match s {
        [a, b' ', ..] => a | 0x20 == b'a',
        [a, n, b' ', ..] => a | 0x20 == b'a' && n | 0x20 == b'n',
        [o, n, e, b' ', ..] => o | 0x20 == b'o' && n | 0x20 == b'n' && e | 0x20 == b'e',
        _ => false,
    }
}

/// An unnamed person described at the start of `text[from..to]` ("A senior Azerbaijani
/// official, who declined to be named,", "A nurse at the city hospital", "a woman who lost
/// her home in Ganja"): the description as written (up to a comma or `to`, trailing
/// adverbials dropped) and the sex its noun says, when a [`PERSON_NOUNS`] noun heads it
/// within its first five words.
fn unnamed_person(text: &str, from: usize, to: usize) -> Option<(Span, Option<bool>)> {
    let lead = text[from..to].len() - text[from..to].trim_start().len();
    let start = from + lead;
    let phrase = &text[start..to];
    let cut = phrase.find([',', ';', '(', '—', '"', '“', '”', '!', '?']).unwrap_or(phrase.len());
    // A sentence end ("said a nurse. She …"), not an abbreviation ("A U.S. official").
    let b = phrase.as_bytes();
    let cut = (1..cut)
        .find(|&i| b[i] == b'.' && b[i - 1].is_ascii_lowercase() && b.get(i + 1).is_none_or(|&c| c == b' ' || c == b'\n'))
        .unwrap_or(cut);
    let phrase = phrase[..cut].trim_end_matches(['.', '!', '?', ' ', '\n']);
    let mut words: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() < 2 || words.len() > 12 {
        return None;
    }
    let mut sex = None;
    let mut head = false;
    for w in words.iter().skip(1).take(5) {
        let lw = w.to_ascii_lowercase();
        if DESCRIPTION_ENDS.contains(&lw.as_str()) {
            break;
        }
        if let Some(&(_, g)) = PERSON_NOUNS.iter().find(|(n, _)| *n == lw) {
            (head, sex) = (true, g);
        }
    }
    if !head {
        return None;
    }
    while words.len() > 2 && words.last().is_some_and(|w| ADVERBIAL.contains(&w.to_ascii_lowercase().as_str())) {
        words.pop();
    }
    let last = words.last()?;
    let end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
    Some((Span { start, end }, sex))
}

/// The unnamed person who is the subject of the speech verb `verb` of `sent` ("A nurse at
/// the city hospital said", "One resident, who gave only her first name, told AFP"), with the
/// sex the noun says, else the pronoun right after the verb ("said she had not slept", "told
/// Reuters he …") or in the description ("who gave only her first name"): the description's
/// span and the sex. None when a name stands before the verb (then the name speaks) or the
/// verb is no main verb.
fn unnamed_subject(ctx: &DocCtx, sent: Span, verb: Span) -> Option<(Span, Option<bool>)> {
    let word = &ctx.text[verb.start..verb.end];
    if is_participle(word) || word.eq_ignore_ascii_case("according to") || !opens_indefinite(&ctx.text[sent.start..verb.start]) {
        return None;
    }
    let before = Span { start: sent.start, end: verb.start };
    if has_quote_mark(&ctx.text[before.start..before.end])
        || ctx.actors_in(before).next().is_some()
        || ctx.persons_in(before).next().is_some()
    {
        return None;
    }
    let (name, mut female) = unnamed_person(ctx.text, sent.start, verb.start)?;
    // "said she", "told Reuters that he", or "who gave only her first name".
    if female.is_none() {
        let mut after = ctx.text[verb.end..sent.end]
            .split_whitespace()
            .take(5)
            .skip_while(|w| matches!(*w, "that" | "reporters" | "journalists" | "me" | "us") || w.starts_with(char::is_uppercase));
        female = match after.next() {
            Some("she") => Some(true),
            Some("he") => Some(false),
            _ => None,
        };
    }
    if female.is_none() {
        female = ctx.text[name.end..verb.start].split_whitespace().find_map(|w| match w.trim_matches(',') {
            "her" | "she" => Some(true),
            "his" | "he" => Some(false),
            _ => None,
        });
    }
    Some((name, female))
}

/// Words that say a source is not named ("An Armenian official, who declined to be named").
const UNNAMED: &[&str] =
    &["declined to be named", "asked not to be named", "did not want to be named", "on condition of anonymity", "requested anonymity"];

/// Verbs by which a source issues a statement ("The Defence Ministry issued a statement").
const ISSUED: &[&str] = &["issued", "released", "published", "put out"];

/// The source that "the statement" or "the official" (`phrase`, right before a speech verb
/// in `sent`) stands for, from the three sentences before: the subject of "X issued a
/// statement" (`statement_issuer`), or an unnamed source as written ("An Armenian official,
/// who declined to be named, told Reuters …": speaker "An Armenian official", so the last
/// named person does not take the words).
fn earlier_source<'a>(ctx: &DocCtx<'a>, sent: Span, phrase: &str) -> Option<Speaker<'a>> {
    let head = phrase.strip_prefix("the ").or_else(|| phrase.strip_prefix("The "))?;
    let statement = matches!(head, "statement" | "ministry's statement");
    if !statement && !matches!(head, "official" | "source" | "diplomat" | "officer") {
        return None;
    }
    let i = ctx.sentences.partition_point(|s| s.span.end <= sent.start);
    for before in ctx.sentences[i.saturating_sub(3)..i].iter().rev() {
        let t = &ctx.text[before.span.start..before.span.end];
        if statement {
            let Some(k) = memchr::memmem::find(t.as_bytes(), b" a statement") else { continue };
            let Some(verb) = ISSUED.iter().find(|v| t[..k].ends_with(*v)) else { continue };
            let at = before.span.start + k - verb.len();
            let verb = Span { start: at, end: at + verb.len() };
            // The subject before the verb, by the same rules as before a speech verb.
            let sub = Span { start: before.span.start, end: before.span.end };
            return subject_before(ctx, sub, verb, &Memory::default());
        }
        let Some(k) = UNNAMED.iter().find_map(|u| memchr::memmem::find(t.as_bytes(), u.as_bytes())) else { continue };
        // "An Armenian official, who …": "a"/"an" and at most three words before the head noun.
        let lead = &t[..k];
        let h = lead.rfind(head)?;
        let words: Vec<(usize, &str)> = lead[..h]
            .split(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .collect();
        let article = words.iter().rev().skip(1).take(4).find(|(_, w)| matches!(*w, "a" | "an" | "A" | "An"))?;
        let start = before.span.start + article.0;
        return Some(Speaker { name: &ctx.text[start..before.span.start + h + head.len()], side: None, person: true, female: None });
    }
    None
}

/// Nouns of what a source issues ("a statement from the ministry").
pub(crate) const STATEMENT_NOUNS: &[&str] =
    &["statement", "statements", "communique", "communiqué", "announcement", "letter", "readout", "post", "message"];

/// The source in "statement(s) [issued|released|…] by|from X" (X as written), else `None`:
/// "a statement from the presidential office" is the presidential office's.
pub(crate) fn statement_source(phrase: &str) -> Option<&str> {
    // Cheap test first: no source without " by " or " from ".
    let b = phrase.as_bytes();
    if memchr::memmem::find(b, b" by ").is_none() && memchr::memmem::find(b, b" from ").is_none() {
        return None;
    }
    let mut at = 0;
    let mut after_noun = false;
    for w in phrase.split(' ') {
        at += w.len() + 1;
        let is = |x: &str| w.trim_matches(',').eq_ignore_ascii_case(x);
        if after_noun && (is("by") || is("from")) {
            let rest = phrase.get(at.min(phrase.len())..)?.trim();
            return (!rest.is_empty()).then_some(rest);
        }
        let noun = STATEMENT_NOUNS.iter().any(|n| is(n));
        if !(after_noun && ["issued", "released", "published", "posted", "sent", "put", "out", "jointly", "joint"].iter().any(|x| is(x))) {
            after_noun = noun;
        }
    }
    None
}

/// Who speaks in "…, saying": the person quoted in "Interfax quoted Peskov as saying", else
/// the subject that opens the sentence ("The ministry also rejected the accusation, saying
/// …" is the ministry's; "Kahn was quoted as saying" is Kahn's). Never the words between:
/// "The ministry also rejected the accusation" is not a name.
fn participle_subject<'a>(ctx: &DocCtx<'a>, sent: Span, verb: Span, mem: &Memory<'a>) -> Option<Speaker<'a>> {
    let before = &ctx.text[sent.start..verb.start];
    if has_quote_mark(before) {
        return None;
    }
    // The first actor or person named before the verb.
    let first_named = |from: usize| {
        let span = Span { start: from, end: verb.start };
        let actor = ctx.actors_in(span).next().map(|m| (m.start, ctx.actor_speaker(m.item)));
        let person = ctx.persons_in(span).find(|p| ctx.actors_in(*p).next().is_none()).map(|p| (p.start, ctx.person_speaker(p)));
        [actor, person].into_iter().flatten().min_by_key(|(start, _)| *start)
    };
    // "X quoted Peskov as saying".
    if before.trim_end().ends_with(" as")
        && let Some(q) = before.rfind(" quoted ")
        && let Some((_, s)) = first_named(sent.start + q)
    {
        return Some(s);
    }
    // "…, the ministry said, adding": the subject of the speech verb before it.
    let lo = ctx.cues.verbs.partition_point(|v| v.start < sent.start);
    let hi = ctx.cues.verbs.partition_point(|v| v.start < verb.start);
    if let Some(v) = ctx.cues.verbs[lo..hi].iter().rev().find(|v| {
        let w = &ctx.text[v.start..v.end];
        !is_participle(w) && !w.eq_ignore_ascii_case("according to")
    }) {
        return subject_before(ctx, sent, *v, mem);
    }
    // A name opening the sentence (after at most three words: "Armenia's", "On Monday").
    if let Some((start, s)) = first_named(sent.start)
        && ctx.text[sent.start..start].split_whitespace().count() <= 3
    {
        return Some(s);
    }
    // "The ministry also rejected …": the words that open the sentence, up to its verb.
    let mut own = Vec::new();
    let toks = tokens_upto(ctx, sent.start, verb.start, mem.next_sentence, &mut own);
    let n = toks
        .iter()
        .take(6)
        .take_while(|t| {
            let w = t.text;
            let verb = w.ends_with("ed") && w.starts_with(|c: char| c.is_lowercase());
            let first = w.as_bytes().first().map_or(0, |b| b | 0x20);
            let listed = |a: &&str| a.len() == w.len() && a.as_bytes()[0] == first && a.eq_ignore_ascii_case(w);
            !(verb || ADVERBIAL.iter().chain(BOUNDARY_WORDS).any(listed))
        })
        .count();
    let last = toks.get(n.checked_sub(1)?)?;
    let phrase = &ctx.text[toks[0].start..last.end];
    if let Some(s) = resolve_anaphor(phrase, mem) {
        return Some(s);
    }
    // "Ukraine's defence ministry", "The Defence Ministry": a body.
    let agent = |w: &str| AGENT_NOUNS.contains(&crate::text::strip_possessive(&w.to_ascii_lowercase()));
    if agent(last.text) && n > 1 {
        return Some(Speaker { name: phrase.trim_start_matches("the "), side: None, person: false, female: None });
    }
    // "Azerbaijan rejected the report, saying …".
    let p = ctx.places_in(Span { start: toks[0].start, end: last.end }).next()?;
    let entry = &ctx.gazetteer.places[p.item];
    (entry.kind == "country" && ctx.text[sent.start..p.start].split_whitespace().count() <= 1).then(|| Speaker::country(entry))
}

/// The source after "according to" (`after`: the rest of the sentence): a known actor, a
/// country ("according to Azerbaijan"), the source of a statement ("according to a statement
/// from the presidential office"), "the ministry" named before, or a capitalised or agent
/// phrase up to a comma ("according to the prosecutor's office"); with its span.
pub(crate) fn according_to<'a>(ctx: &DocCtx<'a>, after: Span, mem: &Memory<'a>) -> Option<(Speaker<'a>, Span)> {
    if let Some(m) = ctx.actors_in(after).next() {
        return Some((ctx.actor_speaker(m.item), Span { start: m.start, end: m.end }));
    }
    // "according to Azerbaijan" (not "according to the Prosecutor General's Office of the
    // Republic of Azerbaijan", whose source is the office).
    if let Some(p) = ctx.places_in(after).next()
        && ctx.gazetteer.places[p.item].kind == "country"
        && matches!(ctx.text[after.start..p.start].trim(), "" | "the" | "The")
    {
        let e = &ctx.gazetteer.places[p.item];
        let sp = Speaker::country(e);
        return Some((sp, Span { start: p.start, end: p.end }));
    }
    // An unknown source: the capitalised phrase after "according to", up to a comma.
    let rest = &ctx.text[after.start..after.end];
    let phrase = rest.split([',', ';', '.']).next().unwrap_or("").trim();
    // "according to an Al Jazeera tally based on Israeli figures": the tally's source.
    let phrase = phrase.split(" based on ").next().unwrap_or(phrase);
    // "according to a statement from the presidential office": the office.
    let phrase = statement_source(phrase).unwrap_or(phrase);
    let start = after.start + rest.find(phrase).unwrap_or(0);
    // "according to the ministry": the ministry named before.
    if let Some(sp) = resolve_anaphor(phrase, mem) {
        return Some((sp, Span { start, end: start + phrase.len() }));
    }
    let name = phrase.trim_start_matches("the ").trim_start_matches("The ");
    // "according to the prosecutor's office": a lower-case source that names an agent.
    let agent = |w: &str| AGENT_NOUNS.contains(&crate::text::strip_possessive(&w.to_lowercase()));
    if name.split_whitespace().count() <= 8 && name.split_whitespace().any(|w| w.starts_with(char::is_uppercase) || agent(w)) {
        let sp = Speaker { name: phrase, side: None, person: false, female: None };
        return Some((sp, Span { start, end: start + phrase.len() }));
    }
    None
}

/// The speaker named right after a verb: `said Commissioner Michelle Bachelet`.
pub fn subject_after<'a>(ctx: &DocCtx<'a>, sent: Span, verb: Span) -> Option<Speaker<'a>> {
    let rest = &ctx.text[verb.end..sent.end];
    let lead = rest.len() - rest.trim_start().len();
    let start = verb.end + lead;
    let window = Span { start, end: crate::text::floor_boundary(ctx.text, (start + 80).min(sent.end)) };
    if let Some(m) = ctx.actors_in(window).next() {
        let gap = &ctx.text[start..m.start];
        if gap.split_whitespace().count() <= 2 {
            return Some(ctx.actor_speaker(m.item));
        }
    }
    if let Some(p) = ctx.persons_in(window).next() {
        let gap = &ctx.text[start..p.start];
        // "said a man who gave his name only as Tigran".
        let only_as = gap.trim_end().ends_with(" as") && gap.split_whitespace().count() <= 9 && !gap.contains([',', '"', '“', '”']);
        // "said the head of the district, Ramil Ahmadov": a role, a comma, the name.
        let role_first = (gap.starts_with("the ") || gap.starts_with("a ") || gap.starts_with("an "))
            && gap.trim_end().ends_with(',')
            && gap.matches(',').count() == 1
            && gap.split_whitespace().count() <= 8
            && !gap.contains(['"', '“', '”']);
        if gap.split_whitespace().count() <= 2 || only_as || role_first {
            return Some(ctx.person_speaker(p));
        }
    }
    // "said a nurse at the city hospital": an unnamed person, as written.
    let (name, female) = unnamed_person(ctx.text, start, sent.end)?;
    (opens_indefinite(&ctx.text[start..name.end]) && ctx.persons_in(name).next().is_none()).then(|| Speaker {
        name: &ctx.text[name.start..name.end],
        side: None,
        person: true,
        female,
    })
}

#[cfg(test)]
mod tests {
    /// [`super::is_participle`] reads the speech verbs in "-ing" as participles: they are
    /// exactly these.
    #[test]
    fn roles_of_abbreviations_are_role_nouns() {
        for &(_, role) in super::ROLE_ABBREVIATIONS {
            assert!(super::role_index(role).is_some(), "{role}");
        }
        assert!(super::ROLE_NOUNS.iter().all(|r| super::role_index(r).is_some()));
    }

    /// [`super::Memory::observe_sentences`] leaves the memory as observing each sentence in
    /// turn does: compared in every call while a test runs (its `cfg(test)` check), here on
    /// the embedded corpus and 300 generated articles, by claims and quotes.
    #[test]
    fn sentences_observed_at_once_as_in_turn() {
        let engine = crate::Engine::embedded().expect("the embedded engine loads");
        let (mut docs, _) = crate::corpus::embedded();
        let synth = crate::synth::Synth::embedded().expect("the generator loads");
        docs.extend((0..300).map(|i| crate::corpus::Document {
            id: format!("synth{i}"),
            path: format!("synth{i}"),
            text: synth.article(7, i),
            ..Default::default()
        }));
        let x = engine.extract_documents(docs);
        assert!(x.quotes.iter().filter(|q| q.speaker.is_some()).count() > 300, "{}", x.counts());
        assert!(x.claims.iter().filter(|c| c.claimant.is_some()).count() > 300, "{}", x.counts());
    }

    #[test]
    fn who_is_packed_and_unpacked() {
        for i in [0, 1, 2, 77, 1 << 20, (1 << 31) - 2] {
            assert_eq!(super::Who::actor(i).unpacked(), (i, false));
            assert_eq!(super::Who::person(i).unpacked(), (i, true));
            assert_ne!(super::Who::actor(i), super::Who::person(i));
        }
        assert_eq!(std::mem::size_of::<Option<super::Who>>(), 4);
        assert_eq!(std::mem::size_of::<super::Observed>(), 84);
    }

    #[test]
    fn participles_are_the_verbs_in_ing() {
        let ing: Vec<&str> = super::VERBS.iter().copied().filter(|v| super::is_participle(v)).collect();
        assert_eq!(ing, ["saying", "adding", "noting", "stressing", "insisting"]);
    }

    /// [`super::ascii_space_bits`] marks every ASCII byte `char::is_whitespace` holds, at
    /// every place in the word, and no other.
    #[test]
    fn space_bits_are_the_white_space_bytes() {
        for b in 0u8..0x80 {
            for k in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[k] = b;
                let want = if char::from(b).is_whitespace() { 0x80u64 << (8 * k) } else { 0 };
                assert_eq!(super::ascii_space_bits(u64::from_le_bytes(bytes)), want, "{b:#x} at {k}");
            }
        }
    }

    proptest::proptest! {
        /// [`super::partition_from_hint`] finds `partition_point`'s place from any hint.
        #[test]
        fn partition_from_any_hint(mut v in proptest::collection::vec(0usize..30, 0..12), at in 0usize..32, hint in 0usize..14) {
            v.sort_unstable();
            proptest::prop_assert_eq!(super::partition_from_hint(&v, hint, |&x| x <= at), v.partition_point(|&x| x <= at));
        }

        /// [`super::resolve_anaphor`]'s test of the first four bytes passes over no words
        /// that "he", "she", "it" or "the …" in lower case would resolve.
        #[test]
        fn anaphors_kept_by_their_first_bytes(parts in proptest::collection::vec(0usize..14, 0..6)) {
            const PARTS: &[&str] = &["the", "The", "THE", " ", "he", "She", "IT", "ministry", "\u{a0}", "\u{130}", "\u{212a}", "x", "é", "\t"];
            let s: String = parts.iter().map(|&i| PARTS[i]).collect();
            let w = super::lower(s.trim());
            let resolves = matches!(&*w, "he" | "she" | "it") || w.starts_with("the ");
            let head = crate::text::trim(&s).as_bytes().get(..4).map(<[u8]>::to_vec);
            let passed_over = head.is_some_and(|h| h.is_ascii() && !h.eq_ignore_ascii_case(b"the "));
            proptest::prop_assert!(!(resolves && passed_over), "{:?}", s);
        }

        /// [`super::lying_in`] the items [`super::starting_in`] a span finds the items
        /// `in_span` finds in any part of that span.
        #[test]
        fn lying_in_a_part_as_in_span(
            items in proptest::collection::vec((0usize..40, 0usize..6), 0..12),
            span in (0usize..40, 0usize..40),
            part in (0usize..40, 0usize..40),
        ) {
            let mut items: Vec<(usize, usize)> = items.into_iter().map(|(a, n)| (a, a + n)).collect();
            items.sort_by_key(|x| x.0);
            let span = super::Span { start: span.0.min(span.1), end: span.0.max(span.1) };
            let (a, b) = (part.0.clamp(span.start, span.end), part.1.clamp(span.start, span.end));
            let part = super::Span { start: a.min(b), end: a.max(b) };
            let near = super::starting_in(&items, span, None, |m| *m);
            for p in [span, part] {
                let want: Vec<&(usize, usize)> = super::super::in_span(&items, p, |m| *m).collect();
                let got: Vec<&(usize, usize)> = super::lying_in(near, p, |m| *m).collect();
                proptest::prop_assert_eq!(got, want);
            }
        }

        /// [`super::name_speaks_across`] read byte by byte answers as its parts read one by
        /// one, on texts of conjunctions, commas, articles, marks and many words, and on any
        /// text.
        #[test]
        fn name_speaks_across_as_by_parts(parts in proptest::collection::vec(0usize..24, 0..40), text in "\\PC{0,30}") {
            const PARTS: &[&str] = &[
                " ", "word", ",", ", ", "and", ",and,", "but", "while", "whereas", "although", "a ", "an ", "the ", ";",
                "\"", "“", "”", "é", "\t", "\u{b}", "\u{a0}", "ands", "the", "  ",
            ];
            let s: String = parts.iter().map(|&i| PARTS[i]).collect();
            for t in [s, text] {
                proptest::prop_assert_eq!(super::name_speaks_across(&t), super::name_speaks_across_by_parts(&t), "{:?}", t);
            }
        }

        /// [`super::tokens_within`] gives the tokens the text between two bytes gives,
        /// wherever they cut a sentence (words joined across "1,165", "don't",
        /// "Azerbaijan’s", "Moscow-brokered", characters beyond ASCII, sentences longer than
        /// a chunk).
        #[test]
        fn tokens_within_are_the_tokens_of_the_shorter_text(
            parts in proptest::collection::vec(0usize..16, 0..60),
            lead in 0usize..3,
            cuts in (0usize..400, 0usize..400),
        ) {
            const PARTS: &[&str] =
                &[" ", "word", "1", ",", "165", "'", "t", "’", "s", "-", ".", "é", "Moscow", "\n", "\u{a0}", "3.5"];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let boundary = |k: usize| (0..=k.min(text.len())).rev().find(|&f| text.is_char_boundary(f)).unwrap_or(0);
            let start = boundary(lead);
            let (from, to) = (boundary(cuts.0.min(cuts.1)).max(start), boundary(cuts.0.max(cuts.1)).max(start));
            let masks = crate::text::text_masks(&text);
            let mut sentence = Vec::new();
            crate::text::tokens_in(&text, &masks, super::Span { start, end: text.len() }, &mut sentence);
            let mut want = Vec::new();
            crate::text::tokens_in(&text, &masks, super::Span { start: from, end: to }, &mut want);
            if let Some(got) = super::tokens_within(&sentence, from, to) {
                proptest::prop_assert_eq!(got, &want[..], "{:?} {} {}", text, from, to);
            }
        }

        #[test]
        fn first_word_is_split(text in "\\PC{0,16}", parts in proptest::collection::vec(0usize..7, 0..8)) {
            const PARTS: &[&str] = &[" ", ",", ".", ";", "Mission", "é", "\u{a0}"];
            for t in [text.clone(), parts.iter().map(|&i| PARTS[i]).collect::<String>()] {
                proptest::prop_assert_eq!(super::first_word(&t), t.split([' ', ',', '.', ';']).next().unwrap_or(""), "{:?}", t);
            }
        }

        /// [`super::trim_to_word`] is `trim_matches` of what is neither alphanumeric nor an
        /// apostrophe, on any text and on words with punctuation, quotation marks and letters
        /// beyond ASCII at their ends.
        #[test]
        fn trim_to_word_is_trim_matches(text in "\\PC{0,12}", parts in proptest::collection::vec(0usize..15, 0..8)) {
            const PARTS: &[&str] = &["mayor", ",", "'", "’", "\"", "”", "é", "(", "1", "\u{a0}", "s", "Ⅻ", "‘", "\u{2099}", "\u{1019}"];
            for t in [text.clone(), parts.iter().map(|&i| PARTS[i]).collect::<String>()] {
                proptest::prop_assert_eq!(super::trim_to_word(&t), super::trim_to_word_by_chars(&t), "{:?}", t);
            }
        }

        #[test]
        fn trim_start_is_strs(text in "\\PC{0,12}", parts in proptest::collection::vec(0usize..9, 0..8)) {
            const PARTS: &[&str] = &[" ", "\t", "\u{b}", "\u{a0}", "\u{2003}", ",", "é", "\u{85}", "\r\n"];
            for t in [text.clone(), parts.iter().map(|&i| PARTS[i]).collect::<String>()] {
                proptest::prop_assert_eq!(super::trim_start(&t), t.trim_start(), "{:?}", t);
            }
        }

        #[test]
        fn boundary_words_found_as_listed(w in "(that|while|and|but|as|when|after|which|who|where|because|although)?[a-zA-Zé’ ]{0,3}", k in 0usize..12) {
            proptest::prop_assert_eq!(super::is_boundary_word(&w), super::BOUNDARY_WORDS.contains(&w.as_str()), "{:?}", w);
            proptest::prop_assert!(super::is_boundary_word(super::BOUNDARY_WORDS[k]));
        }

        #[test]
        fn opens_clause_agrees_with_splitting_words(parts in proptest::collection::vec(0usize..12, 0..12)) {
            const PARTS: &[&str] = &[" ", ",", "and", "but", "while", "whereas", "although", "an", "\u{b}", "\u{a0}", "x", "\n"];
            let s: String = parts.iter().map(|&k| PARTS[k]).collect();
            let want = s.split_whitespace().any(|w| matches!(w.trim_matches(','), "while" | "but" | "whereas" | "and" | "although"));
            proptest::prop_assert_eq!(super::opens_clause(&s), want, "{:?}", s);
        }

        /// [`super::word_before_titles`] is the last word split at spaces that does not open
        /// with a capital.
        #[test]
        fn word_before_titles_as_by_splitting(parts in proptest::collection::vec(0usize..12, 0..12)) {
            const PARTS: &[&str] = &[" ", "with", "President", "É", "é", "  ", "to", "x", "\u{a0}", "İ", "Ω ", "1"];
            let s: String = parts.iter().map(|&i| PARTS[i]).collect();
            let plain = s.rsplit(' ').filter(|w| !w.is_empty()).find(|w| !w.starts_with(char::is_uppercase));
            proptest::prop_assert_eq!(super::word_before_titles(&s), plain.map(str::as_bytes));
        }

        /// The first-byte test of [`super::opens_indefinite`] rejects only what trimming and
        /// comparing the first word would reject.
        #[test]
        fn opens_indefinite_as_by_trimming(parts in proptest::collection::vec(0usize..12, 0..6)) {
            const PARTS: &[&str] = &[" ", "\u{b}", "\u{a0}", "A", "an", "One", "o", "nurse", "\n", "é", "ONE ", "a "];
            let s: String = parts.iter().map(|&i| PARTS[i]).collect();
            let t = s.trim_start().as_bytes();
            let word = |w: &[u8]| t.len() > w.len() && t[..w.len()].eq_ignore_ascii_case(w) && t[w.len()] == b' ';
            proptest::prop_assert_eq!(super::opens_indefinite(&s), word(b"a") || word(b"an") || word(b"one"));
            // The same of a span of a longer text.
            let text = format!("é{s}é");
            let span = crate::text::Span { start: "é".len(), end: "é".len() + s.len() };
            proptest::prop_assert_eq!(super::opens_indefinite_in(&text, span), super::opens_indefinite(&s));
        }

        /// [`super::more_words_than`] and [`super::has_quote_mark`] answer as counting the
        /// words split at white space and searching for the three marks.
        #[test]
        fn words_and_quote_marks_as_by_chars(parts in proptest::collection::vec(0usize..16, 0..24), n in 0usize..8) {
            const PARTS: &[&str] = &[" ", "\u{b}", "\u{a0}", "\t", "\r\n", "word", "\"", "“", "”", "’", "—", "é", "\u{85}", "\u{c}", ",", "  "];
            let s: String = parts.iter().map(|&i| PARTS[i]).collect();
            proptest::prop_assert_eq!(super::more_words_than(&s, n), s.split_whitespace().count() > n);
            proptest::prop_assert_eq!(super::has_quote_mark(&s), s.contains(['"', '“', '”']));
        }

        /// [`super::MarksBefore`] read on from name to name answers as counting the marks
        /// from the sentence's start for each name.
        #[test]
        fn marks_read_on_as_from_the_start(parts in proptest::collection::vec(0usize..10, 0..30), cuts in proptest::collection::vec(0usize..200, 0..8), from in 0usize..6) {
            const PARTS: &[&str] = &[" ", "\"", "“", "”", "’", "—", "word", "é", "\u{e2}\u{80}", "A"];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let boundary = |k: usize| (0..=k.min(text.len())).rev().find(|&f| text.is_char_boundary(f)).unwrap_or(0);
            let from = boundary(from);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| boundary(c).max(from)).collect();
            cuts.sort_unstable();
            let mut marks = super::MarksBefore::default();
            for pos in cuts {
                let before = &text[from..pos];
                let straight = before.matches('"').count();
                let open = before.rfind('“');
                let inside = straight % 2 == 1 || open.is_some_and(|o| before.rfind('”').is_none_or(|c| c < o));
                proptest::prop_assert_eq!(marks.inside_quote(&text, from, pos), inside);
            }
        }

        /// [`super::is_adverbial`]'s table rejects no word of the list, in any case.
        #[test]
        fn adverbials_as_by_the_list(w in "(?i)(on|in|a|statement|week|monday|later|both|would|ministry|said|x)(\u{212a}|s|ſ)?") {
            proptest::prop_assert_eq!(super::is_adverbial(&w), super::ADVERBIAL.contains(&&*super::lower(&w)));
        }

        /// [`super::more_words_than`] read eight bytes at a time counts as splitting: long
        /// texts of words and every ASCII white space, a character beyond ASCII anywhere.
        #[test]
        fn more_words_than_as_splitting_long_texts(s in "[a-z,. \t\n\u{b}\u{c}\r\u{8}\u{e}\u{1f}!~]{0,80}(\u{a0}|é|\u{2003})?[a z]{0,12}", n in 0usize..24) {
            proptest::prop_assert_eq!(super::more_words_than(&s, n), s.split_whitespace().count() > n, "{:?}", s);
        }

        /// [`super::more_words_than`] answers as splitting on texts of one-byte words as
        /// close together as they go, where the length alone may tell (`2 n` bytes or fewer).
        #[test]
        fn more_words_than_as_splitting_packed_words(s in "[a \t\u{a0}é]{0,40}", n in 0usize..24) {
            proptest::prop_assert_eq!(super::more_words_than(&s, n), s.split_whitespace().count() > n, "{:?}", s);
        }

        #[test]
        fn words_and_quote_marks_as_by_chars_in_any_text(s in "\\PC{0,60}", n in 0usize..8) {
            proptest::prop_assert_eq!(super::more_words_than(&s, n), s.split_whitespace().count() > n);
            proptest::prop_assert_eq!(super::has_quote_mark(&s), s.contains(['"', '“', '”']));
        }
    }
}
