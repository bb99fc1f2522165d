//! The `;`-separated lists of a CSV cell (several accused, sources, tags…): read by the CSV
//! reader and written by the CSV export, so that an item holding a `;` survives the round
//! trip (`\;`, and `\\` for a backslash).

/// The items of a `;`-separated cell, trimmed, empty ones dropped. `\;` is a `;` within an
/// item and `\\` a backslash (`list_cell` writes them so).
pub fn split(value: &str) -> Vec<String> {
    split_keeping_empty(value).into_iter().filter(|s| !s.is_empty()).collect()
}

/// The items of a `;`-separated cell, trimmed, empty ones kept, so that they stay matched by
/// position with another column's (a source without a date); an empty cell has none.
pub fn split_keeping_empty(value: &str) -> Vec<String> {
    if value.trim().is_empty() {
        return Vec::new();
    }
    if !value.contains('\\') {
        return value.split(';').map(|s| s.trim().to_string()).collect();
    }
    let mut items = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next @ (';' | '\\')) => items.last_mut().expect("an item").push(next),
                Some(other) => items.last_mut().expect("an item").extend(['\\', other]),
                None => items.last_mut().expect("an item").push('\\'),
            },
            ';' => items.push(String::new()),
            c => items.last_mut().expect("an item").push(c),
        }
    }
    items.iter().map(|s| s.trim().to_string()).collect()
}

/// A cell of `;`-separated items, as `split` reads them back.
pub fn list_cell<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let escaped: Vec<String> = items.into_iter().map(|s| s.replace('\\', "\\\\").replace(';', "\\;")).collect();
    escaped.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_with_semicolons_and_backslashes_read_back() {
        let items = ["a; b", "c\\d", "\\;", "plain"];
        let cell = list_cell(items);
        assert_eq!(cell, "a\\; b;c\\\\d;\\\\\\;;plain");
        assert_eq!(split(&cell), items);
    }

    #[test]
    fn empty_items_keep_their_place_only_when_asked() {
        assert_eq!(split_keeping_empty("2024-01; ;2024-03"), ["2024-01", "", "2024-03"]);
        assert_eq!(split("x; ;y"), ["x", "y"]);
        assert!(split_keeping_empty("  ").is_empty());
        // A backslash before anything else is kept as it is.
        assert_eq!(split("C:\\files;b"), ["C:\\files", "b"]);
    }
}
