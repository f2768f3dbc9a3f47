#!/usr/bin/env bash
# store_bulk.sh (issue 13, bulk paths): `record --csv` reads its file a
# piece at a time in one transaction (200,000 rows in < 64 MB: pieces of
# 128 KB; the whole-file reader needed ~1 KB a row, 1 MB pieces ~0.4 KB a
# row of a piece); recording the same file again
# writes nothing (no history row, no new version) and says how many
# figures were unchanged, in the CLI and in the API's JSON, whoever sends
# it (the same figure from another account is unchanged too: its author
# stays the one who first recorded it); a duplicate or a
# bad row far apart in a big file (other pieces) still writes nothing; an
# indicator the plan lacks is refused on each line that names it. On SQLite or on the PostgreSQL server named
# by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
plan=$data/plans/004_5f0b3916b5e2f87f.txt
codes=$("$bin" parse "$plan" | jq -r '.plan.indicators[] |
	select([.targets[]?.kind] - ["number","none","range"] | length == 0) | .code' | head -50)
{
	echo "code,name,kind,parent,population"
	echo "P,Tỉnh,province,,1000"
	for i in $(seq -w 1 16); do echo "C$i,Xã $i,commune,P,100"; done
} > "$tmp/units.csv"
run units 0 unit import "$tmp/units.csv"
for i in $(seq -w 1 16); do run "import-$i" 0 import "$plan" --unit "C$i" || break; done

# 16 communes x 50 indicators x 250 months = 200,000 rows (~7 MB).
months=$(for y in $(seq 2025 2045); do for m in 01 02 03 04 05 06 07 08 09 10 11 12; do echo "$y-$m"; done; done | head -250)
{
	echo "unit,indicator,period,value"
	for i in $(seq -w 1 16); do
		for c in $codes; do
			for p in $months; do echo "C$i,$c,$p,$(((10#$i + ${#c}) % 90)).5"; done
		done
	done
} > "$tmp/big.csv"
rows=$(($(wc -l < "$tmp/big.csv") - 1))
[ "$rows" -eq 200000 ] && ok || bad "the file has $rows rows, want 200000"

# rss CMD...: runs chitieu CMD..., its peak resident memory in KB into $tmp/rss.
rss() {
	/usr/bin/time -f %M -o "$tmp/rss" "$bin" "$@" > "$tmp/out" 2> "$tmp/err"
}
rss record --csv "$tmp/big.csv" && ok || bad "record 200000 rows: $(head -c 400 "$tmp/err")"
grep -q "Đã ghi 200000 số liệu" "$tmp/out" && ok || bad "first recording: $(cat "$tmp/out")"
[ "$(count "select count(*) from observations")" -eq 200000 ] && ok || bad "figures stored: $(count "select count(*) from observations")"
kb=$(cat "$tmp/rss")
# AddressSanitizer's shadow memory and quarantine make RSS meaningless.
if ldd "$bin" 2> /dev/null | grep -q libasan; then
	echo "record --csv: memory not bounded-checked under AddressSanitizer"
else
	# 47 MB on SQLite (its page cache, up to 32 MB, included); 87 MB
	# when a piece was 1 MB of rows (~36 MB parsed) and the lookups
	# grew to 65,536 indicators.
	[ "$kb" -lt 65536 ] && ok || bad "recording 200000 rows took $kb KB of memory, want < 64 MB"
fi
echo "record --csv of 200000 rows: peak RSS $kb KB"

# Again, the same file: nothing written, and said so.
audit=$(count "select count(*) from audit")
run again 0 record --csv "$tmp/big.csv"
grep -q "Đã ghi 0 số liệu; 200000 số liệu không đổi" "$tmp/out" && ok || bad "re-recording: $(cat "$tmp/out")"
[ "$(count "select count(*) from observation_history")" -eq 0 ] && ok ||
	bad "re-recording identical figures wrote $(count "select count(*) from observation_history") history rows"
[ "$(count "select max(version) from observations")" -eq 1 ] && ok || bad "versions changed"
[ "$(count "select count(*) from audit")" -eq "$audit" ] && ok || bad "an audit line for nothing written"

# The same file from another account: unchanged too, nothing written, the
# authors kept.
run again-other 0 record --csv "$tmp/big.csv" --by other
grep -q "Đã ghi 0 số liệu; 200000 số liệu không đổi" "$tmp/out" && ok || bad "re-recording by another account: $(cat "$tmp/out")"
[ "$(count "select count(*) from observation_history")" -eq 0 ] && ok ||
	bad "another account's identical figures wrote $(count "select count(*) from observation_history") history rows"
[ "$(count "select count(*) from observations where recorded_by = 'other' or version <> 1")" -eq 0 ] && ok ||
	bad "another account's identical figures changed an author or a version"
[ "$(count "select count(*) from audit")" -eq "$audit" ] && ok || bad "an audit line for nothing written (another account)"

# One figure changed among the 200,000: one written, one history row.
sed '2s/,[0-9.]*$/,77/' "$tmp/big.csv" > "$tmp/one.csv"
run one-changed 0 record --csv "$tmp/one.csv"
grep -q "Đã ghi 1 số liệu; 199999 số liệu không đổi" "$tmp/out" && ok || bad "one changed: $(cat "$tmp/out")"
[ "$(count "select count(*) from observation_history")" -eq 1 ] && ok || bad "history after one change"

# A duplicate of line 2 at the end (another piece of the file): refused,
# the line named, nothing written.
{ cat "$tmp/big.csv"; sed -n 2p "$tmp/big.csv" | sed 's/,[0-9.]*$/,12/'; } > "$tmp/dup.csv"
sed -i '3s/,[0-9.]*$/,13/' "$tmp/dup.csv"
run dup 2 record --csv "$tmp/dup.csv"
grep -q "dòng 200002: \[E_DUPLICATE\] Trùng với dòng 2" "$tmp/err" && ok || bad "duplicate far apart: $(head -c 600 "$tmp/err")"
[ "$(count "select count(*) from observation_history")" -eq 1 ] && ok || bad "a refused file wrote history"
[ "$(count "select count(*) from observations where value = 13")" -eq 0 ] && ok || bad "a refused file wrote a figure"

# A bad row near the end: nothing of the earlier pieces is written.
{ sed 's/,[0-9.]*$/,3/' "$tmp/big.csv"; echo "C01,I.1,2025-13,5"; } > "$tmp/bad.csv"
run bad-end 2 record --csv "$tmp/bad.csv"
grep -q "dòng 200002: \[E_PERIOD\]" "$tmp/err" && ok || bad "bad last row: $(head -c 600 "$tmp/err")"
[ "$(count "select count(*) from observations where value = 3")" -eq 0 ] && ok || bad "a refused file wrote figures"

# Quoted cells with a line break in each row, over more than one piece
# (1 MB): the rows keep their line numbers in the whole file.
{
	echo "unit,indicator,period,value,note"
	sed -n '2,30001p' "$tmp/big.csv" | sed 's/$/,"dòng một\ndòng hai"/'
	echo "C01,NOPE,2030-01,1,"
} > "$tmp/quoted.csv"
[ "$(wc -c < "$tmp/quoted.csv")" -gt 1100000 ] && ok || bad "quoted.csv is smaller than a piece"
run quoted 2 record --csv "$tmp/quoted.csv"
grep -q "dòng 60002: \[E_UNKNOWN_INDICATOR\]" "$tmp/err" && ok || bad "line numbers across pieces: $(head -c 600 "$tmp/err")"
grep -c "E_" "$tmp/err" | grep -qx 1 && ok || bad "more than the one problem: $(head -c 600 "$tmp/err")"
# An indicator the plan lacks, named twice: a problem on each line (the
# second lookup took it for found, with no code, and crashed).
printf 'unit,indicator,period,value\nC01,NOPE,2030-01,1\nC01,NOPE,2030-02,2\n' > "$tmp/twice.csv"
run "unknown indicator twice" 2 record --csv "$tmp/twice.csv"
[ "$(grep -c 'E_UNKNOWN_INDICATOR' "$tmp/err")" = 2 ] && ok || bad "an unknown indicator twice: $(head -c 600 "$tmp/err")"

# The API says how many were unchanged.
echo bulk-pass-123 | "$bin" user add --login bulk --role admin > /dev/null
token=$("$bin" user token --login bulk --label bulk)
start_server
# The figure recorded by the CLI ("cli"), sent by this account through the
# API: unchanged, nothing written, whoever sends it; then a new value is
# written, and sent again it is unchanged.
history=$(count "select count(*) from observation_history")
code1=$(echo "$codes" | head -1)
body77='{"observations":[{"indicator":"'$code1'","period":"2025-01","value":78}]}'
stored=$(count "select value from observations o join series s on s.id = o.series_id join units u on u.id = s.unit_id where u.code = 'C01' and s.code = '$code1' and o.period = '2025-01'")
body='{"observations":[{"indicator":"'$code1'","period":"2025-01","value":'$stored'}]}'
curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	--data-binary "$body" "$base/api/v1/units/C01/observations" > "$tmp/api0.json"
jq -e '.written == 0 and .unchanged == 1' "$tmp/api0.json" > /dev/null && ok || bad "API, the same figure from another account: $(cat "$tmp/api0.json")"
[ "$(count "select count(*) from observation_history")" -eq "$history" ] && ok || bad "API, the same figure from another account wrote history"
for k in 1 2; do
	curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		--data-binary "$body77" "$base/api/v1/units/C01/observations" > "$tmp/api$k.json"
done
jq -e '.written == 1 and .unchanged == 0' "$tmp/api1.json" > /dev/null && ok || bad "API, a new value: $(cat "$tmp/api1.json")"
jq -e '.unchanged == 1 and .written == 0' "$tmp/api2.json" > /dev/null && ok || bad "API summary: $(cat "$tmp/api2.json")"
finish store_bulk
