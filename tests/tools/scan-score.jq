# scan-score.jq: a plan read from a scan against its golden plan (issue 12).
# jq -n --slurpfile g GOLDEN.json --slurpfile p PARSED.json -f scan-score.jq
# (GOLDEN.json: {"plan": ...} as tests/data/golden, or the plan itself as
# tests/data/variants/NAME.golden.json)
# Every golden target cell (a golden indicator, matched to the scan's
# indicator whose name shares the most words with it, and a milestone year)
# is right when the scan's reading has the same kind, operator and value
# (the same text, spaces aside, for a target in words); a wrong one is
# flagged when a warning on the indicator's lines, about that cell (its
# field "target YEAR", or no field), quotes what was read (or says nothing
# could be read); right_flagged counts the right cells flagged
# all the same (work for the clerk).
def same($a; $b):
  ($a != null) and ($b != null) and ($a.kind == $b.kind) and
  (if $a.kind == "number" or $a.kind == "range" then ($a.op == $b.op and $a.value == $b.value and $a.max == $b.max)
   else (($a.text // "") | gsub("\\s"; "")) == (($b.text // "") | gsub("\\s"; "")) end);
def words: ascii_downcase | [splits("[^\\p{L}\\p{N}]+") | select(length > 0)] | unique;
def overlap($a; $b): ($a | length) as $n | ($b | length) as $m
  | if $n + $m == 0 then 0 else ([$a[] | select(. as $w | $b | index([$w]))] | length) * 2 / ($n + $m) end;
($g[0].plan // $g[0]) as $G | ($p[0].plan) as $P
| [$P.indicators[] | (.name // "" | words)] as $pw
| [ range(0; $G.indicators | length) as $i
    | $G.indicators[$i] as $gi | ($gi.name | words) as $w
    | ([range(0; $pw | length) | {k: ., s: overlap($w; $pw[.])}] | max_by(.s) // {k: -1, s: 0}) as $best
    | (if $best.s >= 0.5 then $P.indicators[$best.k] else {} end) as $pi
    | ($gi.targets // {}) | to_entries[] | select((.value.text // "") != "")
    | .key as $y | .value as $gt | ($pi.targets[$y] // null) as $pt
    | ($pi.source_lines // [0, 0]) as $sl
    | { code: $gi.code, year: $y, want: $gt.text, got: ($pt.text // ""),
        right: same($gt; $pt),
        flagged: ([ $P.warnings[] | select(.line >= $sl[0] and .line <= $sl[1])
                    | select(.field == null or .field == "target " + $y)
                    | .message | select(startswith("Ô cần kiểm tra"))
                    | select(contains("\"" + ($pt.text // "\u0000") + "\"") or contains("không đọc được")) ] | length > 0) } ]
| { cells: length, right: map(select(.right)) | length,
    wrong: map(select(.right | not)), 
    wrong_unflagged: map(select((.right | not) and (.flagged | not))),
    right_flagged: map(select(.right and .flagged)) | length,
    indicators: [($G.indicators | length), ($P.indicators | length)],
    flags: [$P.warnings[] | select(.message | startswith("Ô cần kiểm tra"))] | length }
