#!/usr/bin/env bash
# error_codes.sh: errors travel as a typed code (src/core/error.h) from where
# they happen to the edge; nothing in src takes an error message apart to
# find its code again, and no layer below the CLI writes "[E_...]" into a
# message (the CLI prints codes at its edge, on stderr).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
src=${CHITIEU_SRC:-$(cd "$data/../../src" && pwd)}

# hits NAME PATTERN DIR...: no line of a C file in DIRs matches PATTERN.
hits() {
	local name=$1 pattern=$2
	shift 2
	grep -rnE --include='*.c' --include='*.h' "$pattern" "$@" > "$tmp/hits"
	[ -s "$tmp/hits" ] && bad "$name: $(head -c 600 "$tmp/hits")" || ok
}

# A code looked for inside a message ("[E_CONFIRM]", "E_NO_PLAN"). (A
# problem list's code is a name on its own and may be compared.)
hits compare '((strn?cmp|memcmp)\([^;]*"\[E_[A-Z]|(strstr|strcasestr)\([^;]*"\[?E_[A-Z])' "$src"
# A message's first byte taken for the start of a code.
hits bracket "\[0\] *[!=]= *'\['" "$src"
# The old parser of "[E_CODE] message".
hits parser 'app_error_code' "$src"
# A code written into a message below the CLI.
hits written '"[^"]*\[E_[A-Z]' "$src/core" "$src/import" "$src/store" "$src/engine" \
	"$src/report" "$src/auth" "$src/server"
# The error channel is the typed one.
hits channel 'char \*\*err\b' "$src"

# One table: every code's name appears once in it.
names=$(grep -oE '^\s*X\([A-Z0-9_]+, "E_[A-Z0-9_]+"' "$src/core/error.h" 2> /dev/null | sort)
[ -n "$names" ] && [ "$(printf '%s\n' "$names" | uniq -d)" = "" ] && ok ||
	bad "error.h: names missing or repeated: $(printf '%s\n' "$names" | uniq -d)"

# The edges read the code: an unknown unit is E_UNKNOWN_UNIT on the CLI
# (exit 2) whatever the message says.
use_db
run unit-add 0 unit add --code TN --name "Tỉnh Thử" --kind province
run unknown-parent 2 unit add --code X2 --name X --kind commune --parent NOPE
grep -q 'E_UNKNOWN_UNIT' "$tmp/err" && ok || bad "unknown parent: $(cat "$tmp/err")"

finish error_codes
