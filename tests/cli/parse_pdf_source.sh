#!/usr/bin/env bash
# parse_pdf_source.sh: tables read from a PDF's words (its text layer, and
# text laid out with spaces) give each indicator its source location as
# the other readers do (issue 12: "page, table, row" so a person can check
# it): the row counts the table's rows from its header (row 1), so every
# indicator has a row > 0, rows rise within a table and no two indicators
# share one. And the plan's next section right after the table ("III. TỔ
# CHỨC THỰC HIỆN", a heading in the number column's place followed by
# running text) is no group of the table: no warning about it, the groups
# as the golden facts say.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
v=$data/variants

# rows FILE: every indicator has page, table and row > 0, rows rise.
rows() {
	"$bin" parse "$1" > "$tmp/p.json" 2> "$tmp/err" || {
		bad "$(basename "$1"): parse failed: $(head -c 300 "$tmp/err")"
		return
	}
	if python3 - "$tmp/p.json" <<'PY'; then ok; else bad "$(basename "$1"): source rows"; fi
import json, sys
p = json.load(open(sys.argv[1]))["plan"]
ind = p["indicators"]
seen = set()
last = {}
bad = 0
for x in ind:
    s = x.get("source") or {}
    key = (s.get("table"), s.get("row"))
    if not s.get("row") or not s.get("table") or not s.get("page") or key in seen:
        print("  %s: source %s" % (x["code"], s))
        bad += 1
    seen.add(key)
print("%d indicators, %d without a source row of their own" % (len(ind), bad))
sys.exit(1 if bad or not ind else 0)
PY
}

rows "$v/xa-hoa-binh.pdf"
rows "$v/phuong-an-binh.pdf"
rows "$v/xa-my-loc.pdf"
rows "$data/rendered/000_03b77514fb71b314.pdf"
rows "$data/rendered/004_5f0b3916b5e2f87f.pdf"
rows "$data/rendered/001_5a02e85ee0dfd10c.pdf.layout.txt"

# The same rows as the Word file's reader counts them: 1-based from the
# header, the group rows counted. Plan 000 is one table in both.
n=000_03b77514fb71b314
for f in "$data/rendered/$n.pdf" "$data/rendered/$n.docx"; do
	"$bin" parse "$f" | python3 -c '
import json, sys
p = json.load(sys.stdin)["plan"]
print(" ".join("%s:%s" % (x["code"], x["source"]["row"]) for x in p["indicators"][:12]))' > "$tmp/$(basename "$f").rows"
done
if cmp -s "$tmp/$n.pdf.rows" "$tmp/$n.docx.rows"; then ok; else
	bad "000: PDF rows $(cat "$tmp/$n.pdf.rows") differ from DOCX rows $(cat "$tmp/$n.docx.rows")"
fi

# The section after the table: no group, no warning.
for f in "$v/xa-hoa-binh.pdf" "$v/xa-hoa-binh.pdf.layout.txt"; do
	"$bin" parse "$f" > "$tmp/h.json"
	if python3 - "$tmp/h.json" "$v/xa-hoa-binh.golden.json" <<'PY'; then ok; else bad "$(basename "$f"): section after the table"; fi
import json, sys
p = json.load(open(sys.argv[1]))["plan"]
g = json.load(open(sys.argv[2]))
w = [x["message"] for x in p["warnings"] if "THỰC HIỆN" in x["message"]]
print("groups:", [x["code"] for x in p["groups"]], "warnings about the section:", w)
sys.exit(0 if p["groups"] == g["groups"] and not w else 1)
PY
done

finish parse_pdf_source
