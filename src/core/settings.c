/* settings.c: a unit's report settings read from and written to JSON
 * (settings.h). */
#include "settings.h"

#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static const char *const kind_keys[DEADLINE_KINDS] = {"month", "quarter", "half", "nine_months",
                                                      "year"};

const char *settings_kind_key(enum period_kind kind)
{
	return (unsigned)kind < DEADLINE_KINDS ? kind_keys[kind] : "";
}

/* A text field: a non-empty string that fits, without control characters
 * (utf8 validity is jansson's: it refuses invalid UTF-8). NULL, or why. */
static const char *text_problem(json_t *v, size_t size)
{
	if (!json_is_string(v))
		return "cần một chuỗi";
	const char *s = json_string_value(v);
	if (!*s)
		return "không được để trống";
	if (strlen(s) >= size)
		return "quá dài";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return "có ký tự điều khiển";
	return NULL;
}

static int read_days(json_t *o, struct unit_settings *out, struct error *err)
{
	if (!json_is_object(o)) {
		err_set(err, ERR_SETTINGS, "send_day: cần một đối tượng {\"month\": 16, …}");
		return -1;
	}
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v)
	{
		int k = 0;
		while (k < DEADLINE_KINDS && strcmp(key, kind_keys[k]))
			k++;
		if (k == DEADLINE_KINDS) {
			err_set(err, ERR_SETTINGS,
			        "send_day.%s: kỳ không hợp lệ (month, quarter, "
			        "half, nine_months, year)",
			        key);
			return -1;
		}
		if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		    json_integer_value(v) > 28) {
			err_set(err, ERR_SETTINGS, "send_day.%s: cần một ngày từ 1 đến 28", key);
			return -1;
		}
		out->send_day[k] = (int)json_integer_value(v);
	}
	return 0;
}

static int read_recipients(json_t *a, struct unit_settings *out, struct error *err)
{
	if (!json_is_array(a) || json_array_size(a) > SETTINGS_RECIPIENTS) {
		err_set(err, ERR_SETTINGS, "recipients: cần một mảng tối đa %d chuỗi",
		        SETTINGS_RECIPIENTS);
		return -1;
	}
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v)
	{
		const char *why = text_problem(v, SETTINGS_TEXT);
		if (why) {
			err_set(err, ERR_SETTINGS, "recipients[%zu]: %s", i, why);
			return -1;
		}
		snprintf(out->recipients[i], SETTINGS_TEXT, "%s", json_string_value(v));
	}
	out->nrecipients = (int)json_array_size(a);
	return 0;
}

static int read_object(json_t *o, struct unit_settings *out, struct error *err)
{
	struct {
		const char *key;
		char *field;
	} texts[] = {{"authority", out->authority},
	             {"position", out->position},
	             {"signer", out->signer},
	             {"symbol", out->symbol}};
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v)
	{
		size_t k = 0;
		while (k < 4 && strcmp(key, texts[k].key))
			k++;
		if (k < 4) {
			const char *why = text_problem(v, SETTINGS_TEXT);
			if (why) {
				err_set(err, ERR_SETTINGS, "%s: %s", key, why);
				return -1;
			}
			snprintf(texts[k].field, SETTINGS_TEXT, "%s", json_string_value(v));
		} else if (!strcmp(key, "recipients")) {
			if (read_recipients(v, out, err))
				return -1;
		} else if (!strcmp(key, "send_day")) {
			if (read_days(v, out, err))
				return -1;
		} else {
			err_set(err, ERR_SETTINGS,
			        "khóa lạ \"%s\" (authority, position, signer, "
			        "symbol, recipients, send_day)",
			        key);
			return -1;
		}
	}
	return 0;
}

int settings_parse(const char *text, struct unit_settings *out, struct error *err)
{
	memset(out, 0, sizeof *out);
	if (!text || !*text)
		return 0;
	json_error_t je;
	json_t *o = json_loads(text, JSON_REJECT_DUPLICATES, &je);
	int rc = -1;
	if (!o)
		err_set(err, ERR_SETTINGS, "JSON không đọc được (dòng %d, cột %d): %s", je.line,
		        je.column, je.text);
	else if (!json_is_object(o))
		err_set(err, ERR_SETTINGS, "cần một đối tượng JSON");
	else
		rc = read_object(o, out, err);
	json_decref(o);
	if (rc)
		memset(out, 0, sizeof *out);
	return rc;
}

char *settings_json(const struct unit_settings *u)
{
	json_t *o = json_object();
	const char *const keys[] = {"authority", "position", "signer", "symbol"};
	const char *const vals[] = {u->authority, u->position, u->signer, u->symbol};
	for (int k = 0; k < 4; k++)
		if (*vals[k])
			json_object_set_new(o, keys[k], json_string(vals[k]));
	if (u->nrecipients) {
		json_t *a = json_array();
		for (int i = 0; i < u->nrecipients; i++)
			json_array_append_new(a, json_string(u->recipients[i]));
		json_object_set_new(o, "recipients", a);
	}
	json_t *days = json_object();
	for (int k = 0; k < DEADLINE_KINDS; k++)
		if (u->send_day[k])
			json_object_set_new(days, kind_keys[k], json_integer(u->send_day[k]));
	if (json_object_size(days))
		json_object_set_new(o, "send_day", days);
	else
		json_decref(days);
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

void settings_fill_defaults(struct unit_settings *u)
{
	if (!*u->authority)
		snprintf(u->authority, SETTINGS_TEXT, "TM. ỦY BAN NHÂN DÂN");
	if (!*u->position)
		snprintf(u->position, SETTINGS_TEXT, "CHỦ TỊCH");
	if (!*u->symbol)
		snprintf(u->symbol, SETTINGS_TEXT, "BC-UBND");
	if (!u->nrecipients) {
		snprintf(u->recipients[0], SETTINGS_TEXT, "Ban Chỉ đạo cấp trên (để báo cáo)");
		snprintf(u->recipients[1], SETTINGS_TEXT, "Lưu: VT");
		u->nrecipients = 2;
	}
}

int settings_send_day(const struct unit_settings *u, enum period_kind kind, const char *unit_kind)
{
	if ((unsigned)kind < DEADLINE_KINDS && u->send_day[kind])
		return u->send_day[kind];
	return deadline_default_day(unit_kind);
}
