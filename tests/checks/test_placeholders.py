"""`placeholder: true` lets a patient-image panel through without image consent: it is checked."""

from __future__ import annotations

import io
from pathlib import Path

from casebook.checks.placeholders import MARK_KEY, is_marked_placeholder, save_placeholder
from casebook.load import load_case
from casebook.publish.images import reencode_image
from PIL import Image, ImageDraw, PngImagePlugin

from ..support.cases import EXAMPLE, example_text, line_of, load_variant

F = "case_data/ppp-ad-baricitinib/case.yaml"
FIGURE = "figures/clinical-back.png"


def test_the_example_placeholders_carry_the_mark_of_their_pixels() -> None:
    for path in sorted((EXAMPLE / "figures").glob("*.png")):
        assert is_marked_placeholder(path), path.name


def _replace_figure(tmp_path: Path, image: Image.Image, **options: object) -> list[str]:
    folder = tmp_path / "case_data" / "ppp-ad-baricitinib"
    load_variant(tmp_path, example_text())  # lays out the folder with the example's figures
    image.save(folder / FIGURE, "PNG", **options)
    _, diagnostics = load_case(folder, project_root=tmp_path)
    return [d.format() for d in diagnostics]


REFUSED = (
    "figures[0].panels[0].placeholder: figure file 'figures/clinical-back.png' is marked"
    " 'placeholder: true' but is not a placeholder made by scripts/make_placeholder_images.py"
    " (remove 'placeholder: true', and add 'images' to consent.scope if it shows the patient;"
    " or draw the stand-in with that script)"
)


def test_a_photo_in_place_of_a_placeholder_is_refused(tmp_path: Path) -> None:
    text = example_text()
    messages = _replace_figure(tmp_path, Image.new("RGB", (80, 60), (200, 30, 30)))
    line = line_of(text, f"        file: {FIGURE}\n") + 5
    assert messages == [f"{F}:{line}:22: {REFUSED}"]


def test_a_placeholder_edited_after_it_was_made_is_refused(tmp_path: Path) -> None:
    # An editor may keep the text chunk while the pixels become a photograph.
    with Image.open(EXAMPLE / FIGURE) as original:
        image = original.convert("RGB")
        mark = original.text[MARK_KEY]  # type: ignore[attr-defined]
    ImageDraw.Draw(image).rectangle((100, 100, 300, 300), fill=(180, 140, 120))
    info = PngImagePlugin.PngInfo()
    info.add_text(MARK_KEY, mark)
    messages = _replace_figure(tmp_path, image, pnginfo=info)
    assert [m.split(": ", 1)[1] for m in messages] == [REFUSED]


def test_a_jpeg_placeholder_is_marked_in_its_comment(tmp_path: Path) -> None:
    path = tmp_path / "stand-in.jpg"
    image = Image.new("RGB", (64, 48), (90, 120, 150))
    ImageDraw.Draw(image).ellipse((10, 10, 40, 40), fill=(200, 60, 60))
    save_placeholder(image, path)
    assert is_marked_placeholder(path)
    image.save(tmp_path / "photo.jpg", "JPEG", quality=85)
    assert not is_marked_placeholder(tmp_path / "photo.jpg")
    assert not is_marked_placeholder(tmp_path / "missing.png")


def test_the_published_copy_carries_no_mark() -> None:
    published = reencode_image((EXAMPLE / FIGURE).read_bytes())
    with Image.open(io.BytesIO(published)) as image:
        assert MARK_KEY not in getattr(image, "text", {})
        assert MARK_KEY not in image.info
