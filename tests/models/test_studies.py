"""Imaging studies and procedures: a modality outside the list names every allowed one."""

from __future__ import annotations

from pathlib import Path

from ..support.cases import example_text, line_of, load_variant, replace_once, variant_messages

F = "case_data/ppp-ad-baricitinib/case.yaml"
MODALITIES = (
    "radiograph, CT, MRI, ultrasound, PET, PET-CT, scintigraphy, angiography, mammography, "
    "fluoroscopy, endoscopy, colonoscopy, dermoscopy, reflectance confocal microscopy, optical "
    "coherence tomography, capillaroscopy, fundus photography, ECG, echocardiography, EEG, "
    "nerve conduction study"
)


def with_block(block: str) -> str:
    """The example with `block` (top-level YAML) added before its diagnosis."""
    return replace_once(example_text(), "\ndiagnosis:\n", f"\n{block}\ndiagnosis:\n")


def test_an_unknown_modality_names_the_allowed_ones(tmp_path: Path) -> None:
    text = with_block("imaging:\n  - modality: X-ray\n    findings: Normal.\n")
    line = line_of(text, "modality: X-ray")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:15: imaging[0].modality: unknown modality 'X-ray': did you mean "
        f"'radiograph'? use one of {MODALITIES}"
    ]


def test_a_modality_with_no_likely_meaning_still_lists_them(tmp_path: Path) -> None:
    text = with_block("imaging:\n  - modality: thermal camera\n    findings: Normal.\n")
    line = line_of(text, "modality: thermal camera")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:15: imaging[0].modality: unknown modality 'thermal camera': use one of "
        f"{MODALITIES}"
    ]


def test_a_study_and_a_procedure_load_with_their_times(tmp_path: Path) -> None:
    text = with_block(
        "imaging:\n"
        "  - modality: ultrasound\n    site: soles\n    when: week -1\n"
        "    findings: Thickened plantar skin.\n"
        "procedures:\n"
        "  - name: Punch biopsy\n    purpose: diagnostic\n    when: week -1\n"
    )
    article, problems = load_variant(tmp_path, text)
    assert problems == [] and article is not None
    [study] = article.case.imaging
    assert (study.modality, article.clinical.time_label(study.when)) == ("ultrasound", "week -1")
    [procedure] = article.case.procedures
    assert (procedure.complications, procedure.purpose) == ([], "diagnostic")


def test_a_dated_study_needs_a_dated_day_zero(tmp_path: Path) -> None:
    # A time point is form-checked, not read as text: the page never shows the date itself.
    text = with_block("imaging:\n  - modality: CT\n    when: 2024-03-01\n    findings: Normal.\n")
    line = line_of(text, "when: 2024-03-01")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:11: imaging[0].when: a date needs a day 0 to count from (give the first "
        "treatment step's start as a date, or write this time as 'week N')",
    ]


def test_a_figure_a_study_lists_is_checked_like_every_mention(tmp_path: Path) -> None:
    text = with_block("imaging:\n  - modality: CT\n    findings: Normal.\n    figures: [fig-ct]\n")
    line = line_of(text, "figures: [fig-ct]")
    assert variant_messages(tmp_path, text) == [
        f"{F}:{line}:15: imaging[0].figures[0]: figure 'fig-ct' is cited but not defined "
        "(did you mean 'fig-scores'?)"
    ]
