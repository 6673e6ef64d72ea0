/*
 * html_strip.c: drops the text of style elements before a page is parsed,
 * and sets the text of script elements aside. Nothing reads a style sheet
 * (hidden text is found from attributes and class names), and only the
 * readers of embedded data read scripts, yet libxml2 reads raw text one
 * character at a time, and on saved pages over half of the bytes are style
 * sheets and scripts. The parse hands each script's text back to its
 * element (hb_parse_utf8) as the one block libxml2 would have made of it.
 *
 * Long attribute values (class lists, links, SVG paths) and runs of text
 * are read by libxml2 a character at a time too: each plain one (no
 * character reference, nothing libxml2 would change) is set aside the
 * same way, the page holding a mark and its number in its place, and the
 * parse hands it back as libxml2 starts the element or reads the text
 * (hb_parse_utf8). Attributes no reader of the tree looks at
 * (hb_attr_read) are dropped, names and values. html, head, body and meta
 * tags keep their attributes as they are: libxml2 reads those outside the
 * start of an element (a second body's attributes join the first, a meta
 * may name an encoding).
 *
 * The scan reads markup the way libxml2 2.9 does in recovery mode, as far
 * as it needs to know where each style or script element's text starts
 * and ends: start tags with their attribute values (names end after 100
 * characters), end tags, comments (closed by "-->" or "--!>"), the
 * doctype, and raw text (up to "</script" or "</style").
 * Where it could read a byte differently from libxml2 (an unclosed quote
 * or comment, a processing instruction, a "<!" it does not know, a raw-text
 * end tag not closed right after its name, "/>" on a script or style tag)
 * it stops and leaves the rest of the page as it is. So does raw text
 * that starts with '<': libxml2 reads a tag there first.
 */
#include <string.h>

#include "html_int.h"
#include "jdalign/util.h"

static int
blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* What libxml2 reads as a name after its first character. */
static int
name_char(int c)
{
	return letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' ||
	    c == '_' || c == '.';
}

/* libxml2 reads at most this many characters as one name; the rest is
 * read as what comes after the name (an attribute, or something to drop). */
#define NAME_MAX_CHARS 100

static size_t
name_end(const char *s, size_t n, size_t j)
{
	size_t start = j;

	while (j < n && j - start < NAME_MAX_CHARS &&
	    name_char((unsigned char)s[j]))
		j++;
	return j;
}

/* Whether s[0..n) is want (lower case) in any case. */
static int
is_name(const char *s, size_t n, const char *want)
{
	size_t i = 0;

	while (i < n && want[i] &&
	    (s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]) == want[i])
		i++;
	return i == n && want[i] == '\0';
}

/* A quoted value at least this long is set aside. */
#define ASIDE_MIN 16
#define MAX_SPANS 64

/* What of one start tag leaves the page: quoted values set aside, and
 * attributes nothing reads, dropped (the blanks around them stay: they
 * keep what comes before from running into what comes after, as "</" and
 * ">" would make "/>"). */
struct spans {
	size_t start[MAX_SPANS], end[MAX_SPANS];
	unsigned char dropped[MAX_SPANS];
	unsigned char data_name[MAX_SPANS];	/* a data-* drop: its name */
	size_t n, data_drops;
};

static void
add_span(struct spans *v, size_t a, size_t b, int dropped)
{
	if (v->n < MAX_SPANS) {
		v->start[v->n] = a;
		v->end[v->n] = b;
		v->data_name[v->n] = 0;
		v->dropped[v->n++] = (unsigned char)dropped;
	}
}

int
hb_data_value_read(const char *v)
{
	return (v[0] == '{' || v[0] == '[') && strlen(v) >= HB_DATA_JSON_MIN;
}

static int
data_name(const char *name, size_t len)
{
	return len >= 5 && is_name(name, 5, "data-");
}

/* Whether the raw value s[0..n) of a data-* attribute may parse to one
 * hb_data_value_read takes: parsing never lengthens a value, and only a
 * character reference (or a blank, to be sure) may put another first
 * byte in front. */
static int
data_value_may_be_read(const char *s, size_t n)
{
	return n >= HB_DATA_JSON_MIN && (s[0] == '{' || s[0] == '[' ||
	    s[0] == '&' || blank((unsigned char)s[0]));
}

/* The attributes the readers of a page's tree look at (html_dom.c,
 * html_meta.c, html_main.c, html_embed.c: data-* too). */
static const struct {
	const char *name;
	size_t len;
} read_attrs[] = {
	{ "class", 5 }, { "id", 2 }, { "style", 5 }, { "href", 4 },
	{ "src", 3 }, { "type", 4 }, { "rel", 3 }, { "name", 4 },
	{ "content", 7 }, { "property", 8 }, { "value", 5 }, { "hidden", 6 },
	{ "role", 4 }, { "aria-hidden", 11 }, { "aria-modal", 10 },
};

int
hb_attr_read(const char *name, size_t len)
{
	if (data_name(name, len))
		return 1;
	for (size_t a = 0; a < sizeof read_attrs / sizeof *read_attrs; a++)
		if (read_attrs[a].len == len &&
		    is_name(name, len, read_attrs[a].name))
			return 1;
	return 0;
}

/* Bytes libxml2 may not read as they are: a character reference, a
 * carriage return or other control byte but tab and line feed, and the
 * lead bytes of surrogates and of U+FFFE and U+FFFF. */
static int
odd_byte(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || c == '&' || c == 0xed ||
	    c == 0xef;
}

/* The same for eight bytes at once: whether any of w is odd. */
static uint64_t
odd_bytes(uint64_t w)
{
	return (jd_bytes_below(w, 0x20) & ~jd_bytes_equal(w, '\t') &
	    ~jd_bytes_equal(w, '\n')) | jd_bytes_equal(w, '&') |
	    jd_bytes_equal(w, 0xed) | jd_bytes_equal(w, 0xef);
}

/* Whether libxml2 reads the quoted value s[0..n) as exactly these
 * bytes. */
static int
plain_value(const char *s, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8)
		if (odd_bytes(jd_load8(s + i)))
			return 0;
	for (; i < n; i++)
		if (odd_byte((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Drops the attribute s[a..b) nothing reads, unless a '=' follows it:
 * libxml2 would give that to an attribute without a value before it. */
static void
drop_attribute(struct spans *v, const char *s, size_t n, size_t a, size_t b)
{
	size_t t = b;

	while (t < n && blank((unsigned char)s[t]))
		t++;
	if (t >= n || s[t] != '=')
		add_span(v, a, b, 1);
}

/* Drops the data-* attribute s[a..b) named in its first len bytes, for
 * its value; the tag's end may take that back (keep_first_data). */
static void
drop_data(struct spans *v, const char *s, size_t n, size_t a, size_t b,
    size_t len)
{
	size_t k = v->n;

	drop_attribute(v, s, n, a, b);
	if (k < v->n) {
		v->data_name[k] = (unsigned char)len;
		v->data_drops++;
	}
}

/* libxml2 keeps the first of two attributes of one name: a data-*
 * attribute dropped for its value stays when its name stands again
 * anywhere in the rest of the tag, up to e (a later one could take its
 * place). */
static void
keep_first_data(struct spans *v, const char *s, size_t e)
{
	char name[NAME_MAX_CHARS + 1];
	size_t kept = 0;

	if (v->data_drops == 0)
		return;
	for (size_t k = 0; k < v->n; k++) {
		size_t len = v->data_name[k];
		if (len) {
			memcpy(name, s + v->start[k], len);
			name[len] = '\0';
			if (jd_util_casemem(s + v->end[k], e - v->end[k], name))
				continue;
		}
		v->start[kept] = v->start[k];
		v->end[kept] = v->end[k];
		v->dropped[kept] = v->dropped[k];
		v->data_name[kept++] = 0;
	}
	v->n = kept;
	v->data_drops = 0;
}

/* html, head, body and meta tags keep their attributes as they are
 * ("x:meta" too: a prefix is dropped from the element's name). */
static int
keeps_attributes(const char *name, size_t len)
{
	static const char *const tags[] = { "html", "head", "body", "meta" };
	const char *colon = memchr(name, ':', len);

	if (colon && memchr(colon + 1, ':', len - (size_t)(colon + 1 - name)) ==
	    NULL) {
		len -= (size_t)(colon + 1 - name);
		name = colon + 1;
	}
	for (size_t t = 0; t < sizeof tags / sizeof *tags; t++)
		if (is_name(name, len, tags[t]))
			return 1;
	return 0;
}

/* The start tag at s[i] == '<' (a letter follows): its name in
 * s[*name..*name + *len), and the index after its '>', or 0 when it does
 * not end. *closed: it ends in "/>". Its long plain quoted values and the
 * attributes nothing reads go to v. */
static size_t
start_tag(const char *s, size_t n, size_t i, size_t *name, size_t *len,
    int *closed, struct spans *v)
{
	size_t j = i + 1;

	*name = j;
	j = name_end(s, n, j);
	*len = j - *name;
	*closed = 0;
	v->n = v->data_drops = 0;
	for (;;) {
		while (j < n && blank((unsigned char)s[j]))
			j++;
		if (j >= n)
			return 0;
		if (s[j] == '>') {
			keep_first_data(v, s, j);
			return j + 1;
		}
		if (s[j] == '/' && j + 1 < n && s[j + 1] == '>') {
			keep_first_data(v, s, j);
			*closed = 1;
			return j + 2;
		}
		int c = (unsigned char)s[j];
		if (!letter(c) && c != '_' && c != ':' && c != '.') {
			/* not an attribute: libxml2 drops it up to a blank
			 * or the tag's end */
			while (j < n && !blank((unsigned char)s[j]) &&
			    s[j] != '>' && !(s[j] == '/' && j + 1 < n &&
			    s[j + 1] == '>'))
				j++;
			continue;
		}
		size_t attr = j;
		j = name_end(s, n, j);
		/* a name libxml2 cuts goes on as another: kept */
		int whole = j - attr < NAME_MAX_CHARS;
		int unread = whole && !hb_attr_read(s + attr, j - attr);
		int data = whole && data_name(s + attr, j - attr);
		size_t name_len = j - attr, k = j;
		while (k < n && blank((unsigned char)s[k]))
			k++;
		if (k >= n || s[k] != '=') {
			if (unread)
				drop_attribute(v, s, n, attr, j);
			else if (data)
				drop_data(v, s, n, attr, j, j - attr);
			j = k;
			continue;
		}
		k++;
		while (k < n && blank((unsigned char)s[k]))
			k++;
		if (k < n && (s[k] == '"' || s[k] == '\'')) {
			const char *q = memchr(s + k + 1, s[k], n - k - 1);
			if (q == NULL)
				return 0;
			j = (size_t)(q - s) + 1;
			if (unread)
				drop_attribute(v, s, n, attr, j);
			else if (data && !data_value_may_be_read(s + k + 1,
			    j - k - 2))
				drop_data(v, s, n, attr, j, name_len);
			else if (j - k - 2 >= ASIDE_MIN &&
			    plain_value(s + k + 1, j - k - 2))
				add_span(v, k + 1, j - 1, 0);
			continue;
		}
		size_t value = k;
		while (k < n && !blank((unsigned char)s[k]) && s[k] != '>')
			k++;
		if (unread)
			drop_attribute(v, s, n, attr, k);
		else if (data && !data_value_may_be_read(s + value,
		    k - value))
			drop_data(v, s, n, attr, k, name_len);
		j = k;
	}
}

size_t
hb_raw_close(const char *s, size_t n, size_t i, const char *name, size_t len)
{
	char end[16] = "</";

	if (len > sizeof end - 3)
		return n;
	memcpy(end + 2, name, len);
	end[len + 2] = '\0';
	const char *e = jd_util_casemem(s + i, n - i, end);
	return e ? (size_t)(e - s) : n;
}

/* Where the raw text of element name that starts at i ends: at its
 * "</name", which must close with '>' after blanks; 0 when it does not. */
static size_t
raw_end(const char *s, size_t n, size_t i, const char *name)
{
	size_t len = strlen(name), e = hb_raw_close(s, n, i, name, len);
	size_t j = e + 2 + len;

	if (e == n)
		return 0;
	while (j < n && blank((unsigned char)s[j]))
		j++;
	return j < n && s[j] == '>' ? e : 0;
}

/* The comment at s[i] ("<!--"): the index after its end, or 0. */
static size_t
comment_end(const char *s, size_t n, size_t i)
{
	const char *a = memmem(s + i + 4, n - i - 4, "-->", 3);
	/* "--!>" is looked for only before "-->" */
	size_t before = a ? (size_t)(a - s) + 3 : n;
	const char *b = memmem(s + i + 4, before - i - 4, "--!>", 4);

	if (b)
		return (size_t)(b - s) + 4;
	return a ? (size_t)(a - s) + 3 : 0;
}

/*
 * libxml2 2.9 reads a name with characters past ASCII (the doctype's, an
 * entity's) with a routine that looks at its input buffer again every
 * hundred characters, and what it reads of a longer one can depend on how
 * far the input runs on after it (fuzz_strip found a doctype whose name
 * came out cut when text further on was dropped), and even on where its
 * buffer happens to lie: the same bytes parsed twice in one process can
 * give two trees. Whether s[i..n) starts such a name: a hundred bytes or
 * more that may be name characters, one of them past ASCII.
 */
static int
long_wide_name(const char *s, size_t n, size_t i)
{
	size_t j = i;
	int wide = 0;

	for (; j < n; j++) {
		unsigned char c = (unsigned char)s[j];
		if (c >= 0x80)
			wide = 1;
		else if (!name_char(c))
			break;
	}
	return wide && j - i >= NAME_MAX_CHARS;
}

/* Whether an entity reference of the page has such a name. */
static int
long_wide_entity(const char *s, size_t n)
{
	for (const char *a = memchr(s, '&', n); a;
	    a = memchr(a + 1, '&', (size_t)(s + n - a - 1)))
		if (long_wide_name(s, n, (size_t)(a - s) + 1))
			return 1;
	return 0;
}

int
hb_wide_names(const char *s, size_t n)
{
	if (long_wide_entity(s, n))
		return 1;
	for (const char *a = memchr(s, '<', n); a;
	    a = memchr(a + 1, '<', (size_t)(s + n - a - 1))) {
		size_t i = (size_t)(a - s);
		if (n - i >= 9 && a[1] == '!' &&
		    jd_util_casemem(a + 2, 7, "doctype") == a + 2) {
			i += 9;
			while (i < n && blank((unsigned char)s[i]))
				i++;
			if (long_wide_name(s, n, i))
				return 1;
		}
	}
	return 0;
}

/* The doctype at s[i] ("<!DOCTYPE"): the index after its '>', or 0 when
 * a quoted literal holds a '>' (libxml2 reads literals only where the
 * public and system ids stand), its name is long and wide, or it does not
 * close. */
static size_t
doctype_end(const char *s, size_t n, size_t i)
{
	const char *gt = memchr(s + i, '>', n - i);
	size_t name = i + 9;

	while (name < n && blank((unsigned char)s[name]))
		name++;
	if (gt == NULL || long_wide_name(s, n, name))
		return 0;
	for (const char *p = s + i; p < gt; p++) {
		if (*p != '"' && *p != '\'')
			continue;
		p = memchr(p + 1, *p, (size_t)(gt - p - 1));
		if (p == NULL)
			return 0;
	}
	return (size_t)(gt - s) + 1;
}

/* Records the next script: where its text starts in sc->text, or
 * HB_SCRIPT_KEPT. */
static void
add_script(struct hb_scripts *sc, size_t at)
{
	if (sc->n == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 16;
		sc->at = xreallocarray(sc->at, sc->cap, sizeof *sc->at);
	}
	sc->at[sc->n++] = at;
}

/* Sets a script's text aside as libxml2 would read it: without the
 * characters XML does not allow (U+FFFE and U+FFFF, and surrogates). */
static void
set_aside(struct hb_scripts *sc, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	/* the next lead byte of each: EF BF BE-BF, ED A0-BF xx */
	const unsigned char *ef = memchr(u, 0xef, len), *ed = memchr(u, 0xed,
	    len);
	size_t from = 0;

	add_script(sc, sc->text.len);
	while (ef || ed) {
		const unsigned char *p = ed == NULL || (ef && ef < ed) ? ef : ed;
		size_t i = (size_t)(p - u);
		if (i + 3 <= len && ((p[0] == 0xef && p[1] == 0xbf &&
		    p[2] >= 0xbe) || (p[0] == 0xed && p[1] >= 0xa0))) {
			jd_buf_add(&sc->text, s + from, i - from);
			from = i + 3;
		}
		if (p == ef)
			ef = memchr(p + 1, 0xef, len - i - 1);
		else
			ed = memchr(p + 1, 0xed, len - i - 1);
	}
	jd_buf_add(&sc->text, s + from, len - from);
	jd_buf_addc(&sc->text, '\0');
}

void
hb_scripts_free(struct hb_scripts *sc)
{
	jd_buf_free(&sc->text);
	free(sc->at);
	free(sc->pieces);
	memset(sc, 0, sizeof *sc);
}

/* Drops s[a..b), writing what stays of s[*r..a) at s[*w..). */
static void
drop(char *s, size_t a, size_t b, size_t *r, size_t *w)
{
	memmove(s + *w, s + *r, a - *r);
	*w += a - *r;
	*r = b;
}

/* Sets s[a..a + len) aside, writing what stays of s[*r..a) and then its
 * mark and number (shorter) at s[*w..). */
static void
put_aside(struct hb_scripts *sc, char *s, size_t a, size_t len, size_t *r,
    size_t *w)
{
	char digits[24];
	size_t d = 0;

	if (sc->npieces == sc->pieces_cap) {
		sc->pieces_cap = sc->pieces_cap ? 2 * sc->pieces_cap : 64;
		sc->pieces = xreallocarray(sc->pieces, sc->pieces_cap,
		    sizeof *sc->pieces);
	}
	sc->pieces[sc->npieces] = sc->text.len;
	jd_buf_add(&sc->text, s + a, len);
	jd_buf_addc(&sc->text, '\0');
	drop(s, a, a + len, r, w);
	for (size_t x = sc->npieces++; d == 0 || x; x /= 10)
		digits[d++] = (char)('0' + x % 10);
	s[(*w)++] = HB_ASIDE_MARK;
	while (d)
		s[(*w)++] = digits[--d];
}

/* A run of text at least this long is set aside. */
#define TEXT_MIN 16
/* libxml2 hands text to its callbacks in pieces of about a thousand bytes
 * and gives a blank piece no paragraph of its own: a run is set aside
 * only when its first piece cannot be blank. */
#define TEXT_FIRST_PIECE 900

/* A run of blanks after markup at least this long is made shorter. */
#define BLANKS_MIN 3

/*
 * The blanks (space, tab, line feed) that start the text at s[at], right
 * after markup, up to b: made their first byte and their line feeds. What
 * reads a page's text takes any run of blanks for one space, and libxml2
 * decides what to do with blanks by what follows them, not by how many
 * there are, as long as it reads them in one piece (first char kept: a
 * line feed after <pre> is skipped).
 */
static void
collapse_blanks(char *s, size_t at, size_t b, size_t *r, size_t *w)
{
	size_t lines = 0;

	for (size_t i = at + 1; i < b; i++)
		lines += s[i] == '\n';
	drop(s, at + 1, b, r, w);
	while (lines--)
		s[(*w)++] = '\n';
}

/* The text that starts at s[at], right after markup, up to the next '<'
 * or '&': set aside from its first byte that is not blank (libxml2 skips
 * the blanks after a doctype or comment before the root) when libxml2
 * reads it as exactly these bytes (no carriage return or other control
 * byte but tab and line feed, no lead byte of a surrogate or of U+FFFE and
 * U+FFFF) in one piece that is not blank. Returns where the next '<'
 * is, or n. */
static size_t
text_aside(struct hb_scripts *sc, char *s, size_t n, size_t at, size_t *r,
    size_t *w)
{
	const char *lt = memchr(s + at, '<', n - at);
	size_t next = lt ? (size_t)(lt - s) : n, end = next, solid = n;

	if (lt == NULL)
		return n;
	size_t b = at;
	while (b < next && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n'))
		b++;
	if (b - at >= BLANKS_MIN && b - at < TEXT_FIRST_PIECE)
		collapse_blanks(s, at, b, r, w);
	const char *amp = memchr(s + at, '&', end - at);
	if (amp)
		end = (size_t)(amp - s);
	if (end - at < TEXT_MIN)
		return next;
	size_t i = at;
	for (; i + 8 <= end; i += 8) {
		uint64_t x = jd_load8(s + i);
		if (odd_bytes(x))
			return next;
		uint64_t solid8 = ~(jd_bytes_equal(x, ' ') |
		    jd_bytes_equal(x, '\t') | jd_bytes_equal(x, '\n')) &
		    JD_HIGHS;
		if (solid == n && solid8)
			solid = i + ((size_t)__builtin_ctzll(solid8) >> 3);
	}
	for (; i < end; i++) {
		unsigned char c = (unsigned char)s[i];
		if (odd_byte(c))
			return next;
		if (solid == n && c != ' ' && c != '\t' && c != '\n')
			solid = i;
	}
	if (solid < n && solid - at < TEXT_FIRST_PIECE &&
	    end - solid >= TEXT_MIN)
		put_aside(sc, s, solid, end - solid, r, w);
	return next;	/* put_aside writes only before it */
}

void
hb_strip_raw(struct jd_buf *b, struct hb_scripts *sc)
{
	char *s = b->data;
	size_t n = b->len, at = 0, r = 0, w = 0; /* scanned, copied, written */
	struct spans spans;

	jd_buf_reset(&sc->text);
	sc->n = sc->npieces = 0;
	if (n == 0 || long_wide_entity(s, n))
		return;
	for (size_t next = SIZE_MAX;;) {	/* the next '<' when known */
		const char *lt = next == SIZE_MAX ?
		    memchr(s + at, '<', n - at) : next < n ? s + next : NULL;
		next = SIZE_MAX;
		if (lt == NULL)
			break;
		size_t i = (size_t)(lt - s), e;
		int c = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		if (letter(c)) {
			size_t name, len, body;
			int closed;
			if ((body = start_tag(s, n, i, &name, &len,
			    &closed, &spans)) == 0)
				break;
			int script = is_name(s + name, len, "script");
			int style = is_name(s + name, len, "style");
			if ((script || style) && closed)
				break;
			e = body;
			if (script || style) {
				e = raw_end(s, n, body, script ? "script" :
				    "style");
				/* a tag right after the start tag is read as
				 * one ("</x>", or "<body>" closing the head) */
				if (e == 0 || (e > body && s[body] == '<'))
					break;
			}
			if (spans.n && !keeps_attributes(s + name, len))
				for (size_t k = 0; k < spans.n; k++) {
					if (spans.dropped[k])
						drop(s, spans.start[k],
						    spans.end[k], &r, &w);
					else
						put_aside(sc, s, spans.start[k],
						    spans.end[k] - spans.start[k],
						    &r, &w);
				}
			if (script && e > body)
				set_aside(sc, s + body, e - body);
			else if (script)
				add_script(sc, HB_SCRIPT_KEPT);
			if ((style || script) && e > body) {
				memmove(s + w, s + r, body - r);
				w += body - r;
				r = e;
			}
		} else if (c == '/' && i + 2 < n && letter(s[i + 2])) {
			const char *gt = memchr(s + i, '>', n - i);
			if (gt == NULL)
				break;
			e = (size_t)(gt - s) + 1;
		} else if (c == '!' && i + 3 < n && s[i + 2] == '-' &&
		    s[i + 3] == '-') {
			if ((e = comment_end(s, n, i)) == 0)
				break;
		} else if (c == '!' && n - i >= 9 &&
		    jd_util_casemem(s + i + 2, 7, "doctype") == s + i + 2) {
			if ((e = doctype_end(s, n, i)) == 0)
				break;
		} else if (c == '!' || c == '?' || c == '/')
			break;
		else {
			at = i + 1;	/* a '<' of text */
			continue;
		}
		at = e;
		next = text_aside(sc, s, n, at, &r, &w);
	}
	if (r == 0)
		return;	/* nothing dropped */
	memmove(s + w, s + r, n - r);
	b->len = w + n - r;
	s[b->len] = '\0';
}
