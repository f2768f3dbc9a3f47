/* ooxml_pack.h: for the DOCX and XLSX harnesses, a ZIP built in memory
 * from the fuzzer's bytes, split into parts at each "\n@@\n" (stored, not
 * compressed, so building it costs little). */
#ifndef CHITIEU_FUZZ_OOXML_PACK_H
#define CHITIEU_FUZZ_OOXML_PACK_H

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define PACK_SEP "\n@@\n"

/* names[i] gets the i-th piece of data (missing pieces: no part), and
 * fixed_name (unless NULL) the text fixed_data. Returns the archive (the
 * caller frees) or NULL. */
static char *pack(const char *data, size_t size, const char *const *names, int nnames,
                  const char *fixed_name, const char *fixed_data, size_t *out_len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src)
		return NULL;
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	char *out = NULL;
	if (!z)
		goto done;
	const char *p = data, *end = data + size;
	for (int i = 0; i < nnames && p <= end; i++) {
		const char *q = NULL;
		for (const char *s = p; s + 4 <= end; s++)
			if (!memcmp(s, PACK_SEP, 4)) {
				q = s;
				break;
			}
		size_t n = (size_t)((q ? q : end) - p);
		zip_source_t *s = zip_source_buffer(z, p, n, 0);
		zip_int64_t idx = s ? zip_file_add(z, names[i], s, 0) : -1;
		if (idx < 0) {
			zip_source_free(s);
			break;
		}
		zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		if (!q)
			break;
		p = q + 4;
	}
	if (fixed_name) {
		zip_source_t *s = zip_source_buffer(z, fixed_data, strlen(fixed_data), 0);
		if (s && zip_file_add(z, fixed_name, s, 0) < 0)
			zip_source_free(s);
	}
	if (zip_close(z) != 0) {
		zip_discard(z);
		goto done;
	}
	if (zip_source_open(src) == 0) {
		zip_source_seek(src, 0, SEEK_END);
		zip_int64_t len = zip_source_tell(src);
		zip_source_seek(src, 0, SEEK_SET);
		if (len > 0 && (out = malloc((size_t)len)) &&
		    zip_source_read(src, out, (zip_uint64_t)len) != len) {
			free(out);
			out = NULL;
		}
		*out_len = (size_t)(len > 0 ? len : 0);
		zip_source_close(src);
	}
done:
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

#endif
