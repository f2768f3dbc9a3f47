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
. "$(dirname "$0")/lib.bash"
use_db

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
t0=$(date +%s%N)
"$bin" record --csv "$tmp/r.csv" > /dev/null || bad "first load failed"
full=$((($(date +%s%N) - t0) / 1000000)) # ms a whole run takes here
state=50
acked=0
killed=0
for r in $(seq 1 "$rounds"); do
	sed -i "s/,[0-9]*\$/,$((50 + r))/; 1s/.*/unit,indicator,period,value/" "$tmp/r.csv"
	"$bin" record --csv "$tmp/r.csv" > "$tmp/out" 2> "$tmp/err" &
	pid=$!
	# Odd rounds die well before the end; even ones often live to finish.
	span=$((r % 2 ? full * 8 / 10 : full * 5))
	sleep "$(awk -v s="$RANDOM" -v ms="$span" 'BEGIN { srand(s); printf "%.3f", rand() * ms / 1000 }')"
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
	if [ "$backend" = sqlite ]; then
		[ "$(sql 'pragma integrity_check')" = ok ] && ok || bad "round $r: integrity_check"
	fi
done
echo "kill test: $killed of $rounds runs killed mid-way, $acked acknowledged"
[ "$killed" -ge 1 ] && ok || bad "no run was killed: the test proved nothing"
[ "$acked" -gt 0 ] || echo "note: no run finished before its kill this time"
finish store_kill
