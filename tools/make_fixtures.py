"""Regenerate the committed read fixtures deterministically.

    apt-get install -y fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming   # generation time only
    pip install -e ".[fixtures]"                                              # generation time only
    python tools/make_fixtures.py            # examples/mailbag/, tests/fixtures/read/, tests/fixtures/bench/

Tests never run this: they use the committed files (no fonts, no network at test time).
Everything is seeded; PDFs are written with reportlab's ``invariant`` mode and the .docx zip with
fixed timestamps, so a rerun gives the same bytes (JPEG/WebP/PNG bytes depend on the Pillow build;
the password-protected .docx differs on every run: Office encryption draws a random salt and key).
"""
from __future__ import annotations

import io
import json
import math
import shutil
import sys
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from letters import LETTERS, by_key, letter_text  # noqa: E402

MAILBAG = ROOT / "examples" / "mailbag"
READ = ROOT / "tests" / "fixtures" / "read"
BENCH = ROOT / "tests" / "fixtures" / "bench"

FONTS = {
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
}
A4_200 = (1654, 2339)  # A4 at 200 dpi


def font(kind: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = FONTS[kind]
    if not Path(path).exists():
        sys.exit(f"font missing: {path}\n  apt-get install -y fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming")
    return ImageFont.truetype(path, px, index=index)


# ------------------------------------------------------------------ page rendering
NO_LINE_START = "，。、；：？！）》”’"


def wrap(text: str, f: ImageFont.FreeTypeFont, width: float, indent: str) -> list[str]:
    lines, cur = [], indent
    for ch in text:
        # 避头尾: closing punctuation never starts a line, it hangs in the margin instead
        if f.getlength(cur + ch) > width and cur.strip() and ch not in NO_LINE_START:
            lines.append(cur)
            cur = ""
        cur += ch
    if cur.strip():
        lines.append(cur)
    return lines


def render_letter(title: str, paras: list[str], kind: str = "serif", px: int = 36,
                  size=A4_200, margin: int = 170, spacing: float = 1.75) -> tuple[Image.Image, str]:
    """A letter page (greyscale): centred title, indented paragraphs. Returns (image, ground truth);
    ground truth = title and paragraphs, one per line, exactly the characters drawn."""
    w, h = size
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    ft = font(kind, int(px * 1.35))
    fb = font(kind, px)
    tw = ft.getlength(title)
    y = margin
    d.text(((w - tw) / 2, y), title, font=ft, fill=0)
    y += int(px * 1.35 * 2.2)
    gt = [title]
    usable = w - 2 * margin
    for p in paras:
        short = len(p) <= 14 and not p.endswith("。")
        indent = "" if short or p.endswith("：") and len(p) < 20 else "\u3000\u3000"
        if p == "此致":
            indent = "\u3000\u3000"
        right = short and p != "此致" and (p.startswith("申诉人：") or p.startswith("信访人：") or p.startswith("申请人：")
                           or p[0].isdigit() or p.startswith("二〇") or len(p) <= 4)
        lines = wrap(p, fb, usable, indent)
        for ln in lines:
            x = margin
            if right:
                x = w - margin - fb.getlength(ln) - px
            if y + px > h - margin:
                break
            d.text((x, y), ln, font=fb, fill=0)
            y += int(px * spacing)
        gt.append(p)
    return img, "\n".join(gt)


def rng(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def scan_effects(img: Image.Image, seed: int, angle: float = 1.2, blur: float = 0.7,
                 noise: float = 10.0, speckle: float = 0.0008) -> Image.Image:
    r = rng(seed)
    g = img.convert("L").rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    g = g.filter(ImageFilter.GaussianBlur(blur))
    a = np.asarray(g, dtype=np.float32)
    a = a * 0.92 + 14  # greyish paper, not-quite-black toner
    a += r.normal(0, noise, a.shape)
    sp = r.random_sample(a.shape)
    a[sp < speckle] = 40
    a[sp > 1 - speckle] = 255
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def photo_effects(img: Image.Image, seed: int, tilt: float = 0.04) -> Image.Image:
    """Phone photo of a page: perspective, uneven light, warm tint, blur, sensor noise."""
    import cv2
    r = rng(seed)
    a = np.asarray(img.convert("RGB"), dtype=np.float32)
    h, w = a.shape[:2]
    pad = 90
    canvas = np.full((h + 2 * pad, w + 2 * pad, 3), (92, 80, 66), np.float32)  # a wooden desk
    canvas[pad:pad + h, pad:pad + w] = a
    H, W = canvas.shape[:2]
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    j = lambda s: r.uniform(-s, s)  # noqa: E731
    dst = np.float32([[W * (tilt + j(0.01)), H * j(0.01) + 20], [W * (1 - tilt * 0.4 + j(0.01)), 10 + H * j(0.01)],
                      [W * (1 + j(0.01)) - 15, H * (1 - j(0.01)) - 5], [W * j(0.015) + 10, H * (1 - tilt * 0.5)]])
    M = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(canvas, M, (W, H), flags=cv2.INTER_LINEAR, borderValue=(70, 60, 50))
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = W * r.uniform(0.2, 0.8), H * r.uniform(0.1, 0.5)
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / math.hypot(W, H)
    light = (1.05 - 0.55 * dist)[..., None]
    warped = warped * light * np.float32([1.0, 0.96, 0.88])
    warped = cv2.GaussianBlur(warped, (0, 0), 0.9)
    warped += r.normal(0, 6, warped.shape)
    out = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8))
    return out.resize((int(W * 0.9), int(H * 0.9)), Image.Resampling.LANCZOS)


def jpeg_bytes(img: Image.Image, quality: int = 75, exif: bytes | None = None) -> bytes:
    b = io.BytesIO()
    kw = {"quality": quality, "optimize": True}
    if exif:
        kw["exif"] = exif
    img.save(b, "JPEG", **kw)
    return b.getvalue()


def jpeg_roundtrip(img: Image.Image, quality: int) -> Image.Image:
    return Image.open(io.BytesIO(jpeg_bytes(img, quality))).convert(img.mode)


def png_bytes(img: Image.Image) -> bytes:
    b = io.BytesIO()
    img.save(b, "PNG", optimize=True)
    return b.getvalue()


# ------------------------------------------------------------------ PDFs (reportlab)
def _rl_font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if "UMing" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("UMing", FONTS["ming"][0], subfontIndex=0))
    return "UMing"


def _rl_text_page(c, title: str, paras: list[str], size: float = 12.0) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    fname = _rl_font()
    W, H = A4
    margin = 72
    c.setFont(fname, size * 1.4)
    c.drawCentredString(W / 2, H - margin, title)
    y = H - margin - size * 3.2
    usable = W - 2 * margin
    for p in paras:
        indent = "" if len(p) <= 14 or (p.endswith("：") and len(p) < 20) else "\u3000\u3000"
        cur, lines = indent, []
        for ch in p:
            if stringWidth(cur + ch, fname, size) > usable and cur.strip() and ch not in NO_LINE_START:
                lines.append(cur)
                cur = ""
            cur += ch
        if cur.strip():
            lines.append(cur)
        c.setFont(fname, size)
        for ln in lines:
            c.drawString(margin, y, ln)
            y -= size * 1.8
    c.showPage()


def _rl_image_page(c, img: Image.Image, quality: int = 70) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    W, H = A4
    c.drawImage(ImageReader(io.BytesIO(jpeg_bytes(img.convert("L"), quality))), 0, 0, W, H)
    c.showPage()


def make_pdf(path: Path, pages: list[tuple], encrypt: str | None = None) -> None:
    """pages: ("text", title, paras) | ("image", PIL image)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    kw = {}
    if encrypt:
        from reportlab.lib import pdfencrypt
        kw["encrypt"] = pdfencrypt.StandardEncryption(encrypt, ownerPassword="owner-" + encrypt, strength=128)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, **kw)
    c.setAuthor("")
    c.setTitle("")
    for pg in pages:
        if pg[0] == "text":
            _rl_text_page(c, pg[1], pg[2])
        else:
            _rl_image_page(c, pg[1])
    c.save()
    path.write_bytes(buf.getvalue())


# ------------------------------------------------------------------ docx
def make_docx(path: Path, letter: dict) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    d = docx.Document()
    d.core_properties.author = ""
    import datetime as dt
    fixed = dt.datetime(2024, 3, 1, 9, 0, 0)
    d.core_properties.created = fixed
    d.core_properties.modified = fixed
    d.core_properties.last_modified_by = ""
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = "济南恒通物流有限公司"
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sec.header.add_paragraph("地址：济南市钢城区钢都大街166号　电话：0531-76543210")
    sec.footer.paragraphs[0].text = "本材料共一页　恒通物流法务部制"
    t = d.add_paragraph()
    run = t.add_run(letter["title"])
    run.bold = True
    run.font.size = Pt(18)
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paras = letter["paras"]
    for p in paras[:4]:
        d.add_paragraph(p)
    table = d.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    cells = [("证据名称", "证明内容", "页数"),
             ("运输合同", "我公司与被执行人仅有运输业务往来", "3"),
             ("工商登记信息", "我公司股东中没有被执行人", "2")]
    for r, row in enumerate(cells):
        for k, val in enumerate(row):
            table.cell(r, k).text = val
    for p in paras[4:]:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    _fixed_zip(buf.getvalue(), path)


def _fixed_zip(data: bytes, path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 3, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


# ------------------------------------------------------------------ EXIF
def exif_orientation(value: int) -> bytes:
    ex = Image.Exif()
    ex[0x0112] = value
    return ex.tobytes()


# ------------------------------------------------------------------ the mailbag
def make_mailbag() -> None:
    if MAILBAG.exists():
        shutil.rmtree(MAILBAG)
    MAILBAG.mkdir(parents=True)
    L = by_key
    # 1. photographed letter (JPEG): slight rotation, noise
    lt = L("photo_delay")
    img, _ = render_letter(lt["title"], lt["paras"], "serif", 34)
    ph = photo_effects(scan_effects(img, 11, angle=0.8, blur=0.5, noise=6), 12, tilt=0.03)
    (MAILBAG / "01_王建国申诉书_手机拍照.jpg").write_bytes(jpeg_bytes(ph, 72))
    # 2. scanned PNG
    lt = L("scan_overseize")
    img, _ = render_letter(lt["title"], lt["paras"], "sans", 34)
    (MAILBAG / "02_刘玉梅信访材料_扫描.png").write_bytes(png_bytes(scan_effects(img, 21, angle=-0.6, noise=0).point(lambda v: 0 if v < 150 else 255).convert("1")))
    # 3. multi-page TIFF (two pages, fax-style G4)
    lt = L("tiff_thirdparty")
    half = (len(lt["paras"]) + 1) // 2
    p1, _ = render_letter(lt["title"], lt["paras"][:half], "serif", 34)
    p2, _ = render_letter("（第二页）", lt["paras"][half:], "serif", 34)
    frames = [scan_effects(p, 31 + i, angle=0.4, noise=0).point(lambda v: 0 if v < 150 else 255).convert("1") for i, p in enumerate([p1, p2])]
    frames[0].save(MAILBAG / "03_陈志刚执行异议_多页.tif", save_all=True, append_images=frames[1:], compression="group4", dpi=(200, 200))
    # 4. scanned PDF
    lt = L("pdf_funds")
    img, _ = render_letter(lt["title"], lt["paras"], "serif", 36)
    make_pdf(MAILBAG / "04_赵秀兰申请书_扫描.pdf", [("image", scan_effects(img, 41, angle=-1.0))])
    # 5. text PDF
    lt = L("photo_delay")
    make_pdf(MAILBAG / "05_王建国申诉书_电子版.pdf", [("text", lt["title"], lt["paras"])])
    # 6. mixed PDF: typed first page, signed page scanned
    lt = L("mixed_pdf")
    sig, _ = render_letter("（签名页）", ["以上情况属实，请法院尽快处理。", "申请人：吴桂香", "2024年4月20日"], "kai", 40)
    make_pdf(MAILBAG / "06_吴桂香执行信访申请_混合.pdf",
             [("text", lt["title"], lt["paras"]), ("image", scan_effects(sig, 61, angle=0.7))])
    # 7. docx with letterhead and table
    make_docx(MAILBAG / "07_恒通物流执行申诉书.docx", L("docx_review"))
    # 8. GBK text
    (MAILBAG / "08_孙丽网上信访_GBK.txt").write_bytes(letter_text(L("txt_gbk_online")).replace("\n", "\r\n").encode("gbk"))
    # 9. UTF-8 online submission
    (MAILBAG / "09_韩振东网上信访.txt").write_bytes(letter_text(L("txt_utf8_online")).encode("utf-8"))
    # 10. UTF-16 (Windows Notepad "Unicode")
    (MAILBAG / "10_钱桂芳信访材料_UTF16.txt").write_bytes(letter_text(L("txt_utf16")).replace("\n", "\r\n").encode("utf-16"))
    # 11. webp phone photo
    lt = L("webp_hardship")
    img, _ = render_letter(lt["title"], lt["paras"], "kai", 40)
    ph = photo_effects(img, 111, tilt=0.025)
    b = io.BytesIO()
    ph.save(b, "WEBP", quality=70, method=4)
    (MAILBAG / "11_周德福求助信.webp").write_bytes(b.getvalue())
    # 12. a JPEG sent as ".pdf" (wrong extension)
    lt = L("jpg_wrongext")
    img, _ = render_letter(lt["title"], lt["paras"], "sans", 36, size=(1654, 1400))
    (MAILBAG / "12_冯立军申诉信.pdf").write_bytes(jpeg_bytes(scan_effects(img, 121, angle=0.5).convert("RGB"), 80))
    # 13. corrupt file (PDF header, damaged body)
    r = rng(131)
    (MAILBAG / "13_损坏的扫描件.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + r.bytes(3000) + b"\n%%EOF\n")
    # 14. unsupported (a ZIP archive of attachments)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("证据材料清单.csv", date_time=(2024, 3, 1, 9, 0, 0)), "名称,页数\n合同,3\n".encode("utf-8"))
    (MAILBAG / "14_证据材料压缩包.zip").write_bytes(out.getvalue())
    # 15. PNG of a short letter (another court's case)
    lt = L("png_other_court")
    img, _ = render_letter(lt["title"], lt["paras"], "ming", 38, size=(1654, 1300))
    (MAILBAG / "15_杨春生反映信.png").write_bytes(png_bytes(img))


# ------------------------------------------------------------------ test fixtures
def make_read_fixtures() -> None:
    if READ.exists():
        shutil.rmtree(READ)
    READ.mkdir(parents=True)
    short = ["申诉人：王建国，电话13905310127。", "请求恢复（2022）鲁0117执1234号案件的执行。"]
    # small page images (kept few lines so OCR tests are quick)
    img, gt = render_letter("申诉书", short, "sans", 40, size=(1200, 600), margin=60)
    (READ / "short_letter.png").write_bytes(png_bytes(img))
    # EXIF orientation 6: pixels stored rotated, the viewer must turn it 90° clockwise
    stored = img.convert("RGB").transpose(Image.Transpose.ROTATE_90)
    (READ / "exif_rotated.jpg").write_bytes(jpeg_bytes(stored, 85, exif=exif_orientation(6)))
    # the same JPEG under a .pdf and a .txt name
    (READ / "really_jpeg.pdf").write_bytes(jpeg_bytes(img.convert("RGB"), 85))
    (READ / "short_letter.bmp").write_bytes(_save(img.convert("RGB"), "BMP"))
    (READ / "short_letter.webp").write_bytes(_save(img.convert("RGB"), "WEBP", quality=80))
    # two-page TIFF, each page a few lines
    p2, _ = render_letter("第二页", ["此致", "济南市钢城区人民法院"], "sans", 40, size=(1200, 600), margin=60)
    img.save(READ / "two_pages.tif", save_all=True, append_images=[p2], compression="tiff_deflate")
    blank = Image.new("L", (1200, 600), 250)
    (READ / "blank.png").write_bytes(png_bytes(blank))
    # encodings
    text = "申诉书\n申诉人：王建国，住济南市钢城区。\n请求恢复（2022）鲁0117执1234号案件的执行。镕𠀀\n"
    gbk_text = text.replace("镕𠀀", "")
    (READ / "gbk.txt").write_bytes(gbk_text.replace("\n", "\r\n").encode("gbk"))
    (READ / "gb18030.txt").write_bytes(text.encode("gb18030"))
    (READ / "utf8.txt").write_bytes(text.encode("utf-8"))
    (READ / "utf8_bom.txt").write_bytes(text.encode("utf-8-sig"))
    (READ / "utf16le_bom.txt").write_bytes(text.encode("utf-16"))
    (READ / "utf16be.txt").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    (READ / "utf16le_nobom.txt").write_bytes(gbk_text.encode("utf-16-le"))
    (READ / "big5.txt").write_bytes("申訴書\n請求恢復執行，法院至今未執行到位。\n".encode("big5"))
    (READ / "english_only.txt").write_bytes(b"Complaint about case 2022-1234. Please call back.\n")
    (READ / "empty.txt").write_bytes(b"")
    # docx (letterhead in the header, a table)
    make_docx(READ / "letter.docx", by_key("docx_review"))
    # PDFs
    lt = by_key("pdf_funds")
    make_pdf(READ / "text.pdf", [("text", lt["title"], lt["paras"])])
    small_scan = scan_effects(render_letter("签名页", ["以上情况属实。", "申请人：吴桂香"], "sans", 40, size=(1200, 600), margin=60)[0], 7, angle=0.5, noise=4)
    make_pdf(READ / "mixed.pdf", [("text", lt["title"], lt["paras"][:2]), ("image", small_scan)])
    make_pdf(READ / "scanned.pdf", [("image", small_scan)])
    make_pdf(READ / "encrypted.pdf", [("text", lt["title"], lt["paras"][:2])], encrypt="secret")
    good = (READ / "text.pdf").read_bytes()
    (READ / "truncated.pdf").write_bytes(good[: len(good) // 3])
    (READ / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + rng(5).bytes(2000) + b"\n%%EOF\n")
    _broken_layer_pdf(READ / "cid_layer.pdf", small_scan)
    # images: truncated, corrupt, decompression bomb
    jb = (READ / "exif_rotated.jpg").read_bytes()
    (READ / "truncated.jpg").write_bytes(jb[: len(jb) // 2])
    (READ / "corrupt.png").write_bytes(b"\x89PNG\r\n\x1a\n" + rng(6).bytes(600))
    bomb = Image.new("1", (12000, 12000), 1)   # 144 Mpx, a few KB compressed
    (READ / "bomb.png").write_bytes(png_bytes(bomb))
    # unsupported: legacy .doc (an OLE header only); a real password-protected .docx (Agile
    # encryption, password "secret") and a damaged one whose directory cannot be walked
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (READ / "legacy.doc").write_bytes(ole + "WordDocument".encode("utf-16-le") + b"\x00" * 1024)
    encrypt_ooxml(READ / "letter.docx", READ / "encrypted.docx", "secret")
    (READ / "encrypted_damaged.docx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64
                                                  + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024)
    make_turned_pages()
    (READ / "audio.mp3").write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x0f" + rng(8).bytes(400))
    (READ / "binary.bin").write_bytes(bytes(range(256)) * 4)


def encrypt_ooxml(src: Path, dst: Path, password: str) -> None:
    """A password-protected copy of an OOXML file, as Office writes one (dev-time tool only)."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        sys.exit("msoffcrypto-tool missing: pip install msoffcrypto-tool")
    out = io.BytesIO()
    with open(src, "rb") as fh:
        OOXMLFile(fh).encrypt(password, out)
    dst.write_bytes(out.getvalue())


def make_turned_pages() -> None:
    """The short letter scanned lying on its side (both ways) and upside down, with no EXIF tag:
    the reader must find the turn itself. Made from the committed short_letter.png (no fonts)."""
    scan = scan_effects(Image.open(READ / "short_letter.png"), 17, angle=0.4, blur=0.5, noise=6)
    for name, turn in (("turned_cw.jpg", Image.Transpose.ROTATE_270),   # PIL turns counter-clockwise
                       ("turned_ccw.jpg", Image.Transpose.ROTATE_90),
                       ("upside_down.jpg", Image.Transpose.ROTATE_180)):
        (READ / name).write_bytes(jpeg_bytes(scan.transpose(turn), 75))


def _save(img: Image.Image, fmt: str, **kw) -> bytes:
    b = io.BytesIO()
    img.save(b, fmt, **kw)
    return b.getvalue()


def _broken_layer_pdf(path: Path, scan: Image.Image) -> None:
    """A scanned page whose invisible text layer is garbage (a broken font map: (cid:n) codes)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from reportlab.lib.utils import ImageReader
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    W, H = A4
    c.drawImage(ImageReader(io.BytesIO(jpeg_bytes(scan, 70))), 0, 0, W, H)
    t = c.beginText(72, H - 100)
    t.setTextRenderMode(3)
    t.setFont(_rl_font(), 14)
    t.textLine("以上情况属实申请人吴桂香")
    c.drawText(t)
    c.showPage()
    c.save()
    data = buf.getvalue()
    # drop the ToUnicode map (same length, offsets stay valid): the layer decodes to (cid:n)/junk
    data = data.replace(b"/ToUnicode", b"/ToUnicodX")
    path.write_bytes(data)


# ------------------------------------------------------------------ benchmark pages
BENCH_SETS = {
    # kind: (letter keys, font, px)
    "clean": (["photo_delay", "scan_overseize", "tiff_thirdparty"], "serif", 34),
    "scan": (["pdf_funds", "docx_review", "webp_hardship"], "serif", 34),
    "photo": (["mixed_pdf", "photo_delay", "jpg_wrongext"], "sans", 36),
    "kai": (["scan_overseize", "png_other_court", "pdf_funds"], "kai", 38),
}


#: denser scanned pages (two letters' paragraphs on one page, 32 px ≈ 11.5 pt at 200 dpi): 470–780
#: characters, as many real letters have; the bench reports them apart from the pages above
DENSE_SETS = [("photo_delay", "tiff_thirdparty"), ("scan_overseize", "docx_review"), ("pdf_funds", "webp_hardship")]


def make_dense_bench(manifest: dict) -> None:
    d = BENCH / "dense"
    d.mkdir()
    manifest["dense"] = []
    for i, (a, b) in enumerate(DENSE_SETS, 1):
        la, lb = by_key(a), by_key(b)
        paras = [p for p in la["paras"] if len(p) > 20] + [p for p in lb["paras"] if len(p) > 20]
        img, gt = render_letter(la["title"], paras, "serif", 32, spacing=1.6)
        out = scan_effects(img, 2000 + i, angle=(0.8, -0.6, 1.1)[i - 1], blur=0.7, noise=10)
        (d / f"p{i:02d}.jpg").write_bytes(jpeg_bytes(out, 65))
        (d / f"p{i:02d}.gt.txt").write_text(gt + "\n", encoding="utf-8")
        manifest["dense"].append({"kind": "dense", "file": f"dense/p{i:02d}.jpg", "gt": f"dense/p{i:02d}.gt.txt"})


def make_bench() -> None:
    if BENCH.exists():
        shutil.rmtree(BENCH)
    BENCH.mkdir(parents=True)
    manifest = {"dpi": 200, "pages": []}
    for kind, (keys, fk, px) in BENCH_SETS.items():
        d = BENCH / kind
        d.mkdir()
        for i, key in enumerate(keys, 1):
            lt = by_key(key)
            img, gt = render_letter(lt["title"], lt["paras"], fk, px)
            seed = 1000 + 10 * i + len(kind)
            if kind == "clean":
                data, ext = png_bytes(img), "png"
            elif kind == "scan":
                out = scan_effects(img, seed, angle=(-1.5, 1.0, 0.6)[i - 1], blur=(0.6, 0.9, 0.8)[i - 1], noise=12)
                data, ext = jpeg_bytes(out, (55, 65, 50)[i - 1]), "jpg"
            elif kind == "photo":
                out = photo_effects(img, seed, tilt=(0.03, 0.045, 0.02)[i - 1])
                data, ext = jpeg_bytes(out, 78), "jpg"
            else:  # kai: handwriting-like font, lightly scanned
                out = scan_effects(img, seed, angle=0.5, blur=0.5, noise=6)
                data, ext = jpeg_bytes(out, 80), "jpg"
            name = f"p{i:02d}.{ext}"
            (d / name).write_bytes(data)
            (d / f"p{i:02d}.gt.txt").write_text(gt + "\n", encoding="utf-8")
            manifest["pages"].append({"kind": kind, "file": f"{kind}/{name}", "gt": f"{kind}/p{i:02d}.gt.txt"})
    make_dense_bench(manifest)
    # text PDF: 24 pages, ground truth per page
    pages, gts = [], []
    for k in range(24):
        lt = LETTERS[k % len(LETTERS)]
        pages.append(("text", lt["title"], lt["paras"]))
        gts.append(letter_text(lt))
    (BENCH / "textpdf").mkdir()
    make_pdf(BENCH / "textpdf" / "letters24.pdf", pages)
    (BENCH / "textpdf" / "letters24.gt.json").write_text(json.dumps(gts, ensure_ascii=False, indent=0), encoding="utf-8")
    manifest["textpdf"] = {"file": "textpdf/letters24.pdf", "gt": "textpdf/letters24.gt.json", "pages": 24}
    (BENCH / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str]) -> None:
    what = set(argv) or {"mailbag", "read", "bench"}
    if "mailbag" in what:
        make_mailbag()
    if "read" in what:
        make_read_fixtures()
    if "bench" in what:
        make_bench()
    total = sum(f.stat().st_size for d in (MAILBAG, READ, BENCH) if d.exists() for f in d.rglob("*") if f.is_file())
    print(f"fixtures written: {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
