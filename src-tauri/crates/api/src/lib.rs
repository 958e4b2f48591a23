//! placeholder
pub mod bindings;
pub mod error;
pub mod wire;
