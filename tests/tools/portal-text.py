#!/usr/bin/env python3
"""portal-text.py STYLE HTML: the text a legal-document portal shows for a
plan written as HTML (issue 12), as a reader copies it from the page: the
portal's chrome (menu, search box) before, then the document's paragraphs,
its ruled tables and, after, "Văn bản liên quan" and the footer. A ruled
table comes out in STYLE "cells" (each cell on its own line(s) between
lines holding only "|", a row ending with two "|" lines) or "pipes" (a
"| a | b |" line per row, no separator line under the header); either way
the table ends with the elision row the portal prints for rows it folds
("... | ... |"). A merged cell is written once, in its first row and
column; the others are empty. A table without borders (issuer, signature)
is running text. Written to standard output."""
import html.parser
import sys


class Doc(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # ("p", text) or ("table", rows)
        self.text = None
        self.tables = []  # stack of [ruled, rows]
        self.cell = None
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("style", "title", "head"):
            self.skip += 1
        elif tag == "table":
            self.tables.append([("none" not in (a.get("style") or "")), []])
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("td", "th") and self.tables:
            self.cell = {"text": "", "rowspan": int(a.get("rowspan", 1)),
                         "colspan": int(a.get("colspan", 1))}
        elif tag == "p":
            self.text = ""
        elif tag == "br":
            if self.cell is not None:
                self.cell["text"] += "\n"
            elif self.text is not None:
                self.text += "\n"

    def handle_endtag(self, tag):
        if tag in ("style", "title", "head"):
            self.skip -= 1
        elif tag in ("td", "th") and self.cell is not None:
            self.tables[-1][1][-1].append(self.cell)
            self.cell = None
        elif tag == "table" and self.tables:
            self.blocks.append(("table",) + tuple(self.tables.pop()))
        elif tag == "p" and self.text is not None:
            self.blocks.append(("p", self.text))
            self.text = None

    def handle_data(self, data):
        if self.skip:
            return
        data = " ".join(data.split()) if data.strip() else (" " if data else "")
        if self.cell is not None:
            self.cell["text"] += data
        elif self.text is not None:
            self.text += data


def grid(rows):
    """Rows of cell texts, merged cells placed: written once, empty elsewhere."""
    out, pending = [], {}
    for r, row in enumerate(rows):
        line, c = [], 0
        cells = iter(row)
        while True:
            if (r, c) in pending:
                line.append("")
                c += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            for dr in range(cell["rowspan"]):
                for dc in range(cell["colspan"]):
                    if dr or dc:
                        pending[(r + dr, c + dc)] = True
            line.append(cell["text"].strip())
            line.extend([""] * (cell["colspan"] - 1))
            c += cell["colspan"]
        out.append(line)
    return out


def main():
    style, path = sys.argv[1:3]
    d = Doc()
    d.feed(open(path, encoding="utf-8").read())
    w = sys.stdout.write
    w("Trang chủ | Văn bản pháp luật | Văn bản hợp nhất | Hỏi đáp pháp luật\n\n"
      "Tìm kiếm văn bản\n\nĐăng nhập | Đăng ký\n\n")
    for b in d.blocks:
        if b[0] == "p":
            w(b[1].strip() + "\n\n")
        elif not b[1]:
            for row in b[2]:
                for cell in row:
                    w(cell["text"].strip() + "\n")
            w("\n")
        elif style == "cells":
            for row in grid(b[2]):
                for cell in row:
                    w("|\n%s\n" % cell.replace("\n", " "))
                w("|\n")
            w("|\n...\n|\n...\n|\n...\n|\n\n")
        else:
            for row in grid(b[2]):
                w("| " + " | ".join(c.replace("\n", " ") for c in row) + " |\n")
            w("| ... | ... | ... |\n\n")
    w("Văn bản liên quan\n\n"
      "| 1 | Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ | 22/12/2024 |\n"
      "| 2 | Quyết định 06/QĐ-TTg phê duyệt Đề án 06 | 06/01/2022 |\n\n"
      "Bản quyền thuộc Cổng thông tin điện tử. Ghi rõ nguồn khi phát hành lại thông tin.\n")


if __name__ == "__main__":
    main()
