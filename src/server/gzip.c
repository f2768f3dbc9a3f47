/* gzip.c: compress a text answer when the client accepts gzip. */
#include "gzip.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

/* One entry "name;q=0.5" of the list: its name and whether q is above 0. */
static bool entry_wants(const char *p, size_t len, const char **name, size_t *nlen)
{
	size_t k = 0;
	while (k < len && (p[k] == ' ' || p[k] == '\t'))
		k++;
	*name = p + k;
	while (k < len && p[k] != ';' && p[k] != ' ' && p[k] != '\t')
		k++;
	*nlen = (size_t)(p + k - *name);
	for (; k < len; k++) {
		if (p[k] != 'q' && p[k] != 'Q')
			continue;
		size_t j = k + 1;
		while (j < len && p[j] == ' ')
			j++;
		if (j >= len || p[j] != '=')
			continue;
		for (j++; j < len && (p[j] == ' ' || p[j] == '0' || p[j] == '.'); j++)
			;
		/* q=0, q=0.0, q=0.000: refused; any other digit: wanted */
		return j < len && p[j] >= '1' && p[j] <= '9';
	}
	return true;
}

static bool named(const char *name, size_t nlen, const char *want)
{
	return nlen == strlen(want) && !strncasecmp(name, want, nlen);
}

bool gzip_accepted(const char *ae)
{
	int gzip = -1, star = -1; /* -1 unsaid, 0 refused, 1 wanted */
	for (const char *p = ae; p && *p;) {
		size_t len = strcspn(p, ",");
		const char *name;
		size_t nlen;
		bool want = entry_wants(p, len, &name, &nlen);
		if (named(name, nlen, "gzip") || named(name, nlen, "x-gzip"))
			gzip = want;
		else if (named(name, nlen, "*"))
			star = want;
		p += len;
		if (*p)
			p++;
	}
	return gzip == 1 || (gzip == -1 && star == 1);
}

bool gzip_worth(const char *ctype)
{
	return ctype &&
	       (!strncmp(ctype, "text/", 5) || !strncmp(ctype, "application/json", 16) ||
	        !strncmp(ctype, "image/svg+xml", 13) || !strncmp(ctype, "application/xml", 15));
}

int gzip_pack(const char *in, size_t n, char **out, size_t *outn)
{
	z_stream z = {0};
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	size_t cap = deflateBound(&z, (uLong)n);
	char *o = xmalloc(cap);
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)o;
	z.avail_out = (uInt)cap;
	int rc = deflate(&z, Z_FINISH);
	size_t got = cap - z.avail_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END || got >= n) {
		free(o);
		return -1;
	}
	*out = o;
	*outn = got;
	return 0;
}
