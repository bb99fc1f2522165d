//! `claims-check`: the data editor's checker. Reads JSON or CSV datasets, prints every
//! problem with its place and a summary line; exits 1 when any record is excluded or a file
//! cannot be read, 0 otherwise. `--to-json OUT` writes a (CSV) input as a v1 JSON dataset;
//! `--schema` prints the JSON Schema of the format.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(checker::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod checker {
    use cyber_claims_explorer::ingest::{self, Ingested};
    use cyber_claims_explorer::model::schema::json_schema;

    const USAGE: &str = "usage: claims-check FILE... [--to-json OUT]   (OUT may be - for standard output)
       claims-check --schema                  print the JSON Schema of the format
Checks JSON or CSV claim datasets; exits 1 when any record is excluded, 0 otherwise.";

    struct Args {
        files: Vec<String>,
        to_json: Option<String>,
    }

    fn parse(args: Vec<String>) -> Result<Args, String> {
        let mut files = Vec::new();
        let mut to_json = None;
        let mut it = args.into_iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--to-json" => to_json = Some(it.next().ok_or("--to-json needs an output path")?),
                "-h" | "--help" => return Err(String::new()),
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                _ => files.push(arg),
            }
        }
        if files.is_empty() {
            return Err("no file given".into());
        }
        if to_json.is_some() && files.len() != 1 {
            return Err("--to-json takes exactly one input file".into());
        }
        Ok(Args { files, to_json })
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
        let mut failed = false;
        let mut last = None;
        for path in &args.files {
            match check(path) {
                Some(i) => {
                    failed |= i.report.excluded_any();
                    last = Some(i);
                }
                None => failed = true,
            }
        }
        if let (Some(out), Some(ingested)) = (&args.to_json, last) {
            let mut json = serde_json::to_string_pretty(&ingested.dataset).expect("a dataset serialises");
            json.push('\n');
            let written = if out == "-" {
                print!("{json}");
                Ok(())
            } else {
                std::fs::write(out, json)
            };
            if let Err(e) = written {
                eprintln!("claims-check: cannot write {out}: {e}");
                return 2;
            }
            if out != "-" {
                println!("wrote {} claims to {out}", ingested.dataset.claims.len());
            }
        }
        i32::from(failed)
    }
}
