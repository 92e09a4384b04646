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
