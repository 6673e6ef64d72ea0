/*
 * run.h: carries out a parsed command: reads inputs, runs the stages in
 * worker threads, writes the reports. Returns the exit status.
 */
#ifndef JDALIGN_RUN_H
#define JDALIGN_RUN_H

#include <stdio.h>

struct jd_opts;

/* Runs o->command; out is standard output, err standard error. */
int jd_run(const struct jd_opts *o, FILE *out, FILE *err);

#endif
