//! Reading the SVG the charts draw, for the tests that check it.

/// The trimmed contents of every `<text>` element.
pub fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>')?.1.split_once("</text>"))
        .map(|(t, _)| t.trim())
        .collect()
}
