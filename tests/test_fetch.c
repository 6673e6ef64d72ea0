/*
 * test_fetch.c: jdalign fetch against tests/fetch/server.py on 127.0.0.1
 * (and 127.0.0.2): boards and pages read back by extract, and the safety
 * and politeness rules: redirects, schemes, HTTP errors, Retry-After,
 * timeouts, size caps, robots.txt, file names, credentials, one request
 * at a time per host. No test touches an address outside 127.0.0.0/8.
 */
#include "testutil.h"
#include "fetch/testserver.h"

TestSuite(fetch, .fini = jd_test_fini, .timeout = 60);

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

/* The start times of the requests in s's log, in order. */
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

Test(fetch, connection_refused)
{
	struct server s = { 0 };
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof sa;
	char dead[100];

	server_start(&s);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	cr_assert_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	cr_assert_eq(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	close(fd);	/* nobody listens there now */
	snprintf(dead, sizeof dead, "http://127.0.0.1:%d/jobs/data.html",
	    ntohs(sa.sin_port));
	const char *a[] = { "--connect-timeout", "0.5", dead,
		url(&s, "/jobs/data.html"), NULL };
	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 3, "%s", r.err);
	HAS(r.err, "/jobs/data.html: error: not fetched: robots.txt "
	    "unreachable: ");
	HAS(r.err, ": 1 saved, 0 unchanged, 1 failed");
	jd_run_result_free(&r);
	server_stop(&s);
}
