//! Writes deterministic synthetic datasets in the v1 format, for benchmarks and scale tests:
//! hundreds of actors, a quarter as many incidents as claims, partial dates, 10–20% Chinese
//! text, ~300-character summaries, answers linked to the claims they answer.
//!
//!     cargo run --release --example generate -- OUT_DIR 1000 10000 100000 1000000
//!
//! `make bench-data` writes each size that is not there yet into `bench-data/`.

use std::io::Write;

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde_json::json;

const STANCES: [&str; 8] =
    ["accusation", "attribution", "indictment", "sanction", "advisory", "report", "denial", "counter-accusation"];
const SECTORS: [&str; 12] = [
    "government",
    "telecommunications",
    "defense",
    "research",
    "education",
    "energy",
    "technology",
    "finance",
    "health",
    "transport",
    "aerospace",
    "media",
];
const VECTORS: [&str; 10] = [
    "phishing",
    "zero-day exploit",
    "supply chain",
    "malware",
    "router compromise",
    "stolen credentials",
    "microsoft exchange vulnerability",
    "vpn appliance flaw",
    "cloud key forgery",
    "backdoor",
];
const WORDS: [&str; 24] = [
    "agency",
    "network",
    "intrusion",
    "alleged",
    "campaign",
    "officials",
    "said",
    "hackers",
    "espionage",
    "data",
    "servers",
    "report",
    "statement",
    "accused",
    "denied",
    "ministry",
    "security",
    "operation",
    "critical",
    "systems",
    "infrastructure",
    "investigation",
    "spokesperson",
    "evidence",
];
const CHINESE: [&str; 12] =
    ["网络", "攻击", "美国", "情报", "机构", "指控", "否认", "安全", "中心", "报告", "黑客", "间谍"];

fn sentence(rng: &mut StdRng, chars: usize, chinese: bool) -> String {
    let mut s = String::with_capacity(chars + 16);
    while s.chars().count() < chars {
        if chinese && rng.random_bool(0.4) {
            s.push_str(CHINESE[rng.random_range(0..CHINESE.len())]);
        } else {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(WORDS[rng.random_range(0..WORDS.len())]);
        }
    }
    s
}

fn date(rng: &mut StdRng) -> String {
    let y = rng.random_range(2010..=2026);
    let m = rng.random_range(1..=if y == 2026 { 10 } else { 12 });
    match rng.random_range(0..100) {
        0..5 => format!("{y}"),
        5..15 => format!("{y}-{m:02}"),
        _ => format!("{y}-{m:02}-{:02}", rng.random_range(1..=28)),
    }
}

/// Writes a dataset of `n` claims, the same for the same `n`. Claims are written as they are
/// made, so a million of them never sit in memory at once.
fn write_dataset(n: usize, out: &mut impl Write) -> std::io::Result<()> {
    let mut rng = StdRng::seed_from_u64(0x5eed_0000 + n as u64);
    let actor_count = 300;
    let actors: Vec<_> = (0..actor_count)
        .map(|i| {
            let country = ["US", "CN", "GB", "AU"][if i % 10 < 4 {
                0
            } else if i % 10 < 8 {
                1
            } else {
                2 + i % 2
            }];
            let mut a = json!({"id": format!("actor-{i}"), "name": format!("Actor {i} {}", WORDS[i % WORDS.len()]),
                               "country": country, "kind": if i % 7 == 0 { "threat-group" } else { "agency" }});
            if country == "CN" && i % 3 == 0 {
                a["name_zh"] = json!(format!("机构{i}"));
            }
            if i % 7 == 0 {
                a["aliases"] = json!([format!("APT-{i}")]);
            }
            a
        })
        .collect();
    let incident_count = (n / 4).max(1);
    let incidents: Vec<_> = (0..incident_count)
        .map(|i| {
            json!({"id": format!("incident-{i}"), "title": format!("Alleged intrusion {i}: {}", sentence(&mut rng, 30, false)),
                   "sectors": [SECTORS[rng.random_range(0..SECTORS.len())]],
                   "vectors": [VECTORS[rng.random_range(0..VECTORS.len())], VECTORS[rng.random_range(0..VECTORS.len())]]})
        })
        .collect();
    let mut first_in_incident: Vec<Option<(usize, String)>> = vec![None; incident_count];
    let head = json!({"schema": "claims-explorer/1", "title": format!("Synthetic dataset of {n} claims"), "updated": "2026-11-25",
                      "license": "CC0", "actors": actors, "incidents": incidents});
    let head = serde_json::to_string(&head)?;
    // The head without its closing brace, then the claims one by one.
    out.write_all(&head.as_bytes()[..head.len() - 1])?;
    out.write_all(b",\"claims\":[")?;
    for i in 0..n {
        let claim = {
            let incident = rng.random_range(0..incident_count);
            let claimant = rng.random_range(0..actor_count);
            let accused = (claimant + 1 + rng.random_range(0..actor_count - 1)) % actor_count;
            let chinese = rng.random_range(0..100) < 15;
            let d = date(&mut rng);
            let stance = match &first_in_incident[incident] {
                Some(_) if rng.random_bool(0.5) => STANCES[6 + rng.random_range(0..2)],
                _ => STANCES[rng.random_range(0..6)],
            };
            let mut claim = json!({
                "id": format!("claim-{i:07}"), "date": d, "claimant": format!("actor-{claimant}"),
                "accused": [format!("actor-{accused}")], "stance": stance, "incident": format!("incident-{incident}"),
                "headline": sentence(&mut rng, 80, chinese), "summary": sentence(&mut rng, 300, chinese),
                "sources": (0..rng.random_range(1..=3)).map(|k| json!({"publisher": format!("Publisher {}", k + i % 40),
                    "title": sentence(&mut rng, 40, false), "url": format!("https://example.org/{i}/{k}")})).collect::<Vec<_>>(),
                "confidence": if rng.random_bool(0.2) { "partial" } else { "verified" },
            });
            if rng.random_bool(0.2) {
                claim["quote"] = json!({"text": sentence(&mut rng, 60, chinese), "speaker": "a spokesperson"});
            }
            match &first_in_incident[incident] {
                Some((_, target)) if stance == "denial" || stance == "counter-accusation" => {
                    claim["responds_to"] = json!([target]);
                    // An answer is not earlier than what it answers.
                    claim["date"] = json!("2026-10-31");
                }
                None => first_in_incident[incident] = Some((i, format!("claim-{i:07}"))),
                _ => {}
            }
            claim
        };
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &claim)?;
    }
    out.write_all(b"]}")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "bench-data".to_string());
    let sizes: Vec<usize> = args.map(|a| a.parse().expect("a claim count")).collect();
    let sizes = if sizes.is_empty() { vec![1_000, 10_000, 100_000, 1_000_000] } else { sizes };
    std::fs::create_dir_all(&out).expect("create the output folder");
    for n in sizes {
        let path = format!("{out}/claims-{n}.json");
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create the file"));
        write_dataset(n, &mut file).expect("write");
        file.flush().expect("flush");
        println!("wrote {path}");
    }
}
