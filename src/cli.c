/*
 * cli.c: parses the command line with getopt_long from one option table and
 * prints the usage of each command. Knows nothing of what commands do.
 */
#include <getopt.h>
#include <string.h>
#include <unistd.h>

#include "jdalign/cli.h"
#include "jdalign/report.h"
#include "jdalign/util.h"

enum {
	OPT_OUT_DIR = 256, OPT_FORMAT, OPT_LEXICON, OPT_TOP, OPT_FAIL_UNDER,
	OPT_BOM, OPT_CRLF, OPT_COMPARE, OPT_MAX_BYTES, OPT_HELP, OPT_VERSION,
	OPT_PARTIAL, OPT_FILES_FROM,
	OPT_API_BASE, OPT_DELAY, OPT_TIMEOUT, OPT_CONNECT_TIMEOUT,
	OPT_RETRIES, OPT_MAX_WAIT, OPT_MAX_AGE
};

static const struct option long_opts[] = {
	{ "out-dir", required_argument, NULL, OPT_OUT_DIR },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "lexicon", required_argument, NULL, OPT_LEXICON },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "fail-under", required_argument, NULL, OPT_FAIL_UNDER },
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "crlf", no_argument, NULL, OPT_CRLF },
	{ "compare", no_argument, NULL, OPT_COMPARE },
	{ "max-bytes", required_argument, NULL, OPT_MAX_BYTES },
	{ "partial", no_argument, NULL, OPT_PARTIAL },
	{ "files-from", required_argument, NULL, OPT_FILES_FROM },
	{ "api-base", required_argument, NULL, OPT_API_BASE },
	{ "delay", required_argument, NULL, OPT_DELAY },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT },
	{ "retries", required_argument, NULL, OPT_RETRIES },
	{ "max-wait", required_argument, NULL, OPT_MAX_WAIT },
	{ "max-age", required_argument, NULL, OPT_MAX_AGE },
	{ "dir", required_argument, NULL, 'd' },
	{ "input", required_argument, NULL, 'i' },
	{ "output", required_argument, NULL, 'o' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char main_usage[] =
"usage: jdalign COMMAND [options] ARGS...\n"
"\n"
"  align   [options] RESUME POSTING...   map resume bullets to the postings\n"
"  vocab   [options] POSTING...          the market vocabulary of postings\n"
"  extract [options] POSTING...          what jdalign read from each page\n"
"  terms   [options] [FILE|-]            the terms in each line of text\n"
"  merge   [options] PARTIAL...          combine vocab --partial tables\n"
"  lint    [options] RESUME              recruiter-signal findings per bullet\n"
"  fetch   [options] URL|BOARD...        save postings from the web\n"
"\n"
"A POSTING is a file, a folder (searched for .html .htm .txt .md .json)\n"
"or - for standard input. 'jdalign COMMAND --help' describes a command.\n"
"Options of every command: --lexicon FILE, -j N, -q, --help, --version.\n"
"Exit status: 0 ok, 1 --fail-under not met, 2 usage, 3 some inputs\n"
"unreadable, 4 no usable input or output not written.\n";

static const char align_usage[] =
"usage: jdalign align [options] RESUME POSTING...\n"
"       jdalign align --compare OLD NEW POSTING...\n"
"\n"
"Lines every resume bullet up against the postings' requirements and\n"
"writes alignment.csv (or all reports with --out-dir).\n"
"\n"
"  --out-dir DIR      write alignment, gaps, posting_terms, postings,\n"
"                     lint and run.json into DIR\n"
"  -o FILE            write alignment to FILE (default: standard output)\n"
"  --format F         csv (default), tsv or jsonl\n"
"  --top N            keep, for each bullet, the N postings it fits best\n"
"  --fail-under PCT   exit 1 when a posting's match rate is below PCT\n"
"  --compare          OLD NEW: match rate of each posting before and after\n"
"  --bom              start CSV and TSV with a UTF-8 byte-order mark\n"
"  --crlf             end lines with CRLF\n"
"  --lexicon FILE     add terms and aliases (term<TAB>kind<TAB>category<TAB>aliases)\n"
"  --max-bytes N      skip inputs larger than N bytes (default 32 MiB)\n"
"  --files-from FILE  also read posting paths, one a line (- for stdin)\n"
"  -j N               worker threads (default: all cores)\n"
"  -q                 no warnings\n";

static const char vocab_usage[] =
"usage: jdalign vocab [options] POSTING...\n"
"\n"
"Writes the market vocabulary of the postings: term, kind, category,\n"
"postings, share, required_postings, required_share, specificity,\n"
"variants, example.\n"
"\n"
"  --partial  write a mergeable table (JSON Lines) for jdalign merge:\n"
"             counts, spellings and the smallest example line per term\n"
"  --files-from FILE  also read posting paths, one a line (- for stdin)\n"
"  -o FILE  --format csv|tsv|jsonl  --bom  --crlf  --lexicon FILE\n"
"  --max-bytes N  -j N  -q\n";

static const char merge_usage[] =
"usage: jdalign merge [options] PARTIAL...\n"
"\n"
"Combines tables written by 'jdalign vocab --partial' (one per shard of a\n"
"corpus) into the vocabulary 'jdalign vocab' writes for the whole corpus.\n"
"Never opens a posting. Give the same --lexicon files as the shards had.\n"
"\n"
"  -o FILE  --format csv|tsv|jsonl  --bom  --crlf  --lexicon FILE  -q\n";

static const char extract_usage[] =
"usage: jdalign extract [options] POSTING...\n"
"\n"
"Prints what jdalign read from each page: status, source, title,\n"
"company, location, sections and their lines, warnings.\n"
"\n"
"  --format text|jsonl  -o FILE  --files-from FILE  --max-bytes N  -j N  -q\n";

static const char terms_usage[] =
"usage: jdalign terms [options] [FILE|-]\n"
"\n"
"Finds the terms in each line of plain text (standard input by default):\n"
"term, surface, byte offsets, kind and source.\n"
"\n"
"  --format csv|tsv|jsonl  -o FILE  --lexicon FILE  -q\n";

static const char lint_usage[] =
"usage: jdalign lint [options] RESUME\n"
"\n"
"Points at bullets a recruiter reads as noise or risk, says why and what\n"
"to do (it never rewrites them): bullet_id, bullet, rule (junior_verb,\n"
"no_result, generic_virtue, stuffing, hidden_text, length, first_person),\n"
"severity (info, warning, high), evidence, suggestion. The range summary\n"
"(technical, business, leadership) goes to standard error.\n"
"\n"
"  -o FILE  --format csv|tsv|jsonl  --bom  --crlf  --lexicon FILE\n"
"  --max-bytes N  -q\n";
static const char fetch_usage[] =
"usage: jdalign fetch [options] URL|BOARD...\n"
"       jdalign fetch [options] -i FILE\n"
"\n"
"Saves postings into a folder that the other commands read: each URL as\n"
"the page it is, and each open job of a board as an HTML page with a\n"
"JSON-LD JobPosting. BOARD is greenhouse:BOARD, lever:COMPANY or\n"
"ashby:ORG. DIR/index.csv keeps url, file, status, fetched_at, etag and\n"
"last_modified, so the next run asks only for what changed. Honours\n"
"robots.txt; one request at a time per host. Prints each page written.\n"
"\n"
"  -d DIR               the folder (default: the current one)\n"
"  -i FILE              targets from FILE, one a line (- standard input)\n"
"  --api-base URL       send board API requests to URL's scheme and host\n"
"  --delay S            seconds between requests to a host (default 1)\n"
"  --connect-timeout S  seconds to connect (default 10)\n"
"  --timeout S          seconds for a whole request (default 60)\n"
"  --max-bytes N        the largest page accepted (default 10 MiB)\n"
"  --retries N          retries on HTTP 429 and 503 (default 3)\n"
"  --max-wait S         the longest Retry-After honoured (default 120)\n"
"  --max-age S          skip pages fetched less than S seconds ago\n"
"                       (default 0: always ask whether they changed)\n"
"  -j N                 hosts fetched at once (default 4)\n"
"  -q                   no warnings and no summary\n";

static const struct {
	const char *name;
	int command;
	const char *usage;
	size_t min_args;
} commands[] = {
	{ "align", JD_CMD_ALIGN, align_usage, 2 },
	{ "vocab", JD_CMD_VOCAB, vocab_usage, 1 },
	{ "extract", JD_CMD_EXTRACT, extract_usage, 1 },
	{ "terms", JD_CMD_TERMS, terms_usage, 0 },
	{ "merge", JD_CMD_MERGE, merge_usage, 1 },
	{ "lint", JD_CMD_LINT, lint_usage, 1 },
	{ "fetch", JD_CMD_FETCH, fetch_usage, 0 },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

const char *
jd_cli_command_name(int command)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].command == command)
			return commands[i].name;
	return "";
}

static int
usage_error(FILE *err, const char *usage, const char *msg, const char *arg)
{
	fprintf(err, "jdalign: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	fputs(usage, err);
	return JD_CLI_USAGE;
}

static int
parse_format(const char *s, int command)
{
	if (command == JD_CMD_EXTRACT)
		return strcmp(s, "text") == 0 ? 0 :
		    strcmp(s, "jsonl") == 0 ? JD_FMT_JSONL : -1;
	if (strcmp(s, "csv") == 0)
		return JD_FMT_CSV;
	if (strcmp(s, "tsv") == 0)
		return JD_FMT_TSV;
	return strcmp(s, "jsonl") == 0 ? JD_FMT_JSONL : -1;
}

static int
number(const char *s, double *v)
{
	char *end;

	*v = strtod(s, &end);
	return end != s && *end == '\0' && *v >= 0 && *v < 1e9 ? 0 : -1;
}

/* A number of seconds in [min, max]; 0 or -1. */
static int
seconds(const char *s, double min, double max, double *v)
{
	return number(s, v) == 0 && *v >= min && *v <= max ? 0 : -1;
}

static const char *
long_name(int c)
{
	static const char *const names[] = { "--api-base", "--delay",
		"--timeout", "--connect-timeout", "--retries", "--max-wait",
		"--max-age" };

	return c >= OPT_API_BASE && c <= OPT_MAX_AGE ?
	    names[c - OPT_API_BASE] : "";
}

/* One option of fetch; returns 0 or JD_CLI_USAGE. */
static int
fetch_option(int c, struct jd_opts *o, const char *usage, FILE *err)
{
	const char *bad = NULL;
	double *secs = NULL, min = 0, max = 86400;
	long l;

	switch (c) {
	case 'd': o->dir = optarg; break;
	case 'i': o->input_list = optarg; break;
	case OPT_API_BASE:
		if (strncmp(optarg, "http://", 7) != 0 &&
		    strncmp(optarg, "https://", 8) != 0)
			bad = "--api-base wants an http or https URL";
		o->api_base = optarg;
		break;
	case OPT_DELAY: secs = &o->delay; max = 3600; break;
	case OPT_TIMEOUT: secs = &o->timeout; min = 0.001; break;
	case OPT_CONNECT_TIMEOUT: secs = &o->connect_timeout; min = 0.001;
		break;
	case OPT_MAX_WAIT: secs = &o->max_wait; break;
	case OPT_MAX_AGE: secs = &o->max_age; max = 1e8; break;
	case OPT_RETRIES:
		if (jd_util_parse_long(optarg, 0, 10, &l) < 0)
			bad = "--retries wants 0 to 10";
		else
			o->retries = l;
		break;
	default:
		fputs(usage, err);
		return JD_CLI_USAGE;
	}
	if (secs && seconds(optarg, min, max, secs) < 0)
		bad = "a number of seconds out of range";
	if (bad)
		return usage_error(err, usage, bad, optarg);
	o->fetch_opt = c == 'd' ? "-d" : c == 'i' ? "-i" : long_name(c);
	return 0;
}

/* One option; returns 0 or JD_CLI_USAGE. */
static int
option(int c, struct jd_opts *o, const char *usage, FILE *err)
{
	long l;
	double d;

	switch (c) {
	case OPT_OUT_DIR: o->out_dir = optarg; break;
	case 'o': o->output = optarg; break;
	case 'q': o->quiet = 1; break;
	case OPT_BOM: o->bom = 1; break;
	case OPT_CRLF: o->crlf = 1; break;
	case OPT_COMPARE: o->compare = 1; break;
	case OPT_PARTIAL: o->partial = 1; break;
	case OPT_FILES_FROM: o->files_from = optarg; break;
	case OPT_FORMAT:
		if ((o->format = parse_format(optarg, o->command)) < 0)
			return usage_error(err, usage, "unknown format", optarg);
		break;
	case OPT_LEXICON:
		o->lexicons = xreallocarray(o->lexicons, o->nlexicons + 1,
		    sizeof *o->lexicons);
		o->lexicons[o->nlexicons++] = optarg;
		break;
	case 'j':
		if (jd_util_parse_long(optarg, 1, 256, &l) < 0)
			return usage_error(err, usage, "-j wants 1 to 256", optarg);
		o->jobs = (int)l;
		break;
	case OPT_TOP:
		if (jd_util_parse_long(optarg, 1, 1000000, &l) < 0)
			return usage_error(err, usage, "--top wants a count", optarg);
		o->top = l;
		break;
	case OPT_MAX_BYTES:
		if (jd_util_parse_long(optarg, 1, 1L << 31, &l) < 0)
			return usage_error(err, usage,
			    "--max-bytes wants 1 to 2147483648", optarg);
		o->max_bytes = (size_t)l;
		break;
	case OPT_FAIL_UNDER:
		if (number(optarg, &d) < 0)
			return usage_error(err, usage,
			    "--fail-under wants a number >= 0", optarg);
		o->fail_under = d;
		break;
	default:
		return fetch_option(c, o, usage, err);
	}
	return 0;
}

static int
check_args(struct jd_opts *o, const char *usage, size_t min, FILE *err)
{
	if (o->compare && o->command != JD_CMD_ALIGN)
		return usage_error(err, usage, "--compare is for align", NULL);
	if (o->compare)
		min = 3;
	if (o->files_from && o->command != JD_CMD_TERMS &&
	    o->command != JD_CMD_MERGE && min > 0)
		min--;
	if (o->nargs < min)
		return usage_error(err, usage, "missing arguments", NULL);
	if (o->command == JD_CMD_TERMS && o->nargs > 1)
		return usage_error(err, usage, "terms reads one file", NULL);
	if (o->command == JD_CMD_LINT && o->nargs > 1)
		return usage_error(err, usage, "lint reads one resume", NULL);
	if (o->out_dir && o->output)
		return usage_error(err, usage, "-o and --out-dir exclude each other",
		    NULL);
	if (o->partial && o->command != JD_CMD_VOCAB)
		return usage_error(err, usage, "--partial is for vocab", NULL);
	if (o->out_dir && o->command != JD_CMD_ALIGN)
		return usage_error(err, usage, "--out-dir is for align", NULL);
	if (o->fetch_opt && o->command != JD_CMD_FETCH)
		return usage_error(err, usage, "only fetch takes",
		    o->fetch_opt);
	if (o->command == JD_CMD_FETCH && o->nargs == 0 && !o->input_list)
		return usage_error(err, usage, "missing arguments", NULL);
	if (o->command == JD_CMD_FETCH && (o->output || o->format >= 0))
		return usage_error(err, usage, "fetch writes into -d DIR; "
		    "-o and --format are not for it", NULL);
	return JD_CLI_RUN;
}

int
jd_cli_parse(int argc, char **argv, struct jd_opts *o, FILE *out, FILE *err)
{
	const char *usage = main_usage;
	size_t min = 0;
	int c;

	memset(o, 0, sizeof *o);
	o->format = -1;
	o->fail_under = -1;
	o->max_bytes = (size_t)32 << 20;
	o->delay = o->timeout = o->connect_timeout = -1;
	o->max_wait = o->max_age = -1;
	o->retries = -1;
	if (argc < 2)
		return usage_error(err, main_usage, "no command", NULL);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(main_usage, out);
		return JD_CLI_DONE;
	}
	if (strcmp(argv[1], "--version") == 0) {
		fprintf(out, "jdalign %s\n", JD_VERSION);
		return JD_CLI_DONE;
	}
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			o->command = commands[i].command;
			usage = commands[i].usage;
			min = commands[i].min_args;
		}
	if (o->command == JD_CMD_NONE)
		return usage_error(err, main_usage, "unknown command", argv[1]);
	if (o->command == JD_CMD_FETCH)
		o->max_bytes = (size_t)10 << 20; /* one page */
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc - 1, argv + 1, "o:j:qd:i:", long_opts,
	    NULL)) != -1) {
		if (c == OPT_HELP) {
			fputs(usage, out);
			return JD_CLI_DONE;
		}
		if (c == OPT_VERSION) {
			fprintf(out, "jdalign %s\n", JD_VERSION);
			return JD_CLI_DONE;
		}
		if (c == '?' || c == ':')
			return usage_error(err, usage, "bad option",
			    argv[optind] ? argv[optind] : argv[argc - 1]);
		if (option(c, o, usage, err) < 0)
			return JD_CLI_USAGE;
	}
	o->args = argv + 1 + optind;
	o->nargs = (size_t)(argc - 1 - optind);
	return check_args(o, usage, min, err);
}

void
jd_opts_free(struct jd_opts *o)
{
	free(o->lexicons);
	o->lexicons = NULL;
}
