//! The one sort the app's lists use. The standard library's sort is
//! compiled once for every type it sorts, about 4 KB of wasm each: three
//! types on a class link's first load. Sorting positions through one
//! comparison function keeps a single copy, and that copy is a heapsort of
//! a few hundred bytes: the standard unstable sort, tuned for long slices,
//! was 4 KB (1.6 KB gzipped) of the main module, and these lists (a
//! quiz's questions, a class's results) are at most a few hundred long.

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

/// Heapsort: in place, at most about 2 n log2 n comparisons.
fn sort_numbers_by(values: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    // Moves `values[root]` down the heap of `values[..end]` until it is
    // no smaller than its children.
    let sift_down = |values: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && compare(values[child], values[child + 1]) == Ordering::Less {
            child += 1;
        }
        if compare(values[root], values[child]) != Ordering::Less {
            return;
        }
        values.swap(root, child);
        root = child;
    };
    let len = values.len();
    for root in (0..len / 2).rev() {
        sift_down(values, root, len);
    }
    for end in (1..len).rev() {
        values.swap(0, end);
        sift_down(values, 0, end);
    }
}
