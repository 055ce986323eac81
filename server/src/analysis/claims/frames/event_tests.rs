use super::*;
use crate::analysis::analyze_document;
use crate::analysis::claims::facts::mentions_in;

/// (kind, participants and loose names, places, first day).
type Read = (EventKind, Vec<String>, Vec<String>, Option<Ymd>);

/// The events of the first sentence of `t` (dated as of `day`).
pub(crate) fn events(t: &str, day: Option<Ymd>) -> Vec<Read> {
    let doc = analyze_document(t);
    let s = &doc.structure.sentences[0];
    let ms = mentions_in(&doc, s.start, s.end);
    let sf = read(&SentenceInput {
        text: t,
        doc: &doc,
        start: s.start,
        end: s.end,
        mentions: &ms,
        exclude: &[],
        anchor: day.map(|d| (d, d)),
    })
    .expect("weights are built in");
    if std::env::var("FRAMES_DEBUG").is_ok() {
        eprintln!("{}", sf.parse.to_conllu());
        for &m in &ms {
            let men = &doc.mentions[m as usize];
            eprintln!(
                "mention {:?} {:?} head {:?}",
                men.kind,
                men.text(t),
                sf.head_of(m)
            );
        }
    }
    let name = |m: &u32| doc.mentions[*m as usize].text(t).to_string();
    sf.events
        .iter()
        .map(|e| {
            (
                e.kind,
                e.participants
                    .iter()
                    .map(name)
                    .chain(e.names.iter().cloned())
                    .collect(),
                e.places.iter().map(name).collect(),
                e.when.map(|w| w.0),
            )
        })
        .collect()
}

#[test]
fn crash_with_participant_date_and_place() {
    let day = Ymd::new(2019, 6, 13);
    let e = events(
        "The Transandes flight from Santa Cruz crashed on Tuesday, 11 June, during a heavy rainstorm as it approached the airport.",
        day,
    );
    assert_eq!(e[0].0, EventKind::Crash, "{e:?}");
    assert_eq!(e[0].1, vec!["transandes"], "{e:?}");
    assert_eq!(e[0].3, Ymd::new(2019, 6, 11), "{e:?}");
}

mod scratch {
    /// `FRAMES_SENTENCE="..." cargo test scratch -- --nocapture` prints the
    /// parse and events of a sentence (for development).
    #[test]
    fn print_events_of_a_sentence() {
        let Ok(t) = std::env::var("FRAMES_SENTENCE") else {
            return;
        };
        let e = super::events(&t, None);
        eprintln!("{e:#?}");
    }
}
