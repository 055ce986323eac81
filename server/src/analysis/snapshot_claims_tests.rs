//! The claims index is built once per snapshot, in parallel, and asked for
//! from everywhere: request handlers, the diagnostics run, background
//! builds on the rayon pool. These tests ask for it from all of them at
//! once: no caller may wait on a build that waits on it (a rayon worker
//! that steals a job asking for the index it is building itself).
use std::sync::{mpsc, Arc};
use std::time::Duration;

use crate::analysis::{AnalysisHost, Snapshot};

fn folder(n: usize) -> Arc<Snapshot> {
    let mut host = AnalysisHost::new(Some("/mem".into()));
    for i in 0..n {
        host.set_file(
            format!("/mem/{i:02}.txt").into(),
            format!(
                "KYIV, June {d}, 2024 (Reuters) - Officials said {k} people died in the attack \
                 on Monday. Defence Minister Oleh Marchenko said {w} were wounded, according to \
                 police. The Ukrainian government pledged $2.{d} billion in aid.\n",
                d = 1 + i % 9,
                k = 10 + i,
                w = 20 + i
            )
            .into(),
        );
    }
    host.snapshot()
}

/// Runs `f` on its own thread; fails the test when it does not finish
/// (a deadlock shows as a hang, not as a failure, without this).
fn finishes(what: &str, f: impl FnOnce() + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        f();
        let _ = tx.send(());
    });
    assert!(
        rx.recv_timeout(Duration::from_secs(120)).is_ok(),
        "{what}: the claims index was never built (deadlock)"
    );
}

#[test]
fn asked_for_by_many_rayon_jobs_at_once() {
    for round in 0..4 {
        let snap = folder(12 + round);
        let expected = folder(12 + round).claims().conflict_pairs().len();
        finishes("rayon jobs", move || {
            rayon::scope(|s| {
                for _ in 0..16 {
                    let snap = snap.clone();
                    s.spawn(move |_| {
                        assert_eq!(snap.claims().conflict_pairs().len(), expected);
                    });
                }
            });
        });
    }
}

#[test]
fn asked_for_by_threads_and_rayon_jobs_across_snapshots() {
    // Successive snapshots of one host share the chain of built parts.
    let mut host = AnalysisHost::new(Some("/mem".into()));
    for i in 0..10 {
        host.set_file(
            format!("/mem/{i}.txt").into(),
            format!(
                "Police said {} people died in the fire on Monday.\n",
                30 + i
            )
            .into(),
        );
    }
    let mut snaps = vec![host.snapshot()];
    for i in 0..3 {
        host.set_file(
            "/mem/0.txt".into(),
            format!(
                "Police said {} people died in the fire on Tuesday.\n",
                40 + i
            )
            .into(),
        );
        snaps.push(host.snapshot());
    }
    finishes("threads and rayon jobs", move || {
        let mut threads = Vec::new();
        for s in &snaps {
            let s2 = s.clone();
            threads.push(std::thread::spawn(move || {
                s2.claims();
            }));
            for _ in 0..4 {
                let s3 = s.clone();
                rayon::spawn(move || {
                    s3.claims();
                });
            }
        }
        for t in threads {
            t.join().unwrap();
        }
        for s in &snaps {
            assert_eq!(s.claims().files.len(), 10);
        }
    });
}
