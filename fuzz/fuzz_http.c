/* fuzz_http.c: the whole web application on any request: the first line
 * "METHOD /path?query", then header lines (Cookie, X-CSRF-Token,
 * Authorization, Content-Type), a blank line, and the body. A cookie or
 * CSRF value "@" stands for a real administrator session, so the fuzzer
 * reaches what signed-in users reach. It answers with a status between 200
 * and 599, and never crashes, over an in-memory SQLite store holding a
 * province, a commune with plan 004 and an account. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct app app;
static struct store *s;
static struct session admin;

static void setup(void)
{
	struct error err = {0};
	char hash[AUTH_HASH_MAX];
	if (auth_init() || !(s = store_open(":memory:", &err)))
		__builtin_trap();
	struct problems ps = {0};
	struct unit_rec p = {0, "P", "Tỉnh", "province", NULL, 1000, 0},
	                a = {0, "A", "Xã", "commune", "P", 100, 0};
	struct plan plan;
	struct import_report rep;
	if (store_unit_add(s, &p, &ps) || store_unit_add(s, &a, &ps) ||
	    store_unit_get(s, "A", &a, &err) ||
	    import_file("tests/data/plans/004_5f0b3916b5e2f87f.txt", &plan, &err) ||
	    store_plan_save(s, a.id, &plan, "004", "fuzz", &rep, &err) ||
	    auth_hash_password("matkhau-fuzz", hash))
		__builtin_trap();
	plan_free(&plan);
	import_report_free(&rep);
	unit_rec_free(&a);
	struct user_rec u = {0, "admin", "Admin", "admin", NULL, NULL, hash, false, 0};
	if (store_user_add(s, &u, "fuzz", &ps))
		__builtin_trap();
	app_init(&app, false);
	session_create(app.sessions, "admin", 0, time(NULL), &admin);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!s)
		setup();
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = 0;
	char *body = strstr(text, "\n\n");
	size_t body_len = 0;
	if (body) {
		*body = 0;
		body += 2;
		body_len = size - (size_t)(body - text);
	}
	char *save = NULL, *line = strtok_r(text, "\n", &save);
	char method[16] = "GET", target[2048] = "/";
	if (line)
		sscanf(line + (line[0] == 'F'), "%15s %2047s", method, target);
	char *query = strchr(target, '?');
	if (query)
		*query++ = 0;
	char cookie[160] = "", csrf[80] = "", *auth = NULL, *ctype = NULL, *origin = NULL,
	     *host = NULL;
	for (line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "Cookie: ", 8))
			snprintf(cookie, sizeof cookie, "%s",
			         !strcmp(line + 8, "@") ? "" : line + 8);
		if (!strcmp(line, "Cookie: @"))
			snprintf(cookie, sizeof cookie, "chitieu_session=%s", admin.id);
		if (!strncmp(line, "X-CSRF-Token: ", 14))
			snprintf(csrf, sizeof csrf, "%s",
			         !strcmp(line + 14, "@") ? admin.csrf : line + 14);
		if (!strncmp(line, "Authorization: ", 15))
			auth = line + 15;
		if (!strncmp(line, "Content-Type: ", 14))
			ctype = line + 14;
		if (!strncmp(line, "Origin: ", 8))
			origin = line + 8;
		if (!strncmp(line, "Host: ", 6))
			host = line + 6;
	}
	struct http_req rq = {method,
	                      target,
	                      query ? query : "",
	                      body ? body : "",
	                      body_len,
	                      *cookie ? cookie : NULL,
	                      ctype,
	                      *csrf ? csrf : NULL,
	                      auth,
	                      "127.0.0.1",
	                      origin,
	                      host};
	struct http_resp rs = {0};
	bool fast = size && data[0] == 'F'; /* the polling threads' fast path too */
	app_handle(&app, s, &rq, &rs, fast);
	if (fast && !rs.status) { /* deferred: what a worker then does */
		http_resp_free(&rs);
		memset(&rs, 0, sizeof rs);
		app_handle(&app, s, &rq, &rs, false);
	}
	if (rs.status < 200 || rs.status > 599)
		__builtin_trap();
	http_resp_free(&rs);
	free(text);
	return 0;
}
