/* xls.c: Excel 97–2003 workbooks (BIFF8, the "Workbook" stream of an OLE2
 * compound file: cfb.c) read into the sheets xlsx.c builds of an .xlsx:
 * each worksheet one table (its number in the workbook), each row a row
 * of its own number, a number cell shown as its cell format shows it
 * (xlsx.c's number formats: FORMAT and XF records), a merged range's text
 * down its first column, hidden rows, columns and sheets left out and said
 * (ooxml_sheet). Strings come from the shared string table (SST, across
 * its CONTINUE records) or the cell; a formula gives its cached result.
 * Excel 5.0/95 and older workbooks and encrypted ones are refused saying
 * how to save them. */
#include "cfb.h"
#include "ooxml.h"
#include "plan.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_COLS        OOXML_MAX_COLS
#define MAX_ROWS        200000  /* rows of the whole workbook, as xlsx.c */
#define MAX_SHEETS      64      /* as xlsx.c */
#define MAX_STRINGS     2000000 /* shared strings, as xlsx.c */
#define MAX_MERGES      100000  /* merged ranges of a sheet, as xlsx.c */
#define MAX_RECORD      8224    /* a BIFF8 record's data */
#define MAX_CONTINUES   65536   /* CONTINUE records of the SST */
#define BIFF_ROWS       65536   /* rows of a BIFF8 sheet */
#define BIFF8_VERSION   0x0600
#define BOF_GLOBALS     0x0005
#define BOF_WORKSHEET   0x0010
#define SHEET_WORKSHEET 0x00 /* BOUNDSHEET8's dt */

/* record types (MS-XLS 2.3) */
enum {
	R_FORMULA = 0x0006,
	R_EOF = 0x000A,
	R_DATEMODE = 0x0022,
	R_FILEPASS = 0x002F,
	R_CONTINUE = 0x003C,
	R_COLINFO = 0x007D,
	R_BOUNDSHEET = 0x0085,
	R_MULRK = 0x00BD,
	R_MULBLANK = 0x00BE,
	R_RSTRING = 0x00D6,
	R_XF = 0x00E0,
	R_MERGEDCELLS = 0x00E5,
	R_SST = 0x00FC,
	R_LABELSST = 0x00FD,
	R_BLANK = 0x0201,
	R_NUMBER = 0x0203,
	R_LABEL = 0x0204,
	R_BOOLERR = 0x0205,
	R_STRING = 0x0207,
	R_ROW = 0x0208,
	R_RK = 0x027E,
	R_FORMAT = 0x041E,
	R_BOF = 0x0809,
};
/* older BOFs: BIFF2, BIFF3, BIFF4 */
#define R_BOF2 0x0009
#define R_BOF3 0x0209
#define R_BOF4 0x0409

#define RESAVE                                                                                                     \
	"hãy mở tệp bằng Excel hoặc LibreOffice, chọn Lưu thành (Save As) Excel (.xlsx) rồi tải " \
	"lên lần nữa"

static int broken(struct error *err, const char *what)
{
	err_set(err, ERR_DOCUMENT, "tệp Excel 97–2003 (.xls) bị hỏng: %s; " RESAVE, what);
	return -1;
}

/* ---- records ---- */

struct stream {
	const unsigned char *b;
	size_t n;
};

/* The record at *at: its type, data and length; *at moved past it. False
 * at the stream's end or a record running past it. */
static bool record(const struct stream *s, size_t *at, unsigned *type, const unsigned char **d,
                   size_t *len)
{
	if (*at > s->n || s->n - *at < 4)
		return false;
	*type = cfb_le16(s->b + *at);
	*len = cfb_le16(s->b + *at + 2);
	if (*len > MAX_RECORD || *len > s->n - *at - 4)
		return false;
	*d = s->b + *at + 4;
	*at += 4 + *len;
	return true;
}

static void put_char(struct buf *b, uint32_t c)
{
	unsigned char u[4];
	utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)c, u);
	buf_put(b, (const char *)u, k > 0 ? (size_t)k : 0);
}

/* n characters at p (one byte each, Latin-1, or UTF-16LE when wide) into
 * b; *hi a high surrogate waiting for its pair. */
static void put_chars(struct buf *b, const unsigned char *p, size_t n, bool wide, uint32_t *hi)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t c = wide ? cfb_le16(p + 2 * i) : p[i];
		if (c >= 0xD800 && c < 0xDC00) {
			*hi = c;
			continue;
		}
		if (c >= 0xDC00 && c < 0xE000 && *hi)
			c = 0x10000 + ((*hi - 0xD800) << 10) + (c - 0xDC00);
		else if (c >= 0xD800 && c < 0xE000)
			c = 0xFFFD;
		*hi = 0;
		put_char(b, c);
	}
}

/* An XLUnicodeString (16-bit count, flags, characters) at d[0..len): its
 * text (caller frees); NULL when it runs past. */
static char *unicode_string(const unsigned char *d, size_t len)
{
	if (len < 3)
		return NULL;
	size_t cch = cfb_le16(d);
	bool wide = d[2] & 1;
	if (cch * (wide ? 2 : 1) > len - 3)
		return NULL;
	struct buf b = BUF_INIT;
	uint32_t hi = 0;
	put_chars(&b, d + 3, cch, wide, &hi);
	return buf_detach(&b);
}

/* ---- the shared strings (SST and its CONTINUE records) ---- */

struct segments {
	const unsigned char *d[MAX_CONTINUES + 1];
	size_t len[MAX_CONTINUES + 1];
	size_t n;
	size_t seg, at; /* the cursor */
};

/* k bytes at the cursor, across segments, into out (NULL: skipped). */
static bool seg_bytes(struct segments *g, unsigned char *out, size_t k)
{
	while (k) {
		if (g->seg >= g->n)
			return false;
		size_t left = g->len[g->seg] - g->at;
		if (!left) {
			g->seg++;
			g->at = 0;
			continue;
		}
		size_t t = left < k ? left : k;
		if (out) {
			memcpy(out, g->d[g->seg] + g->at, t);
			out += t;
		}
		g->at += t;
		k -= t;
	}
	return true;
}

/* One XLUnicodeRichExtendedString at the cursor into b: its characters,
 * which may go on in the next segment after a new flags byte; its
 * formatting runs and phonetic data skipped. */
static bool sst_string(struct segments *g, struct buf *b)
{
	unsigned char h[3], x[4];
	if (!seg_bytes(g, h, 3))
		return false;
	size_t cch = cfb_le16(h), runs = 0, ext = 0;
	bool wide = h[2] & 1;
	if (h[2] & 8) {
		if (!seg_bytes(g, x, 2))
			return false;
		runs = cfb_le16(x);
	}
	if (h[2] & 4) {
		if (!seg_bytes(g, x, 4))
			return false;
		ext = cfb_le32(x);
	}
	uint32_t hi = 0;
	while (cch) {
		if (g->seg >= g->n)
			return false;
		size_t left = g->len[g->seg] - g->at;
		if (!left) { /* characters go on in a CONTINUE: its flags byte first */
			if (++g->seg >= g->n || !g->len[g->seg])
				return false;
			wide = g->d[g->seg][0] & 1;
			g->at = 1;
			continue;
		}
		size_t w = wide ? 2 : 1, k = left / w < cch ? left / w : cch;
		if (!k)
			return false; /* half a character before the segment's end */
		put_chars(b, g->d[g->seg] + g->at, k, wide, &hi);
		g->at += k * w;
		cch -= k;
	}
	return seg_bytes(g, NULL, 4 * runs) && seg_bytes(g, NULL, ext);
}

struct book {
	char **sst;
	size_t nsst;
	struct ooxml_styles *sty;
	bool date1904;
	int nsheet;
	uint32_t sheet_at[MAX_SHEETS];
	unsigned char sheet_kind[MAX_SHEETS], sheet_state[MAX_SHEETS];
	char *sheet_name[MAX_SHEETS];
	bool too_many_sheets;
};

/* The SST record d[0..len) and the CONTINUE records after it (from *at). */
static int read_sst(struct book *bk, const struct stream *s, size_t *at, const unsigned char *d,
                    size_t len, struct error *err)
{
	if (bk->sst)
		return broken(err, "có hai bảng chuỗi (SST)");
	if (len < 8)
		return broken(err, "bảng chuỗi (SST) bị cắt cụt");
	struct segments *g = xcalloc(1, sizeof *g);
	g->d[0] = d + 8;
	g->len[0] = len - 8;
	g->n = 1;
	size_t next = *at;
	unsigned type;
	const unsigned char *cd;
	size_t clen;
	while (record(s, &next, &type, &cd, &clen) && type == R_CONTINUE) {
		if (g->n > MAX_CONTINUES) {
			free(g);
			return broken(err, "bảng chuỗi (SST) có quá nhiều bản ghi CONTINUE");
		}
		g->d[g->n] = cd;
		g->len[g->n++] = clen;
		*at = next;
	}
	uint32_t count = cfb_le32(d + 4);
	size_t bytes = 0; /* each string takes 3 bytes at least */
	for (size_t i = 0; i < g->n; i++)
		bytes += g->len[i];
	int rc = 0;
	if (count > MAX_STRINGS || count > bytes / 3) {
		rc = broken(err, "bảng chuỗi (SST) ghi số chuỗi lớn hơn dữ liệu của nó");
		goto out;
	}
	bk->sst = xcalloc(count ? count : 1, sizeof *bk->sst);
	struct buf b = BUF_INIT;
	for (uint32_t i = 0; i < count; i++) {
		buf_reset(&b);
		if (!sst_string(g, &b)) {
			buf_free(&b);
			rc = broken(err,
			            "bảng chuỗi (SST) bị cắt cụt: chuỗi vượt quá dữ liệu của nó");
			goto out;
		}
		bk->sst[bk->nsst++] = xstrdup(buf_str(&b));
	}
	buf_free(&b);
out:
	free(g);
	return rc;
}

/* The workbook globals: BOF, FILEPASS, DATEMODE, FORMAT, XF, BOUNDSHEET8,
 * SST, up to EOF. */
static int read_globals(struct book *bk, const struct stream *s, struct error *err)
{
	size_t at = 0;
	unsigned type;
	const unsigned char *d;
	size_t len;
	if (!record(s, &at, &type, &d, &len))
		return broken(err, "luồng Workbook trống hoặc bị cắt cụt");
	if (type == R_BOF2 || type == R_BOF3 || type == R_BOF4 ||
	    (type == R_BOF && len >= 4 && cfb_le16(d) < BIFF8_VERSION)) {
		err_set(err, ERR_DOCUMENT,
		        "tệp Excel 5.0/95 (hoặc cũ hơn) là định dạng chitieu không đọc "
		        "được; " RESAVE);
		return -1;
	}
	if (type != R_BOF || len < 4 || cfb_le16(d + 2) != BOF_GLOBALS)
		return broken(err, "luồng Workbook không bắt đầu bằng bản ghi BOF của sổ tính");
	for (;;) {
		if (!record(s, &at, &type, &d, &len))
			return broken(err, "phần đầu sổ tính bị cắt cụt (không có bản ghi EOF)");
		switch (type) {
		case R_EOF:
			return 0;
		case R_FILEPASS:
			err_set(err, ERR_DOCUMENT,
			        "tệp Excel 97–2003 (.xls) này có mật khẩu (được mã hóa) nên không "
			        "đọc "
			        "được; hãy mở tệp bằng Excel, gỡ mật khẩu, chọn Lưu thành (Save "
			        "As) Excel "
			        "(.xlsx) rồi tải lên lần nữa");
			return -1;
		case R_DATEMODE:
			if (len >= 2)
				bk->date1904 = cfb_le16(d) == 1;
			break;
		case R_FORMAT:
			if (len >= 2) {
				char *code = unicode_string(d + 2, len - 2);
				if (code)
					ooxml_styles_format(bk->sty, (int)cfb_le16(d), code);
				free(code);
			}
			break;
		case R_XF:
			ooxml_styles_xf(bk->sty, len >= 4 ? (int)cfb_le16(d + 2) : -1);
			break;
		case R_BOUNDSHEET:
			if (len < 8)
				return broken(err, "bản ghi trang tính (BOUNDSHEET8) bị cắt cụt");
			if (bk->nsheet == MAX_SHEETS) {
				bk->too_many_sheets = true;
				break;
			}
			{
				int i = bk->nsheet++;
				bk->sheet_at[i] = cfb_le32(d);
				bk->sheet_state[i] = d[4] & 3;
				bk->sheet_kind[i] = d[5];
				/* a ShortXLUnicodeString: 8-bit count, flags, characters */
				size_t cch = d[6];
				bool wide = d[7] & 1;
				struct buf b = BUF_INIT;
				uint32_t hi = 0;
				if (cch * (wide ? 2 : 1) <= len - 8)
					put_chars(&b, d + 8, cch, wide, &hi);
				bk->sheet_name[i] = buf_detach(&b);
				if (!bk->sheet_name[i])
					bk->sheet_name[i] = xstrdup("");
			}
			break;
		case R_SST:
			if (read_sst(bk, s, &at, d, len, err))
				return -1;
			break;
		default:
			break;
		}
	}
}

/* ---- a sheet ---- */

struct sheet {
	const struct book *bk;
	struct ooxml_srow *rows;
	size_t n, cap;
	int32_t *index;             /* BIFF row -> rows' entry + 1 (0: none yet) */
	bool *hidden;               /* BIFF row hidden (ROW's fDyZero) */
	size_t *total;              /* rows of the workbook so far */
	struct ooxml_merge *merges; /* MERGEDCELLS */
	size_t nmerge, capmerge;
	bool colhid[MAX_COLS];
	bool cut; /* columns or rows past the limits */
};

/* The cell at BIFF row r (0-based), column c set to text (taken). */
static void put_cell(struct sheet *sh, unsigned r, unsigned c, char *text)
{
	if (c >= MAX_COLS || r >= BIFF_ROWS) {
		sh->cut = true;
		free(text);
		return;
	}
	if (!sh->index[r]) {
		if (*sh->total >= MAX_ROWS) {
			sh->cut = true;
			free(text);
			return;
		}
		sh->rows = xgrow(sh->rows, &sh->cap, sh->n + 1, sizeof *sh->rows);
		sh->rows[sh->n] = (struct ooxml_srow){(int)r + 1, 0, sh->hidden[r],
		                                      xcalloc(MAX_COLS, sizeof(char *))};
		sh->index[r] = (int32_t)++sh->n;
		(*sh->total)++;
	}
	struct ooxml_srow *x = &sh->rows[sh->index[r] - 1];
	free(x->cell[c]);
	x->cell[c] = text;
	if ((int)c + 1 > x->n)
		x->n = (int)c + 1;
}

/* A number cell as its cell format xf shows it. */
static char *show(const struct sheet *sh, unsigned xf, double v)
{
	char s[40];
	snprintf(s, sizeof s, "%.17g", v);
	return ooxml_show_number(sh->bk->sty, (int)xf, s, sh->bk->date1904);
}

/* An RK number (MS-XLS 2.5.217): a 30-bit integer or the top of a double,
 * maybe divided by 100. */
static double rk_value(uint32_t rk)
{
	double v;
	if (rk & 2) {
		v = (double)((int32_t)rk >> 2);
	} else {
		uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;
		memcpy(&v, &bits, sizeof v);
	}
	return rk & 1 ? v / 100 : v;
}

static double le_double(const unsigned char *p)
{
	uint64_t bits = (uint64_t)cfb_le32(p) | (uint64_t)cfb_le32(p + 4) << 32;
	double v;
	memcpy(&v, &bits, sizeof v);
	return v;
}

/* An error value's text as Excel shows it. */
static const char *error_text(unsigned e)
{
	switch (e) {
	case 0x00:
		return "#NULL!";
	case 0x07:
		return "#DIV/0!";
	case 0x0F:
		return "#VALUE!";
	case 0x17:
		return "#REF!";
	case 0x1D:
		return "#NAME?";
	case 0x24:
		return "#NUM!";
	case 0x2A:
		return "#N/A";
	default:
		return "#N/A";
	}
}

/* One cell record of a worksheet. The string of a formula's STRING record
 * goes to the formula's cell (*fr, *fc; *pending while it waits). */
static int sheet_record(struct sheet *sh, unsigned type, const unsigned char *d, size_t len,
                        bool *pending, unsigned *fr, unsigned *fc, struct error *err)
{
	switch (type) {
	case R_LABELSST:
		if (len >= 10) {
			uint32_t i = cfb_le32(d + 6);
			put_cell(sh, cfb_le16(d), cfb_le16(d + 2),
			         xstrdup(i < sh->bk->nsst ? sh->bk->sst[i] : ""));
		}
		break;
	case R_LABEL:
	case R_RSTRING:
		if (len >= 6) {
			char *t = unicode_string(d + 6, len - 6);
			if (!t)
				return broken(err, "ô chữ (LABEL) bị cắt cụt");
			put_cell(sh, cfb_le16(d), cfb_le16(d + 2), t);
		}
		break;
	case R_NUMBER:
		if (len >= 14)
			put_cell(sh, cfb_le16(d), cfb_le16(d + 2),
			         show(sh, cfb_le16(d + 4), le_double(d + 6)));
		break;
	case R_RK:
		if (len >= 10)
			put_cell(sh, cfb_le16(d), cfb_le16(d + 2),
			         show(sh, cfb_le16(d + 4), rk_value(cfb_le32(d + 6))));
		break;
	case R_MULRK:
		if (len >= 6) {
			unsigned r = cfb_le16(d), c = cfb_le16(d + 2);
			for (size_t at = 4; at + 6 <= len - 2; at += 6, c++)
				put_cell(
				        sh, r, c,
				        show(sh, cfb_le16(d + at), rk_value(cfb_le32(d + at + 2))));
		}
		break;
	case R_BOOLERR:
		if (len >= 8)
			put_cell(sh, cfb_le16(d), cfb_le16(d + 2),
			         xstrdup(d[7]   ? error_text(d[6])
			                 : d[6] ? OOXML_TRUE
			                        : OOXML_FALSE));
		break;
	case R_BLANK:
		if (len >= 6)
			put_cell(sh, cfb_le16(d), cfb_le16(d + 2), xstrdup(""));
		break;
	case R_MULBLANK:
		if (len >= 6) {
			unsigned r = cfb_le16(d), c = cfb_le16(d + 2);
			for (size_t at = 4; at + 2 <= len - 2; at += 2, c++)
				put_cell(sh, r, c, xstrdup(""));
		}
		break;
	case R_FORMULA:
		if (len >= 20) {
			unsigned r = cfb_le16(d), c = cfb_le16(d + 2);
			const unsigned char *v = d + 6;
			if (cfb_le16(v + 6) != 0xFFFF)
				put_cell(sh, r, c, show(sh, cfb_le16(d + 4), le_double(v)));
			else if (v[0] == 0) { /* a string: the STRING record after it */
				*pending = true;
				*fr = r;
				*fc = c;
			} else if (v[0] == 1)
				put_cell(sh, r, c, xstrdup(v[2] ? OOXML_TRUE : OOXML_FALSE));
			else if (v[0] == 2)
				put_cell(sh, r, c, xstrdup(error_text(v[2])));
			else
				put_cell(sh, r, c, xstrdup(""));
		}
		break;
	case R_STRING:
		if (*pending) {
			char *t = unicode_string(d, len);
			if (!t)
				return broken(err, "kết quả chữ của công thức (STRING) bị cắt cụt");
			put_cell(sh, *fr, *fc, t);
			*pending = false;
		}
		break;
	case R_ROW:
		if (len >= 16 && cfb_le16(d) < BIFF_ROWS) {
			unsigned r = cfb_le16(d);
			sh->hidden[r] = cfb_le16(d + 12) & 0x20;
			if (sh->index[r])
				sh->rows[sh->index[r] - 1].hidden = sh->hidden[r];
		}
		break;
	case R_COLINFO:
		if (len >= 10 && cfb_le16(d + 8) & 1)
			for (unsigned c = cfb_le16(d); c <= cfb_le16(d + 2) && c < MAX_COLS; c++)
				sh->colhid[c] = true;
		break;
	case R_MERGEDCELLS:
		if (len >= 2) {
			size_t k = cfb_le16(d);
			for (size_t i = 0;
			     i < k && 2 + 8 * (i + 1) <= len && sh->nmerge < MAX_MERGES; i++) {
				const unsigned char *m = d + 2 + 8 * i;
				struct ooxml_merge g = {(int)cfb_le16(m) + 1, (int)cfb_le16(m + 4),
				                        (int)cfb_le16(m + 2) + 1,
				                        (int)cfb_le16(m + 6)};
				if (g.r2 < g.r1 || g.c2 < g.c1)
					continue;
				sh->merges = xgrow(sh->merges, &sh->capmerge, sh->nmerge + 1,
				                   sizeof *sh->merges);
				sh->merges[sh->nmerge++] = g;
			}
		}
		break;
	default:
		break;
	}
	return 0;
}

/* The worksheet whose BOF is at offset at: its records up to its EOF
 * (charts and other substreams within it skipped). */
static int read_sheet(struct sheet *sh, const struct stream *s, size_t at, const char *name,
                      struct error *err)
{
	unsigned type;
	const unsigned char *d;
	size_t len;
	char what[200];
	if (!record(s, &at, &type, &d, &len) || type != R_BOF || len < 4 ||
	    cfb_le16(d + 2) != BOF_WORKSHEET) {
		snprintf(what, sizeof what, "trang tính “%s” không bắt đầu bằng bản ghi BOF", name);
		return broken(err, what);
	}
	int depth = 0;
	bool pending = false;
	unsigned fr = 0, fc = 0;
	for (;;) {
		if (!record(s, &at, &type, &d, &len)) {
			snprintf(what, sizeof what,
			         "trang tính “%s” bị cắt cụt (không có bản ghi EOF)", name);
			return broken(err, what);
		}
		if (type == R_BOF) {
			depth++;
		} else if (type == R_EOF) {
			if (!depth--)
				return 0;
		} else if (!depth && sheet_record(sh, type, d, len, &pending, &fr, &fc, err)) {
			return -1;
		}
	}
}

static void sheet_free(struct sheet *sh)
{
	ooxml_srows_free(sh->rows, sh->n);
	free(sh->merges);
	free(sh->index);
	free(sh->hidden);
}

static void book_free(struct book *bk)
{
	for (size_t i = 0; i < bk->nsst; i++)
		free(bk->sst[i]);
	free(bk->sst);
	ooxml_styles_free(bk->sty);
	for (int i = 0; i < bk->nsheet; i++)
		free(bk->sheet_name[i]);
}

static int read_book(const struct stream *s, struct ooxml_doc *doc, struct plan *p,
                     struct error *err)
{
	struct book bk = {.sty = ooxml_styles_new()};
	int rc = read_globals(&bk, s, err);
	size_t total = 0;
	bool cut = false;
	for (int i = 0; !rc && i < bk.nsheet; i++) {
		if (bk.sheet_kind[i] != SHEET_WORKSHEET)
			continue; /* a chart, a macro or a module sheet: no cells */
		struct sheet sh = {.bk = &bk, .total = &total};
		sh.index = xcalloc(BIFF_ROWS, sizeof *sh.index);
		sh.hidden = xcalloc(BIFF_ROWS, sizeof *sh.hidden);
		rc = read_sheet(&sh, s, bk.sheet_at[i], bk.sheet_name[i], err);
		if (!rc) { /* what Excel shows; a hidden sheet not read, but said */
			ooxml_merge_rows(sh.rows, sh.n, sh.merges, sh.nmerge);
			ooxml_sheet(doc, p, bk.sheet_name[i], bk.sheet_state[i] != 0, i + 1,
			            sh.rows, sh.n, sh.colhid, 0, false);
		}
		cut |= sh.cut;
		sheet_free(&sh);
	}
	if (!rc && cut)
		plan_warn(p, 0, "Bảng tính quá lớn: chỉ đọc %d cột đầu và %d dòng đầu", MAX_COLS,
		          MAX_ROWS);
	if (!rc && bk.too_many_sheets)
		plan_warn(p, 0, "Sổ tính có quá %d trang tính: chỉ đọc %d trang đầu", MAX_SHEETS,
		          MAX_SHEETS);
	if (!rc && bk.nsheet == 0) {
		err_set(err, ERR_DOCUMENT,
		        "tệp Excel không có trang tính nào; hãy nhập phụ lục chỉ tiêu vào một "
		        "trang tính rồi tải lên lần nữa");
		rc = -1;
	}
	book_free(&bk);
	return rc;
}

int xls_read_plan(struct cfb *c, struct lines *l, struct rows *r, struct plan *p, struct error *err)
{
	size_t n;
	char *wb = cfb_read(c, "Workbook", &n, err);
	if (!wb && !err_is(err) && cfb_has(c, "Book")) {
		err_set(err, ERR_DOCUMENT,
		        "tệp Excel 5.0/95 (hoặc cũ hơn) là định dạng chitieu không đọc "
		        "được; " RESAVE);
		return -1;
	}
	if (!wb) {
		if (!err_is(err))
			err_set(err, ERR_DOCUMENT,
			        "tệp Office 97–2003 (OLE2) này không phải sổ tính Excel: không có "
			        "luồng Workbook; hãy tải lên chính tệp kế hoạch");
		return -1;
	}
	struct ooxml_doc d = {l, r, false};
	struct stream s = {(const unsigned char *)wb, n};
	int rc = read_book(&s, &d, p, err);
	free(wb);
	return rc;
}
