#!/usr/bin/env python3
"""table-text.py word|browser FILE: a plan as tab-separated text, the way
offices pass tables around (issue 12), on stdout.

word FILE.docx: Word's "Plain Text" export (and a table copied from Word):
each paragraph outside a table a line; each table row a line of its cells
joined by tabs, a cell's paragraphs joined by a space; a cell merged over
columns (w:gridSpan) written once, one merged over rows (w:vMerge) written
in its first row and empty below.

browser FILE.html: a table copied from a web browser: each row a line of
its cells (th, td) joined by tabs, a cell merged over columns (colspan)
written once, one merged over rows (rowspan) only in its first row (the
rows under it have one cell fewer); text outside tables a line per block."""
import html.parser
import re
import sys
import zipfile
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def para_text(p):
    return "".join(t.text or "" for t in p.iter(W + "t")).strip()


def word(path):
    body = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(W + "body")
    out = []

    def walk(el):
        for child in el:
            if child.tag == W + "p":
                out.append(para_text(child))
            elif child.tag == W + "tbl":
                for tr in child.findall(W + "tr"):
                    cells = []
                    for tc in tr.findall(W + "tc"):
                        cells.append(" ".join(t for t in (para_text(p) for p in tc.iter(W + "p")) if t))
                    out.append("\t".join(cells))
            elif child.tag == W + "sdt":
                walk(child.find(W + "sdtContent") or [])
    walk(body)
    return "\n".join(out) + "\n"


class Browser(html.parser.HTMLParser):
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "br", "tr", "table", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.text, self.cells, self.cell, self.depth = [], [], None, None, 0
        self.skip = 0

    def flush(self):
        s = re.sub(r"\s+", " ", "".join(self.text)).strip()
        if s:
            self.lines.append(s)
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head"):
            self.skip += 1
        elif tag == "table":
            self.depth += 1
        elif tag == "tr" and self.depth:
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.cell = []
        elif tag in self.BLOCK and self.cell is not None:
            self.cell.append(" ")
        elif tag in self.BLOCK and self.cell is None:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head"):
            self.skip -= 1
        elif tag in ("td", "th") and self.cell is not None:
            self.cells.append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "tr" and self.cells is not None:
            self.flush()
            self.lines.append("\t".join(self.cells))
            self.cells = None
        elif tag == "table":
            self.depth -= 1
        elif tag in self.BLOCK and self.cell is None:
            self.flush()

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.cells is None:
            self.text.append(data)


def browser(path):
    b = Browser()
    b.feed(open(path, encoding="utf-8").read())
    b.flush()
    return "\n".join(b.lines) + "\n"


if __name__ == "__main__":
    mode, path = sys.argv[1:3]
    sys.stdout.write(word(path) if mode == "word" else browser(path))
