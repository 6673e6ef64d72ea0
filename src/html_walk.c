/*
 * html_walk.c: turns a subtree of the page into lines and sections the way
 * a reader sees it: one line per block, inline tags never split a word,
 * headings (h1-h6, a bold-only line, a short line ending with ':') start
 * sections. What is hidden, furniture or dropped as boilerplate is skipped.
 */
#include <string.h>

#include "html_dom.h"
#include "jdalign/util.h"

#define MAX_HEADING 160

struct walker {
	struct jd_posting *p;
	struct jd_buf line;
	size_t bold, link, text; /* non-space bytes in bold, links, all */
	size_t seen;		/* bytes of text emitted */
	size_t part_heads;	/* requirement-like headings, not links */
	xmlNode *heading;
	int bold_depth, link_depth;
};

static int
bold_tag(const xmlNode *n)
{
	return (hb_tag(n) & HB_BOLD) != 0;
}

static void
flush(struct walker *w, int as_heading)
{
	struct jd_buf n = JD_BUF_INIT;
	int head;

	if (w->line.len == 0)
		goto out;
	hb_normalize(&n, w->line.data, w->line.len);
	if (w->link == w->text && hb_action_text(n.data, n.len))
		goto out;	/* "Apply now", "Back to jobs" */
	head = as_heading || (w->text > 0 && w->bold == w->text &&
	    hb_bold_heading(n.data, n.len)) || hb_text_heading(n.data, n.len);
	w->seen += n.len;
	if (n.len && head && n.len <= MAX_HEADING) {
		size_t before = w->p->nsections;
		hb_heading(w->p, n.data, n.len);
		/* a heading of only colons and spaces starts no section */
		int kind = w->p->nsections > before ?
		    w->p->sections[w->p->nsections - 1].kind : JD_SEC_OTHER;
		w->part_heads += w->link < w->text &&
		    (kind == JD_SEC_REQUIRED || kind == JD_SEC_PREFERRED ||
		    kind == JD_SEC_RESPONSIBILITIES);
	}
	else if (n.len)
		hb_line_take(w->p, &n);	/* n is left empty */
out:
	jd_buf_free(&n);
	jd_buf_reset(&w->line);
	w->bold = w->link = w->text = 0;
}

static int
walk_enter(void *arg, xmlNode *n)
{
	struct walker *w = arg;

	if (hb_skipped(n) || hb_main_dropped(n))
		return 0;
	if (hb_block_tag(n))
		flush(w, 0);
	if (hb_heading_tag(n) && w->heading == NULL)
		w->heading = n;
	if (bold_tag(n))
		w->bold_depth++;
	if (hb_tag(n) & HB_LINK)
		w->link_depth++;
	return 1;
}

static void
walk_leave(void *arg, xmlNode *n)
{
	struct walker *w = arg;

	if (bold_tag(n))
		w->bold_depth--;
	if (hb_tag(n) & HB_LINK)
		w->link_depth--;
	if (n == w->heading) {
		flush(w, 1);
		w->heading = NULL;
	} else if (hb_block_tag(n))
		flush(w, 0);
}

/* The bytes of s[0..n) above ' ', eight at a time. */
static size_t
solid_bytes(const char *s, size_t n)
{
	size_t k = 0, i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w = jd_load8(s + i);
		k += jd_bytes_marked(~jd_bytes_below(w, ' ' + 1) & JD_HIGHS);
	}
	for (; i < n; i++)
		k += (unsigned char)s[i] > ' ';
	return k;
}

static void
walk_text(void *arg, xmlNode *n)
{
	struct walker *w = arg;
	const char *s = (const char *)n->content;
	size_t len, solid;

	if (s == NULL)
		return;
	len = strlen(s);
	solid = solid_bytes(s, len);
	jd_buf_add(&w->line, s, len);
	w->text += solid;
	if (w->bold_depth > 0)
		w->bold += solid;
	if (w->link_depth > 0)
		w->link += solid;
}

size_t
hb_walk(struct jd_posting *p, xmlNode *root, size_t *part_heads)
{
	struct walker w = { .p = p };
	struct hb_visitor v = { walk_enter, walk_leave, walk_text, &w };

	hb_visit(root, &v);
	flush(&w, 0);
	jd_buf_free(&w.line);
	if (part_heads)
		*part_heads += w.part_heads;
	return w.seen;
}
