# batch.mk - SQLite for the batch store (core/store.c); included by the root
# Makefile after PKGS/CFLAGS/LDLIBS are set.
SQLITE_CFLAGS := $(shell pkg-config --cflags sqlite3 2>/dev/null)
SQLITE_LIBS   := $(shell pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3)
CFLAGS  += $(SQLITE_CFLAGS)
LDLIBS  += $(SQLITE_LIBS)
