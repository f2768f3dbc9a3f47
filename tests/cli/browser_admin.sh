#!/usr/bin/env bash
# browser_admin.sh: administration and the public portal in a real browser
# (tests/browser/admin.mjs, Debian's chromium through playwright-core) against
# the real server over a fresh demo database. Screenshots stay in build/browser-admin-artifacts.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
browser_demo admin full
start_server --workers 4
timeout 120 node "$root/tests/browser/admin.mjs" "$base" "$artifacts"
