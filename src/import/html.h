/* html.h: a web page (saved from a legal-document portal, or written by a
 * tool) read into the lines and rows the interpreter takes. Not for use
 * outside src/import. */
#ifndef CHITIEU_HTML_H
#define CHITIEU_HTML_H

#include "table.h"

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is an HTML document: after a BOM and white space it
 * starts with '<' and "<!DOCTYPE html", "<html", "<head", "<body" or
 * "<table" comes within its first kilobyte. */
bool html_sniff(const char *s, size_t n);

/* The charset the page declares in its first 4 KB (<meta charset=...>,
 * http-equiv content="...; charset=..."), as "windows-1258",
 * "windows-1252" or "utf-8"; NULL when none or another. */
const char *html_charset(const char *s, size_t n);

/* The page's text as lines (paragraphs outside tables, and one markdown
 * line per table row) and rows (text rows, and table rows with their cells
 * and table number, colspan and rowspan laid out on the grid). <div>s
 * that the page's <style> rules or style="" make display:table, table-row,
 * table-cell or a grid are a table too. s is UTF-8; script, style and head
 * are skipped. Appends to l and out; never fails. Returns NULL, or why a
 * grid of <div>s was read as text (its columns or an item's place not
 * known; the first one, at *line), in Vietnamese; caller frees. */
char *html_read(const char *s, size_t n, struct lines *l, struct rows *out, int *line);

/* A stylesheet saved with the page (an MHTML part): its address as the
 * file names it and its text. */
struct html_sheet {
	char *url;
	char *text;
	size_t len;
};

/* html_read with the stylesheets saved with the page: a <link
 * rel="stylesheet"> whose href is one of them (the same address, or a
 * relative one ending it) has its rules read as a <style>'s. */
char *html_read_sheets(const char *s, size_t n, const struct html_sheet *sheets, size_t nsheets,
                       struct lines *l, struct rows *out, int *line);

#endif
