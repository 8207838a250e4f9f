//! The window (being written).
/// Open the window.
pub fn run_native(_paths: Vec<std::path::PathBuf>, _g: Option<std::path::PathBuf>, _a: Option<std::path::PathBuf>, _e: bool) -> Result<(), String> { Err("window not yet built".into()) }
