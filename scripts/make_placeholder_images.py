"""Draw the example case's placeholder figure panels: labelled graphics, never patient images."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from casebook.checks.placeholders import save_placeholder
from PIL import Image, ImageDraw, ImageFont

DEFAULT_OUTPUT = (
    Path(__file__).resolve().parents[1] / "case_data" / "ppp-ad-baricitinib" / "figures"
)
SIZE = (800, 600)
# Drawn as two words around a bar: Pillow's bundled font has no em dash glyph.
BANNER = ("PLACEHOLDER", "not a patient image")
BACKGROUNDS = {
    "clinical": (233, 226, 214),
    "histology": (232, 224, 236),
    "follow-up": (221, 231, 223),
}
INK = (55, 55, 60)
SKIN = (245, 238, 228)
LESION = (196, 120, 112)
PAPULE = (150, 80, 76)
PUSTULE = (250, 246, 214)
EPIDERMIS = (176, 96, 150)
DERMIS = (240, 200, 222)
NUCLEUS = (96, 58, 128)
# Few colours keep each PNG a few kilobytes; the antialiased text needs the in-between shades.
PALETTE_SIZE = 16

Draw = ImageDraw.ImageDraw


@dataclass(frozen=True)
class Panel:
    """One placeholder image and what the real image in the article shows."""

    file_name: str
    label: str
    kind: str
    description: str
    sketch: Callable[[Draw], None]


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # Pillow's bundled font: the output must not depend on the fonts of the machine.
    return ImageFont.load_default(size=size)


def _arrow_to_biopsy(draw: Draw, tip: tuple[int, int]) -> None:
    x, y = tip
    draw.line((x + 90, y - 70, x + 8, y - 6), fill=INK, width=5)
    draw.polygon(((x, y), (x + 26, y - 8), (x + 10, y - 26)), fill=INK)
    draw.text((x + 96, y - 96), "biopsy site", fill=INK, font=_font(22))


def _torso(draw: Draw) -> None:
    draw.rounded_rectangle((290, 220, 510, 470), radius=60, fill=SKIN, outline=INK, width=3)


def _feet(draw: Draw) -> list[tuple[int, int, int, int]]:
    feet = [(270, 220, 380, 470), (420, 220, 530, 470)]
    for foot in feet:
        draw.ellipse(foot, fill=SKIN, outline=INK, width=3)
    return feet


def _papule_cluster(draw: Draw, centre: tuple[int, int]) -> None:
    x, y = centre
    draw.ellipse((x - 34, y - 24, x + 34, y + 24), fill=LESION)
    for dx, dy in ((-16, -8), (0, -12), (14, -4), (-8, 8), (10, 10), (-20, 6)):
        draw.ellipse((x + dx - 4, y + dy - 4, x + dx + 4, y + dy + 4), fill=PAPULE)


def _pustular_patch(draw: Draw, centre: tuple[int, int]) -> None:
    x, y = centre
    draw.ellipse((x - 36, y - 46, x + 36, y + 46), fill=LESION)
    for dx, dy in ((-14, -24), (10, -16), (-4, 0), (16, 14), (-16, 20), (4, 30)):
        draw.ellipse((x + dx - 6, y + dy - 6, x + dx + 6, y + dy + 6), fill=PUSTULE, outline=INK)


def sketch_clinical_back(draw: Draw) -> None:
    _torso(draw)
    for centre in ((350, 280), (450, 300), (380, 390), (460, 420)):
        _papule_cluster(draw, centre)
    _arrow_to_biopsy(draw, (470, 306))


def sketch_clinical_soles(draw: Draw) -> None:
    _feet(draw)
    for centre in ((325, 300), (330, 400), (475, 330), (470, 420)):
        _pustular_patch(draw, centre)
    _arrow_to_biopsy(draw, (500, 340))


def _skin_section(draw: Draw, *, epidermis_depth: int, cells: int) -> None:
    draw.rectangle((200, 220, 600, 470), fill=DERMIS, outline=INK, width=3)
    draw.rectangle((200, 220, 600, 220 + epidermis_depth), fill=EPIDERMIS)
    step = 380 // cells
    spread = 470 - 240 - epidermis_depth
    for index in range(cells):
        x = 210 + index * step
        y = 230 + epidermis_depth + (index * 37) % spread
        draw.ellipse((x, y, x + 8, y + 8), fill=NUCLEUS)


def sketch_histology_back(draw: Draw) -> None:
    _skin_section(draw, epidermis_depth=40, cells=24)


def sketch_histology_sole(draw: Draw) -> None:
    _skin_section(draw, epidermis_depth=90, cells=16)
    for x in (300, 440):
        draw.ellipse((x, 250, x + 70, 290), fill=PUSTULE, outline=INK, width=2)


def sketch_followup_trunk(draw: Draw) -> None:
    _torso(draw)


def sketch_followup_soles(draw: Draw) -> None:
    _feet(draw)


PANELS = (
    Panel(
        "clinical-back.png",
        "Figure 1a",
        "clinical",
        "Clinical photo: patches with clustered papules on the back; arrow marks the biopsy site",
        sketch_clinical_back,
    ),
    Panel(
        "clinical-soles.png",
        "Figure 1b",
        "clinical",
        "Clinical photo: pustules on erythemato-squamous patches of the soles; "
        "arrow marks the biopsy site",
        sketch_clinical_soles,
    ),
    Panel(
        "histology-back.png",
        "Figure 1c",
        "histology",
        "Histology of the back biopsy (H&E, x40)",
        sketch_histology_back,
    ),
    Panel(
        "histology-sole.png",
        "Figure 1d",
        "histology",
        "Histology of the sole biopsy (H&E, x100)",
        sketch_histology_sole,
    ),
    Panel(
        "followup-trunk.png",
        "Figure 3a",
        "follow-up",
        "Follow-up: resolution of the truncal lesions",
        sketch_followup_trunk,
    ),
    Panel(
        "followup-soles.png",
        "Figure 3b",
        "follow-up",
        "Follow-up: resolution of the plantar lesions",
        sketch_followup_soles,
    ),
)


def _centred(draw: Draw, y: int, text: str, *, size: int) -> None:
    font = _font(size)
    left, _top, right, _bottom = draw.textbbox((0, 0), text, font=font)
    draw.text(((SIZE[0] - (right - left)) // 2, y), text, fill=INK, font=font)


def _banner(draw: Draw, y: int, *, size: int) -> None:
    font = _font(size)
    before, after = BANNER
    gap = size // 3
    dash = size
    before_width = draw.textlength(before, font=font)
    total = before_width + 2 * gap + dash + draw.textlength(after, font=font)
    x = (SIZE[0] - total) / 2
    draw.text((x, y), before, fill=INK, font=font)
    dash_left = x + before_width + gap
    top, bottom = draw.textbbox((0, y), "x", font=font)[1::2]
    middle = (top + bottom) / 2
    draw.rectangle((dash_left, middle - 1, dash_left + dash, middle + 2), fill=INK)
    draw.text((dash_left + dash + gap, y), after, fill=INK, font=font)


def draw_panel(panel: Panel) -> Image.Image:
    """Return the placeholder for `panel` as a palette image."""
    image = Image.new("RGB", SIZE, BACKGROUNDS[panel.kind])
    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, SIZE[0] - 9, SIZE[1] - 9), outline=INK, width=4)
    _banner(draw, 36, size=38)
    _centred(draw, 100, panel.label, size=54)
    panel.sketch(draw)
    for row, line in enumerate(textwrap.wrap(panel.description, width=62)):
        _centred(draw, 520 + row * 30, line, size=22)
    # Median cut without dithering is deterministic and keeps flat areas flat.
    return image.quantize(PALETTE_SIZE, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def write_placeholders(folder: Path) -> list[Path]:
    """Write every panel into `folder` and return the paths, in panel order."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for panel in PANELS:
        path = folder / panel.file_name
        # No dpi or other metadata, only the placeholder mark (a digest of the rest of the file), so
        # reruns give identical bytes; the build checks the mark on every `placeholder: true`.
        save_placeholder(draw_panel(panel), path)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "output",
        nargs="?",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"folder to write into (default: {DEFAULT_OUTPUT})",
    )
    arguments = parser.parse_args(argv)
    for path in write_placeholders(arguments.output):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
