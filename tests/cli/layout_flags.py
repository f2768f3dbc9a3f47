#!/usr/bin/env python3
"""layout_flags.py BIN DOC GOLDEN MAX_NOISE [CODE...]: parse DOC with `BIN
parse` and hold every indicator against the plan JSON GOLDEN (the facts
layout_facts.py compares): each one must be read identically, or flagged:
a warning of the plan at a line of the indicator's own rows (source_lines),
which the upload page shows on that row or cell. Prints "DOC: R right, F
wrong and flagged, N right and flagged, S wrong and silent" and each
indicator read wrong without a flag; exits 1 when any is (an answer that
would be wrong must be flagged, never silently wrong), when more than
MAX_NOISE indicators read right are flagged (flags on everything would
prove nothing), or when an indicator CODE named is missing or neither
right nor flagged."""
import importlib.util
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("layout_facts", os.path.join(here, "layout_facts.py"))
facts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(facts)


def main():
    binary, doc, golden, noise = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    codes = sys.argv[5:]
    r = subprocess.run([binary, "parse", doc], capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        print("%s: parse failed: %s" % (doc, r.stderr.strip()))
        return 1
    got = json.loads(r.stdout)["plan"]
    want = json.load(open(golden, encoding="utf-8"))["plan"]
    warns = got.get("warnings") or []
    have = {x["code"]: x for x in got.get("indicators") or []}
    status = 0
    right = flagged = noisy = silent = 0
    verdict = {}
    for b in want.get("indicators") or []:
        a = have.get(b["code"])
        if a is None:
            verdict[b["code"]] = "missing"
            continue
        lines = a.get("source_lines") or [0, 0]
        lo, hi = lines[0], max(lines)
        flag = any(lo <= (w.get("line") or 0) <= hi for w in warns)
        same = facts.pick(a, facts.IND) == facts.pick(b, facts.IND)
        if same and not flag:
            right += 1
            verdict[b["code"]] = "right"
        elif same:
            noisy += 1
            verdict[b["code"]] = "right, flagged"
        elif flag:
            flagged += 1
            verdict[b["code"]] = "wrong, flagged"
        else:
            silent += 1
            verdict[b["code"]] = "WRONG, NOT FLAGGED"
            print("  %s read wrong and not flagged" % b["code"])
            status = 1
    print("%s: %d right, %d wrong and flagged, %d right and flagged, %d wrong and silent"
          % (doc, right, flagged, noisy, silent))
    if noisy > noise:
        print("%s: %d indicators read right are flagged, want at most %d" % (doc, noisy, noise))
        status = 1
    for c in codes:
        v = verdict.get(c, "missing")
        print("  %s: %s" % (c, v))
        if v in ("missing", "WRONG, NOT FLAGGED"):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
