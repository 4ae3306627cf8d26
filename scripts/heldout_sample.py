#!/usr/bin/env python3
"""Draw a sample of articles for hand-marked tariff rates (tests/heldout/).

The candidates are the articles of peoplesdaily-tariffs-2018/ and reuters21578 that are not in
the countries-and-tariffs dev gold and have a sentence with both a tariff word (tariff, duty,
levy, surcharge) and a percentage. Articles already in tests/heldout/tariffs.jsonl are left out,
so each run draws articles no rule has been checked against. The sample is printed as JSON
Lines with an empty `tariff_rates`, ready to be marked by hand, sorted by path.

    python3 scripts/heldout_sample.py ../shared/corpora --pd 15 --reuters 15 --seed 7
"""

import argparse
import json
import os
import random
import re
import sys

TARIFF_WORD = re.compile(r"\b(tariff|dut(y|ies)|lev(y|ies)|surcharge)", re.I)
PERCENT = re.compile(r"\d[\d.,]*\s*(%|per ?cent|pct)", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def states_a_rate(text):
    """Whether one sentence of `text` has both a tariff word and a percentage."""
    return any(
        TARIFF_WORD.search(s) and PERCENT.search(s) for s in SENTENCE_END.split(text)
    )


def candidates(corpora, skip):
    """Paths of People's Daily and Reuters candidates, in corpus order, without `skip`."""
    pd, reuters = [], []
    folder = os.path.join(corpora, "peoplesdaily-tariffs-2018")
    for name in sorted(os.listdir(folder)):
        path = f"peoplesdaily-tariffs-2018/{name}"
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            if path not in skip and states_a_rate(f.read()):
                pd.append(path)
    jsonl = os.path.join(corpora, "reuters21578", "reuters21578.jsonl")
    with open(jsonl, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            record = json.loads(line)
            path = f"reuters21578/reuters21578.jsonl#{record.get('id', n)}"
            text = f"{record.get('title') or ''}\n{record.get('body') or ''}"
            if path not in skip and states_a_rate(text):
                reuters.append(path)
    return pd, reuters


def paths_of(gold):
    with open(gold, encoding="utf-8") as f:
        return {json.loads(line)["path"] for line in f if line.strip()}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", help="the shared corpora folder")
    ap.add_argument("--pd", type=int, default=15, help="People's Daily articles to draw")
    ap.add_argument("--reuters", type=int, default=15, help="Reuters wires to draw")
    ap.add_argument("--seed", type=int, required=True, help="the random seed (write it down)")
    ap.add_argument(
        "--dev-gold",
        default=os.path.join(here, "../../shared/eval/countries-tariffs.dev.gold.jsonl"),
    )
    ap.add_argument(
        "--heldout", default=os.path.join(here, "../tests/heldout/tariffs.jsonl")
    )
    args = ap.parse_args()
    skip = paths_of(args.dev_gold) | paths_of(args.heldout)
    pd, reuters = candidates(args.corpora, skip)
    print(f"candidates: {len(pd)} People's Daily, {len(reuters)} Reuters", file=sys.stderr)
    rng = random.Random(args.seed)
    drawn = rng.sample(pd, min(args.pd, len(pd))) + rng.sample(
        reuters, min(args.reuters, len(reuters))
    )
    for path in sorted(drawn, key=lambda p: (p.split("#")[0], int(p.split("#")[1]) if "#" in p else 0)):
        print(json.dumps({"path": path, "tariff_rates": []}))


if __name__ == "__main__":
    main()
