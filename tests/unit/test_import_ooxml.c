/* test_import_ooxml.c: Word (.docx) and Excel (.xlsx) plans (issue 12).
 * The four plans rendered by LibreOffice (tests/data/rendered) must give the
 * facts of their golden JSON; small documents built here with libzip show
 * merged cells, Word's list numbering, two tables, several sheets, number
 * cells, and the refusals: no table, a ZIP that is not Office, a zip bomb
 * (real and with lying sizes), a DOCTYPE, deep nesting, a 50 MB file. */
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
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "import.h"
#include "util.h"

#define RENDERED CHITIEU_DATA "/rendered/"
#define GOLDEN   CHITIEU_DATA "/golden/"

/* ---- building packages in memory ---- */

struct part {
	const char *name, *data;
};

/* A ZIP of the given parts; *n gets its size. The caller frees. */
static char *make_zip(const struct part *parts, size_t nparts, size_t *n)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	for (size_t i = 0; i < nparts; i++) {
		zip_source_t *s = zip_source_buffer(z, parts[i].data, strlen(parts[i].data), 0);
		assert_true(zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_open(src), 0);
	zip_source_seek(src, 0, SEEK_END);
	zip_int64_t len = zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	char *out = malloc((size_t)len);
	assert_int_equal(zip_source_read(src, out, (zip_uint64_t)len), len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*n = (size_t)len;
	return out;
}

static const char W_HEAD[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:body>";
static const char W_TAIL[] = "</w:body></w:document>";

static char *docx(const char *body, const char *numbering, size_t *n)
{
	char *doc = xasprintf("%s%s%s", W_HEAD, body, W_TAIL);
	struct part parts[] = {{"[Content_Types].xml", "<Types/>"},
	                       {"word/document.xml", doc},
	                       {"word/numbering.xml", numbering ? numbering : ""}};
	char *z = make_zip(parts, numbering ? 3 : 2, n);
	free(doc);
	return z;
}

static void import_ok(const char *data, size_t n, struct plan *p)
{
	struct error err = {0};
	if (import_plan(data, n, p, &err))
		fail_msg("import failed: %s", err.msg);
}

static char *import_err(const char *data, size_t n)
{
	struct plan p;
	struct error err = {0};
	if (!import_plan(data, n, &p, &err)) {
		plan_free(&p);
		fail_msg("import of bad input succeeded");
	}
	assert_non_null(err.msg);
	assert_int_equal(err.code, ERR_DOCUMENT);
	assert_int_equal(p.nind, 0);
	assert_int_equal(p.ntasks, 0);
	return err.msg; /* the caller's */
}

/* ---- the rendered plans against their golden facts ---- */

/* Is s a plain number ("05", "1.0", "0,7")? Then *v is its value. */
static bool plain_number(const char *s, double *v)
{
	char buf[64];
	size_t n = strlen(s);
	if (!n || n >= sizeof buf || strspn(s, "0123456789.,") != n)
		return false;
	memcpy(buf, s, n + 1);
	for (char *c = buf; *c; c++)
		if (*c == ',')
			*c = '.';
	char *end;
	*v = strtod(buf, &end);
	return !*end;
}

/* Targets with text, so an empty cell the rendering added for a milestone
 * the row has no cell for in the source (the rendering has a column for
 * every milestone of the plan) counts as no target. */
static json_t *written_targets(json_t *ts)
{
	json_t *o = json_object();
	const char *y;
	json_t *t;
	json_object_foreach(ts, y, t)
	{
		const char *text = json_string_value(json_object_get(t, "text"));
		if (text && *text)
			json_object_set(o, y, t);
	}
	return o;
}

static bool same_target(json_t *g, json_t *w)
{
	if (json_equal(g, w))
		return true;
	/* A spreadsheet keeps a number, not how it was typed: LibreOffice
	 * turned "05" and "1.0" into the numbers 5 and 1. Same value, same
	 * kind and operator is the same fact. */
	double a, b;
	const char *gt = json_string_value(json_object_get(g, "text"));
	const char *wt = json_string_value(json_object_get(w, "text"));
	if (!gt || !wt || !plain_number(gt, &a) || !plain_number(wt, &b) || a != b)
		return false;
	json_t *g2 = json_deep_copy(g), *w2 = json_deep_copy(w);
	json_object_del(g2, "text");
	json_object_del(w2, "text");
	bool same = json_equal(g2, w2);
	json_decref(g2);
	json_decref(w2);
	return same;
}

static void same_field(json_t *g, json_t *w, const char *what, size_t i, const char *key)
{
	json_t *a = json_object_get(g, key), *b = json_object_get(w, key);
	if (json_equal(a, b) || (!a && json_is_null(b)) || (json_is_null(a) && !b))
		return;
	char *as = a ? json_dumps(a, JSON_ENCODE_ANY) : strdup("(none)");
	char *bs = b ? json_dumps(b, JSON_ENCODE_ANY) : strdup("(none)");
	print_error("%s[%zu].%s\n  got:  %.300s\n  want: %.300s\n", what, i, key, as, bs);
	free(as);
	free(bs);
	fail_msg("%s[%zu].%s differs from the golden file", what, i, key);
}

/* Warnings about the printed numbering of the source text (a skipped
 * number, an Arabic group code, a group numbered twice): the rendering
 * prints the codes chitieu gave, so these cannot come back. */
static bool numbering_warning(const char *m)
{
	return !strncmp(m, "Số thứ tự", strlen("Số thứ tự")) ||
	       !strncmp(m, "Mã nhóm", strlen("Mã nhóm")) ||
	       (!strncmp(m, "Nhóm \"", strlen("Nhóm \"")) && strstr(m, "đánh số trùng"));
}

/* The message without "(dòng N)": line numbers differ between renderings. */
static char *no_lines(const char *m)
{
	char *s = strdup(m);
	char *d = strstr(s, " (dòng ");
	if (d)
		*d = '\0';
	return s;
}

/* A JSON string of s, which is freed. */
static json_t *json_string_own(char *s)
{
	json_t *j = json_string(s);
	free(s);
	return j;
}

static void check_warnings(json_t *g, json_t *w)
{
	json_t *a = json_array(), *b = json_array();
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(g, "warnings"), i, v)
	{
		const char *m = json_string_value(json_object_get(v, "message"));
		if (!numbering_warning(m))
			json_array_append_new(a, json_string_own(no_lines(m)));
	}
	json_array_foreach(json_object_get(w, "warnings"), i, v)
	{
		const char *m = json_string_value(json_object_get(v, "message"));
		if (!numbering_warning(m))
			json_array_append_new(b, json_string_own(no_lines(m)));
	}
	if (!json_equal(a, b)) {
		char *as = json_dumps(a, 0), *bs = json_dumps(b, 0);
		print_error("warnings\n  got:  %s\n  want: %s\n", as, bs);
		free(as);
		free(bs);
		fail_msg("warnings differ");
	}
	json_decref(a);
	json_decref(b);
}

/* What is compared, and what is not:
 * - plan: title, number, date, milestones, groups, task_groups. Not the
 *   issuer nor the baseline year: the rendering keeps the plan's opening
 *   lines only, not the "Kèm theo ... của ..." caption nor the baseline
 *   column's year ("Hiện trạng").
 * - indicators, in order: code, group, name, unit, baseline, baseline_text,
 *   lead, monitor, and every target with text (text, kind, op, value ...;
 *   see same_target()). Not partners, implementers, deadline, directing:
 *   the rendering has no columns for them. Not
 *   source_lines nor source: where a row stands differs by format (source
 *   is checked separately: every indicator has one).
 * - tasks, in order: code, group, title, lead, implementers, timeframe, due,
 *   recurring. Not source_lines nor source.
 * - warnings, but not those about the source text's numbering, and with
 *   line numbers taken out. */
static void golden_format(const char *name, const char *ext)
{
	char path[512];
	snprintf(path, sizeof path, RENDERED "%s.%s", name, ext);
	struct plan p;
	struct error err = {0};
	if (import_file(path, &p, &err))
		fail_msg("%s: %s", path, err.msg);
	json_t *got = plan_to_json(&p);
	snprintf(path, sizeof path, GOLDEN "%s.json", name);
	json_error_t e;
	json_t *want = json_load_file(path, 0, &e);
	if (!want)
		fail_msg("%s: %s", path, e.text);
	json_t *g = json_object_get(got, "plan"), *w = json_object_get(want, "plan");
	const char *plan_keys[] = {"title",      "number", "date",
	                           "milestones", "groups", "task_groups"};
	for (size_t k = 0; k < sizeof plan_keys / sizeof *plan_keys; k++)
		same_field(g, w, "plan", 0, plan_keys[k]);

	json_t *gi = json_object_get(g, "indicators"), *wi = json_object_get(w, "indicators");
	assert_int_equal(json_array_size(gi), json_array_size(wi));
	const char *ind_keys[] = {"code",     "group",         "name", "unit",
	                          "baseline", "baseline_text", "lead", "monitor"};
	for (size_t i = 0; i < json_array_size(wi); i++) {
		json_t *a = json_array_get(gi, i), *b = json_array_get(wi, i);
		for (size_t k = 0; k < sizeof ind_keys / sizeof *ind_keys; k++)
			same_field(a, b, "indicators", i, ind_keys[k]);
		json_t *ta = written_targets(json_object_get(a, "targets"));
		json_t *tb = written_targets(json_object_get(b, "targets"));
		assert_int_equal(json_object_size(ta), json_object_size(tb));
		const char *y;
		json_t *t;
		json_object_foreach(tb, y, t)
		{
			if (!same_target(json_object_get(ta, y), t)) {
				char *as = json_dumps(json_object_get(ta, y), JSON_ENCODE_ANY);
				char *bs = json_dumps(t, JSON_ENCODE_ANY);
				print_error("got %s want %s\n", as, bs);
				free(as);
				free(bs);
				fail_msg("%s: indicator %zu target %s differs", name, i, y);
			}
		}
		json_decref(ta);
		json_decref(tb);
		json_t *src = json_object_get(a, "source");
		assert_true(json_integer_value(json_object_get(src, "table")) >= 1);
		assert_true(json_integer_value(json_object_get(src, "row")) >= 1);
	}
	json_t *gt = json_object_get(g, "tasks"), *wt = json_object_get(w, "tasks");
	assert_int_equal(json_array_size(gt), json_array_size(wt));
	const char *task_keys[] = {"code",         "group",     "title", "lead",
	                           "implementers", "timeframe", "due",   "recurring"};
	for (size_t i = 0; i < json_array_size(wt); i++) {
		for (size_t k = 0; k < sizeof task_keys / sizeof *task_keys; k++)
			same_field(json_array_get(gt, i), json_array_get(wt, i), "tasks", i,
			           task_keys[k]);
		json_t *src = json_object_get(json_array_get(gt, i), "source");
		assert_true(json_integer_value(json_object_get(src, "table")) >= 1);
	}
	check_warnings(g, w);
	json_decref(got);
	json_decref(want);
	plan_free(&p);
}

#define GOLDEN_TEST(fn, name, ext)                                                                 \
	static void fn(void **s)                                                                   \
	{                                                                                          \
		(void)s;                                                                           \
		golden_format(name, ext);                                                          \
	}
GOLDEN_TEST(docx_000, "000_03b77514fb71b314", "docx")
GOLDEN_TEST(docx_001, "001_5a02e85ee0dfd10c", "docx")
GOLDEN_TEST(docx_002, "002_f65c0da7dbd96e8d", "docx")
GOLDEN_TEST(docx_004, "004_5f0b3916b5e2f87f", "docx")
GOLDEN_TEST(xlsx_000, "000_03b77514fb71b314", "xlsx")
GOLDEN_TEST(xlsx_001, "001_5a02e85ee0dfd10c", "xlsx")
GOLDEN_TEST(xlsx_002, "002_f65c0da7dbd96e8d", "xlsx")
GOLDEN_TEST(xlsx_004, "004_5f0b3916b5e2f87f", "xlsx")

/* ---- hand-made Word documents ---- */

#define P(text)       "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"
#define TC(text)      "<w:tc>" P(text) "</w:tc>"
#define TCX(pr, text) "<w:tc><w:tcPr>" pr "</w:tcPr>" P(text) "</w:tc>"
#define NUMP(id, text)                                                                             \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" id                           \
	"\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"

/* Word's numbering: list 1 is "1.", "2." (decimal), list 2 "I.", "II.". */
static const char NUMBERING[] =
        "<?xml version=\"1.0\"?><w:numbering "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
        "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
        "<w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";

/* Two tables: indicators with a group row spanning the table (gridSpan),
 * a lead agency merged down two rows (vMerge), STT numbers from Word's
 * list numbering, a cell of two paragraphs; then tasks. */
static const char MERGED_BODY[] = P("Số: 12/KH-UBND") P("Xã Hòa Bình, ngày 3 tháng 6 năm 2025") P("KẾ HOẠCH") P(
        "Chuyển đổi số năm 2025") P("Ủy ban nhân dân xã ban hành kế hoạch với các "
                                    "chỉ tiêu sau đây, để các cơ quan "
                                    "thực hiện và báo cáo kết quả định kỳ theo quy "
                                    "định.") "<w:tbl><w:tr>" TC("STT") TC("Chỉ tiêu") TC("Đơn vị "
                                                                                         "tính") TC("Năm 2025") TC("Năm 2030")
        TC("Cơ quan chủ trì") "</w:tr>"
                              "<w:tr><w:tc>" NUMP("2", "") "</w:tc>" TCX(
                                      "<w:gridSpan w:val=\"5\"/>",
                                      "Hạ tầng số") "</w:tr>"
                                                    "<w:tr><w:tc>" NUMP(
                                                            "1",
                                                            "") "</w:tc>"
                                                                "<w:tc>" P(
                                                                        "Tỷ lệ hộ gia "
                                                                        "đình") P("có "
                                                                                  "cáp "
                                                                                  "quan"
                                                                                  "g") "</w:tc>" TC("%") TC("≥ 80") TC("100")
                                                                        TCX("<w:vMerge "
                                                                            "w:val="
                                                                            "\"restart"
                                                                            "\"/>",
                                                                            "Công an "
                                                                            "xã") "</"
                                                                                  "w:"
                                                                                  "tr>"
                                                                                  "<w:"
                                                                                  "tr><"
                                                                                  "w:"
                                                                                  "tc"
                                                                                  ">" NUMP("1", "") "</w:tc>" TC(
                                                                                          "Số điểm "
                                                                                          "wifi "
                                                                                          "công "
                                                                                          "cộng") TC("Điểm") TC("5")
                                                                                          TC("10") "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
                                                                                                   "</w:tbl>" P("Các nhiệm vụ cụ thể như sau.") "<w:tbl><w:tr>" TC(
                                                                                                           "STT") TC("Nhiệm vụ") TC("Cơ quan chủ trì")
                                                                                                           TC("Thời gian hoàn thành") "</w:tr><w:tr>" TC(
                                                                                                                   "1") TC("Xây dựng kho dữ liệu")
                                                                                                                   TC("Văn phòng")
                                                                                                                           TC("Tháng 12/2025") "</w:tr></w:tbl>" P(
                                                                                                                                   "Nơi nhận:");

static void docx_merged_two_tables(void **s)
{
	(void)s;
	size_t n;
	char *z = docx(MERGED_BODY, NUMBERING, &n);
	struct plan p;
	import_ok(z, n, &p);
	assert_string_equal(p.number, "12/KH-UBND");
	assert_string_equal(p.date, "2025-06-03");
	assert_string_equal(p.title, "Kế hoạch chuyển đổi số năm 2025");
	assert_int_equal(p.ngroups, 1);
	assert_string_equal(p.groups[0].code, "I");
	assert_string_equal(p.groups[0].name, "Hạ tầng số");
	assert_int_equal(p.nind, 2);
	struct indicator *a = find(&p, "I.1"), *b = find(&p, "I.2");
	assert_string_equal(a->name, "Tỷ lệ hộ gia đình có cáp quang");
	assert_string_equal(a->unit, "%");
	assert_int_equal(at(a, 2025)->op, TARGET_GE);
	assert_true(at(a, 2025)->value == 80);
	assert_string_equal(a->lead, "Công an xã");
	assert_string_equal(b->lead, "Công an xã"); /* the merged cell repeats */
	assert_string_equal(at(b, 2030)->text, "10");
	assert_int_equal(a->src.table, 1);
	assert_int_equal(a->src.row, 3);
	assert_int_equal(b->src.row, 4);
	assert_int_equal(a->src.page, 0);
	assert_int_equal(p.ntasks, 1);
	assert_string_equal(p.tasks[0].title, "Xây dựng kho dữ liệu");
	assert_int_equal(p.tasks[0].src.table, 2);
	assert_int_equal(p.tasks[0].src.row, 2);
	assert_int_equal(p.tasks[0].due_year, 2025);
	/* The location goes into the JSON and comes back. */
	json_t *j = plan_to_json(&p);
	json_t *src = json_object_get(
	        json_array_get(json_object_get(json_object_get(j, "plan"), "indicators"), 1),
	        "source");
	assert_int_equal(json_integer_value(json_object_get(src, "table")), 1);
	assert_int_equal(json_integer_value(json_object_get(src, "row")), 4);
	assert_true(json_is_null(json_object_get(src, "page")));
	struct plan q;
	assert_int_equal(plan_from_json(j, &q), 0);
	assert_int_equal(find(&q, "I.2")->src.row, 4);
	assert_int_equal(q.tasks[0].src.table, 2);
	plan_free(&q);
	json_decref(j);
	plan_free(&p);
	free(z);
}

/* A plan whose numbers come only from Word's list numbering outside a
 * table is still read from its table; the list items are numbered text. */
static void docx_numbered_paragraphs(void **s)
{
	(void)s;
	const char body[] = NUMP("1", "Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 90%;")
	        NUMP("1", "Tỷ lệ hộ có cáp quang đạt 80%.") "<w:tbl><w:tr>" TC("TT")
	                TC("Nội dung chỉ tiêu") TC("Đơn vị tính")
	                        TC("Năm 2025") "</w:tr><w:tr>" TC("1") TC("Số điểm wifi") TC("Điểm")
	                                TC("5") "</w:tr></w:tbl>";
	size_t n;
	char *z = docx(body, NUMBERING, &n);
	struct plan p;
	import_ok(z, n, &p);
	assert_int_equal(p.nind, 1);
	assert_int_equal(find(&p, "I.1")->src.row, 2);
	plan_free(&p);
	free(z);
}

static void docx_no_table(void **s)
{
	(void)s;
	size_t n;
	char *z = docx(P("KẾ HOẠCH") P("Chuyển đổi số năm 2025") P("Không có bảng nào."), NULL, &n);
	char *err = import_err(z, n);
	assert_non_null(strstr(err, "tệp Word không có bảng nào"));
	assert_non_null(strstr(err, "hãy"));
	free(err);
	free(z);
}

static void docx_table_without_indicators(void **s)
{
	(void)s;
	size_t n;
	char *z = docx("<w:tbl><w:tr>" TC("ỦY BAN NHÂN DÂN") TC("CỘNG HÒA") "</w:tr></w:tbl>", NULL,
	               &n);
	char *err = import_err(z, n);
	assert_non_null(strstr(err, "không có bảng chỉ tiêu hay nhiệm vụ"));
	free(err);
	free(z);
}

static void zip_not_office(void **s)
{
	(void)s;
	struct part parts[] = {{"readme.txt", "xin chào"}, {"data/a.csv", "a,b\n1,2\n"}};
	size_t n;
	char *z = make_zip(parts, 2, &n);
	char *err = import_err(z, n);
	assert_non_null(strstr(err, "không phải tài liệu Word (.docx) hay bảng tính Excel"));
	free(err);
	free(z);
	/* Not even a ZIP after its first bytes. */
	err = import_err("PK\3\4garbage that is no archive", 31);
	assert_non_null(strstr(err, "tệp ZIP bị hỏng"));
	free(err);
}

/* ---- limits ---- */

/* A source of `size` spaces made on the fly: a 200 MB entry without 200 MB
 * of memory. */
struct spaces {
	zip_uint64_t size, off;
};

static zip_int64_t spaces_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct spaces *sp = ud;
	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		sp->off = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		zip_uint64_t k = sp->size - sp->off < len ? sp->size - sp->off : len;
		memset(data, ' ', (size_t)k);
		sp->off += k;
		return (zip_int64_t)k;
	}
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		zip_stat_init(st);
		st->size = sp->size;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof *st;
	}
	case ZIP_SOURCE_ERROR:
		return 0;
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
		                                      ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		                                      ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return -1;
	}
}

/* word/document.xml of `size` bytes of spaces after an opening tag. */
static char *bomb(zip_uint64_t size, size_t *n)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	struct spaces sp = {size, 0};
	zip_source_t *s = zip_source_function(z, spaces_cb, &sp);
	assert_true(zip_file_add(z, "word/document.xml", s, 0) >= 0);
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_open(src), 0);
	zip_source_seek(src, 0, SEEK_END);
	zip_int64_t len = zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	char *out = malloc((size_t)len);
	assert_int_equal(zip_source_read(src, out, (zip_uint64_t)len), len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*n = (size_t)len;
	return out;
}

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void zip_bomb(void **s)
{
	(void)s;
	size_t n;
	char *z = bomb(200u << 20, &n);
	assert_true(n < (1u << 20)); /* 200 MB in under 1 MB */
	double t0 = seconds();
	char *err = import_err(z, n);
	assert_non_null(strstr(err, "quá lớn"));
	assert_non_null(strstr(err, "bom nén"));
	free(err);
	assert_true(seconds() - t0 < 20);
	free(z);
}

/* The sizes in the archive say 100 bytes; the entry inflates to 70 MB. The
 * bytes are counted while reading, so the lie does not help. */
static void zip_bomb_lying_sizes(void **s)
{
	(void)s;
	size_t n;
	zip_uint64_t real = 70u << 20;
	char *z = bomb(real, &n);
	/* Patch every 32-bit little-endian copy of the real size (local header,
	 * central directory) to 100. */
	int patched = 0;
	for (size_t i = 0; i + 4 <= n; i++) {
		uint32_t v = (uint32_t)(unsigned char)z[i] |
		             (uint32_t)(unsigned char)z[i + 1] << 8 |
		             (uint32_t)(unsigned char)z[i + 2] << 16 |
		             (uint32_t)(unsigned char)z[i + 3] << 24;
		if (v == real) {
			z[i] = 100;
			z[i + 1] = z[i + 2] = z[i + 3] = 0;
			patched++;
		}
	}
	assert_true(patched >= 2);
	char *err = import_err(z, n);
	assert_non_null(strstr(err, "word/document.xml"));
	free(err);
	free(z);
}

static void xml_doctype_refused(void **s)
{
	(void)s;
	const char *laughs =
	        "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
	        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
	        "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><w:document "
	        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
	        "<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>";
	struct part parts[] = {{"word/document.xml", laughs}};
	size_t n;
	char *z = make_zip(parts, 1, &n);
	char *err = import_err(z, n);
	assert_non_null(strstr(err, "DOCTYPE"));
	free(err);
	free(z);
}

static void xml_too_deep(void **s)
{
	(void)s;
	struct {
		char *p;
		size_t n;
	} b = {NULL, 0};
	FILE *f = open_memstream(&b.p, &b.n);
	fputs(W_HEAD, f);
	for (int i = 0; i < 5000; i++)
		fputs("<w:sdt>", f);
	for (int i = 0; i < 5000; i++)
		fputs("</w:sdt>", f);
	fputs(W_TAIL, f);
	fclose(f);
	struct part parts[] = {{"word/document.xml", b.p}};
	size_t n;
	char *z = make_zip(parts, 1, &n);
	char *err = import_err(z, n);
	assert_non_null(strstr(err, "lồng quá sâu"));
	free(err);
	free(z);
	free(b.p);
}

/* 50 MB is refused before it is read into memory past the limit, by the
 * file reader the CLI uses, and by import_plan itself. */
static void fifty_megabytes(void **s)
{
	(void)s;
	char path[] = "/tmp/chitieu-ooxml-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "PK\3\4", 4), 4);
	assert_int_equal(ftruncate(fd, 50u << 20), 0);
	close(fd);
	struct plan p;
	struct error err = {0};
	assert_int_equal(import_file(path, &p, &err), -1);
	assert_non_null(strstr(err.msg, "quá lớn"));
	err_clear(&err);
	unlink(path);
	size_t n = 50u << 20;
	char *big = calloc(1, n);
	memcpy(big, "PK\3\4", 4);
	char *why = import_err(big, n);
	assert_non_null(strstr(why, "quá lớn"));
	free(why);
	free(big);
}

/* ---- a hand-made workbook ---- */

static const char SST[] =
        "<?xml version=\"1.0\"?><sst "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<si><t>STT</t></si><si><t>Chỉ tiêu</t></si><si><t>Đơn vị tính</t></si>"
        "<si><t>Năm 2025</t></si><si><t>Cơ quan chủ trì</t></si>"
        "<si><r><t>Hạ tầng </t></r><r><t>số</t></r></si><si><t>Tỷ lệ hộ có cáp quang</t></si>"
        "<si><t>%</t></si><si><t>Công an xã</t></si><si><t>Chỉ số chuyển đổi số</t></si>"
        "</sst>";

static const char STYLES[] =
        "<?xml version=\"1.0\"?><styleSheet "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs>"
        "<xf numFmtId=\"0\"/><xf numFmtId=\"9\"/></cellXfs></styleSheet>";

static const char WORKBOOK[] =
        "<?xml version=\"1.0\"?><workbook "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<sheets><sheet name=\"Ghi chú\" sheetId=\"1\" r:id=\"rId1\"/>"
        "<sheet name=\"Chỉ tiêu\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";

static const char RELS[] =
        "<?xml version=\"1.0\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Target=\"worksheets/notes.xml\"/>"
        "<Relationship Id=\"rId2\" Target=\"worksheets/plan.xml\"/></Relationships>";

static const char NOTES[] =
        "<?xml version=\"1.0\"?><worksheet "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Số: 7/KH-UBND</t></is></c></row>"
        "</sheetData></worksheet>";

/* Header on row 2; group row 3 merged B3:E3; two indicators with the lead
 * merged down E4:E5; a number 0.7 and a percent-formatted 0.95. */
static const char PLAN_SHEET[] =
        "<?xml version=\"1.0\"?><worksheet "
        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>"
        "<c r=\"C2\" t=\"s\"><v>2</v></c><c r=\"D2\" t=\"s\"><v>3</v></c>"
        "<c r=\"E2\" t=\"s\"><v>4</v></c></row>"
        "<row r=\"3\"><c r=\"A3\" t=\"str\"><v>I</v></c><c r=\"B3\" t=\"s\"><v>5</v></c></row>"
        "<row r=\"4\"><c r=\"A4\"><v>1</v></c><c r=\"B4\" t=\"s\"><v>6</v></c>"
        "<c r=\"C4\" t=\"s\"><v>7</v></c><c r=\"D4\" s=\"1\"><v>0.95</v></c>"
        "<c r=\"E4\" t=\"s\"><v>8</v></c></row>"
        "<row r=\"5\"><c r=\"A5\"><v>2</v></c><c r=\"B5\" t=\"s\"><v>9</v></c>"
        "<c r=\"D5\"><v>0.7</v></c><c r=\"E5\"/></row>"
        "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"B3:E3\"/>"
        "<mergeCell ref=\"E4:E5\"/></mergeCells></worksheet>";

static void xlsx_sheets_merges_numbers(void **s)
{
	(void)s;
	struct part parts[] = {
	        {"xl/workbook.xml", WORKBOOK},      {"xl/_rels/workbook.xml.rels", RELS},
	        {"xl/sharedStrings.xml", SST},      {"xl/styles.xml", STYLES},
	        {"xl/worksheets/notes.xml", NOTES}, {"xl/worksheets/plan.xml", PLAN_SHEET}};
	size_t n;
	char *z = make_zip(parts, sizeof parts / sizeof *parts, &n);
	struct plan p;
	import_ok(z, n, &p);
	assert_string_equal(p.number, "7/KH-UBND");
	assert_int_equal(p.ngroups, 1);
	assert_string_equal(p.groups[0].name, "Hạ tầng số");
	assert_int_equal(p.nind, 2);
	struct indicator *a = find(&p, "I.1"), *b = find(&p, "I.2");
	assert_string_equal(at(a, 2025)->text, "95%");
	assert_true(at(a, 2025)->value == 95);
	assert_string_equal(at(b, 2025)->text, "0,7");
	assert_true(at(b, 2025)->value == 0.7);
	assert_string_equal(a->lead, "Công an xã");
	assert_string_equal(b->lead, "Công an xã");
	assert_int_equal(a->src.table, 2); /* the second sheet */
	assert_int_equal(a->src.row, 4);
	assert_int_equal(b->src.row, 5);
	plan_free(&p);
	free(z);
}

/* A workbook part that is not XML: one sentence naming the part. */
static void xlsx_bad_xml(void **s)
{
	(void)s;
	struct part parts[] = {{"xl/workbook.xml", WORKBOOK},
	                       {"xl/_rels/workbook.xml.rels", RELS},
	                       {"xl/worksheets/notes.xml", "<worksheet><sheetData><row>"}};
	size_t n;
	char *z = make_zip(parts, 3, &n);
	char *err = import_err(z, n);
	assert_non_null(strstr(err, "xl/worksheets/notes.xml"));
	free(err);
	free(z);
}

/* Codes printed in full ("I.1" under group I), as the renderings and many
 * plans print them, stay "I.1", for indicators and tasks alike (they were
 * "I.I.1"). */
static void codes_printed_in_full(void **s)
{
	(void)s;
	const char *doc = "| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 |\n"
	                  "| I | Hạ tầng số | | |\n"
	                  "| I.1 | Tỷ lệ hộ có cáp quang | % | 90 |\n"
	                  "| I.2 | Số điểm wifi | Điểm | 5 |\n\n"
	                  "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n"
	                  "| II | Chính quyền số | | |\n"
	                  "| II.3 | Xây dựng kho dữ liệu | Văn phòng | Năm 2025 |\n";
	struct plan p;
	import_ok(doc, strlen(doc), &p);
	assert_int_equal(p.nind, 2);
	find(&p, "I.1");
	find(&p, "I.2");
	assert_int_equal(p.ntasks, 1);
	assert_string_equal(p.tasks[0].code, "II.3");
	assert_int_equal(find(&p, "I.1")->src.table, 0); /* text: no source */
	plan_free(&p);
}

/* Word marked where its layout broke pages: each row gets the page its
 * text starts on. */
static void docx_pages(void **s)
{
	(void)s;
	const char body[] = "<w:tbl><w:tr>" TC("STT") TC("Chỉ tiêu") TC("Đơn vị tính")
	        TC("Năm 2025") "</w:tr><w:tr>" TC("1") TC("Số điểm wifi") TC("Điểm")
	                TC("5") "</w:tr>"
	                        "<w:tr><w:tc><w:p><w:r><w:lastRenderedPageBreak/><w:t>2</w:t></"
	                        "w:r></w:p></w:tc>" TC("Số camera") TC("Cái")
	                                TC("9") "</w:tr></w:tbl>";
	size_t n;
	char *z = docx(body, NULL, &n);
	struct plan p;
	import_ok(z, n, &p);
	assert_int_equal(find(&p, "I.1")->src.page, 1);
	assert_int_equal(find(&p, "I.2")->src.page, 2);
	assert_int_equal(find(&p, "I.2")->src.row, 3);
	char *t = plan_to_text(&p, "x");
	assert_non_null(strstr(t, "trang 2, bảng 1, hàng 3"));
	free(t);
	plan_free(&p);
	free(z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(docx_000),
	        cmocka_unit_test(docx_001),
	        cmocka_unit_test(docx_002),
	        cmocka_unit_test(docx_004),
	        cmocka_unit_test(xlsx_000),
	        cmocka_unit_test(xlsx_001),
	        cmocka_unit_test(xlsx_002),
	        cmocka_unit_test(xlsx_004),
	        cmocka_unit_test(docx_merged_two_tables),
	        cmocka_unit_test(docx_numbered_paragraphs),
	        cmocka_unit_test(docx_no_table),
	        cmocka_unit_test(docx_table_without_indicators),
	        cmocka_unit_test(zip_not_office),
	        cmocka_unit_test(zip_bomb),
	        cmocka_unit_test(zip_bomb_lying_sizes),
	        cmocka_unit_test(xml_doctype_refused),
	        cmocka_unit_test(xml_too_deep),
	        cmocka_unit_test(fifty_megabytes),
	        cmocka_unit_test(xlsx_sheets_merges_numbers),
	        cmocka_unit_test(xlsx_bad_xml),
	        cmocka_unit_test(codes_printed_in_full),
	        cmocka_unit_test(docx_pages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
