#!/usr/bin/env python3
"""make-blind11.py TEXTDIR SCANDIR: the four plans of the eleventh blind
round as HTML pages for LibreOffice to print (NAME.html, ruled tables drawn
with border="1"; a landscape appendix as NAME.appendix.html, its page set
landscape by @page) and their golden facts (NAME.golden.json), the text
PDF's in TEXTDIR (tests/data/blind11), the scans' in SCANDIR
(tests/data/scans/blind11). tests/tools/render-blind11.sh prints them and
turns them as offices' PDFs come:
  phuong-an-loc-tay      a ruled table, scanned, then given an invisible
                         OCR text layer (a "searchable" scan)
  tinh-ha-lam            a text PDF: the plan portrait, its appendix's
                         table landscape (pages turned by /Rotate)
  xa-ea-tul-bac          a landscape table page scanned sideways onto a
                         portrait page
  phuong-dong-xuyen-nam  a portrait table page scanned upside down
Each plan's cells and, beside each target cell, its facts (kind, operator,
value) are written here once."""
import json
import os
import sys

from blindlib import KEEP, RULED_CSS, ROMAN, e, head, sign, t, table_html


def ind(num, name, unit, lead, targets, base=None, mon=None, part=None):
    return {"num": num, "name": name, "unit": unit, "lead": lead, "targets": targets,
            "base": base, "mon": mon, "part": part}


# ----------------------------------------------------- phuong-an-loc-tay
A = {
    "name": "phuong-an-loc-tay",
    "issuer": ["ỦY BAN NHÂN DÂN", "PHƯỜNG AN LỘC TÂY"], "number": "67/KH-UBND",
    "place_date": "An Lộc Tây, ngày 12 tháng 3 năm 2026", "date": "2026-03-12",
    "title": "Phát triển khoa học, công nghệ và chuyển đổi số phường An Lộc Tây năm 2026 và những năm tiếp theo",
    "milestones": [2026, 2030],
    "heads": ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2030", "Đơn vị chủ trì"],
    "cols": ["num", "name", "unit", 0, 1, "lead"],
    "groups": [("Hạ tầng và dữ liệu số", [
        ind("1", "Tỷ lệ khu phố có camera giám sát an ninh kết nối trung tâm", "%", "Công an phường",
            [t("65", value=65), t("100", value=100)]),
        ind("2", "Số điểm truy cập Internet không dây công cộng", "Điểm", "Phòng Kinh tế, Hạ tầng và Đô thị",
            [t("14", value=14), t("Trên 25", op=">", value=25)]),
        ind("3", "Tỷ lệ hồ sơ hộ tịch được số hóa", "%", "Phòng Văn hóa - Xã hội",
            [t("≥ 80", value=80), t("100", value=100)]),
    ]), ("Dịch vụ số cho người dân", [
        ind("4", "Tỷ lệ người dân sử dụng dịch vụ công trực tuyến", "%", "Văn phòng HĐND và UBND",
            [t("55", value=55), t("90", value=90)]),
        ind("5", "Số giao dịch thanh toán không dùng tiền mặt tại chợ", "Giao dịch/tháng",
            "Phòng Kinh tế, Hạ tầng và Đô thị", [t("1.500", value=1500), t("6.000", value=6000)]),
        ind("6", "Tỷ lệ trạm y tế khám chữa bệnh bằng căn cước công dân", "%", "Trạm Y tế phường",
            [t("100", value=100), KEEP]),
        ind("7", "Số lớp bình dân học vụ số được mở", "Lớp", "Phòng Văn hóa - Xã hội",
            [t("08", value=8), t("Tối thiểu 20", value=20)]),
    ])],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Lê Hoàng Phúc",
}

# ---------------------------------------------------------- tinh-ha-lam
MON = "Sở Khoa học và Công nghệ"
B = {
    "name": "tinh-ha-lam",
    "issuer": ["ỦY BAN NHÂN DÂN", "TỈNH HÀ LAM"], "number": "215/KH-UBND",
    "place_date": "Hà Lam, ngày 06 tháng 3 năm 2026", "date": "2026-03-06",
    "title": "Triển khai Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn tỉnh Hà Lam",
    "milestones": [2026, 2030],
    "heads": ["STT", "Chỉ tiêu", "Đơn vị tính", "Hiện trạng năm 2024", "Năm 2026", "Năm 2030",
              "Cơ quan chủ trì thực hiện", "Cơ quan theo dõi, đánh giá, kiểm tra, tổng hợp báo cáo"],
    "cols": ["num", "name", "unit", "base", 0, 1, "lead", "mon"],
    "groups": [("Phát triển hạ tầng", [
        ind("1", "Tỷ lệ thôn, tổ dân phố được phủ sóng băng rộng di động 5G", "%", "Sở Khoa học và Công nghệ",
            [t("70", value=70), t("100", value=100)], "32", MON),
        ind("2", "Tốc độ truy cập Internet băng rộng cố định bình quân", "Mbps", "Sở Khoa học và Công nghệ",
            [t("≥ 200", value=200), t("≥ 1.000", value=1000)], "145", MON),
        ind("3", "Số trung tâm dữ liệu dùng chung của tỉnh đạt chuẩn", "Trung tâm", "Sở Khoa học và Công nghệ",
            [t("01", value=1), t("02", value=2)], "0", MON),
        ind("4", "Tỷ lệ hộ gia đình có kết nối cáp quang", "%", "Sở Khoa học và Công nghệ",
            [t("85", value=85), t("Trên 95", op=">", value=95)], "71", MON),
    ]), ("Phát triển nguồn lực", [
        ind("1", "Tỷ lệ chi ngân sách tỉnh cho khoa học, công nghệ và chuyển đổi số", "%", "Sở Tài chính",
            [t("2", value=2), t("3", value=3)], "0,9", MON),
        ind("2", "Số nhân lực công nghệ số được đào tạo mới", "Người", "Sở Giáo dục và Đào tạo",
            [t("1.200", value=1200), t("5.000", value=5000)], "450", MON),
        ind("3", "Tỷ lệ cán bộ, công chức cấp xã có kỹ năng số cơ bản", "%", "Sở Nội vụ",
            [t("90", value=90), t("100", value=100)], "64", MON),
        ind("4", "Số chuyên gia công nghệ được thu hút về tỉnh làm việc", "Người", "Sở Nội vụ",
            [t("15", value=15), t("Tối thiểu 60", value=60)], "4", MON),
    ]), ("Phát triển khoa học công nghệ và đổi mới sáng tạo", [
        ind("1", "Số doanh nghiệp khoa học và công nghệ được công nhận", "Doanh nghiệp", "Sở Khoa học và Công nghệ",
            [t("12", value=12), t("30", value=30)], "7", MON),
        ind("2", "Số đơn đăng ký sáng chế, giải pháp hữu ích", "Đơn", "Sở Khoa học và Công nghệ",
            [t("20", value=20), t("50", value=50)], "9", MON),
        ind("3", "Đóng góp của năng suất các nhân tố tổng hợp vào tăng trưởng", "%", "Sở Tài chính",
            [t("45", value=45), t("Trên 55", op=">", value=55)], "38,5", MON),
        ind("4", "Số dự án khởi nghiệp đổi mới sáng tạo được hỗ trợ", "Dự án", "Sở Khoa học và Công nghệ",
            [t("25", value=25), t("100", value=100)], "11", MON),
    ]), ("Phát triển chuyển đổi số", [
        ind("1", "Tỷ lệ hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng", "%", "Văn phòng UBND tỉnh",
            [t("95", value=95), t("100", value=100)], "88", MON),
        ind("2", "Tỷ trọng kinh tế số trong GRDP", "%", "Sở Tài chính",
            [t("12", value=12), t("25", value=25)], "8,2", MON),
        ind("3", "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân", "%", "Công an tỉnh",
            [t("60", value=60), t("≥ 85", value=85)], "27", MON),
        ind("4", "Tỷ lệ thủ tục hành chính liên thông điện tử giữa các cấp", "%", "Văn phòng UBND tỉnh",
            [t("80", value=80), KEEP], "100", MON),
    ])],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "signee": "Vương Đình Khôi",
}

# -------------------------------------------------------- xa-ea-tul-bac
C = {
    "name": "xa-ea-tul-bac",
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ EA TUL BẮC"], "number": "19/KH-UBND",
    "place_date": "Ea Tul Bắc, ngày 02 tháng 3 năm 2026", "date": "2026-03-02",
    "title": "Chuyển đổi số xã Ea Tul Bắc giai đoạn 2026 - 2030",
    "milestones": [2026, 2028, 2030],
    "heads": ["TT", "Tên chỉ tiêu", "ĐVT", "Năm 2026", "Năm 2028", "Năm 2030", "Chủ trì", "Phối hợp"],
    "cols": ["num", "name", "unit", 0, 1, 2, "lead", "part"],
    "groups": [("Chính quyền số", [
        ind("1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến", "%", "Văn phòng HĐND và UBND",
            [t("60", value=60), t("80", value=80), t("95", value=95)], part="Bộ phận Một cửa"),
        ind("2", "Số phần mềm dùng chung được triển khai tại xã", "Phần mềm", "Văn phòng HĐND và UBND",
            [t("03", value=3), t("05", value=5), t("08", value=8)], part="Các bộ phận chuyên môn"),
    ]), ("Kinh tế số", [
        ind("3", "Số hộ trồng cà phê bán sản phẩm qua mạng", "Hộ", "Phòng Kinh tế",
            [t("40", value=40), t("120", value=120), t("Trên 250", op=">", value=250)], part="Hợp tác xã Ea Tul"),
        ind("4", "Tỷ lệ hộ kinh doanh dùng mã QR thanh toán", "%", "Phòng Kinh tế",
            [t("50", value=50), t("75", value=75), t("90", value=90)], part="Các ngân hàng"),
    ]), ("Xã hội số", [
        ind("5", "Tỷ lệ buôn có tổ công nghệ số cộng đồng", "%", "Phòng Văn hóa - Xã hội",
            [t("100", value=100), KEEP, KEEP], part="Đoàn Thanh niên xã"),
        ind("6", "Số người được hướng dẫn cài đặt ứng dụng VNeID", "Người", "Công an xã",
            [t("3.000", value=3000), t("5.500", value=5500), t("8.000", value=8000)], part="Trưởng các buôn"),
    ])],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Y Bhim Niê",
}

# ----------------------------------------------- phuong-dong-xuyen-nam
D = {
    "name": "phuong-dong-xuyen-nam",
    "issuer": ["ỦY BAN NHÂN DÂN", "PHƯỜNG ĐÔNG XUYÊN NAM"], "number": "88/KH-UBND",
    "place_date": "Đông Xuyên Nam, ngày 20 tháng 3 năm 2026", "date": "2026-03-20",
    "title": "Chuyển đổi số phường Đông Xuyên Nam năm 2026",
    "milestones": [2026, 2030],
    "heads": ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2030", "Cơ quan chủ trì"],
    "cols": ["num", "name", "unit", 0, 1, "lead"],
    "groups": [("Chính quyền số", [
        ind("1", "Tỷ lệ văn bản đi được ký số và gửi trên môi trường mạng", "%", "Văn phòng HĐND và UBND",
            [t("98", value=98), t("100", value=100)]),
        ind("2", "Số cuộc họp trực tuyến của phường với khu phố", "Cuộc/năm", "Văn phòng HĐND và UBND",
            [t("24", value=24), t("48", value=48)]),
        ind("3", "Tỷ lệ khu phố dùng nhóm tin nhắn điều hành", "%", "Phòng Văn hóa - Xã hội",
            [t("≥ 90", value=90), t("100", value=100)]),
    ]), ("Xã hội số", [
        ind("4", "Số hộ dân được cài đặt ứng dụng phản ánh hiện trường", "Hộ", "Công an phường",
            [t("2.400", value=2400), t("6.500", value=6500)]),
        ind("5", "Tỷ lệ hộ nghèo được hỗ trợ thiết bị kết nối", "%", "Phòng Văn hóa - Xã hội",
            [t("35", value=35), t("Trên 70", op=">", value=70)]),
        ind("6", "Số điểm thư viện số tại nhà văn hóa khu phố", "Điểm", "Phòng Văn hóa - Xã hội",
            [t("05", value=5), t("12", value=12)]),
    ])],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Phan Thị Mỹ Dung",
}

CSS = RULED_CSS
LANDSCAPE = ('<style>@page{size:29.7cm 21cm;margin:1.5cm 2cm}'
             'body{font-family:"Times New Roman",serif;font-size:13pt}td{font-size:11pt}</style>')


def cells(p, r):
    return [r["targets"][c]["text"] if isinstance(c, int) else (r[c] or "") for c in p["cols"]]


def html_table_plan(p, intro):
    s = head(p, CSS) + "<p>%s</p>\n<p><b>I. CHỈ TIÊU</b></p>\n" % e(intro)
    s += table_html(p, lambda r: cells(p, r))
    s += "<p><b>II. TỔ CHỨC THỰC HIỆN</b></p>\n<p>Các bộ phận chuyên môn báo cáo kết quả hằng quý.</p>\n"
    return s + sign(p) + "</body></html>\n"


def html_c_landscape():
    """A one-page landscape plan: letterhead, title, its table."""
    p = C
    s = head(p, LANDSCAPE).replace(CSS, "") + "<p><b>I. CHỈ TIÊU CỤ THỂ</b></p>\n" + table_html(p, lambda r: cells(p, r))
    return s + "</body></html>\n"


def html_b_body():
    p = B
    s = head(p, CSS)
    s += ("<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>\n<p>Cụ thể hóa các nhiệm vụ, giải pháp của Nghị quyết; "
          "xác định rõ chỉ tiêu, lộ trình và trách nhiệm của từng cơ quan, đơn vị.</p>\n"
          "<p><b>II. CHỈ TIÊU</b></p>\n<p>Các chỉ tiêu cụ thể đến năm 2026 và năm 2030 tại Phụ lục I "
          "kèm theo Kế hoạch này.</p>\n<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>\n"
          "<p>Sở Khoa học và Công nghệ theo dõi, đôn đốc, tổng hợp báo cáo Ủy ban nhân dân tỉnh "
          "định kỳ 6 tháng và hằng năm.</p>\n")
    return s + sign(p) + "</body></html>\n"


def html_b_appendix(css):
    p = B
    s = ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Phụ lục I</title>\n%s</head>\n<body>\n'
         '<p style="text-align:center"><b>Phụ lục I</b></p>\n'
         '<p style="text-align:center"><b>DANH MỤC CÁC CHỈ TIÊU</b></p>\n'
         '<p style="text-align:center"><i>(Kèm theo Kế hoạch số %s ngày 06/3/2026 của Ủy ban nhân dân tỉnh)</i></p>\n'
         % (css, p["number"]))
    return s + table_html(p, lambda r: cells(p, r)) + "</body></html>\n"


# ---------------------------------------------------------------- goldens
def golden(p):
    title = "Kế hoạch " + p["title"][0].lower() + p["title"][1:]
    groups, inds = [], []
    years = [str(y) for y in p["milestones"]]
    for k, (gname, rows) in enumerate(p["groups"]):
        code = ROMAN[k]
        groups.append({"code": code, "name": gname})
        for r in rows:
            inds.append({"code": "%s.%s" % (code, r["num"]), "group": code, "name": r["name"],
                         "unit": r["unit"], "baseline_text": r["base"], "lead": r["lead"],
                         "monitor": r["mon"], "partners": r["part"],
                         "targets": {y: x for y, x in zip(years, r["targets"]) if x}})
    return {"title": title, "number": p["number"], "date": p["date"], "milestones": p["milestones"],
            "groups": groups, "task_groups": [], "indicators": inds, "tasks": []}


def main():
    text, scans = sys.argv[1], sys.argv[2]

    def put(d, name, s):
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(s)
    put(scans, "phuong-an-loc-tay.html",
        html_table_plan(A, "Ủy ban nhân dân phường An Lộc Tây ban hành Kế hoạch với các chỉ tiêu sau:"))
    put(scans, "phuong-dong-xuyen-nam.html",
        html_table_plan(D, "Ủy ban nhân dân phường Đông Xuyên Nam đề ra các chỉ tiêu sau:"))
    put(scans, "xa-ea-tul-bac.html", html_c_landscape())
    put(text, "tinh-ha-lam.html", html_b_body())
    put(text, "tinh-ha-lam.appendix.html", html_b_appendix(LANDSCAPE))
    put(text, "tinh-ha-lam.appendix-portrait.html", html_b_appendix(CSS))
    for p, d in ((A, scans), (B, text), (C, scans), (D, scans)):
        put(d, p["name"] + ".golden.json", json.dumps(golden(p), ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
