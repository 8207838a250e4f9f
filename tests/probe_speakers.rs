//! Speakers, claimants and people in articles written the way other outlets write them (AP,
//! Reuters, BBC, Al Jazeera, Guardian live blogs, TASS, HRW, Eurasianet): bylines and credit
//! lines, outlets owning a reporter's name, titles, one-word mentions of people named in full
//! before, pronouns after someone else's quote, multi-paragraph quotes. Each case is named
//! after the bug it pins; every failing case of a table is reported, not only the first.

mod common;
use chrono::NaiveDate;
use common::run;
use dateline::model::Extraction;

/// Each quote's opening words and speaker.
fn speakers(x: &Extraction) -> Vec<(String, Option<String>)> {
    x.quotes.iter().map(|q| (q.text.chars().take(20).collect(), q.speaker.as_ref().map(|s| s.to_string()))).collect()
}

/// Check a table of (text, expected speaker of each quote in order), reporting every miss.
fn check_speakers(cases: &[(&str, &[Option<&str>])]) {
    let mut misses = Vec::new();
    for (text, want) in cases {
        let x = run(text, Some("2020-10-20"));
        let got: Vec<Option<String>> = x.quotes.iter().map(|q| q.speaker.as_ref().map(|s| s.to_string())).collect();
        let want: Vec<Option<String>> = want.iter().map(|w| w.map(String::from)).collect();
        if got != want {
            misses.push(format!("in {text:?}\n  want {want:?}\n  got  {:?}", speakers(&x)));
        }
    }
    assert!(misses.is_empty(), "{} of {} cases wrong:\n{}", misses.len(), cases.len(), misses.join("\n"));
}

/// Whether any unknown name or speaker or claimant contains one of `names`.
fn people_named(x: &Extraction, names: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let all = x
        .unknown_names
        .iter()
        .map(|u| u.name.clone())
        .chain(x.quotes.iter().filter_map(|q| q.speaker.as_ref().map(|s| s.to_string())))
        .chain(x.claims.iter().filter_map(|c| c.claimant.as_ref().map(|s| s.to_string())));
    for n in all {
        if names.iter().any(|w| n.contains(w)) {
            found.push(n);
        }
    }
    found
}

#[test]
fn bylines_and_credit_lines_are_not_people_of_the_story() {
    // (article, names of its bylines and credits that must appear nowhere)
    let cases: &[(&str, &[&str])] = &[
        // AP: "By" line under the title; the dateline's tag still gives the outlet.
        (
            "Shelling hits border towns\n\nBy Maria Lopez and James Carter\n\nKHARTOUM, Sudan (AP) — Shelling resumed on Monday.\n\n\"We are afraid,\" she said.",
            &["Maria Lopez", "James Carter"],
        ),
        // Reuters: credits at the end.
        (
            "Talks fail\n\nKYIV (Reuters) - Talks failed on Friday.\n\nReporting by Pavel Polityuk in Kyiv; Additional reporting by Olzhas Auyezov; Editing by Alex Richardson",
            &["Pavel Polityuk", "Olzhas Auyezov", "Alex Richardson", "Editing", "Additional"],
        ),
        (
            "Talks fail\n\nTalks failed on Friday.\n\n(Writing by Tom Balmforth; Editing by Alison Williams)",
            &["Tom Balmforth", "Alison Williams", "Writing"],
        ),
        // AP trailer and a Guardian-style credit.
        (
            "Strikes hit city\n\nStrikes hit the city.\n\nAssociated Press writer Dasha Litvinova in Moscow contributed to this report.",
            &["Dasha Litvinova", "Associated"],
        ),
        ("Strikes hit city\n\nStrikes hit the city.\n\nAdditional reporting by John Smith in London.", &["John Smith", "Additional"]),
        // Author lines under the title without "By" (Guardian, Eurasianet, a correspondent).
        ("Live updates\n\nAndrew Roth in Moscow\n\nShelling resumed. \"Nobody slept,\" he said.", &["Andrew Roth"]),
        ("Both sides dig in\n\nJoshua Kucera Oct 14, 2020\n\nFighting continued. \"It is bad,\" he said.", &["Joshua Kucera"]),
        ("Strikes hit city\n\nJane Doe, Middle East correspondent\n\nStrikes hit the city. \"It was loud,\" she said.", &["Jane Doe"]),
        ("Fear in Stepanakert\n\nBy Orla Guerin\nBBC News, Stepanakert\n\n\"We stay,\" she said.", &["Orla Guerin"]),
    ];
    let mut misses = Vec::new();
    for (text, names) in cases {
        let x = run(text, Some("2020-10-20"));
        let found = people_named(&x, names);
        if !found.is_empty() {
            misses.push(format!("in {text:?}: {found:?}"));
        }
    }
    assert!(misses.is_empty(), "{} of {} cases wrong:\n{}", misses.len(), cases.len(), misses.join("\n"));
}

/// Guards (these passed before too): what bylines must not take with them.
#[test]
fn bylines_leave_metadata_and_running_text_alone() {
    let x = run("Families flee\n\nBy AP staff\n\nResidents left overnight. \"We ran,\" he said.", Some("2020-10-20"));
    assert_eq!(x.quotes.iter().map(|q| q.speaker.as_deref()).collect::<Vec<_>>(), vec![None]);
    // The outlet of the dateline's tag and a date line under the byline are still read.
    let x = run(
        "Shelling hits towns\n\nBy Nvard Hovhannisyan and Nailia Bagirova\n\nOctober 12, 2020\n\nBAKU, Azerbaijan (AP) — Shelling hit Tartar.",
        None,
    );
    assert_eq!(x.articles[0].outlet.as_deref(), Some("AP"));
    assert_eq!(x.articles[0].published, NaiveDate::from_ymd_opt(2020, 10, 12));
    assert_eq!(x.articles[0].title, "Shelling hits towns");
    // A sentence that opens like a credit is running text when no name follows.
    let x = run("Title\n\nWriting by candlelight, Anna Sokolova said 12 civilians were killed.", Some("2020-10-20"));
    assert_eq!(x.claims.iter().map(|c| (c.killed, c.claimant.as_deref())).collect::<Vec<_>>(), vec![(Some(12), Some("Anna Sokolova"))]);
    // A sentence that opens with "By" is running text.
    let x = run("Title\n\nBy Tuesday, the town had fallen, said Ahmed Osman.", Some("2020-10-20"));
    assert!(x.unknown_names.iter().any(|u| u.name == "Ahmed Osman"), "{:?}", x.unknown_names);
    let x = run("Title\n\nBy Tuesday, 12 civilians had been killed, Fatima Idris said.", Some("2020-10-20"));
    assert_eq!(x.claims.iter().map(|c| (c.killed, c.claimant.as_deref())).collect::<Vec<_>>(), vec![(Some(12), Some("Fatima Idris"))]);
}

#[test]
fn an_outlet_owning_a_reporters_name_is_not_part_of_it() {
    check_speakers(&[
        (
            "Title\n\nAl Jazeera's Hana Kassem, reporting from Baku, said the mood was tense. \"People are angry,\" Kassem said.",
            &[Some("Hana Kassem")],
        ),
        ("Title\n\nCNN's Nick Paton Walsh said the front had moved. \"The shelling is closer,\" he said.", &[Some("Nick Paton Walsh")]),
        ("Title\n\n\"Nobody expects a breakthrough,\" the BBC's Lyse Doucet said.", &[Some("Lyse Doucet")]),
        ("Title\n\nAl Jazeera's Hamdah Salhut said: \"The talks are stuck.\"", &[Some("Hamdah Salhut")]),
    ]);
    let x = run("Title\n\nAl Jazeera's Hana Kassem, reporting from Baku, said the mood was tense.", Some("2020-10-20"));
    let names: Vec<&str> = x.unknown_names.iter().map(|u| u.name.as_str()).collect();
    assert!(names.contains(&"Hana Kassem") && !names.iter().any(|n| n.contains("'s")), "{names:?}");
}

#[test]
fn an_article_and_a_common_noun_are_not_a_person() {
    check_speakers(&[
        // A title-case headline line: "The Toll Was" is not someone who says "Lies".
        ("Title\n\nThe Defence Ministry Also Said The Toll Was 15 Dead.\n\n\"Lies,\" he said.", &[None]),
        ("Title\n\nThe Emergency Situations Ministry reported fires. \"Stay inside,\" he said.", &[None]),
    ]);
    let x = run("Title\n\nThe Defence Ministry Also Said The Toll Was 15 Dead.", Some("2020-10-20"));
    assert!(x.claims.iter().all(|c| c.claimant.as_deref() != Some("Toll Was")), "{:?}", x.claims);
}

#[test]
fn titles_are_not_part_of_a_name() {
    check_speakers(&[
        ("Title\n\nMayor Ivan Fedorov told Reuters by phone that power was out. \"It is critical,\" he said.", &[Some("Ivan Fedorov")]),
        ("Title\n\n\"Three people were killed,\" Governor Vyacheslav Gladkov wrote on Telegram.", &[Some("Vyacheslav Gladkov")]),
        ("Title\n\n\"We will rebuild,\" said Gov. Oleh Syniehubov.", &[Some("Oleh Syniehubov")]),
    ]);
}

#[test]
fn one_word_mentions_of_a_person_named_in_full_are_that_person() {
    check_speakers(&[
        // "he tweeted" after another man's quote: the man the sentence before names by surname.
        (
            "Title\n\n\"The strike hit a market,\" said Ahmed Osman, a council member.\n\nThe army's spokesman, Nabil Abdallah, denied it. \"We do not target civilians,\" he said in a statement.\n\nLater, Osman posted photos of the damage. \"This is what they did,\" he tweeted.",
            &[Some("Ahmed Osman"), Some("Nabil Abdallah"), Some("Ahmed Osman")],
        ),
        (
            "Title\n\nUkraine's foreign minister Dmytro Kuleba spoke on Friday. \"There will be no compromise,\" Kuleba said.",
            &[Some("Dmytro Kuleba")],
        ),
        (
            "Title\n\nThe region's governor, Vyacheslav Gladkov, said a drone hit a bus. \"Three people were killed,\" Gladkov wrote on Telegram.",
            &[Some("Vyacheslav Gladkov")],
        ),
    ]);
}

#[test]
fn pronouns_follow_what_the_text_says_of_a_persons_sex() {
    check_speakers(&[
        (
            "Title\n\nAnna Sokolova said she had not slept. \"The sirens never stop,\" she said.\n\nMikhail Petrov, her neighbour, disagreed. \"It's quieter,\" he said.\n\nSokolova shook her head. \"He is wrong,\" she said.",
            &[Some("Anna Sokolova"), Some("Mikhail Petrov"), Some("Anna Sokolova")],
        ),
        (
            "Title\n\nHer neighbour, Gohar Avetisyan, said she had not slept. Artur Sargsyan said that he had left. \"The drones come every night,\" she wrote on Facebook.",
            &[Some("Gohar Avetisyan")],
        ),
    ]);
}

#[test]
fn a_pronoun_after_a_quote_is_the_last_person_who_could_be_the_subject() {
    check_speakers(&[
        // A name in the appositive that describes the speaker is not "he".
        (
            "Title\n\n\"We will not allow this,\" said Hikmet Hajiyev, an aide to President Ilham Aliyev. \"Our response will be adequate,\" he added in a statement.",
            &[Some("Hikmet Hajiyev"), Some("Hikmet Hajiyev")],
        ),
        // A name inside the speaker's own quote is not "he".
        (
            "Title\n\nPashinyan said: \"I spoke to Putin about the truce.\" \"It will hold,\" he tweeted.",
            &[Some("Nikol Pashinyan"), Some("Nikol Pashinyan")],
        ),
        // The object of a preposition is not "he": the Kremlin's Putin talked with Pashinyan.
        (
            "Title\n\n\"We are ready,\" Pashinyan said.\n\nThe Kremlin said Putin had discussed the fighting with Pashinyan by phone. \"Both sides must stop,\" he wrote on Telegram.",
            &[Some("Nikol Pashinyan"), Some("Vladimir Putin")],
        ),
        // Unknown people: the aide, not the official he serves.
        (
            "Title\n\n\"The market was full,\" said Omar Haddad, a spokesman for Governor Khalid Mansour. \"Then the drone came,\" he wrote on Facebook.",
            &[Some("Omar Haddad"), Some("Omar Haddad")],
        ),
        (
            "Title\n\nSergei Petrov told Reuters by phone about a meeting with Ivan Sidorov. \"We agreed on nothing,\" he said.",
            &[Some("Sergei Petrov")],
        ),
    ]);
}

#[test]
fn a_statement_speaks_for_its_source() {
    check_speakers(&[
        ("Title\n\nA statement released by the regional administration said: \"Evacuate now.\"", &[Some("the regional administration")]),
        (
            "Title\n\nStatements issued by the two foreign ministries described it as a “humanitarian pause”.",
            &[Some("the two foreign ministries")],
        ),
    ]);
    let x = run("Title\n\nAccording to a statement from the presidential office, the strike killed three people.", Some("2020-10-20"));
    assert_eq!(
        x.claims.iter().map(|c| (c.killed, c.claimant.as_deref())).collect::<Vec<_>>(),
        vec![(Some(3), Some("The presidential office"))]
    );
}

#[test]
fn a_quote_of_several_paragraphs_has_one_speaker() {
    check_speakers(&[
        // AP style: the paragraph is left open and the next one opens with a quotation mark.
        (
            "Title\n\n\"The attacks continued through the night,\" said Serhiy Lysak, the regional governor. \"We counted 40 drones.\n\n\"Three of them hit homes.\"",
            &[Some("Serhiy Lysak"), Some("Serhiy Lysak"), Some("Serhiy Lysak")],
        ),
        (
            "Title\n\n“Nobody warned us,” said Artem Babenko. “The sirens came too late.\n\n“My neighbour died.”",
            &[Some("Artem Babenko"), Some("Artem Babenko"), Some("Artem Babenko")],
        ),
        // The speaker named after the last paragraph is the earlier paragraphs' too.
        (
            "Title\n\n\"The shelling went on all night.\n\n\"And now the city has no water,\" said Serhiy Lysak, the regional governor.",
            &[Some("Serhiy Lysak"), Some("Serhiy Lysak")],
        ),
    ]);
}

#[test]
fn the_spokeswoman_is_the_spokeswoman_named_before() {
    check_speakers(&[
        (
            "Title\n\nTamar Kahn, a spokeswoman for the Red Cross, said staff were safe. Viktor Orlov, the local mayor, said the road was closed. \"Our team has left the area,\" the spokeswoman said.",
            &[Some("Tamar Kahn")],
        ),
        (
            "Title\n\nIvan Petrenko, a spokesman for the border service, said the crossing was shut. Maria Ivanova, a resident, said she had waited for hours. \"It will stay shut,\" the spokesman said.",
            &[Some("Ivan Petrenko")],
        ),
        (
            "Title\n\n\"The market was full,\" said Omar Haddad, a spokesman for Governor Khalid Mansour. Mansour visited the site. \"We will rebuild,\" the governor told reporters.",
            &[Some("Omar Haddad"), Some("Khalid Mansour")],
        ),
        (
            "Title\n\nRussia's top diplomat, Sergey Lavrov, said the truce must hold. Hulusi Akar spoke later. \"Both sides must comply,\" the diplomat added.",
            &[Some("Sergei Lavrov")],
        ),
        // TASS: "the head of state" is the president named before.
        (
            "Title\n\nBAKU, October 20. /TASS/. Azerbaijani President Ilham Aliyev met the Russian ambassador on Tuesday. \"We value our relations,\" the head of state stressed.",
            &[Some("Ilham Aliyev")],
        ),
    ]);
}

#[test]
fn saying_and_quoted_as_saying_name_the_speaker() {
    check_speakers(&[
        ("Title\n\nInterfax quoted Peskov as saying: \"The Kremlin is concerned.\"", &[Some("Dmitry Peskov")]),
        ("Title\n\nThe RIA news agency quoted Zakharova as saying that \"both sides must show restraint.\"", &[Some("Maria Zakharova")]),
        (
            "Title\n\nUkraine's defence ministry rejected the report, saying \"it is Russian propaganda.\" The ministry also rejected the accusation, saying: \"It is a lie.\"",
            &[Some("Ukraine's defence ministry"), Some("Ukraine's defence ministry")],
        ),
        (
            "Title\n\nTamar Kahn, a spokeswoman for the Red Cross, spoke on Monday.\n\n\"The situation is tense,\" Kahn was quoted as saying.",
            &[Some("Tamar Kahn")],
        ),
        ("Title\n\nAzerbaijan rejected the claim, adding: \"Our army hits only military targets.\"", &[Some("Azerbaijan")]),
    ]);
    // The figure in the participle clause is the sentence subject's claim.
    let x = run("Title\n\nThe Health Ministry updated its figures on Monday, saying 14 civilians were killed.", Some("2020-10-20"));
    assert_eq!(
        x.claims.iter().map(|c| (c.killed, c.claimant.as_deref())).collect::<Vec<_>>(),
        vec![(Some(14), Some("The Health Ministry"))]
    );
}

#[test]
fn inverted_said_with_a_role_and_name_and_unnamed_officials() {
    check_speakers(&[
        // "said the head of the district, NAME": the name after the role's comma.
        ("Title\n\n\"Three houses burned,\" said the head of the district, Ramil Ahmadov.", &[Some("Ramil Ahmadov")]),
        // An official who declined to be named is no earlier named person.
        (
            "Title\n\nNikol Pashinyan spoke on Monday. An Armenian official, who declined to be named, told Reuters the talks stalled. \"We are not optimistic,\" the official said.",
            &[Some("An Armenian official")],
        ),
    ]);
}

#[test]
fn the_statement_said_goes_to_who_issued_it() {
    check_speakers(&[(
        "Title\n\nThe Defence Ministry issued a statement on Sunday about the shelling of Tartar. \"The enemy suffered losses,\" the statement said.",
        &[Some("The Defence Ministry")],
    )]);
}

#[test]
fn religious_and_honorific_titles_are_not_part_of_a_name() {
    check_speakers(&[
        (
            "Title\n\n\"The bells will ring again,\" Father Hovhannes Hovhannisyan said outside the cathedral.",
            &[Some("Hovhannes Hovhannisyan")],
        ),
        ("Title\n\nFather Andrei told reporters: \"The church was hit twice.\"", &[Some("Andrei")]),
        ("Title\n\n\"We pray for both peoples,\" said Archbishop Pargev Martirosyan.", &[Some("Pargev Martirosyan")]),
        ("Title\n\n\"The mosque was empty,\" Imam Ilgar Ibrahimoglu told AFP.", &[Some("Ilgar Ibrahimoglu")]),
        ("Title\n\nSheikh Ahmed Salem said: \"The dead were all civilians.\"", &[Some("Ahmed Salem")]),
        ("Title\n\n\"Nobody is safe here,\" Rabbi Moshe Azman said.", &[Some("Moshe Azman")]),
        ("Title\n\n\"We treated 40 people overnight,\" Sister Maria Kovalenko said.", &[Some("Maria Kovalenko")]),
        ("Title\n\n\"The monks stayed,\" Brother Gevorg Petrosyan said.", &[Some("Gevorg Petrosyan")]),
        ("Title\n\n\"The cathedral must be protected,\" Bishop Vrtanes Abrahamyan said.", &[Some("Vrtanes Abrahamyan")]),
    ]);
    // "Father" alone, lower case or before no name is no title: "her father said".
    let x = run("Title\n\n\"He never came back,\" her father said.", Some("2020-10-20"));
    assert_eq!(x.quotes.iter().map(|q| q.speaker.as_deref()).collect::<Vec<_>>(), vec![None]);
    // A title makes a man or a woman: "she" goes to the sister, "he" to the father.
    check_speakers(&[(
        "Title\n\nFather Andrei Sidorenko and Sister Olena Marchuk stayed in the town. \"We had no water,\" she said. \"The church was hit twice,\" he said.",
        &[Some("Olena Marchuk"), Some("Andrei Sidorenko")],
    )]);
}

#[test]
fn an_unnamed_speaker_is_remembered_as_written() {
    check_speakers(&[
        (
            "Title\n\nAzerbaijani President Ilham Aliyev spoke on Sunday. A senior Azerbaijani official, who declined to be named, told Reuters the shelling had stopped. \"We will not retreat,\" he said.",
            &[Some("A senior Azerbaijani official")],
        ),
        (
            "Title\n\nArayik Harutyunyan visited the hospital. A nurse at the city hospital said the wards were full. \"We have no more beds,\" she said.",
            &[Some("A nurse at the city hospital")],
        ),
        (
            "Title\n\nMayor Ivan Fedorov spoke on Monday. One resident, who gave only her first name, Anahit, said the basement was cold. \"We sleep in our coats,\" she said.",
            &[Some("Anahit")],
        ),
        // Said of the unnamed speaker in the same sentence: "she told AFP".
        (
            "Title\n\nIlham Aliyev spoke on Sunday. A woman who lost her home in Ganja said the blast woke everyone. \"The windows flew in,\" she said.",
            &[Some("A woman who lost her home in Ganja")],
        ),
    ]);
}

#[test]
fn the_sex_of_an_unnamed_speaker_comes_from_the_text() {
    check_speakers(&[
        // A mother and a man: "she" is the mother, "he" the man.
        (
            "Title\n\nA mother of three said the shelling began at dawn. A man sheltering with her said the school was hit. \"My children cried all night,\" she said. \"We have nowhere to go,\" he said.",
            &[Some("A mother of three"), Some("A man sheltering with her")],
        ),
        // A nurse is not gendered: the pronoun the text uses right after says it.
        (
            "Title\n\nA nurse at the hospital said she had not slept. A soldier told AFP he had been on duty for two days. \"We operate by torchlight,\" she said. \"The road is cut,\" he said.",
            &[Some("A nurse at the hospital"), Some("A soldier")],
        ),
    ]);
}

#[test]
fn speakers_in_other_house_styles() {
    check_speakers(&[
        // "according to" a statement's source after a quote (here a known actor).
        (
            "Title\n\n\"We will respond,\" according to a statement from the Azerbaijani foreign ministry.",
            &[Some("Azerbaijan's foreign ministry")],
        ),
        // A given name alone with an age after "said".
        ("Title\n\n\"We have no water,\" said Halyna, 67, who would only give her first name.", &[Some("Halyna")]),
        // Arabic particles are part of the name.
        (
            "Title\n\n\"The hospital is out of fuel,\" Dr. Marwan al-Hams, director of field hospitals, told Al Jazeera.",
            &[Some("Marwan al-Hams")],
        ),
        ("Title\n\n\"We need fuel,\" said Mohammed bin Rashid, a doctor in Rafah.", &[Some("Mohammed bin Rashid")]),
        // An unknown source after "according to".
        (
            "Title\n\n\"The line held,\" according to the press service of the 93rd Brigade.",
            &[Some("the press service of the 93rd Brigade")],
        ),
        // An unnamed person after the verb, and the pronoun after it.
        (
            "Title\n\n\"We were hiding for 20 days,\" said a 70-year-old woman from Hadrut. \"Then the soldiers came,\" she added.",
            &[Some("a 70-year-old woman from Hadrut"), Some("a 70-year-old woman from Hadrut")],
        ),
        // Guardian: "whose son was killed" describes the speaker.
        ("Title\n\n\"I lost everything,\" said Ahmed Salem, whose house was flattened by a strike.", &[Some("Ahmed Salem")]),
        // AP: name, age, job.
        ("Title\n\n\"There was a flash,\" said Mykola Ivanov, 54, a retired engineer.", &[Some("Mykola Ivanov")]),
    ]);
    // A claimant after the last comma of a sentence that named a place-like name before it.
    let x = run(
        "Title\n\nParamilitary forces shelled the besieged city of El Fasher on Saturday, killing at least 30 civilians, a local resistance committee said.",
        Some("2020-10-20"),
    );
    assert_eq!(
        x.claims.iter().map(|c| (c.killed, c.claimant.as_deref())).collect::<Vec<_>>(),
        vec![(Some(30), Some("A local resistance committee"))]
    );
}

#[test]
fn a_pronoun_after_an_adverb_and_a_verb_that_opens_the_next_quote() {
    check_speakers(&[
        // "Later she added:" is "she", the woman named before, not a person called "Later she".
        (
            "Title\n\nAnna Petrosyan, a teacher, said the shelling had stopped. Later she added: \"My son is at the front.\"",
            &[Some("Anna Petrosyan")],
        ),
        (
            "Title\n\nIlham Aliyev spoke on Monday. \"We will win,\" he said. Then he said: \"The war is over.\"",
            &[Some("Ilham Aliyev"), Some("Ilham Aliyev")],
        ),
        // A verb whose colon opens the next quote does not speak the quote before it: the first
        // quote is the woman's, from its own sentence.
        (
            "Title\n\nArayik Harutyunyan visited Ganja on Monday. A woman who lost her home in Ganja said: \"We have nowhere to go.\" Later Harutyunyan said: \"We will rebuild.\"",
            &[Some("A woman who lost her home in Ganja"), Some("Arayik Harutyunyan")],
        ),
    ]);
}

#[test]
fn abbreviated_titles_give_the_role() {
    check_speakers(&[
        (
            "Title\n\nRegional Gov. Serhiy Lysak said a woman was killed in Nikopol. \"Rescuers are working at the site,\" the governor said.",
            &[Some("Serhiy Lysak")],
        ),
        (
            "Title\n\nLt. Gen. Oleksandr Pivnenko visited the front. \"We are holding the line,\" the general said.",
            &[Some("Oleksandr Pivnenko")],
        ),
        ("Title\n\nSen. Mark Warner spoke on Monday. \"We must act,\" the senator said.", &[Some("Mark Warner")]),
    ]);
}

#[test]
fn a_statement_or_letter_that_reads_speaks_for_its_source() {
    check_speakers(&[
        (
            "Title\n\nThe Defence Ministry issued a statement on Sunday about the shelling. The statement read: \"The enemy suffered losses.\"",
            &[Some("The Defence Ministry")],
        ),
        (
            "Title\n\nThe Defence Ministry issued a statement on Sunday about the shelling. \"The enemy suffered losses,\" the statement read.",
            &[Some("The Defence Ministry")],
        ),
        // Guard: "read" of anything else attributes nothing.
        ("Title\n\nThe children read aloud: \"We want peace.\"", &[None]),
    ]);
}
