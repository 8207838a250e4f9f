use std::time::Instant;
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let threads: usize = std::env::args().nth(2).map(|s| s.parse().unwrap()).unwrap_or(0);
    if threads > 0 { rayon::ThreadPoolBuilder::new().num_threads(threads).build_global().unwrap(); }
    let engine = dateline::Engine::embedded().unwrap();
    let p = dateline::engine::Progress::default();
    for _ in 0..3 {
        let t = Instant::now();
        let r = dateline::corpus::read_paths(std::slice::from_ref(&dir), &p);
        let t1 = t.elapsed();
        let bytes: usize = r.documents.iter().map(|d| d.text.len()).sum();
        let t = Instant::now();
        let x = engine.extract_documents(r.documents);
        let t2 = t.elapsed();
        println!("read {:?} extract {:?} ({:.1} MB/s of extract alone) {}", t1, t2, bytes as f64 / 1e6 / t2.as_secs_f64(), x.articles.len());
    }
}
