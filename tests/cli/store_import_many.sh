#!/usr/bin/env bash
# store_import_many.sh (issue 13, bulk paths and storage): `import` takes
# many plans at once, a folder (a file per unit, named by its code) or a
# CSV list of unit,file, in one transaction: one bad file (unreadable,
# unknown unit, a change that needs --confirm) names its line and file and
# nothing is saved. A plan document shared by many units is stored once
# (plan_docs, by SHA-256); a store of schema 5 (a document in each plan) is
# moved to that when opened; dump and restore keep the documents. On SQLite
# or on the PostgreSQL server named by $CHITIEU_TEST_DB_URL.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db
p004=$data/plans/004_5f0b3916b5e2f87f.txt
p002=$data/plans/002_f65c0da7dbd96e8d.txt
{
	echo "code,name,kind,parent,population"
	echo "P,Tỉnh,province,,1000"
	for u in A B C D E; do echo "$u,Xã $u,commune,P,100"; done
} > "$tmp/units.csv"
run units 0 unit import "$tmp/units.csv"

# A folder: A.txt and B.txt the same plan, C.txt another.
mkdir "$tmp/dir"
cp "$p004" "$tmp/dir/A.txt"
cp "$p004" "$tmp/dir/B.txt"
cp "$p002" "$tmp/dir/C.txt"
run folder 0 import "$tmp/dir"
grep -q "Đã lưu 3 kế hoạch" "$tmp/out" && ok || bad "folder: $(cat "$tmp/out")"
[ "$(count "select count(*) from plans")" -eq 3 ] && ok || bad "folder: $(count "select count(*) from plans") plans"
[ "$(count "select count(*) from plan_docs")" -eq 2 ] && ok || bad "two distinct documents stored as $(count "select count(*) from plan_docs")"
run show-b 0 show 2 --format json
jq -e '.plan.indicators | length == 73' "$tmp/out" > /dev/null && ok || bad "B's plan as stored: $(head -c 200 "$tmp/out")"

# A list (files relative to it): D and E; E's line names a unit that does
# not exist, a later line a file that does not: nothing saved, each named.
cp "$p004" "$tmp/plan.txt"
printf 'unit,file\nD,plan.txt\nZZ,plan.txt\nE,missing.txt\n' > "$tmp/list.csv"
run list-bad 2 import --list "$tmp/list.csv"
grep -q "dòng 3: .*\[E_UNKNOWN_UNIT\] Không có đơn vị \"ZZ\"" "$tmp/err" && ok || bad "unknown unit not named: $(cat "$tmp/err")"
grep -q "dòng 4: .*missing.txt" "$tmp/err" && ok || bad "missing file not named: $(cat "$tmp/err")"
grep -q "không lưu gì" "$tmp/err" && ok || bad "not said that nothing was saved: $(cat "$tmp/err")"
[ "$(count "select count(*) from plans")" -eq 3 ] && ok || bad "a refused list saved plans: $(count "select count(*) from plans")"

# A plan that needs --confirm (another plan over C's figures) among good
# ones: refused as a whole, then saved with --confirm.
run rec-c 0 record --unit C --indicator "$("$bin" parse "$p002" | jq -r '.plan.indicators[0].code')" --period 2025-12 --value 5
printf 'unit,file\nD,plan.txt\nE,plan.txt\nC,plan.txt\n' > "$tmp/list.csv"
run list-confirm 2 import --list "$tmp/list.csv"
grep -q "dòng 4: .*(đơn vị C): \[E_CONFIRM\]" "$tmp/err" && ok || bad "confirmation not asked for line 4: $(cat "$tmp/err")"
[ "$(count "select count(*) from plans")" -eq 3 ] && ok || bad "an unconfirmed list saved plans"
run list-ok 0 import --list "$tmp/list.csv" --confirm
[ "$(count "select count(*) from plans")" -eq 6 ] && ok || bad "list: $(count "select count(*) from plans") plans, want 6"
[ "$(count "select count(*) from plan_docs")" -eq 2 ] && ok || bad "after the list: $(count "select count(*) from plan_docs") documents, want 2"

# Dump and restore keep each plan's document (into a SQLite file).
run dump 0 dump "$tmp/all.json"
jq -e '.tables.plans.columns[-1] == "doc" and (.tables.plans.rows | all(.[-1] | startswith("{")))' "$tmp/all.json" > /dev/null &&
	ok || bad "the dump lost the plan documents"
CHITIEU_DB=$tmp/restored.db run restore 0 restore "$tmp/all.json"
[ "$(sqlite3 "$tmp/restored.db" "select count(*) from plan_docs")" -eq 2 ] && ok || bad "restored documents"
last=$(count "select max(id) from plans")
CHITIEU_DB=$tmp/restored.db run show-restored 0 show "$last" --format json
jq -e ".plan.indicators | length == 73" "$tmp/out" > /dev/null && ok || bad "restored plan $last: $(head -c 200 "$tmp/out")"

# Schema 5: each plan held its own document; opening moves them. (The
# store is this version's: its plans keep content_id, schema 13's, and the
# views over plans are left alone while it is renamed.)
if [ "$backend" = postgresql ]; then
	sql "ALTER TABLE plans ADD COLUMN doc TEXT; UPDATE plans SET doc = (SELECT doc FROM plan_docs WHERE hash = doc_hash);
		ALTER TABLE plans DROP COLUMN doc_hash; DROP TABLE plan_docs; UPDATE meta SET value = '5' WHERE key = 'schema'" > /dev/null
else
	sqlite3 "$CHITIEU_DB" "CREATE TABLE plans5 (id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL REFERENCES units(id),
		version INTEGER NOT NULL, title TEXT, number TEXT, issuer TEXT, issued_on TEXT, source TEXT,
		imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, doc TEXT NOT NULL,
		content_id INTEGER REFERENCES plan_contents(id), UNIQUE (unit_id, version));
		INSERT INTO plans5 SELECT id, unit_id, version, title, number, issuer, issued_on, source, imported_at,
		imported_by, (SELECT doc FROM plan_docs WHERE hash = doc_hash), content_id FROM plans;
		PRAGMA legacy_alter_table = ON; DROP TABLE plans; ALTER TABLE plans5 RENAME TO plans; DROP TABLE plan_docs;
		UPDATE meta SET value = '5' WHERE key = 'schema'"
fi
[ "$(count "select count(distinct doc) from plans")" -eq 2 ] && ok || bad "could not make a schema-5 store"
run migrate 0 plans
[ "$(sql "select value from meta where key = 'schema'")" = "$(schema_now)" ] && ok || bad "schema not $(schema_now) after opening"
[ "$(count "select count(*) from plan_docs")" -eq 2 ] && ok || bad "migrated: $(count "select count(*) from plan_docs") documents, want 2"
[ "$(count "select count(*) from plans where doc_hash is null")" -eq 0 ] && ok || bad "a plan without its document"
run show-migrated 0 show "$(count "select min(id) from plans")" --format json
jq -e '.plan.indicators | length == 73' "$tmp/out" > /dev/null && ok || bad "migrated plan: $(head -c 200 "$tmp/out")"
finish store_import_many
