/*
 * align_knockout.c: reads from a posting's text what can rule a candidate
 * out: years of experience, degree, visa sponsorship, security clearance and
 * workplace. Works on folded words (lower case, quotes and dashes folded),
 * clause by clause; knows nothing of HTML or reports.
 */
#include <string.h>

#include "jdalign/align.h"
#include "jdalign/buf.h"
#include "jdalign/token.h"
#include "jdalign/util.h"

#define MAX_WORDS 512
#define MAX_YEARS 30

struct words {
	char *text;		/* folded, one space between words */
	char *w[MAX_WORDS];
	size_t n;
};

static void
words_init(struct words *ws, const char *line)
{
	struct jd_buf f = JD_BUF_INIT;

	jd_token_fold_text(&f, line, strlen(line));
	ws->text = jd_buf_take(&f);
	char *copy = xstrdup(ws->text), *p = copy;
	ws->n = 0;
	while (p && *p && ws->n < MAX_WORDS) {
		char *sp = strchr(p, ' ');
		if (sp)
			*sp = '\0';
		ws->w[ws->n++] = p;
		p = sp ? sp + 1 : NULL;
	}
	if (ws->n == 0)
		free(copy);
}

static void
words_free(struct words *ws)
{
	if (ws->n)
		free(ws->w[0]);
	free(ws->text);
}

static int
is(const char *w, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(w, *set) == 0)
			return 1;
	return 0;
}

/* " phrase " occurs in the folded text (on word boundaries). */
static int
has(const char *text, const char *phrase)
{
	size_t n = strlen(phrase);

	for (const char *p = strstr(text, phrase); p; p = strstr(p + 1, phrase))
		if ((p == text || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

static int
any(const char *text, const char *const *phrases)
{
	for (; *phrases; phrases++)
		if (has(text, *phrases))
			return 1;
	return 0;
}

/* ------------------------------------------------------------ years */

static int
number_word(const char *w)
{
	static const char *const nums[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve", "thirteen",
		"fourteen", "fifteen", NULL
	};
	long v = 0;
	int digits = 0;

	for (int i = 0; nums[i]; i++)
		if (strcmp(w, nums[i]) == 0)
			return i;
	for (; *w >= '0' && *w <= '9' && digits < 3; w++, digits++)
		v = v * 10 + (*w - '0');
	if (digits == 0 || (*w && *w != '+' && *w != '-'))
		return -1;
	return (int)v;
}

static int
experience_context(const struct words *ws, size_t i)
{
	static const char *const after[] = {
		"of", "in", "with", "working", "building", "developing", "as",
		"professional", "hands-on", "relevant", "industry", "designing",
		"writing", "leading", "managing", "running", "operating", "'",
		"experience", "using", NULL
	};
	if (i + 1 < ws->n && (strcmp(ws->w[i + 1], "old") == 0 ||
	    strcmp(ws->w[i + 1], "ago") == 0))
		return 0;
	if (has(ws->text, "experience") || has(ws->text, "experienced"))
		return 1;
	if (i + 1 >= ws->n)
		return 0;
	size_t l = strlen(ws->w[i + 1]);
	return is(ws->w[i + 1], after) ||
	    (l > 4 && strcmp(ws->w[i + 1] + l - 3, "ing") == 0);
}

/* The number of years the clause asks for first ("5+ years, 2 of them in
 * Go" asks 5), or 0. */
static int
years(const struct words *ws)
{
	static const char *const unit[] = { "years", "year", "yrs", "yr",
		"years'", NULL };
	static const char *const skip[] = { "+", "or", "more", "plus", "to",
		"-", "least", "at", "minimum", "of", "a", "than", "over", NULL };
	int best = 0;

	for (size_t i = 1; i < ws->n && best == 0; i++) {
		if (!is(ws->w[i], unit) || !experience_context(ws, i))
			continue;
		int found = 0;
		for (size_t j = i, k = 0; j > 0 && k < 5; k++) {
			int v = number_word(ws->w[--j]);
			if (v > 0 && v <= MAX_YEARS) {
				if (best == 0 || v < best)
					best = v;
				found++;
			} else if (!is(ws->w[j], skip) || found == 2)
				break;
		}
	}
	return best;
}

/* ------------------------------------------------------------ degree */

enum { DEG_NONE, DEG_ASSOCIATE, DEG_BACHELOR, DEG_MASTER, DEG_PHD };

static int
degree_word(const struct words *ws, size_t i)
{
	static const char *const bach[] = { "bachelor", "bachelor's",
		"bachelors", "undergraduate", "b.s.", "b.s", "b.sc", "b.sc.",
		"b.a.", "b.a", "b.eng", "b.tech", NULL };
	static const char *const mast[] = { "master's", "masters", "m.s.",
		"m.s", "m.sc", "m.sc.", "msc", "mba", "m.eng", "m.tech", NULL };
	static const char *const phd[] = { "phd", "ph.d", "ph.d.", "doctorate",
		"doctoral", NULL };
	static const char *const weak_ctx[] = { "in", "or", "/", "degree",
		"and", "from", NULL };
	const char *w = ws->w[i];
	const char *next = i + 1 < ws->n ? ws->w[i + 1] : "";

	if (is(w, bach))
		return DEG_BACHELOR;
	if (is(w, mast) || (strcmp(w, "master") == 0 &&
	    strcmp(next, "degree") == 0))
		return DEG_MASTER;
	if (is(w, phd))
		return DEG_PHD;
	if ((strcmp(w, "associate's") == 0 || strcmp(w, "associates") == 0 ||
	    strcmp(w, "associate") == 0) && strcmp(next, "degree") == 0)
		return DEG_ASSOCIATE;
	if (strcmp(w, "associate's") == 0)
		return DEG_ASSOCIATE;
	if ((strcmp(w, "bs") == 0 || strcmp(w, "ba") == 0 ||
	    strcmp(w, "bsc") == 0) && is(next, weak_ctx))
		return DEG_BACHELOR;
	if (strcmp(w, "ms") == 0 && is(next, weak_ctx))
		return DEG_MASTER;
	return DEG_NONE;
}

static int
degree(const struct words *ws)
{
	static const char *const not_required[] = { "no degree required",
		"degree not required", "degree is not required",
		"no degree necessary", "not require a degree", NULL };
	int lowest = DEG_NONE;

	if (any(ws->text, not_required))
		return -1;
	for (size_t i = 0; i < ws->n; i++) {
		int d = degree_word(ws, i);
		if (d != DEG_NONE && (lowest == DEG_NONE || d < lowest))
			lowest = d;
	}
	return lowest;
}

/* ------------------------------------------------------------ others */

static const char *
sponsorship(const char *text)
{
	static const char *const no[] = {
		"unable to sponsor", "not able to sponsor", "cannot sponsor",
		"can't sponsor", "can not sponsor", "will not sponsor",
		"won't sponsor", "don't sponsor", "do not sponsor",
		"does not sponsor", "not sponsor", "no sponsorship",
		"not provide sponsorship", "not offer sponsorship",
		"sponsorship is not available", "sponsorship not available",
		"not eligible for sponsorship", "without sponsorship",
		"without requiring sponsorship", "without the need for sponsorship",
		"without visa sponsorship", "not provide visa", "no visa sponsorship",
		"citizenship is required", "citizenship required",
		"must be a u.s . citizen", "must be a us citizen",
		"unable to provide sponsorship", "not currently sponsor",
		"not be able to sponsor", "not offer visa", "sponsorship is unavailable",
		NULL
	};
	static const char *const yes[] = {
		"will sponsor", "we sponsor", "sponsors h-1b", "sponsor h-1b",
		"sponsorship is available", "sponsorship available",
		"offer visa sponsorship", "offers visa sponsorship",
		"provide visa sponsorship", "provides visa sponsorship",
		"offer sponsorship", "provide sponsorship", "who need sponsorship",
		"who require sponsorship", "who need visa sponsorship",
		"who require visa sponsorship", "open to sponsoring", "h-1b transfer",
		"h-1b transfers", "sponsor visas", "visa sponsorship is available",
		"able to sponsor", NULL
	};
	if (any(text, no))
		return "no";
	return any(text, yes) ? "yes" : "";
}

static int
clearance(const char *text)
{
	if (has(text, "ts / sci") || has(text, "ts/sci"))
		return 4;
	if (!has(text, "clearance") && !has(text, "cleared") &&
	    !has(text, "public trust"))
		return 0;
	if (has(text, "top secret"))
		return 3;
	if (has(text, "secret"))
		return 2;
	return has(text, "public trust") ? 1 : 0;
}

enum { WP_REMOTE = 1, WP_ONSITE = 2, WP_HYBRID = 4, WP_ONSITE_ROLE = 8 };

static int
workplace(const struct words *ws)
{
	static const char *const not_hybrid[] = { "cloud", "app", "apps",
		"mobile", "multi-cloud", "infrastructure", "model", "models",
		"search", NULL };
	static const char *const not_remote[] = { "sensing", "monitoring",
		"access", "server", "servers", "procedure", "procedures", "desktop",
		"debugging", "config", "repository", "state", "control", NULL };
	static const char *const remote[] = { "work from home",
		"telecommute", "wfh", "remote-first", "fully remote", NULL };
	static const char *const onsite[] = { "on-site", "onsite", "on site",
		"in-office", "in office", "in-person", "in person",
		"office-based", NULL };
	static const char *const onsite_role[] = { "on-site role",
		"onsite role", "on-site position", "onsite position",
		"fully on-site", "fully onsite", "five days a week",
		"5 days a week", "100% on-site", "100% onsite", "must be on-site",
		"remote work is not available", "no remote", "not available remotely",
		"work on-site", "this role is on-site", "not remote",
		"not a remote", NULL };
	int f = 0;

	for (size_t i = 0; i < ws->n; i++) {
		const char *next = i + 1 < ws->n ? ws->w[i + 1] : "";
		if (strcmp(ws->w[i], "hybrid") == 0 && !is(next, not_hybrid))
			f |= WP_HYBRID;
		if (strcmp(ws->w[i], "remote") == 0 && !is(next, not_remote))
			f |= WP_REMOTE;
	}
	if (any(ws->text, remote))
		f |= WP_REMOTE;
	if (any(ws->text, onsite))
		f |= WP_ONSITE;
	if (any(ws->text, onsite_role))
		f |= WP_ONSITE_ROLE;
	return f;
}

/* ------------------------------------------------------------ a posting */

static int
optional_clause(const struct words *ws, const char *kind)
{
	static const char *const soft[] = { "preferred", "a plus", "nice to have",
		"bonus", "ideally", "desirable", NULL };
	return (kind && strcmp(kind, "preferred") == 0) || any(ws->text, soft);
}

/* Splits a line into clauses at ';' and sentence ends. */
static size_t
clauses(const char *line, char **out, size_t max)
{
	size_t n = 0;
	const char *s = line;

	while (*s && n < max) {
		const char *e = s;
		while (*e && *e != ';' && !(*e == '.' && (e[1] == ' ' ||
		    e[1] == '\0')))
			e++;
		out[n++] = xstrndup(s, (size_t)(e - s));
		s = *e ? e + 1 : e;
	}
	return n;
}

void
jd_align_knockouts(const char *const *lines, const char *const *kinds,
    size_t n, struct jd_knockouts *k)
{
	static const char *const deg[] = { "", "associate", "bachelor",
		"master", "phd" };
	static const char *const clr[] = { "", "Public Trust", "Secret",
		"Top Secret", "TS/SCI" };
	int lowest = DEG_NONE, no_degree = 0, cl = 0, wp = 0;
	const char *sp = "";

	memset(k, 0, sizeof *k);
	for (size_t i = 0; i < n; i++) {
		char *cs[64];
		size_t nc = clauses(lines[i], cs, 64);
		const char *kind = kinds ? kinds[i] : NULL;
		for (size_t c = 0; c < nc; c++) {
			struct words ws;
			words_init(&ws, cs[c]);
			int opt = optional_clause(&ws, kind), y = years(&ws);
			if (!opt && y && (k->years == 0 || y < k->years))
				k->years = y;
			int d = opt ? DEG_NONE : degree(&ws);
			if (d < 0)
				no_degree = 1;
			else if (d && (lowest == DEG_NONE || d < lowest))
				lowest = d;
			const char *s = sponsorship(ws.text);
			if (*s && strcmp(sp, "no") != 0)
				sp = s;
			int l = opt ? 0 : clearance(ws.text);
			cl = l > cl ? l : cl;
			wp |= workplace(&ws);
			words_free(&ws);
			free(cs[c]);
		}
	}
	k->degree = no_degree ? "" : deg[lowest];
	k->sponsorship = sp;
	k->clearance = clr[cl];
	k->workplace = wp & WP_HYBRID ? "hybrid" :
	    (wp & WP_ONSITE_ROLE) || ((wp & WP_ONSITE) && !(wp & WP_REMOTE)) ?
	    "onsite" : wp & WP_REMOTE ? "remote" : "";
}
