//! Data access: fetching the dataset the page was asked for. The only module that talks
//! to the network.

use gloo_net::http::Request;

use crate::ingest;
use crate::model::Dataset;

/// Where the bundled dataset lives, relative to the page (so the app works under a sub-path).
pub const BUNDLED_DATA: &str = "data/claims.json";

/// The dataset address: the `data` URL parameter, or the bundled file.
pub fn dataset_url() -> String {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("data"))
        .filter(|d| !d.trim().is_empty())
        .unwrap_or_else(|| BUNDLED_DATA.to_string())
}

/// `url` made absolute against the page, for messages a reader can act on.
fn absolute(url: &str) -> String {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

/// Fetches and reads a dataset; the error is a sentence naming what failed and where.
pub async fn load_dataset(url: &str) -> Result<Dataset, String> {
    let shown = absolute(url);
    let fail = |why: String| format!("Could not load the claims from {shown}: {why}");
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| fail(format!("the request failed ({e}); check the address and your connection")))?;
    if !response.ok() {
        return Err(fail(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let bytes = response.binary().await.map_err(|e| fail(format!("the download broke off ({e})")))?;
    ingest::parse_json(&bytes).map_err(|e| fail(e.to_string()))
}
