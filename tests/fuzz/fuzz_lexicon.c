/*
 * fuzz_lexicon.c: a user's lexicon file (--lexicon FILE) loaded over the
 * built-in one, as ctx_init does, then used: a lookup of every term's key
 * and a line of text through the term finder.
 */
#include "fuzz.h"
#include "jdalign/diag.h"
#include "jdalign/lexicon.h"
#include "jdalign/terms.h"

static const char lexicon_line[] =
    "Senior engineer: Go, Rust, C++, k8s, Postgres, CI/CD and gRPC on AWS.";

JD_FUZZ_TARGET(lexicon)
{
	struct jd_diag *d = jd_diag_new(jd_fuzz_devnull(), 0);
	struct jd_lexicon *lex = jd_lexicon_new();
	struct jd_terms_opts o = { JD_PHRASES_CORPUS, NULL };
	struct jd_hits h = JD_HITS_INIT;
	char *s = jd_fuzz_copy(data, size);

	(void)jd_lexicon_load(lex, s, size, "user.tsv", d);
	for (size_t i = 0; i < jd_lexicon_count(lex); i++) {
		const struct jd_lexterm *t = jd_lexicon_term(lex, (int)i);
		struct jd_lexmatch m;
		if (t == NULL || t->key == NULL)
			abort();
		(void)jd_lexicon_lookup(lex, t->key, strlen(t->key), &m);
		(void)jd_lexicon_find(lex, t->name);
	}
	(void)jd_lexicon_digest(lex);
	jd_terms_find(lex, &o, lexicon_line, sizeof lexicon_line - 1, &h);
	jd_hits_free(&h);
	jd_lexicon_free(lex);
	jd_diag_free(d);
	free(s);
	return 0;
}
