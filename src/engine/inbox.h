/* inbox.h: the messages ("Thông báo") an account sees, computed from the
 * store for the day: its figures returned with a reason, cut-off windows
 * closing within INBOX_CUTOFF_DAYS with figures still missing, and tasks
 * past their deadline not done. The same list for the inbox page, the
 * header's unread count and the API. */
#ifndef CHITIEU_INBOX_H
#define CHITIEU_INBOX_H

#include "store.h"
#include "error.h"

#define INBOX_CUTOFF_DAYS 7

enum inbox_kind { INBOX_RETURNED, INBOX_CUTOFF, INBOX_OVERDUE };

struct inbox_msg {
	enum inbox_kind kind;
	char *key;  /* stable: the read mark is kept under it */
	char *unit; /* the unit's code */
	char *code; /* indicator or task code; NULL for a cut-off */
	char *period;
	char *text; /* the sentence shown, in Vietnamese */
	char *at;   /* when it happened (UTC ISO) or NULL */
	bool read;
};

void inbox_free(struct inbox_msg *m, size_t n);
const char *inbox_kind_name(enum inbox_kind k); /* "returned", "cutoff", "overdue" */

/* The messages of an account of unit unit_code (NULL: none) that reports for
 * agency (NULL: every indicator and task of the unit) on the day today
 * ("YYYY-MM-DD", local), newest first within each kind; read set from the
 * account's read marks. 0, or -1 with *err. */
int inbox_list(struct store *s, const char *login, const char *unit_code, const char *agency,
               const char *today, struct inbox_msg **out, size_t *n, struct error *err);

#endif
