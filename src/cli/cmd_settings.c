/* cmd_settings.c: `chitieu unit settings --unit U [...]`: a unit's report
 * settings (the signer, the recipients, the sending days), set once by its
 * office and used by every report (docs/reports.md). */
#include "cli.h"

#include "args.h"
#include "settings.h"
#include "store.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One "KIND=DAY" of --send-day into u: 0, or -1. */
static int send_day(const char *item, size_t n, struct unit_settings *u)
{
	const char *eq = memchr(item, '=', n);
	if (!eq)
		return -1;
	size_t klen = (size_t)(eq - item);
	int k = 0;
	while (k < DEADLINE_KINDS && (strlen(settings_kind_key((enum period_kind)k)) != klen ||
	                              strncmp(item, settings_kind_key((enum period_kind)k), klen)))
		k++;
	char digits[8];
	size_t dlen = n - klen - 1;
	if (k == DEADLINE_KINDS || dlen == 0 || dlen >= sizeof digits)
		return -1;
	memcpy(digits, eq + 1, dlen);
	digits[dlen] = 0;
	char *end;
	long day = strtol(digits, &end, 10);
	if (*end || day < 1 || day > 28)
		return -1;
	u->send_day[k] = (int)day;
	return 0;
}

/* "month=16,year=20" into u->send_day: 0, or -1 with *err. */
static int send_days(const char *spec, struct unit_settings *u, struct error *err)
{
	for (const char *p = spec; *p;) {
		size_t n = strcspn(p, ",");
		if (send_day(p, n, u)) {
			err_set(err, ERR_SETTINGS,
			        "--send-day \"%s\": cần KỲ=NGÀY, KỲ là month, "
			        "quarter, half, nine_months hoặc year, NGÀY từ 1 đến 28",
			        spec);
			return -1;
		}
		p += n + (p[n] == ',');
	}
	return 0;
}

/* "A; B; C" into the recipients. */
static int recipients(const char *list, struct unit_settings *u, struct error *err)
{
	u->nrecipients = 0;
	const char *p = list;
	while (*p) {
		const char *semi = strchr(p, ';');
		size_t n = semi ? (size_t)(semi - p) : strlen(p);
		while (n && (*p == ' '))
			p++, n--;
		while (n && p[n - 1] == ' ')
			n--;
		if (n) {
			if (u->nrecipients == SETTINGS_RECIPIENTS || n >= SETTINGS_TEXT) {
				err_set(err, ERR_SETTINGS,
				        "--recipients: tối đa %d nơi nhận, mỗi "
				        "nơi dưới %d byte",
				        SETTINGS_RECIPIENTS, SETTINGS_TEXT);
				return -1;
			}
			snprintf(u->recipients[u->nrecipients++], SETTINGS_TEXT, "%.*s", (int)n, p);
		}
		p += semi ? (size_t)(semi - p) + 1 : strlen(p);
	}
	return 0;
}

static char *read_all(const char *path, struct error *err)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		err_set(err, ERR_SETTINGS, "không đọc được %s", path);
		return NULL;
	}
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < 65536)
		buf_put(&b, chunk, n);
	if (f != stdin)
		fclose(f);
	if (b.len >= 65536) {
		buf_free(&b);
		err_set(err, ERR_SETTINGS, "%s quá lớn", path);
		return NULL;
	}
	return buf_detach(&b);
}

/* The settings after the options: the stored ones (or those of --json)
 * with each option given replacing its field. */
static int apply(struct unit_settings *u, const char *const texts[4], const char *rec,
                 const char *days, struct error *err)
{
	char *const fields[] = {u->authority, u->position, u->signer, u->symbol};
	for (int k = 0; k < 4; k++)
		if (texts[k])
			snprintf(fields[k], SETTINGS_TEXT, "%s", texts[k]);
	if (rec && recipients(rec, u, err))
		return -1;
	return days ? send_days(days, u, err) : 0;
}

int cmd_unit_settings(int argc, char **argv)
{
	const char *db = NULL, *unit = NULL, *json = NULL, *texts[4] = {NULL}, *rec = NULL,
	           *days = NULL;
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"unit", &unit, NULL},
	                           {"json", &json, NULL},
	                           {"authority", &texts[0], NULL},
	                           {"position", &texts[1], NULL},
	                           {"signer", &texts[2], NULL},
	                           {"symbol", &texts[3], NULL},
	                           {"recipients", &rec, NULL},
	                           {"send-day", &days, NULL},
	                           {NULL, NULL, NULL}};
	if (args_parse("unit settings", argc, argv, opts, NULL, 0) < 0 || !unit) {
		fputs("Cách dùng: chitieu unit settings --unit MÃ [--json TỆP|-] [--authority "
		      "\"TM. ỦY BAN NHÂN DÂN\"] [--position \"CHỦ TỊCH\"] [--signer \"Họ tên\"] "
		      "[--symbol BC-UBND] [--recipients \"Nơi 1; Nơi 2; Lưu: VT\"] [--send-day "
		      "month=16,quarter=16,half=16,nine_months=16,year=16]\n",
		      stderr);
		return CLI_USAGE;
	}
	bool change = json || rec || days || texts[0] || texts[1] || texts[2] || texts[3];
	struct store *s = cli_open_db("unit settings", db);
	if (!s)
		return CLI_BADINPUT;
	struct error err = {0};
	char *doc = NULL;
	struct unit_settings u;
	int rc = json ? ((doc = read_all(json, &err)) ? 0 : -1)
	              : store_unit_settings_get(s, unit, &doc, &err);
	if (!rc)
		rc = settings_parse(doc, &u, &err);
	if (!rc && change)
		rc = apply(&u, texts, rec, days, &err);
	char *out = rc ? NULL : settings_json(&u);
	if (!rc && change)
		rc = store_unit_settings_set(s, unit, out, "cli", &err);
	if (!rc)
		printf("%s\n", out);
	else
		fprintf(stderr, "chitieu unit settings: [%s] %s\n", err_name(err.code), err.msg);
	free(out);
	free(doc);
	err_clear(&err);
	store_close(s);
	return rc ? CLI_BADINPUT : CLI_OK;
}
