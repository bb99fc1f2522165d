//! A chart's numbers as a table, for "show as table", and as CSV, for download.

use std::borrow::Cow;

use super::ChartData;
use crate::i18n::Lang;
use crate::model::Side;

/// A chart's numbers as a table: for "show as table" and CSV download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The column names: the `table.…` messages `keys` in `lang`.
fn columns<const N: usize>(lang: Lang, keys: [&str; N]) -> Vec<String> {
    keys.iter().map(|k| lang.text(&format!("table.{k}")).into_owned()).collect()
}

/// The table of a chart's numbers, headed in `lang`: the same rows the chart draws (every
/// quarter, every stance, the top names, the top incidents, the matrix), no rows when nothing
/// matched.
pub fn table(data: &ChartData, lang: Lang) -> Table {
    match data {
        ChartData::Timeline(t) => Table {
            columns: columns(
                lang,
                ["quarter", "us_cn_accusations", "us_cn_answers", "cn_us_accusations", "cn_us_answers", "other"],
            ),
            rows: t
                .quarters
                .iter()
                .map(|q| {
                    let counts = [q.us_cn_accusing, q.us_cn_answering, q.cn_us_accusing, q.cn_us_answering, q.other];
                    std::iter::once(q.quarter.label(lang)).chain(counts.iter().map(u32::to_string)).collect()
                })
                .collect(),
        },
        ChartData::Stances(s) => Table {
            columns: columns(lang, ["stance"])
                .into_iter()
                .chain(Side::ALL.iter().map(|s| s.label(lang).into_owned()))
                .chain(columns(lang, ["total"]))
                .collect(),
            rows: if s.total() == 0 {
                Vec::new()
            } else {
                s.rows
                    .iter()
                    .map(|r| {
                        std::iter::once(r.stance.label(lang).into_owned())
                            .chain(r.by_side.iter().map(u32::to_string))
                            .chain([r.total().to_string()])
                            .collect()
                    })
                    .collect()
            },
        },
        ChartData::Sectors(r) | ChartData::Vectors(r) => Table {
            columns: columns(lang, [if matches!(data, ChartData::Sectors(_)) { "sector" } else { "vector" }, "claims"]),
            rows: r.items.iter().map(|i| vec![i.name.clone(), i.claims.to_string()]).collect(),
        },
        ChartData::ResponseLag(l) => Table {
            columns: columns(lang, ["incident", "accusation", "first_answer", "days"]),
            rows: l
                .lags
                .iter()
                .map(|g| vec![g.title.clone(), g.accused_on.to_string(), g.answered_on.to_string(), g.days.to_string()])
                .collect(),
        },
        ChartData::Actors(m) => Table {
            columns: columns(lang, ["claimant_accused"]).into_iter().chain(m.accused.iter().cloned()).collect(),
            rows: m
                .claimants
                .iter()
                .zip(&m.counts)
                .map(|(c, row)| std::iter::once(c.clone()).chain(row.iter().map(u32::to_string)).collect())
                .collect(),
        },
    }
}

/// What a spreadsheet may skip before it reads a cell's first character: spaces, line breaks,
/// tabs and a byte-order mark.
const SKIPPED: [char; 5] = [' ', '\t', '\n', '\r', '\u{FEFF}'];

/// The characters that make a spreadsheet read a cell as a formula, in ASCII and in the
/// full-width and small forms that some spreadsheets (in East Asian locales) read as the same.
const FORMULA_SIGNS: [char; 12] = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫'];

/// A cell as it is safe to give a spreadsheet: a text that it would run as a formula — one
/// that starts, after any spaces, line breaks and byte-order marks, with `=`, `+`, `-` or `@`
/// (or a full-width form of one), or whose start holds a tab or a carriage return — is
/// prefixed with an apostrophe, which spreadsheets read as "this is text" and do not show.
/// A plain negative number (`-3`, `-2.5`) is left alone.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    let rest = cell.trim_start_matches(SKIPPED);
    let skipped = &cell[..cell.len() - rest.len()];
    let formula = skipped.contains(['\t', '\r']) || rest.starts_with(FORMULA_SIGNS);
    if formula && !is_negative_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `-` and digits, with at most one `.` between digits. (Read without parsing a float, which
/// would cost the page 15 KB.)
fn is_negative_number(cell: &str) -> bool {
    let Some(number) = cell.strip_prefix('-') else { return false };
    let mut parts = number.splitn(2, '.');
    let digits = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let whole = parts.next();
    digits(whole) && parts.next().is_none_or(|fraction| digits(Some(fraction)))
}

/// The table as CSV (RFC 4180): a header row, then the rows; fields holding a comma, a double
/// quote, CR or LF are quoted with inner quotes doubled; every line ends in CRLF. Every cell is
/// made [`spreadsheet_safe`] first.
pub fn to_csv(table: &Table) -> String {
    let field = |f: &str| {
        let f = spreadsheet_safe(f);
        if f.contains([',', '"', '\r', '\n']) {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.into_owned()
        }
    };
    std::iter::once(&table.columns)
        .chain(&table.rows)
        .map(|row| row.iter().map(|f| field(f)).collect::<Vec<_>>().join(",") + "\r\n")
        .collect()
}
