/*
 * run_merge.c: vocabulary tables that shards of a corpus write
 * (vocab --partial) and the merge command that combines them. A partial
 * table is JSON Lines: a header with the format, the lexicon digest and the
 * number of postings, then one object per term with its counts, spellings
 * and smallest example line. Merging adds counts and keeps the smallest
 * spellings and example, so the order of shards never matters and
 * merge(partial(A), partial(B)) equals vocab(A ∪ B).
 */
#include <string.h>

#include <jansson.h>

#include "jdalign/buf.h"
#include "jdalign/diag.h"
#include "jdalign/lexicon.h"
#include "jdalign/util.h"
#include "run_int.h"

#define PARTIAL_FORMAT 1
#define MAX_PARTIAL ((size_t)1 << 31)

static void
digest(const struct ctx *c, char *out, size_t n)
{
	snprintf(out, n, "%016llx",
	    (unsigned long long)jd_lexicon_digest(c->lex));
}

void
write_partial(struct ctx *c, struct jd_vocab *v)
{
	struct jd_buf b = JD_BUF_INIT;
	size_t n = jd_vocab_sort_all(v);
	char dg[32];
	json_t *h = json_object();

	digest(c, dg, sizeof dg);
	json_object_set_new(h, "jdalign_partial", json_integer(PARTIAL_FORMAT));
	json_object_set_new(h, "lexicon_digest", json_string(dg));
	json_object_set_new(h, "postings",
	    json_integer((json_int_t)jd_vocab_postings(v)));
	json_line(&b, h);
	for (size_t i = 0; i < n; i++) {
		struct jd_vterm r;
		json_t *o = json_object(), *vars = json_array();
		jd_vocab_row(v, i, &r);
		json_object_set_new(o, "term", json_string(r.name));
		json_object_set_new(o, "lexical", json_boolean(r.lexical));
		json_object_set_new(o, "postings", json_integer((json_int_t)r.postings));
		json_object_set_new(o, "required_postings",
		    json_integer((json_int_t)r.required_postings));
		for (size_t k = 0; k < r.nvariants; k++)
			json_array_append_new(vars, json_string(r.variant_list[k]));
		json_object_set_new(o, "variants", vars);
		json_object_set_new(o, "example", json_string(r.example));
		if (r.ncontexts) {
			json_t *cx = json_array();
			for (size_t k = 0; k < r.ncontexts; k++) {
				char hex[24];
				snprintf(hex, sizeof hex, "%016llx",
				    (unsigned long long)r.contexts[k]);
				json_array_append_new(cx, json_string(hex));
			}
			json_object_set_new(o, "contexts", cx);
		}
		json_line(&b, o);
	}
	write_text(c, &b);
	jd_buf_free(&b);
}

/* Adds one term object; kind and category come from the lexicon. */
static int
merge_row(struct ctx *c, struct jd_vocab *v, json_t *o)
{
	struct jd_vterm r = { 0 };
	json_t *vars = json_object_get(o, "variants"), *e;
	const char *vs[64];
	size_t i;

	r.name = json_string_value(json_object_get(o, "term"));
	r.example = json_string_value(json_object_get(o, "example"));
	if (r.name == NULL || r.example == NULL || !json_is_array(vars) ||
	    !json_is_integer(json_object_get(o, "postings")))
		return -1;
	r.lexical = json_is_true(json_object_get(o, "lexical"));
	r.postings = (unsigned long)json_integer_value(json_object_get(o,
	    "postings"));
	r.required_postings = (unsigned long)json_integer_value(
	    json_object_get(o, "required_postings"));
	const struct jd_lexterm *lt = r.lexical ? jd_lexicon_term(c->lex,
	    jd_lexicon_find(c->lex, r.name)) : NULL;
	if (r.lexical && lt == NULL)
		return -1;
	r.kind = lt ? lt->kind : "phrase";
	r.category = lt ? lt->category : "";
	json_array_foreach(vars, i, e) {
		if (!json_is_string(e) || r.nvariants == 64)
			break;
		vs[r.nvariants++] = json_string_value(e);
	}
	r.variant_list = (char *const *)vs;
	uint64_t cx[8];
	json_array_foreach(json_object_get(o, "contexts"), i, e) {
		const char *h = json_string_value(e);
		if (h == NULL || r.ncontexts == 8)
			break;
		cx[r.ncontexts++] = strtoull(h, NULL, 16);
	}
	r.contexts = cx;
	jd_vocab_add_row(v, &r);
	return 0;
}

/* Reads one partial table into v; 0 or -1 (reported). */
static int
merge_file(struct ctx *c, struct jd_vocab *v, const char *path)
{
	const char *cause;
	char *data, dg[32];
	size_t len;
	long lineno = 0;
	int rc = 0;

	if (jd_util_read_file(path, MAX_PARTIAL, &data, &len, &cause) < 0) {
		jd_diag_error(c->d, path, 0, JD_EXIT_INPUT, "%s", cause);
		return -1;
	}
	digest(c, dg, sizeof dg);
	for (char *s = data, *nl; s && *s && rc == 0; s = nl ? nl + 1 : NULL) {
		nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		json_t *o = json_loadb(s, n, 0, NULL);
		lineno++;
		json_t *f = o ? json_object_get(o, "jdalign_partial") : NULL;
		if (o == NULL || (lineno == 1 && f == NULL))
			rc = -1;
		else if (f) {
			/* a header: concatenated tables (a reducer's input) */
			const char *d = json_string_value(json_object_get(o,
			    "lexicon_digest"));
			if (json_integer_value(f) != PARTIAL_FORMAT)
				rc = -1;
			else {
				jd_vocab_add_postings(v, (unsigned long)
				    json_integer_value(json_object_get(o,
				    "postings")));
				if (d == NULL || strcmp(d, dg) != 0)
					jd_diag_warn(c->d, path, lineno, "made with "
					    "another lexicon (give the same "
					    "--lexicon files)");
			}
		} else if (merge_row(c, v, o) < 0)
			rc = -1;
		json_decref(o);
	}
	if (rc < 0)
		jd_diag_error(c->d, path, lineno, JD_EXIT_INPUT,
		    "not a jdalign partial table");
	free(data);
	return rc;
}

int
run_merge(struct ctx *c)
{
	struct jd_vocab *v = jd_vocab_new(c->bg);
	size_t ok = 0;

	for (size_t i = 0; i < c->o->nargs; i++)
		ok += merge_file(c, v, c->o->args[i]) == 0;
	if (ok == 0)
		jd_diag_msg(c->d, JD_EXIT_FATAL, "no usable partial table");
	else
		write_vocab(c, v);
	jd_vocab_free(v);
	return 0;
}
