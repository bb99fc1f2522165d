//! The baked page (native, at build time): the page's own components rendered to HTML by
//! Leptos's `ssr` renderer, for the bundled dataset's default view. Readers see it before the
//! wasm has started, and without JavaScript at all; the page takes its place once it shows the
//! same view (ARCHITECTURE.md, Baked pages).

use std::sync::Arc;

use leptos::prelude::*;

use super::app::{Explored, Masthead};
use super::card::ClaimCard;
use super::embed::EmbedView;
use super::history::Nav;
use super::loaded::Loaded;
use super::scheme::ColourScheme;
use crate::charts::ChartId;
use crate::data_sources::Provenance;
use crate::i18n::Lang;
use crate::ingest::Ingested;
use crate::query::Index;

/// A dataset ready to bake, with its full index.
pub fn loaded(ingested: Ingested) -> Loaded {
    Loaded {
        index: Arc::new(Index::build(&ingested.dataset)),
        dataset: Arc::new(ingested.dataset),
        report: Arc::new(ingested.report),
        provenance: Arc::new(Provenance::Bundled),
    }
}

/// Renders `render` in the context of the default view in `lang`, as the page provides it: no
/// URL parameters (`Nav`), the light scheme (`ColourScheme`; both asked of no browser here).
fn in_default_view(lang: Lang, render: impl FnOnce() -> String) -> String {
    Owner::new().with(|| {
        provide_context(Nav::from_location());
        provide_context(ColourScheme::follow());
        provide_context(lang);
        render()
    })
}

/// The default view of `loaded` as the HTML of the page's `#baked` element, in English (the
/// page's head hides it from a reader of another language): the masthead, the dataset line,
/// the count, the facets, the charts (as SVG) and every claim card.
pub fn explorer(loaded: &Loaded) -> String {
    let loaded = loaded.clone();
    let lang = Lang::En;
    in_default_view(lang, || {
        let drawn = RwSignal::new(0u8);
        let open = Callback::new(|_: web_sys::File| {});
        view! {
            <div id="baked" class="app" data-state="baked">
                <a class="skip-link" href="#results">{lang.text("ui.skip")}</a>
                <Masthead open/>
                <Explored loaded drawn/>
            </div>
        }
        .to_html()
    })
}

/// Where the site is published (`SITE_URL` at build time, ending in `/`), for the absolute
/// URLs that link previews need; without it those tags are left out.
#[derive(Clone, Debug, Default)]
pub struct Site {
    pub url: Option<String>,
}

impl Site {
    /// `SITE_URL`, with a `/` added if it has none; `None` when unset or empty.
    pub fn from_env() -> Site {
        let url = std::env::var("SITE_URL").ok().map(|u| u.trim().to_string()).filter(|u| !u.is_empty());
        Site { url: url.map(|u| if u.ends_with('/') { u } else { format!("{u}/") }) }
    }

    /// `path` (relative to the app) as an absolute URL, if the site URL is known.
    pub fn absolute(&self, path: &str) -> Option<String> {
        self.url.as_ref().map(|u| format!("{u}{path}"))
    }
}

/// At most `max` characters of `text`, cut at a word and ended with "…" when cut.
fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// The text a link preview shows under the headline, in `lang`: who claimed it, when, and the
/// summary.
pub fn claim_description(loaded: &Loaded, claim: u32, lang: Lang) -> String {
    let c = &loaded.dataset.claims[claim as usize];
    let who = super::card::party(&loaded.dataset, &loaded.index, &c.claimant, lang);
    let text = lang.fill(
        "ui.page.description",
        &[("who", &who), ("date", &c.date.display(lang)), ("summary", c.summary_in(lang).0)],
    );
    excerpt(&text, 200)
}

/// An OpenGraph tag: `<meta property=… content=…>` (an attribute the view macro does not know).
fn og(property: &'static str, content: String) -> impl IntoView {
    leptos::html::meta().attr("property", property).attr("content", content)
}

/// A whole baked document in `lang` one folder below the app (`claims/`, `embed/`): a head
/// with the charset, viewport, colour schemes, `title`, favicon and the page's `stylesheet`,
/// then what `page` adds to the head and the body, rendered in the default view's context.
fn document<H: IntoView, B: IntoView>(
    title: String,
    stylesheet: &str,
    lang: Lang,
    page: impl FnOnce() -> (H, B),
) -> String {
    let stylesheet = format!("../{stylesheet}");
    let html = in_default_view(lang, || {
        let (head, body) = page();
        view! {
            <html lang=lang.tag()>
                <head>
                    <meta charset="utf-8"/>
                    <meta name="viewport" content="width=device-width, initial-scale=1"/>
                    <meta name="color-scheme" content="light dark"/>
                    <title>{title}</title>
                    <link rel="icon" href="../favicon.svg" type="image/svg+xml"/>
                    <link rel="stylesheet" href=stylesheet/>
                    {head}
                </head>
                <body>{body}</body>
            </html>
        }
        .to_html()
    });
    format!("<!doctype html>{html}")
}

/// One claim's baked page in `lang`, a whole HTML document: its title, description, OpenGraph
/// and Twitter-card tags name the claim; the body is the claim's card, rendered by the page's
/// own component, and a link that opens the explorer on it. `stylesheet` is the page's CSS
/// file. The other language's page is linked as its alternate.
pub fn claim_page(loaded: &Loaded, claim: u32, site: &Site, stylesheet: &str, lang: Lang) -> String {
    let c = &loaded.dataset.claims[claim as usize];
    let page = crate::url_state::claim_page(&c.id, lang).expect("only claims with a page are baked");
    let url = site.absolute(&page);
    let description = claim_description(loaded, claim, lang);
    let headline = c.headline_in(lang).0.to_string();
    let mut explorer =
        format!("../?claim={}", percent_encoding::utf8_percent_encode(&c.id, percent_encoding::NON_ALPHANUMERIC));
    if lang != Lang::En {
        explorer.push_str(&format!("&lang={}", lang.code()));
    }
    // The same claim's page in each language, as a file beside this one.
    let alternates: Vec<(Lang, String)> = Lang::ALL
        .into_iter()
        .filter_map(|l| {
            let p = crate::url_state::claim_page(&c.id, l)?;
            Some((l, p.rsplit_once('/').map_or(p.clone(), |(_, file)| file.to_string())))
        })
        .collect();
    let loaded = loaded.clone();
    let site_name = lang.text("ui.title").into_owned();
    document(format!("{headline} — {site_name}"), stylesheet, lang, move || {
        let words = Memo::new(|_| Vec::<String>::new());
        let head = view! {
            <meta name="description" content=description.clone()/>
            {url.clone().map(|u| view! { <link rel="canonical" href=u/> })}
            {alternates.into_iter().map(|(l, file)| view! { <link rel="alternate" hreflang=l.tag() href=file/> }).collect_view()}
            {og("og:type", "article".to_string())}
            {og("og:site_name", site_name.clone())}
            {og("og:title", headline.clone())}
            {og("og:description", description.clone())}
            {url.map(|u| og("og:url", u))}
            <meta name="twitter:card" content="summary"/>
            <meta name="twitter:title" content=headline/>
            <meta name="twitter:description" content=description/>
        };
        let body = view! {
            <div class="app claim-page">
                <header class="masthead">
                    <h1><a href=if lang == Lang::En { "../".to_string() } else { format!("../?lang={}", lang.code()) }>{site_name}</a></h1>
                    <p class="tagline">{lang.text("ui.tagline")}</p>
                </header>
                <main>
                    <h2 class="visually-hidden">{lang.text("ui.page.claim")}</h2>
                    <ClaimCard loaded claim words/>
                    <p class="claim-page-open">
                        <a class="button" href=explorer data-testid="open-in-explorer">{lang.text("ui.page.open")}</a>
                    </p>
                </main>
            </div>
        };
        (head, body)
    })
}

/// The schema.org `Dataset` description of the bundled dataset (JSON-LD), for search engines
/// and data catalogues; safe to put inside `<script type="application/ld+json">`.
pub fn dataset_json_ld(loaded: &Loaded, site: &Site) -> String {
    let d = &loaded.dataset;
    let link = |path: &str| site.absolute(path).unwrap_or_else(|| path.to_string());
    let value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": d.title,
        "description": d.description.clone().unwrap_or_else(|| "Public US–China cyber accusations, attributions and denials (2010 onwards), each with its sources.".to_string()),
        "license": d.license,
        "dateModified": d.updated.to_string(),
        "url": site.url.clone().unwrap_or_else(|| "./".to_string()),
        "distribution": [
            { "@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": link("data/claims.json") },
        ],
    });
    // `</script>` cannot end the element early: every `<` is written as an escape.
    value.to_string().replace('<', "\\u003c")
}

/// The baked embed page's one script: posts the chart's height to the host page, as the page
/// in embed mode does (`{"claims-explorer-height": {"chart", "height"}}`), on load, on every
/// resize, and when the parent asks (`{"claims-explorer-ask-height": true}`, sent by an
/// `embed.js` that started after the frame had loaded). The same text in every embed page, so
/// that one hash allows it.
pub const EMBED_HEIGHT_SCRIPT: &str = "(function(){var e=document.querySelector('[data-testid=\"embed\"]');if(!e||parent===window)return;\
function p(){parent.postMessage({'claims-explorer-height':{chart:e.dataset.chart,height:Math.ceil(e.offsetHeight)}},'*')}\
p();addEventListener('load',p);if(window.ResizeObserver)new ResizeObserver(p).observe(e);\
addEventListener('message',function(m){if(m.source===parent&&m.data&&m.data['claims-explorer-ask-height']===true)p()})})();";

/// `chart`'s baked embed page in `lang`, a whole document: the page's own embed view (the
/// chart as SVG, its summary and credit line) for the bundled data unfiltered, and
/// `EMBED_HEIGHT_SCRIPT`. No wasm runs on it; search engines are asked not to index it.
pub fn embed_page(loaded: &Loaded, chart: ChartId, stylesheet: &str, lang: Lang) -> String {
    let loaded = loaded.clone();
    document(format!("{} — {}", chart.title(lang), lang.text("ui.title")), stylesheet, lang, move || {
        let drawn = RwSignal::new(0u8);
        let head = view! { <meta name="robots" content="noindex"/> };
        let body = view! {
            <div id="app" class="app embed-mode" data-state="baked">
                <EmbedView chart loaded drawn/>
            </div>
            <script>{EMBED_HEIGHT_SCRIPT}</script>
        };
        (head, body)
    })
}
