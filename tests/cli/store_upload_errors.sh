#!/usr/bin/env bash
# store_upload_errors.sh: documents the readers refuse, uploaded through the
# API (issue 12), on the real server over the demo database (SQLite, or
# $CHITIEU_TEST_DB_URL): an encrypted PDF, a Word file with no table, a
# .zip that is neither Word nor Excel, an image-only blank page (read by
# OCR in a job, polled), an empty file. Each answer is JSON with the typed
# code (E_DOCUMENT) and one sentence an office reads on its own: it starts
# with a capital letter (the readers' reasons are written to follow
# "chitieu parse: FILE: " in lower case), says that nothing was stored and
# ends with a full stop; nothing is stored. The same sentence on the page.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
start_server --workers 4
export OMP_THREAD_LIMIT=1
api=$base/api/v1/units/DEMO-A/plan
pw=matkhau-demo
[ "$(signin vanphong)" = 200 ] && ok || bad "sign in: $(cat "$tmp/signin")"

# The bad files.
qpdf --encrypt secret owner 256 -- "$data/variants/xa-hoa-binh.pdf" "$tmp/locked.pdf"
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
doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       '<w:body><w:p><w:r><w:t>Kế hoạch chuyển đổi số năm 2026: không có bảng.</w:t></w:r></w:p></w:body></w:document>')
with zipfile.ZipFile(f"{d}/notable.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", ct)
    z.writestr("_rels/.rels", rels)
    z.writestr("word/document.xml", doc)
with zipfile.ZipFile(f"{d}/bundle.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("ke-hoach.txt", "Kế hoạch")
    z.writestr("phu-luc.txt", "Phụ lục")
EOF
convert -size 1240x1754 xc:white "$tmp/blank.png" && img2pdf "$tmp/blank.png" -o "$tmp/blank.pdf" || bad "blank.pdf"
: > "$tmp/empty.pdf"

drafts() { count 'SELECT count(*) FROM plan_drafts'; }
plans() { count 'SELECT count(*) FROM plans'; }
plans0=$(plans)

# refuse NAME FILE WORDS: refused (polled while it is read), with a JSON
# error E_DOCUMENT whose message is one sentence holding WORDS.
refuse() {
	local got
	got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.vanphong" \
		-H "X-CSRF-Token: $(cat "$tmp/csrf.vanphong")" -F "file=@$2" "$api/drafts")
	if [ "$got" = 202 ]; then
		local poll
		poll=$(jq -r .poll "$tmp/body")
		for _ in $(seq 1 120); do
			curl -s -o "$tmp/body" -b "$tmp/jar.vanphong" "$base$poll"
			jq -e '.state == "reading"' "$tmp/body" > /dev/null || break
			sleep 1
		done
		jq -e '.state == "failed"' "$tmp/body" > /dev/null && got=422
	fi
	[ "$got" = 422 ] && ok || bad "$1: status $got: $(head -c 300 "$tmp/body")"
	jq -e '.error.code == "E_DOCUMENT"' "$tmp/body" > /dev/null && ok || bad "$1: not E_DOCUMENT: $(head -c 300 "$tmp/body")"
	local msg
	msg=$(jq -r .error.message "$tmp/body")
	grep -q -- "$3" <<< "$msg" && ok || bad "$1: no \"$3\" in: $msg"
	# A capital first letter (Vietnamese ones included), nothing stored said, a full stop.
	python3 -c 'import sys; m = sys.argv[1]; sys.exit(0 if m[:1].isupper() else 1)' "$msg" &&
		ok || bad "$1: does not start with a capital: $msg"
	grep -q 'chưa lưu gì\.$' <<< "$msg" && ok || bad "$1: does not end \"chưa lưu gì.\": $msg"
	[ "$(printf '%s' "$msg" | wc -l)" -eq 0 ] && ok || bad "$1: more than one line: $msg"
	[ "$(drafts)" = 0 ] && ok || bad "$1: a draft was stored"
	[ "$(plans)" = "$plans0" ] && ok || bad "$1: a plan was stored"
}
refuse locked "$tmp/locked.pdf" "mật khẩu"
refuse notable "$tmp/notable.docx" "không có bảng"
refuse zip "$tmp/bundle.zip" "ZIP"
refuse blank "$tmp/blank.pdf" "quá mờ"
refuse empty "$tmp/empty.pdf" "rỗng"

# The page without JavaScript: the same sentence above the form, 422.
got=$(curl -s -o "$tmp/page" -w '%{http_code}' -b "$tmp/jar.vanphong" \
	-F "csrf=$(cat "$tmp/csrf.vanphong")" -F "file=@$tmp/locked.pdf" "$base/don-vi/DEMO-A/ke-hoach")
[ "$got" = 422 ] && ok || bad "page: status $got"
grep -q '<p class="error" role="alert">Tệp PDF được khóa bằng mật khẩu[^<]*; chưa lưu gì\.</p>' "$tmp/page" &&
	ok || bad "page: $(grep -o '<p class="error"[^<]*' "$tmp/page" | head -c 400)"
grep -q 'name="file"' "$tmp/page" && ok || bad "page: no form to send another file"
[ "$(drafts)" = 0 ] && ok || bad "page: a draft was stored"

finish store_upload_errors
