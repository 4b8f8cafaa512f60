//! Atomic file writes: nothing a user wrote, and no report, is ever left
//! half-written. The bytes go to a temporary file in the target's directory
//! (same file system, so the rename is atomic), are synced, then renamed
//! over the target.
//!
//! A set of files (the reports `check` writes) is written all or nothing
//! as far as the file system allows: every file is written and synced to
//! its temporary file first, and only when all are written are they renamed
//! (renames within a directory need no space, so a full disk fails before
//! any report is replaced).
//!
//! Temporary files are named `.<target name>.<process id>.tmp` and created
//! like any new file (mode 0666 less the umask, not 0600); an existing
//! target's permissions are kept. A process killed between the write and
//! the rename leaves its temporary file: [`remove_stale_temporaries`]
//! removes those of a target, for callers that hold a lock on it.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A write that failed, naming the file the user asked for (never the
/// temporary file).
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl From<WriteError> for io::Error {
    /// As [`crate::path_error::at_path`] words it: the path, then the error.
    fn from(error: WriteError) -> io::Error {
        crate::path_error::at_path(&error.path, error.error)
    }
}

/// Replaces `path` with `bytes` atomically, keeping an existing file's
/// permissions. A symbolic link at `path` is replaced, not followed: callers
/// that mean its target pass the target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_set_atomically(&[(path, bytes)])
}

/// Writes every `(path, bytes)`: all to temporary files first, then all
/// renamed. When writing any of them fails, none is replaced and every
/// temporary file is removed.
pub fn write_set_atomically(files: &[(&Path, &[u8])]) -> Result<(), WriteError> {
    let paths: Vec<&Path> = files.iter().map(|(path, _)| *path).collect();
    write_set_atomically_with(&paths, |i, out| out.write_all(files[i].1))
}

/// [`write_set_atomically`], each file's bytes written by `write(i, out)`
/// for the `i`-th path, straight to its temporary file: a report of
/// hundreds of megabytes is never held in memory.
pub fn write_set_atomically_with(
    paths: &[&Path],
    mut write: impl FnMut(usize, &mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let mut staged: Vec<(PathBuf, &Path)> = Vec::with_capacity(paths.len());
    for (i, path) in paths.iter().enumerate() {
        match stage(path, |out| write(i, out)) {
            Ok(temp) => staged.push((temp, path)),
            Err(error) => {
                for (temp, _) in &staged {
                    let _ = std::fs::remove_file(temp);
                }
                return Err(WriteError {
                    path: path.to_path_buf(),
                    error,
                });
            }
        }
    }
    for (renamed, (temp, path)) in staged.iter().enumerate() {
        if let Err(error) = std::fs::rename(temp, path) {
            for (temp, _) in &staged[renamed..] {
                let _ = std::fs::remove_file(temp);
            }
            return Err(WriteError {
                path: path.to_path_buf(),
                error,
            });
        }
    }
    // Make the renames durable; not every platform can open a directory.
    for (_, path) in &staged {
        if let Ok(dir) = File::open(directory_of(path)) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// Removes the temporary files a killed writer left beside `path`. Only a
/// caller holding a lock on `path` (so no other writer is between its write
/// and its rename) may call this.
pub fn remove_stale_temporaries(path: &Path) -> io::Result<()> {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return Ok(());
    };
    let prefix = format!(".{name}.");
    for entry in std::fs::read_dir(directory_of(path))? {
        let entry = entry?;
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if let Some(middle) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            && !middle.is_empty()
            && middle.bytes().all(|b| b.is_ascii_digit())
        {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Writes a new temporary file beside `path` with `write` and syncs it.
fn stage(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let temp = directory_of(path).join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        // create_new: a leftover of an earlier process with the same id is
        // not written through (it may be a link).
        let _ = std::fs::remove_file(&temp);
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        if let Ok(metadata) = std::fs::metadata(path) {
            file.set_permissions(metadata.permissions())?;
        }
        let mut buffered = io::BufWriter::with_capacity(1 << 20, file);
        write(&mut buffered)?;
        buffered
            .into_inner()
            .map_err(|e| e.into_error())?
            .sync_all()
    })();
    match result {
        Ok(()) => Ok(temp),
        Err(error) => {
            let _ = std::fs::remove_file(&temp);
            Err(error)
        }
    }
}

fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}
