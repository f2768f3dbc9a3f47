/* test_import_plain.c: a plan's table as plain text pulled out of a PDF
 * without its layout (pdftotext without -layout), in the two shapes it
 * takes:
 *
 * - every cell of a row run together with single spaces, the header's
 *   words on one line, a row's text wrapped over several lines, a page
 *   break (form feed, page number, the header again) every few rows: the
 *   four plans' golden facts (tests/data/golden) laid out that way must
 *   read back. An empty cell leaves no trace in such text, so a row with
 *   empty milestone cells (other than an empty baseline) cannot be put
 *   back in its columns: for those rows the test asserts a warning naming
 *   the row and every other field; for all other rows every fact.
 * - the cells written as blocks per column (what LibreOffice's PDFs give,
 *   tests/data/rendered/ *.pdf.txt): the rows that cannot be rebuilt are
 *   named in a warning, and a document with none is refused saying so in
 *   one sentence instead of "no table". */
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

/* Indicators allowed to differ, as measured: a unit that repeats the
 * name's last words ("... (HDI) Chỉ số phát triển con người (HDI)"), a
 * text target that does not start as one, a lead whose last agency is
 * not set off by ';' from the monitoring agency. */
#define MAXDIFF0 2
#define MAXDIFF1 4
#define MAXDIFF2 0
#define MAXDIFF3 1

static const char *const names[] = {"000_03b77514fb71b314", "001_5a02e85ee0dfd10c",
                                    "002_f65c0da7dbd96e8d", "004_5f0b3916b5e2f87f"};

static json_t *load(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, GOLDEN "%s.json", name);
	json_error_t e;
	json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	if (!doc)
		fail_msg("%s:%d: %s", path, e.line, e.text);
	return doc;
}

/* Words of s appended to line, wrapped at width 80 into b. */
static void wrap(struct buf *b, struct buf *line, const char *s)
{
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		size_t k = strcspn(p, " ");
		if (!k)
			break;
		if (line->len && line->len + 1 + k > 80) {
			buf_printf(b, "%s\n", buf_str(line));
			buf_reset(line);
		}
		if (line->len)
			buf_putc(line, ' ');
		buf_put(line, p, k);
		p += k;
	}
}

static void put_row(struct buf *b, const char *const *cells, size_t n)
{
	struct buf line = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		if (cells[i] && *cells[i])
			wrap(b, &line, cells[i]);
	if (line.len)
		buf_printf(b, "%s\n", buf_str(&line));
	buf_free(&line);
}

static const char *str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* Every `every` rows, a page break with the header again. */
static void page_break(struct buf *b, int *rows, int *page, const char *header)
{
	if (++*rows % 18)
		return;
	buf_printf(b, "%d\n\f%s\n", (*page)++, header);
}

/* The golden facts as pdftotext prints a table without its layout. */
static char *run_together(json_t *doc)
{
	json_t *p = json_object_get(doc, "plan"), *ys = json_object_get(p, "milestones"), *v, *g;
	struct buf b = BUF_INIT, head = BUF_INIT;
	size_t i, k;
	int rows = 0, page = 1;
	json_t *title = json_object_get(p, "title"), *number = json_object_get(p, "number");
	int dy, dm, dd;
	if (json_is_string(json_object_get(p, "date")) &&
	    sscanf(str(p, "date"), "%d-%d-%d", &dy, &dm, &dd) == 3)
		buf_printf(&b, "Hà Nội, ngày %d tháng %d năm %d\n", dd, dm, dy);
	if (json_is_string(number))
		buf_printf(&b, "Số: %s\n", json_string_value(number));
	if (json_is_string(title))
		buf_printf(&b, "KẾ HOẠCH\n%s\n", json_string_value(title) + strlen("Kế hoạch "));
	buf_puts(&b, "Căn cứ các văn bản của cấp trên, Ủy ban nhân dân ban hành Kế hoạch với "
	             "các chỉ tiêu và nhiệm vụ\nsau đây.\n");
	if (json_array_size(json_object_get(p, "indicators"))) {
		buf_puts(&b, "PHỤ LỤC I. CÁC CHỈ TIÊU\n");
		buf_puts(&head, "STT Chỉ tiêu Đơn vị tính Hiện trạng");
		json_array_foreach(ys, k, v) buf_printf(&head, " Năm %lld", json_integer_value(v));
		buf_puts(&head, " Cơ quan chủ trì Cơ quan theo dõi, đánh giá");
		buf_printf(&b, "%s\n", buf_str(&head));
		json_array_foreach(json_object_get(p, "groups"), i, g)
		{
			const char *gc = str(g, "code");
			const char *gcells[] = {gc, str(g, "name")};
			put_row(&b, gcells, 2);
			page_break(&b, &rows, &page, buf_str(&head));
			json_t *x;
			size_t j;
			json_array_foreach(json_object_get(p, "indicators"), j, x)
			{
				if (strcmp(str(x, "group"), gc))
					continue;
				const char *cells[32];
				size_t n = 0;
				cells[n++] = str(x, "code");
				cells[n++] = str(x, "name");
				cells[n++] = str(x, "unit");
				cells[n++] = str(x, "baseline_text");
				json_array_foreach(ys, k, v)
				{
					char y[16];
					snprintf(y, sizeof y, "%lld", json_integer_value(v));
					json_t *t =
					        json_object_get(json_object_get(x, "targets"), y);
					cells[n++] = str(t, "text");
				}
				cells[n++] = str(x, "lead");
				cells[n++] = str(x, "monitor");
				put_row(&b, cells, n);
				page_break(&b, &rows, &page, buf_str(&head));
			}
		}
	}
	if (json_array_size(json_object_get(p, "tasks"))) {
		buf_printf(&b, "%d\n\fPHỤ LỤC II. CÁC NHIỆM VỤ\n", page++);
		buf_reset(&head);
		buf_puts(&head,
		         "STT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp, thực hiện Thời gian "
		         "hoàn thành");
		buf_printf(&b, "%s\n", buf_str(&head));
		json_array_foreach(json_object_get(p, "task_groups"), i, g)
		{
			const char *gc = str(g, "code");
			const char *gcells[] = {gc, str(g, "name")};
			put_row(&b, gcells, 2);
			json_t *t;
			size_t j;
			json_array_foreach(json_object_get(p, "tasks"), j, t)
			{
				if (strcmp(str(t, "group"), gc))
					continue;
				const char *cells[] = {str(t, "code"), str(t, "title"),
				                       str(t, "lead"), str(t, "implementers"),
				                       str(t, "timeframe")};
				put_row(&b, cells, 5);
				page_break(&b, &rows, &page, buf_str(&head));
			}
		}
	}
	buf_printf(&b, "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n%d\n\f",
	           page);
	buf_free(&head);
	return buf_detach(&b);
}

/* The row can be put back: every milestone cell filled, the baseline
 * filled or empty. */
static bool complete(json_t *x, json_t *ys)
{
	size_t k;
	json_t *v;
	json_array_foreach(ys, k, v)
	{
		char y[16];
		snprintf(y, sizeof y, "%lld", json_integer_value(v));
		const char *t = str(json_object_get(json_object_get(x, "targets"), y), "text");
		if (!t || !*t)
			return false;
	}
	return true;
}

static json_t *pick(json_t *x, bool targets)
{
	/* the baseline last: without targets it is left out too */
	static const char *const keys[] = {"code", "group",   "name",         "unit",
	                                   "lead", "monitor", "baseline_text"};
	json_t *o = json_object();
	for (size_t k = 0; k < sizeof keys / sizeof keys[0] - !targets; k++) {
		json_t *v = json_object_get(x, keys[k]);
		json_object_set(o, keys[k], v ? v : json_null());
	}
	if (targets) {
		json_t *ts = json_object(), *t;
		const char *year;
		json_object_foreach(json_object_get(x, "targets"), year, t)
		{
			if (!str(t, "text") || !*str(t, "text"))
				continue;
			json_t *y = json_object();
			static const char *const tk[] = {"text", "kind", "op", "value"};
			for (size_t k = 0; k < 4; k++) {
				json_t *v = json_object_get(t, tk[k]);
				json_object_set(y, tk[k], v ? v : json_null());
			}
			json_object_set_new(ts, year, y);
		}
		json_object_set_new(o, "targets", ts);
	}
	return o;
}

static bool warned(const struct plan *p, int line, const char *code)
{
	for (size_t i = 0; i < p->nwarn; i++)
		if (p->warn[i].line == line && strstr(p->warn[i].message, code))
			return true;
	return false;
}

static void same(json_t *g, json_t *w, const char *what, size_t *bad)
{
	if (json_equal(g ? g : json_null(), w ? w : json_null()))
		return;
	if ((*bad)++ < 4) {
		char *gs = json_dumps(g, JSON_COMPACT), *ws = json_dumps(w, JSON_COMPACT);
		print_error("%s\n  got:  %.600s\n  want: %.600s\n", what, gs, ws);
		free(gs);
		free(ws);
	}
}

static void run_together_plan(const char *name, size_t max_differ)
{
	json_t *doc = load(name), *p = json_object_get(doc, "plan");
	char *text = run_together(doc);
	if (getenv("PLAIN_DUMP")) { /* to look at the rendering */
		FILE *f = fopen(getenv("PLAIN_DUMP"), "a");
		if (f) {
			fputs(text, f);
			fclose(f);
		}
	}
	struct plan got;
	struct error err = {0};
	if (import_plan(text, strlen(text), &got, &err))
		fail_msg("%s: %s", name, err.msg);
	json_t *gj = plan_to_json(&got), *gp = json_object_get(gj, "plan");
	size_t bad = 0, whole = 0, partial = 0, lbad = 0;
	const char *lists[] = {"milestones", "groups", "task_groups", "number", "date"};
	for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++)
		same(json_object_get(gp, lists[k]), json_object_get(p, lists[k]), lists[k], &lbad);
	assert_int_equal(lbad, 0);
	json_t *gi = json_object_get(gp, "indicators"), *wi = json_object_get(p, "indicators");
	assert_int_equal(json_array_size(gi), json_array_size(wi));
	for (size_t i = 0; i < json_array_size(wi); i++) {
		json_t *g = json_array_get(gi, i), *w = json_array_get(wi, i);
		bool all = complete(w, json_object_get(p, "milestones"));
		json_t *a = pick(g, all), *b = pick(w, all);
		same(a, b, str(w, "code"), &bad);
		if (!all) {
			/* the row is named in a warning at its line */
			int line = (int)json_integer_value(
			        json_array_get(json_object_get(g, "source_lines"), 0));
			if (!warned(&got, line, str(w, "code")) && bad++ < 4)
				print_error("%s: no warning about its empty cells\n",
				            str(w, "code"));
			partial++;
		} else {
			whole++;
		}
		json_decref(a);
		json_decref(b);
	}
	json_t *gt = json_object_get(gp, "tasks"), *wt = json_object_get(p, "tasks");
	size_t tasks = 0;
	assert_int_equal(json_array_size(gt), json_array_size(wt));
	for (size_t i = 0; i < json_array_size(wt); i++) {
		json_t *g = json_array_get(gt, i), *w = json_array_get(wt, i);
		static const char *const tk[] = {"code", "group",        "title",
		                                 "lead", "implementers", "timeframe"};
		bool eq = true;
		for (size_t k = 0; k < 6; k++)
			eq &= json_equal(json_object_get(g, tk[k]), json_object_get(w, tk[k]));
		tasks += eq;
	}
	print_message("%s: %zu/%zu indicators differ (%zu rows with every cell, %zu with empty "
	              "cells); %zu/%zu tasks identical\n",
	              name, bad, json_array_size(wi), whole, partial, tasks, json_array_size(wt));
	free(text);
	json_decref(gj);
	json_decref(doc);
	plan_free(&got);
	assert_true(bad <= max_differ);
}

static void plain_000(void **s)
{
	(void)s;
	run_together_plan(names[0], MAXDIFF0);
}
static void plain_001(void **s)
{
	(void)s;
	run_together_plan(names[1], MAXDIFF1);
}
static void plain_002(void **s)
{
	(void)s;
	run_together_plan(names[2], MAXDIFF2);
}
static void plain_004(void **s)
{
	(void)s;
	run_together_plan(names[3], MAXDIFF3);
}

/* The header of the issue's example: "Đơn vị", a "Kết quả" column, the two
 * agency columns' words run together; a row wrapped over three lines, a
 * word target, a row with a group numeral. */
static void issue_header(void **s)
{
	(void)s;
	const char *doc =
	        "KẾ HOẠCH\nPhát triển hạ tầng số của xã năm 2025\n"
	        "STT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì theo dõi, đánh giá\n"
	        "I Hạ tầng số\n"
	        "1 Tỷ lệ hộ gia đình có kết nối cáp quang băng rộng cố định % ≥ 80\n"
	        "Phòng Văn hóa - Xã hội Văn phòng HĐND và\nUBND\n"
	        "2 Duy trì hệ thống camera giám sát an ninh trên địa bàn Hệ thống Duy trì Công an "
	        "xã "
	        "Văn phòng HĐND và UBND\n"
	        "II Chính quyền số\n"
	        "3 Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình % 100 Văn phòng "
	        "HĐND và UBND Phòng Kinh tế\n"
	        "Nơi nhận:\n- Như trên;\n";
	struct plan p;
	struct error err = {0};
	if (import_plan(doc, strlen(doc), &p, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(p.nind, 3);
	assert_int_equal(p.ngroups, 2);
	struct indicator *x = &p.ind[0];
	assert_string_equal(x->name, "Tỷ lệ hộ gia đình có kết nối cáp quang băng rộng cố định");
	assert_string_equal(x->unit, "%");
	assert_string_equal(x->lead, "Phòng Văn hóa - Xã hội");
	assert_string_equal(x->monitor, "Văn phòng HĐND và UBND");
	x = &p.ind[1];
	assert_string_equal(x->lead, "Công an xã");
	x = &p.ind[2];
	assert_string_equal(x->group, "II");
	assert_string_equal(x->lead, "Văn phòng HĐND và UBND");
	assert_string_equal(x->monitor, "Phòng Kinh tế");
	plan_free(&p);
}

/* LibreOffice's PDFs pulled to plain text: cells in blocks per column, in
 * pdftotext's order. Only rows whose cells can be put back are read
 * (tests/cli/parse_plain_blocks.sh checks them): the others are named in
 * a warning saying the layout is lost and what to do, and a document with
 * none is refused with that reason. */
static void column_blocks(void **s)
{
	(void)s;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[512];
		snprintf(path, sizeof path, RENDERED "%s.pdf.txt", names[i]);
		struct plan p;
		struct error err = {0};
		if (import_file(path, &p, &err) == -1) {
			assert_non_null(strstr(err.msg, "mất bố cục"));
			assert_non_null(strstr(err.msg, "pdftotext -layout"));
			err_clear(&err);
			continue;
		}
		json_t *g = load(names[i]);
		assert_true(p.nind < json_array_size(json_object_get(json_object_get(g, "plan"),
		                                                     "indicators")));
		bool said = false;
		for (size_t k = 0; k < p.nwarn; k++)
			said |= strstr(p.warn[k].message, "mất bố cục") &&
			        strstr(p.warn[k].message, "pdftotext -layout");
		assert_true(said);
		json_decref(g);
		plan_free(&p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(plain_000),    cmocka_unit_test(plain_001),
	        cmocka_unit_test(plain_002),    cmocka_unit_test(plain_004),
	        cmocka_unit_test(issue_header), cmocka_unit_test(column_blocks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
