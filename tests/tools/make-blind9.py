#!/usr/bin/env python3
"""make-blind9.py OUTDIR: the four plans of tests/data/blind9 and their
golden facts (NAME.golden.json), each rendering written by hand as the
tool an office uses writes it: a WPS Office .docx (content controls, smart
tags, tracked changes, alternate content, fields, a table in a frame), a
portal's page whose <div> table takes its layout from a stylesheet that
was not saved with it (and the same with its styles inline), a Writer
.odt whose table sits on a landscape page between portrait ones with its
header rows repeated, a Google Sheets .xlsx (inline strings, no styles,
shared formulas) and a Calc .ods (covered cells, repeated rows and cells).
Each plan's cells and, beside each target cell, its facts (kind, operator,
value) are written here once."""
import json
import os
import sys
import zipfile

from blindlib import KEEP, NONE, ROMAN, e, t


def zwrite(path, parts, first=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if first:  # ODF: the mimetype first, stored
            zi = zipfile.ZipInfo(first[0], (1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_STORED
            z.writestr(zi, first[1])
        for name, data in parts:
            zi = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ------------------------------------------------------------ xa-dong-phuoc
# A commune's plan as WPS Office (and the online editors) write .docx: the
# indicator table inside a one-cell frame table; a two-row header whose
# "Mục tiêu" spans "Năm 2026 | Năm 2030" (gridSpan) over vMerge'd cells;
# rows inside content controls (w:sdt); names and agencies wrapped in
# w:customXml / w:smartTag; targets corrected with tracked changes (the
# w:del text dropped, the w:ins kept), a row deleted with tracked changes;
# numbers from SEQ fields (w:fldSimple, and fldChar begin/separate/end);
# "≤" inserted from the Symbol font; the unit under mc:AlternateContent.
A = {
    "name": "xa-dong-phuoc",
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG PHƯỚC"], "number": "35/KH-UBND",
    "place_date": "Đông Phước, ngày 12 tháng 3 năm 2026", "date": "2026-03-12",
    "title": "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Đông Phước năm 2026 và những năm tiếp theo",
    "milestones": [2026, 2030],
    "groups": [("CHÍNH QUYỀN SỐ", [
        ("1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến", "%", "72",
         "Văn phòng HĐND và UBND", "Bộ phận Một cửa", [t("90", value=90), t("100", value=100)]),
        ("2", "Tỷ lệ hồ sơ giải quyết trễ hạn", "%", "3,5",
         "Văn phòng HĐND và UBND", "Các phòng chuyên môn", [t("≤ 2", op="<=", value=2), t("0", value=0)]),
        ("3", "Số hệ thống thông tin được kết nối với nền tảng dữ liệu của tỉnh", "Hệ thống", "1",
         "Phòng Văn hóa - Xã hội", "Viễn thông tỉnh", [t("02", value=2), t("Tối thiểu 5", value=5)]),
    ]), ("KINH TẾ SỐ", [
        ("4", "Tỷ lệ hộ kinh doanh sử dụng hóa đơn điện tử", "%", "40",
         "Phòng Kinh tế", "Đội Thuế liên xã", [t("60", value=60), t("Trên 90", op=">", value=90)]),
        ("5", "Số sản phẩm nông nghiệp có mã truy xuất nguồn gốc", "Sản phẩm", "6",
         "Phòng Kinh tế", "Hợp tác xã Đông Phước", [t("10", value=10), t("25", value=25)]),
    ]), ("XÃ HỘI SỐ", [
        ("6", "Tỷ lệ người dân được tiếp cận kỹ năng số cơ bản", "%", "55",
         "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên xã", [t("70", value=70), t("≥ 90", value=90)]),
        ("7", "Tỷ lệ trường học triển khai sổ điểm điện tử", "%", "80",
         "Phòng Văn hóa - Xã hội", "Các trường học", [t("100", value=100), KEEP]),
    ])],
    "tasks": [
        ("Số hóa sổ hộ tịch, chứng thực của xã từ năm 2015 đến nay", "Văn phòng HĐND và UBND", "Công an xã", "Quý II/2026"),
        ("Xây dựng điểm hỗ trợ dịch vụ công trực tuyến tại các ấp", "Phòng Văn hóa - Xã hội", "Các ấp", "Năm 2026"),
        ("Tổ chức phiên chợ nông sản trực tuyến", "Phòng Kinh tế", "Hội Nông dân xã", "Hằng năm"),
    ],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Võ Thành Tâm",
}

# ------------------------------------------------------- phuong-an-binh-tay
# A ward's plan on a portal whose table is made of <div>s: NAME.link.html
# as "Save Page As… (HTML only)" keeps it, the classes' layout in a
# stylesheet <link>ed from the server and not saved; NAME.inline.html the
# same table with its display given in style="" on each <div>.
B = {
    "name": "phuong-an-binh-tay",
    "issuer": ["ỦY BAN NHÂN DÂN", "PHƯỜNG AN BÌNH TÂY"], "number": "19/KH-UBND",
    "place_date": "An Bình Tây, ngày 20 tháng 02 năm 2026", "date": "2026-02-20",
    "title": "Chuyển đổi số phường An Bình Tây giai đoạn 2026 - 2030",
    "milestones": [2026, 2028, 2030],
    "groups": [("Chính quyền số", [
        ("1", "Tỷ lệ thủ tục hành chính đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình", "%",
         "Văn phòng HĐND và UBND", [t("80", value=80), t("90", value=90), t("100", value=100)]),
        ("2", "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số", "%",
         "Phòng Nội vụ", [t("50", value=50), t("75", value=75), t("100", value=100)]),
        ("3", "Số camera giám sát an ninh kết nối trung tâm điều hành", "Camera",
         "Công an phường", [t("40", value=40), t("80", value=80), t("Trên 120", op=">", value=120)]),
    ]), ("Xã hội số", [
        ("4", "Tỷ lệ khu phố có điểm truy cập Wi-Fi miễn phí", "%",
         "Phòng Văn hóa - Xã hội", [t("30", value=30), t("60", value=60), t("100", value=100)]),
        ("5", "Số người dân sử dụng ứng dụng công dân số của tỉnh", "Người",
         "Phòng Văn hóa - Xã hội", [t("3.000", value=3000), t("6.000", value=6000), t("10.000", value=10000)]),
        ("6", "Tỷ lệ thanh toán không dùng tiền mặt tại trường học, cơ sở y tế", "%",
         "Trạm Y tế phường", [t("70", value=70), t("85 - 90", "range", lo=85, hi=90), t("100", value=100)]),
    ])],
    "tasks": [],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Đặng Minh Khoa",
}

# ---------------------------------------------------------- so-khcn-bac-hoa
# A province's department, written in LibreOffice Writer: portrait pages of
# text, then a landscape page style for the indicator table (its two header
# rows table:table-header-rows, repeated on each page it spans), then
# portrait again for the tasks and the signature.
C = {
    "name": "so-khcn-bac-hoa",
    "issuer": ["UBND TỈNH BẮC HÒA", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "number": "64/KH-SKHCN",
    "place_date": "Bắc Hòa, ngày 27 tháng 02 năm 2026", "date": "2026-02-27",
    "title": "Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn tỉnh Bắc Hòa năm 2026",
    "milestones": [2026, 2027, 2028, 2029, 2030],
    "groups": [("Khoa học, công nghệ và đổi mới sáng tạo", [
        ("1", "Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số so với tổng chi ngân sách tỉnh", "%",
         "Sở Tài chính", [t("2", value=2), t("2,5", value=2.5), t("2,8", value=2.8), t("3", value=3), t("Tối thiểu 3", value=3)]),
        ("2", "Số doanh nghiệp khoa học và công nghệ được chứng nhận", "Doanh nghiệp",
         "Sở Khoa học và Công nghệ", [t("05", value=5), t("08", value=8), t("12", value=12), t("16", value=16), t("20", value=20)]),
        ("3", "Số sáng chế, giải pháp hữu ích được đăng ký bảo hộ", "Đơn",
         "Sở Khoa học và Công nghệ", [t("10", value=10), t("12", value=12), t("15", value=15), t("18", value=18), t("Trên 20", op=">", value=20)]),
    ]), ("Chuyển đổi số", [
        ("4", "Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử", "%",
         "Ngân hàng Nhà nước Khu vực", [t("75", value=75), t("80", value=80), t("85", value=85), t("88", value=88), t("≥ 90", value=90)]),
        ("5", "Tỷ trọng kinh tế số trong GRDP", "%",
         "Sở Tài chính", [t("8", value=8), t("10", value=10), t("12", value=12), t("15", value=15), t("20", value=20)]),
        ("6", "Chỉ số chuyển đổi số cấp tỉnh (DTI) - thứ hạng", "Hạng",
         "Sở Khoa học và Công nghệ", [t("Top 30", "rank", value=30), t("Top 25", "rank", value=25), t("Top 20", "rank", value=20),
                                      t("Top 20", "rank", value=20), t("Top 15", "rank", value=15)]),
    ]), ("Hạ tầng và dữ liệu", [
        ("7", "Tỷ lệ thôn, bản được phủ sóng băng rộng di động", "%",
         "Sở Khoa học và Công nghệ", [t("98", value=98), t("100", value=100), KEEP, KEEP, KEEP]),
        ("8", "Số cơ sở dữ liệu chuyên ngành được đưa vào khai thác", "Cơ sở dữ liệu",
         "Các sở, ngành", [t("12", value=12), t("15", value=15), t("18", value=18), NONE, t("25", value=25)]),
        ("9", "Tỷ lệ hồ sơ lưu trữ được số hóa", "%",
         "Sở Nội vụ", [t("30", value=30), t("45", value=45), t("60", value=60), t("80", value=80), t("100", value=100)]),
    ])],
    "tasks": [
        ("Xây dựng Trung tâm đổi mới sáng tạo tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính; Sở Xây dựng", "2026 - 2027"),
        ("Ban hành danh mục dữ liệu mở của tỉnh", "Sở Khoa học và Công nghệ", "Các sở, ngành; UBND các xã, phường", "Quý III/2026"),
        ("Hỗ trợ doanh nghiệp khởi nghiệp sáng tạo tiếp cận quỹ đầu tư", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Hằng năm"),
    ],
    "signer": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "signee": "Hoàng Thị Lan Anh",
}

# ------------------------------------------------------ xa-tan-hiep-dong
# A commune's plan kept as a spreadsheet: Google Sheets' download (.xlsx:
# every text an inline string, no styles part, the STT column numbered by
# a formula "=A6+1" shared down the rows) and a Calc .ods of it (the lead
# merged down its group's rows as covered cells, identical cells side by
# side and empty rows written once with a repeat count).
D = {
    "name": "xa-tan-hiep-dong",
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ TÂN HIỆP ĐÔNG"], "number": "27/KH-UBND",
    "place_date": "Tân Hiệp Đông, ngày 06 tháng 3 năm 2026", "date": "2026-03-06",
    "title": "Chuyển đổi số xã Tân Hiệp Đông năm 2026",
    "milestones": [2026, 2030],
    "groups": [("Chính quyền số", [
        ("1", "Tỷ lệ văn bản đi được ký số", "%", "Văn phòng HĐND và UBND", "Các bộ phận",
         [t("100", value=100), KEEP]),
        ("2", "Tỷ lệ cuộc họp trực tuyến", "%", "Văn phòng HĐND và UBND", "Các bộ phận",
         [t("50", value=50), t("80", value=80)]),
        ("3", "Số nhóm Zalo tiếp nhận phản ánh của người dân", "Nhóm", "Văn phòng HĐND và UBND", "Các ấp",
         [t("08", value=8), t("12", value=12)]),
    ]), ("Kinh tế số và xã hội số", [
        ("4", "Số hộ bán hàng nông sản qua mạng xã hội", "Hộ", "Phòng Kinh tế", "Hội Phụ nữ xã",
         [t("150", value=150), t("Trên 400", op=">", value=400)]),
        ("5", "Tỷ lệ người cao tuổi được hướng dẫn dùng điện thoại thông minh", "%", "Phòng Kinh tế", "Hội Người cao tuổi",
         [t("30", value=30), t("60", value=60)]),
        ("6", "Tỷ lệ hộ có địa chỉ số", "%", "Phòng Kinh tế", "Bưu điện xã",
         [t("100", value=100), KEEP]),
    ])],
    "tasks": [
        ("Lập trang thông tin điện tử của xã trên Cổng tỉnh", "Văn phòng HĐND và UBND", "Viễn thông tỉnh", "Tháng 6/2026"),
        ("Tập huấn kỹ năng bán hàng trực tuyến cho hộ nông dân", "Phòng Kinh tế", "Hội Nông dân xã", "Quý III/2026"),
    ],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "signee": "Lê Văn Phúc",
}


# ======================================================= WPS Office .docx
W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" mc:Ignorable="w14 wp14"')
RPR = '<w:rPr><w:rFonts w:hint="default" w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>%s<w:sz w:val="24"/><w:lang w:val="vi-VN"/></w:rPr>'


def run(text, bold=False):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (RPR % ("<w:b/>" if bold else ""), e(text))


def para(inner, center=False, bold=False):
    """A paragraph of runs (inner as XML) or text (a str with no '<')."""
    if "<" not in inner:
        inner = run(inner, bold) if inner else ""
    return '<w:p><w:pPr><w:spacing w:before="0" w:after="60"/><w:jc w:val="%s"/></w:pPr>%s</w:p>' % (
        "center" if center else "both", inner)


def tc(inner, span=1, vm=None, w=1000):
    pr = '<w:tcW w:w="%d" w:type="dxa"/>' % w
    if span > 1:
        pr += '<w:gridSpan w:val="%d"/>' % span
    if vm:
        pr += '<w:vMerge w:val="restart"/>' if vm == "restart" else "<w:vMerge/>"
    pr += '<w:vAlign w:val="center"/>'
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (pr, inner)


def tr(cells, pr=""):
    return '<w:tr><w:trPr>%s<w:jc w:val="center"/></w:trPr>%s</w:tr>' % (pr, "".join(cells))


def seq_simple(n):
    return ('<w:fldSimple w:instr=" SEQ STT \\* ARABIC "><w:r>%s<w:t>%s</w:t></w:r></w:fldSimple>' % (RPR % "", n))


def seq_complex(n):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ STT \\* ARABIC </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r>%s<w:t>%s</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            % (RPR % "", n))


def tracked(old, new):
    return ('<w:del w:id="11" w:author="Admin" w:date="2026-03-10T09:12:00Z"><w:r>%s<w:delText>%s</w:delText></w:r></w:del>'
            '<w:ins w:id="12" w:author="Admin" w:date="2026-03-10T09:12:00Z">%s</w:ins>' % (RPR % "", e(old), run(new)))


def docx_a(path):
    p = A
    grid = [600, 3400, 900, 1000, 900, 900, 1700, 1700]
    head = [tr([tc(para("TT", True, True), vm="restart", w=600), tc(para("Chỉ tiêu", True, True), vm="restart", w=3400),
                tc(para("ĐVT", True, True), vm="restart", w=900), tc(para("Thực hiện năm 2025", True, True), vm="restart", w=1000),
                tc(para("Mục tiêu", True, True), span=2, w=1800),
                tc(para("Đơn vị chủ trì", True, True), vm="restart", w=1700), tc(para("Đơn vị phối hợp", True, True), vm="restart", w=1700)],
               '<w:tblHeader/>'),
            tr([tc(para(""), vm="cont", w=600), tc(para(""), vm="cont", w=3400), tc(para(""), vm="cont", w=900),
                tc(para(""), vm="cont", w=1000), tc(para("Năm 2026", True, True), w=900), tc(para("Năm 2030", True, True), w=900),
                tc(para(""), vm="cont", w=1700), tc(para(""), vm="cont", w=1700)], '<w:tblHeader/>')]
    rows = list(head)
    n = 0
    for k, (gname, items) in enumerate(p["groups"]):
        rows.append(tr([tc(para(ROMAN[k], True, True), w=600), tc(para(gname, bold=True), span=7, w=9600 - 600)]))
        for num, name, unit, base, lead, part, tg in items:
            n += 1
            numx = seq_simple(num) if k == 0 else seq_complex(num)
            namex = run(name)
            if num == "1":  # the name split over runs inside a custom XML element
                cut = name.index(" được")
                namex = ('<w:customXml w:uri="urn:chitieu:kehoach" w:element="tenChiTieu">%s<w:proofErr w:type="spellStart"/>%s'
                         '<w:proofErr w:type="spellEnd"/></w:customXml>' % (run(name[:cut]), run(name[cut:])))
            unitx = run(unit)
            if num == "4":  # the unit with a text effect, and its fallback
                unitx = ('<mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:rPr><w14:textOutline w14:w="0"/></w:rPr>'
                         '<w:t>%s</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>%s</w:t></w:r></mc:Fallback></mc:AlternateContent>'
                         % (e(unit), e(unit)))
            leadx = run(lead)
            if num == "5":  # a place recognised by a smart tag
                leadx = ('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
                         '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PlaceName">%s</w:smartTag>'
                         '</w:smartTag>' % run(lead))
            tgx = []
            for x in tg:
                tx = x["text"]
                if tx.startswith("≤ "):  # ≤ from Insert > Symbol (Symbol font, F0A3)
                    tgx.append('<w:r>%s<w:sym w:font="Symbol" w:char="F0A3"/></w:r>%s' % (RPR % "", run(tx[1:])))
                elif num == "1" and tx == "90":
                    tgx.append(tracked("85", "90"))
                elif num == "6" and tx == "≥ 90":
                    tgx.append(tracked("≥ 95", "≥ 90"))
                else:
                    tgx.append(run(tx))
            cells = [tc(para(numx, True), w=600), tc(para(namex), w=3400), tc(para(unitx, True), w=900),
                     tc(para(run(base), True), w=1000)] + [tc(para(x, True), w=900) for x in tgx] + [
                tc(para(leadx), w=1700), tc(para(run(part)), w=1700)]
            row = tr(cells)
            if num in ("2", "3"):  # a repeating section: rows as content controls
                row = ('<w:sdt><w:sdtPr><w:alias w:val="Chỉ tiêu"/><w:tag w:val="chitieu"/><w:id w:val="%d"/></w:sdtPr>'
                       '<w:sdtContent>%s</w:sdtContent></w:sdt>' % (100 + n, row))
            if num == "5":  # each cell in its own content control
                row = row.replace("<w:tc>", '<w:sdt><w:sdtPr><w:id w:val="7"/></w:sdtPr><w:sdtContent><w:tc>').replace(
                    "</w:tc>", "</w:tc></w:sdtContent></w:sdt>")
            rows.append(row)
            if num == "5":  # a row deleted with tracked changes: gone
                dl = ('<w:del w:id="30" w:author="Admin" w:date="2026-03-10T09:20:00Z"><w:r><w:delText>%s</w:delText></w:r></w:del>')
                rows.append(tr([tc(para(dl % x), w=900) for x in (
                    "6", "Số tuyến đường có camera giám sát giao thông", "Tuyến", "0", "02", "05", "Công an xã", "Các ấp")],
                    '<w:del w:id="31" w:author="Admin" w:date="2026-03-10T09:20:00Z"/>'))
    tblpr = ('<w:tblPr><w:tblW w:w="9600" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>%s</w:tblBorders>'
             '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
             '</w:tblCellMar></w:tblPr>' % "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>' % b for b in (
                 "top", "left", "bottom", "right", "insideH", "insideV")))
    inner = "<w:tbl>%s<w:tblGrid>%s</w:tblGrid>%s</w:tbl>" % (
        tblpr, "".join('<w:gridCol w:w="%d"/>' % x for x in grid), "".join(rows))
    # WPS's frame: the table inside a one-cell table with no borders
    frame = ('<w:tbl><w:tblPr><w:tblW w:w="9800" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
             '<w:bottom w:val="nil"/><w:right w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="9800"/></w:tblGrid>'
             '<w:tr><w:tc><w:tcPr><w:tcW w:w="9800" w:type="dxa"/></w:tcPr>%s%s</w:tc></w:tr></w:tbl>'
             % (para("Biểu 01: Các chỉ tiêu chủ yếu", bold=True), inner + para("")))
    letter = ('<w:tbl><w:tblPr><w:tblW w:w="9600" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="3800"/><w:gridCol w:w="5800"/>'
              '</w:tblGrid>%s</w:tbl>' % tr([
                  tc("".join(para(x, True, True) for x in p["issuer"]) + para("Số: " + p["number"], True), w=3800),
                  tc(para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, True) + para("Độc lập - Tự do - Hạnh phúc", True, True)
                     + para(p["place_date"], True), w=5800)]))
    # a text box (mc:AlternateContent: wps shape, and its VML fallback)
    box = ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
           'simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
           '<wp:extent cx="1400000" cy="300000"/><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
           'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>%s'
           '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>'
           '<w:pict><v:shape><v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
           '</mc:AlternateContent></w:r></w:p>' % ((para("DỰ THẢO LẦN 2", True, True),) * 2))
    body = letter + box + para("KẾ HOẠCH", True, True) + para(p["title"], True, True)
    body += para("I. MỤC TIÊU", bold=True) + para(
        "Phấn đấu đến năm 2030 xã Đông Phước cơ bản hoàn thành các mục tiêu chuyển đổi số, cụ thể như sau:")
    body += frame
    tg = [tr([tc(para(h, True, True), w=w) for h, w in zip(
        ("STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"), (600, 3800, 1800, 1800, 1600))], "<w:tblHeader/>")]
    for i, (title, lead, part, when) in enumerate(p["tasks"]):
        tg.append(tr([tc(para(run(str(i + 1)), True), w=600), tc(para(title), w=3800), tc(para(lead), w=1800),
                      tc(para(part), w=1800), tc(para(when, True), w=1600)]))
    body += para("II. NHIỆM VỤ", bold=True)
    body += "<w:tbl>%s<w:tblGrid>%s</w:tblGrid>%s</w:tbl>" % (
        tblpr, "".join('<w:gridCol w:w="%d"/>' % x for x in (600, 3800, 1800, 1800, 1600)), "".join(tg))
    body += para("III. TỔ CHỨC THỰC HIỆN", bold=True) + para("Các bộ phận chuyên môn báo cáo kết quả hằng quý.")
    body += "".join(para(x, True, True) for x in p["signer"]) + para("") + para(p["signee"], True, True)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document %s><w:body>%s<w:sectPr>'
           '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" '
           'w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425" w:num="1"/><w:docGrid w:type="lines" '
           'w:linePitch="312" w:charSpace="0"/></w:sectPr></w:body></w:document>' % (W_NS, body))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
            '</Relationships>')
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
              'pid="2" name="KSOProductBuildVer"><vt:lpwstr>1066-12.2.0.13431</vt:lpwstr></property></Properties>')
    zwrite(path, [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("docProps/custom.xml", custom),
                  ("word/document.xml", doc)])


# ======================================================= the <div> portal
def portal_b(linked):
    """The portal's article; linked: the layout in a stylesheet not saved."""
    p = B
    years = ["Năm %d" % y for y in p["milestones"]]
    head = ["STT", "Tên chỉ tiêu", "Đơn vị tính"] + years + ["Cơ quan chủ trì"]
    rows = [("h", head)]
    for k, (gname, items) in enumerate(p["groups"]):
        rows.append(("g", [ROMAN[k], gname]))
        for num, name, unit, lead, tg in items:
            rows.append(("", [num, name, unit] + [x["text"] for x in tg] + [lead]))
    css = {"t": "display:table;width:100%;border-collapse:collapse", "r": "display:table-row",
           "c": "display:table-cell;border:1px solid #999;padding:4px"}
    s = '<div class="vb-table">\n'
    for kind, cells in rows:
        if linked:
            s += '<div class="vb-row%s">' % (" vb-head" if kind == "h" else " vb-group" if kind == "g" else "")
            s += "".join('<div class="vb-cell">%s</div>' % e(x) for x in cells)
        else:
            s += '<div style="%s%s">' % (css["r"], ";font-weight:bold" if kind else "")
            s += "".join('<div style="%s">%s</div>' % (css["c"], e(x)) for x in cells)
        s += "</div>\n"
    s += "</div>\n"
    if not linked:
        s = s.replace('<div class="vb-table">', '<div style="%s">' % css["t"], 1)
    link = ('<link rel="stylesheet" href="https://anbinhtay.bachoa.gov.vn/themes/portal/css/vanban.min.css?v=2.3.1" type="text/css">\n'
            '<link rel="stylesheet" href="/themes/portal/css/bootstrap.min.css">\n' if linked else "")
    return ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">\n<title>%s - Cổng thông tin điện tử phường An Bình Tây</title>\n'
            '%s</head>\n<body>\n<div class="header"><a href="/">Trang chủ</a> | <a href="/tin-tuc">Tin tức</a> | '
            '<a href="/van-ban">Văn bản</a></div>\n<div class="article">\n<h1>Kế hoạch chuyển đổi số phường An Bình Tây</h1>\n'
            '<div class="meta">Cập nhật: 21/02/2026 08:15 | Lượt xem: 301</div>\n'
            '<div class="doc-head"><div><b>%s</b><br>Số: %s</div><div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>'
            'Độc lập - Tự do - Hạnh phúc</b><br><i>%s</i></div></div>\n<p style="text-align:center"><b>KẾ HOẠCH</b></p>\n'
            '<p style="text-align:center"><b>%s</b></p>\n<p>Ủy ban nhân dân phường xác định các chỉ tiêu chủ yếu như sau:</p>\n'
            '%s<p>Giao Văn phòng HĐND và UBND phường theo dõi, tổng hợp.</p>\n<div class="sign"><b>%s</b><br><br><b>%s</b></div>\n'
            '</div>\n<div class="footer">Bản quyền thuộc UBND phường An Bình Tây</div>\n</body></html>\n'
            % (e(p["title"]), link, "<br>".join(p["issuer"]), p["number"], p["place_date"], e(p["title"]), s,
               "<br>".join(p["signer"]), p["signee"]))


# ========================================================== Writer .odt
ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"')
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def op(text, style="P1"):
    return '<text:p text:style-name="%s">%s</text:p>' % (style, e(text))


def ocell(text, style="P2", span=1, rspan=1):
    a = (' table:number-columns-spanned="%d"' % span if span > 1 else "") + (
        ' table:number-rows-spanned="%d"' % rspan if rspan > 1 else "")
    return '<table:table-cell table:style-name="Cell" office:value-type="string"%s>%s</table:table-cell>' % (a, op(text, style))


COVER = "<table:covered-table-cell/>"


def odt_c(path):
    p = C
    years = ["Năm %d" % y for y in p["milestones"]]
    ncol = 3 + len(years) + 1
    hdr = ("<table:table-header-rows><table:table-row>%s%s%s%s%s</table:table-row><table:table-row>%s%s%s</table:table-row>"
           "</table:table-header-rows>" % (
               ocell("TT", "PH", rspan=2), ocell("Chỉ tiêu", "PH", rspan=2), ocell("Đơn vị tính", "PH", rspan=2),
               ocell("Lộ trình thực hiện", "PH", span=len(years)) + COVER * (len(years) - 1),
               ocell("Cơ quan chủ trì", "PH", rspan=2), COVER * 3, "".join(ocell(y, "PH") for y in years), COVER))
    body = ""
    for k, (gname, items) in enumerate(p["groups"]):
        body += "<table:table-row>%s%s%s</table:table-row>" % (
            ocell(ROMAN[k], "PH"), ocell(gname, "PB", span=ncol - 1), COVER * (ncol - 2))
        for num, name, unit, lead, tg in items:
            body += "<table:table-row>%s</table:table-row>" % "".join(
                [ocell(num, "PC"), ocell(name), ocell(unit, "PC")] + [ocell(x["text"], "PC") for x in tg] + [ocell(lead)])
    cols = '<table:table-column table:style-name="ColN"/><table:table-column table:style-name="ColW"/>' + \
        '<table:table-column table:style-name="ColN"/>' * (ncol - 3) + '<table:table-column table:style-name="ColL"/>'
    ind = '<table:table table:name="Bảng1" table:style-name="TLand">%s%s%s</table:table>' % (cols, hdr, body)
    tk = '<table:table-row>%s</table:table-row>' % "".join(ocell(h, "PH") for h in (
        "TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"))
    tk = "<table:table-header-rows>%s</table:table-header-rows>" % tk
    for i, (title, lead, part, when) in enumerate(p["tasks"]):
        tk += "<table:table-row>%s</table:table-row>" % "".join(
            [ocell(str(i + 1), "PC"), ocell(title), ocell(lead), ocell(part), ocell(when, "PC")])
    tasks = ('<table:table table:name="Bảng2" table:style-name="TPort"><table:table-column table:number-columns-repeated="5"/>%s'
             '</table:table>' % tk)
    letter = ('<table:table table:name="Bảng0"><table:table-column table:number-columns-repeated="2"/><table:table-row>'
              '<table:table-cell>%s</table:table-cell><table:table-cell>%s</table:table-cell></table:table-row></table:table>'
              % ("".join(op(x, "PH") for x in p["issuer"]) + op("Số: " + p["number"], "PC"),
                 op("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PH") + op("Độc lập - Tự do - Hạnh phúc", "PH") + op(p["place_date"], "PC")))
    text = letter + op("KẾ HOẠCH", "PH") + op(p["title"], "PH")
    text += op("Căn cứ Chương trình hành động của Tỉnh ủy; Ủy ban nhân dân tỉnh giao Sở Khoa học và Công nghệ chủ trì "
               "xây dựng Kế hoạch với các nội dung sau:")
    for i in range(9):
        text += op("%d. Quan điểm, mục tiêu chung: khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá "
                   "phát triển hàng đầu, là động lực chính để phát triển nhanh lực lượng sản xuất hiện đại của tỉnh; "
                   "mọi cơ quan, đơn vị phải quán triệt và cụ thể hóa trong kế hoạch hằng năm." % (i + 1))
    text += op("II. CHỈ TIÊU CỤ THỂ", "PLand") + op(
        "Các chỉ tiêu được giao theo lộ trình từng năm tại bảng dưới đây; các cơ quan chủ trì chịu trách nhiệm "
        "tổng hợp, báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15 tháng 12 hằng năm để theo dõi.")
    text += ind + op("III. NHIỆM VỤ TRỌNG TÂM", "PPort") + tasks
    text += op("IV. TỔ CHỨC THỰC HIỆN") + op("Các sở, ngành, địa phương căn cứ Kế hoạch này triển khai thực hiện.")
    text += "".join(op(x, "PH") for x in p["signer"]) + op("") + op(p["signee"], "PH")
    auto = ('<office:automatic-styles>'
            '<style:style style:name="TLand" style:family="table">'
            '<style:table-properties style:width="25.7cm" table:align="margins"/></style:style>'
            '<style:style style:name="TPort" style:family="table"><style:table-properties style:width="16.5cm" table:align="margins"/></style:style>'
            '<style:style style:name="ColN" style:family="table-column"><style:table-column-properties style:column-width="1.9cm"/></style:style>'
            '<style:style style:name="ColW" style:family="table-column"><style:table-column-properties style:column-width="8cm"/></style:style>'
            '<style:style style:name="ColL" style:family="table-column"><style:table-column-properties style:column-width="4.3cm"/></style:style>'
            '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.15cm" '
            'fo:border="0.5pt solid #000000" style:vertical-align="middle"/></style:style>'
            '<style:style style:name="PLand" style:family="paragraph" style:parent-style-name="P1" style:master-page-name="Landscape">'
            '<style:text-properties fo:font-weight="bold"/></style:style>'
            '<style:style style:name="PPort" style:family="paragraph" style:parent-style-name="P1" style:master-page-name="Standard">'
            '<style:text-properties fo:font-weight="bold"/></style:style>'
            '</office:automatic-styles>')
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s>%s<office:body><office:text>%s'
               '</office:text></office:body></office:document-content>' % (ODF_NS, auto, text))
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s><office:styles>'
              '<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="13pt" fo:language="vi" fo:country="VN"/></style:default-style>'
              '<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/></style:style>'
              '<style:style style:name="P2" style:family="paragraph"><style:text-properties fo:font-size="12pt"/></style:style>'
              '<style:style style:name="PC" style:family="paragraph" style:parent-style-name="P2"><style:paragraph-properties fo:text-align="center"/></style:style>'
              '<style:style style:name="PH" style:family="paragraph" style:parent-style-name="P2"><style:paragraph-properties fo:text-align="center"/>'
              '<style:text-properties fo:font-weight="bold"/></style:style>'
              '<style:style style:name="PB" style:family="paragraph" style:parent-style-name="P2"><style:text-properties fo:font-weight="bold"/></style:style>'
              '</office:styles><office:automatic-styles>'
              '<style:page-layout style:name="pmPort"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
              'style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/></style:page-layout>'
              '<style:page-layout style:name="pmLand"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" '
              'style:print-orientation="landscape" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>'
              '</office:automatic-styles><office:master-styles>'
              '<style:master-page style:name="Standard" style:page-layout-name="pmPort"/>'
              '<style:master-page style:name="Landscape" style:page-layout-name="pmLand"/>'
              '</office:master-styles></office:document-styles>' % ODF_NS)
    mt = "application/vnd.oasis.opendocument.text"
    zwrite(path, [("META-INF/manifest.xml", MANIFEST % mt), ("content.xml", content), ("styles.xml", styles)], ("mimetype", mt))


# ================================================== Google Sheets .xlsx
def col(i):
    return chr(ord("A") + i)


def sheet_rows_d():
    """The sheet as rows of cells: (text, kind) with kind "s" text, "n" a
    number, "f" the STT formula; merges as ranges."""
    p = D
    years = ["Năm %d" % y for y in p["milestones"]]
    rows = [[(p["issuer"][0] + " " + p["issuer"][1], "s")], [("Số: " + p["number"], "s")], [("KẾ HOẠCH", "s")],
            [(p["title"], "s")], [(p["place_date"], "s")], [],
            [(h, "s") for h in ["STT", "Chỉ tiêu", "Đơn vị tính"] + years + ["Chủ trì", "Phối hợp"]]]
    groups = []
    for k, (gname, items) in enumerate(p["groups"]):
        rows.append([(ROMAN[k], "s"), (gname, "s")])
        groups.append(len(rows))
        for i, (num, name, unit, lead, part, tg) in enumerate(items):
            tgc = [(x["text"], "n" if x["text"].isdigit() and not x["text"].startswith("0") else "s") for x in tg]
            rows.append([(num, "f1" if i == 0 else "f"), (name, "s"), (unit, "s")] + tgc + [(lead, "s"), (part, "s")])
    return rows, groups


def xlsx_d(path):
    rows, groups = sheet_rows_d()
    data = ""
    shared_at = None
    for r, cells in enumerate(rows, 1):
        data += '<row r="%d">' % r
        for c, (text, kind) in enumerate(cells):
            ref = "%s%d" % (col(c), r)
            if kind == "n":
                data += '<c r="%s"><v>%s</v></c>' % (ref, text)
            elif kind == "f1":
                data += '<c r="%s"><v>%s</v></c>' % (ref, text)
                shared_at = None
            elif kind == "f":  # =A(r-1)+1, shared from the first such cell of its group
                if shared_at is None:
                    shared_at = r
                    last = r
                    while last + 1 <= len(rows) and rows[last] and rows[last][0][1] == "f":
                        last += 1
                    data += '<c r="%s"><f t="shared" ref="A%d:A%d" si="%d">A%d+1</f><v>%s</v></c>' % (
                        ref, r, last, r, r - 1, text)
                    si = r
                else:
                    data += '<c r="%s"><f t="shared" si="%d"/><v>%s</v></c>' % (ref, si, text)
            else:
                data += '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, e(text))
        data += "</row>"
    merges = ['A1:H1', 'A3:H3', 'A4:H4'] + ['B%d:H%d' % (g, g) for g in groups]
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr>'
             '<sheetFormatPr customHeight="1" defaultColWidth="14.43" defaultRowHeight="15.0"/><sheetData>%s</sheetData>'
             '<mergeCells count="%d">%s</mergeCells></worksheet>' % (data, len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
    p = D
    trows = '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Nhiệm vụ</t></is></c>' \
            '<c r="C1" t="inlineStr"><is><t>Chủ trì</t></is></c><c r="D1" t="inlineStr"><is><t>Phối hợp</t></is></c>' \
            '<c r="E1" t="inlineStr"><is><t>Thời gian hoàn thành</t></is></c></row>'
    for i, task in enumerate(p["tasks"]):
        r = i + 2
        trows += '<row r="%d"><c r="A%d"><v>%d</v></c>%s</row>' % (r, r, i + 1, "".join(
            '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col(k + 1), r, e(x)) for k, x in enumerate(task)))
    sheet2 = sheet.split("<sheetData>")[0] + "<sheetData>%s</sheetData></worksheet>" % trows
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets>'
          '<sheet state="visible" name="Chỉ tiêu" sheetId="1" r:id="rId3"/><sheet state="visible" name="Nhiệm vụ" sheetId="2" r:id="rId4"/>'
          '</sheets><definedNames/><calcPr/></workbook>')
    wrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
             '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
             '</Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>'
          '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" PartName="/xl/worksheets/sheet1.xml"/>'
          '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" PartName="/xl/worksheets/sheet2.xml"/>'
          '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" PartName="/xl/workbook.xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    zwrite(path, [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", wrels),
                  ("xl/worksheets/sheet1.xml", sheet), ("xl/worksheets/sheet2.xml", sheet2)])


def ods_d(path):
    """Calc's .ods of the plan: the lead merged down its group's rows
    (covered cells under it), the group's name across (covered cells
    beside it), identical neighbours written once with a repeat count, the
    blank rows between the title and the table as one repeated row."""
    p = D
    years = ["Năm %d" % y for y in p["milestones"]]
    ncol = 3 + len(years) + 2

    def cell(text, span=1, rspan=1, rep=1):
        a = (' table:number-columns-spanned="%d"' % span if span > 1 else "") + (
            ' table:number-rows-spanned="%d"' % rspan if rspan > 1 else "") + (
            ' table:number-columns-repeated="%d"' % rep if rep > 1 else "")
        if text.isdigit() and not text.startswith("0"):
            return '<table:table-cell office:value-type="float" office:value="%s"%s><text:p>%s</text:p></table:table-cell>' % (text, a, text)
        return '<table:table-cell office:value-type="string"%s><text:p>%s</text:p></table:table-cell>' % (a, e(text))

    def row(cells, rep=1):
        return '<table:table-row%s>%s</table:table-row>' % (' table:number-rows-repeated="%d"' % rep if rep > 1 else "", cells)

    blank = '<table:table-cell table:number-columns-repeated="%d"/>' % ncol
    s = row(cell(p["issuer"][0] + " " + p["issuer"][1], span=ncol) + COVER.replace("/>", ' table:number-columns-repeated="%d"/>' % (ncol - 1)))
    s += row(cell("Số: " + p["number"]) + '<table:table-cell table:number-columns-repeated="%d"/>' % (ncol - 1))
    for x in ("KẾ HOẠCH", p["title"]):
        s += row(cell(x, span=ncol) + COVER.replace("/>", ' table:number-columns-repeated="%d"/>' % (ncol - 1)))
    s += row(cell(p["place_date"]) + '<table:table-cell table:number-columns-repeated="%d"/>' % (ncol - 1))
    s += row(blank, 2)
    s += row("".join(cell(h) for h in ["STT", "Chỉ tiêu", "Đơn vị tính"] + years + ["Chủ trì", "Phối hợp"]))
    for k, (gname, items) in enumerate(p["groups"]):
        s += row(cell(ROMAN[k]) + cell(gname, span=ncol - 1) + COVER.replace("/>", ' table:number-columns-repeated="%d"/>' % (ncol - 2)))
        for i, (num, name, unit, lead, part, tg) in enumerate(items):
            tcells, j = "", 0
            while j < len(tg):  # identical neighbours: one cell, repeated
                n = 1
                while j + n < len(tg) and tg[j + n]["text"] == tg[j]["text"]:
                    n += 1
                tcells += cell(tg[j]["text"], rep=n)
                j += n
            leadc = cell(lead, rspan=len(items)) if i == 0 else COVER
            s += row(cell(num) + cell(name) + cell(unit) + tcells + leadc + cell(part))
    s += row(blank, 3)
    s += row("".join(cell(h) for h in ("STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian hoàn thành")) +
             '<table:table-cell table:number-columns-repeated="%d"/>' % (ncol - 5))
    for i, task in enumerate(p["tasks"]):
        s += row(cell(str(i + 1)) + "".join(cell(x) for x in task) + '<table:table-cell table:number-columns-repeated="%d"/>' % (ncol - 5))
    s += row('<table:table-cell table:number-columns-repeated="1024"/>', 1048500)
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:spreadsheet>'
               '<table:table table:name="Chỉ tiêu"><table:table-column table:number-columns-repeated="%d"/>%s</table:table>'
               '</office:spreadsheet></office:body></office:document-content>' % (ODF_NS, ncol, s))
    mt = "application/vnd.oasis.opendocument.spreadsheet"
    zwrite(path, [("META-INF/manifest.xml", (MANIFEST % mt).replace(
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>', "")), ("content.xml", content)],
        ("mimetype", mt))


# ---------------------------------------------------------------- goldens
def golden(p):
    title = "Kế hoạch " + p["title"][0].lower() + p["title"][1:]
    groups, inds = [], []
    years = [str(y) for y in p["milestones"]]
    for k, (gname, rows) in enumerate(p["groups"]):
        code = ROMAN[k]
        groups.append({"code": code, "name": gname})
        for r in rows:
            base = part = None
            if p is A:
                num, name, unit, base, lead, part, tg = r
            elif p is D:
                num, name, unit, lead, part, tg = r
            else:
                num, name, unit, lead, tg = r
            inds.append({"code": "%s.%s" % (code, num), "group": code, "name": name, "unit": unit,
                         "baseline_text": base, "lead": lead, "monitor": None, "partners": part,
                         "targets": dict(zip(years, tg))})
    tasks = [{"code": "I.%d" % (i + 1), "group": "I", "title": r[0], "lead": r[1], "implementers": r[2],
              "timeframe": r[3]} for i, r in enumerate(p["tasks"])]
    return {"title": title, "number": p["number"], "date": p["date"], "milestones": p["milestones"],
            "groups": groups, "task_groups": [{"code": "I", "name": "Nhiệm vụ"}] if tasks else [],
            "indicators": inds, "tasks": tasks}


def main():
    out = sys.argv[1]

    def put(name, text):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
    docx_a(os.path.join(out, "xa-dong-phuoc.wps.docx"))
    put("phuong-an-binh-tay.link.html", portal_b(True))
    put("phuong-an-binh-tay.inline.html", portal_b(False))
    odt_c(os.path.join(out, "so-khcn-bac-hoa.odt"))
    xlsx_d(os.path.join(out, "xa-tan-hiep-dong.gsheets.xlsx"))
    ods_d(os.path.join(out, "xa-tan-hiep-dong.ods"))
    for p in (A, B, C, D):
        put(p["name"] + ".golden.json", json.dumps(golden(p), ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
