/* server.c: libmicrohttpd underneath. A few polling threads (epoll) do the
 * sockets; the application runs on a separate pool of workers, each with
 * its own database connection, and a connection waits suspended while its
 * request is worked on, so a slow answer (a province's roll-up) never holds
 * up the sockets of others. Limits: headers within the connection's
 * memory, bodies up to APP_MAX_BODY, a timeout on idle or slow clients, a
 * cap on connections. SIGTERM/SIGINT: stop listening, finish what is in
 * flight, close the databases. */
#include "server.h"

#include "app.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WORKERS_MAX 32

/* One request, from its first bytes to its answer. */
struct job {
	struct MHD_Connection *conn;
	struct buf body;
	bool too_big, queued, done;
	char *method, *path, *query, *cookie, *ctype, *csrf, *auth, remote[64];
	char *origin, *host;
	struct http_resp resp;
	struct job *next;
};

struct server {
	struct app app;
	const char *db;
	struct MHD_Daemon *d;
	pthread_mutex_t mu;
	pthread_cond_t cv, idle;
	struct job *head, *tail;
	bool stopping;
	int in_flight;
	pthread_t workers[WORKERS_MAX];
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
	char *err = NULL;
	struct store *s = store_open(sv->db, &err);
	free(err);
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

static void *worker(void *arg)
{
	struct server *sv = arg;
	char *err = NULL;
	struct store *s = store_open(sv->db, &err);
	if (!s) {
		fprintf(stderr, "chitieu serve: %s\n", err);
		free(err);
	}
	for (;;) {
		pthread_mutex_lock(&sv->mu);
		while (!sv->head && !sv->stopping)
			pthread_cond_wait(&sv->cv, &sv->mu);
		struct job *j = sv->head;
		if (!j) {
			pthread_mutex_unlock(&sv->mu);
			break;
		}
		sv->head = j->next;
		if (!sv->head)
			sv->tail = NULL;
		pthread_mutex_unlock(&sv->mu);
		struct http_req rq = {
		        j->method,   j->path,   j->query,  j->body.ptr ? j->body.ptr : "",
		        j->body.len, j->cookie, j->ctype,  j->csrf,
		        j->auth,     j->remote, j->origin, j->host};
		if (s) {
			app_handle(&sv->app, s, &rq, &j->resp, false);
		} else {
			j->resp.status = 503;
			j->resp.ctype = "text/plain; charset=utf-8";
			buf_puts(&j->resp.body, "Cơ sở dữ liệu không mở được");
		}
		pthread_mutex_lock(&sv->mu);
		j->done = true;
		pthread_mutex_unlock(&sv->mu);
		MHD_resume_connection(j->conn);
	}
	store_close(s);
	return NULL;
}

static enum MHD_Result reply(struct MHD_Connection *conn, struct http_resp *r)
{
	size_t len = r->body.len;
	char *data = buf_detach(&r->body);
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, data ? data : xstrdup(""),
	                                                            MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type", r->ctype ? r->ctype : "text/plain");
	MHD_add_response_header(resp, "Content-Security-Policy",
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

static enum MHD_Result too_big(struct MHD_Connection *conn)
{
	struct http_resp r = {413, "application/json", {0}, {0}, 0};
	buf_printf(&r.body,
	           "{\"error\":{\"code\":\"E_TOO_LARGE\",\"message\":\"Nội dung gửi lên "
	           "quá lớn (tối đa %u byte)\"}}",
	           APP_MAX_BODY);
	enum MHD_Result rc = reply(conn, &r);
	http_resp_free(&r);
	return rc;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
	struct server *sv = cls;
	struct job *j = *con_cls;
	if (!j) { /* the headers are in */
		const char *cl =
		        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > APP_MAX_BODY)
			return too_big(conn);
		j = xcalloc(1, sizeof *j);
		j->conn = conn;
		*con_cls = j;
		pthread_mutex_lock(&sv->mu);
		sv->in_flight++;
		pthread_mutex_unlock(&sv->mu);
		return MHD_YES;
	}
	if (*upload_size) { /* more of the body */
		if (j->body.len + *upload_size > APP_MAX_BODY)
			j->too_big = true;
		else
			buf_put(&j->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (j->too_big)
		return too_big(conn);
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
		const union MHD_ConnectionInfo *ci =
		        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((struct sockaddr_in *)ci->client_addr)->sin_addr,
			          j->remote, sizeof j->remote);
		else if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *)ci->client_addr)->sin6_addr,
			          j->remote, sizeof j->remote);
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
		MHD_suspend_connection(conn);
		pthread_mutex_lock(&sv->mu);
		if (sv->tail)
			sv->tail->next = j;
		else
			sv->head = j;
		sv->tail = j;
		pthread_cond_signal(&sv->cv);
		pthread_mutex_unlock(&sv->mu);
		return MHD_YES;
	}
	return reply(conn, &j->resp); /* resumed: the answer is ready */
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                      enum MHD_RequestTerminationCode why)
{
	struct server *sv = cls;
	struct job *j = *con_cls;
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
	char *err = NULL;
	struct store *check = store_open(o->db, &err); /* fail early, and create the schema */
	if (!check) {
		fprintf(stderr, "chitieu serve: %s\n", err);
		free(err);
		return 2;
	}
	store_close(check);
	if (auth_init()) {
		fprintf(stderr, "chitieu serve: libsodium không khởi động được\n");
		return 2;
	}
	struct server *sv = xcalloc(1, sizeof *sv);
	sv->db = o->db;
	app_init(&sv->app, o->secure);
	pthread_mutex_init(&sv->mu, NULL);
	pthread_cond_init(&sv->cv, NULL);
	pthread_cond_init(&sv->idle, NULL);
	/* Signals go to the thread that waits for them, not to the workers. */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	sv->nworkers = o->workers < 1 ? 1 : o->workers > WORKERS_MAX ? WORKERS_MAX : o->workers;
	for (int i = 0; i < sv->nworkers; i++)
		pthread_create(&sv->workers[i], NULL, worker, sv);
	sv->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	                                 MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG,
	                         0, NULL, NULL, handle, sv, MHD_OPTION_SOCK_ADDR,
	                         (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE,
	                         (unsigned)(o->io_threads < 1 ? 1 : o->io_threads),
	                         MHD_OPTION_CONNECTION_LIMIT, (unsigned)o->max_connections,
	                         MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)o->max_connections,
	                         MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)o->timeout,
	                         MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	                         MHD_OPTION_NOTIFY_COMPLETED, completed, sv, MHD_OPTION_END);
	int rc = 0;
	if (!sv->d) {
		fprintf(stderr, "chitieu serve: không nghe được ở %s: %s\n", o->listen,
		        strerror(errno));
		rc = 2;
	} else {
		printf("chitieu đang chạy: http://%s/  (dừng: Ctrl-C)\n", o->listen);
		fflush(stdout);
		int sig = 0;
		sigwait(&sigs, &sig);
		/* Stop taking connections; let those in flight finish (10 s at most). */
		MHD_socket ls = MHD_quiesce_daemon(sv->d);
		if (ls != MHD_INVALID_SOCKET)
			close(ls);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 10;
		pthread_mutex_lock(&sv->mu);
		while (sv->in_flight > 0 &&
		       pthread_cond_timedwait(&sv->idle, &sv->mu, &until) != ETIMEDOUT)
			;
		pthread_mutex_unlock(&sv->mu);
		fprintf(stderr, "chitieu serve: dừng theo tín hiệu %d\n", sig);
	}
	pthread_mutex_lock(&sv->mu);
	sv->stopping = true;
	pthread_cond_broadcast(&sv->cv);
	pthread_mutex_unlock(&sv->mu);
	for (int i = 0; i < sv->nworkers; i++)
		pthread_join(sv->workers[i], NULL); /* each closes its database */
	if (sv->d)
		MHD_stop_daemon(sv->d);
	for (int i = 0; i < sv->npoll_stores; i++)
		store_close(sv->poll_stores[i]);
	app_free(&sv->app);
	pthread_mutex_destroy(&sv->mu);
	pthread_cond_destroy(&sv->cv);
	pthread_cond_destroy(&sv->idle);
	free(sv);
	return rc;
}
