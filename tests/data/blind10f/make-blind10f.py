#!/usr/bin/env python3
"""make-blind10f.py: the hand-made renderings of tests/data/blind10f (see
its README), from the blind goldens' own renderings:

* NAME.hmerge.docx: a LibreOffice-saved .docx whose horizontal merges are
  rewritten as older Word writes them: each w:gridSpan N cell becomes N
  cells, the first <w:hMerge w:val="restart"/>, the others "continue"
  (empty, a w:vMerge copied into them);
* NAME.short.docx: rows that start or end short, as Word and WPS write
  them: the second header row's first cell (a w:vMerge continuation)
  dropped for w:gridBefore + w:wBefore, its last for w:gridAfter +
  w:wAfter; every row whose last cell is empty ends short the same way;
* NAME.headshort.docx: the header's first row holding only the cell
  spanning the years (w:gridBefore before it, w:gridAfter after it), the
  other headings written once in the second row;
* NAME.word.mht: Word's "Single File Web Page" written by hand (Word is
  not here): the page's HTML as Word writes it (MsoNormal paragraphs,
  <o:p></o:p>, mso- styles, conditional comments, unquoted attributes,
  lines wrapped at 80), in windows-1258, quoted-printable, CRLF, with a
  filelist.xml part and Word's preamble (a raw 0xAE byte in it).

Usage: python3 tests/data/blind10f/make-blind10f.py tests/data
Needs iconv (libc-bin)."""
import re
import subprocess
import sys
import zipfile
import quopri
from pathlib import Path


def rezip(src, dst, edit):
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as o:
        for i in z.infolist():
            data = z.read(i.filename)
            if i.filename == 'word/document.xml':
                data = edit(data.decode()).encode()
            o.writestr(i, data)


def tables(xml, edit_table):
    """edit_table(text) on each top-level table (none is nested here)."""
    return re.sub(r'<w:tbl>.*?</w:tbl>', lambda m: edit_table(m.group(0)), xml, flags=re.S)


def cells(row):
    return re.findall(r'<w:tc>.*?</w:tc>', row, re.S)


def width(tc):
    m = re.search(r'<w:tcW w:w="(\d+)"', tc)
    return int(m.group(1)) if m else 0


def hmerge_cell(tc):
    m = re.search(r'<w:gridSpan w:val="(\d+)"/>', tc)
    if not m:
        return tc
    n, w = int(m.group(1)), width(tc) // int(m.group(1))
    vm = re.search(r'<w:vMerge[^>]*/>', tc)
    vm = '<w:vMerge/>' if vm else ''
    first = tc.replace(m.group(0), '<w:hMerge w:val="restart"/>')
    first = re.sub(r'<w:tcW w:w="\d+"', '<w:tcW w:w="%d"' % w, first, count=1)
    rest = ('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:hMerge w:val="continue"/>%s'
            '</w:tcPr><w:p/></w:tc>' % (w, vm))
    return first + rest * (n - 1)


def hmerge(xml):
    return re.sub(r'<w:tc>.*?</w:tc>', lambda m: hmerge_cell(m.group(0)), xml, flags=re.S)


def text(tc):
    return ''.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)', tc)).strip()


def short_row(row, before, after):
    """row without its first `before` and last `after` cells, said in its trPr."""
    cs = cells(row)
    gone_b, gone_a = cs[:before], cs[len(cs) - after:] if after else []
    props = ''
    if before:
        props += '<w:gridBefore w:val="%d"/>' % before
    if after:
        props += '<w:gridAfter w:val="%d"/>' % after
    if before:
        props += '<w:wBefore w:w="%d" w:type="dxa"/>' % sum(map(width, gone_b))
    if after:
        props += '<w:wAfter w:w="%d" w:type="dxa"/>' % sum(map(width, gone_a))
    for c in gone_b + gone_a:
        row = row.replace(c, '', 1)
    if '<w:trPr>' in row:
        return row.replace('<w:trPr>', '<w:trPr>' + props, 1)
    return re.sub(r'^<w:tr([ >])', lambda m: '<w:tr' + m.group(1), row).replace(
        '>', '><w:trPr>' + props + '</w:trPr>', 1)


def short_table(tbl):
    rows = re.findall(r'<w:tr[ >].*?</w:tr>', tbl, re.S)
    if len(rows) < 4:
        return tbl
    for i, r in enumerate(rows):
        cs = cells(r)
        if i == 1:
            new = short_row(r, 1, 1)
        elif len(cs) > 2 and not text(cs[-1]) and 'gridSpan' not in cs[-1]:
            new = short_row(r, 0, 1)
        else:
            continue
        tbl = tbl.replace(r, new, 1)
    return tbl


def head_short_table(tbl):
    """The header's first row holding only what spans the years (the
    others written once, in the second row, without w:vMerge): the first
    row starts and ends short."""
    rows = re.findall(r'<w:tr[ >].*?</w:tr>', tbl, re.S)
    if len(rows) < 4 or 'vMerge w:val="restart"' not in rows[0]:
        return tbl
    top, low = cells(rows[0]), cells(rows[1])
    lead = next(i for i, c in enumerate(top) if 'gridSpan' in c)
    tail = len(top) - lead - 1
    moved = [re.sub(r'<w:vMerge[^>]*/>', '', c) for c in top]
    new_low = moved[:lead] + low[lead:len(low) - tail] + moved[lead + 1:]
    row1 = rows[1]
    for c in low:
        row1 = row1.replace(c, '', 1)
    row1 = row1.replace('</w:tr>', ''.join(new_low) + '</w:tr>')
    row0 = short_row(rows[0], lead, tail)
    return tbl.replace(rows[0], row0, 1).replace(rows[1], row1, 1)


WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1258">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="KH36_files/filelist.xml">
<title>KẾ HOẠCH</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Văn thư</o:Author>
  <o:Pages>3</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	mso-style-qformat:yes;
	margin:0cm;
	font-size:13.0pt;
	font-family:"Times New Roman",serif;
	mso-fareast-font-family:"Times New Roman";}
table.MsoTableGrid
	{mso-style-name:"Table Grid";
	mso-tstyle-rowband-size:0;
	border:solid windowtext 1.0pt;}
@page WordSection1
	{size:841.9pt 595.3pt;
	mso-page-orientation:landscape;
	margin:3.0cm 2.0cm 2.0cm 2.0cm;}
div.WordSection1
	{page:WordSection1;}
-->
</style>
</head>

<body lang=EN-US style='tab-interval:36.0pt;word-wrap:break-word'>

<div class=WordSection1>
"""


def word_cell(m):
    head, attrs, body = m.group(1) == 'th', m.group(2), m.group(3)
    colspan = re.search(r'colspan="(\d+)"', attrs)
    span = ' colspan=%s' % colspan.group(1) if colspan else ''
    paras = re.split(r'<br\s*/?>', body)
    ps = ''.join("<p class=MsoNormal%s><span lang=VI style='font-size:11.0pt;mso-ansi-language:"
                 "VI'>%s<o:p></o:p></span></p>" % (" align=center style='text-align:center'"
                                                   if head else '', '<b>%s</b>' % p if head else p)
                 for p in paras)
    return ("<td%s valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm "
            "5.4pt'>%s</td>" % (span, ps))


def word_para(m):
    centre = 'center' in (m.group(1) or '')
    a = " align=center style='text-align:center'" if centre else " style='text-align:justify'"
    return "<p class=MsoNormal%s><span lang=VI>%s<o:p></o:p></span></p>" % (a, m.group(2))


def wrap(html):
    out = []
    for line in html.split('\n'):
        while len(line) > 80 and ' ' in line[1:80]:
            k = line.rindex(' ', 1, 80)
            out.append(line[:k])
            line = line[k + 1:]
        out.append(line)
    return '\r\n'.join(out)


def word_html(page):
    body = page[page.index('<body>') + 6:page.index('</body>')]
    body = re.sub(r'</?t(?:head|body)>', '', body)
    body = re.sub(r'<t([dh])([^>]*)>(.*?)</t[dh]>', word_cell, body, flags=re.S)
    body = re.sub(r'<p( style="[^"]*")?>(.*?)</p>', word_para, body, flags=re.S)
    body = re.sub(r'<table class="t">', "<table class=MsoTableGrid border=1 cellspacing=0 "
                  "cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:"
                  "1184'>", body)
    body = re.sub(r'<table style="width:100%">', "<table class=MsoNormalTable border=0 "
                  "cellspacing=0 cellpadding=0 width=\"100%\">", body)
    body = re.sub(r'<tr>', "<tr style='mso-yfti-irow:0'>", body)
    return wrap(WORD_HEAD + body + "\n</div>\n\n</body>\n\n</html>\n")


def mht(html):
    b = subprocess.run(['iconv', '-f', 'UTF-8', '-t', 'WINDOWS-1258'], input=html.encode(),
                       capture_output=True, check=True).stdout
    qp = quopri.encodestring(b).replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')
    param = b'----=_NextPart_01DA6F2B.7C3E1A40'
    bnd = b'--' + param
    files = quopri.encodestring(b'<xml xmlns:o="urn:schemas-microsoft-com:office:office">\n'
                                b' <o:MainFile HRef="../KH36.htm"/>\n <o:File HRef="filelist.xml"/>\n'
                                b'</xml>').replace(b'\n', b'\r\n')
    return (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="' + param +
            b'"\r\n\r\nThis document is a Single File Web Page, also known as a Web Archive file.'
            b'  If you are seeing this message, your browser or editor doesn\'t support Web '
            b'Archive files.  Please download a browser that supports Web Archive, such as '
            b'Windows\xae Internet Explorer\xae.\r\n\r\n' + bnd +
            b'\r\nContent-Location: file:///C:/2A5E1B3C/KH36.htm\r\n'
            b'Content-Transfer-Encoding: quoted-printable\r\n'
            b'Content-Type: text/html; charset="windows-1258"\r\n\r\n' + qp + b'\r\n\r\n' + bnd +
            b'\r\nContent-Location: file:///C:/2A5E1B3C/KH36_files/filelist.xml\r\n'
            b'Content-Transfer-Encoding: quoted-printable\r\n'
            b'Content-Type: text/xml; charset="utf-8"\r\n\r\n' + files + b'\r\n' + bnd + b'--\r\n')


def main():
    data = Path(sys.argv[1])
    out = data / 'blind10f'
    rezip(data / 'blind2/tinh-phu-an.docx', out / 'tinh-phu-an.hmerge.docx',
          lambda x: tables(x, hmerge))
    rezip(data / 'blind5/benh-vien-nam-son.docx', out / 'benh-vien-nam-son.short.docx',
          lambda x: tables(x, short_table))
    rezip(data / 'blind5/benh-vien-nam-son.docx', out / 'benh-vien-nam-son.headshort.docx',
          lambda x: tables(x, head_short_table))
    page = (data / 'blind5/huyen-duc-lap.html').read_text()
    (out / 'huyen-duc-lap.word.mht').write_bytes(mht(word_html(page)))
    for name, src in (('tinh-phu-an', 'blind2'), ('benh-vien-nam-son', 'blind5'),
                      ('huyen-duc-lap', 'blind5'), ('phuong-an-binh-tay', 'blind9'),
                      ('phuong-tan-phong', 'blind8'), ('phuong-hoa-lac', 'web3')):
        g = data / src / (name + '.golden.json')
        (out / (name + '.golden.json')).write_bytes(g.read_bytes())


main()
