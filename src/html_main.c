/*
 * html_main.c: finds a page's main content the way readability-style
 * extractors do, with no rule for any one site. Every paragraph (or run of
 * text directly in a container) of 25 characters or more scores its
 * ancestors by its length and commas; a container's score is damped by its
 * link density; the best container wins, climbs to a parent that holds
 * more of the text, and takes along siblings that score well. Inside it,
 * link-heavy blocks (share bars, link lists) and lists of other jobs are
 * dropped. Class and id
 * words ("content", "description" vs "sidebar", "related") weigh in.
 */
#include <stdint.h>
#include <string.h>

#include "html_dom.h"
#include "jdalign/util.h"

#define MIN_PARAGRAPH 25
#define ANCESTORS 5
#define TOP_N 5
#define RETRY_BELOW 500
/* Characters per job-title link below which a block lists other jobs. */
#define JOB_CARD 400

enum { STRIP_UNLIKELY = 1, WEIGHT_CLASSES = 2, CLEAN = 4 };

static char dropped_mark;

struct rstat {
	double score;
	size_t text, link, commas;
	size_t jobs;		/* links in the subtree that read like jobs */
	unsigned candidate:1, para_inside:1;
};

struct rctx {
	struct rstat *st;
	size_t n, cap;
	int flags;
	xmlNode *block;		/* innermost open block element */
	size_t run, run_commas;	/* the current run of inline text */
	int space, in_link;
	xmlNode **cands;
	size_t ncands, ccap;
};

/* ------------------------------------------------------------ words */

static int
matches_any(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strstr(s, *words))
			return 1;
	return 0;
}

static const char *const unlikely_words[] = {
	"-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment",
	"community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
	"header", "legends", "menu", "related", "remark", "replies", "rss",
	"shoutbox", "sidebar", "skyscraper", "social", "sponsor",
	"supplemental", "ad-break", "agegate", "pagination", "pager",
	"popup", "yom-remote", "similar", "recommend", "cookie", "consent",
	"newsletter", "signup", "sign-up", "login", "share", "alert", NULL
};
static const char *const maybe_words[] = {
	"and", "article", "body", "column", "content", "main", "shadow",
	"description", "posting", NULL
};
static const char *const positive_words[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "pagination", "post", "text", "blog", "story",
	"description", "posting", NULL
};
static const char *const negative_words[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
	"foot", "footnote", "gdpr", "masthead", "media", "meta",
	"outbrain", "promo", "related", "scroll", "share", "shoutbox",
	"sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
	"widget", "similar", "recommend", "cookie", "consent", "modal",
	"newsletter", "subscribe", "signup", "login", NULL
};

static int
word_weight(const char *v)
{
	if (v == NULL || *v == '\0')
		return 0;
	if (matches_any(v, negative_words))
		return -25;
	return matches_any(v, positive_words) ? 25 : 0;
}

static int
class_weight(xmlNode *n, int flags)
{
	int w = 0;

	if (!(flags & WEIGHT_CLASSES) || n->properties == NULL)
		return 0;
	char *c = hb_attr_lower(n, "class"), *i = hb_attr_lower(n, "id");
	w = word_weight(c) + word_weight(i);
	free(c);
	free(i);
	return w;
}

static int
unlikely(xmlNode *n)
{
	int r = 0;

	if (!(hb_tag(n) & HB_CONTAINER) || n->properties == NULL)
		return 0;
	char *ci = hb_class_id(n);
	r = matches_any(ci, unlikely_words) && !matches_any(ci, maybe_words);
	free(ci);
	return r;
}

static int
para_tag(const xmlNode *n)
{
	return (hb_tag(n) & HB_PARA) != 0;
}

static double
tag_score(const xmlNode *n)
{
	static const struct { const char *tag; int score; } t[] = {
		{ "div", 5 }, { "pre", 3 }, { "td", 3 }, { "blockquote", 3 },
		{ "address", -3 }, { "ol", -3 }, { "ul", -3 }, { "dl", -3 },
		{ "dd", -3 }, { "dt", -3 }, { "li", -3 }, { "form", -3 },
		{ "h1", -5 }, { "h2", -5 }, { "h3", -5 }, { "h4", -5 },
		{ "h5", -5 }, { "h6", -5 }, { "th", -5 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (hb_is(n, t[i].tag))
			return t[i].score;
	return 0;
}

/* ------------------------------------------------------------ stats */

static struct rstat *
stat_of(struct rctx *c, const xmlNode *n)
{
	uintptr_t i = (uintptr_t)n->_private;

	if (n->_private == &dropped_mark || i == 0 || i > c->n)
		return NULL;
	return &c->st[i - 1];
}

static struct rstat *
stat_new(struct rctx *c, xmlNode *n)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 1024;
		c->st = xreallocarray(c->st, c->cap, sizeof *c->st);
	}
	memset(&c->st[c->n], 0, sizeof c->st[0]);
	n->_private = (void *)(uintptr_t)++c->n;
	return &c->st[c->n - 1];
}

static void
add_score(struct rctx *c, xmlNode *start, size_t len, size_t commas)
{
	double s = 1.0 + (double)commas +
	    (double)(len / 100 < 3 ? len / 100 : 3);
	xmlNode *a = start;

	for (int level = 0; a && level < ANCESTORS; level++, a = a->parent) {
		struct rstat *st = a->type == XML_ELEMENT_NODE ?
		    stat_of(c, a) : NULL;
		if (st == NULL || hb_is(a, "html"))
			break;
		if (!st->candidate) {
			st->candidate = 1;
			st->score = tag_score(a) + class_weight(a, c->flags);
			if (c->ncands == c->ccap) {
				c->ccap = c->ccap ? c->ccap * 2 : 64;
				c->cands = xreallocarray(c->cands, c->ccap,
				    sizeof *c->cands);
			}
			c->cands[c->ncands++] = a;
		}
		st->score += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
	}
}

/* A run of inline text directly inside a container scores like a
 * paragraph of its own; inside a paragraph it waits for the paragraph. */
static void
end_run(struct rctx *c)
{
	if (c->run >= MIN_PARAGRAPH && c->block && !para_tag(c->block))
		add_score(c, c->block, c->run, c->run_commas);
	c->run = c->run_commas = 0;
	c->space = 1;
}

static int
job_link(xmlNode *n)
{
	char *t;
	int r;

	if (!xmlHasProp(n, (const xmlChar *)"href"))
		return 0;
	t = hb_node_text(n);
	r = hb_job_title_like(t, strlen(t));
	free(t);
	return r;
}

static int
stat_enter(void *arg, xmlNode *n)
{
	struct rctx *c = arg;

	if (hb_skipped(n))
		return 0;
	if ((c->flags & STRIP_UNLIKELY) && unlikely(n)) {
		n->_private = &dropped_mark;
		return 0;
	}
	struct rstat *st = stat_new(c, n);
	if (hb_block_tag(n)) {
		end_run(c);
		c->block = n;
	}
	if (hb_tag(n) & HB_LINK) {
		c->in_link++;
		st->jobs = job_link(n);
	}
	return 1;
}

static xmlNode *
block_above(xmlNode *n)
{
	for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (hb_block_tag(n))
			return n;
	return NULL;
}

static void
stat_leave(void *arg, xmlNode *n)
{
	struct rctx *c = arg;
	struct rstat *st = stat_of(c, n), *up;

	if (hb_tag(n) & HB_LINK)
		c->in_link--;
	if (hb_block_tag(n)) {
		end_run(c);
		c->block = block_above(n);
	}
	if (st == NULL)
		return;
	if (para_tag(n) && !st->para_inside && st->text >= MIN_PARAGRAPH)
		add_score(c, n->parent, st->text, st->commas);
	up = n->parent ? stat_of(c, n->parent) : NULL;
	if (up) {
		up->text += st->text;
		up->link += st->link;
		up->commas += st->commas;
		up->jobs += st->jobs;
		up->para_inside |= st->para_inside | para_tag(n);
	}
}

/* How many times c stands in s[0..n). */
static size_t
count_byte(const char *s, size_t n, char c)
{
	size_t k = 0;

	for (const char *p = s, *end = s + n;
	    (p = memchr(p, c, (size_t)(end - p))) != NULL; p++)
		k++;
	return k;
}

/* Commas: ',' and the full-width '，' and ideographic '、', found by
 * their first bytes (most text has neither of those leads). */
static size_t
count_commas(const char *s)
{
	size_t n = strlen(s), k = count_byte(s, n, ',');
	const char *p, *end = s + n;

	for (p = s; (p = memchr(p, '\xef', (size_t)(end - p))) != NULL; p++)
		k += strncmp(p, "\xef\xbc\x8c", 3) == 0;
	for (p = s; (p = memchr(p, '\xe3', (size_t)(end - p))) != NULL; p++)
		k += strncmp(p, "\xe3\x80\x81", 3) == 0;
	return k;
}

static void
stat_text(void *arg, xmlNode *n)
{
	struct rctx *c = arg;
	struct rstat *st = n->parent ? stat_of(c, n->parent) : NULL;
	const char *s = (const char *)n->content;
	size_t len, commas;

	if (s == NULL || st == NULL)
		return;
	len = hb_node_chars(n, &c->space);
	commas = count_commas(s);
	st->text += len;
	st->commas += commas;
	if (c->in_link > 0)
		st->link += len;
	c->run += len;
	c->run_commas += commas;
}

/* ------------------------------------------------------------ choosing */

static double
link_density(const struct rstat *st)
{
	return st && st->text ? (double)st->link / (double)st->text : 0.0;
}

static int
is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (n = n ? n->parent : NULL; n; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

/* The best candidate, or NULL; tops[] gets the best TOP_N, best first. */
static xmlNode *
best(struct rctx *c, xmlNode **tops, size_t *ntops)
{
	*ntops = 0;
	for (size_t i = 0; i < c->ncands; i++) {
		xmlNode *n = c->cands[i];
		struct rstat *st = stat_of(c, n);
		size_t k;
		st->score *= 1.0 - link_density(st);
		if (*ntops < TOP_N)
			k = (*ntops)++;
		else if (st->score <= stat_of(c, tops[TOP_N - 1])->score)
			continue;
		else
			k = TOP_N - 1;
		while (k > 0 && stat_of(c, tops[k - 1])->score < st->score) {
			tops[k] = tops[k - 1];
			k--;
		}
		tops[k] = n;
	}
	return *ntops ? tops[0] : NULL;
}

/* When three or more strong candidates share an ancestor, that ancestor
 * holds the article (pages that split it into many blocks). */
static xmlNode *
shared_ancestor(struct rctx *c, xmlNode *top, xmlNode **tops, size_t ntops,
    xmlNode *body)
{
	double ts = stat_of(c, top)->score;
	size_t alts = 0;

	for (size_t i = 1; i < ntops; i++)
		alts += stat_of(c, tops[i])->score >= 0.75 * ts;
	if (alts < 3)
		return top;
	for (xmlNode *a = top->parent; a && a != body; a = a->parent) {
		size_t k = 0;
		for (size_t i = 1; i < ntops; i++)
			k += stat_of(c, tops[i])->score >= 0.75 * ts &&
			    is_ancestor(a, tops[i]);
		if (k >= 3)
			return a;
	}
	return top;
}

/* Climbs to a parent that scores higher than the candidate's line. */
static xmlNode *
climb(struct rctx *c, xmlNode *top, xmlNode *body)
{
	double last = stat_of(c, top)->score, threshold = last / 3;

	for (xmlNode *a = top->parent; a && a != body; a = a->parent) {
		struct rstat *st = stat_of(c, a);
		if (st == NULL || !st->candidate)
			continue;
		if (st->score < threshold)
			break;
		if (st->score > last)
			return a;
		last = st->score;
	}
	for (xmlNode *a = top->parent; a && a != body; a = a->parent) {
		size_t kids = 0;
		for (xmlNode *k = a->children; k; k = k->next)
			kids += k->type == XML_ELEMENT_NODE;
		if (kids != 1)
			break;
		top = a;
	}
	return top;
}

static int
same_class(xmlNode *a, xmlNode *b)
{
	char *x = hb_attr_lower(a, "class"), *y = hb_attr_lower(b, "class");
	int r = x && y && *x && strcmp(x, y) == 0;

	free(x);
	free(y);
	return r;
}

static int
control_enter(void *arg, xmlNode *n)
{
	int *found = arg;

	if (hb_tag(n) & HB_CONTROL)
		*found = 1;
	return !*found;
}

/* Buttons and fields: a call to action, not content. */
static int
has_controls(xmlNode *n)
{
	int found = 0;
	struct hb_visitor v = { control_enter, NULL, NULL, &found };

	hb_visit(n, &v);
	return found;
}

/* A sibling worth keeping though it scored little: a paragraph, or any
 * block of prose (sentences, few links), long with few links or a short
 * sentence with none. */
static int
good_paragraph(struct rctx *c, xmlNode *n)
{
	struct rstat *st = stat_of(c, n);
	double ld = link_density(st);
	int para = hb_is(n, "p");

	if (st == NULL || st->text == 0)
		return 0;
	if (para && st->text > 80 && ld < 0.25)
		return 1;
	if (para ? ld > 0 : (st->text < 80 || ld >= 0.2))
		return 0;
	if (!para && has_controls(n))
		return 0;
	char *t = hb_node_text(n);
	size_t l = strlen(t);
	int r = strstr(t, ". ") != NULL || (l && t[l - 1] == '.');
	free(t);
	return r;
}

static void
push(xmlNode ***v, size_t *n, size_t *cap, xmlNode *x)
{
	if (*n + 2 > *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = x;
	(*v)[*n] = NULL;
}

/* The candidate and the siblings that score well or read as prose. */
static xmlNode **
siblings(struct rctx *c, xmlNode *top)
{
	double ts = stat_of(c, top)->score;
	double threshold = ts * 0.2 > 10 ? ts * 0.2 : 10;
	xmlNode **out = NULL;
	size_t n = 0, cap = 0;

	for (xmlNode *s = top->parent->children; s; s = s->next) {
		struct rstat *st = s->type == XML_ELEMENT_NODE ?
		    stat_of(c, s) : NULL;
		int keep = s == top;
		if (!keep && st) {
			double bonus = same_class(s, top) ? ts * 0.2 : 0;
			keep = (st->candidate && st->score + bonus >= threshold)
			    || good_paragraph(c, s);
		}
		if (keep)
			push(&out, &n, &cap, s);
	}
	return out;
}

/* ------------------------------------------------------------ cleaning */

struct clean {
	struct rctx *c;
	xmlNode *root;		/* a chosen node: never dropped itself */
	size_t text;		/* characters kept */
};

/* Lists of other jobs, and (when cleaning) link-heavy or negatively named
 * blocks inside the content. */
static int
boilerplate(struct rctx *c, xmlNode *n)
{
	struct rstat *st = stat_of(c, n);
	int w;
	double ld;

	if (st == NULL || !(hb_tag(n) & HB_CLEAN))
		return 0;
	if (st->jobs >= 3 && st->text < JOB_CARD * st->jobs)
		return 1;	/* other jobs: titles with a line or two each */
	if (!(c->flags & CLEAN))
		return 0;
	w = class_weight(n, c->flags);
	if (w < 0 && w + (st->candidate ? st->score : 0) < 0)
		return 1;
	if (st->commas >= 10)
		return 0;
	ld = link_density(st);
	return (w < 25 && ld > 0.2) || (w >= 25 && ld > 0.5);
}

static int
clean_enter(void *arg, xmlNode *n)
{
	struct clean *k = arg;

	if (n->_private == &dropped_mark || hb_skipped(n))
		return 0;
	if (n != k->root && boilerplate(k->c, n)) {
		n->_private = &dropped_mark;
		return 0;
	}
	return 1;
}

static void
clean_text(void *arg, xmlNode *n)
{
	struct clean *k = arg;
	int space = 1;

	k->text += hb_node_chars(n, &space);
}

/* ------------------------------------------------------------ job links */

struct jobs {
	char **seen;		/* distinct link texts that read like titles */
	size_t n;
	int all;		/* count inside dropped blocks too */
};

static void
count_job(struct jobs *k, xmlNode *n)
{
	char *t = hb_node_text(n);

	if (!hb_job_title_like(t, strlen(t))) {
		free(t);
		return;
	}
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->seen[i], t) == 0) {
			free(t);
			return;
		}
	k->seen = xreallocarray(k->seen, k->n + 1, sizeof *k->seen);
	k->seen[k->n++] = t;
}

static int
jobs_enter(void *arg, xmlNode *n)
{
	struct jobs *k = arg;

	if ((!k->all && n->_private == &dropped_mark) || hb_skipped(n))
		return 0;
	if ((hb_tag(n) & HB_LINK) && xmlHasProp(n, (const xmlChar *)"href")) {
		count_job(k, n);
		return 0;
	}
	return 1;
}

static size_t
count_jobs(xmlNode **nodes, int all)
{
	struct jobs k = { .all = all };
	struct hb_visitor v = { jobs_enter, NULL, NULL, &k };
	size_t n;

	for (size_t i = 0; nodes[i]; i++)
		hb_visit(nodes[i], &v);
	n = k.n;
	for (size_t i = 0; i < k.n; i++)
		free(k.seen[i]);
	free(k.seen);
	return n;
}

size_t
hb_job_links(xmlNode *root)
{
	xmlNode *one[2] = { root, NULL };

	return count_jobs(one, 1);
}

/* ------------------------------------------------------------ the whole */

static int
reset_enter(void *arg, xmlNode *n)
{
	(void)arg;
	n->_private = NULL;
	return 1;
}

void
hb_main_reset(xmlNode *root)
{
	struct hb_visitor v = { reset_enter, NULL, NULL, NULL };

	hb_visit(root, &v);
}

static int
keep_drops_enter(void *arg, xmlNode *n)
{
	(void)arg;
	if (n->_private != &dropped_mark)
		n->_private = NULL;
	return 1;
}

int
hb_main_dropped(const xmlNode *n)
{
	return n->_private == &dropped_mark;
}

static xmlNode **
attempt(xmlNode *body, int flags, size_t *text, struct hb_main *m)
{
	struct rctx c = { .flags = flags, .space = 1 };
	struct hb_visitor v = { stat_enter, stat_leave, stat_text, &c };
	xmlNode *tops[TOP_N], **out, *top;
	size_t ntops;

	hb_main_reset(body);
	hb_visit(body, &v);
	top = best(&c, tops, &ntops);
	if (top && top != body) {
		top = shared_ancestor(&c, top, tops, ntops, body);
		top = climb(&c, top, body);
	}
	if (top == NULL || top == body || top->parent == NULL) {
		size_t n = 0, cap = 0;
		out = NULL;
		push(&out, &n, &cap, body);
	} else
		out = siblings(&c, top);
	struct clean k = { .c = &c };
	struct hb_visitor cv = { clean_enter, NULL, clean_text, &k };
	m->jobs_all = count_jobs(out, 0);
	for (size_t i = 0; out[i]; i++) {
		k.root = out[i];
		hb_visit(out[i], &cv);
	}
	m->jobs_kept = count_jobs(out, 0);
	*text = k.text;
	struct hb_visitor kv = { keep_drops_enter, NULL, NULL, NULL };
	hb_visit(body, &kv);
	free(c.st);
	free(c.cands);
	return out;
}

void
hb_main_content(xmlNode *body, struct hb_main *m)
{
	const int all = STRIP_UNLIKELY | WEIGHT_CLASSES | CLEAN;
	size_t text, text2;
	struct hb_main again;

	m->nodes = attempt(body, all, &text, m);
	if (text >= RETRY_BELOW)
		return;
	again.nodes = attempt(body, 0, &text2, &again);
	if (text2 > text) {
		free(m->nodes);
		*m = again;
		return;
	}
	free(again.nodes);
	free(m->nodes);
	m->nodes = attempt(body, all, &text, m);
}
