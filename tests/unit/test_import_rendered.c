/* test_import_rendered.c: the four plans as a web page (tests/data/rendered,
 * made by tests/tools/render-plans.sh) give the golden facts; so does one of
 * them wrapped in a portal's chrome (a menu table, "Văn bản liên quan", a
 * footer), and each plan's golden facts rendered the way text renderings of
 * portals lay tables out (each cell on its own line between '|' lines,
 * elision rows, chrome before and after).
 *
 * Compared: milestones, groups, task groups, title, number, date; every
 * indicator's code, group, name, unit, baseline text, lead, monitor and
 * every target's text, kind, op and value; every task's code, group, title,
 * lead, implementers and timeframe. Not compared, because they legitimately
 * differ: source lines and warnings (about the layout, with line numbers of
 * another document), the issuer and the baseline year (the renderings do
 * not carry the appendix caption "Kèm theo ... của ..." nor the year in the
 * "Hiện trạng" header), and a milestone's empty cell against a milestone
 * not listed (the same fact: no target there). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "util.h"

#define RENDERED CHITIEU_DATA "/rendered/"
#define GOLDEN   CHITIEU_DATA "/golden/"

static const char *const names[] = {"000_03b77514fb71b314", "001_5a02e85ee0dfd10c",
                                    "002_f65c0da7dbd96e8d", "004_5f0b3916b5e2f87f"};

static char *slurp(const char *path, size_t *n)
{
	struct error err = {0};
	char *s = import_read_file(path, IMPORT_MAX_BYTES, n, &err);
	if (!s)
		fail_msg("%s", err.msg);
	return s;
}

static void copy_keys(json_t *to, json_t *from, const char *const *keys)
{
	for (; *keys; keys++) {
		json_t *v = json_object_get(from, *keys);
		json_object_set(to, *keys, v ? v : json_null());
	}
}

/* The facts compared (see the top of this file) of a plan's JSON. */
static json_t *facts(json_t *doc)
{
	json_t *p = json_object_get(doc, "plan"), *f = json_object();
	static const char *const plan_keys[] = {"milestones", "groups", "task_groups", "title",
	                                        "number",     "date",   NULL};
	static const char *const ind_keys[] = {"code", "group",         "name",    "unit",
	                                       "lead", "baseline_text", "monitor", NULL};
	static const char *const target_keys[] = {"text", "kind", "op", "value", NULL};
	static const char *const task_keys[] = {"code",         "group",     "title", "lead",
	                                        "implementers", "timeframe", NULL};
	copy_keys(f, p, plan_keys);
	json_t *inds = json_array(), *tasks = json_array(), *v;
	size_t i;
	json_array_foreach(json_object_get(p, "indicators"), i, v)
	{
		json_t *x = json_object(), *ts = json_object(), *t;
		copy_keys(x, v, ind_keys);
		const char *year;
		json_object_foreach(json_object_get(v, "targets"), year, t)
		{
			const char *text = json_string_value(json_object_get(t, "text"));
			if (!text || !*text)
				continue; /* an empty cell: no target at this milestone */
			json_t *y = json_object();
			copy_keys(y, t, target_keys);
			json_object_set_new(ts, year, y);
		}
		json_object_set_new(x, "targets", ts);
		json_array_append_new(inds, x);
	}
	json_array_foreach(json_object_get(p, "tasks"), i, v)
	{
		json_t *x = json_object();
		copy_keys(x, v, task_keys);
		json_array_append_new(tasks, x);
	}
	json_object_set_new(f, "indicators", inds);
	json_object_set_new(f, "tasks", tasks);
	return f;
}

/* Fail naming the first fact that differs. */
static void same_facts(json_t *got, json_t *want, const char *what)
{
	if (json_equal(got, want))
		return;
	const char *key;
	json_t *w;
	json_object_foreach(want, key, w)
	{
		json_t *g = json_object_get(got, key);
		if (json_equal(g, w))
			continue;
		if (json_is_array(w)) {
			size_t n = json_array_size(w) > json_array_size(g) ? json_array_size(w)
			                                                   : json_array_size(g);
			for (size_t i = 0; i < n; i++) {
				json_t *gi = json_array_get(g, i), *wi = json_array_get(w, i);
				if (json_equal(gi, wi))
					continue;
				char *gs = gi ? json_dumps(gi, JSON_COMPACT) : strdup("(missing)");
				char *ws = wi ? json_dumps(wi, JSON_COMPACT) : strdup("(missing)");
				print_error("%s: %s[%zu]\n  got:  %.800s\n  want: %.800s\n", what,
				            key, i, gs, ws);
				free(gs);
				free(ws);
				break;
			}
		} else {
			char *gs = g ? json_dumps(g, JSON_COMPACT | JSON_ENCODE_ANY)
			             : strdup("(missing)");
			char *ws = json_dumps(w, JSON_COMPACT | JSON_ENCODE_ANY);
			print_error("%s: %s\n  got:  %.400s\n  want: %.400s\n", what, key, gs, ws);
			free(gs);
			free(ws);
		}
		fail_msg("%s: %s differs from the golden facts", what, key);
	}
	fail_msg("%s: facts differ", what);
}

static json_t *golden(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, GOLDEN "%s.json", name);
	json_error_t e;
	json_t *want = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	if (!want)
		fail_msg("%s:%d: %s", path, e.line, e.text);
	json_t *f = facts(want);
	json_decref(want);
	return f;
}

static void check_doc(const char *doc, size_t n, const char *name, const char *what)
{
	struct plan p;
	struct error err = {0};
	if (import_plan(doc, n, &p, &err))
		fail_msg("%s: %s", what, err.msg);
	json_t *j = plan_to_json(&p), *got = facts(j), *want = golden(name);
	same_facts(got, want, what);
	json_decref(j);
	json_decref(got);
	json_decref(want);
	plan_free(&p);
}

/* Each plan's saved web page. */
static void html_pages(void **s)
{
	(void)s;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[512];
		snprintf(path, sizeof path, RENDERED "%s.html", names[i]);
		size_t n;
		char *doc = slurp(path, &n);
		check_doc(doc, n, names[i], path);
		free(doc);
	}
}

static const char menu[] =
        "<div id=\"header\"><table class=\"menu\"><tr><td><a href=\"/\">Trang chủ</a></td>"
        "<td><a href=\"/vb\">Văn bản pháp luật</a></td><td><a href=\"/hd\">Hỏi đáp</a></td>"
        "<td><a href=\"/lh\">Liên hệ</a></td></tr></table>"
        "<script>var x = '<table><tr><td>STT</td><td>Chỉ tiêu</td></tr></table>';</script>"
        "<p>Trang chủ &raquo; Văn bản &raquo; Kế hoạch</p>"
        "<table class=\"attr\"><tr><th>Số hiệu</th><td>...</td><th>Loại văn bản</th>"
        "<td>Kế hoạch</td></tr><tr><th>Nơi ban hành</th><td>UBND</td><th>Người ký</th>"
        "<td>Chủ tịch</td></tr></table></div>\n";

static const char related[] =
        "<h3>Văn bản liên quan</h3><table class=\"related\">"
        "<tr><th>STT</th><th>Tên văn bản</th><th>Ngày ban hành</th></tr>"
        "<tr><td>1</td><td>Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công "
        "nghệ</td><td>22/12/2024</td></tr>"
        "<tr><td>2</td><td>Quyết định số 123/QĐ-UBND ban hành danh mục chỉ tiêu</td>"
        "<td>01/02/2025</td></tr>"
        "<tr><td>3</td><td>Kế hoạch số 12/KH-UBND năm 2025</td><td>Còn hiệu lực</td></tr>"
        "</table><div class=\"footer\"><p>Bản quyền &copy; Cổng thông tin</p>"
        "<p>Địa chỉ: số 1 đường &quot;Lê Lợi&quot; &ndash; ĐT: 0123</p></div>\n";

/* A plan's page inside a portal page: a menu table and an attribute table
 * before the plan, a related-documents table and a footer after it, the
 * plan itself inside a layout table's cell. */
static char *in_portal(const char *doc)
{
	const char *body = strstr(doc, "<body>"), *end = strstr(doc, "</body>");
	assert_non_null(body);
	assert_non_null(end);
	body += strlen("<body>");
	return xasprintf("%.*s%s<table class=\"layout\"><tr><td class=\"left\"><ul><li>Tin "
	                 "tức</li><li>Văn bản mới</li></ul></td><td class=\"content\">%.*s"
	                 "</td></tr></table>%s%s",
	                 (int)(body - doc), doc, menu, (int)(end - body), body, related, end);
}

static void html_in_portal(void **s)
{
	(void)s;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[512];
		snprintf(path, sizeof path, RENDERED "%s.html", names[i]);
		size_t n;
		char *doc = slurp(path, &n);
		char *page = in_portal(doc);
		check_doc(page, strlen(page), names[i], "portal page");
		free(page);
		free(doc);
	}
}

/* The chrome alone: no plan in it. */
static void portal_without_plan(void **s)
{
	(void)s;
	char *page = xasprintf("<!DOCTYPE html><html><body>%s%s</body></html>", menu, related);
	struct plan p;
	struct error err = {0};
	assert_int_equal(import_plan(page, strlen(page), &p, &err), -1);
	assert_non_null(strstr(err.msg, "không tìm thấy bảng"));
	err_clear(&err);
	free(page);
}

static void put_cell(struct buf *b, const char *text)
{
	buf_printf(b, "|\n%s\n", text && *text ? text : "");
}

/* The golden facts laid out as a text rendering of a portal page: chrome,
 * the header, each row's cells on their own lines between '|' lines (an
 * empty cell a blank line), an elision row, chrome after. */
static char *cells_rendering(json_t *doc)
{
	json_t *p = json_object_get(doc, "plan"), *ys = json_object_get(p, "milestones"), *v, *g;
	struct buf b = BUF_INIT;
	size_t i, k;
	buf_puts(&b, "Trang chủ | Văn bản pháp luật | Hỏi đáp\n\nTìm kiếm văn bản\n\n");
	json_t *title = json_object_get(p, "title"), *number = json_object_get(p, "number");
	json_t *date = json_object_get(p, "date");
	int dy, dm, dd;
	if (json_is_string(date) && sscanf(json_string_value(date), "%d-%d-%d", &dy, &dm, &dd) == 3)
		buf_printf(&b, "Hà Nội, ngày %d tháng %d năm %d\n\n", dd, dm, dy);
	if (json_is_string(number))
		buf_printf(&b, "Số: %s\n\n", json_string_value(number));
	if (json_is_string(title))
		buf_printf(&b, "KẾ HOẠCH\n%s\n\n", json_string_value(title) + strlen("Kế hoạch "));
	buf_puts(&b, "Căn cứ các văn bản của cấp trên.\n\n");
	if (json_array_size(json_object_get(p, "indicators"))) {
		put_cell(&b, "STT");
		put_cell(&b, "Chỉ tiêu");
		put_cell(&b, "Đơn vị tính");
		put_cell(&b, "Hiện trạng");
		json_array_foreach(ys, k, v)
		{
			char y[16];
			snprintf(y, sizeof y, "Năm %lld", json_integer_value(v));
			put_cell(&b, y);
		}
		put_cell(&b, "Cơ quan chủ trì");
		put_cell(&b, "Cơ quan theo dõi, đánh giá");
		buf_puts(&b, "|\n");
		json_array_foreach(json_object_get(p, "groups"), i, g)
		{
			const char *gc = json_string_value(json_object_get(g, "code"));
			buf_printf(&b, "|\n%s\n|\n%s\n|\n", gc,
			           json_string_value(json_object_get(g, "name")));
			json_t *x;
			size_t j;
			json_array_foreach(json_object_get(p, "indicators"), j, x)
			{
				if (strcmp(json_string_value(json_object_get(x, "group")), gc))
					continue;
				put_cell(&b, json_string_value(json_object_get(x, "code")));
				put_cell(&b, json_string_value(json_object_get(x, "name")));
				put_cell(&b, json_string_value(json_object_get(x, "unit")));
				put_cell(&b,
				         json_string_value(json_object_get(x, "baseline_text")));
				json_array_foreach(ys, k, v)
				{
					char y[16];
					snprintf(y, sizeof y, "%lld", json_integer_value(v));
					json_t *t =
					        json_object_get(json_object_get(x, "targets"), y);
					put_cell(&b, json_string_value(json_object_get(t, "text")));
				}
				put_cell(&b, json_string_value(json_object_get(x, "lead")));
				put_cell(&b, json_string_value(json_object_get(x, "monitor")));
				buf_puts(&b, "|\n");
			}
		}
		/* what a rendering shows for rows it left out */
		buf_puts(&b, "|\n...\n|\n...\n|\n...\n|\n");
	}
	if (json_array_size(json_object_get(p, "tasks"))) {
		buf_puts(&b, "\nPHỤ LỤC II. CÁC NHIỆM VỤ\n\n");
		buf_puts(&b,
		         "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp, thực hiện | Thời "
		         "gian hoàn thành |\n");
		json_array_foreach(json_object_get(p, "task_groups"), i, g)
		{
			const char *gc = json_string_value(json_object_get(g, "code"));
			buf_printf(&b, "| %s | %s | | | |\n", gc,
			           json_string_value(json_object_get(g, "name")));
			json_t *t;
			size_t j;
			json_array_foreach(json_object_get(p, "tasks"), j, t)
			{
				if (strcmp(json_string_value(json_object_get(t, "group")), gc))
					continue;
				const char *f[] = {"code", "title", "lead", "implementers",
				                   "timeframe"};
				for (int c = 0; c < 5; c++) {
					const char *sv =
					        json_string_value(json_object_get(t, f[c]));
					buf_printf(&b, "| %s ", sv ? sv : "");
				}
				buf_puts(&b, "|\n");
			}
		}
		buf_puts(&b, "| ... | ... | ... | ... | ... |\n");
	}
	buf_puts(&b, "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n"
	             "Văn bản liên quan\n\n| 1 | Nghị quyết số 57-NQ/TW | 22/12/2024 |\n"
	             "| 2 | Quyết định số 123/QĐ-UBND | 01/02/2025 |\n\nBản quyền © Cổng thông "
	             "tin\n");
	return buf_detach(&b);
}

static void cells_on_own_lines(void **s)
{
	(void)s;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[512];
		snprintf(path, sizeof path, GOLDEN "%s.json", names[i]);
		json_error_t e;
		json_t *doc = json_load_file(path, 0, &e);
		assert_non_null(doc);
		char *text = cells_rendering(doc);
		check_doc(text, strlen(text), names[i], "cells on their own lines");
		free(text);
		json_decref(doc);
	}
}

static void parse_ok(const char *doc, struct plan *p)
{
	struct error err = {0};
	if (import_plan(doc, strlen(doc), p, &err))
		fail_msg("import failed: %s", err.msg);
}

/* Entities, <br> and <p> in cells, a two-row header with rowspan/colspan,
 * rows spanned by an agency, a page in Windows-1258. */
static void html_cells(void **s)
{
	(void)s;
	const char *doc =
	        "\xef\xbb\xbf  <html><head><title>KẾ HOẠCH</title><style>td{x:1}</style></head>"
	        "<body><p>K&#7870; HO&#x1EA0;CH</p><p>s&ocirc;́ hoá</p>"
	        "<table border=1><tr><th rowspan=\"2\">TT</th><th rowspan=2>Chỉ tiêu</th>"
	        "<th rowspan=2>Đơn vị tính</th><th colspan=2>Mức chỉ tiêu</th>"
	        "<th rowspan=2>Cơ quan chủ trì</th></tr>"
	        "<tr><th>Năm 2025</th><th>Năm 2030</th></tr>"
	        "<tr><td>I</td><td colspan=5>HẠ&nbsp;TẦNG <b>SỐ</b></td></tr>"
	        "<tr><td>1</td><td><p>Tỷ lệ hộ</p><p>có cáp quang</p></td><td>%</td>"
	        "<td>&ge; 80</td><td>100</td><td rowspan=2>Phòng Văn hóa &amp; Xã hội</td></tr>"
	        "<tr><td>2</td><td>Tỷ lệ<br>người dân<br/>có tài khoản</td><td>%</td>"
	        "<td>&lt;5</td><td>&gt; 0,7</td></tr>"
	        "<tr><td>...</td><td>...</td><td>...</td><td>...</td><td>...</td><td>...</td></tr>"
	        "</table><p>Nơi nhận:</p></body></html>";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 2);
	struct indicator *x = find(&p, "I.1");
	assert_string_equal(x->name, "Tỷ lệ hộ có cáp quang");
	assert_string_equal(at(x, 2025)->text, "≥ 80");
	assert_true(at(x, 2025)->value == 80);
	assert_string_equal(x->lead, "Phòng Văn hóa & Xã hội");
	x = find(&p, "I.2");
	assert_string_equal(x->name, "Tỷ lệ người dân có tài khoản");
	assert_string_equal(x->lead, "Phòng Văn hóa & Xã hội"); /* rowspan */
	assert_int_equal(at(x, 2025)->op, TARGET_LT);
	assert_int_equal(at(x, 2030)->op, TARGET_GT);
	assert_true(at(x, 2030)->value == 0.7);
	assert_string_equal(p.groups[0].name, "HẠ TẦNG SỐ");
	plan_free(&p);

	/* The plan's table cut in two at a page break (the second part as wide,
	 * without its header), then a related-documents table. */
	const char *split =
	        "<!DOCTYPE html><body><table><tr><td>TT</td><td>Chỉ tiêu</td><td>Đơn vị tính</td>"
	        "<td>Năm 2030</td></tr><tr><td>1</td><td>Tỷ lệ A</td><td>%</td><td>90</td></tr>"
	        "</table><p>Trang 2</p><table><tr><td>2</td><td>Tỷ lệ B</td><td>%</td>"
	        "<td>80</td></tr></table><p>Văn bản liên quan</p><table><tr><td>3</td>"
	        "<td>Quyết định 1/QĐ-UBND</td><td>01/01/2025</td></tr></table></body>";
	parse_ok(split, &p);
	assert_int_equal(p.nind, 2);
	assert_true(at(find(&p, "I.2"), 2030)->value == 80);
	plan_free(&p);

	/* The same page in Windows-1258, as its <meta> says. */
	const char *w1258 = "<html><head><meta charset=\"windows-1258\"></head><body>"
	                    "<table><tr><td>TT</td><td>Chi\xd2 ti\xeau</td><td>\xd0\xf5n vi\xf2 "
	                    "t\xednh</td><td>N\xe3m 2030</td></tr>"
	                    "<tr><td>1</td><td>Ty\xd2 l\xea\xf2 h\xf4\xf2</td><td>%</td>"
	                    "<td>100</td></tr></table></body></html>";
	parse_ok(w1258, &p);
	assert_int_equal(p.nind, 1);
	assert_string_equal(p.ind[0].name, "Tỷ lệ hộ");
	plan_free(&p);
}

/* Malformed pages end, bounded: unclosed tags, quotes and comments, deep
 * nesting, huge spans. */
static void html_malformed(void **s)
{
	(void)s;
	const char *bad[] = {
	        "<html><table><tr><td>STT<td>Chỉ tiêu<td>Đơn vị tính<td>Năm 2030<tr><td>1<td>"
	        "Tỷ lệ<td>%<td>90",
	        "<html><body><table><tr><td colspan=99999999 rowspan=99999999>x</td></tr>",
	        "<html><!-- never closed <table><tr><td>1</td>",
	        "<html><p title=\"never closed>x</p>",
	        "<html><script>while(1){}",
	        "<html>&#99999999999; &#x; &bogus; &",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct plan p;
		struct error err = {0};
		if (import_plan(bad[i], strlen(bad[i]), &p, &err) == 0)
			plan_free(&p);
		err_clear(&err);
	}
	/* the first one is a plan all the same */
	struct plan p;
	parse_ok(bad[0], &p);
	assert_int_equal(p.nind, 1);
	assert_true(at(&p.ind[0], 2030)->value == 90);
	plan_free(&p);
	/* 2,000 nested tables and 100,000 cells: bounded */
	struct buf b = BUF_INIT;
	buf_puts(&b, "<html>");
	for (int i = 0; i < 2000; i++)
		buf_puts(&b, "<table><tr><td>");
	for (int i = 0; i < 100000; i++)
		buf_puts(&b, "<td rowspan=1000 colspan=64>x");
	struct error err = {0};
	if (import_plan(buf_str(&b), b.len, &p, &err) == 0)
		plan_free(&p);
	err_clear(&err);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(html_pages),          cmocka_unit_test(html_in_portal),
	        cmocka_unit_test(portal_without_plan), cmocka_unit_test(cells_on_own_lines),
	        cmocka_unit_test(html_cells),          cmocka_unit_test(html_malformed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
