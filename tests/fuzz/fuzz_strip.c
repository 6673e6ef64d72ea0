/*
 * fuzz_strip.c: html_strip.c and html_sax.c against libxml2. A page as
 * hb_decode makes it, parsed by libxml2 alone, and the same page with its
 * style text dropped, its script text, long values and runs of text set
 * aside (and handed back by the parse) and the attributes nothing reads
 * dropped (data-* ones by their value too), parsed as jdalign parses it,
 * must parse to the same tree once every style element is emptied, those
 * attributes are taken from both (but html, head, body and meta, which
 * keep theirs) and runs of blanks in text are cut as the strip cuts those
 * after markup; a script's children are compared node by node, type and
 * text (written out as an attribute). A difference aborts.
 */
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "fuzz.h"
#include "../../src/html_dom.h"
#include "../../src/html_int.h"

static int
named(const xmlNode *n, const char *name)
{
	return xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

/* Whether the readers look at attribute a: its name, and for data-*
 * attributes its value too. */
static int
attribute_read(const xmlAttr *a)
{
	const char *name = (const char *)a->name;

	if (!hb_attr_read(name, strlen(name)))
		return 0;
	if (strncmp(name, "data-", 5) != 0)
		return 1;
	return a->children && a->children->content &&
	    hb_data_value_read((const char *)a->children->content);
}

/* The attributes nothing reads taken away, but from html, head, body and
 * meta elements, which keep theirs. */
static void
read_attributes_only(xmlNode *n)
{
	if (named(n, "html") || named(n, "head") || named(n, "body") ||
	    named(n, "meta"))
		return;
	for (xmlAttr *a = n->properties, *next; a; a = next) {
		next = a->next;
		if (!attribute_read(a))
			xmlRemoveProp(a);
	}
}

/* Each run of blanks in a text node as its first byte and its line
 * feeds, as the strip shortens the blanks after markup. */
static void
short_blanks(xmlNode *n)
{
	const char *s = (const char *)n->content;
	struct jd_buf b = JD_BUF_INIT;

	if (s == NULL)
		return;
	for (size_t i = 0; s[i];) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n') {
			jd_buf_addc(&b, s[i++]);
			continue;
		}
		jd_buf_addc(&b, s[i++]);
		for (; s[i] == ' ' || s[i] == '\t' || s[i] == '\n'; i++)
			if (s[i] == '\n')
				jd_buf_addc(&b, '\n');
	}
	xmlNodeSetContent(n, (const xmlChar *)jd_buf_str(&b));
	jd_buf_free(&b);
}

/* Style elements emptied; script elements' children as an attribute. */
static void
normalize(xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE)
			read_attributes_only(n);
		if (n->type == XML_TEXT_NODE)
			short_blanks(n);
		int style = n->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(n->name, (const xmlChar *)"style") == 0;
		int script = n->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(n->name, (const xmlChar *)"script") == 0;
		if (script) {
			/* an element libxml2 names script may hold markup it
			 * parsed ("<x:script>"): its blanks cut as any */
			struct jd_buf kids = JD_BUF_INIT;
			for (xmlNode *c = n->children; c; c = c->next) {
				if (c->type == XML_TEXT_NODE)
					short_blanks(c);
				jd_buf_printf(&kids, "[%d:%s]", (int)c->type,
				    c->content ? (const char *)c->content :
				    (const char *)c->name);
			}
			xmlSetProp(n, (const xmlChar *)"jd-script-children",
			    (const xmlChar *)jd_buf_str(&kids));
			jd_buf_free(&kids);
		}
		if (style || script)
			while (n->children) {
				xmlNode *c = n->children;
				xmlUnlinkNode(c);
				xmlFreeNode(c);
			}
		normalize(n->children);
	}
}

/* s[0..n) parsed as hb_parse_utf8 parses it, but with libxml2's own SAX
 * handlers: the same entry, since what libxml2 2.9 reads of some long names
 * depends on how its input buffer was made. */
static htmlDocPtr
libxml2_parse(const char *s, size_t n)
{
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	htmlDocPtr d = htmlCtxtReadMemory(ctxt, s, (int)n, NULL, "UTF-8",
	    HB_PARSE_OPTS);

	htmlFreeParserCtxt(ctxt);
	return d;
}

/* The tree of s[0..n) as text, parsed as jdalign parses a page (sc: what
 * hb_strip_raw set aside) or, given no sc, by libxml2's own handlers. */
static char *
tree(const char *s, size_t n, const struct hb_scripts *sc)
{
	htmlDocPtr d;
	xmlChar *out = NULL;
	int len = 0;
	char *r;

	if (n == 0)
		return xstrdup("");
	d = sc ? hb_parse_utf8(s, n, sc) : libxml2_parse(s, n);
	if (d == NULL)
		return xstrdup("(none)");
	normalize(d->children);
	htmlDocDumpMemory(d, &out, &len);
	r = xstrndup(out ? (const char *)out : "", out ? (size_t)len : 0);
	xmlFree(out);
	xmlFreeDoc(d);
	return r;
}

JD_FUZZ_TARGET(strip)
{
	struct jd_buf page = JD_BUF_INIT, cut = JD_BUF_INIT;
	struct hb_scripts scripts = HB_SCRIPTS_INIT;
	size_t repaired;

	jd_fuzz_init();
	hb_decode((const char *)data, size, JD_WIDEST_UNKNOWN, &page,
	    &repaired);
	jd_buf_add(&cut, page.data ? page.data : "", page.len);
	hb_strip_raw(&cut, &scripts);
	char *a = tree(jd_buf_str(&page), page.len, NULL);
	char *b = tree(jd_buf_str(&cut), cut.len, &scripts);
	/* libxml2 itself may read such a page two ways */
	if (strcmp(a, b) != 0 &&
	    !hb_wide_names(jd_buf_str(&page), page.len)) {
		fprintf(stderr, "strip: trees differ\n--- page\n%s\n--- cut\n"
		    "%s\n", a, b);
		abort();
	}
	free(a);
	free(b);
	jd_buf_free(&page);
	jd_buf_free(&cut);
	hb_scripts_free(&scripts);
	return 0;
}
