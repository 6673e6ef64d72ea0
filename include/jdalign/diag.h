/*
 * diag.h: messages to standard error in one form, and the exit status they
 * add up to (the worst wins). Safe to call from worker threads.
 *   jdalign: PATH[:LINE]: warning|error: message
 *   jdalign: message
 * Ownership: a diag borrows its stream; jd_diag_new's result is the caller's.
 */
#ifndef JDALIGN_DIAG_H
#define JDALIGN_DIAG_H

#include <stdio.h>

enum {
	JD_EXIT_OK = 0,
	JD_EXIT_FAIL_UNDER = 1,	/* --fail-under not met */
	JD_EXIT_USAGE = 2,
	JD_EXIT_INPUT = 3,	/* some inputs unreadable; the rest reported */
	JD_EXIT_FATAL = 4	/* no usable input, or output not written */
};

struct jd_diag;

/* quiet drops warnings (errors always print). */
struct jd_diag *jd_diag_new(FILE *err, int quiet);
void jd_diag_free(struct jd_diag *d);

/* line 0 means no line. A warning leaves the exit status alone. */
void jd_diag_warn(struct jd_diag *d, const char *path, long line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Prints an error about an input and raises the status to at least status. */
void jd_diag_error(struct jd_diag *d, const char *path, long line, int status,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* A message that concerns no input; raises the status when status > 0. */
void jd_diag_msg(struct jd_diag *d, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void jd_diag_raise(struct jd_diag *d, int status);
int jd_diag_status(const struct jd_diag *d);
int jd_diag_quiet(const struct jd_diag *d);
FILE *jd_diag_stream(const struct jd_diag *d);
unsigned long jd_diag_warnings(const struct jd_diag *d);
unsigned long jd_diag_errors(const struct jd_diag *d);

#endif
