"""Generated pages are sanitised once per content, with the same result as sanitising afresh."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from casebook.publish import build_cache, page_sanitizer
from casebook.publish.sanitize import sanitize_html

HOSTILE = '<p onclick="steal()">Case <script>alert(1)</script><a href="javascript:x">link</a></p>'


def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def counting(html: str) -> str:
        calls.append(html)
        return sanitize_html(html)

    monkeypatch.setattr(page_sanitizer, "sanitize_html", counting)
    return calls


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the cache objects this process holds, as the next `mkdocs build` would."""
    monkeypatch.setattr(build_cache, "_SHARED", {})


def test_result_equals_sanitising_afresh_and_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = counted(monkeypatch)
    first = page_sanitizer.PageSanitizer(tmp_path)("cases/a/index.md", HOSTILE)
    assert first == sanitize_html(HOSTILE)
    assert "script" not in first and "onclick" not in first and "javascript" not in first
    new_process(monkeypatch)
    again = page_sanitizer.PageSanitizer(tmp_path)("cases/a/index.md", HOSTILE)
    assert again == first
    assert len(calls) == 1


def test_changed_page_is_sanitised_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = counted(monkeypatch)
    sanitizer = page_sanitizer.PageSanitizer(tmp_path)
    sanitizer("cases/a/index.md", "<p>Safe</p>")
    edited = sanitizer("cases/a/index.md", "<p>Safe</p><iframe src='x'></iframe>")
    assert edited == "<p>Safe</p>"
    assert len(calls) == 2


def test_same_html_on_another_page_is_not_mixed_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sanitizer = page_sanitizer.PageSanitizer(tmp_path)
    assert sanitizer("cases/a/index.md", "<p>A</p>") == "<p>A</p>"
    assert sanitizer("cases/b/index.md", "<p>B</p>") == "<p>B</p>"
    new_process(monkeypatch)
    assert page_sanitizer.PageSanitizer(tmp_path)("cases/a/index.md", "<p>A</p>") == "<p>A</p>"


def test_new_core_version_sanitises_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stricter allow-list in a new version must apply to pages sanitised by the old one.
    calls = counted(monkeypatch)
    page_sanitizer.PageSanitizer(tmp_path)("cases/a/index.md", HOSTILE)
    new_process(monkeypatch)
    monkeypatch.setattr(page_sanitizer, "core_fingerprint", lambda: "another version")
    page_sanitizer.PageSanitizer(tmp_path)("cases/a/index.md", HOSTILE)
    assert len(calls) == 2


def test_page_handed_back_carries_no_second_copy(tmp_path: Path) -> None:
    # Storing a str in the cache would leave a UTF-8 copy attached to the page MkDocs then holds.
    html = "<p>Ulcer 2–3 cm, CRP 12 mg/L — résumé</p>" * 50
    cleaned = page_sanitizer.PageSanitizer(tmp_path)("cases/a/index.md", html)
    assert cleaned == sanitize_html(html)
    assert sys.getsizeof(cleaned) == sys.getsizeof(cleaned.encode("utf-8").decode("utf-8"))
