#!/usr/bin/env python3
"""docx-bare.py IN OUT: IN (a .docx LibreOffice wrote) as a table made from
a Word template comes: every table without borders (the table's borders
"nil", no cell's own borders) and with zero cell margins, the paragraphs
in its cells without spacing before or after. The text, the rows and the
merged cells are untouched."""
import re
import sys

from ziprewrite import rewrite

NIL = "".join('<w:%s w:val="nil"/>' % s for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
ZERO = "".join('<w:%s w:w="0" w:type="dxa"/>' % s for s in ("top", "left", "bottom", "right"))


def bare_cells(tbl):
    tbl = re.sub(r"<w:tcBorders>.*?</w:tcBorders>|<w:tcBorders/>", "", tbl, flags=re.S)
    tbl = re.sub(r"<w:tcMar>.*?</w:tcMar>", "", tbl, flags=re.S)
    tbl = re.sub(r"<w:tblBorders>.*?</w:tblBorders>", "", tbl, flags=re.S)
    tbl = re.sub(r"<w:tblCellMar>.*?</w:tblCellMar>", "", tbl, flags=re.S)
    tbl = re.sub(r'<w:spacing w:before="[0-9]+" w:after="[0-9]+"/>', '<w:spacing w:before="0" w:after="0"/>', tbl)
    return tbl.replace("<w:tblLayout", "<w:tblBorders>%s</w:tblBorders><w:tblLayout" % NIL, 1).replace(
        "</w:tblPr>", "<w:tblCellMar>%s</w:tblCellMar></w:tblPr>" % ZERO, 1)


def change(name, data):
    if name != "word/document.xml":
        return data
    s = data.decode("utf-8")
    return re.sub(r"<w:tbl>.*?</w:tbl>", lambda m: bare_cells(m.group(0)), s, flags=re.S).encode("utf-8")


if __name__ == "__main__":
    rewrite(sys.argv[1], sys.argv[2], change)
