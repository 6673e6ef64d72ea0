/*
 * util.c: allocation, whole-file reads, UTF-8 and encodings, embedded corpora.
 * Knows nothing of postings, terms or reports.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "jdalign/buf.h"
#include "jdalign/util.h"

static void
oom(size_t n)
{
	fprintf(stderr, "jdalign: out of memory (%zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		oom(SIZE_MAX);
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* ---------------------------------------------------------------- files */

static int
read_fd(int fd, size_t max, size_t size, struct jd_buf *b,
    const char **cause)
{
	/* straight into the buffer, sized for what fstat said and a byte
	 * more, so the end is seen without a copy or a move */
	jd_buf_grow(b, (size < max ? size : max) + 1);
	for (;;) {
		if (b->cap - b->len < 2)
			jd_buf_grow(b, 65536);
		size_t room = b->cap - b->len - 1;
		if (room > max + 1 - b->len)
			room = max + 1 - b->len;
		ssize_t r = read(fd, b->data + b->len, room);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*cause = strerror(errno);
			return -1;
		}
		if (r == 0) {
			b->data[b->len] = '\0';
			return 0;
		}
		b->len += (size_t)r;
		if (b->len > max) {
			*cause = "file too large";
			return -1;
		}
		/* a regular file read short of the byte past its size is at
		 * its end: no second read to hear it */
		if (size && b->len == size && (size_t)r < room) {
			b->data[b->len] = '\0';
			return 0;
		}
	}
}

int
jd_util_read_file(const char *path, size_t max, char **data, size_t *len,
    const char **cause)
{
	struct jd_buf b = JD_BUF_INIT;
	struct stat st;
	size_t size = 0;
	int fd = 0, rc;

	if (strcmp(path, "-") != 0) {
		fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			*cause = strerror(errno);
			return -1;
		}
		if (fstat(fd, &st) != 0) {	/* read it as it comes */
			st.st_size = 0;
			st.st_mode = S_IFREG;
		}
		if (!S_ISREG(st.st_mode)) {
			close(fd);
			*cause = S_ISDIR(st.st_mode) ? "is a directory" :
			    "not a regular file";
			return -1;
		}
		if ((size_t)st.st_size > max) {
			close(fd);
			*cause = "file too large";
			return -1;
		}
		/* O_NONBLOCK stays: a regular file reads the same with it */
		size = (size_t)st.st_size;
	}
	rc = read_fd(fd, max, size, &b, cause);
	if (fd != 0)
		close(fd);
	if (rc < 0) {
		jd_buf_free(&b);
		return -1;
	}
	*len = b.len;
	*data = jd_buf_take(&b);
	return 0;
}

uint64_t
jd_util_fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* ---------------------------------------------------------------- UTF-8 */

size_t
jd_util_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	size_t len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		c = s[0] & 0x1f;
		len = 2;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		c = s[0] & 0x0f;
		len = 3;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		c = s[0] & 0x07;
		len = 4;
	} else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

void
jd_util_utf8_put(struct jd_buf *b, uint32_t c)
{
	char s[4];

	if (c < 0x80) {
		jd_buf_addc(b, (char)c);
		return;
	}
	if (c < 0x800) {
		s[0] = (char)(0xc0 | (c >> 6));
		s[1] = (char)(0x80 | (c & 0x3f));
		jd_buf_add(b, s, 2);
	} else if (c < 0x10000) {
		s[0] = (char)(0xe0 | (c >> 12));
		s[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		jd_buf_add(b, s, 3);
	} else {
		s[0] = (char)(0xf0 | (c >> 18));
		s[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		s[3] = (char)(0x80 | (c & 0x3f));
		jd_buf_add(b, s, 4);
	}
}

int
jd_util_utf8_valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		/* eight ASCII bytes at a time, none of them NUL */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, u + i, 8);
			if ((w & 0x8080808080808080ULL) ||
			    ((w - 0x0101010101010101ULL) & ~w &
			    0x8080808080808080ULL))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (u[i] < 0x80) {
			if (u[i] == 0)
				return 0;
			i++;
			continue;
		}
		size_t k = jd_util_utf8_decode(u + i, n - i, &cp);
		if (k == 0)
			return 0;
		i += k;
	}
	return 1;
}

/* Windows-1252 0x80-0x9F; 0 marks the five undefined bytes. */
static const uint16_t cp1252_high[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

static uint32_t
cp1252(unsigned char c)
{
	if (c == 0)
		return 0xfffd;
	if (c >= 0x80 && c < 0xa0)
		return cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : 0xfffd;
	return c;
}

static void
from_utf16(const unsigned char *s, size_t n, int big, struct jd_buf *out)
{
	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t c = big ? (uint32_t)(s[i] << 8 | s[i + 1]) :
		    (uint32_t)(s[i + 1] << 8 | s[i]);
		if (c >= 0xd800 && c <= 0xdbff && i + 3 < n) {
			uint32_t lo = big ? (uint32_t)(s[i + 2] << 8 | s[i + 3]) :
			    (uint32_t)(s[i + 3] << 8 | s[i + 2]);
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				i += 2;
			} else
				c = 0xfffd;
		} else if ((c >= 0xd800 && c <= 0xdfff) || c == 0)
			c = 0xfffd;
		jd_util_utf8_put(out, c);
	}
}

static void
utf8_repair(const unsigned char *s, size_t n, struct jd_buf *out)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		size_t k = s[i] ? jd_util_utf8_decode(s + i, n - i, &cp) : 0;
		if (k == 0) {
			jd_util_utf8_put(out, 0xfffd);
			i++;
			continue;
		}
		jd_buf_add(out, s + i, k);
		i += k;
	}
}

static int
names_utf8(const char *charset)
{
	return charset && (jd_util_strcasecmp(charset, "utf-8") == 0 ||
	    jd_util_strcasecmp(charset, "utf8") == 0);
}

const char *
jd_util_to_utf8(const char *s, size_t n, const char *charset,
    struct jd_buf *out)
{
	const unsigned char *u = (const unsigned char *)s;

	jd_buf_grow(out, n);
	if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		u += 3;
		n -= 3;
		charset = "utf-8";
	} else if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff))) {
		from_utf16(u + 2, n - 2, u[0] == 0xfe, out);
		return "utf-16";
	}
	if (jd_util_utf8_valid((const char *)u, n)) {
		jd_buf_add(out, u, n);
		return "utf-8";
	}
	if (names_utf8(charset)) {
		utf8_repair(u, n, out);
		return "utf-8 (repaired)";
	}
	for (size_t i = 0; i < n; i++)
		jd_util_utf8_put(out, cp1252(u[i]));
	return "windows-1252";
}

/* The Windows-1252 byte a code point came from, or -1. */
static int
cp1252_byte(uint32_t c)
{
	if (c < 0x80 || (c >= 0xa0 && c <= 0xff))
		return (int)c;
	if (c >= 0x80 && c < 0xa0)
		return (int)c;	/* C1 control: decoded as Latin-1 */
	for (int i = 0; i < 32; i++)
		if (cp1252_high[i] == c)
			return 0x80 + i;
	return -1;
}

/* Where the run of ASCII bytes from u[i] ends, u[n] at most. */
static size_t
ascii_end(const unsigned char *u, size_t i, size_t n)
{
	uint64_t w;

	while (i + 8 <= n && (memcpy(&w, u + i, 8),
	    !(w & 0x8080808080808080ULL)))
		i += 8;
	while (i < n && u[i] < 0x80)
		i++;
	return i;
}

size_t
jd_util_fix_mojibake(char *s, size_t *n)
{
	unsigned char *u = (unsigned char *)s;
	size_t r = 0, w = 0, fixed = 0;

	while (r < *n) {
		if (u[r] < 0x80) {	/* ASCII starts nothing to repair */
			size_t e = ascii_end(u, r, *n);
			if (w != r)
				memmove(u + w, u + r, e - r);
			w += e - r;
			r = e;
			continue;
		}
		/* A lead byte of 2-4 bytes, each a UTF-8 encoded Latin char. */
		unsigned char raw[4];
		size_t k = 0, pos = r, want = 0;
		uint32_t cp;
		while (k < 4 && pos < *n) {
			size_t l = jd_util_utf8_decode(u + pos, *n - pos, &cp);
			int byte = l > 1 ? cp1252_byte(cp) : -1;
			if (byte < 0x80)
				break;
			if (k == 0) {
				want = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 :
				    byte >= 0xc2 ? 2 : 0;
				if (want == 0 || byte > 0xf4)
					break;
			} else if ((byte & 0xc0) != 0x80)
				break;
			raw[k++] = (unsigned char)byte;
			pos += l;
			if (k == want)
				break;
		}
		if (want && k == want && jd_util_utf8_decode(raw, k, &cp) == k) {
			memcpy(u + w, raw, k);
			w += k;
			r = pos;
			fixed++;
			continue;
		}
		u[w++] = u[r++];
	}
	*n = w;
	u[w] = '\0';
	return fixed;
}

int
jd_util_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 32;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int
jd_util_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (cb >= 'A' && cb <= 'Z')
			cb += 32;
		if (ca != cb || ca == 0)
			return ca - cb;
	}
}

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

const char *
jd_util_casemem(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);

	if (m == 0)
		return s;
	if (m > n)
		return NULL;
	/* candidates are found by memchr, for the first letter's lower and
	 * upper case apart; each kept until passed */
	int lo = ascii_lower((unsigned char)needle[0]);
	int up = lo >= 'a' && lo <= 'z' ? lo - 32 : lo;
	const char *end = s + (n - m) + 1;	/* past the last start */
	const char *pl = memchr(s, lo, (size_t)(end - s));
	const char *pu = up != lo ? memchr(s, up, (size_t)(end - s)) : NULL;

	while (pl || pu) {
		const char *p = pu == NULL || (pl && pl < pu) ? pl : pu;
		size_t k = 1;
		while (k < m && ascii_lower((unsigned char)p[k]) ==
		    ascii_lower((unsigned char)needle[k]))
			k++;
		if (k == m)
			return p;
		if (p == pl)
			pl = memchr(p + 1, lo, (size_t)(end - p - 1));
		else
			pu = memchr(p + 1, up, (size_t)(end - p - 1));
	}
	return NULL;
}

const char *
jd_util_casestr(const char *s, const char *needle)
{
	return jd_util_casemem(s, strlen(s), needle);
}

int
jd_util_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && jd_util_strcasecmp(s + n - m, suffix) == 0;
}

int
jd_util_parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

struct jd_embedded {
	const char *name;
	const char *start;
	const char *end;
};

extern const struct jd_embedded jd_corpora_table[];

const char *
jd_util_corpus(const char *name, size_t *len)
{
	for (const struct jd_embedded *e = jd_corpora_table; e->name; e++)
		if (strcmp(e->name, name) == 0) {
			*len = (size_t)(e->end - e->start);
			return e->start;
		}
	*len = 0;
	return NULL;
}

double
jd_util_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ deadline */

/* Per thread: libxml2 calls its error handler with no context of ours. */
static _Thread_local double deadline;
static _Thread_local int deadline_hit;

void
jd_util_deadline_start(double seconds)
{
	deadline = jd_util_now() + seconds;
	deadline_hit = 0;
}

int
jd_util_deadline_check(void)
{
	if (deadline > 0 && !deadline_hit && jd_util_now() > deadline)
		deadline_hit = 1;
	return deadline_hit;
}

int
jd_util_deadline_end(void)
{
	int hit = deadline_hit;

	deadline = 0;
	deadline_hit = 0;
	return hit;
}
