#!/usr/bin/env python3
"""layout_silent.py BIN DOC GOLDEN MAX_SILENT: parse DOC with `BIN parse` and
count its indicators read wrong without a flag (a warning of the plan at a
line of the indicator's own rows), against GOLDEN: the plan JSON of a given
plan (tests/data/golden, facts as layout_facts.py compares them) or a
variant's golden facts (tests/data/variants, as variants_facts.py). An
indicator the golden facts do not have (a row read under a wrong code)
counts too when it is not flagged. Prints "DOC: R right, F wrong and
flagged, N right and flagged, S wrong and silent, M missing"; exits 1 when
S is more than MAX_SILENT, M more than MAX_MISSING (when given) or the
parse fails."""
import importlib.util
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))


def load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(here, name + ".py"))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def main():
    binary, doc, golden, most = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    lost = int(sys.argv[5]) if len(sys.argv) > 5 else None
    r = subprocess.run([binary, "parse", doc], capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        print("%s: parse failed: %s" % (doc, r.stderr.strip()))
        return 1
    got = json.loads(r.stdout)["plan"]
    want = json.load(open(golden, encoding="utf-8"))
    if "plan" in want:
        lf = load("layout_facts")
        want = want["plan"]
        facts = lambda x: lf.pick(x, lf.IND)
    else:
        vf = load("variants_facts")
        facts = lambda x: vf.facts(x, vf.IND)
    warns = got.get("warnings") or []

    def flagged(a):
        lines = a.get("source_lines") or [0, 0]
        return any(lines[0] <= (w.get("line") or 0) <= max(lines) for w in warns)

    have = {}
    for x in got.get("indicators") or []:
        have.setdefault(x["code"], x)
    n = {"right": 0, "flagged": 0, "noisy": 0, "silent": 0, "missing": 0}
    codes = set()
    for b in want.get("indicators") or []:
        codes.add(b["code"])
        a = have.get(b["code"])
        if a is None:
            n["missing"] += 1
            continue
        same, flag = facts(a) == facts(b), flagged(a)
        k = "noisy" if same and flag else "right" if same else "flagged" if flag else "silent"
        n[k] += 1
        if k == "silent":
            print("  %s read wrong and not flagged" % b["code"])
    for a in got.get("indicators") or []:
        if a["code"] not in codes and not flagged(a):
            n["silent"] += 1
            print("  %s: no such indicator, not flagged" % a["code"])
    print("%s: %d right, %d wrong and flagged, %d right and flagged, %d wrong and silent, %d missing"
          % (os.path.basename(doc), n["right"], n["flagged"], n["noisy"], n["silent"], n["missing"]))
    if n["silent"] > most:
        print("%s: %d read wrong without a flag, want at most %d" % (doc, n["silent"], most))
        return 1
    if lost is not None and n["missing"] > lost:
        print("%s: %d indicators missing, want at most %d" % (doc, n["missing"], lost))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
