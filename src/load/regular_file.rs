//! Reading a file of the project: only a regular file, and only inside the
//! project once symbolic links are resolved.
//!
//! Opening a FIFO blocks until someone writes to it (a CI job would never
//! end), a device may never end, and a symbolic link may lead anywhere on
//! the machine, whose content would then be echoed in diagnostics. Claim
//! files, `crosscheck.toml` and documents are all read through
//! [`read_project_file`].

use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why a project file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// Nothing at the path.
    NotFound,
    /// A symbolic link to nothing, or a loop of links.
    BrokenLink,
    /// A symbolic link whose target is outside the project directory.
    Outside,
    /// A FIFO, socket, device or directory.
    NotRegular(&'static str),
    /// Reading failed.
    Io(std::io::Error),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotFound => f.write_str("no such file"),
            Refusal::BrokenLink => f.write_str(
                "a symbolic link that leads nowhere (its target is missing, or the links loop)",
            ),
            Refusal::Outside => f.write_str("a symbolic link leads out of the project"),
            Refusal::NotRegular(kind) => write!(f, "{kind}, not a regular file"),
            Refusal::Io(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {
                f.write_str("permission denied")
            }
            Refusal::Io(error) => write!(f, "{error}"),
        }
    }
}

/// Reads the regular file at `path`, which must stay inside
/// `canonical_root` (the project directory, symbolic links resolved) once
/// its own links are resolved. `None` for the root skips containment (the
/// root itself could not be resolved; the read then fails on its own).
pub fn read_project_file(canonical_root: Option<&Path>, path: &Path) -> Result<Vec<u8>, Refusal> {
    read_project_file_in(canonical_root, None, path)
}

/// [`read_project_file`] for a file of a directory whose canonical path the
/// caller resolved once (`claims/`, holding thousands of source files):
/// a regular file that is not a link is then inside the root exactly when
/// that directory is, so its path is not resolved again (a `realpath` is a
/// system call per component, and loading 30,000 files spent more time
/// resolving paths than reading them).
pub fn read_project_file_in(
    canonical_root: Option<&Path>,
    canonical_dir: Option<(&Path, &Path)>,
    path: &Path,
) -> Result<Vec<u8>, Refusal> {
    let link = match std::fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(Refusal::NotFound);
        }
        Err(error) => return Err(Refusal::Io(error)),
    };
    let known = canonical_dir.and_then(|(dir, canonical_dir)| {
        let name = path.file_name()?;
        (link.file_type().is_file() && path.parent() == Some(dir)).then(|| canonical_dir.join(name))
    });
    let canonical = match known.map_or_else(|| path.canonicalize(), Ok) {
        Ok(canonical) => canonical,
        Err(_) if link.file_type().is_symlink() => return Err(Refusal::BrokenLink),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(Refusal::NotFound);
        }
        Err(error) => return Err(Refusal::Io(error)),
    };
    if let Some(root) = canonical_root
        && !canonical.starts_with(root)
    {
        return Err(Refusal::Outside);
    }
    let metadata = std::fs::metadata(&canonical).map_err(Refusal::Io)?;
    check_regular(&metadata)?;
    let mut file = std::fs::File::open(&canonical).map_err(Refusal::Io)?;
    // The path may have been swapped for a FIFO since: the open file is
    // what counts (opening a FIFO with no writer blocks, but only then).
    check_regular(&file.metadata().map_err(Refusal::Io)?)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(Refusal::Io)?;
    Ok(bytes)
}

fn check_regular(metadata: &std::fs::Metadata) -> Result<(), Refusal> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok(());
    }
    Err(Refusal::NotRegular(kind_name(&kind)))
}

fn kind_name(kind: &std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    "a special file"
}
