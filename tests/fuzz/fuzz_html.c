/*
 * fuzz_html.c: page extraction, bytes -> posting, as `jdalign extract`
 * reads a saved .html page: jd_load_guard, then jd_html_read under the
 * parse deadline.
 */
#include "fuzz.h"
#include "jdalign/html.h"

static void
html_read_as(const char *name, const uint8_t *data, size_t size)
{
	struct jd_posting_list l = { 0 };
	char *s = jd_fuzz_copy(data, size), *why = NULL;

	jd_fuzz_init();
	if (jd_load_guard(name, s, size, NULL, &why) == 0) {
		jd_util_deadline_start(2.0 + (double)size / 4e6);
		jd_html_read(name, s, size, &l);
		jd_util_deadline_end();
		for (size_t i = 0; i < l.n; i++)
			(void)jd_posting_text_size(&l.v[i]);
	}
	jd_posting_list_free(&l);
	free(why);
	free(s);
}

JD_FUZZ_TARGET(html)
{
	html_read_as("page.html", data, size);
	return 0;
}
