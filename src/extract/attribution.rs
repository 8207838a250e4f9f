//! Who said it: speech verbs, their subjects (known actors, person names, countries,
//! "the ministry"), inverted attributions (`said X`), and pronouns resolved to the last
//! named person. Shared by casualty claims and quotes.

use super::DocCtx;
use crate::text::Span;

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
];

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
}

impl<'a> Memory<'a> {
    /// Remember the names a sentence mentions, in order. Only the last name of each kind
    /// (person, woman, man, body) can matter, so only those become [`Speaker`]s.
    pub fn observe(&mut self, ctx: &DocCtx<'a>, span: Span) {
        #[derive(Clone, Copy)]
        enum Who {
            Actor(usize),
            Person(Span),
        }
        // (position, who) of the last person, female, male and body in the sentence.
        let mut last: [Option<(usize, Who)>; 4] = [None; 4];
        let mut note = |pos: usize, who: Who, person: bool, female: Option<bool>| {
            let slots: &[usize] = match (person, female) {
                (false, _) => &[3],
                (true, Some(true)) => &[0, 1],
                (true, Some(false)) => &[0, 2],
                (true, None) => &[0, 1, 2],
            };
            for &k in slots {
                if last[k].is_none_or(|(p, _)| pos >= p) {
                    last[k] = Some((pos, who));
                }
            }
        };
        for m in ctx.actors_in(span) {
            let a = &ctx.actors.actors[m.item];
            note(m.start, Who::Actor(m.item), a.is_person(), a.gender.as_deref().map(|g| g == "f"));
        }
        for p in ctx.persons_in(span) {
            if ctx.actors_in(p).next().is_none() {
                let female = ctx.person_at(p.start).and_then(|x| x.female);
                note(p.start, Who::Person(p), true, female);
            }
        }
        let speaker = |w: Who| match w {
            Who::Actor(i) => ctx.actor_speaker(i),
            Who::Person(p) => ctx.person_speaker(p),
        };
        // Same order as remembering every name in turn: the last of each kind wins.
        let [person, female, male, body] = last;
        if let Some((_, w)) = female {
            self.last_female = Some(speaker(w));
        }
        if let Some((_, w)) = male {
            self.last_male = Some(speaker(w));
        }
        if let Some((_, w)) = person {
            self.last_person = Some(speaker(w));
        }
        if let Some((_, w)) = body {
            self.last_body = Some(speaker(w));
        }
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

/// Speech verbs in a span: byte spans in the article.
pub fn verbs(ctx: &DocCtx, span: Span) -> Vec<Span> {
    let lo = ctx.cues.verbs.partition_point(|v| v.start < span.start);
    ctx.cues.verbs[lo..].iter().take_while(|v| v.start < span.end).filter(|v| v.end <= span.end).copied().collect()
}

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

/// Resolve a pronoun or an anaphoric noun phrase ("the ministry") to someone named before.
pub(crate) fn resolve_anaphor<'a>(words: &str, mem: &Memory<'a>) -> Option<Speaker<'a>> {
    let w = words.trim().to_lowercase();
    match w.as_str() {
        // A person of unknown sex may be either; a woman is never "he", a man never "she".
        "he" => return mem.last_male.or(mem.last_person.filter(|p| p.female != Some(true))),
        "she" => return mem.last_female.or(mem.last_person.filter(|p| p.female != Some(false))),
        "it" => return mem.last_body,
        _ => {}
    }
    let rest = w.strip_prefix("the ")?;
    let head = rest.split_whitespace().last()?;
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
];

/// The subject of the speech verb at `verb`, looking left within the sentence `sent`.
pub fn subject_before<'a>(ctx: &DocCtx<'a>, sent: Span, verb: Span, mem: &Memory<'a>) -> Option<Speaker<'a>> {
    // 1. The nearest known actor or person name before the verb in the same sentence, unless
    //    a quotation mark lies between them (then it belongs to the quote).
    let mut named: Vec<(Span, Speaker)> = Vec::new();
    let before = Span { start: sent.start, end: verb.start };
    named.extend(ctx.actors_in(before).map(|m| (Span { start: m.start, end: m.end }, ctx.actor_speaker(m.item))));
    named.extend(ctx.persons_in(before).filter(|p| ctx.actors_in(*p).next().is_none()).map(|p| (p, ctx.person_speaker(p))));
    let mut best = named.iter().max_by_key(|(span, _)| span.end).map(|&(span, s)| (span, s));
    // "Hikmet Hajiyev, an adviser to President Ilham Aliyev, said": a name inside an
    // appositive (between commas, opening in lower case) describes the one before it.
    if let Some((span, _)) = best
        && ctx.text[span.end..verb.start].trim_start().starts_with(',')
        && let Some(comma) = ctx.text[sent.start..span.start].rfind(',').map(|c| sent.start + c)
        && ctx.text[comma + 1..span.start].trim_start().starts_with(|c: char| c.is_lowercase())
        && !ctx.text[comma..span.start].contains(['"', '“', '”'])
        && let Some(&(head, s)) = named.iter().find(|(h, _)| ctx.text[h.end..comma].trim().is_empty())
    {
        best = Some((head, s));
    }
    if let Some((Span { end, .. }, s)) = &best {
        let between = &ctx.text[*end..verb.start];
        let clause_break = between.contains(';')
            || between.split_whitespace().any(|w| matches!(w.trim_matches(','), "while" | "but" | "whereas" | "and" | "although"));
        if !between.contains(['"', '“', '”']) && !clause_break && between.split_whitespace().count() <= 25 {
            return Some(*s);
        }
    }
    // 2. The words right before the verb: a country, a pronoun, "the ministry", or a short
    //    noun phrase back to a clause boundary.
    let mut words: Vec<(usize, &str)> = Vec::new();
    for t in ctx.tokens_between(Span { start: sent.start, end: verb.start }) {
        words.push((t.start, t.text));
    }
    // Drop trailing adverbials ("said on Friday", "on Saturday said").
    while let Some((_, w)) = words.last() {
        if ADVERBIAL.contains(&w.to_lowercase().as_str()) {
            words.pop();
        } else {
            break;
        }
    }
    let &(last_start, _) = words.last()?;
    // A country directly before the verb: "Azerbaijan said".
    if let Some(p) = ctx.places_in(Span { start: last_start, end: verb.start }).next() {
        let entry = &ctx.gazetteer.places[p.item];
        if entry.kind == "country" {
            return Some(Speaker::country(entry));
        }
    }
    // "Officials in the capital, known as Khankendi to Azeris, said": skip the appositive
    // between commas; the subject stands before it.
    let mut limit = verb.start;
    if let Some(&(pos, w)) = words.last()
        && ctx.text[pos + w.len()..verb.start].trim_start().starts_with(',')
    {
        let open = (0..words.len().saturating_sub(1)).rev().find(|&k| {
            let (p, w) = words[k];
            ctx.text[p + w.len()..verb.start].trim_start().starts_with(',')
        });
        if let Some(k) = open {
            limit = words[k].0 + words[k].1.len();
            words.truncate(k + 1);
        }
    }
    // Back to a clause boundary, at most seven words, or fourteen while an official name
    // goes on ("the Prosecutor General's Office of the Republic of Azerbaijan said").
    let mut first = words.len();
    while first > 0 {
        let (pos, w) = words[first - 1];
        let lw = w.to_lowercase();
        let punct_after = ctx.text[pos + w.len()..limit].trim_start().starts_with([',', ';', ':', '(', '"', '“', '”', '—']);
        let name_goes_on = matches!(lw.as_str(), "of" | "the" | "for")
            || w.starts_with(char::is_uppercase) && !ADVERBIAL.contains(&lw.as_str()) && words[first..].iter().any(|x| x.1 == "of");
        if BOUNDARY_WORDS.contains(&lw.as_str())
            || (punct_after && first < words.len())
            || words.len() - first >= 7 && !name_goes_on
            || words.len() - first >= 14
        {
            break;
        }
        first -= 1;
    }
    if first == words.len() {
        // "Azerbaijan has not disclosed its losses, but says 60 civilians…": the subject of
        // the first clause, when the sentence opens with a known actor or a country.
        let joined = words.last().is_some_and(|(_, w)| matches!(w.to_lowercase().as_str(), "but" | "and"));
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
    let phrase_start = words[first].0;
    let phrase = &ctx.text[phrase_start..words[words.len() - 1].0 + words[words.len() - 1].1.len()];
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
        if gap.split_whitespace().count() <= 2 || only_as {
            return Some(ctx.person_speaker(p));
        }
    }
    None
}
