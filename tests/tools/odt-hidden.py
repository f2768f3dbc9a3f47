#!/usr/bin/env python3
"""odt-hidden.py IN.odt OUT.odt MODE: IN (a LibreOffice-written .odt) with
text LibreOffice hides, as an office's copy of a plan may carry it, for
tests/cli/parse_office_marks.sh. Each table cell whose text is a figure
("80", "≥ 80 %", "1") gets hidden text holding "55" beside it. MODE:

  span        before the figure, a span in an automatic text style with
              text:display="none" (Format > Character > Hidden)
  charstyle   the same span in a character style of styles.xml that hides
  paragraph   a paragraph before the figure's, in an automatic paragraph
              style whose parent (a paragraph style of styles.xml, itself
              under "Table Contents") hides
  hiddentext  before the figure, a hidden text field (text:hidden-text,
              text:is-hidden="true")
  hiddenpara  a paragraph before the figure's holding a hidden paragraph
              field (text:hidden-paragraph, text:is-hidden="true")
  section     the first table copied, every figure "55", in a hidden
              section (text:display="none") before the table: an older
              copy kept out of sight

Fails when MODE changes nothing."""
import re
import sys

from ziprewrite import rewrite

FIGURE = re.compile(r'(<table:table-cell [^>]*>)(<text:p text:style-name="([^"]+)">)'
                    r'([≥≤<>]?\s*[0-9][0-9.,]*\s*%?)(</text:p>)')
AUTO = ('<style:style style:name="chitieu_hidden" style:family="text">'
        '<style:text-properties text:display="none"/></style:style>'
        '<style:style style:name="chitieu_hidden_p" style:family="paragraph" '
        'style:parent-style-name="chitieu_20_an">'
        '<style:paragraph-properties fo:margin-top="0cm"/></style:style>'
        '<style:style style:name="chitieu_sect" style:family="section">'
        '<style:section-properties style:editable="false"/></style:style>')
COMMON = ('<style:style style:name="chitieu_20_an_20_chu" style:display-name="chitieu ẩn chữ" '
          'style:family="text"><style:text-properties text:display="none"/></style:style>'
          '<style:style style:name="chitieu_20_an" style:display-name="chitieu ẩn" '
          'style:family="paragraph" style:parent-style-name="Table_20_Contents">'
          '<style:text-properties text:display="none"/></style:style>')


def content(s, mode):
    s = s.replace('</office:automatic-styles>', AUTO + '</office:automatic-styles>', 1)
    if mode in ('span', 'charstyle'):
        st = 'chitieu_hidden' if mode == 'span' else 'chitieu_20_an_20_chu'
        return FIGURE.sub(lambda m: m.group(1) + m.group(2) + '<text:span text:style-name="%s">55 '
                          '</text:span>' % st + m.group(4) + m.group(5), s)
    if mode == 'paragraph':
        return FIGURE.sub(lambda m: m.group(1) + '<text:p text:style-name="chitieu_hidden_p">55</text:p>'
                          + m.group(0)[len(m.group(1)):], s)
    if mode == 'hiddentext':
        return FIGURE.sub(lambda m: m.group(1) + m.group(2) + '<text:hidden-text text:condition="ooow:1" '
                          'text:string-value="55 " text:is-hidden="true">55 </text:hidden-text>'
                          + m.group(4) + m.group(5), s)
    if mode == 'hiddenpara':
        return FIGURE.sub(lambda m: m.group(1) + '<text:p text:style-name="%s">' % m.group(3)
                          + '<text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>55'
                          '</text:p>' + m.group(0)[len(m.group(1)):], s)
    if mode == 'section':
        t = re.search(r'<table:table table:name="([^"]+)".*?</table:table>', s, re.S)
        if not t:
            return s
        old = FIGURE.sub(lambda m: m.group(1) + m.group(2) + '55' + m.group(5), t.group(0))
        old = old.replace('table:name="%s"' % t.group(1), 'table:name="%s_cu"' % t.group(1), 1)
        return (s[:t.start()] + '<text:section text:style-name="chitieu_sect" text:name="Bản cũ" '
                'text:display="none">' + old + '</text:section>' + s[t.start():])
    sys.exit('odt-hidden.py: no mode ' + mode)


def main():
    src, out, mode = sys.argv[1:4]

    def edit(name, d):
        if name == 'content.xml':
            s = d.decode()
            if not FIGURE.search(s):
                sys.exit('odt-hidden.py: no figure cell in %s' % src)
            return content(s, mode).encode()
        if name == 'styles.xml':
            return d.decode().replace('</office:styles>', COMMON + '</office:styles>', 1).encode()
        return d
    rewrite(src, out, edit)


main()
