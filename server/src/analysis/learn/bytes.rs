//! Little-endian byte writing and bounds-checked reading for weight files.
//!
//! Every read checks the remaining length first and returns a
//! [`FormatError`] instead of panicking, and no length read from a file is
//! trusted for an allocation before it is checked against the bytes that
//! are actually left: a corrupt or hostile file costs an error, never a
//! crash or a huge allocation.
use std::fmt;

/// Why a weight file or one of its sections could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The file does not start with the expected magic bytes.
    BadMagic { expected: String },
    /// The container or payload version is not the one this build reads.
    Version { found: u32, expected: u32 },
    /// The stored checksum does not match the contents.
    Checksum,
    /// The data ends before a field it announces.
    Truncated { what: &'static str },
    /// A field has an impossible value.
    Invalid { what: String },
    /// A section the reader needs is absent.
    MissingSection(String),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::BadMagic { expected } => {
                write!(f, "not a {expected} weight file (wrong magic bytes)")
            }
            FormatError::Version { found, expected } => write!(
                f,
                "weight file version {found}, this build reads version {expected}"
            ),
            FormatError::Checksum => write!(f, "weight file is corrupt (checksum mismatch)"),
            FormatError::Truncated { what } => {
                write!(f, "weight file is truncated (while reading {what})")
            }
            FormatError::Invalid { what } => write!(f, "weight file is invalid: {what}"),
            FormatError::MissingSection(name) => {
                write!(f, "weight file has no section \"{name}\"")
            }
        }
    }
}

impl std::error::Error for FormatError {}

/// Appends little-endian values to a byte vector.
#[derive(Default)]
pub struct ByteWriter {
    pub buf: Vec<u8>,
}

impl ByteWriter {
    pub fn new() -> ByteWriter {
        ByteWriter::default()
    }
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Unsigned LEB128: small numbers (deltas, lengths) take one byte.
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }
    /// Signed LEB128 (zig-zag).
    pub fn varint_signed(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }
    /// A length-prefixed byte string.
    pub fn bytes(&mut self, b: &[u8]) {
        self.varint(b.len() as u64);
        self.buf.extend_from_slice(b);
    }
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    /// A count-prefixed list of strings.
    pub fn strs<S: AsRef<str>>(&mut self, list: &[S]) {
        self.varint(list.len() as u64);
        for s in list {
            self.str(s.as_ref());
        }
    }
}

/// Reads what a [`ByteWriter`] wrote, checking bounds at every step.
pub struct ByteReader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    pub fn new(data: &'a [u8]) -> ByteReader<'a> {
        ByteReader { data, pos: 0 }
    }
    pub fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }
    pub fn is_empty(&self) -> bool {
        self.remaining() == 0
    }
    pub fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], FormatError> {
        if n > self.remaining() {
            return Err(FormatError::Truncated { what });
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], FormatError> {
        let s = self.take(N, what)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    pub fn u8(&mut self, what: &'static str) -> Result<u8, FormatError> {
        Ok(self.array::<1>(what)?[0])
    }
    pub fn u16(&mut self, what: &'static str) -> Result<u16, FormatError> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }
    pub fn i16(&mut self, what: &'static str) -> Result<i16, FormatError> {
        Ok(i16::from_le_bytes(self.array(what)?))
    }
    pub fn u32(&mut self, what: &'static str) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }
    pub fn u64(&mut self, what: &'static str) -> Result<u64, FormatError> {
        Ok(u64::from_le_bytes(self.array(what)?))
    }
    pub fn f32(&mut self, what: &'static str) -> Result<f32, FormatError> {
        Ok(f32::from_le_bytes(self.array(what)?))
    }
    pub fn varint(&mut self, what: &'static str) -> Result<u64, FormatError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8(what)?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(FormatError::Invalid {
            what: format!("overlong number in {what}"),
        })
    }
    pub fn varint_signed(&mut self, what: &'static str) -> Result<i64, FormatError> {
        let u = self.varint(what)?;
        Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
    }
    /// A count that announces at least `min_bytes_each` bytes per item:
    /// rejected when the data left cannot hold that many, so a corrupt count
    /// never drives a huge allocation.
    pub fn count(
        &mut self,
        min_bytes_each: usize,
        what: &'static str,
    ) -> Result<usize, FormatError> {
        let n = self.varint(what)?;
        let need = (n as u128) * (min_bytes_each.max(1) as u128);
        if need > self.remaining() as u128 {
            return Err(FormatError::Truncated { what });
        }
        Ok(n as usize)
    }
    pub fn bytes(&mut self, what: &'static str) -> Result<&'a [u8], FormatError> {
        let n = self.count(1, what)?;
        self.take(n, what)
    }
    pub fn str(&mut self, what: &'static str) -> Result<&'a str, FormatError> {
        std::str::from_utf8(self.bytes(what)?).map_err(|_| FormatError::Invalid {
            what: format!("{what} is not UTF-8"),
        })
    }
    pub fn strs(&mut self, what: &'static str) -> Result<Vec<String>, FormatError> {
        let n = self.count(1, what)?;
        (0..n).map(|_| self.str(what).map(str::to_owned)).collect()
    }
    /// Error unless every byte was consumed (trailing garbage means the
    /// writer and reader disagree).
    pub fn finish(&self, what: &'static str) -> Result<(), FormatError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(FormatError::Invalid {
                what: format!("{} unexpected bytes after {what}", self.remaining()),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_kind() {
        let mut w = ByteWriter::new();
        w.u8(7);
        w.u16(65000);
        w.i16(-3);
        w.u32(123_456_789);
        w.u64(u64::MAX);
        w.f32(-1.5);
        w.varint(0);
        w.varint(300);
        w.varint(u64::MAX);
        w.varint_signed(-5);
        w.varint_signed(i64::MIN);
        w.str("Kyiv ✓");
        w.strs(&["a", "", "bc"]);
        let mut r = ByteReader::new(&w.buf);
        assert_eq!(r.u8("x").unwrap(), 7);
        assert_eq!(r.u16("x").unwrap(), 65000);
        assert_eq!(r.i16("x").unwrap(), -3);
        assert_eq!(r.u32("x").unwrap(), 123_456_789);
        assert_eq!(r.u64("x").unwrap(), u64::MAX);
        assert_eq!(r.f32("x").unwrap(), -1.5);
        assert_eq!(r.varint("x").unwrap(), 0);
        assert_eq!(r.varint("x").unwrap(), 300);
        assert_eq!(r.varint("x").unwrap(), u64::MAX);
        assert_eq!(r.varint_signed("x").unwrap(), -5);
        assert_eq!(r.varint_signed("x").unwrap(), i64::MIN);
        assert_eq!(r.str("x").unwrap(), "Kyiv ✓");
        assert_eq!(r.strs("x").unwrap(), vec!["a", "", "bc"]);
        r.finish("test").unwrap();
    }

    #[test]
    fn truncation_and_huge_counts_are_errors() {
        let mut w = ByteWriter::new();
        w.varint(1 << 40); // a count far beyond the data
        let mut r = ByteReader::new(&w.buf);
        assert!(matches!(
            r.count(1, "list"),
            Err(FormatError::Truncated { .. })
        ));
        let mut r = ByteReader::new(&[1, 2]);
        assert!(r.u32("field").is_err());
        let mut r = ByteReader::new(&[0xff; 20]);
        assert!(r.varint("n").is_err());
        let mut r = ByteReader::new(&[2, 0xff, 0xfe]);
        assert!(r.str("s").is_err());
    }
}
