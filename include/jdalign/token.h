/*
 * token.h: a technology-aware tokenizer for UTF-8 text. "C++", "C#", ".NET",
 * "Node.js", "p99", "99.95%", "event-driven" stay whole; "/" and other
 * punctuation are tokens of their own, so "CI/CD" is CI, /, CD. URLs and
 * e-mail addresses become single JD_TOK_URL tokens that never match a term.
 * Each token keeps its byte span in the text and a folded form for matching
 * (ASCII case folded; typographic quotes, dashes and spaces folded).
 * Ownership: a jd_tokens owns its array and folded bytes.
 */
#ifndef JDALIGN_TOKEN_H
#define JDALIGN_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "jdalign/buf.h"

enum jd_tok_kind { JD_TOK_WORD, JD_TOK_NUM, JD_TOK_PUNCT, JD_TOK_URL };

enum {
	JD_TOKF_CAP = 1,	/* first letter upper case: "Go", "GitHub" */
	JD_TOKF_ALLCAPS = 2,	/* two or more letters, all upper: "AWS" */
	JD_TOKF_INNERCAP = 4,	/* an upper-case letter after the first */
	JD_TOKF_SPACE = 8,	/* white space (or start) just before */
	JD_TOKF_SENT = 16	/* first word of a sentence or list item */
};

struct jd_token {
	uint32_t start, end;	/* bytes in the text, end exclusive */
	uint32_t fold, fold_len;	/* folded form in jd_tokens.fold */
	uint8_t kind;
	uint8_t flags;
};

struct jd_tokens {
	struct jd_token *v;
	size_t n, cap;
	struct jd_buf fold;
};

#define JD_TOKENS_INIT { NULL, 0, 0, JD_BUF_INIT }

/* Replaces toks' contents with the tokens of text[0..len). */
void jd_token_scan(struct jd_tokens *toks, const char *text, size_t len);
/* The folded form of token i (not NUL-terminated). */
const char *jd_token_fold(const struct jd_tokens *toks, size_t i);
void jd_tokens_free(struct jd_tokens *toks);

/* Appends the folded form of text to out: what matching compares. */
void jd_token_fold_text(struct jd_buf *out, const char *text, size_t len);

#endif
