/* import.c: a document's bytes to a plan: checks what cannot be read (empty,
 * binary, too large, unknown encoding), splits lines, reads the metadata,
 * then the tables in whichever layout the document uses. */
#include "import.h"

#include "encoding.h"
#include "html.h"
#include "legacy.h"
#include "mhtml.h"
#include "ooxml.h"
#include "pdfdoc.h"
#include "ocr.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Fail with the reason msg (taken over by *err, or freed). */
static int fail(struct error *err, char *msg)
{
	err_set(err, ERR_DOCUMENT, "%s", msg);
	free(msg);
	return -1;
}

/* Split on \n, \r\n or \r. Fails on a line longer than IMPORT_MAX_LINE. */
static int split_lines(const char *s, size_t n, struct lines *l, size_t *longline)
{
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n' && s[i] != '\r')
			continue;
		if (i - start > IMPORT_MAX_LINE) {
			*longline = l->n + 1;
			return -1;
		}
		l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
		l->v[l->n++] = xstrndup(s + start, i - start);
		if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n')
			i++;
		start = i + 1;
	}
	return 0;
}

/* Sorted word set and unit: two indicators with the same key are the same. */
static char *dup_key(const struct indicator *x)
{
	struct words w = {0};
	text_word_set(x->name, &w);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < w.n; i++) {
		buf_puts(&b, w.w[i]);
		buf_putc(&b, ' ');
	}
	char *u = text_fold(x->unit ? x->unit : "");
	buf_printf(&b, "|%s", u);
	free(u);
	words_free(&w);
	return buf_detach(&b);
}

struct keyed {
	char *key;
	size_t i;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* An indicator listed twice: warn at the second listing, keep both. */
static void warn_duplicates(struct plan *p)
{
	struct keyed *k = xcalloc(p->nind, sizeof *k);
	for (size_t i = 0; i < p->nind; i++) {
		k[i].key = dup_key(&p->ind[i]);
		k[i].i = i;
	}
	xqsort(k, p->nind, sizeof *k, cmp_keyed);
	size_t run = 0;
	for (size_t i = 1; i < p->nind; i++) {
		if (strcmp(k[i].key, k[run].key)) {
			run = i;
			continue;
		}
		const struct indicator *a = &p->ind[k[run].i], *b = &p->ind[k[i].i];
		plan_warn(p, b->first_line, "Chỉ tiêu %s \"%s\" trùng với chỉ tiêu %s (dòng %d)",
		          b->code, b->name, a->code, a->first_line);
	}
	for (size_t i = 0; i < p->nind; i++)
		free(k[i].key);
	free(k);
}

/* Warnings in document order; insertion sort keeps equal lines stable. */
static void sort_warnings(struct plan *p)
{
	for (size_t i = 1; i < p->nwarn; i++)
		for (size_t j = i; j > 0 && p->warn[j - 1].line > p->warn[j].line; j--) {
			struct plan_warning t = p->warn[j];
			p->warn[j] = p->warn[j - 1];
			p->warn[j - 1] = t;
		}
}

static int cmp_code(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	return cmp_keyed(x, y);
}

/* Codes must be unique: a number printed twice in a group gets "-2", "-3". */
static void unique_codes(struct plan *p)
{
	struct keyed *k = xcalloc(p->nind, sizeof *k);
	for (size_t i = 0; i < p->nind; i++) {
		k[i].key = p->ind[i].code;
		k[i].i = i;
	}
	xqsort(k, p->nind, sizeof *k, cmp_code);
	for (size_t i = 1, run = 0; i < p->nind; i++) {
		if (strcmp(k[i].key, k[run].key)) {
			run = i;
			continue;
		}
		struct indicator *x = &p->ind[k[i].i];
		char *code = xasprintf("%s-%zu", k[run].key, i - run + 1);
		plan_warn(p, x->first_line, "Mã %s đã dùng cho một chỉ tiêu khác; đặt mã %s",
		          x->code, code);
		x->code = code; /* the old string stays owned by k[i] below */
	}
	for (size_t i = 1, run = 0; i < p->nind; i++) {
		if (strcmp(k[i].key, k[run].key))
			run = i;
		else
			free(k[i].key);
	}
	free(k);
}

struct order {
	size_t group, i;
};

static int cmp_order(const void *a, const void *b)
{
	const struct order *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* Indicators grouped as the groups are listed, each group in document
 * order (a plan merged from milestone tables meets groups several times). */
static void sort_by_group(struct plan *p)
{
	if (p->nind == 0)
		return;
	struct order *o = xcalloc(p->nind, sizeof *o);
	for (size_t i = 0; i < p->nind; i++) {
		o[i].i = i;
		o[i].group = p->ngroups;
		for (size_t g = 0; g < p->ngroups; g++)
			if (!strcmp(p->groups[g].code, p->ind[i].group))
				o[i].group = g;
	}
	xqsort(o, p->nind, sizeof *o, cmp_order);
	struct indicator *v = xcalloc(p->nind, sizeof *v);
	for (size_t i = 0; i < p->nind; i++)
		v[i] = p->ind[o[i].i];
	memcpy(p->ind, v, p->nind * sizeof *v);
	free(v);
	free(o);
}

/* "Tổng cộng có 75 chỉ tiêu": the document's own count, checked. */
static void check_total(const struct lines *l, struct plan *p)
{
	for (size_t i = 0; i < l->n; i++) {
		if (strlen(l->v[i]) > 4000 || !strstr(l->v[i], "ổng"))
			continue;
		char *f = text_fold(l->v[i]);
		static const char *const says[] = {"tong cong co ", "tong cong ", "tong so "};
		for (size_t k = 0; k < sizeof says / sizeof says[0]; k++) {
			const char *t = strstr(f, says[k]);
			if (!t)
				continue;
			t += strlen(says[k]);
			char *end;
			long n = strtol(t, &end, 10);
			if (end != t && !strncmp(end, " chi tieu", 9) && n != (long)p->nind)
				plan_warn(p, (int)i + 1,
				          "Văn bản ghi tổng cộng %ld chỉ tiêu nhưng đọc được %zu",
				          n, p->nind);
			break;
		}
		free(f);
	}
}

/* The rows of text laid out with spaces (pdftotext -layout), read when no
 * reader before found a table. What was read as a list in the body may be
 * such a table's rows run together (a group row "A. …" over numbered
 * rows, read as one item): the table's reading is kept when it reads
 * more items. */
static void read_layout_rows(const struct lines *l, struct plan *p)
{
	struct plan q;
	struct rows rows = {0};
	plan_init(&q);
	meta_read(l, &q);
	if (layout_rows(l, &rows, &q)) {
		layout_check(&rows, &q);
		interpret_rows(&rows, &q);
	}
	rows_free(&rows);
	if (q.nind + q.ntasks > p->nind + p->ntasks || p->nind + p->ntasks == 0) {
		plan_free(p); /* the attempts before */
		*p = q;
	} else {
		plan_free(&q);
	}
}

/* Rows a reader made (html), or the lines' own markdown/tab rows. When it
 * refuses a text whose rows were wrapped at the page's edge
 * (layout_wrapped), *wrapped (if not NULL) is set. */
static int read_tables(const struct lines *l, struct rows *given, struct plan *p, bool *wrapped,
                       struct error *err)
{
	struct rows rows = {0};
	if (given)
		rows = *given;
	else
		rows_from_lines(l, &rows);
	celltext_mend_rows(l, &rows, p);
	interpret_rows(&rows, p);
	rows_free(&rows);
	/* rows whose cells are delimited ('|', tabs, a document's cells) */
	bool delimited = given || p->nind + p->ntasks > 0;
	if (p->nind == 0 && p->ntasks == 0 && !given) {
		/* each cell on its own line (a word processor's text) */
		if (celltext_rows(l, &rows, p))
			interpret_rows(&rows, p);
		rows_free(&rows);
		if (p->nind == 0 && p->ntasks == 0) {
			plan_free(p); /* warnings of the attempt */
			plan_init(p);
			meta_read(l, p);
		}
	}
	if (p->nind == 0 && p->ntasks == 0) {
		if (pdf_rows(l, &rows, p))
			interpret_rows(&rows, p);
		rows_free(&rows);
	}
	bool body = p->nind == 0 && p->ntasks == 0 && body_targets(l, p);
	if (body || (p->nind == 0 && p->ntasks == 0))
		read_layout_rows(l, p);
	/* a table of cells as blocks read whole in too small a part of its
	 * rows: its line (refused as the blocks are) */
	int frag = 0, frag2 = 0;
	if (p->nind == 0 && p->ntasks == 0) {
		plan_free(p);
		plan_init(p);
		meta_read(l, p);
		bool found = plain_rows(l, &rows, p);
		if (!found) { /* the cells as blocks per column */
			rows_free(&rows);
			found = plain_block_rows(l, &rows, p, &frag) && !frag;
		}
		if (found)
			interpret_rows(&rows, p);
		if (!found) /* warnings of the attempts */
			plan_free(p), plan_init(p), meta_read(l, p);
		if (!found || p->unread) { /* blocks under a header of any columns */
			struct plan q;
			struct rows r2 = {0};
			plan_init(&q);
			meta_read(l, &q);
			if (plain_block_cells(l, &r2, &q, &frag2) && !frag2)
				interpret_rows(&r2, &q);
			rows_free(&r2);
			/* kept when it reads more rows whole (its rows not read
			 * are there with their number and name; the other
			 * reader leaves them out) */
			if ((long)(q.nind + q.ntasks) - (long)q.unread > (long)(p->nind + p->ntasks)) {
				plan_free(p);
				*p = q;
			} else {
				plan_free(&q);
			}
		}
		rows_free(&rows);
	}
	int blocks = frag ? frag : frag2;
	bool lost = p->nind == 0 && p->ntasks == 0 && (blocks || plain_blocks(l, &blocks));
	if (!lost && p->nind == 0 && p->ntasks == 0)
		body_lists(l, p);
	if (lost) {
		if (err)
			err_set(err, ERR_DOCUMENT,
			        "dòng %d: bảng trong văn bản chép ra (từ PDF, trang web…) đã mất "
			        "bố cục (mỗi ô thành một khối riêng theo cột, không biết ô nào "
			        "thuộc hàng nào); hãy nhập chính tệp gốc (PDF, Word, trang web đã "
			        "lưu), hoặc với PDF chép bằng pdftotext -layout",
			        blocks);
		return -1;
	}
	int head = p->nind == 0 && p->ntasks == 0 ? celltext_header_line(l) : 0;
	if (head) {
		if (err)
			err_set(err, ERR_DOCUMENT,
			        "dòng %d: có tiêu đề bảng viết mỗi ô một dòng (\"%.40s\" …) nhưng "
			        "không hàng nào sau đó khớp với các cột (số thứ tự, tên, đơn vị, "
			        "số "
			        "liệu); hãy kiểm tra bảng, hoặc nhập chính tệp Word",
			        head, l->v[head - 1]);
		return -1;
	}
	if (p->nind == 0 && p->ntasks == 0) {
		if (err)
			err_set(err, ERR_DOCUMENT,
			        "không tìm thấy bảng chỉ tiêu hay nhiệm vụ (cần một dòng tiêu đề "
			        "bảng như \"Stt | Nội dung chỉ tiêu | Đơn vị tính | Mức chỉ "
			        "tiêu\")");
		return -1;
	}
	int wrap = delimited ? 0 : layout_wrapped(l, p->nind + p->ntasks);
	if (wrap) {
		const char *at = l->v[wrap - 1];
		int cut = (int)strnlen(at, 40);
		while (cut > 0 && at[cut] && ((unsigned char)at[cut] & 0xc0) == 0x80)
			cut--; /* a whole letter */
		if (wrapped)
			*wrapped = true;
		if (err)
			err_set(err, ERR_DOCUMENT,
			        "dòng %d: hàng của bảng dài quá lề phải của trang nên bị "
			        "ngắt xuống lề trái (\"%.*s\" …): các cột chia bằng dấu cách "
			        "không còn là cột của bảng, không biết chắc ô nào thuộc cột "
			        "nào; hãy nhập chính văn bản gốc (tệp Word hoặc tệp chữ)",
			        wrap, cut, at);
		return -1;
	}
	return 0;
}

/* A PDF file: its text layer's tables (pdfdoc.c), with its pages' words
 * laid out as text into layout and as placed into words, or, for a scan, what Tesseract reads of
 * its pages (ocr.c; opt's progress, opt may be NULL). */
static int pdf_read(const char *data, size_t n, const struct import_options *opt, struct lines *l,
                    struct rows *r, struct lines *layout, struct pdfwords *words, struct plan *p,
                    struct error *err)
{
	int rc = pdfdoc_read_layout(data, n, r, l, layout, words, err);
	if (rc == PDFDOC_OK)
		pword_flag(r, p); /* the cells whose reading is a guess */
	/* no text layer, or only a scanner's OCR drawn invisible over the
	 * pages' images (a figure there was never typed): Tesseract reads the
	 * pages, its doubtful cells flagged as any scan's */
	if (rc == PDFDOC_SCANNED || rc == PDFDOC_OCR_LAYER) {
		err_clear(err);
		rows_free(r);
		lines_free(l);
		/* the layer's words: a second reading of the figures only, never
		 * the drawn tables' (read_drawn) */
		int ocr = ocr_pdf_layer(data, n, l, r, p, opt ? opt->progress : NULL,
		                        opt ? opt->user : NULL, words->v, words->n, err);
		pdfwords_free(words);
		if (ocr)
			return -1;
		if (rc == PDFDOC_OCR_LAYER)
			plan_warn(p, 0,
			          "Tệp PDF là bản quét có lớp chữ ẩn do máy quét nhận dạng (OCR); "
			          "lớp chữ đó không được dùng, các trang được đọc lại từ ảnh");
		return 0;
	}
	return rc ? -1 : 0;
}

/* Documents that are not text, told by their first bytes, never by a file
 * name: each reader turns the bytes into lines (for the metadata) and rows
 * (for the interpreter). */
static const struct reader {
	const char *name;
	bool (*sniff)(const char *data, size_t n);
	int (*read)(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
	            struct error *err);
} readers[] = {
        {"ZIP (DOCX, XLSX, ODT, ODS)", ooxml_sniff, ooxml_read_plan},
        {"OpenDocument XML (FODT, FODS)", odf_flat_sniff, odf_flat_read_plan},
        {"PDF", pdfdoc_is_pdf, NULL}, /* pdf_read, with more than the others */
        {"OLE2 (DOC, XLS)", legacy_is_ole, doc_read_plan},
        {"RTF", legacy_is_rtf, rtf_read_plan},
};

static const struct reader *find_reader(const char *data, size_t n)
{
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
		if (readers[i].sniff(data, n))
			return &readers[i];
	return NULL;
}

/* What every document goes through once its indicators and tasks are in. */
static void finish(struct plan *p)
{
	sort_by_group(p);
	unique_codes(p);
	warn_duplicates(p);
	sort_warnings(p);
}

/* Indicators and tasks read whole: those not read are counted in unread. */
static long read_whole(const struct plan *p)
{
	return (long)(p->nind + p->ntasks) - (long)p->unread;
}

/* The page of each indicator and task read from a PDF's pages laid out as
 * text (l: a page after the first starts with a form feed). */
static void laid_out_pages(const struct lines *l, struct plan *p)
{
	int *page = xmalloc((l->n + 1) * sizeof *page);
	int at = 1;
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i][0] == '\f')
			at++;
		page[i + 1] = at;
	}
	page[0] = 1;
	for (size_t i = 0; i < p->nind; i++) {
		int k = p->ind[i].first_line;
		if (!p->ind[i].src.page && k > 0 && (size_t)k <= l->n)
			p->ind[i].src.page = page[k];
	}
	for (size_t i = 0; i < p->ntasks; i++) {
		int k = p->tasks[i].first_line;
		if (!p->tasks[i].src.page && k > 0 && (size_t)k <= l->n)
			p->tasks[i].src.page = page[k];
	}
	free(page);
}

/* A reading that had to guess in more than one row in ten: warnings at
 * its lines (cells run together, targets short, a number not read). */
static bool read_doubtful(const struct plan *p)
{
	size_t guessed = 0;
	for (size_t i = 0; i < p->nwarn; i++)
		guessed += p->warn[i].line > 0;
	return guessed * 10 > p->nind + p->ntasks;
}

/* A PDF whose words gave no table by the PDF reader's rules, or a doubtful
 * one with fewer rows read whole than its pages laid out as text give (a
 * text file printed: no ruled table, its columns set by spaces): the laid
 * out text read by the text readers instead. Returns 1 when p is now that
 * reading, 0 when p stays, -1 when the laid out text reads more rows but
 * is doubtful too, or refused as wrapped at the page's edge
 * (layout_wrapped): the columns are lost, so neither reading is to be
 * trusted. */
static int read_laid_out(const struct lines *alt, bool failed, struct plan *p)
{
	struct plan q;
	plan_init(&q);
	meta_read(alt, &q);
	struct error e = {0};
	bool wrapped = false;
	int rc = read_tables(alt, NULL, &q, &wrapped, &e);
	err_clear(&e);
	if (wrapped) { /* the same reason as a doubtful reading */
		plan_free(&q);
		return -1;
	}
	bool none = failed || p->nind + p->ntasks == 0;
	if (rc || read_whole(&q) <= (none ? 0 : read_whole(p))) {
		plan_free(&q);
		return 0;
	}
	if (read_doubtful(&q)) {
		plan_free(&q);
		return -1;
	}
	laid_out_pages(alt, &q);
	plan_free(p);
	*p = q;
	return 1;
}

/* Whether a warning of p lies on lines [first, last]. */
static bool warned(const struct plan *p, int first, int last)
{
	for (size_t i = 0; i < p->nwarn; i++)
		if (p->warn[i].line >= first && p->warn[i].line <= last && first > 0)
			return true;
	return false;
}

/* Indicators and tasks read whole with no warning on their lines. */
static long read_sure(const struct plan *p)
{
	long n = read_whole(p);
	for (size_t i = 0; i < p->nind; i++)
		n -= warned(p, p->ind[i].first_line, p->ind[i].last_line);
	for (size_t i = 0; i < p->ntasks; i++)
		n -= warned(p, p->tasks[i].first_line, p->tasks[i].last_line);
	return n;
}

/* A PDF whose words gave no table, or a doubtful one, or one with a page's
 * counter in a table's cell (even): its tables read by the borders drawn
 * around their cells (pdfdoc_grid), kept when they read more indicators
 * and tasks whole, or as many when even (the cells as drawn: no guess, so
 * its warnings are the interpreter's about their contents), or, against
 * a doubtful reading of the words, when not doubtful and more of them are
 * read whole with no warning (the words' rows run together). Returns
 * whether p (and l, its lines) is now that reading. */
static bool read_drawn(const char *data, size_t n, const struct pdfwords *words, bool failed,
                       bool even, struct plan *p, struct lines *l)
{
	struct rows rows = {0};
	struct lines text = {0};
	if (!pdfdoc_grid(data, n, words, &rows, &text)) {
		rows_free(&rows);
		lines_free(&text);
		return false;
	}
	struct plan q;
	plan_init(&q);
	meta_read(&text, &q);
	interpret_rows(&rows, &q);
	rows_free(&rows);
	bool none = failed || p->nind + p->ntasks == 0;
	bool surer = read_doubtful(p) && !read_doubtful(&q) && read_sure(&q) > read_sure(p);
	if (!surer && read_whole(&q) < (none ? 1 : read_whole(p) + !even)) {
		plan_free(&q);
		lines_free(&text);
		return false;
	}
	plan_free(p);
	*p = q;
	lines_free(l);
	*l = text;
	return true;
}

static int read_document(const struct reader *r, const char *data, size_t n,
                         const struct import_options *opt, struct plan *p, struct error *err)
{
	struct lines l = {0}, alt = {0};
	struct rows rows = {0};
	struct pdfwords words = {0};
	struct error why = {0};
	int rc = r->read ? r->read(data, n, &l, &rows, p, &why)
	                 : pdf_read(data, n, opt, &l, &rows, &alt, &words, p, &why);
	if (!rc) {
		meta_read(&l, p);
		interpret_rows(&rows, p);
	}
	if (p->nind == 0 && p->ntasks == 0 && (!rc || why.code == ERR_DOCUMENT) && l.n &&
	    body_targets(&l, p)) {
		/* No indicator table (a Word file with no table at all): the
		 * targets a numbered list in the plan's body. */
		if (rc) {
			err_clear(&why);
			meta_read(&l, p);
			rc = 0;
		}
	}
	/* a clean reading of the words stays: the laid out text is not read */
	bool weak = rc ? why.code == ERR_DOCUMENT : p->nind + p->ntasks == 0 || read_doubtful(p);
	bool margins = !rc && !r->read && pdfdoc_counter_in_cells(&rows);
	if (!r->read && (weak || margins) && read_drawn(data, n, &words, rc != 0, margins, p, &l)) {
		err_clear(&why);
		rc = 0;
		weak = false;
	}
	int laid = alt.n && weak ? read_laid_out(&alt, rc != 0, p) : 0;
	if (laid > 0) {
		err_clear(&why);
		rc = 0;
		lines_free(&l);
		l = alt;
		alt = (struct lines){0};
	} else if (laid < 0) {
		err_clear(&why);
		err_set(&why, ERR_DOCUMENT,
		        "bảng trong tệp PDF không có đường kẻ và chữ trong bảng không thẳng cột "
		        "(hàng dài bị ngắt dòng) nên không biết chắc ô nào thuộc cột nào: hãy "
		        "nhập chính văn bản gốc (Word hoặc tệp chữ), hoặc in lại PDF với bảng "
		        "có đường kẻ");
		rc = -1;
	}
	lines_free(&alt);
	pdfwords_free(&words);
	/* no table read at all: targets as the lines of a list in the body */
	if (p->nind == 0 && p->ntasks == 0 && (!rc || why.code == ERR_DOCUMENT) && l.n &&
	    body_lists(&l, p) && rc) {
		err_clear(&why);
		meta_read(&l, p);
		rc = 0;
	}
	if (!rc) {
		if (p->nind == 0 && p->ntasks == 0) {
			err_set(&why, ERR_DOCUMENT,
			        "các bảng trong tệp không có bảng chỉ tiêu hay nhiệm vụ (cần một "
			        "hàng tiêu đề bảng như \"Stt | Nội dung chỉ tiêu | Đơn vị tính | "
			        "Mức chỉ tiêu\")");
			rc = -1;
		} else {
			check_total(&l, p);
			body_beside_table(&l, p);
		}
	}
	lines_free(&l);
	rows_free(&rows);
	if (rc) {
		plan_free(p);
		plan_init(p);
		if (err)
			*err = why;
		else
			err_clear(&why);
		return -1;
	}
	finish(p);
	return 0;
}

/* A line of plain text that names an indicator table's columns ("STT Tên
 * chỉ tiêu Đơn vị tính Năm 2025 …", "TT Nội dung chỉ tiêu ĐVT …") with
 * its cells run together (a browser's dump of a table too wide for it):
 * its number, else 0. */
static int run_header(const struct lines *l)
{
	for (size_t i = 0; i < l->n; i++) {
		char *f = text_fold(l->v[i]);
		const char *t = f + strspn(f, " \t");
		bool yes = (!strncmp(t, "stt ", 4) || !strncmp(t, "tt ", 3)) &&
		           strstr(t, "chi tieu") && !strchr(t, '|') &&
		           (strstr(t, "don vi tinh") || strstr(t, "dvt") || strstr(t, "nam 20"));
		free(f);
		if (yes)
			return (int)i + 1;
	}
	return 0;
}

static int read_text(const char *data, size_t n, const struct mhtml *page, struct plan *p,
                     struct error *err);

/* A web page saved as one file: its HTML part read with its stylesheets. */
static int read_mhtml(const char *data, size_t n, struct plan *p, struct error *err)
{
	struct mhtml m;
	char *why = NULL;
	if (mhtml_open(data, n, &m, &why)) {
		mhtml_free(&m);
		return fail(err, why);
	}
	int rc = read_text(m.html, m.len, &m, p, err);
	if (rc)
		err_prefix(err, "trang web trong tệp MHTML, ");
	mhtml_free(&m);
	return rc;
}

int import_plan(const char *data, size_t n, struct plan *p, struct error *err)
{
	return import_plan_opts(data, n, NULL, p, err);
}

int import_plan_opts(const char *data, size_t n, const struct import_options *opt, struct plan *p,
                     struct error *err)
{
	plan_init(p);
	if (err)
		err_clear(err);
	if (n == 0)
		return fail(err, xstrdup("tệp rỗng"));
	if (n > IMPORT_MAX_BYTES)
		return fail(err,
		            xasprintf("tệp quá lớn (%zu byte; tối đa 16 MB cho một kế hoạch)", n));
	const struct reader *r = find_reader(data, n);
	if (r)
		return read_document(r, data, n, opt, p, err);
	if (mhtml_sniff(data, n))
		return read_mhtml(data, n, p, err);
	return read_text(data, n, NULL, p, err);
}

/* A text file or a web page; page: the MHTML part data is, or NULL. */
static int read_text(const char *data, size_t n, const struct mhtml *page, struct plan *p,
                     struct error *err)
{
	char *conv = NULL;
	size_t convlen = 0;
	const char *encname = NULL, *charset = NULL;
	size_t bad;
	bool html = page || html_sniff(data, n);
	if (html && !text_valid_utf8(data, n, &bad))
		charset = page && page->charset ? page->charset
		                                : html_charset(data, n); /* <meta charset=…> */
	int enc = charset ? encoding_decode_as(data, n, charset, &conv, &convlen, &encname)
	                  : encoding_to_utf8(data, n, &conv, &convlen, &encname);
	if (enc == ENCODING_UNKNOWN) {
		if (memchr(data, '\0', n))
			return fail(err, xstrdup("tệp nhị phân, không phải văn bản (có byte 0)"));
		return fail(err, xstrdup(encname ? encname : "không nhận ra bảng mã của tệp"));
	}
	const char *s = enc == ENCODING_CONVERTED ? conv : data;
	size_t len = enc == ENCODING_CONVERTED ? convlen : n;
	if (memchr(s, '\0', len)) {
		free(conv);
		return fail(err, xstrdup("tệp nhị phân, không phải văn bản (có byte 0)"));
	}
	size_t garbled = encoding_garbled_line(s, len);
	if (garbled) {
		free(conv);
		return fail(err, xasprintf("dòng %zu: chữ của tệp đã bị hỏng vì đọc sai bảng mã (chữ "
		                           "UTF-8 bị đọc nhầm là Windows-1252 rồi lưu lại, như “Káº¿ "
		                           "hoáº¡ch” thay cho “Kế hoạch”) và đã mất một số chữ cái "
		                           "(“�”): không khôi phục được; hãy tải lên chính tệp gốc "
		                           "(.html, .docx hay .pdf)",
		                           garbled));
	}
	html = html || html_sniff(s, len); /* UTF-16 pages show after decoding */
	struct lines l = {0};
	struct rows given = {0};
	size_t longline = 0;
	int rc = 0, doubt_line = 0;
	char *doubt = NULL; /* why a grid of <div>s was read as text */
	if (html)
		doubt = html_read_sheets(s, len, page ? page->sheets : NULL,
		                         page ? page->nsheets : 0, &l, &given, &doubt_line);
	else
		rc = split_lines(s, len, &l, &longline);
	if (!html && !rc)
		ruled_unframe(&l);
	free(conv);
	if (rc) {
		lines_free(&l);
		return fail(err, xasprintf("dòng %zu dài quá 64 KB: không phải một bảng kế hoạch",
		                           longline));
	}
	if (enc == ENCODING_CONVERTED && encname && !strcmp(encname, ENCODING_TWICE))
		plan_warn(p, 0,
		          "Chữ của tệp đã bị mã hóa hai lần (chữ UTF-8 bị đọc nhầm là Windows-1252 "
		          "rồi lưu lại, như “Káº¿ hoáº¡ch” thay cho “Kế hoạch”); đã giải mã lại "
		          "đúng chữ gốc, không mất chữ nào");
	else if (enc == ENCODING_CONVERTED && encname && strcmp(encname, "UTF-8 BOM"))
		plan_warn(p, 0, "Tệp dùng bảng mã %s; đã chuyển sang UTF-8", encname);
	meta_read(&l, p);
	rc = read_tables(&l, html ? &given : NULL, p, NULL, err);
	if (rc && doubt)
		err_set(err, ERR_DOCUMENT, "dòng %d: %s", doubt_line, doubt);
	else if (doubt)
		plan_warn(p, doubt_line, "%s", doubt);
	free(doubt);
	if (!rc) {
		check_total(&l, p);
		body_beside_table(&l, p);
		int h = html || p->nind ? 0 : run_header(&l);
		if (h)
			plan_warn(p, h,
			          "Dòng này giống tiêu đề bảng chỉ tiêu nhưng các ô của bảng dính "
			          "liền nhau (không có dấu | hay khoảng trống chia cột): chưa đọc "
			          "được chỉ tiêu nào của bảng; hãy nhập chính trang web hoặc văn bản "
			          "gốc");
	}
	lines_free(&l);
	if (rc) {
		plan_free(p);
		return -1;
	}
	finish(p);
	return 0;
}

char *import_read_file(const char *path, size_t max, size_t *len, struct error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(err, ERR_DOCUMENT, "%s: không mở được tệp: %s", path, strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		err_set(err, ERR_DOCUMENT, "%s: là một thư mục, không phải tệp", path);
		return NULL;
	}
	struct buf b = BUF_INIT;
	b.max = max;
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0 && !b.over)
		buf_put(&b, chunk, k);
	bool ioerr = ferror(f);
	fclose(f);
	if (ioerr || b.over) {
		if (ioerr)
			err_set(err, ERR_DOCUMENT, "%s: lỗi khi đọc tệp", path);
		else
			err_set(err, ERR_DOCUMENT, "%s: tệp quá lớn (hơn %zu MB)", path, max >> 20);
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_detach(&b);
}

int import_file(const char *path, struct plan *p, struct error *err)
{
	return import_file_opts(path, NULL, p, err);
}

int import_file_opts(const char *path, const struct import_options *opt, struct plan *p,
                     struct error *err)
{
	plan_init(p);
	size_t len;
	struct error why = {0};
	char *data = import_read_file(path, IMPORT_MAX_BYTES, &len, &why);
	if (!data) {
		if (err)
			*err = why;
		else
			err_clear(&why);
		return -1;
	}
	int rc = import_plan_opts(data, len, opt, p, &why);
	free(data);
	if (rc && err)
		err_set(err, why.code, "%s: %s", path, why.msg);
	err_clear(&why);
	return rc;
}
