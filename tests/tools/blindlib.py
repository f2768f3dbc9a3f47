"""blindlib.py: what the blind rounds' generators (make-blind6.py,
make-blind7.py, ...) share: a target's golden facts (t), the common targets,
the HTML of a plan's letterhead and signature, and a table ruled with
border="1" (RULED_CSS, table_html: make-blind10.py, make-blind11.py)."""
import html

e = html.escape

N = None


def t(text, kind="number", op=">=", value=N, lo=N, hi=N):
    o = {"text": text, "kind": kind}
    if kind == "number":
        o["op"] = op
    if kind in ("number", "growth", "rank"):
        o["value"] = value
    if kind == "rank":
        o["op"] = "<="
    if kind == "range":
        o["min"], o["max"] = lo, hi
    return o


NONE = {"text": "-", "kind": "none"}
KEEP = {"text": "Duy trì", "kind": "maintain"}


ROMAN = ["I", "II", "III", "IV", "V"]
CSS = ('<style>body{font-family:"Times New Roman",serif;font-size:13pt}'
       'table.t{border-collapse:collapse;width:100%}'
       'table.t td,table.t th{border:1px solid #000;padding:3px;font-size:11pt;vertical-align:middle}</style>')


def head(p, css=CSS):
    return ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch %s</title>\n%s</head>\n<body>\n'
            '<table style="width:100%%"><tr><td style="text-align:center;width:40%%"><b>%s</b><br>Số: %s</td>'
            '<td style="text-align:center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>'
            '<i>%s</i></td></tr></table>\n'
            '<p style="text-align:center"><b>KẾ HOẠCH</b></p>\n<p style="text-align:center"><b>%s</b></p>\n'
            % (p["number"], css, "<br>".join(p["issuer"]), p["number"], p["place_date"], e(p["title"])))


def sign(p):
    return ('<table style="width:100%%"><tr><td style="vertical-align:top;width:50%%"><b><i>Nơi nhận:</i></b><br>'
            '- UBND tỉnh;<br>- Sở Khoa học và Công nghệ;<br>- Lưu: VT.</td>'
            '<td style="text-align:center;vertical-align:top"><b>%s</b><br><br><br><b>%s</b></td></tr></table>\n'
            % ("<br>".join(p["signer"]), p["signee"]))


RULED_CSS = '<style>body{font-family:"Times New Roman",serif;font-size:13pt}td{font-size:11pt}</style>'
TABLE = '<table border="1" cellspacing="0" cellpadding="3" width="100%">\n'


def row(cells, bold=False, spans=None):
    s = "<tr>"
    for i, x in enumerate(cells):
        span = ' colspan="%d"' % spans[i] if spans and spans[i] > 1 else ""
        s += "<td%s>%s</td>" % (span, "<b>%s</b>" % e(x) if bold else e(x))
    return s + "</tr>\n"


def table_html(p, cells):
    """The ruled table: its header, a row per group, the indicators' rows."""
    heads = p["heads"]
    s = TABLE + row(heads, True)
    for k, (gname, rows) in enumerate(p["groups"]):
        s += row([ROMAN[k], gname], True, [1, len(heads) - 1])
        for r in rows:
            s += row(cells(r))
    return s + "</table>\n"
