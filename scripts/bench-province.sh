# bench-province.sh: sourced by the benchmarks. make_province BIN DIR: into
# $CHITIEU_DB, a province P of 100 communes C001..C100, each with plan 004
# (73 indicators) and a figure for every percentage indicator in 2025-12.
make_province() {
	local bin=$1 dir=$2 plan=tests/data/plans/004_5f0b3916b5e2f87f.txt i c codes
	{
		echo "code,name,kind,parent,population"
		echo "P,Tỉnh thử,province,,1000000"
		for i in $(seq -w 1 100); do echo "C$i,Xã $i,commune,P,$((5000 + 10#$i * 37))"; done
	} > "$dir/units.csv"
	"$bin" unit import "$dir/units.csv" > /dev/null
	for i in $(seq -w 1 100); do "$bin" import "$plan" --unit "C$i" > /dev/null; done
	codes=$("$bin" parse "$plan" | awk -F'"' '/"code":/ {c=$4} /"unit": "%"/ {print c}')
	{
		echo "unit,indicator,period,value"
		for i in $(seq -w 1 100); do
			for c in $codes; do echo "C$i,$c,2025-12,$(((10#$i * 7 + ${#c} * 13) % 100))"; done
		done
	} > "$dir/obs.csv"
	"$bin" record --csv "$dir/obs.csv" > /dev/null
}
