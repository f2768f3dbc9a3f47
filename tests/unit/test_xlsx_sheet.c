/* test_xlsx_sheet.c: an Excel workbook's first sheet as the CSV text the
 * figures import page reads (issue 14): cells as stored (numbers exact,
 * exponents rewritten, percentages and dates as shown), quoting, the line
 * of each row, and the refusals (not a ZIP, a ZIP that is not a workbook,
 * no sheet, a zip bomb past the reader's limit). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "csv.h"
#include "util.h"
#include "xlsx_sheet.h"

struct part {
	const char *name, *data;
	size_t len; /* 0: strlen(data) */
};

/* A ZIP of the given parts; *n gets its size. The caller frees. */
static char *make_zip(const struct part *parts, size_t nparts, size_t *n)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	for (size_t i = 0; i < nparts; i++) {
		size_t len = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *s = zip_source_buffer(z, parts[i].data, len, 0);
		assert_true(zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_open(src), 0);
	zip_source_seek(src, 0, SEEK_END);
	zip_int64_t len = zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	char *out = malloc((size_t)len);
	assert_int_equal(zip_source_read(src, out, (zip_uint64_t)len), len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*n = (size_t)len;
	return out;
}

static const char styles[] =
        "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"mm/yyyy;@\"/>"
        "<numFmt numFmtId=\"165\" formatCode=\"&quot;ngày&quot; dd/mm/yyyy\"/>"
        "<numFmt numFmtId=\"166\" formatCode=\"0.0&quot;d&quot;\"/></numFmts>"
        "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/><xf numFmtId=\"14\"/>"
        "<xf numFmtId=\"17\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
        "<xf numFmtId=\"166\"/></cellXfs></styleSheet>";

/* The CSV text of a one-sheet workbook with this sheetData (and the
 * workbook's workbookPr, if any); NULL with *err on refusal. */
static char *sheet(const char *rows, const char *pr, struct error *err)
{
	char *wb = xasprintf("<workbook>%s<sheets><sheet name=\"1\"/></sheets></workbook>",
	                     pr ? pr : "");
	char *ws = xasprintf("<worksheet><sheetData>%s</sheetData></worksheet>", rows);
	struct part p[] = {
	        {"xl/workbook.xml", wb, 0},
	        {"xl/worksheets/sheet1.xml", ws, 0},
	        {"xl/styles.xml", styles, 0},
	        {"xl/sharedStrings.xml",
	         "<sst><si><t>a,b</t></si><si><r><t>say \"</t></r>"
	         "<r><t>hi\"</t></r></si><si><t>x\ny</t></si></sst>",
	         0},
	};
	size_t n, len = 0;
	char *zip = make_zip(p, 4, &n);
	err_clear(err);
	char *out = xlsx_sheet_csv(zip, n, &len, err);
	if (out)
		assert_int_equal(strlen(out), len);
	free(zip), free(wb), free(ws);
	return out;
}

static void expect(const char *rows, const char *pr, const char *want)
{
	struct error err = {0};
	char *got = sheet(rows, pr, &err);
	if (!got)
		fail_msg("refused: %s", err.msg);
	assert_string_equal(got, want);
	free(got);
}

#define N(ref, v)    "<c r=\"" ref "\"><v>" v "</v></c>"
#define S(ref, s, v) "<c r=\"" ref "\" s=\"" s "\"><v>" v "</v></c>"

static void numbers_exact(void **state)
{
	(void)state;
	expect("<row r=\"1\">" N("A1", "0.1") N("B1", "1.25E1") N("C1", "0.30000000000000004")
	               N("D1", "-5") N("E1", "1E-7") N("F1", "123456789012345678") "</row>",
	       NULL, "0.1,12.5,0.30000000000000004,-5,1e-07,123456789012345678\n");
	/* a number format that is not a date or percent changes nothing */
	expect("<row r=\"1\">" S("A1", "6", "2.5") "</row>", NULL, "2.5\n");
}

static void percents(void **state)
{
	(void)state;
	expect("<row r=\"1\">" S("A1", "1", "0.955") S("B1", "1", "1") S("C1", "1", "-0.001")
	               S("D1", "1", "12.3400") S("E1", "1", "0") S("F1", "1", "-0.0")
	                       S("G1", "1", "0.1234567") "</row>",
	       NULL, "95.5,100,-0.1,1234,0,0,12.34567\n");
}

static void dates(void **state)
{
	(void)state;
	/* d/m/yyyy (14), mmm-yy (17), mm/yyyy, a quoted "ngày" with dd */
	expect("<row r=\"1\">" S("A1", "2", "46023") S("B1", "3", "46023") S("C1", "4", "46054")
	               S("D1", "5", "46113.75") S("E1", "2", "1") S("F1", "2", "61")
	                       S("G1", "2", "60") "</row>",
	       NULL, "2026-01-01,2026-01,2026-02,2026-04-01,1900-01-01,1900-03-01,60\n");
	/* the 1904 date system: 0 is 1 January 1904, so 44561 is 2026-01-01 */
	expect("<row r=\"1\">" S("A1", "2", "44561") "</row>", "<workbookPr date1904=\"1\"/>",
	       "2026-01-01\n");
}

static void texts_and_lines(void **state)
{
	(void)state;
	/* shared strings quoted when needed, inline strings, booleans, a gap
	 * of rows kept as empty lines, cells from column A */
	const char *rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
	                   "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"b\"><v>1</v></c></row>"
	                   "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>2</v></c></row>"
	                   "<row r=\"5\"><c r=\"C5\" t=\"inlineStr\"><is><t>ở đây</t></is></c>"
	                   "<c r=\"D5\" t=\"s\"><v>99</v></c></row>";
	struct error err = {0};
	char *got = sheet(rows, NULL, &err);
	assert_non_null(got);
	assert_string_equal(got, "\"a,b\",\"say \"\"hi\"\"\",1\n,\"x\ny\"\n\n,,ở đây\n");
	struct csv t = {0};
	assert_int_equal(csv_parse(got, strlen(got), &t, &err), 0);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.rows[0].line, 1);
	assert_int_equal(t.rows[1].line, 2);
	assert_int_equal(t.rows[2].line, 5); /* the spreadsheet's own row */
	assert_string_equal(t.rows[1].f[1], "x\ny");
	assert_string_equal(t.rows[2].f[2], "ở đây");
	csv_free(&t);
	free(got);
}

static void refusals(void **state)
{
	(void)state;
	struct error err = {0};
	size_t len, n;
	const char text[] = "unit,indicator,period,value\nA,I.1,2026-01,5\n";
	assert_null(xlsx_sheet_csv(text, sizeof text - 1, &len, &err));
	assert_non_null(strstr(err.msg, "không phải bảng tính Excel (.xlsx)"));
	err_clear(&err);
	/* a ZIP that is a Word document */
	struct part w[] = {{"word/document.xml", "<document/>", 0}};
	char *zip = make_zip(w, 1, &n);
	assert_null(xlsx_sheet_csv(zip, n, &len, &err));
	assert_non_null(strstr(err.msg, "không phải bảng tính Excel"));
	err_clear(&err), free(zip);
	/* a workbook without sheets, and one whose sheet part is missing */
	struct part e[] = {{"xl/workbook.xml", "<workbook><sheets/></workbook>", 0}};
	zip = make_zip(e, 1, &n);
	assert_null(xlsx_sheet_csv(zip, n, &len, &err));
	assert_non_null(strstr(err.msg, "không có trang tính"));
	err_clear(&err), free(zip);
	struct part m[] = {{"xl/workbook.xml",
	                    "<workbook><sheets><sheet name=\"1\"/></sheets></workbook>", 0}};
	zip = make_zip(m, 1, &n);
	assert_null(xlsx_sheet_csv(zip, n, &len, &err));
	assert_non_null(strstr(err.msg, "xl/worksheets/sheet1.xml"));
	err_clear(&err), free(zip);
	/* a zip bomb: 80 MiB of one cell's text compresses to ~80 KB and passes
	 * the reader's 64 MiB expansion limit */
	size_t big = (size_t)80 << 20;
	char *bomb = xcalloc(big + 1, 1);
	memset(bomb, 'a', big);
	struct part b[] = {
	        {"xl/workbook.xml", "<workbook><sheets><sheet name=\"1\"/></sheets></workbook>", 0},
	        {"xl/worksheets/sheet1.xml", bomb, big},
	};
	zip = make_zip(b, 2, &n);
	free(bomb);
	assert_true(n < (1u << 20));
	assert_null(xlsx_sheet_csv(zip, n, &len, &err));
	assert_non_null(err.msg);
	err_clear(&err), free(zip);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(numbers_exact), cmocka_unit_test(percents),
	        cmocka_unit_test(dates),         cmocka_unit_test(texts_and_lines),
	        cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
