#!/usr/bin/env bash
# browser_upload.sh: the upload page in a real browser (tests/browser/upload.mjs,
# Debian's chromium through playwright-core) against the real server over a
# fresh demo database: a DOCX uploaded, corrected and saved, a changed
# version's difference seen and saved, a scan's progress, a plan's text
# with its task cells to check marked; then the plan's
# figures are all still there. Screenshots stay in build/browser-upload-artifacts.
set -u
bin=$1
data=$2
. "$(dirname "$0")/lib.bash"
backend=sqlite
browser_demo upload
export OMP_THREAD_LIMIT=1
docx=$data/rendered/004_5f0b3916b5e2f87f.docx
# The changed version: I.1's 2025 target 70 -> 85, and I.2's row dropped.
python3 - "$docx" "$tmp/ke-hoach-sua.docx" << 'PY'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for item in z.infolist():
        data = z.read(item.filename)
        if item.filename == "word/document.xml":
            s = data.decode()
            rows = list(re.finditer(r"<w:tr[ >].*?</w:tr>", s, re.S))
            text = lambda m: "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", m.group(0)))
            i1 = next(m for m in rows if text(m).startswith("I.1Phủ sóng 5G"))
            i2 = next(m for m in rows if text(m).startswith("I.2Phủ sóng 6G"))
            row = i1.group(0).replace(">70<", ">85<", 1)  # "≥ " and "70" are two runs
            assert row != i1.group(0)
            s = s[:i1.start()] + row + s[i1.end():i2.start()] + s[i2.end():]
            data = s.encode()
        out.writestr(item, data)
PY
figures() {
	sqlite3 "$CHITIEU_DB" "SELECT count(*) FROM observations o JOIN series s ON s.id = o.series_id
		JOIN units u ON u.id = s.unit_id WHERE u.code = 'DEMO-A'"
}
fig0=$(figures)
[ "$fig0" -ge 3 ] && ok || bad "demo: only $fig0 figures of DEMO-A"
start_server --workers 4
if timeout 240 node "$root/tests/browser/upload.mjs" "$base" "$artifacts" "$docx" "$tmp/ke-hoach-sua.docx" \
	"$data/scans/002_f65c0da7dbd96e8d.scan.pdf" "$data/rendered/001_5a02e85ee0dfd10c.pdf.layout.txt"; then ok; else bad "upload.mjs (screenshots in $artifacts)"; fi
[ "$(sqlite3 "$CHITIEU_DB" "SELECT max(version) FROM plans p JOIN units u ON u.id = p.unit_id WHERE u.code = 'DEMO-A'")" = 3 ] &&
	ok || bad "plan versions: $(sqlite3 "$CHITIEU_DB" 'SELECT unit_id, version FROM plans')"
[ "$(figures)" = "$fig0" ] && ok || bad "figures: $(figures), were $fig0"
sqlite3 "$CHITIEU_DB" "SELECT t.text FROM targets t JOIN indicators i ON i.id = t.indicator_id
	WHERE i.plan_id = (SELECT max(id) FROM plans) AND i.code = 'I.1' AND t.year = 2025" | grep -qx '≥ 85' &&
	ok || bad "I.1's 2025 target in the saved plan"
[ "$(sqlite3 "$CHITIEU_DB" 'SELECT count(*) FROM plan_drafts')" = 0 ] && ok || bad "drafts left behind"
ls "$artifacts"/*.png > /dev/null 2>&1 && ok || bad "no screenshots"
finish browser_upload
