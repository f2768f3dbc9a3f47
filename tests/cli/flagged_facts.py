#!/usr/bin/env python3
"""flagged_facts.py BIN DOC GOLDEN: parse DOC with `BIN parse` and hold each
indicator's and task's fields against the golden facts GOLDEN (those
variants_facts.py compares): every field read otherwise than the golden
must be named by a warning of that field ("target 2030" for targets) at a line of the item's own rows
(source_lines), as the upload page shows it on that cell: never a wrong
field without a word. Prints each silent field and "DOC: F fields differ,
S silent"; exits 1 when any is silent, 2 when the parse was refused."""
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
    plans = vf.read(binary, doc, golden)
    if plans is None:
        return 2
    got, want = plans
    warns = got.get("warnings") or []
    differ = silent = 0
    for lst, keys in (("indicators", vf.IND), ("tasks", vf.TASK)):
        have = {x.get("code"): x for x in got.get(lst) or []}
        for b in want.get(lst) or []:
            a = have.get(b.get("code"))
            if a is None:
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
    print("%s: %d fields differ, %d silent" % (doc, differ, silent))
    return 1 if silent else 0


if __name__ == "__main__":
    sys.exit(main())
