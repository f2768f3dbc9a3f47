#!/usr/bin/env python3
"""report_check.py: reads a report's DOCX or XLSX back (the zip's XML) and
checks what Decree 30/2020 and issue 15 ask of it. Usage:
  report_check.py docx FILE [--authority A] [--position P] [--signer NAME] [--recipient TEXT] [--date WORDS]
  report_check.py xlsx FILE
Prints one "FAIL: ..." line per failed check and "checks: N" at the end;
exits 1 when any failed."""
import re
import sys
import zipfile

fails = []
count = 0


def check(cond, what):
    global count
    count += 1
    if not cond:
        fails.append(what)


def text_of(xml):
    return re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", xml))


def outside_tables(xml):
    return re.sub(r"<w:tbl>.*?</w:tbl>", "", xml, flags=re.S)


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def docx(path, opts):
    z = zipfile.ZipFile(path)
    doc = z.read("word/document.xml").decode("utf-8")
    styles = z.read("word/styles.xml").decode("utf-8")
    text = text_of(doc)
    lines = [l.strip() for l in text.split("\n")]
    # Signature block and recipients.
    check(opts.get("authority", "TM. ỦY BAN NHÂN DÂN") in lines, "signature authority")
    check(opts.get("position", "CHỦ TỊCH") in lines, "signature position")
    if opts.get("signer"):
        check(opts["signer"] in lines, "signer name %r" % opts["signer"])
    check("Nơi nhận:" in lines, "Nơi nhận")
    if opts.get("recipient"):
        check(any(l.startswith("- " + opts["recipient"]) for l in lines),
              "recipient %r" % opts["recipient"])
    # Page numbers: a PAGE field in the header, none on page 1 (titlePg).
    names = z.namelist()
    hdr = [n for n in names if re.match(r"word/header\d+\.xml", n)]
    check(hdr and any(re.search(r"<w:instrText[^>]*>\s*PAGE\s*<", z.read(h).decode()) for h in hdr),
          "PAGE field in a header part")
    rels = z.read("word/_rels/document.xml.rels").decode()
    check("relationships/header" in rels, "header relationship")
    check(re.search(r'<w:headerReference w:type="default"', doc) is not None, "headerReference")
    check("<w:titlePg/>" in doc, "titlePg (no number on page 1)")
    # The date, with leading zeros, on the line under the motto.
    if opts.get("date"):
        check(any(l.endswith(opts["date"]) for l in lines), "date %r" % opts["date"])
    check(not re.search(r"ngày \d tháng|tháng \d năm", text), "a date without leading zeros")
    # Sections numbered without gaps.
    heads = [m.group(1) for l in lines for m in [re.match(r"^([IVX]+)\. [A-ZĐỦỔỀẾ]", l)] if m]
    check(heads == ROMAN[: len(heads)] and len(heads) >= 3, "sections %r" % heads)
    check(any("NHỮNG VIỆC CHẬM" in l for l in lines), "NHỮNG VIỆC CHẬM section")
    check(not re.search(r"Tổng số 0 chỉ tiêu", text), "Tổng số 0 chỉ tiêu")
    check(not re.search(r"\d,\d{3,}\b", text), "a figure with 3+ decimals: %r"
          % re.findall(r"\S*\d,\d{3,}\S*", text)[:3])
    # Spacing >= 6 pt and first-line indent 1-1.27 cm on the body paragraphs.
    m = re.search(r"<w:pPrDefault>.*?<w:spacing ([^>]*)/>", styles, re.S)
    after = re.search(r'w:after="(\d+)"', m.group(1)) if m else None
    check(after and int(after.group(1)) >= 120, "default spacing after >= 120 twips")
    body = re.findall(r"<w:p>(.*?)</w:p>", outside_tables(doc), re.S)
    indented = [p for p in body if "w:firstLine" in p]
    check(len(indented) >= 5, "indented body paragraphs: %d" % len(indented))
    for p in body:
        sp = re.search(r"<w:spacing ([^>]*)/>", p)
        b = int((re.search(r'w:before="(\d+)"', sp.group(1)) or [0, 0])[1]) if sp else 120
        a = int((re.search(r'w:after="(\d+)"', sp.group(1)) or [0, 0])[1]) if sp else 120
        if max(a, b) < 120:
            check(False, "paragraph spacing %d/%d < 120: %r" % (b, a, text_of(p)[:60]))
            break
    for p in indented:
        first = int(re.search(r'w:firstLine="(\d+)"', p).group(1))
        if not 567 <= first <= 720:
            check(False, "first-line indent %d twips" % first)
            break
    # "ỦY BAN NHÂN DÂN" bold; the rule under the body name short.
    run = re.search(r"<w:r><w:rPr>(.*?)</w:rPr><w:t[^>]*>ỦY BAN NHÂN DÂN</w:t>", doc)
    check(run and "<w:b/>" in run.group(1), "ỦY BAN NHÂN DÂN bold")
    cell = re.search(r"<w:tc>(.*?)</w:tc>", doc, re.S).group(1)
    width = int(re.search(r'<w:tcW w:w="(\d+)"', cell).group(1))
    rule = re.search(r'<w:pBdr><w:top[^>]*/></w:pBdr>.*?<w:ind w:left="(\d+)" w:right="(\d+)"/>', cell)
    check(rule is not None, "a rule under the issuing body")
    if rule:
        share = (width - int(rule.group(1)) - int(rule.group(2))) / width
        check(0.3 <= share <= 0.5, "rule under the body %.2f of the line" % share)
    check('<w:u w:val="single"/>' not in cell, "the body name underlined (full width)")


def xlsx(path, opts):
    z = zipfile.ZipFile(path)
    wb = z.read("xl/workbook.xml").decode("utf-8")
    names = re.findall(r'<sheet name="([^"]+)"', wb)
    check(len(names) >= 3, "sheets %r" % names)
    for n in names:
        check(len(n) <= 31, "sheet name longer than 31 characters: %r" % n)
    titles = re.findall(r'<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)<', wb)
    check(len(titles) == len(names), "print titles on every sheet: %d of %d" % (len(titles), len(names)))
    styles = z.read("xl/styles.xml").decode("utf-8")
    fmts = dict(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', styles))
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S).group(1)
    xf_fmt = [int(x) for x in re.findall(r'<xf numFmtId="(\d+)"', xfs)]
    percent_styles = {i for i, f in enumerate(xf_fmt) if f == 10 or "%" in fmts.get(str(f), "")}
    target_styles = {i for i, f in enumerate(xf_fmt) if "≥" in fmts.get(str(f), "").replace("&quot;", "")}
    numbers = percents = targets = wrapped_tall = 0
    for i in range(1, len(names) + 1):
        ws = z.read("xl/worksheets/sheet%d.xml" % i).decode("utf-8")
        setup = re.search(r"<pageSetup ([^>]*)/>", ws)
        check(setup and 'paperSize="9"' in setup.group(1) and 'orientation="landscape"' in setup.group(1),
              "sheet %d: A4 landscape" % i)
        check('fitToPage="1"' in ws and 'fitToHeight="0"' in (setup.group(1) if setup else ""),
              "sheet %d: fit to width" % i)
        check(re.search(r'<col [^>]*width="[\d.]+"', ws) is not None, "sheet %d: column widths" % i)
        for s, v in re.findall(r'<c r="[A-Z]+\d+" s="(\d+)"><v>([-\d.eE]+)</v></c>', ws):
            numbers += 1
            percents += int(s) in percent_styles
            targets += int(s) in target_styles
        wrapped_tall += len(re.findall(r'<row [^>]*ht="(?:[3-9]\d|\d{3})[^"]*" customHeight="1"', ws))
    check(numbers >= 20, "numbers stored as numbers: %d" % numbers)
    check(targets >= 3, "numeric targets stored as numbers with their operator: %d" % targets)
    if opts.get("percent"):
        check(percents >= 1, "a share stored as a number in a percent format")
    check(wrapped_tall >= 3, "wrapped rows with their height: %d" % wrapped_tall)
    # The chart below the summary's title.
    drawing = z.read("xl/drawings/drawing1.xml").decode("utf-8")
    row = int(re.search(r"<xdr:from>.*?<xdr:row>(\d+)</xdr:row>", drawing, re.S).group(1))
    sheet1 = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    shared = re.findall(r"<si><t[^>]*>([^<]*)</t></si>", z.read("xl/sharedStrings.xml").decode("utf-8"))
    idx = [i for i, t in enumerate(shared) if t.startswith("Kết quả thực hiện Kế hoạch")]
    cell = re.search(r'<c r="[A-Z]+(\d+)"[^>]*t="s"><v>%d</v>' % idx[0], sheet1) if idx else None
    check(cell is not None, "the summary's title")
    title_row = int(cell.group(1)) - 1 if cell else 0
    check(row > title_row, "chart from row %d over the title in row %d" % (row, title_row))


def main():
    kind, path = sys.argv[1], sys.argv[2]
    opts = {}
    args = sys.argv[3:]
    for k in range(0, len(args) - 1, 2):
        opts[args[k].lstrip("-")] = args[k + 1]
    if "--percent" in args:
        opts["percent"] = True
    (docx if kind == "docx" else xlsx)(path, opts)
    for f in fails:
        print("FAIL: %s: %s" % (path.split("/")[-1], f))
    print("checks: %d" % count)
    sys.exit(1 if fails else 0)


main()
