"""Surface helpers: template expansion, numbers, dates, phones, case numbers, noise.

Standard library only; every random draw goes through the ``rng`` passed in, so output
is a pure function of the seed.
"""
import datetime as _dt

FW_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
CN_DIGIT = "〇一二三四五六七八九"
CN_UPPER = "零壹贰叁肆伍陆柒捌玖"


# ---------------------------------------------------------------- templates
def expand(tpl, ctx, rng):
    """Expand ``[a|b|c]`` (random alternative, nestable) and ``{key}`` (ctx lookup;
    callables are called at the point of use, so stateful mentions follow text order)."""
    out = []
    i = 0
    n = len(tpl)
    while i < n:
        c = tpl[i]
        if c == "[":
            depth = 1
            j = i + 1
            parts = []
            start = j
            while j < n and depth:
                cj = tpl[j]
                if cj == "[":
                    depth += 1
                elif cj == "]":
                    depth -= 1
                    if depth == 0:
                        parts.append(tpl[start:j])
                        break
                elif cj == "|" and depth == 1:
                    parts.append(tpl[start:j])
                    start = j + 1
                j += 1
            if depth:
                raise ValueError("unbalanced [ in template: " + tpl)
            out.append(expand(rng.choice(parts), ctx, rng))
            i = j + 1
        elif c == "{":
            j = tpl.index("}", i)
            key = tpl[i + 1:j]
            if key not in ctx:
                raise KeyError("template key %r missing (template: %s)" % (key, tpl[:60]))
            v = ctx[key]
            if callable(v):
                v = v()
            out.append(v)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


# ---------------------------------------------------------------- numbers
def cn_small(n):
    """0..99 in ordinary Chinese numerals (for months, days, ages)."""
    if n < 10:
        return CN_DIGIT[n] if n else "〇"
    t, u = divmod(n, 10)
    s = ("" if t == 1 else CN_DIGIT[t]) + "十"
    return s + (CN_DIGIT[u] if u else "")


def cn_int(n, upper=False):
    """Integer < 1e8 as 三万八千六百 / 叁万捌仟陆佰."""
    digits = CN_UPPER if upper else "零一二三四五六七八九"
    units = ["", "拾", "佰", "仟"] if upper else ["", "十", "百", "千"]
    wan = "万"

    def four(x):
        s = ""
        zero = False
        for pos in (3, 2, 1, 0):
            d = (x // 10 ** pos) % 10
            if d == 0:
                zero = bool(s)
            else:
                if zero:
                    s += digits[0]
                    zero = False
                s += digits[d] + units[pos]
        return s

    if n == 0:
        return digits[0]
    hi, lo = divmod(n, 10000)
    s = ""
    if hi:
        s = four(hi) + wan
        if lo and lo < 1000:
            s += digits[0]
    if lo:
        s += four(lo)
    if not upper and s.startswith("一十"):
        s = s[1:]
    return s


def amount(n, rng, style=None):
    styles = ["plain", "plain", "plain", "comma", "wan", "wan", "upper", "cn", "fw", "kuai", "yuan2"]
    style = style or rng.choice(styles)
    if style == "comma" and n >= 1000:
        return "{:,}元".format(n)
    if style == "wan" and n >= 10000:
        w = n / 10000
        s = ("%.2f" % w).rstrip("0").rstrip(".")
        return s + rng.choice(["万元", "万元", "万"])
    if style == "upper":
        return cn_int(n, upper=True) + "元"
    if style == "cn":
        return cn_int(n) + rng.choice(["元", "块钱", "元钱"])
    if style == "fw":
        return str(n).translate(FW_DIGITS) + "元"
    if style == "kuai" and n >= 10000:
        w = round(n / 10000)
        return rng.choice(["将近", "差不多", "大约", "", "一共"]) + (cn_int(w) if rng.random() < .5 else str(w)) + "万块钱"
    if style == "yuan2":
        return "%d.00元" % n
    return "%d元" % n


def rand_amount(rng, lo, hi, step=100):
    return rng.randrange(lo // step, hi // step + 1) * step


# ---------------------------------------------------------------- dates
def rand_date(rng, start, end):
    a = start.toordinal()
    b = end.toordinal()
    return _dt.date.fromordinal(rng.randint(a, b))


def cn_year(y):
    return "".join(CN_DIGIT[int(c)] for c in str(y))


def fmt_date(d, rng, style=None, allow_partial=False):
    """A date as letters write it. Returns (text, is_full_date)."""
    styles = ["cn", "cn", "num", "num", "num", "dot", "dash", "slash", "fwnum", "cnnum"]
    if allow_partial:
        styles += ["ym", "ym", "short"]
    style = style or rng.choice(styles)
    if style == "cn":
        return "%s年%s月%s日" % (cn_year(d.year), cn_small(d.month), cn_small(d.day)), True
    if style == "cnnum":
        return "%s年%s月%s号" % (cn_year(d.year), cn_small(d.month), cn_small(d.day)), True
    if style == "dot":
        return "%d.%d.%d" % (d.year, d.month, d.day), True
    if style == "dash":
        return "%d-%02d-%02d" % (d.year, d.month, d.day), True
    if style == "slash":
        return "%d/%d/%d" % (d.year, d.month, d.day), True
    if style == "fwnum":
        return ("%d年%d月%d日" % (d.year, d.month, d.day)).translate(FW_DIGITS), True
    if style == "ym":
        return "%d年%d月" % (d.year, d.month), False
    if style == "short":
        return "%02d年%d月" % (d.year % 100, d.month), False
    return "%d年%d月%d日" % (d.year, d.month, d.day), True


def story_date(d, rng):
    return fmt_date(d, rng, allow_partial=True)[0]


# ---------------------------------------------------------------- phones, ids
MOBILE_PREFIX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                 "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182",
                 "183", "185", "186", "187", "188", "189", "199"]


def phone(rng, landline_p=0.12):
    """Returns (as_written, digits)."""
    if rng.random() < landline_p:
        local = rng.choice(["76", "75", "78", "76"]) + "%06d" % rng.randrange(10 ** 6)
        digits = "0531" + local
        written = rng.choice(["0531-" + local, "0531-" + local, "(0531)" + local, "0531 " + local, digits])
        return written, digits
    digits = rng.choice(MOBILE_PREFIX) + "%08d" % rng.randrange(10 ** 8)
    st = rng.random()
    if st < 0.62:
        written = digits
    elif st < 0.8:
        written = "%s-%s-%s" % (digits[:3], digits[3:7], digits[7:])
    elif st < 0.92:
        written = "%s %s %s" % (digits[:3], digits[3:7], digits[7:])
    else:
        written = "%s-%s" % (digits[:3], digits[3:])
    return written, digits


def id_number(rng, birth, male):
    area = rng.choice(["371203", "371203", "371202", "370117", "371202", "370116"])
    seq = rng.randrange(0, 99)
    sex = rng.choice([1, 3, 5, 7, 9]) if male else rng.choice([0, 2, 4, 6, 8])
    body = area + birth.strftime("%Y%m%d") + "%02d%d" % (seq, sex)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * k for c, k in zip(body, w)) % 11
    return body + "10X98765432"[s]


# ---------------------------------------------------------------- case numbers
def case_number(rng, year, code, typ, serial, style=None):
    """One case number in one of the ways letters write it."""
    styles = ["paren", "paren", "paren", "fwparen", "fwparen", "fwdigits", "hex", "square",
              "nobracket", "spaced", "nohao", "lenticular", "fwparen"]
    style = style or rng.choice(styles)
    y, s = str(year), str(serial)
    if style == "paren":
        return "(%s)%s%s%s号" % (y, code, typ, s)
    if style == "fwparen":
        return "（%s）%s%s%s号" % (y, code, typ, s)
    if style == "fwdigits":
        return ("（%s）%s%s%s号" % (y, code, typ, s)).translate(FW_DIGITS)
    if style == "hex":
        return "〔%s〕%s%s%s号" % (y, code, typ, s)
    if style == "square":
        return "[%s]%s%s%s号" % (y, code, typ, s)
    if style == "lenticular":
        return "【%s】%s%s%s号" % (y, code, typ, s)
    if style == "nobracket":
        return "%s%s%s%s号" % (y, code, typ, s)
    if style == "spaced":
        return rng.choice(["(%s) %s %s%s号", "（%s）%s %s %s 号", "(%s)%s%s %s号"]) % (y, code, typ, s)
    if style == "nohao":
        return rng.choice(["（%s）%s%s%s", "(%s)%s%s%s"]) % (y, code, typ, s)
    return "(%s)%s%s%s号" % (y, code, typ, s)


# ---------------------------------------------------------------- noise
HOMOPHONES = [
    ("执行", ["执形", "直行", "执型"]), ("法院", ["法完", "法元"]), ("钱款", ["前款"]),
    ("申请", ["申情", "伸请"]), ("判决", ["判绝", "判诀"]), ("冻结", ["冻洁", "动结"]),
    ("查封", ["查风", "察封"]), ("拘留", ["拘流", "扣留"]), ("赔偿", ["陪偿", "培偿"]),
    ("起诉", ["起述"]), ("已经", ["以经", "已近"]), ("案子", ["按子"]), ("反映", ["反应"]),
    ("账户", ["帐户"]), ("终结", ["中结"]), ("强制", ["强治"]), ("领导", ["领到"]),
    ("工资", ["工钱"]), ("解决", ["解绝"]), ("根本", ["跟本"]), ("罚款", ["发款"]),
    ("困难", ["困南"]), ("希望", ["希往"]), ("再", ["在"]), ("的", ["得", "地"]),
]


def protected_split(text, protect):
    """Split text into (segment, is_protected) keeping every protected string intact."""
    spans = []
    for p in protect:
        if not p:
            continue
        start = 0
        while True:
            k = text.find(p, start)
            if k < 0:
                break
            spans.append((k, k + len(p)))
            start = k + 1
    spans.sort()
    merged = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    out = []
    pos = 0
    for a, b in merged:
        if a > pos:
            out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def apply_noise(text, protect, rng, homophone_p=0.0, drop_punct=0.0, fw_digits=False, space_punct=False):
    segs = protected_split(text, protect)
    out = []
    for seg, prot in segs:
        if prot:
            out.append(seg)
            continue
        if homophone_p:
            for right, wrongs in HOMOPHONES:
                if right not in seg:
                    continue
                pieces = seg.split(right)
                seg = pieces[0]
                for p in pieces[1:]:
                    seg += (rng.choice(wrongs) if rng.random() < homophone_p * (0.35 if len(right) == 1 else 1) else right) + p
        if drop_punct:
            chars = []
            for ch in seg:
                if ch in "，。、；：" and ch != "\n" and rng.random() < drop_punct:
                    chars.append(" " if space_punct else "")
                else:
                    chars.append(ch)
            seg = "".join(chars)
        if fw_digits:
            seg = seg.translate(FW_DIGITS)
        out.append(seg)
    return "".join(out)
