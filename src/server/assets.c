/* assets.c: the one style sheet and the one script of the pages, served
 * from memory with a day's cache. Light: a commune office on a slow line
 * loads them once. */

extern const char app_css[], app_js[];

const char app_css[] =
        "*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,sans-serif;color:#1a202c}"
        "header{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center;padding:.5em 1em;"
        "background:#1a365d;color:#fff}header a{color:#fff}.brand{font-weight:700;"
        "text-decoration:none}nav{display:flex;flex-wrap:wrap;gap:.8em}.who{margin-left:auto;"
        "display:flex;gap:.5em;align-items:center}main{padding:1em;max-width:1200px;margin:auto}"
        "table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border-bottom:1px "
        "solid #e2e8f0;padding:.35em .5em;text-align:left;vertical-align:top}.num{text-align:right;"
        "white-space:nowrap}.badge{display:inline-block;padding:.1em .5em;border-radius:.7em;"
        "font-size:.85em;white-space:nowrap}.xanh{background:#c6f6d5;color:#22543d}.vang{"
        "background:#fefcbf;color:#744210}.do{background:#fed7d7;color:#822727}.xam{background:"
        "#edf2f7;color:#4a5568}.counts{display:flex;flex-wrap:wrap;gap:1em;list-style:none;"
        "padding:0}.error{color:#9b2c2c}p.error,p.ok,p.warn{padding:.5em;border-radius:.3em}"
        "p.error{background:#fff5f5}p.ok{background:#f0fff4}p.warn{background:#fffaf0}"
        ".card{max-width:22em;display:flex;flex-direction:column;gap:.8em}label{display:flex;"
        "flex-direction:column;gap:.2em}.inline,.inline label{display:inline-flex;"
        "flex-direction:row;gap:.4em;align-items:center}input,select,button{font:inherit;"
        "padding:.3em .5em}.entry input{width:7em}.entry "
        "input.evidence{display:block;width:100%;max-width:20em;margin-top:.2em;font-size:.85em}."
        "or{margin:0 .4em;color:#718096;font-size:.85em}"
        ".chart{width:100%;max-width:680px;height:auto}.legend .l-obs{color:#c05621}.legend "
        ".l-path{color:#2b6cb0}.record{white-space:pre-wrap;background:#f7fafc;padding:.5em}"
        ".wide{overflow-x:auto}.grid td:first-child{white-space:nowrap}.grid "
        "td.cell{font-size:.7em;text-align:center}tr.overdue{"
        "background:#fff5f5}tr.old{color:#718096;font-size:.9em}th[data-dir]{cursor:pointer}"
        ".secret input{width:100%;max-width:44em;font-family:monospace}.confirm a{align-self:"
        "flex-start}"
        "@media (max-width:640px){main{padding:.5em}table.status thead{display:none}"
        "table.status tr{display:block;border-bottom:1px solid #e2e8f0;padding:.3em 0}"
        "table.status td{display:inline-block;border:0;padding:.1em .4em}"
        "table.status td:nth-child(2){display:block}.entry td{display:block;border:0}"
        ".entry tr{display:block;border-bottom:1px solid #e2e8f0}.entry thead{display:none}}"
        "@media print{header,form,button{display:none}main{max-width:none}}";

const char app_js[] =
        "'use strict';\n"
        "// Sortable tables: click a column heading.\n"
        "document.querySelectorAll('table.sortable').forEach(function (t) {\n"
        "  t.querySelectorAll('th').forEach(function (th, i) {\n"
        "    th.dataset.dir = '';\n"
        "    th.addEventListener('click', function () {\n"
        "      var up = th.dataset.dir !== 'up'; th.dataset.dir = up ? 'up' : 'down';\n"
        "      var rows = Array.from(t.tBodies[0].rows);\n"
        "      var key = function (r) { var c = r.cells[i]; var s = c.dataset.sort || "
        "c.textContent.trim();\n"
        "        var n = parseFloat(s.replace(',', '.')); return isNaN(n) ? s : n; };\n"
        "      rows.sort(function (a, b) { var x = key(a), y = key(b);\n"
        "        return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1); });\n"
        "      rows.forEach(function (r) { t.tBodies[0].appendChild(r); });\n"
        "    });\n"
        "  });\n"
        "});\n";
