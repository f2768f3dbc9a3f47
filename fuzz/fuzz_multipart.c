/* fuzz_multipart.c: the multipart/form-data reader on any body. The first
 * line is the Content-Type header, the rest the body. It accepts or refuses
 * with "[E_BAD_REQUEST] ..."; every part it returns lies inside the body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "multipart.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	size_t hl = nl ? (size_t)(nl - (const char *)data) : size;
	char *ctype = xstrndup((const char *)data, hl);
	/* The body in a buffer of its own size, so ASan sees any overread. */
	size_t bl = nl ? size - hl - 1 : 0;
	char *body = xmalloc(bl ? bl : 1);
	if (bl)
		memcpy(body, nl + 1, bl);
	struct multipart m;
	struct error err = {0};
	struct multipart_limits lim = {8, 512, 4096};
	if (multipart_parse(ctype, body, bl, &lim, &m, &err)) {
		if (err.code != ERR_BAD_REQUEST || !err.msg || m.n || m.parts)
			__builtin_trap();
	} else {
		if (err.msg || m.n > 8)
			__builtin_trap();
		for (size_t i = 0; i < m.n; i++) {
			const struct multipart_part *p = &m.parts[i];
			if (!p->name || p->data < body || p->data + p->len > body + bl ||
			    p->len > 4096)
				__builtin_trap();
		}
	}
	err_clear(&err);
	multipart_free(&m);
	free(body);
	free(ctype);
	return 0;
}
