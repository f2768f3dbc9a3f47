/* fuzz_csv.c: the CSV reader of `chitieu record --csv` and `unit import`
 * on any bytes: it parses or fails with a message, never crashes. And the
 * reading in pieces (csv_cut, as csv_reader_next uses it): the pieces hold
 * the same rows with the same line numbers as the whole, whatever the
 * window the bytes are offered in. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The rows of data read in pieces of at least window bytes; -1 when a
 * piece fails (as csv_reader_next would report). */
static int pieces(const char *data, size_t size, size_t window, struct csv *all)
{
	memset(all, 0, sizeof *all);
	size_t off = 0;
	int line = 0;
	while (off < size) {
		size_t len = window, cut = 0;
		int lines = 0;
		for (;;) {
			bool eof = off + len >= size;
			if (eof)
				len = size - off;
			cut = csv_cut(data + off, len, eof, &lines);
			if (cut || eof)
				break;
			len *= 2;
		}
		if (cut > len || (!cut && off + len < size))
			__builtin_trap(); /* a cut inside what was offered, or at the end */
		if (!cut)
			break;
		struct csv c;
		struct error err = {0};
		if (csv_parse(data + off, cut, &c, &err)) {
			err_clear(&err);
			return -1;
		}
		for (size_t i = 0; i < c.n; i++) {
			c.rows[i].line += line;
			all->rows = realloc(all->rows, (all->n + 1) * sizeof *all->rows);
			all->rows[all->n++] = c.rows[i];
		}
		free(c.rows);
		line += lines;
		off += cut;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv c;
	struct error err = {0};
	if (csv_parse((const char *)data, size, &c, &err)) {
		if (!err.msg || !*err.msg)
			__builtin_trap(); /* a failure always says why */
		err_clear(&err);
		return 0;
	}
	for (size_t i = 0; i < c.n; i++)
		for (int j = 0; j < c.rows[i].n; j++)
			if (strlen(c.rows[i].f[j]) > CSV_MAX_FIELD)
				__builtin_trap();
	/* A BOM starts the file only: csv_reader_next refuses one later (a
	 * piece starting with it would skip it), so such input is left out. */
	for (size_t i = 1; i + 3 <= size; i++)
		if (!memcmp(data + i, "\xef\xbb\xbf", 3)) {
			csv_free(&c);
			return 0;
		}
	struct csv p;
	size_t window = size ? (size_t)data[0] % 17 + 1 : 1;
	if (pieces((const char *)data, size, window, &p))
		__builtin_trap(); /* whole rows read alone must parse */
	{
		if (p.n != c.n)
			__builtin_trap();
		for (size_t i = 0; i < c.n; i++) {
			if (p.rows[i].line != c.rows[i].line || p.rows[i].n != c.rows[i].n)
				__builtin_trap();
			for (int j = 0; j < c.rows[i].n; j++)
				if (strcmp(p.rows[i].f[j], c.rows[i].f[j]))
					__builtin_trap();
		}
		csv_free(&p);
	}
	csv_free(&c);
	return 0;
}
