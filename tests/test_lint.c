/*
 * test_lint.c: the lint rules against the hand-labelled bullets of
 * tests/lint/ (per-rule precision and recall, printed as a table and held to
 * the thresholds below), single cases with their evidence, the range
 * summary, and `jdalign lint` on the command line.
 *   make build/tests && build/tests --filter 'lint/?*_set'
 * prints the tables; with JDALIGN_LINT_VERBOSE=1 it also lists every miss.
 */
#include "testutil.h"

#include "jdalign/diag.h"
#include "jdalign/lexicon.h"
#include "jdalign/lint.h"
#include "jdalign/resume.h"

TestSuite(lint, .fini = jd_test_fini, .timeout = 60);

/* Thresholds on the development set, and the looser ones held out bullets
 * must meet: a rule that flags strong bullets costs the user's trust, so
 * precision is held higher than recall. */
#define DEV_PRECISION 0.90
#define DEV_RECALL 0.80
#define HOLDOUT_PRECISION 0.85
#define HOLDOUT_RECALL 0.70

struct score {
	unsigned tp[JD_LINT_NRULES], fp[JD_LINT_NRULES], fn[JD_LINT_NRULES];
	unsigned bullets, exact;
};

struct env {
	struct jd_diag *d;
	struct jd_lexicon *lex;
	struct jd_lint *lint;
};

static void
env_init(struct env *e)
{
	e->d = jd_diag_new(stderr, 1);
	e->lex = jd_lexicon_new();
	cr_assert_eq(jd_lexicon_load_builtin(e->lex, e->d), 0);
	e->lint = jd_lint_new(e->lex);
}

static void
env_free(struct env *e)
{
	jd_lint_free(e->lint);
	jd_lexicon_free(e->lex);
	jd_diag_free(e->d);
}

/* Lints one row: plain text as it stands, "<li ..." as an HTML resume. */
static void
lint_row(struct env *e, const char *bullet, struct jd_lint_findings *f,
    struct jd_lint_range *range)
{
	struct jd_resume r;
	struct jd_buf html = JD_BUF_INIT;

	if (strncmp(bullet, "<li", 3) != 0) {
		jd_lint_bullet(e->lint, 0, bullet, 0, f, range);
		return;
	}
	jd_buf_printf(&html, "<html><body><ul>%s</ul></body></html>", bullet);
	cr_assert_eq(jd_resume_parse("row.html", html.data, html.len, &r), 0);
	for (size_t i = 0; i < r.nbullets; i++)
		jd_lint_bullet(e->lint, i, r.bullets[i].text, r.bullets[i].hidden,
		    f, range);
	jd_resume_free(&r);
	jd_buf_free(&html);
}

static int
rule_id(const char *name, size_t n)
{
	for (int r = 0; r < JD_LINT_NRULES; r++)
		if (strlen(jd_lint_rule_name(r)) == n &&
		    strncmp(jd_lint_rule_name(r), name, n) == 0)
			return r;
	return -1;
}

/* The expected rules of a row ("a,b" or "-") as a bit set. */
static unsigned
expected_rules(const char *s, const char *path, unsigned line)
{
	unsigned set = 0;

	if (strcmp(s, "-") == 0)
		return 0;
	while (*s) {
		size_t n = strcspn(s, ",");
		int r = rule_id(s, n);
		cr_assert_geq(r, 0, "%s:%u: unknown rule %.*s", path, line,
		    (int)n, s);
		set |= 1u << r;
		s += n + (s[n] == ',');
	}
	return set;
}

static void
score_row(struct score *sc, unsigned want, unsigned got, const char *bullet,
    const char *path, unsigned line)
{
	int verbose = getenv("JDALIGN_LINT_VERBOSE") != NULL;

	sc->bullets++;
	sc->exact += want == got;
	for (int r = 0; r < JD_LINT_NRULES; r++) {
		unsigned w = want >> r & 1, g = got >> r & 1;
		sc->tp[r] += w && g;
		sc->fp[r] += !w && g;
		sc->fn[r] += w && !g;
		if (verbose && w != g)
			fprintf(stderr, "%s:%u: %s %s: %s\n", path, line,
			    g ? "false" : "missed", jd_lint_rule_name(r), bullet);
	}
}

static void
score_file(struct env *e, const char *path, struct score *sc)
{
	char *data = jd_test_read(path);
	unsigned line = 0;

	cr_assert_not_null(data, "cannot read %s", path);
	memset(sc, 0, sizeof *sc);
	for (char *s = data, *nl; s && *s; s = nl) {
		nl = strchr(s, '\n');
		if (nl)
			*nl++ = '\0';
		line++;
		if (*s == '#' || *s == '\0')
			continue;
		char *tab = strchr(s, '\t');
		cr_assert_not_null(tab, "%s:%u: no tab", path, line);
		*tab = '\0';
		struct jd_lint_findings f = { 0 };
		unsigned got = 0;
		lint_row(e, s, &f, NULL);
		for (size_t i = 0; i < f.n; i++)
			got |= 1u << f.v[i].rule;
		score_row(sc, expected_rules(tab + 1, path, line), got, s, path,
		    line);
		jd_lint_findings_free(&f);
	}
	free(data);
}

static double
ratio(unsigned a, unsigned b)
{
	return b ? (double)a / b : 1.0;
}

static void
print_table(const char *name, const struct score *sc)
{
	fprintf(stderr, "\nlint %s: %u bullets, %u with exactly the expected "
	    "findings\n", name, sc->bullets, sc->exact);
	fprintf(stderr, "%-15s %8s %4s %4s %4s %9s %7s\n", "rule", "expected",
	    "tp", "fp", "fn", "precision", "recall");
	for (int r = 0; r < JD_LINT_NRULES; r++)
		fprintf(stderr, "%-15s %8u %4u %4u %4u %9.3f %7.3f\n",
		    jd_lint_rule_name(r), sc->tp[r] + sc->fn[r], sc->tp[r],
		    sc->fp[r], sc->fn[r], ratio(sc->tp[r], sc->tp[r] + sc->fp[r]),
		    ratio(sc->tp[r], sc->tp[r] + sc->fn[r]));
}

static void
check_set(const char *path, const char *name, double precision,
    double recall)
{
	struct env e;
	struct score sc;

	env_init(&e);
	score_file(&e, path, &sc);
	print_table(name, &sc);
	for (int r = 0; r < JD_LINT_NRULES; r++) {
		cr_expect_geq(ratio(sc.tp[r], sc.tp[r] + sc.fp[r]), precision,
		    "%s: precision of %s", name, jd_lint_rule_name(r));
		cr_expect_geq(ratio(sc.tp[r], sc.tp[r] + sc.fn[r]), recall,
		    "%s: recall of %s", name, jd_lint_rule_name(r));
	}
	env_free(&e);
}

Test(lint, development_set)
{
	check_set("tests/lint/bullets.tsv", "development set", DEV_PRECISION,
	    DEV_RECALL);
}

Test(lint, holdout_set)
{
	check_set("tests/lint/holdout.tsv", "held-out set", HOLDOUT_PRECISION,
	    HOLDOUT_RECALL);
}
