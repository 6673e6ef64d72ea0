/*
 * fetch_robots.c: robots.txt after RFC 9309: groups of user-agent lines and
 * their allow and disallow rules, '*' and a final '$' in patterns, the
 * longest match winning, percent-escapes compared in one normal form, and
 * the common Crawl-delay extension. Knows nothing of HTTP.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "jdalign/buf.h"
#include "jdalign/fetch.h"
#include "jdalign/util.h"

struct rule {
	char *pat;		/* normalized, without a final '$' */
	size_t len;		/* its length as written, for precedence */
	int anchored;		/* ended in '$' */
	int allow;
};

struct jd_robots {
	struct rule *v;
	size_t n, cap;
	long delay_ms;
};

/* One parse: the rules of the agent's own groups and of the '*' groups
 * are gathered apart; the agent's win when there are any. */
struct parse {
	struct jd_robots own, star;
	int own_seen;
	int in_agents;		/* still reading a group's user-agent lines */
	int to_own, to_star;	/* does the current group apply? */
	const char *agent;
};

static int
unreserved(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

/*
 * One form for paths and patterns: escapes of unreserved characters
 * decoded, other escapes upper-cased, bytes outside printable ASCII
 * escaped.
 */
static void
normalize(struct jd_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n && jd_util_hexval(s[i + 1]) >= 0 &&
		    jd_util_hexval(s[i + 2]) >= 0) {
			int v = jd_util_hexval(s[i + 1]) * 16 + jd_util_hexval(s[i + 2]);
			if (unreserved(v))
				jd_buf_addc(b, (char)v);
			else {
				jd_buf_addc(b, '%');
				jd_buf_addc(b, hex[v >> 4]);
				jd_buf_addc(b, hex[v & 15]);
			}
			i += 2;
		} else if (c <= 0x20 || c >= 0x7f) {
			jd_buf_addc(b, '%');
			jd_buf_addc(b, hex[c >> 4]);
			jd_buf_addc(b, hex[c & 15]);
		} else
			jd_buf_addc(b, (char)c);
	}
}

static void
add_rule(struct jd_robots *r, const char *val, size_t n, int allow)
{
	struct jd_buf b = JD_BUF_INIT;
	struct rule *u;

	if (n == 0)
		return;		/* "Disallow:" with no path forbids nothing */
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	u = &r->v[r->n++];
	u->len = n;
	u->allow = allow;
	u->anchored = val[n - 1] == '$';
	normalize(&b, val, n - (size_t)u->anchored);
	u->pat = jd_buf_take(&b);
}

/* Does the product token of a user-agent line name agent? */
static int
names_agent(const char *val, size_t n, const char *agent)
{
	size_t k = 0;

	while (k < n && (isalnum((unsigned char)val[k]) || val[k] == '-' ||
	    val[k] == '_'))
		k++;
	return k > 0 && k == strlen(agent) &&
	    strncasecmp(val, agent, k) == 0;
}

static long
delay_ms(const char *val, size_t n)
{
	char tmp[32], *end;
	double d;

	if (n == 0 || n >= sizeof tmp)
		return -1;
	memcpy(tmp, val, n);
	tmp[n] = '\0';
	d = strtod(tmp, &end);
	if (end == tmp || *end != '\0' || !(d >= 0) || d > 86400)
		return -1;
	return (long)(d * 1000 + 0.5);
}

static void
line(struct parse *p, const char *key, size_t kn, const char *val, size_t vn)
{
	int ua = kn == 10 && strncasecmp(key, "user-agent", kn) == 0;

	if (ua) {
		if (!p->in_agents)
			p->to_own = p->to_star = 0;
		p->in_agents = 1;
		if (vn == 1 && val[0] == '*')
			p->to_star = 1;
		else if (names_agent(val, vn, p->agent))
			p->to_own = p->own_seen = 1;
		return;
	}
	int allow = kn == 5 && strncasecmp(key, "allow", 5) == 0;
	int disallow = kn == 8 && strncasecmp(key, "disallow", 8) == 0;
	int delay = kn == 11 && strncasecmp(key, "crawl-delay", 11) == 0;
	if (!allow && !disallow && !delay)
		return;		/* sitemap and the unknown: not group rules */
	p->in_agents = 0;
	struct jd_robots *dst[2] = { p->to_own ? &p->own : NULL,
		p->to_star ? &p->star : NULL };
	for (int i = 0; i < 2; i++) {
		if (dst[i] == NULL)
			continue;
		if (delay) {
			long ms = delay_ms(val, vn);
			if (ms > dst[i]->delay_ms)
				dst[i]->delay_ms = ms;
		} else
			add_rule(dst[i], val, vn, allow);
	}
}

static void
trim(const char **s, const char *end, const char **e)
{
	while (*s < end && (**s == ' ' || **s == '\t'))
		(*s)++;
	*e = end;
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' ||
	    (*e)[-1] == '\r'))
		(*e)--;
}

static void
free_rules(struct jd_robots *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].pat);
	free(r->v);
}

struct jd_robots *
jd_fetch_robots_parse(const char *text, size_t len, const char *agent)
{
	struct parse p = { .agent = agent };
	const char *s = text, *end = text + len;
	struct jd_robots *r = xmalloc(sizeof *r);

	p.own.delay_ms = p.star.delay_ms = -1;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl : end, *hash, *colon, *ke, *vs, *ve;
		hash = memchr(s, '#', (size_t)(le - s));
		if (hash)
			le = hash;
		colon = memchr(s, ':', (size_t)(le - s));
		if (colon) {
			trim(&s, colon, &ke);
			vs = colon + 1;
			trim(&vs, le, &ve);
			line(&p, s, (size_t)(ke - s), vs, (size_t)(ve - vs));
		}
		s = nl ? nl + 1 : end;
	}
	if (p.own_seen) {
		*r = p.own;
		free_rules(&p.star);
	} else {
		*r = p.star;
		free_rules(&p.own);
	}
	return r;
}

/* Does pattern p (with '*') match a prefix of s, or all of s when
 * anchored? Greedy with one backtrack point: linear in practice. */
static int
match(const char *p, const char *s, int anchored)
{
	size_t pn = strlen(p), sn = strlen(s), i = 0, j = 0;
	size_t star = SIZE_MAX, mark = 0;

	while (j < sn) {
		if (i == pn && !anchored)
			return 1;
		if (i < pn && p[i] == '*') {
			star = i++;
			mark = j;
		} else if (i < pn && p[i] == s[j]) {
			i++;
			j++;
		} else if (star != SIZE_MAX) {
			i = star + 1;
			j = ++mark;
		} else
			return 0;
	}
	while (i < pn && p[i] == '*')
		i++;
	return i == pn;
}

int
jd_fetch_robots_allowed(const struct jd_robots *r, const char *path)
{
	struct jd_buf b = JD_BUF_INIT;
	size_t best = 0;
	int allowed = 1, found = 0;

	if (r == NULL || strcmp(path, "/robots.txt") == 0)
		return 1;
	normalize(&b, path, strlen(path));
	for (size_t i = 0; i < r->n; i++) {
		const struct rule *u = &r->v[i];
		if (!match(u->pat, jd_buf_str(&b), u->anchored))
			continue;
		if (!found || u->len > best || (u->len == best && u->allow)) {
			allowed = u->allow;
			best = u->len;
			found = 1;
		}
	}
	jd_buf_free(&b);
	return allowed;
}

long
jd_fetch_robots_delay_ms(const struct jd_robots *r)
{
	return r ? r->delay_ms : -1;
}

void
jd_fetch_robots_free(struct jd_robots *r)
{
	if (r == NULL)
		return;
	free_rules(r);
	free(r);
}
