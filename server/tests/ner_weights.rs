//! The learned name tagger's weights: off by default and with `none`, on
//! with `builtin`; the command line runs on the rules alone, with one
//! warning, when the weights named are missing or corrupt.
use std::process::Command;

use crosscheck::analysis::ner::learned;

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn entities(dir: &std::path::Path, model: Option<&std::ffi::OsStr>) -> (String, String) {
    let mut cmd = crosscheck();
    cmd.args(["entities"]).arg(dir);
    match model {
        Some(m) => cmd.env(learned::MODEL_ENV, m),
        None => cmd.env_remove(learned::MODEL_ENV),
    };
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn missing_or_corrupt_weights_leave_the_rules_in_charge_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Harbour board backs sea wall\n\nThe mayor, Dunstan Pell, met engineers from Rotterdam on Tuesday. \
         Pell said the Port Authority would pay.\n",
    )
    .unwrap();
    let (rules, quiet) = entities(&corpus, Some("none".as_ref()));
    assert!(rules.contains("Dunstan Pell"), "{rules}");
    assert!(!quiet.contains("name tagger"), "{quiet}");
    let (default, err) = entities(&corpus, None);
    assert_eq!(default, rules);
    assert!(!err.contains("name tagger"), "{err}");
    let (tagged, err) = entities(&corpus, Some("builtin".as_ref()));
    assert!(tagged.contains("Dunstan Pell"), "{tagged}");
    assert!(!err.contains("name tagger"), "{err}");

    let missing = dir.path().join("missing.xcm");
    let corrupt = dir.path().join("corrupt.xcm");
    let mut bytes = learned::embedded_bytes().to_vec();
    let k = bytes.len() / 3;
    bytes[k] ^= 1;
    std::fs::write(&corrupt, bytes).unwrap();
    for (path, needle) in [(&missing, "cannot be read"), (&corrupt, "checksum")] {
        let (out, err) = entities(&corpus, Some(path.as_os_str()));
        assert_eq!(out, rules, "the rules alone answer");
        assert!(err.contains(needle), "{err}");
        assert!(err.contains("rules alone"), "{err}");
        assert!(err.contains(&path.display().to_string()), "{err}");
    }
}
