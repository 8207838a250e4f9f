//! Reading articles: files and folders (walked safely: no symlink loops, size limits), text
//! encodings (UTF-8, UTF-16 with BOM, Latin-1 for bytes that are not UTF-8), JSON Lines as written by news
//! scrapers, front matter of Markdown files (`---` YAML or `+++` TOML: title, date, source,
//! url), the corpus manifest, and the default corpus embedded in the binary.
//!
//! Nothing here is fatal: every file that cannot be used becomes a [`Problem`] and the
//! rest loads.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::engine::Progress;
use crate::model::{DateSource, Problem};

/// Files larger than this are skipped with a message naming the limit.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Articles longer than this (after decoding) are cut, with a message.
pub const MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;

/// One article as read, before extraction.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Stable id (file stem, or `stem#N` for JSON Lines records).
    pub id: String,
    /// Where it came from.
    pub path: String,
    /// The text (the scraper's title, if any, is not part of it).
    pub text: String,
    /// Title from metadata (manifest or scraper).
    pub title: Option<String>,
    /// Outlet from metadata.
    pub outlet: Option<String>,
    /// URL from metadata.
    pub url: Option<String>,
    /// Publication date from metadata, with its source.
    pub published: Option<(NaiveDate, DateSource)>,
}

/// A truce moment recorded in a manifest.
#[derive(Debug, Clone, Deserialize)]
pub struct ManifestTruce {
    /// The day it took effect.
    pub date: toml::Value,
    /// What it was.
    #[serde(default)]
    pub label: String,
}

/// One manifest entry.
#[derive(Debug, Clone, Deserialize)]
pub struct ManifestEntry {
    /// File name relative to the manifest.
    pub file: String,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Publication date (TOML date or string).
    #[serde(default)]
    pub published: Option<toml::Value>,
    /// Curator's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// The corpus manifest (`manifest.toml` beside the articles).
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Manifest {
    /// Corpus name.
    #[serde(default)]
    pub name: Option<String>,
    /// Entries.
    #[serde(default)]
    pub article: Vec<ManifestEntry>,
    /// Known truce moments.
    #[serde(default)]
    pub truce: Vec<ManifestTruce>,
}

/// Parse a TOML date or a `YYYY-MM-DD...` string.
pub fn toml_date(v: &toml::Value) -> Option<NaiveDate> {
    let s = match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) => d.to_string(),
        _ => return None,
    };
    parse_iso_prefix(&s)
}

/// Parse the `YYYY-MM-DD` at the start of a string (timestamps included).
pub fn parse_iso_prefix(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

impl Manifest {
    /// Parse manifest TOML.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| {
            let msg = e.message().trim().to_string();
            match e.span() {
                Some(sp) => {
                    let (l, c) = crate::error::line_col(text, sp.start);
                    format!("line {l}, column {c}: {msg}")
                }
                None => msg,
            }
        })
    }

    /// Apply the manifest's metadata to matching documents (by file name).
    pub fn apply(&self, docs: &mut [Document]) {
        for doc in docs {
            let file = Path::new(&doc.path).file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
            let Some(e) = self.article.iter().find(|e| e.file == file) else { continue };
            if e.title.is_some() {
                doc.title.clone_from(&e.title);
            }
            if e.outlet.is_some() {
                doc.outlet.clone_from(&e.outlet);
            } else if doc.outlet.is_none() {
                doc.outlet = e.url.as_deref().and_then(outlet_of_url);
            }
            if e.url.is_some() {
                doc.url.clone_from(&e.url);
            }
            if let Some(d) = e.published.as_ref().and_then(toml_date) {
                doc.published = Some((d, DateSource::Manifest));
            }
        }
    }

    /// Truce days listed in the manifest.
    pub fn truce_days(&self) -> Vec<NaiveDate> {
        self.truce.iter().filter_map(|t| toml_date(&t.date)).collect()
    }
}

const EMBEDDED_MANIFEST: &str = include_str!("../data/articles/manifest.toml");
const EMBEDDED_ARTICLES: &[(&str, &str)] = &[
    ("000_83f26f973525b1eb.txt", include_str!("../data/articles/000_83f26f973525b1eb.txt")),
    ("001_9ba2b12dc5c898b1.txt", include_str!("../data/articles/001_9ba2b12dc5c898b1.txt")),
    ("002_3cf06f2154f46012.txt", include_str!("../data/articles/002_3cf06f2154f46012.txt")),
    ("003_0807a19e1e8c62bc.txt", include_str!("../data/articles/003_0807a19e1e8c62bc.txt")),
    ("004_a723e653b1232247.txt", include_str!("../data/articles/004_a723e653b1232247.txt")),
];

/// The default corpus embedded in the binary, with its manifest applied.
pub fn embedded() -> (Vec<Document>, Option<Manifest>) {
    let mut docs: Vec<Document> = EMBEDDED_ARTICLES
        .iter()
        .map(|(name, text)| Document {
            id: name.trim_end_matches(".txt").to_string(),
            path: format!("embedded:data/articles/{name}"),
            text: (*text).to_string(),
            ..Default::default()
        })
        .collect();
    let manifest = Manifest::parse(EMBEDDED_MANIFEST).ok();
    if let Some(m) = &manifest {
        m.apply(&mut docs);
    }
    (docs, manifest)
}

/// What reading some paths produced.
#[derive(Debug, Default)]
pub struct ReadResult {
    /// Articles read.
    pub documents: Vec<Document>,
    /// The manifest found beside them (the first one, if several).
    pub manifest: Option<Manifest>,
    /// Files skipped, and why.
    pub problems: Vec<Problem>,
}

/// Decode bytes as text: UTF-8 (BOM stripped), UTF-16 with BOM, else UTF-8 with the bytes
/// that are not valid UTF-8 read as Latin-1 (Windows-1252).
/// Returns the text and a note when a conversion happened, or an error message for binary data.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    decode_vec(bytes.to_vec())
}

/// [`decode`] of bytes it may keep: valid UTF-8 (most files) becomes the text without a copy.
pub fn decode_vec(bytes: Vec<u8>) -> Result<(String, Option<String>), String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let note = if enc == encoding_rs::UTF_8 { None } else { Some(format!("decoded from {} (byte order mark)", enc.name())) };
        if had_errors {
            return Ok((text.into_owned(), Some(format!("invalid {} sequences were replaced", enc.name()))));
        }
        if text.trim().is_empty() {
            return Err("no text (only whitespace)".into());
        }
        return Ok((text.into_owned(), note));
    }
    let sample = &bytes[..bytes.len().min(8192)];
    // Control bytes other than tab, line breaks and escape (NUL among them). Most samples
    // hold none, which one pass over the bytes tells (the same pass that tells whether they
    // are UTF-8); only then are they counted.
    let (utf8, holds) = utf8_and_controls(&bytes, sample.len());
    let (nul, controls) =
        if holds { (sample.iter().filter(|&&b| b == 0).count(), sample.iter().filter(|&&b| is_control(b)).count()) } else { (0, 0) };
    if nul > 0 {
        return Err(format!("binary file ({} NUL bytes in the first {} bytes); not text", nul, sample.len()));
    }
    if controls * 20 > sample.len() {
        return Err("binary file (mostly control bytes); not text".into());
    }
    let text = if utf8 {
        // SAFETY: `utf8_and_controls` says the bytes are UTF-8 exactly when
        // `std::str::from_utf8` does (its proptest and test of every sequence's lead bytes).
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    };
    match text {
        Ok(s) => {
            if s.trim().is_empty() {
                Err("no text (only whitespace)".into())
            } else {
                Ok((s, None))
            }
        }
        Err(e) => {
            // Mixed files are common in archives (a Latin-1 paragraph pasted into a UTF-8
            // article): the valid UTF-8 stays UTF-8 and only the bytes that are not are read
            // as Latin-1/Windows-1252 (a whole-file Latin-1 reading would garble every "ə").
            // A file that is all Latin-1 reads the same either way, accented letters being
            // invalid UTF-8.
            let first = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
            let mut bad = 0usize;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    bad += chunk.invalid().len();
                    text.push_str(&encoding_rs::WINDOWS_1252.decode_without_bom_handling(chunk.invalid()).0);
                }
            }
            let what = if bad == 1 { "1 byte".to_owned() } else { format!("{bad} bytes") };
            Ok((text, Some(format!("not valid UTF-8 ({what}, the first at offset {first}); those read as Latin-1/Windows-1252"))))
        }
    }
}

/// Whether a byte is a control byte other than tab, the line breaks and escape (NUL among
/// them): bytes a text file holds few of.
fn is_control(b: u8) -> bool {
    (b < 0x09) | (0x0e..0x20).contains(&b) & (b != 0x1b)
}

/// Whether `b` holds an [`is_control`] byte: one branch-free pass, on x86-64 sixteen bytes a
/// step by SSE2 compares ([`holds_control_sse2`]).
fn holds_control(b: &[u8]) -> bool {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: the build enables SSE2 (the `cfg` above), the only target feature
        // `holds_control_sse2` needs.
        unsafe { holds_control_sse2(b) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        holds_control_by_bytes(b)
    }
}

/// [`holds_control`] byte by byte (which the compiler runs 32 bytes a step, in about an
/// eighth more instructions than [`holds_control_sse2`]): the portable way and the tests'
/// reference.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn holds_control_by_bytes(b: &[u8]) -> bool {
    b.iter().fold(false, |any, &c| any | is_control(c))
}

/// [`holds_control`] by SSE2: each sixteen-byte step's control bytes told by
/// [`control_bytes`], the answers of all the steps gathered by `or` and read once at the end.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn holds_control_sse2(b: &[u8]) -> bool {
    use std::arch::x86_64::{_mm_movemask_epi8, _mm_or_si128, _mm_setzero_si128};
    let (sixteens, rest) = b.as_chunks::<16>();
    let mut any = _mm_setzero_si128();
    for c in sixteens {
        any = _mm_or_si128(any, control_bytes(crate::text::sixteen(c)));
    }
    _mm_movemask_epi8(any) != 0 || rest.iter().any(|&c| is_control(c))
}

/// Whether `b` is UTF-8 (as `std::str::from_utf8(b).is_ok()` says) and whether its first
/// `sample` bytes hold an [`is_control`] byte (as [`holds_control`] says): one pass over the
/// bytes, on x86-64 sixteen a step by SSE2 ([`utf8_and_controls_sse2`]), not a pass for the
/// control bytes and std's validation after it.
fn utf8_and_controls(b: &[u8], sample: usize) -> (bool, bool) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: the build enables SSE2 (the `cfg` above), the only target feature
        // `utf8_and_controls_sse2` needs.
        unsafe { utf8_and_controls_sse2(b, sample) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        utf8_and_controls_by_std(b, sample)
    }
}

/// [`utf8_and_controls`] by std's validation and [`holds_control`]: the portable way and the
/// tests' reference.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn utf8_and_controls_by_std(b: &[u8], sample: usize) -> (bool, bool) {
    (std::str::from_utf8(b).is_ok(), holds_control(&b[..sample.min(b.len())]))
}

/// Where [`utf8_and_controls_sse2`]'s reading goes on after the sixteen bytes from `i`,
/// whose high bits are `high`: past them when all are ASCII, else past the first
/// character beyond ASCII among them; `None` when that character is not UTF-8.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn past_first_beyond_ascii(b: &[u8], i: usize, high: u32) -> Option<usize> {
    if high == 0 {
        return Some(i + 16);
    }
    let at = i + high.trailing_zeros() as usize;
    utf8_width_at(b, at).map(|w| at + w)
}

/// [`utf8_and_controls`] by SSE2, sixteen bytes a step: a step with no byte below 0x20 and
/// none beyond ASCII (most of them: those bytes are line breaks and the bytes of the rare
/// characters beyond ASCII) is passed over by one compare; another has its control bytes
/// gathered as [`holds_control_sse2`] gathers them while it is in the sample, and the
/// character at its first byte beyond ASCII, if it holds one, read as UTF-8
/// ([`utf8_width_at`]); the next step starts after the step or that character (the bytes
/// before it read again, the character's continuation bytes beyond the step no control bytes).
/// The last bytes, fewer than sixteen, are read one by one.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn utf8_and_controls_sse2(b: &[u8], sample: usize) -> (bool, bool) {
    use std::arch::x86_64::{__m128i, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_setzero_si128};
    let sample = sample.min(b.len());
    // SAFETY (of each load below): the step's sixteen bytes lie in `b`, as `i < ends - 15`
    // and `ends <= b.len()` say.
    let load = |i: usize| unsafe { _mm_loadu_si128(b.as_ptr().add(i).cast::<__m128i>()) };
    // (Below 0x20 or beyond ASCII: less than 0x20 as a signed byte.)
    let space = _mm_set1_epi8(0x20);
    let mut any = _mm_setzero_si128();
    let mut i = 0;
    while i < sample.saturating_sub(15) {
        let v = load(i);
        if _mm_movemask_epi8(_mm_cmplt_epi8(v, space)) == 0 {
            i += 16;
            continue;
        }
        any = _mm_or_si128(any, control_bytes(v));
        match past_first_beyond_ascii(b, i, _mm_movemask_epi8(v) as u32) {
            Some(next) => i = next,
            None => return (false, holds_control(&b[..sample])),
        }
    }
    let controls = _mm_movemask_epi8(any) != 0 || b.get(i..sample).is_some_and(|r| r.iter().any(|&c| is_control(c)));
    while i < b.len().saturating_sub(15) {
        match past_first_beyond_ascii(b, i, _mm_movemask_epi8(load(i)) as u32) {
            Some(next) => i = next,
            None => return (false, controls),
        }
    }
    while i < b.len() {
        match utf8_width_at(b, i) {
            Some(w) => i += w,
            None => return (false, controls),
        }
    }
    (true, controls)
}

/// The length of the UTF-8 character that starts at `b[j]`, or `None` when the bytes there
/// are not UTF-8 (a lead byte no character opens with, a continuation byte missing or out of
/// the range its lead byte allows: overlong forms, surrogates, code points beyond U+10FFFF).
#[inline(always)]
fn utf8_width_at(b: &[u8], j: usize) -> Option<usize> {
    let within = |k: usize, lo: u8, hi: u8| b.get(k).is_some_and(|&x| (lo..=hi).contains(&x));
    let cont = |k: usize| within(k, 0x80, 0xBF);
    match *b.get(j)? {
        0x00..=0x7F => Some(1),
        0xC2..=0xDF if cont(j + 1) => Some(2),
        0xE0 if within(j + 1, 0xA0, 0xBF) && cont(j + 2) => Some(3),
        0xE1..=0xEC | 0xEE..=0xEF if cont(j + 1) && cont(j + 2) => Some(3),
        0xED if within(j + 1, 0x80, 0x9F) && cont(j + 2) => Some(3),
        0xF0 if within(j + 1, 0x90, 0xBF) && cont(j + 2) && cont(j + 3) => Some(4),
        0xF1..=0xF3 if cont(j + 1) && cont(j + 2) && cont(j + 3) => Some(4),
        0xF4 if within(j + 1, 0x80, 0x8F) && cont(j + 2) && cont(j + 3) => Some(4),
        _ => None,
    }
}

/// The bytes of `v` that are [`is_control`] bytes, all ones, the others zero: each range of
/// control bytes told by one signed compare after an add that moves its first byte to
/// `i8::MIN`, escape by an equality.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn control_bytes(v: std::arch::x86_64::__m128i) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::{_mm_add_epi8, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_or_si128, _mm_set1_epi8};
    // All bytes 0xFF where `lo <= byte <= hi`, else 0.
    let within = |v, lo: u8, hi: u8| {
        _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8)), _mm_set1_epi8((0x80u8 + (hi - lo) + 1) as i8))
    };
    let escape = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x1b));
    _mm_or_si128(within(v, 0x00, 0x08), _mm_andnot_si128(escape, within(v, 0x0e, 0x1f)))
}

/// `entry.path()` for an entry of the folder `dir` (`dir.join(entry.file_name())`), made with
/// room for it at once: `join` copies `dir` and grows the copy twice (for the separator and
/// for the name), each growth a reallocation.
fn entry_path(dir: &Path, entry: &std::fs::DirEntry) -> PathBuf {
    let name = entry.file_name();
    let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
    path.push(dir);
    path.push(name);
    path
}

fn is_article_file(p: &Path) -> bool {
    extension_in(p, &["txt", "md", "text", "jsonl", "ndjson"])
}

/// Whether `p`'s extension is one of `exts` (written in lower case, ASCII) in any case,
/// compared without a lower-cased copy of it. The file name is read from the path's bytes
/// where that can be ([`plain_file_name`]) and its extension after its last full stop
/// ([`extension_dot`]), not by `Path::extension`'s walk of its components
/// ([`extension_in_by_path`], which other paths take).
fn extension_in(p: &Path, exts: &[&str]) -> bool {
    if let Some(name) = plain_file_name(p) {
        // (Bytes equal to an ASCII extension in any case are that extension as text.)
        return extension_dot(name).is_some_and(|dot| exts.iter().any(|x| name[dot + 1..].eq_ignore_ascii_case(x.as_bytes())));
    }
    extension_in_by_path(p, exts)
}

/// The bytes of `p`'s file name (after its last slash) when they can be read from the path's
/// bytes: on Unix, a path that ends in neither a slash nor a full stop (whose name
/// `Path::file_name` would take otherwise); `None` for other paths and on other systems,
/// which [`extension_in`], [`stem`] and [`is_manifest`] read by `Path`'s methods.
fn plain_file_name(p: &Path) -> Option<&[u8]> {
    #[cfg(unix)]
    {
        let b = p.as_os_str().as_encoded_bytes();
        if !matches!(b.last(), None | Some(b'/' | b'.')) {
            return Some(&b[memchr::memrchr(b'/', b).map_or(0, |k| k + 1)..]);
        }
    }
    #[cfg(not(unix))]
    let _ = p;
    None
}

/// Where the extension of a file name's bytes starts, less one: its last full stop, unless
/// that opens the name (".hidden" has none), as `Path::extension` reads it.
fn extension_dot(name: &[u8]) -> Option<usize> {
    memchr::memrchr(b'.', name).filter(|&dot| dot > 0)
}

/// Whether `p` names a file `manifest.toml` (`p.file_name() == Some("manifest.toml")`): its
/// name read from its bytes ([`plain_file_name`]) where that can be, not by `Path::file_name`'s
/// walk of its components ([`is_manifest_by_path`], which other paths take).
fn is_manifest(p: &Path) -> bool {
    match plain_file_name(p) {
        Some(name) => name == b"manifest.toml",
        None => is_manifest_by_path(p),
    }
}

/// [`is_manifest`] by `Path::file_name`: paths that end in a slash or a full stop, on other
/// systems every path, and the tests' reference.
fn is_manifest_by_path(p: &Path) -> bool {
    p.file_name().is_some_and(|n| n == "manifest.toml")
}

/// [`extension_in`] by `Path::extension`: paths that end in a slash or a full stop, on other
/// systems every path, and the tests' reference.
fn extension_in_by_path(p: &Path, exts: &[&str]) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// List article files under the paths: folders are walked (symlinks followed once; loops
/// and unreadable folders become problems), files are taken as given.
fn list_files(paths: &[PathBuf], problems: &mut Vec<Problem>, manifests: &mut Vec<PathBuf>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut seen_dirs = HashSet::new();
    let mut stack: Vec<PathBuf> = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => stack.push(p.clone()),
            Ok(_) => {
                if p.file_name().is_some_and(|n| n == "manifest.toml") {
                    manifests.push(p.clone());
                } else {
                    files.push(p.clone());
                }
            }
            Err(e) => problems.push(Problem { path: p.display().to_string(), message: io_message(&e) }),
        }
        while let Some(dir) = stack.pop() {
            let canon = match std::fs::canonicalize(&dir) {
                Ok(c) => c,
                Err(e) => {
                    problems.push(Problem { path: dir.display().to_string(), message: io_message(&e) });
                    continue;
                }
            };
            if !seen_dirs.insert(canon) {
                problems.push(Problem {
                    path: dir.display().to_string(),
                    message: "folder already visited (symbolic link loop or duplicate); skipped".into(),
                });
                continue;
            }
            let entries = match std::fs::read_dir(&dir) {
                Ok(e) => e,
                Err(e) => {
                    problems.push(Problem { path: dir.display().to_string(), message: io_message(&e) });
                    continue;
                }
            };
            // The entry's type comes with the folder listing (no system call per file); only
            // symbolic links, and entries whose type the listing lacks, are looked up.
            let mut children: Vec<(PathBuf, Option<std::fs::FileType>)> =
                entries.filter_map(|e| e.ok().map(|e| (entry_path(&dir, &e), e.file_type().ok().filter(|t| !t.is_symlink())))).collect();
            // (Siblings: comparing the paths as bytes orders them as comparing them by components
            // would, without splitting every path into components.)
            children.sort_unstable_by(|a, b| a.0.as_os_str().as_encoded_bytes().cmp(b.0.as_os_str().as_encoded_bytes()));
            let mut subdirs = Vec::new();
            for (c, listed) in children {
                let kind = match listed {
                    Some(t) => Ok(t.is_dir()),
                    None => std::fs::metadata(&c).map(|m| m.is_dir()),
                };
                match kind {
                    Ok(true) => {
                        if !c.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                            subdirs.push(c);
                        }
                    }
                    Ok(false) if is_manifest(&c) => manifests.push(c),
                    Ok(false) if is_article_file(&c) => files.push(c),
                    Ok(false) => {}
                    Err(e) => problems.push(Problem { path: c.display().to_string(), message: io_message(&e) }),
                }
            }
            subdirs.reverse();
            stack.extend(subdirs);
        }
    }
    files
}

/// A person-readable form of an I/O error.
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "not found (it may have been moved or deleted)".into(),
        PermissionDenied => "permission denied: Dateline may not read it".into(),
        _ if e.raw_os_error() == Some(40) => "too many levels of symbolic links (a link loop)".into(),
        _ => e.to_string(),
    }
}

/// `s.to_string_lossy().into_owned()`, read by `to_str` first: a name that is UTF-8 (most
/// are) is copied as it is, without `from_utf8_lossy`'s reading by chunks.
fn lossy_string(s: &std::ffi::OsStr) -> String {
    match s.to_str() {
        Some(t) => t.to_owned(),
        None => s.to_string_lossy().into_owned(),
    }
}

/// A document's id from its file's path: the file's name without its extension, read from
/// the path's bytes where that can be ([`plain_file_name`], [`extension_dot`]), as
/// [`extension_in`] reads the extension, not by `Path::file_stem`'s walk of its components
/// ([`stem_by_path`], which other paths take).
fn stem(p: &Path) -> String {
    #[cfg(unix)]
    if let Some(name) = plain_file_name(p) {
        use std::os::unix::ffi::OsStrExt;
        let stem = extension_dot(name).map_or(name, |dot| &name[..dot]);
        return lossy_string(std::ffi::OsStr::from_bytes(stem));
    }
    stem_by_path(p)
}

/// [`stem`] by `Path::file_stem`: paths that end in a slash or a full stop, on other systems
/// every path, and the tests' reference.
fn stem_by_path(p: &Path) -> String {
    p.file_stem().map(lossy_string).unwrap_or_else(|| p.display().to_string())
}

/// What reading one file gives: its documents and warnings, or the reason it was skipped.
pub type FileResult = Result<(Vec<Document>, Vec<Problem>), Problem>;

/// Read one file into documents (several for JSON Lines).
pub fn read_file(path: &Path) -> FileResult {
    // (The lossy text `display()` writes, without the formatting machinery.)
    let display = lossy_string(path.as_os_str());
    let fail = |message: String| Problem { path: display.clone(), message };
    // One open and one status call per file: the size is read from the open file.
    let mut file = std::fs::File::open(path).map_err(|e| fail(io_message(&e)))?;
    let meta = file.metadata().map_err(|e| fail(io_message(&e)))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "file is {} MB, over the {} MB limit per file; split it or raise the limit",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    // Read through `take`, which asks no size hint of the file (the size is known): no second
    // status call and no seek.
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, MAX_FILE_BYTES + 1), &mut bytes).map_err(|e| fail(io_message(&e)))?;
    drop(file);
    let (mut text, note) = decode_vec(bytes).map_err(fail)?;
    let mut problems = Vec::new();
    if let Some(n) = note {
        problems.push(Problem { path: display.clone(), message: n });
    }
    if extension_in(path, &["jsonl", "ndjson"]) {
        let (docs, mut p) = read_jsonl(&text, path);
        problems.append(&mut p);
        return Ok((docs, problems));
    }
    if text.len() > MAX_ARTICLE_BYTES {
        let mut cut = MAX_ARTICLE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        problems.push(Problem {
            path: display.clone(),
            message: format!("article longer than {} MB; only the first {} MB were read", MAX_ARTICLE_BYTES >> 20, MAX_ARTICLE_BYTES >> 20),
        });
    }
    let mut doc = Document { id: stem(path), path: display, ..Default::default() };
    doc.text = match front_matter(&text) {
        Some(f) => {
            doc.title = f.title;
            doc.outlet = f.outlet;
            doc.url = f.url;
            doc.published = f.published.map(|d| (d, DateSource::Header));
            text.split_off(f.body_start)
        }
        None => text,
    };
    Ok((vec![doc], problems))
}

/// What the front matter of an article gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `title`.
    pub title: Option<String>,
    /// `source`, `outlet`, `publisher`, `site`, `source_domain` (a web domain as its outlet's name).
    pub outlet: Option<String>,
    /// `url`, `link`, `canonical_url`, `permalink`.
    pub url: Option<String>,
    /// `date`, `published`, `date_publish`, `publish_date`, `pubdate` (ISO, RFC 2822 or a
    /// written date such as "October 12, 2020").
    pub published: Option<NaiveDate>,
    /// Where the text after the closing fence starts.
    pub body_start: usize,
}

/// Keys of front matter and JSON Lines records, by what they give, most trusted first.
const TITLE_KEYS: &[&str] = &["title", "headline"];
const OUTLET_KEYS: &[&str] = &["source_domain", "outlet", "source", "site", "publisher", "site_name"];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url", "permalink"];
const DATE_KEYS: &[&str] = &["date_publish", "published", "date", "publish_date", "pubdate", "date_published", "datePublished"];

/// The front matter at the start of a Markdown file (after white space or a byte order
/// mark): `---` lines around YAML `key: value` lines, or `+++` lines around TOML
/// `key = "value"` lines. Nested values, lists and unknown keys are passed over; `None` when
/// the text does not open with a fence, the fence is never closed or a line between is not
/// `key: value` (then it is all text).
pub fn front_matter(text: &str) -> Option<FrontMatter> {
    let lead = text.len() - text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).len();
    let rest = &text[lead..];
    let fence =
        ["---", "+++"].into_iter().find(|f| rest.starts_with(f) && rest[3..].trim_start_matches([' ', '\t']).starts_with(['\n', '\r']))?;
    let mut at = lead + rest.find('\n')? + 1;
    let mut fields: Vec<(String, String)> = Vec::new();
    loop {
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n + 1);
        if line_end == at {
            return None;
        }
        let line = text[at..line_end].trim_end();
        at = line_end;
        if line == fence || (fence == "---" && line == "...") {
            break;
        }
        // Top-level keys only: nested and list lines start with white space or a dash.
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let sep = if fence == "---" { ':' } else { '=' };
        // Every other line is `key: value` with a plain key, or this is no front matter
        // (prose between two rules).
        let (k, v) = line.split_once(sep)?;
        if k.trim().is_empty() || !k.trim().bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')) {
            return None;
        }
        let v = v.trim();
        let v = v
            .strip_prefix('"')
            .and_then(|x| x.strip_suffix('"'))
            .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
            .unwrap_or(v);
        if !v.is_empty() {
            fields.push((k.trim().to_string(), v.to_string()));
        }
    }
    let field = |keys: &[&str]| keys.iter().find_map(|k| fields.iter().find(|(f, _)| f.eq_ignore_ascii_case(k)).map(|(_, v)| v.clone()));
    Some(FrontMatter {
        title: field(TITLE_KEYS),
        outlet: outlet_of(field(OUTLET_KEYS), field(URL_KEYS).as_deref()),
        url: field(URL_KEYS),
        published: field(DATE_KEYS).and_then(|d| parse_date(&d)),
        body_start: at,
    })
}

/// A publication date as scrapers and front matter write it: ISO (`2020-10-12`,
/// `2020-10-12 08:15:00`, `2020-10-12T08:15:00+04:00`), RFC 2822 (`Mon, 12 Oct 2020 08:15:00
/// GMT`, as in RSS) or a written date with its year (`October 12, 2020`, `12.10.2020`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_iso_prefix(s).or_else(|| chrono::DateTime::parse_from_rfc2822(s.trim()).ok().map(|d| d.date_naive())).or_else(|| {
        crate::extract::dates::find_dates(s, 0, None, None).into_iter().find_map(|d| match d.kind {
            crate::extract::dates::DateKind::Day(x, _) => Some(x),
            _ => None,
        })
    })
}

/// Web domains of outlets that report on the conflict, and the names their articles go by
/// (the names of the agencies' dateline tags where they have one).
const DOMAINS: &[(&str, &str)] = &[
    ("apnews.com", "AP"),
    ("reuters.com", "Reuters"),
    ("afp.com", "AFP"),
    ("france24.com", "France 24"),
    ("bbc.com", "BBC"),
    ("bbc.co.uk", "BBC"),
    ("aljazeera.com", "Al Jazeera"),
    ("theguardian.com", "The Guardian"),
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("tass.com", "TASS"),
    ("tass.ru", "TASS"),
    ("ria.ru", "RIA Novosti"),
    ("interfax.ru", "Interfax"),
    ("aa.com.tr", "Anadolu Agency"),
    ("azertag.az", "Azertac"),
    ("apa.az", "APA"),
    ("trend.az", "Trend"),
    ("armenpress.am", "Armenpress"),
    ("arka.am", "ARKA"),
    ("mediamax.am", "Mediamax"),
    ("news.am", "news.am"),
    ("hetq.am", "Hetq"),
    ("civilnet.am", "CivilNet"),
    ("azatutyun.am", "Azatutyun (RFE/RL)"),
    ("rferl.org", "RFE/RL"),
    ("eurasianet.org", "Eurasianet"),
    ("oc-media.org", "OC Media"),
    ("jam-news.net", "JAMnews"),
    ("hrw.org", "Human Rights Watch"),
    ("amnesty.org", "Amnesty International"),
];

/// The outlet of a record (front matter, a JSON Lines line) with an outlet field and a web
/// address: the outlet as [`outlet_name`] shows it, else the address's ([`outlet_of_url`]).
fn outlet_of(outlet: Option<String>, url: Option<&str>) -> Option<String> {
    outlet.map(|o| outlet_name(&o)).or_else(|| url.and_then(outlet_of_url))
}

/// The outlet of an article's web address, when no outlet is given: its host as
/// [`outlet_name`] shows it (`https://www.aljazeera.com/news/…` = Al Jazeera). `None` for
/// what is not an http(s) address.
pub fn outlet_of_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    (host.contains('.') && !host.contains(' ')).then(|| outlet_name(host))
}

/// An outlet as shown: a known web domain ("www.reuters.com", `https://apnews.com/`) by
/// its outlet's name, another domain without its scheme, `www.` and trailing slash, any
/// other text as written.
pub fn outlet_name(s: &str) -> String {
    let s = s.trim();
    let host = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).unwrap_or(s).trim_end_matches('/');
    if host.contains([' ', '/']) || !host.contains('.') {
        return s.to_string();
    }
    let host = host.strip_prefix("www.").unwrap_or(host);
    let lower = host.to_ascii_lowercase();
    DOMAINS
        .iter()
        .find(|(d, _)| lower == *d || lower.strip_suffix(d).is_some_and(|sub| sub.ends_with('.')))
        .map_or_else(|| host.to_string(), |(_, name)| (*name).to_string())
}

/// Read scraper output: one JSON object per line with `title`, `maintext`/`text`/`content`
/// (news-please's `description`, the lead, when it found no text), `date_publish`/`published`/`date`
/// (else `date_modify`; ISO, RFC 2822 or a written date), `url`, `source_domain`/`outlet` (a
/// known domain by its outlet's name, [`outlet_name`]).
pub fn read_jsonl(text: &str, path: &Path) -> (Vec<Document>, Vec<Problem>) {
    let display = path.display().to_string();
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                problems.push(Problem { path: display.clone(), message: format!("line {}: not JSON: {e}", n + 1) });
                continue;
            }
        };
        let field = |names: &[&str]| -> Option<String> {
            names.iter().find_map(|k| v.get(*k).and_then(|x| x.as_str()).map(str::to_string)).filter(|s| !s.trim().is_empty())
        };
        let Some(body) = field(&["maintext", "text", "content", "body", "article", "description"]) else {
            problems.push(Problem { path: display.clone(), message: format!("line {}: no text field (maintext/text/content)", n + 1) });
            continue;
        };
        let published =
            [DATE_KEYS, &["date_modify"]].iter().find_map(|keys| field(keys).and_then(|s| parse_date(&s))).map(|d| (d, DateSource::Header));
        docs.push(Document {
            id: format!("{}#{}", stem(path), n + 1),
            path: format!("{display}#{}", n + 1),
            text: body,
            title: field(TITLE_KEYS),
            outlet: outlet_of(field(OUTLET_KEYS), field(URL_KEYS).as_deref()),
            url: field(URL_KEYS),
            published,
        });
    }
    (docs, problems)
}

/// Read files and folders in parallel. Ids are made unique by suffixing `~2`, `~3`.
pub fn read_paths(paths: &[PathBuf], progress: &Progress) -> ReadResult {
    use rayon::prelude::*;
    let mut problems = Vec::new();
    let mut manifest_paths = Vec::new();
    let files = list_files(paths, &mut problems, &mut manifest_paths);
    progress.total.store(files.len(), Ordering::Relaxed);
    let results: Vec<FileResult> = files
        .par_iter()
        .map(|f| {
            if progress.cancelled() {
                return Ok((Vec::new(), Vec::new()));
            }
            let r = read_file(f);
            progress.done.fetch_add(1, Ordering::Relaxed);
            r
        })
        .collect();
    progress.done.store(0, Ordering::Relaxed);
    // Made with room for all, not grown by doubling (each growth a copy of every document
    // read so far into fresh memory).
    let mut documents = Vec::with_capacity(results.iter().map(|r| r.as_ref().map_or(0, |(d, _)| d.len())).sum());
    for r in results {
        match r {
            Ok((d, mut p)) => {
                documents.extend(d);
                problems.append(&mut p);
            }
            Err(p) => problems.push(p),
        }
    }
    // Ids are made unique only when some are taken twice (rare; checked without copying them).
    let mut ids: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    let repeated = documents.iter().any(|d| !ids.insert(d.id.as_str()));
    drop(ids);
    if repeated {
        let mut seen = HashSet::new();
        for d in &mut documents {
            if !seen.insert(d.id.clone()) {
                let mut k = 2;
                while !seen.insert(format!("{}~{k}", d.id)) {
                    k += 1;
                }
                d.id = format!("{}~{k}", d.id);
            }
        }
    }
    let mut manifest = None;
    for mp in manifest_paths {
        match std::fs::read_to_string(&mp).map_err(|e| io_message(&e)).and_then(|t| Manifest::parse(&t)) {
            Ok(m) => {
                m.apply(&mut documents);
                if manifest.is_none() {
                    manifest = Some(m);
                }
            }
            Err(msg) => problems.push(Problem { path: mp.display().to_string(), message: format!("manifest ignored: {msg}") }),
        }
    }
    ReadResult { documents, manifest, problems }
}

/// A name for a corpus read from these paths: the manifest's name, else the folder's name.
pub fn corpus_name(paths: &[PathBuf], manifest: Option<&Manifest>) -> String {
    if let Some(n) = manifest.and_then(|m| m.name.clone()) {
        return n;
    }
    match paths {
        [] => "default corpus".into(),
        [one] => std::fs::canonicalize(one)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
            .unwrap_or_else(|| one.display().to_string()),
        many => format!("{} sources", many.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Whether bytes hold a control byte, read sixteen at a time, is what reading them
        /// one by one says, wherever the control byte stands.
        #[test]
        fn holds_control_is_by_bytes(mut b in proptest::collection::vec(0x09u8..=0xff, 0..100), at in 0usize..100, c in 0u8..=0xff) {
            proptest::prop_assert_eq!(holds_control(&b), holds_control_by_bytes(&b));
            if !b.is_empty() {
                let at = at % b.len();
                b[at] = c;
                proptest::prop_assert_eq!(holds_control(&b), holds_control_by_bytes(&b));
            }
        }
    }

    proptest::proptest! {
        /// Whether bytes are UTF-8 and whether their sample holds a control byte, read in one
        /// pass, is what std's validation and `holds_control` say: on any bytes (most of them
        /// beyond ASCII), and on text of any characters with a byte put anywhere.
        #[test]
        fn utf8_and_controls_is_by_std(b in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..120), sample in 0usize..130) {
            proptest::prop_assert_eq!(utf8_and_controls(&b, sample), utf8_and_controls_by_std(&b, sample));
        }

        #[test]
        fn utf8_and_controls_of_text_is_by_std(t in "(\\PC|[\\x00-\\x1f]| {1,20}){0,80}", at in 0usize..400, c in 0u8..=0xff, sample in 0usize..400) {
            let mut b = t.into_bytes();
            proptest::prop_assert_eq!(utf8_and_controls(&b, sample), utf8_and_controls_by_std(&b, sample));
            if !b.is_empty() {
                let at = at % b.len();
                b[at] = c;
                proptest::prop_assert_eq!(utf8_and_controls(&b, sample), utf8_and_controls_by_std(&b, sample));
                b.truncate(at);
                proptest::prop_assert_eq!(utf8_and_controls(&b, sample), utf8_and_controls_by_std(&b, sample));
            }
        }
    }

    /// Every lead byte with every second byte and the edges of the continuation ranges after
    /// them, at each place in a step of sixteen bytes, in the sample and after it.
    #[test]
    fn utf8_of_every_lead_and_second_byte_is_by_std() {
        let after = [(0x80u8, 0x80u8), (0xbf, 0xbf), (0x41, 0x80), (0x80, 0x41), (0xc0, 0x80), (0x80, 0xc0)];
        for lead in 0..=255u8 {
            for second in 0..=255u8 {
                for &(third, fourth) in &after {
                    for at in [13, 15, 30] {
                        let mut b = vec![b'a'; 40];
                        b[at..at + 4].copy_from_slice(&[lead, second, third, fourth]);
                        for sample in [0, 40] {
                            assert_eq!(utf8_and_controls(&b, sample), utf8_and_controls_by_std(&b, sample), "{b:?} {sample}");
                        }
                        b.truncate(at + 3);
                        assert_eq!(utf8_and_controls(&b, 40), utf8_and_controls_by_std(&b, 40), "{b:?}");
                    }
                }
            }
        }
    }

    /// An entry's path made with its room is the entry's own, in a folder named absolute,
    /// relative, or with a separator at its end.
    #[test]
    fn entry_paths_are_the_entries_own() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for n in ["a.txt", "ä b.md", ".hidden", "x"] {
            std::fs::write(dir.path().join(n), "Text").unwrap_or_else(|e| panic!("{e}"));
        }
        let with_slash = PathBuf::from(format!("{}/", dir.path().display()));
        let cwd = std::env::current_dir().unwrap_or_else(|e| panic!("{e}"));
        let relative = dir.path().strip_prefix(&cwd).map(Path::to_path_buf).ok();
        for d in [Some(dir.path().to_path_buf()), Some(with_slash), relative].into_iter().flatten() {
            for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{e}")) {
                let e = e.unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(entry_path(&d, &e), e.path());
                assert_eq!(entry_path(&d, &e).as_os_str(), e.path().as_os_str());
            }
        }
    }

    /// Names are read as `to_string_lossy` reads them, UTF-8 or not.
    #[test]
    fn lossy_strings_are_to_string_lossy() {
        use std::os::unix::ffi::OsStrExt;
        for name in [&b"a.txt"[..], b"\xc3\xa4 b.md", b"bad \xff name", b"", b"\xe2\x80"] {
            let s = std::ffi::OsStr::from_bytes(name);
            assert_eq!(lossy_string(s), s.to_string_lossy().into_owned());
        }
    }

    proptest::proptest! {
        /// An extension and a stem read from a path's bytes are the ones `Path::extension`
        /// and `Path::file_stem` find, whatever the slashes, full stops and characters of the
        /// path.
        #[test]
        fn extension_in_is_by_path(p in "[/.aTtXx\u{e4}]{0,12}(\\.(txt|TxT|md|jsonl|x\u{e4}))?[/.]{0,2}") {
            let p = Path::new(&p);
            for exts in [&["txt", "md", "text", "jsonl", "ndjson"][..], &["jsonl", "ndjson"], &["x\u{e4}"], &[]] {
                proptest::prop_assert_eq!(extension_in(p, exts), extension_in_by_path(p, exts), "{:?} {:?}", p, exts);
            }
            proptest::prop_assert_eq!(stem(p), stem_by_path(p), "{:?}", p);
        }

        /// A manifest's name read from a path's bytes is what `Path::file_name` says.
        #[test]
        fn is_manifest_is_by_path(p in "[/.am]{0,4}(manifest\\.toml|manifest\\.tom|anifest\\.toml|xmanifest\\.toml)?[/.]{0,2}") {
            let p = Path::new(&p);
            proptest::prop_assert_eq!(is_manifest(p), is_manifest_by_path(p), "{:?}", p);
        }
    }

    #[test]
    fn every_control_byte() {
        for c in 0..=255u8 {
            for len in [1, 16, 17, 40] {
                let mut b = vec![b'a'; len];
                b[len - 1] = c;
                assert_eq!(holds_control(&b), is_control(c), "{c} at {}", len - 1);
                b[len - 1] = b'a';
                b[0] = c;
                assert_eq!(holds_control(&b), is_control(c), "{c} at 0");
            }
        }
    }

    #[test]
    fn extensions_in_any_case_are_the_lower_cased_ones() {
        for name in ["a.txt", "a.TXT", "a.Md", "b.jsonL", "c.NDJSON", "d.json", "e", "f.tx", "g.ṫxt", "h.TEXT", ".txt"] {
            let p = Path::new(name);
            let lower = p.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase());
            let want = matches!(lower.as_deref(), Some("txt" | "md" | "text" | "jsonl" | "ndjson"));
            assert_eq!(is_article_file(p), want, "{name}");
            assert_eq!(extension_in(p, &["jsonl", "ndjson"]), matches!(lower.as_deref(), Some("jsonl" | "ndjson")), "{name}");
            assert_eq!(p.to_string_lossy(), p.display().to_string());
        }
    }

    /// Files of the same name in different folders get distinct ids, in reading order.
    #[test]
    fn repeated_ids_are_made_unique() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for sub in ["one", "two", "three"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(dir.path().join(sub).join("a.txt"), "Text").unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(dir.path().join("b.txt"), "Text").unwrap_or_else(|e| panic!("{e}"));
        let read = read_paths(&[dir.path().to_path_buf()], &crate::engine::Progress::default());
        let ids: Vec<&str> = read.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, vec!["b", "a", "a~2", "a~3"]);
    }

    /// Files of a folder come in path order (as `Path` compares them), whatever their names.
    #[test]
    fn folder_files_come_in_path_order() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let names = ["b.txt", "a.txt", "a b.txt", "a-1.txt", "B.txt", "ä.txt", "a.txt.txt", "_.md", "10.txt", "9.txt"];
        for n in names {
            std::fs::write(dir.path().join(n), "Text").unwrap_or_else(|e| panic!("{e}"));
        }
        let files = list_files(&[dir.path().to_path_buf()], &mut Vec::new(), &mut Vec::new());
        let mut want: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
        want.sort();
        assert_eq!(files, want);
    }

    #[test]
    fn decode_table() {
        assert!(decode(b"").is_err());
        assert!(decode(b"\x00\x01\x02binary\x00").unwrap_err().contains("binary"));
        // Control bytes: more than one in twenty is binary; tab, line breaks and escape are text.
        let mut mostly_control = b"text ".repeat(20);
        mostly_control.extend([0x01, 0x02, 0x0e, 0x1f, 0x03, 0x04]);
        assert!(decode(&mostly_control).unwrap_err().contains("control bytes"), "{mostly_control:?}");
        let some_control = [b"text ".repeat(20), vec![0x01, 0x02, 0x1f, 0x08]].concat();
        assert!(decode(&some_control).is_ok());
        assert!(decode(&b"text\t\n\x0b\x0c\r\x1b[0m ".repeat(5)).is_ok());
        let (t, n) = decode("Gəncə".as_bytes()).unwrap_or_default();
        assert_eq!((t.as_str(), n), ("Gəncə", None));
        let (t, n) = decode(b"Caf\xe9 in Bak\xfc").unwrap_or_default();
        assert_eq!(t, "Café in Bakü");
        let n = n.unwrap_or_default();
        assert!(n.contains("Latin-1") && n.contains("2 bytes, the first at offset 3"), "{n}");
        // Mixed: the UTF-8 stays UTF-8 (Gəncə), the stray Latin-1 bytes are read as such.
        let mixed = [&b"\x93Caf\xe9\x94 in "[..], "Gəncə, Şuşa".as_bytes(), b" \xa3100"].concat();
        let (t, n) = decode(&mixed).unwrap_or_default();
        assert_eq!(t, "“Café” in Gəncə, Şuşa £100");
        assert!(n.unwrap_or_default().contains("4 bytes, the first at offset 0"));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "Baku".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let (t, n) = decode(&utf16).unwrap_or_default();
        assert_eq!(t, "Baku");
        assert!(n.unwrap_or_default().contains("UTF-16LE"));
    }

    #[test]
    fn embedded_corpus_has_five_articles_with_manifest_dates() {
        let (docs, manifest) = embedded();
        assert_eq!(docs.len(), 5);
        assert!(manifest.is_some());
        assert!(docs.iter().all(|d| d.published.is_some_and(|(_, s)| s == DateSource::Manifest)));
    }

    #[test]
    fn outlets_from_domains_and_addresses() {
        let cases: &[(&str, &str)] = &[
            ("www.reuters.com", "Reuters"),
            ("https://apnews.com/", "AP"),
            ("en.trend.az", "Trend"),
            ("www.news.am", "news.am"),
            ("amnews.am", "amnews.am"),
            ("www.example.org", "example.org"),
            ("Reuters", "Reuters"),
            ("The Guardian", "The Guardian"),
        ];
        for (given, want) in cases {
            assert_eq!(outlet_name(given), *want, "{given}");
        }
        assert_eq!(outlet_of_url("https://www.bbc.co.uk/news/world-europe-54324772").as_deref(), Some("BBC"));
        assert_eq!(outlet_of_url("http://user@oc-media.org:80/x?y#z").as_deref(), Some("OC Media"));
        assert_eq!(outlet_of_url("ftp://example.org/x"), None);
        assert_eq!(outlet_of_url("not a url"), None);
    }

    #[test]
    fn front_matter_table() {
        let f = front_matter("\u{feff}---\ntitle: 'A: B'\nDate: October 12, 2020\nlink: https://www.rferl.org/a\n...\nBody")
            .unwrap_or_default();
        assert_eq!(f.title.as_deref(), Some("A: B"));
        assert_eq!(f.published, NaiveDate::from_ymd_opt(2020, 10, 12));
        assert_eq!(f.outlet.as_deref(), Some("RFE/RL"));
        assert_eq!(f.url.as_deref(), Some("https://www.rferl.org/a"));
        assert_eq!(&"\u{feff}---\ntitle: 'A: B'\nDate: October 12, 2020\nlink: https://www.rferl.org/a\n...\nBody"[f.body_start..], "Body");
        // Not front matter: a rule later in the text, a fence with words after it, no closing fence.
        assert_eq!(front_matter("Title\n---\nBody"), None);
        assert_eq!(front_matter("--- not a fence\ntitle: x\n---\n"), None);
        assert_eq!(front_matter("---\ntitle: x\nBody"), None);
        assert_eq!(parse_date("Mon, 12 Oct 2020 08:15:00 +0400"), NaiveDate::from_ymd_opt(2020, 10, 12));
        assert_eq!(parse_date("12.10.2020"), NaiveDate::from_ymd_opt(2020, 10, 12));
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn jsonl_records_become_articles() {
        let text = "{\"title\":\"T\",\"maintext\":\"Shelling hit Ganja.\",\"date_publish\":\"2020-10-11 08:00:00\",\"source_domain\":\"example.org\"}\nnot json\n{\"title\":\"no text\"}\n";
        let (docs, problems) = read_jsonl(text, Path::new("feed.jsonl"));
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].published.map(|p| p.0.to_string()), Some("2020-10-11".into()));
        assert_eq!(docs[0].outlet.as_deref(), Some("example.org"));
        assert_eq!(problems.len(), 2);
        assert!(problems[0].message.starts_with("line 2"));
    }
}
