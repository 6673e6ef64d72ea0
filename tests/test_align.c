/*
 * test_align.c: knockouts read from posting text, title matching, and the
 * alignment of a bullet with the requirement line it covers most.
 */
#include "testutil.h"
#include "jdalign/align.h"
#include "jdalign/diag.h"
#include "jdalign/lexicon.h"

TestSuite(align, .fini = jd_test_fini);

static struct jd_knockouts
ko(const char *text)
{
	struct jd_knockouts k;
	const char *lines[] = { text };

	jd_align_knockouts(lines, NULL, 1, &k);
	return k;
}

Test(align, years)
{
	cr_expect_eq(ko("5+ years of backend experience").years, 5);
	cr_expect_eq(ko("At least three years of professional experience").years, 3);
	cr_expect_eq(ko("Six or more years building services, 2+ in Go").years, 6);
	cr_expect_eq(ko("3-5 years of experience with Python").years, 3);
	cr_expect_eq(ko("+4 years of experience as a developer").years, 4);
	cr_expect_eq(ko("Founded 25 years ago, we have 300 people").years, 0);
	cr_expect_eq(ko("Our customers are 5 years old on average").years, 0);
	cr_expect_eq(ko("Ship features in 2 weeks").years, 0);
	cr_expect_eq(ko("5+ years driving growth programs").years, 5);
}

Test(align, degree)
{
	cr_expect_str_eq(ko("BS in Computer Science or equivalent").degree,
	    "bachelor");
	cr_expect_str_eq(ko("Bachelor\xe2\x80\x99s or Master\xe2\x80\x99s degree "
	    "in CS").degree, "bachelor");
	cr_expect_str_eq(ko("PhD in Machine Learning").degree, "phd");
	cr_expect_str_eq(ko("MS or PhD in statistics").degree, "master");
	cr_expect_str_eq(ko("No degree required \xe2\x80\x94 show us your work")
	    .degree, "");
	cr_expect_str_eq(ko("A Master's degree is preferred").degree, "");
	cr_expect_str_eq(ko("We use MS SQL Server").degree, "");
}

Test(align, sponsorship_clearance_workplace)
{
	cr_expect_str_eq(ko("We are unable to sponsor visas").sponsorship, "no");
	cr_expect_str_eq(ko("We don\xe2\x80\x99t sponsor visas at this time")
	    .sponsorship, "no");
	cr_expect_str_eq(ko("We sponsor H-1B visas and transfers").sponsorship,
	    "yes");
	cr_expect_str_eq(ko("No visa sponsorship is available").sponsorship, "no");
	cr_expect_str_eq(ko("Mentor engineers").sponsorship, "");
	cr_expect_str_eq(ko("Active Secret clearance required").clearance,
	    "Secret");
	cr_expect_str_eq(ko("Must hold a TS/SCI with polygraph").clearance,
	    "TS/SCI");
	cr_expect_str_eq(ko("Keep secrets in Vault").clearance, "");
	cr_expect_str_eq(ko("Hybrid: three days a week in our Denver office")
	    .workplace, "hybrid");
	cr_expect_str_eq(ko("This role is fully remote within the US")
	    .workplace, "remote");
	cr_expect_str_eq(ko("This is an on-site role at our Boston office")
	    .workplace, "onsite");
	cr_expect_str_eq(ko("Experience with hybrid cloud deployments")
	    .workplace, "");
	cr_expect_str_eq(ko("Remote (US), with a quarterly on-site week")
	    .workplace, "remote");
}

Test(align, preferred_lines_are_not_knockouts)
{
	const char *lines[] = { "Active TS/SCI clearance", "4+ years of Java",
		"8+ years of experience" };
	const char *kinds[] = { "preferred", "required", "preferred" };
	struct jd_knockouts k;

	jd_align_knockouts(lines, kinds, 3, &k);
	cr_expect_str_eq(k.clearance, "");
	cr_expect_eq(k.years, 4);
}

Test(align, title_match)
{
	char *titles[] = { (char *)"Software Engineer II",
		(char *)"Senior Backend Engineer" };

	cr_expect(jd_align_title_match("Backend Engineer, Payments", titles, 2));
	cr_expect(jd_align_title_match("Sr. Back-end Engineer", titles, 2));
	cr_expect(!jd_align_title_match("Platform Engineer", titles, 2));
	cr_expect(!jd_align_title_match("Backend Engineer", titles, 1));
	cr_expect(jd_align_title_match("Staff Software Engineer (Remote)",
	    titles, 1));
}

Test(align, closest_requirement_and_aliases)
{
	struct jd_diag *d = jd_diag_new(stderr, 1);
	struct jd_lexicon *lex = jd_lexicon_new();
	const char *text = "PostgreSQL\tdatabase\trelational database\tpostgres\n"
	    "MySQL\tdatabase\trelational database\t\n"
	    "Kafka\ttool\tmessage broker\t\n"
	    "RabbitMQ\ttool\tmessage broker\t\n"
	    "Kubernetes\tplatform\tcontainer orchestration\tk8s\n";
	struct jd_hits h = JD_HITS_INIT;
	struct jd_terms_opts o = { 0 };
	struct jd_doc *post = jd_vocab_doc_new(), *res = jd_vocab_doc_new();
	struct jd_rdoc rd = { res, 1 };
	struct jd_arows rows = { 0 };

	jd_lexicon_load(lex, text, strlen(text), "t", d);
	const char *pl[] = { "Run Kubernetes clusters",
		"Tune PostgreSQL and MySQL; stream with Kafka" };
	for (int i = 0; i < 2; i++)
		jd_vocab_doc_line(post, lex, &o, &h, pl[i], strlen(pl[i]),
		    "required", 1);
	const char *bullet = "Tuned Postgres and moved queues to RabbitMQ";
	jd_vocab_doc_line(res, lex, &o, &h, bullet, strlen(bullet), "required", 1);
	for (size_t i = 0; i < post->nterms; i++)
		post->terms[i].weight = post->terms[i].specificity = 1.0;
	jd_align_posting(lex, post, &rd, &rows);
	cr_assert_eq(rows.n, 1);
	cr_expect_eq(rows.v[0].line, 1);
	cr_expect_float_eq(rows.v[0].score, 33.3, 0.01);
	cr_expect_str_eq(rows.v[0].matched, "PostgreSQL");
	cr_expect_str_eq(rows.v[0].alias_matches,
	    "Postgres \xe2\x86\x92 PostgreSQL");
	cr_expect_str_eq(rows.v[0].missing, "MySQL; Kafka");
	cr_expect_str_eq(rows.v[0].related, "Postgres ~ MySQL; RabbitMQ ~ Kafka");
	struct jd_coverage cov;
	jd_align_coverage(post, &rd, &cov);
	cr_expect_float_eq(cov.match_rate, 25.0, 0.01);
	cr_expect_eq(cov.matched, 1);
	cr_expect_eq(cov.missing, 3);
	jd_coverage_free(&cov);
	jd_arows_free(&rows);
	jd_hits_free(&h);
	jd_vocab_doc_free(post);
	jd_vocab_doc_free(res);
	jd_lexicon_free(lex);
	jd_diag_free(d);
}
