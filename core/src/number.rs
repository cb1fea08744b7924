//! Whole numbers: a share in percent as the app gives it, and numbers read
//! from text (a link's count, seed and time limit, saved progress, the
//! embedded questions, a result file, dates). `str::parse` is
//! compiled once for every number type it reads, and `from_str_radix` once
//! more for each: eight copies on a class link's first load, 2.3 KB of
//! wasm. Every number the app reads is plain digits, so one reader does:
//! it reads a `u64`, which each caller narrows to its type.

/// `part` of `whole` in percent, rounded to the nearest, halves up (2 of 3
/// is 67), but never 100 with one missing nor 0 with one there (199 of 200
/// is 99); 0 of nothing is 0.
pub fn percent(part: usize, whole: usize) -> usize {
    let rounded = (part * 100 + whole / 2).checked_div(whole).unwrap_or(0);
    rounded.min(if part < whole { 99 } else { 100 }).max(usize::from(part > 0))
}

/// The number `text` writes in decimal digits alone (no sign, space or
/// separator), if it fits in a `u64`.
pub fn decimal(text: &str) -> Option<u64> {
    digits(text, 10)
}

/// The number `text` writes in hexadecimal digits alone (either case), if
/// it fits in a `u64`.
pub fn hexadecimal(text: &str) -> Option<u64> {
    digits(text, 16)
}

fn digits(text: &str, radix: u32) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.chars().try_fold(0u64, |number, digit| number.checked_mul(u64::from(radix))?.checked_add(u64::from(digit.to_digit(radix)?)))
}
