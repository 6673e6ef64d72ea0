/*
 * html_page.c: reads one saved page. Structured data first (a JSON-LD
 * JobPosting, then a description in embedded application data), else the
 * page's main content, else its meta description; then the title, company
 * and location, and what the page is: a posting, a wall, an empty shell or
 * a list of jobs.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "html_dom.h"
#include "jdalign/load.h"
#include "jdalign/util.h"

#define MIN_POSTING_TEXT 200
#define MIN_LISTING_LINKS 5
#define MANY_POSTINGS 3
#define WALL_PAGE_TEXT 3000
/* Below this much text of its own, a page with jobs in its embedded data
 * is a list of them. */
#define EMB_JOBS_TEXT 1000

/* ------------------------------------------------------------ fragments */

void
hb_fragment(struct jd_posting *p, const char *html, size_t len)
{
	struct jd_buf utf8 = JD_BUF_INIT;
	struct hb_scripts scripts = HB_SCRIPTS_INIT;
	htmlDocPtr doc;
	xmlNode *root;
	size_t repaired;
	char *cause = NULL;

	hb_decode(html, len, JD_WIDEST_UNKNOWN, &utf8, &repaired);
	/* a description inside JSON escapes its tags: the page's guard
	 * never saw them */
	if (jd_load_guard_html(jd_buf_str(&utf8), utf8.len, &cause) < 0) {
		struct jd_buf m = JD_BUF_INIT;
		jd_buf_printf(&m, "description not read: %s", cause);
		jd_posting_warn(p, jd_buf_str(&m));
		jd_buf_free(&m);
		jd_buf_free(&utf8);
		free(cause);
		return;
	}
	hb_strip_raw(&utf8, &scripts);
	doc = hb_parse_utf8(jd_buf_str(&utf8), utf8.len, &scripts);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root)
		hb_walk(p, root, NULL);
	jd_buf_free(&utf8);
	hb_free_doc(doc);
	hb_scripts_free(&scripts);
}

/* ------------------------------------------------------------ sources */

static void
take_sections(struct jd_posting *to, struct jd_posting *from)
{
	jd_posting_drop_sections(to);
	to->sections = from->sections;
	to->nsections = from->nsections;
	to->cap = from->cap;
	from->sections = NULL;
	from->nsections = from->cap = 0;
}

static void
take_fields(struct jd_posting *to, const struct jd_posting *from)
{
	if (from->title)
		hb_set(&to->title, from->title, strlen(from->title));
	if (from->company)
		hb_set(&to->company, from->company, strlen(from->company));
	if (from->location)
		hb_set(&to->location, from->location, strlen(from->location));
}

/* Word hashes of a posting's text, sorted, for overlap checks. */
static uint64_t *
word_hashes(const struct jd_posting *p, size_t *n)
{
	uint64_t *v = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t s = 0; s < p->nsections; s++)
		for (size_t l = 0; l < p->sections[s].nlines; l++) {
			const char *t = p->sections[s].lines[l];
			for (size_t i = 0; t[i];) {
				size_t k = i;
				while (t[k] && (unsigned char)t[k] > ' ')
					k++;
				if (*n == cap) {
					cap = cap ? cap * 2 : 256;
					v = xreallocarray(v, cap, sizeof *v);
				}
				if (k > i)
					v[(*n)++] = jd_util_fnv(JD_FNV_INIT,
					    t + i, k - i);
				i = t[k] ? k + 1 : k;
			}
		}
	return v;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The share of a's words that also stand in b. */
static double
overlap(const struct jd_posting *a, const struct jd_posting *b)
{
	size_t na, nb, hit = 0;
	uint64_t *va = word_hashes(a, &na), *vb = word_hashes(b, &nb);

	if (nb)
		qsort(vb, nb, sizeof *vb, cmp_u64);
	for (size_t i = 0; i < na; i++)
		hit += nb && bsearch(&va[i], vb, nb, sizeof *vb,
		    cmp_u64) != NULL;
	free(va);
	free(vb);
	return na ? (double)hit / (double)na : 0.0;
}

/* Embedded data is read when the page shows less of the text than the
 * data holds (a JavaScript shell, a trimmed page) and what it shows
 * agrees with it. When the page shows as much or more, the page is read:
 * it is what a reader sees, and the data may hold only part of it (or
 * something else entirely: a policy, a config). */
static int
embedded_fits(const struct jd_posting *emb, const struct jd_posting *dom)
{
	size_t e = jd_posting_text_size(emb), d = jd_posting_text_size(dom);

	if (d * 5 >= e * 4)
		return 0;
	return d * 2 < e || overlap(emb, dom) >= 0.3;
}

/* ------------------------------------------------------------ status */

static char *
lower_copy(const char *a, const char *b)
{
	struct jd_buf f = JD_BUF_INIT;

	if (a)
		jd_buf_adds(&f, a);
	jd_buf_addc(&f, ' ');
	if (b)
		jd_buf_adds(&f, b);
	for (size_t i = 0; i < f.len; i++)
		if (f.data[i] >= 'A' && f.data[i] <= 'Z')
			f.data[i] = (char)(f.data[i] + 32);
	return jd_buf_take(&f);
}

/* ------------------------------------------------------------ pages */

struct page {
	struct jd_posting *p;
	struct hb_head h;
	xmlNode *root, *body;
	struct jd_posting dom;	/* the main content */
	struct hb_main main;
	size_t dom_text;
	size_t part_heads;	/* "Requirements" and the like in the page */
	size_t emb_jobs;	/* jobs with descriptions in embedded data */
	char *visible;		/* the body's text, lower case: visible() */
};

static xmlNode *
find_body(xmlNode *root)
{
	for (xmlNode *n = root->children; n; n = n->next)
		if (hb_is(n, "body"))
			return n;
	return root;
}

static void
read_dom(struct page *g)
{
	hb_main_content(g->body, &g->main);
	g->dom.source = "html";
	for (size_t i = 0; g->main.nodes[i]; i++)
		hb_walk(&g->dom, g->main.nodes[i], &g->part_heads);
	free(g->main.nodes);
	g->dom_text = jd_posting_text_size(&g->dom);
}

/* The body's text, lower case: read only for pages with little text of
 * their own, where walls and job lists are told apart by what they say. */
static const char *
visible(struct page *g)
{
	if (g->visible == NULL) {
		char *t = g->body ? hb_node_text(g->body) : NULL;
		g->visible = lower_copy(g->h.title, t);
		free(t);
	}
	return g->visible;
}

/* Walls and job search pages show little text of their own. */
static int
small_page_status(struct page *g)
{
	if (g->dom_text >= MIN_POSTING_TEXT ||
	    strlen(visible(g)) > WALL_PAGE_TEXT)
		return -1;
	if (hb_wall_text(g->visible))
		return JD_POST_WALL;
	if (hb_listing_text(g->visible))
		return JD_POST_LISTING;
	return -1;
}

/* Whether the page shows at least as much text as its embedded data
 * could hold, and enough that the jobs in the data say nothing of it:
 * the data need not be read (embedded_fits, listing). */
static int
shows_more(const struct page *g, const struct hb_emb *e)
{
	return g->dom_text >= EMB_JOBS_TEXT &&
	    hb_embedded_most(e) <= g->dom_text / 4 * 5;
}

static void
choose_text(struct page *g)
{
	struct jd_posting *p = g->p;
	const char *meta = g->h.og_desc;
	struct jd_posting emb = { 0 };
	struct hb_emb *e;

	if (g->h.desc && (meta == NULL || strlen(g->h.desc) > strlen(meta)))
		meta = g->h.desc;
	if (g->h.jsonld == 2)
		return;
	e = hb_embedded_find(g->root);
	if (!shows_more(g, e) && hb_embedded_read(&emb, e, &g->emb_jobs) &&
	    embedded_fits(&emb, &g->dom)) {
		take_sections(p, &emb);
		take_fields(p, &emb);
		p->source = "embedded";
	} else if (meta && strlen(meta) > 2 * g->dom_text &&
	    small_page_status(g) < 0) {
		hb_plain_lines(p, meta, strlen(meta));
		p->source = "meta";
	} else {
		take_sections(p, &g->dom);
		p->source = "html";
	}
	jd_posting_free(&emb);
	hb_embedded_free(e);
}

/* A list of jobs: many JobPostings in JSON-LD, none of which is the page's
 * own, several jobs with descriptions in embedded data, or links that
 * read like job titles making up a main content (or all that is left of
 * it once lists of jobs are dropped); never a page whose content has
 * "Requirements" or "Responsibilities" of its own. */
static int
listing(struct page *g)
{
	if (g->part_heads > 0)
		return 0;
	if (g->h.postings >= MANY_POSTINGS && g->h.jsonld == 0)
		return 1;
	if (g->emb_jobs >= MANY_POSTINGS && g->dom_text < EMB_JOBS_TEXT)
		return 1;
	if (g->main.jobs_all >= MIN_LISTING_LINKS &&
	    (g->main.jobs_kept >= MIN_LISTING_LINKS || g->dom_text < 1000 ||
	    g->main.jobs_all >= 2 * MIN_LISTING_LINKS))
		return 1;
	return g->dom_text < 500 && g->body && hb_job_links(g->body) >= 8;
}

static int
status(struct page *g)
{
	struct jd_posting *p = g->p;
	size_t text = jd_posting_text_size(p);
	int small = small_page_status(g);
	int structured = strcmp(p->source, "jsonld") == 0 ||
	    strcmp(p->source, "embedded") == 0;

	if (structured && text > 0)
		return JD_POST_OK;
	if (small >= 0)
		return small;
	if (listing(g))
		return JD_POST_LISTING;
	if (g->h.password && g->dom_text < 2 * MIN_POSTING_TEXT)
		return JD_POST_WALL;
	if (text >= MIN_POSTING_TEXT)
		return JD_POST_OK;
	return hb_wall_text(visible(g)) ? JD_POST_WALL : JD_POST_EMPTY;
}

/* A heading that repeats the posting's title names no part of it, though
 * its words may ("Developer Experience Engineer" is no requirement). */
static void
title_sections(struct jd_posting *p)
{
	for (size_t i = 0; p->title && i < p->nsections; i++)
		if (strcasecmp(p->sections[i].heading, p->title) == 0)
			p->sections[i].kind = JD_SEC_OTHER;
}

static void
page(struct jd_posting *p, htmlDocPtr doc)
{
	struct page g = { .p = p };

	g.root = xmlDocGetRootElement(doc);
	if (g.root == NULL) {
		p->status = JD_POST_EMPTY;
		return;
	}
	g.body = find_body(g.root);
	hb_head_scan(&g.h, p, g.root);
	if (g.h.jsonld == 2 && jd_posting_text_size(p) > 0) {
		/* the page's own JobPosting gave the text: its DOM adds
		 * nothing, and reading it would cost more than the parse */
		g.visible = xstrdup("");
		g.body = NULL;
		p->source = "jsonld";
	} else {
		read_dom(&g);
		choose_text(&g);
	}
	hb_head_infer(&g.h, p);
	title_sections(p);
	p->status = status(&g);
	if (p->status != JD_POST_OK) {
		jd_posting_drop_sections(p);	/* no posting: no text to learn from */
		p->source = "html";
	}
	jd_posting_free(&g.dom);
	hb_head_free(&g.h);
	free(g.visible);
}

void
hb_classify(struct jd_posting *p, const char *visible, size_t n)
{
	size_t text = jd_posting_text_size(p);
	char *f;

	(void)n;
	if (text >= MIN_POSTING_TEXT || (strcmp(p->source, "html") != 0 &&
	    strcmp(p->source, "meta") != 0 && text > 0)) {
		p->status = JD_POST_OK;
		return;
	}
	f = lower_copy(NULL, visible);
	p->status = hb_wall_text(f) ? JD_POST_WALL : JD_POST_EMPTY;
	free(f);
}

static int
is_text_name(const char *path)
{
	return jd_util_has_suffix(path, ".txt") ||
	    jd_util_has_suffix(path, ".md") ||
	    jd_util_has_suffix(path, ".markdown");
}

static int
blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] > ' ')
			return 0;
	return 1;
}

/* own: bytes themselves, when the page may be decoded where it lies
 * (they are freed), or NULL. */
static void
html_posting(struct jd_posting *p, const char *bytes, size_t len,
    size_t widest, char *own)
{
	struct jd_buf utf8 = JD_BUF_INIT, m = JD_BUF_INIT;
	struct hb_scripts scripts = HB_SCRIPTS_INIT;
	size_t repaired;

	if (own)
		utf8 = (struct jd_buf){ own, len, len + 1 };
	const char *enc = hb_decode(bytes, len, widest, &utf8, &repaired);
	htmlDocPtr doc;

	if (len > HB_MAX_PARSE) {
		jd_buf_printf(&m, "only the first %zu bytes read",
		    HB_MAX_PARSE);
		jd_posting_warn(p, jd_buf_str(&m));
		jd_buf_reset(&m);
	}
	if (strcmp(enc, "utf-8") != 0) {
		jd_buf_printf(&m, "read as %s", enc);
		jd_posting_warn(p, jd_buf_str(&m));
		jd_buf_reset(&m);
	}
	if (repaired) {
		jd_buf_printf(&m, "%zu doubly encoded characters repaired",
		    repaired);
		jd_posting_warn(p, jd_buf_str(&m));
	}
	jd_buf_free(&m);
	hb_strip_raw(&utf8, &scripts);
	doc = hb_parse_utf8(jd_buf_str(&utf8), utf8.len, &scripts);
	if (doc == NULL && !blank(jd_buf_str(&utf8), utf8.len)) {
		p->status = JD_POST_ERROR;
		jd_posting_warn(p, "not readable as HTML");
	} else if (doc == NULL) {
		p->status = JD_POST_EMPTY;
		jd_posting_warn(p, "empty file");
	} else {
		page(p, doc);
		hb_free_doc(doc);
	}
	jd_buf_free(&utf8);
	hb_scripts_free(&scripts);
}

static size_t
read_file(const char *path, const char *bytes, size_t len, size_t widest,
    char *own, struct jd_posting_list *out)
{
	struct jd_posting *p;
	size_t n = 1;

	hb_mem_begin();
	if (jd_util_has_suffix(path, ".json"))
		n = hb_json_file(path, bytes, len, out);
	else if (is_text_name(path)) {
		struct jd_buf utf8 = JD_BUF_INIT;
		p = hb_append(out, path, path);
		jd_util_to_utf8(bytes, len, NULL, &utf8);
		hb_text_posting(p, jd_buf_str(&utf8), utf8.len,
		    !jd_util_has_suffix(path, ".txt"));
		jd_buf_free(&utf8);
	} else {
		html_posting(hb_append(out, path, path), bytes, len, widest,
		    own);
		own = NULL;
	}
	hb_mem_end();
	free(own);
	return n;
}

size_t
jd_html_read(const char *path, const char *bytes, size_t len,
    struct jd_posting_list *out)
{
	return read_file(path, bytes, len, JD_WIDEST_UNKNOWN, NULL, out);
}

size_t
jd_html_read_guarded(const char *path, char *bytes, size_t len,
    size_t widest, struct jd_posting_list *out)
{
	return read_file(path, bytes, len, widest, bytes, out);
}
