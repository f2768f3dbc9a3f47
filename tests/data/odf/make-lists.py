#!/usr/bin/env python3
"""make-lists.py headings|cells SRC.odt OUT.odt: a plan rendered by
LibreOffice (SRC) with its typed numbers made list numbering, as a word
processor keeps it: the numbers are no longer in the text but in the list
styles, and the reader must write them out as the document shows them.

cells: each table's number column ("I", "I.1", "A", "1") as list items,
one list per cell continuing the table's numbering (as Word and LibreOffice
write a numbered column): a group's number a level-1 item (num-format "I"
or "A", as typed), an indicator's a level-2 item of the same list ("1",
display-levels 2 when the table types "I.1", else 1); the first list of a table restarts. A cell whose
typed number the counting would not give stays typed (checked here).

headings (the xa-dinh-ke plan): the headings "I. MỤC TIÊU" and
"II. NHIỆM VỤ, GIẢI PHÁP" items of a Roman list (the second list continuing
the first's numbering), "1. Mục tiêu chung" and "2. Mục tiêu cụ thể …"
items of its second level ("1", display-levels 1), the recipients "- …"
bullet items. The reader must write the numbers out as the document shows
them for the plan to read as the .docx does."""
import re
import sys
import zipfile

mode, src, out = sys.argv[1:4]
zin = zipfile.ZipFile(src)
xml = zin.read("content.xml").decode("utf-8")



def headings(xml):
    STYLES = (
        '<text:list-style style:name="LH">'
        '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="I"/>'
        '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="1"/>'
        '</text:list-style>'
        '<text:list-style style:name="LB">'
        '<text:list-level-style-bullet text:level="1" text:bullet-char="-"/>'
        '</text:list-style>')
    xml = xml.replace("</office:automatic-styles>", STYLES + "</office:automatic-styles>", 1)


    def strip_label(p, label):
        i = p.index(label)
        return p[:i] + p[i + len(label):]


    paras = re.findall(r'<text:p [^>]*>.*?</text:p>', xml)


    def find(text):
        for p in paras:
            if text in re.sub(r"<[^>]+>", "", p):
                return p
        raise SystemExit("no paragraph with " + text)


    # the headings I. / 1. / 2. / II.
    h1, s1, s2, h2 = (find(x) for x in ("I. MỤC TIÊU", "1. Mục tiêu chung", "2. Mục tiêu cụ thể",
                                         "II. NHIỆM VỤ"))
    between = xml[xml.index(s1) + len(s1):xml.index(s2)]  # the paragraph under 1.
    xml = xml.replace(
        h1 + s1 + between + s2,
        '<text:list text:style-name="LH"><text:list-item>' + strip_label(h1, "I. ") +
        "<text:list><text:list-item>" + strip_label(s1, "1. ") + "</text:list-item>"
        "<text:list-header>" + between + "</text:list-header>"
        "<text:list-item>" + strip_label(s2, "2. ") + "</text:list-item></text:list>"
        "</text:list-item></text:list>", 1)
    xml = xml.replace(h2, '<text:list text:style-name="LH" text:continue-numbering="true">'
                      '<text:list-item>' + strip_label(h2, "II. ") + "</text:list-item></text:list>", 1)
    # the recipients "- …"
    for r in ("- UBND tỉnh;", "- Lưu: VT."):
        p = find(r)
        xml = xml.replace(p, '<text:list text:style-name="LB"><text:list-item>' +
                          strip_label(p, "- ") + "</text:list-item></text:list>", 1)
    return xml


ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def cells(xml):
    """The number column's cells as list items (see the module's text)."""
    first_cell = re.compile(r'(<table:table-row[^>]*>\s*<table:table-cell[^>]*>)(.*?)(</table:table-cell>)', re.S)
    styles = ('<text:list-style style:name="LN1">'
              '<text:list-level-style-number text:level="1" style:num-format="I"/>'
              '<text:list-level-style-number text:level="2" style:num-format="1" text:display-levels="2"/>'
              '</text:list-style>'
              '<text:list-style style:name="LN2">'
              '<text:list-level-style-number text:level="1" style:num-format="A"/>'
              '<text:list-level-style-number text:level="2" style:num-format="1"/>'
              '</text:list-style>'
              '<text:list-style style:name="LN3">'
              '<text:list-level-style-number text:level="1" style:num-format="I"/>'
              '<text:list-level-style-number text:level="2" style:num-format="1"/>'
              '</text:list-style>')
    xml = xml.replace("</office:automatic-styles>", styles + "</office:automatic-styles>", 1)
    out, pos, changed = [], 0, 0
    for t in re.finditer(r"<table:table [^>]*>.*?</table:table>", xml, re.S):
        table = t.group(0)
        count = [0, 0]
        started = False
        group = None
        firsts = [re.sub(r"<[^>]+>", "", m.group(2)).strip() for m in first_cell.finditer(table)]
        roman = "LN1" if any(re.fullmatch(r"[IVX]+\.[0-9]+", x) for x in firsts) else "LN3"

        def swap(m):
            nonlocal started, changed, group
            inner = m.group(2)
            text = re.sub(r"<[^>]+>", "", inner).strip()
            p = re.match(r"(<text:p[^>]*>)", inner)
            if not p:
                return m.group(0)
            if re.fullmatch(r"[IVX]+", text) and text in ROMAN and ROMAN.index(text) == count[0] + 1:
                style, level = roman, 1
            elif re.fullmatch(r"[A-Z]", text) and ord(text) - 64 == count[0] + 1:
                style, level = "LN2", 1
            elif re.fullmatch(r"[IVX]+\.([0-9]+)", text) and count[0] and \
                    text == "%s.%d" % (ROMAN[count[0]], count[1] + 1):
                style, level = "LN1", 2
            elif re.fullmatch(r"[0-9]+", text) and count[0] and int(text) == count[1] + 1:
                style, level = group, 2
            else:
                return m.group(0)
            if level == 1:
                group = style
                count[0] += 1
                count[1] = 0
            else:
                count[1] += 1
            cont = ' text:continue-numbering="true"' if started else ""
            started = True
            changed += 1
            item = p.group(1) + "</text:p>"
            if level == 2:
                item = "<text:list><text:list-item>" + item + "</text:list-item></text:list>"
            return (m.group(1) + '<text:list text:style-name="%s"%s><text:list-item>' % (style, cont) +
                    item + "</text:list-item></text:list>" + m.group(3))

        out.append(xml[pos:t.start()])
        out.append(first_cell.sub(swap, table))
        pos = t.end()
    out.append(xml[pos:])
    if not changed:
        raise SystemExit("no numbered cell")
    print("%s: %d numbered cells" % (out_name, changed))
    return "".join(out)


out_name = out
xml = headings(xml) if mode == "headings" else cells(xml)

with zipfile.ZipFile(out, "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), zin.read("mimetype"))  # first, stored
    for i in zin.infolist():
        if i.filename not in ("mimetype", "Thumbnails/thumbnail.png"):
            z.writestr(i.filename, xml if i.filename == "content.xml" else zin.read(i),
                       zipfile.ZIP_DEFLATED)
