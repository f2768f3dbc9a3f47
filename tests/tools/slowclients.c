/* slowclients.c: a bounded slow-client flood for tests/cli/slow_clients.sh.
 *
 *   slowclients HOST PORT COUNT INTERVAL_MS SECONDS header|body [REFUSED_MS]
 *
 * Opens COUNT connections to HOST:PORT (non-blocking, 3 s for all of them
 * to connect), starts a request on each and then sends a few more bytes on
 * each every INTERVAL_MS: a header line ("header": the headers never end),
 * or a byte of a body announced as 100,000 bytes ("body"). Stops after
 * SECONDS, or sooner when the server has closed every connection. Prints
 * one line of counts:
 *
 *   connected N failed F refused R cut C open O first_cut_ms A last_cut_ms B
 *
 * refused: closed by the server within the first REFUSED_MS (500 unless
 * given: turned away at accept); cut: closed later (a deadline); open:
 * still open at the end. Closes are timed to within TICK_MS; a histogram
 * of them goes to stderr. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { TICK_MS = 20 };

static long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* Send all of s, or give up (the server closed, or its buffer is full). */
static int send_text(int fd, const char *s)
{
	return send(fd, s, strlen(s), MSG_NOSIGNAL | MSG_DONTWAIT) < 0 && errno != EAGAIN ? -1 : 0;
}

/* Has the server closed fd? Reads what it sent (an error page) away. */
static int closed_by_server(int fd)
{
	char buf[4096];
	struct pollfd p = {fd, POLLIN, 0};
	if (poll(&p, 1, 0) <= 0)
		return 0;
	ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
	return n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR);
}

int main(int argc, char **argv)
{
	if (argc != 7 && argc != 8) {
		fputs("usage: slowclients HOST PORT COUNT INTERVAL_MS SECONDS header|body "
		      "[REFUSED_MS]\n",
		      stderr);
		return 2;
	}
	int count = atoi(argv[3]), interval = atoi(argv[4]), seconds = atoi(argv[5]);
	int body = !strcmp(argv[6], "body");
	long refused_ms = argc == 8 ? atol(argv[7]) : 500;
	struct sockaddr_in sa = {0};
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)atoi(argv[2]));
	if (inet_pton(AF_INET, argv[1], &sa.sin_addr) != 1 || count < 1 || interval < 1) {
		fputs("slowclients: bad arguments\n", stderr);
		return 2;
	}
	struct rlimit rl;
	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur < (rlim_t)count + 16) {
		rl.rlim_cur = rl.rlim_max < (rlim_t)count + 16 ? rl.rlim_max : (rlim_t)count + 16;
		setrlimit(RLIMIT_NOFILE, &rl);
		if (rl.rlim_cur < (rlim_t)count + 16)
			count = (int)rl.rlim_cur - 16;
	}
	int *fd = calloc((size_t)count, sizeof *fd);
	long *closed_at = calloc((size_t)count, sizeof *closed_at);
	if (!fd || !closed_at)
		return 2;
	long t0 = now_ms();
	int failed = 0;
	for (int i = 0; i < count; i++) {
		fd[i] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
		if (fd[i] < 0 ||
		    (connect(fd[i], (struct sockaddr *)&sa, sizeof sa) && errno != EINPROGRESS)) {
			if (fd[i] >= 0)
				close(fd[i]);
			fd[i] = -1;
			failed++;
		}
	}
	/* Wait (3 s at most) for the connections to be established. */
	for (int i = 0; i < count; i++) {
		if (fd[i] < 0)
			continue;
		struct pollfd p = {fd[i], POLLOUT, 0};
		long left = 3000 - (now_ms() - t0);
		int err = 0;
		socklen_t len = sizeof err;
		if (poll(&p, 1, left > 0 ? (int)left : 0) <= 0 ||
		    getsockopt(fd[i], SOL_SOCKET, SO_ERROR, &err, &len) || err) {
			close(fd[i]);
			fd[i] = -1;
			failed++;
			continue;
		}
		send_text(fd[i], body ? "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: "
		                        "application/json\r\nContent-Length: 100000\r\n\r\n"
		                      : "GET /dang-nhap HTTP/1.1\r\nHost: x\r\n");
	}
	t0 = now_ms();
	/* Closes are watched every TICK_MS (one poll over every socket), so a
	 * close is timed to within TICK_MS, whatever INTERVAL_MS is. */
	struct pollfd *pf = calloc((size_t)count, sizeof *pf);
	if (!pf)
		return 2;
	long next_send = 0;
	for (;;) {
		int n = 0;
		for (int i = 0; i < count; i++)
			if (fd[i] >= 0 && !closed_at[i])
				pf[n++] = (struct pollfd){fd[i], POLLIN, 0};
		long t = now_ms() - t0;
		if (!n || t >= seconds * 1000L)
			break;
		int sending = t >= next_send;
		if (sending)
			next_send += interval;
		poll(pf, (nfds_t)n, 0);
		for (int k = 0, i = 0; k < n; k++) {
			while (fd[i] != pf[k].fd)
				i++;
			if (((pf[k].revents & (POLLIN | POLLHUP | POLLERR)) && closed_by_server(fd[i])) ||
			    (sending && send_text(fd[i], body ? "{" : "X-Slow: 1\r\n")))
				closed_at[i] = now_ms() - t0 + 1;
		}
		long wait = next_send - (now_ms() - t0);
		struct timespec nap = {0, (wait < TICK_MS ? (wait > 0 ? wait : 0) : TICK_MS) * 1000000L};
		nanosleep(&nap, NULL);
	}
	free(pf);
	int refused = 0, cut = 0, open = 0;
	long first = 0, last = 0;
	for (int i = 0; i < count; i++) {
		if (fd[i] < 0)
			continue;
		if (!closed_at[i])
			open++;
		else if (closed_at[i] <= refused_ms)
			refused++;
		else {
			cut++;
			first = !first || closed_at[i] < first ? closed_at[i] : first;
			last = closed_at[i] > last ? closed_at[i] : last;
		}
		close(fd[i]);
	}
	/* Where the closes fell, in 250 ms bins, for a person reading a failure. */
	long end = 0;
	for (int i = 0; i < count; i++)
		end = fd[i] >= 0 && closed_at[i] > end ? closed_at[i] : end;
	fprintf(stderr, "slowclients: closes per 250 ms from the start:");
	for (long b = 0; b <= end / 250; b++) {
		int in = 0;
		for (int i = 0; i < count; i++)
			in += fd[i] >= 0 && closed_at[i] && closed_at[i] / 250 == b;
		if (in)
			fprintf(stderr, " %ld-%ld:%d", b * 250, b * 250 + 249, in);
	}
	fputc('\n', stderr);
	printf("connected %d failed %d refused %d cut %d open %d first_cut_ms %ld last_cut_ms "
	       "%ld\n",
	       count - failed, failed, refused, cut, open, first, last);
	free(fd);
	free(closed_at);
	return 0;
}
