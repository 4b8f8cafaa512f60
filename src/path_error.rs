//! I/O errors that name their file. `std::io::Error` carries no path, so a
//! bare one reads `error: Permission denied (os error 13)` and leaves the
//! user to guess which of a project's files is meant.

use std::io;
use std::path::Path;

/// `error` with `path` in front of its message, its kind kept (so a closed
/// pipe is still recognised as one).
pub fn at_path(path: &Path, error: io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

/// For `map_err`: `std::fs::read(&path).map_err(at(&path))`.
pub fn at(path: &Path) -> impl FnOnce(io::Error) -> io::Error + '_ {
    move |error| at_path(path, error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_path_and_keeps_the_kind() {
        let error = at_path(
            Path::new("reports/report.md"),
            io::Error::from(io::ErrorKind::PermissionDenied),
        );
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(error.to_string(), "reports/report.md: permission denied");
    }
}
