/* htmlcss.h: the few CSS properties that make <div>s a table (display:
 * table, table-row, table-cell, table-header-group, grid, and a grid's
 * columns and items' column placement), read from a page's <style> rules
 * and its elements' style="" attributes. Not for use outside src/import. */
#ifndef CHITIEU_HTMLCSS_H
#define CHITIEU_HTMLCSS_H

#include <stdbool.h>
#include <stddef.h>

#define CSS_MAX_RULES 64 /* rules kept: those setting the properties below */
#define CSS_MAX_CLASS 48 /* bytes of a class name */

enum css_display {
	CSS_OTHER = 0,
	CSS_TABLE,
	CSS_ROW,
	CSS_CELL,
	CSS_GROUP,
	CSS_GRID,
	CSS_NONE, /* none, contents: no box of its own where it stands */
};

/* One end of a grid item's column placement: a line (1-based, negative
 * from the last), "span N", or auto (both 0). */
struct css_line {
	int line, span;
};

struct css_box {
	unsigned set; /* CSS_SET_* bits: the properties given */
	enum css_display display;
	int cols; /* grid-template-columns: tracks, -1 when not countable */
	struct css_line start, end;
	bool placement_bad; /* a grid-column the reader does not follow */
};

#define CSS_SET_DISPLAY 1u
#define CSS_SET_COLS    2u
#define CSS_SET_START   4u  /* grid-column, grid-column-start */
#define CSS_SET_END     8u  /* grid-column, grid-column-end */
#define CSS_SET_MOVED   16u /* grid-row, grid-area, order: placed off its turn */
#define CSS_SET_FLOW    32u /* grid-auto-flow other than row: filled off order */

struct css_rule {
	char cls[4][CSS_MAX_CLASS]; /* every class the element must have */
	int ncls;
	struct css_box box;
};

struct css_sheet {
	struct css_rule v[CSS_MAX_RULES];
	int n;
};

/* Whether s[0..end) starts with w (lower case), whatever the case. */
bool html_ci_starts(const char *s, const char *end, const char *w);

/* The rules of a <style> element's text p[0..n) whose subject is one or
 * more classes (".a", "div.a.b", ".t > .a") and that set any property
 * above, appended to sheet (at most CSS_MAX_RULES; at-rules skipped). */
void css_read(struct css_sheet *sheet, const char *p, size_t n);

/* The box an element with class attribute cls[0..ncls) and style
 * attribute style[0..nstyle) gets: the sheet's matching rules in order,
 * then its own style. */
struct css_box css_box(const struct css_sheet *sheet, const char *cls, size_t ncls,
                       const char *style, size_t nstyle);

#endif
