# imraudit - audit IMR final determination letters.
# make          build ./imraudit
# make run      install missing packages, build, audit cases/
# make test     build and run the whole suite (ends "N passed, N failed")
# make install  PREFIX=/usr/local (and DESTDIR): binary, rule packs under
#               PREFIX/share/imraudit/rules, manual pages; make uninstall
CC      ?= cc
PKGS    := lua5.4 libpcre2-8
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(PKG_CFLAGS)
CPPFLAGS += -Icore -MMD -MP
LDLIBS  += $(PKG_LIBS) -lpthread -lm
BUILD   ?= build
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/imraudit
MANDIR  ?= $(PREFIX)/share/man

CORE_SRC := $(filter-out core/main.c,$(wildcard core/*.c core/*/*.c))
CORE_OBJ := $(CORE_SRC:core/%.c=$(BUILD)/core/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all run test unit cases clean deps format holdout capability \
  install uninstall
BIN ?= imraudit
all: $(BIN)

$(BIN): $(BUILD)/core/main.o $(BUILD)/libimraudit.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BUILD)/libimraudit.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

# the installed packs, when the binary is not run from PREFIX/bin
$(BUILD)/core/audit.o: CPPFLAGS += -DIR_DATADIR='"$(DATADIR)"'

$(BUILD)/core/%.o: core/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libimraudit.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libimraudit.a $(LDFLAGS) $(LDLIBS)

-include $(CORE_OBJ:.o=.d) $(BUILD)/core/main.d $(UNIT_BIN:=.d)

deps:
	@sh tests/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./imraudit cases/; st=$$?; [ $$st -le 2 ]

unit: $(UNIT_BIN)

test: all unit
	@sh tests/run_all.sh

# Letters written apart from the program's development, to measure how it
# generalizes; reported, not gating (see README "Tests").
# Rounds with a gold.jsonl are also scored the way the project is judged.
SCORE ?= ../shared/tools/score.py
holdout: all
	-@for r in tests/holdout/r*/; do \
	  echo "== $$r"; \
	  /usr/bin/python3 tests/run_cases.py --bin ./$(BIN) "$$r"; \
	  if [ -f "$$r/gold.jsonl" ]; then \
	    ./$(BIN) -q --format json "$$r"*.txt > $(BUILD)/holdout.jsonl 2>/dev/null; \
	    /usr/bin/python3 $(SCORE) $(BUILD)/holdout.jsonl "$$r/gold.jsonl" | tail -n 1; \
	  fi; \
	done

# The capability matrix (issue 17): generated sentences per fact x
# capability, failure rate per cell (make test gates it through
# tests/capability/run.sh; see tests/capability/README.md). -v shows
# failing examples.
capability: all
	-/usr/bin/python3 tests/capability/run.py --per-cell 50 --bin ./$(BIN) $(CAPABILITY_FLAGS)

# Rule packs: every pack folder (pack.lua, its checks, its tests), the
# checks' shared libraries (rules/lib), the specialty map, the shared
# lexicons and the example pack, so that `imraudit test
# PREFIX/share/imraudit/rules` runs too.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules/lexicon \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/imraudit
	install -m 644 rules/specialties.map rules/README.md \
	  $(DESTDIR)$(DATADIR)/rules/
	install -m 644 rules/lexicon/*.lex rules/lexicon/README.md \
	  $(DESTDIR)$(DATADIR)/rules/lexicon/
	for d in rules/*/; do [ -f "$$d/pack.lua" ] || continue; \
	  cp -R "$$d" $(DESTDIR)$(DATADIR)/rules/ || exit 1; done
	install -d $(DESTDIR)$(DATADIR)/rules/lib
	install -m 644 rules/lib/*.lua $(DESTDIR)$(DATADIR)/rules/lib/
	cp -R rules/examples $(DESTDIR)$(DATADIR)/rules/
	install -m 644 man/imraudit.1 $(DESTDIR)$(MANDIR)/man1/imraudit.1
	install -m 644 man/imraudit-rules.5 $(DESTDIR)$(MANDIR)/man5/imraudit-rules.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/imraudit $(DESTDIR)$(MANDIR)/man1/imraudit.1 \
	  $(DESTDIR)$(MANDIR)/man5/imraudit-rules.5
	rm -rf $(DESTDIR)$(DATADIR)

format:
	clang-format -i core/*.[ch] core/*/*.[ch] tests/unit/*.c tests/unit/*.h

clean:
	rm -rf $(BUILD) imraudit

-include mk/*.mk
