"""When the writer is the applicant (申请执行人) or the outsider (案外人) and says so about
themselves ("我是…案件的申请执行人", "我申请了强制执行", "本人系案外人", "我的房子被查封了，
可我不是被执行人"), the register lists the writer under that role too — letters rarely repeat
their own name next to the role."""
from __future__ import annotations

import re
from typing import Optional

from .names import RELATIONS

_ME = r"(?:我|本人|俺|我公司|本公司|我司|我单位|我厂)"
_SELF_APPLICANT = re.compile(
    _ME + r"(?:是|系|为|作为|就是)[^。；！？\n]{0,30}?申请(?:执行)?人(?!的)(?![^，。；！？\n]{2,20}?(?:的|之)(?:亲)?" + RELATIONS + ")"
    r"|" + _ME + r"(?:[^，。；！？\n]{0,12})?(?:向[^，。；\n]{0,8})?申请(?:了)?(?:强制)?执行(?!人)"
    r"|^[^\n]{0,12}[，,]\s*申请执行人[。，,\n]"
    r"|(?:^|\n)\s*申请(?:执行)?人[（(]信访人[）)]"
)
#: the writer is owed (他欠我工资 / 我借给他 / 判…还我 / 申请执行人是我 / 我那个案子): a creditor's story
_OWED_ME = re.compile(
    r"欠(?:了)?(?:我|俺)(?:们|家)?(?![儿女爸妈父母哥弟姐妹老丈媳爱公婆闺对岳舅叔姑侄孙村单厂公])(?![^，。；\n]{0,6}个人)"
    r"|(?:我|俺)(?:把钱)?借(?:给|钱给)"
    r"|(?:判|判决|裁决)[^，。；\n]{0,12}?(?:给|还|赔偿|支付|偿还)(?:我|俺)(?![儿女爸妈父母哥弟姐妹老丈媳爱公婆闺对])"
    r"|申请执行人是我"
    r"|(?:我|俺)(?:那个|的|这个)(?:执行)?案子")
#: the writer's own property is taken for someone else's debt (车是我的 / 我的卡被冻了 / 房产证上写的是我的名字)
_MY_PROPERTY = re.compile(
    r"(?:是|归)(?:我|俺|本人)(?:自己)?(?:的|所有)(?![^，。；\n]{0,3}案)"
    r"|(?:我|俺)(?:自己)?(?:的|家的)(?:房子?|车|卡|银行卡|工资卡|账户|存款|养老金|微信|支付宝|铲车|收割机|车位|门面|店)"
    r"[^。；！？\n]{0,16}?(?:查封|冻结|冻了|封了|扣押|扣了|被扣|拍卖|划走|划扣)"
    r"|房产证上[^。；！？\n]{0,8}?(?:我|俺)的名字"
    r"|不欠任何人|被执行人也叫|同名同姓|租赁权|带租拍卖")
_SELF_NOT_APPLICANT = re.compile(_ME + r"(?:是|系|为|作为)[^。；！？\n]{0,30}?(?:被执行人|被申请人|案外人)")
_SELF_OUTSIDER = re.compile(
    _ME + r"(?:是|系|为|作为)[^。；！？\n]{0,20}?案外人"
    r"|" + _ME + r"(?:既)?(?:不是|并非|也不是)[^。；！？\n]{0,20}?(?:被执行人|当事人|债务人)"
)


def self_roles(text: str, petitioner: Optional[str], applicants: list[str], respondents: list[str],
               outsiders: list[str]) -> tuple[list[str], list[str]]:
    """(applicants, outsiders) with the writer added where the writer claims that role."""
    if not petitioner or petitioner in respondents:
        return applicants, outsiders
    apps, outs = list(applicants), list(outsiders)
    taken = petitioner in apps or petitioner in outs
    if not taken and _SELF_OUTSIDER.search(text):
        outs.insert(0, petitioner)
    elif not taken and _SELF_APPLICANT.search(text) and not _SELF_NOT_APPLICANT.search(text):
        apps.insert(0, petitioner)
    elif not taken and not _SELF_NOT_APPLICANT.search(text):
        owed = _OWED_ME.search(text)
        if _MY_PROPERTY.search(text) and not owed:
            outs.insert(0, petitioner)
        elif owed and not apps:
            apps.insert(0, petitioner)
    return apps, outs
