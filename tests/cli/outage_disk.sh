#!/usr/bin/env bash
# outage_disk.sh: the SQLite database on a small tmpfs that is then filled
# up. Writes are answered 503 E_DISK_FULL with Retry-After (it was 400
# E_DB), nothing stored before is lost, every acknowledged write is there;
# once space is freed writes work again without a restart. Needs mount
# (root); otherwise says SKIP and exits 77 (ctest: skipped). ~5 s.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
unset CHITIEU_TEST_DB_URL # the disk is SQLite's
mnt=$(mktemp -d)
if ! mount -t tmpfs -o size=6m tmpfs "$mnt" 2> "$tmp/mount.err"; then
	echo "SKIP: outage_disk: cannot mount a tmpfs ($(cat "$tmp/mount.err")); the full-disk test did NOT run"
	rmdir "$mnt"
	exit 77
fi
cleanup() {
	kill "${server_pid:-}" 2> /dev/null
	wait 2> /dev/null
	umount "$mnt" 2> /dev/null || umount -l "$mnt"
	rmdir "$mnt"
	rm -rf "$tmp"
}
trap cleanup EXIT
root=$(cd "$(dirname "$0")/../.." && pwd)
export CHITIEU_DB=$mnt/demo.db
BIN=$bin PLANS=$data/plans DEMO_SIZE=small bash "$root/scripts/demo.sh" "$CHITIEU_DB" > /dev/null || { bad "demo database"; exit 1; }
backend=sqlite
start_server --workers 2
trap cleanup EXIT

admin_session vanphong matkhau-demo

note=$(head -c 3000 /dev/zero | tr '\0' 'x')
# write N: figure N (IV.1, month N from 2026-01) with a 3 KB note; prints the status.
write() {
	local p
	p=$(printf '%04d-%02d' $((2026 + ($1 - 1) / 12)) $((($1 - 1) % 12 + 1)))
	curl -s -m 30 -D "$tmp/h" -o "$tmp/body" -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' \
		-d "{\"indicator\":\"IV.1\",\"period\":\"$p\",\"value\":$1,\"note\":\"$note\"}" \
		"$base/api/v1/units/DEMO-A/observations"
}
: > "$tmp/acked"
for i in $(seq 1 10); do
	got=$(write "$i")
	[ "$got" = 201 ] && echo "$i" >> "$tmp/acked" || bad "write $i before the disk is full: $got"
done

# Fill the disk to the last block.
dd if=/dev/zero of="$mnt/fill" bs=64k 2> /dev/null
dd if=/dev/zero of="$mnt/fill2" bs=4k 2> /dev/null
echo "free on the tmpfs: $(df --output=avail -B1 "$mnt" | tail -1) bytes"
full=0 other=0
for i in $(seq 11 60); do
	got=$(write "$i")
	case $got in
	201) echo "$i" >> "$tmp/acked" ;;
	503)
		full=$((full + 1))
		grep -qi '^Retry-After: [0-9]' "$tmp/h" || bad "write $i: 503 without Retry-After"
		[ "$(jq -r .error.code "$tmp/body")" = E_DISK_FULL ] || bad "write $i: $(cat "$tmp/body")"
		;;
	*)
		other=$((other + 1))
		bad "write $i on a full disk: $got, want 201 or 503: $(head -c 300 "$tmp/body")"
		;;
	esac
done
echo "on the full disk: $full writes answered 503, $((50 - full - other)) acknowledged"
[ "$full" -ge 1 ] && ok || bad "no write was refused: the disk was not full, the test proves nothing"
got=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -b "$jar" "$base/api/v1/units/DEMO-A/observations")
[ "$got" = 200 ] && ok || bad "a read on the full disk: $got"

rm -f "$mnt/fill" "$mnt/fill2"
for i in $(seq 61 65); do
	got=$(write "$i")
	[ "$got" = 201 ] && echo "$i" >> "$tmp/acked" || bad "write $i after space was freed: $got $(head -c 300 "$tmp/body")"
done
kill -0 "$server_pid" 2> /dev/null && ok || bad "the server is gone"
stop_server

# Every acknowledged figure is there, with its value; the database is sound.
sqlite3 "$CHITIEU_DB" "select cast(o.value as integer) from observations o join series s on s.id = o.series_id
	join units u on u.id = s.unit_id where u.code = 'DEMO-A' and s.code = 'IV.1'
	and o.period >= '2026-01' order by 1" > "$tmp/stored"
missing=$(comm -23 <(sort "$tmp/acked") <(sort "$tmp/stored") | tr '\n' ' ')
[ -z "$missing" ] && ok || bad "acknowledged but not stored: $missing"
extra=$(comm -13 <(sort "$tmp/acked") <(sort "$tmp/stored") | tr '\n' ' ')
[ -z "$extra" ] && ok || bad "refused with 503 but stored: $extra"
echo "$(wc -l < "$tmp/acked") acknowledged, $(wc -l < "$tmp/stored") stored"
[ "$(sqlite3 "$CHITIEU_DB" 'pragma integrity_check')" = ok ] && ok || bad "integrity_check"
finish outage_disk
