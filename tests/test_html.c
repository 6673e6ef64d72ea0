/*
 * test_html.c: pages read the way a person sees them: JSON-LD first, visible
 * text otherwise, headings classified into sections, encodings repaired.
 */
#include "testutil.h"
#include "jdalign/html.h"

TestSuite(html, .fini = jd_test_fini);

static struct jd_posting_list
read_page(const char *name, const char *text)
{
	struct jd_posting_list l = { 0 };

	jd_html_read(name, text, strlen(text), &l);
	return l;
}

/* All lines of kind joined with '|'. */
static char *
lines_of(const struct jd_posting *p, int kind)
{
	struct jd_buf b = JD_BUF_INIT;

	for (size_t s = 0; s < p->nsections; s++)
		for (size_t l = 0; l < p->sections[s].nlines; l++)
			if (kind < 0 || p->sections[s].kind == kind) {
				if (b.len)
					jd_buf_addc(&b, '|');
				jd_buf_adds(&b, p->sections[s].lines[l]);
			}
	return jd_buf_take(&b);
}

Test(html, jsonld_escaped_description)
{
	const char *page = "<html><head><script type=\"application/ld+json\">"
	    "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"Organization\"},"
	    "{\"@type\":\"JobPosting\",\"title\":\"Data Engineer\","
	    "\"hiringOrganization\":{\"name\":\"Fjord Labs\"},"
	    "\"jobLocation\":{\"address\":{\"addressLocality\":\"Oslo\","
	    "\"addressCountry\":\"NO\"}},"
	    "\"description\":\"&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;"
	    "Airflow &amp;amp; dbt&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Perks&lt;/p&gt;\"}]}"
	    "</script></head><body><div id=app></div></body></html>";
	struct jd_posting_list l = read_page("a.html", page);

	cr_assert_eq(l.n, 1);
	struct jd_posting *p = &l.v[0];
	cr_expect_str_eq(p->source, "jsonld");
	cr_expect_eq(p->status, JD_POST_OK, "a JobPosting with text is a posting");
	cr_expect_str_eq(p->title, "Data Engineer");
	cr_expect_str_eq(p->company, "Fjord Labs");
	cr_expect_str_eq(p->location, "Oslo, NO");
	char *req = lines_of(p, JD_SEC_REQUIRED);
	cr_expect_str_eq(req, "Airflow & dbt|Perks");
	free(req);
	jd_posting_list_free(&l);
}

Test(html, visible_text_only)
{
	const char *page = "<html><head><title>T</title><style>p{}</style></head>"
	    "<body><nav>Home Jobs</nav><div id=cookie-banner>Accept cookies</div>"
	    "<h1>Backend Engineer</h1><p>We move money for small shops, and "
	    "we need one more engineer to help.</p>"
	    "<h2>What you'll do</h2><ul><li>Build "
	    "<b>Go</b> services</li><li style=\"display:none\">hidden</li>"
	    "<li>Own the billing pipeline from design to on-call, with reviews "
	    "and postmortems that teams actually read and act on</li></ul>"
	    "<p><strong>Nice to have</strong></p><p>Terraform</p>"
	    "<script>var x = 'Kafka';</script><footer>Privacy</footer></body></html>";
	struct jd_posting_list l = read_page("b.html", page);
	struct jd_posting *p = &l.v[0];
	char *all = lines_of(p, -1), *resp = lines_of(p, JD_SEC_RESPONSIBILITIES),
	    *pref = lines_of(p, JD_SEC_PREFERRED);

	cr_expect_str_eq(p->title, "Backend Engineer");
	cr_expect_str_eq(resp, "Build Go services|Own the billing pipeline from "
	    "design to on-call, with reviews and postmortems that teams "
	    "actually read and act on");
	cr_expect_str_eq(pref, "Terraform");
	cr_expect_null(strstr(all, "Kafka"));
	cr_expect_null(strstr(all, "cookies"));
	cr_expect_null(strstr(all, "hidden"));
	cr_expect_null(strstr(all, "Home"));
	free(all);
	free(resp);
	free(pref);
	jd_posting_list_free(&l);
}

Test(html, windows_1252_without_mojibake)
{
	const char *page = "<html><body><h2>Requirements</h2><p>Caf\xe9 "
	    "\x93quotes\x94 \x96 it\x92s fine and long enough to be read as a "
	    "posting by the reader, with more words to pass the minimum of "
	    "text that a posting needs to have before it counts as one at all "
	    "in this tool.</p></body></html>";
	struct jd_posting_list l = read_page("c.html", page);
	char *req = lines_of(&l.v[0], JD_SEC_REQUIRED);

	cr_expect_not_null(strstr(req, "Caf\xc3\xa9 \xe2\x80\x9cquotes\xe2\x80\x9d "
	    "\xe2\x80\x93 it\xe2\x80\x99s"));
	free(req);
	jd_posting_list_free(&l);
}

Test(html, heading_kinds)
{
	cr_expect_eq(jd_html_heading_kind("What you'll bring"), JD_SEC_REQUIRED);
	cr_expect_eq(jd_html_heading_kind("Minimum Qualifications:"),
	    JD_SEC_REQUIRED);
	cr_expect_eq(jd_html_heading_kind("Nice to have"), JD_SEC_PREFERRED);
	cr_expect_eq(jd_html_heading_kind("Bonus points"), JD_SEC_PREFERRED);
	cr_expect_eq(jd_html_heading_kind("What You\xe2\x80\x99ll Do"),
	    JD_SEC_RESPONSIBILITIES);
	cr_expect_eq(jd_html_heading_kind("Benefits & Perks"), JD_SEC_BENEFITS);
	cr_expect_eq(jd_html_heading_kind("Equal Opportunity Employer"),
	    JD_SEC_LEGAL);
	cr_expect_eq(jd_html_heading_kind("Lunch menu"), -1);
}

Test(html, json_file_records)
{
	const char *json = "{\"jobs\":[{\"title\":\"SRE\",\"company\":{\"name\":\"A\"},"
	    "\"content\":\"&lt;p&gt;Run Kubernetes and Prometheus at scale for "
	    "many teams, with on-call and incident response across regions and "
	    "clouds, and write postmortems people read, keeping SLOs honest "
	    "for every service we run.&lt;/p&gt;\"},{\"name\":\"Empty\"}]}";
	struct jd_posting_list l = { 0 };

	cr_assert_eq(jd_html_read("jobs.json", json, strlen(json), &l), 2);
	cr_expect_str_eq(l.v[0].id, "jobs.json#0");
	cr_expect_str_eq(l.v[0].title, "SRE");
	cr_expect_str_eq(l.v[0].company, "A");
	cr_expect_eq(l.v[0].status, JD_POST_OK);
	cr_expect_eq(l.v[1].status, JD_POST_EMPTY);
	jd_posting_list_free(&l);
}

Test(html, text_posting)
{
	const char *t = "Platform Engineer\nNorthwind\nRemote\n\nRequirements:\n"
	    "- 5+ years with Terraform and AWS, building infrastructure as code\n"
	    "- Kubernetes operations experience, including upgrades and "
	    "cluster autoscaling across many regions\n\nNice to have:\n* Go\n";
	struct jd_posting_list l = read_page("p.txt", t);
	struct jd_posting *p = &l.v[0];

	cr_expect_str_eq(p->title, "Platform Engineer");
	cr_expect_str_eq(p->company, "Northwind");
	cr_expect_str_eq(p->location, "Remote");
	cr_expect_str_eq(p->source, "text");
	char *req = lines_of(p, JD_SEC_REQUIRED), *pref = lines_of(p,
	    JD_SEC_PREFERRED);
	cr_expect_not_null(strstr(req, "5+ years with Terraform"));
	cr_expect_str_eq(pref, "Go");
	free(req);
	free(pref);
	jd_posting_list_free(&l);
}
