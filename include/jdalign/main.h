/*
 * main.h: the whole command line as a function, so tests run it in-process.
 */
#ifndef JDALIGN_MAIN_H
#define JDALIGN_MAIN_H

#include <stdio.h>

/*
 * Sets up libxml2 for the process: initialised, silent, and stopping a
 * parse that passes its thread's deadline (jd_util_deadline_start). jd_main
 * calls it; a program that parses without jd_main (a fuzzing harness) calls
 * it first.
 */
void jd_main_init(void);

/* Runs jdalign with argv, writing to out and err; returns the exit status. */
int jd_main(int argc, char **argv, FILE *out, FILE *err);

#endif
