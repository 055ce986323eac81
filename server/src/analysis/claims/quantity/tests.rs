use super::*;

fn iv(s: &str) -> (f64, f64, String) {
    let a = parse(s).unwrap_or_else(|| panic!("no amount in {s:?}"));
    (a.interval.lo, a.interval.hi, a.unit)
}

#[test]
fn every_value_form_reads_as_an_interval_with_a_unit() {
    const INF: f64 = f64::INFINITY;
    #[rustfmt::skip]
    let cases: &[(&str, f64, f64, &str)] = &[
        // modifiers
        ("at least 12 people", 12.0, INF, "person"),
        ("more than 50 countries", 50.0, INF, "country"),
        ("nearly 50 countries", 42.5, 50.0, "country"),
        ("about 50 countries", 42.5, 57.5, "country"),
        ("up to 40 tanks", 0.0, 40.0, "tank"),
        ("some 40 countries", 34.0, 46.0, "country"),
        ("fewer than 30 members", 0.0, 30.0, "member"),
        ("40 troops or more", 40.0, INF, "troop"),
        // ranges
        ("40 to 50 people", 40.0, 50.0, "person"),
        ("40-50 people", 40.0, 50.0, "person"),
        ("between 40 and 50 people", 40.0, 50.0, "person"),
        ("$40-50 million", 40e6, 50e6, "USD"),
        // money
        ("$200MM", 150.5e6, 249.5e6, "USD"),
        ("US$334 million", 333.505e6, 334.495e6, "USD"),
        ("5.4bn euros", 5.3505e9, 5.4495e9, "EUR"),
        ("€1.2 billion", 1.1505e9, 1.2495e9, "EUR"),
        ("£3bn", 2.505e9, 3.495e9, "GBP"),
        ("A$5 million", 4.505e6, 5.495e6, "AUD"),
        ("HK$10 billion", 5.05e9, 14.95e9, "HKD"),
        ("2 billion Australian dollars", 1.505e9, 2.495e9, "AUD"),
        ("1.2m euros", 1.1505e6, 1.2495e6, "EUR"),
        ("$12.50", 12.49505, 12.50495, "USD"),
        // counts
        ("1,200 troops", 1150.5, 1249.5, "troop"),
        ("1.2m people", 1.1505e6, 1.2495e6, "person"),
        ("32 countries", 31.505, 32.495, "country"),
        ("twenty-three people", 22.505, 23.495, "person"),
        ("a dozen people", 10.2, 13.8, "person"),
        ("hundreds of people", 200.0, 999.0, "person"),
        ("tens of thousands of people", 2e4, 99_000.0, "person"),
        ("dozens of civilians", 24.0, 99.0, "civilian"),
        ("300-strong unit", 250.5, 349.5, "unit"),
        // percentages
        ("12%", 11.505, 12.495, "%"),
        ("12.5 percent", 12.4505, 12.5495, "%"),
        ("3 per cent", 2.505, 3.495, "%"),
        ("2 percentage points", 1.505, 2.495, "pp"),
    ];
    for (s, lo, hi, unit) in cases {
        let (l, h, u) = iv(s);
        let close = |a: f64, b: f64| (a == b) || ((a - b).abs() <= 1e-6 * b.abs().max(1.0));
        assert!(
            close(l, *lo) && close(h, *hi) && u == *unit,
            "{s}: got {l}..{h} {u}"
        );
    }
}

#[test]
fn per_periods_and_increments() {
    let a = parse("40 billion euros annually").unwrap();
    assert_eq!(
        (a.value, a.unit.as_str(), a.per.as_str()),
        (40e9, "EUR", "annual")
    );
    assert_eq!(parse("$5 a share").unwrap().per, "per share");
    assert_eq!(parse("18.5 points per game").unwrap().per, "per game");
    assert!(parse("another 20 people").unwrap().increment);
    assert_eq!(parse("at least 2%").unwrap().form, Form::AtLeast);
}

#[test]
fn rounding_tolerance_for_bare_round_numbers() {
    let disjoint = |a: &str, b: &str| {
        parse(a)
            .unwrap()
            .interval
            .disjoint(&parse(b).unwrap().interval)
    };
    assert!(disjoint("30 members", "32 members"));
    assert!(disjoint("32 countries", "31 countries"));
    assert!(!disjoint("400 tanks", "420 tanks"));
    assert!(!disjoint("40 billion euros", "42 billion euros"));
    assert!(disjoint("nearly 50 countries", "more than 50 countries"));
    assert!(!disjoint("about 50 countries", "more than 50 countries"));
}

#[test]
fn not_amounts() {
    for s in [
        "12 November",
        "on 12 Nov 2019",
        "2019",
        "5:03pm",
        "Monday",
        "the 1990s",
        "version 1.2.3",
        "Jan 5",
        "at least",
        "hundred",
        "it rose 5",
    ] {
        assert!(parse(s).is_none(), "{s}: {:?}", parse(s));
    }
    assert!(parse(&"9".repeat(400)).is_none());
    assert!(parse(&format!("{} people", "9".repeat(400))).is_none());
    // Vague distances are amounts now ("tens of kilometres").
    assert_eq!(parse("tens of kilometers").unwrap().form, Form::Vague);
}

#[test]
fn reading_a_mention_takes_its_context() {
    // The recogniser's span may leave out the first half of a written
    // number or a currency prefix.
    let t = "Officials said twenty-three people died.";
    let a = t.find("three people").unwrap();
    let f = read(t, a, a + "three people".len()).unwrap();
    assert_eq!(&t[f.start..f.end], "twenty-three people");
    assert_eq!(f.amount.value, 23.0);
    let t = "Acme will pay US$334 million for Beta.";
    let a = t.find("$334 million").unwrap();
    let f = read(t, a, a + 12).unwrap();
    assert_eq!(&t[f.start..f.end], "US$334 million");
    let t = "At least 12 people died.";
    let a = t.find("12 people").unwrap();
    let f = read(t, a, a + 9).unwrap();
    assert_eq!(f.amount.form, Form::AtLeast);
}

#[test]
fn scanning_finds_every_amount() {
    let t = "The blast killed 12 people and injured 30 others; damage reached $5.4bn, up 3% on 12 November.";
    let got: Vec<String> = scan(t, 0, t.len())
        .into_iter()
        .map(|f| t[f.start..f.end].to_string())
        .collect();
    assert_eq!(got, vec!["12 people", "30 others", "$5.4bn", "3%"]);
}

#[test]
fn relations_between_amounts() {
    let r = |a: &str, b: &str| relation(&parse(a).unwrap(), &parse(b).unwrap());
    assert_eq!(r("at least four people", "12 people"), Relation::Compatible);
    assert_eq!(
        r("nearly 50 countries", "about 48 countries"),
        Relation::Same
    );
    assert_eq!(r("32 members", "30 members"), Relation::Conflict);
    assert_eq!(
        r("nearly 50 countries", "more than 50 countries"),
        Relation::Conflict
    );
    assert_eq!(r("dozens of people", "40 people"), Relation::Compatible);
    assert_eq!(r("US$334 million", "$334MM"), Relation::Same);
    assert_eq!(r("40 to 50 people", "45 people"), Relation::Same);
}

#[test]
fn multipliers_of_every_house_style() {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * b.abs().max(1.0);
    #[rustfmt::skip]
    let cases: &[(&str, f64, &str)] = &[
        ("11 lakh people", 1.1e6, "person"),
        ("Around 11 lakh people", 1.1e6, "person"),
        ("2 crore people", 2e7, "person"),
        ("Rs 500 crore", 5e9, "INR"),
        ("11,00,000 people", 1.1e6, "person"),
        ("£60MILLION", 6e7, "GBP"),
        ("£60 MILLION", 6e7, "GBP"),
        ("5.4m customers", 5.4e6, "customer"),
        ("£1.9bn", 1.9e9, "GBP"),
        ("$2.3 trillion", 2.3e12, "USD"),
        ("1.2 billion euros", 1.2e9, "EUR"),
        ("forty-two people", 42.0, "person"),
        ("a dozen people", 12.0, "person"),
        ("two lakh families", 2e5, "family"),
        ("a 45,000-seat stadium", 45e3, "seat"),
        ("the 60,000-capacity venue", 6e4, "seat"),
    ];
    for (s, v, unit) in cases {
        let a = parse(s).unwrap_or_else(|| panic!("no amount in {s:?}"));
        assert!(close(a.value, *v) && a.unit == *unit, "{s}: {a:?}");
    }
    // "11 lakh" and "more than 1.1 million" state the same figure.
    let lakh = parse("11 lakh people").unwrap();
    assert!(lakh.interval.contains(1.1e6));
    // A 400-digit number is no amount, and a two-letter upper-case word
    // is no scale ("5 MN" is Minnesota's five).
    let big = format!("{} people", "9".repeat(400));
    assert!(parse(&big).is_none());
    assert!(scan(&big, 0, big.len()).is_empty());
    assert_eq!(parse("$5 MN").map(|a| a.value), Some(5.0));
}

/// One length, mass, speed or span of hours said in two units is one
/// amount: each is read in the one unit its kind is compared in, with the
/// rounding of the unit written.
#[test]
fn lengths_masses_speeds_and_hours_are_read_in_one_unit_per_kind() {
    let near = |s: &str, lo: f64, hi: f64, unit: &str| {
        let (l, h, u) = iv(s);
        assert_eq!(u, unit, "{s}");
        assert!(
            (l - lo).abs() < 1e-6 * lo.abs().max(1.0),
            "{s}: lo {l} not {lo}"
        );
        assert!(
            (h - hi).abs() < 1e-6 * hi.abs().max(1.0),
            "{s}: hi {h} not {hi}"
        );
    };
    near("4.2 tonnes", 4150.5, 4249.5, "kg");
    near("4,200 kg", 4150.5, 4249.5, "kg");
    near("5 km", 4505.0, 5495.0, "m");
    near("12 metres", 11.505, 12.495, "m");
    near("140 km/h", 135.05, 144.95, "km/h");
    near(
        "90 miles per hour",
        89.505 * 1.609_344,
        90.495 * 1.609_344,
        "km/h",
    );
    near("87 mph", 86.505 * 1.609_344, 87.495 * 1.609_344, "km/h");
    near("48 hours", 47.505, 48.495, "hour");
    near("two days", 1.505 * 24.0, 2.495 * 24.0, "hour");
    near("a 12-metre wave", 11.505, 12.495, "m");
    // A sea mile is no land mile; months and years keep their unit.
    near("100 nautical miles", 50.5 * 1852.0, 149.5 * 1852.0, "m");
    assert_eq!(iv("18 months").2, "month");
}
