//! Where a record came from, so every problem can name its place in the reader's own terms:
//! a JSON path (`claims[17].sources[0].url`) or a CSV row and column (`row 5, column source_url`).

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
    pub fn at(&self, field: &str) -> String {
        match self {
            Place::Json(base) if field.is_empty() => base.clone(),
            Place::Json(base) if field.starts_with('[') => format!("{base}{field}"),
            Place::Json(base) => format!("{base}.{field}"),
            Place::Row(row) if field.is_empty() => format!("row {row}"),
            Place::Row(row) => format!("row {row}, column {}", csv_column(field)),
        }
    }

    /// The place of the record as a whole.
    pub fn whole(&self) -> String {
        self.at("")
    }
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

    #[test]
    fn json_and_csv_places() {
        let j = Place::Json("claims[17]".into());
        assert_eq!(j.at("sources[0].url"), "claims[17].sources[0].url");
        assert_eq!(j.whole(), "claims[17]");
        let r = Place::Row(5);
        assert_eq!(r.at("sources[0].url"), "row 5, column source_url");
        assert_eq!(r.at("accused[1]"), "row 5, column accused");
        assert_eq!(r.at("quote.text"), "row 5, column quote");
        assert_eq!(r.whole(), "row 5");
    }
}
