/* test_ocr.c: the scan reader's edges (issue 12): which PDFs are scans, the
 * progress hook, and a scan too blurred to read refused with nothing kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "ocr.h"
#include "util.h"

#define DATA CHITIEU_DATA "/"

static char *slurp(const char *path, size_t *n)
{
	struct error err = {0};
	char *d = import_read_file(path, IMPORT_MAX_BYTES, n, &err);
	if (!d)
		fail_msg("%s", err.msg);
	return d;
}

/* A PDF with a text layer is not a scan; an image-only PDF is; neither is
 * text that only starts like a PDF, nor a broken one. */
static void scan_detected(void **state)
{
	(void)state;
	size_t n;
	char *d = slurp(DATA "rendered/002_f65c0da7dbd96e8d.pdf", &n);
	assert_false(ocr_is_scan(d, n));
	free(d);
	d = slurp(DATA "scans/002_f65c0da7dbd96e8d.scan.pdf", &n);
	assert_true(ocr_is_scan(d, n));
	assert_false(ocr_is_scan(d, n / 3)); /* cut short */
	free(d);
	assert_false(ocr_is_scan("%PDF-1.4 no objects", 19));
	assert_false(ocr_is_scan("| STT | Chỉ tiêu |", 20));
	assert_false(ocr_is_scan("", 0));
}

struct seen {
	int calls, last, of;
};

static void on_page(void *ctx, int page, int npages)
{
	struct seen *s = ctx;
	s->calls++;
	s->last = page;
	s->of = npages;
}

/* One page too blurred to read: the hook hears of page 1/1, then one
 * Vietnamese sentence (what is wrong, what to do) and an empty plan. */
static void blurred_refused(void **state)
{
	(void)state;
	size_t n;
	char *d = slurp(DATA "scans/blurred.scan.pdf", &n);
	struct seen s = {0};
	ocr_set_progress(on_page, &s);
	struct plan p;
	struct error err = {0};
	assert_int_equal(import_plan(d, n, &p, &err), -1);
	ocr_set_progress(NULL, NULL);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.last, 1);
	assert_int_equal(s.of, 1);
	assert_non_null(err.msg);
	assert_non_null(strstr(err.msg, "quá mờ"));
	assert_non_null(strstr(err.msg, "hãy quét lại"));
	assert_null(strchr(err.msg, '\n'));
	assert_int_equal(p.nind, 0);
	assert_int_equal(p.nwarn, 0);
	err_clear(&err);
	free(d);
}

/* The progress callback of the import options: told of each page of this
 * import (1/1), and the process-wide hook is not. */
static void options_progress(void **state)
{
	(void)state;
	size_t n;
	char *d = slurp(DATA "scans/blurred.scan.pdf", &n);
	struct seen s = {0}, hook = {0};
	ocr_set_progress(on_page, &hook);
	struct import_options opt = {.progress = on_page, .user = &s};
	struct plan p;
	struct error err = {0};
	assert_int_equal(import_plan_opts(d, n, &opt, &p, &err), -1);
	ocr_set_progress(NULL, NULL);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.last, 1);
	assert_int_equal(s.of, 1);
	assert_int_equal(hook.calls, 0);
	err_clear(&err);
	free(d);
}

/* Row numbers as OCR misreads them, put right by the number expected
 * after the previous row's; a number already shaped (unless it is one
 * expected with its dot lost), a header cell or a name is left alone. */
static void number_repair(void **state)
{
	(void)state;
	static const struct {
		const char *read, *last, *want;
		int skipped;
	} cases[] = {
	        {"I2", "I.1", "I.2", 0},
	        {"I4", "I.2", "I.4", 1},
	        {"IL3", "II.1", "II.3", 1},
	        {"IL1", "II", "II.1", 0},
	        {"l.2", "I.1", "I.2", 0},
	        {"II,3", "II.2", "II.3", 0},
	        {"lI", "I.4", "II", 0},
	        {"IL5", "II.4", "II.5", 0},
	        {"|.1", NULL, "I.1", 0},
	        {"1.1", "I", NULL, 0},
	        {"III.l", "II.7", "III.1", 0},
	        {"1O", "9", "10", 0},
	        {"STT", NULL, NULL, 0},
	        {"II.1", "I.5", NULL, 0},
	        {"Tỷ lệ", "I.1", NULL, 0},
	        {"IL7", "II.4", NULL, 0},
	        {"", "I.1", NULL, 0},
	        /* numbered groups: "2." over "2.1" */
	        {"2:2", "2.1", "2.2", 0},
	        {"11", "1.", "1.1", 0},
	        /* roman groups over arabic rows: "II." over "2.1" */
	        {"11", "I", "1.1", 0},
	        {"21", "II", "2.1", 0},
	        {"2.1", "II", NULL, 0},
	        {"KH.", "II", "III", 0},
	        {"12", "1.1", "1.2", 0},
	        {"3.", "2.5", NULL, 0},
	        {"2,4", "2.2", "2.4", 1},
	        {"12", "11", NULL, 0},
	        {"2.1", "2.", NULL, 0},
	        {"215", "2.2", NULL, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = ocr_fix_number(cases[i].read, cases[i].last, cases[i].skipped);
		if (cases[i].want) {
			if (!got || strcmp(got, cases[i].want))
				fail_msg("\"%s\" after \"%s\": got \"%s\", want \"%s\"",
				         cases[i].read, cases[i].last ? cases[i].last : "",
				         got ? got : "(none)", cases[i].want);
		} else if (got) {
			fail_msg("\"%s\" after \"%s\": got \"%s\", want none", cases[i].read,
			         cases[i].last ? cases[i].last : "", got);
		}
		free(got);
	}
}

int main(void)
{
	setenv("OMP_THREAD_LIMIT", "1", 0);
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(scan_detected),
	        cmocka_unit_test(blurred_refused),
	        cmocka_unit_test(options_progress),
	        cmocka_unit_test(number_repair),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
