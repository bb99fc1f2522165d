//! `claims-check`: the data editor's checker. Reads JSON or CSV datasets, prints every
//! problem with its place, a summary line and the share of dated sources; exits 1 when any
//! record is excluded or a file cannot be read, 0 otherwise. `--strict` adds the editor's
//! rules (`editorial`), with the publisher list of the repository built in, and exits 1 when
//! one is broken. `--to-json OUT`, `--to-csv OUT` and `--to-stix OUT` write the (last) input
//! as a v1 JSON dataset, as CSV with the import's columns, or as a STIX 2.1 bundle;
//! `--schema` prints the JSON Schema of the format.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(checker::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod checker {
    use cyber_claims_explorer::editorial::{review, Publishers};
    use cyber_claims_explorer::export::Format;
    use cyber_claims_explorer::ingest::{self, Ingested};
    use cyber_claims_explorer::model::schema::json_schema;

    const USAGE: &str =
        "usage: claims-check [--strict [--publishers LIST]] FILE... [--to-json OUT] [--to-csv OUT] [--to-stix OUT]
                                         (OUT may be - for standard output)
       claims-check --schema             print the JSON Schema of the format
Checks JSON or CSV claim datasets; exits 1 when any record is excluded (or, with --strict, when
an editor's rule is broken: placeholder or missing source titles, a claim resting only on
publishers off data/publishers.json, a quote not in the claimant's words, an answer to its own
side or dated before what it answers), 0 otherwise.";

    /// The repository's publisher list, built in so that `--strict` works from anywhere.
    const PUBLISHERS: &str = include_str!("../../data/publishers.json");

    struct Args {
        files: Vec<String>,
        strict: bool,
        publishers: Option<String>,
        outputs: Vec<(Format, String)>,
    }

    fn parse(args: Vec<String>) -> Result<Args, String> {
        let mut files = Vec::new();
        let mut strict = false;
        let mut publishers = None;
        let mut outputs = Vec::new();
        let mut it = args.into_iter();
        while let Some(arg) = it.next() {
            let format = match arg.as_str() {
                "--to-json" => Some(Format::Json),
                "--to-csv" => Some(Format::Csv),
                "--to-stix" => Some(Format::Stix),
                _ => None,
            };
            match arg.as_str() {
                _ if format.is_some() => {
                    let out = it.next().ok_or(format!("{arg} needs an output path"))?;
                    outputs.push((format.expect("a format"), out));
                }
                "--strict" => strict = true,
                "--publishers" => publishers = Some(it.next().ok_or("--publishers needs a file")?),
                "-h" | "--help" => return Err(String::new()),
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                _ => files.push(arg),
            }
        }
        if files.is_empty() {
            return Err("no file given".into());
        }
        if !outputs.is_empty() && files.len() != 1 {
            return Err("--to-json, --to-csv and --to-stix take exactly one input file".into());
        }
        Ok(Args { files, strict, publishers, outputs })
    }

    fn check(path: &str) -> Option<Ingested> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                println!("{path}: error: cannot read the file: {e}");
                return None;
            }
        };
        match ingest::read(&bytes, &[path]) {
            Ok(ingested) => {
                for p in &ingested.report.problems {
                    println!("{path}: {p}");
                }
                for m in &ingested.report.more {
                    println!("{path}: {m}");
                }
                println!("{path}: {}", ingested.report.summary());
                Some(ingested)
            }
            Err(e) => {
                println!("{path}: error: {e}");
                println!("{path}: nothing loaded");
                None
            }
        }
    }

    pub fn run(args: Vec<String>) -> i32 {
        if args.iter().any(|a| a == "--schema") {
            print!("{}", json_schema());
            return 0;
        }
        let args = match parse(args) {
            Ok(a) => a,
            Err(why) => {
                if !why.is_empty() {
                    eprintln!("claims-check: {why}");
                }
                eprintln!("{USAGE}");
                return 2;
            }
        };
        let list = match &args.publishers {
            None => PUBLISHERS.to_string(),
            Some(path) => match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(e) => {
                    eprintln!("claims-check: cannot read {path}: {e}");
                    return 2;
                }
            },
        };
        let publishers = match Publishers::parse(&list) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("claims-check: {e}");
                return 2;
            }
        };
        let mut failed = false;
        let mut last = None;
        for path in &args.files {
            match check(path) {
                Some(i) => {
                    failed |= i.report.excluded_any();
                    let found = review(&i.dataset, &publishers);
                    if args.strict {
                        for f in &found.findings {
                            println!("{path}: error: claim {}: {}", f.claim, f.message);
                        }
                        for f in &found.untitled {
                            println!("{path}: note: claim {}: {}", f.claim, f.message);
                        }
                        println!(
                            "{path}: strict: {} broken rule(s); {} source(s) without a title",
                            found.findings.len(),
                            found.untitled.len()
                        );
                        failed |= !found.findings.is_empty();
                    }
                    println!("{path}: {}", found.dated_line());
                    last = Some(i);
                }
                None => failed = true,
            }
        }
        let Some(ingested) = last else { return i32::from(failed) };
        for (format, out) in &args.outputs {
            let text = format.write(&ingested.dataset);
            let written = if out == "-" {
                print!("{text}");
                Ok(())
            } else {
                std::fs::write(out, text)
            };
            if let Err(e) = written {
                eprintln!("claims-check: cannot write {out}: {e}");
                return 2;
            }
            if out != "-" {
                println!("wrote {} claims to {out} ({})", ingested.dataset.claims.len(), format.label());
            }
        }
        i32::from(failed)
    }
}
