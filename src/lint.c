/*
 * lint.c: the recruiter-signal rules over one bullet at a time, and the
 * range of a resume. Each rule reads the bullet's words (lint_words.c) and
 * the word lists of corpora/lint-*.txt; technologies come from the lexicon
 * through terms. Precision before recall: a rule fires only on what it can
 * point at. Knows nothing of resumes as files, of CSV or of postings.
 */
#include <stdio.h>
#include <string.h>

#include "jdalign/buf.h"
#include "jdalign/lexicon.h"
#include "jdalign/lint.h"
#include "jdalign/terms.h"
#include "jdalign/util.h"
#include "lint_int.h"

enum {
	L_JUNIOR, L_DUTIES, L_SKIP, L_VERBS, L_NOTVERBS, L_VIRTUES, L_BUZZ,
	L_NUMBERS, L_RESULTS, L_TIME, L_BUSINESS, L_LEADERSHIP, L_FIRSTPERSON,
	L_NONTECH, L_NLISTS
};

static const char *const list_files[L_NLISTS] = {
	"lint-junior.txt", "lint-duties.txt", "lint-skip.txt", "lint-verbs.txt",
	"lint-notverbs.txt", "lint-virtues.txt", "lint-buzzwords.txt",
	"lint-numbers.txt", "lint-results.txt", "lint-time.txt",
	"lint-business.txt", "lint-leadership.txt", "lint-firstperson.txt",
	"lint-nontechnical.txt"
};

struct jd_lint {
	const struct jd_lexicon *lex;
	struct lirreg irr;
	struct llist lists[L_NLISTS];
	struct lwords ws;
	struct jd_hits hits;
	unsigned char *tech;	/* per hit: a technology */
	int *ids;		/* per hit: scratch for term ids */
	size_t tech_cap;
};

/* What the rules learn about one bullet. */
struct bullet {
	struct jd_lint *l;
	const char *text;
	const struct lwords *ws;
	size_t lead;		/* first word after list numbering */
	size_t open;		/* first word after adverbs and "I" too */
	size_t junior_end;	/* past a junior-coded opening, or 0 */
	int activity;		/* opens with an action, duty or junior verb */
	int figure, money, result;
	size_t words;		/* whitespace-separated, list mark left out */
	size_t tech_words;	/* of those, words inside a technology */
};

static const char *const rule_names[JD_LINT_NRULES] = {
	"junior_verb", "no_result", "generic_virtue", "stuffing", "hidden_text",
	"length", "first_person"
};

static const int severities[JD_LINT_NRULES] = {
	JD_LINT_WARNING, JD_LINT_WARNING, JD_LINT_WARNING, JD_LINT_WARNING,
	JD_LINT_HIGH, JD_LINT_INFO, JD_LINT_INFO
};

static const char sug_junior[] =
    "Open with the verb for what you did yourself (led, owned, built, "
    "designed, proposed) if that is true; if you assisted, name your part.";
static const char sug_result[] =
    "Add what changed because of this work and how it was measured: a "
    "number, a time, a scale, or a before -> after.";
static const char sug_virtue[] =
    "Drop the self-description and show the evidence for it: a situation, "
    "what you did, what came of it.";
static const char sug_list[] =
    "Keep the technologies you used for this work, say what you built with "
    "them and what came of it; list the rest under Skills.";
static const char sug_repeat[] =
    "Name each technology once: repetition reads as written for a scanner, "
    "not for a person.";
static const char sug_buzz[] =
    "Replace the adjectives with the facts behind them: load handled, "
    "uptime, users served, time saved.";
static const char sug_hidden[] =
    "Remove text a reader cannot see: recruiters and screening tools treat "
    "hidden keywords as gaming the system.";
static const char sug_long[] =
    "Cut it to the action and the result, or split it in two: a recruiter "
    "reads the first line.";
static const char sug_short[] =
    "Say what you did and what came of it: a fragment this short tells a "
    "recruiter little.";
static const char sug_person[] =
    "Drop the pronoun: resume bullets are written without \"I\", \"me\" and "
    "\"my\".";

const char *
jd_lint_rule_name(int rule)
{
	return rule >= 0 && rule < JD_LINT_NRULES ? rule_names[rule] : "";
}

const char *
jd_lint_severity_name(int severity)
{
	return severity == JD_LINT_HIGH ? "high" :
	    severity == JD_LINT_WARNING ? "warning" : "info";
}

struct jd_lint *
jd_lint_new(const struct jd_lexicon *lex)
{
	struct jd_lint *l = xcalloc(1, sizeof *l);
	static const struct jd_hits empty = JD_HITS_INIT;

	l->lex = lex;
	l->hits = empty;
	/* verbs first: their irregular forms serve every later list */
	llist_load(&l->lists[L_VERBS], list_files[L_VERBS], &l->irr);
	for (int i = 0; i < L_NLISTS; i++)
		if (i != L_VERBS)
			llist_load(&l->lists[i], list_files[i], NULL);
	return l;
}

void
jd_lint_free(struct jd_lint *l)
{
	if (l == NULL)
		return;
	for (int i = 0; i < L_NLISTS; i++)
		llist_free(&l->lists[i]);
	lirreg_free(&l->irr);
	lwords_free(&l->ws);
	jd_hits_free(&l->hits);
	free(l->tech);
	free(l->ids);
	free(l);
}

void
jd_lint_findings_free(struct jd_lint_findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].evidence);
	free(f->v);
	memset(f, 0, sizeof *f);
}

static void
add_finding(struct jd_lint_findings *out, size_t bullet, int rule,
    char *evidence, const char *suggestion)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
	}
	out->v[out->n++] = (struct jd_lint_finding){ bullet, rule,
	    severities[rule], evidence, suggestion };
}

/* ------------------------------------------------------------ helpers */

static const struct llist *
list(const struct bullet *b, int which)
{
	return &b->l->lists[which];
}

/* Appends the text of words [i, end) as written. */
static void
add_span(struct jd_buf *out, const struct bullet *b, size_t i, size_t end)
{
	const struct lword *w = b->ws->v;

	jd_buf_add(out, b->text + w[i].start, w[end - 1].end - w[i].start);
}

static int
word_is(const struct bullet *b, size_t i, const char *s)
{
	return i < b->ws->n && strcmp(LW_STR(b->ws, i), s) == 0;
}

static int
one_of(const char *w, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(w, *set) == 0)
			return 1;
	return 0;
}

/* Is lexicon hit k a technology (not a soft skill, role, domain...)? */
static int
hit_is_tech(const struct jd_lint *l, size_t k)
{
	static const char *const soft[] = {
		"soft_skill", "role", "domain", "credential", "methodology",
		NULL
	};
	const struct jd_lexterm *t = jd_lexicon_term(l->lex, l->hits.v[k].term);
	const struct llist *nt = &l->lists[L_NONTECH];
	struct lwords name = { 0 };
	int tech;

	if (t == NULL || one_of(t->kind, soft))
		return 0;
	lwords_split(&name, t->name, NULL);
	tech = 1;
	for (size_t i = 0; tech && i < nt->n; i++)
		tech = !(lentry_match(&nt->v[i], &name, 0) == name.n &&
		    nt->v[i].n == name.n);
	lwords_free(&name);
	return tech;
}

/* ------------------------------------------------------------ opening */

/* Is word 0 a list number or letter: "1." "12)" "a)"? */
static int
list_number(const struct bullet *b)
{
	const struct lwords *ws = b->ws;

	if (ws->n < 2)
		return 0;
	const char *w = LW_STR(ws, 0);
	char after = b->text[ws->v[0].end];
	size_t n = strlen(w);

	if (!(after == '.' || after == ')'))
		return 0;
	if (n == 1 && w[0] >= 'a' && w[0] <= 'z')
		return after == ')' || (ws->v[0].flags & LW_UPPER) == 0;
	return n <= 3 && strspn(w, "0123456789") == n;
}

/* Skips list numbering, then adverbs ("Successfully", "Effectively and
 * efficiently") and "I". */
static void
find_opening(struct bullet *b)
{
	const struct lwords *ws = b->ws;
	size_t i = list_number(b);

	b->lead = i;
	for (int k = 0; k < 4 && i + 1 < ws->n; k++) {
		if (!lwords_adverb(ws, i) &&
		    !llist_match(list(b, L_SKIP), ws, i, NULL) &&
		    !(k > 0 && word_is(b, i, "and") &&
		    lwords_adverb(ws, i - 1)))
			break;
		i++;
	}
	b->open = i;
}

/* Does the word at the opening read as an action verb? */
static int
opens_with_verb(const struct bullet *b)
{
	const char *w;
	size_t n;

	if (b->open >= b->ws->n)
		return 0;
	if (llist_match(list(b, L_NOTVERBS), b->ws, b->open, NULL) ||
	    llist_match(list(b, L_VIRTUES), b->ws, b->open, NULL))
		return 0;	/* "Experienced ...", "Hardworking ..." */
	if (llist_match(list(b, L_VERBS), b->ws, b->open, NULL))
		return 1;
	w = LW_STR(b->ws, b->open);
	n = strlen(w);
	return (n > 4 && strcmp(w + n - 2, "ed") == 0) ||
	    (n > 5 && strcmp(w + n - 3, "ing") == 0);
}

/* ------------------------------------------------------------ figures */

/* Is a bare number at word i a year ("since 2022", "2019-2021")? */
static int
year(const struct bullet *b, size_t i, const char *w)
{
	static const char *const before[] = {
		"in", "since", "until", "till", "by", "of", "during", "from",
		"to", "through", "early", "late", "mid", "q1", "q2", "q3", "q4",
		"h1", "h2", "fy", "spring", "summer", "fall", "autumn",
		"winter",
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
		"oct", "nov", "dec", "january", "february", "march", "april",
		"june", "july", "august", "september", "october", "november",
		"december", NULL
	};
	long y = strtol(w, NULL, 10);

	if (strlen(w) != 4 || y < 1950 || y > 2039)
		return 0;
	if (i > 0 && one_of(LW_STR(b->ws, i - 1), before))
		return 1;
	return i + 1 < b->ws->n && (b->ws->v[i + 1].flags & LW_HYPHEN);
}

/* Is a bare number at word i a version ("Java 17", "version 15")? */
static int
version(const struct bullet *b, size_t i)
{
	static const char *const before[] = {
		"version", "v", "release", "level", "tier", "phase", "gen",
		"generation", "wcag", "sev", "step", "stage", "web", NULL
	};
	if (b->ws->v[i].flags & LW_TECH_IN)	/* "Java 8" in the lexicon */
		return 1;
	if (i == 0)
		return 0;
	/* or right after a technology (not after "Mentoring") */
	return one_of(LW_STR(b->ws, i - 1), before) ||
	    (b->ws->v[i - 1].flags & LW_TECH_END);
}

/* Does word i state a figure: a number with or without a unit, money? */
static int
figure_at(struct bullet *b, size_t i)
{
	static const char *const units[] = {
		"", "x", "k", "m", "b", "bn", "mm", "ms", "s", "sec", "secs",
		"min", "mins", "h", "hr", "hrs", "d", "tb", "gb", "mb", "kb",
		"pb", "gbps", "mbps", "rps", "qps", "tps", "us", "ns", "w",
		"kw", "st", "nd", "rd", "th", "pt", "pts", "pp", NULL
	};
	const struct lword *wd = &b->ws->v[i];
	const char *w = LW_STR(b->ws, i);
	char unit[8];
	size_t n;

	if (!(wd->flags & LW_DIGIT))
		return llist_match(list(b, L_NUMBERS), b->ws, i, NULL) != 0;
	if (wd->flags & LW_MONEY) {
		b->money = 1;
		return 1;
	}
	if (!(w[0] >= '0' && w[0] <= '9') || strpbrk(w, "/:"))
		return 0;
	if ((wd->flags & LW_HYPHEN) && i > 0 &&
	    !(b->ws->v[i - 1].flags & LW_DIGIT))
		return 0;	/* "SEV-1", "GPT-4" */
	n = strspn(w, "0123456789.,");
	if (strchr(w + n, '%'))
		return 1;
	size_t u = strcspn(w + n, "+");
	if (u >= sizeof unit)
		return 0;
	memcpy(unit, w + n, u);
	unit[u] = '\0';
	if (!one_of(unit, units))
		return 0;	/* "5xx", "4g" */
	if (u == 0 && (year(b, i, w) || version(b, i)))
		return 0;
	return 1;
}

/* "from X to Y" with a time or frequency word: a before -> after. */
static int
before_after(const struct bullet *b)
{
	const struct lwords *ws = b->ws;

	for (size_t i = 0; i < ws->n; i++) {
		if (!word_is(b, i, "from"))
			continue;
		for (size_t t = i + 2; t < ws->n && t <= i + 8; t++) {
			if (!word_is(b, t, "to"))
				continue;
			for (size_t k = i + 1; k < ws->n && k <= t + 5; k++)
				if (llist_match(list(b, L_TIME), ws, k, NULL))
					return 1;
		}
	}
	return 0;
}

static void
find_result(struct bullet *b)
{
	for (size_t i = b->lead; i < b->ws->n; i++)
		if (figure_at(b, i))
			b->figure = 1;
	b->result = b->figure || before_after(b);
	for (size_t i = b->open + 1; !b->result && i < b->ws->n; i++)
		b->result = llist_match(list(b, L_RESULTS), b->ws, i,
		    NULL) != 0;
}

/* ------------------------------------------------------------ counting */

/* Counts whitespace-separated words (the list mark left out), and those
 * that a technology covers. */
static void
count_words(struct bullet *b)
{
	const char *s = b->text;
	const struct lwords *ws = b->ws;
	size_t i = ws->n ? ws->v[b->lead].start : strlen(s), w = b->lead;

	while (s[i]) {
		size_t alnum = 0;
		int tech = 0;
		while (s[i] && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') {
			alnum += (s[i] | 32) >= 'a' && (s[i] | 32) <= 'z';
			alnum += s[i] >= '0' && s[i] <= '9';
			alnum += (unsigned char)s[i] >= 0xC0;
			i++;
		}
		for (; w < ws->n && ws->v[w].start < i; w++)
			tech |= (ws->v[w].flags & LW_TECH) != 0;
		if (alnum) {
			b->words++;
			b->tech_words += tech;
		}
		while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')
			i++;
	}
}

/* ------------------------------------------------------------ rules */

static void
rule_junior(struct bullet *b, size_t idx, struct jd_lint_findings *out)
{
	struct jd_buf ev = JD_BUF_INIT;
	size_t from = b->lead;

	b->junior_end = llist_match(list(b, L_JUNIOR), b->ws, b->open, NULL);
	if (!b->junior_end)
		return;
	while (from < b->open && word_is(b, from, "i"))
		from++;
	add_span(&ev, b, from, b->junior_end);
	add_finding(out, idx, JD_LINT_JUNIOR_VERB, jd_buf_take(&ev),
	    sug_junior);
}

static void
rule_result(struct bullet *b, size_t idx, struct jd_lint_findings *out)
{
	struct jd_buf ev = JD_BUF_INIT;
	size_t end;

	end = b->junior_end ? b->junior_end :
	    llist_match(list(b, L_DUTIES), b->ws, b->open, NULL);
	if (!end && opens_with_verb(b))
		end = b->open + 1;
	b->activity = end != 0;
	if (!b->activity || b->result)
		return;
	jd_buf_adds(&ev, "\"");
	add_span(&ev, b, b->open, end);
	jd_buf_adds(&ev, "\" with no number, before -> after or outcome");
	add_finding(out, idx, JD_LINT_NO_RESULT, jd_buf_take(&ev), sug_result);
}

/* Evidence quotes at most this many matches, then "...". */
#define MAX_QUOTES 8

/* Appends words [i, end) to ev as the n-th quote. */
static void
quote(struct jd_buf *ev, const struct bullet *b, size_t i, size_t end,
    size_t n, const char *sep)
{
	if (n > MAX_QUOTES)
		return;
	if (ev->len)
		jd_buf_adds(ev, sep);
	if (n == MAX_QUOTES)
		jd_buf_adds(ev, "...");
	else
		add_span(ev, b, i, end);
}

/* Every match of list which, as written, "; "-joined; returns the count
 * of different phrases. */
static size_t
scan(const struct bullet *b, int which, size_t from, struct jd_buf *ev,
    const char *sep)
{
	size_t count = 0, k, n = 0;
	uint64_t seen = 0;

	for (size_t i = from; i < b->ws->n;) {
		size_t end = llist_match(list(b, which), b->ws, i, &k);
		if (!end) {
			i++;
			continue;
		}
		if (ev && !(seen >> (k % 64) & 1))	/* each phrase once */
			quote(ev, b, i, end, n++, sep);
		if (!(seen >> (k % 64) & 1))
			count++;
		seen |= 1ull << (k % 64);
		i = end;
	}
	return count;
}

static void
rule_virtue(struct bullet *b, size_t idx, struct jd_lint_findings *out)
{
	struct jd_buf ev = JD_BUF_INIT;

	if (scan(b, L_VIRTUES, 0, &ev, "; "))
		add_finding(out, idx, JD_LINT_GENERIC_VIRTUE, jd_buf_take(&ev),
		    sug_virtue);
	jd_buf_free(&ev);
}

static int
by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The lexicon ids of the bullet's hits (technologies only, or all),
 * sorted; returns how many. */
static size_t
sorted_terms(struct jd_lint *l, int tech_only)
{
	size_t n = 0;

	for (size_t k = 0; k < l->hits.n; k++)
		if (l->hits.v[k].term >= 0 && (!tech_only || l->tech[k]))
			l->ids[n++] = l->hits.v[k].term;
	if (n > 1)
		qsort(l->ids, n, sizeof *l->ids, by_int);
	return n;
}

/* The first term named JD_LINT_REPEATS times or more (its hit index, and
 * *times), or -1. */
static long
repeated_term(struct jd_lint *l, size_t *times)
{
	size_t n = sorted_terms(l, 0);

	for (size_t k = 0; n && k < l->hits.n; k++) {
		int id = l->hits.v[k].term;
		int *at = id < 0 ? NULL : bsearch(&id, l->ids, n,
		    sizeof *l->ids, by_int);
		size_t a, z;
		if (at == NULL)
			continue;
		a = (size_t)(at - l->ids);
		while (a > 0 && l->ids[a - 1] == id)
			a--;
		for (z = a; z < n && l->ids[z] == id; z++)
			;
		if (z - a >= JD_LINT_REPEATS) {
			*times = z - a;
			return (long)k;
		}
	}
	return -1;
}

static size_t
distinct_tech(struct jd_lint *l)
{
	size_t n = sorted_terms(l, 1), d = 0;

	for (size_t k = 0; k < n; k++)
		d += k == 0 || l->ids[k] != l->ids[k - 1];
	return d;
}

static void
rule_stuffing(struct bullet *b, size_t idx, struct jd_lint_findings *out)
{
	struct jd_buf ev = JD_BUF_INIT, buzz = JD_BUF_INIT;
	const char *sug = NULL;
	size_t techs = distinct_tech(b->l), times = 0;
	long rep = repeated_term(b->l, &times);

	if (techs >= JD_LINT_LIST_TERMS && !b->result && b->words &&
	    b->tech_words * 100 >= JD_LINT_LIST_SHARE * b->words) {
		jd_buf_printf(&ev, "%zu technologies, %zu of %zu words", techs,
		    b->tech_words, b->words);
		sug = sug_list;
	}
	if (rep >= 0) {
		const struct jd_lexterm *t = jd_lexicon_term(b->l->lex,
		    b->l->hits.v[rep].term);
		jd_buf_printf(&ev, "%s%s %zu times", ev.len ? "; " : "",
		    t ? t->name : "", times);
		sug = sug ? sug : sug_repeat;
	}
	if (scan(b, L_BUZZ, 0, &buzz, ", ") >= JD_LINT_BUZZWORDS) {
		jd_buf_printf(&ev, "%s%s", ev.len ? "; " : "",
		    jd_buf_str(&buzz));
		sug = sug ? sug : sug_buzz;
	}
	if (sug)
		add_finding(out, idx, JD_LINT_STUFFING, jd_buf_take(&ev), sug);
	jd_buf_free(&ev);
	jd_buf_free(&buzz);
}

static void
rule_length(struct bullet *b, size_t idx, struct jd_lint_findings *out)
{
	struct jd_buf ev = JD_BUF_INIT;

	if (b->words >= JD_LINT_MIN_WORDS && b->words <= JD_LINT_MAX_WORDS)
		return;
	jd_buf_printf(&ev, "%zu word%s", b->words, b->words == 1 ? "" : "s");
	add_finding(out, idx, JD_LINT_LENGTH, jd_buf_take(&ev),
	    b->words > JD_LINT_MAX_WORDS ? sug_long : sug_short);
}

/* Is word i part of a hyphenated word ("me-chanical", "self-me")? */
static int
hyphenated(const struct bullet *b, size_t i)
{
	return (b->ws->v[i].flags & LW_HYPHEN) ||
	    (i + 1 < b->ws->n && (b->ws->v[i + 1].flags & LW_HYPHEN));
}

static void
rule_person(struct bullet *b, size_t idx, struct jd_lint_findings *out)
{
	struct jd_buf ev = JD_BUF_INIT;
	size_t n = 0, k;
	uint64_t seen = 0;

	for (size_t i = 0; i < b->ws->n; i++) {
		size_t end = llist_match(list(b, L_FIRSTPERSON), b->ws, i, &k);
		if (!end || hyphenated(b, i) || (seen >> (k % 64) & 1))
			continue;
		seen |= 1ull << (k % 64);
		quote(&ev, b, i, end, n++, "; ");
	}
	if (ev.len)
		add_finding(out, idx, JD_LINT_FIRST_PERSON, jd_buf_take(&ev),
		    sug_person);
	jd_buf_free(&ev);
}

/* ------------------------------------------------------------ a bullet */

static void
find_terms(struct jd_lint *l, const char *text)
{
	static const struct jd_terms_opts opts = { 0 };

	jd_terms_find(l->lex, &opts, text, strlen(text), &l->hits);
	if (l->hits.n > l->tech_cap) {
		l->tech_cap = l->hits.n;
		l->tech = xrealloc(l->tech, l->tech_cap);
		l->ids = xreallocarray(l->ids, l->tech_cap, sizeof *l->ids);
	}
	for (size_t k = 0; k < l->hits.n; k++)
		l->tech[k] = l->hits.v[k].term >= 0 && hit_is_tech(l, k);
}

/* Marks the words technologies cover; hits come in text order and do not
 * overlap, so one pass over both does it. */
static void
mark_tech_words(struct jd_lint *l)
{
	struct lwords *ws = &l->ws;
	size_t w = 0;

	for (size_t k = 0; k < l->hits.n; k++) {
		const struct jd_hit *h = &l->hits.v[k];
		if (!l->tech[k])
			continue;
		while (w > 0 && ws->v[w - 1].end > h->start)
			w--;
		while (w < ws->n && ws->v[w].end <= h->start)
			w++;
		for (; w < ws->n && ws->v[w].start < h->end; w++) {
			ws->v[w].flags |= LW_TECH;
			if (ws->v[w].start > h->start)
				ws->v[w].flags |= LW_TECH_IN;
			if (ws->v[w].end == h->end)
				ws->v[w].flags |= LW_TECH_END;
		}
	}
}

static void
count_range(struct bullet *b, struct jd_lint_range *range)
{
	int tech = 0;

	for (size_t k = 0; k < b->l->hits.n; k++)
		tech |= b->l->tech[k];
	range->bullets++;
	range->technical += tech;
	range->business += b->figure && (b->money ||
	    scan(b, L_BUSINESS, 0, NULL, NULL));
	range->leadership += scan(b, L_LEADERSHIP, 0, NULL, NULL) != 0;
}

void
jd_lint_bullet(struct jd_lint *l, size_t index, const char *text,
    int hidden, struct jd_lint_findings *out, struct jd_lint_range *range)
{
	struct bullet b = { .l = l, .text = text, .ws = &l->ws };

	lwords_split(&l->ws, text, &l->irr);
	find_terms(l, text);
	mark_tech_words(l);
	find_opening(&b);
	find_result(&b);
	count_words(&b);
	rule_junior(&b, index, out);
	rule_result(&b, index, out);
	rule_virtue(&b, index, out);
	rule_stuffing(&b, index, out);
	if (hidden)
		add_finding(out, index, JD_LINT_HIDDEN_TEXT,
		    xstrdup("hidden by its HTML style from a reader"),
		    sug_hidden);
	rule_length(&b, index, out);
	rule_person(&b, index, out);
	if (range && !hidden)
		count_range(&b, range);
}
