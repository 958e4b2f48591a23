//! Scenario tests: use cases through the api crate on real temporary databases, with no window.

mod cases;
mod coordinator_month;
mod first_start;
mod interchange;
mod national;
mod privacy;
mod refusals;
mod reports;
mod room;
mod safety;
mod sharing;
mod signals;
mod spreadsheets;
mod upgrades;
