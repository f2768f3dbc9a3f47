#!/usr/bin/env bash
# store_users.sh: `chitieu user`: accounts with hashed passwords, their
# validation (stable codes, Vietnamese messages), tokens shown once and
# kept hashed, and a schema-1 database taking the account tables on open.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
use_db

run unit 0 unit add --code X --name "Xã" --kind commune
echo "mat-khau-dai" | run add 0 user add --login an --role reporter --unit X --agency "Phòng Kinh tế" --name "Nguyễn Văn An"
has "Đã thêm tài khoản an" "add" out
hash=$(sql "SELECT pw_hash FROM users WHERE login = 'an'")
case $hash in '$argon2id$'*) ok ;; *) bad "not an Argon2id hash: $hash" ;; esac
grep -q "mat-khau-dai" <<< "$(sql "SELECT * FROM users")" && bad "the password is stored in clear" || ok
echo "ngan" | run short 2 user add --login b --role viewer --unit X
has "E_PASSWORD" "a short password" err
echo "mat-khau-dai" | run taken 2 user add --login an --role viewer --unit X
has "E_LOGIN_TAKEN" "a login twice" err
echo "mat-khau-dai" | run role 2 user add --login c --role boss --unit X
has "E_ROLE" "an unknown role" err
echo "mat-khau-dai" | run no-agency 2 user add --login d --role reporter --unit X
has "E_AGENCY" "a reporter without an agency" err
echo "mat-khau-dai" | run no-unit 2 user add --login e --role office
has "E_UNIT" "an office without a unit" err
echo "mat-khau-dai" | run bad-unit 2 user add --login f --role office --unit NOPE
has "E_UNKNOWN_UNIT" "an unknown unit" err
[ "$(sql "SELECT count(*) FROM users")" = 1 ] && ok || bad "refused accounts were written"
echo "mat-khau-moi-1" | run passwd 0 user passwd --login an
[ "$(sql "SELECT pw_hash FROM users WHERE login = 'an'")" != "$hash" ] && ok || bad "passwd left the hash"
echo "mat-khau-dai" | run passwd-nobody 2 user passwd --login nobody
has "E_UNKNOWN_USER" "passwd of an unknown login" err
run disable 0 user disable --login an
run list 0 user list
has "(đã khóa)" "list shows the disabled account" out
run enable 0 user enable --login an
run token 0 user token --login an --label "hệ thống tỉnh"
token=$(cat "$tmp/out")
[ ${#token} -eq 64 ] && ok || bad "token: $token"
[ "$(sql "SELECT count(*) FROM api_tokens WHERE token_hash = '$token'")" = 0 ] && ok || bad "the token is stored in clear"
[ "$(sql "SELECT count(*) FROM audit WHERE action LIKE 'user.%' OR action = 'token.add'")" -ge 4 ] && ok ||
	bad "account changes in the audit log"

# A database of schema 1 (before accounts) opens and gains the tables.
if [ "$backend" = sqlite ]; then
	old="$tmp/old.db"
	"$bin" unit add --db "$old" --code Y --name "Xã Y" --kind commune > /dev/null
	sqlite3 "$old" "DROP TABLE api_tokens; DROP TABLE users; UPDATE meta SET value = '1' WHERE key = 'schema';"
	echo "mat-khau-dai" | run migrate 0 user add --db "$old" --login g --role viewer --unit Y
	[ "$(sqlite3 "$old" "SELECT value FROM meta WHERE key = 'schema'")" = "$(schema_now)" ] && ok || bad "schema not $(schema_now) after opening"
fi
finish store_users
