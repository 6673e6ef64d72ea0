/*
 * lint_words.c: the words of a bullet as lint reads them (case folded,
 * hyphens and dashes as breaks, "2.1%", "$40k", "CI/CD", "C++" kept whole,
 * each word with the base forms it may be an inflection of) and the phrase
 * lists of corpora/lint-*.txt matched against them. Knows nothing of rules.
 */
#include <string.h>

#include "jdalign/util.h"
#include "lint_int.h"

/* ------------------------------------------------------------ characters */

enum { C_OTHER, C_ALNUM, C_SPACE, C_HYPHEN, C_APOS, C_MONEY };

static int
cp_class(uint32_t c)
{
	if (c < 0x80) {
		if ((c | 32) >= 'a' && (c | 32) <= 'z')
			return C_ALNUM;
		if (c >= '0' && c <= '9')
			return C_ALNUM;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			return C_SPACE;
		return c == '-' ? C_HYPHEN : c == '\'' ? C_APOS :
		    c == '$' ? C_MONEY : C_OTHER;
	}
	if (c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
	    c == 0x205F || c == 0x3000)
		return C_SPACE;
	if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
		return C_HYPHEN;
	if (c == 0x2018 || c == 0x2019)
		return C_APOS;
	if (c == 0xA3 || c == 0xA5 || c == 0x20AC)
		return C_MONEY;
	if (c < 0xC0 || c == 0xD7 || c == 0xF7 ||
	    (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFE00 && c <= 0xFFFF))
		return C_OTHER;
	return C_ALNUM;
}

/* The class of the character at s (n bytes left); *len its length. */
static int
class_at(const char *s, size_t n, size_t *len)
{
	uint32_t cp;

	if (n == 0) {
		*len = 0;
		return C_SPACE;
	}
	*len = jd_util_utf8_decode((const unsigned char *)s, n, &cp);
	if (*len == 0) {
		*len = 1;
		return C_OTHER;
	}
	return cp_class(cp);
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* ------------------------------------------------------------ words */

static void
add_cand(struct lwords *ws, struct lword *w, const char *s, size_t n)
{
	if (w->ncand == LW_MAXCAND || n == 0)
		return;
	w->cand[w->ncand++] = (uint32_t)ws->strs.len;
	jd_buf_add(&ws->strs, s, n);
	jd_buf_addc(&ws->strs, '\0');
}

static int
consonant(char c)
{
	return c >= 'a' && c <= 'z' && !strchr("aeiou", c);
}

/* Adds s[0..n) and, when it ends in a doubled consonant, s[0..n-1). */
static void
add_stem(struct lwords *ws, struct lword *w, const char *s, size_t n)
{
	add_cand(ws, w, s, n);
	if (n >= 3 && s[n - 1] == s[n - 2] && consonant(s[n - 1]))
		add_cand(ws, w, s, n - 1);
}

static int
ends(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n > k && memcmp(s + n - k, suf, k) == 0;
}

/* The base forms word w may be an inflection of ("shipped" -> "ship"). */
static void
candidates(struct lwords *ws, struct lword *w, const struct lirreg *irr)
{
	char f[64];
	size_t n = strlen(ws->strs.data + w->cand[0]);

	if (n >= sizeof f)
		return;
	memcpy(f, ws->strs.data + w->cand[0], n + 1);
	for (size_t i = 0; irr && i < irr->n; i++)
		if (strcmp(irr->form[i], f) == 0)
			add_cand(ws, w, irr->base[i], strlen(irr->base[i]));
	if (n > 4 && (ends(f, n, "ies") || ends(f, n, "ied"))) {
		f[n - 3] = 'y';
		add_cand(ws, w, f, n - 2);
	} else if (n > 4 && ends(f, n, "ing")) {
		add_stem(ws, w, f, n - 3);
		f[n - 3] = 'e';
		add_cand(ws, w, f, n - 2);
	} else if (n > 3 && ends(f, n, "ed")) {
		add_stem(ws, w, f, n - 2);
		add_cand(ws, w, f, n - 1);
	} else if (n > 3 && ends(f, n, "'s")) {
		add_cand(ws, w, f, n - 2);
	} else if (n > 3 && ends(f, n, "s") && !ends(f, n, "ss")) {
		add_cand(ws, w, f, n - 1);
		if (ends(f, n, "es"))
			add_cand(ws, w, f, n - 2);
	}
}

/* May byte c join the word being read, given what follows? */
static int
joins(const char *s, size_t i, size_t n, int prev_digit)
{
	char c = s[i];
	size_t l;
	int next = i + 1 < n ? class_at(s + i + 1, n - i - 1, &l) : C_SPACE;
	int next_digit = i + 1 < n && is_digit(s[i + 1]);

	if (c == '.' || c == '/' || c == '&')
		return next == C_ALNUM;
	if (c == ',' || c == ':')
		return prev_digit && next_digit;
	if (c == '+' || c == '#')
		return 1;
	return c == '%' && prev_digit;
}

/* Reads one word starting at s[i]; returns the index past it. */
static size_t
read_word(struct lwords *ws, struct lword *w, const char *s, size_t i,
    size_t n)
{
	size_t l;
	int prev_digit = 0;

	w->cand[0] = (uint32_t)ws->strs.len;
	w->ncand = 1;
	if (class_at(s + i, n - i, &l) == C_MONEY) {
		w->flags |= LW_MONEY;
		jd_buf_addc(&ws->strs, '$');
		i += l;
	}
	if (s[i] >= 'A' && s[i] <= 'Z')
		w->flags |= LW_UPPER;
	while (i < n) {
		int k = class_at(s + i, n - i, &l);
		size_t l2;
		if (k == C_ALNUM && l == 1) {
			jd_buf_addc(&ws->strs, s[i] >= 'A' && s[i] <= 'Z' ?
			    (char)(s[i] + 32) : s[i]);
			prev_digit = is_digit(s[i]);
			w->flags |= prev_digit ? LW_DIGIT : 0;
		} else if (k == C_ALNUM) {
			jd_buf_add(&ws->strs, s + i, l);
			prev_digit = 0;
		} else if (k == C_APOS && i + l < n &&
		    class_at(s + i + l, n - i - l, &l2) == C_ALNUM)
			jd_buf_addc(&ws->strs, '\'');
		else if (l == 1 && joins(s, i, n, prev_digit))
			jd_buf_addc(&ws->strs, s[i]);
		else
			break;
		i += l;
	}
	jd_buf_addc(&ws->strs, '\0');
	return i;
}

void
lwords_split(struct lwords *ws, const char *text, const struct lirreg *irr)
{
	size_t n = strlen(text), i = 0, l;
	int hyphen = 0;

	ws->text = text;
	ws->n = 0;
	jd_buf_reset(&ws->strs);
	while (i < n) {
		int k = class_at(text + i, n - i, &l);
		int money_digit = k == C_MONEY && i + l < n &&
		    is_digit(text[i + l]);
		int dot_word = text[i] == '.' && i + 1 < n &&
		    (text[i + 1] | 32) >= 'a' && (text[i + 1] | 32) <= 'z' &&
		    (i == 0 || text[i - 1] == ' ');
		if (k != C_ALNUM && !money_digit && !dot_word) {
			hyphen = k == C_HYPHEN && ws->n &&
			    ws->v[ws->n - 1].end == i;
			i += l;
			continue;
		}
		if (ws->n == ws->cap) {
			ws->cap = ws->cap ? ws->cap * 2 : 64;
			ws->v = xreallocarray(ws->v, ws->cap, sizeof *ws->v);
		}
		struct lword *w = &ws->v[ws->n++];
		memset(w, 0, sizeof *w);
		w->start = (uint32_t)i;
		w->flags = hyphen ? LW_HYPHEN : 0;
		i = read_word(ws, w, text, i, n);
		w->end = (uint32_t)i;
		candidates(ws, w, irr);
		hyphen = 0;
	}
}

void
lwords_free(struct lwords *ws)
{
	free(ws->v);
	jd_buf_free(&ws->strs);
	memset(ws, 0, sizeof *ws);
}

int
lwords_is(const struct lwords *ws, size_t i, const char *s)
{
	const struct lword *w = &ws->v[i];

	for (size_t k = 0; k < w->ncand; k++)
		if (strcmp(ws->strs.data + w->cand[k], s) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------------ lists */

static void
entry_add_word(struct lentry *e, const char *w)
{
	e->w = xreallocarray(e->w, e->n + 1, sizeof *e->w);
	e->w[e->n++] = xstrdup(w);
}

/* Parses one line of a list into e: words, gaps ("..."), exception. */
static void
entry_parse(struct lentry *e, char *line)
{
	struct lwords ws = { 0 };

	memset(e, 0, sizeof *e);
	if (*line == '!') {
		e->exclude = 1;
		line++;
	}
	for (char *tok = line, *sp; tok && *tok; tok = sp) {
		sp = strchr(tok, ' ');
		if (sp)
			*sp++ = '\0';
		if (strcmp(tok, "...") == 0) {
			if (e->n && e->n <= 32)
				e->gaps |= 1u << (e->n - 1);
			continue;
		}
		lwords_split(&ws, tok, NULL);
		for (size_t i = 0; i < ws.n; i++)
			entry_add_word(e, LW_STR(&ws, i));
	}
	lwords_free(&ws);
}

static void
irreg_add(struct lirreg *irr, const char *form, const char *base)
{
	if (irr->n == irr->cap) {
		irr->cap = irr->cap ? irr->cap * 2 : 32;
		irr->form = xreallocarray(irr->form, irr->cap,
		    sizeof *irr->form);
		irr->base = xreallocarray(irr->base, irr->cap,
		    sizeof *irr->base);
	}
	irr->form[irr->n] = xstrdup(form);
	irr->base[irr->n++] = xstrdup(base);
}

/* A verbs line: "base form form...": the extra words are irregular forms. */
static void
verb_line(struct lirreg *irr, char *line)
{
	char *sp = strchr(line, ' ');

	if (sp == NULL)
		return;
	*sp++ = '\0';
	for (char *tok = sp, *next; tok && *tok; tok = next) {
		next = strchr(tok, ' ');
		if (next)
			*next++ = '\0';
		if (strcmp(tok, line) != 0)
			irreg_add(irr, tok, line);
	}
}

void
llist_load(struct llist *l, const char *corpus, struct lirreg *irr)
{
	size_t len;
	const char *s = jd_util_corpus(corpus, &len), *end = s + len;

	memset(l, 0, sizeof *l);
	while (s && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		char *line = xstrndup(s, (size_t)(e - s));
		size_t n = strlen(line);
		while (n && (line[n - 1] == ' ' || line[n - 1] == '\r' ||
		    line[n - 1] == '\t'))
			line[--n] = '\0';
		s = e + 1;
		if (n == 0 || line[0] == '#') {
			free(line);
			continue;
		}
		if (irr)
			verb_line(irr, line);
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 32;
			l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
		}
		entry_parse(&l->v[l->n], line);
		if (l->v[l->n].n)
			l->n++;
		else
			free(l->v[l->n].w);
		free(line);
	}
}

void
llist_free(struct llist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		for (size_t k = 0; k < l->v[i].n; k++)
			free(l->v[i].w[k]);
		free(l->v[i].w);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
lirreg_free(struct lirreg *irr)
{
	for (size_t i = 0; i < irr->n; i++) {
		free(irr->form[i]);
		free(irr->base[i]);
	}
	free(irr->form);
	free(irr->base);
	memset(irr, 0, sizeof *irr);
}

/* Is word i an adverb in -ly ("closely"), which a phrase reads through? */
int
lwords_adverb(const struct lwords *ws, size_t i)
{
	const char *w = LW_STR(ws, i);
	size_t n = strlen(w);

	return n > 3 && strcmp(w + n - 2, "ly") == 0;
}

/* Matches words k.. of e from word i on; returns the end, or 0. */
static size_t
match_from(const struct lentry *e, size_t k, const struct lwords *ws,
    size_t i)
{
	if (i >= ws->n || !lwords_is(ws, i, e->w[k]))
		return 0;
	if (k + 1 == e->n)
		return i + 1;
	size_t gap = k < 32 && (e->gaps >> k & 1) ? LW_GAP : 0;
	for (size_t g = 0; g <= gap; g++) {
		size_t r = match_from(e, k + 1, ws, i + 1 + g);
		if (r)
			return r;
	}
	/* "worked closely on": one adverb may stand inside a phrase */
	if (!gap && i + 1 < ws->n && lwords_adverb(ws, i + 1))
		return match_from(e, k + 1, ws, i + 2);
	return 0;
}

size_t
lentry_match(const struct lentry *e, const struct lwords *ws, size_t i)
{
	return e->n ? match_from(e, 0, ws, i) : 0;
}

/* Does an exception of l cover words [i, end)? */
static int
excepted(const struct llist *l, const struct lwords *ws, size_t i,
    size_t end)
{
	for (size_t x = 0; x < l->n; x++) {
		if (!l->v[x].exclude)
			continue;
		for (size_t s = i > 4 ? i - 4 : 0; s <= i; s++) {
			size_t e = lentry_match(&l->v[x], ws, s);
			if (e > i && e >= end)
				return 1;
		}
	}
	return 0;
}

size_t
llist_match(const struct llist *l, const struct lwords *ws, size_t i,
    size_t *which)
{
	for (size_t k = 0; k < l->n; k++) {
		if (l->v[k].exclude)
			continue;
		size_t end = lentry_match(&l->v[k], ws, i);
		if (end && !excepted(l, ws, i, end)) {
			if (which)
				*which = k;
			return end;
		}
	}
	return 0;
}
