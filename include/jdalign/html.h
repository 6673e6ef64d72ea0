/*
 * html.h: turns the bytes of a saved page, a plain-text or Markdown posting,
 * or a .json posting file into postings: title, company, location and
 * sections of lines, the way a person reads the page. Structured data
 * (schema.org JobPosting in JSON-LD, embedded application data) comes first,
 * then the page's main content, then meta tags.
 * Ownership: a jd_posting owns every string in it; jd_posting_free frees
 * them. Input bytes are borrowed.
 */
#ifndef JDALIGN_HTML_H
#define JDALIGN_HTML_H

#include <stddef.h>

enum jd_status {
	JD_POST_OK, JD_POST_EMPTY, JD_POST_WALL, JD_POST_LISTING, JD_POST_ERROR
};

enum jd_section_kind {
	JD_SEC_REQUIRED, JD_SEC_PREFERRED, JD_SEC_RESPONSIBILITIES,
	JD_SEC_ABOUT, JD_SEC_BENEFITS, JD_SEC_LEGAL, JD_SEC_OTHER,
	JD_SEC_COUNT
};

struct jd_section {
	char *heading;		/* "" for text before any heading */
	int kind;		/* enum jd_section_kind */
	char **lines;
	size_t nlines, cap;
};

struct jd_posting {
	char *id;		/* the path, or PATH#INDEX inside a .json file */
	char *path;
	int status;		/* enum jd_status */
	const char *source;	/* "jsonld" "embedded" "meta" "html" "text" */
	char *title, *company, *location;
	struct jd_section *sections;
	size_t nsections, cap;
	char **warnings;
	size_t nwarnings, wcap;
};

struct jd_posting_list {
	struct jd_posting *v;
	size_t n, cap;
};

/* Gives libxml2 the allocator pages are read with; call once, before any
 * other libxml2 call (xmlInitParser included). */
void jd_html_setup(void);

/*
 * Reads the postings in bytes[0..len) named path: one for a page or a text
 * file, one for each element of a .json file. Appends them to out (their
 * ids and warnings set; status JD_POST_ERROR when unreadable). Returns the
 * number appended. A page is read from its JSON-LD JobPosting, else the
 * description in its embedded application data, else its main content,
 * else its meta description; a page that is no posting (JD_POST_WALL,
 * JD_POST_EMPTY, JD_POST_LISTING) keeps its title but no sections.
 * Any bytes are safe: the caller caps the size, and pages past 256 MiB
 * are read in part with a warning.
 */
size_t jd_html_read(const char *path, const char *bytes, size_t len,
    struct jd_posting_list *out);
/* The same, for bytes jd_load_guard passed: widest is what it counted
 * (the most attributes of a start tag), so the bytes are not scanned for
 * wide tags again. Takes bytes, as jd_util_read_file returns them (from
 * malloc, a NUL at bytes[len]), and frees them: a page is decoded where
 * it lies when it can be. */
size_t jd_html_read_guarded(const char *path, char *bytes, size_t len,
    size_t widest, struct jd_posting_list *out);

/* The section kind of a heading ("What you'll bring" -> required), or -1. */
int jd_html_heading_kind(const char *heading);

const char *jd_html_status_name(int status);
const char *jd_html_kind_name(int kind);
/* Total bytes of all lines and headings: how much text was found. */
size_t jd_posting_text_size(const struct jd_posting *p);
void jd_posting_warn(struct jd_posting *p, const char *msg);
/* Frees the sections and their lines, keeping the rest of the posting. */
void jd_posting_drop_sections(struct jd_posting *p);
void jd_posting_free(struct jd_posting *p);
void jd_posting_list_free(struct jd_posting_list *l);

#endif
