/*
 * fetch_index.c: the fetch folder: DIR/index.csv (url, file, status,
 * fetched_at, etag, last_modified), read with csvread, appended to after
 * every change so an interrupted run resumes, and rewritten whole (sorted,
 * one row per URL) at the start and end of a run; pages written to a
 * temporary file and renamed into place, under names that never leave DIR
 * and never replace a file the index does not give to the same URL.
 * Knows nothing of HTTP or of job boards.
 */
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <pthread.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fetch_int.h"
#include "jdalign/csvread.h"
#include "jdalign/diag.h"
#include "jdalign/util.h"

#define INDEX "index.csv"
#define TMP_PREFIX ".jdalign-tmp-"
#define INDEX_MAX ((size_t)1 << 30)

static const char *const columns[] = {
	"url", "file", "status", "fetched_at", "etag", "last_modified"
};
#define NCOLUMNS 6

struct fetch_index {
	char *dir;
	int dirfd;
	int journal;		/* index.csv open for appending, or -1 */
	struct fetch_entry **v;	/* sorted by url */
	size_t n, cap;
	char **files;		/* every file an entry names, sorted */
	size_t nfiles, fcap;
	unsigned long tmp_seq;
	pthread_mutex_t lock;
};

/* ------------------------------------------------------------ time */

void
fetch_now_iso(char *buf, size_t n)
{
	time_t t = time(NULL);
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, n, "1970-01-01T00:00:00Z");
}

long long
fetch_iso_time(const char *s)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (end == NULL || *end != '\0')
		return -1;
	return (long long)timegm(&tm);
}

/* ------------------------------------------------------------ entries */

static char *
dup0(const char *s)
{
	return xstrdup(s ? s : "");
}

static struct fetch_entry *
entry_dup(const struct fetch_entry *e)
{
	struct fetch_entry *c = xmalloc(sizeof *c);

	c->url = dup0(e->url);
	c->file = dup0(e->file);
	c->status = dup0(e->status);
	c->fetched_at = dup0(e->fetched_at);
	c->etag = dup0(e->etag);
	c->last_modified = dup0(e->last_modified);
	return c;
}

void
fetch_entry_free(struct fetch_entry *e)
{
	if (e == NULL)
		return;
	free(e->url);
	free(e->file);
	free(e->status);
	free(e->fetched_at);
	free(e->etag);
	free(e->last_modified);
	memset(e, 0, sizeof *e);
}

/* Where key is, or would go, among n sorted items, key_at(v, i) giving the
 * string of item i. */
static size_t
search(const void *v, size_t n, const char *(*key_at)(const void *, size_t),
    const char *key, int *found)
{
	size_t lo = 0, hi = n;

	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key_at(v, mid), key);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const char *
entry_url(const void *v, size_t i)
{
	return ((struct fetch_entry *const *)v)[i]->url;
}

static const char *
file_name(const void *v, size_t i)
{
	return ((char *const *)v)[i];
}

/* Where url is, or would go, in the sorted entries. */
static size_t
find(const struct fetch_index *x, const char *url, int *found)
{
	return search(x->v, x->n, entry_url, url, found);
}

/* Where a file name is, or would go, in the sorted names taken. */
static size_t
find_file(const struct fetch_index *x, const char *file, int *found)
{
	return search(x->files, x->nfiles, file_name, file, found);
}

static void
claim_file(struct fetch_index *x, const char *file)
{
	int found;
	size_t at = find_file(x, file, &found);

	if (found || file[0] == '\0')
		return;
	if (x->nfiles == x->fcap) {
		x->fcap = x->fcap ? x->fcap * 2 : 64;
		x->files = xreallocarray(x->files, x->fcap, sizeof *x->files);
	}
	memmove(x->files + at + 1, x->files + at,
	    (x->nfiles - at) * sizeof *x->files);
	x->files[at] = xstrdup(file);
	x->nfiles++;
}

/* Replaces or inserts e; the lock is held (or there are no workers). */
static void
set_entry(struct fetch_index *x, const struct fetch_entry *e)
{
	int found;
	size_t at = find(x, e->url, &found);

	if (found) {
		fetch_entry_free(x->v[at]);
		free(x->v[at]);
	} else {
		if (x->n == x->cap) {
			x->cap = x->cap ? x->cap * 2 : 64;
			x->v = xreallocarray(x->v, x->cap, sizeof *x->v);
		}
		memmove(x->v + at + 1, x->v + at, (x->n - at) * sizeof *x->v);
		x->n++;
	}
	x->v[at] = entry_dup(e);
	claim_file(x, x->v[at]->file);
}

static void
row(struct jd_buf *b, const char *const *f)
{
	for (size_t i = 0; i < NCOLUMNS; i++) {
		if (i)
			jd_buf_addc(b, ',');
		jd_csvread_quote(b, f[i] ? f[i] : "");
	}
	jd_buf_addc(b, '\n');
}

static void
entry_row(struct jd_buf *b, const struct fetch_entry *e)
{
	const char *f[NCOLUMNS] = { e->url, e->file, e->status, e->fetched_at,
		e->etag, e->last_modified };

	row(b, f);
}

/* ------------------------------------------------------------ files */

static int
write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Writes name in DIR whole or not at all: a new temporary file, synced,
 * renamed over name. */
static int
save_file(struct fetch_index *x, const char *name, const char *data,
    size_t len, const char **cause)
{
	char tmp[64];
	int fd = -1;

	for (int tries = 0; fd < 0 && tries < 100; tries++) {
		unsigned long seq = __atomic_fetch_add(&x->tmp_seq, 1,
		    __ATOMIC_RELAXED);
		snprintf(tmp, sizeof tmp, TMP_PREFIX "%ld-%lu",
		    (long)getpid(), seq);
		fd = openat(x->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		*cause = strerror(errno);
		return -1;
	}
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		*cause = strerror(errno);
		close(fd);
		unlinkat(x->dirfd, tmp, 0);
		return -1;
	}
	if (close(fd) < 0 || renameat(x->dirfd, tmp, x->dirfd, name) < 0) {
		*cause = strerror(errno);
		unlinkat(x->dirfd, tmp, 0);
		return -1;
	}
	return 0;
}

/* Does DIR/name hold exactly data? */
static int
same_bytes(struct fetch_index *x, const char *name, const char *data,
    size_t len)
{
	int fd = openat(x->dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	char buf[65536];
	size_t off = 0;
	int same = 0;

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size == len) {
		ssize_t r;
		same = 1;
		while (same && (r = read(fd, buf, sizeof buf)) > 0) {
			if ((size_t)r > len - off ||
			    memcmp(buf, data + off, (size_t)r) != 0)
				same = 0;
			off += (size_t)r;
		}
		same = same && off == len;
	}
	close(fd);
	return same;
}

int
fetch_index_exists(struct fetch_index *x, const char *file)
{
	struct stat st;

	return file[0] && fstatat(x->dirfd, file, &st,
	    AT_SYMLINK_NOFOLLOW) == 0;
}

const char *
fetch_index_dir(const struct fetch_index *x)
{
	return x->dir;
}

/* ------------------------------------------------------------ index.csv */

static int
write_index(struct fetch_index *x, const char **cause)
{
	struct jd_buf b = JD_BUF_INIT;
	int rc;

	row(&b, columns);
	for (size_t i = 0; i < x->n; i++)
		entry_row(&b, x->v[i]);
	rc = save_file(x, INDEX, b.data, b.len, cause);
	jd_buf_free(&b);
	return rc;
}

/* Appends e's row at once, so an interruption keeps it. */
static void
journal(struct fetch_index *x, const struct fetch_entry *e, int durable)
{
	struct jd_buf b = JD_BUF_INIT;

	entry_row(&b, e);
	if (x->journal >= 0 && (write_all(x->journal, b.data, b.len) < 0 ||
	    (durable && fdatasync(x->journal) < 0))) {
		close(x->journal);
		x->journal = -1;	/* the final rewrite still holds it */
	}
	jd_buf_free(&b);
}

static int
read_text(int dirfd, const char *name, char **data, size_t *len)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct jd_buf b = JD_BUF_INIT;
	char buf[65536];
	ssize_t r;

	if (fd < 0)
		return errno == ENOENT ? 1 : -1;
	while ((r = read(fd, buf, sizeof buf)) > 0 && b.len < INDEX_MAX)
		jd_buf_add(&b, buf, (size_t)r);
	close(fd);
	if (r < 0 || b.len >= INDEX_MAX) {
		jd_buf_free(&b);
		if (r >= 0)
			errno = EFBIG;
		return -1;
	}
	*len = b.len;
	*data = jd_buf_take(&b);
	return 0;
}

/* Takes the rows of a parsed index; -1 when it is not one of ours. */
static int
load_rows(struct fetch_index *x, struct jd_csvread *r, const char *path,
    struct jd_diag *d)
{
	size_t rows = jd_csvread_rows(r);

	for (size_t i = 0; i < NCOLUMNS; i++)
		if (rows == 0 || jd_csvread_fields(r, 0) != NCOLUMNS ||
		    strcmp(jd_csvread_field(r, 0, i), columns[i]) != 0) {
			jd_diag_error(d, path, 1, JD_EXIT_FATAL, "not a "
			    "jdalign fetch index (columns: url, file, status, "
			    "fetched_at, etag, last_modified)");
			return -1;
		}
	for (size_t i = 1; i < rows; i++) {
		long line = jd_csvread_line(r, i);
		const char *f[NCOLUMNS];
		if (jd_csvread_fields(r, i) != NCOLUMNS) {
			jd_diag_error(d, path, line, JD_EXIT_FATAL,
			    "expected %d fields", NCOLUMNS);
			return -1;
		}
		for (size_t k = 0; k < NCOLUMNS; k++)
			f[k] = jd_csvread_field(r, i, k);
		struct fetch_entry e = { (char *)f[0], (char *)f[1],
			(char *)f[2], (char *)f[3], (char *)f[4],
			(char *)f[5] };
		if (e.file[0] && !jd_fetch_safe_name(e.file)) {
			jd_diag_warn(d, path, line, "file name not safe, "
			    "ignored: the page will be fetched again");
			e.file = (char *)"";
			e.etag = e.last_modified = (char *)"";
		}
		if (e.url[0])
			set_entry(x, &e);
	}
	return 0;
}

static int
load_index(struct fetch_index *x, struct jd_diag *d)
{
	struct jd_csvread *r;
	struct jd_buf path = JD_BUF_INIT;
	const char *cause = NULL;
	char *data = NULL;
	size_t len = 0;
	int rc = read_text(x->dirfd, INDEX, &data, &len);

	jd_buf_printf(&path, "%s/%s", x->dir, INDEX);
	if (rc != 0) {
		if (rc < 0)
			jd_diag_error(d, path.data, 0, JD_EXIT_FATAL, "%s",
			    strerror(errno));
		jd_buf_free(&path);
		return rc < 0 ? -1 : 0;
	}
	r = jd_csvread_new();
	rc = 0;
	if (jd_csvread_parse(r, data, len, &cause) < 0) {
		long line = jd_csvread_error_line(r);
		if (jd_csvread_error_at_end(r))
			jd_diag_warn(d, path.data, line, "%s (an interrupted "
			    "run?): that record is dropped", cause);
		else {
			jd_diag_error(d, path.data, line, JD_EXIT_FATAL,
			    "%s: mend or remove the file", cause);
			rc = -1;
		}
	}
	if (rc == 0)
		rc = load_rows(x, r, path.data, d);
	jd_csvread_free(r);
	free(data);
	jd_buf_free(&path);
	return rc;
}

/* ------------------------------------------------------------ folder */

static int
make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;

	for (char *s = p + 1; *s && rc == 0; s++)
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0777) < 0 && errno != EEXIST)
				rc = -1;
			*s = '/';
		}
	if (rc == 0 && mkdir(p, 0777) < 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* Removes the temporary files of a run that was killed mid-write. */
static void
remove_temporaries(int dirfd)
{
	int fd = dup(dirfd);
	DIR *dp = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;

	if (dp == NULL) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((e = readdir(dp)) != NULL)
		if (strncmp(e->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0)
			unlinkat(dirfd, e->d_name, 0);
	closedir(dp);
}

static void
index_free(struct fetch_index *x)
{
	for (size_t i = 0; i < x->n; i++) {
		fetch_entry_free(x->v[i]);
		free(x->v[i]);
	}
	for (size_t i = 0; i < x->nfiles; i++)
		free(x->files[i]);
	free(x->files);
	free(x->v);
	if (x->journal >= 0)
		close(x->journal);
	if (x->dirfd >= 0)
		close(x->dirfd);	/* and with it the lock */
	pthread_mutex_destroy(&x->lock);
	free(x->dir);
	free(x);
}

static int
lock_dir(struct fetch_index *x, struct jd_diag *d)
{
	x->dirfd = open(x->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (x->dirfd < 0) {
		jd_diag_error(d, x->dir, 0, JD_EXIT_FATAL, "%s",
		    strerror(errno));
		return -1;
	}
	if (flock(x->dirfd, LOCK_EX | LOCK_NB) < 0) {
		jd_diag_error(d, x->dir, 0, JD_EXIT_FATAL, "%s",
		    errno == EWOULDBLOCK ? "another jdalign fetch is using "
		    "this folder" : strerror(errno));
		return -1;
	}
	return 0;
}

struct fetch_index *
fetch_index_open(const char *dir, struct jd_diag *d)
{
	struct fetch_index *x = xcalloc(1, sizeof *x);
	const char *cause;

	x->dir = xstrdup(dir);
	for (size_t n = strlen(x->dir); n > 1 && x->dir[n - 1] == '/'; n--)
		x->dir[n - 1] = '\0';	/* "postings/" prints as "postings" */
	x->dirfd = x->journal = -1;
	pthread_mutex_init(&x->lock, NULL);
	if (make_dirs(x->dir) < 0) {
		jd_diag_error(d, dir, 0, JD_EXIT_FATAL, "cannot create: %s",
		    strerror(errno));
		index_free(x);
		return NULL;
	}
	if (lock_dir(x, d) < 0 || load_index(x, d) < 0) {
		index_free(x);
		return NULL;
	}
	remove_temporaries(x->dirfd);
	if (write_index(x, &cause) == 0)
		x->journal = openat(x->dirfd, INDEX, O_WRONLY | O_APPEND |
		    O_NOFOLLOW | O_CLOEXEC);
	else
		errno = 0;
	if (x->journal < 0) {
		jd_diag_error(d, dir, 0, JD_EXIT_FATAL, "cannot write "
		    INDEX ": %s", errno ? strerror(errno) : cause);
		index_free(x);
		return NULL;
	}
	return x;
}

int
fetch_index_close(struct fetch_index *x, struct jd_diag *d)
{
	const char *cause;
	int rc = 0;

	if (x == NULL)
		return 0;
	if (write_index(x, &cause) < 0) {
		jd_diag_error(d, x->dir, 0, JD_EXIT_FATAL, "cannot write "
		    INDEX ": %s", cause);
		rc = -1;
	}
	index_free(x);
	return rc;
}

int
fetch_index_get(struct fetch_index *x, const char *url, struct fetch_entry *e)
{
	int found;
	size_t at;

	pthread_mutex_lock(&x->lock);
	at = find(x, url, &found);
	if (found) {
		struct fetch_entry *c = entry_dup(x->v[at]);
		*e = *c;
		free(c);
	} else {
		struct fetch_entry none = { (char *)url, 0, 0, 0, 0, 0 };
		struct fetch_entry *c = entry_dup(&none);
		*e = *c;
		free(c);
	}
	pthread_mutex_unlock(&x->lock);
	return found ? 0 : -1;
}

void
fetch_index_put(struct fetch_index *x, const struct fetch_entry *e,
    int durable)
{
	pthread_mutex_lock(&x->lock);
	set_entry(x, e);
	journal(x, e, durable);
	pthread_mutex_unlock(&x->lock);
}

char **
fetch_index_keys(struct fetch_index *x, const char *prefix, size_t *n)
{
	size_t len = strlen(prefix), at;
	char **keys = NULL;
	int found;

	*n = 0;
	pthread_mutex_lock(&x->lock);
	at = find(x, prefix, &found);
	for (size_t i = at; i < x->n &&
	    strncmp(x->v[i]->url, prefix, len) == 0; i++) {
		keys = xreallocarray(keys, *n + 1, sizeof *keys);
		keys[(*n)++] = xstrdup(x->v[i]->url);
	}
	pthread_mutex_unlock(&x->lock);
	return keys;
}

/* ------------------------------------------------------------ pages */

/* A name for url's page: the one its entry holds when the extension
 * agrees, else the first of NAME, NAME-2, ... that no entry names and no
 * file in DIR has. The lock is held. */
static char *
pick_name(struct fetch_index *x, const char *url, const char *ext,
    const struct fetch_entry *old)
{
	char *base, *name;
	size_t stem;
	int found;

	if (old && old->file[0] && jd_util_has_suffix(old->file, ext))
		return xstrdup(old->file);
	base = jd_fetch_file_name(url, ext);
	stem = strlen(base) - strlen(ext);
	name = xstrdup(base);
	for (int k = 2; k < 1000; k++) {
		find_file(x, name, &found);
		if (!found && !fetch_index_exists(x, name))
			break;
		struct jd_buf b = JD_BUF_INIT;
		jd_buf_printf(&b, "%.*s-%d%s", (int)stem, base, k, ext);
		free(name);
		name = jd_buf_take(&b);
	}
	free(base);
	return name;
}

int
fetch_index_save(struct fetch_index *x, const char *url, const char *ext,
    const char *data, size_t len, char **file, int *changed,
    const char **cause)
{
	int found, rc;
	char stamp[32], *name, *drop = NULL;

	pthread_mutex_lock(&x->lock);
	size_t at = find(x, url, &found);
	struct fetch_entry *old = found ? x->v[at] : NULL;
	name = pick_name(x, url, ext, old);
	*changed = !(old && strcmp(old->file, name) == 0 &&
	    same_bytes(x, name, data, len));
	if (*changed) {
		if (old && old->file[0] && strcmp(old->file, name) != 0)
			drop = xstrdup(old->file);
		fetch_now_iso(stamp, sizeof stamp);
		struct fetch_entry e = { (char *)url, name, (char *)"saving",
			stamp, (char *)"", (char *)"" };
		set_entry(x, &e);
		journal(x, &e, 1);
	}
	pthread_mutex_unlock(&x->lock);
	*file = name;
	if (!*changed)
		return 0;
	rc = save_file(x, name, data, len, cause);
	if (rc == 0 && drop)
		unlinkat(x->dirfd, drop, 0);	/* ours: the index said so */
	free(drop);
	return rc;
}
