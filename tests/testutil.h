/*
 * testutil.h: what the Criterion suites share: a leak check after every
 * test (LeakSanitizer only reports; a crash makes Criterion count it), the
 * command line run in-process, and whole-file reads.
 */
#ifndef JDALIGN_TESTUTIL_H
#define JDALIGN_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "jdalign/main.h"
#include "jdalign/buf.h"
#include "jdalign/util.h"

#if defined(__SANITIZE_ADDRESS__)
int __lsan_do_recoverable_leak_check(void);
static inline void
jd_test_fini(void)
{
	if (__lsan_do_recoverable_leak_check())
		abort();
}
#else
static inline void
jd_test_fini(void)
{
}
#endif

/* The output of one in-process run of the command line. */
struct jd_run_result {
	int status;
	char *out, *err;
};

static inline char *
jd_test_slurp_stream(FILE *f)
{
	long n;
	char *s;

	fflush(f);
	n = ftell(f);
	s = malloc((size_t)n + 1);
	rewind(f);
	n = (long)fread(s, 1, (size_t)n, f);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* Runs jd_main with the NULL-terminated argument list. */
static inline struct jd_run_result
jd_test_run(const char **args)
{
	struct jd_run_result r;
	char *argv[64];
	int argc = 0;
	FILE *out = tmpfile(), *err = tmpfile();

	argv[argc++] = (char *)"jdalign";
	while (args[argc - 1] && argc < 63) {
		argv[argc] = (char *)args[argc - 1];
		argc++;
	}
	argv[argc] = NULL;
	r.status = jd_main(argc, argv, out, err);
	r.out = jd_test_slurp_stream(out);
	r.err = jd_test_slurp_stream(err);
	return r;
}

static inline void
jd_run_result_free(struct jd_run_result *r)
{
	free(r->out);
	free(r->err);
}

static inline char *
jd_test_read(const char *path)
{
	const char *cause;
	char *data;
	size_t len;

	if (jd_util_read_file(path, (size_t)1 << 30, &data, &len, &cause) < 0)
		return NULL;
	return data;
}

static inline void
jd_test_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f, "cannot create %s", path);
	fputs(text, f);
	fclose(f);
}

/* A fresh temporary folder; the caller removes it. */
static inline char *
jd_test_tmpdir(void)
{
	char *t = strdup("/tmp/jdalign-test.XXXXXX");

	cr_assert_not_null(mkdtemp(t));
	return t;
}

static inline void
jd_test_rmrf(const char *dir)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

#endif
