#!/usr/bin/env bash
# browser_dash.sh: issue 14 in a real browser (tests/browser/dashboard.mjs,
# Debian's chromium through playwright-core) against the real server over a
# fresh demo database: the province office's dashboard, the commune behind,
# its indicator and the comparison, at 1366x768 and 390x844, with
# accessibility checks. Screenshots stay in build/browser-dash-artifacts.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
browser_demo dash
start_server --workers 4
timeout 120 node "$root/tests/browser/dashboard.mjs" "$base" "$artifacts"
