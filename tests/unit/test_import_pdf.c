/* test_import_pdf.c: the four plans rendered by LibreOffice to PDF
 * (tests/data/rendered, see its README) read back with the golden facts of
 * tests/data/golden; the same PDFs' text pulled with pdftotext -layout read
 * back with the facts listed below; an encrypted PDF, a PDF without a text
 * layer and a PDF without a table refused with their own reasons.
 *
 * Compared: milestones, groups, task groups; for each indicator its code,
 * group, name, unit, baseline text, lead, monitor and every target (text,
 * kind, op, value, ...); for each task its code, group, title, lead,
 * implementers, timeframe. Not compared, because a rendering does not
 * carry them or carries them differently: source lines and warnings (page
 * layout), the plan's title/number/date/issuer and baseline year (the
 * rendering's own header), the indicators' partners, implementers,
 * deadline and directing agency (render-plans.sh does not print those
 * columns), and targets whose text is empty (an empty cell and a missing
 * target look the same on paper). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"
#include "plan.h"

#define RENDERED CHITIEU_DATA "/rendered/"
#define GOLDEN   CHITIEU_DATA "/golden/"

static const char *const ind_keys[] = {"code",          "group", "name",    "unit",
                                       "baseline_text", "lead",  "monitor", "targets"};
static const char *const task_keys[] = {"code", "group",        "title",
                                        "lead", "implementers", "timeframe"};

static json_t *pick(json_t *list, const char *const *keys, size_t nkeys)
{
	json_t *out = json_array();
	size_t i;
	json_t *x;
	json_array_foreach(list, i, x)
	{
		json_t *o = json_object();
		for (size_t k = 0; k < nkeys; k++) {
			json_t *v = json_object_get(x, keys[k]);
			if (!strcmp(keys[k], "targets") && json_is_object(v)) {
				json_t *t = json_object();
				const char *year;
				json_t *tv;
				json_object_foreach(v, year, tv)
				{
					const char *text =
					        json_string_value(json_object_get(tv, "text"));
					if (text && *text)
						json_object_set(t, year, tv);
				}
				json_object_set_new(o, keys[k], t);
			} else {
				json_object_set(o, keys[k], v ? v : json_null());
			}
		}
		json_array_append_new(out, o);
	}
	return out;
}

/* The facts of a plan JSON that every rendering must give back. */
static json_t *facts(json_t *doc)
{
	json_t *p = json_object_get(doc, "plan");
	json_t *f = json_object();
	json_object_set(f, "milestones", json_object_get(p, "milestones"));
	json_object_set(f, "groups", json_object_get(p, "groups"));
	json_object_set(f, "task_groups", json_object_get(p, "task_groups"));
	json_object_set_new(f, "indicators",
	                    pick(json_object_get(p, "indicators"), ind_keys,
	                         sizeof ind_keys / sizeof ind_keys[0]));
	json_object_set_new(f, "tasks",
	                    pick(json_object_get(p, "tasks"), task_keys,
	                         sizeof task_keys / sizeof task_keys[0]));
	return f;
}

static json_t *golden_facts(const char *name)
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

static json_t *read_facts(const char *file)
{
	char path[512];
	snprintf(path, sizeof path, RENDERED "%s", file);
	struct plan p;
	struct error err = {0};
	if (import_file(path, &p, &err))
		fail_msg("%s", err.msg);
	json_t *doc = plan_to_json(&p);
	plan_free(&p);
	json_t *f = facts(doc);
	json_decref(doc);
	return f;
}

/* Items of list (of got and want) that differ; prints the first few. */
static size_t differ(json_t *got, json_t *want, const char *list, const char *file)
{
	json_t *ga = json_object_get(got, list), *wa = json_object_get(want, list);
	size_t n = json_array_size(ga) > json_array_size(wa) ? json_array_size(ga)
	                                                     : json_array_size(wa);
	size_t bad = 0;
	for (size_t i = 0; i < n; i++) {
		json_t *gi = json_array_get(ga, i), *wi = json_array_get(wa, i);
		if (gi && wi && json_equal(gi, wi))
			continue;
		if (bad++ < 3) {
			char *gs = gi ? json_dumps(gi, JSON_COMPACT) : strdup("(missing)");
			char *ws = wi ? json_dumps(wi, JSON_COMPACT) : strdup("(missing)");
			print_error("%s %s[%zu]\n  got:  %.500s\n  want: %.500s\n", file, list, i,
			            gs, ws);
			free(gs);
			free(ws);
		}
	}
	return bad;
}

/* The PDF itself: every fact as in the golden file. */
static void pdf_golden(const char *name)
{
	char file[256];
	snprintf(file, sizeof file, "%s.pdf", name);
	json_t *got = read_facts(file), *want = golden_facts(name);
	assert_true(json_array_size(json_object_get(want, "indicators")) +
	                    json_array_size(json_object_get(want, "tasks")) >
	            0);
	size_t bad = differ(got, want, "indicators", file) + differ(got, want, "tasks", file);
	const char *lists[] = {"milestones", "groups", "task_groups"};
	for (size_t k = 0; k < 3; k++)
		if (!json_equal(json_object_get(got, lists[k]), json_object_get(want, lists[k]))) {
			print_error("%s: %s differ\n", file, lists[k]);
			bad++;
		}
	json_decref(got);
	json_decref(want);
	assert_int_equal(bad, 0);
}

static void pdf_000(void **s)
{
	(void)s;
	pdf_golden("000_03b77514fb71b314");
}
static void pdf_001(void **s)
{
	(void)s;
	pdf_golden("001_5a02e85ee0dfd10c");
}
static void pdf_002(void **s)
{
	(void)s;
	pdf_golden("002_f65c0da7dbd96e8d");
}
static void pdf_004(void **s)
{
	(void)s;
	pdf_golden("004_5f0b3916b5e2f87f");
}

/* Text pulled with pdftotext -layout: the x-positions are characters, and
 * pdftotext squeezes neighbouring cells to one space apart and shifts
 * them against the header; its cells are read row by row (pdfrows.c,
 * grid_row), but a unit can still land in the name column, a target in
 * its neighbour's column, a word of the lead in the monitor's, and "≥ 2"
 * comes out as "≥2" (each indicator's differences: tests/cli/
 * parse_layout.sh, which counts "≥2" and "≥ 2" alike; here the text
 * must be the golden one exactly). What does match is asserted: the
 * milestones, groups and task groups; every indicator's and task's code
 * and group in order; and at least the given number of whole indicators
 * (of the golden count) and tasks. */
static void layout_facts(const char *name, size_t min_ind, size_t min_tasks)
{
	char file[256];
	snprintf(file, sizeof file, "%s.pdf.layout.txt", name);
	json_t *got = read_facts(file), *want = golden_facts(name);
	const char *lists[] = {"milestones", "groups", "task_groups"};
	for (size_t k = 0; k < 3; k++)
		if (!json_equal(json_object_get(got, lists[k]), json_object_get(want, lists[k])))
			fail_msg("%s: %s differ", file, lists[k]);
	const char *items[] = {"indicators", "tasks"};
	size_t same[2] = {0, 0};
	for (size_t k = 0; k < 2; k++) {
		json_t *ga = json_object_get(got, items[k]), *wa = json_object_get(want, items[k]);
		assert_int_equal(json_array_size(ga), json_array_size(wa));
		for (size_t i = 0; i < json_array_size(wa); i++) {
			json_t *gi = json_array_get(ga, i), *wi = json_array_get(wa, i);
			assert_true(json_equal(json_object_get(gi, "code"),
			                       json_object_get(wi, "code")));
			assert_true(json_equal(json_object_get(gi, "group"),
			                       json_object_get(wi, "group")));
			same[k] += json_equal(gi, wi);
		}
	}
	print_message("%s: %zu/%zu indicators, %zu/%zu tasks identical\n", file, same[0],
	              json_array_size(json_object_get(want, "indicators")), same[1],
	              json_array_size(json_object_get(want, "tasks")));
	assert_true(same[0] >= min_ind);
	assert_true(same[1] >= min_tasks);
	json_decref(got);
	json_decref(want);
}

static void layout_000(void **s)
{
	(void)s;
	layout_facts("000_03b77514fb71b314", 74, 0);
}
static void layout_001(void **s)
{
	(void)s;
	layout_facts("001_5a02e85ee0dfd10c", 25, 28);
}
static void layout_002(void **s)
{
	(void)s;
	layout_facts("002_f65c0da7dbd96e8d", 9, 0);
}
static void layout_004(void **s)
{
	(void)s;
	layout_facts("004_5f0b3916b5e2f87f", 58, 0);
}

/* The reason import_file gives for the bytes of a PDF made by cmd. */
static int import_made(const char *cmd, const char *made, struct error *err)
{
	char dir[] = "/tmp/chitieu-pdf-XXXXXX";
	if (!mkdtemp(dir))
		fail_msg("mkdtemp");
	char buf[2048];
	snprintf(buf, sizeof buf, "cd %s && %s >/dev/null 2>&1", dir, cmd);
	int rc = system(buf);
	snprintf(buf, sizeof buf, "%s/%s", dir, made);
	struct plan p;
	int r = rc == 0 ? import_file(buf, &p, err) : 99;
	if (r == 0)
		plan_free(&p);
	snprintf(buf, sizeof buf, "rm -rf %s", dir);
	if (system(buf) != 0)
		print_error("could not remove %s\n", dir);
	return r;
}

static bool have(const char *tool)
{
	char buf[256];
	snprintf(buf, sizeof buf, "command -v %s >/dev/null 2>&1", tool);
	return system(buf) == 0;
}

/* A PDF that needs a password: one sentence that says so and what to do. */
static void encrypted(void **s)
{
	(void)s;
	if (!have("qpdf"))
		skip(); /* qpdf: scripts/install-deps.sh check */
	char cmd[1024];
	snprintf(cmd, sizeof cmd,
	         "qpdf --encrypt secret secret 256 -- %s002_f65c0da7dbd96e8d.pdf locked.pdf",
	         RENDERED);
	struct error err = {0};
	int rc = import_made(cmd, "locked.pdf", &err);
	assert_int_equal(rc, -1);
	assert_non_null(err.msg);
	assert_non_null(strstr(err.msg, "mật khẩu"));
	err_clear(&err);
}

/* A minimal PDF written by hand: one page whose content stream is given. */
static void write_pdf(const char *path, const char *content)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	long off[6];
	fprintf(f, "%%PDF-1.4\n");
	off[1] = ftell(f);
	fprintf(f, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
	off[2] = ftell(f);
	fprintf(f, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
	off[3] = ftell(f);
	fprintf(f, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
	           "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n");
	off[4] = ftell(f);
	fprintf(f, "4 0 obj << /Length %zu >> stream\n%s\nendstream endobj\n", strlen(content),
	        content);
	off[5] = ftell(f);
	fprintf(f, "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
	long xref = ftell(f);
	fprintf(f, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i < 6; i++)
		fprintf(f, "%010ld 00000 n \n", off[i]);
	fprintf(f, "trailer << /Size 6 /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", xref);
	fclose(f);
}

static int import_pdf_content(const char *content, struct error *err)
{
	char path[] = "/tmp/chitieu-pdf-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	write_pdf(path, content);
	struct plan p;
	int rc = import_file(path, &p, err);
	if (rc == 0)
		plan_free(&p);
	unlink(path);
	return rc;
}

/* A page with only a drawing (as a scan has only an image): no text layer,
 * so the OCR reads it; a black page has no table to read and is refused
 * with a sentence about the scan, nothing read. */
static void scanned(void **s)
{
	(void)s;
	struct error err = {0};
	int rc = import_pdf_content("0 0 0 rg 100 100 400 600 re f", &err);
	assert_int_equal(rc, -1);
	assert_non_null(err.msg);
	assert_non_null(strstr(err.msg, "quét"));
	err_clear(&err);
}

/* Text but no table: refused, saying no table was found. */
static void no_table(void **s)
{
	(void)s;
	struct error err = {0};
	int rc = import_pdf_content("BT /F1 12 Tf 72 760 Td (Ke hoach phat trien khoa hoc cong "
	                            "nghe nam 2025) Tj 0 -20 Td (Noi nhan: nhu tren) Tj ET",
	                            &err);
	assert_int_equal(rc, -1);
	assert_non_null(err.msg);
	assert_non_null(strstr(err.msg, "không có bảng chỉ tiêu hay nhiệm vụ"));
	err_clear(&err);
}

/* Bytes that start as a PDF but are not one. */
static void broken_pdf(void **s)
{
	(void)s;
	struct plan p;
	struct error err = {0};
	const char data[] = "%PDF-1.4\nnot really\n";
	assert_int_equal(import_plan(data, sizeof data - 1, &p, &err), -1);
	assert_non_null(err.msg);
	assert_non_null(strstr(err.msg, "PDF"));
	err_clear(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(pdf_000),    cmocka_unit_test(pdf_001),
	        cmocka_unit_test(pdf_002),    cmocka_unit_test(pdf_004),
	        cmocka_unit_test(layout_000), cmocka_unit_test(layout_001),
	        cmocka_unit_test(layout_002), cmocka_unit_test(layout_004),
	        cmocka_unit_test(encrypted),  cmocka_unit_test(scanned),
	        cmocka_unit_test(no_table),   cmocka_unit_test(broken_pdf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
