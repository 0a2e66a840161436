"""Person and organisation names after a role cue (申请执行人/被执行人/案外人/法官/我叫 …).

Chinese has no capitals and letters often have no punctuation (``被执行人是徐宝山他欠我…``), so a
name is read as: optional compound or single surname from a list, then one or two given-name
characters that are not in a stop list of function words and verbs (``欠 的 是 在 说 …``).
Organisations are read up to an organisation suffix (有限公司, 律师事务所 …) within the clause.
"""
from __future__ import annotations

import re
from typing import Optional

COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "司徒",
                     "夏侯", "宇文", "长孙", "端木", "西门", "南宫", "独孤", "申屠", "钟离", "闻人", "澹台",
                     "公冶", "公羊", "万俟", "呼延", "轩辕", "太史", "仲孙", "赫连", "濮阳", "宗政", "左丘", "百里")
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符"
    "舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农"
    "司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商"
    "刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼"
    "蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈"
    "晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邴那鄂郦逯衣宿展亢逄仉员菅於蓟是律鲜撒过续浩岳綦荀"
    "茅郇郗訾隗荣战矫郄尉晏慎訾秘宓暴郏禚沃隆揭蹇濮闾靖束蔚汲居嵇扶钮习訾臧厍苍雒钭邰乜"
)
SURNAMES |= set("况蒯乜勾莘韶阎赖贝庹糜籍占宦仰萧黑")
SURNAMES -= set("于向和从是过来那")   # ambiguous particles/verbs; 于 is handled with a stricter test
WEAK_SURNAMES = set("于向万时常高明国平全公那")

#: never inside a given name (function words, verbs that follow a name, titles, digits)
STOP = set(
    "的了是在说把和与及等他她它我你们不给要还已于为被从至这那都也就又才将对因拖去有没无跟找让叫"
    "请求反映诉申执行院案号电话手机律师欠借打判起告称住今年岁男族出身份证元钱款卡签盖按代写委托"
    "人所公司局官员办访一二三四五六七八九十个日时地啊吧呢吗呀哦哈嘛么很太最更再并且而但却可以能会想"
    "使用帮替作做过到着得之由租赊或"
)
#: a "name" ending in these is a place (颜庄镇, 钢城区)
PLACE_END = set("镇村区县乡省街市庄屯湾")
#: surname-initial common nouns that are not names
NOT_NAMES = {"师傅", "师父", "农民工", "农民", "农户", "包工头", "老板", "老人", "老头", "老百姓", "房东", "房主", "车主",
             "司机", "领导", "群众", "高中", "明白", "常年", "任何", "时候", "国家", "文件", "金额", "金钱",
             "方面", "方式", "相近", "相同", "相应", "相当", "花园", "公园", "家园", "范围", "房屋", "房间", "房款", "亲戚", "配偶", "家属", "子女", "父母", "原告", "原来", "平时", "全部", "全家", "全款", "余款", "余额", "叶子", "华为",
             "江湖", "毛病", "钱款", "程序", "孙子", "黄金", "周末", "周边", "成本", "成功", "陆续", "路上",
             "车子", "车辆", "房子", "房产", "单位", "单独", "项目", "计划", "高速", "高消费", "冯某", "申请",
             "执行", "关系", "关于", "关键", "解决", "解除", "解释", "应该", "应当", "包括", "连续", "安排",
             "管理", "管理人", "曾经", "康复", "宁愿", "章程", "丁点", "何时", "向来", "万一", "常委会",
             "应回避", "居民", "市民", "名单", "名单上", "问题", "司只", "情况", "事情", "名下", "老家", "居委会", "党支部", "支部", "应诉", "应付", "应得", "应有", "全额", "房租", "房费", "房贷"}
#: two characters that never open a name (支付货款 / 明显超标 / 那边的人 / 死亡 / 裁定)
NOT_NAME_START = {"应支", "应付", "应还", "应赔", "应给", "范围", "房屋", "房间", "房款", "查封", "查询", "查到", "查找", "查清", "查明", "查处", "支付", "明显", "那边", "这边", "死亡", "裁定", "近亲", "厂里", "追加", "名下", "账户", "财产",
                  "至今", "一直", "已经", "没有", "拒不", "逃避", "下落", "本人", "司认", "公司", "单位", "法人",
                  "代表", "股东", "亲属", "家属", "仅支", "尚欠", "还欠", "应当", "应该", "承担", "偿还", "履行"}
_NOT_GIVEN = ("名下", "名义", "名字", "家住", "家在", "家里", "家人", "家的", "家门", "向法院", "向你们", "向我", "向他", "法院", "法官", "法警", "来法院", "来到", "来了", "来找", "来问", "来信", "来访", "来电", "法律")
TITLES = ("法官", "庭长", "局长", "院长", "执行员", "书记员", "审判员", "副局长", "副庭长", "队长", "助理",
          "先生", "女士", "师傅", "大爷", "大娘", "老师")

ORG_SUFFIX = (r"(?:有限责任公司|股份有限公司|有限公司|集团公司|分公司|公司|专业合作社|合作社|律师事务所|"
              r"事务所|商会|协会|商行|经营部|工程部|装饰部|养殖场|养殖厂|农场|林场|砖场|采石场|屠宰场|饭馆|餐馆|水饺馆|面馆|宾馆|旅馆|经销部|维修部|服务部|销售部|门市部|加工厂|厂|超市|酒店|饭店|家具店|商店|店|学校|医院|支行|分行|银行|信用社|"
              r"村民委员会|居民委员会|委员会|中心|工作室|个体工商户)")
ORG_RE = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9（）()·]{{2,40}}?{ORG_SUFFIX}")
ORG_BAD = set("欠我你他她的是了给把说在与及都没不被因要就向判告")
ORG_BAD_RE = re.compile(r"(合伙|开(?!发)|一家|一个|大型|第三人|被执行人|申请执行人|欠|告|追加|申请|该公司|总公司|分公司$|和(?:他|她|我|你|俺))")
ORG_GENERIC = ("以下简称", "简称", "下称", "持有", "拥有", "位于", "名下", "其名下", "账户", "车主", "被告", "原告", "外地", "本地", "一家", "一个", "一人", "这家", "那家", "这个", "那个", "该", "此", "贵", "某",
               "其", "对方", "本", "上述", "各", "有关", "相关", "两家", "几家", "多家")

_PUNCT = set("，,。.：:；;、！!？?\n\r\t （）()[]【】“”\"'‘’《》<>—-…·/")


def read_org(text: str, pos: int, maxlen: int = 40) -> Optional[str]:
    """An organisation name starting exactly at ``pos`` (within the clause), else None."""
    m = ORG_RE.match(text, pos, min(len(text), pos + maxlen + 8))
    if not m:
        return None
    name = m.group(0)
    body = name
    stem = re.sub(ORG_SUFFIX + "$", "", body)
    # brackets only as a part of a name like 济南某某（集团）有限公司
    if any(c in ORG_BAD for c in stem):
        return None
    # 厂房 / 店铺 / 中心区: the "suffix" is the start of another word, not the end of a name
    if m.end() < len(text) and text[m.end()] in "房铺面区内外里区址":
        return None
    if ORG_BAD_RE.search(body) or body[0] in "对向在把给从跟和与被让由将为于到诉告" or \
            body.startswith(("原系", "系", "现系", "即")):
        return None
    if body.startswith(ORG_GENERIC) or body.startswith("公司") or len(re.sub(ORG_SUFFIX + "$", "", body)) < 2:
        return None
    if any(c in "\n，。；：,;:" for c in body):
        return None
    if body.count("（") + body.count("(") != body.count("）") + body.count(")"):
        return None     # 焦永胜（钢城区永胜建材经营部: a person with a note in brackets, not one name
    k = body.find("和")
    if k > 0 and (k < 2 or read_person(body, 0, allow_title=False) == body[:k]):
        return None     # 张三和李四公司 / 我和某公司: a list, not one name (顺和塑料制品有限公司 is one)
    # 中国农业银行|股份有限公司济南钢城支行: the suffix matched early; the registered name goes on
    co = re.match(r"(?:股份有限公司|有限责任公司|有限公司)", text[pos + len(name):pos + len(name) + 6])
    if co and name.endswith(("银行", "集团", "信用社")):
        name += co.group(0)
    # 宁波捷达物流有限公司济南分公司 / 济南宏图建筑有限公司钢城项目部: a branch is its own party
    b = _BRANCH.match(text, pos + len(name))
    if b and not any(c in ORG_BAD for c in b.group(1)) and not b.group(1).startswith(("的", "和", "及")):
        name += b.group(0)
    return name


_BRANCH = re.compile(r"([\u4e00-\u9fff]{0,8}?)(分公司|项目部|项目经理部|分厂|分店|营业部|支行|分行|办事处)")


_HARD_END = set("，,。.：:；;、！!？?\n\r\t （(）)【[“”\"'0123456789")


def read_person(text: str, pos: int, allow_title: bool = True, loose: bool = False) -> Optional[str]:
    """A person's name starting exactly at ``pos``: surname + 1–2 given characters, or surname + title.

    Returns the name as written (``徐宝山``, ``秦岚``, ``葛法官``, ``张某某``), or None.
    """
    t = text
    n = len(t)
    sur = None
    for cs in COMPOUND_SURNAMES:
        if t.startswith(cs, pos):
            sur = cs
            break
    unlisted = False
    if sur is None:
        if pos >= n:
            return None
        if t[pos] not in SURNAMES and t[pos] not in WEAK_SURNAMES:
            # a strong cue (我叫/来电人：/申请执行人) may name someone with a surname not in our list,
            # but then the name must end at punctuation, a space, a digit or the end of the text
            if not (loose and "\u4e00" <= t[pos] <= "\u9fff" and t[pos] not in STOP and t[pos] not in "某"):
                return None
            unlisted = True
        sur = t[pos]
    i = pos + len(sur)
    if allow_title:
        for title in TITLES:
            if t.startswith(title, i):
                return sur + title
    if t.startswith("某某", i) or t.startswith("某", i):
        return sur + ("某某" if t.startswith("某某", i) else "某")
    given = ""
    while i < n and len(given) < 2:
        c = t[i]
        if not ("\u4e00" <= c <= "\u9fff") or (c in STOP and not (
                given and c in _LAST_GIVEN_OK and (i + 1 >= n or t[i + 1] in _PUNCT or t[i + 1] in STOP
                                                   or t.startswith(_NOT_GIVEN, i + 1)
                                                   or t[i + 1] not in _ADVERBIAL_AFTER))
                and not (not given and c in "二三" and i + 1 < n and "\u4e00" <= t[i + 1] <= "\u9fff"
                         and t[i + 1] not in STOP and t[i + 1] not in "个十百千万年月日号次回人")):
            break       # (牛二柱 / 张三虎: 二 and 三 open rural given names)
        # a title right after one given char: 李强法官 → stop before the title
        if given and any(t.startswith(title, i) for title in TITLES):
            break
        if t.startswith(_NOT_GIVEN, i):
            break
        given += c
        i += 1
    if len(given) == 2 and i < n and t[i] not in _NAME_FOLLOW and t[i] not in _PUNCT and not t.startswith(_NOT_GIVEN, i) and \
            _ends_in_next_word(given, t[i - 1:i + 1], t[i:i + 2]):
        given = given[:1]       # 梁琴赔偿 / 彭军劳动争议 / 白峰民间借贷: the name is 梁琴, 彭军, 白峰
        i -= 1
    if not given or given in ("老板", "老总", "经理", "老大", "大哥", "大姐", "师傅", "总经"):
        return None     # 曲老板 / 王经理: a title, not a given name
    if given[-1] in PLACE_END or (sur + given) in NOT_NAMES or (sur + given)[:2] in NOT_NAME_START:
        return None
    if unlisted and i < n and t[i] not in _HARD_END:
        return None
    name = sur + given
    words = _short_words()
    if unlisted and (words.get(name, 0) >= 100 or words.get(name[:2], 0) >= 100 or name[-1] in "内中里外上下边"):
        return None     # 被执行人名单中 / 厂区内 / 清偿: a word after a strong cue, not a rare surname
    if len(name) == 2 and words.get(name, 0) >= 5000:
        return None     # 成立 / 方向 / 程序: a very common word, not 成 + 立
    if sur in WEAK_SURNAMES and sur not in SURNAMES and len(given) < 2:
        return None
    return sur + given


#: function words that are also common last characters of given names (邓友才, 邢保才), allowed there
#: when a boundary follows
_LAST_GIVEN_OK = set("才二三")
#: after these, 才 is the adverb (张三才还钱 / 他才知道), not the end of a name (栾德才承担连带责任)
_ADVERBIAL_AFTER = set("还给知说去能会是有把到开来走回肯答发")
#: characters that typically follow a whole name (邴建民和樊月霞 / 孔令国的房子): the name before them is whole
_NAME_FOLLOW = set("的了是在和与及跟欠说把被给向对也都就还又才将为从、")
_WORDS: Optional[dict[str, int]] = None


def _short_words() -> dict[str, int]:
    """Two- and three-character words of jieba's dictionary with their frequencies (read once, lazily)."""
    global _WORDS
    if _WORDS is None:
        words: dict[str, int] = {}
        try:
            import importlib.resources as ir
            with ir.files("jieba").joinpath("dict.txt").open(encoding="utf-8") as fh:
                for line in fh:
                    w, _, rest = line.partition(" ")
                    if len(w) in (2, 3):
                        f = int(rest.split(" ", 1)[0] or 0)
                        if f >= 10:
                            words[w] = f
        except (OSError, ValueError, ModuleNotFoundError):
            words = {}
        _WORDS = words
    return _WORDS


def word_before(text: str, s: int, min_freq: int = 50) -> bool:
    """A common word ends right before ``s`` (判决|济南某公司 / 业务员|韩志): a name may start at ``s``."""
    w = _short_words()
    return w.get(text[max(0, s - 2):s], 0) >= min_freq or (s >= 3 and w.get(text[s - 3:s], 0) >= min_freq)


def name_may_start(text: str, k: int) -> bool:
    """A name may start at ``k``: the text starts there, or punctuation, a function word or a common
    word ends right before it (判决|济南某公司, not 判|决济南某公司)."""
    return k == 0 or text[k - 1] in _PUNCT or text[k - 1] in STOP or word_before(text, k)


def _ends_in_next_word(given: str, nxt: str, after: str) -> bool:
    """The second given character starts the next word (琴|赔偿: 赔偿 is common, 琴赔 is no word),
    so the name has one given character — unless what follows the longer name is itself a word at
    least as common (石广军|民间借贷, not 石广|军民)."""
    w = _short_words()
    f_next = w.get(nxt, 0)
    return f_next >= 100 and w.get(given, 0) * 20 < f_next and w.get(after, 0) < f_next


_OFFICERS = ("法定代表人", "法人", "股东", "老总", "经理", "老板", "负责人")
_PARTY_TITLE = re.compile(r"(老板娘|老板|负责人|法定代表人|法人|经营者|股东|老总|经理)")


def read_party(text: str, pos: int, loose: bool = False) -> Optional[str]:
    """A party (company or person) at ``pos``: skips '是/为/：/原来叫/“' and a '钢城区的' location."""
    pos = skip_cue_glue(text, pos)
    # 被执行人老窦（窦振华）: the name in brackets after a nickname
    nick = re.match(r"(?:老|小|阿)[\u4e00-\u9fff][（(]([\u4e00-\u9fff]{2,4})[）)]", text[pos:pos + 10])
    if nick and read_person(nick.group(1), 0, allow_title=False) == nick.group(1):
        return nick.group(1)
    org = read_org(text, pos)
    if org:
        # 被执行人是钢城区旺达家具店的老板芦海: the person, not the shop
        full = read_org(text, pos + len(org))
        if full and "有限" in full and "有限" not in org:
            return full     # 被执行人是房地产公司济南钢城锦绣置业有限公司: the registered name in apposition
        m = re.match(r"的?" + _PARTY_TITLE.pattern, text[pos + len(org):pos + len(org) + 6])
        # …有限公司的股东牛立军 / 法定代表人: the company is the party, its officer a separate person
        if m and not (m.group(1) in _OFFICERS and re.search(r"有限|股份", org)):
            p = read_person(text, pos + len(org) + m.end(), allow_title=False)
            if p:
                return p
        return org
    # 侯三（侯立山）: the full name in brackets after a short one of the same surname
    b = re.match(r"([\u4e00-\u9fff]{1,3})[（(]([\u4e00-\u9fff]{2,4})[）)]", text[pos:pos + 10])
    if b and b.group(2)[0] == b.group(1)[0] and len(b.group(2)) > len(b.group(1)) and \
            read_person(b.group(2), 0, allow_title=False) == b.group(2):
        return b.group(2)
    p = read_person(text, pos, allow_title=False, loose=loose)
    if p:
        return p
    # 被执行人是我前夫栾志强 / 她原来的房客郑立春 / 承办法官常建军的亲弟弟常建国 / 其股东蔡立伟
    m = RELATION_GLUE.match(text, pos)
    if m:
        q = pos + m.end() - m.start()
        org = read_org(text, q)
        if org:
            return org
        if re.search(r"(?:老板|法定代表人|法人代表|法人|实际控制人|股东|负责人|经营者|投资人)(?:是|叫|名叫)?$", m.group(0)) \
                and not re.match(r"(?:我|俺|她|他|其)", m.group(0)):
            return None     # 被执行人老板甄宏远 / 被执行人实际控制人倪海洋: the party's officer, not the party
        p = read_person(text, q, allow_title=False, loose=loose)
        if p:
            return p
    # 被执行人是钢城区的于庆林 / 被执行人是莱芜的张三 / 老板芦海
    m = re.match(r"[\u4e00-\u9fff]{1,8}?(?:区|县|市|镇|乡|村|街道|社区|那边|这边)?的", text[pos:pos + 10])
    if m:
        q = pos + m.end()
        org = read_org(text, q)
        if org and len(org) >= 6:
            return org      # 总包的山东泰丰建工集团有限公司 (not 卖房的中介公司 / 名下的工商银行)
        t = _PARTY_TITLE.match(text, q)
        return read_person(text, q + (t.end() - q if t else 0), allow_title=False)
    return None


#: relation words between a role cue and the name: 被执行人是我前夫栾志强 / 及其实际控制人时长青
RELATIONS = (r"(?:前夫|前妻|丈夫|老公|对象|妻子|老婆|爱人|媳妇|儿子|女儿|闺女|儿媳|女婿|前女婿|哥哥|弟弟|姐姐|妹妹|哥|弟|姐|妹|"
             r"父亲|母亲|老父亲|表哥|表弟|表姐|表妹|堂哥|堂弟|侄子|外甥|小舅子|连襟|姐夫|妹夫|嫂子|弟媳|岳父|岳母|公公|婆婆|"
             r"舅舅|叔叔|姑姑|堂叔|堂兄|表叔|表舅|伯父|叔父|大伯|侄女|外甥女|亲家|干爹|干儿子|亲戚|同学|朋友|同事|邻居|老乡|战友|"
             r"房客|租户|承租人|房东|雇主|车主|合伙人|老板|老板娘|包工头|股东|投资人|法定代表人|法人代表|法人|实际控制人|经营者|"
             r"负责人|担保人|保证人|总公司|母公司|分公司|子公司|挂靠单位|挂靠公司|所在单位|孩子他妈|孩子他爸|孩子他爹|孩子妈|孩子爸|"
             r"他妈|他爸|他爹)")
RELATION_GLUE = re.compile(r"(?:我|俺|她|他|其|它)?的?(?:[\u4e00-\u9fff]{2,8}?的)?(?:一个|个)?(?:原来的|以前的|亲|老|远房)?" + RELATIONS
                           + r"(?:是|叫|名叫)?")

_GLUE = re.compile(r"(?:[ \t\u3000：:“\"「『]|是|为|叫|系|即|原来叫|原名|名叫|叫做|就是|乃|还有|包括|分别是)*")


def skip_cue_glue(text: str, pos: int) -> int:
    """Skip what sits between a role cue and the name: ：, :, 是, 为, 叫, 原来叫, “, spaces, 系."""
    m = _GLUE.match(text, pos)
    return m.end() if m else pos


def name_at_clause_end(text: str, pos: int, maxlen: int = 40) -> Optional[tuple[int, str]]:
    """我是颜庄镇西王庄村党支部书记王德法，… → (start, '王德法'): the name that closes the clause."""
    m = re.match(r"[^，,。；;！!？?\n]{1,%d}" % maxlen, text[pos:])
    if not m:
        return None
    clause = m.group(0).rstrip(" \t")
    end = pos + len(clause)
    for k in (3, 2, 4):
        s = end - k
        if s < pos:
            continue
        name = read_person(text, s, allow_title=True)
        if name and s + len(name) == end:
            return s, name
    return None
