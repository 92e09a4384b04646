"""`placeholder: true` lets a patient-image panel through without image consent: it is checked."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from casebook.checks.placeholders import MARK_KEY, is_marked_placeholder, save_placeholder
from casebook.load import load_case
from casebook.publish.images import reencode_image
from PIL import Image, ImageDraw, PngImagePlugin

from ..support.cases import EXAMPLE, example_text, line_of, load_variant

F = "case_data/ppp-ad-baricitinib/case.yaml"
FIGURE = "figures/clinical-back.png"


def test_the_example_placeholders_carry_the_mark_of_their_file() -> None:
    for path in sorted((EXAMPLE / "figures").glob("*.png")):
        with Image.open(path) as image:
            mark = image.text[MARK_KEY]  # type: ignore[attr-defined]
        assert "file sha256:" in mark, path.name
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


def _stand_in() -> Image.Image:
    image = Image.new("RGB", (64, 48), (90, 120, 150))
    ImageDraw.Draw(image).ellipse((10, 10, 40, 40), fill=(200, 60, 60))
    return image


@pytest.mark.parametrize("name", ["stand-in.png", "stand-in.jpg"])
def test_a_placeholder_keeps_the_pixels_it_was_given_and_decodes(tmp_path: Path, name: str) -> None:
    image = _stand_in()
    save_placeholder(image, tmp_path / name)
    plain = io.BytesIO()
    image.save(plain, "PNG" if name.endswith(".png") else "JPEG", quality=85)
    with Image.open(tmp_path / name) as marked, Image.open(plain) as unmarked:
        assert marked.tobytes() == unmarked.tobytes()


@pytest.mark.parametrize("name", ["stand-in.png", "stand-in.jpg"])
def test_any_change_to_the_file_breaks_its_mark(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    save_placeholder(_stand_in(), path)
    data = path.read_bytes()
    # The last bytes before the end marker are pixel data in either format.
    for at in (len(data) - 20, len(data) - 14):
        changed = bytearray(data)
        changed[at] ^= 0x01
        path.write_bytes(bytes(changed))
        assert not is_marked_placeholder(path), at
    path.write_bytes(data[:-30])
    assert not is_marked_placeholder(path)


def test_a_mark_copied_into_another_file_does_not_fit_it(tmp_path: Path) -> None:
    save_placeholder(_stand_in(), tmp_path / "stand-in.png")
    with Image.open(tmp_path / "stand-in.png") as image:
        mark = image.text[MARK_KEY]  # type: ignore[attr-defined]
    info = PngImagePlugin.PngInfo()
    info.add_text(MARK_KEY, mark)
    Image.new("RGB", (64, 48), (200, 30, 30)).save(tmp_path / "photo.png", "PNG", pnginfo=info)
    assert not is_marked_placeholder(tmp_path / "photo.png")


def test_a_second_mark_in_the_file_is_not_taken_out_of_the_digest(tmp_path: Path) -> None:
    path = tmp_path / "stand-in.png"
    save_placeholder(_stand_in(), path)
    data = path.read_bytes()
    # A copy of the mark's chunk, pasted in again before the end.
    start = data.index(b"tEXt") - 4
    length = int.from_bytes(data[start : start + 4], "big")
    chunk = data[start : start + 12 + length]
    path.write_bytes(data[:-12] + chunk + data[-12:])
    assert not is_marked_placeholder(path)


def _pixels_mark(image: Image.Image) -> str:
    # How Casebook marked placeholders before December 2026's marks of the file.
    rgb = image.convert("RGB")
    digest = hashlib.sha256(f"{rgb.size}".encode() + rgb.tobytes()).hexdigest()
    return f"generated stand-in, not a patient image; pixels sha256:{digest}"


def test_a_placeholder_marked_by_its_pixels_before_is_still_honoured(tmp_path: Path) -> None:
    image = _stand_in()
    info = PngImagePlugin.PngInfo()
    info.add_text(MARK_KEY, _pixels_mark(image))
    image.save(tmp_path / "old.png", "PNG", pnginfo=info)
    assert is_marked_placeholder(tmp_path / "old.png")
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=85)
    with Image.open(jpeg) as decoded:
        mark = _pixels_mark(decoded)
    image.save(tmp_path / "old.jpg", "JPEG", quality=85, comment=f"{MARK_KEY}: {mark}".encode())
    assert is_marked_placeholder(tmp_path / "old.jpg")
    # Its pixels edited, with the old mark kept: refused.
    ImageDraw.Draw(image).rectangle((0, 0, 8, 8), fill=(0, 0, 0))
    image.save(tmp_path / "old.png", "PNG", pnginfo=info)
    assert not is_marked_placeholder(tmp_path / "old.png")


def test_a_file_that_is_not_png_or_jpeg_is_no_placeholder(tmp_path: Path) -> None:
    _stand_in().save(tmp_path / "stand-in.webp", "WEBP")
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "header.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    for name in ("stand-in.webp", "empty.png", "header.png"):
        assert not is_marked_placeholder(tmp_path / name), name
