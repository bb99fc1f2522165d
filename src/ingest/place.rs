//! Where a record came from, so every problem can name its place in the reader's own terms:
//! a JSON path (`claims[17].sources[0].url`) or a CSV row and column (`row 5, column source_url`).

use crate::i18n::Message;

/// The place of one record in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A JSON path prefix such as `claims[17]`.
    Json(String),
    /// A CSV line number (the header is row 1).
    Row(u64),
}

impl Place {
    /// The place of a field of this record; `field` is the model's path (`sources[0].url`).
    pub fn at(&self, field: &str) -> Message {
        match self {
            Place::Json(base) if field.is_empty() => path(base.as_str()),
            Place::Json(base) if field.starts_with('[') => path(format!("{base}{field}")),
            Place::Json(base) => path(format!("{base}.{field}")),
            Place::Row(row) if field.is_empty() => row_of(*row),
            Place::Row(row) => cell(*row, csv_column(field)),
        }
    }

    /// The place of the record as a whole.
    pub fn whole(&self) -> Message {
        self.at("")
    }
}

/// A JSON path, `claims[17].sources[0].url`, written the same in every language.
pub fn path(path: impl Into<String>) -> Message {
    Message::new("place.path").with("path", path)
}

/// A CSV row: "row 5".
pub fn row_of(row: u64) -> Message {
    Message::new("place.row").with("row", row.to_string())
}

/// A CSV cell: "row 5, column date".
pub fn cell(row: u64, column: &str) -> Message {
    Message::new("place.cell").with("row", row.to_string()).with("column", column)
}

/// A place in a file's text: "line 3, column 7".
pub fn line_column(line: usize, column: usize) -> Message {
    Message::new("place.line_column").with("line", line.to_string()).with("column", column.to_string())
}

/// The CSV column that holds a model field (CONTRACTS.md, Data model: CSV).
fn csv_column(field: &str) -> &str {
    let head = field.split(['.', '[']).next().unwrap_or(field);
    let leaf = field.rsplit('.').next().unwrap_or(field);
    match (head, leaf) {
        ("sources", "url") => "source_url",
        ("sources", "title") => "source_title",
        ("sources", "publisher") => "source_publisher",
        ("sources", _) => "source_url",
        ("quote", _) => "quote",
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn json_and_csv_places() {
        let j = Place::Json("claims[17]".into());
        assert_eq!(j.at("sources[0].url").to_string(), "claims[17].sources[0].url");
        assert_eq!(j.whole().to_string(), "claims[17]");
        let r = Place::Row(5);
        assert_eq!(r.at("sources[0].url").to_string(), "row 5, column source_url");
        assert_eq!(r.at("accused[1]").to_string(), "row 5, column accused");
        assert_eq!(r.at("quote.text").to_string(), "row 5, column quote");
        assert_eq!(r.whole().to_string(), "row 5");
        assert_eq!(r.at("date").in_lang(Lang::Zh), "第 5 行，date 列");
    }
}
