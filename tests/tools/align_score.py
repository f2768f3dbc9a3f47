#!/usr/bin/env python3
"""align_score.py TRUTH.json ALIGN.json: precision and recall of `chitieu
align` over pairs of indicators from different files, against the hand-made
truth table (tests/data/align/truth.json). Doubtful pairs count neither way.
Prints the figures, the wrong pairs and the missed pairs; exits 1 when
precision < 0.98 or recall < 0.95."""
import itertools
import json
import os
import sys

truth = json.load(open(sys.argv[1]))
out = json.load(open(sys.argv[2]))
short = {v: k for k, v in truth["files"].items()}


def key(member):
    return short[os.path.basename(member["file"])] + ":" + member["code"]


def pair(a, b):
    return tuple(sorted((a, b)))


same = {pair(a, b) for g in truth["same"] for a, b in itertools.combinations(g, 2)}
doubtful = {pair(a, b) for a, b in truth["doubtful"]}
assert not same & doubtful, same & doubtful

names = {}
proposed = set()
seen = set()
for g in out["groups"]:
    ms = [key(m) for m in g["members"]]
    for m in g["members"]:
        names[key(m)] = m["name"]
    files = [k.split(":")[0] for k in ms]
    assert len(files) == len(set(files)), "a group holds two members of one file: %s" % ms
    assert not seen & set(ms), "a member in two groups: %s" % (seen & set(ms))
    seen |= set(ms)
    proposed |= {pair(a, b) for a, b in itertools.combinations(ms, 2)}
for m in out["unmatched"]:
    names[key(m)] = m["name"]
    assert key(m) not in seen, "unmatched and grouped: %s" % key(m)

judged = proposed - doubtful
tp = judged & same
fp = judged - same
fn = same - proposed
precision = len(tp) / len(judged) if judged else 1.0
recall = len(tp) / len(same)
print("truth: %d same pairs, %d doubtful pairs" % (len(same), len(doubtful)))
print("proposed: %d pairs (%d doubtful, not counted)" % (len(proposed), len(proposed & doubtful)))
print("precision %.4f (%d/%d)  recall %.4f (%d/%d)" %
      (precision, len(tp), len(judged), recall, len(tp), len(same)))
for a, b in sorted(fp):
    print("  wrong:  %s %s | %s %s" % (a, names.get(a), b, names.get(b)))
for a, b in sorted(fn):
    print("  missed: %s %s | %s %s" % (a, names.get(a), b, names.get(b)))
sys.exit(0 if precision >= 0.98 and recall >= 0.95 else 1)
