use super::*;

fn ymd(y: i32, m: u8, d: u8) -> Ymd {
    Ymd::new(y, m, d).unwrap()
}

fn stated(day: Ymd) -> FileDate {
    FileDate {
        date: Some(PubDate {
            lo: day,
            hi: day,
            confidence: Confidence::High,
            reason: "dateline".into(),
            source: DateSource::Dateline,
            start: 0,
            end: 0,
        }),
        ..FileDate::default()
    }
}

/// A year-less dateline read as `guess` by the lead's weekdays.
fn no_year(guess: Ymd, lead: Vec<u8>) -> FileDate {
    let mut d = stated(guess);
    if let Some(p) = d.date.as_mut() {
        p.confidence = Confidence::Low;
    }
    d.open = Some(OpenDate::NoYear {
        m: guess.m,
        d: guess.d,
        weekday: None,
        lead,
        at: (0, 0),
    });
    d
}

fn file<'a>(
    path: &'a str,
    date: &'a FileDate,
    names: &[u32],
    lead: Option<(EventKind, Vec<u32>)>,
) -> FolderFile<'a> {
    FolderFile {
        path,
        text: "",
        date,
        names: names.to_vec().into(),
        kinds: lead.iter().map(|l| l.0).collect::<Vec<_>>().into(),
        lead: lead.map(|(class, places)| Cow::Owned(LeadEvent { class, places })),
        figures: Vec::new().into(),
        wire_weekdays: Vec::new().into(),
        counts: Vec::new().into(),
    }
}

/// [`file`] telling of events of `kinds` too, stating `figures`.
fn telling<'a>(
    mut f: FolderFile<'a>,
    kinds: &[EventKind],
    figures: &[(f64, &str)],
) -> FolderFile<'a> {
    let own = f.kinds.to_mut();
    own.extend_from_slice(kinds);
    own.sort_unstable();
    own.dedup();
    let mut own: Vec<String> = figures
        .iter()
        .filter_map(|&(v, u)| figure_key(v, u))
        .collect();
    own.sort_unstable();
    f.figures = own.into();
    f
}

/// Places 100 and 200 are apart; anything else may be one place.
fn apart(a: &[u32], b: &[u32]) -> bool {
    a.contains(&100) && b.contains(&200) || a.contains(&200) && b.contains(&100)
}

#[test]
fn a_year_less_dateline_takes_the_year_of_its_story() {
    // 3 February 2020 was a Monday; so was 3 February 2025 (the guess).
    let own = no_year(ymd(2025, 2, 3), vec![0]);
    let peer = stated(ymd(2020, 2, 4));
    let files = [
        file("a.txt", &own, &[1, 2], Some((EventKind::Quake, vec![]))),
        file("b.txt", &peer, &[1, 2, 3], Some((EventKind::Quake, vec![]))),
    ];
    let got = settle(&files, &apart);
    let d = got[0].as_ref().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2020, 2, 3), ymd(2020, 2, 3)));
    assert!(d.reason.contains("b.txt"), "{}", d.reason);
    assert!(got[1].is_none());
}

#[test]
fn a_weekday_that_does_not_fit_settles_nothing() {
    // The lead says Friday; 3 February 2020 was a Monday.
    let own = no_year(ymd(2023, 2, 3), vec![4]);
    let peer = stated(ymd(2020, 2, 4));
    let files = [
        file("a.txt", &own, &[1, 2], None),
        file("b.txt", &peer, &[1, 2], None),
    ];
    assert!(settle(&files, &apart)[0].is_none());
}

#[test]
fn another_story_dates_nothing() {
    let own = no_year(ymd(2025, 2, 3), vec![]);
    let other = stated(ymd(2020, 2, 4));
    // One shared name and no shared kind; then one shared name but the
    // quakes are placed apart.
    let files = [
        file("a.txt", &own, &[1, 5], Some((EventKind::Quake, vec![100]))),
        file("b.txt", &other, &[1, 6], None),
        file(
            "c.txt",
            &other,
            &[1, 5, 7],
            Some((EventKind::Quake, vec![200])),
        ),
    ];
    assert!(settle(&files, &apart)[0].is_none());
}

#[test]
fn a_numeric_first_line_takes_the_reading_near_its_story() {
    let mut own = stated(ymd(2024, 3, 12));
    if let Some(p) = own.date.as_mut() {
        p.hi = ymd(2024, 12, 3);
        p.confidence = Confidence::Low;
    }
    own.open = Some(OpenDate::Order {
        readings: [ymd(2024, 3, 12), ymd(2024, 12, 3)],
    });
    let peer = stated(ymd(2024, 12, 4));
    let files = [
        file("a.txt", &own, &[1, 2], None),
        file("b.txt", &peer, &[1, 2], None),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2024, 12, 3), ymd(2024, 12, 3)));
}

#[test]
fn an_undated_report_is_placed_among_its_story_s() {
    let own = FileDate {
        open: Some(OpenDate::Unstated),
        ..FileDate::default()
    };
    let a = stated(ymd(2024, 1, 23));
    let b = stated(ymd(2024, 1, 24));
    let quake = || Some((EventKind::Quake, vec![]));
    let files = [
        file("d.txt", &own, &[1, 2, 3], quake()),
        file("a.txt", &a, &[1, 2], quake()),
        file("b.txt", &b, &[2, 3], quake()),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2024, 1, 23), ymd(2024, 1, 31)));
    assert_eq!(d.confidence, Confidence::Low);
    assert_eq!(d.source, DateSource::Folder);
    // Peers a month apart tell a running story: nothing is placed.
    let c = stated(ymd(2024, 3, 1));
    let files = [
        file("d.txt", &own, &[1, 2, 3], quake()),
        file("a.txt", &a, &[1, 2], quake()),
        file("c.txt", &c, &[2, 3], quake()),
    ];
    assert!(settle(&files, &apart)[0].is_none());
    // Names of one story without the event: a plan and its outcome.
    let files = [
        file("d.txt", &own, &[1, 2, 3], None),
        file("a.txt", &a, &[1, 2], quake()),
        file("b.txt", &b, &[2, 3], quake()),
    ];
    assert!(settle(&files, &apart)[0].is_none());
}

#[test]
fn a_report_that_tells_of_the_event_and_its_figures_dates_the_year() {
    // A capsizing on another lake "two days after the ferry disaster that
    // killed 44": no name shared with the ferry's reports, its places
    // apart from theirs, but the event and its toll are. 19 September
    // 2021 was a Sunday (the lead's Saturday the day before); 19 September
    // 2026 (the guess) a Saturday.
    let own = no_year(ymd(2026, 9, 19), vec![5]);
    let peer = stated(ymd(2021, 9, 17));
    let crash = |p: u32| Some((EventKind::Crash, vec![p]));
    let files = [
        telling(
            file("e.txt", &own, &[9], crash(100)),
            &[],
            &[(44.0, "person"), (7.0, "")],
        ),
        telling(
            file("c.txt", &peer, &[1, 2], crash(200)),
            &[],
            &[(44.0, ""), (96.0, "")],
        ),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2021, 9, 19), ymd(2021, 9, 19)));
    assert!(d.reason.contains("c.txt"), "{}", d.reason);
    // The same toll in a report of another kind of event, or the same
    // kind without a shared figure: nothing.
    let files = [
        telling(file("e.txt", &own, &[9], crash(100)), &[], &[(44.0, "")]),
        telling(
            file("c.txt", &peer, &[1, 2], Some((EventKind::Fire, vec![]))),
            &[],
            &[(44.0, "")],
        ),
    ];
    assert!(settle(&files, &apart)[0].is_none());
    let files = [
        telling(file("e.txt", &own, &[9], crash(100)), &[], &[(7.0, "")]),
        telling(
            file("c.txt", &peer, &[1, 2], crash(200)),
            &[],
            &[(44.0, "")],
        ),
    ];
    assert!(settle(&files, &apart)[0].is_none());
}

#[test]
fn years_shares_and_small_numbers_are_no_figures_of_an_event() {
    assert!(figure_key(2021.0, "").is_none());
    assert!(figure_key(31.0, "%").is_none());
    assert!(figure_key(3.0, "person").is_none());
    assert_eq!(figure_key(1.5e9, "EUR"), figure_key(1.5e9, "EUR"));
    assert_ne!(figure_key(1.5e9, "EUR"), figure_key(1.5e9, "USD"));
    assert_eq!(figure_key(44.0, "person"), figure_key(44.0, ""));
}

#[test]
fn one_weekday_of_the_lead_that_fits_is_enough() {
    // 13 June 2022 was a Monday; the lead also names the Friday before
    // ("a premium to Friday's close"), which is neither the day nor the
    // one before.
    let mut own = no_year(ymd(2022, 6, 13), vec![0, 4]);
    own.date = None;
    let peer = stated(ymd(2022, 6, 13));
    let files = [
        file("a.txt", &own, &[1, 2], None),
        file("b.txt", &peer, &[1, 2], None),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2022, 6, 13), ymd(2022, 6, 13)));
}

#[test]
fn a_wire_report_without_its_date_is_placed_by_its_weekdays() {
    let own = FileDate {
        open: Some(OpenDate::Unstated),
        ..FileDate::default()
    };
    // Peers of Thursday 23 February 2023; the lead tells of Tuesday and
    // Wednesday: written on Wednesday 22 February (the run nearest them).
    let b = stated(ymd(2023, 2, 23));
    let storm = || Some((EventKind::Storm, vec![]));
    let mut f = file("a.txt", &own, &[1, 2], storm());
    f.wire_weekdays = vec![1, 2].into();
    let files = [f, file("b.txt", &b, &[1, 2], storm())];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2023, 2, 22), ymd(2023, 2, 22)));
    // A Thursday lead: Thursday or Friday.
    let mut f = file("a.txt", &own, &[1, 2], storm());
    f.wire_weekdays = vec![3].into();
    let files = [f, file("b.txt", &b, &[1, 2], storm())];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2023, 2, 23), ymd(2023, 2, 24)));
}

#[test]
fn a_five_year_estimate_does_not_keep_a_page_from_its_story() {
    // "within five years of 2015": the story of October 2024 places it.
    let own = FileDate {
        date: Some(PubDate {
            lo: ymd(2015, 1, 1),
            hi: ymd(2020, 1, 1),
            confidence: Confidence::Low,
            reason: "estimate".into(),
            source: DateSource::Content,
            start: 0,
            end: 0,
        }),
        open: Some(OpenDate::Unstated),
        ..FileDate::default()
    };
    let b = stated(ymd(2024, 10, 6));
    let crash = || Some((EventKind::Crash, vec![]));
    let files = [
        telling(file("e.txt", &own, &[7], crash()), &[], &[(9.0, "")]),
        telling(file("b.txt", &b, &[1, 2], crash()), &[], &[(9.0, "person")]),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2024, 10, 6), ymd(2024, 10, 13)));
}

fn unstated() -> FileDate {
    FileDate {
        open: Some(OpenDate::Unstated),
        ..FileDate::default()
    }
}

#[test]
fn an_undated_page_without_a_lead_event_takes_the_days_of_reports_it_shares_figures_and_a_name_with(
) {
    // A blog's account of a march (no event the reader knows) stating the
    // organisers' 100,000 and the city's 20,000 short-term rentals.
    let own = unstated();
    let (a, b) = (stated(ymd(2024, 3, 16)), stated(ymd(2024, 3, 18)));
    let other = stated(ymd(2024, 3, 9));
    let files = [
        telling(
            file("d.txt", &own, &[1], None),
            &[],
            &[(100_000.0, ""), (20_000.0, "")],
        ),
        telling(file("a.txt", &a, &[1, 2], None), &[], &[(100_000.0, "")]),
        telling(
            file("b.txt", &b, &[3], None),
            &[],
            &[(100_000.0, ""), (20_000.0, "")],
        ),
        // Another march in the city, with other figures.
        telling(file("e.txt", &other, &[1], None), &[], &[(40_000.0, "")]),
    ];
    let got = settle(&files, &apart);
    let d = got[0].as_ref().expect("placed by its story");
    assert_eq!((d.lo, d.hi), (ymd(2024, 3, 16), ymd(2024, 3, 25)));
    assert_eq!(d.confidence, Confidence::Low);
}

#[test]
fn one_shared_figure_or_one_shared_name_alone_places_no_undated_page() {
    let own = unstated();
    let peer = stated(ymd(2024, 3, 16));
    // The city alone; a figure alone.
    for (names, figures) in [
        (&[1u32][..], &[(40_000.0, "")][..]),
        (&[9][..], &[(100_000.0, "")][..]),
    ] {
        let files = [
            telling(file("d.txt", &own, &[1], None), &[], &[(100_000.0, "")]),
            telling(file("a.txt", &peer, names, None), &[], figures),
        ];
        assert!(settle(&files, &apart)[0].is_none(), "{names:?} {figures:?}");
    }
    // A page that leads with an event of its own is left to the rules of
    // its event.
    let files = [
        telling(
            file("d.txt", &own, &[1], Some((EventKind::Fire, vec![]))),
            &[],
            &[(100_000.0, ""), (20_000.0, "")],
        ),
        telling(
            file("a.txt", &peer, &[1], Some((EventKind::Quake, vec![]))),
            &[],
            &[(100_000.0, ""), (20_000.0, "")],
        ),
    ];
    assert!(settle(&files, &apart)[0].is_none());
}

fn looking_back(days: &[(Option<i32>, u8, u8)], after_news: bool) -> FileDate {
    FileDate {
        open: Some(OpenDate::Unstated),
        looks_back: Some(LookBack {
            days: days.to_vec(),
            after_news,
            ..LookBack::default()
        }),
        ..FileDate::default()
    }
}

#[test]
fn a_running_story_places_an_undated_page_by_the_burst_of_reports_of_its_event() {
    // Three reports of a fire within two days, a follow-up a month on: the
    // page retells the fire.
    let own = unstated();
    let (a, b, c) = (
        stated(ymd(2025, 10, 14)),
        stated(ymd(2025, 10, 15)),
        stated(ymd(2025, 10, 15)),
    );
    let later = stated(ymd(2025, 11, 20));
    let fire = || Some((EventKind::Fire, vec![]));
    let files = [
        file("f.txt", &own, &[1, 2], fire()),
        file("a.txt", &a, &[1, 2], fire()),
        file("b.txt", &b, &[1, 2], fire()),
        file("c.txt", &c, &[1, 2], fire()),
        file("e.txt", &later, &[1, 2], fire()),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2025, 10, 14), ymd(2025, 10, 22)));
    // Near miss: two bursts as big, nothing tells which the page retells.
    let d2 = stated(ymd(2025, 11, 21));
    let files = [
        file("f.txt", &own, &[1, 2], fire()),
        file("a.txt", &a, &[1, 2], fire()),
        file("b.txt", &b, &[1, 2], fire()),
        file("e.txt", &later, &[1, 2], fire()),
        file("g.txt", &d2, &[1, 2], fire()),
    ];
    assert!(settle(&files, &apart)[0].is_none());
}

#[test]
fn an_undated_page_is_written_on_or_after_the_latest_day_it_tells_of() {
    // "On 14 October a fire broke out ... inspectors began on 15 October",
    // no year: the story's year; the 1998 founding is background.
    let own = looking_back(&[(None, 10, 14), (None, 10, 15), (Some(1998), 1, 1)], false);
    let a = stated(ymd(2025, 10, 14));
    let fire = || Some((EventKind::Fire, vec![]));
    let files = [
        file("i.txt", &own, &[1, 2], fire()),
        file("a.txt", &a, &[1, 2], fire()),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    // (Within a week of that day, as of the reports'.)
    assert_eq!((d.lo, d.hi), (ymd(2025, 10, 15), ymd(2025, 10, 22)));
    assert!(d.reason.contains("15 October 2025"), "{}", d.reason);
    // A day weeks after the reports (the site reopened) moves the page
    // after it.
    let own = looking_back(&[(None, 10, 14), (None, 11, 4)], false);
    let files = [
        file("i.txt", &own, &[1, 2], fire()),
        file("a.txt", &a, &[1, 2], fire()),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2025, 11, 4), ymd(2025, 11, 11)));
    // Near miss: a page that puts ahead a year the reports are past is of
    // an earlier story of the same names.
    let mut own = looking_back(&[(None, 10, 14)], false);
    if let Some(b) = own.looks_back.as_mut() {
        b.ahead = Some(ymd(2024, 12, 31));
    }
    let files = [
        file("i.txt", &own, &[1, 2], fire()),
        file("a.txt", &a, &[1, 2], fire()),
    ];
    assert!(settle(&files, &apart)[0].is_none());
}

#[test]
fn a_page_that_tells_its_news_as_days_past_is_written_after_a_report_of_that_day() {
    let own = looking_back(&[], true);
    let a = stated(ymd(2025, 6, 10)); // a Tuesday
    let quits = || Some((EventKind::Dismissal, vec![]));
    let mut tells_own_day = file("a.txt", &a, &[1, 2], quits());
    tells_own_day.text =
        "Mayor resigns\n\nKISUMU, June 10, 2025 - The mayor announced his resignation on Tuesday.";
    let files = [file("e.txt", &own, &[1, 2], quits()), tells_own_day];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!(d.lo, ymd(2025, 6, 11));
    // Near miss: the report tells of the day before its own ("on
    // Monday"): the page may be written on the report's day.
    let mut day_before = file("a.txt", &a, &[1, 2], quits());
    day_before.text = "Mayor resigns\n\nKISUMU, June 10, 2025 - The mayor resigned on Monday.";
    let files = [file("e.txt", &own, &[1, 2], quits()), day_before];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!(d.lo, ymd(2025, 6, 10));
}

#[test]
fn an_undated_page_that_names_no_event_of_the_kind_joins_its_story_by_the_weekday_it_tells() {
    // "The dam gave way early on Tuesday" in an explainer whose lead the
    // readers find no event of the reports' kind in; the reports' leads
    // share two of its names. 10 March 2026 was a Tuesday.
    let mut own = looking_back(&[], false);
    if let Some(b) = own.looks_back.as_mut() {
        b.weekdays = vec![1];
    }
    let a = stated(ymd(2026, 3, 10));
    let b = stated(ymd(2026, 3, 11));
    let crash = || Some((EventKind::Crash, vec![]));
    let files = [
        file("d.txt", &own, &[1, 2, 3], None),
        file("a.txt", &a, &[1, 2], crash()),
        file("b.txt", &b, &[2, 3], crash()),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2026, 3, 10), ymd(2026, 3, 18)));
    // Near misses: a weekday that is neither a report's day nor the one
    // before (a Friday), or one name shared only: the plan and its
    // outcome months later share names, not the day.
    let mut friday = looking_back(&[], false);
    if let Some(b) = friday.looks_back.as_mut() {
        b.weekdays = vec![4];
    }
    let files = [
        file("d.txt", &friday, &[1, 2, 3], None),
        file("a.txt", &a, &[1, 2], crash()),
        file("b.txt", &b, &[2, 3], crash()),
    ];
    assert!(settle(&files, &apart)[0].is_none());
    let files = [
        file("d.txt", &own, &[1, 9], None),
        file("a.txt", &a, &[1, 2], crash()),
        file("b.txt", &b, &[2, 3], crash()),
    ];
    assert!(settle(&files, &apart)[0].is_none());
    // News told as days past ("Yesterday the promoter apologised") with
    // two names shared joins too.
    let yesterday = looking_back(&[], true);
    let files = [
        file("d.txt", &yesterday, &[1, 2, 3], None),
        file("a.txt", &a, &[1, 2], crash()),
    ];
    assert!(settle(&files, &apart)[0].is_some());
}

#[test]
fn an_undated_page_is_written_before_the_earliest_day_it_puts_ahead() {
    // Reports of 7 and 8 May 2026; the page's results "on 20 May" are
    // still to come and its "hearing on 12 May" too: written by then,
    // the year taken from the reports.
    let mut own = looking_back(&[], false);
    if let Some(b) = own.looks_back.as_mut() {
        b.ahead_days = vec![(5, 20), (5, 12)];
    }
    let a = stated(ymd(2026, 5, 7));
    let b = stated(ymd(2026, 5, 8));
    let quits = || Some((EventKind::Dismissal, vec![]));
    let files = [
        file("d.txt", &own, &[1, 2], quits()),
        file("a.txt", &a, &[1, 2], quits()),
        file("b.txt", &b, &[1, 2], quits()),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2026, 5, 7), ymd(2026, 5, 12)));
    assert!(d.reason.contains("puts ahead"), "{}", d.reason);
    // Near miss: a day ahead beyond the week after the reports leaves
    // that week.
    if let Some(b) = own.looks_back.as_mut() {
        b.ahead_days = vec![(6, 11)];
    }
    let files = [
        file("d.txt", &own, &[1, 2], quits()),
        file("a.txt", &a, &[1, 2], quits()),
        file("b.txt", &b, &[1, 2], quits()),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2026, 5, 7), ymd(2026, 5, 15)));
    // Near miss: a preview that puts the first report's day ahead ("the
    // board meets on 7 May") is of the days before the story's reports.
    if let Some(b) = own.looks_back.as_mut() {
        b.ahead_days = vec![(5, 7)];
    }
    let files = [
        file("d.txt", &own, &[1, 2], quits()),
        file("a.txt", &a, &[1, 2], quits()),
        file("b.txt", &b, &[1, 2], quits()),
    ];
    assert!(settle(&files, &apart)[0].is_none());
}

#[test]
fn a_running_story_without_a_main_burst_places_a_page_by_the_weekday_it_tells() {
    // Two reports of a dam burst on Tuesday 10 March 2026 and the day
    // after, two of the inquiry three weeks on: no run holds two thirds.
    // The page tells its news "on Tuesday": the first run.
    let mut own = unstated();
    own.looks_back = Some(LookBack {
        weekdays: vec![1],
        ..LookBack::default()
    });
    let (a, b) = (stated(ymd(2026, 3, 10)), stated(ymd(2026, 3, 11)));
    let (c, e) = (stated(ymd(2026, 4, 2)), stated(ymd(2026, 4, 3)));
    let crash = || Some((EventKind::Crash, vec![]));
    let files = [
        file("f.txt", &own, &[1, 2], crash()),
        file("a.txt", &a, &[1, 2], crash()),
        file("b.txt", &b, &[1, 2], crash()),
        file("c.txt", &c, &[1, 2], crash()),
        file("e.txt", &e, &[1, 2], crash()),
    ];
    let d = settle(&files, &apart)[0].clone().expect("settled");
    assert_eq!((d.lo, d.hi), (ymd(2026, 3, 10), ymd(2026, 3, 18)));
    // Near miss: without a weekday nothing tells which run.
    let none = unstated();
    let files = [
        file("f.txt", &none, &[1, 2], crash()),
        file("a.txt", &a, &[1, 2], crash()),
        file("b.txt", &b, &[1, 2], crash()),
        file("c.txt", &c, &[1, 2], crash()),
        file("e.txt", &e, &[1, 2], crash()),
    ];
    assert!(settle(&files, &apart)[0].is_none());
}

#[test]
fn an_undated_page_that_counts_days_since_its_news_is_written_after_them() {
    // Reports of 24 and 25 November; the page went "on the third day
    // after the typhoon": not before 26 November.
    let mut own = unstated();
    own.looks_back = Some(LookBack {
        days_since: 3,
        ..LookBack::default()
    });
    let (a, b) = (stated(ymd(2018, 11, 24)), stated(ymd(2018, 11, 25)));
    let storm = || Some((EventKind::Storm, vec![]));
    let files = [
        file("f.txt", &own, &[1, 2], storm()),
        file("a.txt", &a, &[1, 2], storm()),
        file("b.txt", &b, &[1, 2], storm()),
    ];
    let d = settle(&files, &apart)[0]
        .clone()
        .expect("placed by its story");
    assert_eq!(d.lo, ymd(2018, 11, 26), "{d:?}");
}
