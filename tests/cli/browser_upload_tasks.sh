#!/usr/bin/env bash
# browser_upload_tasks.sh: a plan's tasks on the draft page in a real
# browser (tests/browser/upload_tasks.mjs, Debian's chromium through
# playwright-core) against the real server over a fresh demo database: the
# top count with the task cells to check, a task cell saved as it is left,
# a stale save refused and said; an indicator's cells (a target, a box
# "đúng", a code then its row's name, a group's name) saved as they are
# left, there after a reload, not undone by the form; a row added to the
# indicators and to the tasks saved so too once it has its code, group and
# name, then a row as the others, not added twice. Screenshots stay in
# build/browser-upload_tasks-artifacts.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
browser_demo upload_tasks
start_server --workers 4
if timeout 240 node "$root/tests/browser/upload_tasks.mjs" "$base" "$artifacts" \
	"$data/rendered/001_5a02e85ee0dfd10c.pdf.layout.txt"; then ok; else bad "upload_tasks.mjs (screenshots in $artifacts)"; fi
[ "$(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM plan_drafts')" = 1 ] && ok || bad "drafts: $(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM plan_drafts')"
finish browser_upload_tasks
