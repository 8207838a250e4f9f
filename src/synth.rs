//! Synthetic news articles for benchmarks and tests (`dateline synth`).
//!
//! The articles are written from this module's own templates, not copied from the seed
//! corpus: datelines in wire styles (`BAKU, Azerbaijan, Oct. 12 (AP) —`,
//! `MOSCOW, October 4. /TASS/.`), ` date YYYY-MM-DD` header lines, places from the gazetteer
//! in all their spellings, casualty sentences with hedges, number words and digits, killed and
//! wounded, civilian and military victims, claimants and speakers from the actor list, quotes
//! in the usual shapes, and distractors that must not become places or incident counts
//! ("Geneva Conventions", "Minsk Group", the toll of the 1991-94 war). Publication dates are
//! spread over 27 September – 10 November 2020; articles are 2–8 KB.
//!
//! Output is a pure function of the seed and the article number: article `i` draws from its
//! own generator, so a corpus can be written in parallel and still be byte-for-byte
//! reproducible. The generator is a tiny splitmix64, kept here so the engine needs no `rand`.

use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::error::Error;
use crate::gazetteer::{Actors, Gazetteer};

/// First publication day of a synthetic corpus.
pub const FIRST_DAY: (i32, u32, u32) = (2020, 9, 27);
/// Last publication day of a synthetic corpus.
pub const LAST_DAY: (i32, u32, u32) = (2020, 11, 10);
/// Smallest article, in bytes.
pub const MIN_BYTES: usize = 2 * 1024;
/// Largest article, in bytes.
pub const MAX_BYTES: usize = 8 * 1024;

/// A small, fast, deterministic pseudo-random generator (splitmix64). Not for cryptography.
#[derive(Debug, Clone)]
pub struct Rng(u64);

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator for this seed.
    pub fn new(seed: u64) -> Self {
        Rng(splitmix(seed))
    }

    /// The generator for article `index` of a corpus with this seed.
    pub fn for_article(seed: u64, index: u64) -> Self {
        Rng(splitmix(seed) ^ splitmix(index.wrapping_add(0x5EED)).rotate_left(17))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next_u64() >> 11) % (hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u32) -> bool {
        (self.next_u64() % 100) < u64::from(percent)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Which side of the front a place lies on, to pick plausible claimants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Front {
    Azerbaijan,
    Armenia,
    Karabakh,
    Elsewhere,
}

#[derive(Debug, Clone)]
struct PlaceInfo {
    /// The display name first, then every alias.
    spellings: Vec<String>,
    front: Front,
}

#[derive(Debug, Clone)]
struct Voice {
    /// Ways to name the speaker the first time.
    first: Vec<String>,
    /// Ways to name the speaker again (surnames); for bodies the same as `first`.
    again: Vec<String>,
    /// `he`/`she`, or `None` for bodies.
    pronoun: Option<&'static str>,
    side: String,
}

/// A compiled article generator over a gazetteer and an actor list.
#[derive(Debug, Clone)]
pub struct Synth {
    front: Vec<PlaceInfo>,
    karabakh_side: Vec<PlaceInfo>,
    azerbaijan_side: Vec<PlaceInfo>,
    armenia_side: Vec<PlaceInfo>,
    capitals: Vec<PlaceInfo>,
    countries: Vec<PlaceInfo>,
    region: Option<PlaceInfo>,
    persons: Vec<Voice>,
    bodies: Vec<Voice>,
    /// Geneva, which also heads the exclusion phrase "Geneva Conventions", for distractors.
    geneva: Option<PlaceInfo>,
    /// The country Azerbaijan, in its spellings.
    azerbaijan: Option<PlaceInfo>,
}

fn has_letters_only_in_latin(s: &str) -> bool {
    s.chars().all(|c| !c.is_alphabetic() || (c as u32) < 0x0400)
}

/// Whether a body's name reads without "the" ("Azerbaijan's foreign ministry", "Human Rights Watch").
fn bare_body_name(n: &str) -> bool {
    let first = n.split(' ').next().unwrap_or("");
    first.ends_with("'s")
        || first.ends_with("’s")
        || n.starts_with("the ")
        || n.starts_with("The ")
        || ["Human Rights Watch", "HRW", "Amnesty International", "TASS", "Tass", "OHCHR", "UNSC", "ICRC"].contains(&n)
}

impl Synth {
    /// A generator over the embedded gazetteer and actors.
    pub fn embedded() -> Result<Self, Error> {
        Ok(Self::new(&Gazetteer::embedded()?, &Actors::embedded()?))
    }

    /// A generator over any gazetteer and actor list. Places are grouped by kind and country
    /// (front-line towns, capitals, countries); an empty group falls back to all places.
    pub fn new(gazetteer: &Gazetteer, actors: &Actors) -> Self {
        let mut all = Vec::new();
        let mut front = Vec::new();
        let (mut kara, mut az, mut am) = (Vec::new(), Vec::new(), Vec::new());
        let mut capitals = Vec::new();
        let mut countries = Vec::new();
        let mut region = None;
        let mut geneva = None;
        let mut azerbaijan = None;
        for p in &gazetteer.places {
            let mut spellings = vec![p.name.clone()];
            spellings.extend(p.aliases.iter().filter(|a| !a.trim().is_empty()).cloned());
            let in_karabakh = p.note.as_deref().is_some_and(|n| n.contains("Inside Nagorno-Karabakh"));
            let f = if in_karabakh {
                Front::Karabakh
            } else if p.country == "Azerbaijan" {
                Front::Azerbaijan
            } else if p.country == "Armenia" {
                Front::Armenia
            } else {
                Front::Elsewhere
            };
            let info = PlaceInfo { spellings, front: f };
            all.push(info.clone());
            match p.kind.as_str() {
                "city" | "town" | "village" | "district" if f != Front::Elsewhere => {
                    front.push(info.clone());
                    match f {
                        Front::Karabakh => kara.push(info.clone()),
                        Front::Azerbaijan => az.push(info.clone()),
                        _ => am.push(info.clone()),
                    }
                }
                "city" => capitals.push(info.clone()),
                "country" => countries.push(info.clone()),
                "region" if p.id == "nagorno-karabakh" => region = Some(info.clone()),
                _ => {}
            }
            if p.id == "geneva" {
                geneva = Some(info);
            } else if p.id == "azerbaijan" {
                azerbaijan = Some(info);
            }
        }
        let or_all = |v: Vec<PlaceInfo>| if v.is_empty() { all.clone() } else { v };
        let front = or_all(front);
        let kara = if kara.is_empty() { front.clone() } else { kara };
        let az = if az.is_empty() { front.clone() } else { az };
        let am = if am.is_empty() { front.clone() } else { am };

        let mut persons = Vec::new();
        let mut bodies = Vec::new();
        for a in &actors.actors {
            let latin: Vec<String> = a.aliases.iter().filter(|x| has_letters_only_in_latin(x) && !x.trim().is_empty()).cloned().collect();
            if a.is_person() {
                // Full names and titled forms that contain the surname ("Russian Foreign
                // Minister Sergei Lavrov"), not bare roles ("UN human rights chief").
                let surname = a.name.rsplit(' ').next().unwrap_or(&a.name).to_string();
                let mut first = vec![a.name.clone(), a.name.clone()];
                first.extend(
                    latin
                        .iter()
                        .filter(|x| x.contains(' ') && x.contains(&surname) && x.chars().next().is_some_and(char::is_uppercase))
                        .cloned(),
                );
                let mut again: Vec<String> = latin.iter().filter(|x| !x.contains(' ')).cloned().collect();
                if again.is_empty() {
                    again.push(a.name.clone());
                }
                let pronoun = match a.gender.as_deref() {
                    Some("f") => Some("she"),
                    Some("m") => Some("he"),
                    _ => None,
                };
                persons.push(Voice { first, again, pronoun, side: a.side.clone() });
            } else {
                let mut names = vec![a.name.clone()];
                names.extend(latin);
                let names: Vec<String> = names.into_iter().map(|n| if bare_body_name(&n) { n } else { format!("the {n}") }).collect();
                bodies.push(Voice { first: names.clone(), again: names, pronoun: None, side: a.side.clone() });
            }
        }
        if persons.is_empty() {
            persons.push(Voice {
                first: vec!["a local official".into()],
                again: vec!["the official".into()],
                pronoun: Some("he"),
                side: String::new(),
            });
        }
        if bodies.is_empty() {
            bodies.push(Voice { first: vec!["officials".into()], again: vec!["officials".into()], pronoun: None, side: String::new() });
        }
        Synth {
            front,
            karabakh_side: kara,
            azerbaijan_side: az,
            armenia_side: am,
            capitals: or_all(capitals),
            countries: or_all(countries),
            region,
            persons,
            bodies,
            geneva,
            azerbaijan,
        }
    }

    /// Article `index` of the corpus with this seed.
    pub fn article(&self, seed: u64, index: u64) -> String {
        let mut w = Writer { s: self, rng: Rng::for_article(seed, index), text: String::with_capacity(MAX_BYTES + 1024) };
        w.article();
        w.text
    }
}

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2).unwrap_or_default()
}

fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_DAY.0, LAST_DAY.1, LAST_DAY.2).unwrap_or_default()
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/// AP style: Sept., Oct., Nov. abbreviated; March to July spelled out.
const AP_MONTHS: [&str; 12] = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

fn weekday_name(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn month_day(d: NaiveDate) -> String {
    format!("{} {}", MONTHS[d.month0() as usize], d.day())
}

fn ap_date(d: NaiveDate) -> String {
    format!("{} {}", AP_MONTHS[d.month0() as usize], d.day())
}

const SMALL: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn with_commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

const CIVILIANS: &[&str] = &["civilians", "civilians", "people", "residents", "villagers", "civilians, including two children,"];
const SOLDIERS: &[&str] = &["servicemen", "soldiers", "troops", "servicemen"];
const WHEN_SAME_DAY: &[&str] = &["overnight", "this morning", "in the afternoon", "overnight"];

const QUOTES: &[&str] = &[
    "The ceasefire must be respected by both sides without any conditions",
    "We will not allow {P} to be turned into a target again",
    "There is no military solution to this conflict",
    "Our forces are responding only to attacks on {P}",
    "The shelling of {P} is a war crime, and those responsible will answer for it",
    "We are ready to return to the negotiating table as soon as the guns fall silent",
    "Civilians in {P} are paying the price for this war",
    "The humanitarian truce gives families a chance to recover the bodies of their loved ones",
    "We have liberated {P} and we will go further",
    "Nobody can take {P} from us",
    "The international community must condemn these attacks on peaceful residents",
    "Hospitals in {P} are running out of beds",
    "Russia is ready to send observers if both parties agree",
    "We call on all parties to stop targeting populated areas",
    "Talks in {C} were difficult, but they were necessary",
    "The situation on the front line remains tense",
    "Every day of fighting makes a lasting settlement harder",
    "We expect the mediators to act, not only to speak",
    "This is our land, and we will defend it",
    "The truce was broken within minutes",
];

const TITLES: &[&str] = &[
    "Shelling hits {P} as truce frays",
    "{P} counts its dead after night of rocket fire",
    "Fighting rages around {P} despite ceasefire",
    "Death toll rises in Nagorno-Karabakh fighting",
    "Armenia and Azerbaijan trade blame over attack on {P}",
    "Mediators in {C} push for new truce",
    "Residents of {P} shelter in basements as war enters another week",
    "Humanitarian ceasefire falters hours after taking effect",
    "Civilians flee {P} as front line moves",
    "Diplomats urge restraint as clashes spread to {P}",
    "{P} under fire: what we know",
    "Both sides claim gains near {P}",
];

const OUTLET_STYLES: usize = 5;

struct Writer<'a> {
    s: &'a Synth,
    rng: Rng,
    text: String,
}

/// What one article is about: its day and the names it has introduced.
struct Story {
    published: NaiveDate,
    /// Persons already named once (index into `persons`), with the last one named.
    named: Vec<usize>,
    last_person: Option<usize>,
    /// Paragraph variants already used that should not repeat (background, distractors, ...).
    used: Vec<(u8, usize)>,
}

impl Story {
    /// An unused variant of paragraph kind `kind` among `n`, marked used; `None` when all are.
    fn fresh(&mut self, rng: &mut Rng, kind: u8, n: usize) -> Option<usize> {
        let free: Vec<usize> = (0..n).filter(|v| !self.used.contains(&(kind, *v))).collect();
        let v = *free.get(rng.below(free.len()))?;
        self.used.push((kind, v));
        Some(v)
    }
}

impl Writer<'_> {
    fn spelling(&mut self, p: &PlaceInfo) -> String {
        // The display name half the time, otherwise an alias, so every spelling occurs;
        // spellings in other scripts (Cyrillic, Armenian, Arabic) are rarer in English text.
        if p.spellings.len() == 1 || self.rng.chance(50) {
            return p.spellings[0].clone();
        }
        let latin: Vec<&String> = p.spellings[1..].iter().filter(|x| has_letters_only_in_latin(x)).collect();
        if !latin.is_empty() && self.rng.chance(85) {
            return (*self.rng.pick(&latin)).clone();
        }
        let i = 1 + self.rng.below(p.spellings.len() - 1);
        p.spellings[i].clone()
    }

    fn place_on(&mut self, list_sel: u8) -> (String, Front) {
        let list = match list_sel {
            0 => &self.s.karabakh_side,
            1 => &self.s.azerbaijan_side,
            2 => &self.s.armenia_side,
            _ => &self.s.front,
        };
        let p = self.rng.pick(list).clone();
        (self.spelling(&p), p.front)
    }

    fn front_place(&mut self) -> (String, Front) {
        // Most fighting in and around Karabakh and in Azerbaijan's towns near the front.
        let r = self.rng.below(100);
        let sel = if r < 45 {
            0
        } else if r < 85 {
            1
        } else if r < 95 {
            2
        } else {
            3
        };
        self.place_on(sel)
    }

    fn capital(&mut self) -> String {
        let p = self.rng.pick(&self.s.capitals).clone();
        self.spelling(&p)
    }

    fn country(&mut self) -> String {
        let p = self.rng.pick(&self.s.countries).clone();
        self.spelling(&p)
    }

    fn region(&mut self) -> String {
        match self.s.region.clone() {
            Some(r) => self.spelling(&r),
            None => "the region".into(),
        }
    }

    fn number(&mut self, n: u64) -> String {
        match n {
            12 if self.rng.chance(20) => "a dozen".into(),
            0..=20 if self.rng.chance(60) => SMALL[n as usize].into(),
            21..=99 if self.rng.chance(30) => {
                let (t, u) = (n / 10, n % 10);
                if u == 0 { TENS[t as usize].into() } else { format!("{}-{}", TENS[t as usize], SMALL[u as usize]) }
            }
            _ => with_commas(n),
        }
    }

    fn hedge(&mut self) -> &'static str {
        const HEDGES: &[&str] = &[
            "",
            "",
            "",
            "at least ",
            "at least ",
            "more than ",
            "more than ",
            "about ",
            "up to ",
            "some ",
            "nearly ",
            "over ",
            "as many as ",
            "no fewer than ",
        ];
        HEDGES[self.rng.below(HEDGES.len())]
    }

    fn voice_of_side(&mut self, sides: &[&str], body: bool) -> usize {
        let list = if body { &self.s.bodies } else { &self.s.persons };
        let matching: Vec<usize> = (0..list.len()).filter(|&i| sides.contains(&list[i].side.as_str())).collect();
        if matching.is_empty() { self.rng.below(list.len()) } else { *self.rng.pick(&matching) }
    }

    fn claimant_for(&mut self, front: Front, story: &mut Story) -> String {
        let sides: &[&str] = match front {
            Front::Azerbaijan => &["Azerbaijan"],
            Front::Karabakh => &["Nagorno-Karabakh authorities", "Armenia"],
            Front::Armenia => &["Armenia"],
            Front::Elsewhere => &["UN", "ICRC", "NGO"],
        };
        if self.rng.chance(70) {
            let i = self.voice_of_side(sides, true);
            let v = &self.s.bodies[i];
            self.rng.pick(&v.first).clone()
        } else {
            let i = self.voice_of_side(sides, false);
            self.person_name(i, story)
        }
    }

    /// A person's name: full the first time, surname after, and remembered for pronouns.
    fn person_name(&mut self, i: usize, story: &mut Story) -> String {
        let v = &self.s.persons[i];
        let name = if story.named.contains(&i) { self.rng.pick(&v.again).clone() } else { self.rng.pick(&v.first).clone() };
        if !story.named.contains(&i) {
            story.named.push(i);
        }
        story.last_person = Some(i);
        name
    }

    fn event_day(&mut self, story: &Story) -> (NaiveDate, String) {
        let back = self.rng.range(0, 3);
        let day = story.published.checked_sub_days(Days::new(back)).unwrap_or(story.published).max(first_day());
        let back = (story.published - day).num_days();
        let phrase = match (back, self.rng.below(4)) {
            (0, 0) => self.rng.pick(WHEN_SAME_DAY).to_string(),
            (0, 1) => "on ".to_string() + weekday_name(day),
            (0, 2) => "earlier today".into(),
            (1, 0 | 1) => "yesterday".into(),
            (1, _) => "overnight".into(),
            (_, 0) => format!("on {}", month_day(day)),
            (_, 1) => format!("on {}", ap_date(day)),
            (_, _) => format!("on {}", weekday_name(day)),
        };
        (day, phrase)
    }

    fn quote_text(&mut self) -> String {
        let q = *self.rng.pick(QUOTES);
        let mut q = q.to_string();
        if q.contains("{P}") {
            let (p, _) = self.front_place();
            q = q.replace("{P}", &p);
        }
        if q.contains("{C}") {
            let c = self.capital();
            q = q.replace("{C}", &c);
        }
        q
    }

    fn marks(&mut self) -> (&'static str, &'static str) {
        if self.rng.chance(35) { ("“", "”") } else { ("\"", "\"") }
    }

    fn para(&mut self, p: String) {
        self.text.push_str(&p);
        self.text.push_str("\n\n");
    }

    fn article(&mut self) {
        let span = (last_day() - first_day()).num_days() as u64;
        let published = first_day().checked_add_days(Days::new(self.rng.range(0, span))).unwrap_or(first_day());
        let mut story = Story { published, named: Vec::new(), last_person: None, used: Vec::new() };
        let target = self.rng.range(MIN_BYTES as u64 + 200, MAX_BYTES as u64 - 1200) as usize;

        // Header line, title, dateline.
        let style = self.rng.below(OUTLET_STYLES);
        let dated_dateline = matches!(style, 0 | 1 | 3);
        if !dated_dateline || self.rng.chance(40) {
            self.text.push_str(&format!(" date {}\n", published.format("%Y-%m-%d")));
        }
        let title = self.title();
        self.text.push_str(&title);
        self.text.push_str("\n\n");
        let city = self.dateline_city();
        let dateline = match style {
            0 => format!("{}, {}, {} (AP) — ", city.0.to_uppercase(), city.1, ap_date(published)),
            1 => format!("{}, {}. /TASS/. ", city.0.to_uppercase(), month_day(published)),
            2 => format!("{} (Reuters) - ", city.0.to_uppercase()),
            3 => format!("{}, {}, {}, 2020 (AFP) - ", city.0.to_uppercase(), city.1, month_day(published)),
            _ => String::new(),
        };
        self.text.push_str(&dateline);
        let lead = self.incident(&mut story, true);
        self.para(lead);
        if style == 4 {
            // No header or dateline date may exist: give the text an absolute date to infer from.
            let p = format!(
                "The fighting on {}, {} {}, 2020, was among the heaviest since the war erupted on September 27.",
                weekday_name(published),
                MONTHS[published.month0() as usize],
                published.day()
            );
            self.para(p);
        }
        let mut n = 0;
        while self.text.len() < target {
            let p = match (n, self.rng.below(12)) {
                (0, _) | (_, 0..=2) => Some(self.quote_para(&mut story)),
                (_, 3 | 4) => Some(self.incident(&mut story, false)),
                (_, 5 | 6) => Some(self.toll(&mut story)),
                (_, 7) => self.distractor(&mut story),
                (_, 8) => self.truce(&mut story),
                (_, 9) => self.history(&mut story),
                (_, 10) => self.diplomacy(&mut story),
                _ => self.background(&mut story),
            };
            // Set pieces appear once per article; when used up, report another incident.
            let p = match p {
                Some(p) => p,
                None => self.incident(&mut story, false),
            };
            self.para(p);
            n += 1;
        }
        while self.text.ends_with('\n') {
            self.text.pop();
        }
        self.text.push('\n');
        if self.text.len() > MAX_BYTES {
            // Cut at the last paragraph end that keeps the article inside the limit.
            let cut = self.text[..MAX_BYTES].rfind("\n\n").unwrap_or(MAX_BYTES);
            self.text.truncate(cut);
            self.text.push('\n');
        }
    }

    fn title(&mut self) -> String {
        let t = *self.rng.pick(TITLES);
        let mut t = t.to_string();
        if t.contains("{P}") {
            let (p, _) = self.front_place();
            t = t.replace("{P}", &p);
        }
        if t.contains("{C}") {
            let c = self.capital();
            t = t.replace("{C}", &c);
        }
        t
    }

    fn dateline_city(&mut self) -> (String, String) {
        let options: &[(&str, &str)] = &[
            ("Baku", "Azerbaijan"),
            ("Baku", "Azerbaijan"),
            ("Yerevan", "Armenia"),
            ("Yerevan", "Armenia"),
            ("Moscow", "Russia"),
            ("Stepanakert", "Nagorno-Karabakh"),
            ("Ganja", "Azerbaijan"),
            ("Tbilisi", "Georgia"),
            ("Ankara", "Turkey"),
        ];
        let (c, k) = *self.rng.pick(options);
        (c.to_string(), k.to_string())
    }

    fn victims(&mut self, civilian: bool) -> &'static str {
        let list = if civilian { CIVILIANS } else { SOLDIERS };
        list[self.rng.below(list.len())]
    }

    fn figure(&mut self, lo: u64, hi: u64) -> (String, u64) {
        let n = self.rng.range(lo, hi);
        let h = self.hedge();
        (format!("{h}{}", self.number(n)), n)
    }

    fn incident(&mut self, story: &mut Story, lead: bool) -> String {
        let (place, front) = self.front_place();
        let claimant = self.claimant_for(front, story);
        let (_, when) = self.event_day(story);
        let civilian = self.rng.chance(65);
        let who = self.victims(civilian);
        let (k, _) = self.figure(2, 25);
        let (w, _) = self.figure(2, 60);
        let weapon =
            *self.rng.pick(&["shelling", "a rocket attack", "artillery fire", "a drone strike", "missile strikes", "cluster munitions"]);
        let first = match self.rng.below(7) {
            0 => format!("{} {who} were killed and {w} wounded in {place} {when}, {claimant} said.", capitalise(&k)),
            1 => format!("{} said {k} {who} had been killed by {weapon} on {place} {when}.", capitalise(&claimant)),
            2 => format!("{} on {place} {when} killed {k} {who} and wounded {w} others, according to {claimant}.", capitalise(weapon)),
            3 => format!("{} wrote on Twitter that {w} {who} were wounded in {place} {when}.", capitalise(&claimant)),
            4 => format!("{} {who} were injured when {weapon} hit {place} {when}, {claimant} said.", capitalise(&w)),
            5 => format!("{} reported that {k} {who} died in {place}'s outskirts {when}.", capitalise(&claimant)),
            _ => format!("{weapon} left {k} dead and {w} wounded in {place} {when}, {claimant} said.").replacen(
                weapon,
                &capitalise(weapon),
                1,
            ),
        };
        let mut p = first;
        if lead || self.rng.chance(50) {
            let second = match self.rng.below(4) {
                0 => format!(" Houses and a school were damaged in {place}, and residents spent the night in basements."),
                1 => {
                    let other = self.capital();
                    format!(
                        " The other side denied targeting civilians and said its forces were responding to fire from {place}, in a statement relayed from {other}."
                    )
                }
                2 => " Rescue workers were still searching the rubble hours later.".to_string(),
                _ => {
                    let r = self.region();
                    format!(" It was one of the deadliest single attacks since fighting over {r} erupted on Sept. 27.")
                }
            };
            p.push_str(&second);
        }
        p
    }

    fn toll(&mut self, story: &mut Story) -> String {
        let civilian = self.rng.chance(45);
        let front = *self.rng.pick(&[Front::Azerbaijan, Front::Karabakh, Front::Karabakh, Front::Armenia, Front::Elsewhere]);
        let claimant = self.claimant_for(front, story);
        let who = self.victims(civilian);
        let (k, _) = self.figure(40, 1400);
        let (w, _) = self.figure(100, 3000);
        let since = *self.rng.pick(&["since September 27", "since Sept. 27", "since the fighting began on Sept. 27", "so far", "to date"]);
        match self.rng.below(4) {
            0 => format!("{} said {k} {who} had been killed {since}.", capitalise(&claimant)),
            1 => format!("According to {claimant}, {k} {who} have been killed and {w} wounded {since}."),
            2 => format!("The death toll has risen to {k} {who} {since}, {claimant} said, adding that {w} others were wounded."),
            _ => format!(
                "{} said the war has killed {k} {who} {since}, a figure that could not be independently verified.",
                capitalise(&claimant)
            ),
        }
    }

    fn quote_para(&mut self, story: &mut Story) -> String {
        let sides: &[&str] = match self.rng.below(6) {
            0 | 1 => &["Azerbaijan"],
            2 | 3 => &["Armenia", "Nagorno-Karabakh authorities"],
            4 => &["Russia", "France", "United States", "Turkey", "Iran"],
            _ => &["UN", "ICRC", "EU"],
        };
        // Sometimes continue with the person named last, by pronoun.
        if let Some(last) = story.last_person
            && let Some(pron) = self.s.persons[last].pronoun
            && self.rng.chance(35)
        {
            let q = self.quote_text();
            let (o, c) = self.marks();
            return match self.rng.below(3) {
                0 => format!("{o}{q},{c} {pron} said."),
                1 => format!("{} said: {o}{q}.{c}", capitalise(pron)),
                _ => format!("{o}{q},{c} {pron} added."),
            };
        }
        let i = self.voice_of_side(sides, false);
        let x = self.person_name(i, story);
        let q = self.quote_text();
        let (o, c) = self.marks();
        let mut p = match self.rng.below(6) {
            0 | 1 => format!("{o}{q},{c} {x} said."),
            2 => format!("{x} said: {o}{q}.{c}"),
            3 => format!("{o}{q},{c} said {x}."),
            4 => {
                let place = self.capital();
                format!("{o}{q},{c} {x} told reporters in {place}.")
            }
            _ => format!("{x} wrote on Twitter: {o}{q}.{c}"),
        };
        if let Some(pron) = self.s.persons[i].pronoun
            && self.rng.chance(40)
        {
            let q2 = self.quote_text();
            let (o, c) = self.marks();
            if self.rng.chance(50) {
                p.push_str(&format!(" {o}{q2}.{c} {} said.", capitalise(pron)));
            } else {
                p.push_str(&format!(" {o}{q2},{c} {pron} added."));
            }
        }
        p
    }

    fn distractor(&mut self, story: &mut Story) -> Option<String> {
        let (place, _) = self.front_place();
        let v = story.fresh(&mut self.rng, 1, 6)?;
        Some(match v {
            0 => format!(
                "Human Rights Watch said the use of cluster munitions in {place} may violate the Geneva Conventions, which protect civilians in wartime."
            ),
            1 => {
                let c = self.country();
                format!(
                    "The OSCE Minsk Group, co-chaired by Russia, France and the United States, has mediated since the 1990s; {c} called on the Minsk Group co-chairs to convene without delay."
                )
            }
            2 => {
                let geneva = match self.s.geneva.clone() {
                    Some(g) => self.spelling(&g),
                    None => self.capital(),
                };
                format!(
                    "Foreign ministers met in {geneva} this week, and the Red Cross reminded both sides of their obligations under the Geneva Conventions."
                )
            }
            3 => format!(
                "As The Washington Post and The New York Times reported, satellite images show new trenches near {place}; the Moscow Times said 10 hours of talks produced only a short statement."
            ),
            4 => {
                let i = self.voice_of_side(&["Turkey", "Russia"], false);
                let x = self.person_name(i, story);
                format!("{x} denied reports that some 2,000 fighters from Syria had been sent to the region, calling them baseless.")
            }
            _ => format!(
                "Armenian and Azeri communities abroad staged rallies, and the Armenian National Committee of America urged sanctions over the attack on {place}."
            ),
        })
    }

    fn truce(&mut self, story: &mut Story) -> Option<String> {
        let v = story.fresh(&mut self.rng, 2, 3)?;
        let truces = [(10, "a Russia-brokered humanitarian ceasefire"), (18, "a new humanitarian truce"), (26, "a US-brokered ceasefire")];
        let past: Vec<&(u32, &str)> =
            truces.iter().filter(|(d, _)| NaiveDate::from_ymd_opt(2020, 10, *d).is_some_and(|t| t <= story.published)).collect();
        if past.is_empty() {
            story.used.extend([(2, 0), (2, 1), (2, 2)]);
            let c = self.capital();
            return Some(format!(
                "Diplomats in {c} said there was no sign yet of a ceasefire, and both sides reported heavy fighting along the front line."
            ));
        }
        let (d, what) = **self.rng.pick(&past);
        let day = NaiveDate::from_ymd_opt(2020, 10, d).unwrap_or(story.published);
        let (place, _) = self.front_place();
        Some(match v {
            0 => {
                format!("{} took effect at midnight on {}, but shelling of {place} resumed within hours.", capitalise(what), month_day(day))
            }
            1 => format!(
                "The Moscow-brokered deal entered into force at noon on {}, yet both sides accused each other of violating it near {place}.",
                ap_date(day)
            ),
            _ => format!("Since {} took effect on {}, each side has blamed the other for breaking it.", what, month_day(day)),
        })
    }

    fn history(&mut self, story: &mut Story) -> Option<String> {
        let r = self.region();
        let v = story.fresh(&mut self.rng, 3, 3)?;
        Some(match v {
            0 => format!(
                "{r} has been at the centre of the 1991-94 war that killed about 30,000 people and displaced hundreds of thousands."
            ),
            1 => format!(
                "The previous war over {r}, in the early 1990s, killed some 20,000 people and displaced about a million, most of them Azerbaijanis."
            ),
            _ => format!("Clashes in April 2016 killed about 200 people, the worst fighting over {r} before this year."),
        })
    }

    fn diplomacy(&mut self, story: &mut Story) -> Option<String> {
        story.fresh(&mut self.rng, 4, 2)?;
        let a = self.voice_of_side(&["Russia", "France", "United States", "Turkey", "Iran"], false);
        let b = self.voice_of_side(&["Azerbaijan", "Armenia"], false);
        let xa = self.person_name(a, story);
        let xb = self.person_name(b, story);
        let c = self.capital();
        let day = story.published.checked_sub_days(Days::new(self.rng.range(0, 2))).unwrap_or(story.published).max(first_day());
        Some(format!(
            "{xa} spoke by phone with {xb} on {}, and the two agreed to keep in contact. Talks in {c} are expected to resume next week.",
            weekday_name(day)
        ))
    }

    fn background(&mut self, story: &mut Story) -> Option<String> {
        let r = self.region();
        let (town, _) = self.place_on(0);
        let az = match self.s.azerbaijan.clone() {
            Some(a) => self.spelling(&a),
            None => self.country(),
        };
        let v = story.fresh(&mut self.rng, 5, 4)?;
        Some(match v {
            0 => format!(
                "{r} is internationally recognized as part of Azerbaijan but has been under the control of ethnic Armenian forces since 1994. {az} has said it will not accept a frozen conflict."
            ),
            1 => {
                let st = self.s.karabakh_side.first().cloned();
                match st {
                    Some(p) if p.spellings.len() > 2 => {
                        let a = p.spellings[0].clone();
                        let b = self.spelling(&p);
                        format!(
                            "The region's main city, {a} (known to Azerbaijanis as {b}), has been shelled almost daily; many of its residents have left for Yerevan."
                        )
                    }
                    _ => format!("Much of {town} has been emptied of residents."),
                }
            }
            2 => format!("Roads between {town} and the rest of {r} are cut at night, and power has been out for days."),
            _ => format!(
                "Turkey has backed Azerbaijan, while Russia has a defence pact with Armenia but not with {az}, which complicates mediation over {r}."
            ),
        })
    }
}

/// What [`write_corpus`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Old `synth_*` files removed because the new corpus is smaller.
    pub removed: usize,
}

/// File name of article `index` (1-based): `synth_000001.txt`.
pub fn file_name(index: usize) -> String {
    format!("synth_{index:06}.txt")
}

/// The `n` articles [`write_corpus`] writes for `seed`, as documents in memory (ids
/// `synth_000001`…, paths their file names): for benchmarks and tests that leave the disk out.
pub fn documents(synth: &Synth, n: usize, seed: u64) -> Vec<crate::corpus::Document> {
    (1..=n)
        .map(|i| {
            let path = file_name(i);
            crate::corpus::Document {
                id: path.trim_end_matches(".txt").to_owned(),
                path,
                text: synth.article(seed, i as u64),
                ..Default::default()
            }
        })
        .collect()
}

/// Write `n` articles for `seed` into `dir` as `synth_000001.txt` ... The folder is created;
/// an existing folder may hold only earlier `synth_*` files (stale ones are removed), so a
/// typo can never scatter files into, or delete from, a folder of real articles.
pub fn write_corpus(synth: &Synth, dir: &Path, n: usize, seed: u64) -> Result<Summary, Error> {
    use rayon::prelude::*;
    let io = |path: &Path, source: std::io::Error| Error::Io { path: path.to_path_buf(), source };
    let mut stale: Vec<PathBuf> = Vec::new();
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => return Err(Error::Usage(format!("{} exists and is not a folder", dir.display()))),
        Ok(_) => {
            let mut foreign = Vec::new();
            for e in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
                let e = e.map_err(|e| io(dir, e))?;
                let name = e.file_name().to_string_lossy().to_string();
                let is_file = e.file_type().map(|t| t.is_file()).unwrap_or(false);
                if is_file && name.starts_with("synth_") {
                    stale.push(e.path());
                } else {
                    foreign.push(name);
                }
            }
            if !foreign.is_empty() {
                foreign.sort();
                let shown: Vec<&str> = foreign.iter().take(3).map(String::as_str).collect();
                return Err(Error::Usage(format!(
                    "refusing to write into {}: it holds {} entr{} not made by `dateline synth` ({}{}); choose an empty or new folder",
                    dir.display(),
                    foreign.len(),
                    if foreign.len() == 1 { "y" } else { "ies" },
                    shown.join(", "),
                    if foreign.len() > 3 { ", ..." } else { "" }
                )));
            }
        }
        Err(_) => std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?,
    }
    let bytes: Result<Vec<u64>, Error> = (1..=n)
        .into_par_iter()
        .map(|i| {
            let text = synth.article(seed, i as u64);
            let path = dir.join(file_name(i));
            std::fs::write(&path, text.as_bytes()).map_err(|e| io(&path, e))?;
            Ok(text.len() as u64)
        })
        .collect();
    let bytes = bytes?.into_iter().sum();
    let keep: std::collections::HashSet<String> = (1..=n).map(file_name).collect();
    let mut removed = 0;
    for p in stale {
        if !p.file_name().is_some_and(|f| keep.contains(f.to_string_lossy().as_ref())) {
            std::fs::remove_file(&p).map_err(|e| io(&p, e))?;
            removed += 1;
        }
    }
    Ok(Summary { files: n, bytes, removed })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_spread() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..8).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..8).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        let mut counts = [0usize; 10];
        let mut r = Rng::new(1);
        for _ in 0..10_000 {
            counts[r.below(10)] += 1;
        }
        assert!(counts.iter().all(|&c| (800..1200).contains(&c)), "{counts:?}");
    }

    #[test]
    fn numbers_have_commas() {
        assert_eq!(with_commas(1165), "1,165");
        assert_eq!(with_commas(30000), "30,000");
        assert_eq!(with_commas(999), "999");
        assert_eq!(with_commas(1_000_000), "1,000,000");
    }

    #[test]
    fn articles_are_within_size_and_date_limits() -> Result<(), Error> {
        let s = Synth::embedded()?;
        for i in 1..=200 {
            let t = s.article(42, i);
            assert!((MIN_BYTES..=MAX_BYTES).contains(&t.len()), "article {i}: {} bytes", t.len());
            assert!(!t.contains("{P}") && !t.contains("{C}"), "article {i} has an unfilled slot");
        }
        Ok(())
    }
}
