"""Print copies: a figure larger than the PDF prints it is typeset from a copy at print size."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from casebook.publish import print_copies
from casebook.publish.images import PublishedImage, find_metadata, publish_image
from casebook.publish.print_copies import PRINT_BOX, print_copy
from PIL import Image

from ..support.images import camera_jpeg, gradient, write


def published(tmp_path: Path, image: Image.Image, image_format: str) -> PublishedImage:
    buffer = io.BytesIO()
    image.save(buffer, image_format)
    source = write(tmp_path / f"figure.{image_format.lower()}", buffer.getvalue())
    return publish_image(source, cache_dir=tmp_path / "images")


def big(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """A gradient whose corners differ, made small and enlarged (fast at any size)."""
    return gradient((64, 48)).resize(size).convert(mode)


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("size", [(2000, 1500), PRINT_BOX, (1000, 3000), (60, 40)])
def test_a_figure_that_fits_the_page_gets_no_copy(tmp_path: Path, size: tuple[int, int]) -> None:
    assert print_copy(published(tmp_path, big(size), "PNG")) is None


def test_a_large_photograph_is_copied_at_print_size_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figure = published(tmp_path, big((4160, 3120)), "JPEG")
    copy = print_copy(figure)
    assert copy is not None and not copy.from_cache
    assert copy.file.parent == figure.file.parent and copy.file != figure.file
    data = copy.file.read_bytes()
    image = opened(data)
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (2000, 1500))
    assert find_metadata(data) == []
    # The same picture, smaller: its corners are the source's (a gradient, red left to right).
    source = opened(figure.data)
    for corner in ((5, 5), (-5, -5)):
        ours = image.getpixel((corner[0] % image.width, corner[1] % image.height))
        theirs = source.getpixel((corner[0] % source.width, corner[1] % source.height))
        assert isinstance(ours, tuple) and isinstance(theirs, tuple)
        assert all(abs(a - b) <= 6 for a, b in zip(ours, theirs, strict=True))

    def no_second_copy(*_: object) -> bytes:
        raise AssertionError("copied again")

    monkeypatch.setattr(print_copies, "_smaller", no_second_copy)
    again = print_copy(figure)
    assert again is not None and again.from_cache
    assert (again.file, again.sha256) == (copy.file, copy.sha256)


def test_a_tall_figure_is_bounded_by_the_page_height(tmp_path: Path) -> None:
    copy = print_copy(published(tmp_path, big((1000, 6000)), "PNG"))
    assert copy is not None
    image = opened(copy.file.read_bytes())
    assert (image.format, image.mode, image.size) == ("PNG", "RGB", (500, 3000))


@pytest.mark.parametrize(
    ("mode", "expected"), [("L", "L"), ("P", "RGB"), ("RGBA", "RGBA"), ("LA", "LA")]
)
def test_a_copy_keeps_grey_and_transparency(tmp_path: Path, mode: str, expected: str) -> None:
    copy = print_copy(published(tmp_path, big((4200, 100), mode), "PNG"))
    assert copy is not None
    image = opened(copy.file.read_bytes())
    assert (image.mode, image.size) == (expected, (2000, 48))
    assert find_metadata(copy.file.read_bytes()) == []


def test_a_camera_photograph_copy_carries_no_metadata(tmp_path: Path) -> None:
    """The copy is made from the published figure, which is upright and has none."""
    photo = opened(camera_jpeg()).resize((6000, 4000))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", exif=opened(camera_jpeg()).getexif(), comment=b"Jane Doe")
    figure = publish_image(write(tmp_path / "p.jpg", buffer.getvalue()), cache_dir=tmp_path)
    copy = print_copy(figure)
    assert copy is not None
    data = copy.file.read_bytes()
    assert find_metadata(data) == [] and b"Jane Doe" not in data
    # Orientation 6 turned the published figure upright, so the copy is upright too, and the
    # page's height is what bounds it.
    assert opened(figure.data).size == (4000, 6000)
    assert opened(data).size == (2000, 3000)


def test_a_damaged_copy_is_made_again(tmp_path: Path) -> None:
    figure = published(tmp_path, big((3000, 2000)), "PNG")
    first = print_copy(figure)
    assert first is not None
    data = first.file.read_bytes()
    first.file.write_bytes(data[: len(data) // 2])
    again = print_copy(figure)
    assert again is not None and not again.from_cache
    assert again.file.read_bytes() == data
