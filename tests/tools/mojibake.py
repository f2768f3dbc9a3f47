#!/usr/bin/env python3
"""mojibake.py IN OUT MODE: IN (UTF-8 text or a page) as a program that
read its UTF-8 as a one-byte code page and saved what it showed as UTF-8
again ("Káº¿ hoáº¡ch" for "Kế hoạch"), for tests/cli/parse_web3.sh. MODE:

  cp1252  read as Windows-1252, the five bytes it has no character for
          (0x81 0x8D 0x8F 0x90 0x9D) kept as the C1 controls of the same
          number, as Windows' MultiByteToWideChar does: every byte can be
          had back
  latin1  read as ISO-8859-1: every byte can be had back
  lossy   read as Windows-1252, those five bytes each "�" (U+FFFD), as
          lynx and a browser show them: lost

Fails when IN has no character outside ASCII."""
import sys


def main():
    src, out, mode = sys.argv[1:4]
    raw = open(src, 'rb').read()
    raw.decode('utf-8')  # IN must be UTF-8
    if all(b < 0x80 for b in raw):
        sys.exit('mojibake.py: %s is all ASCII' % src)
    if mode == 'latin1':
        text = raw.decode('latin-1')
    elif mode in ('cp1252', 'lossy'):
        text = ''.join(bytes([b]).decode('cp1252', errors='strict')
                       if b < 0x80 or b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
                       else (chr(b) if mode == 'cp1252' else '\ufffd') for b in raw)
    else:
        sys.exit('mojibake.py: no mode ' + mode)
    open(out, 'w', encoding='utf-8', newline='').write(text)


main()
