//! The report's tests: bounds, kinds, shortening, appending and the summary line.

use super::*;
use crate::ingest::place::path;

fn missing(field: &str) -> Message {
    Message::new("problem.missing").with("field", field)
}

fn unknown(field: &str) -> Message {
    Message::new("problem.unknown_field").with("value", format!("\"{field}\""))
}

fn excluded() -> Message {
    Message::new("problem.excluded.claim")
}

/// A report of `n` records of `{}`: the four problems the slow path finds in each.
fn empty_records(n: usize) -> Report {
    let mut r = Report::default();
    for i in 0..n {
        r.error(path(format!("claims[{i}].id")), missing("id"));
        r.error(path(format!("claims[{i}].date")), missing("date"));
        r.warning(path(format!("claims[{i}].x{}", i % 3)), unknown(&format!("x{}", i % 3)));
        r.error(path(format!("claims[{i}]")), excluded());
    }
    r
}

#[test]
fn keeps_the_first_problems_in_order_and_counts_the_rest_by_kind() {
    let r = empty_records(1_000);
    assert_eq!(r.problems.len(), PROBLEMS_KEPT);
    assert_eq!(r.problems[0].location_in(Lang::En), "claims[0].id");
    assert_eq!(r.problems[PROBLEMS_KEPT - 1].location_in(Lang::En), "claims[249]");
    assert_eq!(r.count(Severity::Error), 3_000);
    assert_eq!(r.count(Severity::Warning), 1_000);
    let more: Vec<(Severity, String, String, usize)> =
        r.more.iter().map(|m| (m.severity, m.location_in(Lang::En), m.message_in(Lang::En), m.count)).collect();
    let kind = |s: Severity, at: &str, what: &str, n| (s, at.to_string(), what.to_string(), n);
    // Records 250 to 999: 750 of each; the unknown fields are three kinds by their names.
    assert_eq!(
        more,
        [
            kind(Severity::Error, "claims[#].id", "the field \"…\" is missing", 750),
            kind(Severity::Error, "claims[#].date", "the field \"…\" is missing", 750),
            kind(Severity::Warning, "claims[#].x#", "unknown field \"…\" is ignored", 750),
            kind(Severity::Error, "claims[#]", "this claim is excluded because of the error(s) above", 750),
        ]
    );
    // A kind is shown in the reader's language.
    assert_eq!(r.more[0].message_in(Lang::Zh), "缺少字段 \"…\"");
    let listed = r.problems.len() + r.more.iter().map(|m| m.count).sum::<usize>();
    assert_eq!(listed, r.total());
}

#[test]
fn kinds_beyond_the_cap_are_counted_together() {
    let mut r = Report::default();
    for i in 0..PROBLEMS_KEPT {
        r.warning(path("title"), Message::new("problem.no_title").with("i", i.to_string()));
    }
    // Each location a kind of its own (letters are not templated).
    let name = |i: usize| path(format!("k{}", char::from_u32(0x4e00 + i as u32).unwrap()));
    for i in 0..KINDS_KEPT + 50 {
        r.warning(name(i), unknown("k"));
        r.warning(name(i), unknown("k"));
    }
    r.error(path("x"), Message::new("problem.no_source"));
    assert_eq!(r.more.len(), KINDS_KEPT + 2);
    assert!(r.more[..KINDS_KEPT].iter().all(|m| m.count == 2 && !m.is_other_kinds()));
    let other = &r.more[KINDS_KEPT];
    assert!(other.is_other_kinds());
    assert_eq!((other.severity, other.count), (Severity::Warning, 100));
    assert_eq!(other.to_string(), "and 100 more: warnings of other kinds");
    // An error of a new kind, after the cap: counted with the other kinds (its own line,
    // since it is an error).
    let errors: Vec<&MoreOfKind> = r.more.iter().filter(|m| m.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].is_other_kinds() && errors[0].count == 1);
    assert_eq!(r.count(Severity::Warning), PROBLEMS_KEPT + 2 * (KINDS_KEPT + 50));
}

#[test]
fn kinds_take_out_numbers_and_quoted_values() {
    let (place, what) =
        kind_of("row 12, column accused", "\"Bad \"Actor\" 9\" is dated 2024-05, after this claim (2019); 3 more");
    assert_eq!(place, "row #, column accused");
    // A quote ends at the next quote mark; what follows is template again.
    assert_eq!(what, "\"…\"Actor\"…\" is dated #-#, after this claim (#); # more");
    let (_, cut) = kind_of("x", "the id \"never closed");
    assert_eq!(cut, "the id \"…\"");
    let (place, _) = kind_of(&format!("claims[1].{}", "k".repeat(1_000)), "m");
    assert_eq!(place.chars().count(), LOCATION_MAX);
}

#[test]
fn places_and_messages_are_shortened() {
    let mut r = Report::default();
    r.warning(path(format!("claims[0].{}", "k".repeat(5_000))), unknown(&"é".repeat(5_000)));
    let p = &r.problems[0];
    let (at, what) = (p.location_in(Lang::En), p.message_in(Lang::En));
    assert_eq!(at.chars().count(), LOCATION_MAX);
    assert_eq!(what.chars().count(), MESSAGE_MAX);
    assert!(at.ends_with('…') && what.ends_with('…'));
    // What the report keeps of a value is bounded too, whatever the file held.
    assert!(p.message.text_arg("value").is_some_and(|v| v.chars().count() <= MESSAGE_MAX));
}

#[test]
fn appending_keeps_the_cap_the_order_and_every_count() {
    let mut head = Report::default();
    head.warning(path("title"), Message::new("problem.no_title"));
    let mut records = empty_records(400);
    records.claims.excluded = 400;
    let total = records.total();
    head.append(records);
    assert_eq!(head.problems.len(), PROBLEMS_KEPT);
    assert_eq!(head.problems[0].location_in(Lang::En), "title");
    assert_eq!(head.problems[1].location_in(Lang::En), "claims[0].id");
    assert_eq!(head.total(), total + 1);
    assert_eq!(head.claims.excluded, 400);
    let listed = head.problems.len() + head.more.iter().map(|m| m.count).sum::<usize>();
    assert_eq!(listed, head.total());
    // The record problems that no longer fit joined the counts of their kind.
    assert_eq!(head.more[0].location_in(Lang::En), "claims[#]");
    assert_eq!(head.more[0].count, 1 + 150);
    assert_eq!(head.more[1].location_in(Lang::En), "claims[#].id");
    assert_eq!(head.more[1].count, 150);
}

#[test]
fn the_summary_says_when_only_the_first_problems_are_listed() {
    let mut r = Report::default();
    r.claims = Tally { loaded: 1, excluded: 0 };
    r.warning(path("claims[0].x"), unknown("x"));
    assert_eq!(r.summary(), "1 claim loaded, 0 excluded; 0 errors, 1 warning");
    let mut r = empty_records(300);
    r.claims = Tally { loaded: 0, excluded: 300 };
    assert_eq!(r.summary(), "0 claims loaded, 300 excluded; 900 errors, 300 warnings; the first 1,000 are listed");
}
