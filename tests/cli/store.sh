#!/usr/bin/env bash
# store.sh: units, plan import with versions, and recording figures through
# the real binary on a real database (a SQLite file, or the PostgreSQL server
# named by $CHITIEU_TEST_DB_URL): every validation rule is fed bad input and
# its message checked; a failed bulk operation writes nothing.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
# rejects NAME CODE WORD ARGS...: exit 2 with [CODE] and WORD on stderr.
rejects() {
	local name=$1 code=$2 word=$3
	shift 3
	run "$name" 2 "$@" || return
	grep -qF "[$code]" "$tmp/err" && ok || bad "$name: no [$code]: $(cat "$tmp/err")"
	grep -qF -- "$word" "$tmp/err" && ok || bad "$name: no \"$word\": $(cat "$tmp/err")"
}

# Units.
run province 0 unit add --code TN --name "Tỉnh Thái Nguyên" --kind province --population 1300000
run commune 0 unit add --code DT --name "Xã Dân Tiến" --kind commune --parent TN --population 12000
run ward 0 unit add --code HQ --name "Phường Hồng Quang" --kind ward --parent TN
rejects dup-unit E_UNIT_EXISTS "đã có" unit add --code DT --name X --kind commune --parent TN
rejects bad-kind E_UNIT_KIND "không hợp lệ" unit add --code X1 --name X --kind town
rejects bad-parent E_UNKNOWN_UNIT "NOPE" unit add --code X2 --name X --kind commune --parent NOPE
rejects upside-down E_UNIT_PARENT "không thể trực thuộc" unit add --code X3 --name X --kind province --parent DT
rejects bad-code E_UNIT_CODE "không hợp lệ" unit add --code "a b" --name X --kind commune
printf 'code,name,kind,parent,population\nA1,Xã A,commune,TN,100\nA2,Xã B,commune,TN,200\nA3,,commune,TN,1\nA4,Xã D,village,TN,1\n' > "$tmp/units.csv"
run unit-import-bad 2 unit import "$tmp/units.csv"
grep -q "dòng 4: \[E_UNIT_NAME\]" "$tmp/err" && ok || bad "unit import: line 4 not named: $(cat "$tmp/err")"
grep -q "dòng 5: \[E_UNIT_KIND\]" "$tmp/err" && ok || bad "unit import: line 5 not named"
[ "$(count "select count(*) from units")" -eq 3 ] && ok || bad "a failed unit import added units"
printf 'code,name,kind,parent,population\nA1,"Xã A, mới",commune,TN,100\nA2,Xã B,commune,TN,200\n' > "$tmp/units.csv"
run unit-import 0 unit import "$tmp/units.csv"
[ "$(count "select name from units where code='A1'")" = "Xã A, mới" ] && ok || bad "quoted CSV name"

# Data cut-off windows (Decree 09/2019: the 15th), configurable per province
# and inherited by its communes.
run period 0 period 2025-Q1
grep -q "từ 2024-12-15 đến 2025-03-14" "$tmp/out" && ok || bad "Decree window: $(cat "$tmp/out")"
run province-cutoff 0 unit add --code BK --name "Tỉnh Bắc Kạn" --kind province --cutoff-day 20
run commune-cutoff 0 unit add --code BK1 --name "Xã A" --kind commune --parent BK
run period-unit 0 period 2025-05 --unit BK1
grep -q "từ 2025-04-20 đến 2025-05-19 (chốt ngày 20)" "$tmp/out" && ok || bad "inherited cut-off: $(cat "$tmp/out")"
rejects bad-cutoff E_CUTOFF "từ 1 đến 28" unit add --code BK2 --name X --kind commune --parent BK --cutoff-day 31
rejects bad-period-cmd E_PERIOD "2025-Q5" period 2025-Q5

# Plans: a new version keeps figures attached to the same indicators.
run import 0 import "$data/plans/004_5f0b3916b5e2f87f.txt" --unit HQ
grep -q "73 chỉ tiêu" "$tmp/out" && ok || bad "import: want 73 indicators: $(cat "$tmp/out")"
run import-002 0 import "$data/plans/002_f65c0da7dbd96e8d.txt" --unit DT
rejects import-unknown-unit E_UNKNOWN_UNIT "NOPE" import "$data/plans/002_f65c0da7dbd96e8d.txt" --unit NOPE
run import-bad-file 2 import "$tmp/units.csv" --unit DT
# Agencies: one each, however written: "Phòng Văn hóa – Xã hội" / "- Xã hội",
# "Văn phòng HĐND-UBND" / "HĐND - UBND" / the typo "HỘND - UBND", "Trung tâm
# HCC" / "trung tâm phục vụ hành chính công"; lists split at ";" (and at a
# "Phòng" that follows without one).
agencies() { count "select count(*) from agencies a join units u on u.id=a.unit_id where u.code='HQ' and $1"; }
[ "$(agencies "true")" -eq 15 ] && ok || bad "plan 004: $(agencies true) agencies, want 15"
[ "$(agencies "a.folded like 'phong van hoa%'")" -eq 1 ] && ok || bad "Phòng Văn hóa – Xã hội twice"
[ "$(agencies "a.folded like 'van phong hoi dong%'")" -eq 1 ] && ok || bad "Văn phòng HĐND-UBND not one agency"
[ "$(agencies "a.folded like '%phuc vu hanh chinh cong%'")" -eq 1 ] && ok || bad "HCC centre not one agency"
[ "$(count "select count(*) from indicator_agencies ia join indicators i on i.id=ia.indicator_id join plans p on p.id=i.plan_id join units u on u.id=p.unit_id where u.code='HQ' and i.code='II.5' and ia.role='lead'")" -eq 5 ] &&
	ok || bad "II.5 has five lead agencies"
run plans 0 plans --unit HQ && { grep -q "v1" "$tmp/out" && ok || bad "plans listing"; }
run show 0 show 1 && { grep -q "I.1" "$tmp/out" && ok || bad "show lists indicators"; }
run show-json 0 show 1 --format json && { grep -q '"indicators"' "$tmp/out" && ok || bad "show json"; }
run show-missing 2 show 999

# Recording one figure, and each rule that refuses one.
run record 0 record --unit HQ --indicator I.1 --period 2025-Q3 --value 85
run record-ratio 0 record --unit HQ --indicator I.3 --period 2025-Q3 --num 850 --den 1000
run record-level 0 record --unit HQ --indicator II.11 --period 2025 --level "khá"
run record-yes 0 record --unit HQ --indicator I.4 --period 2025 --yes
rejects unknown-unit E_UNKNOWN_UNIT "NOPE" record --unit NOPE --indicator I.1 --period 2025 --value 1
rejects unknown-indicator E_UNKNOWN_INDICATOR "Z.9" record --unit HQ --indicator Z.9 --period 2025 --value 1
rejects bad-period E_PERIOD "2025-13" record --unit HQ --indicator I.1 --period 2025-13 --value 1
rejects period-range E_PERIOD_RANGE "ngoài thời gian" record --unit HQ --indicator I.1 --period 2060 --value 1
rejects percent E_PERCENT "0–100" record --unit HQ --indicator I.1 --period 2025 --value 120
rejects ratio E_RATIO "lớn hơn mẫu số" record --unit HQ --indicator I.3 --period 2025 --num 9 --den 5
rejects level E_LEVEL "không có trong thang" record --unit HQ --indicator II.11 --period 2025 --level "Xuất sắc lắm"
rejects number-for-yesno E_YESNO "Có hoặc Không" record --unit HQ --indicator I.4 --period 2025 --value 3
rejects yes-for-number E_YESNO "không phải Có/Không" record --unit HQ --indicator I.1 --period 2025 --no
rejects two-figures E_FIGURE "một loại" record --unit HQ --indicator I.1 --period 2025 --value 1 --num 1 --den 2
rejects not-a-number E_NUMBER "không phải số" record --unit HQ --indicator I.1 --period 2025 --value abc

# History: a change keeps the previous figure, who, when and why.
run change 0 record --unit HQ --indicator I.1 --period 2025-Q3 --value 90 --by "Văn phòng" --reason "số liệu mới của VNPT"
[ "$(count "select count(*) from observation_history h join observations o on o.id=h.observation_id where h.value=85 and h.reason='số liệu mới của VNPT' and h.replaced_by='Văn phòng'")" -eq 1 ] && ok || bad "history of a change"
[ "$(count "select count(*) from observations where period='2025-Q3' and value = 90 and version = 2")" -eq 1 ] && ok || bad "current figure after a change"
# An approved figure is locked.
count "update figures set status=2 where value=90" > /dev/null
rejects locked E_LOCKED "khóa" record --unit HQ --indicator I.1 --period 2025-Q3 --value 91

# Bulk: every bad row listed with its line; nothing written.
before=$(count "select count(*) from observations")
cat > "$tmp/obs.csv" << 'CSV'
unit,indicator,period,value,num,den,level,yes,note,evidence
HQ,V.2,2025-Q3,95,,,,,,
HQ,V.3,2025-Q3,,950,1000,,,"ghi chú, có dấu phẩy",https://example.invalid/a
HQ,V.4,2025-13,80,,,,,,
HQ,V.5,2025-Q3,101,,,,,,
HQ,V.2,2025-Q3,96,,,,,,
NOPE,V.2,2025-Q3,96,,,,,,
CSV
run csv-bad 2 record --csv "$tmp/obs.csv"
for want in "dòng 4: [E_PERIOD]" "dòng 5: [E_PERCENT]" "dòng 6: [E_DUPLICATE]" "dòng 7: [E_UNKNOWN_UNIT]"; do
	grep -qF "$want" "$tmp/err" && ok || bad "csv: missing \"$want\": $(cat "$tmp/err")"
done
[ "$(count "select count(*) from observations")" -eq "$before" ] && ok || bad "a failed bulk record wrote rows"
head -3 "$tmp/obs.csv" > "$tmp/good.csv"
run csv-good 0 record --csv "$tmp/good.csv"
[ "$(count "select count(*) from observations")" -eq $((before + 2)) ] && ok || bad "csv rows not written"
[ "$(count "select note from observations where num=950")" = "ghi chú, có dấu phẩy" ] && ok || bad "csv quoted note"
printf 'unit,indicator,period,value\nHQ,V.2,"2025-Q3,95\n' > "$tmp/broken.csv"
run csv-broken 2 record --csv "$tmp/broken.csv"
grep -q "dòng 2" "$tmp/err" && ok || bad "broken csv names its line: $(cat "$tmp/err")"
printf 'a,b\n1,2\n' > "$tmp/noheader.csv"
run csv-no-header 2 record --csv "$tmp/noheader.csv"

# Workflow: draft -> submitted -> approved, or returned with a comment; an
# approved figure is locked until reopened with a reason; all in the audit log.
run w-record 0 record --unit DT --indicator II.1 --period 2025-Q4 --value 81
run w-record2 0 record --unit DT --indicator II.2 --period 2025-Q4 --value 82
rejects approve-draft E_STATE "không thể duyệt" approve --unit DT --period 2025-Q4 --indicator II.1
run submit-all 0 submit --unit DT --period 2025-Q4 --all
grep -q "Đã gửi 2 số liệu" "$tmp/out" && ok || bad "submit --all: $(cat "$tmp/out")"
rejects return-no-comment E_COMMENT "lý do" return --unit DT --period 2025-Q4 --indicator II.2
run return 0 return --unit DT --period 2025-Q4 --indicator II.2 --comment "thiếu minh chứng"
run approve 0 approve --unit DT --period 2025-Q4 --indicator II.1 --by "Văn phòng"
[ "$(count "select status from observations o join series s on s.id=o.series_id where s.code='II.2' and o.period='2025-Q4'")" = returned ] && ok || bad "returned state"
rejects locked-after-approve E_LOCKED "khóa" record --unit DT --indicator II.1 --period 2025-Q4 --value 90
rejects reopen-no-reason E_COMMENT "lý do" reopen --unit DT --period 2025-Q4 --indicator II.1
run reopen 0 reopen --unit DT --period 2025-Q4 --indicator II.1 --reason "số liệu VNPT mới"
run record-after-reopen 0 record --unit DT --indicator II.1 --period 2025-Q4 --value 90
rejects nothing-to-submit E_NOT_FOUND "Chưa có số liệu" submit --unit DT --period 2030-Q1 --all
run audit 0 audit
for want in "return" "thiếu minh chứng" "approve" "reopen" "số liệu VNPT mới" "plan.import"; do
	grep -qF "$want" "$tmp/out" && ok || bad "audit lacks \"$want\""
done
run audit-csv 0 audit --format csv
head -1 "$tmp/out" | grep -q "^at,actor,action,entity,entity_id,detail$" && ok || bad "audit csv header"
run audit-json 0 audit --format json
grep -q '"action": "reopen"' "$tmp/out" && ok || bad "audit json"

# A re-imported plan (a new version) keeps the figures on the same indicators.
run reimport 0 import "$data/plans/004_5f0b3916b5e2f87f.txt" --unit HQ
grep -q "73 chỉ tiêu giữ nguyên số liệu" "$tmp/out" && ok || bad "reimport: $(cat "$tmp/out")"
run observations 0 observations --unit HQ --period 2025-Q3
grep -q "^I.1 .*90" "$tmp/out" && ok || bad "figures after re-import: $(cat "$tmp/out")"
# Task progress per period; past its due month and not done is overdue.
run unit-yb 0 unit add --code YB --name "Huyện Yên Bình" --kind district --parent TN
run import-tasks 0 import "$data/plans/001_5a02e85ee0dfd10c.txt" --unit YB
grep -q "41 nhiệm vụ" "$tmp/out" && ok || bad "001 tasks stored: $(cat "$tmp/out")"
run task-done 0 task --unit YB --task II.2 --period 2025-05 --status done --percent 100
run task-progress 0 task --unit YB --task III.3 --period 2025-Q3 --status in_progress --percent 40 --note "đang làm"
rejects task-unknown E_UNKNOWN_TASK "Z.9" task --unit YB --task Z.9 --period 2025-05 --status done
rejects task-status E_STATUS "không hợp lệ" task --unit YB --task II.2 --period 2025-05 --status finished
rejects task-percent E_PERCENT "0–100" task --unit YB --task II.2 --period 2025-05 --status done --percent 140
run tasks-2026 0 tasks --unit YB --period 2026-01
grep -q "^III.3 .*QUÁ HẠN.*2025-12.*in_progress.*40%" "$tmp/out" && ok || bad "III.3 overdue in 2026-01: $(head -3 "$tmp/out")"
grep -q "^II.2 .*done" "$tmp/out" && ! grep -q "^II.2 .*QUÁ HẠN" "$tmp/out" && ok || bad "II.2 done, not overdue"
grep -q "41 nhiệm vụ, 4 quá hạn" "$tmp/out" && ok || bad "overdue count: $(tail -1 "$tmp/out")"
head -1 "$tmp/out" | grep -q "QUÁ HẠN" && ok || bad "overdue tasks come first"
run tasks-2025 0 tasks --unit YB --period 2025-06
grep -q "41 nhiệm vụ, 0 quá hạn" "$tmp/out" && ok || bad "nothing overdue in 2025-06: $(tail -1 "$tmp/out")"

# Dump and restore: into an empty database of the same backend, and into a
# SQLite file from whatever backend this is; the dumps are the same.
run dump 0 dump "$tmp/a.json"
if [ "$backend" = postgresql ]; then
	psql -q "$CHITIEU_DB" -c 'DROP DATABASE IF EXISTS chitieu_restore' -c 'CREATE DATABASE chitieu_restore' > /dev/null 2>&1
	same="${CHITIEU_DB%/*}/chitieu_restore"
else
	same="$tmp/same.db"
fi
run restore 0 restore "$tmp/a.json" --db "$same"
run dump-again 0 dump "$tmp/b.json" --db "$same"
nobackend() { sed 's/"backend":"[a-z]*"//' "$1"; }
cmp -s <(nobackend "$tmp/a.json") <(nobackend "$tmp/b.json") && ok || bad "dump after restore differs"
run restore-sqlite 0 restore "$tmp/a.json" --db "$tmp/cross.db"
run dump-sqlite 0 dump "$tmp/c.json" --db "$tmp/cross.db"
cmp -s <(nobackend "$tmp/a.json") <(nobackend "$tmp/c.json") && ok || bad "$backend -> sqlite round trip differs"
grep -q '"observation_history"' "$tmp/a.json" && ok || bad "dump lacks the history"
run restore-nonempty 2 restore "$tmp/a.json" --db "$same"
grep -q "không trống" "$tmp/err" && ok || bad "restore into a non-empty database: $(cat "$tmp/err")"
printf '{"chitieu_dump": 1, "schema": 1, "tables": {"units": {"rows": [[1, "X"]]}}' > "$tmp/broken.json"
run restore-broken 2 restore "$tmp/broken.json" --db "$tmp/empty.db"
printf '{"chitieu_dump": 1, "schema": 1, "tables": {}}' > "$tmp/partial.json"
run restore-partial 2 restore "$tmp/partial.json" --db "$tmp/empty2.db"
grep -q "thiếu bảng" "$tmp/err" && ok || bad "restore of a partial dump: $(cat "$tmp/err")"

if [ "$backend" = sqlite ]; then
	run backup 0 backup "$tmp/backup.db"
	[ "$(sqlite3 "$tmp/backup.db" "pragma integrity_check")" = ok ] && ok || bad "backup integrity"
	[ "$(sqlite3 "$tmp/backup.db" "select count(*) from observations")" = "$(count "select count(*) from observations")" ] &&
		ok || bad "backup lacks rows"
	[ "$(count "pragma integrity_check")" = "ok" ] && ok || bad "integrity_check"
	[ "$(count "pragma journal_mode")" = "wal" ] && ok || bad "WAL"
fi

finish "store ($backend)"
