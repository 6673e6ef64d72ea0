/*
 * main.h: the whole command line as a function, so tests run it in-process.
 */
#ifndef JDALIGN_MAIN_H
#define JDALIGN_MAIN_H

#include <stdio.h>

/* Runs jdalign with argv, writing to out and err; returns the exit status. */
int jd_main(int argc, char **argv, FILE *out, FILE *err);

#endif
