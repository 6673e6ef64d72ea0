/*
 * fuzz_robots.c: the robots.txt parser (src/fetch_robots.c, written on the
 * fetch branch; make fuzz skips this harness while it is absent): parse
 * for jdalign's agent, then ask about a few paths and the crawl delay. The
 * input's last line, when it starts with '/', is one of the paths asked.
 */
#include "fuzz.h"
#include "jdalign/fetch.h"

JD_FUZZ_TARGET(robots)
{
	static const char *const paths[] = {
		"/", "/jobs/123", "/careers/?q=engineer&page=2",
		"/a%2fb/%7Euser", "/robots.txt", "/private/x.html$", "",
	};
	char *s = jd_fuzz_copy(data, size);
	struct jd_robots *r = jd_fetch_robots_parse(s, size, "jdalign");
	const char *last = strrchr(s, '\n');

	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		(void)jd_fetch_robots_allowed(r, paths[i]);
	if (last && last[1] == '/')
		(void)jd_fetch_robots_allowed(r, last + 1);
	(void)jd_fetch_robots_delay_ms(r);
	jd_fetch_robots_free(r);
	free(s);
	return 0;
}
