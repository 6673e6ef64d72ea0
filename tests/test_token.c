/*
 * test_token.c: the tokenizer keeps technology names whole and folds what
 * only looks different. Cases are a table: text, then the tokens expected,
 * as written, separated by '|'.
 */
#include "testutil.h"
#include "jdalign/token.h"

TestSuite(token, .fini = jd_test_fini);

struct tcase {
	char text[80];
	char want[160];
};

static const struct tcase cases[] = {
	{ "C/C++", "C|/|C++" },
	{ "C#/.NET", "C#|/|.NET" },
	{ "Node.js/Express", "Node.js|/|Express" },
	{ "CI/CD pipelines", "CI|/|CD|pipelines" },
	{ "REST/gRPC APIs", "REST|/|gRPC|APIs" },
	{ "AWS (EC2, S3, Lambda)", "AWS|(|EC2|,|S3|,|Lambda|)" },
	{ "5+ years", "5+|years" },
	{ "p95 latency", "p95|latency" },
	{ "PostgreSQL 14", "PostgreSQL|14" },
	{ "scikit-learn", "scikit-learn" },
	{ "Go (Golang)", "Go|(|Golang|)" },
	{ "TypeScript/JavaScript", "TypeScript|/|JavaScript" },
	{ "Sr. engineer", "Sr|.|engineer" },
	{ "the U.S. market", "the|U.S.|market" },
	{ "99.95% uptime", "99.95%|uptime" },
	{ "event-driven design", "event-driven|design" },
	{ "see https://x.example/a?b=1.", "see|https://x.example/a?b=1" },
	{ "mail jobs@acme.example now", "mail|jobs@acme.example|now" },
	{ "A/B testing", "A|/|B|testing" },
	{ "TCP/IP", "TCP|/|IP" },
	{ "Python.", "Python|." },
	{ "$150,000 salary", "$|150,000|salary" },
	{ "R&D team", "R&D|team" },
	{ "F# and C#", "F#|and|C#" },
	{ "Notepad++", "Notepad++" },
	{ "don\xe2\x80\x99t stop", "don\xe2\x80\x99t|stop" },
	{ "Kafka\xc2\xa0Streams", "Kafka|Streams" },
	{ "Go\xe2\x80\x94" "fast", "Go|\xe2\x80\x94|" "fast" },
	{ "\xe2\x80\xa2 Docker", "\xe2\x80\xa2|Docker" },
	{ "\xe2\x80\x9cquoted\xe2\x80\x9d", "\xe2\x80\x9c|quoted|\xe2\x80\x9d" },
};

static void
joined(const char *text, char *out, size_t cap)
{
	struct jd_tokens t = JD_TOKENS_INIT;
	size_t w = 0;

	jd_token_scan(&t, text, strlen(text));
	out[0] = '\0';
	for (size_t i = 0; i < t.n; i++) {
		size_t n = t.v[i].end - t.v[i].start;
		if (i && w + 1 < cap)
			out[w++] = '|';
		if (w + n < cap) {
			memcpy(out + w, text + t.v[i].start, n);
			w += n;
		}
	}
	out[w] = '\0';
	jd_tokens_free(&t);
}

Test(token, table)
{
	char got[256];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		joined(cases[i].text, got, sizeof got);
		cr_expect_str_eq(got, cases[i].want, "tokens of \"%s\"",
		    cases[i].text);
	}
}

Test(token, folding)
{
	struct jd_buf b = JD_BUF_INIT;

	jd_token_fold_text(&b, "Node.JS \xe2\x80\x93 Don\xe2\x80\x99t",
	    strlen("Node.JS \xe2\x80\x93 Don\xe2\x80\x99t"));
	cr_expect_str_eq(jd_buf_str(&b), "node.js - don't");
	jd_buf_free(&b);
}

Test(token, flags)
{
	struct jd_tokens t = JD_TOKENS_INIT;
	const char *s = "We use Go and AWS daily";

	jd_token_scan(&t, s, strlen(s));
	cr_assert_eq(t.n, 6);
	cr_expect(t.v[0].flags & JD_TOKF_SENT);
	cr_expect(t.v[2].flags & JD_TOKF_CAP);
	cr_expect(!(t.v[2].flags & JD_TOKF_SENT));
	cr_expect(t.v[4].flags & JD_TOKF_ALLCAPS);
	cr_expect_eq(t.v[3].kind, JD_TOK_WORD);
	jd_tokens_free(&t);
}
