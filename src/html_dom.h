/*
 * html_dom.h: what the libxml2 side of the html module shares: parsing
 * bytes into a tree, walking it without recursion, what a reader never
 * sees, the main-content choice, the page's head and embedded data. Only
 * files of the html module include it; public headers never see libxml2.
 */
#ifndef JDALIGN_HTML_DOM_H
#define JDALIGN_HTML_DOM_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "html_int.h"

/* Largest page handed to the parser; the rest is dropped with a warning. */
#define HB_MAX_PARSE ((size_t)256 << 20)
/* Attributes kept on one tag: libxml2 2.9.14 is quadratic in them. */
#define HB_MAX_ATTRS 256
/* How a page is parsed (hb_parse_utf8). */
#define HB_PARSE_OPTS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
	HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT | \
	XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC)

/* ------------------------------------------------------------ html_enc.c */

/*
 * Turns the bytes of a page into valid UTF-8 ready for the parser: a BOM,
 * a declared charset, valid UTF-8, else Windows-1252; NUL bytes become
 * spaces, doubly encoded UTF-8 is repaired (*repaired counts it) and tags
 * with more than HB_MAX_ATTRS attributes are cut short. widest: the most
 * attributes a tag of s has (from jd_load_guard), or JD_WIDEST_UNKNOWN.
 * s may be out's own data (then out is read as s, and valid UTF-8 stays
 * where it is), else out is replaced. Returns the encoding it read
 * ("utf-8", "windows-1252", ...): static.
 */
const char *hb_decode(const char *s, size_t n, size_t widest,
    struct jd_buf *out, size_t *repaired);
/* Parses UTF-8 made by hb_decode and hb_strip_raw (sc: the scripts it set
 * aside, or NULL) and prepares the tree with hb_dom_prepare; NULL when
 * libxml2 gives no tree. */
htmlDocPtr hb_parse_utf8(const char *s, size_t n,
    const struct hb_scripts *sc);
/* Frees a tree from hb_parse_utf8 (html_mem.c): nothing to do when all
 * of it lies in the page's slab. */
void hb_free_doc(xmlDocPtr doc);

/* ------------------------------------------------------------ html_sax.c */

/* libxml2's startElement for an HTML parse: builds the element and its
 * attributes as xmlSAX2StartElement does, for less. */
void hb_sax_start_element(void *ctx, const xmlChar *name,
    const xmlChar **atts);

/* ------------------------------------------------------------ html_dom.c */

/*
 * Visits root and its subtree in document order without recursion: enter
 * is called on each element and returns 1 to go into it (leave is then
 * called after its children) or 0 to skip it; text is called on text and
 * CDATA nodes.
 */
struct hb_visitor {
	int (*enter)(void *arg, xmlNode *n);
	void (*leave)(void *arg, xmlNode *n);
	void (*text)(void *arg, xmlNode *n);
	void *arg;
};
void hb_visit(xmlNode *root, const struct hb_visitor *v);
/* Computes, once per document, what the visibility decisions need to
 * know of each element's subtree. */
void hb_dom_prepare(xmlNode *root);

/* Tag classes. */
enum {
	HB_BLOCK = 1,		/* starts a new line */
	HB_UNSEEN = 2,		/* never shown as text */
	HB_FURNITURE = 4,	/* nav, header, footer, aside, form, ... */
	HB_PARA = 8,		/* a paragraph-like block that scores */
	HB_CONTAINER = 16,	/* may be named unlikely to be content */
	HB_CLEAN = 32,		/* may be dropped as link-heavy */
	HB_HEADING = 64,	/* h1-h6 */
	HB_BOLD = 128,		/* b, strong */
	HB_CONTROL = 256,	/* buttons and fields */
	HB_LINK = 512,		/* a */
	HB_H1 = 1024,		/* h1 */
	HB_MAINLIKE = 2048	/* main, article */
};
/* The classes of an element's tag (0 for other nodes). */
unsigned hb_tag(const xmlNode *n);
int hb_is(const xmlNode *n, const char *name);
int hb_heading_tag(const xmlNode *n);
/* Elements that start a new line (p, div, li, h1, br, ...). */
int hb_block_tag(const xmlNode *n);
/* Never shown as text: script, style, form controls, head, ... */
int hb_unseen_tag(const xmlNode *n);
/* Hidden by hidden, inline style, a screen-reader class, or aria-hidden
 * on a small subtree. */
int hb_hidden(xmlNode *n);
/* Page furniture: nav, header, footer, aside, an application form, short
 * dialogs, cookie and consent banners (by tag, role, id or class). */
int hb_furniture(xmlNode *n);
/* hb_unseen_tag || hb_hidden || hb_furniture. */
int hb_skipped(xmlNode *n);
/* The attribute's value lower-cased, or NULL; the caller frees it. */
char *hb_attr_lower(xmlNode *n, const char *attr);
/* Does the lower-cased attribute value contain needle (any value when
 * needle is NULL)? */
int hb_attr_has(xmlNode *n, const char *attr, const char *needle);
/* The class and id of n, lower-cased, joined by a space; caller frees. */
char *hb_class_id(xmlNode *n);
/* The visible text of n, white space collapsed; caller frees. */
char *hb_node_text(xmlNode *n);
/* Counts characters as a reader sees them: runs of white space count one.
 * *space: whether the text before ended in white space (set for the next). */
size_t hb_text_chars(const char *s, size_t n, int *space);
/* hb_text_chars of a text node's content, counted once and kept in the
 * node's psvi field (which libxml2 uses only for schema validation). */
size_t hb_node_chars(xmlNode *n, int *space);

/* ------------------------------------------------------------ html_walk.c */

/* Emits the lines and headings of root's subtree into p, leaving out what
 * hb_skipped says and what html_main.c dropped. Returns the visible text's
 * length in bytes; adds to *part_heads (when not NULL) the headings that
 * name a part of a posting (requirements, responsibilities, nice to have)
 * and are not links. */
size_t hb_walk(struct jd_posting *p, xmlNode *root, size_t *part_heads);

/* ------------------------------------------------------------ html_main.c */

/* The main content: the chosen nodes in document order (NULL-terminated,
 * the caller frees the array) and the links in them that read like job
 * titles, before and after link-heavy blocks were dropped. */
struct hb_main {
	xmlNode **nodes;
	size_t jobs_all, jobs_kept;
};

/*
 * Finds the page's main content readability-style: paragraphs score their
 * ancestors by length and commas, scores are damped by link density, the
 * best container wins and takes along siblings that score well or read as
 * prose; link-heavy blocks inside it are dropped (hb_main_dropped).
 */
void hb_main_content(xmlNode *body, struct hb_main *m);
/* Distinct links under root whose text reads like a job title. */
size_t hb_job_links(xmlNode *root);
/* Was n dropped by the last hb_main_content on its document? */
int hb_main_dropped(const xmlNode *n);
/* Releases what hb_main_content left on the document's nodes. */
void hb_main_reset(xmlNode *root);

/* ------------------------------------------------------------ html_meta.c */

#define HB_MAX_HEADS 12
#define HB_MAX_LD 32

/* What the head and the visible headings say about the page. */
struct hb_head {
	char *title, *og_title, *tw_title, *og_desc, *desc, *site, *app,
	    *url, *location, *dom_location;
	char *heads[HB_MAX_HEADS];	/* visible h1-h3 texts, in order */
	int levels[HB_MAX_HEADS];
	size_t nheads;
	int jsonld;		/* 0 none, 1 a JobPosting, 2 one with text */
	size_t postings;	/* JobPostings in all JSON-LD blocks */
	char *ld[HB_MAX_LD];	/* the JSON-LD blocks */
	size_t nld;
	int password;		/* a password field: a login form */
	int tries;		/* headings and locations looked at */
	xmlNode *hidden;	/* while inside a hidden subtree */
	char *label;		/* the last twitter:labelN read */
};

/* Reads meta tags, the title, the first visible headings and every JSON-LD
 * block (filling p from a JobPosting). */
void hb_head_scan(struct hb_head *h, struct jd_posting *p, xmlNode *root);
void hb_head_free(struct hb_head *h);
/* Fills p's missing title, company and location from h. */
void hb_head_infer(struct hb_head *h, struct jd_posting *p);

/* ------------------------------------------------------------ html_embed.c */

/* The page's embedded application data: the texts in its scripts and
 * data-* attributes that may hold JSON, found in the tree under root
 * (which must outlive it). */
struct hb_emb *hb_embedded_find(xmlNode *root);
/* At least as many bytes as any description hb_embedded_read could read
 * from e gives (headings and lines together). */
size_t hb_embedded_most(const struct hb_emb *e);
/* Reads the largest description in e into p; returns 1 when one was
 * found. Descriptions inside lists of job-like items (other jobs) are
 * counted in *job_items and read only when there is nothing else and
 * fewer than three. */
int hb_embedded_read(struct jd_posting *p, const struct hb_emb *e,
    size_t *job_items);
void hb_embedded_free(struct hb_emb *e);

/* ------------------------------------------------------------ html_status.c */

/* Does the lower-cased text read like a bot or login wall? */
int hb_wall_text(const char *lower);
/* Does it read like a job search or careers index page? */
int hb_listing_text(const char *lower);
/* Does a link's text read like a job title ("Senior Data Engineer")? */
int hb_job_title_like(const char *s, size_t n);
/* Is the whole of a link's text a call to action ("Apply now", "Back to
 * jobs")? */
int hb_action_text(const char *s, size_t n);
/* Is s a job board's name ("LinkedIn", "Indeed.com", "Built In NYC")? */
int hb_board_name(const char *s, size_t n);

#endif
