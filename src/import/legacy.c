/* legacy.c: Word 97–2003 and Excel 97–2003 files (OLE2 compound files,
 * told apart by the names of their streams) and RTF, refused with a
 * sentence that says what the file is and how to make it one chitieu
 * reads. */
#define _GNU_SOURCE /* memmem */
#include "legacy.h"

#include <string.h>

static const unsigned char ole_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

bool legacy_is_ole(const char *data, size_t n)
{
	return n >= sizeof ole_magic && !memcmp(data, ole_magic, sizeof ole_magic);
}

bool legacy_is_rtf(const char *data, size_t n)
{
	size_t i = 0;
	if (n >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && i < 64 &&
	       (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	return n - i >= 5 && !memcmp(data + i, "{\\rtf", 5);
}

/* Whether the compound file holds a stream of this name: its directory
 * writes names in UTF-16LE, so the name's bytes are looked for as such
 * (cheap, and enough to name the file: no directory is walked). */
static bool has_stream(const char *data, size_t n, const char *name)
{
	char w[64];
	size_t k = strlen(name);
	if (2 * k > sizeof w)
		return false;
	for (size_t i = 0; i < k; i++) {
		w[2 * i] = name[i];
		w[2 * i + 1] = '\0';
	}
	return memmem(data, n, w, 2 * k) != NULL;
}

#define SAVE_AS "; hãy mở tệp bằng %s, chọn Lưu thành (Save As) %s rồi tải lên lần nữa"

int legacy_refuse(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                  struct error *err)
{
	if (legacy_is_rtf(data, n))
		err_set(err, ERR_DOCUMENT,
		        "tệp RTF (Rich Text Format) chitieu không đọc được" SAVE_AS,
		        "Word hoặc LibreOffice", "Word (.docx), OpenDocument (.odt) hoặc PDF");
	else if (has_stream(data, n, "WordDocument"))
		err_set(err, ERR_DOCUMENT,
		        "tệp Word 97–2003 (.doc) là định dạng cũ chitieu không đọc được" SAVE_AS,
		        "Word hoặc LibreOffice", "Word (.docx), OpenDocument (.odt) hoặc PDF");
	else if (has_stream(data, n, "Workbook") || has_stream(data, n, "Book"))
		err_set(err, ERR_DOCUMENT,
		        "tệp Excel 97–2003 (.xls) là định dạng cũ chitieu không đọc được" SAVE_AS,
		        "Excel hoặc LibreOffice", "Excel (.xlsx), OpenDocument (.ods) hoặc PDF");
	else
		err_set(err, ERR_DOCUMENT,
		        "tệp Office 97–2003 (Word .doc hoặc Excel .xls) là định dạng cũ chitieu "
		        "không đọc được" SAVE_AS,
		        "Word, Excel hoặc LibreOffice", ".docx, .xlsx, .odt, .ods hoặc PDF");
	return -1;
}
