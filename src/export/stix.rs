//! A dataset as a STIX 2.1 bundle, for threat-intelligence tools: an `identity` for each
//! claimant, an `intrusion-set` for each accused threat group and a `threat-actor` for each
//! other accused party, a `campaign` for each incident an attribution names, a `report` per
//! claim with its sources as `external_references`, and an `attributed-to` relationship for
//! each attribution (campaign → accused; without an incident, threat group → state actor).
//! Only the specification's own properties are written, so the bundle parses with custom
//! content refused. Ids are UUID v5 of the record's kind and id: stable across exports.

use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::model::{Actor, Claim, Dataset, PartialDate, Stance};

/// The namespace of the export's UUID v5 ids.
const NAMESPACE: Uuid = Uuid::from_u128(0x6b1f_2c3e_8d4a_4f5b_9c6d_7e8f_9a0b_1c2d);

fn stix_id(kind: &str, key: &str) -> String {
    format!("{kind}--{}", Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes()))
}

/// A partial date's first day, as a STIX timestamp.
fn timestamp(date: PartialDate) -> String {
    let (y, m, d) = date.earliest();
    format!("{y:04}-{m:02}-{d:02}T00:00:00.000Z")
}

fn common(kind: &str, id: &str, stamp: &str) -> Map<String, Value> {
    let mut object = Map::new();
    object.insert("type".into(), kind.into());
    object.insert("spec_version".into(), "2.1".into());
    object.insert("id".into(), id.into());
    object.insert("created".into(), stamp.into());
    object.insert("modified".into(), stamp.into());
    object
}

fn identity_class(kind: &str) -> &'static str {
    match kind {
        "person" => "individual",
        "" => "unknown",
        _ => "organization",
    }
}

/// Whether an accused party is a threat group (an intrusion set) rather than an actor.
fn is_group(actor: Option<&Actor>) -> bool {
    actor.is_some_and(|a| a.kind == "threat-group")
}

/// The STIX object of an accused party: its id and the object.
fn accused_object(dataset: &Dataset, id: &str, stamp: &str) -> (String, Value) {
    let actor = dataset.actor(id);
    let kind = if is_group(actor) { "intrusion-set" } else { "threat-actor" };
    let sid = stix_id(kind, id);
    let mut o = common(kind, &sid, stamp);
    o.insert("name".into(), dataset.actor_name(id).into());
    if let Some(a) = actor {
        let mut aliases: Vec<&str> = a.aliases.iter().map(String::as_str).collect();
        aliases.extend(a.name_zh.as_deref());
        if !aliases.is_empty() {
            o.insert("aliases".into(), json!(aliases));
        }
        o.insert("description".into(), format!("{} ({}), as named in the claims", a.name, a.country).into());
    }
    (sid, Value::Object(o))
}

fn report(claim: &Claim, refs: Vec<String>, stamp: &str) -> Value {
    let mut o = common("report", &stix_id("report", &claim.id), stamp);
    o.insert("name".into(), claim.headline.clone().into());
    let mut description = claim.summary.clone();
    if let Some(q) = &claim.quote {
        let by = if q.speaker.is_empty() { String::new() } else { format!(" ({})", q.speaker) };
        description.push_str(&format!("\n\n“{}”{by}", q.text));
    }
    o.insert("description".into(), description.into());
    o.insert("published".into(), timestamp(claim.date).into());
    o.insert("report_types".into(), json!(["threat-report"]));
    o.insert("created_by_ref".into(), stix_id("identity", &claim.claimant).into());
    o.insert("object_refs".into(), json!(refs));
    let mut labels = vec![claim.stance.as_str().to_string(), format!("confidence:{}", claim.confidence.as_str())];
    labels.extend(claim.tags.iter().cloned());
    o.insert("labels".into(), json!(labels));
    let mut references: Vec<Value> = claim
        .sources
        .iter()
        .map(|s| {
            let mut r = Map::new();
            r.insert("source_name".into(), s.publisher.clone().into());
            if s.is_web_link() {
                r.insert("url".into(), s.url.clone().into());
            }
            let mut about = s.title.clone();
            if let Some(d) = s.date {
                about = if about.is_empty() { d.to_string() } else { format!("{about} ({d})") };
            }
            if !about.is_empty() {
                r.insert("description".into(), about.into());
            }
            Value::Object(r)
        })
        .collect();
    references.insert(0, json!({"source_name": "cyber-claims-explorer", "external_id": claim.id}));
    o.insert("external_references".into(), json!(references));
    Value::Object(o)
}

/// `dataset` as a STIX 2.1 bundle (indented JSON, ending in a newline).
pub fn to_stix(dataset: &Dataset) -> String {
    let stamp = timestamp(dataset.updated);
    let mut objects: Vec<Value> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut add = |objects: &mut Vec<Value>, id: &str, object: Value| {
        if seen.insert(id.to_string()) {
            objects.push(object);
        }
    };
    for claim in &dataset.claims {
        let claimant = stix_id("identity", &claim.claimant);
        let mut o = common("identity", &claimant, &stamp);
        o.insert("name".into(), dataset.actor_name(&claim.claimant).into());
        let actor = dataset.actor(&claim.claimant);
        o.insert("identity_class".into(), identity_class(actor.map_or("", |a| a.kind.as_str())).into());
        if let Some(a) = actor {
            o.insert("description".into(), format!("{} ({}, {})", a.name, a.kind, a.country).into());
        }
        add(&mut objects, &claimant, Value::Object(o));

        let mut refs = vec![claimant];
        let mut accused = Vec::new();
        for a in &claim.accused {
            let (sid, object) = accused_object(dataset, a, &stamp);
            add(&mut objects, &sid, object);
            accused.push((sid.clone(), is_group(dataset.actor(a))));
            refs.push(sid);
        }
        if claim.stance == Stance::Attribution && !accused.is_empty() {
            let incident = claim.incident.as_deref().and_then(|x| dataset.incidents.iter().find(|i| i.id == x));
            let pairs: Vec<(String, String)> = match incident {
                Some(x) => {
                    let campaign = stix_id("campaign", &x.id);
                    let mut c = common("campaign", &campaign, &stamp);
                    c.insert("name".into(), x.title.clone().into());
                    if let Some(began) = x.began {
                        c.insert("first_seen".into(), timestamp(began).into());
                    }
                    add(&mut objects, &campaign, Value::Object(c));
                    refs.push(campaign.clone());
                    accused.iter().map(|(a, _)| (campaign.clone(), a.clone())).collect()
                }
                None => {
                    let groups = accused.iter().filter(|(_, g)| *g);
                    groups
                        .flat_map(|(g, _)| {
                            accused.iter().filter(|(_, g2)| !*g2).map(move |(t, _)| (g.clone(), t.clone()))
                        })
                        .collect()
                }
            };
            for (k, (from, to)) in pairs.into_iter().enumerate() {
                let rid = stix_id("relationship", &format!("{}:{k}", claim.id));
                let mut r = common("relationship", &rid, &stamp);
                r.insert("relationship_type".into(), "attributed-to".into());
                r.insert("source_ref".into(), from.into());
                r.insert("target_ref".into(), to.into());
                r.insert("description".into(), claim.headline.clone().into());
                r.insert("created_by_ref".into(), stix_id("identity", &claim.claimant).into());
                r.insert("start_time".into(), timestamp(claim.date).into());
                add(&mut objects, &rid, Value::Object(r));
                refs.push(rid);
            }
        }
        objects.push(report(claim, refs, &stamp));
    }
    let bundle = json!({
        "type": "bundle",
        "id": stix_id("bundle", &format!("{}:{}", dataset.title, dataset.updated)),
        "objects": objects,
    });
    let mut text = serde_json::to_string_pretty(&bundle).expect("JSON values always serialise");
    text.push('\n');
    text
}
