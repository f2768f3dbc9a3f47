#!/usr/bin/env bash
# browser.sh: the pages in a real browser (tests/browser/flow.mjs, Debian's
# chromium through playwright-core) against the real server over a fresh
# demo database. Screenshots stay in build/browser-flow-artifacts.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
browser_demo flow
start_server --workers 4
timeout 120 node "$root/tests/browser/flow.mjs" "$base" "$artifacts"
