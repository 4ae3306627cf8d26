#!/usr/bin/env python3
"""Build a large corpus by replicating a source corpus folder until it reaches a size.

Each copy goes into its own folder (copy0001/, copy0002/, ...), so every article gets a fresh
name; JSON Lines records also get fresh ids. The mix of files (text, JSON Lines, ...) is kept.
The last copy is cut short so the total lands near the size asked for.

    make_corpus.py SOURCE DEST SIZE_MB
"""
import json
import os
import shutil
import sys


def files_of(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            out.append((os.path.relpath(path, root), os.path.getsize(path)))
    return out


def copy_jsonl(src, dst, copy_no, budget):
    written = 0
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        for n, line in enumerate(fin, 1):
            if written >= budget:
                break
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                obj["id"] = f"c{copy_no}-{obj.get('id', n)}"
            data = (json.dumps(obj, ensure_ascii=False) + "\n").encode()
            fout.write(data)
            written += len(data)
    return written


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, dest, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    target = int(size_mb * 1024 * 1024)
    files = files_of(source)
    if not files:
        sys.exit(f"no files under {source}")
    if os.path.exists(dest):
        shutil.rmtree(dest)
    total, copy_no, nfiles = 0, 0, 0
    while total < target:
        copy_no += 1
        base = os.path.join(dest, f"copy{copy_no:04d}")
        for rel, size in files:
            if total >= target:
                break
            src, dst = os.path.join(source, rel), os.path.join(base, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            if rel.endswith((".jsonl", ".ndjson")):
                total += copy_jsonl(src, dst, copy_no, target - total)
            else:
                shutil.copyfile(src, dst)
                total += size
            nfiles += 1
    print(json.dumps({"dest": dest, "bytes": total, "files": nfiles, "copies": copy_no}))


if __name__ == "__main__":
    main()
