//! One sort for the small lists the page orders (facet options, the longest waits, the words
//! of a search, ranked names). Each `sort_by` with its own element type and comparison is
//! compiled into a sort of its own, several kilobytes of wasm each; these lists go through
//! one compiled sort of positions instead, the comparison called through a reference. The
//! hot, large sorts (the claims by date) keep their own.

use std::cmp::Ordering;

/// Sorts `items` by `order`, stably (equal items keep their order).
pub fn sort_stable_by<T>(items: &mut Vec<T>, order: impl Fn(&T, &T) -> Ordering) {
    top_by(items, usize::MAX, order);
}

/// Keeps the `top` first of `items` by `order`, sorted, stably: only the kept ones are
/// sorted, after a selection of them.
pub fn top_by<T>(items: &mut Vec<T>, top: usize, order: impl Fn(&T, &T) -> Ordering) {
    let order = |a: &u32, b: &u32| order(&items[*a as usize], &items[*b as usize]).then(a.cmp(b));
    let mut positions: Vec<u32> = (0..items.len() as u32).collect();
    order_positions(&mut positions, top, &order);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(positions.iter().map(|&p| slots[p as usize].take().expect("each position once")));
}

/// The one compiled selection and sort: the `top` first positions by `order`, sorted.
#[inline(never)]
fn order_positions(positions: &mut Vec<u32>, top: usize, order: &dyn Fn(&u32, &u32) -> Ordering) {
    if top == 0 {
        positions.clear();
        return;
    }
    if positions.len() > top {
        positions.select_nth_unstable_by(top - 1, order);
        positions.truncate(top);
    }
    positions.sort_unstable_by(order);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_stable_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn keeps_the_first_ones_in_order() {
        let mut v: Vec<u32> = (0..1_000).map(|i| (i * 7919) % 1_000).collect();
        top_by(&mut v, 5, |a, b| b.cmp(a));
        assert_eq!(v, [999, 998, 997, 996, 995]);
        let mut ties = vec![(1, 'a'), (3, 'b'), (1, 'c'), (3, 'd'), (2, 'e')];
        top_by(&mut ties, 3, |a, b| b.0.cmp(&a.0));
        assert_eq!(ties, [(3, 'b'), (3, 'd'), (2, 'e')]);
        let mut none = vec![1, 2];
        top_by(&mut none, 0, |a: &i32, b| a.cmp(b));
        assert!(none.is_empty());
    }
}
