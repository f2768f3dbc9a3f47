/* xlsx.c: an Excel workbook's sheets as lines and rows. Each sheet is one
 * table (its number in the workbook), each spreadsheet row a row (its own
 * row number). Text cells come from the shared strings or inline; number
 * cells are written as the sheet shows them in Vietnamese ("70", "0,7",
 * percent formats as "95%", dates by their format's day, month and year:
 * "31/12/2025"). A merged range keeps its text in its first
 * cell: the columns it spans are empty, the rows below repeat the text in
 * its first column. A row whose only text is in the sheet's first column
 * is running text (titles, "Nơi nhận"), not a table row. */
#include "ooxml.h"

#include "figure.h"
#include "xlsx_sheet.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS    OOXML_MAX_COLS
#define MAX_ROWS    200000 /* rows of the whole workbook */
#define MAX_SHEETS  64
#define MAX_STRINGS 2000000 /* shared strings */
#define MAX_FILLS   4000000 /* cells filled in by merged ranges */
#define MAX_FORMATS 256     /* number formats that show numbers otherwise than as written */
#define MAX_XFS     65536   /* cell formats */

struct strings {
	char **v;
	size_t n, cap;
	struct buf cur;
	bool in_si, in_t, in_rph;
};

static void sst_start(void *ud, const char *name, const char **attr)
{
	struct strings *s = ud;
	if (!strcmp(name, "si")) {
		s->in_si = true;
		buf_reset(&s->cur);
	} else if (!strcmp(name, "t") && s->in_si && !s->in_rph) {
		s->in_t = true;
	} else if (!strcmp(name, "rPh")) {
		s->in_rph = true; /* phonetic guide: not the cell's text */
	}
}

static void sst_end(void *ud, const char *name)
{
	struct strings *s = ud;
	if (!strcmp(name, "t")) {
		s->in_t = false;
	} else if (!strcmp(name, "rPh")) {
		s->in_rph = false;
	} else if (!strcmp(name, "si") && s->in_si) {
		s->in_si = false;
		if (s->n < MAX_STRINGS) {
			s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
			s->v[s->n++] = xstrdup(buf_str(&s->cur));
		}
	}
}

static void sst_text(void *ud, const char *t, int len)
{
	struct strings *s = ud;
	if (s->in_t)
		buf_put(&s->cur, t, (size_t)len);
}

/* A custom number format (numFmt) that shows a number other than as
 * written: as a percentage, a date (1: with its day, 2: a month and year
 * only, its code kept), or with at least zeros integer digits ("00"). */
struct numfmt {
	int id;
	bool percent;
	unsigned char date;
	unsigned char zeros;
	char *code; /* a date's */
};

/* A cell format (cellXfs entry): its numFmtId and what it shows. */
struct xf {
	int fmt;
	bool percent;
	unsigned char date;
	unsigned char digits;
};

struct ooxml_styles {
	struct xf *xf; /* per cellXfs index */
	size_t n, cap;
	struct numfmt custom[MAX_FORMATS];
	int ncustom;
	bool in_xfs;
};

static const struct numfmt *custom_fmt(const struct ooxml_styles *st, int id)
{
	for (int i = 0; i < st->ncustom; i++)
		if (st->custom[i].id == id)
			return &st->custom[i];
	return NULL;
}

/* The date kind of number format id: the built-in dates (14-17, 22) and
 * the custom codes read in. */
static unsigned char fmt_date(const struct ooxml_styles *st, int id)
{
	if (id == 17)
		return 2; /* mmm-yy */
	if ((id >= 14 && id <= 16) || id == 22)
		return 1;
	const struct numfmt *f = custom_fmt(st, id);
	return f ? f->date : 0;
}

/* A custom format code's date kind: a 'y' or 'd' outside quotes, brackets
 * and escapes makes a date; without a 'd', a month and year. */
static unsigned char code_date(const char *code)
{
	bool quoted = false, y = false, d = false;
	int bracket = 0;
	for (const char *c = code; *c; c++) {
		if (*c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*c == '\\' && c[1])
			c++;
		else if (*c == '[')
			bracket++;
		else if (*c == ']' && bracket)
			bracket--;
		else if (!bracket && (*c == 'y' || *c == 'Y'))
			y = true;
		else if (!bracket && (*c == 'd' || *c == 'D'))
			d = true;
	}
	return d ? 1 : y ? 2 : 0;
}

/* A format code that is only a run of zeros ("00", "000": an integer
 * shown with as many digits at least, "02"): its length, else 0. */
static unsigned char code_zeros(const char *code)
{
	size_t n = strspn(code, "0");
	return n >= 2 && n < 16 && !code[n] ? (unsigned char)n : 0;
}

/* A '%' outside quotes. */
static bool code_percent(const char *code)
{
	bool quoted = false;
	for (const char *c = code; *c; c++) {
		if (*c == '"')
			quoted = !quoted;
		else if (*c == '%' && !quoted)
			return true;
	}
	return false;
}

static bool fmt_percent(const struct ooxml_styles *st, int id)
{
	const struct numfmt *f = custom_fmt(st, id);
	return id == 9 || id == 10 || (f && f->percent);
}

static void sty_start(void *ud, const char *name, const char **attr)
{
	struct ooxml_styles *st = ud;
	if (!strcmp(name, "numFmt")) {
		const char *code = ooxml_attr(attr, "formatCode"),
		           *id = ooxml_attr(attr, "numFmtId");
		if (code && id)
			ooxml_styles_format(st, atoi(id), code);
	} else if (!strcmp(name, "cellXfs")) {
		st->in_xfs = true;
	} else if (!strcmp(name, "xf") && st->in_xfs) {
		const char *id = ooxml_attr(attr, "numFmtId");
		ooxml_styles_xf(st, id ? atoi(id) : -1);
	}
}

void ooxml_styles_format(struct ooxml_styles *st, int id, const char *code)
{
	if (st->ncustom == MAX_FORMATS)
		return;
	struct numfmt f = {.id = id, .percent = code_percent(code)};
	f.date = f.percent ? 0 : code_date(code);
	f.zeros = code_zeros(code);
	if (f.percent || f.date || f.zeros) {
		f.code = f.date ? xstrdup(code) : NULL;
		st->custom[st->ncustom++] = f;
	}
}

void ooxml_styles_xf(struct ooxml_styles *st, int fmt)
{
	if (st->n >= MAX_XFS)
		return;
	const struct numfmt *f = fmt >= 0 ? custom_fmt(st, fmt) : NULL;
	st->xf = xgrow(st->xf, &st->cap, st->n + 1, sizeof *st->xf);
	st->xf[st->n++] = (struct xf){.fmt = fmt < 0 ? 0 : fmt,
	                              .percent = fmt >= 0 && fmt_percent(st, fmt),
	                              .date = fmt >= 0 ? fmt_date(st, fmt) : 0,
	                              .digits = f ? f->zeros : 0};
}

struct ooxml_styles *ooxml_styles_new(void)
{
	return xcalloc(1, sizeof(struct ooxml_styles));
}

void ooxml_styles_free(struct ooxml_styles *st)
{
	if (!st)
		return;
	free(st->xf);
	for (int i = 0; i < st->ncustom; i++)
		free(st->custom[i].code);
	free(st);
}

static void sty_end(void *ud, const char *name)
{
	struct ooxml_styles *st = ud;
	if (!strcmp(name, "cellXfs"))
		st->in_xfs = false;
}

/* ---- a sheet ---- */

struct sheet {
	const struct strings *sst;
	const struct ooxml_styles *sty;
	struct ooxml_srow *rows; /* cell: MAX_COLS; n: up to the last one set */
	size_t n, cap;
	size_t *total; /* rows of the workbook so far */
	struct ooxml_merge *merges;
	size_t nmerge, capmerge;
	/* the cell being read */
	bool in_row, in_c, in_v, in_is_t;
	int col;
	char type[16];
	int style;
	struct buf v;
	bool cut;              /* columns or rows past the limits */
	bool colhid[MAX_COLS]; /* columns hidden (<col hidden="1">) */
	bool raw;              /* numbers and booleans as stored (xlsx_sheet_csv), not as shown */
	bool date1904;         /* the workbook counts its dates from 1904 */
};

/* The format of the cell being read; NULL when its style is none read. */
static const struct xf *cell_xf(const struct sheet *sh)
{
	return sh->style >= 0 && (size_t)sh->style < sh->sty->n ? &sh->sty->xf[sh->style] : NULL;
}

/* "AB12" -> column 27 (0-based), row 12; false when not a reference. */
static bool cell_ref(const char *s, int *col, int *row)
{
	long c = 0;
	const char *p = s;
	while (isupper((unsigned char)*p) && c < 100000)
		c = c * 26 + (*p++ - 'A' + 1);
	if (p == s || !isdigit((unsigned char)*p))
		return false;
	long r = strtol(p, NULL, 10);
	if (r < 1 || r > 10000000 || c > 100000)
		return false;
	*col = (int)c - 1;
	*row = (int)r;
	return true;
}

static void sheet_start(void *ud, const char *name, const char **attr)
{
	struct sheet *sh = ud;
	if (!strcmp(name, "row")) {
		if (*sh->total >= MAX_ROWS) {
			sh->cut = true;
			return;
		}
		const char *r = ooxml_attr(attr, "r");
		long rn = r ? strtol(r, NULL, 10) : 0;
		if (rn < 1 || rn > 10000000)
			rn = sh->n ? sh->rows[sh->n - 1].r + 1 : 1;
		sh->rows = xgrow(sh->rows, &sh->cap, sh->n + 1, sizeof *sh->rows);
		struct ooxml_srow *x = &sh->rows[sh->n++];
		*x = (struct ooxml_srow){(int)rn, 0, ooxml_true(ooxml_attr(attr, "hidden")),
		                         xcalloc(MAX_COLS, sizeof *x->cell)};
		(*sh->total)++;
		sh->in_row = true;
		sh->col = 0;
	} else if (!strcmp(name, "c") && sh->in_row) {
		sh->in_c = true;
		const char *r = ooxml_attr(attr, "r"), *t = ooxml_attr(attr, "t"),
		           *s = ooxml_attr(attr, "s");
		int c, rr;
		if (r && cell_ref(r, &c, &rr))
			sh->col = c;
		snprintf(sh->type, sizeof sh->type, "%s", t ? t : "n");
		sh->style = s ? atoi(s) : 0;
		buf_reset(&sh->v);
	} else if (sh->in_c && !strcmp(name, "v")) {
		sh->in_v = true;
	} else if (sh->in_c && !strcmp(name, "t")) {
		sh->in_is_t = true; /* <is><t> or <is><r><t> */
	} else if (!strcmp(name, "col") && ooxml_true(ooxml_attr(attr, "hidden"))) {
		const char *lo = ooxml_attr(attr, "min"), *hi = ooxml_attr(attr, "max");
		long a = lo ? strtol(lo, NULL, 10) : 0, b = hi ? strtol(hi, NULL, 10) : a;
		for (long c = a < 1 ? 1 : a; c <= b && c <= MAX_COLS; c++)
			sh->colhid[c - 1] = true;
	} else if (!strcmp(name, "mergeCell") && sh->nmerge < 100000) {
		const char *ref = ooxml_attr(attr, "ref");
		const char *colon = ref ? strchr(ref, ':') : NULL;
		struct ooxml_merge m;
		if (colon && cell_ref(ref, &m.c1, &m.r1) && cell_ref(colon + 1, &m.c2, &m.r2) &&
		    m.r2 >= m.r1 && m.c2 >= m.c1) {
			sh->merges = xgrow(sh->merges, &sh->capmerge, sh->nmerge + 1,
			                   sizeof *sh->merges);
			sh->merges[sh->nmerge++] = m;
		}
	}
}

/* A number as the sheet shows it to a Vietnamese reader: up to 15
 * significant digits, a decimal comma, no grouping. */
static char *show_number(const char *v, bool percent)
{
	char *end;
	double d = strtod(v, &end);
	if (end == v || *end || !isfinite(d))
		return xstrdup(v);
	if (percent)
		d *= 100;
	char s[64];
	snprintf(s, sizeof s, "%.15g", d);
	if (strchr(s, 'e'))
		return xstrdup(v);
	for (char *c = s; *c; c++)
		if (*c == '.')
			*c = ',';
	return percent ? xasprintf("%s%%", s) : xstrdup(s);
}

/* An integer's text s ("2") as a format of at least digits integer digits
 * shows it ("02"); any other text as it is. */
static char *zero_padded(char *s, unsigned char digits)
{
	size_t n = strlen(s);
	if (!n || n >= digits || strspn(s, "0123456789") != n)
		return s;
	char *t = xasprintf("%0*d%s", (int)(digits - n), 0, s);
	free(s);
	return t;
}

static char *raw_number(const char *v);
static char *raw_percent(const char *v);
static char *raw_date(const char *v, unsigned char kind, bool date1904);
static bool civil(const char *v, bool date1904, long *y, long *m, long *day);

/* The code a date format id shows its dates with: a custom one's own;
 * the built-in short date (14) as a Vietnamese Excel shows it. */
static const char *date_code(const struct ooxml_styles *st, int id)
{
	if (id == 14)
		return "dd/mm/yyyy";
	const struct numfmt *f = custom_fmt(st, id);
	return f && f->code ? f->code : "";
}

/* A date cell as its format shows it: "d", "dd", "m", "mm", "yy", "yyyy"
 * and the separators between them ("d/m/yyyy" -> "30/6/2026"); a code
 * with anything else (month names, hours) as the ISO date, and a serial
 * that is no day as stored. */
static char *show_date(const char *v, const char *code, bool date1904)
{
	long y, m, d;
	if (!civil(v, date1904, &y, &m, &d))
		return raw_number(v);
	struct buf b = BUF_INIT;
	for (const char *c = code; *c;) {
		char t = (char)tolower((unsigned char)*c);
		size_t k = 0;
		if (t == 'd' || t == 'm' || t == 'y')
			while (tolower((unsigned char)c[k]) == t)
				k++;
		if (k && t == 'd' && k <= 2)
			buf_printf(&b, k == 1 ? "%ld" : "%02ld", d);
		else if (k && t == 'm' && k <= 2)
			buf_printf(&b, k == 1 ? "%ld" : "%02ld", m);
		else if (k && t == 'y' && (k == 2 || k == 4))
			buf_printf(&b, k == 2 ? "%02ld" : "%04ld", k == 2 ? y % 100 : y);
		else if (!k && strchr("/-. ", *c))
			buf_putc(&b, *c), k = 1;
		else {
			buf_free(&b);
			return raw_date(v, 1, date1904);
		}
		c += k;
	}
	if (!b.len) {
		buf_free(&b);
		return raw_date(v, 1, date1904);
	}
	return buf_detach(&b);
}

char *ooxml_show_number(const struct ooxml_styles *st, int style, const char *v, bool date1904)
{
	const struct xf *xf = style >= 0 && (size_t)style < st->n ? &st->xf[style] : NULL;
	if (!*v)
		return xstrdup("");
	if (xf && xf->date)
		return show_date(v, date_code(st, xf->fmt), date1904);
	return zero_padded(show_number(v, xf && xf->percent), xf ? xf->digits : 0);
}

static void sheet_end(void *ud, const char *name)
{
	struct sheet *sh = ud;
	if (!strcmp(name, "row")) {
		sh->in_row = false;
	} else if (!strcmp(name, "v")) {
		sh->in_v = false;
	} else if (!strcmp(name, "t")) {
		sh->in_is_t = false;
	} else if (!strcmp(name, "c") && sh->in_c) {
		sh->in_c = false;
		int c = sh->col++;
		if (c >= MAX_COLS) {
			sh->cut = true;
			return;
		}
		const char *v = buf_str(&sh->v);
		char *text;
		if (!strcmp(sh->type, "s")) {
			char *e;
			unsigned long i = strtoul(v, &e, 10);
			text = xstrdup(e != v && !*e && i < sh->sst->n ? sh->sst->v[i] : "");
		} else if (sh->raw && (!strcmp(sh->type, "n") || !*sh->type)) {
			const struct xf *xf = cell_xf(sh);
			text = xf && xf->date      ? raw_date(v, xf->date, sh->date1904)
			       : xf && xf->percent ? raw_percent(v)
			                           : raw_number(v);
		} else if (sh->raw && !strcmp(sh->type, "b")) {
			text = xstrdup(v);
		} else if (!strcmp(sh->type, "n") || !*sh->type) {
			text = ooxml_show_number(sh->sty, sh->style, v, sh->date1904);
		} else if (!strcmp(sh->type, "b")) {
			text = xstrdup(!strcmp(v, "1")   ? OOXML_TRUE
			               : !strcmp(v, "0") ? OOXML_FALSE
			                                 : v);
		} else { /* str, inlineStr, e: the text as written */
			text = xstrdup(v);
		}
		struct ooxml_srow *x = &sh->rows[sh->n - 1];
		free(x->cell[c]);
		x->cell[c] = text;
		if (c + 1 > x->n)
			x->n = c + 1;
	}
}

static void sheet_text(void *ud, const char *s, int len)
{
	struct sheet *sh = ud;
	if (sh->in_c && (sh->in_v || sh->in_is_t))
		buf_put(&sh->v, s, (size_t)len);
}

static int cmp_row(const void *a, const void *b)
{
	const struct ooxml_srow *x = a, *y = b;
	return (x->r > y->r) - (x->r < y->r);
}

static void apply_merges(struct sheet *sh)
{
	ooxml_merge_rows(sh->rows, sh->n, sh->merges, sh->nmerge);
}

/* The rows below the first of a merged range repeat its text in the
 * range's first column (a lead agency merged down a group, say). */
void ooxml_merge_rows(struct ooxml_srow *rows, size_t n, const struct ooxml_merge *merges,
                      size_t nmerge)
{
	xqsort(rows, n, sizeof *rows, cmp_row);
	size_t fills = 0;
	for (size_t m = 0; m < nmerge; m++) {
		const struct ooxml_merge *g = &merges[m];
		if (g->r2 == g->r1 || g->c1 >= MAX_COLS)
			continue;
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (rows[mid].r < g->r1)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo >= n || rows[lo].r != g->r1 || !rows[lo].cell[g->c1])
			continue;
		const char *text = rows[lo].cell[g->c1];
		for (size_t i = lo + 1; i < n && rows[i].r <= g->r2; i++) {
			if (++fills > MAX_FILLS)
				return;
			struct ooxml_srow *x = &rows[i];
			if (x->cell[g->c1] && *x->cell[g->c1])
				continue;
			free(x->cell[g->c1]);
			x->cell[g->c1] = xstrdup(text);
			if (g->c1 + 1 > x->n)
				x->n = g->c1 + 1;
		}
	}
}

void ooxml_srows_free(struct ooxml_srow *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (int c = 0; c < MAX_COLS; c++)
			free(rows[i].cell[c]);
		free(rows[i].cell);
	}
	free(rows);
}

static void sheet_free(struct sheet *sh)
{
	ooxml_srows_free(sh->rows, sh->n);
	free(sh->merges);
	buf_free(&sh->v);
}

/* ---- the workbook ---- */

struct book {
	bool date1904;
	char *sheet_rid[MAX_SHEETS];
	char *sheet_name[MAX_SHEETS];
	bool sheet_hidden[MAX_SHEETS]; /* state="hidden" or "veryHidden" */
	int nsheet;
	char *rel_id[MAX_SHEETS * 4], *rel_target[MAX_SHEETS * 4];
	int nrel;
};

static void book_start(void *ud, const char *name, const char **attr)
{
	struct book *b = ud;
	if (!strcmp(name, "workbookPr")) {
		b->date1904 = ooxml_true(ooxml_attr(attr, "date1904"));
	}
	if (!strcmp(name, "sheet") && b->nsheet < MAX_SHEETS) {
		const char *id = ooxml_attr(attr, "id"), *sname = ooxml_attr(attr, "name"),
		           *state = ooxml_attr(attr, "state");
		b->sheet_hidden[b->nsheet] = state && strcmp(state, "visible");
		b->sheet_name[b->nsheet] = xstrdup(sname ? sname : "");
		b->sheet_rid[b->nsheet++] = xstrdup(id ? id : "");
	}
}

static void rels_start(void *ud, const char *name, const char **attr)
{
	struct book *b = ud;
	const char *id = ooxml_attr(attr, "Id"), *target = ooxml_attr(attr, "Target");
	if (!strcmp(name, "Relationship") && id && target && b->nrel < MAX_SHEETS * 4) {
		b->rel_id[b->nrel] = xstrdup(id);
		b->rel_target[b->nrel++] = xstrdup(target);
	}
}

/* The part name of sheet i: through the workbook's relationships, else the
 * usual xl/worksheets/sheetN.xml. */
static char *sheet_part(const struct book *b, int i)
{
	for (int k = 0; k < b->nrel; k++) {
		if (strcmp(b->rel_id[k], b->sheet_rid[i]))
			continue;
		const char *t = b->rel_target[k];
		if (t[0] == '/')
			return xstrdup(t + 1);
		return xasprintf("xl/%s", t);
	}
	return xasprintf("xl/worksheets/sheet%d.xml", i + 1);
}

static int parse_part(struct ooxml *z, const char *part, const struct ooxml_sax *sax, bool required,
                      struct error *err)
{
	size_t n;
	char *xml = ooxml_read(z, part, &n, err);
	if (!xml) {
		if (err_is(err))
			return -1;
		if (required)
			err_set(err, ERR_DOCUMENT,
			        "tệp Excel thiếu phần %s; hãy mở bằng Excel, lưu lại rồi tải "
			        "lên lần nữa",
			        part);
		return required ? -1 : 0;
	}
	int rc = ooxml_parse(xml, n, part, sax, err);
	free(xml);
	return rc;
}

/* What reading the workbook's shared parts allocated. */
static void parts_free(struct strings *sst, struct ooxml_styles *sty, struct book *book)
{
	for (size_t i = 0; i < sst->n; i++)
		free(sst->v[i]);
	free(sst->v);
	buf_free(&sst->cur);
	free(sty->xf);
	for (int i = 0; i < sty->ncustom; i++)
		free(sty->custom[i].code);
	for (int i = 0; i < book->nsheet; i++) {
		free(book->sheet_rid[i]);
		free(book->sheet_name[i]);
	}
	for (int i = 0; i < book->nrel; i++) {
		free(book->rel_id[i]);
		free(book->rel_target[i]);
	}
}

int xlsx_read(struct ooxml *z, struct ooxml_doc *d, struct plan *p, struct error *err)
{
	struct strings sst = {.cur = BUF_INIT};
	struct ooxml_styles sty = {0};
	struct book book = {0};
	int rc = -1;
	size_t total = 0;
	bool cut = false;
	struct ooxml_sax s1 = {book_start, NULL, NULL, &book};
	struct ooxml_sax s2 = {rels_start, NULL, NULL, &book};
	struct ooxml_sax s3 = {sst_start, sst_end, sst_text, &sst};
	struct ooxml_sax s4 = {sty_start, sty_end, NULL, &sty};
	if (parse_part(z, "xl/workbook.xml", &s1, true, err) ||
	    parse_part(z, "xl/_rels/workbook.xml.rels", &s2, false, err) ||
	    parse_part(z, "xl/sharedStrings.xml", &s3, false, err) ||
	    parse_part(z, "xl/styles.xml", &s4, false, err))
		goto out;
	for (int i = 0; i < book.nsheet; i++) {
		struct sheet sh = {.sst = &sst, .sty = &sty, .total = &total, .v = BUF_INIT};
		struct ooxml_sax ss = {sheet_start, sheet_end, sheet_text, &sh};
		char *part = sheet_part(&book, i);
		int r = parse_part(z, part, &ss, false, err);
		free(part);
		if (!r) { /* what Excel shows; a hidden sheet not read, but said */
			apply_merges(&sh);
			ooxml_sheet(d, p, book.sheet_name[i], book.sheet_hidden[i], i + 1, sh.rows,
			            sh.n, sh.colhid, 0, false);
		}
		cut |= sh.cut;
		sheet_free(&sh);
		if (r)
			goto out;
	}
	if (cut)
		plan_warn(p, 0, "Bảng tính quá lớn: chỉ đọc %d cột đầu và %d dòng đầu", MAX_COLS,
		          MAX_ROWS);
	if (book.nsheet == 0) {
		err_set(err, ERR_DOCUMENT,
		        "tệp Excel không có trang tính nào; hãy nhập phụ lục chỉ tiêu vào một "
		        "trang tính rồi tải lên lần nữa");
		goto out;
	}
	rc = 0;
out:
	parts_free(&sst, &sty, &book);
	return rc;
}

/* ---- the first sheet as CSV text (xlsx_sheet.h) ---- */

/* A number cell's value as stored: kept when plain, an exponent form
 * ("1.5E-2") rewritten as figure_write's exact text. */
static char *raw_number(const char *v)
{
	if (!strpbrk(v, "eE"))
		return xstrdup(v);
	char *end;
	double d = strtod(v, &end);
	if (end == v || *end || !isfinite(d))
		return xstrdup(v);
	char s[FIGURE_SIZE];
	figure_write(d, s);
	return xstrdup(s);
}

/* A percentage cell's value as the percent it shows ("0.955" -> "95.5"),
 * the decimal point moved in the text so nothing is rounded; the value as
 * raw_number gives it when it is not plain decimal digits. */
static char *raw_percent(const char *v)
{
	char *s = raw_number(v);
	const char *p = s + (*s == '-');
	size_t ni = strspn(p, "0123456789");
	size_t nf = p[ni] == '.' ? strspn(p + ni + 1, "0123456789") : 0;
	if (!ni || (p[ni] && (p[ni] != '.' || !nf || p[ni + 1 + nf])))
		return s;
	const char *f = p[ni] == '.' ? p + ni + 1 : "";
	char two[2] = {nf > 0 ? f[0] : '0', nf > 1 ? f[1] : '0'};
	struct buf w = BUF_INIT, b = BUF_INIT;
	buf_put(&w, p, ni); /* the new whole part: the digits and two decimals */
	buf_put(&w, two, 2);
	const char *ws = buf_str(&w);
	while (*ws == '0' && ws[1])
		ws++;
	size_t rest = nf > 2 ? nf - 2 : 0;
	while (rest && f[2 + rest - 1] == '0')
		rest--;
	if (*s == '-' && (strcmp(ws, "0") || rest))
		buf_putc(&b, '-');
	buf_puts(&b, ws);
	if (rest) {
		buf_putc(&b, '.');
		buf_put(&b, f + 2, rest);
	}
	buf_free(&w);
	free(s);
	return buf_detach(&b);
}

/* A date cell's serial number as an ISO date ("2026-01-15"), or a month
 * ("2026-01") when its format shows no day; the value as stored when it is
 * not a day of years 1900-9999. Day 60 of the 1900 system is Excel's
 * 29 February 1900, which never was: kept as stored. */
static char *raw_date(const char *v, unsigned char kind, bool date1904)
{
	long y, m, day;
	if (!civil(v, date1904, &y, &m, &day))
		return raw_number(v);
	return kind == 2 ? xasprintf("%04ld-%02ld", y, m)
	                 : xasprintf("%04ld-%02ld-%02ld", y, m, day);
}

/* A date cell's serial number as its year, month and day; false when it
 * is no day of years 1900-9999 (raw_date). */
static bool civil(const char *v, bool date1904, long *yy, long *mm, long *dd)
{
	char *end;
	double d = strtod(v, &end);
	if (end == v || *end || !isfinite(d) || d < 1 || d >= 2958466 ||
	    (!date1904 && (long)d == 60))
		return false;
	long z = (long)d; /* days since 1899-12-31 (1900 system) or 1904-01-01 */
	if (date1904)
		z += 1462;
	else if (z < 60)
		z += 1;
	/* days since 1899-12-30 to days since 1970-01-01, then the civil date
	 * (Howard Hinnant's days_from_civil inverse) */
	z -= 25569;
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, day = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	*yy = y;
	*mm = m;
	*dd = day;
	return true;
}

static void csv_cell(struct buf *b, const char *s, int *line)
{
	if (!strpbrk(s, ",\"\r\n")) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		if (*s == '\n') /* csv_parse counts the lines by their LFs */
			(*line)++;
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

char *xlsx_sheet_csv(const char *data, size_t n, size_t *len, struct error *err)
{
	err_clear(err);
	if (!ooxml_sniff(data, n)) {
		err_set(err, ERR_DOCUMENT,
		        "tệp không phải bảng tính Excel (.xlsx): không có dạng nén ZIP của "
		        "Excel; hãy lưu lại bằng Excel dạng .xlsx hoặc xuất ra CSV (UTF-8)");
		return NULL;
	}
	struct ooxml *z = ooxml_open(data, n, err);
	if (!z)
		return NULL;
	struct strings sst = {.cur = BUF_INIT};
	struct ooxml_styles sty = {0};
	struct book book = {0};
	struct sheet sh = {.sst = &sst, .sty = &sty, .v = BUF_INIT, .raw = true};
	size_t total = 0;
	sh.total = &total;
	char *out = NULL;
	struct ooxml_sax s1 = {book_start, NULL, NULL, &book};
	struct ooxml_sax s2 = {rels_start, NULL, NULL, &book};
	struct ooxml_sax s3 = {sst_start, sst_end, sst_text, &sst};
	struct ooxml_sax s4 = {sty_start, sty_end, NULL, &sty};
	struct ooxml_sax ss = {sheet_start, sheet_end, sheet_text, &sh};
	if (!ooxml_has(z, "xl/workbook.xml")) {
		err_set(err, ERR_DOCUMENT,
		        "tệp nén ZIP này không phải bảng tính Excel (.xlsx); hãy chọn tệp "
		        ".xlsx hoặc .csv chứa số liệu");
		goto out;
	}
	if (parse_part(z, "xl/workbook.xml", &s1, true, err) ||
	    parse_part(z, "xl/_rels/workbook.xml.rels", &s2, false, err) ||
	    parse_part(z, "xl/sharedStrings.xml", &s3, false, err) ||
	    parse_part(z, "xl/styles.xml", &s4, false, err))
		goto out;
	sh.date1904 = book.date1904;
	if (book.nsheet == 0) {
		err_set(err, ERR_DOCUMENT,
		        "tệp Excel không có trang tính nào; hãy nhập số liệu vào trang tính "
		        "đầu tiên rồi tải lên lần nữa");
		goto out;
	}
	char *part = sheet_part(&book, 0);
	int r = parse_part(z, part, &ss, true, err);
	free(part);
	if (r)
		goto out;
	if (sh.cut && total >= MAX_ROWS) {
		err_set(err, ERR_DOCUMENT,
		        "trang tính quá lớn: quá %d dòng; hãy chia thành nhiều tệp nhỏ hơn",
		        MAX_ROWS);
		goto out;
	}
	xqsort(sh.rows, sh.n, sizeof *sh.rows, cmp_row);
	struct buf b = BUF_INIT;
	int line = 1; /* the line the next row starts on */
	for (size_t i = 0; i < sh.n; i++) {
		struct ooxml_srow *x = &sh.rows[i];
		int used = 0;
		for (int c = 0; c < x->n; c++)
			if (x->cell[c] && *x->cell[c])
				used = c + 1;
		if (!used)
			continue;
		while (line < x->r && x->r < 10000) {
			buf_putc(&b, '\n');
			line++;
		}
		for (int c = 0; c < used; c++) {
			if (c)
				buf_putc(&b, ',');
			csv_cell(&b, x->cell[c] ? x->cell[c] : "", &line);
		}
		buf_putc(&b, '\n');
		line++;
	}
	*len = b.len;
	out = b.len ? buf_detach(&b) : xstrdup("");
out:
	sheet_free(&sh);
	ooxml_close(z);
	parts_free(&sst, &sty, &book);
	return out;
}
