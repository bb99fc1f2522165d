//! The interface's two languages: the catalogues hold the same messages, every message the code
//! names is in them, the plural rules written out in `i18n` are CLDR's, and the charts speak
//! Chinese when asked.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use cyber_claims_explorer::charts::{aggregate, summary, table, to_svg, ChartId, Theme};
use cyber_claims_explorer::i18n::Lang;
use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::query::Index;
use intl_pluralrules::{PluralRuleType, PluralRules};

/// The repository's root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// One message of a catalogue: its key (`ui.view.claims`), its plural form (`one`, `other`)
/// for a counted message (an object of forms only), and its text.
struct Message {
    key: String,
    form: Option<String>,
    text: String,
}

/// A catalogue's messages.
fn messages(lang: Lang) -> Vec<Message> {
    fn flat(prefix: &str, value: &serde_json::Value, out: &mut Vec<Message>) {
        match value {
            serde_json::Value::Object(map) if map.keys().all(|k| k == "one" || k == "other") => {
                for (form, text) in map {
                    let text = text.as_str().unwrap_or_else(|| panic!("{prefix}.{form}: a form must be text"));
                    out.push(Message { key: prefix.to_string(), form: Some(form.clone()), text: text.to_string() });
                }
            }
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                    flat(&key, v, out);
                }
            }
            serde_json::Value::String(s) => out.push(Message { key: prefix.to_string(), form: None, text: s.clone() }),
            other => panic!("{prefix}: a message must be text, not {other}"),
        }
    }
    // English is compiled in (locales/); Chinese is read by the page at run time (public/).
    let path = match lang {
        Lang::En => root().join("locales/en.json"),
        other => root().join(format!("public/locales/{}.json", other.code())),
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = Vec::new();
    flat("", &serde_json::from_str(&text).unwrap(), &mut out);
    out
}

#[test]
fn both_catalogues_hold_the_same_messages_with_each_languages_plural_forms() {
    let en = messages(Lang::En);
    let zh = messages(Lang::Zh);
    let keys = |m: &[Message]| m.iter().map(|m| (m.key.clone(), m.form.is_some())).collect::<BTreeSet<_>>();
    assert_eq!(keys(&en), keys(&zh), "the same messages in English and Chinese, counted in both or in neither");
    // English counts with `one` and `other`; Chinese, which has no `one`, with `other` only.
    let forms =
        |m: &[Message], key: &str| m.iter().filter(|x| x.key == key).filter_map(|x| x.form.clone()).collect::<Vec<_>>();
    for m in en.iter().filter(|m| m.form.is_some()) {
        assert_eq!(forms(&en, &m.key), ["one", "other"], "{}: English forms", m.key);
        assert_eq!(forms(&zh, &m.key), ["other"], "{}: Chinese forms", m.key);
    }
    // Every placeholder of a message is in its translation too.
    let holes = |text: &str| {
        text.match_indices("%{").map(|(i, _)| text[i..].split('}').next().unwrap().to_string()).collect::<BTreeSet<_>>()
    };
    for m in &zh {
        let english = en.iter().find(|e| e.key == m.key && e.form == m.form).unwrap();
        assert_eq!(holes(&m.text), holes(&english.text), "{}: the same placeholders", m.key);
    }
}

#[test]
fn every_message_the_code_names_is_in_the_catalogues() {
    let keys: BTreeSet<String> = messages(Lang::En).into_iter().map(|m| m.key).collect();
    let prefixes = [
        "ui.", "notice.", "report.", "count.", "summary.", "chart.", "table.", "date.", "list.", "problem.", "place.",
        "json.", "load.",
    ];
    let mut missing = Vec::new();
    for file in rust_files(&root().join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for piece in text.split('"').skip(1).step_by(2) {
            let named = prefixes.iter().any(|p| piece.starts_with(p))
                && piece.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '_' || c == '-');
            let whole = keys.contains(piece) || keys.iter().any(|k| k.starts_with(&format!("{piece}.")));
            if named && !piece.ends_with('.') && !whole {
                missing.push(format!("{}: {piece}", file.display()));
            }
        }
    }
    assert!(missing.is_empty(), "messages missing from the catalogues:\n{}", missing.join("\n"));
}

#[test]
fn the_plural_rules_written_out_are_cldrs() {
    for lang in Lang::ALL {
        let rules = PluralRules::create(
            lang.code().parse::<unic_langid::LanguageIdentifier>().unwrap(),
            PluralRuleType::CARDINAL,
        )
        .unwrap();
        for n in ["0", "1", "2", "3", "11", "21", "100", "1.0", "1.5", "2.5", "0.5", "1000000"] {
            assert_eq!(lang.plural(n), rules.select(n).unwrap(), "{lang:?} {n}");
        }
    }
}

#[test]
fn counts_are_grouped_as_cldr_writes_each_language() {
    use num_format::{Locale, ToFormattedString};
    for (lang, locale) in [(Lang::En, Locale::en), (Lang::Zh, Locale::zh)] {
        for n in [0usize, 7, 42, 999, 1_000, 1_857, 12_345, 100_000, 1_400_000, 987_654_321, usize::MAX] {
            assert_eq!(lang.number(n), n.to_formatted_string(&locale), "{lang:?} {n}");
        }
    }
    assert_eq!(Lang::Zh.count("count.claims", 100_000, &[]), "100,000 条声明");
    assert_eq!(Lang::En.count("count.claims", 1_000, &[]), "1,000 claims");
}

#[test]
fn the_charts_speak_chinese_when_asked() {
    let bytes = std::fs::read(root().join("public/data/claims.json")).unwrap();
    let dataset = read_json(&bytes).unwrap().dataset;
    let index = Index::build(&dataset);
    let all: Vec<u32> = (0..dataset.claims.len() as u32).collect();
    let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for chart in ChartId::ALL {
        let data = aggregate(chart, &dataset, &index, &all, Lang::Zh);
        assert!(chinese(&chart.title(Lang::Zh)), "{chart:?}: {}", chart.title(Lang::Zh));
        let text = summary(&data, Lang::Zh);
        assert!(chinese(&text), "{chart:?}: {text}");
        for word in ["claims", "claim", "incidents", "the ", " and "] {
            assert!(!text.contains(word), "{chart:?}: English in the Chinese summary: {text}");
        }
        let t = table(&data, Lang::Zh);
        assert!(chinese(&t.columns[0]), "{chart:?}: {:?}", t.columns);
        let svg = to_svg(&data, &Theme::LIGHT, 800, 500, Lang::Zh);
        assert!(svg.contains(&chart.title(Lang::Zh)), "{chart:?}: the title drawn in Chinese");
        assert!(!svg.contains(&chart.title(Lang::En)), "{chart:?}: no English title");
    }
}
