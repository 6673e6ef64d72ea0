/*
 * load.c: finds the posting files named on the command line. Folders are
 * walked with an explicit stack, entries sorted, hidden files skipped, and
 * each directory visited once (by device and inode), so a link loop ends.
 * Knows nothing of what the files hold.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "jdalign/buf.h"
#include "jdalign/diag.h"
#include "jdalign/load.h"
#include "jdalign/util.h"

#define MAX_DEPTH 64

/* The directories walked, by device and inode: an open-addressing set,
 * so a tree of a million folders costs no more than a million lookups. */
struct seen {
	struct dirid {
		dev_t dev;
		ino_t ino;
		int used;
	} *v;
	size_t n, cap;
};

static void
add_path(struct jd_inputs *in, const char *p)
{
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 64;
		in->paths = xreallocarray(in->paths, in->cap, sizeof *in->paths);
	}
	in->paths[in->n++] = xstrdup(p);
}

int
jd_load_posting_name(const char *name)
{
	static const char *const exts[] = {
		".html", ".htm", ".txt", ".md", ".json", NULL
	};
	for (const char *const *e = exts; *e; e++)
		if (jd_util_has_suffix(name, *e))
			return 1;
	return 0;
}

static size_t
dirid_slot(const struct seen *s, dev_t dev, ino_t ino)
{
	uint64_t h = jd_util_fnv(JD_FNV_INIT, &dev, sizeof dev);
	size_t i;

	h = jd_util_fnv(h, &ino, sizeof ino);
	for (i = (size_t)h & (s->cap - 1); s->v[i].used &&
	    (s->v[i].dev != dev || s->v[i].ino != ino);
	    i = (i + 1) & (s->cap - 1))
		;
	return i;
}

/* Has st's directory been walked? Records it if not. */
static int
visited(struct seen *s, const struct stat *st)
{
	if (2 * (s->n + 1) > s->cap) {
		struct seen g = { NULL, s->n, s->cap ? 2 * s->cap : 64 };
		g.v = xcalloc(g.cap, sizeof *g.v);
		for (size_t i = 0; i < s->cap; i++)
			if (s->v[i].used)
				g.v[dirid_slot(&g, s->v[i].dev,
				    s->v[i].ino)] = s->v[i];
		free(s->v);
		*s = g;
	}
	size_t i = dirid_slot(s, st->st_dev, st->st_ino);
	if (s->v[i].used)
		return 1;
	s->v[i] = (struct dirid){ st->st_dev, st->st_ino, 1 };
	s->n++;
	return 0;
}

/* A folder's entry: its full path, and whether the folder listing
 * already said it is a regular file (no stat needed). */
struct entry {
	char *path;
	int regular;
};

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path,
	    ((const struct entry *)b)->path);
}

/* Lists dir's entries (sorted, hidden ones left out). */
static struct entry *
list_dir(const char *dir, size_t *n, struct jd_diag *d)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	struct entry *v = NULL;
	size_t cap = 0;

	*n = 0;
	if (dp == NULL) {
		jd_diag_error(d, dir, 0, JD_EXIT_INPUT, "%s", strerror(errno));
		return NULL;
	}
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			v = xreallocarray(v, cap, sizeof *v);
		}
		struct jd_buf p = JD_BUF_INIT;
		jd_buf_adds(&p, dir);
		if (p.len && p.data[p.len - 1] != '/')
			jd_buf_addc(&p, '/');
		jd_buf_adds(&p, e->d_name);
		v[*n].regular = e->d_type == DT_REG;
		v[(*n)++].path = jd_buf_take(&p);
	}
	closedir(dp);
	if (*n)
		qsort(v, *n, sizeof *v, by_name);
	return v;
}

struct frame {
	struct entry *entries;
	size_t n, next;
};

static void
walk_dir(const char *root, struct jd_inputs *in, struct seen *seen,
    struct jd_diag *d)
{
	struct frame stack[MAX_DEPTH];
	int top = 0;

	stack[0].entries = list_dir(root, &stack[0].n, d);
	stack[0].next = 0;
	while (top >= 0) {
		struct frame *f = &stack[top];
		if (f->next == f->n) {
			for (size_t i = 0; i < f->n; i++)
				free(f->entries[i].path);
			free(f->entries);
			top--;
			continue;
		}
		const struct entry *en = &f->entries[f->next++];
		const char *p = en->path;
		struct stat st;
		if (en->regular) {
			if (jd_load_posting_name(p))
				add_path(in, p);
			continue;
		}
		if (stat(p, &st) != 0) {
			if (jd_load_posting_name(p))
				jd_diag_error(d, p, 0, JD_EXIT_INPUT, "%s",
				    strerror(errno));
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (visited(seen, &st))
				continue;
			if (top + 1 == MAX_DEPTH) {
				jd_diag_warn(d, p, 0, "folder too deep, skipped");
				continue;
			}
			top++;
			stack[top].entries = list_dir(p, &stack[top].n, d);
			stack[top].next = 0;
		} else if (jd_load_posting_name(p))
			add_path(in, p);
	}
}

void
jd_load_collect(char *const *args, size_t nargs, struct jd_inputs *out,
    struct jd_diag *d)
{
	struct seen seen = { 0 };
	struct stat st;

	for (size_t i = 0; i < nargs; i++) {
		if (strcmp(args[i], "-") == 0) {
			add_path(out, "-");
			continue;
		}
		if (stat(args[i], &st) != 0) {
			jd_diag_error(d, args[i], 0, JD_EXIT_INPUT, "%s",
			    strerror(errno));
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (!visited(&seen, &st))
				walk_dir(args[i], out, &seen, d);
		} else
			add_path(out, args[i]);
	}
	free(seen.v);
}

void
jd_inputs_free(struct jd_inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->paths[i]);
	free(in->paths);
	memset(in, 0, sizeof *in);
}
