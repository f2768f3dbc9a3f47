#!/usr/bin/env bash
# parse.sh: `chitieu parse` as a user runs it: the real plans, several files,
# and bad input (empty, binary, no table, 50 MB, a 1 MB line, legacy
# encodings, missing files), each answered with one line naming the file
# and exit status 2, never a crash or a hang.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"

# expect_error NAME FILE WORD: one line on stderr naming FILE and saying WORD.
expect_error() {
	local name=$1 file=$2 word=$3
	run "$name" 2 parse "$file" || return
	local lines
	lines=$(wc -l < "$tmp/err")
	[ "$lines" -eq 1 ] && ok || bad "$name: $lines lines on stderr, want 1"
	grep -qF -- "$file" "$tmp/err" && ok || bad "$name: error does not name the file: $(cat "$tmp/err")"
	grep -qF -- "$word" "$tmp/err" && ok || bad "$name: error lacks \"$word\": $(cat "$tmp/err")"
	[ ! -s "$tmp/out" ] && ok || bad "$name: printed output for a bad file"
}

# The real plans, as a clerk reads them.
run text 0 parse "$data/plans/000_03b77514fb71b314.txt" --format text &&
	{ grep -q "75 chỉ tiêu trong 5 nhóm" "$tmp/out" && ok || bad "000 text summary"; }
grep -q "^V. Phát triển chuyển đổi số (31 chỉ tiêu)" "$tmp/out" && ok || bad "000 group V count"
run json 0 parse "$data/plans/002_f65c0da7dbd96e8d.txt" &&
	{ [ "$(grep -c '"code": "I*V*\.[0-9]*"' "$tmp/out")" -eq 9 ] && ok || bad "002: want 9 indicator codes"; }
head -c 9 "$tmp/out" | grep -q '{' && ok || bad "json output starts with an object"
run several 0 parse "$data"/plans/*.txt &&
	{ [ "$(grep -c '"file":' "$tmp/out")" -eq 4 ] && ok || bad "several files: want 4 entries"; }
run format=text 0 parse --format=text "$data/plans/004_5f0b3916b5e2f87f.txt" &&
	{ grep -q "trùng với chỉ tiêu V.31" "$tmp/out" && ok || bad "004 duplicate warning in text"; }

# Bad input.
: > "$tmp/empty.txt"
expect_error empty "$tmp/empty.txt" "rỗng"
printf '\0\1\2\3ELF\0\0binary\0' > "$tmp/bin.dat"
expect_error binary "$tmp/bin.dat" "nhị phân"
printf 'Một văn bản\nkhông có bảng chỉ tiêu nào.\n' > "$tmp/prose.txt"
expect_error no-table "$tmp/prose.txt" "không tìm thấy bảng"
head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$tmp/big.txt"
expect_error 50MB "$tmp/big.txt" "quá lớn"
{ head -c $((1024 * 1024)) /dev/zero | tr '\0' 'x'; echo; } > "$tmp/longline.txt"
expect_error 1MB-line "$tmp/longline.txt" "dài quá"
head -c 65536 /dev/urandom | tr -d '\0' > "$tmp/random.bin"
run random 2 parse "$tmp/random.bin"
expect_error missing "$tmp/no-such-file.txt" "không mở được"
expect_error directory "$tmp" "thư mục"

# Legacy encoding: converted, with a warning, same plan as the UTF-8 text.
run cp1258 0 parse "$data/legacy/004_cp1258.txt" --format text &&
	{ grep -q "Windows-1258" "$tmp/out" && ok || bad "cp1258 conversion not reported"; }
grep -q "73 chỉ tiêu trong 5 nhóm" "$tmp/out" && ok || bad "cp1258: want 73 indicators"

# A good and a bad file: the good one is printed, the status says failure.
run mixed 2 parse "$data/plans/002_f65c0da7dbd96e8d.txt" "$tmp/empty.txt" &&
	{ grep -q '"file":' "$tmp/out" && ok || bad "mixed: good file not printed"; }

# A large table (15 MB of real rows) finishes: linear, not quadratic.
rows=$(grep -P '^\d+\.\t' "$data/plans/004_5f0b3916b5e2f87f.txt")
{
	head -8 "$data/plans/004_5f0b3916b5e2f87f.txt"
	while [ "$(stat -c %s "$tmp/large.txt" 2> /dev/null || echo 0)" -lt $((15 * 1024 * 1024)) ]; do
		for i in $(seq 1 50); do printf '%s\n' "$rows"; done >> "$tmp/large.txt"
	done
} > /dev/null
{ head -8 "$data/plans/004_5f0b3916b5e2f87f.txt"; cat "$tmp/large.txt"; } | head -c $((15 * 1024 * 1024)) > "$tmp/large2.txt"
run large 0 parse "$tmp/large2.txt" --format text

# Inputs the fuzzers once broke: each must parse or fail cleanly, never crash.
for f in "$data"/fuzz-regressions/*; do
	timeout 60 "$bin" parse "$f" > /dev/null 2> "$tmp/err"
	rc=$?
	[ "$rc" -eq 0 ] || [ "$rc" -eq 2 ] && ok || bad "fuzz regression $(basename "$f"): exit $rc"
done

# Usage errors.
run no-args 1 parse
run bad-option 1 parse --frobnicate "$data/plans/002_f65c0da7dbd96e8d.txt"
run bad-format 1 parse --format xml "$data/plans/002_f65c0da7dbd96e8d.txt"
run unknown-command 1 frobnicate
run help 0 help && { grep -q "parse" "$tmp/out" && ok || bad "help lists parse"; }

finish parse
