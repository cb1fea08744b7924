//! The data behind the explainers' figures: NATO's enlargement, the
//! accession steps, the Article 5 decision path and the Ukraine road. It is
//! kept in `content/figures/*.toml`, checked here, and drawn twice from the
//! same values: as pictures (the map by `scripts/figures.mjs` at build time,
//! the diagrams by the UI) and as the tables and lists beside them.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::content::Bundle;
use crate::validate::ContentError;

/// The figures an explainer can show with a `::figure id` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FigureId {
    EnlargementMap,
    AccessionSteps,
    Article5Path,
    UkraineRoad,
}

impl FigureId {
    pub const ALL: [FigureId; 4] = [FigureId::EnlargementMap, FigureId::AccessionSteps, FigureId::Article5Path, FigureId::UkraineRoad];

    /// The id written in explainers (and used as the element id on the page).
    pub fn name(self) -> &'static str {
        match self {
            FigureId::EnlargementMap => "enlargement-map",
            FigureId::AccessionSteps => "accession-steps",
            FigureId::Article5Path => "article-5-path",
            FigureId::UkraineRoad => "ukraine-road",
        }
    }

    pub fn parse(name: &str) -> Result<Self, String> {
        Self::ALL.into_iter().find(|f| f.name() == name).ok_or_else(|| {
            let known: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
            format!("unknown figure `{name}`; the figures are {}", known.join(", "))
        })
    }
}

/// Marks a fact as taken from `shared/reference/nato-facts.md` rather than
/// from one of the articles.
pub const REFERENCE: &str = "reference";

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Figures {
    pub enlargement: Enlargement,
    pub accession: Accession,
    pub article_5: DecisionPath,
    pub ukraine_road: Vec<TimelineEvent>,
}

/// `content/figures/enlargement.toml`. The types below are read from TOML
/// natively; the app gets them as Rust code the build script writes.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enlargement {
    /// What the map shows and leaves out (extent, today's borders).
    pub map_note: String,
    /// Our country name -> its name in Natural Earth, where they differ.
    #[serde(default)]
    pub map_shapes: std::collections::BTreeMap<String, String>,
    #[serde(rename = "round")]
    pub rounds: Vec<EnlargementRound>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnlargementRound {
    pub date: String,
    pub members: Vec<String>,
    /// What the app's text says in place of the members' names, where the
    /// sources give the round but not its names (the founders of 1949):
    /// the names then only shade the map and make the count.
    #[serde(default)]
    pub shown_as: Option<String>,
    /// The member number the source gives the round's last member.
    #[serde(default)]
    pub ordinal: Option<usize>,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<String>,
}

impl EnlargementRound {
    /// Who joined, as the app's text says it: the names, or what stands
    /// in their place (`shown_as`).
    pub fn members_text(&self) -> String {
        self.shown_as.clone().unwrap_or_else(|| self.members.join(", "))
    }
}

impl Enlargement {
    /// How many members the alliance had after round `index`.
    pub fn members_after(&self, index: usize) -> usize {
        self.rounds.iter().take(index + 1).map(|r| r.members.len()).sum()
    }

    /// "16 members in 1982": the count a round leaves, and its year.
    pub fn summary(&self, index: usize) -> String {
        let round = &self.rounds[index];
        let year = year_of(&round.date).map_or_else(|| round.date.clone(), |y| y.to_string());
        format!("{} members in {year}", self.members_after(index))
    }
}

/// `content/figures/accession.toml`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accession {
    #[serde(rename = "step")]
    pub steps: Vec<AccessionStep>,
    #[serde(rename = "example")]
    pub examples: Vec<AccessionExample>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessionStep {
    pub title: String,
    pub text: String,
    pub one_ally_can_delay: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessionExample {
    pub country: String,
    #[serde(rename = "event")]
    pub events: Vec<ExampleEvent>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleEvent {
    /// 1-based, into `Accession::steps`.
    pub step: usize,
    #[serde(default)]
    pub date: Option<String>,
    pub text: String,
    pub sources: Vec<String>,
}

/// `content/figures/article-5.toml`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionPath {
    #[serde(rename = "step")]
    pub steps: Vec<PathStep>,
    pub beside: PathStep,
    pub invocation: Invocation,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathStep {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invocation {
    pub date: String,
    pub text: String,
    pub sources: Vec<String>,
}

/// One event of `content/figures/ukraine-road.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEvent {
    pub date: String,
    /// The last day of a meeting of several days.
    #[serde(default)]
    pub end: Option<String>,
    pub title: String,
    pub text: String,
    pub sources: Vec<String>,
}

impl TimelineEvent {
    /// "29–30 November 2022", "July 2024", "3 April 2008".
    pub fn when(&self) -> String {
        match &self.end {
            Some(end) if end.len() == 10 && self.date.len() == 10 && end[..7] == self.date[..7] => {
                format!("{}–{}", self.date[8..].trim_start_matches('0'), format_date(end))
            }
            Some(end) => format!("{} – {}", format_date(&self.date), format_date(end)),
            None => format_date(&self.date),
        }
    }
}

/// A date as precise as its source: `1982`, `2022-05` or `2023-04-04`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl PartialDate {
    fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let number = |part: Option<&str>, digits: usize| -> Option<Option<u16>> {
            match part {
                None => Some(None),
                Some(p) if p.len() == digits => Some(crate::number::decimal(p).and_then(|n| u16::try_from(n).ok())),
                Some(_) => None,
            }
        };
        let year = number(parts.next(), 4)??;
        let month = number(parts.next(), 2)?.map(|m| m as u8);
        let day = number(parts.next(), 2)?.map(|d| d as u8);
        if parts.next().is_some() || (day.is_some() && month.is_none()) {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day {
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m as usize - 1];
                if !(1..=days).contains(&d) {
                    return None;
                }
            }
        }
        Some(Self { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MONTHS: [&str; 12] =
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        if let Some(day) = self.day {
            write!(f, "{day} ")?;
        }
        if let Some(month) = self.month {
            write!(f, "{} ", MONTHS[month as usize - 1])?;
        }
        write!(f, "{}", self.year)
    }
}

/// A content date as people read it: "4 April 2023", "May 2022", "1982".
/// Dates are checked by [`validate`], so an unreadable one is shown as written.
pub fn format_date(date: &str) -> String {
    PartialDate::parse(date).map_or_else(|| date.to_string(), |d| d.to_string())
}

/// The year of a content date.
pub fn year_of(date: &str) -> Option<u16> {
    PartialDate::parse(date).map(|d| d.year)
}

/// Where each figure's data lives, for error messages.
pub const ENLARGEMENT_FILE: &str = "content/figures/enlargement.toml";
pub const ACCESSION_FILE: &str = "content/figures/accession.toml";
pub const ARTICLE_5_FILE: &str = "content/figures/article-5.toml";
pub const UKRAINE_ROAD_FILE: &str = "content/figures/ukraine-road.toml";

/// Every rule the figure data keeps; errors name the file and the entry
/// (a date, a member or a step).
pub fn validate(figures: &Figures, bundle: &Bundle) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut report = |file: &str, id: &str, rule: String| {
        errors.push(ContentError { file: file.to_string(), id: id.to_string(), rule });
    };
    let check_sources = |file: &str, id: &str, sources: &[String], report: &mut dyn FnMut(&str, &str, String)| {
        if sources.is_empty() {
            report(file, id, "no sources: give \"reference\" or an article id".into());
        }
        for source in sources {
            if source != REFERENCE && bundle.article(source).is_none() {
                report(file, id, format!("unknown source `{source}`: give \"reference\" or an article id"));
            }
        }
    };

    // Enlargement: dates in order, each member once, ordinals that match.
    let enlargement = &figures.enlargement;
    let file = ENLARGEMENT_FILE;
    if enlargement.rounds.is_empty() {
        report(file, "-", "no [[round]]".into());
    }
    if enlargement.map_note.trim().is_empty() {
        report(file, "-", "empty map_note".into());
    }
    let mut members = HashSet::new();
    let mut previous: Option<PartialDate> = None;
    for (index, round) in enlargement.rounds.iter().enumerate() {
        let id = round.date.as_str();
        match PartialDate::parse(&round.date) {
            None => report(file, id, format!("date `{}` is not a year or a date like 2023-04-04", round.date)),
            Some(date) => {
                if previous.is_some_and(|p| p.year >= date.year) {
                    report(file, id, "rounds must be in order, one per year".into());
                }
                previous = Some(date);
            }
        }
        if round.members.is_empty() {
            report(file, id, "a round needs at least one member".into());
        }
        for member in &round.members {
            if member.trim().is_empty() {
                report(file, id, "an empty member name".into());
            } else if !members.insert(member.as_str()) {
                report(file, id, format!("`{member}` joined in an earlier round"));
            }
        }
        if let Some(ordinal) = round.ordinal {
            let count = enlargement.members_after(index);
            if ordinal != count {
                report(file, id, format!("ordinal {ordinal}, but the rounds so far add up to {count} members"));
            }
        }
        if round.note.as_ref().is_some_and(|n| n.trim().is_empty()) {
            report(file, id, "empty note".into());
        }
        if round.shown_as.as_ref().is_some_and(|s| s.trim().is_empty()) {
            report(file, id, "empty shown_as".into());
        }
        check_sources(file, id, &round.sources, &mut report);
    }
    for ours in enlargement.map_shapes.keys() {
        if !members.contains(ours.as_str()) {
            report(file, ours, "map_shapes names a country that is in no round".into());
        }
    }

    // Accession: steps with text, examples that point at steps, in order.
    let accession = &figures.accession;
    let file = ACCESSION_FILE;
    if accession.steps.is_empty() {
        report(file, "-", "no [[step]]".into());
    }
    for (number, step) in accession.steps.iter().enumerate() {
        if step.title.trim().is_empty() || step.text.trim().is_empty() {
            report(file, &format!("step {}", number + 1), "a step needs a title and a text".into());
        }
    }
    for example in &accession.examples {
        let mut previous: Option<(usize, Option<PartialDate>)> = None;
        for event in &example.events {
            let id = format!("{} step {}", example.country, event.step);
            if event.step == 0 || event.step > accession.steps.len() {
                report(file, &id, format!("there are {} steps", accession.steps.len()));
            }
            let date = event.date.as_deref().map(|d| (d, PartialDate::parse(d)));
            if let Some((text, None)) = date {
                report(file, &id, format!("date `{text}` is not a year or a date like 2023-04-04"));
            }
            let date = date.and_then(|(_, d)| d);
            if let Some((step, earlier)) = previous {
                if event.step < step || matches!((earlier, date), (Some(a), Some(b)) if b < a) {
                    report(file, &id, "events must follow the steps and dates in order".into());
                }
            }
            previous = Some((event.step, date.or(previous.and_then(|(_, d)| d))));
            if event.text.trim().is_empty() {
                report(file, &id, "empty text".into());
            }
            check_sources(file, &id, &event.sources, &mut report);
        }
    }

    // The Article 5 path.
    let path = &figures.article_5;
    let file = ARTICLE_5_FILE;
    if path.steps.is_empty() {
        report(file, "-", "no [[step]]".into());
    }
    for (number, step) in path.steps.iter().chain([&path.beside]).enumerate() {
        if step.title.trim().is_empty() || step.text.trim().is_empty() {
            report(file, &format!("step {}", number + 1), "a step needs a title and a text".into());
        }
    }
    if PartialDate::parse(&path.invocation.date).and_then(|d| d.day).is_none() {
        report(file, "invocation", format!("date `{}` is not a date like 2001-09-12", path.invocation.date));
    }
    check_sources(file, "invocation", &path.invocation.sources, &mut report);

    // The Ukraine road: events in order, each with its sources.
    let file = UKRAINE_ROAD_FILE;
    if figures.ukraine_road.is_empty() {
        report(file, "-", "no [[event]]".into());
    }
    let mut previous: Option<PartialDate> = None;
    for event in &figures.ukraine_road {
        let id = event.date.as_str();
        match PartialDate::parse(&event.date) {
            None => report(file, id, format!("date `{}` is not a year or a date like 2023-04-04", event.date)),
            Some(date) => {
                if previous.is_some_and(|p| date < p) {
                    report(file, id, "events must be in date order".into());
                }
                previous = Some(date);
                if let Some(end) = &event.end {
                    if PartialDate::parse(end).is_none_or(|e| e <= date) {
                        report(file, id, format!("end `{end}` is not a date after {}", event.date));
                    }
                }
            }
        }
        if event.title.trim().is_empty() || event.text.trim().is_empty() {
            report(file, id, "an event needs a title and a text".into());
        }
        check_sources(file, id, &event.sources, &mut report);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_at_their_precision_and_reject_impossible_days() {
        assert_eq!(format_date("1982"), "1982");
        assert_eq!(format_date("2022-05"), "May 2022");
        assert_eq!(format_date("2023-04-04"), "4 April 2023");
        for bad in ["82", "2023-4-04", "2023-02-29", "2023-13", "2023-04-31", "2023--04", "April 2023", "2023-04-04-01"] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
        assert!(PartialDate::parse("2024-02-29").is_some());
        assert!(PartialDate::parse("2022-05") < PartialDate::parse("2022-05-01"));
    }

    #[test]
    fn a_meeting_of_several_days_reads_as_one_range() {
        let event = |date: &str, end: Option<&str>| TimelineEvent {
            date: date.into(),
            end: end.map(Into::into),
            title: "t".into(),
            text: "t".into(),
            sources: vec![REFERENCE.into()],
        };
        assert_eq!(event("2022-11-29", Some("2022-11-30")).when(), "29–30 November 2022");
        assert_eq!(event("2022-11-30", Some("2022-12-01")).when(), "30 November 2022 – 1 December 2022");
        assert_eq!(event("2024-07", None).when(), "July 2024");
    }

    #[test]
    fn figure_ids_round_trip_and_unknown_ones_are_named() {
        for id in FigureId::ALL {
            assert_eq!(FigureId::parse(id.name()), Ok(id));
        }
        let error = FigureId::parse("enlargment-map").unwrap_err();
        assert!(error.contains("`enlargment-map`") && error.contains("enlargement-map"), "{error}");
    }
}
