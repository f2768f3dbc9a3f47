#!/usr/bin/env python3
"""docx-paragraphs.py IN.docx OUT.docx: the same Word file with table cells
of several paragraphs, as offices type them: a cell listing agencies
"A; B" as one paragraph per agency, and a long cell (over 60 characters,
a name or a task) broken into two paragraphs at the space nearest its
middle. Only a cell whose paragraph is one run of text is changed; the
rest of the file is copied byte for byte. For tests/tools/render-celltext.sh
(issue 12): LibreOffice's "save as text" of such a file writes each
paragraph of a cell on its own line."""
import html
import re
import sys
import zipfile

TC = re.compile(r"<w:tc>.*?</w:tc>", re.S)
PARA = re.compile(r"(<w:p(?: [^>]*)?>)(.*?)(</w:p>)", re.S)
TEXT = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")


def pieces(text):
    if "; " in text:
        parts = text.split("; ")
        return [p + ";" for p in parts[:-1]] + [parts[-1]]
    if len(text) > 60:
        mid = len(text) // 2
        cut = min((i for i, c in enumerate(text) if c == " "), key=lambda i: abs(i - mid),
                  default=-1)
        if cut > 0:
            return [text[:cut], text[cut + 1:]]
    return [text]


def cell(m):
    tc = m.group(0)
    paras = PARA.findall(tc)
    if len(paras) != 1 or len(TEXT.findall(paras[0][1])) != 1:
        return tc
    start, body, end = paras[0]
    t = TEXT.search(body)
    parts = pieces(html.unescape(t.group(2)))
    if len(parts) == 1:
        return tc
    new = "".join(start + body[:t.start(2)] + html.escape(p, quote=False) + body[t.end(2):] + end
                  for p in parts)
    return tc.replace(start + body + end, new, 1)


def main():
    src, dst = sys.argv[1:3]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = TC.sub(cell, data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


if __name__ == "__main__":
    main()
