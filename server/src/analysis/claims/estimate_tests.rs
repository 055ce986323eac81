use crate::analysis::claims::dates::{Confidence, Ymd};
use crate::analysis::claims::meta::infer;

fn estimate_of(t: &str) -> crate::analysis::claims::dates::PubDate {
    let doc = crate::analysis::analyze_document(t);
    infer(t, &doc).date.expect("an estimate")
}

#[test]
fn a_year_looked_back_to_never_dates_a_page_that_tells_its_news_by_deixis() {
    // The news is yesterday's march; 2015 is how far back rents are
    // measured, and "25 April" is no April of 2015.
    for t in [
        "Why we marched\n\nThe sun came out for us yesterday. Thousands of us walked to parliament.\n\nRents in the city have risen 94% since 2015.\n\nWe will be back on the streets on 25 April.",
        "A letter from the strike committee\n\nOn Tuesday the dockers stopped work at dawn.\n\nWages at the port have not kept pace with prices since 2019, the committee said.",
    ] {
        let p = estimate_of(t);
        assert_eq!(p.confidence, Confidence::Low);
        // After the year, up to today: not within five years of it.
        assert!(p.lo.y >= 2015, "{t}: {p:?}");
        assert_eq!(p.hi, crate::analysis::claims::meta::today(), "{t}: {p:?}");
        assert!(p.reason.contains("looks back to"), "{}", p.reason);
    }
}

#[test]
fn a_day_told_with_its_deixis_still_dates_the_page_near_it() {
    // Near miss: the deixis is on the line of the day it dates.
    let t = "Council vote\n\nThe council voted on March 7, 2024, and the mayor said on Thursday that the library would close.\n\nThe library opened in 1998.";
    let p = estimate_of(t);
    assert_eq!(p.lo, Ymd::new(2024, 3, 7).unwrap());
    assert!(p.hi <= Ymd::new(2024, 4, 7).unwrap(), "{p:?}");
}

#[test]
fn a_page_that_only_looks_ahead_keeps_the_five_years() {
    // "next week" tells nothing of the news being recent: the page is
    // within five years of its latest past year, never after today.
    let t =
        "Plans\n\nThe bridge was finished in 2012.\n\nThe mayor will open the new wing next week.";
    let p = estimate_of(t);
    assert_eq!(p.lo, Ymd::new(2012, 1, 1).unwrap());
    assert!(p.hi <= Ymd::new(2017, 1, 2).unwrap(), "{p:?}");
    assert!(!p.reason.contains("looks back to"), "{}", p.reason);
}

#[test]
fn an_undated_page_keeps_the_days_it_looks_back_to_for_the_folder() {
    let t = "Update from the company\n\nOn 14 October a fire broke out at our site. The inspectors began their work on 15 October.\n\nWe have run the plant since 1998, and we will reopen on 1 December.";
    let doc = crate::analysis::analyze_document(t);
    let b = infer(t, &doc).looks_back.expect("kept for an undated page");
    assert!(b.days.contains(&(None, 10, 14)), "{b:?}");
    assert!(b.days.contains(&(None, 10, 15)), "{b:?}");
    // A day the page puts ahead is no day it looks back to.
    assert!(!b.days.contains(&(None, 12, 1)), "{b:?}");
    assert!(!b.after_news);
    for t in [
        "Why we marched\n\nThe sun came out for us yesterday. Thousands walked to parliament.",
        "Dear colleagues\n\nBoth boards voted last Tuesday to bring our trusts together.",
        "Statement\n\nLast week three of our members went to work and did not come home.",
    ] {
        let doc = crate::analysis::analyze_document(t);
        let b = infer(t, &doc).looks_back.expect("kept");
        assert!(b.after_news, "{t}: {b:?}");
    }
    // A whole date ahead bounds the page for the folder.
    let t = "The plane\n\nThe first A380 flew in 2005 after years of delays.\n\nDeliveries will start in 2006.";
    let doc = crate::analysis::analyze_document(t);
    let b = infer(t, &doc).looks_back.expect("kept");
    assert_eq!(b.ahead, Some(Ymd::new(2006, 12, 31).unwrap()), "{b:?}");
    // Near miss: "next week" looks ahead.
    let t =
        "Plans\n\nThe bridge was finished in 2012.\n\nThe mayor will open the new wing next week.";
    let doc = crate::analysis::analyze_document(t);
    assert!(!infer(t, &doc).looks_back.expect("kept").after_news);
}

#[test]
fn a_limit_still_to_come_is_no_day_the_page_looks_back_to() {
    // "can apply until 30 September", "the 1 June deadline", "due on 27
    // August": limits ahead of the page, whatever the clause's tense says.
    for (t, limit) in [
        ("What we know\n\nThe fire started on 4 August near the town. Residents can apply for support at their municipal offices until 30 September.", (None, 9, 30)),
        ("The listing\n\nThe shares started trading on 9 June. Half-year results are due on 27 August.", (None, 8, 27)),
        ("The strike\n\nThe walkout began on 3 March. Members can vote before the 20 March deadline.", (None, 3, 20)),
    ] {
        let doc = crate::analysis::analyze_document(t);
        let b = infer(t, &doc).looks_back.expect("kept for an undated page");
        assert!(!b.days.contains(&limit), "{t}: {b:?}");
        if limit == (None, 9, 30) {
            assert!(b.days.contains(&(None, 8, 4)), "{t}: the past day is kept: {b:?}");
        }
    }
}

#[test]
fn a_day_in_a_present_or_far_future_clause_is_ahead_of_an_undated_page() {
    // News writes its schedule in the present ("shareholders vote on 3
    // June", "the annual meeting is on 11 June"), and a "will" may stand
    // further back than the words read around the date.
    for (t, day) in [
        ("Why Nordair paid up\n\nThe offer was announced on Monday. Baltavia shareholders vote on the offer on 3 June.", (6, 3)),
        ("The fall of a boss\n\nHe was dismissed on Thursday. The company's annual meeting is on 11 June.", (6, 11)),
        ("Statement\n\nToday's ruling is a victory. We will present our proposals to the interior committee on 12 November.", (11, 12)),
    ] {
        let doc = crate::analysis::analyze_document(t);
        let b = infer(t, &doc).looks_back.expect("kept for an undated page");
        assert!(!b.days.iter().any(|x| (x.1, x.2) == day), "{t}: {b:?}");
        assert!(b.ahead_days.contains(&day), "{t}: {b:?}");
    }
    // Near misses: the past and a present verb that looks back.
    for (t, day) in [
        (
            "Recap\n\nShareholders voted on the offer on 3 June, the company said.",
            (6, 3),
        ),
        (
            "The law\n\nThe surveillance law dates from 12 May, when parliament passed it.",
            (5, 12),
        ),
    ] {
        let doc = crate::analysis::analyze_document(t);
        let b = infer(t, &doc).looks_back.expect("kept for an undated page");
        assert!(!b.ahead_days.contains(&day), "{t}: {b:?}");
    }
}

#[test]
fn an_undated_page_keeps_the_weekdays_it_tells_its_news_by() {
    let t = "What we know\n\nThe dam gave way early on Tuesday morning. Last Friday engineers had inspected it. A hearing will be held on Monday.";
    let doc = crate::analysis::analyze_document(t);
    let b = infer(t, &doc).looks_back.expect("kept");
    // Tuesday and Friday, not the Monday ahead.
    assert_eq!(b.weekdays, vec![1, 4], "{b:?}");
}

#[test]
fn a_weekday_that_is_the_latest_past_days_own_dates_the_page_near_it() {
    // 4 August 2026 was a Tuesday: the page's "On Tuesday" is that day.
    let t = "Wildfire update\n\nThe fire started on 4 August 2026 in the hills above the town.\n\nOn Tuesday firefighters held the line near the motorway. The forest was last replanted in 1995.";
    let p = estimate_of(t);
    assert_eq!(p.lo, Ymd::new(2026, 8, 4).unwrap());
    assert!(p.hi <= Ymd::new(2026, 9, 4).unwrap(), "{p:?}");
    // Near miss: a weekday of another day keeps that day background.
    let t = "Wildfire update\n\nThe fire started on 4 August 2026 in the hills above the town.\n\nOn Friday firefighters held the line near the motorway.";
    let p = estimate_of(t);
    assert!(p.hi > Ymd::new(2026, 9, 4).unwrap(), "{p:?}");
}

/// A demand or a possibility names a day still to come: an undated page
/// that asks to "cancel the increase before the board votes on March 27"
/// is written before that day, not on or after it.
#[test]
fn demanded_day_is_ahead_not_looked_back_on() {
    let text = "We were kettled in the park. Here is what happened.\n\n\
        On Friday night thousands of us marched against the fare increase.\n\n\
        Our demands:\n\
        - Cancel the fare increase before the transit board votes on March 27.\n\
        - Drop the charges against the nine people accused.\n";
    let back = back_of(text);
    assert!(
        !back.days.iter().any(|&(_, m, d)| (m, d) == (3, 27)),
        "a demanded day is no day looked back on: {back:?}"
    );
    assert!(back.ahead_days.contains(&(3, 27)), "{back:?}");
}

/// A modal with a bare verb puts its day ahead; "may have" stays past.
#[test]
fn modal_day_is_ahead_but_may_have_is_past() {
    let ahead =
        back_of("Talks stall\n\nThe two sides could meet again on 2 May to settle the dispute.\n");
    assert!(ahead.ahead_days.contains(&(5, 2)), "{ahead:?}");
    let past =
        back_of("Talks stall\n\nThe two sides may have met on 2 May to settle the dispute.\n");
    assert!(!past.ahead_days.contains(&(5, 2)), "{past:?}");
}

fn back_of(t: &str) -> crate::analysis::claims::estimate::LookBack {
    let doc = crate::analysis::analyze_document(t);
    infer(t, &doc)
        .looks_back
        .expect("an undated page's look back")
}

/// Days a page counts as gone by since its news place it after them; a
/// span in a plan or a habit counts none.
#[test]
fn days_gone_by_since_the_news_are_counted_but_not_planned_ones() {
    for (t, n) in [
        ("Relief diary\n\nOur team arrived on the third day after the typhoon and found the bridge gone.\n", 3),
        ("Notes from the fire line\n\nWe walked the burnt slopes for three days after the fire.\n", 3),
        ("Back online\n\nThe hospital's systems came back after nine days.\n", 9),
        ("Plans\n\nThe festival will last for three days.\n", 0),
        ("Routine\n\nInspections usually take five days after a grounding.\n", 0),
    ] {
        assert_eq!(back_of(t).days_since, n, "{t}");
    }
}

/// A lead that tells its news as fresh bounds the page within days of
/// it; one that tells anything as older does not.
#[test]
fn a_lead_that_tells_its_news_as_fresh_is_read() {
    for (t, fresh) in [
        ("Stuck on the island\n\nThis morning the harbour was empty again. Yesterday the crews walked off their ships.\n", Some(2)),
        ("Storm: what happened\n\nThe storm struck the coast on Saturday, tearing roofs off houses.\n", Some(6)),
        ("A year of waiting\n\nThe strike began two weeks ago and the harbour has been empty since.\n", None),
        ("Notes\n\nLast Tuesday the dam broke. Yesterday the funerals began.\n", None),
        ("Background\n\nThe dam was completed in 1974 and inspected in 2021.\n", None),
    ] {
        assert_eq!(back_of(t).fresh, fresh, "{t}");
    }
}

/// Weekdays told before the news ("had warned on Thursday") are kept
/// apart; those told as after something are marked; the order they are
/// first told in is kept.
#[test]
fn weekdays_told_before_and_after_the_news_are_told_apart() {
    let b = back_of(
        "Arrests\n\nThe fire destroyed the warehouse on Saturday. Residents had complained on Thursday about the smell. Forecasters warned of dry winds on Friday. Two men were detained on Wednesday, four days after the fire, and brought before a judge on Sunday.\n",
    );
    assert_eq!(b.weekday_order, vec![5, 3, 4, 2, 6]);
    assert_eq!(b.before_weekdays, vec![3, 4]);
    assert_eq!(b.after_weekdays, vec![2]);
}

/// "On our second day" counts the writer's own stay; "set up" is no
/// limit of days ("up to five days" is).
#[test]
fn a_stay_the_page_counts_is_read() {
    let b = back_of("Diary\n\nOn our second day we set up a kitchen in the school yard.\n");
    assert_eq!((b.days_since, b.own_days), (2, 2));
    let b = back_of("Plans\n\nRepairs take up to five days after a flood.\n");
    assert_eq!(b.days_since, 0);
}
