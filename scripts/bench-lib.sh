# bench-lib.sh: sourced by the benchmarks (scripts/bench-*.sh). The stores
# they build with the CLI, made the same way everywhere:
#
#   bench_units FILE COMMUNES PROVINCES [nocountry]
#       units.csv: the country VN (unless nocountry), provinces P01..,
#       communes C00001.. (commune i in province (i - 1) % PROVINCES + 1).
#   bench_plan_list FILE COMMUNES PROVINCES [ONE_PLAN [nocountry]]
#       plans.csv for `import --list`: plan 000 for the country and each
#       province, bench_plans[i % 4] for commune i (plan 000 for every
#       commune when ONE_PLAN is 1).
#   bench_codes BIN DIR
#       DIR/codes0..3: per plan of bench_plans, "code,field,value" for each
#       indicator (the kind of figure it takes: yes, a level or a number).
#   bench_figures DIR FROM TO [MONTHS [YEAR [DECIMALS [ONE_PLAN]]]]
#       figures CSV on stdout for communes FROM..TO from DIR/codes*: the
#       four quarters of 2025 (MONTHS 0 or unset), else MONTHS months from
#       YEAR-01 (YEAR 2025); numbers 0-99, and with DECIMALS 1 numbers
#       0-99.9 with one decimal on every other indicator.
#   bench_province BIN DIR [NPROV]
#       into $CHITIEU_DB: a province P of 100 communes C001..C100 (or,
#       with NPROV, the country VN and provinces P1..PNPROV of communes
#       C<p>001..C<p>100), each with plan 004 (73 indicators) and a figure
#       for every percentage indicator in 2025-12.
#   bench_line LABEL VALUE GOAL
#       one figure beside its goal and its verdict (scripts/bench-goals.awk).
#   bench_free_port
#       a loopback TCP port from 20000-49999 that nothing listens on.
#   bench_serve BIN LOG
#       `BIN serve` on a free loopback port, its output in LOG, once it
#       answers; sets bench_server_pid and bench_base. A port another
#       program took in the meantime (the server exits) is tried again on
#       another one; returns 1 when no server answers.
#   bench_tmp
#       a temporary folder in $tmp; when the script exits, bench_cleanup
#       stops the server of bench_serve and each process in bench_pids
#       (what the script started in the background) and removes $tmp.
#   bench_stop PID...
#       stops each PID (a process the script started) and waits for it,
#       30 s at most (scripts/proc-lib.sh: then where it waits is said and
#       it is killed); bench_stop_server: the server of bench_serve.
#   bench_cookie BASE LOGIN PASSWORD
#       signs in at BASE; prints the session's cookie (chitieu_session=…).
#   bench_writes ARGS...
#       figures through the API at a fixed rate, open-loop, on keep-alive
#       connections, each acknowledgement timed, a sample checked in a
#       roll-up on the next request: scripts/bench-writes.py (its usage;
#       in the background, start the script itself, so that its pid is
#       the one to stop).
#
# It sets bench_root (the checkout) and bench_plans (the four real plans).
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$bench_root/scripts/proc-lib.sh"
bench_plans=("$bench_root"/tests/data/plans/000_*.txt "$bench_root"/tests/data/plans/001_*.txt
	"$bench_root"/tests/data/plans/002_*.txt "$bench_root"/tests/data/plans/004_*.txt)

# The wall clock in milliseconds, read from bash's $EPOCHREALTIME: no date
# process is started inside a timed span.
bench_ms() {
	local t=${EPOCHREALTIME/[.,]/}
	echo $((t / 1000))
}

bench_line() {
	printf '  %-58s %14s   goal %s\n' "$1" "$2" "$3" | awk -f "$bench_root/scripts/bench-goals.awk"
}

bench_free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 30000))
		(exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null || break
	done
	echo "$port"
}

bench_serve() {
	local bin=$1 log=$2 try port
	for try in 1 2 3 4 5; do
		port=$(bench_free_port)
		"$bin" serve --listen "127.0.0.1:$port" > "$log" 2>&1 &
		bench_server_pid=$!
		bench_base=http://127.0.0.1:$port
		for _ in $(seq 1 600); do
			kill -0 "$bench_server_pid" 2> /dev/null || break
			curl -s -m 5 -o /dev/null "$bench_base/dang-nhap" && return 0
			sleep 0.1
		done
		kill "$bench_server_pid" 2> /dev/null
		wait "$bench_server_pid" 2> /dev/null || true
		echo "bench_serve: no server on port $port (try $try): $(tail -n 1 "$log")" >&2
	done
	return 1
}

bench_tmp() {
	tmp=$(mktemp -d)
	bench_pids=()
	trap bench_cleanup EXIT
}

bench_cleanup() {
	bench_stop "${bench_pids[@]}"
	bench_stop_server
	rm -rf "$tmp"
}

bench_stop() {
	local p
	for p in "$@"; do
		proc_stop "$p" || true
	done
	return 0
}

bench_stop_server() {
	bench_stop "${bench_server_pid:-}"
	bench_server_pid=
}

bench_cookie() {
	curl -s -m 60 -D - -o /dev/null -H 'Content-Type: application/json' \
		-d "{\"login\":\"$2\",\"password\":\"$3\"}" "$1/api/v1/session" |
		sed -n 's/^Set-Cookie: \(chitieu_session=[0-9a-f]*\).*/\1/p'
}

bench_writes() {
	python3 "$bench_root/scripts/bench-writes.py" "$@"
}

bench_units() {
	local file=$1 communes=$2 provinces=$3 nocountry=${4:-} parent=VN p i
	[ -n "$nocountry" ] && parent=
	{
		echo "code,name,kind,parent,population"
		[ -z "$nocountry" ] && echo "VN,Cả nước,country,,100000000"
		for p in $(seq 1 "$provinces"); do printf 'P%02d,Tỉnh %d,province,%s,3000000\n' "$p" "$p" "$parent"; done
		for i in $(seq 1 "$communes"); do
			printf 'C%05d,Xã %d,commune,P%02d,%d\n' "$i" "$i" $(((i - 1) % provinces + 1)) $((5000 + i % 997 * 11))
		done
	} > "$file"
}

bench_plan_list() {
	local file=$1 communes=$2 provinces=$3 one_plan=${4:-0} nocountry=${5:-} p i
	{
		echo "unit,file"
		[ -z "$nocountry" ] && echo "VN,${bench_plans[0]}"
		for p in $(seq 1 "$provinces"); do printf 'P%02d,%s\n' "$p" "${bench_plans[0]}"; done
		for i in $(seq 1 "$communes"); do
			printf 'C%05d,%s\n' "$i" "${bench_plans[$((one_plan == 1 ? 0 : i % 4))]}"
		done
	} > "$file"
}

bench_codes() {
	local bin=$1 dir=$2 k
	for k in 0 1 2 3; do
		"$bin" parse "${bench_plans[$k]}" | jq -r '.plan.indicators[] | [.targets[]?] as $t |
			if ($t | map(.kind) | index("yes")) then "\(.code),yes,có"
			elif ($t | map(.kind) | index("level")) then "\(.code),level,\($t | map(select(.kind == "level")) | .[0].level)"
			else "\(.code),value," end' > "$dir/codes$k"
	done
}

bench_figures() {
	local dir=$1 from=$2 to=$3 months=${4:-0} year=${5:-2025} decimals=${6:-0} one_plan=${7:-0} i
	echo "unit,indicator,period,value,level,yes"
	for i in $(seq "$from" "$to"); do
		awk -F, -v u="$(printf 'C%05d' "$i")" -v i="$i" -v months="$months" -v y="$year" -v dec="$decimals" '{
			n = months ? months : 4
			for (k = 1; k <= n; k++) {
				v = ""
				if ($2 == "value") {
					if (dec) {
						v = (i * 7 + k * 13 + NR * 3 + y) % 1000
						v = NR % 2 ? v % 100 : sprintf("%.1f", v / 10)
					} else {
						v = (i * 7 + k * 13 + NR * 3) % 100
					}
				}
				per = months ? sprintf("%d-%02d", y + int((k - 1) / 12), (k - 1) % 12 + 1) : "2025-Q" k
				printf "%s,%s,%s,%s,%s,%s\n", u, $1, per, v, ($2 == "level") ? $3 : "", ($2 == "yes") ? $3 : ""
			}
		}' "$dir/codes$((one_plan == 1 ? 0 : i % 4))"
	done
}

bench_province() {
	local bin=$1 dir=$2 nprov=${3:-} plan=${bench_plans[3]} provs p i c codes
	provs=${nprov:+$(seq 1 "$nprov")}
	provs=${provs:-single}
	{
		echo "code,name,kind,parent,population"
		[ -n "$nprov" ] && echo "VN,Cả nước,country,,90000000"
		for p in $provs; do
			if [ "$p" = single ]; then echo "P,Tỉnh thử,province,,1000000"; else echo "P$p,Tỉnh $p,province,VN,1000000"; fi
			for i in $(seq -w 1 100); do
				echo "C${p#single}$i,Xã ${p#single}$i,commune,P${p#single},$((5000 + 10#$i * 37))"
			done
		done
	} > "$dir/units.csv"
	awk -F, -v plan="$plan" 'NR == 1 { print "unit,file" } $3 == "commune" { print $1 "," plan }' \
		"$dir/units.csv" > "$dir/plans.csv"
	"$bin" unit import "$dir/units.csv" > /dev/null
	"$bin" import --list "$dir/plans.csv" > /dev/null
	codes=$("$bin" parse "$plan" | awk -F'"' '/"code":/ {c=$4} /"unit": "%"/ {print c}')
	{
		echo "unit,indicator,period,value"
		for p in $provs; do
			for i in $(seq -w 1 100); do
				for c in $codes; do
					echo "C${p#single}$i,$c,2025-12,$(((10#$i * 7 + ${#c} * 13 + ${p/single/0}) % 100))"
				done
			done
		done
	} > "$dir/obs.csv"
	"$bin" record --csv "$dir/obs.csv" > /dev/null
}
