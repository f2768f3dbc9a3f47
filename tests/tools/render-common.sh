# render-common.sh: what the render-*.sh tools share, sourced with the
# folder under tests/data their renderings go to by default, and their own
# arguments:   . "$(dirname "$0")/render-common.sh" FOLDER "$@"
# Sets src (tests/data/rendered: the given plans rendered once), out
# (the tool's OUTDIR argument, or tests/data/FOLDER; made), tmp (a
# temporary folder removed on exit) and plans (the given plans' names:
# $src/NAME.pdf, .html, .docx).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$here/../data/rendered
out=${2:-$here/../data/$1}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
plans=()
for f in "$src"/*.pdf; do
	plans+=("$(basename "$f" .pdf)")
done
