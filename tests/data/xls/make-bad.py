#!/usr/bin/env python3
"""make-bad.py: the broken and foreign files of tests/data/xls, made from
variants/xa-hoa-binh.xls (LibreOffice's rendering of a variant), each
changed in place in its Workbook stream: bad-truncated.xls the file's
first half; bad-sst-count.xls the SST claiming 0x7FFFFFFF strings;
bad-sst-overflow.xls the SST's first string 65535 characters long
(running past the SST and its CONTINUE records); bad-sheet-loop.xls the
first sheet's stream offset (BOUNDSHEET8) pointing back at the workbook's
own BOF; bad-encrypted.xls the first record after BOF turned into a
FILEPASS; bad-biff5.xls the BOF's version that of Excel 5.0/95 (0x0500);
other-ole.xls tests/data/doc's other-ole.doc, a compound file of one
stream named "Contents" (no Workbook)."""
import os
import shutil
import struct
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from cfblib import Compound  # noqa: E402

src = open(os.path.join(here, "variants", "xa-hoa-binh.xls"), "rb").read()
open(os.path.join(here, "bad-truncated.xls"), "wb").write(src[: len(src) // 2])

c = Compound(src)
b, ssz = c.b, c.ssz
start, size = c.entry("Workbook")
assert size >= 4096  # in the FAT's sectors, not the mini stream
chain = c.chain(start)
wb = bytearray(c.stream("Workbook"))


def records(w):
    at = 0
    while at + 4 <= len(w):
        typ, n = struct.unpack_from("<HH", w, at)
        yield at, typ, n
        at += 4 + n
        if typ == 0x000A:
            return


def write(name, w):
    c = bytearray(b)
    for i, s in enumerate(chain):
        part = w[i * ssz : (i + 1) * ssz]
        c[(s + 1) * ssz : (s + 1) * ssz + len(part)] = part
    open(os.path.join(here, name), "wb").write(c)


recs = list(records(wb))
sst = next(at for at, typ, n in recs if typ == 0x00FC)
sheet = next(at for at, typ, n in recs if typ == 0x0085)
w = bytearray(wb)
struct.pack_into("<I", w, sst + 8, 0x7FFFFFFF)
write("bad-sst-count.xls", w)
w = bytearray(wb)
struct.pack_into("<H", w, sst + 12, 0xFFFF)
write("bad-sst-overflow.xls", w)
w = bytearray(wb)
struct.pack_into("<I", w, sheet + 4, 0)
write("bad-sheet-loop.xls", w)
w = bytearray(wb)
struct.pack_into("<H", w, recs[1][0], 0x002F)
write("bad-encrypted.xls", w)
w = bytearray(wb)
struct.pack_into("<H", w, 4, 0x0500)
write("bad-biff5.xls", w)

# A compound file of one stream "Contents": tests/data/doc's, made by its
# make-bad.py.
shutil.copyfile(os.path.join(here, "..", "doc", "other-ole.doc"), os.path.join(here, "other-ole.xls"))
