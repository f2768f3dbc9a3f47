/* fuzz_pdfgrid.c: libFuzzer harness for a text PDF's tables read by the
 * borders drawn around their cells (pdfgrid.c), without poppler: the input
 * is a count byte, that many 4-byte rules (kind: across or down, and one
 * or two pixels thick, by the low bits; page; place; from; to, on pages
 * drawn 200 by 250 pixels at 1.25 pixels a point), then 6-byte words as
 * fuzz_pdfrows.c's (x, y, width, page, two bytes choosing the word's text
 * from a vocabulary of header words, codes and targets). The rows go
 * through meta_read() and interpret_rows(); every row must have at most
 * MAX_CELLS cells, every cell must be valid UTF-8, and every row must name
 * a line of the text made. Any violation traps. */
#include "plan.h"
#include "table.h"
#include "text.h"
#include "text_rows.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CELLS 40
#define PW        200
#define PH        250
#define PAGES     3

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const vocab[] = {
        "STT",   "TT",    "Chỉ",  "tiêu",  "Nội", "dung", "Đơn", "vị", "tính", "Năm",
        "2025",  "2030",  "Cơ",   "quan",  "chủ", "trì",  "I",   "II", "I.1",  "1",
        "2",     "%",     "≥ 70", "100",   "-",   "Có",   "Tỷ",  "lệ", "1/3",  "file:///x.html",
        "Phòng", "HĐND-", "UBND", "50÷55", "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t nr = data[0] % 64, at = 1;
	unsigned char *px = malloc((size_t)PW * PH * PAGES);
	memset(px, 255, (size_t)PW * PH * PAGES);
	for (size_t r = 0; r < nr && at + 4 <= size; r++, at += 4) {
		const uint8_t *b = data + at;
		int page = (b[0] >> 2) % PAGES, thick = 1 + ((b[0] >> 1) & 1);
		int lo = b[2] < b[3] ? b[2] : b[3], hi = b[2] < b[3] ? b[3] : b[2];
		unsigned char *pg = px + (size_t)page * PW * PH;
		for (int t = 0; t < thick; t++)
			for (int k = lo; k <= hi; k++) {
				int x = b[0] & 1 ? b[1] % PW + t : k % PW,
				    y = b[0] & 1 ? k % PH : b[1] % PH + t;
				if (x < PW && y < PH)
					pg[(size_t)y * PW + (size_t)x] =
					        (unsigned char)(b[0] & 0x80 ? 120 : 0);
			}
	}
	size_t n = (size - at) / 6;
	if (n > 4000)
		n = 4000;
	struct pword *w = calloc(n ? n : 1, sizeof *w);
	size_t nv = sizeof vocab / sizeof vocab[0];
	for (size_t i = 0; i < n; i++) {
		const uint8_t *b = data + at + 6 * i;
		const char *s = vocab[((size_t)b[4] << 8 | b[5]) % nv];
		w[i].s = strdup(*s ? s : "x");
		w[i].x0 = b[0] * 0.62;
		w[i].x1 = w[i].x0 + 1 + (b[2] % 40);
		w[i].y0 = b[1] * 0.78;
		w[i].y1 = w[i].y0 + 6 + (b[2] >> 6);
		w[i].page = b[3] % PAGES;
	}
	/* sorted by page, as pdfdoc.c gives them */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && w[j - 1].page > w[j].page; j--) {
			struct pword x = w[j];
			w[j] = w[j - 1];
			w[j - 1] = x;
		}
	struct gpage pages[PAGES];
	for (int p = 0; p < PAGES; p++)
		pages[p] = (struct gpage){px + (size_t)p * PW * PH, PW, PH, PW, 1.25};
	struct rows rows = {0};
	struct lines text = {0};
	pgrid_rows(pages, PAGES, w, n, &rows, &text);
	rows_check(&rows, MAX_CELLS);
	for (size_t i = 0; i < rows.n; i++)
		if (rows.v[i].first < 1 || (size_t)rows.v[i].last > text.n)
			__builtin_trap();
	struct plan p;
	plan_init(&p);
	meta_read(&text, &p);
	interpret_rows(&rows, &p);
	plan_free(&p);
	rows_free(&rows);
	lines_free(&text);
	for (size_t i = 0; i < n; i++)
		free(w[i].s);
	free(w);
	free(px);
	return 0;
}
