/* facts.h - the facts stage: takes a segmented letter (letter/letter.h) and
 * the lexicons (nlp/nlp.h) and gives, per decided item, the criterion facts
 * of the record (status, value, evidence spans) and the criteria the
 * rationale cites (extract.h); and the morphine-equivalent dose of the
 * opioid regimens a text states, from a data table (med.h). */
#ifndef IR_FACTS_H
#define IR_FACTS_H
#include "extract.h"
#include "med.h"
#endif
