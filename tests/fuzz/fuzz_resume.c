/*
 * fuzz_resume.c: a resume read three ways, as .txt, .md and .html, the way
 * `jdalign align` loads one (run_align.c): guard, then jd_resume_parse
 * under the parse deadline.
 */
#include "fuzz.h"
#include "jdalign/resume.h"

JD_FUZZ_TARGET(resume)
{
	static const char *const names[] = { "cv.txt", "cv.md", "cv.html" };
	char *s = jd_fuzz_copy(data, size);

	jd_fuzz_init();
	for (size_t i = 0; i < 3; i++) {
		struct jd_resume r;
		char *why = NULL;
		memset(&r, 0, sizeof r);
		if (jd_load_guard(names[i], s, size, NULL, &why) == 0) {
			jd_util_deadline_start(2.0 + (double)size / 4e6);
			(void)jd_resume_parse(names[i], s, size, &r);
			jd_util_deadline_end();
			jd_resume_free(&r);
		}
		free(why);
	}
	free(s);
	return 0;
}
