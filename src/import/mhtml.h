/* mhtml.h: a web page saved as one file (MHTML: Chrome's and Edge's
 * "Webpage, Single File", Word's "Single File Web Page"), a MIME
 * multipart/related message: its HTML part and its stylesheets, decoded.
 * Not for use outside src/import. */
#ifndef CHITIEU_MHTML_H
#define CHITIEU_MHTML_H

#include "html.h"

#include <stdbool.h>
#include <stddef.h>

#define MHTML_MAX_PARTS  2000  /* parts of a message (a page's images) */
#define MHTML_MAX_HEADER 16384 /* bytes of one part's header lines */
#define MHTML_MAX_DEPTH  3     /* multiparts inside multiparts */
#define MHTML_MAX_SHEETS 32    /* stylesheet parts kept */

struct mhtml {
	char *html; /* the page's bytes, transfer encoding undone */
	size_t len;
	char *charset; /* its part's charset parameter, NULL when none */
	struct html_sheet sheets[MHTML_MAX_SHEETS];
	size_t nsheets;
};

/* True when s[0..n) opens with MIME headers whose Content-Type is
 * multipart/related (or multipart/mixed, as some savers write). */
bool mhtml_sniff(const char *s, size_t n);

/* The page of the message s[0..n): its root part (named by the start
 * parameter, else the first text/html part) and its text/css parts.
 * Returns 0, or -1 with *why in Vietnamese ("dòng N: …" of the file: a
 * message cut short, no HTML part, an unknown transfer encoding, bad
 * base64, too many parts); caller frees *why. mhtml_free in both cases. */
int mhtml_open(const char *s, size_t n, struct mhtml *m, char **why);
void mhtml_free(struct mhtml *m);

#endif
