"""Read what authors and site owners wrote: case folders (YAML, then schema, then every later
check; every error of every case) and the site settings, each error at its line and column."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from casebook.article import Article, build_article
from casebook.checks import (
    ContentCheck,
    check_care,
    check_case_text,
    check_consent,
    check_crossrefs,
    check_figure_files,
    check_history_dates,
    check_journal,
    check_leftovers,
    findings_from_validation,
)
from casebook.clinical import analyse_case
from casebook.errors import Diagnostic, SettingsError
from casebook.findings import Finding, to_diagnostics
from casebook.models import CaseFile, SiteSettings, number_case, registry
from casebook.positions import Positions
from casebook.source import Loaded, load_yaml_file

CASE_FILE = "case.yaml"
SETTINGS_PATH = ("extra", "casebook")
"""Where the site settings stand in mkdocs.yml."""
_CASE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def is_case_id(name: str) -> bool:
    """Whether `name` may name a case folder, and so a page address."""
    return bool(_CASE_ID.match(name))


def case_folders(case_root: Path) -> list[Path]:
    """Case folders in a stable order; a folder without case.yaml is not a case."""
    if not case_root.is_dir():
        return []
    with os.scandir(case_root) as entries:
        names = [e.name for e in entries if e.is_dir() and os.path.isfile(f"{e.path}/{CASE_FILE}")]
    return [case_root / name for name in sorted(names)]


def load_cases(
    case_root: Path, *, project_root: Path, settings: SiteSettings | None = None
) -> LoadResult:
    result = LoadResult()
    for folder in case_folders(case_root):
        result.files += 1
        article, diagnostics = load_case(folder, project_root=project_root, settings=settings)
        result.diagnostics.extend(diagnostics)
        if article is not None:
            result.articles.append(article)
    return result


def display_path(path: Path, project_root: Path) -> str:
    try:
        return path.resolve().relative_to(project_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_case(
    folder: Path,
    *,
    project_root: Path,
    settings: SiteSettings | None = None,
    remembered: ContentCheck | None = None,
) -> tuple[Article | None, list[Diagnostic]]:
    """The article, or None when the case has errors; warnings come back with an article."""
    settings = settings or SiteSettings()
    path = folder / CASE_FILE
    display = display_path(path, project_root)
    if not is_case_id(folder.name):
        return None, _whole_file(
            display,
            f"case folder name '{folder.name}' is not a valid case id",
            "use lower-case letters, digits and hyphens",
        )
    # The loader reports where no field path reaches (syntax, duplicate keys, tabs), so its
    # problems come with their lines already.
    loaded = load_yaml_file(path, display=display)
    if loaded.diagnostics:
        return None, loaded.diagnostics
    if not isinstance(loaded.data, dict):
        return None, _whole_file(
            display, "a case file must be a mapping of sections", "start with 'publication:'"
        )
    article, findings = _check_case(
        loaded.data, folder, settings=settings, remembered=remembered, loaded=loaded
    )
    diagnostics = to_diagnostics(
        findings, display=display, positions=loaded.positions, source=loaded.source
    )
    return article, diagnostics


def _whole_file(display: str, message: str, hint: str) -> list[Diagnostic]:
    """A problem with the file as a whole, reported at its top."""
    return to_diagnostics([Finding((), message, hint)], display=display, positions=Positions())


def _check_case(
    data: dict[str, Any],
    folder: Path,
    *,
    settings: SiteSettings,
    remembered: ContentCheck | None,
    loaded: Loaded,
) -> tuple[Article | None, list[Finding]]:
    """The schema, then every later check; the article only when none found an error. The
    template's leftovers are read from the text as written (values and their comments)."""
    try:
        case = CaseFile.model_validate(data)
    except ValidationError as exc:
        return None, findings_from_validation(exc, data=data, model=CaseFile)
    numbering = number_case(case)
    findings = check_leftovers(data, positions=loaded.positions, source=loaded.source)
    findings += check_crossrefs(case, numbering)
    findings += check_figure_files(
        case,
        folder,
        remembered=remembered,
        max_bytes=int(settings.max_figure_megabytes * 1_000_000),
    )
    findings += check_consent(case)
    findings += check_history_dates(case)
    findings += check_case_text(case)
    clinical, clinical_findings = analyse_case(case, registry=registry(settings.instruments))
    findings += clinical_findings
    findings += check_care(case, missing_severity=settings.care_missing)
    findings += check_journal(case, numbering, settings.journal_profile)
    if clinical is None or any(f.severity == "error" for f in findings):
        return None, findings
    article = build_article(
        folder.name, folder=folder, case=case, numbering=numbering, clinical=clinical
    )
    return article, findings


def read_settings(
    raw: Mapping[str, Any], *, site_url: str | None = None, source: Path | None = None
) -> SiteSettings:
    """The site settings from `raw`, the extra.casebook mapping MkDocs read from `source`
    (mkdocs.yml); SettingsError lists every problem, at its line in `source` when given.
    `site_url` (MkDocs' own setting) is the base URL unless extra.casebook names one."""
    data = dict(raw)
    findings: list[Finding] = []
    if site_url:
        site_url = site_url if site_url.endswith("/") else f"{site_url}/"
        if data.setdefault("base_url", site_url) != site_url:
            findings.append(
                Finding(
                    ("base_url",),
                    f"'{data['base_url']}' differs from site_url '{site_url}'",
                    "leave base_url out; site_url is used",
                )
            )
    try:
        settings = SiteSettings.model_validate(data)
    except ValidationError as exc:
        findings += findings_from_validation(exc, data=data, model=SiteSettings)
    else:
        if not findings:
            return settings
    display = source.name if source else "mkdocs.yml"
    diagnostics = to_diagnostics(
        [f.under(SETTINGS_PATH) for f in findings],
        display=display,
        positions=_settings_positions(source, display=display),
    )
    raise SettingsError(diagnostics, file=display)


def _settings_positions(source: Path | None, *, display: str) -> Positions | None:
    """Where each value of mkdocs.yml stands, read only when a setting is wrong. MkDocs has
    read the values already; this loader refuses its tags (!ENV, !!python/name) but still
    places everything up to them, so only a file it cannot parse leaves no positions."""
    if source is None:
        return None
    try:
        positions = load_yaml_file(source, display=display).positions
    except OSError:
        return None
    return positions if positions.values else None
