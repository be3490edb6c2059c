# mk/memcheck.mk - the suite under checkers. Owner: robust.
#   make asan-test   build everything with -fsanitize=address,undefined into
#                    build-asan/ and run unit tests, rule tests, cases/ and the
#                    robustness tests with it; ends "N passed, N failed"
#   make memcheck    valgrind memcheck (no errors, no definite/indirect leaks)
#                    over cases/ in json and text, and -j2
#   make robust-test the robustness tests (tests/robust/run.sh), -O2 build
ASAN_BUILD  ?= build-asan
ASAN_CFLAGS ?= -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
               -fno-sanitize-recover=undefined
# WARN without -Werror: -O1 + sanitizers make gcc's flow warnings differ from
# the -O2 build (e.g. -Wformat-truncation); those are not runtime errors.
MEMCHECK_BUILD ?= build-memcheck

.PHONY: asan-test asan-bin memcheck robust-test

asan-bin:
	@CFLAGS="$(ASAN_CFLAGS)" $(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) \
	  WARN="-Wall -Wextra -Wno-unused-parameter" \
	  BIN=$(ASAN_BUILD)/imraudit $(ASAN_BUILD)/imraudit unit

asan-test: asan-bin
	@bash tests/robust/sanitized.sh asan $(ASAN_BUILD)

memcheck:
	@CFLAGS="-g -O1" $(MAKE) --no-print-directory BUILD=$(MEMCHECK_BUILD) \
	  BIN=$(MEMCHECK_BUILD)/imraudit $(MEMCHECK_BUILD)/imraudit
	@bash tests/robust/sanitized.sh memcheck $(MEMCHECK_BUILD)

ROBUST_BUILD ?= build-robust
robust-test:
	@$(MAKE) --no-print-directory BUILD=$(ROBUST_BUILD) BIN=$(ROBUST_BUILD)/imraudit $(ROBUST_BUILD)/imraudit
	@IMRAUDIT=$(ROBUST_BUILD)/imraudit bash tests/robust/run.sh
