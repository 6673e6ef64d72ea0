/*
 * fetch_int.h: what the files of the fetch module share: parsed URLs, one
 * HTTP client per worker with the politeness table all workers share, and
 * the folder with its index. Nothing here leaves the fetch module.
 * Ownership: strings in these structs belong to the struct; _free frees.
 */
#ifndef JDALIGN_FETCH_INT_H
#define JDALIGN_FETCH_INT_H

#include <stddef.h>

#include "jdalign/buf.h"
#include "jdalign/fetch.h"

#define FETCH_MAX_REDIRECTS 5
#define FETCH_ROBOTS_MAX ((size_t)512 << 10)
#define FETCH_AGENT "jdalign"

/* ------------------------------------------------------------ URLs */

struct fetch_url {
	char *full;	/* for the request: credentials kept, no fragment */
	char *bare;	/* full without user name and password */
	char *shown;	/* jd_fetch_redact's form: messages and index key */
	char *scheme;	/* "http" or "https" */
	char *host;	/* lower case */
	char *origin;	/* scheme://host[:port] */
	char *path;	/* path and query, from "/" */
	int has_user;	/* carried a user name or password */
};

/* 0, or -1 with *cause (static) when in is no http or https URL. */
int fetch_url_parse(const char *in, struct fetch_url *u, const char **cause);
void fetch_url_free(struct fetch_url *u);

/* ------------------------------------------------------------ HTTP */

struct fetch_hosts;	/* per-host turns, delays and robots.txt; shared */

struct fetch_hosts *fetch_hosts_new(void);
void fetch_hosts_free(struct fetch_hosts *h);

enum { FETCH_OK, FETCH_NOT_MODIFIED, FETCH_FAILED };

struct fetch_resp {
	int result;		/* FETCH_OK (2xx), FETCH_NOT_MODIFIED, FAILED */
	long code;		/* the last HTTP status, 0 when none */
	char *error;		/* why it failed (no credentials in it) */
	const char *status;	/* the index status word of a failure */
	char code_word[16];	/* "http-404": status may point here */
	char *etag, *last_modified, *content_type;
	struct jd_buf body;
};

struct fetch_http;

/* A client for one worker thread; opts and hosts are borrowed. */
struct fetch_http *fetch_http_new(const struct jd_fetch_opts *o,
    struct fetch_hosts *hosts);
void fetch_http_free(struct fetch_http *h);

/*
 * GETs url: http and https only, redirects followed by hand (at most
 * five, each checked for scheme and robots.txt), one request at a time
 * per host with the delay between, 429 and 503 retried with backoff and
 * Retry-After, the body capped at o->max_bytes. etag and last_modified
 * (may be NULL) make the request conditional. Fills r; always returns
 * with r->result set.
 */
void fetch_http_get(struct fetch_http *h, const char *url, const char *etag,
    const char *last_modified, struct fetch_resp *r);
void fetch_resp_free(struct fetch_resp *r);

/* ------------------------------------------------------------ folder */

struct fetch_entry {
	char *url, *file, *status, *fetched_at, *etag, *last_modified;
};

struct fetch_index;

/*
 * Opens (creating) dir, locks it against a second fetch, removes the
 * temporary files an interrupted run left, and reads index.csv. Returns
 * NULL after reporting through d.
 */
struct fetch_index *fetch_index_open(const char *dir, struct jd_diag *d);
/* Writes index.csv whole (one row per URL, sorted), unlocks and frees.
 * Returns 0 or -1 after reporting. */
int fetch_index_close(struct fetch_index *x, struct jd_diag *d);

/* A copy of url's entry into e (fields "" when absent); 0, or -1 when
 * there is none. */
int fetch_index_get(struct fetch_index *x, const char *url,
    struct fetch_entry *e);
/* Records e (replacing url's entry) and appends it to index.csv at once,
 * so an interrupted run keeps it; durable waits until it is on disk (for
 * rows that vouch for a page's bytes). */
void fetch_index_put(struct fetch_index *x, const struct fetch_entry *e,
    int durable);
/* The keys that start with prefix, sorted; the caller frees the array and
 * its strings. */
char **fetch_index_keys(struct fetch_index *x, const char *prefix,
    size_t *n);
void fetch_entry_free(struct fetch_entry *e);

/* Does dir/file exist (not following a last symbolic link)? */
int fetch_index_exists(struct fetch_index *x, const char *file);
/*
 * Saves data as url's page with extension ext: in the file its entry
 * names, or in a new name no other entry and no existing file holds.
 * Written to a temporary file and renamed into place, the entry first
 * recorded without validators so an interruption never leaves validators
 * for bytes not written. Sets *file (the caller's) and *changed (0 when
 * the file already held these bytes). 0, or -1 with *cause.
 */
int fetch_index_save(struct fetch_index *x, const char *url, const char *ext,
    const char *data, size_t len, char **file, int *changed,
    const char **cause);
const char *fetch_index_dir(const struct fetch_index *x);

/* "2024-05-01T12:00:00Z" for now, into buf (at least 21 bytes). */
void fetch_now_iso(char *buf, size_t n);
/* Seconds since the epoch of such a stamp, or -1. */
long long fetch_iso_time(const char *s);

#endif
