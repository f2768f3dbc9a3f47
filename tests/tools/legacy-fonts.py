#!/usr/bin/env python3
"""legacy-fonts.py IN.docx OUT.docx MODE: IN (a LibreOffice-written .docx)
as an office types a plan in the Vietnamese fonts of before Unicode, where
a letter is a byte of the font's own table, which Word stores as that
byte's Windows-1252 character ("Kõ ho¹ch" in .VnTime shows "Kế hoạch").
MODE:

  vni     every run in the font VNI-Times (VNI-Windows: a vowel then its
          mark's byte), set on the run (w:rFonts)
  tcvn3   every run in .VnTime (TCVN3, ABC), set once in the document's
          defaults and styles (no w:rFonts on the runs); a capital TCVN3
          has no byte for (Ấ, Ủ, Ộ...) typed as a run of its own in
          .VnTimeH, the capitals font, with the lower-case letter's byte
          (as typists do); byte 0xAD ("ư") a soft hyphen (w:softHyphen), as
          Word keeps it

A character neither font holds (≥, →) is left in a run of Times New Roman
with its Unicode self. Fails when MODE changes nothing."""
import re
import sys
import unicodedata

from ziprewrite import rewrite

# TCVN3 bytes 0xA1.. of the Vietnamese letters (src/import/encoding.c's tcvn3_hi).
TCVN3 = dict(zip(
    "ĂÂÊÔƠƯĐăâêôơưđ", range(0xA1, 0xAF)))
TCVN3.update(zip("àảãáạ", [0xB5, 0xB6, 0xB7, 0xB8, 0xB9]))
TCVN3.update({'ằ': 0xBB, 'ẳ': 0xBC, 'ẵ': 0xBD, 'ắ': 0xBE, 'ặ': 0xC6, 'ầ': 0xC7, 'ẩ': 0xC8,
              'ẫ': 0xC9, 'ấ': 0xCA, 'ậ': 0xCB, 'è': 0xCC, 'ẻ': 0xCE, 'ẽ': 0xCF, 'é': 0xD0,
              'ẹ': 0xD1, 'ề': 0xD2, 'ể': 0xD3, 'ễ': 0xD4, 'ế': 0xD5, 'ệ': 0xD6, 'ì': 0xD7,
              'ỉ': 0xD8, 'ĩ': 0xDC, 'í': 0xDD, 'ị': 0xDE, 'ò': 0xDF, 'ỏ': 0xE1, 'õ': 0xE2,
              'ó': 0xE3, 'ọ': 0xE4, 'ồ': 0xE5, 'ổ': 0xE6, 'ỗ': 0xE7, 'ố': 0xE8, 'ộ': 0xE9,
              'ờ': 0xEA, 'ở': 0xEB, 'ỡ': 0xEC, 'ớ': 0xED, 'ợ': 0xEE, 'ù': 0xEF, 'ủ': 0xF1,
              'ũ': 0xF2, 'ú': 0xF3, 'ụ': 0xF4, 'ừ': 0xF5, 'ử': 0xF6, 'ữ': 0xF7, 'ứ': 0xF8,
              'ự': 0xF9, 'ỳ': 0xFA, 'ỷ': 0xFB, 'ỹ': 0xFC, 'ý': 0xFD, 'ỵ': 0xFE})

# VNI-Windows: one-byte letters, and a vowel's mark bytes (lower case; upper case 0x20 less).
VNI_ONE = {'đ': 0xF1, 'ì': 0xEC, 'í': 0xED, 'ỉ': 0xE6, 'ĩ': 0xF3, 'ị': 0xF2, 'ơ': 0xF4,
           'ư': 0xF6, 'ỵ': 0xEE}
TONE = {'\u0300': 'grave', '\u0301': 'acute', '\u0309': 'hook', '\u0303': 'tilde', '\u0323': 'dot'}
VNI_MARK = {(0, 'grave'): 0xF8, (0, 'acute'): 0xF9, (0, 'hook'): 0xFB, (0, 'tilde'): 0xF5,
            (0, 'dot'): 0xEF, (1, None): 0xE2, (1, 'grave'): 0xE0, (1, 'acute'): 0xE1,
            (1, 'hook'): 0xE5, (1, 'tilde'): 0xE3, (1, 'dot'): 0xE4, (2, None): 0xEA,
            (2, 'grave'): 0xE8, (2, 'acute'): 0xE9, (2, 'hook'): 0xFA, (2, 'tilde'): 0xFC,
            (2, 'dot'): 0xEB}


def latin(b):
    """The character Word stores for byte b of an ANSI font."""
    return bytes([b]).decode('cp1252')


def vni(ch):
    """ch in VNI-Windows as Word stores it, or None."""
    if ord(ch) < 0x80:
        return ch
    up = ch != ch.lower()
    low = ch.lower()
    if low in VNI_ONE:
        b = VNI_ONE[low]
        return latin(b - 0x20 if up else b)
    d = unicodedata.normalize('NFD', low)
    base, rest = d[0], d[1:]
    mod, tone = 0, None
    for m in rest:
        if m == '\u0302':
            mod = 1
        elif m == '\u0306':
            mod = 2
        elif m == '\u031b':
            base = {'o': 'ơ', 'u': 'ư'}.get(base)
        elif m in TONE:
            tone = TONE[m]
        else:
            return None
    if base is None or base not in 'aeiouyơư':
        return None
    first = base if base in 'aeiouy' else latin(VNI_ONE[base])
    if up:
        first = first.upper() if base in 'aeiouy' else latin(VNI_ONE[base] - 0x20)
    if (mod, tone) == (0, None):
        return first
    mark = VNI_MARK[(mod, tone)]
    return first + latin(mark - 0x20 if up else mark)


def tcvn3(ch):
    """(font, text) for ch in TCVN3: '' the document's font, 'H' the capitals font; or None."""
    if ord(ch) < 0x80:
        return '', ch
    if ch in TCVN3:
        return '', latin(TCVN3[ch])
    if ch.lower() in TCVN3:
        return 'H', latin(TCVN3[ch.lower()])
    return None


def segments(text, enc):
    """text as (font, stored text) pieces: font None for a character left in Unicode."""
    out = []
    for ch in text:
        r = enc(ch)
        font, s = (None, ch) if r is None else r
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + s)
        else:
            out.append((font, s))
    return out


RUN = re.compile(r'<w:r>(<w:rPr>.*?</w:rPr>)?((?:(?!</w:r>).)*)</w:r>', re.S)
TEXT = re.compile(r'(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)')


def rfonts(name):
    return '<w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s"/>' % (name, name, name)


def run_xml(rpr, font, body):
    rpr = re.sub(r'<w:rFonts[^>]*/>', '', rpr or '<w:rPr></w:rPr>')
    if font:
        rpr = rpr.replace('<w:rPr>', '<w:rPr>' + rfonts(font), 1)
    return '<w:r>' + rpr + body + '</w:r>'


def convert_run(m, mode):
    """The run as runs of one font each: its texts split where the font
    changes, anything else in it (breaks, tabs) a run of its own."""
    rpr, body = m.group(1), m.group(2)
    out = []
    at = 0
    for t in list(TEXT.finditer(body)) + [None]:
        other = body[at:t.start() if t else len(body)]
        if other.strip():
            out.append(run_xml(rpr, 'VNI-Times' if mode == 'vni' else None, other))
        if t is None:
            break
        at = t.end()
        open_t = t.group(1) if 'preserve' in t.group(1) else '<w:t xml:space="preserve">'
        enc = (lambda c: ('', vni(c)) if vni(c) else None) if mode == 'vni' else tcvn3
        for font, s in segments(t.group(2), enc):
            name = 'Times New Roman' if font is None else (
                'VNI-Times' if mode == 'vni' else ('.VnTimeH' if font == 'H' else None))
            # Word keeps byte 0xAD (TCVN3's "ư") as a soft hyphen
            xml = (open_t + s + '</w:t>').replace('\u00ad', '</w:t><w:softHyphen/>' + open_t)
            out.append(run_xml(rpr, name, xml.replace(open_t + '</w:t>', '')))
    return ''.join(out)


def main():
    src, out, mode = sys.argv[1:4]
    if mode not in ('vni', 'tcvn3'):
        sys.exit('legacy-fonts.py: no mode ' + mode)
    changed = [False]

    def edit(name, d):
        if name == 'word/document.xml':
            s = d.decode()
            t = RUN.sub(lambda m: convert_run(m, mode), s)
            changed[0] = t != s
            return t.encode()
        if name == 'word/styles.xml' and mode == 'tcvn3':
            s = re.sub(r'<w:rFonts[^>]*/>', rfonts('.VnTime'), d.decode())
            s = s.replace('<w:rPrDefault><w:rPr>', '<w:rPrDefault><w:rPr>' + rfonts('.VnTime'), 1) \
                if '.VnTime' not in s else s
            return s.encode()
        return d
    rewrite(src, out, edit)
    if not changed[0]:
        sys.exit('legacy-fonts.py: %s: nothing changed' % src)


if __name__ == '__main__':
    main()
