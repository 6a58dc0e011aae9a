//! Writing what a command makes: to standard output, or to `--output`.
//!
//! The rules (SPEC section 1, rev. 2), and the choices they leave open:
//!
//! - `-` is standard output, and so are `/dev/stdout`, `/dev/fd/1` and
//!   `/proc/self/fd/1`: they are written through cxm's own standard output,
//!   so `>>` still appends; `/dev/stderr` (`/dev/fd/2`, `/proc/self/fd/2`)
//!   likewise is standard error.
//! - A regular file, or a path where nothing is yet, is written atomically:
//!   a temporary file beside it, then a rename, so a reader never sees half
//!   a report. A replaced file keeps its mode; a new one gets the mode any
//!   new file gets (0666 less the umask: the temporary file is created with
//!   0666 and the kernel applies the umask). Owner and group are not copied.
//! - A symlink is followed to its target, which is replaced (or created,
//!   for a link to nothing); the link itself is never replaced.
//! - Anything else — a device (`/dev/null`, `/dev/full`), a FIFO, a socket —
//!   is opened and written in place: a FIFO's reader gets the report,
//!   `/dev/full` says "No space left on device" (exit 2). A directory gets
//!   the system's own "Is a directory". No temporary file is ever made in
//!   `/dev` itself: a new name or a regular file there is written in place.
//! - The output is never an input of the command ([`refuse_input`]): the
//!   same file however spelled (device and inode on Unix, the canonical
//!   path elsewhere), standard input included when it is a file; and a
//!   dashboard is never written to a `.toml` name. Both are refused before
//!   anything is written (exit 2).
//! - A reader that goes away (`cxm check | head -1`, a FIFO closed) ends the
//!   output early and is not an error: the command's exit code still says
//!   what it found.
//! - SIGINT or SIGTERM while a temporary file exists: the write stops at its
//!   next step, the temporary file is removed, and cxm then dies of the
//!   signal as it would have. The handlers are installed (with
//!   `signal-hook`, flags only, no thread) the first time a temporary file
//!   is made; outside such a write a signal keeps its default action, which
//!   is also what cxm does with a signal that was ignored when it started
//!   once a write has begun (a rare case: a background job's SIGINT). The
//!   check happens between writes, so a report still being computed in
//!   memory stops when it is ready to be written.
//! - Standard error is written with errors ignored: a closed standard
//!   error must never make cxm panic ([`eprint`]).

use crate::roadmap::Language;
use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a command refuses to run as asked (exit 2): the data; the words are
/// in [`crate::render::messages::output`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// `--output` (or `--html`) names a file the command reads.
    OutputIsInput { output: String, input: String },
    /// `report --html` to a name ending in `.toml`: most often the roadmap
    /// given where the output was meant.
    HtmlIntoToml { output: String },
    /// `report --xlsx` to a name ending in `.toml`.
    XlsxIntoToml { output: String },
    /// A diff side's revision starts with `-`: git would take it as an
    /// option.
    RevisionLikeOption { rev: String, spec: String },
    /// `cxm diff - -`: standard input can be read only once.
    StdinTwice,
}

/// A [`Refusal`] in the language to say it in.
#[derive(Debug)]
pub struct Refused {
    pub refusal: Refusal,
    pub lang: Language,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::render::messages::output::text(
            &self.refusal,
            self.lang,
        ))
    }
}

impl std::error::Error for Refused {}

/// Refuses (exit 2) when `output` is one of `inputs` (paths as given on the
/// command line, `-` for standard input), however spelled. A side that is
/// not a file (a diff's `REV:PATH`) is never the output.
pub(crate) fn refuse_input(output: Option<&Path>, inputs: &[&str], lang: Language) -> Result<()> {
    let Some(out) = output.filter(|p| !is_stdout(p) && !is_stderr(p)) else {
        return Ok(());
    };
    for input in inputs {
        if same_file(out, input) {
            return Err(Refused {
                refusal: Refusal::OutputIsInput {
                    output: out.display().to_string(),
                    input: crate::roadmap::input::display_name(input),
                },
                lang,
            }
            .into());
        }
    }
    Ok(())
}

/// `report --html OUT`: never a `.toml` name, whatever the case.
pub(crate) fn refuse_toml_dashboard(output: &Path, lang: Language) -> Result<()> {
    if output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        return Err(Refused {
            refusal: Refusal::HtmlIntoToml {
                output: output.display().to_string(),
            },
            lang,
        }
        .into());
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(out: &Path, input: &str) -> bool {
    use std::os::unix::fs::MetadataExt;
    // Only a regular file can be overwritten for good: `- < /dev/null`
    // with `-o /dev/null` is no harm.
    let Some(o) = std::fs::metadata(out).ok().filter(|m| m.is_file()) else {
        return false;
    };
    let i = if input == "-" {
        stdin_metadata()
    } else {
        std::fs::metadata(input).ok()
    };
    i.is_some_and(|i| i.dev() == o.dev() && i.ino() == o.ino())
}

/// What standard input is, when it is a file (`cxm budget - < r.toml`).
#[cfg(unix)]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    std::fs::File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn same_file(out: &Path, input: &str) -> bool {
    if input == "-" {
        return false;
    }
    match (std::fs::canonicalize(out), std::fs::canonicalize(input)) {
        (Ok(o), Ok(i)) => o == i,
        _ => false,
    }
}

/// Whether a path names standard output.
fn is_stdout(path: &Path) -> bool {
    path == Path::new("-")
        || (cfg!(unix)
            && ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
                .iter()
                .any(|p| path == Path::new(p)))
}

/// Whether a path names standard error: written through cxm's own, so a
/// `2>log` file is appended to, never replaced nor written from its start.
fn is_stderr(path: &Path) -> bool {
    cfg!(unix)
        && ["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"]
            .iter()
            .any(|p| path == Path::new(p))
}

/// Writes to standard output, or to `path` as the module docs say.
pub(crate) fn write(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    write_with(path, |out| Ok(out.write_all(bytes)?))
}

/// [`write`] of what `write` writes, buffered: a report goes out as it is
/// rendered, never held whole in memory a second time.
pub(crate) fn write_with(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let Some(path) = path.filter(|p| !is_stdout(p)) else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let result = write(&mut out).and_then(|()| Ok(out.flush()?));
        return reader_gone_is_done(result);
    };
    if is_stderr(path) {
        let mut out = std::io::BufWriter::new(std::io::stderr().lock());
        let result = write(&mut out).and_then(|()| Ok(out.flush()?));
        return reader_gone_is_done(result);
    }
    match destination(path)? {
        Destination::InPlace(target) => in_place(path, &target, write),
        Destination::Replace { file, keep } => {
            let watch = interrupt::Watch::start();
            let result = replace(path, &file, keep, write);
            watch.finish();
            result
        }
    }
}

/// Where a path's bytes go.
enum Destination {
    /// Opened and written as it is: a device, a FIFO, anything in `/dev`.
    InPlace(PathBuf),
    /// A regular file (the real one, symlinks followed) replaced by a
    /// temporary file beside it; `keep`: the replaced file's permissions.
    Replace {
        file: PathBuf,
        keep: Option<std::fs::Permissions>,
    },
}

fn destination(path: &Path) -> Result<Destination> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => {
            let file = std::fs::canonicalize(path).map_err(|e| write_failed(path, &e))?;
            if in_dev(&file) {
                return Ok(Destination::InPlace(path.to_path_buf()));
            }
            Ok(Destination::Replace {
                file,
                keep: Some(m.permissions()),
            })
        }
        Ok(_) => Ok(Destination::InPlace(path.to_path_buf())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let file = link_target(path);
            if in_dev(&file) {
                return Ok(Destination::InPlace(file));
            }
            Ok(Destination::Replace { file, keep: None })
        }
        Err(e) => Err(write_failed(path, &e)),
    }
}

/// The file a chain of symlinks ends at (`path` itself when it is no
/// link): where a link to nothing yet has its file created.
fn link_target(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    // The system's own limit on links in a path (Linux: 40).
    for _ in 0..40 {
        match std::fs::read_link(&p) {
            Ok(to) => {
                p = match p.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                }
            }
            Err(_) => break,
        }
    }
    p
}

/// Whether `file` lies directly in `/dev`, where no temporary file is made.
fn in_dev(file: &Path) -> bool {
    if !cfg!(unix) {
        return false;
    }
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::canonicalize(dir).is_ok_and(|d| d == Path::new("/dev"))
}

fn in_place(
    shown: &Path,
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    // Truncation and creation matter only for a regular file in `/dev`; a
    // device or a FIFO ignores them.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(target)
        .map_err(|e| write_failed(shown, &e))?;
    let mut out = std::io::BufWriter::new(file);
    let result = write(&mut out).and_then(|()| Ok(out.flush()?));
    reader_gone_is_done(result).map_err(|e| named(shown, e))
}

fn replace(
    shown: &Path,
    file: &Path,
    keep: Option<std::fs::Permissions>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = temp_builder()
        .tempfile_in(dir)
        .map_err(|e| write_failed(shown, &e))?;
    {
        let mut out = std::io::BufWriter::new(interrupt::Watched(tmp.as_file_mut()));
        write(&mut out)
            .and_then(|()| Ok(out.flush()?))
            .map_err(|e| named(shown, e))?;
    }
    if let Some(permissions) = keep {
        tmp.as_file()
            .set_permissions(permissions)
            .map_err(|e| write_failed(shown, &e))?;
    }
    interrupt::check().map_err(|e| write_failed(shown, &e))?;
    tmp.persist(file)
        .map_err(|e| write_failed(shown, &e.error))?;
    Ok(())
}

/// Temporary files created 0666: the kernel takes the umask off, as for
/// any new file (tempfile's own default is 0600).
#[cfg(unix)]
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    use std::os::unix::fs::PermissionsExt;
    let mut builder = tempfile::Builder::new();
    builder.permissions(std::fs::Permissions::from_mode(0o666));
    builder
}

#[cfg(not(unix))]
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    tempfile::Builder::new()
}

/// A closed pipe (`cxm check | head -1`): the reader wants no more, which
/// is not a failure to report.
fn reader_gone_is_done(result: Result<()>) -> Result<()> {
    match result {
        Err(e) if crate::app::is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}

/// A failure to write said as one, naming the path given; a report that
/// could not be made (no plan year…) says why, as on standard output.
fn named(shown: &Path, e: anyhow::Error) -> anyhow::Error {
    match e.downcast_ref::<std::io::Error>() {
        Some(io) => write_failed(shown, io),
        None => e,
    }
}

/// "could not write PATH: REASON", naming only the path the user gave: the
/// temporary file is ours, and `tempfile` adds its name to its errors
/// (`… at path "/dir/.tmpAbC123"`), which is cut here. The reason reads as
/// an unreadable input's does (`No such file or directory (os error 2)`).
pub(crate) fn write_failed(path: &Path, e: &std::io::Error) -> anyhow::Error {
    crate::render::messages::app::AppError::Write {
        path: path.display().to_string(),
        reason: crate::render::messages::app::Reason::of(e),
    }
    .into()
}

/// Writes to standard error, ignoring failure: there is nowhere left to
/// say that standard error is closed, and a panic (exit 101) would hide
/// the exit code that matters.
pub fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// [`eprint`] with a line end.
pub fn eprintln(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(text.as_bytes())
        .and_then(|()| err.write_all(b"\n"));
}

/// SIGINT and SIGTERM while a temporary file exists (see the module docs).
#[cfg(unix)]
mod interrupt {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::flag;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Arc, OnceLock};

    struct Flags {
        /// No temporary file: a signal does what it would without cxm.
        idle: Arc<AtomicBool>,
        /// The signal that came while writing, or 0.
        caught: Arc<AtomicUsize>,
    }

    static FLAGS: OnceLock<Option<Flags>> = OnceLock::new();

    /// The flags, installed the first time; `None` if the system refused
    /// (then a signal simply kills cxm, as before).
    fn flags() -> Option<&'static Flags> {
        FLAGS.get_or_init(|| install().ok()).as_ref()
    }

    fn install() -> std::io::Result<Flags> {
        let idle = Arc::new(AtomicBool::new(true));
        let caught = Arc::new(AtomicUsize::new(0));
        for signal in [SIGINT, SIGTERM] {
            // Registered first, so it runs first: when idle, die at once.
            flag::register_conditional_default(signal, Arc::clone(&idle))?;
            flag::register_usize(signal, Arc::clone(&caught), signal.unsigned_abs() as usize)?;
        }
        Ok(Flags { idle, caught })
    }

    /// A write with a temporary file under way.
    pub(super) struct Watch;

    impl Watch {
        pub(super) fn start() -> Watch {
            if let Some(f) = flags() {
                f.idle.store(false, Ordering::SeqCst);
            }
            Watch
        }

        /// The temporary file is gone (renamed or removed): back to the
        /// default action, and die of a signal that came meanwhile.
        pub(super) fn finish(self) {
            if let Some(f) = flags() {
                f.idle.store(true, Ordering::SeqCst);
                let caught = f.caught.load(Ordering::SeqCst);
                if let Ok(signal) = i32::try_from(caught)
                    && signal != 0
                {
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                }
            }
        }
    }

    /// An error when a signal has come: the write stops there.
    pub(super) fn check() -> std::io::Result<()> {
        match flags() {
            Some(f) if f.caught.load(Ordering::SeqCst) != 0 => {
                Err(std::io::Error::other("interrupted by a signal"))
            }
            _ => Ok(()),
        }
    }

    /// A writer that stops at its next write once a signal has come.
    pub(super) struct Watched<W>(pub(super) W);

    impl<W: std::io::Write> std::io::Write for Watched<W> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            check()?;
            self.0.write(buf)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.0.flush()
        }
    }
}

/// Elsewhere: no signal handling; an interrupted write may leave its
/// temporary file.
#[cfg(not(unix))]
mod interrupt {
    pub(super) struct Watch;

    impl Watch {
        pub(super) fn start() -> Watch {
            Watch
        }
        pub(super) fn finish(self) {}
    }

    pub(super) fn check() -> std::io::Result<()> {
        Ok(())
    }

    pub(super) struct Watched<W>(pub(super) W);

    impl<W: std::io::Write> std::io::Write for Watched<W> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.write(buf)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.0.flush()
        }
    }
}

#[cfg(test)]
mod tests;
