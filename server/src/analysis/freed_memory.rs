//! Handing memory freed by dropped snapshots and claims indexes back to
//! the system.
//!
//! Each edit frees a snapshot, the claims parts it replaced and the
//! replaced analyses (millions of small blocks, freed on pool threads).
//! glibc keeps such memory in per-thread arenas, so without a trim the
//! resident size grows edit after edit although nothing is live. Trimming
//! walks the heap, so it runs at most once a second; a call inside that
//! second is not lost but leaves one trim for the end of the second, so
//! what the last edit of a burst freed is given back too (before, the
//! resident size measured once the server was idle again still held it).
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The shortest time between two trims.
const PERIOD: Duration = Duration::from_secs(1);

/// Give freed memory back now, or once the current period is over.
pub fn give_back() {
    static LAST_MS: AtomicU64 = AtomicU64::new(0);
    static TRAILING: AtomicBool = AtomicBool::new(false);
    let now = now_ms();
    let last = LAST_MS.load(Ordering::Relaxed);
    let period = PERIOD.as_millis() as u64;
    if now.saturating_sub(last) >= period
        && LAST_MS
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
    {
        trim();
        return;
    }
    // Within the period: one trailing trim at its end (on a thread of its
    // own, never a pool worker's sleep).
    if !TRAILING.swap(true, Ordering::AcqRel) {
        let spawned = std::thread::Builder::new()
            .name("give-back-memory".into())
            .spawn(move || {
                std::thread::sleep(PERIOD);
                TRAILING.store(false, Ordering::Release);
                LAST_MS.store(now_ms(), Ordering::Relaxed);
                trim();
            });
        if spawned.is_err() {
            TRAILING.store(false, Ordering::Release);
        }
    }
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of the allocator's own
    // heaps to the system; it touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
    if let Some(live) = PROBE.get() {
        tracing::debug!(
            target: "crosscheck::heap",
            "live heap {:.1} MB",
            live() as f64 / (1024.0 * 1024.0)
        );
    }
}

/// How many bytes are allocated now, when the executable counts them.
static PROBE: std::sync::OnceLock<fn() -> usize> = std::sync::OnceLock::new();

/// Let every trim log the live heap (target `crosscheck::heap`, debug):
/// with the resident size, it tells memory still held apart from memory
/// freed but kept by the allocator (benchmarks set it, see the
/// executable's allocator).
pub fn set_live_heap_probe(live: fn() -> usize) {
    let _ = PROBE.set(live);
}
