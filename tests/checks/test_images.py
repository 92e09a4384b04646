"""Tests for casebook.checks.images: every author-facing message, word for word."""

from __future__ import annotations

import importlib.util
import io
import os
import struct
import sys
import warnings
import zlib
from pathlib import Path

import pytest
from casebook.checks.images import check_figure_file
from casebook.findings import Finding
from casebook.models import SiteSettings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from ..support.cases import (
    example_text,
    line_of,
    load_variant,
    replace_once,
    variant_messages,
)
from ..support.project import ROOT

HOME = "case_data/demo-case/"


def problem(message: str, hint: str) -> Finding:
    """A problem with the file path value itself, as check_figure_file reports it."""
    return Finding((), message, hint)


KEEP_INSIDE = problem(
    "figure file 'figures/../x.png' leaves the case folder",
    f"keep figure files inside {HOME}",
)


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "case_data" / "demo-case"
    (folder / "figures").mkdir(parents=True)
    return folder


def png_bytes(size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    # Noise-like pixels so the compressed data is long enough to cut in half.
    pixels = bytes((x * 7 + y * 13) % 251 for y in range(size[1]) for x in range(size[0] * 3))
    Image.frombytes("RGB", size, pixels).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    pixels = bytes((x * 7 + y * 13) % 251 for y in range(size[1]) for x in range(size[0] * 3))
    Image.frombytes("RGB", size, pixels).save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares a huge image: a decompression bomb in miniature."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def write(case_dir: Path, relative: str, data: bytes) -> Path:
    path = case_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_valid_png_jpeg_and_webp_pass(case_dir: Path) -> None:
    write(case_dir, "figures/a.png", png_bytes())
    write(case_dir, "figures/b.jpg", jpeg_bytes())
    write(case_dir, "figures/c.JPEG", jpeg_bytes())
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "teal").save(buffer, "WEBP")
    write(case_dir, "figures/d.webp", buffer.getvalue())
    for name in ("figures/a.png", "figures/b.jpg", "figures/c.JPEG", "figures/d.webp"):
        assert check_figure_file(case_dir, name) == []


def test_camera_mpo_named_jpg_passes(case_dir: Path) -> None:
    buffer = io.BytesIO()
    frames = [Image.new("RGB", (16, 16), colour) for colour in ("red", "blue")]
    frames[0].save(buffer, "MPO", save_all=True, append_images=frames[1:])
    write(case_dir, "figures/camera.jpg", buffer.getvalue())
    assert check_figure_file(case_dir, "figures/camera.jpg") == []


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("", problem("figure file path is empty", f"give the image's path inside {HOME}")),
        ("  ", problem("figure file path is empty", f"give the image's path inside {HOME}")),
        (
            "figures/\0x.png",
            problem(
                "figure file 'figures/\\x00x.png' contains a control character",
                "retype the path; it may have been pasted with invisible characters",
            ),
        ),
        (
            "/etc/x.png",
            problem(
                "figure file '/etc/x.png' is an absolute path",
                f"write the path relative to {HOME}, e.g. figures/fig1.png",
            ),
        ),
        (
            "C:\\photos\\x.png",
            problem(
                "figure file 'C:\\photos\\x.png' is an absolute path",
                f"write the path relative to {HOME}, e.g. figures/fig1.png",
            ),
        ),
        (
            "figures\\x.png",
            problem(
                "figure file 'figures\\x.png' contains a backslash",
                "separate folders with '/', e.g. figures/fig1.png",
            ),
        ),
        ("figures/../x.png", KEEP_INSIDE),
        (
            "../other-case/figures/x.png",
            problem(
                "figure file '../other-case/figures/x.png' leaves the case folder",
                f"keep figure files inside {HOME}",
            ),
        ),
    ],
)
def test_path_text_problems(case_dir: Path, relative: str, expected: Finding) -> None:
    write(case_dir, "x.png", png_bytes())
    assert check_figure_file(case_dir, relative) == [expected]


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/x.png",
        "https://example.org/x.png",
        "//example.org/x.png",
        "ftp://example.org/x.png",
        "file:///etc/passwd",
        "javascript:alert(1)",
    ],
)
def test_urls_are_rejected(case_dir: Path, url: str) -> None:
    assert check_figure_file(case_dir, url) == [
        problem(
            f"figure file '{url}' is a URL, not a file in the case folder",
            f"save the image into {HOME}figures/ and give its path, e.g. figures/fig1.png",
        )
    ]


def test_long_data_url_is_shortened_in_the_message(case_dir: Path) -> None:
    url = "data:image/png;base64," + "A" * 5000
    (issue,) = check_figure_file(case_dir, url)
    assert issue.message == f"figure file '{url[:77]}...' is a URL, not a file in the case folder"


@pytest.mark.parametrize(
    ("relative", "message", "hint"),
    [
        (
            "figures/x.gif",
            "figure file 'figures/x.gif' has type '.gif', which is not accepted",
            "export the figure as PNG, JPEG or WebP",
        ),
        (
            "figures/x",
            "figure file 'figures/x' has no file extension",
            "name it with .png, .jpg, .jpeg or .webp to match its content",
        ),
        (
            "figures/x.svg",
            "figure file 'figures/x.svg' is an SVG drawing, which is not accepted",
            "export it as PNG; SVG files can carry scripts and links to outside files",
        ),
    ],
)
def test_unsupported_types(case_dir: Path, relative: str, message: str, hint: str) -> None:
    write(case_dir, relative, png_bytes())
    assert check_figure_file(case_dir, relative) == [problem(message, hint)]


def test_clean_svg_is_rejected_too(case_dir: Path) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    write(case_dir, "figures/x.svg", svg)
    assert [issue.message for issue in check_figure_file(case_dir, "figures/x.svg")] == [
        "figure file 'figures/x.svg' is an SVG drawing, which is not accepted"
    ]


def test_bad_type_and_missing_file_are_both_reported(case_dir: Path) -> None:
    assert [issue.message for issue in check_figure_file(case_dir, "figures/x.tiff")] == [
        "figure file 'figures/x.tiff' has type '.tiff', which is not accepted",
        "figure file 'figures/x.tiff' does not exist",
    ]


def test_missing_file_suggests_a_close_name(case_dir: Path) -> None:
    write(case_dir, "figures/fig1-back.png", png_bytes())
    assert check_figure_file(case_dir, "figures/fig1-bak.png") == [
        problem(
            "figure file 'figures/fig1-bak.png' does not exist",
            f"did you mean 'figures/fig1-back.png'? paths are relative to {HOME} and "
            "case-sensitive",
        )
    ]


def test_missing_folder(case_dir: Path) -> None:
    assert check_figure_file(case_dir, "pictures/x.png") == [
        problem(
            "figure file 'pictures/x.png' does not exist",
            f"paths are relative to {HOME} and case-sensitive",
        )
    ]


def test_folder_instead_of_file(case_dir: Path) -> None:
    (case_dir / "figures" / "panel.png").mkdir()
    assert check_figure_file(case_dir, "figures/panel.png") == [
        problem(
            "figure file 'figures/panel.png' is a folder, not a file",
            "give the path of the image file inside the folder",
        )
    ]


def test_fifo_is_not_a_regular_file(case_dir: Path) -> None:
    os.mkfifo(case_dir / "figures" / "pipe.png")
    assert check_figure_file(case_dir, "figures/pipe.png") == [
        problem(
            "figure file 'figures/pipe.png' is not a regular file",
            f"copy the image into {HOME} as an ordinary file",
        )
    ]


def test_symlinked_file_inside_the_case(case_dir: Path) -> None:
    write(case_dir, "figures/real.png", png_bytes())
    (case_dir / "figures" / "link.png").symlink_to("real.png")
    assert check_figure_file(case_dir, "figures/link.png") == [
        problem(
            "figure file 'figures/link.png' is a symbolic link",
            f"copy the real file into {HOME} instead of linking to it",
        )
    ]


def test_symlink_pointing_outside_the_case(case_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "originals" / "photo.png"
    outside.parent.mkdir()
    outside.write_bytes(png_bytes())
    (case_dir / "figures" / "photo.png").symlink_to(outside)
    assert check_figure_file(case_dir, "figures/photo.png") == [
        problem(
            "figure file 'figures/photo.png' is a symbolic link",
            f"copy the real file into {HOME} instead of linking to it",
        ),
        problem(
            "figure file 'figures/photo.png' leaves the case folder",
            f"keep figure files inside {HOME}",
        ),
    ]


def test_symlinked_folder_on_the_path(case_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.png").write_bytes(png_bytes())
    (case_dir / "linked").symlink_to(outside, target_is_directory=True)
    assert check_figure_file(case_dir, "linked/x.png") == [
        problem(
            "figure file 'linked/x.png' goes through 'linked', which is a symbolic link",
            f"copy the real file into {HOME} instead of linking to it",
        ),
        problem(
            "figure file 'linked/x.png' leaves the case folder",
            f"keep figure files inside {HOME}",
        ),
    ]


def test_hard_link(case_dir: Path, tmp_path: Path) -> None:
    original = tmp_path / "original.png"
    original.write_bytes(png_bytes())
    os.link(original, case_dir / "figures" / "x.png")
    assert check_figure_file(case_dir, "figures/x.png") == [
        problem(
            "figure file 'figures/x.png' is a hard link (2 names for the same file)",
            "replace it with a separate copy of the image",
        )
    ]


def test_png_named_jpg(case_dir: Path) -> None:
    write(case_dir, "figures/x.jpg", png_bytes())
    assert check_figure_file(case_dir, "figures/x.jpg") == [
        problem(
            "figure file 'figures/x.jpg' contains a PNG image but its name ends in '.jpg'",
            "rename it to end in '.png', or export it again as JPEG",
        )
    ]


def test_jpeg_named_webp(case_dir: Path) -> None:
    write(case_dir, "figures/x.webp", jpeg_bytes())
    assert check_figure_file(case_dir, "figures/x.webp") == [
        problem(
            "figure file 'figures/x.webp' contains a JPEG image but its name ends in '.webp'",
            "rename it to end in '.jpg', or export it again as WebP",
        )
    ]


@pytest.mark.parametrize(
    "content",
    [b"", b"not an image at all", b"GIF89a" + bytes(40)],
    ids=["empty", "text", "gif"],
)
def test_not_an_image_of_an_accepted_format(case_dir: Path, content: bytes) -> None:
    write(case_dir, "figures/x.png", content)
    assert check_figure_file(case_dir, "figures/x.png") == [
        problem(
            "figure file 'figures/x.png' is not a PNG image",
            "export the figure again as PNG, JPEG or WebP",
        )
    ]


DAMAGED = problem(
    "figure file 'figures/x.{0}' is damaged or incomplete",
    "copy or export the image again; it may have been cut off while saving or downloading",
)


def damaged(extension: str) -> Finding:
    return problem(DAMAGED.message.format(extension), DAMAGED.hint)


def test_truncated_png(case_dir: Path) -> None:
    data = png_bytes()
    write(case_dir, "figures/x.png", data[: len(data) // 2])
    assert check_figure_file(case_dir, "figures/x.png") == [damaged("png")]


def test_truncated_jpeg(case_dir: Path) -> None:
    data = jpeg_bytes()
    write(case_dir, "figures/x.jpg", data[: len(data) // 2])
    assert check_figure_file(case_dir, "figures/x.jpg") == [damaged("jpg")]


def test_corrupted_png_data(case_dir: Path) -> None:
    data = bytearray(png_bytes())
    middle = len(data) // 2
    data[middle : middle + 8] = bytes(8)
    write(case_dir, "figures/x.png", bytes(data))
    assert check_figure_file(case_dir, "figures/x.png") == [damaged("png")]


def test_png_with_a_bad_checksum(case_dir: Path) -> None:
    data = bytearray(png_bytes())
    data[-16] ^= 0xFF  # the last byte of the IDAT checksum, just before the 12-byte IEND
    write(case_dir, "figures/x.png", bytes(data))
    with Image.open(case_dir / "figures" / "x.png") as image:
        image.load()  # the pixels still decode: only verify() notices
    assert check_figure_file(case_dir, "figures/x.png") == [damaged("png")]


TOO_LARGE = problem(
    "figure file 'figures/bomb.png' is too large (more than 40 megapixels)",
    "scale it down; about 3000 pixels on the long side is plenty for a figure",
)


@pytest.mark.parametrize(
    "side",
    [7_000, 10_000, 20_000],
    ids=["over-our-limit", "over-pillow-warning", "over-pillow-error"],
)
def test_decompression_bomb(case_dir: Path, side: int) -> None:
    data = png_header_claiming(side, side)
    assert len(data) < 200
    assert struct.unpack(">II", data[16:24]) == (side, side)
    write(case_dir, "figures/bomb.png", data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert check_figure_file(case_dir, "figures/bomb.png") == [TOO_LARGE]
    assert caught == []  # Pillow's bomb warning must not leak into the build log


def test_pixel_limit_is_a_parameter(case_dir: Path) -> None:
    write(case_dir, "figures/x.png", png_bytes((64, 48)))
    assert check_figure_file(case_dir, "figures/x.png", max_pixels=64 * 48) == []
    assert check_figure_file(case_dir, "figures/x.png", max_pixels=3_000) == [
        problem(
            "figure file 'figures/x.png' is too large (more than 0.003 megapixels)",
            TOO_LARGE.hint,
        )
    ]


def test_animated_png(case_dir: Path) -> None:
    buffer = io.BytesIO()
    frames = [Image.new("RGB", (16, 16), colour) for colour in ("red", "blue", "green")]
    frames[0].save(buffer, "PNG", save_all=True, append_images=frames[1:])
    write(case_dir, "figures/x.png", buffer.getvalue())
    assert check_figure_file(case_dir, "figures/x.png") == [
        problem("figure file 'figures/x.png' is animated (3 frames)", "export a single still image")
    ]


def test_unreadable_colour_profile(case_dir: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "red").save(buffer, "JPEG", icc_profile=b"not a profile" * 20)
    write(case_dir, "figures/x.jpg", buffer.getvalue())
    assert check_figure_file(case_dir, "figures/x.jpg") == [
        problem(
            "figure file 'figures/x.jpg' has a colour profile that cannot be read",
            "export it again with an sRGB colour profile",
        )
    ]


def test_mismatch_and_damage_are_both_reported(case_dir: Path) -> None:
    data = png_bytes()
    write(case_dir, "figures/x.jpg", data[: len(data) // 2])
    assert [issue.message for issue in check_figure_file(case_dir, "figures/x.jpg")] == [
        "figure file 'figures/x.jpg' contains a PNG image but its name ends in '.jpg'",
        "figure file 'figures/x.jpg' is damaged or incomplete",
    ]


def test_example_case_placeholders_are_current_and_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_placeholder_images", ROOT / "scripts" / "make_placeholder_images.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, script)  # dataclasses look the module up
    spec.loader.exec_module(script)
    script.main([str(tmp_path / "figures")])

    case = ROOT / "case_data" / "ppp-ad-baricitinib"
    names = sorted(path.name for path in (case / "figures").glob("*.png"))
    assert names == [
        "clinical-back.png",
        "clinical-soles.png",
        "followup-soles.png",
        "followup-trunk.png",
        "histology-back.png",
        "histology-sole.png",
    ]
    for name in names:
        # Same bytes as a fresh run: the script is deterministic and the files are up to date.
        assert (case / "figures" / name).read_bytes() == (tmp_path / "figures" / name).read_bytes()
        assert (case / "figures" / name).stat().st_size < 16_000
        assert check_figure_file(case, f"figures/{name}") == []


def test_dot_names_the_case_folder(case_dir: Path) -> None:
    assert check_figure_file(case_dir, ".") == [
        problem(
            "figure file '.' has no file extension",
            "name it with .png, .jpg, .jpeg or .webp to match its content",
        ),
        problem(
            "figure file '.' is a folder, not a file",
            "give the path of the image file inside the folder",
        ),
    ]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(relative=st.text(max_size=40))
def test_any_path_text_gives_issues_not_exceptions(case_dir: Path, relative: str) -> None:
    issues = check_figure_file(case_dir, relative)
    assert all(isinstance(issue, Finding) and issue.message for issue in issues)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300), cut=st.integers(min_value=0, max_value=400))
def test_any_file_content_gives_issues_not_exceptions(
    case_dir: Path, content: bytes, cut: int
) -> None:
    # Real image bytes with random damage reach deeper into the decoders than pure noise.
    data = (png_bytes((8, 8))[:cut] + content) if cut % 2 else (jpeg_bytes((8, 8))[:cut] + content)
    for name in ("figures/x.png", "figures/x.jpg", "figures/x.webp"):
        write(case_dir, name, data)
        assert isinstance(check_figure_file(case_dir, name), list)


def test_a_case_reports_each_panel_file_at_its_field(tmp_path: Path) -> None:
    # The chart panel names no file; the one after it is still counted in its figure.
    text = replace_once(
        example_text(), "file: figures/followup-soles.png", "file: figures/followup-sole.png"
    )
    assert variant_messages(tmp_path, text) == [
        f"case_data/ppp-ad-baricitinib/case.yaml:{line_of(text, 'followup-sole.png')}:15: "
        "figures[2].panels[1].file: figure file 'figures/followup-sole.png' does not exist "
        "(did you mean 'figures/followup-soles.png'? paths are relative to "
        "case_data/ppp-ad-baricitinib/ and case-sensitive)"
    ]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    case_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = case_dir / "figures" / "big.png"
    with big.open("wb") as handle:
        handle.truncate(200_000_000)  # sparse: 200 MB on paper, nothing on disk
    opened: list[object] = []
    monkeypatch.setattr(Image, "open", lambda *a, **k: opened.append(a))
    assert check_figure_file(case_dir, "figures/big.png") == [
        problem(
            "figure file 'figures/big.png' is 200 MB, more than the 25 MB a figure may be",
            "export it smaller (about 3000 pixels on the long side is plenty), or raise"
            " max_figure_megabytes under extra.casebook in mkdocs.yml",
        )
    ]
    assert opened == []


def test_the_size_limit_is_a_site_setting(tmp_path: Path) -> None:
    folder = tmp_path / "case_data" / "ppp-ad-baricitinib" / "figures"
    _, diagnostics = load_variant(
        tmp_path, example_text(), settings=SiteSettings(max_figure_megabytes=0.01)
    )
    text = example_text()
    assert folder.is_dir()
    assert diagnostics[0].format() == (
        "case_data/ppp-ad-baricitinib/case.yaml:"
        f"{line_of(text, '        file: figures/clinical-back.png')}:15:"
        " figures[0].panels[0].file: figure file 'figures/clinical-back.png' is"
        f" {(folder / 'clinical-back.png').stat().st_size / 1e6:.3g} MB, more than the"
        " 0.01 MB a figure may be (export it smaller (about 3000 pixels on the long side is"
        " plenty), or raise max_figure_megabytes under extra.casebook in mkdocs.yml)"
    )
