//! The small markup that explainers are written in, parsed into a fixed set
//! of blocks and inlines. The UI renders these as elements; no content is
//! ever injected as HTML.
//!
//! Supported: `## Heading`, `### Subheading`, paragraphs, `- item` lists,
//! `1. item` numbered lists, `> quotation` (a line `> -- Source` names it),
//! `**strong**`, `*emphasis*` and links `[text](kind:id)` where kind is
//! `glossary`, `source`, `learn` or `quiz`, and a line `::figure id` that
//! places one of the known figures ([`FigureId`]) on its own.

use serde::{Deserialize, Serialize};

use crate::figures::FigureId;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Heading { level: u8, text: Vec<Inline> },
    Paragraph(Vec<Inline>),
    List { numbered: bool, items: Vec<Vec<Inline>> },
    Quote { text: Vec<Inline>, cite: Option<String> },
    Figure(FigureId),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    Link { text: String, target: LinkTarget },
}

/// Where a link in content may point: only to the app's own pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkTarget {
    Glossary(String),
    Source(String),
    Explainer(String),
    QuizOnTopic(String),
}

impl LinkTarget {
    fn parse(raw: &str) -> Result<Self, String> {
        let (kind, id) = raw.split_once(':').ok_or_else(|| format!("link target `{raw}` needs the form kind:id"))?;
        let id = id.to_string();
        match kind {
            "glossary" => Ok(Self::Glossary(id)),
            "source" => Ok(Self::Source(id)),
            "learn" => Ok(Self::Explainer(id)),
            "quiz" => Ok(Self::QuizOnTopic(id)),
            other => Err(format!("link kind `{other}` is not one of glossary, source, learn, quiz")),
        }
    }
}

/// Parses a document. Errors name the line (1-based) and what is wrong.
pub fn parse_document(text: &str) -> Result<Vec<Block>, String> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Inline>>)> = None;
    let mut quote: Vec<&str> = Vec::new();
    let mut quote_cite: Option<String> = None;
    // The first line of the paragraph or quotation being gathered: errors
    // inside it are reported there.
    let mut block_line = 0;

    fn flush(
        blocks: &mut Vec<Block>,
        paragraph: &mut Vec<&str>,
        list: &mut Option<(bool, Vec<Vec<Inline>>)>,
        quote: &mut Vec<&str>,
        quote_cite: &mut Option<String>,
    ) -> Result<(), String> {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(parse_inline(&paragraph.join(" "))?));
            paragraph.clear();
        }
        if let Some((numbered, items)) = list.take() {
            blocks.push(Block::List { numbered, items });
        }
        if !quote.is_empty() {
            blocks.push(Block::Quote { text: parse_inline(&quote.join(" "))?, cite: quote_cite.take() });
            quote.clear();
        }
        Ok(())
    }

    for (number, raw_line) in text.lines().enumerate() {
        let line = raw_line.trim();
        let at = |e: String| format!("line {}: {e}", number + 1);
        let at_block = |e: String| format!("line {block_line}: {e}");
        let numbered_item = numbered_item(line);
        if let Some(name) = line.strip_prefix("::figure ") {
            flush(&mut blocks, &mut paragraph, &mut list, &mut quote, &mut quote_cite).map_err(at_block)?;
            blocks.push(Block::Figure(FigureId::parse(name.trim()).map_err(at)?));
        } else if line.is_empty() {
            flush(&mut blocks, &mut paragraph, &mut list, &mut quote, &mut quote_cite).map_err(at_block)?;
        } else if let Some(rest) = line.strip_prefix('#') {
            flush(&mut blocks, &mut paragraph, &mut list, &mut quote, &mut quote_cite).map_err(at_block)?;
            let hashes = 1 + rest.chars().take_while(|c| *c == '#').count();
            let title = line[hashes..].trim();
            if !(2..=3).contains(&hashes) || title.is_empty() {
                return Err(at("headings are `## Title` or `### Title` (the page title is the h1)".into()));
            }
            blocks.push(Block::Heading { level: hashes as u8, text: parse_inline(title).map_err(at)? });
        } else if let Some(rest) = line.strip_prefix('>') {
            if !paragraph.is_empty() || list.is_some() {
                flush(&mut blocks, &mut paragraph, &mut list, &mut quote, &mut quote_cite).map_err(at_block)?;
            }
            let rest = rest.trim();
            if let Some(cite) = rest.strip_prefix("--") {
                quote_cite = Some(cite.trim().to_string());
            } else {
                if quote.is_empty() {
                    block_line = number + 1;
                }
                quote.push(rest);
            }
        } else if line.starts_with("- ") || numbered_item.is_some() {
            let numbered = numbered_item.is_some();
            let item = numbered_item.unwrap_or_else(|| &line[2..]);
            if !paragraph.is_empty() || !quote.is_empty() || list.as_ref().is_some_and(|(n, _)| *n != numbered) {
                flush(&mut blocks, &mut paragraph, &mut list, &mut quote, &mut quote_cite).map_err(at_block)?;
            }
            let inlines = parse_inline(item).map_err(at)?;
            list.get_or_insert_with(|| (numbered, Vec::new())).1.push(inlines);
        } else {
            if list.is_some() || !quote.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut list, &mut quote, &mut quote_cite).map_err(at_block)?;
            }
            if paragraph.is_empty() {
                block_line = number + 1;
            }
            paragraph.push(line);
        }
    }
    flush(&mut blocks, &mut paragraph, &mut list, &mut quote, &mut quote_cite).map_err(|e| format!("line {block_line}: {e}"))?;
    Ok(blocks)
}

/// `1. text` -> `text`.
fn numbered_item(line: &str) -> Option<&str> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    line[digits..].strip_prefix(". ")
}

/// Parses `**strong**`, `*emphasis*` and `[text](kind:id)` in one line.
pub fn parse_inline(text: &str) -> Result<Vec<Inline>, String> {
    // Bold or italic text is shown as it is written: a link in it would be
    // shown as its markup.
    let styled = |inner: &str| {
        if inner.contains("](") {
            Err("a link inside `**…**` or `*…*` would be shown as typed: put the link outside them".to_string())
        } else {
            Ok(inner.to_string())
        }
    };
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let (inline, consumed) = if let Some(after) = rest.strip_prefix("**") {
            let end = after.find("**").ok_or("`**` opened but never closed")?;
            (Inline::Strong(styled(&after[..end])?), end + 4)
        } else if let Some(after) = rest.strip_prefix('*') {
            let end = after.find('*').ok_or("`*` opened but never closed")?;
            (Inline::Emphasis(styled(&after[..end])?), end + 2)
        } else if let Some((after, close)) = rest
            .strip_prefix('[')
            .and_then(|after| Some((after, after.find(']')?)))
            .filter(|(after, close)| after[*close..].starts_with("]("))
        {
            // Only `[text](` opens a link, so an editor's `[...]` stays text.
            let target_end = after[close + 2..].find(')').ok_or("link target never closed with `)`")?;
            let target = LinkTarget::parse(&after[close + 2..close + 2 + target_end])?;
            (Inline::Link { text: after[..close].to_string(), target }, 1 + close + 2 + target_end + 1)
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        if !plain.is_empty() {
            out.push(Inline::Text(std::mem::take(&mut plain)));
        }
        out.push(inline);
        rest = &rest[consumed..];
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    Ok(out)
}

/// Every link target in a document, for validation.
pub fn links(blocks: &[Block]) -> Vec<&LinkTarget> {
    let inlines = blocks.iter().flat_map(|block| -> Box<dyn Iterator<Item = &Inline>> {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Quote { text, .. } => Box::new(text.iter()),
            Block::List { items, .. } => Box::new(items.iter().flatten()),
            Block::Figure(_) => Box::new(std::iter::empty()),
        }
    });
    inlines
        .filter_map(|inline| match inline {
            Inline::Link { target, .. } => Some(target),
            _ => None,
        })
        .collect()
}

/// The words of a document, for the length rule on explainers.
pub fn word_count(blocks: &[Block]) -> usize {
    fn inline_words(inline: &Inline) -> usize {
        match inline {
            Inline::Text(s) | Inline::Strong(s) | Inline::Emphasis(s) => s.split_whitespace().count(),
            Inline::Link { text, .. } => text.split_whitespace().count(),
        }
    }
    blocks
        .iter()
        .map(|block| match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Quote { text, .. } => {
                text.iter().map(inline_words).sum::<usize>()
            }
            Block::List { items, .. } => items.iter().flatten().map(inline_words).sum(),
            // A figure's words are its data's, not the explainer's.
            Block::Figure(_) => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_blocks_and_inlines() {
        let doc = "## Steps\n\nAllies **agree** to *invite*.\nThen they [ratify](glossary:ratification).\n\n1. Invite\n2. Ratify\n\n> an attack against them all\n> -- North Atlantic Treaty, Article 5\n";
        let blocks = parse_document(doc).unwrap();
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[0], Block::Heading { level: 2, text: vec![Inline::Text("Steps".into())] });
        let Block::Paragraph(p) = &blocks[1] else { panic!("not a paragraph: {:?}", blocks[1]) };
        assert_eq!(p[1], Inline::Strong("agree".into()));
        assert_eq!(p[3], Inline::Emphasis("invite".into()));
        assert_eq!(p[5], Inline::Link { text: "ratify".into(), target: LinkTarget::Glossary("ratification".into()) });
        assert!(matches!(&blocks[2], Block::List { numbered: true, items } if items.len() == 2));
        assert!(matches!(&blocks[3], Block::Quote { cite: Some(c), .. } if c == "North Atlantic Treaty, Article 5"));
        assert_eq!(links(&blocks).len(), 1);
    }

    #[test]
    fn brackets_without_a_target_stay_text() {
        let blocks = parse_document("each of them [...] will [assist](glossary:article-5)").unwrap();
        let Block::Paragraph(p) = &blocks[0] else { panic!("not a paragraph") };
        assert_eq!(p[0], Inline::Text("each of them [...] will ".into()));
        assert!(matches!(&p[1], Inline::Link { text, .. } if text == "assist"));
    }

    #[test]
    fn html_stays_text() {
        let blocks = parse_document("<script>alert(1)</script>").unwrap();
        assert_eq!(blocks, vec![Block::Paragraph(vec![Inline::Text("<script>alert(1)</script>".into())])]);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(parse_document("fine\n\n**open").unwrap_err(), "line 3: `**` opened but never closed");
        assert!(parse_document("# Title").unwrap_err().starts_with("line 1: headings"));
        assert!(parse_document("[x](http://example.com)").unwrap_err().contains("link kind `http`"));
        // Found on a page: a glossary link in bold showed as its markup.
        let bold_link = parse_document("- ok\n- **[Article 5](glossary:article-5) and the war.** Text").unwrap_err();
        assert!(bold_link.starts_with("line 2: a link inside `**…**` or `*…*`"), "{bold_link}");
        assert!(parse_document("*see [x](learn:joining)*").is_err());
    }

    #[test]
    fn a_figure_line_is_a_block_of_its_own_and_unknown_figures_name_the_line() {
        let blocks = parse_document("Before.\n::figure enlargement-map\nAfter.").unwrap();
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1], Block::Figure(FigureId::EnlargementMap));
        let error = parse_document("text\n\n::figure timeline").unwrap_err();
        assert!(error.starts_with("line 3: unknown figure `timeline`"), "{error}");
    }

    #[test]
    fn counts_words() {
        let blocks = parse_document("## Two words\n\nthree more [words](learn:x)").unwrap();
        assert_eq!(word_count(&blocks), 5);
    }
}
