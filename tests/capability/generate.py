"""generate.py - write the capability matrix's letters and their expected
labels. Python 3 stdlib only; the same seed gives the same files.

    python3 tests/capability/generate.py [--seed N] [--per-cell N] OUTDIR

Writes OUTDIR/NNNNN.txt (one letter per case) and OUTDIR/manifest.json
(one entry per case: file, fact, cell, layout, template, sentence and the
expected status / value / cited). The vocabulary comes from vocab/*.txt,
one entry a line ('#' starts a comment); the templates and their labels
from templates.py."""

import argparse
import datetime
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import letters  # noqa: E402
import templates  # noqa: E402
import templates_esi  # noqa: E402
import templates_opioids  # noqa: E402

PER_CELL = 24


def load_vocab():
    v = {}
    d = os.path.join(HERE, "vocab")
    for name in sorted(os.listdir(d)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(d, name), encoding="utf-8") as f:
            rows = [ln.rstrip("\n") for ln in f]
        v[name[:-4]] = [r for r in rows if r.strip() and not r.lstrip().startswith("#")]
    return v


def fmt_date(d):
    return d.strftime("%m/%d/%Y")


REGION = {
    "lumbar": dict(region_word="low back", region_sh="LBP", limbs="lower extremities",
                   test_name="straight leg raise",
                   test_neg="Straight leg raise was negative bilaterally",
                   other_parts=["knee", "left ankle", "right wrist"]),
    "cervical": dict(region_word="neck", region_sh="neck pain", limbs="upper extremities",
                     test_name="Spurling's test",
                     test_neg="Spurling's test was negative bilaterally",
                     other_parts=["knee", "left ankle", "right hip"]),
}


def context(rng, v):
    """Every slot of every template, drawn for one case."""
    region = rng.choice(("lumbar", "cervical"))
    oregion = "cervical" if region == "lumbar" else "lumbar"
    R, O = REGION[region], REGION[oregion]
    visit = datetime.date(2014, 1, 6) + datetime.timedelta(days=rng.randrange(0, 900))
    c = {}
    c["region"] = region
    c["muscle"] = rng.choice(v["muscles_" + region])
    c["omuscle"] = rng.choice(v["muscles_" + oregion])
    c["target"] = rng.choice(v["targets_" + region])
    c["otarget"] = rng.choice(v["targets_" + oregion])
    c["ref"] = rng.choice(v["referred"]).replace("{t}", c["target"])
    c["oref"] = rng.choice(v["referred"]).replace("{t}", c["otarget"])
    c["level"] = rng.choice(v["levels_" + region])
    c["olevel"] = rng.choice(v["levels_" + oregion])
    c["radpos"] = rng.choice(v["radic_positive_" + region])
    c["rad_sh_pos"] = rng.choice(v["radic_shorthand_pos_" + region])
    c["rad_sh_neg"] = rng.choice(v["radic_shorthand_neg_" + region])
    c["region_word"], c["oregion_word"] = R["region_word"], O["region_word"]
    c["region_sh"] = R["region_sh"]
    c["limbs"], c["olimbs"] = R["limbs"], O["limbs"]
    c["test_name"] = R["test_name"]
    c["test_neg"] = R["test_neg"]
    tn = R["test_neg"]
    c["test_neg_lc"] = "the " + (tn[0].lower() + tn[1:] if tn.startswith("Straight") else tn)
    c["other_part"] = rng.choice(R["other_parts"])
    c["twitch"] = rng.choice(v["twitch"])
    c["twitch_bare"] = rng.choice(v["twitch_bare"])
    c["twitch_sh"] = rng.choice(v["twitch_shorthand"])
    c["pt"] = rng.choice(v["physical_therapy"])
    c["pt_sh"] = rng.choice(v["pt_shorthand"])
    c["nsaid"] = rng.choice(v["nsaids"])
    c["mr"] = rng.choice(v["muscle_relaxants"])
    c["se_nsaid"] = rng.choice(v["side_effects_nsaid"])
    c["se_mr"] = rng.choice(v["side_effects_mr"])
    c["la"] = rng.choice(v["local_anesthetics"])
    c["la_sh"] = rng.choice(v["local_anesthetic_shorthand"])
    c["steroid"] = rng.choice(v["steroids"])
    ocls, oname = rng.choice(v["injectates_other"]).split("\t")
    c["ocls"], c["oname"] = ocls, oname
    c["ur"] = rng.choice(v["attributors_ur"])
    c["peer"] = rng.choice(v["attributors_peer"])
    c["phys"] = rng.choice(v["attributors_physician"])
    nums = [r.split("\t") for r in v["number_words"]]
    n, nword = rng.choice(nums)
    c["n"], c["nword"] = n, nword
    small = [x for x in nums if int(x[0]) < int(n)] or [("1", "one")]
    c["m"] = rng.choice(small)[0]
    nbig, nbigword = rng.choice([x for x in nums if int(x[0]) >= 5])
    c["nbig"], c["nbigword"] = nbig, nbigword
    c["pct_hi"] = str(rng.choice(range(60, 95, 5)))
    c["pct_lo"] = str(rng.choice(range(10, 45, 5)))
    c["wk_hi"] = str(rng.randrange(7, 13))
    c["wk_lo"] = str(rng.randrange(1, 4))
    c["years"] = str(rng.randrange(2, 7))
    c["months"] = str(rng.randrange(4, 12))
    c["weeks"] = str(rng.randrange(2, 6))
    c["weeks_near"] = str(rng.randrange(2, 6))
    c["months_far"] = str(rng.randrange(3, 7))
    c["visit"] = fmt_date(visit)
    c["year"] = str(visit.year - int(c["years"]))
    c["old_date"] = fmt_date(visit - datetime.timedelta(days=365 * int(c["years"]) + rng.randrange(0, 200)))
    c["recent_date"] = fmt_date(visit - datetime.timedelta(weeks=int(c["weeks"])))
    c["date0"] = fmt_date(visit - datetime.timedelta(days=rng.randrange(120, 300)))
    c["date_near"] = fmt_date(visit - datetime.timedelta(weeks=int(c["weeks_near"])))
    c["date_far"] = fmt_date(visit - datetime.timedelta(days=rng.randrange(75, 200)))
    c["decision"] = fmt_date(visit + datetime.timedelta(days=21))
    c["age"] = str(rng.randrange(28, 64))
    c["occupation"] = rng.choice(v["occupations"])
    for k in list(c):
        if isinstance(c[k], str) and c[k]:
            c[k[0].upper() + k[1:]] = c[k][0].upper() + c[k][1:]
    return c


MARK = re.compile("«|»")


def fill(text, c):
    """(text without markers, (start, end) of the key phrase or None)."""
    s = text.format_map(c)
    i, j = s.find("«"), s.find("»")
    span = None
    if i >= 0 and j > i:
        span = (i, j - 1)
    s = MARK.sub("", s)
    for k, ch in enumerate(s):  # a sentence starts with a capital
        if ch.isalpha():
            s = s[:k] + ch.upper() + s[k + 1:]
            break
    return s, span


def break_inside(rng, s, span, kind, layout):
    """Insert a line break (or page furniture) inside or next to the key
    phrase span of sentence s."""
    spaces = [k for k in range(len(s)) if s[k] == " "]
    if span:
        inner = [k for k in spaces if span[0] < k < span[1]]
        near = inner or [k for k in spaces if span[0] - 12 < k < span[1] + 12] or spaces
    else:
        near = spaces
    if not near:
        return s
    if kind == "line_break" and layout == "pdf-text" and span and rng.random() < 0.3:
        words = [m for m in re.finditer(r"[A-Za-z]{8,}", s)
                 if span[0] <= m.start() and m.end() <= span[1] + 1]
        if words:  # a word hyphenated at the line end
            m = rng.choice(words)
            cut = m.start() + (m.end() - m.start()) // 2
            return s[:cut] + "-" + letters.BREAK + s[cut:]
    k = rng.choice(near)
    sentinel = letters.BREAK if kind == "line_break" else letters.FURN
    return s[:k] + sentinel + s[k + 1:]


def resolve_value(val, c):
    if val is None:
        return None
    if isinstance(val, list):
        return sorted(set(c[x] if x == "ocls" else x for x in val))
    return int(c[val])


def make_case(rng, v, fact, cap, tpl, layout):
    c = context(rng, v)
    title = MARK.sub("", (tpl.title or "Trigger point injections to the {muscle}").format_map(c))
    sent, span = fill(tpl.text, c) if tpl.text else ("", None)
    if cap in ("line_break", "page_furniture") and sent:
        sent = break_inside(rng, sent, span, cap, layout)
    background = ("This {age}-year-old female {occupation} has {region_word} pain. "
                  "At a visit on {visit}, the physician requested trigger point "
                  "injections to the {muscle}.").format_map(c)
    summary = [background + (" " + sent if tpl.where == "S" and sent else "")]
    outcome = tpl.outcome or "Upheld"
    if tpl.where == "R":
        rationale = sent
        if outcome == "Upheld" and "medically necessary" not in sent:
            rationale += " The request is not medically necessary."
    else:
        rationale = "The medical records have been reviewed. The request is not medically necessary."
    furniture = rng.choice(v["page_furniture"]).split("|")
    letter = letters.render(layout, dict(
        case_number="CM%02d-%07d" % (int(c["visit"][-2:]), rng.randrange(10 ** 6, 10 ** 7)),
        decision_date=c["decision"], title=title, outcome=outcome,
        summary=summary, rationale=rationale, furniture=furniture))
    exp = dict(status=tpl.st, value=resolve_value(tpl.val, c), cited=tpl.cited)
    shown = (sent or title).replace(letters.BREAK, "⏎").replace(letters.FURN, "[" + "|".join(furniture) + "]")
    return letter, exp, shown


# ---------------------------------------------------------------- ESI and opioid packs
# Their cases draw their own slots after the TPI ones (context() first, so a
# pack case's rng is used the same way), from a generator seeded with the
# pack's name: the TPI cells' letters do not change.
PACKS = {
    "mtus-esi": dict(mod=templates_esi, category="esi", prefix="esi.",
                     title=templates_esi.TITLE,
                     guideline="Epidural Steroid Injections (ESIs) Page(s): 46",
                     guideline_pr="Epidural steroid injections (ESIs), page 46",
                     background=("This {age}-year-old female {occupation} has {region_word} pain "
                                 "radiating into the {limbs}. At a visit on {visit}, the physician "
                                 "requested an epidural steroid injection.")),
    "mtus-opioids": dict(mod=templates_opioids, category="opioid", prefix="opioids.",
                         title="{drug_title}",
                         guideline="Opioids Page(s): 74-96",
                         guideline_pr="Opioids, pages 74-96",
                         background=("This {age}-year-old female {occupation} has chronic {region_word} "
                                     "pain. At a visit on {visit}, the physician requested a refill of "
                                     "{drug}.")),
}
OTHER_TEST = {"lumbar": "Spurling's test", "cervical": "straight leg raise"}


def _num(x):
    x = float(x)
    return int(x) if x == int(x) else round(x, 2)


def pack_context(rng, v):
    c = context(rng, v)
    region = c["region"]
    oregion = "cervical" if region == "lumbar" else "lumbar"
    lv = [r.split("\t") for r in v["esi_levels_" + region]]
    olv = [r.split("\t") for r in v["esi_levels_" + oregion]]
    c["level"], c["root"], c["pair"] = rng.choice(lv)
    c["olevel"], c["oroot"], c["opair"] = rng.choice(olv)
    c["triple"] = {"lumbar": "L3-4, L4-5 and L5-S1", "cervical": "C4-5, C5-6 and C6-7"}[region]
    side, side_sh, oside = rng.choice([r.split("\t") for r in v["sides"]])
    c["side"], c["side_sh"], c["oside"] = side, side_sh, oside
    c["region_adj"] = region.capitalize()
    c["otest_name"] = OTHER_TEST[region]
    sub = lambda t: t.replace("{root}", c["root"]).replace("{side}", side) \
        .replace("{Side_sh}", side_sh).replace("{side_sh}", side_sh) \
        .replace("{level}", c["level"]).replace("{limbs}", c["limbs"])
    c["esi_exam"] = sub(rng.choice(v["esi_exam_pos_" + region]))
    c["esi_exam_sh"] = sub(rng.choice(v["esi_exam_sh_pos_" + region]))
    c["esi_exam_sh_neg"] = sub(rng.choice(v["esi_exam_sh_neg_" + region]))
    c["img_pos"] = sub(rng.choice(v["esi_imaging_pos"]))
    c["img_sh_pos"] = sub(rng.choice(v["esi_imaging_sh_pos"]))
    c["img_neg"] = sub(rng.choice(v["esi_imaging_neg"]))
    c["img_sh_neg"] = sub(rng.choice(v["esi_imaging_sh_neg"]))
    c["fluoro"] = rng.choice(v["fluoroscopy"])
    c["fluoro_sh"] = rng.choice(v["fluoroscopy_shorthand"])
    c["n1"] = str(int(c["n"]) + 1)
    dt, dname, mg, factor = rng.choice(v["opioids"]).split("\t")
    sigs = [r.split("\t") for r in v["opioid_sigs"]]
    words = [x for x in sigs if not re.search(r"\btab\b", x[0])]
    short = [x for x in sigs if re.search(r"\btab\b", x[0])]
    sig, per_day = rng.choice(words)
    sig_sh, per_day_sh = rng.choice(short)
    c["drug_title"], c["drug"] = dt, dname
    c["sig"], c["sig_sh"] = sig, sig_sh
    c["drug_dose"] = "%s %s mg" % (dname.split("/")[0], mg)
    c["med_sh"] = str(_num(float(mg) * float(factor) * int(per_day_sh)))
    c["med"] = str(_num(float(mg) * float(factor) * int(per_day)))
    c["med_stated"] = str(rng.choice(range(30, 300, 10)))
    c["odrug"] = rng.choice(v["non_opioids"])
    c["se"] = rng.choice(v["opioid_side_effects"])
    c["hi"] = str(rng.randrange(7, 10))
    c["lo"] = str(rng.randrange(2, 5))
    c["func"] = rng.choice(v["opioid_functions"]).replace("{n}", c["n"]).replace("{m}", c["m"])
    c["aberrant"] = rng.choice(v["aberrant"]).replace("{drug}", dname)
    c["aberrant_sh"] = rng.choice(v["aberrant_shorthand"])
    c["uds"] = rng.choice(v["uds"]).replace("{recent_date}", c["recent_date"])
    c["uds_sh"] = rng.choice(v["uds_shorthand"]).replace("{recent_date}", c["recent_date"])
    c["agreement"] = rng.choice(v["agreement"])
    for k in list(c):
        if isinstance(c[k], str) and c[k] and not k[0].isupper():
            c[k[0].upper() + k[1:]] = c[k][0].upper() + c[k][1:]
    return c


def pack_value(val, c):
    if val is None:
        return None
    if isinstance(val, str) and val.startswith("$"):
        val = c[val[1:]]
        return _num(val)
    return val


def pack_cells():
    """[(pack, fact, capability, [templates])] of the ESI and opioid packs."""
    res = []
    for pack, P in PACKS.items():
        mod = P["mod"]
        for fact in mod.FACTS:
            tab = mod.RECORD[fact]
            base = [t for cap in ("affirm", "deny", "shorthand") for t in tab.get(cap, []) if t.text]
            for cap in templates.CAPABILITIES + templates.OUTCOMES:
                ts = base if cap in ("line_break", "page_furniture") else tab.get(cap, [])
                if ts:
                    res.append((pack, fact, cap, ts))
            if fact in mod.GUIDE:  # the approach has no criterion to cite
                for cap in templates.CITATIONS:
                    res.append((pack, fact, cap, pack_citations(mod, fact, cap)))
    return res


def pack_citations(mod, fact, cls):
    T = templates.T
    st = mod.CITE_STATUS.get(fact, templates.U)
    out = []
    if cls in ("cite_guideline_words", "cite_own_words"):
        for s in (mod.GUIDE if cls == "cite_guideline_words" else mod.OWN)[fact]:
            title, text = s if isinstance(s, tuple) else (None, s)
            out.append(T("R", "«" + text + "»", st, cited=True, title=title))
        return out
    other = mod.OTHER[1] if fact in (mod.FACTS[0], mod.FACTS[1]) and mod is templates_esi \
        or (mod is templates_opioids and fact == "urine_drug_screen") else mod.OTHER[0]
    if mod is templates_opioids and fact == "pain_agreement":
        other = mod.OTHER[0]
    for rec in (mod.RECITAL[fact], mod.FULL_RECITAL):
        out.append(T("R", "«" + rec + "» The criteria are met in this case, and the request is medically necessary.",
                     st, cited=False, outcome="Overturned"))
        out.append(T("R", "«" + rec + "» In this case, the records do not document " + other + ".",
                     None, cited=False))
    return out


def make_pack_case(rng, v, pack, fact, cap, tpl, layout):
    P = PACKS[pack]
    c = pack_context(rng, v)
    title = MARK.sub("", (tpl.title or P["title"]).format_map(c))
    sent, span = fill(tpl.text, c) if tpl.text else ("", None)
    if cap in ("line_break", "page_furniture") and sent:
        sent = break_inside(rng, sent, span, cap, layout)
    background = P["background"].format_map(c)
    summary = [background + (" " + sent if tpl.where == "S" and sent else "")]
    outcome = tpl.outcome or "Upheld"
    if tpl.where == "R":
        rationale = sent
        if outcome == "Upheld" and "medically necessary" not in sent:
            rationale += " The request is not medically necessary."
    else:
        rationale = "The medical records have been reviewed. The request is not medically necessary."
    furniture = rng.choice(v["page_furniture"]).split("|")
    letter = letters.render(layout, dict(
        case_number="CM%02d-%07d" % (int(c["visit"][-2:]), rng.randrange(10 ** 6, 10 ** 7)),
        decision_date=c["decision"], title=title, outcome=outcome,
        summary=summary, rationale=rationale, furniture=furniture,
        guideline=P["guideline"], guideline_pr=P["guideline_pr"]))
    exp = dict(status=tpl.st, value=pack_value(tpl.val, c), cited=tpl.cited)
    shown = (sent or title).replace(letters.BREAK, "⏎").replace(letters.FURN, "[" + "|".join(furniture) + "]")
    return letter, exp, shown


def generate(outdir, seed=17, per_cell=PER_CELL):
    v = load_vocab()
    os.makedirs(outdir, exist_ok=True)
    manifest = []
    k = 0
    for fact, cap, tpls in templates.cells():
        rng = random.Random("%d/%s/%s" % (seed, fact, cap))
        for i in range(per_cell):
            ti = i % len(tpls)
            layout = letters.LAYOUTS[(i // len(tpls) + i) % len(letters.LAYOUTS)]
            letter, exp, shown = make_case(rng, v, fact, cap, tpls[ti], layout)
            name = "%05d.txt" % k
            k += 1
            with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as f:
                f.write(letter)
            manifest.append(dict(file=name, fact=fact, cell=cap, layout=layout,
                                 template=ti, sentence=shown, **exp))
    for pack, fact, cap, tpls in pack_cells():
        rng = random.Random("%d/%s/%s/%s" % (seed, pack, fact, cap))
        P = PACKS[pack]
        for i in range(per_cell):
            ti = i % len(tpls)
            layout = letters.LAYOUTS[(i // len(tpls) + i) % len(letters.LAYOUTS)]
            letter, exp, shown = make_pack_case(rng, v, pack, fact, cap, tpls[ti], layout)
            name = "%05d.txt" % k
            k += 1
            with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as f:
                f.write(letter)
            manifest.append(dict(file=name, pack=pack, category=P["category"],
                                 fact=P["prefix"] + fact, cell=cap, layout=layout,
                                 template=ti, sentence=shown, **exp))
    with open(os.path.join(outdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=0)
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--per-cell", type=int, default=PER_CELL)
    ap.add_argument("outdir")
    a = ap.parse_args()
    m = generate(a.outdir, a.seed, a.per_cell)
    print("%d cases in %d cells written to %s" % (len(m), len({(x["fact"], x["cell"]) for x in m}), a.outdir))


if __name__ == "__main__":
    main()
