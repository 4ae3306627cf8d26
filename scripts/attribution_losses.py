#!/usr/bin/env python3
"""Gold quotes the attribution model finds alone but the default (rules and model) loses.

Extract a gold set's corpus twice, with NEWSDEX_ATTRIBUTION=model and with the default, and
compare: every gold quote matched by the model's output and not by the default's is listed
with the default's statement over the same words, and counted by how it was lost:

  runs-on       the default's statement starts where the model's does, or before it, and
                runs on past its end (the rules' content with other bounds)
  starts-before the default's statement starts earlier and ends no later
  inside        the default's statement lies inside the model's (most often one of two parts
                the model links to one cue, the rules taking the other)
  cross         they overlap otherwise
  none          nothing of the default's overlaps it: the combined run never tagged its
                sentence, or the merge left the statement out

Each class also counts the quotes the model matched with one part of a statement it split
in parts (content spans it links to one cue): score.py matches each part on its own, so a
statement of the rules over the same words, in one piece, matches one gold quote where the
model's parts match two.

Matching is score.py's (word-bag F1 >= 0.5, one-to-one), imported from --score.

Usage:
  NEWSDEX_ATTRIBUTION=model newsdex extract CORPUS > model.jsonl
  newsdex extract CORPUS > both.jsonl
  attribution_losses.py GOLD model.jsonl both.jsonl [--show 10] [--score PATH]

Python 3 standard library only.
"""
import argparse
import importlib.util
import os
import random
from collections import Counter, defaultdict


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def how_lost(model_q, default_qs):
    """The class of a lost quote and the default's statement over its words, if any."""
    over = [q for q in default_qs if q["start"] < model_q["end"] and model_q["start"] < q["end"]]
    if not over:
        return "none", None
    d = min(over, key=lambda q: abs(q["start"] - model_q["start"]))
    if d["start"] <= model_q["start"] and d["end"] > model_q["end"]:
        return "runs-on", d
    if d["start"] < model_q["start"] and d["end"] <= model_q["end"]:
        return "starts-before", d
    if d["start"] >= model_q["start"] and d["end"] <= model_q["end"]:
        return "inside", d
    return "cross", d


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("model")
    ap.add_argument("default")
    ap.add_argument("--show", type=int, default=10, help="examples printed per class")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--score", default=os.path.join(here, "..", "..", "shared", "eval", "score.py"),
                    help="path of score.py")
    a = ap.parse_args()
    sc = load_scorer(a.score)
    gold, model, default = sc.load(a.gold), sc.load(a.model), sc.load(a.default)

    counts, by_part, examples = Counter(), Counter(), defaultdict(list)
    for path, g in sorted(gold.items()):
        if "quotes" not in g:
            continue
        gq = sc.long_quotes(g)
        mq = sc.long_quotes(model.get(path, {}))
        dq = sc.long_quotes(default.get(path, {}))
        by_model = {j: i for i, j in sc.match_quotes(mq, gq)}
        by_default = {j for _, j in sc.match_quotes(dq, gq)}
        for j, i in by_model.items():
            if j in by_default:
                continue
            kind, d = how_lost(mq[i][0], [q for q, _, _ in dq])
            counts[kind] += 1
            by_part[kind] += bool(mq[i][2])
            examples[kind].append((path, gq[j][0], mq[i][0], d))

    total = sum(counts.values())
    print(f"{total} gold quotes found by the model alone and lost by the default")
    for kind, n in counts.most_common():
        print(f"  {kind:<14} {n:>4}  ({by_part[kind]} by one part of a split statement)")
    rng = random.Random(a.seed)
    for kind, _ in counts.most_common():
        for path, g, m, d in rng.sample(examples[kind], min(a.show, len(examples[kind]))):
            print(f"\n[{kind}] {path}")
            print(f"  gold:    {g['text'][:200]}")
            print(f"  model:   {m['text'][:200]}  | {m.get('speaker')}")
            if d is not None:
                print(f"  default: {d['text'][:200]}  | {d.get('speaker')}")


if __name__ == "__main__":
    main()
