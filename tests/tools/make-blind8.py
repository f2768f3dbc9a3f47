#!/usr/bin/env python3
"""make-blind8.py OUTDIR: the four plans of tests/data/blind8 (NAME.html and
the sources other renderings are made of) and their golden facts
(NAME.golden.json). Each plan's cells and facts are written here by hand,
once: a target is (the cell as printed, its kind, op, value or min/max);
each plan's layout is its own (see the README). Every table is first a grid
of cells (text, colspan, rowspan, bold), written out as HTML, as a Google
Docs .docx, as a portal's Markdown or as a page of <div>s."""
import json
import os
import sys
import zipfile

from blindlib import KEEP, N, NONE, ROMAN, CSS, e, head, sign, t

# ---------------------------------------------------------------- xa-hoa-son
# A commune: the indicator table split in three, one table per group, each
# under its caption paragraph "I. CHÍNH QUYỀN SỐ" with its own header; rows
# numbered on across the tables (1-3, 4-6, 7-8); no unit column, the unit
# in brackets at the name's end "(%)"; "Lộ trình" merged over "Năm 2026 |
# Năm 2027 | Năm 2028 | Năm 2029 | Năm 2030"; "Chủ trì | Phối hợp".
A = {
    "name": "xa-hoa-son",
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ HÒA SƠN"], "number": "41/KH-UBND",
    "place_date": "Hòa Sơn, ngày 16 tháng 3 năm 2026", "date": "2026-03-16",
    "title": "Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn xã Hòa Sơn giai đoạn 2026 - 2030",
    "milestones": [2026, 2027, 2028, 2029, 2030],
    "groups": [("CHÍNH QUYỀN SỐ", [
        ("1", "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "%",
         "Văn phòng HĐND và UBND", "Trung tâm Phục vụ hành chính công",
         [t("60", value=60), t("70", value=70), t("80", value=80), t("85", value=85), t("≥ 90", value=90)]),
        ("2", "Tỷ lệ văn bản điện tử được ký số", "%", "Văn phòng HĐND và UBND", "Các phòng chuyên môn",
         [t("95", value=95), t("100", value=100), KEEP, KEEP, KEEP]),
        ("3", "Chỉ số chuyển đổi số cấp xã (DTI)", "điểm", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND",
         [t("0,45", value=0.45), t("0,5", value=0.5), t("0,55", value=0.55), t("0,6", value=0.6), t("Trên 0,65", op=">", value=0.65)]),
    ]), ("HẠ TẦNG SỐ", [
        ("4", "Tỷ lệ thôn được phủ sóng di động 5G", "%", "Phòng Kinh tế", "Các doanh nghiệp viễn thông",
         [t("30", value=30), t("50", value=50), t("70", value=70), t("90", value=90), t("100", value=100)]),
        ("5", "Số điểm truy cập Wi-Fi công cộng miễn phí", "điểm", "Phòng Kinh tế", "Các thôn",
         [t("04", value=4), t("06", value=6), t("08", value=8), t("10", value=10), t("Tối thiểu 12", value=12)]),
        ("6", "Tỷ lệ hộ gia đình có Internet cáp quang", "%", "Phòng Kinh tế", "Các doanh nghiệp viễn thông",
         [t("80", value=80), t("85", value=85), t("88", value=88), t("90", value=90), t("≥ 95", value=95)]),
    ]), ("KINH TẾ SỐ VÀ XÃ HỘI SỐ", [
        ("7", "Tỷ lệ người dân trưởng thành có chữ ký số cá nhân", "%", "Công an xã", "Đoàn Thanh niên xã",
         [t("20", value=20), t("30", value=30), t("40", value=40), t("50", value=50), t("Trên 60", op=">", value=60)]),
        ("8", "Số sản phẩm OCOP bán trên sàn thương mại điện tử", "sản phẩm", "Phòng Kinh tế", "Hội Nông dân xã",
         [t("03", value=3), t("05", value=5), NONE, NONE, t("10", value=10)]),
    ])],
    "tasks": [
        ("Xây dựng kho dữ liệu dùng chung của xã", "Văn phòng HĐND và UBND", "Các phòng chuyên môn", "Quý III/2026"),
        ("Phổ cập kỹ năng số cho người dân qua Tổ công nghệ số cộng đồng", "Phòng Văn hóa - Xã hội",
         "Đoàn Thanh niên xã", "Hằng năm"),
    ],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Trịnh Văn Hậu",
}

# --------------------------------------------------------- so-gddt-thach-an
# A province's department: "Lĩnh vực | TT | Chỉ tiêu | Đơn vị tính | Hiện
# trạng năm 2025 | Năm 2026 | Năm 2030 | Đơn vị chủ trì | Đơn vị phối hợp",
# the field's cell first and merged down over its rows (the group), rows
# numbered on 1 … 7 across fields; set landscape between portrait pages.
B = {
    "name": "so-gddt-thach-an",
    "issuer": ["UBND TỈNH THẠCH AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "number": "118/KH-SGDĐT",
    "place_date": "Thạch An, ngày 09 tháng 02 năm 2026", "date": "2026-02-09",
    "title": "Triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị trong ngành giáo dục và đào tạo tỉnh Thạch An",
    "milestones": [2026, 2030],
    "groups": [("Quản trị số", [
        ("1", "Tỷ lệ cơ sở giáo dục sử dụng phần mềm quản lý trường học", "%", "92",
         "Văn phòng Sở", "Các cơ sở giáo dục", [t("100", value=100), KEEP]),
        ("2", "Tỷ lệ hồ sơ học sinh được số hóa", "%", "45",
         "Phòng Giáo dục phổ thông", "Các cơ sở giáo dục", [t("70", value=70), t("100", value=100)]),
        ("3", "Số cơ sở dữ liệu ngành được kết nối với tỉnh", "Cơ sở dữ liệu", "2",
         "Văn phòng Sở", "Sở Khoa học và Công nghệ", [t("03", value=3), t("Tối thiểu 6", value=6)]),
    ]), ("Dạy và học số", [
        ("4", "Tỷ lệ trường trung học phổ thông triển khai học bạ số", "%", "60",
         "Phòng Giáo dục phổ thông", "-", [t("100", value=100), KEEP]),
        ("5", "Số bài giảng điện tử được đưa lên kho học liệu số", "Bài giảng", "1.200",
         "Phòng Giáo dục phổ thông", "Các trường trung học phổ thông", [t("2.000", value=2000), t("5.000", value=5000)]),
    ]), ("Nhân lực số", [
        ("6", "Tỷ lệ giáo viên đạt chuẩn năng lực số", "%", "55",
         "Phòng Tổ chức cán bộ", "Các cơ sở giáo dục", [t("70 - 75", "range", lo=70, hi=75), t("Trên 90", op=">", value=90)]),
        ("7", "Số học sinh tham gia câu lạc bộ STEM, robotics", "Học sinh", "800",
         "Phòng Giáo dục phổ thông", "Tỉnh Đoàn", [t("1.500", value=1500), t("Trên 4.000", op=">", value=4000)]),
    ])],
    "tasks": [
        ("Xây dựng kho học liệu số dùng chung toàn ngành", "Phòng Giáo dục phổ thông", "Các cơ sở giáo dục", "Năm 2026"),
        ("Bồi dưỡng năng lực số cho cán bộ quản lý, giáo viên", "Phòng Tổ chức cán bộ", "Các trường đại học", "2026 - 2030"),
    ],
    "signer": ["GIÁM ĐỐC"], "signee": "Nguyễn Thị Thu Hà",
}

# ---------------------------------------------------------- phuong-tan-phong
# A ward's plan as a province's portal serves it: the table made of <div>s
# (CSS display:table / table-row / table-cell) and, in a second page, a CSS
# grid of <div>s; group rows "I", "II" with the name in the next cell.
C = {
    "name": "phuong-tan-phong",
    "issuer": ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN PHONG"], "number": "22/KH-UBND",
    "place_date": "Tân Phong, ngày 25 tháng 02 năm 2026", "date": "2026-02-25",
    "title": "Chuyển đổi số và đổi mới sáng tạo phường Tân Phong năm 2026 và định hướng đến năm 2030",
    "milestones": [2026, 2030],
    "groups": [("CHÍNH QUYỀN SỐ", [
        ("1", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "%", "Văn phòng HĐND và UBND", [t("≥ 85", value=85), t("100", value=100)]),
        ("2", "Tỷ lệ cán bộ, công chức sử dụng chữ ký số", "%", "Văn phòng HĐND và UBND", [t("100", value=100), KEEP]),
        ("3", "Số cuộc họp không giấy tờ", "Cuộc/năm", "Văn phòng HĐND và UBND", [t("12", value=12), t("24", value=24)]),
    ]), ("KINH TẾ SỐ", [
        ("4", "Tỷ lệ cửa hàng, hộ kinh doanh chấp nhận thanh toán không dùng tiền mặt", "%",
         "Phòng Kinh tế, Hạ tầng và Đô thị", [t("80", value=80), t("Trên 95", op=">", value=95)]),
        ("5", "Số doanh nghiệp nhỏ và vừa được hỗ trợ chuyển đổi số", "Doanh nghiệp",
         "Phòng Kinh tế, Hạ tầng và Đô thị", [t("10", value=10), t("50", value=50)]),
    ]), ("XÃ HỘI SỐ", [
        ("6", "Tỷ lệ khu phố có Tổ công nghệ số cộng đồng hoạt động hiệu quả", "%", "Phòng Văn hóa - Xã hội",
         [t("100", value=100), KEEP]),
    ])],
    "tasks": [],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "signee": "Lâm Quốc Việt",
}

# ------------------------------------------------------------- xa-thanh-my
# A commune: numbered headings "1", "2", "3" (the fields) spanning the
# table, the indicators under them unnumbered, each name a bullet
# "- Tỷ lệ …"; printed with no rules, its rows shaded alternately; and as
# a portal's Markdown whose pipe table has no outer pipes.
D = {
    "name": "xa-thanh-my",
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ THẠNH MỸ"], "number": "16/KH-UBND",
    "place_date": "Thạnh Mỹ, ngày 04 tháng 3 năm 2026", "date": "2026-03-04",
    "title": "Đẩy mạnh chuyển đổi số, phát triển khoa học và công nghệ xã Thạnh Mỹ năm 2026",
    "milestones": [2026, 2030],
    "groups": [("Chính quyền số", [
        (None, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", "%", "Văn phòng HĐND và UBND",
         [t("90", value=90), t("100", value=100)]),
        (None, "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", "%", "Văn phòng HĐND và UBND",
         [t("≥ 80", value=80), t("≥ 95", value=95)]),
    ]), ("Kinh tế số", [
        (None, "Tỷ lệ hộ sản xuất nông nghiệp bán hàng qua sàn thương mại điện tử", "%", "Phòng Kinh tế",
         [t("15", value=15), t("35", value=35)]),
        (None, "Số hợp tác xã ứng dụng truy xuất nguồn gốc điện tử", "Hợp tác xã", "Phòng Kinh tế",
         [t("02", value=2), t("06", value=6)]),
        (None, "Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại chợ xã", "%", "Phòng Kinh tế",
         [t("40 - 50", "range", lo=40, hi=50), t("Trên 80", op=">", value=80)]),
    ]), ("Xã hội số", [
        (None, "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2", "%", "Công an xã",
         [t("85", value=85), t("Trên 95", op=">", value=95)]),
        (None, "Tỷ lệ trạm y tế sử dụng hồ sơ sức khỏe điện tử", "%", "Trạm Y tế xã",
         [t("100", value=100), KEEP]),
    ])],
    "tasks": [],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Phan Thị Mỹ Dung",
}


def c(text, cs=1, rs=1, b=False):
    return {"text": text, "cs": cs, "rs": rs, "b": b}


# -------------------------------------------------------------- the grids
def grid_a(rows):
    """One group's table of xa-hoa-son: its two header rows, then its rows."""
    years = ["Năm %d" % y for y in A["milestones"]]
    g = [[c("STT", rs=2, b=True), c("Chỉ tiêu", rs=2, b=True), c("Lộ trình", cs=5, b=True),
          c("Chủ trì", rs=2, b=True), c("Phối hợp", rs=2, b=True)],
         [c(y, b=True) for y in years]]
    for num, name, unit, lead, part, tg in rows:
        g.append([c(num), c("%s (%s)" % (name, unit))] + [c(x["text"]) for x in tg] + [c(lead), c(part)])
    return g


def grid_b():
    g = [[c(h, b=True) for h in ("Lĩnh vực", "TT", "Chỉ tiêu", "Đơn vị tính", "Hiện trạng năm 2025",
                                  "Năm 2026", "Năm 2030", "Đơn vị chủ trì", "Đơn vị phối hợp")]]
    for field, rows in B["groups"]:
        for k, (num, name, unit, base, lead, part, tg) in enumerate(rows):
            first = [c(field, rs=len(rows), b=True)] if k == 0 else []
            g.append(first + [c(num), c(name), c(unit), c(base)] + [c(x["text"]) for x in tg] + [c(lead), c(part)])
    return g


def grid_c():
    g = [[c(h, b=True) for h in ("STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026",
                                  "Chỉ tiêu năm 2030", "Cơ quan chủ trì")]]
    for k, (gname, rows) in enumerate(C["groups"]):
        g.append([c(ROMAN[k], b=True), c(gname, cs=5, b=True)])
        for num, name, unit, lead, tg in rows:
            g.append([c(num), c(name), c(unit)] + [c(x["text"]) for x in tg] + [c(lead)])
    return g


def grid_d():
    g = [[c(h, b=True) for h in ("TT", "Nội dung chỉ tiêu", "ĐVT", "Năm 2026", "Đến năm 2030", "Cơ quan chủ trì")]]
    for k, (gname, rows) in enumerate(D["groups"]):
        g.append([c(str(k + 1), b=True), c(gname, cs=5, b=True)])
        for _, name, unit, lead, tg in rows:
            g.append([c(""), c("- " + name), c(unit)] + [c(x["text"]) for x in tg] + [c(lead)])
    return g


def html_table(g, cls="t"):
    s = '<table class="%s">\n' % cls
    for row in g:
        s += "<tr>"
        for x in row:
            span = (' colspan="%d"' % x["cs"] if x["cs"] > 1 else "") + (' rowspan="%d"' % x["rs"] if x["rs"] > 1 else "")
            s += "<td%s>%s</td>" % (span, "<b>%s</b>" % e(x["text"]) if x["b"] else e(x["text"]))
        s += "</tr>\n"
    return s + "</table>\n"


def task_grid(p):
    g = [[c(h, b=True) for h in ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")]]
    return g + [[c(str(i + 1))] + [c(x) for x in r] for i, r in enumerate(p["tasks"])]


# ------------------------------------------------------------------ pages
def html_a():
    p = A
    s = head(p) + "<p>Ủy ban nhân dân xã Hòa Sơn ban hành Kế hoạch với các chỉ tiêu chủ yếu sau:</p>\n"
    s += "<p><b>I. CHỈ TIÊU CỤ THỂ</b></p>\n"
    for k, (gname, rows) in enumerate(p["groups"]):
        s += "<p><b>%s. %s</b></p>\n" % (ROMAN[k], gname) + html_table(grid_a(rows))
    s += "<p><b>II. NHIỆM VỤ TRỌNG TÂM</b></p>\n" + html_table(task_grid(p))
    s += "<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>\n<p>Các phòng chuyên môn báo cáo kết quả định kỳ 6 tháng.</p>\n"
    return s + sign(p) + "</body></html>\n"


# Chromium's named pages: the letterhead portrait, the table landscape, the
# tasks and signature portrait again.
PAGES = ("@page{size:A4 portrait;margin:2cm}@page land{size:A4 landscape;margin:1.5cm}"
         ".land{page:land}")


def html_b():
    p = B
    s = head(p, CSS.replace("</style>", PAGES + "</style>"))
    s += ("<p>Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh, Sở Giáo dục và Đào tạo xây dựng Kế hoạch với mục tiêu "
          "đến năm 2030 ngành giáo dục và đào tạo tỉnh Thạch An đi đầu trong chuyển đổi số.</p>\n"
          + "".join("<p>%d. Mục tiêu chung của ngành: nâng cao chất lượng quản trị, dạy và học trên nền tảng số; "
                    "phát triển nguồn nhân lực số cho tỉnh.</p>\n" % (i + 1) for i in range(4)))
    s += '<div class="land"><p><b>I. CHỈ TIÊU CHỦ YẾU</b></p>\n' + html_table(grid_b()) + "</div>\n"
    s += '<div><p><b>II. NHIỆM VỤ</b></p>\n' + html_table(task_grid(p))
    s += "<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>\n<p>Các phòng thuộc Sở, các cơ sở giáo dục triển khai thực hiện.</p>\n"
    return s + sign(p) + "</div></body></html>\n"


DIVCSS = ('<style>body{font-family:Arial,sans-serif;font-size:14px}.menu a{margin-right:12px}'
          '.dt{display:table;width:100%;border-collapse:collapse}.dr{display:table-row}'
          '.dc{display:table-cell;border:1px solid #999;padding:4px;vertical-align:middle}'
          '.dr.h .dc{font-weight:bold;background:#eef}.dr.g .dc{font-weight:bold}'
          '.gt{display:grid;grid-template-columns:50px 1fr 90px 100px 100px 180px;border-top:1px solid #999;border-left:1px solid #999}'
          '.gt>div{border-right:1px solid #999;border-bottom:1px solid #999;padding:4px}'
          '.gt .h{font-weight:bold;background:#eef}.gt .g{font-weight:bold}.gt .w{grid-column:2 / -1}</style>')


def portal(p, body):
    s = ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>%s - Cổng thông tin điện tử phường Tân Phong</title>\n'
         '%s</head>\n<body>\n<div class="menu"><a href="/">Trang chủ</a><a href="/gioi-thieu">Giới thiệu</a>'
         '<a href="/van-ban">Văn bản</a><a href="/lien-he">Liên hệ</a></div>\n'
         '<div class="article"><h1 class="title">Phường Tân Phong ban hành kế hoạch chuyển đổi số năm 2026</h1>\n'
         '<div class="meta">Ngày đăng: 26/02/2026 | Lượt xem: 512</div>\n' % (e(p["title"]), DIVCSS))
    s += ('<div class="head"><div class="l"><b>%s</b><br>Số: %s</div><div class="r"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
          '<br>Độc lập - Tự do - Hạnh phúc</b><br><i>%s</i></div></div>\n<p style="text-align:center"><b>KẾ HOẠCH</b></p>\n'
          '<p style="text-align:center"><b>%s</b></p>\n' % ("<br>".join(p["issuer"]), p["number"], p["place_date"], e(p["title"])))
    s += "<p>Ủy ban nhân dân phường giao các chỉ tiêu chuyển đổi số như sau:</p>\n" + body
    s += "<p>Văn phòng HĐND và UBND phường tổng hợp, báo cáo kết quả thực hiện.</p>\n"
    s += ('<div class="sign"><b>%s</b><br><br><b>%s</b></div>\n</div>\n<div class="footer">Cổng thông tin điện tử phường '
          'Tân Phong. Địa chỉ: 12 Lê Lợi.</div>\n</body></html>\n' % ("<br>".join(p["signer"]), p["signee"]))
    return s


def divs_table(g):
    s = '<div class="dt">\n'
    for row in g:
        cls = "dr h" if row is g[0] else ("dr g" if len(row) == 2 else "dr")
        cells = []
        for x in row:
            cells.append('<div class="dc">%s</div>' % e(x["text"]))
            cells += ['<div class="dc"></div>'] * (x["cs"] - 1)
        s += '<div class="%s">%s</div>\n' % (cls, "".join(cells))
    return s + "</div>\n"


def divs_grid(g):
    s = '<div class="gt">\n'
    for row in g:
        for x in row:
            cls = "h" if row is g[0] else ("g" if len(row) == 2 else "")
            cls += " w" if x["cs"] > 1 else ""
            s += '<div%s>%s</div>' % (' class="%s"' % cls.strip() if cls.strip() else "", e(x["text"]))
        s += "\n"
    return s + "</div>\n"


SHADED = ('<style>body{font-family:"Times New Roman",serif;font-size:13pt}'
          'table.t{border-collapse:collapse;width:100%}table.t td{border:none;padding:4px;font-size:11pt}'
          'table.t tr:nth-child(even) td{background:#d9d9d9}table.t tr:first-child td{background:#808080;color:#fff}'
          '@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}</style>')


def html_d(css=CSS):
    p = D
    s = head(p, css) + ("<p>Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã Thạnh Mỹ ban hành Kế hoạch "
                        "năm 2026 với các chỉ tiêu sau:</p>\n<p><b>I. CHỈ TIÊU</b></p>\n")
    s += html_table(grid_d())
    s += "<p><b>II. TỔ CHỨC THỰC HIỆN</b></p>\n<p>Giao Văn phòng HĐND và UBND xã theo dõi, đôn đốc thực hiện.</p>\n"
    return s + sign(p) + "</body></html>\n"


def md_d():
    """A portal's Markdown: a pipe table with no outer pipes, the header's
    rule with alignment colons, a group's name in the second cell, an empty
    cell a no-break space (as an HTML-to-Markdown converter writes &nbsp;)."""
    p = D
    s = ("Cổng thông tin điện tử xã Thạnh Mỹ\n\nTrang chủ / Văn bản chỉ đạo điều hành\n\n%s\n\n%s\n\n"
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nSố: %s\n\n*%s*\n\n**KẾ HOẠCH**\n\n**%s**\n\n"
         "Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã Thạnh Mỹ ban hành Kế hoạch năm 2026 với các "
         "chỉ tiêu sau:\n\n**I. CHỈ TIÊU**\n\n" % (p["issuer"][0], p["issuer"][1], p["number"], p["place_date"], p["title"]))
    g = grid_d()
    for k, row in enumerate(g):
        cells = []
        for x in row:
            cells += ["**%s**" % x["text"] if x["b"] else x["text"] or "\u00a0"] + [""] * (x["cs"] - 1)
        s += " | ".join(cells).rstrip() + "\n"
        if k == 0:
            s += ":---: | :--- | :---: | :---: | :---: | :---\n"
    s += ("\n**II. TỔ CHỨC THỰC HIỆN**\n\nGiao Văn phòng HĐND và UBND xã theo dõi, đôn đốc thực hiện.\n\n"
          "**%s**\n\n**%s**\n\nLượt xem: 128 | In bài viết | Chia sẻ\n" % ("**\n\n**".join(p["signer"]), p["signee"]))
    return s


# ------------------------------------------------------- Google Docs .docx
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RPR = ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" '
       'w:hAnsi="Times New Roman"/>%s<w:sz w:val="%d"/><w:szCs w:val="%d"/><w:rtl w:val="0"/></w:rPr>')


def gpara(text, bold=False, center=False, size=26, cell=False):
    ppr = '<w:pPr><w:widowControl w:val="0"/><w:spacing w:after="%d" w:before="0" w:line="240" w:lineRule="auto"/>' % (
        0 if cell else 120)
    ppr += '<w:jc w:val="%s"/><w:rPr/></w:pPr>' % ("center" if center else "both")
    if not text:
        return "<w:p>%s</w:p>" % ppr
    r = RPR % ("<w:b w:val=\"1\"/><w:bCs w:val=\"1\"/>" if bold else "", size, size)
    return '<w:p>%s<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, r, e(text))


def gtable(g, widths):
    """Google Docs' table: widths with ".0", a fixed layout, vertical
    merges as vMerge restart / continue, spans as gridSpan."""
    ncol = len(widths)
    s = ('<w:tbl><w:tblPr><w:tblStyle w:val="Table1"/><w:tblW w:w="%.1f" w:type="dxa"/><w:jc w:val="left"/>'
         '<w:tblBorders><w:top w:color="000000" w:space="0" w:sz="8" w:val="single"/><w:left w:color="000000" w:space="0" w:sz="8" w:val="single"/>'
         '<w:bottom w:color="000000" w:space="0" w:sz="8" w:val="single"/><w:right w:color="000000" w:space="0" w:sz="8" w:val="single"/>'
         '<w:insideH w:color="000000" w:space="0" w:sz="8" w:val="single"/><w:insideV w:color="000000" w:space="0" w:sz="8" w:val="single"/></w:tblBorders>'
         '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0600"/></w:tblPr><w:tblGrid>%s</w:tblGrid>'
         % (sum(widths), "".join('<w:gridCol w:w="%d"/>' % x for x in widths)))
    pending = {}  # column → rows still covered by a vertical merge
    for row in g:
        s += '<w:tr><w:trPr><w:cantSplit w:val="0"/><w:tblHeader w:val="0"/></w:trPr>'
        col, cells = 0, list(row)
        while col < ncol:
            if pending.get(col, 0) > 0:
                pending[col] -= 1
                s += ('<w:tc><w:tcPr><w:vMerge w:val="continue"/><w:tcW w:w="%.1f" w:type="dxa"/></w:tcPr>%s</w:tc>'
                      % (widths[col], gpara("", cell=True, size=22)))
                col += 1
                continue
            x = cells.pop(0)
            pr = '<w:tcW w:w="%.1f" w:type="dxa"/>' % sum(widths[col:col + x["cs"]])
            if x["cs"] > 1:
                pr = '<w:gridSpan w:val="%d"/>' % x["cs"] + pr
            if x["rs"] > 1:
                pr = '<w:vMerge w:val="restart"/>' + pr
                pending[col] = x["rs"] - 1
            pr += ('<w:tcMar><w:top w:w="100.0" w:type="dxa"/><w:left w:w="100.0" w:type="dxa"/><w:bottom w:w="100.0" '
                   'w:type="dxa"/><w:right w:w="100.0" w:type="dxa"/></w:tcMar><w:vAlign w:val="center"/>')
            s += "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (pr, gpara(x["text"], x["b"], True, 22, True))
            col += x["cs"]
        s += "</w:tr>"
    return s + "</w:tbl>"


def docx_a(path):
    """xa-hoa-son as Google Docs' File > Download > Microsoft Word (.docx)
    writes it (made by hand: LibreOffice cannot write its shape)."""
    p = A
    body = gtable([[c("\n".join(p["issuer"]) + "\nSố: " + p["number"], b=True),
                    c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", b=True)]], [4000, 5400])
    body = body.replace('w:sz="8" w:val="single"', 'w:sz="0" w:val="nil"')
    body = body.replace("\n", '</w:t></w:r><w:r><w:br w:type="textWrapping"/></w:r><w:r><w:t xml:space="preserve">')
    body += gpara(p["place_date"], center=True) + gpara("KẾ HOẠCH", True, True) + gpara(p["title"], True, True)
    body += gpara("Ủy ban nhân dân xã Hòa Sơn ban hành Kế hoạch với các chỉ tiêu chủ yếu sau:")
    body += gpara("I. CHỈ TIÊU CỤ THỂ", True)
    for k, (gname, rows) in enumerate(p["groups"]):
        body += gpara("%s. %s" % (ROMAN[k], gname), True)
        body += gtable(grid_a(rows), [600, 3000, 800, 800, 800, 800, 800, 1500, 1500]) + gpara("")
    body += gpara("II. NHIỆM VỤ TRỌNG TÂM", True) + gtable(task_grid(p), [600, 3600, 1800, 1800, 1800]) + gpara("")
    body += gpara("III. TỔ CHỨC THỰC HIỆN", True) + gpara("Các phòng chuyên môn báo cáo kết quả định kỳ 6 tháng.")
    body += "".join(gpara(x, True, True) for x in p["signer"]) + gpara("") + gpara(p["signee"], True, True)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">'
           '<w:body>%s<w:sectPr><w:pgSz w:h="16838" w:w="11906" w:orient="portrait"/><w:pgMar w:bottom="1134" '
           'w:top="1134" w:left="1701" w:right="1134" w:header="720" w:footer="720"/><w:pgNumType w:start="1"/>'
           '</w:sectPr></w:body></w:document>' % (W, body))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s><w:docDefaults><w:rPrDefault>'
              '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="26"/><w:lang w:val="vi"/>'
              '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" '
              'w:default="1" w:styleId="Normal"><w:name w:val="normal"/><w:qFormat/></w:style><w:style w:type="table" '
              'w:styleId="Table1"><w:name w:val="Table1"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblStyleRowBandSize '
              'w:val="1"/><w:tblStyleColBandSize w:val="1"/><w:tblCellMar><w:top w:w="100.0" w:type="dxa"/><w:left w:w="100.0" '
              'w:type="dxa"/><w:bottom w:w="100.0" w:type="dxa"/><w:right w:w="100.0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
              '</w:style></w:styles>' % W)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>'
          '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml" PartName="/word/styles.xml"/>'
          '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" PartName="/word/document.xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/_rels/document.xml.rels", drels),
                           ("word/styles.xml", styles), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ---------------------------------------------------------------- goldens
def golden(p):
    title = "Kế hoạch " + p["title"][0].lower() + p["title"][1:]
    groups, inds = [], []
    years = [str(y) for y in p["milestones"]]
    for k, (gname, rows) in enumerate(p["groups"]):
        code = ROMAN[k]
        groups.append({"code": code, "name": gname})
        for i, r in enumerate(rows):
            base = part = None
            if p is B:
                num, name, unit, base, lead, part, tg = r
            elif p is A:
                num, name, unit, lead, part, tg = r
            else:
                num, name, unit, lead, tg = r
            inds.append({"code": "%s.%s" % (code, num or i + 1), "group": code, "name": name, "unit": unit,
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
    put("xa-hoa-son.html", html_a())
    docx_a(os.path.join(out, "xa-hoa-son.gdocs.docx"))
    put("so-gddt-thach-an.html", html_b())
    put("phuong-tan-phong.html", portal(C, divs_table(grid_c())))
    put("phuong-tan-phong.grid.html", portal(C, divs_grid(grid_c())))
    put("xa-thanh-my.html", html_d())
    put("xa-thanh-my.shaded.html", html_d(SHADED))
    put("xa-thanh-my.portal.md", md_d())
    for p in (A, B, C, D):
        put(p["name"] + ".golden.json", json.dumps(golden(p), ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
