/*
 * html_status.c: the word lists of corpora/page-signals.tsv that tell what
 * a page is beyond its text: bot and login walls, job search pages, links
 * that read like job titles, and job boards' names (never a company).
 */
#include <pthread.h>
#include <string.h>

#include "html_dom.h"
#include "jdalign/util.h"

enum { SIG_WALL, SIG_LISTING, SIG_ROLE, SIG_BOARD, SIG_ACTION, SIG_COUNT };

struct sig {
	char **v;
	size_t *len;	/* strlen of each */
	size_t n, cap;
};

static struct sig sigs[SIG_COUNT];
static pthread_once_t sigs_once = PTHREAD_ONCE_INIT;

static void
load_sigs(void)
{
	static const char *const names[SIG_COUNT] = {
		"wall", "listing", "role", "board", "action"
	};
	size_t len;
	const char *s = jd_util_corpus("page-signals.tsv", &len);
	const char *end = s ? s + len : NULL;

	while (s && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		const char *tab = memchr(s, '\t', (size_t)(e - s));
		for (int k = 0; tab && *s != '#' && k < SIG_COUNT; k++) {
			struct sig *g = &sigs[k];
			if (strlen(names[k]) != (size_t)(tab - s) ||
			    memcmp(names[k], s, (size_t)(tab - s)) != 0)
				continue;
			if (g->n == g->cap) {
				g->cap = g->cap ? g->cap * 2 : 32;
				g->v = xreallocarray(g->v, g->cap,
				    sizeof *g->v);
				g->len = xreallocarray(g->len, g->cap,
				    sizeof *g->len);
			}
			g->len[g->n] = (size_t)(e - tab - 1);
			g->v[g->n] = xstrndup(tab + 1, g->len[g->n]);
			g->n++;
		}
		s = e + 1;
	}
}

static const struct sig *
sig(int kind)
{
	pthread_once(&sigs_once, load_sigs);
	return &sigs[kind];
}

static int
any_phrase(const char *lower, int kind)
{
	const struct sig *g = sig(kind);

	for (size_t i = 0; lower && i < g->n; i++)
		if (strstr(lower, g->v[i]))
			return 1;
	return 0;
}

int
hb_wall_text(const char *lower)
{
	return any_phrase(lower, SIG_WALL);
}

int
hb_listing_text(const char *lower)
{
	return any_phrase(lower, SIG_LISTING);
}

static int
word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

static int
ascii_alnum(unsigned char c)
{
	return word_char(c) && c < 0x80;
}

static int
in_sig(const char *w, size_t n, int kind)
{
	const struct sig *g = sig(kind);

	for (size_t k = 0; k < g->n; k++)
		if (g->len[k] == n && strncasecmp(w, g->v[k], n) == 0)
			return 1;
	return 0;
}

/* What may follow the role word of a job title: nothing, or a qualifier
 * ("of Sales", "- Payments", ", Platform", "(Remote)", "II"). */
static int
title_tail(const char *s, size_t n)
{
	static const char *const words[] = {
		"of", "for", "in", "to", "at", "and", "&", "i", "ii", "iii",
		"iv", "v", "1", "2", "3", "4", "-", "|", "/", "@", NULL
	};
	size_t i = 0, k;

	while (i < n && s[i] == ' ')
		i++;
	if (i == n || s[i] == ',' || s[i] == '(' || s[i] == '[' ||
	    s[i] == ':' || (unsigned char)s[i] >= 0x80)
		return 1;
	for (k = i; k < n && s[k] != ' ' && s[k] != ','; k++)
		;
	for (const char *const *w = words; *w; w++)
		if (strlen(*w) == k - i && strncasecmp(s + i, *w, k - i) == 0)
			return 1;
	return 0;
}

int
hb_job_title_like(const char *s, size_t n)
{
	size_t words = 1;

	if (n < 3 || n > 120)
		return 0;
	for (size_t i = 0; i < n; i++)
		words += s[i] == ' ';
	if (words > 12 || s[n - 1] == '.' || s[n - 1] == '?' ||
	    s[n - 1] == '!')
		return 0;
	for (size_t i = 0; i < n;) {
		while (i < n && !word_char((unsigned char)s[i]))
			i++;
		size_t st = i;
		while (i < n && word_char((unsigned char)s[i]))
			i++;
		if (i > st && in_sig(s + st, i - st, SIG_ROLE) &&
		    title_tail(s + i, n - i))
			return 1;
	}
	return 0;
}

int
hb_board_name(const char *s, size_t n)
{
	const struct sig *g = sig(SIG_BOARD);

	while (n && s[n - 1] == ' ')
		n--;
	while (n && *s == ' ') {
		s++;
		n--;
	}
	for (size_t k = 0; k < g->n; k++) {
		size_t m = g->len[k];
		int multi = strchr(g->v[k], ' ') != NULL;
		if (n >= m && strncasecmp(s, g->v[k], m) == 0 &&
		    (n == m || s[m] == '.' || (multi && s[m] == ' ')))
			return 1;
	}
	return 0;
}

int
hb_action_text(const char *s, size_t n)
{
	/* arrows, chevrons and stops around the words do not count */
	while (n && !ascii_alnum((unsigned char)s[n - 1]))
		n--;
	while (n && !ascii_alnum((unsigned char)*s)) {
		s++;
		n--;
	}
	return n > 0 && n <= 40 && in_sig(s, n, SIG_ACTION);
}
