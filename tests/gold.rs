//! Precision and recall of place mentions, casualty claims and quote speakers on the five
//! default articles, against the hand-checked gold annotation in `tests/gold/`.

use std::collections::HashMap;

use dateline::Engine;
use serde_json::Value;

fn gold() -> Value {
    let text = include_str!("gold/default_corpus.json");
    serde_json::from_str(text).unwrap_or_else(|e| panic!("gold file: {e}"))
}

fn pr(matched: usize, extracted: usize, expected: usize) -> (f64, f64) {
    let p = if extracted == 0 { 1.0 } else { matched as f64 / extracted as f64 };
    let r = if expected == 0 { 1.0 } else { matched as f64 / expected as f64 };
    (p, r)
}

#[test]
fn default_corpus_precision_and_recall() {
    let engine = Engine::embedded().unwrap_or_else(|e| panic!("{e}"));
    let x = engine.extract_embedded();
    let g = gold();

    // Places: multiset of (article, text, place).
    let mut want: HashMap<(String, String, String), usize> = HashMap::new();
    let mut n_want = 0;
    for (article, list) in g["mentions"].as_object().into_iter().flatten() {
        for pair in list.as_array().into_iter().flatten() {
            let key = (article.clone(), pair[0].as_str().unwrap_or("").to_string(), pair[1].as_str().unwrap_or("").to_string());
            *want.entry(key).or_default() += 1;
            n_want += 1;
        }
    }
    let mut matched = 0;
    for m in &x.mentions {
        let key = (m.article.to_string(), m.text.to_string(), m.place.to_string());
        if let Some(n) = want.get_mut(&key).filter(|n| **n > 0) {
            *n -= 1;
            matched += 1;
        }
    }
    let (pp, pr_) = pr(matched, x.mentions.len(), n_want);

    // Claims: matched on (article, killed, wounded); attributes scored on the matches.
    let gold_claims = g["claims"].as_array().cloned().unwrap_or_default();
    let mut used = vec![false; gold_claims.len()];
    let mut claim_matched = 0;
    let mut attrs_right = 0;
    for c in &x.claims {
        let found = gold_claims.iter().enumerate().position(|(i, gc)| {
            !used[i]
                && gc["article"].as_str() == Some(c.article.as_str())
                && gc["killed"].as_u64() == c.killed
                && gc["wounded"].as_u64() == c.wounded
        });
        if let Some(i) = found {
            used[i] = true;
            claim_matched += 1;
            let gc = &gold_claims[i];
            let same = |k: &str, v: String| gc[k].as_str().map(str::to_string) == Some(v);
            let enum_str = |v: Value| v.as_str().unwrap_or("").to_string();
            if same("scope", enum_str(serde_json::to_value(c.scope).unwrap_or_default()))
                && same("hedge", enum_str(serde_json::to_value(c.hedge).unwrap_or_default()))
                && same("category", enum_str(serde_json::to_value(c.category).unwrap_or_default()))
                && gc["claimant"].as_str() == c.claimant.as_deref()
            {
                attrs_right += 1;
            } else {
                println!("claim attributes differ: gold {gc} vs {:?}", (c.scope, c.hedge, c.category, &c.claimant));
            }
        } else {
            println!("extra claim: {:?} in {:?}", (c.killed, c.wounded), c.sentence);
        }
    }
    let (cp, cr) = pr(claim_matched, x.claims.len(), gold_claims.len());

    // Quote speakers: each gold quote is found by its opening words.
    let gold_quotes = g["quotes"].as_array().cloned().unwrap_or_default();
    let mut speaker_right = 0;
    let mut speaker_given = 0;
    for gq in &gold_quotes {
        let article = gq["article"].as_str().unwrap_or("");
        let prefix = gq["starts_with"].as_str().unwrap_or("");
        let q = x.quotes.iter().find(|q| q.article == article && q.text.starts_with(prefix));
        let Some(q) = q else {
            println!("missing quote: {prefix:?}");
            continue;
        };
        if q.speaker.is_some() {
            speaker_given += 1;
        }
        if q.speaker.as_deref() == gq["speaker"].as_str() && q.speaker.is_some() {
            speaker_right += 1;
        } else {
            println!("speaker of {prefix:?}: gold {:?}, got {:?}", gq["speaker"], q.speaker);
        }
    }
    let gold_with_speaker = gold_quotes.iter().filter(|q| q["speaker"].is_string()).count();
    let (sp, sr) = pr(speaker_right, speaker_given, gold_with_speaker);

    println!("places:         precision {pp:.3} recall {pr_:.3} ({matched} of {} extracted, {n_want} gold)", x.mentions.len());
    println!(
        "claims:         precision {cp:.3} recall {cr:.3} ({claim_matched} of {} extracted, {} gold)",
        x.claims.len(),
        gold_claims.len()
    );
    println!("claim fields:   {attrs_right} of {claim_matched} matched claims have scope, hedge, category and claimant right");
    println!(
        "quote speakers: precision {sp:.3} recall {sr:.3} ({speaker_right} right of {speaker_given} attributed, {gold_with_speaker} gold)"
    );
    assert!(pp >= 0.95 && pr_ >= 0.90, "places below floor");
    assert!(cp >= 0.95 && cr >= 0.90, "claims below floor");
    assert!(sp >= 0.95 && sr >= 0.90, "quote speakers below floor");
    assert!(attrs_right as f64 >= 0.8 * claim_matched as f64, "claim attributes below floor");
}
