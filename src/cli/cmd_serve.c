/* cmd_serve.c: `chitieu serve [--db …] [--listen 127.0.0.1:8057]`. */
#include "cli.h"

#include "args.h"
#include "http.h"
#include "server.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>

int cmd_serve(int argc, char **argv)
{
	const char *db = NULL, *listen = "127.0.0.1:8057", *workers = "8", *io = "2",
	           *timeout = "15", *per_address = "64", *deadline = "30", *trusted = NULL;
	bool secure = false, self_approval = false;
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"listen", &listen, NULL},
	                           {"workers", &workers, NULL},
	                           {"io-threads", &io, NULL},
	                           {"secure", NULL, &secure},
	                           {"timeout", &timeout, NULL},
	                           {"max-per-address", &per_address, NULL},
	                           {"deadline", &deadline, NULL},
	                           {"trusted-proxy", &trusted, NULL},
	                           {"allow-self-approval", NULL, &self_approval},
	                           {NULL, NULL, NULL}};
	if (args_parse("serve", argc, argv, opts, NULL, 0) < 0 || atoi(per_address) < 1 ||
	    atoi(deadline) < 1) {
		fputs("Cách dùng: chitieu serve [--db TỆP|postgresql://…] [--listen "
		      "127.0.0.1:8057] "
		      "[--workers 8] [--io-threads 2] [--timeout 15] [--deadline 30] "
		      "[--max-per-address 64] [--trusted-proxy 127.0.0.1,…] [--secure] "
		      "[--allow-self-approval]\n",
		      stderr);
		return CLI_USAGE;
	}
	if (!http_addr_list_ok(trusted)) {
		fprintf(stderr,
		        "chitieu serve: --trusted-proxy \"%s\": cần các địa chỉ IP (hoặc dải "
		        "ĐỊA-CHỈ/BIT) cách nhau bằng dấu phẩy\n",
		        trusted);
		return CLI_USAGE;
	}
	/* A one-person commune office may approve its own figures; the audit
	 * log says so on each such approval. Nowhere else. */
	store_allow_self_approval(self_approval);
	struct server_opts o = {args_db(db),   listen, atoi(io),          atoi(workers),  1024,
	                        atoi(timeout), secure, atoi(per_address), atoi(deadline), trusted};
	return server_run(&o);
}
