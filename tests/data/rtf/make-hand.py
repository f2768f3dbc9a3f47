#!/usr/bin/env python3
"""make-hand.py: the hand-made RTF files of tests/data/rtf, written as
Word writes RTF (not LibreOffice): a plan (word-style.rtf) whose table has
cells merged across (\\clmgf/\\clmrg) and down (\\clvmgf/\\clvmrg), its
Vietnamese in \\ansicpg1258 bytes (\\'hh, a tone mark a byte of its own) and
in \\uN with \\uc1 and \\uc0, "≥" typed from the Symbol font (\\'b3 in a run
of \\f1 Symbol), hidden (\\v) and deleted (\\deleted) text before targets,
the STT numbers as \\listtext, a field's result (\\fldrslt), a nested table
in a cell (\\itap2, \\nestcell, \\nestrow); the same without a table
(word-notable.rtf); one in a code page chitieu does not decode
(cp932.rtf); and the broken ones: bad-truncated.rtf (xa-hoa-binh.rtf's
first half), bad-unbalanced.rtf (a closing brace too many), bad-deep.rtf
(groups nested 100000 deep)."""
import os
import unicodedata

here = os.path.dirname(os.path.abspath(__file__))
TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(s):
    """s as Windows-1258 bytes written \\'hh (a tone mark after its letter)."""
    out = []
    for ch in s:
        if ord(ch) < 0x80:
            out.append(esc(ch))
            continue
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        tone = "".join(c for c in d if c in TONES)
        for c in base + tone:
            out.append("\\'%02x" % c.encode("cp1258")[0])
    return "".join(out)


def uni(s, uc=1):
    """s as \\uN (negative above 32767, a surrogate pair above U+FFFF), each
    followed by uc '?' fallbacks."""
    out = []
    for ch in s:
        o = ord(ch)
        if o < 0x80:
            out.append(esc(ch))
            continue
        units = [o] if o < 0x10000 else [0xD800 + ((o - 0x10000) >> 10), 0xDC00 + (o & 0x3FF)]
        for u in units:
            out.append("\\u%d%s" % (u - 0x10000 if u > 0x7FFF else u, "?" * uc))
    return "".join(out)


def esc(c):
    return "\\" + c if c in "\\{}" else c


HEAD = (r"{\rtf1\ansi\ansicpg1258\deff0\uc1"
        r"{\fonttbl{\f0\froman\fcharset163 Times New Roman;}{\f1\fnil\fcharset2 Symbol;}}"
        r"{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}"
        "{\\info{\\title " + cp1258("Không phải tiêu đề") + "}{\\author Ai}}"
        r"{\*\generator Microsoft Word 16.0;}\viewkind4"
        "{\\header \\pard\\plain " + cp1258("Đầu trang không đọc") + "\\par}\n")


def para(text):
    return "\\pard\\plain " + text + "\\par\n"


def row(cells, edges, marks=None):
    """A row of cells (RTF text) with right edges; marks: per cell the
    merge words before its \\cellx."""
    marks = marks or [""] * len(cells)
    d = "\\trowd\\trgaph108\\trleft-108" + "".join(
        m + "\\clbrdrt\\brdrs\\cellx%d" % e for m, e in zip(marks, edges))
    body = "".join("\\pard\\intbl " + c + "\\cell " for c in cells)
    return d + "\n" + body + "\\row\n"


def listtext(n, typed=False):
    return "%d. " % n if typed else "{\\listtext\\pard\\plain %d.\\tab}" % n


def plan(table=True, typed=False):
    s = HEAD
    s += para(cp1258("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH"))
    s += para(uni("Số: 87/KH-UBND"))
    s += para("{\\uc0 " + uni("Hòa Bình, ngày 08 tháng 10 năm 2025", uc=0) + "}")
    s += para("{\\uc0 " + uni("KẾ HOẠCH", uc=0) + "}")
    s += para(cp1258("Phát triển kinh tế số trên địa bàn xã năm 2025 và giai đoạn 2026-2030"))
    s += para("{\\footnote \\pard " + cp1258("Chú thích không đọc") + "}" +
              cp1258("Các chỉ tiêu cụ thể tại Phụ lục kèm theo."))
    if not table:
        for i, (name, a, b) in enumerate([("Tỷ lệ hộ gia đình có cáp quang", "{\\f1 \\'b3}95%", "100%"),
                                          ("Số điểm phát wifi công cộng", "10", "20")], 1):
            s += para(listtext(i, typed) + cp1258(name + ": năm 2025 đạt ") + a +
                      cp1258(", năm 2030 đạt ") + b)
        return s + "}"
    e = [700, 4500, 5600, 6800, 8000, 10000]
    s += row([cp1258("STT"), cp1258("Chỉ tiêu"), cp1258("Đơn vị tính"), cp1258("Năm 2025"),
              cp1258("Năm 2030"), cp1258("Cơ quan chủ trì")], e)
    # a group row: its name over the five columns on the right
    s += row(["I", cp1258("Hạ tầng số"), "", "", "", ""], e,
             ["", "\\clmgf", "\\clmrg", "\\clmrg", "\\clmrg", "\\clmrg"])
    vm = ["", "", "", "", "", "\\clvmgf"]
    sym = "{\\f1 \\'b3}"
    s += row([listtext(1), cp1258("Tỷ lệ hộ gia đình có cáp quang"), "%",
              sym + "95", "{\\v 55 }100", cp1258("Phòng Kinh tế")], e, vm)
    s += row([listtext(2), uni("Số điểm phát wifi công cộng"), uni("Điểm"),
              "{\\deleted 77}10", "{\\field{\\*\\fldinst { MERGEFIELD x }}{\\fldrslt 20}}", ""], e,
             ["", "", "", "", "", "\\clvmrg"])
    # a row whose name cell holds a nested table (Word: \itap2)
    nested = ("\\pard\\intbl\\itap2 " + cp1258("Ghi chú") + "\\nestcell " + "x\\nestcell "
              "{\\*\\nesttableprops\\trowd\\cellx2000\\cellx3500\\nestrow}{\\nonesttables \\par}\n")
    s += ("\\trowd\\trgaph108" + "".join("\\cellx%d" % x for x in e) + "\n"
          "\\pard\\intbl 3\\cell \\pard\\intbl " + uni("Số doanh nghiệp số 𝟏", uc=1) + "\\par " + nested +
          "\\pard\\intbl\\itap1 \\cell \\pard\\intbl " + uni("Doanh nghiệp") +
          "\\cell \\pard\\intbl 5\\cell \\pard\\intbl 12\\cell \\pard\\intbl " +
          cp1258("Phòng Văn hóa - Xã hội") + "\\cell \\row\n")
    s += para(cp1258("Nơi nhận: như trên"))
    return s + "}"


def main():
    w = lambda n, s: open(os.path.join(here, n), "wb").write(s.encode("ascii"))
    w("word-style.rtf", plan())
    w("word-notable.rtf", plan(table=False))
    # what word-notable.docx is LibreOffice's DOCX of (LibreOffice drops a
    # \listtext not of a \ls list): the numbers typed
    w("word-notable.typed.rtf", plan(table=False, typed=True))
    w("cp932.rtf", plan().replace("\\ansicpg1258", "\\ansicpg932").replace("\\fcharset163", "\\fcharset128"))
    src = open(os.path.join(here, "xa-hoa-binh.rtf"), "rb").read()
    open(os.path.join(here, "bad-truncated.rtf"), "wb").write(src[: len(src) // 2])
    open(os.path.join(here, "bad-unbalanced.rtf"), "wb").write(
        src.replace(b"\\par ", b"\\par }", 1))
    open(os.path.join(here, "bad-deep.rtf"), "wb").write(
        b"{\\rtf1\\ansi " + b"{" * 100000 + b"x" + b"}" * 100000 + b"}")


main()
