//! Casualty-claim regressions found by a probe of articles written in the styles of other
//! outlets (AP, Reuters, BBC, Al Jazeera, Guardian live blogs, TASS, Azertac, Armenpress,
//! Eurasianet, HRW). Each test holds cases misread before the fix it is named after; cases
//! marked "guard" were already right and keep the fix from going too far.

mod common;
use common::run;
use dateline::model::{Category, Claim, Hedge, Scope};

/// (killed, wounded, hedge, scope) of a claim.
type Fig = (Option<u64>, Option<u64>, Hedge, Scope);

fn fig(c: &Claim) -> Fig {
    (c.killed, c.wounded, c.hedge, c.scope)
}

fn check_figures(cases: &[(&str, &[Fig])]) {
    for (text, want) in cases {
        let x = run(text, Some("2020-10-14"));
        let got: Vec<Fig> = x.claims.iter().map(fig).collect();
        assert_eq!(got, *want, "in {text:?}");
    }
}

const E: Hedge = Hedge::Exact;
const I: Scope = Scope::Incident;
const T: Scope = Scope::Toll;

#[test]
fn headline_figures_are_counted_once() {
    // (text, claims as (killed, wounded, sentence starts with))
    type Want<'a> = &'a [(Option<u64>, Option<u64>, &'a str)];
    let cases: &[(&str, Want)] = &[
        // An AP-style title restated by the lead: one claim, the lead's, which keeps the
        // claimant and takes the title's place.
        (
            "Shelling kills 7 in Ganja as truce falters\n\nBAKU, Azerbaijan (AP) — Seven people were killed overnight, the ministry said on Sunday.",
            &[(Some(7), None, "BAKU")],
        ),
        // Guard: a figure only the headline gives stays.
        (
            "Strike on Barda kills 21 civilians\n\nThe attack hit a crowded street on Wednesday, officials said.",
            &[(Some(21), None, "Strike")],
        ),
        // Guard: a headline figure that differs from the body's is another claim.
        (
            "Azerbaijan says 12 civilians killed in Barda\n\nAzerbaijan's foreign ministry said 14 civilians were killed in Barda.",
            &[(Some(12), None, "Azerbaijan says"), (Some(14), None, "Azerbaijan's")],
        ),
        // Guardian-style live blog: each subheading is restated by the entry under it.
        (
            "Nagorno-Karabakh conflict: live updates\n\n13.05 BST\nAzerbaijan says 12 civilians killed in Barda\n\nAzerbaijan's foreign ministry said 12 civilians were killed and 40 wounded in a rocket strike on Barda.\n\n14.20 BST\nThree killed in Martuni\n\nThe shelling hit Martuni, killing three people, the local ombudsman said.",
            &[(Some(12), Some(40), "Azerbaijan's"), (Some(3), None, "The shelling")],
        ),
        // Key points in a list, restated below them.
        (
            "Karabakh fighting: what we know\n\n- 7 killed in Ganja\n- 3 soldiers killed near Fizuli\n\nSeven civilians were killed in Ganja overnight, the ministry said. Three soldiers died near Fizuli, Baku said.",
            &[(Some(7), None, "Seven"), (Some(3), None, "Three")],
        ),
        // A title repeated as the first line of the text, with no restatement below.
        ("Shelling kills 7 in Ganja\n\nShelling kills 7 in Ganja\n\nThe city was hit overnight.", &[(Some(7), None, "Shelling")]),
        // A live blog's key point at the top, restated by an entry's subheading far below.
        (
            "Karabakh live\n\n- 12 civilians killed in Barda\n\n10.00 GMT\nTalks resume in Moscow\n\nDiplomats met again.\n\n13.05 GMT\n12 civilians killed in Barda\n\nThe prosecutor's office said 12 civilians were killed in Barda.",
            &[(Some(12), None, "The prosecutor")],
        ),
        // Guard: lines of hard-wrapped text are no headings.
        (
            "Report\n\nAzerbaijan said 7 people were killed in Ganja on\nSunday. The ministry later said 7 people were killed in Ganja, citing\nhospital records.",
            &[(Some(7), None, "Azerbaijan said"), (Some(7), None, "The ministry")],
        ),
        // Guard: same figure, other victims: not the same claim.
        (
            "Five soldiers killed near Fizuli\n\nFive civilians were killed in Tartar, the prosecutor's office said.",
            &[(Some(5), None, "Five soldiers"), (Some(5), None, "Five civilians")],
        ),
        // A toll headline ("death toll climbs to 84") restated as a toll.
        (
            "Karabakh death toll climbs to 84\n\nThe civilian death toll rose to 84 on Monday, the ombudsman said.",
            &[(Some(84), None, "The civilian")],
        ),
    ];
    for (text, want) in cases {
        let x = run(text, Some("2020-10-11"));
        let got: Vec<(Option<u64>, Option<u64>, bool)> = x.claims.iter().map(|c| (c.killed, c.wounded, true)).collect();
        assert_eq!(got.len(), want.len(), "in {text:?}: {:?}", x.claims.iter().map(|c| &c.sentence).collect::<Vec<_>>());
        for (c, (k, w, opens)) in x.claims.iter().zip(want.iter()) {
            assert_eq!((c.killed, c.wounded), (*k, *w), "in {text:?}");
            assert!(c.sentence.starts_with(opens), "{:?} should open with {opens:?}", c.sentence);
        }
    }
    // The merged claim keeps the body's claimant and takes the headline's place and category.
    let x = run(
        "Shelling kills 7 civilians in Ganja\n\nSeven people were killed overnight, Azerbaijan's foreign ministry said.",
        Some("2020-10-11"),
    );
    assert_eq!(x.claims.len(), 1);
    let c = &x.claims[0];
    assert_eq!(c.claimant.as_deref(), Some("Azerbaijan's foreign ministry"));
    assert_eq!(c.place.as_deref(), Some("ganja"));
    assert_eq!(c.category, Category::Civilian);
}

#[test]
fn increments_are_incidents_not_tolls() {
    check_figures(&[
        // Guard: an increment before a "bringing the toll to" clause was already right.
        (
            "Azerbaijan said another 12 servicemen were killed, bringing the toll since September 27 to 92.",
            &[(Some(12), None, E, I), (Some(92), None, E, T)],
        ),
        ("A further 30 deaths were recorded so far this week by the health ministry.", &[(Some(30), None, E, I)]),
        (
            "Armenia's defence ministry said 43 more names were added to the list of dead soldiers, bringing the military toll to 772.",
            &[(Some(43), None, E, I), (Some(772), None, E, T)],
        ),
        ("An additional 5 civilians have died in hospital, the health ministry said.", &[(Some(5), None, E, I)]),
        ("The ministry refilled the list of dead Armenian soldiers, adding 96 more names to it.", &[(Some(96), None, E, I)]),
        // A hedge before the increment word.
        ("The strike on Barda wounded at least another 70 people, the prosecutor said.", &[(None, Some(70), Hedge::AtLeast, I)]),
        ("The ministry reported 17 new deaths in total among its soldiers.", &[(Some(17), None, E, I)]),
    ]);
}

#[test]
fn earlier_totals_are_tolls() {
    check_figures(&[
        ("The ministry had reported 729 killed on Friday, up from 710 on Monday.", &[(Some(729), None, E, T), (Some(710), None, E, T)]),
        ("The toll now stands at 84, up from 71 a day earlier.", &[(Some(84), None, E, T), (Some(71), None, E, T)]),
        ("The ombudsman said the civilian death toll rose to 65 from 60.", &[(Some(65), None, E, T), (Some(60), None, E, T)]),
        ("Officials said the number of dead rose from 700 to 729.", &[(Some(700), None, E, T), (Some(729), None, E, T)]),
        // Guard: a toll word already made it a toll.
        ("Armenian officials had previously put the toll at 540 servicemen killed.", &[(Some(540), None, E, T)]),
    ]);
    // Guards: a range of days, and a figure "from" something else, are no earlier totals.
    check_figures(&[
        ("12 people were killed in attacks from 1 to 5 October, the ministry said.", &[(Some(12), None, E, I)]),
        ("Officials evacuated 300 people from 12 villages after 5 civilians were killed.", &[(Some(5), None, E, I)]),
    ]);
    // The earlier total is dated by the day named after it.
    let x = run("The ministry had reported 729 killed on Friday, up from 710 on Monday.", Some("2020-10-17"));
    let dates: Vec<String> = x.claims.iter().map(|c| c.date.map(|d| d.to_string()).unwrap_or_default()).collect();
    assert_eq!(dates, ["2020-10-16", "2020-10-12"]);
    // Guard: an earlier report of one strike is still an incident.
    check_figures(&[("Baku had reported 3 killed in the strike on Tartar.", &[(Some(3), None, E, I)])]);
}

#[test]
fn vague_figures_carry_their_hedge() {
    check_figures(&[
        ("A dozen civilians were killed in Tartar, the prosecutor's office said.", &[(Some(12), None, Hedge::About, I)]),
        ("Half a dozen civilians were wounded in Barda, the mayor said.", &[(None, Some(6), Hedge::About, I)]),
        ("Two dozen soldiers were killed near Jabrayil, the ministry said.", &[(Some(24), None, Hedge::About, I)]),
        ("Dozens of people were killed in the attack, the Armenian side said.", &[(Some(24), None, Hedge::AtLeast, I)]),
        ("Hundreds of soldiers were wounded in the assault, Baku said.", &[(None, Some(200), Hedge::AtLeast, I)]),
        ("Scores of civilians have been killed since the fighting began, Human Rights Watch said.", &[(Some(40), None, Hedge::AtLeast, T)]),
        (
            "Tens of thousands of people were killed in the war of the early 1990s.",
            &[(Some(20_000), None, Hedge::AtLeast, Scope::Historical)],
        ),
        // Guards: a hedge word before a vague figure wins.
        ("More than a dozen people were killed in the strike.", &[(Some(12), None, Hedge::MoreThan, I)]),
        ("At least a dozen people were killed in the strike.", &[(Some(12), None, Hedge::AtLeast, I)]),
        // Guard: "scores" alone is not a number.
        ("Both sides settled scores as 5 soldiers were killed.", &[(Some(5), None, E, I)]),
    ]);
}

#[test]
fn casualties_without_killed_or_wounded_are_not_claims() {
    // "casualties" mixes the dead and the wounded: the output has no field for that figure,
    // so it is not read as either.
    check_figures(&[
        // Guard: never read as killed.
        ("The number of military casualties has risen to 1,165, the ministry said.", &[]),
        ("The casualty toll rose to 50, the ministry said.", &[]),
        // Guard.
        ("Azerbaijan has not disclosed its military casualties, but says 60 civilians were killed.", &[(Some(60), None, E, I)]),
        // Guard: a running total of casualties that names no deaths is no claim either.
        ("The ministry recorded another 40 casualties among its military, bringing the total to 729.", &[]),
    ]);
}

#[test]
fn casualties_added_to_a_death_toll_are_deaths() {
    // The sentence's own sum says what they are: the 40 raise the death toll, so they died.
    check_figures(&[
        (
            "Armenia's defence ministry recorded another 40 casualties among its military, pushing the military death toll to 729.",
            &[(Some(40), None, E, I), (Some(729), None, E, T)],
        ),
        (
            "Ukraine's military said Russia had suffered 1,200 more casualties, taking the number of dead to 50,000.",
            &[(Some(1200), None, E, I), (Some(50_000), None, E, T)],
        ),
        // Guard: casualties that raise a casualty toll are still dead and wounded together.
        ("Officials reported 30 more casualties, raising the casualty toll to 400.", &[]),
    ]);
    let x = run(
        "Armenia's defence ministry recorded another 40 casualties among its military, pushing the military death toll to 729.",
        Some("2020-10-14"),
    );
    let got: Vec<_> = x.claims.iter().map(|c| (c.category, c.claimant.as_deref())).collect();
    let who = Some("Armenia's defence ministry");
    assert_eq!(got, [(Category::Military, who), (Category::Military, who)]);
}

#[test]
fn victims_a_source_said_were_killed() {
    check_figures(&[
        ("The ministry published the names and ages of 21 people it said were killed in the shelling.", &[(Some(21), None, E, I)]),
        ("Medics treated 14 civilians they said were wounded by cluster munitions.", &[(None, Some(14), E, I)]),
        // Guard: a figure of something else before "it said".
        ("The army destroyed 12 tanks it said were used in the attack that killed 3 soldiers.", &[(Some(3), None, E, I)]),
    ]);
    let x = run("The ministry published the names and ages of 21 people it said were killed in the shelling.", Some("2020-10-14"));
    assert_eq!(x.claims[0].claimant.as_deref(), Some("The ministry"));
}

#[test]
fn the_past_perfect_without_an_event_is_a_toll() {
    // "said 729 had died" is "says 729 have died" reported in the past: a running total.
    check_figures(&[
        ("The defence ministry said 729 servicemen had died.", &[(Some(729), None, E, T)]),
        ("Health officials said 1,400 people had been killed, most of them civilians.", &[(Some(1400), None, E, T)]),
        // Guards: an event named in the sentence keeps it an incident.
        ("12 people died when a shell hit the market.", &[(Some(12), None, E, I)]),
        ("Police said 4 people had died when a shell hit the market.", &[(Some(4), None, E, I)]),
        ("Officials said 3 civilians had been killed in the shelling of Tartar.", &[(Some(3), None, E, I)]),
        ("The ministry said on Tuesday that 5 soldiers had died near Fizuli.", &[(Some(5), None, E, I)]),
    ]);
}

#[test]
fn long_claimants_are_kept_whole() {
    let cases: &[(&str, &str)] = &[
        (
            "The Prosecutor General's Office of the Republic of Azerbaijan said that 12 civilians were killed in Tartar.",
            "The Prosecutor General's Office of the Republic of Azerbaijan",
        ),
        (
            "The Ministry of Defence of the self-proclaimed Nagorno-Karabakh Republic said on Tuesday that 40 servicemen were killed.",
            "The Ministry of Defence of the self-proclaimed Nagorno-Karabakh Republic",
        ),
        (
            "The Defense Ministry of the unrecognized Nagorno-Karabakh Republic said 1,165 servicemen have lost their lives since September 27.",
            "The Defense Ministry of the unrecognized Nagorno-Karabakh Republic",
        ),
    ];
    for (text, want) in cases {
        let x = run(text, Some("2020-10-14"));
        assert_eq!(x.claims.len(), 1, "in {text:?}");
        assert_eq!(x.claims[0].claimant.as_deref(), Some(*want), "in {text:?}");
    }
    // After "according to", the office, not the country named at its end.
    let cases: &[(&str, &str)] = &[
        (
            "According to the Prosecutor General's Office of the Republic of Azerbaijan, 12 civilians were killed.",
            "The Prosecutor General's Office of the Republic of Azerbaijan",
        ),
        // Guard: a country alone is the source.
        ("According to Azerbaijan, 4 soldiers were killed.", "Azerbaijan"),
    ];
    for (text, want) in cases {
        let x = run(text, Some("2020-10-14"));
        assert_eq!(x.claims.len(), 1, "in {text:?}");
        assert_eq!(x.claims[0].claimant.as_deref(), Some(*want), "in {text:?}");
    }
    // A source "of" a country is of its side; one "in" a country need not be.
    let sides = |text: &str| run(text, None).claims.iter().map(|c| c.claimant_side.as_deref().map(str::to_string)).collect::<Vec<_>>();
    assert_eq!(sides(cases[0].0), [Some("Azerbaijan".to_string())]);
    assert_eq!(sides("Doctors in a hospital in Armenia's south said 3 civilians were killed."), [None]);
    // A passive verb ("were added", "was reported") has no speaker before it.
    let x = run("Armenian officials said 43 more names were added to the list of dead soldiers, bringing the toll to 772.", None);
    assert!(x.claims.iter().all(|c| c.claimant.as_deref() == Some("Armenian officials")), "{:?}", x.claims);
}

#[test]
fn other_outlets_phrasings() {
    check_figures(&[
        ("Azerbaijan said 16 soldiers lost their lives in the clashes.", &[(Some(16), None, E, I)]),
        ("According to the ministry, twenty-one servicemen have lost their lives since September 27.", &[(Some(21), None, E, T)]),
        ("Azertac reported that 2,783 servicemen were martyred since the start of the war.", &[(Some(2783), None, E, T)]),
        ("The ministry published the names of 30 fallen servicemen.", &[(Some(30), None, E, I)]),
        // (Read where another casualty word stands: "bodies" alone does not make a sentence
        // worth reading, it is too common.)
        ("Rescuers recovered the bodies of 30 soldiers after the battle in which many were killed.", &[(Some(30), None, E, I)]),
        // Guard: bodies that are not people's.
        ("The two bodies of the UN said 5 civilians were killed.", &[(Some(5), None, E, I)]),
        // A list of victims of one verb: other victims are another claim.
        (
            "The war has already killed more than 600 soldiers, scores of civilians and an unknown number of Azerbaijanis.",
            &[(Some(600), None, Hedge::MoreThan, T), (Some(40), None, Hedge::AtLeast, T)],
        ),
        // Guard: a breakdown of the same victims is not.
        ("The strike killed 14 people, 3 soldiers and 11 civilians, officials said.", &[(Some(14), None, E, I)]),
        ("The fighting has involved drones and artillery, killing hundreds since September 27.", &[(Some(200), None, Hedge::AtLeast, T)]),
    ]);
}

#[test]
fn revised_and_war_long_totals_are_tolls() {
    check_figures(&[
        (
            "Armenia said 2,317 of its troops were killed in the six-week war, later revising the figure to 3,773.",
            &[(Some(2317), None, E, T), (Some(3773), None, E, T)],
        ),
        ("Some 2,900 Azerbaijani servicemen were killed during the conflict, the ministry said.", &[(Some(2900), None, Hedge::About, T)]),
    ]);
}

#[test]
fn wire_datelines_with_a_date_are_not_the_place() {
    let x = run("BAKU, Oct. 28 (Reuters) - At least 21 people were killed when a missile hit the town of Barda, Azerbaijan said.", None);
    assert_eq!(x.claims.len(), 1);
    assert_eq!(x.claims[0].place.as_deref(), Some("barda"));
}

#[test]
fn a_figure_inside_a_quote_is_not_the_sentence_subjects() {
    // The words of the quotation are not a claimant; the quote's speaker is, when known.
    let x = run("\"Four people were killed, including a child,\" said the head of the district.", None);
    assert_eq!(x.claims.len(), 1);
    assert!(x.claims[0].claimant.as_deref().is_none_or(|c| !c.contains("killed")), "{:?}", x.claims[0].claimant);
}

#[test]
fn counts_that_grow_and_recorded_counts_are_tolls() {
    check_figures(&[
        ("The number of killed Armenian servicemen has risen to 1,068, TASS reported.", &[(Some(1068), None, E, T)]),
        ("The number of civilians killed by Armenian attacks has reached 91, the prosecutor's office said.", &[(Some(91), None, E, T)]),
        ("The Armenian side has recorded 1,177 military deaths.", &[(Some(1177), None, E, T)]),
        // Guard: a recorded count of one strike is an incident.
        ("Azerbaijan has recorded 3 civilians killed in the strike on Tartar.", &[(Some(3), None, E, I)]),
    ]);
}

#[test]
fn killed_and_wounded_joined_by_a_comma_are_one_claim() {
    check_figures(&[(
        "As a result of the missile attack on Ganja city, 10 civilians were killed, 34 were injured.",
        &[(Some(10), Some(34), E, I)],
    )]);
}

#[test]
fn tens_and_units_written_apart() {
    check_figures(&[("Twenty one soldiers were killed near Hadrut, the ministry said.", &[(Some(21), None, E, I)])]);
}

#[test]
fn a_range_of_figures_gives_its_lower_bound() {
    check_figures(&[
        ("Between 10 and 15 civilians were killed in the strike, officials said.", &[(Some(10), None, Hedge::AtLeast, I)]),
        ("The shelling left between 20 and 30 people wounded.", &[(None, Some(20), Hedge::AtLeast, I)]),
    ]);
}

#[test]
fn more_shapes_of_victims_and_headlines() {
    check_figures(&[
        ("Nine people, mostly civilians, were killed in the strike.", &[(Some(9), None, E, I)]),
        (
            "Fifteen Azerbaijani soldiers and 10 civilians were killed, the ministry said.",
            &[(Some(15), None, E, I), (Some(10), None, E, I)],
        ),
        ("Armenia's army said it had destroyed 50 enemy soldiers near Jabrayil.", &[(Some(50), None, E, I)]),
        // Guard: destroyed things are no victims.
        ("The army said it had destroyed 12 tanks and killed 5 soldiers.", &[(Some(5), None, E, I)]),
    ]);
    for (text, want) in [
        ("Death toll hits 100 in Karabakh fighting\n\nThe city was shelled.", (Some(100), None, E, T)),
        ("Death toll reaches 100 as fighting rages\n\nThe city was shelled.", (Some(100), None, E, T)),
        ("Karabakh death toll tops 1,000\n\nThe city was shelled.", (Some(1000), None, Hedge::MoreThan, T)),
        ("Death toll nears 100 in Karabakh\n\nThe city was shelled.", (Some(100), None, Hedge::About, T)),
        ("Toll passes 500 as shelling continues\n\nThe city was shelled.", (Some(500), None, Hedge::MoreThan, T)),
    ] {
        let x = run(text, Some("2020-10-14"));
        assert_eq!(x.claims.iter().map(fig).collect::<Vec<_>>(), [want], "in {text:?}");
    }
}

#[test]
fn no_one_killed_is_no_claim() {
    check_figures(&[
        ("A further 12 buildings were destroyed in the shelling, but no one was killed.", &[]),
        // Guard: an increment of things is no claim either.
        ("Azerbaijan said it had captured another 5 villages and downed 3 more drones.", &[]),
    ]);
}

#[test]
fn other_wars_figures() {
    check_figures(&[
        // A day of the month is no figure ("October 7 killed").
        (
            "The Hamas-led attack on October 7 killed about 1,139 people, according to an Al Jazeera tally.",
            &[(Some(1139), None, Hedge::About, I)],
        ),
        ("On 12 October 5 soldiers were killed near the border.", &[(Some(5), None, E, I)]),
        // Guard: "may" is no month here.
        ("Officials fear 30 may have been killed in the blast.", &[(Some(30), None, E, I)]),
        // A place or a force named inside the victims' phrase.
        ("12 people in Ganja were killed, officials said.", &[(Some(12), None, E, I)]),
        // The count of one day ("since dawn") is not a running toll.
        (
            "Israeli air strikes have killed at least 42 Palestinians since dawn, medical sources said.",
            &[(Some(42), None, Hedge::AtLeast, I)],
        ),
        ("Russian shelling has killed 7 civilians since this morning, the governor said.", &[(Some(7), None, E, I)]),
        // Guard: since a day of the war is a toll.
        ("Israeli strikes have killed 33,000 Palestinians since October 7, the ministry said.", &[(Some(33_000), None, E, T)]),
        // "the number killed" without "of".
        (
            "Doctors said 2 children died of their wounds overnight, bringing the number killed in the city this week to 31.",
            &[(Some(2), None, E, I), (Some(31), None, E, T)],
        ),
    ]);
    // The year a war began, in a sentence that counts its dead up to now, is no earlier war.
    for text in [
        "The war, which erupted in April 2023, has killed tens of thousands of people, according to the United Nations.",
        "The conflict that began in 2014 has claimed more than 14,000 lives.",
    ] {
        let x = run(text, Some("2025-04-13"));
        assert_eq!(x.claims.iter().map(|c| c.scope).collect::<Vec<_>>(), [T], "in {text:?}");
    }
    // A past year opening the sentence, or a range of past years, makes the count history.
    for text in [
        "In 2014, more than 300 people were killed in the fighting.",
        "HRW documented 23 attacks that killed 140 civilians between 2015 and 2018.",
        "Between 2014 and 2022, the conflict in Donbas killed more than 14,000 people.",
    ] {
        let x = run(text, Some("2024-03-01"));
        assert_eq!(x.claims.iter().map(|c| c.scope).collect::<Vec<_>>(), [Scope::Historical], "in {text:?}");
    }
    // Guards: a count since a year, or opened by "Since", runs up to now.
    for text in
        ["Since 2014, the conflict has killed more than 14,000 people, the UN said.", "The fighting has killed 300 people since 2014."]
    {
        let x = run(text, Some("2024-03-01"));
        assert_eq!(x.claims.iter().map(|c| c.scope).collect::<Vec<_>>(), [T], "in {text:?}");
    }
    // Guard: a war of a past year, told in the past, is history.
    let x = run("The war of 2016 killed 200 soldiers in four days.", Some("2020-10-14"));
    assert_eq!(x.claims.iter().map(|c| c.scope).collect::<Vec<_>>(), [Scope::Historical]);
    // Victims of a force named in capitals keep their kind.
    let x = run("The Sudanese army said it had killed scores of RSF fighters.", Some("2025-04-13"));
    assert_eq!(x.claims.iter().map(|c| c.category).collect::<Vec<_>>(), [Category::Military]);
}

#[test]
fn other_wars_claimants() {
    // (text, claimant of its one claim)
    let cases: &[(&str, &str)] = &[
        // The one told is no claimant.
        ("Israeli air strikes killed at least 42 Palestinians, medical sources told Al Jazeera.", "medical sources"),
        // A place after "in" is no subject.
        (
            "The bodies of 14 people were recovered from a building in Khan Younis, the civil defence agency said.",
            "The civil defence agency",
        ),
        ("The fighting claimed the lives of 8 civilians in El Fasher on Friday, a medical source said.", "A medical source"),
        ("The attack also left 200 others injured, the activists said.", "The activists"),
        // A tally's source, not the words describing it.
        (
            "The attack killed about 1,139 people, according to an Al Jazeera tally based on official Israeli statistics.",
            "An Al Jazeera tally",
        ),
    ];
    for (text, want) in cases {
        let x = run(text, Some("2024-04-13"));
        assert_eq!(x.claims.len(), 1, "in {text:?}");
        assert_eq!(x.claims[0].claimant.as_deref(), Some(*want), "in {text:?}");
    }
}

#[test]
fn victims_of_other_wars_are_named() {
    check_figures(&[
        ("Five policemen were killed in the ambush.", &[(Some(5), None, E, I)]),
        ("Four aid workers were killed when their convoy was hit.", &[(Some(4), None, E, I)]),
        ("Twelve worshippers were wounded in the blast at the mosque.", &[(None, Some(12), E, I)]),
        ("The army said 30 rebels were killed in the fighting.", &[(Some(30), None, E, I)]),
    ]);
    let cats = |text: &str| run(text, Some("2024-04-13")).claims.iter().map(|c| c.category).collect::<Vec<_>>();
    assert_eq!(cats("Four aid workers were killed when their convoy was hit."), [Category::Civilian]);
    assert_eq!(cats("The army said 30 rebels were killed in the fighting."), [Category::Military]);
    assert_eq!(cats("Five policemen were killed in the ambush."), [Category::Unspecified]);
}

/// Greedy word wrap of every paragraph (blank-line separated) after the title, as wire feeds,
/// newsletters and `fmt` write it.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut paragraphs = text.split("\n\n");
    let mut out = vec![paragraphs.next().unwrap_or_default().to_string()];
    for p in paragraphs {
        let mut lines: Vec<String> = vec![String::new()];
        for w in p.split_whitespace() {
            let last = lines.last_mut().unwrap_or_else(|| unreachable!());
            if !last.is_empty() && last.chars().count() + 1 + w.chars().count() > width {
                lines.push(w.to_string());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(w);
            }
        }
        out.push(lines.join("\n"));
    }
    out.join("\n\n")
}

/// Claims, quotes and place mentions as a reader sees them (no offsets).
fn readings(x: &dateline::model::Extraction) -> Vec<String> {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let claims = x.claims.iter().map(|c| {
        format!(
            "claim {:?} {:?} {:?} {:?} {:?} {:?} {:?} {}",
            c.killed,
            c.wounded,
            c.hedge,
            c.scope,
            c.claimant,
            c.place,
            c.date,
            flat(&c.sentence)
        )
    });
    let quotes = x.quotes.iter().map(|q| format!("quote {:?} {:?} {:?} {}", q.speaker, q.date, q.places, q.text));
    let mentions = x.mentions.iter().map(|m| format!("mention {} {} {:?}", m.place, flat(&m.text), m.date));
    claims.chain(quotes).chain(mentions).collect()
}

/// The wire story of the hard-wrapped tests, one paragraph per line.
const WIRE_STORY: &str = "Azerbaijan says 13 killed in Ganja strike as truce frays\n\nBy Nailia Bagirova\n\nBAKU, Oct 17 (Reuters) - A missile strike on Azerbaijan's second city of Ganja killed 13 civilians and wounded more than 50 overnight, Azerbaijan's prosecutor general's office said on Saturday, a week after a Russian-brokered ceasefire.\n\n\"This is a deliberate attack on a residential area while people were sleeping,\" said Hikmet Hajiyev, an aide to President Ilham Aliyev. \"Armenia will bear responsibility for it.\"\n\nArmenia's defence ministry denied firing at Ganja. Shushan Stepanyan, a ministry spokeswoman, said Azerbaijani forces had shelled Stepanakert and that at least 10 civilians had been killed there since the fighting began.\n\nNagorno-Karabakh's ombudsman Artak Beglaryan said on Friday that the death toll among civilians in the enclave had risen to 36.";

#[test]
fn hard_wrapped_text_reads_as_unwrapped() {
    // As a wire feed saves it: wrapped at 70 columns. The first claim's figure and its
    // claimant, the quote and its speaker, and the last claim's toll all sit on two lines.
    let wrapped = "Azerbaijan says 13 killed in Ganja strike as truce frays\n\nBy Nailia Bagirova\n\nBAKU, Oct 17 (Reuters) - A missile strike on Azerbaijan's second city\nof Ganja killed 13 civilians and wounded more than 50 overnight,\nAzerbaijan's prosecutor general's office said on Saturday, a week\nafter a Russian-brokered ceasefire.\n\n\"This is a deliberate attack on a residential area while people were\nsleeping,\" said Hikmet Hajiyev, an aide to President Ilham Aliyev.\n\"Armenia will bear responsibility for it.\"\n\nArmenia's defence ministry denied firing at Ganja. Shushan Stepanyan,\na ministry spokeswoman, said Azerbaijani forces had shelled\nStepanakert and that at least 10 civilians had been killed there since\nthe fighting began.\n\nNagorno-Karabakh's ombudsman Artak Beglaryan said on Friday that the\ndeath toll among civilians in the enclave had risen to 36.";
    assert_eq!(wrapped, hard_wrap(WIRE_STORY, 70));
    let x = run(wrapped, Some("2020-10-17"));
    let claims: Vec<(Option<u64>, Option<u64>, Option<&str>)> =
        x.claims.iter().map(|c| (c.killed, c.wounded, c.claimant.as_deref())).collect();
    assert_eq!(
        claims,
        [
            (Some(13), Some(50), Some("Prosecutor General's Office of Azerbaijan")),
            (Some(10), None, Some("Shushan Stepanyan")),
            (Some(36), None, Some("Artak Beglaryan"))
        ]
    );
    let quotes: Vec<(Option<&str>, &str)> = x.quotes.iter().map(|q| (q.speaker.as_deref(), q.text.as_str())).collect();
    assert_eq!(
        quotes,
        [
            (Some("Hikmet Hajiyev"), "This is a deliberate attack on a residential area while people were sleeping"),
            (Some("Hikmet Hajiyev"), "Armenia will bear responsibility for it.")
        ]
    );
    // Spans point into the text as written: the sentence runs over its line breaks.
    let c = &x.claims[0];
    assert!(wrapped[c.sentence_start..c.sentence_end].starts_with("BAKU, Oct 17 (Reuters)"));
    assert!(wrapped[c.sentence_start..c.sentence_end].ends_with("ceasefire."));
    assert!(!c.sentence.contains('\n'), "{:?}", c.sentence);
    // At any width, and with Windows line ends, the story reads as it does unwrapped.
    let want = readings(&run(WIRE_STORY, Some("2020-10-17")));
    for width in [50, 60, 66, 72, 76, 80, 100] {
        let text = hard_wrap(WIRE_STORY, width);
        assert_eq!(readings(&run(&text, Some("2020-10-17"))), want, "at width {width}:\n{text}");
        // Windows line ends: the same readings (a name cut by a soft `\r\n` is still matched
        // by the gazetteer and the actor list), and the same places.
        let crlf = run(&text.replace('\n', "\r\n"), Some("2020-10-17"));
        assert_eq!(readings(&crlf), want, "at width {width} with CRLF");
        assert!(crlf.claims.iter().all(|c| !c.sentence.contains("  ")), "at width {width} with CRLF");
        let places = |x: &dateline::model::Extraction| x.mentions.iter().map(|m| m.place.clone()).collect::<Vec<_>>();
        assert_eq!(places(&crlf), places(&run(WIRE_STORY, Some("2020-10-17"))), "at width {width} with CRLF");
    }
}

#[test]
fn hard_wrapped_text_keeps_its_headings_lists_and_bylines() {
    // A newsletter wrapped at 64 columns: a heading, a list whose items do not run on into
    // each other, and a credit line that stays a credit line.
    let text = "Karabakh briefing: shelling resumes\n\nKey points\n- 7 civilians killed in Ganja overnight, Baku said\n- 3 soldiers killed near Fizuli, Yerevan said\n\nAzerbaijan's defence ministry said on Sunday that Armenian forces\nhad shelled Tartar and Barda through the night, and that two\ncivilians had been wounded in Tartar. Armenia denied the report\nand said its forces had only returned fire.\n\nReporting by Nailia Bagirova in Baku; Editing by Alex\nRichardson";
    let x = run(text, Some("2020-10-18"));
    let claims: Vec<(Option<u64>, Option<u64>)> = x.claims.iter().map(|c| (c.killed, c.wounded)).collect();
    assert_eq!(claims, [(Some(7), None), (Some(3), None), (None, Some(2))]);
    assert_eq!(x.articles[0].title, "Karabakh briefing: shelling resumes");
    // The list items are two sentences, not one.
    assert_eq!(x.claims[0].sentence, "- 7 civilians killed in Ganja overnight, Baku said");
    // The credit line's names are no people of the story.
    assert!(!x.unknown_names.iter().any(|n| n.name.contains("Richardson")), "{:?}", x.unknown_names);
}

#[test]
fn victims_among_the_dead_are_a_subset() {
    check_figures(&[
        ("Local activists said 9 aid workers were among the dead.", &[(Some(9), None, E, I)]),
        ("Three journalists were among those killed in the strike, the media office said.", &[(Some(3), None, E, I)]),
        ("Medics said 14 women and children were among the victims.", &[(Some(14), None, E, I)]),
        ("Among the dead were four children, a medical source said.", &[(Some(4), None, E, I)]),
        ("Two soldiers were among the wounded, the army said.", &[(None, Some(2), E, I)]),
        // Guards: one victim named without a figure is no count.
        ("A 12-year-old boy was among the dead, the civil defence agency said.", &[]),
        ("A 64-year-old woman was among the injured, he said.", &[]),
        // Guards: a subset beside the whole is counted once, in the whole.
        (
            "At least 25 people were killed in the strike, including two children, the civil defence agency said.",
            &[(Some(25), None, Hedge::AtLeast, I)],
        ),
        ("The strike killed 25 people; 9 aid workers were among the dead.", &[(Some(25), None, E, I)]),
    ]);
    let cats = |text: &str| run(text, Some("2024-04-13")).claims.iter().map(|c| c.category).collect::<Vec<_>>();
    assert_eq!(cats("Local activists said 9 aid workers were among the dead."), [Category::Civilian]);
}

#[test]
fn claimants_keep_their_article_with_a_capital() {
    // One name for one source however the sentence places it: the article as written, with
    // a capital (as the gold writes "The country’s attorney general").
    let cases: &[(&str, &str)] = &[
        ("At least 14 people were killed in the strike, the Houthi-run health ministry said.", "The Houthi-run health ministry"),
        ("The Houthi-run health ministry said 14 people were killed in the strike.", "The Houthi-run health ministry"),
        ("The civil defence agency said 7 people were killed.", "The civil defence agency"),
        ("Seven people were killed, the civil defence agency said.", "The civil defence agency"),
        ("According to the civil defence agency, 7 people were killed.", "The civil defence agency"),
        ("Seven people were killed, a medical source said.", "A medical source"),
        // Guard: a source named without an article stays as written.
        ("Seven people were killed, local activists said.", "local activists"),
    ];
    for (text, want) in cases {
        let x = run(text, Some("2024-04-13"));
        assert_eq!(x.claims.len(), 1, "in {text:?}");
        assert_eq!(x.claims[0].claimant.as_deref(), Some(*want), "in {text:?}");
    }
}

#[test]
fn distractors_are_no_counts() {
    check_figures(&[
        // A unit's number, an age, a clock time, a percentage, money.
        ("Members of Brigade 155 were wounded in the assault.", &[]),
        ("The strike on Route 12 killed 3 people.", &[(Some(3), None, E, I)]),
        ("Police said 3 children aged 5 to 12 were wounded.", &[(None, Some(3), E, I)]),
        ("The victims, aged between 18 and 65, were killed in the strike.", &[]),
        ("A strike on the market at 10:30 killed 5 people.", &[(Some(5), None, E, I)]),
        ("More than 50% of the dead were soldiers, the ombudsman said.", &[]),
        ("Almost 40 percent of those killed were women, the ministry said.", &[]),
        ("Damage from the strike was put at $12 million; three people were killed.", &[(Some(3), None, E, I)]),
        // A part of a group: the group is the figure, the part only when it has a casualty word of its own.
        ("Two of the 5 people hurt in the shelling were in serious condition.", &[(None, Some(5), E, I)]),
        ("He was one of 14 journalists killed in the strike, the committee said.", &[(Some(14), None, E, I)]),
        ("One of the three wounded later died in hospital, the ministry said.", &[(Some(1), None, E, I)]),
        // Guard: a subset clause of the killed keeps the wounded in the same claim.
        ("The strike killed seven people, one of them a child, and injured 20, the governor said.", &[(Some(7), Some(20), E, I)]),
    ]);
    // The rule of units does not eat a figure: the 5 soldiers of "the 3rd Brigade" are read.
    check_figures(&[("Five soldiers of the 3rd Brigade were killed, the coalition said.", &[(Some(5), None, E, I)])]);
    let x = run("Damage from the strike was put at $12 million; three people were killed.", Some("2024-04-13"));
    assert!(x.problems.is_empty(), "{:?}", x.problems);
}

#[test]
fn counts_of_other_wars_reports() {
    check_figures(&[
        // A growing count read back from its figure is a toll.
        ("Kharkiv's mayor said the number of injured had risen to 25.", &[(None, Some(25), E, T)]),
        ("Armenia's Defense Ministry said the number of servicemen killed had risen to 673.", &[(Some(673), None, E, T)]),
        // One day's count of a daily report; the running total is the clause after it.
        ("Ukraine's General Staff said Russia had lost 1,200 troops over the past day.", &[(Some(1200), None, E, I)]),
        (
            "Ukraine's General Staff said Russia had lost 1,200 troops over the past day, bringing its total losses since February 2022 to 505,490.",
            &[(Some(1200), None, E, I)],
        ),
        // Since a month of a year: a running total, not history.
        ("Russia had lost 1,200 troops since February 2022, Kyiv said.", &[(Some(1200), None, E, T)]),
        // A count between two days months apart is a running total at the later one.
        (
            "According to the Ministry of Health in Gaza, between 7 October 2023 and 10 April 2024, at least 33,360 Palestinians were killed.",
            &[(Some(33_360), None, Hedge::AtLeast, T)],
        ),
        // Guard: a count of a few days is no running total.
        ("Between 8 and 10 April, 153 Palestinians were killed, the ministry said.", &[(Some(153), None, E, I)]),
        // Victims named by nationality, and others beside them.
        (
            "More than 1,200 Israelis and foreign nationals were killed in the attack, according to Israeli figures.",
            &[(Some(1200), None, Hedge::MoreThan, I)],
        ),
    ]);
    let x = run(
        "According to the Ministry of Health in Gaza, between 7 October 2023 and 10 April 2024, at least 33,360 Palestinians were killed.",
        Some("2024-04-12"),
    );
    assert_eq!(x.claims[0].date, Some(common::d("2024-04-10")));
    // A tally verified by monitors names its source.
    let x = run(
        "The UN monitoring mission has verified 11,126 civilians killed and 21,863 injured since 24 February 2022.",
        Some("2024-05-31"),
    );
    assert_eq!(x.claims[0].claimant.as_deref(), Some("The UN monitoring mission"));
    // A whole with a subset of civilians is not all civilians.
    let x = run("The war has killed more than 150,000 people, including over 14,500 civilians, according to ACLED.", Some("2022-01-18"));
    assert_eq!(x.claims.iter().map(|c| c.category).collect::<Vec<_>>(), [Category::Unspecified]);
}

#[test]
fn bodies_of_other_wars_are_named_whole() {
    // (text, claimant of its one claim)
    let cases: &[(&str, &str)] = &[
        // Organisation names with function words and acronyms are kept whole (not "Protect
        // Journalists", not "Monitoring Mission" after a known "UN Human Rights").
        ("The Committee to Protect Journalists said two journalists were killed in the strike.", "The Committee to Protect Journalists"),
        (
            "The UN Human Rights Monitoring Mission in Ukraine said at least 12,000 civilians have been killed since February 2022.",
            "The UN Human Rights Monitoring Mission in Ukraine",
        ),
        (
            "Seven civilians were killed, the Office for the Coordination of Humanitarian Affairs said.",
            "The Office for the Coordination of Humanitarian Affairs",
        ),
        // Coalitions, militias and rebels speak.
        ("The coalition said 12 Houthi fighters were killed in the raid.", "The coalition"),
        ("The Saudi-led coalition said 12 Houthi fighters were killed in the raid.", "The Saudi-led coalition"),
        ("The militia said 6 soldiers were killed in the ambush.", "The militia"),
        ("The rebels said 6 soldiers were killed in the ambush.", "The rebels"),
        ("The alliance said 4 of its fighters were killed.", "The alliance"),
        // A body named before in full is named so when the text shortens it.
        (
            "Title\n\nThe Houthi-run health ministry said the strikes hit a market. The health ministry said 14 people were killed.",
            "The Houthi-run health ministry",
        ),
        (
            "Title\n\nThe Israeli military said it struck Hamas targets in Rafah. The military said 3 soldiers were killed.",
            "The Israeli military",
        ),
        (
            "Title\n\nA drone hit a base, according to the Ministry of Defense. The ministry said 4 soldiers were killed.",
            "The Ministry of Defense",
        ),
        (
            "Title\n\nGaza's Health Ministry said the strikes hit a school. The ministry said 22 people were killed.",
            "Gaza's Health Ministry",
        ),
    ];
    let mut misses = Vec::new();
    for (text, want) in cases {
        let x = run(text, Some("2024-04-13"));
        let got: Vec<Option<&str>> = x.claims.iter().map(|c| c.claimant.as_deref()).collect();
        if got != [Some(*want)] {
            misses.push(format!("in {text:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(misses.is_empty(), "{} of {} cases wrong:\n{}", misses.len(), cases.len(), misses.join("\n"));
}
