//! Reload when the open files change on disk: a `notify` watcher on the opened paths
//! (folders recursively), debounced so that a burst of writes (an editor's save, a scraper
//! writing a hundred files) becomes one reload.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use eframe::egui;
use notify::{EventKind, RecursiveMode, Watcher};

/// Quiet time after the last change before reloading.
pub const DEBOUNCE: Duration = Duration::from_millis(500);

/// Whether a changed path can change the corpus: an article (`.txt`, `.md`, `.text`,
/// `.jsonl`, `.ndjson`, as the corpus reader takes them) or a `manifest.toml`. Editor swap files and the like are ignored.
pub fn is_corpus_file(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    if name.starts_with('.') || name.ends_with('~') {
        return false;
    }
    name == "manifest.toml"
        || path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .is_some_and(|e| matches!(e.as_str(), "txt" | "md" | "text" | "jsonl" | "ndjson"))
}

/// What [`FolderWatcher::poll`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Poll {
    /// No change.
    Idle,
    /// Changes seen; reload after this much more quiet time.
    Waiting(Duration),
    /// Reload now: this many files changed.
    Ready(usize),
}

/// Watches the open files and folders.
pub struct FolderWatcher {
    _watcher: notify::RecommendedWatcher,
    rx: Receiver<notify::Result<notify::Event>>,
    changed: BTreeSet<PathBuf>,
    last_change: Option<Instant>,
}

impl FolderWatcher {
    /// Watch `paths` (folders recursively). Each event wakes the UI through `ctx` if given.
    pub fn new(paths: &[PathBuf], ctx: Option<egui::Context>) -> Result<Self, String> {
        let (tx, rx) = channel();
        let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
            let _ = tx.send(ev);
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        })
        .map_err(|e| e.to_string())?;
        for p in paths {
            let mode = if p.is_dir() { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
            watcher.watch(p, mode).map_err(|e| format!("{}: {e}", p.display()))?;
        }
        Ok(FolderWatcher { _watcher: watcher, rx, changed: BTreeSet::new(), last_change: None })
    }

    /// Drain the events; tell whether to reload now, later, or not at all.
    pub fn poll(&mut self) -> Poll {
        self.poll_at(Instant::now())
    }

    fn poll_at(&mut self, now: Instant) -> Poll {
        while let Ok(ev) = self.rx.try_recv() {
            let Ok(ev) = ev else { continue };
            let relevant = match ev.kind {
                EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any => true,
                EventKind::Modify(notify::event::ModifyKind::Metadata(_)) => false,
                EventKind::Modify(_) => true,
                EventKind::Access(_) | EventKind::Other => false,
            };
            if !relevant {
                continue;
            }
            for p in ev.paths.into_iter().filter(|p| is_corpus_file(p)) {
                self.changed.insert(p);
                self.last_change = Some(now);
            }
        }
        match self.last_change {
            None => Poll::Idle,
            Some(t) => {
                let quiet = now.saturating_duration_since(t);
                if quiet >= DEBOUNCE {
                    let n = self.changed.len();
                    self.changed.clear();
                    self.last_change = None;
                    Poll::Ready(n)
                } else {
                    Poll::Waiting(DEBOUNCE - quiet)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_files() {
        assert!(is_corpus_file(Path::new("/a/b.txt")));
        assert!(is_corpus_file(Path::new("/a/B.MD")));
        assert!(is_corpus_file(Path::new("/a/feed.jsonl")));
        assert!(is_corpus_file(Path::new("/a/manifest.toml")));
        assert!(!is_corpus_file(Path::new("/a/.b.txt.swp")));
        assert!(!is_corpus_file(Path::new("/a/b.txt~")));
        assert!(!is_corpus_file(Path::new("/a/image.png")));
    }

    #[test]
    fn a_burst_of_writes_is_one_reload_after_quiet_time() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = FolderWatcher::new(&[dir.path().to_path_buf()], None).unwrap();
        for i in 0..5 {
            std::fs::write(dir.path().join(format!("a{i}.txt")), "Ganja, 5 Oct 2020").unwrap();
        }
        std::fs::write(dir.path().join("notes.png"), "x").unwrap();
        let t0 = Instant::now();
        let mut got = None;
        while t0.elapsed() < Duration::from_secs(10) {
            match w.poll() {
                Poll::Ready(n) => {
                    got = Some(n);
                    break;
                }
                Poll::Waiting(_) | Poll::Idle => std::thread::sleep(Duration::from_millis(50)),
            }
        }
        assert_eq!(got, Some(5));
        assert!(t0.elapsed() >= DEBOUNCE);
        assert_eq!(w.poll(), Poll::Idle);
    }
}
