/* error.h: the one typed error that travels from where a failure happens to
 * the edge (the CLI's exit status, the HTTP status), and the one table that
 * says, per code, what each edge makes of it. Never parse a message back.
 *
 * A struct error starts zeroed ({0}: ERR_NONE, no message). A function that
 * fails fills it with err_set and returns its failure value; the caller that
 * reports it (or gives up on it) calls err_clear. */
#ifndef CHITIEU_ERROR_H
#define CHITIEU_ERROR_H

#include <stdbool.h>

/* X(ident, "name as sent in JSON", HTTP status, CLI exit status, Retry-After
 * seconds (0: none), public message (NULL: the error's own), CLI advice
 * (NULL: none)). Codes not met on the way out are 400 / 2: the request's or
 * the input's fault. The database's passing failures (store_fault) are 503
 * / 3 with a fixed message: nothing was written, try again later. */
#define ERR_FAULT_BUSY                                                                                                      \
	"Cơ sở dữ liệu đang bận (một thao tác khác đang giữ quyền ghi); chưa ghi gì, xin thử lại " \
	"sau ít giây"
#define ERR_FAULT_FULL                                                                             \
	"Máy chủ đã hết chỗ lưu trữ; chưa ghi gì, xin báo quản trị viên và thử lại sau"
#define ERR_FAULT_AWAY "Tạm thời không kết nối được cơ sở dữ liệu; xin thử lại sau ít giây"
#define ERR_ADVICE_BUSY                                                                            \
	"cơ sở dữ liệu đang bận (một tiến trình khác giữ quyền ghi); chưa ghi gì, hãy thử lại sau"
#define ERR_ADVICE_FULL                                                                            \
	"hết chỗ trên đĩa của cơ sở dữ liệu; chưa ghi gì, hãy giải phóng chỗ rồi thử lại"
#define ERR_ADVICE_AWAY                                                                            \
	"không kết nối được cơ sở dữ liệu (máy chủ PostgreSQL không trả lời); hãy thử lại sau"

#define ERR_CODES(X)                                                                               \
	X(ACTION, "E_ACTION", 400, 2, 0, NULL, NULL)                                               \
	X(AGENCY, "E_AGENCY", 400, 2, 0, NULL, NULL)                                               \
	X(AMBIGUOUS, "E_AMBIGUOUS", 400, 2, 0, NULL, NULL)                                         \
	X(AMBIGUOUS_NUMBER, "E_AMBIGUOUS_NUMBER", 400, 2, 0, NULL, NULL)                           \
	X(BAD_REQUEST, "E_BAD_REQUEST", 400, 2, 0, NULL, NULL)                                     \
	X(BUSY, "E_BUSY", 503, 3, 5, ERR_FAULT_BUSY, ERR_ADVICE_BUSY)                              \
	X(CATALOGUE, "E_CATALOGUE", 400, 2, 0, NULL, NULL)                                         \
	X(CODE, "E_CODE", 400, 2, 0, NULL, NULL)                                                   \
	X(COMMENT, "E_COMMENT", 400, 2, 0, NULL, NULL)                                             \
	X(CONFIRM, "E_CONFIRM", 409, 2, 0, NULL, NULL)                                             \
	X(CONTENT_TYPE, "E_CONTENT_TYPE", 400, 2, 0, NULL, NULL)                                   \
	X(CSRF, "E_CSRF", 400, 2, 0, NULL, NULL)                                                   \
	X(CSV, "E_CSV", 400, 2, 0, NULL, NULL)                                                     \
	X(CUTOFF, "E_CUTOFF", 400, 2, 0, NULL, NULL)                                               \
	X(DAYS, "E_DAYS", 400, 2, 0, NULL, NULL)                                                   \
	X(DB, "E_DB", 500, 2, 0, NULL, NULL)                                                       \
	X(DELETED, "E_DELETED", 400, 2, 0, NULL, NULL)                                             \
	X(DISK_FULL, "E_DISK_FULL", 503, 3, 60, ERR_FAULT_FULL, ERR_ADVICE_FULL)                   \
	X(DOCUMENT, "E_DOCUMENT", 422, 2, 0, NULL, NULL)                                           \
	X(DUPLICATE, "E_DUPLICATE", 400, 2, 0, NULL, NULL)                                         \
	X(FIELD, "E_FIELD", 400, 2, 0, NULL, NULL)                                                 \
	X(FIGURE, "E_FIGURE", 400, 2, 0, NULL, NULL)                                               \
	X(FILE_TYPE, "E_FILE_TYPE", 415, 2, 0, NULL, NULL)                                         \
	X(FORBIDDEN, "E_FORBIDDEN", 403, 2, 0, NULL, NULL)                                         \
	X(FOUR_EYES, "E_FOUR_EYES", 403, 2, 0, NULL, NULL)                                         \
	X(GONE, "E_GONE", 400, 2, 0, NULL, NULL)                                                   \
	X(HAS_PLAN, "E_HAS_PLAN", 400, 2, 0, NULL, NULL)                                           \
	X(HEADER, "E_HEADER", 400, 2, 0, NULL, NULL)                                               \
	X(HTTP, "E_HTTP", 400, 2, 0, NULL, NULL)                                                   \
	X(INCOMPATIBLE, "E_INCOMPATIBLE", 400, 2, 0, NULL, NULL)                                   \
	X(INPUT, "E_INPUT", 400, 2, 0, NULL, NULL)                                                 \
	X(INTERNAL, "E_INTERNAL", 500, 2, 0, NULL, NULL)                                           \
	X(JSON, "E_JSON", 400, 2, 0, NULL, NULL)                                                   \
	X(LEVEL, "E_LEVEL", 400, 2, 0, NULL, NULL)                                                 \
	X(LOCKED, "E_LOCKED", 400, 2, 0, NULL, NULL)                                               \
	X(LOGIN, "E_LOGIN", 400, 2, 0, NULL, NULL)                                                 \
	X(LOGIN_TAKEN, "E_LOGIN_TAKEN", 409, 2, 0, NULL, NULL)                                     \
	X(METHOD, "E_METHOD", 400, 2, 0, NULL, NULL)                                               \
	X(NAME, "E_NAME", 400, 2, 0, NULL, NULL)                                                   \
	X(NOTHING, "E_NOTHING", 400, 2, 0, NULL, NULL)                                             \
	X(NOT_FOUND, "E_NOT_FOUND", 404, 2, 0, NULL, NULL)                                         \
	X(NOT_LINKED, "E_NOT_LINKED", 400, 2, 0, NULL, NULL)                                       \
	X(NO_CHROMIUM, "E_NO_CHROMIUM", 501, 2, 0, NULL, NULL)                                     \
	X(NO_PARENT, "E_NO_PARENT", 400, 2, 0, NULL, NULL)                                         \
	X(NO_PLAN, "E_NO_PLAN", 404, 2, 0, NULL, NULL)                                             \
	X(NO_UID, "E_NO_UID", 400, 2, 0, NULL, NULL)                                               \
	X(NUMBER, "E_NUMBER", 400, 2, 0, NULL, NULL)                                               \
	X(ORIGIN, "E_ORIGIN", 400, 2, 0, NULL, NULL)                                               \
	X(PASSWORD, "E_PASSWORD", 400, 2, 0, NULL, NULL)                                           \
	X(PERCENT, "E_PERCENT", 400, 2, 0, NULL, NULL)                                             \
	X(PERIOD, "E_PERIOD", 400, 2, 0, NULL, NULL)                                               \
	X(PERIOD_RANGE, "E_PERIOD_RANGE", 400, 2, 0, NULL, NULL)                                   \
	X(POPULATION, "E_POPULATION", 400, 2, 0, NULL, NULL)                                       \
	X(RATIO, "E_RATIO", 400, 2, 0, NULL, NULL)                                                 \
	X(ROLE, "E_ROLE", 400, 2, 0, NULL, NULL)                                                   \
	X(SCOPE, "E_SCOPE", 400, 2, 0, NULL, NULL)                                                 \
	X(SETTINGS, "E_SETTINGS", 400, 2, 0, NULL, NULL)                                           \
	X(SIGNIN, "E_SIGNIN", 400, 2, 0, NULL, NULL)                                               \
	X(STATE, "E_STATE", 409, 2, 0, NULL, NULL)                                                 \
	X(STATUS, "E_STATUS", 400, 2, 0, NULL, NULL)                                               \
	X(TOO_LARGE, "E_TOO_LARGE", 413, 2, 0, NULL, NULL)                                         \
	X(TOO_MANY, "E_TOO_MANY", 429, 2, 30, NULL, NULL)                                          \
	X(UID, "E_UID", 400, 2, 0, NULL, NULL)                                                     \
	X(UNAVAILABLE, "E_UNAVAILABLE", 503, 3, 5, ERR_FAULT_AWAY, ERR_ADVICE_AWAY)                \
	X(UNIT, "E_UNIT", 400, 2, 0, NULL, NULL)                                                   \
	X(UNIT_CODE, "E_UNIT_CODE", 400, 2, 0, NULL, NULL)                                         \
	X(UNIT_EXISTS, "E_UNIT_EXISTS", 400, 2, 0, NULL, NULL)                                     \
	X(UNIT_KIND, "E_UNIT_KIND", 400, 2, 0, NULL, NULL)                                         \
	X(UNIT_NAME, "E_UNIT_NAME", 400, 2, 0, NULL, NULL)                                         \
	X(UNIT_PARENT, "E_UNIT_PARENT", 400, 2, 0, NULL, NULL)                                     \
	X(UNKNOWN_INDICATOR, "E_UNKNOWN_INDICATOR", 400, 2, 0, NULL, NULL)                         \
	X(UNKNOWN_TASK, "E_UNKNOWN_TASK", 404, 2, 0, NULL, NULL)                                   \
	X(UNKNOWN_UNIT, "E_UNKNOWN_UNIT", 404, 2, 0, NULL, NULL)                                   \
	X(UNKNOWN_USER, "E_UNKNOWN_USER", 404, 2, 0, NULL, NULL)                                   \
	X(USAGE, "E_USAGE", 400, 1, 0, NULL, NULL)                                                 \
	X(VALUE, "E_VALUE", 400, 2, 0, NULL, NULL)                                                 \
	X(YESNO, "E_YESNO", 400, 2, 0, NULL, NULL)

enum err_code {
	ERR_NONE = 0, /* no error: a zeroed struct error */
#define ERR_ENUM(id, name, http, exit, retry, public, advice) ERR_##id,
	ERR_CODES(ERR_ENUM)
#undef ERR_ENUM
	        ERR_COUNT
};

/* The message is on the heap, as long as it needs to be: a parser's message
 * names the row, the column and the cell it could not read (user text, in
 * Vietnamese, several bytes a letter), which a fixed buffer would cut. */
struct error {
	enum err_code code;
	char *msg; /* owned; NULL when code is ERR_NONE */
};

/* Fill e (NULL: nothing happens) with code and the message, replacing any
 * error it held. */
void err_set(struct error *e, enum err_code code, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* Put "context" before the message held ("dòng 3: " + msg); the code stays. */
void err_prefix(struct error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Free the message; e is zeroed (ERR_NONE) and can be used again. */
void err_clear(struct error *e);
/* Whether e holds an error. */
bool err_is(const struct error *e);

/* The code as sent ("E_NOT_FOUND"); "E_DB" for ERR_NONE and unknown codes,
 * which is what an error without a code always was. */
const char *err_name(enum err_code code);
/* The code of a name (problem lists carry names); ERR_NONE if none. */
enum err_code err_from_name(const char *name);
int err_http_status(enum err_code code);
int err_exit_status(enum err_code code);
int err_retry_after(enum err_code code); /* seconds; 0: no Retry-After */
/* The fixed public message for a code that has one (the database's passing
 * failures), else NULL; err_advice: what the CLI adds after its message. */
const char *err_public(enum err_code code);
const char *err_advice(enum err_code code);

#endif
