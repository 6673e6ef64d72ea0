/*
 * test_fuzz_regress.c: replays every fuzzing harness (tests/fuzz/) over
 * its seeds and its regression fixtures (tests/fuzz/regress/TARGET/): each
 * crash or leak a fuzzer found stays found. A fixture named open-* is a
 * finding not fixed yet; it is replayed only when JDALIGN_OPEN_FINDINGS=1.
 */
#include <dirent.h>

#include "testutil.h"

#define JD_FUZZ_REPLAY
#include "fuzz/fuzz_embed.c"
#include "fuzz/fuzz_html.c"
#include "fuzz/fuzz_json.c"
#include "fuzz/fuzz_lexicon.c"
#include "fuzz/fuzz_resume.c"
#include "fuzz/fuzz_strip.c"
#include "fuzz/fuzz_terms.c"
#if __has_include("jdalign/csvread.h")
#define HAVE_CSVREAD 1
#include "fuzz/fuzz_csvread.c"
#endif
#if __has_include("jdalign/fetch.h")
#define HAVE_ROBOTS 1
#include "fuzz/fuzz_robots.c"
#endif

TestSuite(fuzz_regress, .fini = jd_test_fini, .timeout = 60);

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs fn over the files of dir (sorted); open: only open-* files, else
 * all but them. Returns how many ran. */
static size_t
replay_dir(const char *dir, int (*fn)(const uint8_t *, size_t), int open)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' ||
		    (strncmp(e->d_name, "open-", 5) == 0) != open)
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		struct jd_buf p = JD_BUF_INIT;
		char *data;
		size_t len;
		const char *cause;
		jd_buf_printf(&p, "%s/%s", dir, names[i]);
		cr_assert_eq(jd_util_read_file(p.data, (size_t)64 << 20, &data,
		    &len, &cause), 0, "%s: %s", p.data, cause);
		fn((const uint8_t *)data, len);
		free(data);
		jd_buf_free(&p);
		free(names[i]);
	}
	free(names);
	return n;
}

static void
replay(const char *target, int (*fn)(const uint8_t *, size_t))
{
	struct jd_buf seeds = JD_BUF_INIT, regress = JD_BUF_INIT;

	jd_buf_printf(&seeds, "tests/fuzz/seeds/%s", target);
	jd_buf_printf(&regress, "tests/fuzz/regress/%s", target);
	cr_expect_gt(replay_dir(seeds.data, fn, 0), 0, "no seeds for %s",
	    target);
	replay_dir(regress.data, fn, 0);
	if (getenv("JDALIGN_OPEN_FINDINGS"))
		replay_dir(regress.data, fn, 1);
	jd_buf_free(&seeds);
	jd_buf_free(&regress);
}

Test(fuzz_regress, embed) { replay("embed", fuzz_embed); }
Test(fuzz_regress, html) { replay("html", fuzz_html); }
Test(fuzz_regress, json) { replay("json", fuzz_json); }
Test(fuzz_regress, lexicon) { replay("lexicon", fuzz_lexicon); }
Test(fuzz_regress, resume) { replay("resume", fuzz_resume); }
Test(fuzz_regress, terms) { replay("terms", fuzz_terms); }
Test(fuzz_regress, strip) { replay("strip", fuzz_strip); }
#ifdef HAVE_CSVREAD
Test(fuzz_regress, csvread) { replay("csvread", fuzz_csvread); }
#endif
#ifdef HAVE_ROBOTS
Test(fuzz_regress, robots) { replay("robots", fuzz_robots); }
#endif
