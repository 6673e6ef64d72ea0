/*
 * test_terms.c: terms found in a line with the built-in lexicon: ambiguous
 * spellings count only with evidence from their context (casing, a
 * neighbouring technology, a cue word, the same term written plainly), and
 * phrases the lexicon lacks are discovered. Cases are tables: a line, then
 * the canonical terms expected, in order, joined by '|'; a discovered
 * phrase is written "+phrase".
 */
#include "testutil.h"
#include "jdalign/diag.h"
#include "jdalign/lexicon.h"
#include "jdalign/terms.h"

TestSuite(terms, .fini = jd_test_fini);

struct tcase {
	char text[64];
	char want[96];
};

static struct jd_lexicon *
builtin(void)
{
	struct jd_diag *d = jd_diag_new(stderr, 1);
	struct jd_lexicon *lex = jd_lexicon_new();

	cr_assert_eq(jd_lexicon_load_builtin(lex, d), 0);
	jd_diag_free(d);
	return lex;
}

static void
found(const struct jd_lexicon *lex, const struct jd_terms_opts *o,
    const char *text, char *out, size_t cap)
{
	struct jd_hits h = JD_HITS_INIT;
	size_t w = 0, n;

	out[0] = '\0';
	jd_terms_find(lex, o, text, strlen(text), &h);
	for (size_t i = 0; i < h.n; i++) {
		const char *s = jd_terms_name(lex, &h, i, &n);
		int k = snprintf(out + w, cap - w, "%s%s%.*s", i ? "|" : "",
		    h.v[i].source == JD_SRC_PHRASE ? "+" : "", (int)n, s);
		if (k < 0 || (size_t)k >= cap - w)
			break;
		w += (size_t)k;
	}
	jd_hits_free(&h);
}

static void
check_table(const struct tcase *cases, size_t n, int phrases)
{
	struct jd_lexicon *lex = builtin();
	struct jd_background *bg = jd_background_builtin();
	struct jd_terms_opts o = { phrases, bg };
	char got[256];

	for (size_t i = 0; i < n; i++) {
		found(lex, &o, cases[i].text, got, sizeof got);
		cr_expect_str_eq(got, cases[i].want, "terms of \"%s\": \"%s\"",
		    cases[i].text, got);
	}
	jd_background_free(bg);
	jd_lexicon_free(lex);
}

/* Each ambiguous name of the issue, with and without evidence. */
static const struct tcase ambiguous[] = {
	/* Go */
	{ "Services written in Go and Python", "Go|Python" },
	{ "We go to market fast", "" },
	{ "Ready to go live next week", "" },
	{ "Go (Golang) microservices", "Go|Go|microservices" },
	{ "Experience with languages such as Python or Go", "Python|Go" },
	{ "Go developers wanted", "Go" },
	/* R */
	{ "Experience with R, SQL and Tableau", "R|SQL|Tableau" },
	{ "R programming for statistics", "R|statistics" },
	{ "Dr. R Smith will interview you", "" },
	{ "Knowledge of R is a plus", "R" },
	/* C */
	{ "C/C++ and embedded firmware", "C|C++|firmware" },
	{ "Hepatitis C research", "" },
	{ "Proficiency in C is required", "C" },
	{ "a c-suite audience", "" },
	/* Rust */
	{ "Rust or Go for systems work", "Rust|Go" },
	{ "Remove rust from the pipes", "" },
	{ "We use Rust daily", "Rust" },
	/* Swift */
	{ "Swift and Kotlin for iOS", "Swift|Kotlin|iOS" },
	{ "Taylor Swift tickets for the team", "" },
	{ "a swift response to incidents", "" },
	/* Spring */
	{ "Java, Spring and Hibernate", "Java|Spring Framework|Hibernate" },
	{ "Spring 2025 internship", "" },
	{ "We hire interns every Spring season", "" },
	/* Express */
	{ "Node.js/Express backend", "Node.js|Express|backend development" },
	{ "Express delivery to your door", "" },
	{ "Retail brands like Gap, Express and Zara", "" },
	/* Rest */
	{ "REST and gRPC interfaces", "REST|gRPC" },
	{ "Get some rest over the weekend", "" },
	{ "Rest assured we pay well", "" },
	/* Access */
	{ "Access, Excel and SQL Server",
	    "Microsoft Access|Microsoft Excel|Microsoft SQL Server" },
	{ "Access to health insurance", "" },
	{ "We grant you access on day one", "" },
	/* Excel */
	{ "Excel, Word and PowerPoint",
	    "Microsoft Excel|Microsoft Word|Microsoft PowerPoint" },
	{ "Advanced Excel skills", "Microsoft Excel" },
	{ "You will excel in this role", "" },
	/* Make */
	{ "make, cmake and bazel", "GNU Make|CMake|Bazel" },
	{ "Make sure tests pass", "" },
	{ "We make great software", "" },
	/* Chef and Puppet */
	{ "Chef or Puppet for config management",
	    "Chef|Puppet|configuration management" },
	{ "Our chef cooks lunch daily", "" },
	{ "a puppet show for kids", "" },
	/* Ember */
	{ "Ember or React front ends", "Ember.js|React" },
	{ "the last ember of the fire", "" },
	/* more: Oracle, Apache, Swift in a heading, SAFe, SOLID, tuning */
	{ "Nginx or Apache in front", "Nginx|Apache HTTP Server" },
	{ "Apache helicopters", "" },
	{ "Oracle and PostgreSQL", "Oracle Database|PostgreSQL" },
	{ "SAFe and Scrum ceremonies", "Scaled Agile Framework|Scrum" },
	{ "indexing, query optimization and safe online migrations",
	    "indexing|query optimization" },
	{ "Solid observability habits", "observability" },
	{ "SOLID and design patterns", "SOLID principles|design patterns" },
	{ "Performance tuning of PostgreSQL",
	    "performance tuning|PostgreSQL" },
	{ "tuning the guitar", "" },
	{ "Retries and timeouts", "" },
	{ "Basic React experience", "React" },
	{ "Mobile apps in Swift", "mobile development|Swift" },
	{ "highly mobile workforce", "" },
	{ "Go Rust Swift Spring Express", "" },
	/* blocked phrases (corpora/not-terms.txt) */
	{ "Experience with Go; we go live in May", "Go" },
	{ "Social Security and national security work", "" },
	{ "cloud security and job security", "cloud security" },
	{ "Drug testing required; unit testing daily", "unit testing" },
	{ "Make sure you know make and cmake", "GNU Make|CMake" },
};

Test(terms, ambiguous_by_context)
{
	check_table(ambiguous, sizeof ambiguous / sizeof ambiguous[0], 0);
}

/* Aliases, longest match, hyphen and space variants, URLs never match. */
static const struct tcase lookups[] = {
	{ "We tuned Postgres queries", "PostgreSQL" },
	{ "ran k8s clusters", "Kubernetes" },
	{ "CI/CD pipelines on GitHub Actions", "CI/CD|GitHub Actions" },
	{ "node.js services", "Node.js" },
	{ "event-driven architecture", "event-driven architecture" },
	{ "event driven architecture", "event-driven architecture" },
	{ "disaster-recovery drills", "disaster recovery" },
	{ "high-availability clusters", "high availability" },
	{ "AWS (EC2, S3, Lambda)",
	    "Amazon Web Services|Amazon EC2|Amazon S3|AWS Lambda" },
	{ "C#/.NET and F#", "C#|.NET|F#" },
	{ "Python's ecosystem", "Python" },
	{ "see https://kafka.example/docs", "" },
	{ "mail kafka@acme.example", "" },
	{ "A/B testing", "A/B testing" },
	{ "Spring Boot microservices", "Spring Boot|microservices" },
	{ "Ruby on Rails", "Ruby on Rails" },
	{ "fluent in English and German", "English|German" },
	{ "BSc in Physics", "bachelor's degree|physics" },
	{ "manual testing and test automation", "testing|test automation" },
};

Test(terms, lookups)
{
	check_table(lookups, sizeof lookups / sizeof lookups[0], 0);
}

/* Phrases: with no corpus (terms), only what the background table says
 * recurs and looks like a term; with a corpus, every candidate bounded by
 * stop words, generic words, punctuation and lexicon terms. */
static const struct tcase background_phrases[] = {
	{ "hosted infrastructure services on Google App Engine",
	    "+hosted infrastructure services|+google app engine" },
	{ "strong experience with the team", "" },
	{ "competitive salary and equal opportunity", "" },
};

Test(terms, phrases_background)
{
	check_table(background_phrases, sizeof background_phrases /
	    sizeof background_phrases[0], JD_PHRASES_BACKGROUND);
}

static const struct tcase corpus_phrases[] = {
	{ "Strong distributed systems experience", "distributed systems" },
	{ "slowly changing dimensions in Snowflake",
	    "+slowly changing dimensions|Snowflake" },
	{ "Experience reading flame graphs", "+flame graphs" },
	{ "Keep slowly changing dimensions correct",
	    "+slowly changing dimensions" },
	{ "structured logs and consistency trade-offs",
	    "+structured logs|+consistency trade-offs" },
	{ "we offer a competitive salary and great benefits", "" },
	{ "an equal opportunity employer valuing quantum widgets", "" },
	{ "team of 5 people in 3 offices", "" },
	{ "PyTorch2 and Vue.js", "+pytorch2|Vue.js" },
	{ "Kafka, flame graphs, Snowflake, structured logs, Go",
	    "Apache Kafka|+flame graphs|Snowflake|+structured logs|Go" },
	{ "KT and WhatsApp", "" },
	{ "one two three four five six words here", "" },
};

Test(terms, phrases_corpus)
{
	check_table(corpus_phrases, sizeof corpus_phrases /
	    sizeof corpus_phrases[0], JD_PHRASES_CORPUS);
}

Test(terms, offsets_as_written)
{
	struct jd_lexicon *lex = builtin();
	struct jd_hits h = JD_HITS_INIT;
	const char *s = "\xe2\x80\xa2 Kafka\xc2\xa0Streams and Postgres";

	jd_terms_find(lex, NULL, s, strlen(s), &h);
	cr_assert_eq(h.n, 2);
	cr_expect_eq(h.v[0].start, 4);
	cr_expect_eq(h.v[0].end, 18);
	cr_expect_eq(h.v[1].start, 23);
	cr_expect_eq(h.v[1].end, 31);
	cr_expect_eq(h.v[0].source, JD_SRC_LEXICON);
	jd_hits_free(&h);
	jd_lexicon_free(lex);
}

Test(terms, long_line_bounded)
{
	struct jd_lexicon *lex = builtin();
	struct jd_background *bg = jd_background_builtin();
	struct jd_terms_opts o = { JD_PHRASES_BACKGROUND, bg };
	struct jd_hits h = JD_HITS_INIT;
	struct jd_buf b = JD_BUF_INIT;

	for (int i = 0; i < 20000; i++)
		jd_buf_adds(&b, "go, rust, Go and spring ");
	jd_terms_find(lex, &o, b.data, b.len, &h);
	cr_expect_gt(h.n, 10000);
	jd_buf_free(&b);
	jd_hits_free(&h);
	jd_background_free(bg);
	jd_lexicon_free(lex);
}

Test(terms, word_lists)
{
	cr_expect(jd_terms_stopword("the", 3));
	cr_expect(!jd_terms_stopword("kafka", 5));
	cr_expect(jd_terms_generic("experience", 10));
	cr_expect(jd_terms_boilerplate("competitive salary", 18));
	cr_expect(!jd_terms_boilerplate("distributed systems", 19));
	/* keys of every length class, and near misses of the same length */
	static const struct { const char *w; int stop, generic; } v[] = {
		{ "a", 1, 0 }, { "b", 0, 0 }, { "an", 1, 0 }, { "ab", 0, 0 },
		{ "about", 1, 0 }, { "abouu", 0, 0 }, { "aptitude", 0, 1 },
		{ "aptitudf", 0, 0 }, { "bptitude", 0, 0 },
		{ "learning-oriented", 0, 1 }, { "learning-orienteD", 0, 0 },
		{ "learninG-oriented", 0, 0 }, { "", 0, 0 },
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		size_t n = strlen(v[i].w);
		cr_expect_eq(jd_terms_stopword(v[i].w, n), v[i].stop, "%s",
		    v[i].w);
		cr_expect_eq(jd_terms_generic(v[i].w, n), v[i].generic, "%s",
		    v[i].w);
	}
	cr_expect(jd_terms_boilerplate("equal opportunity employer", 26));
	cr_expect(!jd_terms_boilerplate("equal opportunity employes", 26));
	cr_expect(!jd_terms_boilerplate("equal", 5), "a start is no entry");
}

Test(terms, background)
{
	struct jd_background *bg = jd_background_builtin();

	cr_expect_gt(jd_background_docs(bg), 100);
	cr_expect_gt(jd_background_df(bg, "team", 4), 100);
	cr_expect_eq(jd_background_df(bg, "zzzz qqqq", 9), 0);
	cr_expect_eq(jd_background_df(NULL, "team", 4), 0);
	cr_expect_lt(jd_terms_specificity(200, 270), 0.1);
	cr_expect_gt(jd_terms_specificity(2, 270), 0.7);
	jd_background_free(bg);
}

/* ------------------------------------------------------------ commands */

static char *
terms_output(const char *text, const char *format)
{
	char *dir = jd_test_tmpdir(), path[256];
	const char *args[] = { "terms", "--format", format, path, NULL };
	struct jd_run_result r;

	snprintf(path, sizeof path, "%s/in.txt", dir);
	jd_test_write(path, text);
	r = jd_test_run(args);
	cr_expect_eq(r.status, 0, "terms exit %d: %s", r.status, r.err);
	jd_test_rmrf(dir);
	free(dir);
	free(r.err);
	return r.out;
}

/* jsonl: one object per physical line (empty ones too), fields in the
 * documented order, offsets into the line as read. */
Test(terms, jsonl_lines_and_offsets)
{
	char *out = terms_output("Go and Kafka\n\n\xe2\x80\xa2 PostgreSQL "
	    "tuning\r\nlast line\n", "jsonl");
	const char *want =
	    "{\"line\":1,\"text\":\"Go and Kafka\",\"terms\":["
	    "{\"term\":\"Go\",\"surface\":\"Go\",\"start\":0,\"end\":2,"
	    "\"kind\":\"language\",\"source\":\"lexicon\"},"
	    "{\"term\":\"Apache Kafka\",\"surface\":\"Kafka\",\"start\":7,"
	    "\"end\":12,\"kind\":\"tool\",\"source\":\"lexicon\"}]}\n"
	    "{\"line\":2,\"text\":\"\",\"terms\":[]}\n"
	    "{\"line\":3,\"text\":\"\xe2\x80\xa2 PostgreSQL tuning\",\"terms\":["
	    "{\"term\":\"PostgreSQL\",\"surface\":\"PostgreSQL\",\"start\":4,"
	    "\"end\":14,\"kind\":\"database\",\"source\":\"lexicon\"}]}\n"
	    "{\"line\":4,\"text\":\"last line\",\"terms\":[]}\n";

	cr_expect_str_eq(out, want);
	free(out);
}

Test(terms, csv_rows)
{
	char *out = terms_output("x\nuse =Kafka\n", "csv");

	cr_expect_str_eq(out, "line,term,surface,start,end,kind,source\n"
	    "2,\"Apache Kafka\",\"Kafka\",5,10,\"tool\",\"lexicon\"\n");
	free(out);
}

/* vocab: a phrase counts when it recurs in different lines of different
 * postings, or stands in a required section; pasted text is one line. */
Test(terms, vocab_phrases)
{
	char *dir = jd_test_tmpdir(), a[256], b[256], c[256];
	const char *args[] = { "vocab", "--format", "tsv", "-j", "1", a, b, c,
		NULL };
	struct jd_run_result r;

	snprintf(a, sizeof a, "%s/a.md", dir);
	snprintf(b, sizeof b, "%s/b.md", dir);
	snprintf(c, sizeof c, "%s/c.md", dir);
	jd_test_write(a, "# Engineer\n\n## Requirements\n\n"
	    "- Tuning slowly changing dimensions in Snowflake\n"
	    "- Ownership of the ledger reconciliation engine\n\n"
	    "## About us\n\nWe sell widgets to acme wholesalers.\n");
	jd_test_write(b, "# Engineer\n\n## What you will do\n\n"
	    "- Keep slowly changing dimensions correct across loads\n\n"
	    "## About us\n\nWe sell widgets to acme wholesalers.\n");
	jd_test_write(c, "# Analyst\n\n## What you will do\n\n"
	    "- Review dashboards weekly\n\n"
	    "## About us\n\nWe sell widgets to acme wholesalers.\n");
	r = jd_test_run(args);
	cr_expect_eq(r.status, 0, "vocab exit %d: %s", r.status, r.err);
	cr_expect_not_null(strstr(r.out, "\nslowly changing dimensions\tphrase\t"
	    "\t2\t"), "%s", r.out);
	cr_expect_not_null(strstr(r.out, "\nledger reconciliation engine\t"
	    "phrase\t\t1\t"), "%s", r.out);
	cr_expect_null(strstr(r.out, "acme wholesalers"), "%s", r.out);
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(dir);
}
