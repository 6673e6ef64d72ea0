/*
 * html.c: what a page becomes: a posting of sections, each heading
 * classified by the phrases of corpora/sections.tsv (html_section.c),
 * lines added one at a time; and the posting's lifecycle. The files
 * html_*.c read pages into it; this one knows nothing of libxml2, terms
 * or reports.
 */
#include <stdint.h>
#include <string.h>

#include "html_int.h"
#include "jdalign/util.h"

#define MAX_HEADING 120
#define MAX_BOLD_HEADING 80

const char *
jd_html_status_name(int status)
{
	static const char *const names[] = {
		"ok", "empty", "wall", "listing", "error"
	};
	return status >= 0 && status <= JD_POST_ERROR ? names[status] : "error";
}

/* The bytes of w that end a run hb_normalize copies as it stands: a
 * blank, a control byte or one past ASCII, but for a space that stands
 * before a byte of none of these. */
static uint64_t
plain_stop(uint64_t w)
{
	uint64_t plain = ~(jd_bytes_below(w, ' ' + 1) | w) & JD_HIGHS;

	return ~(plain | (jd_bytes_equal(w, ' ') & plain >> 8)) & JD_HIGHS;
}

void
hb_normalize(struct jd_buf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	int space = 0;
	char *o;
	size_t k = 0;

	jd_buf_reset(out);
	jd_buf_grow(out, n);	/* the text only shrinks */
	o = out->data;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = u[i];
		int ws;
		if (c > ' ' && c < 0x80) {
			if (space)
				o[k++] = ' ';
			space = 0;
			/* the words, eight bytes at a time while no space is
			 * to weigh (the output never passes the input read) */
			size_t j = i, m;
			for (; j + 8 <= n; j += m, k += m) {
				uint64_t w = jd_load8(u + j);
				uint64_t stop = plain_stop(w);
				memcpy(o + k, u + j, 8);
				if (stop == 0) {
					m = 8;
					continue;
				}
				m = (size_t)__builtin_ctzll(stop) >> 3;
				j += m;
				k += m;
				break;
			}
			while (j < n && u[j] > ' ' && u[j] < 0x80)
				o[k++] = (char)u[j++];
			i = j - 1;
			continue;
		}
		ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v';
		if (c == 0xc2 && i + 1 < n && u[i + 1] == 0xa0) {
			ws = 1;
			i++;
		} else if (c == 0xe2 && i + 2 < n && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0x8b || u[i + 2] == 0xaf)) {
			ws = 1;	/* zero-width and narrow no-break spaces */
			i += 2;
		}
		if (ws) {
			space = k > 0;
			continue;
		}
		if (space)
			o[k++] = ' ';
		space = 0;
		o[k++] = (char)c;
	}
	o[k] = '\0';
	out->len = k;
}

void
hb_set(char **field, const char *s, size_t n)
{
	struct jd_buf b = JD_BUF_INIT;

	if (*field && **field)
		return;
	hb_normalize(&b, s, n);
	if (b.len) {
		free(*field);
		*field = jd_buf_take(&b);
	}
	jd_buf_free(&b);
}

static struct jd_section *
new_section(struct jd_posting *p, const char *heading, int kind)
{
	struct jd_section *s;

	if (p->nsections == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->sections = xreallocarray(p->sections, p->cap,
		    sizeof *p->sections);
	}
	s = &p->sections[p->nsections++];
	memset(s, 0, sizeof *s);
	s->heading = xstrdup(heading);
	s->kind = kind;
	return s;
}

void
hb_heading(struct jd_posting *p, const char *text, size_t n)
{
	struct jd_buf b = JD_BUF_INIT;
	int kind;

	hb_normalize(&b, text, n);
	size_t m = b.len;	/* classified without a trailing ':' */
	while (m && (b.data[m - 1] == ':' || b.data[m - 1] == ' '))
		m--;
	if (m == 0) {
		jd_buf_free(&b);
		return;
	}
	kind = hb_section_kind(b.data, m, 0);
	new_section(p, b.data, kind < 0 ? JD_SEC_OTHER : kind);
	jd_buf_free(&b);
}

static void
add_line(struct jd_section *s, char *line)
{
	if (s->nlines == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->lines = xreallocarray(s->lines, s->cap, sizeof *s->lines);
	}
	s->lines[s->nlines++] = line;
}

void
hb_line(struct jd_posting *p, const char *text, size_t n)
{
	struct jd_buf b = JD_BUF_INIT;

	hb_normalize(&b, text, n);
	hb_line_take(p, &b);
}

void
hb_line_take(struct jd_posting *p, struct jd_buf *line)
{
	struct jd_buf b = *line;
	struct jd_section *s;

	*line = (struct jd_buf)JD_BUF_INIT;
	if (b.len == 0) {
		jd_buf_free(&b);
		return;
	}
	s = p->nsections ? &p->sections[p->nsections - 1] : NULL;
	int kind = hb_section_kind(b.data, b.len, 1);
	/* Equal-opportunity text is never a requirement, wherever it
	 * stands; a benefits line opens a section only in loose text. */
	if (kind == JD_SEC_LEGAL && (s == NULL || s->kind != kind))
		s = new_section(p, "", kind);
	else if (kind >= 0 && (s == NULL || s->kind == JD_SEC_OTHER ||
	    s->kind == JD_SEC_ABOUT || (s->kind == JD_SEC_BENEFITS &&
	    s->heading[0] == '\0')) && (s == NULL || s->kind != kind))
		s = new_section(p, "", kind);
	if (s == NULL)
		s = new_section(p, "", JD_SEC_OTHER);
	add_line(s, jd_buf_take(&b));
}

int
hb_bold_heading(const char *s, size_t n)
{
	if (n == 0 || n > MAX_BOLD_HEADING || s[n - 1] == '.' ||
	    s[n - 1] == '!' || s[n - 1] == ',' || s[n - 1] == ';')
		return 0;
	for (size_t i = 0; i + 1 < n; i++)
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
		    s[i + 1] == ' ')
			return 0;
	return 1;
}

static size_t
words(const char *s, size_t n)
{
	size_t k = 1;

	for (size_t i = 0; i < n; i++)
		k += s[i] == ' ';
	return k;
}

/* At least four ASCII letters, none lower case: most lines are let go at
 * their second letter. */
static int
all_capitals(const char *s, size_t n)
{
	size_t letters = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		letters += s[i] >= 'A' && s[i] <= 'Z';
	}
	return letters >= 4;
}

int
hb_text_heading(const char *s, size_t n)
{
	if (n == 0 || n > MAX_HEADING)
		return 0;
	if (s[n - 1] == ':' && words(s, n) <= 8)
		return 1;
	return all_capitals(s, n) && words(s, n) <= 6;
}

struct jd_posting *
hb_append(struct jd_posting_list *l, const char *id, const char *path)
{
	struct jd_posting *p;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	p = &l->v[l->n++];
	memset(p, 0, sizeof *p);
	p->id = xstrdup(id);
	p->path = xstrdup(path);
	p->source = "html";
	return p;
}

void
jd_posting_warn(struct jd_posting *p, const char *msg)
{
	if (p->nwarnings == p->wcap) {
		p->wcap = p->wcap ? p->wcap * 2 : 4;
		p->warnings = xreallocarray(p->warnings, p->wcap,
		    sizeof *p->warnings);
	}
	p->warnings[p->nwarnings++] = xstrdup(msg);
}

size_t
jd_posting_text_size(const struct jd_posting *p)
{
	size_t n = 0;

	for (size_t i = 0; i < p->nsections; i++) {
		n += strlen(p->sections[i].heading);
		for (size_t j = 0; j < p->sections[i].nlines; j++)
			n += strlen(p->sections[i].lines[j]);
	}
	return n;
}

void
jd_posting_drop_sections(struct jd_posting *p)
{
	for (size_t i = 0; i < p->nsections; i++) {
		for (size_t j = 0; j < p->sections[i].nlines; j++)
			free(p->sections[i].lines[j]);
		free(p->sections[i].lines);
		free(p->sections[i].heading);
	}
	free(p->sections);
	p->sections = NULL;
	p->nsections = p->cap = 0;
}

void
jd_posting_free(struct jd_posting *p)
{
	if (p == NULL)
		return;
	jd_posting_drop_sections(p);
	for (size_t i = 0; i < p->nwarnings; i++)
		free(p->warnings[i]);
	free(p->warnings);
	free(p->id);
	free(p->path);
	free(p->title);
	free(p->company);
	free(p->location);
	memset(p, 0, sizeof *p);
}

void
jd_posting_list_free(struct jd_posting_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		jd_posting_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}
