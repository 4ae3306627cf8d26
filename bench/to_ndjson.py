#!/usr/bin/env python3
"""Turn a corpus folder into the NDJSON that tantivy-cli indexes: {"id", "title", "body", "places"}.

Text files give a title (first line) and a body (the rest); JSON Lines records keep their own
title, body and places. This is the plain-indexing baseline newsdex is compared with.

    to_ndjson.py SOURCE > corpus.ndjson
"""
import json
import os
import sys


def text_article(path, rel):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    title, _, body = text.strip().partition("\n")
    return {"id": rel, "title": title.strip(), "body": body.strip(), "places": []}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    out = sys.stdout
    paths = [root] if os.path.isfile(root) else [
        os.path.join(d, n) for d, _, names in sorted(os.walk(root)) for n in sorted(names)
    ]
    for path in paths:
        rel = os.path.relpath(path, root) if path != root else os.path.basename(path)
        if path.endswith((".jsonl", ".ndjson")):
            with open(path, encoding="utf-8", errors="replace") as f:
                for n, line in enumerate(f, 1):
                    try:
                        obj = json.loads(line)
                    except ValueError:
                        continue
                    if not isinstance(obj, dict):
                        continue
                    doc = {
                        "id": f"{rel}#{obj.get('id', n)}",
                        "title": str(obj.get("title") or ""),
                        "body": str(obj.get("body") or obj.get("text") or ""),
                        "places": [str(p) for p in obj.get("places") or []],
                    }
                    out.write(json.dumps(doc) + "\n")
        elif path.endswith((".txt", ".md", ".html", ".htm")):
            out.write(json.dumps(text_article(path, rel)) + "\n")


if __name__ == "__main__":
    main()
