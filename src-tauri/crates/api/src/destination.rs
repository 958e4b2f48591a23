//! Files a coordinator asked for (a report, a subject-access export): the folder chosen must
//! exist, and a file is written beside its destination first and then moved into place, so a
//! failure never leaves half a file where the coordinator will look for it.

use crate::ApiError;
use crate::ErrorCode;
use draagkracht_core::{Field, Refusal, RefusalCode};
use std::path::{Path, PathBuf};

/// Refuses a destination whose folder does not exist, before any work is done.
pub(crate) fn check_folder(path: &Path) -> Result<(), ApiError> {
    if path.as_os_str().is_empty() || path.parent().is_some_and(|d| !d.as_os_str().is_empty() && !d.is_dir()) {
        return Err(Refusal::new(
            Field::Path,
            RefusalCode::Unknown,
            "Deze map bestaat niet. Kies een andere plek.",
            "This folder does not exist. Please choose another place.",
        )
        .into());
    }
    Ok(())
}

/// Writes `bytes` to `path` whole, or not at all.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let written = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        ApiError::new(
            ErrorCode::Storage,
            format!("Het bestand kon niet worden opgeslagen ({e}). Is het nog open in een ander programma? Sluit het en probeer het opnieuw, of kies een andere plek."),
            format!("The file could not be saved ({e}). Is it still open in another program? Close it and try again, or choose another place."),
        )
    })
}
