//! Words shared by the chart descriptions: counted nouns and the no-match sentence.

/// The description of every chart when no claim matches.
pub const NO_MATCH: &str = "No claims match the current search.";

/// "1 claim", "2 claims".
pub fn claims(n: u32) -> String {
    counted(n as usize, "claim", "claims")
}

/// A count with its noun in the right number: "1 sector", "3 sectors".
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "1 day", "12 days", "2.5 days".
pub(crate) fn days(n: f64) -> String {
    if n == 1.0 {
        "1 day".to_string()
    } else if n.fract() == 0.0 {
        format!("{n:.0} days")
    } else {
        format!("{n:.1} days")
    }
}

/// Names sorted by count, most first, ties by name (case-insensitive), then cut to `top`: the
/// top ones are selected first, so only they are sorted (ties left in their order given).
pub(crate) fn ranked<T>(items: Vec<(String, u32, T)>, top: usize) -> Vec<(String, u32, T)> {
    type Keyed<T> = (String, usize, (String, u32, T));
    let mut keyed: Vec<Keyed<T>> =
        items.into_iter().enumerate().map(|(i, item)| (item.0.to_lowercase(), i, item)).collect();
    let order = |(fa, ia, a): &Keyed<T>, (fb, ib, b): &Keyed<T>| {
        b.1.cmp(&a.1).then_with(|| fa.cmp(fb)).then_with(|| a.0.cmp(&b.0)).then(ia.cmp(ib))
    };
    if top == 0 {
        return Vec::new();
    }
    if keyed.len() > top {
        keyed.select_nth_unstable_by(top - 1, order);
        keyed.truncate(top);
    }
    keyed.sort_unstable_by(order);
    keyed.into_iter().map(|(_, _, item)| item).collect()
}
