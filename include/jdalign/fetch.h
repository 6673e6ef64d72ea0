/*
 * fetch.h: saves postings from the web into a folder, politely and safely:
 * pages named by URL, and the open jobs of public job boards (Greenhouse,
 * Lever, Ashby) written as HTML pages with a JSON-LD JobPosting. Keeps
 * DIR/index.csv so the next run asks only for what changed. The only
 * module that speaks HTTP; it knows nothing of what a posting means.
 * Ownership: arguments are borrowed; what _new, _parse and the functions
 * returning char * give back belongs to the caller.
 */
#ifndef JDALIGN_FETCH_H
#define JDALIGN_FETCH_H

#include <stddef.h>
#include <stdio.h>

struct jd_diag;

struct jd_fetch_opts {
	const char *dir;		/* where pages and index.csv go */
	const char *api_base;		/* replaces boards' scheme and host */
	const char *user_agent;		/* "jdalign/VERSION" */
	long delay_ms;			/* between requests to one host */
	long connect_timeout_ms;
	long timeout_ms;		/* a whole request */
	size_t max_bytes;		/* the largest body accepted */
	int retries;			/* on 429 and 503 */
	long max_wait_ms;		/* the longest Retry-After honoured */
	long max_age_s;			/* fetched this recently: skipped */
	int jobs;			/* hosts fetched at once */
};

#define JD_FETCH_DELAY_MS 1000L
#define JD_FETCH_MAX_BYTES ((size_t)10 << 20)

/* The defaults: folder ".", delay 1 s, connect 10 s, total 60 s, 10 MiB,
 * 3 retries, Retry-After up to 120 s, always revalidate, 4 hosts at once,
 * user agent "jdalign". */
void jd_fetch_opts_init(struct jd_fetch_opts *o);

/*
 * Fetches each target (an http or https URL, or greenhouse:BOARD,
 * lever:COMPANY, ashby:ORG) into o->dir, creating it when needed. Prints
 * the path of every page written to out, in target order, and reports
 * through d: a target that fails is an error with status 3 and the rest go
 * on. Returns 0, or -1 when no target could be fetched or the folder and
 * its index could not be used (then the status is 4).
 */
int jd_fetch_run(const struct jd_fetch_opts *o, char *const *targets,
    size_t ntargets, FILE *out, struct jd_diag *d);

/* ---------------------------------------------------------- robots.txt */

struct jd_robots;

/*
 * Parses robots.txt (RFC 9309) for the crawler named agent: its own groups
 * if any name it, else the "*" groups. Never fails; bad lines are skipped.
 */
struct jd_robots *jd_fetch_robots_parse(const char *text, size_t len,
    const char *agent);
/* May agent fetch path (path and query, from "/")? The longest matching
 * rule wins, Allow on a tie; no rule: allowed. NULL r allows everything. */
int jd_fetch_robots_allowed(const struct jd_robots *r, const char *path);
/* The Crawl-delay of the chosen groups in milliseconds, or -1. */
long jd_fetch_robots_delay_ms(const struct jd_robots *r);
void jd_fetch_robots_free(struct jd_robots *r);

/* ---------------------------------------------------------- names */

/*
 * The file name for a page: the URL or board key reduced to letters,
 * digits, '-', '_' and '.', at most 100 bytes, then '-', eight hex digits
 * of the key's hash, and ext (".html"). Never empty, never starts with a
 * dot, never holds a '/'.
 */
char *jd_fetch_file_name(const char *key, const char *ext);
/* Is name one jdalign fetch could have written (a plain file name in DIR
 * with a posting extension)? Names read back from index.csv must be. */
int jd_fetch_safe_name(const char *name);
/* The URL as it may be shown and recorded: no user name or password, no
 * fragment, the values of token-like query parameters replaced by "***".
 * NULL when url is not an http or https URL. */
char *jd_fetch_redact(const char *url);

/* ---------------------------------------------------------- job boards */

enum jd_board { JD_BOARD_GREENHOUSE, JD_BOARD_LEVER, JD_BOARD_ASHBY };

struct jd_board_page {
	char *key;	/* "greenhouse:BOARD/ID" */
	char *html;	/* the page: description and JSON-LD JobPosting */
};

struct jd_board_pages {
	struct jd_board_page *v;
	size_t n, cap;
};

/*
 * Turns a board API response (the documented public JSON) into one page a
 * job. token is the BOARD, COMPANY or ORG. Returns 0, or -1 with *cause
 * set to a static message when the JSON is not a board response; jobs with
 * no id are skipped.
 */
int jd_fetch_board_pages(int board, const char *token, const char *json,
    size_t len, struct jd_board_pages *out, const char **cause);
void jd_fetch_board_pages_free(struct jd_board_pages *p);
/* "greenhouse", "lever", "ashby"; -1 from jd_fetch_board_kind when the
 * target names no board ("lever:x" -> JD_BOARD_LEVER, *token "x"). */
const char *jd_fetch_board_name(int board);
int jd_fetch_board_kind(const char *target, const char **token);

#endif
