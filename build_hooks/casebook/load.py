"""Read case folders: YAML, then schema, then cross-references; every error of every case."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from casebook.article import Article, build_article
from casebook.checks import (
    ContentCheck,
    check_care,
    check_case_text,
    check_consent,
    check_crossrefs,
    check_figure_file,
    check_journal,
    diagnostics_from_validation,
)
from casebook.clinical import analyse_case
from casebook.errors import Diagnostic
from casebook.findings import to_diagnostics
from casebook.models import CaseFile, SiteSettings, number_case, registry
from casebook.positions import Positions, dotted
from casebook.source import load_yaml_file

CASE_FILE = "case.yaml"
_CASE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


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
    if not _CASE_ID.match(folder.name):
        return None, [
            Diagnostic(
                display,
                1,
                1,
                "",
                f"case folder name '{folder.name}' is not a valid case id",
                "use lower-case letters, digits and hyphens",
            )
        ]
    loaded = load_yaml_file(path, display=display)
    if loaded.diagnostics:
        return None, loaded.diagnostics
    if not isinstance(loaded.data, dict):
        return None, [
            Diagnostic(
                display,
                1,
                1,
                "",
                "a case file must be a mapping of sections",
                "start with 'publication:'",
            )
        ]
    try:
        case = CaseFile.model_validate(loaded.data)
    except ValidationError as exc:
        return None, diagnostics_from_validation(
            exc, data=loaded.data, positions=loaded.positions, display=display, model=CaseFile
        )
    numbering = number_case(case)
    problems = check_crossrefs(case, numbering, positions=loaded.positions, display=display)
    problems += _figure_file_problems(
        case, folder, positions=loaded.positions, display=display, remembered=remembered
    )
    problems += check_consent(case, positions=loaded.positions, display=display)
    problems += check_case_text(
        case, positions=loaded.positions, display=display, source=loaded.source
    )
    clinical, findings = analyse_case(case, registry=registry(settings.instruments))
    findings += check_care(case, missing_severity=settings.care_missing)
    findings += check_journal(case, numbering, settings.journal_profile)
    problems += to_diagnostics(findings, positions=loaded.positions, display=display)
    if clinical is None or any(p.severity == "error" for p in problems):
        return None, problems
    article = build_article(
        folder.name,
        folder=folder,
        display=display,
        case=case,
        numbering=numbering,
        clinical=clinical,
    )
    return article, problems


def _figure_file_problems(
    case: CaseFile,
    folder: Path,
    *,
    positions: Positions,
    display: str,
    remembered: ContentCheck | None,
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for i, figure in enumerate(case.figures):
        for j, panel in enumerate(figure.panels):
            if panel.file is None:
                continue  # a chart, drawn from the case data
            path = ("figures", i, "panels", j, "file")
            mark = positions.of(path)
            out.extend(
                Diagnostic(display, mark.line, mark.column, dotted(path), issue.message, issue.hint)
                for issue in check_figure_file(folder, panel.file, remembered=remembered)
            )
    return out
