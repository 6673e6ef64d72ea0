/*
 * load_guard.c: looks at an input's bytes before any parser does. Refuses
 * files that are plainly not text (a PNG, PDF or zip named .html) and pages
 * shaped to make libxml2 2.9's HTML parser quadratic in the attributes of
 * one start tag (it compares each new attribute with all before it: 200,000
 * of them take minutes). Calls no parser; knows how libxml2 2.9.14 reads a
 * start tag, and nothing of what a page says.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "jdalign/buf.h"
#include "jdalign/load.h"
#include "jdalign/util.h"

/* A tag of up to FREE_ATTRS attributes costs libxml2 no more to check than
 * to read; past that, each pair of attributes is a comparison, and the
 * comparisons of a whole input may not pass MAX_COST (about 0.1 s). */
#define FREE_ATTRS 64
#define MAX_COST 50000000ULL
#define NAME_MAX_LEN 100	/* libxml2 cuts names here; the rest: a name */
/* libxml2's tree and the lines read from it take about 400 bytes a tag and
 * 160 an attribute (measured): a page may need no more than MAX_TREE. */
#define TAG_BYTES 400
#define ATTR_BYTES 160
#define MAX_TREE (800ULL << 20)

/* ------------------------------------------------------------ binary */

static const struct magic {
	const char *bytes;
	size_t len;
	const char *what;
} magics[] = {
	{ "\x89PNG\r\n\x1a\n", 8, "a PNG image" },
	{ "%PDF-", 5, "a PDF document" },
	{ "PK\x03\x04", 4, "a zip archive (or a .docx, .xlsx or .odt file)" },
	{ "PK\x05\x06", 4, "an empty zip archive" },
	{ "GIF87a", 6, "a GIF image" },
	{ "GIF89a", 6, "a GIF image" },
	{ "\xff\xd8\xff", 3, "a JPEG image" },
	{ "\x1f\x8b", 2, "gzip-compressed data" },
	{ "\xfd" "7zXZ", 5, "xz-compressed data" },
	{ "\x28\xb5\x2f\xfd", 4, "zstd-compressed data" },
	{ "7z\xbc\xaf\x27\x1c", 6, "a 7-Zip archive" },
	{ "\x7f" "ELF", 4, "an executable" },
	{ "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8,
	    "an old Office document (.doc, .xls)" },
};

static const char *
binary_kind(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (n >= magics[i].len &&
		    memcmp(s, magics[i].bytes, magics[i].len) == 0)
			return magics[i].what;
	return NULL;
}

/* ------------------------------------------------------------ start tags */

/*
 * libxml2's start tag, from the character after '<' (2.9.14's
 * htmlParseStartTag, htmlParseAttribute, htmlParseAttValue):
 * the tag name, then attributes: a name, optional blanks, '=' and a value
 * quoted with " or ' (to the closing quote or the end of input) or unquoted
 * (to a blank or '>'). A character that cannot start a name begins junk
 * skipped to the next blank. The tag ends at '>' or "/>" outside a value.
 */
enum {
	S_TAG, S_SKIP, S_NAME, S_AFTER, S_EQ, S_DQ, S_SQ, S_UNQ, S_JUNK,
	NSTATES
};
/* The name characters last: a class at or past C_START is one. */
enum { C_OTHER, C_BLANK, C_GT, C_SLASH, C_EQ, C_DQ, C_SQ, C_START, C_NAME };

static int
char_class(unsigned char c)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return C_BLANK;
	if (((c | 32) >= 'a' && (c | 32) <= 'z') || c == '_' || c == ':' ||
	    c == '.')
		return C_START;
	if ((c >= '0' && c <= '9') || c == '-')
		return C_NAME;
	switch (c) {
	case '>': return C_GT;
	case '/': return C_SLASH;
	case '=': return C_EQ;
	case '"': return C_DQ;
	case '\'': return C_SQ;
	default: return C_OTHER;
	}
}

#define END (-1)

/* The next state after class c ("/>" already turned into C_GT where it
 * ends the tag); *counts is set when c starts another attribute. */
static int
step(int s, int c, int *counts)
{
	*counts = 0;
	switch (s) {
	case S_TAG:
	case S_NAME:
		if (c == C_START || c == C_NAME)
			return s;
		if (c == C_BLANK)
			return s == S_TAG ? S_SKIP : S_AFTER;
		if (c == C_GT)
			return END;
		return c == C_EQ && s == S_NAME ? S_EQ : S_JUNK;
	case S_SKIP:
	case S_AFTER:
		if (c == C_BLANK)
			return s;
		if (c == C_GT)
			return END;
		if (c == C_EQ && s == S_AFTER)
			return S_EQ;
		*counts = c == C_START;
		return c == C_START ? S_NAME : S_JUNK;
	case S_EQ:
		if (c == C_BLANK)
			return S_EQ;
		if (c == C_GT)
			return END;
		return c == C_DQ ? S_DQ : c == C_SQ ? S_SQ : S_UNQ;
	case S_DQ:
		return c == C_DQ ? S_SKIP : S_DQ;
	case S_SQ:
		return c == C_SQ ? S_SKIP : S_SQ;
	case S_UNQ:
		return c == C_BLANK ? S_SKIP : c == C_GT ? END : S_UNQ;
	default:
		return c == C_BLANK ? S_SKIP : c == C_GT ? END : S_JUNK;
	}
}

/* Inside a value "/>" ends nothing. */
static int
value_state(int k)
{
	return k == S_EQ || k == S_DQ || k == S_SQ || k == S_UNQ;
}

/* char_class of each byte, and step() of each state and byte for a lone
 * tag: its next state (NSTATES for END), whether the byte starts an
 * attribute, and whether it needs more than the table (a name character
 * in a name, whose run counts; a '<' that may open a tag; a '/' that may
 * end one). A byte whose move is its own state is boring: skipped in bulk.
 * The same for every scan, made once. */
#define MOVE_STATE 0x0f
#define MOVE_COUNTS 0x10
#define MOVE_NAME 0x20
#define MOVE_LOOK 0x40
static unsigned char cls_table[256];
static unsigned char move_table[NSTATES][256];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/*
 * Every '<' before a letter may open a start tag in some reading of the
 * page, so all of them are followed at once: one attribute count per state
 * (the largest of the tags in it, whose futures are the same from there).
 * Tags libxml2 really parses do not overlap, so at most one ends at each
 * end event, and the sum over end events bounds libxml2's work from above.
 */
struct scan {
	long cnt[NSTATES];	/* attributes so far; -1: none in the state */
	unsigned active;	/* bit per state with a tag in it */
	size_t run;		/* name characters just before */
	unsigned long long cost;
	size_t largest;
	size_t tags, attrs;	/* start tags and attributes, at most */
};

static unsigned long long
tree_bytes(const struct scan *sc)
{
	return (unsigned long long)sc->tags * TAG_BYTES +
	    (unsigned long long)sc->attrs * ATTR_BYTES;
}

static void
tag_end(struct scan *sc, long n)
{
	unsigned long long k = (unsigned long long)n;

	if ((size_t)n > sc->largest)
		sc->largest = (size_t)n;
	sc->attrs += (size_t)n;
	if (n > FREE_ATTRS)
		sc->cost += k * (k - 1) / 2;
}

/* Whether s[i] is a '<' that opens a start tag in some reading. */
static int
opens_tag(const unsigned char *s, size_t i, size_t n)
{
	return s[i] == '<' && i + 1 < n && cls_table[s[i + 1]] == C_START;
}

static void
feed(struct scan *sc, const unsigned char *s, size_t i, size_t n)
{
	long next[NSTATES], ended = -1;
	unsigned active = 0;
	int c = cls_table[s[i]], in;

	sc->run = c == C_START || c == C_NAME ? sc->run + 1 : 0;
	for (int k = 0; k < NSTATES; k++)
		next[k] = -1;
	for (int k = 0; k < NSTATES; k++) {
		if (!(sc->active & (1u << k)))
			continue;
		int cc = c;
		if (c == C_SLASH && i + 1 < n && s[i + 1] == '>' &&
		    !value_state(k))
			cc = C_GT;
		int t = step(k, cc, &in);
		long v = sc->cnt[k] + in;
		/* Past NAME_MAX_LEN characters a name goes on as another. */
		if ((t == S_TAG || t == S_NAME) && sc->run > NAME_MAX_LEN &&
		    (sc->run - 1) % NAME_MAX_LEN == 0)
			v++;
		if (t == END) {
			if (v > ended)
				ended = v;
			continue;
		}
		if (v > next[t])
			next[t] = v;
		active |= 1u << t;
	}
	if (ended >= 0)
		tag_end(sc, ended);
	if (opens_tag(s, i, n) && next[S_TAG] < 0) {
		next[S_TAG] = 0;
		active |= 1u << S_TAG;
		sc->tags++;
	}
	memcpy(sc->cnt, next, sizeof next);
	sc->active = active;
}

/* The byte tables (above). */
static void
make_tables(void)
{
	int in;

	for (int b = 0; b < 256; b++)
		cls_table[b] = (unsigned char)char_class((unsigned char)b);
	for (int k = 0; k < NSTATES; k++)
		for (int b = 0; b < 256; b++) {
			int c = cls_table[b], t = step(k, c, &in), m;
			m = (t == END ? NSTATES : t) | (in ? MOVE_COUNTS : 0);
			if ((k == S_TAG || k == S_NAME) && c >= C_START)
				m |= MOVE_NAME;
			if (b == '<' || (b == '/' && !value_state(k)))
				m |= MOVE_LOOK;
			move_table[k][b] = (unsigned char)m;
		}
}

static void
scan_init(struct scan *sc)
{
	pthread_once(&tables_once, make_tables);
	memset(sc, 0, sizeof *sc);
}

/* The index of the first byte a mask of high bits marks (a multiply: the
 * machine need not count bits). */
static size_t
first_marked(uint64_t m)
{
	return (size_t)((((m & -m) >> 7) * 0x0001020304050607ULL) >> 56);
}

/* The first of s[i..n) that is a or b, or n; the long quoted values of
 * real pages are passed eight bytes at a time. */
static size_t
find_either(const unsigned char *s, size_t i, size_t n, unsigned char a,
    unsigned char b)
{
	for (; n - i >= 8; i += 8) {
		uint64_t w = jd_load8(s + i);
		uint64_t m = jd_bytes_equal(w, a) | jd_bytes_equal(w, b);
		if (m)
			return i + first_marked(m);
	}
	while (i < n && s[i] != a && s[i] != b)
		i++;
	return i;
}

/* Name splits among name characters 1..r of a run: past NAME_MAX_LEN, one
 * at each character that begins another NAME_MAX_LEN (101, 201, ...). */
static size_t
splits(size_t r)
{
	return r > NAME_MAX_LEN ? (r - 1) / NAME_MAX_LEN : 0;
}

/*
 * A lone tag followed byte by byte, as feed() would with one reading, up
 * to the byte that may open another tag (returns 1, *pi at it: feed() takes
 * it) or past the tag's end or to the end of input (returns 0).
 */
static int
follow_one(struct scan *sc, const unsigned char *s, size_t *pi, size_t n)
{
	int k = __builtin_ctz(sc->active), m;
	long v = sc->cnt[k];
	size_t i = *pi, run = sc->run;

	for (;;) {
		const unsigned char *move = move_table[k];
		/* in a quoted value only its quote and '<' are not boring */
		if (k == S_DQ || k == S_SQ)
			i = find_either(s, i, n, k == S_DQ ? '"' : '\'', '<');
		m = k;
		while (i < n && (m = move[s[i]]) == k)
			i++;
		if (m & MOVE_NAME) {
			/* a name stays in its state: only its length counts */
			size_t j = i;
			while (j < n && cls_table[s[j]] >= C_START)
				j++;
			v += (long)(splits(run + j - i) - splits(run));
			run += j - i;
			i = j;
			m = i < n ? move[s[i]] : k;
		}
		if (i == n)
			break;
		if (m & MOVE_LOOK) {
			if (opens_tag(s, i, n)) {
				sc->active = 1u << k;
				sc->cnt[k] = v;
				sc->run = run;
				*pi = i;
				return 1;
			}
			if (s[i] == '/' && i + 1 < n && s[i + 1] == '>')
				m = move['>'];
		}
		run = cls_table[s[i]] >= C_START ? run + 1 : 0;
		v += (m & MOVE_COUNTS) != 0;
		m &= MOVE_STATE;
		if ((m == S_TAG || m == S_NAME) && run > NAME_MAX_LEN &&
		    (run - 1) % NAME_MAX_LEN == 0)
			v++;
		i++;
		if (m == NSTATES) {
			tag_end(sc, v);
			sc->active = 0;
			sc->run = run;
			*pi = i;
			return 0;
		}
		k = m;
	}
	sc->active = 1u << k;
	sc->cnt[k] = v;
	sc->run = run;
	*pi = n;
	return 0;
}

/* With no tag open, the next '<' that opens one (feed() of the bytes up
 * to it, made short: they change nothing else); *pi past it. Returns 0 at
 * the end of input. */
static int
open_tag(struct scan *sc, const unsigned char *s, size_t *pi, size_t n)
{
	const unsigned char *lt = s + *pi;

	while ((lt = memchr(lt, '<', n - (size_t)(lt - s))) != NULL) {
		if (opens_tag(s, (size_t)(lt - s), n)) {
			sc->run = 0;
			sc->cnt[S_TAG] = 0;
			sc->active = 1u << S_TAG;
			sc->tags++;
			*pi = (size_t)(lt - s) + 1;
			return 1;
		}
		lt++;
	}
	return 0;
}

static void
scan_tags(struct scan *sc, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;

	scan_init(sc);
	while (i < n && sc->cost <= MAX_COST && tree_bytes(sc) <= MAX_TREE) {
		if (sc->active == 0) {
			if (!open_tag(sc, s, &i, n))
				return;
			continue;
		}
		if ((sc->active & (sc->active - 1)) == 0 &&
		    !follow_one(sc, s, &i, n))
			continue;
		feed(sc, s, i, n);
		i++;
	}
	long last = -1;
	for (int k = 0; k < NSTATES; k++)
		if ((sc->active & (1u << k)) && sc->cnt[k] > last)
			last = sc->cnt[k];
	if (last >= 0)
		tag_end(sc, last);
}

/* ------------------------------------------------------------ checks */

static int
refuse_tags(const struct scan *sc, char **cause)
{
	struct jd_buf m = JD_BUF_INIT;

	if (sc->cost > MAX_COST)
		jd_buf_printf(&m, "start tags with too many attributes (%zu in "
		    "the largest): not parsed, libxml2 would take minutes",
		    sc->largest);
	else if (tree_bytes(sc) > MAX_TREE)
		jd_buf_printf(&m, "%zu tags and %zu attributes (or more): not "
		    "parsed, the page would take over %llu MB of memory",
		    sc->tags, sc->attrs, MAX_TREE >> 20);
	else
		return 0;
	*cause = jd_buf_take(&m);
	return -1;
}

int
jd_load_guard_html(const char *html, size_t len, char **cause)
{
	struct scan sc;

	scan_tags(&sc, html, len);
	return refuse_tags(&sc, cause);
}

size_t
jd_load_guard_widest(const char *html, size_t len)
{
	struct scan sc;

	scan_tags(&sc, html, len);
	return sc.largest;
}

/* A page as libxml2 will be given it (UTF-16 read as UTF-8 first). The
 * HTML inside a page's JSON strings is checked where it is parsed
 * (jd_load_guard_html from html_page.c). */
static int
guard_markup(const char *s, size_t n, size_t *widest, char **cause)
{
	struct jd_buf utf8 = JD_BUF_INIT;
	struct scan sc;
	int rc;

	if (n >= 2 && ((s[0] == '\xff' && s[1] == '\xfe') ||
	    (s[0] == '\xfe' && s[1] == '\xff'))) {
		jd_util_to_utf8(s, n, NULL, &utf8);
		s = jd_buf_str(&utf8);
		n = utf8.len;
	}
	scan_tags(&sc, s, n);
	rc = refuse_tags(&sc, cause);
	if (widest && rc == 0)
		*widest = sc.largest;
	jd_buf_free(&utf8);
	return rc;
}

static int
text_name(const char *path)
{
	return jd_util_has_suffix(path, ".txt") ||
	    jd_util_has_suffix(path, ".md") ||
	    jd_util_has_suffix(path, ".markdown");
}

int
jd_load_guard(const char *path, const char *bytes, size_t len,
    size_t *widest, char **cause)
{
	const char *kind = binary_kind(bytes, len);

	if (widest)
		*widest = JD_WIDEST_UNKNOWN;
	if (kind) {
		struct jd_buf m = JD_BUF_INIT;
		jd_buf_printf(&m, "%s, not text: not read", kind);
		*cause = jd_buf_take(&m);
		return -1;
	}
	if (text_name(path))
		return 0;
	return guard_markup(bytes, len, widest, cause);
}
