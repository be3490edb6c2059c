# mk/bench.mk - `make bench`: optimized build, deterministic corpus, figures
# (build/bench/results.txt), then PDF letters (bench/bench_pdf.sh); `make bench-profile`: perf stat + callgrind hot
# spots (build/bench/profile.txt). Owner: robust. Variables are BENCH_-prefixed
# so that this file never changes the main build.
BENCH_BUILD ?= build-bench
BENCH_OUT   ?= build/bench
BENCH_CFLAGS ?= -O2 -g -DNDEBUG
BENCH_GEN   := $(BENCH_BUILD)/gen_corpus

.PHONY: bench bench-bin bench-profile

$(BENCH_GEN): bench/gen_corpus.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -o $@ $<

bench-bin:
	@CFLAGS="$(BENCH_CFLAGS)" $(MAKE) --no-print-directory \
	  BUILD=$(BENCH_BUILD) BIN=$(BENCH_BUILD)/imraudit $(BENCH_BUILD)/imraudit

bench: bench-bin $(BENCH_GEN)
	@bash bench/bench.sh $(BENCH_BUILD)/imraudit $(BENCH_GEN) $(BENCH_OUT)
	@bash bench/bench_pdf.sh $(BENCH_BUILD)/imraudit $(BENCH_GEN) $(BENCH_OUT)

bench-profile: bench-bin $(BENCH_GEN)
	@bash bench/profile.sh $(BENCH_BUILD)/imraudit $(BENCH_GEN) $(BENCH_OUT)
