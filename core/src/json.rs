//! Just enough JSON for the progress a device saves, read and written
//! without serde. Saved progress is read at every start-up, so its reader
//! is on a class link's first load; through serde_json it cost that load
//! 17 KB gzipped. Packs, result files and the reading pages stay with
//! serde_json: they are read in modules loaded when used.
//!
//! A value keeps a number as the text it was written as, so what is read is
//! written back unchanged, and the reader decides per field what a number
//! may be (a count must be a whole number, as serde_json's typed reading
//! required).

use crate::number::{decimal, hexadecimal};

/// The deepest nesting [`parse`] reads; saved progress goes seven deep
/// (to a filter's topics).
/// Deeper text is refused, not read by recursing until the stack runs out.
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number's text, as the JSON grammar allows it.
    Number(String),
    Text(String),
    Array(Vec<Json>),
    /// Members in the order written, each name once (a repeated name keeps
    /// its first place and its last value, as serde_json's reader kept the
    /// last value).
    Object(Vec<(String, Json)>),
}

impl From<u64> for Json {
    fn from(n: u64) -> Self {
        Json::Number(n.to_string())
    }
}

impl From<i64> for Json {
    fn from(n: i64) -> Self {
        Json::Number(n.to_string())
    }
}

impl From<&str> for Json {
    fn from(text: &str) -> Self {
        Json::Text(text.to_string())
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Self {
        value.map_or(Json::Null, Into::into)
    }
}

impl Json {
    /// An object from its members, in order.
    pub fn object(members: Vec<(&str, Json)>) -> Self {
        Json::Object(members.into_iter().map(|(name, value)| (name.to_string(), value)).collect())
    }

    /// A member of an object.
    pub fn get(&self, name: &str) -> Option<&Json> {
        self.as_object()?.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A whole number written without a fraction or an exponent.
    pub fn as_u64(&self) -> Option<u64> {
        decimal(self.number()?)
    }

    /// A whole number written without a fraction or an exponent.
    pub fn as_i64(&self) -> Option<i64> {
        let (sign, digits) = signed(self.number()?);
        Some(sign * i64::try_from(decimal(digits)?).ok()?)
    }

    /// A time in milliseconds as saved progress holds it: a whole number,
    /// written with a fraction or not (serde_json wrote `1700000000000.0`),
    /// the fraction rounded away. Not an `f64` parse: its code and its table
    /// of powers of five were 15.8 KB gzipped of a class link's first load,
    /// for times no save ever wrote with an exponent or beyond 2^53.
    pub fn as_whole_ms(&self) -> Option<f64> {
        let text = self.number()?;
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        if !fraction.bytes().all(|digit| digit.is_ascii_digit()) {
            return None;
        }
        let (sign, digits) = signed(whole);
        let magnitude = decimal(digits).filter(|n| *n < 1 << 53)?;
        let rounded = magnitude + u64::from(fraction.starts_with(['5', '6', '7', '8', '9']));
        Some((sign * rounded as i64) as f64)
    }

    fn number(&self) -> Option<&str> {
        match self {
            Json::Number(text) => Some(text),
            _ => None,
        }
    }

    /// The value as compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(text) => out.push_str(text),
            Json::Text(text) => write_text(text, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_text(name, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// A number's sign (1 or -1) and its digits.
fn signed(text: &str) -> (i64, &str) {
    text.strip_prefix('-').map_or((1, text), |digits| (-1, digits))
}

fn write_text(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The value `text` holds, or `None` if it is not JSON (or nests deeper
/// than [`MAX_DEPTH`]). Never panics. A number too large for an `f64` is
/// read all the same (serde_json refused the whole text for it): only
/// reading it as a number fails, so the rest of a save still reads.
pub fn parse(text: &str) -> Option<Json> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.skip_space();
    (parser.at == text.len()).then_some(value)
}

struct Parser<'a> {
    text: &'a str,
    /// A byte offset, always at a character boundary.
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Steps over `word` if the text goes on with it.
    fn eat(&mut self, word: &str) -> bool {
        let found = self.text[self.at..].starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        match self.peek()? {
            b'n' if self.eat("null") => Some(Json::Null),
            b't' if self.eat("true") => Some(Json::Bool(true)),
            b'f' if self.eat("false") => Some(Json::Bool(false)),
            b'"' => self.text().map(Json::Text),
            b'[' => {
                let mut items = Vec::new();
                self.items("]", |parser| {
                    items.push(parser.value(depth + 1)?);
                    Some(())
                })?;
                Some(Json::Array(items))
            }
            b'{' => {
                let mut members: Vec<(String, Json)> = Vec::new();
                self.items("}", |parser| {
                    parser.skip_space();
                    if parser.peek() != Some(b'"') {
                        return None;
                    }
                    let name = parser.text()?;
                    parser.skip_space();
                    if !parser.eat(":") {
                        return None;
                    }
                    let value = parser.value(depth + 1)?;
                    match members.iter_mut().find(|(n, _)| *n == name) {
                        Some(member) => *member = (name, value),
                        None => members.push((name, value)),
                    }
                    Some(())
                })?;
                Some(Json::Object(members))
            }
            _ => self.number(),
        }
    }

    /// The items of an array or the members of an object, from its opening
    /// bracket to `close`, each read by `item`.
    fn items(&mut self, close: &str, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.at += 1;
        self.skip_space();
        if self.eat(close) {
            return Some(());
        }
        loop {
            item(self)?;
            self.skip_space();
            if self.eat(close) {
                return Some(());
            }
            if !self.eat(",") {
                return None;
            }
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Option<Json> {
        let start = self.at;
        self.eat("-");
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(".") {
            self.at_least_one_digit()?;
        }
        if self.eat("e") || self.eat("E") {
            let _ = self.eat("+") || self.eat("-");
            self.at_least_one_digit()?;
        }
        Some(Json::Number(self.text[start..self.at].to_string()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn at_least_one_digit(&mut self) -> Option<()> {
        let start = self.at;
        self.digits();
        (self.at > start).then_some(())
    }

    /// A string, from its opening quote.
    fn text(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control
            // character in one go; those are ASCII, so the run ends at a
            // character boundary.
            let rest = &self.text[self.at..];
            let run = rest.bytes().position(|b| b == b'"' || b == b'\\' || b < b' ').unwrap_or(rest.len());
            out.push_str(&rest[..run]);
            self.at += run;
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = self.peek()?;
                    self.at += 1;
                    out.push(match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return None,
                    });
                }
                // A control character must be escaped.
                _ => return None,
            }
        }
    }

    /// The character of a `\u` escape (after the `u`), joining a surrogate
    /// pair; a lone surrogate is not a character, so it is refused.
    fn escaped_char(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if !(0xd800..0xdc00).contains(&first) {
            return char::from_u32(first);
        }
        if !self.eat("\\u") {
            return None;
        }
        let second = self.hex4()?;
        if !(0xdc00..0xe000).contains(&second) {
            return None;
        }
        char::from_u32(0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at += 4;
        u32::try_from(hexadecimal(digits)?).ok()
    }
}
