#!/usr/bin/env python3
"""layout_facts.py BIN DOC GOLDEN MIN_IND [MIN_TASKS [loose]]: parse DOC with
`BIN parse` and compare it, indicator by indicator and task by task, with the
plan JSON GOLDEN: the facts test_import_pdf.c compares for the PDF itself
(milestones, groups, task groups; each indicator's code, group, name, unit,
baseline text, lead, monitor and every target with a text: text, kind, op,
value; each task's code, group, title, lead, implementers, timeframe).
Prints "DOC: I/N indicators, T/M tasks identical" and each difference;
exits 1 when the milestones, groups or task groups differ, when the counts
of indicators or tasks differ, or when fewer than MIN_IND indicators (or
MIN_TASKS tasks) are identical; with "loose", only the counts of identical
indicators and tasks decide (renderings read only in part).

A target's text is compared without the space between a sign and its number
("≥ 2" and "≥2" are one text): pdftotext -layout drops that space in narrow
cells, so the text cannot say whether the document had it (the golden facts
hold both forms, as the documents wrote them). Everything else of the target
(kind, op, value, ...) is still compared as it is, so the reading must give
the same parsed target."""
import json
import re
import subprocess
import sys

IND = ["code", "group", "name", "unit", "baseline_text", "lead", "monitor", "targets"]
TASK = ["code", "group", "title", "lead", "implementers", "timeframe"]


SIGN_SPACE = re.compile(r"([≥≤<>=])\s+(?=[0-9])")


def target(t):
    t = dict(t)
    t["text"] = SIGN_SPACE.sub(r"\1", t["text"])
    return t


def pick(x, keys):
    o = {k: x.get(k) for k in keys}
    if "targets" in o:
        o["targets"] = {y: target(t) for y, t in (x.get("targets") or {}).items()
                        if t.get("text")}
    return o


def read(binary, doc, golden):
    """The plan `binary parse doc` gives and the golden one, or (None, None)
    when the parse failed (said on stdout)."""
    r = subprocess.run([binary, "parse", doc], capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        print("%s: parse failed: %s" % (doc, r.stderr.strip()))
        return None, None
    return json.loads(r.stdout)["plan"], json.load(open(golden, encoding="utf-8"))["plan"]


def too_few(doc, same, want, min_ind, min_tasks):
    """Whether fewer indicators or tasks than asked are identical (said)."""
    ni, nt = len(want.get("indicators") or []), len(want.get("tasks") or [])
    if same["indicators"] < min(min_ind, ni) or same["tasks"] < min(min_tasks, nt):
        print("%s: want at least %d indicators and %d tasks identical" % (doc, min_ind, min_tasks))
        return True
    return False


def main():
    binary, doc, golden, min_ind = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    min_tasks = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    loose = len(sys.argv) > 6 and sys.argv[6] == "loose"
    got, want = read(binary, doc, golden)
    if got is None:
        return 1
    status = 0
    for k in ["milestones", "groups", "task_groups"]:
        if got.get(k) != want.get(k):
            print("%s: %s differ: got %s" % (doc, k, json.dumps(got.get(k), ensure_ascii=False)))
            status = 1
    same = {}
    for lst, keys in (("indicators", IND), ("tasks", TASK)):
        g, w = got.get(lst) or [], want.get(lst) or []
        if len(g) != len(w):
            print("%s: %d %s, want %d" % (doc, len(g), lst, len(w)))
            status = 1
        same[lst] = 0
        for a, b in zip(g, w):
            a, b = pick(a, keys), pick(b, keys)
            if a == b:
                same[lst] += 1
                continue
            for k in keys:
                if a[k] == b[k]:
                    continue
                if k == "targets":
                    for y in sorted(set(a[k]) | set(b[k])):
                        ta, tb = a[k].get(y), b[k].get(y)
                        if ta != tb:
                            print("  %s %s %s: got %s, want %s" % (b["code"], k, y,
                                  json.dumps(ta and ta["text"], ensure_ascii=False),
                                  json.dumps(tb and tb["text"], ensure_ascii=False)))
                else:
                    print("  %s %s: got %s, want %s" % (b["code"], k,
                          json.dumps(a[k], ensure_ascii=False), json.dumps(b[k], ensure_ascii=False)))
    if loose:
        status = 0
    ni, nt = len(want.get("indicators") or []), len(want.get("tasks") or [])
    print("%s: %d/%d indicators, %d/%d tasks identical" % (doc, same["indicators"], ni,
                                                         same["tasks"], nt))
    if too_few(doc, same, want, min_ind, min_tasks):
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
