# readers.bash: the readers whose output a schema-15 store must keep after
# migration. Sourced by make.sh (which writes the expected output with the
# old binary) and by tests/cli/store_migrate16.sh (which compares), so the
# two lists cannot drift. Needs $bin; appends to the file named by $1.
run_readers() {
	local out=$1
	: > "$out"
	r() { echo "== $*" >> "$out"; "$bin" "$@" >> "$out" 2>&1 || echo "exit $?" >> "$out"; }
	r plans
	for id in 1 5; do r show "$id" --format json; done
	for u in A B C; do
		r status --unit "$u" --period 2025-Q4 --format json
		r summary --unit "$u" --period 2025-Q4 --format json
		r observations --unit "$u"
		r tasks --unit "$u" --period 2025-12
	done
	r rollup --unit P --period 2025-Q4 --format json
	r rank --unit P --period 2025-Q4
	r series --unit P --format csv
	r link list --unit P --format json
	for st in proposed confirmed rejected; do r link list --unit P --state "$st"; done
	r audit --format csv
}
