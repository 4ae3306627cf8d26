//! `newsdex show ID`.

use crate::util::{Env, id_ending, keys};

#[test]
fn show_prints_the_stored_article() {
    let env = Env::indexed();
    let lines = env.extracted();
    let id = id_ending(&lines, "steel-duties.txt");
    let run = env.run(&["show", &id]).code(0);
    assert!(
        run.stdout
            .starts_with("Washington doubles steel duties on Canadian mills\n")
    );
    assert!(run.stdout.contains(&format!("id: {id}")), "{}", run.stdout);
    assert!(run.stdout.contains("Our workers have waited long enough."));
    let json = env.run(&["show", &id, "--json"]).code(0).json();
    let line = lines.iter().find(|l| l["id"] == id.as_str()).unwrap();
    // Every field `extract` gives, as extract gives it, plus the file and the body.
    for key in keys(line) {
        assert_eq!(json[key], line[key], "{key}");
    }
    assert!(
        json["body"]
            .as_str()
            .unwrap()
            .ends_with("duties of its own on American goods.")
    );
}

#[test]
fn show_of_an_unknown_id_exits_1() {
    let env = Env::indexed();
    let run = env.run(&["show", "news/none.txt"]).code(1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.trim(),
        "newsdex: no article with id news/none.txt"
    );
}
