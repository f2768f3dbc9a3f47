#!/usr/bin/env bash
# layout-diff.sh [BIN]: for each given plan's pdftotext -layout rendering
# (tests/data/rendered/*.pdf.layout.txt) and its further renderings in
# tests/data/layout, which indicator and task fields `BIN parse` reads
# differently from the golden facts (tests/cli/layout_facts.py, which
# tests/cli/parse_layout.sh runs with floors), then the counts.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/build/chitieu}
data=$here/tests/data
for g in "$data"/golden/*.json; do
	name=$(basename "$g" .json)
	for f in "$data/rendered/$name.pdf.layout.txt" "$data/layout/$name".*.txt; do
		[ -f "$f" ] || continue
		python3 "$here/tests/cli/layout_facts.py" "$bin" "$f" "$g" 0 0 loose
	done
done
