#!/usr/bin/env python3
"""make-blind6.py OUTDIR: the four plans of tests/data/blind6 as HTML (NAME.html)
and their golden facts (NAME.golden.json). Each plan's cells and facts are
written here by hand, once: a target is (the cell as printed, its kind, op,
value or min/max); the HTML layout is each plan's own (see the README)."""
import json
import os
import sys

from blindlib import CSS, KEEP, N, NONE, ROMAN, e, head, sign, t

YES = {"text": "Có", "kind": "yes"}

# ---------------------------------------------------------------- xa-binh-son
# A commune: "Năm 2025 | Năm 2026 | Giai đoạn 2026-2030", groups "I." with rows
# "1.1", the unit column right of the targets, lead cells broken over lines.
A = {
    "name": "xa-binh-son",
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ BÌNH SƠN"], "number": "21/KH-UBND",
    "place_date": "Bình Sơn, ngày 10 tháng 02 năm 2026", "date": "2026-02-10",
    "title": "Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn xã Bình Sơn năm 2026",
    "milestones": [2025, 2026, 2030],
    "groups": [("I", "CHÍNH QUYỀN SỐ", [
        ("1.1", "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", "%",
         ["Văn phòng", "HĐND và UBND"],
         [t("≥ 80%", value=80), t("≥ 85%", value=85), t("100%", value=100)]),
        ("1.2", "Thời gian giải quyết hồ sơ đất đai trung bình", "Ngày", ["Phòng Kinh tế"],
         [t("≤ 10", op="<=", value=10), t("≤ 7", op="<=", value=7), t("≤ 5", op="<=", value=5)]),
        ("1.3", "Số cuộc họp không giấy tờ của Ủy ban nhân dân xã", "Cuộc/năm",
         ["Văn phòng", "HĐND và UBND"],
         [t("Tối thiểu 12", value=12), t("Tối thiểu 24", value=24), t("Tối thiểu 24", value=24)]),
    ]), ("II", "KINH TẾ SỐ", [
        ("2.1", "Tỷ lệ hộ sản xuất nông nghiệp bán sản phẩm trên sàn thương mại điện tử", "%",
         ["Phòng Kinh tế"],
         [t("15", value=15), t("20-25%", "range", lo=20, hi=25), t("40-50%", "range", lo=40, hi=50)]),
        ("2.2", "Doanh thu thương mại điện tử của các hợp tác xã", "%/năm", ["Phòng Kinh tế"],
         [NONE, t("Tăng trung bình 15%/năm", "growth", value=15),
          t("Tăng trung bình 15%/năm", "growth", value=15)]),
    ]), ("III", "XÃ HỘI SỐ", [
        ("3.1", "Tỷ lệ người dân trưởng thành có danh tính điện tử mức độ 2", "%", ["Công an xã"],
         [t("Trên 85%", op=">", value=85), t("Trên 90%", op=">", value=90), t("Trên 95%", op=">", value=95)]),
        ("3.2", "Số Tổ công nghệ số cộng đồng hoạt động hiệu quả", "Tổ", ["Phòng Văn hóa", "- Xã hội"],
         [t("12", value=12), KEEP, KEEP]),
        ("3.3", "Xếp hạng chỉ số chuyển đổi số cấp xã", "Thứ bậc", ["Văn phòng", "HĐND và UBND"],
         [NONE, t("Nằm trong tốp 20 của tỉnh", "rank", value=20),
          t("Nằm trong tốp 10 của tỉnh", "rank", value=10)]),
    ])],
    "tasks": [
        ("Triển khai nền tảng họp không giấy tờ cho Ủy ban nhân dân xã", "Văn phòng HĐND và UBND",
         "Phòng Kinh tế", "Quý II/2026"),
        ("Hỗ trợ hợp tác xã đưa sản phẩm OCOP lên sàn thương mại điện tử", "Phòng Kinh tế",
         "Hội Nông dân xã", "Năm 2026"),
        ("Mở lớp “Bình dân học vụ số” tại các thôn", "Phòng Văn hóa - Xã hội",
         "Đoàn Thanh niên xã", "2026 - 2030"),
    ],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Nguyễn Văn Thành",
}

# ---------------------------------------------------------- phuong-hung-thinh
# A ward: the plan's text and signature, then "PHỤ LỤC I" (indicators) and
# "PHỤ LỤC II" (tasks) after the signature block; groups "A", "B" without a
# dot; a baseline "Thực hiện năm 2025"; two agency columns.
B = {
    "name": "phuong-hung-thinh",
    "issuer": ["ỦY BAN NHÂN DÂN", "PHƯỜNG HƯNG THỊNH"], "number": "47/KH-UBND",
    "place_date": "Hưng Thịnh, ngày 25 tháng 3 năm 2026", "date": "2026-03-25",
    "title": "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số phường Hưng Thịnh giai đoạn 2026 - 2030",
    "milestones": [2027, 2030],
    "groups": [("A", "HẠ TẦNG SỐ VÀ CHÍNH QUYỀN SỐ", [
        ("1", "Tỷ lệ tổ dân phố được phủ sóng di động 5G", "%", "60", "Phòng Văn hóa - Xã hội",
         "Các doanh nghiệp viễn thông", [t("≥ 90", value=90), t("100", value=100)]),
        ("2", "Tỷ lệ hồ sơ công việc tại phường được xử lý trên môi trường mạng", "%", "82",
         "Văn phòng HĐND và UBND", "Các phòng chuyên môn",
         [t("≥ 95", value=95), t("100", value=100)]),
        ("3", "Thời gian trả lời phản ánh, kiến nghị của người dân qua ứng dụng", "Ngày", "5",
         "Văn phòng HĐND và UBND", "-", [t("≤ 3", op="<=", value=3), t("≤ 2", op="<=", value=2)]),
        ("4", "Hệ thống camera giám sát an ninh kết nối Trung tâm giám sát của tỉnh", "Có/Không", "-",
         "Công an phường", "Phòng Kinh tế, Hạ tầng và Đô thị", [YES, KEEP]),
    ]), ("B", "KINH TẾ SỐ VÀ XÃ HỘI SỐ", [
        ("5", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "%", "35",
         "Phòng Kinh tế, Hạ tầng và Đô thị", "Hội Doanh nghiệp phường",
         [t("Trên 50", op=">", value=50), t("Trên 70", op=">", value=70)]),
        ("6", "Tỷ lệ giao dịch không dùng tiền mặt tại các chợ, siêu thị", "%", "40",
         "Phòng Kinh tế, Hạ tầng và Đô thị", "Ngân hàng trên địa bàn",
         [t("60 - 70", "range", lo=60, hi=70), t("80 - 90", "range", lo=80, hi=90)]),
        ("7", "Số đề tài, sáng kiến cấp cơ sở được công nhận", "Sáng kiến", "3",
         "Phòng Văn hóa - Xã hội", "-", [t("05", value=5), t("10", value=10)]),
    ])],
    "tasks": [
        ("Xây dựng kho dữ liệu dùng chung của phường", "Văn phòng HĐND và UBND",
         "Các phòng chuyên môn", "Năm 2026 - 2027"),
        ("Lắp đặt camera giám sát tại các nút giao thông trọng điểm", "Công an phường",
         "Phòng Kinh tế, Hạ tầng và Đô thị", "Quý IV/2026"),
        ("Tổ chức cuộc thi sáng kiến đổi mới sáng tạo hằng năm", "Phòng Văn hóa - Xã hội",
         "Đoàn Thanh niên phường", "Hằng năm"),
    ],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "signee": "Trần Thị Mai",
}

# ------------------------------------------------------------- so-nnmt-tan-an
# A provincial department, as a portal of another kind serves it: <th> header
# rows, "Lộ trình thực hiện" over 2026 | 2027 | 2030, group rows one cell
# spanning the whole row, inline styles, cells holding <p> and &nbsp;.
C = {
    "name": "so-nnmt-tan-an",
    "issuer": ["UBND TỈNH TÂN AN", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"], "number": "112/KH-SNNMT",
    "place_date": "Tân An, ngày 05 tháng 01 năm 2026", "date": "2026-01-05",
    "title": "Chuyển đổi số ngành nông nghiệp và môi trường tỉnh Tân An giai đoạn 2026 - 2030",
    "milestones": [2026, 2027, 2030],
    "groups": [("I", "NÔNG NGHIỆP SỐ", [
        ("1", "Tỷ lệ diện tích cây trồng chủ lực được cấp mã số vùng trồng điện tử", "%", "45",
         "Chi cục Trồng trọt và Bảo vệ thực vật",
         [t("≥ 55", value=55), t("≥ 60", value=60), t("80 - 85", "range", lo=80, hi=85)]),
        ("2", "Số hợp tác xã nông nghiệp ứng dụng truy xuất nguồn gốc điện tử", "Hợp tác xã", "18",
         "Chi cục Phát triển nông thôn",
         [t("25", value=25), t("Không dưới 35", value=35), t("Không dưới 60", value=60)]),
        ("3", "Tỷ lệ tăng giá trị sản phẩm nông nghiệp bán qua kênh thương mại điện tử", "%/năm", "-",
         "Chi cục Phát triển nông thôn",
         [t("Tăng trung bình 12%/năm", "growth", value=12), t("Tăng trung bình 12%/năm", "growth", value=12),
          t("Tăng trung bình 12%/năm", "growth", value=12)]),
    ]), ("II", "MÔI TRƯỜNG VÀ TÀI NGUYÊN SỐ", [
        ("4", "Tỷ lệ hồ sơ đăng ký đất đai lần đầu giải quyết trực tuyến", "%", "62,5",
         "Văn phòng Đăng ký đất đai", [t("≥ 70", value=70), t("≥ 80", value=80), t("100", value=100)]),
        ("5", "Thời gian cấp giấy phép môi trường", "Ngày", "30",
         "Chi cục Bảo vệ môi trường",
         [t("≤ 20", op="<=", value=20), t("≤ 15", op="<=", value=15), t("≤ 10", op="<=", value=10)]),
        ("6", "Số trạm quan trắc môi trường tự động truyền dữ liệu về Sở", "Trạm", "8",
         "Trung tâm Quan trắc tài nguyên và môi trường",
         [t("10", value=10), t("12", value=12), t("≥ 20", value=20)]),
    ])],
    "tasks": [
        ("Xây dựng cơ sở dữ liệu đất đai tỉnh Tân An", "Văn phòng Đăng ký đất đai",
         "UBND các xã, phường", "2026 - 2027"),
        ("Triển khai hệ thống cấp mã số vùng trồng trực tuyến", "Chi cục Trồng trọt và Bảo vệ thực vật",
         "Trung tâm Khuyến nông", "Quý III/2026"),
    ],
    "signer": ["GIÁM ĐỐC"], "signee": "Phạm Quốc Hưng",
}

# ---------------------------------------------------------- phuong-thanh-loc
# A ward's one-year plan in one table, as pandoc or a landscape Writer page
# sets it: "TT | Chỉ tiêu | Kế hoạch năm 2026 | Đơn vị tính | Cơ quan thực
# hiện"; no groups; "tối thiểu", "trên", "≤", "%/năm".
D = {
    "name": "phuong-thanh-loc",
    "issuer": ["ỦY BAN NHÂN DÂN", "PHƯỜNG THẠNH LỘC"], "number": "08/KH-UBND",
    "place_date": "Thạnh Lộc, ngày 15 tháng 01 năm 2026", "date": "2026-01-15",
    "title": "Chuyển đổi số phường Thạnh Lộc năm 2026",
    "milestones": [2026],
    "groups": [(None, "Chỉ tiêu", [
        ("1", "Tỷ lệ dịch vụ công trực tuyến toàn trình phát sinh hồ sơ", "%",
         "Văn phòng HĐND và UBND", [t("tối thiểu 70%", value=70)]),
        ("2", "Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết", "%",
         "Văn phòng HĐND và UBND", [t("trên 90%", op=">", value=90)]),
        ("3", "Thời gian xử lý hồ sơ cấp phép xây dựng", "Ngày", "Phòng Kinh tế, Hạ tầng và Đô thị",
         [t("≤ 12", op="<=", value=12)]),
        ("4", "Số điểm thanh toán không dùng tiền mặt", "Điểm", "Phòng Kinh tế, Hạ tầng và Đô thị",
         [t("150", value=150)]),
        ("5", "Doanh thu bán lẻ qua thương mại điện tử", "%/năm", "Phòng Kinh tế, Hạ tầng và Đô thị",
         [t("Tăng trung bình 10%/năm", "growth", value=10)]),
        ("6", "Tỷ lệ hộ gia đình có đường truyền Internet cáp quang", "%", "Phòng Văn hóa - Xã hội",
         [t("85-90%", "range", lo=85, hi=90)]),
    ])],
    "tasks": [],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Lê Hoàng Nam",
}

def tasks_table(p, heads):
    rows = "".join("<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n" % (i + 1, e(a), e(b), e(c), e(d))
                   for i, (a, b, c, d) in enumerate(p["tasks"]))
    return '<table class="t">\n<tr>%s</tr>\n%s</table>\n' % ("".join("<th>%s</th>" % h for h in heads), rows)


def html_a(p):
    s = head(p)
    s += "<p>Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã Bình Sơn ban hành Kế hoạch năm 2026 như sau:</p>\n"
    s += "<p><b>I. CHỈ TIÊU</b></p>\n<table class=\"t\">\n<tr><th>STT</th><th>Tên chỉ tiêu</th><th>Năm 2025</th><th>Năm 2026</th><th>Giai đoạn 2026-2030</th><th>Đơn vị tính</th><th>Đơn vị chủ trì</th></tr>\n"
    for g, gname, rows in p["groups"]:
        s += "<tr><td><b>%s.</b></td><td colspan=\"6\"><b>%s</b></td></tr>\n" % (g, gname)
        for num, name, unit, lead, tg in rows:
            s += "<tr><td>%s</td><td>%s</td>%s<td>%s</td><td>%s</td></tr>\n" % (
                num, e(name), "".join("<td>%s</td>" % e(x["text"]) for x in tg), e(unit), "<br>".join(map(e, lead)))
    s += "</table>\n<p><b>II. NHIỆM VỤ</b></p>\n"
    s += tasks_table(p, ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"])
    s += "<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>\n<p>Các cơ quan, đơn vị báo cáo kết quả thực hiện hằng quý về Văn phòng HĐND và UBND xã.</p>\n"
    return s + sign(p) + "</body></html>\n"


def html_b(p):
    s = head(p)
    s += ("<p><b>I. MỤC TIÊU</b></p>\n<p>Đến năm 2030, phường Hưng Thịnh hoàn thành các chỉ tiêu tại Phụ lục I "
          "và các nhiệm vụ tại Phụ lục II kèm theo Kế hoạch này.</p>\n<p><b>II. TỔ CHỨC THỰC HIỆN</b></p>\n"
          "<p>Văn phòng HĐND và UBND phường theo dõi, tổng hợp, báo cáo Ủy ban nhân dân phường kết quả thực hiện 6 tháng và hằng năm.</p>\n")
    s += sign(p)
    s += ('<p style="text-align:center;page-break-before:always"><b>PHỤ LỤC I</b><br><b>CHỈ TIÊU PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, '
          'ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ</b><br><i>(Kèm theo Kế hoạch số %s ngày 25/3/2026 của UBND phường Hưng Thịnh)</i></p>\n' % p["number"])
    s += ('<table class="t">\n<tr><th rowspan="2">STT</th><th rowspan="2">Chỉ tiêu</th><th rowspan="2">Đơn vị tính</th>'
          '<th rowspan="2">Thực hiện năm 2025</th><th colspan="2">Mục tiêu</th><th rowspan="2">Cơ quan chủ trì</th><th rowspan="2">Cơ quan phối hợp</th></tr>\n'
          '<tr><th>Đến năm 2027</th><th>Đến năm 2030</th></tr>\n')
    for g, gname, rows in p["groups"]:
        s += "<tr><td><b>%s</b></td><td colspan=\"7\"><b>%s</b></td></tr>\n" % (g, gname)
        for num, name, unit, base, lead, part, tg in rows:
            s += "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td>%s<td>%s</td><td>%s</td></tr>\n" % (
                num, e(name), e(unit), e(base), "".join("<td>%s</td>" % e(x["text"]) for x in tg), e(lead), e(part))
    s += "</table>\n"
    s += ('<p style="text-align:center;page-break-before:always"><b>PHỤ LỤC II</b><br><b>NHIỆM VỤ TRỌNG TÂM</b><br>'
          '<i>(Kèm theo Kế hoạch số %s ngày 25/3/2026 của UBND phường Hưng Thịnh)</i></p>\n' % p["number"])
    s += tasks_table(p, ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"])
    return s + "</body></html>\n"


def html_c(p):
    """A portal of another kind: inline styles on every cell, <th> header rows."""
    th = 'style="border:1px solid #999;background-color:#dde4ee;padding:4px;text-align:center"'
    td = 'style="border:1px solid #999;padding:4px"'
    s = head(p).replace(CSS, "")
    s += ('<div class="content"><p>Căn cứ Quyết định của Ủy ban nhân dân tỉnh, Sở Nông nghiệp và Môi trường ban hành '
          'Kế hoạch chuyển đổi số ngành giai đoạn 2026 - 2030 với các chỉ tiêu sau:</p>\n')
    s += ('<table style="border-collapse:collapse;width:100%%" cellpadding="0" cellspacing="0">\n<tbody>\n'
          '<tr><th %s rowspan="2">TT</th><th %s rowspan="2">Nội dung chỉ tiêu</th><th %s rowspan="2">ĐVT</th>'
          '<th %s rowspan="2">Hiện trạng năm 2025</th><th %s colspan="3">Lộ trình thực hiện</th><th %s rowspan="2">Đơn vị chủ trì</th></tr>\n'
          '<tr><th %s>2026</th><th %s>2027</th><th %s>2030</th></tr>\n') % ((th,) * 9)
    for g, gname, rows in p["groups"]:
        s += ('<tr><td colspan="8" style="border:1px solid #999;padding:4px;background-color:#f3f3f3">'
              '<span style="font-weight:bold">%s. %s</span></td></tr>\n') % (g, gname)
        for num, name, unit, base, lead, tg in rows:
            s += ('<tr><td %s><p style="text-align:center">%s</p></td><td %s><p>%s</p></td><td %s>%s</td><td %s>%s</td>%s'
                  '<td %s><p>%s&nbsp;</p></td></tr>\n') % (
                td, num, td, e(name), td, e(unit), td, e(base),
                "".join("<td %s>%s</td>" % (td, e(x["text"])) for x in tg), td, e(lead))
    s += "</tbody></table>\n<p><b>Nhiệm vụ trọng tâm:</b></p>\n"
    s += ('<table style="border-collapse:collapse;width:100%%">\n<tr><th %s>TT</th><th %s>Nhiệm vụ</th><th %s>Đơn vị chủ trì</th>'
          '<th %s>Đơn vị phối hợp</th><th %s>Thời gian thực hiện</th></tr>\n') % ((th,) * 5)
    for i, (a, b, c, d) in enumerate(p["tasks"]):
        s += "<tr><td %s>%d</td><td %s>%s</td><td %s>%s</td><td %s>%s</td><td %s>%s</td></tr>\n" % (
            td, i + 1, td, e(a), td, e(b), td, e(c), td, e(d))
    s += "</table>\n</div>\n"
    return s + sign(p) + "</body></html>\n"


def html_d(p):
    s = head(p)
    s += "<p>Ủy ban nhân dân phường Thạnh Lộc giao các chỉ tiêu chuyển đổi số năm 2026 như sau:</p>\n"
    s += ('<table class="t">\n<tr><th>TT</th><th>Chỉ tiêu</th><th>Kế hoạch năm 2026</th><th>Đơn vị tính</th>'
          '<th>Cơ quan thực hiện</th></tr>\n')
    for g, gname, rows in p["groups"]:
        for num, name, unit, lead, tg in rows:
            s += "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n" % (
                num, e(name), e(tg[0]["text"]), e(unit), e(lead))
    s += "</table>\n<p>Văn phòng HĐND và UBND phường theo dõi, đôn đốc, tổng hợp kết quả thực hiện.</p>\n"
    return s + sign(p) + "</body></html>\n"


def golden(p, shape):
    title = "Kế hoạch " + p["title"][0].lower() + p["title"][1:]
    groups, inds = [], []
    years = [str(y) for y in p["milestones"]]
    k = 0
    for g, gname, rows in p["groups"]:
        code = ROMAN[k]
        k += 1
        groups.append({"code": code, "name": gname})
        for i, r in enumerate(rows):
            if shape == "a":
                num, name, unit, lead, tg = r
                base, part, lead = None, None, " ".join(lead)
            elif shape == "b":
                num, name, unit, base, lead, part, tg = r
            elif shape == "c":
                num, name, unit, base, lead, tg = r
                part = None
            else:
                num, name, unit, lead, tg = r
                base, part = None, None
            # the printed number under its group's; "1.1" under "I." is I.1
            inds.append({"code": "%s.%s" % (code, num.split(".")[-1]), "group": code, "name": name, "unit": unit,
                         "baseline_text": base, "lead": lead, "monitor": None, "partners": part,
                         "targets": dict(zip(years, tg))})
    tasks = [{"code": "I.%d" % (i + 1), "group": "I", "title": a, "lead": b, "implementers": c, "timeframe": d}
             for i, (a, b, c, d) in enumerate(p["tasks"])]
    return {"title": title, "number": p["number"], "date": p["date"], "milestones": p["milestones"],
            "groups": groups, "task_groups": [{"code": "I", "name": "Nhiệm vụ"}] if tasks else [],
            "indicators": inds, "tasks": tasks}


def main():
    out = sys.argv[1]
    for p, make, shape in ((A, html_a, "a"), (B, html_b, "b"), (C, html_c, "c"), (D, html_d, "d")):
        with open(os.path.join(out, p["name"] + ".html"), "w", encoding="utf-8") as f:
            f.write(make(p))
        with open(os.path.join(out, p["name"] + ".golden.json"), "w", encoding="utf-8") as f:
            json.dump(golden(p, shape), f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
