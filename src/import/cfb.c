/* cfb.c: OLE2 compound files (MS-CFB) from memory. The file is untrusted:
 * every sector number is checked against the FAT and the file, every
 * chain is followed once (a sector met twice is a loop), a stream is never
 * longer than the file, and all the bytes read are counted against one
 * budget. */
#include "cfb.h"

#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HEADER_SIZE     512
#define DIFAT_IN_HEADER 109
#define DIR_ENTRY_SIZE  128
#define MAX_DIR_ENTRIES 65536       /* directory entries read */
#define MINI_SHIFT      6           /* 64-byte mini sectors */
#define MAX_SECT        0xFFFFFFFAu /* larger numbers are marks, not sectors */
#define END_OF_CHAIN    0xFFFFFFFEu
#define NO_STREAM       0xFFFFFFFFu
#define READ_TO_END     SIZE_MAX

enum { TYPE_STREAM = 2, TYPE_ROOT = 5 };

struct entry {
	char name[32]; /* ASCII; any other character '?' */
	unsigned char type;
	uint32_t left, right, child, start;
	uint64_t size;
};

struct cfb {
	const unsigned char *data;
	size_t n;
	unsigned shift; /* sector size 1 << shift */
	uint32_t *fat, *minifat;
	size_t nfat, nminifat;
	unsigned char *mini; /* the mini stream */
	size_t nmini;
	struct entry *dir;
	size_t ndir;
	uint32_t cutoff; /* smaller streams are in the mini stream */
	size_t total;    /* bytes read so far */
};

/* Where a chain's sectors are: in the file (after the header) or in the
 * mini stream, their numbers chained by next[0..nnext). */
struct area {
	const unsigned char *base;
	size_t len, skip;
	unsigned shift;
	const uint32_t *next;
	size_t nnext;
};

static void broken(struct error *err, const char *what)
{
	err_set(err, ERR_DOCUMENT,
	        "tệp Office 97–2003 (OLE2) bị hỏng: %s; hãy mở tệp bằng Word, Excel hoặc "
	        "LibreOffice, chọn Lưu thành (Save As) Word (.docx) hoặc Excel (.xlsx) rồi tải lên "
	        "lần nữa",
	        what);
}

/* Count n more bytes read against the file's budget. */
static bool spend(struct cfb *c, size_t n, struct error *err)
{
	if (n > CFB_MAX_TOTAL - c->total) {
		broken(err, "các luồng dữ liệu lớn quá giới hạn đọc");
		return false;
	}
	c->total += n;
	return true;
}

/* The bytes of the chain from sector start: want of them, or all its
 * sectors (READ_TO_END). NULL with *err when the chain leaves the FAT or
 * the area, loops, or ends short. */
static unsigned char *read_chain(struct cfb *c, const struct area *a, uint32_t start, size_t want,
                                 size_t *len, struct error *err)
{
	size_t unit = (size_t)1 << a->shift;
	unsigned char *seen = xcalloc(a->nnext / 8 + 1, 1);
	struct buf b = BUF_INIT;
	uint32_t s = start;
	const char *fault = NULL;
	while (!fault && b.len < want && s != END_OF_CHAIN) {
		if (s >= a->nnext || s > MAX_SECT)
			fault = "một chuỗi cung (sector) trỏ ra ngoài bảng FAT";
		else if (seen[s / 8] & (1u << (s % 8)))
			fault = "một chuỗi cung (sector) lặp vòng";
		else if (a->skip + ((size_t)s << a->shift) + unit > a->len)
			fault = "một cung (sector) nằm ngoài tệp (tệp bị cắt cụt?)";
		else if (!spend(c, unit, err))
			break;
		else {
			seen[s / 8] |= (unsigned char)(1u << (s % 8));
			size_t k = want - b.len < unit ? want - b.len : unit;
			buf_put(&b, (const char *)a->base + a->skip + ((size_t)s << a->shift), k);
			s = a->next[s];
		}
	}
	free(seen);
	if (!fault && !err_is(err) && want != READ_TO_END && b.len < want)
		fault = "một luồng ngắn hơn kích thước ghi trong thư mục";
	if (fault || err_is(err)) {
		if (fault)
			broken(err, fault);
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return (unsigned char *)buf_detach(&b);
}

static struct area file_area(const struct cfb *c)
{
	return (struct area){c->data, c->n, (size_t)1 << c->shift, c->shift, c->fat, c->nfat};
}

static struct area mini_area(const struct cfb *c)
{
	return (struct area){c->mini, c->nmini, 0, MINI_SHIFT, c->minifat, c->nminifat};
}

/* The header: its signature, byte order and sector sizes. */
static bool read_header(struct cfb *c, struct error *err)
{
	const unsigned char *h = c->data;
	static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	if (c->n < HEADER_SIZE || memcmp(h, magic, sizeof magic)) {
		broken(err, "thiếu phần đầu tệp");
		return false;
	}
	c->shift = cfb_le16(h + 0x1E);
	if (cfb_le16(h + 0x1C) != 0xFFFE || (c->shift != 9 && c->shift != 12) ||
	    cfb_le16(h + 0x20) != MINI_SHIFT) {
		broken(err, "phần đầu tệp ghi cỡ cung (sector) không hợp lệ");
		return false;
	}
	c->cutoff = cfb_le32(h + 0x38);
	return true;
}

/* The numbers of the FAT's sectors: the header's first 109, then the
 * DIFAT sectors' chain. */
static uint32_t *fat_sectors(struct cfb *c, size_t *count, struct error *err)
{
	const unsigned char *h = c->data;
	size_t unit = (size_t)1 << c->shift, per = unit / 4 - 1;
	size_t nsect = c->n / unit, want = cfb_le32(h + 0x2C);
	if (want == 0 || want > nsect) {
		broken(err, "số cung (sector) của bảng FAT vượt quá cỡ tệp");
		return NULL;
	}
	uint32_t *v = xcalloc(want, sizeof *v);
	size_t k = 0;
	for (; k < want && k < DIFAT_IN_HEADER; k++)
		v[k] = cfb_le32(h + 0x4C + 4 * k);
	uint32_t s = cfb_le32(h + 0x44);
	for (size_t hops = 0; k < want && s <= MAX_SECT; hops++) {
		size_t at = ((size_t)s + 1) * unit;
		if (hops >= nsect || at + unit > c->n) {
			free(v);
			broken(err, "bảng DIFAT nằm ngoài tệp hoặc lặp vòng");
			return NULL;
		}
		for (size_t i = 0; i < per && k < want; i++)
			v[k++] = cfb_le32(c->data + at + 4 * i);
		s = cfb_le32(c->data + at + 4 * per);
	}
	*count = k;
	return v;
}

static bool read_fat(struct cfb *c, struct error *err)
{
	size_t count = 0, unit = (size_t)1 << c->shift;
	uint32_t *secs = fat_sectors(c, &count, err);
	if (!secs)
		return false;
	c->fat = xcalloc(count, unit);
	for (size_t i = 0; i < count; i++) {
		size_t at = ((size_t)secs[i] + 1) * unit;
		if (secs[i] > MAX_SECT || at + unit > c->n) {
			free(secs);
			broken(err,
			       "một cung (sector) của bảng FAT nằm ngoài tệp (tệp bị cắt cụt?)");
			return false;
		}
		for (size_t j = 0; j < unit / 4; j++)
			c->fat[c->nfat++] = cfb_le32(c->data + at + 4 * j);
	}
	free(secs);
	return true;
}

static void parse_entry(struct entry *e, const unsigned char *p)
{
	unsigned len = cfb_le16(p + 0x40) / 2;
	size_t k = 0;
	for (unsigned i = 0; i + 1 < len && i < 32 && k + 1 < sizeof e->name; i++) {
		unsigned ch = cfb_le16(p + 2 * i);
		e->name[k++] = ch >= 0x20 && ch < 0x7F ? (char)ch : '?';
	}
	e->name[k] = '\0';
	e->type = p[0x42];
	e->left = cfb_le32(p + 0x44);
	e->right = cfb_le32(p + 0x48);
	e->child = cfb_le32(p + 0x4C);
	e->start = cfb_le32(p + 0x74);
	e->size = cfb_le32(p + 0x78) | (uint64_t)cfb_le32(p + 0x7C) << 32;
}

static bool read_directory(struct cfb *c, struct error *err)
{
	struct area a = file_area(c);
	size_t len = 0;
	unsigned char *d = read_chain(c, &a, cfb_le32(c->data + 0x30), READ_TO_END, &len, err);
	if (!d)
		return false;
	c->ndir = len / DIR_ENTRY_SIZE;
	if (c->ndir > MAX_DIR_ENTRIES)
		c->ndir = MAX_DIR_ENTRIES;
	c->dir = xcalloc(c->ndir + 1, sizeof *c->dir);
	for (size_t i = 0; i < c->ndir; i++)
		parse_entry(&c->dir[i], d + i * DIR_ENTRY_SIZE);
	free(d);
	if (!c->ndir || c->dir[0].type != TYPE_ROOT) {
		broken(err, "thư mục của tệp không có mục gốc (Root Entry)");
		return false;
	}
	if (c->shift == 9) /* version 3 keeps only the low 32 bits */
		for (size_t i = 0; i < c->ndir; i++)
			c->dir[i].size &= 0xFFFFFFFFu;
	return true;
}

/* The mini stream (the root entry's chain) and the mini FAT. */
static bool read_mini(struct cfb *c, struct error *err)
{
	struct area a = file_area(c);
	const struct entry *root = &c->dir[0];
	if (root->size > c->n) {
		broken(err, "luồng nhỏ (mini stream) lớn hơn cả tệp");
		return false;
	}
	uint32_t first = cfb_le32(c->data + 0x3C);
	if (root->size == 0 || first == END_OF_CHAIN)
		return true;
	size_t n = 0;
	c->mini = read_chain(c, &a, root->start, (size_t)root->size, &c->nmini, err);
	unsigned char *mf = c->mini ? read_chain(c, &a, first, READ_TO_END, &n, err) : NULL;
	if (!mf)
		return false;
	c->nminifat = n / 4;
	c->minifat = xcalloc(c->nminifat + 1, sizeof *c->minifat);
	for (size_t i = 0; i < c->nminifat; i++)
		c->minifat[i] = cfb_le32(mf + 4 * i);
	free(mf);
	return true;
}

struct cfb *cfb_open(const char *data, size_t n, struct error *err)
{
	struct cfb *c = xcalloc(1, sizeof *c);
	c->data = (const unsigned char *)data;
	c->n = n;
	if (read_header(c, err) && read_fat(c, err) && read_directory(c, err) && read_mini(c, err))
		return c;
	cfb_close(c);
	return NULL;
}

void cfb_close(struct cfb *c)
{
	if (!c)
		return;
	free(c->fat);
	free(c->minifat);
	free(c->mini);
	free(c->dir);
	free(c);
}

/* The root storage's stream of this name (its children's tree walked,
 * each entry once), or NULL. */
static const struct entry *find(struct cfb *c, const char *name)
{
	uint32_t *stack = xcalloc(2 * c->ndir + 1, sizeof *stack);
	unsigned char *seen = xcalloc(c->ndir + 1, 1);
	size_t top = 0;
	const struct entry *hit = NULL;
	stack[top++] = c->dir[0].child;
	while (top && !hit) {
		uint32_t i = stack[--top];
		if (i >= c->ndir || seen[i])
			continue;
		seen[i] = 1;
		const struct entry *e = &c->dir[i];
		if (e->type == TYPE_STREAM && !strcasecmp(e->name, name))
			hit = e;
		stack[top++] = e->left; /* each entry pushes its two once */
		stack[top++] = e->right;
	}
	free(stack);
	free(seen);
	return hit;
}

bool cfb_has(struct cfb *c, const char *name)
{
	return find(c, name) != NULL;
}

char *cfb_read(struct cfb *c, const char *name, size_t *len, struct error *err)
{
	const struct entry *e = find(c, name);
	if (!e)
		return NULL;
	if (e->size > c->n) {
		broken(err, "một luồng ghi kích thước lớn hơn cả tệp");
		return NULL;
	}
	struct area a = e->size < c->cutoff ? mini_area(c) : file_area(c);
	unsigned char *s = read_chain(c, &a, e->start, (size_t)e->size, len, err);
	if (!s)
		return NULL;
	char *out = xrealloc(s, *len + 1);
	out[*len] = '\0';
	return out;
}
