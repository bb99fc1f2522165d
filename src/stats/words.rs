//! Words shared by the chart descriptions: counted nouns and the no-match sentence.

use crate::i18n::Lang;

/// The description of every chart when no claim matches, in `lang`.
pub fn no_match(lang: Lang) -> String {
    lang.text("summary.no_match").into_owned()
}

/// "1 claim", "2 claims", "2 条声明".
pub fn claims(n: u32, lang: Lang) -> String {
    lang.count("count.claims", n as usize, &[])
}

/// "1 day", "12 days", "2.5 days", "2.5 天".
pub(crate) fn days(n: f64, lang: Lang) -> String {
    let shown = if n.fract() == 0.0 { format!("{n:.0}") } else { format!("{n:.1}") };
    lang.count_shown("count.days", &shown, &[])
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
    crate::sort::top_by(&mut keyed, top, order);
    keyed.into_iter().map(|(_, _, item)| item).collect()
}
