//! Property tests: no input makes the reader or any extractor panic, and every span points
//! inside its article on character boundaries. A fixed budget runs in CI.

use dateline::Engine;
use dateline::corpus::{Document, decode};
use proptest::prelude::*;

fn words() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Ganja",
        "Gəncə",
        "Moscow-brokered",
        "Azerbaijan’s",
        "\"",
        "“",
        "”",
        "‘",
        ". ",
        ", ",
        "killed",
        "wounded",
        "at least",
        "more than",
        "seven",
        "1,165",
        "99999999999999999999",
        "Oct.",
        "Sept. 27",
        "February 30",
        "1991-94",
        "since",
        "said",
        "She said.",
        "Lavrov",
        "Mr.",
        "\n",
        "\n\n",
        " date 2020-10-11 ",
        "{{x}}",
        "MOSCOW, October 4. /TASS/.",
        "Geneva Conventions",
        "a dozen",
        "and",
        "ə",
        "Ա",
        "—",
        "(",
        ")",
        "'s",
        "up to",
        "about",
        "civilians",
        "soldiers",
        "toll",
        "on Saturday",
        "last week",
        "0",
        "-",
        "2020-02-30",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn extractors_never_panic_and_spans_are_valid(text in words(), noise in "\\PC{0,200}") {
        let engine = Engine::embedded().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = format!("{text}{noise}");
        let x = engine.extract_documents(vec![Document { id: "f".into(), path: "f".into(), text: text.clone(), ..Default::default() }]);
        for m in &x.mentions {
            prop_assert!(text.get(m.start..m.end).is_some());
            prop_assert!(text.get(m.sentence_start..m.sentence_end).is_some());
        }
        for c in &x.claims {
            prop_assert!(text.get(c.start..c.end).is_some());
            prop_assert!(c.killed.unwrap_or(0) <= 10_000_000 && c.wounded.unwrap_or(0) <= 10_000_000);
        }
        for q in &x.quotes {
            prop_assert!(text.get(q.start..q.end).is_some());
        }
    }
}

/// Found by the property test: the window after a quote used to end inside a 4-byte
/// character (`𐖥`), and slicing there panicked.
#[test]
fn regression_attribution_window_ending_inside_a_multibyte_character() {
    let engine = Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
    // The quote ends at byte 8; 160 bytes later is the middle of the 4-byte character.
    let text = format!("T\n\n\"abc\"{}𐖥 said.", "x".repeat(158));
    let x = engine.extract_documents(vec![Document { id: "r".into(), path: "r".into(), text, ..Default::default() }]);
    assert_eq!(x.articles.len(), 1);
}

/// Found by the property test: a name ending after the comma of an appositive ("killed
/// Lavrov ,  said Ganja") made the words between them a slice that ends before it starts.
#[test]
fn regression_name_ending_after_the_appositive_comma() {
    let engine = Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
    let text = ",  killed Lavrov ,  said Ganja Ganja\"[\"".to_string();
    let x = engine.extract_documents(vec![Document { id: "r".into(), path: "r".into(), text, ..Default::default() }]);
    assert_eq!(x.articles.len(), 1);
}
