/* app.h: the web application over a store: routing, who is asking and what
 * they may do, the JSON API (api.c) and the pages (pages.c). server.c feeds
 * it requests; tests and the fuzzer can call app_handle directly. */
#ifndef CHITIEU_APP_H
#define CHITIEU_APP_H

#include "account_cache.h"
#include "http.h"
#include "period.h"
#include "session.h"
#include "store.h"

#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "error.h"

#define APP_MAX_BODY          (1u << 20) /* 1 MiB: the largest form or JSON body */
#define APP_MAX_SEGMENTS      10
#define APP_CACHE             256 /* answers and small facts kept */
#define APP_LIVES             8   /* engines kept (provinces, the country) */
#define APP_HEAVY_MAX         32  /* heavy requests at once, at most (a worker each) */
#define APP_HEAVY_PER_ACCOUNT 2
#define APP_HEAVY_RETRY       5 /* seconds, in Retry-After */
#define APP_SLOW_WRITES       16 /* the slowest writes kept with their phases */

/* Where a write's time went, in milliseconds, from its headers in to
 * its answer handed to the polling thread's socket (server.c; the figures
 * recorded through the API, the writes run in groups): its body read
 * (in), waiting while the writer ran the writes before it, then its
 * group's (group.c): the wait for live_mu, the group's statements (its
 * own among them), the COMMIT, and what follows it (the holds told, the
 * mark); then until a polling thread took the answer (out). Of the
 * group's time, how long the writer's thread and the database server's
 * process serving it were runnable but waited for a processor (Linux's
 * schedstat; -1 where unknown; meaningful when the database runs on this
 * machine). */
struct write_phases {
	double total, in, behind, lock, items, commit, after, out;
	double cpu_wait, db_cpu_wait;
	int group;  /* writes in its transaction */
	long trips; /* its group's round trips to the database server */
	int64_t at; /* when its answer went, ms since the epoch */
};

struct app {
	struct sessions *sessions;
	struct uploads *uploads;        /* documents being read (upload.h) */
	struct account_cache *accounts; /* typed, valid at a change mark */
	struct token_cache *tokens;     /* API tokens looked up (token_cache.c) */
	bool secure;                    /* cookies marked Secure (behind TLS) */
	/* Answers kept while the store has not changed (store_change_mark). */
	pthread_mutex_t cache_mu;
	struct cached_answer {
		char *key, *body;
		size_t len;
		const char *ctype;
		int64_t mark;
	} cache[APP_CACHE];
	int cache_next;
	/* Engines built from the store (live.h) for the units asked about,
	 * each valid at its mark; the server's own writes are applied to them
	 * figure by figure, under live_mu, which also serialises the writes. */
	pthread_mutex_t live_mu;
	struct live_slot {
		char *root;
		struct live *l;
		int64_t mark;
		long builds, updates, used;
	} lives[APP_LIVES];
	long live_clock; /* the least recently used engine goes first */
	/* The holds the reads come from, and the generations that key the
	 * answers (holds.c). */
	struct holds *holds;
	/* Requests handled and the store queries they ran (atomics), for GET
	 * /api/v1/engine: a cached answer while nothing changed runs none;
	 * writes (not GET or HEAD) and theirs apart. */
	long requests, request_queries, writes, write_queries;
	/* COMMITs of the writes, and the groups the writer ran (group.c). */
	long write_commits, write_groups, write_round_trips;
	/* Reads of a unit's figures the writes ran (store_obs_lists): what
	 * they wrote read back for the holds and engines. */
	long write_figure_reads;
	/* The slowest writes since the start, with their phases (server.c:
	 * app_write_timed), slowest first, for GET /api/v1/engine. */
	pthread_mutex_t slow_mu;
	struct write_phases slow[APP_SLOW_WRITES];
	int nslow;
	/* Answers being made, for readers of the same to wait for (flight.c). */
	struct flights *flights;
	/* Heavy work (a report in a file: a province's, a PDF by chromium):
	 * at most heavy_max at once and APP_HEAVY_PER_ACCOUNT per account;
	 * more is refused 429 with Retry-After, so that sign-in and reads
	 * always find a worker. */
	pthread_mutex_t heavy_mu;
	int heavy_max, heavy_n;
	struct heavy_slot {
		char login[72];
		int n;
	} heavy[APP_HEAVY_MAX];
};

void app_init(struct app *a, bool secure);
void app_free(struct app *a);

/* Answer one request. fast: only when it is quick (a cached answer, a
 * static file); otherwise leave rs->status 0 and return at once, so that
 * the caller hands the request to a worker. */
void app_handle(struct app *a, struct store *s, const struct http_req *rq, struct http_resp *rs,
                bool fast);

/* Group commit (group.c): whether a write may join a group; run the
 * first n (at most a group's) in one transaction, each answered in its rs
 * after the commit; returns how many it ran. */
bool app_groupable(const struct http_req *rq);
size_t app_handle_group(struct app *a, struct store *s, const struct http_req *const *rq,
                        struct http_resp *const *rs, size_t n, struct write_phases *ph);
/* A write's phases (ph->total and ph->behind set by the caller), kept
 * when it is among the APP_SLOW_WRITES slowest; app_slow_writes_json:
 * those kept, slowest first. */
void app_write_timed(struct app *a, const struct write_phases *ph);
/* Milliseconds from a to b (CLOCK_MONOTONIC times). */
double app_ms_between(const struct timespec *a, const struct timespec *b);
json_t *app_slow_writes_json(struct app *a);

/* ---- shared by api.c and pages.c -------------------------------------- */

/* One request in flight. */
struct ctx {
	struct app *app;
	struct store *s;
	const struct http_req *rq;
	struct http_resp *rs;
	char *seg[APP_MAX_SEGMENTS];
	int nseg;
	bool signed_in, by_token;
	char *token_scope;   /* by token: "read", "write" or "write:A,B" */
	bool fast, deferred; /* fast: answer only from the cache; deferred: could not */
	struct user_rec user;
	struct session sess; /* when signed in by cookie */
	time_t now;
	int64_t mark;       /* store_change_mark when the request began */
	int64_t write_mark; /* the mark before a write (app_write_begin) */
	bool relinked;      /* the write changed links: the engines rebuild */
	bool recorded;      /* the write recorded figures (app_recorded) */
	bool final;         /* and changes them no further (api_record) */
};

/* A query parameter (decoded, caller frees) or NULL. */
char *ctx_query(const struct ctx *c, const char *key);
/* A form field of the body. */
char *ctx_form(const struct ctx *c, const char *key);
/* The CSRF token sent (form field "csrf" or header X-CSRF-Token) is the session's;
 * always true for API tokens, which are not sent by browsers. */
bool ctx_csrf_ok(const struct ctx *c);

/* What an account may do with a unit. */
enum right { RIGHT_READ, RIGHT_RECORD, RIGHT_APPROVE, RIGHT_ADMIN };
/* unit is the account's own or under it (read, approve), its own (record). */
bool ctx_may(struct ctx *c, enum right r, const char *unit);
/* A reporter may record an indicator only when its agency leads it. */
bool ctx_leads(const struct ctx *c, const struct indicator *x);
/* The same for a lead agency's text (a task's "lead"): always true for
 * other roles, false for a reporter when lead is NULL or another agency. */
bool ctx_leads_agency(const struct ctx *c, const char *lead);
/* A reporter may change a task of the unit only when its agency leads it:
 * false (the task known, led by another agency), else true. */
bool ctx_leads_task(struct ctx *c, int64_t unit_id, const char *task);

/* The period a request asks for (?period=, else this month): as_of, grain
 * and its name; false with a 400 written when it is malformed. */
bool ctx_period(struct ctx *c, int *as_of, enum period_kind *grain, char name[32], bool json);

void reply_json(struct ctx *c, int status, json_t *body); /* steals body */
void reply_error(struct ctx *c, int status, const char *code, const char *message);
/* A store's error as the answer with the status its code implies (a 503
 * with Retry-After when the database is away, busy or full). */
void reply_store_error(struct ctx *c, const struct error *err);
/* The code an error stands for at the edge: its own; an error without one
 * is the database's (ERR_DB), and one the database's passing state caused
 * is that failure (store_fault). */
enum err_code app_err_code(const struct error *err);
/* The HTTP status of an error (one the database's passing state caused:
 * 503), from the one table (error.h). */
int app_error_status(const struct error *err);
/* The HTTP status of a code named in a problem list (400 if not a code). */
int app_code_status(const char *code);
/* The same where the table's 404 ("not found") holds only for url_code,
 * the code that says the URL's own resource is missing (NULL: none): any
 * other thing not found (a unit in a new account's body, a task in a form)
 * was named in the body, the request's fault: 400. */
int app_code_status_for(const char *code, const char *url_code);

/* Cached answers: true and the answer appended to the body when key is
 * still valid at mark; cache_put keeps the body from byte from on. */
bool cache_get(struct ctx *c, const char *key, int64_t mark);
/* cache_get of an answer made at mark or later (unit tokens grow). */
bool cache_get_newer(struct ctx *c, const char *key, int64_t mark);
void cache_put(struct ctx *c, const char *key, int64_t mark, size_t from);
/* The key of this request (path and query) and the store's mark. On a
 * cache hit: true, the answer written and *key NULL. On a miss in fast
 * mode: true and the request deferred. Else false, to be computed. */
bool cache_lookup(struct ctx *c, const char *prefix, char **key, int64_t *mark);
/* Small facts (a unit's name) kept the same way; memo_get's is the caller's. */
char *memo_get(struct ctx *c, const char *key);
void memo_put(struct ctx *c, const char *key, const char *value);

/* A request without an Origin header, or whose Origin is this server
 * (http:// or https:// and the Host header): not a cross-site one. */
bool app_origin_ok(const struct ctx *c);
/* Sign in (the API and the sign-in page): 0 signed in, the cookie set and
 * *sess filled; else the HTTP status (400, 401 wrong, 403 another site's
 * Origin, 429 locked) and *msg. The login is normalised (auth.h); an
 * unknown one costs the same Argon2 verify as a known one. */
int app_sign_in(struct ctx *c, const char *login, const char *password, struct session *sess,
                const char **msg);

/* The monthly series of a unit's indicator(s) from its engine, built or
 * rebuilt when the store changed other than through this server; NULL with
 * the answer written on an error. */
json_t *app_series(struct ctx *c, const char *unit, const char *indicator);

/* Every request that may write runs between these two, one at a time;
 * what it recorded is told to the engines with app_recorded. */
void app_write_begin(struct ctx *c);
void app_recorded(struct ctx *c, const struct obs_input *in, size_t n);
/* Inside a group (group.c; false outside one): app_write_begin (begin)
 * or app_write_end for c; a unit app_recorded touched, told the holds
 * after the commit; the mark before the group (-1 outside one). */
bool app_group_write(struct ctx *c, bool begin);
/* w, nw: the figures the write stored to unit (store_written) when known
 * (known), else the unit is read again after the commit. */
bool app_group_touch(struct ctx *c, const char *unit, const struct obs_rec *w, size_t nw,
                     bool known);
int64_t app_group_mark(void);
/* The live engines built again when next asked (a write undone). */
void app_lives_forget(struct app *a);
void app_write_end(struct ctx *c);
void app_lives_free(struct app *a);

/* ---- flight.c: one reader makes an answer, the others wait for it -------- */

struct flights;
struct flights *flights_new(void);
void flights_free(struct flights *fl);
/* Before making the answer kept under key at mark: true when this reader
 * makes it (then flight_done once it is put or failed); false when
 * another made it, at mark or later, while this one waited: its bytes
 * are in the answer (as cache_get_newer). */
bool flight_take(struct ctx *c, const char *key, int64_t mark);
void flight_done(struct ctx *c, const char *key);
/* {"builds", "waits"}: answers made, and answers taken from another's. */
json_t *flights_json(struct app *a);

/* ---- holds.c: the holds reads come from ---------------------------------- */

struct holds;
struct hold;
struct held;
struct holds *holds_new(void);
void holds_free(struct holds *hs);
/* The store's mark seen by a request: the epoch (what facts, accounts
 * and answers are kept at), moved when the store changed other than by
 * this server's own writes. */
int64_t holds_sync(struct holds *hs, int64_t mark);
/* Returns the epoch the write starts at. */
int64_t holds_write_begin(struct holds *hs, int64_t m0);
/* figures_only: everything between the marks was figures this server
 * recorded (app_recorded told the generations); else a new epoch. */
void holds_write_end(struct holds *hs, int64_t m1, bool figures_only);
/* A figure of unit was recorded: its generation and its ancestors' move,
 * and their holds take its figures: read now when final (the request
 * changes nothing more), else at the write's end (holds_write_figures). */
void holds_touched(struct holds *hs, struct store *s, const char *unit, bool final);
/* The same with the figures a write stored to unit (store_written), as
 * it stored them: the holds put them in place of theirs, no query. */
void holds_written(struct holds *hs, struct store *s, const char *unit, const struct obs_rec *o,
                   size_t n);
/* At the end of a write (under live_mu): the figures of the units it
 * touched not final, read once after all it changed, handed to the holds
 * still waiting for them (holds.c). */
void holds_write_figures(struct holds *hs, struct store *s);
/* What an answer about unit (and what is under it) is valid at. */
int64_t app_unit_token(struct ctx *c, const char *unit);
/* The hold of unit, up to date, for this thread alone until app_unhold;
 * NULL with *err. */
struct hold *app_hold(struct ctx *c, const char *unit, struct held **ref, struct error *err);
void app_unhold(struct ctx *c, struct held *ref);
/* warm.c: the holds of the units at the top of the tree built and
 * evaluated at this month (the server's start, in the background, on its
 * own connection s); *stop is read between holds. */
void app_warm(struct app *a, struct store *s, const bool *stop);
/* What app_warm is at, shown by /api/v1/engine: 1 begun, 0 a hold built,
 * -1 done. */
void holds_warming(struct holds *hs, int step);
/* The holds and their counters (builds, children evaluated, figures read
 * again), for GET /api/v1/engine. */
json_t *app_holds_json(struct ctx *c);
/* The token (app_unit_token of its root) the hold app_hold gave is up to
 * date with: an answer computed from it is cached under this token, and a
 * reader that waited for the hold finds there what the reader before it
 * computed (one computation per change, however many wait). */
int64_t app_held_token(const struct held *x);
/* After app_hold: true when the answer under key was cached at *mark (the
 * token the request began with) or later, while it waited for the hold
 * (written, as cache_get): a reader takes what the reader before it made
 * rather than chase the writes since. Else *mark becomes the hold's token:
 * compute the answer and cache_put it at *mark (counted: "answers" in GET
 * /api/v1/engine). */
bool cache_held(struct ctx *c, const char *key, struct held *x, int64_t *mark);
/* cache_lookup for an answer about unit: kept while app_unit_token holds. */
bool cache_lookup_unit(struct ctx *c, const char *prefix, const char *unit, char **key,
                       int64_t *mark);

/* Heavy work for the signed-in account may start: true, and app_heavy_end
 * when it is done; false with 429 and Retry-After written when the limits
 * are reached. */
bool app_heavy_begin(struct ctx *c);
void app_heavy_end(struct ctx *c);

/* The largest body a request may send: APP_MAX_BODY, or UPLOAD_MAX_BYTES
 * for a plan document's upload (api_plans.c). */
size_t app_body_limit(const char *method, const char *url);
/* The sentence refusing a body over limit bytes; caller frees. */
char *app_too_large_vi(size_t limit);

/* The signed-in account's inbox (inbox.h) for today in Việt Nam
 * (page_inbox.c); app_inbox_changed after marking some read. */
struct inbox_msg;
int app_inbox(struct ctx *c, struct inbox_msg **out, size_t *n, struct error *err);
void app_inbox_changed(struct ctx *c);

/* Evidence files (page_evidence.c): keep one for a unit's indicator and
 * period (checked by content: PDF, JPEG, PNG, DOCX, XLSX; size-limited),
 * its link put in the account's draft of the figure: 0 and *url (caller
 * frees), or -1 with a problem (E_INPUT, E_TOO_LARGE, E_FILE_TYPE,
 * E_NOT_FOUND, E_DB). app_evidence_get answers with the file as an
 * attachment (a 404 page, or JSON error when json). */
int app_evidence_put(struct ctx *c, const char *unit, const char *code, const char *period,
                     const char *filename, const char *data, size_t len, char **url,
                     struct problems *ps);
void app_evidence_get(struct ctx *c, const char *unit, const char *id, bool json);

void api_route(struct ctx *c);
void pages_route(struct ctx *c);

#endif
