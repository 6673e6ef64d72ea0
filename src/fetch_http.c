/*
 * fetch_http.c: GET over libcurl, politely and safely. Redirects are
 * followed by hand so every hop is checked for its scheme and its
 * robots.txt and waits its host's turn; a table shared by the workers
 * gives each host one request at a time and a delay between requests;
 * 429 and 503 are retried after Retry-After or a doubling backoff; bodies
 * are capped in the write callback. The only file that calls libcurl's
 * transfer functions. Knows nothing of the folder or of job boards.
 */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "fetch_int.h"
#include "jdalign/util.h"

/* ------------------------------------------------------------ hosts */

struct host {
	char *name;
	int busy;
	double next;		/* monotonic time the next request may start */
	double closed;		/* asked to wait past --max-wait: until */
	long crawl_delay_ms;
	struct host *link;
};

/* robots.txt of one origin: read once, by whoever asks first. */
struct robots {
	char *origin;
	int ready;
	struct jd_robots *rules;	/* NULL: everything allowed */
	char *deny;			/* set: nothing allowed, and why */
	struct robots *link;
};

struct fetch_hosts {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct host *hosts;
	struct robots *robots;
};

struct fetch_hosts *
fetch_hosts_new(void)
{
	struct fetch_hosts *t = xcalloc(1, sizeof *t);
	pthread_condattr_t a;

	pthread_mutex_init(&t->lock, NULL);
	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	pthread_cond_init(&t->cond, &a);
	pthread_condattr_destroy(&a);
	return t;
}

void
fetch_hosts_free(struct fetch_hosts *t)
{
	if (t == NULL)
		return;
	for (struct host *h = t->hosts, *n; h; h = n) {
		n = h->link;
		free(h->name);
		free(h);
	}
	for (struct robots *r = t->robots, *n; r; r = n) {
		n = r->link;
		free(r->origin);
		free(r->deny);
		jd_fetch_robots_free(r->rules);
		free(r);
	}
	pthread_cond_destroy(&t->cond);
	pthread_mutex_destroy(&t->lock);
	free(t);
}

/* The host's entry; the table's lock is held. */
static struct host *
host_of(struct fetch_hosts *t, const char *name)
{
	struct host *h;

	for (h = t->hosts; h; h = h->link)
		if (strcmp(h->name, name) == 0)
			return h;
	h = xcalloc(1, sizeof *h);
	h->name = xstrdup(name);
	h->link = t->hosts;
	t->hosts = h;
	return h;
}

static void
wait_until(struct fetch_hosts *t, double when)
{
	struct timespec ts;

	ts.tv_sec = (time_t)when;
	ts.tv_nsec = (long)((when - (double)ts.tv_sec) * 1e9);
	pthread_cond_timedwait(&t->cond, &t->lock, &ts);
}

/*
 * Waits for the host's turn: no request of its running, its delay over.
 * Returns 0, or the seconds left when the host asked to be left alone for
 * longer than --max-wait (then there is no turn).
 */
static long
host_acquire(struct fetch_hosts *t, const char *name)
{
	long left = 0;

	pthread_mutex_lock(&t->lock);
	struct host *h = host_of(t, name);
	for (;;) {
		double now = jd_util_now();
		if (now < h->closed) {
			left = (long)(h->closed - now) + 1;
			break;
		}
		if (!h->busy && now >= h->next)
			break;
		if (h->busy)
			pthread_cond_wait(&t->cond, &t->lock);
		else
			wait_until(t, h->next);
	}
	h->busy = left == 0;
	pthread_mutex_unlock(&t->lock);
	return left;
}

/* Ends the host's turn: the next request waits at least wait_ms (or its
 * robots.txt Crawl-delay) from now; closed_ms > 0 closes the host. */
static void
host_release(struct fetch_hosts *t, const char *name, long wait_ms,
    long closed_ms)
{
	pthread_mutex_lock(&t->lock);
	struct host *h = host_of(t, name);
	double now = jd_util_now();
	if (h->crawl_delay_ms > wait_ms)
		wait_ms = h->crawl_delay_ms;
	h->busy = 0;
	h->next = now + (double)wait_ms / 1000.0;
	if (closed_ms > 0)
		h->closed = now + (double)closed_ms / 1000.0;
	pthread_cond_broadcast(&t->cond);
	pthread_mutex_unlock(&t->lock);
}

/* ------------------------------------------------------------ client */

struct fetch_http {
	CURL *curl;
	const struct jd_fetch_opts *o;
	struct fetch_hosts *hosts;
	char errbuf[CURL_ERROR_SIZE];
	struct jd_buf *body;
	size_t cap;
	int truncate;		/* keep what fits of a larger body */
	int over;		/* the body went past cap */
};

static size_t
on_body(char *p, size_t size, size_t n, void *data)
{
	struct fetch_http *h = data;

	n *= size;
	if (n > h->cap - h->body->len) {
		if (h->truncate)
			jd_buf_add(h->body, p, h->cap - h->body->len);
		h->over = 1;
		return 0;	/* libcurl stops with CURLE_WRITE_ERROR */
	}
	jd_buf_add(h->body, p, n);
	return n;
}

struct fetch_http *
fetch_http_new(const struct jd_fetch_opts *o, struct fetch_hosts *hosts)
{
	struct fetch_http *h = xcalloc(1, sizeof *h);
	CURL *c = curl_easy_init();

	if (c == NULL) {
		fprintf(stderr, "jdalign: cannot start libcurl\n");
		abort();
	}
	h->curl = c;
	h->o = o;
	h->hosts = hosts;
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, o->connect_timeout_ms);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, o->timeout_ms);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, o->user_agent);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, h);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
	curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	return h;
}

void
fetch_http_free(struct fetch_http *h)
{
	if (h == NULL)
		return;
	curl_easy_cleanup(h->curl);
	free(h);
}

void
fetch_resp_free(struct fetch_resp *r)
{
	free(r->error);
	free(r->etag);
	free(r->last_modified);
	free(r->content_type);
	jd_buf_free(&r->body);
	memset(r, 0, sizeof *r);
}

static void
fail(struct fetch_resp *r, const char *status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
fail(struct fetch_resp *r, const char *status, const char *fmt, ...)
{
	struct jd_buf b = JD_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	jd_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(r->error);
	r->error = jd_buf_take(&b);
	r->status = status;
	r->result = FETCH_FAILED;
}

/* "http-NNN" for the response's status code, kept in r. */
static const char *
code_word(struct fetch_resp *r)
{
	snprintf(r->code_word, sizeof r->code_word, "http-%ld", r->code);
	return r->code_word;
}

/* A validator worth sending back: printable ASCII, short, and for an
 * ETag quoted as RFC 9110 has it (so it never reads as a formula). */
static char *
validator(CURL *c, const char *name, int etag)
{
	struct curl_header *hd;
	const char *v;
	size_t n;

	if (curl_easy_header(c, name, 0, CURLH_HEADER, -1, &hd) != CURLHE_OK)
		return NULL;
	v = hd->value;
	n = strlen(v);
	if (n == 0 || n > 200)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i] < 0x20 || v[i] > 0x7e)
			return NULL;
	if (etag && !((v[0] == '"' || strncmp(v, "W/\"", 3) == 0) &&
	    v[n - 1] == '"' && n >= 2))
		return NULL;
	if (!etag && !((v[0] >= 'A' && v[0] <= 'Z') ||
	    (v[0] >= 'a' && v[0] <= 'z')))
		return NULL;
	return xstrdup(v);
}

static struct curl_slist *
conditions(const char *etag, const char *lm)
{
	struct curl_slist *l = NULL;
	struct jd_buf b = JD_BUF_INIT;

	if (etag && *etag) {
		jd_buf_printf(&b, "If-None-Match: %s", etag);
		l = curl_slist_append(l, b.data);
		jd_buf_reset(&b);
	}
	if (lm && *lm) {
		jd_buf_printf(&b, "If-Modified-Since: %s", lm);
		l = curl_slist_append(l, b.data);
	}
	jd_buf_free(&b);
	return l;
}

/* Why a transfer failed, in words that hold no credentials. */
static void
transfer_error(struct fetch_http *h, CURLcode rc, const struct fetch_url *u,
    struct fetch_resp *r)
{
	const char *why = h->errbuf[0] && !u->has_user ? h->errbuf :
	    curl_easy_strerror(rc);

	if (h->over || rc == CURLE_FILESIZE_EXCEEDED)
		fail(r, "too-large", "larger than %zu bytes (--max-bytes)",
		    h->cap);
	else if (rc == CURLE_OPERATION_TIMEDOUT)
		fail(r, "timeout", "timed out: %s", why);
	else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
		fail(r, "forbidden-scheme", "only http and https are fetched");
	else
		fail(r, "failed", "%s", why);
}

/* One request, no redirect followed. *location gets a redirect's target. */
static void
perform(struct fetch_http *h, const struct fetch_url *u, const char *etag,
    const char *lm, struct fetch_resp *r, char **location)
{
	struct curl_slist *hdrs = conditions(etag, lm);
	CURL *c = h->curl;
	char *s = NULL;
	CURLcode rc;

	jd_buf_reset(&r->body);
	h->body = &r->body;
	h->over = 0;
	h->errbuf[0] = '\0';
	curl_easy_setopt(c, CURLOPT_URL, u->full);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, h->truncate ?
	    (curl_off_t)0 : (curl_off_t)h->cap);
	rc = curl_easy_perform(c);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(hdrs);
	r->code = 0;
	if (rc != CURLE_OK) {
		transfer_error(h, rc, u, r);
		return;
	}
	r->result = FETCH_OK;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->code);
	free(r->content_type);
	r->content_type = NULL;
	if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK && s)
		r->content_type = xstrdup(s);
	free(r->etag);
	free(r->last_modified);
	r->etag = validator(c, "ETag", 1);
	r->last_modified = validator(c, "Last-Modified", 0);
	s = NULL;
	if (curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &s) == CURLE_OK && s)
		*location = xstrdup(s);
}

static long
retry_after_ms(CURL *c)
{
	curl_off_t s = 0;

	if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &s) != CURLE_OK ||
	    s < 0)
		return 0;
	return s > 86400 * 30 ? 86400L * 30 * 1000 : (long)s * 1000;
}

/* One request in the host's turn, retried on 429 and 503. */
static void
attempt(struct fetch_http *h, const struct fetch_url *u, const char *etag,
    const char *lm, struct fetch_resp *r, char **location)
{
	const struct jd_fetch_opts *o = h->o;
	long base = o->delay_ms > 100 ? o->delay_ms : 100;

	for (int try = 0;; try++) {
		long left = host_acquire(h->hosts, u->host);
		if (left) {
			fail(r, "host-closed", "not asked: %s wants no request "
			    "for %ld s more (Retry-After)", u->host, left);
			return;
		}
		free(*location);
		*location = NULL;
		perform(h, u, etag, lm, r, location);
		int again = r->result == FETCH_OK && (r->code == 429 ||
		    r->code == 503);
		long ra = again ? retry_after_ms(h->curl) : 0;
		long wait = try < 20 ? base << try : base << 20;
		if (wait > o->max_wait_ms)
			wait = o->max_wait_ms;
		if (ra > wait)
			wait = ra;
		/* A wait past --max-wait closes the host for this run. */
		host_release(h->hosts, u->host, again && ra <= o->max_wait_ms ?
		    wait : o->delay_ms, ra > o->max_wait_ms ? ra : 0);
		if (!again)
			return;
		if (ra > o->max_wait_ms) {
			fail(r, code_word(r),
			    "HTTP %ld: the server asks to wait %ld s, longer "
			    "than --max-wait", r->code, ra / 1000);
			return;
		}
		if (try >= o->retries) {
			fail(r, code_word(r),
			    "HTTP %ld after %d retries", r->code, try);
			return;
		}
	}
}

/* ------------------------------------------------------------ robots */

static int get(struct fetch_http *h, const char *url, const char *etag,
    const char *lm, int check_robots, struct fetch_resp *r);

/* Reads origin's robots.txt into rb (RFC 9309: 4xx allows everything;
 * 5xx, 429 and an unreachable server forbid everything). */
static void
read_robots(struct fetch_http *h, const char *origin, struct robots *rb)
{
	struct fetch_resp r = { 0 };
	struct jd_buf url = JD_BUF_INIT, why = JD_BUF_INIT;
	size_t cap = h->cap;

	jd_buf_printf(&url, "%s/robots.txt", origin);
	h->cap = FETCH_ROBOTS_MAX;
	h->truncate = 1;
	get(h, url.data, NULL, NULL, 0, &r);
	h->cap = cap;
	h->truncate = 0;
	/* Of a larger file the first 512 KiB are enough (RFC 9309). */
	if (r.result == FETCH_OK || (r.status && r.body.len &&
	    strcmp(r.status, "too-large") == 0))
		rb->rules = jd_fetch_robots_parse(jd_buf_str(&r.body),
		    r.body.len, FETCH_AGENT);
	else if (r.code == 429 || r.code >= 500)
		jd_buf_printf(&why, "robots.txt answered HTTP %ld", r.code);
	else if (r.code == 0)
		jd_buf_printf(&why, "robots.txt unreachable: %s", r.error);
	if (why.len)
		rb->deny = jd_buf_take(&why);
	fetch_resp_free(&r);
	jd_buf_free(&url);
	jd_buf_free(&why);
}

/* The robots.txt of u's origin, read by the first worker that asks. */
static struct robots *
robots_of(struct fetch_http *h, const struct fetch_url *u)
{
	struct fetch_hosts *t = h->hosts;
	struct robots *rb;

	pthread_mutex_lock(&t->lock);
	for (rb = t->robots; rb; rb = rb->link)
		if (strcmp(rb->origin, u->origin) == 0)
			break;
	if (rb) {
		while (!rb->ready)
			pthread_cond_wait(&t->cond, &t->lock);
		pthread_mutex_unlock(&t->lock);
		return rb;
	}
	rb = xcalloc(1, sizeof *rb);
	rb->origin = xstrdup(u->origin);
	rb->link = t->robots;
	t->robots = rb;
	pthread_mutex_unlock(&t->lock);
	read_robots(h, u->origin, rb);
	pthread_mutex_lock(&t->lock);
	long ms = jd_fetch_robots_delay_ms(rb->rules);
	struct host *hs = host_of(t, u->host);
	if (ms > h->o->max_wait_ms)
		ms = h->o->max_wait_ms;
	if (ms > hs->crawl_delay_ms)
		hs->crawl_delay_ms = ms;
	rb->ready = 1;
	pthread_cond_broadcast(&t->cond);
	pthread_mutex_unlock(&t->lock);
	return rb;
}

/* ------------------------------------------------------------ GET */

static int
is_redirect(long code)
{
	return code == 301 || code == 302 || code == 303 || code == 307 ||
	    code == 308;
}

/* The next hop's URL; credentials go only back to the origin that had
 * them. 0, or -1 after failing r. */
static int
next_hop(const char *location, const struct fetch_url *from,
    struct fetch_url *to, struct fetch_resp *r)
{
	const char *cause;
	char *scheme = NULL;
	CURLU *cu = curl_url();

	if (curl_url_set(cu, CURLUPART_URL, location,
	    CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK)
		curl_url_get(cu, CURLUPART_SCHEME, &scheme, 0);
	if (scheme && strcmp(scheme, "http") != 0 &&
	    strcmp(scheme, "https") != 0) {
		fail(r, "forbidden-redirect", "redirect to a forbidden "
		    "scheme (%.20s)", scheme);
	} else if (fetch_url_parse(location, to, &cause) < 0)
		fail(r, "bad-redirect", "redirect to a bad URL");
	else if (to->has_user && strcmp(to->origin, from->origin) != 0) {
		char *bare = xstrdup(to->bare);
		fetch_url_free(to);
		fetch_url_parse(bare, to, &cause);
		free(bare);
	}
	curl_free(scheme);
	curl_url_cleanup(cu);
	return r->result == FETCH_FAILED ? -1 : 0;
}

static void
finish(struct fetch_resp *r)
{
	if (r->result == FETCH_FAILED)
		return;
	if (r->code == 304)
		r->result = FETCH_NOT_MODIFIED;
	else if (r->code >= 200 && r->code < 300)
		r->result = FETCH_OK;
	else if (r->code == 404 || r->code == 410)
		fail(r, code_word(r), "HTTP %ld: no such page", r->code);
	else
		fail(r, code_word(r), "HTTP %ld", r->code);
}

static int
get(struct fetch_http *h, const char *url, const char *etag, const char *lm,
    int check_robots, struct fetch_resp *r)
{
	struct fetch_url u, next;
	const char *cause;
	char *location = NULL;

	memset(r, 0, sizeof *r);
	if (fetch_url_parse(url, &u, &cause) < 0) {
		fail(r, "bad-url", "%s", cause);
		return -1;
	}
	for (int hop = 0;; hop++) {
		if (check_robots) {
			struct robots *rb = robots_of(h, &u);
			if (rb->deny) {
				fail(r, "disallowed", "not fetched: %s",
				    rb->deny);
				break;
			}
			if (!jd_fetch_robots_allowed(rb->rules, u.path)) {
				fail(r, "disallowed", "disallowed by robots.txt"
				    " of %s", u.origin);
				break;
			}
		}
		attempt(h, &u, etag, lm, r, &location);
		if (r->result == FETCH_FAILED || !is_redirect(r->code) ||
		    location == NULL)
			break;
		if (hop == FETCH_MAX_REDIRECTS) {
			fail(r, "redirects", "more than %d redirects",
			    FETCH_MAX_REDIRECTS);
			break;
		}
		if (next_hop(location, &u, &next, r) < 0)
			break;
		fetch_url_free(&u);
		u = next;
	}
	finish(r);
	free(location);
	fetch_url_free(&u);
	return r->result == FETCH_FAILED ? -1 : 0;
}

void
fetch_http_get(struct fetch_http *h, const char *url, const char *etag,
    const char *last_modified, struct fetch_resp *r)
{
	h->cap = h->o->max_bytes;
	get(h, url, etag, last_modified, 1, r);
}
