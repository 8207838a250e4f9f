//! Dateline turns a folder of news articles about a conflict into one linked picture: the
//! places the articles name, when things happened, who claims how many were killed or wounded,
//! and who said what, each traced back to its sentence.
//!
//! The engine ([`corpus`], [`gazetteer`], [`extract`], [`model`], [`export`]) never imports
//! egui; the window lives in `app` behind the default `gui` feature.

#![warn(missing_docs)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod bench;
pub mod cli;
pub mod corpus;
pub mod desktop;
pub mod engine;
pub mod error;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod model;
pub mod synth;
pub mod text;

#[cfg(feature = "gui")]
pub mod app;
#[cfg(feature = "gui")]
pub mod basemap;

pub use engine::Engine;
pub use error::Error;
pub use model::{Extraction, Model};
