"""letters.py - wrap a generated summary and rationale into a minimal valid
IMR letter in one of the four layouts (pdf-text, markup, maximus-header,
professional-review). Python 3 stdlib only.

Paragraph text may hold two sentinels: BREAK (a forced line break, as a
printed line ends there) and FURN (page furniture lines inserted there, as
a sentence runs on across a page break). A hyphen right before BREAK is a
word hyphenated at the line end."""

import textwrap

BREAK = "\x01"
FURN = "\x02"
LAYOUTS = ("pdf-text", "markup", "maximus-header", "professional-review")

HOW = ("MAXIMUS Federal Services sent the complete case file to an expert "
       "reviewer. He/she has no affiliation with the employer, employee, "
       "providers or the claims administrator. The expert reviewer is Board "
       "Certified in Physical Medicine and Rehabilitation and is licensed to "
       "practice in California. He/she has been in active clinical practice "
       "for more than five years and is currently working at least 24 hours "
       "a week in active practice.")


def _segments(text):
    """Split a paragraph at the sentinels: [(segment, sep_after)]."""
    out, cur = [], []
    for ch in text:
        if ch in (BREAK, FURN):
            out.append(("".join(cur), ch))
            cur = []
        else:
            cur.append(ch)
    out.append(("".join(cur), None))
    return out


def _wrap(text, width, furniture):
    """Lines of one paragraph: wrapped at width, broken at BREAK, with the
    furniture lines at FURN."""
    lines = []
    for seg, sep in _segments(text):
        seg_lines = textwrap.wrap(seg, width, break_on_hyphens=False,
                                  break_long_words=False) or [""]
        lines.extend(seg_lines)
        if sep == FURN:
            lines.append(None)  # placeholder for the furniture block
    out = []
    for ln in lines:
        if ln is None:
            out.extend("\0" + f for f in furniture)
        else:
            out.append(ln)
    return out


def _pdf_par(text, furniture):
    res = []
    for ln in _wrap(text, 92, furniture):
        if ln.startswith("\0"):
            res.append(ln[1:] + " \n\n")
        else:
            res.append(ln + " \n\n")
    return "".join(res)


def _plain_par(text, width, furniture):
    res = []
    for ln in _wrap(text, width, furniture):
        res.append((ln[1:] if ln.startswith("\0") else ln) + "\n")
    return "".join(res)


def render(layout, c):
    """c: dict with case_number, decision_date (mm/dd/yyyy), title, outcome
    ('Upheld'/'Overturned'), summary (list of paragraphs), rationale (one
    paragraph), furniture (list of lines)."""
    furn = c["furniture"]
    gl = c.get("guideline", "Trigger Point Injections Page(s): 122")
    gl_pr = c.get("guideline_pr", "Trigger Point Injections, page 122")
    title, outcome = c["title"], c["outcome"]
    if layout == "pdf-text":
        p = lambda t: _pdf_par(t, furn)
        s = ["HOW THE IMR FINAL DETERMINATION WAS MADE \n\n", p(HOW), " \n\n",
             "CLINICAL CASE SUMMARY \n\n",
             p("The expert reviewer developed the following clinical case "
               "summary based on a review of the case file, including all "
               "medical records:"), " \n\n"]
        s += [p(x) for x in c["summary"]]
        s += [" \n\n", "IMR ISSUES, DECISIONS AND RATIONALES \n\n",
              p("The Final Determination was based on decisions for the "
                "disputed items/services set forth below:"), " \n\n",
              p(title + ": " + outcome), " \n\n",
              p("Claims Administrator guideline: Decision based on MTUS "
                "Chronic Pain Treatment Guidelines."), " \n\n",
              p("MAXIMUS guideline: Decision based on MTUS Chronic Pain "
                "Treatment Guidelines " + gl + "."),
              " \n\n", p("Decision rationale: " + c["rationale"])]
        return "".join(s)
    if layout == "markup":
        p = lambda t: _plain_par(t, 100000, furn)
        s = ["<b>Case Number:</b>\t%s\t\t\n" % c["case_number"],
             "<b>Decision Date:</b>\t%s\t<b>Priority:</b>\tStandard\n\n"
             % c["decision_date"],
             "### HOW THE IMR FINAL DETERMINATION WAS MADE\n\n", p(HOW), "\n",
             "### CLINICAL CASE SUMMARY\n\n",
             p("The expert reviewer developed the following clinical case "
               "summary based on a review of the case file, including all "
               "medical records:"), "\n"]
        for x in c["summary"]:
            s += [p(x), "\n"]
        s += ["### IMR ISSUES, DECISIONS AND RATIONALES\n\n",
              p("The Final Determination was based on decisions for the "
                "disputed items/services set forth below:"), "\n",
              "**%s:** %s\n\n" % (title, outcome),
              "**Claims Administrator guideline:** Decision based on MTUS "
              "Chronic Pain Treatment Guidelines.\n\n",
              "**MAXIMUS guideline:** Decision based on MTUS Chronic Pain "
              "Treatment Guidelines " + gl + ".\n\n",
              p("**Decision rationale:** " + c["rationale"])]
        return "".join(s)
    p = lambda t: _plain_par(t, 78, furn)
    if layout == "maximus-header":
        s = ["MAXIMUS FEDERAL SERVICES, INC.\nIndependent Medical Review\n"
             "P.O. Box 138009\nSacramento, CA 95813-8009\n\n"
             "Final Determination Letter\n\n", c["decision_date"], "\n\n",
             "IMR Case Number:      %s\n" % c["case_number"],
             "Claim Number:\nEmployee:\nClaims Administrator:\n\n",
             p("MAXIMUS Federal Services has completed the Independent "
               "Medical Review (IMR) of the above workers' compensation case."),
             "\nDOCUMENTS REVIEWED\n\n1. Application for Independent Medical "
             "Review\n2. Medical records from the treating physician\n\n",
             "HOW THE IMR FINAL DETERMINATION WAS MADE\n\n", p(HOW),
             "\nCLINICAL CASE SUMMARY\n\n"]
        for x in c["summary"]:
            s += [p(x), "\n"]
        s += ["IMR DECISION(S) AND RATIONALE(S)\n\n",
              p("The Final Determination was based on decisions for the "
                "disputed items/services set forth below:"), "\n",
              p("1. " + title + ": " + outcome), "\n",
              p("Claims Administrator guideline: Decision based on MTUS "
                "Chronic Pain Treatment Guidelines."), "\n",
              p("MAXIMUS guideline: Decision based on MTUS Chronic Pain "
                "Treatment Guidelines " + gl + "."),
              "\n", p("Decision rationale: " + c["rationale"]),
              "\ncc: Department of Industrial Relations\n"]
        return "".join(s)
    # professional-review
    s = ["MEDICAL PROFESSIONAL REVIEW\n\n",
         "IMR Case Number: %s\nPriority: Standard\n\n" % c["case_number"],
         "ISSUE AT DISPUTE:\n", p(title), "\nCASE SUMMARY:\n\n"]
    for x in c["summary"]:
        s += [p(x), "\n"]
    s += ["DOCUMENTS REVIEWED FOR DETERMINATION:\n- Progress reports\n\n",
          "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY THE EXPERT REVIEWER "
          "TO SUPPORT THE DECISION:\nCalifornia MTUS Chronic Pain Medical "
          "Treatment Guidelines (2009), " + gl_pr + "\n\n",
          "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT "
          "MEDICALLY NECESSARY:\n\n", p(c["rationale"]),
          "\nFINAL DETERMINATION: %s\n\n" % outcome,
          "MEDICAL REVIEWER QUALIFICATIONS:\n\n",
          p("The physician reviewer is board certified in Physical Medicine "
            "and Rehabilitation and is licensed to practice in California.")]
    return "".join(s)
