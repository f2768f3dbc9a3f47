/* fuzz_pdfrows.c: libFuzzer harness for the table rebuilt from word
 * positions (pdfrows.c), without poppler: the input is a list of synthetic
 * words, 6 bytes each: x, y (one byte each, scaled to a page), width, a
 * page byte, and two bytes choosing the word's text from a vocabulary of
 * header words, numbers, codes, targets and agency words, so that headers,
 * group rows, wrapped cells and page breaks are met often. The rows go
 * through interpret_rows() (odd sizes read as a PDF's words, pdf_word_rows,
 * even as OCR's, pword_rows); every row must have at most MAX_CELLS cells
 * and every cell must be valid UTF-8. Any violation traps. */
#include "plan.h"
#include "text_rows.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CELLS 24

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const vocab[] = {
        "STT",  "TT",    "Chỉ",  "tiêu", "Nội",   "dung",  "Đơn",          "vị",   "tính",
        "Hiện", "trạng", "Năm",  "2025", "2030",  "2035",  "Cơ",           "quan", "chủ",
        "trì",  "theo",  "dõi,", "đánh", "giá",   "Nhiệm", "vụ",           "Thời", "gian",
        "hoàn", "thành", "phối", "hợp",  "I",     "II",    "III",          "I.1",  "I.2",
        "II.1", "1",     "2",    "10",   "%",     "≥ 70",  "100",          "-",    ">60",
        "Có",   "Duy",   "trì,", "phát", "triển", "Phòng", "Văn",          "hóa",  "Tỷ",
        "lệ",   "người", "dân",  "Nơi",  "nhận:", "HĐND-", "UBND",         "Doan", "h",
        "ng",   "Trung", "tâm",  "Báo",  "cáo",   "a)",    "\xe2\x80\x93", "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = size / 6;
	if (n > 4000)
		n = 4000;
	struct pword *w = calloc(n ? n : 1, sizeof *w);
	size_t nv = sizeof vocab / sizeof vocab[0];
	for (size_t i = 0; i < n; i++) {
		const uint8_t *b = data + 6 * i;
		const char *s = vocab[((size_t)b[4] << 8 | b[5]) % nv];
		w[i].s = strdup(*s ? s : "x");
		w[i].x0 = b[0] * 2.3;
		w[i].x1 = w[i].x0 + 1 + (b[2] % 64);
		w[i].y0 = b[1] * 3.3;
		w[i].y1 = w[i].y0 + 10 + (b[2] >> 6);
		w[i].page = b[3] % 4;
		w[i].line = 0;
	}
	struct rows rows = {0};
	struct lines text = {0};
	/* odd sizes as a PDF's text layer: its pages' furniture dropped first */
	(size % 2 ? pdf_word_rows : pword_rows)(w, n, &rows, &text);
	rows_check(&rows, MAX_CELLS);
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
	return 0;
}
