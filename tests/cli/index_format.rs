//! An index newsdex cannot read (made by another schema version, by no newsdex at all, or with
//! garbled or missing files) is refused by every command with one line that says to re-index,
//! and is left as it was; following that advice works.

use serde_json::Value;

use crate::util::Env;

/// Every command that opens the index.
const COMMANDS: &[&[&str]] = &[
    &["search", "steel"],
    &["show", "trade/steel-duties.txt"],
    &["quotes"],
    &["speakers"],
    &["facets", "country"],
    &["index", "news"],
];

/// Every command fails with one line holding `want` and the re-index advice, and the index's
/// files are left untouched.
fn refused_everywhere(env: &Env, want: &str) {
    let before = snapshot(env);
    for args in COMMANDS {
        let run = env.run(args).code(2);
        assert_eq!(run.stdout, "", "{args:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(want), "{args:?}: {}", run.stderr);
        let advice = format!(
            "re-index: remove {} and run `newsdex index` again",
            env.path("index").display()
        );
        assert!(run.stderr.contains(&advice), "{args:?}: {}", run.stderr);
    }
    assert_eq!(snapshot(env), before, "a refused run changed the index");
}

/// The names and contents of the index's files.
fn snapshot(env: &Env) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(env.path("index"))
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Change the index's `meta.json` as JSON.
fn edit_meta(env: &Env, edit: impl FnOnce(&mut Value)) {
    let path = env.path("index/meta.json");
    let mut meta: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut meta);
    std::fs::write(&path, serde_json::to_vec(&meta).unwrap()).unwrap();
}

/// The advice works: remove the folder, index again, search.
fn reindex(env: &Env) {
    std::fs::remove_dir_all(env.path("index")).unwrap();
    env.run(&["index", "news", "--quiet"]).code(2);
    env.run(&["search", "steel"]).code(0);
}

#[test]
fn an_index_of_another_schema_version_asks_for_a_reindex() {
    let env = Env::indexed();
    edit_meta(&env, |meta| {
        let payload = meta["payload"].as_str().expect("a commit payload");
        let mut payload: Value = serde_json::from_str(payload).unwrap();
        assert!(payload["newsdex_schema"].is_u64(), "{payload}");
        payload["newsdex_schema"] = Value::from(9999);
        meta["payload"] = Value::from(payload.to_string());
    });
    refused_everywhere(&env, "made by an incompatible newsdex version (schema 9999");
    reindex(&env);
}

#[test]
fn an_index_without_a_newsdex_version_asks_for_a_reindex() {
    let env = Env::indexed();
    edit_meta(&env, |meta| meta["payload"] = Value::Null);
    refused_everywhere(
        &env,
        "(no newsdex schema version, this newsdex needs schema",
    );
    reindex(&env);
}

#[test]
fn an_index_whose_fields_differ_asks_for_a_reindex() {
    let env = Env::indexed();
    edit_meta(&env, |meta| {
        let fields = meta["schema"].as_array_mut().unwrap();
        let body = fields.iter_mut().find(|f| f["name"] == "body").unwrap();
        body["name"] = Value::from("text");
    });
    refused_everywhere(&env, "made by an incompatible newsdex version");
    reindex(&env);
}

#[test]
fn a_garbled_meta_file_says_the_index_is_damaged_once() {
    let env = Env::indexed();
    std::fs::write(env.path("index/meta.json"), "{\"segments\": [").unwrap();
    refused_everywhere(&env, "is damaged");
    // The cause is told once, after the advice.
    let run = env.run(&["search", "steel"]);
    assert_eq!(
        run.stderr
            .matches("Meta file cannot be deserialized")
            .count(),
        1,
        "{}",
        run.stderr
    );
    reindex(&env);
}

#[test]
fn a_missing_segment_file_says_the_index_is_damaged() {
    let env = Env::indexed();
    let idx = std::fs::read_dir(env.path("index"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .expect("a segment's .idx file");
    std::fs::remove_file(&idx).unwrap();
    refused_everywhere(&env, "is damaged");
    reindex(&env);
}
