/* test_sentence.c - sentence splitting on letter-shaped text. */
#include <string.h>

#include "check.h"
#include "nlp/sentence.h"

static ir_arena A;

/* Splits s and returns the count; the i-th sentence is copied to buf. */
static size_t split(const char *s, size_t want_i, char *buf, size_t n) {
  ir_spanlist sl = {0};
  ir_sentences(&A, s, 0, strlen(s), &sl);
  buf[0] = 0;
  if (want_i < sl.n) {
    size_t l = sl.v[want_i].end - sl.v[want_i].start;
    if (l >= n)
      l = n - 1;
    memcpy(buf, s + sl.v[want_i].start, l);
    buf[l] = 0;
  }
  return sl.n;
}

int main(void) {
  char b[512];
  ir_arena_init(&A);
  CHECK_INT(split("He saw Dr. Smith on 3/4/14. He improved.", 0, b, sizeof b),
            2);
  CHECK_STR(b, "He saw Dr. Smith on 3/4/14.");
  CHECK_INT(split("Norco 10/325mg 1 tab q4-6hrs pm #60 was given. Next.", 0, b,
                  sizeof b),
            2);
  CHECK_STR(b, "Norco 10/325mg 1 tab q4-6hrs pm #60 was given.");
  CHECK_INT(
      split("Disc bulge at L4-5. Pain 2.5 of 10 vs. 4 before.", 1, b, sizeof b),
      2);
  CHECK_STR(b, "Pain 2.5 of 10 vs. 4 before.");
  CHECK_INT(split("Use NSAIDs, e.g. Motrin, i.e. ibuprofen. Then stop.", 0, b,
                  sizeof b),
            2);
  CHECK_STR(b, "Use NSAIDs, e.g. Motrin, i.e. ibuprofen.");
  CHECK_INT(split("failed medication management.The prior peer review said so.",
                  1, b, sizeof b),
            2);
  CHECK_STR(b, "The prior peer review said so.");
  CHECK_INT(split("dated May 29, 2014.Examination revealed", 1, b, sizeof b),
            2);
  CHECK_STR(b, "Examination revealed");
  CHECK_INT(split("Title line: Upheld\nDecision rationale: text. More", 0, b,
                  sizeof b),
            3);
  CHECK_STR(b, "Title line: Upheld");
  CHECK_INT(split("from Dr.  on May 29 he was seen.", 0, b, sizeof b), 1);
  CHECK_INT(split("A 31 yr. old male. He was seen.", 0, b, sizeof b), 2);
  CHECK_STR(b, "A 31 yr. old male.");
  CHECK_INT(split("He completed PT. He then tried Motrin.", 0, b, sizeof b), 2);
  CHECK_INT(split("Is it? Yes! \"Quoted.\" (Paren.) End", 3, b, sizeof b), 5);
  CHECK_STR(b, "(Paren.)");
  CHECK_INT(split("", 0, b, sizeof b), 0);
  CHECK_INT(split("   \n  \n", 0, b, sizeof b), 0);
  CHECK_INT(split("U.S. Army veteran. Next", 0, b, sizeof b), 2);
  /* bounds: only [from, to) is split, positions are absolute */
  {
    const char *s = "Skip this. Keep one. Keep two. Skip";
    ir_spanlist sl = {0};
    ir_sentences(&A, s, 11, 30, &sl);
    CHECK_INT(sl.n, 2);
    if (sl.n == 2) {
      CHECK_INT(sl.v[0].start, 11);
      CHECK_INT(sl.v[1].end, 30);
    }
  }
  ir_arena_free(&A);
  return check_report();
}
