//! The field tables `.crosscheck/` files are walked against (what each
//! object may hold, of which type, and whether it is required), and the
//! date rule shared with the edit functions. Kept apart from the walker in
//! [`super::validate`] so the format can be read in one place.
use std::sync::LazyLock;

use regex::Regex;
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Ty {
    Str,
    Int,
    Bool,
    StrList,
    StrMap,
    /// ISO 8601 date, partial allowed.
    Date,
    /// Workspace-relative path.
    Path,
    Obj(&'static Schema),
    ObjList(&'static Schema),
}

#[derive(Debug, PartialEq)]
pub(super) struct Schema {
    pub(super) name: &'static str,
    pub(super) fields: &'static [(&'static str, Ty, bool)],
}

use Ty::*;

pub(super) static FACT: Schema = Schema {
    name: "fact",
    fields: &[
        ("predicate", Str, true),
        ("role", Str, false),
        ("object", Str, false),
        ("from", Date, false),
        ("to", Date, false),
        ("source", Str, false),
    ],
};
pub(super) static ENTITY: Schema = Schema {
    name: "entity",
    fields: &[
        ("id", Str, true),
        ("type", Str, true),
        ("name", Str, true),
        ("aliases", StrList, false),
        ("description", Str, false),
        ("external_ids", StrMap, false),
        ("facts", ObjList(&FACT), false),
        ("merged_from", StrList, false),
    ],
};
pub(super) static KB: Schema = Schema {
    name: "knowledge base",
    fields: &[
        ("$schema", Str, false),
        ("version", Int, false),
        ("entities", ObjList(&ENTITY), false),
    ],
};
pub(super) static TARGET: Schema = Schema {
    name: "target",
    fields: &[
        ("quote", Str, true),
        ("prefix", Str, false),
        ("suffix", Str, false),
        ("start", Int, true),
        ("end", Int, true),
        ("hash", Str, false),
    ],
};
pub(super) static EVIDENCE: Schema = Schema {
    name: "evidence",
    fields: &[
        ("url", Str, false),
        ("source", Path, false),
        ("target", Obj(&TARGET), false),
        ("note", Str, false),
    ],
};
pub(super) static ANNOTATION: Schema = Schema {
    name: "annotation",
    fields: &[
        ("id", Str, true),
        ("kind", Str, true),
        ("target", Obj(&TARGET), true),
        ("entity", Str, false),
        ("status", Str, false),
        ("evidence", ObjList(&EVIDENCE), false),
        ("note", Str, false),
        ("detached", Bool, false),
    ],
};
pub(super) static DISMISSAL: Schema = Schema {
    name: "dismissal",
    fields: &[
        ("code", Str, true),
        ("quote", Str, true),
        ("context_hash", Str, true),
        ("note", Str, false),
    ],
};
pub(super) static METADATA: Schema = Schema {
    name: "metadata",
    fields: &[
        ("outlet", Str, false),
        ("url", Str, false),
        ("author", Str, false),
        ("published", Date, false),
        ("relies_on", StrList, false),
    ],
};
pub(super) static ANNOTATION_FILE: Schema = Schema {
    name: "annotation file",
    fields: &[
        ("$schema", Str, false),
        ("version", Int, false),
        ("source", Path, false),
        ("metadata", Obj(&METADATA), false),
        ("annotations", ObjList(&ANNOTATION), false),
        ("dismissed", ObjList(&DISMISSAL), false),
    ],
};

/// ISO 8601 calendar date, partial allowed (`2024`, `2024-12`,
/// `2024-12-05`), optionally with a time (`T10:30`, `T10:30:00Z`, offsets).
pub fn valid_date(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$",
        )
        .unwrap()
    });
    let Some(c) = RE.captures(s) else {
        return false;
    };
    let y: u32 = c[1].parse().unwrap_or(0);
    let Some(m) = c.get(2).map(|m| m.as_str().parse::<u32>().unwrap_or(0)) else {
        return true;
    };
    if !(1..=12).contains(&m) {
        return false;
    }
    let Some(d) = c.get(3).map(|d| d.as_str().parse::<u32>().unwrap_or(0)) else {
        return true;
    };
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&d)
}
