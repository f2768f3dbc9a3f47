#!/usr/bin/env bash
# store_links_bulk.sh (issue 13, bulk paths): `link confirm --all-sure` for
# a province reads the province's plan once and each commune's once, where
# it read both plan documents again for every link (two JSON documents
# parsed per link: 10 s of CPU for the 1,950 sure links of 100 communes);
# `link propose` reads each commune's series and links once, where it ran
# three queries a pair of indicators (series, link, confirmed link).
# Counted, not timed, in the PostgreSQL server's log (log_statement = all
# for that session): the statements reading a plan document are at most
# one per commune plus one; propose runs at most one statement a link
# written plus a few a commune. On both backends: the links confirmed are the
# same as one by one (each commune's sure links confirmed, none twice for a
# child indicator, the audit has a line per link).
set -u
bin=$1
data=$(realpath "$2")
. "$(dirname "$0")/lib.bash"
use_db
communes=6
province_of_communes $communes
run plans 0 import --list "$tmp/plans.csv"

pg_log
before=$(log_lines)
PGOPTIONS="-c log_statement=all" run propose 0 link propose --unit P
links=$(count "select count(*) from links")
[ "$links" -gt 100 ] && ok || bad "only $links links proposed"
if [ -n "$log" ]; then
	# One INSERT a new link, and a few statements a commune (its plan,
	# its series and links, the audit): not three more reads a pair.
	n=$(logged propose)
	echo "link propose: $links links, $n statements"
	[ "$n" -le $((links + 10 * communes + 30)) ] && ok ||
		bad "link propose ran $n statements for $links links of $communes communes, want ≤ $((links + 10 * communes + 30))"
fi
sure=$(count "select count(*) from links where state = 'proposed' and score >= 0.95")
[ "$sure" -gt 50 ] && ok || bad "only $sure sure proposals to confirm"

before=$(log_lines)
audit=$(count "select count(*) from audit where action = 'link.confirm'")
PGOPTIONS="-c log_statement=all" run confirm 0 link confirm --unit P --all-sure
n=$(sed -n 's/^Đã xác nhận \([0-9]*\) đề xuất chắc chắn.*/\1/p' "$tmp/out")
[ "$n" -gt 50 ] && ok || bad "confirmed: $(cat "$tmp/out")"
[ "$(count "select count(*) from audit where action = 'link.confirm'")" -eq $((audit + n)) ] && ok || bad "an audit line per link confirmed"
[ "$(count "select count(*) from (select child_series_id from links where state = 'confirmed' group by child_series_id having count(*) > 1) x")" -eq 0 ] && ok ||
	bad "a child indicator with two confirmed links"
left=$(count "select count(*) from links l where state = 'proposed' and score >= 0.95 and not exists (select 1 from links k where k.child_series_id = l.child_series_id and k.state = 'confirmed')")
[ "$left" -eq 0 ] && ok || bad "$left sure proposals left unconfirmed"
if [ -n "$log" ]; then
	logged confirm > /dev/null
	docs=$(grep -c 'FROM plans p JOIN plan_docs' "$tmp/confirm.log")
	echo "link confirm --all-sure: $n links, $docs plan documents read"
	[ "$docs" -ge 1 ] && ok || bad "no plan document read: is log_statement working?"
	[ "$docs" -le $((communes + 1)) ] && ok || bad "$docs plan documents read for $n links of $communes communes, want ≤ $((communes + 1))"
fi
finish store_links_bulk
