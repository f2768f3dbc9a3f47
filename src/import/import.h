/* import.h: plan documents (text of a PDF table, markdown or tab-separated
 * tables, one table per milestone) into a struct plan. */
#ifndef CHITIEU_IMPORT_H
#define CHITIEU_IMPORT_H

#include "plan.h"

#include <stddef.h>

#include "error.h"

/* Largest document and line accepted; past them the import fails with a
 * message instead of spending unbounded time. */
#define IMPORT_MAX_BYTES (16u << 20)
#define IMPORT_MAX_LINE  (64u << 10)

/* Read the document data[0..n) into p (initialised by the callee): text
 * (UTF-8 or a legacy encoding), a web page, a Word or Excel file, a PDF
 * (its text layer, or a scan through OCR), told apart by content. Returns
 * 0, or -1 with *err a one-line Vietnamese reason that the caller frees; p
 * is then empty. Warnings about the document go into p->warn. */
int import_plan(const char *data, size_t n, struct plan *p, struct error *err);

/* What a caller may ask of a parse. import_plan and import_file use none. */
struct import_options {
	/* Called as a long parse goes on: a scan's OCR after each page, done
	 * pages of total (done from 1), on the parsing thread. NULL: none (the
	 * OCR then prints its page line on stderr when that is a terminal). */
	void (*progress)(void *user, int done, int total);
	void *user; /* given back to progress */
};

/* import_plan with options (opt may be NULL). */
int import_plan_opts(const char *data, size_t n, const struct import_options *opt, struct plan *p,
                     struct error *err);

/* The bytes of a file, at most max of them: the caller frees. NULL with *err
 * (naming the file: missing, a folder, unreadable, larger than max). */
char *import_read_file(const char *path, size_t max, size_t *len, struct error *err);

/* The same for a file; the reason names the file. */
int import_file(const char *path, struct plan *p, struct error *err);
int import_file_opts(const char *path, const struct import_options *opt, struct plan *p,
                     struct error *err);

#endif
