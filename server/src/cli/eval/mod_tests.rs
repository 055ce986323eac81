use super::*;

/// Runs the real evaluation when the shared data is present; checks only
/// that it produced sane numbers (quality targets are reported, not asserted).
#[test]
fn eval_runs_on_shared_data() {
    for (corpus, sub) in [(Corpus::Gum, GUM_SUB), (Corpus::Meantime, MEANTIME_SUB)] {
        let dir = resolve(None, sub);
        if !dir.is_dir() {
            eprintln!(
                "note: {} absent, skipping the {} eval",
                dir.display(),
                corpus.name()
            );
            continue;
        }
        let spec = CorpusSpec {
            short: "x",
            name: corpus.name(),
            corpus,
            dir,
            held_out: false,
        };
        let r = eval_corpus(&spec, Some(5)).unwrap();
        assert!(r.docs > 0);
        assert!(r.gold.values().all(|g| g.named > 0 && g.named <= g.of_type));
        assert!(r.predicted.values().sum::<usize>() > 0);
        assert!(r.lenient.micro.tp >= r.strict.micro.tp);
        assert!(r.span.tp >= r.bare.micro.tp);
        for s in [&r.strict, &r.bare, &r.lenient] {
            for p in s.per_type.iter().map(|x| &x.score).chain([&s.micro]) {
                for v in [p.precision, p.recall, p.f1] {
                    assert!((0.0..=1.0).contains(&v), "{v}");
                }
            }
        }
        let l = &r.linking;
        assert!(l.gold_pairs > 0 && l.correct_pairs <= l.predicted_pairs);
        assert!(l.gold_pairs_detected <= l.gold_pairs);
        assert!((0.0..=1.0).contains(&l.precision) && (0.0..=1.0).contains(&l.recall));
    }
}
