/*
 * test_fetch.c: jdalign fetch end to end against tests/fetch/server.py,
 * which each test starts on 127.0.0.1 (port chosen by the OS) and stops.
 * No test touches an address outside 127.0.0.0/8: proxies are switched
 * off and every URL names 127.0.0.1.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

TestSuite(fetch, .fini = jd_test_fini, .timeout = 60);

struct server {
	pid_t pid;
	int port;
	const char *addr;	/* 127.0.0.1 unless set before starting */
	const char *mode;	/* "robots-down" or NULL */
	char *tmp;		/* holds the log and the fetch folder */
	char log[300], dir[300], root[300];
};

static void
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
static void
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

static void
server_stop(struct server *s)
{
	kill(s->pid, SIGTERM);
	waitpid(s->pid, NULL, 0);
	jd_test_rmrf(s->tmp);
	free(s->tmp);
}

/* http://127.0.0.1:PORT/path, in one of a few rotating buffers. */
static const char *
url(const struct server *s, const char *path)
{
	static char bufs[8][512];
	static int next;
	char *b = bufs[next++ % 8];

	snprintf(b, 512, "http://%s:%d%s", s->addr, s->port, path);
	return b;
}

/* Runs "fetch -d DIR --delay 0.01 [--api-base BASE] ARGS..." */
static struct jd_run_result
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

static char *
dir_file(const struct server *s, const char *name)
{
	char path[600];

	snprintf(path, sizeof path, "%s/%s", s->dir, name);
	return jd_test_read(path);
}

/* How many requests for path (exactly, query included) the log holds. */
static int
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
static int
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

static double
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

/* ------------------------------------------------------------ tests */

Test(fetch, pages_and_boards_then_extract)
{
	struct server s = { 0 };

	server_start(&s);
	const char *a[] = { url(&s, "/jobs/backend.html"), "greenhouse:acme",
		"lever:acme", "ashby:acme", NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	HAS(r.out, "/127.0.0.1_");
	HAS(r.out, "/greenhouse_acme_4012345-");
	HAS(r.out, "/lever_acme_a1b2c3d4-0001-4e5f-8a9b-000000000001-");
	HAS(r.out, "/ashby_acme_5f0b6a2e-1111-4c4c-9d9d-000000000001-");
	HAS(r.err, ": 5 saved, 0 unchanged, 0 failed");
	jd_run_result_free(&r);

	char *index = dir_file(&s, "index.csv");
	cr_assert_not_null(index);
	cr_expect_eq(strstr(index, "\"url\",\"file\",\"status\",\"fetched_at\","
	    "\"etag\",\"last_modified\"\n\"ashby:acme\",\"\",\"ok\","), index,
	    "%s", index);
	HAS(index, "\"greenhouse:acme/4012345\",\"greenhouse_acme_4012345-");
	free(index);

	char *log = jd_test_read(s.log);
	HAS(log, "\"ua\": \"jdalign/0.1.0\"");
	LACKS(log, "\"ua\": \"\"");
	free(log);
	cr_expect_eq(requests(&s, "/robots.txt"), 1, "robots.txt read once");
	cr_expect_eq(requests(&s, "/v1/boards/acme/jobs?content=true"), 1);
	cr_expect_eq(requests(&s, "/v0/postings/acme?mode=json"), 1);
	cr_expect_eq(requests(&s,
	    "/posting-api/job-board/acme?includeCompensation=true"), 1);

	const char *x[] = { "extract", "--format", "jsonl", s.dir, NULL };
	r = jd_test_run(x);
	cr_expect_eq(r.status, 0, "%s", r.err);
	HAS(r.out, "\"status\":\"ok\",\"source\":\"jsonld\","
	    "\"title\":\"Senior Backend Engineer\","
	    "\"company\":\"Acme Robotics\",\"location\":\"Remote - US\"");
	HAS(r.out, "\"title\":\"Data Engineer\",\"company\":\"acme\","
	    "\"location\":\"Berlin\"");
	HAS(r.out, "\"title\":\"Site Reliability Engineer\"");
	HAS(r.out, "\"heading\":\"Requirements\",\"kind\":\"required\","
	    "\"lines\":[\"5+ years of backend development in Go or Rust\"");
	HAS(r.out, "\"title\":\"Backend Engineer, Payments\"");
	LACKS(r.out, "\"status\":\"error\"");
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, redirects)
{
	struct server s = { 0 };

	server_start(&s);
	/* /redirect/N takes N + 1 redirects to reach the page. */
	const char *a[] = { url(&s, "/redirect/4"), url(&s, "/redirect/5"),
		NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 3, "%s", r.err);
	HAS(r.out, "_redirect_4-");
	HAS(r.err, "jdalign: http://127.0.0.1:");
	HAS(r.err, "/redirect/5: error: more than 5 redirects\n");
	LACKS(r.err, "/redirect/4: error");
	cr_expect_eq(requests(&s, "/redirect/0"), 2);
	cr_expect_eq(requests(&s, "/jobs/backend.html"), 1);
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, redirect_to_forbidden_scheme)
{
	struct server s = { 0 };

	server_start(&s);
	const char *a[] = { url(&s, "/to-file"), url(&s, "/to-ftp"),
		"file:///etc/passwd", "ftp://127.0.0.1/x", NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 4, "nothing fetched: %s", r.err);
	HAS(r.err, "/to-file: error: redirect to a forbidden scheme (file)");
	HAS(r.err, "/to-ftp: error: redirect to a forbidden scheme (ftp)");
	HAS(r.err, "jdalign: file:///etc/passwd: error: only http and https");
	HAS(r.err, "jdalign: ftp://127.0.0.1/x: error: only http and https");
	HAS(r.err, "jdalign: nothing fetched\n");
	cr_expect_eq(files_in(s.dir, NULL), 0);
	cr_expect_str_eq(r.out, "");
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, not_found_and_bad_targets)
{
	struct server s = { 0 };

	server_start(&s);
	const char *a[] = { url(&s, "/missing"), url(&s, "/jobs/data.html"),
		url(&s, "/file.pdf"), "greenhouse:nosuchboard", "lever:../x",
		"example.com/jobs", NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 3, "%s", r.err);
	HAS(r.err, "/missing: error: HTTP 404: no such page\n");
	HAS(r.err, "/file.pdf: error: not a page jdalign reads");
	HAS(r.err, "jdalign: greenhouse:nosuchboard: error: HTTP 404");
	HAS(r.err, "jdalign: lever:../x: error: a board name is");
	HAS(r.err, "jdalign: example.com/jobs: error: not a URL");
	HAS(r.err, "1 saved, 0 unchanged, 5 failed");
	HAS(r.out, "_jobs_data_html-");
	jd_run_result_free(&r);
	char *index = dir_file(&s, "index.csv");
	HAS(index, "/missing\",\"\",\"http-404\",");
	HAS(index, "\"greenhouse:nosuchboard\",\"\",\"http-404\",");
	free(index);
	server_stop(&s);
}

Test(fetch, retry_after_429_and_503)
{
	struct server s = { 0 };

	server_start(&s);
	const char *a[] = { url(&s, "/busy"), url(&s, "/unavailable"), NULL };
	double t0 = now();
	struct jd_run_result r = fetch(&s, a);
	double took = now() - t0;
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect_geq(took, 1.0, "Retry-After: 1 honoured (%.2f s)", took);
	cr_expect_lt(took, 10.0);
	cr_expect_eq(requests(&s, "/busy"), 2);
	cr_expect_eq(requests(&s, "/unavailable"), 2);
	HAS(r.out, "_busy-");
	HAS(r.out, "_unavailable-");
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, retry_after_too_long_closes_the_host)
{
	struct server s = { 0 };

	server_start(&s);
	const char *a[] = { url(&s, "/busy-long"), url(&s, "/jobs/data.html"),
		NULL };
	double t0 = now();
	struct jd_run_result r = fetch(&s, a);
	cr_expect_lt(now() - t0, 5.0, "no hour-long wait");
	cr_expect_eq(r.status, 4, "%s", r.err);
	HAS(r.err, "/busy-long: error: HTTP 429: the server asks to wait "
	    "3600 s, longer than --max-wait\n");
	HAS(r.err, "/jobs/data.html: error: not asked: 127.0.0.1 wants no "
	    "request for");
	cr_expect_eq(requests(&s, "/busy-long"), 1);
	cr_expect_eq(requests(&s, "/jobs/data.html"), 0);
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, slow_server_times_out)
{
	struct server s = { 0 };

	server_start(&s);
	const char *a[] = { "--timeout", "0.3", url(&s, "/slow"),
		url(&s, "/jobs/data.html"), NULL };
	double t0 = now();
	struct jd_run_result r = fetch(&s, a);
	double took = now() - t0;
	cr_expect_eq(r.status, 3, "%s", r.err);
	cr_expect_lt(took, 2.5, "gave up after the timeout (%.2f s)", took);
	HAS(r.err, "/slow: error: timed out");
	HAS(r.out, "_jobs_data_html-");
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, oversized_bodies)
{
	struct server s = { 0 };
	int hidden;

	server_start(&s);
	const char *a[] = { "--max-bytes", "100000", url(&s, "/big"),
		url(&s, "/bomb"), url(&s, "/jobs/backend.html"), NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 3, "%s", r.err);
	HAS(r.err, "/big: error: larger than 100000 bytes (--max-bytes)\n");
	HAS(r.err, "/bomb: error: larger than 100000 bytes (--max-bytes)\n");
	cr_expect_eq(files_in(s.dir, &hidden), 1, "only the page that fits");
	cr_expect_eq(hidden, 0, "no temporary file left");
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, robots_disallow)
{
	struct server s = { 0 };

	server_start(&s);
	const char *a[] = { url(&s, "/private/secret.html"),
		url(&s, "/private/open.html"), url(&s, "/to-private"), NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 3, "%s", r.err);
	HAS(r.err, "/private/secret.html: error: disallowed by robots.txt");
	HAS(r.err, "/to-private: error: disallowed by robots.txt");
	HAS(r.out, "_private_open_html-");
	cr_expect_eq(requests(&s, "/private/secret.html"), 0,
	    "a disallowed page is never asked for, redirect or not");
	cr_expect_eq(requests(&s, "/to-private"), 1);
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, hostile_file_names_stay_in_the_folder)
{
	struct server s = { 0 };
	char outside[400], path[700];

	server_start(&s);
	snprintf(outside, sizeof outside, "%s/escape.html", s.tmp);
	const char *a[] = {
		url(&s, "/hostile/..%2F..%2Fescape.html"),
		url(&s, "/hostile/%2e%2e/%2E%2E/escape.html"),
		url(&s, "/hostile/a%20b/%3Cx%3E/%22q%22?x=1&y=../../z"),
		url(&s, "/hostile/.hidden"),
		url(&s, "/hostile/%C3%A9t%C3%A9/%E2%80%8B"),
		url(&s, "/hostile/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect_eq(access(outside, F_OK), -1, "nothing written outside");
	int hidden;
	cr_expect_eq(files_in(s.dir, &hidden), 6, "%s", r.out);
	cr_expect_eq(hidden, 0);
	for (char *line = r.out, *nl; (nl = strchr(line, '\n'));
	    line = nl + 1) {
		*nl = '\0';
		cr_expect_eq(strncmp(line, s.dir, strlen(s.dir)), 0);
		const char *name = line + strlen(s.dir) + 1;
		cr_expect_null(strchr(name, '/'), "%s", name);
		cr_expect_neq(name[0], '.', "%s", name);
		cr_expect_leq(strlen(name), 120, "%s", name);
	}
	jd_run_result_free(&r);

	/* An unrelated file holding the name a URL would get is kept. */
	const char *b[] = { url(&s, "/jobs/data.html"), NULL };
	r = fetch(&s, b);
	char *name = xstrdup(strrchr(r.out, '/') + 1);
	name[strcspn(name, "\n")] = '\0';
	snprintf(path, sizeof path, "%s/%s", s.dir, name);
	jd_run_result_free(&r);
	char *index = dir_file(&s, "index.csv");
	jd_test_write(path, "<p>the user's own notes</p>");
	snprintf(path, sizeof path, "%s/index.csv", s.dir);
	jd_test_write(path, "\"url\",\"file\",\"status\",\"fetched_at\","
	    "\"etag\",\"last_modified\"\n\"http://x/\",\"../escape.html\","
	    "\"ok\",\"\",\"\",\"\"\n");
	r = fetch(&s, b);
	cr_expect_eq(r.status, 0, "%s", r.err);
	HAS(r.err, "index.csv:2: warning: file name not safe");
	HAS(r.out, "-2.html\n");
	cr_expect_eq(access(outside, F_OK), -1);
	free(index);
	index = dir_file(&s, name);
	cr_expect_str_eq(index, "<p>the user's own notes</p>");
	free(index);
	free(name);
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, conditional_refetch)
{
	struct server s = { 0 };
	struct stat st1, st2;
	char path[700];

	server_start(&s);
	const char *a[] = { url(&s, "/jobs/backend.html"), "greenhouse:acme",
		NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	char *first = xstrndup(r.out, strcspn(r.out, "\n"));
	jd_run_result_free(&r);
	cr_assert_eq(stat(first, &st1), 0, "%s", first);

	r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect_str_eq(r.out, "", "nothing written the second time");
	HAS(r.err, ": 0 saved, 3 unchanged, 0 failed");
	jd_run_result_free(&r);
	cr_expect_eq(stat(first, &st2), 0);
	cr_expect_eq(st1.st_ino, st2.st_ino, "the page was not rewritten");
	char *log = jd_test_read(s.log);
	HAS(log, "\"path\": \"/jobs/backend.html\", \"ua\": \"jdalign/0.1.0\", "
	    "\"inm\": \"\\\"");
	HAS(log, "\"ims\": \"Tue, 14 Nov 2023 22:13:20 GMT\"");
	free(log);
	char *index = dir_file(&s, "index.csv");
	HAS(index, "/jobs/backend.html\",\"127.0.0.1_");
	HAS(index, "\",\"unchanged\",\"");
	HAS(index, "\"greenhouse:acme/4012345\",\"greenhouse_acme_4012345-");
	LACKS(index, "\"saving\"");
	free(index);

	/* --max-age: recent pages are not even asked about. */
	const char *b[] = { "--max-age", "3600", url(&s, "/jobs/backend.html"),
		"greenhouse:acme", NULL };
	r = fetch(&s, b);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect_eq(requests(&s, "/jobs/backend.html"), 2);
	cr_expect_eq(requests(&s, "/v1/boards/acme/jobs?content=true"), 2);
	jd_run_result_free(&r);

	/* A deleted page is fetched again, unconditionally. */
	unlink(first);
	r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	HAS(r.out, first);
	log = jd_test_read(s.log);
	const char *last = NULL;
	for (const char *p = log; (p = strstr(p, "/jobs/backend.html")); p++)
		last = p;
	cr_assert_not_null(last);
	cr_expect_eq(strncmp(strstr(last, "\"inm\""), "\"inm\": \"\"", 9), 0);
	free(log);
	jd_run_result_free(&r);
	snprintf(path, sizeof path, "%s", first);
	cr_expect_eq(access(path, F_OK), 0);
	free(first);
	server_stop(&s);
}

Test(fetch, credentials_never_shown)
{
	struct server s = { 0 }, other = { .addr = "127.0.0.2" };
	char u1[300], u2[300], u3[600];

	server_start(&s);
	server_start(&other);
	snprintf(u1, sizeof u1, "http://jo:s3cret@127.0.0.1:%d/missing?"
	    "token=abc123&id=7", s.port);
	snprintf(u2, sizeof u2, "http://jo:s3cret@127.0.0.1:%d/jobs/data.html",
	    s.port);
	snprintf(u3, sizeof u3, "http://jo:s3cret@127.0.0.1:%d/goto?u=http://"
	    "127.0.0.2:%d/jobs/backend.html%%3Fsig%%3Dxyz", s.port, other.port);
	const char *a[] = { u1, u2, u3, NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 3, "%s", r.err);
	HAS(r.err, "/missing?token=***&id=7: error: HTTP 404");
	char *index = dir_file(&s, "index.csv");
	const char *all[] = { r.out, r.err, index };
	for (size_t i = 0; i < 3; i++) {
		LACKS(all[i], "s3cret");
		LACKS(all[i], "abc123");
		LACKS(all[i], "jo:");
		LACKS(all[i], "jo@");
	}
	char *log = jd_test_read(s.log);
	HAS(log, "\"path\": \"/jobs/data.html\", \"ua\": \"jdalign/0.1.0\", "
	    "\"inm\": \"\", \"ims\": \"\", \"auth\": true");
	free(log);
	log = jd_test_read(other.log);
	HAS(log, "\"path\": \"/jobs/backend.html?sig=xyz\"");
	LACKS(log, "\"auth\": true");	/* not handed to another host */
	free(log);
	free(index);
	jd_run_result_free(&r);
	server_stop(&other);
	server_stop(&s);
}

/* The start times of the requests other.log holds, in order. */
static size_t
times(const struct server *s, double *t, size_t max)
{
	char *log = jd_test_read(s->log);
	size_t n = 0;

	for (char *p = log; p && n < max && (p = strstr(p, "{\"t\": ")); p++)
		t[n++] = strtod(p + 6, NULL);
	free(log);
	return n;
}

Test(fetch, one_request_at_a_time_per_host)
{
	struct server s = { 0 }, other = { .addr = "127.0.0.2" };
	char u1[600];
	double t[16];

	server_start(&s);
	server_start(&other);
	/* A worker on 127.0.0.1 is redirected to 127.0.0.2 while another
	 * worker fetches 127.0.0.2's pages: the host still gets one request
	 * at a time, 0.3 s apart. */
	snprintf(u1, sizeof u1, "http://127.0.0.1:%d/goto?u=http://127.0.0.2:"
	    "%d/jobs/data.html%%3Fvia%%3Dredirect", s.port, other.port);
	const char *a[] = { "--delay", "0.3", "-j", "4", u1,
		url(&other, "/jobs/backend.html"),
		url(&other, "/jobs/data.html"),
		url(&other, "/private/open.html"), NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	size_t n = times(&other, t, 16);
	cr_expect_eq(n, 5, "robots.txt and four pages");
	for (size_t i = 1; i < n; i++)
		cr_expect_geq(t[i] - t[i - 1], 0.29, "requests %zu and %zu: "
		    "%.3f s apart", i - 1, i, t[i] - t[i - 1]);
	jd_run_result_free(&r);
	server_stop(&other);
	server_stop(&s);
}

Test(fetch, robots_unreachable_forbids)
{
	struct server s = { .mode = "robots-down" };

	server_start(&s);
	const char *a[] = { "--retries", "1", url(&s, "/jobs/data.html"),
		NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 4, "%s", r.err);
	HAS(r.err, "/jobs/data.html: error: not fetched: robots.txt answered "
	    "HTTP 503\n");
	cr_expect_eq(requests(&s, "/robots.txt"), 2, "503 retried once");
	cr_expect_eq(requests(&s, "/jobs/data.html"), 0);
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, resume_after_interruption)
{
	struct server s = { 0 };
	char path[700], row[1600];

	server_start(&s);
	cr_assert_eq(mkdir(s.dir, 0777), 0);
	char *name = NULL;
	{
		const char *a[] = { url(&s, "/jobs/backend.html"), NULL };
		struct jd_run_result r = fetch(&s, a);
		name = xstrdup(strrchr(r.out, '/') + 1);
		name[strcspn(name, "\n")] = '\0';
		jd_run_result_free(&r);
	}
	/* What a run killed mid-write leaves: an entry still "saving", a
	 * half-written page beside it, a temporary file, a cut last row. */
	snprintf(path, sizeof path, "%s/%s", s.dir, name);
	jd_test_write(path, "<p>half a pa");
	snprintf(path, sizeof path, "%s/.jdalign-tmp-999-1", s.dir);
	jd_test_write(path, "<p>half");
	snprintf(row, sizeof row, "\"url\",\"file\",\"status\",\"fetched_at\","
	    "\"etag\",\"last_modified\"\n\"%s\",\"%s\",\"saving\","
	    "\"2024-01-01T00:00:00Z\",\"\",\"\"\n\"%s\",\"127.0", url(&s,
	    "/jobs/backend.html"), name, url(&s, "/jobs/data.html"));
	snprintf(path, sizeof path, "%s/index.csv", s.dir);
	jd_test_write(path, row);

	const char *a[] = { url(&s, "/jobs/backend.html"),
		url(&s, "/jobs/data.html"), NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	HAS(r.err, "index.csv:3: warning: the last record is cut short");
	HAS(r.out, name);
	snprintf(path, sizeof path, "%s/.jdalign-tmp-999-1", s.dir);
	cr_expect_eq(access(path, F_OK), -1, "the temporary file is gone");
	char *page = dir_file(&s, name);
	HAS(page, "Backend Engineer, Payments");
	free(page);
	char *index = dir_file(&s, "index.csv");
	LACKS(index, "saving");
	LACKS(index, "\"127.0\n");
	HAS(index, "/jobs/data.html\",\"127.0.0.1_");
	free(index);
	int hidden;
	cr_expect_eq(files_in(s.dir, &hidden), 2);
	cr_expect_eq(hidden, 0);
	free(name);
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, damaged_index_or_busy_folder)
{
	struct server s = { 0 };
	char path[700];
	static const char bad[] = "\"url\",\"file\",\"status\",\"fetched_at\","
	    "\"etag\",\"last_modified\"\n\"a\"x,\"\",\"\",\"\",\"\",\"\"\n"
	    "\"b\",\"\",\"\",\"\",\"\",\"\"\n";

	server_start(&s);
	cr_assert_eq(mkdir(s.dir, 0777), 0);
	snprintf(path, sizeof path, "%s/index.csv", s.dir);
	jd_test_write(path, bad);
	const char *a[] = { url(&s, "/jobs/data.html"), NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 4, "%s", r.err);
	HAS(r.err, "/index.csv:2: error: ");
	HAS(r.err, "mend or remove the file");
	char *index = jd_test_read(path);
	cr_expect_str_eq(index, bad, "a damaged index is left as it was");
	free(index);
	jd_run_result_free(&r);
	cr_expect_eq(requests(&s, "/jobs/data.html"), 0);

	unlink(path);
	int fd = open(s.dir, O_RDONLY | O_DIRECTORY);
	cr_assert_eq(flock(fd, LOCK_EX | LOCK_NB), 0);
	r = fetch(&s, a);
	cr_expect_eq(r.status, 4, "%s", r.err);
	HAS(r.err, "/postings: error: another jdalign fetch is using this "
	    "folder\n");
	jd_run_result_free(&r);
	close(fd);
	server_stop(&s);
}

Test(fetch, input_list_and_usage)
{
	struct server s = { 0 };
	char list[400], text[1200];

	server_start(&s);
	snprintf(list, sizeof list, "%s/urls.txt", s.tmp);
	snprintf(text, sizeof text, "# postings to read\n\n  %s  \r\n"
	    "greenhouse:acme\n# %s\n", url(&s, "/jobs/data.html"),
	    url(&s, "/jobs/backend.html"));
	jd_test_write(list, text);
	const char *a[] = { "-i", list, NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	HAS(r.err, ": 3 saved, 0 unchanged, 0 failed");
	cr_expect_eq(requests(&s, "/jobs/backend.html"), 0);
	jd_run_result_free(&r);

	const char *bad[][6] = {
		{ "fetch", NULL },
		{ "fetch", "--delay", "soon", "http://127.0.0.1:1/", NULL },
		{ "fetch", "--api-base", "ftp://127.0.0.1", "lever:x", NULL },
		{ "fetch", "-o", "out.csv", "http://127.0.0.1:1/", NULL },
		{ "fetch", "--retries", "99", "http://127.0.0.1:1/", NULL },
		{ "vocab", "-d", "x", "p.html", NULL },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		r = jd_test_run(bad[i]);
		cr_expect_eq(r.status, 2, "case %zu: %s", i, r.err);
		HAS(r.err, "usage: jdalign ");
		jd_run_result_free(&r);
	}
	const char *h[] = { "fetch", "--help", NULL };
	r = jd_test_run(h);
	cr_expect_eq(r.status, 0);
	HAS(r.out, "--api-base URL");
	jd_run_result_free(&r);
	const char *m[] = { "fetch", "-q", "-d", s.dir, "-i", "/nonexistent",
		NULL };
	r = jd_test_run(m);
	cr_expect_eq(r.status, 4);
	HAS(r.err, "jdalign: /nonexistent: error: ");
	jd_run_result_free(&r);
	server_stop(&s);
}

Test(fetch, board_changes)
{
	struct server s = { 0 };
	char cmd[700], api[700];

	s.tmp = NULL;
	char *root = jd_test_tmpdir();
	snprintf(cmd, sizeof cmd, "cp -r tests/fetch/site tests/fetch/api '%s'",
	    root);
	cr_assert_eq(system(cmd), 0);
	snprintf(s.root, sizeof s.root, "%s", root);
	server_start(&s);
	const char *a[] = { "greenhouse:acme", "greenhouse:empty", NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	HAS(r.err, "jdalign: greenhouse:empty: warning: the board lists no "
	    "open job\n");
	HAS(r.err, ": 2 saved, 0 unchanged, 0 failed");
	jd_run_result_free(&r);

	/* The board drops a job: its page stays, its row says closed. */
	snprintf(api, sizeof api, "%s/api/greenhouse-acme.json", root);
	char *json = jd_test_read(api);
	char *second = strstr(json,
	    ",\n  {\n   \"absolute_url\": \"javascript");
	cr_assert_not_null(second);
	memcpy(second, "]}\n", 4);
	jd_test_write(api, json);
	free(json);
	r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect_str_eq(r.out, "", "the job still listed is unchanged");
	HAS(r.err, ": 0 saved, 1 unchanged, 0 failed");
	char *index = dir_file(&s, "index.csv");
	HAS(index, "\"greenhouse:acme/4012399\",\"greenhouse_acme_4012399-");
	HAS(index, ".html\",\"closed\",");
	free(index);
	cr_expect_eq(files_in(s.dir, NULL), 2);
	jd_run_result_free(&r);
	server_stop(&s);
	jd_test_rmrf(root);
	free(root);
}
