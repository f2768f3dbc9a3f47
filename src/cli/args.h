/* args.h: long options ("--db FILE", "--db=FILE", "--yes") for the
 * subcommands, from one table per command. */
#ifndef CHITIEU_ARGS_H
#define CHITIEU_ARGS_H

#include <stdbool.h>

struct opt {
	const char *name;   /* without "--" */
	const char **value; /* set for options that take a value */
	bool *flag;         /* set for options that do not */
};

/* Parse argv against opts; other words go to rest (at most nrest). Returns
 * the number of words in rest, or -1 after printing a Vietnamese message. */
int args_parse(const char *cmd, int argc, char **argv, const struct opt *opts, const char **rest,
               int nrest);

/* The database: --db, else $CHITIEU_DB, else "chitieu.db". */
const char *args_db(const char *db);

#endif
