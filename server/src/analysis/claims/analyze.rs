//! The claims of one file: its publication date and country, then each
//! sentence that can be a claim, with its attribution, hedges and facts
//! ([`analyze`], [`analyze_dated`]).
use super::claim_signs::*;
use super::*;

/// The country an article is written from (its dateline's place) or
/// about (the country most of its places are in, named at least twice and
/// more than any other).
fn article_country(text: &str, doc: &DocAnalysis, date: &FileDate) -> Option<String> {
    if let Some((a, b)) = date.dateline.as_ref().and_then(|d| d.place) {
        let place = text[a..b].split(',').next().unwrap_or("").trim();
        let titled: String = place
            .split_whitespace()
            .map(|w| {
                let mut cs = w.chars();
                match cs.next() {
                    Some(c) => c
                        .to_uppercase()
                        .chain(cs.flat_map(|c| c.to_lowercase()))
                        .collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<String>>()
            .join(" ");
        if let Some(c) = resolve::country_of_name(&titled) {
            return Some(c);
        }
    }
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    // "US$ 19.7 billion" converts an amount into a currency; it says
    // nothing of where the story is.
    let currency = |m: &crate::analysis::Mention| text[m.end..].trim_start().starts_with('$');
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Location && !currency(m))
    {
        if let Some(c) = resolve::country_of_name(m.text(text)) {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    match v.as_slice() {
        [(c, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => Some(c.clone()),
        _ => None,
    }
}

/// Keep the events a sentence reports with who took part or where, as
/// the context of the sentences after it (the last few only).
fn remember_events(
    context: &mut Vec<frames::Event>,
    sf: &frames::SentenceFrames,
    sentence: &str,
    anchor: Option<(dates::Ymd, dates::Ymd)>,
) {
    if sf.events.is_empty() || frames::facts::tells_of_another(sentence, anchor) {
        return;
    }
    for e in &sf.events {
        if e.negated || e.background || !frames::facts::identified(e) {
            continue;
        }
        context.push(e.clone());
    }
    let over = context.len().saturating_sub(8);
    context.drain(..over);
}

/// Find the claims of one document.
pub fn analyze(text: &str, doc: &DocAnalysis, settings: &ClaimSettings) -> FileClaims {
    analyze_dated(text, doc, settings, meta::infer(text, doc))
}

/// Find the claims of one document written on `date` (its own reading,
/// or one the folder's other files settled, see [`folder_dates`]): the
/// partial and relative dates of its claims resolve against it.
pub fn analyze_dated(
    text: &str,
    doc: &DocAnalysis,
    settings: &ClaimSettings,
    date: FileDate,
) -> FileClaims {
    let st = &doc.structure;
    let body: Vec<bool> = st
        .sentences
        .iter()
        .map(|s| {
            let p = &st.paragraphs[s.paragraph as usize];
            // A fact sheet's lines look like list furniture, but state
            // counts ("* Deaths: 23").
            let line = &text[s.start..s.end];
            !p.boilerplate && !p.headline
                || facts::is_labelled_count(line)
                || facts::is_labelled_office(line)
        })
        .collect();
    let cx = attribution::Context {
        text,
        doc,
        settings,
    };
    let attributions = attribution::find(&cx, &body);
    // Partial and relative dates in claims resolve against the file's
    // date when it is known within a year.
    let anchor = date.anchor();
    // Title-like lines (headlines, repeated headlines, captions).
    let titles: Vec<Vec<String>> = st
        .paragraphs
        .iter()
        .filter(|p| p.headline || !ends_like_sentence(&text[p.start..p.end]))
        .map(|p| word_set(text, p.start, p.end))
        .collect();
    // The first paragraph that turns to another story.
    let shift_from = st
        .paragraphs
        .iter()
        .position(|p| !p.boilerplate && attribution::shifts_topic(&text[p.start..p.end]))
        .map(|p| p as u32);
    // Whether a paragraph holds a caption, worked out once per paragraph
    // (a long paragraph has many sentences).
    let caption: Vec<std::cell::OnceCell<bool>> = vec![Default::default(); st.paragraphs.len()];
    let coverage = attribution::Coverage::new(&attributions);
    // The user's attribution verbs are verbs of saying for clause scope too.
    let reporting = |w: &str| {
        settings
            .attribution_verbs
            .iter()
            .any(|v| v.eq_ignore_ascii_case(w))
    };
    let country = article_country(text, doc, &date);
    let mut claims = Vec::new();
    // Events reported so far, with who took part or where (see
    // `facts::FactInput::context`).
    let mut context: Vec<frames::Event> = Vec::new();
    // Quotations that run on from one sentence to the next.
    let mut quotes = claimhood::QuoteTracker::default();
    let mut prev_end = 0usize;
    for (si, s) in st.sentences.iter().enumerate() {
        if !body[si] {
            continue;
        }
        let new_block = text[prev_end.min(s.start)..s.start].matches('\n').count() >= 2;
        prev_end = s.end;
        let in_quotation = quotes.read(&text[s.start..s.end], new_block);
        if shift_from == Some(s.paragraph) {
            context.clear();
        }
        let st_text = &text[s.start..s.end];
        if st_text.trim_end().ends_with('?') {
            continue;
        }
        // A dateline or byline is no claim, nor what a missing full stop
        // joined to it (a caption under it).
        if date.date.as_ref().is_some_and(|d| {
            matches!(d.source, DateSource::Dateline | DateSource::Byline)
                && s.start <= d.start
                && d.end <= s.end
                && !text[s.start..d.start].contains(['.', '!'])
                && text[s.start..d.start].split_whitespace().count() <= 3
                && text[d.end..s.end]
                    .lines()
                    .next()
                    .is_none_or(|rest| rest.split_whitespace().count() <= 3)
        }) {
            continue;
        }
        let nwords = words(text, s.start, s.end).len();
        // Too short to assert anything ("Saturday, September 12, 2015"),
        // unless a short sentence counts something ("Thirty-nine people
        // died.").
        let counts_something = nwords >= 3
            && ends_like_sentence(st_text)
            && (st_text.bytes().any(|b| b.is_ascii_digit())
                || frames::lexicon::mentions_number_word(st_text));
        // "* Deaths: twenty-three confirmed by Thursday": a fact sheet's
        // line states a count without being a sentence.
        // ("Finance: Goran Tomić": a list of appointments.)
        let sheet_line = facts::is_labelled_count(st_text) || facts::is_labelled_office(st_text);
        if nwords < 5 && !counts_something && !sheet_line {
            continue;
        }
        if !ends_like_sentence(st_text) && nwords < 12 && !sheet_line {
            continue;
        }
        let ws = word_set(text, s.start, s.end);
        if !sheet_line
            && titles.iter().any(|t| {
                t != &ws && jaccard(t, &ws) >= 0.8 || (t == &ws && !ends_like_sentence(st_text))
            })
        {
            continue;
        }
        let mentions = facts::mentions_in(doc, s.start, s.end);
        let names: Vec<u32> = mentions
            .iter()
            .copied()
            .filter(|&m| doc.mentions[m as usize].kind.is_name())
            .collect();
        let values = mentions
            .iter()
            .filter(|&&m| !doc.mentions[m as usize].kind.is_name())
            .count();
        let own_att = attributions
            .get(attributions.partition_point(|a| a.sentence < si as u32))
            .filter(|a| a.sentence == si as u32);
        let exclude: Vec<(usize, usize)> = own_att
            .map(|a| {
                let mut v: Vec<(usize, usize)> = a.chain.iter().map(|s| (s.start, s.end)).collect();
                v.push((a.cue_start, a.cue_end));
                v
            })
            .unwrap_or_default();
        // The parse, only for sentences that can carry a fact frame.
        let sentence_frames = if frames::worth_parsing(doc, &mentions, st_text)
            || facts::measurable(doc, &mentions, st_text)
        {
            frames::event::read(&frames::SentenceInput {
                text,
                doc,
                start: s.start,
                end: s.end,
                mentions: &mentions,
                exclude: &exclude,
                anchor,
            })
        } else {
            None
        };
        let another = !context.is_empty() && frames::facts::tells_of_another(st_text, anchor);
        let mut fs = facts::extract(&facts::FactInput {
            text,
            doc,
            start: s.start,
            end: s.end,
            exclude: &exclude,
            anchor,
            frames: sentence_frames.as_ref(),
            context: &context,
            country: country.as_deref(),
            another,
            dateline: date.dateline.as_ref().map(|d| (d.start, d.end)),
        });
        facts::period::mark(&mut fs, text, doc, (s.start, s.end), anchor);
        if let Some(sf) = &sentence_frames {
            remember_events(&mut context, sf, st_text, anchor);
        }
        if own_att.is_some_and(|a| a.only_attribution) && fs.is_empty() {
            continue;
        }
        let opinion = is_opinion(text, s.start, s.end);
        if opinion && values == 0 && fs.is_empty() {
            continue;
        }
        let has_location = names
            .iter()
            .any(|&m| doc.mentions[m as usize].kind == EntityKind::Location);
        // Counts and amounts outside the source phrase ("Nearly 5.4m
        // customers", "revenue of £1.9bn"); a date alone is no figure.
        let figures: Vec<&crate::analysis::Mention> = mentions
            .iter()
            .map(|&m| &doc.mentions[m as usize])
            .filter(|m| {
                matches!(m.kind, EntityKind::Money | EntityKind::Quantity)
                    && !exclude.iter().any(|&(a, b)| a <= m.start && m.end <= b)
            })
            .collect();
        let figure = !figures.is_empty();
        // The sentence names its own source and asserts something through
        // it ("Workers said the road had been closed for two weeks", "...,
        // according to people familiar with the matter"), names or none.
        // A quotation or a report of feelings with nothing to check ("We
        // were terrified," a resident said) asserts nothing checkable.
        let named_content = names.len() > own_source_names(doc, &names, own_att);
        // What the sentence says beyond who says it: "The Journal first
        // reported on the plans" tells only of a report.
        let content_words = words(text, s.start, s.end)
            .iter()
            .filter(|w| {
                !exclude.iter().any(|&(a, b)| a <= w.start && w.end <= b)
                    && !words::is_stopword(&w.text.to_lowercase())
            })
            .count();
        let attributed_assertion = own_att.is_some_and(|a| !a.only_attribution)
            && content_words >= 3
            && (figure || !feels(st_text))
            && (figure || named_content || !opens_quote(st_text));
        // A sentence that states a fact is a claim, names or none
        // ("Thirty-nine people died", "the vessel sank on 12 March"), and
        // so is one that states a figure ("Nearly 5.4m customers had their
        // details stolen").
        let checkable = !fs.is_empty()
            || figure
            || attributed_assertion
            || (!names.is_empty() && (values > 0 || names.len() >= 2 || has_location));
        // A sentence that a hedge makes speculation, by a named or
        // attributed speaker, is a claim to flag as such ("Ferrer said the
        // rescue could take several days"); so is one that a reporting
        // hedge puts on someone else's word ("Reportedly, two members
        // voted against", "The driver is believed to have fled").
        let speculation = !checkable && nwords <= 80 && {
            let hs = hedges::find_in(text, s.start, s.end, &settings.hedges, &reporting, None);
            // A forecast or plan over the main predicate of a sentence of
            // some length is speculation worth showing, names or none ("The
            // deal is expected to close in the fourth quarter"); a bare
            // modal there is too often ability or permission ("neither
            // side could score", "worshippers may now associate").
            !hs.is_empty()
                && (!names.is_empty()
                    || own_att.is_some()
                    || hs
                        .iter()
                        .any(|h| hedges::hearsay(&h.text) || (nwords >= 8 && h.text.contains(' '))))
        };
        if !checkable && !speculation {
            continue;
        }
        // Captions ("Image: ...", "Photo: ...") are not claims.
        let para = &text
            [st.paragraphs[s.paragraph as usize].start..st.paragraphs[s.paragraph as usize].end];
        if *caption[s.paragraph as usize].get_or_init(|| {
            let low = para.to_ascii_lowercase();
            [
                "image:", "image :", "photo:", "photo :", "video:", "caption:",
            ]
            .iter()
            .any(|c| low.contains(c))
        }) {
            continue;
        }
        // 'Sunak defended the record: "The Home Secretary and I are ...': a
        // quotation after a colon is the speech the sentence reports.
        let colon_quote = st_text
            .split_once(':')
            .is_some_and(|(_, rest)| opens_quote(rest.trim_start()));
        let quoted =
            opens_quote(st_text) || opens_quote(para.trim_start()) || in_quotation || colon_quote;

        let (atts, level) = coverage.of(
            si as u32,
            s.paragraph,
            shift_from.is_some_and(|p| s.paragraph >= p),
        );
        let parsed = sentence_frames
            .as_ref()
            .map(|sf| frames::clauses::ParsedClauses { parse: &sf.parse });
        let hedges = hedges::find_in(
            text,
            s.start,
            s.end,
            &settings.hedges,
            &reporting,
            parsed.as_ref().map(|p| p as &dyn scope::ClauseStructure),
        );
        // A hedge inside quoted words hedges what is quoted, not the
        // reporter's own words around it ("'... as long as we could,' X,
        // the company's chief executive, said": the office is no guess).
        let quotes = quoted_spans(text, s.start, s.end);
        for f in &mut fs {
            // An office named with its holder ("Peru's finance minister,
            // Raúl Ortega, told reporters the treasury could ...") is how
            // the report names the speaker: a hedge after it hedges what
            // is said, not the office ("X may be named minister" keeps
            // its hedge, inside the fact).
            let role = matches!(f.body, facts::FactBody::Role { .. });
            let own: Vec<Hedge> = hedges
                .iter()
                .filter(|h| !(role && h.start >= f.end))
                .filter(|h| {
                    !quotes
                        .iter()
                        .any(|&(a, b)| h.start >= a && h.end <= b && !(f.start >= a && f.start < b))
                })
                .cloned()
                .collect();
            f.hedged = hedged_fact(sentence_frames.as_ref(), &own, f);
        }
        // What `unverified-claim` may warn about. A figure in a sentence
        // that names nobody and yields no fact ("the surrounding 2 km
        // circumference", "two weeks left to assemble their robot") is a
        // claim, so its hedges and sources are shown, but on ordinary
        // reporting such figures are background, and warning on every one
        // would bury the warnings that matter. A fact (a count of the dead,
        // a price, a date, a place, a role), a number about someone named,
        // or a figure put on hearsay ("Reportedly, two members voted
        // against") is what deserves a source.
        let hard = !fs.is_empty()
            || (values > 0 && !names.is_empty())
            || figures.iter().any(|m| asserted_figure(text, s.start, m))
            || (figure && hedges.iter().any(|h| hedges::hearsay(&h.text)));
        // A line with no finite verb (a caption, a credit, a name and its
        // title) asserts nothing. Asked of the parse the sentence already
        // has, else only of a sentence that would be flagged as unverified
        // (parsing every sentence would cost entity features their speed).
        let verbless = match &sentence_frames {
            Some(sf) => !claimhood::has_finite_verb(&sf.parse, st_text),
            None if atts.is_empty() && hard && !quoted => {
                crate::analysis::syntax::parse(text, s.start, s.end)
                    .is_some_and(|p| !claimhood::has_finite_verb(&p, st_text))
            }
            None => false,
        };
        if verbless && !sheet_line {
            continue;
        }
        claims.push(Claim {
            sentence: si as u32,
            paragraph: s.paragraph,
            start: s.start,
            end: s.end,
            attributions: atts,
            level,
            hedges,
            facts: fs,
            stems: stems::intern_all(stems_outside_names(text, doc, s.start, s.end, &names)),
            hard,
            quoted,
            names,
            events: sentence_frames
                .as_ref()
                .map(|sf| {
                    sf.events
                        .iter()
                        .filter(|e| !e.negated)
                        .map(|e| frames::Event {
                            another,
                            ..e.clone()
                        })
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    // Amounts of the file's one deal, fine or breach whose own sentence
    // names no party ("Around US$900m will be paid in cash").
    facts::acts::settle(doc, text, &mut claims);
    // Outlets the file relies on: not those of the other stories a page
    // turns to after "Before that, ..." or "Earlier, ...".
    let mut outlets: Vec<String> = Vec::new();
    for a in attributions
        .iter()
        .filter(|a| shift_from.is_none_or(|p| a.paragraph < p))
    {
        for src in &a.chain {
            if src.outlet
                && src.kind == SourceKind::Named
                && !outlets.iter().any(|o| o.eq_ignore_ascii_case(&src.name))
            {
                outlets.push(src.name.clone());
            }
        }
    }
    for p in &st.paragraphs {
        let line = text[p.start..p.end].trim();
        if let Some(rest) = line.strip_prefix("Source:") {
            let name = rest.trim().trim_end_matches('.');
            if !name.is_empty()
                && name.split_whitespace().count() <= 4
                && !outlets.iter().any(|o| o.eq_ignore_ascii_case(name))
            {
                outlets.push(name.to_string());
            }
        }
    }
    FileClaims {
        claims,
        attributions,
        date,
        outlets,
        toll_rose: super::facts::amount_stages::tells_toll_rose(text),
    }
}
