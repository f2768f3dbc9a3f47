/* test_pdfgrid.c: a text PDF's tables read by the borders drawn around
 * their cells (pdfgrid.c), on pages drawn here by hand (no PDF, no
 * poppler): the rules become cells, a cell missing a rule merged over two
 * columns written once; a table going on over a page break: the repeated
 * header left out, the row the break cut joined, the page's running header
 * and its number dropped; a heading between the two parts kept as text,
 * the second part a table of its own. Exact cells are asserted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "table.h"

#define PW    200  /* a page's pixels across */
#define PH    250  /* and down */
#define SCALE 1.25 /* pixels a point */
#define NPAGE 2

struct doc {
	unsigned char px[NPAGE][PH * PW];
	struct pword w[64];
	size_t n;
};

static void hline(struct doc *d, int page, int y, int x0, int x1)
{
	memset(&d->px[page][y * PW + x0], 0, (size_t)(x1 - x0 + 1));
}

static void vline(struct doc *d, int page, int x, int y0, int y1)
{
	for (int y = y0; y <= y1; y++)
		d->px[page][y * PW + x] = 0;
}

/* A word in the box x0..x1, y0..y1 given in pixels. */
static void word(struct doc *d, int page, const char *s, int x0, int y0, int x1, int y1)
{
	d->w[d->n++] =
	        (struct pword){(char *)s, x0 / SCALE, y0 / SCALE, x1 / SCALE, y1 / SCALE, page, 0};
}

/* A table's rules: columns at x 10, 60, 110, 160, rows at ys[0..ny); the
 * rule at x 110 missing over the first row (its last two cells merged). */
static void table(struct doc *d, int page, const int *ys, int ny)
{
	for (int i = 0; i < ny; i++)
		hline(d, page, ys[i], 10, 160);
	vline(d, page, 10, ys[0], ys[ny - 1]);
	vline(d, page, 60, ys[0], ys[ny - 1]);
	vline(d, page, 110, ys[1], ys[ny - 1]);
	vline(d, page, 160, ys[0], ys[ny - 1]);
}

/* The header row at the top y of a table: "TT | Chỉ tiêu" over two. */
static void header(struct doc *d, int page, int y)
{
	word(d, page, "TT", 20, y + 5, 35, y + 15);
	word(d, page, "Chỉ", 80, y + 5, 95, y + 15);
	word(d, page, "tiêu", 98, y + 5, 120, y + 15);
}

/* The page's running header "Kế hoạch 09/KH" at its top. */
static void running_header(struct doc *d, int page)
{
	word(d, page, "Kế", 20, 4, 30, 12);
	word(d, page, "hoạch", 33, 4, 55, 12);
	word(d, page, "09/KH", 58, 4, 80, 12);
}

/* Row 3 at the y of its band: "3 | Xã | 100%". */
static void row3(struct doc *d, int page, int y)
{
	word(d, page, "3", 30, y + 5, 35, y + 15);
	word(d, page, "Xã", 70, y + 5, 80, y + 15);
	word(d, page, "100%", 120, y + 5, 140, y + 15);
}

/* Page 0 of every document: a running header, the table's header, row 1
 * and row 2 ("Số hệ", cut by the page's end), the page's number. */
static void first_page(struct doc *d)
{
	memset(d->px, 255, sizeof d->px);
	d->n = 0;
	running_header(d, 0);
	static const int ys[] = {20, 40, 60, 80};
	table(d, 0, ys, 4);
	header(d, 0, 20);
	word(d, 0, "1", 30, 45, 35, 55);
	word(d, 0, "Tỷ", 70, 45, 80, 55);
	word(d, 0, "lệ", 83, 45, 90, 55);
	word(d, 0, "80%", 120, 45, 135, 55);
	word(d, 0, "2", 30, 65, 35, 75);
	word(d, 0, "Số", 70, 65, 80, 75);
	word(d, 0, "hệ", 83, 65, 90, 75);
	word(d, 0, "Trang", 80, 230, 100, 238);
	word(d, 0, "1", 103, 230, 108, 238);
}

/* Page 0, and page 1 under the same running header. */
static void two_pages(struct doc *d)
{
	first_page(d);
	running_header(d, 1);
}

static int read_doc(struct doc *d, struct rows *out, struct lines *text)
{
	struct gpage pages[NPAGE];
	for (int p = 0; p < NPAGE; p++)
		pages[p] = (struct gpage){d->px[p], PW, PH, PW, SCALE};
	return pgrid_rows(pages, NPAGE, d->w, d->n, out, text);
}

/* Row i is a table's row of table no with exactly the cells a, b, c. */
static void assert_row(const struct rows *r, size_t i, int no, const char *a, const char *b,
                       const char *c)
{
	assert_true(i < r->n);
	const struct row *v = &r->v[i];
	assert_false(v->text);
	assert_int_equal(v->table, no);
	assert_int_equal(v->ncell, 3);
	assert_string_equal(v->cell[0], a);
	assert_string_equal(v->cell[1], b);
	assert_string_equal(v->cell[2], c);
}

static void assert_text(const struct rows *r, size_t i, const char *s, int page)
{
	assert_true(i < r->n);
	assert_true(r->v[i].text);
	assert_int_equal(r->v[i].ncell, 1);
	assert_string_equal(r->v[i].cell[0], s);
	assert_int_equal(r->v[i].page, page);
}

/* The rules are one table of three columns and three rows; the header's
 * "Chỉ tiêu" over the last two columns, written in the first. */
static void rules_to_cells(void **state)
{
	(void)state;
	static struct doc d;
	first_page(&d);
	struct rows r = {0};
	struct lines text = {0};
	assert_int_equal(read_doc(&d, &r, &text), 1);
	assert_int_equal(r.n, 5);
	assert_text(&r, 0, "Kế hoạch 09/KH", 1);
	assert_row(&r, 1, 1, "TT", "Chỉ tiêu", "");
	assert_true(r.v[1].lossy);
	assert_row(&r, 2, 1, "1", "Tỷ lệ", "80%");
	assert_false(r.v[2].lossy);
	assert_row(&r, 3, 1, "2", "Số hệ", "");
	assert_int_equal(r.v[3].tabrow, 3);
	assert_text(&r, 4, "Trang 1", 1);
	assert_int_equal(text.n, 5);
	rows_free(&r);
	lines_free(&text);
}

/* Page 1: the running header again, the table going on: its header
 * repeated, a first row with no number ("thống", "05") ending row 2, row
 * 3; the page's number. */
static void page_break_join(void **state)
{
	(void)state;
	static struct doc d;
	two_pages(&d);
	static const int ys[] = {20, 40, 60, 80};
	table(&d, 1, ys, 4);
	header(&d, 1, 20);
	word(&d, 1, "thống", 70, 45, 95, 55);
	word(&d, 1, "05", 120, 45, 130, 55);
	row3(&d, 1, 60);
	word(&d, 1, "Trang", 80, 230, 100, 238);
	word(&d, 1, "2", 103, 230, 108, 238);
	struct rows r = {0};
	struct lines text = {0};
	assert_int_equal(read_doc(&d, &r, &text), 2);
	assert_int_equal(r.n, 6);
	assert_text(&r, 0, "Kế hoạch 09/KH", 1);
	assert_row(&r, 1, 1, "TT", "Chỉ tiêu", "");
	assert_row(&r, 2, 1, "1", "Tỷ lệ", "80%");
	assert_row(&r, 3, 1, "2", "Số hệ thống", "05");
	assert_row(&r, 4, 1, "3", "Xã", "100%");
	assert_int_equal(r.v[4].page, 2);
	assert_int_equal(r.v[4].tabrow, 4);
	assert_text(&r, 5, "Trang 2", 2);
	rows_free(&r);
	lines_free(&text);
}

/* Page 1: a heading over the table's next part, under the running
 * header: kept as a line of text, the part a table of its own (its
 * header a row again), row 2 left as it was. */
static void heading_between_parts(void **state)
{
	(void)state;
	static struct doc d;
	two_pages(&d);
	word(&d, 1, "2.", 20, 24, 28, 32);
	word(&d, 1, "KINH", 31, 24, 50, 32);
	word(&d, 1, "TẾ", 53, 24, 62, 32);
	static const int ys[] = {40, 60, 80};
	table(&d, 1, ys, 3);
	header(&d, 1, 40);
	row3(&d, 1, 60);
	struct rows r = {0};
	struct lines text = {0};
	assert_int_equal(read_doc(&d, &r, &text), 2);
	assert_int_equal(r.n, 7);
	assert_row(&r, 3, 1, "2", "Số hệ", "");
	assert_text(&r, 4, "2. KINH TẾ", 2);
	assert_row(&r, 5, 2, "TT", "Chỉ tiêu", "");
	assert_row(&r, 6, 2, "3", "Xã", "100%");
	rows_free(&r);
	lines_free(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(rules_to_cells),
	        cmocka_unit_test(page_break_join),
	        cmocka_unit_test(heading_between_parts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
