//! Orderings by a comparator, all through one sort.
//!
//! Every `sort_by` with its own comparator or element type makes the compiler emit its own
//! copy of the standard library's sort: 3 to 11 KB of wasm each. The orderings of short lists
//! (facet options, ranked names, response lags, search words, the tokens by frequency) go
//! through [`permutation`] instead, which sorts indices with a comparator behind `&dyn`, so the
//! page carries one copy for all of them. Ties keep their original order, as with `sort_by`.

use std::cmp::Ordering;

/// The indices `0..n` in the order `cmp` gives them; equal ones stay in index order.
pub fn permutation(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_unstable_by(|&a, &b| cmp(a as usize, b as usize).then(a.cmp(&b)));
    order
}

/// Sorts `items` by `cmp`, stably: the same result as `items.sort_by(cmp)`.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = permutation(items.len(), &|a, b| cmp(&items[a], &items[b]));
    *items = arrange(std::mem::take(items), &order);
}

/// The items at the indices of `order` (a permutation, or its first part), in that order.
pub fn arrange<T>(items: Vec<T>, order: &[u32]) -> Vec<T> {
    let mut taken: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| taken[i as usize].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort_does(items in prop::collection::vec((0u8..4, 0u16..1000), 0..60)) {
            // Compared by the first field only, so ties show whether their order is kept.
            let mut expected = items.clone();
            expected.sort_by_key(|item| std::cmp::Reverse(item.0));
            let mut got = items;
            sort_by(&mut got, |a, b| b.0.cmp(&a.0));
            prop_assert_eq!(got, expected);
        }

        #[test]
        fn a_permutation_holds_every_index_once(keys in prop::collection::vec(0u8..5, 0..60)) {
            let order = permutation(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
            let mut seen = order.clone();
            seen.sort_unstable();
            prop_assert_eq!(seen, (0..keys.len() as u32).collect::<Vec<_>>());
            prop_assert!(order.windows(2).all(|w| (keys[w[0] as usize], w[0]) < (keys[w[1] as usize], w[1])));
        }
    }
}
