/*
 * run.c: carries out commands: loads the lexicons, reads postings in worker
 * threads (each input's results kept in its own slot, so output order never
 * depends on threads), and writes vocab, extract and terms output.
 */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "jdalign/buf.h"
#include "jdalign/diag.h"
#include "jdalign/lexicon.h"
#include "jdalign/load.h"
#include "jdalign/run.h"
#include "jdalign/util.h"
#include "run_int.h"

int
ctx_init(struct ctx *c, const struct jd_opts *o, FILE *out, FILE *err)
{
	memset(c, 0, sizeof *c);
	c->t0 = jd_util_now();
	c->o = o;
	c->out = out;
	c->err = err;
	c->d = jd_diag_new(err, o->quiet);
	c->lex = jd_lexicon_new();
	if (jd_lexicon_load_builtin(c->lex, c->d) < 0)
		return JD_EXIT_FATAL;
	for (size_t i = 0; i < o->nlexicons; i++)
		if (jd_lexicon_load_file(c->lex, o->lexicons[i], c->d) < 0)
			return JD_EXIT_USAGE;
	c->bg = jd_background_builtin();
	c->topts.bg = c->bg;
	c->topts.phrases = o->command == JD_CMD_TERMS ? JD_PHRASES_BACKGROUND :
	    JD_PHRASES_CORPUS;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	c->jobs = o->jobs ? o->jobs : cores > 0 ? (int)cores : 1;
	return 0;
}

void
ctx_free(struct ctx *c)
{
	jd_background_free(c->bg);
	jd_lexicon_free(c->lex);
	jd_diag_free(c->d);
}

/* The POSTING arguments, and the paths --files-from names. */
void
collect_inputs(struct ctx *c, char *const *args, size_t nargs,
    struct jd_inputs *in)
{
	const char *path = c->o->files_from, *cause;
	char *data, **list = NULL;
	size_t len, n = 0;

	jd_load_collect(args, nargs, in, c->d);
	if (path == NULL)
		return;
	if (jd_util_read_file(path, (size_t)1 << 30, &data, &len, &cause) < 0) {
		jd_diag_error(c->d, path, 0, JD_EXIT_INPUT, "%s", cause);
		return;
	}
	for (char *s = data, *nl; s && *s; s = nl ? nl + 1 : NULL) {
		nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		size_t l = strlen(s);
		if (l && s[l - 1] == '\r')
			s[--l] = '\0';
		if (l == 0)
			continue;
		list = xreallocarray(list, n + 1, sizeof *list);
		list[n++] = s;
	}
	jd_load_collect(list, n, in, c->d);
	free(list);
	free(data);
}

/* ------------------------------------------------------------ workers */

struct pool {
	struct ctx *c;
	const struct jd_inputs *in;
	struct item *items;
	int keep;
	size_t next;
	pthread_mutex_t lock;
	struct jd_vocab **vocabs;	/* one per worker (KEEP_NOTHING) */
	int nworkers;
	FILE *tty;		/* progress goes here; NULL: none */
	size_t done;
	double t0, shown;
	/* Items handed to drain in input order as soon as they are read, so
	 * what they hold is freed early and memory does not grow with the
	 * number of inputs: items and ready flags are then a ring of window
	 * slots, and a worker waits for room before it starts an input that
	 * far ahead of the drain. */
	drain_fn *drain;
	void *drain_arg;
	unsigned char *ready;
	size_t drained, window;
	pthread_mutex_t drain_lock;
	pthread_cond_t room;
};

/* Inputs in flight per worker when items are drained. */
#define WINDOW_PER_WORKER 64

static size_t
slot(const struct pool *pl, size_t i)
{
	return pl->window ? i % pl->window : i;
}

#define PROGRESS_EVERY 0.25	/* seconds between progress lines */

/* One progress line: files done / total, rate, ETA. Called locked. */
static void
progress(struct pool *pl, int last)
{
	double now = jd_util_now(), dt = now - pl->t0;

	if (pl->tty == NULL || (!last && now - pl->shown < PROGRESS_EVERY))
		return;
	pl->shown = now;
	if (last) {
		fputs("\r\033[K", pl->tty);
		fflush(pl->tty);
		return;
	}
	double rate = dt > 0 ? (double)pl->done / dt : 0;
	double eta = rate > 0 ? (double)(pl->in->n - pl->done) / rate : 0;
	fprintf(pl->tty, "\r\033[Kjdalign: %zu/%zu files, %.0f/s, ETA %.0fs",
	    pl->done, pl->in->n, rate, eta);
	fflush(pl->tty);
}

static struct jd_doc *
make_doc(struct ctx *c, const struct jd_posting *p, struct jd_hits *h,
    int keep_lines)
{
	struct jd_doc *doc = jd_vocab_doc_new();

	for (size_t s = 0; s < p->nsections; s++) {
		const struct jd_section *sec = &p->sections[s];
		const char *kind = jd_html_kind_name(sec->kind);
		for (size_t l = 0; l < sec->nlines; l++)
			jd_vocab_doc_line(doc, c->lex, &c->topts, h,
			    sec->lines[l], strlen(sec->lines[l]), kind,
			    keep_lines);
	}
	return doc;
}

double
parse_limit(size_t len)
{
	return PARSE_SECONDS + (double)len / PARSE_BYTES_PER_SECOND;
}

char *
read_input(struct ctx *c, const char *path, char **data, size_t *len,
    size_t *widest)
{
	const char *cause;
	struct jd_buf m = JD_BUF_INIT;
	char *why = NULL;

	if (jd_util_read_file(path, c->o->max_bytes, data, len, &cause) < 0) {
		if (strcmp(cause, "file too large") == 0)
			jd_buf_printf(&m, "file too large: over %zu bytes "
			    "(--max-bytes), not read", c->o->max_bytes);
		else
			jd_buf_adds(&m, cause);
		return jd_buf_take(&m);
	}
	if (jd_load_guard(path, *data, *len, widest, &why) < 0) {
		free(*data);
		*data = NULL;
		return why;
	}
	return NULL;
}

char *
parse_stopped(size_t len)
{
	struct jd_buf m = JD_BUF_INIT;

	jd_buf_printf(&m, "parse stopped after %.1f s: stray or misplaced tags "
	    "under deep nesting, which libxml2 reads in quadratic time",
	    parse_limit(len));
	return jd_buf_take(&m);
}

static void
read_one(struct pool *pl, size_t i, struct jd_vocab *v, struct jd_hits *h)
{
	struct ctx *c = pl->c;
	struct item *it = &pl->items[slot(pl, i)];
	char *data;
	size_t len, widest;

	it->path = pl->in->paths[i];
	if ((it->error = read_input(c, it->path, &data, &len, &widest)) !=
	    NULL)
		return;
	jd_util_deadline_start(parse_limit(len));
	jd_html_read_guarded(it->path, data, len, widest, &it->posts);
	if (jd_util_deadline_end()) {
		it->error = parse_stopped(len);
		jd_posting_list_free(&it->posts);
		return;
	}
	it->docs = xcalloc(it->posts.n + 1, sizeof *it->docs);
	for (size_t k = 0; k < it->posts.n; k++) {
		struct jd_posting *p = &it->posts.v[k];
		if (p->status != JD_POST_OK || pl->keep == KEEP_POSTS)
			continue;
		struct jd_doc *doc = make_doc(c, p, h, pl->keep == KEEP_DOCS);
		if (pl->keep == KEEP_DOCS) {
			it->docs[k] = doc;
			continue;
		}
		jd_vocab_add(v, doc);
		jd_vocab_doc_free(doc);
		jd_posting_drop_sections(p);
	}
}

struct worker {
	struct pool *pl;
	int id;
};

/* Frees what an item holds and empties it. */
static void
item_clear(struct item *it)
{
	for (size_t k = 0; it->docs && k < it->posts.n; k++)
		jd_vocab_doc_free(it->docs[k]);
	free(it->docs);
	jd_posting_list_free(&it->posts);
	free(it->error);
	memset(it, 0, sizeof *it);
}

/* Hands every read item whose predecessors are all drained to the drain
 * function, in input order; one thread at a time. */
static void
drain_ready(struct pool *pl, int wait)
{
	if (pl->drain == NULL)
		return;
	if (wait)
		pthread_mutex_lock(&pl->drain_lock);
	else if (pthread_mutex_trylock(&pl->drain_lock) != 0)
		return;
	for (;;) {
		pthread_mutex_lock(&pl->lock);
		size_t j = pl->drained;
		int go = j < pl->in->n && pl->ready[slot(pl, j)];
		pthread_mutex_unlock(&pl->lock);
		if (!go)
			break;
		struct item *it = &pl->items[slot(pl, j)];
		pl->drain(pl->c, it, pl->drain_arg);
		item_clear(it);
		pthread_mutex_lock(&pl->lock);
		pl->ready[slot(pl, j)] = 0;
		pl->drained++;
		pthread_cond_broadcast(&pl->room);
		pthread_mutex_unlock(&pl->lock);
	}
	pthread_mutex_unlock(&pl->drain_lock);
}

/* Waits until input i has a slot: the one window places back drained.
 * The waiter drains too, and wakes now and then, so an item left ready
 * by a worker that found the drain busy is never waited on for good. */
static void
wait_room(struct pool *pl, size_t i)
{
	pthread_mutex_lock(&pl->lock);
	while (i >= pl->drained + pl->window) {
		pthread_mutex_unlock(&pl->lock);
		drain_ready(pl, 1);
		pthread_mutex_lock(&pl->lock);
		if (i >= pl->drained + pl->window) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_nsec += 10 * 1000 * 1000;
			if (ts.tv_nsec >= 1000 * 1000 * 1000) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000 * 1000 * 1000;
			}
			pthread_cond_timedwait(&pl->room, &pl->lock, &ts);
		}
	}
	pthread_mutex_unlock(&pl->lock);
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct pool *pl = w->pl;
	struct jd_hits h = JD_HITS_INIT;

	for (;;) {
		pthread_mutex_lock(&pl->lock);
		size_t i = pl->next++;
		pthread_mutex_unlock(&pl->lock);
		if (i >= pl->in->n)
			break;
		if (pl->window)
			wait_room(pl, i);
		read_one(pl, i, pl->vocabs ? pl->vocabs[w->id] : NULL, &h);
		pthread_mutex_lock(&pl->lock);
		pl->done++;
		if (pl->ready)
			pl->ready[slot(pl, i)] = 1;
		progress(pl, 0);
		pthread_mutex_unlock(&pl->lock);
		drain_ready(pl, 0);
	}
	jd_hits_free(&h);
	return NULL;
}

struct item *
read_inputs(struct ctx *c, const struct jd_inputs *in, int keep,
    struct jd_vocab *v, drain_fn *drain, void *arg)
{
	struct pool pl = { .c = c, .in = in, .keep = keep, .drain = drain,
		.drain_arg = arg };
	int n = c->jobs < (int)in->n ? c->jobs : (int)in->n;
	pthread_t *tids;
	struct worker *ws;

	if (n < 1)
		n = 1;
	if (drain)
		pl.window = (size_t)n * WINDOW_PER_WORKER;
	pl.items = xcalloc((drain ? pl.window : in->n) + 1, sizeof *pl.items);
	pl.nworkers = n;
	pl.t0 = pl.shown = jd_util_now();
	if (!c->o->quiet && isatty(fileno(c->err)))
		pl.tty = c->err;
	pthread_mutex_init(&pl.lock, NULL);
	pthread_mutex_init(&pl.drain_lock, NULL);
	pthread_cond_init(&pl.room, NULL);
	if (drain)
		pl.ready = xcalloc(pl.window + 1, 1);
	if (keep == KEEP_NOTHING) {
		pl.vocabs = xcalloc((size_t)n, sizeof *pl.vocabs);
		for (int i = 0; i < n; i++)
			pl.vocabs[i] = jd_vocab_new_like(v);
	}
	tids = xcalloc((size_t)n, sizeof *tids);
	ws = xcalloc((size_t)n, sizeof *ws);
	for (int i = 0; i < n; i++) {
		ws[i].pl = &pl;
		ws[i].id = i;
	}
	for (int i = 1; i < n; i++)
		if (pthread_create(&tids[i], NULL, work, &ws[i]) != 0)
			tids[i] = 0;
	work(&ws[0]);
	for (int i = 1; i < n; i++)
		if (tids[i])
			pthread_join(tids[i], NULL);
	progress(&pl, 1);
	drain_ready(&pl, 1);
	free(pl.ready);
	pthread_cond_destroy(&pl.room);
	pthread_mutex_destroy(&pl.drain_lock);
	for (int i = 0; pl.vocabs && i < n; i++)
		jd_vocab_merge_free(v, pl.vocabs[i]);
	free(pl.vocabs);
	free(tids);
	free(ws);
	pthread_mutex_destroy(&pl.lock);
	if (drain) {	/* every item was drained and cleared */
		free(pl.items);
		return NULL;
	}
	return pl.items;
}

void
report_item(struct ctx *c, const struct item *it)
{
	if (it->error) {
		jd_diag_error(c->d, it->path, 0, JD_EXIT_INPUT, "%s", it->error);
		return;
	}
	for (size_t k = 0; k < it->posts.n; k++) {
		const struct jd_posting *p = &it->posts.v[k];
		for (size_t w = 0; w < p->nwarnings; w++)
			jd_diag_warn(c->d, p->id, 0, "%s", p->warnings[w]);
		if (p->status == JD_POST_ERROR)
			jd_diag_error(c->d, p->id, 0, JD_EXIT_INPUT,
			    "not readable");
		else if (p->status != JD_POST_OK)
			jd_diag_warn(c->d, p->id, 0,
			    "not a posting (%s): left out",
			    jd_html_status_name(p->status));
	}
}

void
report_items(struct ctx *c, struct item *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		report_item(c, &items[i]);
}

/* Counts an item's postings and reports it (the pool then frees it). */
static void
drain_counting(struct ctx *c, struct item *it, void *arg)
{
	size_t *ok = arg;

	report_item(c, it);
	for (size_t k = 0; k < it->posts.n; k++)
		*ok += it->posts.v[k].status == JD_POST_OK;
}

void
free_items(struct item *items, size_t n)
{
	for (size_t i = 0; items && i < n; i++)
		item_clear(&items[i]);
	free(items);
}

/* ------------------------------------------------------------ output */

struct jd_report_opts
report_opts(const struct ctx *c)
{
	struct jd_report_opts r = {
		c->o->format < 0 ? JD_FMT_CSV : c->o->format, c->o->bom,
		c->o->crlf
	};
	return r;
}

/* Where table name goes: DIR/NAME.EXT, -o FILE, or "" for stdout. */
static void
table_path(const struct ctx *c, const char *name, struct jd_buf *path)
{
	struct jd_report_opts ro = report_opts(c);

	if (c->o->out_dir)
		jd_buf_printf(path, "%s/%s.%s", c->o->out_dir, name,
		    jd_report_ext(ro.format));
	else if (c->o->output)
		jd_buf_adds(path, c->o->output);
}

struct jd_table *
open_table(struct ctx *c, const char *name, const char *const *cols,
    size_t ncols)
{
	struct jd_report_opts ro = report_opts(c);
	struct jd_buf path = JD_BUF_INIT;
	const char *cause = NULL;
	struct jd_table *t;

	table_path(c, name, &path);
	t = jd_report_open(path.len ? path.data : NULL, c->out, &ro, cols,
	    ncols, &cause);
	if (t == NULL)
		jd_diag_error(c->d, path.data, 0, JD_EXIT_FATAL,
		    "cannot write: %s", cause);
	jd_buf_free(&path);
	return t;
}

void
close_table(struct ctx *c, struct jd_table *t, const char *name)
{
	const char *cause = NULL;
	struct jd_buf path = JD_BUF_INIT;

	if (t && jd_report_close(t, &cause) < 0) {
		table_path(c, name, &path);
		if (path.len)
			jd_diag_error(c->d, path.data, 0, JD_EXIT_FATAL,
			    "not written (%s): any earlier file of that name "
			    "is left as it was", cause);
		else
			jd_diag_msg(c->d, JD_EXIT_FATAL, "cannot write "
			    "standard output: %s", cause);
	}
	jd_buf_free(&path);
}

/* ------------------------------------------------------------ vocab */

static const char *const vocab_cols[] = {
	"term", "kind", "category", "postings", "share", "required_postings",
	"required_share", "specificity", "variants", "example"
};

void
write_text(struct ctx *c, const struct jd_buf *b)
{
	const char *cause;

	if (c->o->output) {
		if (jd_report_write_file(c->o->output, jd_buf_str(b), b->len,
		    &cause) < 0)
			jd_diag_error(c->d, c->o->output, 0, JD_EXIT_FATAL,
			    "not written: %s", cause);
	} else if (fwrite(jd_buf_str(b), 1, b->len, c->out) != b->len)
		jd_diag_msg(c->d, JD_EXIT_FATAL, "cannot write standard output");
}

void
write_term_counts(struct jd_table *t, const struct jd_vterm *r, double docs)
{
	jd_report_text(t, r->name);
	jd_report_text(t, r->kind);
	jd_report_text(t, r->category);
	jd_report_int(t, r->postings);
	jd_report_real(t, docs ? 100.0 * (double)r->postings / docs : 0, 1);
	jd_report_int(t, r->required_postings);
	jd_report_real(t, docs ? 100.0 * (double)r->required_postings / docs :
	    0, 1);
	jd_report_real(t, r->specificity, 3);
}

void
json_line(struct jd_buf *b, json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);

	if (s)
		jd_buf_adds(b, s);
	jd_buf_addc(b, '\n');
	free(s);
	json_decref(o);
}

void
write_vocab(struct ctx *c, struct jd_vocab *v)
{
	size_t n = jd_vocab_sort(v);
	double docs = (double)jd_vocab_postings(v);
	struct jd_table *t = open_table(c, "vocab", vocab_cols, 10);

	for (size_t i = 0; t && i < n; i++) {
		struct jd_vterm r;
		jd_vocab_row(v, i, &r);
		write_term_counts(t, &r, docs);
		jd_report_text(t, r.variants);
		jd_report_text(t, r.example);
		jd_report_end_row(t);
	}
	close_table(c, t, "vocab");
}

static int
run_vocab(struct ctx *c)
{
	struct jd_inputs in = { 0 };
	struct jd_vocab *v = jd_vocab_new(c->bg);
	struct item *items;
	size_t ok = 0;

	if (c->o->partial)
		jd_vocab_keep_contexts(v);

	collect_inputs(c, c->o->args, c->o->nargs, &in);
	items = read_inputs(c, &in, KEEP_NOTHING, v, drain_counting, &ok);
	if (ok == 0)
		jd_diag_msg(c->d, JD_EXIT_FATAL, "no usable posting");
	if (c->o->partial)
		write_partial(c, v);
	else
		write_vocab(c, v);
	free_items(items, in.n);
	jd_inputs_free(&in);
	jd_vocab_free(v);
	return 0;
}

/* ------------------------------------------------------------ extract */

static void
extract_text(struct jd_buf *b, const struct jd_posting *p)
{
	jd_buf_printf(b, "== %s\nstatus: %s\nsource: %s\n", p->id,
	    jd_html_status_name(p->status), p->source);
	jd_buf_printf(b, "title: %s\ncompany: %s\nlocation: %s\n",
	    p->title ? p->title : "", p->company ? p->company : "",
	    p->location ? p->location : "");
	for (size_t w = 0; w < p->nwarnings; w++)
		jd_buf_printf(b, "warning: %s\n", p->warnings[w]);
	for (size_t s = 0; s < p->nsections; s++) {
		const struct jd_section *sec = &p->sections[s];
		jd_buf_printf(b, "\n## %s [%s]\n", sec->heading[0] ?
		    sec->heading : "(no heading)", jd_html_kind_name(sec->kind));
		for (size_t l = 0; l < sec->nlines; l++)
			jd_buf_printf(b, "- %s\n", sec->lines[l]);
	}
	jd_buf_addc(b, '\n');
}

static json_t *
jstr(const char *s)
{
	json_t *j = json_string(s ? s : "");
	return j ? j : json_string("");
}

static void
extract_json(struct jd_buf *b, const struct jd_posting *p)
{
	json_t *o = json_object(), *secs = json_array(), *warns = json_array();

	json_object_set_new(o, "id", jstr(p->id));
	json_object_set_new(o, "path", jstr(p->path));
	json_object_set_new(o, "status", jstr(jd_html_status_name(p->status)));
	json_object_set_new(o, "source", jstr(p->source));
	json_object_set_new(o, "title", jstr(p->title));
	json_object_set_new(o, "company", jstr(p->company));
	json_object_set_new(o, "location", jstr(p->location));
	for (size_t s = 0; s < p->nsections; s++) {
		const struct jd_section *sec = &p->sections[s];
		json_t *js = json_object(), *lines = json_array();
		json_object_set_new(js, "heading", jstr(sec->heading));
		json_object_set_new(js, "kind", jstr(jd_html_kind_name(sec->kind)));
		for (size_t l = 0; l < sec->nlines; l++)
			json_array_append_new(lines, jstr(sec->lines[l]));
		json_object_set_new(js, "lines", lines);
		json_array_append_new(secs, js);
	}
	json_object_set_new(o, "sections", secs);
	for (size_t w = 0; w < p->nwarnings; w++)
		json_array_append_new(warns, jstr(p->warnings[w]));
	json_object_set_new(o, "warnings", warns);
	json_line(b, o);
}

struct extract_out {
	struct jd_table *t;
	struct jd_buf b;
	size_t postings;
};

/* Prints an item's postings as soon as it is its turn (the pool then
 * frees them). */
static void
drain_extract(struct ctx *c, struct item *it, void *arg)
{
	struct extract_out *x = arg;

	report_item(c, it);
	for (size_t k = 0; k < it->posts.n; k++) {
		jd_buf_reset(&x->b);
		if (c->o->format == JD_FMT_JSONL)
			extract_json(&x->b, &it->posts.v[k]);
		else
			extract_text(&x->b, &it->posts.v[k]);
		if (x->t)
			jd_report_raw(x->t, x->b.data, x->b.len);
		x->postings++;
	}
}

static int
run_extract(struct ctx *c)
{
	static const char *const none[] = { NULL };
	struct jd_inputs in = { 0 };
	struct extract_out x = { .b = JD_BUF_INIT };

	collect_inputs(c, c->o->args, c->o->nargs, &in);
	x.t = open_table(c, "extract", none, 0);
	free_items(read_inputs(c, &in, KEEP_POSTS, NULL, drain_extract, &x),
	    in.n);
	if (x.postings == 0)
		jd_diag_msg(c->d, JD_EXIT_FATAL, "no usable input");
	close_table(c, x.t, c->o->output ? c->o->output : "standard output");
	jd_buf_free(&x.b);
	jd_inputs_free(&in);
	return 0;
}

/* ------------------------------------------------------------ terms */

static const char *const terms_cols[] = {
	"line", "term", "surface", "start", "end", "kind", "source"
};

static void
terms_json(struct ctx *c, struct jd_buf *b, long lineno, const char *s,
    size_t n, const struct jd_hits *h)
{
	json_t *o = json_object(), *arr = json_array();

	json_object_set_new(o, "line", json_integer(lineno));
	json_t *text = json_stringn(s, n);
	json_object_set_new(o, "text", text ? text : json_string(""));
	for (size_t i = 0; i < h->n; i++) {
		size_t nl;
		const char *name = jd_terms_name(c->lex, h, i, &nl);
		const struct jd_lexterm *lt = jd_lexicon_term(c->lex,
		    h->v[i].term);
		json_t *t = json_object();
		json_object_set_new(t, "term", json_stringn(name, nl));
		json_object_set_new(t, "surface", json_stringn(s + h->v[i].start,
		    h->v[i].end - h->v[i].start));
		json_object_set_new(t, "start", json_integer(h->v[i].start));
		json_object_set_new(t, "end", json_integer(h->v[i].end));
		json_object_set_new(t, "kind", json_string(lt ? lt->kind :
		    "phrase"));
		json_object_set_new(t, "source", json_string(lt ? "lexicon" :
		    "phrase"));
		json_array_append_new(arr, t);
	}
	json_object_set_new(o, "terms", arr);
	json_line(b, o);
}

static void
terms_rows(struct ctx *c, struct jd_table *t, long lineno, const char *s,
    const struct jd_hits *h)
{
	for (size_t i = 0; i < h->n; i++) {
		size_t nl;
		const char *name = jd_terms_name(c->lex, h, i, &nl);
		const struct jd_lexterm *lt = jd_lexicon_term(c->lex,
		    h->v[i].term);
		char *nm = xstrndup(name, nl);
		char *surf = xstrndup(s + h->v[i].start,
		    h->v[i].end - h->v[i].start);
		jd_report_int(t, (unsigned long)lineno);
		jd_report_text(t, nm);
		jd_report_text(t, surf);
		jd_report_int(t, h->v[i].start);
		jd_report_int(t, h->v[i].end);
		jd_report_text(t, lt ? lt->kind : "phrase");
		jd_report_text(t, lt ? "lexicon" : "phrase");
		jd_report_end_row(t);
		free(nm);
		free(surf);
	}
}

static int
run_terms(struct ctx *c)
{
	const char *path = c->o->nargs ? c->o->args[0] : "-";
	const char *cause;
	char *data;
	size_t len;
	struct jd_hits h = JD_HITS_INIT;
	struct jd_buf b = JD_BUF_INIT, utf8 = JD_BUF_INIT;
	struct jd_table *t = NULL;
	int jsonl = c->o->format == JD_FMT_JSONL;

	if (jd_util_read_file(path, c->o->max_bytes, &data, &len, &cause) < 0) {
		jd_diag_error(c->d, path, 0, JD_EXIT_FATAL, "%s", cause);
		return 0;
	}
	if (strcmp(jd_util_to_utf8(data, len, "utf-8", &utf8), "utf-8") != 0)
		jd_diag_warn(c->d, path, 0, "not UTF-8: read as converted");
	free(data);
	if (!jsonl && (t = open_table(c, "terms", terms_cols, 7)) == NULL)
		goto done;
	const char *s = jd_buf_str(&utf8), *end = s + utf8.len;
	for (long lineno = 1; s < end; lineno++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end, *next = e + 1;
		if (e > s && e[-1] == '\r')
			e--;	/* CRLF ends a line too */
		jd_terms_find(c->lex, &c->topts, s, (size_t)(e - s), &h);
		if (jsonl)
			terms_json(c, &b, lineno, s, (size_t)(e - s), &h);
		else
			terms_rows(c, t, lineno, s, &h);
		s = next;
	}
	if (jsonl)
		write_text(c, &b);
	else
		close_table(c, t, "terms");
done:
	jd_hits_free(&h);
	jd_buf_free(&b);
	jd_buf_free(&utf8);
	return 0;
}

int
jd_run(const struct jd_opts *o, FILE *out, FILE *err)
{
	struct ctx c;
	int rc;

	if (o->command == JD_CMD_FETCH)
		return run_fetch(o, out, err);
	rc = ctx_init(&c, o, out, err);

	if (rc == 0) {
		switch (o->command) {
		case JD_CMD_ALIGN:
			rc = o->compare ? run_compare(&c) : run_align(&c);
			break;
		case JD_CMD_VOCAB:
			rc = run_vocab(&c);
			break;
		case JD_CMD_EXTRACT:
			rc = run_extract(&c);
			break;
		case JD_CMD_TERMS:
			rc = run_terms(&c);
			break;
		case JD_CMD_MERGE:
			rc = run_merge(&c);
			break;
		case JD_CMD_LINT:
			rc = run_lint(&c);
			break;
		}
	}
	if (jd_diag_status(c.d) > rc)
		rc = jd_diag_status(c.d);
	ctx_free(&c);
	return rc;
}
