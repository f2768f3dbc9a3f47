#!/usr/bin/env bash
# store_upload_tasks.sh: a plan's tasks in the upload/review flow (issue
# 12), on the real server over the demo database (SQLite, or
# $CHITIEU_TEST_DB_URL).
# 1. The draft page's count of cells to check (no script) counts a task's
#    flagged cells as an indicator's: every cell the page marks is counted,
#    and one said right through the form is counted no more.
# 2. Progress reported against a task whose code a new plan version
#    renumbers, gives another title or drops is at stake as an indicator's
#    figures are: the difference names each such task with its reports
#    (task_mapping, and the page), publishing asks for a confirmation
#    (409 E_CONFIRM, nothing saved) and, confirmed, the reports follow a
#    task renumbered and are set aside with one replaced or dropped; a task
#    kept, or dropped with no report, asks nothing.
# 3. Reports set aside ("CODE~vN", the code a replaced or dropped task had
#    in version N) are named in the difference and listed after publishing
#    with the unit's tasks (the API, set_aside; chitieu tasks), as a
#    retired indicator's figures are with its figures.
# 4. A task renumbered to a code that has a report of the same period
#    already (a code two tasks now share): the difference names the period
#    (clash) before publishing; published, the code keeps its own report,
#    the moved task's of that period is set aside and listed, its others
#    follow it; no report lost.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_demo
start_server --workers 4
doc=$data/rendered/001_5a02e85ee0dfd10c.pdf.layout.txt
api=$base/api/v1/units/DEMO-A/plan
pw=matkhau-demo
[ "$(signin vanphong)" = 200 ] && ok || bad "sign in: $(cat "$tmp/signin")"

patch() { as vanphong PATCH "/api/v1/units/DEMO-A/plan/drafts/$id" "$1"; }
page() { curl -s -b "$tmp/jar.vanphong" "$base/don-vi/DEMO-A/ke-hoach?draft=$id" > "$tmp/page.html"; }
counted() { grep -o 'id="lowconf-count" data-n="[0-9]*"' "$tmp/page.html" | grep -o '[0-9][0-9]*' || echo 0; }
marked() { grep -o '<td[^>]*class="lowconf"' "$tmp/page.html" | wc -l; }

# ---- 1. the count at the top: a task's cells to check among them ----
upload "$doc"
expect_status upload "$got" 200
cp "$tmp/body" "$tmp/draft.json"
ntflags=$(jq '[.task_flags[][]] | length' "$tmp/draft.json")
[ "$ntflags" -gt 1 ] && ok || bad "the plan's tasks have $ntflags cells to check, want some"
page
n0=$(counted)
[ "$n0" -gt 0 ] && [ "$n0" = "$(marked)" ] && ok || bad "page: $n0 cells to check counted, $(marked) marked"
grep -q "<strong>$n0 ô cần kiểm tra</strong>" "$tmp/page.html" && ok || bad "page: the count's words do not say $n0"
# One task cell said right through the form: one less.
export t0=$(jq -r '.task_flags | keys | map(tonumber) | min' "$tmp/draft.json")
f0=$(jq -r '.task_flags[$ENV.t0] | keys[0]' "$tmp/draft.json")
code=$(curl -s -o "$tmp/posted.html" -w '%{http_code}' -b "$tmp/jar.vanphong" --data-urlencode "csrf=$(cat "$tmp/csrf.vanphong")" \
	--data-urlencode "draft=$id" --data-urlencode n=0 --data-urlencode "tn=$(jq '.plan.tasks | length' "$tmp/draft.json")" \
	--data-urlencode "tasks_seen=$(jq -r .tasks_seen "$tmp/draft.json")" --data-urlencode "ok.task.$f0.$t0=1" \
	--data-urlencode action=save "$base/don-vi/DEMO-A/ke-hoach")
[ "$code" = 303 ] && ok || bad "page: a task cell said right: $code"
page
[ "$(counted)" = $((n0 - 1)) ] && [ "$(marked)" = $((n0 - 1)) ] && ok || bad "page: said right, $(counted) counted and $(marked) marked, want $((n0 - 1))"

# ---- 2. progress reported against tasks, then a new version ----
expect_status publish "$(as vanphong POST "/api/v1/units/DEMO-A/plan/drafts/$id/publish" '{"confirm": true}')" 201
report() { # CODE STATUS
	expect_status "report $1" "$(as vanphong POST "/api/v1/units/DEMO-A/tasks/$1" "{\"period\":\"2025-05\",\"status\":\"$2\",\"percent\":50}")" 200
}
plan=$(as vanphong GET /api/v1/units/DEMO-A/plan > /dev/null; jq -c .plan.tasks "$tmp/body")
tcode() { jq -r ".[$1].code" <<< "$plan"; }
export ren=$(tcode 0) gone=$(tcode 1) rep=$(tcode 2) kept=$(tcode 3) quiet=$(tcode 4)
report "$ren" in_progress
report "$gone" done
report "$rep" in_progress
report "$kept" done
progress() { # CODE: its reported status as the unit's tasks show it
	as vanphong GET /api/v1/units/DEMO-A/tasks > /dev/null
	jq -r --arg c "$1" '[.. | objects | select(has("title") and .code == $c) | .status // "none"] | first // "absent"' "$tmp/body"
}
[ "$(progress "$ren")" = in_progress ] && ok || bad "progress of $ren: $(progress "$ren")"
reports=$(count "SELECT count(*) FROM task_progress")

# The same file again: a task with no report dropped asks nothing.
upload "$doc"
expect_status upload-again "$got" 200
cp "$tmp/body" "$tmp/draft2.json"
at() { jq -r --arg c "$1" '.plan.tasks | map(.code) | index($c)' "$tmp/draft2.json"; }
# An edit saying the draft it was made for ("made": its created_at, as the
# page's script sends it) is refused when the number is another draft's now.
export made=$(jq -r .created_at "$tmp/draft2.json")
expect_status other-draft "$(patch '{"made": "2000-01-01T00:00:00Z", "tasks": [{"at": 0, "lead": "x"}]}')" 409
check other-draft-code '.error.code == "E_STATE" and (.error.message | test("chưa sửa gì"))'
expect_status drop-quiet "$(patch "$(jq -nc --argjson q "$(at "$quiet")" '{made: $ENV.made, remove_tasks: [$q]}')")" 200
check other-draft-unchanged '.plan.tasks[0].lead != "x"'
as vanphong GET "/api/v1/units/DEMO-A/plan/drafts/$id/diff" > /dev/null
check quiet-nothing-at-stake '.task_mapping == [] and .confirm == false'
# Renumbered, retitled, dropped: each at stake with its report.
edit=$(jq -nc --argjson a "$(at "$ren")" --argjson b "$(at "$gone")" --argjson c "$(at "$rep")" \
	'{tasks: [{at: $a, code: "Z.1"}, {at: $c, title: "Một nhiệm vụ khác hẳn"}], remove_tasks: [$b]}')
# (places as the draft was before the removal above: those before it)
[ "$(at "$quiet")" -gt "$(at "$rep")" ] && ok || bad "the tasks' places: $quiet before $rep"
expect_status edit "$(patch "$edit")" 200
as vanphong GET "/api/v1/units/DEMO-A/plan/drafts/$id/diff" > /dev/null
cp "$tmp/body" "$tmp/diff.json"
check diff-confirm '.confirm == true'
check diff-renumbered '[.task_mapping[] | select(.old_code == $ENV.ren)] == [.task_mapping[] | select(.match == "renumbered")]
	and (.task_mapping[] | select(.old_code == $ENV.ren) | .new_code == "Z.1" and .progress == 1)'
check diff-dropped '.task_mapping[] | select(.old_code == $ENV.gone) | .match == "dropped" and .new_code == null and .progress == 1'
check diff-replaced '.task_mapping[] | select(.old_code == $ENV.rep) | .match == "replaced" and .new_title == "Một nhiệm vụ khác hẳn"'
check diff-only-at-stake '(.task_mapping | map(.old_code) | sort) == ([$ENV.ren, $ENV.gone, $ENV.rep] | sort)'
check diff-label '.task_mapping | all(.label | test("tiến độ"))'
as vanphong GET /api/v1/units/DEMO-A/plan > /dev/null
export v0=$(jq -r .version "$tmp/body")
as vanphong GET "/api/v1/units/DEMO-A/plan/drafts/$id/diff" > /dev/null
check diff-aside-named '[.task_mapping[] | select(.match != "renumbered") | .aside == "\(.old_code)~v\($ENV.v0)" and (.aside as $a | .label | contains($a))] == [true, true]'
page
grep -q 'Nhiệm vụ đã có báo cáo tiến độ bị đổi mã' "$tmp/page.html" && ok || bad "page: no list of the tasks at stake"
grep -q "<li>$ren → Z.1: đổi mã" "$tmp/page.html" && ok || bad "page: $ren renumbered not named"
grep -q "<li>$gone → (bỏ): bỏ khỏi kế hoạch" "$tmp/page.html" && ok || bad "page: $gone dropped not named"
grep -q 'name="confirm"' "$tmp/page.html" && ok || bad "page: no box to confirm"
# Not saved without the confirmation, by the API and the form.
expect_status publish-unconfirmed "$(as vanphong POST "/api/v1/units/DEMO-A/plan/drafts/$id/publish" '{}')" 409
check publish-409 '.error.code == "E_CONFIRM" and (.error.task_mapping | length) == 3 and (.error.message | test("nhiệm vụ"))'
code=$(curl -s -o "$tmp/posted.html" -w '%{http_code}' -b "$tmp/jar.vanphong" --data-urlencode "csrf=$(cat "$tmp/csrf.vanphong")" \
	--data-urlencode "draft=$id" --data-urlencode n=0 --data-urlencode tn=0 --data-urlencode action=publish "$base/don-vi/DEMO-A/ke-hoach")
[ "$code" = 409 ] && grep -q 'class="mapping tasks ask"' "$tmp/posted.html" && ok || bad "page: published unconfirmed: $code"
[ "$(progress "$gone")" = done ] && [ "$(progress Z.1)" = absent ] && ok || bad "unconfirmed: the plan changed ($(progress "$gone"), $(progress Z.1))"
# Confirmed: the reports follow the renumbered task; the replaced and the
# dropped ones' are kept aside, shown with no task; the kept one's stays.
expect_status publish-confirmed "$(as vanphong POST "/api/v1/units/DEMO-A/plan/drafts/$id/publish" '{"confirm": true}')" 201
[ "$(progress Z.1)" = in_progress ] && ok || bad "renumbered: Z.1 shows $(progress Z.1)"
[ "$(progress "$rep")" = none ] && ok || bad "replaced: $rep shows $(progress "$rep"), want no report"
[ "$(progress "$gone")" = absent ] && ok || bad "dropped: $gone shows $(progress "$gone")"
[ "$(progress "$kept")" = done ] && ok || bad "kept: $kept shows $(progress "$kept")"
[ "$(count "SELECT count(*) FROM task_progress WHERE task_code LIKE '$gone~v%' OR task_code LIKE '$rep~v%'")" = 2 ] &&
	ok || bad "the reports set aside: $(sql "SELECT task_code FROM task_progress")"
[ "$(count "SELECT count(*) FROM task_progress")" = "$reports" ] && ok || bad "reports: $(count "SELECT count(*) FROM task_progress"), were $reports"
# ---- 3. the reports set aside, listed with the unit's tasks ----
aside() { # CODE: "status title" of CODE's reports set aside, as the unit's tasks list them
	as vanphong GET "/api/v1/units/DEMO-A/tasks?per_page=500" > /dev/null
	jq -r --arg c "$1~v$v0" '[.items[] | select(.code == $c and .set_aside == true) | "\(.status) \(.title)"] | first // "absent"' "$tmp/body"
}
export gone_title=$(jq -r --arg c "$gone" '.task_mapping[] | select(.old_code == $c) | .old_title' "$tmp/diff.json")
[ "$(aside "$gone")" = "done $gone_title" ] && ok || bad "dropped: its report set aside is listed as $(aside "$gone")"
[ "$(aside "$rep" | cut -d' ' -f1)" = in_progress ] && ok || bad "replaced: its report set aside is listed as $(aside "$rep")"
[ "$(aside "$ren")" = absent ] && ok || bad "renumbered: listed aside as $(aside "$ren")"
run tasks-aside 0 tasks --unit DEMO-A --period 2025-12
grep -q "^Tiến độ đã báo cáo của nhiệm vụ bị thay hoặc bỏ" "$tmp/out" && grep -q "^$gone~v$v0 .* done " "$tmp/out" &&
	grep -q "^$rep~v$v0 .* in_progress " "$tmp/out" && ok || bad "chitieu tasks: $(tail -5 "$tmp/out")"
# and on the unit's tasks page, under the plan's tasks, with no form to report on them
curl -s -b "$tmp/jar.vanphong" "$base/don-vi/DEMO-A/nhiem-vu?period=2025-12" > "$tmp/tasks.html"
grep -q '<h2 id="de-rieng">' "$tmp/tasks.html" &&
	grep -q "<tr class=\"aside\"><td>$gone~v$v0</td><td>[^<]*</td><td>[^<]*</td><td>xong" "$tmp/tasks.html" &&
	grep -q "<tr class=\"aside\"><td>$rep~v$v0</td><td>[^<]*</td><td>[^<]*</td><td>đang làm" "$tmp/tasks.html" &&
	! grep -q "name=\"task\" value=\"[^\"]*~v" "$tmp/tasks.html" && ok ||
	bad "tasks page: the reports set aside: $(grep -o '<tr class="aside">.\{0,200\}' "$tmp/tasks.html" | head -3)"
n_tasks=$(as vanphong GET "/api/v1/units/DEMO-A/tasks?per_page=500" > /dev/null; jq '[.items[] | select(.set_aside | not)] | length' "$tmp/body")
grep -q "^$n_tasks nhiệm vụ," "$tmp/out" && ok || bad "chitieu tasks counts the tasks set aside ($n_tasks in the plan): $(grep 'nhiệm vụ,' "$tmp/out")"
# A report left under a dropped task's bare code (as plan versions saved
# before reports were set aside left it): listed with them, with the title
# its code last had.
sql "UPDATE task_progress SET task_code = '$gone' WHERE task_code = '$gone~v$v0'" > /dev/null
as vanphong GET "/api/v1/units/DEMO-A/tasks?per_page=500" > /dev/null
check bare-code-aside '[.items[] | select(.code == $ENV.gone) | "\(.set_aside) \(.status) \(.title)"] == ["true done \($ENV.gone_title)"]'
sql "UPDATE task_progress SET task_code = '$gone~v$v0' WHERE task_code = '$gone'" > /dev/null
run tasks-before 0 tasks --unit DEMO-A --period 2025-04
grep -q "~v" "$tmp/out" && bad "a report set aside listed before its period: $(tail -3 "$tmp/out")" || ok
# The command line asks the same: the file as it first was takes Z.1's
# title back to its first code, so the reports would move: not without
# --confirm, then they follow.
run import-unconfirmed 2 import "$doc" --unit DEMO-A
grep -q "nhiệm vụ Z.1 → $ren: đổi mã (cùng nội dung)" "$tmp/err" && grep -q 'nhiệm vụ đã có báo cáo tiến độ' "$tmp/err" &&
	ok || bad "import: $(head -c 400 "$tmp/err")"
[ "$(progress Z.1)" = in_progress ] && ok || bad "import unconfirmed: Z.1 shows $(progress Z.1)"
run import-confirmed 0 import "$doc" --unit DEMO-A --confirm
[ "$(progress "$ren")" = in_progress ] && ok || bad "import confirmed: $ren shows $(progress "$ren")"

# ---- 4. renumbered to a code with a report of the same period ----
plan=$(as vanphong GET /api/v1/units/DEMO-A/plan > /dev/null; jq -c .plan.tasks "$tmp/body")
export v1=$(jq -r .version "$tmp/body") cx=$(tcode 5) cy=$(tcode 6)
report2() { # CODE PERIOD STATUS
	expect_status "report $1 $2" "$(as vanphong POST "/api/v1/units/DEMO-A/tasks/$1" "{\"period\":\"$2\",\"status\":\"$3\"}")" 200
}
report2 "$cx" 2025-05 in_progress
report2 "$cx" 2025-06 done
report2 "$cy" 2025-05 not_started
reports=$(count "SELECT count(*) FROM task_progress")
upload "$doc"
expect_status upload-clash "$got" 200
cp "$tmp/body" "$tmp/draft3.json"
at3() { jq -r --arg c "$1" '.plan.tasks | map(.code) | index($c)' "$tmp/draft3.json"; }
expect_status edit-clash "$(patch "$(jq -nc --argjson a "$(at3 "$cx")" '{tasks: [{at: $a, code: $ENV.cy}]}')")" 200
as vanphong GET "/api/v1/units/DEMO-A/plan/drafts/$id/diff" > /dev/null
check clash-named '[.task_mapping[] | select(.old_code == $ENV.cx)] | length == 1 and (.[0] | .match == "renumbered"
	and .new_code == $ENV.cy and .clash == ["2025-05"] and .aside == "\($ENV.cx)~v\($ENV.v1)"
	and (.aside as $a | .label | test("2025-05") and contains($a)))'
check clash-only-there '([.task_mapping[] | select(.old_code != $ENV.cx) | .clash | length] | add // 0) == 0'
page
grep -q "<li>$cx → $cy: đổi mã.*TRÙNG KỲ.*2025-05.*$cx~v$v1" "$tmp/page.html" && ok || bad "page: the clash not named: $(grep -o "<li>$cx →[^<]*" "$tmp/page.html")"
expect_status publish-clash "$(as vanphong POST "/api/v1/units/DEMO-A/plan/drafts/$id/publish" '{"confirm": true}')" 201
at_code() { count "SELECT status FROM task_progress WHERE task_code = '$1' AND period = '$2'"; }
[ "$(at_code "$cy" 2025-05)" = not_started ] && ok || bad "the code's own report replaced: $(at_code "$cy" 2025-05)"
[ "$(at_code "$cy" 2025-06)" = done ] && ok || bad "the moved task's other period did not follow: $(at_code "$cy" 2025-06)"
[ "$(at_code "$cx~v$v1" 2025-05)" = in_progress ] && ok || bad "the clashing report not set aside: $(sql "SELECT task_code, period, status FROM task_progress")"
[ "$(count "SELECT count(*) FROM task_progress")" = "$reports" ] && ok || bad "reports: $(count "SELECT count(*) FROM task_progress"), were $reports"
as vanphong GET "/api/v1/units/DEMO-A/tasks?period=2025-05&per_page=500" > /dev/null
check clash-listed '[.items[] | select(.code == "\($ENV.cx)~v\($ENV.v1)") | .set_aside == true and .status == "in_progress"] == [true]'
finish store_upload_tasks
