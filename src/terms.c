/*
 * terms.c: lexicon lookups over token windows, and the context rules that
 * decide whether an ambiguous spelling names a technology. Phrases are
 * found by terms_phrase.c once the lexicon terms are known. Knows nothing of
 * postings, sections or reports.
 */
#include <string.h>

#include "jdalign/lexicon.h"
#include "jdalign/terms.h"
#include "jdalign/util.h"
#include "terms_int.h"

/* How far list evidence looks past connectors ("Go, and Python"). */
#define MAX_CONNECTORS 3

/* ------------------------------------------------------------ hits */

static struct hit_info *
infos(struct jd_hits *h)
{
	if (h->scratch_cap < h->cap) {
		h->scratch_cap = h->cap;
		h->scratch = xreallocarray(h->scratch, h->scratch_cap,
		    sizeof(struct hit_info));
	}
	return h->scratch;
}

struct jd_hit *
terms_add_hit(struct jd_hits *h, int term, size_t a, size_t b)
{
	const struct jd_tokens *t = &h->toks;
	struct jd_hit *x;

	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 32;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	x = &h->v[h->n];
	memset(x, 0, sizeof *x);
	memset(&infos(h)[h->n], 0, sizeof(struct hit_info));
	h->n++;
	x->term = term;
	x->start = t->v[a].start;
	x->end = t->v[b - 1].end;
	x->tok_start = (uint32_t)a;
	x->tok_end = (uint32_t)b;
	x->source = term >= 0 ? JD_SRC_LEXICON : JD_SRC_PHRASE;
	return x;
}

/* The longest alias starting at token i; returns its token count or 0. */
static size_t
longest_at(const struct jd_lexicon *lex, const struct jd_tokens *t, size_t i,
    struct jd_buf *key, struct jd_lexmatch *best)
{
	size_t max = jd_lexicon_max_tokens(lex), n = 0;

	for (size_t k = 0; k < max && i + k < t->n; k++) {
		const struct jd_token *tok = &t->v[i + k];
		struct jd_lexmatch m;
		int r;
		if (tok->kind == JD_TOK_URL)
			break;
		/* one word is looked up where it lies; more are joined */
		if (k == 1) {
			jd_buf_reset(key);
			jd_buf_add(key, jd_token_fold(t, i), t->v[i].fold_len);
		}
		if (k) {
			jd_buf_addc(key, ' ');
			jd_buf_add(key, jd_token_fold(t, i + k),
			    tok->fold_len);
			r = jd_lexicon_lookup(lex, key->data, key->len, &m);
		} else
			r = jd_lexicon_lookup(lex, jd_token_fold(t, i),
			    tok->fold_len, &m);
		if (r == JD_LEX_NONE)
			break;
		if (r == JD_LEX_TERM) {
			n = k + 1;
			*best = m;
		} else if (r == JD_LEX_BLOCK) {
			n = k + 1;
			best->term = -1;
		}
	}
	return n;
}

static void
find_lexicon(const struct jd_lexicon *lex, struct jd_hits *h)
{
	const struct jd_tokens *t = &h->toks;

	for (size_t i = 0; i < t->n;) {
		struct jd_lexmatch m = { -1, JD_EVID_NONE, NULL };
		size_t k = longest_at(lex, t, i, &h->key, &m);
		if (k == 0) {
			i++;
			continue;
		}
		terms_add_hit(h, m.term, i, i + k);
		struct hit_info *in = &infos(h)[h->n - 1];
		in->evidence = (int)m.evidence;
		in->spelling = m.spelling;
		if (m.term < 0)
			in->state = HIT_BLOCKED;
		else
			in->state = m.evidence == JD_EVID_NONE ? HIT_KEPT :
			    HIT_PENDING;
		i += k;
	}
}

/* ------------------------------------------------------------ context */

struct ctx {
	const struct jd_lexicon *lex;
	const char *text;
	struct jd_hits *h;
	struct hit_info *in;
	long *owner;		/* per token: the hit covering it, or -1 */
	int titled, shouting;
};

/* Words of four or more letters mostly capitalized (a heading: case says
 * nothing), or words of two or more mostly in capitals (shouting). */
static void
line_case(struct ctx *c)
{
	const struct jd_tokens *t = &c->h->toks;
	size_t words = 0, caps = 0, short_words = 0, upper = 0;

	for (size_t i = 0; i < t->n; i++) {
		const struct jd_token *k = &t->v[i];
		if (k->kind != JD_TOK_WORD)
			continue;
		if (k->fold_len > 3) {
			words++;
			caps += (k->flags & JD_TOKF_CAP) != 0;
		}
		if (k->fold_len > 1) {
			short_words++;
			upper += (k->flags & JD_TOKF_ALLCAPS) != 0;
		}
	}
	c->titled = words >= 2 && caps * 10 >= words * 7;
	c->shouting = short_words >= 3 && upper * 10 >= short_words * 7;
}

/* Whether token i folds to a word of the list; the first byte rules out
 * most words without a strlen. */
static int
fold_in(const struct jd_tokens *t, size_t i, const char *const *list)
{
	if (i >= t->n)
		return 0;
	const char *f = jd_token_fold(t, i);
	size_t n = t->v[i].fold_len;
	for (; *list; list++)
		if ((*list)[0] == f[0] && strlen(*list) == n &&
		    memcmp(*list, f, n) == 0)
			return 1;
	return 0;
}

/* The hit covering token i, or -1. */
static long
hit_at(const struct ctx *c, size_t i)
{
	return i < c->h->toks.n ? c->owner[i] : -1;
}

/* A capitalized word that is no lexicon term ("Taylor", "Management"),
 * unless it is a common word capitalized to start a sentence ("Advanced"). */
static int
plain_capital(const struct ctx *c, long i)
{
	const struct jd_tokens *t = &c->h->toks;
	const char *f;

	if (i < 0 || (size_t)i >= t->n || t->v[i].kind != JD_TOK_WORD ||
	    !(t->v[i].flags & (JD_TOKF_CAP | JD_TOKF_ALLCAPS)))
		return 0;
	if (hit_at(c, (size_t)i) >= 0)
		return 0;
	f = jd_token_fold(t, (size_t)i);
	return !((t->v[i].flags & JD_TOKF_SENT) &&
	    (jd_terms_stopword(f, t->v[i].fold_len) ||
	    jd_terms_generic(f, t->v[i].fold_len)));
}

/*
 * Written as the lexicon writes it, mid-sentence, in a line that is neither
 * a heading nor shouting; a capitalized word ("Go", "Spring") must also
 * stand alone, not in a run of capitals ("Taylor Swift", "Access
 * Management"). One letter ("R", "C") is never enough.
 */
static int
case_evidence(const struct ctx *c, size_t i)
{
	const struct jd_hit *x = &c->h->v[i];
	const struct jd_token *first = &c->h->toks.v[x->tok_start];
	const char *sp = c->in[i].spelling;
	size_t n = x->end - x->start;

	if (c->in[i].evidence != JD_EVID_CASE || c->titled || n < 2 ||
	    (first->flags & JD_TOKF_SENT))
		return 0;
	if (strlen(sp) != n || memcmp(sp, c->text + x->start, n) != 0)
		return 0;
	if (!(first->flags & (JD_TOKF_CAP | JD_TOKF_INNERCAP)))
		return 0;
	if (first->flags & (JD_TOKF_ALLCAPS | JD_TOKF_INNERCAP))
		return !c->shouting;
	return !plain_capital(c, (long)x->tok_start - 1) &&
	    !plain_capital(c, (long)x->tok_end);
}

static const char *const next_cues[] = {
	"programming", "language", "languages", "developer", "developers",
	"engineer", "engineers", "code", "codebase", "codebases", "framework",
	"frameworks", "library", "libraries", "sdk", "runtime", "compiler",
	"toolchain", "ecosystem", "scripts", "scripting", "modules", "apis",
	"api", "app", "apps", "application", "applications", "microservices",
	NULL
};
static const char *const prev_verbs[] = {
	"in", "with", "using", "of", NULL
};
static const char *const prev_cues[] = {
	"proficiency", "proficient", "experience", "experienced", "expertise",
	"knowledge", "written", "programming", "coding", "fluency", "fluent",
	"familiarity", "familiar", "skilled", "skills", "expert", "background",
	"development", "developing", "strong", NULL
};

/*
 * A word around it that only a technology takes: "Go developers", "R
 * programming", "written in Rust", "proficiency with Excel". A single
 * letter must be upper case ("in C", not "in c").
 */
static int
cue_evidence(const struct ctx *c, size_t i)
{
	const struct jd_hit *x = &c->h->v[i];
	const struct jd_tokens *t = &c->h->toks;
	size_t a = x->tok_start;

	if (x->end - x->start == 1 && !(t->v[a].flags & JD_TOKF_CAP))
		return 0;
	if (fold_in(t, x->tok_end, next_cues))
		return 1;
	return a >= 2 && fold_in(t, a - 1, prev_verbs) &&
	    fold_in(t, a - 2, prev_cues);
}

/* How many hits around one the same-term rule looks at (bounds the work
 * on a line of thousands of terms). */
#define SAME_TERM_REACH 64

/* The same term written unambiguously nearby: "Go (Golang)". */
static int
same_term_evidence(const struct ctx *c, size_t i)
{
	size_t a = i > SAME_TERM_REACH ? i - SAME_TERM_REACH : 0;

	for (size_t j = a; j < c->h->n && j <= i + SAME_TERM_REACH; j++)
		if (j != i && c->h->v[j].term == c->h->v[i].term &&
		    c->in[j].evidence == JD_EVID_NONE)
			return 1;
	return 0;
}

static const char *const tech_kinds[] = {
	"language", "framework", "library", "database", "cloud", "platform",
	"tool", "protocol", "os", NULL
};
static const char *const loose_kinds[] = {
	"soft_skill", "role", "credential", NULL
};

static int
kind_in(const char *kind, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(kind, *list) == 0)
			return 1;
	return 0;
}

static const char *
hit_kind(const struct ctx *c, size_t i)
{
	return jd_lexicon_term(c->lex, c->h->v[i].term)->kind;
}

/* Tokens that join the items of a list. */
static int
connector(const struct jd_tokens *t, size_t i)
{
	static const char *const words[] = { "and", "or", "plus", "&", ",",
	    "/", "(", ")", "+", ";", "|", "-", "*", NULL };

	return fold_in(t, i, words);
}

/* The kept hit reached from token i over at most MAX_CONNECTORS
 * connectors, walking by step; -1 when none. */
static long
list_neighbour(const struct ctx *c, long i, int step, int *joined)
{
	const struct jd_tokens *t = &c->h->toks;

	*joined = 0;
	for (int k = 0; i >= 0 && (size_t)i < t->n; i += step) {
		long j = hit_at(c, (size_t)i);
		if (j >= 0)
			return c->in[j].state == HIT_KEPT ? j : -1;
		if (!connector(t, (size_t)i) || ++k > MAX_CONNECTORS)
			return -1;
		*joined = 1;
	}
	return -1;
}

/*
 * A kept term next to it in a list: a technology for a technology ("Go
 * and Python", "R, SQL", "Java Spring"); for a practice, concept or
 * method, a term of the same kind joined by a connector ("Scrum and SAFe",
 * "SOLID and design patterns"), never mere adjacency ("Solid observability
 * habits") nor another kind ("query optimization and safe migrations").
 */
static int
list_evidence(const struct ctx *c, size_t i)
{
	const struct jd_hit *x = &c->h->v[i];
	int tech = kind_in(hit_kind(c, i), tech_kinds);

	for (int side = 0; side < 2; side++) {
		int joined;
		long j = side ?
		    list_neighbour(c, (long)x->tok_end, 1, &joined) :
		    list_neighbour(c, (long)x->tok_start - 1, -1, &joined);
		if (j < 0)
			continue;
		const char *kind = hit_kind(c, (size_t)j);
		if (tech && kind_in(kind, tech_kinds))
			return 1;
		if (!tech && joined && !kind_in(kind, loose_kinds) &&
		    strcmp(kind, hit_kind(c, i)) == 0)
			return 1;
	}
	return 0;
}

/* One pass of list evidence in one direction; whether it kept any. */
static int
spread(struct ctx *c, int backward)
{
	int changed = 0;

	for (size_t k = 0; k < c->h->n; k++) {
		size_t i = backward ? c->h->n - 1 - k : k;
		if (c->in[i].state == HIT_PENDING && list_evidence(c, i)) {
			c->in[i].state = HIT_KEPT;
			changed = 1;
		}
	}
	return changed;
}

/*
 * Keeps an ambiguous hit with evidence of its own (its casing, a cue, the
 * same term written plainly), then spreads list evidence from kept hits
 * until nothing changes ("Chef or Puppet" hold each other up only when one
 * of them has evidence). Drops the rest.
 */
/* An acronym spelling ("SAFe", "REST", "BASIC") not written as one is the
 * plain word ("safe", "Rest assured", "Basic React"), whatever stands
 * around it. */
static int
unwritten_acronym(const struct ctx *c, size_t i)
{
	const struct jd_hit *x = &c->h->v[i];
	const char *sp = c->in[i].spelling;
	int upper = 0, written = 0;

	for (; *sp; sp++)
		upper += *sp >= 'A' && *sp <= 'Z';
	for (uint32_t k = x->start; k < x->end; k++)
		written += c->text[k] >= 'A' && c->text[k] <= 'Z';
	return upper >= 2 && written < 2;
}

static void
resolve_ambiguous(const struct jd_lexicon *lex, const char *text,
    struct jd_hits *h)
{
	struct ctx c = { lex, text, h, infos(h), NULL, 0, 0 };
	size_t pending = 0;

	/* only ambiguous hits are decided here */
	for (size_t i = 0; i < h->n; i++)
		pending += c.in[i].state == HIT_PENDING;
	if (pending == 0)
		return;
	c.owner = xreallocarray(NULL, h->toks.n + 1, sizeof *c.owner);
	for (size_t i = 0; i < h->toks.n; i++)
		c.owner[i] = -1;
	for (size_t j = 0; j < h->n; j++)
		for (size_t i = h->v[j].tok_start; i < h->v[j].tok_end; i++)
			c.owner[i] = (long)j;
	line_case(&c);
	for (size_t i = 0; i < h->n; i++)
		if (c.in[i].state == HIT_PENDING && unwritten_acronym(&c, i))
			c.in[i].state = HIT_DROPPED;
	for (size_t i = 0; i < h->n; i++)
		if (c.in[i].state == HIT_PENDING && (case_evidence(&c, i) ||
		    cue_evidence(&c, i) || same_term_evidence(&c, i)))
			c.in[i].state = HIT_KEPT;
	for (int pass = 0; spread(&c, pass & 1) || pass == 0; pass++)
		;
	free(c.owner);
}

/* Merges the hits from nlex on into the nlex before them, both in text
 * order, by copying the later ones aside and filling from the end. */
static void
merge(struct jd_hits *h, size_t nlex)
{
	size_t i = nlex, j = h->n - nlex, k = h->n;

	jd_buf_reset(&h->words);
	jd_buf_grow(&h->words, j * sizeof *h->v);
	struct jd_hit *later = (struct jd_hit *)(void *)h->words.data;
	memcpy(later, h->v + nlex, j * sizeof *h->v);
	while (j > 0) {
		if (i > 0 && h->v[i - 1].tok_start > later[j - 1].tok_start)
			h->v[--k] = h->v[--i];
		else
			h->v[--k] = later[--j];
	}
}

/* Keeps the kept hits, in text order: the nlex lexicon hits and the
 * phrases appended after them each stand in text order and never overlap.
 * The private states are not kept in step. */
static void
compact(struct jd_hits *h, size_t nlex)
{
	const struct hit_info *in = infos(h);
	size_t w = 0, lex = 0, n = h->n;

	for (size_t i = 0; i < n; i++) {
		if (i == nlex)
			lex = w;
		if (in[i].state == HIT_KEPT)
			h->v[w++] = h->v[i];
	}
	h->n = w;
	if (n > nlex && lex > 0 && w > lex)
		merge(h, lex);
}

/* ------------------------------------------------------------ public */

void
jd_terms_find(const struct jd_lexicon *lex, const struct jd_terms_opts *opts,
    const char *text, size_t len, struct jd_hits *h)
{
	h->n = 0;
	jd_buf_reset(&h->strs);
	jd_token_scan(&h->toks, text, len);
	size_t nlex;

	find_lexicon(lex, h);
	resolve_ambiguous(lex, text, h);
	nlex = h->n;
	if (opts && opts->phrases != JD_PHRASES_OFF)
		terms_find_phrases(lex, opts, h);
	compact(h, nlex);
}

const char *
jd_terms_name(const struct jd_lexicon *lex, const struct jd_hits *h, size_t i,
    size_t *len)
{
	const struct jd_hit *x = &h->v[i];

	if (x->term >= 0) {
		const char *name = jd_lexicon_term(lex, x->term)->name;
		*len = strlen(name);
		return name;
	}
	*len = x->key_len;
	return h->strs.data + x->key;
}

void
jd_hits_free(struct jd_hits *h)
{
	free(h->v);
	free(h->scratch);
	jd_buf_free(&h->strs);
	jd_buf_free(&h->words);
	jd_buf_free(&h->key);
	jd_tokens_free(&h->toks);
	memset(h, 0, sizeof *h);
}
