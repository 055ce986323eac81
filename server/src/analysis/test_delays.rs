//! Slow-downs for tests of scheduling, off unless an environment variable
//! asks for them.
//!
//! Tests that check what waits for what (a request about one file must
//! not wait for a big buffer's analysis, or for a claims index in the
//! making) need the slow work to outlast the waits they compare it with.
//! Making the input big enough depends on the machine's speed; a pause
//! of a set length does not.
use std::sync::OnceLock;
use std::time::Duration;

/// Which work pauses first.
#[derive(Clone, Copy, Debug)]
pub enum Delay {
    /// Each analysis of an open buffer: `CROSSCHECK_TEST_ANALYSIS_DELAY_MS`.
    BufferAnalysis,
    /// Each build of a claims index: `CROSSCHECK_TEST_CLAIMS_DELAY_MS`.
    ClaimsIndex,
}

fn read(var: &str) -> Option<Duration> {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
}

/// The pause set for `which`, if any (read once).
pub fn delay(which: Delay) -> Option<Duration> {
    static ANALYSIS: OnceLock<Option<Duration>> = OnceLock::new();
    static CLAIMS: OnceLock<Option<Duration>> = OnceLock::new();
    match which {
        Delay::BufferAnalysis => {
            *ANALYSIS.get_or_init(|| read("CROSSCHECK_TEST_ANALYSIS_DELAY_MS"))
        }
        Delay::ClaimsIndex => *CLAIMS.get_or_init(|| read("CROSSCHECK_TEST_CLAIMS_DELAY_MS")),
    }
}

/// Sleep for the pause set for `which` (nothing when none is set).
pub fn pause(which: Delay) {
    if let Some(d) = delay(which) {
        std::thread::sleep(d);
    }
}
