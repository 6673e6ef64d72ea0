/*
 * main.c: a thin main around jd_main, which parses the command line and
 * runs it; libxml2 is initialised here once, before any worker starts.
 */
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "jdalign/cli.h"
#include "jdalign/diag.h"
#include "jdalign/main.h"
#include "jdalign/run.h"

/* libxml2's own messages: pages are hostile input, and what matters about
 * them is reported through diag. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
jd_main(int argc, char **argv, FILE *out, FILE *err)
{
	struct jd_opts o;
	int rc;

	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlThrDefSetGenericErrorFunc(NULL, quiet);
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
	int rc = jd_main(argc, argv, stdout, stderr);

	xmlCleanupParser();
	return rc;
}
#endif
