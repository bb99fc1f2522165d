//! Reading the SVG the charts draw, for the tests that check it.

/// The trimmed contents of every `<text>` element.
pub fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>')?.1.split_once("</text>"))
        .map(|(t, _)| t.trim())
        .collect()
}

/// The SVG parsed as XML, which fails on anything an XML reader refuses (a control character,
/// a noncharacter, markup that is not closed); its texts are then the parsed ones.
pub fn parsed(svg: &str) -> Result<Vec<String>, roxmltree::Error> {
    let doc = roxmltree::Document::parse(svg)?;
    Ok(doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect())
}
