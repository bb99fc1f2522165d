//! The Content-Security-Policy of every built page (SECURITY.md; ARCHITECTURE.md, Trust),
//! written into the page as a `<meta http-equiv>` at build time, after everything else that
//! changes the page (`bake`), because it allows the page's inline scripts by their hashes.
//!
//! Scripts run only from the site itself and from the inline scripts the build wrote (no
//! `'unsafe-inline'`, no `'unsafe-eval'`; `'wasm-unsafe-eval'` where the page starts its
//! WebAssembly); styles only from the site's stylesheet; data only from the site and, for the
//! explorer, the origins of the data-sources list; no plugins, no `<base>`, no form posts.
//!
//! Also written here: the data-sources list itself, as a JSON block in the explorer's page,
//! where the page reads it (`ui::load`).

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::data_sources::{DataSources, DATA_SOURCES_ID};

/// What a built page does, which decides what its policy allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// The explorer (`index.html`): starts the wasm and reads datasets.
    App,
    /// A baked page that runs no wasm and reads no data (a claim's page, a baked embed).
    Static,
}

/// The policy for `page`, with `sources`' origins for the explorer's requests.
pub fn policy(page: &str, kind: PageKind, sources: &DataSources) -> String {
    let hashes: Vec<String> = inline_scripts(page).iter().map(|s| format!("'sha256-{}'", sha256_base64(s))).collect();
    let mut script = match kind {
        PageKind::App => vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()],
        PageKind::Static => Vec::new(),
    };
    script.extend(hashes);
    if script.is_empty() {
        script.push("'none'".into());
    }
    let connect = match kind {
        PageKind::App => std::iter::once("'self'".to_string()).chain(sources.origins()).collect::<Vec<_>>().join(" "),
        // Its own site only: nothing on the page reads data, but tools that audit a page (a
        // search engine's robots.txt, read by Lighthouse from the page) ask from within it.
        PageKind::Static => "'self'".to_string(),
    };
    format!(
        "default-src 'self'; script-src {}; style-src 'self'; img-src 'self'; connect-src {connect}; \
         object-src 'none'; base-uri 'none'; form-action 'none'",
        script.join(" ")
    )
}

/// `page` with the policy `csp` as its first `<meta>` after the charset (before any script or
/// stylesheet it governs), replacing the one it had.
pub fn with_policy(page: &str, csp: &str) -> Result<String, String> {
    let page = without_element(page, "<meta http-equiv=\"Content-Security-Policy\"", ">");
    let at = after_charset(&page)?;
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", csp.replace('"', "&quot;"));
    Ok(format!("{}{meta}{}", &page[..at], &page[at..]))
}

/// `page` carrying `sources` as a JSON block (not a script: no policy applies to it), replacing
/// the one it had.
pub fn with_data_sources(page: &str, sources: &DataSources) -> Result<String, String> {
    let open = format!("<script type=\"application/json\" id=\"{DATA_SOURCES_ID}\">");
    let page = without_element(page, &open, "</script>");
    // A `<` in the JSON could end the block early; JSON may spell it `\u003c`.
    let json = serde_json::to_string(sources).map_err(|e| e.to_string())?.replace('<', "\\u003c");
    let at = after_charset(&page)?;
    Ok(format!("{}{open}{json}</script>{}", &page[..at], &page[at..]))
}

/// The explorer's page (`PageKind::App`) or a baked page with its data-sources list (the
/// explorer's only) and then its policy.
pub fn secure(page: &str, kind: PageKind, sources: &DataSources) -> Result<String, String> {
    let page = match kind {
        PageKind::App => with_data_sources(page, sources)?,
        PageKind::Static => page.to_string(),
    };
    with_policy(&page, &policy(&page, kind, sources))
}

/// The policy that `secure` wrote into `page`, if any (for the README's header and tests).
pub fn policy_of(page: &str) -> Option<String> {
    let start = page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"")?;
    let rest = &page[start..];
    let value = &rest[rest.find("content=\"")? + "content=\"".len()..];
    Some(value[..value.find('"')?].replace("&quot;", "\""))
}

/// The policies of a built site as a `_headers` file (the form that Netlify and Cloudflare
/// Pages read; README, Publishing): the same policy as each page's `<meta>`, for hosts that
/// can send it as an HTTP header. `pages` are (URL path pattern, policy), in that order.
pub fn headers_file(pages: &[(String, String)]) -> String {
    pages.iter().map(|(path, csp)| format!("{path}\n  Content-Security-Policy: {csp}\n")).collect()
}

/// Where the element after `<meta charset…>` starts.
fn after_charset(page: &str) -> Result<usize, String> {
    let start = page.find("<meta charset").ok_or("the page has no <meta charset>")?;
    Ok(start + page[start..].find('>').ok_or("an unclosed <meta charset>")? + 1)
}

/// `page` without the first element that starts with `open` and ends with `close`.
fn without_element(page: &str, open: &str, close: &str) -> String {
    let Some(start) = page.find(open) else { return page.to_string() };
    let Some(len) = page[start..].find(close) else { return page.to_string() };
    format!("{}{}", &page[..start], &page[start + len + close.len()..])
}

/// The text of each script in `page` that the browser would run from the page itself: no
/// `src`, and a JavaScript type (none, `module`, `text/javascript`) — not JSON or JSON-LD.
fn inline_scripts(page: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = page;
    while let Some(i) = rest.find("<script") {
        let Some(open_len) = rest[i..].find('>') else { break };
        let tag = &rest[i..i + open_len];
        let body_start = i + open_len + 1;
        let Some(body_len) = rest[body_start..].find("</script>") else { break };
        let body = &rest[body_start..body_start + body_len];
        let runs = match attribute(tag, "type") {
            None => true,
            Some(t) => {
                matches!(t.to_ascii_lowercase().as_str(), "module" | "text/javascript" | "application/javascript")
            }
        };
        if runs && attribute(tag, "src").is_none() {
            scripts.push(body);
        }
        rest = &rest[body_start + body_len + "</script>".len()..];
    }
    scripts
}

/// The value of `name` in an opening tag, quoted or not.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=");
    let value = &tag[tag.find(&key)? + key.len()..];
    match value.chars().next()? {
        q @ ('"' | '\'') => value[1..].split(q).next(),
        _ => value.split([' ', '>']).next(),
    }
}

fn sha256_base64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html lang=en><meta charset=utf-8><title>t</title>\
        <script>alert(1)</script><script type=module>import('./a.js')</script>\
        <script type=\"application/ld+json\">{\"a\":1}</script><script src=./b.js></script>\
        <link href=./s.css rel=stylesheet><body></body>";

    #[test]
    fn only_the_scripts_the_browser_runs_from_the_page_are_hashed() {
        assert_eq!(inline_scripts(PAGE), ["alert(1)", "import('./a.js')"]);
        // The hash a browser computes for `alert(1)` (its UTF-8 bytes, SHA-256, base64).
        assert_eq!(sha256_base64("alert(1)"), "bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
    }

    #[test]
    fn the_explorers_policy_allows_its_scripts_its_wasm_and_its_data_sources_only() {
        let sources = DataSources { allowed_origins: vec!["data.example.org".into()], ..DataSources::default() };
        let csp = policy(PAGE, PageKind::App, &sources);
        assert_eq!(
            csp,
            format!(
                "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{}' 'sha256-{}'; style-src 'self'; \
                 img-src 'self'; connect-src 'self' https://data.example.org; object-src 'none'; base-uri 'none'; \
                 form-action 'none'",
                sha256_base64("alert(1)"),
                sha256_base64("import('./a.js')")
            )
        );
        for weak in ["unsafe-inline", " 'unsafe-eval'", "*", "data:", "blob:"] {
            assert!(!csp.contains(weak), "{weak} in {csp}");
        }
    }

    #[test]
    fn a_static_page_runs_only_its_own_inline_scripts_and_no_wasm() {
        let csp = policy("<meta charset=utf-8><p>x</p>", PageKind::Static, &DataSources::default());
        assert!(csp.contains("script-src 'none';") && csp.contains("connect-src 'self';"), "{csp}");
        let csp = policy(PAGE, PageKind::Static, &DataSources::default());
        assert!(csp.contains("script-src 'sha256-") && !csp.contains("wasm-unsafe-eval"), "{csp}");
    }

    #[test]
    fn securing_a_page_puts_the_policy_first_and_can_be_done_again_with_another_list() {
        let first = secure(PAGE, PageKind::App, &DataSources::default()).unwrap();
        assert!(first.starts_with(
            "<!doctype html><html lang=en><meta charset=utf-8><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self';"
        ));
        assert!(
            first.contains(r#"<script type="application/json" id="data-sources">{"allowed_origins":[],"#),
            "{first}"
        );
        assert_eq!(policy_of(&first).unwrap(), policy(PAGE, PageKind::App, &DataSources::default()));
        // Tests build their own list into a built page: the old block and policy give way.
        let other = DataSources { allowed_origins: vec!["http://127.0.0.1:9".into()], ..DataSources::default() };
        let second = secure(&first, PageKind::App, &other).unwrap();
        assert_eq!(second.matches("Content-Security-Policy").count(), 1);
        assert_eq!(second.matches("id=\"data-sources\"").count(), 1);
        assert!(policy_of(&second).unwrap().contains("connect-src 'self' http://127.0.0.1:9;"));
        assert!(second.contains(r#""allowed_origins":["http://127.0.0.1:9"]"#));
    }

    #[test]
    fn a_page_without_a_charset_is_refused() {
        assert!(secure("<html><body></body>", PageKind::Static, &DataSources::default()).is_err());
    }
}
