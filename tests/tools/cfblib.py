"""cfblib.py: OLE2 compound files (Word 97-2003 .doc, Excel 97-2003 .xls)
as the test generators read and write them: a file's FAT, a stream's
sectors, a stream by its name; a file of one stream written anew."""
import struct

END = 0xFFFFFFFA  # sector numbers from here: a chain's end, free, the FAT's
ENDC, FREE, FATS = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


class Compound:
    """The compound file data (a bytearray kept in .b, changed in place)."""

    def __init__(self, data):
        self.b = bytearray(data)
        self.ssz = 1 << struct.unpack_from("<H", self.b, 0x1E)[0]
        self.fatsecs = []  # the FAT's sectors, from the header's DIFAT
        for i in range(109):
            s = struct.unpack_from("<I", self.b, 0x4C + 4 * i)[0]
            if s >= END:
                break
            self.fatsecs.append(s)

    def fat_at(self, s):
        """The offset of sector s's entry in the FAT."""
        k = self.ssz // 4
        return (self.fatsecs[s // k] + 1) * self.ssz + 4 * (s % k)

    def next(self, s):
        return struct.unpack_from("<I", self.b, self.fat_at(s))[0]

    def chain(self, s):
        out = []
        while s < END and len(out) <= len(self.fatsecs) * self.ssz // 4:
            out.append(s)
            s = self.next(s)
        return out

    def sectors(self, s):
        return b"".join(self.b[(x + 1) * self.ssz:(x + 2) * self.ssz] for x in self.chain(s))

    def entry(self, name):
        """(start, size) of the stream name (a directory entry), or None."""
        d = self.sectors(struct.unpack_from("<I", self.b, 0x30)[0])
        for i in range(len(d) // 128):
            e = d[i * 128:(i + 1) * 128]
            n = struct.unpack_from("<H", e, 0x40)[0]
            if e[:max(n - 2, 0)].decode("utf-16le", "replace") == name:
                return struct.unpack_from("<II", e, 0x74)
        return None

    def stream(self, name):
        """The stream's bytes (one in the FAT's sectors, 4096 bytes or more)."""
        start, size = self.entry(name)
        return self.sectors(start)[:size]


def _entry(name, typ, child, start, size):
    e = bytearray(128)
    n = name.encode("utf-16le") + b"\0\0"
    e[:len(n)] = n
    struct.pack_into("<HBB", e, 0x40, len(n), typ, 1)
    struct.pack_into("<III", e, 0x44, FREE, FREE, child)
    struct.pack_into("<II", e, 0x74, start, size)
    return e


def one_stream(name, data):
    """A compound file of 512-byte sectors holding one stream (4096 bytes to
    126 sectors, so not in the mini stream): sector 0 the FAT, 1 the
    directory, 2... the stream."""
    assert 4096 <= len(data) <= 126 * 512
    nsec = (len(data) + 511) // 512
    hdr = bytearray(512)
    hdr[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", hdr, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", hdr, 0x2C, 1, 1, 0, 4096, ENDC, 0, ENDC, 0, 0)
    for i in range(1, 109):
        struct.pack_into("<I", hdr, 0x4C + 4 * i, FREE)
    fat = [FATS, ENDC] + [3 + i if i + 1 < nsec else ENDC for i in range(nsec)]
    fat += [FREE] * (128 - len(fat))
    d = _entry("Root Entry", 5, 1, ENDC, 0) + _entry(name, 2, FREE, 2, len(data))
    d += bytes(512 - len(d))
    return bytes(hdr) + struct.pack("<128I", *fat) + bytes(d) + data + bytes(nsec * 512 - len(data))
