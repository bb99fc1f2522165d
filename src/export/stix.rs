//! A dataset as a STIX 2.1 bundle, for threat-intelligence tools: an `identity` for each
//! claimant, an `intrusion-set` for each accused threat group and a `threat-actor` for each
//! other accused party, a `campaign` for each incident an attribution names, a `report` per
//! claim with its sources as `external_references`, and an `attributed-to` relationship for
//! each attribution (campaign → accused; without an incident, threat group → state actor).
//! Only the specification's own properties are written, so the bundle parses with custom
//! content refused. Ids are UUID v5 of the record's kind and id: stable across exports.

use serde::Serialize;
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

/// A STIX object: the common properties and those of its type, written in alphabetical order
/// (as the export always wrote them); a property a type does not have is left out.
#[derive(Serialize, Default)]
struct Object {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    created: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_by_ref: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    external_references: Vec<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_seen: Option<String>,
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    identity_class: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    labels: Vec<String>,
    modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    object_refs: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relationship_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    report_types: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_ref: Option<String>,
    spec_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_ref: Option<String>,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// An external reference: a claim's own id, or one of its sources.
#[derive(Serialize)]
struct Reference {
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_id: Option<String>,
    source_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// The bundle of every object.
#[derive(Serialize)]
struct Bundle {
    id: String,
    objects: Vec<Object>,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// An object of type `kind` with the common properties.
fn common(kind: &'static str, id: &str, stamp: &str) -> Object {
    Object {
        kind,
        spec_version: "2.1",
        id: id.to_string(),
        created: stamp.to_string(),
        modified: stamp.to_string(),
        ..Object::default()
    }
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
fn accused_object(dataset: &Dataset, id: &str, stamp: &str) -> (String, Object) {
    let actor = dataset.actor(id);
    let kind = if is_group(actor) { "intrusion-set" } else { "threat-actor" };
    let sid = stix_id(kind, id);
    let mut o = common(kind, &sid, stamp);
    o.name = Some(dataset.actor_name(id).to_string());
    if let Some(a) = actor {
        o.aliases = a.aliases.iter().chain(&a.name_zh).cloned().collect();
        o.description = Some(format!("{} ({}), as named in the claims", a.name, a.country));
    }
    (sid, o)
}

fn report(claim: &Claim, refs: Vec<String>, stamp: &str) -> Object {
    let mut o = common("report", &stix_id("report", &claim.id), stamp);
    o.name = Some(claim.headline.clone());
    let mut description = claim.summary.clone();
    if let Some(q) = &claim.quote {
        let by = if q.speaker.is_empty() { String::new() } else { format!(" ({})", q.speaker) };
        description.push_str(&format!("\n\n“{}”{by}", q.text));
    }
    o.description = Some(description);
    o.published = Some(timestamp(claim.date));
    o.report_types = vec!["threat-report"];
    o.created_by_ref = Some(stix_id("identity", &claim.claimant));
    o.object_refs = refs;
    o.labels = vec![claim.stance.as_str().to_string(), format!("confidence:{}", claim.confidence.as_str())];
    o.labels.extend(claim.tags.iter().cloned());
    let own = Reference {
        description: None,
        external_id: Some(claim.id.clone()),
        source_name: "cyber-claims-explorer".to_string(),
        url: None,
    };
    let sources = claim.sources.iter().map(|s| {
        let about = match s.date {
            Some(d) if s.title.is_empty() => d.to_string(),
            Some(d) => format!("{} ({d})", s.title),
            None => s.title.clone(),
        };
        Reference {
            description: (!about.is_empty()).then_some(about),
            external_id: None,
            source_name: s.publisher.clone(),
            url: s.is_web_link().then(|| s.url.clone()),
        }
    });
    o.external_references = std::iter::once(own).chain(sources).collect();
    o
}

/// `dataset` as a STIX 2.1 bundle (indented JSON, ending in a newline).
pub fn to_stix(dataset: &Dataset) -> String {
    let stamp = timestamp(dataset.updated);
    let mut objects: Vec<Object> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut add = |objects: &mut Vec<Object>, id: &str, object: Object| {
        if seen.insert(id.to_string()) {
            objects.push(object);
        }
    };
    for claim in &dataset.claims {
        let claimant = stix_id("identity", &claim.claimant);
        let mut o = common("identity", &claimant, &stamp);
        o.name = Some(dataset.actor_name(&claim.claimant).to_string());
        let actor = dataset.actor(&claim.claimant);
        o.identity_class = Some(identity_class(actor.map_or("", |a| a.kind.as_str())));
        o.description = actor.map(|a| format!("{} ({}, {})", a.name, a.kind, a.country));
        add(&mut objects, &claimant, o);

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
                    c.name = Some(x.title.clone());
                    c.first_seen = x.began.map(timestamp);
                    add(&mut objects, &campaign, c);
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
                r.relationship_type = Some("attributed-to");
                r.source_ref = Some(from);
                r.target_ref = Some(to);
                r.description = Some(claim.headline.clone());
                r.created_by_ref = Some(stix_id("identity", &claim.claimant));
                r.start_time = Some(timestamp(claim.date));
                add(&mut objects, &rid, r);
                refs.push(rid);
            }
        }
        objects.push(report(claim, refs, &stamp));
    }
    let bundle =
        Bundle { id: stix_id("bundle", &format!("{}:{}", dataset.title, dataset.updated)), objects, kind: "bundle" };
    let mut text = serde_json::to_string_pretty(&bundle).expect("the bundle's types always serialise");
    text.push('\n');
    text
}
