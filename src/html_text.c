/*
 * html_text.c: plain-text and Markdown postings: a title line, optional
 * "Company:" / "Location:" lines, then headings (Markdown '#', bold lines,
 * short lines ending with ':', all-capital lines) and bulleted lines.
 */
#include <stddef.h>
#include <string.h>

#include "html_int.h"
#include "jdalign/util.h"

/* Strips list marks ("- ", "* ", "• ", "1. ") and Markdown emphasis. */
static const char *
strip_mark(const char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	if (*n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
	    s[1] == ' ') {
		s += 2;
		*n -= 2;
	} else if (*n >= 4 && memcmp(s, "\xe2\x80\xa2", 3) == 0) {
		s += 3;
		*n -= 3;
	} else {
		size_t d = 0;
		while (d < *n && d < 3 && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d && d + 1 < *n && (s[d] == '.' || s[d] == ')') &&
		    s[d + 1] == ' ') {
			s += d + 2;
			*n -= d + 2;
		}
	}
	return s;
}

/* "**Heading**" alone on its line; sets the inner span. */
static int
bold_line(const char *s, size_t n, const char **in, size_t *m)
{
	if (n > 4 && memcmp(s, "**", 2) == 0 && memcmp(s + n - 2, "**", 2) == 0
	    && memmem(s + 2, n - 4, "**", 2) == NULL) {
		*in = s + 2;
		*m = n - 4;
		return 1;
	}
	return 0;
}

/* "Company: Acme" or "**Company:** Acme": sets the field, returns 1. */
static int
label(struct jd_posting *p, const char *s, size_t n)
{
	static const struct { const char *label; size_t off; } labels[] = {
		{ "company", offsetof(struct jd_posting, company) },
		{ "employer", offsetof(struct jd_posting, company) },
		{ "location", offsetof(struct jd_posting, location) },
		{ "title", offsetof(struct jd_posting, title) },
		{ "role", offsetof(struct jd_posting, title) },
		{ "position", offsetof(struct jd_posting, title) },
	};
	struct jd_buf b = JD_BUF_INIT;

	for (size_t i = 0; i < n && i < 40; i++)
		if (s[i] != '*' && s[i] != '_')
			jd_buf_addc(&b, s[i] >= 'A' && s[i] <= 'Z' ?
			    (char)(s[i] + 32) : s[i]);
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		size_t l = strlen(labels[i].label);
		if (b.len > l && strncmp(b.data, labels[i].label, l) == 0 &&
		    b.data[l] == ':') {
			const char *v = memchr(s, ':', n) + 1;
			while (v < s + n &&
			    (*v == '*' || *v == ' ' || *v == '_'))
				v++;
			char **field = (char **)((char *)p + labels[i].off);
			hb_set(field, v, (size_t)(s + n - v));
			jd_buf_free(&b);
			return 1;
		}
	}
	jd_buf_free(&b);
	return 0;
}

struct tstate {
	struct jd_buf item;	/* a bullet, joined across wrapped lines */
	int header;		/* still in the lines before the first gap */
	int headerlines;
};

static void
flush_item(struct jd_posting *p, struct tstate *st)
{
	if (st->item.len)
		hb_line(p, st->item.data, st->item.len);
	jd_buf_reset(&st->item);
}

static void
text_line(struct jd_posting *p, struct tstate *st, const char *s, size_t n,
    int md)
{
	const char *in;
	size_t m, raw = n;
	int indented = n && (s[0] == ' ' || s[0] == '\t');

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
		n--;
	if (n == 0) {
		flush_item(p, st);
		st->header = 0;
		return;
	}
	if (md && s[0] == '#') {
		flush_item(p, st);
		while (n && (*s == '#' || *s == ' ')) {
			s++;
			n--;
		}
		if (p->title == NULL)
			hb_set(&p->title, s, n);
		else
			hb_heading(p, s, n);
		st->header = 0;
		return;
	}
	if (label(p, s, n))
		return;
	if (!md && st->header && st->headerlines < 3) {
		char **f = st->headerlines == 0 ? &p->title :
		    st->headerlines == 1 ? &p->company : &p->location;
		st->headerlines++;
		hb_set(f, s, n);
		return;
	}
	if (bold_line(s, n, &in, &m) || hb_text_heading(s, n)) {
		flush_item(p, st);
		hb_heading(p, bold_line(s, n, &in, &m) ? in : s,
		    bold_line(s, n, &in, &m) ? m : n);
		return;
	}
	const char *body = strip_mark(s, &n);
	if (body != s || !indented || st->item.len == 0) {
		flush_item(p, st);
		jd_buf_add(&st->item, body, n);
	} else {
		jd_buf_addc(&st->item, ' ');
		jd_buf_add(&st->item, body, n);
	}
	(void)raw;
	if (body == s && !indented && !md)
		flush_item(p, st);
}

void
hb_text_posting(struct jd_posting *p, const char *s, size_t n, int md)
{
	struct tstate st = { JD_BUF_INIT, 1, 0 };
	const char *end = s + n;

	p->source = "text";
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		text_line(p, &st, s, (size_t)(e - s), md);
		s = e + 1;
	}
	flush_item(p, &st);
	jd_buf_free(&st.item);
	hb_classify(p, "", 0);
	if (p->status == JD_POST_EMPTY && jd_posting_text_size(p) > 0)
		p->status = JD_POST_OK;
}

/* A short line without a full stop that names a section kind:
 * "What You'll Do", "Required Qualifications". */
static int
short_known_heading(const char *s, size_t n)
{
	size_t words = 1;
	char *h;
	int kind;

	if (n == 0 || n > 60 || s[n - 1] == '.')
		return 0;
	for (size_t i = 0; i < n; i++)
		words += s[i] == ' ';
	if (words > 6)
		return 0;
	h = xstrndup(s, n);
	kind = jd_html_heading_kind(h);
	free(h);
	return kind >= 0;
}

void
hb_plain_lines(struct jd_posting *p, const char *s, size_t n)
{
	const char *end = s + n;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		size_t m = (size_t)(e - s);
		const char *body = strip_mark(s, &m);
		while (m && (body[m - 1] == ' ' || body[m - 1] == '\r'))
			m--;
		if (body == s && (hb_text_heading(body, m) ||
		    short_known_heading(body, m)))
			hb_heading(p, body, m);
		else
			hb_line(p, body, m);
		s = e + 1;
	}
}
