#!/usr/bin/env bash
# store_docx.sh (issue 12): `chitieu parse` and `chitieu import` read Word
# (.docx) and Excel (.xlsx) plans, told by their content, not their name;
# each indicator carries its place in the document (table, row); a ZIP that
# is not Office, a Word file without a table and a file over the size limit
# are refused with one sentence and store nothing. On SQLite or on the
# PostgreSQL server named by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db

r="$data/rendered/002_f65c0da7dbd96e8d"
# The first indicator: row 3 of the Word table (header, group, indicator);
# row 24 of the sheet (the plan's opening lines come first).
for ext in docx:3 xlsx:24; do
	row=${ext#*:}
	ext=${ext%:*}
	run "parse-$ext" 0 parse "$r.$ext" --format json
	[ "$(jq '.plan.indicators | length' "$tmp/out")" = 9 ] && ok || bad "$ext: $(jq '.plan.indicators | length' "$tmp/out") indicators, want 9"
	[ "$(jq -r '.plan.number' "$tmp/out")" = 54/KH-UBND ] && ok || bad "$ext: number $(jq -r '.plan.number' "$tmp/out")"
	[ "$(jq -c '.plan.indicators[0].source | [.table, .row, .page]' "$tmp/out")" = "[1,$row,null]" ] && ok ||
		bad "$ext: source $(jq -c '.plan.indicators[0].source' "$tmp/out")"
	run "parse-$ext-text" 0 parse "$r.$ext" --format text
	grep -q "bảng 1, hàng $row" "$tmp/out" && ok || bad "$ext: the text summary does not show the table and row"
done
# By content: a Word file named .txt is read as Word.
cp "$r.docx" "$tmp/plan.txt"
run parse-renamed 0 parse "$tmp/plan.txt" --format json
[ "$(jq '.plan.indicators | length' "$tmp/out")" = 9 ] && ok || bad "renamed docx not read by content"

run unit 0 unit add --code A --name "Xã A" --kind commune
run import-docx 0 import "$r.docx" --unit A
[ "$(count "select count(*) from plans")" -eq 1 ] && ok || bad "docx import stored $(count "select count(*) from plans") plans"
count "select doc from plan_docs" | grep -q '"source":{"table":1,"row":3,"page":null}' && ok ||
	bad "the stored plan lost the source location"

# Refusals: one sentence, exit 2 (bad input), nothing stored.
printf 'xin chào' > "$tmp/readme.txt"
(cd "$tmp" && zip -q notoffice.zip readme.txt 2> /dev/null) || python3 -c "
import zipfile,sys; zipfile.ZipFile(sys.argv[1],'w').write(sys.argv[2],'readme.txt')" "$tmp/notoffice.zip" "$tmp/readme.txt"
run parse-zip 2 parse "$tmp/notoffice.zip"
grep -q "không phải tài liệu Word (.docx) hay bảng tính Excel" "$tmp/err" && ok || bad "non-Office zip: $(cat "$tmp/err")"
run import-zip 2 import "$tmp/notoffice.zip" --unit A
[ "$(count "select count(*) from plans")" -eq 1 ] && ok || bad "a refused import stored a plan"
head -c 60000000 /dev/zero > "$tmp/big.docx"
printf 'PK\003\004' | dd of="$tmp/big.docx" conv=notrunc status=none
run parse-50mb 2 parse "$tmp/big.docx"
grep -q "quá lớn" "$tmp/err" && ok || bad "50 MB: $(cat "$tmp/err")"

finish store_docx
