/*
 * test_golden.c: the whole run on corpora/examples, compared byte for byte
 * with tests/golden/examples (every report but run.json), for -j 1 and -j 2.
 * scripts/update-golden.sh rewrites the expected files after a deliberate
 * change.
 */
#include <csv.h>

#include "testutil.h"

TestSuite(golden, .fini = jd_test_fini, .timeout = 60);

static const char *const reports[] = {
	"alignment.csv", "gaps.csv", "posting_terms.csv", "postings.csv",
	"lint.csv", NULL
};

struct shape {
	size_t fields, header, rows;
	int ragged;
};

static void
count_field(void *s, size_t n, void *data)
{
	(void)s;
	(void)n;
	((struct shape *)data)->fields++;
}

static void
count_row(int c, void *data)
{
	struct shape *sh = data;

	(void)c;
	if (sh->rows++ == 0)
		sh->header = sh->fields;
	else if (sh->fields != sh->header)
		sh->ragged = 1;
	sh->fields = 0;
}

/* Every report reads back with libcsv's strict parser, every row as wide
 * as the header. */
static void
strict_readback(const char *path, const char *text)
{
	struct csv_parser p;
	struct shape sh = { 0 };
	size_t n = strlen(text);

	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	cr_expect_eq(csv_parse(&p, text, n, count_field, count_row, &sh), n,
	    "%s: %s", path, csv_strerror(csv_error(&p)));
	cr_expect_eq(csv_fini(&p, count_field, count_row, &sh), 0, "%s", path);
	cr_expect(!sh.ragged, "%s has rows of another width", path);
	cr_expect_gt(sh.header, 0, "%s has no header", path);
	csv_free(&p);
}

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
		strict_readback(got, g);
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
