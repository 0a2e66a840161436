"""Compose letters: plan of grounds -> content -> parties -> persona -> register -> noise -> labels."""
import datetime as dt

from . import pools as PL
from . import stories as ST
from . import textutil as T

THIS_CODE = "鲁0117"

# ------------------------------------------------------------------ plan
SINGLES = {"A1": 25, "A2": 30, "A3": 25, "A4": 22, "A5": 30, "A6": 30, "A7": 30, "A8": 32,
           "R1": 50, "R2": 40, "R3": 25, "R4": 30, "R5": 50, "R6": 30, "R7": 40}
PAIRS = [(("A2", "A7"), 22), (("A2", "A6"), 12), (("A2", "A5"), 10), (("A2", "A8"), 10), (("A7", "A8"), 10),
         (("A3", "A4"), 16), (("A4", "A6"), 12), (("A1", "A3"), 12), (("A1", "A4"), 8), (("A5", "A4"), 10),
         (("A3", "A8"), 8), (("A4", "A8"), 8), (("A6", "A3"), 8), (("A1", "A7"), 8), (("A4", "A7"), 8),
         (("R3", "R6"), 16), (("R3", "R4"), 12), (("R4", "R6"), 10), (("R3", "R7"), 10), (("R2", "R6"), 8)]


def plan(n, rng):
    base = [((g,), c) for g, c in SINGLES.items()] + list(PAIRS)
    total = sum(c for _, c in base)
    counts = [[combo, max(1, int(round(c * n / total)))] for combo, c in base]
    order = ["A2", "A8", "A7", "A6", "A5", "R4", "R6", "A1", "A3", "A4", "R3", "R2", "R7", "R1", "R5"]
    singles = {c[0][0]: c for c in counts if len(c[0]) == 1}
    k = 0
    while sum(c[1] for c in counts) > n:
        singles[order[k % len(order)]][1] -= 1
        k += 1
    while sum(c[1] for c in counts) < n:
        singles[order[k % len(order)]][1] += 1
        k += 1
    items = []
    for combo, c in counts:
        items += [combo] * c
    rng.shuffle(items)
    return items


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


# ------------------------------------------------------------------ variants
def needs(v):
    return set(v["need"].split())


def conflict(a, b):
    return ("Ip" in a and "Ic" in b) or ("Ic" in a and "Ip" in b) or ("Rp" in a and "Rc" in b) or ("Rc" in a and "Rp" in b)


def role_ok(r1, r2):
    return r1 == r2 or "any" in (r1, r2) and not ("out" in (r1, r2))


def pair_candidates(g1, g2):
    out = []
    for a in ST.BY_GROUND[g1]:
        for b in ST.BY_GROUND[g2]:
            if a["type"] != b["type"] or not role_ok(a["role"], b["role"]):
                continue
            na, nb = needs(a), needs(b)
            if conflict(na, nb):
                continue
            # an added respondent (X) can only pair with stories told by a respondent
            if ("X" in na) != ("X" in nb) and {a["role"], b["role"]} != {"resp"}:
                continue
            out.append((a, b))
    return out


def single_candidates(g):
    return [v for v in ST.BY_GROUND[g] if "pair" not in needs(v)]


A_GROUNDS = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"]


def content_variant(rng, want_type, person_only=False):
    pool = [v for g in A_GROUNDS for v in single_candidates(g)
            if v["type"] == want_type and not (person_only and "Ic" in needs(v))]
    return rng.choice(pool)


# ------------------------------------------------------------------ entities
class Names:
    def __init__(self, rng):
        self.rng = rng
        self.used = []

    def ok(self, s):
        return all(s not in u and u not in s for u in self.used)

    def person(self, male=None, surname=None):
        rng = self.rng
        if male is None:
            male = rng.random() < 0.55
        for _ in range(200):
            sur = surname or rng.choice(PL.SURNAMES)
            if rng.random() < 0.55:
                given = rng.choice(PL.MALE_2 if male else PL.FEMALE_2)
            elif rng.random() < 0.5:
                given = rng.choice(PL.MALE_1 if male else PL.FEMALE_1)
            else:
                given = rng.choice(PL.MALE_1 if male else PL.FEMALE_1) + rng.choice(PL.MALE_1 if male else PL.FEMALE_1)
            name = sur + given
            if self.ok(name):
                self.used.append(name)
                return name, male
        raise RuntimeError("names exhausted")

    def company(self):
        rng = self.rng
        for _ in range(200):
            core = rng.choice(PL.COMPANY_CORE)
            trade = rng.choice(PL.COMPANY_TRADE)
            name = rng.choice(PL.COMPANY_PLACE) + core + trade + rng.choice(PL.COMPANY_SUFFIX)
            short = core + rng.choice(["公司", trade + "公司"])
            if self.ok(name) and self.ok(short):
                self.used.append(name)
                return name, short
        raise RuntimeError("companies exhausted")


def address(rng):
    st = rng.random()
    if st < 0.45:
        return "钢城区" + rng.choice(PL.STREETS[:6]) + rng.choice(PL.VILLAGES) + rng.choice(["", "%d号" % rng.randint(1, 300)])
    if st < 0.8:
        return "钢城区%s%d号%s%d号楼%d单元%d室" % (rng.choice(PL.ROADS), rng.randint(1, 200), rng.choice(PL.COMMUNITIES),
                                             rng.randint(1, 30), rng.randint(1, 4), rng.choice([101, 201, 302, 402, 501, 602]))
    return "济南市钢城区" + rng.choice(PL.STREETS[:6]) + rng.choice(PL.COMMUNITIES)


def make_person(names, rng, today, male=None, age=None):
    name, male = names.person(male)
    age = age or rng.randint(24, 84)
    birth = dt.date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
    return {"kind": "P", "name": name, "male": male, "age": age, "birth": birth,
            "id": T.id_number(rng, birth, male), "phone": T.phone(rng), "addr": address(rng)}


def make_company(names, rng):
    name, short = names.company()
    return {"kind": "C", "name": name, "short": short, "phone": T.phone(rng, landline_p=0.4),
            "addr": "济南市钢城区" + rng.choice(PL.ROADS) + "%d号" % rng.randint(1, 300)}


def mention(ent, rng):
    st = {"n": 0}

    def f():
        st["n"] += 1
        if ent["kind"] == "C" and st["n"] > 1:
            return rng.choice([ent["short"], ent["short"], "该公司", ent["name"]])
        return ent["name"]
    return f


# ------------------------------------------------------------------ judge
def make_judge(names, rng):
    name, male = names.person(male=rng.random() < 0.7)
    sur = name[:2] if name[:2] in ("欧阳", "司马", "诸葛", "上官") else name[0]
    forms = [("%s法官" % sur, "%s法官" % sur, "%s法官" % sur, 5),
             ("承办法官%s某某" % sur, "%s某某" % sur, "%s法官" % sur, 2),
             ("执行员%s" % name, name, name, 3),
             ("执行法官%s" % name, name, "%s法官" % sur, 3),
             ("%s庭长" % sur, "%s庭长" % sur, "%s庭长" % sur, 1),
             ("承办人%s" % name, name, name, 2),
             ("%s法官" % name, name, "%s法官" % sur, 2)]
    full, field, short, _ = wchoice(rng, [((a, b, c, 0), w) for a, b, c, w in forms])
    return {"full": full, "field": field, "short": short}


def judge_mention(judge, rng):
    st = {"n": 0}

    def f():
        st["n"] += 1
        if judge is None:
            return rng.choice(["法官", "承办法官", "执行法官", "承办人", "执行局的人"])
        if st["n"] == 1:
            return judge["full"]
        return rng.choice([judge["short"], judge["short"], judge["short"], "承办人"])
    return f


# ------------------------------------------------------------------ misc text pools
SALUTE = ["尊敬的钢城区人民法院执行局领导：", "钢城法院执行局：", "尊敬的院长：", "执行局领导您好：", "济南市钢城区人民法院：",
          "尊敬的领导：", "各位领导：", "钢城区法院的领导同志们：", "敬爱的法院领导：", "钢城区人民法院执行局：",
          "尊敬的钢城区法院院长、执行局长：", "法院领导："]
CLOSE = ["此致\n敬礼！", "此致\n敬礼", "望领导明察！", "盼复！", "谢谢领导！", "恳请领导给予解决为盼。", "", "请领导一定要管一管！",
         "特此反映。", "望早日答复。"]
DISTRACT = {
    "hardship": ["{I}今年{age}岁了，[身体一直不好|高血压、糖尿病都有|腰椎间盘突出干不了重活]，[老伴瘫痪在床|孩子还在上学|家里还有个八十多的老娘]，[就指着这笔钱过日子|全家就靠这个钱]。",
                 "[去年|前年]{I}[做了心脏搭桥手术|查出来肺上有毛病|出了车祸住了两个月院]，[花了十几万|借了一屁股债]，[实在是走投无路了|日子没法过了]。",
                 "[孩子上大学的学费还没凑齐|家里两个孩子要养]，{I}[在外面打零工|在工地上干活]，[一个月挣不了几个钱|有一天没一天的]。"],
    "risk": ["[如果再不解决|要是还这么拖着]，{I}[只能去北京上访|就去省里、去北京|就去最高法院告]，[豁出去了|反正也活不下去了]。",
             "[{I}已经联系了电视台|{I}准备找媒体曝光|{I}已经在抖音上发了视频]，[让大家评评理|让社会都看看]。",
             "[{I}真是不想活了|逼急了{I}就喝药|{I}已经没有活路了]，[到时候别怪{me}|出了事谁负责]。"],
    "thanks": ["[感谢领导在百忙之中看{my}信|给领导添麻烦了|谢谢领导抽时间看这封信]。",
               "[{I}相信党和政府|相信法院会给{me}一个公道|{I}还是相信法律的]。",
               "[执行局有的法官对{me}还是很热情的|窗口的同志态度挺好]，[{I}不是针对谁|{I}不是来闹事的]。"],
    "repeat": ["[这是{I}第三次写信了|{I}已经来过好几次了|{I}前后反映了不下十次|去年{I}就反映过一次]，[前几次都没有回音|每次都说研究研究|到现在也没个答复]。"],
    "life": ["[现在物价这么高|这几年生意不好做|疫情这几年没挣着钱]，[一家人吃饭都成问题|{I}在外面打工也不容易]。",
             "[{I}一辈子老老实实|{I}是个本分的庄稼人|{I}这个人从来不惹事]，[从来没跟人红过脸|从来没想过打官司]，[没想到碰上这种事|谁知道摊上这么个事]。"],
}
BIO = ["{I}是[土生土长的钢城人|颜庄人|里辛人]，[年轻时在莱钢上班，后来下岗了|在矿上干了二十多年，退休以后身体就不行了|一直在家种地，农闲时打零工|这些年一直在外面打零工]，[家里条件一直不好|日子过得紧巴巴的]。",
       "[说起这个事|这个事说来话长]，[{I}心里就堵得慌|{I}一晚上一晚上睡不着觉]，[老伴天天埋怨{me}|孩子们都劝{me}算了]，[可{I}咽不下这口气|可这是{my}血汗钱啊]。"]
VISIT = ["{vd}{I}[又去了|去了|跑了一趟]法院，[找{J}|找执行局|在接待室等了一上午]，[对方说|他说|人家说]“[再等等|正在查|领导在开会|快了快了|回去等通知吧]”。",
         "{vd}{I}[给{J}打电话|打12368热线|往执行局打电话]，[没人接|说在外面执行|让{me}过几天再打]。",
         "{vd}{I}[拿着材料|带着判决书]又去了一趟，[门卫不让进|说承办人不在|让{me}写个材料放下]，[白跑一趟|坐公交来回三个多钟头]。"]
ANGRY_TAIL = ["这还有没有王法！", "你们到底管不管！！", "老百姓还能相信谁？", "天理何在！", "这就是你们的执行吗？"]


def ago_text(d_from, d_to, rng):
    m = (d_to.year - d_from.year) * 12 + d_to.month - d_from.month
    if m < 12:
        return rng.choice(["%s个多月" % T.cn_small(max(m, 2)), "大半年", "好几个月"])
    y, r = divmod(m, 12)
    ys = "两" if y == 2 else T.cn_small(y)
    if r >= 6:
        return rng.choice(["%s年多" % ys, "%s年半" % ys, "快%s年了" % ("两" if y + 1 == 2 else T.cn_small(y + 1))])
    return rng.choice(["%s年" % ys, "%s年多" % ys, "整整%s年" % ys])


# ------------------------------------------------------------------ the letter
class Letter:
    def __init__(self, idx, combo, rng, seed):
        self.idx = idx
        self.combo = combo
        self.rng = rng
        self.seed = seed

    # ---------------------------------------------------------- content
    def choose_content(self):
        rng = self.rng
        combo = self.combo
        gs = set(combo)
        self.nonparty = "R3" in gs
        self.other_court = "R6" in gs
        self.r7 = "R7" in gs
        self.anon = "R1" in gs
        self.citizen = "R5" in gs
        want = "impl" if rng.random() < 0.58 else "review"
        if all(g.startswith("A") for g in combo):
            if len(combo) == 2:
                cands = pair_candidates(*combo)
                if not cands:
                    raise RuntimeError("no pair for %s" % (combo,))
                self.variants = list(rng.choice(cands))
                if "pair" in needs(self.variants[0]) or ("pair" not in needs(self.variants[1]) and rng.random() < 0.35):
                    self.variants.reverse()
            else:
                self.variants = [rng.choice(single_candidates(combo[0]))]
            self.type = self.variants[0]["type"]
        elif self.anon:
            self.variants = [rng.choice(ST.BY_GROUND["R1"])]
            self.type = None
        elif self.citizen:
            self.variants = [rng.choice(ST.BY_GROUND["R5"])]
            self.type = None
        elif "R2" in gs:
            self.variants = [rng.choice(ST.BY_GROUND["R2"])]
            self.type = None
        elif "R4" in gs:
            pool = ST.BY_GROUND["R4"]
            if self.nonparty:
                pool = [v for v in pool if "Ic" not in needs(v)]
            self.variants = [rng.choice(pool)]
            self.type = self.variants[0]["type"]
        else:  # R3 / R6 / R7 carrying an ordinary enforcement complaint
            self.variants = [content_variant(rng, want, person_only=self.nonparty)]
            self.type = self.variants[0]["type"]
        roles = [v["role"] for v in self.variants if v["role"] != "any"]
        if roles:
            self.role = roles[0]
        elif self.anon or self.citizen:
            self.role = "none"
        else:
            self.role = "app" if rng.random() < 0.6 else "resp"
        self.need = set()
        for v in self.variants:
            self.need |= needs(v)
        if self.nonparty:
            self.need.discard("Ic")
            self.need.add("Ip")

    # ---------------------------------------------------------- parties
    def choose_parties(self, today):
        rng = self.rng
        nm = self.names = Names(rng)
        need = self.need
        self.applicant = self.respondent = self.outsider = self.added = self.S = None
        self.speaker = self.other = self.respondent2 = None
        if self.role == "none":
            self.dispute = rng.choice(PL.DISPUTES)
            return
        spk_kind = "P" if "Ip" in need else "C" if "Ic" in need else None
        for _ in range(400):
            d = rng.choice(PL.DISPUTES)
            a_k, r_k = d[3], d[4]
            if self.role == "app" and spk_kind and spk_kind not in a_k:
                continue
            if self.role == "resp" and "X" not in need and spk_kind and spk_kind not in r_k:
                continue
            if "Rc" in need and "C" not in r_k or "Rp" in need and "P" not in r_k:
                continue
            dn = [x for x in need if x.startswith("D=")]
            if dn and d[0] not in dn[0][2:].split("|"):
                continue
            break
        self.dispute = d
        a_kind = spk_kind if (self.role == "app" and spk_kind) else rng.choice(d[3])
        if "Rc" in need:
            r_kind = "C"
        elif "Rp" in need:
            r_kind = "P"
        elif self.role == "resp" and "X" not in need and spk_kind:
            r_kind = spk_kind
        else:
            r_kind = rng.choice(d[4])
        self.applicant = make_person(nm, rng, today) if a_kind == "P" else make_company(nm, rng)
        self.respondent = make_person(nm, rng, today) if r_kind == "P" else make_company(nm, rng)
        self.respondent2 = None
        if rng.random() < 0.12 and "X" not in need:
            self.respondent2 = make_person(nm, rng, today)
        if "O" in need:
            self.outsider = make_company(nm, rng) if ("Ic" in need and self.role == "out") else make_person(nm, rng, today)
        if "X" in need:
            self.added = make_company(nm, rng) if spk_kind == "C" else make_person(nm, rng, today)
        if "S" in need:
            self.S = make_person(nm, rng, today, age=rng.randint(30, 65))
        # the party the letter speaks for
        self.speaker = {"app": self.applicant, "resp": self.added or self.respondent, "out": self.outsider}[self.role]
        self.other = {"app": self.respondent, "resp": self.applicant, "out": self.respondent}[self.role]

    # ---------------------------------------------------------- persona
    def choose_persona(self, today):
        rng = self.rng
        nm = self.names
        self.agent_rel = None
        if self.anon:
            self.persona = "anon"
            self.writer = None
        elif self.citizen:
            self.persona = "citizen"
            self.writer = make_person(nm, rng, today)
        elif self.nonparty:
            self.persona = "nonparty"
            self.writer = make_person(nm, rng, today)
            self.nrel = rng.choice(PL.NONPARTY_REL)
            if rng.random() < 0.12:
                self.writer_anonymous = True
        elif self.speaker["kind"] == "C":
            self.persona = wchoice(rng, [("company", 70), ("lawyer", 30)])
        else:
            self.persona = wchoice(rng, [("self", 68), ("relative", 17), ("lawyer", 15)])
        if self.persona == "self":
            self.writer = self.speaker
        elif self.persona == "company":
            self.writer = self.speaker
            self.contact = make_person(nm, rng, today, age=rng.randint(25, 60))
        elif self.persona == "relative":
            male_rel = ("父亲", "丈夫", "哥哥", "叔叔")
            rels = [r for r in PL.AGENT_REL_P if (r[2] in male_rel) == bool(self.speaker.get("male"))]
            self.agent_rel = rng.choice(rels)
            self.writer = make_person(nm, rng, today, male=self.agent_rel[0] in ("儿子", "丈夫", "弟弟", "侄子"),
                                      age=rng.randint(22, 60))
        elif self.persona == "lawyer":
            self.writer = make_person(nm, rng, today, age=rng.randint(27, 60))
            self.firm = rng.choice(PL.LAW_FIRMS)
        reg = {
            "self": [("letter", 30), ("story", 18), ("formal", 14), ("online", 14), ("phone", 9), ("visit", 7), ("forward", 8)],
            "relative": [("letter", 40), ("formal", 25), ("online", 15), ("forward", 20)],
            "lawyer": [("lawyer", 80), ("online", 10), ("forward", 10)],
            "company": [("company", 65), ("formal", 15), ("online", 5), ("forward", 15)],
            "nonparty": [("letter", 40), ("story", 15), ("online", 25), ("phone", 10), ("forward", 10)],
            "anon": [("letter", 35), ("online", 30), ("phone", 25), ("visit", 10)],
            "citizen": [("letter", 35), ("story", 15), ("online", 25), ("phone", 15), ("visit", 10)],
        }[self.persona]
        self.register = wchoice(rng, reg)
        self.inner = None
        if self.register == "forward":
            self.inner = {"self": lambda: wchoice(rng, [("letter", 4), ("story", 3), ("formal", 2)]),
                          "relative": lambda: rng.choice(["letter", "formal"]),
                          "lawyer": lambda: "lawyer", "company": lambda: "company",
                          "nonparty": lambda: rng.choice(["letter", "story"])}[self.persona]()
        body = self.inner or self.register
        if body in ("formal", "lawyer", "company"):
            self.style = rng.choice(["normal", "educated"])
        elif body == "story":
            self.style = wchoice(rng, [("elderly", 45), ("semi", 40), ("angry", 15)])
        elif body in ("phone", "visit"):
            self.style = "clerk"
        elif body == "online":
            self.style = wchoice(rng, [("normal", 45), ("angry", 25), ("semi", 20), ("educated", 10)])
        else:
            self.style = wchoice(rng, [("normal", 35), ("elderly", 22), ("semi", 18), ("angry", 15), ("educated", 10)])
        if self.persona in ("company", "lawyer"):
            self.style = "normal" if body != "online" else self.style

    # ---------------------------------------------------------- context
    def build_ctx(self, today):
        rng = self.rng
        c = {}
        body = self.inner or self.register
        clerk = body in ("phone", "visit")
        # voice
        if self.persona == "anon":
            I = me = "我"
            my = "我的"
        elif clerk:
            I = "来电人" if body == "phone" else "来访人"
            me, my = "其", "其"
        elif self.persona == "nonparty":
            I = me = "他" if self.speaker["male"] else "她"
            my = I + "的"
        elif self.persona == "relative":
            I = me = self.agent_rel[1]
            my = I + "的"
        elif self.persona == "lawyer":
            I = me = rng.choice(["委托人", "当事人"])
            my = I + "的"
        elif self.persona == "company" or (self.speaker and self.speaker["kind"] == "C"):
            I = me = rng.choice(["我公司", "我司", "本公司"])
            my = I
        else:
            I = me = "我"
            my = "我的"
        if self.style in ("elderly", "semi") and I == "我" and rng.random() < 0.3:
            I = me = "俺"
            my = "俺"
        c.update(I=I, me=me, my=my)
        self.voice = (I, me, my)
        ents = {}
        for key, e in (("A", self.applicant), ("R", self.respondent), ("O", self.outsider), ("S", self.S), ("X", self.added)):
            if e:
                ents[key] = mention(e, rng)
                c[key] = ents[key]
        c.setdefault("O", lambda: "案外人")
        c.setdefault("S", lambda: "股东")
        if self.role != "none":
            spk_key = {"app": "A", "resp": "X" if self.added else "R", "out": "O"}[self.role]
            oth_key = {"app": "R", "resp": "A", "out": "R"}[self.role]
            c["OP"] = ents[oth_key]
            c["SPK"] = ents[spk_key]
            c["As"] = I if self.role == "app" else ents["A"]
            c["Am"] = me if self.role == "app" else ents["A"]
            c["Rs"] = I if (self.role == "resp" and not self.added) else ents["R"]
            c["Rm"] = me if (self.role == "resp" and not self.added) else ents["R"]
        else:
            c["OP"] = lambda: "对方"
        # judge
        self.judge = make_judge(self.names, rng) if (self.role != "none" and rng.random() < 0.78) else None
        c["J"] = judge_mention(self.judge, rng)
        # dates
        self.today = today
        d_letter = today
        d1 = d_letter - dt.timedelta(days=rng.randint(300, 2300))
        d2 = d1 + dt.timedelta(days=rng.randint(30, 200))
        if d2 >= d_letter - dt.timedelta(days=40):
            d2 = d_letter - dt.timedelta(days=rng.randint(60, 120))
            d1 = d2 - dt.timedelta(days=rng.randint(30, 200))
        d3 = d2 + dt.timedelta(days=rng.randint(10, max(11, (d_letter - d2).days - 5)))
        self.d1, self.d2, self.d3 = d1, d2, d3
        c["d1"] = lambda: T.story_date(d1, rng)
        c["d2"] = lambda: T.story_date(d2, rng)
        c["d3"] = lambda: T.story_date(d3, rng)
        c["ago"] = lambda: ago_text(d2, d_letter, rng)
        # money
        lo, hi = PL.AMOUNT_RANGE[self.dispute[0]]
        amt = T.rand_amount(rng, lo, hi)
        amt_small = max(1000, T.rand_amount(rng, amt // 10, max(amt // 10 + 100, amt * 7 // 10)))
        amt_big = T.rand_amount(rng, amt * 3, amt * 12, step=1000)
        amt_fine = rng.choice([1000, 2000, 3000, 5000, 10000, 20000, 50000])
        for k, v in (("amt", amt), ("amt_small", amt_small), ("amt_big", amt_big), ("amt_fine", amt_fine)):
            c[k] = (lambda v=v: T.amount(v, rng))
        c["dn"] = self.dispute[2]
        c["sdn"] = lambda: rng.choice(PL.DISPUTE_SPOKEN[self.dispute[0]])
        c["dcase"] = self.dispute[1]
        c["doc"] = rng.choice(self.dispute[5][:2])
        # places and property
        place = lambda: rng.choice(PL.STREETS) if rng.random() < 0.5 else rng.choice(PL.STREETS[:6]) + rng.choice(PL.VILLAGES)
        c["place"] = place
        self.house = rng.choice(["位于%s的房子" % place(), "在%s的一套住房" % place(), "名下的房产", "%s%d号楼的楼房" % (rng.choice(PL.COMMUNITIES), rng.randint(1, 30)),
                                 "%s的老房子" % place(), "唯一一套住房"])
        c["house"] = self.house
        plate = "鲁S" + rng.choice(PL.PLATE_LETTERS) + "%04d" % rng.randrange(10000)
        car = rng.choice(PL.CARS)
        c["car"] = rng.choice([car, car + "（%s）" % plate, "车牌号%s的%s" % (plate, car)])
        c["bank"] = lambda: rng.choice(PL.BANKS)
        c["rel_o"] = rng.choice(PL.OUTSIDER_REL)
        c["days"] = rng.choice(["十五", "十", "七", "5", "15", "十二"])
        c["age"] = str(self.speaker["age"]) if self.speaker and self.speaker["kind"] == "P" else (str(self.writer["age"]) if self.writer and "age" in self.writer else "六十多")
        # courts
        self.oc = rng.choice(PL.OTHER_COURTS)
        oc_name = rng.choice([self.oc[1], self.oc[2]])
        c["oc"] = oc_name
        c["court"] = lambda: rng.choice(PL.THIS_COURT)
        if self.other_court:
            c["ccourt"] = lambda: oc_name
        else:
            c["ccourt"] = c["court"]
        self.ctx = c
        return c

    # ---------------------------------------------------------- case numbers
    def make_case_numbers(self):
        rng = self.rng
        c = self.ctx
        self.cn_list = []  # every case number string that may be written
        self.CN = self.TN = self.XN = self.NN = None
        if self.anon or self.citizen:
            c["CN"] = lambda: "我的案子"
            return
        has_cn = rng.random() < (0.55 if self.other_court else 0.8)
        code = self.oc[0] if self.other_court else THIS_CODE
        typ = wchoice(rng, [("执", 80), ("执恢", 12), ("执保", 3), ("执", 5)])
        serial = rng.randint(1, 2600)
        if has_cn:
            self.CN = T.case_number(rng, self.d2.year, code, typ, serial)
            self.cn_list.append(self.CN)
        st = {"n": 0}

        def cn():
            st["n"] += 1
            if self.CN and st["n"] == 1:
                return self.CN
            return rng.choice(["本案", "该案", "这个案子", "此案"])
        c["CN"] = cn
        if rng.random() < 0.3:
            if rng.random() < 0.25 and not self.other_court:
                tcode, ttyp = "鲁01", "民终"
            else:
                tcode, ttyp = code, rng.choice(["民初", "民初", "民初", "民特"])
            self.TN = T.case_number(rng, self.d1.year if rng.random() < .7 else self.d1.year - 1, tcode, ttyp, rng.randint(1, 6000))
            self.cn_list.append(self.TN)
        if "X" in self.need and rng.random() < 0.5:
            self.XN = T.case_number(rng, self.d3.year, THIS_CODE if not self.other_court else code, "执异", rng.randint(1, 300))
            self.cn_list.append(self.XN)
        elif "A3" in self.combo and rng.random() < 0.35:
            self.XN = T.case_number(rng, self.d3.year, THIS_CODE, "司惩", rng.randint(1, 200))
            self.cn_list.append(self.XN)
        if self.r7 and rng.random() < 0.35:
            self.NN = T.case_number(rng, self.d3.year, self.oc[0], "执", rng.randint(1, 3000))
            self.cn_list.append(self.NN)
        c["TN"] = lambda: self.TN or ""

    # ---------------------------------------------------------- helpers
    def e(self, tpl):
        return T.expand(tpl, self.ctx, self.rng)

    def cn_unused(self):
        return bool(self.CN) and self.CN_used_count() == 0

    def CN_used_count(self):
        # probe without consuming: count occurrences in what was rendered so far
        return sum(1 for p in self.out if self.CN and self.CN in p)

    # ---------------------------------------------------------- pieces
    ROLEWORD = {"app": "申请执行人", "resp": "被执行人", "out": "案外人"}

    def background(self, spoken=False):
        rng = self.rng
        if self.role == "none":
            return ""
        num = self.cn_unused()
        if self.role == "out" or self.added:
            if num:
                t = rng.choice(["{ccourt}在执行{A}与{R}{dcase}一案（{CN}）[过程中|时]，",
                                "{A}申请执行{R}[{dn}|欠款]一案，案号{CN}。",
                                "[{A}和{R}因为{sdn}打官司|{A}跟{R}有个{dcase}的案子]，[执行案号|案号]是{CN}。"])
            else:
                t = rng.choice(["{A}和{R}因为{sdn}打官司，[{A}申请了执行|现在在执行阶段]。",
                                "{ccourt}在执行{A}与{R}{dcase}一案[过程中|时]，",
                                "[{A}告{R}|{A}起诉{R}]的案子[判了以后|判决以后]{A}申请了执行。"])
        elif spoken:
            if num:
                t = rng.choice(["{Rm}欠{Am}{amt}[{dn}|]，[法院判了以后|判决下来]{Rm}[一直不给|就是不还|一分不给]，{Am}[{d2}|]申请了执行，案号{CN}。",
                                "{As}[跟|和]{Rs}因为{sdn}[打了官司|的事打官司]，{d1}[判下来了|法院判了]，[判{Rm}给{Am}|{Rm}应当给{Am}]{amt}。[后来|{d2}]{Am}申请了执行，[案号是{CN}|执行案号{CN}]。"])
            else:
                t = rng.choice(["{Rm}欠{Am}{amt}[{dn}|]，[法院判了以后|判决下来]{Rm}[一直不给|就是不还|一分不给]，{Am}[{d2}|后来]申请了执行。",
                                "{As}[跟|和]{Rs}因为{sdn}打官司，[{d1}判下来|法院判了]，[判{Rm}给{Am}|{Rm}该给{Am}]{amt}。",
                                "[{my}案子|这个事]是{sdn}的事，{Rm}[欠|该给]{Am}{amt}。"])
        else:
            if num:
                tn = "{TN}" if self.TN else ""
                t = rng.choice(["{As}与{Rs}{dcase}一案，{ccourt}[于{d1}|在{d1}]作出%s民事{doc}，[判令|确认]{Rm}[支付|给付|偿还]{Am}{dn}{amt}[及利息|]。[判决|该文书]生效后{Rm}[未履行|拒不履行|一直没有履行]，{Am}[于{d2}|在{d2}]向{ccourt}申请强制执行，案号为{CN}。" % tn,
                                "{d1}，{ccourt}[就|对]{As}诉{Rs}{dcase}一案[作出判决|下了判决]，{Rm}应[支付|给付]{Am}{dn}{amt}。因{Rm}[不履行|没有履行义务]，{Am}申请[强制执行|执行]，{ccourt}[于{d2}立案执行|立了执行案]，案号{CN}。",
                                "{CN}[一案|案件]，申请执行人{A}，被执行人{R}，[执行标的|标的额]{amt}。",
                                "{As}与{Rs}{dcase}[一案|纠纷]，[执行案号|案号]：{CN}，[执行依据为|依据是]%s{doc}，[标的|金额]{amt}。" % (tn or "生效")])
            else:
                t = rng.choice(["{As}与{Rs}{dcase}一案，[{d1}|]经{ccourt}[判决|调解]，{Rm}应[支付|给付]{Am}{dn}{amt}，[至今未履行|到现在没有履行]。",
                                "{As}与{Rs}因{dcase}[诉至|起诉到]{ccourt}，[{ccourt}|法院]判决{Rm}给付{Am}{amt}，{Am}于{d2}申请[了|]强制执行。"])
        s = self.e(t)
        if self.respondent2 and self.role in ("app", "resp") and rng.random() < 0.8:
            self.respondent2_used = True
            s += self.e("[被执行人还有|连带责任人是|另一被执行人是]%s。" % self.respondent2["name"])
        return s

    def judge_sentence(self):
        if not self.judge or self.rng.random() < 0.45:
            return ""
        return self.e("[承办法官是{J}|这个案子是{J}办的|案子分给了{J}|执行法官是{J}|案件承办人为{J}]。")

    def stories(self):
        rng = self.rng
        parts = []
        for k, v in enumerate(self.variants):
            t = v["text"]
            if k:
                t = rng.choice(["另外，", "还有，", "更让人气愤的是，", "除此之外，", "第二件事，", "还有一个问题，", "不仅如此，", ""]) + t
            parts.append(self.e(t))
        return "".join(parts)

    def extras(self):
        rng = self.rng
        out = []
        if self.XN:
            self.ctx["XN"] = self.XN
            out.append(self.e("[相关文书是{XN}|{XN}文书{I}也收到了|文书编号：{XN}]。"))
        if self.other_court:
            out.append(self.e(rng.choice(ST.R6_NEUTRAL if self.type is None else ST.R6_LINES + ST.R6_NEUTRAL)))
        if self.r7:
            k = rng.randrange(len(ST.R7_LINES))
            out.append(self.e(ST.R7_LINES[k]))
            if self.NN:
                if k == 0:
                    self.cn_list.remove(self.NN)
                    self.NN = T.case_number(rng, self.d3.year, PL.MID_COURT[0], "执", rng.randint(1, 300))
                    self.cn_list.append(self.NN)
                self.ctx["NN"] = self.NN
                out.append(self.e("[新的案号是{NN}|那边的案号是{NN}|听说新案号是{NN}]。"))
        return "".join(out)

    def distract(self, k):
        rng = self.rng
        if k <= 0:
            return []
        kinds = ["thanks", "repeat", "life", "risk", "hardship"]
        if not (self.speaker and self.speaker["kind"] == "P") and self.persona != "anon":
            kinds = ["thanks", "repeat", "risk"] if self.persona not in ("company", "lawyer") else ["thanks", "repeat"]
        if self.persona in ("company", "lawyer"):
            kinds = ["thanks", "repeat"]
        out = []
        for kind in rng.sample(kinds, min(k, len(kinds))):
            out.append(self.e(rng.choice(DISTRACT[kind])))
        return out

    def request(self, formal=False, lead=True):
        rng = self.rng
        reqs = [self.e(v["req"]) for v in self.variants if v.get("req")]
        if not reqs:
            return ""
        if formal and len(reqs) > 1:
            return "\n".join("%d.%s" % (i + 1, r) for i, r in enumerate(reqs))
        if formal:
            return reqs[0]
        lead = rng.choice(["", "", "[{I}的要求是|{I}请求|所以{I}恳请|{I}就一个要求]："]) if lead else ""
        return (self.e(lead) if lead else "") + "".join(reqs)

    def date_line(self, must=False, d=None):
        rng = self.rng
        d = d or self.today
        if not must and rng.random() < 0.12:
            return ""
        s, full = T.fmt_date(d, rng)
        self.letter_date = d.isoformat()
        self.date_written = s
        return s

    def phone_line(self, must=False):
        rng = self.rng
        if not self.wphone:
            return ""
        if not must and rng.random() < 0.15:
            return ""
        self.phone_shown = True
        return rng.choice(["联系电话：", "电话：", "电话", "手机：", "联系方式：", "手机号", "Tel:"]) + self.wphone[0]

    def sign_name(self):
        rng = self.rng
        if self.persona == "anon":
            return rng.choice(["一个老百姓", "知情人", "匿名", "一个被逼无奈的人", "", "一名群众"])
        if not self.wname:
            return rng.choice(["一个" + getattr(self, "nrel", "群众"), "知情人"])
        lab = {"self": ["", "", "申诉人：", "反映人：", "信访人：", "申请执行人："],
               "relative": ["代理人：", "反映人：", "委托代理人："],
               "nonparty": ["", "反映人："],
               "citizen": ["", "反映人："]}.get(self.persona, [""])
        lab = rng.choice(lab)
        if self.persona == "self" and self.role == "resp":
            lab = lab.replace("申请执行人：", "被执行人：")
        if self.persona == "self" and self.role == "out":
            lab = lab.replace("申请执行人：", "案外人：")
        tail = rng.choice(["", "", "（按手印）", "（签字）"]) if self.persona in ("self", "citizen") else ""
        return lab + self.wname + tail

    # ---------------------------------------------------------- writer identity
    def writer_identity(self):
        rng = self.rng
        self.wname = self.wphone = None
        if self.persona == "anon":
            return
        if self.persona == "company":
            self.wname = self.speaker["name"]
            self.wphone = self.contact["phone"] if rng.random() < 0.8 else self.speaker["phone"]
        else:
            self.wname = self.writer["name"]
            self.wphone = self.writer["phone"]
        if self.persona == "nonparty" and getattr(self, "writer_anonymous", False):
            self.wname = None
            if rng.random() < 0.5:
                self.wphone = None
        if self.persona == "citizen" and rng.random() < 0.15:
            self.wname = None
        self.ctx["firm"] = getattr(self, "firm", "")
        self.ctx["P"] = self.wname or "我"
        self.ctx["ph"] = self.wphone[0] if self.wphone else ""
        self.ctx["addr"] = self.writer["addr"] if self.writer else ""
        if self.persona == "nonparty":
            self.ctx["A_or_R"] = self.ctx["SPK"]
            self.ctx["nrel"] = self.nrel

    # ---------------------------------------------------------- intros
    def intro(self, body):
        rng = self.rng
        p = self.persona
        rw = self.ROLEWORD.get(self.role, "")
        if p == "self":
            num = self.cn_unused() and rng.random() < 0.4
            tail = ("[我是|本人系|我是贵院]{CN}[案件|一案|号案件]的%s。" % rw) if num else rng.choice(["", "我是[这个案子|本案]的%s。" % rw])
            if self.role == "out":
                tail += "[我不是这个案子的当事人|我跟这个案子本来没关系]，[可是法院执行到了{my}头上|但法院执行的是{my}东西]。"
            if self.added:
                tail += "[{I}原本不是这个案子的被告|{I}本来跟这个案子没关系]，[后来被法院追加成了被执行人|现在却成了被执行人]。"
            if body == "story":
                head = rng.choice(["{I}是{addr}的{P}，[今年{age}了|{age}岁了|]。", "{I}叫{P}，[家住|住]{addr}。", "{I}{P}，[住|家在]{addr}[，电话{ph}|]。"])
            else:
                head = rng.choice(["[我叫{P}|我是{P}|本人{P}]，[今年{age}岁，|]家住{addr}[，电话{ph}|]。", "[我叫{P}|我是{P}]，[{age}岁，|]现住{addr}。",
                                   "[我叫{P}|本人{P}]。"])
            return self.e(head + tail)
        if p == "relative":
            rel = self.agent_rel
            pron = "他" if rel[2] in ("父亲", "丈夫", "哥哥", "叔叔") else "她"
            return self.e("[我叫{P}|我是{P}|本人{P}]，是{SPK}的%s。[%s年纪大了|%s身体不好住院了|%s在外地打工|%s不会写字]，[委托我来反映情况|让我代为反映|委托我全权处理]（[附授权委托书|有%s签字的授权委托书|委托书附后|已办理授权委托书]）。"
                          % (rel[0], pron, pron, pron, pron, pron))
        if p == "lawyer":
            num = "[（{CN}）|]" if self.cn_unused() else ""
            if self.role == "out":
                return self.e("{firm}[接受|受]{SPK}的委托，指派{P}律师[作为其代理人|担任其委托代理人|]，就贵院执行{A}与{R}{dcase}一案%s中涉及{SPK}财产的问题[向贵院反映如下情况|提出如下意见|反映如下]：" % num)
            if self.added:
                return self.e("{firm}[接受|受]{SPK}的委托，指派{P}律师[作为其代理人|担任其委托代理人|]，就贵院执行{A}与{R}{dcase}一案%s中追加、变更{SPK}为被执行人的问题[向贵院反映如下情况|提出如下意见|反映如下]：" % num)
            return self.e("{firm}[接受|受]{SPK}的委托，指派{P}律师[作为其代理人|担任其委托代理人|]，就{SPK}与{OP}{dcase}执行一案%s[向贵院反映如下情况|提出如下意见|反映如下]：" % num)
        if p == "company":
            num = "{CN}" if self.cn_unused() else "[贵院执行的|]{dcase}"
            return self.e("{SPK}（以下简称“[我公司|我司]”）[是|系]%s[案件|一案]的%s，现将有关情况反映如下：" % (num, rw))
        if p == "nonparty":
            return self.e(rng.choice(ST.R3_INTRO))
        if p == "citizen":
            if not self.wname:
                return ""
            return self.e(rng.choice(["[我叫{P}|我是{P}]，[家住|住在]{addr}。", "我是{addr}的{P}。", "本人{P}。"]))
        return ""

    # ---------------------------------------------------------- body (what the writer says)
    def core(self, spoken, n_distract):
        out = []
        bg = self.background(spoken=spoken) if (self.role != "none" and self.rng.random() < 0.9) else ""
        self.out.append(bg)
        out.append(bg)
        js = self.judge_sentence()
        self.out.append(js)
        out.append(js)
        st = self.stories()
        self.out.append(st)
        out.append(st)
        ex = self.extras()
        self.out.append(ex)
        out.append(ex)
        ds = self.distract(n_distract)
        self.out += ds
        out += ds
        return out

    def add(self, s):
        self.out.append(s)
        return s

    # ---------------------------------------------------------- registers
    def r_letter(self, spoken=False):
        rng = self.rng
        a = self.add
        lines = []
        if not (spoken and rng.random() < 0.5):
            lines.append(a(rng.choice(SALUTE)))
        para = []
        intro = self.intro("story" if spoken else "letter")
        a(intro)
        para.append(intro)
        nd = rng.choice([0, 1, 1, 2]) if not spoken else rng.choice([1, 2, 3, 3])
        long_mode = self.persona != "anon" and self.role != "none" and (spoken or self.style in ("elderly", "angry")) and rng.random() < 0.45
        if long_mode:
            para.append(a(self.e(rng.choice(BIO))))
            nd = 4
        para += self.core(spoken, nd)
        if long_mode:
            span = max(1, (self.today - self.d2).days - 2)
            days = sorted(rng.sample(range(1, span + 1), min(span, rng.randint(4, 9))))
            for k in days:
                vd = self.d2 + dt.timedelta(days=k)
                self.ctx["vd"] = T.story_date(vd, rng) + rng.choice(["，", "", "那天，"])
                para.append(a(self.e(rng.choice(VISIT))))
            para.append(a(self.e("[{I}再跟领导说说，|事情就是这样，|{I}再从头说一遍，]") + self.e(self.variants[0]["text"])))
            para += [a(x) for x in self.distract(2)]
        if spoken or self.style == "angry":
            if rng.random() < 0.6:
                para.append(a(self.e("[{I}再说一遍，|还是那句话，|{I}就一个要求，|说来说去，]" + rng.choice(["[{I}就想要个说法|法院得给{me}个说法|{I}就要{my}钱]。", "[这个事必须解决|这事不能就这么算了]。"]))))
            if self.style == "angry":
                para.append(a(rng.choice(ANGRY_TAIL)))
        para.append(a(self.request()))
        if self.persona == "anon":
            pass
        sep = "" if (spoken and rng.random() < 0.6) else "\n"
        body = sep.join(p for p in para if p)
        lines.append(body)
        cl = rng.choice(CLOSE)
        if cl:
            lines.append(a(cl))
        sig = a(self.sign_name())
        ph = a(self.phone_line())
        dl = a(self.date_line())
        lines += [x for x in (sig, ph, dl) if x]
        return "\n".join(l for l in lines if l)

    def r_formal(self):
        rng = self.rng
        a = self.add
        lines = []
        title = self.e(rng.choice(["执行申诉书", "申诉书", "情况反映", "申请书", "执行信访材料", "关于{CN}案件执行问题的反映", "申 诉 书"]) if self.cn_unused()
                       else rng.choice(["执行申诉书", "申诉书", "情况反映", "申请书", "执行信访材料", "申 诉 书"]))
        lines.append(a(title))
        sp = self.speaker
        sex = "男" if sp.get("male") else "女"
        if sp["kind"] == "P":
            info = "申诉人：%s，%s，%s出生，%s住%s" % (sp["name"], sex, T.fmt_date(sp["birth"], rng, style=rng.choice(["num", "dot"]))[0],
                                              rng.choice(["汉族，", ""]), sp["addr"])
            if rng.random() < 0.6:
                info += "，身份证号：%s" % sp["id"]
        else:
            info = "申诉人：%s，住所地%s" % (sp["name"], sp["addr"])
        if self.persona == "self":
            ph = self.phone_line()
            if ph:
                info += "，" + ph
        lines.append(a(info + "。"))
        if self.persona == "relative":
            lines.append(a(self.e("委托代理人：{P}，系申诉人之%s[，联系电话：{ph}|]。" % self.agent_rel[0])))
        elif self.persona == "company":
            lines.append(a("联系人：%s。" % self.contact["name"]))
        op = self.respondent if self.role in ("app", "out") else self.applicant
        opl = "被执行人" if self.role in ("app", "out") else "申请执行人"
        if rng.random() < 0.75:
            lines.append(a("%s：%s%s。" % (opl, op["name"], ("，住" + op["addr"]) if (op["kind"] == "P" and rng.random() < 0.5) else "")))
        if self.role == "out" and rng.random() < 0.6:
            lines.append(a("申请执行人：%s。" % self.applicant["name"]))
        if self.cn_unused() and rng.random() < 0.5:
            lines.append(a(self.e("[案号|执行案号]：{CN}")))
        lines.append(a(rng.choice(["申诉请求：", "请求事项：", "申请事项：", "诉求："])))
        lines.append(a(self.request(formal=True)))
        lines.append(a(rng.choice(["事实与理由：", "事实和理由：", "事实及理由："])))
        body = self.core(False, rng.choice([0, 0, 1]))
        lines.append("".join(body))
        lines.append(a(rng.choice(["综上所述，特提出申诉，望贵院依法处理。", "为维护申诉人合法权益，特提出上述请求。", "请贵院依法处理。", "望领导明察。"])))
        lines.append(a("此致\n" + rng.choice(["济南市钢城区人民法院", "钢城区人民法院执行局", "济南市钢城区人民法院执行局"])))
        lines.append(a(self.sign_name() if self.persona != "self" else ("申诉人：" + self.wname)))
        lines.append(a(self.date_line(must=rng.random() < 0.8)))
        if rng.random() < 0.35:
            lines.append(a("附：1.%s复印件一份；2.身份证复印件一份%s" % (self.ctx["doc"], "；3.授权委托书一份" if self.persona == "relative" else "")))
        return "\n".join(l for l in lines if l)

    def r_company(self):
        rng = self.rng
        a = self.add
        lines = [a(self.e(rng.choice(["情况反映", "关于请求依法处理的报告", "关于{CN}案件执行情况的反映" if self.cn_unused() else "关于案件执行情况的反映",
                                      "关于请求督促执行的函" if self.type == "impl" else "关于请求纠正执行行为的函"])))]
        lines.append(a(rng.choice(["钢城区人民法院执行局：", "济南市钢城区人民法院：", "尊敬的钢城区人民法院执行局领导："])))
        para = [a(self.intro("company"))]
        para += self.core(False, rng.choice([0, 1]))
        para.append(a(self.e("[综上，|为此，|]{I}[恳请|请求]贵院：") + self.request(lead=False)))
        lines.append("\n".join(p for p in para if p))
        lines.append(a(rng.choice(["特此反映。", "特此报告。", "请予支持为盼。"])))
        lines.append(a(self.speaker["name"] + rng.choice(["（盖章）", "（公章）", ""])))
        lines.append(a("联系人：%s" % self.contact["name"] + rng.choice(["  ", "，", "\n"]) + (self.phone_line(must=True) if self.wphone else "")))
        lines.append(a(self.date_line(must=rng.random() < 0.8)))
        return "\n".join(l for l in lines if l)

    def r_lawyer(self):
        rng = self.rng
        a = self.add
        self.ctx["firm"] = self.firm
        lines = [a(self.e(rng.choice(["律师意见书", "关于请求督促执行的律师函" if self.type == "impl" else "关于请求纠正违法执行行为的律师函",
                                      "执行监督申请书", "律师函"])))]
        lines.append(a(rng.choice(["钢城区人民法院执行局：", "济南市钢城区人民法院：", "济南市钢城区人民法院执行局："])))
        para = [a(self.intro("lawyer"))]
        para += self.core(False, 0)
        para.append(a(self.e("[综上，|据此，|基于上述事实，][特请求贵院|请求贵院|恳请贵院]：") + self.request(lead=False)))
        lines.append("\n".join(p for p in para if p))
        lines.append(a(rng.choice(["此致\n敬礼", "特此函告。", "以上意见，供参考。", ""])))
        lines.append(a(self.firm))
        lines.append(a("律师：" + self.wname))
        lines.append(a(self.phone_line(must=True)))
        lines.append(a(self.date_line(must=rng.random() < 0.85)))
        return "\n".join(l for l in lines if l)

    TITLES = {"A1": ["要求法官回避", "申请更换承办人"], "A2": ["执行太慢", "案子一直不执行", "请求督促执行"],
              "A3": ["违法拘留", "罚款不合理", "限高错误"], "A4": ["超额冻结", "查封过期不解封", "请求解除查封"],
              "A5": ["追加被执行人问题", "错误追加"], "A6": ["执行错了财产", "请求执行第三人名下财产"],
              "A7": ["执行款不发放", "终本裁定不服", "执行款什么时候发"], "A8": ["拍卖评估问题", "失信名单错误", "执行问题反映"],
              "R2": ["反映法官作风问题", "举报"], "R4": ["判决错误", "申请再审"], "R5": ["求助", "反映问题"],
              "R1": ["执行难", "反映问题", "投诉"]}

    def r_online(self):
        rng = self.rng
        a = self.add
        short_bg = rng.random() < 0.6
        g0 = self.combo[0]
        title = rng.choice(self.TITLES.get(g0, ["执行问题", "反映问题"]))
        structured = rng.random() < 0.55 and self.persona != "anon"
        head = []
        if structured:
            when = self.today
            stamp = rng.choice(["%d-%02d-%02d %02d:%02d" % (when.year, when.month, when.day, rng.randint(6, 23), rng.randint(0, 59)),
                                "%d-%02d-%02d %02d:%02d:%02d" % (when.year, when.month, when.day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
                                "%d/%d/%d %d:%02d" % (when.year, when.month, when.day, rng.randint(6, 23), rng.randint(0, 59))])
            self.letter_date = when.isoformat()
            self.date_written = stamp
            if self.wname:
                head.append(a(rng.choice(["留言人：", "姓名：", "申诉人："]) + self.wname))
            if self.wphone:
                self.phone_shown = True
                head.append(a(rng.choice(["联系电话：", "手机号码：", "电话："]) + self.wphone[0]))
            head.append(a(rng.choice(["留言时间：", "提交时间："]) + stamp))
            head.append(a(rng.choice(["留言标题：", "标题：", "主题："]) + title))
        body = []
        if not structured and self.wname and self.persona not in ("nonparty",):
            body.append(a(self.e(rng.choice(["我是{P}，", "我叫{P}，", "{P}反映："]))))
        if self.persona in ("nonparty", "relative", "lawyer", "company"):
            body.append(a(self.intro("online")))
        if self.role != "none" and short_bg:
            b = self.background(spoken=True)
            a(b)
            body.append(b)
        st = self.stories()
        a(st)
        body.append(st)
        ex = self.extras()
        a(ex)
        body.append(ex)
        if rng.random() < 0.3:
            body += [a(x) for x in self.distract(1)]
        body.append(a(self.request()))
        text = "".join(body)
        tail = ""
        if not structured and self.wphone:
            self.phone_shown = True
            tail = a(rng.choice(["电话", "联系电话：", "我的电话", "手机"]) + self.wphone[0])
        if structured:
            return "\n".join(head + [rng.choice(["留言内容：", "内容：", ""]) + text])
        return text + ("\n" + tail if tail else "")

    def r_clerk(self, kind):
        rng = self.rng
        a = self.add
        when = self.today
        t = "%d年%d月%d日%s%d时%02d分" % (when.year, when.month, when.day, rng.choice(["上午", "下午", ""]), rng.randint(8, 17), rng.randint(0, 59))
        t = rng.choice([t, "%d-%02d-%02d %02d:%02d" % (when.year, when.month, when.day, rng.randint(8, 17), rng.randint(0, 59))])
        self.letter_date = when.isoformat()
        self.date_written = t
        clerk = self.names.person()[0]
        lines = []
        if kind == "phone":
            lines.append(a(rng.choice(["来电记录", "电话来访登记", "执行信访来电记录单"])))
            lines.append(a("来电时间：" + t))
            lines.append(a("来电人：" + (self.wname or rng.choice(["未透露姓名", "不详", "匿名（自称姓王）"]))))
            if self.wphone:
                self.phone_shown = True
                lines.append(a(rng.choice(["来电号码：", "联系电话：", "回拨电话："]) + self.wphone[0]))
            else:
                lines.append(a(rng.choice(["来电号码：未显示", "联系电话：拒绝提供", "联系电话：无"])))
        else:
            lines.append(a(rng.choice(["来访登记表", "执行信访来访登记", "接访记录"])))
            lines.append(a("来访时间：" + t))
            if self.wname:
                w = self.writer
                lines.append(a("来访人：%s，%s，%d岁" % (self.wname, "男" if w["male"] else "女", w["age"])))
                if rng.random() < 0.6:
                    lines.append(a("身份证号：" + w["id"]))
                lines.append(a("住址：" + w["addr"]))
            else:
                lines.append(a("来访人：拒绝登记身份信息"))
            if self.wphone:
                self.phone_shown = True
                lines.append(a("联系电话：" + self.wphone[0]))
        if self.role != "none":
            if self.cn_unused() and rng.random() < 0.6:
                lines.append(a(self.e("[涉及案号|案号]：{CN}")))
            elif rng.random() < 0.4:
                lines.append(a(rng.choice(["案号：不详", "案号：来电人记不清", "案号：未提供"])))
        lead = "来电内容：" if kind == "phone" else rng.choice(["来访事由：", "反映问题："])
        say = self.e("{I}[称|反映|表示]，")
        if self.persona == "anon":
            v = self.variants[0]
            body = lead + "来%s人称：“%s”" % ("电" if kind == "phone" else "访", self.e(v["text"]))
            body += rng.choice(["经询问，来电人不愿提供姓名、案号及当事人信息，随即挂断。" if kind == "phone" else "经询问，来访人不愿提供案号及当事人姓名，自行离开。",
                                "询问案号及当事人，均称记不清。"])
            lines.append(a(body))
        else:
            parts = self.core(spoken=True, n_distract=rng.choice([0, 0, 1]))
            if self.persona == "nonparty":
                parts.insert(0, a(self.e("来%s人自称是{SPK}的{nrel}，[不是当事人|与本案无关]，[未提供委托手续|无授权委托书]。" % ("电" if kind == "phone" else "访"))))
            lines.append(lead + say + "".join(parts))
            rq = self.request()
            if rq:
                lines.append(a(rng.choice(["来电人要求：" if kind == "phone" else "来访人要求：", "诉求：", "来%s人诉求：" % ("电" if kind == "phone" else "访")]) + rq))
        lines.append(a(rng.choice(["记录人：", "接听人：", "接待人："]) + clerk))
        return "\n".join(l for l in lines if l)

    def r_forward(self, inner_text_fn):
        rng = self.rng
        a = self.add
        body, channel, prefix = rng.choice(PL.FORWARDERS)
        self.channel = channel
        cover_date = self.today + dt.timedelta(days=rng.randint(3, 25))
        deadline = cover_date + dt.timedelta(days=rng.randint(15, 45))
        lines = [a(body), a("转办单" if channel == "转办" else rng.choice(["交办函", "交办单", "信访事项交办通知"]))]
        lines.append(a("%s〔%d〕%d号" % (prefix, cover_date.year, rng.randint(3, 400))))
        lines.append(a("钢城区人民法院执行局：" if rng.random() < 0.5 else "济南市钢城区人民法院："))
        who = self.wname or "群众"
        topic = rng.choice(["执行问题", "案件执行有关问题", "执行方面的问题", "有关诉求"])
        dl = T.fmt_date(deadline, rng, style=rng.choice(["num", "cn"]))[0]
        if channel == "转办":
            lines.append(a(self.e("[现将%s反映%s的来信转去|%s来信反映%s，现转去]，请[依法处理|按照有关规定办理]，并于%s前将[办理结果|处理情况]书面反馈[我室|我委|我局|我办]。" % (who, topic, who, topic, dl))))
        else:
            lines.append(a(self.e("%s反映[你院执行的案件|你院执行案件]%s，现交你院办理。请于%s前[将办理结果报我局|书面报告办理结果]，[并做好息诉罢访工作|]。" % (who, topic, dl))))
        lines.append(a(body))
        lines.append(a(T.fmt_date(cover_date, rng, style=rng.choice(["num", "cn"]))[0]))
        if rng.random() < 0.6:
            lines.append(a("附：来信%s" % rng.choice(["1份", "一份", "1件"])))
        cover = "\n".join(lines)
        return cover + "\n" + rng.choice(["——————————", "-----", "", "（来信原件）"]) + "\n" + inner_text_fn()

    # ---------------------------------------------------------- driver
    def render(self):
        self.out = []
        self.letter_date = None
        self.date_written = None
        self.phone_shown = False
        self.respondent2_used = False
        reg = self.register
        self.channel = {"letter": "来信", "story": "来信", "formal": "来信", "company": "来信", "lawyer": "来信",
                        "online": "网上申诉", "phone": "电话", "visit": "来访", "forward": None}[reg]

        def body_fn(r):
            if r == "letter":
                return self.r_letter()
            if r == "story":
                return self.r_letter(spoken=True)
            if r == "formal":
                return self.r_formal()
            if r == "company":
                return self.r_company()
            if r == "lawyer":
                return self.r_lawyer()
            if r == "online":
                return self.r_online()
            if r in ("phone", "visit"):
                return self.r_clerk(r)
        if reg == "forward":
            return self.r_forward(lambda: body_fn(self.inner))
        return body_fn(reg)

    # ---------------------------------------------------------- labels and fields
    def finish(self, text):
        rng = self.rng
        # noise, never touching what the fields must find verbatim
        protect = [e["name"] for e in (self.applicant, self.respondent, self.outsider, self.added, self.S, self.writer, getattr(self, "respondent2", None)) if e]
        protect += list(self.cn_list)
        if self.judge:
            protect += [self.judge["full"], self.judge["field"], self.judge["short"]]
        if self.wphone:
            protect.append(self.wphone[0])
        if self.writer and self.writer.get("id"):
            protect.append(self.writer["id"])
        if self.speaker and self.speaker.get("id"):
            protect.append(self.speaker["id"])
        if self.date_written:
            protect.append(self.date_written)
        body = self.inner or self.register
        hp = dp = 0.0
        sp = False
        if self.style == "semi":
            hp = rng.uniform(0.3, 0.75)
            dp = rng.uniform(0.3, 0.95) if rng.random() < 0.8 else 0.0
            sp = rng.random() < 0.4
        elif self.style == "elderly":
            hp = 0.12 if rng.random() < 0.4 else 0.0
            dp = 0.2 if rng.random() < 0.3 else 0.0
        elif body == "online" and rng.random() < 0.3:
            dp = 0.5
            sp = rng.random() < 0.5
        if hp or dp:
            text = T.apply_noise(text, protect, rng, homophone_p=hp, drop_punct=dp, space_punct=sp)
        self.noise = {"homophone": round(hp, 2), "drop_punct": round(dp, 2)}

        def present(s):
            return bool(s) and s in text
        fields = {}
        fields["petitioner_name"] = self.wname if present(self.wname) else None
        ph = None
        if self.wphone and self.wphone[0] in text:
            ph = self.wphone[1]
        fields["petitioner_phone"] = ph
        fields["applicants"] = [e["name"] for e in (self.applicant,) if e and present(e["name"])]
        resp = [e for e in (self.respondent, getattr(self, "respondent2", None), self.added) if e]
        fields["respondents"] = [e["name"] for e in resp if present(e["name"])]
        fields["outsiders"] = [e["name"] for e in (self.outsider,) if e and present(e["name"])]
        j = None
        if self.judge:
            cands = [self.judge["field"], self.judge["short"]]
            pos = [(text.find(c), c) for c in cands if c in text]
            if self.judge["field"] in text:
                j = self.judge["field"]
            elif pos:
                j = min(pos)[1]
        fields["judge"] = j
        cns = sorted({(text.find(c), c) for c in self.cn_list if c in text})
        seen = []
        for _, c in cns:
            if c not in seen:
                seen.append(c)
        fields["case_numbers"] = seen
        fields["letter_date"] = self.letter_date if (self.date_written and self.date_written in text) else None
        fields["channel"] = self.channel
        self.fields = fields
        return text

    def check(self, text):
        """Consistency of facts and labels; returns a reason string when the letter must be redrawn."""
        f = self.fields
        gs = set(self.combo)
        if "R1" in gs:
            if f["case_numbers"] or f["applicants"] or f["respondents"] or f["petitioner_phone"] or f["petitioner_name"]:
                return "R1 identifiable"
            return None
        if "R5" in gs:
            return None if not f["case_numbers"] else "R5 with case"
        has_party = bool(f["applicants"] or f["respondents"] or f["outsiders"])
        reach = bool(f["petitioner_phone"] or (self.writer and self.writer.get("addr") and self.writer["addr"] in text)
                     or (self.persona == "company"))
        if not f["case_numbers"] and not (has_party and reach):
            return "not identifiable"
        if self.persona == "relative" and "委托" not in text:
            return "agent without poa"
        if self.other_court and self.oc[1] not in text and self.oc[2] not in text and not any(self.oc[0] in c for c in f["case_numbers"]):
            return "R6 without other court"
        if not self.other_court and any(code in c for c in f["case_numbers"] for code in ("鲁0102", "鲁0112", "鲁0103", "鲁0104", "鲁0211", "鲁0902", "鲁0982", "鲁1302", "京0105")) and not self.r7:
            return "foreign code"
        if self.other_court and self.CN and self.CN not in text and not (self.oc[1] in text or self.oc[2] in text):
            return "R6 lost"
        if len(text) < 40:
            return "too short"
        return None

    def record(self, text):
        grounds = sorted(self.combo, key=lambda g: (g[0], int(g[1:])))
        decision = "accept" if grounds[0].startswith("A") else "reject"
        return {
            "id": "gen-%d-%04d" % (self.seed, self.idx + 1),
            "text": text,
            "decision": decision,
            "type": {"impl": "implementation", "review": "review", None: None}[self.type],
            "grounds": grounds,
            "fields": self.fields,
            "provenance": {"method": "generated", "generator": "corpora.generator", "seed": self.seed, "version": "1"},
        }

    def meta(self):
        return {"id": "gen-%d-%04d" % (self.seed, self.idx + 1), "variants": [v["id"] for v in self.variants],
                "persona": self.persona, "register": self.register, "inner": self.inner, "style": self.style,
                "role": self.role, "dispute": self.dispute[0], "noise": self.noise}


def make_letter(idx, combo, seed, attempt_limit=30):
    import random
    last = None
    for attempt in range(attempt_limit):
        rng = random.Random("%d/%d/%d" % (seed, idx, attempt))
        L = Letter(idx, combo, rng, seed)
        today = T.rand_date(rng, dt.date(2022, 3, 1), dt.date(2026, 10, 31))
        L.choose_content()
        L.choose_parties(today)
        L.choose_persona(today)
        L.build_ctx(today)
        L.make_case_numbers()
        L.writer_identity()
        text = L.render()
        text = "\n".join(line.rstrip() for line in text.split("\n"))
        text = L.finish(text)
        why = L.check(text)
        if why is None:
            return L, text
        last = why
    raise RuntimeError("letter %d %s: could not satisfy constraints (%s)" % (idx, combo, last))
