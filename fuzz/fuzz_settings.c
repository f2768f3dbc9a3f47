/* fuzz_settings.c: libFuzzer harness for a unit's report settings (the
 * JSON of `chitieu unit settings --json`, POST /units/{unit}/settings and
 * dumps). Accepted settings must write back to a text that reads back to
 * the same settings; refused ones must say why with [E_SETTINGS]. A failed
 * check traps. */
#include "settings.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	struct unit_settings u, back;
	struct error err = {0};
	if (settings_parse(s, &u, &err)) {
		check(err.code == ERR_SETTINGS && err.msg);
	} else {
		char *text = settings_json(&u);
		check(text && settings_parse(text, &back, &err) == 0);
		check(!strcmp(u.authority, back.authority) && !strcmp(u.position, back.position) &&
		      !strcmp(u.signer, back.signer) && !strcmp(u.symbol, back.symbol));
		check(u.nrecipients == back.nrecipients);
		for (int i = 0; i < u.nrecipients; i++)
			check(!strcmp(u.recipients[i], back.recipients[i]));
		for (int k = 0; k < DEADLINE_KINDS; k++)
			check(u.send_day[k] == back.send_day[k]);
		settings_fill_defaults(&back);
		check(*back.authority && *back.position && back.nrecipients > 0);
		free(text);
	}
	err_clear(&err);
	free(s);
	return 0;
}
