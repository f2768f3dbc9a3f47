#!/usr/bin/env bash
# layers.sh: no layer includes a header of a layer above it. Every
# #include "..." in src/<layer>/*.[ch] must resolve to the file's own layer
# or to a layer the table below allows (docs/architecture.md; the same graph
# as the chitieu_<layer> libraries in CMakeLists.txt). Then the build's
# compile_commands.json (beside the binary) must give each layer's sources
# exactly those include directories, so CMake and this table stay one graph.
# Last, the check must catch an upward include planted in a copy of src/.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# layer -> the layers its files may include (itself first).
declare -A allowed=(
	[core]="core"
	[auth]="auth"
	[import]="import core"
	[store]="store core auth"
	[engine]="engine store core"
	[report]="report engine store import core"
	[server]="server report engine store import auth core"
	[cli]="cli server report engine store import auth core"
)

# check_tree SRC: one line per include that breaks the table (or names no
# header in SRC, or sits in a folder the table does not know); prints
# "checked N" last.
check_tree() {
	local src=$1 n=0 dir layer f h target where
	for dir in "$src"/*/; do
		layer=$(basename "$dir")
		if [ -z "${allowed[$layer]+x}" ]; then
			echo "src/$layer: a folder the layer table does not know"
			continue
		fi
		for f in "$dir"*.c "$dir"*.h; do
			[ -f "$f" ] || continue
			while IFS= read -r h; do
				n=$((n + 1))
				if [ -f "$dir$h" ]; then # the quoted form looks beside the file first
					target=$(cd "$(dirname "$dir$h")" && pwd)
					target=${target#"$src"/}
					target=${target%%/*}
				else
					target=
					for where in ${allowed[$layer]}; do
						[ -f "$src/$where/$h" ] && { target=$where; break; }
					done
					if [ -z "$target" ]; then
						where=$(cd "$src" && ls -d -- */"$h" 2> /dev/null | head -n 1)
						if [ -n "$where" ]; then
							echo "src/$layer/$(basename "$f"): includes \"$h\" of layer ${where%%/*}, above or beside $layer (allowed: ${allowed[$layer]})"
						else
							echo "src/$layer/$(basename "$f"): includes \"$h\", which is in no layer"
						fi
						continue
					fi
				fi
				case " ${allowed[$layer]} " in
				*" $target "*) ;;
				*) echo "src/$layer/$(basename "$f"): includes \"$h\" of layer $target (allowed: ${allowed[$layer]})" ;;
				esac
			done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
		done
	done
	echo "checked $n"
}

# 1. The sources as they are.
check_tree "$root/src" > "$tmp/tree"
checked=$(sed -n 's/^checked //p' "$tmp/tree")
[ "${checked:-0}" -gt 300 ] && ok || bad "sources: only ${checked:-0} includes read, want over 300"
grep -v '^checked ' "$tmp/tree" > "$tmp/broken"
[ ! -s "$tmp/broken" ] && ok || bad "includes that climb the layers:"$'\n'"$(cat "$tmp/broken")"
for layer in "${!allowed[@]}"; do
	[ -d "$root/src/$layer" ] && ok || bad "the table names src/$layer, which does not exist"
done

# 2. The build gives each layer the include directories the table allows.
cc_json=$(dirname "$bin")/compile_commands.json
if [ -f "$cc_json" ]; then
	jq -r --arg src "$root/src/" '.[] | select(.file | startswith($src))
		| (.file | ltrimstr($src) | split("/")[0]) + " "
		  + ([(.command // (.arguments | join(" "))) | scan("-I *([^ ]+)")[0]
		      | select(startswith($src)) | ltrimstr($src) | rtrimstr("/")] | sort | join(","))' \
		"$cc_json" | sort -u > "$tmp/cmake"
	[ -s "$tmp/cmake" ] && ok || bad "compile_commands.json: no source of src/"
	while read -r layer dirs; do
		want=$(printf '%s\n' ${allowed[$layer]:-} | grep -vx "$layer" | sort | paste -sd,)
		got=$(printf '%s\n' ${dirs//,/ } | grep -vx "$layer" | sort | paste -sd,)
		[ "$got" = "$want" ] && ok ||
			bad "CMake gives src/$layer the headers of {$got}, the table allows {$want}"
	done < "$tmp/cmake"
	[ "$(cut -d' ' -f1 "$tmp/cmake" | sort -u | wc -l)" -eq "${#allowed[@]}" ] && ok ||
		bad "compile_commands.json has sources of $(cut -d' ' -f1 "$tmp/cmake" | sort -u | paste -sd' '), want every layer"
else
	bad "no $cc_json (CMakeLists.txt sets CMAKE_EXPORT_COMPILE_COMMANDS)"
fi

# 3. The check itself: an upward include planted in a copy is caught, and
# named; one to a layer below is not.
cp -r "$root/src" "$tmp/src"
printf '#include "store.h"\n' >> "$tmp/src/core/period.c"
printf '#include "report.h"\n' >> "$tmp/src/engine/live.h"
printf '#include "period.h"\n' >> "$tmp/src/server/gzip.c"
check_tree "$tmp/src" | grep -v '^checked ' > "$tmp/planted"
grep -qF 'src/core/period.c: includes "store.h" of layer store' "$tmp/planted" && ok ||
	bad "planted core -> store not caught: $(cat "$tmp/planted")"
grep -qF 'src/engine/live.h: includes "report.h" of layer report' "$tmp/planted" && ok ||
	bad "planted engine -> report not caught: $(cat "$tmp/planted")"
[ "$(wc -l < "$tmp/planted")" -eq 2 ] && ok || bad "planted: want 2 findings, got: $(cat "$tmp/planted")"

finish layers
