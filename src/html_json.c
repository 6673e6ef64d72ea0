/*
 * html_json.c: schema.org JobPosting objects (JSON-LD in a page, also in
 * @graph and arrays) and .json posting files (JobPostings or job-board API
 * records), read with jansson. Descriptions are HTML, sometimes
 * entity-escaped, sometimes plain text; all end up as sections.
 */
#include <string.h>

#include <jansson.h>

#include "html_int.h"
#include "jdalign/util.h"

#define MAX_DEPTH 8

static const char *
str_of(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_object(v) && json_is_string(json_object_get(v, "name")))
		return json_string_value(json_object_get(v, "name"));
	return NULL;
}

static const char *
first_str(json_t *o, const char *const *keys)
{
	for (; *keys; keys++) {
		const char *s = str_of(o, *keys);
		if (s && *s)
			return s;
	}
	return NULL;
}

/* Is it a JobPosting ("@type" a string or an array holding it; also
 * "schema:JobPosting" and "https://schema.org/JobPosting")? */
static int
type_is(const char *t)
{
	size_t n = strlen(t);

	return n >= 10 && strcmp(t + n - 10, "JobPosting") == 0 &&
	    (n == 10 || t[n - 11] == '/' || t[n - 11] == ':');
}

static int
is_jobposting(json_t *o)
{
	json_t *t = json_object_get(o, "@type"), *v;
	size_t i;

	if (json_is_string(t))
		return type_is(json_string_value(t));
	json_array_foreach(t, i, v)
		if (json_is_string(v) && type_is(json_string_value(v)))
			return 1;
	return 0;
}

#define MAX_POSTINGS 64

/* The JobPostings anywhere in v (@graph, arrays, ItemList, mainEntity). */
struct found {
	json_t *v[MAX_POSTINGS];
	size_t n, count;
};

static void
find_jobpostings(json_t *v, int depth, struct found *f)
{
	const char *k;
	json_t *e;
	size_t i;

	if (depth > MAX_DEPTH)
		return;
	if (json_is_object(v) && is_jobposting(v)) {
		if (f->n < MAX_POSTINGS)
			f->v[f->n++] = v;
		f->count++;
		return;
	}
	json_object_foreach(v, k, e)
		if (json_is_object(e) || json_is_array(e))
			find_jobpostings(e, depth + 1, f);
	json_array_foreach(v, i, e)
		find_jobpostings(e, depth + 1, f);
}

/* Decodes the entities of an escaped description: the common named ones
 * and every numeric one. */
static void
unescape(struct jd_buf *out, const char *s, size_t n)
{
	static const struct { const char *e; const char *c; } ents[] = {
		{ "&lt;", "<" }, { "&gt;", ">" }, { "&amp;", "&" },
		{ "&quot;", "\"" }, { "&apos;", "'" }, { "&nbsp;", "\xc2\xa0" },
		{ "&rsquo;", "\xe2\x80\x99" }, { "&lsquo;", "\xe2\x80\x98" },
		{ "&ldquo;", "\xe2\x80\x9c" }, { "&rdquo;", "\xe2\x80\x9d" },
		{ "&ndash;", "\xe2\x80\x93" }, { "&mdash;", "\xe2\x80\x94" },
		{ "&bull;", "\xe2\x80\xa2" }, { "&hellip;", "\xe2\x80\xa6" },
	};
	for (size_t i = 0; i < n; i++) {
		size_t k, count = sizeof ents / sizeof ents[0], l = 0;
		if (s[i] == '&' && i + 2 < n && s[i + 1] == '#') {
			char *end;
			int hex = s[i + 2] == 'x' || s[i + 2] == 'X';
			long cp = strtol(s + i + 2 + hex, &end, hex ? 16 : 10);
			if (end < s + n && *end == ';' && cp > 0 &&
			    cp <= 0x10ffff && end > s + i + 2 + hex) {
				jd_util_utf8_put(out, (uint32_t)cp);
				i = (size_t)(end - s);
				continue;
			}
		}
		for (k = 0; s[i] == '&' && k < count; k++) {
			l = strlen(ents[k].e);
			if (i + l <= n && memcmp(s + i, ents[k].e, l) == 0)
				break;
		}
		if (s[i] == '&' && k < count) {
			jd_buf_adds(out, ents[k].c);
			i += l - 1;
		} else
			jd_buf_addc(out, s[i]);
	}
}

static int
has_tags(const char *s, size_t n)
{
	for (const char *p = memchr(s, '<', n); p && p + 1 < s + n;
	    p = memchr(p + 1, '<', (size_t)(s + n - p - 1)))
		if ((p[1] | 32) >= 'a' && (p[1] | 32) <= 'z')
			return 1;
		else if (p[1] == '/')
			return 1;
	return 0;
}

static int
has_entities(const char *s)
{
	return strstr(s, "&lt;") || strstr(s, "&amp;") || strstr(s, "&#") ||
	    strstr(s, "&quot;") || strstr(s, "&nbsp;") || strstr(s, "&rsquo;");
}

void
hb_description(struct jd_posting *p, const char *s, size_t n)
{
	struct jd_buf u = JD_BUF_INIT;

	if (!has_tags(s, n) && has_entities(s)) {
		unescape(&u, s, n);
		s = jd_buf_str(&u);
		n = u.len;
	}
	if (has_tags(s, n))
		hb_fragment(p, s, n);
	else
		hb_plain_lines(p, s, n);
	jd_buf_free(&u);
}

static void
location(struct jd_posting *p, json_t *jp)
{
	json_t *loc = json_object_get(jp, "jobLocation");
	struct jd_buf b = JD_BUF_INIT;
	static const char *const parts[] = {
		"addressLocality", "addressRegion", "addressCountry", NULL
	};

	if (json_is_array(loc))
		loc = json_array_get(loc, 0);
	json_t *addr = json_object_get(loc, "address");
	for (const char *const *k = parts; addr && *k; k++) {
		const char *v = str_of(addr, *k);
		if (v && *v && !strstr(jd_buf_str(&b), v)) {
			if (b.len)
				jd_buf_adds(&b, ", ");
			jd_buf_adds(&b, v);
		}
	}
	const char *type = str_of(jp, "jobLocationType");
	if (type && strcmp(type, "TELECOMMUTE") == 0 && b.len == 0)
		jd_buf_adds(&b, "Remote");
	if (b.len)
		hb_set(&p->location, b.data, b.len);
	jd_buf_free(&b);
}

/* Sets a field from a JSON string that may hold entities or tags
 * ("R&amp;D Engineer", "<b>Acme</b>"). */
static void
set_text(char **field, const char *s)
{
	struct jd_buf u = JD_BUF_INIT, t = JD_BUF_INIT;
	int in_tag = 0;

	unescape(&u, s, strlen(s));
	for (size_t i = 0; i < u.len; i++) {
		char c = u.data[i];
		if (c == '<' && i + 1 < u.len && (u.data[i + 1] == '/' ||
		    (u.data[i + 1] | 32) >= 'a'))
			in_tag = 1;
		else if (c == '>' && in_tag)
			in_tag = 0;
		else if (!in_tag)
			jd_buf_addc(&t, c);
	}
	hb_set(field, jd_buf_str(&t), t.len);
	jd_buf_free(&u);
	jd_buf_free(&t);
}

static const char *const title_keys[] = {
	"title", "name", "text", "position", NULL
};
static const char *const company_keys[] = {
	"hiringOrganization", "company", "company_name", "companyName", NULL
};
static const char *const desc_keys[] = {
	"description", "descriptionHtml", "content", "contents", NULL
};

/* Fills p from a JobPosting or API record; returns 1 when it had text. */
static int
record(struct jd_posting *p, json_t *o)
{
	const char *s;

	if ((s = first_str(o, title_keys)) != NULL)
		set_text(&p->title, s);
	if ((s = first_str(o, company_keys)) != NULL)
		set_text(&p->company, s);
	location(p, o);
	if ((s = str_of(o, "location")) != NULL && *s)
		hb_set(&p->location, s, strlen(s));
	json_t *locs = json_object_get(o, "locations");
	if (json_is_array(locs) && (s = str_of(json_array_get(locs, 0),
	    "name")) != NULL)
		hb_set(&p->location, s, strlen(s));
	if ((s = first_str(o, desc_keys)) == NULL)
		return 0;
	hb_description(p, s, strlen(s));
	return jd_posting_text_size(p) > 0;
}

/* The index of the next character after i that is not white space. */
static size_t
skip_space(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' ||
	    s[i] == '\t'))
		i++;
	return i;
}

/* Where the next byte tidy_json weighs stands in s[i..n), n if none: a
 * quote, a backslash, a comma or a control byte (line breaks and tabs),
 * looked for eight bytes at a time. */
static size_t
next_weighed(const char *s, size_t n, size_t i)
{
	for (; i + 8 <= n; i += 8) {
		uint64_t w = jd_load8(s + i);
		uint64_t m = jd_bytes_equal(w, '"') | jd_bytes_equal(w, '\\') |
		    jd_bytes_equal(w, ',') | jd_bytes_below(w, ' ');
		if (m)
			return i + ((size_t)__builtin_ctzll(m) >> 3);
	}
	while (i < n && s[i] != '"' && s[i] != '\\' && s[i] != ',' &&
	    (unsigned char)s[i] >= ' ')
		i++;
	return i;
}

/* Copies the byte s[i] that next_weighed found, as tidy_json makes it;
 * returns where the text goes on. A backslash in a string takes the
 * byte it escapes along. */
static size_t
tidy_byte(struct jd_buf *out, const char *s, size_t n, size_t i,
    int *in_str)
{
	char c = s[i];

	if (*in_str && (c == '\n' || c == '\r' || c == '\t'))
		jd_buf_adds(out, c == '\t' ? "\\t" : "\\n");
	else if (*in_str && c == '\\' && i + 1 < n) {
		if (s[i + 1] != '\'')	/* \' is no JSON escape */
			jd_buf_addc(out, c);
		jd_buf_addc(out, s[++i]);
	} else if (c == ',' && !*in_str) {
		size_t j = skip_space(s, n, i + 1);
		if (j == n || (s[j] != '}' && s[j] != ']'))
			jd_buf_addc(out, c);
	} else {
		*in_str ^= c == '"';
		jd_buf_addc(out, c);
	}
	return i + 1;
}

/* JSON-LD as pages write it: wrapped in an HTML comment or CDATA, with raw
 * line breaks and tabs inside strings, \' escapes and trailing commas.
 * Makes a copy jansson accepts: what lies between the bytes weighed is
 * copied as it stands. */
static void
tidy_json(struct jd_buf *out, const char *s, size_t n)
{
	int in_str = 0;
	size_t i = skip_space(s, n, 0);

	if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
		i = skip_space(s, n, i + 4);
	if (n - i >= 11 && memcmp(s + i, "//<![CDATA[", 11) == 0)
		i += 11;
	while (i < n) {
		size_t j = next_weighed(s, n, i);
		jd_buf_add(out, s + i, j - i);
		i = j < n ? tidy_byte(out, s, n, j, &in_str) : n;
	}
}

static json_t *
load_jsonld(const char *text, size_t n)
{
	struct jd_buf t = JD_BUF_INIT, u = JD_BUF_INIT;
	json_t *root;

	tidy_json(&t, text, n);
	root = json_loadb(jd_buf_str(&t), t.len, JSON_DECODE_ANY |
	    JSON_DISABLE_EOF_CHECK, NULL);
	if (root == NULL && strstr(jd_buf_str(&t), "&quot;")) {
		unescape(&u, t.data, t.len);	/* the whole block escaped */
		root = json_loadb(jd_buf_str(&u), u.len, JSON_DECODE_ANY |
		    JSON_DISABLE_EOF_CHECK, NULL);
	}
	jd_buf_free(&t);
	jd_buf_free(&u);
	return root;
}

/* The page's own JobPosting: the only one, else the first whose title one
 * of the page's titles holds, else the first of two; of three or more
 * with none named, none (the page lists them). */
static json_t *
own_posting(const struct found *f, const char *const *titles, size_t nt)
{
	for (size_t i = 0; f->n > 1 && i < f->n; i++) {
		const char *t = first_str(f->v[i], title_keys);
		for (size_t k = 0; t && *t && k < nt; k++)
			if (titles[k] && strcasestr(titles[k], t))
				return f->v[i];
	}
	return f->n == 1 || f->n == 2 ? f->v[0] : NULL;
}

int
hb_jsonld(struct jd_posting *p, char *const *blocks, size_t n,
    const char *const *titles, size_t nt, size_t *count)
{
	json_t *roots[MAX_POSTINGS], *jp;
	struct found f = { .n = 0 };
	size_t nroots = 0;
	int found = 0;

	for (size_t i = 0; i < n && nroots < MAX_POSTINGS; i++)
		if ((roots[nroots] = load_jsonld(blocks[i],
		    strlen(blocks[i]))) != NULL)
			find_jobpostings(roots[nroots++], 0, &f);
	*count = f.count;
	if ((jp = own_posting(&f, titles, nt)) != NULL) {
		found = 1;
		if (record(p, jp)) {
			p->source = "jsonld";
			found = 2;
		}
	}
	for (size_t i = 0; i < nroots; i++)
		json_decref(roots[i]);
	return found;
}

static void
repair(json_t *v, int depth)
{
	const char *k;
	json_t *e;
	size_t i;

	if (depth > MAX_DEPTH)
		return;
	if (json_is_string(v)) {
		size_t n = json_string_length(v);
		char *s = xstrndup(json_string_value(v), n);
		if (jd_util_fix_mojibake(s, &n))
			json_string_setn(v, s, n);
		free(s);
	}
	json_object_foreach(v, k, e)
		repair(e, depth + 1);
	json_array_foreach(v, i, e)
		repair(e, depth + 1);
}

size_t
hb_json_file(const char *path, const char *s, size_t n,
    struct jd_posting_list *out)
{
	json_error_t err;
	json_t *root = json_loadb(s, n, JSON_DECODE_ANY, &err), *list, *e;
	size_t i, count = 0;

	if (root == NULL) {
		struct jd_posting *p = hb_append(out, path, path);
		struct jd_buf m = JD_BUF_INIT;
		jd_buf_printf(&m, "not valid JSON: line %d: %s", err.line,
		    err.text);
		p->status = JD_POST_ERROR;
		jd_posting_warn(p, jd_buf_str(&m));
		jd_buf_free(&m);
		return 1;
	}
	repair(root, 0);
	list = json_is_object(root) && json_is_array(json_object_get(root,
	    "jobs")) ? json_object_get(root, "jobs") : root;
	if (!json_is_array(list)) {
		struct jd_posting *p = hb_append(out, path, path);
		p->source = is_jobposting(list) ? "jsonld" : "embedded";
		record(p, list);
		hb_classify(p, "", 0);
		json_decref(root);
		return 1;
	}
	json_array_foreach(list, i, e) {
		struct jd_buf id = JD_BUF_INIT;
		jd_buf_printf(&id, "%s#%zu", path, i);
		struct jd_posting *p = hb_append(out, id.data, path);
		p->source = is_jobposting(e) ? "jsonld" : "embedded";
		record(p, e);
		hb_classify(p, "", 0);
		jd_buf_free(&id);
		count++;
	}
	json_decref(root);
	return count;
}
