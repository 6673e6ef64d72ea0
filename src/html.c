/*
 * html.c: what a page becomes: a posting of sections, each heading
 * classified by the phrases of corpora/sections.tsv, lines added one at a
 * time; and the posting's lifecycle. The files html_*.c read pages into
 * it; this one knows nothing of libxml2, terms or reports.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "html_int.h"
#include "jdalign/util.h"

#define MAX_HEADING 120
#define MAX_BOLD_HEADING 80

/* ------------------------------------------------------------ sections */

static void fold(struct jd_buf *out, const char *s, size_t n);

struct rule {
	int kind;
	int line;	/* a line rule, not a heading rule */
	char *phrase;
	size_t len;
};

static struct rule *rules;
static size_t nrules;
static pthread_once_t rules_once = PTHREAD_ONCE_INIT;

static const char *const kind_names[JD_SEC_COUNT] = {
	"required", "preferred", "responsibilities", "about", "benefits",
	"legal", "other"
};

static int
kind_by_name(const char *s, size_t n)
{
	for (int i = 0; i < JD_SEC_COUNT; i++)
		if (strlen(kind_names[i]) == n &&
		    memcmp(kind_names[i], s, n) == 0)
			return i;
	return -1;
}

/* Rules by mode (heading 0, line 1) and first byte of their phrase, so a
 * text is compared only with the phrases that can start at each word. */
struct bucket {
	size_t *v;
	size_t n;
};
static struct bucket buckets[2][256];

/*
 * Anchors: the first four letters of each run of four or more letters in a
 * line rule's phrase. A rule can match a line only if all its anchors stand
 * there (in any case), since folding neither makes nor parts letters, so
 * most lines are let go on one pass instead of being folded and matched.
 * A rule with no such run, or too many anchors, turns the test off.
 */
#define ANCHOR_LEN 4
#define MAX_ANCHORS 64	/* bits of a mask */
#define MAX_LINE_RULES 64
struct anchor {
	uint32_t letters;
	unsigned id;
};
static struct anchor anchors[26][MAX_ANCHORS];	/* by first letter */
static unsigned nanchors[26], nanchor_ids;
static unsigned char anchor_pair[26][26];	/* first two letters */
static uint64_t rule_needs[MAX_LINE_RULES];	/* anchors each rule needs */
static unsigned nline_rules;
static int anchors_off;

/* Four bytes with their ASCII letters lowered: "|0x20" turns no other
 * byte into a lower-case letter. */
static uint32_t
lower4(const char *s)
{
	uint32_t v;

	memcpy(&v, s, sizeof v);
	return v | 0x20202020u;
}

/* The id of the anchor at s (four lower-case letters), added if new. */
static unsigned
anchor_id(const char *s)
{
	unsigned c = (unsigned)(s[0] - 'a');
	uint32_t v = lower4(s);

	for (unsigned k = 0; k < nanchors[c]; k++)
		if (anchors[c][k].letters == v)
			return anchors[c][k].id;
	anchors[c][nanchors[c]].letters = v;
	anchors[c][nanchors[c]++].id = nanchor_ids;
	anchor_pair[c][s[1] - 'a'] = 1;
	return nanchor_ids++;
}

static void
add_anchors(const struct rule *r)
{
	uint64_t needs = 0;

	if (nline_rules == MAX_LINE_RULES) {
		anchors_off = 1;
		return;
	}
	for (size_t i = 0; i < r->len;) {
		size_t j = i;
		while (j < r->len && r->phrase[j] >= 'a' && r->phrase[j] <= 'z')
			j++;
		if (j - i >= ANCHOR_LEN) {
			if (nanchor_ids == MAX_ANCHORS) {
				anchors_off = 1;
				return;
			}
			needs |= (uint64_t)1 << anchor_id(r->phrase + i);
		}
		i = j + 1;
	}
	if (needs == 0)
		anchors_off = 1;
	rule_needs[nline_rules++] = needs;
}

static int
is_letter(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}

/* The anchors standing at s + i, a letter that starts a run of letters
 * with at least four bytes from i to n. */
static uint64_t
anchors_at(const char *s, size_t i)
{
	unsigned c = ((unsigned char)s[i] | 0x20) - 'a';
	unsigned d = ((unsigned char)s[i + 1] | 0x20) - 'a';
	uint64_t seen = 0;

	if (d < 26 && anchor_pair[c][d]) {
		uint32_t v = lower4(s + i);
		for (unsigned k = 0; k < nanchors[c]; k++)
			if (anchors[c][k].letters == v)
				seen |= (uint64_t)1 << anchors[c][k].id;
	}
	return seen;
}

/* The high bit of each of the eight bytes of w that is an ASCII letter:
 * lowered, from 'a' up to 'z'. */
static uint64_t
letters8(uint64_t w)
{
	uint64_t x = w | 0x2020202020202020ULL;

	return hb_bytes_below(x, 'z' + 1) & ~hb_bytes_below(x, 'a');
}

/* Whether every anchor of some line rule stands in s[0..n). An anchor
 * starts a run of letters in the phrase, so in the line too: only the
 * first letter of each run is looked at, eight bytes at a time. */
static int
maybe_line_phrase(const char *s, size_t n)
{
	uint64_t seen = 0, before = 0;	/* the letter bit of the last byte */
	size_t i = 0;

	if (anchors_off)
		return 1;
	for (; i + 8 <= n; i += 8) {
		uint64_t l = letters8(hb_load8(s + i));
		uint64_t starts = l & ~(l << 8 | before);
		before = l >> 56;
		for (; starts; starts &= starts - 1) {
			size_t at = i + ((size_t)__builtin_ctzll(starts) >> 3);
			if (at + ANCHOR_LEN > n)
				break;
			seen |= anchors_at(s, at);
		}
	}
	for (int was = before != 0; i + ANCHOR_LEN <= n; i++) {
		int letter = is_letter((unsigned char)s[i]);
		if (letter && !was)
			seen |= anchors_at(s, i);
		was = letter;
	}
	for (unsigned k = 0; k < nline_rules; k++)
		if ((seen & rule_needs[k]) == rule_needs[k])
			return 1;
	return 0;
}

static void
index_rules(void)
{
	for (size_t i = 0; i < nrules; i++) {
		if (rules[i].line && rules[i].len)
			add_anchors(&rules[i]);
		struct bucket *b;
		if (rules[i].len == 0)
			continue;
		b = &buckets[rules[i].line][(unsigned char)rules[i].phrase[0]];
		b->v = xreallocarray(b->v, b->n + 1, sizeof *b->v);
		b->v[b->n++] = i;
	}
}

static void
load_rules(void)
{
	size_t len, cap = 0;
	const char *s = jd_util_corpus("sections.tsv", &len);
	const char *end = s ? s + len : NULL;

	while (s && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		const char *t1 = memchr(s, '\t', (size_t)(e - s));
		const char *t2 = t1 ? memchr(t1 + 1, '\t',
		    (size_t)(e - t1 - 1)) : NULL;
		int kind = t1 ? kind_by_name(s, (size_t)(t1 - s)) : -1;
		if (*s != '#' && t2 && kind >= 0) {
			if (nrules == cap) {
				cap = cap ? cap * 2 : 256;
				rules = xreallocarray(rules, cap,
				    sizeof *rules);
			}
			struct jd_buf f = JD_BUF_INIT;
			fold(&f, t2 + 1, (size_t)(e - t2 - 1));
			rules[nrules].kind = kind;
			rules[nrules].line = t2 - t1 - 1 == 4;
			rules[nrules].len = f.len;
			rules[nrules++].phrase = jd_buf_take(&f);
		}
		s = e + 1;
	}
	index_rules();
}

/* Folds text for matching: ASCII lower case, typographic quotes and
 * dashes as ASCII, white space (no-break space too) as one space. */
static void
fold(struct jd_buf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;
	int space = 1;
	char *o;
	size_t k = 0;

	jd_buf_grow(out, n);	/* folding only shrinks the text */
	o = out->data + out->len;
	for (size_t i = 0; i < n;) {
		int c = u[i];
		size_t l = 1;
		if (c > ' ' && c < 0x80) {	/* the common case */
			o[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			space = 0;
			i++;
			continue;
		}
		if (c >= 0x80) {
			l = jd_util_utf8_decode(u + i, n - i, &cp);
			c = -1;
			if (l == 0)
				l = 1;
		}
		if (c < 0 && (cp == 0x2018 || cp == 0x2019 || cp == 0x201b ||
		    cp == 0x2032))
			c = '\'';
		else if (c < 0 && cp >= 0x201c && cp <= 0x201f)
			c = '"';
		else if (c < 0 && cp >= 0x2010 && cp <= 0x2015)
			c = '-';
		else if (c < 0 && cp == 0x2026)
			c = '.';
		else if (c < 0 && cp == 0xa0)
			c = ' ';
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (!space)
				o[k++] = ' ';
			space = 1;
		} else {
			if (c >= 'A' && c <= 'Z')
				c += 32;
			if (c >= 0)
				o[k++] = (char)c;
			else {
				memcpy(o + k, s + i, l);
				k += l;
			}
			space = 0;
		}
		i += l;
	}
	while (k && o[k - 1] == ' ')
		k--;
	o[k] = '\0';
	out->len += k;
}

static int
word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The rule of the mode whose phrase stands in the folded text as whole
 * words, longest first, then first listed (-1: none); *preferred is set
 * when a preferred phrase stands there too. */
static long
match_rules(const char *text, size_t n, int line, int *preferred)
{
	long best = -1;

	for (size_t i = 0; i < n; i++) {
		if (i > 0 && word_char((unsigned char)text[i - 1]))
			continue;
		const struct bucket *b = &buckets[line][(unsigned char)text[i]];
		for (size_t k = 0; k < b->n; k++) {
			const struct rule *r = &rules[b->v[k]];
			/* the second byte first: most candidates end there */
			if (r->len > n - i || (r->len > 1 &&
			    text[i + 1] != r->phrase[1]) ||
			    memcmp(text + i, r->phrase, r->len) != 0 ||
			    (i + r->len < n &&
			    word_char((unsigned char)text[i + r->len])))
				continue;
			*preferred |= r->kind == JD_SEC_PREFERRED;
			if (best < 0 || r->len > rules[best].len ||
			    (r->len == rules[best].len && (long)b->v[k] < best))
				best = (long)b->v[k];
		}
	}
	return best;
}

/* The kind of the longest phrase the text contains; a preferred phrase
 * qualifies a required one ("Nice-to-have qualifications"). */
static int
classify(const char *s, size_t n, int line)
{
	struct jd_buf f = JD_BUF_INIT;
	int kind, preferred = 0;
	long best;

	pthread_once(&rules_once, load_rules);
	if (line && !maybe_line_phrase(s, n))
		return -1;
	fold(&f, s, n);
	best = match_rules(jd_buf_str(&f), f.len, line, &preferred);
	kind = best < 0 ? -1 : rules[best].kind;
	jd_buf_free(&f);
	return kind == JD_SEC_REQUIRED && preferred ? JD_SEC_PREFERRED : kind;
}

int
jd_html_heading_kind(const char *heading)
{
	return classify(heading, strlen(heading), 0);
}

const char *
jd_html_kind_name(int kind)
{
	return kind >= 0 && kind < JD_SEC_COUNT ? kind_names[kind] : "other";
}

const char *
jd_html_status_name(int status)
{
	static const char *const names[] = {
		"ok", "empty", "wall", "listing", "error"
	};
	return status >= 0 && status <= JD_POST_ERROR ? names[status] : "error";
}

/* ------------------------------------------------------------ building */

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
			/* the word, no space to weigh, eight bytes at a time
			 * (the output never passes the input read) */
			size_t j = i, m;
			for (; j + 8 <= n; j += m, k += m) {
				uint64_t w = hb_load8(u + j);
				/* a blank, a control byte or one past ASCII */
				uint64_t stop = hb_bytes_below(w, ' ' + 1) |
				    (w & HB_HIGHS);
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
	kind = classify(b.data, m, 0);
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
	int kind = classify(b.data, b.len, 1);
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

int
hb_text_heading(const char *s, size_t n)
{
	size_t letters = 0, upper = 0, words = 1;

	if (n == 0 || n > MAX_HEADING)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			upper++;
		if ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')
			letters++;
		words += s[i] == ' ';
	}
	if (s[n - 1] == ':' && words <= 8)
		return 1;
	return letters >= 4 && upper == letters && words <= 6;
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
