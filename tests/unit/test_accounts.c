/* test_accounts.c: accounts and sessions in memory (issue 10, items 8, 9,
 * 10 and 12): the account cache gives back exactly the fields it was given
 * (a name holding U+001F stays a name); logins normalise to one spelling and
 * confusables are refused; names refuse control, bidi and zero-width
 * characters; sessions end after 2 h idle and 12 h in all; the strike
 * table stays bounded and keeps a locked login locked under a flood. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account_cache.h"
#include "auth.h"
#include "session.h"

static void test_cache_typed(void **state)
{
	(void)state;
	struct account_cache *ac = account_cache_new();
	struct user_rec u = {7,
	                     "cu",
	                     "A\x1f"
	                     "admin\x1f"
	                     "x",
	                     "viewer",
	                     NULL,
	                     "P\x1f"
	                     "Q",
	                     NULL,
	                     false,
	                     3};
	account_cache_put(ac, 10, &u);
	struct user_rec got = {0};
	assert_true(account_cache_get(ac, "cu", 10, &got));
	assert_string_equal(got.role, "viewer");
	assert_string_equal(got.name, u.name);
	assert_null(got.unit_code);
	assert_string_equal(got.agency, u.agency);
	assert_null(got.pw_hash);
	assert_int_equal(got.id, 7);
	assert_int_equal(got.epoch, 3);
	assert_false(got.disabled);
	user_rec_free(&got);
	/* another mark: nothing */
	assert_false(account_cache_get(ac, "cu", 11, &got));
	/* a full ring keeps working */
	for (int i = 0; i < 3 * ACCOUNT_CACHE; i++) {
		char login[16];
		snprintf(login, sizeof login, "u%d", i);
		struct user_rec v = {i, login, login, "office", "A", NULL, NULL, true, i};
		account_cache_put(ac, 10, &v);
	}
	assert_true(account_cache_get(ac, "u383", 10, &got));
	assert_string_equal(got.role, "office");
	assert_true(got.disabled);
	user_rec_free(&got);
	account_cache_free(ac);
}

static void test_logins(void **state)
{
	(void)state;
	char out[AUTH_LOGIN_MAX + 1];
	assert_int_equal(auth_login_normalize("Admin", out), 0);
	assert_string_equal(out, "admin");
	assert_int_equal(auth_login_normalize("nguyen.van-an_2", out), 0);
	assert_string_equal(out, "nguyen.van-an_2");
	const char *bad[] = {
	        "admin\u200b", "\uff41\uff44\uff4d\uff49\uff4e",
	        "\ufeffadmin", "\u202eadmin",
	        "ad\x01min",   "ad\x1fmin",
	        "a",           "",
	        "ad min",      "khách",
	        "a/b",         ".admin",
	        "-x",          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	        "\xff\xfe"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (auth_login_normalize(bad[i], out) == 0)
			fail_msg("login \"%s\" accepted as \"%s\"", bad[i], out);
	assert_int_equal(auth_login_normalize(NULL, out), -1);
}

static void test_names(void **state)
{
	(void)state;
	assert_true(auth_text_clean("Nguyễn Văn An"));
	assert_true(auth_text_clean("Phòng Kinh tế, Hạ tầng và Đô thị"));
	assert_true(auth_text_clean(NULL));
	const char *bad[] = {"A\x1f"
	                     "admin",
	                     "A\tB",
	                     "A\nB",
	                     "\x7f",
	                     "A\xc2\x85"
	                     "B",
	                     "A\u200bB",
	                     "A\u200dB",
	                     "\ufeffA",
	                     "A\u202eB",
	                     "A\u2066B",
	                     "A\u2028B",
	                     "A\u061cB",
	                     "A\xff"
	                     "B"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (auth_text_clean(bad[i]))
			fail_msg("name %zu accepted", i);
}

static void test_session_lifetimes(void **state)
{
	(void)state;
	assert_int_equal(auth_init(), 0);
	struct sessions *ss = sessions_new();
	struct session s, got;
	time_t t0 = 1000000;
	session_create(ss, "an", 5, t0, &s);
	assert_int_equal(s.epoch, 5);
	assert_true(session_find(ss, s.id, t0 + 3600, &got));
	assert_int_equal(got.epoch, 5);
	/* idle: 2 h after the last use */
	assert_false(session_find(ss, s.id, t0 + 3600 + SESSION_IDLE, &got));
	/* absolute: used every hour, still over after 12 h */
	session_create(ss, "an", 5, t0, &s);
	time_t t = t0;
	for (; t < t0 + SESSION_ABSOLUTE; t += 3600)
		assert_true(session_find(ss, s.id, t, &got));
	assert_false(session_find(ss, s.id, t0 + SESSION_ABSOLUTE, &got));
	assert_int_equal(SESSION_IDLE, 2 * 3600);
	assert_int_equal(SESSION_ABSOLUTE, 12 * 3600);
	sessions_free(ss);
}

static void test_strikes_bounded(void **state)
{
	(void)state;
	struct sessions *ss = sessions_new();
	time_t now = 2000000;
	for (int i = 0; i < SIGNIN_MAX_FAILS; i++)
		signin_failed(ss, "admin", "10.0.0.1", now);
	assert_true(signin_wait(ss, "admin", "10.0.0.9", now) > 0);
	/* a flood of new logins and addresses */
	for (int i = 0; i < 3 * SIGNIN_STRIKES_MAX; i++) {
		char who[32];
		snprintf(who, sizeof who, "x%d", i);
		signin_failed(ss, who, who, now + 1);
	}
	assert_true(signin_strikes(ss) <= SIGNIN_STRIKES_MAX);
	/* the locked login is still locked */
	assert_true(signin_wait(ss, "admin", "10.0.0.9", now + 2) > 0);
	sessions_free(ss);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_cache_typed),     cmocka_unit_test(test_logins),
	        cmocka_unit_test(test_names),           cmocka_unit_test(test_session_lifetimes),
	        cmocka_unit_test(test_strikes_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
