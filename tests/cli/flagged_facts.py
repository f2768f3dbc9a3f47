#!/usr/bin/env python3
"""flagged_facts.py BIN DOC GOLDEN: parse DOC with `BIN parse` and hold each
indicator's and task's fields against the golden facts GOLDEN (those
variants_facts.py compares): every field read otherwise than the golden
must be named by a warning of that field ("target 2030" for targets) at a line of the item's own rows
(source_lines), as the upload page shows it on that cell: never a wrong
field without a word. Prints each silent field and "DOC: F fields differ,
S silent"; exits 1 when any is silent, 2 when the parse was refused.
With --rows, an item of the golden not read at all is silent too, unless
as many warnings say a row of the table was not read, or items read under
codes of no golden item carry a warning of their code (a row must never
vanish without a word)."""
import importlib.util
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("variants_facts", os.path.join(here, "variants_facts.py"))
vf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(vf)


def main():
    binary, doc, golden = sys.argv[1:4]
    rows = "--rows" in sys.argv[4:]
    plans = vf.read(binary, doc, golden)
    if plans is None:
        return 2
    got, want = plans
    warns = got.get("warnings") or []
    differ = silent = missing = 0
    for lst, keys in (("indicators", vf.IND), ("tasks", vf.TASK)):
        have = {x.get("code"): x for x in got.get(lst) or []}
        for b in want.get(lst) or []:
            a = have.get(b.get("code"))
            if a is None:
                missing += 1
                continue
            fa, fb = vf.facts(a, keys), vf.facts(b, keys)
            lines = a.get("source_lines") or [0, 0]
            for k in keys:
                if fa[k] == fb[k]:
                    continue
                differ += 1
                if not any(lines[0] <= (w.get("line") or 0) <= max(lines) and
                           (w.get("field") or "").startswith("target" if k == "targets" else k)
                           for w in warns):
                    silent += 1
                    print("  %s %s: got %s, want %s, no warning" % (
                        b.get("code"), k, json.dumps(fa[k], ensure_ascii=False),
                        json.dumps(fb[k], ensure_ascii=False)))
    if rows:
        said = sum(1 for w in warns if "hàng" in (w.get("message") or "") and
                   ("không đọc," in w["message"] or "không được đọc" in w["message"]))
        for lst in ("indicators", "tasks"):
            known = {b.get("code") for b in want.get(lst) or []}
            for a in got.get(lst) or []:
                lines = a.get("source_lines") or [0, 0]
                said += a.get("code") not in known and any(
                    lines[0] <= (w.get("line") or 0) <= max(lines) and w.get("field") == "code"
                    for w in warns)
        if missing > said:
            print("  %d rows not read, %d said" % (missing, said))
            silent += missing - said
    print("%s: %d fields differ, %d silent" % (doc, differ, silent))
    return 1 if silent else 0


if __name__ == "__main__":
    sys.exit(main())
