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
        names: names.to_vec(),
        lead: lead.map(|(class, places)| LeadEvent { class, places }),
    }
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
