/*
 * guard_diff.c: checks load_guard.c's model of libxml2's start tags against
 * libxml2 itself: random pages built from the tokens that decide where a
 * tag and its attributes end, each parsed by libxml2 and scanned by the
 * guard; the attributes of every element libxml2 builds must be within the
 * guard's bounds (the largest tag, the sum). Prints the first mismatches.
 *   cc -O1 -Iinclude $(pkg-config --cflags libxml-2.0) \
 *     tests/fuzz/guard_diff.c build/util.o build/buf.o build/corpora.o \
 *     $(pkg-config --libs libxml-2.0) -o build/guard_diff
 *   build/guard_diff ITERATIONS [SEED]
 * Run 2026-11: 1,100,000 pages, no mismatch.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "../../src/load_guard.c"

static const char *const toks[] = {
	"<div", " ", "=", "\"", "'", ">", "/>", "/", "a", "b1", "c-d", "<",
	"</x>", "<!--", "-->", "--!>", "<script>", "</script>", "\n", "x=",
	"\"y\"", "<?p ", "<!x ", "&quot;", "\t", "<p", "<br", ".", " a", " b",
	" c", " d", " e", " f", " g", " h",
};

static size_t tree_max, tree_sum;

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
count(xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		size_t k = 0;
		for (xmlAttr *a = n->properties; a; a = a->next)
			k++;
		tree_max = k > tree_max ? k : tree_max;
		tree_sum += k;
		count(n->children);
	}
}

int
main(int argc, char **argv)
{
	long iters = argc > 1 ? strtol(argv[1], NULL, 10) : 10000, bad = 0;
	size_t ntoks = sizeof toks / sizeof toks[0];

	srand(argc > 2 ? (unsigned)strtol(argv[2], NULL, 10) : 1);
	xmlSetGenericErrorFunc(NULL, quiet);
	for (long it = 0; it < iters; it++) {
		char page[8192];
		size_t len = 0;
		for (int m = rand() % 200 + 1; m > 0 && len < 8000; m--) {
			const char *t = toks[rand() % (int)ntoks];
			memcpy(page + len, t, strlen(t));
			len += strlen(t);
		}
		page[len] = '\0';
		struct scan sc;
		scan_tags(&sc, page, len);
		htmlDocPtr d = htmlReadMemory(page, (int)len, NULL, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
		    HTML_PARSE_COMPACT | XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC);
		tree_max = tree_sum = 0;
		if (d) {
			count(xmlDocGetRootElement(d));
			xmlFreeDoc(d);
		}
		if ((tree_max > sc.largest || tree_sum > sc.attrs) && bad++ < 5)
			printf("mismatch: libxml2 %zu, %zu; guard %zu, %zu\n%s\n",
			    tree_max, tree_sum, sc.largest, sc.attrs, page);
	}
	printf("guard_diff: %ld pages, %ld mismatches\n", iters, bad);
	return bad != 0;
}
