#!/usr/bin/env bash
# browser_entry.sh: issue 14's entry and review loop in a real browser
# (tests/browser/entry.mjs, Debian's chromium through playwright-core)
# against the real server over a fresh demo database, at a desktop and a
# phone size. Screenshots stay in build/browser-entry-artifacts.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
browser_demo entry
start_server --workers 4
timeout 180 node "$root/tests/browser/entry.mjs" "$base" "$artifacts"
