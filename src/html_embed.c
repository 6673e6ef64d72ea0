/*
 * html_embed.c: descriptions kept in a page's embedded application data
 * (Next.js __NEXT_DATA__, window.__appData = {...}, JSON.parse("..."),
 * JSON in data-* attributes), found generically: the largest
 * description-like value anywhere in the JSON, an HTML string or a
 * rich-text tree (Contentful, ProseMirror, Portable Text, Slate), rendered
 * into sections. Siblings of that value give the title, company and
 * location.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "html_dom.h"
#include "jdalign/util.h"

#define MIN_TEXT 200
#define MAX_DEPTH 48
#define MAX_TRIES 32

struct best {
	json_t *root;		/* the parsed script that holds node */
	json_t *node;		/* a string or a rich-text tree */
	json_t *owner;		/* the object holding node */
	size_t score;
	int rich;
};

/* The best description outside lists and inside them (an array of three
 * or more objects: other jobs, page sections), and how many list items
 * with a description are named like a job. */
struct cand {
	struct best free, listed;
	size_t job_items;
};

/* ------------------------------------------------------------ judging */

static int
desc_key(const char *k)
{
	static const char *const words[] = {
		"description", "content", "body", "html", "text", "summary",
		"details", "about", "overview", "requirements",
		"responsibilities", "qualifications", "article", NULL
	};
	for (const char *const *w = words; k && *w; w++)
		if (strcasestr(k, *w))
			return 1;
	return 0;
}

static int
block_markup(const char *s)
{
	static const char *const tags[] = {
		"<p", "<li", "<br", "<div", "<ul", "<h2", "<h3", "<h4",
		"&lt;p", "&lt;li", "&lt;br", "&lt;div", "&lt;ul", NULL
	};
	for (const char *const *t = tags; *t; t++)
		if (strcasestr(s, *t))
			return 1;
	return 0;
}

/* Characters outside tags: about what a reader would see. */
static size_t
visible_len(const char *s, size_t n)
{
	size_t k = 0;
	int in_tag = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '<')
			in_tag = 1;
		else if (s[i] == '>')
			in_tag = 0;
		else if (!in_tag)
			k++;
	}
	return k;
}

/* Prose, not code, CSS or an identifier list. */
static int
prose(const char *s, size_t n)
{
	size_t spaces = 0, braces = 0, stops = 0;

	for (size_t i = 0; i < n; i++) {
		spaces += s[i] == ' ';
		braces += s[i] == '{' || s[i] == '}' || s[i] == ';';
		stops += (s[i] == '.' || s[i] == ':') && i + 1 < n &&
		    s[i + 1] == ' ';
	}
	return spaces * 12 >= n && braces * 50 < n && stops >= 2;
}

static size_t
string_score(const char *key, json_t *v)
{
	const char *s = json_string_value(v);
	size_t n = json_string_length(v), vis;

	if (n < MIN_TEXT)
		return 0;
	if (block_markup(s) && (desc_key(key) || n >= 1000)) {
		vis = visible_len(s, n);
		return vis >= MIN_TEXT && strstr(s, "function(") == NULL ?
		    vis : 0;
	}
	return desc_key(key) && prose(s, n) ? n : 0;
}

static const char *
type_of(json_t *o)
{
	static const char *const keys[] = { "nodeType", "type", "_type", NULL };

	for (const char *const *k = keys; *k; k++) {
		json_t *t = json_object_get(o, *k);
		if (json_is_string(t))
			return json_string_value(t);
	}
	return NULL;
}

static json_t *
children_of(json_t *o)
{
	json_t *c = json_object_get(o, "content");

	if (!json_is_array(c))
		c = json_object_get(o, "children");
	return json_is_array(c) ? c : NULL;
}

/* A node of a rich-text tree: typed, with typed children. */
static int
rich_node(json_t *o)
{
	json_t *c = children_of(o);

	return json_is_object(o) && type_of(o) && c &&
	    json_is_object(json_array_get(c, 0));
}

static size_t
rich_size(json_t *v, int depth)
{
	size_t n = 0, i;
	json_t *e, *t;

	if (depth > MAX_DEPTH)
		return 0;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			n += rich_size(e, depth + 1);
		return n;
	}
	if (!json_is_object(v))
		return 0;
	if (json_is_string(t = json_object_get(v, "value")) ||
	    json_is_string(t = json_object_get(v, "text")))
		n += json_string_length(t);
	if (children_of(v))
		n += rich_size(children_of(v), depth + 1);
	return n;
}

/* An array of Portable Text blocks. */
static int
rich_array(json_t *a)
{
	json_t *e = json_array_get(a, 0);
	const char *t = json_is_object(e) ? type_of(e) : NULL;

	return t && strcmp(t, "block") == 0 && children_of(e);
}

static const char *field(json_t *o, const char *const *keys);
static const char *const title_keys[] = {
	"title", "jobTitle", "name", "position", NULL
};

static void
consider(struct cand *c, json_t *root, json_t *node, json_t *owner,
    size_t score, int rich, int in_list)
{
	struct best *b = in_list ? &c->listed : &c->free;
	const char *t;

	if (score < MIN_TEXT)
		return;
	if (in_list && (t = field(owner, title_keys)) != NULL &&
	    hb_job_title_like(t, strlen(t)))
		c->job_items++;
	if (score <= b->score)
		return;
	json_incref(root);
	json_decref(b->root);
	b->root = root;
	b->node = node;
	b->owner = owner;
	b->score = score;
	b->rich = rich;
}

/* An array of three or more objects: a list of things of one kind. */
static int
object_list(json_t *a)
{
	size_t i, k = 0;
	json_t *e;

	json_array_foreach(a, i, e)
		if (json_is_object(e) && ++k >= 3)
			return 1;
	return 0;
}

static void
search(struct cand *c, json_t *root, json_t *v, json_t *owner,
    const char *key, int depth, int in_list)
{
	const char *k;
	json_t *e;
	size_t i;

	if (depth > MAX_DEPTH)
		return;
	if (json_is_string(v)) {
		consider(c, root, v, owner, string_score(key, v), 0, in_list);
	} else if (json_is_object(v)) {
		if (rich_node(v) && desc_key(key)) {
			consider(c, root, v, owner, rich_size(v, 0), 1,
			    in_list);
			return;
		}
		json_object_foreach(v, k, e)
			search(c, root, e, v, k, depth + 1, in_list);
	} else if (json_is_array(v)) {
		if (rich_array(v) && desc_key(key)) {
			consider(c, root, v, owner, rich_size(v, 0), 1,
			    in_list);
			return;
		}
		int list = in_list || object_list(v);
		json_array_foreach(v, i, e)
			search(c, root, e, owner, key, depth + 1, list);
	}
}

/* ------------------------------------------------------------ scripts */

static void
try_json(struct cand *c, const char *s, size_t n)
{
	json_t *root = json_loadb(s, n, JSON_DISABLE_EOF_CHECK |
	    JSON_DECODE_ANY, NULL);

	if (root == NULL)
		return;
	search(c, root, root, NULL, NULL, 0, 0);
	json_decref(root);
}

/* Decodes the JavaScript string literal at s (quote included) into out;
 * returns 0, or -1 when it does not end. */
static int
js_string(const char *s, size_t n, struct jd_buf *out)
{
	char q = s[0];

	for (size_t i = 1; i < n; i++) {
		if (s[i] == q)
			return 0;
		if (s[i] != '\\' || i + 1 >= n) {
			jd_buf_addc(out, s[i]);
			continue;
		}
		char e = s[++i];
		if (e == 'n')
			jd_buf_addc(out, '\n');
		else if (e == 't')
			jd_buf_addc(out, '\t');
		else if ((e == 'u' && i + 4 < n) || (e == 'x' && i + 2 < n)) {
			char hex[5] = { 0 };
			size_t l = e == 'u' ? 4 : 2;
			memcpy(hex, s + i + 1, l);
			jd_util_utf8_put(out, (uint32_t)strtoul(hex, NULL, 16));
			i += l;
		} else
			jd_buf_addc(out, e);
	}
	return -1;
}

/*
 * An upper bound on the text a description in the JSON value that starts
 * at s[0] could give: its longest string, or all the strings under "value"
 * and "text" keys together (a rich-text tree's), as written (decoding
 * only shortens them). The value is tokenized as jansson tokenizes it,
 * from its first byte to its end; a key with an escape in it (which could
 * spell "value") gives SIZE_MAX.
 */
static size_t
json_most(const char *s, size_t n)
{
	size_t longest = 0, rich = 0, depth = 0;
	int want = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && depth > 0 && --depth == 0)
			break;
		if (c != '"')
			continue;
		size_t j = i + 1;
		int escaped = 0;
		while (j < n && s[j] != '"') {
			escaped |= s[j] == '\\';
			j += s[j] == '\\' ? 2 : 1;
		}
		size_t len = (j < n ? j : n) - i - 1, k = j + 1;
		while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' ||
		    s[k] == '\r'))
			k++;
		if (k < n && s[k] == ':') {
			if (escaped)
				return SIZE_MAX;
			const char *key = s + i + 1;
			want = (len == 5 && memcmp(key, "value", 5) == 0) ||
			    (len == 4 && memcmp(key, "text", 4) == 0);
		} else {
			longest = len > longest ? len : longest;
			rich += want ? len : 0;
			want = 0;
		}
		i = j;
	}
	return longest > rich ? longest : rich;
}

/* JavaScript: tries the JSON after "= {", "= [" and in JSON.parse("...");
 * given most, only bounds what they could give there (json_most; a
 * JSON.parse string is no longer than the rest of the script). */
static void
try_js(struct cand *c, const char *s, size_t n, size_t *most)
{
	int tries = 0;

	for (size_t i = 0; i < n && tries < MAX_TRIES; i++) {
		if (s[i] == '=' && i + 1 < n) {
			size_t j = i + 1;
			while (j < n && (s[j] == ' ' || s[j] == '\n'))
				j++;
			char before = i > 0 ? s[i - 1] : ' ';
			if (j < n && (s[j] == '{' || s[j] == '[') &&
			    before != '=' && before != '!') {
				tries++;
				if (most) {
					size_t m = json_most(s + j, n - j);
					*most = m > *most ? m : *most;
				} else
					try_json(c, s + j, n - j);
			}
		} else if (s[i] == 'J' && n - i > 12 &&
		    memcmp(s + i, "JSON.parse(", 11) == 0 &&
		    (s[i + 11] == '"' || s[i + 11] == '\'')) {
			struct jd_buf b = JD_BUF_INIT;
			tries++;
			if (most)
				*most = n - i > *most ? n - i : *most;
			else if (js_string(s + i + 11, n - i - 11, &b) == 0)
				try_json(c, jd_buf_str(&b), b.len);
			jd_buf_free(&b);
		}
	}
}

/* A text that may hold a description: JSON, or a script read for JSON. */
struct emb_text {
	const char *s;
	size_t n;
	int js;
	xmlChar *owned;		/* a script's content */
};

struct hb_emb {
	struct emb_text *v;
	size_t n, cap;
};

static void
add_text(struct hb_emb *e, const char *s, size_t n, int js, xmlChar *owned)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 8;
		e->v = xreallocarray(e->v, e->cap, sizeof *e->v);
	}
	e->v[e->n++] = (struct emb_text){ s, n, js, owned };
}

/* JSON in data-* attributes: React on Rails props, Inertia pages. */
static void
data_attrs(struct hb_emb *e, xmlNode *n)
{
	for (xmlAttr *a = n->properties; a; a = a->next) {
		if (strncmp((const char *)a->name, "data-", 5) != 0 ||
		    a->children == NULL || a->children->content == NULL)
			continue;
		const char *v = (const char *)a->children->content;
		if (hb_data_value_read(v))
			add_text(e, v, strlen(v), 0, NULL);
	}
}

static int
script_enter(void *arg, xmlNode *n)
{
	struct hb_emb *e = arg;
	xmlChar *text;

	if (!hb_is(n, "script")) {
		data_attrs(e, n);
		return !hb_is(n, "style");
	}
	if (xmlHasProp(n, (const xmlChar *)"src") ||
	    hb_attr_has(n, "type", "ld+json"))
		return 0;
	if ((text = xmlNodeGetContent(n)) == NULL)
		return 0;
	const char *s = (const char *)text;
	size_t len = strlen(s), k = 0;
	while (k < len && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' ||
	    s[k] == '\r'))
		k++;
	if (k < len && (s[k] == '{' || s[k] == '[') &&
	    (hb_attr_has(n, "type", "json") || !hb_attr_has(n, "type", NULL)))
		add_text(e, s + k, len - k, 0, text);
	else if (!hb_attr_has(n, "type", NULL) ||
	    hb_attr_has(n, "type", "javascript"))
		add_text(e, s, len, 1, text);
	else
		xmlFree(text);
	return 0;
}

/* ------------------------------------------------------------ rendering */

struct rt {
	struct jd_posting *p;
	struct jd_buf line;
	size_t text, bold;
};

static void
rt_flush(struct rt *r, int heading)
{
	struct jd_buf n = JD_BUF_INIT;

	hb_normalize(&n, jd_buf_str(&r->line), r->line.len);
	if (n.len && (heading || (r->bold && r->bold == r->text &&
	    hb_bold_heading(n.data, n.len)) || hb_text_heading(n.data, n.len)))
		hb_heading(r->p, n.data, n.len);
	else if (n.len)
		hb_line(r->p, n.data, n.len);
	jd_buf_free(&n);
	jd_buf_reset(&r->line);
	r->text = r->bold = 0;
}

static int
bold_marks(json_t *o)
{
	json_t *m = json_object_get(o, "marks"), *e;
	size_t i;

	if (json_is_true(json_object_get(o, "bold")))
		return 1;
	json_array_foreach(m, i, e) {
		const char *t = json_is_string(e) ? json_string_value(e) :
		    json_is_object(e) ? type_of(e) : NULL;
		if (t && (strcmp(t, "bold") == 0 || strcmp(t, "strong") == 0))
			return 1;
	}
	return 0;
}

enum { RT_INLINE, RT_BLOCK, RT_HEADING, RT_BREAK };

static int
rt_kind(json_t *o)
{
	static const char *const inl[] = {
		"text", "span", "hyperlink", "link", "entry-hyperlink",
		"asset-hyperlink", "inline", "mark", "emoji", "mention", NULL
	};
	const char *t = type_of(o);
	json_t *style = json_object_get(o, "style");

	if (json_is_string(style) && json_string_value(style)[0] == 'h' &&
	    json_string_value(style)[1] >= '1' &&
	    json_string_value(style)[1] <= '6')
		return RT_HEADING;
	if (t == NULL)
		return children_of(o) ? RT_BLOCK : RT_INLINE;
	if (strcasestr(t, "heading") || (t[0] == 'h' && t[1] >= '1' &&
	    t[1] <= '6' && t[2] == '\0'))
		return RT_HEADING;
	if (strcasestr(t, "break") || strcmp(t, "br") == 0)
		return RT_BREAK;
	for (const char *const *k = inl; *k; k++)
		if (strcasecmp(t, *k) == 0)
			return RT_INLINE;
	return RT_BLOCK;
}

static void
rt_node(struct rt *r, json_t *v, int depth)
{
	json_t *e, *t;
	size_t i;
	int kind;

	if (depth > MAX_DEPTH)
		return;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			rt_node(r, e, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	kind = rt_kind(v);
	if (kind != RT_INLINE)
		rt_flush(r, 0);
	if (json_is_string(t = json_object_get(v, "value")) ||
	    json_is_string(t = json_object_get(v, "text"))) {
		size_t n = json_string_length(t);
		jd_buf_add(&r->line, json_string_value(t), n);
		r->text += n;
		if (bold_marks(v))
			r->bold += n;
	}
	if (children_of(v))
		rt_node(r, children_of(v), depth + 1);
	if (kind != RT_INLINE)
		rt_flush(r, kind == RT_HEADING);
}

/* ------------------------------------------------------------ the whole */

static const char *
field(json_t *o, const char *const *keys)
{
	for (; o && *keys; keys++) {
		json_t *v = json_object_get(o, *keys);
		if (json_is_array(v))
			v = json_array_get(v, 0);
		if (json_is_object(v))
			v = json_object_get(v, "name");
		if (json_is_string(v) && json_string_length(v) > 0 &&
		    json_string_length(v) < 200)
			return json_string_value(v);
	}
	return NULL;
}

static void
owner_fields(struct jd_posting *p, json_t *o)
{
	static const char *const companies[] = {
		"companyName", "hiringOrganization", "organizationName",
		"company", "organization", "employer", NULL
	};
	static const char *const places[] = {
		"location", "locationName", "locations", "jobLocation",
		"address", NULL
	};
	const char *s;

	if ((s = field(o, title_keys)) != NULL)
		hb_set(&p->title, s, strlen(s));
	if ((s = field(o, companies)) != NULL)
		hb_set(&p->company, s, strlen(s));
	if ((s = field(o, places)) != NULL)
		hb_set(&p->location, s, strlen(s));
}

static void
render(struct jd_posting *p, const struct best *b)
{
	if (b->rich) {
		struct rt r = { .p = p };
		rt_node(&r, b->node, 0);
		rt_flush(&r, 0);
		jd_buf_free(&r.line);
	} else
		hb_description(p, json_string_value(b->node),
		    json_string_length(b->node));
	owner_fields(p, b->owner);
}

struct hb_emb *
hb_embedded_find(xmlNode *root)
{
	struct hb_emb *e = xcalloc(1, sizeof *e);
	struct hb_visitor v = { script_enter, NULL, NULL, e };

	hb_visit(root, &v);
	return e;
}

size_t
hb_embedded_most(const struct hb_emb *e)
{
	size_t most = 0;

	for (size_t i = 0; i < e->n; i++) {
		const struct emb_text *t = &e->v[i];
		if (t->js)
			try_js(NULL, t->s, t->n, &most);
		else {
			size_t m = json_most(t->s, t->n);
			most = m > most ? m : most;
		}
	}
	return most;
}

int
hb_embedded_read(struct jd_posting *p, const struct hb_emb *e,
    size_t *job_items)
{
	struct cand c = { 0 };

	for (size_t i = 0; i < e->n; i++) {
		const struct emb_text *t = &e->v[i];
		if (t->js)
			try_js(&c, t->s, t->n, NULL);
		else
			try_json(&c, t->s, t->n);
	}
	*job_items = c.job_items;
	if (c.free.node)
		render(p, &c.free);
	else if (c.listed.node && c.job_items < 3)
		render(p, &c.listed);
	json_decref(c.free.root);
	json_decref(c.listed.root);
	return jd_posting_text_size(p) > 0;
}

void
hb_embedded_free(struct hb_emb *e)
{
	if (e == NULL)
		return;
	for (size_t i = 0; i < e->n; i++)
		xmlFree(e->v[i].owned);
	free(e->v);
	free(e);
}
