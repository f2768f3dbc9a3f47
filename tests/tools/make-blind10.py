#!/usr/bin/env python3
"""make-blind10.py OUTDIR: the four plans of tests/data/scans/blind10 as
HTML pages for LibreOffice to print (NAME.html, ruled tables drawn with
border="1", which soffice keeps) and their golden facts (NAME.golden.json).
tests/tools/render-blind10.sh prints, rasterises and distorts them as real
offices' scans and phone photos come back:
  xa-thanh-loi-dong     a ruled table, the page curled (rules bend)
  phuong-hoa-khanh-bac  a ruled table, photographed by phone: skewed,
                        turned, a shadow over one edge
  xa-tien-thuy-ha       no table: the targets as bullet paragraphs
                        ("- Tỷ lệ … đạt 80% vào năm 2026")
  so-gddt-lam-son       a ruled table with a baseline column and a
                        "Ghi chú" column holding figures of its own
Each plan's cells and, beside each target cell, its facts (kind, operator,
value) are written here once."""
import json
import os
import sys

from blindlib import KEEP, NONE, ROMAN, RULED_CSS, e, head, sign, t, table_html

# ---------------------------------------------------- xa-thanh-loi-dong
A = {
    "name": "xa-thanh-loi-dong",
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ THẠNH LỢI ĐÔNG"], "number": "41/KH-UBND",
    "place_date": "Thạnh Lợi Đông, ngày 09 tháng 3 năm 2026", "date": "2026-03-09",
    "title": "Chuyển đổi số xã Thạnh Lợi Đông năm 2026, định hướng đến năm 2030",
    "milestones": [2026, 2030],
    "heads": ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2030", "Cơ quan chủ trì"],
    "groups": [("Chính quyền số", [
        ("1", "Tỷ lệ hồ sơ công việc tại xã được xử lý trên môi trường mạng", "%",
         "Văn phòng HĐND và UBND", [t("85", value=85), t("100", value=100)]),
        ("2", "Tỷ lệ thủ tục hành chính có phát sinh hồ sơ được thanh toán trực tuyến", "%",
         "Văn phòng HĐND và UBND", [t("≥ 60", value=60), t("Trên 80", op=">", value=80)]),
        ("3", "Số cuộc họp không giấy tờ của Ủy ban nhân dân xã", "Cuộc",
         "Văn phòng HĐND và UBND", [t("12", value=12), t("Tối thiểu 24", value=24)]),
    ]), ("Kinh tế số", [
        ("4", "Số hộ sản xuất tham gia sàn thương mại điện tử", "Hộ",
         "Phòng Kinh tế", [t("45", value=45), t("150", value=150)]),
        ("5", "Tỷ lệ chợ có điểm thanh toán không dùng tiền mặt", "%",
         "Phòng Kinh tế", [t("50", value=50), t("100", value=100)]),
    ]), ("Xã hội số", [
        ("6", "Số tổ công nghệ số cộng đồng hoạt động hiệu quả", "Tổ",
         "Phòng Văn hóa - Xã hội", [t("07", value=7), KEEP]),
        ("7", "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2", "%",
         "Công an xã", [t("90", value=90), t("98", value=98)]),
    ])],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Trần Văn Hữu",
}

# ------------------------------------------------- phuong-hoa-khanh-bac
B = {
    "name": "phuong-hoa-khanh-bac",
    "issuer": ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA KHÁNH BẮC"], "number": "58/KH-UBND",
    "place_date": "Hòa Khánh Bắc, ngày 17 tháng 3 năm 2026", "date": "2026-03-17",
    "title": "Thực hiện Nghị quyết số 57-NQ/TW trên địa bàn phường Hòa Khánh Bắc giai đoạn 2026 - 2030",
    "milestones": [2026, 2028, 2030],
    "heads": ["TT", "Chỉ tiêu", "ĐVT", "Năm 2026", "Năm 2028", "Năm 2030", "Chủ trì", "Phối hợp"],
    "groups": [("Hạ tầng số", [
        ("1", "Tỷ lệ tổ dân phố được phủ sóng di động 5G", "%", "Phòng Văn hóa - Xã hội",
         "Viễn thông thành phố", [t("60", value=60), t("85", value=85), t("100", value=100)]),
        ("2", "Số điểm Wi-Fi công cộng miễn phí", "Điểm", "Phòng Văn hóa - Xã hội",
         "Các doanh nghiệp viễn thông", [t("10", value=10), t("20", value=20), t("Trên 30", op=">", value=30)]),
    ]), ("Chính quyền số", [
        ("3", "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục", "%", "Văn phòng HĐND và UBND",
         "Bộ phận Một cửa", [t("75", value=75), t("85", value=85), t("95", value=95)]),
        ("4", "Tỷ lệ cán bộ, công chức sử dụng chữ ký số cá nhân", "%", "Phòng Nội vụ",
         "Các bộ phận", [t("100", value=100), KEEP, KEEP]),
    ]), ("Xã hội số", [
        ("5", "Số người dân được tập huấn kỹ năng số cơ bản", "Người", "Phòng Văn hóa - Xã hội",
         "Đoàn Thanh niên phường", [t("2.000", value=2000), t("4.500", value=4500), t("7.000", value=7000)]),
        ("6", "Tỷ lệ học sinh trung học được học kỹ năng số", "%", "Phòng Văn hóa - Xã hội",
         "Các trường học", [t("70", value=70), t("90", value=90), t("100", value=100)]),
    ])],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "signee": "Ngô Thị Thu Hà",
}

# ------------------------------------------------------- xa-tien-thuy-ha
# No table: the targets as bullet paragraphs under "Về …:" headings, each
# sentence naming its own year (two years in some); a target's text is
# its words from the verb on ("đạt 80%"), as the body lists are read.
C = {
    "name": "xa-tien-thuy-ha",
    "issuer": ["ỦY BAN NHÂN DÂN", "XÃ TIÊN THỦY HẠ"], "number": "23/KH-UBND",
    "place_date": "Tiên Thủy Hạ, ngày 04 tháng 3 năm 2026", "date": "2026-03-04",
    "title": "Chuyển đổi số xã Tiên Thủy Hạ đến năm 2030",
    "milestones": [2026, 2030],
    "groups": [("Chính quyền số", [
        ("1", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến", "%",
         "- Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến đạt 80% vào năm 2026 và đạt 95% vào năm 2030.",
         [t("đạt 80%", value=80), t("đạt 95%", value=95)]),
        ("2", "Tỷ lệ văn bản điện tử được ký số", "%",
         "- Tỷ lệ văn bản điện tử được ký số đạt 100% vào năm 2026.",
         [t("đạt 100%", value=100), None]),
    ]), ("Kinh tế số", [
        ("1", "Số hộ kinh doanh sử dụng hóa đơn điện tử", "Hộ",
         "- Số hộ kinh doanh sử dụng hóa đơn điện tử đạt tối thiểu 120 hộ vào năm 2026.",
         [t("đạt tối thiểu 120 hộ", value=120), None]),
        ("2", "Tỷ lệ sản phẩm OCOP được bán trên sàn thương mại điện tử", "%",
         "- Tỷ lệ sản phẩm OCOP được bán trên sàn thương mại điện tử đạt 100% vào năm 2030.",
         [None, t("đạt 100%", value=100)]),
    ]), ("Xã hội số", [
        ("1", "Tỷ lệ hộ gia đình có đường truyền Internet cáp quang", "%",
         "- Tỷ lệ hộ gia đình có đường truyền Internet cáp quang đạt 85% vào năm 2026, đạt 95% vào năm 2030.",
         [t("đạt 85%", value=85), t("đạt 95%", value=95)]),
        ("2", "Tỷ lệ người dân trưởng thành có điện thoại thông minh", "%",
         "- Tỷ lệ người dân trưởng thành có điện thoại thông minh đạt 90% vào năm 2030.",
         [None, t("đạt 90%", value=90)]),
    ])],
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signee": "Lương Văn Khải",
}

# ------------------------------------------------------- so-gddt-lam-son
# A department's table: a baseline column, three milestones, and a "Ghi
# chú" column whose notes carry figures and years of their own.
D = {
    "name": "so-gddt-lam-son",
    "issuer": ["UBND TỈNH LAM SƠN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "number": "112/KH-SGDĐT",
    "place_date": "Lam Sơn, ngày 25 tháng 02 năm 2026", "date": "2026-02-25",
    "title": "Chuyển đổi số ngành giáo dục và đào tạo tỉnh Lam Sơn giai đoạn 2026 - 2030",
    "milestones": [2026, 2027, 2030],
    "heads": ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Năm 2026", "Năm 2027", "Năm 2030",
              "Đơn vị chủ trì", "Ghi chú"],
    "groups": [("Quản trị số", [
        ("1", "Tỷ lệ cơ sở giáo dục sử dụng học bạ số", "%", "45", "Phòng Giáo dục phổ thông",
         "Năm 2025 thí điểm 30 trường", [t("70", value=70), t("90", value=90), t("100", value=100)]),
        ("2", "Tỷ lệ hồ sơ tuyển sinh đầu cấp nhận trực tuyến", "%", "60", "Phòng Quản lý chất lượng",
         "Theo Kế hoạch 35/KH-UBND", [t("80", value=80), t("90", value=90), t("≥ 95", value=95)]),
        ("3", "Số cơ sở dữ liệu ngành được kết nối với nền tảng của tỉnh", "Cơ sở dữ liệu", "2",
         "Văn phòng Sở", "", [t("04", value=4), t("06", value=6), t("10", value=10)]),
    ]), ("Dạy và học trên nền tảng số", [
        ("4", "Tỷ lệ giáo viên được bồi dưỡng năng lực số", "%", "55", "Phòng Tổ chức cán bộ",
         "Bình quân 40 giờ/năm", [t("75", value=75), t("85", value=85), t("100", value=100)]),
        ("5", "Số bài giảng điện tử đưa lên kho học liệu số", "Bài giảng", "1.200", "Phòng Giáo dục phổ thông",
         "", [t("2.500", value=2500), t("4.000", value=4000), t("Trên 8.000", op=">", value=8000)]),
        ("6", "Tỷ lệ học sinh phổ thông có thẻ học sinh điện tử", "%", "20", "Văn phòng Sở",
         "Ưu tiên 12 trường THPT", [t("50", value=50), t("70", value=70), t("100", value=100)]),
    ])],
    "signer": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "signee": "Đinh Quang Vũ",
}

CSS = RULED_CSS


def html_a():
    p = A
    s = head(p, CSS) + "<p>Ủy ban nhân dân xã Thạnh Lợi Đông ban hành Kế hoạch với các chỉ tiêu sau:</p>\n"
    s += "<p><b>I. CHỈ TIÊU CHỦ YẾU</b></p>\n"
    s += table_html(p, lambda r: [r[0], r[1], r[2]] + [x["text"] for x in r[4]] + [r[3]])
    s += "<p><b>II. TỔ CHỨC THỰC HIỆN</b></p>\n<p>Các bộ phận chuyên môn báo cáo kết quả định kỳ 6 tháng.</p>\n"
    return s + sign(p) + "</body></html>\n"


def html_b():
    p = B
    s = head(p, CSS) + "<p><b>I. CHỈ TIÊU CỤ THỂ</b></p>\n"
    s += table_html(p, lambda r: [r[0], r[1], r[2]] + [x["text"] for x in r[5]] + [r[3], r[4]])
    s += "<p><b>II. TỔ CHỨC THỰC HIỆN</b></p>\n<p>Giao Văn phòng HĐND và UBND phường theo dõi, tổng hợp.</p>\n"
    return s + sign(p) + "</body></html>\n"


def html_c():
    p = C
    s = head(p, CSS) + "<p><b>I. MỤC TIÊU</b></p>\n<p>1. Mục tiêu chung</p>\n"
    s += ("<p>Phát triển chính quyền số, kinh tế số, xã hội số của xã; nâng cao chất lượng phục vụ "
          "người dân và doanh nghiệp.</p>\n<p>2. Mục tiêu cụ thể</p>\n")
    for gname, rows in p["groups"]:
        s += "<p>Về %s:</p>\n" % gname.lower()
        for r in rows:
            s += "<p>%s</p>\n" % e(r[3])
    s += ("<p><b>II. NHIỆM VỤ, GIẢI PHÁP</b></p>\n<p>1. Hoàn thiện hạ tầng số tại các thôn; phối hợp với "
          "doanh nghiệp viễn thông mở rộng vùng phủ sóng.</p>\n<p>2. Tuyên truyền, hướng dẫn người dân sử "
          "dụng dịch vụ công trực tuyến.</p>\n<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>\n"
          "<p>Văn phòng HĐND và UBND xã theo dõi, báo cáo kết quả thực hiện.</p>\n")
    return s + sign(p) + "</body></html>\n"


def html_d():
    p = D
    s = head(p, CSS.replace("11pt", "10pt")) + "<p><b>I. CHỈ TIÊU</b></p>\n"
    s += table_html(p, lambda r: [r[0], r[1], r[2], r[3]] + [x["text"] for x in r[6]] + [r[4], r[5]])
    s += "<p><b>II. TỔ CHỨC THỰC HIỆN</b></p>\n<p>Các phòng thuộc Sở và các cơ sở giáo dục triển khai thực hiện.</p>\n"
    return s + sign(p) + "</body></html>\n"


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
                num, name, unit, lead, tg = r
            elif p is B:
                num, name, unit, lead, part, tg = r
            elif p is C:
                num, name, unit, _, tg = r
                lead = None
            else:
                num, name, unit, base, lead, _, tg = r
            inds.append({"code": "%s.%s" % (code, num), "group": code, "name": name, "unit": unit,
                         "baseline_text": base, "lead": lead, "monitor": None, "partners": part,
                         "targets": {y: x for y, x in zip(years, tg) if x}})
    return {"title": title, "number": p["number"], "date": p["date"], "milestones": p["milestones"],
            "groups": groups, "task_groups": [], "indicators": inds, "tasks": []}


def main():
    out = sys.argv[1]

    def put(name, text):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
    for p, h in ((A, html_a), (B, html_b), (C, html_c), (D, html_d)):
        put(p["name"] + ".html", h())
        put(p["name"] + ".golden.json", json.dumps(golden(p), ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
