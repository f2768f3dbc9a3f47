/* server.c: libmicrohttpd underneath. A few polling threads (epoll) do the
 * sockets; the application runs on a separate pool of workers, each with
 * its own database connection, and a connection waits suspended while its
 * request is worked on, so a slow answer (a province's roll-up) never holds
 * up the sockets of others. Limits: headers within the connection's
 * memory, bodies up to APP_MAX_BODY, a timeout on idle clients, a deadline
 * for a request to arrive however steadily it trickles (the watchdog), a
 * cap on connections and a lower one per address. A worker whose PostgreSQL connection is lost
 * opens it again (app.c, store_reconnect); while the database is away requests are answered 503
 * with Retry-After. SIGTERM/SIGINT: stop listening, finish what is in flight for 8 s at most,
 * answer what still waits 503, and be gone within STOP_SECONDS whatever the database does. */
#include "server.h"

#include "app.h"
#include "gzip.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define WORKERS_MAX  32
#define STOP_SECONDS 10 /* from SIGTERM to the end, at most (README) */
#define READER_NICE  5  /* the reading workers' nice value, the writer's 0 */

/* One request, from its first bytes to its answer. */
struct job {
	struct MHD_Connection *conn;
	struct buf body;
	bool too_big, queued, done;
	size_t limit; /* the largest body this request may send (app_body_limit) */
	char *method, *path, *query, *cookie, *ctype, *csrf, *auth, remote[64];
	char *origin, *host;
	struct http_resp resp;
	struct timespec begun;  /* its headers in */
	struct timespec handed; /* the whole request in, handed to a worker */
	struct timespec ready;  /* its answer ready (a write run in a group) */
	struct write_phases ph; /* that write's phases, timed once answered */
	bool timed;
	struct job *next;
};

/* One connection, from accept to close (MHD's socket context): the
 * watchdog cuts it when a request has been arriving for longer than the
 * deadline. since: when the current request began to arrive (the
 * connection opened, or the previous answer went out). */
struct conn {
	struct MHD_Connection *c;
	int fd;
	char addr[64];
	struct timespec since;
	bool receiving, cut;
	struct conn *prev, *next;
};

struct server {
	struct app app;
	const char *db;
	const struct server_opts *o;
	pthread_mutex_t conn_mu; /* guards conns and each conn's fields */
	pthread_cond_t conn_cv;
	struct conn *conns;
	bool watchdog_stop;
	pthread_t watchdog;
	struct MHD_Daemon *d;
	pthread_mutex_t mu;
	pthread_cond_t cv, idle;
	pthread_cond_t wcv; /* a write queued: the write worker's */
	bool writer_taken;  /* one worker (of two or more) takes writes alone */
	struct job *head, *tail;
	struct job *wlast; /* the last write in the queue: writes go ahead of reads */
	bool stopping;
	int in_flight;
	int alive; /* workers not yet returned */
	pthread_t workers[WORKERS_MAX];
	pthread_t warm; /* app_warm's (warm.c) */
	bool warm_stop; /* atomic: stop warming */
	bool warming;   /* warm started */
	bool warm_done; /* atomic: warm_thread returned */
	int nworkers;
	struct store *poll_stores[64]; /* the polling threads' connections */
	int npoll_stores;
};

static __thread struct store *poll_store;

/* The calling polling thread's database connection, opened on first use;
 * NULL when it cannot be opened (the request then goes to a worker). */
static struct store *polling_store(struct server *sv)
{
	if (poll_store)
		return poll_store;
	struct error err = {0};
	struct store *s = store_open(sv->db, &err);
	err_clear(&err);
	pthread_mutex_lock(&sv->mu);
	if (s && sv->npoll_stores < 64)
		sv->poll_stores[sv->npoll_stores++] = s;
	else if (s) {
		store_close(s);
		s = NULL;
	}
	pthread_mutex_unlock(&sv->mu);
	return poll_store = s;
}

static void job_free(struct job *j)
{
	buf_free(&j->body);
	free(j->method);
	free(j->path);
	free(j->query);
	free(j->cookie);
	free(j->ctype);
	free(j->csrf);
	free(j->auth);
	free(j->origin);
	free(j->host);
	http_resp_free(&j->resp);
	free(j);
}

static char *dup_header(struct MHD_Connection *c, const char *name)
{
	const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
	return v ? xstrdup(v) : NULL;
}

static void put_escaped(struct buf *b, const char *s)
{
	static const char hexd[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-_.~", *p)) {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hexd[*p >> 4]);
			buf_putc(b, hexd[*p & 15]);
		}
	}
}

/* MHD hands the query decoded, key by key; put it back as a query string. */
static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *value)
{
	struct buf *b = cls;
	if (b->len)
		buf_putc(b, '&');
	put_escaped(b, key);
	if (value) {
		buf_putc(b, '=');
		put_escaped(b, value);
	}
	return MHD_YES;
}

/* A request not worked on: 503, try again in a few seconds. */
static void unavailable(struct http_resp *r, const char *why)
{
	r->status = 503;
	r->ctype = "text/plain; charset=utf-8";
	buf_puts(&r->body, why);
	http_header(r, "Retry-After: 5");
}

/* The worker's database connection; opened again when it could not be
 * (the database was away when the worker started). */
static struct store *worker_store(struct server *sv, struct store *s)
{
	if (s)
		return s;
	struct error err = {0};
	s = store_open(sv->db, &err);
	if (!s)
		fprintf(stderr, "chitieu serve: [%s] %s\n", err_name(err.code), err.msg);
	else
		store_checkpoint_later(s); /* after the answers (worker) */
	err_clear(&err);
	return s;
}

static void job_done(struct server *sv, struct job *j)
{
	pthread_mutex_lock(&sv->mu);
	j->done = true;
	pthread_mutex_unlock(&sv->mu);
	MHD_resume_connection(j->conn);
}

static struct http_req job_req(const struct job *j)
{
	return (struct http_req){j->method,   j->path,   j->query,  j->body.ptr ? j->body.ptr : "",
	                         j->body.len, j->cookie, j->ctype,  j->csrf,
	                         j->auth,     j->remote, j->origin, j->host};
}

/* The write worker: every write queued at this moment taken at once;
 * those that may (app_groupable) run in groups, one transaction each
 * (app_handle_group), the others alone, in the order they came. Each
 * client is answered after the commit that holds its write. The phases
 * of each grouped write are timed (app_write_timed): the time it waited
 * behind the writes before it, then its group's. */
static struct store *write_jobs(struct server *sv, struct store *s)
{
	static long pause_ms = -1; /* CHITIEU_TEST_WRITER_MS: tests only */
	if (pause_ms < 0) {
		const char *v = getenv("CHITIEU_TEST_WRITER_MS");
		pause_ms = v ? atol(v) : 0;
	}
	if (pause_ms > 0) /* let the writes sent together queue together */
		nanosleep(&(struct timespec){pause_ms / 1000, pause_ms % 1000 * 1000000L}, NULL);
	pthread_mutex_lock(&sv->mu);
	struct job *first = sv->wlast ? sv->head : NULL, *last = sv->wlast;
	if (first) {
		sv->head = last->next;
		if (sv->tail == last)
			sv->tail = NULL;
		sv->wlast = last->next = NULL;
	}
	pthread_mutex_unlock(&sv->mu);
	struct job *run[64];
	struct http_req rq[64];
	struct http_resp *rs[64];
	const struct http_req *rqp[64];
	while (first) {
		struct timespec taken, done;
		clock_gettime(CLOCK_MONOTONIC, &taken);
		struct write_phases ph = {0};
		bool grouped = false; /* figures: the writes whose phases are timed */
		size_t n = 0;
		for (struct job *j = first;
		     j && n < 64 &&
		     app_groupable(&(struct http_req){.method = j->method, .path = j->path});
		     j = j->next, n++) {
			run[n] = j;
			rq[n] = job_req(j);
			rqp[n] = &rq[n];
			rs[n] = &j->resp;
		}
		s = worker_store(sv, s);
		if (n == 0) { /* a write that runs alone */
			run[n++] = first;
			rq[0] = job_req(first);
			if (s)
				app_handle(&sv->app, s, &rq[0], &first->resp, false);
		} else if (s) {
			n = app_handle_group(&sv->app, s, rqp, rs, n, &ph);
			grouped = true;
		}
		clock_gettime(CLOCK_MONOTONIC, &done);
		first = run[n - 1]->next;
		for (size_t i = 0; i < n; i++) {
			struct job *j = run[i];
			j->ph = ph;
			j->ph.in = app_ms_between(&j->begun, &j->handed);
			j->ph.behind = app_ms_between(&j->handed, &taken);
			j->ready = done;
			j->timed = grouped; /* when its answer goes (handle) */
			if (!s)
				unavailable(&j->resp,
				            "Cơ sở dữ liệu không mở được; xin thử lại sau");
			job_done(sv, j);
		}
		store_checkpoint_due(s);
	}
	return s;
}

static void *worker(void *arg)
{
	struct server *sv = arg;
	struct store *s = worker_store(sv, NULL);
	/* One worker takes only writes (they wait at the front of the queue):
	 * a figure is acknowledged at once even while every other worker
	 * reads. */
	pthread_mutex_lock(&sv->mu);
	bool writes = sv->nworkers > 1 && !sv->writer_taken;
	sv->writer_taken = true;
	pthread_mutex_unlock(&sv->mu);
	/* With a writer, the readers leave the writes to it (they are one at
	 * a time anyway, app_write_begin) and give way to it and to the
	 * polling threads (cached answers) when the processors are short: a
	 * write waits for no reader's computing. On Linux the nice value is
	 * the calling thread's. */
	bool reads_only = sv->nworkers > 1 && !writes;
	if (reads_only)
		setpriority(PRIO_PROCESS, 0, READER_NICE);
	for (;;) {
		pthread_mutex_lock(&sv->mu);
		struct job **at; /* where the job this worker takes is linked from */
		for (;;) {
			if (writes)
				at = sv->wlast ? &sv->head : NULL;
			else
				at = reads_only && sv->wlast ? &sv->wlast->next : &sv->head;
			if ((at && *at) || sv->stopping)
				break;
			pthread_cond_wait(writes ? &sv->wcv : &sv->cv, &sv->mu);
		}
		struct job *j = at ? *at : NULL;
		bool stopping = sv->stopping;
		if (!j) {
			pthread_mutex_unlock(&sv->mu);
			break;
		}
		if (writes && !stopping) { /* every write queued: a group (group.c) */
			pthread_mutex_unlock(&sv->mu);
			s = write_jobs(sv, s);
			continue;
		}
		*at = j->next;
		if (sv->tail == j)
			sv->tail = at == &sv->head ? NULL : sv->wlast;
		if (j == sv->wlast)
			sv->wlast = NULL;
		pthread_mutex_unlock(&sv->mu);
		struct http_req rq = {
		        j->method,   j->path,   j->query,  j->body.ptr ? j->body.ptr : "",
		        j->body.len, j->cookie, j->ctype,  j->csrf,
		        j->auth,     j->remote, j->origin, j->host};
		if (stopping)
			unavailable(&j->resp, "Máy chủ đang dừng; chưa làm gì, xin thử lại sau");
		else if ((s = worker_store(sv, s)) != NULL)
			app_handle(&sv->app, s, &rq, &j->resp, false);
		else
			unavailable(&j->resp, "Cơ sở dữ liệu không mở được; xin thử lại sau");
		pthread_mutex_lock(&sv->mu);
		j->done = true;
		pthread_mutex_unlock(&sv->mu);
		MHD_resume_connection(j->conn);
		store_checkpoint_due(s);
	}
	store_close(s);
	pthread_mutex_lock(&sv->mu);
	sv->alive--;
	pthread_cond_broadcast(&sv->idle);
	pthread_mutex_unlock(&sv->mu);
	return NULL;
}

/* The holds of the top units built in the background (warm.c), on a
 * connection of its own. It only reads: stopping does not wait for it. */
static void *warm_thread(void *arg)
{
	struct server *sv = arg;
	setpriority(PRIO_PROCESS, 0, READER_NICE);
	struct store *s = worker_store(sv, NULL);
	if (s)
		app_warm(&sv->app, s, &sv->warm_stop);
	store_close(s);
	__atomic_store_n(&sv->warm_done, true, __ATOMIC_RELEASE);
	return NULL;
}

/* Wait under sv->mu until done says so or the time is up; false then. */
static bool wait_until(struct server *sv, bool (*done)(struct server *),
                       const struct timespec *until)
{
	pthread_mutex_lock(&sv->mu);
	while (!done(sv) && pthread_cond_timedwait(&sv->idle, &sv->mu, until) != ETIMEDOUT)
		;
	bool ok = done(sv);
	pthread_mutex_unlock(&sv->mu);
	return ok;
}

static bool no_request(struct server *sv)
{
	return sv->in_flight == 0;
}

static bool no_worker(struct server *sv)
{
	return sv->alive == 0;
}

static struct timespec after_ms(const struct timespec *t0, long ms)
{
	struct timespec t = *t0;
	t.tv_sec += ms / 1000;
	t.tv_nsec += (ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

/* SIGTERM: no new connections; what is in flight has 8 s to finish; then
 * what still waits in the queue is answered 503 and the workers stop. A
 * worker still held by the database at the deadline is not waited for:
 * its request gets no answer and its transaction is rolled back when the
 * process ends, so nothing acknowledged is lost. True when everything
 * stopped and may be freed. */
static bool stop(struct server *sv)
{
	struct timespec t0;
	clock_gettime(CLOCK_REALTIME, &t0);
	__atomic_store_n(&sv->warm_stop, true, __ATOMIC_RELAXED);
	MHD_socket ls = MHD_quiesce_daemon(sv->d);
	if (ls != MHD_INVALID_SOCKET)
		close(ls);
	struct timespec t = after_ms(&t0, (STOP_SECONDS - 2) * 1000L);
	wait_until(sv, no_request, &t);
	pthread_mutex_lock(&sv->mu);
	sv->stopping = true;
	pthread_cond_broadcast(&sv->cv);
	pthread_cond_broadcast(&sv->wcv);
	/* What no worker took yet is answered here: the workers may all be
	 * held by the database. */
	struct job *queued = sv->head;
	sv->head = sv->tail = sv->wlast = NULL;
	pthread_mutex_unlock(&sv->mu);
	while (queued) {
		struct job *j = queued;
		queued = j->next;
		unavailable(&j->resp, "Máy chủ đang dừng; chưa làm gì, xin thử lại sau");
		pthread_mutex_lock(&sv->mu);
		j->done = true;
		pthread_mutex_unlock(&sv->mu);
		MHD_resume_connection(j->conn);
	}
	t = after_ms(&t0, (STOP_SECONDS - 1) * 1000L);
	bool done = wait_until(sv, no_worker, &t);
	t = after_ms(&t0, STOP_SECONDS * 1000L - 500);
	wait_until(sv, no_request, &t); /* the 503s on their way out */
	return done;
}

static enum MHD_Result reply(struct MHD_Connection *conn, struct http_resp *r)
{
	size_t len = r->body.len;
	char *data = buf_detach(&r->body), *packed;
	/* Text answers go compressed to a client that takes gzip. */
	bool worth = len >= GZIP_MIN && gzip_worth(r->ctype ? r->ctype : "text/plain"),
	     gz = worth &&
	          gzip_accepted(
	                  MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Encoding")) &&
	          !gzip_pack(data, len, &packed, &len);
	if (gz) {
		free(data);
		data = packed;
	}
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, data ? data : xstrdup(""),
	                                                            MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type", r->ctype ? r->ctype : "text/plain");
	if (gz)
		MHD_add_response_header(resp, "Content-Encoding", "gzip");
	if (worth)
		MHD_add_response_header(resp, "Vary", "Accept-Encoding");
	bool own_policy = false; /* an answer may bring a stricter one of its own */
	for (int i = 0; i < r->nheaders; i++)
		own_policy |= !strncasecmp(r->headers[i], "Content-Security-Policy:", 24);
	if (!own_policy)
		MHD_add_response_header(
		        resp, "Content-Security-Policy",
		        "default-src 'self'; script-src 'self'; style-src 'self'; "
		        "img-src 'self' data:; form-action 'self'; base-uri 'none'; "
		        "frame-ancestors 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	if (strncmp(r->ctype ? r->ctype : "", "text/css", 8) &&
	    strncmp(r->ctype ? r->ctype : "", "text/javascript", 15))
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	for (int i = 0; i < r->nheaders; i++) {
		char *colon = strchr(r->headers[i], ':');
		if (!colon)
			continue;
		*colon = 0;
		MHD_add_response_header(resp, r->headers[i], colon + 2);
		*colon = ':';
	}
	enum MHD_Result rc = MHD_queue_response(conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return rc;
}

static enum MHD_Result too_big(struct MHD_Connection *conn, const char *url, size_t limit)
{
	struct http_resp r = {413, "application/json", {0}, {0}, 0};
	char *msg = app_too_large_vi(limit);
	if (strncmp(url, "/api/", 5)) { /* a page: a page that says so */
		r.ctype = "text/html; charset=utf-8";
		buf_printf(&r.body,
		           "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Tệp "
		           "quá lớn</title><p>%s</p><p><a href=\"javascript:history.back()\">Quay "
		           "lại</a></p></html>",
		           msg);
	} else {
		buf_printf(&r.body, "{\"error\":{\"code\":\"E_TOO_LARGE\",\"message\":\"%s\"}}",
		           msg);
	}
	free(msg);
	enum MHD_Result rc = reply(conn, &r);
	http_resp_free(&r);
	return rc;
}

/* ---- connections: the per-address limit and the deadline ---------------- */

static void peer_addr(const struct sockaddr *sa, char *out, size_t n)
{
	out[0] = 0;
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)n);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
		          (socklen_t)n);
}

/* Accept a connection unless its address holds max_per_address already
 * (a trusted proxy speaks for many clients: only the global cap). */
static enum MHD_Result admit(void *cls, const struct sockaddr *sa, socklen_t len)
{
	struct server *sv = cls;
	char addr[64];
	peer_addr(sa, addr, sizeof addr);
	if (http_addr_listed(addr, sv->o->trusted_proxies))
		return MHD_YES;
	int n = 0;
	pthread_mutex_lock(&sv->conn_mu);
	for (struct conn *k = sv->conns; k; k = k->next)
		n += !strcmp(k->addr, addr);
	pthread_mutex_unlock(&sv->conn_mu);
	return n < sv->o->max_per_address ? MHD_YES : MHD_NO;
}

static void conn_notify(void *cls, struct MHD_Connection *c, void **socket_context,
                        enum MHD_ConnectionNotificationCode why)
{
	struct server *sv = cls;
	struct conn *k = *socket_context;
	pthread_mutex_lock(&sv->conn_mu);
	if (why == MHD_CONNECTION_NOTIFY_STARTED && !k) {
		k = xcalloc(1, sizeof *k);
		k->c = c;
		const union MHD_ConnectionInfo *ci =
		        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		k->fd = ci ? ci->connect_fd : -1;
		ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		peer_addr(ci ? ci->client_addr : NULL, k->addr, sizeof k->addr);
		clock_gettime(CLOCK_MONOTONIC, &k->since);
		k->receiving = true;
		k->next = sv->conns;
		if (sv->conns)
			sv->conns->prev = k;
		sv->conns = k;
		*socket_context = k;
	} else if (why == MHD_CONNECTION_NOTIFY_CLOSED && k) {
		/* MHD closes the socket after this: the watchdog, which shuts
		 * sockets down under conn_mu, never touches a reused one. */
		if (k->prev)
			k->prev->next = k->next;
		else
			sv->conns = k->next;
		if (k->next)
			k->next->prev = k->prev;
		free(k);
		*socket_context = NULL;
	}
	pthread_mutex_unlock(&sv->conn_mu);
}

/* The request on c has arrived whole (receiving false), or its answer has
 * gone and the next may begin (true: the deadline starts again). */
static void conn_receiving(struct server *sv, struct MHD_Connection *c, bool receiving)
{
	const union MHD_ConnectionInfo *ci =
	        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct conn *k = ci ? ci->socket_context : NULL;
	if (!k)
		return;
	pthread_mutex_lock(&sv->conn_mu);
	k->receiving = receiving;
	clock_gettime(CLOCK_MONOTONIC, &k->since);
	pthread_mutex_unlock(&sv->conn_mu);
}

/* Once a second: shut down the sockets whose request has been arriving for
 * longer than the deadline (counted in milliseconds: whole seconds would cut
 * a request up to a second early). MHD then reads the end of the stream and
 * closes the connection on its own thread. */
static void *watchdog(void *arg)
{
	struct server *sv = arg;
	pthread_mutex_lock(&sv->conn_mu);
	while (!sv->watchdog_stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 1;
		pthread_cond_timedwait(&sv->conn_cv, &sv->conn_mu, &until);
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		for (struct conn *k = sv->conns; k; k = k->next)
			if (k->receiving && !k->cut && k->fd >= 0 &&
			    app_ms_between(&k->since, &now) >= sv->o->deadline * 1e3) {
				shutdown(k->fd, SHUT_RDWR);
				k->cut = true;
			}
	}
	pthread_mutex_unlock(&sv->conn_mu);
	return NULL;
}

/* ---- requests ------------------------------------------------------------ */

/* The request's framing is ambiguous (RFC 9112 6.3): Content-Length given
 * twice with different values, a Transfer-Encoding other than chunked, or
 * both. A proxy in front may read it another way, so it is refused and
 * the connection closed, before anything of the body is read. */
struct framing {
	int lengths, encodings;
	const char *length;
	bool conflict, unknown;
};

static enum MHD_Result framing_header(void *cls, enum MHD_ValueKind kind, const char *key,
                                      const char *value)
{
	struct framing *f = cls;
	if (!strcasecmp(key, "Content-Length")) {
		if (f->lengths++ && strcmp(f->length, value ? value : ""))
			f->conflict = true;
		f->length = value ? value : "";
	} else if (!strcasecmp(key, "Transfer-Encoding")) {
		f->encodings++;
		f->unknown |= !value || strcasecmp(value, "chunked");
	}
	return MHD_YES;
}

static bool framing_ok(struct MHD_Connection *conn)
{
	struct framing f = {0};
	MHD_get_connection_values(conn, MHD_HEADER_KIND, framing_header, &f);
	return !f.conflict && !f.unknown && f.encodings <= 1 && !(f.encodings && f.lengths);
}

static enum MHD_Result bad_framing(struct MHD_Connection *conn)
{
	struct http_resp r = {400, "application/json", {0}, {0}, 0};
	buf_puts(&r.body, "{\"error\":{\"code\":\"E_HTTP\",\"message\":\"Yêu cầu không rõ độ "
	                  "dài: Content-Length và Transfer-Encoding mâu thuẫn hoặc không hỗ "
	                  "trợ\"}}");
	http_header(&r, "Connection: close");
	enum MHD_Result rc = reply(conn, &r);
	http_resp_free(&r);
	return rc;
}

/* The headers joined, in the order they came, for X-Forwarded-For. */
static enum MHD_Result join_forwarded(void *cls, enum MHD_ValueKind kind, const char *key,
                                      const char *value)
{
	struct buf *b = cls;
	if (!strcasecmp(key, "X-Forwarded-For") && value) {
		if (b->len)
			buf_putc(b, ',');
		buf_puts(b, value);
	}
	return MHD_YES;
}

static void client_addr(struct server *sv, struct MHD_Connection *conn, char *out, size_t n)
{
	char peer[64];
	const union MHD_ConnectionInfo *ci =
	        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	peer_addr(ci ? ci->client_addr : NULL, peer, sizeof peer);
	struct buf fwd = {0};
	if (http_addr_listed(peer, sv->o->trusted_proxies))
		MHD_get_connection_values(conn, MHD_HEADER_KIND, join_forwarded, &fwd);
	http_client_addr(peer, fwd.len ? buf_str(&fwd) : NULL, sv->o->trusted_proxies, out, n);
	buf_free(&fwd);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
	struct server *sv = cls;
	struct job *j = *con_cls;
	if (!j) { /* the headers are in */
		if (!framing_ok(conn)) {
			conn_receiving(sv, conn, false);
			return bad_framing(conn);
		}
		const char *cl =
		        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		size_t limit = app_body_limit(method, url);
		if (cl && strtoull(cl, NULL, 10) > limit) {
			conn_receiving(sv, conn, false);
			return too_big(conn, url, limit);
		}
		j = xcalloc(1, sizeof *j);
		clock_gettime(CLOCK_MONOTONIC, &j->begun);
		j->limit = limit;
		j->conn = conn;
		*con_cls = j;
		pthread_mutex_lock(&sv->mu);
		sv->in_flight++;
		pthread_mutex_unlock(&sv->mu);
		return MHD_YES;
	}
	if (*upload_size) { /* more of the body */
		if (j->body.len + *upload_size > j->limit)
			j->too_big = true;
		else
			buf_put(&j->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (!j->queued || j->too_big) /* the whole request is in */
		conn_receiving(sv, conn, false);
	if (j->too_big)
		return too_big(conn, url, j->limit);
	if (!j->queued) { /* the whole request: to a worker, the connection waits */
		struct buf q = {0};
		MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_arg, &q);
		j->query = buf_detach(&q);
		j->method = xstrdup(method);
		j->path = xstrdup(url);
		j->cookie = dup_header(conn, "Cookie");
		j->ctype = dup_header(conn, "Content-Type");
		j->csrf = dup_header(conn, "X-CSRF-Token");
		j->auth = dup_header(conn, "Authorization");
		j->origin = dup_header(conn, "Origin");
		j->host = dup_header(conn, "Host");
		client_addr(sv, conn, j->remote, sizeof j->remote);
		j->queued = true;
		/* Cached answers and static files straight away, on this thread. */
		struct store *ps = polling_store(sv);
		if (ps) {
			struct http_req rq = {j->method, j->path,   j->query,  "",
			                      0,         j->cookie, j->ctype,  j->csrf,
			                      j->auth,   j->remote, j->origin, j->host};
			if (!j->body.len) {
				app_handle(&sv->app, ps, &rq, &j->resp, true);
				if (j->resp.status)
					return reply(conn, &j->resp);
			}
		}
		pthread_mutex_lock(&sv->mu);
		if (sv->stopping) {
			/* Stopping: the queue was answered and the workers may be
			 * gone; a connection suspended now would never be resumed
			 * (the stop would wait for it to its deadline, and
			 * MHD_stop_daemon abort on it). */
			pthread_mutex_unlock(&sv->mu);
			unavailable(&j->resp, "Máy chủ đang dừng; chưa làm gì, xin thử lại sau");
			return reply(conn, &j->resp);
		}
		MHD_suspend_connection(conn);
		clock_gettime(CLOCK_MONOTONIC, &j->handed);
		if (strcmp(j->method, "GET") && strcmp(j->method, "HEAD")) {
			/* A write goes ahead of the reads waiting (after the writes
			 * before it): a figure is acknowledged at once, whatever the
			 * readers ask. */
			struct job **at = sv->wlast ? &sv->wlast->next : &sv->head;
			j->next = *at;
			*at = j;
			if (sv->tail == sv->wlast)
				sv->tail = j;
			sv->wlast = j;
			pthread_cond_signal(&sv->wcv);
		} else {
			if (sv->tail)
				sv->tail->next = j;
			else
				sv->head = j;
			sv->tail = j;
		}
		pthread_cond_signal(&sv->cv);
		pthread_mutex_unlock(&sv->mu);
		return MHD_YES;
	}
	if (j->timed) { /* a write run in a group: its phases, whole */
		struct timespec now, wall;
		clock_gettime(CLOCK_MONOTONIC, &now);
		clock_gettime(CLOCK_REALTIME, &wall);
		j->ph.out = app_ms_between(&j->ready, &now);
		j->ph.total = app_ms_between(&j->begun, &now);
		j->ph.at = (int64_t)wall.tv_sec * 1000 + wall.tv_nsec / 1000000;
		j->timed = false;
		app_write_timed(&sv->app, &j->ph);
	}
	return reply(conn, &j->resp); /* resumed: the answer is ready */
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                      enum MHD_RequestTerminationCode why)
{
	struct server *sv = cls;
	struct job *j = *con_cls;
	conn_receiving(sv, conn, true); /* the next request's deadline starts */
	if (!j)
		return;
	job_free(j);
	*con_cls = NULL;
	pthread_mutex_lock(&sv->mu);
	if (--sv->in_flight == 0)
		pthread_cond_broadcast(&sv->idle);
	pthread_mutex_unlock(&sv->mu);
}

static int parse_listen(const char *listen, struct sockaddr_in *sa)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	if (!colon || colon - listen >= (long)sizeof host)
		return -1;
	snprintf(host, sizeof host, "%.*s", (int)(colon - listen), listen);
	char *end;
	long port = strtol(colon + 1, &end, 10);
	memset(sa, 0, sizeof *sa);
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	if (*end || port < 0 || port > 65535 || inet_pton(AF_INET, host, &sa->sin_addr) != 1)
		return -1;
	return 0;
}

int server_run(const struct server_opts *o)
{
	struct sockaddr_in sa;
	if (parse_listen(o->listen, &sa)) {
		fprintf(stderr, "chitieu serve: địa chỉ \"%s\" không đúng dạng IPv4:cổng\n",
		        o->listen);
		return 2;
	}
	struct error err = {0};
	struct store *check = store_open(o->db, &err); /* fail early, and create the schema */
	if (!check) {
		fprintf(stderr, "chitieu serve: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		return 2;
	}
	store_close(check);
	if (auth_init()) {
		fprintf(stderr, "chitieu serve: libsodium không khởi động được\n");
		return 2;
	}
	struct server *sv = xcalloc(1, sizeof *sv);
	sv->db = o->db;
	sv->o = o;
	app_init(&sv->app, o->secure);
	holds_warming(sv->app.holds, 1); /* warm_thread's, begun before any request */
	pthread_mutex_init(&sv->mu, NULL);
	pthread_mutex_init(&sv->conn_mu, NULL);
	pthread_cond_init(&sv->conn_cv, NULL);
	pthread_cond_init(&sv->cv, NULL);
	pthread_cond_init(&sv->wcv, NULL);
	pthread_cond_init(&sv->idle, NULL);
	/* Signals go to the thread that waits for them, not to the workers. */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	sv->nworkers = o->workers < 1 ? 1 : o->workers > WORKERS_MAX ? WORKERS_MAX : o->workers;
	sv->alive = sv->nworkers;
	/* Heavy work (reports) leaves two workers to sign-in and reads. */
	sv->app.heavy_max = sv->nworkers > 3 ? sv->nworkers - 2 : 1;
	for (int i = 0; i < sv->nworkers; i++)
		pthread_create(&sv->workers[i], NULL, worker, sv);
	pthread_create(&sv->watchdog, NULL, watchdog, sv);
	sv->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	                                 MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG,
	                         0, admit, sv, handle, sv, MHD_OPTION_SOCK_ADDR,
	                         (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE,
	                         (unsigned)(o->io_threads < 1 ? 1 : o->io_threads),
	                         MHD_OPTION_CONNECTION_LIMIT, (unsigned)o->max_connections,
	                         MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)o->timeout,
	                         MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	                         MHD_OPTION_NOTIFY_COMPLETED, completed, sv,
	                         MHD_OPTION_NOTIFY_CONNECTION, conn_notify, sv, MHD_OPTION_END);
	int rc = 0;
	if (!sv->d) {
		fprintf(stderr, "chitieu serve: không nghe được ở %s: %s\n", o->listen,
		        strerror(errno));
		rc = 2;
	} else {
		printf("chitieu đang chạy: http://%s/  (dừng: Ctrl-C)\n", o->listen);
		fflush(stdout);
		sv->warming = pthread_create(&sv->warm, NULL, warm_thread, sv) == 0;
		if (!sv->warming)
			holds_warming(sv->app.holds, -1);
		int sig = 0;
		sigwait(&sigs, &sig);
		bool all = stop(sv);
		fprintf(stderr, "chitieu serve: dừng theo tín hiệu %d\n", sig);
		if (!all) { /* a worker held by the database: leave without it */
			fprintf(stderr,
			        "chitieu serve: sau %d giây vẫn có yêu cầu chờ cơ sở dữ liệu; "
			        "dừng không chờ (giao dịch dở dang bị hủy)\n",
			        STOP_SECONDS);
			return 0;
		}
		if (sv->warming && !__atomic_load_n(&sv->warm_done, __ATOMIC_ACQUIRE)) {
			/* Reading the store into memory, nothing written: not waited for. */
			fprintf(stderr, "chitieu serve: dừng khi đang nạp dữ liệu vào bộ nhớ "
			                "(không có gì đang ghi)\n");
			return 0;
		}
	}
	pthread_mutex_lock(&sv->mu);
	sv->stopping = true;
	pthread_cond_broadcast(&sv->cv);
	pthread_cond_broadcast(&sv->wcv);
	pthread_mutex_unlock(&sv->mu);
	for (int i = 0; i < sv->nworkers; i++)
		pthread_join(sv->workers[i], NULL); /* each closes its database */
	if (sv->warming)
		pthread_join(sv->warm, NULL);
	if (sv->d)
		MHD_stop_daemon(sv->d);
	pthread_mutex_lock(&sv->conn_mu);
	sv->watchdog_stop = true;
	pthread_cond_broadcast(&sv->conn_cv);
	pthread_mutex_unlock(&sv->conn_mu);
	pthread_join(sv->watchdog, NULL);
	for (int i = 0; i < sv->npoll_stores; i++)
		store_close(sv->poll_stores[i]);
	app_free(&sv->app);
	pthread_mutex_destroy(&sv->mu);
	pthread_cond_destroy(&sv->cv);
	pthread_cond_destroy(&sv->wcv);
	pthread_cond_destroy(&sv->idle);
	pthread_mutex_destroy(&sv->conn_mu);
	pthread_cond_destroy(&sv->conn_cv);
	free(sv);
	return rc;
}
