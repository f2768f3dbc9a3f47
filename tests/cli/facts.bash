# facts.bash: what parse_variants.sh and parse_shapes.sh share. Source it
# after lib.bash, with $v the folder of the documents and their goldens
# (the goldens in $gold when set) and $here the folder of
# variants_facts.py.

# check NAME EXT [MIN_IND MIN_TASKS]: identical (or at least the minimums,
# with no wrong figure).
check() {
	if python3 "$here/variants_facts.py" "$bin" "$v/$1.$2" "${gold:-$v}/$1.golden.json" ${3:-} ${4:-} > "$tmp/facts" 2>&1; then
		ok
		tail -n 1 "$tmp/facts" | sed "s|$v/||"
	else
		bad "$1.$2"
		cat "$tmp/facts"
	fi
}
# refused NAME EXT: refused with a message saying where and why.
refused() {
	python3 "$here/variants_facts.py" "$bin" "$v/$1.$2" "$v/$1.golden.json" > "$tmp/facts" 2>&1
	local rc=$?
	if [ $rc -eq 2 ] && grep -q "dòng [0-9]" "$tmp/facts"; then
		ok
	else
		bad "$1.$2: not refused (exit $rc)"
		cat "$tmp/facts"
	fi
}
# flagged NAME EXT [--rows]: every field read otherwise than the golden is named by
# a warning of that field on the item's rows (flagged_facts.py); with
# --rows, every row not read at all is said by a warning too.
flagged() {
	if python3 "$here/flagged_facts.py" "$bin" "$v/$1.$2" "${gold:-$v}/$1.golden.json" ${3:-} > "$tmp/facts" 2>&1; then
		ok
		tail -n 1 "$tmp/facts" | sed "s|$v/||"
	else
		bad "$1.$2: a wrong field with no warning"
		cat "$tmp/facts"
	fi
}
# broken FILE WORDS...: $v/FILE refused (exit 2) in one line naming the
# file's fault (WORDS).
broken() {
	run "$1" 2 parse "$v/$1" || { cat "$tmp/err"; return; }
	for w in "${@:2}"; do
		grep -qF -- "$w" "$tmp/err" && ok || bad "$1: no \"$w\" in: $(cat "$tmp/err")"
	done
	[ "$(wc -l < "$tmp/err")" -eq 1 ] && ok || bad "$1: not one line"
}
