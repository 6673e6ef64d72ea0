/*
 * util.h: memory that never returns NULL, files, UTF-8 and the corpora
 * embedded into the binary. Knows nothing of any stage above it.
 * Ownership: what x*alloc, xstrdup and jd_util_read_file return belongs to
 * the caller; embedded corpora are static and borrowed.
 */
#ifndef JDALIGN_UTIL_H
#define JDALIGN_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct jd_buf;

/* Allocation; out of memory prints a message and aborts. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * Reads a whole file (or standard input for "-") of at most max bytes.
 * Returns 0 and sets *data (NUL-terminated) and *len, or -1 with *cause set
 * to a static message. A file larger than max fails with "file too large".
 */
int jd_util_read_file(const char *path, size_t max, char **data, size_t *len,
    const char **cause);

/* 64-bit FNV-1a of n bytes, continuing from h (start with JD_FNV_INIT). */
#define JD_FNV_INIT 0xcbf29ce484222325ULL
uint64_t jd_util_fnv(uint64_t h, const void *p, size_t n);

/* Decodes one UTF-8 sequence at s (n bytes left): returns its length and sets
 * *cp, or returns 0 for an invalid or truncated sequence. */
size_t jd_util_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
void jd_util_utf8_put(struct jd_buf *b, uint32_t cp);
int jd_util_utf8_valid(const char *s, size_t n);

/*
 * Converts bytes to valid UTF-8 into out: strips a UTF-8 BOM, decodes
 * UTF-16 with a BOM, keeps valid UTF-8, converts the rest as Windows-1252
 * (undefined bytes and NUL become U+FFFD) unless charset names UTF-8, in
 * which case invalid sequences become U+FFFD. Returns what it did:
 * "utf-8", "utf-16", "windows-1252" or "utf-8 (repaired)".
 */
const char *jd_util_to_utf8(const char *s, size_t n, const char *charset,
    struct jd_buf *out);

/* Repairs UTF-8 text that was decoded as Latin-1/Windows-1252 and encoded
 * again ("â€™" or "â" + C1 controls for ’), in place. Returns how many
 * sequences it repaired. */
size_t jd_util_fix_mojibake(char *s, size_t *n);

/* The value of a hexadecimal digit, or -1. */
int jd_util_hexval(int c);

/* ASCII case-insensitive comparisons. */
int jd_util_strcasecmp(const char *a, const char *b);
/* The first place needle stands in s (s[0..n)), ASCII letters in any
 * case; NULL when nowhere. */
const char *jd_util_casestr(const char *s, const char *needle);
const char *jd_util_casemem(const char *s, size_t n, const char *needle);
int jd_util_has_suffix(const char *s, const char *suffix);

/* Parses a whole decimal number in [min, max]; 0 or -1. */
int jd_util_parse_long(const char *s, long min, long max, long *out);

/* An embedded corpus file by base name ("lexicon.tsv"), or NULL. */
const char *jd_util_corpus(const char *name, size_t *len);

/* Seconds since an arbitrary start, for timings. */
double jd_util_now(void);

/*
 * A time limit for the parse running in the calling thread (a worker parses
 * one input at a time). libxml2's error handler in main.c asks
 * jd_util_deadline_check whether to stop a parse that is still reporting
 * misplaced tags; start arms the limit, end disarms it and says whether a
 * parse was stopped meanwhile (1) or not (0).
 */
void jd_util_deadline_start(double seconds);
int jd_util_deadline_check(void);
int jd_util_deadline_end(void);

#endif
