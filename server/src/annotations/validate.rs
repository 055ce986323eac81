//! Validation of `.crosscheck/` files with positions.
//!
//! The file is parsed twice: by [`spanjson`] for positions and a structural
//! walk against the field tables of [`super::schema`] (wrong types, missing fields, unknown
//! fields, duplicate keys and ids, dates, paths), then by serde into the
//! model the edit functions use. A file whose model cannot be built is
//! reported and left alone: edits refuse it rather than lose content.
use super::finding::{code, Finding, Severity};
use super::model::{kind, AnnotationFile, KnowledgeBase, CLAIM_STATUSES, FORMAT_VERSION};
use super::paths::check_rel_path;
pub use super::schema::valid_date;
use super::schema::{Schema, Ty, ANNOTATION, ANNOTATION_FILE, ENTITY, KB, TARGET};
use super::spanjson::{self, Node, Value};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use Ty::*;

/// A validated file: the model (None when it cannot be represented without
/// loss) and where things are, for later findings.
#[derive(Clone, Debug)]
pub struct Parsed<T> {
    pub model: Option<T>,
    pub findings: Vec<Finding>,
    /// Byte range of each item (entity or annotation) by id.
    pub item_spans: HashMap<String, Range<usize>>,
    /// Every entity reference (`entity`, `object`, `merged_from`) with the
    /// range of its string.
    pub entity_refs: Vec<(String, Range<usize>)>,
}

struct Walker<'a> {
    text: &'a str,
    path: &'a Path,
    findings: Vec<Finding>,
    item_spans: HashMap<String, Range<usize>>,
    entity_refs: Vec<(String, Range<usize>)>,
    dup_keys: bool,
    /// Built at the first finding, then shared by all.
    cols: std::cell::OnceCell<crate::analysis::text::line_index::LineColumns>,
}

impl Walker<'_> {
    fn push(&mut self, sev: Severity, c: &'static str, span: Range<usize>, msg: String) {
        let text = self.text;
        let cols = self
            .cols
            .get_or_init(|| crate::analysis::text::line_index::LineColumns::new(text));
        let f = Finding::new(sev, c, self.path.to_path_buf(), msg).at_in(cols, text, span);
        self.findings.push(f);
    }

    fn object(&mut self, node: &Node, schema: &'static Schema) {
        let Some(members) = node.members() else {
            self.push(
                Severity::Error,
                code::WRONG_TYPE,
                node.span.clone(),
                format!(
                    "{} must be an object, found {}",
                    schema.name,
                    node.type_name()
                ),
            );
            return;
        };
        let mut seen = HashSet::new();
        for m in members {
            if !seen.insert(m.key.as_str()) {
                self.dup_keys = true;
                self.push(
                    Severity::Error,
                    code::DUPLICATE_KEY,
                    m.key_span.clone(),
                    format!(
                        "\"{}\" appears twice in this {}; remove one",
                        m.key, schema.name
                    ),
                );
            }
            match schema.fields.iter().find(|f| f.0 == m.key) {
                Some(&(name, ty, _)) => self.field(schema, name, ty, &m.value),
                // `x-` fields are the documented place for private data.
                None if m.key.starts_with("x-") => {}
                None => self.push(
                    Severity::Warning,
                    code::UNKNOWN_FIELD,
                    m.key_span.clone(),
                    format!(
                        "unknown field \"{}\" in {} (kept as is; check the spelling)",
                        m.key, schema.name
                    ),
                ),
            }
        }
        for &(name, _, required) in schema.fields {
            if required && !seen.contains(name) {
                self.push(
                    Severity::Error,
                    code::MISSING_FIELD,
                    node.span.start..node.span.start + 1,
                    format!("{} is missing the required field \"{name}\"", schema.name),
                );
            }
        }
        self.semantics(node, schema);
    }

    fn wrong(&mut self, field: &str, want: &str, v: &Node) {
        self.push(
            Severity::Error,
            code::WRONG_TYPE,
            v.span.clone(),
            format!("\"{field}\" must be {want}, found {}", v.type_name()),
        );
    }

    fn field(&mut self, schema: &'static Schema, name: &str, ty: Ty, v: &Node) {
        match ty {
            Str | Date | Path => {
                let Some(s) = v.as_str() else {
                    return self.wrong(name, "a string", v);
                };
                if ty == Date && !valid_date(s) {
                    self.push(
                        Severity::Error,
                        code::INVALID_DATE,
                        v.span.clone(),
                        format!("\"{s}\" is not an ISO 8601 date (2024, 2024-12 or 2024-12-05)"),
                    );
                }
                if ty == Path {
                    if let Err(why) = check_rel_path(s) {
                        self.push(Severity::Error, code::UNSAFE_PATH, v.span.clone(), why);
                    }
                }
                if (name == "entity" && schema.name == "annotation")
                    || (name == "object" && s.contains(':'))
                {
                    self.entity_refs.push((s.to_string(), v.span.clone()));
                }
            }
            Int => match &v.value {
                Value::Number { raw, integer: true } if !raw.starts_with('-') => {}
                _ => self.wrong(name, "a non-negative integer", v),
            },
            Bool => {
                if !matches!(v.value, Value::Bool(_)) {
                    self.wrong(name, "true or false", v)
                }
            }
            StrList => match v.items() {
                Some(items) => {
                    for it in items.iter().filter(|it| it.as_str().is_none()) {
                        self.wrong(name, "a list of strings", it);
                    }
                }
                None => self.wrong(name, "a list of strings", v),
            },
            StrMap => match v.members() {
                Some(ms) => {
                    for m in ms {
                        if m.value.as_str().is_none() {
                            self.wrong(&m.key, "a string", &m.value);
                        }
                    }
                }
                None => self.wrong(name, "an object of strings", v),
            },
            Obj(s) => self.object(v, s),
            ObjList(s) => match v.items() {
                Some(items) => {
                    let mut ids: HashMap<&str, usize> = HashMap::new();
                    for it in items {
                        self.object(it, s);
                        if let Some(idn) = it.get("id") {
                            if let Some(id) = idn.as_str() {
                                if ids.insert(id, it.span.start).is_some() {
                                    self.push(
                                        Severity::Error,
                                        code::DUPLICATE_ID,
                                        idn.span.clone(),
                                        format!("the id \"{id}\" is used twice"),
                                    );
                                } else {
                                    self.item_spans.insert(id.to_string(), it.span.clone());
                                }
                            }
                        }
                    }
                }
                None => self.wrong(name, "a list", v),
            },
        }
    }

    /// Checks that need more than one field.
    fn semantics(&mut self, node: &Node, schema: &'static Schema) {
        let s = |k: &str| node.get(k).and_then(|n| n.as_str());
        if std::ptr::eq(schema, &ANNOTATION) {
            let k = s("kind").unwrap_or("");
            let span = node.get("kind").map(|n| n.span.clone());
            if !k.is_empty() && !kind::ALL.contains(&k) {
                self.push(
                    Severity::Warning,
                    code::UNKNOWN_KIND,
                    span.clone().unwrap_or(node.span.clone()),
                    format!(
                        "unknown annotation kind \"{k}\" (kept; known: link, not_entity, claim)"
                    ),
                );
            }
            if k == kind::LINK && node.get("entity").is_none() {
                self.push(
                    Severity::Error,
                    code::MISSING_FIELD,
                    span.clone().unwrap_or(node.span.clone()),
                    "a link annotation needs an \"entity\"".into(),
                );
            }
            if let Some(st) = node.get("status") {
                if let Some(v) = st.as_str() {
                    if !CLAIM_STATUSES.contains(&v) {
                        self.push(
                            Severity::Error,
                            code::INVALID_VALUE,
                            st.span.clone(),
                            format!("claim status \"{v}\" is not one of verified, disputed, false, unverified"),
                        );
                    }
                }
            }
        }
        if std::ptr::eq(schema, &TARGET) {
            let num = |k: &str| match node.get(k).map(|n| &n.value) {
                Some(Value::Number { raw, integer: true }) => raw.parse::<u64>().ok(),
                _ => None,
            };
            if let (Some(a), Some(b)) = (num("start"), num("end")) {
                if a > b {
                    self.push(
                        Severity::Error,
                        code::INVALID_VALUE,
                        node.span.clone(),
                        format!("target start {a} is after its end {b}"),
                    );
                }
            }
            if let (Some(q), Some(h)) = (s("quote"), node.get("hash")) {
                if let Some(hs) = h.as_str() {
                    if !hs.is_empty() && hs != super::anchor::content_hash(q) {
                        self.push(
                            Severity::Info,
                            code::QUOTE_EDITED,
                            h.span.clone(),
                            "the quote was edited by hand (its hash differs); it is anchored as written".into(),
                        );
                    }
                }
            }
        }
        if std::ptr::eq(schema, &KB) || std::ptr::eq(schema, &ANNOTATION_FILE) {
            if let Some(v) = node.get("version") {
                if let Value::Number { raw, integer: true } = &v.value {
                    if raw.parse::<u64>().is_ok_and(|n| n > FORMAT_VERSION) {
                        self.push(
                            Severity::Warning,
                            code::NEWER_VERSION,
                            v.span.clone(),
                            format!("written by a newer crosscheck (format {raw}, this one reads {FORMAT_VERSION}); unknown fields are kept"),
                        );
                    }
                }
            }
        }
        if std::ptr::eq(schema, &ENTITY) {
            self.entity_names(node);
            if let Some(list) = node.get("merged_from").and_then(|n| n.items()) {
                for it in list {
                    if let Some(v) = it.as_str() {
                        self.entity_refs.push((v.to_string(), it.span.clone()));
                    }
                }
            }
        }
    }
}

impl Walker<'_> {
    /// A knowledge-base entity's id must be `type:slug` (what links and
    /// the analysis use), its name and aliases real names: an empty or odd
    /// one would be matched nowhere, or everywhere.
    fn entity_names(&mut self, node: &Node) {
        let odd = |t: &str| t.chars().any(|c| c.is_control() || c == '\u{feff}');
        if let Some(id) = node.get("id") {
            if let Some(v) = id.as_str() {
                let well_formed = v
                    .split_once(':')
                    .is_some_and(|(k, rest)| !k.is_empty() && !rest.trim().is_empty())
                    && !v.chars().any(char::is_whitespace)
                    && !odd(v);
                if v.trim().is_empty() {
                    self.push(
                        Severity::Error,
                        code::INVALID_VALUE,
                        id.span.clone(),
                        "an entity id cannot be empty (ids look like \"person:jens-stoltenberg\")"
                            .into(),
                    );
                } else if !well_formed {
                    self.push(
                        Severity::Error,
                        code::INVALID_VALUE,
                        id.span.clone(),
                        format!("entity id \"{}\" is not of the form type:slug without spaces (e.g. \"person:jens-stoltenberg\")", v.escape_debug()),
                    );
                }
            }
        }
        let names = node.get("name").map(|n| ("name", n)).into_iter().chain(
            node.get("aliases")
                .and_then(|a| a.items())
                .into_iter()
                .flatten()
                .map(|n| ("alias", n)),
        );
        let mut problems = Vec::new();
        for (what, n) in names {
            let Some(v) = n.as_str() else { continue };
            let msg = if v.trim().is_empty() {
                Some((Severity::Error, format!("an entity {what} cannot be empty")))
            } else if odd(v) {
                Some((Severity::Warning, format!("entity {what} \"{}\" contains control characters; it cannot match the text", v.escape_debug())))
            } else if v.trim().chars().count() < 2 {
                Some((
                    Severity::Warning,
                    format!(
                        "entity {what} \"{v}\" has one character: it is not looked for in the text"
                    ),
                ))
            } else if v != v.trim() {
                Some((
                    Severity::Warning,
                    format!(
                        "entity {what} \"{v}\" has spaces around it; it is looked for without them"
                    ),
                ))
            } else {
                None
            };
            if let Some((sev, m)) = msg {
                problems.push((sev, n.span.clone(), m));
            }
        }
        for (sev, span, m) in problems {
            self.push(sev, code::INVALID_VALUE, span, m);
        }
    }
}

fn run<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
    schema: &'static Schema,
) -> Parsed<T> {
    let mut w = Walker {
        text,
        path,
        findings: Vec::new(),
        item_spans: HashMap::new(),
        entity_refs: Vec::new(),
        dup_keys: false,
        cols: Default::default(),
    };
    let root = match spanjson::parse(text) {
        Ok(r) => r,
        Err(e) => {
            let f = Finding::new(
                Severity::Error,
                code::INVALID_JSON,
                path.to_path_buf(),
                format!(
                    "invalid JSON: {}; the file is left untouched until fixed",
                    e.message
                ),
            )
            .at(text, e.offset..e.offset);
            return Parsed {
                model: None,
                findings: vec![f],
                item_spans: HashMap::new(),
                entity_refs: Vec::new(),
            };
        }
    };
    w.object(&root, schema);
    let model = if w.dup_keys {
        None
    } else {
        match serde_json::from_str::<T>(text.trim_start_matches('\u{feff}')) {
            Ok(m) => Some(m),
            Err(e) => {
                // The walk normally explains this already; say it once more
                // only if it did not.
                if !w.findings.iter().any(|f| f.severity == Severity::Error) {
                    let mut f = Finding::new(
                        Severity::Error,
                        code::WRONG_TYPE,
                        path.to_path_buf(),
                        format!("cannot read the file: {e}"),
                    );
                    f.line = e.line() as u32;
                    f.column = e.column() as u32;
                    w.findings.push(f);
                }
                None
            }
        }
    };
    Parsed {
        model,
        findings: w.findings,
        item_spans: w.item_spans,
        entity_refs: w.entity_refs,
    }
}

pub fn parse_kb(path: &Path, text: &str) -> Parsed<KnowledgeBase> {
    run(path, text, &KB)
}

pub fn parse_annotation_file(path: &Path, text: &str) -> Parsed<AnnotationFile> {
    run(path, text, &ANNOTATION_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for ok in [
            "2024",
            "2024-12",
            "2024-02-29",
            "2024-12-05T10:30",
            "2024-12-05T10:30:00Z",
            "2024-12-05T10:30:00+01:00",
        ] {
            assert!(valid_date(ok), "{ok}");
        }
        for bad in [
            "2023-02-29",
            "2024-13",
            "24-12-05",
            "yesterday",
            "2024-1-5",
            "2024-12-32",
            "",
        ] {
            assert!(!valid_date(bad), "{bad}");
        }
    }
}
