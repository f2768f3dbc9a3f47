#!/usr/bin/env python3
"""make-web3.py OUTDIR: the plans of tests/data/web3 as the pages four kinds
of legal-document portal save (see its README), each with its golden facts
NAME.golden.json, both written from the one hand-written description below
so they cannot drift apart. The pages are committed; run this again only
after changing a plan, then tests/tools/render-web3.sh for the text
renderings. Needs iconv (libc-bin) for the page kept in windows-1258."""
import json
import os
import subprocess
import sys

R57 = ("Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, "
       "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia")

# Each indicator: (number, name, unit, targets by milestone, lead, partners,
# baseline); names and agency cells may hold "\n" where the page breaks the
# line (<br>), read as a space.
PLANS = {
    "xa-tan-lap": dict(
        issuer=("ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"), number="142/KH-UBND",
        place="Tân Lập", date=(15, 9, 2025),
        line="Thực hiện " + R57 + " trên địa bàn xã Tân Lập giai đoạn 2025 - 2030",
        years=[2025, 2030],
        groups=[("I", "Hạ tầng số và dữ liệu số", [
            ("1", "Tỷ lệ thôn có sóng di động 4G trở lên", "%", ["100", "100"],
             "Phòng Kinh tế", "Các doanh nghiệp viễn thông"),
            ("2", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang", "%",
             ["≥ 75", "≥ 90"], "Phòng Kinh tế", "Các doanh nghiệp viễn thông")]),
            ("II", "Chính quyền số", [
                ("1", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
                 "%", ["50", "≥ 80"], "Trung tâm Phục vụ hành chính công",
                 "Văn phòng HĐND và UBND"),
                ("2", "Tỷ lệ văn bản trao đổi giữa các cơ quan dưới dạng điện tử (trừ văn bản mật)",
                 "%", ["100", "100"], "Văn phòng HĐND và UBND", None)]),
            ("III", "Kinh tế số, xã hội số", [
                ("1", "Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán điện tử",
                 "%", ["70", "> 90"], "Phòng Kinh tế", "Các tổ chức tín dụng"),
                ("2", "Số hộ kinh doanh bán hàng trên sàn thương mại điện tử", "Hộ",
                 ["30", "Tối thiểu 150"], "Phòng Kinh tế", "Hội Liên hiệp Phụ nữ xã"),
                ("3", "Tỷ lệ dân số trưởng thành có kỹ năng số cơ bản", "%",
                 ["60", "85-90"], "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên xã")])],
        tasks=[("I", "Phát triển hạ tầng số", [
            ("1", "Rà soát, chỉnh trang hệ thống cáp viễn thông treo trên các trục đường",
             "Phòng Kinh tế", "Các doanh nghiệp viễn thông", "2025 - 2026"),
            ("2", "Lắp đặt camera giám sát an ninh tại các trục đường chính",
             "Công an xã", "Trưởng các thôn", "Năm 2026")]),
            ("II", "Chuyển đổi số trong cơ quan nhà nước", [
                ("1", "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực",
                 "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND",
                 "Quý IV/2025")])]),
    "phuong-hoa-lac": dict(
        issuer=("ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA LẠC"), number="205/KH-UBND",
        place="Hòa Lạc", date=(28, 8, 2025),
        line="Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị "
             "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
             "quốc gia trên địa bàn phường Hòa Lạc",
        years=[2025, 2027, 2030],
        groups=[("1", "Chính quyền số", [
            ("1.1", "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
             "%", ["≥ 80", "≥ 90", "100"], "Trung tâm Phục vụ hành chính công", None),
            ("1.2", "Tỷ lệ hồ sơ công việc tại phường được xử lý trên môi trường mạng",
             "%", ["90", "95", "100"], "Văn phòng HĐND và UBND", None),
            ("1.3", "Mức độ hài lòng của người dân đối với dịch vụ công trực tuyến", "%",
             ["Từ 80% trở lên", "≥ 85", "≥ 90"], "Trung tâm Phục vụ hành chính công", None)]),
            ("2", "Kinh tế số", [
                ("2.1", "Tỷ lệ khu phố có điểm truy cập wifi công cộng miễn phí", "%",
                 ["50", "80", "100"], "Phòng Kinh tế, Hạ tầng và Đô thị", None),
                ("2.2", "Số doanh nghiệp công nghệ số trên địa bàn", "Doanh nghiệp",
                 ["05", "08", "tối thiểu 12"], "Phòng Kinh tế, Hạ tầng và Đô thị", None),
                ("2.3", "Tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn", "%",
                 ["-", "15", "20"], "Phòng Kinh tế, Hạ tầng và Đô thị", None)])],
        tasks=[("I", "Hoàn thiện thể chế, nâng cao nhận thức", [
            ("1", "Ban hành Quy chế quản lý, vận hành Trang thông tin điện tử của phường",
             "Văn phòng HĐND và UBND", "Các khu phố", "Quý IV/2025"),
            ("2", "Tổ chức tập huấn kỹ năng số cho cán bộ khu phố",
             "Phòng Văn hóa - Xã hội", "Tổ công nghệ số cộng đồng", "Hằng năm")]),
            ("II", "Phát triển kinh tế số", [
                ("1", "Hỗ trợ hộ kinh doanh mở gian hàng trên sàn thương mại điện tử",
                 "Phòng Kinh tế, Hạ tầng và Đô thị", "Hội Liên hiệp Phụ nữ phường",
                 "2025 - 2027")])]),
    "so-khcn-dong-hai": dict(
        issuer=("ỦY BAN NHÂN DÂN TỈNH ĐÔNG HẢI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        number="318/KH-SKHCN", place="Đông Hải", date=(10, 9, 2025),
        line="Thực hiện " + R57 + " năm 2025 và định hướng đến năm 2030",
        years=[2025, 2030], baseline="Kết quả năm 2024",
        groups=[("I", "Khoa học, công nghệ và đổi mới sáng tạo", [
            ("1", "Số doanh nghiệp khoa học và công nghệ", "Doanh nghiệp", ["15", "25"],
             "Phòng Quản lý khoa học", "Các sở, ngành liên quan", "12"),
            ("2", "Tỷ lệ chi cho khoa học, công nghệ trong tổng chi ngân sách tỉnh", "%",
             ["2", "≥ 3"], "Phòng Kế hoạch - Tài chính", "Sở Tài chính", "1,2"),
            ("3", "Số sáng chế, giải pháp hữu ích được cấp văn bằng bảo hộ", "Văn bằng",
             ["6", "Tăng trung bình 10%/năm"], "Phòng Quản lý chuyên ngành", None, "4")]),
            ("II", "Chuyển đổi số", [
                ("1", "Tỷ lệ hồ sơ công việc của Sở được xử lý trên môi trường mạng (trừ hồ sơ mật)",
                 "%", ["100", "100"], "Văn phòng Sở", "Các phòng, đơn vị thuộc Sở", "95"),
                ("2", "Xếp hạng chỉ số chuyển đổi số của Sở trong khối sở, ngành", "Thứ hạng",
                 ["Nằm trong tốp 5 của tỉnh", "Nằm trong tốp 3 của tỉnh"], "Văn phòng Sở",
                 "Trung tâm Thông tin và Thống kê khoa học", "8")])],
        tasks=[("I", "Hoàn thiện thể chế", [
            ("1", "Tham mưu ban hành Đề án phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo của tỉnh",
             "Phòng Quản lý khoa học", "Các sở, ngành liên quan", "Quý II/2026")]),
            ("II", "Phát triển hạ tầng và nền tảng số", [
                ("1", "Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh",
                 "Trung tâm Thông tin và Thống kê khoa học", "Văn phòng Sở", "2025 - 2027"),
                ("2", "Triển khai nền tảng số quản lý nhiệm vụ khoa học và công nghệ",
                 "Trung tâm Thông tin và Thống kê khoa học", "Phòng Quản lý khoa học",
                 "Năm 2026")])]),
    "xa-phu-my": dict(
        issuer=("ỦY BAN NHÂN DÂN", "XÃ PHÚ MỸ"), number="88/KH-UBND",
        place="Phú Mỹ", date=(5, 9, 2025),
        line="Thực hiện " + R57 + " trên địa bàn xã Phú Mỹ đến năm 2030",
        years=[2025, 2027, 2030],
        groups=[("I", "Hạ tầng số", [
            ("1", "Tỷ lệ ấp được phủ sóng mạng di động 4G,\n5G", "%", ["100", "100", "100"],
             "Phòng Kinh tế", "Các doanh nghiệp viễn thông"),
            ("2", "Số điểm wifi công cộng miễn phí\ntại nơi công cộng", "Điểm",
             ["05", "10", "≥ 20"], "Phòng Kinh tế", "Viettel Phú Mỹ;\nVNPT Phú Mỹ"),
            ("3", "Tỷ lệ hộ gia đình sử dụng Internet cáp quang", "%",
             ["70", "80 - 85%", "≥ 90"], "Phòng Kinh tế", "Trưởng các ấp")]),
            ("II", "Xã hội số", [
                ("1", "Tỷ lệ người dân được cấp danh tính điện tử mức độ 2", "%",
                 ["80", "90", "100"], "Công an xã", "Trưởng các ấp"),
                ("2", "Tỷ lệ người dân sử dụng thanh toán không dùng tiền mặt", "%",
                 ["50", "65", "trên 80"], "Phòng Kinh tế", "Các tổ chức tín dụng"),
                ("3", "Số chợ thực hiện thanh toán không dùng tiền mặt", "Chợ",
                 ["01", "02", "Tối thiểu 03 chợ"], "Phòng Văn hóa - Xã hội",
                 "Ban quản lý chợ")])],
        tasks=[("I", "Tuyên truyền, nâng cao nhận thức", [
            ("1", "Tuyên truyền Nghị quyết số 57-NQ/TW trên hệ thống loa truyền thanh các ấp",
             "Phòng Văn hóa - Xã hội", "Trưởng các ấp", "Thường xuyên")]),
            ("II", "Phát triển hạ tầng số", [
                ("1", "Ngầm hóa, chỉnh trang cáp viễn thông tại trung tâm xã",
                 "Phòng Kinh tế", "Các doanh nghiệp viễn thông", "2026 - 2027"),
                ("2", "Lắp đặt camera an ninh tại các tuyến đường chính",
                 "Công an xã", "Trưởng các ấp", "Quý II/2026")])]),
}

ROMAN = ["I", "II", "III", "IV", "V"]


def flat(s):
    return " ".join(s.split()) if s is not None else None


def target(text):
    """The golden's reading of a target cell (the conventions of
    tests/data/variants and shapes)."""
    import re
    t = text
    num = lambda s: float(s.replace(".", "").replace(",", ".")) if ("," in s or "." in s) \
        else int(s)
    if t == "-":
        return {"text": t, "kind": "none"}
    m = re.fullmatch(r"Tăng trung bình ([0-9,]+)%/năm", t)
    if m:
        return {"text": t, "kind": "growth", "value": num(m.group(1))}
    m = re.fullmatch(r"Nằm trong tốp ([0-9]+) của tỉnh", t)
    if m:
        return {"text": t, "kind": "rank", "op": "<=", "value": int(m.group(1))}
    m = re.fullmatch(r"([0-9]+)\s*-\s*([0-9]+)%?", t)
    if m:
        return {"text": t, "kind": "range", "min": int(m.group(1)), "max": int(m.group(2))}
    ops = [("≥ ", ">="), ("> ", ">"), ("trên ", ">"), ("Tối thiểu ", ">="),
           ("tối thiểu ", ">="), ("Từ ", ">=")]
    op, rest = ">=", t
    for p, o in ops:
        if t.startswith(p):
            op, rest = o, t[len(p):]
    m = re.match(r"([0-9][0-9.,]*)", rest)
    return {"text": t, "kind": "number", "op": op, "value": num(m.group(1))}


def golden(name, p):
    d, mth, y = p["date"]
    g = {"title": "Kế hoạch " + p["line"][0].lower() + p["line"][1:],
         "number": p["number"], "date": "%04d-%02d-%02d" % (y, mth, d),
         "milestones": p["years"], "groups": [], "task_groups": [],
         "indicators": [], "tasks": []}
    for k, (gno, gname, rows) in enumerate(p["groups"]):
        code = ROMAN[k]
        g["groups"].append({"code": code, "name": gname})
        for j, r in enumerate(rows):
            tg = {str(yr): target(t) for yr, t in zip(p["years"], r[3])}
            g["indicators"].append({
                "code": "%s.%d" % (code, j + 1), "group": code, "name": flat(r[1]),
                "unit": r[2], "baseline_text": r[6] if len(r) > 6 else None,
                "lead": r[4], "monitor": None, "partners": flat(r[5]), "targets": tg})
    for k, (gno, gname, rows) in enumerate(p["tasks"]):
        code = ROMAN[k]
        g["task_groups"].append({"code": code, "name": gname})
        for j, r in enumerate(rows):
            g["tasks"].append({"code": "%s.%d" % (code, j + 1), "group": code,
                               "title": r[1], "lead": r[2], "implementers": r[3],
                               "timeframe": r[4]})
    return g


def esc(s):
    return (s or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def brs(s):
    return "<br>".join(esc(x) for x in (s or "").split("\n"))


def datestr(p):
    d, m, y = p["date"]
    return "%s, ngày %02d tháng %d năm %d" % (p["place"], d, m, y)


BODY = [
    ("I. MỤC ĐÍCH, YÊU CẦU", [
        "1. Quán triệt, cụ thể hóa các quan điểm, mục tiêu của Nghị quyết số 57-NQ/TW phù hợp "
        "với điều kiện thực tế của địa phương.",
        "2. Xác định rõ chỉ tiêu, nhiệm vụ, cơ quan chủ trì, phối hợp và thời gian hoàn thành; "
        "kết quả thực hiện là căn cứ đánh giá, xếp loại cơ quan, đơn vị hằng năm."]),
    ("II. CHỈ TIÊU, NHIỆM VỤ", [
        "Các chỉ tiêu và nhiệm vụ cụ thể, phân công cơ quan chủ trì, phối hợp tại các Phụ "
        "lục kèm theo Kế hoạch này."]),
    ("III. TỔ CHỨC THỰC HIỆN", [
        "1. Các cơ quan, đơn vị được giao chủ trì xây dựng kế hoạch chi tiết, báo cáo kết "
        "quả thực hiện định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12).",
        "2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo để xem "
        "xét, giải quyết."]),
]

NOINHAN = ["Thường trực Đảng ủy;", "Thường trực HĐND;", "Chủ tịch, các Phó Chủ tịch;",
           "Các cơ quan, đơn vị liên quan;", "Lưu: VT."]


# ---------------------------------------------------------------------------
# 1. A thuvienphapluat-like page: the document inside div#divContentDoc;
# tables with inline styles, widths in <col>, each cell's text in <p> with
# <span>s (a name split over two spans), &nbsp; everywhere; a property
# table and tabs before, related documents after.
def tvpl(name, p):
    def cell(text, w=None, align="left", bold=False, span=None):
        a = ' colspan="%d"' % span[0] if span and span[0] > 1 else ""
        a += ' rowspan="%d"' % span[1] if span and span[1] > 1 else ""
        if text is None or text == "":
            inner = "&nbsp;"
        else:
            t = esc(text).replace("≥ ", "≥&nbsp;").replace("&gt; ", "&gt;&nbsp;")
            t = t.replace("Năm ", "Năm&nbsp;")
            words = t.split(" ")
            if len(words) > 6:  # Word and the portal's editor split runs
                h = len(words) // 2
                t = '%s </span><span style="font-size:10.0pt;color:black">%s' % (
                    " ".join(words[:h]), " ".join(words[h:]))
            inner = t
        if bold:
            inner = "<b>%s</b>" % inner
        return ('<td%s style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt" '
                'valign="top"><p style="margin-top:3.0pt;margin-bottom:3.0pt;text-align:%s">'
                '<span style="font-size:10.0pt;color:black">%s</span></p></td>' % (a, align, inner))

    d, m, y = p["date"]
    out = []
    w = out.append
    w('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">')
    w('<title>Kế hoạch %s thực hiện Nghị quyết 57-NQ/TW xã Tân Lập</title>' % p["number"])
    w('<link rel="stylesheet" href="/css/main.css"><style>.mnu li{display:inline}#divContentDoc{font-family:"Times New Roman"}</style>')
    w('<script>var dataLayer=window.dataLayer||[];dataLayer.push({"docId":"651234","type":"Kế hoạch"});</script></head><body>')
    w('<div id="header"><ul class="mnu"><li><a href="/">Trang chủ</a></li><li><a href="/van-ban">Văn bản pháp luật</a></li>'
      '<li><a href="/hoi-dap">Hỏi đáp pháp luật</a></li><li><a href="/dang-nhap">Đăng nhập</a></li><li><a href="/dang-ky">Đăng ký</a></li></ul>'
      '<form action="/tim-kiem"><input name="q" placeholder="Nhập tên văn bản hoặc số hiệu"><button>Tìm kiếm</button></form></div>')
    w('<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/van-ban/cong-nghe-thong-tin">Công nghệ thông tin</a> &gt; Kế hoạch %s</div>' % p["number"])
    w('<h1 class="doc-title">Kế hoạch %s thực hiện Nghị quyết 57-NQ/TW về phát triển khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số do xã Tân Lập ban hành</h1>' % p["number"])
    w('<table class="tbl-prop" cellpadding="2"><tr><td>Số hiệu:</td><td>%s</td><td>Loại văn bản:</td><td>Kế hoạch</td></tr>'
      '<tr><td>Nơi ban hành:</td><td>Xã Tân Lập</td><td>Người ký:</td><td>Trần Văn Lập</td></tr>'
      '<tr><td>Ngày ban hành:</td><td>%02d/%02d/%d</td><td>Ngày hiệu lực:</td><td>Đã biết</td></tr>'
      '<tr><td>Ngày công báo:</td><td>Đang cập nhật</td><td>Số công báo:</td><td>Đang cập nhật</td></tr>'
      '<tr><td>Tình trạng:</td><td>Đã biết</td><td></td><td></td></tr></table>' % (p["number"], d, m, y))
    w('<div class="tabs"><a>Tóm tắt</a> <a class="on">Nội dung</a> <a>Tiếng Anh</a> <a>Văn bản gốc</a> <a>Lược đồ</a> <a>Liên quan hiệu lực</a> <a>Tải về</a></div>')
    w('<div class="content1"><div id="divContentDoc"><div class="content1">')
    # issuer block: a borderless layout table
    w('<table border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse"><tr>'
      '<td width="223" valign="top" style="width:167.4pt;padding:0cm 5.4pt 0cm 5.4pt"><p align="center" style="text-align:center"><b>%s<br>%s<br>-------</b></p></td>'
      '<td width="367" valign="top" style="width:275.4pt;padding:0cm 5.4pt 0cm 5.4pt"><p align="center" style="text-align:center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc <br>---------------</b></p></td></tr>'
      '<tr><td width="223" valign="top" style="padding:0cm 5.4pt 0cm 5.4pt"><p align="center" style="text-align:center">Số:&nbsp;%s</p></td>'
      '<td width="367" valign="top" style="padding:0cm 5.4pt 0cm 5.4pt"><p align="right" style="text-align:right"><i>%s</i></p></td></tr></table>'
      % (p["issuer"][0], p["issuer"][1], p["number"], datestr(p).replace("ngày ", "ngày&nbsp;")))
    w('<p>&nbsp;</p><p align="center" style="text-align:center"><b><span style="font-size:12.0pt">KẾ HOẠCH</span></b></p>')
    w('<p align="center" style="text-align:center"><b>%s</b></p>' % esc(p["line"]))
    w('<p style="margin-top:6.0pt">Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Ủy ban nhân dân xã ban hành Kế hoạch thực hiện như sau:</p>')
    for head, paras in BODY:
        w('<p style="margin-top:6.0pt"><b>%s</b></p>' % head)
        for x in paras:
            w('<p style="margin-top:6.0pt;text-align:justify">%s</p>' % esc(x))
    sign(w, p, "<p>", "</p>")
    w('<p>&nbsp;</p><p align="center" style="text-align:center"><b>PHỤ LỤC I</b></p>')
    w('<p align="center" style="text-align:center"><b>CÁC CHỈ TIÊU THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW</b><br><i>(Kèm theo Kế hoạch số %s ngày %02d/%02d/%d của UBND xã Tân Lập)</i></p>' % (p["number"], d, m, y))
    w('<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;border:none">')
    w('<colgroup><col width="40"><col width="260"><col width="60"><col width="60"><col width="60"><col width="120"><col width="120"></colgroup>')
    w('<tr>' + cell("TT", bold=True, align="center", span=(1, 2)) + cell("Chỉ tiêu", bold=True, align="center", span=(1, 2))
      + cell("Đơn vị tính", bold=True, align="center", span=(1, 2)) + cell("Mục tiêu", bold=True, align="center", span=(2, 1))
      + cell("Cơ quan chủ trì", bold=True, align="center", span=(1, 2)) + cell("Cơ quan phối hợp", bold=True, align="center", span=(1, 2)) + '</tr>')
    w('<tr>' + "".join(cell("Năm %d" % yr, bold=True, align="center") for yr in p["years"]) + '</tr>')
    for gno, gname, rows in p["groups"]:
        w('<tr>' + cell(gno, bold=True, align="center") + cell(gname, bold=True, span=(6, 1)) + '</tr>')
        for r in rows:
            w('<tr>' + cell(r[0], align="center") + cell(r[1]) + cell(r[2], align="center")
              + "".join(cell(t, align="center") for t in r[3]) + cell(r[4]) + cell(r[5]) + '</tr>')
    w('</table>')
    w('<p>&nbsp;</p><p align="center" style="text-align:center"><b>PHỤ LỤC II</b></p>')
    w('<p align="center" style="text-align:center"><b>DANH MỤC NHIỆM VỤ</b></p>')
    w('<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;border:none">')
    w('<colgroup><col width="40"><col width="280"><col width="120"><col width="120"><col width="80"></colgroup>')
    w('<tr>' + "".join(cell(h, bold=True, align="center") for h in ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]) + '</tr>')
    for gno, gname, rows in p["tasks"]:
        w('<tr>' + cell(gno, bold=True, align="center") + cell(gname, bold=True, span=(4, 1)) + '</tr>')
        for r in rows:
            w('<tr>' + cell(r[0], align="center") + cell(r[1]) + cell(r[2]) + cell(r[3]) + cell(r[4], align="center") + '</tr>')
    w('</table>')
    w('</div></div></div>')
    w('<div class="related"><h3>Văn bản liên quan</h3><ul>'
      '<li><a href="/vb/1">Nghị quyết 57-NQ/TW năm 2024 đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia</a></li>'
      '<li><a href="/vb/2">Nghị quyết 03/NQ-CP năm 2025 Chương trình hành động thực hiện Nghị quyết 57-NQ/TW</a></li>'
      '<li><a href="/vb/3">Kế hoạch 02-KH/BCĐTW năm 2025 thực hiện Nghị quyết 57-NQ/TW</a></li></ul></div>')
    w('<div id="footer"><p>Chủ quản: Công ty cổ phần Thư viện Pháp luật. Giấy phép số 27/GP-TTĐT.</p><p>Địa chỉ: 17 Nguyễn Gia Thiều, Quận 3, TP.HCM; Điện thoại: (028) 3930 3279</p></div>')
    w('</body></html>')
    return "\n".join(out) + "\n"


def sign(w, p, po, pc):
    w('%s<b><i>Nơi nhận:</i></b>%s' % (po, pc))
    for x in NOINHAN:
        w('%s- %s%s' % (po, x, pc))
    w('%s<b>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</b>%s' % (po, pc) if "SỞ" not in p["issuer"][1]
      else '%s<b>GIÁM ĐỐC</b>%s' % (po, pc))
    w('%s<i>(Đã ký)</i>%s' % (po, pc))
    w('%s<b>Nguyễn Văn An</b>%s' % (po, pc))


# ---------------------------------------------------------------------------
# 2. A vbpl-like page: the old table layout (a menu column, the document in
# a layout table's cell, its tables nested inside), <font> tags, upper-case
# tags and bare attributes, the document's attributes as a table before it;
# kept in windows-1258 (declared so), diacritics as combining marks where
# that code page has no precomposed letter.
def vbpl(name, p):
    d, m, y = p["date"]
    F = '<FONT face="Times New Roman" size=2>'

    def td(text, extra="", b=False):
        t = brs(text) if text else "&nbsp;"
        if b:
            t = "<B>%s</B>" % t
        return "<TD %s vAlign=top>%s%s</FONT></TD>" % (extra, F, t)

    out = []
    w = out.append
    w('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">')
    w('<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=windows-1258">')
    w('<TITLE>Cơ sở dữ liệu quốc gia về văn bản pháp luật - Kế hoạch %s</TITLE>' % p["number"])
    w('<SCRIPT language=javascript src="/js/menu.js"></SCRIPT></HEAD>')
    w('<BODY leftMargin=0 topMargin=0>')
    w('<TABLE cellSpacing=0 cellPadding=0 width=980 border=0><TR><TD colSpan=2><IMG src="/images/banner.jpg" alt="CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT"></TD></TR>')
    w('<TR><TD class=leftmenu vAlign=top width=180>')
    w('<TABLE width="100%" border=0>' + "".join(
        '<TR><TD><A href="#">%s</A></TD></TR>' % x for x in
        ["Trang chủ", "Văn bản quy phạm pháp luật", "Văn bản hợp nhất", "Hệ thống hóa VBQPPL",
         "Văn bản cấp tỉnh", "Văn bản cấp xã", "Tìm kiếm nâng cao"]) + '</TABLE>')
    w('</TD><TD vAlign=top width=800>')
    w('<DIV class=tabs><A href="#">Toàn văn</A> | <A href="#">Thuộc tính</A> | <A href="#">Lịch sử</A> | <A href="#">VB liên quan</A> | <A href="#">Lược đồ</A> | <A href="#">Bản PDF</A></DIV>')
    w('<TABLE class=thuoctinh width="100%%" border=1 cellPadding=3 cellSpacing=0>'
      '<TR><TD colSpan=4><B>Thuộc tính văn bản</B></TD></TR>'
      '<TR><TD>Số/Ký hiệu</TD><TD>%s</TD><TD>Ngày ban hành</TD><TD>%02d/%02d/%d</TD></TR>'
      '<TR><TD>Loại văn bản</TD><TD>Kế hoạch</TD><TD>Ngày có hiệu lực</TD><TD>%02d/%02d/%d</TD></TR>'
      '<TR><TD>Cơ quan ban hành</TD><TD>UBND phường Hòa Lạc</TD><TD>Người ký</TD><TD>Nguyễn Văn An</TD></TR>'
      '<TR><TD>Tình trạng hiệu lực</TD><TD colSpan=3>Còn hiệu lực</TD></TR></TABLE>' % (p["number"], d, m, y, d, m, y))
    w('<TABLE width="100%" border=0 cellPadding=0 cellSpacing=0><TR><TD class=toanvan>')
    w('<TABLE width="100%" border=0><TR><TD align=center vAlign=top>' + F + '<B>%s<BR>%s</B><BR>-------</FONT></TD>'
      '<TD align=center vAlign=top>' % p["issuer"] + F + '<B>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<BR>Độc lập - Tự do - Hạnh phúc</B><BR>---------------</FONT></TD></TR>'
      '<TR><TD align=center>' + F + 'Số: %s</FONT></TD><TD align=right>' % p["number"] + F + '<I>%s</I></FONT></TD></TR></TABLE>' % datestr(p))
    w('<P align=center>' + F + '<B>KẾ HOẠCH</B></FONT></P>')
    w('<P align=center>' + F + '<B>%s</B></FONT></P>' % esc(p["line"]))
    w('<P>' + F + 'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Ủy ban nhân dân phường ban hành Kế hoạch như sau:</FONT></P>')
    for head, paras in BODY:
        w('<P>' + F + '<B>%s</B></FONT></P>' % head)
        for x in paras:
            w('<P>' + F + '%s</FONT></P>' % esc(x))
    w('<P align=center>' + F + '<B>PHỤ LỤC I. CHỈ TIÊU</B></FONT></P>')
    w('<TABLE width="100%" border=1 cellPadding=2 cellSpacing=0>')
    w('<TR>' + "".join(td(h, "align=center", True) for h in
                       ["STT", "Tên chỉ tiêu", "Đơn vị tính"] + ["Năm %d" % yr for yr in p["years"]] + ["Đơn vị chủ trì"]) + '</TR>')
    for gno, gname, rows in p["groups"]:
        w('<TR>' + td(gno, "align=center", True) + td(gname, "colSpan=%d" % (3 + len(p["years"])), True) + '</TR>')
        for r in rows:
            w('<TR>' + td(r[0], "align=center") + td(r[1]) + td(r[2], "align=center")
              + "".join(td(t, "align=center") for t in r[3]) + td(r[4]) + '</TR>')
    w('</TABLE>')
    w('<P align=center>' + F + '<B>PHỤ LỤC II. NHIỆM VỤ</B></FONT></P>')
    w('<TABLE width="100%" border=1 cellPadding=2 cellSpacing=0>')
    w('<TR>' + "".join(td(h, "align=center", True) for h in
                       ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"]) + '</TR>')
    for gno, gname, rows in p["tasks"]:
        w('<TR>' + td(gno, "align=center", True) + td(gname, "colSpan=4", True) + '</TR>')
        for r in rows:
            w('<TR>' + td(r[0], "align=center") + td(r[1]) + td(r[2]) + td(r[3]) + td(r[4], "align=center") + '</TR>')
    w('</TABLE>')
    w('<TABLE width="100%" border=0><TR><TD vAlign=top width="50%">' + F + '<B><I>Nơi nhận:</I></B><BR>' + "<BR>".join("- " + x for x in NOINHAN)
      + '</FONT></TD><TD align=center vAlign=top>' + F + '<B>TM. ỦY BAN NHÂN DÂN<BR>CHỦ TỊCH</B><BR><BR><BR><B>Nguyễn Văn An</B></FONT></TD></TR></TABLE>')
    w('</TD></TR></TABLE>')
    w('</TD></TR>')
    w('<TR><TD colSpan=2 align=center>' + F + 'CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT - Bộ Tư pháp<BR>Địa chỉ: 58-60 Trần Phú, Ba Đình, Hà Nội. Điện thoại: 024.62739718</FONT></TD></TR></TABLE>')
    w('</BODY></HTML>')
    return "\r\n".join(out) + "\r\n"


# ---------------------------------------------------------------------------
# 3. Word's "Save as Web Page": mso- styles, <o:p>, conditional comments
# (an XML island, list bullets, the ghost row of column widths), lines
# wrapped inside the text; the charset declared windows-1252 while the
# bytes are UTF-8 (as a page re-saved by an editor that kept the meta).
def word(name, p):
    d, m, y = p["date"]

    def wrap(s, n=72):
        out, line = [], ""
        for x in s.split(" "):
            if len(line) + len(x) > n and line:
                out.append(line)
                line = x
            else:
                line = (line + " " + x) if line else x
        out.append(line)
        return "\n".join(out)

    def para(text, align=None, b=False, size="13.0pt"):
        al = " align=%s style='text-align:%s'" % (align, align) if align else " style='text-align:justify'"
        t = esc(text)
        t = "<span lang=VI style='font-size:%s;mso-bidi-font-size:12.0pt'>%s<o:p></o:p></span>" % (size, t)
        if b:
            t = "<b>%s</b>" % t
        return wrap("<p class=MsoNormal%s>%s</p>" % (al, t))

    def td(text, width, span=1, b=False, align="left", first=False):
        bd = "border:solid windowtext 1.0pt" if first else "border:solid windowtext 1.0pt;border-left:none"
        a = " colspan=%d" % span if span > 1 else ""
        if text:
            t = esc(text).replace("≥", "</span><span lang=VI style='font-size:11.0pt;font-family:\"Cambria Math\",serif;mso-bidi-font-family:\"Times New Roman\"'>≥</span><span lang=VI style='font-size:11.0pt'>")
            t = "<span lang=VI style='font-size:11.0pt'>%s<o:p></o:p></span>" % t
        else:
            t = "<span lang=VI style='font-size:11.0pt'><o:p>&nbsp;</o:p></span>"
        if b:
            t = "<b>%s</b>" % t
        return wrap("<td width=%d%s valign=top style='width:%.1fpt;%s;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n"
                    "<p class=MsoNormal align=%s style='text-align:%s'>%s</p>\n</td>" % (width, a, width * 0.75, bd, align, align, t))

    def table(widths, header, rows):
        out = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\n style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"]
        out.append(" <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>")
        for k, (h, wd) in enumerate(zip(header, widths)):
            out.append("  " + td(h, wd, b=True, align="center", first=k == 0))
        out.append(" </tr>")
        for i, r in enumerate(rows):
            out.append(" <tr style='mso-yfti-irow:%d'>" % (i + 1))
            k = 0
            for c in r:
                text, span, b, al = c
                out.append("  " + td(text, sum(widths[k:k + span]), span, b, al, first=k == 0))
                k += span
            out.append(" </tr>")
        out.append(" <![if !supportMisalignedColumns]>\n <tr height=0>")
        for wd in widths:
            out.append("  <td width=%d style='border:none'></td>" % wd)
        out.append(" </tr>\n <![endif]>\n</table>")
        return "\n".join(out)

    out = []
    w = out.append
    w("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\nxmlns:w=\"urn:schemas-microsoft-com:office:word\"\nxmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\"\nxmlns=\"http://www.w3.org/TR/REC-html40\">\n")
    w("<head>\n<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">\n<meta name=ProgId content=Word.Document>\n<meta name=Generator content=\"Microsoft Word 15\">\n<meta name=Originator content=\"Microsoft Word 15\">\n<link rel=File-List href=\"KH%20318_files/filelist.xml\">")
    w("<title>UBND TỈNH ĐÔNG HẢI</title>")
    w("<!--[if gte mso 9]><xml>\n <o:DocumentProperties>\n  <o:Author>Admin</o:Author>\n  <o:LastAuthor>VP So KHCN</o:LastAuthor>\n  <o:Revision>12</o:Revision>\n  <o:TotalTime>95</o:TotalTime>\n  <o:Created>2025-09-08T02:11:00Z</o:Created>\n  <o:Pages>4</o:Pages>\n  <o:Words>1210</o:Words>\n  <o:Company>SKHCN</o:Company>\n  <o:Version>16.00</o:Version>\n </o:DocumentProperties>\n</xml><![endif]-->")
    w("<!--[if gte mso 9]><xml>\n <w:WordDocument>\n  <w:View>Print</w:View>\n  <w:Zoom>110</w:Zoom>\n  <w:DoNotOptimizeForBrowser/>\n </w:WordDocument>\n</xml><![endif]-->")
    w("<style>\n<!--\n /* Font Definitions */\n @font-face\n\t{font-family:\"Cambria Math\";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;\n\tmso-font-charset:0;}\n /* Style Definitions */\n p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{mso-style-unhide:no;\n\tmso-style-qformat:yes;\n\tmargin:0cm;\n\tfont-size:14.0pt;\n\tfont-family:\"Times New Roman\",serif;}\n@page WordSection1\n\t{size:595.3pt 841.9pt;\n\tmargin:2.0cm 2.0cm 2.0cm 3.0cm;}\ndiv.WordSection1\n\t{page:WordSection1;}\n-->\n</style>\n<!--[if gte mso 10]>\n<style>\n /* Style Definitions */\n table.MsoNormalTable\n\t{mso-style-name:\"Table Normal\";\n\tmso-tstyle-rowband-size:0;}\n</style>\n<![endif]-->\n</head>\n")
    w("<body lang=EN-US style='tab-interval:36.0pt;word-wrap:break-word'>\n\n<div class=WordSection1>\n")
    # issuer: a borderless 2x2 table as Word saves it
    w("<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width=643\n style='width:482.3pt;border-collapse:collapse;mso-yfti-tbllook:1184'>\n <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>\n  <td width=265 valign=top style='width:198.5pt;padding:0cm 5.4pt 0cm 5.4pt'>")
    w(para("%s" % p["issuer"][0], "center", False, "12.0pt"))
    w(para("%s" % p["issuer"][1], "center", True, "12.0pt"))
    w("  </td>\n  <td width=378 valign=top style='width:283.8pt;padding:0cm 5.4pt 0cm 5.4pt'>")
    w(para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center", True, "12.0pt"))
    w(para("Độc lập - Tự do - Hạnh phúc", "center", True))
    w("  </td>\n </tr>\n <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>\n  <td width=265 valign=top style='width:198.5pt;padding:0cm 5.4pt 0cm 5.4pt'>")
    w(para("Số: %s" % p["number"], "center"))
    w("  </td>\n  <td width=378 valign=top style='width:283.8pt;padding:0cm 5.4pt 0cm 5.4pt'>")
    w("<p class=MsoNormal align=right style='text-align:right'><i><span lang=VI\nstyle='font-size:13.0pt'>%s<o:p></o:p></span></i></p>" % datestr(p))
    w("  </td>\n </tr>\n</table>\n")
    w("<p class=MsoNormal align=center style='text-align:center'><span lang=VI><o:p>&nbsp;</o:p></span></p>")
    w(para("KẾ HOẠCH", "center", True))
    w(para(p["line"], "center", True))
    w("<p class=MsoNormal align=center style='text-align:center'><b><span lang=VI>___________<o:p></o:p></span></b></p>")
    w(para("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Sở Khoa học và Công nghệ ban hành Kế hoạch thực hiện như sau:"))
    for head, paras in BODY:
        w(para(head, None, True))
        for x in paras:
            num, rest = (x.split(" ", 1) + [""])[:2] if x[0].isdigit() else ("", x)
            if num:
                w("<p class=MsoListParagraph style='margin-left:0cm;text-indent:36.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span\nlang=VI style='font-size:13.0pt'><span style='mso-list:Ignore'>%s<span\nstyle='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span\nlang=VI style='font-size:13.0pt'>%s<o:p></o:p></span></p>" % (num, wrap(esc(rest))))
            else:
                w(para(x))
    w("<p class=MsoNormal><span lang=VI><o:p>&nbsp;</o:p></span></p>")
    w(para("PHỤ LỤC I", "center", True))
    w(para("CHỈ TIÊU THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA SỞ KHOA HỌC VÀ CÔNG NGHỆ", "center", True))
    widths = [38, 200, 62, 62, 70, 70, 100, 100]
    hdr = ["STT", "Chỉ tiêu", "Đơn vị tính", p["baseline"]] + ["Mục tiêu năm %d" % yr for yr in p["years"]] + ["Đơn vị chủ trì", "Đơn vị phối hợp"]
    rows = []
    for gno, gname, rs in p["groups"]:
        rows.append([(gno, 1, True, "center"), (gname, 7, True, "left")])
        for r in rs:
            rows.append([(r[0], 1, False, "center"), (r[1], 1, False, "left"), (r[2], 1, False, "center"), (r[6], 1, False, "center")]
                        + [(t, 1, False, "center") for t in r[3]] + [(r[4], 1, False, "left"), (r[5], 1, False, "left")])
    w(table(widths, hdr, rows))
    w("<p class=MsoNormal><span lang=VI><o:p>&nbsp;</o:p></span></p>")
    w(para("PHỤ LỤC II", "center", True))
    w(para("NHIỆM VỤ TRỌNG TÂM", "center", True))
    widths = [38, 260, 120, 120, 90]
    rows = []
    for gno, gname, rs in p["tasks"]:
        rows.append([(gno, 1, True, "center"), (gname, 4, True, "left")])
        for r in rs:
            rows.append([(r[0], 1, False, "center"), (r[1], 1, False, "left"), (r[2], 1, False, "left"), (r[3], 1, False, "left"), (r[4], 1, False, "center")])
    w(table(widths, ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"], rows))
    w("<p class=MsoNormal><span lang=VI><o:p>&nbsp;</o:p></span></p>")
    w("<p class=MsoNormal><b><i><span lang=VI style='font-size:12.0pt'>Nơi nhận:</span></i></b><span lang=VI\nstyle='font-size:12.0pt'><o:p></o:p></span></p>")
    for x in ["UBND tỉnh (b/c);", "Các sở, ngành liên quan;", "Lãnh đạo Sở;", "Lưu: VT, VP."]:
        w("<p class=MsoNormal><span lang=VI style='font-size:11.0pt'>- %s<o:p></o:p></span></p>" % x)
    w(para("GIÁM ĐỐC", "right", True))
    w(para("Lê Minh Hải", "right", True))
    w("\n</div>\n\n</body>\n\n</html>\n")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# 4. A province's portal ("Cổng thông tin điện tử tỉnh") with the plan as an
# article: the news headline and a summary above it, the table pasted with
# <br> inside cells and a two-row header (rowspan/colspan), a second table
# of related documents after it, a cookie banner, scripts and styles whose
# text looks like table rows.
def portal(name, p):
    d, m, y = p["date"]

    def td(text, a=""):
        return "<td%s>%s</td>" % (a, brs(text) if text else "")

    out = []
    w = out.append
    w('<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="UTF-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">')
    w('<title>Kế hoạch thực hiện Nghị quyết 57-NQ/TW trên địa bàn xã Phú Mỹ - Cổng thông tin điện tử tỉnh Đông Hải</title>')
    w('<style>\n.article table td{border:1px solid #999;padding:4px}\n/* | 1 | Tỷ lệ | % | 100 | */\n.cookie{position:fixed;bottom:0}\n</style>')
    w('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Kế hoạch thực hiện Nghị quyết 57-NQ/TW trên địa bàn xã Phú Mỹ","datePublished":"2025-09-08"}</script>')
    w('<script>\nvar demo = "| 1 | Tỷ lệ người dân | % | 95 | 100 |";\nfunction rows(){ return "| TT | Chỉ tiêu | 2025 | 2030 |\\n| 2 | Số hộ | Hộ | 40 | 80 |"; }\n</script>')
    w('</head>\n<body>')
    w('<header><div class="topbar">Thứ Hai, 08/09/2025 | <a href="/en">English</a> | <a href="/sitemap">Sơ đồ cổng</a></div>')
    w('<div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐÔNG HẢI</div>')
    w('<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li>'
      '<li><a href="/chi-dao-dieu-hanh">Chỉ đạo điều hành</a></li><li><a href="/van-ban">Văn bản</a></li><li><a href="/dvc">Dịch vụ công</a></li></ul></nav></header>')
    w('<main><div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/chi-dao-dieu-hanh">Chỉ đạo điều hành</a> / Kế hoạch</div>')
    w('<article class="article"><h1>Phú Mỹ: Ban hành Kế hoạch thực hiện Nghị quyết 57-NQ/TW về khoa học, công nghệ và chuyển đổi số</h1>')
    w('<div class="meta">Ngày đăng: 08/09/2025 09:15 | Lượt xem: 1.245 | <a href="#" onclick="window.print()">In bài</a></div>')
    w('<p class="sapo"><strong>Ngày %d/%d/%d, UBND xã Phú Mỹ ban hành Kế hoạch số %s thực hiện Nghị quyết 57-NQ/TW, phấn đấu đến năm 2030 có 100%% người dân trưởng thành có danh tính điện tử.</strong></p>' % (d, m, y, p["number"]))
    w('<p>Toàn văn Kế hoạch như sau:</p>')
    w('<div class="content">')
    w('<p style="text-align:center"><strong>%s<br>%s</strong></p>' % p["issuer"])
    w('<p style="text-align:center"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</strong></p>')
    w('<p style="text-align:center">Số: %s</p>' % p["number"])
    w('<p style="text-align:right"><em>%s</em></p>' % datestr(p))
    w('<p style="text-align:center"><strong>KẾ HOẠCH</strong></p>')
    w('<p style="text-align:center"><strong>%s</strong></p>' % esc(p["line"]))
    for head, paras in BODY:
        w('<p><strong>%s</strong></p>' % head)
        for x in paras:
            w('<p>%s</p>' % esc(x))
    w('<p style="text-align:center"><strong>PHỤ LỤC</strong><br><strong>CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2030</strong></p>')
    w('<table border="1" cellpadding="4" cellspacing="0" style="width:100%">\n<tbody>')
    w('<tr><td rowspan="2"><strong>TT</strong></td><td rowspan="2"><strong>Nội dung chỉ tiêu</strong></td><td rowspan="2"><strong>ĐVT</strong></td>'
      '<td colspan="3"><strong>Chỉ tiêu</strong></td><td colspan="2"><strong>Phân công thực hiện</strong></td></tr>')
    w('<tr>' + "".join('<td><strong>%d</strong></td>' % yr for yr in p["years"]) + '<td><strong>Chủ trì</strong></td><td><strong>Phối hợp</strong></td></tr>')
    for gno, gname, rows in p["groups"]:
        w('<tr><td><strong>%s</strong></td><td colspan="7"><strong>%s</strong></td></tr>' % (gno, gname))
        for r in rows:
            w('<tr>' + td(r[0]) + td(r[1]) + td(r[2]) + "".join(td(t) for t in r[3]) + td(r[4]) + td(r[5]) + '</tr>')
    w('</tbody>\n</table>')
    w('<p style="text-align:center"><strong>DANH MỤC NHIỆM VỤ</strong></p>')
    w('<table border="1" cellpadding="4" cellspacing="0" style="width:100%">\n<tbody>')
    w('<tr>' + "".join('<td><strong>%s</strong></td>' % h for h in ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]) + '</tr>')
    for gno, gname, rows in p["tasks"]:
        w('<tr><td><strong>%s</strong></td><td colspan="4"><strong>%s</strong></td></tr>' % (gno, gname))
        for r in rows:
            w('<tr>' + td(r[0]) + td(r[1]) + td(r[2]) + td(r[3]) + td(r[4]) + '</tr>')
    w('</tbody>\n</table>')
    w('<p><strong><em>Nơi nhận:</em></strong><br>' + "<br>".join("- " + x for x in NOINHAN) + '</p>')
    w('<p style="text-align:right"><strong>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</strong><br><br><strong>Nguyễn Văn An</strong></p>')
    w('</div>')
    w('<p style="text-align:right"><strong>Văn phòng HĐND và UBND xã Phú Mỹ</strong></p>')
    w('<div class="attach">Tệp đính kèm: <a href="/files/KH-88.pdf">KH-88-UBND.pdf</a> (256 KB)</div>')
    w('</article>')
    w('<section class="related"><h3>Văn bản liên quan</h3>')
    w('<table class="related-docs" border="1" cellspacing="0"><tr><th>TT</th><th>Số hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th></tr>')
    w('<tr><td>1</td><td>57-NQ/TW</td><td>Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia</td><td>22/12/2024</td></tr>')
    w('<tr><td>2</td><td>03/NQ-CP</td><td>Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW</td><td>09/01/2025</td></tr>')
    w('<tr><td>3</td><td>71/KH-UBND</td><td>Kế hoạch thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Đông Hải năm 2025</td><td>14/3/2025</td></tr></table></section>')
    w('<section class="other-news"><h3>Tin khác</h3><ul><li><a href="#">Phú Mỹ ra mắt mô hình chợ 4.0 (02/09/2025)</a></li><li><a href="#">Hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm (28/08/2025)</a></li></ul></section></main>')
    w('<footer><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Đông Hải</p><p>Đang truy cập: 125 | Hôm nay: 1.520 | Tổng truy cập: 2.345.678</p></footer>')
    w('<div class="cookie" id="cookie-banner">Cổng thông tin sử dụng cookie để cải thiện trải nghiệm của bạn. <button onclick="acceptCookie()">Đồng ý</button></div>')
    w('<noscript>Trình duyệt của bạn đã tắt JavaScript.</noscript>')
    w('<script>function acceptCookie(){document.getElementById("cookie-banner").style.display="none";}\nvar t="<tr><td>1</td><td>Tỷ lệ</td><td>90</td></tr>";</script>')
    w('</body>\n</html>')
    return "\n".join(out) + "\n"


STYLE = {"xa-tan-lap": tvpl, "phuong-hoa-lac": vbpl, "so-khcn-dong-hai": word, "xa-phu-my": portal}


def main():
    out = sys.argv[1]
    for name, p in PLANS.items():
        page = STYLE[name](name, p)
        path = os.path.join(out, name + ".html")
        if name == "phuong-hoa-lac":
            # what the code page has no letter for, as a character reference
            for c in sorted(set(page) - set(map(chr, range(128)))):
                r = subprocess.run(["iconv", "-f", "UTF-8", "-t", "WINDOWS-1258"],
                                   input=c.encode(), capture_output=True)
                if r.returncode != 0:
                    page = page.replace(c, "&#%d;" % ord(c))
            b = subprocess.run(["iconv", "-f", "UTF-8", "-t", "WINDOWS-1258"], input=page.encode(),
                               capture_output=True, check=True).stdout
            open(path, "wb").write(b)
        else:
            open(path, "w", encoding="utf-8").write(page)
        with open(os.path.join(out, name + ".golden.json"), "w", encoding="utf-8") as f:
            json.dump(golden(name, p), f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
