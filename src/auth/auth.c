/* auth.c: libsodium underneath. */
#include "auth.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define OPS 2
#define MEM (19u << 20)

int auth_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int auth_hash_password(const char *password, char out[AUTH_HASH_MAX])
{
	_Static_assert(AUTH_HASH_MAX >= crypto_pwhash_STRBYTES, "hash buffer");
	return crypto_pwhash_str_alg(out, password, strlen(password), OPS, MEM,
	                             crypto_pwhash_ALG_ARGON2ID13);
}

bool auth_verify_password(const char *hash, const char *password)
{
	return hash && password && crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

bool auth_password_ok(const char *password)
{
	size_t n = password ? strlen(password) : 0;
	return n >= 8 && n <= 256;
}

void auth_random(char out[AUTH_TOKEN])
{
	unsigned char b[32];
	randombytes_buf(b, sizeof b);
	sodium_bin2hex(out, AUTH_TOKEN, b, sizeof b);
}

void auth_token_hash(const char *token, char out[AUTH_TOKEN])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, AUTH_TOKEN, h, sizeof h);
}

bool auth_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}

static char dummy_hash[AUTH_HASH_MAX];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void)
{
	char pw[AUTH_TOKEN];
	auth_random(pw); /* a password nobody knows */
	if (auth_hash_password(pw, dummy_hash))
		dummy_hash[0] = 0;
}

void auth_verify_dummy(const char *password)
{
	pthread_once(&dummy_once, dummy_make);
	const char *pw = password ? password : "";
	if (dummy_hash[0] && crypto_pwhash_str_verify(dummy_hash, pw, strlen(pw)) == 0)
		dummy_hash[0] = 0; /* cannot happen: nobody knows its password */
}

int auth_login_normalize(const char *in, char out[AUTH_LOGIN_MAX + 1])
{
	out[0] = 0;
	if (!in || strlen(in) > 4 * AUTH_LOGIN_MAX)
		return -1;
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)in, 0, &m,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                                          UTF8PROC_CASEFOLD);
	if (n < 0)
		return -1;
	int rc = n >= AUTH_LOGIN_MIN && n <= AUTH_LOGIN_MAX &&
	                         ((m[0] >= 'a' && m[0] <= 'z') || (m[0] >= '0' && m[0] <= '9'))
	                 ? 0
	                 : -1;
	for (utf8proc_ssize_t i = 0; !rc && i < n; i++)
		if (!((m[i] >= 'a' && m[i] <= 'z') || (m[i] >= '0' && m[i] <= '9') || m[i] == '.' ||
		      m[i] == '_' || m[i] == '-'))
			rc = -1;
	if (!rc)
		memcpy(out, m, (size_t)n + 1);
	free(m);
	return rc;
}

bool auth_text_clean(const char *s)
{
	if (!s)
		return true;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0)
			return false;
		switch (utf8proc_category(cp)) {
		case UTF8PROC_CATEGORY_CC: /* C0, DEL, C1 */
		case UTF8PROC_CATEGORY_CF: /* bidi, zero-width, BOM, soft hyphen */
		case UTF8PROC_CATEGORY_ZL:
		case UTF8PROC_CATEGORY_ZP:
		case UTF8PROC_CATEGORY_CS:
			return false;
		default:
			break;
		}
		p += k;
		left -= k;
	}
	return true;
}

char *auth_text_visible(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char *out = malloc(3 * n + 1), *o = out;
	if (!out)
		abort();
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
	utf8proc_ssize_t left = (utf8proc_ssize_t)n;
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0) {
			memcpy(o, "\xef\xbf\xbd", 3); /* U+FFFD */
			o += 3;
			p++;
			left--;
			continue;
		}
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat != UTF8PROC_CATEGORY_CC && cat != UTF8PROC_CATEGORY_CF &&
		    cat != UTF8PROC_CATEGORY_ZL && cat != UTF8PROC_CATEGORY_ZP &&
		    cat != UTF8PROC_CATEGORY_CS) {
			memcpy(o, p, (size_t)k);
			o += k;
		}
		p += k;
		left -= k;
	}
	*o = 0;
	return out;
}
