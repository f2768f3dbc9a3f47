#!/usr/bin/env python3
"""word-marks.py IN.docx OUT.docx MODE: IN (a LibreOffice-written .docx) as
Word keeps what an office's copy of a plan often carries, for
tests/cli/parse_office_marks.sh. MODE:

  sym           each "≥ " run as Word's Insert Symbol writes it:
                <w:sym w:font="Symbol" w:char="F0B3"/> then a space
  symfont       the same as a run in the Symbol font holding "\\xb3" (a
                copy pasted from an old document)
  symprivate    the same holding U+F0B3 (Symbol's code as Word stores it)
  tracked       each target number run a tracked change: the old figure 77
                deleted (w:del), the new one inserted (w:ins)
  moved         each target number run preceded by a tracked move's source
                (w:moveFrom holding 66, which Word shows struck out)
  hidden        each target number run preceded by a hidden run (w:vanish)
                holding "55 "
  formatchange  each target number run's formatting a tracked change whose
                old formatting was hidden (w:rPrChange holding w:vanish)

Fails when MODE changes nothing."""
import re
import sys

from ziprewrite import rewrite

NUMBER_RUN = re.compile(r'<w:r><w:rPr></w:rPr><w:t>([0-9]+%?)</w:t></w:r>')
GE_RUN = '<w:r><w:rPr></w:rPr><w:t xml:space="preserve">≥ </w:t></w:r>'
SPACE_RUN = '<w:r><w:t xml:space="preserve"> </w:t></w:r>'


def change(s, mode):
    if mode == 'sym':
        return s.replace(GE_RUN, '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>' + SPACE_RUN)
    if mode in ('symfont', 'symprivate'):
        ch = '\u00b3' if mode == 'symfont' else '\uf0b3'
        return s.replace(GE_RUN, '<w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'
                         '<w:t>' + ch + '</w:t></w:r>' + SPACE_RUN)
    if mode == 'tracked':
        return NUMBER_RUN.sub(lambda m: '<w:del w:id="1" w:author="A"><w:r><w:delText>77</w:delText>'
                              '</w:r></w:del><w:ins w:id="2" w:author="A">' + m.group(0) + '</w:ins>', s)
    if mode == 'moved':
        return NUMBER_RUN.sub(lambda m: '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>66</w:t></w:r>'
                              '</w:moveFrom>' + m.group(0), s)
    if mode == 'hidden':
        return NUMBER_RUN.sub(lambda m: '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">55 '
                              '</w:t></w:r>' + m.group(0), s)
    if mode == 'formatchange':
        return NUMBER_RUN.sub(lambda m: '<w:r><w:rPr><w:b/><w:rPrChange w:id="4" w:author="A"><w:rPr>'
                              '<w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>' + m.group(1) + '</w:t></w:r>', s)
    sys.exit('word-marks.py: no mode ' + mode)


def main():
    src, out, mode = sys.argv[1:4]

    def edit(name, d):
        if name != 'word/document.xml':
            return d
        s = d.decode()
        t = change(s, mode)
        if t == s:
            sys.exit('word-marks.py: %s changes nothing in %s' % (mode, src))
        return t.encode()
    rewrite(src, out, edit)


main()
