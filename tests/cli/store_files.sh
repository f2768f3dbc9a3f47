#!/usr/bin/env bash
# store_files.sh (issue 10, items 7, 14, 15): dumps and backups are 0600;
# restore checks every record and refuses a bad dump whole (nothing
# written); another program's database is refused unchanged; a read-only
# database says so. Restores and the foreign-database check run on the
# backend of this run (SQLite, or PostgreSQL when $CHITIEU_TEST_DB_URL is
# set); the SQLite files of items 7 and 14 in $tmp.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
base=$tmp/base.db

# A small database to dump: a province, a commune, a plan, a figure, an account.
run p-unit 0 unit add --code P --name "Tỉnh P" --kind province --db "$base"
run a-unit 0 unit add --code A --name "Xã A" --kind commune --parent P --db "$base"
run import 0 import "$data/plans/004_5f0b3916b5e2f87f.txt" --unit A --db "$base"
run rec 0 record --unit A --indicator I.3 --period 2025-06 --num 5 --den 10 --db "$base"
printf 'mat-khau-rat-dai-1\n' | timeout 60 "$bin" user add --login cb.a --name "Cán bộ A" --role office --unit A --db "$base" > /dev/null ||
	bad "user add"

# ---- Item 14: dumps and backups are written 0600, whatever the umask.
(
	umask 000
	: > "$tmp/base.json" # an existing, world-readable file is replaced
	chmod 644 "$tmp/base.json"
	timeout 60 "$bin" dump "$tmp/base.json" --db "$base" > /dev/null 2>&1
	timeout 60 "$bin" backup "$tmp/copy.db" --db "$base" > /dev/null 2>&1
)
[ "$(stat -c %a "$tmp/base.json")" = 600 ] && ok || bad "dump is mode $(stat -c %a "$tmp/base.json"), want 600"
[ "$(stat -c %a "$tmp/copy.db")" = 600 ] && ok || bad "backup is mode $(stat -c %a "$tmp/copy.db"), want 600"
grep -q '"pw_hash"' "$tmp/base.json" && ok || bad "the dump has no accounts table"
[ ! -e "$tmp/base.json.tmp" ] && [ ! -e "$tmp/copy.db.tmp" ] && ok || bad "a .tmp file left behind"
[ "$(sqlite3 "$tmp/copy.db" "select count(*) from units")" = 2 ] && ok || bad "the backup is not a copy"
# The dump of this run's backend too (PostgreSQL when on it).
run restore-base 0 restore "$tmp/base.json"
(umask 022 && timeout 60 "$bin" dump "$tmp/own.json" > /dev/null 2>&1)
[ "$(stat -c %a "$tmp/own.json")" = 600 ] && ok || bad "dump of $backend is mode $(stat -c %a "$tmp/own.json")"
grep -q "0600" "$(dirname "$0")/../../README.md" && ok || bad "README does not say what a dump holds"

# ---- Item 15: restore validates everything it reads.
# mutate NAME PYTHON: base.json changed by PYTHON (d is the document) into
# $tmp/NAME.json.
mutate() {
	python3 - "$tmp/base.json" "$tmp/$1.json" "$2" << 'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
T = lambda name: d["tables"][name]["rows"]
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(d, ensure_ascii=False))
EOF
}
# refuse NAME WHERE...: restoring $tmp/NAME.json fails naming each WHERE, and
# writes nothing.
refuse() {
	local name=$1
	shift
	fresh
	run "restore-$name" 2 restore "$tmp/$name.json" || return
	for w in "$@"; do
		grep -qF -- "$w" "$tmp/err" && ok || bad "restore $name: want \"$w\" in: $(cat "$tmp/err")"
	done
	[ "$(count "select count(*) from units")" = 0 ] && ok || bad "restore $name wrote units"
}
mutate crlf-code 'T("units")[1][1] = "A\r\nB"'
refuse crlf-code "tables.units.rows[1]" "cột code"
mutate self-parent 'T("units")[1][4] = T("units")[1][0]'
refuse self-parent "tables.units.rows[1]" "chính nó"
mutate cycle 'T("units")[0][3] = "commune"; T("units")[0][4] = T("units")[1][0]'
refuse cycle "tables.units.rows[0]" "cột parent_id"
mutate no-parent 'T("units")[1][4] = 999'
refuse no-parent "tables.units.rows[1]" "không có"
mutate bad-kind 'T("units")[1][3] = "village"'
refuse bad-kind "tables.units.rows[1]" "cột kind"
mutate esc-name 'T("units")[1][2] = "Xã \u001b[31mA"'
refuse esc-name "tables.units.rows[1]" "điều khiển"
mutate c1-name 'T("units")[1][2] = "Xã \u009bA"'
refuse c1-name "tables.units.rows[1]" "điều khiển"
mutate doc-not-json 'T("plans")[0][10] = "this is not JSON"'
refuse doc-not-json "tables.plans.rows[0]" "cột doc"
mutate doc-not-plan 'T("plans")[0][10] = "{\"x\": 1}"'
refuse doc-not-plan "tables.plans.rows[0]" "cột doc"
mutate bad-period 'T("observations")[0][2] = "2025-13"'
refuse bad-period "tables.observations.rows[0]" "cột period"
mutate bad-ratio 'T("observations")[0][4] = 50'
refuse bad-ratio "tables.observations.rows[0]" "cột num, den"
mutate bad-status 'T("observations")[0][10] = "hacked"'
refuse bad-status "tables.observations.rows[0]" "cột status"
mutate series-nl 'T("series")[0][2] = "I.1\nI.2"'
refuse series-nl "tables.series.rows[0]" "cột code"
mutate dangling-series 'T("indicators")[0][2] = 99999'
refuse dangling-series "tables.indicators.rows[0]" "cột series_id"
mutate bad-role 'T("users")[0][3] = "root"'
refuse bad-role "tables.users.rows[0]" "cột role"
# Invalid UTF-8 (bytes, and an escaped lone surrogate) never gets in.
sed 's/"Xã A"/"X\xff A"/' "$tmp/base.json" > "$tmp/bad-utf8.json"
refuse bad-utf8
sed 's/"Xã A"/"X\\udc80 A"/' "$tmp/base.json" > "$tmp/surrogate.json"
refuse surrogate
# And the good dump still restores, whole.
fresh
run restore-good 0 restore "$tmp/base.json"
[ "$(count "select count(*) from units")" = 2 ] && ok || bad "the good dump did not restore"
run status-after 0 status --unit A --period 2025-12

# A dump made by the previous version (schema 3: accounts without their
# credential generation, tokens without expiry and scope) restores, the new
# columns given what the migration gives; an unknown column is refused.
jq '.schema = 3
	| .tables.users.columns |= map(select(. != "cred_epoch"))
	| .tables.users.rows |= map(.[0:9])
	| .tables.api_tokens.columns |= map(select(. != "expires_at" and . != "scope"))
	| .tables.api_tokens.rows |= map(.[0:6])' "$tmp/base.json" > "$tmp/v3.json"
fresh
run restore-v3 0 restore "$tmp/v3.json"
[ "$(count "select count(*) from users where login = 'cb.a' and cred_epoch = 0")" = 1 ] && ok ||
	bad "the version-3 dump's account: $(sql "select login, cred_epoch from users")"
jq '.tables.units.columns[1] = "kode"' "$tmp/base.json" > "$tmp/odd-column.json"
refuse odd-column 'cột lạ "kode"'

# ---- Item 7: another program's SQLite file is refused, not a byte changed.
sqlite3 "$tmp/other.db" "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5);"
before=$(sha256sum < "$tmp/other.db")
run foreign 2 unit list --db "$tmp/other.db"
grep -q "chương trình khác" "$tmp/err" && ok || bad "foreign database: $(cat "$tmp/err")"
[ "$(sha256sum < "$tmp/other.db")" = "$before" ] && ok || bad "the foreign database was modified"
[ "$(sqlite3 "$tmp/other.db" "select count(*) from sqlite_master")" = 1 ] && ok || bad "tables were added to the foreign database"
[ ! -e "$tmp/other.db-wal" ] && ok || bad "a WAL file was made for the foreign database"
if [ "$backend" = postgresql ]; then # the same for a PostgreSQL database
	use_db
	sql "CREATE TABLE invoices (id int)" > /dev/null
	run foreign-pg 2 unit list
	grep -q "chương trình khác" "$tmp/err" && ok || bad "foreign PostgreSQL database: $(cat "$tmp/err")"
	[ "$(count "select count(*) from information_schema.tables where table_schema = current_schema()")" = 1 ] &&
		ok || bad "tables were added to the foreign PostgreSQL database"
fi

# A read-only database says it cannot be written. As root, chmod does not
# stop writes: the file (and a directory) is made immutable (chattr +i)
# instead, and made mutable again on exit.
mkdir -p "$tmp/ro"
cp "$base" "$tmp/ro.db"
sqlite3 "$tmp/ro.db" "PRAGMA journal_mode=DELETE" > /dev/null # no -wal/-shm needed to read it
cp "$tmp/ro.db" "$tmp/ro/in-dir.db"
made=""
if [ "$(id -u)" = 0 ]; then
	chattr +i "$tmp/ro.db" 2> /dev/null && chattr +i "$tmp/ro" 2> /dev/null && made=chattr
	trap 'chattr -i "$tmp/ro.db" "$tmp/ro" 2> /dev/null; rm -rf "$tmp"' EXIT
else
	chmod 444 "$tmp/ro.db" && chmod 555 "$tmp/ro" && made=chmod
	trap 'chmod 755 "$tmp/ro"; rm -rf "$tmp"' EXIT
fi
if [ -n "$made" ]; then
	run ro-file 2 unit list --db "$tmp/ro.db"
	grep -q "không ghi được .*chỉ đọc" "$tmp/err" && ok || bad "read-only file ($made): $(cat "$tmp/err")"
	grep -q "không phải cơ sở dữ liệu" "$tmp/err" && bad "read-only file called not a database" || ok
	run ro-dir 2 unit list --db "$tmp/ro/in-dir.db"
	grep -q "không ghi được .*chỉ đọc" "$tmp/err" && ok || bad "read-only directory ($made): $(cat "$tmp/err")"
	run ro-new 2 unit list --db "$tmp/ro/new.db"
	grep -q "không ghi được .*chỉ đọc" "$tmp/err" && ok || bad "new file in a read-only directory ($made): $(cat "$tmp/err")"
else
	echo "note: chattr/chmod unavailable here: the read-only checks were skipped"
fi

finish store_files
