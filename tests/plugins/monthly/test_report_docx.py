"""The Word draft as official material: A4 with the standard margins, 仿宋 body and 黑体 title
set for Chinese text (w:eastAsia), and its photos upright at a sensible resolution, so that a
month with phone-camera photos stays a small file."""

from __future__ import annotations

import io
import time

import docx
from docx.oxml.ns import qn
from PIL import Image

from tests.plugins.monthly.test_monthly_exports import files


def phone_photo(width: int = 4000, height: int = 3000, orientation: int = 1) -> bytes:
    """A camera-sized JPEG with detail that compresses as a real photo does (several MB)."""
    noise = Image.effect_noise((width, height), 80)
    image = Image.merge(
        "RGB", (noise, noise.rotate(180), noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    )
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95, exif=exif.tobytes())
    return out.getvalue()


def pictures(document) -> list[Image.Image]:
    return [
        Image.open(
            io.BytesIO(
                shape._inline.graphic.graphicData.pic.blipFill.blip.embed
                and document.part.related_parts[
                    shape._inline.graphic.graphicData.pic.blipFill.blip.embed
                ].blob
            )
        )
        for shape in document.inline_shapes
    ]


async def test_a4_with_official_fonts(november, served, data_dir):
    _, report = await files(served, data_dir)
    document = docx.Document(str(report))
    section = document.sections[0]
    # Word keeps twips: compare in millimetres.
    assert [round(length.mm, 1) for length in (section.page_width, section.page_height)] == [
        210,
        297,
    ]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(length.mm, 1) for length in margins] == [37, 35, 28, 26]
    body = document.styles["Normal"].element.rPr.rFonts
    assert body.get(qn("w:eastAsia")) == "仿宋"
    assert body.get(qn("w:ascii")) == "仿宋"
    assert document.styles["Normal"].font.size.pt == 16
    title = document.paragraphs[0].runs[0]
    assert title.text.endswith("工作情况的说明报告")
    assert title.element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert title.font.size.pt == 22
    # Two photos side by side fit within the text width.
    text_width = section.page_width - section.left_margin - section.right_margin
    assert 2 * max(shape.width for shape in document.inline_shapes) < text_width


async def test_camera_photos_are_scaled_and_upright(november, served, data_dir):
    photos = sorted((data_dir / "photos" / "2026-11").iterdir())
    # As a phone held upright saves them: the pixels sideways, EXIF orientation 6.
    content = phone_photo(orientation=6)
    for photo in photos:
        photo.write_bytes(content)
    assert len(content) > 4 * 1024 * 1024

    started = time.perf_counter()
    _, report = await files(served, data_dir)
    took = time.perf_counter() - started

    size = report.stat().st_size
    images = pictures(docx.Document(str(report)))
    assert [image.size for image in images] == [(1200, 1600)] * 2  # one before/after pair
    assert all(image.format == "JPEG" for image in images)
    assert size < len(content) / 2, (size, len(content))
    print(
        f"docx {size / 1024:.0f} KB with 2 photos of {len(content) / 1024:.0f} KB each, {took:.1f}s"
    )
