/* letter.h - the letter stage: takes a normalized text (text/text.h) and
 * gives the letter skeleton in the audit record (record.h): layout, header
 * fields and dates (dates.h), reviewer, case summary, and the decided items
 * with their titles, outcomes, categories, guideline lines, rationales and
 * conclusions (segment.h); the reviewer specialty's group (specialty.h).
 * Later stages fill the facts, citations and
 * findings of the same record. */
#ifndef IR_LETTER_H
#define IR_LETTER_H
#include "dates.h"
#include "record.h"
#include "segment.h"
#include "specialty.h"
#endif
