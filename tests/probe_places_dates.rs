//! Places, dates and metadata as other outlets write them (AP, Reuters, BBC, APA, Azertac,
//! ARKA, Eurasianet, news-please scrapes …): spellings without diacritics, Russian cases,
//! day ranges, weekdays with their date, ISO timestamps, day-first datelines, Markdown front
//! matter and JSON Lines variants. Each case is named after what was missed or misread.

mod common;
use chrono::NaiveDate;
use common::d;
use common::run;
use dateline::Engine;
use dateline::model::{DateBasis, DateSource, Extraction};

/// Extract a folder holding these files.
fn run_files(files: &[(&str, &str)]) -> Extraction {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{e}"));
    }
    let engine = Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
    engine.extract_paths(&[dir.path().to_path_buf()], &dateline::engine::Progress::default())
}

#[test]
fn azerbaijani_spellings_without_diacritics_russian_cases_and_new_places_are_found() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        // Azerbaijani Latin with its letters dropped (ş→s, ı→i, ə→e, ç→c), as sites without
        // the fonts write it.
        ("Shelling hit Susa, Xocali and Lacin.", &[("Susa", "shusha"), ("Xocali", "khojaly"), ("Lacin", "lachin")]),
        (
            "Troops entered Cabrayil, Zengilan and Kelbecer.",
            &[("Cabrayil", "jabrayil"), ("Zengilan", "zangilan"), ("Kelbecer", "kalbajar")],
        ),
        ("Missiles hit Gence, Mingecevir and Agcabedi.", &[("Gence", "ganja"), ("Mingecevir", "mingachevir"), ("Agcabedi", "aghjabadi")]),
        ("Djabrail and Dzhebrail are Jabrayil.", &[("Djabrail", "jabrayil"), ("Dzhebrail", "jabrayil"), ("Jabrayil", "jabrayil")]),
        // Azertac's spellings.
        ("Khankandi and Garabagh.", &[("Khankandi", "stepanakert"), ("Garabagh", "nagorno-karabakh")]),
        // Armenian transliteration of Qubadli.
        ("Fighting near Kubatlu.", &[("Kubatlu", "qubadli")]),
        // Russian cases after a preposition.
        ("Обстрел в Степанакерте и Гяндже.", &[("Степанакерте", "stepanakert"), ("Гяндже", "ganja")]),
        ("В Нагорном Карабахе.", &[("Нагорном Карабахе", "nagorno-karabakh")]),
        // Places the gazetteer lacked.
        ("Shelling hit Dashkasan, Ordubad and Sotk.", &[("Dashkasan", "dashkasan"), ("Ordubad", "ordubad"), ("Sotk", "sotk")]),
        ("The Zod gold mine, in Daşkəsən.", &[("Zod", "sotk"), ("Daşkəsən", "dashkasan")]),
        (
            "Missiles fell on Gabala and Kurdamir; Karintak fell.",
            &[("Gabala", "gabala"), ("Kurdamir", "kurdamir"), ("Karintak", "dashalty")],
        ),
        ("The Tugh-Hadrut road and Togh.", &[("Tugh", "tugh"), ("Hadrut", "hadrut"), ("Togh", "tugh")]),
        // The US state is not the country.
        ("He spoke in Atlanta, Georgia, and at the University of Georgia.", &[]),
        ("Trump spoke of the Georgia runoff and Georgia voters.", &[]),
        ("Talks in Georgia's capital.", &[("Georgia", "georgia")]),
    ];
    for (text, want) in cases {
        let text = format!("Title\n\n{text}");
        let x = run(&text, Some("2020-10-13"));
        let got: Vec<(&str, &str)> = x.mentions.iter().map(|m| (m.text.as_str(), m.place.as_str())).collect();
        assert_eq!(got, *want, "in {text:?}");
    }
}

#[test]
fn rfe_rl_transliterations_of_speakers_are_the_known_actors() {
    let cases: &[(&str, &str)] = &[
        ("\"The enemy shelled Stepanakert,\" Shushan Stepanian said.", "Shushan Stepanyan"),
        ("\"We are ready,\" Arayik Harutiunian told reporters.", "Arayik Harutyunyan"),
        ("\"It was a war crime,\" Artsrun Hovannisian said.", "Artsrun Hovhannisyan"),
    ];
    for (text, want) in cases {
        let x = run(&format!("Title\n\n{text}"), Some("2020-10-13"));
        assert_eq!(x.quotes.first().and_then(|q| q.speaker.as_deref()), Some(*want), "in {text:?}");
    }
}

#[test]
fn agency_names_and_time_zones_are_not_unknown_names() {
    let x = run(
        "Title\n\nBaku, 12 October 2020 (APA) The ministry told ARKA and AZERTAC at 15:47 GMT, Trend and Turan reported.",
        Some("2020-10-13"),
    );
    let names: Vec<&str> = x.unknown_names.iter().map(|n| n.name.as_str()).collect();
    for n in ["APA", "ARKA", "AZERTAC", "GMT", "Trend", "Turan"] {
        assert!(!names.contains(&n), "{n} in {names:?}");
    }
}

#[test]
fn dates_in_other_house_styles() {
    // Published on Tuesday 13 October 2020.
    let cases: &[(&str, &str, DateBasis)] = &[
        // Slashed ISO and ISO timestamps inside the text.
        ("Shelling hit Ganja on 2020/10/12.", "2020-10-12", DateBasis::Explicit),
        ("Shelling hit Ganja at 2020-10-12T08:15:00+04:00, officials said.", "2020-10-12", DateBasis::Explicit),
        ("Shelling hit Ganja (2020-10-11T23:50Z).", "2020-10-11", DateBasis::Explicit),
        // A day range before the month starts on its first day, as "October 11-12" does.
        ("Shelling hit Ganja on the night of 11-12 October.", "2020-10-11", DateBasis::Explicit),
        ("Shelling hit Ganja on the night of 11–12 October.", "2020-10-11", DateBasis::Explicit),
        ("Shelling hit Ganja on the night of October 11-12.", "2020-10-11", DateBasis::Explicit),
        ("Shelling hit Ganja on 11 and 12 October.", "2020-10-11", DateBasis::Explicit),
        ("Shelling hit Ganja from 11 to 12 October.", "2020-10-11", DateBasis::Explicit),
        // A weekday after "overnight" says the day.
        ("Shelling hit Ganja overnight Saturday.", "2020-10-10", DateBasis::Relative),
        // A weekday with its date: the date says the day, explicitly.
        ("Shelling hit Ganja on Monday (Oct 12).", "2020-10-12", DateBasis::Explicit),
        ("Shelling hit Ganja on Monday, 5 October.", "2020-10-05", DateBasis::Explicit),
        ("Shelling hit Ganja on Saturday, October 10.", "2020-10-10", DateBasis::Explicit),
        // Halfway between the first of the month and publication.
        ("Shelling hit Ganja earlier this month.", "2020-10-07", DateBasis::Relative),
        // Read before, still read.
        ("Shelling hit Ganja on Oct 12.", "2020-10-12", DateBasis::Explicit),
        ("Shelling hit Ganja on 12th October.", "2020-10-12", DateBasis::Explicit),
        ("Shelling hit Ganja early on Sunday.", "2020-10-11", DateBasis::Relative),
        ("Shelling hit Ganja late Saturday.", "2020-10-10", DateBasis::Relative),
        ("Shelling hit Ganja two days ago.", "2020-10-11", DateBasis::Relative),
        ("Shelling hit Ganja on 27 September.", "2020-09-27", DateBasis::Explicit),
        // A figure before a date is not its first day.
        ("Shelling killed 11 and 12 October was calm in Ganja.", "2020-10-12", DateBasis::Explicit),
        // Russian day-month dates (the genitive month name).
        ("Обстрел Гянджи 12 октября.", "2020-10-12", DateBasis::Explicit),
        ("Обстрел Степанакерта 11 октября 2020 года.", "2020-10-11", DateBasis::Explicit),
        // Not a day of its own: a range start.
        ("Shelling has hit Ganja since Sept 27.", "2020-10-13", DateBasis::Article),
    ];
    for (s, want, basis) in cases {
        let text = format!("Title\n\n{s}");
        let x = run(&text, Some("2020-10-13"));
        assert!(!x.mentions.is_empty(), "no place in {s:?}");
        let m = &x.mentions[0];
        assert_eq!((m.date, m.date_basis), (Some(d(want)), *basis), "in {s:?}");
    }
}

#[test]
fn since_a_month_without_its_day_is_a_range_start() {
    use dateline::extract::dates::{DateKind, find_dates};
    let p = Some(d("2020-10-13"));
    let cases: &[(&str, Option<&str>)] = &[
        ("450 dead since late September", Some("2020-09-25")),
        ("fighting since mid-October", Some("2020-10-15")),
        ("fighting since early October", Some("2020-10-05")),
        ("fighting since September,", Some("2020-09-01")),
        // A day or a year after the month is another date; a month not after "since" none.
        ("fighting since September 27", Some("2020-09-27")),
        ("fighting in late September", None),
        ("Since September, fighting", Some("2020-09-01")),
        // A comparison is no range start.
        ("the worst fighting since July", None),
        ("the deadliest day since late September", None),
    ];
    for (s, want) in cases {
        // (Only range starts: "in late September" is a day, the 25th, relative.)
        let got: Vec<DateKind> =
            find_dates(s, 0, p, None).into_iter().map(|e| e.kind).filter(|k| matches!(k, DateKind::Since(_))).collect();
        assert_eq!(got, want.map(|w| DateKind::Since(d(w))).into_iter().collect::<Vec<_>>(), "in {s:?}");
    }
    // A toll since then, not an incident.
    let x = run("Title\n\nArmenia said 450 soldiers died in Nagorno-Karabakh since late September.", Some("2020-10-13"));
    assert_eq!(x.claims.len(), 1);
    assert_eq!(x.claims[0].scope, dateline::model::Scope::Toll);
}

#[test]
fn since_a_weekday_with_its_date_stays_a_range_start() {
    use dateline::extract::dates::{DateKind, find_dates};
    let got = find_dates("fighting since Sunday, Sept. 27", 0, Some(d("2020-10-13")), None);
    let kinds: Vec<DateKind> = got.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, vec![DateKind::Since(d("2020-09-27"))]);
}

#[test]
fn datelines_with_the_day_before_the_month() {
    let cases: &[(&str, Option<&str>)] = &[
        ("Title\n\nBaku, 12 October 2020 (APA) Shelling hit Tartar.", Some("2020-10-12")),
        ("Title\n\nBAKU, 12 Oct – Shelling hit Tartar on 10 October 2020.", Some("2020-10-12")),
        ("Title\n\nYerevan, 14 October, ARMENPRESS.\n\nShelling hit Tartar on 13 October 2020.", Some("2020-10-14")),
        // Trend writes no space after the abbreviation's dot.
        ("Title\n\nBAKU, Azerbaijan, Oct.12\n\nShelling hit Tartar on 11 October 2020.", Some("2020-10-12")),
        // The month first with a tag after the date, and a dateline in brackets.
        ("Title\n\nBaku, October 12 (APA). Shelling hit Tartar on 11 October 2020.", Some("2020-10-12")),
        ("Title\n\n[Baku, 12 October] - Shelling hit Tartar on 11 October 2020.", Some("2020-10-12")),
        // Turan: a dotted date with a two-digit year between slashes.
        ("Title\n\nBaku/12.10.20/Turan: Shelling hit Tartar.", Some("2020-10-12")),
        // An agency's tag in capitals, then a dash or straight into the text.
        ("Title\n\nMoscow, 5 October. INTERFAX - Shelling hit Belgorod on 4 October 2020.", Some("2020-10-05")),
        ("Title\n\nBaku, 5 October, AZERTAC The ministry said Tartar was shelled on 4 October 2020.", Some("2020-10-05")),
        ("Title\n\nKYIV, October 5, UKRINFORM. Shelling hit Kherson on 4 October 2022.", Some("2022-10-05")),
        // A sentence that opens with a place and a date is not a dateline.
        ("Title\n\nIn Tartar, 12 October 2020 was calm and then shelling began.", None),
        ("Title\n\nIn Tartar, 12 October 2020 THE day began calmly.", None),
    ];
    for (text, want) in cases {
        let x = run(text, None);
        let a = &x.articles[0];
        let got = (a.published, a.published_source);
        match want {
            Some(w) => assert_eq!(got, (Some(d(w)), DateSource::Dateline), "in {text:?}"),
            None => assert_ne!(got.1, DateSource::Dateline, "in {text:?}"),
        }
    }
}

#[test]
fn a_datelines_year_is_the_one_nearest_the_texts_first_date_or_the_corpus_year() {
    // (text, publication year of the corpus's other articles, dateline date)
    let cases: &[(&str, Option<&str>, &str)] = &[
        // Feb 29 does not exist in 2023, the year of the first full date.
        ("GAZA CITY, Feb 29 (Reuters) - Gaza has been under fire since Oct 7, 2023, medics said.", None, "2024-02-29"),
        // A story filed in January that recalls 7 October 2023 is of 2024.
        ("GAZA CITY, Jan 15 (Reuters) - The war began on Oct 7, 2023, when gunmen crossed the fence.", None, "2024-01-15"),
        // A later date in the same year is a plan, not a reason for the next year.
        ("KYIV, Oct 4 (Reuters) - Talks are due to resume on December 10, 2022, officials said.", None, "2022-10-04"),
        // A date of an earlier year than the corpus's is history the story recalls.
        ("GAZA CITY, Oct 20 (Reuters) - Since Oct 7, 2023, strikes have hit the city.", Some("2024"), "2024-10-20"),
    ];
    for (text, corpus, want) in cases {
        let mut files = vec![("a.txt", format!("Title\n\n{text}"))];
        if let Some(y) = corpus {
            files.push(("b.txt", format!("Other\n\nPublished {y}-03-01\n\nText.")));
        }
        let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let x = run_files(&files);
        let a = x.articles.iter().find(|a| a.path.ends_with("a.txt")).unwrap_or_else(|| panic!("no article"));
        assert_eq!((a.published, a.published_source), (Some(d(want)), DateSource::Dateline), "in {text:?}");
    }
}

#[test]
fn agency_tags_after_a_dash_or_a_day_first_date() {
    let cases: &[(&str, &str)] = &[
        ("Title\n\nMOSCOW, Oct 12 - RIA Novosti. Shelling hit Tartar.", "RIA Novosti"),
        ("Title\n\nBaku, 12 October, AZERTAC\n\nShelling hit Tartar.", "Azertac"),
        ("Title\n\nYEREVAN, 12 October 2020, ARMENPRESS. Shelling hit Tartar.", "Armenpress"),
        ("Title\n\nBaku/12.10.20/Turan: Shelling hit Tartar.", "Turan"),
        ("Title\n\nMoscow, 5 October. INTERFAX - Shelling hit Belgorod.", "Interfax"),
        ("Title\n\nBaku, 5 October, AZERTAC The ministry said Tartar was shelled.", "Azertac"),
    ];
    for (text, want) in cases {
        assert_eq!(run(text, None).articles[0].outlet.as_deref(), Some(*want), "in {text:?}");
    }
}

#[test]
fn bylines_with_dates_and_american_time_zones_are_date_lines() {
    for line in [
        "By Joshua Kucera, Oct 12, 2020",
        "Oct 12, 2020, 8:15 AM ET",
        "Updated 12:41 PM ET, Mon October 12, 2020",
        "By RFE/RL's Armenian Service October 12, 2020 15:47 GMT",
    ] {
        let text = format!("Title\n\n{line}\n\nShelling hit Tartar on 10 October 2020.");
        let a = &run(&text, None).articles[0];
        assert_eq!((a.published, a.published_source), (Some(d("2020-10-12")), DateSource::Header), "in {line:?}");
    }
}

#[test]
fn a_written_date_header_above_the_title_is_not_the_title() {
    let x = run("Published: October 12, 2020\n\nShelling in Tartar\n\nShelling hit Tartar yesterday.", None);
    let a = &x.articles[0];
    assert_eq!((a.title.as_str(), a.published, a.published_source), ("Shelling in Tartar", Some(d("2020-10-12")), DateSource::Header));
    // The title takes the article's date; "yesterday" the day before it.
    assert_eq!(x.mentions.iter().map(|m| m.date).collect::<Vec<_>>(), vec![Some(d("2020-10-12")), Some(d("2020-10-11"))]);
}

#[test]
fn markdown_front_matter_gives_metadata_and_is_not_text() {
    let x = run_files(&[
        (
            "a.md",
            "---\ntitle: \"Shelling: Tartar under fire\"\ndate: 2020-10-12\nsource: eurasianet.org\nurl: https://eurasianet.org/x\nauthors:\n  - Joshua Kucera\ntags: [Ganja, Baku]\n---\n\nShelling hit Tartar yesterday, Baku said.\n",
        ),
        (
            "b.md",
            "+++\ntitle = \"Ganja hit\"\ndate = 2020-10-11T08:00:00+04:00\npublisher = \"OC Media\"\n+++\nShelling hit Ganja on Saturday.\n",
        ),
        // A rule that is not front matter, and front matter that never closes.
        ("c.md", "Title of c\n---\nShelling hit Barda on 12 October 2020.\n"),
        ("d.md", "---\ntitle: never closed\nShelling hit Barda on 12 October 2020.\n"),
        ("e.md", "---\nShelling hit Barda: a town near the front.\n---\nMore text.\n"),
    ]);
    let by_id = |id: &str| x.articles.iter().find(|a| a.id == id).unwrap_or_else(|| panic!("no {id}"));
    let a = by_id("a");
    assert_eq!(a.title, "Shelling: Tartar under fire");
    assert_eq!(a.outlet.as_deref(), Some("Eurasianet"));
    assert_eq!(a.url.as_deref(), Some("https://eurasianet.org/x"));
    assert_eq!((a.published, a.published_source), (Some(d("2020-10-12")), DateSource::Header));
    let places: Vec<(&str, &str, Option<NaiveDate>)> =
        x.mentions.iter().filter(|m| m.article.as_str() == "a").map(|m| (m.text.as_str(), m.place.as_str(), m.date)).collect();
    // Neither the tags nor the title are read as text; "yesterday" resolves from the date.
    assert_eq!(places, vec![("Tartar", "tartar", Some(d("2020-10-11"))), ("Baku", "baku", Some(d("2020-10-11")))]);
    let b = by_id("b");
    assert_eq!((b.title.as_str(), b.outlet.as_deref(), b.published), ("Ganja hit", Some("OC Media"), Some(d("2020-10-11"))));
    assert!(x.mentions.iter().any(|m| m.article.as_str() == "b" && m.place.as_str() == "ganja" && m.date == Some(d("2020-10-10"))));
    assert_eq!(by_id("c").title, "Title of c");
    assert_eq!(by_id("d").title, "---");
    // Prose between two rules is text, not front matter.
    assert_eq!(by_id("e").title, "---");
    assert!(x.mentions.iter().any(|m| m.article.as_str() == "e" && m.place.as_str() == "barda"));
}

#[test]
fn json_lines_from_news_please_and_rss_scrapers() {
    let lines = [
        r#"{"title":"A","maintext":"Shelling hit Ganja yesterday.","date_publish":"2020-10-12 08:15:00","source_domain":"www.reuters.com","url":"https://www.reuters.com/a","description":"lead","authors":["A B"]}"#,
        r#"{"title":"B","maintext":null,"description":"Shelling hit Ganja yesterday.","date_publish":null,"date_modify":"2020-10-12 09:00:00","date_download":"2020-10-20 10:00:00","source_domain":"apnews.com"}"#,
        r#"{"title":"C","text":"Shelling hit Ganja yesterday.","published":"Mon, 12 Oct 2020 08:15:00 GMT","source_domain":"news.am"}"#,
        r#"{"title":"D","text":"Shelling hit Ganja yesterday.","date":"October 12, 2020","source":"oc-media.org"}"#,
        r#"{"title":"E","text":"Shelling hit Ganja yesterday.","date_publish":"2020-10-12T08:15:00+04:00","source_domain":"example.org"}"#,
        r#"{"title":"F","text":"Shelling hit Ganja yesterday.","date_publish":"2020-10-12","url":"https://www.aljazeera.com/news/2020/10/12/x"}"#,
    ];
    let x = run_files(&[("feed.jsonl", &lines.join("\n"))]);
    assert!(x.problems.is_empty(), "{:?}", x.problems);
    let got: Vec<(&str, Option<&str>, Option<NaiveDate>)> =
        x.articles.iter().map(|a| (a.title.as_str(), a.outlet.as_deref(), a.published)).collect();
    let day = Some(d("2020-10-12"));
    assert_eq!(
        got,
        vec![
            ("A", Some("Reuters"), day),
            ("B", Some("AP"), day),
            ("C", Some("news.am"), day),
            ("D", Some("OC Media"), day),
            ("E", Some("example.org"), day),
            // No outlet given: the web address's.
            ("F", Some("Al Jazeera"), day)
        ]
    );
    assert_eq!(x.mentions.len(), 6);
    assert!(x.mentions.iter().all(|m| m.date == Some(d("2020-10-11")) && m.date_basis == DateBasis::Relative));
}

#[test]
fn day_of_month_ordinals_relative_days_mid_month_and_caps_abbreviations() {
    // Published on Tuesday 13 October 2020.
    let cases: &[(&str, &str, DateBasis)] = &[
        // "the 12th": a day of the publication month, or of the month before when it is after
        // publication.
        ("Shelling hit Ganja on the 12th.", "2020-10-12", DateBasis::Relative),
        ("Shelling hit Ganja on the 28th.", "2020-09-28", DateBasis::Relative),
        // A day before the sentence before's explicit date, else before publication.
        ("Tartar was shelled on October 5. Shelling hit Ganja a day earlier.", "2020-10-04", DateBasis::Relative),
        ("Tartar was shelled on October 5. Shelling hit Ganja the previous day.", "2020-10-04", DateBasis::Relative),
        ("Tartar was shelled on October 5. Shelling hit Ganja the day before.", "2020-10-04", DateBasis::Relative),
        ("Shelling hit Ganja the day before.", "2020-10-12", DateBasis::Relative),
        // A comparison with an earlier figure dates the figure, not the sentence.
        ("Shelling in Ganja killed 12, up from 10 a day earlier.", "2020-10-13", DateBasis::Article),
        // The middle of a month: its 15th, approximate (no day written).
        ("Shelling hit Ganja in mid-October.", "2020-10-15", DateBasis::Relative),
        ("Shelling hit Ganja in mid-September.", "2020-09-15", DateBasis::Relative),
        // All-caps abbreviations, with or without a space.
        ("Shelling hit Ganja on SEPT. 27.", "2020-09-27", DateBasis::Explicit),
        ("Shelling hit Ganja on OCT.12.", "2020-10-12", DateBasis::Explicit),
    ];
    check_ganja_dates(cases);
}

#[test]
fn apa_slashed_and_report_az_dotted_datelines() {
    let cases: &[(&str, &str)] = &[
        ("Title\n\nBaku / 12.10.2020 / APA\n\nShelling hit Tartar.", "2020-10-12"),
        ("Title\n\nBaku. 12 October. REPORT.AZ\n\nShelling hit Tartar on 11 October 2020.", "2020-10-12"),
        ("Title\n\nBaku. 12 October. REPORT.AZ Shelling hit Tartar on 11 October 2020.", "2020-10-12"),
    ];
    for (text, want) in cases {
        let x = run(text, None);
        let a = &x.articles[0];
        assert_eq!((a.published, a.published_source), (Some(d(want)), DateSource::Dateline), "in {text:?}");
    }
}

#[test]
fn an_agency_at_the_end_of_a_dateline_is_the_outlet() {
    let cases: &[(&str, &str)] = &[
        ("Title\n\nBaku / 12.10.2020 / APA\n\nShelling hit Tartar.", "APA"),
        ("Title\n\nBaku/12.10.20/Turan: Shelling hit Tartar.", "Turan"),
        ("Title\n\nBaku. 12 October. REPORT.AZ\n\nShelling hit Tartar.", "Report.az"),
        ("Title\n\nBaku. 12 October. REPORT.AZ Shelling hit Tartar.", "Report.az"),
        ("Title\n\nStepanakert, October 16, ARMENPRESS. Shelling hit the city.", "Armenpress"),
        ("Title\n\nYerevan, 12 October, news.am\n\nShelling hit Stepanakert.", "news.am"),
        ("Title\n\nYerevan, 12 October, NEWS.am: Shelling hit Stepanakert.", "news.am"),
        ("Title\n\nBaku, October 12, Trend:\n\nShelling hit Tartar.", "Trend"),
        ("Title\n\nBaku, 12 October (APA). Shelling hit Tartar.", "APA"),
        ("Title\n\nBAKU, Oct 12 (Reuters) - Shelling hit Tartar.", "Reuters"),
    ];
    let mut misses = Vec::new();
    for (text, want) in cases {
        let got = run(text, None).articles[0].outlet.clone();
        if got.as_deref() != Some(*want) {
            misses.push(format!("in {text:?}: want {want}, got {got:?}"));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
    // The corpus's own outlet wins; an agency named in running text is none.
    let x = run("Title\n\nThe minister told APA on Monday that Tartar was shelled.", None);
    assert_eq!(x.articles[0].outlet, None);
}

#[test]
fn parts_of_months_are_relative_days() {
    // Published on Tuesday 13 October 2020. Early = the 5th, mid = the 15th, late = the 25th,
    // the start (beginning) = the 1st, the end = the month's last day; relative, since no day
    // is written. A day of this month is never after publication.
    let cases: &[(&str, &str, DateBasis)] = &[
        ("Shelling hit Ganja in early October.", "2020-10-05", DateBasis::Relative),
        ("Shelling hit Ganja in late September.", "2020-09-25", DateBasis::Relative),
        ("Shelling that hit Ganja late September killed two.", "2020-09-25", DateBasis::Relative),
        ("Early October saw shelling in Ganja.", "2020-10-05", DateBasis::Relative),
        ("Shelling hit Ganja at the end of September.", "2020-09-30", DateBasis::Relative),
        ("Shelling hit Ganja at the start of October.", "2020-10-01", DateBasis::Relative),
        ("Shelling hit Ganja at the beginning of October.", "2020-10-01", DateBasis::Relative),
        ("Shelling hit Ganja in early October 2020.", "2020-10-05", DateBasis::Relative),
        ("Shelling hit Ganja early this month.", "2020-10-05", DateBasis::Relative),
        ("Shelling hit Ganja late this month.", "2020-10-13", DateBasis::Relative),
        ("Shelling hit Ganja at the end of last month.", "2020-09-30", DateBasis::Relative),
        ("Shelling hit Ganja at the start of this month.", "2020-10-01", DateBasis::Relative),
        // Read before, still read.
        ("Shelling hit Ganja in mid-October.", "2020-10-15", DateBasis::Relative),
        ("Shelling hit Ganja late last month.", "2020-09-25", DateBasis::Relative),
        // Guards: a deadline or a range's end is not the day of the events; a range start is
        // no day of its own.
        ("Shelling must stop in Ganja by the end of October.", "2020-10-13", DateBasis::Article),
        ("The truce in Ganja holds until late October.", "2020-10-13", DateBasis::Article),
        ("Shelling has hit Ganja since the start of October.", "2020-10-13", DateBasis::Article),
        ("Shelling hit Ganja in the early hours of October 12.", "2020-10-12", DateBasis::Explicit),
    ];
    check_ganja_dates(cases);
    // Ranges from a part of a month start on its day.
    use dateline::extract::dates::{DateKind, find_dates};
    let got: Vec<DateKind> =
        find_dates("fighting since the end of September", 0, Some(d("2020-10-13")), None).into_iter().map(|e| e.kind).collect();
    assert_eq!(got, [DateKind::Since(d("2020-09-30"))]);
}

#[test]
fn month_names_in_capitals() {
    // Published on Tuesday 13 October 2020.
    let cases: &[(&str, &str, DateBasis)] = &[
        ("Shelling hit Ganja on OCTOBER 12.", "2020-10-12", DateBasis::Explicit),
        ("Shelling hit Ganja on 12 OCTOBER 2020.", "2020-10-12", DateBasis::Explicit),
        ("SHELLING HIT GANJA ON SEPTEMBER 27.", "2020-09-27", DateBasis::Explicit),
        // Guard: a month name in lower case is no month ("may 5" is not a date).
        ("Shelling may hit Ganja again, may 5 officials said.", "2020-10-13", DateBasis::Article),
        ("Shelling hit Ganja on october 12.", "2020-10-13", DateBasis::Article),
    ];
    check_ganja_dates(cases);
    // Datelines in capitals.
    let datelines: &[(&str, &str, Option<&str>)] = &[
        ("Title\n\nSTEPANAKERT, OCTOBER 16, ARMENPRESS. Shelling hit Tartar on 15 October 2020.", "2020-10-16", Some("Armenpress")),
        ("Title\n\nBAKU, 12 OCTOBER 2020 (APA) Shelling hit Tartar.", "2020-10-12", Some("APA")),
        ("Title\n\nYEREVAN, OCTOBER 12, 2020 - Shelling hit Tartar.", "2020-10-12", None),
    ];
    for (text, want, outlet) in datelines {
        let a = &run(text, None).articles[0];
        assert_eq!((a.published, a.published_source, a.outlet.as_deref()), (Some(d(want)), DateSource::Dateline, *outlet), "in {text:?}");
    }
}

#[test]
fn weekdays_weekends_and_last_year_as_other_wars_are_reported() {
    // Published on Tuesday 13 October 2020.
    let cases: &[(&str, &str, DateBasis)] = &[
        // A modifier opening the sentence, in capitals, is still the modifier.
        ("Last Tuesday, a missile strike hit Ganja.", "2020-10-06", DateBasis::Relative),
        ("Early Monday, drones hit Ganja.", "2020-10-12", DateBasis::Relative),
        ("Since Monday, shelling has hit Ganja every night.", "2020-10-13", DateBasis::Article),
        // The weekend before publication: its Saturday.
        ("Over the weekend, shelling hit Ganja.", "2020-10-10", DateBasis::Relative),
        ("Shelling hit Ganja at the weekend.", "2020-10-10", DateBasis::Relative),
        ("Shelling hit Ganja this past weekend.", "2020-10-10", DateBasis::Relative),
        // A day without its year "last year" is in the year before publication.
        ("Shelling hit Ganja on 7 October last year.", "2019-10-07", DateBasis::Explicit),
        ("Shelling hit Ganja on October 7 last year, officials said.", "2019-10-07", DateBasis::Explicit),
        // "the previous night" is "the previous day"'s.
        ("Tartar was shelled on October 5. Ganja was shelled the previous night.", "2020-10-04", DateBasis::Relative),
        // Read before, still read.
        ("Thursday's attack on Ganja killed four.", "2020-10-08", DateBasis::Relative),
        ("On the night of 3 to 4 October, drones hit Ganja.", "2020-10-03", DateBasis::Explicit),
        ("Shelling hit Ganja on Oct 7.", "2020-10-07", DateBasis::Explicit),
    ];
    check_ganja_dates(cases);
}

#[test]
fn a_dateline_with_its_year_dates_the_corpus_datelines_without_one() {
    // A folder of two wire stories: APA writes the year in its dateline, Reuters does not. The
    // Reuters story takes the corpus's year, as it would from a header.
    let engine = Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
    let doc = |id: &str, text: &str| dateline::corpus::Document {
        id: id.into(),
        path: format!("{id}.txt"),
        text: text.into(),
        ..Default::default()
    };
    let x = engine.extract_documents(vec![
        doc("apa", "Civilians killed in Ganja\n\nBaku / 17.10.2020 / APA\n\nThirteen civilians were killed in Ganja overnight."),
        doc("reuters", "Shelling hits Tartar\n\nBAKU, Oct 17 (Reuters) - Four civilians were killed in Tartar overnight, Azerbaijan said."),
    ]);
    let published: Vec<(String, Option<NaiveDate>)> = x.articles.iter().map(|a| (a.id.clone(), a.published)).collect();
    assert_eq!(published, [("apa".to_string(), Some(d("2020-10-17"))), ("reuters".to_string(), Some(d("2020-10-17")))]);
}

#[test]
fn names_cut_by_a_wrapped_line_end_are_found() {
    // A newsletter wrapped at 60-odd columns, saved with Windows line ends: a place and an
    // actor cut by a soft `\r\n`, and a hyphenated name cut after its hyphen.
    let text = "Briefing\r\n\r\nThe foreign ministers met in Moscow on Friday for talks on\r\na new truce. \"The talks will go on next week,\" said Sergei\r\nLavrov, who spoke of the future of the enclave of Nagorno\r\nKarabakh as the core of the dispute. Shelling resumed in Nagorno-\r\nKarabakh overnight, and the truce brokered by Russia frayed.\r\nArmenia's defence ministry said two civilians were killed\r\nin Stepanakert, the region's main city, on Saturday morning.";
    let x = run(text, Some("2020-10-17"));
    let places: Vec<&str> = x.mentions.iter().map(|m| m.place.as_ref()).collect();
    assert_eq!(places.iter().filter(|p| **p == "nagorno-karabakh").count(), 2, "{places:?}");
    let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Sergei Lavrov")]);
    // The spans point into the text as written, over the line break.
    let m = x.mentions.iter().find(|m| m.place.as_ref() == "nagorno-karabakh").unwrap_or_else(|| panic!("no mention"));
    assert_eq!(&text[m.start..m.end], "Nagorno\r\nKarabakh");
    let spans: Vec<&str> = x.mentions.iter().filter(|m| m.place.as_ref() == "nagorno-karabakh").map(|m| &text[m.start..m.end]).collect();
    assert_eq!(spans, ["Nagorno\r\nKarabakh", "Nagorno-\r\nKarabakh"]);
}

/// Check a table of (sentence about Ganja, the day its mention is dated, the basis) in an
/// article published on Tuesday 13 October 2020, reporting every miss.
fn check_ganja_dates(cases: &[(&str, &str, DateBasis)]) {
    let mut misses = Vec::new();
    for (s, want, basis) in cases {
        let x = run(&format!("Title\n\n{s}"), Some("2020-10-13"));
        let Some(m) = x.mentions.iter().find(|m| m.place.as_str() == "ganja") else {
            misses.push(format!("no Ganja in {s:?}"));
            continue;
        };
        if (m.date, m.date_basis) != (Some(d(want)), *basis) {
            misses.push(format!("in {s:?}: want {want} {basis:?}, got {:?} {:?}", m.date, m.date_basis));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
