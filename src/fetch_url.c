/*
 * fetch_url.c: URLs through libcurl's parser: http and https only, the
 * form shown in messages and the index (no credentials, no token values),
 * and the file name a page gets. Knows nothing of requests.
 */
#include <ctype.h>
#include <string.h>

#include <curl/curl.h>

#include "fetch_int.h"
#include "jdalign/util.h"

#define NAME_MAX_BASE 100

static char *
part(CURLU *h, CURLUPart what)
{
	char *s = NULL, *r;

	if (curl_url_get(h, what, &s, 0) != CURLUE_OK || s == NULL)
		return NULL;
	r = xstrdup(s);
	curl_free(s);
	return r;
}

/* Does a query parameter name look like it carries a secret? */
static int
secret_name(const char *s, size_t n)
{
	static const char *const has[] = {
		"token", "secret", "passw", "apikey", "api_key", "api-key",
		"auth", "session", "signature", "credential", NULL
	};
	static const char *const is[] = { "key", "sig", "pwd", "jwt", "sid",
		"code", NULL };
	char low[64];

	if (n >= sizeof low)
		n = sizeof low - 1;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	low[n] = '\0';
	for (const char *const *k = has; *k; k++)
		if (strstr(low, *k))
			return 1;
	for (const char *const *k = is; *k; k++)
		if (strcmp(low, *k) == 0)
			return 1;
	return 0;
}

/* The query with the values of secret-looking parameters as "***". */
static char *
redact_query(const char *q)
{
	struct jd_buf b = JD_BUF_INIT;

	while (*q) {
		size_t n = strcspn(q, "&");
		const char *eq = memchr(q, '=', n);
		if (eq && secret_name(q, (size_t)(eq - q))) {
			jd_buf_add(&b, q, (size_t)(eq - q) + 1);
			jd_buf_adds(&b, "***");
		} else
			jd_buf_add(&b, q, n);
		q += n;
		if (*q == '&')
			jd_buf_addc(&b, *q++);
	}
	return jd_buf_take(&b);
}

static int
set_shown(CURLU *h, struct fetch_url *u)
{
	char *q = part(h, CURLUPART_QUERY);

	curl_url_set(h, CURLUPART_USER, NULL, 0);
	curl_url_set(h, CURLUPART_PASSWORD, NULL, 0);
	curl_url_set(h, CURLUPART_OPTIONS, NULL, 0);
	u->bare = part(h, CURLUPART_URL);
	if (q) {
		char *r = redact_query(q);
		curl_url_set(h, CURLUPART_QUERY, r, 0);
		free(r);
		free(q);
	}
	u->shown = part(h, CURLUPART_URL);
	return u->shown && u->bare ? 0 : -1;
}

static void
set_origin(CURLU *h, struct fetch_url *u)
{
	struct jd_buf b = JD_BUF_INIT;
	char *port = part(h, CURLUPART_PORT), *q;

	jd_buf_printf(&b, "%s://%s", u->scheme, u->host);
	if (port)
		jd_buf_printf(&b, ":%s", port);
	u->origin = jd_buf_take(&b);
	free(port);
	u->path = part(h, CURLUPART_PATH);
	if (u->path == NULL)
		u->path = xstrdup("/");
	if ((q = part(h, CURLUPART_QUERY)) != NULL) {
		jd_buf_printf(&b, "%s?%s", u->path, q);
		free(u->path);
		u->path = jd_buf_take(&b);
		free(q);
	}
}

int
fetch_url_parse(const char *in, struct fetch_url *u, const char **cause)
{
	CURLU *h = curl_url();
	char *user, *pass;
	int rc = -1;

	memset(u, 0, sizeof *u);
	*cause = "not a valid URL";
	if (h == NULL || curl_url_set(h, CURLUPART_URL, in, 0) != CURLUE_OK)
		goto done;
	u->scheme = part(h, CURLUPART_SCHEME);
	u->host = part(h, CURLUPART_HOST);
	if (u->scheme && strcmp(u->scheme, "http") != 0 &&
	    strcmp(u->scheme, "https") != 0) {
		*cause = "only http and https URLs are fetched";
		goto done;
	}
	if (u->scheme == NULL || u->host == NULL || u->host[0] == '\0')
		goto done;
	for (char *s = u->host; *s; s++)
		*s = (char)tolower((unsigned char)*s);
	curl_url_set(h, CURLUPART_HOST, u->host, 0);
	curl_url_set(h, CURLUPART_FRAGMENT, NULL, 0);
	user = part(h, CURLUPART_USER);
	pass = part(h, CURLUPART_PASSWORD);
	u->has_user = user || pass;
	free(user);
	free(pass);
	u->full = part(h, CURLUPART_URL);
	set_origin(h, u);
	if (u->full && set_shown(h, u) == 0)
		rc = 0;
done:
	curl_url_cleanup(h);
	if (rc < 0)
		fetch_url_free(u);
	return rc;
}

void
fetch_url_free(struct fetch_url *u)
{
	free(u->full);
	free(u->bare);
	free(u->shown);
	free(u->scheme);
	free(u->host);
	free(u->origin);
	free(u->path);
	memset(u, 0, sizeof *u);
}

char *
jd_fetch_redact(const char *url)
{
	struct fetch_url u;
	const char *cause;
	char *r;

	if (fetch_url_parse(url, &u, &cause) < 0)
		return NULL;
	r = u.shown;
	u.shown = NULL;
	fetch_url_free(&u);
	return r;
}

/* ------------------------------------------------------------ names */

char *
jd_fetch_file_name(const char *key, const char *ext)
{
	struct jd_buf b = JD_BUF_INIT;
	const char *s = strstr(key, "://");
	int in_path = 0;

	s = s ? s + 3 : key;
	for (; *s && b.len < NAME_MAX_BASE; s++) {
		unsigned char c = (unsigned char)*s;
		char last = b.len ? b.data[b.len - 1] : '_';
		if (c == '/')
			in_path = 1;
		if (isalnum(c) || c == '-')
			jd_buf_addc(&b, (char)c);
		else if (c == '.' && !in_path && last != '.' && last != '_')
			jd_buf_addc(&b, '.');
		else if (last != '_' && last != '.')
			jd_buf_addc(&b, '_');
	}
	while (b.len && !isalnum((unsigned char)b.data[b.len - 1]))
		b.data[--b.len] = '\0';
	if (b.len == 0)
		jd_buf_adds(&b, "page");
	jd_buf_printf(&b, "-%08x%s", (unsigned)(jd_util_fnv(JD_FNV_INIT, key,
	    strlen(key)) & 0xffffffffu), ext);
	return jd_buf_take(&b);
}

int
jd_fetch_safe_name(const char *name)
{
	static const char *const exts[] = { ".html", ".txt", ".md", ".json",
		NULL };
	size_t n = strlen(name);

	if (n == 0 || n > 255 || !isalnum((unsigned char)name[0]) ||
	    strstr(name, ".."))
		return 0;
	for (const char *s = name; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '.' && *s != '-' &&
		    *s != '_')
			return 0;
	for (const char *const *e = exts; *e; e++)
		if (jd_util_has_suffix(name, *e) && n > strlen(*e))
			return 1;
	return 0;
}
