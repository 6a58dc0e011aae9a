//! Pretty JSON written in parts: the same text as `serde_json`'s pretty
//! printer (two-space indent), but an object's fields are written one by
//! one, and the elements of a long array in chunks on two threads. A budget
//! of tens of thousands of initiatives is some twenty megabytes of JSON;
//! the chunks go out one after the other rather than being copied
//! together.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The serializer the fields' values are written with.
pub type Ser<'o> = serde_json::Serializer<&'o mut Vec<u8>, Pretty>;

/// `serde_json::ser::PrettyFormatter` with two spaces, starting at a given
/// depth, so that a value can be written on its own in the middle of a
/// document.
#[derive(Clone, Copy, Debug)]
pub struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    pub fn at(level: usize) -> Self {
        Pretty {
            level,
            has_value: false,
        }
    }
}

fn indent<W: ?Sized + io::Write>(out: &mut W, level: usize) -> io::Result<()> {
    for _ in 0..level {
        out.write_all(b"  ")?;
    }
    Ok(())
}

// Arrays and objects open, close and separate their values alike; only the
// brackets differ.
impl Pretty {
    fn open<W: ?Sized + io::Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            indent(out, self.level)?;
        }
        out.write_all(bracket)
    }

    fn next<W: ?Sized + io::Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        indent(out, self.level)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next(out, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next(out, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// From how many elements an array is written on two threads.
const PARALLEL_FROM: usize = 2_000;

/// The top-level object of a document, written a field at a time, in
/// parts: each chunk of a long array is written into a part of its own,
/// which is never copied onto the others.
pub struct Object {
    parts: Vec<Vec<u8>>,
    out: Vec<u8>,
    first: bool,
}

impl Object {
    /// Begins the object in `out`, a buffer reserved for the whole text.
    pub fn begin(mut out: Vec<u8>) -> Self {
        out.push(b'{');
        Object {
            parts: Vec::new(),
            out,
            first: true,
        }
    }

    fn key(&mut self, key: &str) -> serde_json::Result<()> {
        self.out
            .extend_from_slice(if self.first { b"\n  " } else { b",\n  " });
        self.first = false;
        serde_json::to_writer(&mut self.out, key)?;
        self.out.extend_from_slice(b": ");
        Ok(())
    }

    /// A field whose value `write` serializes (with a `serialize_with`
    /// function or `Serialize::serialize`).
    pub fn field(
        &mut self,
        key: &str,
        write: impl FnOnce(&mut Ser<'_>) -> serde_json::Result<()>,
    ) -> serde_json::Result<()> {
        self.key(key)?;
        write(&mut serde_json::Serializer::with_formatter(
            &mut self.out,
            Pretty::at(1),
        ))
    }

    /// An array field; a long one is written in chunks on two threads.
    pub fn array<T: Serialize + Sync>(&mut self, key: &str, items: &[T]) -> serde_json::Result<()> {
        self.key(key)?;
        if items.is_empty() {
            self.out.extend_from_slice(b"[]");
            return Ok(());
        }
        self.out.push(b'[');
        if items.len() < PARALLEL_FROM {
            elements(&mut self.out, items, true)?;
        } else {
            let chunks: Vec<&[T]> = items.chunks(items.len().div_ceil(CHUNKS)).collect();
            let texts = in_turn(&chunks)?;
            // What follows goes into a fresh part after the chunks': the
            // other fields and short arrays (a long one has parts of its own).
            let rest = Vec::with_capacity(PARALLEL_FROM * ROOM_PER_ITEM);
            self.parts.push(std::mem::replace(&mut self.out, rest));
            self.parts.extend(texts);
        }
        self.out.extend_from_slice(b"\n  ]");
        Ok(())
    }

    /// Closes the object; its text is the parts one after the other.
    pub fn end(mut self) -> Vec<Vec<u8>> {
        self.out
            .extend_from_slice(if self.first { b"}" } else { b"\n}" });
        self.parts.push(self.out);
        self.parts
    }
}

/// How many chunks a long array is cut into: enough that when one core
/// runs slower (the machine is shared), the other takes more of them.
const CHUNKS: usize = 32;

/// Room reserved for one element's text; what is not written is never
/// touched, so it costs no memory.
const ROOM_PER_ITEM: usize = 1024;

/// Writes each chunk of elements on this thread or a second one, whichever
/// takes it first; the texts in the chunks' order.
fn in_turn<T: Serialize + Sync>(chunks: &[&[T]]) -> serde_json::Result<Vec<Vec<u8>>> {
    let next = AtomicUsize::new(0);
    let work = || -> serde_json::Result<Vec<(usize, Vec<u8>)>> {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(i) else {
                return Ok(done);
            };
            let mut text = Vec::with_capacity(chunk.len().saturating_mul(ROOM_PER_ITEM));
            elements(&mut text, chunk, i == 0)?;
            done.push((i, text));
        }
    };
    let (mine, theirs) = std::thread::scope(|scope| {
        let helper = std::thread::Builder::new()
            .name("cxm-json".into())
            .spawn_scoped(scope, work)
            .ok();
        // Without a second thread this one takes every chunk.
        let mine = work();
        let theirs = match helper {
            Some(handle) => match handle.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            None => Ok(Vec::new()),
        };
        (mine, theirs)
    });
    let mut all = mine?;
    all.extend(theirs?);
    all.sort_unstable_by_key(|(i, _)| *i);
    Ok(all.into_iter().map(|(_, text)| text).collect())
}

/// The elements of an array at depth 2, each after its separator.
fn elements<T: Serialize>(out: &mut Vec<u8>, items: &[T], first: bool) -> serde_json::Result<()> {
    for (i, item) in items.iter().enumerate() {
        out.extend_from_slice(if first && i == 0 {
            b"\n    "
        } else {
            b",\n    "
        });
        item.serialize(&mut serde_json::Serializer::with_formatter(
            &mut *out,
            Pretty::at(2),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[derive(Serialize)]
    struct Line {
        id: String,
        quarters: [u32; 2],
        empty: Vec<u8>,
        none: Option<u8>,
        nested: Vec<Vec<u8>>,
    }

    fn line(i: usize) -> Line {
        Line {
            id: format!("line \"{i}\""),
            quarters: [1, 2],
            empty: Vec::new(),
            none: None,
            nested: vec![vec![], vec![3]],
        }
    }

    #[derive(Serialize)]
    struct Doc {
        name: &'static str,
        lines: Vec<Line>,
        none: Vec<Line>,
    }

    fn by_parts(doc: &Doc) -> String {
        let mut o = Object::begin(Vec::new());
        o.field("name", |s| doc.name.serialize(s)).unwrap();
        o.array("lines", &doc.lines).unwrap();
        o.array("none", &doc.none).unwrap();
        String::from_utf8(o.end().concat()).unwrap()
    }

    #[test]
    fn the_same_text_as_serde_json_pretty() {
        for n in [0, 1, 2, PARALLEL_FROM - 1, PARALLEL_FROM, PARALLEL_FROM + 1] {
            let doc = Doc {
                name: "budget",
                lines: (0..n).map(line).collect(),
                none: Vec::new(),
            };
            assert_eq!(
                by_parts(&doc),
                serde_json::to_string_pretty(&doc).unwrap(),
                "{n}"
            );
        }
    }

    #[test]
    fn an_empty_object() {
        assert_eq!(
            Object::begin(Vec::new()).end().concat(),
            serde_json::to_vec_pretty(&serde_json::json!({})).unwrap()
        );
    }
}
