/*
 * test_load.c: the guard's reading of start tags (load_guard.c): the most
 * attributes a tag may have, for small pages whose counts were worked out
 * by hand, for quoted values of every length and alignment (they are
 * passed several bytes at a time), and the refusal of pages whose tags
 * would cost libxml2 too many comparisons, on both sides of the limit.
 */
#include "testutil.h"
#include "jdalign/load.h"

TestSuite(load, .fini = jd_test_fini);

struct wcase {
	const char *page;
	size_t len;
	size_t widest;
};

#define W(s, n) { s, sizeof s - 1, n }

/* Each decided by one rule of libxml2's start tag (load_guard.c). */
static const struct wcase pages[] = {
	W("", 0),
	W("<a>", 0),
	W("<a b c d>", 3),
	W("<a b=\"x y z\" c>", 2),
	W("<a b='x\" y' c>", 2),
	W("<a b=\"/>\" c d>", 3),	/* "/>" in a value ends nothing */
	W("<a b c/><d e>", 2),
	W("<a b=c/>d e>", 1),		/* an unquoted value takes "/" */
	W("</a><b c d e>", 3),
	W("<a b=\"x<p q r s\" c>", 4),	/* the tag that may open at '<' */
	W("<a b='<c d e'>", 2),
	W("<a b c", 2),
	W("<a b=\"never closed c d e", 1),
	W("<a b=\"\xc3\xa9\0\" c>", 2),
	W("<a b=x c=y>", 2),
	W("a<b c d", 2),
	W("<a\tb\nc\rd >", 3),
	W("<a b==c d>", 2),
	W("<a !x y>", 1),			/* junk to the next blank */
	W("<a b = \"v\" c>", 2),
	W("<a b=\"x\"c=\"y\"d>", 3),
	W("if (a<b && c>d) x = '<p class=\"q\">';", 1),
	W("<<a b>", 1),
	W("<a/b c>", 1),
	W("<a b/ c>", 2),
	W("<a b=\"x\"/><c d>", 1),
	W("<a b c=\"x\" d e f g=h>", 6),
	W("< a b c>", 0),			/* no tag opens: no letter */
	W("<1 a b>", 0),
	W("<!-- a b c -->", 0),
	W("<?x a b?>", 0),
};

Test(load, widest_of_small_pages)
{
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
		cr_expect_eq(jd_load_guard_widest(pages[i].page, pages[i].len),
		    pages[i].widest, "%s", pages[i].page);
}

/* A name past 100 characters goes on as another attribute. */
Test(load, long_names)
{
	static const size_t lens[] = { 100, 101, 200, 201, 250 };
	static const size_t tag[] = { 0, 1, 1, 2, 2 };
	struct jd_buf b = JD_BUF_INIT;

	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		jd_buf_reset(&b);
		jd_buf_addc(&b, '<');
		for (size_t k = 0; k < lens[i]; k++)
			jd_buf_addc(&b, 't');
		jd_buf_addc(&b, '>');
		cr_expect_eq(jd_load_guard_widest(b.data, b.len), tag[i],
		    "tag name of %zu", lens[i]);
		jd_buf_reset(&b);
		jd_buf_adds(&b, "<a ");
		for (size_t k = 0; k < lens[i]; k++)
			jd_buf_addc(&b, 'b');
		jd_buf_addc(&b, '>');
		cr_expect_eq(jd_load_guard_widest(b.data, b.len), tag[i] + 1,
		    "attribute name of %zu", lens[i]);
	}
	jd_buf_free(&b);
}

static void
put_value(struct jd_buf *b, const char *name, char quote, size_t len,
    const char *inside, size_t at)
{
	jd_buf_printf(b, " %s=%c", name, quote);
	for (size_t k = 0; k < len; k++) {
		if (k == at)
			jd_buf_adds(b, inside);
		jd_buf_addc(b, k % 3 ? 'x' : quote == '"' ? '\'' : '"');
	}
	jd_buf_addc(b, quote);
}

/* Values of every length to 40, behind names of eight lengths (so at every
 * alignment), hold the other quote but not their own. */
Test(load, quoted_values_of_every_length)
{
	struct jd_buf b = JD_BUF_INIT;

	for (size_t pre = 0; pre < 8; pre++)
		for (size_t len = 0; len < 40; len++) {
			jd_buf_reset(&b);
			jd_buf_adds(&b, "<a b");
			for (size_t k = 0; k < pre; k++)
				jd_buf_addc(&b, 'b');
			put_value(&b, "c", '"', len, "", len);
			put_value(&b, "d", '\'', len, "", len);
			jd_buf_adds(&b, " e>");
			cr_expect_eq(jd_load_guard_widest(b.data, b.len), 4,
			    "%s", b.data);
			/* cut inside the second value: it runs to the end */
			cr_expect_eq(jd_load_guard_widest(b.data, b.len - 4 -
			    len / 2), 3, "%.*s", (int)(b.len - 4 - len / 2),
			    b.data);
		}
	jd_buf_free(&b);
}

/* A '<' before a letter inside a value, at every place in it, may open a
 * tag of its own (three attributes: "j", "k" running on to junk, and the
 * "e" after the value); a '<' before anything else changes nothing. */
Test(load, tags_inside_values)
{
	static const char *const inside[] = { "<i j k", "< i=j" };
	struct jd_buf b = JD_BUF_INIT;

	for (size_t len = 1; len < 24; len++)
		for (size_t at = 0; at < len; at++)
			for (int k = 0; k < 4; k++) {
				jd_buf_reset(&b);
				jd_buf_adds(&b, "<a b");
				put_value(&b, "c", k & 1 ? '\'' : '"', len,
				    inside[k >> 1], at);
				jd_buf_adds(&b, " e>");
				cr_expect_eq(jd_load_guard_widest(b.data,
				    b.len), 3, "%s", b.data);
			}
	jd_buf_free(&b);
}

/* tags start tags of n attributes each, with quoted values. */
static void
wide_tags(struct jd_buf *b, size_t tags, size_t n)
{
	jd_buf_reset(b);
	for (size_t t = 0; t < tags; t++) {
		jd_buf_adds(b, "<div");
		for (size_t k = 0; k < n; k++)
			jd_buf_printf(b, " a%zu=\"%.*s\"", k, (int)(k % 12),
			    "v<>/ 'w=x/>");
		jd_buf_addc(b, '>');
	}
}

static void
expect_guard(const struct jd_buf *b, int rc, const char *msg)
{
	char *cause = NULL;

	cr_expect_eq(jd_load_guard("page.html", b->data, b->len, NULL, &cause),
	    rc);
	if (msg)
		cr_expect_str_eq(cause ? cause : "", msg);
	free(cause);
}

/* The comparisons of all wide tags of a page may reach 50,000,000: one tag
 * of 10,000 attributes or two of 7,071, and no more. */
Test(load, attribute_cost_limit)
{
	struct jd_buf b = JD_BUF_INIT;
	size_t widest;
	char *cause = NULL;

	wide_tags(&b, 1, 10000);
	cr_expect_eq(jd_load_guard("page.html", b.data, b.len, &widest,
	    &cause), 0);
	cr_expect_eq(widest, 10000);
	wide_tags(&b, 1, 10001);
	expect_guard(&b, -1, "start tags with too many attributes (10001 in "
	    "the largest): not parsed, libxml2 would take minutes");
	wide_tags(&b, 2, 7071);
	expect_guard(&b, 0, NULL);
	wide_tags(&b, 2, 7072);
	expect_guard(&b, -1, "start tags with too many attributes (7072 in "
	    "the largest): not parsed, libxml2 would take minutes");
	jd_buf_free(&b);
}
