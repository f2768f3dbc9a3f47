#!/usr/bin/env bash
# browser_upload_phone.sh: the upload page on a 360-px-wide phone
# (tests/browser/upload_phone.mjs, Debian's chromium through playwright-core)
# against the real server over a fresh demo database: another plan's PDF
# (one whose reader warns: its warnings must be in sight)
# read into a draft laid out as cards, then a blank scan refused with its
# reason above the form. Nothing is stored. Screenshots stay in
# build/browser-upload-phone-artifacts.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
backend=sqlite
browser_demo upload-phone
export OMP_THREAD_LIMIT=1
convert -size 1240x1754 xc:white "$tmp/blank.png" && img2pdf "$tmp/blank.png" -o "$tmp/trang-trang.pdf" || bad "blank.pdf"
plans0=$(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM plans')
start_server --workers 4
if timeout 240 node "$root/tests/browser/upload_phone.mjs" "$base" "$artifacts" "$data/variants/xa-tan-phu.pdf" \
	"$tmp/trang-trang.pdf"; then ok; else bad "upload_phone.mjs (screenshots in $artifacts)"; fi
[ "$(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM plan_drafts')" = 0 ] && ok || bad "drafts left behind"
[ "$(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM plans')" = "$plans0" ] && ok || bad "plans: $(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM plans')"
ls "$artifacts"/*.png > /dev/null 2>&1 && ok || bad "no screenshots"
finish browser_upload_phone
