/* error.c: the typed error and its one table (error.h). */
#include "error.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct code_row {
	const char *name;
	int http, exit, retry;
	const char *public, *advice;
} rows[ERR_COUNT] = {[ERR_NONE] = {"E_DB", 500, 2, 0, NULL, NULL},
#define ERR_ROW(id, name, http, exit, retry, public, advice)                                       \
	[ERR_##id] = {name, http, exit, retry, public, advice},
                     ERR_CODES(ERR_ROW)
#undef ERR_ROW
};

static const struct code_row *row(enum err_code code)
{
	return &rows[(unsigned)code < ERR_COUNT ? code : ERR_NONE];
}

void err_set(struct error *e, enum err_code code, const char *fmt, ...)
{
	if (!e)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	free(e->msg);
	e->code = code;
	e->msg = msg;
}

void err_prefix(struct error *e, const char *fmt, ...)
{
	if (!e)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *head = xvasprintf(fmt, ap);
	va_end(ap);
	char *msg = xasprintf("%s%s", head, e->msg ? e->msg : "");
	free(head);
	free(e->msg);
	e->msg = msg;
	if (e->code == ERR_NONE)
		e->code = ERR_DB;
}

void err_clear(struct error *e)
{
	if (!e)
		return;
	free(e->msg);
	e->msg = NULL;
	e->code = ERR_NONE;
}

bool err_is(const struct error *e)
{
	return e && (e->code != ERR_NONE || e->msg);
}

const char *err_name(enum err_code code)
{
	return row(code)->name;
}

enum err_code err_from_name(const char *name)
{
	for (int i = 1; name && i < ERR_COUNT; i++)
		if (!strcmp(name, rows[i].name))
			return (enum err_code)i;
	return ERR_NONE;
}

int err_http_status(enum err_code code)
{
	return row(code)->http;
}

int err_exit_status(enum err_code code)
{
	return row(code)->exit;
}

int err_retry_after(enum err_code code)
{
	return row(code)->retry;
}

const char *err_public(enum err_code code)
{
	return row(code)->public;
}

const char *err_advice(enum err_code code)
{
	return row(code)->advice;
}
