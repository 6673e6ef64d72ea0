/*
 * test_lexicon.c: aliases reach their canonical term through one hash
 * lookup; user lexicons extend and override the built-in one.
 */
#include "testutil.h"
#include "jdalign/diag.h"
#include "jdalign/lexicon.h"
#include "jdalign/terms.h"

TestSuite(lexicon, .fini = jd_test_fini);

static const char *
canonical(const struct jd_lexicon *lex, const char *text)
{
	static char name[128];
	struct jd_hits h = JD_HITS_INIT;
	struct jd_terms_opts o = { 0 };
	size_t n;

	name[0] = '\0';
	jd_terms_find(lex, &o, text, strlen(text), &h);
	for (size_t i = 0; i < h.n; i++) {
		const char *s = jd_terms_name(lex, &h, i, &n);
		size_t w = strlen(name);
		snprintf(name + w, sizeof name - w, "%s%.*s", w ? "|" : "",
		    (int)n, s);
	}
	jd_hits_free(&h);
	return name;
}

Test(lexicon, builtin_aliases)
{
	struct jd_diag *d = jd_diag_new(stderr, 1);
	struct jd_lexicon *lex = jd_lexicon_new();

	cr_assert_eq(jd_lexicon_load_builtin(lex, d), 0);
	cr_expect_gt(jd_lexicon_count(lex), 200);
	cr_expect_str_eq(canonical(lex, "We tuned Postgres queries"),
	    "PostgreSQL");
	cr_expect_str_eq(canonical(lex, "ran k8s clusters"), "Kubernetes");
	cr_expect_str_eq(canonical(lex, "We ship with CI/CD daily"), "CI/CD");
	cr_expect_str_eq(canonical(lex, "node.js services"), "Node.js");
	jd_lexicon_free(lex);
	jd_diag_free(d);
}

Test(lexicon, user_file_extends)
{
	struct jd_diag *d = jd_diag_new(stderr, 1);
	struct jd_lexicon *lex = jd_lexicon_new();
	const char *user = "# mine\nLedgerCore\ttool\tledger platform\tlcore|ledger core\n"
	    "bad\tline\twith\ttoo\tmany\tfields\n";

	cr_assert_eq(jd_lexicon_load(lex, user, strlen(user), "user.tsv", d), 0);
	cr_expect_str_eq(canonical(lex, "migrated to ledger core"),
	    "LedgerCore");
	cr_expect_str_eq(canonical(lex, "LCORE jobs"), "LedgerCore");
	int id = jd_lexicon_find(lex, "ledgercore");
	cr_assert_geq(id, 0);
	cr_expect_str_eq(jd_lexicon_term(lex, id)->category, "ledger platform");
	cr_expect_eq(jd_diag_warnings(d), 1);
	jd_lexicon_free(lex);
	jd_diag_free(d);
}

Test(lexicon, ambiguous_needs_evidence)
{
	struct jd_diag *d = jd_diag_new(stderr, 1);
	struct jd_lexicon *lex = jd_lexicon_new();
	const char *text = "Golang\tlanguage\tprogramming language\t~Go|golang\n"
	    "Python\tlanguage\tprogramming language\t\n";

	jd_lexicon_load(lex, text, strlen(text), "t.tsv", d);
	cr_expect_str_eq(canonical(lex, "we go to market fast"), "");
	cr_expect_str_eq(canonical(lex, "Go and Python services"),
	    "Golang|Python");
	cr_expect_str_eq(canonical(lex, "services written in Go"), "Golang");
	jd_lexicon_free(lex);
	jd_diag_free(d);
}

Test(lexicon, variants_weak_and_blocks)
{
	struct jd_diag *d = jd_diag_new(stderr, 1);
	struct jd_lexicon *lex = jd_lexicon_new();
	const char *text =
	    "disaster recovery\tpractice\treliability practice\t\n"
	    "event-driven architecture\tconcept\tarchitecture\t\n"
	    "Spring Framework\tframework\tjava web framework\t~~Spring\n"
	    "Java\tlanguage\tprogramming language\t\n"
	    "unit testing\tpractice\ttesting practice\tunit tests\n"
	    "load testing\tpractice\ttesting practice\t\n"
	    "contract testing\tpractice\ttesting practice\t\n";
	const char *blocks = "# comment\nspring break\n";
	struct jd_lexmatch m;

	cr_assert_eq(jd_lexicon_load(lex, text, strlen(text), "t.tsv", d), 0);
	jd_lexicon_load_blocks(lex, blocks, strlen(blocks));
	/* plain words also match hyphenated, hyphenated also with spaces */
	cr_expect_str_eq(canonical(lex, "disaster-recovery drills"),
	    "disaster recovery");
	cr_expect_str_eq(canonical(lex, "event driven architecture"),
	    "event-driven architecture");
	/* '~~': casing is no evidence, a neighbouring technology is */
	cr_expect_str_eq(canonical(lex, "we use Spring daily"), "");
	cr_expect_str_eq(canonical(lex, "Java and Spring"),
	    "Java|Spring Framework");
	cr_assert_eq(jd_lexicon_lookup(lex, "spring", 6, &m), JD_LEX_TERM);
	cr_expect_eq(m.evidence, JD_EVID_CONTEXT);
	cr_expect_str_eq(m.spelling, "Spring");
	/* a blocked phrase hides what is inside it */
	cr_expect_eq(jd_lexicon_lookup(lex, "spring break", 12, &m),
	    JD_LEX_BLOCK);
	cr_expect_str_eq(canonical(lex, "Java over spring break"), "Java");
	/* heads: words that end several terms */
	cr_expect_eq(jd_lexicon_heads(lex, "testing", 7), 3);
	cr_expect_eq(jd_lexicon_heads(lex, "java", 4), 0);
	jd_lexicon_free(lex);
	jd_diag_free(d);
}

Test(lexicon, builtin_size_and_junk)
{
	struct jd_diag *d = jd_diag_new(stderr, 1);
	struct jd_lexicon *lex = jd_lexicon_new();

	cr_assert_eq(jd_lexicon_load_builtin(lex, d), 0);
	cr_expect_geq(jd_lexicon_count(lex), 2500);
	/* the junk of the first lexicon stays out */
	cr_expect_str_eq(canonical(lex, "safe online migrations"), "");
	cr_expect_str_eq(canonical(lex, "Solid habits"), "");
	cr_expect_str_eq(canonical(lex, "tuning the knobs"), "");
	cr_expect_str_eq(canonical(lex, "retries and timeouts"), "");
	cr_expect_str_eq(canonical(lex, "organization location"), "");
	cr_expect_lt(jd_lexicon_find(lex, "Facebook"), 0);
	jd_lexicon_free(lex);
	jd_diag_free(d);
}

/* Each load ends with every alias found as it now stands: a user file read
 * after the built-in lexicon takes over its aliases, adds new ones, and
 * blocked phrases read after both hide them. */
Test(lexicon, later_loads_reach_lookups)
{
	struct jd_diag *d = jd_diag_new(stderr, 1);
	struct jd_lexicon *lex = jd_lexicon_new();
	const char *user = "Kraken8\tplatform\tcontainers\tk8s|~Krak\n"
	    "Zorbly Frobnic Gizmo\ttool\ttesting tool\tzorbly gizmo\n";
	const char *blocks = "zorbly frobnic\n";
	struct jd_lexmatch m;
	int kube, kraken, zfg;

	cr_assert_eq(jd_lexicon_lookup(lex, "k8s", 3, &m), JD_LEX_NONE);
	cr_assert_eq(jd_lexicon_load_builtin(lex, d), 0);
	kube = jd_lexicon_find(lex, "Kubernetes");
	cr_assert_eq(jd_lexicon_lookup(lex, "k8s", 3, &m), JD_LEX_TERM);
	cr_expect_eq(m.term, kube);
	cr_expect_eq(jd_lexicon_lookup(lex, "zorbly", 6, &m), JD_LEX_NONE);

	cr_assert_eq(jd_lexicon_load(lex, user, strlen(user), "u.tsv", d), 0);
	kraken = jd_lexicon_find(lex, "Kraken8");
	zfg = jd_lexicon_find(lex, "zorbly frobnic gizmo");
	cr_assert_eq(jd_lexicon_lookup(lex, "k8s", 3, &m), JD_LEX_TERM);
	cr_expect_eq(m.term, kraken);
	cr_expect_eq(m.evidence, JD_EVID_NONE);
	cr_expect_null(m.spelling);
	cr_assert_eq(jd_lexicon_lookup(lex, "krak", 4, &m), JD_LEX_TERM);
	cr_expect_eq(m.term, kraken);
	cr_expect_eq(m.evidence, JD_EVID_CASE);
	cr_expect_str_eq(m.spelling, "Krak");
	cr_expect_eq(jd_lexicon_lookup(lex, "kube", 4, &m), JD_LEX_TERM);
	cr_expect_eq(m.term, kube);
	cr_expect_eq(jd_lexicon_lookup(lex, "zorbly", 6, &m), JD_LEX_PREFIX);
	cr_expect_eq(jd_lexicon_lookup(lex, "zorbly frobnic", 14, &m),
	    JD_LEX_PREFIX);
	cr_assert_eq(jd_lexicon_lookup(lex, "zorbly frobnic gizmo", 20, &m),
	    JD_LEX_TERM);
	cr_expect_eq(m.term, zfg);
	cr_expect_str_eq(canonical(lex, "we run k8s and zorbly gizmo"),
	    "Kraken8|Zorbly Frobnic Gizmo");

	jd_lexicon_load_blocks(lex, blocks, strlen(blocks));
	cr_expect_eq(jd_lexicon_lookup(lex, "zorbly frobnic", 14, &m),
	    JD_LEX_BLOCK);
	cr_expect_eq(jd_lexicon_lookup(lex, "zorbly frobnic gizmo", 20, &m),
	    JD_LEX_TERM);
	cr_expect_eq(jd_lexicon_lookup(lex, "zorbly gizmo", 12, &m),
	    JD_LEX_TERM);
	jd_lexicon_free(lex);
	jd_diag_free(d);
}
