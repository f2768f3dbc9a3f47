/* cmd_store.c: the subcommands that keep things in the database: unit,
 * import, plans, show, record, observations, history. */
#include "cli.h"

#include "args.h"
#include "csv.h"
#include "import.h"
#include "period.h"
#include "report.h"
#include "store.h"
#include "target.h"
#include "text.h"
#include "util.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

struct store *cli_open_db(const char *cmd, const char *db)
{
	struct error err = {0};
	struct store *s = store_open(args_db(db), &err);
	if (!s) {
		fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, err_name(err.code), err.msg);
		err_clear(&err);
	}
	return s;
}

/* Every problem, up to a screenful: the first ones show what is wrong;
 * the count says how much. */
#define SHOW_PROBLEMS 50

void cli_print_problems(const char *cmd, const char *file, const struct problems *ps)
{
	for (size_t i = 0; i < ps->n && i < SHOW_PROBLEMS; i++) {
		if (ps->v[i].line)
			fprintf(stderr, "chitieu %s: %s%sdòng %d: [%s] %s\n", cmd, file ? file : "",
			        file ? ": " : "", ps->v[i].line, ps->v[i].code, ps->v[i].message);
		else
			fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, ps->v[i].code,
			        ps->v[i].message);
	}
	if (ps->n > SHOW_PROBLEMS)
		fprintf(stderr, "chitieu %s: ... và %zu lỗi khác\n", cmd, ps->n - SHOW_PROBLEMS);
}

/* ---- chitieu unit add|import|list ------------------------------------------ */

static int unit_add(int argc, char **argv)
{
	const char *db = NULL, *code = NULL, *name = NULL, *kind = NULL, *parent = NULL,
	           *pop = NULL;
	const char *cutoff = NULL;
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"code", &code, NULL},
	                           {"name", &name, NULL},
	                           {"kind", &kind, NULL},
	                           {"parent", &parent, NULL},
	                           {"population", &pop, NULL},
	                           {"cutoff-day", &cutoff, NULL},
	                           {NULL, NULL, NULL}};
	if (args_parse("unit add", argc, argv, opts, NULL, 0) < 0 || !code || !name || !kind) {
		fputs("Cách dùng: chitieu unit add --code MÃ --name TÊN --kind "
		      "country|province|district|commune|ward [--parent MÃ] [--population N]\n",
		      stderr);
		return CLI_USAGE;
	}
	struct unit_rec u = {0, (char *)code, (char *)name, (char *)kind, (char *)parent, 0, 0};
	struct problems ps = {0};
	if (cutoff) {
		char *end;
		long d = strtol(cutoff, &end, 10);
		u.cutoff_day = *end || end == cutoff ? -1 : (int)(d > 99 ? 99 : d < -1 ? -1 : d);
	}
	if (pop) {
		char *end;
		u.population = strtoll(pop, &end, 10);
		if (*end || end == pop)
			problems_add(&ps, "E_POPULATION", 0, "Dân số \"%s\" không phải số nguyên",
			             pop);
	}
	struct store *s = cli_open_db("unit add", db);
	if (!s)
		return CLI_BADINPUT;
	int rc = ps.n ? -1 : store_unit_add(s, &u, &ps);
	cli_print_problems("unit add", NULL, &ps);
	problems_free(&ps);
	store_close(s);
	if (!rc)
		printf("Đã thêm đơn vị %s – %s\n", code, name);
	return rc ? CLI_BADINPUT : CLI_OK;
}

static int col_index(const struct csv_row *h, const char *name, const char *alias)
{
	for (int i = 0; i < h->n; i++) {
		char *f = text_fold(h->f[i]);
		bool hit = !strcmp(f, name) || (alias && !strcmp(f, alias));
		free(f);
		if (hit)
			return i;
	}
	return -1;
}

static const char *field(const struct csv_row *r, int i)
{
	return i >= 0 && i < r->n ? r->f[i] : "";
}

/* A whole province at once: all or nothing. */
static int unit_import(int argc, char **argv)
{
	const char *db = NULL, *file[1];
	const struct opt opts[] = {{"db", &db, NULL}, {NULL, NULL, NULL}};
	if (args_parse("unit import", argc, argv, opts, file, 1) != 1) {
		fputs("Cách dùng: chitieu unit import TỆP.csv   (cột: "
		      "code,name,kind,parent,population)\n",
		      stderr);
		return CLI_USAGE;
	}
	struct error err = {0};
	size_t len;
	char *data = import_read_file(file[0], 64u << 20, &len, &err);
	struct csv c;
	if (!data || csv_parse(data, len, &c, &err)) {
		fprintf(stderr, "chitieu unit import: %s%s[%s] %s\n", data ? file[0] : "",
		        data ? ": " : "", err_name(err.code), err.msg);
		err_clear(&err);
		free(data);
		return CLI_BADINPUT;
	}
	free(data);
	int rc = CLI_BADINPUT;
	struct problems ps = {0};
	struct store *s = NULL;
	const struct csv_row *h = c.n ? &c.rows[0] : NULL;
	int ic = h ? col_index(h, "code", "ma") : -1, in = h ? col_index(h, "name", "ten") : -1;
	int ik = h ? col_index(h, "kind", "cap") : -1,
	    ip = h ? col_index(h, "parent", "cap tren") : -1;
	int ipop = h ? col_index(h, "population", "dan so") : -1;
	if (ic < 0 || in < 0 || ik < 0) {
		fprintf(stderr,
		        "chitieu unit import: %s: cần dòng tiêu đề có các cột code, name, kind\n",
		        file[0]);
		goto out;
	}
	if (!(s = cli_open_db("unit import", db)) || store_begin(s, &err))
		goto out;
	for (size_t i = 1; i < c.n; i++) {
		const struct csv_row *r = &c.rows[i];
		struct unit_rec u = {0,
		                     (char *)field(r, ic),
		                     (char *)field(r, in),
		                     (char *)field(r, ik),
		                     (char *)field(r, ip),
		                     0,
		                     0};
		const char *pop = field(r, ipop);
		if (*pop)
			u.population = strtoll(pop, NULL, 10);
		size_t before = ps.n;
		store_unit_add(s, &u, &ps);
		for (size_t k = before; k < ps.n; k++)
			ps.v[k].line = r->line;
	}
	if (ps.n) {
		store_rollback(s);
		cli_print_problems("unit import", file[0], &ps);
		fprintf(stderr, "chitieu unit import: không ghi gì (%zu lỗi)\n", ps.n);
	} else if (store_commit(s, &err)) {
		fprintf(stderr, "chitieu unit import: [%s] %s\n", err_name(err.code), err.msg);
	} else {
		printf("Đã thêm %zu đơn vị\n", c.n - 1);
		rc = CLI_OK;
	}
out:
	err_clear(&err);
	problems_free(&ps);
	store_close(s);
	csv_free(&c);
	return rc;
}

static int unit_list(int argc, char **argv)
{
	const char *db = NULL;
	const struct opt opts[] = {{"db", &db, NULL}, {NULL, NULL, NULL}};
	if (args_parse("unit list", argc, argv, opts, NULL, 0) < 0)
		return CLI_USAGE;
	struct store *s = cli_open_db("unit list", db);
	if (!s)
		return CLI_BADINPUT;
	struct unit_rec *u;
	size_t n;
	struct error err = {0};
	int rc = store_unit_list(s, &u, &n, &err);
	for (size_t i = 0; !rc && i < n; i++) {
		printf("%-12s %-9s %-12s %10lld  %s\n", u[i].code, u[i].kind,
		       u[i].parent_code ? u[i].parent_code : "-", (long long)u[i].population,
		       u[i].name);
		unit_rec_free(&u[i]);
	}
	if (!rc)
		free(u);
	if (rc)
		fprintf(stderr, "chitieu unit list: [%s] %s\n", err_name(err.code), err.msg);
	err_clear(&err);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}

int cmd_unit(int argc, char **argv)
{
	if (argc >= 1 && !strcmp(argv[0], "add"))
		return unit_add(argc - 1, argv + 1);
	if (argc >= 1 && !strcmp(argv[0], "import"))
		return unit_import(argc - 1, argv + 1);
	if (argc >= 1 && !strcmp(argv[0], "list"))
		return unit_list(argc - 1, argv + 1);
	if (argc >= 1 && !strcmp(argv[0], "settings"))
		return cmd_unit_settings(argc - 1, argv + 1);
	fputs("Cách dùng: chitieu unit add|import|list|settings ...\n", stderr);
	return CLI_USAGE;
}

/* ---- chitieu import FILE --unit CODE; plans; show ------------------------- */

/* The new version's indicators against the previous one's, every change
 * shown; one that is not a plain continuation or addition is saved only
 * with --confirm. 0 to go on; -1 with *err (nothing saved). */
static int show_mapping(struct store *s, int64_t unit, const struct plan *p, bool confirmed,
                        struct error *err)
{
	struct plan_mapping *m;
	size_t n, same = 0;
	bool confirm;
	if (store_plan_mapping(s, unit, p, &m, &n, &confirm, err))
		return -1;
	bool previous = false;
	for (size_t i = 0; i < n; i++)
		previous |= m[i].old_code != NULL || m[i].match == PLAN_REPLACED;
	for (size_t i = 0; i < n && previous; i++) {
		if (m[i].match == PLAN_SAME) {
			same++;
			continue;
		}
		FILE *f = confirm && !confirmed ? stderr : stdout;
		fprintf(f, "  %s → %s: %s", m[i].old_code ? m[i].old_code : "(mới)",
		        m[i].new_code ? m[i].new_code : "(bỏ)", plan_match_name_vi(m[i].match));
		if (m[i].old_code)
			fprintf(f, "; %lld số liệu đã nhập", (long long)m[i].figures);
		fputc('\n', f);
		if (m[i].old_name)
			fprintf(f, "      cũ:  %s\n", m[i].old_name);
		if (m[i].new_name && m[i].match != PLAN_RENUMBERED)
			fprintf(f, "      mới: %s\n", m[i].new_name);
		if (m[i].match == PLAN_REPLACED) /* the old one of the same code */
			for (size_t k = 0; k < n; k++)
				if (m[k].old_code && !strcmp(m[k].old_code, m[i].new_code))
					fprintf(f, "      cũ:  %s (%s)\n", m[k].old_name,
					        m[k].new_code ? m[k].new_code : "bỏ");
	}
	if (previous && same)
		printf("  %zu chỉ tiêu giữ nguyên mã và tên\n", same);
	plan_mapping_free(m, n);
	struct task_mapping *tm;
	size_t ntm;
	if (store_plan_task_mapping(s, unit, p, &tm, &ntm, err))
		return -1;
	for (size_t i = 0; i < ntm; i++) {
		FILE *f = confirm && !confirmed ? stderr : stdout;
		char *label = task_mapping_vi(&tm[i]);
		fprintf(f, "  nhiệm vụ %s → %s: %s; %lld báo cáo tiến độ\n      cũ:  %s\n",
		        tm[i].old_code, tm[i].new_code ? tm[i].new_code : "(bỏ)", label,
		        (long long)tm[i].progress, tm[i].old_title);
		free(label);
	}
	task_mapping_free(tm, ntm);
	if (confirm && !confirmed) {
		err_set(err, ERR_CONFIRM,
		        "kế hoạch mới đổi, tách hoặc bỏ chỉ tiêu, hoặc nhiệm vụ đã có báo "
		        "cáo tiến độ, so với phiên bản trước (xem trên); chưa lưu gì. Kiểm "
		        "tra rồi chạy lại với --confirm");
		return -1;
	}
	return 0;
}

/* ---- chitieu import FOLDER | --list UNITS.csv: many plans at once ----------- */

struct job {
	char *unit, *file;
	int line; /* of the list; 0 for a folder */
};

static int cmp_job(const void *a, const void *b)
{
	return strcmp(((const struct job *)a)->unit, ((const struct job *)b)->unit);
}

static void jobs_free(struct job *j, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(j[i].unit);
		free(j[i].file);
	}
	free(j);
}

/* Each file NAME.ext of the folder for the unit NAME (hidden files and
 * folders skipped), by unit code. */
static int jobs_of_folder(const char *dir, struct job **out, size_t *n, struct error *err)
{
	DIR *d = opendir(dir);
	if (!d) {
		err_set(err, ERR_INPUT, "%s: không mở được thư mục", dir);
		return -1;
	}
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path, &st) || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		const char *dot = strrchr(e->d_name, '.');
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = (struct job){
		        xasprintf("%.*s", (int)(dot ? dot - e->d_name : (long)strlen(e->d_name)),
		                  e->d_name),
		        path, 0};
	}
	closedir(d);
	xqsort(*out, *n, sizeof **out, cmp_job);
	if (!*n) {
		err_set(err, ERR_INPUT, "%s: thư mục không có tệp nào", dir);
		return -1;
	}
	return 0;
}

/* The rows unit,file of a list (a file named relative to the list). */
static int jobs_of_list(const char *list, struct job **out, size_t *n, struct error *err)
{
	size_t len;
	struct error why = {0};
	char *data = import_read_file(list, 64u << 20, &len, &why);
	struct csv c;
	if (!data || csv_parse(data, len, &c, &why)) {
		if (data)
			err_prefix(&why, "%s: ", list);
		*err = why;
		free(data);
		return -1;
	}
	free(data);
	const struct csv_row *h = c.n ? &c.rows[0] : NULL;
	int iu = h ? col_index(h, "unit", "don vi") : -1,
	    ifile = h ? col_index(h, "file", "tep") : -1;
	if (iu < 0 || ifile < 0) {
		err_set(err, ERR_INPUT, "%s: cần dòng tiêu đề có các cột unit, file", list);
		csv_free(&c);
		return -1;
	}
	const char *slash = strrchr(list, '/');
	*out = xcalloc(c.n ? c.n : 1, sizeof **out);
	*n = 0;
	for (size_t i = 1; i < c.n; i++) {
		const char *f = field(&c.rows[i], ifile);
		struct job *j = &(*out)[(*n)++];
		j->unit = xstrdup(field(&c.rows[i], iu));
		j->file = f[0] == '/' || !slash
		                  ? xstrdup(f)
		                  : xasprintf("%.*s/%s", (int)(slash - list), list, f);
		j->line = c.rows[i].line;
	}
	csv_free(&c);
	return 0;
}

/* Parsed plans kept for the next units of the same file (a national plan
 * imported by every commune is read once). */
#define PARSED 8

struct parsed {
	char *file;
	struct error err;
	struct plan p;
	bool ok;
};

static struct parsed *parse_cached(struct parsed *cache, size_t *next, const char *file)
{
	for (size_t i = 0; i < PARSED; i++)
		if (cache[i].file && !strcmp(cache[i].file, file))
			return &cache[i];
	struct parsed *c = &cache[*next % PARSED];
	(*next)++;
	if (c->file) {
		free(c->file);
		err_clear(&c->err);
		if (c->ok)
			plan_free(&c->p);
	}
	c->file = xstrdup(file);
	c->err = (struct error){0};
	c->ok = !import_file(file, &c->p, &c->err);
	return c;
}

/* Every plan of the list in one transaction: each file's problem named,
 * and nothing saved if there is one. */
/* A plan whose reader saw rows of the table it could not read is not
 * stored unless the user says --partial: the rows would be missing from
 * the unit's plan without anyone seeing it. 0, or -1 with *err. */
static int unread_refused(const struct plan *p, bool partial, struct error *err)
{
	if (!p->unread || partial)
		return 0;
	err_set(err, ERR_DOCUMENT,
	        "%zu hàng của bảng không đọc được (xem cảnh báo của \"chitieu parse\"); "
	        "không lưu gì. Hãy nhập chính tệp gốc (với PDF: tệp PDF hoặc bản chép bằng "
	        "pdftotext -layout), sửa các hàng đó trên trang tải kế hoạch lên, "
	        "hoặc thêm --partial để lưu phần đọc được",
	        p->unread);
	return -1;
}

static int import_many(struct store *s, struct job *jobs, size_t n, const char *by, bool confirmed,
                       bool partial)
{
	struct parsed cache[PARSED] = {{0}};
	size_t next = 0, bad = 0, saved = 0;
	struct error err = {0};
	bool dead = false; /* the database failed: the transaction is lost */
	if (store_begin(s, &err)) {
		fprintf(stderr, "chitieu import: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		return CLI_BADINPUT;
	}
	for (size_t i = 0; i < n && !dead; i++) {
		struct job *j = &jobs[i];
		char where[64] = "";
		if (j->line)
			snprintf(where, sizeof where, "dòng %d: ", j->line);
		struct parsed *c = parse_cached(cache, &next, j->file);
		if (!c->ok) {
			fprintf(stderr, "chitieu import: %s[%s] %s\n", where, err_name(c->err.code),
			        c->err.msg);
			bad++;
			continue;
		}
		struct unit_rec u = {0};
		int found = store_unit_get(s, j->unit, &u, &err);
		if (found < 0)
			fprintf(stderr, "chitieu import: %s%s: [%s] %s\n", where, j->file,
			        err_name(err.code), err.msg);
		else if (found)
			fprintf(stderr,
			        "chitieu import: %s%s: [E_UNKNOWN_UNIT] Không có đơn vị \"%s\"; "
			        "thêm "
			        "bằng \"chitieu unit add\"\n",
			        where, j->file, j->unit);
		if (found) {
			dead = found < 0;
			bad++;
			err_clear(&err);
			continue;
		}
		struct import_report rep = {0};
		if (unread_refused(&c->p, partial, &err)) {
			fprintf(stderr, "chitieu import: %s%s (đơn vị %s): [%s] %s\n", where,
			        j->file, u.code, err_name(err.code), err.msg);
			bad++;
		} else if (show_mapping(s, u.id, &c->p, confirmed, &err)) {
			fprintf(stderr, "chitieu import: %s%s (đơn vị %s): [%s] %s\n", where,
			        j->file, u.code, err_name(err.code), err.msg);
			bad++;
		} else if (store_plan_save(s, u.id, &c->p, j->file, by, &rep, &err)) {
			fprintf(stderr, "chitieu import: %s%s (đơn vị %s): [%s] %s\n", where,
			        j->file, u.code, err_name(err.code), err.msg);
			bad++;
			dead = true;
		} else {
			printf("%s: kế hoạch #%lld, phiên bản %d, %zu chỉ tiêu (%s)\n", u.code,
			       (long long)rep.plan_id, rep.version, c->p.nind, j->file);
			saved++;
		}
		err_clear(&err);
		import_report_free(&rep);
		unit_rec_free(&u);
	}
	if (bad || dead)
		store_rollback(s);
	else if (store_commit(s, &err)) {
		fprintf(stderr, "chitieu import: [%s] %s\n", err_name(err.code), err.msg);
		bad++;
	} else {
		/* (statistics for the next command's reads; a failure here
		 * loses nothing) */
		store_analyzed(s,
		               "units, plans, series, plan_indicators, plan_contents, "
		               "content_indicators, unit_agencies, agency_names",
		               NULL);
	}
	for (size_t i = 0; i < PARSED; i++) {
		if (cache[i].file) {
			free(cache[i].file);
			err_clear(&cache[i].err);
			if (cache[i].ok)
				plan_free(&cache[i].p);
		}
	}
	err_clear(&err);
	if (bad) {
		fprintf(stderr, "chitieu import: không lưu gì (%zu lỗi trong %zu kế hoạch)\n", bad,
		        n);
		return CLI_BADINPUT;
	}
	printf("Đã lưu %zu kế hoạch (%zu tệp đọc) trong một giao dịch\n", saved, next);
	return CLI_OK;
}

int cmd_import(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *by = NULL, *list = NULL, *file[1] = {NULL};
	bool confirmed = false, partial = false;
	const struct opt opts[] = {
	        {"db", &db, NULL},     {"unit", &unit, NULL},         {"by", &by, NULL},
	        {"list", &list, NULL}, {"confirm", NULL, &confirmed}, {"partial", NULL, &partial},
	        {NULL, NULL, NULL}};
	int nargs = args_parse("import", argc, argv, opts, file, 1);
	struct stat dir;
	bool folder = nargs == 1 && !unit && !list && !stat(file[0], &dir) && S_ISDIR(dir.st_mode);
	if (nargs < 0 || (!folder && !list && (nargs != 1 || !unit)) || (list && (nargs || unit))) {
		fputs("Cách dùng: chitieu import TỆP --unit MÃ_ĐƠN_VỊ [--confirm] [--partial] "
		      "[--db TỆP]\n"
		      "           chitieu import THƯ_MỤC   (tệp MÃ_ĐƠN_VỊ.txt, .pdf, ... cho mỗi "
		      "đơn vị)\n"
		      "           chitieu import --list DANH_SÁCH.csv   (cột unit,file)\n"
		      "Nhiều kế hoạch được lưu trong một giao dịch: tất cả hoặc không gì\n",
		      stderr);
		return CLI_USAGE;
	}
	if (folder || list) {
		struct job *jobs = NULL;
		size_t n = 0;
		struct error why = {0};
		if (folder ? jobs_of_folder(file[0], &jobs, &n, &why)
		           : jobs_of_list(list, &jobs, &n, &why)) {
			fprintf(stderr, "chitieu import: [%s] %s\n", err_name(why.code), why.msg);
			err_clear(&why);
			jobs_free(jobs, n);
			return CLI_BADINPUT;
		}
		struct store *s = cli_open_db("import", db);
		int rc = s ? import_many(s, jobs, n, by ? by : "cli", confirmed, partial)
		           : CLI_BADINPUT;
		store_close(s);
		jobs_free(jobs, n);
		return rc;
	}
	struct plan p;
	struct error err = {0};
	if (import_file(file[0], &p, &err)) {
		fprintf(stderr, "chitieu import: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		return CLI_BADINPUT;
	}
	if (unread_refused(&p, partial, &err)) {
		fprintf(stderr, "chitieu import: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		plan_free(&p);
		return CLI_BADINPUT;
	}
	int rc = CLI_BADINPUT;
	struct unit_rec u = {0};
	struct import_report rep = {0};
	struct store *s = cli_open_db("import", db);
	if (!s)
		goto out;
	int found = store_unit_get(s, unit, &u, &err);
	if (found) {
		if (found < 0)
			fprintf(stderr, "chitieu import: [%s] %s\n", err_name(err.code), err.msg);
		else
			fprintf(stderr,
			        "chitieu import: [E_UNKNOWN_UNIT] Không có đơn vị \"%s\"; "
			        "thêm bằng \"chitieu unit add\"\n",
			        unit);
		goto out;
	}
	if (store_begin(s, &err) || show_mapping(s, u.id, &p, confirmed, &err) ||
	    store_plan_save(s, u.id, &p, file[0], by ? by : "cli", &rep, &err)) {
		store_rollback(s);
		fprintf(stderr, "chitieu import: [%s] %s\n", err_name(err.code),
		        err.msg ? err.msg : "lỗi");
		goto out;
	}
	if (store_commit(s, &err)) {
		fprintf(stderr, "chitieu import: [%s] %s\n", err_name(err.code), err.msg);
		goto out;
	}
	printf("Đã lưu kế hoạch #%lld của %s (phiên bản %d): %zu chỉ tiêu, %zu nhiệm vụ, %zu cảnh "
	       "báo\n",
	       (long long)rep.plan_id, u.code, rep.version, p.nind, p.ntasks, p.nwarn);
	if (rep.version > 1)
		printf("So với phiên bản trước: %zu chỉ tiêu giữ nguyên số liệu, %zu chỉ tiêu "
		       "mới\n",
		       rep.matched, rep.added);
	for (size_t i = 0; i < rep.nunmatched; i++)
		printf("  Chỉ tiêu %s của phiên bản trước không còn trong kế hoạch mới (số liệu "
		       "vẫn giữ)\n",
		       rep.unmatched[i]);
	rc = CLI_OK;
out:
	err_clear(&err);
	import_report_free(&rep);
	unit_rec_free(&u);
	store_close(s);
	plan_free(&p);
	return rc;
}

int cmd_plans(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL;
	const struct opt opts[] = {{"db", &db, NULL}, {"unit", &unit, NULL}, {NULL, NULL, NULL}};
	if (args_parse("plans", argc, argv, opts, NULL, 0) < 0)
		return CLI_USAGE;
	struct store *s = cli_open_db("plans", db);
	if (!s)
		return CLI_BADINPUT;
	struct plan_row *r;
	size_t n;
	struct error err = {0};
	int rc = store_plan_list(s, unit, &r, &n, &err);
	if (rc) {
		fprintf(stderr, "chitieu plans: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
	}
	for (size_t i = 0; !rc && i < n; i++) {
		printf("#%-4lld %-10s v%-2d %s %3zu chỉ tiêu %3zu nhiệm vụ  %s  %s\n",
		       (long long)r[i].id, r[i].unit_code, r[i].version, r[i].current ? "*" : " ",
		       r[i].nind, r[i].ntasks, r[i].number ? r[i].number : "-",
		       r[i].source ? r[i].source : "");
		plan_row_free(&r[i]);
	}
	if (!rc)
		free(r);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}

int cmd_show(int argc, char **argv)
{
	const char *db = NULL, *id[1], *format = "text";
	const struct opt opts[] = {
	        {"db", &db, NULL}, {"format", &format, NULL}, {NULL, NULL, NULL}};
	char *end;
	if (args_parse("show", argc, argv, opts, id, 1) != 1 || strtoll(id[0], &end, 10) <= 0 ||
	    *end) {
		fputs("Cách dùng: chitieu show SỐ_KẾ_HOẠCH [--format text|json]   (số trong "
		      "\"chitieu plans\")\n",
		      stderr);
		return CLI_USAGE;
	}
	struct store *s = cli_open_db("show", db);
	if (!s)
		return CLI_BADINPUT;
	char *json = NULL;
	struct error err = {0};
	int rc = store_plan_json(s, strtoll(id[0], NULL, 10), &json, &err);
	store_close(s);
	if (rc) {
		if (rc > 0)
			err_set(&err, ERR_NOT_FOUND, "không có kế hoạch này");
		fprintf(stderr, "chitieu show: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		return CLI_BADINPUT;
	}
	if (!strcmp(format, "json")) {
		puts(json);
	} else {
		json_error_t je;
		json_t *j = json_loads(json, 0, &je), *pl = json_object_get(j, "plan");
		printf("Kế hoạch #%s: %s\n", id[0],
		       json_string_value(json_object_get(pl, "title"))
		               ? json_string_value(json_object_get(pl, "title"))
		               : "(không rõ tiêu đề)");
		size_t i;
		json_t *x;
		json_array_foreach(json_object_get(pl, "indicators"), i, x)
		{
			const char *u = json_string_value(json_object_get(x, "unit"));
			printf("  %-8s %s [%s]\n", json_string_value(json_object_get(x, "code")),
			       json_string_value(json_object_get(x, "name")), u ? u : "-");
			const char *year;
			json_t *t;
			printf("          ");
			json_object_foreach(json_object_get(x, "targets"), year, t) printf(
			        " %s: %s;", year, json_string_value(json_object_get(t, "text")));
			printf("\n");
		}
		json_decref(j);
	}
	free(json);
	return CLI_OK;
}

/* ---- chitieu record ---------------------------------------------------------- */

/* "Đã ghi N số liệu", and how many were the same as stored (not written). */
static void print_recorded(const struct record_summary *sum)
{
	printf("Đã ghi %zu số liệu", sum->written);
	if (sum->unchanged)
		printf("; %zu số liệu không đổi (giống số đã lưu), không ghi lại", sum->unchanged);
	putchar('\n');
}

/* Check every row, then write all of them in one transaction, or none. */
static int record_all(struct store *s, const struct obs_input *in, size_t n, const char *by,
                      const char *reason, const char *file)
{
	struct problems ps = {0};
	struct record_summary sum = {0};
	int rc = store_record_batch_sum(s, in, n, by, reason, &ps, &sum);
	if (rc) {
		cli_print_problems("record", file, &ps);
		fprintf(stderr, "chitieu record: không ghi gì (%zu lỗi)\n", ps.n);
	} else {
		print_recorded(&sum);
		if (sum.written >= 1000)
			store_analyzed(s, "figures, entries, figure_extras", NULL);
	}
	problems_free(&ps);
	return rc ? CLI_BADINPUT : CLI_OK;
}

/* The file read and recorded a piece at a time, in one transaction: the
 * memory it needs does not grow with its length. */
static int record_csv(struct store *s, const char *file, const char *by, const char *reason)
{
	struct error err = {0};
	struct csv_reader *r = csv_reader_open(file, &err);
	struct csv c = {0};
	int got = r ? csv_reader_next(r, &c, &err) : -1;
	if (got < 0) {
		fprintf(stderr, "chitieu record: %s%s[%s] %s\n", r ? file : "", r ? ": " : "",
		        err_name(err.code), err.msg);
		err_clear(&err);
		csv_reader_close(r);
		return CLI_BADINPUT;
	}
	const struct csv_row *h = c.n ? &c.rows[0] : NULL;
	static const char *const names[][2] = {
	        {"unit", "don vi"},         {"indicator", "chi tieu"}, {"period", "ky"},
	        {"value", "gia tri"},       {"num", "tu so"},          {"den", "mau so"},
	        {"level", "muc"},           {"yes", "co/khong"},       {"note", "ghi chu"},
	        {"evidence", "minh chung"},
	};
	int col[10];
	for (int k = 0; k < 10; k++)
		col[k] = h ? col_index(h, names[k][0], names[k][1]) : -1;
	if (col[0] < 0 || col[1] < 0 || col[2] < 0) {
		fprintf(stderr,
		        "chitieu record: %s: cần dòng tiêu đề có các cột unit, indicator, period "
		        "(và value, num, den, level, yes, note, evidence)\n",
		        file);
		csv_free(&c);
		csv_reader_close(r);
		return CLI_BADINPUT;
	}
	struct problems ps = {0};
	struct record_stream *rs = store_record_stream(s, by, reason, &ps);
	size_t skip = 1; /* the header */
	while (rs && got > 0) {
		size_t n = c.n - skip;
		struct obs_input *in = xcalloc(n ? n : 1, sizeof *in);
		for (size_t i = 0; i < n; i++) {
			const struct csv_row *row = &c.rows[i + skip];
			const char **f[10] = {&in[i].unit,    &in[i].indicator, &in[i].period,
			                      &in[i].value,   &in[i].num,       &in[i].den,
			                      &in[i].level,   &in[i].yes,       &in[i].note,
			                      &in[i].evidence};
			for (int k = 0; k < 10; k++)
				*f[k] = field(row, col[k]);
			in[i].line = row->line;
			in[i].form = FIGURE_TEXT;
		}
		store_record_stream_add(rs, in, n);
		free(in);
		csv_free(&c);
		skip = 0;
		if ((got = csv_reader_next(r, &c, &err)) < 0) {
			problems_add(&ps, "E_CSV", 0, "%s: %s", file, err.msg);
			err_clear(&err);
		}
	}
	csv_free(&c);
	csv_reader_close(r);
	struct record_summary sum = {0};
	int rc = rs ? store_record_stream_end(rs, &sum) : -1;
	if (rc || ps.n) {
		cli_print_problems("record", file, &ps);
		fprintf(stderr, "chitieu record: không ghi gì (%zu lỗi)\n", ps.n);
		rc = -1;
	} else {
		print_recorded(&sum);
		if (sum.written >= 1000)
			store_analyzed(s, "figures, entries, figure_extras", NULL);
	}
	problems_free(&ps);
	return rc ? CLI_BADINPUT : CLI_OK;
}

int cmd_record(int argc, char **argv)
{
	const char *db = NULL, *csvfile = NULL, *by = NULL, *reason = NULL;
	struct obs_input in = {"", "", "", "",  "",  "",  "",         "",
	                       "", "", 0,  {0}, {0}, {0}, FIGURE_TEXT};
	bool yes = false, no = false;
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"csv", &csvfile, NULL},
	                           {"unit", &in.unit, NULL},
	                           {"indicator", &in.indicator, NULL},
	                           {"period", &in.period, NULL},
	                           {"value", &in.value, NULL},
	                           {"num", &in.num, NULL},
	                           {"den", &in.den, NULL},
	                           {"level", &in.level, NULL},
	                           {"yes", NULL, &yes},
	                           {"no", NULL, &no},
	                           {"note", &in.note, NULL},
	                           {"evidence", &in.evidence, NULL},
	                           {"by", &by, NULL},
	                           {"reason", &reason, NULL},
	                           {NULL, NULL, NULL}};
	if (args_parse("record", argc, argv, opts, NULL, 0) < 0 ||
	    (!csvfile && (!*in.unit || !*in.indicator || !*in.period))) {
		fputs("Cách dùng: chitieu record --unit MÃ --indicator I.1 --period 2025-Q3 "
		      "(--value V | --num T --den M | --level MỨC | --yes | --no) [--note ...] "
		      "[--evidence URL] [--reason LÝ_DO]\n"
		      "           chitieu record --csv TỆP.csv\n",
		      stderr);
		return CLI_USAGE;
	}
	if (yes || no)
		in.yes = yes && !no ? "có" : no && !yes ? "không" : "có và không";
	struct store *s = cli_open_db("record", db);
	if (!s)
		return CLI_BADINPUT;
	int rc = csvfile ? record_csv(s, csvfile, by ? by : "cli", reason)
	                 : record_all(s, &in, 1, by ? by : "cli", reason, NULL);
	store_close(s);
	return rc;
}

/* ---- chitieu observations, history ----------------------------------------------- */

static void print_obs(const struct obs_rec *o, const char *code)
{
	char a[FIGURE_SIZE], b[FIGURE_SIZE]; /* exact: the figure as stored */
	figure_write(o->has_ratio ? o->num : o->value, a);
	figure_write(o->den, b);
	printf("%-8s %-8s ", code ? code : "", o->period);
	if (o->has_value)
		printf("%-14s", a);
	else if (o->has_ratio)
		printf("%s/%s%*s", a, b, 6, "");
	else if (o->has_level)
		printf("%-14s", o->level);
	else if (o->has_yes)
		printf("%-14s", o->yes ? "Có" : "Không");
	printf(" %-9s v%d %s %s%s%s\n", o->status, o->version, cli_safe(o->by), o->at,
	       o->note ? "  " : "", o->note ? cli_safe(o->note) : "");
}

int cmd_observations(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *period = NULL;
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"unit", &unit, NULL},
	                           {"period", &period, NULL},
	                           {NULL, NULL, NULL}};
	if (args_parse("observations", argc, argv, opts, NULL, 0) < 0 || !unit) {
		fputs("Cách dùng: chitieu observations --unit MÃ [--period KỲ]\n", stderr);
		return CLI_USAGE;
	}
	struct store *s = cli_open_db("observations", db);
	if (!s)
		return CLI_BADINPUT;
	struct unit_rec u = {0};
	struct obs_rec *o = NULL;
	size_t n = 0;
	struct error err = {0};
	int found = store_unit_get(s, unit, &u, &err);
	int rc = found ? -1 : store_obs_list(s, u.id, period, &o, &n, &err);
	if (found > 0)
		err_set(&err, ERR_UNKNOWN_UNIT, "không có đơn vị này");
	if (rc)
		fprintf(stderr, "chitieu observations: [%s] %s\n", err_name(err.code), err.msg);
	for (size_t i = 0; i < n; i++) {
		print_obs(&o[i], o[i].code);
		obs_rec_free(&o[i]);
	}
	free(o);
	err_clear(&err);
	unit_rec_free(&u);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}

/* ---- chitieu submit|approve|return|reopen; audit ------------------------------------ */

static int transition(const char *action, int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *ind = NULL, *period = NULL, *by = NULL,
	           *comment = NULL;
	bool all = false;
	const struct opt opts[] = {
	        {"db", &db, NULL},          {"unit", &unit, NULL}, {"indicator", &ind, NULL},
	        {"period", &period, NULL},  {"by", &by, NULL},     {"comment", &comment, NULL},
	        {"reason", &comment, NULL}, {"all", NULL, &all},   {NULL, NULL, NULL}};
	if (args_parse(action, argc, argv, opts, NULL, 0) < 0 || !unit || !period ||
	    (!ind && !all)) {
		fprintf(stderr,
		        "Cách dùng: chitieu %s --unit MÃ --period KỲ (--indicator I.1 | --all)%s\n",
		        action,
		        !strcmp(action, "return") || !strcmp(action, "reopen")
		                ? " --comment \"lý do\""
		                : "");
		return CLI_USAGE;
	}
	struct store *s = cli_open_db(action, db);
	if (!s)
		return CLI_BADINPUT;
	struct problems ps = {0};
	struct unit_rec u = {0};
	struct obs_rec *o = NULL;
	size_t n = 0, moved = 0;
	struct error err = {0};
	struct period p;
	const char *why;
	char canon[16];
	snprintf(canon, sizeof canon, "%.15s", period);
	if (!period_parse(period, &p, &why))
		period_format(&p, canon, sizeof canon);
	if (store_unit_get(s, unit, &u, &err)) {
		problems_add(&ps, "E_UNKNOWN_UNIT", 0, "Không có đơn vị \"%s\"", unit);
	} else if (store_obs_list(s, u.id, canon, &o, &n, &err)) {
		problems_add(&ps, err_name(err.code), 0, "%s", err.msg);
	} else if (!store_begin(s, &err)) {
		size_t tried = 0;
		for (size_t i = 0; i < n && !ps.n; i++) {
			if (ind ? strcmp(o[i].code, ind) != 0 : false)
				continue;
			tried++;
			/* With --all, move what is in the right state; say nothing of the rest. */
			struct problems one = {0};
			if (!store_obs_transition(s, o[i].series_id, canon, action, by ? by : "cli",
			                          comment, &one))
				moved++;
			else if (!all || strcmp(one.v[0].code, "E_STATE"))
				problems_add(&ps, one.v[0].code, 0, "%s %s", o[i].code,
				             one.v[0].message);
			problems_free(&one);
		}
		if (!tried)
			problems_add(&ps, "E_NOT_FOUND", 0, "Chưa có số liệu %s kỳ %s của %s",
			             ind ? ind : "nào", canon, unit);
		if (ps.n)
			store_rollback(s);
		else if (store_commit(s, &err))
			problems_add(&ps, err_name(err.code), 0, "%s", err.msg);
	}
	cli_print_problems(action, NULL, &ps);
	if (!ps.n)
		printf("Đã %s %zu số liệu\n",
		       !strcmp(action, "submit")    ? "gửi"
		       : !strcmp(action, "approve") ? "duyệt"
		       : !strcmp(action, "return")  ? "trả lại"
		                                    : "mở khóa",
		       moved);
	int rc = ps.n ? CLI_BADINPUT : CLI_OK;
	for (size_t i = 0; i < n; i++)
		obs_rec_free(&o[i]);
	free(o);
	err_clear(&err);
	problems_free(&ps);
	unit_rec_free(&u);
	store_close(s);
	return rc;
}

int cmd_submit(int argc, char **argv)
{
	return transition("submit", argc, argv);
}

int cmd_approve(int argc, char **argv)
{
	return transition("approve", argc, argv);
}

int cmd_return(int argc, char **argv)
{
	return transition("return", argc, argv);
}

int cmd_reopen(int argc, char **argv)
{
	return transition("reopen", argc, argv);
}

static void csv_cell(const char *v, bool last)
{
	struct buf b = BUF_INIT;
	csv_put_quoted(&b, v);
	buf_putc(&b, last ? '\n' : ',');
	fwrite(buf_str(&b), 1, b.len, stdout);
	buf_free(&b);
}

int cmd_audit(int argc, char **argv)
{
	const char *db = NULL, *since = NULL, *format = "text";
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"since", &since, NULL},
	                           {"format", &format, NULL},
	                           {NULL, NULL, NULL}};
	if (args_parse("audit", argc, argv, opts, NULL, 0) < 0 ||
	    !args_choice(format, "text|csv|json")) {
		fputs("Cách dùng: chitieu audit [--since 2025-01-01] [--format text|csv|json]\n",
		      stderr);
		return CLI_USAGE;
	}
	struct store *s = cli_open_db("audit", db);
	if (!s)
		return CLI_BADINPUT;
	struct audit_rec *a;
	size_t n;
	struct error err = {0};
	if (store_audit_list(s, since, &a, &n, &err)) {
		fprintf(stderr, "chitieu audit: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		store_close(s);
		return CLI_BADINPUT;
	}
	json_t *arr = json_array();
	if (!strcmp(format, "csv"))
		puts("at,actor,action,entity,entity_id,detail");
	for (size_t i = 0; i < n; i++) {
		char id[32];
		snprintf(id, sizeof id, "%lld", (long long)a[i].entity_id);
		if (!strcmp(format, "csv")) {
			csv_cell(a[i].at, false);
			csv_cell(a[i].actor, false);
			csv_cell(a[i].action, false);
			csv_cell(a[i].entity, false);
			csv_cell(id, false);
			csv_cell(a[i].detail, true);
		} else if (!strcmp(format, "json")) {
			json_array_append_new(arr,
			                      json_pack("{ssssssssss*}", "at", a[i].at, "actor",
			                                a[i].actor, "action", a[i].action, "entity",
			                                a[i].entity, "detail", a[i].detail));
		} else {
			printf("%s  %-12s %-12s %s #%s  %s\n", a[i].at, cli_safe(a[i].actor),
			       a[i].action, a[i].entity, id,
			       a[i].detail ? cli_safe(a[i].detail) : "");
		}
		audit_rec_free(&a[i]);
	}
	if (!strcmp(format, "json")) {
		json_dumpf(arr, stdout, JSON_INDENT(2));
		fputc('\n', stdout);
	}
	json_decref(arr);
	free(a);
	store_close(s);
	return CLI_OK;
}

/* ---- chitieu backup|dump|restore FILE ------------------------------------------------ */

static int file_command(const char *cmd, int argc, char **argv,
                        int (*fn)(struct store *, const char *, struct error *), const char *okmsg)
{
	const char *db = NULL, *file[1];
	const struct opt opts[] = {{"db", &db, NULL}, {NULL, NULL, NULL}};
	if (args_parse(cmd, argc, argv, opts, file, 1) != 1) {
		fprintf(stderr, "Cách dùng: chitieu %s TỆP [--db CƠ_SỞ_DỮ_LIỆU]\n", cmd);
		return CLI_USAGE;
	}
	struct store *s = cli_open_db(cmd, db);
	if (!s)
		return CLI_BADINPUT;
	struct error err = {0};
	int rc = fn(s, file[0], &err);
	store_close(s);
	if (rc) {
		fprintf(stderr, "chitieu %s: [%s] %s\n", cmd, err_name(err.code), err.msg);
		err_clear(&err);
		return CLI_BADINPUT;
	}
	printf("%s %s\n", okmsg, file[0]);
	return CLI_OK;
}

int cmd_backup(int argc, char **argv)
{
	return file_command("backup", argc, argv, store_backup, "Đã sao lưu vào");
}

int cmd_dump(int argc, char **argv)
{
	return file_command("dump", argc, argv, store_dump, "Đã xuất toàn bộ dữ liệu vào");
}

int cmd_restore(int argc, char **argv)
{
	return file_command("restore", argc, argv, store_restore, "Đã khôi phục từ");
}

/* ---- chitieu task (progress) and tasks (board) ---------------------------------------- */

/* "85%" in a static buffer, for one printf argument. */
static const char *percent_text(int percent)
{
	static char b[16];
	snprintf(b, sizeof b, "%d%%", percent);
	return b;
}

int cmd_task(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *task = NULL, *period = NULL, *status = NULL;
	const char *percent = NULL, *note = NULL, *evidence = NULL, *by = NULL;
	const struct opt opts[] = {{"db", &db, NULL},         {"unit", &unit, NULL},
	                           {"task", &task, NULL},     {"period", &period, NULL},
	                           {"status", &status, NULL}, {"percent", &percent, NULL},
	                           {"note", &note, NULL},     {"evidence", &evidence, NULL},
	                           {"by", &by, NULL},         {NULL, NULL, NULL}};
	if (args_parse("task", argc, argv, opts, NULL, 0) < 0 || !unit || !task || !period ||
	    !status) {
		fputs("Cách dùng: chitieu task --unit MÃ --task I.1 --period KỲ --status "
		      "not_started|in_progress|done [--percent N] [--note ...] [--evidence URL]\n",
		      stderr);
		return CLI_USAGE;
	}
	struct problems ps = {0};
	int pct = -1;
	if (percent) {
		char *end;
		long v = strtol(percent, &end, 10);
		if (*end || end == percent)
			problems_add(&ps, "E_NUMBER", 0, "Phần trăm \"%s\" không phải số nguyên",
			             percent);
		pct = (int)(v < -1 ? -2 : v > 1000 ? 1000 : v);
	}
	struct store *s = cli_open_db("task", db);
	if (!s) {
		problems_free(&ps);
		return CLI_BADINPUT;
	}
	struct unit_rec u = {0};
	struct error err = {0};
	if (!ps.n && store_unit_get(s, unit, &u, &err))
		problems_add(&ps, "E_UNKNOWN_UNIT", 0, "Không có đơn vị \"%s\"", unit);
	if (!ps.n)
		store_task_progress(s, u.id, task, period, status, pct, note, evidence,
		                    by ? by : "cli", &ps);
	cli_print_problems("task", NULL, &ps);
	int rc = ps.n ? CLI_BADINPUT : CLI_OK;
	if (!ps.n)
		printf("Đã cập nhật tiến độ nhiệm vụ %s\n", task);
	problems_free(&ps);
	err_clear(&err);
	unit_rec_free(&u);
	store_close(s);
	return rc;
}

/* One line of chitieu tasks; t freed. */
static void print_task(struct task_row *t)
{
	char *title = text_prefix(t->title, 70);
	printf("%-8s %-9s %-8s %-12s %4s  %s\n", t->code, t->overdue ? "QUÁ HẠN" : "",
	       t->due ? t->due : (t->recurring ? "thường xuyên" : "-"),
	       t->status ? t->status : "chưa báo cáo",
	       t->percent >= 0 ? percent_text(t->percent) : "", title);
	free(title);
	task_row_free(t);
}

int cmd_tasks(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *period = NULL;
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"unit", &unit, NULL},
	                           {"period", &period, NULL},
	                           {NULL, NULL, NULL}};
	if (args_parse("tasks", argc, argv, opts, NULL, 0) < 0 || !unit) {
		fputs("Cách dùng: chitieu tasks --unit MÃ [--period KỲ]   (mặc định: tháng này)\n",
		      stderr);
		return CLI_USAGE;
	}
	char month[16];
	if (!period) {
		time_t t = time(NULL);
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(month, sizeof month, "%Y-%m", &tm);
		period = month;
	}
	struct store *s = cli_open_db("tasks", db);
	if (!s)
		return CLI_BADINPUT;
	struct unit_rec u = {0};
	struct task_row *t = NULL, *a = NULL;
	size_t n = 0, na = 0;
	struct error err = {0};
	int found = store_unit_get(s, unit, &u, &err);
	int rc = found ? -1
	               : store_task_list(s, u.id, period, &t, &n, &err) ||
	                         store_task_aside(s, u.id, period, &a, &na, &err);
	if (found > 0)
		err_set(&err, ERR_UNKNOWN_UNIT, "không có đơn vị này");
	if (rc)
		fprintf(stderr, "chitieu tasks: [%s] %s\n", err_name(err.code), err.msg);
	size_t overdue = 0;
	for (size_t i = 0; i < n; i++) {
		overdue += t[i].overdue;
		print_task(&t[i]);
	}
	if (!rc)
		printf("%zu nhiệm vụ, %zu quá hạn (tính đến hết kỳ %s)\n", n, overdue, period);
	if (na)
		printf("Tiến độ đã báo cáo của nhiệm vụ bị thay hoặc bỏ ở phiên bản sau (để riêng; "
		       "MÃ~vN: mã ở phiên bản N):\n");
	for (size_t i = 0; i < na; i++)
		print_task(&a[i]);
	free(t);
	free(a);
	err_clear(&err);
	unit_rec_free(&u);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}

/* ---- chitieu period P [--unit U] ----------------------------------------------------- */

int cmd_period(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *name[1];
	const struct opt opts[] = {{"db", &db, NULL}, {"unit", &unit, NULL}, {NULL, NULL, NULL}};
	if (args_parse("period", argc, argv, opts, name, 1) != 1) {
		fputs("Cách dùng: chitieu period KỲ [--unit MÃ]   (2025-05, 2025-Q2, 2025-H1, "
		      "2025-9M, 2025)\n",
		      stderr);
		return CLI_USAGE;
	}
	struct period p;
	const char *why;
	if (period_parse(name[0], &p, &why)) {
		fprintf(stderr, "chitieu period: [E_PERIOD] \"%s\": %s\n", name[0], why);
		return CLI_BADINPUT;
	}
	int day = 15;
	char due[11] = "", from[11], to[11];
	if (unit) {
		struct store *s = cli_open_db("period", db);
		if (!s)
			return CLI_BADINPUT;
		struct unit_rec u = {0};
		struct error err = {0};
		int found = store_unit_get(s, unit, &u, &err);
		if (!found)
			day = store_cutoff_day(s, u.id, &err);
		if (!found && day > 0 && report_deadline(s, unit, name[0], due, from, to, &err))
			day = -1;
		if (found > 0)
			err_set(&err, ERR_UNKNOWN_UNIT, "không có đơn vị này");
		if (found || day < 0)
			fprintf(stderr, "chitieu period: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		unit_rec_free(&u);
		store_close(s);
		if (found || day < 0)
			return CLI_BADINPUT;
	}
	char canon[PERIOD_NAME_SIZE], start[11], end[11];
	period_format(&p, canon, sizeof canon);
	period_window(&p, day, start, end);
	printf("Kỳ %s: số liệu từ %s đến %s (chốt ngày %d)", canon, start, end, day);
	char words[16];
	deadline_words(due, words);
	if (*words) /* Decree 09/2019: the sending deadline of the unit (docs/reports.md) */
		printf("; hạn gửi báo cáo %s", words);
	putchar('\n');
	return CLI_OK;
}
