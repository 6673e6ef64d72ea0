/*
 * test_hostile.c: inputs built to break a batch tool, generated here at run
 * time: empty and binary files, cut-off, oversized, deep, wide and
 * mis-encoded pages, link loops, FIFOs, devices, huge folders and resumes,
 * and reports whose write fails. Each must finish within a few seconds with
 * the message and exit status DESIGN.md gives, and leave every other input
 * reported.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

TestSuite(hostile, .fini = jd_test_fini, .timeout = 60);

#define GOOD "corpora/examples/postings/lever-like.html"
#define GOOD_OK "== " GOOD "\nstatus: ok\n"

/* "A few seconds", with room for a slow machine; sanitizers slow the
 * program down several times. */
#if defined(__SANITIZE_ADDRESS__)
#define FEW_SECONDS 60.0
#else
#define FEW_SECONDS 8.0
#endif

/* The requirements of a posting, for pages whose text must survive. */
static const char body[] =
    "<h2>Requirements</h2><ul><li>5 years of Python and PostgreSQL</li>"
    "<li>Kubernetes and Terraform in production</li>"
    "<li>Event-driven architecture with Kafka</li></ul>"
    "<h2>About us</h2><p>We build data platforms for freight and logistics "
    "teams across three continents, and we ship every week.</p>";

static void
put(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	cr_assert_not_null(f, "cannot create %s", path);
	cr_assert_eq(fwrite(data, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
}

static void
put_buf(const char *path, const struct jd_buf *b)
{
	put(path, jd_buf_str(b), b->len);
}

static void
repeat(struct jd_buf *b, const char *s, size_t times)
{
	size_t n = strlen(s);

	jd_buf_grow(b, n * times);
	for (size_t i = 0; i < times; i++)
		jd_buf_add(b, s, n);
}

static char *
path_in(const char *dir, const char *name)
{
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_printf(&b, "%s/%s", dir, name);
	return jd_buf_take(&b);
}

/* Runs the command line and checks it took "a few seconds" at most. */
static struct jd_run_result
timed(const char *what, const char **args)
{
	double t0 = jd_util_now();
	struct jd_run_result r = jd_test_run(args);
	double dt = jd_util_now() - t0;

	fprintf(stderr, "hostile: %-28s %6.2f s, exit %d\n", what, dt,
	    r.status);
	cr_expect_lt(dt, FEW_SECONDS, "%s took %.1f s", what, dt);
	return r;
}

/* "jdalign: PATH: LEVEL: MESSAGE" is on standard error. */
static void
expect_msg(const struct jd_run_result *r, const char *path,
    const char *level, const char *msg)
{
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_printf(&b, "jdalign: %s: %s: %s", path, level, msg);
	cr_expect_not_null(strstr(r->err, b.data), "no '%s' in:\n%s", b.data,
	    r->err);
	jd_buf_free(&b);
}

static void
expect_good(const struct jd_run_result *r)
{
	cr_expect_not_null(strstr(r->out, GOOD_OK),
	    "the good posting is not reported:\n%.2000s", r->out);
}

/* extract on the hostile input and the good posting. */
static struct jd_run_result
extract(const char *what, const char *path)
{
	const char *a[] = { "extract", "-j", "2", path, GOOD, NULL };

	return timed(what, a);
}

/* ------------------------------------------------------------ files */

Test(hostile, empty_and_one_byte)
{
	char *dir = jd_test_tmpdir(), *e = path_in(dir, "empty.html"),
	    *o = path_in(dir, "one.html"), *t = path_in(dir, "one.txt");
	const char *a[] = { "extract", e, o, t, GOOD, NULL };

	put(e, "", 0);
	put(o, "<", 1);
	put(t, "x", 1);
	struct jd_run_result r = timed("empty and 1-byte files", a);
	cr_expect_eq(r.status, 0);
	expect_msg(&r, e, "warning", "not a posting (empty): left out");
	expect_msg(&r, o, "warning", "not a posting (empty): left out");
	expect_msg(&r, t, "warning", "not a posting (empty): left out");
	expect_good(&r);
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(dir), free(e), free(o), free(t);
}

Test(hostile, binary_named_html)
{
	static const struct { const char *name, *magic, *what; } bin[] = {
		{ "image.html", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
		    "a PNG image" },
		{ "doc.html", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n\n\n",
		    "a PDF document" },
		{ "archive.html", "PK\x03\x04\x14\0\0\0\x08\0\0\0\0\0\0",
		    "a zip archive" },
	};
	char *dir = jd_test_tmpdir(), *p[3];
	const char *a[] = { "extract", NULL, NULL, NULL, GOOD, NULL };

	for (size_t i = 0; i < 3; i++) {
		struct jd_buf b = JD_BUF_INIT;
		jd_buf_add(&b, bin[i].magic, 16);
		for (unsigned k = 0; k < 4096; k++)
			jd_buf_addc(&b, (char)(k * 2654435761u >> 24));
		p[i] = path_in(dir, bin[i].name);
		put_buf(p[i], &b);
		jd_buf_free(&b);
		a[i + 1] = p[i];
	}
	struct jd_run_result r = timed("PNG, PDF, zip named .html", a);
	cr_expect_eq(r.status, 3);
	for (size_t i = 0; i < 3; i++)
		expect_msg(&r, p[i], "error", bin[i].what);
	expect_good(&r);
	jd_run_result_free(&r);

	/* A binary resume leaves nothing to align: no usable input. */
	const char *res[] = { "align", p[2], GOOD, NULL };
	r = timed("zip as the resume", res);
	cr_expect_eq(r.status, 4);
	expect_msg(&r, p[2], "error", "a zip archive");
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	for (size_t i = 0; i < 3; i++)
		free(p[i]);
	free(dir);
}

Test(hostile, truncated_page)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "cut.html");
	char *page =
	    jd_test_read("corpora/examples/postings/acme-greenhouse.html");

	cr_assert_not_null(page);
	put(p, page, strlen(page) / 2);
	struct jd_run_result r = extract("truncated page", p);
	cr_expect_eq(r.status, 0);
	cr_expect_null(strstr(r.err, "error:"), "%s", r.err);
	cr_expect_not_null(strstr(r.out, p));
	expect_good(&r);
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(page), free(dir), free(p);
}

Test(hostile, larger_than_max_bytes)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "huge.html");
	FILE *f = fopen(p, "w");

	/* 32 MiB and one byte, sparse: refused by its size, never read. */
	cr_assert_not_null(f);
	cr_assert_eq(ftruncate(fileno(f), ((off_t)32 << 20) + 1), 0);
	fclose(f);
	struct jd_run_result r = extract("page over --max-bytes", p);
	cr_expect_eq(r.status, 3);
	expect_msg(&r, p, "error",
	    "file too large: over 33554432 bytes (--max-bytes), not read");
	expect_good(&r);
	jd_run_result_free(&r);

	const char *a[] = { "vocab", "--max-bytes", "100", GOOD,
		"corpora/examples/postings/plain-posting.txt", NULL };
	r = timed("--max-bytes 100", a);
	cr_expect_eq(r.status, 4, "nothing was readable");
	expect_msg(&r, GOOD, "error",
	    "file too large: over 100 bytes (--max-bytes), not read");
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

/* Files and standard input are read whole and exactly, at any size
 * round the read sizes; a limit of exactly the size passes, one byte
 * less refuses. */
Test(hostile, files_read_whole)
{
	static const size_t sizes[] = { 0, 1, 65535, 65536, 65537, 131073,
	    200000 };
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "bytes.bin");

	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		struct jd_buf b = JD_BUF_INIT;
		for (size_t i = 0; i < sizes[k]; i++)
			jd_buf_addc(&b, (char)('a' + (i * 7 + i / 251) % 26));
		put(p, b.data ? b.data : "", b.len);
		for (int from_stdin = 0; from_stdin < 2; from_stdin++) {
			char *data = NULL;
			size_t len = 0;
			const char *cause = NULL;
			int saved = dup(0);
			if (from_stdin) {
				int fd = open(p, O_RDONLY);
				cr_assert(fd >= 0);
				dup2(fd, 0);
				close(fd);
			}
			int rc = jd_util_read_file(from_stdin ? "-" : p,
			    sizes[k], &data, &len, &cause);
			cr_expect_eq(rc, 0, "%zu bytes: %s", sizes[k],
			    cause ? cause : "");
			cr_expect_eq(len, b.len, "%zu bytes read as %zu",
			    sizes[k], len);
			cr_expect(rc == 0 && data[len] == '\0' && (len == 0 ||
			    memcmp(data, b.data, len) == 0),
			    "%zu bytes differ", sizes[k]);
			free(data);
			if (sizes[k] > 0) {
				if (from_stdin) {
					int fd = open(p, O_RDONLY);
					dup2(fd, 0);
					close(fd);
				}
				data = NULL;
				cr_expect_eq(jd_util_read_file(from_stdin ?
				    "-" : p, sizes[k] - 1, &data, &len, &cause),
				    -1, "%zu bytes under a limit one less",
				    sizes[k]);
				cr_expect_str_eq(cause, "file too large");
				free(data);
			}
			dup2(saved, 0);
			close(saved);
		}
		jd_buf_free(&b);
	}
	jd_test_rmrf(dir);
	free(dir), free(p);
}

/* ------------------------------------------------------------ shapes */

Test(hostile, million_levels_deep)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "deep.html");
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "<html><body>");
	repeat(&b, "<div>", 1000000);
	jd_buf_adds(&b, body);
	repeat(&b, "</div>", 1000000);
	put_buf(p, &b);
	struct jd_run_result r = extract("a million levels deep", p);
	cr_expect_eq(r.status, 0);
	cr_expect_not_null(strstr(r.out, "status: ok"));
	cr_expect_not_null(strstr(r.out,
	    "Event-driven architecture with Kafka"),
	    "the text a million levels down is lost:\n%.2000s", r.out);
	expect_good(&r);
	jd_run_result_free(&r);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

/* libxml2 2.9 scans its whole element stack for each stray end tag: the
 * parse is stopped at its deadline (2 s and 0.25 s per MB). */
Test(hostile, stray_end_tags_under_deep_nesting)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "stray.html");
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "<html><body>");
	jd_buf_adds(&b, body);
	repeat(&b, "<div>", 100000);
	repeat(&b, "</span>", 100000);
	put_buf(p, &b);
	struct jd_run_result r = extract("100k stray end tags deep", p);
	cr_expect_eq(r.status, 3);
	expect_msg(&r, p, "error", "parse stopped after 2.3 s");
	expect_good(&r);
	jd_run_result_free(&r);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

Test(hostile, tag_with_200000_attributes)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "wide.html"),
	    *ld = path_in(dir, "jsonld.html"), *js = path_in(dir, "board.json");
	struct jd_buf b = JD_BUF_INIT, l = JD_BUF_INIT, j = JD_BUF_INIT;

	jd_buf_adds(&b, "<html><body><div");
	for (int i = 0; i < 200000; i++)
		jd_buf_printf(&b, " a%d", i);
	jd_buf_printf(&b, ">%s</div></body></html>", body);
	put_buf(p, &b);
	/* The same tag inside a JSON-LD description, escaped as JSON, is
	 * cut to its first attributes before it is parsed: the posting is
	 * read... */
	jd_buf_adds(&l, "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\": \"JobPosting\", \"title\": \"Engineer\", "
	    "\"description\": \"\\u003cdiv");
	for (int i = 0; i < 200000; i++)
		jd_buf_printf(&l, "\\u0020a%d", i);
	jd_buf_adds(&l, "\\u003ePython\"}</script></head><body></body></html>");
	put_buf(ld, &l);
	/* ...and so is one in a job board's JSON, escaped as HTML
	 * entities. */
	jd_buf_adds(&j, "[{\"title\": \"Engineer\", \"content\": \"&lt;div");
	for (int i = 0; i < 200000; i++)
		jd_buf_printf(&j, " a%d", i);
	jd_buf_adds(&j, "&gt;Python and Kafka\"}]");
	put_buf(js, &j);

	const char *a[] = { "extract", p, ld, js, GOOD, NULL };
	struct jd_run_result r = timed("200,000 attributes (x3)", a);
	cr_expect_eq(r.status, 3);
	expect_msg(&r, p, "error", "start tags with too many attributes "
	    "(200000 in the largest)");
	cr_expect_null(strstr(r.err, "jsonld.html: error"), "%s", r.err);
	cr_expect_null(strstr(r.err, "board.json: error"), "%s", r.err);
	cr_expect_not_null(strstr(r.out, "- Python\n"), "%.2000s", r.out);
	cr_expect_not_null(strstr(r.out, "- Python and Kafka\n"), "%.2000s",
	    r.out);
	expect_good(&r);
	jd_run_result_free(&r);
	jd_buf_free(&b), jd_buf_free(&l), jd_buf_free(&j);
	jd_test_rmrf(dir);
	free(dir), free(p), free(ld), free(js);
}

/* Cut to 256 attributes, 1,600 such tags in one description still cost
 * libxml2 over 5x10^7 comparisons: that description is not parsed, the
 * page and the rest of the run go on. */
Test(hostile, description_of_wide_tags)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "wide-desc.html");
	struct jd_buf b = JD_BUF_INIT;
	const char *a[] = { "extract", p, GOOD, NULL };

	jd_buf_adds(&b, "<html><head><title>Engineer</title><script type="
	    "\"application/ld+json\">{\"@type\": \"JobPosting\", "
	    "\"title\": \"Engineer\", \"description\": \"");
	for (int t = 0; t < 1600; t++) {
		jd_buf_adds(&b, "\\u003cp");
		for (int i = 0; i < 300; i++)
			jd_buf_printf(&b, " a%d", i);
		jd_buf_adds(&b, "\\u003ePython\\u003c/p\\u003e");
	}
	jd_buf_adds(&b, "\"}</script></head><body></body></html>");
	put_buf(p, &b);
	struct jd_run_result r = timed("1,600 wide tags in a description", a);
	expect_msg(&r, p, "warning", "description not read: start tags with "
	    "too many attributes (256 in the largest)");
	expect_good(&r);
	jd_run_result_free(&r);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

/* A tree of two million elements takes about 800 MB: refused before. */
Test(hostile, two_million_tags)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "many.html");
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "<html><body>");
	jd_buf_adds(&b, body);
	repeat(&b, "<p>x", 2100000);
	put_buf(p, &b);
	struct jd_run_result r = extract("2,100,000 tags", p);
	cr_expect_eq(r.status, 3);
	expect_msg(&r, p, "error", "2097153 tags and 0 attributes (or more): "
	    "not parsed, the page would take over 800 MB of memory");
	expect_good(&r);
	jd_run_result_free(&r);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

Test(hostile, ten_million_character_text_node)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "long.html");
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "<html><body>");
	jd_buf_adds(&b, body);
	jd_buf_adds(&b, "<p>");
	repeat(&b, "a", 10000000);
	jd_buf_adds(&b, "</p><p>Nice to have: Rust and Go.</p></body></html>");
	put_buf(p, &b);
	struct jd_run_result r = extract("10M-character text node", p);
	cr_expect_eq(r.status, 0);
	cr_expect_not_null(strstr(r.out, "Nice to have: Rust and Go."),
	    "the text after the long node is lost");
	expect_good(&r);
	jd_run_result_free(&r);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

Test(hostile, megabyte_line)
{
	char *dir = jd_test_tmpdir(), *t = path_in(dir, "line.txt"),
	    *h = path_in(dir, "line.html");
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "Senior Data Engineer\nAcme Freight\n\nRequirements\n");
	repeat(&b, "Python, Kubernetes and event-driven systems; ", 23000);
	jd_buf_addc(&b, '\n');
	put_buf(t, &b);
	struct jd_buf hb = JD_BUF_INIT;
	jd_buf_printf(&hb, "<html><body>%s<p>%s</p></body></html>", body,
	    b.data);
	put_buf(h, &hb);
	const char *a[] = { "extract", t, h, GOOD, NULL };
	struct jd_run_result r = timed("1 MB line (.txt, .html)", a);
	cr_expect_eq(r.status, 0);
	struct jd_buf ok = JD_BUF_INIT;
	jd_buf_printf(&ok, "== %s\nstatus: ok\n", t);
	cr_expect_not_null(strstr(r.out, ok.data), "%.300s", r.out);
	jd_buf_free(&ok);
	expect_good(&r);
	jd_run_result_free(&r);
	const char *terms[] = { "terms", "--format", "jsonl", t, NULL };
	r = timed("1 MB line (terms)", terms);
	cr_expect_eq(r.status, 0);
	cr_expect_not_null(strstr(r.out, "\"term\":\"Kubernetes\""));
	jd_run_result_free(&r);
	jd_buf_free(&b), jd_buf_free(&hb);
	jd_test_rmrf(dir);
	free(dir), free(t), free(h);
}

/* ------------------------------------------------------------ encodings */

/* The page's text must come through: "Kubernetes" stands after the bad
 * bytes. */
static void
expect_text(const char *what, const char *path, const void *bytes, size_t n)
{
	put(path, bytes, n);
	struct jd_run_result r = extract(what, path);
	cr_expect_eq(r.status, 0, "%s: exit %d", what, r.status);
	cr_expect_not_null(strstr(r.out, "Kubernetes and Terraform"),
	    "%s: text lost:\n%.1500s", what, r.out);
	expect_good(&r);
	jd_run_result_free(&r);
}

Test(hostile, invalid_utf8)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "bad.html");
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "<html><body><p>Caf\xc3\xa9 \xff\xfe \xc3 \xe2\x82 "
	    "\xed\xa0\x80 \xf8\x88\x80\x80\x80 broken</p>");
	jd_buf_adds(&b, body);
	expect_text("invalid UTF-8", p, b.data, b.len);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

static void
utf16(struct jd_buf *out, const char *ascii, int big)
{
	jd_buf_adds(out, big ? "\xfe\xff" : "\xff\xfe");
	for (const char *s = ascii; *s; s++) {
		char pair[2] = { big ? 0 : *s, big ? *s : 0 };
		jd_buf_add(out, pair, 2);
	}
}

Test(hostile, utf16_with_bom)
{
	char *dir = jd_test_tmpdir(), *le = path_in(dir, "le.html"),
	    *be = path_in(dir, "be.html");
	struct jd_buf page = JD_BUF_INIT, l = JD_BUF_INIT, b = JD_BUF_INIT;

	jd_buf_printf(&page, "<html><body>%s</body></html>", body);
	utf16(&l, page.data, 0);
	utf16(&b, page.data, 1);
	expect_text("UTF-16LE with a BOM", le, l.data, l.len);
	expect_text("UTF-16BE with a BOM", be, b.data, b.len);
	jd_buf_free(&page), jd_buf_free(&l), jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(le), free(be);
}

Test(hostile, windows_1252_undefined_bytes)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "cp.html");
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "<html><head><meta charset=\"windows-1252\"></head>"
	    "<body><p>\x93Quoted\x94 \x81 \x8d \x8f \x90 \x9d "
	    "r\xe9sum\xe9</p>");
	jd_buf_adds(&b, body);
	expect_text("Windows-1252, undefined bytes", p, b.data, b.len);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

Test(hostile, nul_bytes)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "nul.html"),
	    *t = path_in(dir, "nul.txt");
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "<html><body><p>Python");
	jd_buf_add(&b, "\0\0\0", 3);
	jd_buf_adds(&b, " and SQL</p>");
	jd_buf_adds(&b, body);
	expect_text("NUL bytes (.html)", p, b.data, b.len);
	jd_buf_reset(&b);
	jd_buf_adds(&b, "Requirements\n- Python");
	jd_buf_add(&b, "\0", 1);
	jd_buf_adds(&b, "\n- Kubernetes and Terraform in production\n"
	    "- Event-driven architecture with Kafka and a lot of data\n");
	expect_text("NUL bytes (.txt)", t, b.data, b.len);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p), free(t);
}

/* ------------------------------------------------------------ folders */

Test(hostile, symbolic_link_loop)
{
	char *dir = jd_test_tmpdir(), *good = path_in(dir, "good.html"),
	    *loop = path_in(dir, "loop"), *self = path_in(dir, "self.html");
	char *page = jd_test_read(GOOD);
	const char *a[] = { "extract", dir, NULL };

	put(good, page, strlen(page));
	cr_assert_eq(symlink(".", loop), 0);
	cr_assert_eq(symlink("self.html", self), 0);
	struct jd_run_result r = timed("symbolic-link loops", a);
	cr_expect_eq(r.status, 3);
	expect_msg(&r, self, "error", "Too many levels of symbolic links");
	const char *first = strstr(r.out, "status: ok");
	cr_expect_not_null(first);
	cr_expect_null(first ? strstr(first + 1, "status: ok") : NULL,
	    "the posting was read twice through the loop");
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(page), free(dir), free(good), free(loop), free(self);
}

Test(hostile, unreadable_file)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "locked.html");

	put(p, body, strlen(body));
	cr_assert_eq(chmod(p, 0), 0);
	struct jd_run_result r = extract("unreadable file", p);
	if (geteuid() == 0) {
		fprintf(stderr, "hostile: running as root, where chmod 000 "
		    "does not stop reading: the exit status and message of an "
		    "unreadable file are not checked\n");
		cr_expect(r.status == 0 || r.status == 3);
	} else {
		cr_expect_eq(r.status, 3);
		expect_msg(&r, p, "error", "Permission denied");
	}
	expect_good(&r);
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

Test(hostile, fifo_and_dev_zero)
{
	char *dir = jd_test_tmpdir(), *fifo = path_in(dir, "pipe.html");
	const char *a[] = { "extract", dir, "/dev/zero", GOOD, NULL };

	cr_assert_eq(mkfifo(fifo, 0600), 0);
	struct jd_run_result r = timed("a FIFO and /dev/zero", a);
	cr_expect_eq(r.status, 3);
	expect_msg(&r, fifo, "error", "not a regular file");
	expect_msg(&r, "/dev/zero", "error", "not a regular file");
	expect_good(&r);
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(dir), free(fifo);
}

Test(hostile, ten_thousand_empty_files)
{
	char *dir = jd_test_tmpdir(), *good = path_in(dir, "zz-good.html");
	char *page = jd_test_read(GOOD);
	const char *a[] = { "vocab", "-j", "2", dir, NULL };

	for (int i = 0; i < 10000; i++) {
		char name[32];
		snprintf(name, sizeof name, "e%05d.html", i);
		char *p = path_in(dir, name);
		put(p, "", 0);
		free(p);
	}
	put(good, page, strlen(page));
	struct jd_run_result r = timed("10,000 empty files", a);
	cr_expect_eq(r.status, 0);
	size_t warned = 0;
	for (const char *s = r.err; (s = strstr(s, "not a posting (empty)"));
	    s++)
		warned++;
	cr_expect_eq(warned, 10000);
	/* reported in input order, though only 128 are in flight at once */
	const char *at = r.err;
	for (int i = 0; i < 10000 && at; i++) {
		char name[32];
		snprintf(name, sizeof name, "e%05d.html", i);
		at = strstr(at, name);
		cr_expect_not_null(at, "%s out of order", name);
	}
	cr_expect_not_null(strstr(r.out, "\n\"PostgreSQL\","), "%.500s", r.out);
	jd_run_result_free(&r);
	jd_test_rmrf(dir);
	free(page), free(dir), free(good);
}

Test(hostile, resume_of_100000_bullets)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "resume.md");
	struct jd_buf b = JD_BUF_INIT;
	const char *a[] = { "align", "-j", "2", p, "corpora/examples/postings",
		NULL };

	jd_buf_adds(&b, "# Jane Doe\n\n## Experience\n\n"
	    "### Data Engineer, Acme (2019-2024)\n\n");
	for (int i = 0; i < 100000; i++)
		jd_buf_printf(&b, "- Built a Python service on Kubernetes with "
		    "PostgreSQL that cut p99 latency by %d%%\n", i % 90 + 1);
	put_buf(p, &b);
	struct jd_run_result r = timed("resume of 100,000 bullets", a);
	cr_expect_eq(r.status, 0);
	cr_expect_not_null(strstr(r.out, ",\"R1-100000\","));
	jd_run_result_free(&r);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

/* ------------------------------------------------------------ output */

/*
 * A report whose write fails past `ulimit -f` (RLIMIT_FSIZE, with SIGXFSZ
 * ignored as main does): exit 4, a message naming the file, the previous
 * report left as it was and no half-written file. The run is in a child
 * process, so the limit stays there; it reports back through a pipe.
 */
Test(hostile, report_write_fails)
{
	char *dir = jd_test_tmpdir(), *prev = path_in(dir, "alignment.csv");
	int fd[2];

	put(prev, "PREVIOUS REPORT\n", 16);
	cr_assert_eq(pipe(fd), 0);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		struct rlimit rl = { 8192, 8192 };
		const char *a[] = { "align", "-q", "--out-dir", dir,
			"corpora/examples/resume.md",
			"corpora/examples/postings", NULL };
		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		struct jd_run_result r = jd_test_run(a);
		unsigned char st = (unsigned char)r.status;
		if (write(fd[1], &st, 1) != 1 ||
		    write(fd[1], r.err, strlen(r.err)) < 0)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	char err[4096] = "";
	unsigned char st = 0;
	cr_assert_eq(read(fd[0], &st, 1), 1);
	ssize_t n = read(fd[0], err, sizeof err - 1);
	err[n > 0 ? n : 0] = '\0';
	close(fd[0]);
	waitpid(pid, NULL, 0);
	cr_expect_eq(st, 4, "exit %d", st);
	struct jd_buf m = JD_BUF_INIT;
	jd_buf_printf(&m, "jdalign: %s: error: not written (File too large)",
	    prev);
	cr_expect_not_null(strstr(err, m.data), "%s", err);
	char *now = jd_test_read(prev);
	cr_expect_str_eq(now, "PREVIOUS REPORT\n");
	struct jd_buf ls = JD_BUF_INIT;
	jd_buf_printf(&ls, "ls -A '%s' | grep -q '^\\.'", dir);
	cr_expect_neq(system(ls.data), 0, "a temporary file was left behind");
	free(now);
	jd_buf_free(&m), jd_buf_free(&ls);
	jd_test_rmrf(dir);
	free(dir), free(prev);
}

/* The same with the real program under `ulimit -f`, and on /dev/full. */
Test(hostile, report_write_fails_shell)
{
#if defined(__SANITIZE_ADDRESS__)
	const char *bin = "./jdalign-san";
#else
	const char *bin = "./jdalign";
#endif
	struct jd_buf cmd = JD_BUF_INIT;

	if (access(bin, X_OK) != 0) {
		fprintf(stderr, "hostile: %s not built: the shell test of "
		    "failing writes is skipped\n", bin);
		return;
	}
	jd_buf_printf(&cmd, "sh tests/hostile_output.sh %s >&2", bin);
	cr_expect_eq(system(cmd.data), 0, "tests/hostile_output.sh failed");
	jd_buf_free(&cmd);
}

/* ------------------------------------------------------------ long lines */

/* A line of ambiguous names: context rules stay linear in its hits. */
Test(hostile, line_of_ambiguous_names)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "cpp.txt");
	struct jd_buf b = JD_BUF_INIT;
	const char *a[] = { "terms", "-q", p, NULL };

	repeat(&b, "C++", 333333);
	jd_buf_addc(&b, '\n');
	put_buf(p, &b);
	struct jd_run_result r = timed("1 MB line of C++ (terms)", a);
	cr_expect_eq(r.status, 0);
	jd_run_result_free(&r);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p);
}

/* One line of 200,000 terms: the example line is compared once a term. */
Test(hostile, one_line_of_200000_terms)
{
	char *dir = jd_test_tmpdir(), *p = path_in(dir, "long.json");
	struct jd_buf b = JD_BUF_INIT;
	const char *a[] = { "vocab", "-q", p, NULL };

	jd_buf_adds(&b, "{\"@type\": \"JobPosting\", \"title\": \"x\", "
	    "\"description\": \"");
	repeat(&b, "Python ", 200000);
	jd_buf_adds(&b, "\"}");
	put_buf(p, &b);
	struct jd_run_result r = timed("one line of 200,000 terms", a);
	cr_expect_eq(r.status, 0);
	jd_run_result_free(&r);
	jd_buf_free(&b);
	jd_test_rmrf(dir);
	free(dir), free(p);
}
