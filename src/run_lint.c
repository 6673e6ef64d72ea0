/*
 * run_lint.c: `jdalign lint RESUME`: reads the resume, lints every bullet,
 * writes one row per finding and prints the range summary to standard
 * error; also the rows and the range object that align puts in lint.csv
 * and run.json. The rules themselves are lint.c's.
 */
#include <string.h>

#include <jansson.h>

#include "jdalign/diag.h"
#include "jdalign/lint.h"
#include "jdalign/resume.h"
#include "jdalign/util.h"
#include "run_int.h"

const char *const lint_cols[LINT_NCOLS] = {
	"bullet_id", "bullet", "rule", "severity", "evidence", "suggestion"
};

/* The three kinds of range, what each counts, and the note when a resume
 * shows none of one. */
static const struct {
	const char *name;
	const char *none;
} kinds[3] = {
	{ "technical", "no bullet names a technology (technical depth)" },
	{ "business", "no bullet shows business impact (money, users, cost, "
	    "revenue, latency or uptime figures)" },
	{ "leadership", "no bullet shows leadership (led, mentored, "
	    "coordinated, drove, aligned)" },
};

static size_t
range_count(const struct jd_lint_range *r, int kind)
{
	return kind == 0 ? r->technical : kind == 1 ? r->business :
	    r->leadership;
}

void
lint_resume(struct ctx *c, const struct jd_resume *r,
    struct jd_lint_findings *f, struct jd_lint_range *range)
{
	struct jd_lint *l = jd_lint_new(c->lex);

	memset(range, 0, sizeof *range);
	for (size_t i = 0; i < r->nbullets; i++)
		jd_lint_bullet(l, i, r->bullets[i].text, r->bullets[i].hidden,
		    f, range);
	jd_lint_free(l);
}

void
lint_rows(struct jd_table *t, const struct jd_resume *r,
    const struct jd_lint_findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct jd_lint_finding *x = &f->v[i];
		jd_report_text(t, r->bullets[x->bullet].id);
		jd_report_text(t, r->bullets[x->bullet].text);
		jd_report_text(t, jd_lint_rule_name(x->rule));
		jd_report_text(t, jd_lint_severity_name(x->severity));
		jd_report_text(t, x->evidence);
		jd_report_text(t, x->suggestion);
		jd_report_end_row(t);
	}
}

struct json_t *
lint_range_json(const struct jd_lint_range *range)
{
	json_t *o = json_object(), *missing = json_array();

	json_object_set_new(o, "bullets", json_integer((json_int_t)
	    range->bullets));
	for (int k = 0; k < 3; k++) {
		size_t n = range_count(range, k);
		json_object_set_new(o, kinds[k].name,
		    json_integer((json_int_t)n));
		if (n == 0)
			json_array_append_new(missing,
			    json_string(kinds[k].name));
	}
	json_object_set_new(o, "missing", missing);
	return o;
}

/* The summary on standard error, and a warning for each kind missing. */
static void
print_range(struct ctx *c, const char *path, const struct jd_lint_range *r)
{
	jd_diag_msg(c->d, 0, "range of %s: %zu bullets: technical %zu, "
	    "business %zu, leadership %zu", path, r->bullets, r->technical,
	    r->business, r->leadership);
	for (int k = 0; k < 3 && r->bullets; k++)
		if (range_count(r, k) == 0)
			jd_diag_warn(c->d, path, 0, "%s", kinds[k].none);
}

int
run_lint(struct ctx *c)
{
	const char *path = c->o->args[0], *cause;
	struct jd_resume r;
	struct jd_lint_findings f = { 0 };
	struct jd_lint_range range;
	struct jd_table *t;
	char *data;
	size_t len;

	if (jd_util_read_file(path, c->o->max_bytes, &data, &len, &cause) < 0) {
		jd_diag_error(c->d, path, 0, JD_EXIT_FATAL, "%s", cause);
		return JD_EXIT_FATAL;
	}
	int rc = jd_resume_parse(path, data, len, &r);
	free(data);
	if (rc < 0) {
		jd_diag_error(c->d, path, 0, JD_EXIT_FATAL,
		    "no text in resume");
		jd_resume_free(&r);
		return JD_EXIT_FATAL;
	}
	lint_resume(c, &r, &f, &range);
	if ((t = open_table(c, "lint", lint_cols, LINT_NCOLS)) != NULL) {
		lint_rows(t, &r, &f);
		close_table(c, t, "lint");
	}
	print_range(c, path, &range);
	jd_lint_findings_free(&f);
	jd_resume_free(&r);
	return 0;
}
