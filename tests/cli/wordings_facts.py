#!/usr/bin/env python3
"""wordings_facts.py BIN DOC EXPECT: parse DOC with `BIN parse` and check the
facts EXPECT (JSON, written by hand from the document) names: the plan's
title, number, date, milestones and groups when given; the indicators (as
many as listed, in order), each with only the fields listed (a target: its
text, kind, op, value, min, max, and no other year with a text); each
string of "warnings" found in a warning's message. Prints each difference
and "DOC: N/M indicators right"; exits 0 when all hold, 1 otherwise."""
import json
import subprocess
import sys


def main():
    binary, doc, expect = sys.argv[1:4]
    want = json.load(open(expect, encoding="utf-8"))
    r = subprocess.run([binary, "parse", doc, "--format", "json"], capture_output=True,
                       text=True, timeout=60)
    if r.returncode != 0:
        print("%s: refused: %s" % (doc, r.stderr.strip()))
        return 1
    got = json.loads(r.stdout)["plan"]
    bad = False
    for k in ["title", "number", "date", "milestones", "groups"]:
        if k in want and got.get(k) != want[k]:
            print("  %s: got %s, want %s" % (k, json.dumps(got.get(k), ensure_ascii=False),
                                             json.dumps(want[k], ensure_ascii=False)))
            bad = True
    gi, wi = got.get("indicators") or [], want.get("indicators") or []
    if len(gi) != len(wi):
        print("  %d indicators, want %d" % (len(gi), len(wi)))
        bad = True
    right = 0
    for g, w in zip(gi, wi):
        ok = True
        for k, v in w.items():
            if k == "targets":
                gt = {y: t for y, t in (g.get("targets") or {}).items() if t.get("text")}
                if set(gt) != set(v):
                    print("  %s targets: years %s, want %s" % (w.get("code"), sorted(gt), sorted(v)))
                    ok = False
                    continue
                for y, t in v.items():
                    for tk, tv in t.items():
                        if gt[y].get(tk) != tv:
                            print("  %s %s %s: got %s, want %s" % (w.get("code"), y, tk,
                                  json.dumps(gt[y].get(tk), ensure_ascii=False),
                                  json.dumps(tv, ensure_ascii=False)))
                            ok = False
            elif g.get(k) != v:
                print("  %s %s: got %s, want %s" % (w.get("code"), k,
                      json.dumps(g.get(k), ensure_ascii=False), json.dumps(v, ensure_ascii=False)))
                ok = False
        right += ok
        bad |= not ok
    msgs = [x["message"] for x in got.get("warnings") or []]
    for s in want.get("warnings") or []:
        if not any(s in m for m in msgs):
            print("  no warning saying %r" % s)
            bad = True
    print("%s: %d/%d indicators right" % (doc, right, len(wi)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
