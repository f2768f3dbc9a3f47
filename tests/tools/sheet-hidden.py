#!/usr/bin/env python3
"""sheet-hidden.py IN.xlsx OUT.xlsx MODE: IN (a LibreOffice-written .xlsx)
with what a spreadsheet an office kept often hides, for
tests/cli/parse_office_marks.sh. Every copy has other figures (each number
+7), so reading it gives wrong figures. MODE:

  sheet   a hidden sheet (state="hidden"), placed first: a copy of the
          table, an older version kept in the workbook
  rows    below the table, hidden rows: a copy of each row holding a number
  column  a hidden column at Z, a copy of the column headed "... 2030"

Fails when MODE changes nothing."""
import re
import sys
import zipfile

NUMBER_CELL = re.compile(r'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?(?: t="n")?>)<v>([0-9.]+)</v>')


def other_figures(xml):
    return NUMBER_CELL.sub(lambda m: m.group(1) + '<v>%g</v>' % (float(m.group(2)) + 7), xml)


def text_of(si):
    return re.sub('<[^>]+>', '', si)


def main():
    src, out, mode = sys.argv[1:4]
    zin = zipfile.ZipFile(src)
    files = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    s1 = files['xl/worksheets/sheet1.xml'].decode()
    if mode == 'sheet':
        files['xl/worksheets/sheet2.xml'] = other_figures(s1).replace(
            'tabSelected="true"', 'tabSelected="false"').encode()
        wb = files['xl/workbook.xml'].decode()
        # The sheet shown (activeTab) and the first in the tab bar is the
        # table's, now the second.
        files['xl/workbook.xml'] = re.sub(r'(activeTab|firstSheet)="0"', r'\1="1"', wb.replace(
            '<sheets>', '<sheets><sheet name="Bản cũ" sheetId="9" state="hidden" r:id="rId9"/>')).encode()
        rels = files['xl/_rels/workbook.xml.rels'].decode()
        files['xl/_rels/workbook.xml.rels'] = rels.replace('</Relationships>', (
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>')).encode()
        ct = files['[Content_Types].xml'].decode()
        files['[Content_Types].xml'] = ct.replace('</Types>', (
            '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')).encode()
        changed = wb != files['xl/workbook.xml'].decode()
    elif mode == 'rows':
        rows = re.findall(r'<row [^>]*>.*?</row>', s1, re.S)
        last = max(int(r) for r in re.findall(r'<row [^>]*?\br="([0-9]+)"', s1))
        copies = []
        for row in rows:
            if not NUMBER_CELL.search(row):
                continue
            last += 1
            h = re.sub(r' hidden="[a-z0-9]+"', '', other_figures(row)).replace('<row ', '<row hidden="true" ', 1)
            h = re.sub(r'(<row [^>]*?\br=")[0-9]+"', r'\g<1>%d"' % last, h)
            h = re.sub(r'(<c r="[A-Z]+)[0-9]+"', r'\g<1>%d"' % last, h)
            copies.append(h)
        s2 = s1.replace('</sheetData>', ''.join(copies) + '</sheetData>')
        changed = s2 != s1
        files['xl/worksheets/sheet1.xml'] = s2.encode()
    elif mode == 'column':
        sst = re.findall(r'<si>(.*?)</si>', files['xl/sharedStrings.xml'].decode(), re.S)
        heads = {i for i, t in enumerate(sst) if '2030' in text_of(t) and len(text_of(t)) < 30}
        col = next((m.group(1) for m in re.finditer(
            r'<c r="([A-Z]+)[0-9]+"[^>]*t="s"[^>]*><v>([0-9]+)</v></c>', s1) if int(m.group(2)) in heads), None)
        if not col:
            sys.exit('sheet-hidden.py: no column headed 2030 in ' + src)

        def add(m):
            row = m.group(0)
            c = re.search(r'<c r="%s([0-9]+)"([^>]*)>(.*?)</c>' % col, row)
            if not c:
                return row
            return row.replace('</row>', '<c r="Z%s"%s>%s</c></row>' % (
                c.group(1), c.group(2), other_figures('<c r="A1">' + c.group(3))[len('<c r="A1">'):]))
        s2 = re.sub(r'<row [^>]*>.*?</row>', add, s1)
        s2 = s2.replace('</cols>', '<col min="26" max="26" hidden="true" width="9"/></cols>')
        changed = s2 != s1
        files['xl/worksheets/sheet1.xml'] = s2.encode()
    else:
        sys.exit('sheet-hidden.py: no mode ' + mode)
    if not changed:
        sys.exit('sheet-hidden.py: %s changes nothing in %s' % (mode, src))
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for k, v in files.items():
            z.writestr(k, v)


main()
