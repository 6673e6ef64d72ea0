/*
 * html_meta.c: what a page says about itself outside its text: meta tags,
 * the title, JSON-LD blocks, the first visible headings. From them it
 * infers a posting's title, company and location with general patterns
 * ("Title at Company", "Company hiring Title in Place | Board", "Title -
 * Company | Board"), never with rules for one site.
 */
#include <assert.h>
#include <string.h>
#include <strings.h>

#include "html_dom.h"
#include "jdalign/util.h"

#define MAX_NAME_WORDS 6
#define MAX_NAME 60
/* Headings and location elements read at most: nested ones stay linear. */
#define MAX_TRIES 64

/* ------------------------------------------------------------ scanning */

static void
keep(char **slot, const char *v)
{
	struct jd_buf b = JD_BUF_INIT;

	if (*slot || v == NULL)
		return;
	hb_normalize(&b, v, strlen(v));
	if (b.len)
		*slot = jd_buf_take(&b);
	jd_buf_free(&b);
}

static char *
prop(xmlNode *n, const char *name)
{
	assert(hb_attr_read(name, strlen(name)));	/* the parse keeps it */
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? xstrdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

static void
meta(struct hb_head *h, xmlNode *n)
{
	char *key = hb_attr_lower(n, "property"), *val;

	if (key == NULL || strncmp(key, "og:", 3) != 0) {
		free(key);
		key = hb_attr_lower(n, "name");
	}
	if (key == NULL)
		return;
	if ((val = prop(n, "content")) == NULL)
		val = prop(n, "value");
	if (strcmp(key, "og:title") == 0)
		keep(&h->og_title, val);
	else if (strcmp(key, "twitter:title") == 0)
		keep(&h->tw_title, val);
	else if (strcmp(key, "og:description") == 0)
		keep(&h->og_desc, val);
	else if (strcmp(key, "description") == 0)
		keep(&h->desc, val);
	else if (strcmp(key, "og:site_name") == 0)
		keep(&h->site, val);
	else if (strcmp(key, "application-name") == 0 ||
	    strcmp(key, "apple-mobile-web-app-title") == 0)
		keep(&h->app, val);
	else if (strcmp(key, "og:url") == 0)
		keep(&h->url, val);
	else if (strncmp(key, "twitter:label", 13) == 0) {
		free(h->label);
		h->label = val;
		val = NULL;
	} else if (strncmp(key, "twitter:data", 12) == 0 && h->label &&
	    strcasecmp(h->label, "location") == 0)
		keep(&h->location, val);
	free(val);
	free(key);
}

static void
script(struct hb_head *h, xmlNode *n)
{
	xmlChar *c;

	if (!hb_attr_has(n, "type", "ld+json") || h->nld >= HB_MAX_LD)
		return;
	if ((c = xmlNodeGetContent(n)) == NULL)
		return;
	h->ld[h->nld++] = xstrdup((const char *)c);
	xmlFree(c);
}

/* The JSON-LD blocks, read once every title of the page is known. */
static void
jsonld(struct hb_head *h, struct jd_posting *p)
{
	const char *titles[3 + HB_MAX_HEADS] = {
		h->og_title, h->title, h->tw_title
	};
	size_t nt = 3;

	for (size_t i = 0; i < h->nheads; i++)
		if (h->levels[i] == 1)
			titles[nt++] = h->heads[i];
	h->jsonld = hb_jsonld(p, h->ld, h->nld, titles, nt, &h->postings);
}

static void
heading(struct hb_head *h, xmlNode *n)
{
	char *t;

	if (h->nheads >= HB_MAX_HEADS || h->hidden || h->tries++ > MAX_TRIES)
		return;
	t = hb_node_text(n);
	if (*t == '\0' || strlen(t) > 200) {
		free(t);
		return;
	}
	h->levels[h->nheads] = n->name[1] - '0';
	h->heads[h->nheads++] = t;
}

/* A short visible element named like a location ("job__location"). */
static void
dom_location(struct hb_head *h, xmlNode *n)
{
	char *t;

	if (h->dom_location || h->hidden || n->properties == NULL)
		return;
	if ((!hb_attr_has(n, "class", "location") &&
	    !hb_attr_has(n, "id", "location")) || h->tries++ > MAX_TRIES)
		return;
	t = hb_node_text(n);
	if (strlen(t) >= 2 && strlen(t) <= 80)
		h->dom_location = t;
	else
		free(t);
}

struct scan {
	struct hb_head *h;
	struct jd_posting *p;
};

static int
scan_enter(void *arg, xmlNode *n)
{
	struct scan *s = arg;
	struct hb_head *h = s->h;

	if (hb_is(n, "meta")) {
		meta(h, n);
		return 0;
	}
	if (hb_is(n, "script")) {
		script(h, n);
		return 0;
	}
	if (hb_is(n, "title") && (n->parent == NULL ||
	    !hb_is(n->parent, "svg"))) {
		xmlChar *c = xmlNodeGetContent(n);
		keep(&h->title, (const char *)c);
		xmlFree(c);
		return 0;
	}
	if (hb_is(n, "link") && hb_attr_has(n, "rel", "canonical")) {
		char *href = prop(n, "href");
		keep(&h->url, href);
		free(href);
		return 0;
	}
	if (hb_is(n, "input") && hb_attr_has(n, "type", "password"))
		h->password = 1;
	if (hb_tag(n) & HB_UNSEEN && !hb_is(n, "head"))
		return 0;
	if (h->hidden == NULL && hb_skipped(n))
		h->hidden = n;
	if (hb_heading_tag(n) && n->name[1] <= '3')
		heading(h, n);
	else
		dom_location(h, n);
	return 1;
}

static void
scan_leave(void *arg, xmlNode *n)
{
	struct scan *s = arg;

	if (s->h->hidden == n)
		s->h->hidden = NULL;
}

void
hb_head_scan(struct hb_head *h, struct jd_posting *p, xmlNode *root)
{
	struct scan s = { h, p };
	struct hb_visitor v = { scan_enter, scan_leave, NULL, &s };

	hb_visit(root, &v);
	h->hidden = NULL;
	jsonld(h, p);
}

void
hb_head_free(struct hb_head *h)
{
	free(h->title);
	free(h->og_title);
	free(h->tw_title);
	free(h->og_desc);
	free(h->desc);
	free(h->site);
	free(h->app);
	free(h->url);
	free(h->location);
	free(h->dom_location);
	free(h->label);
	for (size_t i = 0; i < h->nheads; i++)
		free(h->heads[i]);
	for (size_t i = 0; i < h->nld; i++)
		free(h->ld[i]);
	memset(h, 0, sizeof *h);
}

/* ------------------------------------------------------------ names */

/* Letters and digits of s, lower case: "Superhuman Platform" ->
 * "superhumanplatform". */
static char *
squash(const char *s, size_t n)
{
	struct jd_buf b = JD_BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			jd_buf_addc(&b, (char)(c + 32));
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c >= 0x80)
			jd_buf_addc(&b, (char)c);
	}
	return jd_buf_take(&b);
}

/* The names a site goes by: its host's labels and the first path segment
 * of its URL (job boards put the company there), squashed. */
static size_t
site_names(const char *url, char names[][64], size_t max)
{
	static const char *const generic[] = {
		"www", "jobs", "job", "careers", "career", "boards", "apply",
		"jobboards", "com", "org", "net", "io", "co", "uk", "de", "fr",
		"it", "au", "en", "us", "enus", "ext", "ai", "app", "hire", NULL
	};
	size_t n = 0;
	const char *p = url ? strstr(url, "://") : NULL;

	if (p == NULL)
		return 0;
	p += 3;
	for (int part = 0; *p && n < max && part < 8; part++) {
		size_t k = strcspn(p, "./?#%");
		char *sq = squash(p, k);
		int skip = *sq == '\0' || strlen(sq) >= 64;
		for (const char *const *g = generic; !skip && *g; g++)
			skip = strcmp(sq, *g) == 0;
		if (!skip)
			memcpy(names[n++], sq, strlen(sq) + 1);
		free(sq);
		p += k;
		if (*p == '/' && strchr(p + 1, '/') == NULL)
			break;	/* the last segment names the page */
		if (*p == '?' || *p == '#' || *p == '\0')
			break;
		p++;
	}
	return n;
}

/* Does the name match one of the site's names (either a prefix of the
 * other, three letters at least)? */
static int
site_match(const char *s, size_t len, char names[][64], size_t n)
{
	char *sq = squash(s, len);
	size_t l = strlen(sq);
	int r = 0;

	for (size_t i = 0; i < n && !r && l >= 3; i++) {
		size_t m = strlen(names[i]);
		r = m >= 3 && strncmp(sq, names[i], l < m ? l : m) == 0;
	}
	free(sq);
	return r;
}

static int
location_like(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return n >= 6 && strncasecmp(s, "remote", 6) == 0;
}

/* A segment that can be a company's name: short, not a board, not a
 * place. Trims " Careers" / " Jobs" off the end. */
static int
company_like(const char *s, size_t *n)
{
	size_t words = 1;

	while (*n && s[*n - 1] == ' ')
		(*n)--;
	if (*n > 8 && strncasecmp(s + *n - 8, " careers", 8) == 0)
		*n -= 8;
	else if (*n > 5 && strncasecmp(s + *n - 5, " jobs", 5) == 0)
		*n -= 5;
	if (*n == 0 || *n > MAX_NAME || hb_board_name(s, *n) ||
	    location_like(s, *n))
		return 0;
	for (size_t i = 0; i < *n; i++)
		words += s[i] == ' ';
	return words <= MAX_NAME_WORDS;
}

static void
set_company(struct jd_posting *p, const char *s, size_t n)
{
	if (company_like(s, &n))
		hb_set(&p->company, s, n);
}

/* ------------------------------------------------------------ titles */

static const char *const seps[] = {
	" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " \xc2\xb7 ",
	" \xe2\x80\xa2 ", " :: ", " / ", NULL
};

/* Length of the separator s starts with, or 0. */
static size_t
sep_at(const char *s)
{
	for (const char *const *p = seps; *p; p++)
		if (strncmp(s, *p, strlen(*p)) == 0)
			return strlen(*p);
	return 0;
}

/* Where the next separator starts in s, or its end. */
static size_t
until_sep(const char *s)
{
	size_t i = 0;

	while (s[i] && sep_at(s + i) == 0)
		i++;
	return i;
}

static const char *const hiring_words[] = {
	" hiring ", " sta assumendo ", " recrute ", " est\xc3\xa1 contratando ",
	" contrata ", " sucht ", " zoekt ", " rekryterar ", " ansetter ",
	" s\xc3\xb8ger ", " zatrudnia ", " recruta ", " assume ", NULL
};

static const char *
ends_with_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);

	return n >= m && strncasecmp(s + n - m, w, m) == 0 ? s + n - m : NULL;
}

/* The text before the heading ends where a title may start. */
static int
pre_ok(const char *t, size_t n, struct jd_posting *p)
{
	static const char *const words[] = { " for ", " at ", ": ", NULL };

	if (n == 0)
		return 1;
	for (const char *const *w = hiring_words; *w; w++)
		if (ends_with_ci(t, n, *w)) {
			set_company(p, t, n - strlen(*w));
			return 1;
		}
	for (const char *const *w = words; *w; w++)
		if (ends_with_ci(t, n, *w))
			return 1;
	for (const char *const *s = seps; *s; s++)
		if (ends_with_ci(t, n, *s)) {
			size_t k = n - strlen(*s), st = 0;
			for (size_t i = 0; i < k; i++) {
				size_t l = sep_at(t + i);
				if (l && i + l <= k)
					st = i + l;
			}
			set_company(p, t + st, k - st);
			return 1;
		}
	return 0;
}

/* The text after the heading starts where a title may end. */
static int
post_ok(const char *t, struct jd_posting *p)
{
	size_t k;

	if (*t == '\0')
		return 1;
	if (strncasecmp(t, " at ", 4) == 0 || strncmp(t, " @ ", 3) == 0) {
		t += t[1] == '@' ? 3 : 4;
		set_company(p, t, until_sep(t));
		return 1;
	}
	if (strncasecmp(t, " in ", 4) == 0) {
		t += 4;
		hb_set(&p->location, t, until_sep(t));
		return 1;
	}
	if (strncmp(t, " (", 2) == 0 || strncmp(t, ", ", 2) == 0)
		return 1;
	if ((k = sep_at(t)) == 0)
		return 0;
	while ((k = sep_at(t)) != 0) {
		t += k;
		size_t n = until_sep(t);
		if (company_like(t, &n)) {
			set_company(p, t, n);
			break;
		}
		t += until_sep(t);
	}
	return 1;
}

/* Is heading h the title part of the page title t ("h - Company")? Sets
 * the company from the rest. */
static int
title_around(const char *t, const char *h, struct jd_posting *p)
{
	size_t m = strlen(h), n = strlen(t);

	if (m < 3 || m > n)
		return 0;
	for (size_t i = 0; i + m <= n; i++) {
		struct jd_posting tmp = { 0 };
		int ok = strncasecmp(t + i, h, m) == 0 && pre_ok(t, i, &tmp) &&
		    post_ok(t + i + m, &tmp);
		if (ok && tmp.company)
			hb_set(&p->company, tmp.company, strlen(tmp.company));
		if (ok && tmp.location)
			hb_set(&p->location, tmp.location,
			    strlen(tmp.location));
		jd_posting_free(&tmp);
		if (ok)
			return 1;
	}
	return 0;
}

/* "Company hiring Title in Place | Board": all three. */
static int
hiring_pattern(const char *t, struct jd_posting *p)
{
	for (const char *const *w = hiring_words; *w; w++) {
		const char *at = strcasestr(t, *w);
		if (at == NULL || at == t)
			continue;
		const char *title = at + strlen(*w);
		size_t n = strcspn(title, "|");
		const char *in = NULL;
		for (const char *q = title; (q = strstr(q, " in ")) &&
		    q < title + n; q++)
			in = q;
		set_company(p, t, (size_t)(at - t));
		if (in) {
			hb_set(&p->location, in + 4,
			    (size_t)(title + n - in - 4));
			n = (size_t)(in - title);
		}
		hb_set(&p->title, title, n);
		return 1;
	}
	return 0;
}

/* "Title at Company", "Title @ Company", "Job Application for Title at
 * Company". */
static int
at_pattern(const char *t, struct jd_posting *p)
{
	static const char *const lead[] = {
		"job application for ", "application for ", "apply for ",
		"apply to ", NULL
	};
	const char *at = NULL, *q;

	for (const char *const *l = lead; *l; l++)
		if (strncasecmp(t, *l, strlen(*l)) == 0)
			t += strlen(*l);
	for (q = t; (q = strcasestr(q, " at ")) != NULL; q++)
		at = q;
	if (at == NULL && (at = strstr(t, " @ ")) == NULL)
		return 0;
	const char *co = at + (at[1] == '@' ? 3 : 4);
	size_t n = until_sep(co);
	if (!company_like(co, &n))
		return 0;
	set_company(p, co, n);
	hb_set(&p->title, t, (size_t)(at - t));
	return 1;
}

/* "Company - Title - Team | Board": drops board segments at the end and a
 * segment that names the site at either end. */
static void
segments(const char *t, struct jd_posting *p, const struct hb_head *h)
{
	char names[8][64];
	size_t nn = site_names(h->url, names, 8), start = 0, end = strlen(t);

	for (int again = 1; again;) {
		again = 0;
		for (size_t i = end; i > start; i--) {
			size_t k = sep_at(t + i - 1);
			if (i - 1 < start || k == 0)
				continue;
			const char *seg = t + i - 1 + k;
			size_t n = (size_t)(t + end - seg), m = n;
			if (hb_board_name(seg, n) || (company_like(seg, &m) &&
			    site_match(seg, m, names, nn))) {
				if (!hb_board_name(seg, n))
					set_company(p, seg, m);
				end = i - 1;
				again = 1;
			}
			break;
		}
	}
	size_t k = until_sep(t), m = k;
	if (k < end && company_like(t, &m) && site_match(t, m, names, nn)) {
		set_company(p, t, m);
		start = k + sep_at(t + k);
	}
	hb_set(&p->title, t + start, end - start);
}

/* A title that names no job: "Careers", "Job details", "Apply". */
static int
generic_title(const char *t)
{
	static const char *const words[] = {
		"job details", "job description", "job application", "apply",
		"apply now", "home", "open positions", "job", "position",
		"vacancy", "opening", "job posting", "job opening", NULL
	};
	for (const char *const *w = words; *w; w++)
		if (strcasecmp(t, *w) == 0)
			return 1;
	return hb_board_name(t, strlen(t));
}

/* Replaces a generic title by the first heading that is not one. */
static void
better_heading(const struct hb_head *h, struct jd_posting *p)
{
	for (size_t i = 0; i < h->nheads; i++)
		if (!generic_title(h->heads[i]) &&
		    strlen(h->heads[i]) <= 120) {
			free(p->title);
			p->title = xstrdup(h->heads[i]);
			return;
		}
}

/* Does the heading name the site rather than the job ("Acme" as a logo
 * heading)? */
static int
names_site(const struct hb_head *h, const char *s)
{
	char names[8][64];
	size_t nn = site_names(h->url, names, 8);

	return (h->site && strcasecmp(s, h->site) == 0) ||
	    (h->app && strcasecmp(s, h->app) == 0) ||
	    site_match(s, strlen(s), names, nn);
}

static int
around_any(const char *const *titles, const char *head)
{
	struct jd_posting none = { 0 };
	int r = 0;

	for (size_t k = 0; k < 3 && !r; k++)
		r = titles[k] && title_around(titles[k], head, &none);
	jd_posting_free(&none);
	return r;
}

/* The visible heading (h1 before h2 before h3) that the page title is
 * built around, one that reads like a job title first, never one that
 * names the site; every page title then gets a chance to name the
 * company. */
static const char *
heading_title(struct hb_head *h, const char *const *titles,
    struct jd_posting *q)
{
	const char *found = NULL, *first = NULL;

	for (int level = 1; level <= 3 && !found; level++)
		for (size_t i = 0; i < h->nheads && !found; i++) {
			const char *head = h->heads[i];
			if (h->levels[i] != level || names_site(h, head) ||
			    !around_any(titles, head))
				continue;
			if (first == NULL)
				first = head;
			if (hb_job_title_like(head, strlen(head)))
				found = head;
		}
	if (found == NULL)
		found = first;
	for (size_t k = 0; found && k < 3 && q->company == NULL; k++)
		if (titles[k])
			title_around(titles[k], found, q);
	return found;
}

static void
infer_title(struct hb_head *h, struct jd_posting *p)
{
	const char *titles[] = { h->og_title, h->title, h->tw_title };
	struct jd_posting scratch = { 0 };
	struct jd_posting *q = p->title ? &scratch : p;
	const char *found = heading_title(h, titles, q);

	if (found) {
		hb_set(&q->title, found, strlen(found));
		goto done;
	}
	for (size_t k = 0; k < 3; k++)
		if (titles[k] && (hiring_pattern(titles[k], q) ||
		    at_pattern(titles[k], q)))
			goto done;
	for (size_t i = 0; i < h->nheads; i++)
		if (h->levels[i] == 1) {
			hb_set(&q->title, h->heads[i], strlen(h->heads[i]));
			break;
		}
	for (size_t k = 0; k < 3; k++)
		if (titles[k]) {
			segments(titles[k], q, h);
			break;
		}
done:
	if (q == p && p->title && generic_title(p->title))
		better_heading(h, p);
	if (q == &scratch) {
		if (scratch.company)
			hb_set(&p->company, scratch.company,
			    strlen(scratch.company));
		if (scratch.location)
			hb_set(&p->location, scratch.location,
			    strlen(scratch.location));
		jd_posting_free(&scratch);
	}
}

void
hb_head_infer(struct hb_head *h, struct jd_posting *p)
{
	infer_title(h, p);
	if (h->site)
		set_company(p, h->site, strlen(h->site));
	if (h->app)
		set_company(p, h->app, strlen(h->app));
	if (h->location)
		hb_set(&p->location, h->location, strlen(h->location));
	if (h->dom_location)
		hb_set(&p->location, h->dom_location, strlen(h->dom_location));
}
