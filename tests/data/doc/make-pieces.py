#!/usr/bin/env python3
"""make-pieces.py: pieces.doc, xa-hoa-binh.doc as Word's fast saves leave a
document (made by construction: no Word here): its main text in many small
pieces, those of Windows-1252 characters only stored "compressed" (one
byte a character, appended to the WordDocument stream) and the others,
and every paragraph and cell mark, left where they were in UTF-16LE; a
new CLX appended to the table stream. The compound file is written anew
(streams under 4096 bytes in the mini stream; the directory a chain)."""
import os
import struct

ENDC, FREE, FATS, NOS = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
here = os.path.dirname(os.path.abspath(__file__))


def read_cfb(b):
    ssz = 1 << struct.unpack_from("<H", b, 0x1E)[0]
    nfat = struct.unpack_from("<I", b, 0x2C)[0]
    fat = []
    for k in range(nfat):  # the header's DIFAT is enough for these files
        s = struct.unpack_from("<I", b, 0x4C + 4 * k)[0]
        fat += struct.unpack_from("<%dI" % (ssz // 4), b, (s + 1) * ssz)

    def chain(s, f, get):
        out = b""
        while s < 0xFFFFFFFA:
            out += get(s)
            s = f[s]
        return out

    reg = lambda s: b[(s + 1) * ssz : (s + 2) * ssz]
    d = chain(struct.unpack_from("<I", b, 0x30)[0], fat, reg)
    ents = []
    for i in range(len(d) // 128):
        e = d[i * 128 : i * 128 + 128]
        n = struct.unpack_from("<H", e, 0x40)[0]
        ents.append((e[: max(n - 2, 0)].decode("utf-16le"), e[0x42], *struct.unpack_from("<II", e, 0x74)))
    mini = chain(ents[0][2], fat, reg)
    mfat = chain(struct.unpack_from("<I", b, 0x3C)[0], fat, reg)
    mfat = list(struct.unpack_from("<%dI" % (len(mfat) // 4), mfat))
    streams = {}
    for name, typ, start, size in ents[1:]:
        if typ == 2:
            get = (lambda s: mini[s * 64 : s * 64 + 64]) if size < 4096 else reg
            streams[name] = chain(start, mfat if size < 4096 else fat, get)[:size]
    return streams


def write_cfb(streams):
    ssz, sectors, fat = 512, [], []

    def put(data, unit, secs, table):
        first = len(secs)
        n = max(1, (len(data) + unit - 1) // unit)
        for i in range(n):
            secs.append(data[i * unit : (i + 1) * unit].ljust(unit, b"\0"))
            table.append(first + i + 1 if i + 1 < n else ENDC)
        return first

    mini, mfat, ents = [], [], []
    for name, data in streams.items():
        if len(data) < 4096:
            ents.append((name, put(data, 64, mini, mfat), len(data)))
    for name, data in streams.items():
        if len(data) >= 4096:
            ents.append((name, put(data, ssz, sectors, fat), len(data)))
    ministream = b"".join(mini)
    root_start = put(ministream, ssz, sectors, fat)
    mfat_start = put(struct.pack("<%dI" % len(mfat), *mfat).ljust(ssz, b"\xff"), ssz, sectors, fat)

    def entry(name, typ, right, child, start, size):
        e = bytearray(128)
        w = name.encode("utf-16le") + b"\0\0"
        e[: len(w)] = w
        struct.pack_into("<HBB", e, 0x40, len(w), typ, 1)
        struct.pack_into("<III", e, 0x44, NOS, right, child)
        struct.pack_into("<II", e, 0x74, start, size)
        return bytes(e)

    d = entry("Root Entry", 5, NOS, 1, root_start, len(ministream))
    for i, (name, start, size) in enumerate(ents):
        d += entry(name, 2, i + 2 if i + 1 < len(ents) else NOS, NOS, start, size)
    dir_start = put(d, ssz, sectors, fat)
    nfat = 1
    while len(fat) + nfat > nfat * (ssz // 4):
        nfat += 1
    fat_first = len(sectors)
    fat += [FATS] * nfat
    fat += [FREE] * (nfat * (ssz // 4) - len(fat))
    for k in range(nfat):
        sectors.append(struct.pack("<128I", *fat[k * 128 : (k + 1) * 128]))
    hdr = bytearray(512)
    hdr[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", hdr, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", hdr, 0x2C, nfat, dir_start, 0, 4096, mfat_start, 1, ENDC, 0, 0)
    for i in range(109):
        struct.pack_into("<I", hdr, 0x4C + 4 * i, fat_first + i if i < nfat else FREE)
    return bytes(hdr) + b"".join(sectors)


def fib_pair(wd, index):
    csw = struct.unpack_from("<H", wd, 32)[0]
    at = 34 + 2 * csw
    cslw = struct.unpack_from("<H", wd, at)[0]
    at += 2 + 4 * cslw + 2 + 8 * index
    return at


def main():
    st = read_cfb(open(os.path.join(here, "xa-hoa-binh.doc"), "rb").read())
    wd = bytearray(st["WordDocument"])
    tname = "1Table" if struct.unpack_from("<H", wd, 0x0A)[0] & 0x0200 else "0Table"
    tbl = bytearray(st[tname])
    at = fib_pair(wd, 33)
    fc, lcb = struct.unpack_from("<II", wd, at)
    clx = tbl[fc : fc + lcb]
    i = 0
    while clx[i] == 1:
        i += 3 + struct.unpack_from("<H", clx, i + 1)[0]
    n = (struct.unpack_from("<I", clx, i + 1)[0] - 4) // 12
    plc = clx[i + 5 :]
    cps = struct.unpack_from("<%dI" % (n + 1), plc)
    pieces = []  # (cp, fc bytes offset, compressed)
    for k in range(n):
        f = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        assert not f & 0x40000000, "LibreOffice wrote a compressed piece"
        for cp in range(cps[k], cps[k + 1]):
            ch = struct.unpack_from("<H", wd, f + 2 * (cp - cps[k]))[0]
            pieces.append((cp, f + 2 * (cp - cps[k]), ch))
    # runs of up to 5 characters: cp1252 ones compressed, the rest as they were
    out, run = [], []

    def flush():
        if not run:
            return
        text = "".join(chr(c) for _, _, c in run)
        try:
            raw = text.encode("cp1252")
        except UnicodeEncodeError:
            raw = None
        if raw is not None and all(c >= 0x20 for _, _, c in run):
            out.append((run[0][0], len(wd) * 2 | 0x40000000))
            wd.extend(raw)
        else:
            for cp, f, _ in run:
                out.append((cp, f))
        run.clear()

    for p in pieces:
        if p[2] in (0x0D, 0x07) or len(run) == 5:
            flush()
        if p[2] in (0x0D, 0x07):
            out.append((p[0], p[1]))
        else:
            run.append(p)
    flush()
    end = cps[n]
    plcpcd = struct.pack("<%dI" % (len(out) + 1), *[cp for cp, _ in out], end)
    for _, f in out:
        plcpcd += struct.pack("<HIH", 0, f, 0)
    newclx = b"\x02" + struct.pack("<I", len(plcpcd)) + plcpcd
    struct.pack_into("<II", wd, at, len(tbl), len(newclx))
    tbl.extend(newclx)
    st["WordDocument"], st[tname] = bytes(wd), bytes(tbl)
    open(os.path.join(here, "pieces.doc"), "wb").write(write_cfb(st))
    print("pieces.doc: %d pieces (from %d)" % (len(out), n))


main()
