#!/usr/bin/env bash
# store_upload_flow.sh: a clerk's whole round through the API (issue 12) on
# the real server over the demo database (SQLite, or $CHITIEU_TEST_DB_URL),
# with a plan the readers were not built on (tests/data/variants/
# xa-hoa-binh.docx): uploaded (multipart) and published in place of the
# demo plan; GET /plan says which version is in force; a figure recorded;
# a changed version of the Word file (a target changed, an indicator's row
# removed in its XML) shows exactly those two differences, is refused
# until confirmed, then published, the figure kept; uploaded again and
# corrected (a target, an agency, an indicator moved to another group, a
# false row removed, a missed one added), the difference is exactly the
# corrections, and they are in the plan once published. Refusals are JSON
# with their typed code, nothing changed. The plan saved by LibreOffice
# (.odt) is read as the Word file. A plan's text printed to PDF (no
# ruled table) is read, each row placed on the draft page by its page.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
start_server --workers 4
api=$base/api/v1/units/DEMO-A/plan
pw=matkhau-demo
[ "$(signin vanphong)" = 200 ] && ok || bad "sign in: $(cat "$tmp/signin")"
docx=$data/variants/xa-hoa-binh.docx

upload() { # FILE: a draft; sets $id
	expect_status "upload $(basename "$1")" "$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.vanphong" \
		-H "X-CSRF-Token: $(cat "$tmp/csrf.vanphong")" -F "file=@$1" "$api/drafts")" 201
	id=$(jq -r .id "$tmp/body")
}
publish() { # JSON STATUS
	expect_status "publish $1" "$(as vanphong POST "/api/v1/units/DEMO-A/plan/drafts/$id/publish" "$1")" "$2"
}
plans() { count "SELECT count(*) FROM plans p JOIN units u ON u.id = p.unit_id WHERE u.code = 'DEMO-A'"; }
figure() { # the figures of DEMO-A on indicator III.1 (by the series' code)
	count "SELECT count(*) FROM observations o JOIN series s ON s.id = o.series_id
	       JOIN units u ON u.id = s.unit_id WHERE u.code = 'DEMO-A' AND s.code = 'III.1'"
}

# ---- the office's own plan in place of the demo's ----
upload "$docx"
check draft '(.plan.indicators | length) == 10 and .filename == "xa-hoa-binh.docx"'
publish '{"confirm":true}' 201
check published '.version == 2'
expect_status plan "$(as vanphong GET /api/v1/units/DEMO-A/plan)" 200
check "plan v2" '.version == 2 and (.imported_at | test("^20")) and (.plan.indicators | length) == 10'
expect_status figure "$(as vanphong POST /api/v1/units/DEMO-A/observations \
	'{"indicator":"III.1","period":"2025-12","value":86}')" 201
[ "$(figure)" = 1 ] && ok || bad "figure: $(figure)"

# ---- a changed version: III.1's 2026 target 90 -> 92, II.3's row removed ----
python3 - "$docx" "$tmp/sua.docx" << 'EOF'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for item in z.infolist():
        data = z.read(item.filename)
        if item.filename == "word/document.xml":
            s = data.decode()
            rows = list(re.finditer(r"<w:tr[ >].*?</w:tr>", s, re.S))
            text = lambda m: "|".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", m.group(0)))
            a = next(m for m in rows if text(m).startswith("1|Tỷ lệ người dân trưởng thành"))
            b = next(m for m in rows if text(m).startswith("3|Mức độ hài lòng"))
            row = a.group(0).replace(">90<", ">92<", 1)
            assert row != a.group(0) and b.end() <= a.start()
            s = s[:b.start()] + s[b.end():a.start()] + row + s[a.end():]
            data = s.encode()
        out.writestr(item, data)
EOF
upload "$tmp/sua.docx"
expect_status diff "$(as vanphong GET "/api/v1/units/DEMO-A/plan/drafts/$id/diff")" 200
check diff '.added == [] and (.removed | map(.code)) == ["II.3"] and .groups == []
	and (.changed | map({code, changes})) == [{"code":"III.1","changes":[{"field":"target 2026","old":"90","new":"92"}]}]
	and .confirm == true'
publish '{}' 409
check unconfirmed '.error.code == "E_CONFIRM" and (.error.mapping | map(select(.match == "dropped") | .old_code)) == ["II.3"]'
[ "$(plans)" = 2 ] && ok || bad "unconfirmed: $(plans) plans"
publish '{"confirm":true}' 201
check confirmed '.version == 3 and .unmatched == ["II.3"]'
as vanphong GET /api/v1/units/DEMO-A/plan > /dev/null
check "plan v3" '.version == 3 and (.plan.indicators[] | select(.code == "III.1") | .targets["2026"].text) == "92"'
[ "$(figure)" = 1 ] && ok || bad "the figure on III.1 after v3: $(figure)"

# ---- corrected before saving: the difference is the corrections ----
upload "$tmp/sua.docx"
expect_status corrections "$(as vanphong PATCH "/api/v1/units/DEMO-A/plan/drafts/$id" \
	'{"rows":[{"code":"III.2","targets":{"2030":"≥ 20"}},{"code":"I.1","lead":"Phòng Kinh tế, Hạ tầng và Đô thị"},
	  {"code":"I.3","group":"II"}],
	  "remove":["III.4"],
	  "add":[{"code":"III.5","group":"III","name":"Tỷ lệ hộ gia đình có địa chỉ số","unit":"%","lead":"Công an xã",
	          "targets":{"2030":"tối thiểu 80"}}]}')" 200
check "target read again" '.plan.indicators[] | select(.code == "III.2") | .targets["2030"] | .kind == "number" and .value == 20'
check "added row read" '.plan.indicators[] | select(.code == "III.5") | .targets["2030"] | .kind == "number" and .value == 80'
expect_status diff2 "$(as vanphong GET "/api/v1/units/DEMO-A/plan/drafts/$id/diff")" 200
check diff2 '(.added | map(.code)) == ["III.5"] and (.removed | map(.code)) == ["III.4"] and .groups == []
	and (.changed | map({code, f: (.changes | map(.field))}) | sort_by(.code))
	    == [{"code":"I.1","f":["lead"]},{"code":"I.3","f":["group"]},{"code":"III.2","f":["target 2030"]}]'
publish '{"confirm":true}' 201
check "v4" '.version == 4'
as vanphong GET /api/v1/units/DEMO-A/plan > /dev/null
check "plan v4" '.version == 4 and ([.plan.indicators[].code] | index("III.4") == null and index("III.5") != null)
	and (.plan.indicators[] | select(.code == "I.3") | .group) == "II"
	and (.plan.indicators[] | select(.code == "I.1") | .lead) == "Phòng Kinh tế, Hạ tầng và Đô thị"'
[ "$(figure)" = 1 ] && ok || bad "the figure on III.1 after v4: $(figure)"

# ---- refusals: JSON, typed, nothing changed ----
upload "$docx"
expect_status "unknown row" "$(as vanphong PATCH "/api/v1/units/DEMO-A/plan/drafts/$id" '{"rows":[{"code":"IX.9","name":"x"}]}')" 400
check "unknown row" '.error.code == "E_INPUT" and (.error.message | test("IX\\.9"))'
expect_status "not JSON" "$(as vanphong PATCH "/api/v1/units/DEMO-A/plan/drafts/$id" 'không phải JSON')" 400
check "not JSON" '.error.code == "E_JSON"'
expect_status "no such draft" "$(as vanphong POST /api/v1/units/DEMO-A/plan/drafts/999999/publish '{}')" 404
check "no such draft" '.error.code == "E_NOT_FOUND"'
expect_status "draft kept" "$(as vanphong GET "/api/v1/units/DEMO-A/plan/drafts/$id")" 200
check "draft unchanged" '(.plan.indicators | length) == 10'
[ "$(plans)" = 4 ] && ok || bad "refusals: $(plans) plans"

# ---- the same plan saved by LibreOffice (.odt): read as the Word file,
# each row placed by its table and row ----
upload "$data/odf/xa-hoa-binh.odt"
check "odt" '(.plan.indicators | length) == 10 and .filename == "xa-hoa-binh.odt"
	and all(.plan.indicators[]; .source.table >= 1 and .source.row >= 1)'

# ---- a text file printed to PDF (no ruled table): read from its pages laid
# out as text; the page shows each row's page, not a line of that hidden
# text ----
upload "$data/rendered/000_03b77514fb71b314.text.pdf"
check "printed text" '(.plan.indicators | length) == 75 and all(.plan.indicators[]; .source.page >= 1)'
curl -s -b "$tmp/jar.vanphong" "$base/don-vi/DEMO-A/ke-hoach?draft=$id" > "$tmp/page.html"
grep -q '<td class="src">trang 1<' "$tmp/page.html" && ok || bad "draft page: no row placed at \"trang 1\""
grep -q '<td class="[a-z ]*src">[^<]*dòng [0-9]' "$tmp/page.html" && bad "draft page: a row placed by a line of the laid out text" || ok

finish store_upload_flow
