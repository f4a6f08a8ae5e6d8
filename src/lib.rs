//! parallax: a terminal reader for news about leader-to-leader calls.
//!
//! Data flows one way: `ingest` turns bytes into a draft, `analysis` (pure)
//! cleans it and finds the call and each party's account, `store` keeps it in
//! SQLite, `library` is the one API the `cli` and the `tui` read through.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod export;
pub mod fetch;
pub mod filter;
pub mod ingest;
pub mod library;
pub mod logging;
pub mod model;
pub mod sanitize;
pub mod store;
pub mod tui;
