/*
 * load.h: turns the POSTING arguments (files, folders searched recursively
 * for .html .htm .txt .md .json, "-" for standard input) into a sorted,
 * de-duplicated list of paths, and reads each within the input cap.
 * Ownership: a jd_inputs owns its paths.
 */
#ifndef JDALIGN_LOAD_H
#define JDALIGN_LOAD_H

#include <stddef.h>

struct jd_diag;

struct jd_inputs {
	char **paths;
	size_t n, cap;
};

#define JD_LOAD_MAX_BYTES ((size_t)32 << 20)

/*
 * Collects the inputs named by args in argument order (a folder's files in
 * byte order of their paths). Unreadable arguments are reported as errors
 * (exit status 3) and skipped; symbolic-link loops are not followed twice.
 */
void jd_load_collect(char *const *args, size_t nargs, struct jd_inputs *out,
    struct jd_diag *d);
/* Does a file name have a posting extension? */
int jd_load_posting_name(const char *name);
void jd_inputs_free(struct jd_inputs *in);

/*
 * Looks at an input's bytes before any parser does (load_guard.c). Returns
 * 0, or -1 with *cause set to a message the caller frees: when the bytes
 * are plainly not text (a PNG, PDF or zip named .html), or, unless the name
 * ends in .txt, .md or .markdown, when start tags hold so many attributes
 * that libxml2 2.9 would take minutes over them, or so many tags that the
 * tree would not fit in memory. HTML carried inside JSON strings is checked
 * by jd_load_guard_html where it is parsed. *widest (when widest is not
 * NULL) gets the most attributes a start tag of the bytes may have, for
 * jd_html_read_guarded, or JD_WIDEST_UNKNOWN.
 */
#define JD_WIDEST_UNKNOWN ((size_t)-1)
int jd_load_guard(const char *path, const char *bytes, size_t len,
    size_t *widest, char **cause);
/* The attribute check alone, on HTML exactly as libxml2 will be given it:
 * for a parser of fragments (a description inside JSON). 0 or -1. */
int jd_load_guard_html(const char *html, size_t len, char **cause);
/* The most attributes a start tag of html may have as libxml2 reads it (an
 * upper bound; exact for pages with no stray '<' in a tag). */
size_t jd_load_guard_widest(const char *html, size_t len);

#endif
