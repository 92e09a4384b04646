"""Site-wide settings: what the `extra.casebook` mapping of mkdocs.yml may hold (read by
casebook.load.read_settings)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from casebook.models.base import Strict, Text
from casebook.models.instruments import BUILT_IN, InstrumentSetting

EXAMPLE_CASE = "ppp-ad-baricitinib"
"""The example project's one published case: a site at an example address that publishes
nothing else is the example project itself (casebook.assemble.site_address)."""


class JournalLimits(Strict):
    """What a journal accepts for one article type; the build reports a case that exceeds it."""

    word_limit: Annotated[int, Field(gt=0)] | None = None
    """Words of main text (abstract, tables, legends, references and consent not counted)."""
    max_references: Annotated[int, Field(ge=0)] | None = None
    max_figures: Annotated[int, Field(ge=0)] | None = None
    max_panels: Annotated[int, Field(ge=0)] | None = None
    """Figure panels (images and charts) across all figures."""


class JournalProfile(Strict):
    """Limits per article type, as in a journal's instructions for authors."""

    name: Text | None = None
    """Journal whose instructions these are."""
    letter: JournalLimits | None = None
    case_report: JournalLimits | None = Field(None, alias="case-report")


class EditorSettings(Strict):
    """The form editor on the published site: Decap CMS, committing through GitHub."""

    repo: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    """The GitHub repository of the site, owner/name."""
    branch: Text = "main"
    """The branch the editor commits to."""
    base_url: Annotated[str, Field(pattern=r"^https://\S+$")] | None = None
    """The OAuth server that signs authors in to GitHub (Decap's base_url); GitHub Pages has
    none of its own."""
    auth_endpoint: Text | None = None
    """The sign-in path on that server, if not Decap's default 'auth'."""


class SiteSettings(Strict):
    """Settings for the whole site; every case page and listing uses them."""

    case_dir: Text = "case_data"
    """Folder, relative to mkdocs.yml, that holds one sub-folder per case."""
    title: Text = "Casebook"
    """Title of the home page."""
    description: Text = "Clinical case reports."
    """One line under the home page title."""
    journal_title: Text | None = None
    """Journal or collection name used in citations and metadata."""
    journal_abbreviation: Text | None = None
    issn: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{3}[\dX]$")] | None = None
    publisher: Text | None = None
    default_licence: Text = "CC-BY-4.0"
    base_url: Annotated[str, Field(pattern=r"^https?://\S+/$")] | None = None
    """Public address of the site, ending in '/'."""
    logo: Annotated[str, Field(pattern=r"^[\w./-]+\.(png|jpe?g)$")] | None = None
    """Site path of the collection's logo (PNG or JPEG), e.g. assets/logo.png: the image search
    engines show for a case whose consent does not cover images, or that has none."""
    instruments: dict[str, InstrumentSetting] = Field(default_factory=dict)
    """Outcome instruments added to the built-in registry, by the name cases use."""
    care_missing: Literal["warning", "error"] = "warning"
    """What a CARE checklist item that a case neither addresses nor explains is."""
    journal_profile: JournalProfile | None = None
    """Word, reference, figure and panel limits; a case over them is a build warning."""
    editor: EditorSettings | None = None
    """Publish the form editor at admin/ of the site; the preview (./dev.sh edit) always has it."""

    @field_validator("instruments")
    @classmethod
    def _no_redefined_instruments(
        cls, instruments: dict[str, InstrumentSetting]
    ) -> dict[str, InstrumentSetting]:
        clashes = sorted(set(instruments) & set(BUILT_IN))
        if clashes:
            raise ValueError(
                f"{', '.join(clashes)} is built in with its published range; "
                "give a site instrument another name"
            )
        return instruments

    cases_per_page: Annotated[int, Field(ge=10)] = 100
    """How many cases the home page lists; older ones continue on archive/2/, archive/3/ and so
    on, so that no page grows with the collection and an edit rebuilds one short page."""

    # 25.0, not 25: the settings reach the prefill child as JSON and key its cache entries, so
    # the default must dump as the float it reads back as.
    max_figure_megabytes: Annotated[float, Field(gt=0, le=1000)] = 25.0
    """The largest figure file accepted, in megabytes (1,000,000 bytes): large enough for any
    photograph or slide-scanner export cropped to a figure. A larger file is refused before
    it is read."""

    pdf: bool = True
    """Typeset a PDF of every published case (Typst, PDF/A-2a and PDF/UA-1) and link it from
    the page, its head metadata and its JATS."""
    pdf_paper: Literal["a4", "us-letter"] = "a4"
    """Paper size of the PDFs: A4, or US Letter."""

    feed_entries: Annotated[int, Field(ge=1)] = 50
    """How many of the newest cases the Atom feed lists. Readers' feed software fetches the
    feed over and over; a feed of every case would grow with the collection."""

    cache_keep_builds: Annotated[int, Field(ge=1)] = 10
    """A build removes the build-cache entries that none of the last this many builds used
    (earlier versions of a figure, a deleted case's output); `mkdocs build`, `casebook
    render` and a preview each count as one build. Changes what the cache keeps, never what
    a build makes: no page is built again when it changes."""
