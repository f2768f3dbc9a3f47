/* upload.h: reading uploaded plan documents off the request. Each document
 * is read by import_plan in a child process, with limits on memory and CPU
 * time, so that a hostile PDF or a long OCR cannot take the server or a
 * worker with it; a thread per job collects the child's progress ("page k
 * of n") and its plan JSON. The request that started the job, or a later
 * poll, stores the result as a draft.
 *
 * The child is not a fork of the (multithreaded) server: it is the running
 * program executed afresh (posix_spawn of /proc/self/exe) as
 * "PROG __read --cpu SECONDS --mem BYTES", the document on its standard
 * input (an anonymous memfd), the answer on its standard output (a pipe).
 * So every program that calls upload_start must hand "__read" to
 * upload_read_main first thing in main (chitieu's main.c, bench_upload). */
#ifndef CHITIEU_UPLOAD_H
#define CHITIEU_UPLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define UPLOAD_MAX_BYTES   (20u << 20) /* the largest document accepted */
#define UPLOAD_MAX_JOBS    4           /* documents read at once */
#define UPLOAD_PER_ACCOUNT 2
/* RLIMIT_CPU of the child, soft (SIGXCPU); the hard limit is 2 s more.
 * CHITIEU_UPLOAD_CPU_SECONDS lowers it (tests, small servers). */
#define UPLOAD_CPU_SECONDS  120
#define UPLOAD_MEM_BYTES    ((size_t)3 << 30) /* RLIMIT_AS of the child */
#define UPLOAD_WALL_SECONDS 300               /* then the child is killed */
#define UPLOAD_KEEP_SECONDS 3600              /* a finished job is remembered so long */
#define UPLOAD_ID_MAX       24

struct uploads;

struct uploads *uploads_new(void);
/* Kill the children still reading, wait for their threads, free all. */
void uploads_free(struct uploads *u);

enum upload_state { UPLOAD_READING, UPLOAD_DONE, UPLOAD_FAILED };

struct upload_status {
	enum upload_state state;
	int page, pages;  /* pages read so far of pages (0 of 0: not told) */
	char *json;       /* UPLOAD_DONE, not yet stored: the plan JSON */
	struct error err; /* UPLOAD_FAILED: its code and one Vietnamese sentence */
	char *filename;
	int64_t draft; /* the draft the result went into, 0 when not yet */
};

void upload_status_free(struct upload_status *st);

/* Start reading data[0..n) (an upload of filename for unit by login) in a
 * child process; data is copied to the child's input, the caller keeps it.
 * 0 and id set, or -1 with *err (ERR_TOO_MANY when too many documents
 * are being read). */
int upload_start(struct uploads *u, const char *unit, const char *login, const char *filename,
                 const char *data, size_t n, char id[UPLOAD_ID_MAX], struct error *err);

/* Wait at most ms milliseconds for job id to finish. */
void upload_wait(struct uploads *u, const char *id, int ms);

/* The state of job id of unit into *st (copies): false when there is no
 * such job of that unit. */
bool upload_get(struct uploads *u, const char *id, const char *unit, struct upload_status *st);

/* The result of job id is now draft: its JSON is let go. */
void upload_set_draft(struct uploads *u, const char *id, int64_t draft);

/* Child processes run so far, and the microseconds from spawn to the
 * child's exit summed (for the overhead measured in bench). */
void upload_counters(struct uploads *u, long *children, long *child_us);

/* The reading child: "__read" and its arguments (argv[0] is "__read"):
 * --cpu SECONDS (RLIMIT_CPU, soft; hard 2 s more), --mem BYTES (RLIMIT_AS,
 * 0: none), set before anything is read. It reads the document from
 * standard input and writes to standard output lines "P k n" as OCR reads
 * page k of n, then 'J' and the plan JSON, or 'E', the error's code in a
 * byte and its message. The exit status: 0 answered, 1 usage. */
#define UPLOAD_READ_CMD "__read"
int upload_read_main(int argc, char **argv);

#endif
