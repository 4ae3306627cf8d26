//! A real browser on `newsdex serve`: Chromium driven over WebDriver (chromedriver) searches
//! the sample corpus, clicks a country facet, opens an article and a speaker page, checks what
//! each page shows against the command line's `--json`, fails on any console message of level
//! SEVERE (a script error, a refused resource, a failed request), and saves screenshots of the
//! four main pages under `docs/`.
//!
//! It needs `chromium` and `chromedriver` (Debian: `apt-get install chromium chromium-driver`),
//! so it is ignored by a plain `cargo test`; `.ci/run` installs both and runs it with
//! `cargo test --test browser -- --ignored`. The WebDriver client is the few calls the test
//! needs, over HTTP/1.1 on 127.0.0.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A child process killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn newsdex(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdex"));
    cmd.args(args);
    cmd
}

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// `newsdex serve` on the index, and the address it listens on.
fn serve(index: &Path) -> (Running, SocketAddr) {
    let mut child = newsdex(&["serve", "--port", "0", "--index"])
        .arg(index)
        .stdout(Stdio::piped())
        .spawn()
        .expect("start newsdex serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read the address");
    let addr = line
        .trim()
        .rsplit(' ')
        .next()
        .and_then(|u| u.strip_prefix("http://"))
        .and_then(|u| u.strip_suffix('/'))
        .and_then(|u| u.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    (Running(child), addr)
}

fn cli_json(index: &Path, args: &[&str]) -> Value {
    let out = newsdex(args)
        .arg("--json")
        .arg("--index")
        .arg(index)
        .output()
        .expect("run newsdex");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// One HTTP/1.1 request; the response body as JSON.
fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&Value>) -> Value {
    let mut stream = TcpStream::connect(addr).expect("connect to chromedriver");
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .expect("timeout");
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    // chromedriver answers with a length and `Connection: close` but may keep the socket
    // open a while: read the headers, then exactly the body they announce.
    let mut reader = BufReader::new(stream);
    let mut length = None;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("read a header");
        let line = line.trim_end().to_ascii_lowercase();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("content-length:") {
            length = n.trim().parse::<usize>().ok();
        }
        chunked |= line.starts_with("transfer-encoding:") && line.contains("chunked");
    }
    let mut content = Vec::new();
    match length {
        Some(n) => {
            content.resize(n, 0);
            reader.read_exact(&mut content).expect("read the body");
        }
        None => {
            reader.read_to_end(&mut content).expect("read the body");
            if chunked {
                content = dechunk(&content);
            }
        }
    }
    serde_json::from_slice(&content).unwrap_or(Value::Null)
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&raw[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&raw[end + 2..end + 2 + size]);
        raw = &raw[end + 2 + size + 2..];
    }
    out
}

/// The key WebDriver names an element by.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Browser {
    driver: SocketAddr,
    session: String,
    _chromedriver: Running,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let chromedriver = Running(
            Command::new("chromedriver")
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start chromedriver (apt-get install chromium-driver)"),
        );
        let driver: SocketAddr = ([127, 0, 0, 1], port).into();
        let started = Instant::now();
        while TcpStream::connect(driver).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().expect("profile dir");
        let mut options = json!({
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        });
        if Path::new("/usr/bin/chromium").exists() {
            options["binary"] = json!("/usr/bin/chromium");
        }
        let created = http(
            driver,
            "POST",
            "/session",
            Some(&json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": options,
                "goog:loggingPrefs": {"browser": "ALL"},
            }}})),
        );
        let session = created["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        Browser {
            driver,
            session,
            _chromedriver: chromedriver,
            _profile: profile,
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let full = format!("/session/{}{path}", self.session);
        let res = http(self.driver, method, &full, body.as_ref());
        if let Some(error) = res["value"].get("error") {
            panic!("{method} {path}: {error}: {}", res["value"]["message"]);
        }
        res["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn url(&self) -> String {
        self.call("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn find(&self, css: &str) -> String {
        let found = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string()
    }

    fn count(&self, css: &str) -> usize {
        self.call(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        )
        .as_array()
        .map_or(0, Vec::len)
    }

    fn text(&self, css: &str) -> String {
        let el = self.find(css);
        self.call("GET", &format!("/element/{el}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn click(&self, css: &str) {
        let el = self.find(css);
        self.call("POST", &format!("/element/{el}/click"), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let el = self.find(css);
        self.call(
            "POST",
            &format!("/element/{el}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// Console messages at SEVERE level since the last call: they fail the test.
    fn assert_no_console_errors(&self, page: &str) {
        let log = self.call("POST", "/se/log", Some(json!({"type": "browser"})));
        let severe: Vec<&Value> = log
            .as_array()
            .map(|entries| entries.iter().filter(|e| e["level"] == "SEVERE").collect())
            .unwrap_or_default();
        assert!(severe.is_empty(), "console errors on {page}: {severe:?}");
    }

    fn screenshot(&self, name: &str) {
        let png = self.call("GET", "/screenshot", None);
        let bytes = base64_decode(png.as_str().expect("base64 PNG"));
        assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::create_dir_all(repo("docs")).expect("docs/");
        std::fs::write(repo("docs").join(name), bytes).expect("save screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.driver,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let digits: Vec<u32> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | d << (18 - 6 * i));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

#[test]
#[ignore = "needs chromium and chromedriver; .ci/run installs them and runs it"]
fn browse_search_facet_article_and_speaker() {
    let work = tempfile::tempdir().expect("temp dir");
    let index = work.path().join("index");
    let status = newsdex(&["index", "--quiet", "--index"])
        .arg(&index)
        .arg(repo("sample_corpus"))
        .status()
        .expect("index the sample corpus");
    assert!(status.code().is_some_and(|c| c == 0 || c == 2), "{status}");
    let (_server, addr) = serve(&index);
    let base = format!("http://{addr}");
    let browser = Browser::start();

    // Type a query.
    browser.goto(&format!("{base}/"));
    browser.type_into("input[name=q]", "tariffs\u{E007}");
    assert!(browser.url().contains("q=tariffs"), "{}", browser.url());
    let want = cli_json(&index, &["search", "tariffs"]);
    let total = browser.text(".pager .total");
    assert!(
        total.ends_with(&format!("of {} articles", want["total"])),
        "{total}"
    );
    assert_eq!(browser.count("article.hit"), 10);
    browser.assert_no_console_errors("the search page");
    browser.screenshot("serve-search.png");

    // Click a country facet: the first listed, the most frequent.
    let code = want["facets"]["country"][0]["value"]
        .as_str()
        .expect("a country");
    browser.click("section[data-facet=country] li a");
    assert!(
        browser.url().contains(&format!("country={code}")),
        "{}",
        browser.url()
    );
    assert!(browser.text("a.chip").contains(&format!("country: {code}")));
    let narrowed = cli_json(&index, &["search", "tariffs", "--country", code]);
    let total = browser.text(".pager .total");
    assert!(
        total.ends_with(&format!("of {} articles", narrowed["total"])),
        "{total}"
    );
    browser.assert_no_console_errors("the search page with a country");

    // Open the first hit: an article with its quotes marked.
    let first = &narrowed["hits"][0];
    browser.click("article.hit h3 a");
    assert_eq!(browser.text("h1.title"), first["title"].as_str().unwrap());
    let shown = cli_json(&index, &["show", first["id"].as_str().unwrap()]);
    let quotes = shown["quotes"].as_array().expect("quotes");
    assert_eq!(browser.count(".body mark"), quotes.len());
    browser.assert_no_console_errors("the article page");
    browser.screenshot("serve-article.png");

    // Open a speaker from the article.
    let speaker = shown["speakers"][0]
        .as_str()
        .expect("the article has a speaker");
    browser.click(".facts a[href^=\"/speaker\"]");
    let person = cli_json(&index, &["speakers", speaker, "--top", "1"]);
    let name = person["speakers"][0]["name"].as_str().expect("a speaker");
    assert!(browser.text("h1.title").contains(name));
    assert_eq!(browser.count("svg.chart rect"), {
        let years: Vec<i64> = cli_json(
            &index,
            &["quotes", "--speaker", name, "--facet-top", "100"],
        )["facets"]["year"]
            .as_array()
            .expect("years")
            .iter()
            .filter_map(|y| y["value"].as_str()?.parse().ok())
            .collect();
        (years.iter().max().unwrap() - years.iter().min().unwrap() + 1) as usize
    });
    browser.assert_no_console_errors("the speaker page");

    // The most quoted speaker, for the screenshot: more years, more bars.
    let top = cli_json(&index, &["speakers", "--top", "1"]);
    let name = top["speakers"][0]["name"].as_str().expect("a speaker");
    browser.goto(&format!("{base}/speakers"));
    browser.click("table.directory tbody a");
    assert!(browser.text("h1.title").contains(name));
    assert!(browser.count("article.quote") > 0);
    browser.assert_no_console_errors("the top speaker's page");
    browser.screenshot("serve-speaker.png");

    // Quotes as cards.
    browser.goto(&format!("{base}/quotes?q=tariffs"));
    let quotes = cli_json(&index, &["quotes", "tariffs"]);
    assert!(
        browser
            .text(".pager .total")
            .ends_with(&format!("of {} quotes", quotes["total"]))
    );
    browser.assert_no_console_errors("the quotes page");
    browser.screenshot("serve-quotes.png");
}
