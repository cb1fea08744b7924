//! A pack carried in a class link, so that a quiz built from a teacher's own
//! questions runs on a student's device that has never seen the pack.
//!
//! The link's query names the pack (`pack=<name>`) and lists the questions
//! as usual; its fragment (`#pack=<checksum>.<data>`, never sent to any
//! server) carries a "link pack": the chosen questions, the topics they use
//! and excerpts of the pack's own texts they quote, as JSON in the pack
//! format with its own `format` name. The browser compresses it
//! (CompressionStream, "deflate-raw") and the core writes it as base64url,
//! so no codec ships in the app. On the student's side it is read by the
//! very rules of an imported pack ([`crate::pack`]); a checksum of the
//! payload refuses a link that was altered or cut short, as a whole.

use std::collections::BTreeSet;

use crate::content::{locate_quote, Article, Bundle, Question, GAP};
use crate::pack::{self, Pack, PackRejected, PACK_VERSION};
use crate::rng::fnv1a;

/// The `format` of a link pack; its `version` is the pack format's.
pub const LINK_PACK_FORMAT: &str = "open-door-link-pack";

/// The longest class link that carries its pack. RFC 9110 (section 4.1)
/// asks every browser and server to handle links of at least 8,000
/// characters; today's browsers take far longer ones, but mail, chat and
/// learning platforms are only safe up to about this. A longer quiz is
/// handed out as a pack file instead. (A QR code holds at most 2,953
/// characters, so a long pack link is shared as text, not scanned.)
pub const MAX_LINK_CHARS: usize = 8_000;

/// The fragment's key: `#pack=<16 hex digits>.<base64url>`.
const FRAGMENT_KEY: &str = "pack=";

/// A link pack ready to be compressed: its pack's name and its JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPack {
    pub name: String,
    pub text: String,
}

/// The link pack for a quiz of `ids`: `Ok(None)` when no question comes from
/// a pack (the built-in bank travels with the app). A link carries one pack.
pub fn build(packs: &[Pack], ids: &[String]) -> Result<Option<LinkPack>, String> {
    let used: Vec<&Pack> = packs.iter().filter(|p| p.questions.iter().any(|q| ids.contains(&q.id))).collect();
    let source = match used.as_slice() {
        [] => return Ok(None),
        [one] => *one,
        several => {
            let names: Vec<String> = several.iter().map(|p| format!("\"{}\"", p.name)).collect();
            return Err(format!(
                "This quiz uses questions from {} packs ({}). A class link can carry the questions of one pack: pick questions from one pack, or from the built-in ones.",
                several.len(),
                names.join(" and ")
            ));
        }
    };
    let questions: Vec<_> = source.questions.iter().filter(|q| ids.contains(&q.id)).cloned().collect();
    let topics = source.topics.iter().filter(|t| questions.iter().any(|q| q.topics.contains(&t.id))).cloned().collect();
    let articles = source
        .articles
        .iter()
        .filter_map(|article| {
            let quotes: Vec<&str> = questions.iter().filter(|q| q.article == article.id).map(|q| q.evidence.as_str()).collect();
            (!quotes.is_empty()).then(|| excerpt(article, &quotes))
        })
        .collect();
    let link_pack = Pack { format: LINK_PACK_FORMAT.into(), version: PACK_VERSION, name: source.name.clone(), topics, articles, questions };
    let text = serde_json::to_string(&link_pack).map_err(|e| e.to_string())?;
    Ok(Some(LinkPack { name: source.name.clone(), text }))
}

/// The article cut down to the paragraphs that hold the quotes, each
/// paragraph left out marked where it stood (the reader shows a run of
/// marks as one): every quote still stands in it word for word, so it
/// passes the same evidence rule as the whole text, and two links' excerpts
/// of one text line up paragraph by paragraph (see [`join`]).
fn excerpt(article: &Article, quotes: &[&str]) -> Article {
    let body = &article.body;
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for (at, _) in body.match_indices("\n\n") {
        paragraphs.push(start..at);
        start = at + 2;
    }
    paragraphs.push(start..body.len());
    let mut keep = BTreeSet::new();
    for quote in quotes {
        let Some(found) = locate_quote(body, quote) else { return article.clone() };
        keep.extend(paragraphs.iter().enumerate().filter(|(_, p)| p.start < found.end && found.start < p.end).map(|(i, _)| i));
    }
    let parts: Vec<&str> =
        paragraphs.iter().enumerate().map(|(i, p)| if keep.contains(&i) { body[p.clone()].trim() } else { GAP }).collect();
    Article { body: parts.join("\n\n"), ..article.clone() }
}

/// The packs that class links of one teacher's pack brought to a device,
/// as one: `newer`'s questions, topics and texts, and what `kept` has that
/// `newer` has not. Each link carries only the paragraphs its own questions
/// quote, so the two copies of a text are joined paragraph by paragraph;
/// a question of `kept` whose quote is not in the joined text (the teacher
/// changed that paragraph since) is left out. A question in both is
/// `newer`'s: a teacher who mends a question sends a new link.
pub fn join(kept: &Pack, newer: &Pack) -> Pack {
    let mut joined = newer.clone();
    for article in &mut joined.articles {
        if let Some(earlier) = kept.articles.iter().find(|a| a.id == article.id) {
            article.body = join_excerpts(&earlier.body, &article.body);
        }
    }
    joined.articles.extend(kept.articles.iter().filter(|a| !newer.articles.iter().any(|n| n.id == a.id)).cloned());
    let quoted = |question: &Question| {
        // A question on a built-in text is checked with the rest of the pack.
        joined.articles.iter().find(|a| a.id == question.article).is_none_or(|a| locate_quote(&a.body, &question.evidence).is_some())
    };
    let earlier: Vec<Question> =
        kept.questions.iter().filter(|q| !newer.questions.iter().any(|n| n.id == q.id) && quoted(q)).cloned().collect();
    joined.questions.extend(earlier);
    joined.topics.extend(kept.topics.iter().filter(|t| !newer.topics.iter().any(|n| n.id == t.id)).cloned());
    joined
}

/// Two excerpts of one text (see [`excerpt`]): each paragraph that either
/// has, `newer`'s where both have one. Where they do not line up (the text
/// was changed, or `earlier` came from a link that marked a run of left-out
/// paragraphs once), `earlier`'s paragraphs that `newer` lacks follow it,
/// each after a mark: their place in the text is not known.
fn join_excerpts(earlier: &str, newer: &str) -> String {
    let (earlier, mut newer): (Vec<&str>, Vec<&str>) = (earlier.split("\n\n").collect(), newer.split("\n\n").collect());
    if earlier.len() == newer.len() {
        for (newer, earlier) in newer.iter_mut().zip(earlier) {
            if *newer == GAP {
                *newer = earlier;
            }
        }
    } else {
        for paragraph in earlier.into_iter().filter(|&p| p != GAP) {
            if !newer.contains(&paragraph) {
                newer.extend([GAP, paragraph]);
            }
        }
    }
    newer.join("\n\n")
}

/// The fragment (without `#`) that carries `link_pack`, compressed by the
/// browser into `compressed`.
pub fn fragment(link_pack: &LinkPack, compressed: &[u8]) -> String {
    format!("{FRAGMENT_KEY}{:016x}.{}", fnv1a(link_pack.text.as_bytes()), base64url_encode(compressed))
}

/// Whether `fragment` (as [`fragment`] wrote it) carries `link_pack` as it
/// is now: a link made before its pack was replaced carries the old copy.
pub fn carries(fragment: &str, link_pack: &LinkPack) -> bool {
    read_fragment(fragment).and_then(Result::ok).is_some_and(|carried| carried.checksum == fnv1a(link_pack.text.as_bytes()))
}

/// The link with its pack, or `None` when that would be longer than
/// [`MAX_LINK_CHARS`] (the teacher then hands out the pack file).
pub fn link_with_fragment(link: &str, fragment: &str) -> Option<String> {
    let whole = format!("{link}#{fragment}");
    (whole.len() <= MAX_LINK_CHARS).then_some(whole)
}

/// What a link's fragment carries, before decompression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    checksum: u64,
    pub compressed: Vec<u8>,
}

/// The pack data in a link's fragment (with or without `#`): `None` when the
/// fragment carries none, an error when it is there but damaged.
pub fn read_fragment(fragment: &str) -> Option<Result<Carried, PackRejected>> {
    let data = fragment.strip_prefix('#').unwrap_or(fragment).strip_prefix(FRAGMENT_KEY)?;
    let damaged = || Err(PackRejected(vec![DAMAGED.into()]));
    if data.len() > MAX_LINK_CHARS {
        return Some(damaged());
    }
    let Some((checksum, encoded)) = data.split_once('.') else { return Some(damaged()) };
    let (Some(checksum), Some(compressed)) = (crate::number::hexadecimal(checksum), base64url_decode(encoded)) else {
        return Some(damaged());
    };
    if compressed.is_empty() {
        return Some(damaged());
    }
    Some(Ok(Carried { checksum, compressed }))
}

/// Why a link pack that does not decode is refused (the browser's half
/// says the same when decompression fails).
pub const DAMAGED: &str =
    "The questions in this link were changed or cut short on the way (a link must be copied whole), so this quiz cannot run.";

/// Reads a link pack, decompressed by the browser, against the content on
/// this device. `Ok(None)`: this device already has every question in it
/// (the teacher's own device, or a student who added the pack), so there is
/// nothing to add. Otherwise it must match its checksum and pass every rule
/// of an imported pack; a link pack is never used in part.
pub fn open(carried: &Carried, text: &str, existing: &Bundle) -> Result<Option<Pack>, PackRejected> {
    if fnv1a(text.as_bytes()) != carried.checksum {
        return Err(PackRejected(vec![DAMAGED.into()]));
    }
    if let Ok(carried_pack) = serde_json::from_str::<Pack>(text) {
        let here = |q: &crate::content::Question| existing.question(&q.id) == Some(q);
        if !carried_pack.questions.is_empty() && carried_pack.questions.iter().all(here) {
            return Ok(None);
        }
    }
    pack::read(text, LINK_PACK_FORMAT, existing).map(Some)
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648, section 5): safe in a URL as is.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(BASE64URL[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The bytes of a base64url text; `None` for any other character or a
/// length no encoder produces.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let value = BASE64URL.iter().position(|&b| b == c)? as u32;
            n |= value << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        let bytes: Vec<u8> = (0..=255).collect();
        for len in 0..40 {
            let encoded = base64url_encode(&bytes[..len]);
            assert!(encoded.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
            assert_eq!(base64url_decode(&encoded).as_deref(), Some(&bytes[..len]));
        }
        assert_eq!(base64url_encode(b"Man"), "TWFu");
        assert_eq!(base64url_decode("TW=u"), None);
        assert_eq!(base64url_decode("TWFuA"), None);
    }
}
