//! Tauri commands, one module per feature. Each is a thin adapter: take the wire input, call one
//! use case of the api crate on the open database, return its wire output or its `ApiError`.
//! They are `async` so that Tauri runs them off the window's main thread.

pub mod about;
pub mod activities;
pub mod cases;
pub mod data;
pub mod funding;
pub mod hours;
pub mod national;
pub mod overview;
pub mod participants;
pub mod privacy;
pub mod programmes;
pub mod reports;
pub mod safety;
pub mod setup;
pub mod sharing;
pub mod signals;
pub mod volunteers;
