/*
 * diag.c: prints messages in the one form DESIGN.md gives and keeps the worst
 * exit status. A mutex keeps lines whole when workers report at once.
 */
#include <pthread.h>
#include <stdarg.h>

#include "jdalign/buf.h"
#include "jdalign/diag.h"
#include "jdalign/util.h"

struct jd_diag {
	FILE *err;
	int quiet;
	int status;
	unsigned long warnings, errors;
	pthread_mutex_t lock;
};

struct jd_diag *
jd_diag_new(FILE *err, int quiet)
{
	struct jd_diag *d = xcalloc(1, sizeof *d);

	d->err = err;
	d->quiet = quiet;
	pthread_mutex_init(&d->lock, NULL);
	return d;
}

void
jd_diag_free(struct jd_diag *d)
{
	if (d == NULL)
		return;
	pthread_mutex_destroy(&d->lock);
	free(d);
}

static void
emit(struct jd_diag *d, const char *path, long line, const char *level,
    int status, const char *fmt, va_list ap)
{
	struct jd_buf b = JD_BUF_INIT;

	jd_buf_adds(&b, "jdalign: ");
	if (path) {
		jd_buf_adds(&b, path);
		if (line > 0)
			jd_buf_printf(&b, ":%ld", line);
		jd_buf_adds(&b, ": ");
	}
	if (level)
		jd_buf_printf(&b, "%s: ", level);
	jd_buf_vprintf(&b, fmt, ap);
	jd_buf_addc(&b, '\n');
	pthread_mutex_lock(&d->lock);
	if (status > d->status)
		d->status = status;
	if (level && level[0] == 'w')
		d->warnings++;
	else if (level)
		d->errors++;
	if (!(d->quiet && level && level[0] == 'w')) {
		fwrite(b.data, 1, b.len, d->err);
		fflush(d->err);
	}
	pthread_mutex_unlock(&d->lock);
	jd_buf_free(&b);
}

void
jd_diag_warn(struct jd_diag *d, const char *path, long line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(d, path, line, "warning", 0, fmt, ap);
	va_end(ap);
}

void
jd_diag_error(struct jd_diag *d, const char *path, long line, int status,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(d, path, line, "error", status, fmt, ap);
	va_end(ap);
}

void
jd_diag_msg(struct jd_diag *d, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(d, NULL, 0, NULL, status, fmt, ap);
	va_end(ap);
}

void
jd_diag_raise(struct jd_diag *d, int status)
{
	pthread_mutex_lock(&d->lock);
	if (status > d->status)
		d->status = status;
	pthread_mutex_unlock(&d->lock);
}

int
jd_diag_status(const struct jd_diag *d)
{
	return d->status;
}

int
jd_diag_quiet(const struct jd_diag *d)
{
	return d->quiet;
}

FILE *
jd_diag_stream(const struct jd_diag *d)
{
	return d->err;
}

unsigned long
jd_diag_warnings(const struct jd_diag *d)
{
	return d->warnings;
}

unsigned long
jd_diag_errors(const struct jd_diag *d)
{
	return d->errors;
}
