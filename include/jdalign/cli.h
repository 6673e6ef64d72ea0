/*
 * cli.h: the command line: one table of options, one usage text per
 * command, parsed into a plain struct. Knows nothing of what commands do.
 * Ownership: jd_opts points into argv; jd_opts_free frees only its arrays.
 */
#ifndef JDALIGN_CLI_H
#define JDALIGN_CLI_H

#include <stddef.h>
#include <stdio.h>

#define JD_VERSION "0.1.0"

enum jd_command {
	JD_CMD_NONE, JD_CMD_ALIGN, JD_CMD_VOCAB, JD_CMD_EXTRACT, JD_CMD_TERMS,
	JD_CMD_MERGE, JD_CMD_LINT,
	JD_CMD_FETCH
};

struct jd_opts {
	int command;
	int format;		/* enum jd_format; -1 when not given */
	const char *output;	/* -o FILE */
	const char *out_dir;	/* --out-dir DIR */
	const char **lexicons;	/* --lexicon FILE, repeatable */
	size_t nlexicons;
	int jobs;		/* -j N; 0: all cores */
	int quiet;
	long top;		/* --top N; 0: all */
	double fail_under;	/* --fail-under PCT; < 0: not given */
	int bom, crlf;
	int compare;		/* --compare OLD NEW */
	size_t max_bytes;	/* --max-bytes N */
	int partial;		/* vocab --partial: a mergeable table */
	const char *files_from;	/* --files-from FILE: posting paths, one a line */
	/* fetch: seconds are < 0 and retries -1 when not given */
	const char *dir;	/* -d DIR */
	const char *input_list;	/* -i FILE */
	const char *api_base;	/* --api-base URL */
	double delay, timeout, connect_timeout, max_wait, max_age;
	long retries;
	const char *fetch_opt;	/* a fetch option given, for the usage error */
	char **args;		/* positional arguments */
	size_t nargs;
};

/* What jd_cli_parse found. */
enum { JD_CLI_RUN = 0, JD_CLI_DONE = 1, JD_CLI_USAGE = -1 };

/*
 * Parses argv. Returns JD_CLI_RUN, JD_CLI_DONE after printing --help or
 * --version to out, or JD_CLI_USAGE after printing a message and the usage
 * to err.
 */
int jd_cli_parse(int argc, char **argv, struct jd_opts *o, FILE *out,
    FILE *err);
void jd_opts_free(struct jd_opts *o);
const char *jd_cli_command_name(int command);

#endif
