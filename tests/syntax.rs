//! The tagger and dependency parser through their public API and the
//! `crosscheck syntax parse` command: the shipped weights load; key arcs of
//! news sentences (subject, object, the clause under "said", negation,
//! modals, passives, "according to"); hostile input finishes and returns
//! something sensible; missing or corrupt weights give clear errors, never
//! a panic.
use std::process::Command;

use crosscheck::analysis::syntax::{
    self, engine, DepRel, ModelError, Parse, Rel, SentenceParser, Sub, Upos,
};

fn parse(s: &str) -> Parse {
    syntax::parse(s, 0, s.len()).unwrap_or_else(|| panic!("no parse for {s:?}"))
}

/// The token whose text is `form` (the first one).
fn tok(p: &Parse, form: &str) -> usize {
    p.tokens
        .iter()
        .position(|t| t.form == form)
        .unwrap_or_else(|| panic!("no token {form:?} in\n{}", p.to_conllu()))
}

fn forms(p: &Parse, ids: &[usize]) -> Vec<String> {
    ids.iter().map(|&i| p.tokens[i].form.clone()).collect()
}

/// The text of a token's subtree.
fn phrase<'a>(s: &'a str, p: &Parse, i: usize) -> &'a str {
    let (a, b) = p.subtree_span(i);
    &s[a..b]
}

#[test]
fn shipped_weights_load() {
    match syntax::model_or_error() {
        Ok(m) => assert!(m.about.contains("GUM"), "{}", m.about),
        Err(e) => panic!("the built-in parser weights do not load: {e}"),
    }
}

#[test]
fn speech_verb_with_negated_modal_complement() {
    let s = "NATO Secretary General Jens Stoltenberg said on Tuesday that the alliance would not send troops to Ukraine.";
    let p = parse(s);
    let said = tok(&p, "said");
    assert_eq!(p.root(), said, "\n{}", p.to_conllu());
    let subj = p.subjects(said);
    assert_eq!(subj.len(), 1, "\n{}", p.to_conllu());
    assert!(
        phrase(s, &p, subj[0]).ends_with("Jens Stoltenberg"),
        "\n{}",
        p.to_conllu()
    );
    let send = tok(&p, "send");
    assert_eq!(p.reported_clause(said), Some(send), "\n{}", p.to_conllu());
    assert_eq!(forms(&p, &p.subjects(send)), ["alliance"]);
    assert_eq!(forms(&p, &p.objects(send)), ["troops"]);
    assert_eq!(
        p.negator(send).map(|n| p.tokens[n].lemma.as_str()),
        Some("not")
    );
    assert_eq!(forms(&p, &p.modals(send)), ["would"]);
    assert!(p.negator(said).is_none(), "the saying itself is affirmed");
    assert_eq!(p.tokens[said].lemma, "say");
}

#[test]
fn parenthetical_attribution_after_the_claim() {
    let s = "Russian forces shelled the city overnight, killing at least 12 people, regional officials said.";
    let p = parse(s);
    let said = tok(&p, "said");
    let shelled = tok(&p, "shelled");
    assert_eq!(
        p.reported_clause(said),
        Some(shelled),
        "\n{}",
        p.to_conllu()
    );
    assert_eq!(forms(&p, &p.subjects(shelled)), ["forces"]);
    assert_eq!(forms(&p, &p.objects(shelled)), ["city"]);
    assert_eq!(forms(&p, &p.subjects(said)), ["officials"]);
    let killing = tok(&p, "killing");
    assert_eq!(
        forms(&p, &p.objects(killing)),
        ["people"],
        "\n{}",
        p.to_conllu()
    );
    assert_eq!(p.tokens[tok(&p, "12")].upos, Upos::Num);
}

#[test]
fn passive_with_casualties() {
    let s = "Three people were killed in the attack, police said.";
    let p = parse(s);
    let killed = tok(&p, "killed");
    assert!(p.is_passive(killed), "\n{}", p.to_conllu());
    let subj = p.subjects(killed);
    assert_eq!(forms(&p, &subj), ["people"]);
    assert_eq!(p.deprel(subj[0]), DepRel::with(Rel::Nsubj, Sub::Pass));
    assert_eq!(p.reported_clause(tok(&p, "said")), Some(killed));
    assert!(p
        .obliques(killed)
        .iter()
        .any(|(o, prep)| p.tokens[*o].form == "attack" && prep.as_deref() == Some("in")));
}

#[test]
fn plain_negation_and_modal() {
    let s = "The ministry did not confirm the report.";
    let p = parse(s);
    let confirm = tok(&p, "confirm");
    assert_eq!(p.root(), confirm);
    assert_eq!(forms(&p, &p.subjects(confirm)), ["ministry"]);
    assert_eq!(forms(&p, &p.objects(confirm)), ["report"]);
    assert!(p.negator(confirm).is_some());

    let s = "The company may cut 1,000 jobs next year.";
    let p = parse(s);
    let cut = tok(&p, "cut");
    assert_eq!(forms(&p, &p.modals(cut)), ["may"], "\n{}", p.to_conllu());
    assert_eq!(forms(&p, &p.objects(cut)), ["jobs"]);
    assert!(p.negator(cut).is_none());
    let may = p.modals(cut)[0];
    assert!(p.in_scope_of(may, tok(&p, "jobs")));
}

#[test]
fn contraction_negation() {
    let s = "The Kremlin hasn't commented on the report.";
    let p = parse(s);
    assert_eq!(
        p.tokens.iter().map(|t| t.form.as_str()).collect::<Vec<_>>(),
        [
            "The",
            "Kremlin",
            "has",
            "n't",
            "commented",
            "on",
            "the",
            "report",
            "."
        ]
    );
    let commented = tok(&p, "commented");
    assert_eq!(
        p.negator(commented),
        Some(tok(&p, "n't")),
        "\n{}",
        p.to_conllu()
    );
    assert_eq!(p.tokens[tok(&p, "n't")].lemma, "not");
    assert_eq!(forms(&p, &p.subjects(commented)), ["Kremlin"]);
}

#[test]
fn according_to_and_reporting_with_object() {
    let s = "According to the ministry, the strike killed 45 people.";
    let p = parse(s);
    let killed = tok(&p, "killed");
    assert_eq!(
        p.oblique_with(killed, "according to")
            .map(|i| p.tokens[i].form.as_str()),
        Some("ministry"),
        "\n{}",
        p.to_conllu()
    );
    assert_eq!(forms(&p, &p.subjects(killed)), ["strike"]);
    assert_eq!(forms(&p, &p.objects(killed)), ["people"]);
    assert_eq!(p.tokens[killed].lemma, "kill");

    let s = "Officials told reporters that the bridge had been destroyed.";
    let p = parse(s);
    let told = tok(&p, "told");
    let destroyed = tok(&p, "destroyed");
    assert_eq!(
        p.reported_clause(told),
        Some(destroyed),
        "\n{}",
        p.to_conllu()
    );
    assert!(p.is_passive(destroyed));
    assert_eq!(forms(&p, &p.subjects(destroyed)), ["bridge"]);
}

#[test]
fn relative_clause_subjects() {
    let s = "The company, which employs 5,000 people, said it would close the plant.";
    let p = parse(s);
    let said = tok(&p, "said");
    assert_eq!(p.root(), said, "\n{}", p.to_conllu());
    assert_eq!(forms(&p, &p.subjects(said)), ["company"]);
    let employs = tok(&p, "employs");
    assert_eq!(p.deprel(employs), DepRel::with(Rel::Acl, Sub::Relcl));
    assert_eq!(
        forms(&p, &p.subjects(employs)),
        ["company"],
        "relative pronoun resolved"
    );
    assert_eq!(forms(&p, &p.objects(employs)), ["people"]);
    let close = tok(&p, "close");
    assert_eq!(p.reported_clause(said), Some(close));
    assert_eq!(forms(&p, &p.modals(close)), ["would"]);

    let s = "Soldiers who were wounded in the attack were taken to hospital.";
    let p = parse(s);
    let wounded = tok(&p, "wounded");
    assert!(p.is_passive(wounded), "\n{}", p.to_conllu());
    assert_eq!(forms(&p, &p.subjects(wounded)), ["Soldiers"]);
    assert_eq!(forms(&p, &p.subjects(tok(&p, "taken"))), ["Soldiers"]);
}

#[test]
fn offsets_point_into_the_document() {
    let text = "Kyiv, 5 May (Reuters) - \u{201C}We won\u{2019}t stop,\u{201D} Zelenskyy said. Next sentence.";
    let start = text.find('\u{201C}').unwrap();
    let end = text.find(" Next").unwrap();
    let p = syntax::parse(text, start, end).unwrap();
    for t in &p.tokens {
        assert_eq!(&text[t.start..t.end], t.form);
        assert!(t.start >= start && t.end <= end);
    }
    let said = tok(&p, "said");
    assert_eq!(forms(&p, &p.subjects(said)), ["Zelenskyy"]);
    let stop = tok(&p, "stop");
    assert_eq!(p.reported_clause(said), Some(stop), "\n{}", p.to_conllu());
    assert!(p.negator(stop).is_some());
}

#[test]
fn hostile_input_finishes_with_a_sensible_answer() {
    // A 10,000-word "sentence": over the limits, no parse.
    let long = "word ".repeat(10_000) + ".";
    assert!(syntax::parse(&long, 0, long.len()).is_none());
    // 250 short tokens under the byte limit: over the token limit.
    let many = "a ".repeat(250);
    assert!(many.len() < syntax::MAX_SENTENCE_BYTES);
    assert!(syntax::parse(&many, 0, many.len()).is_none());
    // A 5 MB paragraph.
    let huge = "The troops moved on and ".repeat(5 * 1024 * 1024 / 24);
    assert!(syntax::parse(&huge, 0, huge.len()).is_none());
    // Just under the token limit: parsed.
    let near = "and ".repeat(syntax::MAX_SENTENCE_TOKENS - 1) + ".";
    let p = syntax::parse(&near, 0, near.len()).expect("at the limit");
    assert_eq!(p.len(), syntax::MAX_SENTENCE_TOKENS);
    assert_eq!(p.tokens.iter().filter(|t| t.head.is_none()).count(), 1);
    // 400-digit numbers are one token each.
    let digits = "9".repeat(400);
    let s = format!("The fund holds {digits} dollars and {digits} euros, officials said.");
    let p = syntax::parse(&s, 0, s.len()).expect("a sentence with huge numbers");
    assert_eq!(p.tokens.iter().filter(|t| t.form == digits).count(), 2);
    assert_eq!(p.tokens[tok(&p, &digits)].upos, Upos::Num);
    // Impossible dates are just words.
    for s in [
        "The vote was held on 32/13/2024, officials said.",
        "The summit ends on February 30.",
    ] {
        let p = syntax::parse(s, 0, s.len()).expect(s);
        assert_eq!(p.tokens.iter().filter(|t| t.head.is_none()).count(), 1);
    }
    // Odd Unicode: zero-width and bidi marks, emoji, combining marks,
    // scripts the treebanks never saw.
    let s = "Zelenskyy\u{200B} said: \u{AB}\u{041C}\u{0438} \u{043F}\u{0435}\u{0440}\u{0435}\u{043C}\u{043E}\u{0436}\u{0435}\u{043C}\u{043E}\u{BB} \u{1F44D}\u{1F3FD} \u{2014} \u{130}stanbul\u{2019}s e\u{301}lite \u{200F}\u{6771}\u{4EAC} \u{FEFF}!";
    let p = syntax::parse(s, 0, s.len()).expect("odd unicode");
    for t in &p.tokens {
        assert_eq!(&s[t.start..t.end], t.form);
    }
    // Nothing to parse, or not a valid range: None.
    for (text, a, b) in [
        ("   \n\t ", 0, 6),
        ("", 0, 0),
        ("Kyiv", 3, 1),
        ("Kyiv", 0, 10),
        ("K\u{F6}ln", 0, 2),
    ] {
        assert!(syntax::parse(text, a, b).is_none(), "{text:?} {a}..{b}");
    }
}

#[test]
fn results_are_cached_by_sentence_text() {
    let parser = SentenceParser::new(engine::load_embedded());
    let s = "Officials said the talks had failed.";
    let doc = format!("Headline\n\n{s}");
    let a = parser.parse(s, 0, s.len()).unwrap();
    let b = parser.parse(&doc, doc.len() - s.len(), doc.len()).unwrap();
    assert_eq!(parser.cached(), 1);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.tokens.iter().zip(&b.tokens) {
        assert_eq!(x.start + doc.len() - s.len(), y.start);
        assert_eq!((x.head, x.deprel, &x.lemma), (y.head, y.deprel, &y.lemma));
    }
    // A different sentence with the same length is a different entry.
    let t = "Officials said the talks had paused.";
    assert_eq!(t.len(), s.len());
    parser.parse(t, 0, t.len()).unwrap();
    assert_eq!(parser.cached(), 2);
}

#[test]
fn missing_or_corrupt_weights_are_clear_errors_and_parse_returns_none() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.xcm");
    let err = engine::load_file(&missing).unwrap_err();
    assert!(matches!(err, ModelError::Unreadable { .. }));
    assert!(err.to_string().contains("nope.xcm"), "{err}");
    let p = SentenceParser::new(Err(err));
    assert!(p.parse("NATO said so.", 0, 13).is_none());
    assert!(p.model().is_err());

    let good = engine::embedded_bytes();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "flipped",
            {
                let mut b = good.to_vec();
                let k = b.len() / 2;
                b[k] ^= 0x40;
                b
            },
            "checksum",
        ),
        ("truncated", good[..good.len() - 100].to_vec(), "unusable"),
        ("text", b"this is not a model".to_vec(), "wrong magic"),
        ("empty", Vec::new(), "wrong magic"),
    ];
    for (name, bytes, needle) in cases {
        let path = dir.path().join(format!("{name}.xcm"));
        std::fs::write(&path, &bytes).unwrap();
        let err = engine::load_file(&path).unwrap_err();
        assert!(matches!(err, ModelError::Invalid { .. }), "{name}: {err}");
        let msg = err.to_string();
        assert!(
            msg.contains(needle) && msg.contains("unusable"),
            "{name}: {msg}"
        );
        let p = SentenceParser::new(Err(err));
        assert!(p.parse("NATO said so.", 0, 13).is_none());
    }
}

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

#[test]
fn cli_parse_prints_conllu_and_reports_bad_weights_at_start_up() {
    let out = crosscheck()
        .args([
            "syntax",
            "parse",
            "Officials said the bridge was destroyed.",
        ])
        .env_remove(syntax::MODEL_ENV)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("# text = Officials said the bridge was destroyed."));
    assert!(text.contains("\tsay\tVERB\tVBD\t"), "{text}");
    assert!(text.contains("nsubj:pass"), "{text}");

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.xcm");
    let corrupt = dir.path().join("corrupt.xcm");
    let mut bytes = engine::embedded_bytes().to_vec();
    let k = bytes.len() / 3;
    bytes[k] ^= 1;
    std::fs::write(&corrupt, bytes).unwrap();
    for (path, needle) in [(&missing, "cannot be read"), (&corrupt, "checksum")] {
        let out = crosscheck()
            .args(["syntax", "parse", "Officials said so."])
            .env(syntax::MODEL_ENV, path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{err}");
        assert!(err.contains(&path.display().to_string()), "{err}");
        assert!(out.stdout.is_empty());
    }
}
