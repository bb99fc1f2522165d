//! Writes deterministic synthetic datasets in the v1 format, for benchmarks and scale tests:
//! hundreds of actors, a quarter as many incidents as claims, partial dates, answers linked to
//! the claims they answer, and text shaped like the bundled dataset's: headlines of 6–18
//! words, summaries of 40–90 (never fewer than 40), a quote on four claims in five (2–38
//! words), source titles of 3–15, in sentences with capitals, commas, full stops and the odd
//! number; Chinese words in one claim in ten. The words come from a vocabulary of about
//! 11,000 (function words, a few hundred words of the domain, their inflected and prefixed
//! forms, and made-up names), drawn with Zipf-like frequencies, so common words repeat as in
//! real text and rare ones are rare: 100,000 claims are about 118 MB.
//!
//!     cargo run --release --example generate -- OUT_DIR 1000 10000 100000 1000000
//!
//! The same size always gives the same bytes. `make bench-data` writes each size into
//! `bench-data/` (again when this file changes).

use std::collections::HashSet;
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

/// The most common words of news text, most common first (irregular forms included, since
/// the inflections below are regular).
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "to", "of", "a", "in", "that", "said", "on", "for", "it", "was", "is", "as", "by", "from", "with",
    "its", "an", "says", "had", "has", "have", "were", "be", "at", "this", "which", "not", "after", "they", "their",
    "also", "but", "or", "who", "been", "would", "against", "more", "than", "into", "other", "any", "such", "no",
    "all", "about", "over", "these", "those", "we", "our", "he", "his", "she", "her", "will", "could", "should",
    "may", "can", "there", "when", "while", "since", "before", "during", "under", "between", "through", "without",
    "because", "if", "so", "only", "one", "two", "three", "four", "first", "last", "year", "years", "told", "made",
    "took", "stole", "stolen", "found", "known", "held", "sent", "given", "what", "how", "them", "some", "most",
    "both", "each", "then", "now", "where", "did", "do", "does", "being", "are", "us", "you", "i", "him", "it's",
];

/// Proper names of the domain, as they are written.
#[rustfmt::skip]
const NAMES: &[&str] = &[
    "China", "US", "Chinese", "Beijing", "Washington", "American", "United", "States", "Microsoft", "NSA", "FBI",
    "CIA", "PLA", "Taiwan", "Google", "Huawei", "Justice", "Treasury", "Congress", "Pentagon", "Xinhua", "CNCERT",
    "Volt", "Salt", "Typhoon", "APT", "Unit", "Five", "Eyes", "Britain", "Australia", "Japan", "NATO", "Europe",
];

/// Nouns of the domain, roughly most common first.
#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "government", "hacking", "ministry", "spokesperson", "intelligence", "security", "cyber", "hacker", "attack",
    "statement", "agency", "official", "data", "espionage", "report", "company", "evidence", "campaign", "system",
    "network", "group", "information", "infrastructure", "department", "state", "allegation", "military",
    "operation", "country", "cyberattack", "breach", "investigation", "threat", "foreign", "affairs", "charge",
    "sanction", "indictment", "advisory", "denial", "accusation", "attribution", "malware", "server", "target",
    "victim", "actor", "activity", "vulnerability", "software", "email", "account", "defendant", "prosecutor",
    "court", "conference", "press", "briefing", "analysis", "researcher", "firm", "vendor", "router", "device",
    "telecom", "carrier", "provider", "intrusion", "theft", "secret", "property", "technology", "research",
    "university", "hospital", "energy", "grid", "utility", "water", "pipeline", "port", "airline", "bank",
    "contractor", "defense", "weapon", "satellite", "space", "semiconductor", "chip", "export", "control",
    "trade", "economy", "relation", "tension", "dialogue", "diplomat", "embassy", "ambassador", "minister",
    "president", "senator", "lawmaker", "committee", "hearing", "bill", "law", "regulation", "policy", "strategy",
    "doctrine", "unit", "bureau", "service", "command", "force", "officer", "employee", "insider", "recruit",
    "front", "shell", "contract", "client", "customer", "user", "password", "credential", "key", "certificate",
    "domain", "website", "platform", "cloud", "database", "record", "file", "document", "message", "phone",
    "call", "mobile", "backdoor", "implant", "tool", "toolkit", "exploit", "payload", "command-and-control",
    "botnet", "proxy", "relay", "node", "traffic", "log", "indicator", "signature", "sample", "code", "patch",
    "update", "supply", "chain", "partner", "ally", "coalition", "rival", "adversary", "enemy", "power",
    "hegemony", "surveillance", "monitoring", "censorship", "propaganda", "disinformation", "influence",
    "election", "vote", "campaigner", "dissident", "journalist", "media", "outlet", "newspaper", "article",
    "interview", "remark", "comment", "response", "answer", "rebuttal", "rejection", "protest", "complaint",
    "warning", "alert", "guidance", "recommendation", "measure", "step", "action", "effort", "program",
    "project", "mission", "task", "team", "center", "institute", "laboratory", "academy", "school", "student",
    "professor", "scientist", "engineer", "expert", "specialist", "analyst", "observer", "source", "witness",
    "document", "dossier", "filing", "complaint", "warrant", "arrest", "extradition", "trial", "sentence",
    "prison", "fine", "penalty", "reward", "bounty", "list", "entity", "individual", "person", "citizen",
    "national", "resident", "leader", "head", "director", "chief", "deputy", "staff", "personnel", "worker",
    "industry", "sector", "market", "investment", "fund", "asset", "loss", "damage", "cost", "impact", "risk",
    "harm", "interest", "sovereignty", "territory", "region", "island", "sea", "border", "peace", "stability",
    "order", "rule", "norm", "principle", "standard", "framework", "agreement", "treaty", "pledge", "commitment",
    "promise", "deal", "summit", "meeting", "talk", "visit", "trip", "week", "month", "day", "decade", "period",
    "time", "history", "record", "pattern", "trend", "wave", "series", "spate", "case", "incident", "event",
    "episode", "matter", "issue", "question", "problem", "claim", "story", "narrative", "fact", "truth", "lie",
    "smear", "hype", "excuse", "pretext", "motive", "purpose", "goal", "aim", "benefit", "advantage", "edge",
];

/// Regular verbs of the domain (inflected by rule below), roughly most common first.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "accuse", "deny", "attack", "target", "hack", "breach", "compromise", "exploit", "infiltrate", "spy",
    "sanction", "indict", "charge", "allege", "attribute", "warn", "report", "publish", "identify", "disclose",
    "reveal", "condemn", "reject", "respond", "claim", "investigate", "monitor", "detect", "block", "disrupt",
    "launch", "conduct", "sponsor", "support", "oppose", "urge", "demand", "protect", "defend", "threaten",
    "retaliate", "announce", "confirm", "access", "collect", "exfiltrate", "install", "deploy", "encrypt",
    "leak", "release", "track", "trace", "link", "name", "blame", "criticize", "dismiss", "refute", "counter",
    "patch", "wipe", "observe", "notify", "assess", "mitigate", "remediate", "harvest", "seize", "arrest",
    "extradite", "prosecute", "convict", "impose", "restrict", "expel", "summon", "protest", "question",
    "verify", "document", "analyze", "hijack", "intercept", "impersonate", "harass", "pressure", "undermine",
    "weaponize", "fabricate", "smear", "politicize", "hype", "exaggerate", "ignore", "insist", "maintain",
    "stress", "emphasize", "add", "note", "describe", "suggest", "believe", "consider", "involve", "remain",
    "continue", "use", "work", "operate", "employ", "recruit", "direct", "order", "approve", "fund", "pay",
    "sell", "buy", "share", "exchange", "cooperate", "engage", "discuss", "agree", "refuse", "request",
    "receive", "obtain", "acquire", "gather", "store", "process", "transfer", "move", "host", "route",
];

/// Adjectives of the domain, roughly most common first.
#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "national", "foreign", "critical", "malicious", "state-sponsored", "public", "technical", "serious", "false",
    "groundless", "baseless", "unfounded", "sensitive", "classified", "global", "international", "digital",
    "sophisticated", "persistent", "advanced", "major", "widespread", "official", "irresponsible", "political",
    "economic", "strategic", "commercial", "secret", "unauthorized", "repeated", "recent", "previous", "latest",
    "former", "senior", "federal", "domestic", "private", "independent", "legal", "illegal", "criminal",
    "diplomatic", "hostile", "aggressive", "covert", "remote", "vulnerable", "new", "large", "long-running",
    "multiple", "several", "significant", "specific", "clear", "credible", "common", "different", "similar",
    "possible", "potential", "direct", "indirect", "current", "annual", "joint", "allied", "regional", "western",
    "online", "internal", "external", "personal", "corporate", "industrial", "academic", "financial", "medical",
    "nuclear", "maritime", "naval", "civilian", "scientific", "proprietary", "confidential", "fraudulent",
    "deceptive", "destructive", "disruptive", "coordinated", "systematic", "deliberate", "extensive",
    "unprecedented", "ongoing", "massive", "broad", "detailed", "thorough", "swift", "firm", "strong", "resolute",
    "legitimate", "normal", "necessary", "responsible", "reckless", "hypocritical", "unilateral",
];

/// Prefixes that make further words of the domain's nouns, verbs and adjectives.
#[rustfmt::skip]
const PREFIXES: &[&str] = &[
    "re", "counter-", "pre", "co-", "anti-", "sub", "inter", "cyber", "multi", "non-", "over", "under", "mis", "de",
    "post", "semi-", "cross-", "ultra", "pseudo", "geo",
];

/// How many made-up names the vocabulary has.
const NAMES_MADE_UP: usize = 7_000;

/// How many of the prefixes each stem takes.
const PREFIXES_PER_STEM: usize = 2;

/// Made-up names are built from these.
#[rustfmt::skip]
const ONSETS: &[&str] = &[
    "b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "sh",
    "st", "t", "tr", "v", "w", "x", "y", "z", "zh", "q",
];
#[rustfmt::skip]
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ao", "ei", "ia", "ou", "ua", "ie"];
#[rustfmt::skip]
const CODAS: &[&str] = &["", "", "", "n", "ng", "r", "l", "s", "t", "k", "m"];

#[rustfmt::skip]
const CHINESE: &[&str] = &[
    "网络", "攻击", "美国", "情报", "机构", "指控", "否认", "安全", "中心", "报告", "黑客", "间谍", "外交部",
    "发言人", "国家", "政府", "数据", "系统", "漏洞", "调查", "证据", "制裁", "起诉", "窃取", "基础设施", "威胁",
    "行动", "组织", "军方", "企业", "大学", "研究", "技术", "服务器", "恶意软件", "声明", "回应", "反对", "抹黑",
    "炒作",
];

#[rustfmt::skip]
const INSTITUTIONS: &[&str] = &[
    "Ministry", "Agency", "Bureau", "Command", "Institute", "Center", "Department", "Office", "Council",
    "Security Service", "Cyber Unit", "Prosecutors",
];
#[rustfmt::skip]
const GROUPS: &[&str] = &["Typhoon", "Panda", "Spider", "Dragon", "Storm", "Team", "Group"];
#[rustfmt::skip]
const ROLES: &[&str] =
    &["spokesperson", "minister", "director", "deputy director", "ambassador", "prosecutor", "analyst", "official"];

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// `word` + `-s`/`-es`/`-ies`, the regular way.
fn plural(word: &str) -> String {
    let b = word.as_bytes();
    if ["s", "x", "ch", "sh", "z"].iter().any(|e| word.ends_with(e)) {
        format!("{word}es")
    } else if word.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &word[..word.len() - 1])
    } else {
        format!("{word}s")
    }
}

fn past(verb: &str) -> String {
    let b = verb.as_bytes();
    if verb.ends_with('e') {
        format!("{verb}d")
    } else if verb.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ied", &verb[..verb.len() - 1])
    } else {
        format!("{verb}ed")
    }
}

fn gerund(verb: &str) -> String {
    if verb.ends_with('e') && !verb.ends_with("ee") {
        format!("{}ing", &verb[..verb.len() - 1])
    } else {
        format!("{verb}ing")
    }
}

/// The adverb of an adjective, when it has a plain one.
fn adverb(adjective: &str) -> Option<String> {
    if adjective.contains('-') || adjective.ends_with("ed") {
        None
    } else if let Some(stem) = adjective.strip_suffix("le") {
        Some(format!("{stem}ly"))
    } else if adjective.ends_with("ic") {
        Some(format!("{adjective}ally"))
    } else if let Some(stem) = adjective.strip_suffix('y') {
        Some(format!("{stem}ily"))
    } else {
        Some(format!("{adjective}ly"))
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

fn made_up_name(rng: &mut StdRng) -> String {
    let syllables = match rng.random_range(0..10) {
        0..4 => 1,
        4..9 => 2,
        _ => 3,
    };
    let mut word = String::new();
    for _ in 0..syllables {
        // Mostly a single consonant, as in most names.
        let onset = ONSETS[rng.random_range(0..ONSETS.len())];
        word.push_str(if onset.len() > 1 && rng.random_bool(0.6) { &onset[..1] } else { onset });
        word.push_str(VOWELS[rng.random_range(0..VOWELS.len())]);
        word.push_str(CODAS[rng.random_range(0..CODAS.len())]);
    }
    capitalised(&word)
}

/// The words of the synthetic text, most common first, with the cumulative weights of a
/// Zipf–Mandelbrot law (the word of rank r weighs 1 / (r + 2.7)) for drawing them.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
    /// Made-up names, for people, groups and actors.
    names: Vec<String>,
}

impl Vocabulary {
    /// The same vocabulary for every dataset size.
    fn new() -> Vocabulary {
        let mut rng = StdRng::seed_from_u64(0x0c0f_fee5);
        let mut seen = HashSet::new();
        let mut words: Vec<String> = Vec::new();
        let mut add = |word: String, words: &mut Vec<String>| {
            if seen.insert(word.to_lowercase()) {
                words.push(word);
            }
        };
        // The head: the six commonest function words, then function words in turn with the
        // domain's words (two nouns, a verb and an adjective at a time, and a name every fourth).
        let mut content: Vec<&str> = Vec::new();
        let mut names = NAMES.iter().copied();
        for i in 0..NOUNS.len().max(VERBS.len() * 2) {
            if i % 2 == 0 {
                content.extend(names.next());
            }
            content.extend(NOUNS.get(i).copied());
            if i % 2 == 1 {
                content.extend(VERBS.get(i / 2).copied());
                content.extend(ADJECTIVES.get(i / 2).copied());
            }
        }
        let mut function = FUNCTION_WORDS.iter().copied();
        function.by_ref().take(6).for_each(|w| add(w.to_string(), &mut words));
        let mut content = content.into_iter();
        loop {
            let (f, c) = (function.next(), content.next());
            if f.is_none() && c.is_none() {
                break;
            }
            f.into_iter().chain(c).for_each(|w| add(w.to_string(), &mut words));
        }
        // Then the regular inflections, in the same order.
        let mut inflected = Vec::new();
        for i in 0..NOUNS.len().max(VERBS.len()) {
            if let Some(noun) = NOUNS.get(i) {
                inflected.push(plural(noun));
            }
            if let Some(verb) = VERBS.get(i) {
                inflected.extend([plural(verb), past(verb), gerund(verb)]);
            }
            if let Some(adverb) = ADJECTIVES.get(i).and_then(|a| adverb(a)) {
                inflected.push(adverb);
            }
        }
        inflected.into_iter().for_each(|w| add(w, &mut words));
        // The long tail: each stem with a few prefixes, and made-up names, shuffled together.
        let mut tail = Vec::new();
        let stems: Vec<Vec<String>> = NOUNS
            .iter()
            .map(|n| vec![n.to_string(), plural(n)])
            .chain(VERBS.iter().map(|v| vec![v.to_string(), plural(v), past(v), gerund(v)]))
            .chain(ADJECTIVES.iter().map(|a| vec![a.to_string()]))
            .collect();
        for forms in &stems {
            let mut chosen: Vec<&str> = Vec::new();
            while chosen.len() < PREFIXES_PER_STEM {
                let p = PREFIXES[rng.random_range(0..PREFIXES.len())];
                if !chosen.contains(&p) {
                    chosen.push(p);
                }
            }
            for p in chosen {
                tail.extend(forms.iter().map(|f| format!("{p}{f}")));
            }
        }
        let mut names = Vec::new();
        let mut name_seen = HashSet::new();
        while names.len() < NAMES_MADE_UP {
            let name = made_up_name(&mut rng);
            if name.len() >= 3 && name_seen.insert(name.clone()) {
                names.push(name);
            }
        }
        tail.extend(names.iter().cloned());
        for i in (1..tail.len()).rev() {
            tail.swap(i, rng.random_range(0..=i));
        }
        tail.into_iter().for_each(|w| add(w, &mut words));

        let mut total = 0.0;
        let cumulative = (0..words.len())
            .map(|r| {
                total += 1.0 / (r as f64 + 2.7);
                total
            })
            .collect();
        Vocabulary { words, cumulative, names }
    }

    fn word(&self, rng: &mut StdRng) -> &str {
        let total = *self.cumulative.last().expect("words");
        let u = rng.random::<f64>() * total;
        let r = self.cumulative.partition_point(|&c| c <= u).min(self.words.len() - 1);
        &self.words[r]
    }

    fn name(&self, rng: &mut StdRng) -> &str {
        &self.names[rng.random_range(0..self.names.len())]
    }

    /// `words` words in sentences of 6–29 (a capital first, a full stop last, the odd comma
    /// and number); in a `chinese` text one word in five is Chinese. A `title` is one sentence
    /// without the full stop.
    fn text(&self, rng: &mut StdRng, words: usize, chinese: bool, title: bool) -> String {
        let mut s = String::with_capacity(words * 8);
        let mut left_in_sentence = 0;
        for k in 0..words {
            let start = left_in_sentence == 0;
            if start {
                let left = words - k;
                left_in_sentence = match rng.random_range(6..=24) {
                    // No sentence of fewer than six words at the end.
                    n if !title && left >= n + 6 => n,
                    _ => left,
                };
                if k > 0 {
                    s.push_str(". ");
                }
            } else {
                s.push(' ');
            }
            let roll = rng.random_range(0..100);
            let word = if chinese && roll < 20 {
                CHINESE[rng.random_range(0..CHINESE.len())].to_string()
            } else if roll >= 98 {
                if rng.random_bool(0.5) {
                    rng.random_range(2010..=2026).to_string()
                } else {
                    rng.random_range(2..1_000).to_string()
                }
            } else {
                self.word(rng).to_string()
            };
            if start {
                s.push_str(&capitalised(&word));
            } else {
                s.push_str(&word);
            }
            left_in_sentence -= 1;
            if left_in_sentence > 1 && rng.random_range(0..100) < 6 {
                s.push(',');
            }
        }
        if !title && words > 0 {
            s.push('.');
        }
        s
    }
}

/// `low` + two draws of 0..=`spread`: a hump in the middle, like real lengths.
fn length(rng: &mut StdRng, low: usize, spread: usize) -> usize {
    low + rng.random_range(0..=spread) + rng.random_range(0..=spread)
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
fn write_dataset(n: usize, vocabulary: &Vocabulary, out: &mut impl Write) -> std::io::Result<()> {
    let v = vocabulary;
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
            let group = i % 7 == 0;
            let name = if group {
                format!("{} {}", v.name(&mut rng), GROUPS[rng.random_range(0..GROUPS.len())])
            } else {
                format!("{} {}", v.name(&mut rng), INSTITUTIONS[rng.random_range(0..INSTITUTIONS.len())])
            };
            let mut a = json!({"id": format!("actor-{i}"), "name": name,
                               "country": country, "kind": if group { "threat-group" } else { "agency" }});
            if country == "CN" && i % 3 == 0 {
                a["name_zh"] = json!(format!("{}{i}", CHINESE[i % CHINESE.len()]));
            }
            if group {
                a["aliases"] = json!([format!("APT-{i}")]);
            }
            a
        })
        .collect();
    let incident_count = (n / 4).max(1);
    let incidents: Vec<_> = (0..incident_count)
        .map(|i| {
            let words = length(&mut rng, 4, 5);
            json!({"id": format!("incident-{i}"), "title": v.text(&mut rng, words, false, true),
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
            let chinese = rng.random_range(0..100) < 10;
            let d = date(&mut rng);
            let stance = match &first_in_incident[incident] {
                Some(_) if rng.random_bool(0.5) => STANCES[6 + rng.random_range(0..2)],
                _ => STANCES[rng.random_range(0..6)],
            };
            let words = length(&mut rng, 6, 6);
            let headline = v.text(&mut rng, words, chinese, true);
            // 40–70 words, and one summary in ten up to 20 more.
            let extra = if rng.random_bool(0.1) { rng.random_range(0..=20) } else { 0 };
            let words = length(&mut rng, 40, 15) + extra;
            let summary = v.text(&mut rng, words, chinese, false);
            let sources: Vec<_> = (0..rng.random_range(1..=3))
                .map(|k| {
                    let words = length(&mut rng, 3, 6);
                    let title = v.text(&mut rng, words, false, true);
                    json!({"publisher": format!("Publisher {}", k + i % 40), "title": title,
                           "url": format!("https://example.org/{i}/{k}")})
                })
                .collect();
            let mut claim = json!({
                "id": format!("claim-{i:07}"), "date": d, "claimant": format!("actor-{claimant}"),
                "accused": [format!("actor-{accused}")], "stance": stance, "incident": format!("incident-{incident}"),
                "headline": headline, "summary": summary, "sources": sources,
                "confidence": if rng.random_bool(0.2) { "partial" } else { "verified" },
            });
            if rng.random_bool(0.8) {
                let words = length(&mut rng, 2, 18);
                let text = v.text(&mut rng, words, chinese, false);
                let speaker =
                    format!("{} {}, {}", v.name(&mut rng), v.name(&mut rng), ROLES[rng.random_range(0..ROLES.len())]);
                claim["quote"] = json!({"text": text, "speaker": speaker});
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
    let vocabulary = Vocabulary::new();
    for n in sizes {
        let path = format!("{out}/claims-{n}.json");
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create the file"));
        write_dataset(n, &vocabulary, &mut file).expect("write");
        file.flush().expect("flush");
        println!("wrote {path}");
    }
}
