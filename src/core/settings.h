/* settings.h: a unit's report settings, set once by its office: who signs
 * (authority "TM. ỦY BAN NHÂN DÂN", position "CHỦ TỊCH", name), the
 * document symbol ("BC-UBND"), the recipients ("Nơi nhận") and the day of
 * the period's last month each kind of report is sent by (Decree
 * 09/2019; deadline.h). Kept as one JSON object (docs/reports.md); no I/O.
 * Fixed-size fields: nothing to free. */
#ifndef CHITIEU_SETTINGS_H
#define CHITIEU_SETTINGS_H

#include "deadline.h"
#include "error.h"

#define SETTINGS_TEXT       160 /* bytes of a text field, NUL included */
#define SETTINGS_RECIPIENTS 20

struct unit_settings {
	char authority[SETTINGS_TEXT], position[SETTINGS_TEXT], signer[SETTINGS_TEXT];
	char symbol[SETTINGS_TEXT];
	char recipients[SETTINGS_RECIPIENTS][SETTINGS_TEXT];
	int nrecipients;
	int send_day[DEADLINE_KINDS]; /* by enum period_kind; 0: the level's default */
};

/* Read text (a JSON object; NULL or "" gives the empty settings) into *out:
 * known keys only ("authority", "position", "signer", "symbol",
 * "recipients": an array of strings, "send_day": {"month", "quarter",
 * "half", "nine_months", "year"} each 1..28), texts non-empty UTF-8 without
 * control characters and short enough. 0, or -1 with *err saying which key
 * and why (ERR_SETTINGS; the caller clears it); *out is then cleared. */
int settings_parse(const char *text, struct unit_settings *out, struct error *err);

/* The settings as the canonical JSON text settings_parse reads (caller
 * frees). */
char *settings_json(const struct unit_settings *u);

/* What a report prints when a field is not set: "TM. ỦY BAN NHÂN DÂN",
 * "CHỦ TỊCH", "BC-UBND", and as recipients the steering committee above
 * and the archive ("Lưu: VT"). The signer's name has no default (left
 * blank for a hand-written one). */
void settings_fill_defaults(struct unit_settings *u);

/* The sending day for reports of kind by a unit of unit_kind: the one set,
 * else deadline_default_day(unit_kind). */
int settings_send_day(const struct unit_settings *u, enum period_kind kind, const char *unit_kind);

/* The key of a kind of period in "send_day": "month", "quarter", "half",
 * "nine_months", "year". */
const char *settings_kind_key(enum period_kind kind);

#endif
