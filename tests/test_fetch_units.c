/*
 * test_fetch_units.c: the parts of fetch that need no network: the
 * robots.txt parser (RFC 9309 cases as a table), file names from hostile
 * URLs, redaction of credentials, and board API fixtures turned into pages.
 */
#include "testutil.h"
#include "jdalign/fetch.h"

TestSuite(fetch_robots, .fini = jd_test_fini, .timeout = 60);
TestSuite(fetch_names, .fini = jd_test_fini, .timeout = 60);
TestSuite(fetch_board, .fini = jd_test_fini, .timeout = 60);

/* ------------------------------------------------------------ robots */

static const char robots_txt[] =
    "\xef\xbb\xbf# a comment line\n"
    "Disallow: /before-any-group\n"
    "User-agent: otherbot\n"
    "Disallow: /\n"
    "\n"
    "User-agent: *\n"
    "Disallow: /private/\n"
    "Allow: /private/open\n"
    "Disallow: /*.pdf$\n"
    "Disallow: /search?*q=\n"
    "Disallow: /a%3cb\n"
    "Disallow: /%7Euser/\n"
    "Disallow:\n"
    "Crawl-delay: 2.5\n"
    "Sitemap: https://example.com/sitemap.xml\n"
    "\n"
    "user-agent: another\n"
    "user-agent: *   # a second '*' group merges with the first\n"
    "disallow: /tmp   # trailing comment\n";

Test(fetch_robots, star_groups)
{
	static const struct { const char *path; int allowed; } cases[] = {
		{ "/", 1 },
		{ "/jobs/1", 1 },
		{ "/before-any-group", 1 },	/* rules outside a group */
		{ "/private/", 0 },
		{ "/private/x.html", 0 },
		{ "/private/open.html", 1 },	/* the longer Allow wins */
		{ "/private/ope", 0 },
		{ "/doc.pdf", 0 },
		{ "/doc.pdf?x=1", 1 },		/* '$' anchors the end */
		{ "/search?lang=en&q=go", 0 },
		{ "/search", 1 },
		{ "/a%3Cb", 0 },		/* escapes: upper-cased */
		{ "/~user/cv.html", 0 },	/* %7E is '~' */
		{ "/tmp/x", 0 },
		{ "/tmpfile", 0 },
		{ "/robots.txt", 1 },
	};
	struct jd_robots *r = jd_fetch_robots_parse(robots_txt,
	    sizeof robots_txt - 1, "jdalign");

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(jd_fetch_robots_allowed(r, cases[i].path),
		    cases[i].allowed, "%s", cases[i].path);
	cr_expect_eq(jd_fetch_robots_delay_ms(r), 2500);
	jd_fetch_robots_free(r);
}

Test(fetch_robots, own_group_wins)
{
	static const char txt[] =
	    "User-agent: *\nDisallow: /\n\n"
	    "User-Agent: JDAlign/2.0\nDisallow: /drafts\nAllow: /drafts/ok\n"
	    "\nUser-agent: jdalign\nDisallow: /*/apply$\n";
	struct jd_robots *r = jd_fetch_robots_parse(txt, sizeof txt - 1,
	    "jdalign");

	cr_expect(jd_fetch_robots_allowed(r, "/jobs/1"));
	cr_expect_not(jd_fetch_robots_allowed(r, "/drafts/x"));
	cr_expect(jd_fetch_robots_allowed(r, "/drafts/ok"));
	cr_expect_not(jd_fetch_robots_allowed(r, "/jobs/apply"));
	cr_expect(jd_fetch_robots_allowed(r, "/jobs/apply/x"));
	cr_expect_eq(jd_fetch_robots_delay_ms(r), -1);
	jd_fetch_robots_free(r);
}

Test(fetch_robots, ties_and_oddities)
{
	static const char txt[] =
	    "User-agent: *\r\nDisallow: /page\r\nAllow: /page\r\n"
	    "Disallow: /x*\r\nAllow: /x$\r\nnot a rule line\r\n"
	    "Disallow: /***deep****star*\r\n";
	struct jd_robots *r = jd_fetch_robots_parse(txt, sizeof txt - 1,
	    "jdalign");
	char longpath[5000];

	cr_expect(jd_fetch_robots_allowed(r, "/page"), "Allow wins a tie");
	cr_expect(jd_fetch_robots_allowed(r, "/x"));
	cr_expect_not(jd_fetch_robots_allowed(r, "/xy"));
	memset(longpath, 'a', sizeof longpath - 1);
	longpath[0] = '/';
	longpath[sizeof longpath - 1] = '\0';
	cr_expect(jd_fetch_robots_allowed(r, longpath), "no blow-up");
	jd_fetch_robots_free(r);
	r = jd_fetch_robots_parse("", 0, "jdalign");
	cr_expect(jd_fetch_robots_allowed(r, "/anything"));
	jd_fetch_robots_free(r);
	cr_expect(jd_fetch_robots_allowed(NULL, "/anything"));
}

Test(fetch_robots, binary_garbage)
{
	char junk[4096];

	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 131 + 7);
	struct jd_robots *r = jd_fetch_robots_parse(junk, sizeof junk,
	    "jdalign");
	jd_fetch_robots_allowed(r, "/x");
	jd_fetch_robots_free(r);
}

/* ------------------------------------------------------------ names */

Test(fetch_names, hostile_urls_give_plain_names)
{
	static const char *const keys[] = {
		"http://127.0.0.1:8080/../../etc/passwd",
		"http://127.0.0.1/..%2F..%2Fetc%2Fpasswd",
		"http://example.com/a b/\"quoted\"/<tag>/\\back\\slash",
		"http://example.com/.hidden",
		"http://example.com/\xc3\xa9t\xc3\xa9/\xe2\x80\x8b",
		"greenhouse:acme/4012345",
		"http://example.com/"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"...",
		"",
	};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *n = jd_fetch_file_name(keys[i], ".html");
		cr_expect(jd_fetch_safe_name(n), "%s -> %s", keys[i], n);
		cr_expect_null(strchr(n, '/'), "%s", n);
		cr_expect_leq(strlen(n), 120);
		free(n);
	}
	char *a = jd_fetch_file_name("http://x/a?b", ".html");
	char *b = jd_fetch_file_name("http://x/a_b", ".html");
	cr_expect_str_neq(a, b, "the hash keeps look-alike URLs apart");
	free(a);
	free(b);
	a = jd_fetch_file_name("greenhouse:acme/4012345", ".html");
	cr_expect_eq(strncmp(a, "greenhouse_acme_4012345-", 24), 0, "%s", a);
	free(a);
}

Test(fetch_names, safe_name_rules)
{
	static const struct { const char *name; int safe; } cases[] = {
		{ "a.html", 1 }, { "x-1_2.json", 1 }, { "notes.txt", 1 },
		{ "../a.html", 0 }, { "a/b.html", 0 }, { ".hidden.html", 0 },
		{ "index.csv", 0 }, { "a..html", 0 }, { "", 0 },
		{ ".html", 0 }, { "run.sh", 0 }, { "a b.html", 0 },
		{ "-rf.html", 0 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(jd_fetch_safe_name(cases[i].name), cases[i].safe,
		    "%s", cases[i].name);
}

Test(fetch_names, redact_credentials_and_tokens)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "https://user:s3cret@example.com/jobs/1#apply",
		    "https://example.com/jobs/1" },
		{ "http://example.com/j?id=7&token=abc&API_KEY=k&sig=x",
		    "http://example.com/j?id=7&token=***&API_KEY=***&sig=***" },
		{ "HTTP://Example.COM/", "http://example.com/" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *r = jd_fetch_redact(cases[i].in);
		cr_expect_str_eq(r, cases[i].out);
		free(r);
	}
	cr_expect_null(jd_fetch_redact("file:///etc/passwd"));
	cr_expect_null(jd_fetch_redact("ftp://user:pw@example.com/x"));
	cr_expect_null(jd_fetch_redact("not a url"));
}

/* ------------------------------------------------------------ boards */

static struct jd_board_pages
board(int kind, const char *fixture)
{
	struct jd_board_pages p = { 0 };
	char path[256];
	const char *cause = NULL;

	snprintf(path, sizeof path, "tests/fetch/api/%s", fixture);
	char *json = jd_test_read(path);
	cr_assert_not_null(json, "%s", path);
	cr_assert_eq(jd_fetch_board_pages(kind, "acme", json, strlen(json), &p,
	    &cause), 0, "%s", cause);
	free(json);
	return p;
}

Test(fetch_board, greenhouse)
{
	struct jd_board_pages p = board(JD_BOARD_GREENHOUSE,
	    "greenhouse-acme.json");

	cr_assert_eq(p.n, 2, "the job with a path for an id is left out");
	cr_expect_str_eq(p.v[0].key, "greenhouse:acme/4012345");
	const char *h = p.v[0].html;
	cr_expect_not_null(strstr(h, "<script type=\"application/ld+json\">"
	    "{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\","
	    "\"title\":\"Senior Backend Engineer\""));
	cr_expect_not_null(strstr(h, "\"hiringOrganization\":{\"@type\":"
	    "\"Organization\",\"name\":\"Acme Robotics\"}"));
	cr_expect_not_null(strstr(h, "<h3>What you&#39;ll do</h3>"),
	    "entities decoded once");
	cr_expect_not_null(strstr(h, "for our warehouse robots.&nbsp;Our"));
	cr_expect_not_null(strstr(h, "<link rel=\"canonical\" href=\""
	    "https://boards.greenhouse.io/acme/jobs/4012345\">"));
	h = p.v[1].html;
	cr_expect_null(strstr(h, "<script>"), "a title cannot open a script");
	cr_expect_null(strstr(h, "javascript:"), "no link but http(s)");
	cr_expect_not_null(strstr(h, "Content-Security-Policy"));
	const char *ld = strstr(h, "application/ld+json\">");
	cr_assert_not_null(ld);
	cr_expect_eq(strstr(ld, "</script>"), strstr(ld, "</script>\n</head>"),
	    "the JSON-LD ends only where it should");
	jd_fetch_board_pages_free(&p);

	static const char raw[] = "{\"jobs\":[{\"id\":1,\"title\":\"T\","
	    "\"content\":\"<p>a &lt;b&gt; c</p>\"}]}";
	const char *cause;
	cr_assert_eq(jd_fetch_board_pages(JD_BOARD_GREENHOUSE, "acme", raw,
	    sizeof raw - 1, &p, &cause), 0);
	cr_expect_not_null(strstr(p.v[0].html, "<p>a &lt;b&gt; c</p>"),
	    "HTML that is not escaped is kept as it is");
	jd_fetch_board_pages_free(&p);
}

Test(fetch_board, lever_and_ashby)
{
	struct jd_board_pages p = board(JD_BOARD_LEVER, "lever-acme.json");

	cr_assert_eq(p.n, 1);
	cr_expect_str_eq(p.v[0].key,
	    "lever:acme/a1b2c3d4-0001-4e5f-8a9b-000000000001");
	cr_expect_not_null(strstr(p.v[0].html, "<h3>Requirements</h3>\n<ul>"
	    "<li>3+ years of Python and SQL</li>"));
	cr_expect_not_null(strstr(p.v[0].html, "\"employmentType\":"
	    "\"FULL_TIME\",\"datePosted\":\"2024-03-01\""));
	cr_expect_not_null(strstr(p.v[0].html, "30 days of vacation"));
	cr_expect_not_null(strstr(p.v[0].html, "<h3>Salary</h3>\n<p>EUR 70000 "
	    "&ndash; 90000 per-year-salary</p>"));
	jd_fetch_board_pages_free(&p);
	p = board(JD_BOARD_ASHBY, "ashby-acme.json");
	cr_assert_eq(p.n, 1, "the unlisted job is left out");
	cr_expect_not_null(strstr(p.v[0].html, "\"jobLocationType\":"
	    "\"TELECOMMUTE\""));
	cr_expect_not_null(strstr(p.v[0].html, "<h3>Compensation</h3>"));
	jd_fetch_board_pages_free(&p);
}

Test(fetch_board, not_a_board_answer)
{
	struct jd_board_pages p = { 0 };
	const char *cause = NULL;
	static const char *const bad[] = {
		"", "<html>", "{\"ok\":false,\"error\":\"Document not found\"}",
		"[1,2,3]", "{\"jobs\":{}}"
	};

	for (size_t i = 0; i < 4; i++) {
		int kind = i == 3 ? JD_BOARD_GREENHOUSE : JD_BOARD_LEVER;
		cr_expect_eq(jd_fetch_board_pages(kind, "x", bad[i],
		    strlen(bad[i]), &p, &cause), -1, "%s", bad[i]);
	}
	cr_expect_eq(jd_fetch_board_pages(JD_BOARD_ASHBY, "x", bad[4],
	    strlen(bad[4]), &p, &cause), -1);
	cr_expect_eq(p.n, 0);
	jd_fetch_board_pages_free(&p);
	cr_expect_eq(jd_fetch_board_kind("ashby:org", &cause), JD_BOARD_ASHBY);
	cr_expect_str_eq(cause, "org");
	cr_expect_eq(jd_fetch_board_kind("https://x/", &cause), -1);
}
