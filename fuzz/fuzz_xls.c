/* fuzz_xls.c: libFuzzer harness for the Excel 97–2003 reader (xls.c). The
 * bytes are a Workbook stream (BIFF8 records), put in a compound file made
 * here (512-byte sectors: the FAT, the directory, the stream; no mini
 * stream), read by import_plan(); a plan that comes out is rendered as
 * JSON and as text. The compound file itself is fuzz_doc's. Build and run
 * with scripts/fuzz.sh. */
#include "import_render.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SECTOR     512
#define MAX_STREAM ((SECTOR / 4 - 2) * SECTOR) /* one FAT sector's chain */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

/* A directory entry: name (ASCII), type, child, first sector, size. */
static void entry(unsigned char *e, const char *name, int type, uint32_t child, uint32_t start,
                  uint32_t size)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < n; i++)
		put16(e + 2 * i, (unsigned char)name[i]);
	put16(e + 0x40, (unsigned)(2 * n + 2));
	e[0x42] = (unsigned char)type;
	e[0x43] = 1;
	put32(e + 0x44, 0xFFFFFFFF);
	put32(e + 0x48, 0xFFFFFFFF);
	put32(e + 0x4C, child);
	put32(e + 0x74, start);
	put32(e + 0x78, size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > MAX_STREAM)
		size = MAX_STREAM;
	size_t nsec = (size + SECTOR - 1) / SECTOR;
	size_t total = SECTOR * (3 + nsec);
	unsigned char *f = calloc(1, total);
	if (!f)
		return 0;
	static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	memcpy(f, magic, 8);
	put16(f + 0x18, 0x3E);
	put16(f + 0x1A, 3);
	put16(f + 0x1C, 0xFFFE);
	put16(f + 0x1E, 9);
	put16(f + 0x20, 6);
	put32(f + 0x2C, 1);          /* FAT sectors */
	put32(f + 0x30, 1);          /* the directory's first sector */
	put32(f + 0x38, 0);          /* mini stream cutoff: none */
	put32(f + 0x3C, 0xFFFFFFFE); /* no mini FAT */
	put32(f + 0x44, 0xFFFFFFFE); /* no DIFAT sectors */
	put32(f + 0x4C, 0);          /* the FAT in sector 0 */
	for (int i = 1; i < 109; i++)
		put32(f + 0x4C + 4 * i, 0xFFFFFFFF);
	unsigned char *fat = f + SECTOR;
	for (int i = 0; i < SECTOR / 4; i++)
		put32(fat + 4 * i, 0xFFFFFFFF);
	put32(fat, 0xFFFFFFFD);
	put32(fat + 4, 0xFFFFFFFE);
	for (size_t i = 0; i < nsec; i++)
		put32(fat + 4 * (2 + i), i + 1 < nsec ? (uint32_t)(3 + i) : 0xFFFFFFFE);
	unsigned char *dir = f + 2 * SECTOR;
	entry(dir, "Root Entry", 5, 1, 0xFFFFFFFE, 0);
	entry(dir + 128, "Workbook", 2, 0xFFFFFFFF, nsec ? 2 : 0xFFFFFFFE, (uint32_t)size);
	if (size)
		memcpy(f + 3 * SECTOR, data, size);
	import_render((const char *)f, total);
	free(f);
	return 0;
}
