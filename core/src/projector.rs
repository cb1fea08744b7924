//! Where the projector was in each quiz a teacher showed in a tab: one who
//! shows a follow-up quiz, or an earlier link, and then the class's quiz
//! again finds each where they left it (found by a teacher's walk: one
//! place for the tab sent the class's quiz back to its first question).

use crate::number::decimal;

/// The most quizzes remembered: a lesson's few, not a term's.
pub const REMEMBERED: usize = 20;

/// The question (from 0) the projector last showed of each quiz, by its
/// link's key ([`crate::link::QuizLink::key`], a query: no space or line
/// break in it), the latest first. Kept as lines of "key index".
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ProjectorPlaces(Vec<(String, usize)>);

impl ProjectorPlaces {
    /// What [`write`](Self::write) wrote; a line that is not a key and a
    /// place is left out.
    pub fn read(text: &str) -> Self {
        Self(
            text.lines()
                .filter_map(|line| {
                    let (key, at) = line.rsplit_once(' ')?;
                    Some((key.to_string(), usize::try_from(decimal(at)?).ok()?))
                })
                .collect(),
        )
    }

    /// Where the projector was in `quiz`: its first question if it was
    /// not shown.
    pub fn of(&self, quiz: &str) -> usize {
        self.0.iter().find(|(key, _)| key == quiz).map_or(0, |(_, at)| *at)
    }

    /// Keeps that the projector shows question `at` of `quiz`, first; the
    /// oldest beyond [`REMEMBERED`] are forgotten.
    pub fn set(&mut self, quiz: &str, at: usize) {
        self.0.retain(|(key, _)| key != quiz);
        self.0.insert(0, (quiz.to_string(), at));
        self.0.truncate(REMEMBERED);
    }

    pub fn write(&self) -> String {
        self.0.iter().map(|(key, at)| format!("{key} {at}\n")).collect()
    }
}
