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

Test(cli, compare_two_versions)
{
	const char *a[] = { "align", "-q", "--compare", "corpora/examples/resume.md",
		"corpora/examples/resume-v2.md", "corpora/examples/postings", NULL };
	struct jd_run_result r = jd_test_run(a);

	cr_expect_eq(r.status, 0, "%s", r.err);
	const char *head = "posting_id,title,old_match_rate,new_match_rate,change\n";
	cr_expect_eq(strncmp(r.out, head, strlen(head)), 0);
	cr_expect_not_null(strstr(r.err, "corpora/examples/resume-v2.md raises "
	    "the match in "));
	cr_expect_not_null(strstr(r.err, " of 8 postings, lowers it in "));
	jd_run_result_free(&r);
}

Test(cli, resume_from_standard_input)
{
	const char *a[] = { "align", "-q", "-", "corpora/examples/postings", NULL };

	cr_assert_not_null(freopen("corpora/examples/resume.md", "r", stdin));
	struct jd_run_result r = jd_test_run(a);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect_not_null(strstr(r.out, "\"R1-1\",\"Cut p95 checkout latency"));
	jd_run_result_free(&r);
}

Test(cli, formats_top_and_bom)
{
	char *dir = jd_test_tmpdir(), path[512];
	const char *a[] = { "align", "-q", "--format", "tsv", "--bom", "--top",
		"1", "--out-dir", dir, "corpora/examples/resume.md",
		"corpora/examples/postings", NULL };
	struct jd_run_result r = jd_test_run(a);

	cr_expect_eq(r.status, 0, "%s", r.err);
	snprintf(path, sizeof path, "%s/alignment.tsv", dir);
	char *t = jd_test_read(path);
	cr_assert_not_null(t);
	const char *head = "\xef\xbb\xbfposting_id\tposting_title\t";
	cr_expect_eq(strncmp(t, head, strlen(head)), 0);
	/* --top 1: no bullet appears twice */
	char seen[64][16];
	size_t n = 0;
	for (char *line = strchr(t, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
		char *f = line + 1;
		for (int k = 0; k < 3 && f; k++)
			f = strchr(f, '\t') ? strchr(f, '\t') + 1 : NULL;
		cr_assert_not_null(f);
		size_t len = strcspn(f, "\t");
		for (size_t i = 0; i < n; i++)
			cr_expect(strncmp(seen[i], f, len) != 0 || seen[i][len] != '\0',
			    "bullet %.*s twice under --top 1", (int)len, f);
		if (n < 64 && len < 16) {
			memcpy(seen[n], f, len);
			seen[n++][len] = '\0';
		}
	}
	cr_expect_gt(n, 5);
	free(t);
	snprintf(path, sizeof path, "%s/gaps.tsv", dir);
	t = jd_test_read(path);
	cr_expect_not_null(t);
	free(t);
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(dir);
}

Test(cli, jsonl_alignment)
{
	const char *a[] = { "align", "-q", "--format", "jsonl",
		"corpora/examples/resume.md", "corpora/examples/postings", NULL };
	struct jd_run_result r = jd_test_run(a);

	cr_expect_eq(r.status, 0);
	cr_expect_eq(strncmp(r.out, "{\"posting_id\":\"corpora/examples/postings/", 41), 0);
	cr_expect_not_null(strstr(r.out, "\"score\":"));
	jd_run_result_free(&r);
}

/* extract prints each page as soon as its turn comes, with a few inputs in
 * flight per worker: 300 pages come out in input order, as with one. */
Test(cli, extract_many_in_order)
{
	char *dir = jd_test_tmpdir(), path[512];
	const char *one[] = { "extract", "-j", "1", dir, NULL };
	const char *two[] = { "extract", "-j", "2", dir, NULL };

	for (int i = 0; i < 300; i++) {
		char page[256];
		snprintf(path, sizeof path, "%s/p%03d.txt", dir, i);
		snprintf(page, sizeof page, "Engineer %d\n\nRequirements:\n"
		    "- %d years of Python and Kafka\n", i, i % 9 + 1);
		jd_test_write(path, page);
	}
	struct jd_run_result a = jd_test_run(one), b = jd_test_run(two);
	cr_expect_eq(a.status, 0);
	cr_expect_str_eq(a.out, b.out);
	const char *at = b.out;
	for (int i = 0; i < 300 && at; i++) {
		snprintf(path, sizeof path, "== %s/p%03d.txt\n", dir, i);
		at = strstr(at, path);
		cr_expect_not_null(at, "%s out of order", path);
	}
	jd_run_result_free(&a);
	jd_run_result_free(&b);
	jd_test_rmrf(dir);
	free(dir);
}

/* HTML pages read by more workers than there are slabs for libxml2's
 * memory (the extra readers allocate from malloc): the same report. */
Test(cli, vocab_of_html_pages_same_for_64_workers)
{
	char *dir = jd_test_tmpdir(), path[512];
	const char *one[] = { "vocab", "-q", "-j", "1", dir, NULL };
	const char *many[] = { "vocab", "-q", "-j", "64", dir, NULL };

	for (int i = 0; i < 400; i++) {
		char page[1024];
		snprintf(path, sizeof path, "%s/p%03d.html", dir, i);
		snprintf(page, sizeof page, "<html><head><title>Engineer %d"
		    "</title></head><body><nav><a href=/>Jobs</a></nav><main>"
		    "<h1>Engineer %d</h1><p>Our platform team builds the "
		    "services that move payments between banks; you will "
		    "own their reliability and their cost.</p>"
		    "<h2>Requirements</h2><ul>"
		    "<li>%d years of Python and Kafka</li><li>PostgreSQL "
		    "tuning for event-driven systems</li><li>%s</li></ul>"
		    "</main></body></html>", i, i, i % 9 + 1,
		    i % 3 ? "Terraform on AWS" : "Go and gRPC services");
		jd_test_write(path, page);
	}
	struct jd_run_result a = jd_test_run(one), b = jd_test_run(many);
	cr_expect_eq(a.status, 0);
	cr_expect_eq(b.status, 0);
	cr_expect(strstr(a.out, "\"PostgreSQL\",\"database\"") != NULL, "%s", a.out);
	cr_expect_str_eq(a.out, b.out);
	jd_run_result_free(&a);
	jd_run_result_free(&b);
	jd_test_rmrf(dir);
	free(dir);
}
