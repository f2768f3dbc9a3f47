#!/usr/bin/env bash
# parse_blind10f.sh: a tenth blind round, tests/data/blind10f (see its
# README): web pages saved as one file (MHTML: Chrome's "Webpage, Single
# File", Word's "Single File Web Page") and the .docx rows older Word and
# WPS write (w:hMerge, w:gridBefore/gridAfter/wBefore around w:vMerge).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
v=$data/blind10f
. "$here/facts.bash"

# Chrome's MHTML: the page quoted-printable, its stylesheets parts of
# their own. The <div> table laid out by the portal's linked stylesheet
# (refused from the page saved alone); a CSS grid whose <style> Chrome
# moved into a part ("cid:" link); a plain <table> page.
check phuong-an-binh-tay chrome.mhtml
check phuong-tan-phong chrome.mhtml
check huyen-duc-lap chrome.mhtml
# A windows-1258 page (diacritics as combining marks): Chrome keeps its
# bytes, the part names no charset, the page's <meta> does.
check phuong-hoa-lac chrome.mhtml
flagged phuong-an-binh-tay chrome.mhtml --rows
# A stylesheet's address with two parameters: the page writes its "&" as
# "&amp;" (as Chrome does), the part's Content-Location as "&".
sed -e 's|vanban.min.css?v=3D2.3.1" type|vanban.min.css?v=3D2.3.1\&amp;t=3D9" type|' \
	-e 's|^\(Content-Location: .*vanban.min.css?v=2.3.1\)\r$|\1\&t=9\r|' \
	"$v/phuong-an-binh-tay.chrome.mhtml" > "$tmp/amp.mhtml"
if python3 "$here/variants_facts.py" "$bin" "$tmp/amp.mhtml" "$v/phuong-an-binh-tay.golden.json" > "$tmp/facts" 2>&1; then
	ok
else
	bad "amp.mhtml: $(cat "$tmp/facts")"
fi
# Word's Single File Web Page: windows-1258, quoted-printable, <o:p>.
check huyen-duc-lap word.mht
# A save cut short (no closing boundary): its rows may be lost, so it is
# refused, saying where.
head -c 5000 "$v/huyen-duc-lap.chrome.mhtml" > "$tmp/cut.mhtml"
if "$bin" parse "$tmp/cut.mhtml" > "$tmp/out" 2>&1; then
	bad "cut.mhtml: read, want refused"
elif grep -q "dòng [0-9]* của tệp MHTML.*cắt cụt" "$tmp/out"; then
	ok
else
	bad "cut.mhtml: $(cat "$tmp/out")"
fi
# The page base64 in a multipart/alternative, named by the start
# parameter's Content-ID (a text/html part before it not the page).
{
	printf 'MIME-Version: 1.0\nContent-Type: multipart/related; type="text/html"; start="<root@x>"; boundary=XYZ\n\n'
	printf -- '--XYZ\nContent-Type: multipart/alternative; boundary="in"\n\n--in\nContent-Type: text/html\n\n<p>Trang chủ</p>\n'
	printf -- '--in\nContent-Type: text/html; charset=utf-8\nContent-ID: <root@x>\nContent-Transfer-Encoding: base64\n\n'
	base64 "$data/blind5/huyen-duc-lap.html"
	printf -- '--in--\n--XYZ--\n'
} > "$tmp/b64.mht"
if python3 "$here/variants_facts.py" "$bin" "$tmp/b64.mht" "$v/huyen-duc-lap.golden.json" > "$tmp/facts" 2>&1; then
	ok
else
	bad "b64.mht: $(cat "$tmp/facts")"
fi

# .docx: horizontal merges as w:hMerge restart/continue; rows starting
# and ending short (w:gridBefore + w:wBefore, w:gridAfter + w:wAfter)
# with w:vMerge continuations after the cells skipped.
check tinh-phu-an hmerge.docx
check benh-vien-nam-son short.docx
# The header's first row holding only the cell over the years, starting
# and ending short, the other headings in the second row.
check benh-vien-nam-son headshort.docx

finish parse_blind10f
