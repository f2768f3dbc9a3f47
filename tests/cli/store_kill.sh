#!/usr/bin/env bash
# store_kill.sh: `chitieu record --csv` of 100,000 figures killed with
# SIGKILL at random moments. Round r writes the value 50+r into every row.
# Afterwards every row holds one and the same value: this round's when the
# run was acknowledged ("Đã ghi"), else this round's (killed after its
# commit) or the previous state's (killed before): never a mix. And the
# database is sound.
set -u
bin=$1
data=$2
rounds=${KILL_ROUNDS:-8}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${CHITIEU_TEST_DB_URL:-}" ]; then
	export CHITIEU_DB=$CHITIEU_TEST_DB_URL
	psql -q "$CHITIEU_DB" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' > /dev/null 2>&1 ||
		{ echo "FAIL: cannot reach $CHITIEU_DB"; exit 1; }
	sql() { psql -tAq "$CHITIEU_DB" -c "$1"; }
else
	export CHITIEU_DB="$tmp/k.db"
	sql() { sqlite3 "$CHITIEU_DB" "$1"; }
fi
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

plan="$data/plans/004_5f0b3916b5e2f87f.txt"
"$bin" unit add --code P --name "Tỉnh" --kind province > /dev/null
codes=$("$bin" parse "$plan" | awk -F'"' '/"code":/ {c=$4} /"unit": "%"/ {print c}')
communes=44
for i in $(seq -w 1 $communes); do
	"$bin" unit add --code "C$i" --name "Xã $i" --kind commune --parent P > /dev/null
	"$bin" import "$plan" --unit "C$i" > /dev/null
done
make_csv() { # value
	{
		echo "unit,indicator,period,value"
		for i in $(seq -w 1 $communes); do
			for c in $codes; do
				for y in 2025 2026 2027 2028 2029; do
					for m in 01 02 03 04 05 06 07 08 09 10 11 12; do echo "C$i,$c,$y-$m,$1"; done
				done
			done
		done
	} > "$tmp/r.csv"
}
make_csv 50
rows=$(($(wc -l < "$tmp/r.csv") - 1))
"$bin" record --csv "$tmp/r.csv" > /dev/null || bad "first load failed"
state=50
acked=0
killed=0
for r in $(seq 1 "$rounds"); do
	sed -i "s/,[0-9]*\$/,$((50 + r))/; 1s/.*/unit,indicator,period,value/" "$tmp/r.csv"
	"$bin" record --csv "$tmp/r.csv" > "$tmp/out" 2> "$tmp/err" &
	pid=$!
	sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.3f", rand() * 1.8 }')"
	kill -9 "$pid" 2> /dev/null && killed=$((killed + 1))
	wait "$pid" 2> /dev/null
	got=$(sql "select count(*) || ' ' || min(value) || ' ' || max(value) from observations")
	read -r n lo hi <<< "$got"
	lo=${lo%.*}
	hi=${hi%.*}
	[ "$n" -eq "$rows" ] && ok || bad "round $r: $n rows, want $rows"
	[ "$lo" = "$hi" ] && ok || bad "round $r: half-written: values $lo..$hi"
	if grep -q "Đã ghi $rows" "$tmp/out"; then
		acked=$((acked + 1))
		[ "$lo" = $((50 + r)) ] && ok || bad "round $r: acknowledged but values are $lo"
	else
		[ "$lo" = "$state" ] || [ "$lo" = $((50 + r)) ] && ok ||
			bad "round $r: values $lo, want $state or $((50 + r))"
	fi
	state=$lo
	if [ -z "${CHITIEU_TEST_DB_URL:-}" ]; then
		[ "$(sql 'pragma integrity_check')" = ok ] && ok || bad "round $r: integrity_check"
	fi
done
echo "kill test: $killed of $rounds runs killed mid-way, $acked acknowledged"
[ "$killed" -ge 1 ] && ok || bad "no run was killed: the test proved nothing"
[ "$acked" -gt 0 ] || echo "note: no run finished before its kill this time"
echo "cli store_kill: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
