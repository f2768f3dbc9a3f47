/* session.h: who is signed in (in memory: a restart signs everyone out),
 * and the brakes on guessing passwords: after SIGNIN_MAX_FAILS failures in
 * SIGNIN_WINDOW seconds a login is locked for SIGNIN_LOCK seconds, and an
 * address that fails SIGNIN_MAX_FAILS_IP times is held the same way. A
 * session ends after SESSION_IDLE seconds unused and SESSION_ABSOLUTE
 * seconds after sign-in, whatever its use. The strike table holds at most
 * SIGNIN_STRIKES_MAX keys; a new key takes the place of the oldest one not
 * locked (of the oldest one when all are). */
#ifndef CHITIEU_SESSION_H
#define CHITIEU_SESSION_H

#include "auth.h"

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#define SESSION_IDLE        (2 * 3600)
#define SESSION_ABSOLUTE    (12 * 3600)
#define SIGNIN_STRIKES_MAX  4096
#define SIGNIN_MAX_FAILS    5
#define SIGNIN_MAX_FAILS_IP 20
#define SIGNIN_WINDOW       900
#define SIGNIN_LOCK         900

struct sessions;

struct session {
	char id[AUTH_TOKEN], csrf[AUTH_TOKEN];
	char login[72];
	int64_t epoch;        /* the account's credential generation at sign-in */
	time_t created, last; /* sign-in, last use */
};

struct sessions *sessions_new(void);
void sessions_free(struct sessions *ss);

/* A new session for login (of credential generation epoch): its id and
 * CSRF token in *out. */
void session_create(struct sessions *ss, const char *login, int64_t epoch, time_t now,
                    struct session *out);
/* The live session with this id (its idle time restarted): true and *out. */
bool session_find(struct sessions *ss, const char *id, time_t now, struct session *out);
void session_drop(struct sessions *ss, const char *id);
/* Every session of a login ends (password changed, account disabled). */
void session_drop_login(struct sessions *ss, const char *login);

/* Seconds before login may try again from addr; 0 when it may now. */
int signin_wait(struct sessions *ss, const char *login, const char *addr, time_t now);
void signin_failed(struct sessions *ss, const char *login, const char *addr, time_t now);
void signin_succeeded(struct sessions *ss, const char *login);
/* How many keys the strike table holds (at most SIGNIN_STRIKES_MAX). */
size_t signin_strikes(struct sessions *ss);

#endif
