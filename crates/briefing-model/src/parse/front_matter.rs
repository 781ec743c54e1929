//! Front matter: YAML between `---` lines or TOML between `+++` lines, read into [`Meta`].
//!
//! Both syntaxes are first read into one small value type, so that type checks,
//! messages and line numbers are the same whichever the author chose.

use crate::diag::Diagnostic;
use crate::document::{Date, Meta};

/// The keys front matter may have, for the "did you mean" hint.
const KNOWN_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "author",
    "authors",
    "date",
    "organization",
    "organisation",
    "summary",
    "keywords",
    "lang",
    "classification",
    "status",
    "theme",
    "toc",
];

/// Front matter found at the top of a source.
pub(crate) struct FrontMatter<'a> {
    /// The body with the front matter lines blanked, so body line numbers stay true.
    pub(crate) body: String,
    /// The front matter's own text and syntax.
    raw: Option<(Syntax, &'a str)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Yaml,
    Toml,
}

/// A front-matter value, whichever syntax it came from.
#[derive(Debug)]
enum Value {
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    List(Vec<Value>),
    Map,
}

impl Value {
    fn describe(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::Text(_) => "text",
            Value::List(_) => "a list",
            Value::Map => "a mapping",
        }
    }
}

/// Splits front matter off `text`. Fails when a front matter block is opened and never closed.
pub(crate) fn split(text: &str) -> Result<FrontMatter<'_>, Diagnostic> {
    let first = text.lines().next().unwrap_or("");
    let (syntax, fence) = match first.trim_end() {
        "---" => (Syntax::Yaml, &["---", "..."][..]),
        "+++" => (Syntax::Toml, &["+++"][..]),
        _ => {
            return Ok(FrontMatter {
                body: text.to_owned(),
                raw: None,
            });
        }
    };
    let start = first.len() + line_ending_len(&text[first.len()..]);
    let mut pos = start;
    let mut line_count = 1;
    for line in text[start..].split_inclusive('\n') {
        line_count += 1;
        if fence.contains(&line.trim_end()) {
            let raw = &text[start..pos];
            let rest = &text[pos + line.len()..];
            let body = "\n".repeat(line_count) + rest;
            return Ok(FrontMatter {
                body,
                raw: Some((syntax, raw)),
            });
        }
        pos += line.len();
    }
    let close = if syntax == Syntax::Yaml { "---" } else { "+++" };
    Err(
        Diagnostic::error(1, "the front matter opened here is never closed").with_hint(format!(
            "end the front matter with a line holding only {close}"
        )),
    )
}

fn line_ending_len(rest: &str) -> usize {
    if rest.starts_with("\r\n") {
        2
    } else {
        usize::from(rest.starts_with('\n'))
    }
}

impl FrontMatter<'_> {
    /// Reads the front matter into `meta`. Unknown keys are warnings; bad values are errors.
    pub(crate) fn apply(
        &self,
        meta: &mut Meta,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<(), Vec<Diagnostic>> {
        let Some((syntax, raw)) = self.raw else {
            return Ok(());
        };
        let entries = match syntax {
            Syntax::Yaml => read_yaml(raw),
            Syntax::Toml => read_toml(raw),
        }
        .map_err(|d| vec![d])?;
        let mut errors = Vec::new();
        for (key, value) in entries {
            let line = key_line(raw, &key, syntax);
            if let Err(d) = set(meta, &key, value, line, warnings) {
                errors.push(d);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The 1-based line of the source where top-level `key` is written (the front matter starts on line 2).
fn key_line(raw: &str, key: &str, syntax: Syntax) -> u32 {
    let sep = if syntax == Syntax::Yaml { ':' } else { '=' };
    for (i, line) in raw.lines().enumerate() {
        let unquoted = line.trim_start_matches(['"', '\'']);
        if line.starts_with(|c: char| c.is_whitespace()) {
            continue;
        }
        if let Some(rest) = unquoted.strip_prefix(key) {
            let rest = rest.trim_start_matches(['"', '\'']).trim_start();
            if rest.starts_with(sep) {
                return i as u32 + 2;
            }
        }
    }
    1
}

fn read_yaml(raw: &str) -> Result<Vec<(String, Value)>, Diagnostic> {
    if raw.trim().is_empty() {
        return Ok(Vec::new());
    }
    let doc: serde_norway::Value = serde_norway::from_str(raw).map_err(|e| {
        let line = e.location().map_or(1, |l| l.line() as u32 + 1);
        let message = e.to_string();
        // serde_norway appends " at line N column M"; our prefix already says where.
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        Diagnostic::error(line, format!("front matter is not valid YAML: {message}"))
    })?;
    match doc {
        serde_norway::Value::Mapping(map) => Ok(map
            .into_iter()
            .map(|(k, v)| (yaml_key(k), from_yaml(v)))
            .collect()),
        serde_norway::Value::Null => Ok(Vec::new()),
        _ => Err(
            Diagnostic::error(2, "front matter must be a mapping of keys to values")
                .with_hint("write one `key: value` per line, such as `title: My briefing`"),
        ),
    }
}

fn yaml_key(k: serde_norway::Value) -> String {
    match from_yaml(k) {
        Value::Text(s) | Value::Number(s) => s,
        Value::Bool(b) => b.to_string(),
        other => other.describe().to_owned(),
    }
}

fn from_yaml(v: serde_norway::Value) -> Value {
    use serde_norway::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => Value::Number(n.to_string()),
        Y::String(s) => Value::Text(s),
        Y::Sequence(items) => Value::List(items.into_iter().map(from_yaml).collect()),
        Y::Mapping(_) => Value::Map,
        Y::Tagged(t) => from_yaml(t.value),
    }
}

fn read_toml(raw: &str) -> Result<Vec<(String, Value)>, Diagnostic> {
    let table: toml::Table = toml::from_str(raw).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            raw[..s.start.min(raw.len())].lines().count().max(1) as u32 + 1
        });
        let message = e.message().trim_end().to_owned();
        Diagnostic::error(line, format!("front matter is not valid TOML: {message}"))
    })?;
    Ok(table.into_iter().map(|(k, v)| (k, from_toml(v))).collect())
}

fn from_toml(v: toml::Value) -> Value {
    use toml::Value as T;
    match v {
        T::String(s) => Value::Text(s),
        T::Integer(i) => Value::Number(i.to_string()),
        T::Float(f) => Value::Number(f.to_string()),
        T::Boolean(b) => Value::Bool(b),
        T::Datetime(d) => Value::Text(d.to_string()),
        T::Array(items) => Value::List(items.into_iter().map(from_toml).collect()),
        T::Table(_) => Value::Map,
    }
}

fn set(
    meta: &mut Meta,
    key: &str,
    value: Value,
    line: u32,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    if matches!(value, Value::Null) {
        return Ok(());
    }
    let wrong = |want: &str| {
        Diagnostic::error(
            line,
            format!("`{key}` must be {want}, found {}", value.describe()),
        )
    };
    match key {
        "title" => meta.title = text(&value).ok_or_else(|| wrong("text"))?,
        "subtitle" => meta.subtitle = Some(text(&value).ok_or_else(|| wrong("text"))?),
        "author" | "authors" => {
            meta.authors =
                text_list(&value, false).ok_or_else(|| wrong("text or a list of text"))?
        }
        "date" => {
            let s = text(&value).ok_or_else(|| wrong("a date such as 2025-08-16"))?;
            let date: Date = s.parse().map_err(|_| {
                Diagnostic::error(
                    line,
                    format!("`date` must be a date such as 2025-08-16, found {s:?}"),
                )
                .with_hint("write the date as YYYY-MM-DD")
            })?;
            meta.date = Some(date);
        }
        "organization" | "organisation" => {
            meta.organization = Some(text(&value).ok_or_else(|| wrong("text"))?)
        }
        "summary" => meta.summary = Some(text(&value).ok_or_else(|| wrong("text"))?),
        "keywords" => {
            meta.keywords = text_list(&value, true).ok_or_else(|| wrong("a list of text"))?
        }
        "lang" => {
            let lang = text(&value).ok_or_else(|| wrong("a language tag such as en or en-GB"))?;
            if !crate::is_language_tag(&lang) {
                return Err(Diagnostic::error(
                    line,
                    format!("`lang` must be a language tag, found {lang:?}"),
                )
                .with_hint("use a BCP 47 tag such as en, en-GB, fr or uk"));
            }
            meta.lang = lang;
        }
        "classification" => meta.classification = Some(text(&value).ok_or_else(|| wrong("text"))?),
        "status" => meta.status = Some(text(&value).ok_or_else(|| wrong("text"))?),
        "theme" => meta.theme = Some(text(&value).ok_or_else(|| wrong("text"))?),
        "toc" => match value {
            Value::Bool(b) => meta.toc = Some(b),
            _ => return Err(wrong("true or false")),
        },
        _ => {
            let mut d = Diagnostic::warning(line, format!("unknown front-matter key {key:?}"));
            if let Some(best) = suggest(key) {
                d = d.with_hint(format!("did you mean {best:?}?"));
            } else {
                d = d.with_hint(format!("the keys are: {}", KNOWN_KEYS.join(", ")));
            }
            warnings.push(d);
        }
    }
    Ok(())
}

/// Text from a scalar: strings as they are, numbers as written (a title may be `2025`).
fn text(v: &Value) -> Option<String> {
    match v {
        Value::Text(s) | Value::Number(s) => Some(s.trim().to_owned()),
        _ => None,
    }
}

/// A list of text, or one text (split on commas where `split_commas`).
fn text_list(v: &Value, split_commas: bool) -> Option<Vec<String>> {
    match v {
        Value::List(items) => items.iter().map(text).collect(),
        Value::Text(s) if split_commas => Some(
            s.split(',')
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect(),
        ),
        other => text(other).map(|s| vec![s]),
    }
}

fn suggest(key: &str) -> Option<&'static str> {
    let lower = key.to_lowercase();
    KNOWN_KEYS
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(src: &str) -> (Result<Meta, Vec<Diagnostic>>, Vec<Diagnostic>) {
        let fm = split(src).map_err(|d| vec![d]);
        let mut warnings = Vec::new();
        let result = fm.and_then(|fm| {
            let mut meta = Meta::default();
            fm.apply(&mut meta, &mut warnings).map(|()| meta)
        });
        (result, warnings)
    }

    #[test]
    fn yaml_and_toml_give_the_same_meta() {
        let yaml = "---\ntitle: Gas storage\nauthor: [A. Analyst, B. Writer]\ndate: 2025-08-16\nkeywords: [gas, EU]\nlang: en-GB\n---\nBody\n";
        let toml = "+++\ntitle = \"Gas storage\"\nauthor = [\"A. Analyst\", \"B. Writer\"]\ndate = 2025-08-16\nkeywords = \"gas, EU\"\nlang = \"en-GB\"\n+++\nBody\n";
        let (a, _) = meta_of(yaml);
        let (b, _) = meta_of(toml);
        let a = a.unwrap();
        assert_eq!(a, b.unwrap());
        assert_eq!(a.authors, ["A. Analyst", "B. Writer"]);
        assert_eq!(a.date.unwrap().to_string(), "2025-08-16");
    }

    #[test]
    fn body_keeps_its_line_numbers() {
        let fm = split("---\ntitle: X\n---\nBody\n").ok().unwrap();
        assert_eq!(fm.body.lines().position(|l| l == "Body"), Some(3));
    }

    #[test]
    fn unknown_key_warns_with_line_and_suggestion() {
        let (meta, warnings) = meta_of("---\ntitle: X\nautor: Someone\n---\n");
        assert!(meta.is_ok());
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, Some(3));
        assert_eq!(
            warnings[0].hint.as_deref(),
            Some("did you mean \"author\"?")
        );
    }

    #[test]
    fn wrong_types_are_errors_with_lines() {
        let (meta, _) = meta_of("---\nsubtitle: ok\ntitle: [1, 2]\ndate: next week\n---\n");
        let errors = meta.unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].line, Some(3));
        assert!(
            errors[0]
                .message
                .contains("`title` must be text, found a list"),
            "{}",
            errors[0]
        );
        assert_eq!(errors[1].line, Some(4));
        assert!(errors[1].message.contains("next week"));
    }

    #[test]
    fn syntax_errors_point_at_the_line() {
        let (meta, _) = meta_of("---\ntitle: X\nsummary: [unclosed\n---\n");
        let e = &meta.unwrap_err()[0];
        assert!(e.message.contains("not valid YAML"), "{e}");
        assert!(e.line.unwrap() >= 3, "{e}");
        let (meta, _) = meta_of("+++\ntitle = \"X\"\nsummary = \n+++\n");
        let e = &meta.unwrap_err()[0];
        assert!(e.message.contains("not valid TOML"), "{e}");
        assert_eq!(e.line, Some(3), "{e}");
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        let e = split("---\ntitle: X\nbody text\n").err().unwrap();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("never closed"));
    }
}
