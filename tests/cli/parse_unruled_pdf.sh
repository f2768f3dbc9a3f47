#!/usr/bin/env bash
# parse_unruled_pdf.sh: text PDFs of tables without ruling lines (issue 12;
# tests/data/unruled, made by tests/tools/render-unruled.sh, see its
# README): 13 pt cells wrapped over lines and centred vertically, a row's
# number between its name's lines; header cells wrapped ("Đơn vị / tính")
# or set a space apart on one line ("Đơn vị tính Năm 2025 Năm 2027");
# a small table under each caption (blind2/xa-son-ha.pdf, checked in
# parse_blind2.sh). Each read against its source plan's
# golden facts (variants_facts.py): identical, or at least the counts given
# and never a wrong figure; every field read otherwise named in a warning
# (flagged_facts.py).
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
here=$(dirname "$0")
. "$here/facts.bash"

v=$data/unruled
# A year column per milestone, a baseline, two agency columns; the last
# row's name runs onto the next page under the header repeated there, its
# glyphs set apart ("C ơ quan chủ trì"): the same header, the lines there
# with no number the last row's (before: "tử mức độ 2" a row of its own,
# the name cut, no warning).
gold=$data/shapes
check xa-an-thinh pdf
flagged xa-an-thinh pdf

# Landscape, a three-level header: "Mục tiêu theo lộ trình" over "Giai
# đoạn 2025 - 2027" and "Giai đoạn / 2028 - 2030" (wrapped) over "Năm
# 2025 | Năm 2027 | Năm 2030": the caption's last word over the wrapped
# period is the caption's (before: "trình Năm 2030", no milestone 2030,
# every 2030 target lost without a word).
check huyen-long-phuoc pdf
flagged huyen-long-phuoc pdf

# A joint agency column "Cơ quan chủ trì/phối hợp"; a row run on over a
# page whose first line under the repeated header, "trì);", is no header
# line (before: a column of its own, the agencies' first words in it).
check phuong-tan-hoa pdf
flagged phuong-tan-hoa pdf

# Baseline, targets, two agency columns, a task table; an agency merged
# over two rows, centred between them, its lines running on across the
# gap between the rows: given to both, with a warning (before: "Phòng Văn
# hóa -" to one row, "Xã hội" to the next, no warning); one merged over
# three rows, centred on the middle one: given to the three, the two
# around named (session 18: in the middle row only, 5/8).
gold=$data/variants
check xa-tan-phu pdf
flagged xa-tan-phu pdf

# Hand-written (xa-phu-my.html): a row per year ("Năm | Mục tiêu") under
# an indicator whose agency wraps over three lines, the first and last
# set on the year lines: one cell across the years, not a year's (before:
# its last words lost, silent); the header's last line ("tiêu tính") set
# at the top of the next page (before: read as a row, no milestone).
gold=$v
check xa-phu-my pdf
flagged xa-phu-my pdf

finish parse_unruled_pdf
