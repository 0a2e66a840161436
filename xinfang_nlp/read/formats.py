"""The built-in readers, by detected format."""
from __future__ import annotations

from .detect import IMAGE_FORMATS
from .pluginspec import register_reader


def register() -> None:
    from .image import read_image
    from .pdf import read_pdf
    from .text import read_docx, read_txt
    register_reader("txt", read_txt)
    register_reader("docx", read_docx)
    register_reader("pdf", read_pdf)
    for fmt in IMAGE_FORMATS:
        register_reader(fmt, read_image)
