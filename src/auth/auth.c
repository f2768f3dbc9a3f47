/* auth.c: libsodium underneath. */
#include "auth.h"

#include <sodium.h>
#include <string.h>

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
