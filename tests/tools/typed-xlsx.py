#!/usr/bin/env python3
# typed-xlsx.py OUT.xlsx: tests/data/blind4/xa-phuoc-hai.typed.xlsx, written as
# a person types the plan in Excel (see tests/data/blind4/README.md).
"""Writes xa-phuoc-hai.typed.xlsx: the plan as a person types it in Excel:
numbers as numbers (percent format, thousands format, General decimals),
deadlines as date cells, merged title block and group rows, two sheets."""
import zipfile, datetime
from xml.sax.saxutils import escape
strings = []
def si(s):
    if s not in strings: strings.append(s)
    return strings.index(s)
def col(c): return "ABCDEFGH"[c]
# style ids: 0 default, 1 bold, 2 percent 0%, 3 #,##0, 4 date d/m/yyyy, 5 bold centered
def sheet(rows, merges, widths):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><cols>']
    for i, w in enumerate(widths):
        out.append('<col min="%d" max="%d" width="%d" customWidth="1"/>' % (i + 1, i + 1, w))
    out.append('</cols><sheetData>')
    for r, cells in sorted(rows.items()):
        out.append('<row r="%d">' % r)
        for c, (v, s) in sorted(cells.items()):
            ref = "%s%d" % (col(c), r)
            if isinstance(v, str):
                out.append('<c r="%s" t="s" s="%d"><v>%d</v></c>' % (ref, s, si(v)))
            else:
                out.append('<c r="%s" s="%d"><v>%s</v></c>' % (ref, s, repr(v)))
        out.append('</row>')
    out.append('</sheetData>')
    if merges:
        out.append('<mergeCells count="%d">' % len(merges) + "".join('<mergeCell ref="%s"/>' % m for m in merges) + '</mergeCells>')
    out.append('</worksheet>')
    return "".join(out)
def serial(d): return (d - datetime.date(1899, 12, 30)).days
r1 = {
 1: {0: ("ỦY BAN NHÂN DÂN", 5), 3: ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 5)},
 2: {0: ("XÃ PHƯỚC HẢI", 5), 3: ("Độc lập - Tự do - Hạnh phúc", 5)},
 3: {0: ("Số: 146/KH-UBND", 0), 3: ("Phước Hải, ngày 05 tháng 9 năm 2025", 0)},
 5: {0: ("KẾ HOẠCH", 5)},
 6: {0: ("Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị trên địa bàn xã Phước Hải năm 2025 và đến năm 2030", 5)},
 8: {0: ("STT", 5), 1: ("Chỉ tiêu", 5), 2: ("ĐVT", 5), 3: ("Mục tiêu đến 31/12/2025", 5), 4: ("Mục tiêu đến năm 2030", 5), 5: ("Cơ quan chủ trì", 5)},
 9: {0: ("I", 1), 1: ("Chính quyền số", 1)},
 10: {0: (1, 0), 1: ("Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình", 0), 2: ("%", 0), 3: (0.95, 2), 4: (1, 2), 5: ("Trung tâm Phục vụ hành chính công", 0)},
 11: {0: (2, 0), 1: ("Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số", 0), 2: ("%", 0), 3: (0.8, 2), 4: (1, 2), 5: ("Văn phòng HĐND và UBND", 0)},
 12: {0: ("II", 1), 1: ("Kinh tế số và xã hội số", 1)},
 13: {0: (3, 0), 1: ("Số tài khoản thanh toán điện tử của người dân trên địa bàn", 0), 2: ("Tài khoản", 0), 3: (1500, 3), 4: (4000, 3), 5: ("Phòng Kinh tế", 0)},
 14: {0: (4, 0), 1: ("Doanh thu thương mại điện tử của hợp tác xã, hộ kinh doanh", 0), 2: ("Tỷ đồng", 0), 3: (0.7, 0), 4: (2.5, 0), 5: ("Phòng Kinh tế", 0)},
 15: {0: (5, 0), 1: ("Tỷ lệ hộ gia đình có ít nhất một thành viên cài đặt ứng dụng VNeID mức độ 2", 0), 2: ("%", 0), 3: (0.6, 2), 4: (0.9, 2), 5: ("Công an xã", 0)},
 17: {3: ("TM. ỦY BAN NHÂN DÂN", 5)},
 18: {3: ("CHỦ TỊCH", 5)},
 21: {3: ("Phạm Văn Hải", 5)},
}
m1 = ["A1:C1", "D1:F1", "A2:C2", "D2:F2", "A3:C3", "D3:F3", "A5:F5", "A6:F6", "B9:F9", "B12:F12", "D17:F17", "D18:F18", "D21:F21"]
r2 = {
 1: {0: ("NHIỆM VỤ TRỌNG TÂM THỰC HIỆN KẾ HOẠCH SỐ 146/KH-UBND", 5)},
 3: {0: ("STT", 5), 1: ("Nhiệm vụ", 5), 2: ("Cơ quan chủ trì", 5), 3: ("Cơ quan phối hợp", 5), 4: ("Thời hạn hoàn thành", 5)},
 4: {0: (1, 0), 1: ("Rà soát, chuẩn hóa dữ liệu dân cư phục vụ giải quyết thủ tục hành chính", 0), 2: ("Công an xã", 0), 3: ("Trung tâm Phục vụ hành chính công", 0), 4: (serial(datetime.date(2025, 12, 31)), 4)},
 5: {0: (2, 0), 1: ("Triển khai thanh toán không dùng tiền mặt tại chợ Phước Hải", 0), 2: ("Phòng Kinh tế", 0), 3: ("Ban Quản lý chợ", 0), 4: (serial(datetime.date(2026, 6, 30)), 4)},
}
m2 = ["A1:E1"]
s1 = sheet(r1, m1, [6, 60, 10, 14, 14, 30])
s2 = sheet(r2, m2, [6, 60, 24, 30, 14])
sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
       + "".join('<si><t>%s</t></si>' % escape(s) for s in strings) + '</sst>')
styles = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="d/m/yyyy"/></numFmts><fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" wrapText="1"/></xf></cellXfs></styleSheet>'''
wb = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/><sheet name="Nhiệm vụ" sheetId="2" r:id="rId2"/></sheets></workbook>'''
rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'''
root = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'''
ct = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'''
import sys
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", ct)
    z.writestr("_rels/.rels", root)
    z.writestr("xl/workbook.xml", wb)
    z.writestr("xl/_rels/workbook.xml.rels", rels)
    z.writestr("xl/worksheets/sheet1.xml", s1)
    z.writestr("xl/worksheets/sheet2.xml", s2)
    z.writestr("xl/styles.xml", styles)
    z.writestr("xl/sharedStrings.xml", sst)
