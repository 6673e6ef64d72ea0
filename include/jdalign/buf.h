/*
 * buf.h: growable byte buffers, always NUL-terminated.
 * Ownership: a jd_buf owns its bytes; jd_buf_take hands them to the caller.
 */
#ifndef JDALIGN_BUF_H
#define JDALIGN_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct jd_buf {
	char *data;	/* NUL-terminated once anything was added; may be NULL */
	size_t len;
	size_t cap;
};

#define JD_BUF_INIT { NULL, 0, 0 }

/* Appends n bytes; out of memory is fatal. */
void jd_buf_add(struct jd_buf *b, const void *p, size_t n);
void jd_buf_adds(struct jd_buf *b, const char *s);
/* Appends formatted text (vsnprintf rules). */
void jd_buf_printf(struct jd_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void jd_buf_vprintf(struct jd_buf *b, const char *fmt, va_list ap);
/* Makes room for n more bytes without changing len. */
void jd_buf_grow(struct jd_buf *b, size_t n);
/* Appends one byte; inline, since text is built a byte at a time. */
static inline void
jd_buf_addc(struct jd_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		jd_buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

/* Empties the buffer and keeps its memory. */
void jd_buf_reset(struct jd_buf *b);
/* Returns the bytes (never NULL, NUL-terminated) and empties the buffer. */
char *jd_buf_take(struct jd_buf *b);
/* The bytes as a string: "" when empty. Borrowed. */
const char *jd_buf_str(const struct jd_buf *b);
void jd_buf_free(struct jd_buf *b);

#endif
