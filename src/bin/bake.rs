//! `bake DIR`: writes the bundled dataset's default view into DIR/index.html as static HTML,
//! with the dataset's schema.org description, and a page per claim into DIR/claims/
//! (ARCHITECTURE.md, Baked pages), and puts in Trunk's loader the page's own, which starts the
//! wasm once the baked view is painted (`ui::loader`). Last, every page gets its
//! Content-Security-Policy, which allows the inline scripts as they now are by their hashes,
//! and the explorer its data-sources list (`content_policy`). Trunk runs it on its staging
//! directory after each build (`.ci/post-build.sh`), so `make build` and `make serve` both
//! serve baked pages. `SITE_URL` is where the site is published, for the absolute URLs of link
//! previews; `DATA_SOURCES` the data-sources list (default `public/data-sources.json`).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use cyber_claims_explorer::charts::ChartId;
    use cyber_claims_explorer::content_policy::{headers_file, policy_of, secure, PageKind};
    use cyber_claims_explorer::data_sources::DataSources;
    use cyber_claims_explorer::i18n::Lang;
    use cyber_claims_explorer::ingest::read_json;
    use cyber_claims_explorer::ui::bake::{self, Site};
    use cyber_claims_explorer::ui::loader::replace_trunk_loader;
    use cyber_claims_explorer::url_state::{claim_page, embed_page};

    /// The empty element of index.html that the baked view fills (Trunk's minifier may drop the
    /// quotes).
    const SLOTS: [&str; 2] = ["<div id=\"baked\"></div>", "<div id=baked></div>"];

    /// The site owner's data-sources list (README, Publishing).
    fn data_sources() -> Result<DataSources, String> {
        let path = std::env::var("DATA_SOURCES").unwrap_or_else(|_| "public/data-sources.json".into());
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        DataSources::parse(&text).map_err(|e| format!("{path}: {e}"))
    }

    /// Writes `html` to `path` with its policy (`kind`); returns the policy.
    fn write_secured(path: &Path, html: &str, kind: PageKind, sources: &DataSources) -> Result<String, String> {
        let html = secure(html, kind, sources).map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(path, &html).map_err(|e| format!("{}: {e}", path.display()))?;
        policy_of(&html).ok_or_else(|| format!("{}: no policy written", path.display()))
    }

    /// Adds `csp` for `path` to `headers`, or fails if `path` already has another one: the
    /// pages under one pattern must share their policy.
    fn add_header(headers: &mut Vec<(String, String)>, path: &str, csp: String) -> Result<(), String> {
        match headers.iter().find(|(p, _)| p == path) {
            Some((_, known)) if *known != csp => Err(format!("the pages under {path} differ in their policy")),
            Some(_) => Ok(()),
            None => {
                headers.push((path.to_string(), csp));
                Ok(())
            }
        }
    }

    fn run(dir: &Path) -> Result<(), String> {
        let sources = data_sources()?;
        let data_path = dir.join("data/claims.json");
        let bytes = std::fs::read(&data_path).map_err(|e| format!("{}: {e}", data_path.display()))?;
        let loaded = bake::loaded(read_json(&bytes).map_err(|e| format!("{}: {e}", data_path.display()))?);
        let site = Site::from_env();
        let index_path = dir.join("index.html");
        let page = std::fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
        let slot = SLOTS
            .iter()
            .find(|s| page.contains(**s))
            .ok_or_else(|| format!("{}: no empty <div id=\"baked\"> to fill", index_path.display()))?;
        let json_ld =
            format!("<script type=\"application/ld+json\">{}</script></head>", bake::dataset_json_ld(&loaded, &site));
        let page = replace_trunk_loader(&page).map_err(|e| format!("{}: {e}", index_path.display()))?;
        let page = page.replacen(slot, &bake::explorer(&loaded), 1).replacen("</head>", &json_ld, 1);
        let mut headers = Vec::new();
        let csp = write_secured(&index_path, &page, PageKind::App, &sources)?;
        add_header(&mut headers, "/", csp.clone())?;
        add_header(&mut headers, "/index.html", csp)?;

        // The page's stylesheet, by the hashed name Trunk gave it.
        let stylesheet = page
            .split(['"', ' ', '='])
            .map(|s| s.trim_start_matches("./"))
            .find(|s| s.starts_with("styles-") && s.ends_with(".css"))
            .ok_or_else(|| format!("{}: no stylesheet", index_path.display()))?
            .to_string();
        let claims_dir = dir.join("claims");
        std::fs::create_dir_all(&claims_dir).map_err(|e| format!("{}: {e}", claims_dir.display()))?;
        let mut baked = 0;
        // Each claim's page and each chart's embed page, in each language.
        for lang in Lang::ALL {
            for (i, c) in loaded.dataset.claims.iter().enumerate() {
                let Some(path) = claim_page(&c.id, lang) else {
                    eprintln!("bake: claim {:?} has no page: its id is not a safe file name", c.id);
                    continue;
                };
                let html = bake::claim_page(&loaded, i as u32, &site, &stylesheet, lang);
                let csp = write_secured(&dir.join(&path), &html, PageKind::Static, &sources)?;
                add_header(&mut headers, "/claims/*", csp)?;
                baked += 1;
                // A former id keeps its page: the same claim, whose canonical link names the new one.
                for alias in &c.aliases {
                    let old = claim_page(alias, lang).filter(|_| loaded.dataset.claims.iter().all(|x| &x.id != alias));
                    if let Some(old) = old {
                        write_secured(&dir.join(&old), &html, PageKind::Static, &sources)?;
                    }
                }
            }
        }
        let embed_dir = dir.join("embed");
        std::fs::create_dir_all(&embed_dir).map_err(|e| format!("{}: {e}", embed_dir.display()))?;
        for (lang, chart) in Lang::ALL.into_iter().flat_map(|l| ChartId::ALL.map(|c| (l, c))) {
            let path = embed_page(chart, lang);
            let csp = write_secured(
                &dir.join(&path),
                &bake::embed_page(&loaded, chart, &stylesheet, lang),
                PageKind::Static,
                &sources,
            )?;
            add_header(&mut headers, "/embed/*", csp)?;
        }
        let headers_path = dir.join("_headers");
        std::fs::write(&headers_path, headers_file(&headers))
            .map_err(|e| format!("{}: {e}", headers_path.display()))?;
        if site.url.is_none() {
            eprintln!("bake: SITE_URL is not set, so the {baked} claim pages' previews have no absolute URL (README, Publishing)");
        }
        Ok(())
    }

    pub fn main() -> ExitCode {
        let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
            eprintln!("usage: bake DIR (a built app: DIR/index.html and DIR/data/claims.json)");
            return ExitCode::from(2);
        };
        match run(&dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("bake: {message}");
                ExitCode::FAILURE
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// Baking happens at build time, natively; there is nothing to run in the page.
#[cfg(target_arch = "wasm32")]
fn main() {}
