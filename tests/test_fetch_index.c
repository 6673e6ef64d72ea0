/*
 * test_fetch_index.c: jdalign fetch over several runs into one folder:
 * conditional requests and --max-age, resuming after an interruption (one
 * simulated, one a real SIGKILL), a damaged index or a busy folder left
 * alone, board jobs that close, -i lists and usage errors.
 */
#include "testutil.h"
#include "fetch/testserver.h"

TestSuite(fetch_index, .fini = jd_test_fini, .timeout = 60);

Test(fetch_index, conditional_refetch)
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

Test(fetch_index, resume_after_interruption)
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

Test(fetch_index, damaged_index_or_busy_folder)
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

Test(fetch_index, input_list_and_usage)
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

Test(fetch_index, board_changes)
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

Test(fetch_index, killed_run_resumes)
{
	struct server s = { 0 };
	char base[64], path[700];
	int hidden;

	server_start(&s);
	snprintf(base, sizeof base, "http://127.0.0.1:%d", s.port);
	const char *a[] = { url(&s, "/jobs/data.html"), url(&s, "/trickle"),
		NULL };
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		char *argv[] = { "jdalign", "fetch", "-q", "-d", s.dir,
			"--delay", "0.01", (char *)a[0], (char *)a[1], NULL };
		FILE *null = fopen("/dev/null", "w");
		_exit(jd_main(9, argv, null, null));
	}
	/* Kill it once the first page is in the index, mid-transfer of the
	 * second. */
	snprintf(path, sizeof path, "%s/index.csv", s.dir);
	for (int i = 0; i < 100; i++) {
		char *index = jd_test_read(path);
		int done = index && strstr(index, "/jobs/data.html\",\"127") &&
		    strstr(index, "\"ok\"");
		free(index);
		if (done && requests(&s, "/trickle") == 1)
			break;
		usleep(50000);
	}
	usleep(300000);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	cr_expect_eq(files_in(s.dir, &hidden), 1, "the first page only");
	cr_expect_eq(hidden, 0);

	struct jd_run_result r = fetch(&s, a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	HAS(r.err, ": 1 saved, 1 unchanged, 0 failed");
	HAS(r.out, "_trickle-");
	LACKS(r.out, "_jobs_data_html-");
	jd_run_result_free(&r);
	cr_expect_eq(requests(&s, "/trickle"), 2);
	server_stop(&s);
}
