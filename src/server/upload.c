/* upload.c: jobs reading uploaded documents, each in a child process.
 * The child is this program executed afresh (posix_spawn of /proc/self/exe
 * with "__read", see upload.h), never a fork of the multithreaded server:
 * after fork only async-signal-safe calls are allowed, and poppler,
 * Tesseract or malloc could wait forever on a lock another thread held.
 * The child sets RLIMIT_CPU and RLIMIT_AS on itself, reads the document
 * from its standard input (a memfd) with import_plan and writes to a pipe:
 * lines "P k n" as OCR reads page k of n, then 'J' and the plan JSON, or
 * 'E' and the reason, to its end. A thread per job reads the pipe, kills a
 * child that runs past UPLOAD_WALL_SECONDS and reaps it; a child that dies
 * (a signal, a limit) fails the job with one sentence. */
#define _GNU_SOURCE /* pipe2, memfd_create, posix_spawn_file_actions_addclosefrom_np */
#include "upload.h"

#include "import.h"
#include "ocr.h"
#include "text.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define RESULT_MAX ((size_t)64 << 20) /* the plan JSON of a document, at most */

struct job {
	char id[UPLOAD_ID_MAX];
	char *unit, *login, *filename;
	pid_t pid;
	int fd; /* the pipe's reading end, until the thread is done */
	enum upload_state state;
	int page, pages;
	char *json;
	struct error err;
	int64_t draft;
	time_t started, ended;
	struct job *next;
};

struct uploads {
	pthread_mutex_t mu;
	pthread_cond_t changed;
	struct job *jobs;
	int running;
	unsigned long serial;
	long children, child_us;
	bool closing;
};

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

struct uploads *uploads_new(void)
{
	struct uploads *u = xcalloc(1, sizeof *u);
	pthread_mutex_init(&u->mu, NULL);
	pthread_cond_init(&u->changed, NULL);
	return u;
}

static void job_free(struct job *j)
{
	free(j->unit);
	free(j->login);
	free(j->filename);
	free(j->json);
	err_clear(&j->err);
	free(j);
}

void uploads_free(struct uploads *u)
{
	if (!u)
		return;
	pthread_mutex_lock(&u->mu);
	u->closing = true;
	for (struct job *j = u->jobs; j; j = j->next)
		if (j->state == UPLOAD_READING && j->pid > 0)
			kill(j->pid, SIGKILL);
	while (u->running)
		pthread_cond_wait(&u->changed, &u->mu);
	pthread_mutex_unlock(&u->mu);
	for (struct job *j = u->jobs, *next; j; j = next) {
		next = j->next;
		job_free(j);
	}
	pthread_mutex_destroy(&u->mu);
	pthread_cond_destroy(&u->changed);
	free(u);
}

void upload_status_free(struct upload_status *st)
{
	if (!st)
		return;
	free(st->json);
	err_clear(&st->err);
	free(st->filename);
	memset(st, 0, sizeof *st);
}

/* ---- the child ---------------------------------------------------------- */

static void put_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void child_progress(void *ctx, int page, int npages)
{
	char line[48];
	int n = snprintf(line, sizeof line, "P %d %d\n", page, npages);
	put_all(*(int *)ctx, line, (size_t)n);
}

static void limit(int resource, rlim_t v, rlim_t hard)
{
	struct rlimit r = {v, hard};
	setrlimit(resource, &r);
}

int upload_read_main(int argc, char **argv)
{
	long cpu = 0;
	long long mem = -1;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--cpu"))
			cpu = strtol(argv[i + 1], NULL, 10);
		else if (!strcmp(argv[i], "--mem"))
			mem = strtoll(argv[i + 1], NULL, 10);
	}
	if (cpu <= 0 || mem < 0 || argc % 2 == 0) {
		fprintf(stderr,
		        "chitieu " UPLOAD_READ_CMD ": lệnh nội bộ của máy chủ (đọc tệp tải lên): "
		        "--cpu GIÂY --mem BYTE, tệp ở đầu vào chuẩn\n");
		return 1;
	}
	limit(RLIMIT_CPU, (rlim_t)cpu, (rlim_t)cpu + 2);
	limit(RLIMIT_CORE, 0, 0);
#ifndef UNDER_ASAN /* ASan reserves terabytes of address space */
	if (mem > 0)
		limit(RLIMIT_AS, (rlim_t)mem, (rlim_t)mem);
#else
	(void)mem;
#endif
	/* The answer goes to the pipe given as standard output; whatever a
	 * library prints there goes to standard error instead. */
	int fd = fcntl(1, F_DUPFD_CLOEXEC, 3);
	if (fd < 0 || dup2(2, 1) < 0)
		return 1;
	struct buf in = {NULL, 0, 0, UPLOAD_MAX_BYTES, false};
	char chunk[65536];
	for (;;) {
		ssize_t got = read(0, chunk, sizeof chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		buf_put(&in, chunk, (size_t)got);
	}
	ocr_set_progress(child_progress, &fd);
	struct plan p;
	struct error err = {0};
	if (in.over)
		err_set(&err, ERR_DOCUMENT, "Tệp lớn quá %u MB; chưa lưu gì.",
		        UPLOAD_MAX_BYTES >> 20);
	if (err_is(&err) || import_plan(in.ptr ? in.ptr : "", in.len, &p, &err)) {
		/* 'E', the code in a byte, the message: a reader's error is the document's. */
		char code = (char)(err.code != ERR_NONE ? err.code : ERR_DOCUMENT);
		put_all(fd, "E", 1);
		put_all(fd, &code, 1);
		put_all(fd, err.msg, strlen(err.msg));
		err_clear(&err);
	} else {
		json_t *j = plan_to_json(&p);
		char *s = json_dumps(j, JSON_COMPACT);
		put_all(fd, "J", 1);
		if (s)
			put_all(fd, s, strlen(s));
		free(s);
		json_decref(j);
		plan_free(&p);
	}
	buf_free(&in);
	close(fd);
	return 0;
}

/* ---- the parent's thread per job ----------------------------------------- */

/* Take the progress lines at the head of b; what follows a 'J' or 'E'
 * is the result, left in b. */
static void take_progress(struct uploads *u, struct job *j, struct buf *b, size_t *seen)
{
	while (*seen < b->len && b->ptr[*seen] == 'P') {
		char *nl = memchr(b->ptr + *seen, '\n', b->len - *seen);
		if (!nl)
			return;
		int k = 0, n = 0;
		if (sscanf(b->ptr + *seen, "P %d %d", &k, &n) == 2) {
			pthread_mutex_lock(&u->mu);
			j->page = k;
			j->pages = n;
			pthread_cond_broadcast(&u->changed);
			pthread_mutex_unlock(&u->mu);
		}
		*seen = (size_t)(nl - b->ptr) + 1;
	}
}

struct thread_arg {
	struct uploads *u;
	struct job *j;
	int64_t spawned_us;
};

_Static_assert(ERR_COUNT < 256, "an error code crosses the pipe in a byte");

/* A reader's reason ("tệp PDF được khóa …: hãy …", written to follow
 * "chitieu parse: FILE: " on a terminal) as the sentence an office reads on
 * its own: its first letter a capital, saying that nothing was stored, and
 * a full stop. Caller frees. */
static char *own_sentence(const char *why)
{
	if (!*why)
		return xstrdup("Không đọc được tệp này; chưa lưu gì.");
	size_t first = 1;
	while (why[first] && ((unsigned char)why[first] & 0xc0) == 0x80)
		first++;
	char *head = xasprintf("%.*s", (int)first, why), *up = text_upper(head);
	size_t n = strlen(why);
	while (n > first && (why[n - 1] == '.' || why[n - 1] == ' ' || why[n - 1] == ';'))
		n--;
	char *out = xasprintf("%s%.*s%s.", up, (int)(n - first), why + first,
	                      strstr(why, "chưa lưu gì") ? "" : "; chưa lưu gì");
	free(head);
	free(up);
	return out;
}

static void *reader(void *arg)
{
	struct thread_arg *ta = arg;
	struct uploads *u = ta->u;
	struct job *j = ta->j;
	struct buf b = {NULL, 0, 0, RESULT_MAX, false};
	size_t seen = 0;
	time_t deadline = time(NULL) + UPLOAD_WALL_SECONDS;
	bool killed = false;
	for (;;) {
		struct pollfd pf = {j->fd, POLLIN, 0};
		int r = poll(&pf, 1, 1000);
		if (r > 0) {
			char chunk[65536];
			ssize_t got = read(j->fd, chunk, sizeof chunk);
			if (got < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (got <= 0)
				break;
			buf_put(&b, chunk, (size_t)got);
			take_progress(u, j, &b, &seen);
			if (b.over && !killed) {
				kill(j->pid, SIGKILL);
				killed = true;
			}
		}
		if (!killed && time(NULL) > deadline) {
			kill(j->pid, SIGKILL);
			killed = true;
		}
	}
	close(j->fd);
	int status = 0;
	while (waitpid(j->pid, &status, 0) < 0 && errno == EINTR)
		;
	int64_t took = now_us() - ta->spawned_us;
	char kind = seen < b.len ? b.ptr[seen] : 0;
	const char *rest = seen < b.len ? b.ptr + seen + 1 : "";
	pthread_mutex_lock(&u->mu);
	u->children++;
	u->child_us += (long)took;
	j->ended = time(NULL);
	if (!b.over && WIFEXITED(status) && WEXITSTATUS(status) == 0 && kind == 'J') {
		j->json = xstrdup(rest);
		j->state = UPLOAD_DONE;
	} else if (!b.over && WIFEXITED(status) && WEXITSTATUS(status) == 0 && kind == 'E' &&
	           *rest) {
		unsigned char code = (unsigned char)*rest;
		char *msg = own_sentence(rest + 1);
		err_set(&j->err, code < ERR_COUNT ? (enum err_code)code : ERR_DOCUMENT, "%s", msg);
		free(msg);
		j->state = UPLOAD_FAILED;
	} else {
		bool cpu = WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU;
		err_set(&j->err, ERR_DOCUMENT, "%s",
		        killed || cpu
		                ? "Tệp đọc quá lâu hoặc quá lớn nên đã dừng; chưa lưu "
		                  "gì. "
		                  "Xin gửi bản có lớp chữ (PDF xuất từ Word) hoặc tệp DOCX."
		                : "Không đọc được tệp này (chương trình đọc tệp bị "
		                  "dừng "
		                  "giữa chừng); chưa lưu gì. Xin kiểm tra tệp hoặc gửi bản DOCX.");
		j->state = UPLOAD_FAILED;
	}
	u->running--;
	pthread_cond_broadcast(&u->changed);
	pthread_mutex_unlock(&u->mu);
	buf_free(&b);
	free(ta);
	return NULL;
}

/* Forget jobs finished long ago (the caller holds the lock). */
static void prune(struct uploads *u)
{
	time_t now = time(NULL);
	for (struct job **p = &u->jobs; *p;) {
		struct job *j = *p;
		if (j->state != UPLOAD_READING && now - j->ended > UPLOAD_KEEP_SECONDS) {
			*p = j->next;
			job_free(j);
		} else {
			p = &j->next;
		}
	}
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

extern char **environ;

/* "/proc/self/exe __read --cpu S --mem B" with doc as its standard input
 * and out as its standard output, no other descriptor of the server, the
 * default signal handling: its pid, or -1. /proc/self/exe is the running
 * program even if its file was replaced since (an upgrade). */
static pid_t spawn_reader(int doc, int out)
{
	/* CHITIEU_UPLOAD_CPU_SECONDS lowers the limit (tests, small servers). */
	const char *cpu = getenv("CHITIEU_UPLOAD_CPU_SECONDS");
	long secs = cpu ? strtol(cpu, NULL, 10) : 0;
	char cpu_arg[24], mem_arg[24];
	snprintf(cpu_arg, sizeof cpu_arg, "%ld",
	         secs > 0 && secs < UPLOAD_CPU_SECONDS ? secs : (long)UPLOAD_CPU_SECONDS);
	snprintf(mem_arg, sizeof mem_arg, "%zu", UPLOAD_MEM_BYTES);
	char *argv[] = {"chitieu", UPLOAD_READ_CMD, "--cpu", cpu_arg, "--mem", mem_arg, NULL};
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, doc, 0);
	posix_spawn_file_actions_adddup2(&fa, out, 1);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
	posix_spawn_file_actions_addclosefrom_np(&fa, 3);
#endif
	posix_spawnattr_init(&attr);
	sigset_t none, all;
	sigemptyset(&none);
	sigfillset(&all);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &all);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	pid_t pid;
	int rc = posix_spawn(&pid, "/proc/self/exe", &fa, &attr, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
	return rc ? -1 : pid;
}

int upload_start(struct uploads *u, const char *unit, const char *login, const char *filename,
                 const char *data, size_t n, char id[UPLOAD_ID_MAX], struct error *err)
{
	pthread_mutex_lock(&u->mu);
	prune(u);
	int mine = 0;
	for (struct job *j = u->jobs; j; j = j->next)
		mine += j->state == UPLOAD_READING && !strcmp(j->login, login);
	if (u->closing || u->running >= UPLOAD_MAX_JOBS || mine >= UPLOAD_PER_ACCOUNT) {
		pthread_mutex_unlock(&u->mu);
		err_set(err, ERR_TOO_MANY,
		        "Máy chủ đang đọc nhiều tệp khác; chưa lưu gì, xin gửi lại "
		        "sau ít phút");
		return -1;
	}
	int fds[2];
	int doc = memfd_create("chitieu-upload", MFD_CLOEXEC);
	if (doc < 0 || !write_all(doc, data, n) || lseek(doc, 0, SEEK_SET) ||
	    pipe2(fds, O_CLOEXEC)) {
		if (doc >= 0)
			close(doc);
		pthread_mutex_unlock(&u->mu);
		err_set(err, ERR_INTERNAL, "Không tạo được tiến trình đọc tệp; xin thử lại sau");
		return -1;
	}
	struct job *j = xcalloc(1, sizeof *j);
	snprintf(j->id, sizeof j->id, "%lx%04lx", (unsigned long)time(NULL), ++u->serial & 0xffff);
	j->unit = xstrdup(unit);
	j->login = xstrdup(login);
	j->filename = xstrdup(filename);
	j->state = UPLOAD_READING;
	j->started = time(NULL);
	struct thread_arg *ta = xmalloc(sizeof *ta);
	*ta = (struct thread_arg){u, j, now_us()};
	pid_t pid = spawn_reader(doc, fds[1]);
	close(doc);
	close(fds[1]);
	pthread_t t;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	j->pid = pid;
	j->fd = fds[0];
	if (pid < 0 || pthread_create(&t, &attr, reader, ta)) {
		if (pid > 0) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
		}
		close(fds[0]);
		pthread_attr_destroy(&attr);
		pthread_mutex_unlock(&u->mu);
		job_free(j);
		free(ta);
		err_set(err, ERR_INTERNAL, "Không tạo được tiến trình đọc tệp; xin thử lại sau");
		return -1;
	}
	pthread_attr_destroy(&attr);
	u->running++;
	j->next = u->jobs;
	u->jobs = j;
	memcpy(id, j->id, UPLOAD_ID_MAX);
	pthread_mutex_unlock(&u->mu);
	return 0;
}

static struct job *find(struct uploads *u, const char *id)
{
	for (struct job *j = u->jobs; j; j = j->next)
		if (!strcmp(j->id, id))
			return j;
	return NULL;
}

void upload_wait(struct uploads *u, const char *id, int ms)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000;
	if (until.tv_nsec >= 1000000000) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&u->mu);
	struct job *j;
	while ((j = find(u, id)) && j->state == UPLOAD_READING)
		if (pthread_cond_timedwait(&u->changed, &u->mu, &until) == ETIMEDOUT)
			break;
	pthread_mutex_unlock(&u->mu);
}

bool upload_get(struct uploads *u, const char *id, const char *unit, struct upload_status *st)
{
	memset(st, 0, sizeof *st);
	pthread_mutex_lock(&u->mu);
	struct job *j = find(u, id);
	bool found = j && !strcmp(j->unit, unit);
	if (found) {
		st->state = j->state;
		st->page = j->page;
		st->pages = j->pages;
		st->json = j->json ? xstrdup(j->json) : NULL;
		if (err_is(&j->err))
			err_set(&st->err, j->err.code, "%s", j->err.msg);
		st->filename = xstrdup(j->filename);
		st->draft = j->draft;
	}
	pthread_mutex_unlock(&u->mu);
	return found;
}

void upload_set_draft(struct uploads *u, const char *id, int64_t draft)
{
	pthread_mutex_lock(&u->mu);
	struct job *j = find(u, id);
	if (j) {
		j->draft = draft;
		free(j->json);
		j->json = NULL;
	}
	pthread_mutex_unlock(&u->mu);
}

void upload_counters(struct uploads *u, long *children, long *child_us)
{
	pthread_mutex_lock(&u->mu);
	*children = u->children;
	*child_us = u->child_us;
	pthread_mutex_unlock(&u->mu);
}
