//! Stable hashing of feature values.
//!
//! Weight files store hashed feature keys, so these functions are part of the
//! file format: changing any of them silently invalidates every shipped
//! model. They are deliberately hand-written (FNV-1a plus a splitmix64
//! finaliser) rather than taken from `std`'s or a crate's hasher, whose
//! output may change between releases or per process.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes: the hash of a feature value such as a word or suffix.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    // FNV's low bits are weak for short inputs; finalise so that keys folded
    // to 32 bits (see `fold32`) stay well spread.
    finalize(h)
}

/// Hash of a string value.
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// The splitmix64 finaliser: a bijective mix of all 64 bits.
#[inline]
pub fn finalize(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Combine two hashes, order-sensitively (`combine(a, b) != combine(b, a)`).
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    finalize(a.rotate_left(29) ^ b.wrapping_add(0x9e37_79b9_7f4a_7c15))
}

/// The key of one feature: a template number (which feature it is, e.g.
/// "word of the previous token") and the hashed values it conjoins.
#[inline]
pub fn feature(template: u32, parts: &[u64]) -> u64 {
    let mut h = finalize(template as u64 ^ 0x5851_f42d_4c95_7f2d);
    for &p in parts {
        h = combine(h, p);
    }
    h
}

/// Fold a 64-bit key to the 32 bits a compact model stores.
#[inline]
pub fn fold32(key: u64) -> u32 {
    (key ^ (key >> 32)) as u32
}

/// A 64-bit checksum of a byte string (corruption detection, not security).
/// Processes eight bytes per step, so checking a few megabytes of weights at
/// start-up costs well under a millisecond in release builds.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET ^ (bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(31);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    finalize(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pinned values: if this test fails, every shipped weight file is
    /// invalid. Change the hash only together with a format version bump
    /// and retrained weights.
    #[test]
    fn hashes_are_pinned() {
        assert_eq!(hash_str(""), finalize(FNV_OFFSET));
        assert_eq!(hash_str("said"), 0xbd41_b78a_c14e_9fb7);
        assert_eq!(feature(7, &[hash_str("said")]), 0x3f84_c435_2192_9531);
        assert_eq!(checksum(b"crosscheck"), 0x36f7_7672_2fa0_dc2d);
    }

    #[test]
    fn combine_is_order_sensitive() {
        let a = hash_str("a");
        let b = hash_str("b");
        assert_ne!(combine(a, b), combine(b, a));
        assert_ne!(feature(1, &[a]), feature(2, &[a]));
        assert_ne!(feature(1, &[a, b]), feature(1, &[b, a]));
    }

    #[test]
    fn checksum_sees_every_byte() {
        let data: Vec<u8> = (0..100u8).collect();
        let base = checksum(&data);
        for i in 0..data.len() {
            let mut d = data.clone();
            d[i] ^= 1;
            assert_ne!(checksum(&d), base, "byte {i}");
        }
        assert_ne!(checksum(&data[..99]), base);
    }
}
