/*
 * html_enc.c: makes the bytes of a page safe for libxml2: valid UTF-8 from
 * whatever the page was written in (BOM, declared charset, undeclared
 * Windows-1252, broken UTF-8), no NUL or control bytes, and no tag with so
 * many attributes that the parser turns quadratic. Knows nothing of what
 * the page says. UTF-8 that was once read as Windows-1252 and written
 * again ("itâ€™s") is repaired.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

#include <libxml/SAX2.h>

#include "html_dom.h"
#include "jdalign/load.h"
#include "jdalign/util.h"

#define SNIFF 1024

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
label_char(int c)
{
	c = lower(c);
	return c == '-' || c == '_' || c == '.' || c == ':' ||
	    (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* The charset a page declares in its first bytes (meta charset,
 * http-equiv content, XML declaration), lower case, or NULL. */
static char *
declared_charset(const char *s, size_t n)
{
	size_t lim = n < SNIFF ? n : SNIFF;
	const char *p = jd_util_casemem(s, lim, "charset");
	size_t skip = 7;

	if (p == NULL && (p = jd_util_casemem(s, lim, "encoding=")) != NULL)
		skip = 8;
	if (p == NULL)
		return NULL;
	p += skip;
	while (p < s + lim && (*p == ' ' || *p == '='))
		p++;
	while (p < s + lim && (*p == '"' || *p == '\'' || *p == ' '))
		p++;
	size_t k = 0;
	while (p + k < s + lim && k < 40 && label_char((unsigned char)p[k]))
		k++;
	if (k == 0)
		return NULL;
	char *cs = xstrndup(p, k);
	for (char *c = cs; *c; c++)
		*c = (char)lower((unsigned char)*c);
	return cs;
}

static int
is_utf8_label(const char *cs)
{
	return cs && (strcmp(cs, "utf-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Labels browsers read as Windows-1252. */
static int
is_1252_label(const char *cs)
{
	static const char *const l[] = {
		"windows-1252", "cp1252", "x-cp1252", "latin1", "latin-1",
		"iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "ascii",
		"us-ascii", "iso-ir-100", "cp819", "ibm819", NULL
	};
	for (const char *const *p = l; cs && *p; p++)
		if (strcmp(cs, *p) == 0)
			return 1;
	return 0;
}

/* Counts valid multi-byte UTF-8 sequences and invalid bytes. */
static void
utf8_census(const char *s, size_t n, size_t *multi, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;

	*multi = *bad = 0;
	for (size_t i = 0; i < n;) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t l = jd_util_utf8_decode(u + i, n - i, &cp);
		if (l == 0) {
			(*bad)++;
			i++;
		} else {
			(*multi)++;
			i += l;
		}
	}
}

/* Converts from a charset iconv knows; -1 when it does not know it. */
static int
from_charset(const char *cs, const char *s, size_t n, struct jd_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	char chunk[4096];

	if (cd == (iconv_t)-1)
		return -1;
	char *in = (char *)s;
	size_t left = n;
	while (left > 0) {
		char *o = chunk;
		size_t room = sizeof chunk;
		size_t r = iconv(cd, &in, &left, &o, &room);
		jd_buf_add(out, chunk, (size_t)(o - chunk));
		if (r == (size_t)-1 && errno == E2BIG)
			continue;
		if (r == (size_t)-1) {	/* EILSEQ, EINVAL: one byte lost */
			jd_buf_adds(out, "\xef\xbf\xbd");
			in++;
			left--;
		}
	}
	iconv_close(cd);
	return 0;
}

/* Sixteen bytes at a time; the compiler maps these to SIMD registers
 * where the machine has them. */
typedef unsigned char bytes16 __attribute__((vector_size(16)));

/* Whether any of the 16 bytes at s is a control byte other than tab,
 * line feed and carriage return. */
static int
has_control(const char *s)
{
	bytes16 v, m;
	uint64_t half[2];

	memcpy(&v, s, sizeof v);
	m = (bytes16)((v < 0x20) & (v != '\t') & (v != '\n') & (v != '\r')) |
	    (bytes16)(v == 0x7f);
	memcpy(half, &m, sizeof half);
	return (half[0] | half[1]) != 0;
}

/* NUL and control bytes confuse the parser: they become spaces. Returns
 * how many there were. */
static size_t
scrub_controls(struct jd_buf *b)
{
	size_t k = 0, i = 0;

	for (;;) {
		while (i + 16 <= b->len && !has_control(b->data + i))
			i += 16;	/* pages seldom have any */
		if (i == b->len)
			return k;
		size_t end = i + 16 <= b->len ? i + 16 : b->len;
		for (; i < end; i++) {
			unsigned char c = (unsigned char)b->data[i];
			if ((c < 0x20 && c != '\t' && c != '\n' &&
			    c != '\r') || c == 0x7f) {
				b->data[i] = ' ';
				k++;
			}
		}
	}
}

/* *same: out holds the bytes of s unchanged, taken from *own (which
 * holds s itself) when own is not NULL. */
static const char *
to_utf8(const char *s, size_t n, struct jd_buf *out, int *same,
    struct jd_buf *own)
{
	const unsigned char *u = (const unsigned char *)s;
	char *cs = declared_charset(s, n);
	size_t multi, bad;
	const char *enc;

	if ((n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff))) ||
	    (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)) {
		free(cs);
		return jd_util_to_utf8(s, n, NULL, out);
	}
	if (jd_util_utf8_valid(s, n)) {
		free(cs);
		if (own) {
			*out = *own;
			*own = (struct jd_buf)JD_BUF_INIT;
			out->len = n;
			out->data[n] = '\0';
		} else
			jd_buf_add(out, s, n);
		*same = 1;
		return "utf-8";
	}
	/* Broken UTF-8 still has more valid multi-byte sequences than bad
	 * bytes; a page in another charset has few or none. */
	utf8_census(s, n, &multi, &bad);
	if (multi > 2 * bad || (is_utf8_label(cs) && multi >= bad))
		enc = jd_util_to_utf8(s, n, "utf-8", out);
	else if (cs && !is_1252_label(cs) && !is_utf8_label(cs) &&
	    from_charset(cs, s, n, out) == 0) {
		static _Thread_local char name[48];
		snprintf(name, sizeof name, "%s", cs);
		enc = name;
	} else
		enc = jd_util_to_utf8(s, n, NULL, out);
	free(cs);
	return enc;
}

/* ------------------------------------------------------------ attributes */

static int
space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
alpha(int c)
{
	c = lower(c);
	return c >= 'a' && c <= 'z';
}

/* Skips one attribute (name, optional = and value) from i; returns the
 * index after it. */
static size_t
skip_attr(const char *s, size_t n, size_t i)
{
	size_t start = i;

	while (i < n && !space((unsigned char)s[i]) && s[i] != '>' &&
	    s[i] != '/' && (s[i] != '=' || i == start))
		i++;
	size_t j = i;
	while (j < n && space((unsigned char)s[j]))
		j++;
	if (j >= n || s[j] != '=')
		return i;
	j++;
	while (j < n && space((unsigned char)s[j]))
		j++;
	if (j < n && (s[j] == '"' || s[j] == '\'')) {
		const char *q = memchr(s + j + 1, s[j], n - j - 1);
		return q ? (size_t)(q - s) + 1 : n;
	}
	while (j < n && !space((unsigned char)s[j]) && s[j] != '>')
		j++;
	return j;
}

/* Copies the rest of a raw-text element (script, style) verbatim. */
static size_t
raw_text(const char *s, size_t n, size_t i, const char *name, size_t len,
    struct jd_buf *out)
{
	size_t stop = hb_raw_close(s, n, i, name, len);

	jd_buf_add(out, s + i, stop - i);
	return stop;
}

static int
raw_name(const char *name, size_t len)
{
	static const char *const raw[] = {
		"script", "style", "textarea", "xmp", "noscript", NULL
	};
	for (const char *const *r = raw; *r; r++)
		if (strlen(*r) == len && jd_util_casemem(name, len, *r) == name)
			return 1;
	return 0;
}

/* Copies one start tag at s[i] == '<', keeping at most HB_MAX_ATTRS
 * attributes; returns the index after it. */
static size_t
tag(const char *s, size_t n, size_t i, struct jd_buf *out, size_t *cut)
{
	size_t j = i + 1, count = 0;

	while (j < n && !space((unsigned char)s[j]) && s[j] != '>' &&
	    s[j] != '/')
		j++;
	const char *name = s + i + 1;
	size_t len = (size_t)(s + j - name);
	jd_buf_add(out, s + i, j - i);
	while (j < n) {
		size_t ws = j;
		while (j < n && (space((unsigned char)s[j]) || s[j] == '/'))
			j++;
		if (j >= n || s[j] == '>') {
			jd_buf_add(out, s + ws, j - ws);
			break;
		}
		size_t e = skip_attr(s, n, j);
		if (++count <= HB_MAX_ATTRS)
			jd_buf_add(out, s + ws, e - ws);
		else
			(*cut)++;
		j = e;
	}
	if (j < n) {
		jd_buf_addc(out, '>');
		j++;
		if (raw_name(name, len))
			j = raw_text(s, n, j, name, len, out);
	}
	return j;
}

/* Cuts tags down to HB_MAX_ATTRS attributes; returns how many it cut. */
static size_t
guard_attrs(const char *s, size_t n, struct jd_buf *out)
{
	size_t cut = 0, i = 0;

	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		size_t at = lt ? (size_t)(lt - s) : n;
		jd_buf_add(out, s + i, at - i);
		i = at;
		if (i >= n)
			break;
		if (i + 1 < n && alpha((unsigned char)s[i + 1]))
			i = tag(s, n, i, out, &cut);
		else
			jd_buf_addc(out, s[i++]);
	}
	return cut;
}

/* A cheap look for what doubly encoded UTF-8 starts with: "Ã" or "Â"
 * (C3 83, C3 82) and "â" followed by "€" or a C1 control. */
static int
doubly_encoded(const struct jd_buf *b)
{
	const unsigned char *s = (const unsigned char *)b->data;
	const unsigned char *end = s + b->len, *p = s;

	while (s && (p = memchr(p, 0xc3, (size_t)(end - p))) != NULL) {
		size_t left = (size_t)(end - p);
		if (left >= 2 && (p[1] == 0x83 || p[1] == 0x82))
			return 1;
		if (left >= 3 && p[1] == 0xa2 && (p[2] == 0xc2 ||
		    (left >= 5 && p[2] == 0xe2 && p[3] == 0x82 && p[4] == 0xac)))
			return 1;
		p++;
	}
	return 0;
}

const char *
hb_decode(const char *s, size_t n, size_t widest, struct jd_buf *out,
    size_t *repaired)
{
	struct jd_buf u = JD_BUF_INIT;
	const char *enc;
	size_t scrubbed;
	int same = 0;

	if (n > HB_MAX_PARSE) {
		n = HB_MAX_PARSE;
		widest = JD_WIDEST_UNKNOWN;
	}
	enc = to_utf8(s, n, &u, &same, out->data == s ? out : NULL);
	scrubbed = scrub_controls(&u);
	*repaired = doubly_encoded(&u) ? jd_util_fix_mojibake(u.data, &u.len) :
	    0;
	/* the guard counted these very bytes unless decoding changed them */
	if (!same || scrubbed || *repaired)
		widest = JD_WIDEST_UNKNOWN;
	if (widest == JD_WIDEST_UNKNOWN && u.len)
		widest = jd_load_guard_widest(u.data, u.len);
	jd_buf_reset(out);
	/* the careful copy runs only when libxml2 could see a wide tag */
	if (u.len && widest <= HB_MAX_ATTRS) {
		jd_buf_free(out);
		*out = u;
		return enc;
	}
	jd_buf_grow(out, u.len);
	guard_attrs(jd_buf_str(&u), u.len, out);
	jd_buf_free(&u);
	return enc;
}

struct script_texts {
	const struct hb_scripts *sc;
	size_t next;	/* scripts started so far */
};

/* What the mark v[0..len) stands for, or NULL when it is no mark. */
static const xmlChar *
piece_set_aside(const struct hb_scripts *sc, const xmlChar *v, size_t len)
{
	size_t k = 0, i = 1;

	if (len < 2 || v[0] != HB_ASIDE_MARK)
		return NULL;
	for (; i < len && v[i] >= '0' && v[i] <= '9' && k < sc->npieces; i++)
		k = 10 * k + (size_t)(v[i] - '0');
	if (i < len || k >= sc->npieces)
		return NULL;
	return (const xmlChar *)sc->text.data + sc->pieces[k];
}

/* Text set aside comes back where libxml2 reads its mark: at the end of
 * the piece of text it reads, after the blanks the page kept. */
static void
characters(void *ctx, const xmlChar *ch, int len)
{
	htmlParserCtxtPtr ctxt = ctx;
	struct script_texts *st = ctxt->_private;
	const xmlChar *m = len > 0 ? memchr(ch, HB_ASIDE_MARK, (size_t)len) :
	    NULL;
	const xmlChar *v = m ? piece_set_aside(st->sc, m,
	    (size_t)(ch + len - m)) : NULL;

	if (v == NULL) {
		xmlSAX2Characters(ctx, ch, len);
		return;
	}
	if (m > ch)
		xmlSAX2Characters(ctx, ch, (int)(m - ch));
	xmlSAX2Characters(ctx, v, (int)strlen((const char *)v));
}

/*
 * The values hb_strip_raw set aside go back to their attributes as the
 * element starts (in a copy of atts: libxml2 frees the values it read).
 * libxml2 starts the elements of a page in its order, so the k-th script
 * element started is the k-th script start tag hb_strip_raw read: its
 * text is handed over as the one block libxml2 would have made of it.
 */
static void
start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	htmlParserCtxtPtr ctxt = ctx;
	struct script_texts *st = ctxt->_private;
	const xmlChar *local[2 * HB_MAX_ATTRS + 2], **given = atts;
	size_t n = 0;

	if (st->sc->npieces && atts)
		while (atts[n])
			n += 2;
	for (size_t i = 1; i < n; i += 2) {
		const xmlChar *v = atts[i] && atts[i][0] == HB_ASIDE_MARK ?
		    piece_set_aside(st->sc, atts[i],
		    strlen((const char *)atts[i])) : NULL;
		if (v == NULL)
			continue;
		if (given == atts) {
			given = n < sizeof local / sizeof *local ? local :
			    xreallocarray(NULL, n + 1, sizeof *given);
			memcpy(given, atts, (n + 1) * sizeof *given);
		}
		given[i] = v;
	}
	hb_sax_start_element(ctx, name, given);
	if (given != atts && given != local)
		free(given);
	if (name[0] != 's' || strcmp((const char *)name, "script") != 0 ||
	    st->next >= st->sc->n)
		return;
	size_t at = st->sc->at[st->next++];
	if (at != HB_SCRIPT_KEPT) {
		const char *text = st->sc->text.data + at;
		xmlSAX2CDataBlock(ctx, (const xmlChar *)text,
		    (int)strlen(text));
	}
}

htmlDocPtr
hb_parse_utf8(const char *s, size_t n, const struct hb_scripts *sc)
{
	htmlParserCtxtPtr ctxt;
	htmlDocPtr doc;
	struct script_texts st = { sc, 0 };

	if (n == 0 || n > (size_t)INT32_MAX)
		return NULL;
	ctxt = htmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	/* libxml2's own handler does XML and DTD work a page never needs */
	ctxt->sax->startElement = hb_sax_start_element;
	if (sc && (sc->n || sc->npieces)) {
		ctxt->_private = &st;
		ctxt->sax->startElement = start_element;
		if (sc->npieces)
			ctxt->sax->characters = characters;
	}
	doc = htmlCtxtReadMemory(ctxt, s, (int)n, NULL, "UTF-8",
	    HB_PARSE_OPTS);
	htmlFreeParserCtxt(ctxt);
	if (doc && xmlDocGetRootElement(doc))
		hb_dom_prepare(xmlDocGetRootElement(doc));
	return doc;
}
