#!/usr/bin/env python3
"""make-bad.py: the broken and foreign compound files of tests/data/doc,
made from xa-hoa-binh.doc (LibreOffice's rendering of a variant):
bad-truncated.doc its first half, bad-fat-loop.doc its WordDocument
stream's second sector chained back to its first, bad-encrypted.doc
its FIB marked encrypted, bad-word95.doc its FIB's nFib that of Word 95
(0x68), other-ole.doc a
compound file of one stream named "Contents" (no WordDocument)."""
import os
import struct
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tools"))
from cfblib import Compound, one_stream  # noqa: E402

src = open(os.path.join(here, "xa-hoa-binh.doc"), "rb").read()
open(os.path.join(here, "bad-truncated.doc"), "wb").write(src[: len(src) // 2])

c = Compound(src)
b, ssz = c.b, c.ssz
wd = c.entry("WordDocument")[0]
fib = (wd + 1) * ssz
for name, at, val in (("bad-encrypted.doc", 0x0A, struct.unpack_from("<H", b, fib + 0x0A)[0] | 0x0100),
                      ("bad-word95.doc", 2, 0x68)):
    d = bytearray(b)
    struct.pack_into("<H", d, fib + at, val)
    open(os.path.join(here, name), "wb").write(d)
struct.pack_into("<I", b, c.fat_at(c.next(wd)), wd)
open(os.path.join(here, "bad-fat-loop.doc"), "wb").write(b)

# A compound file of one stream "Contents" (4096 bytes, so not in the mini
# stream).
open(os.path.join(here, "other-ole.doc"), "wb").write(one_stream("Contents", b"x" * 4096))
