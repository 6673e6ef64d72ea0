/*
 * test_resume.c: resumes as people keep them: bullets with stable ids, role
 * lines as context, wrapped bullets joined, HTML list items.
 */
#include "testutil.h"
#include "jdalign/resume.h"

TestSuite(resume, .fini = jd_test_fini);

Test(resume, markdown_roles_and_wraps)
{
	const char *md = "# Ada Lane\n\nBackend engineer.\n\n## Experience\n\n"
	    "### Senior Backend Engineer \xe2\x80\x94 Acme (2021\xe2\x80\x93present)\n"
	    "- Cut p95 latency from 480 ms to 120 ms\n"
	    "  with Redis caching\n"
	    "- Led the Kafka migration\n\n"
	    "### Software Engineer \xe2\x80\x94 Initech (2018\xe2\x80\x93""2021)\n"
	    "* Built billing APIs in Go\n\n## Skills\n\nGo, Python, Kafka\n";
	struct jd_resume r;

	cr_assert_eq(jd_resume_parse("r.md", md, strlen(md), &r), 0);
	cr_assert_eq(r.nbullets, 3);
	cr_expect_str_eq(r.bullets[0].id, "R1-1");
	cr_expect_str_eq(r.bullets[0].text,
	    "Cut p95 latency from 480 ms to 120 ms with Redis caching");
	cr_expect_str_eq(r.bullets[1].id, "R1-2");
	cr_expect_str_eq(r.bullets[2].id, "R2-1");
	cr_expect_str_eq(r.bullets[2].text, "Built billing APIs in Go");
	cr_expect_eq(r.ntitles, 2);
	cr_expect_str_eq(r.titles[0], "Senior Backend Engineer");
	int skills = 0;
	for (size_t i = 0; i < r.nlines; i++)
		skills |= strcmp(r.lines[i], "Go, Python, Kafka") == 0;
	cr_expect(skills, "the skills line is kept as resume text");
	jd_resume_free(&r);
}

Test(resume, plain_text_bullets)
{
	const char *txt = "EXPERIENCE\nData Engineer, Globex, 2019-2023\n"
	    "\xe2\x80\xa2 Built Airflow DAGs for 40 pipelines\n"
	    "1. Tuned Spark jobs\n";
	struct jd_resume r;

	cr_assert_eq(jd_resume_parse("r.txt", txt, strlen(txt), &r), 0);
	cr_assert_eq(r.nbullets, 2);
	cr_expect_str_eq(r.bullets[0].id, "R1-1");
	cr_expect_str_eq(r.bullets[1].text, "Tuned Spark jobs");
	cr_expect_str_eq(r.bullets[0].context, "Data Engineer, Globex, 2019-2023");
	jd_resume_free(&r);
}

Test(resume, html_list_items_and_hidden_text)
{
	const char *html = "<html><body><h2>Experience</h2><h3>SRE | Hooli</h3>"
	    "<ul><li>Ran Kubernetes for 300 services</li>"
	    "<li><span style=\"color:#FFFFFF\">Kafka Terraform AWS</span></li>"
	    "</ul></body></html>";
	struct jd_resume r;

	cr_assert_eq(jd_resume_parse("r.html", html, strlen(html), &r), 0);
	cr_assert_eq(r.nbullets, 2);
	cr_expect_str_eq(r.bullets[0].text, "Ran Kubernetes for 300 services");
	cr_expect_eq(r.bullets[0].hidden, 0);
	cr_expect_eq(r.bullets[1].hidden, 1);
	cr_expect_str_eq(r.bullets[0].id, "R1-1");
	jd_resume_free(&r);
}
