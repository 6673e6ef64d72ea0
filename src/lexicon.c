/*
 * lexicon.c: loads lexicon files into uthash tables keyed by the folded text
 * of each alias, and copies the aliases into a lookup table after each load,
 * so a token window is found with one read of a compact table. Uses the
 * tokenizer to fold aliases exactly as text is folded; knows nothing of
 * postings or reports.
 */
#include <string.h>

#include "hashfn.h"
#include <uthash.h>

#include "jdalign/buf.h"
#include "jdalign/diag.h"
#include "jdalign/lexicon.h"
#include "jdalign/lookup.h"
#include "jdalign/token.h"
#include "jdalign/util.h"

#define LEX_MAX_FILE (64u << 20)

/* The term of an alias that blocks what it covers. */
#define BLOCKED (-2)

struct alias {
	UT_hash_handle hh;
	int term;		/* -1: a prefix of longer aliases; BLOCKED */
	int gen;		/* which load added it */
	unsigned char ambiguous;	/* enum jd_lex_evidence */
	unsigned char derived;	/* a hyphen/space variant, not written */
	char *spelling;		/* the lexicon's, if ambiguous */
	size_t len;
	char key[];
};

struct named {
	UT_hash_handle hh;
	int term;
	char key[];
};

/* A word that ends multi-word terms ("architecture", "testing"). */
struct head {
	UT_hash_handle hh;
	size_t terms;
	int last;		/* the last term counted */
	char key[];
};

/*
 * What jd_lexicon_lookup answers for each alias, in 32 bits: an
 * unambiguous alias's term plus two (a prefix and a block fit), shifted
 * past a flag; with the flag set, the place in amb of an ambiguous one,
 * whose answer also needs the lexicon's spelling. amb borrows the
 * spellings of the aliases: a load may free one, and ends by rebuilding.
 */
struct index {
	struct jd_lookup *table;
	struct jd_lexmatch *amb;
	size_t namb, ambcap;
};

struct jd_lexicon {
	struct jd_lexterm *terms;
	size_t nterms, cap;
	struct alias *aliases;	/* built on; read through index */
	struct index index;
	struct named *names;
	struct head *heads;
	size_t max_tokens;
	int gen;
	uint64_t digest;
};

struct jd_lexicon *
jd_lexicon_new(void)
{
	struct jd_lexicon *lex = xcalloc(1, sizeof *lex);

	lex->digest = JD_FNV_INIT;
	return lex;
}

void
jd_lexicon_free(struct jd_lexicon *lex)
{
	struct alias *a, *ta;
	struct named *n, *tn;

	if (lex == NULL)
		return;
	jd_lookup_free(lex->index.table);
	free(lex->index.amb);
	HASH_ITER(hh, lex->aliases, a, ta) {
		HASH_DEL(lex->aliases, a);
		free(a->spelling);
		free(a);
	}
	HASH_ITER(hh, lex->names, n, tn) {
		HASH_DEL(lex->names, n);
		free(n);
	}
	struct head *h, *th;
	HASH_ITER(hh, lex->heads, h, th) {
		HASH_DEL(lex->heads, h);
		free(h);
	}
	for (size_t i = 0; i < lex->nterms; i++) {
		free((char *)lex->terms[i].name);
		free((char *)lex->terms[i].kind);
		free((char *)lex->terms[i].category);
		free((char *)lex->terms[i].key);
	}
	free(lex->terms);
	free(lex);
}

static struct alias *
alias_get(struct jd_lexicon *lex, const char *key, size_t len)
{
	struct alias *a;

	HASH_FIND(hh, lex->aliases, key, len, a);
	if (a == NULL) {
		a = xcalloc(1, sizeof *a + len + 1);
		memcpy(a->key, key, len);
		a->len = len;
		a->term = -1;
		HASH_ADD_KEYPTR(hh, lex->aliases, a->key, len, a);
	}
	return a;
}

/* Counts the last word of a written multi-word key, once per term. */
static void
count_head(struct jd_lexicon *lex, const char *key, size_t len, int term)
{
	const char *sp = memrchr(key, ' ', len);
	struct head *h;
	size_t n;

	if (sp == NULL)
		return;
	sp++;
	n = (size_t)(key + len - sp);
	for (size_t i = 0; i < n; i++)
		if (sp[i] < 'a' || sp[i] > 'z')
			return;
	HASH_FIND(hh, lex->heads, sp, n, h);
	if (h == NULL) {
		h = xcalloc(1, sizeof *h + n + 1);
		memcpy(h->key, sp, n);
		h->last = -1;
		HASH_ADD_KEYPTR(hh, lex->heads, h->key, n, h);
	}
	if (h->last != term) {
		h->terms++;
		h->last = term;
	}
}

/* Bits of add_key's how: the evidence needed, and a derived variant. */
#define KEY_EVIDENCE 3
#define KEY_DERIVED 4

/*
 * Adds one folded key (tokens joined by one space) for term. Within one
 * file the first entry keeps a key; a later file takes it over; a derived
 * variant never takes a key that was written.
 */
static void
add_key(struct jd_lexicon *lex, const char *key, size_t len, int term,
    int how, const char *spelling, size_t slen)
{
	int ambiguous = how & KEY_EVIDENCE, derived = (how & KEY_DERIVED) != 0;
	size_t ntok = 1;
	struct alias *a;

	if (len == 0)
		return;
	for (size_t i = 0; i < len; i++)
		if (key[i] == ' ') {
			alias_get(lex, key, i);	/* a prefix entry */
			ntok++;
		}
	a = alias_get(lex, key, len);
	if (a->term >= 0 && a->term != term) {
		if (derived && !a->derived)
			return;
		if (a->gen == lex->gen && !(a->derived && !derived))
			return;
	}
	if (a->term == term && !a->ambiguous)
		return;	/* an unambiguous spelling stays unambiguous */
	a->term = term;
	a->gen = lex->gen;
	a->derived = (unsigned char)derived;
	a->ambiguous = (unsigned char)ambiguous;
	free(a->spelling);
	a->spelling = ambiguous ? xstrndup(spelling, slen) : NULL;
	if (ntok > lex->max_tokens)
		lex->max_tokens = ntok;
	if (!derived && !ambiguous)
		count_head(lex, key, len, term);
}

/* Two to four words of letters only, one space apart: "high availability". */
static int
plain_words(const char *k, size_t n)
{
	size_t words = 1;

	for (size_t i = 0; i < n; i++) {
		if (k[i] == ' ') {
			words++;
			continue;
		}
		if (!((k[i] >= 'a' && k[i] <= 'z')))
			return 0;
	}
	return words >= 2 && words <= 4;
}

/* Replaces every c between two letters of key with r. */
static void
swap_joiner(struct jd_buf *key, char c, char r)
{
	for (size_t i = 1; i + 1 < key->len; i++)
		if (key->data[i] == c && key->data[i - 1] != ' ' &&
		    key->data[i + 1] != ' ' && key->data[i - 1] != '-' &&
		    key->data[i + 1] != '-')
			key->data[i] = r;
}

/* Adds a spelling, with hyphens read as spaces and plain words hyphenated. */
static void
add_spelling(struct jd_lexicon *lex, const char *s, size_t n, int term,
    int ambiguous)
{
	struct jd_buf key = JD_BUF_INIT;

	jd_token_fold_text(&key, s, n);
	add_key(lex, jd_buf_str(&key), key.len, term, ambiguous, s, n);
	if (memchr(jd_buf_str(&key), '-', key.len)) {
		swap_joiner(&key, '-', ' ');
		add_key(lex, key.data, key.len, term, ambiguous | KEY_DERIVED,
		    s, n);
	} else if (plain_words(jd_buf_str(&key), key.len)) {
		swap_joiner(&key, ' ', '-');
		add_key(lex, key.data, key.len, term, ambiguous | KEY_DERIVED,
		    s, n);
	}
	jd_buf_free(&key);
}

static int
term_get(struct jd_lexicon *lex, const char *name, size_t n, const char *kind,
    const char *category)
{
	struct jd_buf key = JD_BUF_INIT;
	struct named *nm;
	int id;

	jd_token_fold_text(&key, name, n);
	HASH_FIND(hh, lex->names, jd_buf_str(&key), key.len, nm);
	if (nm) {
		struct jd_lexterm *t = &lex->terms[nm->term];
		if (kind && *kind) {
			free((char *)t->kind);
			t->kind = xstrdup(kind);
		}
		if (category && *category) {
			free((char *)t->category);
			t->category = xstrdup(category);
		}
		jd_buf_free(&key);
		return nm->term;
	}
	if (lex->nterms == lex->cap) {
		lex->cap = lex->cap ? lex->cap * 2 : 1024;
		lex->terms = xreallocarray(lex->terms, lex->cap,
		    sizeof *lex->terms);
	}
	id = (int)lex->nterms++;
	lex->terms[id].name = xstrndup(name, n);
	lex->terms[id].kind = xstrdup(kind && *kind ? kind : "term");
	lex->terms[id].category = xstrdup(category ? category : "");
	lex->terms[id].key = xstrdup(jd_buf_str(&key));
	nm = xcalloc(1, sizeof *nm + key.len + 1);
	memcpy(nm->key, jd_buf_str(&key), key.len);
	nm->term = id;
	HASH_ADD_KEYPTR(hh, lex->names, nm->key, key.len, nm);
	jd_buf_free(&key);
	return id;
}

/* Splits s at tabs into at most max fields; returns how many. */
static int
split_tabs(char *s, char **f, int max)
{
	int n = 0;

	f[n++] = s;
	for (char *p = s; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

static int
blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

static void
load_aliases(struct jd_lexicon *lex, char *list, int term, int *canon_amb)
{
	char *p = list;

	while (p && *p) {
		char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		int amb = 0;
		while (n && (*p == ' ' || *p == '~')) {
			if (*p == '~' && amb < JD_EVID_CONTEXT)
				amb++;
			p++;
			n--;
		}
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\r'))
			n--;
		if (n) {
			struct jd_buf a = JD_BUF_INIT, c = JD_BUF_INIT;
			jd_token_fold_text(&a, p, n);
			const char *key = lex->terms[term].key;
			if (amb && strcmp(jd_buf_str(&a), key) == 0)
				*canon_amb = 1;
			add_spelling(lex, p, n, term, amb);
			jd_buf_free(&a);
			jd_buf_free(&c);
		}
		p = bar ? bar + 1 : NULL;
	}
}

static void
load_line(struct jd_lexicon *lex, char *line, const char *name, long lineno,
    struct jd_diag *d)
{
	char *f[5] = { 0 };
	int nf, term, canon_amb = 0;

	if (line[0] == '#' || blank(line))
		return;
	nf = split_tabs(line, f, 5);
	if (nf > 4 || blank(f[0])) {
		jd_diag_warn(d, name, lineno, "malformed lexicon line skipped");
		return;
	}
	term = term_get(lex, f[0], strlen(f[0]), nf > 1 ? f[1] : NULL,
	    nf > 2 ? f[2] : NULL);
	if (nf > 3)
		load_aliases(lex, f[3], term, &canon_amb);
	if (!canon_amb)
		add_spelling(lex, f[0], strlen(f[0]), term, 0);
}

static uint32_t
index_value(struct index *ix, const struct alias *a)
{
	if (!a->ambiguous)
		return (uint32_t)(a->term + 2) << 1;
	if (ix->namb == ix->ambcap) {
		ix->ambcap = ix->ambcap ? 2 * ix->ambcap : 64;
		ix->amb = xreallocarray(ix->amb, ix->ambcap, sizeof *ix->amb);
	}
	ix->amb[ix->namb].term = a->term;
	ix->amb[ix->namb].evidence = (enum jd_lex_evidence)a->ambiguous;
	ix->amb[ix->namb].spelling = a->spelling;
	return (uint32_t)ix->namb++ << 1 | 1;
}

/*
 * Copies every alias into a fresh index. Each load ends with it, so the
 * index is whole before any thread looks up and lookups only ever read.
 */
static void
index_build(struct jd_lexicon *lex)
{
	struct index *ix = &lex->index;

	jd_lookup_free(ix->table);
	ix->table = jd_lookup_new(HASH_COUNT(lex->aliases));
	ix->namb = 0;
	for (struct alias *a = lex->aliases; a != NULL; a = a->hh.next)
		jd_lookup_put(ix->table, a->key, a->len, index_value(ix, a));
}

static int
load_text(struct jd_lexicon *lex, const char *text, size_t len,
    const char *name, struct jd_diag *d)
{
	char *copy = xstrndup(text, len);
	char *p = copy;
	long lineno = 0;

	lex->gen++;
	lex->digest = jd_util_fnv(lex->digest, text, len);
	if (!jd_util_utf8_valid(text, len)) {
		jd_diag_error(d, name, 0, JD_EXIT_INPUT,
		    "lexicon is not valid UTF-8");
		free(copy);
		return -1;
	}
	while (p && *p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		lineno++;
		size_t n = strlen(p);
		if (n && p[n - 1] == '\r')
			p[n - 1] = '\0';
		load_line(lex, p, name, lineno, d);
		p = nl ? nl + 1 : NULL;
	}
	free(copy);
	return 0;
}

int
jd_lexicon_load(struct jd_lexicon *lex, const char *text, size_t len,
    const char *name, struct jd_diag *d)
{
	int rc = load_text(lex, text, len, name, d);

	index_build(lex);
	return rc;
}

static void
add_block(struct jd_lexicon *lex, const char *key, size_t len)
{
	struct alias *a = alias_get(lex, key, len);
	size_t ntok = 1;

	for (size_t i = 0; i < len; i++)
		if (key[i] == ' ') {
			alias_get(lex, key, i);
			ntok++;
		}
	if (a->term < 0)
		a->term = BLOCKED;
	if (ntok > lex->max_tokens)
		lex->max_tokens = ntok;
}

static void
load_blocks(struct jd_lexicon *lex, const char *text, size_t len)
{
	const char *s = text, *end = text + len;

	lex->digest = jd_util_fnv(lex->digest, text, len);
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		if (e > s && *s != '#') {
			struct jd_buf key = JD_BUF_INIT;
			jd_token_fold_text(&key, s, (size_t)(e - s));
			if (key.len)
				add_block(lex, key.data, key.len);
			jd_buf_free(&key);
		}
		s = e + 1;
	}
}

void
jd_lexicon_load_blocks(struct jd_lexicon *lex, const char *text, size_t len)
{
	load_blocks(lex, text, len);
	index_build(lex);
}

int
jd_lexicon_load_builtin(struct jd_lexicon *lex, struct jd_diag *d)
{
	size_t len, blen;
	const char *text = jd_util_corpus("lexicon.tsv", &len);
	const char *blocks = jd_util_corpus("not-terms.txt", &blen);

	if (text == NULL) {
		jd_diag_msg(d, JD_EXIT_FATAL, "built-in lexicon missing");
		return -1;
	}
	if (load_text(lex, text, len, "lexicon.tsv", d) < 0)
		return -1;
	if (blocks)
		load_blocks(lex, blocks, blen);
	index_build(lex);
	return 0;
}

int
jd_lexicon_load_file(struct jd_lexicon *lex, const char *path,
    struct jd_diag *d)
{
	const char *cause;
	char *text;
	size_t len;
	int rc;

	if (jd_util_read_file(path, LEX_MAX_FILE, &text, &len, &cause) < 0) {
		jd_diag_error(d, path, 0, JD_EXIT_INPUT, "%s", cause);
		return -1;
	}
	rc = jd_lexicon_load(lex, text, len, path, d);
	free(text);
	return rc;
}

int
jd_lexicon_lookup(const struct jd_lexicon *lex, const char *key, size_t len,
    struct jd_lexmatch *m)
{
	const struct index *ix = &lex->index;
	uint32_t v;
	int term;

	if (ix->table == NULL || !jd_lookup_get(ix->table, key, len, &v))
		return JD_LEX_NONE;
	term = v & 1 ? ix->amb[v >> 1].term : (int)(v >> 1) - 2;
	if (term == BLOCKED)
		return JD_LEX_BLOCK;
	if (term < 0)
		return JD_LEX_PREFIX;
	if (v & 1) {
		*m = ix->amb[v >> 1];
	} else {
		m->term = term;
		m->evidence = JD_EVID_NONE;
		m->spelling = NULL;
	}
	return JD_LEX_TERM;
}

size_t
jd_lexicon_heads(const struct jd_lexicon *lex, const char *word, size_t len)
{
	struct head *h;

	HASH_FIND(hh, lex->heads, word, len, h);
	return h ? h->terms : 0;
}

size_t
jd_lexicon_max_tokens(const struct jd_lexicon *lex)
{
	return lex->max_tokens;
}

size_t
jd_lexicon_count(const struct jd_lexicon *lex)
{
	return lex->nterms;
}

const struct jd_lexterm *
jd_lexicon_term(const struct jd_lexicon *lex, int id)
{
	if (id < 0 || (size_t)id >= lex->nterms)
		return NULL;
	return &lex->terms[id];
}

int
jd_lexicon_find(const struct jd_lexicon *lex, const char *name)
{
	struct jd_buf key = JD_BUF_INIT;
	struct named *nm;

	jd_token_fold_text(&key, name, strlen(name));
	HASH_FIND(hh, lex->names, jd_buf_str(&key), key.len, nm);
	jd_buf_free(&key);
	return nm ? nm->term : -1;
}

uint64_t
jd_lexicon_digest(const struct jd_lexicon *lex)
{
	return lex->digest;
}
