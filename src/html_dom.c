/*
 * html_dom.c: small tools over libxml2's tree: an iterative walk (pages
 * may nest a million deep), tag classes, and what a reader never sees:
 * hidden elements and page furniture (navigation, forms, cookie banners).
 */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
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

/* Every tag the module cares about, sorted by name, with its classes. */
static const struct tagdef {
	const char *name;
	unsigned bits;
} tags[] = {
	{ "a", HB_LINK },
	{ "address", HB_BLOCK },
	{ "article", HB_BLOCK | HB_MAINLIKE },
	{ "aside", HB_BLOCK | HB_FURNITURE | HB_CONTAINER },
	{ "audio", HB_UNSEEN },
	{ "b", HB_BOLD },
	{ "blockquote", HB_BLOCK | HB_PARA },
	{ "body", HB_BLOCK },
	{ "br", HB_BLOCK },
	{ "button", HB_UNSEEN | HB_CONTROL },
	{ "canvas", HB_UNSEEN },
	{ "caption", HB_BLOCK },
	{ "center", HB_BLOCK },
	{ "datalist", HB_UNSEEN },
	{ "dd", HB_BLOCK | HB_PARA },
	{ "details", HB_BLOCK },
	{ "dialog", HB_BLOCK | HB_FURNITURE },
	{ "div", HB_BLOCK | HB_CONTAINER | HB_CLEAN },
	{ "dl", HB_BLOCK | HB_CONTAINER | HB_CLEAN },
	{ "dt", HB_BLOCK | HB_PARA },
	{ "embed", HB_UNSEEN },
	{ "fieldset", HB_BLOCK | HB_FURNITURE },
	{ "figcaption", HB_BLOCK },
	{ "figure", HB_BLOCK },
	{ "footer", HB_BLOCK | HB_FURNITURE | HB_CONTAINER },
	{ "form", HB_BLOCK | HB_FURNITURE | HB_CONTROL },
	{ "h1", HB_BLOCK | HB_HEADING | HB_H1 },
	{ "h2", HB_BLOCK | HB_HEADING | HB_PARA },
	{ "h3", HB_BLOCK | HB_HEADING | HB_PARA },
	{ "h4", HB_BLOCK | HB_HEADING | HB_PARA },
	{ "h5", HB_BLOCK | HB_HEADING | HB_PARA },
	{ "h6", HB_BLOCK | HB_HEADING | HB_PARA },
	{ "head", HB_UNSEEN },
	{ "header", HB_BLOCK | HB_FURNITURE | HB_CONTAINER },
	{ "hgroup", HB_BLOCK },
	{ "hr", HB_BLOCK },
	{ "html", HB_BLOCK },
	{ "iframe", HB_UNSEEN },
	{ "input", HB_UNSEEN | HB_CONTROL },
	{ "label", HB_FURNITURE },
	{ "legend", HB_BLOCK },
	{ "li", HB_BLOCK | HB_PARA },
	{ "link", HB_UNSEEN },
	{ "main", HB_BLOCK | HB_MAINLIKE },
	{ "map", HB_UNSEEN },
	{ "math", HB_UNSEEN },
	{ "menu", HB_BLOCK | HB_FURNITURE },
	{ "meta", HB_UNSEEN },
	{ "nav", HB_BLOCK | HB_FURNITURE },
	{ "noscript", HB_UNSEEN },
	{ "object", HB_UNSEEN },
	{ "ol", HB_BLOCK | HB_CONTAINER | HB_CLEAN },
	{ "option", HB_UNSEEN },
	{ "p", HB_BLOCK | HB_PARA },
	{ "picture", HB_UNSEEN },
	{ "pre", HB_BLOCK | HB_PARA },
	{ "script", HB_UNSEEN },
	{ "section", HB_BLOCK | HB_CONTAINER | HB_CLEAN },
	{ "select", HB_UNSEEN | HB_CONTROL },
	{ "span", HB_CONTAINER | HB_CLEAN },
	{ "strong", HB_BOLD },
	{ "style", HB_UNSEEN },
	{ "summary", HB_BLOCK },
	{ "svg", HB_UNSEEN },
	{ "table", HB_BLOCK | HB_CONTAINER | HB_CLEAN },
	{ "tbody", HB_BLOCK },
	{ "td", HB_BLOCK | HB_PARA },
	{ "template", HB_UNSEEN },
	{ "textarea", HB_UNSEEN | HB_CONTROL },
	{ "tfoot", HB_BLOCK },
	{ "th", HB_BLOCK },
	{ "thead", HB_BLOCK },
	{ "title", HB_UNSEEN },
	{ "tr", HB_BLOCK },
	{ "ul", HB_BLOCK | HB_CONTAINER | HB_CLEAN },
	{ "video", HB_UNSEEN },
};

/*
 * Tags by first letter and length: a name is found by comparing it with
 * the one or two tags that share both, in a table filled once.
 */
#define TAG_MAX_LEN 10
#define TAG_SLOT 8	/* h1-h6 share the most */

static unsigned char tag_index[26][TAG_MAX_LEN + 1][TAG_SLOT];
static pthread_once_t tag_once = PTHREAD_ONCE_INIT;

static void
tag_index_fill(void)
{
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
		size_t len = strlen(tags[i].name), k = 0;
		if (len > TAG_MAX_LEN)
			abort();	/* the table outgrew its index */
		unsigned char *slot = tag_index[tags[i].name[0] - 'a'][len];
		while (k < TAG_SLOT && slot[k])
			k++;
		if (k == TAG_SLOT)
			abort();
		slot[k] = (unsigned char)(i + 1);	/* 0: empty */
	}
}

static unsigned
tag_bits(const char *name)
{
	size_t len;

	if (name[0] < 'a' || name[0] > 'z')
		return 0;
	len = strnlen(name, TAG_MAX_LEN + 1);
	if (len > TAG_MAX_LEN)
		return 0;
	pthread_once(&tag_once, tag_index_fill);
	const unsigned char *slot = tag_index[name[0] - 'a'][len];
	for (size_t k = 0; k < TAG_SLOT && slot[k]; k++) {
		const char *t = tags[slot[k] - 1].name;
		size_t i = 1;	/* the first letter and the length agree */
		while (i < len && t[i] == name[i])
			i++;
		if (i == len)
			return tags[slot[k] - 1].bits;
	}
	return 0;
}

/* An element's bits are kept in its extra field (which libxml2 leaves
 * to XPath and XSLT) once found: every pass over the tree asks. */
#define TAG_KNOWN 0x8000u
_Static_assert(HB_MAINLIKE < TAG_KNOWN, "tag bits fit beside the mark");

unsigned
hb_tag(const xmlNode *n)
{
	unsigned bits;

	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return 0;
	if (n->extra & TAG_KNOWN)
		return n->extra & ~TAG_KNOWN;
	bits = tag_bits((const char *)n->name);
	((xmlNode *)n)->extra = (unsigned short)(bits | TAG_KNOWN);
	return bits;
}

int
hb_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name[0] == name[0] &&
	    strcmp((const char *)n->name, name) == 0;
}

int
hb_heading_tag(const xmlNode *n)
{
	return (hb_tag(n) & HB_HEADING) != 0;
}

int
hb_block_tag(const xmlNode *n)
{
	return (hb_tag(n) & HB_BLOCK) != 0;
}

int
hb_unseen_tag(const xmlNode *n)
{
	return (hb_tag(n) & HB_UNSEEN) != 0;
}

/*
 * An attribute's value where libxml2 keeps it (one text node), read
 * without a copy. A value made of several nodes (entities) is copied into
 * *owned, which the caller frees with xmlFree.
 */
static const char *
attr_value(const xmlNode *n, const xmlAttr *a, xmlChar **owned)
{
	xmlNode *c = a->children;

	*owned = NULL;
	if (c == NULL)
		return "";
	if (c->type == XML_TEXT_NODE && c->next == NULL && c->content)
		return (const char *)c->content;
	*owned = xmlNodeListGetString(n->doc, c, 1);
	return *owned ? (const char *)*owned : "";
}

/* The element's attribute of that name, or NULL; only an attribute the
 * parse keeps (hb_attr_read) is asked for. */
static xmlAttr *
attr_find(const xmlNode *n, const char *name)
{
	assert(hb_attr_read(name, strlen(name)));
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && a->name[0] == name[0] &&
		    strcmp((const char *)a->name, name) == 0)
			return a;
	return NULL;
}

/* An attribute's value in lower case: in buf when it fits (else in *heap,
 * which the caller frees), NULL when there is none. A class searched for
 * a dozen words is lowered once. */
#define LOWER_BUF 512

static char *
lowered(const char *v, char *buf, char **heap)
{
	size_t len = strlen(v);
	char *t = buf;

	if (len >= LOWER_BUF)
		t = *heap = xmalloc(len + 1);
	for (size_t i = 0; i <= len; i++)
		t[i] = v[i] >= 'A' && v[i] <= 'Z' ? (char)(v[i] + 32) : v[i];
	return t;
}

static char *
value_lowered(const xmlNode *n, const xmlAttr *a, char *buf, char **heap)
{
	xmlChar *owned;
	char *t;

	*heap = NULL;
	if (a == NULL)
		return NULL;
	t = lowered(attr_value(n, a, &owned), buf, heap);
	xmlFree(owned);
	return t;
}

static char *
attr_lowered(xmlNode *n, const char *attr, char *buf, char **heap)
{
	return value_lowered(n, attr_find(n, attr), buf, heap);
}

char *
hb_attr_lower(xmlNode *n, const char *attr)
{
	char buf[LOWER_BUF], *heap;
	char *v = n->properties ? attr_lowered(n, attr, buf, &heap) : NULL;

	return v == NULL ? NULL : heap ? heap : xstrdup(buf);
}

/* Does the attribute's value hold needle (lower case ASCII), in any case?
 * needle NULL: is the attribute there? */
static int
value_has(const xmlNode *n, const xmlAttr *a, const char *needle)
{
	xmlChar *owned;
	const char *v;
	int r;

	if (a == NULL)
		return 0;
	v = attr_value(n, a, &owned);
	r = needle == NULL || jd_util_casestr(v, needle) != NULL;
	xmlFree(owned);
	return r;
}

int
hb_attr_has(xmlNode *n, const char *attr, const char *needle)
{
	return n->properties && value_has(n, attr_find(n, attr), needle);
}

/* Is attribute a's value one of words (lower case ASCII), in any case? */
static int
value_is(const xmlNode *n, const xmlAttr *a, const char *const *words)
{
	xmlChar *owned;
	const char *v;
	int r = 0;

	if (a == NULL)
		return 0;
	v = attr_value(n, a, &owned);
	for (const char *const *w = words; *w && !r; w++)
		r = jd_util_strcasecmp(v, *w) == 0;
	xmlFree(owned);
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

/* What the rules for hidden elements and page furniture read of an
 * element's attributes, found in one pass over them; its class is lowered
 * once, when a rule first asks for it. */
struct el_attrs {
	xmlNode *n;
	xmlAttr *style, *aria_hidden, *aria_modal, *role, *cls, *id;
	int hidden;		/* the hidden attribute */
	int class_read;
	char *class_lc, *class_heap;
	char class_buf[LOWER_BUF];
};

static void
el_attrs_read(struct el_attrs *e, xmlNode *n)
{
	e->n = n;
	e->style = e->aria_hidden = e->aria_modal = e->role = e->cls =
	    e->id = NULL;
	e->hidden = e->class_read = 0;
	e->class_lc = e->class_heap = NULL;
	for (xmlAttr *a = n->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		xmlAttr **slot = NULL;
		if (name == NULL)
			continue;
		switch (name[0]) {
		case 'h':
			e->hidden |= strcmp(name, "hidden") == 0;
			break;
		case 's':
			slot = strcmp(name, "style") == 0 ? &e->style : NULL;
			break;
		case 'a':
			slot = strcmp(name, "aria-hidden") == 0 ?
			    &e->aria_hidden : strcmp(name, "aria-modal") == 0 ?
			    &e->aria_modal : NULL;
			break;
		case 'r':
			slot = strcmp(name, "role") == 0 ? &e->role : NULL;
			break;
		case 'c':
			slot = strcmp(name, "class") == 0 ? &e->cls : NULL;
			break;
		case 'i':
			slot = strcmp(name, "id") == 0 ? &e->id : NULL;
			break;
		}
		if (slot && *slot == NULL)
			*slot = a;
	}
}

static const char *
el_class(struct el_attrs *e)
{
	if (!e->class_read) {
		e->class_read = 1;
		e->class_lc = value_lowered(e->n, e->cls, e->class_buf,
		    &e->class_heap);
	}
	return e->class_lc;
}

static void
el_attrs_free(struct el_attrs *e)
{
	free(e->class_heap);
}

/* "display : none" and friends in an inline style, spaces and case
 * ignored. */
static int
style_hidden(const struct el_attrs *e)
{
	char buf[LOWER_BUF], *heap;
	char *v = value_lowered(e->n, e->style, buf, &heap);
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
	free(heap);
	return r;
}

/* Is word a whole space-separated token of list (both lower case)? */
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

/* Does the class or the id hold one of words (lower case ASCII)? */
static int
class_id_has(struct el_attrs *e, const char *const *words)
{
	char buf[LOWER_BUF], *heap;
	const char *v = el_class(e);
	int r = 0;

	for (const char *const *w = words; v && *w && !r; w++)
		r = strstr(v, *w) != NULL;
	if (r || (v = value_lowered(e->n, e->id, buf, &heap)) == NULL)
		return r;
	for (const char *const *w = words; *w && !r; w++)
		r = strstr(v, *w) != NULL;
	free(heap);
	return r;
}

/* ------------------------------------------------------------ subtrees */

/*
 * What a reader sees of an element, and what that decision needs to know
 * of its subtree (how much text it holds, whether it holds the page's h1,
 * main or article), is computed once per document, bottom up, and kept in
 * the element's psvi field, which libxml2 uses only for schema
 * validation. Every later walk reads it in O(1): nested hidden or modal
 * elements stay linear, and no attribute is read twice.
 */
#define SUB_DONE 1u
#define SUB_WRAPS 2u
#define SUB_DECIDED 4u
#define SUB_HIDDEN 8u		/* an unseen tag, or hidden */
#define SUB_FURNITURE 16u
#define SUB_BITS 31u
#define SUB_SHIFT 5
#define SUB_MAX ((uintptr_t)1 << 24)

static int hidden_from(struct el_attrs *e);
static int furniture_from(struct el_attrs *e);

static uintptr_t
sub_get(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE ? (uintptr_t)n->psvi : 0;
}

static size_t
sub_text(const xmlNode *n)
{
	return (size_t)(sub_get(n) >> SUB_SHIFT);
}

static void
sub_set(xmlNode *n, size_t text, uintptr_t bits)
{
	if (text > SUB_MAX)
		text = SUB_MAX;
	n->psvi = (void *)(((uintptr_t)text << SUB_SHIFT) | (bits & SUB_BITS));
}

static int
sub_enter(void *arg, xmlNode *n)
{
	(void)arg;
	if (hb_tag(n) & HB_UNSEEN) {
		sub_set(n, 0, SUB_DONE | SUB_DECIDED | SUB_HIDDEN);
		return 0;
	}
	sub_set(n, 0, SUB_DONE);
	return 1;
}

static void
sub_leave(void *arg, xmlNode *n)
{
	xmlNode *up = n->parent;
	uintptr_t bits = sub_get(n);

	(void)arg;
	if (up && up->type == XML_ELEMENT_NODE)
		sub_set(up, sub_text(up) + sub_text(n), sub_get(up) |
		    ((hb_tag(n) & (HB_H1 | HB_MAINLIKE)) ||
		    (bits & SUB_WRAPS) ? SUB_WRAPS : 0));
	bits |= SUB_DECIDED;
	struct el_attrs e;
	el_attrs_read(&e, n);
	if (hidden_from(&e))
		bits |= SUB_HIDDEN;
	if (furniture_from(&e))
		bits |= SUB_FURNITURE;
	el_attrs_free(&e);
	sub_set(n, sub_text(n), bits);
}

static void
sub_textnode(void *arg, xmlNode *n)
{
	xmlNode *up = n->parent;
	int space = 1;

	(void)arg;
	if (n->content && up && up->type == XML_ELEMENT_NODE)
		sub_set(up, sub_text(up) + hb_node_chars(n, &space),
		    sub_get(up));
}

void
hb_dom_prepare(xmlNode *root)
{
	struct hb_visitor v = { sub_enter, sub_leave, sub_textnode, NULL };

	hb_visit(root, &v);
}

/* Does n's subtree hold at least cap characters of text? */
static int
text_at_least(xmlNode *n, size_t cap)
{
	return sub_text(n) >= cap;
}

/* aria-hidden hides icons and duplicates; on a subtree that wraps the
 * page (holds its h1, main or article) or is large, it is the page behind
 * an open modal, which a reader still sees. */
#define ARIA_HIDDEN_MAX 2000
/* A dialog this long is the content (a posting shown in a modal). */
#define DIALOG_MAX 1500
/* A cookie banner is short; a long block named so is the page. */
#define BANNER_MAX 3000

static int
hidden_from(struct el_attrs *e)
{
	static const char *const sr[] = {
		"sr-only", "visually-hidden", "visuallyhidden",
		"screen-reader-text", "screen-reader-only", "a11y-hidden",
		"u-hidden", NULL
	};
	xmlNode *n = e->n;
	int r = 0;

	if (n->properties == NULL)
		return 0;
	if (e->hidden || style_hidden(e))
		return 1;
	if (value_has(n, e->aria_hidden, "true"))
		return !(sub_get(n) & SUB_WRAPS) &&
		    !text_at_least(n, ARIA_HIDDEN_MAX);
	const char *c = el_class(e);
	/* each name of sr[] holds one of these */
	if (c && (strstr(c, "hidden") || strstr(c, "sr-only") ||
	    strstr(c, "screen-reader")))
		for (const char *const *s = sr; *s && !r; s++)
			r = has_token(c, *s);
	return r;
}

static int
dialog(const struct el_attrs *e)
{
	static const char *const roles[] = { "dialog", "alertdialog", NULL };
	xmlNode *n = e->n;
	int r = hb_is(n, "dialog");

	if (!r && n->properties)
		r = value_is(n, e->role, roles) ||
		    value_has(n, e->aria_modal, "true");
	return r && !text_at_least(n, DIALOG_MAX);
}

static int
banner(struct el_attrs *e)
{
	static const char *const words[] = {
		"cookie", "consent", "gdpr", "onetrust", NULL
	};
	xmlNode *n = e->n;

	if (n->properties == NULL || hb_is(n, "body") || hb_is(n, "html") ||
	    hb_is(n, "main") || hb_is(n, "article"))
		return 0;
	return class_id_has(e, words) && !text_at_least(n, BANNER_MAX);
}

/* A form is an application form, unless it wraps the whole page (as
 * ASP.NET pages do): then it holds the page's h1, main or article. */
static int
furniture_from(struct el_attrs *e)
{
	static const char *const roles[] = {
		"navigation", "banner", "contentinfo", "menu", "menubar",
		"search", "complementary", NULL
	};
	xmlNode *n = e->n;
	unsigned t = hb_tag(n);

	if (hb_is(n, "form"))
		return !(sub_get(n) & SUB_WRAPS);
	if (hb_is(n, "dialog"))
		return dialog(e);
	if (t & HB_FURNITURE)
		return 1;
	if (n->properties == NULL)
		return 0;
	return value_is(n, e->role, roles) || dialog(e) || banner(e);
}

/* A rule for an element that hb_dom_prepare did not decide. */
static int
undecided(xmlNode *n, int (*rule)(struct el_attrs *))
{
	struct el_attrs e;
	int r;

	el_attrs_read(&e, n);
	r = rule(&e);
	el_attrs_free(&e);
	return r;
}

int
hb_hidden(xmlNode *n)
{
	uintptr_t b = sub_get(n);

	if (b & SUB_DECIDED)
		return (b & SUB_HIDDEN) && !hb_unseen_tag(n);
	return undecided(n, hidden_from);
}

int
hb_furniture(xmlNode *n)
{
	uintptr_t b = sub_get(n);

	return b & SUB_DECIDED ? (b & SUB_FURNITURE) != 0 :
	    undecided(n, furniture_from);
}

int
hb_skipped(xmlNode *n)
{
	uintptr_t b = sub_get(n);

	if (b & SUB_DECIDED)
		return (b & (SUB_HIDDEN | SUB_FURNITURE)) != 0;
	return hb_unseen_tag(n) || undecided(n, hidden_from) ||
	    undecided(n, furniture_from);
}

/* Byte classes for hb_text_chars. */
enum { TC_CHAR, TC_SPACE, TC_CONT, TC_C2 };

static unsigned char
tc_class(unsigned char c)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
		return TC_SPACE;
	if (c == 0xc2)
		return TC_C2;
	return (c & 0xc0) == 0x80 ? TC_CONT : TC_CHAR;
}

/* The white space of tc_class in eight ASCII bytes. */
static uint64_t
spaces8(uint64_t w)
{
	return jd_bytes_equal(w, ' ') | jd_bytes_equal(w, '\n') |
	    jd_bytes_equal(w, '\t') | jd_bytes_equal(w, '\r') |
	    jd_bytes_equal(w, '\f');
}

size_t
hb_text_chars(const char *s, size_t n, int *space)
{
	static _Thread_local unsigned char cls[256];
	static _Thread_local int ready;
	const unsigned char *u = (const unsigned char *)s;
	size_t count = 0;
	int sp = *space;

	if (!ready) {
		for (int c = 0; c < 256; c++)
			cls[c] = tc_class((unsigned char)c);
		ready = 1;
	}
	for (size_t i = 0; i < n; i++) {
		uint64_t w;
		if (i + 8 <= n && !((w = jd_load8(u + i)) & JD_HIGHS)) {
			/* ASCII: every byte not white space counts, and
			 * the first of each run of white space */
			uint64_t sp8 = spaces8(w);
			uint64_t before = sp8 << 8 | (sp ? 0x80u : 0u);
			count += 8 - jd_bytes_marked(sp8) + jd_bytes_marked(sp8 & ~before);
			sp = (int)(sp8 >> 63);
			i += 7;
			continue;
		}
		int c = cls[u[i]];
		if (c == TC_C2) {
			if (i + 1 < n && u[i + 1] == 0xa0) {
				i++;
				count += !sp;	/* NBSP: a space */
				sp = 1;
			} else {
				count++;
				sp = 0;
			}
			continue;
		}
		/* no branch on what comes by turns: words and spaces */
		int is_space = c == TC_SPACE;
		count += (size_t)((c == TC_CHAR) | (is_space & !sp));
		sp = is_space;
	}
	*space = sp;
	return count;
}

/*
 * The count from a start after white space, whether the text starts with
 * white space (one more from a start after a word) and whether it ends
 * with it: all a later count needs, in one word.
 */
#define NC_VALID 1u
#define NC_LEAD 2u
#define NC_END 4u
#define NC_EMPTY 8u
#define NC_SHIFT 4
#define NC_MAX (SIZE_MAX >> NC_SHIFT)

size_t
hb_node_chars(xmlNode *n, int *space)
{
	const unsigned char *s = (const unsigned char *)n->content;
	uintptr_t v = (uintptr_t)n->psvi;
	size_t count;

	if (s == NULL)
		return 0;
	if (!(v & NC_VALID)) {
		size_t len = strlen((const char *)s);
		int sp = 1, lead = len && (s[0] == ' ' || s[0] == '\t' ||
		    s[0] == '\n' || s[0] == '\r' || s[0] == '\f' ||
		    (s[0] == 0xc2 && s[1] == 0xa0));
		count = hb_text_chars((const char *)s, len, &sp);
		if (count > NC_MAX)
			return hb_text_chars((const char *)s, len, space);
		v = NC_VALID | (lead ? NC_LEAD : 0) | (sp ? NC_END : 0) |
		    (len == 0 ? NC_EMPTY : 0) | ((uintptr_t)count << NC_SHIFT);
		n->psvi = (void *)v;
	}
	if (v & NC_EMPTY)
		return 0;
	count = (size_t)(v >> NC_SHIFT) + (!*space && (v & NC_LEAD));
	*space = (v & NC_END) != 0;
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
