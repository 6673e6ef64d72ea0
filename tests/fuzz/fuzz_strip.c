/*
 * fuzz_strip.c: html_strip.c against libxml2. A page as hb_decode makes it
 * and the same page with its style text dropped must parse to the same
 * tree once every style element is emptied; a difference aborts.
 */
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "fuzz.h"
#include "../../src/html_dom.h"
#include "../../src/html_int.h"

#define STRIP_OPTS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
	HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT | \
	XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC)

static void
empty_styles(xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(n->name, (const xmlChar *)"style") == 0) {
			while (n->children) {
				xmlNode *c = n->children;
				xmlUnlinkNode(c);
				xmlFreeNode(c);
			}
		}
		empty_styles(n->children);
	}
}

/* The tree of s[0..n) as text, style elements emptied. */
static char *
tree(const char *s, size_t n)
{
	htmlDocPtr d;
	xmlChar *out = NULL;
	int len = 0;
	char *r;

	if (n == 0)
		return xstrdup("");
	d = htmlReadMemory(s, (int)n, NULL, "UTF-8", STRIP_OPTS);
	if (d == NULL)
		return xstrdup("(none)");
	empty_styles(d->children);
	htmlDocDumpMemory(d, &out, &len);
	r = xstrndup(out ? (const char *)out : "", out ? (size_t)len : 0);
	xmlFree(out);
	xmlFreeDoc(d);
	return r;
}

JD_FUZZ_TARGET(strip)
{
	struct jd_buf page = JD_BUF_INIT, cut = JD_BUF_INIT;
	size_t repaired;

	jd_fuzz_init();
	hb_decode((const char *)data, size, JD_WIDEST_UNKNOWN, &page,
	    &repaired);
	jd_buf_add(&cut, page.data ? page.data : "", page.len);
	hb_strip_styles(&cut);
	char *a = tree(jd_buf_str(&page), page.len);
	char *b = tree(jd_buf_str(&cut), cut.len);
	if (strcmp(a, b) != 0) {
		fprintf(stderr, "strip: trees differ\n--- page\n%s\n--- cut\n"
		    "%s\n", a, b);
		abort();
	}
	free(a);
	free(b);
	jd_buf_free(&page);
	jd_buf_free(&cut);
	return 0;
}
