/*
 * test_vocab.c: the corpus table as postings add up: a term keeps the
 * smallest example line it stands in, and a discovered phrase counts the
 * contexts it stands in (the words of its sentence around it), each once
 * however many postings repeat it; the context hashes are what partial
 * tables carry, so their values are pinned, and which are kept does not
 * depend on the order postings come in.
 */
#include "testutil.h"
#include "jdalign/diag.h"
#include "jdalign/lexicon.h"
#include "jdalign/terms.h"
#include "jdalign/vocab.h"

TestSuite(vocab, .fini = jd_test_fini);

#define PHRASE "slowly changing dimensions"

struct fixture {
	struct jd_lexicon *lex;
	struct jd_background *bg;
	struct jd_terms_opts opts;
	struct jd_hits hits;
	struct jd_vocab *v;
};

static void
fixture_init(struct fixture *f)
{
	struct jd_diag *d = jd_diag_new(stderr, 1);

	f->lex = jd_lexicon_new();
	cr_assert_eq(jd_lexicon_load_builtin(f->lex, d), 0);
	jd_diag_free(d);
	f->bg = jd_background_builtin();
	f->opts.phrases = JD_PHRASES_CORPUS;
	f->opts.bg = f->bg;
	f->hits = (struct jd_hits)JD_HITS_INIT;
	f->v = jd_vocab_new(f->bg);
}

static void
fixture_free(struct fixture *f)
{
	jd_vocab_free(f->v);
	jd_hits_free(&f->hits);
	jd_background_free(f->bg);
	jd_lexicon_free(f->lex);
}

/* Adds a posting whose required section holds the n lines. */
static void
add_posting(struct fixture *f, const char *const *lines, size_t n)
{
	struct jd_doc *doc = jd_vocab_doc_new();

	for (size_t i = 0; i < n; i++)
		jd_vocab_doc_line(doc, f->lex, &f->opts, &f->hits, lines[i],
		    strlen(lines[i]), "required", 0);
	jd_vocab_add(f->v, doc);
	jd_vocab_doc_free(doc);
}

static void
add_line(struct fixture *f, const char *line)
{
	add_posting(f, &line, 1);
}

/* The row of name, which must be in the table. */
static struct jd_vterm
row_of(struct fixture *f, const char *name)
{
	size_t n = jd_vocab_sort_all(f->v);
	struct jd_vterm r;

	for (size_t i = 0; i < n; i++) {
		jd_vocab_row(f->v, i, &r);
		if (strcmp(r.name, name) == 0)
			return r;
	}
	cr_assert_fail("no row \"%s\"", name);
	return r;
}

static uint64_t
fnv(const char *s)
{
	return jd_util_fnv(JD_FNV_INIT, s, strlen(s));
}

/* Pasted text is one context, however many postings paste it. */
Test(vocab, equal_lines_one_context)
{
	struct fixture f;
	const char *line = "Keep " PHRASE " correct";

	fixture_init(&f);
	for (int i = 0; i < 5; i++)
		add_line(&f, line);
	struct jd_vterm r = row_of(&f, PHRASE);
	cr_expect_eq(r.postings, 5);
	cr_expect_eq(r.required_postings, 5);
	cr_expect_str_eq(r.example, line);
	cr_assert_eq(r.ncontexts, 1);
	cr_expect_eq(r.contexts[0], fnv(line));
	fixture_free(&f);
}

/* Spellings that differ in case find the same place in the line. */
Test(vocab, spellings_one_context)
{
	struct fixture f;

	fixture_init(&f);
	add_line(&f, "Keep " PHRASE " correct");
	add_line(&f, "Keep Slowly Changing Dimensions correct");
	add_line(&f, "Keep " PHRASE " correct");
	struct jd_vterm r = row_of(&f, PHRASE);
	cr_expect_str_eq(r.example, "Keep Slowly Changing Dimensions correct");
	cr_expect_eq(r.nvariants, 2);
	cr_expect_eq(r.ncontexts, 2);
	fixture_free(&f);
}

/* The smallest line is kept whatever the order; a line seen before adds no
 * context when it comes back, before or after a smaller one. */
Test(vocab, smallest_example_contexts_once)
{
	struct fixture f;
	const char *big = "Keep " PHRASE " correct";
	const char *small = "Fix " PHRASE " fast";

	fixture_init(&f);
	add_line(&f, big);
	add_line(&f, small);
	add_line(&f, big);
	add_line(&f, small);
	add_line(&f, big);
	struct jd_vterm r = row_of(&f, PHRASE);
	cr_expect_eq(r.postings, 5);
	cr_expect_str_eq(r.example, small);
	cr_assert_eq(r.ncontexts, 2);
	uint64_t lo = fnv(big) < fnv(small) ? fnv(big) : fnv(small);
	uint64_t hi = fnv(big) < fnv(small) ? fnv(small) : fnv(big);
	cr_expect_eq(r.contexts[0], lo, "the smaller hash first");
	cr_expect_eq(r.contexts[1], hi);
	fixture_free(&f);
}

/* A posting's example is its smallest line, its spelling the first: the
 * context is the spelling's first place in that line, within its sentence
 * and CONTEXT_REACH (32) bytes. */
Test(vocab, context_window)
{
	struct fixture f;
	const char *lines[] = {
		"Zoom in: Slowly Changing Dimensions weekly",
		"Done. We keep " PHRASE " correct across all of "
		    "the loads we run. Really.",
	};

	fixture_init(&f);
	add_posting(&f, lines, 2);
	struct jd_vterm r = row_of(&f, PHRASE);
	cr_expect_str_eq(r.example, lines[1]);
	cr_expect_str_eq(r.variant_list[0], "Slowly Changing Dimensions");
	cr_assert_eq(r.ncontexts, 1);
	cr_expect_eq(r.contexts[0], fnv(" We keep " PHRASE
	    " correct across all of the loads"));
	fixture_free(&f);
}

static int
by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Past four contexts a phrase counts four. A table kept for a partial
 * table holds the four smallest of them, smallest first, whatever order
 * the postings come in, so tables made by threads in any order merge to
 * the same. */
Test(vocab, contexts_bounded)
{
	const char *lines[] = {
		"Tune " PHRASE " daily", "Keep " PHRASE " well",
		"Fix " PHRASE " often", "Keep " PHRASE " correct",
		"Fix " PHRASE " fast",
	};
	uint64_t want[5];

	for (size_t i = 0; i < 5; i++)
		want[i] = fnv(lines[i]);
	qsort(want, 5, sizeof *want, by_value);
	for (int keep = 0; keep < 2; keep++)
		for (int backwards = 0; backwards < 2; backwards++) {
			struct fixture f;
			fixture_init(&f);
			if (keep)
				jd_vocab_keep_contexts(f.v);
			for (size_t i = 0; i < 5; i++)
				add_line(&f, lines[backwards ? 4 - i : i]);
			struct jd_vterm r = row_of(&f, PHRASE);
			cr_expect_str_eq(r.example, lines[4]);
			cr_assert_eq(r.ncontexts, 4);
			for (size_t i = 0; keep && i < 4; i++)
				cr_expect_eq(r.contexts[i], want[i], "%s %zu",
				    backwards ? "backwards" : "forwards", i);
			fixture_free(&f);
		}
}

/* The spelling's first place in the line, ASCII case aside, even inside a
 * longer word; near either end of lines long and short. */
static const struct {
	const char *line, *phrase, *context;
} places[] = {
	{ "Slowly changing dimensions matter", PHRASE,
	    "Slowly changing dimensions matter" },
	{ "Our warehouse team keeps " PHRASE " right", PHRASE,
	    "Our warehouse team keeps " PHRASE " right" },
	{ "We write many long reports about warehouses, pipelines and, "
	    "lately, " PHRASE, PHRASE,
	    "ehouses, pipelines and, lately, " PHRASE },
	{ "Uninflame graphsets aside, read flame graphs daily",
	    "flame graphs",
	    "Uninflame graphsets aside, read flame graphs dai" },
	{ "Read FLAME GRAPHS. Then Flame Graphs again", "flame graphs",
	    "Read FLAME GRAPHS" },
};

Test(vocab, context_places)
{
	for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
		struct fixture f;
		fixture_init(&f);
		add_line(&f, places[i].line);
		struct jd_vterm r = row_of(&f, places[i].phrase);
		cr_assert_eq(r.ncontexts, 1, "%s", places[i].line);
		cr_expect_eq(r.contexts[0], fnv(places[i].context), "%s",
		    places[i].line);
		fixture_free(&f);
	}
}

/* A table moved into an empty one reads as one merged into it. */
Test(vocab, merge_into_empty)
{
	struct fixture f;
	struct jd_vocab *moved, *copied;
	const char *lines[] = {
		"Keep " PHRASE " correct",
		"Fix Slowly Changing Dimensions fast",
		"Experience reading flame graphs",
		"Tune " PHRASE " daily",
	};

	fixture_init(&f);
	moved = jd_vocab_new(f.bg);
	copied = jd_vocab_new(f.bg);
	for (size_t i = 0; i < 4; i++)
		add_posting(&f, lines, i + 1);
	jd_vocab_merge(copied, f.v);
	jd_vocab_merge_free(moved, f.v);
	f.v = moved;
	size_t n = jd_vocab_sort_all(moved);
	cr_assert_eq(jd_vocab_sort_all(copied), n);
	cr_expect_eq(jd_vocab_postings(moved), 4);
	for (size_t i = 0; i < n; i++) {
		struct jd_vterm a, b;
		jd_vocab_row(moved, i, &a);
		jd_vocab_row(copied, i, &b);
		cr_expect_str_eq(a.name, b.name);
		cr_expect_eq(a.postings, b.postings);
		cr_expect_str_eq(a.variants, b.variants);
		cr_expect_str_eq(a.example, b.example);
		cr_assert_eq(a.ncontexts, b.ncontexts);
		for (size_t k = 0; k < a.ncontexts; k++)
			cr_expect_eq(a.contexts[k], b.contexts[k]);
	}
	jd_vocab_free(copied);
	fixture_free(&f);
}
