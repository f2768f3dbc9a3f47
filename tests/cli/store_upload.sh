#!/usr/bin/env bash
# store_upload.sh: plan documents uploaded through the API (issue 12) on the
# real server over the demo database (SQLite, or $CHITIEU_TEST_DB_URL):
# a DOCX read into a draft, a cell corrected, the draft published as the
# unit's new plan version; a changed DOCX uploaded again, the difference
# listed, publication refused until confirmed (a dropped indicator), then
# published; the recorded figures survive; bad files (encrypted PDF, Word
# file with no table, blurred scan, 50 MB, zip bomb) refused in one
# Vietnamese sentence with nothing stored; who may upload.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
start_server --workers 4
export OMP_THREAD_LIMIT=1
docx=$data/rendered/004_5f0b3916b5e2f87f.docx
api=$base/api/v1/units/DEMO-A/plan

signin() { # ROLE
	curl -s -c "$tmp/jar.$1" -H 'Content-Type: application/json' \
		-d "{\"login\":\"$1\",\"password\":\"matkhau-demo\"}" "$base/api/v1/session" > "$tmp/signin.$1"
	sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p' "$tmp/signin.$1" > "$tmp/csrf.$1"
	grep -qE '^[0-9a-f]{64}$' "$tmp/csrf.$1" && ok || bad "sign in $1: $(cat "$tmp/signin.$1")"
}
signin vanphong
signin baocao

# call METHOD URL [ARGS...]: as vanphong; prints the status, body in $tmp/body.
call() {
	local method=$1 url=$2
	shift 2
	curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" -b "$tmp/jar.vanphong" \
		-H "X-CSRF-Token: $(cat "$tmp/csrf.vanphong")" "$@" "$url"
}
figures() { # figures recorded on the unit's indicators I.1 and I.3 (demo: 1 and 2)
	count "SELECT count(*) FROM observations o JOIN series s ON s.id = o.series_id
	       JOIN units u ON u.id = s.unit_id WHERE u.code = 'DEMO-A' AND s.code IN ('I.1', 'I.3')"
}
plans() { count "SELECT count(*) FROM plans p JOIN units u ON u.id = p.unit_id WHERE u.code = 'DEMO-A'"; }
drafts() { count 'SELECT count(*) FROM plan_drafts'; }
fig0=$(figures)
[ "$fig0" -ge 2 ] && ok || bad "demo: only $fig0 figures on I.1 and I.3"
[ "$(plans)" = 1 ] && ok || bad "demo: $(plans) plans of DEMO-A"

# ---- upload a DOCX: a draft ----
expect_status upload "$(call POST "$api/drafts" -F "file=@$docx")" 201
cp "$tmp/body" "$tmp/draft.json"
id=$(jq -r .id "$tmp/draft.json")
jq -e '.plan.indicators | length > 50' "$tmp/draft.json" > /dev/null && ok || bad "draft: too few indicators"
jq -e '.plan.indicators[] | select(.code == "I.1") | .targets["2025"].text == "≥ 70" and .source.table == 1' \
	"$tmp/draft.json" > /dev/null && ok || bad "draft: I.1 not as in the document: $(jq -c '.plan.indicators[0]' "$tmp/draft.json")"
jq -e '.parsed.indicators | length > 50' "$tmp/draft.json" > /dev/null && ok || bad "draft: the plan as read is missing"
jq -e '.row_warnings | length > 0' "$tmp/draft.json" > /dev/null && ok || bad "draft: no row flagged (V.34 repeats V.31)"
[ "$(drafts)" = 1 ] && ok || bad "upload: $(drafts) drafts stored"
[ "$(plans)" = 1 ] && ok || bad "upload: a plan was stored before publishing"

# ---- correct a cell: the target read again ----
expect_status patch "$(call PATCH "$api/drafts/$id" -H 'Content-Type: application/json' \
	--data-binary '{"rows":[{"code":"I.1","targets":{"2025":"≥ 95"}}]}')" 200
jq -e '.plan.indicators[] | select(.code == "I.1") | .targets["2025"] | .kind == "number" and .value == 95 and .op == ">="' \
	"$tmp/body" > /dev/null && ok || bad "patch: target not read again: $(jq -c '.plan.indicators[0].targets' "$tmp/body")"
jq -e '.parsed.indicators[] | select(.code == "I.1") | .targets["2025"].text == "≥ 70"' "$tmp/body" > /dev/null &&
	ok || bad "patch: the plan as read changed too"
expect_status patch-bad "$(call PATCH "$api/drafts/$id" -H 'Content-Type: application/json' \
	--data-binary '{"rows":[{"code":"NOPE","name":"x"}]}')" 400
grep -q 'NOPE' "$tmp/body" && ok || bad "patch-bad: the row is not named: $(cat "$tmp/body")"
expect_status diff "$(call GET "$api/drafts/$id/diff")" 200
jq -e '.changed == [{"code":"I.1","name":"Phủ sóng 5G trên dân số","changes":[{"field":"target 2025","old":"≥ 70","new":"≥ 95"}]}] and .added == [] and .removed == [] and .confirm == false' \
	"$tmp/body" > /dev/null && ok || bad "diff: $(jq -c '{changed, added, removed, confirm}' "$tmp/body")"

# ---- publish ----
expect_status publish "$(call POST "$api/drafts/$id/publish")" 201
jq -e '.version == 2 and .matched > 50' "$tmp/body" > /dev/null && ok || bad "publish: $(cat "$tmp/body")"
[ "$(plans)" = 2 ] && ok || bad "publish: $(plans) plans"
[ "$(drafts)" = 0 ] && ok || bad "publish: the draft was kept"
[ "$(figures)" = "$fig0" ] && ok || bad "publish: figures $(figures), were $fig0"
curl -s -b "$tmp/jar.vanphong" "$base/api/v1/units/DEMO-A/plan" > "$tmp/plan.json"
jq -e '.plan.indicators[] | select(.code == "I.1") | .targets["2025"].text == "≥ 95"' "$tmp/plan.json" > /dev/null &&
	ok || bad "publish: the correction is not in the plan"

# ---- a changed version: I.1's 2025 target and I.2 dropped ----
python3 - "$docx" "$tmp/changed.docx" << 'EOF'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for item in z.infolist():
        data = z.read(item.filename)
        if item.filename == "word/document.xml":
            s = data.decode()
            rows = list(re.finditer(r"<w:tr[ >].*?</w:tr>", s, re.S))
            text = lambda m: "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", m.group(0)))
            i1 = next(m for m in rows if text(m).startswith("I.1Phủ sóng 5G"))
            i2 = next(m for m in rows if text(m).startswith("I.2Phủ sóng 6G"))
            # the 2025 cell "≥ 70" is written as two runs, "≥ " and "70"
            row = i1.group(0).replace(">70<", ">85<", 1)
            assert row != i1.group(0)
            s = s[:i1.start()] + row + s[i1.end():i2.start()] + s[i2.end():]
            data = s.encode()
        out.writestr(item, data)
EOF
expect_status reupload "$(call POST "$api/drafts" -F "file=@$tmp/changed.docx;filename=ke-hoach-sua.docx")" 201
id2=$(jq -r .id "$tmp/body")
jq -e '.filename == "ke-hoach-sua.docx"' "$tmp/body" > /dev/null && ok || bad "reupload: file name $(jq .filename "$tmp/body")"
expect_status diff2 "$(call GET "$api/drafts/$id2/diff")" 200
jq -e '(.changed | map(select(.code == "I.1")) | .[0].changes) == [{"field":"target 2025","old":"≥ 95","new":"≥ 85"}]
       and (.removed | map(.code)) == ["I.2"] and .added == [] and .confirm == true
       and (.mapping | map(select(.match == "dropped")) | map(.old_code)) == ["I.2"]' \
	"$tmp/body" > /dev/null && ok || bad "diff2: $(jq -c '{changed: .changed[:2], removed, added, confirm}' "$tmp/body")"
expect_status unconfirmed "$(call POST "$api/drafts/$id2/publish" -H 'Content-Type: application/json' --data-binary '{}')" 409
jq -e '.error.code == "E_CONFIRM" and (.error.mapping | map(select(.match == "dropped")) | length) == 1' "$tmp/body" > /dev/null &&
	ok || bad "unconfirmed: $(head -c 300 "$tmp/body")"
[ "$(plans)" = 2 ] && ok || bad "unconfirmed: a plan was stored"
expect_status confirmed "$(call POST "$api/drafts/$id2/publish" -H 'Content-Type: application/json' \
	--data-binary '{"confirm":true}')" 201
jq -e '.version == 3 and .unmatched == ["I.2"]' "$tmp/body" > /dev/null && ok || bad "confirmed: $(cat "$tmp/body")"
[ "$(plans)" = 3 ] && ok || bad "confirmed: $(plans) plans"
[ "$(figures)" = "$fig0" ] && ok || bad "confirmed: figures $(figures), were $fig0"

# ---- bad files: one sentence, nothing stored ----
python3 - "$tmp" << 'EOF'
import sys, zipfile
d = sys.argv[1]
ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')
head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
para = '<w:p><w:r><w:t>Kế hoạch chuyển đổi số năm 2026: không có bảng.</w:t></w:r></w:p>'
tail = '</w:body></w:document>'
for name, body in (("notable.docx", head + para + tail), ("bomb.docx", head + " " * (300 << 20) + para + tail)):
    with zipfile.ZipFile(f"{d}/{name}", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", body)
EOF
qpdf --encrypt secret owner 256 -- "$data/rendered/004_5f0b3916b5e2f87f.pdf" "$tmp/locked.pdf"
head -c $((50 << 20)) /dev/urandom > "$tmp/big.pdf"
plans0=$(plans)
# refuse NAME FILE STATUS WORDS: refused with STATUS, one sentence with WORDS.
refuse() {
	local got
	got=$(call POST "$api/drafts" -F "file=@$2")
	if [ "$got" = 202 ]; then # still reading (a scan): poll its job
		local poll
		poll=$(jq -r .poll "$tmp/body")
		for _ in $(seq 1 60); do
			got=$(call GET "$base$poll")
			jq -e '.state == "reading"' "$tmp/body" > /dev/null || break
			sleep 1
		done
		jq -e '.state == "failed"' "$tmp/body" > /dev/null && got=$3 || got="job $(jq -c . "$tmp/body")"
	fi
	expect_status "$1" "$got" "$3"
	local msg
	msg=$(jq -r .error.message "$tmp/body")
	grep -q "$4" <<< "$msg" && ok || bad "$1: message lacks \"$4\": $msg"
	[ "$(printf '%s' "$msg" | wc -l)" -eq 0 ] && ok || bad "$1: more than one line: $msg"
	[ "$(drafts)" = 0 ] && ok || bad "$1: a draft was stored"
	[ "$(plans)" = "$plans0" ] && ok || bad "$1: a plan was stored"
}
refuse locked "$tmp/locked.pdf" 422 "mật khẩu"
refuse notable "$tmp/notable.docx" 422 "không có bảng"
refuse blurred "$data/scans/blurred.scan.pdf" 422 "quá mờ"
refuse big "$tmp/big.pdf" 413 "quá lớn (tối đa 20 MB)"
refuse bomb "$tmp/bomb.docx" 422 "bom nén"
# The other routes keep their 1 MiB limit.
head -c $((2 << 20)) /dev/zero | tr '\0' ' ' > "$tmp/2mb.json"
expect_status "1 MiB elsewhere" "$(call POST "$base/api/v1/units/DEMO-A/observations" \
	-H 'Content-Type: application/json' --data-binary "@$tmp/2mb.json")" 413
expect_status "no file" "$(call POST "$api/drafts" -F "note=x")" 400
expect_status "not multipart" "$(call POST "$api/drafts" -H 'Content-Type: application/json' --data-binary '{}')" 400
jq -e '.error.code == "E_BAD_REQUEST"' "$tmp/body" > /dev/null && ok || bad "not multipart: $(cat "$tmp/body")"

# ---- who may ----
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.baocao" -H "X-CSRF-Token: $(cat "$tmp/csrf.baocao")" \
	-F "file=@$docx" "$api/drafts")
expect_status "reporter" "$got" 403
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.vanphong" -F "file=@$docx" "$api/drafts")
expect_status "no csrf" "$got" 403
expect_status "another unit" "$(call POST "$base/api/v1/units/DEMO-B/plan/drafts" -F "file=@$docx")" 403
[ "$(drafts)" = 0 ] && ok || bad "refused uploads stored drafts"
# A draft is its unit's: another unit's URL does not reach it.
expect_status upload3 "$(call POST "$api/drafts" -F "file=@$docx")" 201
id3=$(jq -r .id "$tmp/body")
# A false row removed, a missed one added (its target read with its unit).
expect_status "remove and add" "$(call PATCH "$api/drafts/$id3" -H 'Content-Type: application/json' --data-binary \
	'{"remove":["I.3"],"add":[{"code":"I.9","group":"I","name":"Tỷ lệ hộ có cáp quang","unit":"%","lead":"Phòng Văn hóa – Xã hội","targets":{"2030":"từ 80 đến 90"}}]}')" 200
jq -e '[.plan.indicators[].code] | (index("I.3") == null) and (index("I.9") != null)' "$tmp/body" > /dev/null &&
	ok || bad "remove and add: $(jq -c '[.plan.indicators[].code]' "$tmp/body")"
jq -e '.plan.indicators[] | select(.code == "I.9") | .targets["2030"] | .kind == "range" and .min == 80 and .max == 90' \
	"$tmp/body" > /dev/null && ok || bad "added row's target: $(jq -c '.plan.indicators[] | select(.code == "I.9")' "$tmp/body")"
expect_status "add twice" "$(call PATCH "$api/drafts/$id3" -H 'Content-Type: application/json' --data-binary \
	'{"add":[{"code":"I.9","group":"I","name":"x"}]}')" 400
expect_status diff3 "$(call GET "$api/drafts/$id3/diff")" 200
jq -e '(.added | map(.code)) == ["I.2", "I.9"] and (.removed | map(.code)) == ["I.3"]' "$tmp/body" > /dev/null &&
	ok || bad "diff3: $(jq -c '{added, removed}' "$tmp/body")"
signin tinh
got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.tinh" "$base/api/v1/units/DEMO-B/plan/drafts/$id3")
expect_status "draft of another unit" "$got" 404
# An expired draft is gone.
sql "UPDATE plan_drafts SET expires_at = '2000-01-01T00:00:00Z' WHERE id = $id3" > /dev/null
expect_status "expired" "$(call GET "$api/drafts/$id3")" 404
expect_status discard "$(call DELETE "$api/drafts/$id3")" 200
[ "$(drafts)" = 0 ] && ok || bad "discard: the draft was kept"
# The routes are in the OpenAPI document.
curl -s "$base/api/v1/openapi.json" | jq -e '.paths["/api/v1/units/{unit}/plan/drafts/{draft}"].patch and
	.paths["/api/v1/units/{unit}/plan/drafts/{draft}/publish"].post' > /dev/null && ok || bad "openapi: draft routes missing"

finish store_upload
