/* fuzz_gzip.c: the Accept-Encoding header read by gzip_accepted (any text,
 * never read past its end) and gzip_pack on any bytes: what it packs
 * inflates back to exactly the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "gzip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = 0;
	(void)gzip_accepted(text);
	(void)gzip_worth(text);
	char *out;
	size_t n;
	if (!gzip_pack(text, size, &out, &n)) {
		z_stream z = {0};
		char *back = malloc(size + 1);
		if (inflateInit2(&z, 15 + 16) != Z_OK)
			__builtin_trap();
		z.next_in = (Bytef *)out;
		z.avail_in = (uInt)n;
		z.next_out = (Bytef *)back;
		z.avail_out = (uInt)size + 1;
		if (inflate(&z, Z_FINISH) != Z_STREAM_END || z.total_out != size ||
		    memcmp(back, text, size))
			__builtin_trap();
		inflateEnd(&z);
		free(back);
		free(out);
	}
	free(text);
	return 0;
}
