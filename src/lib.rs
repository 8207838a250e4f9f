//! Dateline turns a folder of news articles about a conflict into one linked picture: the
//! places the articles name, when things happened, who claims how many were killed or wounded,
//! and who said what, each traced back to its sentence.
//!
//! The engine ([`corpus`], [`gazetteer`], [`extract`], [`model`], [`export`]) never imports
//! egui; the window lives in `app` behind the default `gui` feature.

pub mod corpus;
pub mod engine;
pub mod error;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod model;
pub mod text;
pub mod cli;

#[cfg(feature = "gui")]
pub mod basemap;
#[cfg(feature = "gui")]
pub mod app;

pub use engine::Engine;
pub use error::Error;
pub use model::{Extraction, Model};
