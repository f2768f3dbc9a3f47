# lib.bash: what the black-box tests share. Source it after setting bin and
# data: a temporary folder ($tmp), counters (ok, bad, finish), run (a
# command with its exit status checked; output in $tmp/out and $tmp/err),
# and use_db: the database the test works on, a SQLite file in $tmp or, when
# $CHITIEU_TEST_DB_URL is set, that PostgreSQL server emptied first; with
# sql/count to query it and $backend to say which.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A python3 that is a version manager's shim (pyenv's: a shell script that
# finds the interpreter, near a second of CPU a call, and the tests call
# python3 hundreds of times) is skipped: the interpreter it finds, its
# folder first on PATH for the test and all it runs.
py_real=$(python3 -c 'import sys; print(sys.executable)' 2> /dev/null)
if [ -n "$py_real" ] && [ "$(dirname "$py_real")" != "$(dirname "$(command -v python3)")" ]; then
	PATH=$(dirname "$py_real"):$PATH
fi
# proc_stop, proc_watchdog: stopping what a test started, never forever.
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/proc-lib.sh"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# run NAME STATUS ARGS...
run() {
	local name=$1 want=$2
	shift 2
	timeout 120 "$bin" "$@" > "$tmp/out" 2> "$tmp/err"
	local rc=$?
	[ "$rc" -eq "$want" ] && ok || { bad "$name: exit $rc, want $want: $(head -c 400 "$tmp/err")"; return 1; }
}

# On PostgreSQL each test script works in a database of its own on that
# server (chitieu_t_NAME, made on first use), so that ctest can run them
# side by side.
use_db() {
	if [ -n "${CHITIEU_TEST_DB_URL:-}" ]; then
		own_db
		psql -q "$CHITIEU_DB" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' > /dev/null 2>&1 ||
			{ echo "FAIL: cannot reach $CHITIEU_DB"; exit 1; }
		backend=postgresql
	else
		export CHITIEU_DB="$tmp/test.db"
		backend=sqlite
	fi
}

# own_db: $CHITIEU_DB, the database of this script on the server of
# $CHITIEU_TEST_DB_URL, created on the first call.
own_db() {
	local name
	name=chitieu_t_$(basename "$0" .sh | tr -c 'a-z0-9_\n' _)
	export CHITIEU_DB=${CHITIEU_TEST_DB_URL%/*}/$name
	# (already there after the first call: use_db's next step says if it cannot be reached)
	psql -q "$CHITIEU_TEST_DB_URL" -c "CREATE DATABASE $name" > /dev/null 2>&1 || true
}

# fresh: an empty database of this run's backend (use_db again, and a
# SQLite file removed with its WAL).
fresh() {
	use_db
	[ "$backend" = sqlite ] && rm -f "$CHITIEU_DB" "$CHITIEU_DB-wal" "$CHITIEU_DB-shm"
	true
}

sql() {
	if [ "$backend" = postgresql ]; then psql -tAq "$CHITIEU_DB" -c "$1"; else sqlite3 "$CHITIEU_DB" "$1"; fi
}
count() { sql "$1"; }

# finish NAME: the closing line, and the exit status.
finish() {
	echo "cli $1: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# start_server [ARGS...]: chitieu serve on a free loopback port over
# $CHITIEU_DB; sets $base (http://127.0.0.1:PORT) and $server_pid, and stops
# it when the script exits.
start_server() {
	local port tries=0
	while :; do
		port=$((20000 + RANDOM % 30000))
		"$bin" serve --listen "127.0.0.1:$port" "$@" > "$tmp/server.log" 2>&1 &
		server_pid=$!
		for _ in $(seq 1 50); do
			curl -s -m 5 -o /dev/null "http://127.0.0.1:$port/dang-nhap" && break
			kill -0 "$server_pid" 2> /dev/null || break
			sleep 0.1
		done
		if kill -0 "$server_pid" 2> /dev/null; then break; fi
		tries=$((tries + 1))
		[ $tries -lt 5 ] || { echo "FAIL: the server does not start: $(cat "$tmp/server.log")"; exit 1; }
	done
	base="http://127.0.0.1:$port"
	# (a server that outlives its SIGTERM fails the test, its threads' stacks said)
	trap 'st=$?; proc_stop "${server_pid:-}" "chitieu serve" || st=1; rm -rf "$tmp"; exit $st' EXIT
}

# stop_server: the server of start_server stopped (SIGTERM), within
# PROC_STOP_SECONDS, or a failure counted.
stop_server() {
	proc_stop "$server_pid" "chitieu serve" || bad "chitieu serve did not stop ${PROC_STOP_SECONDS:-30} s after SIGTERM"
	server_pid=
}

# use_demo: use_db, filled with the demo database of `make run`
# (scripts/demo.sh: a province, three communes with real plans, an account
# per role, a few figures; DEMO_SIZE=full for the whole demo of twelve
# communes and two years of figures); $root is the source tree.
use_demo() {
	use_db
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	BIN=$bin PLANS=$data/plans DEMO_SIZE=${DEMO_SIZE:-small} bash "$root/scripts/demo.sh" "$CHITIEU_DB" > /dev/null ||
		{ echo "FAIL: the demo database"; exit 1; }
}

# The schema version this binary writes ("chitieu 0.1.0 (schema N)").
schema_now() { "$bin" --version | sed -n 's/.*(schema \([0-9]*\)).*/\1/p'; }

# browser_demo NAME [DEMO_SIZE]: a fresh demo database (small unless said),
# chromium and playwright-core ready (npm ci once), and the folder kept for
# the screenshots, build/browser-NAME-artifacts, in $artifacts. Then the
# script calls start_server and runs its tests/browser/*.mjs.
browser_demo() {
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	export CHITIEU_DB="$tmp/demo.db"
	BIN=$bin PLANS=$data/plans DEMO_SIZE=${2:-small} bash "$root/scripts/demo.sh" "$CHITIEU_DB" > /dev/null ||
		{ echo "FAIL: demo"; exit 1; }
	[ -x /usr/bin/chromium ] || { echo "FAIL: /usr/bin/chromium is missing (make check installs it)"; exit 1; }
	if [ ! -d "$root/tests/browser/node_modules/playwright-core" ]; then
		(cd "$root/tests/browser" && npm ci --no-audit --no-fund > /dev/null) || { echo "FAIL: npm ci"; exit 1; }
	fi
	artifacts="$(dirname "$bin")/browser-$1-artifacts"
	rm -rf "$artifacts"
	mkdir -p "$artifacts"
}

# has TEXT NAME FILE / hasnt TEXT NAME FILE: TEXT (fixed) is / is not in
# $tmp/FILE, counted by ok or bad under NAME.
has() { grep -qF -- "$1" "$tmp/$3" && ok || bad "$2: no \"$1\" in: $(head -c 300 "$tmp/$3")"; }
hasnt() { grep -qF -- "$1" "$tmp/$3" && bad "$2: \"$1\" in $3" || ok; }

# signin LOGIN [PASSWORD]: sign in to the server of start_server (the
# password defaults to $pw); prints the HTTP status; the answer in
# $tmp/signin, the cookie in $tmp/jar.LOGIN, the CSRF token in $tmp/csrf.LOGIN.
signin() {
	local code
	code=$(curl -s -o "$tmp/signin" -w '%{http_code}' -c "$tmp/jar.$1" -H 'Content-Type: application/json' \
		-d "{\"login\":\"$1\",\"password\":\"${2:-$pw}\"}" "$base/api/v1/session")
	jq -r .csrf "$tmp/signin" 2> /dev/null > "$tmp/csrf.$1"
	echo "$code"
}

# as LOGIN METHOD PATH [JSON]: a request as LOGIN (signed in by signin);
# prints the HTTP status, the body in $tmp/body.
as() {
	local args=(-s -o "$tmp/body" -w '%{http_code}' -X "$2" -b "$tmp/jar.$1" -H "X-CSRF-Token: $(cat "$tmp/csrf.$1")")
	[ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	curl "${args[@]}" "$base$3"
}

# two_provinces: the country VN over the provinces P and Q, added through
# the CLI (checked by run: vn p q), no commune yet; $p004 is the file of
# plan 004, the plan the engine tests give their communes.
two_provinces() {
	p004="$data/plans/004_5f0b3916b5e2f87f.txt"
	run vn 0 unit add --code VN --name "Cả nước" --kind country
	run p 0 unit add --code P --name "Tỉnh P" --kind province --parent VN
	run q 0 unit add --code Q --name "Tỉnh Q" --kind province --parent VN
}

# province_of_communes N: $tmp/units.csv (the province P and the communes
# C1..CN under it) and $tmp/plans.csv (P on plan 000, the even communes on
# 000, the odd ones on 004), imported by unit import (checked by run:
# units); $p000 and $p004 are the two plans' files.
province_of_communes() {
	p000=$data/plans/000_03b77514fb71b314.txt
	p004=$data/plans/004_5f0b3916b5e2f87f.txt
	{
		echo "code,name,kind,parent,population"
		echo "P,Tỉnh,province,,1000"
		for i in $(seq 1 "$1"); do echo "C$i,Xã $i,commune,P,100"; done
	} > "$tmp/units.csv"
	{
		echo "unit,file"
		echo "P,$p000"
		for i in $(seq 1 "$1"); do echo "C$i,$([ $((i % 2)) = 0 ] && echo "$p000" || echo "$p004")"; done
	} > "$tmp/plans.csv"
	run units 0 unit import "$tmp/units.csv"
}

# pg_log: the PostgreSQL server's log into $log (empty on SQLite, or when
# it cannot be read: counted by bad); then, around a command run with
# PGOPTIONS="-c log_statement=all": before=$(log_lines), the command,
# logged NAME: the statements it ran into $tmp/NAME.log, their count printed.
pg_log() {
	log=
	if [ "$backend" = postgresql ]; then
		log="$(dirname "$(sql 'SHOW data_directory')")/log"
		[ -r "$log" ] && ok || { bad "no server log at $log"; log=; }
	fi
}
log_lines() { if [ -n "$log" ]; then wc -l < "$log"; else echo 0; fi; }
logged() {
	sleep 0.2 # the log is written by the server's process
	tail -n +"$((before + 1))" "$log" | grep -E 'LOG: +(statement|execute)' > "$tmp/$1.log"
	wc -l < "$tmp/$1.log"
}

# small_country: the small country of the engine tests, through the CLI
# (checked by run: vn p q a b c imp-A imp-B imp-C record): two_provinces;
# the communes A (in P, population 1000), B (in P, 3000) and C (in Q,
# 4000), each on plan 004; and one figure each, II.7 at 2025-12: A 40,
# B 80, C 20.
small_country() {
	two_provinces
	run a 0 unit add --code A --name "Xã A" --kind commune --parent P --population 1000
	run b 0 unit add --code B --name "Xã B" --kind commune --parent P --population 3000
	run c 0 unit add --code C --name "Xã C" --kind commune --parent Q --population 4000
	for u in A B C; do run "imp-$u" 0 import "$p004" --unit "$u"; done
	printf 'unit,indicator,period,value\nA,II.7,2025-12,40\nB,II.7,2025-12,80\nC,II.7,2025-12,20\n' > "$tmp/obs.csv"
	run record 0 record --csv "$tmp/obs.csv"
}

# plan_province N: the country VN over the province P of the communes
# X01..XN, each on plan 000 ($plan), through the CLI (checked by run: vn p
# units plans).
plan_province() {
	plan=$(realpath "$(ls "$data"/plans/000_*.txt | head -1)")
	run vn 0 unit add --code VN --name "Cả nước" --kind country
	run p 0 unit add --code P --name "Tỉnh P" --kind province --parent VN --population 3000000
	{
		echo "code,name,kind,parent,population"
		for i in $(seq 1 "$1"); do printf 'X%02d,Xã %d,commune,P,%d\n' "$i" "$i" $((5000 + 11 * i)); done
	} > "$tmp/units.csv"
	run units 0 unit import "$tmp/units.csv"
	{
		echo "unit,file"
		for i in $(seq 1 "$1"); do printf 'X%02d,%s\n' "$i" "$plan"; done
	} > "$tmp/plans.csv"
	run plans 0 import --list "$tmp/plans.csv"
}

# plan_figures N MONTHS: $tmp/obs.csv, a figure of each indicator of $plan
# for each of MONTHS months from 2025-01 for the communes X01..XN (numbers
# 0-99, the first level, yes), and $tmp/codes, each indicator's kind of
# figure (as scripts/bench-hold.sh finds it; checked: at least 50).
plan_figures() {
	"$bin" parse "$plan" | jq -r '.plan.indicators[] | [.targets[]?] as $t |
		if ($t | map(.kind) | index("yes")) then "\(.code),yes,có"
		elif ($t | map(.kind) | index("level")) then "\(.code),level,\($t | map(select(.kind == "level")) | .[0].level)"
		else "\(.code),value," end' > "$tmp/codes"
	[ "$(wc -l < "$tmp/codes")" -ge 50 ] && ok || bad "the plan's indicators: $(wc -l < "$tmp/codes")"
	{
		echo "unit,indicator,period,value,level,yes"
		for i in $(seq 1 "$1"); do
			awk -F, -v u="$(printf 'X%02d' "$i")" -v i="$i" -v months="$2" '{
				for (q = 1; q <= months; q++) {
					v = ($2 == "value") ? (i * 7 + q * 13 + NR * 3) % 100 : ""
					per = sprintf("%d-%02d", 2025 + int((q - 1) / 12), (q - 1) % 12 + 1)
					printf "%s,%s,%s,%s,%s,%s\n", u, $1, per, v, ($2 == "level") ? $3 : "", ($2 == "yes") ? $3 : ""
				}
			}' "$tmp/codes"
		done
	} > "$tmp/obs.csv"
}

# add_admin LOGIN PASSWORD: an admin account, added by the CLI (before
# start_server); only a failure is counted (bad "user add").
add_admin() { echo "$2" | "$bin" user add --login "$1" --role admin > /dev/null 2>&1 || bad "user add"; }

# admin_session LOGIN PASSWORD: LOGIN (the admin of add_admin, or any
# other account) signed in (signin) to the server of start_server; sets
# $jar (its cookie jar) and $csrf (its token), the two that get and
# write_figure use; one check: the token has 64 characters.
admin_session() {
	signin "$1" "$2" > /dev/null
	jar=$tmp/jar.$1 csrf=$(cat "$tmp/csrf.$1")
	[ ${#csrf} -eq 64 ] && ok || bad "sign in: $(cat "$tmp/signin")"
}

# get PATH: GET $base$PATH with the cookie of admin_session, in 60 s at
# most; prints the body.
get() { curl -s -m 60 -b "$jar" "$base$1"; }

# write_figure UNIT INDICATOR PERIOD VALUE: one figure through the API (POST
# /api/v1/units/UNIT/observations, as admin_session); prints the HTTP
# status, the answer in $tmp/wbody.
write_figure() {
	curl -s -m 60 -o "$tmp/wbody" -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' \
		-d "{\"indicator\":\"$2\",\"period\":\"$3\",\"value\":$4}" "$base/api/v1/units/$1/observations"
}

# restore_again DUMP: DUMP restored into a fresh store of this run's
# backend and dumped again: the same, byte for byte.
restore_again() {
	fresh
	run restore 0 restore "$1"
	run dump-again 0 dump "$tmp/again.json"
	cmp -s "$1" "$tmp/again.json" && ok || bad "dump, restore, dump differ: $(diff <(jq -S . "$1") <(jq -S . "$tmp/again.json") | head -10)"
}

# migrate_load DIR SCHEMA: the store of schema SCHEMA that DIR's make.sh
# made with an older chitieu (lite.sql, or pg.sql on PostgreSQL) loaded
# into this run's empty store; sets fix (DIR), want (what that binary's
# readers printed) and old (its dump, without the schema number).
migrate_load() {
	fix=$1
	if [ "$backend" = sqlite ]; then
		sqlite3 "$CHITIEU_DB" < "$fix/lite.sql"
		want=$fix/lite.out old=$fix/lite.json
	else
		psql -q "$CHITIEU_DB" -f "$fix/pg.sql" > /dev/null 2>&1
		want=$fix/pg.out old=$fix/pg.json
	fi
	[ "$(count "SELECT value FROM meta WHERE key = 'schema'")" = "$2" ] && ok || bad "the fixture is not schema $2"
}

# migrate_readers N [READERS]: the N readers of READERS ($fix/readers.bash
# by default) run on the loaded store (the first opens and migrates it),
# printing what the older binary printed, byte for byte.
migrate_readers() {
	local out=$tmp/readers.out
	. "${2:-$fix/readers.bash}"
	run_readers "$out"
	[ "$(grep -c '^== ' "$out")" = "$1" ] && ok || bad "readers run: $(grep -c '^== ' "$out")"
	cmp -s "$want" "$out" && ok || bad "the readers print otherwise on the migrated store: $(diff "$want" "$out" | head -12)"
}

# migrate_dump: the migrated store's dump is the older binary's but for
# the schema number.
migrate_dump() {
	run dump 0 dump "$tmp/m.json"
	jq -cS 'del(.schema)' "$tmp/m.json" > "$tmp/m.norm"
	cmp -s "$old" "$tmp/m.norm" && ok || bad "the migrated store's dump differs: $(diff <(jq -S . "$old") <(jq -S . "$tmp/m.norm") | head -12)"
}

# call_counter FUNC PARAMS ARGS [COND]: $tmp/FUNC.so, a library that, once
# preloaded (calls_of), counts the program's calls of the libc function
# int FUNC(PARAMS) (passed on as FUNC(ARGS)) for which the C expression COND
# holds (every call without it); returns 1 when it cannot be built.
call_counter() {
	cat > "$tmp/$1.c" << EOF2
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static unsigned long calls;
int $1($2)
{
	static int (*real)($2);
	if (!real)
		real = (int (*)($2))dlsym(RTLD_NEXT, "$1");
	if (${4:-1})
		calls++;
	return real($3);
}
__attribute__((destructor)) static void report(void)
{
	const char *path = getenv("CALL_COUNT");
	FILE *f = path ? fopen(path, "w") : NULL;
	if (f) {
		fprintf(f, "%lu\n", calls);
		fclose(f);
	}
}
EOF2
	${CC:-cc} -shared -fPIC -O1 -o "$tmp/$1.so" "$tmp/$1.c" -ldl
}

# calls_of FUNC COMMAND...: COMMAND run with call_counter's library of FUNC
# preloaded (in the program only: env execs it), its exit status returned;
# the calls counted in $tmp/FUNC.count ("none" when the library wrote none).
calls_of() {
	local func=$1
	shift
	echo none > "$tmp/$func.count"
	timeout 600 env CALL_COUNT="$tmp/$func.count" LD_PRELOAD="$tmp/$func.so" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" "$@"
}

# ---- the plan upload's API (store_upload*.sh) ----
expect_status() { # NAME GOT WANT
	[ "$2" = "$3" ] && ok || bad "$1: status $2, want $3: $(head -c 300 "$tmp/body")"
}
check() { # NAME JQ-FILTER: the filter holds on $tmp/body
	jq -e "$2" "$tmp/body" > /dev/null && ok || bad "$1: $2 fails on $(head -c 600 "$tmp/body")"
}
# upload FILE: a draft of DEMO-A's plan as vanphong (polled while it is
# read; $api the unit's plan API); sets $id and $got (200: the draft).
upload() {
	got=$(curl -s -o "$tmp/body" -w '%{http_code}' -b "$tmp/jar.vanphong" \
		-H "X-CSRF-Token: $(cat "$tmp/csrf.vanphong")" -F "file=@$1" "$api/drafts")
	if [ "$got" = 202 ]; then
		poll=$(jq -r .poll "$tmp/body")
		for _ in $(seq 1 150); do
			as vanphong GET "$poll" > /dev/null
			jq -e '.state == "reading"' "$tmp/body" > /dev/null || break
			sleep 1
		done
		id=$(jq -r .draft "$tmp/body")
		got=$(as vanphong GET "/api/v1/units/DEMO-A/plan/drafts/$id")
	else
		id=$(jq -r .id "$tmp/body")
		[ "$got" = 201 ] && got=200
	fi
}
