/*
 * html_dom.c: small tools over libxml2's tree: an iterative walk (pages
 * may nest a million deep), tag classes, and what a reader never sees:
 * hidden elements and page furniture (navigation, forms, cookie banners).
 */
#include <string.h>

#include "html_dom.h"
#include "jdalign/util.h"

void
hb_visit(xmlNode *root, const struct hb_visitor *v)
{
	xmlNode *n = root;

	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			if (v->enter(v->arg, n)) {
				if (n->children) {
					n = n->children;
					continue;
				}
				if (v->leave)
					v->leave(v->arg, n);
			}
		} else if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && v->text)
			v->text(v->arg, n);
		while (n != root && n->next == NULL) {
			n = n->parent;
			if (n == NULL)
				return;
			if (v->leave)
				v->leave(v->arg, n);
		}
		if (n == root)
			return;
		n = n->next;
	}
}

static int
in_list(const char *const *list, const xmlNode *n)
{
	const char *name = (const char *)n->name;

	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

int
hb_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

int
hb_heading_tag(const xmlNode *n)
{
	const char *s = (const char *)n->name;

	return s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && s[2] == '\0';
}

int
hb_block_tag(const xmlNode *n)
{
	static const char *const block[] = {
		"p", "div", "li", "ul", "ol", "br", "tr", "td", "th", "table",
		"section", "article", "main", "dd", "dt", "dl", "blockquote",
		"pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "body",
		"center", "address", "figcaption", "figure", "details",
		"summary", "caption", "fieldset", "legend", "hgroup", "header",
		"footer", "nav", "aside", "form", "html", "tbody", "thead",
		"tfoot", "dialog", "menu", NULL
	};
	return in_list(block, n);
}

int
hb_unseen_tag(const xmlNode *n)
{
	static const char *const unseen[] = {
		"script", "style", "noscript", "template", "svg", "button",
		"select", "option", "textarea", "iframe", "head", "title",
		"canvas", "object", "embed", "input", "math", "meta", "link",
		"datalist", "audio", "video", "map", "picture", NULL
	};
	return in_list(unseen, n);
}

char *
hb_attr_lower(xmlNode *n, const char *attr)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return s;
}

int
hb_attr_has(xmlNode *n, const char *attr, const char *needle)
{
	char *v;
	int r;

	if (n->properties == NULL)
		return 0;
	if ((v = hb_attr_lower(n, attr)) == NULL)
		return 0;
	r = needle == NULL || strstr(v, needle) != NULL;
	free(v);
	return r;
}

char *
hb_class_id(xmlNode *n)
{
	char *c = n->properties ? hb_attr_lower(n, "class") : NULL;
	char *i = n->properties ? hb_attr_lower(n, "id") : NULL;
	struct jd_buf b = JD_BUF_INIT;

	if (c)
		jd_buf_adds(&b, c);
	jd_buf_addc(&b, ' ');
	if (i)
		jd_buf_adds(&b, i);
	free(c);
	free(i);
	return jd_buf_take(&b);
}

/* "display : none" and friends in an inline style, spaces ignored. */
static int
style_hidden(xmlNode *n)
{
	char *v = hb_attr_lower(n, "style");
	size_t k = 0;
	int r;

	if (v == NULL)
		return 0;
	for (size_t i = 0; v[i]; i++)
		if (v[i] != ' ' && v[i] != '\t' && v[i] != '\n')
			v[k++] = v[i];
	v[k] = '\0';
	r = strstr(v, "display:none") != NULL ||
	    strstr(v, "visibility:hidden") != NULL;
	free(v);
	return r;
}

/* Is word a whole space-separated token of list? */
static int
has_token(const char *list, const char *word)
{
	size_t m = strlen(word);

	for (const char *p = strstr(list, word); p; p = strstr(p + 1, word))
		if ((p == list || p[-1] == ' ') && (p[m] == '\0' ||
		    p[m] == ' '))
			return 1;
	return 0;
}

int
hb_hidden(xmlNode *n)
{
	static const char *const sr[] = {
		"sr-only", "visually-hidden", "visuallyhidden",
		"screen-reader-text", "screen-reader-only", "a11y-hidden",
		"u-hidden", NULL
	};
	int r = 0;

	if (n->properties == NULL)
		return 0;
	if (xmlHasProp(n, (const xmlChar *)"hidden") ||
	    hb_attr_has(n, "aria-hidden", "true") || style_hidden(n))
		return 1;
	char *c = hb_attr_lower(n, "class");
	for (const char *const *s = sr; c && *s && !r; s++)
		r = has_token(c, *s);
	free(c);
	return r;
}

int
hb_furniture(xmlNode *n)
{
	static const char *const tags[] = {
		"nav", "header", "footer", "aside", "form", "dialog", "label",
		"menu", "fieldset", NULL
	};
	static const char *const roles[] = {
		"navigation", "dialog", "alertdialog", "banner", "contentinfo",
		"menu", "menubar", "search", "complementary", NULL
	};
	static const char *const banners[] = {
		"cookie", "consent", "gdpr", "onetrust", NULL
	};
	int r = 0;

	if (in_list(tags, n))
		return 1;
	if (n->properties == NULL)
		return 0;
	char *role = hb_attr_lower(n, "role");
	for (const char *const *s = roles; role && *s && !r; s++)
		r = strcmp(role, *s) == 0;
	free(role);
	if (r || hb_attr_has(n, "aria-modal", "true"))
		return 1;
	char *ci = hb_class_id(n);
	for (const char *const *s = banners; *s && !r; s++)
		r = strstr(ci, *s) != NULL;
	free(ci);
	return r;
}

int
hb_skipped(xmlNode *n)
{
	return hb_unseen_tag(n) || hb_hidden(n) || hb_furniture(n);
}

size_t
hb_text_chars(const char *s, size_t n, int *space)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f';
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			ws = 1;
			i++;
		}
		if (ws) {
			if (!*space)
				count++;
			*space = 1;
		} else {
			if ((c & 0xc0) != 0x80)
				count++;
			*space = 0;
		}
	}
	return count;
}

struct gather {
	struct jd_buf b;
};

static int
gather_enter(void *arg, xmlNode *n)
{
	struct gather *g = arg;

	if (hb_unseen_tag(n) || hb_hidden(n))
		return 0;
	if (hb_block_tag(n))
		jd_buf_addc(&g->b, ' ');
	return 1;
}

static void
gather_text(void *arg, xmlNode *n)
{
	struct gather *g = arg;

	if (n->content)
		jd_buf_adds(&g->b, (const char *)n->content);
}

char *
hb_node_text(xmlNode *n)
{
	struct gather g = { JD_BUF_INIT };
	struct hb_visitor v = { gather_enter, NULL, gather_text, &g };
	struct jd_buf out = JD_BUF_INIT;

	hb_visit(n, &v);
	hb_normalize(&out, jd_buf_str(&g.b), g.b.len);
	jd_buf_free(&g.b);
	return jd_buf_take(&out);
}
