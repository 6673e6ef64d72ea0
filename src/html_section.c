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

/*
 * Rules by mode (heading 0, line 1) and first byte of their phrase, so a
 * text is compared only with the phrases that can start at each word.
 * Each holds the head of its phrase, its first eight bytes (the first in
 * the lowest bits), with 0x20 where a letter stands (a letter ORed with
 * it is lower case) and a mask of the bytes it has: most words are let
 * go on one look. A phrase that does not start with a lower-case letter
 * makes its mode fold texts whole, since only letters are looked at.
 */
struct entry {
	uint64_t head, letters, mask;
	size_t rule;
};
struct bucket {
	struct entry *v;
	size_t n;
};
static struct bucket buckets[2][256];
static int fold_whole[2];

static int
is_lower(unsigned char c)
{
	return (unsigned)(c - 'a') < 26u;
}

static int
is_alnum(unsigned char c)
{
	return is_lower(c | 0x20) || (unsigned)(c - '0') < 10u;
}

static void
add_rule(size_t i)
{
	const struct rule *r = &rules[i];
	struct bucket *b = &buckets[r->line][(unsigned char)r->phrase[0]];
	struct entry e = { 0, 0, 0, i };

	if (!is_lower((unsigned char)r->phrase[0]))
		fold_whole[r->line] = 1;
	for (size_t k = 0; k < 8 && k < r->len; k++) {
		unsigned char c = (unsigned char)r->phrase[k];
		e.head |= (uint64_t)c << 8 * k;
		e.letters |= (uint64_t)(is_lower(c) ? 0x20 : 0) << 8 * k;
		e.mask |= (uint64_t)0xff << 8 * k;
	}
	b->v = xreallocarray(b->v, b->n + 1, sizeof *b->v);
	b->v[b->n++] = e;
}

static void
index_rules(void)
{
	for (size_t i = 0; i < nrules; i++)
		if (rules[i].len)
			add_rule(i);
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

/* The ASCII byte fold() makes of the character cp past ASCII, or 0 when
 * it keeps the character as it is. */
static int
fold_wide(uint32_t cp)
{
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x201b || cp == 0x2032)
		return '\'';
	if (cp >= 0x201c && cp <= 0x201f)
		return '"';
	if (cp >= 0x2010 && cp <= 0x2015)
		return '-';
	if (cp == 0x2026)
		return '.';
	return cp == 0xa0 ? ' ' : 0;
}

/* Folds text for matching: ASCII lower case, typographic quotes and
 * dashes as ASCII, white space (no-break space too) as one space. A byte
 * that starts no UTF-8 character folds as the last character past ASCII
 * before it, and is kept when there is none. */
static void
fold(struct jd_buf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp = 0;
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
			c = fold_wide(cp);
			c = c ? c : -1;
			if (l == 0)
				l = 1;
		}
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

static void
take_rule(long *best, int *preferred, size_t i)
{
	const struct rule *r = &rules[i];

	*preferred |= r->kind == JD_SEC_PREFERRED;
	if (*best < 0 || r->len > rules[*best].len ||
	    (r->len == rules[*best].len && (long)i < *best))
		*best = (long)i;
}

/* The rule of the mode whose phrase stands in the folded text as whole
 * words, longest first, then first listed (-1: none); *preferred is set
 * when a preferred phrase stands there too. */
static long
match_folded(const char *text, size_t n, int line, int *preferred)
{
	long best = -1;

	for (size_t i = 0; i < n; i++) {
		if (i > 0 && word_char((unsigned char)text[i - 1]))
			continue;
		const struct bucket *b = &buckets[line][(unsigned char)text[i]];
		for (size_t k = 0; k < b->n; k++) {
			const struct rule *r = &rules[b->v[k].rule];
			/* the second byte first: most candidates end there */
			if (r->len > n - i || (r->len > 1 &&
			    text[i + 1] != r->phrase[1]) ||
			    memcmp(text + i, r->phrase, r->len) != 0 ||
			    (i + r->len < n &&
			    word_char((unsigned char)text[i + r->len])))
				continue;
			take_rule(&best, preferred, b->v[k].rule);
		}
	}
	return best;
}

/*
 * The same match read straight from a text as hb_normalize leaves it (no
 * runs of white space, no no-break space), folding only the bytes a
 * phrase is compared with. What only the whole fold can tell (a byte
 * that starts no UTF-8 character takes the fold of the one before it) is
 * left to match_folded.
 */
#define FOLD_KEPT (-1)
#define FOLD_UNSURE (-2)
#define MATCH_UNSURE (-2)

static unsigned char
lower(unsigned char c)
{
	return (unsigned)(c - 'A') < 26u ? (unsigned char)(c + 32) : c;
}

/* What fold() makes of the character past ASCII at u[j]: an ASCII byte,
 * FOLD_KEPT (its *l bytes stay) or FOLD_UNSURE (no UTF-8, or a no-break
 * space, which may merge with a space). */
static int
fold_at(const unsigned char *u, size_t n, size_t j, size_t *l)
{
	uint32_t cp;
	int c;

	*l = jd_util_utf8_decode(u + j, n - j, &cp);
	if (*l == 0)
		return FOLD_UNSURE;
	c = fold_wide(cp);
	return c == ' ' ? FOLD_UNSURE : c ? c : FOLD_KEPT;
}

/* Whether a word starts at u[i], an ASCII letter, as fold() reads the
 * character before it: 1, 0 or FOLD_UNSURE. UTF-8 marks where a
 * character past ASCII starts. */
static int
word_starts(const unsigned char *u, size_t n, size_t i)
{
	size_t j = i - 1, l;
	int c;

	if (i == 0 || u[j] < 0x80)
		return i == 0 || !is_alnum(u[j]);
	while (j > 0 && i - j < 4 && (u[j] & 0xc0) == 0x80)
		j--;
	c = fold_at(u, n, j, &l);
	if (c == FOLD_UNSURE || j + l != i)
		return FOLD_UNSURE;
	return c != FOLD_KEPT;
}

/* Whether what stands at u[j] may end a phrase: 1, 0 or FOLD_UNSURE. */
static int
phrase_ends(const unsigned char *u, size_t n, size_t j)
{
	size_t l;
	int c;

	if (j == n)
		return 1;
	if (u[j] < 0x80)
		return !is_alnum(u[j]);
	c = fold_at(u, n, j, &l);
	return c == FOLD_UNSURE ? c : c != FOLD_KEPT;
}

/* The ASCII letters of eight bytes, as a mask of high bits. */
static uint64_t
letters8(uint64_t w)
{
	uint64_t x = w | 0x2020202020202020ULL;

	return jd_bytes_below(x, 'z' + 1) & ~jd_bytes_below(x, 'a');
}

/* Whether r's phrase stands as whole words at u[i], where a word starts:
 * 1, 0 or FOLD_UNSURE. ASCII text is compared eight bytes at a time, ORed
 * with 0x20 where the phrase has a letter: either case then matches. */
static int
phrase_at(const unsigned char *u, size_t n, size_t i, const struct rule *r)
{
	const unsigned char *p = (const unsigned char *)r->phrase;
	size_t j = i, k = 0, l;
	int c;

	for (; k + 8 <= r->len && j + 8 <= n; j += 8, k += 8) {
		uint64_t w = jd_load8(u + j), h = jd_load8(p + k);
		if (w & JD_HIGHS)
			break;
		if ((w | letters8(h) >> 2) != h)
			return 0;
	}
	while (k < r->len) {
		if (j == n)
			return 0;
		if (u[j] < 0x80) {
			if (lower(u[j++]) != p[k++])
				return 0;
			continue;
		}
		c = fold_at(u, n, j, &l);
		if (c == FOLD_UNSURE)
			return c;
		if (c == FOLD_KEPT ? r->len - k < l ||
		    memcmp(u + j, p + k, l) != 0 : c != p[k])
			return 0;
		k += c == FOLD_KEPT ? l : 1;
		j += l;
	}
	return phrase_ends(u, n, j);
}

/* Whether the head of e may stand in w, eight bytes of a text. Where it
 * meets a byte past ASCII, the bytes no longer line up: the phrase is
 * to be read. */
static int
head_fits(const struct entry *e, uint64_t w)
{
	return (((w | e->letters) ^ e->head) & e->mask) == 0 ||
	    (w & e->mask & JD_HIGHS) != 0;
}

/* The head of b's phrase k may stand at u[i]; those near the end of the
 * text are read. */
static int
may_stand(const struct bucket *b, size_t k, const unsigned char *u,
    size_t n, size_t i)
{
	return n - i < 8 || head_fits(&b->v[k], jd_load8(u + i));
}

/* Whether a phrase of b may stand at u[i]: most words are let go here,
 * inline in the loop over them. */
static inline int
word_may_match(const struct bucket *b, const unsigned char *u, size_t n,
    size_t i)
{
	for (size_t k = 0; k < b->n; k++)
		if (may_stand(b, k, u, n, i))
			return 1;
	return 0;
}

/* Takes the rules of b that stand at u[i], an ASCII letter not after
 * one; 0, or FOLD_UNSURE. */
static int
match_word(const struct bucket *b, const unsigned char *u, size_t n,
    size_t i, long *best, int *preferred)
{
	int start = word_starts(u, n, i);

	if (start != 1)
		return start;
	for (size_t k = 0; k < b->n; k++) {
		size_t r = b->v[k].rule;
		int at = may_stand(b, k, u, n, i) ?
		    phrase_at(u, n, i, &rules[r]) : 0;
		if (at == FOLD_UNSURE)
			return at;
		if (at)
			take_rule(best, preferred, r);
	}
	return 0;
}

/* match_folded over normalized text, or MATCH_UNSURE. A phrase starts
 * with a letter, so only the first of each run of them is looked at,
 * eight bytes at a time. */
static long
match_normal(const char *s, size_t n, int line, int *preferred)
{
	const unsigned char *u = (const unsigned char *)s;
	const struct bucket *bk = buckets[line];	/* by letter | 0x20 */
	uint64_t before = 0;	/* the bit of the last byte read */
	long best = -1;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t a = letters8(jd_load8(u + i));
		uint64_t starts = a & ~(a << 8 | before);
		before = a >> 56;
		for (; starts; starts &= starts - 1) {
			size_t at = i + ((size_t)__builtin_ctzll(starts) >> 3);
			const struct bucket *b = &bk[u[at] | 0x20];
			if (word_may_match(b, u, n, at) && match_word(b, u,
			    n, at, &best, preferred) == FOLD_UNSURE)
				return MATCH_UNSURE;
		}
	}
	for (int was = before != 0; i < n; i++) {
		const struct bucket *b = &bk[u[i] | 0x20];
		int letter = is_lower(u[i] | 0x20);
		if (letter && !was && word_may_match(b, u, n, i) &&
		    match_word(b, u, n, i, &best, preferred) == FOLD_UNSURE)
			return MATCH_UNSURE;
		was = letter;
	}
	return best;
}

static int
kind_of(long best, int preferred)
{
	int kind = best < 0 ? -1 : rules[best].kind;

	return kind == JD_SEC_REQUIRED && preferred ? JD_SEC_PREFERRED : kind;
}

/* The kind of the longest phrase the text contains; a preferred phrase
 * qualifies a required one ("Nice-to-have qualifications"). */
static int
classify_text(const char *s, size_t n, int line)
{
	struct jd_buf f = JD_BUF_INIT;
	int preferred = 0;
	long best;

	pthread_once(&rules_once, load_rules);
	fold(&f, s, n);
	best = match_folded(jd_buf_str(&f), f.len, line, &preferred);
	jd_buf_free(&f);
	return kind_of(best, preferred);
}

/* classify_text for a text hb_normalize made. A heading is short and
 * most hold a phrase: it is folded whole. A line is long and few do: it
 * is read where it stands. */
int
hb_section_kind(const char *s, size_t n, int line)
{
	int preferred = 0;
	long best;

	pthread_once(&rules_once, load_rules);
	if (!line || fold_whole[line])
		return classify_text(s, n, line);
	best = match_normal(s, n, line, &preferred);
	if (best == MATCH_UNSURE)
		return classify_text(s, n, line);
	return kind_of(best, preferred);
}

int
jd_html_heading_kind(const char *heading)
{
	return classify_text(heading, strlen(heading), 0);
}

const char *
jd_html_kind_name(int kind)
{
	return kind >= 0 && kind < JD_SEC_COUNT ? kind_names[kind] : "other";
}
