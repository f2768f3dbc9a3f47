/* fuzz_accounts.c: libFuzzer harness for the account/session cache
 * (issue 10): the typed account cache gives back exactly the record it was
 * given, whatever bytes its fields hold (U+001F, NULs cut strings, invalid
 * UTF-8); sessions are found exactly while alive and with their credential
 * generation; the strike table never holds more than SIGNIN_STRIKES_MAX
 * keys; a normalised login is a fixed point made of [a-z0-9._-] only; and
 * a name auth_text_clean accepts has no control, format or separator
 * character. Any violation traps.
 *
 * Input: a sequence of operations, each an opcode byte, then its bytes up
 * to the next 0xFF byte. */
#include "account_cache.h"
#include "auth.h"
#include "session.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct account_cache *cache;
static struct sessions *sessions;
static unsigned runs;

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Up to four NUL-separated fields of piece (len bytes), each a new string
 * or NULL when it is empty and nullable. */
static void fields(const uint8_t *p, size_t len, char *f[4])
{
	size_t at = 0;
	for (int k = 0; k < 4; k++) {
		size_t end = at;
		while (end < len && p[end])
			end++;
		f[k] = at < len || k == 0 ? strndup((const char *)p + at, end - at) : NULL;
		at = end + 1;
	}
}

static void op_cache(const uint8_t *p, size_t len)
{
	if (len < 2)
		return;
	int64_t mark = p[0] & 7;
	char *f[4];
	fields(p + 2, len - 2, f);
	static const char *const roles[] = {"admin", "office", "reporter", "viewer"};
	struct user_rec u = {p[1],
	                     f[0],
	                     f[1] ? f[1] : "",
	                     (char *)roles[p[1] & 3],
	                     f[2],
	                     f[3],
	                     NULL,
	                     (p[1] & 4) != 0,
	                     p[1] >> 3};
	account_cache_put(cache, mark, &u);
	struct user_rec got = {0};
	if (!account_cache_get(cache, u.login, mark, &got))
		__builtin_trap(); /* just put */
	if (!same(got.login, u.login) || !same(got.name, u.name) || !same(got.role, u.role) ||
	    !same(got.unit_code, u.unit_code) || !same(got.agency, u.agency) || got.pw_hash ||
	    got.disabled != u.disabled || got.epoch != u.epoch || got.id != u.id)
		__builtin_trap(); /* a field is not what was put */
	user_rec_free(&got);
	if (account_cache_get(cache, u.login, mark + 8, &got))
		__builtin_trap(); /* valid at another mark */
	for (int k = 0; k < 4; k++)
		free(f[k]);
}

static void op_session(const uint8_t *p, size_t len)
{
	if (len < 4)
		return;
	time_t t0 = 1000000 + p[0] * 60;
	/* minutes of idle before each use: up to 4 h 15 */
	char login[72];
	size_t n = len - 4 < sizeof login - 1 ? len - 4 : sizeof login - 1;
	memcpy(login, p + 4, n);
	login[n] = 0;
	struct session s, got;
	session_create(sessions, login, p[1], t0, &s);
	time_t last = t0, clock = t0; /* the last use; time only goes forward */
	bool alive = true;
	for (int k = 2; k < 4; k++) {
		time_t now = clock += (time_t)p[k] * 60;
		bool should = alive && now - last < SESSION_IDLE && now - t0 < SESSION_ABSOLUTE;
		bool found = session_find(sessions, s.id, now, &got);
		if (found != should)
			__builtin_trap();
		if (found && (got.epoch != p[1] || strcmp(got.login, s.login) || got.created != t0))
			__builtin_trap();
		alive = found;
		if (found)
			last = now;
	}
	session_drop(sessions, s.id);
	if (session_find(sessions, s.id, clock, &got))
		__builtin_trap(); /* dropped */
}

static void op_strikes(const uint8_t *p, size_t len)
{
	char who[64];
	size_t n = len < sizeof who - 1 ? len : sizeof who - 1;
	memcpy(who, p, n);
	who[n] = 0;
	for (int i = 0; i < 16; i++) {
		char key[80];
		snprintf(key, sizeof key, "%s#%u.%d", who, runs, i);
		signin_failed(sessions, key, key, 5000000 + runs);
	}
	(void)signin_wait(sessions, who, "", 5000000 + runs);
	if (signin_strikes(sessions) > SIGNIN_STRIKES_MAX)
		__builtin_trap();
}

static void op_login(const uint8_t *p, size_t len)
{
	char *in = strndup((const char *)p, len), out[AUTH_LOGIN_MAX + 1],
	     again[AUTH_LOGIN_MAX + 1];
	if (!auth_login_normalize(in, out)) {
		size_t n = strlen(out);
		if (n < AUTH_LOGIN_MIN || n > AUTH_LOGIN_MAX ||
		    strspn(out, "abcdefghijklmnopqrstuvwxyz0123456789._-") != n)
			__builtin_trap();
		if (auth_login_normalize(out, again) || strcmp(out, again))
			__builtin_trap(); /* not a fixed point */
	}
	free(in);
}

static void op_name(const uint8_t *p, size_t len)
{
	char *in = strndup((const char *)p, len);
	if (auth_text_clean(in)) {
		const utf8proc_uint8_t *q = (const utf8proc_uint8_t *)in;
		utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(in);
		while (left > 0) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t k = utf8proc_iterate(q, left, &cp);
			if (k <= 0)
				__builtin_trap(); /* accepted invalid UTF-8 */
			utf8proc_category_t c = utf8proc_category(cp);
			if (c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF ||
			    c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP)
				__builtin_trap();
			q += k;
			left -= k;
		}
	}
	free(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!cache) {
		if (auth_init())
			__builtin_trap();
		cache = account_cache_new();
	}
	if (!sessions || ++runs % 4096 == 0) { /* sessions accumulate: start afresh now and then */
		sessions_free(sessions);
		sessions = sessions_new();
	}
	size_t at = 0;
	while (at < size) {
		uint8_t op = data[at++];
		size_t end = at;
		while (end < size && data[end] != 0xFF)
			end++;
		const uint8_t *p = data + at;
		size_t len = end - at;
		switch (op % 5) {
		case 0:
			op_cache(p, len);
			break;
		case 1:
			op_session(p, len);
			break;
		case 2:
			op_strikes(p, len);
			break;
		case 3:
			op_login(p, len);
			break;
		default:
			op_name(p, len);
			break;
		}
		at = end + 1;
	}
	return 0;
}
