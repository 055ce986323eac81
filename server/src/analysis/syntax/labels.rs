//! Universal Dependencies label sets: part-of-speech tags ([`Upos`]) and
//! dependency relations ([`DepRel`] = a base [`Rel`] plus an optional
//! [`Sub`]type), as enums so that callers can `match` on them.

use std::fmt;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// Universal part-of-speech tags (UD v2).
    Upos {
        Adj = "ADJ", Adp = "ADP", Adv = "ADV", Aux = "AUX", Cconj = "CCONJ",
        Det = "DET", Intj = "INTJ", Noun = "NOUN", Num = "NUM", Part = "PART",
        Pron = "PRON", Propn = "PROPN", Punct = "PUNCT", Sconj = "SCONJ",
        Sym = "SYM", Verb = "VERB", X = "X",
    }
}

string_enum! {
    /// The 37 universal dependency relations (UD v2), without subtypes.
    Rel {
        Acl = "acl", Advcl = "advcl", Advmod = "advmod", Amod = "amod",
        Appos = "appos", Aux = "aux", Case = "case", Cc = "cc", Ccomp = "ccomp",
        Clf = "clf", Compound = "compound", Conj = "conj", Cop = "cop",
        Csubj = "csubj", Dep = "dep", Det = "det", Discourse = "discourse",
        Dislocated = "dislocated", Expl = "expl", Fixed = "fixed", Flat = "flat",
        Goeswith = "goeswith", Iobj = "iobj", List = "list", Mark = "mark",
        Nmod = "nmod", Nsubj = "nsubj", Nummod = "nummod", Obj = "obj", Obl = "obl",
        Orphan = "orphan", Parataxis = "parataxis", Punct = "punct",
        Reparandum = "reparandum", Root = "root", Vocative = "vocative",
        Xcomp = "xcomp",
    }
}

string_enum! {
    /// The relation subtypes English UD treebanks use.
    Sub {
        /// `nsubj:pass`, `csubj:pass`, `aux:pass`: passive voice.
        Pass = "pass",
        /// `acl:relcl`, `advcl:relcl`: relative clauses.
        Relcl = "relcl",
        /// `nmod:poss`: possessor ("NATO's chief").
        Poss = "poss",
        /// `obl:tmod`, `nmod:tmod`: bare temporal modifiers (older UD).
        Tmod = "tmod",
        /// `obl:npmod`, `nmod:npmod` (older UD).
        Npmod = "npmod",
        /// `obl:unmarked`, `nmod:unmarked`: bare noun modifiers, including
        /// temporal ones ("killed Monday").
        Unmarked = "unmarked",
        /// `obl:agent`: the by-phrase of a passive.
        Agent = "agent",
        /// `compound:prt`: verb particles ("set up").
        Prt = "prt",
        Preconj = "preconj",
        Predet = "predet",
        /// `nsubj:outer`, `csubj:outer`: outer subjects of copular clauses.
        Outer = "outer",
        /// `nmod:desc`: descriptive modifiers.
        Desc = "desc",
        Foreign = "foreign",
        /// `det:poss` and similar in other treebanks.
        Possdet = "possdet",
    }
}

/// A dependency relation: base relation plus optional subtype.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DepRel {
    pub rel: Rel,
    pub sub: Option<Sub>,
}

impl DepRel {
    pub const fn new(rel: Rel) -> DepRel {
        DepRel { rel, sub: None }
    }

    pub const fn with(rel: Rel, sub: Sub) -> DepRel {
        DepRel {
            rel,
            sub: Some(sub),
        }
    }

    /// Parse "nsubj:pass"; an unknown subtype keeps the base relation, an
    /// unknown base relation is `None`.
    pub fn parse(s: &str) -> Option<DepRel> {
        let (base, sub) = match s.split_once(':') {
            Some((b, s)) => (b, Sub::parse(s)),
            None => (s, None),
        };
        Some(DepRel {
            rel: Rel::parse(base)?,
            sub,
        })
    }

    /// `nsubj`, `nsubj:pass`, `csubj`, `csubj:pass`, `nsubj:outer`.
    pub fn is_subject(self) -> bool {
        matches!(self.rel, Rel::Nsubj | Rel::Csubj)
    }

    /// A passive subject (`nsubj:pass`, `csubj:pass`).
    pub fn is_passive_subject(self) -> bool {
        self.is_subject() && self.sub == Some(Sub::Pass)
    }

    /// Core objects: `obj`, `iobj`.
    pub fn is_object(self) -> bool {
        matches!(self.rel, Rel::Obj | Rel::Iobj)
    }

    /// Relations whose dependent heads a clause of its own.
    pub fn is_clausal(self) -> bool {
        matches!(
            self.rel,
            Rel::Ccomp
                | Rel::Xcomp
                | Rel::Advcl
                | Rel::Acl
                | Rel::Csubj
                | Rel::Parataxis
                | Rel::Root
        )
    }
}

impl fmt::Display for DepRel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sub {
            Some(s) => write!(f, "{}:{}", self.rel, s),
            None => write!(f, "{}", self.rel),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print() {
        for s in ["nsubj:pass", "acl:relcl", "obl", "nmod:poss", "root"] {
            assert_eq!(DepRel::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(DepRel::parse("obl:xyz"), Some(DepRel::new(Rel::Obl)));
        assert_eq!(DepRel::parse("neg"), None);
        assert!(DepRel::parse("nsubj:pass").unwrap().is_passive_subject());
        assert!(!DepRel::parse("nsubj").unwrap().is_passive_subject());
        for u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(*u));
        }
        for r in Rel::ALL {
            assert_eq!(Rel::parse(r.as_str()), Some(*r));
        }
    }
}
