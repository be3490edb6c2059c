# pdf.mk - MuPDF for the PDF reader (core/text/pdf*.c); included by the root
# Makefile. Debian ships MuPDF as static libraries: the static link line,
# plus harfbuzz, which Debian's mupdf.pc leaves out. PKG_CFLAGS/PKG_LIBS are
# read lazily by CFLAGS/LDLIBS and by the fuzz and bench builds.
PKG_CFLAGS += $(shell pkg-config --cflags mupdf 2>/dev/null)
PKG_LIBS   += $(shell pkg-config --libs --static mupdf 2>/dev/null) \
              $(shell pkg-config --libs harfbuzz 2>/dev/null)
