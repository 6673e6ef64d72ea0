/*
 * test_golden.c: the whole run on corpora/examples, compared byte for byte
 * with tests/golden/examples (every report but run.json), for -j 1 and -j 2.
 * scripts/update-golden.sh rewrites the expected files after a deliberate
 * change.
 */
#include "testutil.h"

TestSuite(golden, .fini = jd_test_fini, .timeout = 60);

static const char *const reports[] = {
	"alignment.csv", "gaps.csv", "posting_terms.csv", "postings.csv",
	"lint.csv", NULL
};

static void
run_and_compare(const char *jobs)
{
	char *dir = jd_test_tmpdir();
	const char *args[] = {
		"align", "corpora/examples/resume.md", "corpora/examples/postings/",
		"--out-dir", dir, "-j", jobs, "-q", NULL
	};
	struct jd_run_result r = jd_test_run(args);

	cr_assert_eq(r.status, 0, "exit %d: %s", r.status, r.err);
	for (const char *const *f = reports; *f; f++) {
		char got[512], want[512];
		snprintf(got, sizeof got, "%s/%s", dir, *f);
		snprintf(want, sizeof want, "tests/golden/examples/%s", *f);
		char *g = jd_test_read(got), *w = jd_test_read(want);
		cr_assert_not_null(g, "%s not written", got);
		cr_assert_not_null(w, "%s missing", want);
		cr_expect_str_eq(g, w, "%s differs from %s (-j %s)", got, want, jobs);
		free(g);
		free(w);
	}
	char runjson[512];
	snprintf(runjson, sizeof runjson, "%s/run.json", dir);
	char *rj = jd_test_read(runjson);
	cr_expect_not_null(rj && strstr(rj, "\"lexicon_digest\""));
	free(rj);
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(dir);
}

Test(golden, examples_one_job)
{
	run_and_compare("1");
}

Test(golden, examples_two_jobs)
{
	run_and_compare("2");
}
