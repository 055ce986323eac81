//! The workspace configuration, `.crosscheck/config.json`:
//!
//! ```json
//! {
//!   "rules": { "unverified-claim": "off", "hedged-claim": "hint" },
//!   "singleHolderRoles": ["editor in chief"],
//!   "attributionVerbs": ["tweeted"],
//!   "hedges": ["it is rumoured"],
//!   "maxFileSize": 1000000
//! }
//! ```
//!
//! An invalid file is reported with its line and column; callers keep the
//! defaults (or the last good configuration) meanwhile. The file is read
//! like every workspace file (`workspace::fs`): a regular file inside the
//! folder, at most [`MAX_CONFIG_SIZE`] bytes.
//!
//! `followSymlinks` is refused here on purpose: the file travels with the
//! folder, and a folder cloned from an untrusted source must not be able
//! to make crosscheck follow links out of it. It is an editor setting and
//! a command-line flag only.
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

use crate::analysis::claims::ClaimSettings;

/// Diagnostic severity, or `off` to disable a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Off,
    Hint,
    #[serde(alias = "info")]
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Hint => "hint",
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The rules crosscheck reports, with their stable codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Rule {
    UnverifiedClaim,
    AnonymousSource,
    HedgedClaim,
    ConflictingClaim,
    AmbiguousDate,
}

impl Rule {
    pub const ALL: [Rule; 5] = [
        Rule::UnverifiedClaim,
        Rule::AnonymousSource,
        Rule::HedgedClaim,
        Rule::ConflictingClaim,
        Rule::AmbiguousDate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rule::UnverifiedClaim => "unverified-claim",
            Rule::AnonymousSource => "anonymous-source",
            Rule::HedgedClaim => "hedged-claim",
            Rule::ConflictingClaim => "conflicting-claim",
            Rule::AmbiguousDate => "ambiguous-date",
        }
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Rule::UnverifiedClaim | Rule::AnonymousSource | Rule::ConflictingClaim => {
                Severity::Warning
            }
            Rule::HedgedClaim | Rule::AmbiguousDate => Severity::Information,
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Rule::UnverifiedClaim => {
                "A checkable claim with no attribution in its sentence, paragraph or document."
            }
            Rule::AnonymousSource => "A claim that rests only on anonymous sources.",
            Rule::HedgedClaim => "A claim worded as speculation (may, is considering, reportedly).",
            Rule::ConflictingClaim => "A claim incompatible with a claim in this or another file.",
            Rule::AmbiguousDate => "A numeric date that reads as two different days.",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesJson {
    #[serde(rename = "unverified-claim")]
    unverified_claim: Option<Severity>,
    #[serde(rename = "anonymous-source")]
    anonymous_source: Option<Severity>,
    #[serde(rename = "hedged-claim")]
    hedged_claim: Option<Severity>,
    #[serde(rename = "conflicting-claim")]
    conflicting_claim: Option<Severity>,
    #[serde(rename = "ambiguous-date")]
    ambiguous_date: Option<Severity>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ConfigJson {
    #[serde(default)]
    rules: RulesJson,
    #[serde(default)]
    single_holder_roles: Vec<String>,
    #[serde(default)]
    attribution_verbs: Vec<String>,
    #[serde(default)]
    hedges: Vec<String>,
    #[serde(default)]
    max_file_size: Option<u64>,
}

/// Largest configuration file read (a config of megabytes is a mistake).
pub const MAX_CONFIG_SIZE: u64 = 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    severities: [Severity; 5],
    pub claims: ClaimSettings,
    /// `maxFileSize`: sources over this many bytes are skipped (`None`:
    /// the caller's default).
    pub max_file_size: Option<u64>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            severities: Rule::ALL.map(Rule::default_severity),
            claims: ClaimSettings::default(),
            max_file_size: None,
        }
    }
}

/// A configuration file that could not be read; line and column are
/// 1-based (column in characters, as serde_json counts them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// What people are told, in the editor and by `crosscheck check`.
    pub fn describe(&self) -> String {
        format!(
            "Invalid crosscheck configuration: {} (defaults apply until it is fixed)",
            self.message
        )
    }

    /// The byte range of the character the error points at in `text` (the
    /// file): one character wide, empty at the end of a line. Lines break
    /// at `\n`, `\r\n` and `\r`; a line or column past the end clamps.
    pub fn byte_range(&self, text: &str) -> std::ops::Range<usize> {
        let mut starts = vec![0];
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 2;
                    continue;
                }
                b'\n' | b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        let line = (self.line.max(1) - 1).min(starts.len() - 1);
        let line_start = starts[line];
        let line_end = text[line_start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |e| line_start + e);
        let at = text[line_start..line_end]
            .char_indices()
            .nth(self.col.max(1) - 1)
            .map_or(line_end, |(o, _)| line_start + o);
        let next = text[at..line_end]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8());
        at..next
    }
}

pub const CONFIG_PATH: &str = ".crosscheck/config.json";

/// The diagnostic code of a configuration file that cannot be used.
pub const INVALID_CONFIG: &str = "invalid-config";

impl Config {
    pub fn from_json(src: &str) -> Result<Config, ConfigError> {
        let err = |e: serde_json::Error| ConfigError {
            line: e.line().max(1),
            col: e.column().max(1),
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_string(),
        };
        // serde would take a struct from an array (`[]`): only an object is
        // a configuration.
        let v: serde_json::Value = serde_json::from_str(src).map_err(err)?;
        if !v.is_object() {
            return Err(ConfigError {
                line: 1,
                col: 1,
                message: "the configuration must be a JSON object ({\"rules\": {...}, ...})".into(),
            });
        }
        if let Some(at) = src
            .find("\"followSymlinks\"")
            .filter(|_| v.get("followSymlinks").is_some())
        {
            let line = src[..at].matches('\n').count() + 1;
            let col = src[..at].rsplit('\n').next().unwrap_or("").chars().count() + 1;
            return Err(ConfigError {
                line,
                col,
                message: "followSymlinks cannot be set in the folder's own configuration (a cloned folder could turn it on); set it in your editor's settings or pass --follow-symlinks".into(),
            });
        }
        let j: ConfigJson = serde_json::from_str(src).map_err(err)?;
        let mut c = Config::default();
        let r = &j.rules;
        for (rule, v) in [
            (Rule::UnverifiedClaim, r.unverified_claim),
            (Rule::AnonymousSource, r.anonymous_source),
            (Rule::HedgedClaim, r.hedged_claim),
            (Rule::ConflictingClaim, r.conflicting_claim),
            (Rule::AmbiguousDate, r.ambiguous_date),
        ] {
            if let Some(s) = v {
                c.severities[rule as usize] = s;
            }
        }
        let clean = |v: Vec<String>| -> Vec<String> {
            v.into_iter()
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
                .collect()
        };
        c.claims = ClaimSettings {
            attribution_verbs: clean(j.attribution_verbs),
            hedges: clean(j.hedges),
            single_holder_roles: clean(j.single_holder_roles),
        };
        c.max_file_size = j.max_file_size;
        Ok(c)
    }

    /// The text of `<root>/.crosscheck/config.json`: `Ok(None)` when there
    /// is none; an error (line 1) when it cannot be read safely.
    pub fn read_file(root: &Path, follow_links: bool) -> Result<Option<String>, ConfigError> {
        use crate::workspace::fs::{read_bounded, Access, Refused};
        let access = Access {
            max_size: MAX_CONFIG_SIZE,
            follow_links,
        };
        let fail = |message: String| ConfigError {
            line: 1,
            col: 1,
            message,
        };
        match read_bounded(Some(root), &root.join(CONFIG_PATH), access) {
            Ok(bytes) => {
                let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
                String::from_utf8(bytes.to_vec())
                    .map(Some)
                    .map_err(|_| fail("the file is not UTF-8".into()))
            }
            Err(Refused::Missing) => Ok(None),
            Err(e) => Err(fail(e.to_string())),
        }
    }

    /// Read `<root>/.crosscheck/config.json`. No file: defaults. A bad
    /// file (or one that cannot be read safely): defaults and the error,
    /// for the caller to show.
    pub fn load(root: &Path, follow_links: bool) -> (Config, Option<ConfigError>) {
        match Config::read_file(root, follow_links) {
            Ok(Some(s)) => match Config::from_json(&s) {
                Ok(c) => (c, None),
                Err(e) => (Config::default(), Some(e)),
            },
            Ok(None) => (Config::default(), None),
            Err(e) => (Config::default(), Some(e)),
        }
    }

    pub fn severity(&self, rule: Rule) -> Severity {
        self.severities[rule as usize]
    }

    pub fn set_severity(&mut self, rule: Rule, s: Severity) {
        self.severities[rule as usize] = s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_overrides() {
        let c = Config::from_json("{}").unwrap();
        assert_eq!(c, Config::default());
        assert_eq!(c.severity(Rule::ConflictingClaim), Severity::Warning);
        let c = Config::from_json(
            r#"{"rules": {"unverified-claim": "off", "hedged-claim": "info"},
               "singleHolderRoles": ["Editor in Chief"], "attributionVerbs": ["tweeted"], "hedges": ["it is rumoured"]}"#,
        )
        .unwrap();
        assert_eq!(c.severity(Rule::UnverifiedClaim), Severity::Off);
        assert_eq!(c.severity(Rule::HedgedClaim), Severity::Information);
        assert_eq!(c.claims.single_holder_roles, vec!["editor in chief"]);
        assert_eq!(c.claims.hedges, vec!["it is rumoured"]);
    }

    #[test]
    fn errors_carry_line_and_column() {
        let e = Config::from_json("{\n  \"rules\": {\n    \"hedged-claim\": \"loud\"\n  }\n}")
            .unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.col > 1);
        assert!(e.message.contains("unknown variant"), "{}", e.message);
        let e = Config::from_json("{\n  \"rulez\": {}\n}").unwrap_err();
        assert_eq!(e.line, 2);
        let e = Config::from_json("{\n  \"rules\": {\"no-such-rule\": \"off\"}\n}").unwrap_err();
        assert_eq!(e.line, 2);
        let e = Config::from_json("{ \"hedges\": [1 }").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn load_keeps_defaults_on_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".crosscheck")).unwrap();
        std::fs::write(dir.path().join(CONFIG_PATH), "{ oops").unwrap();
        let (c, e) = Config::load(dir.path(), false);
        assert_eq!(c, Config::default());
        assert_eq!(e.unwrap().line, 1);
        let (c, e) = Config::load(&dir.path().join("missing"), false);
        assert!(e.is_none() && c == Config::default());
    }

    /// Documented settings are accepted; a file that is not an object, a
    /// huge file, a device, and `followSymlinks` (an editor setting only)
    /// are errors.
    #[test]
    fn settings_shapes_sizes_and_what_the_folder_may_not_set() {
        let c = Config::from_json(r#"{"maxFileSize": 1000000}"#).unwrap();
        assert_eq!(c.max_file_size, Some(1_000_000));
        for bad in ["[]", "3", "\"x\"", "null"] {
            let e = Config::from_json(bad).unwrap_err();
            assert!(e.message.contains("JSON object"), "{bad}: {}", e.message);
        }
        let e = Config::from_json("{\n  \"followSymlinks\": true\n}").unwrap_err();
        assert_eq!((e.line, e.col), (2, 3));
        assert!(e.message.contains("editor"), "{}", e.message);
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".crosscheck")).unwrap();
        let p = dir.path().join(CONFIG_PATH);
        std::fs::write(&p, format!("{{\"hedges\": [\"{}\"]}}", "x".repeat(2 << 20))).unwrap();
        let (_, e) = Config::load(dir.path(), false);
        assert!(e.unwrap().message.contains("limit"));
        #[cfg(unix)]
        {
            std::fs::remove_file(&p).unwrap();
            std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
            let (c, e) = Config::load(dir.path(), false);
            assert_eq!(c, Config::default());
            assert!(e.unwrap().message.contains("escapes"));
            let (_, e) = Config::load(dir.path(), true);
            assert!(e.unwrap().message.contains("device"));
        }
    }
}
