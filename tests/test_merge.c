/*
 * test_merge.c: vocabulary past one machine: merge(partial(A), partial(B))
 * equals vocab(A ∪ B) byte for byte, whatever the order of the shards, and
 * merge never needs a posting.
 */
#include "testutil.h"

TestSuite(merge, .fini = jd_test_fini, .timeout = 60);

#define EX "corpora/examples/postings/"

static char *
run_out(const char **args)
{
	struct jd_run_result r = jd_test_run(args);
	char *out = r.out;

	cr_assert_eq(r.status, 0, "exit %d: %s", r.status, r.err);
	free(r.err);
	return out;
}

Test(merge, partials_equal_whole)
{
	char *dir = jd_test_tmpdir(), a[512], b[512];
	snprintf(a, sizeof a, "%s/a.jsonl", dir);
	snprintf(b, sizeof b, "%s/b.jsonl", dir);
	const char *whole[] = { "vocab", "-q", EX, NULL };
	const char *pa[] = { "vocab", "-q", "--partial", "-o", a,
		EX "acme-greenhouse.html", EX "data-platform.md",
		EX "indeed-like.html", EX "jsonld-posting.html", NULL };
	const char *pb[] = { "vocab", "-q", "--partial", "-o", b, "-j", "2",
		EX "lever-like.html", EX "linkedin-like.html",
		EX "plain-posting.txt", EX "workday-like.html", NULL };
	const char *mab[] = { "merge", a, b, NULL }, *mba[] = { "merge", b, a, NULL };
	char *w = run_out(whole);

	free(run_out(pa));
	free(run_out(pb));
	char *m1 = run_out(mab), *m2 = run_out(mba);
	cr_expect_str_eq(m1, w);
	cr_expect_str_eq(m2, w);
	cr_expect_gt(strlen(w), 1000);
	free(w);
	free(m1);
	free(m2);
	jd_test_rmrf(dir);
	free(dir);
}

/* A partial table is the same at any -j: a phrase keeps the contexts a
 * table in any order of postings keeps. */
Test(merge, partial_same_for_every_j)
{
	const char *j1[] = { "vocab", "-q", "--partial", "-j", "1", EX,
		NULL };
	const char *j4[] = { "vocab", "-q", "--partial", "-j", "4", EX,
		NULL };
	char *a = run_out(j1);

	for (int i = 0; i < 5; i++) {
		char *b = run_out(j4);
		cr_expect_str_eq(b, a, "run %d", i);
		free(b);
	}
	cr_expect_not_null(strstr(a, "\"contexts\""), "%.300s", a);
	free(a);
}

Test(merge, rejects_what_is_not_a_partial)
{
	const char *m[] = { "merge", "corpora/examples/resume.md", NULL };
	struct jd_run_result r = jd_test_run(m);

	cr_expect_eq(r.status, 4);
	cr_expect_not_null(strstr(r.err, "corpora/examples/resume.md:1: error: "
	    "not a jdalign partial table"));
	jd_run_result_free(&r);
}
