#!/usr/bin/env python3
"""variants_facts.py BIN DOC GOLDEN [MIN_IND MIN_TASKS]: parse DOC with `BIN parse` and compare
it with the golden facts GOLDEN (tests/data/variants/*.golden.json, written
by hand from the plan's source document): the plan's title, number and
date, milestones, groups, task groups;
each indicator's code, group, name, unit, lead, monitor, partners and every
target that has a text (text, kind, op, value, min, max); each task's code,
group, title, lead, implementers and timeframe. Prints each difference and
"DOC: I/N indicators, T/M tasks identical, W wrong figures"; exits 0 when
everything is identical (or, given MIN_IND and MIN_TASKS, when at least that
many are and no figure is wrong), 1 otherwise, 2 when the parse was refused.
A wrong figure: a target read as a number (or range) that is not the
document's, by indicator code and year; the worst outcome, never allowed.

A target's text is compared without the space between a sign and its number
("≥ 80" and "≥80"): pdftotext -layout drops it in narrow cells; and a
number's thousands dots likewise ("1.000" and "1000": a spreadsheet cell
holds the number, not how it was typed), the value being compared as well."""
import json
import re
import subprocess
import sys

IND = ["code", "group", "name", "unit", "baseline_text", "lead", "monitor", "partners", "targets"]
TASK = ["code", "group", "title", "lead", "implementers", "timeframe"]
TGT = ["text", "kind", "op", "value", "min", "max"]
SIGN_SPACE = re.compile(r"([≥≤<>=])\s+(?=[0-9])")
THOUSANDS = re.compile(r"(?<=[0-9])\.(?=[0-9]{3}(?![0-9]))")


def norm(s):
    return THOUSANDS.sub("", SIGN_SPACE.sub(r"\1", s)) if isinstance(s, str) else s


def facts(x, keys):
    o = {k: x.get(k) for k in keys}
    if "baseline_text" in o:
        o["baseline_text"] = norm(o["baseline_text"])
    if "targets" in o:
        o["targets"] = {y: {k: (norm(t[k]) if k == "text" else t.get(k))
                            for k in TGT if t.get(k) is not None}
                        for y, t in (x.get("targets") or {}).items() if t.get("text")}
    return o


def figures(ind):
    """(code, year) -> (value, min, max) of every target read as figures."""
    f = {}
    for x in ind:
        for y, t in (x.get("targets") or {}).items():
            if t.get("value") is not None or t.get("min") is not None:
                f[(x.get("code"), y)] = (t.get("kind"), t.get("op"), t.get("value"),
                                         t.get("min"), t.get("max"))
    return f


def read(binary, doc, golden):
    """(the plan BINARY parses DOC into, the golden plan); None, said, when refused."""
    r = subprocess.run([binary, "parse", doc, "--format", "json"], capture_output=True,
                       text=True, timeout=120)
    if r.returncode != 0:
        print("%s: refused: %s" % (doc, r.stderr.strip()))
        return None
    want = json.load(open(golden, encoding="utf-8"))
    return json.loads(r.stdout)["plan"], want.get("plan", want)  # golden: a whole parse


def main():
    binary, doc, golden = sys.argv[1:4]
    mins = [int(a) for a in sys.argv[4:6]] if len(sys.argv) > 5 else None
    plans = read(binary, doc, golden)
    if plans is None:
        return 2
    got, want = plans
    bad = False
    for k in ["title", "number", "date", "milestones", "groups", "task_groups"]:
        if got.get(k) != want.get(k):
            print("  %s: got %s" % (k, json.dumps(got.get(k), ensure_ascii=False)))
            bad = True
    same = {}
    for lst, keys in (("indicators", IND), ("tasks", TASK)):
        g, w = got.get(lst) or [], want.get(lst) or []
        if len(g) != len(w):
            print("  %d %s, want %d" % (len(g), lst, len(w)))
            bad = True
        same[lst] = 0
        for a, b in zip(g, w):
            a, b = facts(a, keys), facts(b, keys)
            if a == b:
                same[lst] += 1
                continue
            bad = True
            for k in keys:
                if a[k] != b[k]:
                    print("  %s %s: got %s, want %s" % (b["code"], k,
                          json.dumps(a[k], ensure_ascii=False), json.dumps(b[k], ensure_ascii=False)))
    gf, wf = figures(got.get("indicators") or []), figures(want.get("indicators") or [])
    wrong = sorted(k for k in gf if wf.get(k) != gf[k])
    for k in wrong:
        print("  wrong figure %s %s: got %s, want %s" % (k[0], k[1], gf[k], wf.get(k)))
    print("%s: %d/%d indicators, %d/%d tasks identical, %d wrong figures" % (
        doc, same["indicators"], len(want.get("indicators") or []),
        same["tasks"], len(want.get("tasks") or []), len(wrong)))
    if wrong:
        return 1
    if mins:
        return 0 if same["indicators"] >= mins[0] and same["tasks"] >= mins[1] else 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
