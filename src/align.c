/*
 * align.c: bullet <-> requirement alignment and match rates, computed from
 * the term tables of vocab. The formulas are the README's: a line's score is
 * the share of its term weight a bullet covers; a posting's match rate is
 * the share of its term weight the whole resume covers.
 */
#include <math.h>
#include <string.h>

#include "jdalign/align.h"
#include "jdalign/buf.h"
#include "jdalign/lexicon.h"
#include "jdalign/token.h"
#include "jdalign/util.h"

#define TOP_MISSING 5

double
jd_align_round1(double x)
{
	return floor(x * 10.0 + 0.5) / 10.0;
}

static void
join(struct jd_buf *b, const char *s)
{
	if (b->len)
		jd_buf_adds(b, "; ");
	jd_buf_adds(b, s);
}

static int
same_folded(const char *a, const char *b)
{
	struct jd_buf x = JD_BUF_INIT, y = JD_BUF_INIT;
	int same;

	jd_token_fold_text(&x, a, strlen(a));
	jd_token_fold_text(&y, b, strlen(b));
	same = strcmp(jd_buf_str(&x), jd_buf_str(&y)) == 0;
	jd_buf_free(&x);
	jd_buf_free(&y);
	return same;
}

/* The surface of term name in bullet line bl, or NULL. */
static const char *
bullet_surface(const struct jd_doc *rd, const struct jd_dline *bl,
    const char *name)
{
	for (size_t k = 0; k < bl->nterms; k++)
		if (strcmp(rd->terms[bl->terms[k]].name, name) == 0)
			return bl->surfaces[k];
	return NULL;
}

/*
 * Term weight of line l that bullet line bl covers, each term weighed where
 * it stands: the line's section weight x the term's specificity, so a
 * requirement outweighs the same words in "About us".
 */
static double
covered(const struct jd_doc *post, const struct jd_dline *l,
    const struct jd_doc *rd, const struct jd_dline *bl, double *total)
{
	double c = 0, sw = jd_vocab_section_weight(l->section);

	*total = 0;
	for (size_t k = 0; k < l->nterms; k++) {
		const struct jd_dterm *t = &post->terms[l->terms[k]];
		double w = sw * t->specificity;
		*total += w;
		if (bullet_surface(rd, bl, t->name))
			c += w;
	}
	return c;
}

static void
related(const struct jd_lexicon *lex, const struct jd_doc *rd,
    const struct jd_dline *bl, const struct jd_dterm *miss, struct jd_buf *b)
{
	if (miss->lex_id < 0 || !miss->category[0])
		return;
	for (size_t k = 0; k < bl->nterms; k++) {
		const struct jd_dterm *rt = &rd->terms[bl->terms[k]];
		const struct jd_lexterm *lt = jd_lexicon_term(lex, rt->lex_id);
		if (lt && rt->lex_id != miss->lex_id &&
		    strcmp(lt->category, miss->category) == 0) {
			struct jd_buf r = JD_BUF_INIT;
			jd_buf_printf(&r, "%s ~ %s", bl->surfaces[k], miss->name);
			join(b, r.data);
			jd_buf_free(&r);
		}
	}
}

static void
describe(const struct jd_lexicon *lex, const struct jd_doc *post,
    const struct jd_dline *l, const struct jd_rdoc *res,
    const struct jd_dline *bl, struct jd_arow *row)
{
	struct jd_buf m = JD_BUF_INIT, a = JD_BUF_INIT, miss = JD_BUF_INIT,
	    mr = JD_BUF_INIT, rel = JD_BUF_INIT;

	for (size_t k = 0; k < l->nterms; k++) {
		const struct jd_dterm *t = &post->terms[l->terms[k]];
		const char *bs = bullet_surface(res->doc, bl, t->name);
		if (bs) {
			join(&m, l->surfaces[k]);
			if (!same_folded(bs, l->surfaces[k])) {
				struct jd_buf x = JD_BUF_INIT;
				jd_buf_printf(&x, "%s \xe2\x86\x92 %s", bs,
				    l->surfaces[k]);
				join(&a, x.data);
				jd_buf_free(&x);
			}
			continue;
		}
		join(&miss, l->surfaces[k]);
		if (jd_vocab_doc_find(res->doc, t->name) < 0)
			join(&mr, l->surfaces[k]);
		related(lex, res->doc, bl, t, &rel);
	}
	row->matched = jd_buf_take(&m);
	row->alias_matches = jd_buf_take(&a);
	row->missing = jd_buf_take(&miss);
	row->missing_from_resume = jd_buf_take(&mr);
	row->related = jd_buf_take(&rel);
}

void
jd_align_posting(const struct jd_lexicon *lex, const struct jd_doc *post,
    const struct jd_rdoc *res, struct jd_arows *out)
{
	for (size_t b = 0; b < res->nbullets; b++) {
		const struct jd_dline *bl = &res->doc->lines[b];
		double best = 0, best_total = 0;
		long best_line = -1;
		if (bl->nterms == 0)
			continue;
		for (size_t i = 0; i < post->nlines; i++) {
			double total, c = covered(post, &post->lines[i],
			    res->doc, bl, &total);
			if (c > best + 1e-9 && total > 0) {
				best = c;
				best_total = total;
				best_line = (long)i;
			}
		}
		if (best_line < 0)
			continue;
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 64;
			out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
		}
		struct jd_arow *row = &out->v[out->n++];
		memset(row, 0, sizeof *row);
		row->bullet = b;
		row->line = best_line;
		row->covered = best;
		row->score = jd_align_round1(100.0 * best / best_total);
		describe(lex, post, &post->lines[best_line], res, bl, row);
	}
}

struct miss {
	const struct jd_dterm *t;
};

static int
by_weight(const void *a, const void *b)
{
	const struct jd_dterm *x = ((const struct miss *)a)->t;
	const struct jd_dterm *y = ((const struct miss *)b)->t;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return strcmp(x->name, y->name);
}

void
jd_align_coverage(const struct jd_doc *post, const struct jd_rdoc *res,
    struct jd_coverage *cov)
{
	double have = 0, all = 0, rhave = 0, rall = 0;
	struct miss *m = xcalloc(post->nterms + 1, sizeof *m);
	size_t nm = 0;
	struct jd_buf top = JD_BUF_INIT;

	memset(cov, 0, sizeof *cov);
	for (size_t i = 0; i < post->nterms; i++) {
		const struct jd_dterm *t = &post->terms[i];
		int in = jd_vocab_doc_find(res->doc, t->name) >= 0;
		int req = strcmp(t->section, "required") == 0;
		all += t->weight;
		rall += req ? t->weight : 0;
		if (in) {
			have += t->weight;
			rhave += req ? t->weight : 0;
			cov->matched++;
		} else {
			cov->missing++;
			m[nm++].t = t;
		}
	}
	qsort(m, nm, sizeof *m, by_weight);
	for (size_t i = 0; i < nm && i < TOP_MISSING; i++)
		join(&top, m[i].t->name);
	cov->top_missing = jd_buf_take(&top);
	cov->match_rate = all > 0 ? jd_align_round1(100.0 * have / all) : 0;
	cov->required_rate = rall > 0 ?
	    jd_align_round1(100.0 * rhave / rall) : -1;
	free(m);
}

/* ------------------------------------------------------------ titles */

static const char *const level_words[] = {
	"senior", "sr", "junior", "jr", "staff", "principal", "lead", "head",
	"chief", "associate", "intern", "i", "ii", "iii", "iv", "v", "1", "2",
	"3", "mid", "level", "entry", "the", "of", "and", "a", "an", "for",
	"remote", "hybrid", NULL
};

static int
level_word(const char *w)
{
	for (const char *const *l = level_words; *l; l++)
		if (strcmp(*l, w) == 0)
			return 1;
	return 0;
}

static const char *const title_seps[] = {
	",", " - ", "(", "|", " at ", " @ ", " \xe2\x80\x93 ",
	" \xe2\x80\x94 ", ":", NULL
};

/* Does text[0..n) name a role ("engineer", "developer", ...)? */
static int
has_role_noun(const char *text, size_t n)
{
	static const char *const heads[] = {
		"engineer", "developer", "programmer", "architect", "scientist",
		"analyst", "manager", "administrator", "designer", "director",
		"sre", "devops", "consultant", "specialist", "researcher",
		"swe", NULL
	};
	struct jd_buf f = JD_BUF_INIT;
	int found = 0;

	jd_token_fold_text(&f, text, n);
	for (char *w = f.data; w && *w && !found;) {
		char *sp = strchr(w, ' ');
		size_t l = sp ? (size_t)(sp - w) : strlen(w);
		for (const char *const *h = heads; *h && !found; h++) {
			size_t hl = strlen(*h);	/* "engineer", "engineers" */
			found = (l == hl || (l == hl + 1 && w[l - 1] == 's')) &&
			    strncmp(w, *h, hl) == 0;
		}
		w = sp ? sp + 1 : NULL;
	}
	jd_buf_free(&f);
	return found;
}

/* The length of the piece of s before its first separator. */
static size_t
piece(const char *s, int hiring)
{
	size_t n = strlen(s);

	for (const char *const *sep = title_seps; *sep; sep++) {
		const char *p = strstr(s, *sep);
		if (p && p > s && (size_t)(p - s) < n)
			n = (size_t)(p - s);
	}
	if (hiring) {		/* "X hiring Y in Austin, TX" */
		const char *p = strstr(s, " in ");
		if (p && (size_t)(p - s) < n)
			n = (size_t)(p - s);
	}
	return n;
}

/*
 * The part of a title that names the role: after "Company hiring" (the
 * form of shared LinkedIn titles), and of the pieces between separators
 * the first with a role noun ("Brightwater - Platform Engineer"), else the
 * first piece.
 */
static const char *
role_part(const char *title, size_t *len)
{
	const char *h = strstr(title, " hiring "), *s = h ? h + 8 : title;
	const char *first = s;
	size_t first_len = piece(s, h != NULL);

	while (*s) {
		size_t n = piece(s, h != NULL);
		if (has_role_noun(s, n)) {
			*len = n;
			return s;
		}
		s += n;
		for (const char *const *sep = title_seps; *sep; sep++)
			if (strncmp(s, *sep, strlen(*sep)) == 0) {
				s += strlen(*sep);
				break;
			}
		if (n == 0 && *s)
			s++;
	}
	*len = first_len;
	return first;
}

/* The role words of a title (see role_part), levels left out. */
static size_t
role_words(const char *title, char words[][32], size_t max)
{
	size_t n, k = 0;
	const char *part = role_part(title, &n);
	struct jd_buf f = JD_BUF_INIT;

	jd_token_fold_text(&f, part, n);
	for (char *w = f.data; w && *w;) {
		char *sp = strchr(w, ' ');
		size_t l = sp ? (size_t)(sp - w) : strlen(w);
		if (l && l < 32 && k < max && (w[0] | 32) >= 'a' &&
		    (w[0] | 32) <= 'z') {
			memcpy(words[k], w, l);
			words[k][l] = '\0';
			if (strcmp(words[k], "back-end") == 0)
				memcpy(words[k], "backend", 8);
			if (strcmp(words[k], "front-end") == 0)
				memcpy(words[k], "frontend", 9);
			if (strcmp(words[k], "developer") == 0 ||
			    strcmp(words[k], "programmer") == 0)
				memcpy(words[k], "engineer", 9);
			if (!level_word(words[k]))
				k++;
		}
		w = sp ? sp + 1 : NULL;
	}
	jd_buf_free(&f);
	return k;
}

int
jd_align_title_match(const char *posting_title, char *const *titles,
    size_t ntitles)
{
	char want[16][32], have[16][32];
	size_t nw = role_words(posting_title, want, 16);

	if (nw == 0)
		return 0;
	for (size_t t = 0; t < ntitles; t++) {
		size_t nh = role_words(titles[t], have, 16), found = 0;
		for (size_t i = 0; i < nw; i++)
			for (size_t j = 0; j < nh; j++)
				if (strcmp(want[i], have[j]) == 0) {
					found++;
					break;
				}
		if (found == nw)
			return 1;
	}
	return 0;
}

void
jd_arows_free(struct jd_arows *rows)
{
	for (size_t i = 0; i < rows->n; i++) {
		free(rows->v[i].matched);
		free(rows->v[i].alias_matches);
		free(rows->v[i].missing);
		free(rows->v[i].missing_from_resume);
		free(rows->v[i].related);
	}
	free(rows->v);
	memset(rows, 0, sizeof *rows);
}

void
jd_coverage_free(struct jd_coverage *cov)
{
	free(cov->top_missing);
	cov->top_missing = NULL;
}
