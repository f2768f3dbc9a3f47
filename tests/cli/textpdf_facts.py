#!/usr/bin/env python3
"""textpdf_facts.py BIN DOC GOLDEN MIN_IND MIN_TASKS: parse DOC (a plan
printed to PDF and pulled back by pdftotext without -layout) with `BIN
parse` and compare it with the plan JSON GOLDEN, indicator by indicator and
task by task, matched by code. Each field layout_facts.py compares (a
target's text without the space after its sign) is one of:
- identical;
- missing: nothing read where the golden has a value (a cell the text lost,
  left out and named in a warning);
- dash lost: the same text but for "-" characters (pdftotext joins a line
  that ended in "-" to the next one and drops the "-": "kinh tế -" /
  "xã hội" comes back "kinh tế xã hội", a lone "-" cell vanishes);
- wrong: any other value (a figure or an agency in the wrong cell, words of
  one cell in another).
A row with a cell missing must be named by a warning on one of its lines.
Prints "DOC: I/N indicators, T/M tasks identical; M missing, D dash lost,
W wrong" and each wrong field; exits 1 when anything is wrong or left out
unwarned, when an
indicator or task is read that the golden does not have, when the
milestones read are not the golden's, or when fewer than MIN_IND
indicators (MIN_TASKS tasks) are identical."""
import json
import sys

from layout_facts import IND, TASK, SIGN_SPACE, read, too_few


def undashed(s):
    """The text without "-" and spaces: "57-NQ/TW" and "57NQ/TW" alike."""
    return "".join(s.replace("-", " ").split())


def verdict(got, want):
    """'same', 'missing', 'dash' or 'wrong'."""
    if got == want:
        return "same"
    if got is None or got == "" or got == {}:
        return "missing"
    if isinstance(got, str) and isinstance(want, str) and undashed(got) == undashed(want):
        return "dash"
    return "wrong"


def target_verdict(got, want):
    if got is None:
        return "same" if want is None else "missing"
    if want is None:
        return "wrong"
    g, w = SIGN_SPACE.sub(r"\1", got["text"]), SIGN_SPACE.sub(r"\1", want["text"])
    v = verdict(g, w)
    if v == "same":
        parsed = {k: x for k, x in got.items() if k != "text"}
        wanted = {k: x for k, x in want.items() if k != "text"}
        return "same" if parsed == wanted else "wrong"
    return v


def main():
    binary, doc, golden = sys.argv[1], sys.argv[2], sys.argv[3]
    min_ind, min_tasks = int(sys.argv[4]), int(sys.argv[5])
    got, want = read(binary, doc, golden)
    if got is None:
        return 1
    status = 0
    if got.get("milestones") != want.get("milestones"):
        print("%s: milestones differ: got %s" % (doc, got.get("milestones")))
        status = 1
    count = {"same": 0, "missing": 0, "dash": 0, "wrong": 0, "unwarned": 0}
    warnings = got.get("warnings") or []
    same = {}
    for lst, keys in (("indicators", IND), ("tasks", TASK)):
        wanted = {x["code"]: x for x in want.get(lst) or []}
        same[lst] = 0
        for a in got.get(lst) or []:
            b = wanted.get(a["code"])
            if b is None:
                print("  %s: read, not in the golden facts" % a["code"])
                status = 1
                continue
            whole = True
            lost = 0
            for k in keys:
                if k == "targets":
                    ta = {y: t for y, t in (a.get(k) or {}).items() if t.get("text")}
                    tb = {y: t for y, t in (b.get(k) or {}).items() if t.get("text")}
                    for y in sorted(set(ta) | set(tb)):
                        v = target_verdict(ta.get(y), tb.get(y))
                        count[v] += 1
                        whole &= v == "same"
                        lost += v == "missing"
                        if v == "wrong":
                            print("  %s %s %s: got %s, want %s" % (
                                a["code"], k, y,
                                json.dumps(ta.get(y) and ta[y]["text"], ensure_ascii=False),
                                json.dumps(tb.get(y) and tb[y]["text"], ensure_ascii=False)))
                    continue
                v = verdict(a.get(k), b.get(k))
                count[v] += 1
                whole &= v == "same"
                lost += v == "missing"
                if v == "wrong":
                    print("  %s %s: got %s, want %s" % (a["code"], k,
                          json.dumps(a.get(k), ensure_ascii=False),
                          json.dumps(b.get(k), ensure_ascii=False)))
            same[lst] += whole
            # a cell left out is named in a warning on one of its row's lines
            first, last = (a.get("source_lines") or [0, 0])[:2]
            if lost and not any(first <= w.get("line", 0) <= last for w in warnings):
                print("  %s: %d cells left out without a warning on lines %d-%d" % (
                    a["code"], lost, first, last))
                count["unwarned"] += 1
    ni, nt = len(want.get("indicators") or []), len(want.get("tasks") or [])
    print("%s: %d/%d indicators, %d/%d tasks identical; %d missing, %d dash lost, %d wrong" % (
        doc, same["indicators"], ni, same["tasks"], nt, count["missing"], count["dash"],
        count["wrong"]))
    if count["wrong"] or count["unwarned"]:
        status = 1
    if too_few(doc, same, want, min_ind, min_tasks):
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
