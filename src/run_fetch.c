/*
 * run_fetch.c: carries out jdalign fetch: gathers the targets from the
 * arguments and -i FILE, turns the options into fetch's own, and runs it.
 * Knows nothing of HTTP.
 */
#include <string.h>

#include "jdalign/buf.h"
#include "jdalign/cli.h"
#include "jdalign/diag.h"
#include "jdalign/fetch.h"
#include "jdalign/util.h"
#include "run_int.h"

#define LIST_MAX ((size_t)64 << 20)

struct targets {
	char **v;
	size_t n, cap;
};

static void
add(struct targets *t, const char *s, size_t n)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	t->v[t->n++] = xstrndup(s, n);
}

/* One target a line; blank lines and lines starting with '#' skipped. */
static int
read_list(const char *path, struct targets *t, struct jd_diag *d)
{
	const char *cause;
	char *data;
	size_t len;

	if (jd_util_read_file(path, LIST_MAX, &data, &len, &cause) < 0) {
		jd_diag_error(d, path, 0, JD_EXIT_FATAL, "%s", cause);
		return -1;
	}
	for (const char *s = data, *end = data + len; s < end;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end, *b = s;
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\r'))
			e--;
		if (e > b && *b != '#')
			add(t, b, (size_t)(e - b));
		s = nl ? nl + 1 : end;
	}
	free(data);
	return 0;
}

static long
ms(double seconds, long dflt)
{
	return seconds < 0 ? dflt : (long)(seconds * 1000 + 0.5);
}

static void
options(const struct jd_opts *o, struct jd_fetch_opts *f)
{
	jd_fetch_opts_init(f);
	if (o->dir)
		f->dir = o->dir;
	f->api_base = o->api_base;
	f->user_agent = "jdalign/" JD_VERSION;
	f->delay_ms = ms(o->delay, f->delay_ms);
	f->timeout_ms = ms(o->timeout, f->timeout_ms);
	f->connect_timeout_ms = ms(o->connect_timeout, f->connect_timeout_ms);
	f->max_wait_ms = ms(o->max_wait, f->max_wait_ms);
	f->max_age_s = o->max_age < 0 ? 0 : (long)o->max_age;
	f->max_bytes = o->max_bytes;
	if (o->retries >= 0)
		f->retries = (int)o->retries;
	if (o->jobs)
		f->jobs = o->jobs;
}

int
run_fetch(const struct jd_opts *o, FILE *out, FILE *err)
{
	struct jd_diag *d = jd_diag_new(err, o->quiet);
	struct targets t = { 0 };
	struct jd_fetch_opts f;
	int rc;

	for (size_t i = 0; i < o->nargs; i++)
		add(&t, o->args[i], strlen(o->args[i]));
	options(o, &f);
	if (o->input_list == NULL || read_list(o->input_list, &t, d) == 0) {
		if (t.n == 0)
			jd_diag_msg(d, JD_EXIT_FATAL, "nothing to fetch");
		else
			jd_fetch_run(&f, t.v, t.n, out, d);
	}
	rc = jd_diag_status(d);
	for (size_t i = 0; i < t.n; i++)
		free(t.v[i]);
	free(t.v);
	jd_diag_free(d);
	return rc;
}
