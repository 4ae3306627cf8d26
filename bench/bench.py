#!/usr/bin/env python3
"""The newsdex benchmark: indexing speed against tantivy-cli, incremental re-indexing, memory at
two corpus sizes, and query latency. Called by run.sh; see README.md here.

    bench.py --size-mb 1024 [--threads 2] [--runs 3] [--out bench/out] [--newsdex BIN]
             [--query-latency BIN]
"""
import argparse
import http.client
import json
import os
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NEWSDEX = os.path.join(ROOT, "target", "release", "newsdex")
QUERY_LATENCY = os.path.join(ROOT, "target", "release", "examples", "query_latency")
TANTIVY_SCHEMA = {
    "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
    "segments": [],
    "schema": [
        {"name": "id", "type": "text", "options": {"indexing": {"record": "basic", "fieldnorms": False, "tokenizer": "raw"}, "stored": True, "fast": False}},
        {"name": "title", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": True, "tokenizer": "en_stem"}, "stored": True, "fast": False}},
        {"name": "body", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": True, "tokenizer": "en_stem"}, "stored": True, "fast": False}},
        {"name": "places", "type": "text", "options": {"indexing": {"record": "basic", "fieldnorms": False, "tokenizer": "raw"}, "stored": True, "fast": False}},
    ],
    "opstamp": 0,
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def measure(cmd, stdin_path=None):
    """Wall, CPU and peak RSS of one run of cmd (via measure.py, so RSS is this command's own)."""
    wrapper = [sys.executable, os.path.join(HERE, "measure.py"), "--quiet", "--"] + cmd
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        out = subprocess.run(wrapper, stdin=stdin, stdout=subprocess.PIPE, check=True).stdout
    finally:
        if stdin_path:
            stdin.close()
    res = json.loads(out.decode().strip().splitlines()[-1])
    if res["status"] not in (0, 1):
        raise SystemExit(f"command failed ({res['status']}): {' '.join(cmd)}")
    return res


def median_of(runs, prepare, cmd, mb):
    """Median wall/CPU/RSS of `runs` runs; prepare() is called before each (e.g. to drop the index)."""
    results = []
    for _ in range(runs):
        prepare()
        results.append(measure(cmd))
    wall = statistics.median(r["wall_s"] for r in results)
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(statistics.median(r["cpu_s"] for r in results), 3),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
        "mb_per_s": round(mb / wall, 1) if wall else None,
        "runs": [r["wall_s"] for r in results],
    }


def dir_mb(path):
    total = 0
    for d, _, names in os.walk(path):
        for n in names:
            total += os.path.getsize(os.path.join(d, n))
    return round(total / 1024 / 1024, 1)


def corpus_mb(path):
    return os.path.getsize(path) / 1024 / 1024 if os.path.isfile(path) else dir_mb(path)


def newsdex_index(newsdex, paths, index, threads):
    return [newsdex, "index", *paths, "--index", index, "--threads", str(threads), "--quiet"]


def fresh(path):
    def prepare():
        shutil.rmtree(path, ignore_errors=True)
    return prepare


def touch_fraction(corpus, fraction, seed=7):
    """Append a sentence to a fraction of the text files: a 1% edit of the corpus."""
    files = sorted(
        os.path.join(d, n) for d, _, names in os.walk(corpus) for n in names if n.endswith(".txt")
    )
    chosen = random.Random(seed).sample(files, max(1, int(len(files) * fraction)))
    for path in chosen:
        with open(path, "a", encoding="utf-8") as f:
            f.write("\n\nThe ministry said on Monday that talks would resume next week.\n")
    return len(chosen)


def tantivy_cli(ndjson, index, threads):
    shutil.rmtree(index, ignore_errors=True)
    os.makedirs(index)
    with open(os.path.join(index, "meta.json"), "w") as f:
        json.dump(TANTIVY_SCHEMA, f)
    return ["tantivy", "index", "-i", index, "-f", ndjson, "-t", str(threads)]


def tantivy_cli_median(source, ndjson, index, a, mb):
    """tantivy-cli indexing `source` (turned into `ndjson` first) into `index`: medians of a.runs."""
    with open(ndjson, "w") as f:
        subprocess.run([sys.executable, os.path.join(HERE, "to_ndjson.py"), source], stdout=f, check=True)
    runs = [measure(tantivy_cli(ndjson, index, a.threads)) for _ in range(a.runs)]
    wall = statistics.median(r["wall_s"] for r in runs)
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 3),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "mb_per_s": round(mb / wall, 1),
        "runs": [r["wall_s"] for r in runs],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--size-mb", type=float, default=1024)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--reuters-only", action="store_true",
                    help="only the Reuters step: newsdex against tantivy-cli, and extract")
    ap.add_argument("--newsdex", default=NEWSDEX, help="the newsdex binary to measure")
    ap.add_argument("--query-latency", default=QUERY_LATENCY, help="the query_latency example binary")
    a = ap.parse_args()

    corpora = os.path.join(a.shared, "corpora")
    reuters = os.path.join(corpora, "reuters21578", "reuters21578.jsonl")
    os.makedirs(a.out, exist_ok=True)
    res = {"threads": a.threads, "runs": a.runs, "size_mb": a.size_mb}
    have_tantivy = shutil.which("tantivy") is not None

    # 1. Reuters: newsdex against plain tantivy-cli, same threads.
    log("indexing reuters21578.jsonl with newsdex")
    idx = os.path.join(a.out, "idx-reuters")
    mb = corpus_mb(reuters)
    res["reuters"] = median_of(a.runs, fresh(idx), newsdex_index(a.newsdex, [reuters], idx, a.threads), mb)
    res["reuters"]["index_mb"] = dir_mb(idx)
    if have_tantivy:
        log("indexing reuters21578.jsonl with tantivy-cli")
        ndjson = os.path.join(a.out, "reuters.ndjson")
        tidx = os.path.join(a.out, "idx-tantivy-reuters")
        res["tantivy_cli_reuters"] = tantivy_cli_median(reuters, ndjson, tidx, a, mb)
        res["ratio_newsdex_over_tantivy_cli"] = round(
            res["reuters"]["wall_s"] / res["tantivy_cli_reuters"]["wall_s"], 2)
    else:
        log("tantivy-cli not on PATH: skipping the baseline (cargo install tantivy-cli)")
    # Enrichment alone, on one thread, with no index: the part of newsdex's work that plain
    # indexing does not have.
    log("extracting reuters21578.jsonl (enrichment alone, one thread)")
    extract = median_of(a.runs, lambda: None, [a.newsdex, "extract", reuters], mb)
    res["reuters_extract"] = {k: extract[k] for k in ("wall_s", "cpu_s", "mb_per_s")}
    if a.reuters_only:
        print_table(res)
        return

    # 2. Large corpora: a quarter of the size and the full size, to show memory does not grow.
    sizes = sorted({round(a.size_mb / 4, 1), a.size_mb})
    for size in sizes:
        corpus = os.path.join(a.out, f"corpus-{size:g}mb")
        log(f"building a {size:g} MB corpus")
        subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), corpora, corpus, str(size)],
                       check=True, stdout=subprocess.DEVNULL)
        mb = corpus_mb(corpus)
        idx = os.path.join(a.out, f"idx-{size:g}mb")
        log(f"indexing the {size:g} MB corpus ({a.runs} runs)")
        entry = median_of(a.runs, fresh(idx), newsdex_index(a.newsdex, [corpus], idx, a.threads), mb)
        entry["corpus_mb"] = round(mb, 1)
        entry["index_mb"] = dir_mb(idx)
        res[f"large_{size:g}mb"] = entry
    big_mb = corpus_mb(os.path.join(a.out, f"corpus-{a.size_mb:g}mb"))
    if have_tantivy:
        log(f"indexing the {a.size_mb:g} MB corpus with tantivy-cli ({a.runs} runs)")
        ndjson = os.path.join(a.out, "large.ndjson")
        tidx = os.path.join(a.out, "idx-tantivy-large")
        res["tantivy_cli_large"] = tantivy_cli_median(
            os.path.join(a.out, f"corpus-{a.size_mb:g}mb"), ndjson, tidx, a, big_mb)
        os.remove(ndjson)
        shutil.rmtree(tidx, ignore_errors=True)
    big_corpus = os.path.join(a.out, f"corpus-{a.size_mb:g}mb")
    big_idx = os.path.join(a.out, f"idx-{a.size_mb:g}mb")
    full = res[f"large_{a.size_mb:g}mb"]["wall_s"]

    # 3. Incremental: nothing changed, then 1% of the files changed.
    log("re-indexing with nothing changed")
    same = median_of(a.runs, lambda: None, newsdex_index(a.newsdex, [big_corpus], big_idx, a.threads), 0)
    res["reindex_unchanged"] = {"wall_s": same["wall_s"], "share_of_full": round(same["wall_s"] / full, 4)}
    log("re-indexing after changing 1% of the files")
    changed = touch_fraction(big_corpus, 0.01)
    one = measure(newsdex_index(a.newsdex, [big_corpus], big_idx, a.threads))
    res["reindex_1pct"] = {"files_changed": changed, "wall_s": one["wall_s"],
                           "share_of_full": round(one["wall_s"] / full, 4)}

    # 4. Queries: in one process, then one cold process.
    queries = os.path.join(HERE, "queries.txt")
    if os.path.exists(a.query_latency):
        log("running the query set in one process")
        out = subprocess.run([a.query_latency, "--index", big_idx, queries], stdout=subprocess.PIPE, check=True)
        res["queries"] = json.loads(out.stdout)
    cold = []
    for _ in range(5):
        cold.append(measure([a.newsdex, "search", "tariff", "--country", "CN", "--index", big_idx])["wall_s"])
    res["cold_search_process_s"] = round(statistics.median(cold), 3)

    log("timing the same queries through `newsdex serve` (JSON API) and its pages")
    res["serve"] = serve_latency(a.newsdex, big_idx, queries)

    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(res, f, indent=2)
    with open(os.path.join(a.out, "serve.md"), "w") as f:
        f.write(serve_markdown(res))
    print_table(res)


def api_path(line):
    """A query-set line (`search tariff --country CN`) as the JSON API request it equals."""
    words = shlex.split(line)
    command, args = words[0], words[1:]
    params, text = [], []
    i = 0
    while i < len(args):
        if args[i].startswith("--"):
            params.append((args[i][2:].replace("-", "_"), args[i + 1]))
            i += 2
        else:
            # A phrase stays a phrase, as the shell would have passed it.
            text.append(f'"{args[i]}"' if " " in args[i] else args[i])
            i += 1
    if command == "facets":
        params.insert(0, ("field", text.pop(0)))
    if text:
        # The directory is looked up by name; everything else searches text.
        params.insert(0, ("name" if command == "speakers" else "q", " ".join(text)))
    return f"/api/{command}?" + urllib.parse.urlencode(params)


def route(path):
    return path.split("?", 1)[0]


def percentile(sorted_ms, q):
    """The q-quantile of sorted times (nearest rank), rounded to 0.1 ms."""
    return round(sorted_ms[min(len(sorted_ms) - 1, int(q * len(sorted_ms)))], 1)


class Server:
    """`newsdex serve` on a free port, answering GETs with their time to first byte and total."""

    def __init__(self, newsdex, index):
        self.process = subprocess.Popen([newsdex, "serve", "--index", index, "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        address = self.process.stdout.readline().strip().rsplit("http://", 1)[1].rstrip("/")
        self.host, port = address.split(":")
        self.port = int(port)

    def wait_warm(self):
        """Wait for the server to say its engine is warm; the milliseconds it says it took."""
        for line in self.process.stderr:
            m = re.search(r"index warm in (\d+) ms", line)
            if m:
                return int(m.group(1))
        raise SystemExit("serve: stopped before saying it was warm")

    def get(self, path):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        start = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        first_byte = time.perf_counter() - start
        body = response.read()
        total = time.perf_counter() - start
        conn.close()
        if response.status != 200:
            raise SystemExit(f"serve: {path} gave {response.status}: {body[:200]!r}")
        return first_byte, total, body

    def stop(self):
        self.process.kill()
        self.process.wait()


def serve_latency(newsdex, index, queries, rounds=3):
    """Through `newsdex serve`: p50/p95/max per API route over the query set (plus a few
    articles), and each page's time to first byte, both on a server that has answered every
    request once (warm) and as the first request a fresh server answers (first)."""
    server = Server(newsdex, index)
    try:
        paths = [api_path(l.strip()) for l in open(queries)
                 if l.strip() and not l.startswith("#")]
        first = json.loads(server.get("/api/search?q=tariff&limit=5")[2])
        top = json.loads(server.get("/api/speakers?top=1")[2])
        paths += ["/api/article?" + urllib.parse.urlencode({"id": h["id"]}) for h in first["hits"]]
        for p in paths:  # warm up, as the in-process run does
            server.get(p)
        by_route = {}
        for _ in range(rounds):
            for p in paths:
                by_route.setdefault(route(p), []).append(server.get(p)[1] * 1000)
        times = sorted(t for ts in by_route.values() for t in ts)
        api = {}
        for r, ts in sorted(by_route.items()):
            ts.sort()
            api[r] = {"requests": len(ts), "p50_ms": percentile(ts, 0.5),
                      "p95_ms": percentile(ts, 0.95), "max_ms": round(ts[-1], 1)}
        pages = ["/", "/?q=tariff&country=CN", "/quotes", "/quotes?q=tariff", "/speakers",
                 "/speakers?country=US", "/facets?field=speaker"]
        if first["hits"]:
            pages.append("/article?" + urllib.parse.urlencode({"id": first["hits"][0]["id"]}))
        if top["speakers"]:
            pages.append("/speaker?" + urllib.parse.urlencode({"name": top["speakers"][0]["name"]}))
        for p in pages:
            server.get(p)
        warm = {p: round(statistics.median(server.get(p)[0] * 1000 for _ in range(rounds)), 1)
                for p in pages}
    finally:
        server.stop()
    # The first request of each page on a server of its own: what the first visitor after a
    # start (or a commit) waits. Once the server says its engine is warm, and at once, while
    # the warm-up is still running beside it.
    cold, at_start, warm_up = {}, {}, []
    for p in pages:
        fresh = Server(newsdex, index)
        try:
            warm_up.append(fresh.wait_warm())
            cold[p] = round(fresh.get(p)[0] * 1000, 1)
        finally:
            fresh.stop()
        fresh = Server(newsdex, index)
        try:
            at_start[p] = round(fresh.get(p)[0] * 1000, 1)
        finally:
            fresh.stop()
    return {"api_requests": len(times), "api_p50_ms": percentile(times, 0.5),
            "api_p95_ms": percentile(times, 0.95), "api_max_ms": round(times[-1], 1),
            "api": api, "page_ttfb_ms": warm, "page_first_request_ttfb_ms": cold,
            "page_first_request_at_start_ttfb_ms": at_start,
            "warm_up_ms": round(statistics.median(warm_up))}


def serve_markdown(res):
    """The serve figures as Markdown tables, for the README."""
    v = res["serve"]
    lines = ["| API route | requests | p50 | p95 | max |", "|---|---:|---:|---:|---:|"]
    for r, a in v["api"].items():
        lines.append(f"| `{r}` | {a['requests']} | {a['p50_ms']} ms | {a['p95_ms']} ms | {a['max_ms']} ms |")
    lines.append(f"| all | {v['api_requests']} | {v['api_p50_ms']} ms | {v['api_p95_ms']} ms | {v['api_max_ms']} ms |")
    lines += ["", "| page | first byte, warm (median of 3) | first request, once warm "
              "| first request, at start |", "|---|---:|---:|---:|"]
    for p, ms in v["page_ttfb_ms"].items():
        shown = p if len(p) <= 50 else p[:47] + "..."
        lines.append(f"| `{shown}` | {ms} ms | {v['page_first_request_ttfb_ms'][p]} ms "
                     f"| {v['page_first_request_at_start_ttfb_ms'][p]} ms |")
    lines += ["", f"Warming a commit took {v['warm_up_ms']} ms (median over the fresh servers)."]
    return "\n".join(lines) + "\n"


def print_table(res):
    rows = [("measure", "value")]
    def add(name, value):
        rows.append((name, value))
    r = res["reuters"]
    add("reuters21578.jsonl newsdex wall / CPU", f"{r['wall_s']} s / {r['cpu_s']} s ({r['mb_per_s']} MB/s, {r['peak_rss_mb']} MB RSS)")
    if "tantivy_cli_reuters" in res:
        t = res["tantivy_cli_reuters"]
        add("reuters21578.jsonl tantivy-cli wall / CPU", f"{t['wall_s']} s / {t['cpu_s']} s ({t['mb_per_s']} MB/s, {t['peak_rss_mb']} MB RSS)")
        add("ratio newsdex / tantivy-cli", f"{res['ratio_newsdex_over_tantivy_cli']}")
    x = res["reuters_extract"]
    add("reuters21578.jsonl enrichment alone (extract, 1 thread)", f"{x['wall_s']} s / {x['cpu_s']} s CPU ({x['mb_per_s']} MB/s)")
    for key in sorted(k for k in res if k.startswith("large_")):
        e = res[key]
        add(f"{e['corpus_mb']} MB corpus wall / CPU", f"{e['wall_s']} s / {e['cpu_s']} s ({e['mb_per_s']} MB/s)")
        add(f"{e['corpus_mb']} MB corpus peak RSS / index size", f"{e['peak_rss_mb']} MB / {e['index_mb']} MB")
    if "tantivy_cli_large" in res:
        t = res["tantivy_cli_large"]
        add(f"{res['size_mb']:g} MB corpus tantivy-cli wall / CPU", f"{t['wall_s']} s / {t['cpu_s']} s ({t['mb_per_s']} MB/s, {t['peak_rss_mb']} MB RSS)")
    if "reindex_unchanged" in res:
        u, o = res["reindex_unchanged"], res["reindex_1pct"]
        add("re-index, nothing changed", f"{u['wall_s']} s ({100 * u['share_of_full']:.1f}% of full)")
        add(f"re-index, 1% changed ({o['files_changed']} files)", f"{o['wall_s']} s ({100 * o['share_of_full']:.1f}% of full)")
    if "queries" in res:
        q = res["queries"]
        add(f"{q['count']} queries in one process p50 / p95 / max", f"{q['p50_ms']} / {q['p95_ms']} / {q['max_ms']} ms")
    if "serve" in res:
        v = res["serve"]
        add(f"serve: {v['api_requests']} API requests p50 / p95 / max",
            f"{v['api_p50_ms']} / {v['api_p95_ms']} / {v['api_max_ms']} ms")
        for r, a in v["api"].items():
            add(f"serve: {r} ({a['requests']}) p50 / p95 / max",
                f"{a['p50_ms']} / {a['p95_ms']} / {a['max_ms']} ms")
        for page, ms in v["page_ttfb_ms"].items():
            add(f"serve: page {page[:40]} first byte warm / first once warm / at start",
                f"{ms} / {v['page_first_request_ttfb_ms'][page]} / "
                f"{v['page_first_request_at_start_ttfb_ms'][page]} ms")
        add("serve: warming a commit (median)", f"{v['warm_up_ms']} ms")
    if "cold_search_process_s" in res:
        add("cold `newsdex search` process (median of 5)", f"{res['cold_search_process_s'] * 1000:.0f} ms")
    width = max(len(a) for a, _ in rows)
    for a, b in rows:
        print(f"{a:<{width}}  {b}")


if __name__ == "__main__":
    main()
