#!/usr/bin/env bash
# Rewrite tests/data/golden/*.json from the current importer. Only after
# checking every changed line of `git diff tests/data/golden` against the
# plan documents by hand: the goldens are the reference, not a snapshot.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in tests/data/plans/*.txt; do
	b=$(basename "$f" .txt)
	./build/chitieu parse "$f" > "tests/data/golden/$b.json"
done
git --no-pager diff --stat tests/data/golden || true
