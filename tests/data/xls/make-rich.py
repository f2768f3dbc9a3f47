#!/usr/bin/env python3
"""make-rich.py: rich.xls, variants/xa-hoa-binh.xls (LibreOffice's .xls of
a variant) with its shared strings written as Excel may write them: every
string with a formatting run (fRichSt) and phonetic data (fExtSt, 10
bytes), the SST cut into CONTINUE records of at most 300 bytes (a string's
characters going on after a flags byte, its runs and phonetic data cut
anywhere); the sheets' offsets (BOUNDSHEET8) moved to match, the
compound file written anew (512-byte sectors: the FAT, the directory, the
Workbook stream). Read, it must give what variants/xa-hoa-binh.xlsx
gives."""
import os
import struct
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from cfblib import Compound, one_stream  # noqa: E402

wb = Compound(open(os.path.join(here, "variants", "xa-hoa-binh.xls"), "rb").read()).stream("Workbook")

recs, at = [], 0
while at + 4 <= len(wb):
    t, n = struct.unpack_from("<HH", wb, at)
    recs.append([t, bytearray(wb[at + 4 : at + 4 + n])])
    at += 4 + n

# the strings of the SST (and its CONTINUE records)
k = next(i for i, r in enumerate(recs) if r[0] == 0x00FC)
segs = [recs[k][1][8:]]
j = k + 1
while recs[j][0] == 0x003C:
    segs.append(recs[j][1])
    j += 1
total, count = struct.unpack_from("<II", recs[k][1], 0)
strings, si, off = [], 0, 0
for _ in range(count):
    while off >= len(segs[si]):
        si, off = si + 1, 0
    cch, fl = struct.unpack_from("<HB", segs[si], off)
    off += 3
    assert not fl & 0x0C
    wide, text = fl & 1, ""
    while cch:
        if off >= len(segs[si]):
            si += 1
            wide, off = segs[si][0] & 1, 1
            continue
        w = 2 if wide else 1
        m = min((len(segs[si]) - off) // w, cch)
        text += segs[si][off : off + m * w].decode("utf-16le" if wide else "latin-1")
        off, cch = off + m * w, cch - m
    strings.append(text)

# written again, rich and phonetic, in records of at most LIMIT bytes
LIMIT = 300
out = [bytearray(struct.pack("<II", total, count))]


def room():
    return LIMIT - len(out[-1])


def raw(data):
    while data:
        if not room():
            out.append(bytearray())
        m = min(room(), len(data))
        out[-1] += data[:m]
        data = data[m:]


for s in strings:
    wide = any(ord(c) > 0xFF for c in s)
    units = s.encode("utf-16le") if wide else s.encode("latin-1")
    w = 2 if wide else 1
    hdr = struct.pack("<HBHI", len(units) // w, 0x0C | wide, 1, 10)
    if room() < len(hdr) + w:
        out.append(bytearray())
    out[-1] += hdr
    while units:
        m = min(room() // w, len(units) // w) * w
        out[-1] += units[:m]
        units = units[m:]
        if units:
            out.append(bytearray([wide]))
    raw(struct.pack("<HH", 0, 1) + bytes(range(10)))
new = [[0x00FC, out[0]]] + [[0x003C, r] for r in out[1:]]
recs[k:j] = new

def length(rs):
    return sum(4 + len(r[1]) for r in rs)

old_len = len(wb)
delta = length(recs) - old_len
for t, r in recs:
    if t == 0x0085:
        struct.pack_into("<I", r, 0, struct.unpack_from("<I", r, 0)[0] + delta)
w = b"".join(struct.pack("<HH", t, len(r)) + bytes(r) for t, r in recs)
assert 4096 <= len(w) <= 126 * 512

# the compound file: sector 0 the FAT, 1 the directory, 2... the stream
open(os.path.join(here, "rich.xls"), "wb").write(one_stream("Workbook", w))
