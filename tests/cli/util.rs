//! The test environment: a temporary copy of the fixture corpus, an index beside it, and a
//! runner for the binary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A temporary folder holding `news/` (the fixture corpus) and `index/`.
pub struct Env {
    pub dir: tempfile::TempDir,
}

/// What one run of the binary gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// Assert the exit code, showing the output when it is wrong.
    pub fn code(self, want: i32) -> Run {
        assert_eq!(
            self.code, want,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

impl Env {
    /// A fresh copy of the fixture corpus, not indexed.
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news");
        copy_dir(&fixtures, &dir.path().join("news"));
        Env { dir }
    }

    /// A fresh copy of `sample_corpus/` under the same name, indexed.
    pub fn sample() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
        copy_dir(&sample, &dir.path().join("sample_corpus"));
        let env = Env { dir };
        env.run(&["index", "sample_corpus"]).code(0);
        env
    }

    /// A fresh copy, indexed (with the fixture's one bad line reported).
    pub fn indexed() -> Env {
        let env = Env::new();
        env.run(&["index", "news"]).code(2);
        env
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Run `newsdex ARGS` in the folder, with the index at `index/` through `NEWSDEX_INDEX`.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = self.command(args).output().expect("run newsdex");
        to_run(output)
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdex"));
        cmd.args(args)
            .current_dir(self.dir.path())
            .env("NEWSDEX_INDEX", self.path("index"))
            .env_remove("NO_COLOR");
        cmd
    }

    /// Every line `newsdex extract news` prints, as JSON.
    pub fn extracted(&self) -> Vec<Value> {
        self.extracted_in("news")
    }

    /// Every line `newsdex extract FOLDER` prints, as JSON.
    pub fn extracted_in(&self, folder: &str) -> Vec<Value> {
        let run = self.run(&["extract", folder]);
        run.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("extract prints JSON lines"))
            .collect()
    }

    /// Total of `search --json` with these extra arguments.
    pub fn total(&self, args: &[&str]) -> u64 {
        let mut all = vec!["search", "--json", "--limit", "1"];
        all.extend_from_slice(args);
        self.run(&all).json()["total"].as_u64().expect("total")
    }
}

pub fn to_run(output: Output) -> Run {
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read fixtures") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy fixture");
        }
    }
}

/// How many extracted articles have each value of a list field (`countries[].code`, ...).
pub fn count_by(lines: &[Value], values: impl Fn(&Value) -> Vec<String>) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for line in lines {
        let mut seen: Vec<String> = values(line);
        seen.sort();
        seen.dedup();
        for v in seen {
            *counts.entry(v).or_default() += 1;
        }
    }
    counts
}

/// A facet of a `--json` object as a map of value to count.
pub fn facet(json: &Value, name: &str) -> BTreeMap<String, u64> {
    json["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("no facet {name} in {json}"))
        .iter()
        .map(|v| {
            (
                v["value"].as_str().expect("value").to_string(),
                v["count"].as_u64().expect("count"),
            )
        })
        .collect()
}

/// The id of the extracted article whose path ends with `suffix`.
pub fn id_ending(lines: &[Value], suffix: &str) -> String {
    lines
        .iter()
        .filter_map(|l| l["id"].as_str())
        .find(|id| id.ends_with(suffix))
        .unwrap_or_else(|| panic!("no article ending {suffix}"))
        .to_string()
}

/// The ids of the hits of a `search --json` object, in order.
pub fn hit_ids(json: &Value) -> Vec<String> {
    json["hits"]
        .as_array()
        .unwrap_or_else(|| panic!("no hits in {json}"))
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect()
}

/// Sorted keys of a JSON object.
pub fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    keys
}
