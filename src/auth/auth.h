/* auth.h: passwords (Argon2id), random tokens and their hashes, through
 * libsodium. Nothing secret is stored or logged in clear. */
#ifndef CHITIEU_AUTH_H
#define CHITIEU_AUTH_H

#include <stdbool.h>
#include <stddef.h>

#define AUTH_HASH_MAX 128 /* an Argon2id string, with its terminator */
#define AUTH_TOKEN    65  /* 32 random bytes as hex, with the terminator */

/* Once, before anything else here; -1 when libsodium cannot start. */
int auth_init(void);

/* Argon2id (t = 2, m = 19 MiB: OWASP's minimum) into out. -1 on no memory. */
int auth_hash_password(const char *password, char out[AUTH_HASH_MAX]);
bool auth_verify_password(const char *hash, const char *password);

/* A password is at least 8 characters (bytes of UTF-8) and at most 256. */
bool auth_password_ok(const char *password);

/* 32 random bytes as hex (sessions, CSRF, API tokens). */
void auth_random(char out[AUTH_TOKEN]);

/* BLAKE2b-256 of a token as hex: what the store keeps of an API token. */
void auth_token_hash(const char *token, char out[AUTH_TOKEN]);

/* Constant-time comparison of two strings of the same length. */
bool auth_equal(const char *a, const char *b);

/* A verify that costs what auth_verify_password costs and always fails:
 * for an unknown login, so that its answer takes as long as a known one's. */
void auth_verify_dummy(const char *password);

/* Logins: NFC, lower case (utf8proc), then 2 to 64 of [a-z0-9._-], the
 * first a letter or digit. "Admin" becomes "admin"; "admin\u200b", a
 * fullwidth "ａｄｍｉｎ" or a control character are refused. 0 with the
 * login in out, -1 when it is not a login. */
#define AUTH_LOGIN_MIN 2
#define AUTH_LOGIN_MAX 64
int auth_login_normalize(const char *in, char out[AUTH_LOGIN_MAX + 1]);

/* Text shown as a person's name or an agency: valid UTF-8 with no control
 * (C0, DEL, C1), format (bidi overrides and isolates, zero-width spaces and
 * joiners, the BOM, soft hyphen) or line/paragraph separator characters. */
bool auth_text_clean(const char *s);
/* A copy of s with what auth_text_clean refuses left out (bytes that are
 * not UTF-8 become U+FFFD): to show a name stored before the rule. */
char *auth_text_visible(const char *s);

#endif
