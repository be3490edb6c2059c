#!/usr/bin/env python3
"""lexpat.py - one PCRE alternation from lexicon files (for the grep -P floor
of `make bench`). Usage: lexpat.py FILE.lex... ; prints the alternation.

Entries follow rules/README.md: a literal phrase (case-insensitive, any
spacing between words, '-' also matches a space or nothing, trailing '*' =
any word ending) or /a PCRE2 fragment/; '#' comments and [section] lines are
skipped."""
import re
import sys


def literal(phrase):
    star = phrase.endswith("*")
    if star:
        phrase = phrase[:-1]
    words = phrase.split()
    parts = []
    for w in words:
        parts.append("[-\\s]?".join(re.escape(x) for x in w.split("-")))
    body = "\\s+".join(parts)
    lead = "\\b" if re.match(r"\w", phrase) else ""
    tail = "\\w*" if star else ("\\b" if re.search(r"\w$", phrase) else "")
    return lead + body + tail


def main():
    alts = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                s = line.strip()
                if not s or s.startswith("#") or (s.startswith("[") and s.endswith("]")):
                    continue
                if len(s) > 1 and s.startswith("/") and s.endswith("/"):
                    alts.append("(?:%s)" % s[1:-1])
                else:
                    alts.append(literal(s))
    print("|".join(alts))


if __name__ == "__main__":
    main()
