/* test_http_replay.c: the inputs that once broke the web application under
 * the fuzzer (tests/data/http-regressions) and the fuzzer's seeds, replayed
 * through the same harness (fuzz/fuzz_http.c) in every ctest run, under
 * ASan and UBSan in the sanitizer build. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <unistd.h>

#include "../../fuzz/fuzz_http.c"

static void replay(void **state)
{
	(void)state;
	assert_int_equal(chdir(CHITIEU_DATA "/../.."), 0); /* the harness reads tests/data/plans */
	DIR *d = opendir("tests/data/http-regressions");
	assert_non_null(d);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char path[512];
		snprintf(path, sizeof path, "tests/data/http-regressions/%s", e->d_name);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		uint8_t buf[8192];
		size_t len = fread(buf, 1, sizeof buf, f);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, len);
		n++;
	}
	closedir(d);
	assert_true(n >= 2);
	/* And a few ordinary requests, run clean. */
	static const char *const ok[] = {
	        "GET /api/v1/units/A/status?period=2025-12\nCookie: @\n\n",
	        "GET /don-vi/A/?period=2024-12\nCookie: @\n\n",
	        "GET /don-vi/P/tinh\nCookie: @\n\n",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		LLVMFuzzerTestOneInput((const uint8_t *)ok[i], strlen(ok[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(replay)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
