/*
 * html_sax.c: builds each element of an HTML page as libxml2's parser
 * starts it, the tree the same as xmlSAX2StartElement (libxml2 2.9.14)
 * makes for an HTML document, without the work that only serves XML and
 * DTDs: splitting names at ':', normalizing values a DTD declares, asking
 * whether an attribute is a reference. Anything that work could change
 * (a name with ':', an xml:id, a DTD with attribute declarations, an XML
 * parse or a validating one) goes to xmlSAX2StartElement itself. This
 * file uses only libxml2's public API and knows nothing of the page.
 */
#include <limits.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/valid.h>

#include "html_dom.h"

/* Out of memory, the parse stops as xmlSAX2StartElement stops it (but
 * for the message, which only libxml2 itself can raise). */
static void
no_memory(xmlParserCtxtPtr ctxt)
{
	ctxt->errNo = XML_ERR_NO_MEMORY;
	ctxt->instate = XML_PARSER_EOF;
	ctxt->disableSAX = 1;
}

/* Whether the attribute name is one xmlSAX2StartElement treats
 * otherwise: xml:id is checked and reported on. */
static int
odd_attr(const xmlChar *name)
{
	return name[0] == 'x' && strcmp((const char *)name, "xml:id") == 0;
}

/* Whether libxml2 would build this element some other way than the one
 * below: an element name with ':' (end: where the name's first ':' or
 * its end is) is split by it. */
static int
needs_libxml2(xmlParserCtxtPtr ctxt, const char *end, const xmlChar **atts)
{
	xmlDocPtr doc = ctxt->myDoc;

	if (!ctxt->html || ctxt->validate || *end == ':' ||
	    doc->type != XML_HTML_DOCUMENT_NODE || doc->extSubset != NULL ||
	    (doc->intSubset != NULL && doc->intSubset->attributes != NULL))
		return 1;
	for (size_t i = 0; atts && atts[i]; i += 2)
		if (odd_attr(atts[i]))
			return 1;
	return 0;
}

/* Whether a parse that does not validate registers IDs at all. */
static int
registers_ids(xmlParserCtxtPtr ctxt)
{
	if (ctxt->loadsubset & XML_SKIP_IDS)
		return 0;
	if (ctxt->replaceEntities == 0)
		return ctxt->external != 2;
	return ctxt->inSubset == 0;
}

/* An HTML document's IDs, as xmlIsID names them: every id attribute
 * and the name of an a element. */
static int
is_id(const xmlNode *elem, const xmlChar *name)
{
	if (name[0] == 'i')
		return name[1] == 'd' && name[2] == '\0';
	return name[0] == 'n' && strcmp((const char *)name, "name") == 0 &&
	    strcmp((const char *)elem->name, "a") == 0;
}

/* One attribute of elem: a fresh copy of its name, a text child holding
 * its value (its own name for a boolean attribute given none, no child
 * for another without one), and its ID registered. */
static void
add_attr(xmlParserCtxtPtr ctxt, xmlNodePtr elem, const xmlChar *name,
    const xmlChar *value)
{
	xmlChar *own = xmlStrndup(name, (int)strlen((const char *)name));
	xmlAttrPtr a;

	if (own == NULL) {
		no_memory(ctxt);
		return;
	}
	if (value == NULL && htmlIsBooleanAttr(name))
		value = name;
	else
		ctxt->vctxt.valid = 1;
	a = xmlNewNsPropEatName(elem, NULL, own, NULL);
	if (a != NULL && value != NULL) {
		a->children = xmlNewDocTextLen(ctxt->myDoc, value,
		    (int)strlen((const char *)value));
		a->last = a->children;
		if (a->children != NULL)
			a->children->parent = (xmlNodePtr)a;
	}
	if (a != NULL && is_id(elem, name) && registers_ids(ctxt))
		xmlAddID(&ctxt->vctxt, ctxt->myDoc, value, a);
}

/* Links the new element where xmlSAX2StartElement does: the document's
 * first child, or a child of the current node, or of the root element
 * when no node is open, or a sibling of the document's first child when
 * that is no element. parent: the current node before the push. */
static void
link_element(xmlNodePtr parent, xmlNodePtr elem)
{
	if (parent == NULL)
		return;
	if (parent->type == XML_ELEMENT_NODE)
		xmlAddChild(parent, elem);
	else
		xmlAddSibling(parent, elem);
}

void
hb_sax_start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = ctx;
	xmlNodePtr elem, parent;
	const char *end;

	if (ctxt == NULL || name == NULL || ctxt->myDoc == NULL)
		return;	/* as xmlSAX2StartElement does */
	end = strchrnul((const char *)name, ':');
	if (needs_libxml2(ctxt, end, atts)) {
		xmlSAX2StartElement(ctx, name, atts);
		return;
	}
	parent = ctxt->node;
	elem = xmlNewDocNodeEatName(ctxt->myDoc, NULL,
	    xmlStrndup(name, (int)(end - (const char *)name)), NULL);
	if (elem == NULL) {
		no_memory(ctxt);
		return;
	}
	if (ctxt->myDoc->children == NULL)
		xmlAddChild((xmlNodePtr)ctxt->myDoc, elem);
	else if (parent == NULL)
		parent = ctxt->myDoc->children;
	ctxt->nodemem = -1;
	if (ctxt->linenumbers && ctxt->input != NULL)
		elem->line = ctxt->input->line < USHRT_MAX ?
		    (unsigned short)ctxt->input->line : USHRT_MAX;
	if (nodePush(ctxt, elem) < 0) {
		xmlUnlinkNode(elem);
		xmlFreeNode(elem);
		return;
	}
	link_element(parent, elem);
	for (size_t i = 0; atts && atts[i]; i += 2)
		add_attr(ctxt, elem, atts[i], atts[i + 1]);
}
