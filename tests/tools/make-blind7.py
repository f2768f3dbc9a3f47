#!/usr/bin/env python3
"""make-blind7.py OUTDIR: the four plans of tests/data/blind7 as HTML (NAME.html)
and their golden facts (NAME.golden.json). Each plan's cells and facts are
written here by hand, once: a target is (the cell as printed, its kind, op,
value or min/max); the HTML layout is each plan's own (see the README)."""
import json
import os
import sys

from blindlib import KEEP, N, NONE, ROMAN, e, head, sign, t

def txt(text):
    return {"text": text, "kind": "text"}


DONE = {"text": "Hoàn thành", "kind": "yes"}

# --------------------------------------------------------------- xa-tan-hoa
# A commune: each indicator over three rows, one per milestone ("Năm 2026",
# "Năm 2027", "Năm 2030" in a column "Mốc thời gian"); its number, name,
# unit and agencies spanning the three rows; tasks "Sản phẩm" and "Thời gian
# hoàn thành" ("Quý II/2026").
E = {
    "name": "xa-tan-hoa",
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"], "number": "35/KH-UBND",
    "place_date": "Tân Hòa, ngày 02 tháng 3 năm 2026", "date": "2026-03-02",
    "title": "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Tân Hòa đến năm 2030",
    "milestones": [2026, 2027, 2030],
    "groups": [("I", "CHUYỂN ĐỔI SỐ TRONG CƠ QUAN NHÀ NƯỚC", [
        ("1", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "%",
         "Văn phòng HĐND và UBND", "Trung tâm Phục vụ hành chính công xã",
         [t("≥ 60", value=60), t("≥ 75", value=75), t("≥ 90", value=90)]),
        ("2", "Tỷ lệ văn bản đi được ký số", "%", "Văn phòng HĐND và UBND", "Các phòng chuyên môn",
         [t("98", value=98), t("100", value=100), KEEP]),
        ("3", "Số cơ sở dữ liệu chuyên ngành của xã được kết nối, chia sẻ", "Cơ sở dữ liệu",
         "Phòng Văn hóa - Xã hội", "-", [t("02", value=2), t("04", value=4), t("Tối thiểu 8", value=8)]),
    ]), ("II", "KINH TẾ SỐ VÀ XÃ HỘI SỐ", [
        ("4", "Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán điện tử", "%",
         "Phòng Kinh tế", "Các ngân hàng trên địa bàn",
         [t("70 - 75", "range", lo=70, hi=75), t("80", value=80), t("Trên 90", op=">", value=90)]),
        ("5", "Số sản phẩm OCOP được bán trên sàn thương mại điện tử", "Sản phẩm", "Phòng Kinh tế",
         "Hội Nông dân xã", [t("05", value=5), t("08", value=8), t("15", value=15)]),
        ("6", "Xếp hạng chỉ số chuyển đổi số cấp xã", "Thứ bậc", "Văn phòng HĐND và UBND", "-",
         [NONE, t("Nằm trong tốp 30 của tỉnh", "rank", value=30), t("Nằm trong tốp 15 của tỉnh", "rank", value=15)]),
    ])],
    "tasks": [
        ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", "Bộ dữ liệu số hóa",
         "Văn phòng HĐND và UBND", "Trung tâm Phục vụ hành chính công xã", "Quý II/2026"),
        ("Xây dựng bản đồ số các cơ sở sản xuất, kinh doanh trên địa bàn xã", "Bản đồ số",
         "Phòng Kinh tế", "Các thôn", "Quý IV/2026"),
        ("Tập huấn kỹ năng số cho cán bộ, công chức và Tổ công nghệ số cộng đồng", "Lớp tập huấn",
         "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên xã", "Hằng năm"),
    ],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Võ Minh Tâm",
}

# ------------------------------------------------------------ so-khcn-phu-lam
# A province's department: "TT | Chỉ tiêu | ĐVT | Hiện trạng 2024 | Mục tiêu
# 2025 | 2030 | Cơ quan chủ trì / phối hợp" (one cell: "lead / partners", or
# the two on lines of their own); groups "1.", "2." over rows "a)", "b)".
F = {
    "name": "so-khcn-phu-lam",
    "issuer": ["UBND TỈNH PHÚ LÂM", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "number": "64/KH-SKHCN",
    "place_date": "Phú Lâm, ngày 20 tháng 01 năm 2026", "date": "2026-01-20",
    "title": "Triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị trong ngành khoa học và công nghệ tỉnh Phú Lâm",
    "milestones": [2025, 2030],
    "groups": [("1", "Nghiên cứu, ứng dụng khoa học và công nghệ", [
        ("a", "Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo trong tổng chi ngân sách tỉnh", "%", "1,2",
         "Sở Khoa học và Công nghệ", "Sở Tài chính", "/",
         [t("≥ 2", value=2), t("≥ 3", value=3)]),
        ("b", "Số nhiệm vụ khoa học và công nghệ cấp tỉnh được nghiệm thu và ứng dụng", "Nhiệm vụ", "14",
         "Sở Khoa học và Công nghệ", "Các sở, ban, ngành", "br",
         [t("20", value=20), t("Tối thiểu 30", value=30)]),
        ("c", "Số đơn đăng ký sáng chế, giải pháp hữu ích của tổ chức, cá nhân trong tỉnh", "Đơn", "6",
         "Sở Khoa học và Công nghệ", "Các trường đại học, cao đẳng", "/",
         [t("10", value=10), t("25 - 30", "range", lo=25, hi=30)]),
    ]), ("2", "Đổi mới sáng tạo và khởi nghiệp", [
        ("a", "Số doanh nghiệp khởi nghiệp đổi mới sáng tạo được hỗ trợ", "Doanh nghiệp", "12",
         "Sở Khoa học và Công nghệ", "Tỉnh Đoàn", "br",
         [t("Trên 15", op=">", value=15), t("Trên 40", op=">", value=40)]),
        ("b", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", "%", "18",
         "Sở Công Thương", "Sở Khoa học và Công nghệ", "/",
         [t("25", value=25), t("40", value=40)]),
        ("c", "Xếp hạng Chỉ số đổi mới sáng tạo cấp địa phương (PII)", "Thứ bậc", "38",
         "Sở Khoa học và Công nghệ", "-", "/",
         [t("Nằm trong tốp 35 của cả nước", "rank", value=35), t("Nằm trong tốp 25 của cả nước", "rank", value=25)]),
    ])],
    "tasks": [],
    "signer": ["GIÁM ĐỐC"], "signee": "Đặng Thị Hồng",
}

# ------------------------------------------------------------- phuong-phu-my
# A ward's plan as a legal portal serves it: <colgroup>, MsoNormal <p> and
# <span>s with &nbsp; in every cell, the number and group cells spanning
# rows; Roman groups with a note row ("Ghi chú: ...") across the table;
# "100% (đạt chuẩn)", "≥ 1.500 tỷ đồng", "Tăng 10% so với năm 2025",
# "Hoàn thành trước 30/6/2026".
G = {
    "name": "phuong-phu-my",
    "issuer": ["ỦY BAN NHÂN DÂN", "PHƯỜNG PHÚ MỸ"], "number": "19/KH-UBND",
    "place_date": "Phú Mỹ, ngày 12 tháng 02 năm 2026", "date": "2026-02-12",
    "title": "Đẩy mạnh chuyển đổi số và đổi mới sáng tạo phường Phú Mỹ năm 2026",
    "milestones": [2026],
    "groups": [("I", "HẠ TẦNG VÀ CHÍNH QUYỀN SỐ", [
        ("1", "Tỷ lệ khu phố có điểm truy cập Internet công cộng", "%", "Phòng Văn hóa - Xã hội",
         "Các doanh nghiệp viễn thông", [t("100% (đạt chuẩn)", value=100)]),
        ("2", "Hoàn thành kết nối hệ thống camera an ninh với Trung tâm giám sát điều hành thông minh", "Hệ thống",
         "Công an phường", "Phòng Kinh tế, Hạ tầng và Đô thị", [txt("Hoàn thành trước 30/6/2026")]),
        ("3", "Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến", "%", "Văn phòng HĐND và UBND",
         "-", [t("≥ 80%", value=80)]),
    ], "Ghi chú: Chỉ tiêu số 3 tính trên tổng số hồ sơ tiếp nhận trong năm."),
        ("II", "KINH TẾ SỐ", [
        ("4", "Doanh thu thương mại điện tử của doanh nghiệp, hộ kinh doanh trên địa bàn", "Tỷ đồng",
         "Phòng Kinh tế, Hạ tầng và Đô thị", "Hội Doanh nghiệp phường", [t("≥ 1.500 tỷ đồng", value=1500)]),
        ("5", "Số giao dịch thanh toán không dùng tiền mặt tại chợ truyền thống", "Giao dịch/tháng",
         "Phòng Kinh tế, Hạ tầng và Đô thị", "Ban quản lý chợ", [txt("Tăng 10% so với năm 2025")]),
    ], "Ghi chú: Số liệu doanh thu do Chi cục Thuế khu vực cung cấp."),
        ("III", "XÃ HỘI SỐ", [
        ("6", "Tỷ lệ hộ gia đình có địa chỉ số gắn với bản đồ số", "%", "Công an phường",
         "Các khu phố", [t("Trên 95%", op=">", value=95)]),
    ], None)],
    "tasks": [
        ("Xây dựng Trung tâm dữ liệu dùng chung của phường", "Văn phòng HĐND và UBND",
         "Phòng Kinh tế, Hạ tầng và Đô thị", "Quý III/2026"),
        ("Triển khai chợ số, thanh toán không dùng tiền mặt tại các chợ", "Phòng Kinh tế, Hạ tầng và Đô thị",
         "Ban quản lý chợ", "Năm 2026"),
    ],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Huỳnh Ngọc Lan",
}

# ---------------------------------------------------------- xa-long-phuoc
# A commune's long table (16 indicators over three groups) set on two or
# three pages by Writer, its header row repeated on each (<thead>): a plain
# "STT | Chỉ tiêu | ĐVT | Năm 2026 | Năm 2028 | Năm 2030 | Cơ quan chủ trì |
# Cơ quan phối hợp"; then tasks "Sản phẩm | Thời gian hoàn thành".
NAMES = [
    ("Tỷ lệ dịch vụ công trực tuyến toàn trình", "%", [t("≥ 80", value=80), t("≥ 90", value=90), t("100", value=100)]),
    ("Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", "%", [t("95", value=95), t("100", value=100), KEEP]),
    ("Số cuộc họp trực tuyến của Ủy ban nhân dân xã", "Cuộc", [t("12", value=12), t("24", value=24), t("36", value=36)]),
    ("Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số", "%", [t("70", value=70), t("85", value=85), t("100", value=100)]),
    ("Tỷ lệ thôn có sóng di động 4G/5G", "%", [t("100", value=100), KEEP, KEEP]),
    ("Số điểm phát Wi-Fi công cộng miễn phí", "Điểm", [t("06", value=6), t("10", value=10), t("Tối thiểu 15", value=15)]),
    ("Tỷ lệ hộ gia đình có Internet cáp quang", "%", [t("75 - 80", "range", lo=75, hi=80), t("85", value=85), t("Trên 95", op=">", value=95)]),
    ("Tỷ lệ hộ kinh doanh sử dụng thanh toán không dùng tiền mặt", "%", [t("60", value=60), t("75", value=75), t("≥ 90", value=90)]),
    ("Số hợp tác xã có gian hàng trên sàn thương mại điện tử", "Hợp tác xã", [t("03", value=3), t("05", value=5), t("08", value=8)]),
    ("Doanh thu bán hàng trực tuyến của hộ sản xuất", "%/năm", [NONE, t("Tăng trung bình 10%/năm", "growth", value=10), t("Tăng trung bình 10%/năm", "growth", value=10)]),
    ("Số mô hình nông nghiệp ứng dụng công nghệ cao", "Mô hình", [t("02", value=2), t("04", value=4), t("06", value=6)]),
    ("Tỷ lệ người dân trưởng thành có danh tính điện tử", "%", [t("≥ 85", value=85), t("≥ 92", value=92), t("≥ 98", value=98)]),
    ("Tỷ lệ người dân sử dụng ứng dụng y tế số", "%", [t("50", value=50), t("65", value=65), t("80", value=80)]),
    ("Tỷ lệ trường học triển khai học bạ số", "%", [t("100", value=100), KEEP, KEEP]),
    ("Số Tổ công nghệ số cộng đồng hoạt động thường xuyên", "Tổ", [t("09", value=9), KEEP, KEEP]),
    ("Tỷ lệ người dân được phổ cập kỹ năng số cơ bản", "%", [t("40", value=40), t("60", value=60), t("Trên 80", op=">", value=80)]),
]
LEADS = ["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội"]
PARTS = ["Các phòng chuyên môn", "Các thôn", "Đoàn Thanh niên xã"]
H = {
    "name": "xa-long-phuoc",
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ LONG PHƯỚC"], "number": "27/KH-UBND",
    "place_date": "Long Phước, ngày 06 tháng 02 năm 2026", "date": "2026-02-06",
    "title": "Chuyển đổi số và phát triển khoa học, công nghệ xã Long Phước giai đoạn 2026 - 2030",
    "milestones": [2026, 2028, 2030],
    "groups": [(g, gname, [("%d" % (i + 1), NAMES[i][0], NAMES[i][1], LEADS[k], PARTS[(i + k) % 3], NAMES[i][2])
                           for i in rng])
               for k, (g, gname, rng) in enumerate((("I", "CHÍNH QUYỀN SỐ", range(0, 4)),
                                                    ("II", "HẠ TẦNG SỐ VÀ KINH TẾ SỐ", range(4, 11)),
                                                    ("III", "XÃ HỘI SỐ", range(11, 16))))],
    "tasks": [
        ("Nâng cấp hệ thống mạng nội bộ và thiết bị của Ủy ban nhân dân xã", "Hệ thống mạng được nâng cấp",
         "Văn phòng HĐND và UBND", "Các phòng chuyên môn", "Quý II/2026"),
        ("Hỗ trợ hợp tác xã mở gian hàng trên sàn thương mại điện tử", "Gian hàng trực tuyến",
         "Phòng Kinh tế", "Hội Nông dân xã", "Quý III/2026"),
        ("Tổ chức phong trào “Bình dân học vụ số” tại các thôn", "Báo cáo kết quả",
         "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên xã", "Quý IV/2026"),
    ],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "signee": "Lê Văn Phúc",
}

def product_tasks(p):
    s = ('<table class="t">\n<thead><tr><th>STT</th><th>Nhiệm vụ</th><th>Sản phẩm</th><th>Cơ quan chủ trì</th>'
         '<th>Cơ quan phối hợp</th><th>Thời gian hoàn thành</th></tr></thead>\n')
    for i, row in enumerate(p["tasks"]):
        s += "<tr><td>%d</td>%s</tr>\n" % (i + 1, "".join("<td>%s</td>" % e(c) for c in row))
    return s + "</table>\n"


def html_e(p):
    s = head(p)
    s += "<p>Ủy ban nhân dân xã Tân Hòa ban hành Kế hoạch với các chỉ tiêu và nhiệm vụ sau:</p>\n"
    s += ('<p><b>I. CÁC CHỈ TIÊU CHỦ YẾU</b></p>\n<table class="t">\n<tr><th>STT</th><th>Chỉ tiêu</th><th>ĐVT</th>'
          '<th>Mốc thời gian</th><th>Mục tiêu</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th></tr>\n')
    years = ["Năm %d" % y for y in p["milestones"]]
    for g, gname, rows in p["groups"]:
        s += "<tr><td><b>%s</b></td><td colspan=\"6\"><b>%s</b></td></tr>\n" % (g, gname)
        for num, name, unit, lead, part, tg in rows:
            for k, (y, x) in enumerate(zip(years, tg)):
                if k == 0:
                    s += ('<tr><td rowspan="3">%s</td><td rowspan="3">%s</td><td rowspan="3">%s</td><td>%s</td><td>%s</td>'
                          '<td rowspan="3">%s</td><td rowspan="3">%s</td></tr>\n') % (
                        num, e(name), e(unit), y, e(x["text"]), e(lead), e(part))
                else:
                    s += "<tr><td>%s</td><td>%s</td></tr>\n" % (y, e(x["text"]))
    s += "</table>\n<p><b>II. NHIỆM VỤ TRỌNG TÂM</b></p>\n" + product_tasks(p)
    s += "<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>\n<p>Các phòng chuyên môn báo cáo kết quả hằng quý.</p>\n"
    return s + sign(p) + "</body></html>\n"


def html_f(p):
    s = head(p)
    s += ("<p>Sở Khoa học và Công nghệ xây dựng Kế hoạch triển khai Nghị quyết số 57-NQ/TW với các chỉ tiêu "
          "chủ yếu như sau:</p>\n")
    s += ('<table class="t">\n<tr><th>TT</th><th>Chỉ tiêu</th><th>ĐVT</th><th>Hiện trạng 2024</th>'
          '<th>Mục tiêu 2025</th><th>2030</th><th>Cơ quan chủ trì / phối hợp</th></tr>\n')
    for g, gname, rows in p["groups"]:
        s += "<tr><td><b>%s.</b></td><td colspan=\"6\"><b>%s</b></td></tr>\n" % (g, gname)
        for num, name, unit, base, lead, part, how, tg in rows:
            agency = ("%s / %s" % (e(lead), e(part)) if how == "/" else "%s<br>%s" % (e(lead), e(part))) \
                if part != "-" else e(lead)
            s += "<tr><td>%s)</td><td>%s</td><td>%s</td><td>%s</td>%s<td>%s</td></tr>\n" % (
                num, e(name), e(unit), e(base), "".join("<td>%s</td>" % e(x["text"]) for x in tg), agency)
    s += "</table>\n<p>Các phòng, đơn vị thuộc Sở triển khai thực hiện, báo cáo kết quả hằng năm.</p>\n"
    return s + sign(p) + "</body></html>\n"


def span(text, bold=False):
    """A portal's cell text: MsoNormal <p>, <span>s, &nbsp; for spaces at the ends."""
    inner = '<span style="font-size:11.0pt;font-family:&quot;Times New Roman&quot;">%s</span>' % e(text)
    if bold:
        inner = "<b>%s</b>" % inner
    return '<p class="MsoNormal" style="margin-top:3.0pt;text-align:center">&nbsp;%s&nbsp;</p>' % inner


def html_g(p):
    """A legal portal: <colgroup>, rows of MsoNormal paragraphs, the group's
    number cell spanning its rows, note rows across the table."""
    s = head(p, "")
    s += ('<div class="content1"><div><p class="MsoNormal"><span>Ủy ban nhân dân phường Phú Mỹ giao chỉ tiêu năm 2026 '
          'như sau:</span></p>\n')
    s += ('<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">\n'
          '<colgroup><col width="40"><col width="260"><col width="70"><col width="110"><col width="130"><col width="130"></colgroup>\n<tbody>\n')
    heads = ["TT", "Tên chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    s += "<tr>%s</tr>\n" % "".join('<td valign="top">%s</td>' % span(h, True) for h in heads)
    for g, gname, rows, note in p["groups"]:
        s += '<tr><td valign="top">%s</td><td colspan="5" valign="top">%s</td></tr>\n' % (span(g, True), span(gname, True))
        for num, name, unit, lead, part, tg in rows:
            s += "<tr>%s</tr>\n" % "".join('<td valign="top">%s</td>' % span(c)
                                            for c in (num, name, unit, tg[0]["text"], lead, part))
        if note:
            s += '<tr><td colspan="6" valign="top"><p class="MsoNormal"><i><span>%s</span></i></p></td></tr>\n' % e(note)
    s += "</tbody></table>\n"
    s += '<p class="MsoNormal"><b><span>NHIỆM VỤ TRỌNG TÂM</span></b></p>\n'
    s += ('<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n'
          '<colgroup><col width="40"><col width="300"><col width="140"><col width="140"><col width="100"></colgroup>\n<tbody>\n')
    s += "<tr>%s</tr>\n" % "".join('<td valign="top">%s</td>' % span(h, True)
                                   for h in ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"])
    for i, row in enumerate(p["tasks"]):
        s += "<tr>%s</tr>\n" % "".join('<td valign="top">%s</td>' % span(c) for c in (str(i + 1),) + row)
    s += "</tbody></table>\n</div></div>\n"
    return s + sign(p) + "</body></html>\n"


def html_h(p):
    s = head(p)
    s += ("<p>Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã Long Phước ban hành Kế hoạch chuyển đổi "
          "số và phát triển khoa học, công nghệ giai đoạn 2026 - 2030 như sau:</p>\n")
    s += "<p><b>I. MỤC TIÊU</b></p>\n" + "".join(
        "<p>%d. Đến năm 2030, xã Long Phước cơ bản hoàn thành các mục tiêu chuyển đổi số theo Kế hoạch của tỉnh; "
        "người dân, doanh nghiệp được thụ hưởng các dịch vụ số an toàn, thuận tiện.</p>\n" % (i + 1) for i in range(3))
    s += "<p><b>II. CHỈ TIÊU CỤ THỂ</b></p>\n"
    s += ('<table class="t">\n<thead><tr><th>STT</th><th>Chỉ tiêu</th><th>ĐVT</th><th>Năm 2026</th><th>Năm 2028</th>'
          '<th>Năm 2030</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th></tr></thead>\n<tbody>\n')
    for g, gname, rows in p["groups"]:
        s += "<tr><td><b>%s</b></td><td colspan=\"7\"><b>%s</b></td></tr>\n" % (g, gname)
        for num, name, unit, lead, part, tg in rows:
            s += "<tr><td>%s</td><td>%s</td><td>%s</td>%s<td>%s</td><td>%s</td></tr>\n" % (
                num, e(name), e(unit), "".join("<td>%s</td>" % e(x["text"]) for x in tg), e(lead), e(part))
    s += "</tbody></table>\n<p><b>III. NHIỆM VỤ TRỌNG TÂM</b></p>\n" + product_tasks(p)
    s += "<p><b>IV. TỔ CHỨC THỰC HIỆN</b></p>\n<p>Văn phòng HĐND và UBND xã theo dõi, tổng hợp, báo cáo kết quả.</p>\n"
    return s + sign(p) + "</body></html>\n"


def golden(p):
    title = "Kế hoạch " + p["title"][0].lower() + p["title"][1:]
    groups, inds = [], []
    years = [str(y) for y in p["milestones"]]
    for k, grp in enumerate(p["groups"]):
        code = ROMAN[k]
        groups.append({"code": code, "name": grp[1]})
        for r in grp[2]:
            base = part = None
            if p is F:
                num, name, unit, base, lead, part, _, tg = r
                part = None if part == "-" else part  # a lone lead: no partners printed
            else:
                num, name, unit, lead, part, tg = r
            inds.append({"code": "%s.%s" % (code, num), "group": code, "name": name, "unit": unit,
                         "baseline_text": base, "lead": lead, "monitor": None, "partners": part,
                         "targets": dict(zip(years, tg))})
    tasks = [{"code": "I.%d" % (i + 1), "group": "I", "title": r[0], "lead": r[-3], "implementers": r[-2],
              "timeframe": r[-1]} for i, r in enumerate(p["tasks"])]
    return {"title": title, "number": p["number"], "date": p["date"], "milestones": p["milestones"],
            "groups": groups, "task_groups": [{"code": "I", "name": "Nhiệm vụ"}] if tasks else [],
            "indicators": inds, "tasks": tasks}


def main():
    out = sys.argv[1]
    for p, make in ((E, html_e), (F, html_f), (G, html_g), (H, html_h)):
        with open(os.path.join(out, p["name"] + ".html"), "w", encoding="utf-8") as f:
            f.write(make(p))
        with open(os.path.join(out, p["name"] + ".golden.json"), "w", encoding="utf-8") as f:
            json.dump(golden(p), f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
