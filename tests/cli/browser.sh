#!/usr/bin/env bash
# browser.sh: the pages in a real browser (tests/browser/flow.mjs, Debian's
# chromium through playwright-core) against the real server over a fresh
# demo database. Screenshots stay in build/browser-artifacts.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
export CHITIEU_DB="$tmp/demo.db"
BIN=$bin PLANS=$data/plans DEMO_SIZE=small bash "$root/scripts/demo.sh" "$CHITIEU_DB" > /dev/null || { echo "FAIL: demo"; exit 1; }
[ -x /usr/bin/chromium ] || { echo "FAIL: /usr/bin/chromium is missing (make check installs it)"; exit 1; }
if [ ! -d "$root/tests/browser/node_modules/playwright-core" ]; then
	(cd "$root/tests/browser" && npm ci --no-audit --no-fund > /dev/null) || { echo "FAIL: npm ci"; exit 1; }
fi
start_server --workers 4
artifacts="$(dirname "$bin")/browser-artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts"
timeout 120 node "$root/tests/browser/flow.mjs" "$base" "$artifacts"
