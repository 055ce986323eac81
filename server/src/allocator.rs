//! The memory allocator of the executable: mimalloc, or the system's
//! (glibc's malloc) when `CROSSCHECK_ALLOCATOR=system`, to compare them.
//!
//! Why not glibc's by default: every edit frees a snapshot, a claims
//! index and the folder's diagnostics (millions of small blocks) on
//! whichever pool thread drops them, and glibc's per-thread arenas keep
//! such memory fragmented and resident: the server's idle RSS rose by
//! tens of megabytes over the first edits with nothing more live, and
//! `malloc_trim` recovers only part of it. mimalloc gives freed pages
//! back on its own (README, "Memory over 1,000 edits", has the figures).
//!
//! The choice is made once, at the first allocation (before any block
//! exists, so no block is ever freed by the other allocator), from the
//! environment read without allocating. `CROSSCHECK_HEAP_STATS=1` also
//! counts the bytes allocated (for benchmarks: logged after each trim,
//! see `analysis::freed_memory`).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, AtomicU8, Ordering};

use mimalloc::MiMalloc;

pub struct Chosen;

const KNOWN: u8 = 1;
const SYSTEM: u8 = 2;
const COUNT: u8 = 4;

static CHOICE: AtomicU8 = AtomicU8::new(0);
static LIVE: AtomicIsize = AtomicIsize::new(0);

/// Bytes allocated now (0 unless counted).
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed).max(0) as usize
}

/// Are the bytes counted?
pub fn counting() -> bool {
    choice() & COUNT != 0
}

fn env_is(name: &std::ffi::CStr, value: &[u8]) -> bool {
    // SAFETY: getenv reads the environment without allocating; the name
    // is a valid C string, and a non-null result is one too.
    unsafe {
        let v = libc::getenv(name.as_ptr());
        !v.is_null() && std::ffi::CStr::from_ptr(v).to_bytes() == value
    }
}

fn choice() -> u8 {
    let c = CHOICE.load(Ordering::Relaxed);
    if c & KNOWN != 0 {
        return c;
    }
    // Threads racing here all read the same environment (nothing sets
    // it while the process runs), so they store the same choice.
    let mut c = KNOWN;
    if env_is(c"CROSSCHECK_ALLOCATOR", b"system") {
        c |= SYSTEM;
    }
    if env_is(c"CROSSCHECK_HEAP_STATS", b"1") {
        c |= COUNT;
    }
    CHOICE.store(c, Ordering::Relaxed);
    c
}

fn count(c: u8, add: usize, sub: usize) {
    if c & COUNT != 0 {
        if add > 0 {
            LIVE.fetch_add(add as isize, Ordering::Relaxed);
        }
        if sub > 0 {
            LIVE.fetch_sub(sub as isize, Ordering::Relaxed);
        }
    }
}

// SAFETY: every call goes to one allocator, the same for the whole run
// (fixed before the first block), which upholds GlobalAlloc's contract.
unsafe impl GlobalAlloc for Chosen {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let c = choice();
        let p = if c & SYSTEM != 0 {
            System.alloc(layout)
        } else {
            MiMalloc.alloc(layout)
        };
        if !p.is_null() {
            count(c, layout.size(), 0);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let c = choice();
        let p = if c & SYSTEM != 0 {
            System.alloc_zeroed(layout)
        } else {
            MiMalloc.alloc_zeroed(layout)
        };
        if !p.is_null() {
            count(c, layout.size(), 0);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let c = choice();
        if c & SYSTEM != 0 {
            System.dealloc(ptr, layout)
        } else {
            MiMalloc.dealloc(ptr, layout)
        }
        count(c, 0, layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let c = choice();
        let p = if c & SYSTEM != 0 {
            System.realloc(ptr, layout, new_size)
        } else {
            MiMalloc.realloc(ptr, layout, new_size)
        };
        if !p.is_null() {
            count(c, new_size, layout.size());
        }
        p
    }
}
