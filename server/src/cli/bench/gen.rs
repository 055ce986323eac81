//! `crosscheck bench gen-corpus`: a deterministic, news-like corpus for the
//! performance benchmark. Same seed and same inputs give the same bytes.
//!
//! Text comes from the example articles in `examples/nato-ukraine` plus, when
//! present at run time, the GUM news and MEANTIME texts under
//! `shared/data` (read in place, never copied into the repository).
//! Paragraphs are recombined and interleaved with template sentences that
//! name people, organisations and places from a fixed pool with a skewed
//! (Zipf-like) distribution, so the same entities recur across many files
//! the way they do in a real news collection.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// xorshift64*: tiny, fast and deterministic; statistical quality is
/// irrelevant here, reproducibility is what matters.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Never zero: xorshift would stay at zero forever.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// Skewed pick in `0..n`: low indices are much more frequent, so a few
    /// entities appear in thousands of files and most in a handful.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

#[rustfmt::skip]
const FIRST: &[&str] = &[
    "Anna", "Mark", "Olena", "Jens", "Maria", "Pierre", "Yuki", "Ahmed", "Sofia", "David",
    "Irina", "Lukas", "Fatima", "James", "Elena", "Tomasz", "Chen", "Laura", "Mikhail", "Sara",
    "Kwame", "Ingrid", "Rafael", "Nadia", "Hiroshi", "Claire", "Oleksandr", "Amina", "Peter", "Lena",
];
#[rustfmt::skip]
const LAST: &[&str] = &[
    "Kovalenko", "Rutte", "Schmidt", "Dubois", "Tanaka", "Haddad", "Rossi", "Novak", "Okafor",
    "Lindqvist", "Moreau", "Petrenko", "Fischer", "Nakamura", "Alvarez", "Brennan", "Wojcik",
    "Larsen", "Kowalski", "Mendes", "Hoffmann", "Ivanova", "Garcia", "Takahashi", "Mensah",
    "Bauer", "Kuznetsov", "Svensson", "Marino", "Duarte", "Vasquez", "Horvath", "Leclerc", "Berg",
];
#[rustfmt::skip]
const ORGS: &[&str] = &[
    "NATO", "the European Commission", "the United Nations", "the World Bank", "Reuters",
    "the Pentagon", "the International Monetary Fund", "Airbus", "Boeing", "General Motors",
    "Apple", "the Red Cross", "Amnesty International", "the Kremlin", "the Bundestag",
    "the European Central Bank", "Rheinmetall", "Lockheed Martin", "the State Department",
    "the Ministry of Defence", "Siemens", "the Associated Press", "Greenpeace", "the OSCE",
];
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "Kyiv", "Brussels", "Washington", "Berlin", "Paris", "London", "Warsaw", "Moscow", "Kharkiv",
    "Odesa", "Vilnius", "Tallinn", "Riga", "Helsinki", "Stockholm", "Rome", "Madrid", "Ankara",
    "Ukraine", "Germany", "France", "Poland", "Finland", "Sweden", "the United States",
    "Lithuania", "Romania", "Moldova", "Japan", "Canada", "Australia", "New Zealand", "Texas",
];
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "Secretary General", "defence minister", "spokesperson", "chief executive", "Prime Minister",
    "foreign minister", "President", "senior analyst", "ambassador", "head of research",
];
const TEMPLATES: &[&str] = &[
    "{P}, the {R} of {O}, said on Monday that {L} would receive further support.",
    "Speaking in {L}, {P} told reporters that {O} was \"closely following\" the situation.",
    "According to {O}, {P} met officials from {O2} in {L} last week.",
    "{P} said the talks in {L} had been \"constructive\", a spokesperson for {O} confirmed.",
    "The agreement between {O} and {O2} was signed in {L} on 12 March 2024.",
    "{P2} criticised {P}'s plan, arguing that {L} could not afford another $4.5 billion.",
    "In an interview, {P} said {O} expected to deliver 120 units to {L} by the end of the year.",
    "Officials in {L} and {L2} declined to comment on the report by {O}.",
    "{P}, who joined {O} in 2019, is expected to travel to {L} next month.",
    "\"We will not stop,\" said {P}, adding that {O2} shared the view.",
];

fn person(rng: &mut Rng) -> String {
    // Person i is always the same name: recurrence across files.
    let i = rng.skewed(FIRST.len() * LAST.len());
    format!(
        "{} {}",
        FIRST[i % FIRST.len()],
        LAST[(i / FIRST.len()) % LAST.len()]
    )
}

fn fill(rng: &mut Rng, t: &str) -> String {
    let mut s = t.to_string();
    for (key, list) in [
        ("{O2}", ORGS),
        ("{O}", ORGS),
        ("{L2}", PLACES),
        ("{L}", PLACES),
    ] {
        while s.contains(key) {
            let v = list[rng.skewed(list.len())];
            s = s.replacen(key, v, 1);
        }
    }
    for key in ["{P2}", "{P}"] {
        while s.contains(key) {
            let p = person(rng);
            s = s.replacen(key, &p, 1);
        }
    }
    let r = *rng.pick(ROLES);
    let s = s.replace("{R}", r);
    // A sentence-initial "the" reads badly.
    match s.strip_prefix("the ") {
        Some(rest) => format!("The {rest}"),
        None => s,
    }
}

/// Undo the corpora's token spacing ("Trump 's", "U.S. ,") so the text reads
/// like ordinary news copy.
fn detokenize(line: &str) -> String {
    let mut s = line.to_string();
    for (a, b) in [
        (" ,", ","),
        (" .", "."),
        (" 's", "'s"),
        (" n't", "n't"),
        (" ;", ";"),
        (" :", ":"),
        ("( ", "("),
        (" )", ")"),
        (" ?", "?"),
        (" !", "!"),
        (" %", "%"),
        ("$ ", "$"),
    ] {
        s = s.replace(a, b);
    }
    s
}

/// Paragraphs to recombine: the examples' paragraphs, and groups of 2-5
/// sentences from each shared corpus text found.
pub fn source_paragraphs(repo: &Path, shared: &[PathBuf], rng: &mut Rng) -> Vec<String> {
    let mut out = Vec::new();
    let ex = repo.join("examples/nato-ukraine");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&ex)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    for dir in shared {
        if let Ok(d) = std::fs::read_dir(dir) {
            names.extend(d.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    names.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    names.sort();
    for p in names {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        if p.starts_with(&ex) {
            out.extend(
                text.split("\n\n")
                    .map(str::trim)
                    .filter(|s| s.len() > 40)
                    .map(str::to_string),
            );
            continue;
        }
        let lines: Vec<String> = text.lines().skip(2).map(detokenize).collect();
        let mut i = 0;
        while i < lines.len() {
            let n = 2 + rng.below(4);
            let para = lines[i..(i + n).min(lines.len())].join(" ");
            if para.len() > 40 {
                out.push(para);
            }
            i += n;
        }
    }
    out
}

/// One news-like article of about `target` bytes.
fn article(rng: &mut Rng, paras: &[String], target: usize) -> String {
    let mut s = String::with_capacity(target + 1024);
    let _ = writeln!(
        s,
        "{}\n",
        fill(rng, "{P} visits {L} as {O} weighs new measures")
    );
    while s.len() < target {
        if rng.below(3) == 0 || paras.is_empty() {
            let n = 1 + rng.below(3);
            let sents: Vec<String> = (0..n)
                .map(|_| {
                    let t = TEMPLATES[rng.below(TEMPLATES.len())];
                    fill(rng, t)
                })
                .collect();
            s.push_str(&sents.join(" "));
        } else {
            s.push_str(&paras[rng.below(paras.len())]);
        }
        s.push_str("\n\n");
    }
    s
}

pub struct GenStats {
    pub files: usize,
    pub bytes: u64,
    pub paragraphs: usize,
}

/// Write `files` articles (about 3 KB each, 100 per folder) plus
/// `big_100k.txt` into `out`.
pub fn generate(
    out: &Path,
    files: usize,
    seed: u64,
    shared: &[PathBuf],
) -> anyhow::Result<GenStats> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut rng = Rng::new(seed);
    let paras = source_paragraphs(&repo, shared, &mut rng);
    std::fs::create_dir_all(out)?;
    let mut bytes = 0u64;
    for i in 0..files {
        let dir = out.join(format!("topic_{:03}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&dir)?;
        }
        // About 1-5 KB, mean about 3 KB (the size of a wire story) once the
        // paragraph that crosses the target is counted.
        let target = 800 + rng.below(3600);
        let a = article(&mut rng, &paras, target);
        bytes += a.len() as u64;
        std::fs::write(dir.join(format!("{i:05}.txt")), a)?;
    }
    let big = article(&mut rng, &paras, 100 * 1024);
    bytes += big.len() as u64;
    std::fs::write(out.join("big_100k.txt"), big)?;
    Ok(GenStats {
        files: files + 1,
        bytes,
        paragraphs: paras.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_recurring() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        generate(a.path(), 20, 7, &[]).unwrap();
        generate(b.path(), 20, 7, &[]).unwrap();
        for f in ["topic_000/00000.txt", "topic_000/00019.txt", "big_100k.txt"] {
            let x = std::fs::read(a.path().join(f)).unwrap();
            assert_eq!(x, std::fs::read(b.path().join(f)).unwrap());
        }
        let big = std::fs::read_to_string(a.path().join("big_100k.txt")).unwrap();
        assert!(big.len() >= 100 * 1024 && big.len() < 110 * 1024);
        let mut r = Rng::new(1);
        let hits = (0..1000).filter(|_| r.skewed(1000) < 10).count();
        assert!(hits > 200, "skewed picks favour low indices: {hits}");
    }
}
