# mk/fuzz.mk - libFuzzer target over the per-letter pipeline. Owner: robust.
#   make fuzz [FUZZ_SECONDS=N]   build build-fuzz/fuzz_letter (clang,
#       -fsanitize=fuzzer,address,undefined; all core/*.c but main.c) and run
#       it N seconds (default 60) seeded with cases/; crashing inputs are kept
#       as tests/fuzz/regressions/crash-*.txt
#   make fuzz-regress            run it over tests/fuzz/regressions/ + cases/
FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
# FUZZ_EXTRA: e.g. -fno-sanitize=pointer-overflow to fuzz past a known UB
# report while its owner fixes it (use another FUZZ_BUILD: flags aren't
# tracked by make).
FUZZ_EXTRA   ?=
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer $(FUZZ_EXTRA)
FUZZ_CFLAGS  := -g -O1 $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_BIN     := $(FUZZ_BUILD)/fuzz_letter

.PHONY: fuzz fuzz-bin fuzz-regress

fuzz-bin:
	@CFLAGS="$(FUZZ_CFLAGS)" $(MAKE) --no-print-directory CC=$(FUZZ_CC) \
	  WARN="-Wall -Wextra -Wno-unused-parameter" \
	  BUILD=$(FUZZ_BUILD) $(FUZZ_BUILD)/libimraudit.a
	@$(MAKE) --no-print-directory $(FUZZ_BIN) $(FUZZ_BUILD)/gen_corpus

$(FUZZ_BIN): tests/fuzz/fuzz_letter.c $(FUZZ_BUILD)/libimraudit.a
	$(FUZZ_CC) -g -O1 $(FUZZ_SAN) -fsanitize=fuzzer -std=c11 \
	  -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Icore $(PKG_CFLAGS) \
	  -o $@ $< $(FUZZ_BUILD)/libimraudit.a $(PKG_LIBS) -lpthread -lm

$(FUZZ_BUILD)/gen_corpus: bench/gen_corpus.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o $@ $<

fuzz: fuzz-bin
	@bash tests/fuzz/fuzz.sh fuzz $(FUZZ_BIN) $(FUZZ_BUILD) $(FUZZ_SECONDS)

fuzz-regress: fuzz-bin
	@bash tests/fuzz/fuzz.sh regress $(FUZZ_BIN)

# The PDF reader (core/text/pdf*.c) on its own corpus of small PDFs:
#   make fuzz-pdf [FUZZ_SECONDS=N]   crashes kept as
#       tests/fuzz/regressions-pdf/crash-*.pdf
FUZZ_PDF_BIN := $(FUZZ_BUILD)/fuzz_pdf
.PHONY: fuzz-pdf fuzz-pdf-bin

$(FUZZ_PDF_BIN): tests/fuzz/fuzz_pdf.c $(FUZZ_BUILD)/libimraudit.a
	$(FUZZ_CC) -g -O1 $(FUZZ_SAN) -fsanitize=fuzzer -std=c11 \
	  -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Icore $(PKG_CFLAGS) \
	  -o $@ $< $(FUZZ_BUILD)/libimraudit.a $(PKG_LIBS) -lpthread -lm

fuzz-pdf-bin:
	@CFLAGS="$(FUZZ_CFLAGS)" $(MAKE) --no-print-directory CC=$(FUZZ_CC) \
	  WARN="-Wall -Wextra -Wno-unused-parameter" \
	  BUILD=$(FUZZ_BUILD) $(FUZZ_BUILD)/libimraudit.a
	@$(MAKE) --no-print-directory $(FUZZ_PDF_BIN)

fuzz-pdf: fuzz-pdf-bin
	@bash tests/fuzz/fuzz_pdf.sh $(FUZZ_PDF_BIN) $(FUZZ_BUILD) $(FUZZ_SECONDS)
