/*
 * resume.h: a resume as people keep it (.txt, .md, .html, or standard input)
 * read into bullets, each with a stable id and the role or section it
 * stands under; other lines (summary, skills) are kept as text too.
 * Ownership: a jd_resume owns every string in it.
 */
#ifndef JDALIGN_RESUME_H
#define JDALIGN_RESUME_H

#include <stddef.h>

struct jd_bullet {
	char *id;		/* "R2-3": role 2, bullet 3; or "SKILLS-1" */
	char *text;
	char *context;		/* the role line or section heading */
	long line;		/* 1-based line of the bullet's first line */
	int hidden;		/* HTML: text a reader cannot see */
};

struct jd_resume {
	struct jd_bullet *bullets;
	size_t nbullets, cap;
	char **lines;		/* text outside bullets: summary, skills */
	size_t nlines, lcap;
	char **titles;		/* job titles from role lines */
	size_t ntitles, tcap;
};

/*
 * Reads a resume from bytes named path (the extension decides: .html/.htm
 * as HTML, .md/.markdown as Markdown, anything else as text). Returns 0, or
 * -1 when no text was found.
 */
int jd_resume_parse(const char *path, const char *bytes, size_t len,
    struct jd_resume *r);
void jd_resume_free(struct jd_resume *r);

#endif
