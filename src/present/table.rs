//! Results as rows for a spreadsheet: CSV (RFC 4180 quoting, by the `csv` crate) or TSV, a
//! header row first. One row a hit, quote, speaker or facet value; lists inside a cell are
//! joined with "; ". Rows carry the same fields as the JSON output, without the facets.

use std::io::{self, Write};

use crate::index::record::kind_name;
use crate::search::{FacetCounts, Hits, QuoteHits, SpeakerList};

/// The separator between cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    Comma,
    Tab,
}

/// Joins list values inside one cell.
const LIST: &str = "; ";

fn writer(out: &mut dyn Write, separator: Separator) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .delimiter(match separator {
            Separator::Comma => b',',
            Separator::Tab => b'\t',
        })
        .from_writer(out)
}

fn io_error(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Write a header and rows.
fn write_rows(
    out: &mut dyn Write,
    separator: Separator,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    let mut w = writer(out, separator);
    w.write_record(header).map_err(io_error)?;
    for row in rows {
        w.write_record(&row).map_err(io_error)?;
    }
    w.flush()
}

fn date(d: Option<jiff::civil::Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Article hits: `id, title, date, score, countries, speakers, tariff_rates, snippet`.
pub fn write_hits(out: &mut dyn Write, hits: &Hits, separator: Separator) -> io::Result<()> {
    let header = [
        "id",
        "title",
        "date",
        "score",
        "countries",
        "speakers",
        "tariff_rates",
        "snippet",
    ];
    let rows = hits.hits.iter().map(|h| {
        vec![
            h.id.clone(),
            h.title.clone(),
            date(h.date),
            format!("{:.3}", h.score),
            h.countries
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(LIST),
            h.speakers.join(LIST),
            h.tariff_rates
                .iter()
                .map(f64::to_string)
                .collect::<Vec<_>>()
                .join(LIST),
            h.snippet.text.clone(),
        ]
    });
    write_rows(out, separator, &header, rows)
}

/// Quotes: `text, speaker, role, speaker_country, kind, article_id, title, date, score`.
pub fn write_quotes(out: &mut dyn Write, hits: &QuoteHits, separator: Separator) -> io::Result<()> {
    let header = [
        "text",
        "speaker",
        "role",
        "speaker_country",
        "kind",
        "article_id",
        "title",
        "date",
        "score",
    ];
    let rows = hits.hits.iter().map(|q| {
        vec![
            q.text.text.clone(),
            q.speaker.clone().unwrap_or_default(),
            q.role.clone().unwrap_or_default(),
            q.speaker_country.map(|c| c.to_string()).unwrap_or_default(),
            kind_name(q.kind).to_string(),
            q.article_id.clone(),
            q.title.clone(),
            date(q.date),
            format!("{:.3}", q.score),
        ]
    });
    write_rows(out, separator, &header, rows)
}

/// Speakers: `name, quotes, articles, first, last, country, roles`.
pub fn write_speakers(
    out: &mut dyn Write,
    list: &SpeakerList,
    separator: Separator,
) -> io::Result<()> {
    let header = [
        "name", "quotes", "articles", "first", "last", "country", "roles",
    ];
    let rows = list.speakers.iter().map(|s| {
        vec![
            s.name.clone(),
            s.quotes.to_string(),
            s.articles.to_string(),
            date(s.first),
            date(s.last),
            s.country.map(|c| c.to_string()).unwrap_or_default(),
            s.roles.join(LIST),
        ]
    });
    write_rows(out, separator, &header, rows)
}

/// One facet's values: `value, label, count`.
pub fn write_facet(
    out: &mut dyn Write,
    facet: &FacetCounts,
    separator: Separator,
) -> io::Result<()> {
    let rows = facet.values.iter().map(|v| {
        vec![
            v.value.clone(),
            super::facets::label(facet.kind, &v.value),
            v.count.to_string(),
        ]
    });
    write_rows(out, separator, &["value", "label", "count"], rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::FacetKind;
    use crate::search::FacetValue;

    fn facet() -> FacetCounts {
        FacetCounts {
            kind: FacetKind::Org,
            values: vec![
                FacetValue {
                    value: "Smith, Jones \"and\" Co".into(),
                    count: 2,
                },
                FacetValue {
                    value: "plain".into(),
                    count: 1,
                },
            ],
            distinct: 2,
        }
    }

    #[test]
    fn csv_quotes_commas_and_quote_marks() {
        let mut out = Vec::new();
        write_facet(&mut out, &facet(), Separator::Comma).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "value,label,count\n\
             \"Smith, Jones \"\"and\"\" Co\",\"Smith, Jones \"\"and\"\" Co\",2\n\
             plain,plain,1\n"
        );
    }

    #[test]
    fn tsv_separates_with_tabs() {
        let mut out = Vec::new();
        write_facet(&mut out, &facet(), Separator::Tab).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().next(), Some("value\tlabel\tcount"));
        assert_eq!(text.lines().nth(2), Some("plain\tplain\t1"));
    }
}
