/* test_gzip.c: which Accept-Encoding headers take gzip, which answers are
 * worth it, and that a packed answer inflates back to itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include <cmocka.h>

#include "gzip.h"

static void test_accepted(void **state)
{
	(void)state;
	assert_true(gzip_accepted("gzip"));
	assert_true(gzip_accepted("gzip, deflate, br"));
	assert_true(gzip_accepted("br;q=1.0, GZIP;q=0.8"));
	assert_true(gzip_accepted("x-gzip"));
	assert_true(gzip_accepted("*"));
	assert_true(gzip_accepted("deflate, *;q=0.5"));
	assert_true(gzip_accepted(" gzip ; q = 0.001"));
	assert_false(gzip_accepted(NULL));
	assert_false(gzip_accepted(""));
	assert_false(gzip_accepted("identity"));
	assert_false(gzip_accepted("gzip;q=0"));
	assert_false(gzip_accepted("gzip;q=0.000"));
	assert_false(gzip_accepted("gzip;q=0, *")); /* the explicit refusal wins */
	assert_false(gzip_accepted("*;q=0"));
	assert_false(gzip_accepted("gzipx, xgzip")); /* whole names only */
}

static void test_worth(void **state)
{
	(void)state;
	assert_true(gzip_worth("text/html; charset=utf-8"));
	assert_true(gzip_worth("text/css; charset=utf-8"));
	assert_true(gzip_worth("application/json"));
	assert_false(gzip_worth("application/pdf"));
	assert_false(
	        gzip_worth("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	assert_false(gzip_worth(NULL));
}

static void test_pack(void **state)
{
	(void)state;
	char page[8192], *out, back[8192];
	size_t n;
	for (size_t i = 0; i < sizeof page; i++)
		page[i] = "<tr><td>Chỉ tiêu</td></tr>"[i % 27];
	assert_int_equal(gzip_pack(page, sizeof page, &out, &n), 0);
	assert_true(n < sizeof page / 4);
	assert_int_equal((unsigned char)out[0], 0x1f); /* a gzip member */
	assert_int_equal((unsigned char)out[1], 0x8b);
	z_stream z = {0};
	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (Bytef *)out;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)back;
	z.avail_out = sizeof back;
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	assert_int_equal(z.total_out, sizeof page);
	assert_memory_equal(back, page, sizeof page);
	inflateEnd(&z);
	free(out);
	/* what does not shrink is not packed */
	assert_int_equal(gzip_pack("ab", 2, &out, &n), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_accepted),
	        cmocka_unit_test(test_worth),
	        cmocka_unit_test(test_pack),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
