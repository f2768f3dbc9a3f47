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

here = os.path.dirname(os.path.abspath(__file__))
src = open(os.path.join(here, "xa-hoa-binh.doc"), "rb").read()
open(os.path.join(here, "bad-truncated.doc"), "wb").write(src[: len(src) // 2])

b = bytearray(src)
ssz = 1 << struct.unpack_from("<H", b, 0x1E)[0]
fat = (struct.unpack_from("<I", b, 0x4C)[0] + 1) * ssz  # first FAT sector


def next_sector(s):
    return struct.unpack_from("<I", b, fat + 4 * s)[0]


def start_of(name):
    s = struct.unpack_from("<I", b, 0x30)[0]
    while s < 0xFFFFFFFA:
        for i in range(ssz // 128):
            e = (s + 1) * ssz + i * 128
            n = struct.unpack_from("<H", b, e + 0x40)[0]
            if b[e : e + max(n - 2, 0)].decode("utf-16le") == name:
                return struct.unpack_from("<I", b, e + 0x74)[0]
        s = next_sector(s)


wd = start_of("WordDocument")
fib = (wd + 1) * ssz
for name, at, val in (("bad-encrypted.doc", 0x0A, struct.unpack_from("<H", b, fib + 0x0A)[0] | 0x0100),
                      ("bad-word95.doc", 2, 0x68)):
    c = bytearray(b)
    struct.pack_into("<H", c, fib + at, val)
    open(os.path.join(here, name), "wb").write(c)
struct.pack_into("<I", b, fat + 4 * next_sector(wd), wd)
open(os.path.join(here, "bad-fat-loop.doc"), "wb").write(b)

# A compound file of 512-byte sectors: 0 the FAT, 1 the directory, 2-9 the
# stream "Contents" (4096 bytes, so not in the mini stream).
ENDC, FREE, FATS = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
hdr = bytearray(512)
hdr[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
struct.pack_into("<HHHHH", hdr, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
struct.pack_into("<IIIIIIIII", hdr, 0x2C, 1, 1, 0, 4096, ENDC, 0, ENDC, 0, 0)
struct.pack_into("<I", hdr, 0x4C, 0)
for i in range(1, 109):
    struct.pack_into("<I", hdr, 0x4C + 4 * i, FREE)
fatsec = [FATS, ENDC] + [3, 4, 5, 6, 7, 8, 9, ENDC] + [FREE] * 118


def entry(name, typ, child, start, size):
    e = bytearray(128)
    w = name.encode("utf-16le") + b"\0\0"
    e[: len(w)] = w
    struct.pack_into("<HBB", e, 0x40, len(w), typ, 1)
    struct.pack_into("<III", e, 0x44, 0xFFFFFFFF, 0xFFFFFFFF, child)
    struct.pack_into("<II", e, 0x74, start, size)
    return e


d = entry("Root Entry", 5, 1, ENDC, 0) + entry("Contents", 2, 0xFFFFFFFF, 2, 4096)
d += bytes(512 - len(d))
open(os.path.join(here, "other-ole.doc"), "wb").write(
    hdr + struct.pack("<128I", *fatsec) + d + b"x" * 4096
)
