#!/usr/bin/env bash
# store_build_scale.sh (issue 13, bulk paths): building a national store
# with the CLI costs the same per unit at any size. Counted, not timed:
# 1. import --list of 49 plans in one transaction: the temporary tables a
#    plan's rows go through (plansave.c) are emptied so that no statement
#    rereads the dead rows of every plan before it (PostgreSQL: a DELETE's
#    rows stay until the transaction ends; 1,000 plans took 365 s, each
#    plan's statements slower than the last). The temporary pages (local
#    buffers) a scan of those tables reads (auto_explain with ANALYZE and
#    BUFFERS) are no more in the last third of the plans than in the
#    first (the rows of at most 16 plans).
# 2. link propose for the province: a few statements a commune (the links
#    of each copied at once), not one INSERT a link (the server's log).
# 3. link confirm --all-sure right after, before PostgreSQL has statistics
#    of the tables just filled: the list of the province's links reads each
#    series' newest indicator by ind_series, not by walking indicators'
#    primary key backwards for each link (41 s for the 2,550 links of the
#    country at 300 communes).
# 4. submit --all of 56 figures: three statements a figure (its state, the
#    change, the audit), not a fourth to clear a reviewer's comment it does
#    not have, nor a NOTIFY a figure (one for the transaction); a returned
#    figure's comment is still cleared on resubmit.
# The counts need PostgreSQL's log and auto_explain; on SQLite the same
# commands run and their results are checked.
set -u
bin=$1
data=$(realpath "$2")
. "$(dirname "$0")/lib.bash"
use_db
communes=48
province_of_communes $communes
pg=
[ "$backend" = postgresql ] && pg=1
explain_opts="-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_level=warning -c auto_explain.log_nested_statements=on -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on"

# ---- 1. import --list ---------------------------------------------------------------
if [ -n "$pg" ]; then
	PGOPTIONS="$explain_opts" run plans 0 import --list "$tmp/plans.csv"
	# Per statement on a temporary plan table: the pages it read, in order.
	awk '/^Query Text:/ { q++ }
		/(Seq Scan|Delete|Update) on plan_(ind|tgt|ia|agency|task|ren)/ { want = 1; next }
		want && /Buffers:/ { n = 0; loc = 0
			for (i = 1; i <= NF; i++) {
				if ($i == "local") loc = 1
				else if ($i == "temp") loc = 0
				else if (loc && $i ~ /^(hit|read)=/) { split($i, kv, "="); n += kv[2] + 0 }
			}
			print q, n; want = 0 }' "$tmp/err" > "$tmp/pages"
	n=$(wc -l < "$tmp/pages")
	[ "$n" -gt $((communes * 3)) ] && ok || bad "import: only $n statements on the plan tables explained"
	half=$((n / 3))
	first=$(head -n "$half" "$tmp/pages" | awk '$2 > m { m = $2 } END { print m + 0 }')
	last=$(tail -n "$half" "$tmp/pages" | awk '$2 > m { m = $2 } END { print m + 0 }')
	echo "import --list of $((communes + 1)) plans: the plan tables' pages a scan read, at most $first in the first third, $last in the last"
	[ "$first" -gt 0 ] && [ "$last" -le $((first + 8)) ] && ok ||
		bad "a statement of the last plans read $last pages of the plan tables, of the first ones $first: the dead rows of earlier plans reread"
else
	run plans 0 import --list "$tmp/plans.csv"
fi
[ "$(count "select count(*) from plans")" -eq $((communes + 1)) ] && ok || bad "plans stored: $(count "select count(*) from plans")"
# The same rows as a plan imported alone: the last commune's indicators,
# targets and agency links against the first's of the same plan.
for t in "indicators i" "targets t JOIN indicators i ON i.id = t.indicator_id" "indicator_agencies a JOIN indicators i ON i.id = a.indicator_id"; do
	a=$(count "select count(*) from $t JOIN plans p ON p.id = i.plan_id JOIN units u ON u.id = p.unit_id WHERE u.code = 'C2'")
	b=$(count "select count(*) from $t JOIN plans p ON p.id = i.plan_id JOIN units u ON u.id = p.unit_id WHERE u.code = 'C$communes'")
	[ "$a" -gt 0 ] && [ "$a" = "$b" ] && ok || bad "$t: C2 has $a rows, C$communes $b"
done

# ---- 2. link propose ------------------------------------------------------------------
pg_log
before=$(log_lines)
PGOPTIONS="-c log_statement=all" run propose 0 link propose --unit P
links=$(count "select count(*) from links")
[ "$links" -gt $((communes * 20)) ] && ok || bad "only $links links proposed"
[ "$(count "select count(*) from audit where action in ('link.propose', 'link.confirm') and entity = 'unit'")" -ge "$communes" ] && ok ||
	bad "an audit line per commune and kind"
if [ -n "$log" ]; then
	n=$(logged propose)
	# A link's explanation is stored once per distinct text (schema 14):
	# one INSERT a new text, none a link.
	whys=$(count "select count(*) from link_whys")
	echo "link propose: $links links of $communes communes, $whys distinct texts, $n statements"
	[ "$n" -le $((8 * communes + 30 + whys)) ] && ok ||
		bad "link propose ran $n statements for $links links of $communes communes, want ≤ $((8 * communes + 30 + whys))"
fi

# ---- 3. link confirm before any statistics -------------------------------------------
if [ -n "$pg" ]; then
	# A national store's size of indicators (20,000 more, of another
	# province, in SQL), then no statistics of them, as right after the
	# import that stored them.
	sql "INSERT INTO units (code, name, kind, population, created_at) VALUES ('Q', 'Tỉnh Q', 'province', 1, '2025-01-01T00:00:00Z');
	INSERT INTO plans (unit_id, version, imported_at, imported_by, doc_hash)
		SELECT id, 1, '2025-01-01T00:00:00Z', 'sql', (SELECT doc_hash FROM plans LIMIT 1) FROM units WHERE code = 'Q';
	INSERT INTO series (unit_id, code) SELECT u.id, 'X.' || g FROM units u, generate_series(1, 20000) g WHERE u.code = 'Q';
	INSERT INTO plan_contents (hash) VALUES ('sql-x');
	UPDATE plans SET content_id = (SELECT id FROM plan_contents WHERE hash = 'sql-x') WHERE unit_id = (SELECT id FROM units WHERE code = 'Q');
	INSERT INTO content_indicators (content_id, code, group_code, name)
		SELECT (SELECT id FROM plan_contents WHERE hash = 'sql-x'), 'X.' || g, 'X', 'Chỉ tiêu X.' || g FROM generate_series(1, 20000) g;
	INSERT INTO plan_indicators (plan_id, indicator_id, series_id)
		SELECT p.id, c.id, s.id FROM series s JOIN plans p ON p.unit_id = s.unit_id JOIN content_indicators c ON c.content_id = p.content_id AND c.code = s.code WHERE s.code LIKE 'X.%';" > /dev/null
	sql "DELETE FROM pg_statistic WHERE starelid IN ('plan_indicators'::regclass, 'content_indicators'::regclass, 'link_rows'::regclass, 'series'::regclass, 'units'::regclass)" > /dev/null
	PGOPTIONS="$explain_opts" run confirm 0 link confirm --unit P --all-sure
	grep -Eq '^Query Text:.*FROM link_rows l JOIN series cs' "$tmp/err" && ok || bad "confirm: the link list was not explained"
	awk '/^Query Text:/ { q = substr($0, 13, 120) } /Index Scan Backward using (plan_|content_)?indicators_pkey/ { print q }' "$tmp/err" | sort -u > "$tmp/backward"
	[ ! -s "$tmp/backward" ] && ok || bad "indicators' primary key walked backwards (a link's newest indicator) in: $(head -c 300 "$tmp/backward")"
else
	run confirm 0 link confirm --unit P --all-sure
fi
[ "$(count "select count(*) from links where state = 'confirmed'")" -gt "$communes" ] && ok || bad "links confirmed: $(count "select count(*) from links where state = 'confirmed'")"

# ---- 4. submit --all ---------------------------------------------------------------
codes=$("$bin" parse "$p004" | jq -r '.plan.indicators[] |
	select([.targets[]?.kind] - ["number","none","range"] | length == 0) | .code' | head -56)
nfig=$(echo "$codes" | wc -l)
{
	echo "unit,indicator,period,value"
	for c in $codes; do echo "C1,$c,2025-Q1,7"; done
} > "$tmp/obs.csv"
run record 0 record --csv "$tmp/obs.csv"
first=$(echo "$codes" | head -1)
# One figure returned with a comment and recorded again: its comment goes on submit.
run submit-one 0 submit --unit C1 --period 2025-Q1 --indicator "$first" --by nhap
run return-one 0 return --unit C1 --period 2025-Q1 --indicator "$first" --comment "xem lại" --by vp
run rerecord 0 record --unit C1 --indicator "$first" --period 2025-Q1 --value 8 --by nhap
before=$(log_lines)
PGOPTIONS="-c log_statement=all" run submit 0 submit --unit C1 --period 2025-Q1 --all --by nhap
grep -q "Đã gửi $nfig số liệu" "$tmp/out" && ok || bad "submit: $(cat "$tmp/out")"
[ "$(count "select count(*) from observations o join series s on s.id = o.series_id join units u on u.id = s.unit_id
	where u.code = 'C1' and o.status = 'submitted' and o.review is null")" = "$nfig" ] && ok ||
	bad "figures submitted without a comment: $(count "select count(*) from observations where status = 'submitted' and review is null")"
[ "$(count "select count(*) from figure_extras")" = 0 ] && ok || bad "figure_extras keeps $(count "select count(*) from figure_extras") rows"
if [ -n "$log" ]; then
	n=$(logged submit)
	echo "submit --all: $nfig figures, $n statements"
	[ "$n" -le $((3 * nfig + 20)) ] && ok || bad "submit ran $n statements for $nfig figures, want ≤ $((3 * nfig + 20))"
fi
finish store_build_scale
