#!/usr/bin/env bash
# Build the libFuzzer harnesses fuzz/fuzz_*.c with clang-14 into build-fuzz/,
# seed their corpora, and run each for FUZZ_SECONDS (default 60). Exits
# non-zero when a harness finds a crash, leak, timeout or out-of-memory; the
# input that did it is kept in build-fuzz/artifacts/<harness>/.
#
#   FUZZ_SECONDS=60 FUZZ_DIR=build-fuzz FUZZ_CC=clang-14 scripts/fuzz.sh [harness...]
#
# Harnesses: fuzz_import (whole documents, plain PDF text in blocks too), fuzz_html (web pages), fuzz_target (target cells),
# fuzz_docx and fuzz_xlsx (Word and Excel parts packed into a ZIP: a
# document, its numbering and styles; a sheet, its strings and styles),
# fuzz_odf (OpenDocument text and spreadsheet parts packed into a ZIP),
# fuzz_doc (Word 97–2003 files: the OLE2 compound file and the document),
# fuzz_rtf (Rich Text Format files),
# fuzz_xls (Excel 97–2003 workbooks: a Workbook stream's BIFF8 records),
# fuzz_encoding (if present), fuzz_accounts (the account/session cache),
# fuzz_multipart (multipart/form-data upload bodies), fuzz_layout (pdftotext -layout tables),
# fuzz_plainblocks (pdftotext tables in blocks), fuzz_pdfgrid (a text PDF's tables by their drawn borders), fuzz_celltext (a word processor's text: a cell a line, tab rows), fuzz_mhtml (web pages saved as one file). Corpora grow across runs in build-fuzz/corpus/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_DIR=${FUZZ_DIR:-build-fuzz}
CC=${FUZZ_CC:-clang-14}
PLANS=(tests/data/plans/*.txt)

if ! command -v "$CC" >/dev/null; then
	echo "fuzz: $CC not found (run: make deps)" >&2
	exit 2
fi

# shellcheck disable=SC2054
CFLAGS=(-g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -fno-omit-frame-pointer
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
	-Isrc/core -Isrc/import -Isrc/store -Isrc/engine -Isrc/auth -Isrc/server -Isrc/report)
# shellcheck disable=SC2207
CFLAGS+=($(pkg-config --cflags jansson libutf8proc libpq sqlite3 poppler-glib cairo tesseract lept 2>/dev/null || true))
# Extra compiler flags (e.g. FUZZ_CFLAGS=-fno-sanitize=nonnull-attribute to get past
# a known finding) and extra libFuzzer flags (e.g. FUZZ_FLAGS="-seed=1").
# shellcheck disable=SC2206
CFLAGS+=(${FUZZ_CFLAGS:-})
# shellcheck disable=SC2206
FUZZ_FLAGS=(${FUZZ_FLAGS:-})
LIBS=(-ljansson -lutf8proc -lsqlite3 -lpq -lsodium -lmicrohttpd -lxlsxwriter -lzip -lexpat -lz -lpthread -lm)
# shellcheck disable=SC2207
LIBS+=($(pkg-config --libs poppler-glib cairo tesseract lept) -ldl)
SOURCES=(src/core/*.c src/import/*.c src/store/*.c src/engine/*.c src/auth/*.c src/server/*.c src/report/*.c)

if [ $# -gt 0 ]; then
	harnesses=("$@")
else
	harnesses=()
	for f in fuzz/fuzz_*.c; do # every harness there is
		harnesses+=("$(basename "$f" .c)")
	done
fi

mkdir -p "$FUZZ_DIR"

# Seeds for a harness, written afresh into $FUZZ_DIR/seeds/<harness>.
seed_documents() { # dir
	cp "${PLANS[@]}" "$1/"
	# Whole plans parse at a few per second under ASan; small pieces of them
	# (the document's opening lines, then one table from its header on) let
	# the fuzzer run hundreds of times faster on the same layouts.
	awk -v out="$1" '
		FNR == 1 {
			for (f in pending) { close(f); delete pending[f] }
			delete l
		}
		{ l[FNR] = $0 }
		/^[ \t]*(\| *)?(Stt|STT|TT)[ \t|]/ {
			f = sprintf("%s/slice-%04d", out, ++k)
			from = FNR - 3
			if (from <= 15) {
				from = 1
			} else {
				for (i = 1; i <= 12; i++) print l[i] > f
			}
			for (i = from; i < FNR; i++) print l[i] > f
			pending[f] = FNR + 25
		}
		{
			for (f in pending) {
				print $0 > f
				if (FNR >= pending[f]) { close(f); delete pending[f] }
			}
		}' "${PLANS[@]}"
	local f
	# Plain text of PDF tables whose cells come out as blocks per column
	# (pdftotext without -layout): 150 lines from the header's "STT" on.
	for f in tests/data/rendered/*.pdf.txt tests/data/plainblocks/*.txt; do
		awk '/^STT$/ && !on { on = 1 } on && n++ < 150' "$f" >"$1/blocks-$(basename "$f")"
	done
	# A plan's own text printed to PDF and pulled back without -layout
	# (rows run together or markdown rows wrapped): 150 lines from its
	# first table's header on; the same forms written by hand.
	for f in tests/data/rendered/*.text.pdf.txt; do
		awk '/^(\| )?(Stt|STT|TT)( |$)/ && !on { on = 1 } on && n++ < 150' "$f" \
			>"$1/textpdf-$(basename "$f")"
	done
	cp tests/data/textpdf/*.txt "$1/"
	for f in tests/data/bad/* tests/data/legacy/* tests/data/fuzz-regressions/*; do
		[ -f "$f" ] && cp "$f" "$1/$(basename "$(dirname "$f")")-$(basename "$f")"
	done
	return 0
}

seed_targets() { # dir
	local dir=$1
	# Every cell of the tab-separated and markdown tables, and every short line
	# of the PDF text, once each; and each indicator row of a tab-separated
	# table as "c1|c2|c3|c4|c5\nunit".
	awk -v out="$dir" '
		function put(s, f) {
			if (s in seen) return
			seen[s] = 1; n++
			f = sprintf("%s/cell-%05d", out, n)
			printf "%s", s > f
			close(f)
		}
		function trim(s) {
			gsub(/<\/?b>/, "", s); gsub(/\*\*/, "", s)
			sub(/^[ \t\r]+/, "", s); sub(/[ \t\r]+$/, "", s)
			return s
		}
		{
			k = split($0, c, /\t|\|/)
			for (i = 1; i <= k; i++) {
				s = trim(c[i])
				if (s != "" && length(s) <= 160) put(s)
			}
			if (index($0, "\t")) {
				k = split($0, c, /\t/)
				if (k >= 8 && c[1] ~ /^[0-9]+\.?$/) {
					row = trim(c[4])
					for (i = 5; i <= 8; i++) row = row "|" trim(c[i])
					put(row "\n" trim(c[3]))
				}
			}
		}' "${PLANS[@]}"
	local i=0 s
	for s in ">60" "0,7" "1,50%" "≥ 70" '$\geq 10$' "80–90" "80-90" "Duy trì mức khá trở lên" \
		"Nằm trong tốp 40 của tỉnh" "Top 3 toàn quốc" "Đứng thứ 5/13 huyện" "-" "" "1.000" \
		"05" "≥ 2"$'\n'"%/năm" "Tăng 10%/năm"$'\n'"%" "Báo cáo"$'\n'"Báo cáo" \
		"Cao hơn mức trung bình của tỉnh" "Bằng chỉ tiêu của tỉnh" "Có"$'\n'"Có/ Không" \
		"Hoàn thành" "Đạt" "Khá|Tốt|Tốt|Xuất sắc|Xuất sắc"$'\n'"Mức độ" \
		"Bắt đầu triển khai|Mở rộng|Phổ biến|Nâng cao|Nâng cao"$'\n'"Mức độ" \
		"Tiếp cận|Ứng dụng|Thành thạo|Thành thạo|Duy trì" "Thí điểm|Hoàn thiện|Duy trì|-|-" \
		"≥ 70|100|-|-|-"$'\n'"%" "Có|Duy trì, phát triển|Duy trì|Duy trì|Duy trì" \
		"Tối thiểu 50%" "Không dưới 3" "≤ 5" "< 2,5%" "90-80" "Đạt mức khá"; do
		i=$((i + 1))
		printf '%s' "$s" >"$dir/lit-$(printf %03d $i)"
	done
}

status=0
summary=()
for h in "${harnesses[@]}"; do
	src="fuzz/$h.c"
	if [ ! -f "$src" ]; then
		echo "fuzz: no $src" >&2
		status=1
		continue
	fi
	bin="$FUZZ_DIR/$h"
	echo "== fuzz: building $bin"
	"$CC" "${CFLAGS[@]}" "${SOURCES[@]}" "$src" "${LIBS[@]}" -o "$bin"

	seeds="$FUZZ_DIR/seeds/$h"
	corpus="$FUZZ_DIR/corpus/$h"
	artifacts="$FUZZ_DIR/artifacts/$h"
	rm -rf "$seeds"
	mkdir -p "$seeds" "$corpus" "$artifacts"
	case $h in
	fuzz_target)
		seed_targets "$seeds"
		max_len=4096
		;;
	fuzz_csv)
		printf 'unit,indicator,period,value,num,den,level,yes,note,evidence\nHQ,V.2,2025-Q3,95,,,,,,\nHQ,V.3,2025-Q3,,950,1000,,,"ghi chú, ""có"" dấu phẩy",\r\n' >"$seeds/obs.csv"
		printf 'code,name,kind,parent,population\nTN,"Tỉnh Thái Nguyên",province,,1300000\n' >"$seeds/units.csv"
		printf '"unterminated\n' >"$seeds/bad.csv"
		max_len=65536
		;;
	fuzz_restore)
		printf '{"chitieu_dump": 1, "schema": 1, "backend": "sqlite", "tables": {"units": {"columns": [], "rows": [[1, "HQ", "Phường", "ward", null, 1000, "2025-01-01T00:00:00Z", 15]]}, "agencies": {"rows": []}, "plans": {"rows": []}, "series": {"rows": []}, "indicators": {"rows": []}, "indicator_agencies": {"rows": []}, "targets": {"rows": []}, "tasks": {"rows": []}, "observations": {"rows": []}, "observation_history": {"rows": []}, "task_progress": {"rows": []}, "audit": {"rows": []}}}' >"$seeds/dump.json"
		printf '{"chitieu_dump": 1}' >"$seeds/empty.json"
		# A real dump of the current schema (units, a plan, figures, history,
		# an account): the checker's every table has rows to mutate.
		cp tests/data/dumps/*.json "$seeds/"
		max_len=65536
		;;
	fuzz_http)
		cp tests/data/http-regressions/* "$seeds/"
		printf 'GET /api/v1/units/A/status?period=2025-12\nCookie: @\n\n' >"$seeds/status"
		printf 'POST /api/v1/units/A/observations\nCookie: @\nX-CSRF-Token: @\nContent-Type: application/json\n\n{"indicator":"IV.1","period":"2025-12","value":3}' >"$seeds/record"
		printf 'POST /api/v1/units/A/observations/IV.1/2025-12/submit\nCookie: @\nX-CSRF-Token: @\nContent-Type: application/json\n\n{}' >"$seeds/submit"
		printf 'POST /don-vi/A/nhap-lieu?period=2025-12\nCookie: @\n\ncsrf=@&v.IV.1=4&n.I.3=5&d.I.3=10&action=submit' >"$seeds/form"
		printf 'GET /don-vi/A/chi-tieu/I.3?period=2025-12\nCookie: @\n\n' >"$seeds/indicator"
		printf 'GET /don-vi/P/tinh\nCookie: @\n\n' >"$seeds/province"
		printf 'GET /cong-khai/A?period=2025\n\n' >"$seeds/public"
		printf 'POST /api/v1/session\nContent-Type: application/json\n\n{"login":"nobody","password":"x"}' >"$seeds/signin"
		printf 'GET /api/v1/units?page=2&per_page=1%%20\nAuthorization: Bearer 00\n\n' >"$seeds/units"
		# plan drafts: an upload (a small plan as text), its corrections, diff, publication
		printf 'POST /api/v1/units/A/plan/drafts\nCookie: @\nX-CSRF-Token: @\nContent-Type: multipart/form-data; boundary=B\n\n--B\r\nContent-Disposition: form-data; name="file"; filename="k.txt"\r\n\r\nSTT\tChỉ tiêu\tĐơn vị tính\tNăm 2025\nI\tHạ tầng\n1\tPhủ sóng 5G\t%%\t≥ 90\r\n--B--' >"$seeds/upload"
		printf 'PATCH /api/v1/units/A/plan/drafts/1\nCookie: @\nX-CSRF-Token: @\nContent-Type: application/json\n\n{"rows":[{"code":"I.1","unit":"%%","monitor":"Phòng Kinh tế","checked":["lead"],"targets":{"2025":"từ 80 đến 90"}}],"remove":["I.2"],"add":[{"code":"Z.1","group":"Z","name":"Mới","targets":{"2030":"≥ 5"}}],"groups":[{"code":"I","name":"Hạ tầng số"}]}' >"$seeds/draft-patch"
		printf 'GET /api/v1/units/A/plan/drafts/1/diff\nCookie: @\n\n' >"$seeds/draft-diff"
		printf 'POST /api/v1/units/A/plan/drafts/1/publish\nCookie: @\nX-CSRF-Token: @\nContent-Type: application/json\n\n{"confirm":true}' >"$seeds/draft-publish"
		printf 'POST /don-vi/A/ke-hoach\nCookie: @\nX-CSRF-Token: @\n\ncsrf=@&draft=1&n=1&k.0=I.1&code.0=I.1&name.0=X&t.2025.0=5&monitor.0=M&ok.lead.0=1&g.0=I&gname.0=G&new.code=Z.2&new.name=Y&new.group=Z&action=save' >"$seeds/draft-form"
		max_len=8192
		;;
	fuzz_settings)
		printf '{"authority":"TM. ỦY BAN NHÂN DÂN","position":"CHỦ TỊCH","signer":"Nguyễn Văn An","symbol":"BC-UBND","recipients":["Ban Chỉ đạo tỉnh","Lưu: VT"],"send_day":{"month":16,"quarter":17,"half":18,"nine_months":19,"year":20}}' >"$seeds/full.json"
		printf '{"send_day":{"week":3}}' >"$seeds/bad.json"
		max_len=8192
		;;
	fuzz_dhis2)
		printf '\000{"dataValues":[{"dataElement":"I.3","period":"2025Q1","orgUnit":"A","categoryOptionCombo":"NUM","value":"5"},{"dataElement":"I.1","period":"202512","orgUnit":"A","value":75,"comment":"x"}]}' >"$seeds/json"
		printf '\001dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby\nI.1,2025S2,A,,,75,demo\nI.3,2025,A,DEN,,100,\n' >"$seeds/csv"
		printf '\001"dataelement","period","orgunit","categoryoptioncombo","attributeoptioncombo","value","storedby","timestamp","comment","followup"\n"f7n9E0hX8qk","201201","DiszpKrYNg8","","","10001","john","2012-01-01","comment","false"\n' >"$seeds/csv-quoted"
		printf '\001dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\nI.3_DEN,2025,A,,,100,,,,false,true\n' >"$seeds/csv-deleted"
		printf '\002{"organisationUnits":[{"id":"DiszpKrYNg8","code":"A","name":"A"}],"dataElements":[{"id":"f7n9E0hX8qk","code":"I.3_NUM"}]}' >"$seeds/metadata"
		max_len=65536
		;;
	fuzz_docx | fuzz_xlsx)
		# The parts of the LibreOffice renderings (tests/data/rendered), joined
		# by "\n@@\n" in the order the harness packs them, and a small
		# Word table with merged cells and list numbering.
		for f in tests/data/rendered/*."${h#fuzz_}"; do
			b=$(basename "$f")
			if [ "$h" = fuzz_docx ]; then
				{ unzip -p "$f" word/document.xml; printf '\n@@\n'; unzip -p "$f" word/numbering.xml 2>/dev/null || true
				  printf '\n@@\n'; unzip -p "$f" word/styles.xml 2>/dev/null || true; } >"$seeds/$b"
			else
				{ unzip -p "$f" xl/worksheets/sheet1.xml; printf '\n@@\n'; unzip -p "$f" xl/sharedStrings.xml
				  printf '\n@@\n'; unzip -p "$f" xl/styles.xml; } >"$seeds/$b"
			fi
		done
		if [ "$h" = fuzz_docx ]; then
			printf '%s' '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Số: 1/KH</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Đơn vị tính</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Năm 2025</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Tỷ lệ</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>90</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>' >"$seeds/small.xml"
			printf '\n@@\n<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' >>"$seeds/small.xml"
			# What Word shows and does not: a Symbol-font sign, hidden and
			# moved-away runs, a tracked change of formatting.
			printf '%s' '<w:document xmlns:w="w"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r><w:r><w:rPr><w:rFonts w:ascii="Symbol"/></w:rPr><w:t>³aZ</w:t></w:r><w:r><w:rPr><w:rFonts w:hAnsi="Wingdings 2"/><w:vanish w:val="0"/></w:rPr><w:t>ü</w:t></w:r><w:moveFrom><w:r><w:t>66</w:t></w:r></w:moveFrom><w:r><w:rPr><w:vanish/></w:rPr><w:t>55</w:t></w:r><w:r><w:rPr><w:rPrChange><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>80%</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>' >"$seeds/marks.xml"
			# WPS Office's shapes: content controls, custom XML, smart
			# tags, tracked rows, fields, alternate content, a frame table
			unzip -p tests/data/blind9/xa-dong-phuoc.wps.docx word/document.xml >"$seeds/wps.xml"
			# Text in the fonts of before Unicode: VNI on the runs, TCVN3 from
			# the styles (tests/data/fonts)
			for f in tests/data/fonts/xa-tan-phu.*.docx; do
				{ unzip -p "$f" word/document.xml; printf '\n@@\n'; unzip -p "$f" word/numbering.xml 2>/dev/null || true
				  printf '\n@@\n'; unzip -p "$f" word/styles.xml; } >"$seeds/$(basename "$f")"
			done
		else
			# Google Sheets: inline strings, shared formulas, no styles
			unzip -p tests/data/blind9/xa-tan-hiep-dong.gsheets.xlsx xl/worksheets/sheet1.xml >"$seeds/gsheets.xml"
		fi
		max_len=1048576
		;;
	fuzz_xls)
		# The Workbook streams of LibreOffice's .xls renderings and of the
		# ones made by hand (tests/data/xls: rich, broken), as the harness takes
		# them: the stream alone (those of up to 126 sectors).
		python3 - "$seeds" tests/data/xls/*/*.xls tests/data/xls/*.xls <<'EOF'
import os, struct, sys
sys.path.insert(0, "tests/tools")
from cfblib import Compound
out = sys.argv[1]
for path in sys.argv[2:]:
    try:
        w = Compound(open(path, "rb").read()).stream("Workbook")
        if len(w) <= 126 * 512:
            open(os.path.join(out, path.replace("/", "_")), "wb").write(w)
    except (struct.error, IndexError, TypeError):
        pass  # the truncated one, the one with no Workbook
EOF
		max_len=64512
		;;
	fuzz_doc)
		# Word 97–2003 files as they are: LibreOffice's renderings of the
		# plans, variants and blind plans, and the broken ones made by hand
		# (tests/data/doc), the blind plan saved as .doc.
		cp tests/data/doc/*.doc tests/data/blind7/*.doc tests/data/fonts/*.doc "$seeds/"
		max_len=262144
		;;
	fuzz_rtf)
		# RTF files (tests/data/rtf): the hand-made Word-style ones (merges,
		# \uN, Symbol, hidden and deleted text, a nested table, code page
		# 932), and a small file of every construct read.
		cp tests/data/rtf/word-*.rtf tests/data/rtf/cp932.rtf "$seeds/"
		# The renderings are too long to run fast (tens of KB each): of
		# each, its table's first rows, up to a row's end within max_len.
		for f in tests/data/rtf/xa-hoa-binh.rtf tests/data/rtf/xa-son-ha.sym.rtf \
			tests/data/rtf/xa-son-ha.hidden.rtf tests/data/rtf/xa-dinh-ke.lists.rtf; do
			python3 - "$f" "$seeds/rows-$(basename "$f")" <<'EOF'
import sys
s = open(sys.argv[1], "rb").read()
at = s.find(b"\\trowd")
end = s.rfind(b"\\row", at, at + 12000)
open(sys.argv[2], "wb").write(b"{\\rtf1\\ansi\\uc1 " + s[at:end + 4] + b"\\pard\\par}")
EOF
		done
		cat >"$seeds/small.rtf" <<'EOF'
{\rtf1\ansi\ansicpg1258\uc2{\fonttbl{\f0\fcharset163 Times;}{\f1\fcharset2 Symbol;}{\f2 Wingdings;}}{\upr{a}{\*\ud{\u7871??}}}\trowd\trleft-5\clmgf\cellx100\clmrg\clvmgf\cellx200\pard\intbl{\listtext 1.\tab}\'e2\'ec\cell{\f1\'b3\u-3917}\bin3 {}}\cell\row\pard\intbl\itap2 x\nestcell{\*\nesttableprops\trowd\cellx50\nestrow}\itap1\cell\row{\field{\*\fldinst X}{\fldrslt\v 5\deleted 6\plain 7}}\u55357\u56832\par}
EOF
		max_len=16384
		;;
	fuzz_odf)
		# The parts of the OpenDocument renderings (tests/data/odf) joined by
		# "\n@@\n" in the order the harness packs them: content.xml,
		# styles.xml, mimetype; and a small table with spans, a covered
		# cell, repeats and list numbering; the flat files as they are.
		cp tests/data/odf/*.fodt tests/data/odf/*.fods "$seeds/"
		for f in tests/data/odf/*.odt tests/data/odf/*.ods tests/data/blind9/*.od[ts]; do
			{ unzip -p "$f" content.xml; printf '\n@@\n'; unzip -p "$f" styles.xml 2>/dev/null || true
			  printf '\n@@\n'; unzip -p "$f" mimetype; } >"$seeds/$(basename "$f")"
		done
		printf '%s' '<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x" xmlns:style="s"><office:automatic-styles><text:list-style style:name="L"><text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="1" text:display-levels="2"/></text:list-style></office:automatic-styles><office:body><office:text><text:p>Số: 1/KH</text:p><table:table><table:table-row><table:table-cell><text:p>STT</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2"><text:p>Chỉ tiêu</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>Năm 2025</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="2"><table:table-cell><text:list text:style-name="L"><text:list-item><text:p/></text:list-item></text:list></table:table-cell><table:table-cell table:number-rows-spanned="2" table:number-columns-repeated="2"><text:p>Tỷ lệ<text:s/>%</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="90"><text:p>90</text:p></table:table-cell></table:table-row><table:table-row><table:covered-table-cell table:number-columns-repeated="3"/></table:table-row></table:table></office:text></office:body></office:document-content>' >"$seeds/small.xml"
		max_len=1048576
		;;
	fuzz_gzip)
		for f in 'gzip, deflate, br' 'gzip;q=0, *' '*;q=0.5' 'x-gzip' 'identity' 'gzip ; q = 0.000' \
			'br;q=1.0, gzip;q=0.8'; do
			printf '%s' "$f" >"$seeds/$(printf '%s' "$f" | tr -c 'a-z0-9' _)"
		done
		max_len=4096
		;;
	fuzz_multipart)
		# Content-Type line, then the body: a form with a field and a file
		printf 'multipart/form-data; boundary=XyZ\n--XyZ\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nabc\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="k\\"h.docx"\r\nContent-Type: application/octet-stream\r\n\r\nPK\003\004\r\n--Xy\r\n--XyZ--\r\n' >"$seeds/form"
		printf 'multipart/form-data; charset=utf-8; boundary="a b"\npreamble\r\n--a b\r\nContent-Disposition: form-data; flag; name=x\r\n\r\n\r\n--a b--' >"$seeds/quoted"
		max_len=8192
		;;
	fuzz_figure)
		for f in 85 2,5 2.5 2.125 2.125,5 1.234.567 0.125 1e-3 1,5e-3 -3,5 1,234.5 \
			0.10000000000000001 =2+5 -; do
			printf '%s' "$f" >"$seeds/$f"
		done
		max_len=128
		;;
	fuzz_accounts)
		# opcode, bytes, 0xFF: cache put/get, session, strikes, login, name
		printf '\000\003\011cu\000A\037admin\000DEMO\000Ph\303\262ng\377\001\000\005\170\010an\377\002x\377\003Admin\377\003\357\274\241dmin\377\004Nguy\341\273\205n\342\200\256\377' >"$seeds/mixed"
		printf '\003admin\342\200\213' >"$seeds/zwsp"
		printf '\001\001\002\377\377login' >"$seeds/session"
		max_len=4096
		;;
	fuzz_html)
		# the plans as web pages, each cut after its 12th row (whole pages
		# run a few times a second under ASan), the smallest one whole, and
		# small pages of what portals hold
		for f in tests/data/rendered/*.html; do
			awk -v RS='</tr>' -v ORS='</tr>' 'NR <= 12' "$f" >"$seeds/slice-$(basename "$f")"
			printf '</table></body></html>\n' >>"$seeds/slice-$(basename "$f")"
		done
		cp tests/data/rendered/002_*.html tests/data/blind8/phuong-tan-phong*.html \
			tests/data/blind9/phuong-an-binh-tay.*.html "$seeds/"
		printf '<style>@media print{.g{display:block}}.t>div.g,.x{display:grid;grid-template:auto/[a] 40px repeat(2,minmax(0,1fr))}/*c*/</style><div class="g"><div style="grid-column:span 2">TT</div><div style="grid-column:-2/-1">N\u0103m</div><div style="grid-column-start:2">1</div><div style="display:table"><div style="display:table-row"><div style="display:table-cell">x</div></div></div></div>' >"$seeds/divgrid"
		printf '<table><tr><th rowspan=2>TT</th><th colspan=2>M&#7913;c</th></tr><tr><td>2025</td><td>2030</td></tr><tr><td>1<td>&ge; 80&nbsp;%%<br>x<td><table><tr><td>n</td></tr></table></table>' >"$seeds/spans"
		printf '<html><head><meta charset="windows-1258"><title>x</title><script>a<b</script></head><body><p>K\xd2 ho\xe3ch &#x1EBF;&amp;&bogus;<!-- c --></p>' >"$seeds/charset"
		max_len=65536
		;;
	fuzz_layout)
		# Tables of pdftotext -layout text: each rendering's indicator
		# table from its header on (60 lines), and the hand-written cases.
		for f in tests/data/rendered/*.pdf.layout.txt tests/data/layout/*.txt; do
			awk '{ b[NR % 4] = $0 }
				/^ *STT / && !on { on = 1; for (i = NR - 3; i < NR; i++) if (i > 0) print b[i % 4] }
				on && n++ < 60' "$f" >"$seeds/$(basename "$f")"
		done
		max_len=65536
		;;
	fuzz_plainblocks)
		# Plain text of PDF tables in blocks: each rendering's table from
		# its header's "STT" (or "TT") on (120 lines), and the cases
		# written by hand.
		for f in tests/data/rendered/*.pdf.txt tests/data/plainblocks/*.txt \
			tests/data/variants/*.pdf.txt tests/data/wordings/blocks*.txt; do
			awk '/^(STT|TT|Số TT)$/ && !on { on = 1 } on && n++ < 120' "$f" >"$seeds/$(basename "$f")"
		done
		max_len=65536
		;;
	fuzz_mhtml)
		# pages saved as one file (Chrome's, a Word-style one), each also
		# cut short, and a base64 page named by start in a nested multipart
		for f in tests/data/blind10f/*.mht*; do
			cp "$f" "$seeds/"
			head -c 3000 "$f" >"$seeds/cut-$(basename "$f")"
		done
		printf 'MIME-Version: 1.0\nContent-Type: multipart/related; start="<r@x>"; boundary=B\n\n--B\nContent-Type: multipart/alternative; boundary="i"\n\n--i\nContent-Type: text/html\nContent-ID: <r@x>\nContent-Transfer-Encoding: base64\n\nPHRhYmxlPjx0cj48dGQ+VFQ8L3RkPjwvdHI+PC90YWJsZT4=\n--i--\n--B\nContent-Type: text/css\nContent-Location: a.css\n\n.a{display:table}\n--B--\n' >"$seeds/nested"
		max_len=65536
		;;
	fuzz_celltext)
		# Word files saved as text (a cell a line) and as tab rows: each
		# form's table from its header on (160 lines).
		for f in tests/data/celltext/*.txt tests/data/celltext/*.tsv; do
			awk '/^(STT|TT|Số TT|Chỉ tiêu)(\t|$)/ && !on { on = 1 } on && n++ < 160' "$f" >"$seeds/$(basename "$f")"
		done
		max_len=65536
		;;
	fuzz_pdfrows)
		# words of a header band, a group row and an indicator row
		printf '\010\020\010\000\000\000\060\020\010\000\000\002\140\020\010\000\000\006\210\020\010\000\000\011\240\020\010\000\000\013\010\030\010\000\000\037\060\030\010\000\000\054\010\040\010\000\000\042\060\040\010\000\000\065\140\040\010\000\000\050\240\040\010\000\000\051' >"$seeds/table"
		max_len=24000
		;;
	fuzz_pdfgrid)
		# a grid of three columns and three rows drawn, a word in each
		# cell, a page's footer under it
		printf '\010\000\024\012\276\000\050\012\276\000\074\012\276\000\120\012\276\001\012\024\120\001\074\024\120\001\170\024\120\001\276\024\120\032\033\012\000\000\000\132\033\012\000\000\002\250\033\012\000\000\011\032\057\012\000\000\023\132\057\012\000\000\032\250\057\012\000\000\026\032\104\012\000\000\024\132\104\012\000\000\033\250\104\012\000\000\027\032\143\012\000\000\035' >"$seeds/grid"
		max_len=24000
		;;
	fuzz_period)
		for p in 2025-05 2025-5 2025-Q2 2025-q4 2025-H1 2025-9M 2025 2025-13 1999; do
			printf '%s' "$p" >"$seeds/$p"
		done
		max_len=64
		;;
	*)
		seed_documents "$seeds"
		# a PDF whose text layer splits a word set in two fonts
		[ "$h" = fuzz_import ] && cp tests/data/blind9/so-khcn-bac-hoa.pdf "$seeds/"
		max_len=1048576
		;;
	esac

	log="$FUZZ_DIR/$h.log"
	stamp="$FUZZ_DIR/.$h.started"
	touch "$stamp"
	echo "== fuzz: $h for ${FUZZ_SECONDS}s ($(find "$seeds" -type f | wc -l) seeds," \
		"$(find "$corpus" -type f | wc -l) in corpus; log $log)"
	rc=0
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ASAN_OPTIONS=detect_leaks=1 \
		LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
		"$bin" -max_total_time="$FUZZ_SECONDS" -max_len="$max_len" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
		${FUZZ_FLAGS[@]+"${FUZZ_FLAGS[@]}"} "$corpus" "$seeds" >"$log" 2>&1 || rc=$?

	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	# Only what this run wrote: older artifacts stay until someone removes them.
	found=$(find "$artifacts" -type f -newer "$stamp" | wc -l)
	if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
		status=1
		echo "!! fuzz: $h failed (exit $rc); new artifacts in $artifacts:"
		find "$artifacts" -type f -newer "$stamp" -printf '   %p (%s bytes)\n'
		grep -E -m 20 'ERROR:|SUMMARY:|runtime error|^ *#[0-9]+ ' "$log" || tail -n 40 "$log"
		summary+=("$h: FAILED (exit $rc), ${execs:-?} execs; see $log")
	else
		files=$(find "$corpus" -type f | wc -l)
		summary+=("$h: ok, ${execs:-?} execs in ${FUZZ_SECONDS}s, corpus $files files")
	fi
done

echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
ok=0
bad=0
for s in "${summary[@]}"; do
	case $s in *FAILED*) bad=$((bad + 1)) ;; *) ok=$((ok + 1)) ;; esac
done
echo "fuzz: $ok passed, $bad failed"
exit $status
