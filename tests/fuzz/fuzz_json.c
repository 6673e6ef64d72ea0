/*
 * fuzz_json.c: .json postings (schema.org JobPosting, arrays of them, job
 * board records with HTML descriptions) through jd_html_read, as run.c
 * reads a .json file.
 */
#include "fuzz.h"
#include "jdalign/html.h"

JD_FUZZ_TARGET(json)
{
	struct jd_posting_list l = { 0 };
	char *s = jd_fuzz_copy(data, size), *why = NULL;

	jd_fuzz_init();
	if (jd_load_guard("jobs.json", s, size, NULL, &why) == 0) {
		jd_util_deadline_start(2.0 + (double)size / 4e6);
		jd_html_read("jobs.json", s, size, &l);
		jd_util_deadline_end();
	}
	jd_posting_list_free(&l);
	free(why);
	free(s);
	return 0;
}
