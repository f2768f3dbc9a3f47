#!/usr/bin/env bash
# store_plans.sh (issue 10, item 2): a re-imported plan that renames,
# renumbers or drops indicators keeps each figure on the indicator it was
# recorded for, shows the mapping and saves only with --confirm; the
# schema-3 migration; both backends have the same constraints. On SQLite or
# on the PostgreSQL server named by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db

head='Stt	Nội dung chỉ tiêu	Đơn vị tính	2025	2030	Cơ quan chủ trì
I	Phát triển hạ tầng'
printf '%s\n1\tPhủ sóng 5G trên dân số\t%%\t>60\t100\tDoanh nghiệp viễn thông\n2\tSố điểm truy cập wifi công cộng\tĐiểm\t≥ 10\t20\tUBND xã\n' "$head" > "$tmp/v1.txt"
# v2: I.1 is now another indicator (6G): same code, another name.
sed 's/5G/6G/' "$tmp/v1.txt" > "$tmp/v2.txt"
# v3: the two swap codes (renumbered), names unchanged.
printf '%s\n1\tSố điểm truy cập wifi công cộng\tĐiểm\t≥ 10\t20\tUBND xã\n2\tPhủ sóng 6G trên dân số\t%%\t>60\t100\tDoanh nghiệp viễn thông\n' "$head" > "$tmp/v3.txt"
# v4: the wifi indicator dropped.
printf '%s\n2\tPhủ sóng 6G trên dân số\t%%\t>60\t100\tDoanh nghiệp viễn thông\n' "$head" > "$tmp/v4.txt"

plans() { count "select count(*) from plans"; }
# status_of CODE: the status column of CODE at 2025-12 (CSV).
status_of() {
	"$bin" status --unit A --period 2025-12 --format csv 2> /dev/null | grep "^\"$1\"," | awk -F, '{print $(NF-1)}'
}

run unit 0 unit add --code A --name "Xã A" --kind commune
run import-v1 0 import "$tmp/v1.txt" --unit A
run rec-5g 0 record --unit A --indicator I.1 --period 2025-06 --value 65
run rec-wifi 0 record --unit A --indicator I.2 --period 2025-06 --value 12
[ "$(status_of I.1)" = met ] && ok || bad "v1: I.1 (5G, 65 > 60) should be met: $(status_of I.1)"

# The same plan again: an exact match, no confirmation needed.
run reimport-same 0 import "$tmp/v1.txt" --unit A
[ "$(plans)" -eq 2 ] && ok || bad "the same plan re-imported: $(plans) plans, want 2"

# Same code, another name: refused without --confirm, mapping shown,
# nothing written.
run rename-unconfirmed 2 import "$tmp/v2.txt" --unit A
grep -q "E_CONFIRM" "$tmp/err" && ok || bad "rename without --confirm: $(cat "$tmp/err")"
grep -q "→ I.1: chỉ tiêu MỚI trùng mã cũ" "$tmp/err" && ok || bad "mapping not shown: $(cat "$tmp/err")"
grep -q "Phủ sóng 5G" "$tmp/err" && grep -q "Phủ sóng 6G" "$tmp/err" && ok || bad "old and new names not shown"
[ "$(plans)" -eq 2 ] && ok || bad "an unconfirmed import wrote a plan: $(plans)"
[ "$(count "select count(*) from series")" -eq 2 ] && ok || bad "an unconfirmed import changed the series"

run rename-confirmed 0 import "$tmp/v2.txt" --unit A --confirm
[ "$(count "select count(*) from series where code = 'I.1'")" -eq 1 ] && ok ||
	bad "two series coded I.1: $(sql "select id, code from series")"
# The 5G figure stays with 5G: the 6G indicator has no figure, and 65 is
# not judged against the 6G target.
[ "$(status_of I.1)" = no_data ] && ok || bad "6G judged with the 5G figure: $(status_of I.1)"
run obs 0 observations --unit A
grep -q "^I.1~v2 .*65" "$tmp/out" && ok || bad "the 5G figure is not kept as retired I.1~v2: $(cat "$tmp/out")"
[ "$(status_of I.2)" = exceeded ] && ok || bad "wifi lost its figure: $(status_of I.2)"

# Renumbered both ways at once: figures follow their names.
run swap-unconfirmed 2 import "$tmp/v3.txt" --unit A
grep -q "I.2 → I.1: đổi mã" "$tmp/err" && ok || bad "renumbering not shown: $(cat "$tmp/err")"
run swap 0 import "$tmp/v3.txt" --unit A --confirm
run obs2 0 observations --unit A
grep -q "^I.1 .*12 " "$tmp/out" && ok || bad "wifi's figure did not follow it to I.1: $(cat "$tmp/out")"
[ "$(status_of I.1)" = exceeded ] && ok || bad "I.1 (wifi 12 ≥ 10): $(status_of I.1)"
[ "$(status_of I.2)" = no_data ] && ok || bad "I.2 (6G) got a figure: $(status_of I.2)"

# Dropped: confirmed, the figure stays, retired.
run drop-unconfirmed 2 import "$tmp/v4.txt" --unit A
grep -q "I.1 → (bỏ)" "$tmp/err" && ok || bad "the drop is not shown: $(cat "$tmp/err")"
run drop 0 import "$tmp/v4.txt" --unit A --confirm
run obs3 0 observations --unit A
grep -q "^I.1~v4 .*12 " "$tmp/out" && ok || bad "the dropped indicator's figure: $(cat "$tmp/out")"
[ "$(count "select count(*) from observations")" -eq 2 ] && ok || bad "figures lost"
# The entry page of its period lists the figures kept aside under the form,
# read only: the dropped I.1~v4 (12) and the 5G I.1~v2 (65); not 6G's (70),
# of the current plan.
run rec-6g 0 record --unit A --indicator I.2 --period 2025-06 --value 70
pw=matkhau-so-lieu
echo "$pw" | "$bin" user add --login vp --role admin > /dev/null || bad "user add"
start_server --workers 2
[ "$(signin vp)" = 200 ] && ok || bad "sign in: $(cat "$tmp/signin")"
curl -s -b "$tmp/jar.vp" "$base/don-vi/A/nhap-lieu?period=2025-06" > "$tmp/entry.html"
grep -q '<h2 id="de-rieng">' "$tmp/entry.html" &&
	grep -q '<tr class="aside"><td>I.1~v4</td><td>2025-06</td><td>12</td>' "$tmp/entry.html" &&
	grep -q '<tr class="aside"><td>I.1~v2</td><td>2025-06</td><td>65</td>' "$tmp/entry.html" &&
	[ "$(grep -o '<tr class="aside">' "$tmp/entry.html" | wc -l)" -eq 2 ] &&
	! grep -q 'name="[^"]*~v' "$tmp/entry.html" && ok ||
	bad "entry page: the figures set aside: $(grep -o '<tr class="aside">.\{0,120\}' "$tmp/entry.html" | head -3)"
curl -s -b "$tmp/jar.vp" "$base/don-vi/A/nhap-lieu?period=2025-05" > "$tmp/entry.html"
grep -q 'id="de-rieng"' "$tmp/entry.html" && bad "figures set aside shown in a period they are not of" || ok
stop_server

# Migration from schema 2 (through 3 and 4): a database as the old code left it (a renumbered
# series under its old code; on PostgreSQL also two series with one code
# and no UNIQUE) is put right when opened.
run unit-b 0 unit add --code B --name "Xã B" --kind commune
run import-b1 0 import "$tmp/v1.txt" --unit B
run rec-b 0 record --unit B --indicator I.1 --period 2025-06 --value 65
run import-b2 0 import "$tmp/v2.txt" --unit B --confirm
if [ "$backend" = postgresql ]; then
	sql "ALTER TABLE series DROP CONSTRAINT series_unit_id_code_key" > /dev/null
	sql "UPDATE series SET code = 'I.1' WHERE code = 'I.1~v1' AND unit_id = (SELECT id FROM units WHERE code = 'B')" > /dev/null
	[ "$(count "select count(*) from series s join units u on u.id = s.unit_id where u.code = 'B' and s.code = 'I.1'")" -eq 2 ] &&
		ok || bad "could not make the old PostgreSQL state"
fi
# Unit A's series back to the codes of their first version (as the old code
# kept them): wifi was I.2, 6G was I.1.
# (the 6G series found by its indicator: series.folded is gone since schema 14)
g6=$(sql "select i.series_id from indicators i join plans p on p.id = i.plan_id join units u on u.id = p.unit_id
	where u.code = 'A' and i.name like '%6G%' order by i.id desc limit 1")
sql "UPDATE series SET code = 'tmp' || id WHERE code IN ('I.1', 'I.2') AND unit_id = (SELECT id FROM units WHERE code = 'A')" > /dev/null
sql "UPDATE series SET code = CASE WHEN id = ${g6:-0} THEN 'I.1' ELSE 'I.2' END WHERE code LIKE 'tmp%'" > /dev/null
# Without what version 4 added (accounts), as a version-2 database was.
sql "ALTER TABLE users DROP COLUMN cred_epoch" > /dev/null
sql "ALTER TABLE api_tokens DROP COLUMN expires_at" > /dev/null
sql "ALTER TABLE api_tokens DROP COLUMN scope" > /dev/null
sql "UPDATE meta SET value = '2' WHERE key = 'schema'" > /dev/null
run migrate 0 unit list
[ "$(sql "select value from meta where key = 'schema'")" = "$(schema_now)" ] && ok || bad "schema not $(schema_now) after opening"
[ "$(count "select count(*) from series s join units u on u.id = s.unit_id where u.code = 'B' and s.code = 'I.1'")" -eq 1 ] &&
	ok || bad "migration left two I.1 series of B: $(sql "select code from series")"
[ -n "$g6" ] && [ "$(sql "select code from series where id = ${g6:-0}")" = I.2 ] &&
	ok || bad "after migration, A's 6G series ($g6) is not I.2: $(sql "select id, code from series")"

# One schema: the same unique keys, primary keys and references on both
# backends (a reference of several columns: a line for each). Always checked on SQLite; compared with PostgreSQL when this
# run is on PostgreSQL.
sqlite_keys() { # DB: "table|kind|columns" lines, sorted
	local t
	for t in $(sqlite3 "$1" "select name from sqlite_master where type = 'table' order by name"); do
		sqlite3 "$1" "select '$t|pk|' || group_concat(name, ',') from (select name from pragma_table_info('$t') where pk > 0 order by pk)"
		sqlite3 "$1" "select '$t|unique|' || (select group_concat(name, ',') from (select name from pragma_index_info(l.name) order by seqno)) from pragma_index_list('$t') l where l.\"unique\" and l.origin <> 'pk' and not l.partial"
		sqlite3 "$1" "select '$t|fk|' || \"from\" || '>' || \"table\" || '.' || coalesce(\"to\", 'id') from pragma_foreign_key_list('$t')"
	done | grep -v '|$' | sort
}
pg_keys() {
	psql -tAq "$CHITIEU_DB" -c "select c.conrelid::regclass || '|' || case c.contype when 'p' then 'pk' when 'u' then 'unique' else 'fk' end || '|' ||
		case when c.contype = 'f' then (select a.attname from pg_attribute a where a.attrelid = c.conrelid and a.attnum = c.conkey[1]) || '>' || c.confrelid::regclass || '.' || (select a.attname from pg_attribute a where a.attrelid = c.confrelid and a.attnum = c.confkey[1])
		else (select string_agg(a.attname, ',' order by k.i) from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) end
		from pg_constraint c join pg_namespace s on s.oid = c.connamespace where s.nspname = current_schema() and c.contype in ('p', 'u', 'f')
		union all select c.conrelid::regclass || '|fk|' || a.attname || '>' || c.confrelid::regclass || '.' || b.attname
		from pg_constraint c join pg_namespace s on s.oid = c.connamespace cross join lateral unnest(c.conkey, c.confkey) with ordinality k(n, m, i)
		join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n join pg_attribute b on b.attrelid = c.confrelid and b.attnum = k.m
		where s.nspname = current_schema() and c.contype = 'f' and k.i > 1" | sort
}
CHITIEU_DB="$tmp/keys.db" "$bin" unit list > /dev/null 2>&1
sqlite_keys "$tmp/keys.db" > "$tmp/keys.sqlite"
grep -qx "series|unique|unit_id,code" "$tmp/keys.sqlite" && ok || bad "SQLite: no UNIQUE (unit_id, code) on series"
if [ "$backend" = postgresql ]; then
	pg_keys > "$tmp/keys.pg"
	grep -v '^meta|' "$tmp/keys.sqlite" > "$tmp/k1"
	grep -v '^meta|' "$tmp/keys.pg" > "$tmp/k2"
	grep -q "|fk|" "$tmp/k2" && ok || bad "no foreign keys read from PostgreSQL"
	diff "$tmp/k1" "$tmp/k2" > "$tmp/keys.diff" && ok || bad "the backends' constraints differ (< SQLite, > PostgreSQL): $(cat "$tmp/keys.diff")"
	# meta's key is a primary key on both
	grep -qx "meta|pk|key" "$tmp/keys.pg" && grep -qx "meta|pk|key" "$tmp/keys.sqlite" && ok || bad "meta keys"
fi

finish store_plans
