/* args.h: long options ("--db FILE", "--db=FILE", "--yes") for the
 * subcommands, from one table per command. */
#ifndef CHITIEU_ARGS_H
#define CHITIEU_ARGS_H

#include "period.h"

#include <stdbool.h>
#include <stddef.h>

struct opt {
	const char *name;   /* without "--" */
	const char **value; /* set for options that take a value */
	bool *flag;         /* set for options that do not */
};

/* Parse argv against opts; other words go to rest (at most nrest). Returns
 * the number of words in rest, or -1 after printing a Vietnamese message. */
int args_parse(const char *cmd, int argc, char **argv, const struct opt *opts, const char **rest,
               int nrest);

/* Documents named on the command line, with an optional --format F: the
 * file names into files (room for argc of them), *format set when given.
 * Returns how many, or -1 after printing why an option is not one. */
int args_files(const char *cmd, int argc, char **argv, const char **format, const char **files);

/* Whether v is one of the choices written "text|json|csv". */
bool args_choice(const char *v, const char *choices);

/* The database: --db, else $CHITIEU_DB, else "chitieu.db". */
const char *args_db(const char *db);

/* --period P, else --year Y, else this month, named into shown (n bytes):
 * *as_of its last month (year * 12 + month - 1) and *grain its kind, which
 * figures are rolled up to. -1 after printing "[E_PERIOD]" and why. */
int args_period_end(const char *cmd, const char *period, const char *year, int *as_of,
                    enum period_kind *grain, char *shown, size_t n);

#endif
