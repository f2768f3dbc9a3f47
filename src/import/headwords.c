/* headwords.c: the words a table's header is made of, one list for every
 * reader (pdf.c, pdfrows.c, plainrows.c, ocr.c), each with the column it
 * most often names. A line or a cell made only of these words is a header
 * line; the readers add what else they allow (a year, a stray letter). */
#include "table.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Each group: what the words name, the words (folded, a space apart), and
 * the header phrases they come from. */
static const struct {
	enum head_kind kind;
	const char *words;
} head_words[] = {
        /* "STT", "TT", "Số thứ tự" */
        {HEAD_STT, "stt tt so thu tu"},
        /* "Nội dung", "Chỉ tiêu", "Tên nhiệm vụ", "Mã", "Các ... cụ thể" */
        {HEAD_NAME, "noi dung chi tieu ten nhiem vu ma cac cu the"},
        /* "Đơn vị tính", "ĐVT" */
        {HEAD_UNIT, "don vi tinh dvt"},
        /* "Mục tiêu", "Hiện trạng", "Kết quả thực hiện", "Ước", "Phấn đấu",
         * "Đạt được", "Mong muốn" */
        {HEAD_VALUE, "muc hien trang ket qua thuc uoc phan dau dat duoc mong muon"},
        /* "Năm", "Giai đoạn", "Đến năm", "Lộ trình", "Mốc" */
        {HEAD_YEAR, "nam giai doan den lo trinh moc"},
        /* "Cơ quan chủ trì", "Phối hợp", "Theo dõi, đánh giá", "Kiểm tra",
         * "Tổng hợp báo cáo", "Ban, ngành", "Phòng", "Khoa", "Phường, xã",
         * "Huyện", "Được giao" */
        {HEAD_AGENCY, "co quan chu tri phoi hop theo doi danh gia kiem tra tong bao cao ban "
                      "nganh phong khoa phuong xa huyen giao"},
        /* "Thời gian hoàn thành", "Thời hạn", "Tiến độ" */
        {HEAD_DEADLINE, "thoi gian hoan thanh han tien do"},
        /* "Ghi chú", "Lĩnh vực", "Sản phẩm", "Kinh phí", "Nguồn" */
        {HEAD_NOTE, "ghi linh vuc san pham kinh phi nguon"},
};

/* Whether the folded word f[0..n) is one of words (a space apart). */
static bool in_words(const char *words, const char *f, size_t n)
{
	for (const char *w = words; *w; w += *w == ' ') {
		size_t len = strcspn(w, " ");
		if (len == n && !strncmp(w, f, n))
			return true;
		w += len;
	}
	return false;
}

enum head_kind header_word_kind(const char *f, size_t n)
{
	for (size_t k = 0; k < sizeof head_words / sizeof head_words[0]; k++)
		if (in_words(head_words[k].words, f, n))
			return head_words[k].kind;
	return HEAD_NONE;
}

/* Header words only text laid out with spaces is read by ("Năm học", "Bộ
 * phận phụ trách", "Nội dung công việc", "Kế" over "hoạch", "So sánh KH
 * 2026/TH 2025", "Kinh phí (triệu đồng)"): in the list above they would
 * cost a PDF's own reading its targets. */
bool header_layout_word(const char *f, size_t n)
{
	return in_words("hoc bo phu trach cong viec sanh trieu dong ke hoach kh th", f, n);
}

bool header_word(const char *f)
{
	return header_word_kind(f, strlen(f)) != HEAD_NONE;
}

bool header_number_word(const char *f)
{
	return !strcmp(f, "stt") || !strcmp(f, "tt");
}

bool header_number(const char *s)
{
	char *f = text_fold(s);
	bool yes = header_number_word(f);
	free(f);
	return yes;
}

bool header_number_cell(const char *s)
{
	char *f = text_fold(s);
	bool yes = header_word_kind(f, strlen(f)) == HEAD_STT;
	free(f);
	return yes;
}
