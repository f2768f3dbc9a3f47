/* cli.h: the subcommands of the chitieu binary. Each takes the arguments
 * after its name and returns the exit status: 0 done, 1 usage, 2 bad input;
 * main turns a failure that the database's passing state caused (away,
 * busy, disk full: store_fault) into 3, try again later. */
#ifndef CHITIEU_CLI_H
#define CHITIEU_CLI_H

#define CLI_OK       0
#define CLI_USAGE    1
#define CLI_BADINPUT 2
#define CLI_TRYLATER 3

int cmd_parse(int argc, char **argv);
int cmd_align(int argc, char **argv);
int cmd_unit(int argc, char **argv);
int cmd_unit_settings(int argc, char **argv); /* chitieu unit settings */
int cmd_import(int argc, char **argv);
int cmd_plans(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_record(int argc, char **argv);
int cmd_observations(int argc, char **argv);
int cmd_submit(int argc, char **argv);
int cmd_approve(int argc, char **argv);
int cmd_return(int argc, char **argv);
int cmd_reopen(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_dump(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_task(int argc, char **argv);
int cmd_tasks(int argc, char **argv);
int cmd_period(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_rollup(int argc, char **argv);
int cmd_summary(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_series(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_exchange(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_link(int argc, char **argv);

struct store;
struct problems;
/* The database of --db (args_db), or NULL after saying why. */
struct store *cli_open_db(const char *cmd, const char *db);
/* Every problem on stderr, with its file and line when it has them. */
void cli_print_problems(const char *cmd, const char *file, const struct problems *ps);
/* Stored free text as it may be shown on a terminal: control, bidi and
 * zero-width characters as visible \u{XXXX}, bytes not UTF-8 as \xXX. The
 * answer lives until eight more calls; NULL for NULL. */
const char *cli_safe(const char *s);

#endif
