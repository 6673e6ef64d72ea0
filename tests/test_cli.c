/*
 * test_cli.c: the command line in-process: help, version, usage errors
 * (exit 2), unreadable inputs (exit 3), no usable input (exit 4), the
 * message form, and --fail-under (exit 1).
 */
#include "testutil.h"

TestSuite(cli, .fini = jd_test_fini, .timeout = 60);

Test(cli, help_and_version)
{
	const char *h[] = { "--help", NULL }, *v[] = { "--version", NULL },
	    *ah[] = { "align", "--help", NULL };
	struct jd_run_result r = jd_test_run(h);

	cr_expect_eq(r.status, 0);
	cr_expect_not_null(strstr(r.out, "usage: jdalign COMMAND"));
	jd_run_result_free(&r);
	r = jd_test_run(v);
	cr_expect_eq(r.status, 0);
	cr_expect_eq(strncmp(r.out, "jdalign ", 8), 0);
	jd_run_result_free(&r);
	r = jd_test_run(ah);
	cr_expect_eq(r.status, 0);
	cr_expect_not_null(strstr(r.out, "--fail-under PCT"));
	jd_run_result_free(&r);
}

Test(cli, usage_errors)
{
	const char *a[] = { "frobnicate", NULL }, *b[] = { "align", "x.md", NULL },
	    *c[] = { "vocab", "--format", "xml", "p", NULL },
	    *d[] = { "align", "-j", "0", "a", "b", NULL }, *e[] = { NULL };
	const char **all[] = { a, b, c, d, e };

	for (size_t i = 0; i < 5; i++) {
		struct jd_run_result r = jd_test_run(all[i]);
		cr_expect_eq(r.status, 2, "case %zu: exit %d", i, r.status);
		cr_expect_eq(strncmp(r.err, "jdalign: ", 9), 0);
		cr_expect_not_null(strstr(r.err, "usage:"));
		jd_run_result_free(&r);
	}
}

Test(cli, unreadable_input_and_no_input)
{
	const char *a[] = { "vocab", "-q", "corpora/examples/postings",
		"/nonexistent/x.html", NULL };
	const char *b[] = { "vocab", "/nonexistent/y.html", NULL };
	struct jd_run_result r = jd_test_run(a);

	cr_expect_eq(r.status, 3);
	cr_expect_not_null(strstr(r.err,
	    "jdalign: /nonexistent/x.html: error: No such file or directory"));
	cr_expect_not_null(strstr(r.out, "PostgreSQL"));
	jd_run_result_free(&r);
	r = jd_test_run(b);
	cr_expect_eq(r.status, 4);
	cr_expect_not_null(strstr(r.err, "jdalign: no usable posting"));
	jd_run_result_free(&r);
}

Test(cli, fail_under)
{
	const char *lo[] = { "align", "-q", "--fail-under", "0",
		"corpora/examples/resume.md", "corpora/examples/postings", NULL };
	const char *hi[] = { "align", "-q", "--fail-under", "99.5",
		"corpora/examples/resume.md", "corpora/examples/postings", NULL };
	struct jd_run_result r = jd_test_run(lo);

	cr_expect_eq(r.status, 0);
	jd_run_result_free(&r);
	r = jd_test_run(hi);
	cr_expect_eq(r.status, 1);
	jd_run_result_free(&r);
}

Test(cli, terms_jsonl_offsets)
{
	char *dir = jd_test_tmpdir(), path[512];
	snprintf(path, sizeof path, "%s/t.txt", dir);
	jd_test_write(path, "\nWe run Postgres on k8s.\n");
	const char *a[] = { "terms", "--format", "jsonl", path, NULL };
	struct jd_run_result r = jd_test_run(a);

	cr_expect_eq(r.status, 0);
	cr_expect_not_null(strstr(r.out, "{\"line\":1,\"text\":\"\",\"terms\":[]}"));
	cr_expect_not_null(strstr(r.out, "\"term\":\"PostgreSQL\",\"surface\":"
	    "\"Postgres\",\"start\":7,\"end\":15"));
	cr_expect_not_null(strstr(r.out, "\"term\":\"Kubernetes\",\"surface\":"
	    "\"k8s\",\"start\":19,\"end\":22"));
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(dir);
}
