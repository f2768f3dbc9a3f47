/* cmd_serve.c: `chitieu serve [--db …] [--listen 127.0.0.1:8057]`. */
#include "cli.h"

#include "args.h"
#include "server.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>

int cmd_serve(int argc, char **argv)
{
	const char *db = NULL, *listen = "127.0.0.1:8057", *workers = "8", *io = "2",
	           *timeout = "15";
	bool secure = false, self_approval = false;
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"listen", &listen, NULL},
	                           {"workers", &workers, NULL},
	                           {"io-threads", &io, NULL},
	                           {"secure", NULL, &secure},
	                           {"timeout", &timeout, NULL},
	                           {"allow-self-approval", NULL, &self_approval},
	                           {NULL, NULL, NULL}};
	if (args_parse("serve", argc, argv, opts, NULL, 0) < 0) {
		fputs("Cách dùng: chitieu serve [--db TỆP|postgresql://…] [--listen "
		      "127.0.0.1:8057] "
		      "[--workers 8] [--io-threads 2] [--timeout 15] [--secure] "
		      "[--allow-self-approval]\n",
		      stderr);
		return CLI_USAGE;
	}
	/* A one-person commune office may approve its own figures; the audit
	 * log says so on each such approval. Nowhere else. */
	store_allow_self_approval(self_approval);
	struct server_opts o = {args_db(db), listen,        atoi(io), atoi(workers),
	                        1024,        atoi(timeout), secure};
	return server_run(&o);
}
