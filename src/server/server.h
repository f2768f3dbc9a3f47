/* server.h: `chitieu serve`: the web app on HTTP. */
#ifndef CHITIEU_SERVER_H
#define CHITIEU_SERVER_H

#include <stdbool.h>

struct server_opts {
	const char *db, *listen; /* listen: "127.0.0.1:8057" */
	int io_threads;          /* polling threads (epoll) */
	int workers;             /* application threads, each with its database connection */
	int max_connections;
	int timeout;         /* seconds a connection may stay idle or slow */
	bool secure;         /* behind TLS: cookies marked Secure */
	int max_per_address; /* connections from one address (trusted proxies: max_connections) */
	int deadline;        /* seconds a request's headers and body may take to arrive */
	const char *trusted_proxies; /* whose X-Forwarded-For is believed (http_addr_listed) */
};

/* Serve until SIGTERM or SIGINT; 0, or 2 when it cannot start. */
int server_run(const struct server_opts *o);

#endif
