"""Consent gates publication: patient images need consent that covers images."""

from __future__ import annotations

from pathlib import Path

from ..support.cases import example_text, line_of, load_variant, replace_once, variant_messages

F = "case_data/ppp-ad-baricitinib/case.yaml"


def real_images(text: str) -> str:
    return text.replace("        placeholder: true\n", "")


def test_published_patient_images_need_image_consent(tmp_path: Path) -> None:
    text = real_images(example_text())
    line = line_of(text, "  scope: [text]")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:10: consent.scope: the case publishes patient images (fig-clinical) but the "
        "consent does not cover images (add 'images' to consent.scope once the patient has "
        "consented to them, or remove the images)"
    ]


def test_image_consent_allows_them(tmp_path: Path) -> None:
    text = replace_once(real_images(example_text()), "  scope: [text]", "  scope: [text, images]")
    article, problems = load_variant(tmp_path, text)
    assert problems == [] and article is not None


def test_drafts_are_not_gated(tmp_path: Path) -> None:
    text = replace_once(real_images(example_text()), "  status: published", "  status: draft")
    article, problems = load_variant(tmp_path, text)
    assert problems == [] and article is not None
    assert not article.published


NO_BASIS = (
    "consent.basis: no consent basis is written (write how publication is permitted: "
    "'patient written consent', 'guardian written consent' or 'previously published')"
)


def test_a_published_case_without_a_consent_basis_is_refused(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  basis: previously published\n", "  basis:\n")
    line = line_of(text, "  basis:\n")
    assert variant_messages(tmp_path, text) == [f"{F}:{line}:3: {NO_BASIS}"]


def test_a_consent_without_its_basis_key_points_at_the_consent(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  basis: previously published\n", "")
    line = line_of(text, "consent:\n") + 1
    assert variant_messages(tmp_path, text) == [f"{F}:{line}:3: {NO_BASIS}"]


def test_a_draft_without_a_consent_basis_is_warned(tmp_path: Path) -> None:
    text = replace_once(example_text(), "  basis: previously published\n", "  basis:\n")
    text = replace_once(text, "  status: published", "  status: draft")
    article, problems = load_variant(tmp_path, text)
    assert article is not None
    assert [p.format() for p in problems] == [
        f"{F}:{line_of(text, '  basis:')}:3: warning: {NO_BASIS}"
    ]
