/* test_multipart.c: multipart/form-data bodies as browsers and curl send
 * them, and every refusal naming where and why. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipart.h"

#define CT "multipart/form-data; boundary=----WebKitFormBoundaryX1"
#define B  "------WebKitFormBoundaryX1"

static void expect_error(const char *ctype, const char *body, size_t len,
                         const struct multipart_limits *lim, const char *part)
{
	struct multipart m;
	struct error err = {0};
	if (multipart_parse(ctype, body, len, lim, &m, &err) == 0)
		fail_msg("accepted: %.*s", (int)len, body);
	assert_non_null(err.msg);
	if (err.code != ERR_BAD_REQUEST || !strstr(err.msg, part))
		fail_msg("error \"%s\" lacks \"%s\"", err.msg, part);
	assert_null(m.parts);
	assert_int_equal(m.n, 0);
	err_clear(&err);
}

static void browser_form(void **state)
{
	(void)state;
	static const char body[] = "preamble\r\n" B "\r\n"
	                           "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	                           "abc\r\n" B "\r\n"
	                           "Content-Disposition: form-data; name=\"file\"; "
	                           "filename=\"kế hoạch \\\"3\\\".docx\"\r\n"
	                           "Content-Type: application/octet-stream\r\n\r\n"
	                           "PK\x03\x04\r\n\0binary\r\n--not-the-boundary\r\n"
	                           "\r\n" B "--\r\nepilogue";
	struct multipart m;
	struct error err = {0};
	assert_int_equal(multipart_parse(CT, body, sizeof body - 1, NULL, &m, &err), 0);
	assert_null(err.msg);
	assert_int_equal(m.n, 2);
	assert_string_equal(m.parts[0].name, "csrf");
	assert_null(m.parts[0].filename);
	assert_int_equal(m.parts[0].len, 3);
	assert_memory_equal(m.parts[0].data, "abc", 3);
	const struct multipart_part *f = multipart_find(&m, "file");
	assert_non_null(f);
	assert_string_equal(f->filename, "kế hoạch \"3\".docx");
	assert_string_equal(f->content_type, "application/octet-stream");
	static const char want[] = "PK\x03\x04\r\n\0binary\r\n--not-the-boundary\r\n";
	assert_int_equal(f->len, sizeof want - 1);
	assert_memory_equal(f->data, want, sizeof want - 1);
	/* a view into the body, not a copy */
	assert_true(f->data > body && f->data < body + sizeof body);
	assert_null(multipart_find(&m, "nothing"));
	multipart_free(&m);
	multipart_free(&m); /* twice is harmless */
}

static void quoted_boundary_and_empty_part(void **state)
{
	(void)state;
	static const char body[] =
	        "--a b\r\nContent-Disposition: form-data; name=x\r\n\r\n\r\n--a b--";
	struct multipart m;
	struct error err = {0};
	assert_int_equal(multipart_parse("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"",
	                                 body, sizeof body - 1, NULL, &m, &err),
	                 0);
	assert_int_equal(m.n, 1);
	assert_string_equal(m.parts[0].name, "x");
	assert_int_equal(m.parts[0].len, 0);
	multipart_free(&m);
}

static void refusals(void **state)
{
	(void)state;
	static const char ok_part[] =
	        B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
	expect_error("application/json", "{}", 2, NULL, "multipart/form-data");
	expect_error(NULL, "", 0, NULL, "multipart/form-data");
	expect_error("multipart/form-data", "", 0, NULL, "boundary");
	expect_error("multipart/form-data; boundary=", "", 0, NULL, "boundary");
	expect_error("multipart/form-data; boundary=\"abc", "", 0, NULL, "boundary");
	expect_error(CT, "no boundary here", 16, NULL, "boundary mở đầu");
	/* body cut before the closing delimiter */
	expect_error(CT, ok_part, sizeof ok_part - 3, NULL, "phần 1");
	expect_error(CT, ok_part, sizeof ok_part - 1, NULL, "byte");
	static const char nodisp[] = B "\r\nContent-Type: text/plain\r\n\r\nx\r\n" B "--";
	expect_error(CT, nodisp, sizeof nodisp - 1, NULL, "thiếu Content-Disposition");
	static const char noname[] = B "\r\nContent-Disposition: form-data\r\n\r\nx\r\n" B "--";
	expect_error(CT, noname, sizeof noname - 1, NULL, "thiếu name");
	static const char attach[] =
	        B "\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n" B "--";
	expect_error(CT, attach, sizeof attach - 1, NULL, "form-data");
	static const char badline[] = B "\r\nbroken header\r\n\r\nx\r\n" B "--";
	expect_error(CT, badline, sizeof badline - 1, NULL, "Tên: giá trị");
	static const char noblank[] = B "\r\nContent-Disposition: form-data; name=a\r\nx";
	expect_error(CT, noblank, sizeof noblank - 1, NULL, "dòng trống");
	static const char junk[] = B "junk\r\n";
	expect_error(CT, junk, sizeof junk - 1, NULL, "byte 26");
}

static void limits(void **state)
{
	(void)state;
	struct {
		char s[4096];
	} b;
	size_t n = 0;
	for (int i = 0; i < 5; i++)
		n += (size_t)snprintf(b.s + n, sizeof b.s - n,
		                      B "\r\nContent-Disposition: form-data; name=\"p%d\"\r\n\r\n"
		                        "0123456789\r\n",
		                      i);
	n += (size_t)snprintf(b.s + n, sizeof b.s - n, B "--");
	struct multipart m;
	struct error err = {0};
	assert_int_equal(multipart_parse(CT, b.s, n, NULL, &m, &err), 0);
	assert_int_equal(m.n, 5);
	multipart_free(&m);
	struct multipart_limits parts = {4, 0, 0}, part = {0, 0, 9}, header = {0, 40, 0};
	expect_error(CT, b.s, n, &parts, "quá 4 phần");
	expect_error(CT, b.s, n, &part, "quá giới hạn 9");
	expect_error(CT, b.s, n, &header, "dài quá 40 byte");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(browser_form),
	        cmocka_unit_test(quoted_boundary_and_empty_part),
	        cmocka_unit_test(refusals),
	        cmocka_unit_test(limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
