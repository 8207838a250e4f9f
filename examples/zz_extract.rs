#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let engine = dateline::Engine::embedded().unwrap();
    let p = dateline::engine::Progress::default();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let x = engine.extract_paths(std::slice::from_ref(&dir), &p);
        eprintln!("{:?} {}", t.elapsed(), x.articles.len());
        drop(x);
    }
}
