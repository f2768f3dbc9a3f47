/* bench_upload.c: what reading an uploaded document in a child process
 * (upload.c: posix_spawn of this program with "__read", rlimits, a memfd,
 * a pipe, a thread) costs over reading it in the server's own process.
 *
 *   bench_upload [FILE...]
 *
 * Each file (default: plan 004 as text, DOCX and PDF from tests/data) is read
 * RUNS times each way: import_plan and plan_to_json in process, then through
 * upload_start/upload_wait; the figures are the means and their difference.
 * Then the same once more after the parent has touched 256 MB (fork copied
 * the page tables of a large server; posix_spawn does not). */
#include "import.h"
#include "plan.h"
#include "upload.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define RUNS 10

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double in_process(const char *data, size_t n)
{
	double t0 = now();
	for (int i = 0; i < RUNS; i++) {
		struct plan p;
		struct error err = {0};
		if (import_plan(data, n, &p, &err)) {
			err_clear(&err);
			continue;
		}
		json_t *j = plan_to_json(&p);
		free(json_dumps(j, JSON_COMPACT));
		json_decref(j);
		plan_free(&p);
	}
	return (now() - t0) / RUNS * 1000;
}

static double child_cpu_ms; /* the children's CPU time (user + system), mean */

static double children_cpu(void)
{
	struct rusage r;
	getrusage(RUSAGE_CHILDREN, &r);
	return (double)(r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1000 +
	       (double)(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1000;
}

static double in_child(struct uploads *u, const char *data, size_t n)
{
	double t0 = now(), c0 = children_cpu();
	for (int i = 0; i < RUNS; i++) {
		char id[UPLOAD_ID_MAX];
		struct error err = {0};
		struct upload_status st;
		if (upload_start(u, "U", "bench", "f", data, n, id, &err)) {
			fprintf(stderr, "%s\n", err.msg);
			exit(1);
		}
		do {
			upload_wait(u, id, 60000);
			upload_get(u, id, "U", &st);
			int reading = st.state == UPLOAD_READING;
			upload_status_free(&st);
			if (!reading)
				break;
		} while (1);
	}
	child_cpu_ms = (children_cpu() - c0) / RUNS;
	return (now() - t0) / RUNS * 1000;
}

static void bench(struct uploads *u, const char *path, const char *label)
{
	size_t n;
	struct error err = {0};
	char *data = import_read_file(path, IMPORT_MAX_BYTES, &n, &err);
	if (!data) {
		fprintf(stderr, "%s\n", err.msg);
		err_clear(&err);
		return;
	}
	double a = in_process(data, n), b = in_child(u, data, n);
	printf("%-44s %8zu B  in process %8.2f ms  child %8.2f ms (CPU %7.2f ms)  overhead %+7.2f "
	       "ms%s\n",
	       path, n, a, b, child_cpu_ms, b - a, label);
	free(data);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], UPLOAD_READ_CMD)) /* the reading child */
		return upload_read_main(argc - 1, argv + 1);
	const char *def[] = {"tests/data/plans/004_5f0b3916b5e2f87f.txt",
	                     "tests/data/rendered/004_5f0b3916b5e2f87f.docx",
	                     "tests/data/rendered/004_5f0b3916b5e2f87f.pdf"};
	const char **files = argc > 1 ? (const char **)argv + 1 : def;
	int nf = argc > 1 ? argc - 1 : 3;
	struct uploads *u = uploads_new();
	printf("bench_upload: %d runs each, means\n", RUNS);
	for (int i = 0; i < nf; i++)
		bench(u, files[i], "");
	size_t big = (size_t)256 << 20;
	char *ballast = xmalloc(big);
	memset(ballast, 1, big);
	for (int i = 0; i < nf; i++)
		bench(u, files[i], "  (parent holds 256 MB)");
	free(ballast);
	long children, us;
	upload_counters(u, &children, &us);
	printf("children: %ld, mean spawn-to-exit %.2f ms\n", children,
	       children ? (double)us / children / 1000 : 0);
	uploads_free(u);
	return 0;
}
