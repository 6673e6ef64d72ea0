/*
 * buf.c: growable byte buffers. Knows nothing but memory.
 */
#include <stdio.h>
#include <string.h>

#include "jdalign/buf.h"
#include "jdalign/util.h"

void
jd_buf_grow(struct jd_buf *b, size_t n)
{
	size_t need = b->len + n + 1;

	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void
jd_buf_add(struct jd_buf *b, const void *p, size_t n)
{
	jd_buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
jd_buf_adds(struct jd_buf *b, const char *s)
{
	jd_buf_add(b, s, strlen(s));
}

void
jd_buf_vprintf(struct jd_buf *b, const char *fmt, va_list ap)
{
	va_list cp;

	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	jd_buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
jd_buf_printf(struct jd_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	jd_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
jd_buf_reset(struct jd_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *
jd_buf_take(struct jd_buf *b)
{
	char *p = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

const char *
jd_buf_str(const struct jd_buf *b)
{
	return b->data ? b->data : "";
}

void
jd_buf_free(struct jd_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
