//! Table-driven tests of the extractors through the public engine, with the hard cases:
//! exclusions, compounds, possessives, paired killed/wounded figures, historical tolls,
//! pronoun speakers, quotes across sentences, abbreviated and relative dates.

mod common;
use chrono::NaiveDate;
use common::d;
use common::run;
use dateline::model::{Category, DateBasis, DateSource, Hedge, Scope};

#[test]
fn place_mentions() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Title\n\nThey violated the Geneva Conventions.", &[]),
        ("Title\n\nAfter Moscow-brokered talks, Azerbaijan’s army advanced.", &[("Moscow", "moscow"), ("Azerbaijan", "azerbaijan")]),
        ("Title\n\nShelling hit Gəncə and Khankendi.", &[("Gəncə", "ganja"), ("Khankendi", "stepanakert")]),
        ("Title\n\nThe Minsk Group met in Minsk.", &[("Minsk", "minsk")]),
        ("Title\n\nArmenian and Azeri troops clashed near Terter.", &[("Terter", "tartar")]),
        ("Title\n\nShusha and Shushi are one town.", &[("Shusha", "shusha"), ("Shushi", "shusha")]),
    ];
    for (text, want) in cases {
        let x = run(text, Some("2020-10-11"));
        let got: Vec<(&str, &str)> = x.mentions.iter().map(|m| (m.text.as_str(), m.place.as_str())).collect();
        assert_eq!(got, *want, "in {text:?}");
        for m in &x.mentions {
            assert_eq!(&text[m.start..m.end], m.text, "span of {:?}", m.text);
        }
    }
}

#[test]
fn casualty_claims() {
    type Want = (Option<u64>, Option<u64>, Hedge, Scope, Category);
    let cases: &[(&str, Want)] = &[
        (
            "A missile attack on a residential area of Ganja left seven dead and 33 wounded, the ministry said.",
            (Some(7), Some(33), Hedge::Exact, Scope::Incident, Category::Civilian),
        ),
        (
            "The fighting is the worst since the 1991-94 war that killed about 30,000 people.",
            (Some(30000), None, Hedge::About, Scope::Historical, Category::Unspecified),
        ),
        (
            "More than 450 people have been reported dead since September 27.",
            (Some(450), None, Hedge::MoreThan, Scope::Toll, Category::Unspecified),
        ),
        (
            "Azerbaijan said at least 1,165 soldiers were wounded in the fighting so far.",
            (None, Some(1165), Hedge::AtLeast, Scope::Toll, Category::Military),
        ),
        (
            "Officials said up to a dozen civilians were killed in Martuni overnight.",
            (Some(12), None, Hedge::UpTo, Scope::Incident, Category::Civilian),
        ),
    ];
    for (sentence, want) in cases {
        let x = run(&format!("Title\n\n{sentence}"), Some("2020-10-11"));
        assert_eq!(x.claims.len(), 1, "in {sentence:?}: {:?}", x.claims);
        let c = &x.claims[0];
        assert_eq!((c.killed, c.wounded, c.hedge, c.scope, c.category), *want, "in {sentence:?}");
    }
}

#[test]
fn no_claims_from_other_numbers() {
    for s in [
        "Talks lasted 10 hours in Moscow.",
        "The two sides agreed to a ceasefire at 12 hours 00 minutes on October 10.",
        "Five grandchildren fled to Yerevan in 2020.",
        "99999999999 killed, the post claimed.",
    ] {
        let x = run(&format!("Title\n\n{s}"), Some("2020-10-11"));
        assert!(x.claims.is_empty(), "in {s:?}: {:?}", x.claims);
    }
    let x = run("Title\n\n99999999999 killed, the post claimed.", Some("2020-10-11"));
    assert!(x.problems.iter().any(|p| p.message.contains("implausible")), "{:?}", x.problems);
}

#[test]
fn claimants() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "Title\n\nA strike on Ganja left seven dead and 33 wounded, Azerbaijan's foreign ministry wrote on Twitter.",
            Some("Azerbaijan's foreign ministry"),
        ),
        ("Title\n\nAzerbaijan said 14 people were killed in Ganja.", Some("Azerbaijan")),
        ("Title\n\nAccording to the ICRC, 12 civilians were killed.", Some("International Committee of the Red Cross")),
        ("Title\n\nThe latest fighting has claimed over 400 lives.", None),
    ];
    for (text, want) in cases {
        let x = run(text, Some("2020-10-11"));
        assert_eq!(x.claims.first().and_then(|c| c.claimant.as_deref()), *want, "in {text:?}");
    }
}

#[test]
fn quote_speakers() {
    type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
    let cases: &[Case] = &[
        (
            "Title\n\nAnna Petrosyan, a teacher from Martuni, spoke by phone. “Can’t they stop the war?” She said.",
            &[("Can’t they stop the war?", Some("Anna Petrosyan"))],
        ),
        (
            "Title\n\n\"The ceasefire is fragile. It may not hold,\" Lavrov told reporters.",
            &[("The ceasefire is fragile. It may not hold", Some("Sergei Lavrov"))],
        ),
        (
            "Title\n\nAliyev said: \"We are winning.\" \"Let them leave,\" he added.",
            &[("We are winning.", Some("Ilham Aliyev")), ("Let them leave", Some("Ilham Aliyev"))],
        ),
        ("Title\n\n\"Fighting must stop,\" said Commissioner Michelle Bachelet.", &[("Fighting must stop", Some("Michelle Bachelet"))]),
        ("Title\n\nThe word \"ceasefire\" appears here.", &[("ceasefire", None)]),
        // A new person named before the quote in its own sentence is its speaker, not the
        // speaker of the paragraph before (AP style: "She said" opens the next sentence).
        (
            "Title\n\n\"There is no military target here,\" Hajiyev told reporters.\n\nArmenian Defense Ministry spokeswoman \
             Shushan Stepanyan called the accusation \"groundless and unfounded.\" She said Azerbaijani forces had shelled Stepanakert.",
            &[("There is no military target here", Some("Hikmet Hajiyev")), ("groundless and unfounded.", Some("Shushan Stepanyan"))],
        ),
    ];
    for (text, want) in cases {
        let x = run(text, Some("2020-10-11"));
        let got: Vec<(&str, Option<&str>)> = x.quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
        assert_eq!(got, *want, "in {text:?}");
    }
}

#[test]
fn dates_and_publication() {
    let x = run("Title\n\nShelling resumed on Oct. 12 near Fuzuli.", Some("2020-10-13"));
    assert_eq!(x.mentions[0].date, Some(d("2020-10-12")));
    assert_eq!(x.mentions[0].date_basis, DateBasis::Explicit);
    let x = run("Title\n\nLast week Tartar was shelled.", Some("2020-10-13"));
    assert_eq!(x.mentions[0].date, Some(d("2020-10-06")));
    assert_eq!(x.mentions[0].date_basis, DateBasis::Relative);
    let x = run("Title\n\nBarda was shelled.", Some("2020-10-13"));
    assert_eq!((x.mentions[0].date, x.mentions[0].date_basis), (Some(d("2020-10-13")), DateBasis::Article));
    // Publication date from the text when no metadata is given.
    let x = run(" date 2020-10-11 Fighting near Hadrut.", None);
    assert_eq!((x.articles[0].published, x.articles[0].published_source), (Some(d("2020-10-11")), DateSource::Header));
    let x = run("Title\n\nBAKU, Oct. 12, 2020 (AP) — Shelling hit Ganja.", None);
    assert_eq!((x.articles[0].published, x.articles[0].published_source), (Some(d("2020-10-12")), DateSource::Dateline));
    // A dateline of its own line with an agency's tag and no year takes the year of the text
    // ("began on September 27, 2020" included), and the agency becomes the outlet.
    let x = run("Title\n\nBaku, November 2, AZERTAC\n\nThe war began on September 27, 2020.", None);
    let a = &x.articles[0];
    assert_eq!((a.published, a.published_source, a.outlet.as_deref()), (Some(d("2020-11-02")), DateSource::Dateline, Some("Azertac")));
    let x = run("Title\n\nSTEPANAKERT, OCTOBER 8, ARMENPRESS. Shushi was shelled. Fighting erupted on September 27, 2020.", None);
    let a = &x.articles[0];
    assert_eq!((a.published, a.outlet.as_deref()), (Some(d("2020-10-08")), Some("Armenpress")));
    let x = run("Title\n\nYEREVAN, Armenia (AP) — Shelling hit Stepanakert.", Some("2020-10-08"));
    assert_eq!(x.articles[0].outlet.as_deref(), Some("AP"));
    // A day/month slash date ("04/10/2020" in a European outlet) is read the way that lies
    // nearer publication; an American one still reads month first.
    for (text, want) in [
        ("Title\n\nOn 04/10/2020 Ganja was shelled.", "2020-10-04"),
        ("Title\n\nOn 10/04/2020 Ganja was shelled.", "2020-10-04"),
        ("Title\n\nOn 25/10/2020 Ganja was shelled.", "2020-10-25"),
    ] {
        let x = run(text, Some("2020-10-27"));
        assert_eq!(x.mentions[0].date, Some(d(want)), "{text}");
    }
    // A place whose name begins with a month abbreviation is not a date: "12 Martuni
    // residents" is not 12 March, "5 Decembers" not 5 December.
    for text in ["Title\n\nShelling wounded 12 Martuni residents.", "Title\n\nShelling wounded 12 Martakert residents in Martuni."] {
        let x = run(text, Some("2020-10-13"));
        assert!(
            x.mentions.iter().all(|m| m.date == Some(d("2020-10-13")) && m.date_basis == DateBasis::Article),
            "{text}: {:?}",
            x.mentions
        );
    }
}

#[test]
fn other_outlets_shapes() {
    // A single victim without a number, a source unknown to the actor list, a running toll.
    let x = run("Title\n\nA civilian was killed in Barda, the ministry said.", Some("2020-10-14"));
    assert_eq!(x.claims.iter().map(|c| c.killed).collect::<Vec<_>>(), vec![Some(1)]);
    let x = run(
        "Title\n\nAccording to the Prosecutor General's Office, 43 civilians were killed and 206 were injured since September 27.",
        Some("2020-10-14"),
    );
    let c = &x.claims[0];
    assert_eq!((c.killed, c.wounded, c.scope), (Some(43), Some(206), Scope::Toll));
    assert_eq!(c.claimant.as_deref(), Some("The Prosecutor General's Office"));
    // The 29 casualties raise the death toll: they are deaths, the incident count of the report.
    let x = run("Title\n\nThe army reported 29 more casualties, raising the military death toll to 633.", Some("2020-10-16"));
    assert_eq!(
        x.claims.iter().map(|c| (c.killed, c.scope)).collect::<Vec<_>>(),
        vec![(Some(29), Scope::Incident), (Some(633), Scope::Toll)]
    );
}

#[test]
fn tolls_that_rise_and_pairs_without_and() {
    let x = run("Title\n\nThe death toll from the attack on Barda has risen to 21.", Some("2020-10-28"));
    assert_eq!(x.claims.iter().map(|c| c.killed).collect::<Vec<_>>(), vec![Some(21)]);
    let x = run("Title\n\nShelling of Ganja left 13 dead, 45 wounded.", Some("2020-10-17"));
    assert_eq!(x.claims.iter().map(|c| (c.killed, c.wounded)).collect::<Vec<_>>(), vec![(Some(13), Some(45))]);
}

#[test]
fn attribution_shapes_from_other_outlets() {
    // After a quote the subject comes first, not a name inside its appositive.
    let x = run(
        "Title\n\n\"The enemy targets civilians,\" Hikmet Hajiyev, an aide to President Ilham Aliyev, told reporters.",
        Some("2020-10-17"),
    );
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Hikmet Hajiyev"));
    // A spokesperson named after her ministry is the speaker.
    let x =
        run("Title\n\nArmenia's defence ministry spokeswoman Shushan Stepanyan dismissed it as \"an absolute lie\".", Some("2020-10-17"));
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Shushan Stepanyan"));
    // "X has not …, but says N …": the first clause's subject claims the figure.
    let x = run("Title\n\nAzerbaijan has not disclosed its military losses, but says 60 civilians have been killed.", Some("2020-10-17"));
    assert_eq!(x.claims[0].claimant.as_deref(), Some("Azerbaijan"));
    // "accused … of killing", and a toll that approaches a figure.
    let x = run("Title\n\nAzerbaijan has accused Armenian forces of killing 13 civilians in Ganja.", Some("2020-10-17"));
    assert_eq!(x.claims[0].claimant.as_deref(), Some("Azerbaijan"));
    let x = run("Title\n\nPutin said on Thursday the death toll was approaching 5,000.", Some("2020-10-17"));
    let c = &x.claims[0];
    assert_eq!((c.killed, c.hedge, c.scope), (Some(5000), Hedge::About, Scope::Toll));
}

#[test]
fn appositive_subjects_and_markdown_titles() {
    let x = run("# A heading\n\nOfficials in the capital, known as Khankendi to Azeris, said three civilians died.", Some("2020-10-20"));
    assert_eq!(x.articles[0].title, "A heading");
    assert_eq!(x.claims[0].claimant.as_deref(), Some("Officials in the capital"));
}

#[test]
fn figures_that_include_a_subset_are_one_claim() {
    let x = run("Title\n\nTwelve people, including three children, were killed in Barda.", Some("2020-10-28"));
    assert_eq!(x.claims.iter().map(|c| c.killed).collect::<Vec<_>>(), vec![Some(12)]);
}

#[test]
fn truce_moments() {
    // (text, days a truce takes effect); published 2020-10-20.
    let cases: &[(&str, &[&str])] = &[
        ("Title\n\nA humanitarian ceasefire took effect at midnight on October 18.", &["2020-10-18"]),
        ("Title\n\nThe CEASE-FIRE came into force on Oct. 10. It held for hours.", &["2020-10-10"]),
        ("Title\n\nA truce that began at noon on Saturday was broken.", &["2020-10-17"]),
        ("Title\n\nAn ARMISTICE entered into force on October 12.", &["2020-10-12"]),
        ("Title\n\nA halt to the fighting starts at 6 pm on October 13.", &["2020-10-13"]),
        // Case-insensitive matching also takes the long s as "s".
        ("Title\n\nThe long-awaited CEAſE-FIRE took effect on October 9.", &["2020-10-09"]),
        // Referring back to a truce, or no word that it takes effect: none.
        ("Title\n\nMinutes after the truce took hold, shelling resumed.", &[]),
        ("Title\n\nThe ceasefire was violated again on October 12.", &[]),
        // "fire" and "hold" alone are no truce; "ceasefires" is not the word "ceasefire".
        ("Title\n\nThe fire took hold of the depot. Two ceasefires took effect on October 10.", &[]),
        // Each sentence is judged once, at its first truce word.
        (
            "Title\n\nA truce, then an armistice took effect on October 11. Another truce took effect on October 14.",
            &["2020-10-11", "2020-10-14"],
        ),
    ];
    for (text, want) in cases {
        let x = run(text, Some("2020-10-20"));
        let got: Vec<NaiveDate> = x.truces.iter().map(|t| t.date).collect();
        let want: Vec<NaiveDate> = want.iter().map(|w| d(w)).collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

#[test]
fn a_subset_without_a_count_does_not_hide_the_figure() {
    // An AP-style sentence: the subset between commas names a victim, not a number.
    let x = run(
        "Title\n\nAzerbaijan said five people, including a 7-year-old girl, were killed when rockets struck Barda on Tuesday.",
        Some("2020-10-28"),
    );
    assert_eq!(x.claims.iter().map(|c| c.killed).collect::<Vec<_>>(), vec![Some(5)]);
    assert_eq!(x.claims[0].category, Category::Civilian);
    assert_eq!(x.claims[0].place.as_deref(), Some("barda"));
    let x = run("Title\n\nSeven soldiers, among them two officers, were killed near Fuzuli.", Some("2020-10-28"));
    assert_eq!(x.claims.iter().map(|c| (c.killed, c.category)).collect::<Vec<_>>(), vec![(Some(7), Category::Military)]);
    // A clause that does not close within a few words is not skipped over.
    let x = run("Title\n\nFive people including many who had fled the city centre days earlier were killed.", Some("2020-10-28"));
    assert!(x.claims.is_empty());
    let x = run("Title\n\nA girl was killed in Tartar.", Some("2020-10-28"));
    assert_eq!(x.claims.iter().map(|c| (c.killed, c.category)).collect::<Vec<_>>(), vec![(Some(1), Category::Civilian)]);
}

#[test]
fn single_victims_and_men_are_counted() {
    // Each was missed before: the noun after the count was not known as a victim word.
    let cases = [
        ("A woman was killed in Tartar.", Some(1), None, Category::Civilian),
        ("A resident was killed in Ganja.", Some(1), None, Category::Civilian),
        ("A policeman was wounded in Ganja.", None, Some(1), Category::Unspecified),
        ("Three men were killed in Ganja.", Some(3), None, Category::Unspecified),
        ("Two boys were wounded in Martuni.", None, Some(2), Category::Civilian),
    ];
    for (sentence, killed, wounded, category) in cases {
        let x = run(&format!("Title\n\n{sentence}"), Some("2020-10-05"));
        let got: Vec<_> = x.claims.iter().map(|c| (c.killed, c.wounded, c.category)).collect();
        assert_eq!(got, vec![(killed, wounded, category)], "{sentence}");
    }
}

#[test]
fn lives_claimed_and_adverbs_before_the_casualty_word() {
    // Azertac/Armenpress style: "claimed the lives of N", and "were seriously injured".
    let x = run("Title\n\nThe shelling of Tartar claimed the lives of 21 civilians and injured over 70.", Some("2020-10-05"));
    let got: Vec<_> = x.claims.iter().map(|c| (c.killed, c.wounded, c.category)).collect();
    assert_eq!(got, vec![(Some(21), Some(70), Category::Civilian)]);
    let x = run("Title\n\nRocket fire on Ganja took the lives of at least nine people.", Some("2020-10-11"));
    assert_eq!(x.claims.iter().map(|c| (c.killed, c.hedge)).collect::<Vec<_>>(), vec![(Some(9), Hedge::AtLeast)]);
    let x = run("Title\n\nThree journalists were seriously injured in Martuni.", Some("2020-10-01"));
    assert_eq!(x.claims.iter().map(|c| (c.killed, c.wounded)).collect::<Vec<_>>(), vec![(None, Some(3))]);
    // Lives that are not lost are no claim.
    let x = run("Title\n\nThe plan saved the lives of 40 people.", Some("2020-10-01"));
    assert!(x.claims.is_empty());
}

#[test]
fn appositives_running_totals_and_earlier_wars() {
    // A name inside the appositive describes the speaker before it.
    let x = run("Title\n\nHikmet Hajiyev, an adviser to President Ilham Aliyev, said: \"Armenia fired at Ganja.\"", Some("2020-10-17"));
    assert_eq!(x.quotes.iter().map(|q| q.speaker.as_deref()).collect::<Vec<_>>(), vec![Some("Hikmet Hajiyev")]);
    let x =
        run("Title\n\nShushan Stepanyan, spokeswoman for the Armenian Defence Ministry, said 12 soldiers were killed.", Some("2020-10-17"));
    assert_eq!(x.claims[0].claimant.as_deref(), Some("Shushan Stepanyan"));
    // An incident and the running total it brings the toll to: two claims of their own scope.
    let x = run(
        "Title\n\nThe shelling of Ganja on Sunday killed 13 people, bringing the civilian toll since September 27 to 60.",
        Some("2020-10-20"),
    );
    let got: Vec<(Option<u64>, Scope)> = x.claims.iter().map(|c| (c.killed, c.scope)).collect();
    assert_eq!(got, vec![(Some(13), Scope::Incident), (Some(60), Scope::Toll)]);
    // "That war" after a sentence about the earlier war; "said that war crimes" is not one.
    let x = run("Title\n\nThe region was fought over in the early 1990s. That war left 30,000 dead.", Some("2020-10-20"));
    assert_eq!(x.claims.iter().map(|c| c.scope).collect::<Vec<_>>(), vec![Scope::Historical]);
    let x = run("Title\n\nThe ombudsman said that war crimes had killed 12 civilians in Martuni on Sunday.", Some("2020-10-20"));
    assert_eq!(x.claims.iter().map(|c| c.scope).collect::<Vec<_>>(), vec![Scope::Incident]);
    // A lower-case source after "according to" that names an agent.
    let x = run("Title\n\nAt least 42 civilians have been killed so far, according to the prosecutor's office.", Some("2020-10-20"));
    assert_eq!(x.claims[0].claimant.as_deref(), Some("The prosecutor's office"));
}

#[test]
fn date_lines_and_the_place_a_report_was_filed_from() {
    // A date line under the title is the article's header date.
    let x = run("Ganja hit\n\nOctober 11, 2020\n\nBAKU, Azerbaijan (AP) — A missile killed nine civilians in Ganja.", None);
    let a = &x.articles[0];
    assert_eq!((a.published, a.published_source, a.outlet.as_deref()), (Some(d("2020-10-11")), DateSource::Header, Some("AP")));
    // The dateline's city is where the report was filed: the claim is in Ganja.
    assert_eq!(x.claims.iter().map(|c| c.place.as_deref()).collect::<Vec<_>>(), vec![Some("ganja")]);
    let x = run("Title\n\n(Berlin) – Rockets killed 21 civilians in Barda on Wednesday.", Some("2020-10-30"));
    assert_eq!(x.claims.iter().map(|c| c.place.as_deref()).collect::<Vec<_>>(), vec![Some("barda")]);
    // Of two towns, the one nearest the figure.
    let x = run("Title\n\nAfter shelling from Stepanakert, four people were killed in Tartar.", Some("2020-10-30"));
    assert_eq!(x.claims.iter().map(|c| c.place.as_deref()).collect::<Vec<_>>(), vec![Some("tartar")]);
}

#[test]
fn losses_running_totals_and_single_victims_described() {
    type Want = (Option<u64>, Option<u64>, Scope);
    let cases: &[(&str, &[Want])] = &[
        // "lost N" counts people only.
        ("Armenia has lost more than 200 soldiers since the fighting began, officials said.", &[(Some(200), None, Scope::Toll)]),
        ("Azerbaijan said Armenia lost 15 drones and two tanks.", &[]),
        // The present perfect without an event is a running total; with one, an incident.
        ("More than 5,000 people may have died in the fighting, Putin said.", &[(Some(5000), None, Scope::Toll)]),
        ("Authorities say that at least 45 civilians have been killed there.", &[(Some(45), None, Scope::Toll)]),
        ("Three people have been killed in a missile strike on Ganja.", &[(Some(3), None, Scope::Incident)]),
        // A described single victim, "the deaths of", "the number of … killed … to".
        ("An 85-year-old woman was wounded in Martuni.", &[(None, Some(1), Scope::Incident)]),
        ("The Karabakh army has reported the deaths of 350 servicemen.", &[(Some(350), None, Scope::Incident)]),
        (
            "The attack brought the number of civilians killed since September 27 to 41, with 207 others wounded.",
            &[(Some(41), Some(207), Scope::Toll)],
        ),
        // A subset clause inside the first figure's phrase keeps the pair together.
        (
            "The ombudsman said 90 civilians, including 11 children, have been killed and 382 civilians wounded since September 27.",
            &[(Some(90), Some(382), Scope::Toll)],
        ),
    ];
    for (text, want) in cases {
        let x = run(&format!("Title\n\n{text}"), Some("2020-10-28"));
        let got: Vec<Want> = x.claims.iter().map(|c| (c.killed, c.wounded, c.scope)).collect();
        assert_eq!(got, *want, "in {text:?}");
    }
}

#[test]
fn speakers_known_by_one_name_epithets_and_figures_in_quotes() {
    let speakers = |text: &str| -> Vec<Option<String>> {
        run(text, Some("2020-10-22")).quotes.iter().map(|q| q.speaker.as_ref().map(|s| s.to_string())).collect()
    };
    // A given name alone, introduced as such.
    assert_eq!(
        speakers("Title\n\nA volunteer who gave her name only as Anahit handed out bread. “We stay,” she said."),
        vec![Some("Anahit".into())]
    );
    assert_eq!(
        speakers("Title\n\n\"Our boys died for nothing,\" said a man who gave his name only as Tigran."),
        vec![Some("Tigran".into())]
    );
    assert_eq!(
        speakers(
            "Title\n\nVachagan, a 70-year-old former bus driver, told the BBC he had not left his cellar. “I was born here,” he said."
        ),
        vec![Some("Vachagan".into())]
    );
    // "he" is not the woman named last; names of things are not people.
    assert_eq!(
        speakers("Title\n\nSpokeswoman Shushan Stepanyan denied it. A man in a cellar shook his head. \"We are tired,\" he said."),
        vec![None]
    );
    assert_eq!(speakers("Title\n\nImage source, Getty Images\n\n\"Nobody came,\" he said."), vec![None]);
    // An epithet of the last person named ("the Russian leader"), and a figure inside the
    // quote is the speaker's claim.
    let x = run(
        "Title\n\nRussian President Vladimir Putin spoke on Thursday at the Valdai International Discussion Club.\n\n\"There are more than 2,000 dead on each side,\" the Russian leader said.",
        Some("2020-10-22"),
    );
    assert_eq!(x.quotes.iter().map(|q| q.speaker.as_deref()).collect::<Vec<_>>(), vec![Some("Vladimir Putin")]);
    assert_eq!(x.claims.iter().map(|c| (c.killed, c.claimant.as_deref())).collect::<Vec<_>>(), vec![(Some(2000), Some("Vladimir Putin"))]);
}

#[test]
fn surnames_of_other_people_and_names_in_quotation_marks() {
    // "Aliyeva" alone is the ombudsman; "Sevinj Aliyeva" is someone else.
    let x = run("Title\n\nLocal resident Sevinj Aliyeva said: \"We heard explosions.\"", Some("2020-10-28"));
    assert_eq!(x.quotes.iter().map(|q| q.speaker.as_deref()).collect::<Vec<_>>(), vec![Some("Sevinj Aliyeva")]);
    let x = run("Title\n\nPresident Aliyev said: \"We will not stop.\"", Some("2020-10-28"));
    assert_eq!(x.quotes.iter().map(|q| q.speaker.as_deref()).collect::<Vec<_>>(), vec![Some("Ilham Aliyev")]);
    // A capitalised word alone in quotation marks names a weapon, not words spoken.
    let x =
        run("Title\n\nThe army fired \"Smerch\" rockets and an \"Osa\" system, the ministry said. \"Calm,\" he said.", Some("2020-10-28"));
    assert_eq!(x.quotes.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(), vec!["Calm"]);
}
