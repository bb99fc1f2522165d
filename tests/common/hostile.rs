//! Hostile dataset shapes, shared by the native tests (`tests/hostile.rs`, at small sizes) and
//! the benchmark (`benches/core.rs`, at full size): each a valid v1 JSON file whose work grows
//! with the square of its size on any quadratic path of the ingest, the index, the threads or
//! the charts. Deterministic: the same size gives the same bytes.

/// The four shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One incident of `n` claims: a denial first, then `n - 1` accusations dated after it, so
    /// that nothing answers them (the slowest case for the search of an answer in an incident).
    OneIncident,
    /// One claim whose accused are `n` actors.
    ManyAccused,
    /// One accusation and `n` denials answering it by `responds_to`, in its incident.
    AnswersToOne,
    /// `n` claims each answering the one before it, the first answering the last: a
    /// `responds_to` cycle, across incidents of ten claims.
    Cycle,
}

impl Shape {
    pub const ALL: [Shape; 4] = [Shape::OneIncident, Shape::ManyAccused, Shape::AnswersToOne, Shape::Cycle];

    /// The size the benchmark uses (the issue's): 100,000 claims in one incident, 10,000
    /// accused, 10,000 answers, a cycle of 100,000.
    #[allow(dead_code)] // The tests use smaller sizes.
    pub fn bench_size(self) -> usize {
        match self {
            Shape::OneIncident | Shape::Cycle => 100_000,
            Shape::ManyAccused | Shape::AnswersToOne => 10_000,
        }
    }

    /// A name for benchmark rows, at size `n`.
    pub fn name(self, n: usize) -> String {
        match self {
            Shape::OneIncident => format!("one incident of {n} claims"),
            Shape::ManyAccused => format!("one claim accusing {n} actors"),
            Shape::AnswersToOne => format!("{n} claims answering one"),
            Shape::Cycle => format!("a responds_to cycle of {n} claims"),
        }
    }
}

/// The day `i` days after 2000-01-01 in a calendar of 28-day months (every date exists), as
/// `YYYY-MM-DD`; ascending with `i` over 26 years, then again from 2000.
fn day(i: usize) -> String {
    format!("{}-{:02}-{:02}", 2000 + i / 336 % 26, 1 + i / 28 % 12, 1 + i % 28)
}

/// Whether a claim's text holds "network intrusion" (the benchmark's keystroke is "network
/// intru"): one claim in ten, those whose id ends in 0.
pub fn holds_network_intrusion(id: &str) -> bool {
    id.ends_with('0')
}

/// One claim as JSON text (see `holds_network_intrusion`).
#[allow(clippy::too_many_arguments)]
fn claim(
    id: &str,
    date: &str,
    claimant: &str,
    accused: &[String],
    stance: &str,
    incident: &str,
    responds_to: Option<&str>,
) -> String {
    let word = if holds_network_intrusion(id) { "network intrusion" } else { "campaign" };
    let accused = accused.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(",");
    let answers = responds_to.map_or(String::new(), |r| format!(",\"responds_to\":[\"{r}\"]"));
    format!(
        "{{\"id\":\"{id}\",\"date\":\"{date}\",\"claimant\":\"{claimant}\",\"accused\":[{accused}],\
         \"stance\":\"{stance}\",\"incident\":\"{incident}\"{answers},\"headline\":\"Claim {id}: a {word}\",\
         \"summary\":\"Officials said the {word} of claim {id} was serious.\",\
         \"sources\":[{{\"publisher\":\"Wire\",\"url\":\"https://example.org/{id}\"}}]}}"
    )
}

/// The dataset of a shape at size `n` (at least 1), as JSON bytes.
pub fn dataset(shape: Shape, n: usize) -> Vec<u8> {
    let n = n.max(1);
    let mut actors = vec![
        "{\"id\":\"us\",\"name\":\"US agency\",\"country\":\"US\",\"kind\":\"agency\"}".to_string(),
        "{\"id\":\"cn\",\"name\":\"Chinese ministry\",\"country\":\"CN\",\"kind\":\"ministry\"}".to_string(),
    ];
    let mut incidents = Vec::new();
    let mut claims = Vec::new();
    let us = ["us".to_string()];
    let cn = ["cn".to_string()];
    match shape {
        Shape::OneIncident => {
            incidents.push("{\"id\":\"x\",\"title\":\"One incident\"}".to_string());
            claims.push(claim("c0", "1999-01-01", "cn", &us, "denial", "x", None));
            for i in 1..n {
                claims.push(claim(&format!("c{i}"), &day(i), "us", &cn, "accusation", "x", None));
            }
        }
        Shape::ManyAccused => {
            incidents.push("{\"id\":\"x\",\"title\":\"Many accused\"}".to_string());
            let accused: Vec<String> = (0..n).map(|k| format!("a{k}")).collect();
            for a in &accused {
                actors
                    .push(format!("{{\"id\":\"{a}\",\"name\":\"Actor {a}\",\"country\":\"CN\",\"kind\":\"agency\"}}"));
            }
            claims.push(claim("c0", "2020-01-01", "us", &accused, "accusation", "x", None));
        }
        Shape::AnswersToOne => {
            incidents.push("{\"id\":\"x\",\"title\":\"Answered many times\"}".to_string());
            claims.push(claim("c0", "1999-01-01", "us", &cn, "accusation", "x", None));
            for i in 1..=n {
                claims.push(claim(&format!("c{i}"), &day(i), "cn", &us, "denial", "x", Some("c0")));
            }
        }
        Shape::Cycle => {
            for x in 0..n.div_ceil(10) {
                incidents.push(format!("{{\"id\":\"x{x}\",\"title\":\"Incident {x}\"}}"));
            }
            for i in 0..n {
                let (claimant, accused, stance) =
                    if i % 2 == 0 { ("us", &cn, "accusation") } else { ("cn", &us, "denial") };
                let previous = format!("c{}", (i + n - 1) % n);
                let id = format!("c{i}");
                claims.push(claim(
                    &id,
                    "2020-05-05",
                    claimant,
                    accused,
                    stance,
                    &format!("x{}", i / 10),
                    Some(&previous),
                ));
            }
        }
    }
    format!(
        "{{\"schema\":\"claims-explorer/1\",\"title\":\"Hostile: {}\",\"updated\":\"2026-11-25\",\"license\":\"CC0\",\
         \"actors\":[{}],\"incidents\":[{}],\"claims\":[{}]}}",
        shape.name(n),
        actors.join(","),
        incidents.join(","),
        claims.join(",")
    )
    .into_bytes()
}

/// `n` empty records `{}`: a few bytes each, several problems each (the bounded report's case).
pub fn empty_records(n: usize) -> Vec<u8> {
    let mut bytes =
        br#"{"schema":"claims-explorer/1","title":"Empty records","updated":"2026","license":"CC0","claims":["#
            .to_vec();
    for i in 0..n {
        bytes.extend_from_slice(if i == 0 { b"{}" } else { b",{}" });
    }
    bytes.extend_from_slice(b"]}");
    bytes
}
