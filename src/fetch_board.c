/*
 * fetch_board.c: the public job-board APIs (Greenhouse job board, Lever
 * postings, Ashby posting API) read with jansson, each job written as an
 * HTML page: its description in the body and a schema.org JobPosting in
 * JSON-LD made from the API fields, so every command reads it like a saved
 * page. Knows nothing of HTTP or of the folder.
 */
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "jdalign/buf.h"
#include "jdalign/fetch.h"
#include "jdalign/util.h"

#define MAX_ID 100

/* One job, read from any of the three APIs. Strings borrow the JSON. */
struct job {
	char id[MAX_ID + 1];
	const char *title, *company, *location, *department, *employment;
	const char *url, *date;
	int remote;
	struct jd_buf desc;	/* HTML */
	char day[16];		/* datePosted made from a timestamp */
};

static const char *const names[] = { "greenhouse", "lever", "ashby" };

const char *
jd_fetch_board_name(int board)
{
	return board >= 0 && board <= JD_BOARD_ASHBY ? names[board] : "";
}

int
jd_fetch_board_kind(const char *target, const char **token)
{
	for (int i = 0; i <= JD_BOARD_ASHBY; i++) {
		size_t n = strlen(names[i]);
		if (strncmp(target, names[i], n) == 0 && target[n] == ':') {
			*token = target + n + 1;
			return i;
		}
	}
	return -1;
}

static const char *
str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) && json_string_value(v)[0] ?
	    json_string_value(v) : NULL;
}

/* The job's id as a plain word (integer or string), or -1. */
static int
job_id(json_t *o, char *out)
{
	json_t *v = json_object_get(o, "id");
	const char *s;

	if (json_is_integer(v)) {
		snprintf(out, MAX_ID + 1, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		return 0;
	}
	if ((s = str(o, "id")) == NULL || strlen(s) > MAX_ID)
		return -1;
	for (const char *p = s; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9') && *p != '-' && *p != '_' &&
		    *p != '.')
			return -1;
	memcpy(out, s, strlen(s) + 1);
	return 0;
}

/* Decodes one level of entities (Greenhouse escapes its HTML): the five
 * XML ones and numeric ones; other named entities stay as written. */
static void
unescape(struct jd_buf *out, const char *s)
{
	static const struct { const char *e; char c; } ents[] = {
		{ "&lt;", '<' }, { "&gt;", '>' }, { "&amp;", '&' },
		{ "&quot;", '"' }, { "&apos;", '\'' },
	};

	while (*s) {
		size_t k, n = sizeof ents / sizeof ents[0];
		for (k = 0; *s == '&' && k < n; k++)
			if (strncmp(s, ents[k].e, strlen(ents[k].e)) == 0)
				break;
		if (*s == '&' && k < n) {
			jd_buf_addc(out, ents[k].c);
			s += strlen(ents[k].e);
			continue;
		}
		if (s[0] == '&' && s[1] == '#') {
			int hex = s[2] == 'x' || s[2] == 'X';
			char *end;
			long cp = strtol(s + 2 + hex, &end, hex ? 16 : 10);
			if (end > s + 2 + hex && *end == ';' && cp > 0 &&
			    cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
				jd_util_utf8_put(out, (uint32_t)cp);
				s = end + 1;
				continue;
			}
		}
		jd_buf_addc(out, *s++);
	}
}

/* ------------------------------------------------------------ the APIs */

static void html_text(struct jd_buf *b, const char *s);

static void
greenhouse(json_t *o, const char *token, struct job *j)
{
	const char *content = str(o, "content");

	j->title = str(o, "title");
	j->company = str(o, "company_name") ? str(o, "company_name") : token;
	j->location = str(json_object_get(o, "location"), "name");
	j->department = str(json_array_get(json_object_get(o, "departments"),
	    0), "name");
	j->url = str(o, "absolute_url");
	j->date = str(o, "first_published") ? str(o, "first_published") :
	    str(o, "updated_at");
	/* The API escapes the HTML; a copy that holds tags already is not
	 * decoded again (its "&lt;" is text). */
	if (content && strchr(content, '<'))
		jd_buf_adds(&j->desc, content);
	else if (content)
		unescape(&j->desc, content);
}

static const char *
commitment(const char *s)
{
	static const struct { const char *from, *to; } map[] = {
		{ "full", "FULL_TIME" }, { "part", "PART_TIME" },
		{ "contract", "CONTRACTOR" }, { "intern", "INTERN" },
		{ "temp", "TEMPORARY" },
	};

	for (size_t i = 0; s && i < sizeof map / sizeof map[0]; i++)
		if (strncasecmp(s, map[i].from, strlen(map[i].from)) == 0)
			return map[i].to;
	return NULL;
}

static void
day_of(json_t *ms, char *out, size_t n)
{
	time_t t;
	struct tm tm;

	if (!json_is_integer(ms) || json_integer_value(ms) <= 0)
		return;
	t = (time_t)(json_integer_value(ms) / 1000);
	if (gmtime_r(&t, &tm))
		strftime(out, n, "%Y-%m-%d", &tm);
}

/* Lever's salaryRange: {"currency", "interval", "min", "max"}. */
static void
salary(struct jd_buf *b, json_t *range)
{
	json_t *lo = json_object_get(range, "min");
	json_t *hi = json_object_get(range, "max");
	const char *cur = str(range, "currency"), *per = str(range, "interval");

	if (!json_is_number(lo) || !json_is_number(hi))
		return;
	jd_buf_adds(b, "\n<h3>Salary</h3>\n<p>");
	if (cur)
		html_text(b, cur);
	jd_buf_printf(b, " %.0f &ndash; %.0f", json_number_value(lo),
	    json_number_value(hi));
	if (per) {
		jd_buf_addc(b, ' ');
		html_text(b, per);
	}
	jd_buf_adds(b, "</p>");
}

static void
lever(json_t *o, const char *token, struct job *j)
{
	json_t *cat = json_object_get(o, "categories"), *l;
	const char *s;
	size_t i;

	j->title = str(o, "text");
	j->company = token;
	j->location = str(cat, "location");
	j->department = str(cat, "team") ? str(cat, "team") :
	    str(cat, "department");
	j->employment = commitment(str(cat, "commitment"));
	j->url = str(o, "hostedUrl");
	s = str(o, "workplaceType");
	j->remote = s && strcmp(s, "remote") == 0;
	day_of(json_object_get(o, "createdAt"), j->day, sizeof j->day);
	j->date = j->day[0] ? j->day : NULL;
	if ((s = str(o, "description")) != NULL)
		jd_buf_adds(&j->desc, s);
	json_array_foreach(json_object_get(o, "lists"), i, l) {
		if ((s = str(l, "text")) != NULL) {	/* HTML already */
			jd_buf_adds(&j->desc, "\n<h3>");
			jd_buf_adds(&j->desc, s);
			jd_buf_adds(&j->desc, "</h3>");
		}
		if ((s = str(l, "content")) != NULL)
			jd_buf_printf(&j->desc, "\n<ul>%s</ul>", s);
	}
	if ((s = str(o, "additional")) != NULL)
		jd_buf_printf(&j->desc, "\n%s", s);
	salary(&j->desc, json_object_get(o, "salaryRange"));
}

static void
ashby(json_t *o, const char *token, struct job *j)
{
	static const struct { const char *from, *to; } map[] = {
		{ "FullTime", "FULL_TIME" }, { "PartTime", "PART_TIME" },
		{ "Intern", "INTERN" }, { "Contract", "CONTRACTOR" },
		{ "Temporary", "TEMPORARY" },
	};
	const char *s = str(o, "employmentType");
	json_t *comp = json_object_get(o, "compensation");

	j->title = str(o, "title");
	j->company = token;
	j->location = str(o, "location");
	j->department = str(o, "department") ? str(o, "department") :
	    str(o, "team");
	for (size_t i = 0; s && i < sizeof map / sizeof map[0]; i++)
		if (strcmp(s, map[i].from) == 0)
			j->employment = map[i].to;
	j->url = str(o, "jobUrl");
	j->date = str(o, "publishedAt");
	j->remote = json_is_true(json_object_get(o, "isRemote"));
	if ((s = str(o, "descriptionHtml")) != NULL)
		jd_buf_adds(&j->desc, s);
	if ((s = str(comp, "compensationTierSummary")) != NULL) {
		jd_buf_adds(&j->desc, "\n<h3>Compensation</h3>\n<p>");
		jd_buf_adds(&j->desc, s);
		jd_buf_adds(&j->desc, "</p>");
	}
}

/* ------------------------------------------------------------ the page */

static void
html_text(struct jd_buf *b, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': jd_buf_adds(b, "&amp;"); break;
		case '<': jd_buf_adds(b, "&lt;"); break;
		case '>': jd_buf_adds(b, "&gt;"); break;
		case '"': jd_buf_adds(b, "&quot;"); break;
		case '\'': jd_buf_adds(b, "&#39;"); break;
		default: jd_buf_addc(b, *s);
		}
}

static int
web_url(const char *s)
{
	return s && (strncmp(s, "https://", 8) == 0 ||
	    strncmp(s, "http://", 7) == 0);
}

static void
set_str(json_t *o, const char *key, const char *s)
{
	if (s && *s)
		json_object_set_new(o, key, json_string(s));
}

static json_t *
jsonld(const struct job *j, const char *board)
{
	json_t *o = json_object(), *id = json_object(), *org = json_object();

	set_str(o, "@context", "https://schema.org");
	set_str(o, "@type", "JobPosting");
	set_str(o, "title", j->title);
	set_str(o, "description", jd_buf_str(&j->desc));
	set_str(id, "@type", "PropertyValue");
	set_str(id, "name", board);
	set_str(id, "value", j->id);
	json_object_set_new(o, "identifier", id);
	set_str(org, "@type", "Organization");
	set_str(org, "name", j->company);
	json_object_set_new(o, "hiringOrganization", org);
	if (j->location) {
		json_t *place = json_object(), *addr = json_object();
		set_str(addr, "@type", "PostalAddress");
		set_str(addr, "addressLocality", j->location);
		set_str(place, "@type", "Place");
		json_object_set_new(place, "address", addr);
		json_object_set_new(o, "jobLocation", place);
	}
	if (j->remote)
		set_str(o, "jobLocationType", "TELECOMMUTE");
	set_str(o, "employmentType", j->employment);
	set_str(o, "datePosted", j->date);
	if (web_url(j->url))
		set_str(o, "url", j->url);
	return o;
}

/* JSON inside <script>: no '<', '>' or '&' left to end or confuse it. */
static void
script_json(struct jd_buf *b, json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);

	for (const char *p = s; p && *p; p++)
		if (*p == '<')
			jd_buf_adds(b, "\\u003c");
		else if (*p == '>')
			jd_buf_adds(b, "\\u003e");
		else if (*p == '&')
			jd_buf_adds(b, "\\u0026");
		else
			jd_buf_addc(b, *p);
	free(s);
}

static void
head(struct jd_buf *b, const struct job *j, const char *key)
{
	jd_buf_adds(b, "<!DOCTYPE html>\n<html>\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\">\n<title>");
	html_text(b, j->title);
	if (j->company) {
		jd_buf_adds(b, " at ");
		html_text(b, j->company);
	}
	jd_buf_adds(b, "</title>\n<meta name=\"jdalign-source\" content=\"");
	html_text(b, key);
	jd_buf_adds(b, "\">\n");
	if (web_url(j->url)) {
		jd_buf_adds(b, "<link rel=\"canonical\" href=\"");
		html_text(b, j->url);
		jd_buf_adds(b, "\">\n");
	}
}

static char *
page(const struct job *j, const char *board, const char *key)
{
	struct jd_buf b = JD_BUF_INIT;
	const char *facts[] = { j->company, j->location, j->department };
	json_t *ld = jsonld(j, board);
	int any = 0;

	head(&b, j, key);
	jd_buf_adds(&b, "<script type=\"application/ld+json\">");
	script_json(&b, ld);
	json_decref(ld);
	jd_buf_adds(&b, "</script>\n</head>\n<body>\n<main>\n<h1>");
	html_text(&b, j->title);
	jd_buf_adds(&b, "</h1>\n<p class=\"facts\">");
	for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
		if (facts[i]) {
			jd_buf_adds(&b, any++ ? " &middot; " : "");
			html_text(&b, facts[i]);
		}
	jd_buf_adds(&b, "</p>\n<div class=\"description\">\n");
	jd_buf_add(&b, jd_buf_str(&j->desc), j->desc.len);
	jd_buf_adds(&b, "\n</div>\n</main>\n</body>\n</html>\n");
	return jd_buf_take(&b);
}

/* ------------------------------------------------------------ list */

static json_t *
job_list(int board, json_t *root)
{
	if (board == JD_BOARD_LEVER)
		return json_is_array(root) ? root : NULL;
	root = json_object_get(root, "jobs");
	return json_is_array(root) ? root : NULL;
}

static int
seen(const struct jd_board_pages *out, size_t from, const char *key)
{
	for (size_t i = from; i < out->n; i++)
		if (strcmp(out->v[i].key, key) == 0)
			return 1;
	return 0;
}

static void
add_job(int board, const char *token, json_t *o, struct jd_board_pages *out,
    size_t from)
{
	struct job j;
	struct jd_buf b = JD_BUF_INIT;
	char *board_key, *key;

	memset(&j, 0, sizeof j);
	if (!json_is_object(o) || job_id(o, j.id) < 0 ||
	    json_is_false(json_object_get(o, "isListed")))
		return;
	jd_buf_printf(&b, "%s:%s", names[board], token);
	board_key = jd_buf_take(&b);
	jd_buf_printf(&b, "%s/%s", board_key, j.id);
	key = jd_buf_take(&b);
	if (seen(out, from, key)) {
		free(board_key);
		free(key);
		return;
	}
	if (board == JD_BOARD_GREENHOUSE)
		greenhouse(o, token, &j);
	else if (board == JD_BOARD_LEVER)
		lever(o, token, &j);
	else
		ashby(o, token, &j);
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
	}
	out->v[out->n].key = key;
	out->v[out->n++].html = page(&j, board_key, key);
	free(board_key);
	jd_buf_free(&j.desc);
}

int
jd_fetch_board_pages(int board, const char *token, const char *json,
    size_t len, struct jd_board_pages *out, const char **cause)
{
	json_t *root = json_loadb(json, len, 0, NULL), *list, *o;
	size_t i, from = out->n;

	if (root == NULL) {
		*cause = "the board's answer is not JSON";
		return -1;
	}
	if ((list = job_list(board, root)) == NULL) {
		*cause = "the board's answer holds no job list";
		json_decref(root);
		return -1;
	}
	json_array_foreach(list, i, o)
		add_job(board, token, o, out, from);
	json_decref(root);
	return 0;
}

void
jd_fetch_board_pages_free(struct jd_board_pages *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].key);
		free(p->v[i].html);
	}
	free(p->v);
	memset(p, 0, sizeof *p);
}
