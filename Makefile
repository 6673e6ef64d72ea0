# jdalign: reads job postings, learns their vocabulary, aligns a resume to it.
# Targets: all run test check test-real eval fuzz install clean

CC       ?= gcc
PREFIX   ?= /usr/local
PKGS     := libxml-2.0 jansson libcurl
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wno-format-nonliteral
CFLAGS   ?= -O2 -g -flto=auto
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Iinclude \
             $(shell pkg-config --cflags $(PKGS)) -MMD -MP
# libxml2 from its static archive (Debian's libxml2-dev ships it) when there
# is one: its calls to its own functions then skip the PLT (2-3 % of a run).
XML_A     = $(wildcard $(shell pkg-config --variable=libdir libxml-2.0)/libxml2.a)
XML_STAT  = -Wl,-Bstatic -lxml2 -Wl,-Bdynamic $(filter-out -lxml2,$(shell \
            pkg-config --libs --static libxml-2.0))
XML_LIBS  = $(if $(XML_A),$(XML_STAT),$(shell pkg-config --libs libxml-2.0))
LIBS      = $(XML_LIBS) $(shell pkg-config --libs jansson libcurl) -lcsv \
            -lpthread -lm
SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer

SRC      := $(sort $(wildcard src/*.c))
TSRC     := $(sort $(wildcard tests/test_*.c))
CORPORA  := $(sort $(wildcard corpora/*.tsv corpora/*.txt))
B        := build
OBJ      := $(SRC:src/%.c=$(B)/%.o) $(B)/corpora.o
LIBOBJ   := $(filter-out $(B)/main.o,$(OBJ)) $(B)/main_lib.o
TOBJ     := $(TSRC:tests/%.c=$(B)/%.o)

.PHONY: all run test check test-real eval fuzz install clean deps deps-real

all: deps jdalign

deps:
	@sh scripts/install-deps.sh build

jdalign: $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(LIBS)

$(B)/%.o: src/%.c | $(B)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/main_lib.o: src/main.c | $(B)
	$(CC) $(ALL_CFLAGS) -DJDALIGN_NO_MAIN -c -o $@ $<

$(B)/test_%.o: tests/test_%.c | $(B)
	$(CC) $(ALL_CFLAGS) -Itests -c -o $@ $<

$(B)/corpora.S: $(CORPORA) scripts/embed.sh | $(B)
	sh scripts/embed.sh $@ $(CORPORA)

$(B)/corpora.o: $(B)/corpora.S
	$(CC) -c -o $@ $<

$(B)/tests: $(LIBOBJ) $(TOBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(LIBOBJ) $(TOBJ) $(LIBS) -lcriterion

$(B):
	mkdir -p $(B)

run: all
	rm -rf out
	./jdalign align corpora/examples/resume.md corpora/examples/postings/ \
		--out-dir out/
	@echo "jdalign: reports written to out/ (alignment.csv, gaps.csv," \
		"posting_terms.csv, postings.csv, lint.csv, run.json)"

# The Criterion suites include the golden end-to-end tests (tests/golden/).
test: deps $(B)/tests jdalign
	$(B)/tests -j2

# The same tests and the command line over corpora/examples, built with
# AddressSanitizer and UndefinedBehaviorSanitizer; any report fails.
check: deps
	$(MAKE) --no-print-directory B=build-san CFLAGS="-O1 -g $(SAN)" \
		build-san/tests jdalign-san
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 build-san/tests -j2
	ASAN_OPTIONS=detect_leaks=1 sh scripts/check-cli.sh ./jdalign-san

jdalign-san: $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(LIBS)

# Tiers that read ../shared (skipped with a message when it is absent).
test-real: all
	@sh scripts/install-deps.sh real
	sh scripts/test-real.sh

eval: all
	sh scripts/eval.sh

install: all
	install -D -m 755 jdalign $(DESTDIR)$(PREFIX)/bin/jdalign

clean:
	rm -rf build build-san build-fuzz jdalign jdalign-san out

-include $(wildcard $(B)/*.d)

# ------------------------------------------------------------ fuzz
# libFuzzer harnesses (tests/fuzz/fuzz_*.c), each run FUZZ_SECONDS by
# scripts/fuzz.sh. A harness whose sources are not in the tree yet (the CSV
# reader and robots.txt, from the fetch branch) is skipped.
FUZZ_SECONDS ?= 60
FZ       := build-fuzz
FZFLAGS   = -std=c11 -D_GNU_SOURCE $(WARN) -g -O1 -Iinclude -Itests/fuzz \
            $(shell pkg-config --cflags $(PKGS)) -fsanitize=address,undefined \
            -fno-sanitize-recover=all -MMD -MP
FZOBJ    := $(filter-out $(FZ)/main.o,$(SRC:src/%.c=$(FZ)/%.o)) $(FZ)/main_lib.o
FZNEED_csvread := src/csvread.c
FZNEED_robots  := src/fetch_robots.c
FZALL    := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZERS  := $(foreach t,$(FZALL),$(if $(if $(FZNEED_$(t)),$(wildcard \
            $(FZNEED_$(t))),yes),$(t)))

fuzz:
	@sh scripts/install-deps.sh fuzz
	$(MAKE) --no-print-directory $(FUZZERS:%=$(FZ)/fuzz_%)
	sh scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZERS)

$(FZ)/%.o: src/%.c | $(FZ)
	clang-14 $(FZFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FZ)/main_lib.o: src/main.c | $(FZ)
	clang-14 $(FZFLAGS) -fsanitize=fuzzer-no-link -DJDALIGN_NO_MAIN -c -o $@ $<

$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c $(FZOBJ) $(B)/corpora.o | $(FZ)
	clang-14 $(FZFLAGS) -fsanitize=fuzzer -o $@ $< $(FZOBJ) $(B)/corpora.o \
		$(LIBS)

$(FZ):
	mkdir -p $(FZ)

-include $(wildcard $(FZ)/*.d)
