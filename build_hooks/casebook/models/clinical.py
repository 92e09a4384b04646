"""The clinical content of a case, in the order of the CARE guideline."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from casebook.models.background import Allergy, Comorbidity, Medication, SocialHistory
from casebook.models.base import (
    NOT_STATED,
    DurationText,
    FigureRef,
    Holds,
    Markdown,
    NotStated,
    Strict,
    Text,
    TimePoint,
    is_duration,
    is_time_point,
)
from casebook.models.coding import DiagnosisCode
from casebook.models.demographics import AgeInUnits, Ethnicity, checked_age
from casebook.models.dosing import SINGLE_DOSE, Dose, Route, SingleDose
from casebook.models.pathology import ImmunofluorescenceResult, MarkerResult
from casebook.models.stated import TextOrNotStated, is_stated


class Patient(Strict):
    """De-identified demographics only: no names, dates, places or record numbers."""

    age: int | Literal["90 or older"] | AgeInUnits
    """Age at presentation: whole years from 2 ('90 or older' above 89, as HIPAA Safe Harbor
    requires); under 2, {value: 9, unit: months}; a neonate (under 28 days),
    {value: 12, unit: days}."""
    sex: Literal["female", "male", "intersex", "not stated"]
    """Sex as reported."""
    ethnicity: Ethnicity | None = None
    """Ethnicity, only where it bears on the case (e.g. an HLA allele common in the group),
    with why."""

    @field_validator("age", mode="before")
    @classmethod
    def _age_range(cls, age: object) -> object:
        return checked_age(age)


class Complaint(Strict):
    """A presenting complaint and how long it had lasted."""

    description: TextOrNotStated
    """What the patient presented with, e.g. generalised erythema with pruritus; 'not stated'
    when the source does not say."""
    duration: DurationText | None = None
    """How long it had lasted at presentation, e.g. '5 years'."""

    @model_validator(mode="after")
    def _no_length_of_an_unstated_complaint(self) -> Complaint:
        if self.duration is not None and not is_stated(self.description):
            raise ValueError(
                "a presenting complaint that is not stated has no duration: describe the "
                "complaint the duration belongs to, or remove the duration"
            )
        return self


class PriorTreatment(Strict):
    """A treatment tried before presentation and how it worked."""

    treatment: Text
    """Name of the earlier treatment, e.g. topical corticosteroids."""
    response: Literal["ineffective", "partial", "effective", "not tolerated", "not stated"]
    """How well it worked."""


class History(Strict):
    """Presenting complaints and the history that bears on them."""

    presenting_complaints: Annotated[list[Complaint], Field(min_length=1)]
    """What the patient presented with, each with its duration; one complaint with
    description 'not stated' when the source does not say."""
    past_history: list[Text] = []
    """Relevant past medical history, e.g. allergic rhinitis."""
    family_history: list[Text] = []
    """Relevant family history (state absences under pertinent_negatives)."""
    comorbidities: list[Comorbidity] = []
    """Background diseases and comorbidities, coded like diagnoses (CARE item 5c)."""
    medications: list[Medication] = []
    """Current and past medication, each marked current or past."""
    social_history: SocialHistory | None = None
    """Smoking and alcohol as categories, and other relevant social history."""
    allergies: list[Allergy] = []
    """Known allergies and intolerances; write 'no known drug allergies' under
    pertinent_negatives."""
    prior_treatments: list[PriorTreatment] = []
    """Treatments tried before presentation."""
    pertinent_negatives: list[Text] = []
    """Findings or history that were looked for and absent, e.g. no joint pain."""

    @model_validator(mode="after")
    def _unstated_complaint_alone(self) -> History:
        complaints = self.presenting_complaints
        if len(complaints) > 1 and not all(is_stated(c.description) for c in complaints):
            raise ValueError(
                "presenting_complaints lists a complaint 'not stated' beside stated ones: "
                "remove the one that is not stated"
            )
        return self

    @property
    def complaint_stated(self) -> bool:
        """False when the source does not say what the patient presented with."""
        return is_stated(self.presenting_complaints[0].description)


class ExamFinding(Strict):
    """What was found on examination at one body site."""

    site: Text
    """Body site, e.g. soles."""
    description: Text
    """The finding, in clinical language."""
    figures: list[FigureRef] = []
    """Figure or panel ids that show this finding."""


class Biopsy(Strict):
    """One biopsy and its histology."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$"), Holds.FORM_CHECKED]
    """Short id, e.g. biopsy-back."""
    site: TextOrNotStated
    """Where the biopsy was taken; 'not stated' when the source does not say."""
    stain: Literal[
        "H&E",
        "PAS",
        "Giemsa",
        "Ziehl-Neelsen",
        "Masson trichrome",
        "immunohistochemistry",
        "direct immunofluorescence",
        "not stated",
    ]
    """Stain used for the pictured sections; 'not stated' when the source does not say."""
    magnification: Annotated[int, Field(gt=0, le=1000)] | None = None
    """Original magnification of the pictured field, e.g. 40 for ×40."""
    findings: Annotated[list[Text], Field(min_length=1)]
    """Histological findings, one per item."""
    immunohistochemistry: list[MarkerResult] = []
    """Immunohistochemical markers and their results, e.g. CD30 positive."""
    special_stains: list[MarkerResult] = []
    """Special stains and their results, e.g. PAS negative for fungal elements."""
    immunofluorescence: list[ImmunofluorescenceResult] = []
    """Direct immunofluorescence of the specimen, one immunoreactant per item."""
    figures: list[FigureRef] = []
    """Figure panels that show this biopsy."""

    @property
    def site_stated(self) -> bool:
        return is_stated(self.site)

    @property
    def stain_stated(self) -> bool:
        return self.stain != NOT_STATED


class Differential(Strict):
    """A differential diagnosis and why it was kept or excluded."""

    name: Text
    """Name of the differential diagnosis."""
    status: Literal["excluded", "kept", "possible"]
    """excluded, kept (also diagnosed) or possible."""
    reasoning: Markdown
    """Why: the features that separated it; may cite references."""
    codes: list[DiagnosisCode] = []
    """Classification codes (ICD-10, ICD-11, SNOMED CT, MeSH), checked for their format."""


class DiagnosisItem(Strict):
    """A final diagnosis."""

    name: Text
    """Name of the diagnosis."""
    abbreviation: Text | None = None
    """Abbreviation used in the text, e.g. PPP."""
    codes: list[DiagnosisCode] = []
    """Classification codes (ICD-10, ICD-11, SNOMED CT, MeSH), checked for their format."""


class Diagnosis(Strict):
    """Final diagnoses and the differential diagnosis."""

    final: Annotated[list[DiagnosisItem], Field(min_length=1)]
    """The final diagnoses."""
    differentials: list[Differential] = []
    """Differential diagnoses considered."""


class TreatmentStep(Strict):
    """One step of the treatment course, in order."""

    drug: Text
    """Generic drug name, e.g. baricitinib."""
    action: Literal["start", "continue", "taper", "increase", "interrupt", "resume", "stop"]
    """What happened at this step."""
    dose: Dose | None = None
    """Dose per administration; leave out for an interruption or stop."""
    route: Route | None = None
    """How the drug was given."""
    frequency: Text | None = None
    """How often, e.g. once daily, every other day."""
    start: TimePoint | NotStated | None = None
    """When the step began: 'week 0', 'month 3' or a date, or 'not stated' when the source does
    not say (the step then keeps its place in the list). Left out, the step begins when the
    previous step of the same drug ends; the first step of the course begins at week 0."""
    duration: DurationText | NotStated | SingleDose | None = None
    """How long the step lasted, e.g. '4 weeks'; 'not stated' when the source does not say (a
    later step of the drug left without a start then has no stated start either); 'single
    dose' for a drug given once."""
    reason: Text | None = None
    """Why the treatment changed at this step."""
    response: Text | None = None
    """How the patient responded."""
    figures: list[FigureRef] = []
    """Figures that document this step."""

    @field_validator("start", mode="before")
    @classmethod
    def _start_form(cls, start: object) -> object:
        if (
            isinstance(start, str)
            and start.strip() != NOT_STATED
            and not is_time_point(start.strip())
        ):
            raise ValueError(
                f"'{start}' is not a start: write a time relative to the start of treatment, "
                "e.g. 'week 4' or 'month 3', a date as YYYY-MM-DD, or 'not stated' when the "
                "source does not say"
            )
        return start

    @field_validator("duration", mode="before")
    @classmethod
    def _duration_form(cls, duration: object) -> object:
        words = duration.strip() if isinstance(duration, str) else ""
        if (
            isinstance(duration, str)
            and words not in (NOT_STATED, SINGLE_DOSE)
            and not (is_duration(words))
        ):
            raise ValueError(
                f"'{duration}' is not a duration: write a number and a unit, e.g. '4 weeks' or "
                "'about 2 months', 'single dose' for a drug given once, or 'not stated' when "
                "the source does not say"
            )
        return duration


class OutcomeTime(Strict):
    """When the outcome was assessed, counted from the start of one drug or of treatment."""

    after: DurationText
    """How long after that start, e.g. '8 weeks'."""
    since: Text | None = None
    """The drug whose start it counts from, e.g. ustekinumab, as the treatment steps name it;
    left out, the start of treatment."""


class Outcome(Strict):
    """Outcome and follow-up."""

    summary: Markdown
    """The outcome in prose; may cite references and figures."""
    time_point: OutcomeTime | None = None
    """When the outcome was assessed, e.g. {after: 8 weeks, since: ustekinumab}."""
    follow_up: DurationText | None = None
    """Length of follow-up after the last treatment change."""
    adverse_events: list[Text] = []
    """Adverse or unanticipated events; leave empty if none were reported."""
