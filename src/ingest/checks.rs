//! The rules every dataset must follow (CONTRACTS.md, Data model), applied to decoded records
//! whatever file they came from. Errors exclude the record and say so; warnings keep it.

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use super::echo::quoted;
use super::place::Place;
use super::plain_text;
use super::report::{Report, Tally};
use crate::i18n::Message;
use crate::model::{Actor, Claim, Dataset, Incident, PartialDate};

/// Longest id, in characters.
pub const ID_MAX: usize = 120;
/// Longest name or title.
pub const NAME_MAX: usize = 200;
/// Longest headline.
pub const HEADLINE_MAX: usize = 300;
/// Longest summary or quote.
pub const TEXT_MAX: usize = 2_000;
/// Longest URL.
pub const URL_MAX: usize = 2_048;

/// Decoded records with their places, before the rules are applied.
#[derive(Debug, Default)]
pub struct Draft {
    pub schema: String,
    pub title: String,
    pub updated: Option<PartialDate>,
    pub license: String,
    pub description: Option<String>,
    pub actors: Vec<(Place, Actor)>,
    pub incidents: Vec<(Place, Incident)>,
    pub claims: Vec<(Place, Claim)>,
    /// Ids of claims that could not even be decoded (already reported).
    pub excluded_claims: Vec<String>,
}

/// Collects the errors of one record; the record is kept only if there are none.
struct Verdict<'a> {
    report: &'a mut Report,
    place: &'a Place,
    errors: usize,
}

impl<'a> Verdict<'a> {
    fn new(report: &'a mut Report, place: &'a Place) -> Self {
        Verdict { report, place, errors: 0 }
    }

    fn error(&mut self, field: &str, message: Message) {
        self.errors += 1;
        self.report.error(self.place.at(field), message);
    }

    fn warning(&mut self, field: &str, message: Message) {
        self.report.warning(self.place.at(field), message);
    }

    /// Checks a text's length (and that it is there, if `required`). The field's name is
    /// written out only when there is a problem to report: a load checks millions of texts.
    fn text(&mut self, field: &dyn std::fmt::Display, value: &str, max: usize, required: bool) {
        if required && value.trim().is_empty() {
            let field = field.to_string();
            self.error(&field, Message::new("problem.empty").with("field", field.as_str()));
        } else if value.len() > max {
            // No more characters than bytes: only a long text needs counting.
            let n = value.chars().count();
            if n > max {
                let field = field.to_string();
                let m = Message::new("problem.too_long").with("field", field.as_str());
                self.error(&field, m.with("n", n.to_string()).with("max", max.to_string()));
            }
        }
    }

    fn id(&mut self, value: &str) {
        self.text(&"id", value, ID_MAX, true);
        if value.chars().any(char::is_whitespace) {
            self.error("id", Message::new("problem.id_spaces").with("value", quoted(value)));
        }
    }

    /// Ends the record: reports its exclusion if it had errors; true when it is kept.
    fn keep(self, what: &str, tally: impl FnOnce(&mut Report) -> &mut Tally) -> bool {
        let kept = self.errors == 0;
        if !kept {
            let place = self.place.whole();
            self.report.error(place, excluded(what));
        }
        let t = tally(self.report);
        if kept {
            t.loaded += 1;
        } else {
            t.excluded += 1;
        }
        kept
    }
}

/// A language tag as the data uses them: a two- or three-letter language, then optional
/// `-`-separated subtags of letters and digits (`en`, `zh`, `zh-Hant`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn first_places<T>(records: &[(Place, T)], id: impl Fn(&T) -> &str) -> FxHashMap<&str, usize> {
    let mut first = FxHashMap::with_capacity_and_hasher(records.len(), FxBuildHasher);
    for (i, (_, r)) in records.iter().enumerate() {
        first.entry(id(r)).or_insert(i);
    }
    first
}

fn duplicate<T>(first: &FxHashMap<&str, usize>, records: &[(Place, T)], i: usize, id: &str) -> Option<Message> {
    let at = first[id];
    (at != i).then(|| {
        Message::new("problem.duplicate_id").with("value", quoted(id)).with_message("place", records[at].0.whole())
    })
}

/// "this claim is excluded because of the error(s) above", for a record of kind `what`
/// (`actor`, `incident`, `claim`).
pub fn excluded(what: &str) -> Message {
    Message::new(match what {
        "actor" => "problem.excluded.actor",
        "incident" => "problem.excluded.incident",
        _ => "problem.excluded.claim",
    })
}

/// Applies every rule and returns the dataset of the records that passed. Text is made plain
/// first (`plain_text`), so the rules, and everything after them, see only text.
pub fn finish(mut draft: Draft, report: &mut Report) -> Dataset {
    plain_text::clean_draft(&mut draft, report);
    let updated = draft.updated;
    let later_than_updated = |d: &PartialDate| updated.is_some_and(|u| d.earliest() > u.latest());

    // Actors.
    let first = first_places(&draft.actors, |a| &a.id);
    let mut actors = Vec::new();
    for (i, (place, actor)) in draft.actors.iter().enumerate() {
        let mut v = Verdict::new(report, place);
        v.id(&actor.id);
        if let Some(m) = duplicate(&first, &draft.actors, i, &actor.id) {
            v.error("id", m);
        }
        v.text(&"name", &actor.name, NAME_MAX, true);
        if let Some(zh) = &actor.name_zh {
            v.text(&"name_zh", zh, NAME_MAX, false);
        }
        let c = &actor.country;
        if !(c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())) {
            v.warning("country", Message::new("problem.country").with("value", quoted(c)));
        }
        for (k, alias) in actor.aliases.iter().enumerate() {
            v.text(&format_args!("aliases[{k}]"), alias, NAME_MAX, true);
        }
        if v.keep("actor", |r| &mut r.actors) {
            actors.push(actor.clone());
        }
    }
    let actor_ids: FxHashSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();

    // Incidents.
    let first = first_places(&draft.incidents, |x| &x.id);
    let mut incidents = Vec::new();
    for (i, (place, incident)) in draft.incidents.iter().enumerate() {
        let mut v = Verdict::new(report, place);
        v.id(&incident.id);
        if let Some(m) = duplicate(&first, &draft.incidents, i, &incident.id) {
            v.error("id", m);
        }
        v.text(&"title", &incident.title, NAME_MAX, true);
        if let Some(title) = &incident.title_zh {
            v.text(&"title_zh", title, NAME_MAX, false);
        }
        if let Some(b) = incident.began.filter(|b| later_than_updated(b)) {
            v.error("began", Message::new("problem.after_updated").with("date", b.to_string()));
        }
        for (name, list) in [("sectors", &incident.sectors), ("vectors", &incident.vectors), ("cves", &incident.cves)] {
            for (k, item) in list.iter().enumerate() {
                v.text(&format_args!("{name}[{k}]"), item, NAME_MAX, true);
            }
        }
        if v.keep("incident", |r| &mut r.incidents) {
            incidents.push(incident.clone());
        }
    }
    let incident_ids: FxHashSet<&str> = incidents.iter().map(|x| x.id.as_str()).collect();

    // Claims, first on their own fields, then the links between claims.
    let first = first_places(&draft.claims, |c| &c.id);
    let all_claim_ids: FxHashSet<&str> = draft
        .claims
        .iter()
        .map(|(_, c)| c.id.as_str())
        .chain(draft.excluded_claims.iter().map(String::as_str))
        .collect();
    let mut kept: Vec<usize> = Vec::new();
    for (i, (place, claim)) in draft.claims.iter().enumerate() {
        let mut v = Verdict::new(report, place);
        v.id(&claim.id);
        if let Some(m) = duplicate(&first, &draft.claims, i, &claim.id) {
            v.error("id", m);
        }
        if later_than_updated(&claim.date) {
            let u = updated.expect("checked");
            let m = Message::new("problem.after_updated_on").with("date", claim.date.to_string());
            v.error("date", m.with("updated", u.to_string()));
        }
        if !actor_ids.contains(claim.claimant.as_str()) {
            v.error("claimant", Message::new("problem.not_an_actor").with("value", quoted(&claim.claimant)));
        }
        for (k, a) in claim.accused.iter().enumerate() {
            if !actor_ids.contains(a.as_str()) {
                v.error(&format!("accused[{k}]"), Message::new("problem.not_an_actor").with("value", quoted(a)));
            }
        }
        if let Some(x) = claim.incident.as_deref().filter(|x| !incident_ids.contains(x)) {
            v.error("incident", Message::new("problem.not_an_incident").with("value", quoted(x)));
        }
        for (k, r) in claim.responds_to.iter().enumerate() {
            if !all_claim_ids.contains(r.as_str()) {
                v.error(&format!("responds_to[{k}]"), Message::new("problem.not_a_claim").with("value", quoted(r)));
            } else if r == &claim.id {
                v.error(&format!("responds_to[{k}]"), Message::new("problem.responds_to_itself"));
            }
        }
        v.text(&"headline", &claim.headline, HEADLINE_MAX, true);
        v.text(&"summary", &claim.summary, TEXT_MAX, false);
        if let Some(headline) = &claim.headline_zh {
            v.text(&"headline_zh", headline, HEADLINE_MAX, false);
        }
        if let Some(summary) = &claim.summary_zh {
            v.text(&"summary_zh", summary, TEXT_MAX, false);
        }
        if let Some(q) = &claim.quote {
            v.text(&"quote.text", &q.text, TEXT_MAX, true);
            v.text(&"quote.speaker", &q.speaker, NAME_MAX, false);
            if let Some(original) = &q.original {
                v.text(&"quote.original", original, TEXT_MAX, false);
            }
            if let Some(lang) = q.said_in.as_deref().filter(|l| !is_language_tag(l)) {
                v.error("quote.said_in", Message::new("problem.not_a_language").with("value", quoted(lang)));
            }
        }
        if claim.sources.is_empty() {
            v.error("sources", Message::new("problem.no_source"));
        } else if !claim.sources.iter().any(|s| s.is_web_link()) {
            v.error("sources", Message::new("problem.no_web_source"));
        }
        for (k, s) in claim.sources.iter().enumerate() {
            v.text(&format_args!("sources[{k}].publisher"), &s.publisher, NAME_MAX, true);
            v.text(&format_args!("sources[{k}].title"), &s.title, HEADLINE_MAX, false);
            v.text(&format_args!("sources[{k}].url"), &s.url, URL_MAX, true);
            if !s.url.is_empty() && !s.is_web_link() {
                v.warning(
                    &format!("sources[{k}].url"),
                    Message::new("problem.not_a_web_link").with("value", quoted(&s.url)),
                );
            }
        }
        for (k, t) in claim.tags.iter().enumerate() {
            v.text(&format_args!("tags[{k}]"), t, NAME_MAX, true);
        }
        for (k, a) in claim.aliases.iter().enumerate() {
            v.text(&format_args!("aliases[{k}]"), a, ID_MAX, true);
        }
        if let Some(reason) = &claim.same_side_reason {
            v.text(&"same_side_reason", reason, HEADLINE_MAX, true);
        }
        if v.keep("claim", |r| &mut r.claims) {
            kept.push(i);
        }
    }

    let kept_ids: FxHashMap<&str, usize> = kept.iter().map(|&i| (draft.claims[i].1.id.as_str(), i)).collect();
    for &i in &kept {
        let (place, claim) = &draft.claims[i];
        for (k, r) in claim.responds_to.iter().enumerate() {
            let at = place.at(&format!("responds_to[{k}]"));
            let Some(&t) = kept_ids.get(r.as_str()) else {
                report.warning(at, Message::new("problem.answers_excluded").with("value", quoted(r)));
                continue;
            };
            let target = &draft.claims[t].1;
            if target.incident != claim.incident {
                report.warning(at.clone(), Message::new("problem.other_incident").with("value", quoted(r)));
            }
            if target.date.earliest() > claim.date.latest() {
                let m = Message::new("problem.answers_later").with("value", quoted(r));
                report.warning(at, m.with("date", target.date.to_string()).with("own", claim.date.to_string()));
            }
        }
    }

    // Move the kept claims out rather than copying them.
    let mut keep = vec![false; draft.claims.len()];
    kept.iter().for_each(|&i| keep[i] = true);
    // Exactly as many as are kept: a collected filter would grow by doubling and keep the slack.
    let mut claims: Vec<Claim> = Vec::with_capacity(kept.len());
    claims.extend(draft.claims.into_iter().zip(keep).filter(|(_, k)| *k).map(|((_, claim), _)| claim));
    // A dataset without an updated date (a spreadsheet) is as new as its newest claim.
    let newest = claims.iter().map(|c| c.date).max();
    Dataset {
        schema: draft.schema,
        title: draft.title,
        updated: updated.or(newest).unwrap_or(PartialDate { year: 1970, month: None, day: None }),
        license: draft.license,
        description: draft.description,
        actors,
        incidents,
        claims,
    }
}
