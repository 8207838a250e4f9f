//! Extraction benchmarks (`cargo bench --bench extract`): the embedded default corpus, and 500
//! synthetic articles from `dateline::synth` read from disk as the app reads a folder.
//! The one-table comparison with ripgrep, memory and model queries is `dateline bench`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::Engine;
use dateline::engine::Progress;
use dateline::synth::{self, Synth};

fn engine() -> Engine {
    Engine::embedded().unwrap_or_else(|e| panic!("embedded data must load: {e}"))
}

fn embedded_corpus(c: &mut Criterion) {
    let engine = engine();
    let bytes: usize = dateline::corpus::embedded().0.iter().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("embedded corpus (5 articles)", |b| b.iter(|| black_box(engine.extract_embedded())));
    g.finish();
}

fn synthetic_500(c: &mut Criterion) {
    let engine = engine();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let s = Synth::new(&engine.gazetteer, &engine.actors);
    let summary = synth::write_corpus(&s, dir.path(), 500, 2020).unwrap_or_else(|e| panic!("{e}"));
    let paths = vec![dir.path().to_path_buf()];
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(summary.bytes));
    g.sample_size(20);
    g.bench_function("500 synthetic articles from disk", |b| b.iter(|| black_box(engine.extract_paths(&paths, &Progress::default()))));
    // The same articles already in memory: the engine without file reading.
    let docs = synth::documents(&s, 500, 2020);
    g.bench_function("500 synthetic articles in memory", |b| b.iter(|| black_box(engine.extract_documents(docs.clone()))));
    g.finish();
}

criterion_group!(benches, embedded_corpus, synthetic_500);
criterion_main!(benches);
