/*
 * fuzz.h: what the libFuzzer harnesses share. Each harness file defines its
 * entry with JD_FUZZ_TARGET(name): built by `make fuzz` it is libFuzzer's
 * LLVMFuzzerTestOneInput; included by tests/test_fuzz_regress.c (with
 * JD_FUZZ_REPLAY defined) it is a static fuzz_<name>() that replays the
 * seeds and the regression fixtures in make test. A harness reads its
 * input the way the command line does (run.c): within the guard, under the
 * parse deadline, NUL-terminated as jd_util_read_file returns it.
 */
#ifndef JDALIGN_FUZZ_H
#define JDALIGN_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jdalign/load.h"
#include "jdalign/main.h"
#include "jdalign/util.h"

#ifdef JD_FUZZ_REPLAY
#define JD_FUZZ_TARGET(t) \
	static int fuzz_##t(const uint8_t *data, size_t size)
#else
#define JD_FUZZ_TARGET(t) \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
#endif

/* libxml2 set up as jd_main does, once per process. */
static inline void
jd_fuzz_init(void)
{
	static int done;

	if (!done) {
		jd_main_init();
		done = 1;
	}
}

/* The input as jd_util_read_file returns a file: a NUL-terminated copy. */
static inline char *
jd_fuzz_copy(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Where diagnostics go: nowhere, opened once. */
static inline FILE *
jd_fuzz_devnull(void)
{
	static FILE *f;

	if (f == NULL)
		f = fopen("/dev/null", "w");
	return f;
}

#endif
