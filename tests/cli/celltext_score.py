#!/usr/bin/env python3
"""celltext_score.py BIN DOC GOLDEN: parse DOC and score its indicators
against GOLDEN (a golden facts file, or a whole parse {"plan": ...}) by
code, with variants_facts.py's facts: right (identical), wrong flagged (a
warning names a line of the row the indicator was read from), wrong
unflagged, missing (in GOLDEN, not read). Prints
"DOC: R right, F wrong flagged, U wrong unflagged, M missing, W warnings;
tasks T/N right, X wrong or missing unflagged"
(or "DOC: refused: ..."); exit 0 unless the parse crashed or hung."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import variants_facts as vf  # noqa: E402


def main():
    binary, doc, golden = sys.argv[1:4]
    try:
        r = subprocess.run([binary, "parse", doc, "--format", "json"], capture_output=True,
                           text=True, timeout=120)
    except subprocess.TimeoutExpired:
        print("%s: hung" % doc)
        return 1
    if r.returncode < 0 or r.returncode > 2:
        print("%s: crashed (exit %d)" % (doc, r.returncode))
        return 1
    if r.returncode:
        print("%s: refused: %s" % (doc, r.stderr.strip()[:200]))
        return 0
    got = json.loads(r.stdout)["plan"]
    want = json.load(open(golden, encoding="utf-8"))
    want = want.get("plan", want)
    warns = [w.get("line", 0) for w in got.get("warnings") or []]
    byc = {x["code"]: x for x in got.get("indicators") or []}
    right = flagged = unflagged = missing = 0
    for w in want.get("indicators") or []:
        g = byc.get(w["code"])
        if g is None:
            missing += 1
        elif vf.facts(g, vf.IND) == vf.facts(w, vf.IND):
            right += 1
        else:
            lo, hi = (g.get("source_lines") or [0, 0])[:2]
            if any(lo <= x <= hi for x in warns):
                flagged += 1
            else:
                unflagged += 1
    tw = want.get("tasks") or []
    tg = {x["code"]: x for x in got.get("tasks") or []}
    tright = sum(1 for w in tw if w["code"] in tg and
                 vf.facts(tg[w["code"]], vf.TASK) == vf.facts(w, vf.TASK))
    tunflagged = 0  # a task missing, or wrong with no warning on its lines
    for w in tw:
        g = tg.get(w["code"])
        if g is not None and vf.facts(g, vf.TASK) == vf.facts(w, vf.TASK):
            continue
        lo, hi = ((g or {}).get("source_lines") or [0, 0])[:2]
        if g is None or not any(lo <= x <= hi for x in warns):
            tunflagged += 1
    print("%s: %d right, %d wrong flagged, %d wrong unflagged, %d missing, %d warnings; "
          "tasks %d/%d right, %d wrong or missing unflagged"
          % (doc, right, flagged, unflagged, missing, len(warns), tright, len(tw), tunflagged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
