/*
 * test_html.c: pages read the way a person sees them: JSON-LD first, visible
 * text otherwise, headings classified into sections, encodings repaired.
 */
#include "testutil.h"
#include "jdalign/html.h"
#include "../src/html_dom.h"	/* hb_text_chars */

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

/* Script text is set aside before the parse and handed back to its own
 * element: the JSON-LD of a page with many scripts is read with no script
 * the scan leaves in the page (raw text that starts with '<'), with one
 * before all and with one after the JSON-LD. */
Test(html, script_text_reaches_its_readers)
{
	static const char stop[] = "<script><b>x</b></script>";

	for (int where = 0; where < 3; where++) {
		struct jd_buf b = JD_BUF_INIT;
		jd_buf_adds(&b, "<html><head>");
		if (where == 1)
			jd_buf_adds(&b, stop);
		for (int i = 0; i < 40; i++)
			jd_buf_printf(&b, i % 3 == 0 ? "<script src=\"a%d.js\">"
			    "</script>" : i % 3 == 1 ? "<SCRIPT>var a%d = [1, 2];"
			    "</SCRIPT>" : "<script></script><!-- %d -->", i);
		jd_buf_adds(&b, "<script type=\"application/ld+json\">"
		    "{\"@type\":\"JobPosting\",\"title\":\"Site Engineer\","
		    "\"description\":\"<h3>Requirements</h3><ul><li>Terraform "
		    "and Kubernetes in production</li></ul>\"}</script>");
		if (where == 2)
			jd_buf_adds(&b, stop);
		jd_buf_adds(&b, "</head><body><div id=app></div></body></html>");
		struct jd_posting_list l = { 0 };
		jd_html_read("s.html", b.data, b.len, &l);
		struct jd_posting *p = &l.v[0];
		cr_expect_str_eq(p->source, "jsonld", "case %d", where);
		cr_expect_str_eq(p->title, "Site Engineer", "case %d", where);
		char *req = lines_of(p, JD_SEC_REQUIRED);
		cr_expect_str_eq(req, "Terraform and Kubernetes in production",
		    "case %d", where);
		free(req);
		jd_posting_list_free(&l);
		jd_buf_free(&b);
	}
}

/* Long attribute values and runs of text are set aside before the parse
 * and handed back as libxml2 reads them: what reads them (hidden classes,
 * inline styles, cookie banners, the lines) reads them as written. */
Test(html, text_and_values_set_aside_reach_their_readers)
{
	const char *page = "<html><head><title>T</title></head><body>"
	    "<div class=\"cookie-consent-banner fixed bottom-0\">Accept all "
	    "cookies</div><h1 class=\"text-2xl font-bold tracking-tight\">"
	    "Data Engineer</h1><div class=\"job-description prose max-w-none\">"
	    "<p>We build the data platform that our analysts use every day, "
	    "from the first event a customer sends to the dashboards the "
	    "finance team reads each morning, and we are hiring one more "
	    "engineer to own its pipelines with us.</p>"
	    "<h2 class=\"mt-8 text-lg font-semibold\">Requirements</h2><ul>"
	    "<li class=\"list-item text-base leading-7\">Airflow and dbt in "
	    "production</li><li class=\"list-item visually-hidden extra\">"
	    "Secret hidden line</li><li style=\"color: red; display : none\">"
	    "Styled away line</li><li title=\"Fish &amp; chips, more than "
	    "sixteen\">Snowflake warehouse design</li></ul></div></body></html>";
	struct jd_posting_list l = { 0 };

	jd_html_read("v.html", page, strlen(page), &l);
	struct jd_posting *p = &l.v[0];
	char *req = lines_of(p, JD_SEC_REQUIRED);
	cr_expect_str_eq(req, "Airflow and dbt in production|"
	    "Snowflake warehouse design");
	cr_expect_str_eq(p->title, "Data Engineer");
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nlines; j++)
			cr_expect_null(strstr(p->sections[i].lines[j], "cookies"),
			    "banner text read: %s", p->sections[i].lines[j]);
	free(req);
	jd_posting_list_free(&l);
}

/* Attributes given without a value still count: a hidden attribute hides
 * its element however it is written, while a box's checked and disabled
 * hide nothing; and a page that opens with a comment rather than its html
 * tag is read all the same. */
Test(html, attributes_without_values_after_a_leading_comment)
{
	const char *page = "<!-- saved from the careers site -->\n"
	    "<!DOCTYPE html><html><body><h1>Data Engineer</h1>"
	    "<p>We build the data platform that our analysts use every day, "
	    "from the first event a customer sends to the dashboards the "
	    "finance team reads each morning.</p><h2>Requirements</h2><ul>"
	    "<li>Airflow and dbt in production</li>"
	    "<li hidden>Secret hidden line</li><li HIDDEN=\"\">Another "
	    "hidden line</li><li><input type=checkbox checked disabled>"
	    "Snowflake warehouse design</li></ul></body></html>";
	struct jd_posting_list l = read_page("h.html", page);
	struct jd_posting *p = &l.v[0];
	char *req = lines_of(p, JD_SEC_REQUIRED);

	cr_expect_str_eq(p->title, "Data Engineer");
	cr_expect_str_eq(req, "Airflow and dbt in production|"
	    "Snowflake warehouse design");
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

/* The kind a line (line 1) or a heading (0) gets from the phrases of
 * sections.tsv, normalized as a page's text is: in any case, through
 * typographic dashes, quotes and spaces, and only as whole words. A
 * heading reads the same whether normalized first or not. */
Test(html, section_kinds_by_phrase)
{
	static const struct {
		const char *text;
		int line, kind;
	} t[] = {
		{ "We offer a pension.", 1, JD_SEC_BENEFITS },
		{ "What we offer", 1, JD_SEC_BENEFITS },
		{ "we offered a pension", 1, -1 },
		{ "5we offer a pension", 1, -1 },
		{ "\xc3\xa9we offer a pension", 1, -1 },
		{ "we offer\xc3\xa9", 1, -1 },
		{ "\xe2\x80\x99we offer\xe2\x80\x99s pension", 1,
		    JD_SEC_BENEFITS },
		{ "\x80we offer", 1, -1 },
		{ "This employer participates in E\xe2\x80\x91Verify", 1,
		    JD_SEC_LEGAL },
		{ "E\xe2\x80\x94VERIFY", 1, JD_SEC_LEGAL },
		{ "e\xe2\x88\x92verify", 1, -1 },	/* a minus sign */
		{ "Read our privacy\xc2\xa0policy", 1, JD_SEC_LEGAL },
		{ "Read our Privacy \t Policy.", 1, JD_SEC_LEGAL },
		{ "WITHOUT REGARD TO RACE", 1, JD_SEC_LEGAL },
		{ "Equal opportunity employers welcome", 1, -1 },
		{ "An equal-opportunity employer", 1, -1 },
		{ "reasonable accommodation\xe2\x80\xa6", 1, JD_SEC_LEGAL },
		{ "unsolicited r\xc3\xa9sum\xc3\xa9s", 1, -1 },
		{ "Recruitment agencies: no", 1, JD_SEC_LEGAL },
		{ "Benefits include:", 1, JD_SEC_BENEFITS },
		{ "benefits included", 1, -1 },
		{ "The base salary range is", 1, JD_SEC_BENEFITS },
		{ "base pay ranges", 1, -1 },
		{ "Pay range for this role", 1, JD_SEC_BENEFITS },
		{ "Minimum Qualifications", 1, -1 },
		{ "What You\xe2\x80\x99ll Bring:", 0, JD_SEC_REQUIRED },
		{ "Nice\xe2\x80\x91to\xe2\x80\x91have qualifications", 0,
		    JD_SEC_PREFERRED },
		{ "Comp\xc3\xa9tences n\xc3\xa9" "cessaires", 0,
		    JD_SEC_REQUIRED },
		{ "COMP\xc3\x89TENCES", 0, -1 },
		{ "Equal opportunity employers welcome", 0, JD_SEC_LEGAL },
		{ "benefits included", 0, JD_SEC_BENEFITS },
		{ "Requirementsx", 0, -1 },
		{ "without regard to race", 0, -1 },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct jd_buf b = JD_BUF_INIT;
		hb_normalize(&b, t[i].text, strlen(t[i].text));
		cr_expect_eq(hb_section_kind(b.data, b.len, t[i].line),
		    t[i].kind, "%s", t[i].text);
		if (t[i].line == 0)
			cr_expect_eq(jd_html_heading_kind(t[i].text),
			    t[i].kind, "%s", t[i].text);
		jd_buf_free(&b);
	}
}

/* White space of every kind becomes one space between words, none at
 * the ends; what stands between stays as it is. */
Test(html, normalized_text)
{
	static const struct {
		const char *text, *want;
	} t[] = {
		{ "Build data pipelines in Go and SQL.",
		    "Build data pipelines in Go and SQL." },
		{ "  Build  data\tpipelines \n in Go  ",
		    "Build data pipelines in Go" },
		{ "Build data \tpipelines", "Build data pipelines" },
		{ "Seven b \xc2\xa0ytes", "Seven b ytes" },
		{ "Seven b\xc2\xa0 ytes", "Seven b ytes" },
		{ "Seven b \xe2\x80\x8b ytes and more", "Seven b ytes and more" },
		{ "Eight bb  ytes", "Eight bb ytes" },
		{ "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \x01 text\r\n",
		    "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \x01 text" },
		{ "a\xe2\x80\xaf" "b\fc\vd", "a b c d" },
		{ " \t\xc2\xa0 ", "" },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct jd_buf b = JD_BUF_INIT;
		hb_normalize(&b, t[i].text, strlen(t[i].text));
		cr_expect_str_eq(jd_buf_str(&b), t[i].want, "%s", t[i].text);
		jd_buf_free(&b);
	}
}

/* A short line ending with ':' or all in capitals reads as a heading. */
Test(html, text_headings)
{
	static const struct {
		const char *text;
		int heading;
	} t[] = {
		{ "Requirements:", 1 },
		{ "What you will do here every day at:", 1 },
		{ "What you will do here every day at work:", 0 },
		{ "ABOUT THE ROLE", 1 },
		{ "NICE-TO-HAVE", 1 },
		{ "SKILLS \xc3\xa9T\xc3\xa9", 1 },
		{ "ABOUT US AND THE TEAM HERE", 1 },
		{ "ABOUT US AND THE TEAM WE ARE", 0 },
		{ "ABC", 0 },
		{ "About the role", 0 },
		{ "SQL, AWS and GCP", 0 },
		{ "", 0 },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		cr_expect_eq(hb_text_heading(t[i].text, strlen(t[i].text)),
		    t[i].heading, "%s", t[i].text);
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

/* ------------------------------------------------------------ fixtures */

#define FIXTURES "tests/fixtures/html/"

static struct jd_posting_list
read_fixture(const char *name)
{
	struct jd_posting_list l = { 0 };
	const char *cause;
	char path[256], *data;
	size_t len;

	snprintf(path, sizeof path, FIXTURES "%s", name);
	cr_assert(jd_util_read_file(path, (size_t)1 << 24, &data, &len,
	    &cause) == 0, "cannot read %s", path);
	cr_assert_eq(jd_html_read(path, data, len, &l), 1);
	free(data);
	return l;
}

/* Headings and lines, joined with '|'. */
static char *
text_of(const struct jd_posting *p)
{
	struct jd_buf b = JD_BUF_INIT;

	for (size_t s = 0; s < p->nsections; s++) {
		if (p->sections[s].heading[0]) {
			if (b.len)
				jd_buf_addc(&b, '|');
			jd_buf_adds(&b, p->sections[s].heading);
		}
		for (size_t l = 0; l < p->sections[s].nlines; l++) {
			if (b.len)
				jd_buf_addc(&b, '|');
			jd_buf_adds(&b, p->sections[s].lines[l]);
		}
	}
	return jd_buf_take(&b);
}

static int
has_warning(const struct jd_posting *p, const char *needle)
{
	for (size_t i = 0; i < p->nwarnings; i++)
		if (strstr(p->warnings[i], needle))
			return 1;
	return 0;
}

Test(html, jsonld_graph_fixture)
{
	struct jd_posting_list l = read_fixture("jsonld-graph.html");
	struct jd_posting *p = &l.v[0];
	char *req = lines_of(p, JD_SEC_REQUIRED), *resp = lines_of(p,
	    JD_SEC_RESPONSIBILITIES);

	cr_expect_str_eq(p->source, "jsonld");
	cr_expect_eq(p->status, JD_POST_OK);
	cr_expect_str_eq(p->title, "Embedded Software Engineer");
	cr_expect_str_eq(p->company, "Fjordline Robotics");
	cr_expect_str_eq(p->location, "Bergen, NO");
	cr_expect_str_eq(req, "5+ years of embedded C on ARM Cortex-M|"
	    "Comfort with oscilloscopes", "a raw line break inside a JSON "
	    "string is read, not refused");
	cr_expect_str_eq(resp, "Write firmware in C and Rust for motor "
	    "controllers|Own the CAN bus protocol stack");
	free(req);
	free(resp);
	jd_posting_list_free(&l);
}

Test(html, jsonld_without_description_reads_the_page)
{
	struct jd_posting_list l = read_fixture("jsonld-nodesc.html");
	struct jd_posting *p = &l.v[0];
	char *all = text_of(p), *req = lines_of(p, JD_SEC_REQUIRED);

	cr_expect_str_eq(p->source, "html");
	cr_expect_eq(p->status, JD_POST_OK);
	cr_expect_str_eq(p->title, "Data Analyst");
	cr_expect_str_eq(p->company, "Northwind Traders");
	cr_expect_str_eq(p->location, "Remote");
	cr_expect_str_eq(req, "Two years of SQL, window functions included|"
	    "Clear writing for people who do not read SQL");
	cr_expect_null(strstr(all, "All jobs"));
	cr_expect_null(strstr(all, "Privacy"));
	free(all);
	free(req);
	jd_posting_list_free(&l);
}

Test(html, next_data_rich_text)
{
	struct jd_posting_list l = read_fixture("next-data.html");
	struct jd_posting *p = &l.v[0];
	char *all = text_of(p), *resp = lines_of(p, JD_SEC_RESPONSIBILITIES);

	cr_expect_str_eq(p->source, "embedded");
	cr_expect_eq(p->status, JD_POST_OK);
	cr_expect_str_eq(p->title, "Site Reliability Engineer");
	cr_expect_str_eq(p->company, "Quillfeather");
	cr_expect_str_eq(p->location, "Lisbon");
	cr_expect_eq(p->sections[0].kind, JD_SEC_ABOUT);
	cr_expect_str_eq(p->sections[0].heading, "About Quillfeather:");
	cr_expect_not_null(strstr(all, "the notebook app that two million "
	    "writers open every morning."), "links do not split a line");
	cr_expect_str_eq(resp, "Run our Kubernetes clusters on three clouds|"
	    "Write the runbooks and the postmortems");
	cr_expect_not_null(strstr(all, "About You:|You have carried a pager"),
	    "a bold-only paragraph is a heading");
	cr_expect_null(strstr(all, "sync engine"), "other jobs' descriptions "
	    "in the data are not this posting's");
	free(all);
	free(resp);
	jd_posting_list_free(&l);
}

Test(html, app_data_html_string)
{
	struct jd_posting_list l = read_fixture("appdata.html");
	struct jd_posting *p = &l.v[0];
	char *pref = lines_of(p, JD_SEC_PREFERRED), *resp = lines_of(p,
	    JD_SEC_RESPONSIBILITIES);

	cr_expect_str_eq(p->source, "embedded");
	cr_expect_str_eq(p->title, "Platform Engineer");
	cr_expect_str_eq(p->company, "Larkspur Health", "from 'Title @ "
	    "Company'");
	cr_expect_str_eq(p->location, "Denver, CO");
	cr_expect_str_eq(resp, "Keep our Terraform and AWS accounts tidy and "
	    "cheap|Build the deploy pipeline every team uses");
	cr_expect_str_eq(pref, "HIPAA audits survived");
	free(pref);
	free(resp);
	jd_posting_list_free(&l);
}

/* JSON in a data-* attribute (Inertia's data-page, quotes written as
 * references; one starting with a character reference) is read; the many
 * short data-* attributes around it change nothing. */
#define TERN "Our ships sail from Gdansk to Turku every week, and the " \
	"people who plan them need numbers they can trust before dawn."

Test(html, data_attribute_json)
{
	static const char *const pages[] = {
		"<div id=\"app\" data-v-3f1a data-testid=\"app\" "
		"data-page=\"{&quot;props&quot;:{&quot;job&quot;:{&quot;title"
		"&quot;:&quot;Data Engineer&quot;,&quot;description&quot;:"
		"&quot;&lt;p&gt;Tern Freight moves grain across the Baltic. " TERN
		"&lt;/p&gt;&lt;h3&gt;Responsibilities&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;"
		"Own the nightly loads into Snowflake&lt;/li&gt;&lt;li&gt;"
		"Write dbt models the analysts trust&lt;/li&gt;&lt;/ul&gt;&quot;"
		"}}}\"></div>",
		"<div id=\"app\" data-x=1 data-page=\"&#123;&quot;job&quot;:"
		"{&quot;title&quot;:&quot;Data Engineer&quot;,&quot;description"
		"&quot;:&quot;&lt;p&gt;Tern Freight moves grain across the "
		"Baltic. " TERN "&lt;/p&gt;&lt;h3&gt;Responsibilities&lt;/h3&gt;&lt;ul&gt;"
		"&lt;li&gt;Own the nightly loads into Snowflake&lt;/li&gt;&lt;li"
		"&gt;Write dbt models the analysts trust&lt;/li&gt;&lt;/ul&gt;"
		"&quot;}}\"></div>",
	};

	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		struct jd_buf page = JD_BUF_INIT;
		jd_buf_printf(&page, "<html><head><title>Jobs</title></head>"
		    "<body data-theme=\"light\"><span data-icon=\"x\">"
		    "</span>%s</body></html>", pages[i]);
		struct jd_posting_list l = read_page("inertia.html",
		    jd_buf_str(&page));
		struct jd_posting *p = &l.v[0];
		char *resp = lines_of(p, JD_SEC_RESPONSIBILITIES);
		cr_expect_str_eq(p->source, "embedded", "page %zu", i);
		cr_expect_str_eq(p->title, "Data Engineer", "page %zu", i);
		cr_expect_str_eq(resp, "Own the nightly loads into Snowflake|"
		    "Write dbt models the analysts trust", "page %zu", i);
		free(resp);
		jd_posting_list_free(&l);
		jd_buf_free(&page);
	}
}

/* Indentation between tags reads as one space: a posting written out
 * with every tag on a line of its own reads as the same posting on one
 * line, words apart where only blanks and tags stood between them. */
Test(html, indented_page_reads_as_compact)
{
	static const char *const compact =
	    "<!DOCTYPE html><html><head><title>Staff Engineer</title></head>"
	    "<body><main><h1>Staff Engineer</h1><h2>Requirements</h2><ul>"
	    "<li><b>Go</b> <i>and</i> <b>Rust</b> in production</li>"
	    "<li>Event-driven <span>architecture</span> with Kafka</li>"
	    "</ul><h2>About us</h2><p>We build the ledger that moves freight payments across "
	    "Europe, and we want engineers who keep it boring.</p>"
	    "<pre>make test</pre></main></body></html>";
	static const char *const indented =
	    "<!DOCTYPE html>\n\n<html>\n  <head>\n    <title>Staff Engineer"
	    "</title>\n  </head>\n  <body>\n    <main>\n      <h1>Staff "
	    "Engineer</h1>\n      <h2>Requirements</h2>\n      <ul>\n        "
	    "<li>\n          <b>Go</b>\n          <i>and</i>\n\t\t  <b>Rust"
	    "</b>\n          in production\n        </li>\n        <li>Event-"
	    "driven\n          <span>architecture</span>      with Kafka</li>\n"
	    "      </ul>\n      <h2>About us</h2>\n      <p>\n        We build "
	    "the ledger that moves "
	    "freight payments across\n        Europe, and we want engineers who "
	    "keep it boring.\n      </p>\n      <pre>\nmake test</pre>\n    "
	    "</main>\n  </body>\n</html>\n";
	struct jd_posting_list a = read_page("compact.html", compact);
	struct jd_posting_list b = read_page("indented.html", indented);
	char *ta = text_of(&a.v[0]), *tb = text_of(&b.v[0]);
	char *req = lines_of(&b.v[0], JD_SEC_REQUIRED);

	cr_expect_str_eq(tb, ta);
	cr_expect_str_eq(req, "Go and Rust in production|Event-driven "
	    "architecture with Kafka");
	free(ta);
	free(tb);
	free(req);
	jd_posting_list_free(&a);
	jd_posting_list_free(&b);
}

/* A page that shows a long teaser while its data holds the whole
 * posting, in a rich-text tree of many short strings, is read from the
 * data: what the data may hold is counted over all of them. */
Test(html, teaser_page_with_longer_rich_text)
{
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "<html><head><title>Data Engineer</title></head><body>"
	    "<main><h1>Data Engineer</h1><p>");
	for (int i = 0; i < 15; i++)
		jd_buf_adds(&b, "Tern Freight moves grain across the Baltic "
		    "and needs numbers it can trust. ");
	jd_buf_adds(&b, "</p></main><script id=\"__NEXT_DATA__\" type=\""
	    "application/json\">{\"props\":{\"job\":{\"title\":\"Data "
	    "Engineer\",\"description\":{\"nodeType\":\"document\","
	    "\"content\":[");
	for (int i = 0; i < 40; i++)
		jd_buf_printf(&b, "%s{\"nodeType\":\"paragraph\",\"content\":"
		    "[{\"nodeType\":\"text\",\"value\":\"Load %d of the "
		    "nightly freight tables lands in Snowflake on time.\"}]}",
		    i ? "," : "", i);
	jd_buf_adds(&b, "]}}}}</script></body></html>");
	struct jd_posting_list l = read_page("teaser.html", jd_buf_str(&b));
	char *all = text_of(&l.v[0]);

	cr_expect_str_eq(l.v[0].source, "embedded");
	cr_expect_not_null(strstr(all, "Load 39 of the nightly freight "
	    "tables lands in Snowflake on time."), "%s", all);
	free(all);
	jd_posting_list_free(&l);
	jd_buf_free(&b);
}

Test(html, main_content_among_furniture)
{
	struct jd_posting_list l = read_fixture("main-content.html");
	struct jd_posting *p = &l.v[0];
	char *all = text_of(p), *req = lines_of(p, JD_SEC_REQUIRED),
	    *pref = lines_of(p, JD_SEC_PREFERRED),
	    *legal = lines_of(p, JD_SEC_LEGAL);
	static const char *const leaks[] = {
		"Skip to", "About us", "cookies", "Home", "Apply now",
		"Similar jobs", "Data Engineer", "Share this job",
		"Apply for this job",
		"First name", "Upload resume", "Submit", "All rights",
		"Privacy", "Kubernetes", "Internal note", NULL
	};

	cr_expect_str_eq(p->source, "html");
	cr_expect_eq(p->status, JD_POST_OK);
	cr_expect_str_eq(p->title, "Senior Backend Engineer");
	cr_expect_str_eq(p->company, "Tidewater Analytics");
	cr_expect_str_eq(p->location, "Rotterdam, Netherlands");
	for (const char *const *k = leaks; *k; k++)
		cr_expect_null(strstr(all, *k), "'%s' leaked into %s", *k, all);
	cr_expect_not_null(strstr(all, "in Go and PostgreSQL."),
	    "inline tags do not split words");
	cr_expect_str_eq(req, "Six years or more building backend systems, "
	    "with a few of them in Go.|Experience with time-series data at "
	    "scale, TimescaleDB or similar.|Calm during incidents, and "
	    "curious about why they happened.");
	cr_expect_str_eq(pref, "Kafka, or another log you trusted with "
	    "important data.|An interest in boats.");
	cr_expect_not_null(strstr(legal, "equal opportunity employer"));
	free(all);
	free(req);
	free(pref);
	free(legal);
	jd_posting_list_free(&l);
}

/* A line that names the employer's legal duties opens a legal section
 * whatever its case and dashes; other lines stay where they stand. */
Test(html, legal_lines_in_any_case_and_dash)
{
	struct jd_posting_list l = read_page("eo.html",
	    "<html><body><main><h1>Site Reliability Engineer</h1>"
	    "<h2>What you will do</h2><ul>"
	    "<li>Run the on-call rotation for our payment services and "
	    "write the postmortems that follow an incident.</li>"
	    "<li>Tune PostgreSQL and Kafka for a regulated workload.</li>"
	    "<li>Our opportunities to grow are many; we employ people who "
	    "verify their work.</li>"
	    "</ul><p>We are an EQUAL OPPORTUNITY EMPLOYER and proud of it.</p>"
	    "<p>This employer participates in E\xe2\x80\x90Verify.</p>"
	    "<p>Acme (an equal-opportunity employer) hires on merit.</p>"
	    "</main></body></html>");
	struct jd_posting *p = &l.v[0];
	char *legal = lines_of(p, JD_SEC_LEGAL),
	    *resp = lines_of(p, JD_SEC_RESPONSIBILITIES);

	cr_expect_str_eq(legal, "We are an EQUAL OPPORTUNITY EMPLOYER and proud of it.|"
	    "This employer participates in E\xe2\x80\x90Verify.|"
	    "Acme (an equal-opportunity employer) hires on merit.");
	cr_expect_not_null(strstr(resp, "Tune PostgreSQL"), "%s", resp);
	cr_expect_not_null(strstr(resp, "verify their work"), "%s", resp);
	free(legal);
	free(resp);
	jd_posting_list_free(&l);
}

Test(html, meta_description_when_the_page_has_none)
{
	struct jd_posting_list l = read_fixture("meta-only.html");
	struct jd_posting *p = &l.v[0];
	char *all = text_of(p);

	cr_expect_str_eq(p->source, "meta");
	cr_expect_eq(p->status, JD_POST_OK);
	cr_expect_str_eq(p->title, "Field Service Technician");
	cr_expect_str_eq(p->company, "Quarry Systems", "the title segment "
	    "named in the URL");
	cr_expect_str_eq(p->location, "Tampere, Finland");
	cr_expect_not_null(strstr(all, "hydraulics, PLCs"));
	cr_expect_null(strstr(all, "Submit"));
	free(all);
	jd_posting_list_free(&l);
}

/* Pages that are no posting: status, and no text at all. */
Test(html, walls_shells_and_listings)
{
	static const struct { const char *file; int status; } t[] = {
		{ "wall.html", JD_POST_WALL },
		{ "login-wall.html", JD_POST_WALL },
		{ "shell.html", JD_POST_EMPTY },
		{ "listing.html", JD_POST_LISTING },
		{ "search-listing.html", JD_POST_LISTING },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct jd_posting_list l = read_fixture(t[i].file);
		cr_expect_eq(l.v[0].status, t[i].status, "%s: status %s",
		    t[i].file, jd_html_status_name(l.v[0].status));
		cr_expect_eq(jd_posting_text_size(&l.v[0]), 0,
		    "%s: a page that is no posting leaks no text", t[i].file);
		jd_posting_list_free(&l);
	}
}

/* Every encoding reads as the same words: no mojibake, nothing lost
 * after an undefined Windows-1252 byte. */
Test(html, encodings)
{
	static const struct { const char *file, *warning; } t[] = {
		{ "cp1252-undeclared.html", "windows-1252" },
		{ "latin1-declared.html", "windows-1252" },
		{ "utf8-mislabelled.html", "windows-1252" },
		{ "utf8-bom.html", NULL },
		{ "utf16le-bom.html", "utf-16" },
		{ "utf8-broken.html", "repaired" },
		{ "mojibake.html", "doubly encoded" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct jd_posting_list l = read_fixture(t[i].file);
		struct jd_posting *p = &l.v[0];
		char *all = text_of(p);
		cr_expect_str_eq(p->title, "Caf\xc3\xa9 Manager", "%s", t[i].file);
		cr_expect_not_null(strstr(all, "It\xe2\x80\x99s a role for "
		    "someone who likes people \xe2\x80\x93 and coffee."), "%s: %s",
		    t[i].file, all);
		cr_expect_not_null(strstr(all, "at seven and close at four"),
		    "%s", t[i].file);
		cr_expect_not_null(strstr(all, "\xe2\x80\x9cGood coffee, kind "
		    "people\xe2\x80\x9d is the whole plan."), "%s", t[i].file);
		if (t[i].warning)
			cr_expect(has_warning(p, t[i].warning), "%s", t[i].file);
		else
			cr_expect_eq(p->nwarnings, 0, "%s", t[i].file);
		free(all);
		jd_posting_list_free(&l);
	}
}

Test(html, declared_charset_through_iconv)
{
	struct jd_posting_list l = read_fixture("koi8r-declared.html");
	struct jd_posting *p = &l.v[0];
	char *all = text_of(p);

	cr_expect_not_null(strstr(all, "\xd0\x9c\xd1\x8b \xd0\xb8\xd1\x89"
	    "\xd0\xb5\xd0\xbc"), "KOI8-R read as Cyrillic: %s", all);
	cr_expect(has_warning(p, "koi8-r"));
	free(all);
	jd_posting_list_free(&l);
}

/* Title, company and location from the page title around its heading, or
 * from the general patterns when there is no heading. */
Test(html, title_patterns)
{
	static const struct {
		const char *title, *heading, *url;
		const char *want_title, *want_company, *want_location;
	} t[] = {
		{ "Heidi hiring Senior Engineer in Melbourne, Australia | "
		  "LinkedIn", "<h1>Senior Engineer</h1>", "",
		  "Senior Engineer", "Heidi", "Melbourne, Australia" },
		{ "Acme sta assumendo DATA ANALYST in Rome, Italy | LinkedIn",
		  "", "", "DATA ANALYST", "Acme", "Rome, Italy" },
		{ "Job Application for Staff Engineer at Sonar Labs",
		  "<h1>Staff Engineer</h1>", "", "Staff Engineer",
		  "Sonar Labs", "" },
		{ "Senior Designer - Pebble Co | Built In Austin",
		  "<h1>Senior Designer</h1>", "", "Senior Designer",
		  "Pebble Co", "" },
		{ "Pebble Co - Senior Designer - Growth", "",
		  "https://jobs.example-ats.com/pebbleco/1f2e",
		  "Senior Designer - Growth", "Pebble Co", "" },
		{ "Pebble Co - Senior Designer - Growth",
		  "<h2>Senior Designer - Growth</h2>", "",
		  "Senior Designer - Growth", "Pebble Co", "" },
		{ "Backend Engineer at Orbit", "", "", "Backend Engineer",
		  "Orbit", "" },
		{ "Careers | Orbit", "<h2>Backend Engineer</h2>",
		  "https://orbit.example/careers/42", "Backend Engineer",
		  "Orbit", "" },
		{ "Data Engineer \xe2\x80\x93 Lumen", "<h1>Data Engineer</h1>",
		  "", "Data Engineer", "Lumen", "" },
		{ "Senior Engineer - Acme", "<h1>Acme</h1><h2>Senior Engineer"
		  "</h2>", "https://acme.example/jobs/1", "Senior Engineer",
		  "Acme", "" },
		{ "Nurse Practitioner - Springfield, IL 62701 - Indeed.com",
		  "<h1>Nurse Practitioner</h1>", "", "Nurse Practitioner", "",
		  "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char page[1024];
		snprintf(page, sizeof page, "<html><head><title>%s</title>"
		    "<meta property=\"og:url\" content=\"%s\"></head><body>"
		    "<nav><h1>Menu</h1></nav>%s<p>Some words.</p></body></html>",
		    t[i].title, t[i].url, t[i].heading);
		struct jd_posting_list l = read_page("t.html", page);
		struct jd_posting *p = &l.v[0];
		cr_expect_str_eq(p->title ? p->title : "", t[i].want_title,
		    "%s", t[i].title);
		cr_expect_str_eq(p->company ? p->company : "",
		    t[i].want_company, "%s", t[i].title);
		cr_expect_str_eq(p->location ? p->location : "",
		    t[i].want_location, "%s", t[i].title);
		jd_posting_list_free(&l);
	}
}

/* Characters a reader sees, as the main-content choice counts them:
 * a run of white space (a no-break space too) is one, a UTF-8 sequence
 * is one. The count that reads eight bytes at a time agrees with this
 * byte-by-byte definition on texts of every kind of byte. */
static size_t
chars_by_definition(const unsigned char *u, size_t n, int *space)
{
	size_t count = 0;
	int sp = *space;

	for (size_t i = 0; i < n; i++) {
		int white = u[i] == ' ' || u[i] == '\t' || u[i] == '\n' ||
		    u[i] == '\r' || u[i] == '\f';
		if (u[i] == 0xc2 && i + 1 < n && u[i + 1] == 0xa0) {
			i++;
			white = 1;
		}
		if (white)
			count += !sp;
		else if ((u[i] & 0xc0) != 0x80)
			count++;
		sp = white;
	}
	*space = sp;
	return count;
}

Test(html, visible_characters_counted)
{
	static const unsigned char bytes[] = {
		' ', '\n', '\t', '\r', '\f', '\v', 'a', 'Z', '0', '.', 0x01,
		0x7f, 0xc2, 0xa0, 0xc3, 0xa9, 0x80, 0xe2, 0xff
	};
	unsigned long long r = 88172645463325252ULL;
	unsigned char buf[80];

	for (int k = 0; k < 200000; k++) {
		r ^= r << 13, r ^= r >> 7, r ^= r << 17;
		size_t n = r % sizeof buf;
		for (size_t i = 0; i < n; i++) {
			r ^= r << 13, r ^= r >> 7, r ^= r << 17;
			buf[i] = bytes[(r >> 8) % sizeof bytes];
		}
		int s1 = (int)(r >> 60) & 1, s2 = s1;
		size_t want = chars_by_definition(buf, n, &s1);
		size_t got = hb_text_chars((const char *)buf, n, &s2);
		cr_expect(want == got && s1 == s2, "%zu bytes: %zu "
		    "characters, not %zu", n, got, want);
		if (want != got || s1 != s2)
			break;
	}
}

/* A control byte anywhere, a page's last byte too, reads as a space;
 * tab, line feed and carriage return read as white space anyway. */
Test(html, control_bytes_read_as_spaces)
{
	static const char ctl[] = { 0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f };

	for (size_t c = 0; c < sizeof ctl; c++)
		for (size_t pad = 0; pad < 40; pad++) {
			struct jd_buf b = JD_BUF_INIT;
			for (int i = 0; i < 4; i++)
				jd_buf_adds(&b, "<p>Ten years of patience with "
				    "odd markup and plain words.</p>");
			jd_buf_adds(&b, "<p>");
			for (size_t i = 0; i < pad; i++)
				jd_buf_addc(&b, 'x');
			jd_buf_adds(&b, " Python");
			jd_buf_addc(&b, ctl[c]);
			/* the page may end right after the control byte */
			if (pad % 2)
				jd_buf_adds(&b, "and SQL</p>");
			struct jd_posting_list l = { 0 };
			jd_html_read("c.html", b.data, b.len, &l);
			char *all = text_of(&l.v[0]);
			cr_expect_null(strchr(all, ctl[c]), "byte %#x kept",
			    ctl[c]);
			if (pad % 2)
				cr_expect_not_null(strstr(all, "Python and SQL"),
				    "byte %#x after %zu bytes: %s", ctl[c], pad,
				    all);
			else
				cr_expect(jd_util_has_suffix(all, "Python"),
				    "byte %#x last, after %zu bytes: %s",
				    ctl[c], pad, all);
			free(all);
			jd_posting_list_free(&l);
			jd_buf_free(&b);
		}
}

/* libxml2 2.9.14 is quadratic in the attributes of one tag: 200,000 of
 * them must not take minutes. */
Test(html, many_attributes)
{
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "<html><body><div");
	for (int i = 0; i < 200000; i++)
		jd_buf_printf(&b, " a%d=\"x\"", i);
	jd_buf_adds(&b, ">Requirements</div><p>");
	for (int i = 0; i < 20; i++)
		jd_buf_adds(&b, "Ten years of patience with odd markup. ");
	jd_buf_adds(&b, "</p></body></html>");
	struct jd_posting_list l = { 0 };
	double start = jd_util_now();
	jd_html_read("a.html", b.data, b.len, &l);
	cr_expect_lt(jd_util_now() - start, 5.0, "quadratic in attributes");
	char *all = text_of(&l.v[0]);
	cr_expect_not_null(strstr(all, "Ten years of patience"));
	free(all);
	jd_posting_list_free(&l);
	jd_buf_free(&b);
}

/* A page nested 300,000 deep (far past what recursion survives) is walked
 * without recursion. */
Test(html, deep_nesting)
{
	struct jd_buf b = JD_BUF_INIT;
	const int depth = 300000;

	jd_buf_adds(&b, "<html><body>");
	for (int i = 0; i < depth; i++)
		jd_buf_adds(&b, "<div>");
	for (int i = 0; i < 10; i++)
		jd_buf_adds(&b, "Deep inside, the words are still read. ");
	for (int i = 0; i < depth; i++)
		jd_buf_adds(&b, "</div>");
	jd_buf_adds(&b, "</body></html>");
	struct jd_posting_list l = { 0 };
	jd_html_read("d.html", b.data, b.len, &l);
	char *all = text_of(&l.v[0]);
	cr_expect_not_null(strstr(all, "the words are still read"));
	free(all);
	jd_posting_list_free(&l);
	jd_buf_free(&b);
}

/* A tree too big for the memory a page gets at first (64 MB) is read to
 * its end, and all of it freed (make check runs this under
 * LeakSanitizer). */
Test(html, tree_beyond_the_slab)
{
	struct jd_buf b = JD_BUF_INIT;
	const int items = 400000;

	jd_buf_adds(&b, "<html><body><h1>Support Engineer</h1><ul>");
	for (int i = 0; i < items; i++)
		jd_buf_printf(&b, "<li>Ticket %d answered</li>", i);
	jd_buf_adds(&b, "</ul></body></html>");
	struct jd_posting_list l = { 0 };
	jd_html_read("big.html", b.data, b.len, &l);
	const struct jd_posting *p = &l.v[0];
	size_t lines = 0;
	const char *last = "";
	for (size_t s = 0; s < p->nsections; s++)
		for (size_t k = 0; k < p->sections[s].nlines; k++, lines++)
			last = p->sections[s].lines[k];
	cr_expect_eq(lines, (size_t)items);
	cr_expect_str_eq(last, "Ticket 399999 answered");
	jd_posting_list_free(&l);
	jd_buf_free(&b);
}

/* Any bytes at all: a clear status, no crash. */
Test(html, arbitrary_bytes)
{
	static const char *const inputs[] = {
		"", " \n\t ", "\xff\xfe", "\xfe\xff\x00<", "<", "<html",
		"<!-- never closed", "<script>var a = '</script",
		"<a b=\"never closed", "\x00\x01\x02\x03<p>\x00</p>",
		"<svg><title>x</title></svg>", "<table><td><table><td>",
		"<meta charset=\"no-such-charset\"><p>\xe9t\xe9</p>",
	};
	static const char bom_nul[] = "\xfe\xff\x00<";
	static const char controls[] = "\x00\x01\x02\x03<p>\x00</p>";
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		struct jd_posting_list l = { 0 };
		size_t n = i == 3 ? sizeof bom_nul - 1 : i == 9 ?
		    sizeof controls - 1 : strlen(inputs[i]);
		cr_expect_eq(jd_html_read("x.html", inputs[i], n, &l), 1);
		cr_expect_neq(l.v[0].status, JD_POST_OK, "input %zu", i);
		jd_posting_list_free(&l);
	}
	static const char alphabet[] = "<>/=\"' abcdp\n&;#x\xc3\xa9\xff";
	unsigned int seed = 7;
	char *noise = malloc(1 << 16);
	for (int round = 0; round < 20; round++) {
		struct jd_posting_list l = { 0 };
		for (int i = 0; i < 1 << 16; i++)
			noise[i] = alphabet[rand_r(&seed) %
			    (sizeof alphabet - 1)];
		cr_expect_eq(jd_html_read("n.html", noise, 1 << 16, &l), 1);
		jd_posting_list_free(&l);
	}
	free(noise);
}

/* Wrappers that look like furniture but hold the page: an ASP.NET form
 * around everything, the page behind an open cookie modal (aria-hidden,
 * a body named after the banner). */
Test(html, wrappers_that_hold_the_page)
{
	static const struct { const char *file, *title, *line; } t[] = {
		{ "aspnet-form.html", "Warehouse Supervisor",
		  "A forklift licence, or the will to get one." },
		{ "modal-open.html", "Line Cook",
		  "Keep your station clean and your labels honest." },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct jd_posting_list l = read_fixture(t[i].file);
		struct jd_posting *p = &l.v[0];
		char *all = text_of(p);
		cr_expect_eq(p->status, JD_POST_OK, "%s", t[i].file);
		cr_expect_str_eq(p->title, t[i].title, "%s", t[i].file);
		cr_expect_not_null(strstr(all, t[i].line), "%s: %s", t[i].file,
		    all);
		cr_expect_null(strstr(all, "cookies"), "%s", t[i].file);
		cr_expect_null(strstr(all, "Search jobs"), "%s", t[i].file);
		free(all);
		jd_posting_list_free(&l);
	}
}

/* JSON-LD as pages really write it: escaped whole, with \' and trailing
 * commas. */
Test(html, jsonld_tolerant)
{
	static const char *const blocks[] = {
		"{&quot;@type&quot;:&quot;JobPosting&quot;,&quot;title&quot;:"
		"&quot;Baker&quot;,&quot;description&quot;:&quot;We bake bread at "
		"four in the morning for the village.&quot;}",
		"{\"@type\":\"JobPosting\",\"title\":\"Baker\\'s mate\","
		"\"description\":\"<p>We bake bread at four in the morning for "
		"the village.</p>\",}",
	};
	static const char *const titles[] = { "Baker", "Baker's mate" };
	for (size_t i = 0; i < 2; i++) {
		char page[512];
		snprintf(page, sizeof page, "<html><head><script type="
		    "\"application/ld+json\">%s</script></head><body></body>"
		    "</html>", blocks[i]);
		struct jd_posting_list l = read_page("j.html", page);
		cr_expect_str_eq(l.v[0].source, "jsonld", "block %zu", i);
		cr_expect_str_eq(l.v[0].title, titles[i]);
		char *all = text_of(&l.v[0]);
		cr_expect_str_eq(all, "We bake bread at four in the morning for "
		    "the village.");
		free(all);
		jd_posting_list_free(&l);
	}
}

/* Not a posting at all: a news article yields its body lines, without
 * related headlines (whose "President" and "Director" make no listing),
 * comments, share tools or the newsletter box. */
Test(html, news_article_main_content)
{
	struct jd_posting_list l = read_fixture("news-article.html");
	struct jd_posting *p = &l.v[0];
	char *all = text_of(p);
	static const char *const leaks[] = {
		"Sport", "morning briefing", "Ada Fernsby", "Share on",
		"More from", "President", "Comments", "grandfather",
		"All rights", NULL
	};

	cr_expect_eq(p->status, JD_POST_OK);
	cr_expect_str_eq(p->title, "Harbour city votes to restore its salt "
	    "marshes");
	cr_expect_not_null(strstr(all, "The city council voted on Tuesday"));
	cr_expect_not_null(strstr(all, "Farmers divided|Not everyone is "
	    "convinced."));
	cr_expect_not_null(strstr(all, "the railway that run behind the "
	    "marsh."));
	for (const char *const *k = leaks; *k; k++)
		cr_expect_null(strstr(all, *k), "'%s' leaked", *k);
	free(all);
	jd_posting_list_free(&l);
}

Test(html, jsonld_fields_with_entities_and_tags)
{
	const char *page = "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"JobPosting\",\"title\":\"R&amp;D Engineer &#8211; "
	    "<b>Optics</b>\",\"hiringOrganization\":{\"name\":\"Lens &amp; "
	    "Co\"},\"description\":\"We grind lenses for telescopes.\"}"
	    "</script></head></html>";
	struct jd_posting_list l = read_page("e.html", page);

	cr_expect_str_eq(l.v[0].title, "R&D Engineer \xe2\x80\x93 Optics");
	cr_expect_str_eq(l.v[0].company, "Lens & Co");
	jd_posting_list_free(&l);
}

/* A posting with other jobs beside it (JSON-LD ItemList, cards with a
 * line each inside the content) is a posting, without the other jobs. */
Test(html, posting_with_other_jobs)
{
	struct jd_posting_list l = read_fixture("related-cards.html");
	struct jd_posting *p = &l.v[0];
	char *all = text_of(p);

	cr_expect_eq(p->status, JD_POST_OK);
	cr_expect_str_eq(p->source, "html", "no JobPosting is titled after "
	    "the page");
	cr_expect_str_eq(p->title, "Pastry Chef");
	cr_expect_not_null(strstr(all, "Patience with butter"));
	cr_expect_null(strstr(all, "Bread Baker"), "%s", all);
	cr_expect_null(strstr(all, "dinosaur"), "%s", all);
	free(all);
	jd_posting_list_free(&l);
}

/* A careers page whose JSON-LD lists several JobPostings, none its own. */
Test(html, jsonld_item_list_is_a_listing)
{
	const char *page = "<html><head><title>Careers at Brightside</title>"
	    "<script type=\"application/ld+json\">{\"@type\":\"ItemList\","
	    "\"itemListElement\":[{\"@type\":\"JobPosting\",\"title\":\"Welder\","
	    "\"description\":\"Weld.\"},{\"@type\":\"JobPosting\",\"title\":"
	    "\"Painter\",\"description\":\"Paint.\"},{\"@type\":\"JobPosting\","
	    "\"title\":\"Fitter\",\"description\":\"Fit.\"}]}</script></head>"
	    "<body><h1>Careers at Brightside</h1><p>We build ferries, and we "
	    "have done so for ninety years in this harbour town, with families "
	    "who have worked here for three generations and still love it."
	    "</p></body></html>";
	struct jd_posting_list l = read_page("i.html", page);

	cr_expect_eq(l.v[0].status, JD_POST_LISTING);
	cr_expect_eq(jd_posting_text_size(&l.v[0]), 0);
	jd_posting_list_free(&l);
}

/* The search that finds charset declarations, class words and a phrase's
 * place in its line: the first match in any ASCII case, within n bytes. */
Test(html, case_insensitive_search_finds_the_first)
{
	const char *s = "Go-to person. gO deeper with GO and go";
	const char *meta = "<meta CHARSET=utf-8><meta charset=latin1>";

	cr_expect_eq(jd_util_casemem(s, strlen(s), "go"), s);
	cr_expect_eq(jd_util_casemem(s + 1, strlen(s) - 1, "GO"), s + 14);
	cr_expect_eq(jd_util_casemem(s, strlen(s), "go and"), s + 29);
	cr_expect_null(jd_util_casemem(s, 34, "go and"));
	cr_expect_null(jd_util_casemem(s + 1, 14, "go"));
	cr_expect_eq(jd_util_casemem(s + 1, 15, "go"), s + 14);
	cr_expect_eq(jd_util_casestr(meta, "charset="), meta + 6);
	cr_expect_eq(jd_util_casestr(meta, "Charset=L"), meta + 26);
	cr_expect_null(jd_util_casestr(meta, "charset=utf-16"));
}
