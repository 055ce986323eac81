use super::*;

fn frame(
    lemma: &str,
    kind: WordKind,
    words: &[&str],
    counted: Option<&str>,
) -> Option<&'static str> {
    let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    frame_for(&Cue {
        lemma,
        kind,
        words: &words,
        counted: counted_class(counted),
        people_named: counted.is_some() && counted_class(counted) == Counted::People,
    })
    .map(|f| f.measure)
}

#[test]
fn restatements_of_one_measure_name_one_frame() {
    use WordKind::*;
    // Evacuated, forced from their homes, the evacuation of, evacuees.
    assert_eq!(
        frame("evacuate", Verb, &[], Some("person")),
        Some("displaced")
    );
    assert_eq!(
        frame("force", Verb, &["from", "home"], None),
        Some("displaced")
    );
    assert_eq!(
        frame("evacuation", Noun, &["person"], Some("person")),
        Some("displaced")
    );
    assert_eq!(
        frame("evacuee", Noun, &[], Some("evacuee")),
        Some("displaced")
    );
    // Rescued, pulled from the water, survivors.
    assert_eq!(frame("rescue", Verb, &[], None), Some("rescued"));
    assert_eq!(
        frame("pull", Verb, &["from", "water"], None),
        Some("rescued")
    );
    assert_eq!(
        frame("survivor", Noun, &[], Some("survivor")),
        Some("rescued")
    );
    // Jobs cut, lost, axed, laid off; job losses; the loss of jobs.
    assert_eq!(frame("cut", Verb, &["job"], Some("job")), Some("jobs cut"));
    assert_eq!(
        frame("lose", Verb, &["worker", "job"], Some("worker")),
        Some("jobs cut")
    );
    assert_eq!(
        frame("lay", Verb, &["off", "worker"], Some("worker")),
        Some("jobs cut")
    );
    assert_eq!(frame("cost", Verb, &["job"], Some("job")), Some("jobs cut"));
    assert_eq!(frame("loss", Noun, &["job"], Some("job")), Some("jobs cut"));
    assert_eq!(
        frame("redundancy", Noun, &[], Some("redundancy")),
        None,
        "a redundancy counts no listed thing"
    );
    // Waiting, queuing, stranded trucks; a queue of trucks.
    assert_eq!(frame("wait", Verb, &[], Some("truck")), Some("waiting"));
    assert_eq!(frame("queue", Verb, &[], Some("lorry")), Some("waiting"));
    assert_eq!(
        frame("queue", Noun, &["truck"], Some("truck")),
        Some("waiting")
    );
    assert_eq!(frame("stranded", Adj, &[], Some("ship")), Some("waiting"));
    // Voted for, backed; voted against, opposed.
    assert_eq!(
        frame("vote", Verb, &["for", "bill"], Some("lawmaker")),
        Some("votes for")
    );
    assert_eq!(
        frame("back", Verb, &["bill"], Some("lawmaker")),
        Some("votes for")
    );
    assert_eq!(
        frame("vote", Verb, &["against"], None),
        Some("votes against")
    );
    // Recalled cars; the recall of vehicles.
    assert_eq!(frame("recall", Verb, &[], Some("car")), Some("recalled"));
    assert_eq!(
        frame("recall", Noun, &["vehicle"], Some("vehicle")),
        Some("recalled")
    );
}

#[test]
fn a_frame_counts_only_its_own_things() {
    use WordKind::*;
    // Stranded people are trapped, stranded trucks wait.
    assert_eq!(
        frame("stranded", Adj, &[], Some("passenger")),
        Some("trapped")
    );
    assert_eq!(frame("stranded", Adj, &[], Some("truck")), Some("waiting"));
    // People wait for many things; a wait is no measure of them.
    assert_eq!(frame("wait", Verb, &[], Some("person")), None);
    // "lost 300 lives" is the dead, "lost 300 jobs" jobs cut, "lost 30
    // matches" nothing.
    assert_eq!(
        frame("lose", Verb, &["life"], Some("life")),
        None,
        "lives count nothing listed"
    );
    assert_eq!(
        frame("lose", Verb, &["their", "life"], None),
        Some("killed")
    );
    assert_eq!(frame("lose", Verb, &["match"], Some("match")), None);
    // "cut" alone is no job cut ("cut 300 trees").
    assert_eq!(frame("cut", Verb, &["tree"], Some("tree")), None);
    // A recall of people is no product recall.
    assert_eq!(frame("recall", Verb, &[], Some("person")), None);
    // Voting alone says no side.
    assert_eq!(frame("vote", Verb, &[], Some("lawmaker")), None);
}

#[test]
fn units_of_one_frame_fold() {
    assert_eq!(frame_unit("jobs cut", "worker"), Some("job"));
    assert_eq!(frame_unit("jobs cut", "position"), Some("job"));
    assert_eq!(frame_unit("waiting", "lorry"), Some("truck"));
    assert_eq!(frame_unit("waiting", "vessel"), Some("vessel"));
    assert_eq!(frame_unit("waiting", "ship"), Some("vessel"));
    assert_eq!(frame_unit("waiting", "car"), None);
    assert_eq!(frame_unit("rescued", "survivor"), Some("person"));
    assert_eq!(frame_unit("price", "truck"), None);
}

#[test]
fn more_wordings_of_harm_and_votes() {
    use WordKind::*;
    assert_eq!(frame("suffer", Verb, &["injury"], None), Some("injured"));
    assert_eq!(
        frame("admit", Verb, &["to", "hospital"], Some("person")),
        Some("injured")
    );
    // "37 survivors had been taken to shelters": survivors, not evacuees.
    assert_eq!(
        frame("take", Verb, &["to", "shelter"], Some("survivor")),
        None
    );
    assert_eq!(
        frame("reject", Verb, &["bill"], Some("senator")),
        Some("votes against")
    );
    assert_eq!(
        frame("approve", Verb, &["bill"], Some("senator")),
        Some("votes for")
    );
    assert_eq!(
        frame("plunge", Verb, &["into", "darkness"], Some("home")),
        Some("without power")
    );
    // Leaving homes damaged is no displacement; suffering losses no injury.
    assert_eq!(frame("leave", Verb, &["home", "damaged"], None), None);
    assert_eq!(
        frame("leave", Verb, &["home", "damaged"], Some("home")),
        None
    );
    // People who had to leave their homes are displaced: the counted
    // noun names people.
    assert_eq!(
        frame("leave", Verb, &["their", "home"], Some("resident")),
        Some("displaced")
    );
    assert_eq!(
        frame("leave", Verb, &["home"], Some("family")),
        Some("displaced")
    );
    assert_eq!(frame("suffer", Verb, &["loss"], None), None);
}
