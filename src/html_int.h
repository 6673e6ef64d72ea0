/*
 * html_int.h: what the files of the html module share: building a posting
 * line by line, and reading HTML fragments (descriptions) into sections.
 */
#ifndef JDALIGN_HTML_INT_H
#define JDALIGN_HTML_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "jdalign/buf.h"
#include "jdalign/html.h"

/* html_section.c: the kind (JD_SEC_*) of the longest phrase of
 * corpora/sections.tsv for headings (line 0) or lines (line 1) that the
 * text s[0..n), as hb_normalize leaves it, holds; or -1. */
int hb_section_kind(const char *s, size_t n, int line);

/* Starts a section under heading (classified by sections.tsv). */
void hb_heading(struct jd_posting *p, const char *text, size_t n);
/* Adds a line, white space normalized, to the current section; empty lines
 * are dropped. A legal or benefits line may start a section of its own. */
void hb_line(struct jd_posting *p, const char *text, size_t n);
/* The same for a line hb_normalize made: takes it (line is left empty). */
void hb_line_take(struct jd_posting *p, struct jd_buf *line);
/* Collapses white space (NBSP included) to single spaces and trims. */
void hb_normalize(struct jd_buf *out, const char *s, size_t n);
/* Sets *field to a normalized copy of s when s has text and *field is
 * empty. */
void hb_set(char **field, const char *s, size_t n);
/* Reads an HTML fragment (a description) into p's sections. */
void hb_fragment(struct jd_posting *p, const char *html, size_t len);
/* A bold-only line that reads as a heading: short, one phrase, not a
 * sentence ("Nice to have", "What you'll do?"). */
int hb_bold_heading(const char *s, size_t n);
/* Heading-like text line: short and ending with ':', or all capitals. */
int hb_text_heading(const char *s, size_t n);

/* html_text.c: plain text and Markdown postings. */
void hb_text_posting(struct jd_posting *p, const char *s, size_t n, int md);
/* Adds lines of plain text (a description without tags). */
void hb_plain_lines(struct jd_posting *p, const char *s, size_t n);
/* html_json.c: the page's JSON-LD blocks: fills p from the JobPosting that
 * is the page's own (the only one, or the one whose title one of the
 * page's titles holds); returns 0 when there is none, 1 when it has no
 * description, 2 when it has one; sets *count to the JobPostings seen. */
int hb_jsonld(struct jd_posting *p, char *const *blocks, size_t n,
    const char *const *titles, size_t ntitles, size_t *count);
/* Reads a description: HTML, entity-escaped HTML or plain text. */
void hb_description(struct jd_posting *p, const char *s, size_t n);
/* A .json posting file: JobPostings or job-board API records. */
size_t hb_json_file(const char *path, const char *s, size_t n,
    struct jd_posting_list *out);
/* Sets status from the text found (ok, empty, wall). */
void hb_classify(struct jd_posting *p, const char *visible, size_t n);
struct jd_posting *hb_append(struct jd_posting_list *l, const char *id,
    const char *path);

/* The text of a page's script elements, set aside before the parse: one
 * entry per script start tag in the order of the page, up to where the
 * stripping stopped; and its long attribute values and runs of text, each
 * replaced in the page by HB_ASIDE_MARK and its number in pieces. */
struct hb_scripts {
	struct jd_buf text;	/* the texts and pieces, each ending in NUL */
	size_t *at;	/* where each script's text starts in text, or
			 * HB_SCRIPT_KEPT: the page still holds it */
	size_t n, cap;
	size_t *pieces;	/* where each piece starts in text */
	size_t npieces, pieces_cap;
};
#define HB_SCRIPTS_INIT { JD_BUF_INIT, NULL, 0, 0, NULL, 0, 0 }
#define HB_SCRIPT_KEPT ((size_t)-1)
/* Starts the mark that stands for a piece set aside: a byte no page from
 * hb_decode holds (it makes DEL a space). */
#define HB_ASIDE_MARK '\x7f'

/* html_strip.c: drops the text of the style elements of a page (UTF-8
 * from hb_decode) in place, before it is parsed, and moves the text of
 * its script elements, its long attribute values and its runs of text to
 * scripts (reset first). */
void hb_strip_raw(struct jd_buf *page, struct hb_scripts *scripts);
/* Whether libxml2 2.9 may read the page s[0..n) two ways (an entity's or
 * the doctype's name of a hundred bytes or more, some past ASCII): two
 * parses of it need not give the same tree. */
int hb_wide_names(const char *s, size_t n);
/* Whether the readers of a page's tree look at the attribute name[0..len)
 * (any case); hb_strip_raw drops the others before the parse. */
int hb_attr_read(const char *name, size_t len);
/* A data-* attribute is read only for the JSON it may hold: a value of
 * at least this many bytes that starts with '{' or '['. */
#define HB_DATA_JSON_MIN 200
/* Whether a data-* attribute's value v (as parsed) is read. */
int hb_data_value_read(const char *v);
void hb_scripts_free(struct hb_scripts *scripts);
/* Where the raw text of element name[0..len) that starts at s[i] ends:
 * at its first "</name" in any case, or n. */
size_t hb_raw_close(const char *s, size_t n, size_t i, const char *name,
    size_t len);

/* html_mem.c: libxml2 allocates a page's memory from a slab between
 * hb_mem_begin and hb_mem_end (calls nest; the outermost pair counts). */
void hb_mem_begin(void);
void hb_mem_end(void);

#endif
