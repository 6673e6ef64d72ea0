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

/* Inline styles read declaration by declaration: what hides text and what
 * only looks like it would. */
Test(resume, hidden_styles)
{
	static const struct {
		char style[80];
		int hidden;
	} cases[] = {
		{ "display:none", 1 },
		{ "visibility: hidden", 1 },
		{ "font-size:0", 1 },
		{ "font-size:1px", 1 },
		{ "font-size:0.9em", 0 },
		{ "font-size:10px", 0 },
		{ "color:#FFF", 1 },
		{ "color:white", 1 },
		{ "color:rgb(255, 255, 255)", 1 },
		{ "color:transparent", 1 },
		{ "color:#fff;background:#1f2937", 0 },
		{ "color:#1f2937;background-color:#1f2937", 1 },
		{ "background-color:#ffffff;color:#222", 0 },
		{ "color:#fff8e1", 0 },
		{ "border-width:0", 0 },
		{ "line-height:0", 0 },
		{ "opacity:0", 1 },
		{ "opacity:0.5", 0 },
		{ "position:absolute;left:-9999px", 1 },
		{ "margin-left:-10px", 0 },
		{ "text-indent:-10000px", 1 },
		{ "height:0;overflow:hidden", 1 },
		{ "height:0", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct jd_resume r;
		struct jd_buf h = JD_BUF_INIT;
		jd_buf_printf(&h, "<ul><li style=\"%s\">Built the billing API "
		    "for 30 teams</li></ul>", cases[i].style);
		cr_assert_eq(jd_resume_parse("r.html", h.data, h.len, &r), 0);
		cr_assert_eq(r.nbullets, 1, "%s", cases[i].style);
		cr_expect_eq(r.bullets[0].hidden, cases[i].hidden, "style %s",
		    cases[i].style);
		jd_resume_free(&r);
		jd_buf_free(&h);
	}
}

Test(resume, white_text_on_a_dark_ancestor_is_visible)
{
	const char *html = "<div style=\"background:#111\"><ul>"
	    "<li><span style=\"color:#fff\">Cut p99 from 900 ms to 90 ms</span>"
	    "</li></ul></div><table bgcolor=\"#FFFFFF\"><tr><td><ul><li>"
	    "<font color=\"#FFFFFF\">Kafka Kubernetes</font></li></ul></td></tr>"
	    "</table>";
	struct jd_resume r;

	cr_assert_eq(jd_resume_parse("r.html", html, strlen(html), &r), 0);
	cr_assert_eq(r.nbullets, 2);
	cr_expect_eq(r.bullets[0].hidden, 0);
	cr_expect_eq(r.bullets[1].hidden, 1);
	jd_resume_free(&r);
}
