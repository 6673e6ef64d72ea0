/*
 * run_align.c: the main job: reads the resume and the postings, weighs every
 * posting's terms against the corpus, aligns bullets with requirement
 * lines, and writes alignment, gaps, posting_terms, postings, lint and
 * run.json; also --compare of two resume versions.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "jdalign/align.h"
#include "jdalign/buf.h"
#include "jdalign/diag.h"
#include "jdalign/lexicon.h"
#include "jdalign/lint.h"
#include "jdalign/resume.h"
#include "jdalign/util.h"
#include "run_int.h"

/* A posting that was read, with its document when it is a posting. */
struct post {
	struct jd_posting *p;
	struct jd_doc *doc;
	struct jd_coverage cov;
};

struct job {
	struct ctx *c;
	struct jd_resume res;
	struct jd_rdoc rdoc;
	struct jd_inputs in;
	struct item *items;
	struct post *posts;
	size_t nposts, nok;
	struct jd_vocab *v;
	double t_read, t_align;
	size_t nrows;
	struct jd_lint_findings lint;
	struct jd_lint_range range;
};

static int
load_resume(struct ctx *c, const char *path, struct jd_resume *r,
    struct jd_rdoc *rd)
{
	char *data, *why;
	size_t len;
	struct jd_hits h = JD_HITS_INIT;

	memset(rd, 0, sizeof *rd);
	if ((why = read_input(c, path, &data, &len, NULL)) != NULL) {
		jd_diag_error(c->d, path, 0, JD_EXIT_FATAL, "%s", why);
		free(why);
		return -1;
	}
	jd_util_deadline_start(parse_limit(len));
	int rc = jd_resume_parse(path, data, len, r);
	free(data);
	if (jd_util_deadline_end()) {
		why = parse_stopped(len);
		jd_diag_error(c->d, path, 0, JD_EXIT_FATAL, "%s", why);
		free(why);
		jd_resume_free(r);
		return -1;
	}
	if (rc < 0) {
		jd_diag_error(c->d, path, 0, JD_EXIT_FATAL, "no text in resume");
		jd_resume_free(r);
		return -1;
	}
	rd->doc = jd_vocab_doc_new();
	rd->nbullets = r->nbullets;
	for (size_t i = 0; i < r->nbullets; i++)
		jd_vocab_doc_line(rd->doc, c->lex, &c->topts, &h,
		    r->bullets[i].text, strlen(r->bullets[i].text), "required", 1);
	for (size_t i = 0; i < r->nlines; i++)
		jd_vocab_doc_line(rd->doc, c->lex, &c->topts, &h, r->lines[i],
		    strlen(r->lines[i]), "required", 1);
	jd_hits_free(&h);
	return 0;
}

/* Reads postings, builds the corpus table and weighs each posting. */
static void
read_postings(struct job *j, char *const *args, size_t nargs)
{
	struct ctx *c = j->c;
	size_t total = 0;

	collect_inputs(c, args, nargs, &j->in);
	j->items = read_inputs(c, &j->in, KEEP_DOCS, NULL, NULL, NULL);
	report_items(c, j->items, j->in.n);
	for (size_t i = 0; i < j->in.n; i++)
		total += j->items[i].posts.n;
	j->posts = xcalloc(total + 1, sizeof *j->posts);
	j->v = jd_vocab_new(c->bg);
	for (size_t i = 0; i < j->in.n; i++)
		for (size_t k = 0; k < j->items[i].posts.n; k++) {
			struct post *p = &j->posts[j->nposts++];
			p->p = &j->items[i].posts.v[k];
			p->doc = j->items[i].docs[k];
			if (p->doc) {
				jd_vocab_add(j->v, p->doc);
				j->nok++;
			}
		}
	jd_vocab_sort(j->v);
	for (size_t i = 0; i < j->nposts; i++)
		if (j->posts[i].doc) {
			jd_vocab_weigh(j->v, j->posts[i].doc);
			jd_align_coverage(j->posts[i].doc, &j->rdoc,
			    &j->posts[i].cov);
		}
	if (j->nok == 0)
		jd_diag_msg(c->d, JD_EXIT_FATAL, "no usable posting");
}

static void
job_free(struct job *j)
{
	for (size_t i = 0; i < j->nposts; i++)
		jd_coverage_free(&j->posts[i].cov);
	free(j->posts);
	free_items(j->items, j->in.n);
	jd_inputs_free(&j->in);
	jd_vocab_free(j->v);
	jd_vocab_doc_free(j->rdoc.doc);
	jd_resume_free(&j->res);
	jd_lint_findings_free(&j->lint);
}

/* ------------------------------------------------------------ alignment */

static const char *const align_cols[] = {
	"posting_id", "posting_title", "company", "bullet_id", "bullet",
	"requirement", "requirement_kind", "score", "matched_terms",
	"alias_matches", "missing_terms", "missing_from_resume", "related"
};

struct ranked {
	size_t post, row;
	double score;
};

static int
by_score(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->post < y->post ? -1 : x->post > y->post;
}

/* --top N: marks, for each bullet, the rows of its N best postings. Rows
 * are bucketed by bullet first, so a resume of 100,000 bullets costs one
 * pass over the rows, not one per bullet. */
static void
keep_top(struct job *j, struct jd_arows *rows, unsigned char **keep)
{
	long top = j->c->o->top;
	size_t nb = j->res.nbullets, total = 0;
	size_t *start = xcalloc(nb + 2, sizeof *start);

	for (size_t p = 0; p < j->nposts; p++)
		for (size_t k = 0; k < rows[p].n; k++)
			if (rows[p].v[k].bullet < nb) {
				start[rows[p].v[k].bullet + 2]++;
				total++;
			}
	for (size_t b = 2; b < nb + 2; b++)
		start[b] += start[b - 1];
	struct ranked *r = xcalloc(total + 1, sizeof *r);
	for (size_t p = 0; p < j->nposts; p++)
		for (size_t k = 0; k < rows[p].n; k++)
			if (rows[p].v[k].bullet < nb)
				r[start[rows[p].v[k].bullet + 1]++] =
				    (struct ranked){ p, k, rows[p].v[k].score };
	for (size_t b = 0; b < nb; b++) {
		struct ranked *v = r + (b ? start[b] : 0);
		size_t n = start[b + 1] - (b ? start[b] : 0);
		qsort(v, n, sizeof *v, by_score);
		for (size_t i = 0; i < n; i++)
			keep[v[i].post][v[i].row] = top == 0 || (long)i < top;
	}
	free(r);
	free(start);
}

static void
write_alignment(struct job *j)
{
	struct jd_arows *rows = xcalloc(j->nposts + 1, sizeof *rows);
	unsigned char **keep = xcalloc(j->nposts + 1, sizeof *keep);
	struct jd_table *t;
	double t0 = jd_util_now();

	for (size_t p = 0; p < j->nposts; p++)
		if (j->posts[p].doc) {
			jd_align_posting(j->c->lex, j->posts[p].doc, &j->rdoc,
			    &rows[p]);
			keep[p] = xcalloc(rows[p].n + 1, 1);
		}
	keep_top(j, rows, keep);
	j->t_align = jd_util_now() - t0;
	t = open_table(j->c, "alignment", align_cols, 13);
	for (size_t p = 0; t && p < j->nposts; p++) {
		const struct jd_posting *ps = j->posts[p].p;
		for (size_t k = 0; k < rows[p].n; k++) {
			const struct jd_arow *r = &rows[p].v[k];
			const struct jd_dline *l = &j->posts[p].doc->lines[r->line];
			if (!keep[p][k])
				continue;
			jd_report_text(t, ps->id);
			jd_report_text(t, ps->title);
			jd_report_text(t, ps->company);
			jd_report_text(t, j->res.bullets[r->bullet].id);
			jd_report_text(t, j->res.bullets[r->bullet].text);
			jd_report_text(t, l->text);
			jd_report_text(t, l->section);
			jd_report_real(t, r->score, 1);
			jd_report_text(t, r->matched);
			jd_report_text(t, r->alias_matches);
			jd_report_text(t, r->missing);
			jd_report_text(t, r->missing_from_resume);
			jd_report_text(t, r->related);
			jd_report_end_row(t);
			j->nrows++;
		}
	}
	close_table(j->c, t, "alignment");
	for (size_t p = 0; p < j->nposts; p++) {
		jd_arows_free(&rows[p]);
		free(keep[p]);
	}
	free(rows);
	free(keep);
}

/* ------------------------------------------------------------ gaps */

static const char *const gaps_cols[] = {
	"term", "kind", "category", "postings", "share", "required_postings",
	"required_share", "specificity", "in_resume", "resume_wording", "bullets"
};

/* The resume's spellings of a term and the bullets that use it. */
static void
resume_use(const struct job *j, const char *name, struct jd_buf *words,
    struct jd_buf *bullets)
{
	const struct jd_doc *rd = j->rdoc.doc;

	for (size_t i = 0; i < rd->nlines; i++) {
		const struct jd_dline *l = &rd->lines[i];
		for (size_t k = 0; k < l->nterms; k++) {
			if (strcmp(rd->terms[l->terms[k]].name, name) != 0)
				continue;
			struct jd_buf needle = JD_BUF_INIT;
			jd_buf_printf(&needle, "; %s; ", l->surfaces[k]);
			struct jd_buf hay = JD_BUF_INIT;
			jd_buf_printf(&hay, "; %s; ", jd_buf_str(words));
			if (!strstr(hay.data, needle.data)) {
				if (words->len)
					jd_buf_adds(words, "; ");
				jd_buf_adds(words, l->surfaces[k]);
			}
			jd_buf_free(&needle);
			jd_buf_free(&hay);
			if (i < j->rdoc.nbullets) {
				if (bullets->len)
					jd_buf_adds(bullets, "; ");
				jd_buf_adds(bullets, j->res.bullets[i].id);
			}
		}
	}
}

static void
write_gaps(struct job *j)
{
	size_t n = jd_vocab_sort(j->v);
	double docs = (double)jd_vocab_postings(j->v);
	struct jd_table *t = open_table(j->c, "gaps", gaps_cols, 11);

	for (size_t i = 0; t && i < n; i++) {
		struct jd_vterm r;
		struct jd_buf w = JD_BUF_INIT, b = JD_BUF_INIT;
		jd_vocab_row(j->v, i, &r);
		resume_use(j, r.name, &w, &b);
		write_term_counts(t, &r, docs);
		jd_report_text(t, jd_vocab_doc_find(j->rdoc.doc, r.name) >= 0 ?
		    "yes" : "no");
		jd_report_text(t, jd_buf_str(&w));
		jd_report_text(t, jd_buf_str(&b));
		jd_report_end_row(t);
		jd_buf_free(&w);
		jd_buf_free(&b);
	}
	close_table(j->c, t, "gaps");
}

/* ------------------------------------------------------------ postings */

static const char *const pterm_cols[] = {
	"posting_id", "term", "kind", "section", "section_weight",
	"specificity", "weight", "in_resume"
};

static int
by_term_weight(const void *a, const void *b)
{
	const struct jd_dterm *x = *(const struct jd_dterm *const *)a;
	const struct jd_dterm *y = *(const struct jd_dterm *const *)b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void
write_posting_terms(struct job *j)
{
	struct jd_table *t = open_table(j->c, "posting_terms", pterm_cols, 8);

	for (size_t p = 0; t && p < j->nposts; p++) {
		const struct jd_doc *d = j->posts[p].doc;
		if (d == NULL)
			continue;
		const struct jd_dterm **v = xcalloc(d->nterms + 1, sizeof *v);
		for (size_t i = 0; i < d->nterms; i++)
			v[i] = &d->terms[i];
		qsort(v, d->nterms, sizeof *v, by_term_weight);
		for (size_t i = 0; i < d->nterms; i++) {
			jd_report_text(t, j->posts[p].p->id);
			jd_report_text(t, v[i]->name);
			jd_report_text(t, v[i]->kind);
			jd_report_text(t, v[i]->section);
			jd_report_real(t, v[i]->section_weight, 3);
			jd_report_real(t, v[i]->specificity, 3);
			jd_report_real(t, v[i]->weight, 3);
			jd_report_text(t, jd_vocab_doc_find(j->rdoc.doc,
			    v[i]->name) >= 0 ? "yes" : "no");
			jd_report_end_row(t);
		}
		free(v);
	}
	close_table(j->c, t, "posting_terms");
}

static const char *const posting_cols[] = {
	"posting_id", "path", "status", "title", "company", "location",
	"match_rate", "required_match_rate", "matched", "missing",
	"top_missing", "years_required", "degree", "sponsorship", "clearance",
	"workplace", "title_match", "warnings"
};

/* The knockouts of a posting, from its location and every line. */
static void
knockouts(const struct jd_posting *p, struct jd_knockouts *k)
{
	size_t n = 1, i = 0;

	for (size_t s = 0; s < p->nsections; s++)
		n += p->sections[s].nlines + 1;
	const char **lines = xcalloc(n + 1, sizeof *lines);
	const char **kinds = xcalloc(n + 1, sizeof *kinds);
	lines[i++] = p->location ? p->location : "";
	for (size_t s = 0; s < p->nsections; s++) {
		const char *kind = jd_html_kind_name(p->sections[s].kind);
		kinds[i] = kind;
		lines[i++] = p->sections[s].heading;
		for (size_t l = 0; l < p->sections[s].nlines; l++) {
			kinds[i] = kind;
			lines[i++] = p->sections[s].lines[l];
		}
	}
	jd_align_knockouts(lines, kinds, i, k);
	free(lines);
	free(kinds);
}

static void
write_postings(struct job *j)
{
	struct jd_table *t = open_table(j->c, "postings", posting_cols, 18);

	for (size_t i = 0; t && i < j->nposts; i++) {
		const struct post *p = &j->posts[i];
		const struct jd_posting *ps = p->p;
		struct jd_buf w = JD_BUF_INIT;
		for (size_t k = 0; k < ps->nwarnings; k++) {
			if (k)
				jd_buf_adds(&w, "; ");
			jd_buf_adds(&w, ps->warnings[k]);
		}
		if (ps->status != JD_POST_OK) {
			if (w.len)
				jd_buf_adds(&w, "; ");
			jd_buf_printf(&w, "not a posting (%s)",
			    jd_html_status_name(ps->status));
		}
		jd_report_text(t, ps->id);
		jd_report_text(t, ps->path);
		jd_report_text(t, jd_html_status_name(ps->status));
		jd_report_text(t, ps->title);
		jd_report_text(t, ps->company);
		jd_report_text(t, ps->location);
		if (p->doc) {
			jd_report_real(t, p->cov.match_rate, 1);
			if (p->cov.required_rate >= 0)
				jd_report_real(t, p->cov.required_rate, 1);
			else
				jd_report_num(t, NULL);
			jd_report_int(t, p->cov.matched);
			jd_report_int(t, p->cov.missing);
			jd_report_text(t, p->cov.top_missing);
		} else {
			for (int k = 0; k < 4; k++)
				jd_report_num(t, NULL);
			jd_report_text(t, "");
		}
		struct jd_knockouts ko;
		knockouts(ps, &ko);
		if (ko.years)
			jd_report_int(t, (unsigned long)ko.years);
		else
			jd_report_num(t, NULL);
		jd_report_text(t, ko.degree);
		jd_report_text(t, ko.sponsorship);
		jd_report_text(t, ko.clearance);
		jd_report_text(t, ko.workplace);
		jd_report_text(t, ps->title && jd_align_title_match(ps->title,
		    j->res.titles, j->res.ntitles) ? "yes" : "no");
		jd_report_text(t, jd_buf_str(&w));
		jd_report_end_row(t);
		jd_buf_free(&w);
	}
	close_table(j->c, t, "postings");
}

static void
write_lint(struct job *j)
{
	struct jd_table *t = open_table(j->c, "lint", lint_cols, LINT_NCOLS);

	lint_resume(j->c, &j->res, &j->lint, &j->range);
	if (t)
		lint_rows(t, &j->res, &j->lint);
	close_table(j->c, t, "lint");
}

/* ------------------------------------------------------------ run.json */

static void
write_runjson(struct job *j)
{
	const struct jd_opts *o = j->c->o;
	json_t *r = json_object(), *opts = json_object(), *counts = json_object(),
	    *times = json_object(), *lex = json_array();
	char digest[32];
	struct jd_buf path = JD_BUF_INIT;
	const char *cause;
	size_t st[5] = { 0 };

	for (size_t i = 0; i < j->nposts; i++)
		st[j->posts[i].p->status]++;
	snprintf(digest, sizeof digest, "%016llx",
	    (unsigned long long)jd_lexicon_digest(j->c->lex));
	json_object_set_new(r, "version", json_string(JD_VERSION));
	json_object_set_new(r, "command", json_string("align"));
	json_object_set_new(r, "lexicon_digest", json_string(digest));
	json_object_set_new(r, "lexicon_terms",
	    json_integer((json_int_t)jd_lexicon_count(j->c->lex)));
	for (size_t i = 0; i < o->nlexicons; i++)
		json_array_append_new(lex, json_string(o->lexicons[i]));
	json_object_set_new(opts, "resume", json_string(o->args[0]));
	json_object_set_new(opts, "format",
	    json_string(jd_report_ext(report_opts(j->c).format)));
	json_object_set_new(opts, "jobs", json_integer(j->c->jobs));
	json_object_set_new(opts, "top", json_integer(o->top));
	json_object_set_new(opts, "fail_under", o->fail_under >= 0 ?
	    json_real(o->fail_under) : json_null());
	json_object_set_new(opts, "bom", json_boolean(o->bom));
	json_object_set_new(opts, "crlf", json_boolean(o->crlf));
	json_object_set_new(opts, "lexicons", lex);
	json_object_set_new(r, "options", opts);
	json_object_set_new(counts, "inputs", json_integer((json_int_t)j->in.n));
	json_object_set_new(counts, "postings", json_integer((json_int_t)j->nposts));
	for (int s = 0; s < 5; s++)
		json_object_set_new(counts, jd_html_status_name(s),
		    json_integer((json_int_t)st[s]));
	json_object_set_new(counts, "bullets",
	    json_integer((json_int_t)j->res.nbullets));
	json_object_set_new(counts, "alignment_rows",
	    json_integer((json_int_t)j->nrows));
	json_object_set_new(counts, "market_terms",
	    json_integer((json_int_t)jd_vocab_sort(j->v)));
	json_object_set_new(counts, "lint_findings",
	    json_integer((json_int_t)j->lint.n));
	json_object_set_new(r, "counts", counts);
	json_object_set_new(r, "range", lint_range_json(&j->range));
	json_object_set_new(times, "read_seconds", json_real(j->t_read));
	json_object_set_new(times, "align_seconds", json_real(j->t_align));
	json_object_set_new(times, "total_seconds",
	    json_real(jd_util_now() - j->c->t0));
	json_object_set_new(r, "timings", times);
	char *s = json_dumps(r, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	jd_buf_printf(&path, "%s/run.json", o->out_dir);
	struct jd_buf text = JD_BUF_INIT;
	jd_buf_adds(&text, s ? s : "{}");
	jd_buf_addc(&text, '\n');
	if (jd_report_write_file(path.data, text.data, text.len, &cause) < 0)
		jd_diag_error(j->c->d, path.data, 0, JD_EXIT_FATAL,
		    "not written: %s", cause);
	free(s);
	jd_buf_free(&text);
	jd_buf_free(&path);
	json_decref(r);
}

/* ------------------------------------------------------------ commands */

static int
fail_under(struct job *j)
{
	if (j->c->o->fail_under < 0)
		return 0;
	for (size_t i = 0; i < j->nposts; i++)
		if (j->posts[i].doc &&
		    j->posts[i].cov.match_rate < j->c->o->fail_under)
			return JD_EXIT_FAIL_UNDER;
	return 0;
}

int
run_align(struct ctx *c)
{
	struct job j = { .c = c };
	int rc = 0;

	if (load_resume(c, c->o->args[0], &j.res, &j.rdoc) < 0)
		return JD_EXIT_FATAL;
	double t0 = jd_util_now();
	read_postings(&j, c->o->args + 1, c->o->nargs - 1);
	j.t_read = jd_util_now() - t0;
	if (c->o->out_dir && mkdir(c->o->out_dir, 0777) != 0 &&
	    errno != EEXIST) {
		jd_diag_error(c->d, c->o->out_dir, 0, JD_EXIT_FATAL,
		    "cannot create: %s", strerror(errno));
		job_free(&j);
		return JD_EXIT_FATAL;
	}
	if (j.nok > 0 || c->o->out_dir)
		write_alignment(&j);
	if (c->o->out_dir) {
		write_gaps(&j);
		write_posting_terms(&j);
		write_postings(&j);
		write_lint(&j);
		write_runjson(&j);
	}
	rc = fail_under(&j);
	job_free(&j);
	return rc;
}

int
run_compare(struct ctx *c)
{
	static const char *const cols[] = {
		"posting_id", "title", "old_match_rate", "new_match_rate", "change"
	};
	struct job old = { .c = c }, new = { .c = c };
	size_t up = 0, down = 0, n = 0;

	if (load_resume(c, c->o->args[0], &old.res, &old.rdoc) < 0 ||
	    load_resume(c, c->o->args[1], &new.res, &new.rdoc) < 0) {
		job_free(&old);
		job_free(&new);
		return JD_EXIT_FATAL;
	}
	read_postings(&old, c->o->args + 2, c->o->nargs - 2);
	struct jd_table *t = open_table(c, "compare", cols, 5);
	for (size_t i = 0; i < old.nposts; i++) {
		struct post *p = &old.posts[i];
		struct jd_coverage nc;
		if (p->doc == NULL)
			continue;
		jd_align_coverage(p->doc, &new.rdoc, &nc);
		double ch = jd_align_round1(nc.match_rate - p->cov.match_rate);
		up += ch > 0;
		down += ch < 0;
		n++;
		if (t) {
			jd_report_text(t, p->p->id);
			jd_report_text(t, p->p->title);
			jd_report_real(t, p->cov.match_rate, 1);
			jd_report_real(t, nc.match_rate, 1);
			jd_report_real(t, ch, 1);
			jd_report_end_row(t);
		}
		jd_coverage_free(&nc);
	}
	close_table(c, t, "compare");
	jd_diag_msg(c->d, 0, "%s raises the match in %zu of %zu postings, "
	    "lowers it in %zu", c->o->args[1], up, n, down);
	job_free(&old);
	job_free(&new);
	return 0;
}
