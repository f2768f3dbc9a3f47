#!/usr/bin/env python3
"""plain_blocks_facts.py BIN DOC GOLDEN IDENTICAL READ: `BIN parse DOC` of a
plan's PDF pulled to plain text in blocks (pdftotext without -layout),
checked indicator by indicator, by code, against the plan JSON GOLDEN.

READ 0: the document must be refused, saying its layout is lost and what to
do. Otherwise exactly READ indicators must be read and at least IDENTICAL of
them identical to the golden ones (code, group, name, unit, baseline, lead,
monitor, every target's text, kind, op, value), and whatever the rest of a
row reads as, its figures never differ: each indicator read exists in
GOLDEN, in the same order and group, with the same baseline and the same
targets' kind, op and value. The rows not read are named in a warning."""
import json
import subprocess
import sys

IND = ["code", "group", "name", "unit", "baseline_text", "lead", "monitor"]


def targets(x, text):
    keys = ("text", "kind", "op", "value") if text else ("kind", "op", "value")
    return {y: {k: t.get(k) for k in keys}
            for y, t in (x.get("targets") or {}).items() if t.get("text")}


def main():
    binary, doc, golden = sys.argv[1], sys.argv[2], sys.argv[3]
    identical, read = int(sys.argv[4]), int(sys.argv[5])
    r = subprocess.run([binary, "parse", doc], capture_output=True, text=True, timeout=120)
    if read == 0:
        if r.returncode == 0 or "mất bố cục" not in r.stderr or "pdftotext -layout" not in r.stderr:
            print("%s: want refused with the reason, got exit %d: %s" % (doc, r.returncode, r.stderr[:300]))
            return 1
        print("%s: refused: %s" % (doc, r.stderr.strip()[:160]))
        return 0
    if r.returncode != 0:
        print("%s: parse failed: %s" % (doc, r.stderr.strip()))
        return 1
    got = json.loads(r.stdout)["plan"]
    want = json.load(open(golden, encoding="utf-8"))["plan"]
    order = {x["code"]: i for i, x in enumerate(want["indicators"])}
    status, same, last = 0, 0, -1
    for g in got["indicators"]:
        w = want["indicators"][order[g["code"]]] if g["code"] in order else None
        if w is None or order[g["code"]] <= last:
            print("  %s: not a row of the plan, or out of order" % g["code"])
            status = 1
            continue
        last = order[g["code"]]
        if (g.get("group") != w.get("group") or g.get("baseline_text") != w.get("baseline_text")
                or targets(g, False) != targets(w, False)):
            print("  %s: FIGURES DIFFER: got %s, want %s" % (g["code"],
                  json.dumps(targets(g, True), ensure_ascii=False),
                  json.dumps(targets(w, True), ensure_ascii=False)))
            status = 1
            continue
        diff = [k for k in IND if g.get(k) != w.get(k)]
        if targets(g, True) != targets(w, True):
            diff.append("targets' text")
        if not diff:
            same += 1
        else:
            print("  %s: %s differ (got %s)" % (g["code"], ", ".join(diff),
                  json.dumps({k: g.get(k) for k in diff if k in IND}, ensure_ascii=False)))
    n, nw = len(got["indicators"]), len(want["indicators"])
    warned = [x for x in got.get("warnings") or [] if "không ghép lại được" in x["message"]]
    if n < nw and not warned:
        print("%s: %d/%d rows read and no warning names the others" % (doc, n, nw))
        status = 1
    print("%s: %d indicators read, %d/%d identical; %d pages with rows not read"
          % (doc, n, same, nw, len(warned)))
    if n != read or same < identical:
        print("%s: want %d read, at least %d identical" % (doc, read, identical))
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
