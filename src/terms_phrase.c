/*
 * terms_phrase.c: discovers phrases the lexicon lacks: runs of one to four
 * content words bounded by stop words, punctuation, numbers and lexicon
 * terms, with no generic word ("strong", "experience") at either end. A
 * corpus decides later which of them recur (vocab.c); with no corpus, the
 * background table does here. Job-ad boilerplate ("equal opportunity",
 * "competitive salary") silences its whole line. Knows nothing of postings
 * or reports.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "jdalign/lexicon.h"
#include "jdalign/lookup.h"
#include "jdalign/terms.h"
#include "jdalign/util.h"
#include "terms_int.h"

/* Words in a phrase, and generic words inside one; the background table
 * counts up to three words. */
#define PHRASE_MAX_WORDS 4
#define PHRASE_MAX_GENERIC 1
#define BG_MAX_WORDS 3
/* A phrase recurs when this many background postings hold it… */
#define BG_MIN_DF 2
/* …and is specific when at most a share of them does (see
 * jd_terms_specificity: 0.55 is about 1 posting in 12 of 270). */
#define BG_MIN_SPECIFICITY 0.55
/* With no corpus, a phrase must also end in a word that ends this many
 * lexicon terms ("… architecture", "… testing"). */
#define BG_MIN_HEAD_TERMS 5
/* Letters any word needs; bytes a single-word phrase may have. */
#define WORD_MIN_LETTERS 2
#define SINGLE_MAX_BYTES 12

/* ------------------------------------------------------------ word lists */

enum { LIST_STOP, LIST_GENERIC, LIST_BOILER, NLISTS };

/* One table for the three lists: a word's bits say where it stands, so a
 * token is looked up once for all of them. */
#define IN_FULL(which) (1u << (2 * (which)))	/* a whole entry */
#define IN_START(which) (2u << (2 * (which)))	/* starts a longer one */

static const char *const list_files[NLISTS] = {
	"stopwords.txt", "generic-words.txt", "boilerplate.txt"
};
static struct jd_lookup *words;	/* a word's IN_FULL and IN_START bits */
static size_t boiler_max_words;
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

/* Adds bits to those of the word s[0..n). */
static void
word_mark(const char *s, size_t n, unsigned bits)
{
	uint32_t in = 0;

	jd_lookup_get(words, s, n, &in);
	jd_lookup_put(words, s, n, in | bits);
}

static void
list_add(int which, const char *s, size_t n)
{
	size_t count = 1;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || *s == '#')
		return;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != ' ')
			continue;
		/* boilerplate phrases also list their starts, so a window
		 * stops growing as soon as no phrase begins with it */
		if (i < n && which != LIST_BOILER)
			continue;
		word_mark(s, i, i == n ? IN_FULL(which) : IN_START(which));
		count += i < n;
	}
	if (which == LIST_BOILER && count > boiler_max_words)
		boiler_max_words = count;
}

/* Loads the built-in lists once for all threads; they live as long as the
 * process, like the corpora they come from. */
static void
lists_load(void)
{
	words = jd_lookup_new(2048);
	for (int i = 0; i < NLISTS; i++) {
		size_t len;
		const char *s = jd_util_corpus(list_files[i], &len);
		const char *end = s ? s + len : NULL;
		while (s && s < end) {
			const char *nl = memchr(s, '\n', (size_t)(end - s));
			const char *e = nl ? nl : end;
			list_add(i, s, (size_t)(e - s));
			s = e + 1;
		}
	}
}

/* The lists a word stands in (IN_FULL and IN_START bits), once they are
 * loaded. */
static unsigned
bits_of(const char *s, size_t n)
{
	uint32_t in;

	return jd_lookup_get(words, s, n, &in) ? in : 0;
}

static unsigned
word_bits(const char *s, size_t n)
{
	pthread_once(&lists_once, lists_load);
	return bits_of(s, n);
}

static int
listed(int which, const char *s, size_t n)
{
	return (word_bits(s, n) & IN_FULL(which)) != 0;
}

int
jd_terms_stopword(const char *word, size_t len)
{
	return listed(LIST_STOP, word, len);
}

int
jd_terms_generic(const char *word, size_t len)
{
	return listed(LIST_GENERIC, word, len);
}

int
jd_terms_boilerplate(const char *phrase, size_t len)
{
	return listed(LIST_BOILER, phrase, len);
}

/* ------------------------------------------------------------ words */

struct pctx {
	const struct jd_lexicon *lex;
	const struct jd_terms_opts *o;
	struct jd_hits *h;
	unsigned char *content;	/* per token: may stand in a phrase */
	unsigned char *generic;	/* per content token: a generic word */
	struct jd_buf *key;	/* the hits' */
	size_t key_a, key_b;	/* key holds the phrase of tokens [a, b) */
};

/* Letters of a fold: bytes past ASCII count. */
static inline int
letter(char c)
{
	return (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80;
}

/* Whether s[0..n) has at least min letters. */
static int
has_letters(const char *s, size_t n, int min)
{
	int k = 0;

	for (size_t i = 0; i < n && k < min; i++)
		k += letter(s[i]);
	return k >= min;
}

/* Inside a mask such as "<ORGANIZATION>". */
static int
masked(const struct jd_tokens *t, size_t i)
{
	return i > 0 && i + 1 < t->n && jd_token_fold(t, i - 1)[0] == '<' &&
	    t->v[i - 1].fold_len == 1 && jd_token_fold(t, i + 1)[0] == '>';
}

static int
content_word(const struct jd_tokens *t, size_t i, unsigned bits)
{
	const struct jd_token *k = &t->v[i];
	const char *f = jd_token_fold(t, i);

	if (k->kind != JD_TOK_WORD || (bits & IN_FULL(LIST_STOP)) ||
	    f[0] == '\'' || masked(t, i))
		return 0;
	/* most words start with two letters */
	return (k->fold_len >= 2 && letter(f[0]) && letter(f[1])) ||
	    has_letters(f, k->fold_len, WORD_MIN_LETTERS);
}

/*
 * A single word worth a phrase of its own looks like a product: letters
 * with digits or with "+", "#" or "." inside ("S3", "Vue.js"), short. Bare
 * capitals ("KT", "WhatsApp") are company and brand names too often.
 */
static int
technical_word(const struct jd_tokens *t, size_t i)
{
	/* 1: what makes a word technical; 2: a hyphen, which rules it out
	 * ("li-jo1" is a board's tracking tag) */
	static const unsigned char tech[256] = {
		['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
		['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
		['+'] = 1, ['#'] = 1, ['.'] = 1, ['-'] = 2
	};
	const struct jd_token *k = &t->v[i];
	const unsigned char *f = (const unsigned char *)jd_token_fold(t, i);
	unsigned seen = 0;

	if (k->fold_len > SINGLE_MAX_BYTES || f[0] < 'a' || f[0] > 'z')
		return 0;
	for (size_t j = 0; j < k->fold_len; j++)
		seen |= tech[f[j]];
	return seen == 1;
}

/* The last word of tokens [a, b) ends lexicon terms ("architectures" is
 * read as "architecture" too). */
static int
term_head(const struct pctx *p, size_t b)
{
	const struct jd_tokens *t = &p->h->toks;
	const char *f = jd_token_fold(t, b - 1);
	size_t n = t->v[b - 1].fold_len;

	if (jd_lexicon_heads(p->lex, f, n) >= BG_MIN_HEAD_TERMS)
		return 1;
	return n > 3 && f[n - 1] == 's' &&
	    jd_lexicon_heads(p->lex, f, n - 1) >= BG_MIN_HEAD_TERMS;
}

/* ------------------------------------------------------------ phrases */

/* The folded words of tokens [a, b) joined by spaces, in p->key; the
 * phrases judged and emitted ask for the same key in a row. */
static void
phrase_key(struct pctx *p, size_t a, size_t b)
{
	const struct jd_tokens *t = &p->h->toks;
	size_t n = b - a - 1;

	if (p->key_a == a && p->key_b == b)
		return;
	for (size_t i = a; i < b; i++)
		n += t->v[i].fold_len;
	jd_buf_reset(p->key);
	jd_buf_grow(p->key, n);
	char *w = p->key->data;
	for (size_t i = a; i < b; i++) {
		const char *f = jd_token_fold(t, i);
		if (i > a)
			*w++ = ' ';
		memcpy(w, f, t->v[i].fold_len);
		w += t->v[i].fold_len;
	}
	*w = '\0';
	p->key->len = n;
	p->key_a = a;
	p->key_b = b;
}

/* Whether the background table says tokens [a, b) recur and are specific. */
static int
background_keeps(struct pctx *p, size_t a, size_t b)
{
	unsigned long df, docs = jd_background_docs(p->o->bg);

	if (b - a > BG_MAX_WORDS || docs == 0)
		return 0;
	phrase_key(p, a, b);
	df = jd_background_df(p->o->bg, p->key->data, p->key->len);
	return df >= BG_MIN_DF &&
	    jd_terms_specificity(df, docs) >= BG_MIN_SPECIFICITY;
}

static int
acceptable(struct pctx *p, size_t a, size_t b)
{
	if (b - a == 1 && !technical_word(&p->h->toks, a))
		return 0;
	phrase_key(p, a, b);
	if (bits_of(p->key->data, p->key->len) & IN_FULL(LIST_BOILER))
		return 0;
	if (p->o->phrases == JD_PHRASES_BACKGROUND)
		return (b - a == 1 || term_head(p, b)) &&
		    background_keeps(p, a, b);
	return 1;
}

static void
emit(struct pctx *p, size_t a, size_t b)
{
	struct jd_hits *h = p->h;
	struct jd_hit *x;

	phrase_key(p, a, b);
	x = terms_add_hit(h, -1, a, b);
	((struct hit_info *)h->scratch)[h->n - 1].state = HIT_KEPT;
	x->key = (uint32_t)h->strs.len;
	x->key_len = (uint32_t)p->key->len;
	jd_buf_add(&h->strs, p->key->data, p->key->len);
	jd_buf_addc(&h->strs, '\0');
}

/*
 * A run [a, b) of content words: generic words are trimmed from its ends
 * ("strong distributed systems experience"); what is left is a phrase when
 * short enough, else the run splits at its generic words, and a piece still
 * too long yields the longest pieces from the left that the background
 * knows. One generic word may stand inside a phrase ("slowly changing
 * dimensions"), never at its edge.
 */
static void
run_phrases(struct pctx *p, size_t a, size_t b)
{
	size_t i;

	while (a < b && p->generic[a])
		a++;
	while (b > a && p->generic[b - 1])
		b--;
	if (a == b)
		return;
	size_t inner = 0;
	for (i = a; i < b; i++)
		inner += (size_t)p->generic[i];
	if (b - a <= PHRASE_MAX_WORDS && inner <= PHRASE_MAX_GENERIC) {
		if (acceptable(p, a, b))
			emit(p, a, b);
		return;
	}
	for (i = a; i < b && !p->generic[i]; i++)
		;
	if (i < b) {
		run_phrases(p, a, i);
		run_phrases(p, i + 1, b);
		return;
	}
	for (i = a; i < b;) {
		size_t n = BG_MAX_WORDS;
		while (n >= 2 && (i + n > b || !background_keeps(p, i, i + n)))
			n--;
		if (n >= 2 && acceptable(p, i, i + n)) {
			emit(p, i, i + n);
			i += n;
		} else
			i++;
	}
}

/* Whether a boilerplate phrase starts at token i, whose word has bits. */
static int
boilerplate_at(struct pctx *p, size_t i, unsigned bits)
{
	const struct jd_tokens *t = &p->h->toks;

	if (bits & IN_FULL(LIST_BOILER))
		return 1;
	if (!(bits & IN_START(LIST_BOILER)))
		return 0;
	p->key_b = 0;	/* the key is no phrase's now */
	jd_buf_reset(p->key);
	jd_buf_add(p->key, jd_token_fold(t, i), t->v[i].fold_len);
	for (size_t n = 1; n < boiler_max_words && i + n < t->n; n++) {
		jd_buf_addc(p->key, ' ');
		jd_buf_add(p->key, jd_token_fold(t, i + n),
		    t->v[i + n].fold_len);
		unsigned b = bits_of(p->key->data, p->key->len);
		if (b & IN_FULL(LIST_BOILER))
			return 1;
		if (!(b & IN_START(LIST_BOILER)))
			break;
	}
	return 0;
}

/*
 * Marks the content words of the line, and the generic ones among them,
 * looking each token up once; 0 as soon as a boilerplate phrase stands in
 * the line (the marks do not matter then).
 */
static int
mark_words(struct pctx *p)
{
	const struct jd_tokens *t = &p->h->toks;

	for (size_t i = 0; i < t->n; i++) {
		unsigned bits = bits_of(jd_token_fold(t, i), t->v[i].fold_len);
		if (boilerplate_at(p, i, bits))
			return 0;
		p->content[i] = (unsigned char)content_word(t, i, bits);
		p->generic[i] = p->content[i] &&
		    (bits & IN_FULL(LIST_GENERIC));
	}
	p->content[t->n] = p->generic[t->n] = 0;
	return 1;
}

void
terms_find_phrases(const struct jd_lexicon *lex,
    const struct jd_terms_opts *opts, struct jd_hits *h)
{
	const struct jd_tokens *t = &h->toks;
	struct pctx p = { lex, opts, h, NULL, NULL, &h->key, 0, 0 };
	size_t nlex = h->n;

	if (t->n == 0)
		return;
	/* the per-token marks, in room the hits keep from line to line */
	jd_buf_reset(&h->words);
	jd_buf_grow(&h->words, 2 * (t->n + 1));
	p.content = (unsigned char *)h->words.data;
	p.generic = p.content + t->n + 1;
	pthread_once(&lists_once, lists_load);
	if (!mark_words(&p))
		return;
	const struct hit_info *in = h->scratch;
	for (size_t j = 0; j < nlex; j++) {
		if (in[j].state != HIT_KEPT && in[j].state != HIT_BLOCKED)
			continue;
		for (size_t i = h->v[j].tok_start; i < h->v[j].tok_end; i++)
			p.content[i] = 0;
	}
	for (size_t i = 0; i < t->n;) {
		size_t e = i;
		while (e < t->n && p.content[e])
			e++;
		if (e > i)
			run_phrases(&p, i, e);
		i = e + 1;
	}
}
