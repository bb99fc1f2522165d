//! The fuzzer's inputs: real files damaged at random, so that most cases get deep into the
//! readers (a record that almost decodes, a row that almost maps) rather than failing at the
//! first byte.

use std::sync::OnceLock;

use cyber_claims_explorer::ingest::{
    ACTOR_FIELDS, CLAIM_FIELDS, CSV_COLUMNS, INCIDENT_FIELDS, QUOTE_FIELDS, SOURCE_FIELDS,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Map, Value};

const SMALL: &[u8] = include_bytes!("../fixtures/small.json");
const SOME_BAD: &[u8] = include_bytes!("../fixtures/some-bad.json");
const BROKEN: &[u8] = include_bytes!("../fixtures/broken.json");
const CSV: &[u8] = include_bytes!("../fixtures/claims.csv");
const BUNDLED: &[u8] = include_bytes!("../../public/data/claims.json");

/// Bytes worth inserting: JSON's and CSV's syntax, escapes, byte-order marks, characters that
/// text may not hold (raw and escaped), broken UTF-8, and words the readers look for.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b",",
    b":",
    b"\\",
    b";",
    b"\n",
    b"\r\n",
    b"\r",
    b"\t",
    b" ",
    b"\0",
    b"\x7f",
    b"\xc2\x85",
    b"\xc2\x9b",
    b"\xef\xbf\xbe",
    b"\xef\xbf\xbf",
    b"\xef\xb7\x90",
    b"\xf4\x8f\xbf\xbf",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b"\xe5\xa4",
    b"\xed\xa0\x80",
    b"\\u0007",
    b"\\u001b",
    b"\\u0000",
    b"\\ud800",
    b"\\udc00x",
    b"\\uFFFF",
    b"\\u0085",
    b"\\n",
    b"\\\"",
    b"null",
    b"true",
    b"1e999",
    b"-0",
    b"123456789012345678901234567890",
    b"\"schema\"",
    b"\"claims-explorer/1\"",
    b"\"claims\"",
    b"\"actors\"",
    b"\"incidents\"",
    b"\"id\"",
    b"\"responds_to\"",
    b"\"quote\"",
    b"\"sources\"",
    b"\"scale\"",
    b"[]",
    b"{}",
    b"\"\"",
    b"2019-02-29",
    b"2024-02-29",
    b"9999",
    b"https://",
    b"javascript:",
    b"<",
    b"\xef\xbc\x9d",
    b"=",
    b"id,date,claimant,stance,headline,source_url\n",
];

/// One change to a file's bytes; positions are taken relative to the bytes' length then.
#[derive(Debug, Clone)]
pub enum Edit {
    Set(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    /// Copies `len` bytes from one place to another (a record or a field repeated).
    Copy {
        from: Index,
        len: usize,
        to: Index,
    },
    Truncate(Index),
}

fn token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::sample::select(TOKENS).prop_map(<[u8]>::to_vec),
        1 => proptest::collection::vec(any::<u8>(), 1..4),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Edit::Set(at, b)),
        4 => (any::<Index>(), token()).prop_map(|(at, t)| Edit::Insert(at, t)),
        2 => (any::<Index>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => (any::<Index>(), 1usize..200, any::<Index>()).prop_map(|(from, len, to)| Edit::Copy { from, len, to }),
        1 => any::<Index>().prop_map(Edit::Truncate),
    ]
}

fn edits(max: usize) -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(edit(), 0..max)
}

/// `bytes` with the `edits` made in order.
pub fn damaged(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let n = bytes.len();
        match e {
            Edit::Set(at, b) if n > 0 => bytes[at.index(n)] = *b,
            Edit::Set(..) => {}
            Edit::Insert(at, t) => {
                let at = at.index(n + 1);
                bytes.splice(at..at, t.iter().copied());
            }
            Edit::Delete(at, len) if n > 0 => {
                let at = at.index(n);
                bytes.drain(at..(at + len).min(n));
            }
            Edit::Delete(..) => {}
            Edit::Copy { from, len, to } if n > 0 => {
                let from = from.index(n);
                let piece = bytes[from..(from + len).min(n)].to_vec();
                let to = to.index(n + 1);
                bytes.splice(to..to, piece);
            }
            Edit::Copy { .. } => {}
            Edit::Truncate(at) => bytes.truncate(at.index(n + 1)),
        }
    }
    bytes
}

/// Text that a data editor might have pasted: letters, Chinese, full-width forms, formula
/// signs, separators, quotes and escapes, and characters that text may not hold.
pub fn text() -> impl Strategy<Value = String> {
    let char = prop_oneof![
        6 => prop::char::range('a', 'z'),
        2 => prop::sample::select(vec![' ', '-', ',', ';', '"', '\\', '\'', '=', '+', '@', '外', '交', 'é', '＝', '＠', '\u{3000}', '\u{feff}', '\u{200d}', '\u{202e}']),
        1 => prop::char::range('\0', '\u{1f}'),
        1 => prop::char::range('\u{7f}', '\u{9f}'),
        1 => prop::sample::select(vec!['\u{fdd0}', '\u{fdef}', '\u{fffe}', '\u{ffff}', '\u{1fffe}', '\u{10ffff}']),
    ];
    proptest::collection::vec(char, 0..16).prop_map(String::from_iter)
}

/// A JSON value of any kind, texts from [`text`] and the words the reader knows.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(|n| json!(n)),
        1 => (-1e12f64..1e12).prop_map(|n| json!(n)),
        3 => text().prop_map(Value::String),
        2 => prop::sample::select(vec![
            "us-doj", "cn-mfa", "2019-x", "a", "b", "denial", "indictment", "partial", "2019", "2019-03-05",
            "2026-01-01", "2019-02-30", "https://example.org/x", "ftp://x", "CN", "US", "claims-explorer/1",
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(prop::sample::select(fields()), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

/// Field names the records have (the model's own lists), and a few they do not.
fn fields() -> Vec<&'static str> {
    [ACTOR_FIELDS, INCIDENT_FIELDS, CLAIM_FIELDS, QUOTE_FIELDS, SOURCE_FIELDS]
        .concat()
        .into_iter()
        .chain(["claimnt", "\u{7}"])
        .collect()
}

/// One change to a dataset's value: a value replaced, a field added or removed.
#[derive(Debug, Clone)]
enum ValueEdit {
    Replace(Index, Value),
    AddField(Index, &'static str, Value),
    Remove(Index),
}

fn value_edit() -> impl Strategy<Value = ValueEdit> {
    prop_oneof![
        3 => (any::<Index>(), value()).prop_map(|(at, v)| ValueEdit::Replace(at, v)),
        1 => (any::<Index>(), prop::sample::select(fields()), value()).prop_map(|(at, k, v)| ValueEdit::AddField(at, k, v)),
        1 => any::<Index>().prop_map(ValueEdit::Remove),
    ]
}

/// The JSON pointer of every value inside `v` (not `v` itself).
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    let escape = |k: &str| k.replace('~', "~0").replace('/', "~1");
    match v {
        Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| {
            let p = format!("{at}/{i}");
            out.push(p.clone());
            pointers(x, p, out);
        }),
        Value::Object(map) => map.iter().for_each(|(k, x)| {
            let p = format!("{at}/{}", escape(k));
            out.push(p.clone());
            pointers(x, p, out);
        }),
        _ => {}
    }
}

fn edit_value(mut v: Value, edits: &[ValueEdit]) -> Value {
    for e in edits {
        let mut all = Vec::new();
        pointers(&v, String::new(), &mut all);
        if all.is_empty() {
            break;
        }
        match e {
            ValueEdit::Replace(at, new) => *v.pointer_mut(&all[at.index(all.len())]).expect("a pointer") = new.clone(),
            ValueEdit::AddField(at, key, new) => {
                if let Some(Value::Object(map)) = v.pointer_mut(&all[at.index(all.len())]) {
                    map.insert(key.to_string(), new.clone());
                }
            }
            ValueEdit::Remove(at) => {
                let p = &all[at.index(all.len())];
                let (parent, last) = p.rsplit_once('/').expect("not the root");
                match v.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.remove(&last.replace("~1", "/").replace("~0", "~"));
                    }
                    Some(Value::Array(items)) => {
                        items.remove(last.parse::<usize>().expect("an index"));
                    }
                    _ => {}
                }
            }
        }
    }
    v
}

fn bundled() -> &'static Value {
    static BUNDLED_VALUE: OnceLock<Value> = OnceLock::new();
    BUNDLED_VALUE.get_or_init(|| serde_json::from_slice(BUNDLED).expect("the bundled dataset is JSON"))
}

/// A few claims of the bundled dataset with the actors and incidents they name: a real
/// dataset of a few kilobytes.
fn sample_of_bundled(picks: &[Index]) -> Value {
    let all = bundled();
    let claims: Vec<Value> = picks
        .iter()
        .map(|i| {
            let list = all["claims"].as_array().expect("claims");
            list[i.index(list.len())].clone()
        })
        .collect();
    let named = |c: &Value, out: &mut Vec<String>| {
        out.extend(c["claimant"].as_str().map(String::from));
        out.extend(c["accused"].as_array().into_iter().flatten().filter_map(|a| a.as_str().map(String::from)));
        out.extend(c["incident"].as_str().map(String::from));
    };
    let mut ids = Vec::new();
    claims.iter().for_each(|c| named(c, &mut ids));
    let kept = |list: &str| -> Vec<Value> {
        all[list]
            .as_array()
            .expect("a list")
            .iter()
            .filter(|r| r["id"].as_str().is_some_and(|id| ids.iter().any(|x| x == id)))
            .cloned()
            .collect()
    };
    let mut head: Map<String, Value> = all.as_object().expect("an object").clone();
    head.insert("actors".into(), Value::Array(kept("actors")));
    head.insert("incidents".into(), Value::Array(kept("incidents")));
    head.insert("claims".into(), Value::Array(claims));
    Value::Object(head)
}

/// JSON datasets: the fixtures and samples of the bundled dataset with values changed, then
/// bytes damaged; now and then the whole bundled dataset, damaged.
pub fn json() -> impl Strategy<Value = Vec<u8>> {
    let fixture = prop::sample::select(vec![SMALL, SOME_BAD, BROKEN]);
    prop_oneof![
        300 => (fixture, edits(6)).prop_map(|(f, e)| damaged(f.to_vec(), &e)),
        300 => (prop::sample::select(vec![SMALL, SOME_BAD]), proptest::collection::vec(value_edit(), 1..4), edits(2))
            .prop_map(|(f, v, e)| {
                let value = edit_value(serde_json::from_slice(f).expect("a JSON fixture"), &v);
                damaged(serde_json::to_vec(&value).expect("JSON"), &e)
            }),
        300 => (proptest::collection::vec(any::<Index>(), 1..6), proptest::collection::vec(value_edit(), 0..4), edits(2), any::<bool>())
            .prop_map(|(picks, v, e, pretty)| {
                let value = edit_value(sample_of_bundled(&picks), &v);
                let bytes = if pretty { serde_json::to_vec_pretty(&value) } else { serde_json::to_vec(&value) };
                damaged(bytes.expect("JSON"), &e)
            }),
        1 => edits(4).prop_map(|e| damaged(BUNDLED.to_vec(), &e)),
    ]
}

/// A generated spreadsheet: the columns in any order (some unknown, some missing), rows of
/// [`text`] quoted or not, LF or CRLF, with or without a byte-order mark.
fn spreadsheet() -> impl Strategy<Value = Vec<u8>> {
    // The format's columns, the others it reads, and some it does not know.
    let columns: Vec<&'static str> =
        CSV_COLUMNS.iter().copied().chain(["tags", "confidence", "responds_to", "Extra", "ID "]).collect();
    let cell = prop_oneof![
        3 => text(),
        2 => prop::sample::select(vec!["2021", "2021-07-19", "2019-02-29", "report", "DENIAL", "US", "CN", "a;b", "https://example.org/a", "partial", ""]).prop_map(String::from),
    ];
    (
        proptest::collection::vec(prop::sample::select(columns), 0..12),
        proptest::collection::vec(proptest::collection::vec((cell, any::<bool>()), 0..14), 0..6),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(header, rows, crlf, bom)| {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut out = if bom { "\u{feff}".to_string() } else { String::new() };
            out.push_str(&header.join(","));
            for row in rows {
                out.push_str(end);
                let cells: Vec<String> = row
                    .into_iter()
                    .map(|(c, quoted)| if quoted { format!("\"{}\"", c.replace('"', "\"\"")) } else { c })
                    .collect();
                out.push_str(&cells.join(","));
            }
            out.into_bytes()
        })
}

/// CSV files: the fixture damaged, and generated spreadsheets, damaged a little.
pub fn csv() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        (Just(CSV), edits(6)).prop_map(|(f, e)| damaged(f.to_vec(), &e)),
        (spreadsheet(), edits(2)).prop_map(|(s, e)| damaged(s, &e)),
    ]
}

/// Any bytes, most after a start that sends them to one reader or the other.
pub fn bytes() -> impl Strategy<Value = Vec<u8>> {
    let start =
        prop::sample::select(vec![&b""[..], b"{", b"\xef\xbb\xbf", b" \n{\"schema\":", b"id,date\n", b"\xef\xbb"]);
    (start, proptest::collection::vec(any::<u8>(), 0..256)).prop_map(|(s, b)| [s, &b[..]].concat())
}
