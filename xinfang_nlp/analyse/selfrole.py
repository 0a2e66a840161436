"""When the writer is the applicant (申请执行人) or the outsider (案外人) and says so about
themselves ("我是…案件的申请执行人", "我申请了强制执行", "本人系案外人", "我的房子被查封了，
可我不是被执行人"), the register lists the writer under that role too — letters rarely repeat
their own name next to the role."""
from __future__ import annotations

import re
from typing import Optional

_ME = r"(?:我|本人|俺|我公司|本公司|我司|我单位|我厂)"
_SELF_APPLICANT = re.compile(
    _ME + r"(?:是|系|为|作为|就是)[^。；！？\n]{0,30}?申请(?:执行)?人(?!的)"
    r"|" + _ME + r"(?:[^，。；！？\n]{0,12})?(?:向[^，。；\n]{0,8})?申请(?:了)?(?:强制)?执行(?!人)"
    r"|^[^\n]{0,12}[，,]\s*申请执行人[。，,\n]"
    r"|(?:^|\n)\s*申请(?:执行)?人[（(]信访人[）)]"
)
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
    return apps, outs
