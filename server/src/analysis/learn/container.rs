//! A weight file: named sections behind magic bytes, versions and a checksum.
//!
//! ```text
//! magic            8 bytes, chosen by the model kind (e.g. b"XCSYNTAX")
//! container format u32 LE  (CONTAINER_VERSION)
//! payload version  u32 LE  (chosen by the model kind; bump on any change)
//! section count    varint
//! per section      name (varint length + UTF-8), data (varint length + bytes)
//! checksum         u64 LE, `hash::checksum` of every byte before it
//! ```
//!
//! The checksum is verified before any section is parsed, so a flipped bit
//! or a truncated download is reported as corruption, not as a confusing
//! error deep inside a section.
use super::bytes::{ByteReader, ByteWriter, FormatError};
use super::hash::checksum;

/// Version of the container layout itself.
pub const CONTAINER_VERSION: u32 = 1;

/// Sections to write, in order.
pub struct ContainerWriter {
    magic: [u8; 8],
    version: u32,
    sections: Vec<(String, Vec<u8>)>,
}

impl ContainerWriter {
    pub fn new(magic: [u8; 8], payload_version: u32) -> ContainerWriter {
        ContainerWriter {
            magic,
            version: payload_version,
            sections: Vec::new(),
        }
    }

    pub fn section(&mut self, name: &str, data: Vec<u8>) -> &mut ContainerWriter {
        self.sections.push((name.to_owned(), data));
        self
    }

    pub fn finish(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        w.buf.extend_from_slice(&self.magic);
        w.u32(CONTAINER_VERSION);
        w.u32(self.version);
        w.varint(self.sections.len() as u64);
        for (name, data) in &self.sections {
            w.str(name);
            w.bytes(data);
        }
        let sum = checksum(&w.buf);
        w.u64(sum);
        w.buf
    }
}

/// A verified container: sections borrowed from the file's bytes.
#[derive(Debug)]
pub struct Container<'a> {
    sections: Vec<(&'a str, &'a [u8])>,
}

impl<'a> Container<'a> {
    /// Check magic, versions and checksum, then index the sections.
    /// `kind` names the model in error messages.
    pub fn parse(
        data: &'a [u8],
        magic: [u8; 8],
        payload_version: u32,
        kind: &str,
    ) -> Result<Container<'a>, FormatError> {
        if data.len() < 8 || data[..8] != magic {
            return Err(FormatError::BadMagic {
                expected: kind.to_owned(),
            });
        }
        if data.len() < 8 + 4 + 4 + 8 {
            return Err(FormatError::Truncated { what: "header" });
        }
        let (body, sum) = data.split_at(data.len() - 8);
        let mut r = ByteReader::new(&body[8..]);
        let container = r.u32("container version")?;
        if container != CONTAINER_VERSION {
            return Err(FormatError::Version {
                found: container,
                expected: CONTAINER_VERSION,
            });
        }
        let version = r.u32("payload version")?;
        if version != payload_version {
            return Err(FormatError::Version {
                found: version,
                expected: payload_version,
            });
        }
        let stored = u64::from_le_bytes(sum.try_into().expect("8 bytes"));
        if checksum(body) != stored {
            return Err(FormatError::Checksum);
        }
        let n = r.count(2, "section count")?;
        let mut sections = Vec::with_capacity(n);
        for _ in 0..n {
            let name = r.str("section name")?;
            let data = r.bytes("section data")?;
            sections.push((name, data));
        }
        r.finish("the last section")?;
        Ok(Container { sections })
    }

    /// The bytes of a section, or an error naming it.
    pub fn section(&self, name: &str) -> Result<&'a [u8], FormatError> {
        self.sections
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, d)| *d)
            .ok_or_else(|| FormatError::MissingSection(name.to_owned()))
    }

    pub fn section_names(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.sections.iter().map(|(n, _)| *n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: [u8; 8] = *b"XCTEST\0\0";

    fn sample() -> Vec<u8> {
        let mut w = ContainerWriter::new(MAGIC, 3);
        w.section("meta", b"hello".to_vec())
            .section("weights", vec![1, 2, 3, 4]);
        w.finish()
    }

    #[test]
    fn round_trip() {
        let data = sample();
        let c = Container::parse(&data, MAGIC, 3, "test").unwrap();
        assert_eq!(c.section("meta").unwrap(), b"hello");
        assert_eq!(c.section("weights").unwrap(), &[1, 2, 3, 4]);
        assert_eq!(
            c.section("other"),
            Err(FormatError::MissingSection("other".into()))
        );
        assert_eq!(c.section_names().collect::<Vec<_>>(), ["meta", "weights"]);
    }

    #[test]
    fn rejects_corruption() {
        let data = sample();
        assert!(matches!(
            Container::parse(&data, *b"XCOTHER\0", 3, "test"),
            Err(FormatError::BadMagic { .. })
        ));
        assert!(matches!(
            Container::parse(&data, MAGIC, 4, "test"),
            Err(FormatError::Version {
                found: 3,
                expected: 4
            })
        ));
        // Every single-byte flip after the magic and versions is caught.
        for i in 16..data.len() {
            let mut d = data.clone();
            d[i] ^= 0x10;
            assert!(Container::parse(&d, MAGIC, 3, "test").is_err(), "byte {i}");
        }
        // Every truncation is caught.
        for n in 0..data.len() {
            assert!(Container::parse(&data[..n], MAGIC, 3, "test").is_err());
        }
        assert!(Container::parse(&[], MAGIC, 3, "test").is_err());
    }
}
