//! The user's query text to a tantivy query, with errors that say where the text broke.
//!
//! tantivy's parser reports syntax errors without a position, so the common mistakes
//! (an unclosed quote, parenthesis or range, a stray closing one, an operator with nothing on
//! one side, a field with no value, an unknown field) are found here first, with the character
//! they start at.

use tantivy::Index;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, QueryParserError};
use tantivy::schema::Field;

use super::SearchError;
use crate::index::schema::{ARTICLE_QUERY_FIELDS, QUOTE};

/// Parse `text` over `fields` (every word must match, as in a web search; `OR` and `NOT` as
/// written). A query of exclusions only (`NOT sport`) matches everything else.
pub fn parse(
    index: &Index,
    fields: &[(Field, f32)],
    allowed: &[&str],
    text: &str,
) -> Result<Box<dyn Query>, SearchError> {
    check(text, allowed)?;
    let mut parser = QueryParser::for_index(index, fields.iter().map(|(f, _)| *f).collect());
    parser.set_conjunction_by_default();
    for &(field, boost) in fields {
        if boost != 1.0 {
            parser.set_field_boost(field, boost);
        }
    }
    let parsed = match parser.parse_query(text) {
        Err(QueryParserError::AllButQueryForbidden) => {
            parser.parse_query(&format!("* AND ({text})"))
        }
        other => other,
    };
    parsed
        .map(lift_exclusions)
        .map_err(|e| parse_error(text, allowed, e))
}

/// tantivy parses `a AND NOT b` as `+a +(-b)`, and a group of exclusions alone matches
/// nothing. Lift such groups into their parent (`+a -b`), and let a query of exclusions alone
/// mean "everything but".
fn lift_exclusions(query: Box<dyn Query>) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query;
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (occur, sub) in boolean.clauses() {
        let sub = lift_exclusions(sub.box_clone());
        let lifted = match sub.downcast_ref::<BooleanQuery>() {
            Some(inner) if *occur == Occur::Must && only_exclusions(inner.clauses()) => Some(
                inner
                    .clauses()
                    .iter()
                    .map(|(o, q)| (*o, q.box_clone()))
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        };
        match lifted {
            Some(exclusions) => clauses.extend(exclusions),
            None => clauses.push((*occur, sub)),
        }
    }
    if only_exclusions(&clauses) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::with_minimum_required_clauses(
        clauses,
        boolean.get_minimum_number_should_match(),
    ))
}

fn only_exclusions(clauses: &[(Occur, Box<dyn Query>)]) -> bool {
    !clauses.is_empty() && clauses.iter().all(|(o, _)| *o == Occur::MustNot)
}

fn parse_error(text: &str, allowed: &[&str], err: QueryParserError) -> SearchError {
    match err {
        QueryParserError::FieldDoesNotExist(field) => SearchError::BadQuery {
            query: text.to_string(),
            at: None,
            reason: format!("unknown field `{field}` (fields: {})", allowed.join(", ")),
        },
        QueryParserError::SyntaxError(_) => SearchError::BadQuery {
            query: text.to_string(),
            at: None,
            reason: "cannot parse it".into(),
        },
        other => SearchError::BadQuery {
            query: text.to_string(),
            at: None,
            reason: other.to_string(),
        },
    }
}

/// How deep groups and `NOT`s may nest. tantivy's parser recurses once a level, and a query
/// nested a thousand levels deep overflows the stack and aborts the program.
const MAX_NESTING: usize = 100;

/// Find the first syntax mistake tantivy would refuse, with its 1-based character position.
pub fn check(text: &str, allowed: &[&str]) -> Result<(), SearchError> {
    let bad = |at: usize, reason: &str| SearchError::BadQuery {
        query: text.to_string(),
        at: Some(at + 1),
        reason: reason.to_string(),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut open_parens: Vec<usize> = Vec::new();
    let mut open_range: Option<usize> = None;
    // The previous word, to catch `AND AND` and operators at either end.
    let mut prev_operator: Option<usize> = None;
    let mut seen_operand = false;
    // `NOT`s since the last operand: each is a level of nesting, as a `(` is.
    let mut nots = 0;
    let too_deep = format!("groups and NOTs nested more than {MAX_NESTING} deep");
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' => {
                let Some(close) = chars[i + 1..].iter().position(|&c| c == '"') else {
                    return Err(bad(i, "unclosed quote"));
                };
                i += close + 2;
                seen_operand = true;
                prev_operator = None;
                continue;
            }
            '(' => {
                open_parens.push(i);
                if open_parens.len() + nots > MAX_NESTING {
                    return Err(bad(i, &too_deep));
                }
            }
            ')' => {
                if open_parens.pop().is_none() {
                    return Err(bad(i, "`)` without a matching `(`"));
                }
                if let Some(op) = prev_operator {
                    return Err(bad(op, "operator with nothing after it"));
                }
            }
            '[' | '{' if open_range.is_none() => open_range = Some(i),
            ']' | '}' => {
                if open_range.take().is_none() {
                    return Err(bad(i, "range end without a start"));
                }
            }
            c if c.is_whitespace() => {}
            _ => {
                let start = i;
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && !matches!(chars[i], '(' | ')' | '"' | '[' | '{' | ']' | '}')
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                if matches!(word.as_str(), "AND" | "OR") {
                    if prev_operator.is_some() || !seen_operand {
                        return Err(bad(start, &format!("`{word}` with nothing before it")));
                    }
                    prev_operator = Some(start);
                } else if word == "NOT" {
                    nots += 1;
                    if open_parens.len() + nots > MAX_NESTING {
                        return Err(bad(start, &too_deep));
                    }
                    seen_operand = true;
                    prev_operator = None;
                } else {
                    nots = 0;
                    if let Some(reason) = field_mistake(&word, chars.get(i).copied(), allowed) {
                        return Err(bad(start, &reason));
                    }
                    seen_operand = true;
                    prev_operator = None;
                }
                continue;
            }
        }
        i += 1;
    }
    if let Some(op) = prev_operator {
        return Err(bad(op, "operator with nothing after it"));
    }
    if let Some(at) = open_range {
        return Err(bad(at, "unclosed range"));
    }
    if let Some(&at) = open_parens.first() {
        return Err(bad(at, "unclosed `(`"));
    }
    Ok(())
}

/// What is wrong with a `field:value` word, if anything: a field that cannot be searched
/// here, or no value (`next` is the character after the word, which may open one).
fn field_mistake(word: &str, next: Option<char>, allowed: &[&str]) -> Option<String> {
    let (field, value) = word.split_once(':')?;
    if field.is_empty() || field.contains('\\') {
        return None;
    }
    if !allowed.contains(&field) && !field.starts_with(['+', '-']) {
        let known = allowed.join(", ");
        if field == QUOTE {
            return Some(format!(
                "`{QUOTE}:` is for quote search: `newsdex quotes WORDS` (fields here: {known})"
            ));
        }
        return Some(format!("unknown field `{field}` (fields: {known})"));
    }
    if value.is_empty() && !matches!(next, Some('"' | '(' | '[' | '{')) {
        return Some(format!("`{field}:` with no value"));
    }
    None
}

/// The fields of article search and their boosts: a word in the headline counts double.
/// Quotes are part of the body, so a word said in a quote finds its article through the body.
pub fn article_fields(fields: &crate::index::Fields) -> [(Field, f32); 2] {
    [(fields.title, 2.0), (fields.body, 1.0)]
}

/// The field names a user may write in an article query.
pub fn article_field_names() -> &'static [&'static str] {
    ARTICLE_QUERY_FIELDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<(usize, String)> {
        match check(text, ARTICLE_QUERY_FIELDS) {
            Ok(()) => None,
            Err(SearchError::BadQuery { at, reason, .. }) => Some((at.unwrap_or(0), reason)),
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn good_queries_pass() {
        for q in [
            "tariff",
            "steel tariffs",
            "\"trade war\" AND china",
            "(steel OR aluminium) AND NOT sport",
            "title:tariff",
            "title:\"trade war\"",
            "body:(steel aluminium)",
            "-sport tariff",
            "U.S. trade",
            "\"\"",
        ] {
            assert_eq!(at(q), None, "{q}");
        }
    }

    #[test]
    fn mistakes_are_located() {
        let table = [
            ("\"trade war", 1, "unclosed quote"),
            ("steel \"trade war", 7, "unclosed quote"),
            ("(steel OR iron", 1, "unclosed `(`"),
            ("steel)", 6, "`)` without a matching `(`"),
            ("steel AND", 7, "operator with nothing after it"),
            ("AND steel", 1, "`AND` with nothing before it"),
            ("steel OR OR iron", 10, "`OR` with nothing before it"),
            ("title: steel", 1, "`title:` with no value"),
            ("[a TO b", 1, "unclosed range"),
        ];
        for (q, pos, reason) in table {
            assert_eq!(at(q), Some((pos, reason.to_string())), "{q}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_before_it_overflows_the_parser() {
        let deep = "groups and NOTs nested more than 100 deep".to_string();
        let parens = format!("{}steel{}", "(".repeat(101), ")".repeat(101));
        assert_eq!(at(&parens), Some((101, deep.clone())));
        let nots = format!("steel {}iron", "NOT ".repeat(101));
        assert_eq!(at(&nots), Some((407, deep.clone())));
        let mixed = format!("{}steel{}", "NOT (".repeat(51), ")".repeat(51));
        assert_eq!(at(&mixed), Some((251, deep)));
        // Depth is what counts, not length.
        for q in [
            "NOT (NOT (steel)) ".repeat(500),
            "(steel) ".repeat(5000),
            format!("{}steel{}", "(".repeat(100), ")".repeat(100)),
        ] {
            assert_eq!(at(&q), None, "{}", &q[..40]);
        }
    }

    #[test]
    fn unknown_fields_are_named_with_the_known_ones() {
        let (pos, reason) = at("tariff speakr:rubio").unwrap();
        assert_eq!(pos, 8);
        assert_eq!(reason, "unknown field `speakr` (fields: title, body)");
        let (pos, reason) = at("steel quote:beautiful").unwrap();
        assert_eq!(pos, 7);
        assert_eq!(
            reason,
            "`quote:` is for quote search: `newsdex quotes WORDS` (fields here: title, body)"
        );
    }
}
