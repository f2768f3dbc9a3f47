/* cmd_user.c: `chitieu user add|passwd|disable|enable|role|list|token`: the
 * accounts of the web app. A password change, a disable, an enable or a
 * new role ends the account's sessions (in a running server too: it sees
 * the change mark move and the account's credential generation grow) and
 * its tokens. Passwords are read from standard input (never from the
 * command line, where other users could see them). */
#include "cli.h"

#include "args.h"
#include "auth.h"
#include "store.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line of standard input, without its newline; NULL at end of input. */
static char *read_password(void)
{
	char buf[512];
	if (!fgets(buf, sizeof buf, stdin))
		return NULL;
	buf[strcspn(buf, "\r\n")] = 0;
	return xstrdup(buf);
}

static int hashed_password(const char *cmd, char out[AUTH_HASH_MAX])
{
	char *pw = read_password();
	int rc = -1;
	if (!auth_password_ok(pw))
		fprintf(stderr,
		        "chitieu %s: [E_PASSWORD] mật khẩu (một dòng ở đầu vào chuẩn) phải có từ 8 "
		        "đến 256 ký tự\n",
		        cmd);
	else if (auth_init() || auth_hash_password(pw, out))
		fprintf(stderr, "chitieu %s: không băm được mật khẩu (thiếu bộ nhớ?)\n", cmd);
	else
		rc = 0;
	free(pw);
	return rc;
}

static int user_add(int argc, char **argv)
{
	const char *db = NULL, *login = NULL, *name = NULL, *role = NULL, *unit = NULL,
	           *agency = NULL;
	const struct opt opts[] = {{"db", &db, NULL},     {"login", &login, NULL},
	                           {"name", &name, NULL}, {"role", &role, NULL},
	                           {"unit", &unit, NULL}, {"agency", &agency, NULL},
	                           {NULL, NULL, NULL}};
	if (args_parse("user add", argc, argv, opts, NULL, 0) < 0 || !login || !role) {
		fputs("Cách dùng: chitieu user add --login TÊN --role admin|office|reporter|viewer "
		      "[--unit MÃ] [--agency CƠ_QUAN] [--name HỌ_TÊN] < tệp-mật-khẩu\n",
		      stderr);
		return CLI_USAGE;
	}
	char hash[AUTH_HASH_MAX];
	if (hashed_password("user add", hash))
		return CLI_BADINPUT;
	struct store *s = cli_open_db("user add", db);
	if (!s)
		return CLI_BADINPUT;
	struct user_rec u = {0,
	                     (char *)login,
	                     (char *)name,
	                     (char *)role,
	                     (char *)unit,
	                     (char *)agency,
	                     hash,
	                     false,
	                     0};
	struct problems ps = {0};
	int rc = store_user_add(s, &u, "cli", &ps);
	cli_print_problems("user add", NULL, &ps);
	problems_free(&ps);
	store_close(s);
	char norm[AUTH_LOGIN_MAX + 1];
	if (!rc && !auth_login_normalize(login, norm))
		printf("Đã thêm tài khoản %s (%s)\n", norm, role);
	return rc ? CLI_BADINPUT : CLI_OK;
}

/* passwd, disable, enable: one login. */
static int user_change(const char *what, int argc, char **argv)
{
	const char *db = NULL, *login = NULL;
	const struct opt opts[] = {{"db", &db, NULL}, {"login", &login, NULL}, {NULL, NULL, NULL}};
	char cmd[32];
	snprintf(cmd, sizeof cmd, "user %s", what);
	if (args_parse(cmd, argc, argv, opts, NULL, 0) < 0 || !login) {
		fprintf(stderr, "Cách dùng: chitieu user %s --login TÊN%s\n", what,
		        !strcmp(what, "passwd") ? " < tệp-mật-khẩu" : "");
		return CLI_USAGE;
	}
	char hash[AUTH_HASH_MAX];
	if (!strcmp(what, "passwd") && hashed_password(cmd, hash))
		return CLI_BADINPUT;
	struct store *s = cli_open_db(cmd, db);
	if (!s)
		return CLI_BADINPUT;
	struct error err = {0};
	int rc = !strcmp(what, "passwd")
	                 ? store_user_password(s, login, hash, "cli", &err)
	                 : store_user_disable(s, login, !strcmp(what, "disable"), "cli", &err);
	if (rc > 0)
		err_set(&err, ERR_UNKNOWN_USER, "không có tài khoản này");
	if (rc)
		fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, err_name(err.code), err.msg);
	else
		printf("Đã %s tài khoản %s\n",
		       !strcmp(what, "passwd")    ? "đổi mật khẩu"
		       : !strcmp(what, "disable") ? "khóa"
		                                  : "mở khóa",
		       login);
	err_clear(&err);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}

/* A new role for an account: its sessions and tokens end. */
static int user_role(int argc, char **argv)
{
	const char *db = NULL, *login = NULL, *role = NULL, *unit = NULL, *agency = NULL;
	const struct opt opts[] = {{"db", &db, NULL},         {"login", &login, NULL},
	                           {"role", &role, NULL},     {"unit", &unit, NULL},
	                           {"agency", &agency, NULL}, {NULL, NULL, NULL}};
	if (args_parse("user role", argc, argv, opts, NULL, 0) < 0 || !login || !role) {
		fputs("Cách dùng: chitieu user role --login TÊN --role "
		      "admin|office|reporter|viewer "
		      "[--unit MÃ] [--agency CƠ_QUAN]\n",
		      stderr);
		return CLI_USAGE;
	}
	struct store *s = cli_open_db("user role", db);
	if (!s)
		return CLI_BADINPUT;
	struct problems ps = {0};
	int rc = store_user_role(s, login, role, unit, agency, "cli", &ps);
	cli_print_problems("user role", NULL, &ps);
	problems_free(&ps);
	store_close(s);
	if (!rc)
		printf("Đã đổi vai trò của %s thành %s\n", login, role);
	return rc ? CLI_BADINPUT : CLI_OK;
}

static int user_list(int argc, char **argv)
{
	const char *db = NULL;
	const struct opt opts[] = {{"db", &db, NULL}, {NULL, NULL, NULL}};
	if (args_parse("user list", argc, argv, opts, NULL, 0) < 0)
		return CLI_USAGE;
	struct store *s = cli_open_db("user list", db);
	if (!s)
		return CLI_BADINPUT;
	struct user_rec *u;
	size_t n;
	struct error err = {0};
	int rc = store_user_list(s, &u, &n, &err);
	if (rc)
		fprintf(stderr, "chitieu user list: [%s] %s\n", err_name(err.code), err.msg);
	for (size_t i = 0; !rc && i < n; i++) {
		printf("%-16s %-9s %-10s %s%s%s\n", cli_safe(u[i].login), u[i].role,
		       u[i].unit_code ? cli_safe(u[i].unit_code) : "-",
		       u[i].agency ? cli_safe(u[i].agency) : "", u[i].agency ? "  " : "",
		       u[i].disabled ? "(đã khóa)" : "");
		user_rec_free(&u[i]);
	}
	if (!rc)
		free(u);
	err_clear(&err);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}

/* Tokens of a login (or all), never the tokens themselves. */
static int token_list(int argc, char **argv)
{
	const char *db = NULL, *login = NULL;
	const struct opt opts[] = {{"db", &db, NULL}, {"login", &login, NULL}, {NULL, NULL, NULL}};
	if (args_parse("user token list", argc, argv, opts, NULL, 0) < 0) {
		fputs("Cách dùng: chitieu user token list [--login TÊN]\n", stderr);
		return CLI_USAGE;
	}
	struct store *s = cli_open_db("user token list", db);
	if (!s)
		return CLI_BADINPUT;
	struct token_rec *t;
	size_t n;
	struct error err = {0};
	int rc = store_token_list(s, login, &t, &n, &err);
	if (rc)
		fprintf(stderr, "chitieu user token list: [%s] %s\n", err_name(err.code), err.msg);
	for (size_t i = 0; !rc && i < n; i++) {
		printf("%-6lld %-16s %-24s hết hạn %s  %s%s\n", (long long)t[i].id,
		       cli_safe(t[i].login), cli_safe(t[i].label),
		       t[i].expires_at ? t[i].expires_at : "-", cli_safe(t[i].scope),
		       t[i].revoked ? "  (đã thu hồi)" : "");
		token_rec_free(&t[i]);
	}
	if (!rc)
		free(t);
	err_clear(&err);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}

static int token_revoke(int argc, char **argv)
{
	const char *db = NULL, *id = NULL;
	const struct opt opts[] = {{"db", &db, NULL}, {"id", &id, NULL}, {NULL, NULL, NULL}};
	char *end = NULL;
	long long n = id ? strtoll(id, &end, 10) : 0;
	if (args_parse("user token revoke", argc, argv, opts, NULL, 0) < 0 || !id ||
	    ((n = strtoll(id, &end, 10)), !end || *end || n <= 0)) {
		fputs("Cách dùng: chitieu user token revoke --id SỐ (xem chitieu user token "
		      "list)\n",
		      stderr);
		return CLI_USAGE;
	}
	struct store *s = cli_open_db("user token revoke", db);
	if (!s)
		return CLI_BADINPUT;
	struct error err = {0};
	int rc = store_token_revoke(s, n, NULL, "cli", &err);
	if (rc > 0)
		err_set(&err, ERR_NOT_FOUND, "không có mã truy cập này, hoặc đã thu hồi");
	if (rc)
		fprintf(stderr, "chitieu user token revoke: [%s] %s\n", err_name(err.code),
		        err.msg);
	else
		printf("Đã thu hồi mã truy cập %lld\n", n);
	err_clear(&err);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}

/* A token for a machine client, shown once; the store keeps its hash. */
static int user_token(int argc, char **argv)
{
	if (argc >= 1 && !strcmp(argv[0], "list"))
		return token_list(argc - 1, argv + 1);
	if (argc >= 1 && !strcmp(argv[0], "revoke"))
		return token_revoke(argc - 1, argv + 1);
	const char *db = NULL, *login = NULL, *label = "api", *days = "90", *scope = "write";
	const struct opt opts[] = {{"db", &db, NULL},       {"login", &login, NULL},
	                           {"label", &label, NULL}, {"days", &days, NULL},
	                           {"scope", &scope, NULL}, {NULL, NULL, NULL}};
	if (args_parse("user token", argc, argv, opts, NULL, 0) < 0 || !login) {
		fputs("Cách dùng: chitieu user token --login TÊN [--label NHÃN] [--days 90] "
		      "[--scope read|write|write:MÃ,MÃ]\n"
		      "           chitieu user token list [--login TÊN]\n"
		      "           chitieu user token revoke --id SỐ\n",
		      stderr);
		return CLI_USAGE;
	}
	char *end = NULL;
	long nd = strtol(days, &end, 10);
	if (!*days || *end || nd < 1 || nd > 3650) {
		fputs("chitieu user token: [E_DAYS] --days phải là số ngày từ 1 đến 3650\n",
		      stderr);
		return CLI_USAGE;
	}
	if (auth_init())
		return CLI_BADINPUT;
	struct store *s = cli_open_db("user token", db);
	if (!s)
		return CLI_BADINPUT;
	char token[AUTH_TOKEN], hash[AUTH_TOKEN];
	struct error err = {0};
	auth_random(token);
	auth_token_hash(token, hash);
	int64_t id = 0;
	int rc = store_token_add(s, login, hash, label, (int)nd, scope, "cli", &id, &err);
	if (rc == 1)
		err_set(&err, ERR_UNKNOWN_USER, "không có tài khoản này");
	else if (rc == 2)
		err_set(&err, ERR_SCOPE,
		        "--scope phải là read, write hoặc write:MÃ,MÃ (các đơn vị được ghi)");
	if (rc)
		fprintf(stderr, "chitieu user token: [%s] %s\n", err_name(err.code), err.msg);
	else {
		printf("%s\n", token);
		fprintf(stderr, "Mã truy cập số %lld (%s, %ld ngày); chỉ hiện một lần\n",
		        (long long)id, scope, nd);
	}
	err_clear(&err);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}

int cmd_user(int argc, char **argv)
{
	const char *sub = argc >= 1 ? argv[0] : "";
	if (!strcmp(sub, "add"))
		return user_add(argc - 1, argv + 1);
	if (!strcmp(sub, "passwd") || !strcmp(sub, "disable") || !strcmp(sub, "enable"))
		return user_change(sub, argc - 1, argv + 1);
	if (!strcmp(sub, "list"))
		return user_list(argc - 1, argv + 1);
	if (!strcmp(sub, "role"))
		return user_role(argc - 1, argv + 1);
	if (!strcmp(sub, "token"))
		return user_token(argc - 1, argv + 1);
	fputs("Cách dùng: chitieu user add|passwd|disable|enable|role|list|token ...\n", stderr);
	return CLI_USAGE;
}
