use super::*;

#[test]
fn dated_report_takes_year_from_earlier_dates() {
    let t = "NATO has taken on the coordination of aid instead of the United States. This was reported by Reuters on December 17, citing its own source. This format has been discussed since February 2024 and Trump will take office in January 2025.";
    let doc = crate::analysis::analyze_document(t);
    let d = infer(t, &doc);
    let p = d.date.clone().unwrap_or_else(|| {
        panic!(
            "{d:?} {:?}",
            doc.mentions.iter().map(|m| m.text(t)).collect::<Vec<_>>()
        )
    });
    assert_eq!(p.lo, Ymd::new(2024, 12, 17).unwrap());
    assert_eq!(p.confidence, Confidence::Medium);
    assert!(p.reason.contains("February 2024"), "{}", p.reason);
}

#[test]
fn undated_text_is_bounded_by_past_and_future_dates() {
    let t =
        "At the end of 2022, they set up a unit in Wiesbaden. Trump may return from January 2025.";
    let doc = crate::analysis::analyze_document(t);
    let p = infer(t, &doc).date.unwrap();
    assert_eq!(p.confidence, Confidence::Low);
    // After the start of the end of 2022 (its last third: a unit set up
    // in September 2022 fits it), by the end of January 2025 (a page
    // written in early January can say "from January").
    assert_eq!(
        (p.lo, p.hi),
        (
            Ymd::new(2022, 9, 1).unwrap(),
            Ymd::new(2025, 1, 31).unwrap()
        )
    );
}

#[test]
fn time_zones_and_filing_places_tell_the_order_of_numeric_dates() {
    let ymd = |y, m, d| Ymd::new(y, m, d).unwrap();
    for (t, want) in [
        (
            "WIREDESK | 09/03/2019 07:30 PM ET\n\nA company bought another one on Tuesday.",
            ymd(2019, 9, 3),
        ),
        (
            "08/02/2019 11:45 AM PDT\n\nThe console will go on sale in November.",
            ymd(2019, 8, 2),
        ),
        (
            "The Courier, Adelaide — 08/11/2021\n\nThe grocer was sold to a rival on Monday.",
            ymd(2021, 11, 8),
        ),
        (
            "La Paz, 12/06/2019 (EFE).-\n\nA plane crashed on Wednesday, officials said.",
            ymd(2019, 6, 12),
        ),
        (
            "04/02/2024 09:10 GMT\n\nThe talks ended without a deal.",
            ymd(2024, 2, 4),
        ),
        // A French label: day first, whatever weekday the story's own
        // (disputed) account of the event names.
        (
            "Publié le 10/06/2016 à 06:30\n\nHuy welcomed the race on Wednesday, and a crowd lined the quays.",
            ymd(2016, 6, 10),
        ),
    ] {
        let doc = crate::analysis::analyze_document(t);
        let d = infer(t, &doc);
        let p = d.date.unwrap_or_else(|| panic!("{t}"));
        assert_eq!((p.lo, p.hi), (want, want), "{t}: {}", p.reason);
        assert!(d.ambiguities.is_empty(), "{t}");
    }
    // A headline naming a country says what the story is about, not
    // where it was written: the date stays ambiguous.
    let t = "Allies may start coordinating arms supplies to Ukraine instead of the Pentagon 04/02/2024, 23:30\n\nThe plan was proposed.";
    let doc = crate::analysis::analyze_document(t);
    let d = infer(t, &doc);
    assert_eq!(d.ambiguities.len(), 1);
    assert_eq!(d.date.unwrap().confidence, Confidence::Low);
}

#[test]
fn an_undated_page_places_a_weekday_dated_day_after_the_years_it_names() {
    let t = "How to help\n\nSince the Birch Fire started on Monday 12 November, the town has been full of smoke. Crews expect containment by November 30. It is the worst fire here since the Hollow Fire in 2017.";
    let doc = crate::analysis::analyze_document(t);
    let p = infer(t, &doc).date.unwrap();
    assert_eq!(p.confidence, Confidence::Low);
    assert_eq!(
        (p.lo, p.hi),
        (
            Ymd::new(2018, 11, 12).unwrap(),
            Ymd::new(2018, 11, 30).unwrap()
        ),
        "{}",
        p.reason
    );
}

#[test]
fn ambiguous_dateline_is_low_confidence() {
    let t = "NATO may start 04/02/2024, 23:30\n\nNATO Secretary General Jens Stoltenberg will propose a plan.";
    let doc = crate::analysis::analyze_document(t);
    let d = infer(t, &doc);
    let p = d.date.unwrap();
    assert_eq!(p.confidence, Confidence::Low);
    assert_eq!(d.ambiguities.len(), 1);
    let t2 = "Published 04/02/2024, 23:30\n\nThe talks on 25/03/2024 failed.";
    let doc2 = crate::analysis::analyze_document(t2);
    let d2 = infer(t2, &doc2);
    assert!(d2.ambiguities.is_empty());
    assert_eq!(d2.date.unwrap().lo, Ymd::new(2024, 2, 4).unwrap());
}

#[test]
fn press_release_agency_and_foreign_datelines_date_the_page() {
    for (t, y, m, d) in [
        (
            "Acme names a finance chief\n\nBOSTON, Oct. 3, 2022 /PRNewswire/ -- Acme Robotics Inc. today announced that it has appointed Jane Miller as chief financial officer.\n",
            2022, 10, 3,
        ),
        (
            "Strike ends\n\nHAMBURG, 12.05.2021 (dpa) - Port workers in Hamburg ended their strike on Tuesday after the union reached a deal with employers.\n",
            2021, 5, 12,
        ),
        (
            "Greve no porto\n\nLISBOA, 3 de março de 2023 (Lusa) - Dock workers in Lisbon went on strike on Friday, the union said.\n",
            2023, 3, 3,
        ),
        (
            "Grève\n\nMARSEILLE, 14 juin 2022 (AFP) - Dockers in Marseille began a strike on Monday, the CGT union said.\n",
            2022, 6, 14,
        ),
        (
            "Senate vote\n\nWASHINGTON, D.C. (April 2, 2019) -- The Senate voted on Monday to approve the bill.\n",
            2019, 4, 2,
        ),
        (
            "Results\n\nLONDON--(BUSINESS WIRE)--Feb. 14, 2020-- Acme plc today announced results for the year.\n",
            2020, 2, 14,
        ),
    ] {
        let doc = crate::analysis::analyze_document(t);
        let p = infer(t, &doc).date.unwrap_or_else(|| panic!("no date: {t}"));
        assert_eq!((p.lo, p.hi), {
            let day = Ymd::new(y, m, d).unwrap();
            (day, day)
        }, "{t}: {}", p.reason);
        assert_eq!(p.confidence, Confidence::High, "{t}: {}", p.reason);
    }
    // A capitalised place and a date opening a paragraph, without
    // capitals or an agency, is a dateline only with a whole date, and a
    // weaker one; with a day alone it is none.
    let t = "Paris, le 5 avril 2022 - The French ministry said on Monday it would act.\n";
    let doc = crate::analysis::analyze_document(t);
    assert!(infer(t, &doc)
        .date
        .is_none_or(|p| p.confidence < Confidence::High));
    let t = "Ministry warns\n\nBelgrade, 12 March 2026 - Nine people are now confirmed dead, the ministry said on Thursday.\n";
    let doc = crate::analysis::analyze_document(t);
    let p = infer(t, &doc).date.expect("dated");
    assert_eq!(
        (p.lo, p.hi),
        (
            Ymd::new(2026, 3, 12).unwrap(),
            Ymd::new(2026, 3, 12).unwrap()
        )
    );
    assert_eq!(p.confidence, Confidence::Medium, "{}", p.reason);
    let t = "Ministry warns\n\nBelgrade, 12 March - Nine people are now confirmed dead, the ministry said on Thursday.\n";
    let doc = crate::analysis::analyze_document(t);
    assert!(infer(t, &doc)
        .date
        .is_none_or(|p| p.confidence == Confidence::Low));
}

#[test]
fn a_fact_box_line_tells_of_a_day_it_does_not_stamp_the_page() {
    // A summary box opening a page: the day of the landfall, after "of".
    let t = "Storm Halvar: the facts\n\n* Landfall: near Bodo, on the morning of March 3.\n* Deaths: nine.\n\nThe storm knocked out power to 40,000 homes.";
    let doc = crate::analysis::analyze_document(t);
    let d = infer(t, &doc);
    assert!(
        !d.date.as_ref().is_some_and(|p| p.lo.m == 3 && p.lo.d == 3),
        "{d:?}"
    );
    assert!(
        !matches!(d.open, Some(OpenDate::NoYear { .. })),
        "{:?}",
        d.open
    );
}

#[test]
fn a_wire_dateline_with_a_short_foreign_month_is_read() {
    // 10 January 2023 was a Tuesday.
    let t = "SANTIAGO, 10 ene (EFE) - Chile's president swore in a new finance minister on Tuesday, the government said.";
    let doc = crate::analysis::analyze_document(t);
    let d = infer(t, &doc);
    match (&d.date, &d.open) {
        (Some(p), _) => assert_eq!((p.lo.m, p.lo.d), (1, 10), "{d:?}"),
        (None, Some(OpenDate::NoYear { m, d: day, .. })) => assert_eq!((*m, *day), (1, 10)),
        _ => panic!("{d:?}"),
    }
}

#[test]
fn a_full_date_alone_at_the_foot_dates_the_page_before_a_forecast_s_year() {
    let ymd = |y, m, d| Ymd::new(y, m, d).unwrap();
    for (t, want) in [
        (
            "KNF chief: merger will be examined\n\nWARSAW, March 6 (PAP) - The regulator will examine the planned merger carefully, its chairman said on Wednesday.\n\nAnalysts expect the merged bank to resume paying dividends from 2026.\n\nPAP Biznes\n\nWednesday, 6 March 2024\n",
            ymd(2024, 3, 6),
        ),
        (
            "Heat wave: man found dead\n\nA 79-year-old man was found dead in his apartment on Wednesday.\n\nThe agency expects the heat to ease from Sunday.\n\nJuly 25, 2018 (Mainichi Japan)\n",
            ymd(2018, 7, 25),
        ),
    ] {
        let doc = crate::analysis::analyze_document(t);
        let p = infer(t, &doc).date.unwrap_or_else(|| panic!("{t}"));
        assert_eq!((p.lo, p.hi), (want, want), "{t}: {}", p.reason);
    }
    // A date the last line ties to an event is no stamp.
    let t = "The court adjourned the case.\n\nNext hearing on 12 May 2024\n";
    let doc = crate::analysis::analyze_document(t);
    let d = infer(t, &doc);
    assert!(
        d.date
            .as_ref()
            .is_none_or(|p| p.lo != p.hi || p.lo != ymd(2024, 5, 12)),
        "{d:?}"
    );
}
