/*
 * token.c: splits UTF-8 text into technology-aware tokens. Knows nothing of
 * the lexicon: it only decides where tokens start and end and how they fold.
 */
#include <string.h>
#include <strings.h>

#include "jdalign/token.h"
#include "jdalign/util.h"

enum cls { C_SPACE, C_ALNUM, C_PUNCT };

/* Folds a code point used as punctuation to ASCII; 0 when not punctuation. */
static int
fold_punct(uint32_t c)
{
	switch (c) {
	case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
		return '\'';
	case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
	case 0x00ab: case 0x00bb:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: case 0xfe58: case 0xff0d: case 0x00ad:
		return '-';
	case 0x2022: case 0x2023: case 0x2043: case 0x25aa: case 0x25cf:
	case 0x25e6: case 0x00b7: case 0x2027: case 0x25a0: case 0x25ba:
	case 0x27a2: case 0x2713: case 0x2714: case 0x2192:
		return '*';
	case 0x2026:
		return '.';
	case 0x00a9: case 0x00ae: case 0x2122: case 0x00a7: case 0x00b6:
	case 0x00b0: case 0x00a3: case 0x20ac: case 0x00a5: case 0xfffd:
		return '~';
	default:
		return 0;
	}
}

static int
is_space_cp(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0xa0 ||
	    c == 0x1680 || (c >= 0x2000 && c <= 0x200b) || c == 0x2028 ||
	    c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 ||
	    c == 0xfeff || c == 0x200c || c == 0x200d;
}

/*
 * ASCII letters and digits: each entry is the byte's fold, with what a
 * word's flags need to know of it in the byte above (A_ bits), so one
 * load a byte does for both. Other ASCII is space (controls) or
 * punctuation. Bytes past ASCII are 0, so a loop over bytes needs no
 * separate test for them.
 */
enum { A_ALNUM = 1, A_DIGIT = 2, A_LETTER = 4, A_UPPER = 8 };
#define A_D(c) [c] = (c) | (A_ALNUM | A_DIGIT) << 8
#define A_L(c) [c] = (c) | (A_ALNUM | A_LETTER) << 8
#define A_U(c) [c] = ((c) + 32) | (A_ALNUM | A_LETTER | A_UPPER) << 8
static const uint16_t ascii[256] = {
	A_D('0'), A_D('1'), A_D('2'), A_D('3'), A_D('4'), A_D('5'),
	A_D('6'), A_D('7'), A_D('8'), A_D('9'),
	A_U('A'), A_U('B'), A_U('C'), A_U('D'), A_U('E'), A_U('F'),
	A_U('G'), A_U('H'), A_U('I'), A_U('J'), A_U('K'), A_U('L'),
	A_U('M'), A_U('N'), A_U('O'), A_U('P'), A_U('Q'), A_U('R'),
	A_U('S'), A_U('T'), A_U('U'), A_U('V'), A_U('W'), A_U('X'),
	A_U('Y'), A_U('Z'),
	A_L('a'), A_L('b'), A_L('c'), A_L('d'), A_L('e'), A_L('f'),
	A_L('g'), A_L('h'), A_L('i'), A_L('j'), A_L('k'), A_L('l'),
	A_L('m'), A_L('n'), A_L('o'), A_L('p'), A_L('q'), A_L('r'),
	A_L('s'), A_L('t'), A_L('u'), A_L('v'), A_L('w'), A_L('x'),
	A_L('y'), A_L('z'),
};
#undef A_D
#undef A_L
#undef A_U

static inline enum cls
classify(uint32_t c)
{
	if (c < 0x80) {
		if (ascii[c])
			return C_ALNUM;
		return c <= 0x20 ? C_SPACE : C_PUNCT;
	}
	if (is_space_cp(c))
		return C_SPACE;
	if (c < 0xa0)
		return C_SPACE;	/* C1 controls */
	return fold_punct(c) ? C_PUNCT : C_ALNUM;
}

struct scan {
	const unsigned char *s;
	size_t n;
};

/* Code point at i (invalid bytes read as U+FFFD, one byte long). */
static inline uint32_t
cp_at(const struct scan *sc, size_t i, size_t *len)
{
	uint32_t c;
	size_t k;

	if (i >= sc->n) {
		*len = 0;
		return 0;
	}
	if (sc->s[i] < 0x80) {
		*len = 1;
		return sc->s[i];
	}
	k = jd_util_utf8_decode(sc->s + i, sc->n - i, &c);
	if (k == 0) {
		*len = 1;
		return 0xfffd;
	}
	*len = k;
	return c;
}

static inline enum cls
cls_at(const struct scan *sc, size_t i)
{
	size_t k;

	if (i >= sc->n)
		return C_SPACE;
	return classify(cp_at(sc, i, &k));
}

static int
is_digit(const struct scan *sc, size_t i)
{
	return i < sc->n && sc->s[i] >= '0' && sc->s[i] <= '9';
}

static int
is_upper(const struct scan *sc, size_t i)
{
	return i < sc->n && sc->s[i] >= 'A' && sc->s[i] <= 'Z';
}

static int
is_alpha(unsigned char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/*
 * Abbreviations that keep their final dot: single letters between dots
 * ("U.S", "e.g") or capitalized pieces of one or two letters ("Ph.D",
 * "M.Sc", "B.A"), seen up to the dot at b.
 */
static int
dotted_initials(const struct scan *sc, size_t a, size_t b)
{
	size_t i = a, pieces = 0;
	int singles = 1, caps = 1;

	while (i < b) {
		size_t j = i;
		while (j < b && is_alpha(sc->s[j]))
			j++;
		if (j == i || j - i > 2 || (j < b && sc->s[j] != '.'))
			return 0;
		singles &= j - i == 1;
		caps &= sc->s[i] >= 'A' && sc->s[i] <= 'Z';
		pieces++;
		i = j + 1;
	}
	return pieces >= 2 && (singles || caps);
}

/* Letters only and at most two of them: "C", "F#" candidates. */
static int
short_letters(const struct scan *sc, size_t a, size_t b)
{
	if (b - a > 2)
		return 0;
	for (size_t i = a; i < b; i++)
		if (!((sc->s[i] | 32) >= 'a' && (sc->s[i] | 32) <= 'z'))
			return 0;
	return 1;
}

/* Whether punctuation c at i (k bytes) joins the word that started at a:
 * "node.js", "event-driven", "don't", "150,000", "R&D". */
static int
joins(const struct scan *sc, size_t a, size_t i, uint32_t c, size_t k)
{
	int f = c < 0x80 ? (int)c : fold_punct(c);
	int next_alnum = cls_at(sc, i + k) == C_ALNUM;

	if ((f == '.' || f == '_') && next_alnum && c < 0x80)
		return 1;
	if (f == '-' && next_alnum && c != 0x2013 && c != 0x2014)
		return 1;
	if (f == '\'' && next_alnum && i > a)
		return 1;
	if (c == ',' && i > a && is_digit(sc, i - 1) && is_digit(sc, i + 1) &&
	    is_digit(sc, i + 2) && is_digit(sc, i + 3))
		return 1;
	return c == '&' && i > a && is_upper(sc, i - 1) && is_upper(sc, i + 1);
}

/* Where a word that stops at punctuation c at i ends: "C++", "C++17",
 * "C#", "99.5%", "U.S." keep their last mark. */
static size_t
word_tail(const struct scan *sc, size_t a, size_t i, uint32_t c)
{
	if (c == '+') {
		size_t j = i;
		while (j < sc->n && sc->s[j] == '+')
			j++;
		if (j - i == 2 && short_letters(sc, a, i))
			while (is_digit(sc, j))
				j++;	/* C++17 */
		return cls_at(sc, j) != C_ALNUM ? j : i;
	}
	if (c == '#' && short_letters(sc, a, i) &&
	    cls_at(sc, i + 1) != C_ALNUM)
		return i + 1;
	if (c == '%' && i > a && is_digit(sc, i - 1))
		return i + 1;
	if (c == '.' && dotted_initials(sc, a, i))
		return i + 1;
	return i;
}

/* Where the word starting at a ends. */
static size_t
word_end(const struct scan *sc, size_t a)
{
	size_t i = a, k;

	if (sc->s[i] == '.')
		i++;
	for (;;) {
		while (i < sc->n && ascii[sc->s[i]])
			i++;	/* ASCII letters and digits */
		uint32_t c = cp_at(sc, i, &k);
		if (k == 0)
			return i;
		if (classify(c) == C_ALNUM || joins(sc, a, i, c, k)) {
			i += k;
			continue;
		}
		return word_tail(sc, a, i, c);
	}
}

/* A bare host name ends in one of these: "acme.com", "jobs.acme.org". */
static const char *const url_tlds[] = { ".com", ".org", ".edu", ".gov" };

static int
has_prefix(const unsigned char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n > k && strncasecmp((const char *)s, p, k) == 0;
}

static int
bare_host(const unsigned char *s, size_t n)
{
	while (n && strchr(".,;:)]!?'\"/", s[n - 1]))
		n--;
	for (size_t i = 0; i < sizeof url_tlds / sizeof url_tlds[0]; i++) {
		size_t k = strlen(url_tlds[i]);
		if (n > k + 1 && strncasecmp((const char *)s + n - k,
		    url_tlds[i], k) == 0 && s[n - k - 1] != '.')
			return 1;
	}
	return 0;
}

/* Every URL, address and host name has one of these bytes. */
static int
url_mark(unsigned char c)
{
	return c == '.' || c == ':' || c == '@';
}

/* URLs, e-mail addresses and host names: skipped, never matched. */
static int
looks_like_url(const unsigned char *s, size_t n)
{
	size_t i = 0;

	if (n < 4)
		return 0;
	while (i < n && !url_mark(s[i]))
		i++;	/* one pass: most chunks are plain words */
	if (i == n)
		return 0;
	if (has_prefix(s, n, "http://") || has_prefix(s, n, "https://") ||
	    has_prefix(s, n, "www.") || has_prefix(s, n, "mailto:") ||
	    has_prefix(s, n, "ftp://"))
		return 1;
	const unsigned char *at = memchr(s, '@', n);
	if (at && at > s && at + 1 < s + n) {
		const unsigned char *dot = memchr(at, '.',
		    (size_t)(s + n - at));
		return dot && dot + 1 < s + n && dot > at + 1;
	}
	return bare_host(s, n);
}

/* The case flags of ASCII s[a..b): a capital with no letter before it is
 * the first letter's, any later one is inner. */
static int
ascii_case(const unsigned char *s, size_t a, size_t b)
{
	int letters = 0, uppers = 0, fl = 0;

	for (size_t i = a; i < b; i++) {
		unsigned k = ascii[s[i]] >> 8;
		if (k & A_UPPER) {
			fl |= letters == 0 ? JD_TOKF_CAP : JD_TOKF_INNERCAP;
			uppers++;
		}
		letters += (k & A_LETTER) != 0;
	}
	if (letters >= 2 && letters == uppers)
		fl |= JD_TOKF_ALLCAPS;
	return fl;
}

/*
 * Folds s[a..b) to w when it is all ASCII, as most tokens are: only letters
 * change. Returns the end of the fold, or NULL (flags untouched) at the
 * first byte beyond ASCII.
 */
static char *
fold_ascii(char *w, const unsigned char *s, size_t a, size_t b, int *flags)
{
	unsigned upper = 0;

	for (size_t i = a; i < b; i++) {
		if (s[i] >= 0x80)
			return NULL;
		upper |= ascii[s[i]];
		w[i - a] = ascii[s[i]] ? (char)ascii[s[i]] : (char)s[i];
	}
	if (upper & A_UPPER << 8)
		*flags |= ascii_case(s, a, b);
	return w + (b - a);
}

/*
 * Folds any s[a..b) to w: ASCII letters to lower case, typographic
 * punctuation to ASCII; a soft hyphen inside a word drops out. Returns the
 * end of the fold.
 */
static char *
fold_utf8(char *w, const struct scan *sc, size_t a, size_t b, int kind,
    int *flags)
{
	int letters = 0, uppers = 0, first = 1;
	size_t k;

	for (size_t i = a; i < b; i += k) {
		uint32_t c = cp_at(sc, i, &k);
		int f = c < 0x80 ? (int)c : fold_punct(c);
		if (f >= 'A' && f <= 'Z') {
			if (first)
				*flags |= JD_TOKF_CAP;
			else
				*flags |= JD_TOKF_INNERCAP;
			uppers++;
			f += 32;
		}
		if (f >= 'a' && f <= 'z') {
			letters++;
			first = 0;
		} else if (c >= 0x80 && classify(c) == C_ALNUM)
			first = 0;
		if (c == 0x00ad && kind == JD_TOK_WORD)
			continue;	/* a soft hyphen inside a word */
		if (f && (c < 0x80 || fold_punct(c)))
			*w++ = (char)f;
		else {
			memcpy(w, sc->s + i, k);
			w += k;
		}
	}
	if (letters >= 2 && letters == uppers)
		*flags |= JD_TOKF_ALLCAPS;
	return w;
}

/* Appends the token s[a..b), whose fold of n bytes is already at the end
 * of the folds. */
static inline void
push(struct jd_tokens *t, size_t a, size_t b, int kind, int flags, size_t n)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	t->v[t->n++] = (struct jd_token){ (uint32_t)a, (uint32_t)b,
	    (uint32_t)t->fold.len, (uint32_t)n, (uint8_t)kind,
	    (uint8_t)flags };
	t->fold.len += n;
}

/*
 * Appends the token s[a..b) and its folded form (in the room jd_token_scan
 * made for the folds of the whole text).
 */
static void
add_token(struct jd_tokens *t, const struct scan *sc, size_t a, size_t b,
    int kind, int flags)
{
	char *w = t->fold.data + t->fold.len;
	char *end = fold_ascii(w, sc->s, a, b, &flags);

	if (end == NULL)
		end = fold_utf8(w, sc, a, b, kind, &flags);
	push(t, a, b, kind, flags, (size_t)(end - w));
}

static int
numeric(const struct scan *sc, size_t a, size_t b)
{
	if (!is_digit(sc, a))
		return 0;
	for (size_t i = a; i < b; i++) {
		unsigned char c = sc->s[i];
		if (!((c >= '0' && c <= '9') || c == '.' || c == ',' ||
		    c == '%' || c == '+' || c == '-'))
			return 0;
	}
	return 1;
}

/* Title and Latin abbreviations whose dot ends no sentence: "Sr. Go
 * engineer" keeps "Go" mid-sentence. */
static const char *const abbrevs[] = {
	"sr", "jr", "mr", "ms", "mrs", "dr", "vs", "approx", "incl", "esp",
	"dept", "min", "max", "no", "st", "inc", "ltd", "co", "corp", "etc"
};

static int
abbreviation(const struct jd_tokens *t)
{
	const struct jd_token *w;
	const char *f;

	if (t->n == 0 || t->v[t->n - 1].kind != JD_TOK_WORD)
		return 0;
	w = &t->v[t->n - 1];
	f = t->fold.data + w->fold;
	/* the first letter rules out most entries without a strlen */
	for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
		if (abbrevs[i][0] == f[0] && strlen(abbrevs[i]) ==
		    w->fold_len && memcmp(abbrevs[i], f, w->fold_len) == 0)
			return 1;
	return 0;
}

/* Where a possessive "'s" or "’s" starts inside s[a..e), or e. */
static size_t
possessive(const struct scan *sc, size_t a, size_t e)
{
	if (e - a >= 4 && (sc->s[e - 1] | 32) == 's' && sc->s[e - 2] == '\'')
		return e - 2;
	if (e - a >= 6 && (sc->s[e - 1] | 32) == 's' && sc->s[e - 2] == 0x99 &&
	    sc->s[e - 3] == 0x80 && sc->s[e - 4] == 0xe2)
		return e - 4;
	return e;
}

/* A dot that starts a word: ".NET", "C#/.NET", but not "a..b" or "1.5". */
static int
starts_dot_word(const struct scan *sc, size_t a, size_t i)
{
	if (sc->s[i] != '.' || cls_at(sc, i + 1) != C_ALNUM ||
	    is_digit(sc, i + 1))
		return 0;
	return i == a || strchr("/(\"'[,;:&+", sc->s[i - 1]) != NULL;
}

static void
scan_word(struct jd_tokens *t, const struct scan *sc, size_t i, size_t e,
    int *flags)
{
	size_t p = possessive(sc, i, e);

	add_token(t, sc, i, p, numeric(sc, i, p) ? JD_TOK_NUM : JD_TOK_WORD,
	    *flags);
	*flags = 0;
	if (p < e)
		add_token(t, sc, p, e, JD_TOK_WORD, 0);
}

/* Marks that may stand before a URL in its chunk: "(www.acme.com)". */
static int
opens(unsigned char c)
{
	return c == '(' || c == '<' || c == '[' || c == '"' || c == '\'';
}

/* Punctuation (folded) after which a new sentence or list item starts. */
static int
ends_sentence(int f)
{
	return f == '.' || f == '!' || f == '?' || f == ';' || f == ':' ||
	    f == '*' || f == '(' || f == '"';
}

/* Tokenizes one white-space-delimited chunk s[a..b). */
static void
scan_chunk(struct jd_tokens *t, const struct scan *sc, size_t a, size_t b,
    int *flags)
{
	struct scan sub = { sc->s, b };
	size_t i = a, k;

	while (i < b && opens(sc->s[i]) && i + 1 < b)
		i++;
	if (looks_like_url(sc->s + i, b - i)) {
		size_t e = b;
		while (e > i && strchr(".,;:)]>!?'\"", sc->s[e - 1]))
			e--;
		for (size_t j = a; j < i; j++) {
			add_token(t, sc, j, j + 1, JD_TOK_PUNCT, *flags);
			*flags = JD_TOKF_SENT;
		}
		add_token(t, sc, i, e, JD_TOK_URL, *flags);
		*flags = 0;
		a = i = e;
	} else
		i = a;
	while (i < sub.n) {
		uint32_t c = cp_at(&sub, i, &k);
		if (classify(c) == C_ALNUM || starts_dot_word(&sub, a, i)) {
			size_t e = word_end(&sub, i);
			scan_word(t, &sub, i, e, flags);
			i = e;
			continue;
		}
		int f = c < 0x80 ? (int)c : fold_punct(c);
		int abbr = f == '.' && abbreviation(t);
		add_token(t, &sub, i, i + k, JD_TOK_PUNCT, *flags);
		*flags = ends_sentence(f) && !abbr ? JD_TOKF_SENT : 0;
		i += k;
	}
}

/*
 * Folds the ASCII letters and digits from s[i] to w (where the next fold
 * goes) and returns where they end; *any says which A_ bits any of them
 * has.
 */
static size_t
alnum_run(const struct scan *sc, size_t i, char *w, unsigned *any)
{
	unsigned some = 0, k;
	size_t j;

	for (j = i; j < sc->n && (k = ascii[sc->s[j]]) != 0; j++) {
		some |= k;
		*w++ = (char)k;	/* the fold, in the low byte */
	}
	*any = some >> 8;
	return j;
}

/*
 * A chunk s[a..b) of ASCII letters and digits, and one of letters with a
 * mark after it ("teams," "Kafka."), as scan_chunk would read them: one
 * word or number, then the mark. The letters and digits run to i, folded
 * by alnum_run, whose any says what they hold. Returns 0 (nothing added)
 * for any other chunk.
 */
static int
plain_chunk(struct jd_tokens *t, const struct scan *sc, size_t a, size_t i,
    size_t b, unsigned any, int *flags)
{
	int c = i < b ? sc->s[i] : 0;

	/* a mark that joins no word and keeps none of it */
	if (i < b && (i + 1 != b || i == a || (any & A_DIGIT) ||
	    !(c == ',' || c == ';' || c == ':' || c == ')' || c == '!' ||
	    c == '?' || c == '.')))
		return 0;
	int fl = *flags | (any & A_UPPER ? ascii_case(sc->s, a, i) : 0);
	push(t, a, i, any & A_LETTER ? JD_TOK_WORD : JD_TOK_NUM, fl, i - a);
	*flags = 0;
	if (i == b)
		return 1;
	int abbr = c == '.' && abbreviation(t);
	t->fold.data[t->fold.len] = (char)c;
	push(t, i, b, JD_TOK_PUNCT, 0, 1);
	*flags = ends_sentence(c) && !abbr ? JD_TOKF_SENT : 0;
	return 1;
}

/* Where the white-space-delimited chunk starting at i ends. */
static size_t
chunk_end(const struct scan *sc, size_t i)
{
	size_t k;

	for (;;) {
		while (i < sc->n && sc->s[i] > 0x20 && sc->s[i] < 0x80)
			i++;	/* ASCII that is not space */
		if (i == sc->n || sc->s[i] <= 0x20 ||
		    classify(cp_at(sc, i, &k)) == C_SPACE)
			return i;
		i += k;
	}
}

void
jd_token_scan(struct jd_tokens *t, const char *text, size_t len)
{
	struct scan sc = { (const unsigned char *)text, len };
	size_t i = 0, k;
	int flags = JD_TOKF_SPACE | JD_TOKF_SENT;

	t->n = 0;
	/* tokens do not overlap and none folds to more bytes than it has:
	 * room for len bytes of folds, and no token need check */
	t->fold.len = 0;
	jd_buf_grow(&t->fold, len);
	while (i < len) {
		if (sc.s[i] <= 0x20 || (sc.s[i] >= 0x80 &&
		    classify(cp_at(&sc, i, &k)) == C_SPACE)) {
			flags |= JD_TOKF_SPACE;
			i += sc.s[i] <= 0x20 ? 1 : k;
			continue;
		}
		/* its letters and digits, then the rest of the chunk */
		unsigned any;
		size_t j = alnum_run(&sc, i, t->fold.data + t->fold.len, &any);
		size_t e = chunk_end(&sc, j);
		if (!plain_chunk(t, &sc, i, j, e, any, &flags))
			scan_chunk(t, &sc, i, e, &flags);
		i = e;
	}
	t->fold.data[t->fold.len] = '\0';
}

const char *
jd_token_fold(const struct jd_tokens *t, size_t i)
{
	return t->fold.data + t->v[i].fold;
}

void
jd_tokens_free(struct jd_tokens *t)
{
	free(t->v);
	jd_buf_free(&t->fold);
	memset(t, 0, sizeof *t);
}

/* Appends the folds of t's tokens to out, one space between them. */
static void
join_folds(struct jd_buf *out, const struct jd_tokens *t)
{
	jd_buf_grow(out, t->fold.len + t->n);
	char *w = out->data + out->len;
	for (size_t i = 0; i < t->n; i++) {
		const char *f = jd_token_fold(t, i);
		if (i)
			*w++ = ' ';
		memcpy(w, f, t->v[i].fold_len);
		w += t->v[i].fold_len;
	}
	*w = '\0';
	out->len = (size_t)(w - out->data);
}

/* Texts this short are folded in storage on the stack: a text of n bytes
 * has at most n tokens and n bytes of folds, so none of it grows. */
#define FOLD_SHORT 64

void
jd_token_fold_text(struct jd_buf *out, const char *text, size_t len)
{
	struct jd_token v[FOLD_SHORT];
	char folds[FOLD_SHORT + 1];
	struct jd_tokens t = { v, 0, FOLD_SHORT, { folds, 0, sizeof folds } };

	if (len > FOLD_SHORT)
		t = (struct jd_tokens)JD_TOKENS_INIT;
	jd_token_scan(&t, text, len);
	if (t.n)
		join_folds(out, &t);
	if (len > FOLD_SHORT)
		jd_tokens_free(&t);
}
