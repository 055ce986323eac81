//! Who builds a claims index, and who waits for whom.
//!
//! A snapshot's claims index is built on first use, with rayon (per-file
//! claims and fact signatures in parallel), and it is asked for from
//! request handlers, the diagnostics runs and background builds on the
//! rayon pool alike. A lock held across that parallel work deadlocks as
//! soon as a rayon worker waits on it: a worker that waits inside a
//! parallel loop runs other queued jobs meanwhile, and when one of those
//! asks for the index this worker is building, it waits on itself (the
//! language server then answered nothing more, not even `shutdown`).
//!
//! So nothing here is held while an index is built. A [`Turnstile`] is a
//! flag with a condition variable: one builder holds the turn, threads
//! outside the rayon pool wait for it to be given back, and rayon workers
//! never wait: they build on their own (the same result, computed twice
//! at worst), so every thread a build waits for can always go on.
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use super::claims_parts::{ClaimsParts, Delta};

/// Steps of a chain remembered (see [`Chain::changed_between`]): a
/// diagnostics run more builds behind than this recomputes everything.
const LOG_STEPS: usize = 64;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether this thread may block until another build finishes: not on a
/// rayon worker (whose queued jobs a build may be waiting for).
fn may_wait() -> bool {
    rayon::current_thread_index().is_none()
}

/// One turn at a time (see the module comment).
#[derive(Default)]
pub struct Turnstile {
    busy: Mutex<bool>,
    given_back: Condvar,
}

/// The turn, given back when dropped (also when the build panics).
pub struct Turn<'a> {
    stile: &'a Turnstile,
}

impl Turnstile {
    /// Takes the turn, waiting for it when this thread may wait. `None`
    /// when `done()` became true meanwhile (what the turn was for is
    /// there), or when the turn is taken and this thread may not wait.
    pub fn take(&self, done: impl Fn() -> bool) -> Option<Turn<'_>> {
        let mut busy = lock(&self.busy);
        loop {
            if done() {
                return None;
            }
            if !*busy {
                *busy = true;
                return Some(Turn { stile: self });
            }
            if !may_wait() {
                return None;
            }
            busy = self
                .given_back
                .wait(busy)
                .unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Wakes the waiters to look at `done()` again (after a build that
    /// held no turn set what they wait for).
    pub fn wake(&self) {
        let _busy = lock(&self.busy);
        self.given_back.notify_all();
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        *lock(&self.stile.busy) = false;
        self.stile.given_back.notify_all();
    }
}

/// The claims parts a host's snapshots built last, and the turn to build
/// from them: the join state they carry can be taken by one build only,
/// so builds of one host run one after the other, each from the last
/// one's parts (a rayon worker that finds the turn taken builds from its
/// snapshot's own seed instead).
#[derive(Default)]
pub struct Chain {
    parts: Mutex<Option<Arc<ClaimsParts>>>,
    turn: Turnstile,
    /// The last builds' deltas, by the number of the parts they led to:
    /// what changed between two indexes of the chain, after the parts in
    /// between were freed.
    log: Mutex<std::collections::VecDeque<(u64, Delta)>>,
}

impl Chain {
    pub fn take_turn(&self) -> Option<Turn<'_>> {
        self.turn.take(|| false)
    }

    /// The parts the last build left (cloned: a later snapshot made while
    /// this index is being built starts from the same).
    pub fn last(&self, _turn: &Turn<'_>) -> Option<Arc<ClaimsParts>> {
        lock(&self.parts).clone()
    }

    /// Leaves `parts` for the next build; returns the replaced ones.
    pub fn advance(&self, _turn: &Turn<'_>, parts: Arc<ClaimsParts>) -> Option<Arc<ClaimsParts>> {
        {
            let mut log = lock(&self.log);
            match parts.delta() {
                Some(d) => {
                    log.push_back((parts.id(), d.clone()));
                    if log.len() > LOG_STEPS {
                        // The two oldest steps become one (a run far
                        // behind still finds its way, with more files).
                        let (a_id, a) = log.pop_front().expect("longer than the limit");
                        let (b_id, b) = log.pop_front().expect("longer than the limit");
                        if b.from == a_id {
                            let mut files: Vec<u32> =
                                a.files.iter().chain(b.files.iter()).copied().collect();
                            files.sort_unstable();
                            files.dedup();
                            log.push_front((
                                b_id,
                                Delta {
                                    from: a.from,
                                    files: Arc::new(files),
                                },
                            ));
                        } else {
                            log.push_front((b_id, b));
                        }
                    }
                }
                // A full join: nothing before it can be patched through.
                None => log.clear(),
            }
        }
        lock(&self.parts).replace(parts)
    }

    /// The files whose claims or conflicts may differ between the index
    /// of parts `from` and that of parts `to`, both of this chain (`to`
    /// reached from `from` by patches only, within the last builds);
    /// `None` when that is not known.
    pub fn changed_between(&self, from: u64, to: u64) -> Option<Vec<u32>> {
        let log = lock(&self.log);
        let mut out: Vec<u32> = Vec::new();
        let mut at = to;
        while at != from {
            let (_, d) = log.iter().rev().find(|(id, _)| *id == at)?;
            out.extend(d.files.iter().copied());
            at = d.from;
        }
        out.sort_unstable();
        out.dedup();
        Some(out)
    }
}
