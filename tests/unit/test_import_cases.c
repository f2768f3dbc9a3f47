/* test_import_cases.c: small documents for what the four real plans do not
 * show: other header wordings, no markdown separator line, bold markers, a
 * missing unit cell, headings over sub-rows, a group repeated after a page
 * break, a row cut in two, task deadlines, metadata; and bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "import.h"
#include "table.h"

static void parse_ok(const char *doc, struct plan *p)
{
	struct error err = {0};
	if (import_plan(doc, strlen(doc), p, &err))
		fail_msg("import failed: %s", err.msg);
}

static const char *parse_err(const char *doc, size_t n)
{
	static char msg[512];
	struct plan p;
	struct error err = {0};
	if (!import_plan(doc, n, &p, &err)) {
		plan_free(&p);
		fail_msg("import of bad input succeeded");
	}
	assert_non_null(err.msg);
	snprintf(msg, sizeof msg, "%s", err.msg);
	err_clear(&err);
	assert_int_equal(p.nind, 0);
	return msg;
}

/* Markdown with other header words, bold markers, no separator line, a
 * missing unit cell, and a heading row over sub-rows 3.1, 3.2. */
static void markdown_variant(void **s)
{
	(void)s;
	const char *doc =
	        "| **TT** | **Tên chỉ tiêu** | **ĐVT** | **Hiện trạng năm 2024** | **Năm 2025** "
	        "| **Năm 2030** | **Đơn vị chủ trì** | **Cơ quan phối hợp** |\n"
	        "| **I** | **HẠ TẦNG SỐ** | | | | | | |\n"
	        "| 1 | Tỷ lệ hộ gia đình có cáp quang | % | 60 | **≥ 80** | 100 | Phòng Văn "
	        "hóa - Xã hội | Viettel |\n"
	        "| 2 | Mức độ chuyển đổi số của xã | | | Khá | Tốt | Văn phòng HĐND-UBND | |\n"
	        "| 3 | Tỷ lệ người dân có tài khoản số | | | | | | |\n"
	        "| 3.1 | Có tài khoản định danh điện tử | % | 50 | 80 | 100 | Công an xã | |\n"
	        "| 3.2 | Có tài khoản thanh toán | % | | 60 | 90 | Phòng Kinh tế | |\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 4); /* the heading 3 is not an indicator */
	assert_int_equal(p.ngroups, 1);
	assert_string_equal(p.groups[0].name, "HẠ TẦNG SỐ");
	struct indicator *x = find(&p, "I.1");
	assert_true(x->has_baseline && x->baseline == 60);
	assert_int_equal(p.baseline_year, 2024);
	assert_string_equal(at(x, 2025)->text, "≥ 80");
	assert_true(at(x, 2025)->value == 80);
	assert_string_equal(x->lead, "Phòng Văn hóa - Xã hội");
	assert_string_equal(x->partners, "Viettel");
	x = find(&p, "I.2");
	assert_null(x->unit); /* missing unit cell tolerated */
	assert_int_equal(at(x, 2030)->kind, TARGET_LEVEL);
	x = find(&p, "I.3.1");
	assert_string_equal(x->lead, "Công an xã");
	find(&p, "I.3.2");
	plan_free(&p);
}

/* Tab-separated: a group repeated after a page break continues; a row cut
 * by the break continues; a misnumbered group gets the next code. */
static void tsv_page_breaks(void **s)
{
	(void)s;
	const char *doc = "Stt\tNội dung chỉ tiêu\tĐơn vị tính\t2025\t2030\tCơ quan chủ trì\n"
	                  "I.\tPhát triển hạ tầng\t\t\t\t\n"
	                  "1.\tPhủ sóng 5G\t%\t70\t100\tDoanh nghiệp viễn\n"
	                  "\n"
	                  "\t\t\t\t\tthông\n"
	                  "Stt\tNội dung chỉ tiêu\tĐơn vị tính\t2025\t2030\tCơ quan chủ trì\n"
	                  "I.\tPhát triển hạ tầng\t\t\t\t\n"
	                  "2.\tPhủ sóng 6G\t%\t-\t30\tDoanh nghiệp viễn thông\n"
	                  "II.\tPhát triển nguồn lực\t\t\t\t\n"
	                  "1.\tCán bộ có kỹ năng số\t%\t80\t100\tPhòng Nội vụ\n"
	                  "II.\tPhát triển chuyển đổi số\t\t\t\t\n"
	                  "1.\tTỷ lệ DVC trực tuyến\t%\t80\t100\tTrung tâm HCC\n"
	                  "3.\tTỷ lệ hồ sơ số hóa\t%\t80\t100\tTrung tâm HCC\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.ngroups, 3);
	assert_string_equal(p.groups[2].code, "III");
	assert_string_equal(find(&p, "I.1")->lead, "Doanh nghiệp viễn thông");
	assert_int_equal(find(&p, "I.1")->last_line, 5);
	find(&p, "I.2");
	find(&p, "III.3");
	bool gap = false, misnumbered = false;
	for (size_t i = 0; i < p.nwarn; i++) {
		gap |= strstr(p.warn[i].message, "thiếu 2") != NULL;
		misnumbered |= strstr(p.warn[i].message, "đặt mã III") != NULL;
	}
	assert_true(gap && misnumbered);
	plan_free(&p);
}

/* One section per milestone, worded differently, with abbreviations. */
static void milestone_sections(void **s)
{
	(void)s;
	const char *doc =
	        "TT\tTên chỉ tiêu\tĐơn vị tính\tMục tiêu\tCơ quan chủ trì theo dõi\n"
	        "I\tĐến năm 2025\t\t\t\n"
	        "1\tTỷ lệ TTHC được giải quyết trực tuyến\t%\t≥ 80\tTrung tâm HCC\n"
	        "2\tTỷ lệ phủ sóng 5G\t%\t50\tPhòng VH-XH\n"
	        "II\tĐến hết năm 2030\t\t\t\n"
	        "1\tTỷ lệ thủ tục hành chính được giải quyết trực tuyến.\t%\t100\tTrung tâm HCC\n"
	        "2\tTỷ lệ phủ sóng 6G\t%\t20\tPhòng VH-XH\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 3);
	struct indicator *x = &p.ind[0];
	assert_int_equal(x->ntargets, 2);
	assert_true(at(x, 2025)->value == 80);
	assert_true(at(x, 2030)->value == 100);
	assert_string_equal(x->lead, "Trung tâm HCC");
	assert_string_equal(x->monitor, "Trung tâm HCC");
	plan_free(&p);
}

static void tasks(void **s)
{
	(void)s;
	const char *doc =
	        "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan thực hiện | Thời gian thực hiện "
	        "|\n"
	        "|---|---|---|---|---|\n"
	        "| I | Lãnh đạo, chỉ đạo | | | |\n"
	        "| 1 | Ban hành kế hoạch | UBND xã | Các phòng | Hoàn thành trong tháng 5/2025 |\n"
	        "| 2 | Kiện toàn Ban Chỉ đạo | UBND xã | | trước tháng 12/2025 |\n"
	        "| 3 | Tuyên truyền | Phòng VH-XH | | Thực hiện thường xuyên |\n"
	        "| 4 | Đánh giá | Phòng VH-XH | | Hằng năm, trong quý IV/2026 |\n"
	        "| 5 | Triển khai | Phòng VH-XH | | Từ tháng 6/2025 |\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.ntasks, 5);
	assert_int_equal(p.nind, 0);
	assert_string_equal(p.tasks[0].code, "I.1");
	assert_int_equal(p.tasks[0].due_year, 2025);
	assert_int_equal(p.tasks[0].due_month, 5);
	assert_false(p.tasks[0].recurring);
	assert_int_equal(p.tasks[1].due_month, 12);
	assert_true(p.tasks[2].recurring);
	assert_int_equal(p.tasks[2].due_year, 0);
	assert_true(p.tasks[3].recurring);
	assert_int_equal(p.tasks[3].due_year, 2026);
	assert_int_equal(p.tasks[3].due_month, 12);
	assert_int_equal(p.tasks[4].due_year, 0); /* a start, not a deadline */
	assert_string_equal(p.tasks[0].lead, "UBND xã");
	assert_string_equal(p.tasks[0].implementers, "Các phòng");
	plan_free(&p);
}

static void metadata(void **s)
{
	(void)s;
	const char *doc =
	        "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nSố: 12/KH-UBND\n\n"
	        "An Bình, ngày 05 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
	        "Triển khai Nghị quyết số 57-NQ/TW\n\n"
	        "Phụ lục I\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2025 của UBND xã An Bình)\n"
	        "Stt\tNội dung chỉ tiêu\tĐơn vị tính\t2025\n"
	        "1.\tPhủ sóng 5G\t%\t70\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_string_equal(p.number, "12/KH-UBND");
	assert_string_equal(p.date, "2025-03-05");
	assert_string_equal(p.issuer, "UBND xã An Bình");
	assert_string_equal(p.title, "Kế hoạch triển khai Nghị quyết số 57-NQ/TW");
	plan_free(&p);
}

/* Group titles in the name column, letter codes, and the stated total. */
static void group_variants(void **s)
{
	(void)s;
	const char *doc = "| STT | Nội dung chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030 |\n"
	                  "| | **I. HẠ TẦNG SỐ** | | | |\n"
	                  "| 1 | Phủ sóng 5G | % | 70 | 100 |\n"
	                  "| | **II. NGUỒN NHÂN LỰC** | | | |\n"
	                  "| 1 | Cán bộ có kỹ năng số | % | 80 | 100 |\n"
	                  "| B | Chuyển đổi số | | | |\n"
	                  "| 1 | Tỷ lệ DVC trực tuyến | % | 80 | 100 |\n"
	                  "\nGhi chú: Tổng cộng có 4 chỉ tiêu.\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 3);
	assert_int_equal(p.ngroups, 3);
	assert_string_equal(p.groups[0].name, "HẠ TẦNG SỐ");
	assert_string_equal(p.groups[1].code, "II");
	assert_string_equal(p.groups[2].code, "III");
	assert_string_equal(find(&p, "I.1")->name, "Phủ sóng 5G");
	bool total = false;
	for (size_t i = 0; i < p.nwarn; i++)
		total |= strstr(p.warn[i].message, "tổng cộng 4 chỉ tiêu nhưng đọc được 3") != NULL;
	assert_true(total);
	plan_free(&p);
}

/* Text pulled from PDF or Word with one cell per line, records numbered
 * without a dot, a baseline column named "Kết quả thực hiện năm 2024". */
static void one_cell_per_line(void **s)
{
	(void)s;
	const char *doc = "Stt Nội dung chỉ tiêu Đơn vị tính Kết quả thực hiện năm 2024\n"
	                  "Mục tiêu\nCơ quan chủ trì\n2025 2030\n"
	                  "I Phát triển hạ tầng\n"
	                  "1\nTỷ lệ phủ sóng 5G\n%\n40\n70\n100\nDoanh nghiệp viễn thông\n"
	                  "2 Tỷ lệ hộ có cáp quang\n%\n50\n≥ 80\n100\nDoanh nghiệp viễn thông\n"
	                  "3\nMức độ chuyển đổi số\nMức độ\n-\nKhá\nTốt\nVăn phòng HĐND-UBND\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 3);
	struct indicator *x = find(&p, "I.1");
	assert_string_equal(x->name, "Tỷ lệ phủ sóng 5G");
	assert_string_equal(x->unit, "%");
	assert_true(x->has_baseline && x->baseline == 40);
	assert_true(at(x, 2025)->value == 70);
	assert_true(at(x, 2030)->value == 100);
	assert_string_equal(x->lead, "Doanh nghiệp viễn thông");
	x = find(&p, "I.2");
	assert_string_equal(x->name, "Tỷ lệ hộ có cáp quang");
	assert_true(at(x, 2025)->value == 80);
	x = find(&p, "I.3");
	assert_int_equal(at(x, 2030)->kind, TARGET_LEVEL);
	plan_free(&p);

	const char *md = "| TT | Chỉ tiêu | ĐVT | Kết quả thực hiện năm 2024 | Năm 2025 |\n"
	                 "| 1 | Phủ sóng 5G | % | 40 | 70 |\n";
	parse_ok(md, &p);
	x = find(&p, "I.1");
	assert_true(x->has_baseline && x->baseline == 40);
	assert_int_equal(p.baseline_year, 2024);
	assert_int_equal(x->ntargets, 1);
	plan_free(&p);
}

/* A row whose targets cannot be read is kept, verbatim, as text. */
static void unreadable_kept(void **s)
{
	(void)s;
	const char *doc = "Stt\tNội dung chỉ tiêu\tĐơn vị tính\t2025\t2030\n"
	                  "1.\tChỉ tiêu lạ\tChỉ số\tTheo hướng dẫn của Bộ\t???\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 1);
	assert_int_equal(at(&p.ind[0], 2025)->kind, TARGET_TEXT);
	assert_string_equal(at(&p.ind[0], 2025)->text, "Theo hướng dẫn của Bộ");
	assert_string_equal(at(&p.ind[0], 2030)->text, "???");
	plan_free(&p);
}

static void bad_input(void **s)
{
	(void)s;
	assert_non_null(strstr(parse_err("", 0), "rỗng"));
	assert_non_null(strstr(parse_err("\x00\x01\x02\x03 binary \x00\xff\xfe", 12), "nhị phân"));
	const char *prose = "Đây là một văn bản không có bảng nào.\nChỉ có chữ.\n";
	assert_non_null(strstr(parse_err(prose, strlen(prose)), "không tìm thấy bảng"));
	/* A line of 1 MB. */
	size_t n = 1u << 20;
	char *big = malloc(n + 1);
	memset(big, 'a', n);
	big[n] = '\0';
	assert_non_null(strstr(parse_err(big, n), "dài quá"));
	free(big);
	/* More than the limit. */
	n = IMPORT_MAX_BYTES + 1;
	big = malloc(n);
	memset(big, '\n', n);
	assert_non_null(strstr(parse_err(big, n), "quá lớn"));
	free(big);
	/* Invalid UTF-8 that is no known legacy encoding. */
	char junk[4096];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (char)(0x80 | (x >> 16));
	}
	const char *m = parse_err(junk, sizeof junk);
	assert_true(strstr(m, "bảng mã") || strstr(m, "nhị phân") || strstr(m, "không tìm thấy"));
}

/* A plan saved in Windows-1258 reads exactly like its UTF-8 form, with one
 * warning that it was converted. */
static void legacy_encoding(void **s)
{
	(void)s;
	struct plan a, b;
	struct error err = {0};
	if (import_file(CHITIEU_DATA "/legacy/004_cp1258.txt", &a, &err))
		fail_msg("%s", err.msg);
	if (import_file(CHITIEU_DATA "/legacy/004_utf8_ascii_signs.txt", &b, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(a.nind, 73);
	assert_int_equal(a.nwarn, b.nwarn + 1);
	assert_non_null(strstr(a.warn[0].message, "Windows-1258"));
	json_t *ja = plan_to_json(&a), *jb = plan_to_json(&b);
	json_array_remove(json_object_get(json_object_get(ja, "plan"), "warnings"), 0);
	assert_true(json_equal(ja, jb));
	json_decref(ja);
	json_decref(jb);
	plan_free(&a);
	plan_free(&b);
}

/* Milestones as section rows, each with sub-group rows I.1, I.2 inside; a
 * period's end year is its milestone. Page header, running text, "Nơi
 * nhận" and a signature around the table. */
static void section_milestones(void **s)
{
	(void)s;
	const char *doc =
	        "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 7/KH-UBND\n\nKẾ HOẠCH\nChuyển đổi số\n\n"
	        "Căn cứ tình hình thực tế, Ủy ban nhân dân xã ban hành các chỉ tiêu sau:\n"
	        "| TT | Chỉ tiêu | Đơn vị tính | Mức chỉ tiêu | Chủ trì |\n"
	        "| I | Mục tiêu đến năm 2030 | | | |\n"
	        "| I.1 | Hạ tầng số | | | |\n"
	        "| 1 | Tỷ lệ hộ gia đình có cáp quang | % | 90 | Phòng Văn hóa |\n"
	        "| 2 | Tỷ lệ thôn có sóng 5G | % | 80 | Phòng Văn hóa |\n"
	        "| I.2 | Chính quyền số | | | |\n"
	        "| 1 | Tỷ lệ hồ sơ xử lý trực tuyến | % | Tăng trung bình 5%/năm | Văn phòng |\n"
	        "| II | Mục tiêu đến năm 2045 | | | |\n"
	        "| II.1 | Hạ tầng số | | | |\n"
	        "| 1 | Tỷ lệ hộ gia đình có cáp quang | % | 100 | Phòng Văn hóa |\n"
	        "| II.2 | Chính quyền số | | | |\n"
	        "| 1 | Tỷ lệ hồ sơ xử lý trực tuyến | % | 100 | Văn phòng |\n"
	        "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.ngroups, 2);
	assert_string_equal(p.groups[0].name, "Hạ tầng số");
	assert_string_equal(p.groups[1].name, "Chính quyền số");
	assert_int_equal(p.nind, 3);
	struct indicator *x = find(&p, "I.1");
	assert_true(at(x, 2030)->value == 90);
	assert_true(at(x, 2045)->value == 100);
	x = find(&p, "II.1");
	assert_int_equal(at(x, 2030)->kind, TARGET_GROWTH);
	assert_true(at(x, 2045)->value == 100);
	assert_int_equal(find(&p, "I.2")->ntargets, 1);
	plan_free(&p);

	const char *periods =
	        "| STT | Nội dung chỉ tiêu | Đơn vị tính | Mức chỉ tiêu | Cơ quan chủ trì |\n"
	        "| I | Giai đoạn 2025-2027 | | | |\n"
	        "| 1 | Tỷ lệ học sinh được học kỹ năng số | % | 50 | Trường học |\n"
	        "| 2 | Chỉ số chuyển đổi số của xã | Điểm | > 0,7 | Văn phòng |\n"
	        "| II | Giai đoạn 2028 – 2030 | | | |\n"
	        "| 1 | Tỷ lệ học sinh được học kỹ năng số | % | 100 | Trường học |\n"
	        "| 2 | Chỉ số chuyển đổi số của xã | Điểm | ≥ 0,8 | Văn phòng |\n";
	parse_ok(periods, &p);
	assert_int_equal(p.nind, 2);
	int years[8];
	assert_int_equal(plan_milestones(&p, years, 8), 2);
	assert_int_equal(years[0], 2027);
	assert_int_equal(years[1], 2030);
	x = find(&p, "I.2");
	assert_int_equal(at(x, 2027)->op, TARGET_GT);
	assert_true(at(x, 2027)->value == 0.7);
	assert_true(at(x, 2030)->value == 0.8);
	plan_free(&p);
}

/* No table at all: the targets are a numbered list in the plan's body. */
static void numbered_list(void **s)
{
	(void)s;
	const char *doc =
	        "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
	        "Số: 12/KH-UBND\nAn Bình, ngày 3 tháng 6 năm 2025\n\nKẾ HOẠCH\n"
	        "Chuyển đổi số năm 2025 và định hướng đến năm 2030\n\n"
	        "I. MỤC TIÊU\n1. Mục tiêu đến năm 2030:\n"
	        "(1) Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt tối "
	        "thiểu 90%; (2) Kinh tế số chiếm 20% GRDP; (3) Tỷ lệ người dân trưởng thành "
	        "có chữ ký số không dưới 70%.\n"
	        "(4) Tỷ lệ thôn có điểm phát sóng wifi công cộng đạt 100% đến năm 2035.\n"
	        "II. NHIỆM VỤ\nTriển khai đồng bộ các giải pháp (1) và (2) nêu trên.\n\n"
	        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 4);
	struct indicator *x = find(&p, "I.1");
	assert_string_equal(x->name,
	                    "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình");
	assert_string_equal(x->unit, "%");
	assert_string_equal(at(x, 2030)->text, "đạt tối thiểu 90%");
	assert_int_equal(at(x, 2030)->kind, TARGET_NUMBER);
	assert_true(at(x, 2030)->value == 90);
	x = find(&p, "I.2");
	assert_string_equal(x->name, "Kinh tế số");
	assert_true(at(x, 2030)->value == 20);
	assert_true(at(find(&p, "I.3"), 2030)->value == 70);
	assert_true(at(find(&p, "I.4"), 2035)->value == 100); /* its own year */
	assert_string_equal(p.number, "12/KH-UBND");
	plan_free(&p);
}

/* Targets in words, each read as the kind it is; what cannot be evaluated
 * as a number says so (text, judged by the monitoring agency). */
static void target_words(void **s)
{
	(void)s;
	const char *doc =
	        "Cổng thông tin điện tử | Trang chủ | Văn bản\n\n"
	        "| TT | Chỉ tiêu | Đơn vị tính | Năm 2030 | Chủ trì |\n"
	        "| 1 | Chỉ số cải cách hành chính | Điểm | Đạt mức trung bình chung của tỉnh | VP "
	        "|\n"
	        "| 2 | Xếp hạng chuyển đổi số | Hạng | Nằm trong tốp 10 của tỉnh | VP |\n"
	        "| 3 | Mức độ chuyển đổi số | Mức | Thuộc nhóm khá của tỉnh | VP |\n"
	        "| 4 | Doanh thu thương mại điện tử | % | Tăng trung bình 15%/năm | KT |\n"
	        "| 5 | Tỷ lệ thu ngân sách | % | Không thấp hơn mức tỉnh giao | TC |\n"
	        "| 6 | Phủ sóng wifi công cộng | Khu vực | Đến các khu vực trung tâm, đông dân cư "
	        "| VH |\n"
	        "| 7 | Số hóa hồ sơ, tài liệu lưu trữ | | Cơ bản hoàn thành | VP |\n"
	        "| 8 | Xếp hạng đổi mới sáng tạo | Hạng | ≤ 3 Đông Nam Á; ≤ 50 Thế giới | KH |\n"
	        "| 9 | Chỉ số chuyển đổi số | Điểm | > 0,7 | VP |\n"
	        "| ... | ... | ... | ... | ... |\n"
	        "\nVăn bản liên quan\n| 1 | Nghị quyết 57-NQ/TW | 22/12/2024 |\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 9); /* neither the elision nor the related table */
	struct target *t = at(find(&p, "I.1"), 2030);
	assert_int_equal(t->kind, TARGET_RELATIVE);
	assert_int_equal(t->to, TARGET_TO_PROVINCE_AVERAGE);
	t = at(find(&p, "I.2"), 2030);
	assert_int_equal(t->kind, TARGET_RANK);
	assert_true(t->value == 10);
	t = at(find(&p, "I.3"), 2030);
	assert_int_equal(t->kind, TARGET_LEVEL);
	assert_string_equal(t->level, "Khá");
	t = at(find(&p, "I.4"), 2030);
	assert_int_equal(t->kind, TARGET_GROWTH);
	assert_true(t->value == 15);
	t = at(find(&p, "I.5"), 2030);
	assert_int_equal(t->kind, TARGET_RELATIVE);
	assert_int_equal(t->to, TARGET_TO_PROVINCE_TARGET);
	assert_int_equal(at(find(&p, "I.6"), 2030)->kind, TARGET_TEXT);
	assert_int_equal(at(find(&p, "I.7"), 2030)->kind, TARGET_YES);
	t = at(find(&p, "I.8"), 2030);
	assert_int_equal(t->kind, TARGET_TEXT); /* two ranks: not one number */
	assert_string_equal(t->text, "≤ 3 Đông Nam Á; ≤ 50 Thế giới");
	t = at(find(&p, "I.9"), 2030);
	assert_int_equal(t->kind, TARGET_NUMBER);
	assert_int_equal(t->op, TARGET_GT);
	assert_true(t->value == 0.7);
	plan_free(&p);
}

/* TT | Chỉ tiêu | Chủ trì: the target inside the indicator's sentence, its
 * milestone the one the title names; without one, the sentence is kept
 * whole and a warning names it. */
static void sentence_targets(void **s)
{
	(void)s;
	const char *doc = "KẾ HOẠCH\nChuyển đổi số xã An Bình đến năm 2030\n\n"
	                  "| TT | Chỉ tiêu | Chủ trì |\n"
	                  "| 1 | Tỷ lệ hồ sơ được số hóa đạt tối thiểu 95% | Trung tâm HCC |\n"
	                  "| 2 | Kinh tế số chiếm 20% GRDP của xã | Phòng Kinh tế |\n"
	                  "| 3 | Tỷ lệ người dùng VNeID không dưới 85% | Công an xã |\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 3);
	struct indicator *x = find(&p, "I.1");
	assert_string_equal(x->name, "Tỷ lệ hồ sơ được số hóa");
	assert_string_equal(x->unit, "%");
	assert_string_equal(x->lead, "Trung tâm HCC");
	assert_string_equal(at(x, 2030)->text, "đạt tối thiểu 95%");
	assert_true(at(x, 2030)->value == 95);
	x = find(&p, "I.2");
	assert_string_equal(x->name, "Kinh tế số");
	assert_true(at(x, 2030)->value == 20);
	assert_true(at(find(&p, "I.3"), 2030)->value == 85);
	plan_free(&p);

	/* A yearly plan; a row naming its own year. */
	const char *yearly =
	        "KẾ HOẠCH\nChuyển đổi số xã An Bình năm 2025\n\n"
	        "| TT | Chỉ tiêu | Chủ trì |\n"
	        "| 1 | Tỷ lệ hồ sơ được số hóa đạt tối thiểu 95% | Trung tâm HCC |\n"
	        "| 2 | Tỷ lệ hộ có cáp quang đạt 100% đến năm 2035 | Phòng Văn hóa |\n";
	parse_ok(yearly, &p);
	assert_true(at(find(&p, "I.1"), 2025)->value == 95);
	assert_true(at(find(&p, "I.2"), 2035)->value == 100);
	assert_int_equal(find(&p, "I.2")->ntargets, 1);
	plan_free(&p);

	/* The date of a resolution in the title is no milestone. */
	const char *no_year = "KẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm "
	                      "2024 của Bộ Chính trị\n\n"
	                      "| TT | Chỉ tiêu | Chủ trì |\n"
	                      "| 1 | Tỷ lệ hồ sơ được số hóa đạt tối thiểu 95% | Trung tâm HCC |\n";
	parse_ok(no_year, &p);
	assert_int_equal(p.nind, 1);
	assert_int_equal(p.ind[0].ntargets, 0);
	assert_string_equal(p.ind[0].name, "Tỷ lệ hồ sơ được số hóa đạt tối thiểu 95%");
	bool warned = false;
	for (size_t i = 0; i < p.nwarn; i++)
		warned |= strstr(p.warn[i].message, "không rõ mốc năm") != NULL;
	assert_true(warned);
	plan_free(&p);
}

/* A portal's text: each cell on its own line between '|' lines; the
 * heading between the indicator table and the task table (rows "1)") is
 * no cell; the related documents after the signature are no indicators. */
static void portal_two_tables(void **s)
{
	(void)s;
	const char *doc =
	        "Trang chủ | Văn bản pháp luật\n\n"
	        "|\nTT\n|\nChỉ tiêu\n|\nĐơn vị tính\n|\nNăm 2030\n|\n"
	        "|\n1)\n|\nTỷ lệ hộ có cáp quang\n|\n%\n|\n90\n|\n"
	        "|\n2)\n|\nTỷ lệ thôn có 5G\n|\n%\n|\n\n|\n"
	        "|\n...\n|\n...\n|\n...\n|\n\n"
	        "2. Nhiệm vụ trọng tâm\n\n"
	        "|\nTT\n|\nNội dung nhiệm vụ\n|\nCơ quan chủ trì\n|\nThời gian hoàn thành\n|\n"
	        "|\n1)\n|\nRà soát dữ liệu dân cư\n|\nCông an xã\n|\nQuý I/2026\n|\n"
	        "|\n2)\n|\nTập huấn kỹ năng số\n|\nPhòng Văn hóa\n|\nHằng năm\n|\n\n"
	        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan "
	        "kịp thời báo cáo Ủy ban nhân dân xã để xem xét, giải quyết.\n\n"
	        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n"
	        "Văn bản liên quan\n\n"
	        "| 1 | Nghị quyết 57-NQ/TW về khoa học, công nghệ | 22/12/2024 | Còn hiệu lực |\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 2);
	assert_int_equal(p.ntasks, 2);
	assert_string_equal(p.tasks[0].code, "I.1");
	assert_string_equal(p.tasks[1].code, "I.2");
	assert_string_equal(p.tasks[1].timeframe, "Hằng năm");
	assert_int_equal(at(find(&p, "I.2"), 2030)->kind, TARGET_NONE); /* the empty cell */
	plan_free(&p);
}

/* A numbered list wrapped over lines, as a PDF's text gives it. */
static void numbered_list_wrapped(void **s)
{
	(void)s;
	const char *doc = "KẾ HOẠCH\nChuyển đổi số xã An Bình\n\n"
	                  "2. Mục tiêu cụ thể đến năm 2030\n"
	                  "(1) Tỷ lệ thủ tục hành chính được cung cấp trực tuyến toàn trình đạt\n"
	                  "tối thiểu 90%; (2) Kinh tế số chiếm 15% GRDP của xã; (3) Tỷ lệ hộ\n"
	                  "gia đình dùng dịch vụ y tế từ xa không dưới 40%.\n"
	                  "II. NHIỆM VỤ\nThực hiện các mục tiêu (1), (2) và (3) nêu trên.\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 3);
	struct indicator *x = find(&p, "I.1");
	assert_string_equal(x->name,
	                    "Tỷ lệ thủ tục hành chính được cung cấp trực tuyến toàn trình");
	assert_true(at(x, 2030)->value == 90);
	x = find(&p, "I.3");
	assert_string_equal(x->name, "Tỷ lệ hộ gia đình dùng dịch vụ y tế từ xa");
	assert_true(at(x, 2030)->value == 40);
	plan_free(&p);
}

/* A task row whose cells are run together (text laid out by spaces: each
 * doubtful cell flagged, pword_flag): each warning names the task's field
 * its column gave, and a row says a message once per field, however many
 * of its columns give that field (the lead and the directing agency, those
 * who carry it out and those who help). */
static void task_cell_fields(void **s)
{
	(void)s;
	const char *text[] = {
	        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan chỉ đạo | Đơn vị thực hiện | "
	        "Đơn vị phối hợp | Thời gian thực hiện |",
	        "| I | Công tác lãnh đạo | | | | | |",
	        "| 1 | Kiện toàn Ban Chỉ đạo | Văn phòng | Ủy ban | Các xã | Công an | Năm 2025 |",
	        "| 2 | Ban hành quy chế | Phòng Nội vụ | | Các phòng | | Quý II/2025 |"};
	struct lines l = {0};
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
		l.v = realloc(l.v, (l.n + 1) * sizeof *l.v);
		l.v[l.n++] = strdup(text[i]);
	}
	struct rows r = {0};
	rows_from_lines(&l, &r);
	assert_int_equal(r.n, 4);
	for (size_t i = 0; i < r.n; i++)
		r.v[i].lossy = false; /* rows laid out by spaces, not '|' rows */
	r.v[2].doubt = 0x7e;          /* every cell of task 1 but its number */
	r.v[3].doubt = 0x03;          /* its number and title */
	struct plan p;
	plan_init(&p);
	pword_flag(&r, &p);
	assert_int_equal(p.nwarn, 8);
	interpret_rows(&r, &p);
	assert_int_equal(p.ntasks, 2);
	const char *want[][2] = {{"I.1", "title"},     {"I.1", "lead"}, {"I.1", "implementers"},
	                         {"I.1", "timeframe"}, {"I.2", "code"}, {"I.2", "title"}};
	assert_int_equal(p.nwarn, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < p.nwarn; i++) {
		const struct task *t = &p.tasks[p.warn[i].line == r.v[3].first];
		assert_string_equal(t->code, want[i][0]);
		assert_non_null(p.warn[i].field);
		assert_string_equal(p.warn[i].field, want[i][1]);
	}
	plan_free(&p);
	rows_free(&r);
	lines_free(&l);
}

/* '|' rows write a cell merged over rows once, the rows under it empty:
 * an empty lead or monitor under a filled one in the same group is named
 * in a warning of its field (the empty ones under it too), left empty; a
 * partner's empty cell only with its row's lead or monitor (partners are
 * often none); a group's first row, or one under an empty cell, never. */
static void merged_agencies_lost(void **s)
{
	(void)s;
	const char *doc =
	        "| STT | Tên chỉ tiêu | Đơn vị tính | Năm 2030 | Cơ quan chủ trì | Cơ quan theo "
	        "dõi | Cơ quan phối hợp |\n"
	        "| I | Hạ tầng số | | | | | |\n"
	        "| 1 | Tỷ lệ hộ có cáp quang | % | 90 | Phòng Kinh tế | Văn phòng | Viettel |\n"
	        "| 2 | Tỷ lệ thôn có 5G | % | 80 | | | |\n"
	        "| 3 | Số điểm wifi công cộng | Điểm | 10 | Phòng Văn hóa | | |\n"
	        "| 4 | Số camera an ninh | Camera | 50 | Công an xã | Văn phòng | |\n"
	        "| II | Dữ liệu số | | | | | |\n"
	        "| 1 | Tỷ lệ hồ sơ số hóa | % | 100 | | Văn phòng | Công an xã |\n"
	        "| 2 | Tỷ lệ dữ liệu dùng chung | % | 70 | Phòng Kinh tế | Văn phòng | |\n";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 6);
	const struct indicator *x = find(&p, "I.2");
	assert_null(x->lead);
	assert_null(x->partners);
	/* I.2 lead, monitor, partners; I.3 monitor (merged over three rows)
	 * and partners with it; nothing of I.4 (partners alone, its lead and
	 * monitor given), II.1 (a group's first row) or II.2 (partners alone) */
	const char *want[][2] = {{"I.2", "lead"},
	                         {"I.2", "monitor"},
	                         {"I.2", "partners"},
	                         {"I.3", "monitor"},
	                         {"I.3", "partners"}};
	size_t n = 0;
	for (size_t i = 0; i < p.nwarn; i++) {
		if (!strstr(p.warn[i].message, "ô gộp"))
			continue;
		assert_true(n < sizeof want / sizeof want[0]);
		assert_int_equal(p.warn[i].line, find(&p, want[n][0])->first_line);
		assert_non_null(p.warn[i].field);
		assert_string_equal(p.warn[i].field, want[n][1]);
		n++;
	}
	assert_int_equal(n, sizeof want / sizeof want[0]);
	plan_free(&p);
}

/* A title word split after its capital by a PDF's copy ("B ộ") is joined;
 * a lone letter before a one-letter word ("khu C ở") is left as written. */
static void title_split_letters(void **s)
{
	(void)s;
	const char *head = "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nSố: 12/KH-UBND\n\nKẾ HOẠCH\n";
	const char *table = "\n\nStt\tNội dung chỉ tiêu\tĐơn vị tính\t2025\n"
	                    "1.\tPhủ sóng 5G\t%\t70\n";
	const char *cases[][2] = {
	        {"Thực hiện Nghị quyết số 57-NQ/TW của B ộ Chính trị",
	         "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị"},
	        {"Xây dựng điểm truy cập khu C ở thôn Đông",
	         "Kế hoạch xây dựng điểm truy cập khu C ở thôn Đông"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char doc[512];
		snprintf(doc, sizeof doc, "%s%s%s", head, cases[i][0], table);
		struct plan p;
		parse_ok(doc, &p);
		assert_string_equal(p.title, cases[i][1]);
		plan_free(&p);
	}
}

/* "Cơ quan chủ trì / phối hợp" in one cell of lines (<br>): the lead on
 * the first, the partners on the others when each line starts an
 * agency's name; one name wrapped (after a hyphen, in lower case) whole;
 * a second line of capitals that starts no agency's name kept whole and
 * said of the lead and the partners. */
static void agency_lines(void **s)
{
	(void)s;
	const char *doc = "<html><body><table>"
	                  "<tr><td>TT</td><td>Chỉ tiêu</td><td>ĐVT</td><td>Năm 2030</td>"
	                  "<td>Cơ quan chủ trì / phối hợp</td></tr>"
	                  "<tr><td>1</td><td>Tỷ lệ A</td><td>%</td><td>90</td>"
	                  "<td>Sở Tài chính<br>Các sở, ban, ngành<br>Tỉnh Đoàn</td></tr>"
	                  "<tr><td>2</td><td>Tỷ lệ B</td><td>%</td><td>80</td>"
	                  "<td>Phòng Văn hoá -<br>Thông tin</td></tr>"
	                  "<tr><td>3</td><td>Tỷ lệ C</td><td>%</td><td>70</td>"
	                  "<td>Ủy ban nhân dân<br>huyện Phú Lâm</td></tr>"
	                  "<tr><td>4</td><td>Tỷ lệ D</td><td>%</td><td>60</td>"
	                  "<td>Trung tâm Văn hóa<br>Thể thao và Truyền thông</td></tr>"
	                  "</table></body></html>";
	struct plan p;
	parse_ok(doc, &p);
	assert_int_equal(p.nind, 4);
	assert_string_equal(p.ind[0].lead, "Sở Tài chính");
	assert_string_equal(p.ind[0].partners, "Các sở, ban, ngành; Tỉnh Đoàn");
	assert_string_equal(p.ind[1].lead, "Phòng Văn hoá - Thông tin");
	assert_null(p.ind[1].partners);
	assert_string_equal(p.ind[2].lead, "Ủy ban nhân dân huyện Phú Lâm");
	assert_null(p.ind[2].partners);
	assert_string_equal(p.ind[3].lead, "Trung tâm Văn hóa Thể thao và Truyền thông");
	assert_null(p.ind[3].partners);
	int lead = 0, partners = 0;
	for (size_t i = 0; i < p.nwarn; i++) {
		const char *f = p.warn[i].field;
		bool d = p.warn[i].line >= p.ind[3].first_line &&
		         p.warn[i].line <= p.ind[3].last_line;
		lead += f && d && !strcmp(f, "lead");
		partners += f && d && !strcmp(f, "partners");
		assert_true(d || !f || (strcmp(f, "lead") && strcmp(f, "partners")));
	}
	assert_int_equal(lead, 1);
	assert_int_equal(partners, 1);
	plan_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(markdown_variant),
	        cmocka_unit_test(tsv_page_breaks),
	        cmocka_unit_test(milestone_sections),
	        cmocka_unit_test(tasks),
	        cmocka_unit_test(metadata),
	        cmocka_unit_test(unreadable_kept),
	        cmocka_unit_test(bad_input),
	        cmocka_unit_test(legacy_encoding),
	        cmocka_unit_test(group_variants),
	        cmocka_unit_test(one_cell_per_line),
	        cmocka_unit_test(section_milestones),
	        cmocka_unit_test(numbered_list),
	        cmocka_unit_test(target_words),
	        cmocka_unit_test(sentence_targets),
	        cmocka_unit_test(portal_two_tables),
	        cmocka_unit_test(numbered_list_wrapped),
	        cmocka_unit_test(task_cell_fields),
	        cmocka_unit_test(merged_agencies_lost),
	        cmocka_unit_test(title_split_letters),
	        cmocka_unit_test(agency_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
