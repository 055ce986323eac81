use super::*;

fn reason(kind: EntityKind, s: &str, initial: bool) -> Option<Exclusion> {
    let lower: HashSet<String> = ["people".to_string()].into();
    let toks: Vec<&str> = s.split(' ').collect();
    named_reason(kind, &toks, initial, false, &lower)
}

#[test]
fn named_rule_examples() {
    use EntityKind::*;
    assert_eq!(reason(Organization, "the Indonesian Navy", false), None);
    assert_eq!(reason(Location, "US", false), None);
    assert_eq!(reason(Person, "Nick Moreau", true), None);
    assert_eq!(
        reason(
            Organization,
            "the Andy Warhol Foundation for the Visual Arts",
            false
        ),
        None
    );
    assert_eq!(reason(Person, "He", true), Some(Exclusion::Pronoun));
    assert_eq!(
        reason(Person, "over 700 asylum seekers", false),
        Some(Exclusion::Lowercase)
    );
    assert_eq!(
        reason(Person, "Scientology officials", false),
        Some(Exclusion::CommonNoun)
    );
    assert_eq!(reason(Person, "Apple CEO", false), Some(Exclusion::Role));
    assert_eq!(
        reason(Location, "European", false),
        Some(Exclusion::Demonym)
    );
    assert_eq!(
        reason(Person, "People", true),
        Some(Exclusion::SentenceInitial)
    );
    assert_eq!(reason(Location, "Paris", true), None);
    let lower = HashSet::new();
    let toks = ["English", "captain", "Harry", "Kane"];
    assert_eq!(
        classify(Person, &toks, false, false, &lower),
        Named::Tail(2)
    );
    let toks = ["Apple", "CEO", "Steve", "Jobs"];
    assert_eq!(
        classify(Person, &toks, false, false, &lower),
        Named::Tail(2)
    );
    let toks = ["President", "of", "the", "United", "States"];
    assert_eq!(classify(Person, &toks, false, false, &lower), Named::Whole);
    let toks = ["Leung", "Kwok", "-", "hung", "of", "LSD"];
    assert_eq!(
        classify(Person, &toks, false, false, &lower),
        Named::Excluded(Exclusion::CommonNoun)
    );
}

#[test]
fn parses_discontinuous_spans_and_notes() {
    let ann = "T1\tLOCATION 10 16;19 26\tMobile Alabama\n#1\tAnnotatorNotes T1\tchain=LOC1 link=x\nT2\tFINANCE 0 3\t$ 4\n";
    let v = parse_ann(Corpus::Meantime, ann);
    assert_eq!(v.len(), 2);
    assert_eq!(
        (v[0].1, v[0].2, v[0].3),
        (10, 26, Some(EntityKind::Location))
    );
    assert_eq!((v[1].0.as_str(), v[1].3), ("FINANCE", None));
    assert_eq!(note_value(&v[0].5, "chain="), Some("LOC1".into()));
}
