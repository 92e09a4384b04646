"""Imaging and other studies (radiographs to ECGs), and procedures: what was done and found."""

from __future__ import annotations

import typing
from typing import Annotated, Literal

from casebook.models.base import FigureRef, Markdown, Strict, Text, TimePoint
from casebook.models.choices import one_of

ModalityName = Literal[
    "radiograph",
    "CT",
    "MRI",
    "ultrasound",
    "PET",
    "PET-CT",
    "scintigraphy",
    "angiography",
    "mammography",
    "fluoroscopy",
    "endoscopy",
    "colonoscopy",
    "dermoscopy",
    "reflectance confocal microscopy",
    "optical coherence tomography",
    "capillaroscopy",
    "fundus photography",
    "ECG",
    "echocardiography",
    "EEG",
    "nerve conduction study",
]
_MODALITY_ALIASES = {
    "x-ray": "radiograph",
    "xray": "radiograph",
    "plain film": "radiograph",
    "radiography": "radiograph",
    "ct scan": "CT",
    "computed tomography": "CT",
    "mri scan": "MRI",
    "magnetic resonance imaging": "MRI",
    "us": "ultrasound",
    "sonography": "ultrasound",
    "ultrasonography": "ultrasound",
    "pet/ct": "PET-CT",
    "bone scan": "scintigraphy",
    "gastroscopy": "endoscopy",
    "oesophagogastroduodenoscopy": "endoscopy",
    "ogd": "endoscopy",
    "egd": "endoscopy",
    "ekg": "ECG",
    "electrocardiogram": "ECG",
    "echo": "echocardiography",
    "oct": "optical coherence tomography",
    "rcm": "reflectance confocal microscopy",
}
Modality = Annotated[
    ModalityName, one_of("modality", typing.get_args(ModalityName), _MODALITY_ALIASES)
]


class ImagingStudy(Strict):
    """One imaging or other study (radiograph, CT, MRI, endoscopy, dermoscopy, ECG...)."""

    modality: Modality
    """The kind of study, e.g. CT, endoscopy or ECG."""
    site: Text | None = None
    """What was imaged, e.g. chest, left knee or upper gastrointestinal tract."""
    when: TimePoint | None = None
    """When it was done: 'week -1' (relative to the start of treatment) or a date, which the
    page shows as a relative time."""
    findings: Markdown
    """What the study showed; may cite references and figures."""
    impression: Markdown | None = None
    """The reporting doctor's conclusion, e.g. no evidence of metastatic disease."""
    figures: list[FigureRef] = []
    """Figure or panel ids that show this study."""


class Procedure(Strict):
    """One procedure or operation: what was done, when, what it found, what went wrong."""

    name: Text
    """What was done, e.g. wide local excision or laparoscopic appendicectomy."""
    site: Text | None = None
    """Where in the body, e.g. left forearm."""
    purpose: Literal["diagnostic", "therapeutic", "diagnostic and therapeutic"] = "therapeutic"
    """Why it was done."""
    when: TimePoint | None = None
    """When it was done: 'week 2' (relative to the start of treatment) or a date, which the
    page shows as a relative time."""
    findings: Markdown | None = None
    """What was found during the procedure; may cite references and figures."""
    complications: list[Text] = []
    """Complications of the procedure; leave empty if none were reported."""
    figures: list[FigureRef] = []
    """Figure or panel ids that show this procedure."""
