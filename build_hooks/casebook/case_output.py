"""What each case publishes, built once per change of its folder and otherwise read from cache."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from casebook.article import Article
from casebook.build_cache import BuildCache, core_fingerprint
from casebook.errors import Diagnostic
from casebook.image_checks import ContentCheck, ImageIssue
from casebook.image_publish import publish_image
from casebook.loading import case_folders, display_path, load_case
from casebook.render import render_case_page

IMAGES = "images"
"""Folder of re-encoded figures inside the build cache, named by the source's content hash."""


@dataclass(frozen=True)
class CaseListing:
    """What the home page and other site-wide pages need to know about one case."""

    id: str
    title: str
    page_uri: str
    diagnoses: tuple[str, ...]
    main_treatment: str | None
    date: str | None
    published: bool
    tags: tuple[str, ...]


@dataclass(frozen=True)
class CaseOutput:
    """Everything one case adds to the site; small, so reading it back is cheap."""

    listing: CaseListing
    pages: dict[str, str]
    """site path of a Markdown page -> its text."""
    images: dict[str, str]
    """site path of a figure -> name of its re-encoded file in the image cache."""
    warnings: tuple[Diagnostic, ...] = ()


@dataclass
class CasesResult:
    outputs: list[CaseOutput] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    reused: int = 0
    """How many cases came from the cache unchanged."""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def case_listing(article: Article) -> CaseListing:
    date = article.case.publication.date
    return CaseListing(
        id=article.id,
        title=article.title,
        page_uri=article.page_uri,
        diagnoses=tuple(article.diagnoses),
        main_treatment=article.main_treatment,
        date=date.isoformat() if date else None,
        published=article.published,
        tags=tuple(article.tags),
    )


def render_case_output(
    article: Article,
    *,
    site: dict[str, Any],
    image_cache: Path,
    warnings: tuple[Diagnostic, ...] = (),
) -> CaseOutput:
    """Render the page and publish the figures of one valid case."""
    images: dict[str, str] = {}
    for figure in article.figures:
        for panel in figure.panels:
            published = publish_image(article.folder / panel.file, cache_dir=image_cache)
            uri = PurePosixPath(article.page_uri).parent / panel.file
            images[uri.as_posix()] = published.file.name
    return CaseOutput(
        listing=case_listing(article),
        pages={article.page_uri: render_case_page(article, site=site)},
        images=images,
        warnings=warnings,
    )


def build_case_outputs(
    case_root: Path, *, project_root: Path, site: dict[str, Any], cache: BuildCache
) -> CasesResult:
    """Every case's output, reusing the cached one when nothing it depends on changed; every
    error of every case is collected."""
    fingerprint = core_fingerprint()
    image_cache = cache.root / IMAGES
    remembered = _remembered_checks(cache, key=fingerprint)
    # Where the case files are, as messages show it, is part of the key: warnings carry it.
    variant = _hash(json.dumps(site, sort_keys=True, default=str), str(case_root))[:16]
    common = _hash(fingerprint, variant, display_path(case_root, project_root))
    result = CasesResult()
    for folder in case_folders(case_root):
        result.files += 1
        key = _case_key(cache, folder, common=common)
        # One entry per case and settings: `casebook render` and `mkdocs build` may use
        # different settings, and must not keep replacing each other's entries.
        name = f"{folder.name}.{variant}"
        cached = cache.get("cases", name, key=key) if key else None
        if isinstance(cached, CaseOutput) and _images_present(cached, str(image_cache)):
            result.outputs.append(cached)
            result.diagnostics.extend(cached.warnings)
            result.reused += 1
            continue
        article, diagnostics = load_case(folder, project_root=project_root, remembered=remembered)
        result.diagnostics.extend(diagnostics)
        if article is None or result.errors:
            continue  # the build fails anyway; keep checking the other cases, skip rendering
        output = render_case_output(
            article, site=site, image_cache=image_cache, warnings=tuple(diagnostics)
        )
        result.outputs.append(output)
        # A folder saved again while it was being read must not be remembered as this output.
        if key is not None and key == _case_key(cache, folder, common=common):
            cache.put("cases", name, output, key=key)
    cache.save()
    return result


def _hash(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _case_key(cache: BuildCache, folder: Path, *, common: str) -> str | None:
    tree = cache.tree_digest(folder)
    return None if tree is None else _hash(common, folder.name, tree)


def _images_present(output: CaseOutput, image_cache: str) -> bool:
    # Deleting only the image folder of the cache must not leave pages pointing at nothing.
    return all(os.path.isfile(f"{image_cache}/{name}") for name in output.images.values())


def _remembered_checks(cache: BuildCache, *, key: str) -> ContentCheck:
    """Decoding an image to check it is the slow part of loading; remember the verdict for the
    same bytes, so editing a case's text does not decode its figures again."""

    def remembered(
        path: Path, context: str, check: Callable[[], list[ImageIssue]]
    ) -> list[ImageIssue]:
        try:
            digest = cache.file_digest(path)
        except OSError:
            return check()
        name = _hash(digest, context)
        verdict = cache.get("image-checks", name, key=key)
        if not isinstance(verdict, list):
            verdict = check()
            cache.put("image-checks", name, verdict, key=key)
        return verdict

    return remembered
