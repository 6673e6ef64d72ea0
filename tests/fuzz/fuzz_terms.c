/*
 * fuzz_terms.c: the tokenizer and the term finder, as `jdalign terms`
 * runs them (run.c): the input made valid UTF-8, then every line through
 * jd_terms_find with the built-in lexicon (loaded once), each hit named;
 * the whole text through jd_token_scan and jd_token_fold_text. The first
 * byte, when odd, turns phrase discovery on.
 */
#include "fuzz.h"
#include "jdalign/buf.h"
#include "jdalign/diag.h"
#include "jdalign/lexicon.h"
#include "jdalign/terms.h"
#include "jdalign/token.h"

static struct jd_lexicon *
terms_lexicon(void)
{
	static struct jd_lexicon *lex;

	if (lex == NULL) {
		struct jd_diag *d = jd_diag_new(jd_fuzz_devnull(), 1);
		lex = jd_lexicon_new();
		if (jd_lexicon_load_builtin(lex, d) < 0)
			abort();
		jd_diag_free(d);
	}
	return lex;
}

static void
terms_lines(const struct jd_lexicon *lex, const struct jd_terms_opts *o,
    const char *s, size_t n)
{
	struct jd_hits h = JD_HITS_INIT;
	const char *end = s + n;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		jd_terms_find(lex, o, s, (size_t)(e - s), &h);
		for (size_t i = 0; i < h.n; i++) {
			size_t len;
			const char *name = jd_terms_name(lex, &h, i, &len);
			if (name == NULL || h.v[i].end < h.v[i].start ||
			    h.v[i].end > (size_t)(e - s))
				abort();
		}
		s = e + 1;
	}
	jd_hits_free(&h);
}

JD_FUZZ_TARGET(terms)
{
	struct jd_terms_opts o = {
		size > 0 && (data[0] & 1) ? JD_PHRASES_CORPUS : JD_PHRASES_OFF,
		NULL
	};
	struct jd_buf utf8 = JD_BUF_INIT, fold = JD_BUF_INIT;
	struct jd_tokens toks = JD_TOKENS_INIT;
	char *s = jd_fuzz_copy(data, size);

	jd_util_to_utf8(s, size, "utf-8", &utf8);
	terms_lines(terms_lexicon(), &o, jd_buf_str(&utf8), utf8.len);
	jd_token_scan(&toks, jd_buf_str(&utf8), utf8.len);
	for (size_t i = 0; i < toks.n; i++)
		if (toks.v[i].end > utf8.len || toks.v[i].start > toks.v[i].end)
			abort();
	jd_token_fold_text(&fold, jd_buf_str(&utf8), utf8.len);
	jd_tokens_free(&toks);
	jd_buf_free(&fold);
	jd_buf_free(&utf8);
	free(s);
	return 0;
}
