"""Validate a generated (or hand-written) letters JSONL file against corpora/README.md.

    python corpora/generator/validate.py corpora/letters/train/generated/gen-20261122.jsonl
    python -m corpora.generator.validate FILE [--min-letters 700 --min-per-ground 45 --min-pair-share 0.25 --min-per-type 200]

Exit code 0 when every letter passes and the corpus-level targets are met; 1 otherwise.
Standard library only.
"""
import argparse
import collections
import datetime as dt
import json
import re
import sys

A = ["A%d" % i for i in range(1, 9)]
R = ["R%d" % i for i in range(1, 8)]
TOP_KEYS = ["id", "text", "decision", "type", "grounds", "fields", "provenance"]
FIELD_KEYS = ["petitioner_name", "petitioner_phone", "applicants", "respondents", "outsiders", "judge",
              "case_numbers", "letter_date", "channel"]
CHANNELS = {"来信", "来访", "网上申诉", "电话", "转办", "交办"}
THIS_CODE = "鲁0117"
FW = str.maketrans("０１２３４５６７８９", "0123456789")
CN_D = {c: i for i, c in enumerate("〇一二三四五六七八九")}
CN_D["零"] = 0

# a case number as letters write it: (year) code type serial 号, with any brackets, full-width digits, spaces
CASE_RE = re.compile(r"[（(〔\[【]?\s*[0-9０-９]{4}\s*[）)〕\]】]?\s*[鲁京][0-9０-９]{2,4}\s*(?:执恢|执保|执异|执复|执监|执协|执他|司惩|民初|民终|民再|民特|刑初|行初|破|执)\s*[0-9０-９]+\s*号?")
OTHER_COURT_NAMES = ["历下区", "历城区", "莱芜区", "莱芜法院", "市中区", "槐荫区", "黄岛区", "泰山区", "新泰", "兰山区", "朝阳区"]


def cn_num(s):
    """二十六 / 十 / 二〇二三 -> int."""
    if not s:
        return None
    if all(c in CN_D for c in s):
        return int("".join(str(CN_D[c]) for c in s))
    if "十" in s:
        a, _, b = s.partition("十")
        return (CN_D[a] if a else 1) * 10 + (CN_D[b] if b else 0)
    return None


def dates_in(text):
    t = text.translate(FW)
    found = set()
    for y, m, d in re.findall(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})", t):
        try:
            found.add(dt.date(int(y), int(m), int(d)).isoformat())
        except ValueError:
            pass
    for y, m, d in re.findall(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]", t):
        try:
            found.add(dt.date(cn_num(y), cn_num(m), cn_num(d)).isoformat())
        except (ValueError, TypeError, KeyError):
            pass
    return found


def phone_in_text(digits, text):
    if digits in text:
        return True
    pat = r"[\s\-()（）]*".join(re.escape(c) for c in digits)
    return re.search(pat, text) is not None


def check_letter(rec):
    errs = []
    warns = []
    if list(rec.keys()) != TOP_KEYS:
        errs.append("top-level keys %s" % list(rec.keys()))
        return errs, warns
    text = rec["text"]
    if not isinstance(text, str) or not text.strip():
        errs.append("empty text")
        return errs, warns
    g = rec["grounds"]
    if not g or len(set(g)) != len(g) or any(x not in A + R for x in g):
        errs.append("bad grounds %s" % g)
    has_a = any(x in A for x in g)
    has_r = any(x in R for x in g)
    if has_a and has_r:
        errs.append("A and R grounds mixed")
    if rec["decision"] not in ("accept", "reject"):
        errs.append("bad decision")
    if has_a and rec["decision"] != "accept" or has_r and rec["decision"] != "reject":
        errs.append("decision does not follow grounds")
    if rec["type"] not in ("implementation", "review", None):
        errs.append("bad type %r" % rec["type"])
    if rec["decision"] == "accept" and rec["type"] is None:
        errs.append("accept with null type")
    f = rec["fields"]
    if list(f.keys()) != FIELD_KEYS:
        errs.append("field keys %s" % list(f.keys()))
        return errs, warns
    for k in ("petitioner_name", "judge"):
        if f[k] is not None and (not isinstance(f[k], str) or f[k] not in text):
            errs.append("%s %r not verbatim in text" % (k, f[k]))
    for k in ("applicants", "respondents", "outsiders", "case_numbers"):
        if not isinstance(f[k], list):
            errs.append("%s not a list" % k)
            continue
        for s in f[k]:
            if not isinstance(s, str) or s not in text:
                errs.append("%s item %r not verbatim in text" % (k, s))
    ph = f["petitioner_phone"]
    if ph is not None:
        if not re.fullmatch(r"\d{7,12}", ph):
            errs.append("petitioner_phone %r not digits" % ph)
        elif not phone_in_text(ph, text):
            errs.append("petitioner_phone %r not in text (even with separators)" % ph)
    ld = f["letter_date"]
    if ld is not None:
        try:
            dt.date.fromisoformat(ld)
        except ValueError:
            errs.append("letter_date %r not ISO" % ld)
        else:
            if ld not in dates_in(text):
                errs.append("letter_date %s not found among the dates written in text" % ld)
    if f["channel"] not in CHANNELS:
        errs.append("bad channel %r" % f["channel"])
    # case numbers: in order of first occurrence, and none left out
    cns = f["case_numbers"] if isinstance(f["case_numbers"], list) else []
    pos = [text.find(c) for c in cns]
    if pos != sorted(pos):
        errs.append("case_numbers not in text order")
    for m in CASE_RE.finditer(text):
        s = m.group(0).strip()
        if not any(s in c or c in s for c in cns):
            warns.append("case-number-like %r not in case_numbers" % s)
    # label facts that are checkable from the text
    if "R1" in g:
        if cns or f["applicants"] or f["respondents"] or f["petitioner_phone"]:
            errs.append("R1 but case number / parties / phone present")
    if "R6" in g:
        other = [c for c in cns if THIS_CODE not in c.translate(FW).replace(" ", "")]
        if not other and not any(n in text for n in OTHER_COURT_NAMES + ["北京市朝阳区", "青岛"]):
            errs.append("R6 without another court's number or name")
    if has_a:
        if not cns and not ((f["applicants"] or f["respondents"] or f["outsiders"]) and (f["petitioner_phone"] or any(k in text for k in ("住", "家在", "街道", "镇", "村", "小区", "社区", "公司")))):
            errs.append("accepted letter with nothing identifying the case or the petitioner")
        foreign = [c for c in cns if re.search(r"[鲁京]\d", c.translate(FW)) and THIS_CODE not in c.translate(FW).replace(" ", "")
                   and "鲁01民终" not in c.translate(FW).replace(" ", "")]
        if foreign:
            warns.append("accepted letter carries another court's case number %s" % foreign)
    if "R3" in g and f["petitioner_name"] and (f["petitioner_name"] in f["applicants"] + f["respondents"] + f["outsiders"]):
        errs.append("R3 but petitioner is a party")
    return errs, warns


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--min-letters", type=int, default=700)
    ap.add_argument("--min-per-ground", type=int, default=45)
    ap.add_argument("--min-pair-share", type=float, default=0.25)
    ap.add_argument("--min-per-type", type=int, default=200)
    ap.add_argument("--show", type=int, default=10, help="how many problems to print")
    args = ap.parse_args(argv)
    recs = []
    for fn in args.files:
        with open(fn, encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                if line.strip():
                    recs.append((fn, ln, json.loads(line)))
    n_err = 0
    shown = 0
    warn_count = collections.Counter()
    ids = collections.Counter(r["id"] for _, _, r in recs)
    texts = collections.Counter(r["text"] for _, _, r in recs)
    for fn, ln, r in recs:
        errs, warns = check_letter(r)
        if ids[r["id"]] > 1:
            errs.append("duplicate id")
        if texts[r["text"]] > 1:
            errs.append("duplicate text")
        p = r.get("provenance", {})
        if p.get("method") == "generated" and (p.get("generator") != "corpora.generator" or "seed" not in p or p.get("version") != "1"):
            errs.append("bad provenance %s" % p)
        for w in warns:
            warn_count[w.split(" ")[0]] += 1
        if errs:
            n_err += 1
            if shown < args.show:
                print("ERROR %s:%d %s: %s" % (fn, ln, r.get("id"), "; ".join(errs)))
                shown += 1
    n = len(recs)
    per_ground = collections.Counter(g for _, _, r in recs for g in r["grounds"])
    types = collections.Counter(r["type"] for _, _, r in recs)
    decisions = collections.Counter(r["decision"] for _, _, r in recs)
    channels = collections.Counter(r["fields"]["channel"] for _, _, r in recs)
    multi = sum(1 for _, _, r in recs if len(r["grounds"]) >= 2)
    combos = collections.Counter("+".join(r["grounds"]) for _, _, r in recs if len(r["grounds"]) >= 2)
    lens = sorted(len(r["text"]) for _, _, r in recs)
    fill = collections.Counter()
    for _, _, r in recs:
        for k, v in r["fields"].items():
            if v:
                fill[k] += 1
    print("letters: %d   errors: %d" % (n, n_err))
    print("decision:", dict(decisions))
    print("type:", {str(k): v for k, v in types.items()})
    print("channel:", dict(channels))
    print("two grounds: %d (%.1f%%)   combos: %s" % (multi, 100.0 * multi / max(n, 1), dict(combos.most_common())))
    print("per ground:")
    for g in A + R:
        print("  %-3s %4d%s" % (g, per_ground[g], "" if per_ground[g] >= args.min_per_ground else "   < %d" % args.min_per_ground))
    if lens:
        print("length: min %d  p10 %d  median %d  p90 %d  max %d" % (lens[0], lens[len(lens) // 10], lens[len(lens) // 2], lens[len(lens) * 9 // 10], lens[-1]))
    print("fields filled:", dict(fill))
    if warn_count:
        print("warnings:", dict(warn_count))
    ok = n_err == 0
    targets = [("letters >= %d" % args.min_letters, n >= args.min_letters),
               ("every ground >= %d" % args.min_per_ground, all(per_ground[g] >= args.min_per_ground for g in A + R)),
               ("two-ground share >= %.0f%%" % (100 * args.min_pair_share), multi >= args.min_pair_share * n),
               ("implementation >= %d" % args.min_per_type, types["implementation"] >= args.min_per_type),
               ("review >= %d" % args.min_per_type, types["review"] >= args.min_per_type)]
    for name, good in targets:
        print("%s %s" % ("PASS" if good else "FAIL", name))
        ok = ok and good
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
