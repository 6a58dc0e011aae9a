//! The TOML text into a spanned tree, in time and memory linear in the file.
//!
//! `toml_parser` lexes and parses; this module receives its events and
//! applies TOML's table rules (duplicate keys, implicit, dotted and inline
//! tables, arrays of tables). The `toml` crate does the same but lexes the
//! whole file into tokens and then into events before building its tree, so
//! all three are alive at once (about 29 times the file's size). Here the
//! file is lexed a stretch at a time — cut before a table header at the
//! start of a line, outside any bracket — and each stretch's tokens and
//! events are dropped once its keys are in the tree. One thread does it all:
//! a second one for lexing saved some time on large files, not enough to be
//! worth its hand-over code. Finished entries of top-level arrays of tables
//! go to a [`Sink`] and leave the tree. The rules and error messages follow `toml`'s own
//! `de::parser` (the reference implementation, by the same maintainers), so
//! findings and their spans read the same.

use std::borrow::Cow;
use std::collections::HashMap;
use toml::Spanned;
use toml::value::Datetime;
use toml_parser::decoder::Encoding;
use toml_parser::decoder::ScalarKind;
use toml_parser::lexer::{Token, TokenKind};
use toml_parser::parser::{Event, EventKind, EventReceiver, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

/// How deep arrays, inline tables and dotted keys may nest (as in `toml`).
const LIMIT: u32 = 80;

/// Tokens lexed before the reader looks for a place to cut.
const STRETCH: usize = 16 * 1024;

pub(crate) type Key<'i> = Spanned<Cow<'i, str>>;
pub(crate) type Node<'i> = Spanned<Value<'i>>;

/// A TOML value. Numbers keep their text so that amounts stay exact.
#[derive(Debug, Clone)]
pub enum Value<'i> {
    String(Cow<'i, str>),
    Integer(Integer<'i>),
    Float(Float<'i>),
    Boolean(bool),
    Datetime(Datetime),
    Array(Array<'i>),
    Table(Table<'i>),
}

impl Value<'_> {
    /// The type's name for messages (`duplicate key`, `cannot extend …`).
    pub(crate) fn type_str(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Integer(_) => "integer",
            Value::Float(_) => "float",
            Value::Boolean(_) => "boolean",
            Value::Datetime(_) => "datetime",
            Value::Array(_) => "array",
            Value::Table(_) => "table",
        }
    }
}

/// An integer's digits (underscores and prefix removed) and radix.
#[derive(Debug, Clone)]
pub struct Integer<'i> {
    text: Cow<'i, str>,
    radix: u32,
}

impl Integer<'_> {
    /// Digits for `from_str_radix` with [`Integer::radix`].
    pub fn as_str(&self) -> &str {
        &self.text
    }
    pub fn radix(&self) -> u32 {
        self.radix
    }
}

/// A float's text, underscores removed (`inf`, `nan` included).
#[derive(Debug, Clone)]
pub struct Float<'i> {
    text: Cow<'i, str>,
}

impl Float<'_> {
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

#[derive(Debug, Clone, Default)]
pub struct Array<'i> {
    items: Vec<Node<'i>>,
    of_tables: bool,
}

impl<'i> Array<'i> {
    pub fn iter(&self) -> std::slice::Iter<'_, Node<'i>> {
        self.items.iter()
    }
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }
}

/// Tables with more keys than this get a hash index; smaller ones are
/// searched in order, which is faster and smaller for the usual few keys.
const INDEX_FROM: usize = 32;

/// Where each key of a large table is; boxed in [`Table`] so that the
/// usual small table does not carry an empty map's size.
type Index = HashMap<Box<str>, usize>;

/// A table in the order its keys were written.
#[derive(Debug, Clone, Default)]
pub struct Table<'i> {
    entries: Vec<(Key<'i>, Node<'i>)>,
    index: Option<Box<Index>>,
    implicit: bool,
    dotted: bool,
    inline: bool,
}

impl<'i> Table<'i> {
    pub fn iter(&self) -> impl Iterator<Item = (&Key<'i>, &Node<'i>)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    #[cfg(test)]
    fn get(&self, key: &str) -> Option<&Node<'i>> {
        self.position(key)
            .and_then(|i| self.entries.get(i))
            .map(|(_, v)| v)
    }
    /// Created by a header's path or a dotted key, not (yet) defined itself.
    pub(crate) fn is_implicit(&self) -> bool {
        self.implicit
    }
    pub(crate) fn is_dotted(&self) -> bool {
        self.dotted
    }
    pub(crate) fn is_inline(&self) -> bool {
        self.inline
    }

    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => {
                // Most keys of a table differ in length or first letter:
                // those are told apart without comparing the rest.
                let key = key.as_bytes();
                let first = key.first();
                self.entries.iter().position(|(k, _)| {
                    let k = k.get_ref().as_bytes();
                    k.len() == key.len() && k.first() == first && k == key
                })
            }
        }
    }

    fn entry_mut(&mut self, key: &str) -> Option<&mut (Key<'i>, Node<'i>)> {
        let i = self.position(key)?;
        self.entries.get_mut(i)
    }

    /// Adds a key known to be absent.
    fn push(&mut self, key: Key<'i>, value: Node<'i>) {
        let at = self.entries.len();
        if let Some(index) = &mut self.index {
            index.insert(key.get_ref().as_ref().into(), at);
        } else if at + 1 > INDEX_FROM {
            let mut index: HashMap<Box<str>, usize> = self
                .entries
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.get_ref().as_ref().into(), i))
                .collect();
            index.insert(key.get_ref().as_ref().into(), at);
            self.index = Some(Box::new(index));
        }
        self.entries.push((key, value));
    }

    fn remove(&mut self, key: &str) -> Option<(Key<'i>, Node<'i>)> {
        let i = self.position(key)?;
        let removed = self.entries.remove(i);
        if self.index.is_some() {
            self.index = Some(Box::new(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.get_ref().as_ref().into(), i))
                    .collect(),
            ));
        }
        Some(removed)
    }
}

/// A syntax error: `toml`'s message and where it points (if anywhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Option<std::ops::Range<usize>>,
}

impl SyntaxError {
    fn new(e: &ParseError) -> Self {
        let mut message = e.description().to_string();
        if let Some(expected) = e.expected() {
            message.push_str(", expected ");
            if expected.is_empty() {
                message.push_str("nothing");
            }
            for (i, x) in expected.iter().enumerate() {
                if i != 0 {
                    message.push_str(", ");
                }
                match x {
                    toml_parser::Expected::Literal(s) => message.push_str(&render_literal(s)),
                    toml_parser::Expected::Description(s) => message.push_str(s),
                    _ => message.push_str("etc"),
                }
            }
        }
        SyntaxError {
            message,
            span: e.unexpected().map(|s| s.start()..s.end()),
        }
    }
}

fn render_literal(literal: &str) -> String {
    match literal {
        "\n" => "newline".to_owned(),
        "`" => "'`'".to_owned(),
        s if s.chars().all(|c| c.is_ascii_control()) => format!("`{}`", s.escape_debug()),
        s => format!("`{s}`"),
    }
}

/// Parses a whole document, recovering from errors as `toml` does: the
/// tree holds what could be read, and every error is returned.
pub fn parse(text: &str) -> (Table<'_>, Vec<SyntaxError>) {
    parse_into(text, &mut Keep)
}

/// Takes the elements of top-level arrays of tables (`[[initiatives]]`) as
/// soon as no later line can change them, so that the reader need not keep
/// the whole file's tree: an element is final once the next one begins.
pub(crate) trait Sink<'i> {
    /// Whether finished elements of the array `key` are handed over.
    fn takes(&self, key: &str) -> bool;
    /// A finished element (always a table); afterwards it leaves the tree,
    /// which keeps the array's last element only.
    fn take(&mut self, key: &str, element: &Node<'i>);
}

/// The sink that takes nothing: the whole tree is kept.
struct Keep;

impl<'i> Sink<'i> for Keep {
    fn takes(&self, _key: &str) -> bool {
        false
    }
    fn take(&mut self, _key: &str, _element: &Node<'i>) {}
}

/// [`parse`], handing finished elements of top-level arrays of tables to
/// `sink` where it takes them.
pub(crate) fn parse_into<'i>(
    text: &'i str,
    sink: &mut dyn Sink<'i>,
) -> (Table<'i>, Vec<SyntaxError>) {
    parse_in_stretches(text, STRETCH, sink)
}

/// [`parse_into`], cutting as soon as `stretch` tokens have been lexed:
/// each stretch is parsed, decoded and taken into the tree before the next
/// is lexed, and its tokens and events are then dropped.
fn parse_in_stretches<'i>(
    text: &'i str,
    stretch: usize,
    sink: &mut dyn Sink<'i>,
) -> (Table<'i>, Vec<SyntaxError>) {
    let source = Source::new(text);
    let mut state = State {
        root: Table::default(),
        current_table: Table::default(),
        current_header: None,
        sink,
        spare: Vec::new(),
    };
    let mut errors: Vec<ParseError> = Vec::new();
    let mut batch = Batch::default();
    produce(source, stretch, &mut |tokens| {
        batch.parse(tokens, source);
        state.consume(&mut batch, &mut errors);
    });
    state.finish_table(&mut errors);
    let errors = errors.iter().map(SyntaxError::new).collect();
    (state.root, errors)
}

/// One stretch parsed: its events, each key and scalar among them decoded,
/// and the syntax errors found on the way. Kept from stretch to stretch for
/// its room.
#[derive(Default)]
struct Batch<'i> {
    events: Vec<Event>,
    /// The keys and values decoded, each with the index of its event.
    decoded: Vec<(usize, Decoded<'i>)>,
    errors: Vec<ParseError>,
}

impl<'i> Batch<'i> {
    /// Parses a stretch's tokens and decodes its keys and values.
    fn parse(&mut self, tokens: &[Token], source: Source<'i>) {
        self.events.clear();
        self.errors.clear();
        {
            let mut events = SkipWhitespace(&mut self.events);
            let mut validate = ValidateWhitespace::new(&mut events, source);
            let mut guard = RecursionGuard::new(&mut validate, LIMIT);
            toml_parser::parser::parse_document(tokens, &mut guard, &mut self.errors);
        }
        decode_all(self, source);
    }
}

/// A key or scalar event, decoded.
#[derive(Default)]
enum Decoded<'i> {
    #[default]
    None,
    Key(Cow<'i, str>),
    Scalar(Value<'i>),
}

/// Passes every event on but whitespace, comments and newlines, half of a
/// roadmap's events, which the tree never needs: it skips them wherever
/// they stand, and after `=` a newline or comment means a missing value,
/// which [`value`] sees from the next line's key or header as well.
/// (`ValidateWhitespace`, before this, has checked them.)
struct SkipWhitespace<'r>(&'r mut dyn EventReceiver);

impl EventReceiver for SkipWhitespace<'_> {
    fn std_table_open(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.0.std_table_open(span, error);
    }
    fn std_table_close(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.0.std_table_close(span, error);
    }
    fn array_table_open(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.0.array_table_open(span, error);
    }
    fn array_table_close(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.0.array_table_close(span, error);
    }
    fn inline_table_open(&mut self, span: Span, error: &mut dyn ErrorSink) -> bool {
        self.0.inline_table_open(span, error)
    }
    fn inline_table_close(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.0.inline_table_close(span, error);
    }
    fn array_open(&mut self, span: Span, error: &mut dyn ErrorSink) -> bool {
        self.0.array_open(span, error)
    }
    fn array_close(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.0.array_close(span, error);
    }
    fn simple_key(&mut self, span: Span, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        self.0.simple_key(span, kind, error);
    }
    fn key_sep(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.0.key_sep(span, error);
    }
    fn key_val_sep(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.0.key_val_sep(span, error);
    }
    fn scalar(&mut self, span: Span, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        self.0.scalar(span, kind, error);
    }
    fn value_sep(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.0.value_sep(span, error);
    }
    fn whitespace(&mut self, _span: Span, _error: &mut dyn ErrorSink) {}
    fn comment(&mut self, _span: Span, _error: &mut dyn ErrorSink) {}
    fn newline(&mut self, _span: Span, _error: &mut dyn ErrorSink) {}
    fn error(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.0.error(span, error);
    }
}

/// Decodes the keys and scalars of a stretch's events.
fn decode_all<'i>(batch: &mut Batch<'i>, source: Source<'i>) {
    batch.decoded.clear();
    for (i, event) in batch.events.iter().enumerate() {
        let decoded = match event.kind() {
            EventKind::SimpleKey => match source.get(event) {
                Some(raw) => Decoded::Key(match quick_key(raw.as_str(), event.encoding()) {
                    Some(key) => key,
                    None => {
                        let mut key = Cow::Borrowed("");
                        raw.decode_key(&mut key, &mut batch.errors);
                        key
                    }
                }),
                None => Decoded::None,
            },
            EventKind::Scalar => match scalar_value(event, source, &mut batch.errors) {
                Some(value) => Decoded::Scalar(value),
                None => Decoded::None,
            },
            _ => continue,
        };
        batch.decoded.push((i, decoded));
    }
}

// The usual keys and scalars of a roadmap are decoded here without
// `toml_parser`'s general decoder, which otherwise takes two fifths of the
// reader's time on a large file: a bare key, a basic string without
// escapes, `true` and `false`, an integer or a float of plain digits, a
// date. Anything else, and anything one of these could get wrong (escapes,
// signs, underscores, leading zeros, errors), goes the general way, so the
// result is the same either way (a test compares them).

/// A key that is bare or a basic string without escapes, as written.
fn quick_key(raw: &str, encoding: Option<Encoding>) -> Option<Cow<'_, str>> {
    match encoding {
        None => {
            let plain = !raw.is_empty() && raw.bytes().all(|b| BARE[usize::from(b)]);
            plain.then_some(Cow::Borrowed(raw))
        }
        Some(Encoding::BasicString) => plain_basic(raw).map(Cow::Borrowed),
        Some(_) => None,
    }
}

/// The bytes of a bare key: ASCII letters and digits, `-` and `_`.
static BARE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
        b += 1;
    }
    table
};

/// The text of a `"…"` string that needs no decoding: no escapes and no
/// character TOML forbids in a basic string.
fn plain_basic(raw: &str) -> Option<&str> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    plain_basic_bytes(inner.as_bytes()).then_some(inner)
}

/// Whether no byte is a control character but tab, `"`, `\\` or DEL.
/// Strings are most of a roadmap's bytes, so eight are looked at a time:
/// with `ONES = 0x0101…01`, `(x - ONES × n) & !x & 0x8080…80` is non-zero
/// exactly when some byte of `x` is below `n` (n ≤ 128), and `x ^ ONES × c`
/// has a zero byte where `x` has `c`. A word that may hold one (a tab, say)
/// is looked at byte by byte.
fn plain_basic_bytes(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let allowed = |b: &u8| *b == b'\t' || (*b >= 0x20 && *b != b'"' && *b != b'\\' && *b != 0x7f);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let x = u64::from_le_bytes(w);
        let suspect = below(x, 0x20)
            | below(x ^ (ONES * u64::from(b'"')), 1)
            | below(x ^ (ONES * u64::from(b'\\')), 1)
            | below(x ^ (ONES * 0x7f), 1);
        if suspect != 0 && !word.iter().all(allowed) {
            return false;
        }
    }
    words.remainder().iter().all(allowed)
}

/// A scalar of one of the usual forms, decoded.
fn quick_scalar(raw: &str, encoding: Option<Encoding>) -> Option<Value<'_>> {
    match encoding {
        Some(Encoding::BasicString) => plain_basic(raw).map(|s| Value::String(Cow::Borrowed(s))),
        Some(_) => None,
        None => quick_unquoted(raw),
    }
}

fn quick_unquoted(raw: &str) -> Option<Value<'_>> {
    let bytes = raw.as_bytes();
    let digits = |b: &[u8]| !b.is_empty() && b.iter().all(u8::is_ascii_digit);
    // No leading zero (TOML forbids it) but in `0` itself and `0.5`.
    let whole = |b: &[u8]| digits(b) && (b.len() == 1 || b.first() != Some(&b'0'));
    match raw {
        "true" => return Some(Value::Boolean(true)),
        "false" => return Some(Value::Boolean(false)),
        _ => {}
    }
    // At most 18 digits: always within 64 bits.
    if whole(bytes) && bytes.len() <= 18 {
        return Some(Value::Integer(Integer {
            text: Cow::Borrowed(raw),
            radix: 10,
        }));
    }
    if let Some((int, frac)) = raw.split_once('.') {
        return (whole(int.as_bytes()) && digits(frac.as_bytes())).then_some(Value::Float(Float {
            text: Cow::Borrowed(raw),
        }));
    }
    quick_date(bytes).map(Value::Datetime)
}

/// A `YYYY-MM-DD` date that exists (the rules of `toml_datetime`'s parser:
/// month 01–12, day within the month, leap years as the Gregorian
/// calendar has them); `None` for anything else, which the parser judges.
fn quick_date(bytes: &[u8]) -> Option<Datetime> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *bytes else {
        return None;
    };
    let mut digits = [y1, y2, y3, y4, m1, m2, d1, d2];
    for d in &mut digits {
        *d = d.wrapping_sub(b'0');
        if *d > 9 {
            return None;
        }
    }
    let [y1, y2, y3, y4, m1, m2, d1, d2] = digits;
    let year = u16::from(y1) * 1000 + u16::from(y2) * 100 + u16::from(y3) * 10 + u16::from(y4);
    let (month, day) = (m1 * 10 + m2, d1 * 10 + d2);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some(Datetime {
        date: Some(toml::value::Date { year, month, day }),
        time: None,
        offset: None,
    })
}

/// Lexes the file and cuts it into stretches, each a run of tokens for
/// `emit`.
fn produce(source: Source<'_>, stretch: usize, emit: &mut dyn FnMut(&[Token])) {
    let mut tokens = Vec::with_capacity(stretch.min(STRETCH) + 64);
    // Bracket depth over every `[`, `]`, `{`, `}` token: a header at the
    // start of a line at depth 0 begins a new stretch. After a stray
    // closing bracket the depth cannot be trusted, so the rest is one
    // stretch (only in a file that has a syntax error anyway).
    let mut depth: i64 = 0;
    let mut trusted = true;
    let mut line_start = true;
    for token in source.lex() {
        match token.kind() {
            TokenKind::LeftSquareBracket => {
                if line_start && depth == 0 && trusted && tokens.len() >= stretch {
                    emit(&tokens);
                    tokens.clear();
                }
                depth += 1;
                line_start = false;
            }
            TokenKind::LeftCurlyBracket => {
                depth += 1;
                line_start = false;
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth -= 1;
                trusted &= depth >= 0;
                line_start = false;
            }
            TokenKind::Newline => line_start = true,
            TokenKind::Whitespace => {}
            _ => line_start = false,
        }
        tokens.push(token);
    }
    emit(&tokens);
}

/// A cursor over one stretch's events.
struct Input<'e, 'i> {
    events: &'e [Event],
    /// The batch's decoded keys and values, by event index, and the first
    /// not yet passed (events are only read forwards).
    decoded: &'e mut [(usize, Decoded<'i>)],
    next_decoded: usize,
    at: usize,
}

impl<'e, 'i> Input<'e, 'i> {
    fn next_token(&mut self) -> Option<&'e Event> {
        let e = self.events.get(self.at)?;
        self.at += 1;
        Some(e)
    }

    /// What the event last returned by `next_token` decoded to (once).
    fn take_decoded(&mut self) -> Decoded<'i> {
        let Some(wanted) = self.at.checked_sub(1) else {
            return Decoded::None;
        };
        while let Some((i, d)) = self.decoded.get_mut(self.next_decoded) {
            if *i > wanted {
                break;
            }
            self.next_decoded += 1;
            if *i == wanted {
                return std::mem::take(d);
            }
        }
        Decoded::None
    }

    /// The value of the scalar event last returned by `next_token`.
    fn scalar(&mut self, event: &Event) -> Node<'i> {
        match self.take_decoded() {
            Decoded::Scalar(v) => Spanned::new(range(event.span()), v),
            _ => invented(),
        }
    }
    fn peek(&self, ahead: usize) -> Option<EventKind> {
        self.events.get(self.at + ahead).map(Event::kind)
    }
}

fn key_span(key: &Key<'_>) -> toml_parser::Span {
    parser_span(key.span())
}

fn parser_span(s: std::ops::Range<usize>) -> toml_parser::Span {
    toml_parser::Span::new_unchecked(s.start, s.end)
}

/// "duplicate key" at `at`, pointing back at the first definition when known.
fn duplicate_key(
    errors: &mut dyn ErrorSink,
    at: toml_parser::Span,
    first: Option<toml_parser::Span>,
) {
    let mut e = ParseError::new("duplicate key").with_unexpected(at);
    if let Some(first) = first {
        e = e.with_context(first);
    }
    errors.report_error(e);
}

/// A dotted key or header path that runs into a value of `type_name`.
fn cannot_extend(
    errors: &mut dyn ErrorSink,
    type_name: &str,
    key: &Key<'_>,
    existing: Option<toml_parser::Span>,
) {
    let mut e = ParseError::new(format!(
        "cannot extend value of type {type_name} with a dotted key"
    ))
    .with_unexpected(key_span(key));
    if let Some(existing) = existing {
        e = e.with_context(existing);
    }
    errors.report_error(e);
}

fn range(span: toml_parser::Span) -> std::ops::Range<usize> {
    span.start()..span.end()
}

struct Header<'i> {
    path: Vec<Key<'i>>,
    key: Option<Key<'i>>,
    span: toml_parser::Span,
    is_array: bool,
}

struct State<'i, 's> {
    root: Table<'i>,
    current_table: Table<'i>,
    current_header: Option<Header<'i>>,
    sink: &'s mut dyn Sink<'i>,
    /// Emptied key lists of tables the sink has taken, for the next tables
    /// to fill without growing a new list key by key.
    spare: Vec<Vec<(Key<'i>, Node<'i>)>>,
}

/// How many emptied key lists are kept for reuse.
const SPARE: usize = 8;

impl<'i> State<'i, '_> {
    /// Takes one stretch's keys into the tree: its syntax errors first, as
    /// if parser and tree ran one after the other.
    fn consume(&mut self, batch: &mut Batch<'i>, errors: &mut Vec<ParseError>) {
        errors.append(&mut batch.errors);
        let mut input = Input {
            events: &batch.events,
            decoded: &mut batch.decoded,
            next_decoded: 0,
            at: 0,
        };
        self.document(&mut input, errors);
    }

    /// `toml`'s `document::document`, with its state kept across stretches.
    fn document(&mut self, input: &mut Input<'_, 'i>, errors: &mut Vec<ParseError>) {
        while let Some(event) = input.next_token() {
            match event.kind() {
                EventKind::InlineTableOpen
                | EventKind::InlineTableClose
                | EventKind::ArrayOpen
                | EventKind::ArrayClose
                | EventKind::Scalar
                | EventKind::ValueSep
                | EventKind::Error
                | EventKind::KeySep
                | EventKind::KeyValSep
                | EventKind::StdTableClose
                | EventKind::ArrayTableClose => continue,
                EventKind::StdTableOpen | EventKind::ArrayTableOpen => {
                    self.finish_table(errors);
                    let header = on_table(event, input, errors);
                    self.start_table(header, errors);
                }
                EventKind::SimpleKey => {
                    let (path, key) = on_key(event, input, errors);
                    let Some(key) = key else {
                        break;
                    };
                    let Some(mut next) = input.next_token() else {
                        break;
                    };
                    if next.kind() == EventKind::Whitespace {
                        let Some(after) = input.next_token() else {
                            break;
                        };
                        next = after;
                    }
                    if next.kind() != EventKind::KeyValSep {
                        break;
                    }
                    if input.peek(0) == Some(EventKind::Whitespace) {
                        let _ = input.next_token();
                    }
                    let value = value(input, errors);
                    self.capture_key_value(path, key, value, errors);
                }
                EventKind::Whitespace | EventKind::Comment | EventKind::Newline => {}
            }
        }
    }

    fn capture_key_value(
        &mut self,
        path: Vec<Key<'i>>,
        key: Key<'i>,
        value: Node<'i>,
        errors: &mut dyn ErrorSink,
    ) {
        let dotted = !path.is_empty();
        let Some(parent) = descend_path(&mut self.current_table, &path, dotted, errors) else {
            return;
        };
        // "Likewise, using dotted keys to redefine tables already defined in
        // [table] form is not allowed"
        if dotted && !parent.is_implicit() {
            duplicate_key(errors, key_span(&key), None);
            return;
        }
        if let Some((old, _)) = parent.entry_mut(key.get_ref()) {
            duplicate_key(errors, key_span(&key), Some(key_span(old)));
            return;
        }
        parent.push(key, value);
    }

    fn finish_table(&mut self, errors: &mut dyn ErrorSink) {
        let next = Table {
            entries: self.spare.pop().unwrap_or_default(),
            ..Table::default()
        };
        let prev_table = std::mem::replace(&mut self.current_table, next);
        let Some(header) = self.current_header.take() else {
            // The keys before the first header belong to the root.
            self.root = prev_table;
            return;
        };
        let Some(key) = header.key else {
            return;
        };
        let prev_table = Spanned::new(range(header.span), Value::Table(prev_table));
        let Some(parent) = descend_path(&mut self.root, &header.path, false, errors) else {
            return;
        };
        if header.is_array {
            let new_key_span = key_span(&key);
            if parent.position(key.get_ref()).is_none() {
                let array = Array {
                    items: Vec::new(),
                    of_tables: true,
                };
                parent.push(
                    key.clone(),
                    Spanned::new(range(header.span), Value::Array(array)),
                );
            }
            let Some((_, entry)) = parent.entry_mut(key.get_ref()) else {
                return;
            };
            let old_span = entry.span();
            match entry.get_mut() {
                Value::Array(array) if array.of_tables => {
                    array.items.push(prev_table);
                    let finished = array.items.len().saturating_sub(1);
                    if header.path.is_empty() && finished > 0 && self.sink.takes(key.get_ref()) {
                        for element in array.items.drain(..finished) {
                            self.sink.take(key.get_ref(), &element);
                            recycle(&mut self.spare, element.into_inner());
                        }
                    }
                }
                _ => duplicate_key(errors, new_key_span, Some(parser_span(old_span))),
            }
        } else if let Some((_, slot)) = parent.entry_mut(key.get_ref()) {
            *slot = prev_table;
        } else {
            parent.push(key, prev_table);
        }
    }

    fn start_table(&mut self, header: Header<'i>, errors: &mut dyn ErrorSink) {
        if !header.is_array {
            // Look the table up now so that a duplicate is reported at this
            // header, and keep an implicit table's children.
            if let (Some(parent), Some(key)) = (
                descend_path(&mut self.root, &header.path, false, errors),
                &header.key,
            ) && let Some((old_key, old_value)) = parent.remove(key.get_ref())
            {
                match old_value.into_inner() {
                    Value::Table(t) if t.is_implicit() && !t.is_dotted() => {
                        self.current_table = t;
                    }
                    old_value => {
                        duplicate_key(errors, key_span(key), Some(key_span(&old_key)));
                        if let Value::Table(t) = old_value {
                            self.current_table = t;
                        }
                    }
                }
            }
        }
        self.current_table.implicit = false;
        self.current_table.dotted = false;
        self.current_header = Some(header);
    }
}

/// Keeps the key lists of a taken table and of the tables in its arrays of
/// tables (`[[initiatives.quotes]]`), emptied, for reuse.
fn recycle<'i>(spare: &mut Vec<Vec<(Key<'i>, Node<'i>)>>, value: Value<'i>) {
    let Value::Table(table) = value else {
        return;
    };
    let mut entries = table.entries;
    for (_, v) in entries.drain(..) {
        if let Value::Array(a) = v.into_inner()
            && a.of_tables
        {
            for item in a.items {
                if spare.len() >= SPARE {
                    break;
                }
                if let Value::Table(t) = item.into_inner() {
                    let mut inner = t.entries;
                    inner.clear();
                    spare.push(inner);
                }
            }
        }
    }
    if spare.len() < SPARE {
        spare.push(entries);
    }
}

/// The index of `key` in `table`, adding `implicit` (an implicit table)
/// under it first when the key is new.
fn child_index<'i>(table: &mut Table<'i>, key: &Key<'i>, implicit: Table<'i>) -> usize {
    match table.position(key.get_ref()) {
        Some(i) => i,
        None => {
            table.push(
                key.clone(),
                Spanned::new(key.span(), Value::Table(implicit)),
            );
            table.entries.len() - 1
        }
    }
}

/// Walks `path` down from `table`, creating implicit tables; `None` (and
/// an error) where the path runs into a value that is not a table.
fn descend_path<'t, 'i>(
    mut table: &'t mut Table<'i>,
    path: &[Key<'i>],
    dotted: bool,
    errors: &mut dyn ErrorSink,
) -> Option<&'t mut Table<'i>> {
    for key in path {
        let i = child_index(
            table,
            key,
            Table {
                implicit: true,
                dotted,
                ..Table::default()
            },
        );
        let (_, spanned) = table.entries.get_mut(i)?;
        let old_span = parser_span(spanned.span());
        table = match spanned.get_mut() {
            Value::Array(array) => {
                if !array.of_tables {
                    cannot_extend(errors, "array", key, Some(old_span));
                    return None;
                }
                match array.items.last_mut().map(Spanned::get_mut) {
                    Some(Value::Table(t)) => t,
                    Some(existing) => {
                        cannot_extend(errors, existing.type_str(), key, Some(old_span));
                        return None;
                    }
                    None => return None,
                }
            }
            Value::Table(child) => {
                if child.is_inline() {
                    cannot_extend(errors, "inline table", key, None);
                    return None;
                }
                if dotted && child.is_implicit() {
                    child.dotted = true;
                }
                if dotted && !child.is_implicit() {
                    duplicate_key(errors, key_span(key), None);
                    return None;
                }
                child
            }
            existing => {
                cannot_extend(errors, existing.type_str(), key, Some(old_span));
                return None;
            }
        };
    }
    Some(table)
}

/// A header: `[a.b]` or `[[a.b]]`.
fn on_table<'i>(open: &Event, input: &mut Input<'_, 'i>, errors: &mut dyn ErrorSink) -> Header<'i> {
    let is_array = open.kind() == EventKind::ArrayTableOpen;
    let mut path = None;
    let mut key = None;
    let mut span = open.span();
    while let Some(event) = input.next_token() {
        match event.kind() {
            EventKind::ArrayTableClose | EventKind::StdTableClose => {
                span = span.append(event.span());
                break;
            }
            EventKind::SimpleKey => {
                let (p, k) = on_key(event, input, errors);
                path = Some(p);
                key = k;
            }
            _ => {}
        }
    }
    Header {
        path: path.unwrap_or_default(),
        key,
        span,
        is_array,
    }
}

/// A key, dotted or not: the path before its last part, and the last part.
fn on_key<'i>(
    first: &Event,
    input: &mut Input<'_, 'i>,
    errors: &mut dyn ErrorSink,
) -> (Vec<Key<'i>>, Option<Key<'i>>) {
    let mut path = Vec::new();
    let mut last: Option<Key<'i>> = None;
    let mut current = Some((*first, input.take_decoded()));
    let close = |current: &mut Option<(Event, Decoded<'i>)>,
                 path: &mut Vec<Key<'i>>,
                 last: &mut Option<Key<'i>>| {
        let Some((event, Decoded::Key(decoded))) = current.take() else {
            return;
        };
        if let Some(prev) = last.replace(Spanned::new(range(event.span()), decoded)) {
            path.push(prev);
        }
    };
    if more_key(input) {
        while let Some(event) = input.next_token() {
            match event.kind() {
                EventKind::SimpleKey => {
                    current = Some((*event, input.take_decoded()));
                    if !more_key(input) {
                        break;
                    }
                }
                EventKind::KeySep => close(&mut current, &mut path, &mut last),
                _ => {}
            }
        }
    }
    close(&mut current, &mut path, &mut last);
    if LIMIT as usize <= path.len() {
        // At the key, from its first part to its last: without a span the
        // error would point past the end of the file.
        let from = path
            .first()
            .map_or(first.span().start(), |k| k.span().start);
        let to = last.as_ref().map_or(from, |k| k.span().end);
        let at = toml_parser::Span::new_unchecked(from, to.max(from));
        errors.report_error(ParseError::new("recursion limit").with_unexpected(at));
        return (Vec::new(), None);
    }
    (path, last)
}

fn more_key(input: &Input<'_, '_>) -> bool {
    match input.peek(0) {
        Some(EventKind::KeySep) => true,
        Some(EventKind::Whitespace) => input.peek(1) == Some(EventKind::KeySep),
        _ => false,
    }
}

/// A value after `=`; a missing one reads as integer 0 with an empty span
/// at the file's start (the parser has reported it), as in `toml`. What
/// stands in its place is passed over, as `toml` does, unless it begins the
/// next line (a key or a header): the newline that ended this one is not
/// among the events.
fn value<'i>(input: &mut Input<'_, 'i>, errors: &mut dyn ErrorSink) -> Node<'i> {
    let next_line = matches!(
        input.peek(0),
        Some(EventKind::SimpleKey | EventKind::StdTableOpen | EventKind::ArrayTableOpen)
    );
    if !next_line && let Some(event) = input.next_token() {
        match event.kind() {
            EventKind::InlineTableOpen => return on_inline_table(event, input, errors),
            EventKind::ArrayOpen => return on_array(event, input, errors),
            EventKind::Scalar => return input.scalar(event),
            _ => {}
        }
    }
    invented()
}

fn invented<'i>() -> Node<'i> {
    Spanned::new(
        0..0,
        Value::Integer(Integer {
            text: Cow::Borrowed("0"),
            radix: 10,
        }),
    )
}

/// A scalar's value, decoded; `None` where the event has no text.
fn scalar_value<'i>(
    event: &Event,
    source: Source<'i>,
    errors: &mut dyn ErrorSink,
) -> Option<Value<'i>> {
    let raw = source.get(event)?;
    Some(match quick_scalar(raw.as_str(), event.encoding()) {
        Some(value) => value,
        None => decode_scalar(raw, event.span(), errors),
    })
}

/// A scalar through `toml_parser`'s decoder, any form, errors reported.
fn decode_scalar<'i>(raw: Raw<'i>, span: Span, errors: &mut dyn ErrorSink) -> Value<'i> {
    let mut decoded = Cow::Borrowed("");
    match raw.decode_scalar(&mut decoded, errors) {
        ScalarKind::String => Value::String(decoded),
        ScalarKind::Boolean(b) => Value::Boolean(b),
        ScalarKind::DateTime => match decoded.parse::<Datetime>() {
            Ok(dt) => Value::Datetime(dt),
            Err(e) => {
                errors.report_error(ParseError::new(e.to_string()).with_unexpected(span));
                Value::Datetime(Datetime {
                    date: None,
                    time: None,
                    offset: None,
                })
            }
        },
        ScalarKind::Float => Value::Float(Float { text: decoded }),
        ScalarKind::Integer(radix) => {
            // TOML integers are 64-bit; one that is not must be an error.
            if let Err(e) = i64::from_str_radix(&decoded, radix.value()) {
                let problem = match e.kind() {
                    std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
                        "integer out of the range of a 64-bit signed integer"
                    }
                    _ => "invalid integer",
                };
                errors.report_error(ParseError::new(problem).with_unexpected(span));
            }
            Value::Integer(Integer {
                text: decoded,
                radix: radix.value(),
            })
        }
    }
}

fn on_array<'i>(open: &Event, input: &mut Input<'_, 'i>, errors: &mut dyn ErrorSink) -> Node<'i> {
    let mut items = Vec::new();
    let mut current: Option<Node<'i>> = None;
    let mut close_span = open.span();
    while let Some(event) = input.next_token() {
        close_span = event.span();
        match event.kind() {
            EventKind::StdTableOpen
            | EventKind::ArrayTableOpen
            | EventKind::InlineTableClose
            | EventKind::SimpleKey
            | EventKind::KeySep
            | EventKind::KeyValSep
            | EventKind::StdTableClose
            | EventKind::ArrayTableClose => break,
            EventKind::Error | EventKind::Whitespace | EventKind::Comment | EventKind::Newline => {}
            EventKind::InlineTableOpen => {
                current = Some(on_inline_table(event, input, errors));
            }
            EventKind::ArrayOpen => current = Some(on_array(event, input, errors)),
            EventKind::Scalar => current = Some(input.scalar(event)),
            EventKind::ValueSep => items.extend(current.take()),
            EventKind::ArrayClose => {
                items.extend(current.take());
                break;
            }
        }
    }
    // Closed: nothing is added to an inline array later, so it keeps no
    // room to grow (a file can hold a million small ones).
    items.shrink_to_fit();
    let array = Array {
        items,
        of_tables: false,
    };
    Spanned::new(open.span().start()..close_span.end(), Value::Array(array))
}

fn on_inline_table<'i>(
    open: &Event,
    input: &mut Input<'_, 'i>,
    errors: &mut dyn ErrorSink,
) -> Node<'i> {
    let mut result = Table {
        inline: true,
        ..Table::default()
    };
    let mut close_span = open.span();
    let mut current_key: Option<(Vec<Key<'i>>, Key<'i>)> = None;
    let mut current_value: Option<Node<'i>> = None;
    let finish = |key: &mut Option<(Vec<Key<'i>>, Key<'i>)>,
                  value: &mut Option<Node<'i>>,
                  result: &mut Table<'i>,
                  errors: &mut dyn ErrorSink| {
        if let (Some((path, key)), Some(value)) = (key.take(), value.take()) {
            let Some(table) = descend_inline(result, &path, errors) else {
                return;
            };
            if table.is_dotted() == path.is_empty() {
                duplicate_key(errors, key_span(&key), None);
            } else if let Some((old, _)) = table.entry_mut(key.get_ref()) {
                duplicate_key(errors, key_span(&key), Some(key_span(old)));
            } else {
                table.push(key, value);
            }
        }
    };
    while let Some(event) = input.next_token() {
        close_span = event.span();
        match event.kind() {
            EventKind::StdTableOpen
            | EventKind::ArrayTableOpen
            | EventKind::StdTableClose
            | EventKind::ArrayClose
            | EventKind::ArrayTableClose
            | EventKind::KeySep => break,
            EventKind::Error
            | EventKind::KeyValSep
            | EventKind::Whitespace
            | EventKind::Comment
            | EventKind::Newline => {}
            EventKind::SimpleKey => {
                let (path, key) = on_key(event, input, errors);
                if let Some(key) = key {
                    current_key = Some((path, key));
                }
            }
            EventKind::InlineTableOpen => {
                current_value = Some(on_inline_table(event, input, errors));
            }
            EventKind::ArrayOpen => current_value = Some(on_array(event, input, errors)),
            EventKind::Scalar => current_value = Some(input.scalar(event)),
            EventKind::ValueSep => {
                finish(&mut current_key, &mut current_value, &mut result, errors);
            }
            EventKind::InlineTableClose => {
                finish(&mut current_key, &mut current_value, &mut result, errors);
                break;
            }
        }
    }
    // Closed like an inline array (a table of one key would keep room
    // for four).
    result.entries.shrink_to_fit();
    Spanned::new(open.span().start()..close_span.end(), Value::Table(result))
}

/// `descend_path` within an inline table: every table made here is itself
/// inline (closed to headers and to dotted keys from outside).
fn descend_inline<'t, 'i>(
    mut table: &'t mut Table<'i>,
    path: &[Key<'i>],
    errors: &mut dyn ErrorSink,
) -> Option<&'t mut Table<'i>> {
    for key in path {
        let i = child_index(
            table,
            key,
            Table {
                implicit: true,
                dotted: true,
                inline: true,
                ..Table::default()
            },
        );
        let (_, spanned) = table.entries.get_mut(i)?;
        let old_span = parser_span(spanned.span());
        table = match spanned.get_mut() {
            Value::Table(child) => {
                if !child.is_implicit() {
                    duplicate_key(errors, key_span(key), None);
                    return None;
                }
                child
            }
            existing => {
                cannot_extend(errors, existing.type_str(), key, Some(old_span));
                return None;
            }
        };
    }
    Some(table)
}

#[cfg(test)]
mod tests;
