//! Amounts in a claim: where they are, what they measure, whose they are.
use super::acts::*;
use super::amount_parties::*;
use super::amount_parts::{is_distance, part_named_before, provision_before};
use super::amount_spots::{amount_spots, counted_number, hyphenated_scale, joined_duration};
use super::amount_terms::{measure_of_event, time_span};
use super::bare_counts::{bare_count, read_bare, BareCount};
use super::goals::{beyond_one_game, opponent};
use super::*;
use crate::analysis::claims::words::floor_boundary;

pub(super) fn quantities(inp: &FactInput, out: &mut Vec<Fact>) {
    let (text, doc) = (inp.text, inp.doc);
    let ms = mentions_in(doc, inp.start, inp.end);
    // The end of an amount read with the next one ("six years and nine
    // months"): the spots inside it were read with it.
    let mut joined_to = 0;
    for q in amount_spots(inp, &ms) {
        if q.start < joined_to {
            continue;
        }
        // "killing 12", "the toll rose to 38": a number the parse says
        // counts casualties although no noun follows it.
        let bare = inp
            .frames
            .zip(q.token)
            .and_then(|(sf, t)| bare_count(&sf.parse, t));
        // The mention with what the recogniser left out around it ("at
        // least", "US$", "twenty-").
        let Some(found) = quantity::read(text, q.start, q.end)
            .filter(|f| f.start < q.end && q.start < f.end)
            .or_else(|| counted_number(inp, &q))
            .or_else(|| bare.and(read_bare(text, q.start, q.end)))
        else {
            continue;
        };
        // "$1.1-billion budget" (Canadian and British style): the scale
        // joined by a hyphen.
        let found = hyphenated_scale(text, found);
        let found = joined_duration(text, found);
        if found.end > q.end {
            joined_to = found.end;
        }
        // A year or a date is no amount.
        if q.mention.is_none()
            && found.amount.unit.is_empty()
            && (1900.0..2100.0).contains(&found.amount.value)
        {
            continue;
        }
        // "41 of the 49 people": the whole the part is counted from.
        // "had scored 30 points only once": how often, not how much.
        if let (Some(sf), Some(t)) = (inp.frames, q.token) {
            let p = &sf.parse;
            let clause = p.clause_of(t);
            let how_often = p.children(clause).iter().any(|&c| {
                matches!(
                    p.tokens[c].form.to_ascii_lowercase().as_str(),
                    "once" | "twice" | "times" | "never"
                )
            });
            if how_often {
                continue;
            }
            if p.tokens[t].deprel.rel == crate::analysis::syntax::Rel::Nmod
                && p.head(t)
                    .is_some_and(|h| p.tokens[h].upos == crate::analysis::syntax::Upos::Num)
            {
                continue;
            }
        }
        let mut amount = found.amount;
        // A bare "$" in an article from a country of dollars is its
        // dollar: Canadian news writes "$200 million" for Canadian dollars
        // and "US$" for American ones.
        if let Some(local) = local_dollar(text, found.start, found.end, &amount.unit, inp.country) {
            amount.unit = local.to_string();
        }
        // "142 crowns per share" in an article from Oslo: the crown of
        // the country, as "kroner" is.
        if let Some(local) = super::amount_parties::local_crown(&amount.unit, inp.country) {
            amount.unit = local.to_string();
        }
        // Where the parse places the amount: the event it is part of and
        // the named subject of its clause.
        let token = q.token;
        let mut event: Option<Event> = inp.frames.zip(token).and_then(|(sf, t)| {
            let e = sf.event_over(t)?;
            Some(sf.events[e].clone())
        });
        // Durations compare only as prison terms ("sentenced to 12
        // years"); elsewhere they are too context-bound.
        let sentence_term = event
            .as_ref()
            .is_some_and(|e| e.kind == crate::analysis::claims::frames::EventKind::Sentencing);
        // "The fifteen-year term handed to X": a prison term by its noun.
        let term_noun = DURATIONS.contains(&amount.unit.as_str())
            && !sentence_term
            && (super::amount_terms::term_noun_after(inp, found.end)
                || super::amount_terms::term_in_prison(inp, found.start)
                || super::amount_terms::term_received(inp, (found.start, found.end)));
        let sentence_term = sentence_term || term_noun;
        let (fs, fe) = (found.start.max(inp.start), found.end.min(inp.end));
        // What the parse says the amount measures: the noun it modifies or
        // is "of", a copula's subject, the verb of a sale
        // ([`super::measured`]).
        let governed = inp
            .frames
            .and_then(|sf| super::measured::read(&sf.parse, (fs, fe), &amount))
            .filter(|g| super::measured::held_is_a_company(inp, g));
        // What a length, a mass, a speed, an age or a span of hours
        // measures, when the words around it name the thing ("seized 4.2
        // tonnes of cocaine", "a wave 12 metres high", "given 48 hours to
        // leave"): a fact of its story, as a governed amount is.
        let physical = if governed.is_none() && !sentence_term {
            inp.frames
                .and_then(|sf| super::physical::read(&sf.parse, (fs, fe), &amount))
        } else {
            None
        };
        // A duration a noun governs ("a five-year contract", "the blackout
        // lasted 12 hours") is a fact like a prison term.
        if DURATIONS.contains(&amount.unit.as_str())
            && !sentence_term
            && governed.is_none()
            && physical.is_none()
        {
            continue;
        }
        // A count or a term asked for, wanted or planned ("Prosecutors
        // had asked for a nine-year sentence") is not the outcome. (Money
        // offered or bid is a takeover's price: its reader decides.)
        // (A strike "called" or threatened is the strike its story tells
        // of: its length is the strike's.)
        let strike = governed.as_ref().is_some_and(|g| g.what == "strike");
        if !is_money_unit(&amount.unit)
            && amount.unit != "%"
            && !strike
            && inp
                .frames
                .zip(token)
                .is_some_and(|(sf, t)| super::count_reading::sought(&sf.parse, t))
        {
            continue;
        }
        let (ca, cb) = clause(text, inp.start, inp.end, q.start, q.end);
        let mut measure = measure::identify(&MeasureInput {
            text,
            clause: (ca, cb),
            span: (fs, fe),
            amount: &amount,
        });
        if let Some(g) = &governed {
            super::measured::apply(g, &mut measure, &amount, &text[ca..cb].to_lowercase());
            // "cost an initial €20 million", "The fee is €12m up front":
            // the part paid at once.
            if measure.what == "price" && super::measured::up_front(text, (ca, cb), (fs, fe)) {
                measure.part = Some("up front".into());
            }
        }
        // "evaded 38.4 million euros in income, trade and value-added
        // tax": the money evaded, whatever noun the parse hung it on.
        let mut by_act = false;
        if is_money_unit(&amount.unit) && super::money_acts::evaded_before(&text[ca.min(fs)..fs]) {
            measure.what = "tax evaded".into();
            by_act = true;
        }
        // "caused a loss of 3.4 million euros to the county budget" in a
        // fraud: the money taken, as "diverted 4.3 million euros" is.
        if measure.what == "loss" && super::measured_value::fraud_loss(&text[inp.start..inp.end]) {
            measure.what = super::measured_words::MONEY_DIVERTED.into();
        }
        if let Some(what) = &physical {
            measure.what = what.clone();
            // "rose to a height of 8 km": a level, not a change.
            if measure.basis == measure::Basis::Change {
                measure.basis = measure::Basis::Total;
            }
        }
        // What one side asks for is not what was imposed or agreed.
        if inp
            .frames
            .is_some_and(|sf| super::sought::sought(&sf.parse, (fs, fe)))
        {
            measure.part = Some("sought".into());
        }
        // The level a toll reaches is the dead counted so far, however far
        // the word "toll" stands from the number.
        if matches!(bare, Some(BareCount::TollLevel | BareCount::TollNow)) {
            measure.what = "killed".into();
            measure.basis = measure::Basis::Total;
            if bare == Some(BareCount::TollLevel) {
                measure.stage = measure::Stage::Partial;
            }
        }
        // What happens to the people a count counts is what the parse
        // says governs it, not a cue word of another clause nearby ("the
        // death toll from the blast, which also injured 60, stands at 24").
        if let Some(what) = inp
            .frames
            .zip(token)
            .and_then(|(sf, t)| super::count_reading::people_measure(&sf.parse, t))
        {
            if what != measure.what && super::count_reading::happens_to_people(&measure.what) {
                measure.what = what;
            }
        }
        // A measure frame the parse reads ("will cost 1,150 jobs", "left
        // 2,300 lorries queuing") names a count's measure by its meaning,
        // whatever cue word stands nearest; money keeps its own reading.
        let mut framed = false;
        if !is_money_unit(&amount.unit) && amount.unit != "%" {
            if let Some(what) = inp
                .frames
                .zip(token)
                .and_then(|(sf, t)| super::count_reading::frame_measure(&sf.parse, t))
            {
                measure.what = what;
                framed = true;
                // "cut 1,150 jobs": the verb of cutting names the frame;
                // the count is the number cut, not a change of one.
                if measure.basis == measure::Basis::Change {
                    measure.basis = measure::Basis::Total;
                }
                // "confirmed by 79 votes": the votes cast, not a margin.
                if measure.basis == measure::Basis::Margin
                    && measure.what.starts_with("votes")
                    && inp
                        .frames
                        .zip(token)
                        .is_some_and(|(sf, t)| super::count_states::voted_on_verb(&sf.parse, t))
                {
                    measure.basis = measure::Basis::Total;
                }
                measure::fold_frame_units(
                    &measure.what.clone(),
                    &mut amount.unit,
                    &mut measure.unit,
                );
                // "won two of its twelve matches": the wins, compared with
                // another report's (see `counted`).
                if matches!(measure.what.as_str(), "wins" | "draws" | "losses") {
                    measure.part = None;
                }
            }
        }
        // "runs 212 supermarkets", "X's 221 establishments", "with 212
        // stores": the outlets a company holds, one unit whatever they
        // are called.
        let holder = if framed || !super::holdings::is_outlet(&amount.unit) {
            None
        } else {
            super::holdings::holder_before(&text[inp.start..fs])
        };
        if holder.is_some() {
            measure.what = "outlets".into();
            amount.unit = "store".into();
            measure.unit = "store".into();
            measure.basis = measure::Basis::Total;
            if measure.part.is_none() {
                measure.part =
                    super::holdings::place_after(&text[fe..inp.end]).map(|p| format!("in {p}"));
            }
            by_act = true;
        }
        // "claimed 31 lives": people.
        if measure.what == "killed" && matches!(amount.unit.as_str(), "live" | "life" | "lives") {
            amount.unit = "person".into();
            measure.unit = "person".into();
        }
        // "scored three goals": goals, not points; over a season they are
        // another count than one game's.
        if amount.unit == "goal" && measure.what == "points" {
            measure.what = "goals".into();
        }
        // "10 points from 12 games", "seven games left, 21 points to play
        // for": the games a score is over are no score.
        if matches!(
            amount.unit.as_str(),
            "game" | "match" | "fixture" | "outing" | "appearance"
        ) && matches!(
            measure.what.as_str(),
            "points" | "goals" | "rebounds" | "assists"
        ) {
            continue;
        }
        if measure.what == "goals" && beyond_one_game(&text[ca..cb]) {
            measure.what = "season goals".into();
        }
        // One game's goals are of the game against the team named after
        // them ("as Vargfjell HC beat Nordvik HF 5-2").
        if measure.what == "goals" {
            measure.to = opponent(&text[fs..inp.end]);
        }
        // People whose data a breach reached, however the clause counts
        // them ("5.4 million customers", "five million people affected"):
        // one measure of the breached organisation.
        let breach = measure::breach_victims(&text[ca..cb], &amount.unit)
            && !customer_base(&text[ca.max(floor_boundary(text, fs.saturating_sub(30)))..fs]);
        if breach {
            measure.what = measure::BREACH.to_string();
            measure.unit = "person".to_string();
            amount.unit = "person".to_string();
        }
        // "for $1.1 billion, or $1.4 billion including debt": beside a
        // price without it, the value including debt is another measure;
        // alone it is the deal's price.
        let with_debt = text[fe..inp.end]
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("including debt");
        let priced_before = ms.iter().any(|&k| {
            let m = &doc.mentions[k as usize];
            m.kind == EntityKind::Money && m.end <= fs
        });
        if with_debt && priced_before {
            measure.part = Some("including debt".into());
        }
        // "agreed to acquire X ..., for $1.4 billion including debt": the
        // verb of buying governs the amount from beyond its clause.
        if measure.what.is_empty()
            && is_money_unit(&amount.unit)
            && (inp
                .frames
                .zip(token)
                .is_some_and(|(sf, t)| bought_by_verb(sf, t))
                || for_after_buying(inp, fs))
        {
            measure.what = "price".into();
        }
        // "had set aside €1.06 billion for the fine": money put aside for
        // a cost is a provision, another measure than the cost it awaits.
        if is_money_unit(&amount.unit) && provision_before(&text[ca.min(fs)..fs]) {
            measure.what = "provision".into();
        }
        // "had withheld €43.8 million from the tax authorities", "has put
        // $540,000 at the disposal of the ministry": tax evaded, aid.
        if measure.what.is_empty() && is_money_unit(&amount.unit) {
            let before = text[ca.min(fs)..fs].to_lowercase();
            let after = text[fe..inp.end.max(fe)].to_lowercase();
            if let Some(what) = super::money_acts::money_act(&before, &after) {
                measure.what = what.into();
                by_act = true;
            }
        }
        // "will give Mozambique 15 million euros": money a verb of giving
        // hands to a country is aid to it.
        let gift = if measure.what.is_empty() && is_money_unit(&amount.unit) {
            inp.frames
                .zip(token)
                .and_then(|(sf, t)| gift_recipient(inp, sf, t, &ms))
        } else {
            None
        };
        if gift.is_some() {
            measure.what = "aid".into();
        }
        // No cue word for money given in a pledge or paid in a deal, or for
        // a prison term: the event says what it measures.
        if (measure.what.is_empty() || sentence_term) && !time_span(text, fs, &amount) {
            if let Some(what) = event
                .as_ref()
                .and_then(|e| measure_of_event(e.kind, &amount))
            {
                measure.what = what.to_string();
            }
        }
        // "The cash portion amounts to $1.4 billion", "a first tranche of
        // $3 million": a part named before the amount is a part, as "in
        // cash" after it is.
        if measure.part.is_none() {
            measure.part = part_named_before(&text[ca.min(fs)..fs]);
        }
        // Years of a sentence that are suspended are a part of it ("the
        // judge suspended five years of the sentence").
        if term_noun {
            measure.what = "prison term".into();
        }
        if measure.what == "prison term"
            && super::amount_terms::suspended_part(text, (ca, cb), (fs, fe))
        {
            measure.part = Some("suspended".into());
        }
        // Only the mentions of the clause (a long sentence has many).
        let ms_clause = within(doc, &ms, ca, cb);
        // Subject: "32 countries of the alliance"; else the named subject
        // of the amount's clause in the parse; without a parse, the
        // nearest name before the amount in its clause.
        let of_subject = ms_clause.iter().copied().find(|&k| {
            let m = &doc.mentions[k as usize];
            m.kind.is_name()
                && m.start >= q.end
                && m.start <= q.end + 8
                && matches!(
                    text[q.end..m.start].trim().to_lowercase().as_str(),
                    "of" | "of the"
                )
        });
        // "a data breach at X", "a cyber-attack on X": the breached
        // organisation.
        let breached = || {
            ms_clause.iter().copied().find(|&k| {
                let m = &doc.mentions[k as usize];
                m.kind == EntityKind::Organization
                    && measure::after_breach_word(
                        &text[ca.max(floor_boundary(text, m.start.saturating_sub(40)))..m.start],
                    )
            })
        };
        let of_subject = of_subject
            .or_else(|| breached().filter(|_| breach))
            .or_else(|| {
                contractor(inp, &ms_clause, (ca, cb), fe).filter(|_| measure.what == "price")
            });
        let subject = of_subject.or_else(|| match (inp.frames, token) {
            (Some(sf), Some(t)) => sf
                .subject_of(t, doc)
                .filter(|m| !in_spans(doc, *m, inp.exclude))
                .or_else(|| {
                    // Money the speaker gives or pays ("The EU announced
                    // €45 million in aid"): the source is the donor.
                    let gives = is_money_unit(&amount.unit) && measure::gives_money(&measure.what);
                    gives.then(|| speaker_subject(inp, sf, t, &ms_clause))?
                }),
            (Some(_), None) => None,
            (None, _) => ms_clause.iter().copied().rev().find(|&k| {
                let m = &doc.mentions[k as usize];
                m.kind.is_name() && m.start >= ca && m.end <= q.start
            }),
        });
        let subject = act_party(inp, &measure, breach, fs, subject);
        // The outlets are the holder's: the name before "'s", none for "a
        // business with 212 stores" (the clause's subject pays for them).
        let subject = match holder {
            Some(super::holdings::Holder::With) => None,
            Some(super::holdings::Holder::Possessive) => ms_clause
                .iter()
                .copied()
                .filter(|&k| doc.mentions[k as usize].kind.is_name())
                .filter(|&k| doc.mentions[k as usize].end <= fs)
                .max_by_key(|&k| doc.mentions[k as usize].end)
                .filter(|&k| {
                    let gap = &text[doc.mentions[k as usize].end..fs];
                    gap.trim().len() <= 3 && gap.trim_start().starts_with(['\'', '\u{2019}'])
                })
                .or(subject),
            _ => subject,
        };
        // The distance of a stage, the height of a building, the cargo
        // aboard: the measure names the thing measured, and the clause's
        // subject is who won the stage or what the ship is called ("Jonas
        // Vinter won the stage after 187 kilometres"), no holder of it.
        let subject = subject.filter(|_| {
            !physical
                .as_deref()
                .is_some_and(super::physical_more::of_the_thing_named)
        });
        // "A wildfire north of Athens has burned 2,400 hectares": a place
        // near the fire does not hold the area it burned.
        let subject = subject.filter(|&k| {
            physical.as_deref() != Some(super::physical_area::AREA_BURNED)
                || doc.mentions[k as usize].kind != EntityKind::Location
        });
        // A strike's length is the strike's, whoever the clause names:
        // the union calls it, the pilots walk out, the airline is struck.
        let subject = subject.filter(|_| measure.what != "strike");
        // "Vinter is four seconds clear of Ruiz": the leader is the person
        // named before the lead, however the parse hung the clause.
        let subject = subject.or_else(|| {
            physical
                .as_deref()
                .filter(|w| w.starts_with("lead over "))
                .and_then(|_| {
                    ms_clause.iter().copied().find(|&k| {
                        let m = &doc.mentions[k as usize];
                        m.kind == EntityKind::Person && m.end <= fs
                    })
                })
        });
        // "X received a prison sentence for evading 38.4 million euros":
        // X evaded it.
        let subject = match (subject, inp.frames.zip(token)) {
            // The person a court sentenced for it ("A Munich court
            // sentenced X ... for evading"), never the court or its city.
            (None, Some((sf, t))) if measure.what == "tax evaded" => {
                super::amount_terms::sentenced_person(inp, fs, fe)
                    .or_else(|| super::money_acts::evader_above(sf, t, doc))
                    .filter(|m| !in_spans(doc, *m, inp.exclude))
                    .filter(|&m| doc.mentions[m as usize].kind == EntityKind::Person)
            }
            (s, _) => s,
        };
        // "Dia reached an agreement on Monday to acquire Gadis for €1.53
        // billion": the buyer is who reached the deal.
        let subject = match (subject, inp.frames.zip(token)) {
            (None, Some((sf, t)))
                if measure.what == "price"
                    && event.as_ref().is_some_and(|e| {
                        e.kind == crate::analysis::claims::frames::EventKind::Acquisition
                            && e.participants.is_empty()
                    }) =>
            {
                super::amount_deals::buyer_above(sf, t, doc)
                    .filter(|m| !in_spans(doc, *m, inp.exclude))
            }
            (s, _) => s,
        };
        // A holding is its holder's ("Norvik owns 12% of Calder"), in the
        // company held, never the company's.
        let subject = match (&governed, inp.frames) {
            (Some(g), Some(sf)) if g.what == "stake" && measure.what == "stake" => {
                let at = |t: usize| super::measured::name_at(doc, &sf.parse, t);
                measure.to = g.held.and_then(at).map(|k| {
                    crate::analysis::text::fold::ascii_key(doc.mentions[k as usize].text(text))
                });
                g.holder.and_then(at)
            }
            _ => subject,
        };
        // A prison term is served by the person sentenced, never by the
        // court or the city it sits in ("A Lagos court sentenced X to").
        let subject = if measure.what == "prison term" {
            super::amount_terms::sentenced_person(inp, fs, fe).or_else(|| {
                subject.filter(|&k| doc.mentions[k as usize].kind != EntityKind::Location)
            })
        } else {
            subject
        };
        // "The British government will provide ...": the country the
        // nationality names is the donor.
        let subject = subject.or_else(|| {
            measure
                .what
                .ends_with("aid")
                .then(|| inp.frames.zip(token))
                .flatten()
                .and_then(|(sf, t)| demonym_donor(inp, sf, t))
        });
        // "81 deputies voted to confirm Ion Rusu": votes are of the one
        // voted on (see `counted.rs`).
        let subject = subject.or_else(|| {
            let (sf, t) = inp.frames.zip(token)?;
            if !measure.what.starts_with("votes") {
                return None;
            }
            let o = super::count_states::voted_on(&sf.parse, t)?;
            let span = sf.parse.subtree_span(o);
            ms.iter().copied().find(|&k| {
                let men = &doc.mentions[k as usize];
                matches!(men.kind, EntityKind::Person | EntityKind::Organization)
                    && men.start >= span.0
                    && men.end <= span.1
                    && !in_spans(doc, k, inp.exclude)
            })
        });
        // "A strong aftershock at a depth of 10 km": an aftershock is
        // another quake than the one reported, whatever it shares with it.
        if let Some(e) = event.as_mut() {
            let word = text.get(e.start..e.end).unwrap_or("").to_ascii_lowercase();
            if word.starts_with("aftershock") {
                e.another = true;
            }
        }
        // A price is of a deal, however the parse attached it ("The price
        // tag - $2.4bn - is three times its sales").
        // A contract's value is no takeover's.
        let contract_words = {
            let low = text[inp.start..inp.end].to_ascii_lowercase();
            low.contains("contract") || low.contains("tender")
        };
        if measure.what == "price" && measure.part.is_none() && !contract_words {
            event = super::amount_deals::deal_of_price(inp, event);
        }
        // The company a price buys takes part in the purchase, whichever
        // party the parse saw ("A agreed to buy B" and "A's takeover of B"
        // are one acquisition).
        if measure.what == "price" {
            if let (Some(s), Some(e)) = (subject, event.as_mut()) {
                if e.kind == crate::analysis::claims::frames::EventKind::Acquisition
                    && !e.participants.contains(&s)
                {
                    e.participants.push(s);
                    e.participants.sort_unstable();
                }
            }
        }
        // What the price buys, when a common noun says ("its packaging
        // unit"): one seller's two sales are two prices.
        let object = event
            .as_ref()
            .filter(|e| {
                measure.what == "price"
                    && e.kind == crate::analysis::claims::frames::EventKind::Acquisition
            })
            .and_then(|e| super::amount_objects::thing_bought(inp, e, (fs, fe)));
        // A prison term is of the sentencing of the person who serves it.
        if measure.what == "prison term" {
            super::amount_terms::sentencing_of(&mut event, subject, (fs, fe));
        }
        // A court fines on one day: a year or month its sentence names is
        // the offence's ("over a fuel spill in 2021"), not the ruling's.
        if matches!(measure.what.as_str(), "fine" | "damages") {
            if let Some(e) = event.as_mut() {
                if e.when.is_some_and(|(lo, hi)| hi.days() - lo.days() > 7) {
                    e.when = None;
                }
            }
        }
        // A chain's outlets are a stock of the company, of no deal or
        // year its sentence names ("runs 212 supermarkets and had annual
        // turnover of ..."): compared within the story.
        if holder.is_some() {
            event = None;
            measure.per.clear();
        }
        if let Some(r) = gift {
            measure.to = Some(place_key(doc.mentions[r as usize].text(text)));
        } else if measure.what.ends_with("aid") {
            measure.to = aid_recipient(inp, &ms_clause, fe, cb, subject);
        }
        if measure.what.ends_with("aid") {
            // Aid is given in a pledge: the flood or war a sentence names
            // beside it ("aid for Bangladesh, as the toll from the floods
            // rose") is what it answers, not the event it belongs to.
            if event
                .as_ref()
                .is_some_and(|e| e.kind != crate::analysis::claims::frames::EventKind::Pledge)
            {
                event = None;
            }
            let frame = inp.frames.zip(token);
            measure.from = donor_country(inp, frame, subject);
        }
        // "Spain pledged 25 million euros and Japan $12 million": the
        // name before a listed amount is its party, of the first pair's
        // measure and event.
        let subject = match super::amount_lists::gapped(inp, fs, out) {
            Some((name, k)) => {
                super::amount_lists::take_listed(inp, out, k, name, &mut measure, &mut event);
                Some(name)
            }
            None => subject,
        };
        // A measure nothing names is no comparable fact ("giving the
        // company a value of about €5.4bn" is no price and no aid).
        if measure.what.is_empty() {
            tracing::trace!("amount {:?}: no measure", &text[fs..fe]);
            continue;
        }
        // A count of casualties no event of the sentence governs ("Thirty-
        // nine people died", "In total 21 people died"): the harm of the
        // event the article reports.
        // The same for an event the sentence names without saying which
        // ("died in this accident"). Other counts (crews, equipment) are
        // too loosely tied to the reported event to inherit it.
        let casualty = measure::is_casualty_measure(&measure.what);
        // A casualty measure read from a word of another clause is no
        // count of casualties ("at least 60 people swam ashore, while the
        // toll rose to 24"): without the right measure, no fact.
        if casualty
            && inp
                .frames
                .zip(token)
                .is_some_and(|(sf, t)| !sf.clause_counts_casualties(t))
        {
            continue;
        }
        // A distance places something ("about 100 kilometres south of
        // the capital"); it is no fact to compare.
        if is_distance(text, &amount, fe) && physical.as_deref() != Some("race distance") {
            continue;
        }
        // The people aboard are counted of the accident the article
        // reports ("The ferry had 188 passengers on board").
        let aboard = measure.what == measure::ABOARD;
        if event.is_none() && (casualty || aboard) {
            event = inp
                .frames
                .and_then(|sf| sf.harm_event().map(|e| sf.events[e].clone()));
        }
        if let Some(e) = event.as_mut().filter(|_| casualty || aboard) {
            *e = crate::analysis::claims::frames::facts::with_context(
                e,
                inp.context,
                inp.another,
                inp.anchor,
            );
        }
        if subject.is_none() && event.is_none() && (casualty || aboard) {
            event =
                crate::analysis::claims::frames::facts::casualty_context(inp.context, inp.another);
        }
        // A breach count whose sentence names no company ("A filing said
        // the records of 3.1 million customers were exposed") may be of
        // the file's one breached company ([`super::acts::settle`]).
        // An amount the parse says what it measures stays a fact without
        // either: the index compares it within one story.
        // A count a frame reads by meaning ("The recall of 86,000
        // vehicles") stays a fact too, unless it counts casualties: a toll
        // of no event the article tells of is of another event.
        let framed = framed && !casualty || casualty && super::counted::toll_before_any_event(inp);
        // "In neighbouring West Bengal, 2.5 lakh people were shifted": a
        // count of a part of the story's area (see `object_counts`).
        if framed && event.is_none() && measure.part.is_none() {
            measure.part = super::object_counts::place_part(text, doc, &ms, inp.start, fs);
        }
        // An amount whose clause has a name for subject that recognition
        // missed is that someone's: lent to the story's subject or event
        // it would set one defendant's sentence against another's, or one
        // party's seats against another's. It is measured as that name's.
        if subject.is_none() && measure.to.is_none() {
            measure.to = inp
                .frames
                .zip(token)
                .and_then(|(sf, t)| of_unread_party(sf, t, &measure.what, doc));
        }
        if subject.is_none()
            && event.is_none()
            && !breach
            && governed.is_none()
            && !framed
            && physical.is_none()
            && !by_act
        {
            tracing::trace!(
                "amount {:?} ({}): no subject, no event",
                &text[fs..fe],
                measure.what
            );
            continue;
        }
        // What is counted: the clause's content words, without names and
        // values (those are compared as entities and amounts).
        let mut skip: Vec<String> = Vec::new();
        for &(a, b) in inp.exclude {
            skip.extend(
                words(text, a, b)
                    .iter()
                    .map(|w| crate::analysis::claims::words::stem(w.text)),
            );
        }
        for &k in &ms_clause {
            let m = &doc.mentions[k as usize];
            if m.start >= ca && m.end <= cb {
                skip.extend(
                    words(text, m.start, m.end)
                        .iter()
                        .map(|w| crate::analysis::claims::words::stem(w.text)),
                );
            }
        }
        // "valued at C$200MM (about US$165 million) for 40 vehicles": what
        // the amount is for goes on after an aside in brackets.
        let mut predicate: Vec<String> = content_stems(text, ca, cb)
            .into_iter()
            .chain(after_aside(text, inp, cb))
            .filter(|s| !skip.contains(s) && !s.chars().all(|c| c.is_ascii_digit()))
            .collect();
        // What a contract is for is often counted ("a $200-million
        // contract for 40 vehicles"): the counted noun belongs to the
        // predicate, where the comparison looks for it.
        if is_contract(&text[ca..cb]) {
            for &k in &ms_clause {
                let m = &doc.mentions[k as usize];
                if m.kind == EntityKind::Quantity && !(m.start < fe && fs < m.end) {
                    predicate.extend(
                        content_stems(text, m.start, m.end)
                            .into_iter()
                            .filter(|s| !s.chars().any(|c| c.is_ascii_digit())),
                    );
                }
            }
        }
        predicate.sort();
        predicate.dedup();
        if out.iter().any(|f| f.start < fe && fs < f.end) {
            continue;
        }
        let mut f = Fact::new(
            fs,
            fe,
            text,
            FactBody::Quantity {
                subject,
                amount,
                measure,
                predicate,
            },
        );
        f.event = event;
        f.object = object;
        out.push(f);
    }
}
