//! The `claims-check` binary: output, exit codes, `--to-json`, `--schema`.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claims-check"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run claims-check");
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn the_bundled_dataset_passes() {
    let (code, out) = run(&["public/data/claims.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("claims loaded, 0 excluded; 0 errors, 0 warnings"), "{out}");
}

#[test]
fn excluded_records_are_listed_and_fail_the_check() {
    let (code, out) = run(&["tests/fixtures/some-bad.json", "tests/fixtures/small.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("tests/fixtures/some-bad.json: error: claims[1].date: \"2023-02-30\" is not a date"), "{out}");
    assert!(
        out.contains("tests/fixtures/some-bad.json: error: claims[2].claimant: \"nobody\" is not an actor"),
        "{out}"
    );
    assert!(out.contains("tests/fixtures/some-bad.json: 2 claims loaded, 2 excluded"), "{out}");
    assert!(out.contains("tests/fixtures/small.json: 6 claims loaded, 0 excluded; 0 errors, 1 warning"), "{out}");
}

#[test]
fn warnings_alone_pass_and_unreadable_files_fail() {
    assert_eq!(run(&["tests/fixtures/small.json"]).0, 0);
    let (code, out) = run(&["tests/fixtures/broken.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("broken.json: error: line 7, column 31: the file ends too early"), "{out}");
    let (code, out) = run(&["tests/fixtures/no-such-file.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("cannot read the file"), "{out}");
    assert_eq!(run(&[]).0, 2, "no file is a usage error");
}

#[test]
fn csv_is_checked_and_written_as_json() {
    let out_path = std::env::temp_dir().join(format!("claims-check-{}.json", std::process::id()));
    let out_str = out_path.to_str().unwrap();
    let (code, out) = run(&["tests/fixtures/claims.csv", "--to-json", out_str]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("tests/fixtures/claims.csv: 3 claims loaded, 0 excluded"), "{out}");
    let (code, out) = run(&[out_str]);
    assert_eq!(code, 0, "the written JSON checks clean: {out}");
    assert!(out.contains("3 claims loaded, 0 excluded; 0 errors, 0 warnings"), "{out}");
    std::fs::remove_file(out_path).unwrap();
}

#[test]
fn schema_is_printed() {
    let (code, out) = run(&["--schema"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&out).expect("the schema is JSON");
    assert!(schema["$defs"]["Claim"].is_object());
}

#[test]
fn strict_fails_on_each_editor_rule_and_passes_what_keeps_them() {
    let (code, out) = run(&["--strict", "tests/fixtures/strict-bad.json"]);
    assert_eq!(code, 1, "{out}");
    for (claim, what) in [
        ("placeholder", "is a placeholder, not the page's title"),
        ("mirror-only", "no source is a primary or reputable publisher"),
        ("someone-else", "does not name the claimant"),
        ("same-side", "a claim of its own side (US)"),
        ("too-early", "dated 2019-03-04, but is dated 2019-02, before it"),
        ("coarse-answer", "former id \"placeholder\" is another claim's id"),
    ] {
        assert!(out.contains(&format!("error: claim {claim}: ")) && out.contains(what), "{claim}: {what}\n{out}");
    }
    // Kept: the claimant's own words, an answer to its own side that says why, a coarser answer.
    for kept in ["claim ok:", "claim said-why:", "claim coarse-answer: it answers"] {
        assert!(!out.contains(kept), "{kept}\n{out}");
    }
    assert!(out.contains("strict: 6 broken rule(s)"), "{out}");
    assert!(out.contains("7 of 8 sources dated (87%)"), "{out}");
    // Without --strict the same file passes: the rules are the editor's, not the reader's.
    assert_eq!(run(&["tests/fixtures/strict-bad.json"]).0, 0);
}

#[test]
fn the_bundled_dataset_keeps_the_editor_rules() {
    let (code, out) = run(&["--strict", "public/data/claims.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("strict: 0 broken rule(s)"), "{out}");
    let dated = out.lines().find(|l| l.contains("sources dated")).expect("the dated share");
    let share: u32 = dated.rsplit('(').next().unwrap().trim_end_matches("%)").parse().unwrap();
    assert!(share >= 75, "{dated}");
}

#[test]
fn stix_and_csv_are_written_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("claims-check-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (stix, csv) = (dir.join("c.stix.json"), dir.join("c.csv"));
    let (code, out) =
        run(&["tests/fixtures/small.json", "--to-stix", stix.to_str().unwrap(), "--to-csv", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let bundle: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&stix).unwrap()).unwrap();
    assert_eq!(bundle["type"], "bundle");
    let reports = bundle["objects"].as_array().unwrap().iter().filter(|o| o["type"] == "report").count();
    assert_eq!(reports, 6);
    assert!(std::fs::read_to_string(&csv).unwrap().starts_with("id,date,claimant,"));
    let (code, out) = run(&["tests/fixtures/small.json", "--to-stix", "-"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"type\": \"bundle\""), "{out}");
}
