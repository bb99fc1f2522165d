//! Where a dataset may come from (ARCHITECTURE.md, Trust; SECURITY.md). A link's `?data=` can
//! name any address, and a page that showed whatever it named would show anyone's claims under
//! the host's name. The site owner lists, at build time, the origins besides the page's own
//! that the page may read data from (`public/data-sources.json`), with a time limit and a size
//! cap for every request; everything else is refused before any request is made.
//!
//! The browser parses the address (`Address`, from its own URL parser, so that what is checked
//! is what would be fetched); this module decides.

use serde::{Deserialize, Serialize};

use crate::i18n::Message;

/// The id of the JSON block that carries the list in the explorer's page.
pub const DATA_SOURCES_ID: &str = "data-sources";

/// The site owner's list, as `public/data-sources.json` states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataSources {
    /// Origins (`https://data.example.org`, `http://127.0.0.1:8081`) besides the page's own.
    /// A bare host name means its `https://` origin.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// How long a whole request may take, from asking to the last byte.
    pub timeout_seconds: u32,
    /// The most bytes a dataset may have.
    pub max_megabytes: u32,
}

impl Default for DataSources {
    /// What a page without a list uses: its own origin only, and the shipped limits.
    fn default() -> Self {
        DataSources { allowed_origins: Vec::new(), timeout_seconds: 120, max_megabytes: 256 }
    }
}

/// An address as the browser's URL parser split it (`URL.protocol`, `.host`, `.origin`,
/// `.href`), resolved against the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    /// With its colon: `https:`.
    pub protocol: String,
    /// With its port, if any: `example.org:8080`.
    pub host: String,
    pub origin: String,
    pub href: String,
}

/// Where an allowed dataset comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The page's own origin.
    Own,
    /// An origin on the site owner's list.
    Listed,
}

/// Why an address is refused: a sentence naming what was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub Message);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl DataSources {
    /// Reads the list; the error names the field or the entry at fault.
    pub fn parse(json: &str) -> Result<DataSources, String> {
        let sources: DataSources = serde_json::from_str(json).map_err(|e| format!("data sources: {e}"))?;
        for entry in &sources.allowed_origins {
            normalised_origin(entry).map_err(|why| format!("data sources: allowed_origins: {entry:?} {why}"))?;
        }
        if sources.timeout_seconds == 0 || sources.max_megabytes == 0 {
            return Err("data sources: timeout_seconds and max_megabytes must be above 0".into());
        }
        Ok(sources)
    }

    /// The listed origins, each as `scheme://host[:port]`.
    pub fn origins(&self) -> Vec<String> {
        self.allowed_origins.iter().filter_map(|o| normalised_origin(o).ok()).collect()
    }

    /// The byte cap.
    pub fn max_bytes(&self) -> u64 {
        u64::from(self.max_megabytes) << 20
    }

    /// Whether the page, at `page_origin`, may read a dataset from `address`.
    pub fn check(&self, address: &Address, page_origin: &str) -> Result<Origin, Refusal> {
        if address.protocol != "https:" && address.protocol != "http:" {
            let scheme = address.protocol.trim_end_matches(':');
            let m = Message::new("load.refused_scheme").with("scheme", scheme);
            return Err(Refusal(m.with_message("listed", self.and_listed())));
        }
        if address.origin == page_origin {
            return Ok(Origin::Own);
        }
        if self.origins().iter().any(|o| o.eq_ignore_ascii_case(&address.origin)) {
            return Ok(Origin::Listed);
        }
        let m = Message::new("load.refused_host").with("host", address.host.as_str());
        Err(Refusal(m.with_message("listed", self.and_listed())))
    }

    /// " and from https://a.example, https://b.example", or nothing when none is listed.
    fn and_listed(&self) -> Message {
        let origins = self.origins();
        let key = if origins.is_empty() { "load.none_listed" } else { "load.and_listed" };
        Message::new(key).with("origins", origins.join(", "))
    }
}

/// `entry` as an origin: `https://host[:port]` or `http://host[:port]`, lower-case, no path.
fn normalised_origin(entry: &str) -> Result<String, &'static str> {
    let (scheme, rest) = match entry.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => ("https".to_string(), entry),
    };
    if scheme != "https" && scheme != "http" {
        return Err("is not an http(s) origin");
    }
    let host = rest.strip_suffix('/').unwrap_or(rest);
    let valid =
        !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !valid {
        return Err("is not an origin (scheme, host and port only: no path, no wildcard)");
    }
    Ok(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// How a dataset's origin is shown to readers: host and path, without the scheme and query
/// (`example.org/data/file.json`), shortened to `max` characters.
pub fn shown_address(href: &str, max: usize) -> String {
    let rest = href.split_once("://").map_or(href, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    crate::ingest::shorten(rest, max).into_owned()
}

/// Where the dataset on screen came from, as readers are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance {
    /// The site's own dataset.
    Bundled,
    /// Another address (`?data=`), as `shown_address` shows it.
    Address(String),
    /// A file the reader opened, by its name.
    File(String),
}

impl Provenance {
    /// The banner that a dataset other than the site's own carries, in the page and in embeds.
    pub fn notice(&self, lang: crate::i18n::Lang) -> Option<String> {
        match self {
            Provenance::Bundled => None,
            Provenance::Address(shown) => Some(lang.fill("notice.address", &[("address", shown)])),
            Provenance::File(name) => Some(lang.fill("notice.file", &[("name", name)])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(href: &str) -> Address {
        let (protocol, rest) = href.split_once(':').unwrap();
        let rest = rest.trim_start_matches("//");
        let host = rest.split(['/', '?', '#']).next().unwrap().to_string();
        let origin = if protocol.starts_with("http") { format!("{protocol}://{host}") } else { "null".into() };
        Address { protocol: format!("{protocol}:"), host, origin, href: href.to_string() }
    }

    const PAGE: &str = "https://news.example";

    #[test]
    fn the_shipped_list_allows_the_pages_own_origin_only() {
        let shipped = DataSources::parse(include_str!("../public/data-sources.json")).unwrap();
        assert!(shipped.allowed_origins.is_empty(), "the shipped list is empty: own origin only");
        assert_eq!(shipped.check(&address("https://news.example/data/x.json"), PAGE), Ok(Origin::Own));
        let refused = shipped.check(&address("https://evil.example/x.json"), PAGE).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "data from evil.example was refused: this page reads data only from its own site"
        );
        assert_eq!(refused.0.in_lang(crate::i18n::Lang::Zh), "已拒绝来自 evil.example 的数据：本页只读取本站的数据");
    }

    #[test]
    fn listed_origins_are_allowed_and_nothing_else() {
        let sources = DataSources {
            allowed_origins: vec!["data.example.org".into(), "HTTP://127.0.0.1:8081/".into()],
            ..DataSources::default()
        };
        assert_eq!(sources.origins(), ["https://data.example.org", "http://127.0.0.1:8081"]);
        assert_eq!(sources.check(&address("https://data.example.org/a.json"), PAGE), Ok(Origin::Listed));
        assert_eq!(sources.check(&address("http://127.0.0.1:8081/a.json"), PAGE), Ok(Origin::Listed));
        // Another scheme or port of a listed host is another origin.
        for refused in
            ["http://data.example.org/a.json", "https://data.example.org:444/a.json", "https://127.0.0.1:8081/a"]
        {
            let why = sources.check(&address(refused), PAGE).unwrap_err().to_string();
            assert!(
                why.contains("was refused")
                    && why.ends_with("and from https://data.example.org, http://127.0.0.1:8081"),
                "{why}"
            );
        }
    }

    #[test]
    fn addresses_that_are_not_web_addresses_are_refused_by_their_scheme() {
        let sources = DataSources::default();
        for (href, scheme) in [
            ("data:application/json,{}", "data"),
            ("blob:https://news.example/1234", "blob"),
            ("javascript:alert(1)", "javascript"),
            ("file:///etc/passwd", "file"),
        ] {
            let why = sources.check(&address(href), PAGE).unwrap_err().to_string();
            assert!(why.starts_with(&format!("a “{scheme}:” address was refused")), "{href}: {why}");
        }
    }

    #[test]
    fn a_list_with_a_path_a_wildcard_or_no_limits_is_refused_with_its_entry() {
        for (json, fault) in [
            (
                r#"{"allowed_origins":["https://x.org/data"],"timeout_seconds":1,"max_megabytes":1}"#,
                "\"https://x.org/data\"",
            ),
            (r#"{"allowed_origins":["*.x.org"],"timeout_seconds":1,"max_megabytes":1}"#, "\"*.x.org\""),
            (r#"{"allowed_origins":["ftp://x.org"],"timeout_seconds":1,"max_megabytes":1}"#, "not an http(s) origin"),
            (r#"{"allowed_origins":[],"timeout_seconds":0,"max_megabytes":1}"#, "above 0"),
            (r#"{"allowed_origins":[],"timeout_seconds":1}"#, "max_megabytes"),
            (r#"{"allowed":[],"timeout_seconds":1,"max_megabytes":1}"#, "unknown field"),
        ] {
            let err = DataSources::parse(json).unwrap_err();
            assert!(err.contains(fault), "{json}: {err}");
        }
    }

    #[test]
    fn only_the_sites_own_dataset_goes_without_a_notice() {
        assert_eq!(Provenance::Bundled.notice(crate::i18n::Lang::En), None);
        assert_eq!(
            Provenance::Address(shown_address("https://example.org/file.json?v=2", 80))
                .notice(crate::i18n::Lang::En)
                .unwrap(),
            "Data from example.org/file.json — not this site's dataset"
        );
        assert_eq!(
            Provenance::File("mine.csv".into()).notice(crate::i18n::Lang::En).unwrap(),
            "Data from your file mine.csv — not this site's dataset"
        );
    }

    #[test]
    fn an_address_is_shown_by_host_and_path_and_shortened() {
        assert_eq!(shown_address("https://example.org/file.json?x=1#y", 60), "example.org/file.json");
        let long = format!("https://example.org/{}", "a".repeat(100));
        let shown = shown_address(&long, 40);
        assert_eq!(shown.chars().count(), 40);
        assert!(shown.starts_with("example.org/aaa") && shown.ends_with('…'));
    }
}
