//! The orders lists are shown in, as a reader expects them: explainers in
//! teaching order (the order of `topics.toml`), sources by date, the
//! glossary alphabetically with numbers by value ("Article 4" before
//! "Article 10"). The pages only render these lists.

use std::cmp::Ordering;

use crate::content::{Article, Bundle, Explainer, GlossaryTerm};
use crate::number::decimal;

impl Bundle {
    /// Explainers in the order of their topics in `topics.toml`, so a
    /// teacher reorders the Learn page by moving a `[[topic]]` block. An
    /// explainer whose topic is unknown (the validator reports it) goes last.
    pub fn explainers_in_teaching_order(&self) -> Vec<&Explainer> {
        let mut explainers: Vec<&Explainer> = self.explainers.iter().collect();
        explainers.sort_by_key(|e| self.topics.iter().position(|t| t.id == e.topic).unwrap_or(usize::MAX));
        explainers
    }

    /// The explainer after `id` in teaching order: where its page leads on.
    pub fn explainer_after(&self, id: &str) -> Option<&Explainer> {
        let order = self.explainers_in_teaching_order();
        order.iter().position(|e| e.id == id).and_then(|at| order.get(at + 1).copied())
    }

    /// Articles oldest first, by the date each was inferred to be from.
    /// One whose date cannot be read (a pack may have any wording) goes last,
    /// in the order it came.
    pub fn articles_by_date(&self) -> Vec<&Article> {
        let mut articles: Vec<&Article> = self.articles.iter().collect();
        articles.sort_by_key(|a| (a.date().is_none(), a.date()));
        articles
    }

    /// Glossary terms in [`natural_cmp`] order.
    pub fn glossary_in_reading_order(&self) -> Vec<&GlossaryTerm> {
        let mut terms: Vec<&GlossaryTerm> = self.glossary.iter().collect();
        terms.sort_by(|a, b| natural_cmp(&a.term, &b.term));
        terms
    }
}

impl Article {
    /// The date at the start of `date_inferred` ("20 April 2023 (from the
    /// event it describes)", "April 1949", "1949"), if it starts with one.
    pub fn date(&self) -> Option<CalendarDate> {
        CalendarDate::parse_leading(&self.date_inferred)
    }
}

/// A day, a month or a year, as written in the content ("4 April 2023",
/// "April 2023", "2023"). A missing day or month sorts before any given one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarDate {
    pub year: u16,
    /// 1 to 12, or 0 when only the year is given.
    pub month: u8,
    /// 1 to 31, or 0 when not given.
    pub day: u8,
}

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

impl CalendarDate {
    /// Reads a date from the first words of `text`; the rest is ignored.
    pub fn parse_leading(text: &str) -> Option<Self> {
        let words: Vec<&str> = text.split_whitespace().take(3).map(|w| w.trim_end_matches([',', '.', ';'])).collect();
        let year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
        let month = |w: &str| MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)).map(|i| i as u8 + 1);
        let day = |w: &str| decimal(w).filter(|d| (1..=31).contains(d)).map(|d| d as u8);
        let parsed = match words.as_slice() {
            [d, m, y, ..] if day(d).is_some() && month(m).is_some() && year(y) => (y, month(m)?, day(d)?),
            [m, y, ..] if month(m).is_some() && year(y) => (y, month(m)?, 0),
            [y, ..] if year(y) => (y, 0, 0),
            _ => return None,
        };
        Some(Self { year: u16::try_from(decimal(parsed.0)?).ok()?, month: parsed.1, day: parsed.2 })
    }
}

/// Compares as a reader sorts: letters without regard to case, and runs of
/// digits by their value, so "Article 4" comes before "Article 10" and
/// "article 5" beside "Article 5". Exact ties fall back to plain order so
/// the result never depends on the input order.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut left, mut right) = (Chunks(a), Chunks(b));
    loop {
        let order = match (left.next(), right.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => compare_chunks(x, y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
}

/// A digit run sorts before letters; digit runs compare by value (ignoring
/// leading zeros), other runs by their lower-case letters.
fn compare_chunks(x: &str, y: &str) -> Ordering {
    let digits = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    match (digits(x), digits(y)) {
        (true, true) => {
            let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
            x.len().cmp(&y.len()).then_with(|| x.cmp(y))
        }
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => x.chars().flat_map(char::to_lowercase).cmp(y.chars().flat_map(char::to_lowercase)),
    }
}

/// Splits text into alternating runs of ASCII digits and of everything else.
struct Chunks<'a>(&'a str);

impl<'a> Iterator for Chunks<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let first = self.0.chars().next()?;
        let digits = first.is_ascii_digit();
        let end = self.0.find(|c: char| c.is_ascii_digit() != digits).unwrap_or(self.0.len());
        let (chunk, rest) = self.0.split_at(end);
        self.0 = rest;
        Some(chunk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_by_value_and_letters_ignore_case() {
        let cases: &[(&str, &str, Ordering)] = &[
            ("Article 4", "Article 10", Ordering::Less),
            ("Article 10", "Article 5", Ordering::Greater),
            ("article 5", "Article 6", Ordering::Less),
            ("Accession", "accession protocol", Ordering::Less),
            ("Veto", "unanimity", Ordering::Greater),
            ("item 7", "item 10", Ordering::Less),
            ("item 007", "item 7", Ordering::Less), // equal values: plain order breaks the tie
            ("Article 5", "Article 5", Ordering::Equal),
        ];
        for (a, b, expected) in cases {
            assert_eq!(natural_cmp(a, b), *expected, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn leading_dates_are_read_in_three_precisions() {
        type YearMonthDay = (u16, u8, u8);
        let cases: &[(&str, Option<YearMonthDay>)] = &[
            ("20 April 2023 (from the event it describes)", Some((2023, 4, 20))),
            ("29 June 2023 (printed)", Some((2023, 6, 29))),
            ("April 1949", Some((1949, 4, 0))),
            ("1949, signed in Washington", Some((1949, 0, 0))),
            ("today", None),
            ("Thursday 20 April 2023", None),
            ("32 April 2023", None),
        ];
        for (text, expected) in cases {
            let parsed = CalendarDate::parse_leading(text).map(|d| (d.year, d.month, d.day));
            assert_eq!(parsed, *expected, "{text:?}");
        }
    }
}
