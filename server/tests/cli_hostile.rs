//! Hostile folders through the command line: links that lead out of the
//! folder, FIFOs and devices where files should be, writes through links,
//! and a file shape that once made `check` quadratic. Every command runs
//! under a deadline: a hang fails the test instead of blocking the suite.
#![cfg(unix)]
use std::io::Read;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far above what any of these takes now (a second or two in a debug
/// build): only a hang, or a cost that grows out of bounds, reaches it.
const DEADLINE: Duration = Duration::from_secs(60);

fn run(args: &[&str]) -> (i32, String, String) {
    let mut child = Command::new(crosscheck_bin())
        .args(args)
        .env("CROSSCHECK_LOG", "off")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes while waiting: a full pipe would block the child.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = r.read_to_string(&mut s);
            s
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("crosscheck {args:?} did not finish within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (
        status.code().unwrap_or(-1),
        out.join().unwrap(),
        err.join().unwrap(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn mkfifo(p: &Path) {
    assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
}

fn ws() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let (root, outside) = (d.path().join("ws"), d.path().join("outside"));
    std::fs::create_dir_all(root.join(".crosscheck")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(
        root.join("a.txt"),
        "NATO Secretary General Jens Stoltenberg met officials in Kyiv.",
    )
    .unwrap();
    (d, root, outside)
}

#[test]
fn links_out_of_the_folder_are_skipped_with_a_reason() {
    let (_d, root, outside) = ws();
    std::fs::write(
        outside.join("secret.txt"),
        "Zebulon Quuxley met Kyiv officials.",
    )
    .unwrap();
    symlink(outside.join("secret.txt"), root.join("link.txt")).unwrap();
    symlink("/dev/zero", root.join("zero.md")).unwrap();
    let (code, out, err) = run(&["entities", s(&root)]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("Zebulon"), "{out}");
    assert!(err.contains("link.txt") && err.contains("escapes"), "{err}");
    assert!(err.contains("zero.md"), "{err}");
    // Followed on request.
    let (_, out, _) = run(&["entities", s(&root), "--follow-symlinks"]);
    assert!(out.contains("Zebulon"), "{out}");
}

#[test]
fn fifos_and_devices_in_crosscheck_never_hang_check() {
    let (_d, root, _) = ws();
    mkfifo(&root.join(".crosscheck/entities.json"));
    symlink("/dev/zero", root.join(".crosscheck/config.json")).unwrap();
    mkfifo(&root.join("fifo.txt"));
    let (code, out, err) = run(&["check", s(&root)]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains(".crosscheck/entities.json") && out.contains("FIFO"),
        "{out}"
    );
    assert!(
        out.contains("error[invalid-config]") && out.contains("escapes"),
        "{out}"
    );
    assert!(err.contains("fifo.txt") && err.contains("FIFO"), "{err}");
    // A device followed on request is refused for what it is.
    let (_, out, _) = run(&["check", s(&root), "--follow-symlinks"]);
    assert!(out.contains("device"), "{out}");
}

#[test]
fn import_never_writes_through_a_link_in_crosscheck() {
    let (_d, root, outside) = ws();
    std::fs::write(root.join("a.ann"), "T1\tLocation 57 61\tKyiv\n").unwrap();
    std::fs::create_dir_all(root.join(".crosscheck/annotations")).unwrap();
    let target = outside.join("a.txt.json");
    std::fs::write(&target, "{\"version\": 1, \"annotations\": []}").unwrap();
    symlink(&target, root.join(".crosscheck/annotations/a.txt.json")).unwrap();
    let (code, _, err) = run(&["import", "--format", "brat", s(&root)]);
    assert_ne!(code, 0, "{err}");
    assert!(
        err.contains("not written") || err.contains("escapes"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "{\"version\": 1, \"annotations\": []}"
    );
    // A linked annotations folder: nothing lands outside either.
    std::fs::remove_dir_all(root.join(".crosscheck/annotations")).unwrap();
    symlink(&outside, root.join(".crosscheck/annotations")).unwrap();
    let before = std::fs::read_dir(&outside).unwrap().count();
    let (code, _, err) = run(&["import", "--format", "brat", s(&root)]);
    assert_ne!(code, 0, "{err}");
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), before);
}

/// Many ambiguous numeric dates and past months in one file: each date
/// used to scan the whole text again (a 72 KB file took 28 s, 144 KB
/// about two minutes, in a debug build).
#[test]
fn many_ambiguous_dates_in_one_file_stay_linear() {
    let d = tempfile::tempdir().unwrap();
    let unit = "Reuters reported on 04/02/2024 that the talks began on 3 March. ";
    std::fs::write(d.path().join("a.txt"), unit.repeat(144 * 1024 / unit.len())).unwrap();
    let (code, out, _) = run(&["check", s(d.path()), "--fail-on", "never"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("ambiguous-date"),
        "{}",
        &out[..out.len().min(500)]
    );
}

/// The binary under test: the one cargo built, or `CROSSCHECK_TEST_BIN`
/// (to run the same tests against another build, an older one say).
pub fn crosscheck_bin() -> String {
    std::env::var("CROSSCHECK_TEST_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_crosscheck").to_string())
}

/// A knowledge base of thousands of broken entries: every finding used to
/// rescan the file for its line and column (5,000 entries took about two
/// minutes in a debug build).
#[test]
fn thousands_of_findings_in_one_file_stay_linear() {
    let (_d, root, _) = ws();
    let one = r#"{"id": "", "type": "person", "name": ""}"#;
    std::fs::write(
        root.join(".crosscheck/entities.json"),
        format!("{{\"entities\": [{}]}}", vec![one; 5000].join(",")),
    )
    .unwrap();
    let (code, out, _) = run(&["check", s(&root), "--format", "json"]);
    assert_eq!(code, 1);
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let n = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "invalid-value")
        .count();
    assert!(n >= 10_000, "{n} findings");
}
