/*
 * testserver.h: what the fetch suites share: tests/fetch/server.py started
 * on a loopback address (port chosen by the OS) with proxies switched off,
 * stopped at the end (or when the test process dies), the fetch command
 * run in-process against it, and readers for its request log.
 */
#ifndef JDALIGN_TESTSERVER_H
#define JDALIGN_TESTSERVER_H

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

struct server {
	pid_t pid;
	int port;
	const char *addr;	/* 127.0.0.1 unless set before starting */
	const char *mode;	/* "robots-down" or NULL */
	char *tmp;		/* holds the log and the fetch folder */
	char log[300], dir[300], root[300];
};

static inline void
no_proxies(void)
{
	static const char *const vars[] = { "http_proxy", "https_proxy",
		"HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		unsetenv(vars[i]);
	setenv("no_proxy", "*", 1);
	setenv("NO_PROXY", "*", 1);
}

/* Starts tests/fetch/server.py; set addr, mode or root first if needed. */
static inline void
server_start(struct server *s)
{
	int fd[2];
	char line[32] = "";
	size_t n = 0;

	no_proxies();
	s->tmp = jd_test_tmpdir();
	if (s->addr == NULL)
		s->addr = "127.0.0.1";
	if (s->root[0] == '\0')
		snprintf(s->root, sizeof s->root, "tests/fetch");
	snprintf(s->log, sizeof s->log, "%s/requests.log", s->tmp);
	snprintf(s->dir, sizeof s->dir, "%s/postings", s->tmp);
	cr_assert_eq(pipe(fd), 0);
	s->pid = fork();
	cr_assert_geq(s->pid, 0);
	if (s->pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGTERM);	/* a failed test too */
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execlp("python3", "python3", "-u", "tests/fetch/server.py",
		    s->root, s->log, s->addr, s->mode ? s->mode : "-",
		    (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	while (n + 1 < sizeof line && read(fd[0], line + n, 1) == 1 &&
	    line[n] != '\n')
		n++;
	close(fd[0]);
	s->port = (int)strtol(line, NULL, 10);
	cr_assert_gt(s->port, 0, "the test server did not start");
}

static inline void
server_stop(struct server *s)
{
	kill(s->pid, SIGTERM);
	waitpid(s->pid, NULL, 0);
	jd_test_rmrf(s->tmp);
	free(s->tmp);
}

/* http://127.0.0.1:PORT/path, in one of a few rotating buffers. */
static inline const char *
url(const struct server *s, const char *path)
{
	static char bufs[8][512];
	static int next;
	char *b = bufs[next++ % 8];

	snprintf(b, 512, "http://%s:%d%s", s->addr, s->port, path);
	return b;
}

/* Runs "fetch -d DIR --delay 0.01 [--api-base BASE] ARGS..." */
static inline struct jd_run_result
fetch(const struct server *s, const char **args)
{
	const char *argv[48];
	char base[64];
	size_t n = 0;

	snprintf(base, sizeof base, "http://%s:%d", s->addr, s->port);
	argv[n++] = "fetch";
	argv[n++] = "-d";
	argv[n++] = s->dir;
	argv[n++] = "--delay";
	argv[n++] = "0.01";
	argv[n++] = "--api-base";
	argv[n++] = base;
	for (size_t i = 0; args[i] && n < 47; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return jd_test_run(argv);
}

static inline char *
dir_file(const struct server *s, const char *name)
{
	char path[600];

	snprintf(path, sizeof path, "%s/%s", s->dir, name);
	return jd_test_read(path);
}

/* How many requests for path (exactly, query included) the log holds. */
static inline int
requests(const struct server *s, const char *path)
{
	char *log = jd_test_read(s->log), needle[600];
	int n = 0;

	snprintf(needle, sizeof needle, "\"path\": \"%s\"", path);
	for (char *p = log; p && (p = strstr(p, needle)) != NULL; p++)
		n++;
	free(log);
	return n;
}

/* The number of entries in dir besides index.csv. */
static inline int
files_in(const char *dir, int *hidden)
{
	char cmd[600];
	int n = 0, h = 0;

	snprintf(cmd, sizeof cmd, "ls -A '%s'", dir);
	FILE *p = popen(cmd, "r");
	char line[512];
	while (p && fgets(line, sizeof line, p))
		if (strcmp(line, "index.csv\n") != 0) {
			n++;
			h += line[0] == '.';
		}
	if (p)
		pclose(p);
	if (hidden)
		*hidden = h;
	return n;
}

static inline double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define HAS(hay, needle) cr_expect_not_null(strstr(hay, needle), \
    "missing [%s] in:\n%s", needle, hay)
#define LACKS(hay, needle) cr_expect_null(strstr(hay, needle), \
    "unexpected [%s] in:\n%s", needle, hay)

#endif
