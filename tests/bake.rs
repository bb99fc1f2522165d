//! The baked pages' text, natively: claim pages name their claim in the tags that link
//! previews read, escape dataset text, and the dataset's JSON-LD describes the bundled data.

use cyber_claims_explorer::i18n::Lang;
use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::ui::bake::{self, Site};
use cyber_claims_explorer::url_state::claim_page;

fn bundled() -> cyber_claims_explorer::ui::Loaded {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/claims.json")).unwrap();
    bake::loaded(read_json(&bytes).unwrap())
}

fn site() -> Site {
    Site { url: Some("https://example.org/cce/".to_string()) }
}

#[test]
fn a_claim_page_names_the_claim_in_its_title_description_and_preview_tags() {
    let loaded = bundled();
    let c = &loaded.dataset.claims[0];
    let html = bake::claim_page(&loaded, 0, &site(), "styles-x.css", Lang::En);
    let url = format!("https://example.org/cce/claims/{}.html", c.id);
    assert!(html.starts_with("<!doctype html><html lang=\"en\">"));
    assert!(html.contains(&format!("<title>{} — Cyber Claims Explorer</title>", c.headline)), "{html}");
    for tag in [
        format!("<meta property=\"og:title\" content=\"{}\">", c.headline),
        format!("<meta property=\"og:url\" content=\"{url}\">"),
        format!("<link rel=\"canonical\" href=\"{url}\">"),
        "<meta name=\"twitter:card\" content=\"summary\">".to_string(),
        "<link rel=\"stylesheet\" href=\"../styles-x.css\">".to_string(),
        format!("href=\"../?claim={}\"", c.id.replace('-', "%2D")),
    ] {
        assert!(html.contains(&tag), "missing {tag}");
    }
    // The description says who, when and what.
    let description = bake::claim_description(&loaded, 0, Lang::En);
    let claimant = loaded.dataset.actor(&c.claimant).unwrap();
    let who = format!("{} ({}), {}: ", claimant.name, claimant.country, c.date.display(Lang::En));
    assert!(description.starts_with(&who), "{description}");
    assert!(description.chars().count() <= 201 && description.ends_with('…'), "{description}");
    assert!(html.contains(&format!("<meta name=\"description\" content=\"{description}\">")));
    assert!(html.contains(&format!("<meta property=\"og:description\" content=\"{description}\">")));
    // The body is the claim's card.
    assert!(html.contains(&format!("data-claim-id=\"{}\"", c.id)));
}

#[test]
fn without_a_site_url_a_claim_page_has_no_absolute_urls() {
    let loaded = bundled();
    let html = bake::claim_page(&loaded, 0, &Site::default(), "styles-x.css", Lang::En);
    assert!(!html.contains("og:url") && !html.contains("canonical") && !html.contains("https://example.org"));
}

#[test]
fn dataset_text_in_a_claim_page_is_escaped() {
    let mut loaded = bundled();
    let dataset = std::sync::Arc::make_mut(&mut loaded.dataset);
    dataset.claims[0].headline = "\"><script>alert(1)</script>".to_string();
    dataset.claims[0].summary = "<img src=x onerror=alert(1)> & more".to_string();
    let html = bake::claim_page(&loaded, 0, &site(), "styles-x.css", Lang::En);
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || html.contains("&lt;script>"), "{html}");
}

#[test]
fn the_dataset_json_ld_describes_the_bundled_data_and_cannot_end_its_script() {
    let mut loaded = bundled();
    let text = bake::dataset_json_ld(&loaded, &site());
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["@type"], "Dataset");
    assert_eq!(v["name"], loaded.dataset.title);
    assert_eq!(v["license"], loaded.dataset.license);
    assert_eq!(v["dateModified"], loaded.dataset.updated.to_string());
    assert_eq!(v["distribution"][0]["contentUrl"], "https://example.org/cce/data/claims.json");
    assert_eq!(v["distribution"][0]["encodingFormat"], "application/json");
    std::sync::Arc::make_mut(&mut loaded.dataset).title = "</script><script>alert(1)</script>".to_string();
    let text = bake::dataset_json_ld(&loaded, &site());
    assert!(!text.contains('<'), "{text}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap()["name"], loaded.dataset.title);
}

#[test]
fn only_safe_ids_have_a_page_of_their_own() {
    assert_eq!(claim_page("2024-03-25-doj-apt31", Lang::En).as_deref(), Some("claims/2024-03-25-doj-apt31.html"));
    for bad in ["", "../x", ".hidden", "a/b", "a b", "é", "a?b", &"x".repeat(121)] {
        assert_eq!(claim_page(bad, Lang::En), None, "{bad:?}");
    }
}

#[test]
fn an_embed_page_is_the_chart_as_svg_with_its_summary_credit_and_height_script() {
    use cyber_claims_explorer::charts::ChartId;
    let loaded = bundled();
    let html = bake::embed_page(&loaded, ChartId::Timeline, "styles-x.css", Lang::En);
    assert!(html.starts_with("<!doctype html><html lang=\"en\">"));
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(html.contains("data-testid=\"baked-chart-timeline\"") && html.contains("<svg"), "the chart as SVG");
    assert!(html.contains("id=\"chart-timeline-summary\""), "its summary");
    assert!(html.contains("data-chart=\"timeline\""), "the chart named for the height script");
    assert!(html.contains(&format!("<script>{}</script>", bake::EMBED_HEIGHT_SCRIPT)), "the script, unescaped");
    assert!(html.contains("href=\"../\""), "the credit links to the explorer");
    assert!(!html.contains("<canvas"));
}

#[test]
fn dataset_text_in_the_baked_explorer_and_its_svg_charts_stays_text() {
    let mut loaded = bundled();
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    let dataset = std::sync::Arc::make_mut(&mut loaded.dataset);
    // Actor names are drawn in the actors chart's SVG and shown on the cards and facets.
    for actor in &mut dataset.actors {
        actor.name = format!("{hostile} {}", actor.name);
    }
    dataset.claims[0].headline = hostile.to_string();
    let html = bake::explorer(&loaded);
    assert!(!html.contains("<script") && !html.contains("<img"), "markup from the dataset got into the page");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the names are shown, as text");
    // The charts are baked as embed pages: the actors chart draws the names in its SVG.
    let page = bake::embed_page(&loaded, cyber_claims_explorer::charts::ChartId::Actors, "styles-x.css", Lang::En);
    let body = page.split("<body>").nth(1).expect("a body");
    assert!(body.contains("data-testid=\"baked-chart-actors\"") && body.contains("<svg"));
    let body = body.replace(&format!("<script>{}</script>", bake::EMBED_HEIGHT_SCRIPT), "");
    assert!(!body.contains("<script") && !body.contains("<img"), "markup from the dataset got into the chart");
    assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the names are drawn, as text");
}
