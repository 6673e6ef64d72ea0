/*
 * html_section.c: the kind of a heading or of a line by the phrases of
 * corpora/sections.tsv ("What you'll bring" is required, a line naming an
 * equal opportunity employer legal). Knows nothing of pages.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "html_int.h"
#include "jdalign/util.h"

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
int
hb_section_kind(const char *s, size_t n, int line)
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
	return hb_section_kind(heading, strlen(heading), 0);
}

const char *
jd_html_kind_name(int kind)
{
	return kind >= 0 && kind < JD_SEC_COUNT ? kind_names[kind] : "other";
}
