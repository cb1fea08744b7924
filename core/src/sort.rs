//! The one sort the app's lists use. The standard library's sort is
//! compiled once for every type it sorts, about 4 KB of wasm each: three
//! types on a class link's first load. Sorting positions through one
//! comparison function keeps a single copy.

use std::cmp::Ordering;

/// Sorts `items` by `compare`. Not stable: for keys that never tie.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_numbers_by(&mut order, &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|at| slots[at].take()));
}

/// Sorts numbers from the smallest.
pub fn sort_numbers(values: &mut [usize]) {
    sort_numbers_by(values, &|a, b| a.cmp(&b));
}

fn sort_numbers_by(values: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    values.sort_unstable_by(|&a, &b| compare(a, b));
}
