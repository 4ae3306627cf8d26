//! The test environment: a temporary copy of the fixture corpus, an index beside it, and a
//! runner for the binary.

use std::collections::{BTreeMap, BTreeSet};
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

    /// An empty temporary folder, for tests that write their own corpus.
    pub fn empty() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
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

/// A run of the binary and the most memory it held at once.
#[derive(Debug)]
pub struct Measured {
    pub run: Run,
    /// Peak resident set size, in bytes.
    pub peak_rss: u64,
}

impl Env {
    /// Start `newsdex index PATHS` in the background, committing every second, its output
    /// thrown away. One worker thread: the tests need runs that last a few seconds, and one
    /// thread makes them last as long for half the machine.
    pub fn start_index(&self, paths: &[&str]) -> std::process::Child {
        let mut args = vec!["index", "--commit-every", "1", "--threads", "1"];
        args.extend_from_slice(paths);
        self.command(&args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start newsdex index")
    }
}

/// A run of the binary started by [`Env::start_measured`].
pub struct Running {
    child: std::process::Child,
    stderr_path: PathBuf,
}

impl Env {
    /// Start `newsdex ARGS` like [`Env::run`], to be measured by [`Running::finish`]. Standard
    /// output goes to `stdout_to` (it can be large) and is not kept.
    pub fn start_measured(&self, args: &[&str], stdout_to: &Path) -> Running {
        let stdout = std::fs::File::create(stdout_to).expect("create stdout file");
        let stderr_path = stdout_to.with_extension("stderr");
        let stderr = std::fs::File::create(&stderr_path).expect("create stderr file");
        let child = self
            .command(args)
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .expect("run newsdex");
        Running { child, stderr_path }
    }
}

impl Running {
    /// Wait for the run to end: its exit code, stderr and peak memory.
    pub fn finish(self) -> Measured {
        let (code, peak_rss) = wait_measured(self.child);
        Measured {
            run: Run {
                code,
                stdout: String::new(),
                stderr: std::fs::read_to_string(&self.stderr_path).expect("read stderr"),
            },
            peak_rss,
        }
    }
}

/// Wait for `child`, giving its exit code (-1 when a signal ended it) and peak resident set
/// size in bytes, as the kernel counted it for that process alone.
pub fn wait_measured(child: std::process::Child) -> (i32, u64) {
    let pid = libc::pid_t::try_from(child.id()).expect("pid fits pid_t");
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills in; all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pointers are to live locals, and `pid` is our own child, not yet waited for
    // (`child` is dropped unwaited below, which neither waits nor kills).
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    drop(child);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // Linux counts `ru_maxrss` in kilobytes.
    let peak = u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024;
    (code, peak)
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

/// Write a corpus of `files` text files and one JSON Lines file of `records` records into
/// `dir`, each article about 2 KB of trade news, and give the ids they are indexed under.
pub fn many_articles(dir: &Path, files: usize, records: usize) -> BTreeSet<String> {
    std::fs::create_dir_all(dir).expect("create corpus dir");
    let folder = dir
        .file_name()
        .expect("a named folder")
        .to_string_lossy()
        .into_owned();
    let body = |i: usize| -> String {
        (0..12)
            .map(|k| {
                format!(
                    "Officials in Ottawa said on day {i} that a {}% duty on timber from Canada \
                     would stay, and item {k} of the Seoul talks was settled.",
                    5 + (i + k) % 30
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut ids = BTreeSet::new();
    for i in 0..files {
        let name = format!("{i:05}.txt");
        std::fs::write(dir.join(&name), format!("Report {i}\n\n{}\n", body(i)))
            .expect("write article");
        ids.insert(format!("{folder}/{name}"));
    }
    let mut lines = String::new();
    for i in 0..records {
        let record = serde_json::json!({"id": format!("r{i}"), "title": format!("Wire {i}"),
            "body": body(files + i)});
        lines.push_str(&record.to_string());
        lines.push('\n');
        ids.insert(format!("{folder}/wires.jsonl#r{i}"));
    }
    if records > 0 {
        std::fs::write(dir.join("wires.jsonl"), lines).expect("write records");
    }
    ids
}

/// How many times larger than a sample of `files` files and `records` records a corpus must be
/// for one `index` run over it (as [`Env::start_index`] runs it) to last about `seconds`. Runs
/// over the sample and over four times the sample are timed, and the difference gives the time
/// an article takes without the start-up: the tests that kill runs midway then get a long
/// enough run whether the binary is a debug or a release build, on a slow machine or a fast one.
pub fn scale_for(seconds: f64, files: usize, records: usize) -> usize {
    let time = |times: usize| {
        let env = Env::empty();
        many_articles(&env.path("sample"), files * times, records * times);
        let started = std::time::Instant::now();
        let status = env
            .start_index(&["sample"])
            .wait()
            .expect("time a sample run");
        assert!(status.success(), "the sample run failed: {status}");
        started.elapsed().as_secs_f64()
    };
    let per_sample = ((time(4) - time(1)) / 3.0).max(0.001);
    (seconds / per_sample).ceil().max(1.0) as usize
}

/// The ids of every article in the index, from `search --json`, asserting each is listed once.
pub fn indexed_ids(env: &Env) -> BTreeSet<String> {
    let run = env.run(&[
        "search", "--json", "--limit", "1000000", "--facets", "source",
    ]);
    assert!(run.code == 0 || run.code == 1, "search failed: {run:?}");
    let ids = hit_ids(&run.json());
    let set: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(set.len(), ids.len(), "an article is indexed twice");
    set
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
