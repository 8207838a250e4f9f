//! The engine's front door: a gazetteer and actor list compiled into matchers once, then
//! applied to any number of documents in parallel.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::corpus::{self, Document};
use crate::error::Error;
use crate::gazetteer::{Actors, Gazetteer};
use crate::model::Extraction;

/// Progress of a long extraction, for progress bars.
#[derive(Debug, Default)]
pub struct Progress {
    /// Documents processed so far.
    pub done: AtomicUsize,
    /// Documents in all (0 while still listing files).
    pub total: AtomicUsize,
    /// Set to stop early; the partial result is discarded by the caller.
    pub cancel: AtomicBool,
}

impl Progress {
    /// Whether a cancel was requested.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Compiled gazetteer and actors, ready to extract.
pub struct Engine {
    /// The places.
    pub gazetteer: Gazetteer,
    /// The speakers and claimants.
    pub actors: Actors,
}

impl Engine {
    /// The embedded gazetteer and actors.
    pub fn embedded() -> Result<Self, Error> {
        Ok(Engine { gazetteer: Gazetteer::embedded()?, actors: Actors::embedded()? })
    }

    /// The embedded data, replaced (or extended with `extend`) by the given files.
    pub fn with_files(gazetteer: Option<&Path>, actors: Option<&Path>, extend: bool) -> Result<Self, Error> {
        let mut engine = Self::embedded()?;
        if let Some(p) = gazetteer {
            let g = Gazetteer::from_file(p)?;
            engine.gazetteer = if extend { engine.gazetteer.extended(g)? } else { g };
        }
        if let Some(p) = actors {
            let a = Actors::from_file(p)?;
            engine.actors = if extend { engine.actors.extended(a)? } else { a };
        }
        Ok(engine)
    }

    /// A hash of the data the engine was built from (the gazetteer and actor texts and how
    /// they were combined): two engines with the same fingerprint extract the same things,
    /// so an extraction made by one can be reused by the other
    /// ([`crate::extract::extract_again`]).
    pub fn fingerprint(&self) -> u64 {
        crate::gazetteer::source_hash(&[&self.gazetteer.source().to_le_bytes(), &self.actors.source().to_le_bytes()])
    }

    /// Extract the embedded default corpus.
    pub fn extract_embedded(&self) -> Extraction {
        let (docs, manifest) = corpus::embedded();
        crate::extract::extract(self, docs, manifest, Vec::new(), &Progress::default())
    }

    /// Read files and folders (problems are collected, never fatal) and extract them.
    pub fn extract_paths(&self, paths: &[PathBuf], progress: &Progress) -> Extraction {
        let read = corpus::read_paths(paths, progress);
        crate::extract::extract(self, read.documents, read.manifest, read.problems, progress)
    }

    /// [`Engine::extract_paths`] after some of the files changed: the articles that are the
    /// same as in `previous` (an extraction of the same paths) are not extracted again
    /// ([`crate::extract::extract_again`]). The result is what `extract_paths` would give.
    pub fn extract_paths_again(&self, paths: &[PathBuf], previous: &Extraction, progress: &Progress) -> Extraction {
        let read = corpus::read_paths(paths, progress);
        crate::extract::extract_again(self, previous, read.documents, read.manifest, read.problems, progress)
    }

    /// Extract already-read documents.
    pub fn extract_documents(&self, docs: Vec<Document>) -> Extraction {
        crate::extract::extract(self, docs, None, Vec::new(), &Progress::default())
    }
}
