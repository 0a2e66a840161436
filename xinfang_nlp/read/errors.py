"""Read errors shown to clerks: a code and a fixed bilingual message (never the letter's content)."""
from __future__ import annotations

from ..types import ReadError

MESSAGES: dict[str, str] = {
    "corrupt": "文件已损坏，无法打开，请核对原件或人工登记 / The file is damaged and cannot be opened; "
               "check the original or register it by hand.",
    "encrypted": "文件设有密码（已加密），无法读取，请联系来信人提供未加密文件或纸质件 / The file is "
                 "password-protected; ask the sender for an unprotected copy or a paper copy.",
    "empty": "文件为空（0 字节），请核对来件 / The file is empty (0 bytes); check what was received.",
    "truncated": "文件不完整（可能传输或复制中断），请核对原件 / The file is incomplete (truncated, "
                 "perhaps an interrupted transfer); check the original.",
    "too_large": "文件超出处理上限{detail}，请人工处理 / The file exceeds the processing limit{detail_en}; "
                 "handle it by hand.",
    "unsupported": "不支持的文件格式{detail}，请转为 PDF、Word(.docx)、图片或文本后重新放入，或人工登记 / "
                   "Unsupported file format{detail_en}; convert it to PDF, .docx, an image or text, or "
                   "register it by hand.",
    "unreadable": "无法读取文件{detail}，请人工登记 / The file could not be read{detail_en}; "
                  "register it by hand.",
    "no_text": "未能从文件中读出任何文字（可能是空白页或图像过于模糊），请人工登记 / No text could be "
               "read from the file (blank pages or an unreadable image); register it by hand.",
}


def read_error(code: str, detail: str = "", detail_en: str = "") -> ReadError:
    """A ReadError with the fixed message for ``code``; ``detail`` must hold no letter content
    (only numbers, limits and format names)."""
    msg = MESSAGES[code]
    msg = msg.replace("{detail}", f"（{detail}）" if detail else "")
    msg = msg.replace("{detail_en}", f" ({detail_en or detail})" if (detail_en or detail) else "")
    return ReadError(code, msg)
