//! `newsdex serve`: every page and API route over HTTP on 127.0.0.1, checked against the
//! command line's `--json` for the same request.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, ChildStderr, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::util::Env;

/// A running server, stopped when dropped.
struct Served {
    child: Child,
    addr: SocketAddr,
    /// What the server says on stderr, when asked for (see [`Served::wait_warm`]).
    stderr: Option<BufReader<ChildStderr>>,
}

impl Served {
    fn start(env: &Env) -> Served {
        Served::start_with(env, Stdio::null())
    }

    /// A server whose stderr is kept, to wait until it says its engine is warm.
    fn start_listened(env: &Env) -> Served {
        Served::start_with(env, Stdio::piped())
    }

    /// Wait until the server says a commit is warm.
    fn wait_warm(&mut self) {
        let stderr = self.stderr.as_mut().expect("a server started listened");
        let mut line = String::new();
        loop {
            line.clear();
            let read = stderr.read_line(&mut line).expect("read stderr");
            assert!(read > 0, "the server stopped before saying it was warm");
            if line.starts_with("newsdex: index warm in ") {
                return;
            }
        }
    }

    fn start_with(env: &Env, stderr: Stdio) -> Served {
        let mut child = env
            .command(&["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start newsdex serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the address");
        let url = line
            .trim()
            .rsplit(' ')
            .next()
            .and_then(|u| u.strip_prefix("http://"))
            .and_then(|u| u.strip_suffix('/'))
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        let stderr = child.stderr.take().map(BufReader::new);
        Served {
            child,
            addr: url.parse().expect("an address"),
            stderr,
        }
    }

    fn get(&self, path: &str) -> Response {
        get(self.addr, path)
    }

    /// A JSON route's body, asserting a 200 and the JSON content type.
    fn json(&self, path: &str) -> Value {
        let res = self.get(path);
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        assert_eq!(res.content_type, "application/json", "{path}");
        serde_json::from_str(&res.body).expect("JSON")
    }

    /// A page's body, asserting a 200 and HTML.
    fn page(&self, path: &str) -> String {
        let res = self.get(path);
        assert_eq!(res.status, 200, "{path}: {}", res.body);
        assert_eq!(res.content_type, "text/html; charset=utf-8", "{path}");
        res.body
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    content_type: String,
    body: String,
}

/// One HTTP/1.1 GET on a fresh connection.
fn get(addr: SocketAddr, path: &str) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let raw = String::from_utf8(raw).expect("UTF-8 response");
    let (head, body) = raw.split_once("\r\n\r\n").expect("headers end");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    let content_type = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-type")
                .then(|| value.trim().to_string())
        })
        .unwrap_or_default();
    Response {
        status,
        content_type,
        body: body.to_string(),
    }
}

/// `path` with `value` percent-encoded as its last parameter.
fn with(path: &str, key: &str, value: &str) -> String {
    let encoded: String = form_urlencoded::Serializer::new(String::new())
        .append_pair(key, value)
        .finish();
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}{encoded}")
}

#[test]
fn every_api_route_gives_what_the_cli_json_gives() {
    let env = Env::sample();
    let served = Served::start(&env);
    let cases: &[(&str, &[&str])] = &[
        (
            "/api/search?q=tariffs&limit=5",
            &["search", "tariffs", "--limit", "5"],
        ),
        (
            "/api/search?country=China&sort=date&limit=3&offset=1&facets=country,year,tariff",
            &[
                "search",
                "--country",
                "China",
                "--sort",
                "date",
                "--limit",
                "3",
                "--offset",
                "1",
                "--facets",
                "country,year,tariff",
            ],
        ),
        (
            "/api/search?sort=tariff&tariff_min=10",
            &["search", "--sort", "tariff", "--tariff-min", "10"],
        ),
        (
            "/api/quotes?q=tariffs&limit=4",
            &["quotes", "tariffs", "--limit", "4"],
        ),
        (
            "/api/quotes?kind=direct&sort=date",
            &["quotes", "--kind", "direct", "--sort", "date"],
        ),
        ("/api/speakers", &["speakers"]),
        ("/api/speakers?top=3", &["speakers", "--top", "3"]),
        ("/api/facets?field=country", &["facets", "country"]),
        (
            "/api/facets?field=speaker&q=tariffs&top=5",
            &["facets", "speaker", "tariffs", "--top", "5"],
        ),
    ];
    for (path, args) in cases {
        let mut cli = args.to_vec();
        cli.push("--json");
        let want = env.run(&cli).json();
        assert_eq!(served.json(path), want, "{path} against {args:?}");
    }
    let id = want_first_id(&env);
    let want = env.run(&["show", &id, "--json"]).code(0).json();
    assert_eq!(served.json(&with("/api/article", "id", &id)), want);
}

fn want_first_id(env: &Env) -> String {
    env.run(&["search", "tariffs", "--json", "--limit", "1"])
        .json()["hits"][0]["id"]
        .as_str()
        .expect("an id")
        .to_string()
}

#[test]
fn every_page_shows_the_numbers_the_cli_gives() {
    let env = Env::sample();
    let served = Served::start(&env);

    let search = env.run(&["search", "tariffs", "--json"]).json();
    let page = served.page("/?q=tariffs");
    let total = search["total"].as_u64().unwrap();
    assert!(
        page.contains(&format!("1–10 of {total} articles")),
        "{page}"
    );
    for country in search["facets"]["country"].as_array().unwrap() {
        let code = country["value"].as_str().unwrap();
        assert!(
            page.contains(&format!("country={code}\"")),
            "no link to {code}"
        );
    }

    let quotes = env.run(&["quotes", "--json"]).json();
    let page = served.page("/quotes");
    let total = quotes["total"].as_u64().unwrap();
    assert!(page.contains(&format!("1–10 of {total} quotes")), "{page}");
    assert_eq!(page.matches("<article class=\"quote\">").count(), 10);

    let speakers = env.run(&["speakers", "--json"]).json();
    let top = &speakers["speakers"][0];
    let name = top["name"].as_str().unwrap();
    let page = served.page("/speakers");
    assert!(page.contains(name));
    let page = served.page(&with("/speaker", "name", name));
    assert!(
        page.contains(&format!(
            "{} in {}",
            plural(&top["quotes"], "quote"),
            plural(&top["articles"], "article")
        )),
        "{page}"
    );
    assert!(page.contains("<svg"));

    let facets = env.run(&["facets", "year", "--json"]).json();
    let page = served.page("/facets?field=year");
    assert!(page.contains(&format!(
        "{} values over {} articles",
        facets["distinct"], facets["total"]
    )));

    let id = want_first_id(&env);
    let shown = env.run(&["show", &id, "--json"]).json();
    let page = served.page(&with("/article", "id", &id));
    let quotes = shown["quotes"].as_array().unwrap();
    assert_eq!(page.matches("<mark id=\"q").count(), quotes.len(), "{page}");
}

fn plural(n: &Value, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[test]
fn article_text_is_shown_as_text_never_as_markup() {
    let env = Env::empty();
    std::fs::create_dir(env.path("news")).unwrap();
    std::fs::write(
        env.path("news/attack.txt"),
        "<script>alert('title')</script> \"><img src=x onerror=alert(1)>\n\
         March 3, 2025\n\n\
         \"<script>alert('quote')</script> is no answer,\" said Jane Doe, the trade minister. \
         Tariffs of 25% on \"><img src=x onerror=alert(2)> steel remain.\n",
    )
    .unwrap();
    env.run(&["index", "news"]).code(0);
    let served = Served::start(&env);
    let pages = [
        "/?q=script".to_string(),
        "/?q=onerror".to_string(),
        "/quotes".to_string(),
        "/facets?field=speaker".to_string(),
        with("/article", "id", "news/attack.txt"),
    ];
    for path in &pages {
        let page = served.page(path);
        assert!(!page.contains("<script"), "{path}: {page}");
        assert!(!page.contains("<img"), "{path}: {page}");
    }
    let article = served.page(&with("/article", "id", "news/attack.txt"));
    assert!(
        article.contains("&lt;script&gt;alert('title')&lt;/script&gt;"),
        "{article}"
    );
    assert!(
        article.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"),
        "{article}"
    );
    let res = served.get("/");
    assert_eq!(res.status, 200);
}

#[test]
fn bad_parameters_get_400_with_a_message() {
    let env = Env::sample();
    let served = Served::start(&env);
    let long = "a".repeat(501);
    let cases = [
        (
            "/api/search?limit=1000".to_string(),
            "`limit` is at most 100",
        ),
        (
            "/api/search?limit=ten".to_string(),
            "`limit` is a whole number",
        ),
        (
            "/api/search?country=Atlantis".to_string(),
            "unknown country `Atlantis`",
        ),
        ("/api/search?since=2019&until=2018".to_string(), "is after"),
        ("/api/search?q=%22open".to_string(), "bad query"),
        (
            "/api/search?file=/etc/passwd".to_string(),
            "unknown parameter `file`",
        ),
        (format!("/api/search?q={long}"), "at most 500"),
        (
            "/api/quotes?sort=tariff".to_string(),
            "`sort` is relevance or date",
        ),
        (
            "/api/quotes?kind=rumour".to_string(),
            "`kind` is direct, indirect or mixed",
        ),
        ("/api/facets".to_string(), "`field` is required"),
        (
            "/api/facets?field=colour".to_string(),
            "unknown facet `colour`",
        ),
        ("/api/article".to_string(), "`id` is required"),
        ("/api/speakers?top=100000".to_string(), "`top` is at most"),
    ];
    for (path, message) in &cases {
        let res = served.get(path);
        assert_eq!(res.status, 400, "{path}: {}", res.body);
        assert_eq!(res.content_type, "application/json");
        let body: Value = serde_json::from_str(&res.body).unwrap();
        let error = body["error"].as_str().unwrap();
        assert!(error.contains(message), "{path}: {error}");
    }
    for path in [
        "/?limit=1000",
        "/quotes?kind=rumour",
        "/speaker",
        "/facets?field=colour",
    ] {
        let res = served.get(path);
        assert_eq!(res.status, 400, "{path}");
        assert!(res.content_type.starts_with("text/html"));
    }
    // Ids and paths never reach the file system: an id is only looked up in the index.
    let res = served.get("/api/article?id=../../../../etc/passwd");
    assert_eq!(res.status, 404);
    assert_eq!(served.get("/../../etc/passwd").status, 404);
    assert_eq!(served.get("/static/../Cargo.toml").status, 404);
    assert_eq!(served.get("/speaker?name=Nobody+Atall").status, 404);
}

#[test]
fn a_new_index_run_shows_up_without_a_restart() {
    let env = Env::sample();
    let served = Served::start(&env);
    let find = "/api/search?q=zanzibarite";
    assert_eq!(served.json(find)["total"], 0);
    std::fs::write(
        env.path("sample_corpus/wires/new.txt"),
        "Zanzibarite exports rise\nMay 2, 2025\n\nShipments of zanzibarite rose again.\n",
    )
    .unwrap();
    env.run(&["index", "sample_corpus"]).code(0);
    assert_eq!(served.json(find)["total"], 1);
}

#[test]
fn fifty_concurrent_clients_all_get_answers() {
    let env = Env::sample();
    let served = Served::start(&env);
    let addr = served.addr;
    let paths = [
        "/api/search?q=tariffs",
        "/quotes?q=trade",
        "/speakers",
        "/api/facets?field=country",
    ];
    let workers: Vec<_> = (0..50)
        .map(|n| {
            std::thread::spawn(move || {
                (0..4)
                    .map(|round| get(addr, paths[(n + round) % paths.len()]).status)
                    .collect::<Vec<u16>>()
            })
        })
        .collect();
    for worker in workers {
        let statuses = worker.join().expect("client thread");
        assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    }
    assert_eq!(served.get("/api/speakers").status, 200);
}

/// The directory and the counts over the whole index are kept by the server for a commit:
/// asked twice they are the same, and after a new index run they are those of the new commit,
/// as the command line gives them.
#[test]
fn kept_directory_and_counts_follow_a_new_index_run() {
    let env = Env::sample();
    let served = Served::start(&env);
    let cases: &[(&str, &[&str])] = &[
        ("/api/speakers?top=100", &["speakers", "--top", "100"]),
        ("/api/speakers?kind=org", &["speakers", "--kind", "org"]),
        ("/api/speakers?name=Juma", &["speakers", "Juma"]),
        (
            "/api/search?limit=3&facets=country,speaker,org",
            &["search", "--limit", "3", "--facets", "country,speaker,org"],
        ),
        ("/api/facets?field=speaker", &["facets", "speaker"]),
        ("/api/quotes?limit=3", &["quotes", "--limit", "3"]),
    ];
    let check = |served: &Served| {
        for (path, args) in cases {
            let mut cli = args.to_vec();
            cli.push("--json");
            let want = env.run(&cli).json();
            assert_eq!(served.json(path), want, "{path} against {args:?}");
            assert_eq!(served.json(path), want, "{path} asked again");
        }
    };
    check(&served);
    let before = served.json("/api/speakers?top=100");
    std::fs::write(
        env.path("sample_corpus/wires/juma.txt"),
        "Zanzibarite exports rise\nMay 2, 2025\n\n\"We will ship more zanzibarite this year,\" \
         said Amina Juma, the trade minister of Tanzania.\n",
    )
    .unwrap();
    env.run(&["index", "sample_corpus"]).code(0);
    check(&served);
    let after = served.json("/api/speakers?top=100");
    assert_eq!(
        after["total"].as_u64().unwrap(),
        before["total"].as_u64().unwrap() + 1
    );
    let juma = served.json("/api/speakers?name=Juma");
    assert_eq!(juma["speakers"][0]["name"], "Amina Juma");
}

/// The engine is warmed at start and after each new index run, before any request asks; what
/// a warm server answers is what the command line gives, and so are the pages warmed.
#[test]
fn a_warmed_engine_answers_as_the_cli_does() {
    let env = Env::sample();
    let mut served = Served::start_listened(&env);
    served.wait_warm();
    let cases: &[(&str, &[&str])] = &[
        ("/api/speakers", &["speakers"]),
        ("/api/speakers?top=100", &["speakers", "--top", "100"]),
        ("/api/search?limit=3", &["search", "--limit", "3"]),
        ("/api/quotes?limit=3", &["quotes", "--limit", "3"]),
        ("/api/facets?field=speaker", &["facets", "speaker"]),
        ("/api/facets?field=country", &["facets", "country"]),
    ];
    let check = |served: &Served| {
        for (path, args) in cases {
            let mut cli = args.to_vec();
            cli.push("--json");
            let want = env.run(&cli).json();
            assert_eq!(served.json(path), want, "{path} against {args:?}");
        }
        let top = env.run(&["speakers", "--top", "1", "--json"]).json();
        let top = &top["speakers"][0];
        let name = top["name"].as_str().expect("a top speaker");
        let page = served.page(&with("/speaker", "name", name));
        assert!(
            page.contains(&format!(
                "{} in {}",
                plural(&top["quotes"], "quote"),
                plural(&top["articles"], "article")
            )),
            "{page}"
        );
        let list = served.page("/speakers");
        assert!(list.contains(name), "{name} listed");
    };
    check(&served);
    std::fs::write(
        env.path("sample_corpus/wires/juma.txt"),
        "Zanzibarite exports rise\nMay 2, 2025\n\n\"We will ship more zanzibarite this year,\" \
         said Amina Juma, the trade minister of Tanzania.\n",
    )
    .unwrap();
    env.run(&["index", "sample_corpus"]).code(0);
    // The first request after the index run opens the new commit and starts warming it.
    served.json("/api/speakers?top=1");
    served.wait_warm();
    check(&served);
    let juma = served.json("/api/speakers?name=Juma");
    assert_eq!(juma["speakers"][0]["name"], "Amina Juma");
}
