/*
 * html_page.c: parses a page with libxml2 and walks its tree without
 * recursion, emitting one line per block and a section per heading; skips
 * what a reader never sees (scripts, navigation, forms, hidden elements).
 */
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "html_int.h"
#include "jdalign/util.h"

#define PARSE_OPTS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
	HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT | \
	XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC)
#define MAX_BOLD_HEADING 80
#define MIN_POSTING_TEXT 200

static const char *const skip_tags[] = {
	"script", "style", "noscript", "template", "svg", "nav", "header",
	"footer", "aside", "form", "button", "select", "option", "textarea",
	"iframe", "head", "title", "dialog", "canvas", "object", "label",
	"input", "math", NULL
};

static const char *const block_tags[] = {
	"p", "div", "li", "ul", "ol", "br", "tr", "td", "th", "table",
	"section", "article", "main", "dd", "dt", "dl", "blockquote", "pre",
	"hr", "h1", "h2", "h3", "h4", "h5", "h6", "body", "center", "address",
	"figcaption", "details", "summary", NULL
};

static int
in_list(const char *const *list, const xmlChar *name)
{
	for (; *list; list++)
		if (strcmp(*list, (const char *)name) == 0)
			return 1;
	return 0;
}

static int
heading_tag(const xmlChar *n)
{
	return n[0] == 'h' && n[1] >= '1' && n[1] <= '6' && n[2] == '\0';
}

static int
bold_tag(const xmlChar *n)
{
	return strcmp((const char *)n, "strong") == 0 ||
	    strcmp((const char *)n, "b") == 0;
}

static int
attr_has(xmlNode *n, const char *attr, const char *needle)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	int r = 0;

	if (v) {
		for (xmlChar *p = v; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (xmlChar)(*p + 32);
		r = needle == NULL || strstr((const char *)v, needle) != NULL;
		xmlFree(v);
	}
	return r;
}

/* Hidden from a reader, or page furniture around the content. */
static int
skipped(xmlNode *n)
{
	if (in_list(skip_tags, n->name))
		return 1;
	if (attr_has(n, "hidden", NULL) || attr_has(n, "aria-hidden", "true"))
		return 1;
	if (attr_has(n, "style", "display:none") ||
	    attr_has(n, "style", "display: none") ||
	    attr_has(n, "style", "visibility:hidden") ||
	    attr_has(n, "style", "visibility: hidden"))
		return 1;
	if (attr_has(n, "role", "navigation") || attr_has(n, "role", "dialog") ||
	    attr_has(n, "role", "banner") || attr_has(n, "role", "contentinfo"))
		return 1;
	return attr_has(n, "id", "cookie") || attr_has(n, "class", "cookie") ||
	    attr_has(n, "id", "consent") || attr_has(n, "class", "consent");
}

struct walker {
	struct jd_posting *p;
	struct jd_buf line;
	struct jd_buf visible;	/* all text seen, for the status */
	size_t bold, text;	/* non-space bytes in bold / in all */
	xmlNode *heading;
	int bold_depth;
};

static void
flush(struct walker *w, int as_heading)
{
	int head = as_heading || (w->text > 0 && w->bold == w->text &&
	    w->line.len <= MAX_BOLD_HEADING) ||
	    hb_text_heading(jd_buf_str(&w->line), w->line.len);

	if (w->line.len) {
		struct jd_buf n = JD_BUF_INIT;
		hb_normalize(&n, w->line.data, w->line.len);
		if (n.len && head && n.len <= MAX_BOLD_HEADING * 2)
			hb_heading(w->p, n.data, n.len);
		else if (n.len)
			hb_line(w->p, n.data, n.len);
		jd_buf_free(&n);
	}
	jd_buf_reset(&w->line);
	w->bold = w->text = 0;
}

static void
text(struct walker *w, const xmlChar *s)
{
	size_t n = strlen((const char *)s), solid = 0;

	for (size_t i = 0; i < n; i++)
		solid += s[i] > ' ';
	jd_buf_add(&w->line, s, n);
	jd_buf_add(&w->visible, s, n);
	jd_buf_addc(&w->visible, ' ');
	w->text += solid;
	if (w->bold_depth > 0)
		w->bold += solid;
}

static void
enter(struct walker *w, xmlNode *n)
{
	if (in_list(block_tags, n->name))
		flush(w, 0);
	if (heading_tag(n->name) && w->heading == NULL)
		w->heading = n;
	if (bold_tag(n->name))
		w->bold_depth++;
}

static void
leave(struct walker *w, xmlNode *n)
{
	if (bold_tag(n->name))
		w->bold_depth--;
	if (n == w->heading) {
		flush(w, 1);
		w->heading = NULL;
	} else if (in_list(block_tags, n->name))
		flush(w, 0);
}

/* Walks root's subtree in document order, iteratively. */
static void
walk(struct walker *w, xmlNode *root)
{
	xmlNode *n = root->children;

	while (n) {
		if (n->type == XML_ELEMENT_NODE && !skipped(n)) {
			enter(w, n);
			if (n->children) {
				n = n->children;
				continue;
			}
			leave(w, n);
		} else if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			text(w, n->content);
		while (n && n->next == NULL) {
			n = n->parent;
			if (n == NULL || n == root) {
				n = NULL;
				break;
			}
			leave(w, n);
		}
		if (n)
			n = n->next;
	}
	flush(w, 0);
}

/* The charset a page declares in its first 1024 bytes, or NULL. */
static char *
declared_charset(const char *s, size_t n)
{
	size_t lim = n < 1024 ? n : 1024;
	const char *p = memmem(s, lim, "charset=", 8);

	if (p == NULL)
		p = memmem(s, lim, "CHARSET=", 8);
	if (p == NULL)
		return NULL;
	p += 8;
	while (p < s + lim && (*p == '"' || *p == '\'' || *p == ' '))
		p++;
	size_t k = 0;
	while (p + k < s + lim && k < 40 && (p[k] == '-' || p[k] == '_' ||
	    ((p[k] | 32) >= 'a' && (p[k] | 32) <= 'z') ||
	    (p[k] >= '0' && p[k] <= '9')))
		k++;
	return k ? xstrndup(p, k) : NULL;
}

static htmlDocPtr
parse(const char *s, size_t n, struct jd_buf *utf8, const char **enc)
{
	char *cs = declared_charset(s, n);
	htmlParserCtxtPtr ctxt;
	htmlDocPtr doc;

	*enc = jd_util_to_utf8(s, n, cs, utf8);
	free(cs);
	if (utf8->len > (size_t)INT32_MAX)
		return NULL;
	ctxt = htmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	doc = htmlCtxtReadMemory(ctxt, jd_buf_str(utf8), (int)utf8->len, NULL,
	    "UTF-8", PARSE_OPTS);
	htmlFreeParserCtxt(ctxt);
	return doc;
}

void
hb_fragment(struct jd_posting *p, const char *html, size_t len)
{
	struct jd_buf utf8 = JD_BUF_INIT;
	struct walker w = { .p = p };
	const char *enc;
	htmlDocPtr doc = parse(html, len, &utf8, &enc);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;

	if (root)
		walk(&w, root);
	jd_buf_free(&w.line);
	jd_buf_free(&w.visible);
	jd_buf_free(&utf8);
	if (doc)
		xmlFreeDoc(doc);
}

/* ------------------------------------------------------------ the head */

struct head {
	xmlChar *title, *og_title, *og_desc, *og_site, *desc;
	int jobposting;
};

static void
head_meta(struct head *h, xmlNode *n)
{
	xmlChar *key = xmlGetProp(n, (const xmlChar *)"property");
	xmlChar *content;

	if (key == NULL)
		key = xmlGetProp(n, (const xmlChar *)"name");
	if (key == NULL)
		return;
	content = xmlGetProp(n, (const xmlChar *)"content");
	xmlChar **slot = NULL;
	if (strcmp((char *)key, "og:title") == 0)
		slot = &h->og_title;
	else if (strcmp((char *)key, "og:description") == 0)
		slot = &h->og_desc;
	else if (strcmp((char *)key, "og:site_name") == 0)
		slot = &h->og_site;
	else if (strcmp((char *)key, "description") == 0)
		slot = &h->desc;
	if (slot && *slot == NULL && content) {
		*slot = content;
		content = NULL;
	}
	xmlFree(content);
	xmlFree(key);
}

/* Reads meta tags, the title and every JSON-LD block, anywhere. */
static void
scan_head(struct head *h, struct jd_posting *p, xmlNode *root)
{
	for (xmlNode *n = root; n;) {
		if (n->type == XML_ELEMENT_NODE) {
			const char *name = (const char *)n->name;
			if (strcmp(name, "meta") == 0)
				head_meta(h, n);
			else if (strcmp(name, "title") == 0 && h->title == NULL)
				h->title = xmlNodeGetContent(n);
			else if (strcmp(name, "script") == 0 &&
			    attr_has(n, "type", "ld+json") && !h->jobposting) {
				xmlChar *c = xmlNodeGetContent(n);
				if (c)
					h->jobposting = hb_jsonld(p, (char *)c,
					    strlen((char *)c));
				xmlFree(c);
			}
			if (n->children && strcmp(name, "script") != 0 &&
			    strcmp(name, "style") != 0) {
				n = n->children;
				continue;
			}
		}
		while (n && n->next == NULL) {
			n = n->parent;
			if (n == root)
				n = NULL;
		}
		if (n)
			n = n->next;
	}
}

static void
head_free(struct head *h)
{
	xmlFree(h->title);
	xmlFree(h->og_title);
	xmlFree(h->og_desc);
	xmlFree(h->og_site);
	xmlFree(h->desc);
}

static void
set_x(char **field, const xmlChar *s)
{
	if (s)
		hb_set(field, (const char *)s, strlen((const char *)s));
}

/* The first h1's text. */
static xmlChar *
first_h1(xmlNode *root)
{
	for (xmlNode *n = root; n;) {
		if (n->type == XML_ELEMENT_NODE && !skipped(n)) {
			if (strcmp((const char *)n->name, "h1") == 0)
				return xmlNodeGetContent(n);
			if (n->children) {
				n = n->children;
				continue;
			}
		}
		while (n && n->next == NULL) {
			n = n->parent;
			if (n == root)
				n = NULL;
		}
		if (n)
			n = n->next;
	}
	return NULL;
}

static void
page(struct jd_posting *p, htmlDocPtr doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	struct head h = { 0 };
	struct walker w = { .p = p };

	if (root == NULL) {
		p->status = JD_POST_EMPTY;
		return;
	}
	scan_head(&h, p, root);
	if (!h.jobposting) {
		walk(&w, root);
		if (jd_posting_text_size(p) < MIN_POSTING_TEXT && h.og_desc) {
			hb_line(p, (char *)h.og_desc, strlen((char *)h.og_desc));
			p->source = "meta";
		}
	}
	xmlChar *h1 = first_h1(root);
	set_x(&p->title, h.og_title);
	set_x(&p->title, h1);
	set_x(&p->title, h.title);
	set_x(&p->company, h.og_site);
	xmlFree(h1);
	hb_classify(p, jd_buf_str(&w.visible), w.visible.len);
	jd_buf_free(&w.line);
	jd_buf_free(&w.visible);
	head_free(&h);
}

static const char *const wall_phrases[] = {
	"additional verification required", "verify you are human",
	"verifying you are human", "are you a robot", "captcha",
	"access denied", "enable javascript", "checking your browser",
	"please sign in", "sign in to view", "unusual traffic", NULL
};

void
hb_classify(struct jd_posting *p, const char *visible, size_t n)
{
	size_t text = jd_posting_text_size(p);
	struct jd_buf f = JD_BUF_INIT;

	int structured = strcmp(p->source, "html") != 0 &&
	    strcmp(p->source, "meta") != 0;

	if (text >= MIN_POSTING_TEXT || (structured && text > 0)) {
		p->status = JD_POST_OK;
		return;
	}
	jd_buf_add(&f, visible, n);
	for (size_t i = 0; i < f.len; i++)
		if (f.data[i] >= 'A' && f.data[i] <= 'Z')
			f.data[i] = (char)(f.data[i] + 32);
	p->status = JD_POST_EMPTY;
	for (const char *const *w = wall_phrases; *w; w++)
		if (strstr(jd_buf_str(&f), *w))
			p->status = JD_POST_WALL;
	jd_buf_free(&f);
}

static int
is_text_name(const char *path)
{
	return jd_util_has_suffix(path, ".txt") || jd_util_has_suffix(path, ".md")
	    || jd_util_has_suffix(path, ".markdown");
}

size_t
jd_html_read(const char *path, const char *bytes, size_t len,
    struct jd_posting_list *out)
{
	struct jd_posting *p;

	if (jd_util_has_suffix(path, ".json"))
		return hb_json_file(path, bytes, len, out);
	p = hb_append(out, path, path);
	if (is_text_name(path)) {
		struct jd_buf utf8 = JD_BUF_INIT;
		jd_util_to_utf8(bytes, len, NULL, &utf8);
		hb_text_posting(p, jd_buf_str(&utf8), utf8.len,
		    !jd_util_has_suffix(path, ".txt"));
		jd_buf_free(&utf8);
		return 1;
	}
	struct jd_buf utf8 = JD_BUF_INIT;
	const char *enc;
	htmlDocPtr doc = parse(bytes, len, &utf8, &enc);
	if (strcmp(enc, "utf-8") != 0) {
		struct jd_buf m = JD_BUF_INIT;
		jd_buf_printf(&m, "read as %s", enc);
		jd_posting_warn(p, jd_buf_str(&m));
		jd_buf_free(&m);
	}
	if (doc == NULL) {
		p->status = len ? JD_POST_ERROR : JD_POST_EMPTY;
		jd_posting_warn(p, len ? "not readable as HTML" : "empty file");
	} else {
		page(p, doc);
		xmlFreeDoc(doc);
	}
	jd_buf_free(&utf8);
	return 1;
}
