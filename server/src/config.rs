//! The workspace configuration, `.crosscheck/config.json`:
//!
//! ```json
//! {
//!   "rules": { "unverified-claim": "off", "hedged-claim": "hint" },
//!   "singleHolderRoles": ["editor in chief"],
//!   "attributionVerbs": ["tweeted"],
//!   "hedges": ["it is rumoured"]
//! }
//! ```
//!
//! An invalid file is reported with its line and column; callers keep the
//! defaults (or the last good configuration) meanwhile.
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
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    severities: [Severity; 5],
    pub claims: ClaimSettings,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            severities: Rule::ALL.map(Rule::default_severity),
            claims: ClaimSettings::default(),
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

pub const CONFIG_PATH: &str = ".crosscheck/config.json";

impl Config {
    pub fn from_json(src: &str) -> Result<Config, ConfigError> {
        let j: ConfigJson = serde_json::from_str(src).map_err(|e| ConfigError {
            line: e.line().max(1),
            col: e.column().max(1),
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_string(),
        })?;
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
        Ok(c)
    }

    /// Read `<root>/.crosscheck/config.json`. No file: defaults. A bad
    /// file: defaults and the error, for the caller to show.
    pub fn load(root: &Path) -> (Config, Option<ConfigError>) {
        match std::fs::read_to_string(root.join(CONFIG_PATH)) {
            Ok(s) => match Config::from_json(&s) {
                Ok(c) => (c, None),
                Err(e) => (Config::default(), Some(e)),
            },
            Err(_) => (Config::default(), None),
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
        let (c, e) = Config::load(dir.path());
        assert_eq!(c, Config::default());
        assert_eq!(e.unwrap().line, 1);
        let (c, e) = Config::load(&dir.path().join("missing"));
        assert!(e.is_none() && c == Config::default());
    }
}
