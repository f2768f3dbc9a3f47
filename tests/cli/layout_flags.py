#!/usr/bin/env python3
"""layout_flags.py BIN DOC GOLDEN MAX_NOISE MAX_SILENT_TASKS [CODE...]: parse DOC with `BIN
parse` and hold every indicator against the plan JSON GOLDEN (the facts
layout_facts.py compares): each one must be read identically, or flagged:
a warning of the plan at a line of the indicator's own rows (source_lines),
which the upload page shows on that row or cell. Prints "DOC: R right, F
wrong and flagged, N right and flagged, S wrong and silent" and each
indicator read wrong without a flag; exits 1 when any is (an answer that
would be wrong must be flagged, never silently wrong), when more than
MAX_NOISE indicators read right are flagged (flags on everything would
prove nothing), when more than MAX_SILENT_TASKS tasks are read wrong
without a flag, or when an indicator CODE named is missing or neither
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
    max_silent_tasks = int(sys.argv[5])
    codes = sys.argv[6:]
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
    tasks = {x["code"]: x for x in got.get("tasks") or []}
    tsilent = tflag = 0
    for b in want.get("tasks") or []:
        a = tasks.get(b["code"])
        if a is not None and facts.pick(a, facts.TASK) == facts.pick(b, facts.TASK):
            continue
        lines = (a or {}).get("source_lines") or [0, 0]
        if a is not None and any(lines[0] <= (w.get("line") or 0) <= max(lines) for w in warns):
            tflag += 1
        else:
            tsilent += 1
    if want.get("tasks"):
        print("%s: tasks: %d of %d wrong and flagged, %d wrong and silent"
              % (doc, tflag, len(want["tasks"]), tsilent))
    if tsilent > max_silent_tasks:
        print("%s: %d tasks read wrong without a flag, want at most %d"
              % (doc, tsilent, max_silent_tasks))
        status = 1
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
