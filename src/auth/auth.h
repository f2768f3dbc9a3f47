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

#endif
