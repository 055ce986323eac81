//! Recognition and linking on short news texts written for these tests
//! (not the example corpus), so the rules are checked on text they were not
//! tuned on.
use std::path::PathBuf;
use std::sync::Arc;

use crosscheck::analysis::{analyze_document, AnalysisHost, EntityKind, RoleQualifier};

mod common;
use common::{doc_mentions as mentions, has_mention as has, lacks_mention as absent};

use EntityKind::*;

#[test]
fn titles_become_roles_not_entities() {
    let t =
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Tuesday.";
    let d = analyze_document(t);
    let scholz = d
        .mentions
        .iter()
        .find(|m| m.text(t) == "Olaf Scholz")
        .expect("Scholz");
    assert_eq!(scholz.kind, Person);
    assert_eq!(scholz.roles[0].text, "German Chancellor");
    let macron = d
        .mentions
        .iter()
        .find(|m| m.text(t) == "Emmanuel Macron")
        .expect("Macron");
    assert_eq!(macron.roles[0].text, "French President");
    assert!(has(t, "Paris", Location));
    assert!(has(t, "Tuesday", Date));
    assert!(absent(t, "Chancellor Olaf") && absent(t, "President Emmanuel"));
}

#[test]
fn role_qualifiers_and_trailing_roles() {
    let t = "Former U.S. Secretary of State Hillary Clinton spoke first. \
             Mark Rutte, NATO's Secretary General, said the talks would go on. \
             The deal was signed by then-Prime Minister Boris Johnson.";
    let d = analyze_document(t);
    let get = |name: &str| {
        d.mentions
            .iter()
            .find(|m| m.text(t) == name)
            .unwrap_or_else(|| panic!("{name}: {:?}", mentions(t)))
    };
    let clinton = get("Hillary Clinton");
    assert_eq!(clinton.roles[0].qualifier, Some(RoleQualifier::Former));
    assert!(clinton.roles[0].text.contains("Secretary of State"));
    let rutte = get("Mark Rutte");
    assert!(
        rutte
            .roles
            .iter()
            .any(|r| r.text.contains("Secretary General")),
        "{:?}",
        rutte.roles
    );
    let johnson = get("Boris Johnson");
    assert_eq!(johnson.roles[0].qualifier, Some(RoleQualifier::Then));
    assert_eq!(johnson.roles[0].text, "Prime Minister");
    assert!(has(t, "NATO", Organization));
}

#[test]
fn surnames_and_acronyms_resolve_within_a_document() {
    let t = "Olaf Scholz arrived late. Scholz said the Organisation for Economic \
             Co-operation and Development (OECD) was right. The OECD declined to comment.";
    let d = analyze_document(t);
    let local_of = |s: &str| {
        d.mentions
            .iter()
            .filter(|m| m.text(t) == s)
            .map(|m| m.local)
            .collect::<Vec<_>>()
    };
    assert_eq!(local_of("Scholz")[0], local_of("Olaf Scholz")[0]);
    let oecd = local_of("OECD");
    assert_eq!(oecd.len(), 2, "{:?}", mentions(t));
    assert_eq!(oecd[0], oecd[1]);
}

#[test]
fn cue_words_classify_unknown_names() {
    let t = "Shelling hit the town of Zolotyi Potik overnight. The company Acme Robotics Inc. \
             said its plant in Kharkiv was closed. Mr. Hrytsenko told reporters he would stay.";
    assert!(has(t, "Zolotyi Potik", Location), "{:?}", mentions(t));
    assert!(
        has(t, "Acme Robotics Inc", Organization) || has(t, "Acme Robotics Inc.", Organization),
        "{:?}",
        mentions(t)
    );
    assert!(has(t, "Kharkiv", Location));
    assert!(has(t, "Hrytsenko", Person), "{:?}", mentions(t));
}

#[test]
fn ordinary_words_are_not_guessed_as_names() {
    let t = "May brought rain. Security Assistance was slow, officials said. \
             Analysts in Defence circles doubted it. Monday was quiet.";
    let m = mentions(t);
    assert!(!m.iter().any(|(_s, k)| *k == Person), "{m:?}");
    assert!(
        !m.iter().any(|(s, k)| *k == Location && s == "Defence"),
        "{m:?}"
    );
    assert!(has(t, "Monday", Date));
}

#[test]
fn values_are_typed() {
    let t = "The fund will provide $1.2 billion to nearly 40 countries by the end of 2025, \
             about 5 percent more than the 300-strong mission asked for on 3 March 2024.";
    assert!(has(t, "$1.2 billion", Money), "{:?}", mentions(t));
    assert!(has(t, "nearly 40 countries", Quantity));
    assert!(has(t, "the end of 2025", Date));
    assert!(has(t, "about 5 percent", Quantity));
    assert!(has(t, "3 March 2024", Date));
}

#[test]
fn boilerplate_produces_nothing() {
    let t = "Home | World | Politics\n\nThe EU agreed a new package in Brussels.\n\n\
             Read more: Biden meets Xi in San Francisco\n\nRelated Articles\n\n\
             Taylor Swift announces Tokyo concert\n\nLemon cake with Greek yogurt: ready in 20 minutes\n";
    let m = mentions(t);
    assert!(
        has(t, "EU", Organization) || has(t, "EU", Location),
        "{m:?}"
    );
    assert!(has(t, "Brussels", Location));
    for s in [
        "Biden",
        "Xi",
        "San Francisco",
        "Taylor Swift",
        "Tokyo",
        "Greek",
        "20 minutes",
    ] {
        assert!(absent(t, s), "{s} came out of boilerplate: {m:?}");
    }
}

#[test]
fn spelling_variants_link_across_files() {
    let mut host = AnalysisHost::new(Some(PathBuf::from("/corpus")));
    host.set_files(vec![
        (
            PathBuf::from("/corpus/a.txt"),
            Arc::from("Missiles struck Kiev on Monday, Ukrainian officials said."),
        ),
        (
            PathBuf::from("/corpus/b.txt"),
            Arc::from("Mayor Vitali Klitschko said Kyiv would rebuild. Blaszczak agreed."),
        ),
        (
            PathBuf::from("/corpus/c.txt"),
            Arc::from("Polish Defence Minister Mariusz Błaszczak visited Kyiv."),
        ),
    ]);
    let s = host.snapshot();
    let kyiv = s
        .entities
        .iter()
        .find(|e| e.canonical == "Kyiv")
        .expect("Kyiv entity");
    assert_eq!(kyiv.file_count, 3, "{:?}", kyiv);
    let bl = s
        .entities
        .iter()
        .find(|e| e.kind == Person && e.canonical.contains("aszczak"))
        .unwrap();
    assert_eq!(bl.canonical, "Mariusz Błaszczak");
    assert_eq!(bl.file_count, 2);
    // The definition is the first full-name mention in file order.
    assert_eq!(s.mention_text(bl.definition), "Mariusz Błaszczak");
    assert_eq!(bl.definition.file, 2);
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let mut host = AnalysisHost::new(Some(PathBuf::from("/c")));
    host.set_files(vec![
        (
            PathBuf::from("/c/a.txt"),
            Arc::from("Hillary Clinton spoke in Ohio."),
        ),
        (
            PathBuf::from("/c/b.txt"),
            Arc::from("Bill Clinton spoke in Iowa."),
        ),
        (
            PathBuf::from("/c/c.txt"),
            Arc::from("Aides said Clinton declined to comment."),
        ),
    ]);
    let s = host.snapshot();
    let clintons: Vec<_> = s.entities.iter().filter(|e| e.kind == Person).collect();
    assert_eq!(
        clintons.len(),
        3,
        "{:?}",
        clintons.iter().map(|e| &e.canonical).collect::<Vec<_>>()
    );
}

#[test]
fn knowledge_base_and_decisions_steer_recognition_and_linking() {
    use crosscheck::analysis::overrides::{FileOverrides, KbEntity, Overrides, SpanLink};
    let a = "The headquarters is in Clay, an American military base. NATO met there.";
    let b = "Officials at Clay Kaserne said Stoltenberg Report was false.";
    let link_start = a.find("Clay").unwrap();
    let not_start = b.find("Stoltenberg Report").unwrap();
    let resolver: crosscheck::analysis::overrides::FileResolver =
        Arc::new(move |rel: &str, _text: &str| match rel {
            "a.txt" => FileOverrides {
                links: vec![SpanLink {
                    start: link_start,
                    end: link_start + 4,
                    entity: "location:clay-kaserne".into(),
                }],
                not_entities: vec![],
            },
            "b.txt" => FileOverrides {
                links: vec![],
                not_entities: vec![(not_start, not_start + 18)],
            },
            _ => FileOverrides::default(),
        });
    let overrides = Overrides::new(
        vec![KbEntity {
            id: "location:clay-kaserne".into(),
            kind: Location,
            name: "Clay Kaserne".into(),
            aliases: vec![],
        }],
        Some(resolver),
    );
    let mut host = AnalysisHost::new(Some(PathBuf::from("/w")));
    host.set_files(vec![
        (PathBuf::from("/w/a.txt"), Arc::from(a)),
        (PathBuf::from("/w/b.txt"), Arc::from(b)),
    ]);
    host.set_overrides(Arc::new(overrides));
    let s = host.snapshot();
    let clay = s.entity_by_id("location:clay-kaserne").expect("KB entity");
    assert_eq!(clay.canonical, "Clay Kaserne");
    assert_eq!(
        clay.file_count, 2,
        "the linked 'Clay' and the KB name 'Clay Kaserne' are one entity"
    );
    assert!(!s
        .entities
        .iter()
        .any(|e| e.canonical.contains("Stoltenberg Report")));
}

#[test]
fn known_names_that_start_in_lower_case_or_with_a_particle() {
    let t = "Reporters from Al Jazeera and dpa said that al-Qaeda attacked.";
    assert!(has(t, "Al Jazeera", Organization), "{:?}", mentions(t));
    assert!(has(t, "dpa", Organization), "{:?}", mentions(t));
    assert!(has(t, "al-Qaeda", Organization), "{:?}", mentions(t));
}

#[test]
fn names_used_as_modifiers_and_acronyms_that_name_nothing() {
    let t = "Officials of the Carter administration met on Monday. Shares of Brightwave \
             (NYSE: BWV) rose after the Airbus A380 order. The Dow Jones fell 2 percent. \
             He was charged with DUI and named MVP of the league.";
    let m = mentions(t);
    for s in ["Carter", "BWV", "Airbus", "Dow Jones", "DUI", "MVP"] {
        assert!(absent(t, s), "{s}: {m:?}");
    }
}

#[test]
fn pro_and_anti_places_are_modifiers() {
    let t = "The pro-Beijing camp won seats in Hong Kong, while anti-Moscow groups met in Kyiv.";
    let m = mentions(t);
    assert!(
        has(t, "Hong Kong", Location) && has(t, "Kyiv", Location),
        "{m:?}"
    );
    assert!(absent(t, "Beijing") && absent(t, "Moscow"), "{m:?}");
}

#[test]
fn a_home_nation_once_a_team_is_the_team_throughout_a_match_report() {
    let t = "Scotland beat Wales 2-1 in the league's opening match on Saturday.\n\n\
             Wales had more of the ball, and their goalkeeper made four saves. \
             Scotland scored twice before half-time, and the striker's goal came from a corner.\n\n\
             The match was played in Cardiff, the capital of Wales.";
    let d = analyze_document(t);
    let kinds: Vec<(&str, EntityKind)> = d
        .mentions
        .iter()
        .filter(|m| matches!(m.text(t), "Wales" | "Scotland"))
        .map(|m| (m.text(t), m.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("Scotland", Organization),
            ("Wales", Organization),
            ("Wales", Organization),
            ("Scotland", Organization),
            ("Wales", Location),
        ],
        "{:?}",
        d.mentions
            .iter()
            .map(|m| (m.text(t), m.kind))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_headline_name_cut_short_is_completed_from_the_prose() {
    // The gazetteer knows "Amazon"; the headline must not stop there.
    let t = "Kinks' Amazon Corps sues Amazon Computer\n\n\
             The Kinks' label Amazon Corps has sued Amazon Computer over its music store. \
             Amazon Corps said the logo was too similar.";
    let got = mentions(t);
    let headline: Vec<&str> = got.iter().take(2).map(|m| m.0.as_str()).collect();
    assert_eq!(headline, ["Amazon Corps", "Amazon Computer"], "{got:?}");
    assert!(got.iter().all(|m| m.1 == Organization), "{got:?}");
}

#[test]
fn a_country_s_government_is_the_country() {
    let t = "The US Government announced a rescue of the banks on Monday.";
    assert!(has(t, "US", Location), "{:?}", mentions(t));
    assert!(absent(t, "US Government"));
}

#[test]
fn a_person_whose_surname_is_a_town_at_a_sentence_start() {
    let t = "Ottoline Lyon, a former ship's engineer, has sued the company that employed her.\n\n\
             Lyon says she worked eighteen-hour days. In 2019, Lyon left the ship in Marseille.\n\n\
             Outside Lyon, the firm runs two depots.";
    let got = mentions(t);
    assert!(has(t, "Ottoline Lyon", Person), "{got:?}");
    let lyon: Vec<EntityKind> = got.iter().filter(|m| m.0 == "Lyon").map(|m| m.1).collect();
    assert_eq!(lyon, vec![Person, Person, Location], "{got:?}");
}

#[test]
fn a_place_word_before_a_name_makes_a_place() {
    let t = "The ferry from Port Tallow crosses Lake Ondine to Fort Brisk, \
             where Fort Brisk Historic Park overlooks Mount Caldera.";
    for name in ["Port Tallow", "Lake Ondine", "Mount Caldera"] {
        assert!(has(t, name, Location), "{name}: {:?}", mentions(t));
    }
    assert!(
        mentions(t)
            .iter()
            .all(|(s, k)| !s.contains("Brisk") || *k == Location),
        "{:?}",
        mentions(t)
    );
}

#[test]
fn an_acronym_for_a_lower_case_term_names_no_organisation() {
    let t = "The satellite measures ocean wave height (OWH) every day. \
             OWH readings rose in March, the Coastal Survey Agency (CSA) said. \
             CSA staff checked the OWH data.";
    let got = mentions(t);
    assert!(absent(t, "OWH"), "{got:?}");
    assert!(has(t, "CSA", Organization), "{got:?}");
}

#[test]
fn buildings_and_bodies_named_after_people_are_not_people() {
    let t = "Visitors queued outside the Dorothea Vasquez Museum on Sunday. \
             Staff at the Martin Okafor Clinic treated two of them, and the \
             Ellery Township School District closed early. Dorothea Vasquez, \
             the painter, said she was moved.";
    let got = mentions(t);
    assert!(has(t, "Dorothea Vasquez Museum", Location), "{got:?}");
    assert!(has(t, "Martin Okafor Clinic", Organization), "{got:?}");
    assert!(
        has(t, "Ellery Township School District", Organization),
        "{got:?}"
    );
    assert!(has(t, "Dorothea Vasquez", Person), "{got:?}");
}

#[test]
fn a_facility_and_its_acronym_are_places() {
    let t = "The capsule landed near the Calder Space Center (CSC) in Texas. \
             Engineers at CSC and at the Brayford Convention Centre cheered. \
             The Museum of Tidal Power reopened.";
    let got = mentions(t);
    assert!(has(t, "Calder Space Center", Location), "{got:?}");
    assert!(has(t, "CSC", Location), "{got:?}");
    assert!(has(t, "Brayford Convention Centre", Location), "{got:?}");
    assert!(has(t, "Museum of Tidal Power", Location), "{got:?}");
}

#[test]
fn a_run_of_names_splits_where_one_name_ends() {
    let t = "The motion was backed by Harbour Alliance Party and Wong Kai-ming \
             of the Civic Front. Leung Pui-yee of the Civic Front voted against.";
    let got = mentions(t);
    assert!(has(t, "Harbour Alliance Party", Organization), "{got:?}");
    assert!(has(t, "Wong Kai-ming", Person), "{got:?}");
    assert!(has(t, "Leung Pui-yee", Person), "{got:?}");
    assert!(has(t, "Civic Front", Organization), "{got:?}");
    let t = "Minister of Fisheries Helen Marchetti and Halvard Shipping Company \
             Robert Lindqvist met on Friday.";
    let got = mentions(t);
    assert!(has(t, "Helen Marchetti", Person), "{got:?}");
    assert!(has(t, "Robert Lindqvist", Person), "{got:?}");
    assert!(has(t, "Halvard Shipping Company", Organization), "{got:?}");
}

#[test]
fn a_company_s_branch_in_a_country_is_the_company() {
    let t = "Sales at Brontel Australia fell, while Kestrava Europe and \
             Thornby Airways International grew. Prices in Australia rose.";
    let got = mentions(t);
    assert!(has(t, "Brontel Australia", Organization), "{got:?}");
    assert!(has(t, "Kestrava Europe", Organization), "{got:?}");
    assert!(
        has(t, "Thornby Airways International", Organization),
        "{got:?}"
    );
    assert!(has(t, "Australia", Location), "{got:?}");
}

#[test]
fn a_company_s_legal_forms_link_across_files() {
    let mut host = AnalysisHost::new(Some(PathBuf::from("/corpus")));
    host.set_files(vec![
        (
            PathBuf::from("/corpus/a.txt"),
            Arc::from("Vandermeer Motor Company cut 900 jobs. Apple Inc. said sales rose."),
        ),
        (
            PathBuf::from("/corpus/b.txt"),
            Arc::from("Shares in Vandermeer Motor Co. fell on Monday, and Apple gained."),
        ),
    ]);
    let s = host.snapshot();
    for name in ["Vandermeer", "Apple"] {
        let es: Vec<_> = s
            .entities
            .iter()
            .filter(|e| e.canonical.starts_with(name))
            .collect();
        assert_eq!(es.len(), 1, "{name}: {es:?}");
        assert_eq!(es[0].file_count, 2, "{name}: {es:?}");
    }
}

#[test]
fn an_unknown_name_before_a_lower_case_place_type_is_a_place() {
    let t = "The bus left the road in Orvandu district and fell into the Kessaro \
             river near the border of Tallamek province, police in Brevik county said.";
    for name in ["Orvandu", "Kessaro", "Tallamek", "Brevik"] {
        assert!(has(t, name, Location), "{name}: {:?}", mentions(t));
    }
    // ordinary words before a type word are no names
    let t = "Officials in the Western province and the water district said so.";
    assert!(absent(t, "Western"), "{:?}", mentions(t));
}

#[test]
fn first_level_regions_outside_the_us_are_places() {
    let t = "Fighting spread from Idlib to Helmand, and floods hit Sindh, Kwazulu-Natal, \
             Sichuan and Jalisco, while Ontario and Bavaria sent aid.";
    for name in ["Sindh", "Kwazulu-Natal", "Sichuan", "Jalisco", "Helmand"] {
        assert!(has(t, name, Location), "{name}: {:?}", mentions(t));
    }
    // a place word before a known place makes one name: the lake, not the
    // province named after it
    let t = "The ferry capsized on Lake Tanganyika; climbers left Mount Kenya.";
    for name in ["Lake Tanganyika", "Mount Kenya"] {
        assert!(has(t, name, Location), "{name}: {:?}", mentions(t));
    }
    assert!(!has(t, "Tanganyika", Location), "{:?}", mentions(t));
    // region names that are more often something else stay out
    let t = "Balkan leaders met. Plateau prices rose as Shan Wei said.";
    assert!(absent(t, "Balkan"), "{:?}", mentions(t));
    assert!(!has(t, "Plateau", Location), "{:?}", mentions(t));
}
