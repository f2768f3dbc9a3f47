#!/usr/bin/env bash
# store_upload_stale.sh: the plan draft's form left open in a window while
# the draft is published elsewhere and another file uploaded (issue 12), on
# the real server over the demo database (SQLite, or $CHITIEU_TEST_DB_URL).
# SQLite gives the freed draft number to the next upload, so the old form
# posts to the new draft: it is refused (409, one sentence, nothing saved
# or published), while the new draft's own form still saves.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
start_server --workers 4
api=/api/v1/units/DEMO-A/plan
pw=matkhau-demo
[ "$(signin vanphong)" = 200 ] && ok || bad "sign in: $(cat "$tmp/signin")"
csrf=$(cat "$tmp/csrf.vanphong")
plans() { count "SELECT count(*) FROM plans p JOIN units u ON u.id = p.unit_id WHERE u.code = 'DEMO-A'"; }
upload() { # FILE: a draft through the API; prints its number
	curl -s -b "$tmp/jar.vanphong" -H "X-CSRF-Token: $csrf" -F "file=@$1" "$base$api/drafts" | jq -r .id
}
made() { # DRAFT: the "made" of its page's form
	curl -s -b "$tmp/jar.vanphong" "$base/don-vi/DEMO-A/ke-hoach?draft=$1" |
		sed -n 's/.*name="made" value="\([^"]*\)".*/\1/p'
}
post() { # DRAFT MADE ACTION: the draft's form posted with no row; prints the status
	curl -s -o "$tmp/page" -w '%{http_code}' -b "$tmp/jar.vanphong" --data-urlencode "csrf=$csrf" \
		--data-urlencode "draft=$1" --data-urlencode "made=$2" --data-urlencode "action=$3" \
		--data-urlencode confirm=1 --data-urlencode n=0 "$base/don-vi/DEMO-A/ke-hoach"
}

# The first upload, its page open; published from elsewhere.
a=$(upload "$data/variants/xa-hoa-binh.docx")
made_a=$(made "$a")
[ -n "$made_a" ] && ok || bad "the form does not say when its draft was made"
[ "$(as vanphong POST "$api/drafts/$a/publish" '{"confirm":true}')" = 201 ] && ok || bad "publish: $(cat "$tmp/body")"
plans0=$(plans)
sleep 1.1 # the next draft made in another second
b=$(upload "$data/variants/phuong-an-binh.docx")
[ "$backend" = postgresql ] || { [ "$b" = "$a" ] && ok || bad "SQLite gave draft $b, not $a again"; }
# The old window's form, on the number the new draft now has.
got=$(post "$b" "$made_a" publish)
[ "$got" = 409 ] && ok || bad "the old form: status $got"
grep -q '<p class="error" role="alert">Bản nháp trong cửa sổ này đã được lưu hoặc bỏ[^<]*chưa lưu gì\.</p>' "$tmp/page" &&
	ok || bad "the old form: $(grep -o '<p class="error"[^<]*' "$tmp/page" | head -c 300)"
[ "$(plans)" = "$plans0" ] && ok || bad "the old form published: $(plans) plans, were $plans0"
[ "$(as vanphong GET "$api/drafts/$b")" = 200 ] && ok || bad "the new draft is gone"
jq -e '.filename == "phuong-an-binh.docx" and (.plan.indicators | length) == 11' "$tmp/body" > /dev/null &&
	ok || bad "the new draft changed: $(jq -c '{filename, n: (.plan.indicators | length)}' "$tmp/body")"
# Its own form saves.
got=$(post "$b" "$(made "$b")" save)
[ "$got" = 303 ] && ok || bad "the new draft's own form: status $got: $(grep -o '<p class="error"[^<]*' "$tmp/page" | head -c 300)"
finish store_upload_stale
