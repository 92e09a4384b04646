"""Checks that gate publication: consent must cover what the page shows."""

from __future__ import annotations

from casebook.findings import Finding
from casebook.models import CaseFile

# Panels of these kinds show the patient (or the patient's tissue); charts and diagrams do not.
PATIENT_IMAGE_KINDS = {"clinical photo", "dermoscopy", "imaging", "histology"}


def check_consent(case: CaseFile) -> list[Finding]:
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
