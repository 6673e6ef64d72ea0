/*
 * fetch.c: jdalign fetch: turns the targets (URLs and job boards) into
 * pages in a folder. Targets are grouped by host and the groups shared out
 * to worker threads; what each target gave is reported in target order as
 * soon as the targets before it are done. HTTP is fetch_http.c's, the
 * folder fetch_index.c's, the board APIs fetch_board.c's.
 */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "fetch_int.h"
#include "jdalign/diag.h"
#include "jdalign/util.h"

struct msg {
	const char *path;	/* a target's key, borrowed */
	char *text;
	int status;		/* 0: a warning */
};

struct target {
	const char *arg;
	char *key;		/* the shown URL, or "greenhouse:acme" */
	char *url;		/* what is requested */
	char *host;
	int board;		/* -1: a page */
	const char *token;
	struct msg *msgs;
	size_t nmsgs;
	char **saved;		/* the paths written, for standard output */
	size_t nsaved;
	long nsaved_pages, nunchanged, nfailed;
	int usable, done;
};

struct run {
	const struct jd_fetch_opts *o;
	struct fetch_index *x;
	struct fetch_hosts *hosts;
	struct target *t;
	size_t n;
	size_t *order;		/* targets grouped by host */
	size_t *group_at;	/* where each group starts in order */
	size_t ngroups, next_group, emitted;
	pthread_mutex_t lock;
	FILE *out;
	struct jd_diag *d;
	long saved, unchanged, failed, usable;
};

void
jd_fetch_opts_init(struct jd_fetch_opts *o)
{
	memset(o, 0, sizeof *o);
	o->dir = ".";
	o->user_agent = FETCH_AGENT;
	o->delay_ms = JD_FETCH_DELAY_MS;
	o->connect_timeout_ms = 10000;
	o->timeout_ms = 60000;
	o->max_bytes = JD_FETCH_MAX_BYTES;
	o->retries = 3;
	o->max_wait_ms = 120000;
	o->jobs = 4;
}

/* ------------------------------------------------------------ messages */

static void
note(struct target *t, const char *path, int status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
note(struct target *t, const char *path, int status, const char *fmt, ...)
{
	struct jd_buf b = JD_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	jd_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	t->msgs = xreallocarray(t->msgs, t->nmsgs + 1, sizeof *t->msgs);
	t->msgs[t->nmsgs].path = path;
	t->msgs[t->nmsgs].status = status;
	t->msgs[t->nmsgs++].text = jd_buf_take(&b);
}

static void
saved(struct run *rn, struct target *t, const char *file)
{
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_printf(&b, "%s/%s", fetch_index_dir(rn->x), file);
	t->saved = xreallocarray(t->saved, t->nsaved + 1, sizeof *t->saved);
	t->saved[t->nsaved++] = jd_buf_take(&b);
	t->nsaved_pages++;
}

/* Reports every finished target whose predecessors are all reported. */
static void
emit_ready(struct run *rn)
{
	while (rn->emitted < rn->n && rn->t[rn->emitted].done) {
		struct target *t = &rn->t[rn->emitted++];
		for (size_t i = 0; i < t->nmsgs; i++) {
			struct msg *m = &t->msgs[i];
			if (m->status)
				jd_diag_error(rn->d, m->path, 0, m->status,
				    "%s", m->text);
			else
				jd_diag_warn(rn->d, m->path, 0, "%s", m->text);
		}
		for (size_t i = 0; i < t->nsaved; i++)
			fprintf(rn->out, "%s\n", t->saved[i]);
		fflush(rn->out);
		rn->saved += t->nsaved_pages;
		rn->unchanged += t->nunchanged;
		rn->failed += t->nfailed;
		rn->usable += t->usable;
	}
}

/* ------------------------------------------------------------ pages */

/* The extension a page of this media type is saved with, or NULL. */
static const char *
ext_of(const char *ct)
{
	static const struct { const char *type, *ext; } map[] = {
		{ "text/html", ".html" }, { "application/xhtml+xml", ".html" },
		{ "text/plain", ".txt" }, { "text/markdown", ".md" },
		{ "text/x-markdown", ".md" }, { "application/json", ".json" },
		{ "application/ld+json", ".json" },
	};
	size_t n;

	if (ct == NULL)
		return ".html";
	while (*ct == ' ')
		ct++;
	n = strcspn(ct, "; ");
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (n == strlen(map[i].type) &&
		    strncasecmp(ct, map[i].type, n) == 0)
			return map[i].ext;
	return n > 5 && strncasecmp(ct + n - 5, "+json", 5) == 0 ? ".json" :
	    NULL;
}

/* Records key's entry; only a row that vouches for new bytes ("ok") waits
 * for the disk: losing any other to a power cut costs one more request. */
static void
put(struct run *rn, const char *key, const char *file, const char *status,
    const char *etag, const char *lm)
{
	char stamp[32];
	struct fetch_entry e = { (char *)key, (char *)file, (char *)status,
		stamp, (char *)etag, (char *)lm };

	fetch_now_iso(stamp, sizeof stamp);
	fetch_index_put(rn->x, &e, strcmp(status, "ok") == 0);
}

/* Saves one page's bytes under key; records and counts the outcome. */
static void
save_page(struct run *rn, struct target *t, const char *key, const char *ext,
    const struct jd_buf *body, const char *etag, const char *lm)
{
	const char *cause = NULL;
	char *file = NULL;
	int changed;

	if (fetch_index_save(rn->x, key, ext, jd_buf_str(body), body->len,
	    &file, &changed, &cause) < 0) {
		note(t, key, JD_EXIT_FATAL, "cannot write %s/%s: %s",
		    fetch_index_dir(rn->x), file, cause);
		put(rn, key, file, "write-error", "", "");
		t->nfailed++;
	} else {
		put(rn, key, file, "ok", etag ? etag : "", lm ? lm : "");
		if (changed)
			saved(rn, t, file);
		else
			t->nunchanged++;
		t->usable = 1;
	}
	free(file);
}

static int
fresh(const struct run *rn, const struct fetch_entry *e)
{
	long long at = fetch_iso_time(e->fetched_at);

	return rn->o->max_age_s > 0 && at >= 0 &&
	    (long long)time(NULL) - at < rn->o->max_age_s;
}

static int
good(const struct fetch_entry *e)
{
	return strcmp(e->status, "ok") == 0 ||
	    strcmp(e->status, "unchanged") == 0;
}

static void
fetch_page(struct run *rn, struct fetch_http *h, struct target *t)
{
	struct fetch_entry e;
	struct fetch_resp r;
	const char *ext;

	/* An entry's validators always describe the bytes of its file. */
	fetch_index_get(rn->x, t->key, &e);
	int have = fetch_index_exists(rn->x, e.file);
	if (have && good(&e) && fresh(rn, &e)) {
		t->nunchanged++;
		t->usable = 1;
		fetch_entry_free(&e);
		return;
	}
	fetch_http_get(h, t->url, have ? e.etag : NULL,
	    have ? e.last_modified : NULL, &r);
	if (r.result == FETCH_NOT_MODIFIED && have) {
		put(rn, t->key, e.file, "unchanged", r.etag ? r.etag : e.etag,
		    r.last_modified ? r.last_modified : e.last_modified);
		t->nunchanged++;
		t->usable = 1;
	} else if (r.result == FETCH_OK &&
	    (ext = ext_of(r.content_type)) != NULL)
		save_page(rn, t, t->key, ext, &r.body, r.etag,
		    r.last_modified);
	else {
		if (r.result != FETCH_FAILED) {
			free(r.error);
			r.error = xstrdup(r.result == FETCH_OK ?
			    "not a page jdalign reads (content type)" :
			    "HTTP 304 with no saved copy");
			r.status = r.result == FETCH_OK ? "unsupported" :
			    "http-304";
		}
		note(t, t->key, JD_EXIT_INPUT, "%s", r.error);
		put(rn, t->key, e.file, r.status, e.etag, e.last_modified);
		t->nfailed++;
	}
	fetch_resp_free(&r);
	fetch_entry_free(&e);
}

/* ------------------------------------------------------------ boards */

static int
by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Marks the jobs the index holds for this board that its answer no
 * longer lists: closed (their pages stay). */
static void
close_missing(struct run *rn, char **keys, size_t nkeys,
    const struct jd_board_pages *pages)
{
	const char **now = xcalloc(pages->n + 1, sizeof *now);

	for (size_t i = 0; i < pages->n; i++)
		now[i] = pages->v[i].key;
	qsort(now, pages->n, sizeof *now, by_str);
	for (size_t i = 0; i < nkeys; i++) {
		struct fetch_entry e;
		if (bsearch(&keys[i], now, pages->n, sizeof *now, by_str))
			continue;
		fetch_index_get(rn->x, keys[i], &e);
		if (strcmp(e.status, "closed") != 0)
			put(rn, keys[i], e.file, "closed", e.etag,
			    e.last_modified);
		fetch_entry_free(&e);
	}
	free(now);
}

/* Marks every job of an unchanged board unchanged. */
static void
board_unchanged(struct run *rn, struct target *t, char **keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct fetch_entry e;
		fetch_index_get(rn->x, keys[i], &e);
		if (good(&e)) {
			put(rn, keys[i], e.file, "unchanged", e.etag,
			    e.last_modified);
			t->nunchanged++;
		}
		fetch_entry_free(&e);
	}
	t->usable = 1;
}

static void
board_pages(struct run *rn, struct target *t, const struct fetch_resp *r,
    char **keys, size_t nkeys)
{
	struct jd_board_pages pages = { 0 };
	const char *cause;

	if (jd_fetch_board_pages(t->board, t->token, jd_buf_str(&r->body),
	    r->body.len, &pages, &cause) < 0) {
		note(t, t->key, JD_EXIT_INPUT, "%s", cause);
		put(rn, t->key, "", "bad-answer", "", "");
		t->nfailed++;
		return;
	}
	for (size_t i = 0; i < pages.n; i++) {
		struct jd_buf html = { pages.v[i].html,
			strlen(pages.v[i].html), 0 };
		save_page(rn, t, pages.v[i].key, ".html", &html, NULL, NULL);
	}
	if (pages.n == 0)
		note(t, t->key, 0, "the board lists no open job");
	close_missing(rn, keys, nkeys, &pages);
	put(rn, t->key, "", "ok", r->etag ? r->etag : "",
	    r->last_modified ? r->last_modified : "");
	t->usable = 1;
	jd_fetch_board_pages_free(&pages);
}

/* Are the pages of every job the board had before still there? */
static int
all_there(struct run *rn, char **keys, size_t n)
{
	int ok = 1;

	for (size_t i = 0; ok && i < n; i++) {
		struct fetch_entry e;
		fetch_index_get(rn->x, keys[i], &e);
		ok = !good(&e) || fetch_index_exists(rn->x, e.file);
		fetch_entry_free(&e);
	}
	return ok;
}

static void
fetch_board(struct run *rn, struct fetch_http *h, struct target *t)
{
	struct jd_buf prefix = JD_BUF_INIT;
	struct fetch_entry e;
	struct fetch_resp r;
	size_t nkeys;
	char **keys;

	jd_buf_printf(&prefix, "%s/", t->key);
	keys = fetch_index_keys(rn->x, prefix.data, &nkeys);
	fetch_index_get(rn->x, t->key, &e);
	int have = good(&e) && all_there(rn, keys, nkeys);
	if (have && fresh(rn, &e))
		board_unchanged(rn, t, keys, nkeys);
	else {
		fetch_http_get(h, t->url, have ? e.etag : NULL,
		    have ? e.last_modified : NULL, &r);
		if (r.result == FETCH_NOT_MODIFIED && have) {
			board_unchanged(rn, t, keys, nkeys);
			put(rn, t->key, "", "unchanged", e.etag,
			    e.last_modified);
		} else if (r.result == FETCH_OK)
			board_pages(rn, t, &r, keys, nkeys);
		else {
			note(t, t->key, JD_EXIT_INPUT, "%s", r.error ?
			    r.error : "HTTP 304 with no saved copy");
			put(rn, t->key, "", r.status ? r.status : "http-304",
			    "", "");
			t->nfailed++;
		}
		fetch_resp_free(&r);
	}
	for (size_t i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);
	fetch_entry_free(&e);
	jd_buf_free(&prefix);
}

/* ------------------------------------------------------------ targets */

static const char *const api_default[] = {
	"https://boards-api.greenhouse.io", "https://api.lever.co",
	"https://api.ashbyhq.com"
};
static const char *const api_path[] = {
	"/v1/boards/%s/jobs?content=true", "/v0/postings/%s?mode=json",
	"/posting-api/job-board/%s?includeCompensation=true"
};

/* A board name goes into a URL path: letters, digits, '-', '_', '.'. */
static int
good_token(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 100 || s[0] == '.')
		return 0;
	for (; *s; s++)
		if (!(*s >= 'a' && *s <= 'z') && !(*s >= 'A' && *s <= 'Z') &&
		    !(*s >= '0' && *s <= '9') && *s != '-' && *s != '_' &&
		    *s != '.')
			return 0;
	return 1;
}

/* Fills t from its argument; -1 with *cause when it names nothing. */
static int
prepare(struct target *t, const char *arg, const char *api_base,
    const char **cause)
{
	struct jd_buf b = JD_BUF_INIT;
	struct fetch_url u;

	t->arg = arg;
	t->board = jd_fetch_board_kind(arg, &t->token);
	if (t->board >= 0) {
		if (!good_token(t->token)) {
			*cause = "a board name is letters, digits, '-', '_' "
			    "and '.'";
			return -1;
		}
		t->key = xstrdup(arg);
		jd_buf_adds(&b, api_base ? api_base : api_default[t->board]);
		while (b.len && b.data[b.len - 1] == '/')
			b.data[--b.len] = '\0';
		jd_buf_printf(&b, api_path[t->board], t->token);
		arg = b.data;
	}
	if (fetch_url_parse(arg, &u, cause) < 0) {
		if (t->board < 0 && strchr(arg, ':') == NULL)
			*cause = "not a URL (http:// or https://) nor a board "
			    "(greenhouse:, lever:, ashby:)";
		jd_buf_free(&b);
		return -1;
	}
	if (t->key == NULL)
		t->key = xstrdup(u.shown);
	t->url = xstrdup(u.full);
	t->host = xstrdup(u.host);
	fetch_url_free(&u);
	jd_buf_free(&b);
	return 0;
}

static int
seen_key(const struct run *rn, size_t upto, const char *key)
{
	for (size_t i = 0; i < upto; i++)
		if (rn->t[i].key && strcmp(rn->t[i].key, key) == 0)
			return 1;
	return 0;
}

/* An argument as it may be shown: any user name and password dropped. */
static char *
shown_arg(const char *arg)
{
	const char *sep = strstr(arg, "://"), *at, *end;
	struct jd_buf b = JD_BUF_INIT;

	if (sep == NULL)
		return xstrdup(arg);
	end = sep + 3 + strcspn(sep + 3, "/?#");
	at = memchr(sep + 3, '@', (size_t)(end - sep - 3));
	if (at == NULL)
		return xstrdup(arg);
	jd_buf_add(&b, arg, (size_t)(sep + 3 - arg));
	jd_buf_adds(&b, at + 1);
	return jd_buf_take(&b);
}

static void
prepare_all(struct run *rn, char *const *args)
{
	for (size_t i = 0; i < rn->n; i++) {
		struct target *t = &rn->t[i];
		const char *cause;
		if (prepare(t, args[i], rn->o->api_base, &cause) < 0) {
			free(t->key);
			t->key = shown_arg(args[i]);
			note(t, t->key, JD_EXIT_INPUT, "%s", cause);
			t->nfailed++;
			t->done = 1;
		} else if (seen_key(rn, i, t->key)) {
			note(t, t->key, 0, "given twice: fetched once");
			t->done = 1;
		}
	}
}

static int
by_host(const void *a, const void *b, void *arg)
{
	const struct target *t = arg;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = strcmp(t[i].host ? t[i].host : "", t[j].host ? t[j].host : "");

	return c ? c : (i > j) - (i < j);
}

/* Orders the targets to fetch by host, in argument order within a host,
 * and marks where each host's group starts. */
static void
group(struct run *rn)
{
	size_t k = 0;

	rn->order = xcalloc(rn->n + 1, sizeof *rn->order);
	rn->group_at = xcalloc(rn->n + 1, sizeof *rn->group_at);
	for (size_t i = 0; i < rn->n; i++)
		if (!rn->t[i].done)
			rn->order[k++] = i;
	qsort_r(rn->order, k, sizeof *rn->order, by_host, rn->t);
	for (size_t i = 0; i < k; i++)
		if (i == 0 || strcmp(rn->t[rn->order[i]].host,
		    rn->t[rn->order[i - 1]].host) != 0)
			rn->group_at[rn->ngroups++] = i;
	rn->group_at[rn->ngroups] = k;
}

/* ------------------------------------------------------------ workers */

static void *
work(void *arg)
{
	struct run *rn = arg;
	struct fetch_http *h = fetch_http_new(rn->o, rn->hosts);

	for (;;) {
		pthread_mutex_lock(&rn->lock);
		size_t g = rn->next_group++;
		pthread_mutex_unlock(&rn->lock);
		if (g >= rn->ngroups)
			break;
		for (size_t k = rn->group_at[g]; k < rn->group_at[g + 1]; k++) {
			struct target *t = &rn->t[rn->order[k]];
			if (t->board >= 0)
				fetch_board(rn, h, t);
			else
				fetch_page(rn, h, t);
			pthread_mutex_lock(&rn->lock);
			t->done = 1;
			emit_ready(rn);
			pthread_mutex_unlock(&rn->lock);
		}
	}
	fetch_http_free(h);
	return NULL;
}

static void
run_workers(struct run *rn)
{
	int n = rn->o->jobs < (int)rn->ngroups ? rn->o->jobs :
	    (int)rn->ngroups;
	pthread_t *tids;

	if (n < 1)
		n = 1;
	tids = xcalloc((size_t)n, sizeof *tids);
	for (int i = 1; i < n; i++)
		if (pthread_create(&tids[i], NULL, work, rn) != 0)
			tids[i] = 0;
	work(rn);
	for (int i = 1; i < n; i++)
		if (tids[i])
			pthread_join(tids[i], NULL);
	free(tids);
}

static void
free_run(struct run *rn)
{
	for (size_t i = 0; i < rn->n; i++) {
		struct target *t = &rn->t[i];
		for (size_t k = 0; k < t->nmsgs; k++)
			free(t->msgs[k].text);
		for (size_t k = 0; k < t->nsaved; k++)
			free(t->saved[k]);
		free(t->msgs);
		free(t->saved);
		free(t->key);
		free(t->url);
		free(t->host);
	}
	free(rn->t);
	free(rn->order);
	free(rn->group_at);
	pthread_mutex_destroy(&rn->lock);
}

int
jd_fetch_run(const struct jd_fetch_opts *o, char *const *targets,
    size_t ntargets, FILE *out, struct jd_diag *d)
{
	struct run rn = { .o = o, .n = ntargets, .out = out, .d = d };

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		jd_diag_msg(d, JD_EXIT_FATAL, "cannot start libcurl");
		return -1;
	}
	rn.t = xcalloc(ntargets + 1, sizeof *rn.t);
	pthread_mutex_init(&rn.lock, NULL);
	prepare_all(&rn, targets);
	group(&rn);
	if (rn.ngroups && (rn.x = fetch_index_open(o->dir, d)) != NULL) {
		rn.hosts = fetch_hosts_new();
		run_workers(&rn);
		fetch_hosts_free(rn.hosts);
		if (fetch_index_close(rn.x, d) < 0)
			rn.usable = 0;
	}
	emit_ready(&rn);
	if (!jd_diag_quiet(d))
		jd_diag_msg(d, 0, "%s: %ld saved, %ld unchanged, %ld failed",
		    o->dir, rn.saved, rn.unchanged, rn.failed);
	if (rn.usable == 0 && jd_diag_status(d) < JD_EXIT_FATAL)
		jd_diag_msg(d, JD_EXIT_FATAL, "nothing fetched");
	free_run(&rn);
	curl_global_cleanup();
	return rn.usable ? 0 : -1;
}
