"""Checks that gate publication: consent must be stated and cover what the page shows."""

from __future__ import annotations

import typing

from casebook.findings import Finding
from casebook.models import CaseFile, Consent

# Panels of these kinds show the patient (or the patient's tissue); charts and diagrams do not.
PATIENT_IMAGE_KINDS = {"clinical photo", "dermoscopy", "imaging", "histology"}


def check_consent(case: CaseFile) -> list[Finding]:
    return _basis(case) + _images(case)


def _basis(case: CaseFile) -> list[Finding]:
    """The template leaves the basis empty: only the author knows it, so nothing is assumed."""
    if case.consent.basis is not None:
        return []
    bases = typing.get_args(typing.get_args(Consent.model_fields["basis"].annotation)[0])
    return [
        Finding(
            ("consent", "basis"),
            "no consent basis is written",
            "write how publication is permitted: "
            + ", ".join(f"'{b}'" for b in bases[:-1])
            + f" or '{bases[-1]}'",
            "error" if case.publication.status == "published" else "warning",
            at_key=True,
        )
    ]


def _images(case: CaseFile) -> list[Finding]:
    if case.publication.status != "published" or "images" in case.consent.scope:
        return []
    for figure in case.figures:
        for panel in figure.panels:
            kind = panel.kind or figure.kind
            if kind in PATIENT_IMAGE_KINDS and not panel.placeholder:
                return [
                    Finding(
                        ("consent", "scope"),
                        f"the case publishes patient images ({figure.id}) but the consent does "
                        "not cover images",
                        "add 'images' to consent.scope once the patient has consented to them, "
                        "or remove the images",
                    )
                ]
    return []
