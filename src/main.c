/*
 * main.c: a thin main around jd_main, which parses the command line and
 * runs it; libxml2 is initialised here once, before any worker starts.
 */
#include <malloc.h>
#include <signal.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "jdalign/cli.h"
#include "jdalign/diag.h"
#include "jdalign/html.h"
#include "jdalign/main.h"
#include "jdalign/run.h"
#include "jdalign/util.h"

/* libxml2's own messages: pages are hostile input, and what matters about
 * them is reported through diag. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/*
 * Also silent, but stops a parse that keeps reporting stray end tags or
 * misplaced <body> tags past its thread's deadline: libxml2 2.9 scans its
 * whole element stack for each, so a page of a million of them under deep
 * nesting would run for hours. Stopping there is safe: libxml2 returns at
 * once from the functions that report these two errors.
 */
static void
on_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	if (e == NULL || e->ctxt == NULL || e->domain != XML_FROM_HTML)
		return;
	if ((e->code == XML_ERR_TAG_NAME_MISMATCH ||
	    e->code == XML_HTML_STRUCURE_ERROR) && jd_util_deadline_check())
		xmlStopParser(e->ctxt);
}

void
jd_main_init(void)
{
	jd_html_setup();
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlThrDefSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, on_error);
	xmlThrDefSetStructuredErrorFunc(NULL, on_error);
}

int
jd_main(int argc, char **argv, FILE *out, FILE *err)
{
	struct jd_opts o;
	int rc;

	jd_main_init();
	rc = jd_cli_parse(argc, argv, &o, out, err);
	if (rc == JD_CLI_DONE)
		rc = JD_EXIT_OK;
	else if (rc == JD_CLI_USAGE)
		rc = JD_EXIT_USAGE;
	else
		rc = jd_run(&o, out, err);
	jd_opts_free(&o);
	if (fflush(out) != 0 && rc < JD_EXIT_FATAL) {
		fprintf(err, "jdalign: cannot write standard output\n");
		rc = JD_EXIT_FATAL;
	}
	return rc;
}

#ifndef JDALIGN_NO_MAIN
int
main(int argc, char **argv)
{
	int rc;

	/* A write past `ulimit -f` then fails with EFBIG, which the reports
	 * catch, instead of killing the process mid-file. */
	signal(SIGXFSZ, SIG_IGN);
	/* Each page is read into buffers of its size and freed: memory kept
	 * for the next page is not faulted in again. */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	rc = jd_main(argc, argv, stdout, stderr);

	xmlCleanupParser();
	return rc;
}
#endif
