/*
 * html_mem.c: libxml2's and jansson's memory while one page is read. A
 * parse allocates every node, name and text of the page one by one and
 * frees them all when the page is done, so a page's memory comes from a
 * slab that is reset at the end of the page: allocation is a pointer bump,
 * freeing inside the slab costs nothing, and the tree goes in one step.
 *
 * The slabs are slices of one reservation made at start-up; a page takes a
 * free slice when it starts and gives it back when it ends, so as many
 * slices are in use as pages are being read. Whether a pointer lies in the
 * reservation is one comparison, which is how free and realloc tell slab
 * memory from malloc's. A request the slice has no room for, and all of
 * libxml2's memory outside a page, comes from malloc as before.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <jansson.h>
#include <libxml/xmlmemory.h>

#include "html_dom.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define SLICE_SIZE ((size_t)64 << 20)	/* one page's libxml2 memory */
#define SLICES 32	/* pages read at once, at most, from slabs */
/* a slice's memory kept resident between pages */
#define KEEP_RESIDENT ((size_t)4 << 20)
#define HDR 16	/* size of a block, before it; keeps 16-byte alignment */

struct slab {
	char *base, *top, *end;
	int depth;	/* nested hb_mem_begin calls */
	size_t spilled;	/* blocks from malloc since the slice was taken */
};

static char *region;
static size_t region_size;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned free_slices[SLICES];
static unsigned nfree;
static _Thread_local struct slab cur;

static int
in_region(const void *p)
{
	return (uintptr_t)p - (uintptr_t)region < region_size;
}

static size_t
block_size(const void *p)
{
	size_t n;

	memcpy(&n, (const char *)p - HDR, sizeof n);
	return n;
}

static void *
mem_malloc(size_t n)
{
	size_t k = (n + HDR + 15) & ~(size_t)15;

	if (cur.base && k > n && (size_t)(cur.end - cur.top) >= k) {
		char *p = cur.top;
		cur.top += k;
		UNPOISON(p, HDR + n);
		memcpy(p, &n, sizeof n);
		return p + HDR;
	}
	cur.spilled += cur.base != NULL;
	return malloc(n);
}

/* A slab block is freed with its slab; a pointer to one may even outlive
 * its page (libxml2 keeps its last error's strings until the next error),
 * so nothing here reads it. */
static void
mem_free(void *p)
{
	if (!in_region(p))
		free(p);
}

static void *
mem_realloc(void *p, size_t n)
{
	if (p == NULL)
		return mem_malloc(n);
	if (!in_region(p)) {
		cur.spilled += cur.base != NULL;
		return realloc(p, n);
	}
	size_t old = block_size(p);
	char *start = (char *)p - HDR;
	size_t had = (old + HDR + 15) & ~(size_t)15;
	size_t want = (n + HDR + 15) & ~(size_t)15;
	/* the last block of the slab grows where it is */
	if (cur.base && start + had == cur.top && want > n &&
	    (size_t)(cur.end - start) >= want) {
		cur.top = start + want;
		UNPOISON(start, HDR + n);
		memcpy(start, &n, sizeof n);
		return p;
	}
	if (n <= old)
		return p;
	void *q = mem_malloc(n);
	if (q)
		memcpy(q, p, old);
	return q;
}

static char *
mem_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = mem_malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

void
jd_html_setup(void)
{
	void *r;

	if (region)
		return;
	r = mmap(NULL, SLICE_SIZE * SLICES, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (r != MAP_FAILED) {
		region = r;
		region_size = SLICE_SIZE * SLICES;
		POISON(region, region_size);
		for (unsigned i = 0; i < SLICES; i++)
			free_slices[i] = SLICES - 1 - i;
		nfree = SLICES;
	}
	/* before any other libxml2 call, as its documentation asks: every
	 * block libxml2 frees must have come from these functions */
	xmlMemSetup(mem_free, mem_malloc, mem_realloc, mem_strdup);
	/* the JSON-LD and application data of a page too */
	json_set_alloc_funcs(mem_malloc, mem_free);
}

void
hb_mem_begin(void)
{
	unsigned slice;

	if (cur.depth++ > 0 || region == NULL)
		return;
	pthread_mutex_lock(&lock);
	if (nfree == 0) {
		pthread_mutex_unlock(&lock);
		return;	/* more readers than slices: malloc for this one */
	}
	slice = free_slices[--nfree];
	pthread_mutex_unlock(&lock);
	cur.base = cur.top = region + (size_t)slice * SLICE_SIZE;
	cur.end = cur.base + SLICE_SIZE;
	cur.spilled = 0;
}

/* Whether all of libxml2's and jansson's memory since the outermost
 * hb_mem_begin is in the slab, so freeing it would change nothing. */
static int
all_in_slab(void)
{
	return cur.base != NULL && cur.spilled == 0;
}

void
hb_free_doc(xmlDocPtr doc)
{
	/* a tree wholly in the slab goes with it */
	if (doc && !all_in_slab())
		xmlFreeDoc(doc);
}

void
hb_mem_end(void)
{
	size_t used;

	if (--cur.depth > 0 || cur.base == NULL)
		return;
	used = (size_t)(cur.top - cur.base);
	POISON(cur.base, used);
	/* a huge page's memory goes back to the system, not to the next
	 * page */
	if (used > KEEP_RESIDENT)
		madvise(cur.base + KEEP_RESIDENT, used - KEEP_RESIDENT,
		    MADV_DONTNEED);
	pthread_mutex_lock(&lock);
	free_slices[nfree++] = (unsigned)((size_t)(cur.base - region) /
	    SLICE_SIZE);
	pthread_mutex_unlock(&lock);
	cur.base = cur.top = cur.end = NULL;
}
