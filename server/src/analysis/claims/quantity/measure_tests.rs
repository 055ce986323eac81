use super::*;

fn m(sentence: &str, amount: &str) -> Measure {
    let at = sentence.find(amount).unwrap_or_else(|| panic!("{amount}"));
    let f = super::super::read(sentence, at, at + amount.len())
        .unwrap_or_else(|| panic!("no amount in {amount:?}"));
    identify(&MeasureInput {
        text: sentence,
        clause: (0, sentence.len()),
        span: (f.start, f.end),
        amount: &f.amount,
    })
}

#[test]
fn measures_read_from_their_cue_words() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str, &str)] = &[
        ("The attack killed at least 12 people.", "12 people", "killed", "person"),
        ("12 people were injured in the blast.", "12 people", "injured", "person"),
        ("The blast killed 12 people and injured 30 others.", "30 others", "injured", "person"),
        ("The quake left 12 dead.", "12 dead", "killed", ""),
        ("Rescuers said 40 people are missing.", "40 people", "missing", "person"),
        ("NATO has 32 countries.", "32 countries", "country", "country"),
        ("The company paid $500 million for the startup.", "$500 million", "price", "USD"),
        ("Revenue rose to $2.1 billion.", "$2.1 billion", "revenue", "USD"),
        ("Germany pledged €1.2 billion in military aid.", "€1.2 billion", "military aid", "EUR"),
        ("The city has a population of 3 million people.", "3 million people", "population", "person"),
        ("She averaged 18.5 points this season.", "18.5 points", "points", "point"),
        ("Three people were killed and 23 injured in the crash.", "23", "injured", ""),
        ("The final drew a crowd of 41,000 people.", "41,000 people", "attendance", "person"),
        ("At least three people died and 41 were injured.", "41", "injured", ""),
    ];
    for (s, amount, what, unit) in cases {
        let got = m(s, amount);
        assert_eq!(
            (got.what.as_str(), got.unit.as_str()),
            (*what, *unit),
            "{s}: {got:?}"
        );
    }
}

#[test]
fn different_measures_are_never_the_same() {
    let pairs = [
        // part vs whole
        (
            (
                "Acme bought Beta for $500 million in cash and stock.",
                "$500 million",
            ),
            ("Acme bought Beta for $420 million in cash.", "$420 million"),
        ),
        // average vs total
        (
            ("Jones averaged 18.5 points a game.", "18.5 points"),
            ("Jones finished with 24 points.", "24 points"),
        ),
        // per-unit vs total price
        (
            ("The offer values Beta at $12.50 a share.", "$12.50"),
            ("The deal is worth $500 million.", "$500 million"),
        ),
        // partial vs final
        (
            ("The death toll so far is 40 people.", "40 people"),
            ("The final death toll was 52 people.", "52 people"),
        ),
        // change vs level
        (
            ("Sales rose 5% in March.", "5%"),
            ("Sales rose to 5% of the market.", "5%"),
        ),
        // a quarter's loss vs the year's
        (
            (
                "GM reported a loss of $381 million in the first quarter.",
                "$381 million",
            ),
            (
                "GM posted a total loss of $8.6 billion for the entire year.",
                "$8.6 billion",
            ),
        ),
        // the start and the end of a change
        (
            (
                "GM is reducing its debt from $27.5 billion to $9.2 billion.",
                "$27.5 billion",
            ),
            (
                "GM is reducing its debt from $27.5 billion to $9.2 billion.",
                "$9.2 billion",
            ),
        ),
        // military vs humanitarian aid
        (
            (
                "Berlin pledged €1.2 billion in military aid.",
                "€1.2 billion",
            ),
            (
                "Berlin pledged €1.5 billion in humanitarian aid.",
                "€1.5 billion",
            ),
        ),
        // killed vs injured
        (
            ("The blast killed 12 people.", "12 people"),
            ("The blast injured 12 people.", "12 people"),
        ),
        // increment vs total
        (
            ("Another 20 people were killed on Tuesday.", "20 people"),
            ("The attacks killed 80 people.", "80 people"),
        ),
        // money without a cue: nothing to compare
        (
            ("Acme has $5 billion.", "$5 billion"),
            ("Acme has $7 billion.", "$7 billion"),
        ),
    ];
    for ((s1, a1), (s2, a2)) in pairs {
        let (x, y) = (m(s1, a1), m(s2, a2));
        assert!(!same_measure(&x, &y), "{s1} / {s2}: {x:?} {y:?}");
    }
}

#[test]
fn a_cue_names_a_measure_only_of_its_own_kind_of_unit() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str)] = &[
        // money cues never measure people, stores or percentages
        ("Under the deal, the roughly 4,200 workers will get more.", "4,200 workers", "worker"),
        ("The company agreed to buy the chain and its 212 stores.", "212 stores", "store"),
        ("Calder, which made a profit last year, employs 11,200 staff.", "11,200 staff", ""),
        // a pay rise in any wording is one measure
        ("Operators agreed to give dockworkers a 9.5% pay rise.", "9.5%", "pay"),
        ("Workers will get a wage increase of 7.5 percent.", "7.5 percent", "pay"),
        ("The deal gives workers 7.5% more pay over two years.", "7.5%", "pay"),
        // central bank rates, and the rates that are not theirs
        ("The bank cut its main interest rate by 50 basis points to 5.25%.", "50 basis points", "interest rate"),
        ("The bank cut its main interest rate by 50 basis points to 5.25%.", "5.25%", "interest rate"),
        ("The council reduced the reference rate by 25bp to 5.50%.", "5.50%", "interest rate"),
        ("The deposit rate was cut to 4.75%.", "4.75%", "deposit rate"),
        // casualties are people, never kilometres
        ("Winds killed crops at up to 150 km per hour.", "150 km", "km/h"),
        // a contract's value is what is paid under it
        ("Ministers approved contracts worth €48 million.", "€48 million", "price"),
        ("The ministry handed €84 million in contracts to the firm.", "€84 million", "price"),
        ("Kenya will pay the builder Sh47.4 billion.", "Sh47.4 billion", "price"),
    ];
    for (s, amount, what) in cases {
        let got = m(s, amount);
        let expect = if what.is_empty() {
            got.unit.clone()
        } else {
            what.to_string()
        };
        assert_eq!(got.what, expect, "{s}: {got:?}");
    }
    let (a, b) = (
        m(
            "The bank cut its main interest rate by 50 basis points to 5.25%.",
            "50 basis points",
        ),
        m(
            "The bank cut its main interest rate by 50 basis points to 5.25%.",
            "5.25%",
        ),
    );
    assert_eq!((a.basis, b.basis), (Basis::Change, Basis::Total));
    let (r, w) = (
        m(
            "Operators agreed to give dockworkers a 9.5% pay rise.",
            "9.5%",
        ),
        m(
            "Workers will get a wage increase of 7.5 percent.",
            "7.5 percent",
        ),
    );
    assert!(same_measure(&r, &w), "{r:?} {w:?}");
    assert_eq!(
        m(
            "Kenya will pay the builder Sh47.4 billion.",
            "Sh47.4 billion"
        )
        .unit,
        "KES"
    );
}

#[test]
fn restatements_are_the_same_measure() {
    let pairs = [
        (
            ("The attack killed at least four people.", "four people"),
            ("The attack killed 12 people.", "12 people"),
        ),
        (
            ("Twelve people were killed in the attack.", "Twelve people"),
            ("The attack left 12 dead.", "12 dead"),
        ),
        (
            ("Acme will pay US$334 million for Beta.", "US$334 million"),
            ("Acme agreed to buy Beta for $334MM.", "$334MM"),
        ),
        (
            ("NATO has 32 member countries.", "32 member countries"),
            ("The alliance now counts 31 countries.", "31 countries"),
        ),
    ];
    for ((s1, a1), (s2, a2)) in pairs {
        let (x, y) = (m(s1, a1), m(s2, a2));
        assert!(same_measure(&x, &y), "{s1} / {s2}: {x:?} {y:?}");
    }
}

#[test]
fn damages_are_a_measure_of_their_own_whatever_verb_pays_them() {
    for (s, amount) in [
        (
            "The company was also ordered to pay €1.2 million in damages to fishermen.",
            "€1.2 million",
        ),
        (
            "The court ordered the company to pay damages of 1.2 million euros.",
            "1.2 million euros",
        ),
    ] {
        assert_eq!(m(s, amount).what, "damages", "{s}");
    }
    assert_eq!(
        m("The court fined the company €300,000.", "€300,000").what,
        "fine"
    );
}

#[test]
fn a_cash_part_paid_in_the_passive_is_a_part() {
    let got = m(
        "Around US$900m will be paid in cash, with the rest in shares.",
        "US$900m",
    );
    assert_eq!(got.part.as_deref(), Some("cash"), "{got:?}");
    let whole = m("Acme agreed to buy Beta for $1.4 billion.", "$1.4 billion");
    assert_eq!(whole.part, None);
}

#[test]
fn money_raised_in_a_round_is_a_sum() {
    let raised = m(
        "Lumio Grid has raised €60 million in a Series B round.",
        "€60 million",
    );
    assert_eq!(
        (raised.what.as_str(), raised.basis),
        ("investment", Basis::Total)
    );
    let closed = m(
        "Lumio Grid has closed a financing round of 60 million euros.",
        "60 million euros",
    );
    assert_eq!(
        (closed.what.as_str(), closed.basis),
        ("investment", Basis::Total)
    );
    assert!(same_measure(&raised, &closed));
    // A round of talks is no money.
    assert_eq!(
        m("The second round of talks cost €2 million.", "€2 million").what,
        "cost"
    );
}

#[test]
fn a_group_of_people_is_a_part_of_all_people_harmed() {
    use super::people_part;
    assert_eq!(people_part("passenger", "person"), Some(true));
    assert_eq!(people_part("", "woman"), Some(false));
    // Two groups say nothing of each other; nor do things that are no people.
    assert_eq!(people_part("passenger", "woman"), None);
    assert_eq!(people_part("vehicle", "person"), None);
}

#[test]
fn a_total_run_up_since_a_month_or_year_is_another_measure_than_one_event_s() {
    let cumulative = [
        ("Meanwhile, 168 people had died in rain-related disasters across the country since mid-June.", "168 people"),
        ("The ministry said 2,400 people have been killed in road accidents since January.", "2,400 people"),
        ("Donors have pledged $4 billion since the start of the war.", "$4 billion"),
        ("At least 90 people have drowned so far this year.", "90 people"),
    ];
    for (s, amount) in cumulative {
        assert_eq!(m(s, amount).per, "cumulative", "{s}");
    }
    // One event's toll, dated by the event or set against a record.
    let one_event = [
        (
            "The death toll from Friday's landslide has risen to 12 people since Friday.",
            "12 people",
        ),
        (
            "The blast killed 40 people, the deadliest attack since 2011.",
            "40 people",
        ),
        (
            "The government handed Rs 1 million each to the families of the 12 people killed.",
            "12 people",
        ),
    ];
    for (s, amount) in one_event {
        assert_eq!(m(s, amount).per, "", "{s}");
    }
}

#[test]
fn a_stake_held_since_a_year_is_one_stake() {
    let s =
        "Norvik Holdings, which has held 23 per cent of Calder Mining since 2019, launched a bid.";
    assert_eq!(m(s, "23 per cent").per, "");
}
