/*
 * resume.c: reads resumes. Text and Markdown line by line (list marks,
 * wrapped bullets, headings, role lines); HTML through libxml2 into the same
 * line form first. Knows nothing of postings or terms.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "jdalign/buf.h"
#include "jdalign/resume.h"
#include "jdalign/util.h"

#define MAX_HEADING 80

struct rstate {
	struct jd_resume *r;
	struct jd_buf bullet;
	long bullet_line;
	int bullet_hidden;
	char *section;		/* current section heading */
	char *role;		/* current role line, if any */
	int nroles;		/* roles seen */
	int index;		/* bullets under the current role/section */
	int after_bullet;	/* the previous line was part of a bullet */
	int pending_role;	/* a plain line that may be a role line */
	char *pending;
	long pending_line;
	int hidden_line;	/* HTML: the line being read is hidden */
};

static void
push(char ***v, size_t *n, size_t *cap, char *s)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = s;
}

static char *
trimmed(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

/* SECTION id: the heading's letters, upper case, at most 12. */
static void
section_id(struct jd_buf *b, const char *heading)
{
	size_t start = b->len;

	for (const char *p = heading; *p && b->len - start < 12; p++)
		if ((*p | 32) >= 'a' && (*p | 32) <= 'z')
			jd_buf_addc(b, (char)(*p >= 'a' ? *p - 32 : *p));
	if (b->len == start)
		jd_buf_adds(b, "B");
}

static void
flush_bullet(struct rstate *st)
{
	struct jd_resume *r = st->r;
	struct jd_bullet *b;
	struct jd_buf id = JD_BUF_INIT;

	if (st->bullet.len == 0)
		return;
	if (r->nbullets == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->bullets = xreallocarray(r->bullets, r->cap, sizeof *r->bullets);
	}
	b = &r->bullets[r->nbullets++];
	st->index++;
	if (st->role)
		jd_buf_printf(&id, "R%d-%d", st->nroles, st->index);
	else {
		section_id(&id, st->section ? st->section : "B");
		jd_buf_printf(&id, "-%d", st->index);
	}
	b->id = jd_buf_take(&id);
	b->text = trimmed(st->bullet.data, st->bullet.len);
	b->context = xstrdup(st->role ? st->role :
	    st->section ? st->section : "");
	b->line = st->bullet_line;
	b->hidden = st->bullet_hidden;
	jd_buf_reset(&st->bullet);
	st->bullet_hidden = 0;
}

/* The title part of a role line: before " — ", " | ", " at ", ", ". */
static char *
title_of(const char *role)
{
	static const char *const seps[] = {
		" \xe2\x80\x94 ", " \xe2\x80\x93 ", " - ", " | ", " at ", ", ",
		" @ ", " (", NULL
	};
	size_t n = strlen(role);

	for (const char *const *s = seps; *s; s++) {
		const char *p = strstr(role, *s);
		if (p && (size_t)(p - role) < n)
			n = (size_t)(p - role);
	}
	return trimmed(role, n);
}

static void
set_role(struct rstate *st, const char *line)
{
	free(st->role);
	st->role = xstrdup(line);
	st->nroles++;
	st->index = 0;
	push(&st->r->titles, &st->r->ntitles, &st->r->tcap, title_of(line));
}

static void
set_section(struct rstate *st, const char *line)
{
	free(st->section);
	st->section = xstrdup(line);
	free(st->role);
	st->role = NULL;
	st->index = 0;
}

static int
experience_section(const char *s)
{
	static const char *const words[] = {
		"xperience", "mployment", "ork history", "areer", "XPERIENCE",
		"MPLOYMENT", "ORK HISTORY", "rofessional", "ROFESSIONAL", NULL
	};
	for (const char *const *w = words; s && *w; w++)
		if (strstr(s, *w))
			return 1;
	return 0;
}

/* A line that names a role: has a date range or a separator. */
static int
role_like(const char *s)
{
	int digits = 0;

	for (const char *p = s; *p; p++)
		digits += *p >= '0' && *p <= '9';
	return digits >= 4 || strstr(s, " \xe2\x80\x94 ") ||
	    strstr(s, " \xe2\x80\x93 ") || strstr(s, " | ") ||
	    strstr(s, " at ") || strstr(s, " - ");
}

static int
heading_line(const char *s, size_t n)
{
	size_t letters = 0, upper = 0;

	if (n == 0 || n > MAX_HEADING)
		return 0;
	if (s[n - 1] == ':')
		return 1;
	for (size_t i = 0; i < n; i++) {
		letters += (s[i] | 32) >= 'a' && (s[i] | 32) <= 'z';
		upper += s[i] >= 'A' && s[i] <= 'Z';
	}
	return letters >= 4 && upper == letters;
}

/* Returns the text after a list mark, or NULL when the line has none. */
static const char *
list_mark(const char *s, size_t *n)
{
	static const char *const marks[] = {
		"- ", "* ", "+ ", "\xe2\x80\xa2", "\xe2\x80\x93 ",
		"\xe2\x80\x94 ", "\xc2\xb7 ", "\xe2\x97\x8f", "\xe2\x96\xaa", NULL
	};
	for (const char *const *m = marks; *m; m++) {
		size_t l = strlen(*m);
		if (*n >= l && memcmp(s, *m, l) == 0) {
			*n -= l;
			return s + l;
		}
	}
	size_t d = 0;
	while (d < *n && d < 3 && s[d] >= '0' && s[d] <= '9')
		d++;
	if (d && d + 1 < *n && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') {
		*n -= d + 2;
		return s + d + 2;
	}
	return NULL;
}

static void
flush_pending(struct rstate *st)
{
	if (st->pending)
		push(&st->r->lines, &st->r->nlines, &st->r->lcap, st->pending);
	st->pending = NULL;
}

static void
heading(struct rstate *st, char *h, int level)
{
	flush_bullet(st);
	flush_pending(st);
	if (level >= 3 || (st->section && experience_section(st->section) &&
	    role_like(h)))
		set_role(st, h);
	else if (level != 1 || st->section)
		set_section(st, h);
	free(h);
}

static void
line(struct rstate *st, const char *s, size_t n, long lineno, int md)
{
	if (st->hidden_line && st->after_bullet)
		st->bullet_hidden = 1;
	int indented = n && (s[0] == ' ' || s[0] == '\t');
	char *t = trimmed(s, n);
	size_t m = strlen(t);
	const char *body;

	if (m == 0) {
		flush_bullet(st);
		flush_pending(st);
		st->after_bullet = 0;
		free(t);
		return;
	}
	if (t[0] == '#' && (md || t[1] == '#' || t[1] == ' ')) {
		int level = 0;
		while (t[level] == '#')
			level++;
		heading(st, trimmed(t + level, m - (size_t)level), level);
		free(t);
		st->after_bullet = 0;
		return;
	}
	if ((body = list_mark(t, &m)) != NULL) {
		flush_bullet(st);
		if (st->pending && !st->role && role_like(st->pending)) {
			set_role(st, st->pending);
			free(st->pending);
			st->pending = NULL;
		}
		flush_pending(st);
		jd_buf_add(&st->bullet, body, m);
		st->bullet_line = lineno;
		st->bullet_hidden = st->hidden_line;
		st->after_bullet = 1;
	} else if (st->after_bullet && (indented || !md)) {
		jd_buf_addc(&st->bullet, ' ');
		jd_buf_add(&st->bullet, t, m);
	} else if (heading_line(t, m)) {
		while (m && t[m - 1] == ':')
			t[--m] = '\0';
		heading(st, xstrdup(t), 2);
	} else {
		flush_bullet(st);
		flush_pending(st);
		st->after_bullet = 0;
		if (st->section && experience_section(st->section) &&
		    role_like(t)) {
			set_role(st, t);
		} else {
			st->pending = xstrdup(t);
			st->pending_line = lineno;
		}
	}
	free(t);
}

static void
parse_text(struct jd_resume *r, const char *s, size_t n, int md)
{
	struct rstate st = { .r = r };
	const char *end = s + n;
	long lineno = 0;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		line(&st, s, (size_t)(e - s), ++lineno, md);
		s = e + 1;
	}
	flush_bullet(&st);
	flush_pending(&st);
	jd_buf_free(&st.bullet);
	free(st.section);
	free(st.role);
}

/* No list marks at all (text from a PDF): every plain line is a bullet. */
static void
lines_as_bullets(struct jd_resume *r)
{
	for (size_t i = 0; i < r->nlines; i++) {
		struct jd_bullet b = { 0 };
		struct jd_buf id = JD_BUF_INIT;
		jd_buf_printf(&id, "L-%zu", i + 1);
		b.id = jd_buf_take(&id);
		b.text = r->lines[i];
		b.context = xstrdup("");
		b.line = 0;
		if (r->nbullets == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 32;
			r->bullets = xreallocarray(r->bullets, r->cap,
			    sizeof *r->bullets);
		}
		r->bullets[r->nbullets++] = b;
	}
	r->nlines = 0;
}

/* ------------------------------------------------------------ HTML */

#define PARSE_OPTS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
	HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT | \
	XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC)

/*
 * Hidden text: what a sighted reader cannot see. Inline styles are read
 * declaration by declaration (a property matches only by its whole name,
 * so background-color is not color and border-width is not width); text
 * coloured like the background it stands on is hidden, white on a dark
 * background is not. aria-hidden hides from screen readers only: visible.
 */

/* The value of property prop in a folded style (";a:b;c:d;"), or NULL. */
static const char *
style_get(const char *style, const char *prop, char *val, size_t n)
{
	char key[40];
	const char *at;
	size_t k;

	snprintf(key, sizeof key, ";%s:", prop);
	if ((at = strstr(style, key)) == NULL)
		return NULL;
	at += strlen(key);
	k = strcspn(at, ";!");
	if (k >= n)
		k = n - 1;
	memcpy(val, at, k);
	val[k] = '\0';
	return val;
}

/* A style lower-cased, spaces dropped, between ';' marks. */
static void
style_fold(struct jd_buf *b, const char *style)
{
	jd_buf_addc(b, ';');
	for (const char *p = style; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			jd_buf_addc(b, *p >= 'A' && *p <= 'Z' ?
			    (char)(*p + 32) : *p);
	jd_buf_addc(b, ';');
}

static int
hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ?
	    c - 'a' + 10 : -1;
}

/* Parses a CSS colour at the start of v: 1 with rgb[] set, 2 when it is
 * transparent, 0 when it is not one jdalign knows. */
static int
css_color(const char *v, int rgb[3])
{
	size_t n = strspn(v + (*v == '#'), "0123456789abcdef");

	if (*v == '#' && (n == 3 || n == 4)) {
		for (int i = 0; i < 3; i++)
			rgb[i] = hex(v[1 + i]) * 17;
		return n == 4 && hex(v[4]) == 0 ? 2 : 1;
	}
	if (*v == '#' && (n == 6 || n == 8)) {
		for (int i = 0; i < 3; i++)
			rgb[i] = hex(v[1 + 2 * i]) * 16 + hex(v[2 + 2 * i]);
		return n == 8 && v[7] == '0' && v[8] == '0' ? 2 : 1;
	}
	if (strncmp(v, "rgb", 3) == 0 && strchr(v, '(')) {
		char *e;
		const char *p = strchr(v, '(') + 1;
		for (int i = 0; i < 3; i++) {
			rgb[i] = (int)strtol(p, &e, 10);
			p = e + (*e == ',');
		}
		return *p && strtod(p, NULL) == 0 && v[3] == 'a' ? 2 : 1;
	}
	if (strncmp(v, "transparent", 11) == 0)
		return 2;
	if (strncmp(v, "white", 5) == 0 || strncmp(v, "snow", 4) == 0) {
		rgb[0] = rgb[1] = rgb[2] = 255;
		return 1;
	}
	if (strncmp(v, "black", 5) == 0) {
		rgb[0] = rgb[1] = rgb[2] = 0;
		return 1;
	}
	return 0;
}

/* The background colour n stands on: its own or its nearest ancestor's,
 * white by default. 0 when it is an image or a colour jdalign cannot read
 * (then nothing is called hidden by colour). */
static int
background(xmlNode *n, int rgb[3])
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)"style");
		xmlChar *bg = xmlGetProp(n, (const xmlChar *)"bgcolor");
		struct jd_buf b = JD_BUF_INIT;
		char val[64];
		int k = -1;
		style_fold(&b, v ? (char *)v : "");
		if (bg) {	/* the attribute, as if it were a style */
			jd_buf_adds(&b, "bgcolor");
			style_fold(&b, (char *)bg);
		}
		if (style_get(b.data, "background-color", val, sizeof val) ||
		    style_get(b.data, "background", val, sizeof val) ||
		    style_get(b.data, "bgcolor", val, sizeof val))
			k = css_color(val, rgb);
		xmlFree(v);
		xmlFree(bg);
		jd_buf_free(&b);
		if (k == 0 || k == 1)
			return k;
	}
	rgb[0] = rgb[1] = rgb[2] = 255;
	return 1;
}

/* A CSS length in px (em and rem as 16px, pt as 4/3 px); 1e9 if unread. */
static double
css_px(const char *v)
{
	char *e;
	double x = strtod(v, &e);

	if (e == v)
		return 1e9;
	if (strncmp(e, "em", 2) == 0 || strncmp(e, "rem", 3) == 0)
		return x * 16;
	if (strncmp(e, "pt", 2) == 0)
		return x * 4 / 3;
	if (*e == '%')
		return x * 16 / 100;
	return x;
}

/* Does colour value v (of element n) match what it stands on? */
static int
color_hides(xmlNode *n, const char *v)
{
	int fg[3], bg[3], k = css_color(v, fg);

	if (k == 2)
		return 1;
	if (k == 0 || background(n, bg) != 1)
		return 0;
	for (int i = 0; i < 3; i++)
		if (fg[i] - bg[i] > 16 || bg[i] - fg[i] > 16)
			return 0;
	return 1;
}

/* Off screen, clipped away, invisible, or too small to read. */
static int
geometry_hides(const char *s)
{
	static const char *const offsets[] = {
		"left", "top", "right", "text-indent", "margin-left",
		"margin-top", NULL
	};
	char v[64], o[64];
	int clipped = style_get(s, "overflow", o, sizeof o) &&
	    (strcmp(o, "hidden") == 0 || strcmp(o, "clip") == 0);

	for (const char *const *p = offsets; *p; p++)
		if (style_get(s, *p, v, sizeof v) && css_px(v) <= -500)
			return 1;
	if ((style_get(s, "font-size", v, sizeof v) && css_px(v) <= 1) ||
	    (style_get(s, "opacity", v, sizeof v) && strtod(v, NULL) <= 0.05 &&
	    v[0] >= '0' && v[0] <= '9') ||
	    (style_get(s, "clip", v, sizeof v) &&
	    strncmp(v, "rect(0", 6) == 0) ||
	    (style_get(s, "transform", v, sizeof v) &&
	    strncmp(v, "scale(0)", 8) == 0))
		return 1;
	return clipped && ((style_get(s, "height", v, sizeof v) &&
	    css_px(v) <= 1) || (style_get(s, "width", v, sizeof v) &&
	    css_px(v) <= 1) || (style_get(s, "max-height", v, sizeof v) &&
	    css_px(v) <= 1));
}

static int
style_hides(xmlNode *n, const char *style)
{
	struct jd_buf b = JD_BUF_INIT;
	char v[64];
	int hid;

	style_fold(&b, style);
	hid = (style_get(b.data, "display", v, sizeof v) &&
	    strcmp(v, "none") == 0) ||
	    (style_get(b.data, "visibility", v, sizeof v) &&
	    (strcmp(v, "hidden") == 0 || strcmp(v, "collapse") == 0)) ||
	    (style_get(b.data, "color", v, sizeof v) && color_hides(n, v)) ||
	    geometry_hides(b.data);
	jd_buf_free(&b);
	return hid;
}

static int
node_hidden(xmlNode *n)
{
	xmlChar *v;
	int hid = xmlHasProp(n, (const xmlChar *)"hidden") != NULL;

	if (!hid && (v = xmlGetProp(n, (const xmlChar *)"style"))) {
		hid = style_hides(n, (char *)v);
		xmlFree(v);
	}
	if (!hid && strcmp((const char *)n->name, "font") == 0 &&
	    (v = xmlGetProp(n, (const xmlChar *)"color"))) {
		struct jd_buf b = JD_BUF_INIT;
		style_fold(&b, (char *)v);
		b.data[b.len - 1] = '\0';
		hid = color_hides(n, b.data + 1);
		jd_buf_free(&b);
		xmlFree(v);
	}
	return hid;
}

struct hwalk {
	struct rstate st;
	struct jd_buf text;
	const char *prefix;	/* "- " in a list item, "## " in a heading */
	xmlNode *block;		/* the element the text belongs to */
	int hidden_depth;	/* > 0 inside a hidden element */
	int any_hidden;		/* some of the block's text was hidden */
	int any_visible;
	long lineno;
};

static int
is_tag(xmlNode *n, const char *name)
{
	return strcmp((const char *)n->name, name) == 0;
}

static const char *
block_prefix(xmlNode *n)
{
	static const char *const heads[] = {
		"# ", "## ", "### ", "#### ", "##### ", "###### "
	};
	const char *name = (const char *)n->name;

	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2])
		return heads[name[1] - '1'];
	if (is_tag(n, "li"))
		return "- ";
	if (is_tag(n, "p") || is_tag(n, "div") || is_tag(n, "br") ||
	    is_tag(n, "tr") || is_tag(n, "section") || is_tag(n, "td") ||
	    is_tag(n, "ul") || is_tag(n, "ol") || is_tag(n, "table"))
		return "";
	return NULL;
}

static void
hflush(struct hwalk *w)
{
	struct jd_buf l = JD_BUF_INIT;

	for (size_t i = 0; i < w->text.len; i++)
		if (w->text.data[i] != '\n' && w->text.data[i] != '\r' &&
		    w->text.data[i] != '\t')
			jd_buf_addc(&l, w->text.data[i]);
		else
			jd_buf_addc(&l, ' ');
	if (w->any_hidden || w->any_visible) {
		struct jd_buf full = JD_BUF_INIT;
		jd_buf_adds(&full, w->prefix ? w->prefix : "");
		jd_buf_add(&full, jd_buf_str(&l), l.len);
		w->st.hidden_line = w->any_hidden;
		line(&w->st, jd_buf_str(&full), full.len, ++w->lineno, 1);
		line(&w->st, "", 0, ++w->lineno, 1);
		w->st.hidden_line = 0;
		jd_buf_free(&full);
	}
	jd_buf_free(&l);
	jd_buf_reset(&w->text);
	w->any_hidden = w->any_visible = 0;
	w->prefix = NULL;
}

static void
hwalk_text(struct hwalk *w, const xmlChar *s)
{
	int solid = 0;

	for (const xmlChar *p = s; *p; p++)
		solid |= *p > ' ';
	jd_buf_adds(&w->text, (const char *)s);
	if (solid && w->hidden_depth)
		w->any_hidden = 1;
	else if (solid)
		w->any_visible = 1;
}

static void
hwalk_enter(struct hwalk *w, xmlNode *n)
{
	const char *pre = block_prefix(n);

	if (pre) {
		hflush(w);
		w->prefix = pre;
	}
	if (node_hidden(n))
		w->hidden_depth++;
}

static void
hwalk_leave(struct hwalk *w, xmlNode *n)
{
	if (block_prefix(n))
		hflush(w);
	if (node_hidden(n))
		w->hidden_depth--;
}

static int
skip_tag(xmlNode *n)
{
	return is_tag(n, "script") || is_tag(n, "style") || is_tag(n, "head") ||
	    is_tag(n, "noscript") || is_tag(n, "template");
}

static void
parse_html(struct jd_resume *r, const char *s, size_t n)
{
	struct hwalk w = { .st = { .r = r } };
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	htmlDocPtr doc = ctxt && n < (size_t)INT32_MAX ?
	    htmlCtxtReadMemory(ctxt, s, (int)n, NULL, "UTF-8", PARSE_OPTS) : NULL;
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	xmlNode *x = root;

	while (x) {
		if (x->type == XML_ELEMENT_NODE && !skip_tag(x)) {
			hwalk_enter(&w, x);
			if (x->children) {
				x = x->children;
				continue;
			}
			hwalk_leave(&w, x);
		} else if (x->type == XML_TEXT_NODE)
			hwalk_text(&w, x->content);
		while (x && x->next == NULL) {
			x = x->parent;
			if (x == NULL || x->type != XML_ELEMENT_NODE) {
				x = NULL;
				break;
			}
			hwalk_leave(&w, x);
		}
		if (x)
			x = x->next;
	}
	hflush(&w);
	flush_bullet(&w.st);
	flush_pending(&w.st);
	jd_buf_free(&w.st.bullet);
	jd_buf_free(&w.text);
	free(w.st.section);
	free(w.st.role);
	if (doc)
		xmlFreeDoc(doc);
	if (ctxt)
		htmlFreeParserCtxt(ctxt);
}

int
jd_resume_parse(const char *path, const char *bytes, size_t len,
    struct jd_resume *r)
{
	struct jd_buf utf8 = JD_BUF_INIT;

	memset(r, 0, sizeof *r);
	jd_util_to_utf8(bytes, len, NULL, &utf8);
	if (jd_util_has_suffix(path, ".html") || jd_util_has_suffix(path, ".htm"))
		parse_html(r, jd_buf_str(&utf8), utf8.len);
	else
		parse_text(r, jd_buf_str(&utf8), utf8.len,
		    !jd_util_has_suffix(path, ".txt") && strcmp(path, "-") != 0);
	jd_buf_free(&utf8);
	if (r->nbullets == 0)
		lines_as_bullets(r);
	return r->nbullets ? 0 : -1;
}

void
jd_resume_free(struct jd_resume *r)
{
	for (size_t i = 0; i < r->nbullets; i++) {
		free(r->bullets[i].id);
		free(r->bullets[i].text);
		free(r->bullets[i].context);
	}
	for (size_t i = 0; i < r->nlines; i++)
		free(r->lines[i]);
	for (size_t i = 0; i < r->ntitles; i++)
		free(r->titles[i]);
	free(r->bullets);
	free(r->lines);
	free(r->titles);
	memset(r, 0, sizeof *r);
}
