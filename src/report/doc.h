/* doc.h: the report as one document model, built once from struct report
 * and rendered per format (HTML and PDF in report.c, DOCX and XLSX in
 * office.c), so that the formats say the same things in the same order:
 * the Decree 30/2020 header, the title, sections numbered I, II, III …
 * without gaps, tables of typed cells, the signature block and "Nơi
 * nhận". Internal to src/report. */
#ifndef CHITIEU_REPORT_DOC_H
#define CHITIEU_REPORT_DOC_H

#include "report.h"

#define RDOC_COLS 10

enum rcell_kind {
	RCELL_TEXT,
	RCELL_NUMBER,  /* v, printed with at most 2 decimals */
	RCELL_PERCENT, /* v a share 0..1, printed as "2,74%" (2 decimals) */
	RCELL_TARGET,  /* a numeric target: v with its operator in text ("≥ 70") */
};

struct rcell {
	char *text; /* as printed; never NULL (owned) */
	enum rcell_kind kind;
	bool has; /* v holds a number (kinds other than text) */
	double v;
	char prefix[24]; /* RCELL_TARGET: the milestone and operator, "2025: ≥ " */
};

struct rtable {
	int ncols;
	const char *head[RDOC_COLS];
	int twips[RDOC_COLS]; /* column widths in the DOCX (total ~9300) */
	struct rcell *cells;  /* nrows * ncols, row after row */
	const char **group;   /* per row: the indicator group (NULL when none) */
	size_t nrows;
	const char *sheet; /* its sheet in the XLSX */
};

enum rblock_kind { RBLOCK_HEADING, RBLOCK_PARA, RBLOCK_ITEM, RBLOCK_TABLE };

struct rblock {
	enum rblock_kind kind;
	char *text;          /* heading ("II. KẾT QUẢ …"), paragraph or list item (owned) */
	struct rtable table; /* RBLOCK_TABLE */
};

struct rdoc {
	/* The header (Decree 30/2020, appendix I): the issuing body over two
	 * lines, both bold, a short rule under it; "Số: …/BC-UBND"; the
	 * national title and motto; place and date on the "Số" line. */
	const char *body, *body_unit;
	char number[200], national[64], motto[64], place_date[200];
	const char *kind, *title; /* "BÁO CÁO", the subject */
	struct rblock *blocks;
	size_t nblocks;
	/* The signature block and the recipients (unit settings). */
	const struct unit_settings *sign;
	char deadline_line[200];
};

/* Build d from r (d points into r: free d before r). */
void rdoc_build(const struct report *r, struct rdoc *d);
void rdoc_free(struct rdoc *d);

/* A figure as the documents print it: rounded to 2 decimals (half away from
 * zero), no trailing zeros, a decimal comma ("63,16", "75"); "–" when
 * none. */
void rdoc_number(char out[40], bool has, double v);

/* A share 0..1 as a percentage with at most 2 decimals: "2,74%". */
void rdoc_percent(char out[48], double share);

/* The period a figure belongs to at the report's grain: month m (year * 12
 * + month - 1) seen as a month, quarter, half, nine months or year
 * ("2025-Q4"): the same in every format. */
void rdoc_figure_period(enum period_kind grain, int m, char out[PERIOD_NAME_SIZE]);

/* "I", "II" … for section k (1-based, up to 39). */
const char *rdoc_roman(int k);

#endif
