"""The root of case.yaml: every section an author may write."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails

from casebook.models.abstract import Abstract
from casebook.models.base import DeclarationText, Markdown, Strict, Text, UnpublishedText
from casebook.models.care import CareNotes
from casebook.models.figures import Figure
from casebook.models.patient_record import (
    RecordAt,
    RecordFields,
    SeriesPatient,
    form_errors,
    single_record,
)
from casebook.models.publication import Affiliation, Author, Publication
from casebook.models.references import Reference


class Consent(Strict):
    """The patient's consent to publication, recorded before a case can be published."""

    basis: (
        Literal["patient written consent", "guardian written consent", "previously published"]
        | None
    ) = None
    """How publication is permitted; 'previously published' for cases adapted from a
    published report whose journal held the consent. No default: the author writes it, and a
    published case without it is an error."""
    seen: Literal["yes", "no"] | None = None
    """Whether the authors have seen the consent or, for a previously published case, a
    consent statement in the source: 'no' when the source states none. Unset, a previously
    published case counts as not seen. The CARE page shows consent as stated or not seen."""
    scope: Annotated[list[Literal["text", "images"]], Field(min_length=1)]
    """What the consent covers: text, images, or both."""
    statement: Text
    """The consent statement printed on the page."""


class ReviewedException(Strict):
    """Text the de-identification check flagged that an editor reviewed and accepted."""

    text: UnpublishedText
    """The exact flagged text, e.g. Koebner."""
    reason: UnpublishedText
    """Why it does not identify the patient, e.g. an eponym."""


class Deidentification(Strict):
    """The record of the de-identification review."""

    allow: list[ReviewedException] = []
    """Flagged texts reviewed and accepted; each must match the flagged text exactly."""


class Declarations(Strict):
    """Conflicts of interest and funding."""

    conflicts: DeclarationText | None = None
    """Conflicts of interest, or a statement that there are none."""
    funding: DeclarationText | None = None
    """Funding sources, or a statement that there was none."""


class FrontMatter(Strict):
    """What comes before the patients: publication, authors, abstract and introduction."""

    schema_version: Literal[1] = 1
    """Version of this format."""
    publication: Publication
    """How and where the case is published."""
    authors: Annotated[list[Author], Field(min_length=1)]
    """Authors in byline order."""
    affiliations: list[Affiliation] = []
    """Institutions that authors point at by id."""
    abstract: Abstract | None = None
    """A short summary of the case (CARE item 3): one text, or structured as background,
    case_presentation and conclusions; letters to the editor usually have none."""
    introduction: Markdown | None = None
    """Why the case matters, briefly (CARE item 4)."""
    patients: list[SeriesPatient] = []
    """For a case series: each patient's record, in the order the page numbers them. A single
    case leaves this out and writes patient, history and the rest at the top level."""


# The base classes set the order of the fields, which is the order of the page: front matter,
# then one patient's record (a single case), then what follows the patients.
class CaseFile(RecordFields, FrontMatter):
    """A clinical case report: the contents of case_data/<case-id>/case.yaml."""

    # The two forms in the JSON Schema too, so that an editor asks a single case for its
    # patient, history and diagnosis, and a series for nothing of the kind at the top level.
    model_config = ConfigDict(
        **Strict.model_config,
        json_schema_extra={
            "anyOf": [
                {"required": ["patients"]},
                {"required": ["patient", "history", "diagnosis"]},
            ]
        },
    )

    patient_perspective: Markdown | None = None
    """The patient's own account of the experience, if given."""
    consent: Consent
    """The recorded consent to publish; required."""
    declarations: Declarations | None = None
    """Conflicts of interest and funding."""
    deidentification: Deidentification | None = None
    """Reviewed exceptions to the de-identification check."""
    discussion: Markdown | None = None
    """The discussion; cites references ([@key]) and figures (@fig-id)."""
    reference_note: Text | None = None
    """A note printed under the reference list, e.g. that it is partial."""
    references: list[Reference] = []
    """References as CSL data (as Zotero and citation managers export them)."""
    figures: list[Figure] = []
    """Figures with their panels; numbered by first mention."""
    care_notes: CareNotes | None = None
    """Why a CARE checklist item is not addressed, e.g. a letter has no abstract."""

    @model_validator(mode="wrap")
    @classmethod
    def _one_form(cls, data: Any, handler: ModelWrapValidatorHandler[CaseFile]) -> CaseFile:
        """A single case or a series, never both; reported with every other error at once."""
        form = form_errors(data)
        try:
            case = handler(data)
        except ValidationError as exc:
            if not form:
                raise
            others = [
                InitErrorDetails(
                    type=e["type"], loc=e["loc"], input=e["input"], ctx=e.get("ctx", {})
                )
                for e in exc.errors(include_url=False)
            ]
            raise ValidationError.from_exception_data(cls.__name__, [*form, *others]) from None
        if form:
            raise ValidationError.from_exception_data(cls.__name__, form)
        return case

    @property
    def is_series(self) -> bool:
        return bool(self.patients)

    def records(self) -> tuple[RecordAt, ...]:
        """Each patient's record with its place in case.yaml: the top level for a single
        case, patients[i] for a series."""
        if self.patients:
            return tuple(
                RecordAt(p, ("patients", i), number=i + 1, id=p.id)
                for i, p in enumerate(self.patients)
            )
        return (RecordAt(single_record(self), ()),)
