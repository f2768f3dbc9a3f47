/* ooxml.c: ZIP packages (libzip, from memory) and their XML parts (expat).
 * A package is untrusted: entries are counted, every byte inflated is
 * counted against one budget while reading (the sizes in the archive can
 * lie), and XML may declare no DOCTYPE, so no entity can expand. */
#include "ooxml.h"
#include "encoding.h"

#include "text.h"
#include "util.h"

/* Debian's expat is built with DTD support; the header declares the
 * billion-laughs limits only when told so. */
#ifndef XML_DTD
#define XML_DTD
#endif
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <utf8proc.h>

struct ooxml {
	zip_t *zip;
	size_t used; /* bytes inflated so far */
};

bool ooxml_sniff(const char *data, size_t n)
{
	return n >= 4 && !memcmp(data, "PK\3\4", 4);
}

struct ooxml *ooxml_open(const char *data, size_t n, struct error *err)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, n, 0, &ze);
	zip_t *zip = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	zip_error_fini(&ze);
	if (!zip) {
		if (src)
			zip_source_free(src);
		err_set(err, ERR_DOCUMENT,
		        "tệp ZIP bị hỏng hoặc không đọc được; hãy mở tệp bằng Word hoặc "
		        "Excel, lưu lại rồi tải lên lần nữa");
		return NULL;
	}
	zip_int64_t entries = zip_get_num_entries(zip, 0);
	if (entries < 0 || entries > OOXML_MAX_ENTRIES) {
		zip_discard(zip);
		err_set(err, ERR_DOCUMENT,
		        "tệp nén có quá nhiều mục (%lld; tối đa %d): không phải một kế "
		        "hoạch Word hay Excel",
		        (long long)entries, OOXML_MAX_ENTRIES);
		return NULL;
	}
	struct ooxml *z = xcalloc(1, sizeof *z);
	z->zip = zip;
	return z;
}

void ooxml_close(struct ooxml *z)
{
	if (!z)
		return;
	zip_discard(z->zip);
	free(z);
}

bool ooxml_has(struct ooxml *z, const char *name)
{
	return zip_name_locate(z->zip, name, 0) >= 0;
}

static void too_big(struct error *err, const char *name)
{
	err_set(err, ERR_DOCUMENT,
	        "phần %s của tệp giải nén ra quá lớn (tổng quá %u MB): tệp hỏng hoặc "
	        "là bom nén; không đọc",
	        name, OOXML_MAX_TOTAL >> 20);
}

char *ooxml_read(struct ooxml *z, const char *name, size_t *len, struct error *err)
{
	err_clear(err);
	*len = 0;
	zip_int64_t i = zip_name_locate(z->zip, name, 0);
	if (i < 0)
		return NULL;
	zip_stat_t st;
	zip_stat_init(&st);
	size_t left = OOXML_MAX_TOTAL - z->used;
	if (zip_stat_index(z->zip, (zip_uint64_t)i, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
	    st.size > left) {
		too_big(err, name);
		return NULL;
	}
	zip_file_t *f = zip_fopen_index(z->zip, (zip_uint64_t)i, 0);
	if (!f) {
		err_set(err, ERR_DOCUMENT,
		        "không giải nén được phần %s của tệp (tệp hỏng hoặc có mật khẩu)", name);
		return NULL;
	}
	size_t cap = st.valid & ZIP_STAT_SIZE && st.size < (1u << 20) ? (size_t)st.size + 1 : 65536;
	char *out = xmalloc(cap);
	size_t n = 0;
	for (;;) {
		if (n + 65536 + 1 > cap) {
			cap = cap * 2 > n + 65536 + 1 ? cap * 2 : n + 65536 + 1;
			out = xrealloc(out, cap);
		}
		zip_int64_t k = zip_fread(f, out + n, 65536);
		if (k < 0) {
			err_set(err, ERR_DOCUMENT, "không giải nén được phần %s của tệp (tệp hỏng)",
			        name);
			break;
		}
		if (k == 0)
			break;
		n += (size_t)k;
		if (n > left) {
			too_big(err, name);
			break;
		}
	}
	zip_fclose(f);
	if (err_is(err)) {
		free(out);
		return NULL;
	}
	z->used += n;
	out[n] = '\0';
	*len = n;
	return out;
}

/* ---- XML ---- */

struct sax_state {
	XML_Parser xp;
	const struct ooxml_sax *sax;
	int depth;
	const char *why; /* set when we stopped the parser */
	const char *lattr[2 * 64 + 1];
};

static const char *local(const char *name)
{
	const char *c = strrchr(name, '\x01');
	return c ? c + 1 : name;
}

static void stop(struct sax_state *s, const char *why)
{
	if (!s->why)
		s->why = why;
	XML_StopParser(s->xp, XML_FALSE);
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **attr)
{
	struct sax_state *s = ud;
	if (++s->depth > OOXML_MAX_DEPTH) {
		stop(s, "lồng quá sâu");
		return;
	}
	size_t k = 0;
	for (size_t i = 0; attr[i] && attr[i + 1] && k + 2 < sizeof s->lattr / sizeof *s->lattr;
	     i += 2) {
		s->lattr[k++] = local(attr[i]);
		s->lattr[k++] = attr[i + 1];
	}
	s->lattr[k] = NULL;
	if (s->sax->start)
		s->sax->start(s->sax->ud, local(name), s->lattr);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	struct sax_state *s = ud;
	s->depth--;
	if (s->sax->end)
		s->sax->end(s->sax->ud, local(name));
}

static void XMLCALL on_text(void *ud, const XML_Char *t, int len)
{
	struct sax_state *s = ud;
	if (s->sax->text)
		s->sax->text(s->sax->ud, t, len);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sys,
                               const XML_Char *pub, int internal)
{
	stop(ud, "có khai báo DOCTYPE");
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int param, const XML_Char *value,
                              int len, const XML_Char *base, const XML_Char *sys,
                              const XML_Char *pub, const XML_Char *notation)
{
	stop(ud, "có khai báo thực thể");
}

int ooxml_parse(const char *xml, size_t n, const char *part, const struct ooxml_sax *sax,
                struct error *err)
{
	struct sax_state s = {.sax = sax};
	s.xp = XML_ParserCreateNS(NULL, '\x01');
	if (!s.xp) {
		err_set(err, ERR_DOCUMENT, "hết bộ nhớ khi đọc XML");
		return -1;
	}
	XML_SetUserData(s.xp, &s);
	XML_SetElementHandler(s.xp, on_start, on_end);
	XML_SetCharacterDataHandler(s.xp, on_text);
	XML_SetStartDoctypeDeclHandler(s.xp, on_doctype);
	XML_SetEntityDeclHandler(s.xp, on_entity);
	XML_SetParamEntityParsing(s.xp, XML_PARAM_ENTITY_PARSING_NEVER);
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4)
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(s.xp, 10.0f);
	XML_SetBillionLaughsAttackProtectionActivationThreshold(s.xp, 1u << 20);
#endif
	int rc = 0;
	/* Fed in pieces: expat takes an int length. */
	size_t off = 0;
	do {
		size_t k = n - off > (1u << 24) ? (1u << 24) : n - off;
		bool last = off + k == n;
		if (XML_Parse(s.xp, xml + off, (int)k, last) != XML_STATUS_OK) {
			if (s.why)
				err_set(err, ERR_DOCUMENT, "phần %s của tệp không hợp lệ (%s)",
				        part, s.why);
			else
				err_set(err, ERR_DOCUMENT,
				        "phần %s của tệp không phải XML hợp lệ (dòng %lu: %s)",
				        part, (unsigned long)XML_GetCurrentLineNumber(s.xp),
				        XML_ErrorString(XML_GetErrorCode(s.xp)));
			rc = -1;
			break;
		}
		off += k;
	} while (off < n);
	XML_ParserFree(s.xp);
	return rc;
}

bool ooxml_true(const char *val)
{
	return val && (!strcmp(val, "1") || !strcmp(val, "true") || !strcmp(val, "on"));
}

const char *ooxml_attr(const char **attr, const char *name)
{
	for (size_t i = 0; attr[i]; i += 2)
		if (!strcmp(attr[i], name))
			return attr[i + 1];
	return NULL;
}

/* ---- list numbers ---- */

static void letters(struct buf *b, int n, char base)
{
	char s[16];
	int k = 0;
	while (n > 0 && k < (int)sizeof s) {
		n--;
		s[k++] = (char)(base + n % 26);
		n /= 26;
	}
	while (k)
		buf_putc(b, s[--k]);
}

void ooxml_count(struct buf *b, char style, int n)
{
	switch (style) {
	case '1':
		buf_printf(b, "%d", n);
		break;
	case 'I':
	case 'i': {
		const char *r = n > 0 && n < 4000 ? text_to_roman(n) : "";
		for (const char *c = r; *c; c++)
			buf_putc(b, style == 'i' ? (char)(*c - 'A' + 'a') : *c);
		break;
	}
	case 'A':
	case 'a':
		letters(b, n, style);
		break;
	default:
		break;
	}
}

/* ---- the document the readers build ---- */

#include "table.h"

static int add_line(struct lines *l, char *s)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = s;
	return (int)l->n;
}

void ooxml_text(struct ooxml_doc *d, const char *text)
{
	char *c = text_clean(text);
	if (!*c) {
		free(c);
		return;
	}
	/* Paragraphs stand apart as in a text document (a blank line between),
	 * except short lines that do not end a sentence: a heading or title
	 * typed as one paragraph per line ("KẾ HOẠCH", then the title over
	 * three lines) reads as one block, as a wrapped title does in text. */
	size_t n = strlen(c);
	bool shrt = text_len(c) <= 100 && !strchr(".:;", c[n - 1]);
	if (d->lines->n && !(shrt && d->short_last))
		add_line(d->lines, xstrdup(""));
	d->short_last = shrt;
	int line = add_line(d->lines, c);
	struct row *row = rows_add(d->rows, line);
	row->text = true;
	row_add_cell(row, c, n);
}

void ooxml_row(struct ooxml_doc *d, char **cells, int n, int table, int rowno, int page)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, "|");
	bool any = false;
	for (int i = 0; i < n; i++) {
		char *c = text_clean(cells[i]);
		any |= *c != '\0';
		buf_printf(&b, " %s |", c);
		free(c);
	}
	if (!any) {
		buf_free(&b);
		return;
	}
	d->short_last = false;
	int line = add_line(d->lines, buf_detach(&b));
	struct row *row = rows_add(d->rows, line);
	row->table = table;
	row->tabrow = rowno;
	row->page = page;
	for (int i = 0; i < n; i++)
		row_add_lines(row, cells[i], strlen(cells[i]));
}

void ooxml_grid_empty(struct ooxml_grid *g, int k)
{
	for (; k > 0; k--) {
		if (g->n >= OOXML_MAX_COLS) {
			g->too_many = true;
			return;
		}
		g->cell[g->n++] = xstrdup("");
	}
}

void ooxml_grid_cell(struct ooxml_grid *g, const char *text, int span, enum ooxml_vmerge vm)
{
	int col = g->n;
	if (col >= OOXML_MAX_COLS) {
		g->too_many = true;
		return;
	}
	if (vm == OOXML_VM_CONTINUE && g->above[col] && !*text)
		text = g->above[col];
	char *keep = xstrdup(text);
	g->cell[g->n++] = xstrdup(keep);
	ooxml_grid_empty(g, span - 1);
	free(g->above[col]);
	g->above[col] = vm != OOXML_VM_NONE ? keep : NULL;
	if (vm == OOXML_VM_NONE)
		free(keep);
}

void ooxml_grid_clear_row(struct ooxml_grid *g)
{
	for (int i = 0; i < g->n; i++)
		free(g->cell[i]);
	g->n = 0;
}

void ooxml_grid_row(struct ooxml_doc *d, struct ooxml_grid *g, int table, int row, int page)
{
	ooxml_row(d, g->cell, g->n, table, row, page);
	ooxml_grid_clear_row(g);
}

void ooxml_grid_reset(struct ooxml_grid *g)
{
	ooxml_grid_clear_row(g);
	for (int i = 0; i < OOXML_MAX_COLS; i++) {
		free(g->above[i]);
		g->above[i] = NULL;
	}
}

static int cmp_edge(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* The grid of a table's rows: every edge of their cells, in order, each
 * once; *n of them. */
static int32_t *table_grid(const struct ooxml_trow *rows, size_t nrows, size_t *n)
{
	size_t ng = 0;
	for (size_t r = 0; r < nrows; r++)
		ng += rows[r].ncell ? (size_t)rows[r].ncell + 1 : 0;
	int32_t *grid = xcalloc(ng + 1, sizeof *grid);
	ng = 0;
	for (size_t r = 0; r < nrows; r++)
		for (int i = 0; rows[r].ncell && i <= rows[r].ncell; i++)
			grid[ng++] = rows[r].edge[i];
	xqsort(grid, ng, sizeof *grid, cmp_edge);
	size_t k = 0;
	for (size_t i = 0; i < ng; i++)
		if (!k || grid[k - 1] != grid[i])
			grid[k++] = grid[i];
	*n = k;
	return grid;
}

/* The grid column where edge lies (the first not left of it). */
static int grid_col(const int32_t *grid, size_t n, int32_t edge)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (grid[mid] < edge)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (int)lo;
}

/* Row t's cells on the grid: the columns before its first, then each cell
 * over the columns between its edges (a cell merged into the one before
 * it empty), its text freed. */
static void grid_row(struct ooxml_grid *g, struct ooxml_trow *t, const int32_t *grid, size_t ng)
{
	ooxml_grid_empty(g, t->ncell ? grid_col(grid, ng, t->edge[0]) : 0);
	for (int i = 0; i < t->n; i++) {
		int span = 1;
		if (i < t->ncell) {
			int k = grid_col(grid, ng, t->edge[i + 1]) - grid_col(grid, ng, t->edge[i]);
			span = k > 1 ? k : 1;
		}
		if (i < t->ncell && t->hmerged[i])
			ooxml_grid_empty(g, span);
		else
			ooxml_grid_cell(g, t->cell[i], span,
			                i < t->ncell ? t->vm[i] : OOXML_VM_NONE);
		free(t->cell[i]);
	}
	free(t->cell);
	t->cell = NULL;
	t->n = 0;
}

bool ooxml_table_rows(struct ooxml_doc *d, struct ooxml_trow *rows, size_t n, int table, int *done)
{
	if (!n)
		return false;
	size_t ng;
	int32_t *grid = table_grid(rows, n, &ng);
	struct ooxml_grid g = {0};
	for (size_t r = 0; r < n; r++) {
		grid_row(&g, &rows[r], grid, ng);
		ooxml_grid_row(d, &g, table, ++*done, 0);
	}
	bool too_many = g.too_many;
	ooxml_grid_reset(&g);
	free(grid);
	return too_many;
}

void ooxml_trows_free(struct ooxml_trow *rows, size_t n)
{
	for (size_t r = 0; r < n; r++) {
		for (int i = 0; i < rows[r].n; i++)
			free(rows[r].cell[i]);
		free(rows[r].cell);
	}
	free(rows);
}

void ooxml_cell_lines(struct buf *b, const char *text)
{
	char *lines = clean_lines(text);
	if (*lines) {
		if (b->len)
			buf_putc(b, '\n');
		buf_puts(b, lines);
	}
	free(lines);
}

void ooxml_warn_nested(struct plan *p)
{
	plan_warn(p, 0,
	          "Văn bản có bảng lồng trong ô của bảng khác: chữ của bảng lồng được đọc gộp vào "
	          "ô chứa nó; hãy kiểm tra các chỉ tiêu ở đó");
}

int ooxml_no_table(struct error *err)
{
	err_set(err, ERR_DOCUMENT,
	        "tệp Word không có bảng nào: chitieu đọc chỉ tiêu và nhiệm vụ từ bảng "
	        "(Stt | Chỉ tiêu | Đơn vị tính | Mức chỉ tiêu ...); hãy đưa phụ lục chỉ "
	        "tiêu vào một bảng của Word rồi tải lên lần nữa");
	return -1;
}

void ooxml_warn_columns(struct plan *p)
{
	plan_warn(p, 0, "Một bảng có hơn %d cột; chỉ đọc %d cột đầu", OOXML_MAX_COLS,
	          OOXML_MAX_COLS);
}

struct ooxml_list *ooxml_list_add(struct ooxml_numbering *nb, int id)
{
	if (nb->nlist >= OOXML_MAX_LISTS)
		return NULL;
	struct ooxml_list *l = &nb->list[nb->nlist++];
	l->id = id;
	for (int i = 0; i < OOXML_MAX_LEVELS; i++)
		l->lvl[i] = (struct ooxml_level){OOXML_F_DECIMAL, 1, ""};
	return l;
}

struct ooxml_num *ooxml_num_add(struct ooxml_numbering *nb, int id, int list)
{
	if (nb->nnum >= OOXML_MAX_LISTS)
		return NULL;
	struct ooxml_num *n = &nb->num[nb->nnum++];
	*n = (struct ooxml_num){.id = id, .list = list};
	return n;
}

static void format_count(struct buf *b, enum ooxml_fmt f, int n)
{
	static const char style[] = {[OOXML_F_DECIMAL] = '1',
	                             [OOXML_F_UPPER_ROMAN] = 'I',
	                             [OOXML_F_LOWER_ROMAN] = 'i',
	                             [OOXML_F_UPPER_LETTER] = 'A',
	                             [OOXML_F_LOWER_LETTER] = 'a'};
	if (f < sizeof style && style[f])
		ooxml_count(b, style[f], n);
}

char *ooxml_number_label(struct ooxml_numbering *nb, int num, int ilvl)
{
	if (ilvl < 0 || ilvl >= OOXML_MAX_LEVELS || num <= 0)
		return NULL;
	struct ooxml_num *n = NULL;
	for (int i = 0; i < nb->nnum && !n; i++)
		if (nb->num[i].id == num)
			n = &nb->num[i];
	struct ooxml_list *a = NULL;
	for (int i = 0; n && i < nb->nlist && !a; i++)
		if (nb->list[i].id == n->list)
			a = &nb->list[i];
	if (!a)
		return NULL;
	struct ooxml_level *lv = &a->lvl[ilvl];
	n->count[ilvl] = n->count[ilvl] ? n->count[ilvl] + 1 : lv->start;
	for (int i = ilvl + 1; i < OOXML_MAX_LEVELS; i++)
		n->count[i] = 0;
	if (lv->fmt == OOXML_F_BULLET)
		return xstrdup("-");
	if (lv->fmt == OOXML_F_NONE || lv->fmt == OOXML_F_OTHER)
		return NULL;
	struct buf b = BUF_INIT;
	for (const char *c = lv->text; *c; c++) {
		if (c[0] == '%' && c[1] >= '1' && c[1] <= '9') {
			int k = c[1] - '1';
			int count = n->count[k] ? n->count[k] : a->lvl[k].start;
			format_count(&b, a->lvl[k].fmt, count);
			c++;
		} else {
			buf_putc(&b, *c);
		}
	}
	return buf_detach(&b);
}

int ooxml_read_plan(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                    struct error *err)
{
	struct ooxml *z = ooxml_open(data, n, err);
	if (!z)
		return -1;
	struct ooxml_doc d = {l, r, false};
	int rc;
	if (ooxml_has(z, "word/document.xml")) {
		rc = docx_read(z, &d, p, err);
	} else if (ooxml_has(z, "xl/workbook.xml")) {
		rc = xlsx_read(z, &d, p, err);
	} else if (ooxml_has(z, "content.xml")) { /* OpenDocument: its mimetype says which */
		rc = odf_read(z, &d, p, err);
	} else {
		err_set(err, ERR_DOCUMENT,
		        "tệp nén ZIP này không phải tài liệu Word (.docx) hay bảng tính Excel "
		        "(.xlsx), cũng không phải tài liệu OpenDocument (.odt, .ods); hãy tải "
		        "lên chính tệp kế hoạch");
		rc = -1;
	}
	ooxml_close(z);
	return rc;
}

/* Says what of a sheet its program hides and was not read: the whole sheet
 * (rows -1), or its hidden rows and columns that hold text (nothing when
 * none). */
static void warn_hidden(struct plan *p, const char *sheet, int rows, int cols)
{
	const char *then = "nếu chỉ tiêu ở đó, hãy bỏ ẩn rồi tải lên lần nữa";
	if (rows < 0)
		plan_warn(p, 0, "Trang tính ẩn “%s” không được đọc; %s", sheet, then);
	else if (rows && cols)
		plan_warn(p, 0,
		          "Trang tính “%s”: %d hàng ẩn và %d cột ẩn có chữ không được đọc; %s",
		          sheet, rows, cols, then);
	else if (rows || cols)
		plan_warn(p, 0, "Trang tính “%s”: %d %s ẩn có chữ không được đọc; %s", sheet,
		          rows ? rows : cols, rows ? "hàng" : "cột", then);
}

void ooxml_sheet(struct ooxml_doc *d, struct plan *p, const char *name, bool hidden, int table,
                 const struct ooxml_srow *rows, size_t n, const bool *colhid, int hid_rows,
                 bool trim)
{
	if (hidden) {
		if (n || hid_rows)
			warn_hidden(p, name, -1, 0);
		return;
	}
	bool held[OOXML_MAX_COLS] = {0}; /* a shown cell of the column holds text */
	for (size_t i = 0; i < n; i++) {
		bool any = false;
		for (int c = 0; c < rows[i].n; c++)
			if (rows[i].cell[c] && *rows[i].cell[c]) {
				any = true;
				held[c] |= !rows[i].hidden;
			}
		hid_rows += rows[i].hidden && any;
	}
	int first = OOXML_MAX_COLS, hid_cols = 0;
	for (int c = OOXML_MAX_COLS - 1; c >= 0; c--) {
		hid_cols += colhid[c] && held[c];
		if (held[c] && !colhid[c])
			first = c;
	}
	warn_hidden(p, name, hid_rows, hid_cols);
	for (size_t i = 0; i < n; i++) {
		const struct ooxml_srow *x = &rows[i];
		char *cells[OOXML_MAX_COLS];
		int k = 0, nonempty = 0, at = -1;
		for (int c = first; c < x->n && !x->hidden; c++) {
			if (colhid[c])
				continue;
			cells[k] = x->cell[c] ? x->cell[c] : "";
			if (*cells[k]) {
				nonempty++;
				at = k;
			}
			k++;
		}
		if (nonempty == 1 && at == 0)
			ooxml_text(d, cells[0]);
		else if (nonempty)
			ooxml_row(d, cells, trim ? at + 1 : k, table, x->r, 0);
	}
}

void ooxml_warn_hidden_text(struct plan *p, const char *app, const char *first, int n)
{
	char more[48] = "";
	if (n > 1)
		snprintf(more, sizeof more, " và %d chỗ ẩn khác", n - 1);
	if (n)
		plan_warn(p, 0,
		          "Văn bản có chữ ẩn (%s không hiện) không được đọc: “%s”%s; nếu chỉ "
		          "tiêu ở đó, hãy bỏ ẩn rồi tải lên lần nữa",
		          app, first ? first : "", more);
}

enum ooxml_symfont ooxml_symbol_font(const char *name)
{
	if (!name)
		return OOXML_SYM_NONE;
	if (!strcmp(name, "Symbol"))
		return OOXML_SYM_SYMBOL;
	if (!strcmp(name, "Wingdings"))
		return OOXML_SYM_WINGDINGS;
	switch (encoding_font_of(name)) {
	case ENCODING_FONT_TCVN3:
		return OOXML_SYM_TCVN3;
	case ENCODING_FONT_TCVN3_CAPS:
		return OOXML_SYM_TCVN3_CAPS;
	case ENCODING_FONT_VNI:
		return OOXML_SYM_VNI;
	default:
		return OOXML_SYM_NONE;
	}
}

bool ooxml_symbol_signs(enum ooxml_symfont f)
{
	return f == OOXML_SYM_SYMBOL || f == OOXML_SYM_WINGDINGS;
}

void ooxml_held_put(struct ooxml_held *h, struct buf *to, enum ooxml_symfont f, const char *s,
                    size_t n)
{
	if (h->len && (h->to != to || h->font != f))
		ooxml_held_flush(h);
	h->to = to;
	h->font = f;
	if (n > h->cap - h->len) {
		h->cap = (h->len + n) * 2;
		h->text = xrealloc(h->text, h->cap);
	}
	memcpy(h->text + h->len, s, n);
	h->len += n;
}

void ooxml_held_flush(struct ooxml_held *h)
{
	if (!h->len)
		return;
	enum encoding_font f = h->font == OOXML_SYM_VNI          ? ENCODING_FONT_VNI
	                       : h->font == OOXML_SYM_TCVN3_CAPS ? ENCODING_FONT_TCVN3_CAPS
	                                                         : ENCODING_FONT_TCVN3;
	encoding_font_text(f, h->text, h->len, h->to);
	h->len = 0;
}

void ooxml_held_free(struct ooxml_held *h)
{
	free(h->text);
	*h = (struct ooxml_held){0};
}

int32_t ooxml_symbol_char(enum ooxml_symfont f, unsigned code)
{
	static const char *const greek_upper = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
	static const char *const greek_lower = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";
	/* 0xA0-0xDF of the Symbol font */
	static const int32_t high[64] = {
	        0x20AC, 0x03D2, 0x2032, 0x2264, 0x2044, 0x221E, 0x0192, 0x2663, 0x2666, 0x2665,
	        0x2660, 0x2194, 0x2190, 0x2191, 0x2192, 0x2193, 0x00B0, 0x00B1, 0x2033, 0x2265,
	        0x00D7, 0x221D, 0x2202, 0x2022, 0x00F7, 0x2260, 0x2261, 0x2248, 0x2026, 0x23D0,
	        0x23AF, 0x21B5, 0x2135, 0x2111, 0x211C, 0x2118, 0x2297, 0x2295, 0x2205, 0x2229,
	        0x222A, 0x2283, 0x2287, 0x2284, 0x2282, 0x2286, 0x2208, 0x2209, 0x2220, 0x2207,
	        0x00AE, 0x00A9, 0x2122, 0x220F, 0x221A, 0x22C5, 0x00AC, 0x2227, 0x2228, 0x21D4,
	        0x21D0, 0x21D1, 0x21D2, 0x21D3};
	if (code >= 0xF000 && code <= 0xF0FF)
		code -= 0xF000;
	if (f == OOXML_SYM_WINGDINGS)
		return code == 0xFC   ? 0x2713
		       : code == 0xFB ? 0x2717
		       : code == 0xFE ? 0x2611
		                      : 0xFFFD;
	if (code == 0x2D)
		return 0x2212; /* minus */
	if (code == 0x2A)
		return 0x2217;
	if ((code >= 0x20 && code <= 0x40) || code == 0x5B || code == 0x5D || code == 0x5F ||
	    code == 0x7B || code == 0x7C || code == 0x7D)
		return (int32_t)code; /* digits, signs, brackets: as ASCII */
	if ((code >= 'A' && code <= 'Z') || (code >= 'a' && code <= 'z')) {
		const char *g = code <= 'Z' ? greek_upper : greek_lower;
		int k = (int)(code <= 'Z' ? code - 'A' : code - 'a');
		utf8proc_int32_t c = 0xFFFD;
		for (int i = 0; i <= k && *g; i++)
			g += utf8proc_iterate((const utf8proc_uint8_t *)g, -1, &c);
		return c;
	}
	if (code >= 0xA0 && code <= 0xDF)
		return high[code - 0xA0];
	return 0xFFFD;
}
