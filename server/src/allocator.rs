//! The memory allocator of the executable: the system's (glibc's malloc),
//! wrapped to count the bytes allocated when `CROSSCHECK_HEAP_STATS=1`
//! (for benchmarks: logged after each trim, see
//! `analysis::freed_memory`), so that the live heap can be told from what
//! the allocator keeps resident.
//!
//! glibc's malloc stays because it measured better than mimalloc: through
//! the protocol on the varied 10k corpus, mimalloc 3.x held 80-90 MB more
//! resident over 1,000 edits for the same live heap, and mimalloc 2.0
//! preloaded did no better (README, "Memory over 1,000 edits").
//!
//! Whether to count is read once, at the first allocation, from the
//! environment read without allocating.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, AtomicU8, Ordering};

pub struct Chosen;

const KNOWN: u8 = 1;
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

// SAFETY: every call goes to the system allocator; counting only adds
// and subtracts sizes.
unsafe impl GlobalAlloc for Chosen {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let c = choice();
        let p = System.alloc(layout);
        if !p.is_null() {
            count(c, layout.size(), 0);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let c = choice();
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            count(c, layout.size(), 0);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let c = choice();
        System.dealloc(ptr, layout);
        count(c, 0, layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let c = choice();
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            count(c, new_size, layout.size());
        }
        p
    }
}
