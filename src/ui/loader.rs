//! The page's loader (ARCHITECTURE.md, Baked pages: Loading). Trunk ends the head with a module
//! script that imports the JS glue and starts the wasm, and preloads both; the browser fetches
//! them while it is still reading the baked page, so on a slow link they compete with it for
//! the bandwidth. `bake` puts this loader in their place: where the baked view is shown
//! (`baking`), the glue, the wasm and the dataset are asked for side by side once the browser
//! has recorded the baked view's first contentful paint; in any other view (`unbaked`) at once,
//! with the wasm preloaded beside the glue.

/// Replaces Trunk's loader in `page` (a built index.html) by ours; fails, saying what it did not
/// find, if the page does not have Trunk's loader in the form this code knows.
pub fn replace_trunk_loader(page: &str) -> Result<String, String> {
    let (start, end) = trunk_script(page).ok_or("no Trunk loader (<script type=module> that imports init)")?;
    let script = &page[start..end];
    let glue = quoted_after(script, "from ").ok_or("the Trunk loader names no JS glue")?;
    let wasm = quoted_after(script, "module_or_path:").ok_or("the Trunk loader names no wasm")?;
    let mut out = String::with_capacity(page.len());
    out.push_str(&page[..start]);
    out.push_str(&loader(glue, wasm));
    out.push_str(&page[end..]);
    Ok(without_trunk_preloads(&out))
}

/// Where Trunk's module script starts and ends in `page`.
fn trunk_script(page: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = page[from..].find("<script") {
        let start = from + i;
        let end = start + page[start..].find("</script>")? + "</script>".len();
        let script = &page[start..end];
        let open_tag = &script[..script.find('>')?];
        if open_tag.contains("module") && script.contains("import init") {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// The text of the first quoted string after `key` in `text`.
fn quoted_after<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let rest = &text[text.find(key)? + key.len()..];
    let quote = rest.find(['\'', '"'])?;
    let q = rest.as_bytes()[quote] as char;
    let value = &rest[quote + 1..];
    Some(&value[..value.find(q)?])
}

/// `page` without Trunk's `<link rel=modulepreload>` of the glue and `<link rel=preload>` of the
/// wasm: the loader asks for both when it starts.
fn without_trunk_preloads(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(i) = rest.find("<link") {
        let Some(len) = rest[i..].find('>') else { break };
        let tag = &rest[i..=i + len];
        out.push_str(&rest[..i]);
        let trunk_preload = tag.contains("modulepreload") || (tag.contains("preload") && tag.contains(".wasm"));
        if !trunk_preload {
            out.push_str(tag);
        }
        rest = &rest[i + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The loader for the glue at `glue` and the wasm at `wasm` (relative addresses, as Trunk
/// writes them). It sets `window.wasmBindings` to the glue's exports, as Trunk's loader does.
fn loader(glue: &str, wasm: &str) -> String {
    let glue = serde_json::to_string(glue).expect("a string");
    let wasm = serde_json::to_string(wasm).expect("a string");
    format!(
        "<script type=module>\
const root = document.documentElement;\
const preload = (href, type) => {{ const l = document.createElement(\"link\"); l.rel = \"preload\"; l.as = \"fetch\"; \
l.crossOrigin = \"anonymous\"; l.referrerPolicy = \"no-referrer\"; l.href = href; if (type) l.type = type; document.head.appendChild(l); }};\
const start = async () => {{ \
if (root.classList.contains(\"baking\")) preload(\"data/claims.json\"); \
preload({wasm}, \"application/wasm\"); \
const bindings = await import({glue}); \
await bindings.default({{ module_or_path: {wasm} }}); \
window.wasmBindings = bindings; }};\
const afterPaint = go => {{ let once = () => {{ once = () => {{}}; go(); }}; \
if (performance.getEntriesByName(\"first-contentful-paint\").length) return once(); \
try {{ new PerformanceObserver(l => {{ if (l.getEntriesByName(\"first-contentful-paint\").length) once(); }})\
.observe({{ type: \"paint\", buffered: true }}); }} catch (e) {{ requestAnimationFrame(() => setTimeout(() => once())); }} \
setTimeout(() => once(), 3000); }};\
if (root.classList.contains(\"baking\")) afterPaint(start); else start();\
</script>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trunk's loader as Trunk 0.21 writes it into a minified index.html.
    const BUILT: &str =
        "<head><script>(()=>{})()</script><script type=module>import init, * as bindings from './app-1.js';\n\
const wasm = await init({ module_or_path: './app-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script>\
<link href=./styles-2.css rel=stylesheet><link crossorigin href=./app-1.js rel=modulepreload>\
<link as=fetch crossorigin href=./app-1_bg.wasm rel=preload type=application/wasm></head><body></body>";

    #[test]
    fn trunks_loader_and_preloads_give_way_to_ours() {
        let page = replace_trunk_loader(BUILT).unwrap();
        assert!(!page.contains("import init"), "{page}");
        assert!(!page.contains("modulepreload") && !page.contains("rel=preload"), "{page}");
        assert!(
            page.contains("import(\"./app-1.js\")") && page.contains("module_or_path: \"./app-1_bg.wasm\""),
            "{page}"
        );
        // Everything else stays where it was: the head script first, then ours, the stylesheet.
        assert!(page.starts_with("<head><script>(()=>{})()</script><script type=module>"), "{page}");
        assert!(page.ends_with("</script><link href=./styles-2.css rel=stylesheet></head><body></body>"), "{page}");
        // The baked view waits for the browser's record of its first contentful paint (or, where
        // the browser keeps none, a frame and a task; at most 3 s); any other view starts at once.
        assert!(page.contains("if (root.classList.contains(\"baking\")) afterPaint(start); else start();"));
    }

    #[test]
    fn a_page_without_trunks_loader_is_refused() {
        let err = replace_trunk_loader("<head><script>import('x')</script></head>").unwrap_err();
        assert!(err.contains("no Trunk loader"), "{err}");
    }
}
